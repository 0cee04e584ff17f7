"""Sign-up, relief, programme, transfer and settings dialogs write through the services."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
)

from station_app.data import queries
from station_app.ui.dialogs.programme import ProgrammeDialog
from station_app.ui.dialogs.relief import ReliefDialog
from station_app.ui.dialogs.settings import SettingsDialog
from station_app.ui.dialogs.sign_up import SignUpDialog
from station_app.ui.dialogs.transfer import TransferDialog
from tests.helpers import ledger_hash, rid


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type like a user; QTest synthesises only ASCII keys, so Chinese goes in as an IME would."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def fill(qtbot: Any, dialog: SignUpDialog, name: str, id_number: str, phone: str) -> None:
    type_text(qtbot, dialog.form.name, name)
    type_text(qtbot, dialog.form.id_number, id_number)
    type_text(qtbot, dialog.form.phone, phone)


def test_sign_up_with_wrong_check_digit_shows_error_and_writes_nothing(qtbot: Any,
                                                                       ctx: Any) -> None:
    good = rid(50)
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    dialog = SignUpDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    before = ledger_hash(ctx.ledger)
    fill(qtbot, dialog, "王五", wrong, "13712345678")
    error = dialog.form.errors["id_number"]
    assert error.isVisible()  # live, while typing
    assert "check digit" in error.text()
    dialog.consent.check.setChecked(True)
    qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
    assert dialog.member_no is None
    assert dialog.isVisible()
    assert ledger_hash(ctx.ledger) == before


def test_a_mobile_number_already_on_file_is_pointed_out_not_refused(qtbot: Any, ctx: Any,
                                                                     monkeypatch: Any) -> None:
    """A mistyped number that is someone else's would make a phone-tail search find two
    people; a family may share a phone, so the sign-up still goes through."""
    dialog = _sign_up_no_card(qtbot, ctx, monkeypatch)
    fill(qtbot, dialog, "王五", rid(52), "13900001234")  # 李四's number
    assert dialog.form.phone_note.isVisible()
    holder = queries.search_members(ctx.ledger, "李四")[0].member_no
    assert dialog.form.phone_note.text() == (
        f"This mobile number is already on file for 李* ({holder}): check it was typed right.")
    dialog.consent.check.setChecked(True)
    assert dialog.try_sign_up() and dialog.member_no
    other = _sign_up_no_card(qtbot, ctx, monkeypatch)
    fill(qtbot, other, "赵六", rid(53), "13712340000")
    assert not other.form.phone_note.isVisible()

    from station_app.ui.dialogs.member_edit import MemberEditDialog

    zhang = queries.search_members(ctx.ledger, "张三")[0]
    edit = MemberEditDialog(ctx, zhang)  # F9: the new number is someone else's
    qtbot.addWidget(edit)
    edit.show()
    assert not edit.phone_note.isVisible()  # the member's own number
    edit.phone.setText("13900001234")
    assert edit.phone_note.isVisible() and "李*" in edit.phone_note.text()


def _sign_up_no_card(qtbot: Any, ctx: Any, monkeypatch: Any) -> SignUpDialog:
    """The sign-up dialog, shown; after a sign-up it asks (cards area) "Print the membership
    card now?": answered No."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    dialog = SignUpDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_sign_up_derives_birth_date_and_sex_and_writes_the_member(qtbot: Any, ctx: Any,
                                                                   monkeypatch: Any) -> None:
    dialog = _sign_up_no_card(qtbot, ctx, monkeypatch)
    fill(qtbot, dialog, "王五", rid(51), "13712345678")
    assert "1990-05-17" in dialog.form.derived.text()
    # No consent yet: refused, nothing written.
    before = ledger_hash(ctx.ledger)
    assert not dialog.try_sign_up()
    assert dialog.consent.error.isVisible()
    assert ledger_hash(ctx.ledger) == before
    dialog.consent.check.setChecked(True)
    assert dialog.try_sign_up()
    member = queries.get_member(ctx.ledger, str(dialog.member_no))
    assert member.name == "王五"
    assert member.consent_version


def test_a_name_the_card_font_lacks_is_warned_about_not_refused(qtbot: Any, ctx: Any,
                                                                monkeypatch: Any) -> None:
    dialog = _sign_up_no_card(qtbot, ctx, monkeypatch)
    fill(qtbot, dialog, "刘䶮", rid(52), "13712345679")
    warning = dialog.form.errors["name"]
    assert warning.isVisible() and "䶮" in warning.text() and "刘" not in warning.text()
    dialog.consent.check.setChecked(True)
    assert dialog.try_sign_up()
    assert queries.get_member(ctx.ledger, str(dialog.member_no)).name == "刘䶮"


