"""The station's service catalogue as a table (settings): code, names, active or retired."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...data import queries
from ...data.db import Ledger

Index = QModelIndex | QPersistentModelIndex
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ServicesModel(QAbstractTableModel):
    def __init__(self, ledger: Ledger, parent: Any = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self._rows: list[queries.ServiceRow] = []
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = queries.services(self.ledger)
        self.endResetModel()

    def service(self, row: int) -> queries.ServiceRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (self.tr("Code"), self.tr("Chinese name"), self.tr("English name"),
                  self.tr("State"))
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        service = self.service(index.row())
        if service is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            values = (service.code, service.name_zh, service.name_en,
                      self.tr("in use") if service.active else self.tr("retired"))
            return values[index.column()] if 0 <= index.column() < 4 else None
        if role == Qt.ItemDataRole.ForegroundRole and not service.active:
            return QBrush(QColor("#8a8a8a"))
        if role == CODE_ROLE:
            return service.code
        return None
