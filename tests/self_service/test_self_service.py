"""Self-service mode without the screen: the switch, the masked name, scans, what is recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from station_app.data.db import Ledger, open_ledger
from station_app.domain import messages
from station_app.domain.errors import LedgerError, Refused
from station_app.services import audit, auth, cards, self_service, station, sync_ops, visits
from tests.helpers import ledger_hash, services_given, sign_up
from tests.security.conftest import AUDITOR, staff
from tests.self_service.conftest import NAME, Station, turn_on


@pytest.mark.parametrize(("name", "masked"), [
    ("张小明", "张*明"), ("李四", "李*"), ("王", "王"), ("欧阳小明", "欧**明"),
    ("孟和巴特尔·额尔德木图", "孟***尔·额***图"), ("Ivan Petrov", "I**n P****v"), ("", ""),
])
def test_names_are_masked_for_the_screen(name: str, masked: str) -> None:
    assert self_service.mask_name(name) == masked


def test_switching_needs_the_settings_permission_and_is_audited(ledger: Ledger) -> None:
    before = ledger.setting(self_service.SETTING, "0")
    for who in ("clerk", "sup"):
        with pytest.raises(Refused) as info:
            self_service.set_enabled(ledger, True, by=who, attendant=staff(ledger, who))
        assert info.value.code == "not_permitted"
    with pytest.raises(Refused):  # nobody signed in, on a ledger with accounts
        self_service.set_enabled(ledger, True, by="someone", attendant=None)
    assert ledger.setting(self_service.SETTING, "0") == before and not \
        self_service.is_enabled(ledger)
    denied = audit.rows(ledger, action=audit.DENIED, attendant=AUDITOR)
    assert len(denied) == 3 and {r.subject for r in denied} == {"settings"}

    self_service.set_enabled(ledger, True, by="boss", attendant=staff(ledger, "boss"))
    assert self_service.is_enabled(ledger)
    self_service.set_enabled(ledger, False, by="boss", attendant=staff(ledger, "boss"))
    assert not self_service.is_enabled(ledger)
    switches = audit.rows(ledger, action=self_service.AUDIT_ACTION, attendant=AUDITOR)
    assert [(r.actor, r.detail["on"]) for r in reversed(switches)] == [("boss", True),
                                                                       ("boss", False)]


def test_the_setting_survives_reopening_the_ledger(station_file: Station) -> None:
    first = open_ledger(station_file.path)
    turn_on(first)
    first.close()
    again = open_ledger(station_file.path)
    try:
        assert self_service.is_enabled(again)
    finally:
        again.close()


def test_a_card_greets_with_the_masked_name_only(ledger: Ledger, station_file: Station) -> None:
    before = ledger_hash(ledger)
    visitor = self_service.check_in(ledger, station_file.payload + "\n")
    assert visitor.greeting_name == "张*明" and visitor.member_no == station_file.member
    assert NAME not in repr(visitor)
    assert ledger_hash(ledger) == before  # a scan writes nothing


@pytest.mark.parametrize("typed", ["", "   ", "hello", "张三", "13812345678", "SLC",
                                   "x" * 5000, "MZL01-000001", "SLC1.garbage.garbage"])
def test_garbage_is_refused_plainly(ledger: Ledger, typed: str) -> None:
    with pytest.raises(Refused) as info:
        self_service.check_in(ledger, typed)
    assert info.value.code in ("self_service.not_a_card", "self_service.rescan")
    for lang in ("zh_CN", "en"):
        assert "{" not in messages.render(info.value, lang)


def test_typed_member_number_is_not_enough(ledger: Ledger, station_file: Station) -> None:
    with pytest.raises(Refused) as info:
        self_service.check_in(ledger, station_file.member)
    assert info.value.code == "self_service.not_a_card"


def test_refused_cards_name_the_reason(ledger: Ledger, station_file: Station) -> None:
    with pytest.raises(Refused) as info:
        self_service.check_in(ledger, station_file.gone_payload)
    assert info.value.code == "self_service.withdrawn"
    assert "会籍已经终止" in messages.render(info.value, "zh_CN")
    forged = station_file.payload[:-3] + ("AAA" if not station_file.payload.endswith("AAA")
                                          else "BBB")
    with pytest.raises(Refused) as info:
        self_service.check_in(ledger, forged)
    assert info.value.code in ("self_service.forged", "self_service.not_a_card")


def _other_station(tmp_path: Path) -> tuple[str, str, Path]:
    """A member of station EEH02 with a card, and EEH02's identity file."""
    other = open_ledger(tmp_path / "eeh02.db", create=True)
    try:
        station.init_station(other, code="EEH02", name="二连浩特口岸驿站", by="tester")
        number = sign_up(other, 7, name="巴雅尔")
        payload = cards.card_data(other, number).payload
        ident = sync_ops.write_identity_file(other, tmp_path / "id_EEH02.json")
    finally:
        other.close()
    return number, payload, ident


