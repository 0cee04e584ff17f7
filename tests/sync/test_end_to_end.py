"""Two stations, one supervisor: bundles in any order, duplicates, return bundles, relays."""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import pytest

from station_app.cards.payload import make_payload
from station_app.data import queries
from station_app.services import checkin, corrections, members, relief, sync_ops, visits
from station_app.sync import format as fmt
from tests.helpers import ledger_hash, rid, sign_up

from .kit import all_digests, export, import_one, link, new_ledger, own_digests, two_leagues


def _region_over(net, *, members: bool = False):
    """The region (NMG00) with the net's supervisor enrolled under it; ``members``: one
    member at each station first, imported by the supervisor."""
    sup, a, b, tmp = net
    region = new_ledger(tmp / "region" / "r.db", "NMG00", "自治区总工会", supervisor=True)
    link(region, sup, tmp / "ids2")
    if members:
        sign_up(a, 1)
        sign_up(b, 2)
        for st in (a, b):
            import_one(sup, export(st, tmp / "usb").path)
    return region


def _activity(ledger, base: int, n_members: int = 3) -> list[str]:
    numbers = [sign_up(ledger, base + i, name=f"成员{base + i}") for i in range(n_members)]
    entries = []
    for number in numbers:
        entries.append(visits.record_visit(ledger, ["water", "rest"], by="t", member=number))
    entries.append(visits.record_visit(ledger, ["charge"], by="t",
                                       walk_in=visits.WalkIn("truck_driver")))
    relief.define_campaign(ledger, code=f"summer{base}", name="夏送清凉", kind="cooling",
                           by="t")
    relief.give_relief(ledger, campaign=f"summer{base}", by="t", member=numbers[0],
                       money_fen=5000)
    corrections.void_entry(ledger, entries[0].id, "录错了", by="t")
    corrections.correct_entry(ledger, entries[1].id, {"services": ["toilet"]}, "改服务", by="t")
    return numbers


def test_supervisor_gets_exactly_the_union_in_any_order(net) -> None:
    sup, a, b, tmp = net
    numbers_a = _activity(a, 1)
    bundles = [export(a, tmp / "usb").path]
    _activity(b, 20)
    form = members.SignUp(name="转入者", id_number=rid(40), phone="13900000040",
                          worker_type="courier")
    moved = members.transfer_in(b, form, "北京市总工会", by="t")
    bundles.append(export(b, tmp / "usb").path)
    members.transfer_out(a, numbers_a[2], "上海市总工会", by="t")
    visits.record_visit(a, ["wifi"], by="t", member=numbers_a[1])
    bundles.append(export(a, tmp / "usb").path)  # overlaps the first (nothing acknowledged)
    bundles.append(export(b, tmp / "usb", full=True).path)

    order = bundles * 2
    random.Random(5).shuffle(order)
    results = [import_one(sup, p) for p in order]
    assert all(r.ok for r in results), [r.error for r in results]
    assert sum(r.new for r in results) == len(own_digests(a)) + len(own_digests(b))

    held = all_digests(sup) - own_digests(sup)
    assert held == own_digests(a) | own_digests(b)
    # projections agree with the stations: visits (voids, corrections), members, transfers
    for st in (a, b):
        for table, col in (("visits", "entry_id"), ("relief", "entry_id"),
                           ("transfers", "entry_id")):
            mine = st.conn.execute(f"SELECT * FROM {table} ORDER BY {col}").fetchall()
            theirs = sup.conn.execute(f"SELECT * FROM {table} WHERE station = ? ORDER BY {col}",
                                      (st.station_code,)).fetchall()
            assert mine == theirs, table
    assert queries.get_member(sup, numbers_a[2]).status == "transferred_out"
    assert queries.get_member(sup, moved.member_no).other_union == "北京市总工会"
    assert queries.get_member(sup, numbers_a[0]).origin == "remote"

    before = ledger_hash(sup)
    again = [import_one(sup, p) for p in bundles]
    assert [r.result for r in again] == ["duplicate"] * len(bundles)
    assert ledger_hash(sup) == before


def test_id_numbers_travel_only_sealed_for_the_supervisor(net) -> None:
    sup, a, _, tmp = net
    number = sign_up(a, 7)
    path = export(a, tmp / "usb").path
    with zipfile.ZipFile(path) as archive:
        payload = archive.read(fmt.ENTRIES)
    assert rid(7).encode() not in payload
    import_one(sup, path)
    # the supervisor can open it (scheme X, its box key), and the keyed hash is the region's
    assert members.reveal_id_number(sup, number) == rid(7)
    held = sup.conn.execute("SELECT id_hash FROM members WHERE member_no = ?", (number,))
    assert held.fetchone()[0] == a.keys.id_hash(rid(7))
    assert sup.keys.region_key == a.keys.region_key


