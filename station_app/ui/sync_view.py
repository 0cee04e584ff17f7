"""The Sync page: export what the supervisor has not acknowledged, import bundles (drag and drop),
and, on a supervisor's ledger, every station's watermark, gaps and last contact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..data import queries
from ..domain.errors import LedgerError
from ..services import sync_ops
from ..sync.importer import Outcome, find_bundles
from .errors import show_error
from .i18n import fill
from .jobs import Job, JobControl
from .sign_in import can, current_attendant
from .sync_confirm import DryRunDialog
from .sync_models import NAME_WIDTH, ResultsModel, StationsModel
from .sync_same_person import SamePersonDialog
from .sync_setup import SetupBox
from .widgets.seen import WhenSeen


def _min_rows(table: QTableView, rows: int) -> None:
    """The header and ``rows`` rows at least, whatever Qt's own minimum for a table is."""
    table.setMinimumHeight(table.horizontalHeader().sizeHint().height()
                           + rows * table.verticalHeader().defaultSectionSize()
                           + 2 * table.frameWidth())


class _Summary(QLabel):
    """What the last export or import did, in the place of the drop hint: one line less
    above the tables (the hint comes back while there is nothing to say)."""

    def __init__(self, hint: QLabel) -> None:
        super().__init__()
        self.hint = hint
        self.setWordWrap(True)
        self.setVisible(False)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))
        self.hint.setVisible(not text)


