"""English command output names one thing in the singular ("1 member", not "1 members")."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from station_app.cli import counted, main
from tests.helpers import rid


def test_counted() -> None:
    assert counted(1, "entry", "entries") == "1 entry"
    assert counted(0, "entry", "entries") == "0 entries"
    assert counted(36236, "entry", "entries") == "36,236 entries"


def test_rebuild_reports_one_member_in_the_singular(tmp_path: Path, capsys) -> None:
    db = tmp_path / "st.db"
    assert main(["--db", str(db), "init", "--code", "MZL01", "--name", "满洲里口岸驿站"]) == 0
    with pytest.MonkeyPatch.context() as mp:  # the ID number comes on standard input
        mp.setattr("sys.stdin", io.StringIO(rid(1) + "\n"))
        assert main(["--db", str(db), "member", "add", "--name", "张三", "--id-number", "-",
                     "--phone", "13800000001", "--worker-type", "courier"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "--lang", "en", "rebuild"]) == 0
    out = capsys.readouterr().out
    assert "1 member, 0 visits, 0 relief handouts, 0 enrolments" in out
