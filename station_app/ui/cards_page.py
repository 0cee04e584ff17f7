"""The Cards page: members whose card is not printed yet, printed or saved as A4 sheets in a batch.

Batch work runs through ``ui/jobs.py`` with a progress dialog that can be cancelled: the worker
opens its own ledger connection, renders each card and paints it onto the printer (Qt allows
painting on a QPrinter off the UI thread), or writes the sheet PDF. Cards are recorded as printed
in one transaction only after the whole batch went to the printer or the file is on disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain import clock
from ..services import cards
from . import cards_print
from .context import AppContext, ui_settings
from .jobs import Job, JobControl
from .widgets.seen import WhenSeen

SHOWN = 1000  # rows listed on screen; the batch covers all of them


def build_cards_page(ctx: AppContext) -> CardsPage:
    return CardsPage(ctx)


class CardsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("cardsPage")
        self.setWindowTitle(self.tr("Cards"))
        self.last_job: Job[Any] | None = None
        self.total = 0  # unprinted cards, counted when the page is first shown
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("cardsSummary")
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("unprintedTable")
        self.table.setHorizontalHeaderLabels([self.tr("Member no."), self.tr("Name"),
                                              self.tr("Card no."), self.tr("Issued")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._open_selected)
        layout.addWidget(self.table, 1)

        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Print on:")))
        self.layout_box = QComboBox()
        self.layout_box.setObjectName("batchLayout")
        self.layout_box.addItem(self.tr("A4 paper, 10 cards a page with crop marks"),
                                cards_print.A4_SHEET)
        self.layout_box.addItem(self.tr("Card printer, one card a page"),
                                cards_print.CARD_PRINTER)
        if ui_settings().value("cards/batch_layout", cards_print.A4_SHEET) == \
                cards_print.CARD_PRINTER:
            self.layout_box.setCurrentIndex(1)
        options.addWidget(self.layout_box)
        self.backs = QCheckBox(self.tr("Backs too (duplex)"))
        self.backs.setObjectName("batchBacks")
        options.addWidget(self.backs)
        options.addStretch(1)
        layout.addLayout(options)

        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print all unprinted cards…"))
        self.print_button.setObjectName("batchPrint")
        self.print_button.clicked.connect(self.print_all)
        self.save_button = QPushButton(self.tr("&Save all as A4 PDF…"))
        self.save_button.setObjectName("batchSave")
        self.save_button.clicked.connect(self.save_all)
        self.open_button = QPushButton(self.tr("&Open card…"))
        self.open_button.setObjectName("batchOpen")
        self.open_button.clicked.connect(self._open_selected)
        for button in (self.print_button, self.save_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # Counting the unprinted cards reads every member (0.1 s at 200,000) and every counter
        # visit changes the ledger: out of sight, the list waits until it is shown.
        self._seen = WhenSeen(self, self.reload, pending=True)
        ctx.ledger_changed.connect(self._seen.changed)

    # ---- list ----
    def reload(self) -> None:
        rows, total = cards.unprinted_cards(self.ctx.ledger, SHOWN)
        self.total = total
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            issued = clock.parse_iso(row.issued_at).astimezone().strftime("%Y-%m-%d")
            serial = str(row.serial) + (self.tr(" (reissued)") if row.reason == "reissue"
                                        else "")
            for col, text in enumerate((row.member_no, row.name, serial, issued)):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(i, col, item)
        if total == 0:
            self.summary.setText(self.tr("Every card has been printed."))
        elif total > len(rows):
            self.summary.setText(self.tr("%n cards are not printed yet (the first %1 are "
                                         "listed).", "", total).replace("%1", str(len(rows))))
        else:
            self.summary.setText(self.tr("%n cards are not printed yet.", "", total))
        self.print_button.setEnabled(total > 0)
        self.save_button.setEnabled(total > 0)
        self.open_button.setEnabled(total > 0)

    def _open_selected(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(max(row, 0), 0)
        if item is not None:
            cards_print.print_member_card(self, self.ctx, item.text())

    @property
    def layout_choice(self) -> str:
        return str(self.layout_box.currentData())

    # ---- batch printing ----
    def print_all(self) -> Job[Any] | None:
        numbers = cards.unprinted(self.ctx.ledger)
        if not numbers:
            return None
        ui_settings().setValue("cards/batch_layout", self.layout_choice)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        cards_print.setup_printer(printer, self.layout_choice)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("batchPrintDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.print_to(printer, numbers)

    def print_to(self, printer: QPrinter, numbers: list[str]) -> Job[Any]:
        """Render and paint ``numbers``' cards in the background, then record them printed."""
        layout, backs, actor = self.layout_choice, self.backs.isChecked(), self.ctx.actor
        printer_name = printer.outputFileName() or printer.printerName()
        total = len(numbers)
        label = self.tr("Printing %n cards…", "", total)

        def work(job: JobControl) -> int:
            ledger = job.ledger()
            done: list[tuple[str, int]] = []

            def faces() -> Any:
                for number in numbers:
                    job.check_cancelled()
                    card = cards.card_data(ledger, number)
                    yield cards_print.card_images(card, backs)
                    done.append((card.member_no, card.serial))
                    # no label text: jobs.py may finish the dialog while it updates
                    job.progress(len(done), total)

            try:
                cards_print.paint_cards(printer, faces(), layout)
            except BaseException:
                printer.abort()
                raise
            cards.printed_on_paper(ledger, done, by=actor, printer=printer_name)
            return len(done)

        return self._run(work, label, self._printed)

    def _printed(self, count: int) -> None:
        self.ctx.changed()
        QMessageBox.information(self, self.windowTitle(), self.tr(
            "%n cards were sent to the printer and recorded as printed.", "", count))

    def save_all(self) -> Job[Any] | None:
        if not cards.unprinted(self.ctx.ledger):
            return None
        folder = str(ui_settings().value("cards/folder", str(Path.home())))
        name = f"cards-{clock.today().isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save A4 card sheets"),
                                              str(Path(folder) / name), self.tr("PDF (*.pdf)"))
        if not path:
            return None
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> Job[Any]:
        """Write every unprinted card onto A4 sheets in ``path``, then record them printed."""
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        backs, actor = self.backs.isChecked(), self.ctx.actor
        label = self.tr("Making the A4 card sheets…")

        def work(job: JobControl) -> cards.SheetResult:
            ledger = job.ledger()
            total = len(cards.unprinted(ledger))

            def progress(done: int) -> None:
                job.check_cancelled()
                job.progress(done, total)

            return cards.print_unprinted_sheet(ledger, path, by=actor, backs=backs,
                                               progress=progress)

        ui_settings().setValue("cards/folder", str(path.parent))
        return self._run(work, label, self._saved)

    def _saved(self, sheet: cards.SheetResult) -> None:
        self.ctx.changed()
        # Two counts, each with its own plural: the pages go in as a phrase of their own.
        pages = self.tr("%n pages", "", sheet.pages)
        QMessageBox.information(self, self.windowTitle(), self.tr(
            "%n cards on %1 were saved to %2 and recorded as printed. Print the file at 100% "
            "(actual size), not \u201cfit to page\u201d.", "", len(sheet.cards)).replace(
            "%1", pages).replace("%2", str(sheet.path)))

    def _cancelled(self) -> None:
        QMessageBox.information(self, self.windowTitle(), QCoreApplication.translate(
            "CardsPage", "Cancelled: no card was recorded as printed."))

    def _run(self, work: Any, label: str, done: Any) -> Job[Any]:
        job: Job[Any] = Job(self, work, on_success=done, ledger=self.ctx.open_worker_ledger,
                            lang=self.ctx.lang).with_progress(label)
        job.on_cancel(self._cancelled)
        self.last_job = job.run()
        return job
