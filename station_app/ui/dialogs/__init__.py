"""Qt dialogs of the counter and the dialogs it opens, with the few pieces they all share."""

from __future__ import annotations

from collections.abc import Callable

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
