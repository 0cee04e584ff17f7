"""``station-ledger --as USER pin``: an attendant changes their own PIN on the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from station_app.cli import main
from station_app.data.db import open_ledger
from station_app.domain.errors import Refused
from station_app.services import audit, auth
from tests.helpers import PROJECTION_TABLES, ledger_hash
from tests.security.conftest import ADMIN_PIN, AUDITOR, CLERK_PIN, add_staff

EVERYTHING = ("entries", *PROJECTION_TABLES, "attendants", "audit_log")


class Terminal(io.StringIO):
    """Standard input that says it is a terminal (the command must then use getpass)."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def db(ledger_path: Path) -> Path:
    ledger = open_ledger(ledger_path)
    add_staff(ledger)
    ledger.close()
    return ledger_path


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: Path,
        *argv: str, stdin: io.StringIO | str = "", lang: str = "en") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin) if isinstance(stdin, str) else stdin)
    monkeypatch.delenv("STATION_LEDGER_PIN", raising=False)
    code = main(["--lang", lang, "--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _signs_in(db: Path, username: str, pin: str) -> bool:
    ledger = open_ledger(db)
    try:
        auth.authenticate(ledger, username, pin, via="test")
        return True
    except Refused:
        return False
    finally:
        ledger.close()


def _hash(db: Path) -> str:
    ledger = open_ledger(db)
    try:
        return ledger_hash(ledger, EVERYTHING)
    finally:
        ledger.close()


def test_pin_from_a_terminal_uses_hidden_prompts(db: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [CLERK_PIN, "2468", "2468"]
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return answers.pop(0)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    code, out, err = run(capsys, monkeypatch, db, "--as", "clerk", "pin", stdin=Terminal())
    assert code == 0, err
    assert prompts == ["Current PIN: ", "New PIN: ", "New PIN again: "]
    assert "clerk" in out and "changed" in out
    assert "2468" not in out + err and CLERK_PIN not in out + err
    assert _signs_in(db, "clerk", "2468") and not _signs_in(db, "clerk", CLERK_PIN)


def test_pin_from_standard_input_and_json(db: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run(capsys, monkeypatch, db, "--as", "clerk", "--json", "pin",
                         stdin=f"{CLERK_PIN}\nharbour-77\nharbour-77\n")
    assert code == 0, err
    assert json.loads(out) == {"username": "clerk", "changed": True}
    assert _signs_in(db, "clerk", "harbour-77")
    ledger = open_ledger(db)
    row = audit.rows(ledger, 1, action=audit.ATTENDANT, attendant=AUDITOR)[0]
    ledger.close()
    assert (row.actor, row.action, row.detail) == (
        "clerk", "attendant", {"op": "change_own_pin", "via": "cli"})


@pytest.mark.parametrize(("stdin", "code", "says"), [
    ("0000\n2468\n2468\n", 4, "current PIN is wrong"),
    (f"{CLERK_PIN}\n12\n12\n", 3, "too short"),
    (f"{CLERK_PIN}\n2468\n2469\n", 3, "do not match"),
    (f"{CLERK_PIN}\n2468\n", 3, "do not match"),
    (f"{CLERK_PIN}\n{CLERK_PIN}\n{CLERK_PIN}\n", 4, "must differ"),
    (f"{CLERK_PIN}\n", 3, "New PIN"),
    ("", 3, "Current PIN"),
])
def test_bad_entries_change_no_pin(db: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch, stdin: str, code: int,
                                   says: str) -> None:
    before = _hash(db)
    got, out, err = run(capsys, monkeypatch, db, "--as", "clerk", "pin", stdin=stdin)
    assert (got, out) == (code, "")
    assert says in err
    if code == 3:  # refused before the current PIN was tried: the ledger is untouched
        assert _hash(db) == before
    assert _signs_in(db, "clerk", CLERK_PIN)


def test_chinese_message_and_no_pin_on_the_command_line(
        db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(capsys, monkeypatch, db, "--as", "clerk", "pin",
                       stdin="0000\n2468\n2468\n", lang="zh_CN")
    assert code == 4 and "当前密码/PIN 不正确" in err
    # A PIN is never an argument: argparse refuses it before the ledger is opened.
    before = _hash(db)
    with pytest.raises(SystemExit) as usage:
        run(capsys, monkeypatch, db, "--as", "clerk", "pin", "2468")
    assert usage.value.code == 2
    assert _hash(db) == before


def test_admin_set_pin_command_still_works(db: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(capsys, monkeypatch, db, "--as", "boss", "attendant", "set-pin", "clerk",
                       stdin=f"{ADMIN_PIN}\n8080\n")
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, db, "--as", "clerk", "pin",
                       stdin="8080\n2468\n2468\n")
    assert code == 0, err
    assert _signs_in(db, "clerk", "2468")
