"""Qt dialogs of the counter and the dialogs it opens, with the few pieces they all share."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

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
