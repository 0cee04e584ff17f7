"""The command line as a user drives it: attendants, reveal, audit, backup, restore, check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from station_app.data.db import open_ledger
from station_app.services import audit, backup
from tests.helpers import rid
from tests.helpers import run_cli as run
from tests.security.conftest import AUDITOR


@pytest.fixture
def db(ledger_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
       ) -> Path:
    code, _, err = run(capsys, monkeypatch, ledger_path, "member", "add", "--name", "张三",
                       "--id-number", "-", "--phone", "13800000001",
                       "--worker-type", "courier", stdin=rid(1) + "\n")
    assert code == 0, err
    return ledger_path


def test_open_mode_then_admin_setup_then_roles(db: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    r = lambda *a, **k: run(capsys, monkeypatch, db, *a, **k)  # noqa: E731
    # Open mode: no attendants yet, the OS user may reveal (with a reason, audited).
    code, out, _ = r("member", "reveal", "MZL01-000001V", "--reason", "setup check")
    assert code == 0 and out.strip() == rid(1)
    # The first account must be the admin.
    code, _, err = r("attendant", "add", "ann", "--role", "attendant", stdin="1234\n")
    assert code == 4 and "admin" in err
    code, out, _ = r("--lang", "zh_CN", "attendant", "add", "boss", "--role", "admin",
                     "--pin-stdin", stdin="246810\n")
    assert code == 0 and out.strip() == "已创建账户 boss（驿站管理员）"  # the role in words
    # From now on role commands need --as and a PIN.
    code, _, err = r("member", "reveal", "MZL01-000001V", "--reason", "x")
    assert code == 4
    code, _, _ = r("--as", "boss", "attendant", "add", "ann", "--pin-stdin",
                   stdin="246810\n1357\n")
    assert code == 0
    code, out, _ = r("--json", "attendant", "list")
    assert [(a["username"], a["role"]) for a in json.loads(out)] == [
        ("ann", "attendant"), ("boss", "admin")]
    code, _, err = r("--as", "ann", "member", "reveal", "MZL01-000001V", "--reason", "x",
                     pin="1357")
    assert code == 4 and "may not" in err
    code, _, err = r("--as", "ann", "backup", "--out", str(db.parent / "b.zip"), pin="1357")
    assert code == 4 and not (db.parent / "b.zip").exists()
    code, _, err = r("--as", "ann", "audit", pin="1357")
    assert code == 4
    code, _, err = r("--as", "boss", "member", "reveal", "MZL01-000001V", "--reason", "x",
                     pin="000000")
    assert code == 4 and "Wrong" in err
    code, out, _ = r("--as", "boss", "member", "reveal", "MZL01-000001V", "--reason", "补卡",
                     stdin="246810\n")
    assert code == 0 and out.strip() == rid(1)
    code, out, _ = r("--as", "boss", "--json", "audit", "--limit", "50", pin="246810")
    rows = json.loads(out)
    actions = [(x["action"], x["outcome"]) for x in rows]
    assert ("reveal", "ok") in actions and ("denied", "denied") in actions
    assert ("sign_in", "failed") in actions and ("attendant", "ok") in actions
    assert rid(1) not in out
    # One person's rows, refusals in words (the log and --json keep the code).
    code, out, _ = r("--as", "boss", "audit", "--who", "ann", pin="246810")
    assert code == 0 and out.strip()
    assert {line.split("\t")[2] for line in out.splitlines()} == {"ann"}
    assert "\tdenied\tshow a full ID number\tdenied\t" in out
    code, out, _ = r("--as", "boss", "audit", "--who", "nobody", pin="246810")
    assert code == 0 and out.strip() == "No entries by nobody"
    code, _, _ = r("--as", "boss", "attendant", "disable", "ann", pin="246810")
    code, _, err = r("--as", "ann", "audit", pin="1357")
    assert code == 4 and "disabled" in err


def test_backup_and_restore_from_the_command_line(db: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    r = lambda *a, **k: run(capsys, monkeypatch, db, *a, **k)  # noqa: E731
    r("attendant", "add", "boss", "--role", "admin", stdin="246810\n")
    r("--as", "boss", "attendant", "add", "ann", stdin="246810\n1357\n")
    out_file = db.parent / "usb" / "station-backup.zip"
    monkeypatch.setenv(backup.PASSPHRASE_ENV, "long passphrase")
    code, out, err = r("--as", "boss", "backup", "--out", str(out_file), "--encrypt",
                       pin="246810")
    assert code == 0, err
    assert json.loads(zipfile_manifest(out_file))["keys"]["storage"] == "encrypted"
    code, _, err = r("--as", "ann", "visit", "--walk-in", "courier", "--service", "water",
                     pin="1357")
    assert code == 0, err  # after the backup: gone again after the restore
    code, _, err = r("--as", "ann", "restore", str(out_file), pin="1357")
    assert code == 4  # attendants may not restore
    code, out, err = r("--as", "boss", "restore", str(out_file), pin="246810")
    assert code == 0, err
    assert "epoch 2" in out
    ledger = open_ledger(db)
    try:
        assert ledger.epoch == 2
        assert ledger.conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == 0
        assert audit.last(ledger, audit.RESTORE) is not None
    finally:
        ledger.close()
    code, out, _ = r("check")
    assert code == 0 and "healthy" in out


def test_check_reports_damage_and_the_backup_to_use(db: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    r = lambda *a, **k: run(capsys, monkeypatch, db, *a, **k)  # noqa: E731
    code, _, _ = r("backup")
    assert code == 0
    data = bytearray(db.read_bytes())
    data[4096 * 2: 4096 * 2 + 64] = b"\xff" * 64
    db.write_bytes(bytes(data))
    code, out, _ = r("--json", "check")
    report = json.loads(out)
    assert code == 4 and not report["ok"] and report["latest_good_backup"]


def zipfile_manifest(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return zf.read("manifest.json")


def test_exports_need_a_role_once_accounts_exist(db: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    r = lambda *a, **k: run(capsys, monkeypatch, db, *a, **k)  # noqa: E731
    roster = db.parent / "roster.xlsx"
    bundles = db.parent / "bundles"
    code, _, err = r("roster", "--out", str(roster))  # open mode: allowed
    assert code == 0, err
    roster.unlink()
    r("attendant", "add", "boss", "--role", "admin", stdin="246810\n")
    r("--as", "boss", "attendant", "add", "ann", stdin="246810\n1357\n")
    r("--as", "boss", "attendant", "add", "sup", "--role", "supervisor",
      stdin="246810\nsup-pass-1\n")
    code, _, err = r("--as", "ann", "roster", "--out", str(roster), pin="1357")
    assert code == 4 and "may not" in err and not roster.exists()
    code, _, err = r("--as", "ann", "export", "--out", str(bundles), pin="1357")
    assert code == 4 and not bundles.exists()
    code, _, err = r("roster", "--out", str(roster))  # no --as / PIN
    assert code == 4 and not roster.exists()
    code, _, err = r("--as", "sup", "roster", "--out", str(roster), pin="sup-pass-1")
    assert code == 0 and roster.exists()
    code, _, err = r("--as", "sup", "export", "--out", str(bundles), pin="sup-pass-1")
    # Past the role check; this station has no supervisor trusted yet, which sync refuses.
    assert "may not" not in err and "trust" in err
    ledger = open_ledger(db)
    try:
        rows = audit.rows(ledger, 100, attendant=AUDITOR)
        assert [x.subject for x in rows if x.action == "denied"].count("export") == 3
        assert any(x.action == "export" and x.actor == "sup" for x in rows)
        assert any(x.action == "sign_in" and x.actor == "sup" and x.outcome == "ok"
                   for x in rows)
    finally:
        ledger.close()
