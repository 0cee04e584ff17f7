"""The counter: check-in bar, member panel, service pad and today's ledger in one page.

The keyboard flow an attendant repeats all day:

    scan (or type + Enter)  ->  member shown, focus on the service pad
    1..9 / 0                 ->  toggle services          (or click the buttons)
    Enter                    ->  visit recorded, focus back in the check-in bar

so a visit takes at most two actions after a scan. Everything writes through
``station_app.services`` on the UI thread's ledger connection (each write is one short
transaction; the benchmarks measure it).

``CounterPage`` coordinates; its parts are in ``counter_scans`` (cards from the scan router),
``counter_served`` (the "served" mark and its idle timer) and ``counter_today`` (today's ledger).
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..data import queries
from ..domain import clock
from ..domain.errors import InvalidInput, LedgerError
from ..services import checkin, visits
from .context import AppContext
from .counter_scans import CounterScans
from .counter_served import ServedWatch
from .counter_today import TodayLedger
from .widgets.buttons import counter_button
from .widgets.check_in import CheckInBar
from .widgets.member_actions import MemberActions
from .widgets.member_panel import MemberPanel
from .widgets.service_pad import ServicePad


def build_counter_page(ctx: AppContext) -> CounterPage:
    return CounterPage(ctx)


class CounterPage(QWidget):
    """The attendant's page. ``armed`` is the member a visit would be recorded for."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("counterPage")
        self.setWindowTitle(self.tr("Counter"))
        self.armed: checkin.CheckIn | None = None
        self._pad_is_home = False  # see _home()
        self._actions: dict[str, QAction] = {}
        self._services_shown: list[queries.ServiceRow] = []
        self._build()
        self._make_actions()
        self._set_tab_order()
        # The member served stays for F5/F6/F7/F9 until Esc, the next card or a while idle.
        self.served_watch = ServedWatch(self.member_panel, self.reset, self)
        ctx.ledger_changed.connect(self._ledger_changed)
        self.scans = CounterScans(self)  # cards from ui/scan_router.py
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.reload_services()
        self._day_timer = QTimer(self)  # after midnight "today" is a new day
        self._day_timer.setInterval(60_000)
        self._day_timer.timeout.connect(self._check_new_day)
        self._day_timer.start()

    # ---- served: the last person stays only for a moment (counter_served.py) ----
    @property
    def served_timer(self) -> QTimer:
        return self.served_watch.timer

    @property
    def served_seconds(self) -> int:
        return self.served_watch.seconds

    # ---- layout ----
    def _build(self) -> None:
        self.check_in = CheckInBar(lambda text: queries.search_members(self.ctx.ledger, text),
                                   self.ctx.lang, self)
        self.check_in.submitted.connect(self.resolve_text)
        self.check_in.member_chosen.connect(self.choose_member)
        self.check_in.empty_enter.connect(self._empty_enter)
        self.check_in.escaped.connect(self.reset)
        self.check_in.matches_changed.connect(self._matches_changed)

        self.sign_up_button = counter_button("signUpButton", self.tr("Sign up (F4)"),
                                             self.open_sign_up)
        top = QHBoxLayout()
        top.addWidget(self.check_in, 1)
        top.addWidget(self.sign_up_button, 0, Qt.AlignmentFlag.AlignTop)

        self.message = QLabel()
        self.message.setObjectName("counterMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Counter messages"))
        self.message.setMinimumHeight(24)

        self.member_panel = MemberPanel(self.ctx, self)
        # "Member (F9)": edit the profile, real-name verification, withdrawal
        self.member_actions = MemberActions(self)
        self.relief_button = counter_button("reliefButton", self.tr("Relief (F5)"),
                                            self.open_relief)
        self.programme_button = counter_button("programmeButton", self.tr("Programme (F6)"),
                                               self.open_programme)
        self.transfer_button = counter_button("transferButton", self.tr("Transfer (F7)"),
                                              self.open_transfer)
        member_actions = QHBoxLayout()
        for button in (self.relief_button, self.programme_button, self.transfer_button):
            member_actions.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.member_panel, 1)
        left.addLayout(member_actions)

        self.pad = ServicePad(self)
        self.pad.record_requested.connect(self.record_visit)
        self.pad.escaped.connect(self.reset)
        self.pad.redirect_text.connect(self._redirect_text)
        self.pad.selection_changed.connect(self._selection_changed)
        self.record_button = counter_button("recordVisitButton", self.tr("Record visit (Enter)"),
                                            self.record_visit)
        self.record_button.setMinimumHeight(48)
        self.walk_in_button = counter_button("walkInButton", self.tr("Walk-in (F3)"),
                                             self.walk_in)
        self.walk_in_button.setMinimumHeight(48)
        pad_buttons = QHBoxLayout()
        pad_buttons.addWidget(self.walk_in_button)
        pad_buttons.addWidget(self.record_button, 1)
        right = QVBoxLayout()
        right.addWidget(self.pad, 1)
        right.addLayout(pad_buttons)

        middle = QHBoxLayout()
        middle.addLayout(left, 2)
        middle.addLayout(right, 3)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.message)
        upper_layout.addLayout(middle, 1)

        self.today_ledger = TodayLedger(self)
        self.today_model = self.today_ledger.model
        self.table = self.today_ledger.table
        self.void_button = self.today_ledger.void_button
        self.correct_button = self.today_ledger.correct_button
        self.today_label = self.today_ledger.count_label

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.today_ledger)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._selection_changed()
        self._enable_member_actions()

    def _make_actions(self) -> None:
        shortcuts = (
            ("focusCheckIn", ("F2", "Ctrl+F"), self.focus_check_in),
            ("walkIn", ("F3",), self.walk_in),
            ("signUp", ("F4", "Ctrl+N"), self.open_sign_up),
            ("relief", ("F5",), self.open_relief),
            ("programme", ("F6",), self.open_programme),
            ("transfer", ("F7",), self.open_transfer),
            ("record", ("Ctrl+Return", "Ctrl+Enter"), self.record_visit),
            ("void", ("Del", "Ctrl+D"), self.void_selected),
            ("correct", ("Ctrl+E",), self.correct_selected),
            ("table", ("F8",), self.focus_table),
            ("printCard", ("Ctrl+P",), self.member_panel.print_card),
            ("memberMenu", ("F9",), self.member_actions.popup),
        )
        for name, keys, slot in shortcuts:
            action = QAction(self)
            action.setObjectName(f"action_{name}")
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self._actions[name] = action
        # Delete voids only from the table; in the check-in bar it deletes text.
        self._actions["void"].setShortcuts([QKeySequence("Ctrl+D")])
        table_void = QAction(self.table)
        table_void.setShortcut(QKeySequence("Del"))
        table_void.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        table_void.triggered.connect(self.void_selected)
        self.table.addAction(table_void)
        # Ctrl+1..9 pick services from anywhere on the page (walk-ins: no scan before).
        for n in range(10):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{(n + 1) % 10}"))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, i=n: self.pad.toggle_index(i))
            self.addAction(action)

    def _set_tab_order(self) -> None:
        order = [self.check_in.input, self.sign_up_button, self.pad, self.record_button,
                 self.walk_in_button, self.relief_button, self.programme_button,
                 self.transfer_button, self.table, self.correct_button, self.void_button]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def shortcuts_help(self) -> str:
        rows = (
            ("F2", self.tr("Check-in bar")), ("Enter", self.tr("Find member / record visit")),
            ("1 … 9, 0", self.tr("Pick services after a scan")),
            ("Ctrl+1 … Ctrl+0", self.tr("Pick services at any time")),
            ("Esc", self.tr("Next person (clear). After a visit or another action the member "
                            "stays marked “served” for F5/F6/F7/F9 until Esc, the next card or "
                            "%1 s without input").replace("%1", str(self.served_seconds))),
            ("F3", self.tr("Walk-in visit")),
            ("F4", self.tr("Sign up a member")), ("F5", self.tr("Relief handout")),
            ("F6", self.tr("Programme enrolment")), ("F7", self.tr("Membership transfer")),
            ("F8", self.tr("Today's ledger")), ("Del / Ctrl+D", self.tr("Void the selected entry")),
            ("Ctrl+E", self.tr("Correct the selected entry")),
            ("F9", self.tr("Member: edit profile, real-name verification, withdrawal, "
                           "rejoin")),
            ("Ctrl+P", self.tr("Print the member's card")), ("Ctrl+,", self.tr("Settings")),
            ("Ctrl+L", self.tr("Lock the screen (another attendant signs in)")),
            ("Ctrl+Shift+P", self.tr("Change my PIN")),
            ("Ctrl+Shift+K", self.tr("Self-service mode (station admin)")),
            ("Alt+1 …", self.tr("Switch tabs")),
        )
        body = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
        return f"<table>{body}</table>"

    # ---- focus: the check-in bar whenever nothing else holds it ----
    def focus_check_in(self) -> None:
        self._pad_is_home = False
        self.check_in.input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.check_in.input.selectAll()
        # After a modal dialog Qt restores the old focus once the event loop runs: win after it.
        QTimer.singleShot(0, self, self._focus_home_later)

    def focus_pad(self) -> None:
        """A member is ready for services: the number keys belong to the pad, also after a
        dialog closed just before (a card held during it, a sign-up)."""
        self._pad_is_home = True
        self.pad.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self, self._focus_home_later)

    def _home(self) -> QWidget:
        """Where the keyboard belongs: the pad while a member waits for services, else the
        check-in bar. The last of ``focus_check_in`` / ``focus_pad`` decides."""
        return self.pad if self._pad_is_home and self.armed is not None else self.check_in.input

    def _focus_home_later(self) -> None:
        if self.isVisible() and QApplication.activeModalWidget() is None:
            self._home().setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if now is None or now is self.window() or now is self:
            QTimer.singleShot(0, self, self._refocus_if_idle)

    def _refocus_if_idle(self) -> None:
        if not self.isVisible() or QApplication.activeModalWidget() is not None:
            return
        focus = QApplication.focusWidget()
        if focus is None or focus is self.window() or focus is self:
            if self._home() is self.pad:
                self.focus_pad()
            else:
                self.focus_check_in()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self.focus_check_in)

    # ---- check-in ----
    def say(self, text: str, kind: str = "info") -> None:
        colours = {"info": "#1d4f91", "ok": "#1b6e2a", "warn": "#8a1c12"}
        self.message.setStyleSheet(f"QLabel{{color:{colours.get(kind, '#000')}}}")
        self.message.setText(text)
        self.message.setProperty("kind", kind)

    def resolve_text(self, text: str) -> None:
        """Enter in the check-in bar: a card scan or typed member number, else a search."""
        result = checkin.try_resolve(self.ctx.ledger, text)
        if isinstance(result, checkin.CheckIn):
            self.show_check_in(result)
            return
        if (isinstance(result, InvalidInput) and result.field == "scan"
                and not checkin.needs_rescan(result, text)):  # cards area: cut-off scans
            found = self.check_in.search_now()
            if len(found) == 1:
                self.choose_member(found[0].member_no)
            elif found:
                self.check_in.navigate_matches()
                self.say(self.tr("%n members match. Pick one with ↑ ↓ and Enter.", "",
                                 len(found)))
            else:
                self.say(self.tr("Nothing found for “%1”. Check the number, or search by name, "
                                 "pinyin or phone tail.").replace("%1", text[:40]), "warn")
                self.check_in.input.selectAll()
            return
        self.say(self.ctx.message(result), "warn")
        self.check_in.input.selectAll()

    def receive_scan(self, text: str) -> None:
        """A scanner burst (card text without its Enter), see ``counter_scans``."""
        self.scans.receive(text)

    def choose_member(self, number: str) -> None:
        result = checkin.try_resolve(self.ctx.ledger, number)
        if isinstance(result, LedgerError):
            self.say(self.ctx.message(result), "warn")
            return
        self.show_check_in(result)

    def show_check_in(self, found: checkin.CheckIn) -> None:
        previous = self.armed
        if previous is not None and previous.member_no != found.member_no:
            # Services picked for the last person must never slip onto the next one.
            self.pad.clear_selection()
        self.check_in.clear()
        self.member_panel.show_check_in(found)
        self._enable_member_actions()
        if found.can_serve:
            self.armed = found
            self.focus_pad()
            name = found.member.name if found.member else found.member_no
            self.say(self.tr("%1: pick services with the number keys, then press Enter.")
                     .replace("%1", name))
        else:
            self.armed = None
            self.say(self.member_panel.banner.text(), "warn")
            self.focus_check_in()
        self._selection_changed()

    def held(self) -> tuple[Any, list[str], str | None, bool] | None:
        """The person at the counter as found (by card or by name), the services picked, when
        they were served, and whether a visit was being recorded for them: what the page
        rebuilt in another language shows again (``hold``)."""
        facts = self.member_panel.facts
        if facts is None or (self.armed is None and not self.member_panel.served):
            return None  # nobody, or a card that must not be used (scanned again if need be)
        return (facts.check_in, self.pad.selected(), self.member_panel.served_at,
                self.armed is not None)

    def hold(self, held: tuple[Any, list[str], str | None, bool]) -> None:
        found, services, served_at, armed = held
        self.show_check_in(found)
        if not armed:
            # Served already: F5-F9 act on them, but Enter must not record another visit.
            self.armed = None
            self.pad.clear_selection()
        for code in services:
            button = self.pad.buttons.get(code)
            if button is not None:
                button.setChecked(True)
        if served_at is not None:
            self.member_panel.mark_served(served_at, self.served_seconds)
        self._selection_changed()

    def reset(self) -> None:
        """Esc: forget the member and the chosen services; ready for the next person."""
        self.armed = None
        self.pad.clear_selection()
        self.member_panel.clear()
        self._enable_member_actions()
        self.say("")
        self.focus_check_in()

    def _redirect_text(self, text: str) -> None:
        self._pad_is_home = False
        self.check_in.input.setFocus()
        self.check_in.input.setText(text)

    def _empty_enter(self) -> None:
        if self.armed is not None and self.pad.selected():
            self.record_visit()

    def _matches_changed(self, count: int) -> None:
        if count and self.check_in.input.text().strip():
            self.say(self.tr("%n matching members (↑ ↓ to choose, Enter to pick)", "", count))

    def _selection_changed(self) -> None:
        chosen = bool(self.pad.selected())
        self.record_button.setEnabled(chosen and self.armed is not None)
        self.walk_in_button.setEnabled(True)

    def _enable_member_actions(self) -> None:
        # Relief also goes to walk-ins and a transfer in needs nobody shown; programmes need
        # a member known here.
        refused = self._card_refused()
        self.programme_button.setEnabled(self.member_panel.member is not None and not refused)
        self.relief_button.setEnabled(not refused)
        self.transfer_button.setEnabled(not refused)

    # ---- recording ----
    def record_visit(self) -> bool:
        """Record one visit for the member shown with the services picked (Enter)."""
        if self.armed is None:
            self.say(self.tr("Scan a card or find a member first, or press Walk-in (F3)."),
                     "warn")
            self.focus_check_in()
            return False
        chosen = self.pad.selected()
        if not chosen:
            self.say(self.tr("Pick at least one service (number keys 1–9)."), "warn")
            self.pad.setFocus()
            return False
        found = self.armed
        try:
            visits.record_visit(self.ctx.ledger, chosen, by=self.ctx.actor,
                                member=found.member_no,
                                card_serial=found.card_serial if found.scanned else None)
        except LedgerError as exc:
            self.say(self.ctx.message(exc), "warn")
            return False
        name = found.member.name if found.member else found.member_no
        self._recorded(name, chosen)  # (the panel re-reads the member as the ledger changed)
        return True

    def walk_in(self) -> bool:
        """A visit by worker type alone (F3); foreign drivers also give document and country."""
        chosen = self.pad.selected()
        if not chosen:
            self.say(self.tr("Pick the services first (click them or Ctrl+1…9), "
                             "then press Walk-in."), "warn")
            return False
        from .dialogs.walk_in import WalkInDialog

        dialog = WalkInDialog(self.ctx, chosen, self)
        if not self.exec_dialog(dialog) or dialog.result_walk_in is None:
            self.focus_check_in()
            self.scans.deliver_held()  # a card scanned while the dialog was open: a member
            return False
        try:
            visits.record_visit(self.ctx.ledger, chosen, by=self.ctx.actor,
                                walk_in=dialog.result_walk_in)
        except LedgerError as exc:
            self.say(self.ctx.message(exc), "warn")
            return False
        self.armed = None
        self.member_panel.clear()
        self._recorded(self.tr("Walk-in"), chosen)
        return True

    def _recorded(self, who: str, chosen: list[str]) -> None:
        names = {s.code: s.text(self.ctx.lang) for s in queries.services(self.ctx.ledger)}
        joiner = ", " if self.ctx.lang == "en" else "、"
        self.say(self.tr("Recorded: %1 — %2").replace("%1", who)
                 .replace("%2", joiner.join(names.get(c, c) for c in chosen)), "ok")
        self.pad.clear_selection()
        self.armed = None
        self._selection_changed()
        self._wrote()
        self.check_in.clear()
        self.focus_check_in()

    # ---- after a write the counter follows the ledger ----
    def _wrote(self, served: bool = True) -> None:
        """After the counter wrote: its own views at once, the other pages when it is quiet.

        A write for the member shown (visit, relief, enrolment, transfer, F9 actions) marks
        them served; voids and corrections act on a table row, not on the person here."""
        self._ledger_changed()
        self.ctx.changed_soon()
        if served and self.member_panel.facts is not None:
            self.member_panel.mark_served(clock.now().strftime("%H:%M"), self.served_seconds)

    def _ledger_changed(self) -> None:
        self.today_ledger.refresh()
        self.reload_services()
        self._reload_member()

    def _reload_member(self) -> None:
        """The member shown follows the ledger (a voided withdrawal, a transfer elsewhere):
        the panel and what a visit would be recorded for never keep a stale status."""
        panel = self.member_panel
        if panel.facts is None:
            return
        panel.reload()
        facts = panel.facts
        if self.armed is not None and facts is not None \
                and self.armed.member_no == facts.check_in.member_no:
            if facts.check_in.can_serve:
                self.armed = facts.check_in
            else:
                self.armed = None
                self.pad.clear_selection()
                self._selection_changed()
        self._enable_member_actions()

    def reload_services(self) -> None:
        """Rebuild the service buttons only when the catalogue itself changed."""
        services = queries.services(self.ctx.ledger, active_only=True)
        if services != self._services_shown:
            self._services_shown = services
            self.pad.set_services(services, self.ctx.lang)

    # ---- today's ledger (counter_today.py) ----
    def focus_table(self) -> None:
        self.today_ledger.focus_table()

    def void_selected(self) -> bool:
        return self.today_ledger.void_selected()

    def correct_selected(self) -> bool:
        return self.today_ledger.correct_selected()

    def _check_new_day(self) -> None:
        if clock.today() != self.today_model.day:
            self._ledger_changed()

    # ---- dialogs ----
    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a modal dialog; afterwards the main window is active again (some platforms
        leave the closed dialog "active") and the dialog is released."""
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.hide()
        dialog.deleteLater()
        self.window().activateWindow()
        return accepted

    def _after_dialog(self) -> None:
        self.member_panel.reload()
        self.focus_check_in()

    def open_sign_up(self) -> None:
        from .dialogs.sign_up import SignUpDialog

        dialog = SignUpDialog(self.ctx, self)
        self.exec_dialog(dialog)
        if dialog.member_no:
            self._wrote()
            self.choose_member(dialog.member_no)
        elif dialog.existing_member_no:
            self.choose_member(dialog.existing_member_no)
        else:
            self.focus_check_in()

    def _card_refused(self) -> bool:
        """The panel shows a card that proves nothing (forged, replaced, a number this ledger
        does not hold). A withdrawn or transferred member found by name is not: the services
        refuse what does not apply to them, and a transfer in stays possible."""
        facts = self.member_panel.facts
        return facts is not None and facts.check_in.status in (
            checkin.FORGED, checkin.REPLACED_CARD, checkin.NOT_HERE)

    def _refused_card_shown(self) -> bool:
        """A replaced or forged card is on the panel: relief, programmes and transfers must not
        go to it (the member is found by name, or Esc for the next)."""
        if not self._card_refused():
            return False
        self.say(self.tr("The card shown cannot be used. Find the member by name or number, "
                         "or press Esc for the next person."), "warn")
        self.focus_check_in()
        return True

    def open_relief(self) -> None:
        if self._refused_card_shown():
            return
        from .dialogs.relief import ReliefDialog

        dialog = ReliefDialog(self.ctx, self.member_panel.member_no, self)
        if self.exec_dialog(dialog):
            self._wrote()
            self.say(self.tr("Relief recorded."), "ok")
        self._after_dialog()

    def open_programme(self) -> None:
        if self._refused_card_shown():
            return
        member = self.member_panel.member
        if member is None:
            self.say(self.tr("Find the member first: programmes are for members."), "warn")
            return
        from .dialogs.programme import ProgrammeDialog

        dialog = ProgrammeDialog(self.ctx, member, self)
        if self.exec_dialog(dialog):
            self._wrote()
            self.say(self.tr("Enrolment recorded."), "ok")
        self._after_dialog()

    def open_transfer(self) -> None:
        if self._refused_card_shown():
            return
        from .dialogs.transfer import TransferDialog

        dialog = TransferDialog(self.ctx, self.member_panel.member, self)
        if self.exec_dialog(dialog):
            self._wrote()
            self.say(self.tr("Transfer recorded."), "ok")
            if dialog.member_no:
                self.choose_member(dialog.member_no)
                return
        self._after_dialog()
