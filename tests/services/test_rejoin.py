"""Rejoining (重新入会): a member who withdrew comes back under the same number and card."""

from __future__ import annotations

from datetime import timedelta

import pytest

from station_app.cards.payload import make_payload
from station_app.data import projector, queries
from station_app.data.db import Ledger
from station_app.domain import clock, consent, messages
from station_app.domain.errors import DuplicateMember, InvalidInput, Refused
from station_app.services import checkin, corrections, members, privacy, visits
from tests.helpers import PROJECTION_TABLES, ledger_hash, rid, sign_up


def _again(n: int, phone: str = "13800000001") -> members.SignUp:
    return members.SignUp(name="张三", id_number=rid(n), phone=phone, worker_type="courier")


def _scan(ledger: Ledger, number: str, serial: int = 1) -> str:
    return checkin.resolve_scan(ledger, make_payload(number, serial, ledger.keys.signing)).status


def _member_count(ledger: Ledger) -> int:
    return int(ledger.conn.execute("SELECT COUNT(*) FROM members").fetchone()[0])


def test_a_withdrawn_member_rejoins_with_the_same_number_and_card(fresh_db) -> None:
    number = sign_up(fresh_db, 1)
    members.withdraw_member(fresh_db, number, "换工作离开", by="t")
    assert _scan(fresh_db, number) == checkin.WITHDRAWN
    with pytest.raises(Refused):
        visits.record_visit(fresh_db, ["water"], by="t", member=number)

    # Signing the same person up again says who they are and that they can rejoin.
    before = ledger_hash(fresh_db)
    with pytest.raises(DuplicateMember) as caught:
        members.sign_up_member(fresh_db, _again(1), by="t")
    assert caught.value.existing_member_no == number and caught.value.withdrawn
    assert "rejoin" in messages.render(caught.value, "en")
    assert "重新入会" in messages.render(caught.value, "zh_CN")
    assert ledger_hash(fresh_db) == before

    entry = members.rejoin_member(fresh_db, number, by="t", mobile="13912345678",
                                  worker_type="delivery_rider", employer="美团")
    assert entry.kind == "member.rejoin"
    # Only what changed travels: worker type and employer were already these.
    assert entry.body == {"member_no": number, "consent_version": consent.CONSENT_VERSION,
                          "changes": {"phone": "13912345678"}}
    member = queries.get_member(fresh_db, number)
    assert (member.status, member.phone, member.card_serial) == ("active", "13912345678", 1)
    assert _member_count(fresh_db) == 1  # no second member, no new card
    assert _scan(fresh_db, number) == checkin.OK
    visits.record_visit(fresh_db, ["water"], by="t", member=number)
    assert [m.member_no for m in queries.search_members(fresh_db, "5678")] == [number]
    # Now an active member again: a sign-up is the plain duplicate refusal.
    with pytest.raises(DuplicateMember) as again:
        members.sign_up_member(fresh_db, _again(1), by="t")
    assert not again.value.withdrawn and again.value.code == "duplicate_member"


def test_rejoining_an_active_member_is_refused_plainly(fresh_db) -> None:
    number = sign_up(fresh_db, 1)
    before = ledger_hash(fresh_db)
    with pytest.raises(Refused) as caught:
        members.rejoin_member(fresh_db, number, by="t")
    assert messages.render(caught.value, "en") == (
        f"Member {number} is still an active member; there is nothing to rejoin")
    assert ledger_hash(fresh_db) == before


def test_consent_must_be_given_again(fresh_db) -> None:
    number = sign_up(fresh_db, 1)
    members.withdraw_member(fresh_db, number, "离开", by="t")
    with pytest.raises(InvalidInput) as caught:
        members.rejoin_member(fresh_db, number, by="t", consent_given=False)
    assert caught.value.field == "consent"
    with pytest.raises(InvalidInput) as bad_phone:
        members.rejoin_member(fresh_db, number, by="t", mobile="12345")
    assert bad_phone.value.field == "phone"
    assert queries.get_member(fresh_db, number).status == "withdrawn"


def test_voiding_the_rejoin_makes_the_member_withdrawn_again(fresh_db) -> None:
    number = sign_up(fresh_db, 1)
    members.withdraw_member(fresh_db, number, "离开", by="t")
    entry = members.rejoin_member(fresh_db, number, by="t", mobile="13912345678")
    corrections.void_entry(fresh_db, entry.id, "登记错了人", by="t")
    member = queries.get_member(fresh_db, number)
    assert (member.status, member.phone) == ("withdrawn", "13800000001")
    assert _scan(fresh_db, number) == checkin.WITHDRAWN
    with pytest.raises(Refused):
        visits.record_visit(fresh_db, ["water"], by="t", member=number)
    # ...and they can rejoin again, leave again and come back again.
    members.rejoin_member(fresh_db, number, by="t")
    members.withdraw_member(fresh_db, number, "又走了", by="t")
    assert queries.get_member(fresh_db, number).status == "withdrawn"
    members.rejoin_member(fresh_db, number, by="t")
    assert queries.get_member(fresh_db, number).status == "active"
    # The projection is the entry log's: rebuilt from scratch it is the same.
    held = ledger_hash(fresh_db, PROJECTION_TABLES)
    with fresh_db.write():
        projector.rebuild_all(fresh_db)
    assert ledger_hash(fresh_db, PROJECTION_TABLES) == held


def test_a_replaced_card_stays_replaced_after_rejoining(fresh_db) -> None:
    from station_app.services import cards

    number = sign_up(fresh_db, 1)
    cards.reissue_card(fresh_db, number, "lost", by="t")
    members.withdraw_member(fresh_db, number, "离开", by="t")
    members.rejoin_member(fresh_db, number, by="t")
    assert _scan(fresh_db, number, 1) == checkin.REPLACED_CARD
    assert _scan(fresh_db, number, 2) == checkin.OK


def test_after_anonymisation_the_person_signs_up_as_a_new_member(fresh_db) -> None:
    number = sign_up(fresh_db, 1)
    members.withdraw_member(fresh_db, number, "回老家了", by="t")
    with clock.fixed(clock.now() + timedelta(days=365 * 3), timedelta(seconds=1)):
        privacy.set_retention_years(fresh_db, 2, by="t")
        assert privacy.retention_if_due(fresh_db, by="t") == [number]
        with pytest.raises(Refused) as caught:
            members.rejoin_member(fresh_db, number, by="t")
        assert caught.value.code == "rejoin.anonymised"
        assert "new member" in messages.render(caught.value, "en")
        fresh = members.sign_up_member(fresh_db, _again(1, "13700000001"), by="t")
    assert fresh.member_no != number
    assert (fresh.status, fresh.name, fresh.card_serial) == ("active", "张三", 1)
    old = queries.get_member(fresh_db, number)
    assert (old.status, old.name) == ("withdrawn", "")  # still anonymised
    assert _scan(fresh_db, number) == checkin.WITHDRAWN
    assert _scan(fresh_db, fresh.member_no) == checkin.OK
    # The ID number now finds the new member.
    assert members.existing_member(fresh_db, rid(1)).member_no == fresh.member_no


def test_a_member_who_transferred_out_comes_back_by_transfer_in(fresh_db) -> None:
    number = sign_up(fresh_db, 1)
    members.transfer_out(fresh_db, number, "呼和浩特市总工会", by="t")
    with pytest.raises(Refused) as caught:
        members.rejoin_member(fresh_db, number, by="t")
    assert "transfer in" in messages.render(caught.value, "en")
    assert queries.get_member(fresh_db, number).status == "transferred_out"
