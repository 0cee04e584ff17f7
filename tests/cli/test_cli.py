"""``station-ledger`` end to end, as a script or a person would drive it."""

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from station_app.cli import main
from station_app.data.db import open_ledger
from tests.helpers import ledger_hash, rid


def run(capsys, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    with pytest.MonkeyPatch.context() as mp:
        if stdin is not None:
            mp.setattr("sys.stdin", io.StringIO(stdin))
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
                         "-", "--phone", f"1380000{n:04d}", "--worker-type", "外卖骑手",
                         "--employer", "美团", stdin=rid(n) + "\n")
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


@pytest.mark.parametrize(("args", "id_number", "field_word_en", "field_word_zh"), [
    ([], "150781199005171230", "check digit", "校验位"),
    (["--phone", "1234"], rid(5), "Mobile number", "手机号"),
])
def test_invalid_input_exit_3_names_field_in_users_language(capsys, db, args, id_number,
                                                            field_word_en, field_word_zh) -> None:
    ledger = open_ledger(db)
    before = ledger_hash(ledger)
    base = {"--name": "王五", "--id-number": "-", "--phone": "13800000005",
            "--worker-type": "courier"}
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    flat = [x for kv in base.items() for x in kv]
    code, _, err = run(capsys, "--db", db, "--lang", "en", "member", "add", *flat,
                       stdin=id_number + "\n")
    assert code == 3 and field_word_en in err
    code, _, err = run(capsys, "--db", db, "--lang", "zh_CN", "member", "add", *flat,
                       stdin=id_number + "\n")
    assert code == 3 and field_word_zh in err
    assert ledger_hash(ledger) == before


def test_duplicate_id_exit_4_with_existing_number(capsys, db) -> None:
    number = add_member(capsys, db, 1)
    code, out, err = run(capsys, "--db", db, "--json", "member", "add", "--name", "别人",
                         "--id-number", "-", "--phone", "13900000000", "--worker-type",
                         "courier", stdin=rid(1) + "\n")
    assert code == 4 and number in err
    assert json.loads(out)["error"]["code"] == "duplicate_member"


def test_a_withdrawn_member_rejoins_from_the_command_line(capsys, db) -> None:
    number = add_member(capsys, db, 1)
    assert run(capsys, "--db", db, "member", "withdraw", number, "--reason", "回老家")[0] == 0
    # Signing up again is refused (exit 4), and the sentence says to rejoin.
    code, out, err = run(capsys, "--db", db, "--json", "--lang", "en", "member", "add",
                         "--name", "张三", "--id-number", "-", "--phone", "13800000001",
                         "--worker-type", "courier", stdin=rid(1) + "\n")
    assert code == 4 and number in err and "rejoin" in err
    assert json.loads(out)["error"]["code"] == "duplicate_member.withdrawn"
    code, out, err = run(capsys, "--db", db, "--json", "--as", "wangli", "rejoin", number,
                         "--phone", "13912345678")
    assert code == 0, err
    entry = json.loads(out)
    assert (entry["kind"], entry["recorded_by"]) == ("member.rejoin", "wangli")
    assert entry["body"]["changes"] == {"phone": "13912345678"}
    _, out, _ = run(capsys, "--db", db, "--json", "member", "show", number)
    shown = json.loads(out)
    assert (shown["status"], shown["card_serial"]) == ("active", 1)
    assert run(capsys, "--db", db, "visit", "--member", number, "--service", "water")[0] == 0
    # Rejoining an active member: refused, exit 4, in plain words (member rejoin, same thing).
    code, _, err = run(capsys, "--db", db, "--lang", "en", "member", "rejoin", number)
    assert code == 4 and "still an active member" in err
    code, _, err = run(capsys, "--db", db, "--lang", "zh_CN", "rejoin", number)
    assert code == 4 and "无需重新入会" in err


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
    find = [sys.executable, "-m", "station_app", "--db", db, "--json", "member", "find",
            "MZL01-0000"]
    env = {k: v for k, v in os.environ.items() if k != "STATION_LEDGER_PIN"}
    # The demo station has accounts: names and phone numbers only after signing in.
    refused = subprocess.run(find, capture_output=True, text=True, env=env, input="")
    assert refused.returncode == 4 and "MZL01-0000" not in refused.stdout
    found = subprocess.run([*find[:3], "--as", "wangli", *find[3:]], capture_output=True,
                           text=True, check=True, env={**env, "STATION_LEDGER_PIN": "1357"})
    assert len(json.loads(found.stdout)) == 20


