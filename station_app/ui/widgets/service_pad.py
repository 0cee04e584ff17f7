"""One-click service buttons with number-key shortcuts (1–9, 0 for the tenth).

After a member is resolved the pad takes the keyboard focus: the number keys toggle services,
Enter records, Esc goes back to the check-in bar. The buttons never take focus themselves, so a
click followed by Enter records too. Anything else typed (the next card being scanned) is handed
back to the check-in bar.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QSizePolicy, QWidget

from ...data.queries import ServiceRow

KEYS = "1234567890"
COLUMNS = 4


class ServicePad(QFrame):
    record_requested = Signal()
    escaped = Signal()
    redirect_text = Signal(str)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("servicePad")
        self.setAccessibleName(self.tr("Services given"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._grid = QGridLayout(self)
        self._grid.setSpacing(6)
        # A picked service must be obvious from across the counter, not a shade darker.
        self.setStyleSheet(
            "QPushButton:checked{background:#1d6fb8;color:white;font-weight:bold;"
            "border:2px solid #0f3f6b;border-radius:6px}"
            "ServicePad[armed=\"true\"]{border:2px solid #1d6fb8;border-radius:6px}")
        self.buttons: dict[str, QPushButton] = {}
        self._lang = "zh_CN"

    def set_services(self, services: list[ServiceRow], lang: str) -> None:
        selected = set(self.selected())
        for button in self.buttons.values():
            self._grid.removeWidget(button)
            button.deleteLater()
        self.buttons.clear()
        self._lang = lang
        for n, service in enumerate(s for s in services if s.active):
            key = KEYS[n] if n < len(KEYS) else ""
            button = QPushButton(f"{key}  {service.text(lang)}" if key else service.text(lang))
            button.setObjectName(f"service_{service.code.upper()}")
            button.setProperty("serviceCode", service.code)
            button.setCheckable(True)
            button.setChecked(service.code in selected)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(service.text(lang))
            button.setAccessibleDescription(
                self.tr("Number key %1").replace("%1", key) if key else "")
            button.setToolTip(self.tr("Key %1").replace("%1", key) if key else service.code)
            button.setMinimumSize(QSize(120, 52))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            font = QFont(button.font())
            font.setPointSizeF(max(font.pointSizeF(), 10) * 1.2)
            button.setFont(font)
            button.toggled.connect(lambda _on: self.selection_changed.emit())
            self._grid.addWidget(button, n // COLUMNS, n % COLUMNS)
            self.buttons[service.code] = button
        self.selection_changed.emit()

    def selected(self) -> list[str]:
        return [code for code, b in self.buttons.items() if b.isChecked()]

    def clear_selection(self) -> None:
        for button in self.buttons.values():
            button.setChecked(False)

    def toggle_index(self, n: int) -> None:
        codes = list(self.buttons)
        if 0 <= n < len(codes):
            self.buttons[codes[n]].toggle()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text()
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                | Qt.KeyboardModifier.AltModifier):
            super().keyPressEvent(event)
            return
        if text and text in KEYS:
            self.toggle_index(KEYS.index(text))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.record_requested.emit()
        elif key == Qt.Key.Key_Escape:
            self.escaped.emit()
        elif key == Qt.Key.Key_Backspace:
            self.clear_selection()
        elif text and text.isprintable() and not text.isspace():
            self.redirect_text.emit(text)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.setProperty("armed", True)
        self.style().unpolish(self)
        self.style().polish(self)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.setProperty("armed", False)
        self.style().unpolish(self)
        self.style().polish(self)
        super().focusOutEvent(event)
