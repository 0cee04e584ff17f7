"""Qt dialogs of the counter and the dialogs it opens, with the few pieces they all share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

ERROR_STYLE = "color:#8a1c12"
NOTE_STYLE = "color:#6b4b00"  # a warning that stops nothing


class FittedDialog(QDialog):
    """A dialog of wrapped sentences, as tall as they need at ``WIDTH``.

    A top-level window sizes itself from ``sizeHint()``, which does not follow a wrapped
    label's height for the width it finally gets: a Chinese line more than was allowed for
    pushed what was under it (a fingerprint, the buttons) off the dialog."""

    WIDTH = 600
    # False: the wrapped height alone. The size hint wraps the sentences narrower, and its
    # surplus height would be spread as gaps between them.
    AT_LEAST_SIZE_HINT = True

    def fit(self) -> None:
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        height = layout.totalHeightForWidth(self.WIDTH)
        if self.AT_LEAST_SIZE_HINT:
            height = max(height, self.sizeHint().height())
        self.setMinimumSize(self.WIDTH, height)
        self.resize(self.WIDTH, height)

    def showEvent(self, event: Any) -> None:
        self.fit()
        super().showEvent(event)


def confirm_buttons(ok_text: str, name: str) -> tuple[QDialogButtonBox, QPushButton]:
    """OK (``ok_text``, object name ``<name>Ok``) and Cancel (``<name>Cancel``) for a
    confirmation that must be earned: OK starts disabled and never answers Enter by itself;
    Cancel is the default. The caller enables OK and connects both."""
    buttons = QDialogButtonBox()
    ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName(f"{name}Ok")
    ok.setEnabled(False)
    ok.setAutoDefault(False)
    cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    cancel.setObjectName(f"{name}Cancel")
    cancel.setDefault(True)
    return buttons, ok


def wrapped_label(text: str, name: str = "", style: str = "") -> QLabel:
    """A label whose text wraps, with an object name (for tests) and a style if given."""
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label


def error_label(name: str, *, hidden: bool = True) -> QLabel:
    """The dialog's plain-language error line (dark red, wrapped), hidden until needed."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    if hidden:
        label.hide()
    return label


def field_row(form: QFormLayout, key: str, label: str, max_len: int, value: str = ""
              ) -> tuple[QLineEdit, QLabel]:
    """A labelled line edit (``<key>Input``) with its error line (``<key>Error``) under it;
    a little longer than ``max_len`` so the check, not the field, says what is too long."""
    edit = QLineEdit(value)
    edit.setObjectName(f"{key}Input")
    edit.setAccessibleName(label.replace("&", ""))
    edit.setMaxLength(max_len + 4)
    error = error_label(f"{key}Error")
    form.addRow(label, edit)
    form.addRow("", error)
    return edit, error


def show_field_error(label: QLabel, edit: QLineEdit | None, text: str) -> None:
    """The error line under a field (empty: hidden), and the field framed red while it holds."""
    label.setText(text)
    label.setVisible(bool(text))
    if edit is not None:
        edit.setProperty("invalid", bool(text))
        edit.setStyleSheet("QLineEdit{border:2px solid #c0392b}" if text else "")
        edit.setAccessibleDescription(text)


def submit_buttons(dialog: QDialog, text: str, name: str, on_submit: Callable[[], object]
                   ) -> tuple[QDialogButtonBox, QPushButton]:
    """Cancel plus the dialog's own action button (``text`` already translated), which Enter
    presses; the action runs ``on_submit``, which closes the dialog only when the input was
    accepted."""
    # In the dialog before the action is made its default: a default set on a button that has
    # no dialog yet is not the dialog's, and when the window opens Qt makes the first button
    # (Cancel) the default instead, so Enter closed the window and nothing was saved.
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, dialog)
    submit = QPushButton(text)
    submit.setObjectName(name)
    buttons.addButton(submit, QDialogButtonBox.ButtonRole.AcceptRole)
    submit.setDefault(True)
    buttons.accepted.connect(on_submit)
    buttons.rejected.connect(dialog.reject)
    return buttons, submit


def keep_typed(dialog: QWidget) -> bool:
    """Asked when a window holding typed details is closed unsaved (Esc, Cancel, the title
    bar's ×): True to go back to it. Esc or Enter here goes back; only "Discard" loses them."""
    # (Each text in its own translate call: lupdate finds only literals.)
    box = QMessageBox(QMessageBox.Icon.Question, dialog.windowTitle(), QCoreApplication.translate(
        "Dialogs", "Close without saving? What was typed in this window is lost."),
        QMessageBox.StandardButton.NoButton, dialog)
    box.setObjectName("discardQuestion")
    discard = box.addButton(QCoreApplication.translate("Dialogs", "&Discard"),
                            QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("discardTyped")
    keep = box.addButton(QCoreApplication.translate("Dialogs", "&Keep editing"),
                         QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("keepTyped")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    chosen = box.clickedButton()
    box.deleteLater()
    return chosen is not discard


def typed_state(widget: QWidget) -> tuple[object, ...]:
    """What can be typed or chosen in ``widget``: every line (an editable list's and a number
    box's included), list choice, tick and text box, in the order they were made."""
    state: list[object] = []
    for child in widget.findChildren(QWidget):
        if isinstance(child, QLineEdit):
            state.append(child.text())
        elif isinstance(child, QComboBox):
            state.append(child.currentIndex())
        elif isinstance(child, QAbstractButton) and child.isCheckable():
            state.append(child.isChecked())
        elif isinstance(child, QPlainTextEdit):
            state.append(child.toPlainText())
    return tuple(state)


class TypedDialog(QDialog):
    """A form whose typed details a stray Esc, Cancel or × does not throw away: once anything
    differs from how the window opened (``remember_typed`` at the end of ``__init__``),
    closing it unsaved asks first (``keep_typed``). ``discard_ok``: close without asking (the
    window was answered another way)."""

    _opened_with: tuple[object, ...] | None = None
    discard_ok = False

    def remember_typed(self) -> None:
        self._opened_with = typed_state(self)

    def reject(self) -> None:
        # Not while the window is disabled (behind the lock screen, whose "Quit" closes every
        # window): nobody could answer, and the app would hang with the details on screen.
        if (self._opened_with is not None and not self.discard_ok and self.isVisible()
                and self.isEnabled() and typed_state(self) != self._opened_with
                and keep_typed(self)):
            return
        super().reject()


def grow_to_fit(widget: QWidget) -> None:
    """A line that appears (an error, a note) makes the window taller instead of squeezing its
    fields; wrapped text is measured at the window's width."""
    top = widget.window()
    layout = top.layout()
    wanted = top.sizeHint().height()
    if layout is not None:
        layout.activate()
        wanted = max(layout.totalHeightForWidth(top.width()) if layout.hasHeightForWidth()
                     else layout.totalSizeHint().height(), top.sizeHint().height())
    if top.height() < wanted:
        top.resize(top.width(), wanted)
