"""Who is at the counter: the member's details, today's and this month's visits, benefits.

``print_card()`` is the hook the cards area calls into (and the counter's "Print card" action):
it hands the current member number to ``ctx.card_printer()`` when that is installed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...data import queries
from ...data.db import Ledger
from ...domain import catalogue, clock, statuses, worker_types
from ...domain import member_no as member_no_rules
from ...domain.errors import LedgerError, Refused
from ...services import checkin, members
from ..context import AppContext
from ..errors import render as render_error


@dataclass(frozen=True)
class MemberFacts:
    """Everything the panel shows, read in one go (cheap indexed queries)."""

    check_in: checkin.CheckIn
    visits_today: int
    visits_month: int
    programmes: list[str]
    campaign: queries.Campaign | None
    relief_in_campaign: int


def current_campaign(ledger: Ledger) -> queries.Campaign | None:
    """The campaign running today (starts/ends inclusive; empty bounds are open)."""
    today = clock.today().isoformat()
    for campaign in queries.campaigns(ledger):
        if (not campaign.starts or campaign.starts <= today) and (
                not campaign.ends or today <= campaign.ends):
            return campaign
    return None


def read_facts(ledger: Ledger, found: checkin.CheckIn) -> MemberFacts:
    today = clock.today().isoformat()
    month_start = clock.today().replace(day=1).isoformat()
    number = found.member_no
    campaign = current_campaign(ledger)
    relief = len(queries.relief_for(ledger, campaign.code, number)) if campaign else 0
    return MemberFacts(
        check_in=found,
        visits_today=queries.visits_count(ledger, number, today, today),
        visits_month=queries.visits_count(ledger, number, month_start, today),
        programmes=queries.member_enrolments(ledger, number),
        campaign=campaign,
        relief_in_campaign=relief,
    )


class MemberPanel(QFrame):
    """The member being served (or nothing); a banner says plainly when a card must not be used."""

    print_card_requested = Signal(str)
    # After the panel showed a member or was cleared (the member actions re-check themselves).
    shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("memberPanel")
        self.setAccessibleName(self.tr("Member being served"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(340)
        self.facts: MemberFacts | None = None
        # When the member shown was last served (a visit, relief, enrolment, profile change):
        # the counter then returns to "Next, please" by itself after a quiet minute.
        self.served_at: str | None = None
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("memberName")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        font = QFont(self.title.font())
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)  # names run to 30 characters: wrapped, never cut off
        layout.addWidget(self.title)
        self.served_note = QLabel()
        self.served_note.setObjectName("memberServed")
        self.served_note.setWordWrap(True)
        self.served_note.setStyleSheet(
            "QLabel{background:#e3f4e6;color:#1b6e2a;padding:6px;border-radius:4px}")
        self.served_note.hide()
        layout.addWidget(self.served_note)
        self.banner = QLabel()
        self.banner.setObjectName("memberBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout.addWidget(self.banner)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        rows = (
            ("member_no", self.tr("Member no.")),
            ("id_masked", self.tr("ID number")),
            ("worker_type", self.tr("Worker type")),
            ("employer", self.tr("Platform / employer")),
            ("home_station", self.tr("Home station")),
            ("status", self.tr("Status")),
            ("visits", self.tr("Visits")),
            ("programmes", self.tr("Programmes")),
            ("relief", self.tr("Relief")),
        )
        for key, label in rows:
            value = QLabel()
            value.setObjectName(f"member_{key}")
            # No word wrap: a wrapped label in a form row gets one line's height and the
            # rest of the text is cut off.
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = QLabel(label)
            caption.setBuddy(value)
            form.addRow(caption, value)
            self.fields[key] = value
        layout.addLayout(form)
        layout.addStretch(1)
        self.actions_row = QHBoxLayout()
        layout.addLayout(self.actions_row)
        self.print_button: QPushButton | None = None
        self.reissue_button: QPushButton | None = None
        if ctx.has_card_printer():
            self.print_button = self.add_member_action(self.tr("Print card"), self.print_card,
                                                       "printCardButton")
            # cards area (issue 4): reissue after loss; the sentence is in cards_zh_CN.ts
            self.reissue_button = self.add_member_action(self.tr("Reissue card"),
                                                         self.reissue_card, "reissueCardButton")
        self.clear()

    # ---- what others plug in ----
    def add_member_action(self, text: str, callback: Callable[[], object],
                          object_name: str = "") -> QPushButton:
        """A button under the details that acts on the member shown (disabled when none)."""
        button = QPushButton(text)
        if object_name:
            button.setObjectName(object_name)
        button.clicked.connect(callback)
        button.setEnabled(self.member_no is not None)
        self.actions_row.addWidget(button)
        return button

    def print_card(self) -> bool:
        """Print (or reprint) the card of the member shown, through the cards area's dialog.

        Returns False when there is no member or card printing is not installed.
        """
        number = self.member_no
        printer = self.ctx.card_printer()
        if number is None or printer is None or self._refuse_card(self.tr("Print card")):
            return False
        self.print_card_requested.emit(number)
        printer(self.window(), self.ctx, number)
        return True

    def reissue_card(self) -> bool:
        """Reissue the shown member's card after loss (cards area dialog), then offer printing."""
        from ..cards_print import reissue_member_card

        number = self.member_no
        if number is None or self._refuse_card(self.tr("Reissue card")):
            return False
        return reissue_member_card(self.window(), self.ctx, number)

    def _refuse_card(self, title: str) -> bool:
        """Ctrl+P acts even while the button is greyed out: say why instead (a forged card
        must not get the real member's card printed)."""
        why = self._card_refusal()
        if why:
            QMessageBox.warning(self.window(), title, why)
        return bool(why)

    # ---- state ----
    @property
    def member_no(self) -> str | None:
        return self.facts.check_in.member_no if self.facts else None

    @property
    def member(self) -> queries.Member | None:
        return self.facts.check_in.member if self.facts else None

    @property
    def served(self) -> bool:
        return self.facts is not None and self.served_at is not None

    def mark_served(self, at: str, idle_seconds: int) -> None:
        """Say plainly that the member shown has been served and is only kept for a moment:
        F5/F6/F7/F9 still act on them, but the next person needs Esc or their own card."""
        if self.facts is None:
            return
        self.served_at = at
        self.served_note.setText(self.tr(
            "✓ Served at %1. F5, F6, F7 and F9 still act on this member. For the next person "
            "press Esc or scan their card (cleared by itself after %2 s without input).")
            .replace("%1", at).replace("%2", str(idle_seconds)))
        self.served_note.show()
        self.shown.emit()

    def _clear_served(self) -> None:
        self.served_at = None
        self.served_note.hide()
        self.served_note.clear()

    def clear(self) -> None:
        self.facts = None
        self._clear_served()
        self.title.setText(self.tr("Next, please"))
        self.banner.hide()
        for value in self.fields.values():
            value.setText("—")
        self._enable_actions(False)
        self.shown.emit()

    def _enable_actions(self, on: bool) -> None:
        for i in range(self.actions_row.count()):
            item = self.actions_row.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setEnabled(on)
        self._enable_card_buttons(on)

    def _card_refusal(self) -> str:
        """Why this station cannot print or reissue the card of the member shown (the sentence
        the cards service would refuse with), or "" when it can."""
        if self.facts is None:
            return ""
        found = self.facts.check_in
        # A card that proves nothing: not the person's card to print or replace (the member
        # can still be found by name, and their own card printed).
        if found.status in (checkin.FORGED, checkin.REPLACED_CARD, checkin.NOT_HERE):
            return render_error(Refused(f"scan.{found.status}", member_no=found.member_no),
                                self.ctx.lang)
        station = self.ctx.ledger.station_code
        member = found.member
        if member is None or member.home_station != station or member.origin != "local":
            home = (member.home_station if member is not None
                    else member_no_rules.station_of(found.member_no))
            return render_error(Refused("card.not_home_station", member_no=found.member_no,
                                        home=home, station=station), self.ctx.lang)
        if member.status != "active":
            return render_error(Refused(f"card.member_inactive.{member.status}",
                                        member_no=member.member_no, status=member.status),
                                self.ctx.lang)
        return ""

    def _enable_card_buttons(self, on: bool) -> None:
        """Print and Reissue are greyed out, with the reason as their tooltip, for a card the
        cards service would refuse (forged or replaced card, another station's member, a
        member who left): pressing them only led to a refusal."""
        why = self._card_refusal() if on else ""
        for button in (self.print_button, self.reissue_button):
            if button is not None:
                button.setEnabled(on and not why)
                button.setToolTip(why)

    def reload(self) -> None:
        """Re-read the member, their status and counts after the ledger changed (a visit, a
        voided withdrawal): the panel never keeps a status the ledger no longer has."""
        if self.facts is None:
            return
        self.show_check_in(checkin.refresh(self.ctx.ledger, self.facts.check_in))

    def show_check_in(self, found: checkin.CheckIn) -> None:
        """Show ``found``; the "served" note stays only while the same member is shown."""
        if self.member_no != found.member_no:
            self._clear_served()
        self.facts = read_facts(self.ctx.ledger, found)
        member = found.member
        lang = self.ctx.lang
        station = self.ctx.ledger.setting("station.code")
        f = self.fields
        f["member_no"].setText(found.member_no)
        if member is None:
            self.title.setText(self.tr("Member %1").replace("%1", found.member_no))
            for key in ("id_masked", "worker_type", "employer", "programmes"):
                f[key].setText("—")
            f["home_station"].setText(member_no_rules.station_of(found.member_no))
        else:
            self.title.setText(member.name)
            f["id_masked"].setText(member.id_masked or "—")
            f["worker_type"].setText(worker_types.label(member.worker_type, lang))
            f["employer"].setText(member.employer or "—")
            home = member.home_station
            if home != station or member.origin != "local":
                home = self.tr("%1 (another station)").replace("%1", home)
            f["home_station"].setText(home)
            names = []
            for code in self.facts.programmes:
                try:
                    names.append(catalogue.programme(code).text(lang))
                except LedgerError:
                    names.append(code)
            f["programmes"].setText(", ".join(names) if names else self.tr("none"))
        f["status"].setText(self._status_text(found))
        f["visits"].setText(self.tr("today %1 · this month %2")
                            .replace("%1", str(self.facts.visits_today))
                            .replace("%2", str(self.facts.visits_month)))
        campaign = self.facts.campaign
        if campaign is None:
            f["relief"].setText(self.tr("no campaign running"))
        elif self.facts.relief_in_campaign:
            f["relief"].setText(self.tr("%1: received").replace("%1", campaign.name))
        else:
            f["relief"].setText(self.tr("%1: not yet").replace("%1", campaign.name))
        self._show_banner(found)
        self._enable_actions(True)
        self.shown.emit()

    def _status_text(self, found: checkin.CheckIn) -> str:
        member = found.member
        if member is None and found.status == checkin.NOT_HERE:
            return self.tr("not in this station's ledger")
        if member is None:
            return self.tr("not known at this station (can be served)")
        # The same words as the command line and the members list (domain.statuses).
        text = statuses.label(member.status, self.ctx.lang)
        if found.status == checkin.REPLACED_CARD:
            text += " · " + self.tr("card replaced")
        if member.verified == "verified":
            text += " · " + self.tr("real-name verified")
        return text

    def _show_banner(self, found: checkin.CheckIn) -> None:
        if found.status in (checkin.FORGED, checkin.REPLACED_CARD, checkin.WITHDRAWN,
                            checkin.TRANSFERRED_OUT, checkin.NOT_HERE):
            text = render_error(Refused(f"scan.{found.status}", member_no=found.member_no),
                                self.ctx.lang)
            if found.status == checkin.WITHDRAWN and found.member is not None \
                    and members.can_rejoin(self.ctx.ledger, found.member):
                text += self.tr(". To take them back: Member (F9) → Rejoin the union.")
            self.banner.setText(text)
            self.banner.setProperty("severity", "stop")
        elif found.status == checkin.ISSUER_UNKNOWN:
            self.banner.setText(self.tr(
                "This card's station is not known here, so its signature could not be "
                "checked. The member can still be served."))
            self.banner.setProperty("severity", "note")
        elif found.status == checkin.UNKNOWN_MEMBER:
            self.banner.setText(self.tr(
                "Member %1 is not in this ledger yet (another station's member). "
                "The visit is recorded by member number.").replace("%1", found.member_no))
            self.banner.setProperty("severity", "note")
        else:
            self.banner.hide()
            return
        self.banner.setStyleSheet(
            "QLabel{background:#fdecea;color:#8a1c12;padding:6px;border-radius:4px}"
            if self.banner.property("severity") == "stop"
            else "QLabel{background:#fff6e0;color:#6b4b00;padding:6px;border-radius:4px}")
        self.banner.show()
