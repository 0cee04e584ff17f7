"""Rejoin the union (重新入会): a member who withdrew comes back under the same number and card.

Opened from the sign-up dialog (the ID number belongs to a member who withdrew here) and from
the counter's Member (F9) menu. The member gives consent again; the mobile, worker type and
employer can be brought up to date in the same step. One ``members.rejoin_member`` call.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ...data.queries import Member
from ...domain import phone, worker_types
from ...domain.errors import InvalidInput, LedgerError
from ...services import members
from ..context import AppContext
from . import TypedDialog, error_label, field_row, grow_to_fit, show_field_error, submit_buttons
from .sign_up import EMPLOYERS, ConsentBox


class RejoinDialog(TypedDialog):
    """Prefilled with the member's values (or the ones the sign-up form already holds);
    ``rejoined`` is True once the entry is written."""

    def __init__(self, ctx: AppContext, member: Member, parent: QWidget | None = None, *,
                 mobile: str | None = None, worker_type: str | None = None,
                 employer: str | None = None, consent_given: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member = member
        self.rejoined = False
        self.setObjectName("rejoinDialog")
        self.setWindowTitle(self.tr("Rejoin the union"))
        layout = QVBoxLayout(self)
        who = QLabel(self.tr(
            "%1 (member %2) withdrew from the union and joins again under the same member "
            "number. The membership card can be used again.")
            .replace("%1", member.name).replace("%2", member.member_no))
        who.setObjectName("rejoinWho")
        who.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        who.setWordWrap(True)
        layout.addWidget(who)
        form = QFormLayout()
        self.phone, self.phone_error = field_row(form, "phone", self.tr("&Mobile"), 16,
                                                 mobile or member.phone)
        self.worker = QComboBox()
        self.worker.setObjectName("workerTypeInput")
        self.worker.setAccessibleName(self.tr("Worker type"))
        for label in worker_types.WORKER_TYPES:
            self.worker.addItem(label.text(ctx.lang), label.code)
        self.worker.setCurrentIndex(max(self.worker.findData(worker_type or member.worker_type),
                                        0))
        form.addRow(self.tr("&Worker type"), self.worker)
        self.employer = QComboBox()
        self.employer.setObjectName("employerInput")
        self.employer.setAccessibleName(self.tr("Platform / employer"))
        self.employer.setEditable(True)
        self.employer.addItems(["", *EMPLOYERS])
        self.employer.setCurrentText(member.employer if employer is None else employer)
        form.addRow(self.tr("&Platform / employer"), self.employer)
        layout.addLayout(form)
        self.consent = ConsentBox(ctx, self)
        self.consent.check.setChecked(consent_given)
        layout.addWidget(self.consent)
        self.error = error_label("rejoinError")
        layout.addWidget(self.error)
        self.buttons, self.submit = submit_buttons(
            self, self.tr("Re&join"), "rejoinSubmit", self.try_rejoin)
        layout.addWidget(self.buttons)
        self.phone.textChanged.connect(lambda _t: self._phone_error(""))
        self.consent.check.setFocus()
        self.setMinimumWidth(480)
        self.remember_typed()

    def _phone_error(self, text: str) -> None:
        show_field_error(self.phone_error, self.phone, text)

    def try_rejoin(self) -> bool:
        self.error.hide()
        valid = True
        try:
            phone.normalise(self.phone.text())
        except InvalidInput as exc:
            self._phone_error(self.ctx.message(exc))
            valid = False
        if not self.consent.check.isChecked():
            self.consent.error.setText(self.ctx.message(InvalidInput("consent", "not_given")))
            self.consent.error.show()
            valid = False
        if not valid:
            grow_to_fit(self)
            return False
        try:
            members.rejoin_member(self.ctx.ledger, self.member.member_no, by=self.ctx.actor,
                                  mobile=self.phone.text(),
                                  worker_type=str(self.worker.currentData()),
                                  employer=self.employer.currentText())
        except LedgerError as exc:
            if isinstance(exc, InvalidInput) and exc.field == "phone":
                self._phone_error(self.ctx.message(exc))
            else:
                self.error.setText(self.ctx.message(exc))
                self.error.show()
            grow_to_fit(self)
            return False
        self.rejoined = True
        self.accept()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.try_rejoin()
            return
        super().keyPressEvent(event)
