"""Sign-up (入会): live validation, consent with its version, duplicate detection, then the card.

A person who withdrew here is offered Rejoin (``dialogs.rejoin``) instead of a new sign-up.

``SignUpForm`` (the person's fields) is shared with the membership transfer-in dialog. Nothing is
written until every field is valid; the service validates again and writes in one transaction.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...data import queries
from ...domain import consent, phone, resident_id, validate, worker_types
from ...domain.errors import DuplicateMember, InvalidInput, LedgerError
from ...services import members, reports
from ...services.self_service import mask_name
from ..context import AppContext
from . import (
    ERROR_STYLE,
    NOTE_STYLE,
    TypedDialog,
    field_row,
    grow_to_fit,
    show_field_error,
    submit_buttons,
)

EMPLOYERS = ("美团", "饿了么", "顺丰速运", "中通快递", "京东物流", "滴滴出行", "满帮", "个体")
OK_STYLE = "color:#1b6e2a"


def phone_note_row(form: QFormLayout) -> QLabel:
    """A note under the mobile number (hidden until ``show_phone_note`` fills it)."""
    note = QLabel()
    note.setObjectName("phoneNote")
    note.setWordWrap(True)
    note.setStyleSheet(NOTE_STYLE)
    note.hide()
    form.addRow("", note)
    return note


def show_phone_note(note: QLabel, ctx: AppContext, number: str, besides: str = "") -> None:
    """Not an error (a family may share a phone): a mistyped number that is another active
    member's (not ``besides``) would make a phone-tail search find two people. Names are
    masked: the person at the counter may be reading the screen too."""
    holders = [m for m in queries.active_members_with_phone(ctx.ledger, number)
               if m.member_no != besides]
    note.setVisible(bool(holders))
    if holders:
        note.setText(QCoreApplication.translate(
            "SignUpForm", "This mobile number is already on file for %1: check it was typed "
            "right.").replace("%1", ("、" if ctx.lang == "zh_CN" else ", ").join(
                f"{mask_name(m.name)} ({m.member_no})" for m in holders[:3])))


class SignUpForm(QWidget):
    """Name, resident ID (birth date and sex derived as you type), mobile, worker type, employer."""

    validity_changed = Signal(bool)
    duplicate_found = Signal(object)  # queries.Member or None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.errors: dict[str, QLabel] = {}
        self.name = self._line("name", self.tr("&Name"), 30)
        self.id_number = self._line("idNumber", self.tr("&ID number"), 18)
        self.id_number.setPlaceholderText(self.tr("18 digits; the last may be X"))
        self.derived = QLabel()
        self.derived.setObjectName("idDerived")
        self.form.addRow("", self.derived)
        self.errors["id_number"] = self.errors.pop("idNumber")
        self.phone = self._line("phone", self.tr("&Mobile"), 16)  # +86 138 0000 0011
        # Not an error (a family may share a phone): a mistyped number found someone else's.
        self.phone_note = phone_note_row(self.form)
        self.worker = QComboBox()
        self.worker.setObjectName("workerTypeInput")
        self.worker.setAccessibleName(self.tr("Worker type"))
        for label in worker_types.WORKER_TYPES:
            self.worker.addItem(label.text(ctx.lang), label.code)
        self.form.addRow(self.tr("&Worker type"), self.worker)
        self.employer = QComboBox()
        self.employer.setObjectName("employerInput")
        self.employer.setAccessibleName(self.tr("Platform / employer"))
        self.employer.setEditable(True)
        self.employer.addItems(["", *EMPLOYERS])
        self.form.addRow(self.tr("&Platform / employer"), self.employer)
        self.name.textChanged.connect(lambda _t: self.check_name())
        self.id_number.textChanged.connect(lambda _t: self.check_id())
        self.phone.textChanged.connect(lambda _t: self.check_phone())
        self.duplicate: queries.Member | None = None

    def _line(self, key: str, label: str, max_len: int) -> QLineEdit:
        edit, self.errors[key] = field_row(self.form, key, label, max_len)
        return edit

    # ---- live checks ----
    def set_error(self, field: str, text: str) -> None:
        label = self.errors.get(field)
        if label is None:
            return
        show_field_error(label, {"name": self.name, "id_number": self.id_number,
                                 "phone": self.phone}.get(field), text)
        grow_to_fit(self)

    def check_name(self, strict: bool = False) -> bool:
        text = self.name.text()
        if not text.strip() and not strict:
            self.set_error("name", "")
            return False
        try:
            validate.text("name", text, max_len=30)
        except InvalidInput as exc:
            self.set_error("name", self.ctx.message(exc))
            return False
        self.set_error("name", "")
        from ...cards.fonts import has_glyph
        from ...domain.pinyin import normalise_name

        missing = "".join(dict.fromkeys(c for c in normalise_name(text)
                                        if not c.isspace() and not has_glyph(c)))
        if missing:  # a warning, not a refusal: the name is right, the card font lacks it
            label = self.errors["name"]
            label.setText(self.tr("The card font has no “%1”: the printed card will show a "
                                  "box there (the ledger keeps the name as typed).")
                          .replace("%1", missing))
            label.setVisible(True)
        return True

    def check_id(self, strict: bool = False) -> bool:
        text = self.id_number.text().strip().upper()
        self.derived.setText("")
        if len(text) < 18 and not strict:
            self.set_error("id_number", "")
            if text:
                self.derived.setStyleSheet("")
                self.derived.setText(self.tr("%1 of 18 characters").replace("%1", str(len(text))))
            self._set_duplicate(None)
            return False
        try:
            rid = resident_id.parse(text)
        except InvalidInput as exc:
            self.set_error("id_number", self.ctx.message(exc))
            self._set_duplicate(None)
            return False
        self.set_error("id_number", "")
        sex = self.tr("male") if rid.sex == "M" else self.tr("female")
        self.derived.setStyleSheet(OK_STYLE)
        self.derived.setText(self.tr("Born %1 · %2 · check digit correct")
                             .replace("%1", rid.birth_date.isoformat()).replace("%2", sex))
        self._set_duplicate(members.existing_member(self.ctx.ledger, rid.number))
        return True

    def check_phone(self, strict: bool = False) -> bool:
        text = self.phone.text()
        if len(text.strip()) < 11 and not strict:
            self.set_error("phone", "")  # empty, or still typing
            self.phone_note.hide()
            return False
        try:
            number = phone.normalise(text)
        except InvalidInput as exc:
            self.set_error("phone", self.ctx.message(exc))
            self.phone_note.hide()
            return False
        self.set_error("phone", "")
        show_phone_note(self.phone_note, self.ctx, number)
        return True

    def _set_duplicate(self, member: queries.Member | None) -> None:
        self.duplicate = member
        self.duplicate_found.emit(member)

    def check_all(self) -> bool:
        results = [self.check_name(True), self.check_id(True), self.check_phone(True)]
        return all(results)

    def value(self, consent_given: bool = True) -> members.SignUp:
        return members.SignUp(name=self.name.text(), id_number=self.id_number.text(),
                              phone=self.phone.text(), worker_type=str(self.worker.currentData()),
                              employer=self.employer.currentText(), consent_given=consent_given,
                              consent_version=consent.CONSENT_VERSION)

    def show_error(self, exc: LedgerError) -> bool:
        """Put a service's InvalidInput on its field; False if it belongs to no field here."""
        if isinstance(exc, InvalidInput) and exc.field in self.errors:
            self.set_error(exc.field, self.ctx.message(exc))
            return True
        return False


