"""The counter driven as an attendant would: scanner, keyboard, clicks, on a real ledger file."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from station_app.cards.payload import make_payload
from station_app.data import queries
from station_app.ui.models.today import VOIDED_ROLE
from tests.helpers import ledger_hash, services_given, sign_up

from .conftest import answer_modal, void_selected_with


def visits_of(ctx: Any, member_no: str | None = None) -> list[tuple[Any, ...]]:
    sql = "SELECT entry_id, member_no, walk_in, worker_type FROM visits"
    if member_no:
        return ctx.ledger.conn.execute(sql + " WHERE member_no = ?", (member_no,)).fetchall()
    return ctx.ledger.conn.execute(sql).fetchall()


def first_member(ctx: Any) -> queries.Member:
    return queries.search_members(ctx.ledger, "张三")[0]


def scan(qtbot: Any, counter: Any, text: str) -> None:
    bar = counter.check_in.input
    bar.setFocus()
    qtbot.keyClicks(bar, text)
    qtbot.keyClick(bar, Qt.Key.Key_Return)


def test_scanner_input_and_enter_shows_the_member(qtbot: Any, counter: Any, ctx: Any) -> None:
    member = first_member(ctx)
    payload = make_payload(member.member_no, 1, ctx.ledger.keys.signing)
    scan(qtbot, counter, payload)
    panel = counter.findChild(type(counter.member_panel), "memberPanel")
    assert panel.title.text() == "张三"
    assert panel.fields["member_no"].text() == member.member_no
    assert panel.fields["id_masked"].text() == member.id_masked
    assert "1990" not in panel.fields["id_masked"].text()  # the ID is masked on screen
    assert counter.armed is not None and counter.armed.scanned
    assert counter.pad.hasFocus()  # the number keys now pick services


def test_service_click_and_enter_writes_exactly_one_visit(qtbot: Any, counter: Any,
                                                          ctx: Any) -> None:
    member = first_member(ctx)
    scan(qtbot, counter, make_payload(member.member_no, 1, ctx.ledger.keys.signing))
    water = counter.findChild(QPushButton, "service_WATER")
    qtbot.mouseClick(water, Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert len(visits_of(ctx, member.member_no)) == 1
    assert services_given(ctx.ledger) == ["water"]
    # Focus is back in the check-in bar; another Enter records nothing more.
    assert counter.check_in.input.hasFocus()
    qtbot.keyClick(counter.check_in.input, Qt.Key.Key_Return)
    assert len(visits_of(ctx, member.member_no)) == 1
    assert counter.today_model.rowCount() == 3  # two sign-ups and the visit
    assert "Drinking water" in counter.message.text()


def test_number_keys_pick_services_after_a_scan(qtbot: Any, counter: Any, ctx: Any) -> None:
    member = first_member(ctx)
    scan(qtbot, counter, member.member_no)  # typed member number + Enter
    qtbot.keyClick(counter.pad, "1")
    qtbot.keyClick(counter.pad, "4")
    qtbot.keyClick(counter.pad, Qt.Key.Key_Return)
    assert services_given(ctx.ledger) == ["charge", "water"]
    assert len(visits_of(ctx, member.member_no)) == 1


def test_typing_shows_matches_and_the_keyboard_picks_one(qtbot: Any, counter: Any) -> None:
    bar = counter.check_in.input
    bar.setFocus()
    qtbot.keyClicks(bar, "1234")  # phone tail of 李四
    counter.check_in.search_now()
    assert counter.check_in.model.rowCount() == 1
    qtbot.keyClick(bar, Qt.Key.Key_Down)
    qtbot.keyClick(bar, Qt.Key.Key_Return)
    assert counter.member_panel.title.text() == "李四"


def test_unknown_input_says_so_plainly(qtbot: Any, counter: Any, ctx: Any) -> None:
    before = ledger_hash(ctx.ledger)
    scan(qtbot, counter, "qqqzzz")
    assert "Nothing found" in counter.message.text()
    scan(qtbot, counter, "MZL01-0000019")  # a member number with a wrong check character
    assert "check character" in counter.message.text()
    assert counter.armed is None
    assert ledger_hash(ctx.ledger) == before


def test_walk_in_records_a_visit_by_worker_type(qtbot: Any, counter: Any, ctx: Any) -> None:
    qtbot.mouseClick(counter.findChild(QPushButton, "service_REST"), Qt.MouseButton.LeftButton)
    answer_modal(qtbot, lambda dialog: qtbot.keyClick(dialog, "2"))  # 2 = courier
    qtbot.mouseClick(counter.findChild(QPushButton, "walkInButton"), Qt.MouseButton.LeftButton)
    rows = visits_of(ctx)
    assert len(rows) == 1
    assert rows[0][1:] == (None, 1, "courier")
    qtbot.waitUntil(counter.check_in.input.hasFocus)


def test_a_card_scanned_in_the_walk_in_dialog_is_the_member_not_a_walk_in(
        qtbot: Any, counter: Any, ctx: Any) -> None:
    """The scanner's burst (SLC1.…) must not pick worker type 1: the dialog closes and the
    card is checked in as usual; no visit is recorded by the scan."""
    member = first_member(ctx)
    payload = make_payload(member.member_no, 1, ctx.ledger.keys.signing)
    counter.pad.toggle_index(0)

    def scanner(dialog: Any) -> None:
        qtbot.keyClicks(dialog, payload)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    answer_modal(qtbot, scanner)
    assert not counter.walk_in()
    assert visits_of(ctx) == []
    assert counter.armed is not None and counter.armed.member_no == member.member_no


def test_after_a_card_in_the_walk_in_dialog_the_number_keys_pick_services(
        qtbot: Any, counter: Any, ctx: Any) -> None:
    """The member shown says "pick services with the number keys": the keys must reach the
    pad, not the check-in bar (where "2" + Enter searched for "2" and recorded nothing)."""
    member = first_member(ctx)
    payload = make_payload(member.member_no, 1, ctx.ledger.keys.signing)
    counter.focus_check_in()
    counter.pad.toggle_index(0)

    def scanner(dialog: Any) -> None:
        qtbot.keyClicks(dialog, payload)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    answer_modal(qtbot, scanner)
    assert not counter.walk_in()
    qtbot.wait(50)  # whatever was queued after the dialog closed has run
    assert counter.pad.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), "2")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert services_given(ctx.ledger) == ["rest", "water"]
    assert len(visits_of(ctx, member.member_no)) == 1


def test_after_a_rejoin_from_sign_up_the_number_keys_pick_services(
        qtbot: Any, counter: Any, ctx: Any) -> None:
    """F4, the ID number of a member who withdrew, Rejoin: the member is shown ready for
    services and the number keys pick them (a nested dialog closed just before)."""
    from PySide6.QtCore import QTimer

    from station_app.services import members
    from tests.helpers import rid

    from .test_dialogs import fill

    member = first_member(ctx)
    members.withdraw_member(ctx.ledger, member.member_no, "moved away", by="tester")
    counter.focus_check_in()

    def confirm_rejoin() -> None:
        rejoin = QApplication.activeModalWidget()
        if rejoin is None or rejoin.objectName() != "rejoinDialog":
            QTimer.singleShot(20, confirm_rejoin)
            return
        rejoin.consent.check.setChecked(True)
        qtbot.mouseClick(rejoin.submit, Qt.MouseButton.LeftButton)

    def sign_up(dialog: Any) -> None:
        fill(qtbot, dialog, "张三", rid(1), "13912345678")
        QTimer.singleShot(20, confirm_rejoin)
        qtbot.mouseClick(dialog.rejoin_button, Qt.MouseButton.LeftButton)

    answer_modal(qtbot, sign_up)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F4)
    qtbot.wait(50)
    assert counter.armed is not None and counter.armed.member_no == member.member_no
    assert counter.pad.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), "1")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert len(visits_of(ctx, member.member_no)) == 1


def test_a_slow_scanner_that_presses_shift_is_still_the_member(qtbot: Any, counter: Any,
                                                                ctx: Any) -> None:
    """Real keyboard-wedge scanners send Shift before capitals and may pause ~35 ms a key."""
    member = first_member(ctx)
    payload = make_payload(member.member_no, 1, ctx.ledger.keys.signing)
    counter.pad.toggle_index(0)

    def scanner(dialog: Any) -> None:
        for char in payload:
            if char.isupper():
                qtbot.keyPress(dialog, Qt.Key.Key_Shift)
            qtbot.keyClick(dialog, char)
            qtbot.wait(35)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    answer_modal(qtbot, scanner)
    assert not counter.walk_in()
    assert visits_of(ctx) == []
    assert counter.armed is not None and counter.armed.member_no == member.member_no


def test_walk_in_foreign_driver_gives_document_and_nationality(qtbot: Any, counter: Any,
                                                                ctx: Any) -> None:
    counter.pad.toggle_index(0)

    def fill(dialog: Any) -> None:
        dialog.foreign.setChecked(True)
        dialog.nationality.setCurrentIndex(dialog.nationality.findData("RU"))
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    answer_modal(qtbot, fill)
    assert counter.walk_in()
    row = ctx.ledger.conn.execute(
        "SELECT worker_type, doc_type, nationality FROM visits").fetchone()
    assert row == ("truck_driver", "passport", "RU")


def test_void_keeps_the_entry_visible_struck_through(qtbot: Any, counter: Any, ctx: Any) -> None:
    member = first_member(ctx)
    scan(qtbot, counter, member.member_no)
    qtbot.keyClick(counter.pad, "1")
    qtbot.keyClick(counter.pad, Qt.Key.Key_Return)
    rows = counter.today_model.rowCount()
    counter.table.selectRow(0)  # newest first: the visit

    assert void_selected_with(qtbot, counter, "recorded twice")
    model = counter.today_model
    assert model.rowCount() == rows  # still visible
    index = model.index(0, 0)
    assert model.data(index, VOIDED_ROLE) is True
    assert model.data(index, Qt.ItemDataRole.FontRole).strikeOut()
    assert "recorded twice" in model.data(model.index(0, 6))
    assert ctx.ledger.conn.execute("SELECT voided FROM visits").fetchone() == (1,)
    assert queries.visits_count(ctx.ledger, member.member_no, "2026-11-20", "2026-11-20") == 0


def test_void_without_a_reason_writes_nothing(qtbot: Any, counter: Any, ctx: Any) -> None:
    counter.pad.toggle_index(0)
    counter.armed = None
    scan(qtbot, counter, first_member(ctx).member_no)
    counter.pad.toggle_index(0)
    counter.record_visit()
    counter.table.selectRow(0)
    before = ledger_hash(ctx.ledger)
    answer_modal(qtbot, lambda dialog: dialog.reject())
    assert not counter.void_selected()
    assert ledger_hash(ctx.ledger) == before


def test_replaced_card_is_refused_plainly(qtbot: Any, counter: Any, ctx: Any) -> None:
    member = first_member(ctx)
    with ctx.ledger.write():
        ctx.ledger.append("card.issue", {"member_no": member.member_no, "serial": 2,
                                         "reason": "reissue"}, by="tester")
    scan(qtbot, counter, make_payload(member.member_no, 1, ctx.ledger.keys.signing))
    assert counter.armed is None
    assert "replaced" in counter.member_panel.banner.text()
    assert not counter.record_visit()


def test_every_action_has_a_shortcut_and_widgets_have_names(counter: Any) -> None:
    for name in ("checkInInput", "memberPanel", "walkInButton", "recordVisitButton",
                 "todayTable", "signUpButton"):
        widget = counter.findChild(object, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    for code in ("WATER", "REST", "CHARGE"):
        assert counter.findChild(QPushButton, f"service_{code}") is not None
    for action in counter._actions.values():
        assert action.shortcuts(), action.objectName()


def test_next_scan_does_not_inherit_the_last_persons_services(qtbot: Any, counter: Any,
                                                              ctx: Any) -> None:
    first = first_member(ctx)
    second = queries.search_members(ctx.ledger, "李四")[0]
    scan(qtbot, counter, first.member_no)
    qtbot.keyClick(counter.pad, "3")
    # The attendant scans the next card without recording: the pad hands the text back.
    payload = make_payload(second.member_no, 1, ctx.ledger.keys.signing)
    qtbot.keyClick(counter.pad, payload[0])
    qtbot.keyClicks(QApplication.focusWidget(), payload[1:])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert counter.member_panel.title.text() == "李四"
    assert counter.pad.selected() == []


def test_a_card_scanned_into_a_reason_is_not_taken_as_the_reason(qtbot: Any, ctx: Any) -> None:
    from station_app.ui.dialogs.reason import ReasonDialog

    member = first_member(ctx)
    dialog = ReasonDialog("Void", "Why?")
    qtbot.addWidget(dialog)
    dialog.input.setText(make_payload(member.member_no, 1, ctx.ledger.keys.signing))
    dialog.accept()
    assert dialog.result() == 0 and dialog.input.text() == ""
    assert "card scan" in dialog.input.placeholderText()
    dialog.input.setText("录错了")
    dialog.accept()
    assert dialog.result() == 1 and dialog.reason() == "录错了"


def test_a_replaced_card_gets_no_relief_programme_or_transfer(qtbot: Any, counter: Any,
                                                               ctx: Any) -> None:
    from station_app.services import cards

    member = first_member(ctx)
    cards.reissue_card(ctx.ledger, member.member_no, "丢失", by="t")
    before = ledger_hash(ctx.ledger)
    scan(qtbot, counter, make_payload(member.member_no, 1, ctx.ledger.keys.signing))
    assert counter.armed is None
    for button in (counter.relief_button, counter.programme_button, counter.transfer_button):
        assert not button.isEnabled()
    counter.open_relief()  # F5 anyway: refused with a sentence, no dialog
    assert "cannot be used" in counter.message.text()
    assert ledger_hash(ctx.ledger) == before
    counter.reset()
    assert counter.relief_button.isEnabled()


def test_pinyin_initials_that_start_like_a_card_are_searched(qtbot: Any, counter: Any,
                                                              ctx: Any) -> None:
    number = sign_up(ctx.ledger, 77, name="孙立成")
    scan(qtbot, counter, "slc")
    assert counter.armed is not None and counter.armed.member_no == number


def test_a_member_found_by_name_who_left_can_still_transfer_in(qtbot: Any, counter: Any,
                                                               ctx: Any) -> None:
    """Only a card that proves nothing blocks the member actions, not the member's status."""
    from station_app.services import members

    number = sign_up(ctx.ledger, 78, name="秦朗")
    members.transfer_out(ctx.ledger, number, "北京市总工会", by="t")
    counter.choose_member(number)
    assert counter.transfer_button.isEnabled()


def test_the_check_in_bar_takes_no_input_method_and_pinyin_finds_names(
        qtbot: Any, counter: Any, ctx: Any) -> None:
    """A Chinese IME would turn a scanner's SLC1.… into candidate characters, so the bar asks
    for none; a name typed as pinyin letters (how it arrives without the IME) finds the
    member all the same."""
    from PySide6.QtCore import Qt as QtNS

    bar = counter.check_in.input
    assert not bar.testAttribute(QtNS.WidgetAttribute.WA_InputMethodEnabled)
    assert bar.inputMethodHints() & QtNS.InputMethodHint.ImhLatinOnly
    number = sign_up(ctx.ledger, 79, name="乌日娜")
    for typed in ("wurina", "wu ri na", "wrn"):
        counter.check_in.clear()
        qtbot.keyClicks(bar, typed)
        assert number in [m.member_no for m in counter.check_in.search_now()]
