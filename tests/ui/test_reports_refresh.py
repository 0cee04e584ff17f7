"""The Reports page's station filter follows the ledger: stations brought in by imported bundles
after the page was built become choices, and the chosen station stays chosen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from station_app.data.db import open_ledger
from station_app.services import station
from station_app.ui import i18n
from station_app.ui.context import AppContext
from station_app.ui.reports_view import ReportsPage
from tests.reports.scenario import Facts, add_other_station

pytestmark = pytest.mark.gui


def _choices(page: ReportsPage) -> list[str]:
    return [page.station.itemData(i) for i in range(page.station.count())]


@pytest.fixture
def league(qapp: QApplication, tmp_path: Path) -> Iterator[AppContext]:
    """A supervisor's ledger holding one station's imported entries (EEL02), in English."""
    i18n.register_fonts(qapp)
    i18n.install("en")
    path = tmp_path / "league.db"
    ledger = open_ledger(path, create=True)
    station.init_station(ledger, code="HLB00", name="呼伦贝尔市总工会", supervisor=True,
                         by="tester")
    add_other_station(ledger, Facts(), "EEL02")
    context = AppContext(path, ledger, lang="en", actor="tester")
    yield context
    context.close()


def test_a_station_imported_while_the_page_is_shown_becomes_a_choice(qtbot, league) -> None:
    page = ReportsPage(league, run_async=False)
    qtbot.addWidget(page)
    page.show()
    assert _choices(page) == ["", "EEL02"]
    page.station.setCurrentIndex(page.station.findData("EEL02"))
    assert page.shown is not None and page.shown[2] == ["EEL02"]
    add_other_station(league.ledger, Facts(), "MZL02")  # another station's bundle imported
    league.changed()
    assert _choices(page) == ["", "EEL02", "MZL02"]
    assert page.station.currentData() == "EEL02"  # still the station chosen ...
    assert page.shown[2] == ["EEL02"]  # ... and what is counted
    assert page.station.itemText(2) == "MZL02 二连浩特口岸驿站"


def test_a_page_out_of_sight_learns_the_new_stations_when_shown(qtbot, league) -> None:
    page = ReportsPage(league, run_async=False)
    qtbot.addWidget(page)
    add_other_station(league.ledger, Facts(), "MZL02")
    league.changed()
    assert _choices(page) == ["", "EEL02"]  # not looked at yet: not read again yet
    page.show()
    assert _choices(page) == ["", "EEL02", "MZL02"]
    assert page.station.currentData() == "" and page.shown is not None
    assert page.shown[2] is None  # all stations


def test_a_station_ledger_holding_a_second_station_offers_all_stations(
        qtbot, qapp, ledger_path) -> None:
    i18n.register_fonts(qapp)
    i18n.install("en")
    ledger = open_ledger(ledger_path)
    context = AppContext(ledger_path, ledger, lang="en", actor="tester")
    try:
        page = ReportsPage(context, run_async=False)
        qtbot.addWidget(page)
        page.show()
        assert _choices(page) == ["MZL01"] and not page.station.isEnabled()
        add_other_station(ledger, Facts(), "EEL02")
        page.refresh()  # the Show button
        assert _choices(page) == ["", "EEL02", "MZL01"] and page.station.isEnabled()
        assert page.station.currentData() == "MZL01"
    finally:
        context.close()
