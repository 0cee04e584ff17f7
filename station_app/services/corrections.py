"""Voids and corrections: new entries that point at the one they fix; history stays visible."""

from __future__ import annotations

from typing import Any

from ..data.db import Ledger
from ..data.entries import CORRECTABLE_KINDS, VOIDABLE_KINDS, Entry
from ..domain import validate, worker_types
from ..domain.errors import InvalidInput, Refused

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
            raise Refused("cannot_correct_kind", kind=target.kind)
        if ledger.conn.execute("SELECT 1 FROM voids WHERE target = ?", (target.id,)).fetchone():
            raise Refused("already_voided")
        newest = ledger.conn.execute(
            "SELECT body FROM corrections WHERE target = ? ORDER BY ord DESC LIMIT 1",
            (target.id,)).fetchone()
        import json

        for field in changes:
            if field not in CORRECTABLE_FIELDS[target.kind]:
                raise Refused("cannot_correct", field=field)
        current = json.loads(newest[0]) if newest else dict(target.body)
        body = {**current, **_checked(ledger, changes, current)}
        if target.kind == "relief" and not body.get("money_fen") and not body.get("goods"):
            raise InvalidInput("money_fen", "nothing")  # a handout of nothing is a void
        if _same(body, current):
            raise Refused("no_changes")  # a reason alone would mark the entry corrected
        return ledger.append("correct", {"reason": why, "body": body}, by=by, target=target.id)


def _same(body: dict[str, Any], current: dict[str, Any]) -> bool:
    """Whether a corrected body says what the entry says now (services in any order)."""
    def key(b: dict[str, Any]) -> dict[str, Any]:
        services = b.get("services")
        return {**b, "services": sorted(map(str, services))} if isinstance(services, list) else b
    return key(body) == key(current)


def _checked(ledger: Ledger, changes: dict[str, Any], current: dict[str, Any]
             ) -> dict[str, Any]:
    """The corrected values under the same rules as when they were first recorded; a service
    the entry already had may have been retired since (cooling, after the summer)."""
    from . import relief, visits

    out = dict(changes)
    if "services" in changes:
        given = changes["services"]
        if not isinstance(given, list) or not all(isinstance(c, str) for c in given):
            raise InvalidInput("service", "format")
        had = {str(c) for c in current.get("services", ()) if isinstance(c, str)}
        codes = list(dict.fromkeys(c.strip().lower() for c in given))
        if not codes:
            raise InvalidInput("service", "empty")
        added = [c for c in codes if c not in had]
        if added:
            visits.check_services(ledger, added)  # new ones: known and still offered
        out["services"] = codes
    if "worker_type" in changes:
        out["worker_type"] = worker_types.worker_type(str(changes["worker_type"]))
    if "money_fen" in changes:
        value = changes["money_fen"]
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise InvalidInput("money_fen", "format")
        out["money_fen"] = validate.money_fen(value)
    if "goods" in changes:
        given = changes["goods"]
        try:
            goods = [relief.check_goods(g["item"], g["qty"]) for g in given]
        except (TypeError, KeyError):
            raise InvalidInput("goods", "format", value=str(given)[:40]) from None
        out["goods"] = [{"item": g.item, "qty": g.qty} for g in relief.merge_goods(goods)]
    return out
