"""A rejoin travels like a withdrawal: to the supervisor in any import order, and on to the
other stations in return bundles, so the member's card scans there again."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from station_app.cards.payload import make_payload
from station_app.data import queries
from station_app.data.db import Ledger
from station_app.domain.errors import Refused
from station_app.services import checkin, corrections, members, sync_ops
from tests.helpers import ledger_hash, sign_up

from .kit import clone_memory, export, import_one


def _acked_export(sup: Ledger, a: Ledger, out: Path) -> Path:
    """A's bundle of what is new, imported by the supervisor, whose return bundle then
    acknowledges it at A (so the next bundle holds only the next entries)."""
    path = export(a, out).path
    assert import_one(sup, path).ok
    assert import_one(a, sync_ops.return_bundle(sup, "MZL01", out, actor="sup").path).ok
    return path


def _status(ledger: Ledger, number: str) -> str:
    return queries.get_member(ledger, number).status


def test_withdraw_and_rejoin_project_alike_in_every_import_order(net) -> None:
    sup, a, _b, tmp = net
    start = clone_memory(sup)
    number = sign_up(a, 11, name="王五", phone="13900000011")
    bundles = [_acked_export(sup, a, tmp / "a1")]
    members.withdraw_member(a, number, "去外地跑单", by="t")
    bundles.append(_acked_export(sup, a, tmp / "a2"))
    rejoin = members.rejoin_member(a, number, by="t", mobile="13700000011",
                                   worker_type="courier")
    bundles.append(_acked_export(sup, a, tmp / "a3"))
    corrections.void_entry(a, rejoin.id, "登记错了", by="t")
    bundles.append(_acked_export(sup, a, tmp / "a4"))
    assert _status(sup, number) == "withdrawn"

    # Every order of the first three bundles (a duplicate too): the member is active again,
    # with the new mobile and worker type; the same tables whatever the order.
    for count, expected in ((3, ("active", "13700000011", "courier")),
                            (4, ("withdrawn", "13900000011", "delivery_rider"))):
        ends = set()
        for order in itertools.permutations(bundles[:count] + bundles[:1]):
            probe = clone_memory(start)
            for path in order:
                assert import_one(probe, path).ok
            member = queries.get_member(probe, number)
            assert (member.status, member.phone, member.worker_type) == expected
            ends.add(ledger_hash(probe))
            probe.close()
        assert len(ends) == 1, count
    start.close()


def test_the_rejoin_reaches_the_other_stations_and_the_card_scans_there(net) -> None:
    sup, a, b, tmp = net
    number = sign_up(a, 11, name="王五", phone="13900000011")
    card = make_payload(number, 1, a.keys.signing)

    def round_trip(name: str) -> None:
        assert import_one(sup, export(a, tmp / f"a-{name}").path).ok
        back = sync_ops.return_bundle(sup, "EEH01", tmp / f"r-{name}", actor="sup")
        assert import_one(b, back.path).ok

    round_trip("signup")
    assert checkin.resolve_scan(b, card).status == checkin.OK
    members.withdraw_member(a, number, "去外地跑单", by="t")
    round_trip("withdraw")
    assert checkin.resolve_scan(b, card).status == checkin.WITHDRAWN
    members.rejoin_member(a, number, by="t")
    round_trip("rejoin")
    scanned = checkin.resolve_scan(b, card)
    assert scanned.status == checkin.OK and scanned.can_serve
    assert _status(b, number) == "active"
    assert _status(sup, number) == "active"
    # Only the home station writes its members' history: B cannot take them back itself.
    members.withdraw_member(a, number, "又走了", by="t")
    round_trip("again")
    with pytest.raises(Refused) as caught:
        members.rejoin_member(b, number, by="t")
    assert caught.value.code == "foreign_entry"
    entry = members.rejoin_member(a, number, by="t")
    round_trip("back")
    assert checkin.resolve_scan(b, card).status == checkin.OK
    corrections.void_entry(a, entry.id, "登记错了", by="t")
    round_trip("void")
    assert checkin.resolve_scan(b, card).status == checkin.WITHDRAWN
