"""Asking for the reason a void or an override needs (required: OK stays off until given)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.checkin import is_card_text


class ReasonDialog(QDialog):
    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.input = QLineEdit()
        self.input.setObjectName("reasonInput")
        self.input.setAccessibleName(self.tr("Reason"))
        self.input.setPlaceholderText(self.tr("Reason (required)"))
        self.input.setMaxLength(200)
        label.setBuddy(self.input)
        layout.addWidget(self.input)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("reasonOk")
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.input.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        self.resize(420, self.sizeHint().height())

    def reason(self) -> str:
        return self.input.text().strip()

    def accept(self) -> None:
        reason = self.reason()
        if is_card_text(reason):
            # Card text is never a reason (it would be kept in the ledger for good as one).
            # Scans are routed to the check-in bar (ui/scan_router.py); this catches a paste.
            self.input.clear()
            self.input.setPlaceholderText(self.tr("That was a card scan. Type the reason."))
            return
        if reason:
            super().accept()
