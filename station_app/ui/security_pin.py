"""Self-service "Change my PIN…": the signed-in attendant replaces their own PIN.

The main window puts the action in its *Station* menu (``add_change_pin_action``); the dialog
calls ``services.auth.change_own_secret``, which checks the current PIN under the sign-in
lock-out rules, so a wrong one counts like a failed sign-in and nothing else changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import InvalidInput, LedgerError
from ..services import auth
from .sign_in import _pin_field, current_attendant, message_and_buttons

SHORTCUT = "Ctrl+Shift+P"


class ChangePinDialog(QDialog):
    """Current PIN, new PIN, new PIN again; Enter changes it, Escape cancels."""

    def __init__(self, ctx: Any, attendant: auth.Attendant,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.attendant = attendant
        self.changed: auth.Attendant | None = None
        self.setObjectName("changePinDialog")
        self.setWindowTitle(self.tr("Change my PIN"))
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("Account: %1 (%2)")
                      .replace("%1", attendant.display_name)
                      .replace("%2", attendant.username))
        head.setObjectName("changePinAccount")
        layout.addWidget(head)
        hint = QLabel(self.tr(
            "A PIN needs at least 4 digits; a password at least 6 characters. Wrong current "
            "PINs count like failed sign-ins and lock the account for a while."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.current = _pin_field("changePinCurrent")
        self.new = _pin_field("changePinNew")
        self.again = _pin_field("changePinAgain")
        form.addRow(self.tr("&Current PIN"), self.current)
        form.addRow(self.tr("&New PIN"), self.new)
        form.addRow(self.tr("New PIN &again"), self.again)
        layout.addLayout(form)
        self.message, buttons = message_and_buttons(self, layout, "changePin",
                                                    self.tr("Change PIN"), self.submit)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setObjectName("changePinCancel")
        self.current.setFocus()
        self.resize(440, self.sizeHint().height())

    def submit(self) -> None:
        """Change the PIN, or say why not and leave everything as it was."""
        if self.new.text() != self.again.text():
            self._fail(self.tr("The two new PINs do not match."), self.again, clear_new=False)
            return
        try:
            self.changed = auth.change_own_secret(
                self.ctx.ledger, self.attendant.username, self.current.text(),
                self.new.text(), repeat=self.again.text(), via="gui")
        except LedgerError as exc:
            about_new = exc.code == "pin_change.same" or (
                isinstance(exc, InvalidInput) and exc.field == "new_pin")
            self._fail(self.ctx.message(exc), self.new if about_new else self.current,
                       clear_new=about_new)
            return
        self.accept()

    def _fail(self, text: str, focus: QLineEdit, *, clear_new: bool) -> None:
        """Show why; clear only the field(s) to type again and put the cursor there."""
        self.message.setText(text)
        if clear_new:
            self.new.clear()
            self.again.clear()
        else:
            focus.clear()
        focus.setFocus()


def change_my_pin(ctx: Any, parent: QWidget | None = None) -> bool:
    """Open the dialog for the signed-in attendant; True when the PIN was changed."""
    title = QCoreApplication.translate("ChangePinDialog", "Change my PIN")
    who = current_attendant(ctx)
    if who is None:
        QMessageBox.information(parent, title, QCoreApplication.translate(
            "ChangePinDialog", "Nobody is signed in, so there is no PIN to change."))
        return False
    dialog = ChangePinDialog(ctx, who, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.changed is None:
        return False
    ctx.attendant = dialog.changed
    done = QMessageBox(QMessageBox.Icon.Information, title, QCoreApplication.translate(
        "ChangePinDialog", "Your PIN was changed. Sign in with the new PIN from now on."),
        QMessageBox.StandardButton.Ok, parent)
    done.setObjectName("changePinDone")
    done.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    done.open()  # not exec(): the counter is usable again at once
    return True


def add_change_pin_action(menu: QMenu, window: QWidget, ctx: Any) -> QAction:
    """Add "Change my PIN…" (Ctrl+Shift+P) to ``menu`` for whoever is signed in when used."""
    action = QAction(QCoreApplication.translate("ChangePinDialog", "Change my &PIN…"), menu)
    action.setObjectName("actionChangePin")
    action.setShortcut(QKeySequence(SHORTCUT))
    action.triggered.connect(lambda _=False: change_my_pin(ctx, window))
    menu.addAction(action)
    return action
