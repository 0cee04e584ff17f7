"""The counter's "Member (F9)" menu: edit profile, real-name verification, withdrawal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox

from station_app.cards.payload import make_payload
from station_app.data import entries, projector, queries
from station_app.data.entries import Entry
from station_app.domain import ids, member_no
from station_app.ui.dialogs.member_edit import MemberEditDialog
from tests.helpers import ledger_hash

from .conftest import answer_modal, void_selected_with
from .test_counter import first_member, scan, visits_of


def set_text(qtbot: Any, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


def answer_question(qtbot: Any, button: QMessageBox.StandardButton) -> None:
    answer_modal(qtbot, lambda box: box.button(button).click())


def foreign_member(ctx: Any) -> str:
    """A member of station EEL02, as a return bundle brings them (changed only there)."""
    number = member_no.make("EEL02", 7)
    signup = Entry(id=ids.uuid7(), station="EEL02", epoch=1, seq=3, kind="member.signup",
                   recorded_at="2026-11-18T10:00:00.000+08:00", recorded_by="x", target=None,
                   body={"member_no": number, "name": "王外站", "phone": "13600000007",
                         "worker_type": "courier", "employer": "顺丰速运", "sex": "M",
                         "birth_date": "1990-05-17", "id_masked": "1507**********0071",
                         "id_tail": "0071", "home_station": "EEL02", "consent_version": "1"})
    with ctx.ledger.write():
        ctx.ledger.conn.execute(entries.INSERT, signup.row())
        projector.project(ctx.ledger, [signup])
    return number


def test_edit_the_phone_and_the_new_tail_finds_the_member(qtbot: Any, counter: Any,
                                                          ctx: Any) -> None:
    member = first_member(ctx)
    assert member.phone == "13800000001"
    scan(qtbot, counter, member.member_no)
    assert counter.member_actions.button.isEnabled()

    seen: list[tuple[str, bool]] = []

    def edit(dialog: Any) -> None:
        # Checked after the dialog closed: a failing assert here would leave it open.
        seen.append((dialog.name.text(), dialog.focusWidget() is dialog.phone))
        set_text(qtbot, dialog.phone, "13912345678")
        qtbot.keyClicks(dialog.reason, "new phone")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    answer_modal(qtbot, edit)
    counter.member_actions.edit_action.trigger()
    assert seen == [("张三", True)]  # prefilled; the cursor in the phone field
    changed = queries.get_member(ctx.ledger, member.member_no)
    assert changed.phone == "13912345678"
    assert changed.name == "张三"
    assert [m.member_no for m in queries.search_members(ctx.ledger, "5678")] == [
        member.member_no]
    assert queries.search_members(ctx.ledger, "0001") == []
    # One member.update entry, with only the changed field and the reason.
    body = ctx.ledger.conn.execute(
        "SELECT body FROM entries WHERE kind = 'member.update'").fetchone()[0]
    assert '"changes":{"phone":"13912345678"}' in body
    assert "new phone" in body
    assert "saved" in counter.message.text()
    # The check-in bar finds the member by the new tail.
    scan(qtbot, counter, "5678")
    assert counter.member_panel.member_no == member.member_no


def test_edit_name_and_worker_type_show_on_the_panel(qtbot: Any, counter: Any,
                                                     ctx: Any) -> None:
    member = first_member(ctx)
    scan(qtbot, counter, member.member_no)

    def edit(dialog: Any) -> None:
        set_text(qtbot, dialog.name, "张三丰")
        dialog.worker.setCurrentIndex(dialog.worker.findData("truck_driver"))
        dialog.reason.insert("名字登记错了")
        qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)

    answer_modal(qtbot, edit)
    assert counter.member_actions.edit_profile()
    panel = counter.member_panel
    assert panel.title.text() == "张三丰"
    assert panel.fields["worker_type"].text() == "Truck driver"
    assert [m.name for m in queries.search_members(ctx.ledger, "zsf")] == ["张三丰"]
    # A visit right after still goes to the (renamed) member shown.
    qtbot.keyClick(counter.pad, "1")
    assert counter.record_visit()
    assert len(visits_of(ctx, member.member_no)) == 1
    assert "张三丰" in counter.message.text()


def test_an_invalid_phone_shows_the_error_inline_and_changes_nothing(qtbot: Any, ctx: Any
                                                                     ) -> None:
    member = first_member(ctx)
    dialog = MemberEditDialog(ctx, member)
    qtbot.addWidget(dialog)
    dialog.show()
    before = ledger_hash(ctx.ledger)
    set_text(qtbot, dialog.phone, "12345678901")
    error = dialog.errors["phone"]
    assert error.isVisible()  # live, while typing
    assert "Mobile number" in error.text()
    qtbot.keyClicks(dialog.reason, "typo")
    qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert not dialog.saved
    assert ledger_hash(ctx.ledger) == before
    # No reason: refused under the reason field; no change at all: said so.
    set_text(qtbot, dialog.phone, member.phone)
    set_text(qtbot, dialog.reason, "")
    assert not dialog.try_save()
    assert dialog.errors["reason"].isVisible()
    qtbot.keyClicks(dialog.reason, "typo")
    assert not dialog.try_save()
    assert dialog.error.text() == "Nothing to change"
    assert ledger_hash(ctx.ledger) == before


def test_verification_toggles_and_shows_in_the_status(qtbot: Any, counter: Any,
                                                      ctx: Any) -> None:
    member = first_member(ctx)
    scan(qtbot, counter, member.member_no)
    actions = counter.member_actions
    status = counter.member_panel.fields["status"]
    assert "verified" not in status.text()
    assert not actions.verify_action.isChecked()
    before = ledger_hash(ctx.ledger)
    answer_question(qtbot, QMessageBox.StandardButton.No)
    actions.verify_action.trigger()
    assert ledger_hash(ctx.ledger) == before
    assert not actions.verify_action.isChecked()
    answer_question(qtbot, QMessageBox.StandardButton.Yes)
    actions.verify_action.trigger()
    assert queries.get_member(ctx.ledger, member.member_no).verified == "verified"
    assert "real-name verified" in status.text()
    assert actions.verify_action.isChecked()
    answer_question(qtbot, QMessageBox.StandardButton.Yes)
    assert actions.toggle_verified()
    assert queries.get_member(ctx.ledger, member.member_no).verified == "unverified"
    assert "verified" not in status.text()
    assert not actions.verify_action.isChecked()


def test_a_withdrawn_member_cannot_be_served(qtbot: Any, counter: Any, ctx: Any) -> None:
    member = first_member(ctx)
    scan(qtbot, counter, member.member_no)
    counter.pad.toggle_index(0)

    seen: list[str] = []

    def give_reason(dialog: Any) -> None:
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        seen.append(dialog.ok.text())
        edit = dialog.findChild(QLineEdit, "reasonInput")
        qtbot.keyClicks(edit, "moved away")
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    answer_modal(qtbot, give_reason)
    assert counter.member_actions.withdraw()
    assert "张三" in seen[0] and member.member_no in seen[0]
    assert seen[1] == "&Withdraw"
    assert queries.get_member(ctx.ledger, member.member_no).status == "withdrawn"
    panel = counter.member_panel
    assert "Withdrawn" in panel.fields["status"].text()
    assert panel.banner.isVisible()
    assert counter.armed is None
    actions = counter.member_actions
    # The menu now offers only Rejoin (tests/ui/test_rejoin.py).
    assert [a.isEnabled() for a in (actions.edit_action, actions.verify_action,
                                    actions.withdraw_action, actions.rejoin_action)] == [
        False, False, False, True]
    assert not counter.record_visit()
    # Scanned again later: refused, nothing recorded.
    scan(qtbot, counter, make_payload(member.member_no, 1, ctx.ledger.keys.signing))
    assert counter.armed is None
    assert "left the union" in panel.banner.text()
    assert visits_of(ctx) == []


def test_withdraw_cancelled_writes_nothing(qtbot: Any, counter: Any, ctx: Any) -> None:
    scan(qtbot, counter, first_member(ctx).member_no)
    before = ledger_hash(ctx.ledger)
    answer_modal(qtbot, lambda dialog: dialog.reject())
    assert not counter.member_actions.withdraw()
    assert ledger_hash(ctx.ledger) == before
    assert counter.armed is not None


def test_another_stations_member_gets_a_clear_refusal(qtbot: Any, counter: Any,
                                                      ctx: Any) -> None:
    number = foreign_member(ctx)
    scan(qtbot, counter, number)
    assert counter.member_panel.title.text() == "王外站"
    actions = counter.member_actions
    before = ledger_hash(ctx.ledger)
    for act in (actions.edit_profile, actions.toggle_verified, actions.withdraw):
        counter.say("")
        assert not act()  # refused before any dialog opens
        assert "station EEL02" in counter.message.text()
        assert "Only that station" in counter.message.text()
    assert ledger_hash(ctx.ledger) == before
    assert not actions.verify_action.isChecked()


def test_no_member_or_a_refused_card_has_no_member_actions(qtbot: Any, counter: Any,
                                                           ctx: Any) -> None:
    actions = counter.member_actions
    assert not actions.button.isEnabled()
    assert not actions.edit_action.isEnabled()
    counter.member_actions.popup()  # F9 with nobody shown says what to do
    assert "Find a member" in counter.message.text()
    member = first_member(ctx)
    scan(qtbot, counter, member.member_no)
    assert actions.button.isEnabled()
    qtbot.keyClick(counter.check_in.input, Qt.Key.Key_Escape)
    assert not actions.button.isEnabled()
    # A replaced card: the member is on the panel, but nothing may be done with that card.
    with ctx.ledger.write():
        ctx.ledger.append("card.issue", {"member_no": member.member_no, "serial": 2,
                                         "reason": "reissue"}, by="tester")
    scan(qtbot, counter, make_payload(member.member_no, 1, ctx.ledger.keys.signing))
    assert "replaced" in counter.member_panel.banner.text()
    assert not actions.button.isEnabled()
    for action in (actions.edit_action, actions.verify_action, actions.withdraw_action):
        assert not action.isEnabled()
    before = ledger_hash(ctx.ledger)
    assert not actions.edit_profile()
    assert "cannot be used" in counter.message.text()
    assert ledger_hash(ctx.ledger) == before
    # A member number not known here (another station's, before a return bundle): none.
    scan(qtbot, counter, member_no.make("EEL02", 9))
    assert counter.armed is not None
    assert not actions.button.isEnabled()
    # After a visit the panel reloads; the button stays right for the member shown.
    scan(qtbot, counter, member.member_no)
    qtbot.keyClick(counter.pad, "1")
    qtbot.keyClick(counter.pad, Qt.Key.Key_Return)
    assert actions.button.isEnabled()


def test_f9_is_in_the_shortcut_list(counter: Any) -> None:
    assert counter._actions["memberMenu"].shortcuts()[0].toString() == "F9"
    assert "F9" in counter.shortcuts_help()


def test_a_profile_edit_is_in_todays_ledger_and_can_be_voided(qtbot: Any, counter: Any,
                                                              ctx: Any) -> None:
    member = first_member(ctx)
    scan(qtbot, counter, member.member_no)

    def edit(dialog: Any) -> None:
        set_text(qtbot, dialog.phone, "13912345678")
        qtbot.keyClicks(dialog.reason, "typo")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    answer_modal(qtbot, edit)
    assert counter.member_actions.edit_profile()
    model = counter.today_model
    assert model.data(model.index(0, 1)) == "Profile edit"
    details = model.data(model.index(0, 4))
    assert details == "mobile → 139****5678 (typo)"  # masked on screen, with the reason
    counter.table.selectRow(0)

    assert void_selected_with(qtbot, counter, "wrong member")
    assert queries.get_member(ctx.ledger, member.member_no).phone == "13800000001"
    assert [m.member_no for m in queries.search_members(ctx.ledger, "0001")] == [
        member.member_no]


def test_f9_then_r_marks_real_name_verification_from_the_keyboard(qtbot: Any, counter: Any,
                                                                  ctx: Any) -> None:
    member = first_member(ctx)
    scan(qtbot, counter, member.member_no)
    menus: list[Any] = []

    def press_r() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, press_r)
            return
        menus.append(menu)
        qtbot.keyClick(menu, "r")

    QTimer.singleShot(0, press_r)
    answer_question(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.keyClick(counter.pad, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: queries.get_member(ctx.ledger, member.member_no).verified
                    == "verified")
    assert menus and menus[0] is counter.member_actions.menu
    assert "real-name verified" in counter.member_panel.fields["status"].text()