class ConsentBox(QWidget):
    """The consent text the member agrees to, with its version (recorded in the entry)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(consent.CONSENT_TEXT["en" if ctx.lang == "en" else "zh_CN"])
        text.setObjectName("consentText")
        text.setWordWrap(True)
        text.setStyleSheet("QLabel{background:#f4f6f8;padding:6px;border-radius:4px}")
        layout.addWidget(text)
        self.check = QCheckBox(self.tr("The member has read and agrees (consent version %1)")
                               .replace("%1", consent.CONSENT_VERSION))
        self.check.setObjectName("consentCheck")
        layout.addWidget(self.check)
        self.error = QLabel()
        self.error.setObjectName("consentError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        layout.addWidget(self.error)
        self.check.toggled.connect(lambda on: self.error.setVisible(False) if on else None)


class SignUpDialog(TypedDialog):
    """入会. After a successful sign-up ``member_no`` is set; ``existing_member_no`` when the
    attendant chose to serve the member who already holds the ID number."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("signUpDialog")
        self.setWindowTitle(self.tr("Sign up a member"))
        self.member_no: str | None = None
        self.existing_member_no: str | None = None
        layout = QVBoxLayout(self)
        self.form = SignUpForm(ctx, self)
        layout.addWidget(self.form)
        self.duplicate_box = QWidget()
        self.duplicate_box.setObjectName("duplicateBox")
        dup_layout = QHBoxLayout(self.duplicate_box)
        dup_layout.setContentsMargins(0, 0, 0, 0)
        self.duplicate_label = QLabel()
        self.duplicate_label.setObjectName("duplicateLabel")
        self.duplicate_label.setWordWrap(True)
        self.duplicate_label.setStyleSheet(ERROR_STYLE)
        self.show_existing = QPushButton(self.tr("&Serve this member"))
        self.show_existing.setObjectName("showExistingButton")
        self.show_existing.setAutoDefault(False)
        self.show_existing.clicked.connect(self._serve_existing)
        # A member who withdrew here is not served but taken back (members.can_rejoin).
        self.rejoin_button = QPushButton(self.tr("Re&join"))
        self.rejoin_button.setObjectName("rejoinButton")
        self.rejoin_button.setAutoDefault(False)
        self.rejoin_button.clicked.connect(self.rejoin)
        dup_layout.addWidget(self.duplicate_label, 1)
        dup_layout.addWidget(self.show_existing)
        dup_layout.addWidget(self.rejoin_button)
        self.duplicate_box.hide()
        layout.addWidget(self.duplicate_box)
        self.form.duplicate_found.connect(self._duplicate)
        self.consent = ConsentBox(ctx, self)
        layout.addWidget(self.consent)
        self.buttons, self.submit = submit_buttons(
            self, self.tr("Sign &up"), "signUpSubmit", self.try_sign_up)
        layout.addWidget(self.buttons)
        self.form.name.setFocus()
        self.setMinimumWidth(520)
        self.remember_typed()

    def _duplicate(self, member: queries.Member | None) -> None:
        if member is None:
            self.duplicate_box.hide()
            return
        rejoin = members.can_rejoin(self.ctx.ledger, member)
        elsewhere = members.left_elsewhere(self.ctx.ledger, member)
        if rejoin:
            text = self.tr("%1 (%2) withdrew from the union. They can rejoin under the same "
                           "member number and card: no new sign-up is needed.")
        elif elsewhere:
            text = self.tr("%1 (%2) withdrew from the union at station %3. Signing up here "
                           "makes them a member of this station with a new number and card.")
        else:
            text = self.tr("Already a member: %1 (%2). No new sign-up is needed.")
        name = reports.station_names(self.ctx.ledger).get(member.home_station)
        station = f"{name} ({member.home_station})" if name else member.home_station
        self.duplicate_label.setText(text.replace("%1", member.name)
                                     .replace("%2", member.member_no)
                                     .replace("%3", station))
        self.rejoin_button.setVisible(rejoin)
        self.show_existing.setVisible(not rejoin and not elsewhere)
        self.duplicate_box.show()

    def rejoin(self) -> bool:
        """The person withdrew here: take them back under their number (a ``RejoinDialog``
        with what the form already holds); the counter then shows them, as after a sign-up."""
        member = self.form.duplicate
        if member is None:
            return False
        from .rejoin import RejoinDialog

        # What the form already holds beyond its defaults replaces what is on file; the
        # dialog shows every value before anything is written.
        values: dict[str, str] = {}
        with contextlib.suppress(InvalidInput):  # not typed (yet): the number on file
            values["mobile"] = phone.normalise(self.form.phone.text())
        if self.form.worker.currentIndex() > 0:
            values["worker_type"] = str(self.form.worker.currentData())
        if self.form.employer.currentText().strip():
            values["employer"] = self.form.employer.currentText()
        dialog = RejoinDialog(self.ctx, member, self, consent_given=self.consent.check.isChecked(),
                              **values)
        dialog.exec()
        dialog.deleteLater()
        if not dialog.rejoined:
            return False
        self.member_no = member.member_no
        self.ctx.changed_soon()
        self.accept()
        return True

    def _serve_existing(self) -> None:
        if self.form.duplicate is not None:
            self.existing_member_no = self.form.duplicate.member_no
            self.discard_ok = True  # the attendant chose the member on file over the form
            self.reject()

    def try_sign_up(self) -> bool:
        """Validate everything; on success write the member and offer to print the card."""
        valid = self.form.check_all()
        if not self.consent.check.isChecked():
            self.consent.error.setText(self.ctx.message(InvalidInput("consent", "not_given")))
            self.consent.error.show()
            grow_to_fit(self)
            valid = False
        if not valid:
            return False
        try:
            member = members.sign_up_member(self.ctx.ledger, self.form.value(), by=self.ctx.actor)
        except DuplicateMember as exc:
            self.form.duplicate = queries.find_member(self.ctx.ledger, exc.existing_member_no)
            self._duplicate(self.form.duplicate)
            return False
        except LedgerError as exc:
            if not self.form.show_error(exc):
                QMessageBox.warning(self, self.windowTitle(), self.ctx.message(exc))
            return False
        self.member_no = member.member_no
        self.ctx.changed_soon()
        self._offer_card(member.name, member.member_no)
        self.accept()
        return True

    def _offer_card(self, name: str, number: str) -> None:
        printer = self.ctx.card_printer()
        text = self.tr("%1 is now member %2.").replace("%1", name).replace("%2", number)
        if printer is None:
            return
        answer = QMessageBox.question(self, self.windowTitle(),
                                      text + "\n" + self.tr("Print the membership card now?"))
        if answer == QMessageBox.StandardButton.Yes:
            printer(self, self.ctx, number)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.try_sign_up()
            return
        super().keyPressEvent(event)
