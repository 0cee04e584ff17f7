"""Correcting a visit (services, worker type) or a relief amount: a new entry with a reason."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...data import queries
from ...domain import validate, worker_types
from ...domain.errors import InvalidInput, LedgerError
from ...services import corrections
from ..context import AppContext
from . import TypedDialog, error_label


class CorrectDialog(TypedDialog):
    KINDS = ("visit", "relief")

    @classmethod
    def can_correct(cls, kind: str) -> bool:
        return kind in cls.KINDS

    def __init__(self, ctx: AppContext, entry_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entry = ctx.ledger.entry(entry_id)
        newest = ctx.ledger.conn.execute(
            "SELECT body FROM corrections WHERE target = ? ORDER BY ord DESC LIMIT 1",
            (entry_id,)).fetchone()
        self.body = json.loads(newest[0]) if newest else dict(self.entry.body)
        self.setObjectName("correctDialog")
        self.setWindowTitle(self.tr("Correct entry"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("The original stays in the ledger; the correction is a new entry."))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.service_boxes: dict[str, QCheckBox] = {}
        self.worker: QComboBox | None = None
        self.money: QLineEdit | None = None
        if self.entry.kind == "visit":
            grid_host = QWidget()
            grid = QGridLayout(grid_host)
            grid.setContentsMargins(0, 0, 0, 0)
            chosen = set(self.body.get("services", []))
            for n, service in enumerate(queries.services(ctx.ledger)):
                if not service.active and service.code not in chosen:
                    continue
                box = QCheckBox(service.text(ctx.lang))
                box.setObjectName(f"correctService_{service.code.upper()}")
                box.setChecked(service.code in chosen)
                grid.addWidget(box, n // 3, n % 3)
                self.service_boxes[service.code] = box
            form.addRow(self.tr("Services"), grid_host)
            if self.body.get("walk_in"):
                self.worker = QComboBox()
                self.worker.setObjectName("correctWorkerType")
                for label in worker_types.WORKER_TYPES:
                    self.worker.addItem(label.text(ctx.lang), label.code)
                self.worker.setCurrentIndex(max(0, self.worker.findData(
                    self.body.get("worker_type"))))
                form.addRow(self.tr("Worker type"), self.worker)
        else:
            self.money = QLineEdit(validate.format_fen(int(self.body.get("money_fen", 0))))
            self.money.setObjectName("correctMoney")
            form.addRow(self.tr("Money (¥)"), self.money)
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonInput")
        self.reason.setPlaceholderText(self.tr("Reason (required)"))
        form.addRow(self.tr("&Reason"), self.reason)
        layout.addLayout(form)
        self.error = error_label("correctError")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("correctOk")
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        buttons.accepted.connect(self.try_correct)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.remember_typed()

    def changes(self) -> dict[str, object]:
        if self.entry.kind == "visit":
            chosen = [c for c, box in self.service_boxes.items() if box.isChecked()]
            if not chosen:
                raise InvalidInput("service", "empty")
            changes: dict[str, object] = {"services": chosen}
            if self.worker is not None:
                changes["worker_type"] = str(self.worker.currentData())
            return changes
        assert self.money is not None
        return {"money_fen": validate.yuan_to_fen(self.money.text())}

    def try_correct(self) -> bool:
        try:
            corrections.correct_entry(self.ctx.ledger, self.entry.id, self.changes(),
                                      self.reason.text(), by=self.ctx.actor)
        except LedgerError as exc:
            self.error.setText(self.ctx.message(exc))
            self.error.show()
            return False
        self.accept()
        return True
