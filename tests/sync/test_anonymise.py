"""A member anonymised at the home station is blanked at the supervisor and, through return
bundles and relays, at every other station that holds the member (nothing is erased)."""

from __future__ import annotations

import itertools
import json
import zipfile
from datetime import timedelta
from pathlib import Path

from station_app.cards.payload import make_payload
from station_app.data import queries
from station_app.data.db import Ledger
from station_app.domain import clock
from station_app.services import checkin, members, privacy, sync_ops, visits
from station_app.sync import format as fmt
from tests.helpers import ledger_hash, rid, sign_up

from .kit import clone_memory, export, import_one, two_leagues

NAME, PHONE = "王五", "13900000011"


def _retire(a: Ledger) -> str:
    """Station A signs the member up, who withdraws; A's retention rule (2 years) anonymises
    them three years later. Returns the member number."""
    number = sign_up(a, 11, name=NAME, phone=PHONE)
    members.withdraw_member(a, number, "回老家了", by="t")
    with clock.fixed(clock.now() + timedelta(days=365 * 3), timedelta(seconds=1)):
        privacy.set_retention_years(a, 2, by="t")
        assert privacy.retention_if_due(a, by="t") == [number]
    return number


def _shows(ledger: Ledger, number: str) -> bool:
    """Whether the member's personal data can still be seen or found in this ledger."""
    member = queries.get_member(ledger, number)
    found = {m.member_no for q in (NAME, "WW", "wangwu", PHONE[-4:], PHONE, rid(11)[-4:])
             for m in queries.search_members(ledger, q)}
    by_id = queries.member_by_id_hash(ledger, ledger.keys.id_hash(rid(11)))
    row = ledger.conn.execute(
        "SELECT name, name_pinyin, name_initials, phone, phone_tail, id_masked, id_tail,"
        " id_hash, birth_date, employer FROM members WHERE member_no = ?", (number,)).fetchone()
    keys = ledger.conn.execute("SELECT COUNT(*) FROM member_keys WHERE member_no = ?",
                               (number,)).fetchone()[0]
    return bool(member.name or any(row) or keys or number in found or by_id is not None)


def _kinds(written) -> list[tuple[str, str]]:
    with zipfile.ZipFile(written.path) as archive:
        lines = archive.read(fmt.ENTRIES).splitlines()
    return [(json.loads(line)[3][1], json.loads(line)[3][4]) for line in lines]


def test_anonymisation_reaches_the_supervisor_and_the_other_stations(net) -> None:
    sup, a, b, tmp = net
    number = sign_up(a, 11, name=NAME, phone=PHONE)
    assert import_one(sup, export(a, tmp / "a1").path).ok
    first = sync_ops.return_bundle(sup, "EEH01", tmp / "r1", actor="sup")
    assert import_one(b, first.path).ok
    assert _shows(b, number) and queries.get_member(b, number).name == NAME
    card = make_payload(number, 1, a.keys.signing)
    assert checkin.resolve_scan(b, card).status == checkin.OK
    visits.record_visit(b, ["water"], by="t", member=number)  # served at B
    assert import_one(sup, export(b, tmp / "b1").path).ok  # B reports what it holds of A

    members.withdraw_member(a, number, "回老家了", by="t")
    with clock.fixed(clock.now() + timedelta(days=365 * 3), timedelta(seconds=1)):
        privacy.set_retention_years(a, 2, by="t")
        assert privacy.retention_if_due(a, by="t") == [number]
    assert not _shows(a, number)
    from_a = export(a, tmp / "a2")
    assert from_a.counts.get("member.anonymise") == 1
    assert import_one(sup, from_a.path).ok
    assert not _shows(sup, number)  # the supervisor's read model is blanked

    second = sync_ops.return_bundle(sup, "EEH01", tmp / "r2", actor="sup")
    # incremental: the withdrawal and the anonymisation, not the sign-up again
    assert ("MZL01", "member.anonymise") in _kinds(second)
    assert ("MZL01", "member.signup") not in _kinds(second)
    assert import_one(b, second.path).ok
    assert not _shows(b, number)
    gone = queries.get_member(b, number)
    assert (gone.status, gone.worker_type, gone.home_station) == ("withdrawn",
                                                                  "delivery_rider", "MZL01")
    # anonymisation is not erasure: B's visit of the member stays and still counts
    assert b.conn.execute("SELECT COUNT(*) FROM visits WHERE member_no = ?",
                          (number,)).fetchone()[0] == 1
    # the card scanned at B: the member has left (not served as a member), no name shown
    scanned = checkin.resolve_scan(b, card)
    assert scanned.status == checkin.WITHDRAWN and not scanned.can_serve
    assert scanned.member is not None and scanned.member.name == ""

    # the same bundles again change nothing
    held_b, held_sup = ledger_hash(b), ledger_hash(sup)
    assert import_one(b, second.path).ok and import_one(b, first.path).ok
    assert import_one(sup, from_a.path).result == "duplicate"
    assert (ledger_hash(b), ledger_hash(sup)) == (held_b, held_sup)

    # once B has reported holding it, the next return bundle does not send it again
    assert import_one(sup, export(b, tmp / "b2").path).ok
    third = sync_ops.return_bundle(sup, "EEH01", tmp / "r3", actor="sup")
    assert not [k for k in _kinds(third) if k[0] == "MZL01"]
    # a full return bundle does, and it still changes nothing at B
    full = sync_ops.return_bundle(sup, "EEH01", tmp / "r4", actor="sup", full=True)
    assert ("MZL01", "member.anonymise") in _kinds(full)
    assert import_one(b, full.path).ok and ledger_hash(b) == held_b
    # the home station's own anonymisation never comes back to it
    back = sync_ops.return_bundle(sup, "MZL01", tmp / "r5", actor="sup")
    assert ("MZL01", "member.anonymise") not in _kinds(back)


