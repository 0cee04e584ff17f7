"""The app's plumbing: language switch, fonts, background jobs, errors, the entry point."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication, QPushButton

from station_app import app as app_module
from station_app.domain.errors import InvalidInput
from station_app.ui import errors, i18n, jobs
from station_app.ui.pages import PAGES


def test_counter_is_the_first_page(window: Any) -> None:
    assert PAGES[0].name == "counter"
    assert window.tabs.widget(0) is window.pages["counter"]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_window_fits_a_laptop_screen(qtbot: Any, window: Any, lang: str) -> None:
    """A 1366 x 768 laptop leaves about 1366 x 697 for a window under the Windows taskbar and
    title bar: the window may be made that small, and the long Security page scrolls inside
    its tab (it had made the whole window 747 pixels tall)."""
    window.switch_language(lang)
    needed = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert needed.width() <= 1366 and needed.height() <= 697
    window.resize(1024, 652)
    page = window.show_page("security")
    assert page is window.pages["security"]
    qtbot.waitUntil(lambda: page.isVisible())
    area = window.tabs.currentWidget()
    assert area.widget() is page
    assert area.verticalScrollBar().maximum() > 0  # the rest is a scroll away, not cut off
    assert page.width() <= area.viewport().width()  # nothing cut off at the side
    window.resize(1280, 800)  # the usual size: the whole page in sight, no scroll bar
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() == 0)
    assert page.height() == area.viewport().height()


def test_language_switch_between_chinese_and_english(qtbot: Any, window: Any) -> None:
    window.switch_language("zh_CN")
    counter = window.pages["counter"]
    assert counter.findChild(QPushButton, "signUpButton").text().startswith("入会")
    assert counter.findChild(QPushButton, "service_WATER").text().endswith("饮水")
    assert window.tabs.tabText(0) == "前台"
    window.switch_language("en")
    counter = window.pages["counter"]
    assert counter.findChild(QPushButton, "signUpButton").text().startswith("Sign up")
    assert counter.findChild(QPushButton, "service_WATER").text().endswith("Drinking water")


def test_the_person_at_the_counter_stays_through_a_language_switch(qtbot: Any,
                                                                   window: Any) -> None:
    """The pages are rebuilt in the other language; the member being served, the services
    picked for them and their "served" mark were dropped with the old page."""
    from station_app.data import queries

    counter = window.pages["counter"]
    number = queries.search_members(counter.ctx.ledger, "张三")[0].member_no
    counter.choose_member(number)
    counter.pad.toggle_index(0)
    window.switch_language("zh_CN")
    counter = window.pages["counter"]
    assert counter.member_panel.member_no == number and counter.pad.selected() == ["water"]
    counter.record_visit()
    assert counter.member_panel.served
    window.switch_language("en")
    counter = window.pages["counter"]
    assert counter.member_panel.member_no == number and counter.member_panel.served
    assert counter.armed is None  # served: Enter must not record another visit for them
    counter.reset()  # Esc: nobody is held through the next switch
    window.switch_language("zh_CN")
    assert window.pages["counter"].member_panel.member_no is None


def test_switching_language_twice_leaves_no_callback_on_a_deleted_page(
        qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The old pages' deferred focus calls and progress dialogs must not run after the pages
    were rebuilt (they raised "Internal C++ object already deleted" into the crash dialog)."""
    import sys

    raised: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: raised.append(exc))
    window.switch_language("zh_CN")
    window.switch_language("en")
    for _ in range(20):
        qtbot.wait(20)
    assert raised == []


def test_every_chinese_string_of_the_counter_is_translated() -> None:
    import xml.etree.ElementTree as ET

    from station_app.resources import resource_path

    tree = ET.parse(resource_path("i18n", "counter_zh_CN.ts"))
    messages = tree.findall(".//message")
    assert len(messages) > 150
    missing = [m.findtext("source") for m in messages
               if m.find("translation") is None or m.find("translation").get("type")
               in ("unfinished", "vanished", "obsolete") or not m.findtext("translation")]
    assert missing == []
    assert resource_path("i18n", "counter_zh_CN.qm").exists()


def test_shipped_font_is_registered(qapp: QApplication) -> None:
    families = i18n.register_fonts(qapp)
    assert "Station Sans SC" in families
    assert qapp.font().families()[0] == "Station Sans SC"


def test_many_painter_calls_survive(qapp: QApplication) -> None:
    """PySide6 6.12 on Python 3.11 aborts after ~10,000 such calls (pinned below 6.12)."""
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    font = QFont("Station Sans SC", 9)
    for n in range(5_000):
        painter.setPen(QPen(QColor(n % 255, 0, 0)))
        painter.fillRect(QRect(0, 0, 8, 8), QColor(0, n % 255, 0))
        painter.setFont(font)
        image.fill(Qt.GlobalColor.white) if n % 500 == 0 else None
    painter.drawText(QPoint(2, 20), "驿站")
    painter.end()
    for _ in range(5_000):
        image.fill(QColor(1, 2, 3))
    assert image.pixelColor(0, 0) == QColor(1, 2, 3)


