"""Every cell of the report's JSON equals the figure computed independently from the facts."""

from __future__ import annotations

import json
from datetime import date

import pytest

from station_app.reports import build, export, make_range
from station_app.services import reports as report_service

from .conftest import NAMES
from .expected import expected
from .scenario import NOV

SCOPES = [("MZL01",), ("MZL01", "EEL02"), ("EEL02",)]


@pytest.mark.parametrize("stations", SCOPES, ids=["station", "consolidated", "other"])
def test_every_json_cell_matches_the_independent_count(built, stations) -> None:
    ledger, facts, _ = built
    report = build(ledger, make_range(*NOV), stations)
    got = json.loads(export.to_bytes(report, "json"))
    want = expected(facts, *NOV, stations, NAMES)
    assert set(got["tables"]) == set(want)
    for key, table in want.items():
        assert got["tables"][key]["rows"] == table["rows"], key
        assert got["tables"][key]["total"] == table["total"], key
    assert got["meta"]["from"] == "2026-11-01" and got["meta"]["to"] == "2026-11-30"
    assert got["meta"]["stations"] == list(stations)


def test_a_station_ledger_reports_on_itself_by_default(built) -> None:
    ledger, facts, _ = built
    report = build(ledger, make_range(*NOV))
    assert report.meta["stations"] == ["MZL01"]
    want = expected(facts, *NOV, ("MZL01",), NAMES)
    assert report.table("summary").rows == want["summary"]["rows"]


def test_the_headline_figures_a_union_reports(built) -> None:
    """Spelled out once by hand, so the convention is visible in the test itself."""
    ledger, _, _ = built
    summary = {r["code"]: r["value"]
               for r in build(ledger, make_range(*NOV), ("MZL01",)).table("summary").rows}
    # 14 visits recorded in November, one voided: 13 person-times. Members A, B, D came
    # (8 visits); 5 walk-ins each count as one person.
    assert summary["visits"] == 13
    assert summary["member_visits"] == 8
    assert summary["members_served"] == 3
    assert summary["walk_ins"] == 5
    assert summary["people"] == 8
    assert summary["foreign_visits"] == 3  # two Mongolian, one Russian passport holder
    assert summary["new_members"] == 3  # A, B, C; E's sign-up was voided, F transferred in
    assert summary["transfers_in"] == 1 and summary["transfers_out"] == 1
    assert summary["relief_times"] == 5  # the sixth was voided
    assert summary["enrolments"] == 2  # the third was voided


def test_a_corrected_visit_counts_once_with_its_newest_services(built) -> None:
    ledger, _, _ = built
    report = build(ledger, make_range(date(2026, 11, 10), date(2026, 11, 10)), ("MZL01",))
    services = {r["code"]: r["visits"] for r in report.table("services").rows}
    # the voided walk-in's "charge" is gone; the corrected visit shows wifi + charge once
    assert services["wifi"] == 1 and services["charge"] == 1
    assert report.table("summary").row(code="visits")["value"] == 1


def test_relief_money_and_overrides(built) -> None:
    ledger, _, _ = built
    relief = build(ledger, make_range(*NOV), ("MZL01",)).table("relief")
    warm = relief.row(code="WARM26")
    assert warm["money_fen"] == 20000 + 10000 + 0 + 5050  # 350.50 yuan; the voided 80 gone
    assert warm["overrides"] == 1
    assert warm["times"] == 4 and warm["people"] == 3  # A twice, B, one walk-in


def test_outside_the_range_nothing_counts(built) -> None:
    ledger, _, _ = built
    report = build(ledger, make_range(date(2026, 12, 2), date(2026, 12, 31)), ("MZL01",))
    assert all(r["value"] == 0 for r in report.table("summary").rows)


def test_english_labels(built) -> None:
    ledger, _, _ = built
    report = build(ledger, make_range(*NOV), ("MZL01",), lang="en")
    assert report.table("worker_types").row(code="truck_driver")["name"] == "Truck driver"
    assert report.table("services").title("en") == "By service"
    assert report.meta["period"] == "2026-11"


def test_aggregate_exports_hold_no_personal_data(built) -> None:
    ledger, _, nos = built
    for fmt in ("json", "csv"):
        text = export.to_bytes(build(ledger, make_range(*NOV), ("MZL01", "EEL02")), fmt).decode(
            "utf-8-sig")
        for number in nos.values():
            assert number not in text
        assert "会员A" not in text and "1380000" not in text


def test_service_level_report_refuses_a_backwards_range(built) -> None:
    from station_app.domain.errors import InvalidInput

    ledger, _, _ = built
    with pytest.raises(InvalidInput):
        report_service.report(ledger, date(2026, 11, 30), date(2026, 11, 1))


def test_a_supervisor_ledger_consolidates_every_station(tmp_path) -> None:
    from station_app.data.db import open_ledger
    from station_app.services import station

    from .scenario import Facts, add_other_station

    ledger = open_ledger(tmp_path / "league.db", create=True)
    station.init_station(ledger, code="HLB00", name="呼伦贝尔市总工会", supervisor=True,
                         by="tester")
    facts = Facts(campaign_names={"WARM26": "WARM26"})
    add_other_station(ledger, facts, "EEL02")
    add_other_station(ledger, facts, "MZL02")
    report = build(ledger, make_range(*NOV))
    assert report.meta["stations"] == ["EEL02", "MZL02"]  # not the supervisor's own code
    assert report.meta["consolidated"] is True
    got = json.loads(export.to_bytes(report, "json"))
    names = {"EEL02": "二连浩特口岸驿站", "MZL02": "二连浩特口岸驿站"}
    want = expected(facts, *NOV, ("EEL02", "MZL02"), names)
    for key in ("stations", "services", "worker_types", "nationality", "daily", "summary",
                "relief"):
        assert got["tables"][key]["rows"] == want[key]["rows"], key
        assert got["tables"][key]["total"] == want[key]["total"], key
    one = build(ledger, make_range(*NOV), ["MZL02"])
    assert one.table("summary").row(code="visits")["value"] == 5
    ledger.close()
