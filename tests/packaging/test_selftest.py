"""The self-test in-process (fast): every check passes on a checkout, and it leaves no trace."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from station_app import selftest


def test_selftest_passes_and_prints_one_line_per_check(tmp_path: Path) -> None:
    out = io.StringIO()
    report = tmp_path / "selftest.txt"
    code = selftest.run_selftest(out, out_file=report)
    lines = out.getvalue().splitlines()
    assert code == 0, out.getvalue()
    checks = [line for line in lines if line.startswith(("ok  ", "FAIL "))]
    assert [line.split()[1] for line in checks] == [name for name, _ in selftest.CHECKS]
    assert all(line.startswith("ok  ") for line in checks)
    assert lines[-1] == "self-test passed"
    assert report.read_text(encoding="utf-8").splitlines() == lines


def test_selftest_touches_nothing_outside_its_temp_folder(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("STATION_LEDGER_HOME", str(home))
    assert selftest.run_selftest(io.StringIO(), only=["ledger", "window"]) == 0
    assert not home.exists()
    assert os.environ["STATION_LEDGER_HOME"] == str(home)


def test_a_failing_check_fails_the_run_and_skips_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_state: object) -> str:
        raise selftest.CheckFailed("visit not projected")

    checks = [(n, broken if n == "visit" else fn) for n, fn in selftest.CHECKS]
    monkeypatch.setattr(selftest, "CHECKS", checks)
    out = io.StringIO()
    assert selftest.run_selftest(out, only=["ledger", "member", "visit", "card"]) == 1
    lines = out.getvalue().splitlines()
    assert "FAIL visit: CheckFailed: visit not projected" in lines
    assert "FAIL card: skipped after an earlier failure" in lines
    assert lines[-1] == "self-test FAILED (2 of 4)"


def test_unknown_check_names_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown checks: nope"):
        selftest.run_selftest(io.StringIO(), only=["nope"])


def test_station_app_selftest_flag_runs_it(capsys: pytest.CaptureFixture[str]) -> None:
    from station_app import app

    assert app.main(["--selftest", "--selftest-only", "ledger,member"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "self-test passed"
