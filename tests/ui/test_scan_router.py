"""One scan router for the whole app: a scanner's burst goes to the check-in bar wherever the
keyboard was (a reason, a profile form, the member menu); typing by hand stays where it is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from station_app.cards.payload import make_payload
from station_app.data import queries
from station_app.ui import scan_router
from tests.helpers import ledger_hash, sign_up

from .conftest import answer_modal
from .test_counter import first_member, scan, visits_of


def card_of(ctx: Any, name: str) -> tuple[str, str]:
    member = queries.search_members(ctx.ledger, name)[0]
    return member.member_no, make_payload(member.member_no, 1, ctx.ledger.keys.signing)


def scanner(qtbot: Any, text: str, gap_ms: int = 0, into: QWidget | None = None) -> None:
    """A keyboard-wedge scanner: each key to the widget with the keyboard, Shift before each
    capital, optionally a pause per key, Enter at the end."""
    for char in text:
        target = into or QApplication.focusWidget()
        if char.isupper():
            qtbot.keyPress(target, Qt.Key.Key_Shift)
        qtbot.keyClick(target, char)
        if char.isupper():
            qtbot.keyRelease(target, Qt.Key.Key_Shift)
        if gap_ms:
            qtbot.wait(gap_ms)
    qtbot.keyClick(into or QApplication.focusWidget(), Qt.Key.Key_Return)


def type_by_hand(qtbot: Any, text: str, gap_ms: int = 160, into: QWidget | None = None
                 ) -> None:
    for char in text:
        qtbot.keyClick(into or QApplication.focusWidget(), char)
        qtbot.wait(gap_ms)


def test_prefix_rules() -> None:
    assert scan_router.could_start_card("S") and scan_router.could_start_card("slc")
    assert scan_router.could_start_card("SLC1") and not scan_router.could_start_card("SLCH")
    assert not scan_router.could_start_card("Sa") and not scan_router.could_start_card("M")
    assert scan_router.card_start("asdfSLC1.MZL01") == 4
    assert scan_router.card_start("slch") == -1


def test_a_card_scanned_into_a_void_reason_goes_to_the_check_in_bar(
        qtbot: Any, counter: Any, ctx: Any) -> None:
    first = first_member(ctx)
    second, payload = card_of(ctx, "李四")
    scan(qtbot, counter, first.member_no)
    qtbot.keyClick(counter.pad, "1")
    qtbot.keyClick(counter.pad, Qt.Key.Key_Return)
    counter.table.selectRow(0)  # the visit just recorded
    seen: dict[str, Any] = {}

    def attendant(dialog: Any) -> None:
        edit = dialog.findChild(QLineEdit, "reasonInput")
        edit.setFocus()
        scanner(qtbot, payload, into=edit)  # the next person's card, during the reason
        seen["after_scan"] = edit.text()
        seen["still_open"] = dialog.isVisible()
        note = dialog.findChild(QLabel, "heldScanNote")
        seen["note"] = note.text() if note is not None else ""
        seen["panel"] = counter.member_panel.member_no
        type_by_hand(qtbot, "Scanned twice", into=edit)  # a capital S typed by hand
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    answer_modal(qtbot, attendant)
    assert counter.void_selected()
    assert seen == {"after_scan": "", "still_open": True, "panel": first.member_no,
                    "note": seen["note"]} and "card was scanned" in seen["note"]
    reason = ctx.ledger.conn.execute(
        "SELECT json_extract(body, '$.reason') FROM entries WHERE kind = 'void'").fetchone()
    assert reason == ("Scanned twice",)
    # Once the dialog is closed the card is checked in: the next person, ready for services.
    qtbot.waitUntil(lambda: counter.member_panel.member_no == second, timeout=2000)
    assert counter.armed is not None and counter.armed.member_no == second
    assert visits_of(ctx, second) == []


def test_a_shift_and_capitals_scan_in_the_profile_form_changes_nothing(
        qtbot: Any, counter: Any, ctx: Any) -> None:
    """A real scanner: Shift before capitals, ~35 ms a key, into the member-edit reason."""
    first = first_member(ctx)
    second, payload = card_of(ctx, "李四")
    counter.choose_member(first.member_no)
    before = ledger_hash(ctx.ledger)
    seen: dict[str, str] = {}

    def attendant(dialog: Any) -> None:
        dialog.reason.setFocus()
        scanner(qtbot, payload, gap_ms=35, into=dialog.reason)
        seen["reason"] = dialog.reason.text()
        seen["phone"] = dialog.phone.text()
        dialog.reject()

    answer_modal(qtbot, attendant)
    assert not counter.member_actions.edit_profile()
    assert seen == {"reason": "", "phone": first.phone}
    assert ledger_hash(ctx.ledger) == before
    qtbot.waitUntil(lambda: counter.member_panel.member_no == second, timeout=2000)


def test_typing_by_hand_is_untouched(qtbot: Any, counter: Any, ctx: Any) -> None:
    """Pinyin initials that look like a card's prefix, typed at a person's pace, are searched;
    a lone capital S reaches a field after a moment."""
    number = sign_up(ctx.ledger, 77, name="孙立成")
    bar = counter.check_in.input
    bar.setFocus()
    type_by_hand(qtbot, "SLC")
    assert bar.text() == "SLC"
    qtbot.keyClick(bar, Qt.Key.Key_Return)
    assert counter.armed is not None and counter.armed.member_no == number
    counter.reset()
    qtbot.keyClick(bar, "S")
    qtbot.waitUntil(lambda: bar.text() == "S", timeout=1000)
    counter.check_in.clear()  # no search left pending after the ledger is closed


def test_a_member_number_typed_by_hand_still_checks_in(qtbot: Any, counter: Any,
                                                        ctx: Any) -> None:
    first = first_member(ctx)
    counter.check_in.input.setFocus()
    type_by_hand(qtbot, first.member_no, gap_ms=20)  # a quick typist
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert counter.armed is not None and counter.armed.member_no == first.member_no


def test_a_scan_replaces_half_typed_search_text(qtbot: Any, counter: Any, ctx: Any) -> None:
    second, payload = card_of(ctx, "李四")
    counter.check_in.input.setFocus()
    type_by_hand(qtbot, "zha")
    scanner(qtbot, payload)
    assert counter.member_panel.member_no == second and counter.armed is not None


def test_a_scan_with_the_member_menu_open_triggers_no_menu_item(
        qtbot: Any, counter: Any, ctx: Any) -> None:
    """The menu's letters (E, R, W) appear in card text; none of them may fire."""
    first = first_member(ctx)
    second, payload = card_of(ctx, "李四")
    counter.choose_member(first.member_no)
    before = ledger_hash(ctx.ledger)
    opened: list[bool] = []

    def scan_into_menu() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, scan_into_menu)
            return
        opened.append(menu is counter.member_actions.menu)
        scanner(qtbot, payload, into=menu)

    QTimer.singleShot(0, scan_into_menu)
    qtbot.keyClick(counter.pad, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: opened == [True], timeout=2000)
    qtbot.waitUntil(lambda: counter.member_panel.member_no == second, timeout=2000)
    assert QApplication.activeModalWidget() is None  # no edit or withdrawal dialog came up
    assert ledger_hash(ctx.ledger) == before


