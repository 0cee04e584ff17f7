"""``station-ledger report`` and ``roster`` as a user runs them."""

from __future__ import annotations

import json
from datetime import datetime

import openpyxl
import pytest

from station_app.cli import main
from station_app.data.db import open_ledger
from station_app.domain import clock
from station_app.services import reports as report_service
from station_app.services import visits
from tests.helpers import ledger_hash, rid, sign_up

from .scenario import CST


@pytest.fixture
def small(ledger_path):
    ledger = open_ledger(ledger_path)
    with clock.fixed(datetime(2026, 11, 3, 10, tzinfo=CST)):
        number = sign_up(ledger, 1, name="王五", worker="courier")
        visits.record_visit(ledger, ["water", "rest"], member=number, by="t")
        visits.record_visit(ledger, ["water"], by="t", walk_in=visits.WalkIn(
            "truck_driver", "passport", "MN"))
    ledger.close()
    return ledger_path


def test_report_json_to_stdout(small, capsysbinary) -> None:
    code = main(["--db", str(small), "report", "--from", "2026-11-01", "--to", "2026-11-30",
                 "--format", "json", "--out", "-"])
    assert code == 0
    data = json.loads(capsysbinary.readouterr().out)
    summary = {r["code"]: r["value"] for r in data["tables"]["summary"]["rows"]}
    assert summary["visits"] == 2 and summary["people"] == 2 and summary["foreign_visits"] == 1
    assert data["meta"]["stations"] == ["MZL01"]


def test_report_xlsx_file_by_period(small, tmp_path, capsys) -> None:
    out = tmp_path / "nov.xlsx"
    assert main(["--lang", "zh_CN", "--db", str(small), "report", "--period", "month",
                 "--date", "2026-11",
                 "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    sheet = book["按服务项目"]
    assert [c.value for c in sheet[2]][:3] == ["water", "饮水", 2]
    assert str(out) in capsys.readouterr().out


def test_report_csv_table_to_stdout_has_bom(small, capsysbinary) -> None:
    assert main(["--db", str(small), "report", "--from", "2026-11-01", "--to", "2026-11-30",
                 "--format", "csv", "--table", "worker_types", "--out", "-"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"\xef\xbb\xbfCode,Name,Person-times")


def test_report_pdf_file(small, tmp_path) -> None:
    out = tmp_path / "nov.pdf"
    assert main(["--db", str(small), "report", "--period", "month", "--date", "2026-11-15",
                 "--format", "pdf", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_every_report_export_is_audited_file_or_stdout(small, tmp_path, capsysbinary) -> None:
    out = tmp_path / "nov.xlsx"
    assert main(["--db", str(small), "--as", "sup", "report", "--period", "month",
                 "--date", "2026-11", "--out", str(out)]) == 0
    assert main(["--db", str(small), "--as", "sup", "report", "--period", "month",
                 "--date", "2026-11", "--format", "csv", "--table", "services",
                 "--out", "-"]) == 0
    ledger = open_ledger(small)
    found = ledger.conn.execute(
        "SELECT actor, action, subject, outcome, detail FROM audit_log "
        "WHERE action = 'export' ORDER BY id").fetchall()
    assert [(a, act, s, o) for a, act, s, o, _ in found] == [
        ("sup", "export", "report", "ok"), ("sup", "export", "report", "ok")]
    first, second = (json.loads(row[4]) for row in found)
    assert first == {"file": "nov.xlsx", "format": "xlsx", "from": "2026-11-01",
                     "to": "2026-11-30", "stations": ["MZL01"]}
    assert (second["file"], second["format"], second["table"]) == ("-", "csv", "services")


@pytest.mark.parametrize("args", [
    ["--from", "2026-11-30", "--to", "2026-11-01", "--out", "x.xlsx"],
    ["--from", "2026-13-01", "--to", "2026-11-01", "--out", "x.xlsx"],
    ["--from", "2026-11-01", "--out", "x.xlsx"],
    ["--from", "2026-11-01", "--to", "2026-11-30", "--out", "x.docx"],
    ["--from", "2026-11-01", "--to", "2026-11-30", "--out", "-"],
])
def test_bad_report_arguments_are_refused_with_exit_3(small, tmp_path, args, capsys) -> None:
    before = ledger_hash(open_ledger(small))
    code = main(["--lang", "en", "--db", str(small), "report", *[
        str(tmp_path / a) if a.endswith((".xlsx", ".docx")) else a for a in args]])
    assert code == 3
    assert capsys.readouterr().err.startswith("error:")
    assert not list(tmp_path.glob("x.*"))
    assert ledger_hash(open_ledger(small)) == before


def test_roster_masks_id_numbers_and_is_audited(small, tmp_path) -> None:
    out = tmp_path / "roster.xlsx"
    before = ledger_hash(open_ledger(small))
    assert main(["--lang", "zh_CN", "--db", str(small), "--as", "admin", "roster",
                 "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    cells = [str(c) for row in book.active.iter_rows(values_only=True) for c in row]
    assert "王五" in cells
    assert rid(1) not in cells and not any(rid(1)[6:14] in c for c in cells)
    assert any(c.startswith(rid(1)[:3]) and "*" in c for c in cells)  # masked ID shown
    ledger = open_ledger(small)
    actor, action, subject, detail = ledger.conn.execute(
        "SELECT actor, action, subject, detail FROM audit_log ORDER BY id DESC").fetchone()
    assert (actor, action, subject) == ("admin", "export", "roster")
    assert json.loads(detail)["rows"] == 1
    assert ledger_hash(ledger) == before  # an export writes no entry


def test_roster_failure_is_audited_too(small, tmp_path) -> None:
    ledger = open_ledger(small)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OSError):
        report_service.export_roster(ledger, blocker / "roster.xlsx", "admin")
    outcome = ledger.conn.execute(
        "SELECT outcome FROM audit_log ORDER BY id DESC").fetchone()[0]
    assert outcome == "error"


def test_target_is_shown_set_and_refused_when_out_of_range(small, capsys) -> None:
    path = str(small)
    assert main(["--db", path, "--lang", "en", "target", "--year", "2027"]) == 0
    assert "No new-member target set for 2027" in capsys.readouterr().out
    assert main(["--db", path, "--lang", "en", "target", "--year", "2027",
                 "--members", "5000"]) == 0
    assert "New-member target for 2027: 5,000" in capsys.readouterr().out
    assert main(["--db", path, "--json", "target", "--year", "2027"]) == 0
    assert '"members": 5000' in capsys.readouterr().out
    assert main(["--db", path, "target", "--year", "1999", "--members", "5"]) == 3
