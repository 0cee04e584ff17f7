"""Voids and corrections: new entries that point at the one they fix; history stays visible."""

from __future__ import annotations

from typing import Any

from ..data.db import Ledger
from ..data.entries import CORRECTABLE_KINDS, VOIDABLE_KINDS, Entry
from ..domain import validate
from ..domain.errors import Refused

# What a correction may change, per kind of entry (anything else: void and record again).
CORRECTABLE_FIELDS: dict[str, frozenset[str]] = {
    "visit": frozenset({"services", "worker_type"}),
    "relief": frozenset({"money_fen", "goods", "worker_type"}),
    "enrolment": frozenset({"details"}),
}


def _own(ledger: Ledger, target: Entry) -> None:
    """Only the station that recorded an entry may void or correct it: another station's entry
    (received by sync) is fixed at its source, so every copy of the ledger agrees."""
    if target.station != ledger.station_code:
        raise Refused("foreign_entry", station=target.station)


def void_entry(ledger: Ledger, entry_id: str, reason: str, *, by: str) -> Entry:
    why = validate.text("reason", reason, max_len=200)
    with ledger.write():
        target = ledger.find_entry(entry_id)
        _own(ledger, target)
        if target.kind not in VOIDABLE_KINDS:
            raise Refused("cannot_void", kind=target.kind)
        already = ledger.conn.execute("SELECT 1 FROM voids WHERE target = ?",
                                      (target.id,)).fetchone()
        if already:
            raise Refused("already_voided")
        return ledger.append("void", {"reason": why}, by=by, target=target.id)


def correct_entry(ledger: Ledger, entry_id: str, changes: dict[str, Any], reason: str, *,
                  by: str) -> Entry:
    """Replace some fields of a visit, relief or enrolment; the original stays in the log."""
    why = validate.text("reason", reason, max_len=200)
    with ledger.write():
        target = ledger.find_entry(entry_id)
        _own(ledger, target)
        if target.kind not in CORRECTABLE_KINDS:
            raise Refused("cannot_void", kind=target.kind)
        if ledger.conn.execute("SELECT 1 FROM voids WHERE target = ?", (target.id,)).fetchone():
            raise Refused("already_voided")
        newest = ledger.conn.execute(
            "SELECT body FROM corrections WHERE target = ? ORDER BY ord DESC LIMIT 1",
            (target.id,)).fetchone()
        import json

        for field in changes:
            if field not in CORRECTABLE_FIELDS[target.kind]:
                raise Refused("cannot_correct", field=field)
        body = json.loads(newest[0]) if newest else dict(target.body)
        body.update(changes)
        return ledger.append("correct", {"reason": why, "body": body}, by=by, target=target.id)
