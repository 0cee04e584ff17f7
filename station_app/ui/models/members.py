"""The matches under the check-in bar: members found by number, name, pinyin, phone or ID tail."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ...data.queries import Member
from ...domain import statuses, worker_types

Index = QModelIndex | QPersistentModelIndex
MEMBER_NO_ROLE = Qt.ItemDataRole.UserRole + 1
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 2


class MatchesModel(QAbstractListModel):
    """At most ``queries.SEARCH_LIMIT`` members: small, so it holds them all."""

    def __init__(self, lang: str = "zh_CN", parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._members: list[Member] = []

    def set_members(self, members: list[Member]) -> None:
        self.beginResetModel()
        self._members = list(members)
        self.endResetModel()

    def member(self, row: int) -> Member | None:
        return self._members[row] if 0 <= row < len(self._members) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        member = self.member(index.row())
        if member is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            status = ("" if member.status == "active"
                      else f" [{statuses.label(member.status, self.lang)}]")
            return (f"{member.name}  {member.member_no}  {member.phone_masked}  "
                    f"{worker_types.label(member.worker_type, self.lang)}{status}")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{member.name} {member.id_masked} {member.employer}"
        if role == MEMBER_NO_ROLE:
            return member.member_no
        if role == MEMBER_ROLE:
            return member
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
