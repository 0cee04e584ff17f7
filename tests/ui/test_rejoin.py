"""Rejoining from the sign-up dialog (the ID number belongs to a member who withdrew here) and
from the counter's Member (F9) menu."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from station_app.cards.payload import make_payload
from station_app.data import queries
from station_app.services import members
from station_app.ui.dialogs.sign_up import SignUpDialog
from tests.helpers import ledger_hash, rid

from .conftest import answer_modal
from .test_counter import first_member, scan, visits_of
from .test_dialogs import fill


def _withdraw(ctx: Any) -> queries.Member:
    member = first_member(ctx)
    members.withdraw_member(ctx.ledger, member.member_no, "moved away", by="tester")
    return member


def test_sign_up_of_a_withdrawn_member_offers_rejoin(qtbot: Any, ctx: Any) -> None:
    member = _withdraw(ctx)
    dialog = SignUpDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, "张三", rid(1), "13912345678")
    assert dialog.duplicate_box.isVisible()
    text = dialog.duplicate_label.text()
    assert member.member_no in text and "withdrew" in text and "rejoin" in text
    assert dialog.rejoin_button.isVisible() and not dialog.show_existing.isVisible()
    # Signing up anyway is still refused, and shows the same offer.
    before = ledger_hash(ctx.ledger)
    dialog.consent.check.setChecked(True)
    assert not dialog.try_sign_up()
    assert ledger_hash(ctx.ledger) == before
    assert dialog.rejoin_button.isVisible()

    seen: list[str] = []

    def confirm(rejoin: Any) -> None:
        seen.append(rejoin.objectName())
        seen.append(rejoin.phone.text())
        seen.append(str(rejoin.consent.check.isChecked()))
        qtbot.mouseClick(rejoin.submit, Qt.MouseButton.LeftButton)

    answer_modal(qtbot, confirm)
    qtbot.mouseClick(dialog.rejoin_button, Qt.MouseButton.LeftButton)
    # The new mobile typed in the sign-up form and the consent already given carry over.
    assert seen == ["rejoinDialog", "13912345678", "True"]
    assert dialog.member_no == member.member_no  # the counter shows them, as after a sign-up
    back = queries.get_member(ctx.ledger, member.member_no)
    assert (back.status, back.phone) == ("active", "13912345678")
    assert ctx.ledger.conn.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 2


def test_rejoin_needs_the_consent_again(qtbot: Any, ctx: Any) -> None:
    member = _withdraw(ctx)
    from station_app.ui.dialogs.rejoin import RejoinDialog

    dialog = RejoinDialog(ctx, queries.get_member(ctx.ledger, member.member_no))
    qtbot.addWidget(dialog)
    dialog.show()
    before = ledger_hash(ctx.ledger)
    assert not dialog.try_rejoin()
    assert dialog.consent.error.isVisible()
    assert ledger_hash(ctx.ledger) == before
    dialog.consent.check.setChecked(True)
    assert dialog.try_rejoin() and dialog.rejoined
    assert queries.get_member(ctx.ledger, member.member_no).status == "active"


def test_the_member_menu_offers_rejoin_for_a_withdrawn_member(qtbot: Any, counter: Any,
                                                              ctx: Any) -> None:
    member = _withdraw(ctx)
    actions = counter.member_actions
    scan(qtbot, counter, make_payload(member.member_no, 1, ctx.ledger.keys.signing))
    assert "left the union" in counter.member_panel.banner.text()
    assert "F9" in counter.member_panel.banner.text()  # the banner says how to take them back
    assert counter.armed is None
    # Only Rejoin: nothing else may be done for a member who left.
    assert actions.button.isEnabled()
    assert actions.rejoin_action.isEnabled() and actions.rejoin_action.isVisible()
    for action in (actions.edit_action, actions.verify_action, actions.withdraw_action):
        assert not action.isEnabled()

    seen: list[str] = []

    def confirm(dialog: Any) -> None:
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        dialog.consent.check.setChecked(True)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    answer_modal(qtbot, confirm)
    assert actions.rejoin()
    assert member.member_no in seen[0] and "张三" in seen[0]
    assert queries.get_member(ctx.ledger, member.member_no).status == "active"
    assert "rejoined" in counter.message.text()
    assert counter.armed is not None  # the member shown may be served again
    assert not actions.rejoin_action.isVisible() and actions.withdraw_action.isEnabled()
    # The same card scans and a visit is recorded.
    scan(qtbot, counter, make_payload(member.member_no, 1, ctx.ledger.keys.signing))
    qtbot.keyClick(counter.pad, "1")
    qtbot.keyClick(counter.pad, Qt.Key.Key_Return)
    assert len(visits_of(ctx, member.member_no)) == 1
    # Today's ledger lists the rejoin.
    kinds = [counter.today_model.index(r, 1).data() for r in range(counter.today_model.rowCount())]
    assert "Rejoin" in kinds


def test_rejoin_cancelled_writes_nothing(qtbot: Any, counter: Any, ctx: Any) -> None:
    member = _withdraw(ctx)
    scan(qtbot, counter, member.member_no)
    before = ledger_hash(ctx.ledger)
    answer_modal(qtbot, lambda dialog: dialog.reject())
    assert not counter.member_actions.rejoin()
    assert ledger_hash(ctx.ledger) == before
    assert queries.get_member(ctx.ledger, member.member_no).status == "withdrawn"


def test_sign_up_of_someone_who_withdrew_at_another_station_goes_ahead(qtbot: Any,
                                                                       ctx: Any) -> None:
    """(The service lets the sign-up through: tests/sync/test_same_person.py.) The dialog
    says what will happen and offers neither Rejoin nor "serve the existing member"."""
    import dataclasses

    elsewhere = dataclasses.replace(_withdraw(ctx), member_no="EEH01-0000017",
                                    home_station="EEH01", status="withdrawn")
    dialog = SignUpDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._duplicate(elsewhere)
    text = dialog.duplicate_label.text()
    assert "EEH01" in text and "new number" in text
    assert not dialog.rejoin_button.isVisible() and not dialog.show_existing.isVisible()
