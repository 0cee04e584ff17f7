"""The Reports page: pick a range (and stations on a supervisor's ledger), see the figures as
charts and tables, export xlsx / CSV / PDF, and (with permission) the audited member roster."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain import clock
from ..domain.errors import LedgerError
from ..reports import periods
from ..reports.export import cell_text
from ..reports.model import Report, Table, printed_columns
from ..services import reports as report_service
from .errors import show_error
from .jobs import Job
from .reports_charts import BarChart, Gauge, LineChart
from .sign_in import can, current_attendant
from .widgets.seen import WhenSeen

PERIODS = ("day", "week", "month", "quarter", "year", "custom")
# Tables shown as tabs, in order (the charts show services, daily and the target already).
TABS = ("summary", "stations", "services", "worker_types", "member_walk_in", "nationality",
        "hours", "weekdays", "daily", "new_members", "transfers", "relief", "relief_goods",
        "enrolments")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class Tile(QFrame):
    """One headline figure: a big number and its label."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("Tile { background: white; border: 1px solid #d0d7de;"
                           " border-radius: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.value = QLabel("–")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.label = QLabel("")
        self.label.setStyleSheet("color: #555;")
        layout.addWidget(self.value)
        layout.addWidget(self.label)

    def set(self, value: str, label: str) -> None:
        self.value.setText(value)
        self.label.setText(label)


class ReportsPage(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None, *, run_async: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.run_async = run_async
        self.report: Report | None = None
        self._job: Job[Report] | None = None
        self.setObjectName("reportsPage")
        self.setWindowTitle(self.tr("Reports"))
        self.codes: list[str] = []
        self.supervisor = False

        bar = QHBoxLayout()
        self.period = QComboBox()
        self.period.setObjectName("reportPeriod")
        names = {"day": self.tr("Day"), "week": self.tr("Week"), "month": self.tr("Month"),
                 "quarter": self.tr("Quarter"), "year": self.tr("Year"),
                 "custom": self.tr("Custom range")}
        for key in PERIODS:
            self.period.addItem(names[key], key)
        self.period.setCurrentIndex(PERIODS.index("month"))
        self.anchor = QDateEdit(_qdate(clock.today()))
        self.anchor.setObjectName("reportAnchor")
        self.anchor.setCalendarPopup(True)
        self.anchor.setDisplayFormat("yyyy-MM-dd")
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit, name in ((self.date_from, "reportFrom"), (self.date_to, "reportTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.station = QComboBox()
        self.station.setObjectName("reportStation")
        self.fill_stations()
        self.refresh_button = QPushButton(self.tr("Show"))
        self.refresh_button.setObjectName("reportRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(QLabel(self.tr("Period")))
        bar.addWidget(self.period)
        bar.addWidget(self.anchor)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.date_to)
        bar.addWidget(QLabel(self.tr("Station")))
        bar.addWidget(self.station, 1)
        bar.addWidget(self.refresh_button)

        exports = QHBoxLayout()
        self.heading = QLabel("")
        self.heading.setObjectName("reportHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        exports.addWidget(self.heading, 1)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, label in (("xlsx", self.tr("Export Excel…")), ("csv", self.tr("Export CSV…")),
                           ("pdf", self.tr("Print PDF…"))):
            button = QPushButton(label)
            button.setObjectName(f"reportExport_{fmt}")
            button.clicked.connect(lambda _=False, f=fmt: self.export(f))
            exports.addWidget(button)
            self.export_buttons[fmt] = button
        # Parented at once: shown before its layout is installed, a button without a parent
        # is a window of its own for a moment (it took the keyboard from the main window).
        self.roster_button = QPushButton(self.tr("Member roster…"), self)
        self.roster_button.setObjectName("reportRoster")
        self.roster_button.setToolTip(self.tr(
            "Personal data: ID numbers are masked and the export is recorded in the audit log"))
        self.roster_button.clicked.connect(self.export_roster)
        self.roster_button.setVisible(can(ctx, "export"))
        exports.addWidget(self.roster_button)
        self.target_button = QPushButton(self.tr("Yearly &target…"), self)
        self.target_button.setObjectName("reportTarget")
        self.target_button.setToolTip(self.tr("The new-member target (入会目标) the gauge and "
                                              "the tables measure against"))
        self.target_button.clicked.connect(self.ask_target)
        self.target_button.setVisible(can(ctx, "reports"))
        exports.addWidget(self.target_button)

        tiles = QHBoxLayout()
        self.tiles = {key: Tile() for key in ("visits", "people", "walk_ins", "new_members",
                                               "relief_money", "freshness")}
        for tile in self.tiles.values():
            tiles.addWidget(tile)

        charts = QGridLayout()
        self.service_chart = BarChart(self.tr("Person-times by service"))
        self.service_chart.setObjectName("chartServices")
        self.daily_chart = LineChart(self.tr("Daily person-times"))
        self.daily_chart.setObjectName("chartDaily")
        self.gauge = Gauge(self.tr("New members against the yearly target"))
        self.gauge.setObjectName("chartTarget")
        charts.addWidget(self.service_chart, 0, 0)
        charts.addWidget(self.daily_chart, 0, 1)
        charts.addWidget(self.gauge, 0, 2)
        charts.setColumnStretch(0, 4)
        charts.setColumnStretch(1, 5)
        charts.setColumnStretch(2, 3)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportTables")
        self.tables: dict[str, QTableWidget] = {}

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(exports)
        layout.addLayout(tiles)
        layout.addLayout(charts, 3)
        layout.addWidget(self.tabs, 4)

        self.period.currentIndexChanged.connect(self._period_changed)
        self.anchor.dateChanged.connect(self._period_changed)
        self._period_changed()
        # The figures follow the chosen range and station by themselves (after a short pause
        # while dates are being typed), so what is shown is always what an export writes.
        self.shown: tuple[date, date, list[str] | None] | None = None
        self._generation = 0
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(400)
        self._soon.timeout.connect(self.refresh)
        for signal in (self.date_from.dateChanged, self.date_to.dateChanged,
                       self.station.currentIndexChanged):
            signal.connect(self._range_changed)
        # Counted when the page is first looked at, and again on a change once in sight.
        self._seen = WhenSeen(self, self.refresh, pending=True)
        ctx.ledger_changed.connect(self._seen.changed)

    def fill_stations(self) -> None:
        """The station choices as the ledger has them now (imported bundles bring stations in
        after the page is built), keeping the chosen station while it is still there."""
        ledger = self.ctx.ledger
        codes = report_service.station_choices(ledger)
        supervisor = ledger.station_kind == "supervisor" or len(codes) > 1
        chosen = self.station.currentData()
        items = [(self.tr("All stations"), "")] if supervisor else []
        station_names = report_service.station_names(ledger)
        items += [(f"{code} {station_names.get(code, '')}".strip(), code) for code in codes]
        if not supervisor:
            own = ledger.setting("station.code")
            if own and own not in codes:
                items.append((own, own))
        self.codes, self.supervisor = codes, supervisor
        if items != [(self.station.itemText(i), self.station.itemData(i))
                     for i in range(self.station.count())]:
            # Quietly: the caller counts for the station chosen once the list is filled.
            blocked = self.station.blockSignals(True)
            self.station.clear()
            for text, code in items:
                self.station.addItem(text, code)
            self.station.setCurrentIndex(max(self.station.findData(chosen), 0))
            self.station.blockSignals(blocked)
        self.station.setEnabled(supervisor)

    # ---- range ----
    def _period_changed(self) -> None:
        key = self.period.currentData()
        custom = key == "custom"
        self.anchor.setEnabled(not custom)
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if not custom:
            span = periods.period_range(key, _pydate(self.anchor.date()))
            self.date_from.setDate(_qdate(span.start))
            self.date_to.setDate(_qdate(span.end))

    def span(self) -> tuple[date, date]:
        return _pydate(self.date_from.date()), _pydate(self.date_to.date())

    def stations(self) -> list[str] | None:
        code = self.station.currentData()
        return [code] if code else None

    def _range_changed(self) -> None:
        if self._seen.pending:
            return  # counted when the page is looked at
        if self.run_async:
            self._soon.start()
        else:
            self.refresh()

    # ---- figures ----
    def refresh(self) -> None:
        self._seen.pending = False
        self._soon.stop()
        self.fill_stations()
        start, end = self.span()
        stations, lang = self.stations(), self.ctx.lang
        if end < start:  # being typed: say so here, count once the range makes sense
            self.heading.setText(self.tr("The end date is before the start date."))
            return
        self._generation += 1
        generation = self._generation

        def work(job: Any) -> Report:
            return report_service.report(job.ledger(), start, end, stations, lang=lang)

        def shown(report: Report) -> None:
            if generation != self._generation:
                return  # an older count finishing late: the newer one is on its way
            self.shown = (start, end, stations)
            self.show_report(report)

        if not self.run_async:
            shown(report_service.report(self.ctx.ledger, start, end, stations, lang=lang))
            return
        self.refresh_button.setEnabled(False)
        self._job = Job(self, work, on_success=shown,
                        on_failure=lambda exc: self._failed(),
                        ledger=self.ctx.open_worker_ledger, lang=lang)
        self._job.with_progress(self.tr("Counting…"), min_duration_ms=800).run()

    def _failed(self) -> None:
        self.refresh_button.setEnabled(True)

    def show_report(self, report: Report) -> None:
        self.report = report
        self.refresh_button.setEnabled(True)
        meta = report.meta
        self.heading.setText(str(meta["title"]))
        summary = {r["code"]: r["value"] for r in report.table("summary").rows}
        self.tiles["visits"].set(f"{summary['visits']:,}", self.tr("Person-times (人次)"))
        self.tiles["people"].set(f"{summary['people']:,}", self.tr("People (人)"))
        self.tiles["walk_ins"].set(f"{summary['walk_ins']:,}", self.tr("Walk-in visits"))
        self.tiles["new_members"].set(f"{summary['new_members']:,}", self.tr("New members"))
        money = int(meta.get("relief_money_fen", 0))
        self.tiles["relief_money"].set(f"¥{money / 100:,.2f}", self.tr("Relief money"))
        days = [r["data_until"] for r in report.table("stations").rows if r["data_until"]]
        self.tiles["freshness"].set(min(days) if days else "–", self.tr("Data up to"))
        services = [r for r in report.table("services").rows if r["visits"]]
        services.sort(key=lambda r: -int(r["visits"]))
        self.service_chart.set_items([(str(r["name"]), int(r["visits"])) for r in services[:10]])
        self.daily_chart.set_points([(str(r["day"])[5:], int(r["visits"]))
                                     for r in report.table("daily").rows])
        self.gauge.set_value(int(meta.get("members_to_date") or 0), meta.get("member_target"),
                             self.tr("New members in %1 to date").replace(
                                 "%1", str(meta.get("target_year"))),
                             self.tr("No target set"))
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.tables.clear()
        for key in TABS:
            table = report.table(key)
            widget = self._table_widget(table, report.lang)
            self.tables[key] = widget
            self.tabs.addTab(widget, table.title(report.lang))
        self.tabs.setCurrentIndex(max(current, 0))

    def _table_widget(self, table: Table, lang: str) -> QTableWidget:
        rows = list(table.rows) + ([table.total] if table.total else [])
        widget = QTableWidget(len(rows), len(table.columns))
        widget.setObjectName(f"reportTable_{table.key}")
        widget.setHorizontalHeaderLabels([c.title(lang) for c in table.columns])
        widget.verticalHeader().setVisible(False)
        widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        widget.setAlternatingRowColors(True)
        for r, row in enumerate(rows):
            for c, col in enumerate(table.columns):
                value = row.get(col.key)
                text = cell_text(col, value)
                if col.kind == "int" and isinstance(value, int) and col.key not in (
                        "hour", "weekday"):
                    text = f"{value:,}"
                elif col.kind == "money" and isinstance(value, int):
                    text = f"¥{value / 100:,.2f}"  # as on the tiles
                item = QTableWidgetItem(text)
                if col.kind in ("int", "money", "pct"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if table.total is not None and r == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                widget.setItem(r, c, item)
        shown = printed_columns(table)
        for c, col in enumerate(table.columns):
            widget.setColumnHidden(c, col not in shown)  # machine codes: spreadsheet only
        header = widget.horizontalHeader()
        widget.resizeColumnsToContents()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for c in range(len(table.columns)):
            header.resizeSection(c, header.sectionSize(c) + 18)
        if table.note(lang):
            widget.setToolTip(table.note(lang))
        return widget

    # ---- exports ----
    def target_year(self) -> int:
        return self.shown[1].year if self.shown else self.span()[1].year

    def ask_target(self) -> None:
        year = self.target_year()
        current = report_service.member_target(self.ctx.ledger, year) or 0
        value, ok = QInputDialog.getInt(
            self, self.tr("Yearly target"),
            self.tr("New members to sign up in %1 (0: no target):").replace("%1", str(year)),
            current, 0, 10_000_000, 100)
        if ok:
            self.set_target(year, value)

    def set_target(self, year: int, members: int) -> bool:
        try:
            report_service.set_member_target(self.ctx.ledger, year, members, by=self.ctx.actor,
                                             attendant=current_attendant(self.ctx))
        except LedgerError as exc:
            show_error(self, exc, self.ctx.lang)
            return False
        self.refresh()
        return True

    def _ask_path(self, title: str, name: str, pattern: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), pattern)
        return Path(chosen) if chosen else None

    def export(self, fmt: str, path: Path | None = None) -> None:
        # What is on screen, not a range chosen since and not yet counted.
        start, end, stations = self.shown or (*self.span(), self.stations())
        lang = self.ctx.lang
        if path is None:
            patterns = {"xlsx": self.tr("Excel workbook (*.xlsx)"),
                        "csv": self.tr("CSV, UTF-8 (*.csv)"), "pdf": self.tr("PDF (*.pdf)")}
            path = self._ask_path(self.tr("Export report"),
                                  f"report-{start}-{end}.{fmt}", patterns[fmt])
            if path is None:
                return

        counting = self.tr("Counting…")
        writing = self.tr("Writing %1…").replace("%1", path.name)
        actor, who = self.ctx.actor, current_attendant(self.ctx)

        def work(job: Any) -> Path:
            def built() -> None:
                job.check_cancelled()
                job.progress(1, 2, writing)

            job.progress(0, 2, counting)
            # The service checks the ``reports`` permission itself (the page only hides).
            report_service.export_report(job.ledger(), start, end, fmt, path, stations,
                                         lang=lang, attendant=who, actor=actor,
                                         on_built=built)
            job.progress(2, 2)
            return path

        job = Job(self, work, on_success=self._exported, ledger=self.ctx.open_worker_ledger,
                  lang=lang)
        job.with_progress(self.tr("Exporting report…")).run()
        self._job = job  # type: ignore[assignment]

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self.heading.setToolTip(self.tr("Saved to %1").replace("%1", str(path)))
        if self.run_async:
            QMessageBox.information(self, self.tr("Export report"),
                                    self.tr("Saved to %1").replace("%1", str(path)))

    def export_roster(self, path: Path | None = None) -> None:
        if path is None:
            path = self._ask_path(self.tr("Member roster"), "roster.xlsx",
                                  self.tr("Excel workbook (*.xlsx)"))
            if path is None:
                return
        actor, lang, who = self.ctx.actor, self.ctx.lang, current_attendant(self.ctx)
        stations = self.stations()

        def work(job: Any) -> int:
            return report_service.export_roster(job.ledger(), path, actor, stations=stations,
                                                lang=lang, attendant=who)

        Job(self, work, on_success=lambda n: self._exported(path),
            ledger=self.ctx.open_worker_ledger, lang=lang).with_progress(
            self.tr("Exporting member roster…")).run()


def build_reports_page(ctx: Any) -> QWidget:
    return ReportsPage(ctx)