# ---- the resident ID number never as a literal argument (PIPL) ----
SECRET = rid(42)  # a valid number typed where it must not be: it may show up nowhere


class _Terminal(io.StringIO):
    """Standard input that is an interactive terminal: asked with a hidden prompt, never read."""

    def isatty(self) -> bool:
        return True

    def readline(self, *_: object) -> str:  # type: ignore[override]
        raise AssertionError("a terminal must be asked with getpass, not read in the clear")


def audit_count(db: str) -> int:
    ledger = open_ledger(db)
    try:
        return int(ledger.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0])
    finally:
        ledger.close()


def files_holding(text: str, *roots: Path) -> list[Path]:
    needles = (text.encode(), text.encode("utf-16-le"))
    return [f for root in roots for f in root.rglob("*")
            if f.is_file() and any(n in f.read_bytes() for n in needles)]


SIGN_UP = ("--name", "王五", "--phone", "13800000005", "--worker-type", "courier")


@pytest.mark.parametrize(("lang", "how_en", "how_zh"), [
    ("en", "pipe it in on standard input", ""), ("zh_CN", "", "从标准输入传入")])
@pytest.mark.parametrize("spelling", ["separate", "equals"])
def test_literal_id_number_is_refused_before_anything_is_written(
        capsys, db, tmp_path, lang, how_en, how_zh, spelling) -> None:
    ledger = open_ledger(db)
    before, audited = ledger_hash(ledger), audit_count(db)
    literal = ["--id-number", SECRET] if spelling == "separate" else [f"--id-number={SECRET}"]
    # Even with a valid number waiting on standard input, the literal is not quietly ignored.
    code, out, err = run(capsys, "--db", db, "--lang", lang, "member", "add", *SIGN_UP, *literal,
                         stdin=rid(43) + "\n")
    assert code == 3
    assert "--id-number -" in err and (how_en or how_zh) in err
    assert SECRET not in out + err and not re.search(r"\d{6,}", err)  # no digits of it at all
    assert ledger_hash(ledger) == before and audit_count(db) == audited
    assert files_holding(SECRET, tmp_path, Path(os.environ["STATION_LEDGER_HOME"])) == []
    ledger.close()


def test_literal_id_number_refused_for_transfer_in_too_with_json(capsys, db) -> None:
    ledger = open_ledger(db)
    before = ledger_hash(ledger)
    code, out, err = run(capsys, "--db", db, "--json", "transfer", "in", "--from", "赤峰市总工会",
                         *SIGN_UP, "--id-number", SECRET)
    error = json.loads(out)["error"]
    assert code == 3
    assert error["code"] == "invalid.id_number.on_command_line"
    assert error["field"] == "id_number" and "--id-number -" in error["message"]
    assert SECRET not in out + err
    assert ledger_hash(ledger) == before
    ledger.close()


def test_literal_id_number_refused_even_beside_another_usage_error(capsys, db) -> None:
    """A literal number is refused with its own message and exit 3 even when argparse would
    stop on something else first (here the missing --phone), also abbreviated."""
    for literal in (["--id-number", SECRET], [f"--id-number={SECRET}"], ["--id", SECRET]):
        code, out, err = run(capsys, "--db", db, "--json", "member", "add", "--name", "张三",
                             "--worker-type", "courier", *literal)
        assert code == 3, (literal, err)
        assert json.loads(out)["error"]["code"] == "invalid.id_number.on_command_line"
        assert SECRET not in out + err


def test_a_stray_id_number_is_masked_in_usage_errors(capsys, db) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "--db", db, "member", "add", *SIGN_UP, "--id-number", "-", SECRET,
            stdin=rid(44) + "\n")
    out, err = capsys.readouterr()
    assert stopped.value.code == 2 and "unrecognized arguments" in err
    assert SECRET not in out + err and SECRET[:4] + "*" * 10 + SECRET[-4:] in err


