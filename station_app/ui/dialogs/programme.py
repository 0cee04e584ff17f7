"""Programme enrolment with its eligibility: screening for women, summer camp for children 3–16."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...data.queries import Member
from ...domain import catalogue
from ...domain.errors import LedgerError
from ...services import programmes
from ..context import AppContext
from . import ERROR_STYLE, TypedDialog, error_label, submit_buttons


class ProgrammeDialog(TypedDialog):
    def __init__(self, ctx: AppContext, member: Member, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member = member
        self.setObjectName("programmeDialog")
        self.setWindowTitle(self.tr("Programme enrolment"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Member"), QLabel(f"{member.name} · {member.member_no}"))
        self.programme = QComboBox()
        self.programme.setObjectName("programmeInput")
        self.programme.setAccessibleName(self.tr("Programme"))
        for prog in catalogue.PROGRAMMES:
            self.programme.addItem(prog.text(ctx.lang), prog.code)
        form.addRow(self.tr("&Programme"), self.programme)
        self.child_name = QLineEdit()
        self.child_name.setObjectName("childNameInput")
        self.child_name.setAccessibleName(self.tr("Child's name"))
        self.child_age = QSpinBox()
        self.child_age.setObjectName("childAgeInput")
        self.child_age.setAccessibleName(self.tr("Child's age"))
        self.child_age.setRange(0, 30)
        self.child_age.setValue(8)
        self.child_name_label = QLabel(self.tr("&Child's name"))
        self.child_name_label.setBuddy(self.child_name)
        self.child_age_label = QLabel(self.tr("Child's &age"))
        self.child_age_label.setBuddy(self.child_age)
        form.addRow(self.child_name_label, self.child_name)
        form.addRow(self.child_age_label, self.child_age)
        layout.addLayout(form)
        self.note = QLabel()
        self.note.setObjectName("eligibilityNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.error = error_label("programmeError")
        layout.addWidget(self.error)
        buttons, self.submit = submit_buttons(
            self, self.tr("&Enrol"), "programmeSubmit", self.try_enrol)
        layout.addWidget(buttons)
        self.programme.currentIndexChanged.connect(lambda _i: self._programme_changed())
        self._programme_changed()
        self.setMinimumWidth(440)
        self.remember_typed()

    def _programme_changed(self) -> None:
        prog = catalogue.programme(str(self.programme.currentData()))
        children = prog.eligibility == "members_children"
        for widget in (self.child_name, self.child_age, self.child_name_label,
                       self.child_age_label):
            widget.setVisible(children)
        self.error.hide()
        if prog.eligibility == "women":
            ok = self.member.sex == "F"
            self.note.setText(self.tr("For women members only.") if ok else
                              self.tr("Not eligible: this screening is for women members only."))
            self.note.setStyleSheet("" if ok else ERROR_STYLE)
            self.submit.setEnabled(ok)
        elif children:
            self.note.setText(self.tr("For members' children aged 3 to 16."))
            self.note.setStyleSheet("")
            self.submit.setEnabled(True)
        else:
            self.note.setText(self.tr("Open to every active member."))
            self.note.setStyleSheet("")
            self.submit.setEnabled(True)
        self.adjustSize()

    def try_enrol(self) -> bool:
        prog = catalogue.programme(str(self.programme.currentData()))
        children = prog.eligibility == "members_children"
        try:
            programmes.enrol(self.ctx.ledger, member=self.member.member_no, programme=prog.code,
                             by=self.ctx.actor,
                             child_name=self.child_name.text() if children else None,
                             child_age=self.child_age.value() if children else None)
        except LedgerError as exc:
            self.error.setText(self.ctx.message(exc))
            self.error.show()
            return False
        self.accept()
        return True
