"""The Sync page: export what the supervisor has not acknowledged, import bundles (drag and drop),
and, on a supervisor's ledger, every station's watermark, gaps and last contact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..data import queries
from ..domain import clock
from ..domain.errors import LedgerError
from ..services import sync_ops
from ..sync.importer import Outcome, find_bundles
from ..sync.status import StationStatus, gap_sentence
from .errors import render as render_error
from .errors import show_error
from .jobs import Job, JobControl
from .sign_in import can, current_attendant
from .sync_same_person import SamePersonDialog

Index = QModelIndex | QPersistentModelIndex
WARN = QColor("#fff3cd")
BAD = QColor("#f8d7da")
MUTED = QColor("#6c757d")  # a file skipped as meant for another ledger: nothing to do
NAME_WIDTH = 220  # pixels: about 14 Chinese characters of a station's name


class _RowsModel(QAbstractTableModel):
    """A small read-only table: a list of rows and translated column titles.

    Titles are marked with QT_TRANSLATE_NOOP under the subclass's name, which is also the
    context ``self.tr`` uses at run time.
    """

    COLUMNS: tuple[Any, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.lang = "zh_CN"

    def set_rows(self, rows: list[Any], lang: str) -> None:
        self.beginResetModel()
        self.rows = rows
        self.lang = lang
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(str(self.COLUMNS[section]))
        return None


class StationsModel(_RowsModel):
    """One row per station this ledger knows (a supervisor has tens to a few hundred)."""

    rows: list[StationStatus]

    COLUMNS = (
        QT_TRANSLATE_NOOP("StationsModel", "Code"),
        QT_TRANSLATE_NOOP("StationsModel", "Name"),
        QT_TRANSLATE_NOOP("StationsModel", "Role"),
        QT_TRANSLATE_NOOP("StationsModel", "Entries"),
        QT_TRANSLATE_NOOP("StationsModel", "Contiguous to"),
        QT_TRANSLATE_NOOP("StationsModel", "Missing"),
        QT_TRANSLATE_NOOP("StationsModel", "Last bundle"),
        QT_TRANSLATE_NOOP("StationsModel", "Days since contact"),
    )

    def _role(self, role: str) -> str:
        return {"self": self.tr("this ledger"), "supervisor": self.tr("supervisor"),
                "enrolled": self.tr("enrolled"), "known": self.tr("known")}.get(role, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.code
            if col == 1:
                return row.name
            if col == 2:
                text = self._role(row.role)
                return text + (" " + self.tr("(revoked)") if row.revoked else "")
            if col == 3:
                return f"{row.entries:,}"
            if col == 4:
                return ", ".join(f"e{e}: {s}" for e, s in sorted(row.watermarks.items())) or "—"
            if col == 5:
                return "; ".join(row.gap_text(self.lang)) or "—"
            if col == 6:
                if not row.last_bundle_at:
                    return "—"
                return clock.parse_iso(row.last_bundle_at).astimezone().strftime(
                    "%Y-%m-%d %H:%M")
            if col == 7:
                return "—" if row.days_since_contact is None else str(row.days_since_contact)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.revoked or row.gaps or row.forks:
                return BAD
            if "stale" in row.warnings or "never" in row.warnings:
                return WARN
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return row.name  # the column is capped: a long name is cut short on screen
        if role == Qt.ItemDataRole.ToolTipRole and (row.gaps or row.forks):
            return "\n".join(row.fork_text(self.lang) + row.gap_text(self.lang))
        if role == Qt.ItemDataRole.UserRole + 1:
            return row.code
        return None


class ResultsModel(_RowsModel):
    """What the last import did, one row per file."""

    rows: list[Outcome]

    COLUMNS = (
        QT_TRANSLATE_NOOP("ResultsModel", "File"),
        QT_TRANSLATE_NOOP("ResultsModel", "Result"),
        QT_TRANSLATE_NOOP("ResultsModel", "New"),
        QT_TRANSLATE_NOOP("ResultsModel", "Duplicate"),
        QT_TRANSLATE_NOOP("ResultsModel", "Message"),
    )

    def _result(self, result: str) -> str:
        return {"accepted": self.tr("accepted"), "duplicate": self.tr("nothing new"),
                "refused": self.tr("refused"), "dry_run": self.tr("dry run"),
                "skipped": self.tr("skipped")}.get(result, result)

    def _notes(self, row: Outcome) -> list[str]:
        notes = []
        for inner, why, _kept in row.inner_refused:
            notes.append(self.tr("forwarded bundle %1 set aside: %2")
                         .replace("%1", inner.rsplit("/", 1)[-1][:12])
                         .replace("%2", render_error(why, self.lang)))
        for station, gaps in row.missing.items():
            for epoch, spans in gaps.items():
                for lo, hi in spans:
                    notes.append(gap_sentence(station, epoch, lo, hi, self.lang))
        return notes

    def details(self, number: int) -> str:
        """Everything about one row in full sentences, for the box under the table: the
        Message column is cut short and its tooltip needs a mouse."""
        if not 0 <= number < len(self.rows):
            return ""
        row = self.rows[number]
        lines = [self.tr("File: %1").replace("%1", row.file),
                 self.tr("Result: %1").replace("%1", self._result(row.result))]
        if row.error is not None:
            lines.append(render_error(row.error, self.lang))
            if row.quarantined:
                lines.append(self.tr("A copy is in the quarantine folder: %1")
                             .replace("%1", row.quarantined))
        else:
            lines.append(self.tr("New entries: %1, already held: %2, conflicting: %3.")
                         .replace("%1", f"{row.new:,}").replace("%2", f"{row.duplicate:,}")
                         .replace("%3", f"{row.conflicting:,}"))
        for inner, why, kept in row.inner_refused:
            lines.append(self.tr("Forwarded bundle %1 was set aside: %2")
                         .replace("%1", inner.rsplit("/", 1)[-1])
                         .replace("%2", render_error(why, self.lang)))
            if kept:
                lines.append(self.tr("A copy is in the quarantine folder: %1")
                             .replace("%1", kept))
        for station, gaps in row.missing.items():
            for epoch, spans in gaps.items():
                for lo, hi in spans:
                    lines.append(gap_sentence(station, epoch, lo, hi, self.lang))
        return "\n".join(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.file
            if col == 1:
                return self._result(row.result)
            if col == 2:
                return str(row.new)
            if col == 3:
                return str(row.duplicate)
            if col == 4:
                if row.error is not None:
                    return render_error(row.error, self.lang)
                return "; ".join(self._notes(row))
        if role == Qt.ItemDataRole.ToolTipRole and col == 4:
            return self.data(index, Qt.ItemDataRole.DisplayRole) or None
        if role == Qt.ItemDataRole.ForegroundRole and row.skipped:
            return MUTED
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.skipped:
                return None  # neutral: the file is simply someone else's
            if row.error is not None:
                return BAD
            if row.missing or row.inner_refused:
                return WARN
        return None


class SyncPage(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("syncPage")
        self.setWindowTitle(self.tr("Sync"))
        self.setAcceptDrops(True)
        self.last_export: Any = None
        self.last_results: list[Outcome] = []
        layout = QVBoxLayout(self)

        box = QGroupBox(self.tr("Send to the supervisor"))
        box.setObjectName("exportBox")
        row = QHBoxLayout(box)
        self.pending = QLabel()
        self.pending.setObjectName("syncPending")
        self.pending.setWordWrap(True)
        row.addWidget(self.pending, 1)
        self.export_button = QPushButton(self.tr("&Export bundle…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.choose_export_folder)
        row.addWidget(self.export_button)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Receive bundles"))
        box.setObjectName("importBox")
        col = QVBoxLayout(box)
        row = QHBoxLayout()
        hint = QLabel(self.tr("Drop bundle files or a USB folder here, or choose them."))
        hint.setObjectName("dropHint")
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        self.import_button = QPushButton(self.tr("&Import bundles…"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.choose_import_files)
        row.addWidget(self.import_button)
        col.addLayout(row)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        col.addWidget(self.summary)
        self.results = ResultsModel(self)
        self.results_table = QTableView()
        self.results_table.setObjectName("importResults")
        self.results_table.setModel(self.results)
        self.results_table.verticalHeader().setVisible(False)
        self.results_table.setTabKeyNavigation(False)  # Tab moves on, arrows move in the table
        self.results_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.results_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.results_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.results_table.setMaximumHeight(160)
        col.addWidget(self.results_table)
        # The Message column is cut short and its tooltip needs a mouse: the chosen row's
        # full sentences are here, for keyboard users too (arrows in the table, Tab to read).
        self.details = QPlainTextEdit()
        self.details.setObjectName("importDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.details.setTabChangesFocus(True)
        self.details.setMaximumHeight(96)
        self.details.setPlaceholderText(self.tr("Choose a file in the table to read "
                                                "everything about it here."))
        self.details.setAccessibleName(self.tr("Details of the chosen file"))
        col.addWidget(self.details)
        self.results_table.selectionModel().currentRowChanged.connect(self._show_details)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Stations"))
        box.setObjectName("stationsBox")
        col = QVBoxLayout(box)
        self.stations = StationsModel(self)
        self.stations_table = QTableView()
        self.stations_table.setObjectName("stationsTable")
        self.stations_table.setModel(self.stations)
        self.stations_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.stations_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.stations_table.verticalHeader().setVisible(False)
        self.stations_table.setTabKeyNavigation(False)
        header = self.stations_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Names run to 40 characters; a column that wide pushed "Missing" and "Days since
        # contact" out of sight. It is capped in refresh() (the full name is its tooltip).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        col.addWidget(self.stations_table)
        row = QHBoxLayout()
        self.warnings = QLabel()
        self.warnings.setObjectName("stationWarnings")
        self.warnings.setWordWrap(True)
        row.addWidget(self.warnings, 1)
        self.fork_button = QPushButton(self.tr("Resolve &fork…"))
        self.fork_button.setObjectName("forkButton")
        self.fork_button.setToolTip(self.tr(
            "Take the chosen station's bundles again once you know which copy of its ledger "
            "is in use"))
        self.fork_button.clicked.connect(self.choose_fork_to_resolve)
        row.addWidget(self.fork_button)
        self.same_person_button = QPushButton()
        self.same_person_button.setObjectName("samePersonButton")
        self.same_person_button.clicked.connect(self.show_same_person)
        row.addWidget(self.same_person_button)
        self.return_button = QPushButton(self.tr("Write &return bundle…"))
        self.return_button.setObjectName("returnButton")
        self.return_button.clicked.connect(self.choose_return_folder)
        row.addWidget(self.return_button)
        col.addLayout(row)
        layout.addWidget(box, 1)

        ctx.ledger_changed.connect(self.refresh)
        self.refresh()

    # ---- state ----
    def refresh(self) -> None:
        ledger = self.ctx.ledger
        supervisor = ledger.station_kind == "supervisor"
        info = sync_ops.pending_export(ledger)
        if supervisor and info["supervisor"] is None:
            self.pending.setText(self.tr("This is a supervisor's ledger that trusts no level "
                                         "above (such as the region): there is nobody to "
                                         "forward bundles to."))
        elif supervisor:
            self.pending.setText(
                self.tr("This is a supervisor's ledger: Export forwards to the level above the "
                        "stations' original bundles it has not acknowledged yet (%1 bundles) "
                        "and %2 entries of this ledger's own.")
                .replace("%1", f"{info['relay_bundles']:,}")
                .replace("%2", f"{info['unacknowledged']:,}"))
        elif info["supervisor"] is None:
            self.pending.setText(self.tr("No supervisor is trusted yet, so nothing can be "
                                         "exported. This is set up once per station with the "
                                         "supervisor's trust file: ask whoever looks after "
                                         "this PC."))
        else:
            self.pending.setText(self.tr("%1 entries not yet acknowledged by %2.")
                                 .replace("%1", f"{info['unacknowledged']:,}")
                                 .replace("%2", str(info["supervisor"])))
        self.export_button.setEnabled(can(self.ctx, "export")
                                      and info["supervisor"] is not None)
        self.import_button.setEnabled(can(self.ctx, "import"))
        self.return_button.setEnabled(supervisor and can(self.ctx, "export"))
        rows = sync_ops.stations(ledger)
        self.stations.set_rows(rows, self.ctx.lang)
        self.stations_table.resizeColumnToContents(1)
        if self.stations_table.columnWidth(1) > NAME_WIDTH:
            self.stations_table.setColumnWidth(1, NAME_WIDTH)
        self.fork_button.setVisible(any(r.forks for r in rows))
        self.fork_button.setEnabled(can(self.ctx, "settings"))
        lines = [text for r in rows
                 for text in r.fork_text(self.ctx.lang) + r.gap_text(self.ctx.lang)]
        stale = [r.code for r in rows if "stale" in r.warnings]
        if stale:
            lines.append(self.tr("No bundle for more than 14 days: %1").replace(
                "%1", ", ".join(stale)))
        self.same_person = queries.same_person_twice(ledger)
        if self.same_person:
            lines.append(self.tr("%1 people are active members under two numbers (signed up at "
                                 "two stations).").replace("%1", str(len(self.same_person))))
        self.same_person_button.setText(self.tr("Same &person twice… (%1)").replace(
            "%1", str(len(self.same_person))))
        self.same_person_button.setVisible(bool(self.same_person))
        self.warnings.setText("\n".join(lines))

    # ---- export ----
    def choose_export_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> Job[Any]:
        actor, who = self.ctx.actor, current_attendant(self.ctx)

        def work(job: JobControl) -> Any:
            job.progress(0, 0, self.tr("Writing the bundle…"))
            return sync_ops.export_bundle(job.ledger(), folder, actor=actor, attendant=who)

        job: Job[Any] = Job(self, work, on_success=self._exported,
                            ledger=self.ctx.open_worker_ledger, lang=self.ctx.lang)
        return job.with_progress(self.tr("Exporting…"), cancellable=False).run()

    def _exported(self, written: Any) -> None:
        self.last_export = written
        self.summary.setText(self.tr("Written: %1 (%2 entries)").replace(
            "%1", str(written.path)).replace("%2", f"{written.entry_count:,}"))
        self.ctx.changed()

    # ---- import ----
    def choose_import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import bundles"), "",
            self.tr("Bundles (*.zip *.slbx);;All files (*)"))
        if files:
            self.import_paths([Path(f) for f in files])

    def import_paths(self, paths: list[Path]) -> Job[Any]:
        actor, who = self.ctx.actor, current_attendant(self.ctx)

        def work(job: JobControl) -> tuple[list[Outcome], int]:
            files = find_bundles(paths)  # how many were chosen, to say what a cancel left out
            return sync_ops.import_bundles(
                job.ledger(), files, actor=actor, attendant=who,
                progress=lambda done, total: job.progress(done, total),
                cancelled=lambda: job.cancelled), len(files)

        job: Job[Any] = Job(self, work, on_success=self._imported,
                            ledger=self.ctx.open_worker_ledger, lang=self.ctx.lang)
        return job.with_progress(self.tr("Importing bundles…")).run()

    def _show_details(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        self.details.setPlainText(self.results.details(current.row()) if current.isValid()
                                  else "")

    def _imported(self, result: tuple[list[Outcome], int]) -> None:
        outcomes, chosen = result
        self.last_results = outcomes
        self.results.set_rows(outcomes, self.ctx.lang)
        accepted = sum(1 for o in outcomes if o.ok and o.result != "duplicate")
        nothing_new = sum(1 for o in outcomes if o.result == "duplicate")
        skipped = sum(1 for o in outcomes if o.skipped)
        refused = sum(1 for o in outcomes if o.refused)
        new = sum(o.new for o in outcomes)
        text = (self.tr("%1 files: %2 accepted, %3 with nothing new, %4 refused, %5 new entries.")
                .replace("%1", str(len(outcomes))).replace("%2", str(accepted))
                .replace("%3", str(nothing_new)).replace("%4", str(refused))
                .replace("%5", f"{new:,}"))
        if skipped:
            text += " " + self.tr("Skipped as meant for another ledger: %1.").replace(
                "%1", str(skipped))
        # The row that needs reading first is chosen, its sentences shown in full below.
        first = next((n for n, o in enumerate(outcomes) if o.refused), 0 if outcomes else -1)
        self.results_table.clearSelection()
        if first >= 0:
            self.results_table.setCurrentIndex(self.results.index(first, 0))
        self._show_details(self.results_table.currentIndex())
        if chosen > len(outcomes):
            text += " " + self.tr("Import cancelled: %1 of the %2 files chosen were not "
                                  "imported; import them again.").replace(
                "%1", str(chosen - len(outcomes))).replace("%2", str(chosen))
        self.summary.setText(text)
        self.ctx.changed()
        self.refresh()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and can(self.ctx, "import"):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # ---- supervisor ----
    def selected_station(self) -> str | None:
        index = self.stations_table.currentIndex()
        if not index.isValid():
            return None
        code = self.stations.data(index, Qt.ItemDataRole.UserRole + 1)
        return str(code) if code else None

    def choose_return_folder(self) -> None:
        code = self.selected_station()
        if code is None:
            self.summary.setText(self.tr("Choose a station in the table first."))
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Write return bundle to"))
        if folder:
            self.write_return(code, Path(folder))

    def show_same_person(self) -> SamePersonDialog:
        dialog = SamePersonDialog(self.ctx, self.same_person, self)
        dialog.open()
        return dialog

    def choose_fork_to_resolve(self) -> None:
        code = self.selected_station()
        forks = [f for r in self.stations.rows if r.code == code for f in r.forks]
        if not forks:
            self.summary.setText(self.tr("Choose a station marked forked in the table first."))
            return
        fork = forks[0]
        note, ok = QInputDialog.getText(
            self, self.tr("Resolve fork"),
            self.tr("Station %1, epoch %2: seq %3 arrived twice with different content, so "
                    "two copies of its ledger are in use. Only go on once the station works "
                    "with one copy and the other is retired. What did you find out?")
            .replace("%1", code or "").replace("%2", str(fork["epoch"]))
            .replace("%3", str(fork["seq"])))
        if ok:
            self.resolve_fork(fork["station"], fork["epoch"], note)

    def resolve_fork(self, code: str, epoch: int, note: str) -> bool:
        try:
            sync_ops.resolve_fork(self.ctx.ledger, code, epoch, note=note, actor=self.ctx.actor,
                                  attendant=current_attendant(self.ctx))
        except LedgerError as exc:
            show_error(self, exc, self.ctx.lang)
            return False
        self.summary.setText(self.tr("Station %1's epoch %2 is no longer held: import its "
                                     "bundles again.").replace("%1", code)
                             .replace("%2", str(epoch)))
        self.refresh()
        return True

    def write_return(self, code: str, folder: Path) -> Job[Any]:
        actor, who = self.ctx.actor, current_attendant(self.ctx)

        def work(job: JobControl) -> Any:
            return sync_ops.return_bundle(job.ledger(), code, folder, actor=actor, attendant=who)

        job: Job[Any] = Job(self, work, on_success=self._exported,
                            ledger=self.ctx.open_worker_ledger, lang=self.ctx.lang)
        return job.with_progress(self.tr("Exporting…"), cancellable=False).run()


def build_sync_page(ctx: Any) -> QWidget:
    return SyncPage(ctx)


def visible(ctx: Any) -> bool:
    return can(ctx, "export") or can(ctx, "import")
