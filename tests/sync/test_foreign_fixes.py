"""A station can void or correct only its own entries, at every level: a void or correction
signed by one station that names another station's entry changes nothing anywhere, whatever
order the bundles arrive in (the entry itself is kept, as everything is)."""

from __future__ import annotations

import itertools

from station_app.services import visits
from tests.helpers import ledger_hash, sign_up
from tests.sync.kit import clone_memory, export, import_one


def _rogue(station, kind: str, target: str, body: dict) -> None:
    """What a tampered or buggy station program could sign: the services refuse it."""
    with station.write():
        station.append(kind, body, by="rogue", target=target)


def _scenario(net):
    sup, a, b, tmp = net
    member = sign_up(b, 1, name="王芳")
    visit = visits.record_visit(b, ["water"], by="tester", member=member)
    b_bundle = export(b, tmp / "usb_b").path
    _rogue(a, "void", visit.id, {"reason": "rogue"})
    _rogue(a, "correct", visit.id, {"reason": "rogue", "body": {
        **b.entry(visit.id).body, "services": ["meal"]}})
    _rogue(a, "void", b.conn.execute(
        "SELECT id FROM entries WHERE kind = 'member.signup'").fetchone()[0], {"reason": "rogue"})
    a_bundle = export(a, tmp / "usb_a").path
    return sup, visit, member, [a_bundle, b_bundle]


def test_another_stations_void_or_correction_changes_nothing_in_any_order(net) -> None:
    sup, visit, member, bundles = _scenario(net)
    hashes = set()
    for order in itertools.permutations(bundles):
        ledger = clone_memory(sup)
        try:
            for path in order:
                assert import_one(ledger, path).ok
            row = ledger.conn.execute("SELECT voided, services FROM visits WHERE entry_id = ?",
                                      (visit.id,)).fetchone()
            assert row == (0, '["water"]')  # neither voided nor corrected
            assert ledger.conn.execute("SELECT status FROM members WHERE member_no = ?",
                                       (member,)).fetchone() == ("active",)
            # the rogue entries are held (nothing is dropped), they only have no effect
            assert ledger.conn.execute(
                "SELECT COUNT(*) FROM entries WHERE recorded_by = 'rogue'").fetchone()[0] == 3
            hashes.add(ledger_hash(ledger))
        finally:
            ledger.close()
    assert len(hashes) == 1


def test_rebuild_gives_the_same_ledger(net) -> None:
    from station_app.data import projector

    sup, _visit, _member, bundles = _scenario(net)
    for path in bundles:
        assert import_one(sup, path).ok
    before = ledger_hash(sup)
    with sup.write():
        projector.rebuild_all(sup)
    assert ledger_hash(sup) == before


def test_a_stations_own_void_still_applies_after_a_rogue_one(net) -> None:
    sup, a, b, tmp = net
    visit = visits.record_visit(b, ["water"], by="tester",
                                walk_in=visits.WalkIn("courier"))
    _rogue(a, "correct", visit.id, {"reason": "rogue", "body": {
        **b.entry(visit.id).body, "services": ["meal"]}})
    from station_app.services import corrections

    corrections.void_entry(b, visit.id, "录错了", by="tester")
    for path in (export(a, tmp / "ua").path, export(b, tmp / "ub").path):
        assert import_one(sup, path).ok
    assert sup.conn.execute("SELECT voided, services FROM visits WHERE entry_id = ?",
                            (visit.id,)).fetchone() == (1, '["water"]')