def test_return_bundles_make_cards_scan_at_the_other_station(net) -> None:
    sup, a, b, tmp = net
    member_a = sign_up(a, 1, name="王五")
    member_b = sign_up(b, 2, name="赵六")
    for st in (a, b):
        assert import_one(sup, export(st, tmp / "usb").path).ok
    card_a = make_payload(member_a, 1, a.keys.signing)
    card_b = make_payload(member_b, 1, b.keys.signing)
    assert checkin.resolve_scan(b, card_a).status == checkin.ISSUER_UNKNOWN

    for st in (a, b):
        ret = sync_ops.return_bundle(sup, st.station_code, tmp / "ret", actor="sup")
        outcome = import_one(st, ret.path)
        assert outcome.ok, outcome.error
    seen_at_b = checkin.resolve_scan(b, card_a)
    assert seen_at_b.status == checkin.OK and seen_at_b.member.name == "王五"
    assert checkin.resolve_scan(a, card_b).status == checkin.OK
    forged = make_payload(member_a, 1, b.keys.signing)
    assert checkin.resolve_scan(b, forged).status == checkin.FORGED
    # the same person cannot sign up again at the other station (region-wide keyed hash)
    with pytest.raises(Exception) as caught:
        sign_up(b, 1, name="王五")
    assert getattr(caught.value, "code", "") == "duplicate_member"
    # acknowledged: nothing left to export but the new entries
    assert sync_ops.pending_export(a)["unacknowledged"] == 0
    visits.record_visit(a, ["water"], by="t", member=member_b)
    assert sync_ops.pending_export(a)["unacknowledged"] == 1
    assert export(a, tmp / "usb2").entry_count == 1


def test_return_bundles_carry_only_what_the_station_lacks(net) -> None:
    """A station reports in every bundle how far it holds the others' members; its next return
    bundle leaves that out. A return bundle lost on the way is simply covered again."""
    sup, a, b, tmp = net
    for n in range(3):
        sign_up(b, 10 + n)
    sign_up(a, 1)
    first_of_a = export(a, tmp / "early").path  # reports holding nothing of EEH01
    for path in (first_of_a, export(b, tmp / "usb").path):
        assert import_one(sup, path).ok

    def foreign(written) -> list[str]:
        with zipfile.ZipFile(written.path) as archive:
            lines = archive.read(fmt.ENTRIES).splitlines()
        return [json.loads(line)[3][1] for line in lines
                if json.loads(line)[3][1] not in ("HLB00",)]

    lost = sync_ops.return_bundle(sup, "MZL01", tmp / "lost", actor="sup")
    assert foreign(lost).count("EEH01") == 6  # three sign-ups and their cards
    again = sync_ops.return_bundle(sup, "MZL01", tmp / "ret", actor="sup")
    assert foreign(again) == foreign(lost)  # nothing reported yet: everything again
    assert import_one(a, again.path).ok
    assert import_one(sup, export(a, tmp / "usb").path).ok  # the report travels up
    assert foreign(sync_ops.return_bundle(sup, "MZL01", tmp / "ret2", actor="sup")) == []
    newer = sign_up(b, 20, name="新会员")
    assert import_one(sup, export(b, tmp / "usb").path).ok
    small = sync_ops.return_bundle(sup, "MZL01", tmp / "ret3", actor="sup")
    assert foreign(small).count("EEH01") == 2  # only the new member and card
    full = sync_ops.return_bundle(sup, "MZL01", tmp / "ret4", actor="sup", full=True)
    assert foreign(full).count("EEH01") == 8
    assert import_one(a, small.path).ok
    assert queries.get_member(a, newer).name == "新会员"
    assert import_one(sup, export(a, tmp / "usb5").path).ok
    assert foreign(sync_ops.return_bundle(sup, "MZL01", tmp / "ret5", actor="sup")) == []
    # the station's first bundle arriving again, late, does not roll its report back
    assert import_one(sup, first_of_a).result == "duplicate"
    assert foreign(sync_ops.return_bundle(sup, "MZL01", tmp / "ret6", actor="sup")) == []


