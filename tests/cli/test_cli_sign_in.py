"""Once a ledger has accounts, the command line shows and records people only after sign-in.

The GUI opens nothing before an attendant signs in; these tests drive ``station-ledger`` as a
user would on such a ledger: every command that prints, exports or records members, visits,
cards or other entries is refused without ``--as USER`` and a PIN (exit 4, nothing written
but the ``denied`` row, no name on the screen), and runs for the attendant who signs in, under
their name. Every command of the parser is classified below, so a new one must say which it is.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from station_app.cli import COUNTER, build_parser
from station_app.data.db import Ledger, open_ledger
from station_app.services import audit, auth, relief, visits
from tests.helpers import ledger_hash, rid, sign_up
from tests.helpers import run_cli as _run

BOSS_PIN, CLERK_PIN, SUP_PIN = "246810", "1357", "sup-pass-1"
NAME, PHONE = "张三", "13800000001"
AUDITOR = auth.TrustedCaller("tests")

# Commands that declare a permission (``main`` signs in before they run): their arguments.
# {member} and {entry} are filled in from the ledger below.
SIGNED_IN: dict[str, list[str]] = {
    "card": ["card", "{member}"],
    "cards": ["cards", "--unprinted"],
    "member add": ["member", "add", "--name", "王五", "--id-number", "-", "--phone",
                   "13800000005", "--worker-type", "courier"],
    "member find": ["member", "find", "张"],
    "member show": ["member", "show", "{member}"],
    "member update": ["member", "update", "{member}", "--phone", "13900000009", "--reason", "r"],
    "member verify": ["member", "verify", "{member}"],
    "member withdraw": ["member", "withdraw", "{member}", "--reason", "moved"],
    "member rejoin": ["member", "rejoin", "{member}"],
    "rejoin": ["rejoin", "{member}"],
    "visit": ["visit", "--member", "{member}", "--service", "water"],
    "campaign add": ["campaign", "add", "--code", "COOL27", "--name", "送清凉"],
    "relief": ["relief", "--campaign", "WARM26", "--member", "{member}", "--money-fen", "100"],
    "transfer out": ["transfer", "out", "{member}", "--to", "呼和浩特市总工会"],
    "transfer in": ["transfer", "in", "--from", "呼和浩特市总工会", "--name", "王五",
                    "--id-number", "-", "--phone", "13800000005", "--worker-type", "courier"],
    "void": ["void", "{entry}", "--reason", "typo"],
    "correct": ["correct", "{entry}", "--service", "water", "--reason", "typo"],
    "duplicates": ["duplicates"],
    "log": ["log"],
}
# ``enrol`` serves two commands: a programme enrolment signs in for the counter (here), a
# station enrolment from its identity file for ``settings`` (in its handler).
SHARED = {"enrol": ["enrol", "--member", "{member}", "--programme", "legal_aid"]}
# Commands that sign in in their own handler, for their own permission (docs/SECURITY.md).
SIGN_IN_THEMSELVES = {
    "attendant add", "attendant disable", "attendant enable", "attendant unlock",
    "attendant set-pin", "pin", "audit", "backup", "restore", "rebuild", "retention",
    "member reveal", "report", "target", "roster", "self-service", "trust", "trust-file",
    "export", "import", "return-bundle", "revoke", "fork-resolve"}
# No member data at all: set-up, catalogue and status look-ups (attendant list is what the
# sign-in window lists to whoever stands at the PC).
OPEN: dict[str, list[str]] = {
    "attendant list": ["attendant", "list"],
    "check": ["check"],
    "campaign list": ["campaign", "list"],
    "services": ["services", "--all"],
    "stations": ["stations"],
    "enrol-file": ["enrol-file", "--out", "{tmp}/"],
}
NOT_ON_A_STAFFED_LEDGER = {"init", "demo"}  # both refuse a ledger that is already a station's


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
              ) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not nested:
        yield " ".join(prefix), parser
    for action in nested:
        for name, child in action.choices.items():
            yield from _commands(child, (*prefix, name))


@pytest.fixture
def db(ledger_path: Path) -> Iterator[Path]:
    """A station with a member, a relief campaign, a visit, and three accounts."""
    ledger = open_ledger(ledger_path)
    try:
        sign_up(ledger, 1, name=NAME, phone=PHONE)
        relief.define_campaign(ledger, code="WARM26", name="送温暖", kind="warming", by="t")
        visits.record_visit(ledger, ["water"], by="t", member="MZL01-000001V")
        boss = auth.setup_admin(ledger, "boss", BOSS_PIN, "站长")
        auth.create_attendant(ledger, "clerk", CLERK_PIN, role="attendant", by="boss",
                              attendant=boss)
        auth.create_attendant(ledger, "sup", SUP_PIN, role="supervisor", by="boss",
                              attendant=boss)
    finally:
        ledger.close()
    yield ledger_path




def _look(db: Path) -> tuple[str, list[audit.AuditRow], str]:
    ledger = open_ledger(db)
    try:
        entry = ledger.conn.execute(
            "SELECT id FROM entries WHERE kind = 'visit' ORDER BY seq").fetchone()[0]
        return ledger_hash(ledger), audit.rows(ledger, 500, attendant=AUDITOR), entry
    finally:
        ledger.close()


def _fill(args: list[str], entry: str, tmp: Path) -> list[str]:
    return [a.format(member="MZL01-000001V", entry=entry, tmp=tmp) for a in args]


def test_every_command_is_classified() -> None:
    """A new command must say whether it signs in: declared, in its handler, or no data."""
    found = dict(_commands(build_parser()))
    declared = {name for name, p in found.items() if p.get_default("permission")}
    assert declared == set(SIGNED_IN)
    assert set(found) == (set(SIGNED_IN) | set(SHARED) | SIGN_IN_THEMSELVES | set(OPEN)
                          | NOT_ON_A_STAFFED_LEDGER)
    assert {found[name].get_default("permission") for name in declared} == {
        COUNTER, ("export", "import")}  # duplicates: the Sync page's permissions


@pytest.mark.parametrize("command", sorted({**SIGNED_IN, **SHARED}))
def test_without_sign_in_nothing_is_shown_or_written(
        command: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    before, rows_before, entry = _look(db)
    argv = _fill({**SIGNED_IN, **SHARED}[command], entry, tmp_path)
    code, out, err = _run(capsys, monkeypatch, db, "--as", "clerk", *argv)
    assert code == 4, (out, err)
    assert "sign" in err and NAME not in out + err and "MZL01-000001V" not in out
    after, rows, _ = _look(db)
    assert after == before  # no entry, no card, no read-model row
    new = rows[: len(rows) - len(rows_before)]
    assert [(r.action, r.actor, r.outcome, r.detail.get("why")) for r in new] == [
        ("denied", "clerk", "denied", "no_pin")]
    assert new[0].subject == ("export" if command == "duplicates" else "counter")


@pytest.mark.parametrize("command", sorted(OPEN))
def test_the_open_commands_show_no_member(command: str, db: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = _run(capsys, monkeypatch, db, *_fill(OPEN[command], "", tmp_path))
    assert code == 0, err
    written = "".join(f.read_text(encoding="utf-8") for f in tmp_path.glob("*.json"))
    for secret in (NAME, PHONE, PHONE[-4:], rid(1), "MZL01-000001V"):
        assert secret not in out + err + written


def test_cards_need_a_signed_in_attendant(db: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    r = lambda *a, **k: _run(capsys, monkeypatch, db, *a, **k)  # noqa: E731
    sheet = tmp_path / "sheet.pdf"
    # Nobody signed in, or the wrong PIN: no list, no sheet, nothing marked printed.
    assert r("cards", "--unprinted")[0] == 4
    code, _, err = r("--as", "clerk", "cards", "--unprinted", "--out", str(sheet), pin="0000")
    assert code == 4 and "Wrong" in err and not sheet.exists()
    code, _, err = r("--as", "boss", "card", "MZL01-000001V", "--reissue", "--reason", "lost")
    assert code == 4 and "sign" in err  # a name alone is not a sign-in
    assert r("--as", "clerk", "--json", "cards", "--unprinted", pin=CLERK_PIN)[1:] == (
        json.dumps({"unprinted": ["MZL01-000001V"]}, indent=2) + "\n", "")
    # The attendant signs in: the card is reissued and the sheet written, under their name.
    code, out, err = r("--as", "clerk", "card", "MZL01-000001V", "--reissue", "--reason",
                       "lost", pin=CLERK_PIN)
    assert code == 0 and "no. 2" in out, err
    code, out, err = r("--as", "clerk", "--json", "cards", "--unprinted", "--out", str(sheet),
                       stdin=CLERK_PIN + "\n")  # the PIN on standard input works too
    assert code == 0, err
    assert json.loads(out)["cards"] == [{"member_no": "MZL01-000001V", "serial": 2}]
    assert sheet.read_bytes().startswith(b"%PDF")
    ledger = open_ledger(db)
    try:
        kinds = ledger.conn.execute(
            "SELECT kind, recorded_by FROM entries WHERE kind LIKE 'card.%' ORDER BY seq"
        ).fetchall()
        rows = audit.rows(ledger, 50, attendant=AUDITOR)
    finally:
        ledger.close()
    assert kinds[1:] == [("card.issue", "clerk"), ("card.printed", "clerk")]  # [0]: sign-up
    assert [(r.action, r.subject, r.actor) for r in rows if r.action == "export"] == [
        ("export", "cards", "clerk")]
    # A disabled account is refused at once.
    assert r("--as", "boss", "attendant", "disable", "clerk", pin=BOSS_PIN)[0] == 0
    code, _, err = r("--as", "clerk", "cards", "--unprinted", pin=CLERK_PIN)
    assert code == 4 and "disabled" in err


def test_a_sign_up_reads_the_pin_then_the_id_number(db: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = _run(capsys, monkeypatch, db, "--as", "clerk", "--json", "member", "add",
                          "--name", "王五", "--id-number", "-", "--phone", "13800000005",
                          "--worker-type", "courier", stdin=f"{CLERK_PIN}\n{rid(5)}\n")
    assert code == 0, err
    assert json.loads(out)["name"] == "王五" and rid(5) not in out + err
    code, out, _ = _run(capsys, monkeypatch, db, "--as", "clerk", "member", "find", "王五",
                        pin=CLERK_PIN)
    assert code == 0 and "王五" in out and "13800000005" not in out
    code, out, _ = _run(capsys, monkeypatch, db, "--as", "clerk", "--json", "log",
                        "--limit", "1", pin=CLERK_PIN)
    assert json.loads(out)[0]["recorded_by"] == "clerk"


def test_duplicates_follow_the_sync_page(db: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The same-person list is on the Sync page (export or import): not for attendants."""
    code, _, err = _run(capsys, monkeypatch, db, "--as", "clerk", "duplicates", pin=CLERK_PIN)
    assert code == 4 and "may not" in err
    for user, pin in (("sup", SUP_PIN), ("boss", BOSS_PIN)):
        code, out, err = _run(capsys, monkeypatch, db, "--as", user, "duplicates", pin=pin)
        assert code == 0 and "Nobody" in out, err


def test_open_mode_needs_no_sign_in(ledger_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Before the first account exists (scripts, demo, first run) nothing asks for a PIN."""
    ledger: Ledger = open_ledger(ledger_path)
    try:
        sign_up(ledger, 1, name=NAME, phone=PHONE)
    finally:
        ledger.close()
    code, out, err = _run(capsys, monkeypatch, ledger_path, "cards", "--unprinted")
    assert code == 0 and out.strip() == "MZL01-000001V", err
    code, out, err = _run(capsys, monkeypatch, ledger_path, "member", "find", "张")
    assert code == 0 and NAME in out, err
