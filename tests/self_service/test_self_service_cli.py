"""``station-ledger self-service``: the admin switches and sets up the mode from a terminal."""

from __future__ import annotations

import json

import pytest

from station_app.cli import main
from station_app.data.db import open_ledger
from station_app.services import audit
from station_app.services import self_service as kiosk
from tests.security.conftest import ADMIN_PIN, AUDITOR, CLERK_PIN
from tests.self_service.conftest import Station


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, station: Station,
        *argv: str, pin: str | None = None) -> tuple[int, str]:
    if pin is None:
        monkeypatch.delenv("STATION_LEDGER_PIN", raising=False)
    else:
        monkeypatch.setenv("STATION_LEDGER_PIN", pin)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(""))
    code = main(["--lang", "en", "--db", str(station.path), *argv])
    out, err = capsys.readouterr()
    return code, out + err


def test_switch_and_configure_from_the_command_line(capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     station_file: Station) -> None:
    code, out = run(capsys, monkeypatch, station_file, "self-service")
    assert code == 0 and "Self-service mode: off" in out
    code, out = run(capsys, monkeypatch, station_file, "--as", "clerk", "self-service", "on",
                    pin=CLERK_PIN)
    assert code == 4 and "may not do this" in out
    code, out = run(capsys, monkeypatch, station_file, "--as", "boss", "--json",
                    "self-service", "on", "--idle-seconds", "45",
                    "--signup-note", "入会请到满洲里市总工会一楼服务大厅", pin=ADMIN_PIN)
    assert code == 0, out
    assert json.loads(out) == {"enabled": True, "idle_seconds": 45,
                               "signup_note": "入会请到满洲里市总工会一楼服务大厅"}
    code, out = run(capsys, monkeypatch, station_file, "--as", "boss", "self-service",
                    "--idle-seconds", "3", pin=ADMIN_PIN)
    assert code == 3
    ledger = open_ledger(station_file.path)
    try:
        assert kiosk.is_enabled(ledger) and kiosk.idle_seconds(ledger) == 45
        settings = audit.rows(ledger, action=audit.SETTING, attendant=AUDITOR)
        assert [r.subject for r in settings][:2] == [kiosk.SIGNUP_NOTE_SETTING,
                                                     kiosk.IDLE_SETTING]
        switched = audit.rows(ledger, action=kiosk.AUDIT_ACTION, attendant=AUDITOR)
        assert switched[0].detail == {"on": True}
    finally:
        ledger.close()
