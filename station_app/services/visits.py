"""Recording visits at the counter: a member (scanned or typed) or a walk-in, with services."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..data import queries
from ..data.db import Ledger
from ..data.entries import Entry
from ..domain import member_no, messages, worker_types
from ..domain.errors import InvalidInput, Refused

messages.register({
    "member_not_here": ("会员号 {member_no} 不在本站台账中，不能按此号登记",
                        "Member {member_no} is not in this station's ledger; nothing can be "
                        "recorded under that number"),
})


@dataclass(frozen=True)
class WalkIn:
    worker_type: str
    doc_type: str | None = None  # foreign drivers: passport / other
    nationality: str | None = None


def check_services(ledger: Ledger, codes: Sequence[str]) -> list[str]:
    """Known, active service codes in catalogue order; unknown or retired ones are refused."""
    if not codes:
        raise InvalidInput("service", "empty")
    catalogue = {s.code: s for s in queries.services(ledger)}
    chosen: list[str] = []
    for raw in codes:
        code = raw.strip().lower()
        service = catalogue.get(code)
        if service is None:
            raise InvalidInput("service", "unknown", value=raw.strip(),
                               choices=", ".join(c for c, s in catalogue.items() if s.active))
        if not service.active:
            raise InvalidInput("service", "retired", value=code)
        if code not in chosen:
            chosen.append(code)
    order = {s.code: s.sort for s in catalogue.values()}
    return sorted(chosen, key=lambda c: order[c])


def check_walk_in(walk_in: WalkIn) -> dict[str, str | None]:
    worker = worker_types.worker_type(walk_in.worker_type)
    doc = worker_types.doc_type(walk_in.doc_type) if walk_in.doc_type else None
    nat = worker_types.nationality(walk_in.nationality) if walk_in.nationality else None
    return {"worker_type": worker, "doc_type": doc, "nationality": nat}


def member_to_serve(ledger: Ledger, number: str) -> queries.Member | None:
    """The member a visit or a handout goes to; None for another station's member not held
    here yet (served by number). Refused: a member who left, and a number of this very station
    that its ledger does not hold (the sign-up was voided, or never made)."""
    known = queries.find_member(ledger, number)
    if known is not None and known.status in ("withdrawn", "transferred_out"):
        raise Refused("member_inactive", member_no=number, status=known.status)
    if known is None and member_no.station_of(number) == ledger.station_code:
        raise Refused("member_not_here", member_no=number)
    return known


def record_visit(ledger: Ledger, services: Sequence[str], *, by: str, member: str | None = None,
                 walk_in: WalkIn | None = None, card_serial: int | None = None) -> Entry:
    """One visit (one person-time, 一人次) with the services given.

    A member number unknown to this ledger is still served and recorded by number (a member
    of another station not yet in a return bundle), as long as its check character is right.
    """
    if (member is None) == (walk_in is None):
        raise InvalidInput("member_no", "walk_in_member")
    codes = check_services(ledger, services)
    if member is not None:
        number = member_no.parse(member)
        with ledger.write():
            known = member_to_serve(ledger, number)
            body: dict[str, object] = {
                "member_no": number, "worker_type": known.worker_type if known else "other",
                "services": codes, "walk_in": False, "doc_type": None, "nationality": None,
            }
            if card_serial is not None:
                body["card_serial"] = card_serial
            return ledger.append("visit", body, by=by)
    assert walk_in is not None
    fields = check_walk_in(walk_in)
    with ledger.write():
        return ledger.append("visit", {"member_no": None, "services": codes, "walk_in": True,
                                       **fields}, by=by)
