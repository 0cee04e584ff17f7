"""Inputs found by review: full-width digits, a clock set back, re-definitions, odd CLI values."""

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from station_app.cli import main
from station_app.data import migrations, queries
from station_app.data.db import open_ledger
from station_app.domain import clock, member_no, phone, resident_id
from station_app.domain.errors import InvalidInput, Refused
from station_app.services import corrections, members, relief, visits
from tests.conftest import T0
from tests.helpers import ledger_hash, rid, sign_up

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def test_full_width_digits_are_read_as_digits(fresh_db) -> None:
    number = rid(5)
    assert resident_id.parse(number.translate(FULL_WIDTH)).number == number
    assert phone.normalise("１３８００１３８０００") == "13800138000"
    member = sign_up(fresh_db, 5, name="乌兰")
    typed = member.translate(FULL_WIDTH)
    assert member_no.parse(typed) == member
    assert [m.member_no for m in queries.search_members(fresh_db, typed)] == [member]
    with pytest.raises(InvalidInput):
        resident_id.parse("15078119900517²234")


def test_member_history_follows_the_ledger_order_not_the_wall_clock(fresh_db) -> None:
    with clock.fixed(T0):
        number = sign_up(fresh_db, 1, name="张三")
    with clock.fixed(T0 - timedelta(hours=2)):  # somebody set the PC clock back
        members.update_member(fresh_db, number, by="t", reason="改名", name="张叁")
        members.withdraw_member(fresh_db, number, "离职", by="t")
    member = queries.get_member(fresh_db, number)
    assert (member.name, member.status) == ("张叁", "withdrawn")


def test_relief_checks_member_status_campaign_dates_and_codes(fresh_db) -> None:
    number = sign_up(fresh_db, 1)
    relief.define_campaign(fresh_db, code="OLD", name="往年送温暖", starts="2020-01-01",
                           ends="2020-02-01", by="t")
    relief.define_campaign(fresh_db, code="NOW", name="送温暖", by="t")
    with pytest.raises(Refused) as caught:
        relief.define_campaign(fresh_db, code="NOW", name="改名", by="t")
    assert caught.value.code == "campaign_exists"
    with pytest.raises(InvalidInput):
        relief.define_campaign(fresh_db, code="BAD", name="x", starts="2026-13-01", by="t")
    with pytest.raises(Refused) as caught:
        relief.give_relief(fresh_db, campaign="OLD", member=number, money_fen=100, by="t")
    assert caught.value.code == "campaign_closed"
    members.withdraw_member(fresh_db, number, "离职", by="t")
    before = ledger_hash(fresh_db)
    with pytest.raises(Refused):
        relief.give_relief(fresh_db, campaign="NOW", member=number, money_fen=100, by="t")
    with pytest.raises(InvalidInput):
        relief.parse_goods("水:²")
    assert ledger_hash(fresh_db) == before


def test_corrections_only_change_fields_of_that_kind(fresh_db) -> None:
    relief.define_campaign(fresh_db, code="NOW", name="送温暖", by="t")
    given = relief.give_relief(fresh_db, campaign="NOW", walk_in_type="courier", money_fen=100,
                               by="t")
    with pytest.raises(Refused):
        corrections.correct_entry(fresh_db, given.id, {"services": ["water"]}, "x", by="t")
    corrections.correct_entry(fresh_db, given.id, {"money_fen": 200}, "多发了", by="t")
    assert fresh_db.conn.execute("SELECT money_fen FROM relief").fetchone()[0] == 200


def test_an_empty_profile_edit_is_refused(fresh_db) -> None:
    number = sign_up(fresh_db, 1)
    with pytest.raises(Refused):
        members.update_member(fresh_db, number, by="t", reason="nothing")


def test_demo_never_writes_into_a_real_station(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "station.db")
    assert main(["--db", db, "init", "--code", "MZL01", "--name", "驿站"]) == 0
    ledger = open_ledger(db)
    before = ledger_hash(ledger)
    assert main(["--db", db, "demo", "--members", "5", "--days", "2"]) == 4
    assert ledger_hash(ledger) == before
    capsys.readouterr()


def test_odd_cli_values_exit_3_not_a_traceback(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "station.db")
    assert main(["--db", db, "init", "--code", "x y", "--name", "驿站"]) == 3
    assert not Path(db).exists()  # nothing created for a refused init
    assert main(["--db", db, "init", "--code", "MZL01", "--name", "驿站"]) == 0
    assert main(["--db", db, "visit", "--walk-in", "", "--service", "water"]) == 3
    assert main(["--db", db, "visit", "--scan", "", "--service", "water"]) == 3
    assert main(["--db", db, "log", "--limit", "1" + "0" * 30]) == 3
    assert main(["--db", db, "member", "find", "李", "--limit", "0"]) == 3
    capsys.readouterr()


def test_two_processes_migrating_at_once_do_not_break_the_ledger(tmp_path: Path) -> None:
    from station_app.data.keys import KeyRing, key_dir_for

    path = tmp_path / "old.db"
    KeyRing.generate(key_dir_for(path))
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, target=1)
    conn.close()

    def other_process_upgrades(_ledger, _from: int, _to: int) -> None:
        other = sqlite3.connect(path, isolation_level=None)
        migrations.migrate(other)
        other.close()

    ledger = open_ledger(path, before_migrate=other_process_upgrades)
    assert migrations.current_version(ledger.conn) == migrations.latest_version()
    ledger.close()
    assert migrations.current_version(open_ledger(path).conn) == migrations.latest_version()


def test_visits_of_a_withdrawn_member_stay_refused(fresh_db) -> None:
    number = sign_up(fresh_db, 1)
    members.withdraw_member(fresh_db, number, "离职", by="t")
    with pytest.raises(Refused):
        visits.record_visit(fresh_db, ["water"], by="t", member=number)
