"""Revealing ID numbers (admin + reason, audited) and retention-driven anonymisation."""

from __future__ import annotations

from datetime import timedelta

import pytest

from station_app.data import projector, queries
from station_app.data.db import Ledger
from station_app.domain import clock
from station_app.domain.errors import InvalidInput, LedgerError, Refused
from station_app.services import audit, auth, members, privacy, visits
from tests.helpers import ledger_hash, rid, sign_up
from tests.security.conftest import ADMIN_PIN, AUDITOR, CLERK_PIN, MovableClock, staff


def test_reveal_needs_admin_and_a_reason_and_is_audited(staffed: Ledger) -> None:
    number = sign_up(staffed, 7, name="赵六")
    boss = auth.authenticate(staffed, "boss", ADMIN_PIN)
    clerk = auth.authenticate(staffed, "clerk", CLERK_PIN)
    before = audit.count(staffed)
    with pytest.raises(InvalidInput):
        privacy.reveal(staffed, number, "  ", attendant=boss)
    with pytest.raises(Refused) as err:
        privacy.reveal(staffed, number, "want to see", attendant=clerk)
    assert err.value.code == "not_permitted"
    with pytest.raises(Refused) as err:
        privacy.reveal(staffed, number, "no sign-in", attendant=None, actor="someone")
    assert err.value.code == "signin_required"
    assert privacy.reveal(staffed, number, "实名核验：补办会员证", attendant=boss) == rid(7)
    row = audit.rows(staffed, 1, attendant=AUDITOR)[0]
    assert (row.actor, row.action, row.subject, row.outcome) == ("boss", "reveal", number, "ok")
    assert row.detail["reason"] == "实名核验：补办会员证"
    assert rid(7) not in repr(audit.rows(staffed, 50, attendant=AUDITOR))  # never in the log
    denied = [r for r in audit.rows(staffed, 10, attendant=AUDITOR) if r.action == audit.DENIED]
    assert len(denied) == 2 and audit.count(staffed) > before
    # whose number was asked for is in the refusal's row too
    assert [r.detail["member_no"] for r in denied] == [number, number]
    refused = [r for r in audit.rows(staffed, 20, attendant=AUDITOR)
               if r.action == audit.REVEAL and r.outcome == "refused"]
    assert [r.detail["error"] for r in refused] == ["invalid.reason.required"]  # no reason
    with pytest.raises(LedgerError):
        privacy.reveal(staffed, "MZL01-0000019", "查", attendant=boss)  # no such member
    row = audit.rows(staffed, 1, attendant=AUDITOR)[0]
    assert (row.action, row.outcome, row.subject) == ("reveal", "refused", "MZL01-0000019")
    with pytest.raises(LedgerError):  # the ID number typed into the member-number box
        privacy.reveal(staffed, rid(7), f"查 {rid(7)}", attendant=boss)
    row = audit.rows(staffed, 1, attendant=AUDITOR)[0]
    assert row.outcome == "refused" and rid(7) not in repr(row)


def _withdraw(ledger: Ledger, n: int, name: str) -> str:
    number = sign_up(ledger, n, name=name, phone=f"1390000{n:04d}")
    visits.record_visit(ledger, ["water"], by="t", member=number)
    members.withdraw_member(ledger, number, "moved away", by="t")
    return number


def test_retention_anonymises_members_who_left_long_ago(staffed: Ledger,
                                                        movable_clock: MovableClock) -> None:
    old = _withdraw(staffed, 11, "钱七")
    active = sign_up(staffed, 12, name="孙八")
    movable_clock.advance(days=365 * 2)
    recent = _withdraw(staffed, 13, "周九")
    admin = staff(staffed, "boss")
    assert privacy.apply_retention(staffed, by="boss", attendant=admin) == []  # off by default
    privacy.set_retention_years(staffed, 3, by="boss", attendant=admin)
    assert privacy.due_for_anonymisation(staffed) == []
    movable_clock.advance(days=365 + 30)  # `old` left 3 years + 1 month ago
    assert [d.member_no for d in privacy.due_for_anonymisation(staffed)] == [old]
    visits_before = staffed.conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0]

    assert privacy.apply_retention(staffed, by="boss", attendant=admin) == [old]
    gone = queries.get_member(staffed, old)
    assert (gone.name, gone.phone, gone.id_masked, gone.birth_date) == ("", "", "", "")
    assert gone.status == "withdrawn" and gone.worker_type == "delivery_rider"
    assert queries.search_members(staffed, "钱七") == []
    assert queries.member_by_id_hash(staffed, staffed.keys.id_hash(rid(11))) is None
    # Their visits still count in statistics.
    assert staffed.conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == visits_before
    assert staffed.conn.execute("SELECT COUNT(*) FROM visits WHERE member_no = ?",
                                (old,)).fetchone()[0] == 1
    # Others untouched; a second run does nothing.
    assert queries.get_member(staffed, recent).name == "周九"
    assert queries.get_member(staffed, active).name == "孙八"
    assert privacy.apply_retention(staffed, by="boss", attendant=admin) == []
    boss = auth.authenticate(staffed, "boss", ADMIN_PIN)
    with pytest.raises(Refused) as err:
        privacy.reveal(staffed, old, "audit request", attendant=boss)
    assert err.value.code == "member_anonymised"
    # The anonymisation is an entry: rebuilding the projections from the log keeps it.
    snapshot = ledger_hash(staffed)
    with staffed.write():
        projector.rebuild_all(staffed)
    assert ledger_hash(staffed) == snapshot
    rows = [r for r in audit.rows(staffed, 20, attendant=AUDITOR)
            if r.action in (audit.RETENTION, audit.SETTING)]
    assert {r.action for r in rows} == {audit.RETENTION, audit.SETTING}


def test_active_members_are_never_anonymised(staffed: Ledger) -> None:
    number = sign_up(staffed, 20)
    admin = staff(staffed, "boss")
    with pytest.raises(Refused):
        privacy.anonymise(staffed, number, "by mistake", by="boss", attendant=admin)
    with clock.fixed(clock.now() + timedelta(days=365 * 50)):
        privacy.set_retention_years(staffed, 1, by="boss", attendant=admin)
        assert privacy.apply_retention(staffed, by="boss", attendant=admin) == []


def test_bad_retention_values_are_refused(staffed: Ledger) -> None:
    before = ledger_hash(staffed, ("entries", "members"))
    for years in (-1, 1000):
        with pytest.raises(InvalidInput):
            privacy.set_retention_years(staffed, years, by="boss",
                                        attendant=staff(staffed, "boss"))
    assert privacy.retention_years(staffed) == 0
    assert ledger_hash(staffed, ("entries", "members")) == before
