"""The Reports page on a real ledger, offscreen: figures, charts, exports with progress."""

from __future__ import annotations

import json
from datetime import datetime

import openpyxl
import pytest
from PySide6.QtCore import QDate

from station_app.data.db import open_ledger
from station_app.domain import clock
from station_app.services import visits
from station_app.ui import i18n
from station_app.ui.context import AppContext
from station_app.ui.pages import PAGES
from station_app.ui.reports_view import ReportsPage
from tests.helpers import sign_up

from .scenario import CST

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(qapp, ledger_path):
    i18n.register_fonts(qapp)
    i18n.install("en")
    ledger = open_ledger(ledger_path)
    with clock.fixed(datetime(2026, 11, 3, 10, tzinfo=CST)):
        number = sign_up(ledger, 1, name="王五", worker="courier")
        visits.record_visit(ledger, ["water", "rest"], member=number, by="t")
        visits.record_visit(ledger, ["water"], by="t", walk_in=visits.WalkIn(
            "truck_driver", "passport", "MN"))
    with ledger.write():
        ledger.set_setting("target.members.2026", "4")
    context = AppContext(ledger_path, ledger, lang="en", actor="tester")
    yield context
    ledger.close()


def _november(page: ReportsPage) -> None:
    page.anchor.setDate(QDate(2026, 11, 15))
    page.period.setCurrentIndex(page.period.findData("month"))
    page.refresh()


def test_the_page_is_registered() -> None:
    assert any(p.name == "reports" and p.module == "station_app.ui.reports_view" for p in PAGES)


def test_page_shows_figures_tables_and_charts(qtbot, ctx) -> None:
    page = ReportsPage(ctx, run_async=False)
    qtbot.addWidget(page)
    _november(page)
    assert page.date_from.date() == QDate(2026, 11, 1)
    assert page.date_to.date() == QDate(2026, 11, 30)
    assert page.tiles["visits"].value.text() == "2"
    assert page.tiles["people"].value.text() == "2"
    assert page.service_chart.items[0] == ("Drinking water", 2)
    assert len(page.daily_chart.points) == 30
    assert page.gauge.value == 1 and page.gauge.target == 4
    table = page.tables["services"]
    assert table.item(0, 0).text() == "water" and table.item(0, 2).text() == "2"
    assert page.tabs.count() == 14
    image = page.grab().toImage()
    assert not image.isNull() and image.width() > 0


def test_custom_range_and_refresh_after_a_new_visit(qtbot, ctx) -> None:
    page = ReportsPage(ctx, run_async=False)
    qtbot.addWidget(page)
    page.period.setCurrentIndex(page.period.findData("custom"))
    assert page.date_from.isEnabled() and not page.anchor.isEnabled()
    page.date_from.setDate(QDate(2026, 11, 3))
    page.date_to.setDate(QDate(2026, 11, 3))
    page.refresh()
    assert page.tiles["visits"].value.text() == "2"
    page.show()
    with clock.fixed(datetime(2026, 11, 3, 15, tzinfo=CST)):
        visits.record_visit(ctx.ledger, ["charge"], by="t", walk_in=visits.WalkIn("courier"))
    ctx.changed()
    assert page.tiles["visits"].value.text() == "3"


def test_the_figures_follow_the_chosen_range_and_export_writes_what_is_shown(
        qtbot, ctx, tmp_path) -> None:
    """Choosing another period counts again by itself; an export never writes a range that is
    not on screen (before, the month was shown and the year written)."""
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.shown is not None, timeout=10_000)
    page.anchor.setDate(QDate(2026, 11, 15))
    page.period.setCurrentIndex(page.period.findData("month"))
    qtbot.waitUntil(lambda: page.shown is not None and page.shown[0].month == 11
                    and page.shown[1].day == 30, timeout=10_000)
    assert page.tiles["visits"].value.text() == "2"
    page.period.setCurrentIndex(page.period.findData("year"))
    assert page.shown[1].month == 11  # not counted yet: the month is still on screen ...
    page.run_async = False  # (no "saved" box)
    target = tmp_path / "shown.csv"
    page.export("csv", target)  # ... and the month is what an export writes
    qtbot.waitUntil(lambda: getattr(page, "last_export", None) == target, timeout=10_000)
    assert "2026-11-01 – 2026-11-30" in target.read_text(encoding="utf-8-sig")
    page.run_async = True
    qtbot.waitUntil(lambda: page.shown is not None and page.shown[1].month == 12,
                    timeout=10_000)  # then the year, by itself


