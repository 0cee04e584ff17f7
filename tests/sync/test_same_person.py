"""One person, two member numbers: signed up at two stations before either knew of the other.
SYNC.md: found by the region's keyed ID hash and resolved by the supervisor, never merged or
dropped. And a worker who withdrew at one station and moved on signs up at the next."""

from __future__ import annotations

import json

import pytest

from station_app.cli import main
from station_app.data import queries
from station_app.domain import messages
from station_app.domain.errors import DuplicateMember, Refused
from station_app.services import members, sync_ops
from tests.helpers import sign_up

from .kit import export, import_one


def run(capsys, *args: object) -> tuple[int, str]:
    code = main([str(a) for a in args])
    return code, capsys.readouterr().out


def test_the_supervisor_finds_the_same_person_signed_up_at_two_stations(net, capsys) -> None:
    sup, a, b, tmp = net
    first = sign_up(a, 7, name="巴特尔")  # the same ID number, offline at both stations
    second = sign_up(b, 7, name="巴特尔")
    sign_up(b, 8, name="其其格")
    for st in (a, b):
        assert import_one(sup, export(st, tmp / f"usb_{st.station_code}").path).ok
    groups = queries.same_person_twice(sup)
    assert [[m.member_no for m in g] for g in groups] == [[first, second]]

    code, out = run(capsys, "--db", sup.path, "--lang", "zh_CN", "duplicates")
    assert code == 0
    assert "巴特尔" in out and first in out and second in out
    assert "二连浩特驿站" in out  # the station named, not only its code
    assert f"保留 {first}" in out
    code, out = run(capsys, "--db", sup.path, "--json", "duplicates")
    doc = json.loads(out)
    assert doc[0]["keep"] == first
    assert [m["member_no"] for m in doc[0]["members"]] == [first, second]
    assert all("*" in m["id_masked"] for m in doc[0]["members"])  # never the whole ID

    # Station B withdraws its later record as suggested: once its bundle arrives, it is gone.
    members.withdraw_member(b, second, f"重复登记，保留 {first}", by="tester")
    assert import_one(sup, export(b, tmp / "usb_b2").path).ok
    assert queries.same_person_twice(sup) == []
    code, out = run(capsys, "--db", sup.path, "--lang", "en", "duplicates")
    assert "Nobody is an active member under two numbers" in out


def test_a_worker_who_withdrew_at_another_station_signs_up_here(net) -> None:
    sup, a, b, tmp = net
    old = sign_up(a, 9, name="李娜")
    members.withdraw_member(a, old, "搬走了", by="tester")
    assert import_one(sup, export(a, tmp / "ua").path).ok
    assert import_one(b, sync_ops.return_bundle(sup, "EEH01", tmp / "ret",
                                                actor="sup").path).ok
    assert queries.find_member(b, old).status == "withdrawn"  # station B knows her record

    new = sign_up(b, 9, name="李娜")  # not refused: a new member of this station
    assert new.startswith("EEH01") and new != old
    # From now on the active record is the one found: a second sign-up here is refused.
    with pytest.raises(DuplicateMember) as caught:
        sign_up(b, 9, name="李娜")
    assert caught.value.existing_member_no == new and not caught.value.withdrawn


def test_withdrawn_here_is_still_a_rejoin_not_a_new_member(net) -> None:
    _, a, _, _ = net
    old = sign_up(a, 11, name="王芳")
    members.withdraw_member(a, old, "退会", by="tester")
    with pytest.raises(DuplicateMember) as caught:
        sign_up(a, 11, name="王芳")
    assert caught.value.withdrawn and caught.value.existing_member_no == old


def _moved_on(net) -> tuple[str, str]:
    """Li Na withdrew at MZL01 and signed up at EEH01 (which knew her old record)."""
    sup, a, b, tmp = net
    old = sign_up(a, 12, name="李娜")
    members.withdraw_member(a, old, "搬走了", by="tester")
    assert import_one(sup, export(a, tmp / "ua").path).ok
    assert import_one(b, sync_ops.return_bundle(sup, "EEH01", tmp / "rb", actor="sup").path).ok
    return old, sign_up(b, 12, name="李娜")


def test_who_left_here_after_leaving_elsewhere_rejoins_here(net) -> None:
    """Not a third number: the record of this station is the one to take back."""
    _, _, b, _ = net
    old, here = _moved_on(net)
    members.withdraw_member(b, here, "又走了", by="tester")
    with pytest.raises(DuplicateMember) as caught:
        sign_up(b, 12, name="李娜")
    assert caught.value.withdrawn and caught.value.existing_member_no == here != old


def test_no_rejoin_at_the_old_station_while_a_member_at_the_new_one(net) -> None:
    sup, a, b, tmp = net
    old, here = _moved_on(net)
    assert import_one(sup, export(b, tmp / "ub").path).ok
    assert import_one(a, sync_ops.return_bundle(sup, "MZL01", tmp / "ra", actor="sup").path).ok
    with pytest.raises(Refused) as caught:
        members.rejoin_member(a, old, by="tester")
    assert caught.value.code == "rejoin.active_elsewhere"
    assert caught.value.params["other"] == here
    assert "EEH01" in messages.render(caught.value, "zh_CN")