def test_the_end_state_does_not_depend_on_the_import_order(net) -> None:
    sup, a, b, tmp = net
    number = sign_up(a, 11, name=NAME, phone=PHONE)
    a_bundles = [export(a, tmp / "a1").path]
    start_sup = clone_memory(sup)
    assert import_one(sup, a_bundles[0]).ok
    start_b = clone_memory(b)
    returns = [sync_ops.return_bundle(sup, "EEH01", tmp / "r1", actor="sup").path]
    assert import_one(b, returns[0]).ok
    assert import_one(sup, export(b, tmp / "b1").path).ok
    members.withdraw_member(a, number, "回老家了", by="t")
    with clock.fixed(clock.now() + timedelta(days=365 * 3), timedelta(seconds=1)):
        privacy.set_retention_years(a, 2, by="t")
        privacy.retention_if_due(a, by="t")
    a_bundles.append(export(a, tmp / "a2").path)  # overlaps the first: not acknowledged
    assert import_one(sup, a_bundles[1]).ok
    # the anonymisation alone (incremental), then everything again
    returns.append(sync_ops.return_bundle(sup, "EEH01", tmp / "r2", actor="sup").path)
    returns.append(sync_ops.return_bundle(sup, "EEH01", tmp / "r3", actor="sup",
                                          full=True).path)

    for start, bundles in ((start_sup, a_bundles), (start_b, returns)):
        ends = set()
        for order in itertools.permutations(bundles + bundles[:1]):
            probe = clone_memory(start)
            for path in order:
                assert import_one(probe, path).ok
            assert not _shows(probe, number)
            ends.add(ledger_hash(probe))
            probe.close()
        assert len(ends) == 1
        start.close()


def test_anonymisation_travels_through_the_region_to_another_league(tmp_path: Path) -> None:
    region, hulun, xilin, a, c = two_leagues(tmp_path)
    u = tmp_path / "usb"

    def down_to_c() -> None:
        assert import_one(xilin, sync_ops.return_bundle(region, "XLG00", u, actor="x").path).ok
        assert import_one(c, sync_ops.return_bundle(xilin, "EEH01", u, actor="x").path).ok

    number = sign_up(a, 11, name=NAME, phone=PHONE)
    assert import_one(hulun, export(a, u).path).ok
    assert import_one(region, export(hulun, u).path).ok
    down_to_c()
    assert queries.get_member(c, number).name == NAME
    members.withdraw_member(a, number, "回老家了", by="t")
    with clock.fixed(clock.now() + timedelta(days=365 * 3), timedelta(seconds=1)):
        privacy.set_retention_years(a, 2, by="t")
        assert privacy.retention_if_due(a, by="t") == [number]
    assert import_one(hulun, export(a, u).path).ok
    assert import_one(region, export(hulun, u).path).ok  # forwards A's signed bundle
    for ledger in (hulun, region):
        assert not _shows(ledger, number)
    down_to_c()
    assert not _shows(c, number) and not _shows(xilin, number)
    for ledger in (region, hulun, xilin, a, c):
        ledger.close()


def test_another_stations_anonymisation_of_an_active_member_changes_nothing(net) -> None:
    """Station B cannot blank station A's active member at the supervisor or anywhere a
    return bundle goes: only a member who left is anonymised."""
    sup, a, b, tmp = net
    number = sign_up(a, 11, name=NAME, phone=PHONE)
    assert import_one(sup, export(a, tmp / "a0").path).ok
    assert import_one(b, sync_ops.return_bundle(sup, "EEH01", tmp / "r0", actor="sup").path).ok
    with b.write():
        b.append("member.anonymise", {"member_no": number, "reason": "rogue"}, by="t")
    assert import_one(sup, export(b, tmp / "b0").path).ok
    assert _shows(sup, number) and _shows(b, number)
    assert queries.get_member(sup, number).name == NAME
    assert not privacy.is_anonymised(sup, number)  # the same rule as the projection: reveal works


def test_a_voided_anonymisation_ends_the_same_in_any_order(net) -> None:
    """Should a station's bundle ever void an anonymisation (the counter offers no such void;
    a program of another version might), the member's details come back whichever bundle
    arrives first: the void re-folds the member like any void of their history."""
    sup, a, _b, tmp = net
    number = _retire(a)
    first = export(a, tmp / "a1").path
    anonymisation = a.conn.execute("SELECT id FROM entries WHERE kind = 'member.anonymise'"
                                   ).fetchone()[0]
    with a.write():
        a.append("void", {"reason": "误操作"}, by="t", target=anonymisation)
    a.conn.execute("UPDATE sync_state SET acked_seq = exported_seq")
    second = export(a, tmp / "a2").path
    ends = set()
    for order in ((first, second), (second, first)):
        probe = clone_memory(sup)
        for path in order:
            assert import_one(probe, path).ok
        assert _shows(probe, number)
        ends.add(ledger_hash(probe))
        probe.close()
    assert len(ends) == 1
