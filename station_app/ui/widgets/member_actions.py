"""The counter's "Member (F9)" menu: edit the profile, real-name verification, withdrawal,
rejoining.

The button sits under the member details (``MemberPanel.add_member_action``). It acts on the
member shown, and only on a member of this station whose card may be used: a replaced or
forged card, a transferred-out member, or a number not known here gets nothing. A member of
this station who withdrew gets one action, Rejoin (``members.can_rejoin``).
Other stations' members are changed only at their home station (``members._own_member``); the
counter says so in one sentence. Every write is one ``members`` service call on the UI
thread's ledger, like a sign-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton

from ...data.queries import Member
from ...domain.errors import LedgerError, Refused
from ...services import checkin, members

if TYPE_CHECKING:
    from ..counter import CounterPage


class MemberActions(QObject):
    """Owns the button, its menu and the four actions; ``edit_profile``, ``toggle_verified``,
    ``withdraw`` and ``rejoin`` return True when something was written."""

    def __init__(self, counter: CounterPage) -> None:
        super().__init__(counter)
        self.counter = counter
        self.ctx = counter.ctx
        self.panel = counter.member_panel
        self.menu = QMenu(counter)
        self.menu.setObjectName("memberMenu")
        self.edit_action = self._action("actionEditMember", self.tr("&Edit profile…"),
                                        self.edit_profile)
        self.verify_action = self._action("actionVerifyMember", self.tr("&Real-name verified"),
                                          self.toggle_verified)
        self.verify_action.setCheckable(True)
        self.menu.addSeparator()
        self.withdraw_action = self._action("actionWithdrawMember",
                                            self.tr("&Withdraw from the union…"), self.withdraw)
        self.rejoin_action = self._action("actionRejoinMember",
                                          self.tr("Re&join the union…"), self.rejoin)
        self.button: QPushButton = self.panel.add_member_action(
            self.tr("Member (F9)"), lambda: None, "memberMenuButton")
        self.button.setAccessibleName(self.tr("Member: edit profile, verification, withdrawal"))
        self.button.setToolTip(self.tr("Edit the profile, mark real-name verification or "
                                       "record a withdrawal (F9)"))
        self.button.setMenu(self.menu)
        # A click keeps the keyboard where it was, so a scan still lands in the check-in bar.
        self.button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.panel.shown.connect(self.update_state)
        self.update_state()

    def _action(self, name: str, text: str, slot: object) -> QAction:
        action = QAction(text, self.menu)
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    # ---- state ----
    def usable(self) -> bool:
        """A member known here whose card may be used is on the panel."""
        facts = self.panel.facts
        return facts is not None and facts.check_in.member is not None and \
            facts.check_in.can_serve

    def rejoinable(self) -> bool:
        """A member of this station who withdrew (and was not anonymised) is on the panel."""
        facts = self.panel.facts
        member = self.panel.member
        return facts is not None and member is not None \
            and facts.check_in.status == checkin.WITHDRAWN \
            and members.can_rejoin(self.ctx.ledger, member)

    def update_state(self) -> None:
        on = self.usable()
        back = not on and self.rejoinable()
        self.button.setEnabled(on or back)
        for action in (self.edit_action, self.verify_action, self.withdraw_action):
            action.setEnabled(on)
            action.setVisible(not back)
        self.rejoin_action.setEnabled(back)
        self.rejoin_action.setVisible(back)
        member = self.panel.member
        self.verify_action.setChecked(member is not None and member.verified == "verified")

    def popup(self) -> None:
        """F9: open the menu under the button (or say why there is nothing to act on)."""
        if not self.button.isEnabled():
            self._own_member()
            return
        self.button.showMenu()

    def _own_member(self) -> Member | None:
        """The member shown, if this station may change them; otherwise say why, plainly."""
        facts = self.panel.facts
        member = self.panel.member
        if facts is None or member is None:
            self.counter.say(self.tr("Find a member of this station first (scan the card or "
                                     "search by name, number or phone tail)."), "warn")
            self.counter.focus_check_in()
            return None
        if self.counter._refused_card_shown():
            return None
        if member.home_station != self.ctx.ledger.station_code:
            self._say_foreign(member.name, member.home_station)
            return None
        return member

    def _say_foreign(self, name: str, station: str) -> None:
        self.counter.say(self.tr(
            "%1 is a member of station %2. Only that station can change the profile, the "
            "real-name verification or the membership.").replace("%1", name)
            .replace("%2", station), "warn")
        self.counter.focus_check_in()

    def _failed(self, member: Member, exc: LedgerError) -> bool:
        if isinstance(exc, Refused) and exc.code == "foreign_entry":
            self._say_foreign(member.name, member.home_station)
        else:
            self.counter.say(self.ctx.message(exc), "warn")
            self.counter.focus_check_in()
        self.update_state()
        return False

    def _refresh(self) -> None:
        """The panel (and the member a visit would be recorded for) shows the new values."""
        counter = self.counter
        counter._wrote()
        self.panel.reload()
        facts = self.panel.facts
        if counter.armed is not None and facts is not None \
                and counter.armed.member_no == facts.check_in.member_no:
            counter.armed = facts.check_in

    # ---- the actions ----
    def edit_profile(self) -> bool:
        member = self._own_member()
        if member is None:
            return False
        from ..dialogs.member_edit import MemberEditDialog

        dialog = MemberEditDialog(self.ctx, member, self.counter)
        saved = self.counter.exec_dialog(dialog) and bool(dialog.saved)
        if saved:
            self._refresh()
            name = self.panel.member.name if self.panel.member else member.name
            self.counter.say(self.tr("Profile of %1 saved; the old values stay in the history.")
                             .replace("%1", name), "ok")
        self.counter.focus_check_in()
        return saved

    def toggle_verified(self) -> bool:
        member = self._own_member()
        if member is None:
            self.update_state()
            return False
        verified = member.verified == "verified"
        title = self.tr("Real-name verification")
        if verified:
            question = self.tr("Remove the real-name verification of %1 (%2)?")
        else:
            question = self.tr("Mark %1 (%2) as real-name verified?\n\nCompare the resident ID "
                               "card with the person and with the ID number on file first.")
        answer = QMessageBox.question(
            self.counter, title,
            question.replace("%1", member.name).replace("%2", member.member_no))
        self.counter.window().activateWindow()
        if answer != QMessageBox.StandardButton.Yes:
            self.update_state()
            self.counter.focus_check_in()
            return False
        try:
            members.verify_member(self.ctx.ledger, member.member_no, by=self.ctx.actor,
                                  verified=not verified)
        except LedgerError as exc:
            return self._failed(member, exc)
        self._refresh()
        done = (self.tr("%1 is no longer marked real-name verified.") if verified
                else self.tr("%1 is now real-name verified."))
        self.counter.say(done.replace("%1", member.name), "ok")
        self.counter.focus_check_in()
        return True

    def withdraw(self) -> bool:
        member = self._own_member()
        if member is None:
            return False
        from ..dialogs.reason import ReasonDialog

        dialog = ReasonDialog(self.tr("Withdraw from the union"), self.tr(
            "%1 (%2) leaves the union. The membership card can no longer be used; the "
            "member's history stays. Why does the member leave?")
            .replace("%1", member.name).replace("%2", member.member_no), self.counter)
        dialog.setObjectName("withdrawDialog")
        dialog.ok.setText(self.tr("&Withdraw"))
        if not self.counter.exec_dialog(dialog):
            self.counter.focus_check_in()
            return False
        try:
            members.withdraw_member(self.ctx.ledger, member.member_no, dialog.reason(),
                                    by=self.ctx.actor)
        except LedgerError as exc:
            return self._failed(member, exc)
        counter = self.counter
        counter._wrote()
        counter.pad.clear_selection()  # nothing may be recorded for a withdrawn member
        counter.choose_member(member.member_no)  # the panel shows the withdrawn status
        counter.say(self.tr("%1 has withdrawn from the union; the card can no longer be used.")
                    .replace("%1", member.name), "ok")
        return True

    def rejoin(self) -> bool:
        member = self._own_member()
        if member is None:
            return False
        from ..dialogs.rejoin import RejoinDialog

        dialog = RejoinDialog(self.ctx, member, self.counter)
        if not self.counter.exec_dialog(dialog) or not dialog.rejoined:
            self.counter.focus_check_in()
            return False
        counter = self.counter
        counter._wrote()
        counter.choose_member(member.member_no)  # the panel shows the member active again
        counter.say(self.tr("%1 has rejoined the union under member number %2; the card can "
                            "be used again.").replace("%1", member.name)
                    .replace("%2", member.member_no), "ok")
        counter.focus_check_in()
        return True
