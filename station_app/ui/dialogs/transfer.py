"""Membership transfer (会籍转接): out to another union, or in from one (a new number here)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...data.queries import Member
from ...domain.errors import DuplicateMember, InvalidInput, LedgerError
from ...services import members
from ..context import AppContext
from . import TypedDialog, error_label, submit_buttons
from .sign_up import ConsentBox, SignUpForm


class TransferDialog(TypedDialog):
    """Two tabs; "out" needs the member shown at the counter. ``member_no`` is set after "in"."""

    def __init__(self, ctx: AppContext, member: Member | None, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member = member
        self.member_no: str | None = None
        self.setObjectName("transferDialog")
        self.setWindowTitle(self.tr("Membership transfer"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("transferTabs")
        layout.addWidget(self.tabs)

        out_page = QWidget()
        out_form = QFormLayout(out_page)
        who = (f"{member.name} · {member.member_no}" if member is not None
               else self.tr("Find the member at the counter first."))
        out_form.addRow(self.tr("Member"), QLabel(who))
        self.other_out = QLineEdit()
        self.other_out.setObjectName("otherUnionOut")
        self.other_out.setAccessibleName(self.tr("Union the member moves to"))
        out_form.addRow(self.tr("&Moves to union"), self.other_out)
        self.reason_out = QLineEdit()
        self.reason_out.setObjectName("transferReason")
        self.reason_out.setAccessibleName(self.tr("Reason"))
        out_form.addRow(self.tr("Rea&son"), self.reason_out)
        # Alt+R is "Record transfer" (both tabs); Alt+I is the ID number on the "in" tab.
        self.tabs.addTab(out_page, self.tr("Transfer &out"))
        if member is None or member.status != "active":
            out_page.setEnabled(False)

        in_page = QWidget()
        in_layout = QVBoxLayout(in_page)
        in_form = QFormLayout()
        self.other_in = QLineEdit()
        self.other_in.setObjectName("otherUnionIn")
        self.other_in.setAccessibleName(self.tr("Union the member comes from"))
        in_form.addRow(self.tr("&Comes from union"), self.other_in)
        in_layout.addLayout(in_form)
        self.person = SignUpForm(ctx, in_page)
        in_layout.addWidget(self.person)
        self.consent = ConsentBox(ctx, in_page)
        in_layout.addWidget(self.consent)
        self.tabs.addTab(in_page, self.tr("Transf&er in"))
        if member is None or member.status != "active":
            self.tabs.setCurrentIndex(1)

        self.error = error_label("transferError")
        layout.addWidget(self.error)
        buttons, self.submit = submit_buttons(
            self, self.tr("&Record transfer"), "transferSubmit", self.try_transfer)
        layout.addWidget(buttons)
        self.setMinimumWidth(540)
        self.remember_typed()

    def _fail(self, exc: LedgerError) -> bool:
        self.error.setText(self.ctx.message(exc))
        self.error.show()
        return False

    def try_transfer(self) -> bool:
        self.error.hide()
        try:
            if self.tabs.currentIndex() == 0:
                if self.member is None:
                    return self._fail(InvalidInput("member_no", "required"))
                members.transfer_out(self.ctx.ledger, self.member.member_no,
                                     self.other_out.text(), self.reason_out.text(),
                                     by=self.ctx.actor)
            else:
                valid = self.person.check_all()
                if not self.consent.check.isChecked():
                    self.consent.error.setText(
                        self.ctx.message(InvalidInput("consent", "not_given")))
                    self.consent.error.show()
                    valid = False
                if not valid:
                    return False
                member = members.transfer_in(self.ctx.ledger, self.person.value(),
                                             self.other_in.text(), by=self.ctx.actor)
                self.member_no = member.member_no
        except DuplicateMember as exc:
            return self._fail(exc)
        except LedgerError as exc:
            if not self.person.show_error(exc):
                self._fail(exc)
            return False
        self.accept()
        return True