class SyncPage(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("syncPage")
        self.setWindowTitle(self.tr("Sync"))
        self.setAcceptDrops(True)
        self.last_export: Any = None
        self.last_results: list[Outcome] = []
        self.last_files: list[Path] = []  # the files of the last import, as its results
        self.dialog: Any = None  # the last dialog opened here (tests and screenshots read it)
        self.same_person: list[list[Any]] = []
        layout = QVBoxLayout(self)

        self.setup = SetupBox(ctx, self)
        layout.addWidget(self.setup)

        box = QGroupBox(self.tr("Send to the supervisor"))
        box.setObjectName("exportBox")
        row = QHBoxLayout(box)
        self.pending = QLabel()
        self.pending.setObjectName("syncPending")
        self.pending.setWordWrap(True)
        row.addWidget(self.pending, 1)
        self.export_button = QPushButton(self.tr("&Export bundle…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(lambda: self.choose_export_folder())
        row.addWidget(self.export_button)
        # When the supervisor lost data (a restored or new ledger): everything again.
        self.full_export_button = QPushButton(self.tr("E&xport everything again…"))
        self.full_export_button.setObjectName("fullExportButton")
        self.full_export_button.clicked.connect(self.confirm_full_export)
        row.addWidget(self.full_export_button)
        layout.addWidget(box)

        box = self.import_box = QGroupBox(self.tr("Receive bundles"))
        box.setObjectName("importBox")
        col = QVBoxLayout(box)
        row = QHBoxLayout()
        hint = QLabel(self.tr("Drop bundle files or a USB folder here, or choose them."))
        hint.setObjectName("dropHint")
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        self.summary = _Summary(hint)
        self.summary.setObjectName("importSummary")
        row.addWidget(self.summary, 1)
        self.import_button = QPushButton(self.tr("&Import bundles…"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.choose_import_files)
        row.addWidget(self.import_button)
        self.dry_run_button = QPushButton(self.tr("Chec&k first (dry run)…"))
        self.dry_run_button.setObjectName("dryRunButton")
        self.dry_run_button.setToolTip(self.tr("Show what importing files would do, without "
                                               "writing anything"))
        self.dry_run_button.clicked.connect(self.choose_dry_run_files)
        row.addWidget(self.dry_run_button)
        # Shown after an import refused a station that is not enrolled here.
        self.accept_unknown_button = QPushButton(self.tr("Enrol station from &bundle…"))
        self.accept_unknown_button.setObjectName("acceptUnknownButton")
        self.accept_unknown_button.clicked.connect(self.choose_unknown_to_accept)
        self.accept_unknown_button.setVisible(False)
        row.addWidget(self.accept_unknown_button)
        col.addLayout(row)
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
        # Smaller than Qt's minimum, so that at 800 x 600 the splitter can leave the stations
        # most of the room: a row of results and three lines of details (file, result,
        # message), the rest by dragging.
        _min_rows(self.results_table, 1)
        col.addWidget(self.results_table, 3)
        # The Message column is cut short and its tooltip needs a mouse: the chosen row's
        # full sentences are here, for keyboard users too (arrows in the table, Tab to read).
        self.details = QPlainTextEdit()
        self.details.setObjectName("importDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.details.setTabChangesFocus(True)
        self.details.setPlaceholderText(self.tr("Choose a file in the table to read "
                                                "everything about it here."))
        self.details.setAccessibleName(self.tr("Details of the chosen file"))
        margins = 2 * (self.details.frameWidth() + round(self.details.document().documentMargin()))
        self.details.setMinimumHeight(3 * self.details.fontMetrics().lineSpacing() + margins)
        col.addWidget(self.details, 1)
        self.results_table.selectionModel().currentRowChanged.connect(self._show_details)
        # The import results and the stations share what the boxes above leave, in a splitter
        # that can be dragged. The results table and its details box are hidden until there
        # are results, so until then the stations have all of it (at 800 x 600 the stations
        # table under a fixed-height results box had shown one or two rows).
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("syncSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(box)

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
        self.stations_box = box
        self.splitter.addWidget(box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        self._show_results(False)

        # Every counter visit changes the ledger: out of sight, the page (its station table,
        # tens of milliseconds on a region's ledger) catches up when it is shown again.
        self._seen = WhenSeen(self, self.refresh)
        ctx.ledger_changed.connect(self._seen.changed)
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
                        "stations' original bundles it has not acknowledged yet (%1) and %Ln "
                        "entries of this ledger's own.", "", info["unacknowledged"])
                .replace("%1", f"{info['relay_bundles']:,}"))
        elif info["supervisor"] is None:
            self.pending.setText(self.tr("No supervisor is trusted yet, so nothing can be "
                                         "exported. This is set up once per station with the "
                                         "supervisor's trust file (Setting up, above; the "
                                         "station admin does it)."))
        else:
            self.pending.setText(self.tr("%Ln entries not yet acknowledged by %1.", "",
                                         info["unacknowledged"])
                                 .replace("%1", str(info["supervisor"])))
        may_export, may_import = can(self.ctx, "export"), can(self.ctx, "import")
        self.export_button.setEnabled(may_export and info["supervisor"] is not None)
        self.full_export_button.setEnabled(may_export and info["supervisor"] is not None)
        self.import_button.setEnabled(may_import)
        self.dry_run_button.setEnabled(may_import)
        staff_tip = self.tr("Only the station admin or a supervisor account may do this.")
        for button, allowed in ((self.export_button, may_export),
                                (self.full_export_button, may_export),
                                (self.import_button, may_import),
                                (self.dry_run_button, may_import),
                                (self.return_button, may_export)):
            if not allowed:
                button.setToolTip(staff_tip)
        if may_export:
            self.full_export_button.setToolTip(self.tr(
                "Write the whole history again, for a supervisor who lost data"))
        self._show_accept_unknown()
        self.setup.refresh()
        self.return_button.setEnabled(supervisor and can(self.ctx, "export"))
        rows = sync_ops.stations(ledger)
        self.stations.set_rows(rows, self.ctx.lang)
        self.stations_table.resizeColumnToContents(1)
        if self.stations_table.columnWidth(1) > NAME_WIDTH:
            self.stations_table.setColumnWidth(1, NAME_WIDTH)
        self.fork_button.setVisible(any(r.forks for r in rows))
        self.fork_button.setEnabled(can(self.ctx, "settings"))
        if not can(self.ctx, "settings"):
            self.fork_button.setToolTip(self.setup.admin_only_tip())
        lines = [text for r in rows
                 for text in r.fork_text(self.ctx.lang) + r.gap_text(self.ctx.lang)]
        sep = "、" if self.ctx.lang == "zh_CN" else ", "
        stale = [r.code for r in rows if "stale" in r.warnings]
        if stale:
            lines.append(self.tr("No bundle for more than 14 days: %1").replace(
                "%1", sep.join(stale)))
        never = [r.code for r in rows if "never" in r.warnings]
        if never:
            lines.append(self.tr("No bundle received yet from: %1").replace(
                "%1", sep.join(never)))
        # A pass over every active member's hash: only while the page is in sight, else the
        # first time it is shown (the window builds every page at start).
        if self.isVisible():
            self.same_person = queries.same_person_twice(ledger)
        else:
            self._seen.pending = True
        if self.same_person:
            lines.append(self.tr("%n people are active members under two numbers (signed up at "
                                 "two stations).", "", len(self.same_person)))
        self.same_person_button.setText(self.tr("Same &person twice… (%1)").replace(
            "%1", str(len(self.same_person))))
        self.same_person_button.setVisible(bool(self.same_person))
        self.warnings.setText("\n".join(lines))

    # ---- export ----
    def confirm_full_export(self) -> QMessageBox:
        """Everything again, after the supervisor lost data: asked first, it can be large."""
        size = sync_ops.full_export_size(self.ctx.ledger)
        if self.ctx.ledger.station_kind == "supervisor":
            text = self.tr("Forward every station bundle this ledger holds (%1) and all %Ln of "
                           "its own entries to the level above again?", "", size["entries"])
        else:
            text = self.tr("Export the whole history of this station again (%Ln entries), not "
                           "only what the supervisor has not acknowledged?", "", size["entries"])
        text = text.replace("%1", f"{size['bundles']:,}")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Export everything again"), text,
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("fullExportConfirm")
        box.setInformativeText(self.tr(
            "Do this only when the supervisor lost data (its ledger was restored or set up "
            "again). The file can be large and take a while to write; the supervisor skips "
            "what it already holds."))
        go = box.addButton(self.tr("E&xport everything"), QMessageBox.ButtonRole.AcceptRole)
        go.setObjectName("fullExportGo")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        def clicked(button: Any) -> None:
            if button is go:
                self.choose_export_folder(full=True)

        box.buttonClicked.connect(clicked)
        self.dialog = box
        box.open()
        return box

    def choose_export_folder(self, full: bool = False) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"))
        if folder:
            self.export_to(Path(folder), full=full)

    def export_to(self, folder: Path, *, full: bool = False) -> Job[Any]:
        actor, who = self.ctx.actor, current_attendant(self.ctx)

        def work(job: JobControl) -> Any:
            job.progress(0, 0, self.tr("Writing the bundle…"))
            return sync_ops.export_bundle(job.ledger(), folder, full=full, actor=actor,
                                          attendant=who)

        job: Job[Any] = Job(self, work, on_success=self._exported,
                            ledger=self.ctx.open_worker_ledger, lang=self.ctx.lang)
        return job.with_progress(self.tr("Exporting…"), cancellable=False).run()

    def _exported(self, written: Any) -> None:
        self.last_export = written
        self.summary.setText(self.tr("Written: %1 (%Ln entries)", "", written.entry_count)
                             .replace("%1", str(written.path)))
        self.ctx.changed()

    # ---- import ----
    def choose_import_files(self, dry_run: bool = False) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Check bundles (nothing is written)") if dry_run
            else self.tr("Import bundles"), "",
            self.tr("Bundles (*.zip *.slbx);;All files (*)"))
        if files:
            self.import_paths([Path(f) for f in files], dry_run=dry_run)

    def choose_dry_run_files(self) -> None:
        self.choose_import_files(dry_run=True)

    def import_paths(self, paths: list[Path], *, dry_run: bool = False,
                     accept_unknown: bool | str = False) -> Job[Any]:
        actor, who = self.ctx.actor, current_attendant(self.ctx)
        label = self.tr("Checking bundles…") if dry_run else self.tr("Importing bundles…")
        saying = {"backup": self.tr("Making a safety backup of the ledger before the import "
                                    "(a large ledger takes a while)…"), "import": label}
        each = (self.tr("Checking %1 (file %2 of %3)…") if dry_run
                else self.tr("Importing %1 (file %2 of %3)…"))

        def starting(job: JobControl, n: int, total: int, name: str) -> None:
            job.progress(n, total, fill(each, name, str(n + 1), str(total)))

        def work(job: JobControl) -> tuple[list[Outcome], list[Path]]:
            files = find_bundles(paths)  # how many were chosen, to say what a cancel left out
            return sync_ops.import_bundles(
                job.ledger(), files, actor=actor, attendant=who, dry_run=dry_run,
                accept_unknown=accept_unknown,
                progress=lambda done, total: job.progress(done, total),
                cancelled=lambda: job.cancelled,
                stage=lambda name: job.progress(0, len(files) if name == "import" else 0,
                                                saying[name]),
                starting=lambda n, total, name: starting(job, n, total, name)), files

        def done(result: tuple[list[Outcome], list[Path]]) -> None:
            if dry_run:
                self._checked(result, paths)
            else:
                self._imported(result)

        job: Job[Any] = Job(self, work, on_success=done,
                            ledger=self.ctx.open_worker_ledger, lang=self.ctx.lang)
        return job.with_progress(label).run()

    def _checked(self, result: tuple[list[Outcome], list[Path]], paths: list[Path]
                 ) -> DryRunDialog:
        outcomes, _files = result
        allowed = can(self.ctx, "import") and any(o.ok for o in outcomes)
        dialog = DryRunDialog(self, outcomes, self.ctx.lang,
                              (lambda: self.import_paths(paths)) if allowed else None)
        self.dialog = dialog
        dialog.open()
        return dialog

    # ---- unknown stations ----
    def unknown_rows(self) -> list[int]:
        """Rows of the last import refused because their station is not enrolled here."""
        return [n for n, o in enumerate(self.last_results)
                if o.error is not None and o.error.code == "sync.unknown_station"
                and n < len(self.last_files)]

    def _show_accept_unknown(self) -> None:
        button = self.accept_unknown_button
        button.setVisible(bool(self.unknown_rows()))
        allowed = can(self.ctx, "settings")
        button.setEnabled(allowed)
        button.setToolTip(self.tr("Enrol the station of the chosen file from the key inside "
                                  "its bundle, after comparing its fingerprint")
                          if allowed else self.setup.admin_only_tip())

    def choose_unknown_to_accept(self) -> Job[Any] | None:
        rows = self.unknown_rows()
        if not rows:
            return None
        current = self.results_table.currentIndex().row()
        path = self.last_files[current if current in rows else rows[0]]

        def work(job: JobControl) -> dict[str, str]:
            job.progress(0, 0, self.tr("Reading the bundle…"))
            return sync_ops.bundle_signer(job.ledger(), path)

        job: Job[Any] = Job(self, work, on_success=lambda signer: self._confirm_unknown(
            signer, path), ledger=self.ctx.open_worker_ledger, lang=self.ctx.lang)
        return job.with_progress(self.tr("Reading the bundle…"), cancellable=False).run()

    def _confirm_unknown(self, signer: dict[str, str], path: Path) -> Any:
        dialog = self.setup.confirm_accept_unknown(signer)
        # The key enrolled must be the one whose fingerprint was confirmed (the file could
        # be swapped on the USB stick meanwhile): the import refuses any other.
        dialog.accepted.connect(lambda: self.import_paths(
            [path], accept_unknown=signer["fingerprint"]))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _show_results(self, shown: bool) -> None:
        """The results table and its details box take room only once there are results; when
        they appear the import box gets what the stations box does not need to show its rows
        (six at most), and at least half the splitter (before, at most half: a run of eleven
        files showed two of them at 1366 x 768 beside a half-empty stations table)."""
        appearing = shown and self.results_table.isHidden()
        self.results_table.setVisible(shown)
        self.details.setVisible(shown)
        if appearing:
            total = sum(self.splitter.sizes())
            table = self.stations_table
            rows = table.horizontalHeader().height() + 2 * table.frameWidth() + min(
                self.stations.rowCount(), 6) * table.verticalHeader().defaultSectionSize()
            stations = (self.stations_box.minimumSizeHint().height()
                        - table.minimumSizeHint().height() + rows)
            wanted = max(self.import_box.minimumSizeHint().height(), total // 2,
                         total - stations)
            self.splitter.setSizes([wanted, max(total - wanted, 0)])

    def _show_details(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        self.details.setPlainText(self.results.details(current.row()) if current.isValid()
                                  else "")

    def _imported(self, result: tuple[list[Outcome], list[Path]]) -> None:
        outcomes, files = result
        chosen = len(files)
        self.last_results = outcomes
        self.last_files = files[:len(outcomes)]
        self.results.set_rows(outcomes, self.ctx.lang)
        self._show_results(bool(outcomes))
        accepted = sum(1 for o in outcomes if o.ok and o.result != "duplicate")
        nothing_new = sum(1 for o in outcomes if o.result == "duplicate")
        skipped = sum(1 for o in outcomes if o.skipped)
        refused = sum(1 for o in outcomes if o.refused)
        new = sum(o.new for o in outcomes)
        # Two counts with a plural each: the new entries go in as a phrase of their own.
        text = (self.tr("%n files: %1 accepted, %2 with nothing new, %3 refused, %4.", "",
                        len(outcomes))
                .replace("%1", str(accepted)).replace("%2", str(nothing_new))
                .replace("%3", str(refused))
                .replace("%4", self.tr("%Ln new entries", "", new)))
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
            text += " " + self.tr("Import cancelled: %n of the files chosen (%1 in all) were "
                                  "not imported; import them again.", "",
                                  chosen - len(outcomes)).replace("%1", str(chosen))
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