def test_job_runs_off_the_ui_thread_with_its_own_connection(qtbot: Any, ctx: Any) -> None:
    results: list[Any] = []
    seen_threads: list[bool] = []

    def work(job: jobs.JobControl) -> int:
        import threading

        seen_threads.append(threading.current_thread() is threading.main_thread())
        ledger = job.ledger()
        assert ledger is not ctx.ledger
        job.progress(1, 2, "half")
        return int(ledger.conn.execute("SELECT COUNT(*) FROM members").fetchone()[0])

    job = jobs.Job(None, work, on_success=results.append, ledger=ctx.open_worker_ledger)
    job.with_progress("Counting").run()
    qtbot.waitUntil(lambda: job.done)
    assert results == [2]
    assert seen_threads == [False]

    def write(job: jobs.JobControl) -> str:
        from station_app.services import visits

        return visits.record_visit(job.ledger(), ["water"], by="tester",
                                   walk_in=visits.WalkIn("courier")).id

    writer = jobs.Job(None, write, on_success=results.append, ledger=ctx.open_worker_ledger,
                      writes=True).run()
    assert jobs.wait_for_all()
    assert writer.done
    assert ctx.ledger.conn.execute("SELECT COUNT(*) FROM visits").fetchone() == (1,)


def test_job_failure_and_cancel(qtbot: Any, ctx: Any) -> None:
    failures: list[BaseException] = []
    cancelled: list[bool] = []

    def fail(_job: jobs.JobControl) -> None:
        raise InvalidInput("name", "required")

    job = jobs.Job(None, fail, on_failure=lambda e: failures.append(e) or True)
    job.run()
    qtbot.waitUntil(lambda: job.done)
    assert isinstance(failures[0], InvalidInput)

    def long(control: jobs.JobControl) -> None:
        import time

        for _ in range(500):
            control.check_cancelled()
            time.sleep(0.01)

    job2 = jobs.Job(None, long).on_cancel(lambda: cancelled.append(True))
    job2.run()
    job2.cancel()
    qtbot.waitUntil(lambda: job2.done)
    assert cancelled == [True]


def test_crash_dialog_has_copyable_details_and_the_log_path(qtbot: Any) -> None:
    try:
        raise RuntimeError("boom 150781199005170018")
    except RuntimeError as exc:
        dialog = errors.CrashDialog(exc)
    qtbot.addWidget(dialog)
    text = dialog.details.toPlainText()
    assert "RuntimeError" in text
    assert "199005170018" not in text  # ID numbers are masked even in crash details
    dialog.copy_details()
    assert QApplication.clipboard().text() == text
    from PySide6.QtWidgets import QLabel

    assert str(errors.log_path()) in dialog.findChild(QLabel, "crashLogPath").text()


def test_entry_point_refuses_a_missing_ledger_plainly(monkeypatch: Any, tmp_path: Any) -> None:
    shown: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    code = app_module.main(["--db", str(tmp_path / "nothing.db"), "--lang", "en"])
    assert code == 3
    assert "nothing.db" in shown[0]


@pytest.mark.slow
def test_first_run_creates_the_demo_station(qapp: QApplication) -> None:
    ctx = app_module.create_context(None, "en", "tester")
    try:
        assert ctx.ledger.station_code == "MZL01"
        assert ctx.ledger.conn.execute("SELECT COUNT(*) FROM members").fetchone()[0] > 100
    finally:
        ctx.close()


def test_other_pages_hear_of_counter_writes_once_it_is_quiet(qtbot: Any, counter: Any,
                                                             ctx: Any) -> None:
    heard: list[bool] = []
    ctx.ledger_changed.connect(lambda: heard.append(True))
    counter.choose_member(counter.ctx.ledger.conn.execute(
        "SELECT member_no FROM members LIMIT 1").fetchone()[0])
    counter.pad.toggle_index(0)
    assert counter.record_visit()
    assert counter.today_model.rowCount() == 3  # the counter's own table at once
    assert heard == []  # the other pages a moment later, in one go
    with qtbot.waitSignal(ctx.ledger_changed, timeout=5000):
        pass


def test_values_go_into_a_message_in_one_pass() -> None:
    """A file name holding "%2" is not taken for the next placeholder (a chain of replace
    would put the date into it)."""
    assert i18n.fill("restored from %1 on %2", "b%20c.zip", "2026-11-29") == (
        "restored from b%20c.zip on 2026-11-29")
    assert i18n.fill("%1 and %3", "a") == "a and %3"


def test_a_change_runs_no_work_of_the_pages_out_of_sight(qtbot: Any, window: Any) -> None:
    """Every counter visit changes the ledger. The pages out of sight (cards, reports, sync,
    audit) catch up when they are shown: the Cards page's count alone, redone after each
    visit, had added 0.12 s to every visit at 200,000 members."""
    ctx = window.ctx
    assert jobs.wait_for_all()

    def statements_of_a_change() -> str:
        seen: list[str] = []
        ctx.ledger.conn.set_trace_callback(seen.append)
        try:
            ctx.changed()
            QApplication.processEvents()
        finally:
            ctx.ledger.conn.set_trace_callback(None)
        assert jobs.running_jobs() == 0  # nor any started in the background (the reports)
        return "\n".join(seen)

    assert window.tabs.currentWidget() is window.pages["counter"]
    done = statements_of_a_change()
    assert "LEFT JOIN cards" not in done  # the Cards page's count of unprinted cards
    assert "FROM stations" not in done  # the Sync page's table of stations
    assert "DISTINCT actor FROM audit_log" not in done  # the Audit page's list of people
    window.show_page("cards")
    qtbot.waitUntil(lambda: window.pages["cards"].isVisible())
    assert "LEFT JOIN cards" in statements_of_a_change()  # in sight: at once
