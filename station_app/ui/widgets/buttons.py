"""The counter's push buttons: a fixed height, and a click that leaves the keyboard alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy


def counter_button(name: str, text: str, slot: object) -> QPushButton:
    """A button named ``name`` (for tests and screen readers) that runs ``slot`` when clicked.

    The accessible name is ``text`` without its shortcut hint (“Void… (Del)” -> “Void…”)."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.split(" (")[0].split("（")[0])
    button.clicked.connect(slot)
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    button.setMinimumHeight(36)
    # Clicking keeps the keyboard where it was (check-in bar or service pad); Tab still works.
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button
