"""The last person does not linger: after a visit the member is shown as served, F5 still acts
on them for a moment, and the counter is ready for the next person by itself after a quiet
spell. The panel follows the ledger (a voided withdrawal)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from station_app.data import queries
from station_app.services import corrections, members
from tests.helpers import sign_up

from .conftest import answer_modal, void_selected_with
from .test_counter import first_member, scan, visits_of
from .test_dialogs import make_campaign


def record_visit_for(qtbot: Any, counter: Any, number: str) -> None:
    scan(qtbot, counter, number)
    qtbot.keyClick(counter.pad, "1")
    qtbot.keyClick(counter.pad, Qt.Key.Key_Return)


def relief_rows(ctx: Any) -> list[tuple[Any, ...]]:
    return ctx.ledger.conn.execute("SELECT member_no FROM relief").fetchall()


def give_relief_with_f5(qtbot: Any, counter: Any, money: str = "50") -> list[Any]:
    """F5 as the attendant presses it; the dialog is filled in and confirmed."""
    seen: list[str | None] = []

    def fill(dialog: Any) -> None:
        seen.append(dialog.member_no)
        qtbot.keyClicks(dialog.money, money)
        dialog.try_give()

    answer_modal(qtbot, fill)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)
    return seen


def test_after_a_visit_the_member_is_marked_served_and_relief_still_goes_to_them(
        qtbot: Any, counter: Any, ctx: Any) -> None:
    make_campaign(ctx)
    member = first_member(ctx)
    record_visit_for(qtbot, counter, member.member_no)
    panel = counter.member_panel
    note = counter.findChild(QLabel, "memberServed")
    assert panel.title.text() == "张三" and note.isVisible()
    assert "Served at" in note.text() and "Esc" in note.text()
    assert counter.armed is None  # Enter records nothing more for them
    # Visit and relief in one stop (a campaign): F5 right after the visit is for 张三.
    assert give_relief_with_f5(qtbot, counter) == [member.member_no]
    assert relief_rows(ctx) == [(member.member_no,)]
    assert note.isVisible() and panel.member_no == member.member_no


def test_after_a_quiet_spell_the_counter_is_ready_for_the_next_person(
        qtbot: Any, counter: Any, ctx: Any) -> None:
    """The next person walks up and the attendant presses F5 without Esc: once the counter
    has been idle, the relief goes to a walk-in chosen in the dialog, never to the last
    member."""
    make_campaign(ctx)
    member = first_member(ctx)
    counter.served_timer.setInterval(300)
    record_visit_for(qtbot, counter, member.member_no)
    assert counter.member_panel.served
    qtbot.waitUntil(lambda: counter.member_panel.member_no is None, timeout=3000)
    assert counter.member_panel.title.text() == "Next, please"
    assert not counter.findChild(QLabel, "memberServed").isVisible()
    assert counter.check_in.input.hasFocus()
    assert give_relief_with_f5(qtbot, counter) == [None]  # no member: a walk-in handout
    assert relief_rows(ctx) == [(None,)]


def test_keys_and_clicks_keep_the_served_member(qtbot: Any, counter: Any, ctx: Any) -> None:
    member = first_member(ctx)
    counter.served_timer.setInterval(400)
    record_visit_for(qtbot, counter, member.member_no)
    for _ in range(5):  # the attendant is still busy for a second and a half
        qtbot.wait(300)
        qtbot.keyClick(counter.check_in.input, Qt.Key.Key_Shift)
    assert counter.member_panel.member_no == member.member_no
    qtbot.waitUntil(lambda: counter.member_panel.member_no is None, timeout=3000)


def test_an_open_dialog_for_the_member_is_not_pulled_from_under_the_attendant(
        qtbot: Any, counter: Any, ctx: Any) -> None:
    make_campaign(ctx)
    member = first_member(ctx)
    counter.served_timer.setInterval(200)
    record_visit_for(qtbot, counter, member.member_no)
    seen: list[str | None] = []

    def slow(dialog: Any) -> None:  # the attendant takes a while to fill in the handout
        seen.append(dialog.member_no)
        qtbot.keyClicks(dialog.money, "20")
        QTimer.singleShot(700, dialog.try_give)

    answer_modal(qtbot, slow)
    counter.open_relief()
    assert seen == [member.member_no]
    assert relief_rows(ctx) == [(member.member_no,)]
    assert counter.member_panel.member_no == member.member_no  # still there after the dialog
    qtbot.waitUntil(lambda: counter.member_panel.member_no is None, timeout=3000)


def test_the_next_card_replaces_the_served_member(qtbot: Any, counter: Any, ctx: Any) -> None:
    first = first_member(ctx)
    second = queries.search_members(ctx.ledger, "李四")[0]
    record_visit_for(qtbot, counter, first.member_no)
    assert counter.member_panel.served
    scan(qtbot, counter, second.member_no)
    assert counter.member_panel.title.text() == "李四"
    assert not counter.member_panel.served
    assert not counter.findChild(QLabel, "memberServed").isVisible()
    assert not counter.served_timer.isActive()  # a person being served is never cleared
    qtbot.keyClick(counter.pad, "2")
    qtbot.keyClick(counter.pad, Qt.Key.Key_Return)
    assert len(visits_of(ctx, second.member_no)) == 1


def test_esc_clears_the_served_member(qtbot: Any, counter: Any, ctx: Any) -> None:
    record_visit_for(qtbot, counter, first_member(ctx).member_no)
    qtbot.keyClick(counter.check_in.input, Qt.Key.Key_Escape)
    assert counter.member_panel.member_no is None and not counter.served_timer.isActive()


def test_a_voided_withdrawal_is_shown_at_once(qtbot: Any, counter: Any, ctx: Any) -> None:
    number = sign_up(ctx.ledger, 79, name="赵敏")
    entry = members.withdraw_member(ctx.ledger, number, "本人申请", by="tester")
    counter.choose_member(number)
    panel = counter.member_panel
    assert panel.banner.isVisible() and "Withdrawn" in panel.fields["status"].text()
    assert counter.armed is None
    # Voided elsewhere (another page, the command line): the ledger says so, the panel follows.
    corrections.void_entry(ctx.ledger, entry.id, "录错了人", by="tester")
    ctx.changed()
    assert not panel.banner.isVisible()
    assert panel.fields["status"].text() == "Active"
    assert counter.member_actions.button.isEnabled()


def test_a_withdrawal_voided_in_todays_ledger_clears_the_red_note(
        qtbot: Any, counter: Any, ctx: Any) -> None:
    number = sign_up(ctx.ledger, 80, name="周芷若")
    members.withdraw_member(ctx.ledger, number, "本人申请", by="tester")
    ctx.changed()
    counter.choose_member(number)
    assert counter.member_panel.banner.isVisible()
    counter.table.selectRow(0)  # newest first: the withdrawal

    assert void_selected_with(qtbot, counter, "wrong member")
    assert not counter.member_panel.banner.isVisible()
    assert counter.member_panel.fields["status"].text() == "Active"
    assert not counter.member_panel.served  # a void is not serving the person shown