def test_sign_up_offers_the_existing_member(qtbot: Any, ctx: Any) -> None:
    dialog = SignUpDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, "张三", rid(1), "13800000001")
    assert dialog.duplicate_box.isVisible()
    assert "张三" in dialog.duplicate_label.text()
    before = ledger_hash(ctx.ledger)
    dialog.consent.check.setChecked(True)
    assert not dialog.try_sign_up()
    assert ledger_hash(ctx.ledger) == before
    qtbot.mouseClick(dialog.show_existing, Qt.MouseButton.LeftButton)
    assert dialog.existing_member_no == queries.search_members(ctx.ledger, "张三")[0].member_no


def make_campaign(ctx: Any) -> None:
    from station_app.services import relief

    relief.define_campaign(ctx.ledger, code="WARM", name="冬季送温暖", kind="warming",
                           starts="2026-11-01", ends="2026-12-31", by="tester")


def test_relief_converts_yuan_to_fen_and_enforces_one_per_person(qtbot: Any, ctx: Any) -> None:
    make_campaign(ctx)
    number = queries.search_members(ctx.ledger, "张三")[0].member_no
    dialog = ReliefDialog(ctx, number)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.money, "12.5")
    dialog.goods_rows[0][0].setEditText("棉手套")
    assert dialog.try_give()
    assert ctx.ledger.conn.execute("SELECT money_fen FROM relief").fetchall() == [(1250,)]
    again = ReliefDialog(ctx, number)
    qtbot.addWidget(again)
    again.show()
    assert again.override.isVisible()  # warned before trying
    type_text(qtbot, again.money, "20")
    before = ledger_hash(ctx.ledger)
    assert not again.try_give()  # no reason given
    assert ledger_hash(ctx.ledger) == before
    type_text(qtbot, again.override, "家中困难，经站长同意")
    assert again.try_give()
    assert ctx.ledger.conn.execute("SELECT COUNT(*) FROM relief").fetchone() == (2,)


def test_enter_hands_out_enrols_and_transfers_instead_of_cancelling(qtbot: Any,
                                                                     ctx: Any) -> None:
    """Enter in a field submits the window, as its button says; it closed the relief and
    programme windows unsaved, and without a word (Qt had made Cancel the default)."""
    make_campaign(ctx)
    member = queries.search_members(ctx.ledger, "张三")[0]
    give = ReliefDialog(ctx, member.member_no)
    qtbot.addWidget(give)
    give.show()
    assert give.submit.isDefault()
    type_text(qtbot, give.money, "200")
    qtbot.keyClick(give.money, Qt.Key.Key_Return)
    assert give.result() == QDialog.DialogCode.Accepted
    assert ctx.ledger.conn.execute("SELECT money_fen FROM relief").fetchall() == [(20000,)]

    enrol = ProgrammeDialog(ctx, member)
    qtbot.addWidget(enrol)
    enrol.programme.setCurrentIndex(enrol.programme.findData("summer_camp"))
    enrol.show()
    type_text(qtbot, enrol.child_name, "张小明")
    qtbot.keyClick(enrol.child_name, Qt.Key.Key_Return)
    assert enrol.result() == QDialog.DialogCode.Accepted
    assert queries.member_enrolments(ctx.ledger, member.member_no) == ["summer_camp"]

    leaving = queries.search_members(ctx.ledger, "李四")[0]
    out = TransferDialog(ctx, leaving)
    qtbot.addWidget(out)
    out.show()
    out.tabs.setCurrentIndex(0)
    type_text(qtbot, out.other_out, "呼和浩特市总工会")
    qtbot.keyClick(out.other_out, Qt.Key.Key_Return)
    assert out.result() == QDialog.DialogCode.Accepted
    assert queries.get_member(ctx.ledger, leaving.member_no).status == "transferred_out"


