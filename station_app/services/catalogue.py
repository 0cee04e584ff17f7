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
        held = {s.code: s for s in queries.services(ledger)}
        if code in held:
            # A retired one comes back with restore_service (same code: the reports go on).
            raise InvalidInput("service", "exists" if held[code].active else "retired_exists",
                               value=code)
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
        held = {s.code: s for s in queries.services(ledger)}
        if code not in held:
            raise InvalidInput("service", "unknown", value=code)
        if not held[code].active:
            raise InvalidInput("service", "retired", value=code)
        return ledger.append("service.retire", {"code": code}, by=by)


def restore_service(ledger: Ledger, code: str, *, by: str) -> Entry:
    """A retired service offered again (cooling every summer) under its own code and names,
    so this year's figures continue last year's."""
    with ledger.write():
        held = {s.code: s for s in queries.services(ledger)}
        if code not in held:
            raise InvalidInput("service", "unknown", value=code)
        if held[code].active:
            raise InvalidInput("service", "exists", value=code)
        row = held[code]
        return ledger.append("service.define", {"code": code, "name_zh": row.name_zh,
                                                "name_en": row.name_en}, by=by)
