"""Qt dialogs of the counter and the dialogs it opens, with the few pieces they all share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

ERROR_STYLE = "color:#8a1c12"


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


def submit_buttons(dialog: QDialog, text: str, name: str, on_submit: Callable[[], object], *,
                   default: bool = True) -> tuple[QDialogButtonBox, QPushButton]:
    """Cancel plus the dialog's own action button (``text`` already translated); the action
    runs ``on_submit``, which closes the dialog only when the input was accepted."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    submit = QPushButton(text)
    submit.setObjectName(name)
    if default:
        submit.setDefault(True)
    buttons.addButton(submit, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(on_submit)
    buttons.rejected.connect(dialog.reject)
    return buttons, submit


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