def _answer_discard(answer: str, asked: list[str]) -> None:
    """Answer the "close without saving?" question when it comes (``answer``: the object name
    of its button), noting it was asked; nothing happens if it never comes."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if box is not None and box.objectName() == "discardQuestion":
            asked.append(box.findChild(QLabel, "qt_msgbox_label").text())
            box.findChild(QPushButton, answer).click()
    QTimer.singleShot(0, click)


@pytest.mark.usefixtures("ask_before_discarding")
def test_esc_asks_before_a_typed_form_is_thrown_away(qtbot: Any, ctx: Any) -> None:
    """Attendants press Esc all day to mean "next person": a sign-up form with details typed
    in is not lost to it without a question (Esc or Enter on the question goes back to it)."""
    dialog = SignUpDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    asked: list[str] = []
    _answer_discard("keepTyped", asked)
    qtbot.keyClick(dialog.form.name, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not dialog.isVisible() and not asked

    dialog = SignUpDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, "王五", rid(51), "13712345678")
    _answer_discard("keepTyped", asked)
    qtbot.keyClick(dialog.form.phone, Qt.Key.Key_Escape)
    assert asked == ["Close without saving? What was typed in this window is lost."]
    assert dialog.isVisible() and dialog.form.name.text() == "王五"
    _answer_discard("discardTyped", asked)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert len(asked) == 2 and not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.member_no is None

    edit = ReliefDialog(ctx, None)  # the other forms alike: money typed, then ×
    qtbot.addWidget(edit)
    edit.show()
    type_text(qtbot, edit.money, "50")
    _answer_discard("keepTyped", asked)
    edit.close()
    assert len(asked) == 3 and edit.isVisible()
    _answer_discard("discardTyped", asked)
    edit.close()
    assert len(asked) == 4 and not edit.isVisible()

    locked = ReliefDialog(ctx, None)  # behind the lock screen (whose Quit closes everything)
    qtbot.addWidget(locked)
    locked.show()
    type_text(qtbot, locked.money, "50")
    locked.setEnabled(False)
    _answer_discard("keepTyped", asked)
    locked.close()
    assert len(asked) == 4 and not locked.isVisible()  # nobody could have answered


def test_relief_refuses_bad_money_on_the_field(qtbot: Any, ctx: Any) -> None:
    make_campaign(ctx)
    dialog = ReliefDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    before = ledger_hash(ctx.ledger)
    type_text(qtbot, dialog.money, "12.345")
    assert dialog.money_error.isVisible()
    assert not dialog.try_give()
    assert ledger_hash(ctx.ledger) == before


def test_programme_eligibility(qtbot: Any, ctx: Any) -> None:
    member = queries.search_members(ctx.ledger, "张三")[0]
    dialog = ProgrammeDialog(ctx, member)
    qtbot.addWidget(dialog)
    dialog.programme.setCurrentIndex(dialog.programme.findData("two_cancer"))
    if member.sex != "F":
        assert not dialog.submit.isEnabled()
    dialog.programme.setCurrentIndex(dialog.programme.findData("summer_camp"))
    dialog.show()
    assert dialog.child_name.isVisible()
    type_text(qtbot, dialog.child_name, "张小明")
    dialog.child_age.setValue(9)
    assert dialog.try_enrol()
    assert queries.member_enrolments(ctx.ledger, member.member_no) == ["summer_camp"]


def test_transfer_out_and_in(qtbot: Any, ctx: Any) -> None:
    member = queries.search_members(ctx.ledger, "李四")[0]
    out = TransferDialog(ctx, member)
    qtbot.addWidget(out)
    out.tabs.setCurrentIndex(0)
    type_text(qtbot, out.other_out, "呼和浩特市总工会")
    assert out.try_transfer()
    assert queries.get_member(ctx.ledger, member.member_no).status == "transferred_out"
    arriving = TransferDialog(ctx, None)
    qtbot.addWidget(arriving)
    assert arriving.tabs.currentIndex() == 1
    type_text(qtbot, arriving.other_in, "包头市总工会")
    type_text(qtbot, arriving.person.name, "赵六")
    type_text(qtbot, arriving.person.id_number, rid(60))
    type_text(qtbot, arriving.person.phone, "13600001111")
    arriving.consent.check.setChecked(True)
    assert arriving.try_transfer()
    assert queries.get_member(ctx.ledger, str(arriving.member_no)).other_union == "包头市总工会"


def test_settings_service_catalogue_add_rename_retire(qtbot: Any, ctx: Any) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.apply_service("add", "shower", "淋浴", "Shower")
    assert dialog.apply_service("rename", "shower", "热水淋浴", "Hot shower")
    assert dialog.apply_service("retire", "shower")
    row = next(s for s in queries.services(ctx.ledger) if s.code == "shower")
    assert (row.name_zh, row.active) == ("热水淋浴", False)  # retired, never deleted
    before = ledger_hash(ctx.ledger)
    assert not dialog.apply_service("add", "Bad Code!", "坏", "Bad")
    assert dialog.error.text()
    assert ledger_hash(ctx.ledger) == before
    # Next summer: the same code comes back (reports continue), with sentences that say so.
    assert not dialog.apply_service("add", "shower", "淋浴", "Shower")
    assert "Restore" in dialog.error.text()
    assert not dialog.apply_service("retire", "shower")
    assert "retired" in dialog.error.text()
    assert ledger_hash(ctx.ledger) == before
    assert dialog.apply_service("restore", "shower")
    row = next(s for s in queries.services(ctx.ledger) if s.code == "shower")
    assert (row.name_zh, row.active) == ("热水淋浴", True)
    assert not dialog.apply_service("add", "shower", "淋浴", "Shower")
    assert "already exists" in dialog.error.text()


def test_settings_campaign_and_station_identity(qtbot: Any, ctx: Any) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.campaign_code.setText("COOL2027")
    dialog.campaign_name.setText("2027年送清凉")
    assert dialog.add_campaign()
    assert any(c.code == "COOL2027" for c in queries.campaigns(ctx.ledger))
    dialog.station_name.setText("满洲里国门驿站")
    assert dialog.save_station()
    assert ctx.ledger.station_name == "满洲里国门驿站"