def test_a_busy_moment_in_the_middle_of_a_scan_does_not_split_it(
        qtbot: Any, counter: Any, ctx: Any) -> None:
    """The window was busy for 150 ms after the scanner's first key (a page refreshing): the
    other keys waited in the queue. Their own key times (the window system's) are 8 ms apart,
    so it is still one scan, not a card typed into the field that had the keyboard."""
    import time

    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    second, payload = card_of(ctx, "李四")
    field = QLineEdit(counter)
    field.show()
    field.setFocus()
    stamp = 1_000_000

    def key(char: str, code: int) -> None:
        nonlocal stamp
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(stamp)
            QApplication.sendEvent(field, event)
        stamp += 8

    key(payload[0], ord(payload[0]))
    time.sleep(0.15)  # this thread busy: nothing processed
    for char in payload[1:]:
        key(char, ord(char.upper()) if char.isalpha() else ord(char))
    key("\r", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter.member_panel.member_no == second, timeout=2000)
    assert field.text() == ""


def test_the_note_about_a_held_card_makes_the_sign_up_dialog_taller(
        qtbot: Any, counter: Any, ctx: Any) -> None:
    """The yellow note must not squeeze the sign-up form (the worker type and the consent
    text were cut off)."""
    second, payload = card_of(ctx, "李四")
    seen: dict[str, Any] = {}

    def attendant(dialog: Any) -> None:
        dialog.form.name.setFocus()
        scanner(qtbot, payload, into=dialog.form.name)
        qtbot.wait(20)
        seen["note"] = dialog.findChild(QLabel, "heldScanNote") is not None
        worker = dialog.form.worker
        seen["fits"] = worker.height() >= worker.sizeHint().height()
        dialog.reject()

    answer_modal(qtbot, attendant)
    counter.open_sign_up()
    assert seen == {"note": True, "fits": True}
    qtbot.waitUntil(lambda: counter.member_panel.member_no == second, timeout=2000)
