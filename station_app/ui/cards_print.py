"""Printing a member's card: preview, the system print dialog, PNG/PDF export, reissue after loss.

``print_member_card(parent, ctx, member_no)`` is the hook the counter calls (member panel "Print
card", Ctrl+P, after sign-up; see ``AppContext.card_printer``). Cards are rendered at 300 dpi by
``station_app.cards`` and painted at exactly 85.6 × 54 mm: one card per page for card printers,
or ten per A4 page with crop marks (the same layout as ``cards.output.sheet_pdf``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPen, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..cards import output as card_output
from ..cards.layout import CARD_H, CARD_W, CardData
from ..cards.render import render_back, render_front
from ..domain.errors import LedgerError, Refused
from ..services import cards
from .context import AppContext, ui_settings
from .dialogs.reason import ReasonDialog

MM_PER_INCH = 25.4
CARD_PRINTER = "card"  # one CR80 page per card (card printers)
A4_SHEET = "a4"  # ten cards a page with crop marks (ordinary printers)
_SETTING_LAYOUT = "cards/layout"
_SETTING_BACKS = "cards/backs"
_SETTING_FOLDER = "cards/folder"

log = logging.getLogger(__name__)


# ---- painting (no widgets: testable with a PDF QPrinter) ----
def to_qimage(image: Image.Image) -> QImage:
    """A Pillow RGB image as a QImage that owns its pixels, tagged 300 dpi."""
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    qimage = QImage(data, rgb.width, rgb.height, rgb.width * 3,
                    QImage.Format.Format_RGB888).copy()
    dots_per_metre = round(300 / 0.0254)
    qimage.setDotsPerMeterX(dots_per_metre)
    qimage.setDotsPerMeterY(dots_per_metre)
    return qimage


def card_images(card: CardData, backs: bool) -> tuple[QImage, QImage | None]:
    front = to_qimage(render_front(card))
    return front, to_qimage(render_back(card)) if backs else None


def setup_printer(printer: QPrinter, layout: str) -> None:
    """Page size for the layout, no margins: the card lands at the exact paper position."""
    if layout == CARD_PRINTER:
        size = QPageSize(QSizeF(CARD_W, CARD_H), QPageSize.Unit.Millimeter, "CR80",
                         QPageSize.SizeMatchPolicy.ExactMatch)
        orientation = QPageLayout.Orientation.Portrait
    else:
        size = QPageSize(QPageSize.PageSizeId.A4)
        orientation = QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0),
                                      QPageLayout.Unit.Millimeter))
    printer.setFullPage(True)
    printer.setDocName("工会会员证")


def _mm(printer: QPrinter, value: float) -> float:
    return value * printer.resolution() / MM_PER_INCH


def _card_rect(printer: QPrinter, x_mm: float, y_mm: float) -> QRectF:
    return QRectF(_mm(printer, x_mm), _mm(printer, y_mm), _mm(printer, CARD_W),
                  _mm(printer, CARD_H))


def _crop_marks(painter: QPainter, printer: QPrinter) -> None:
    pen = QPen(Qt.GlobalColor.black)
    pen.setWidthF(_mm(printer, card_output.MARK_W))
    painter.setPen(pen)
    x0, y0 = card_output.SHEET_X0, card_output.SHEET_Y0
    x_end = x0 + card_output.SHEET_COLUMNS * CARD_W
    y_end = y0 + card_output.SHEET_ROWS * CARD_H
    gap, length = card_output.MARK_GAP, card_output.MARK_LEN

    def line(x1: float, y1: float, x2: float, y2: float) -> None:
        painter.drawLine(QPointF(_mm(printer, x1), _mm(printer, y1)),
                         QPointF(_mm(printer, x2), _mm(printer, y2)))

    for col in range(card_output.SHEET_COLUMNS + 1):
        x = x0 + col * CARD_W
        line(x, y0 - gap - length, x, y0 - gap)
        line(x, y_end + gap, x, y_end + gap + length)
    for row in range(card_output.SHEET_ROWS + 1):
        y = y0 + row * CARD_H
        line(x0 - gap - length, y, x0 - gap, y)
        line(x_end + gap, y, x_end + gap + length, y)


Faces = tuple[QImage, QImage | None]


def _chunks(faces: Iterable[Faces], size: int) -> Iterator[list[Faces]]:
    chunk: list[Faces] = []
    for face in faces:
        chunk.append(face)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def paint_cards(printer: QPrinter, faces: Iterable[Faces], layout: str) -> int:
    """Paint card faces (front, optional back) onto ``printer``, already set up for ``layout``.

    Card printer: front page, then back page, per card. A4: pages of ten fronts with crop
    marks, each followed by a page of backs mirrored for long-edge duplex when backs are given.
    ``faces`` is consumed lazily (a batch never holds more than a page of images); Qt allows
    painting on a QPrinter from a worker thread, so batch jobs call this off the UI thread.
    Returns the number of cards painted.
    """
    painter = QPainter()
    if not painter.begin(printer):
        # A sentence in the window's language, from the card window and from a batch job.
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            # "Print to file" with a folder (Qt's dialog offers the home folder) or a place
            # that cannot be written: not a printer that is switched off.
            raise Refused("printer_pdf_path", path=printer.outputFileName() or "—")
        raise Refused("printer_unavailable")
    count = 0
    try:
        first = True

        def new_page() -> None:
            nonlocal first
            if not first:
                printer.newPage()
            first = False

        if layout == CARD_PRINTER:
            for front, back in faces:
                for face in (front, back):
                    if face is not None:
                        new_page()
                        painter.drawImage(_card_rect(printer, 0, 0), face)
                count += 1
            return count
        per_page = card_output.SHEET_COLUMNS * card_output.SHEET_ROWS
        for chunk in _chunks(faces, per_page):
            new_page()
            _crop_marks(painter, printer)
            for i, (front, _back) in enumerate(chunk):
                painter.drawImage(_card_rect(printer, *card_output.sheet_slot(i)), front)
            if any(back is not None for _front, back in chunk):
                new_page()
                for i, (_front, back) in enumerate(chunk):
                    if back is not None:
                        painter.drawImage(
                            _card_rect(printer, *card_output.sheet_slot(i, mirrored=True)), back)
            count += len(chunk)
        return count
    finally:
        painter.end()


# ---- the card dialog ----
class CardDialog(QDialog):
    """One member's current card: preview, print (with preview), save, reissue."""

    def __init__(self, ctx: AppContext, member_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("cardDialog")
        self.card: CardData = cards.card_data(ctx.ledger, member_no)
        self.printed = False
        layout = QVBoxLayout(self)
        self.front_label = QLabel()
        self.front_label.setObjectName("cardFront")
        self.back_label = QLabel()
        self.back_label.setObjectName("cardBack")
        faces = QHBoxLayout()
        faces.addWidget(self.front_label)
        faces.addWidget(self.back_label)
        layout.addLayout(faces)
        self.info = QLabel()
        self.info.setObjectName("cardInfo")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)

        box = QGroupBox(self.tr("Print on"))
        box_layout = QVBoxLayout(box)
        self.on_card = QRadioButton(self.tr("A card printer (one 85.6 × 54 mm card a page)"))
        self.on_card.setObjectName("layoutCard")
        self.on_a4 = QRadioButton(self.tr("A4 paper (cut along the crop marks)"))
        self.on_a4.setObjectName("layoutA4")
        group = QButtonGroup(self)
        group.addButton(self.on_card)
        group.addButton(self.on_a4)
        settings = ui_settings()
        (self.on_a4 if settings.value(_SETTING_LAYOUT, CARD_PRINTER) == A4_SHEET
         else self.on_card).setChecked(True)
        self.with_back = QCheckBox(self.tr("Print the back too"))
        self.with_back.setObjectName("printBack")
        self.with_back.setChecked(str(settings.value(_SETTING_BACKS, "true")) == "true")
        box_layout.addWidget(self.on_card)
        box_layout.addWidget(self.on_a4)
        box_layout.addWidget(self.with_back)
        layout.addWidget(box)

        buttons = QDialogButtonBox()
        self.print_button = self._button(buttons, self.tr("&Print…"), self.print_card,
                                         "cardPrint", QDialogButtonBox.ButtonRole.AcceptRole)
        self._button(buttons, self.tr("Print pre&view…"), self.preview, "cardPreview")
        self._button(buttons, self.tr("Save as P&NG…"), lambda: self.save("png"), "cardSavePng")
        self._button(buttons, self.tr("Save as P&DF…"), lambda: self.save("pdf"), "cardSavePdf")
        self._button(buttons, self.tr("&Reissue card…"), self.ask_reissue, "cardReissue")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.print_button.setDefault(True)
        self.refresh()

    def _button(self, box: QDialogButtonBox, text: str, slot: object, name: str,
                role: QDialogButtonBox.ButtonRole = QDialogButtonBox.ButtonRole.ActionRole
                ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        box.addButton(button, role)
        button.clicked.connect(slot)
        return button

    # ---- state ----
    @property
    def layout_choice(self) -> str:
        return A4_SHEET if self.on_a4.isChecked() else CARD_PRINTER

    def refresh(self) -> None:
        self.card = cards.card_data(self.ctx.ledger, self.card.member_no)
        card = self.card
        self.setWindowTitle(self.tr("Membership card — %1").replace("%1", card.name))
        width = 420
        for label, image in ((self.front_label, render_front(card)),
                             (self.back_label, render_back(card))):
            label.setPixmap(QPixmap.fromImage(to_qimage(image)).scaledToWidth(
                width, Qt.TransformationMode.SmoothTransformation))
        history = cards.card_history(self.ctx.ledger, card.member_no)
        current = history[-1] if history else None
        printed = (self.tr("printed") if current is not None and current.printed
                   else self.tr("not printed yet"))
        text = (self.tr("Member %1 · card no. %2 · %3")
                .replace("%1", card.member_no).replace("%2", str(card.serial))
                .replace("%3", printed))
        if len(history) > 1:
            older = ", ".join(str(c.serial) for c in history[:-1])
            text += "\n" + self.tr(
                "Older cards (no. %1) are replaced and no longer scan as valid.").replace(
                "%1", older)
        self.info.setText(text)

    def _remember(self) -> None:
        settings = ui_settings()
        settings.setValue(_SETTING_LAYOUT, self.layout_choice)
        settings.setValue(_SETTING_BACKS, "true" if self.with_back.isChecked() else "false")

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_printer(printer, self.layout_choice)
        return printer

    _printer_name = ""

    def _paint(self, printer: QPrinter) -> None:
        self._printer_name = printer.outputFileName() or printer.printerName()
        faces = [card_images(self.card, self.with_back.isChecked())]
        paint_cards(printer, faces, self.layout_choice)

    def _record_printed(self) -> None:
        try:
            cards.printed_on_paper(self.ctx.ledger, [(self.card.member_no, self.card.serial)],
                                   by=self.ctx.actor, printer=self._printer_name)
        except LedgerError as exc:
            QMessageBox.warning(self, self.windowTitle(), self.ctx.message(exc))
            return
        self.printed = True
        self.ctx.changed()
        self.refresh()

    # ---- actions ----
    def print_card(self) -> bool:
        """The system print dialog, then print; a card that was printed is recorded."""
        self._remember()
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("cardPrintDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        try:
            self._paint(printer)
        except Refused as exc:
            log.warning("card not printed: %s", exc.code)
            QMessageBox.warning(self, self.windowTitle(), self.ctx.message(exc))
            return False
        self._record_printed()
        return True

    def preview(self) -> bool:
        """Qt's print preview; printing from it records the card as printed."""
        self._remember()
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("cardPrintPreview")
        dialog.paintRequested.connect(self._paint)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self._record_printed()
        return True

    def save(self, kind: str) -> Path | None:
        folder = str(ui_settings().value(_SETTING_FOLDER, str(Path.home())))
        suggested = str(Path(folder) / f"{self.card.member_no}.{kind}")
        pattern = self.tr("PNG image (*.png)") if kind == "png" else self.tr("PDF (*.pdf)")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save card"), suggested, pattern)
        if not name:
            return None
        return self.save_to(Path(name), kind)

    def save_to(self, path: Path, kind: str) -> Path | None:
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        try:
            written = cards.export_card(self.ctx.ledger, self.card.member_no, path,
                                        with_back=self.with_back.isChecked(),
                                        by=self.ctx.actor)
        except LedgerError as exc:
            QMessageBox.warning(self, self.windowTitle(), self.ctx.message(exc))
            return None
        ui_settings().setValue(_SETTING_FOLDER, str(written.parent))
        return written

    def ask_reissue(self) -> bool:
        dialog = ReasonDialog(
            self.tr("Reissue card"),
            self.tr("A new card no. %1 will be issued for %2. The old card stops working at "
                    "every station that has this ledger's data. Why is it reissued (lost, "
                    "damaged …)?").replace("%1", str(self.card.serial + 1))
            .replace("%2", self.card.name), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.reissue(dialog.input.text())

    def reissue(self, reason: str) -> bool:
        try:
            cards.reissue_card(self.ctx.ledger, self.card.member_no, reason, by=self.ctx.actor)
        except LedgerError as exc:
            QMessageBox.warning(self, self.windowTitle(), self.ctx.message(exc))
            return False
        self.ctx.changed()
        self.refresh()
        return True


def open_card_dialog(parent: QWidget | None, ctx: AppContext, member_no: str
                     ) -> CardDialog | None:
    """The card dialog, or a plain message when this member's card cannot be made here."""
    try:
        return CardDialog(ctx, member_no, parent)
    except LedgerError as exc:
        title = QCoreApplication.translate("CardDialog", "Membership card")
        QMessageBox.warning(parent, title, ctx.message(exc))
        return None


def print_member_card(parent: QWidget | None, ctx: AppContext, member_no: str) -> bool:
    """The counter's hook: show the member's card with print, preview, save and reissue."""
    dialog = open_card_dialog(parent, ctx, member_no)
    if dialog is None:
        return False
    dialog.exec()
    return dialog.printed


def reissue_member_card(parent: QWidget | None, ctx: AppContext, member_no: str) -> bool:
    """Reissue after loss straight from the member panel, then offer printing."""
    dialog = open_card_dialog(parent, ctx, member_no)
    if dialog is None or not dialog.ask_reissue():
        return False
    dialog.exec()
    return True
