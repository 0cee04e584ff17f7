"""A walk-in visit: the worker type alone (one key); foreign drivers add document and country."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...data import queries
from ...domain import worker_types
from ...domain.errors import LedgerError
from ...services import visits
from ..context import AppContext
from . import error_label


class WalkInDialog(QDialog):
    """Number keys pick the worker type and record at once; a foreign driver needs two more."""

    def __init__(self, ctx: AppContext, services: list[str], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("walkInDialog")
        self.setWindowTitle(self.tr("Walk-in visit"))
        self.result_walk_in: visits.WalkIn | None = None
        # A card scanned while this dialog is open is a member, not a walk-in: the scan router
        # (ui/scan_router.py) keeps its digits from picking a worker type, and the counter
        # closes this dialog and checks the card in.
        self.setProperty("scanPolicy", "cancel")
        self.worker: str | None = None
        layout = QVBoxLayout(self)
        names = {s.code: s.text(ctx.lang) for s in queries.services(ctx.ledger)}
        chosen = QLabel(self.tr("Services: %1").replace(
            "%1", (", " if ctx.lang == "en" else "、").join(names.get(c, c) for c in services)))
        chosen.setObjectName("walkInServices")
        chosen.setWordWrap(True)
        layout.addWidget(chosen)
        intro = QLabel(self.tr("Who is it? Press the number of the worker type."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for n, label in enumerate(worker_types.WORKER_TYPES):
            button = QPushButton(f"{n + 1}  {label.text(ctx.lang)}")
            button.setObjectName(f"walkIn_{label.code}")
            button.setAccessibleName(label.text(ctx.lang))
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setMinimumHeight(44)
            button.clicked.connect(lambda _=False, code=label.code: self.pick(code))
            grid.addWidget(button, n // 3, n % 3)
            self.buttons[label.code] = button
        layout.addLayout(grid)
        self.foreign = QCheckBox(self.tr("&Foreign driver (document and nationality)"))
        self.foreign.setObjectName("foreignDriver")
        self.foreign.toggled.connect(self._foreign_toggled)
        layout.addWidget(self.foreign)
        self.foreign_box = QWidget()
        form = QFormLayout(self.foreign_box)
        self.doc_type = QComboBox()
        self.doc_type.setObjectName("docType")
        for doc in worker_types.DOC_TYPES:
            self.doc_type.addItem(doc.text(ctx.lang), doc.code)
        self.doc_type.setCurrentIndex(1)  # passport
        self.nationality = QComboBox()
        self.nationality.setObjectName("nationality")
        self.nationality.setEditable(True)
        for nat in worker_types.NATIONALITIES:
            self.nationality.addItem(f"{nat.code} {nat.text(ctx.lang)}", nat.code)
        self.nationality.setCurrentIndex(1)  # Mongolia: the commonest at the border ports
        form.addRow(self.tr("&Document"), self.doc_type)
        form.addRow(self.tr("&Nationality"), self.nationality)
        self.foreign_box.hide()
        layout.addWidget(self.foreign_box)
        self.error = error_label("walkInError", hidden=False)
        layout.addWidget(self.error)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        self.ok = box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("walkInOk")
        self.ok.setText(self.tr("Record"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def _foreign_toggled(self, on: bool) -> None:
        self.foreign_box.setVisible(on)
        if on and self.worker is None:
            self._mark("truck_driver")
        self.adjustSize()

    def _mark(self, code: str) -> None:
        self.worker = code
        for key, button in self.buttons.items():
            button.setChecked(key == code)

    def pick(self, code: str) -> None:
        self._mark(code)
        if not self.foreign.isChecked():
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        codes = list(self.buttons)
        typing_country = self.nationality.lineEdit()
        if text.isdigit() and 1 <= int(text) <= len(codes) and not (
                typing_country is not None and typing_country.hasFocus()):
            self.pick(codes[int(text) - 1])
            return
        if event.key() == Qt.Key.Key_F and not event.modifiers():
            self.foreign.toggle()
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        if self.worker is None:
            self.error.setText(self.tr("Choose the worker type."))
            return
        doc = nat = None
        if self.foreign.isChecked():
            doc = str(self.doc_type.currentData())
            nat = self.nationality.currentData() if self.nationality.currentText() == \
                self.nationality.itemText(self.nationality.currentIndex()) else None
            nat = str(nat or self.nationality.currentText().strip().split(" ")[0])
        walk_in = visits.WalkIn(self.worker, doc, nat)
        try:
            visits.check_walk_in(walk_in)
        except LedgerError as exc:
            self.error.setText(self.ctx.message(exc))
            return
        self.result_walk_in = walk_in
        super().accept()
