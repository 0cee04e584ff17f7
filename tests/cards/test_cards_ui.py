"""Printing from the GUI: real QPrinter output (PDF) rasterised and scanned, dialogs, batch jobs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
import shiboken6
import zxingcpp
from PIL import Image
from PySide6.QtCore import QEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox

from station_app.data.db import open_ledger
from station_app.services import cards, checkin
from station_app.ui import i18n, jobs
from station_app.ui.cards_page import CardsPage
from station_app.ui.cards_print import (
    A4_SHEET,
    CARD_PRINTER,
    CardDialog,
    card_images,
    paint_cards,
    setup_printer,
)
from station_app.ui.context import AppContext
from station_app.ui.widgets.member_panel import MemberPanel
from tests.helpers import sign_up

PT_PER_MM = 72 / 25.4


@pytest.fixture
def ctx(qapp: QApplication, ledger_path: Path, fixed_clock: Any) -> Iterator[AppContext]:
    i18n.install("en")
    ledger = open_ledger(ledger_path)
    sign_up(ledger, 1, name="禚晓燕")
    sign_up(ledger, 2, name="乌兰巴特尔")
    context = AppContext(ledger_path, ledger, lang="en", actor="tester")
    yield context
    ledger.close()


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(
            lambda _parent, _title, text, *a, **k: said.append(text)))
    return said


def pdf_printer(path: Path, layout: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    setup_printer(printer, layout)
    return printer


def pages(path: Path, dpi: int = 200) -> list[tuple[tuple[float, float], Image.Image]]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [((p.get_width() / PT_PER_MM, p.get_height() / PT_PER_MM),
                 p.render(scale=dpi / 72).to_pil()) for p in document]
    finally:
        document.close()


def scans(image: Image.Image) -> list[str]:
    return [b.text for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def test_card_printer_pages_are_cr80_and_scan(ctx: AppContext, tmp_path: Path) -> None:
    number = cards.unprinted(ctx.ledger)[0]
    printer = pdf_printer(tmp_path / "card.pdf", CARD_PRINTER)
    assert paint_cards(printer, [card_images(cards.card_data(ctx.ledger, number), True)],
                       CARD_PRINTER) == 1
    (front_size, front), (_, back) = pages(tmp_path / "card.pdf")
    assert front_size == pytest.approx((85.6, 54.0), abs=0.2)  # Qt rounds pages to whole points
    (text,) = scans(front)
    assert checkin.resolve(ctx.ledger, text).status == checkin.OK
    assert scans(back) == []


def test_a4_sheet_from_the_printer_scans(ctx: AppContext, tmp_path: Path) -> None:
    numbers = cards.unprinted(ctx.ledger)
    faces = [card_images(cards.card_data(ctx.ledger, n), False) for n in numbers]
    printer = pdf_printer(tmp_path / "sheet.pdf", A4_SHEET)
    assert paint_cards(printer, faces, A4_SHEET) == 2
    ((size, page),) = pages(tmp_path / "sheet.pdf")
    assert size == pytest.approx((210, 297), abs=0.5)
    found = {checkin.resolve(ctx.ledger, t).member_no for t in scans(page)}
    assert found and found <= set(cards.unprinted(ctx.ledger))


def test_card_dialog_prints_saves_and_reissues(qtbot: Any, ctx: AppContext,
                                              tmp_path: Path) -> None:
    number = cards.unprinted(ctx.ledger)[0]
    dialog = CardDialog(ctx, number)
    qtbot.addWidget(dialog)
    assert "禚晓燕" in dialog.windowTitle() and "card no. 1" in dialog.info.text()
    saved = dialog.save_to(tmp_path / "mine", "png")
    assert saved == tmp_path / "mine.png" and saved.exists()
    assert number in cards.unprinted(ctx.ledger)  # saving a file is not printing
    dialog.on_card.setChecked(True)
    assert dialog.print_to(pdf_printer(tmp_path / "printed.pdf", CARD_PRINTER))
    assert number not in cards.unprinted(ctx.ledger) and dialog.printed
    assert dialog.reissue("lost on the road")
    assert dialog.card.serial == 2 and "no. 1" in dialog.info.text()
    assert number in cards.unprinted(ctx.ledger)
    assert [c.serial for c in cards.card_history(ctx.ledger, number)] == [1, 2]
    assert not dialog.reissue("   ")  # refused with a message, nothing written
    assert dialog.card.serial == 2


def test_member_panel_offers_print_and_reissue(qtbot: Any, ctx: AppContext) -> None:
    assert ctx.card_printer() is not None
    panel = MemberPanel(ctx)
    qtbot.addWidget(panel)
    names = [panel.actions_row.itemAt(i).widget().objectName()
             for i in range(panel.actions_row.count())]
    assert {"printCardButton", "reissueCardButton"} <= set(names)


def test_cards_page_batch_save_records_printing(qtbot: Any, ctx: AppContext, tmp_path: Path,
                                               _no_message_boxes: list[str]) -> None:
    page = CardsPage(ctx)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 0 and page.summary.text() == ""  # not looked at yet
    page.show()
    assert page.table.rowCount() == 2 and "2 cards" in page.summary.text()
    job = page.save_to(tmp_path / "batch")
    assert jobs.wait_for_all()
    assert job.done
    assert (tmp_path / "batch.pdf").read_bytes().startswith(b"%PDF-")
    assert cards.unprinted(ctx.ledger) == []
    assert page.table.rowCount() == 0 and not page.print_button.isEnabled()
    # Two counts, each with its own English plural.
    assert _no_message_boxes[-1].startswith("2 cards on 1 page were saved to ")


def test_the_cards_page_counts_only_while_looked_at(qtbot: Any, ctx: AppContext) -> None:
    """Counting the unprinted cards reads every member: every counter visit changes the ledger,
    so out of sight the page waits, and is up to date the moment it is shown."""
    page = CardsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.table.rowCount() == 2
    page.hide()
    sign_up(ctx.ledger, 77, name="新会员")
    ctx.changed()
    assert page.table.rowCount() == 2  # out of sight: not counted again yet
    page.show()
    assert page.table.rowCount() == 3 and "3 cards" in page.summary.text()


def test_cards_page_batch_print_records_printing(qtbot: Any, ctx: AppContext,
                                                tmp_path: Path) -> None:
    page = CardsPage(ctx)
    qtbot.addWidget(page)
    page.layout_box.setCurrentIndex(page.layout_box.findData(A4_SHEET))
    numbers = cards.unprinted(ctx.ledger)
    page.print_to(pdf_printer(tmp_path / "batch.pdf", A4_SHEET), numbers)
    assert jobs.wait_for_all()
    ((_, image),) = pages(tmp_path / "batch.pdf")
    assert scans(image)
    assert cards.unprinted(ctx.ledger) == []
    from station_app.services import audit

    (row,) = audit.rows(ctx.ledger, 5, action=audit.EXPORT, attendant=None)  # names on paper
    assert row.detail["cards"] == len(numbers) and row.detail["members"] == numbers


def test_a_batch_for_a_printer_that_cannot_be_opened_says_so(
        qtbot: Any, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain sentence in the window's language, nothing recorded as printed (it was the
    crash dialog, with English words)."""
    from station_app.ui import errors

    said: list[str] = []
    monkeypatch.setattr(errors, "show_error",
                        lambda _parent, exc, lang: said.append(errors.render(exc, lang)))
    page = CardsPage(ctx)
    qtbot.addWidget(page)
    page.layout_box.setCurrentIndex(page.layout_box.findData(A4_SHEET))
    numbers = cards.unprinted(ctx.ledger)
    page.print_to(pdf_printer(tmp_path, A4_SHEET), numbers)  # a folder, as Qt's dialog offers
    assert jobs.wait_for_all()
    assert said == [f"Cannot write the PDF file {tmp_path}: give “Print to file” a file name "
                    "(not just a folder) in a folder that can be written to"]
    assert cards.unprinted(ctx.ledger) == numbers