def test_a_station_restored_from_an_older_backup_gets_the_members_it_lost(net) -> None:
    """A return bundle cut for the station's last report leaves out what that report claimed;
    a station restored from before that report does not take the bundle's marks as its own."""
    from station_app.services import auth, backup

    sup, a, b, tmp = net
    for n in range(3):
        sign_up(b, 10 + n)
    for st in (b, a):
        assert import_one(sup, export(st, tmp / "usb").path).ok
    first = sync_ops.return_bundle(sup, "MZL01", tmp / "r1", actor="sup")
    older = backup.write_backup(a, tmp / "before.zip", attendant=auth.AUTOMATIC)
    assert import_one(a, first.path).ok
    assert import_one(sup, export(a, tmp / "usb").path).ok  # reports holding EEH01's members
    sign_up(b, 20)
    assert import_one(sup, export(b, tmp / "usb").path).ok
    second = sync_ops.return_bundle(sup, "MZL01", tmp / "r2", actor="sup")  # the new one only
    a.close()
    a = backup.restore(older.path, tmp / "a" / "a.db", attendant=auth.AUTOMATIC)
    try:
        assert import_one(a, second.path).ok
        assert import_one(sup, export(a, tmp / "usb").path).ok  # its honest report
        third = sync_ops.return_bundle(sup, "MZL01", tmp / "r3", actor="sup")
        assert import_one(a, third.path).ok
        held = a.conn.execute("SELECT COUNT(*) FROM members WHERE home_station = 'EEH01'")
        assert held.fetchone()[0] == 4
    finally:
        a.close()


def test_a_league_passes_down_other_leagues_members_incrementally(tmp_path: Path) -> None:
    region, hulun, xilin, a, c = two_leagues(tmp_path)
    for n in range(5):
        sign_up(c, 10 + n)
    assert import_one(xilin, export(c, tmp_path / "u").path).ok
    assert import_one(region, export(xilin, tmp_path / "u").path).ok
    down = sync_ops.return_bundle(region, "HLB00", tmp_path / "r", actor="x")
    assert import_one(hulun, down.path).ok
    sizes = []
    for _ in range(3):
        ret = sync_ops.return_bundle(hulun, "MZL01", tmp_path / "r", actor="x")
        sizes.append(ret.counts.get("member.signup", 0))
        assert import_one(a, ret.path).ok
        assert import_one(hulun, export(a, tmp_path / "u").path).ok
    assert sizes == [5, 0, 0]
    # the region's own return bundles to the league are incremental too: the league's report
    # travels up inside its relay
    assert import_one(region, export(hulun, tmp_path / "u").path).ok
    sign_up(c, 30)
    assert import_one(xilin, export(c, tmp_path / "u").path).ok
    assert import_one(region, export(xilin, tmp_path / "u").path).ok
    again = sync_ops.return_bundle(region, "HLB00", tmp_path / "r", actor="x")
    assert again.counts.get("member.signup", 0) == 1  # only the new member of EEH01
    for ledger in (region, hulun, xilin, a, c):
        ledger.close()


def test_a_supervisor_restored_from_a_backup_gets_everything_again(net) -> None:
    """Its first return bundle after the restore (a new epoch) lowers the station's
    acknowledged mark, so the station's next export carries what the supervisor lost; a return
    bundle written before the restore and arriving late changes no mark."""
    from station_app.services import auth, backup

    sup, a, _b, tmp = net
    sign_up(a, 1)
    assert import_one(sup, export(a, tmp / "usb").path).ok
    older = backup.write_backup(sup, tmp / "sup-before.zip", attendant=auth.AUTOMATIC)
    sign_up(a, 2)
    assert import_one(sup, export(a, tmp / "usb").path).ok
    stale = sync_ops.return_bundle(sup, "MZL01", tmp / "stale", actor="sup")
    assert import_one(a, stale.path).ok
    assert sync_ops.pending_export(a)["unacknowledged"] == 0
    sup.close()
    sup = backup.restore(older.path, tmp / "sup" / "sup.db", attendant=auth.AUTOMATIC)
    try:
        fresh = sync_ops.return_bundle(sup, "MZL01", tmp / "fresh", actor="sup")
        assert import_one(a, fresh.path).ok
        lost = sync_ops.pending_export(a)["unacknowledged"]
        assert lost > 0  # the second sign-up and its card go again
        assert import_one(a, stale.path).result == "accepted"  # late: its marks are ignored
        assert sync_ops.pending_export(a)["unacknowledged"] == lost
        assert import_one(sup, export(a, tmp / "usb").path).ok
        assert sup.conn.execute("SELECT COUNT(*) FROM members WHERE home_station = 'MZL01'"
                                ).fetchone()[0] == 2
    finally:
        sup.close()


