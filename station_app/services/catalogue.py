"""Extending the station's service catalogue: add, rename, retire (never delete)."""

from __future__ import annotations

from ..data import queries
from ..data.db import Ledger
from ..data.entries import Entry
from ..domain import catalogue, validate
from ..domain.errors import InvalidInput


def add_service(ledger: Ledger, code: str, name_zh: str, name_en: str, *, by: str) -> Entry:
    code = catalogue.validate_service_code(code)
    zh = validate.text("service", name_zh, max_len=12)
    en = validate.text("service", name_en or zh, max_len=40)
    with ledger.write():
        if any(s.code == code for s in queries.services(ledger)):
            raise InvalidInput("service", "code_format", value=code)
        return ledger.append("service.define", {"code": code, "name_zh": zh, "name_en": en},
                             by=by)


def rename_service(ledger: Ledger, code: str, name_zh: str, name_en: str, *, by: str) -> Entry:
    zh = validate.text("service", name_zh, max_len=12)
    en = validate.text("service", name_en or zh, max_len=40)
    with ledger.write():
        if not any(s.code == code for s in queries.services(ledger)):
            raise InvalidInput("service", "unknown", value=code)
        return ledger.append("service.rename", {"code": code, "name_zh": zh, "name_en": en},
                             by=by)


def retire_service(ledger: Ledger, code: str, *, by: str) -> Entry:
    with ledger.write():
        if not any(s.code == code and s.active for s in queries.services(ledger)):
            raise InvalidInput("service", "unknown", value=code)
        return ledger.append("service.retire", {"code": code}, by=by)
