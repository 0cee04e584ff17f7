"""``station-ledger`` end to end, as a script or a person would drive it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from station_app.cli import main
from station_app.data.db import open_ledger
from tests.helpers import ledger_hash, rid


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys) -> str:
    path = str(tmp_path / "station.db")
    code, out, _ = run(capsys, "--db", path, "init", "--code", "MZL01", "--name", "满洲里口岸驿站",
                       "--league", "呼伦贝尔市总工会")
    assert code == 0 and "MZL01" in out
    return path


def add_member(capsys, db: str, n: int = 1, name: str = "张三") -> str:
    code, out, err = run(capsys, "--db", db, "member", "add", "--name", name, "--id-number",
                         rid(n), "--phone", f"1380000{n:04d}", "--worker-type", "外卖骑手",
                         "--employer", "美团")
    assert code == 0, err
    return out.strip()


def test_member_add_find_show_json(capsys, db) -> None:
    number = add_member(capsys, db, 1, "曾小明")
    assert number.startswith("MZL01-")
    _, out, _ = run(capsys, "--db", db, "--json", "member", "find", "zxm")
    found = json.loads(out)
    assert [m["member_no"] for m in found] == [number]
    assert found[0]["id_masked"].count("*") == 10
    assert rid(1) not in out
    _code, out, _ = run(capsys, "--db", db, "--json", "member", "show", number)
    shown = json.loads(out)
    assert shown["name"] == "曾小明" and shown["visits_today"] == 0
    _, out, _ = run(capsys, "--db", db, "--lang", "zh_CN", "member", "show", number)
    assert "会员号" in out and "外卖骑手" in out


def test_visit_relief_void_log(capsys, db) -> None:
    number = add_member(capsys, db)
    code, out, _ = run(capsys, "--db", db, "visit", "--member", number, "--service", "water",
                       "rest")
    assert code == 0
    visit_id = out.strip()
    code, out, _ = run(capsys, "--db", db, "--json", "visit", "--walk-in", "truck_driver",
                       "--doc-type", "passport", "--nationality", "MN", "--service", "meal_heat")
    entry = json.loads(out)
    assert entry["kind"] == "visit" and entry["body"]["nationality"] == "MN"
    assert run(capsys, "--db", db, "campaign", "add", "--code", "WARM", "--name", "送温暖",
               "--kind", "warming")[0] == 0
    code, out, err = run(capsys, "--db", db, "--json", "relief", "--campaign", "WARM", "--member",
                         number, "--money-fen", "20000", "--goods", "棉衣:1", "--goods", "手套:2")
    assert code == 0, err
    assert json.loads(out)["body"]["goods"] == [{"item": "棉衣", "qty": 1},
                                                {"item": "手套", "qty": 2}]
    assert run(capsys, "--db", db, "void", visit_id, "--reason", "重复")[0] == 0
    code, out, _ = run(capsys, "--db", db, "--json", "log", "--limit", "10")
    log = json.loads(out)
    voided = [e for e in log if e["id"] == visit_id]
    assert voided and voided[0]["voided"] is True
    code, out, _ = run(capsys, "--db", db, "--lang", "zh_CN", "log", "--limit", "10")
    assert "[已作废]" in out


@pytest.mark.parametrize(("args", "field_word_en", "field_word_zh"), [
    (["--id-number", "150781199005171230"], "check digit", "校验位"),
    (["--phone", "1234"], "Mobile number", "手机号"),
])
def test_invalid_input_exit_3_names_field_in_users_language(capsys, db, args, field_word_en,
                                                            field_word_zh) -> None:
    ledger = open_ledger(db)
    before = ledger_hash(ledger)
    base = {"--name": "王五", "--id-number": rid(5), "--phone": "13800000005",
            "--worker-type": "courier"}
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    flat = [x for kv in base.items() for x in kv]
    code, _, err = run(capsys, "--db", db, "--lang", "en", "member", "add", *flat)
    assert code == 3 and field_word_en in err
    code, _, err = run(capsys, "--db", db, "--lang", "zh_CN", "member", "add", *flat)
    assert code == 3 and field_word_zh in err
    assert ledger_hash(ledger) == before


def test_duplicate_id_exit_4_with_existing_number(capsys, db) -> None:
    number = add_member(capsys, db, 1)
    code, out, err = run(capsys, "--db", db, "--json", "member", "add", "--name", "别人",
                         "--id-number", rid(1), "--phone", "13900000000", "--worker-type",
                         "courier")
    assert code == 4 and number in err
    assert json.loads(out)["error"]["code"] == "duplicate_member"


def test_unknown_service_exit_3_and_ledger_unchanged(capsys, db) -> None:
    number = add_member(capsys, db)
    ledger = open_ledger(db)
    before = ledger_hash(ledger)
    code, _, err = run(capsys, "--db", db, "--lang", "en", "visit", "--member", number,
                       "--service", "spa")
    assert code == 3 and "spa" in err
    assert ledger_hash(ledger) == before


def test_usage_errors_exit_2(capsys, db) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", db, "visit", "--service", "water"])
    assert caught.value.code == 2
    capsys.readouterr()


def test_services_lists_codes(capsys, db) -> None:
    _code, out, _ = run(capsys, "--db", db, "--lang", "zh_CN", "services")
    assert "water\t饮水" in out
    _, out, _ = run(capsys, "--db", db, "--json", "services")
    assert {"code": "water", "name_zh": "饮水", "name_en": "Drinking water",
            "active": True} in json.loads(out)


def test_missing_ledger_says_run_init(capsys, tmp_path) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "none.db"), "--lang", "en", "log")
    assert code == 3 and "init" in err


def test_real_entry_point_demo_and_find(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    done = subprocess.run([sys.executable, "-m", "station_app", "--db", db, "--json", "demo",
                           "--members", "40", "--days", "10"], capture_output=True, text=True,
                          timeout=120, check=True)
    stats = json.loads(done.stdout)
    assert stats["members"] == 40 and stats["visits"] > 100
    assert stats["accounts"] == ["zhanzhang", "wangli"]  # the README's demo sign-in
    found = subprocess.run([sys.executable, "-m", "station_app", "--db", db, "--json", "member",
                            "find", "MZL01-0000"], capture_output=True, text=True, check=True)
    assert len(json.loads(found.stdout)) == 20