def test_a_station_moved_to_another_supervisor_sends_it_everything(net) -> None:
    """The old supervisor's acknowledgements say nothing about what the new one holds: after
    trusting another supervisor the station's next bundle carries its whole history, and a
    late return bundle from the old one is refused."""
    sup, a, _b, tmp = net
    numbers = [sign_up(a, 1), sign_up(a, 2)]
    assert import_one(sup, export(a, tmp / "usb").path).ok
    old_return = sync_ops.return_bundle(sup, "MZL01", tmp / "ret", actor="sup")
    assert import_one(a, old_return.path).ok
    assert sync_ops.pending_export(a)["unacknowledged"] == 0
    other = new_ledger(tmp / "sup2" / "sup2.db", "XLG00", "锡林郭勒盟总工会", supervisor=True)
    try:
        link(other, a, tmp / "ids2")
        assert sync_ops.pending_export(a)["unacknowledged"] == len(own_digests(a))
        assert import_one(other, export(a, tmp / "usb2").path).ok
        assert {n for (n,) in other.conn.execute("SELECT member_no FROM members")} == set(numbers)
        late = import_one(a, sync_ops.return_bundle(sup, "MZL01", tmp / "ret2",
                                                     actor="sup").path)
        assert not late.ok
        assert sync_ops.pending_export(a)["unacknowledged"] == len(own_digests(a))
        # Trusting the same supervisor again keeps its marks.
        assert import_one(a, sync_ops.return_bundle(other, "MZL01", tmp / "ret3",
                                                    actor="sup").path).ok
        link(other, a, tmp / "ids3")
        assert sync_ops.pending_export(a)["unacknowledged"] == 0
    finally:
        other.close()


def test_a_relay_cannot_revoke_a_station_enrolled_at_the_region(tmp_path: Path) -> None:
    region = new_ledger(tmp_path / "r" / "r.db", "NMG00", "自治区总工会", supervisor=True)
    hulun = new_ledger(tmp_path / "l1" / "l.db", "HLB00", "呼伦贝尔市总工会", supervisor=True)
    xilin = new_ledger(tmp_path / "l2" / "l.db", "XLG00", "锡林郭勒盟总工会", supervisor=True)
    a = new_ledger(tmp_path / "a" / "a.db", "MZL01", "满洲里口岸驿站")
    for upper, lower in ((region, hulun), (region, xilin), (hulun, a)):
        link(upper, lower, tmp_path / "ids")
    assert import_one(hulun, sync_ops.return_bundle(region, "HLB00", tmp_path / "r",
                                                    actor="x").path).ok
    sync_ops.revoke_station(hulun, "XLG00", actor="x", reason="与我无关")  # a known row there
    sign_up(a, 1)
    assert import_one(hulun, export(a, tmp_path / "u").path).ok
    assert import_one(region, export(hulun, tmp_path / "u").path).ok
    revoked = region.conn.execute("SELECT revoked_at FROM stations WHERE code = 'XLG00'")
    assert revoked.fetchone()[0] is None
    for ledger in (region, hulun, xilin, a):
        ledger.close()


def test_a_damaged_archive_file_is_left_out_of_the_relay(net) -> None:
    sup, _a, _b, tmp = net
    region = _region_over(net, members=True)
    damaged = next((tmp / "sup" / "sup.bundles" / "MZL01").glob("*.zip"))
    damaged.write_bytes(damaged.read_bytes()[:200])
    relay = export(sup, tmp / "up")
    assert relay.entry_count == 2  # EEH01's bundle and the supervisor's own entries
    assert import_one(region, relay.path).ok
    region.close()