def test_literal_id_number_refused_before_the_ledger_is_opened(capsys, tmp_path) -> None:
    missing = tmp_path / "none.db"
    code, out, err = run(capsys, "--db", str(missing), "--json", "member", "add", *SIGN_UP,
                         "--id-number", SECRET)
    assert code == 3 and json.loads(out)["error"]["code"] == "invalid.id_number.on_command_line"
    assert not missing.exists() and SECRET not in out + err


def test_id_number_from_standard_input_signs_up_and_transfers_in(capsys, db) -> None:
    code, out, err = run(capsys, "--db", db, "--json", "member", "add", *SIGN_UP,
                         "--id-number", "-", stdin=SECRET + "\n")
    assert code == 0, err
    member = json.loads(out)
    assert member["id_masked"] == SECRET[:4] + "*" * 10 + SECRET[-4:]
    code, out, err = run(capsys, "--db", db, "--json", "transfer", "in", "--from", "赤峰市总工会",
                         "--name", "钱七", "--phone", "13800000007", "--worker-type", "courier",
                         "--id-number", "-", stdin=rid(44) + "\n")
    assert code == 0, err
    arrived = json.loads(out)
    assert arrived["other_union"] == "赤峰市总工会" and arrived["id_masked"].endswith(rid(44)[-4:])
    assert SECRET not in out and rid(44) not in out


@pytest.mark.parametrize(("lang", "prompt_word"), [("en", "ID number"), ("zh_CN", "身份证号")])
@pytest.mark.parametrize("id_args", [[], ["--id-number", "-"]], ids=["left_out", "dash"])
def test_terminal_asks_with_a_hidden_prompt_in_the_users_language(
        capsys, db, monkeypatch, lang, prompt_word, id_args) -> None:
    asked: list[str] = []

    def hidden(prompt: str = "Password: ", stream: object = None) -> str:
        asked.append(prompt)
        return SECRET

    monkeypatch.setattr("getpass.getpass", hidden)
    monkeypatch.setattr("sys.stdin", _Terminal())
    code, out, err = run(capsys, "--db", db, "--lang", lang, "--json", "member", "add", *SIGN_UP,
                         *id_args)
    assert code == 0, err
    assert len(asked) == 1 and prompt_word in asked[0]
    assert json.loads(out)["id_masked"].endswith(SECRET[-4:])
    assert SECRET not in out + err


@pytest.mark.parametrize("source", ["empty_stdin", "ctrl_d_at_prompt"])
def test_no_id_number_given_exit_3_and_ledger_unchanged(capsys, db, monkeypatch, source) -> None:
    if source == "ctrl_d_at_prompt":
        def hidden(prompt: str = "", stream: object = None) -> str:
            raise EOFError
        monkeypatch.setattr("getpass.getpass", hidden)
        monkeypatch.setattr("sys.stdin", _Terminal())
    else:
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
    ledger = open_ledger(db)
    before = ledger_hash(ledger)
    code, out, err = run(capsys, "--db", db, "--json", "member", "add", *SIGN_UP)
    assert code == 3 and json.loads(out)["error"]["code"] == "invalid.id_number.missing"
    assert "--id-number -" in err
    assert ledger_hash(ledger) == before
    ledger.close()


def test_real_entry_point_takes_a_piped_id_number_and_refuses_a_literal(db) -> None:
    command = [sys.executable, "-m", "station_app", "--db", db, "--lang", "en", "member", "add",
               *SIGN_UP]
    refused = subprocess.run([*command, "--id-number", SECRET], capture_output=True, text=True,
                             stdin=subprocess.DEVNULL, timeout=120)
    assert refused.returncode == 3 and "--id-number -" in refused.stderr
    assert SECRET not in refused.stdout + refused.stderr
    done = subprocess.run([*command, "--id-number", "-"], input=SECRET + "\n",
                          capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip().startswith("MZL01-")


def test_a_reader_that_stops_early_gets_no_traceback(db, monkeypatch, capsys) -> None:
    """``station-ledger ... | head``: the pipe closes; no traceback, exit 1, nothing broken."""
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["--db", db, "--lang", "en", "services"]) == 1
    assert "Traceback" not in capsys.readouterr().err