def test_export_buttons_write_files_in_the_background(qtbot, ctx, tmp_path) -> None:
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.run_async = False  # no "saved" message box in the test
    _november(page)
    target = tmp_path / "nov.xlsx"
    page.export("xlsx", target)
    qtbot.waitUntil(lambda: getattr(page, "last_export", None) == target, timeout=10_000)
    book = openpyxl.load_workbook(target)
    assert book["By service"]["C2"].value == 2
    roster = tmp_path / "roster.xlsx"
    page.export_roster(roster)
    qtbot.waitUntil(lambda: getattr(page, "last_export", None) == roster, timeout=10_000)
    row = ctx.ledger.conn.execute(
        "SELECT actor, action, subject, detail FROM audit_log ORDER BY id DESC").fetchone()
    assert row[:3] == ("tester", "export", "roster") and json.loads(row[3])["rows"] == 1


def test_chinese_page(qtbot, ctx, qapp) -> None:
    i18n.install("zh_CN")
    try:
        ctx.lang = "zh_CN"
        page = ReportsPage(ctx, run_async=False)
        qtbot.addWidget(page)
        _november(page)
        assert page.windowTitle() == "统计报表"
        assert page.tabs.tabText(2) == "按服务项目"
        assert page.service_chart.items[0] == ("饮水", 2)
    finally:
        i18n.install("en")


def test_the_yearly_target_is_set_from_the_page(qtbot, ctx, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from station_app.services import reports

    page = ReportsPage(ctx, run_async=False)
    qtbot.addWidget(page)
    _november(page)
    assert page.gauge.target == 4
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (250, True))
    page.ask_target()
    assert reports.member_target(ctx.ledger, 2026) == 250 and page.gauge.target == 250
    row = ctx.ledger.conn.execute("SELECT subject, detail FROM audit_log WHERE action ="
                                  " 'setting' ORDER BY id DESC").fetchone()
    assert row[0] == "target.members.2026" and json.loads(row[1]) == {"old": "4", "new": "250"}
    assert page.set_target(2026, 0) and reports.member_target(ctx.ledger, 2026) is None


def test_a_custom_range_being_typed_backwards_is_not_an_error(qtbot, ctx) -> None:
    page = ReportsPage(ctx, run_async=False)
    qtbot.addWidget(page)
    _november(page)
    page.period.setCurrentIndex(page.period.findData("custom"))
    page.date_from.setDate(QDate(2026, 12, 5))  # moving the range forward: From first
    assert "before the start" in page.heading.text()
    assert page.shown is not None and page.shown[1].month == 11  # still the last good count
    page.date_to.setDate(QDate(2026, 12, 31))
    assert page.shown is not None and page.shown[0] == page.shown[0].replace(month=12, day=5)


def test_building_the_page_opens_no_stray_window(qtbot, ctx) -> None:
    """(The roster and target buttons were shown before their layout was installed: for an
    instant each was a window of its own and took the keyboard from the main window, e.g. when
    the language was switched.)"""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    shown: list[str] = []

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
                shown.append(obj.objectName())
            return False

    watch = Watch()
    QApplication.instance().installEventFilter(watch)
    try:
        page = ReportsPage(ctx, run_async=False)
        qtbot.addWidget(page)
    finally:
        QApplication.instance().removeEventFilter(watch)
    assert shown == []


def test_the_page_counts_only_when_looked_at(qtbot, ctx) -> None:
    """Every counter visit changes the ledger: the Reports page counts when first shown, and
    again on a change only while in sight (else the next time it is shown)."""
    page = ReportsPage(ctx, run_async=False)
    qtbot.addWidget(page)
    page.anchor.setDate(QDate(2026, 11, 15))
    assert page.shown is None  # built, not looked at: nothing counted yet
    page.show()
    assert page.shown is not None and page.tiles["visits"].value.text() == "2"
    page.hide()
    with clock.fixed(datetime(2026, 11, 4, 10, tzinfo=CST)):
        visits.record_visit(ctx.ledger, ["rest"], by="t", walk_in=visits.WalkIn("courier"))
    ctx.changed()
    assert page.tiles["visits"].value.text() == "2"  # out of sight: not counted again yet
    page.show()
    assert page.tiles["visits"].value.text() == "3"


def test_the_gauge_caption_fits_at_1366x768(qtbot, ctx) -> None:
    """(At 1366x768 the caption under the gauge, 2026年累计新入会, was cut off at the bottom:
    the ring took the height the two lines under it need.)"""
    i18n.install("zh_CN")
    try:
        ctx.lang = "zh_CN"
        page = ReportsPage(ctx, run_async=False)
        qtbot.addWidget(page)
        page.resize(1366, 689)  # the page's room in the main window at 1366x768
        page.show()
        _november(page)
        gauge = page.gauge
        assert gauge.caption == "2026年累计新入会"
        for height in (gauge.height(), gauge.minimumHeight()):
            gauge.resize(gauge.width(), height)
            ring, caption = gauge.layout_rects()
            needed = gauge.fontMetrics().boundingRect(gauge.caption)
            assert caption.height() >= needed.height() and caption.width() >= needed.width()
            assert caption.bottom() <= gauge.height()
            assert caption.top() >= ring.center().y() + gauge.fontMetrics().height()
    finally:
        i18n.install("en")