def test_gaps_are_reported_and_what_arrived_is_applied(net) -> None:
    sup, a, _, tmp = net
    sign_up(a, 1)
    first = export(a, tmp / "one").path
    # pretend the first bundle was acknowledged (a return bundle from the supervisor copy)
    a.conn.execute("UPDATE sync_state SET acked_seq = 3 WHERE epoch = 1")
    for _ in range(3):
        visits.record_visit(a, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    later = export(a, tmp / "two").path
    outcome = import_one(sup, later)
    assert outcome.ok and outcome.new == 3
    assert outcome.missing == {"MZL01": {1: [(1, 3)]}}
    row = next(s for s in sync_ops.stations(sup) if s.code == "MZL01")
    assert row.gap_text("en") == ["station MZL01: entries 1–3 of epoch 1 are missing"]
    assert row.watermarks == {1: 0}
    assert import_one(sup, first).ok
    row = next(s for s in sync_ops.stations(sup) if s.code == "MZL01")
    assert row.gaps == {} and row.watermarks == {1: 6}


def test_dry_run_counts_and_writes_nothing(net) -> None:
    sup, a, _, tmp = net
    sign_up(a, 1)
    path = export(a, tmp / "usb").path
    before = ledger_hash(sup)
    outcome = import_one(sup, path, dry_run=True)
    assert outcome.result == "dry_run" and outcome.new == 3 and outcome.duplicate == 0
    assert ledger_hash(sup) == before
    import_one(sup, path)
    outcome = import_one(sup, path, dry_run=True)
    assert outcome.new == 0 and outcome.duplicate == 3


def test_encrypted_bundle_round_trip(net) -> None:
    sup, a, _, tmp = net
    sign_up(a, 1)
    ident = sync_ops.write_identity_file(sup, tmp / "sup_id.json")
    written = sync_ops.export_bundle(a, tmp / "usb", encrypt_to=ident)
    data = written.path.read_bytes()
    assert data.startswith(fmt.ENCRYPTED_MAGIC) and b"MZL01" in data[:400]
    assert "张三".encode() not in data
    outcome = import_one(sup, written.path)
    assert outcome.ok and outcome.new == 3
    other = new_ledger(tmp / "other" / "o.db", "XLH00", "别的上级", supervisor=True)
    skipped = import_one(other, written.path)  # for another supervisor: set aside unread
    assert skipped.result == "skipped" and skipped.error is not None
    assert skipped.error.code == "sync.cannot_decrypt" and skipped.quarantined is None
    other.close()


def test_relay_to_the_region_verifies_every_origin(net) -> None:
    sup, _a, _b, tmp = net
    region = _region_over(net, members=True)
    relay = export(sup, tmp / "up")
    assert relay.kind == "relay" and relay.entry_count == 3  # two stations + the supervisor
    outcome = import_one(region, relay.path)
    assert outcome.ok, outcome.error
    assert all_digests(region) - own_digests(region) == all_digests(sup)
    roles = dict(region.conn.execute("SELECT code, role FROM stations"))
    assert roles == {"NMG00": "self", "HLB00": "enrolled", "MZL01": "known", "EEH01": "known"}
    # a relay (validly signed by the supervisor) carrying a station bundle altered after the
    # station signed it is refused as a whole: the region checks every origin itself
    before = ledger_hash(region)
    again = export(sup, tmp / "up2", full=True)
    with zipfile.ZipFile(again.path) as src:
        parts = {n: src.read(n) for n in src.namelist()}
    manifest = json.loads(parts.pop("manifest.json"))
    parts.pop("manifest.sig")
    inner_name = next(n for n in parts if n.startswith("bundles/")
                      and "张三".encode() in zipfile.ZipFile(io.BytesIO(parts[n])).read(
                          "entries.jsonl"))
    with zipfile.ZipFile(io.BytesIO(parts[inner_name])) as inner:
        inner_parts = {n: inner.read(n) for n in inner.namelist()}
    inner_manifest = json.loads(inner_parts.pop("manifest.json"))
    signature = fmt.unb64(inner_parts.pop("manifest.sig").decode().strip())
    inner_parts["entries.jsonl"] = inner_parts["entries.jsonl"].replace("张三".encode(),
                                                                          "李四".encode())
    inner_manifest["files"] = fmt.file_members(inner_parts)
    parts[inner_name] = fmt.build_zip(inner_manifest, signature, inner_parts)
    manifest["files"] = fmt.file_members(parts)
    tampered = tmp / "bad_relay.zip"
    outer = fmt.build_zip(manifest, sup.keys.sign(fmt.manifest_bytes(manifest)), parts)
    tampered.write_bytes(fmt.seal_zip(outer, sup.keys.sign))
    refused = import_one(region, tampered)
    assert refused.error is not None and refused.error.code == "sync.bad_signature"
    assert refused.error.params["station"] in ("MZL01", "EEH01")
    assert ledger_hash(region) == before
    region.close()


def test_one_refused_bundle_never_holds_back_a_leagues_relays(net) -> None:
    """The region refuses one forwarded bundle (its station is revoked there); the other
    stations' bundles in the same relays still arrive, relay after relay."""
    sup, a, b, tmp = net
    region = _region_over(net, members=True)
    first = import_one(region, export(sup, tmp / "up").path)
    assert first.ok and not first.inner_refused
    sync_ops.revoke_station(region, "EEH01", actor="region", reason="被盗的电脑")
    for n in range(2):
        sign_up(a, 10 + n)
        sign_up(b, 20 + n)
        for st in (a, b):
            import_one(sup, export(st, tmp / "usb").path)
        relay = import_one(region, export(sup, tmp / "up").path)
        assert relay.ok, relay.error
        assert {why.code for _, why, _ in relay.inner_refused} == {"sync.station_revoked"}
    held = region.conn.execute("SELECT COUNT(*) FROM members WHERE home_station = 'MZL01'")
    assert held.fetchone()[0] == 3  # every MZL01 member arrived despite EEH01's refusals
    from station_app.sync import status

    kept = [p.read_bytes() for p in status.quarantine_dir(region).iterdir()]
    assert kept and len(kept) == len(set(kept))  # each refused bundle set aside once
    # the revocation comes down in the region's return bundle: EEH01 is no longer forwarded
    assert import_one(sup, sync_ops.return_bundle(region, "HLB00", tmp / "down",
                                                  actor="region").path).ok
    assert sync_ops.pending_export(sup)["relay_bundles"] == 0
    region.close()


def test_a_lost_relay_is_sent_again_until_the_region_acknowledges_it(net) -> None:
    """Relays follow the station rule: everything not yet acknowledged by the level above, so
    a relay lost on the way costs nothing; the region's return bundle ends the repeats."""
    sup, a, b, tmp = net
    region = _region_over(net)
    sign_up(a, 1)
    import_one(sup, export(a, tmp / "usb").path)
    sign_up(sup, 5)
    lost = export(sup, tmp / "lost")
    assert lost.entry_count == 2  # MZL01's bundle and the supervisor's own entries
    assert sync_ops.pending_export(sup)["relay_bundles"] == 1  # still not acknowledged
    sign_up(b, 2)
    import_one(sup, export(b, tmp / "usb").path)
    second = export(sup, tmp / "up")  # the first relay never arrived: it is all sent again
    assert second.entry_count == 3
    assert import_one(region, second.path).ok
    assert all_digests(region) - own_digests(region) == all_digests(sup)
    back = sync_ops.return_bundle(region, "HLB00", tmp / "down", actor="region")
    assert import_one(sup, back.path).ok
    assert sync_ops.pending_export(sup)["relay_bundles"] == 0
    assert sync_ops.pending_export(sup)["unacknowledged"] == 0
    assert export(sup, tmp / "up3").entry_count == 0  # everything acknowledged
    sign_up(a, 3)
    import_one(sup, export(a, tmp / "usb").path)
    third = export(sup, tmp / "up4")
    assert third.entry_count == 1  # only MZL01's new bundle
    assert export(sup, tmp / "up5", full=True).entry_count == 4  # three bundles + own entries
    assert import_one(region, third.path).ok
    assert all_digests(region) - own_digests(region) == all_digests(sup)
    region.close()


def test_bundles_inside_a_relay_share_one_size_allowance(net, monkeypatch) -> None:
    sup, a, b, tmp = net
    region = _region_over(net)
    for n, st in enumerate((a, b)):
        sign_up(st, n + 1)
        with st.write():  # enough entry lines that the inner bundles compress well
            for _ in range(150):
                visits.record_visit(st, ["water"], by="t", walk_in=visits.WalkIn("courier"))
        import_one(sup, export(st, tmp / "usb").path)
    relay = export(sup, tmp / "up")
    sizes = []
    with zipfile.ZipFile(relay.path) as outer:
        outer_total = sum(i.file_size for i in outer.infolist())
        for name in outer.namelist():
            if name.startswith("bundles/"):
                with zipfile.ZipFile(io.BytesIO(outer.read(name))) as inner:
                    sizes.append(sum(i.file_size for i in inner.infolist()))
    # The relay itself and each inner bundle alone fit the allowance; all of them together do
    # not.
    assert max(outer_total, *sizes) < sum(sizes) - 1, (outer_total, sizes)
    monkeypatch.setattr(fmt, "MAX_MEMBER_BYTES", sum(sizes) - 1)
    before = ledger_hash(region)
    outcome = import_one(region, relay.path)
    assert outcome.result == "refused" and outcome.error.code == "sync.zip_bomb"
    assert ledger_hash(region) == before
