"""Edit a member's profile (编辑资料): name, mobile, worker type, employer, with a reason.

Checked like the sign-up form (errors under their field, as you type); only the fields that
really changed are sent to ``members.update_member``, which writes one ``member.update`` entry.
Nothing is written while any field, or the reason, is wrong.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...data.queries import Member
from ...domain import phone, pinyin, validate, worker_types
from ...domain.errors import InvalidInput, LedgerError, Refused
from ...services import members
from ...services.checkin import is_card_text
from ..context import AppContext
from . import TypedDialog, error_label, field_row, show_field_error, submit_buttons
from .sign_up import EMPLOYERS, phone_note_row, show_phone_note


class MemberEditDialog(TypedDialog):
    """Prefilled with the member's values; ``saved`` holds the fields written (empty if none)."""

    def __init__(self, ctx: AppContext, member: Member, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member = member
        self.saved: dict[str, str] = {}
        self.setObjectName("memberEditDialog")
        self.setWindowTitle(self.tr("Edit member profile"))
        layout = QVBoxLayout(self)
        who = QLabel(self.tr("%1 · member %2").replace("%1", member.name)
                     .replace("%2", member.member_no))
        who.setObjectName("memberEditWho")
        who.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        bold = who.font()
        bold.setBold(True)
        who.setFont(bold)
        layout.addWidget(who)
        self.form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.name = self._line("name", self.tr("&Name"), 30, member.name)
        self.phone = self._line("phone", self.tr("&Mobile"), 16, member.phone)
        self.phone_note = phone_note_row(self.form)
        self.worker = QComboBox()
        self.worker.setObjectName("workerTypeInput")
        self.worker.setAccessibleName(self.tr("Worker type"))
        for label in worker_types.WORKER_TYPES:
            self.worker.addItem(label.text(ctx.lang), label.code)
        self.worker.setCurrentIndex(max(self.worker.findData(member.worker_type), 0))
        self.form.addRow(self.tr("&Worker type"), self.worker)
        self.employer = QComboBox()
        self.employer.setObjectName("employerInput")
        self.employer.setAccessibleName(self.tr("Platform / employer"))
        self.employer.setEditable(True)
        self.employer.addItems(["", *EMPLOYERS])
        self.employer.setCurrentText(member.employer)
        self.form.addRow(self.tr("&Platform / employer"), self.employer)
        self.employer_error = self._error_row("employer")
        self.reason = self._line("reason", self.tr("&Reason"), 200, "")
        self.reason.setPlaceholderText(self.tr("Why the change (required), e.g. new phone"))
        layout.addLayout(self.form)
        note = QLabel(self.tr("The old values stay in the member's history."))
        note.setObjectName("memberEditNote")
        note.setStyleSheet("color:#555")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.error = error_label("memberEditError")
        layout.addWidget(self.error)
        self.buttons, self.submit = submit_buttons(
            self, self.tr("&Save changes"), "memberEditSubmit", self.try_save)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(lambda _t: self.check_name())
        self.phone.textChanged.connect(lambda _t: self.check_phone())
        self.reason.textChanged.connect(lambda _t: self.check_reason())
        self.employer.editTextChanged.connect(lambda _t: self.check_employer())
        self.phone.setFocus()  # the usual reason for an edit: a new or mistyped phone number
        self.phone.selectAll()
        self.setMinimumWidth(480)
        self.remember_typed()

    def _line(self, key: str, label: str, max_len: int, value: str) -> QLineEdit:
        edit, self.errors[key] = field_row(self.form, key, label, max_len, value)
        self.edits[key] = edit
        return edit

    def _error_row(self, key: str) -> QLabel:
        error = error_label(f"{key}Error")
        self.form.addRow("", error)
        self.errors[key] = error
        return error

    # ---- live checks (the same rules as the sign-up form and the service) ----
    def set_error(self, field: str, text: str) -> None:
        label = self.errors.get(field)
        if label is None:
            return
        show_field_error(label, self.edits.get(field), text)

    def _check(self, field: str, check: Callable[[], object]) -> bool:
        try:
            check()
        except InvalidInput as exc:
            self.set_error(field, self.ctx.message(exc))
            return False
        self.set_error(field, "")
        return True

    def check_name(self) -> bool:
        return self._check("name", lambda: validate.text("name", self.name.text(), max_len=30))

    def check_phone(self, strict: bool = False) -> bool:
        text = self.phone.text()
        if not strict and text.strip() and len(text.strip()) < 11:
            self.set_error("phone", "")  # still typing
            return False
        checked = self._check("phone", lambda: phone.normalise(text))
        if checked:
            show_phone_note(self.phone_note, self.ctx, phone.normalise(text),
                            besides=self.member.member_no)
        else:
            self.phone_note.hide()
        return checked

    def check_employer(self) -> bool:
        return self._check("employer", lambda: validate.text(
            "employer", self.employer.currentText(), max_len=60, required=False))

    def check_reason(self, strict: bool = False) -> bool:
        text = self.reason.text()
        if not strict and not text.strip():
            self.set_error("reason", "")
            return False
        if is_card_text(text):
            # Card text is never a reason (it would stay for good); scans are routed to the
            # check-in bar (ui/scan_router.py), so this catches pasted text.
            self.set_error("reason", self.tr("That was a card scan. Type the reason."))
            return False
        return self._check("reason", lambda: validate.text("reason", text, max_len=200))

    def check_all(self) -> bool:
        results = [self.check_name(), self.check_phone(True), self.check_employer(),
                   self.check_reason(True)]
        return all(results)

    def changes(self) -> dict[str, str]:
        """The fields whose (normalised) value differs from the member's; call after checks."""
        member = self.member
        found: dict[str, str] = {}
        name = pinyin.normalise_name(validate.text("name", self.name.text(), max_len=30))
        if name != member.name:
            found["name"] = name
        mobile = phone.normalise(self.phone.text())
        if mobile != member.phone:
            found["mobile"] = mobile
        worker = str(self.worker.currentData())
        if worker != member.worker_type:
            found["worker_type"] = worker
        employer = validate.text("employer", self.employer.currentText(), max_len=60,
                                 required=False)
        if employer != member.employer:
            found["employer"] = employer
        return found

    def try_save(self) -> bool:
        self.error.hide()
        if not self.check_all():
            return False
        changes = self.changes()
        if not changes:
            return self._fail(Refused("no_changes"))
        try:
            members.update_member(self.ctx.ledger, self.member.member_no, by=self.ctx.actor,
                                  reason=self.reason.text(), **changes)
        except InvalidInput as exc:
            if exc.field in self.errors:
                self.set_error(exc.field, self.ctx.message(exc))
                return False
            return self._fail(exc)
        except LedgerError as exc:
            return self._fail(exc)
        self.saved = changes
        self.accept()
        return True

    def _fail(self, exc: LedgerError) -> bool:
        self.error.setText(self.ctx.message(exc))
        self.error.show()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.try_save()
            return
        super().keyPressEvent(event)