def test_sign_up_offers_the_new_card(qtbot: Any, ctx: AppContext,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from station_app.ui.cards_print import CardDialog as Dialog
    from station_app.ui.dialogs.sign_up import SignUpDialog
    from tests.helpers import rid

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(Dialog, "exec", lambda self: shown.append(self.card.member_no) or 0)
    dialog = SignUpDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.form.name.insert("蹇其木格")
    dialog.form.id_number.insert(rid(60))
    dialog.form.phone.insert("13712345678")
    dialog.consent.check.setChecked(True)
    assert dialog.try_sign_up()
    assert shown == [dialog.member_no]
    assert shown[0] in cards.unprinted(ctx.ledger)  # shown, not printed


def test_counter_says_a_cut_off_scan_must_be_repeated(qtbot: Any, ctx: AppContext) -> None:
    from station_app.ui.counter import build_counter_page

    counter = build_counter_page(ctx)
    try:
        number = cards.unprinted(ctx.ledger)[0]
        text = cards.card_data(ctx.ledger, number).payload
        counter.resolve_text(text[:40])
        assert "scan again" in counter.message.text()
        assert counter.member_panel.member_no is None
        counter.resolve_text(text + "\r")
        assert counter.member_panel.member_no == number
    finally:
        # the counter's new-day timer must not outlive this test's ledger
        counter.close()
        counter.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not shiboken6.isValid(counter)