def test_other_stations_cards_count_only_when_the_station_is_trusted_here(
        ledger: Ledger, tmp_path: Path) -> None:
    turn_on(ledger)
    number, payload, ident = _other_station(tmp_path)
    with pytest.raises(Refused) as info:  # EEH02 unknown here: the signature is unchecked
        self_service.check_in(ledger, payload)
    assert info.value.code == "self_service.issuer_unknown"
    boss = staff(ledger, "boss")
    sync_ops.enrol_station(ledger, ident, actor="boss", attendant=boss)
    visitor = self_service.check_in(ledger, payload)
    assert visitor.member_no == number and visitor.greeting_name == ""
    entry = self_service.record(ledger, ["water"], visitor=visitor)
    assert entry.body["member_no"] == number and entry.recorded_by == "self-service"
    sync_ops.revoke_station(ledger, "EEH02", actor="boss", reason="密钥遗失", attendant=boss)
    before = ledger_hash(ledger)
    with pytest.raises(Refused) as info:
        self_service.check_in(ledger, payload)
    assert info.value.code == "self_service.issuer_unknown"
    assert ledger_hash(ledger) == before


def test_visits_are_ordinary_entries_recorded_by_self_service(
        ledger: Ledger, station_file: Station) -> None:
    turn_on(ledger)
    visitor = self_service.check_in(ledger, station_file.payload)
    member_visit = self_service.record(ledger, ["charge", "water"], visitor=visitor)
    walk_in = self_service.record(ledger, ["rest"], walk_in=visits.WalkIn("courier"))
    assert member_visit.kind == walk_in.kind == "visit"
    assert member_visit.recorded_by == walk_in.recorded_by == self_service.RECORDED_BY
    rows = ledger.conn.execute(
        "SELECT json_extract(body, '$.member_no'), json_extract(body, '$.walk_in'),"
        " json_extract(body, '$.worker_type'), json_extract(body, '$.card_serial')"
        " FROM entries WHERE kind = 'visit' ORDER BY seq").fetchall()
    assert rows == [(station_file.member, 0, "delivery_rider", 1), (None, 1, "courier", None)]
    assert services_given(ledger) == ["charge", "rest", "water"]


def test_nothing_is_recorded_when_the_mode_is_off_or_the_input_is_bad(
        ledger: Ledger, station_file: Station) -> None:
    visitor = self_service.check_in(ledger, station_file.payload)
    before = ledger_hash(ledger)
    with pytest.raises(Refused) as info:
        self_service.record(ledger, ["water"], visitor=visitor)
    assert info.value.code == "self_service.off"
    turn_on(ledger)
    for chosen in ([], ["no_such_service"]):
        with pytest.raises(LedgerError):
            self_service.record(ledger, chosen, visitor=visitor)
    with pytest.raises(LedgerError):
        self_service.record(ledger, ["water"], walk_in=visits.WalkIn("astronaut"))
    assert ledger_hash(ledger) == before


def test_failures_read_as_one_friendly_sentence() -> None:
    for error in (RuntimeError("boom"), Refused("member_inactive", member_no="X", status="w"),
                  Refused("self_service.rescan")):
        for lang in ("zh_CN", "en"):
            text = self_service.friendly(error, lang)
            assert text and "Traceback" not in text and "boom" not in text


def test_idle_seconds_setting(ledger: Ledger) -> None:
    assert self_service.idle_seconds(ledger) == 30
    with ledger.write():
        ledger.set_setting(self_service.IDLE_SETTING, "2")
    assert self_service.idle_seconds(ledger) == 5
    with ledger.write():
        ledger.set_setting(self_service.IDLE_SETTING, "soon")
    assert self_service.idle_seconds(ledger) == 30
    assert auth.PERMISSIONS["admin"] >= {self_service.PERMISSION}
