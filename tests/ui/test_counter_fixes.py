"""A tester's findings at the counter: the relief window, the member panel's card buttons and
status word, today's ledger (campaign names, repeat reasons, sort arrow), printing, and the
transfer window's Alt keys."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMessageBox,
    QStyleOptionHeader,
    QWidget,
)

from station_app.cards.payload import make_payload
from station_app.domain import messages, statuses
from station_app.domain.errors import InvalidInput
from station_app.services import checkin, relief
from station_app.ui.cards_print import CARD_PRINTER, CardDialog, setup_printer
from station_app.ui.counter_today import TodayLedger, arrow_points_up
from station_app.ui.dialogs.relief import ReliefDialog
from station_app.ui.dialogs.transfer import TransferDialog
from station_app.ui.models.today import COL_DETAILS, COL_TIME
from tests.helpers import ledger_hash

from .test_counter import first_member, scan
from .test_dialogs import make_campaign, type_text


@pytest.fixture
def warnings_said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda _parent, _title, text, *a, **k: said.append(text)))
    return said


def visible_texts(dialog: QWidget) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)
            if label.isVisible() and label.text()]


# ---- 1. relief: a repeat without a reason ----
def test_a_repeat_without_reason_grows_the_window_and_says_it_once(qtbot: Any,
                                                                     ctx: Any) -> None:
    make_campaign(ctx)
    number = first_member(ctx).member_no
    first = ReliefDialog(ctx, number)
    qtbot.addWidget(first)
    type_text(qtbot, first.money, "10")
    assert first.try_give()
    again = ReliefDialog(ctx, number)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    type_text(qtbot, again.money, "20")
    before = ledger_hash(ctx.ledger)
    assert not again.try_give()  # no reason
    QApplication.processEvents()
    assert ledger_hash(ctx.ledger) == before
    # The rows above keep their height (they were squeezed to ~14 px, the name cut off).
    for field in (again.campaign, again.money):
        assert field.height() >= field.minimumSizeHint().height(), field.objectName()
    said = [t for t in visible_texts(again) if "Already received relief" in t]
    assert len(said) == 1, visible_texts(again)
    assert not again.error.isVisible()
    assert again.override.property("invalid") and again.override.hasFocus()
    type_text(qtbot, again.override, "家中困难，经站长同意")
    assert not again.override.property("invalid")
    assert again.try_give()


def test_an_error_line_makes_the_relief_window_taller(qtbot: Any, ctx: Any) -> None:
    relief.define_campaign(ctx.ledger, code="OLD", name="2025年夏季送清凉", kind="cooling",
                           starts="2025-06-01", ends="2025-08-31", by="tester")
    dialog = ReliefDialog(ctx, first_member(ctx).member_no)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.money, "20")
    assert not dialog.try_give()  # the campaign is over
    QApplication.processEvents()
    assert dialog.error.isVisible()
    for field in (dialog.campaign, dialog.money):
        assert field.height() >= field.minimumSizeHint().height(), field.objectName()


# ---- 2. relief of nothing ----
def test_relief_of_nothing_asks_for_money_or_goods(qtbot: Any, ctx: Any) -> None:
    make_campaign(ctx)
    dialog = ReliefDialog(ctx, first_member(ctx).member_no)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.try_give()
    assert dialog.error.text() == "Enter an amount of money or at least one goods item"
    empty = InvalidInput("goods", "empty")
    assert messages.render(empty, "zh_CN") == "请填写慰问金或至少一项物资"
    with pytest.raises(InvalidInput) as raised:
        relief.give_relief(ctx.ledger, campaign="WARM", by="t", member=first_member(ctx)
                           .member_no, money_fen=0, goods=())
    assert messages.render(raised.value, "en").startswith("Enter an amount of money")


# ---- 3. the member panel's card buttons ----
def card_buttons(counter: Any) -> tuple[Any, Any]:
    panel = counter.member_panel
    assert panel.print_button is not None and panel.reissue_button is not None
    return panel.print_button, panel.reissue_button


def test_a_forged_card_cannot_be_printed_or_reissued(qtbot: Any, counter: Any, ctx: Any,
                                                     warnings_said: list[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    member = first_member(ctx)
    printed: list[str] = []
    monkeypatch.setattr(ctx, "card_printer",
                        lambda: lambda _parent, _ctx, number: printed.append(number))
    scan(qtbot, counter, make_payload(member.member_no, 1, Ed25519PrivateKey.generate()))
    assert counter.member_panel.facts.check_in.status == checkin.FORGED
    for button in card_buttons(counter):
        assert not button.isEnabled()
        assert "forged" in button.toolTip()
    # Ctrl+P acts without the button: refused with the same sentence, nothing printed.
    assert not counter.member_panel.print_card()
    assert not counter.member_panel.reissue_card()
    assert printed == [] and len(warnings_said) == 2 and "forged" in warnings_said[0]
    # The member's own card, scanned: both offered again.
    scan(qtbot, counter, make_payload(member.member_no, 1, ctx.ledger.keys.signing))
    for button in card_buttons(counter):
        assert button.isEnabled() and button.toolTip() == ""


def test_another_stations_member_gets_no_card_here(qtbot: Any, counter: Any,
                                                   ctx: Any) -> None:
    member = first_member(ctx)
    theirs = dataclasses.replace(member, home_station="EEL02", origin="return")
    counter.member_panel.show_check_in(checkin.CheckIn(member.member_no, checkin.OK, theirs))
    for button in card_buttons(counter):
        assert not button.isEnabled()
        assert "only that station can make the card" in button.toolTip()
    counter.member_panel.clear()
    for button in card_buttons(counter):
        assert not button.isEnabled() and button.toolTip() == ""


# ---- 6. the status word ----
def test_the_status_is_the_same_word_as_the_command_lines(qtbot: Any, counter: Any,
                                                          ctx: Any) -> None:
    member = first_member(ctx)
    scan(qtbot, counter, member.member_no)
    status = counter.member_panel.fields["status"]
    assert status.text() == "Active" == statuses.label("active", "en")
    ctx.lang = "zh_CN"
    counter.member_panel.reload()
    assert status.text() == statuses.label("active", "zh_CN") == "在会"


# ---- 4 and 5. today's ledger ----
def test_relief_rows_name_the_campaign_and_the_reason_for_giving_again(counter: Any,
                                                                       ctx: Any) -> None:
    make_campaign(ctx)
    number = first_member(ctx).member_no
    relief.give_relief(ctx.ledger, campaign="WARM", by="t", member=number, money_fen=20000)
    reason = "家中困难，经站长同意再发一次，另见会议纪要第三条"
    relief.give_relief(ctx.ledger, campaign="WARM", by="t", member=number,
                       goods=[relief.Goods("棉手套", 2)], override_reason=reason)
    today = counter.findChild(TodayLedger)
    today.refresh()
    model = today.model
    newest, first = model.index(0, COL_DETAILS), model.index(1, COL_DETAILS)
    assert first.data() == "冬季送温暖: ¥200.00"
    shown = newest.data()
    assert shown.startswith("冬季送温暖: 棉手套×2 (again: 家中困难")
    assert len(shown) < len("冬季送温暖: 棉手套×2 (again: )") + len(reason)  # kept short
    assert reason in newest.data(Qt.ItemDataRole.ToolTipRole)


def test_the_time_arrow_points_down_for_newest_first(counter: Any) -> None:
    table = counter.findChild(TodayLedger).table
    header = table.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    def drawn_up() -> bool:
        option = QStyleOptionHeader()
        header.initStyleOptionForIndex(option, COL_TIME)
        assert option.sortIndicator != QStyleOptionHeader.SortIndicator.None_
        return arrow_points_up(header.style(), option.sortIndicator)

    assert not drawn_up()
    table.sortByColumn(COL_TIME, Qt.SortOrder.AscendingOrder)
    assert drawn_up()


# ---- 7. printing ----
def test_a_printer_that_cannot_be_opened_is_said_in_the_uis_language(
        qtbot: Any, ctx: Any, tmp_path: Path, warnings_said: list[str]) -> None:
    dialog = CardDialog(ctx, first_member(ctx).member_no)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "no such folder" / "card.pdf"))
    setup_printer(printer, CARD_PRINTER)
    before = ledger_hash(ctx.ledger)
    assert not dialog.print_to(printer)
    assert warnings_said == [
        f"Cannot write the PDF file {tmp_path / 'no such folder' / 'card.pdf'}: give “Print to "
        "file” a file name (not just a folder) in a folder that can be written to"]
    assert ledger_hash(ctx.ledger) == before  # not recorded as printed


# ---- 8. Alt keys in the transfer window ----
def mnemonics(dialog: Any) -> list[str]:
    """The Alt letters live in ``dialog`` now: the tab titles and what is shown (the other
    tab's page is hidden, and so are its labels)."""
    texts = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    texts += [w.text() for w in dialog.findChildren(QWidget)
              if isinstance(w, QLabel | QAbstractButton) and w.isVisible()]
    return [m.lower() for text in texts for m in re.findall(r"&([^&\s])", text)]


def test_every_alt_key_of_the_transfer_window_is_used_once(qtbot: Any, ctx: Any) -> None:
    dialog = TransferDialog(ctx, first_member(ctx))
    qtbot.addWidget(dialog)
    dialog.show()
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        letters = mnemonics(dialog)
        assert len(letters) >= 4
        assert sorted(letters) == sorted(set(letters)), (dialog.tabs.tabText(i), letters)
