"""The Sync page's tables: the stations this ledger knows and what the last import did."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ..domain import clock
from ..sync.importer import Outcome
from ..sync.status import StationStatus, gap_sentence
from .errors import render as render_error

Index = QModelIndex | QPersistentModelIndex
WARN = QColor("#fff3cd")
BAD = QColor("#f8d7da")
MUTED = QColor("#6c757d")  # a file skipped as meant for another ledger: nothing to do
NAME_WIDTH = 220  # pixels: about 14 Chinese characters of a station's name


class _RowsModel(QAbstractTableModel):
    """A small read-only table: a list of rows and translated column titles.

    Titles are marked with QT_TRANSLATE_NOOP under the subclass's name, which is also the
    context ``self.tr`` uses at run time.
    """

    COLUMNS: tuple[Any, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.lang = "zh_CN"

    def set_rows(self, rows: list[Any], lang: str) -> None:
        self.beginResetModel()
        self.rows = rows
        self.lang = lang
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(str(self.COLUMNS[section]))
        return None


class StationsModel(_RowsModel):
    """One row per station this ledger knows (a supervisor has tens to a few hundred)."""

    rows: list[StationStatus]

    COLUMNS = (
        QT_TRANSLATE_NOOP("StationsModel", "Code"),
        QT_TRANSLATE_NOOP("StationsModel", "Name"),
        QT_TRANSLATE_NOOP("StationsModel", "Role"),
        QT_TRANSLATE_NOOP("StationsModel", "Entries"),
        QT_TRANSLATE_NOOP("StationsModel", "Contiguous to"),
        QT_TRANSLATE_NOOP("StationsModel", "Missing"),
        QT_TRANSLATE_NOOP("StationsModel", "Last bundle"),
        QT_TRANSLATE_NOOP("StationsModel", "Days since contact"),
    )

    def _role(self, role: str) -> str:
        return {"self": self.tr("this ledger"), "supervisor": self.tr("supervisor"),
                "enrolled": self.tr("enrolled"), "known": self.tr("known")}.get(role, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.code
            if col == 1:
                return row.name
            if col == 2:
                text = self._role(row.role)
                return text + (" " + self.tr("(revoked)") if row.revoked else "")
            if col == 3:
                return f"{row.entries:,}"
            if col == 4:
                return ", ".join(f"e{e}: {s}" for e, s in sorted(row.watermarks.items())) or "—"
            if col == 5:
                return "; ".join(row.gap_text(self.lang)) or "—"
            if col == 6:
                if not row.last_bundle_at:
                    return "—"
                return clock.parse_iso(row.last_bundle_at).astimezone().strftime(
                    "%Y-%m-%d %H:%M")
            if col == 7:
                if row.days_since_contact is None:
                    return self.tr("none yet") if "never" in row.warnings else "—"
                return str(row.days_since_contact)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.revoked or row.gaps or row.forks:
                return BAD
            if "stale" in row.warnings or "never" in row.warnings:
                return WARN
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return row.name  # the column is capped: a long name is cut short on screen
        if role == Qt.ItemDataRole.ToolTipRole and (row.gaps or row.forks):
            return "\n".join(row.fork_text(self.lang) + row.gap_text(self.lang))
        if role == Qt.ItemDataRole.UserRole + 1:
            return row.code
        return None


class ResultsModel(_RowsModel):
    """What the last import did, one row per file."""

    rows: list[Outcome]

    COLUMNS = (
        QT_TRANSLATE_NOOP("ResultsModel", "File"),
        QT_TRANSLATE_NOOP("ResultsModel", "Result"),
        QT_TRANSLATE_NOOP("ResultsModel", "New"),
        QT_TRANSLATE_NOOP("ResultsModel", "Duplicate"),
        QT_TRANSLATE_NOOP("ResultsModel", "Message"),
    )

    def _result(self, result: str) -> str:
        return {"accepted": self.tr("accepted"), "duplicate": self.tr("nothing new"),
                "refused": self.tr("refused"), "dry_run": self.tr("dry run"),
                "skipped": self.tr("skipped")}.get(result, result)

    def _notes(self, row: Outcome) -> list[str]:
        notes = []
        for inner, why, _kept in row.inner_refused:
            notes.append(self.tr("forwarded bundle %1 set aside: %2")
                         .replace("%1", inner.rsplit("/", 1)[-1][:12])
                         .replace("%2", render_error(why, self.lang)))
        for station, gaps in row.missing.items():
            for epoch, spans in gaps.items():
                for lo, hi in spans:
                    notes.append(gap_sentence(station, epoch, lo, hi, self.lang))
        return notes

    def details(self, number: int, result_line: str | None = None) -> str:
        """Everything about one row in full sentences, for the box under the table: the
        Message column is cut short and its tooltip needs a mouse. ``result_line`` stands in
        for "Result: …" (a dry run says what the file would be)."""
        if not 0 <= number < len(self.rows):
            return ""
        row = self.rows[number]
        lines = [self.tr("File: %1").replace("%1", row.file),
                 result_line if result_line is not None
                 else self.tr("Result: %1").replace("%1", self._result(row.result))]
        if row.error is not None:
            lines.append(render_error(row.error, self.lang))
            if row.quarantined:
                lines.append(self.tr("A copy is in the quarantine folder: %1")
                             .replace("%1", row.quarantined))
        else:
            lines.append(self.tr("New entries: %1, already held: %2, conflicting: %3.")
                         .replace("%1", f"{row.new:,}").replace("%2", f"{row.duplicate:,}")
                         .replace("%3", f"{row.conflicting:,}"))
        for inner, why, kept in row.inner_refused:
            lines.append(self.tr("Forwarded bundle %1 was set aside: %2")
                         .replace("%1", inner.rsplit("/", 1)[-1])
                         .replace("%2", render_error(why, self.lang)))
            if kept:
                lines.append(self.tr("A copy is in the quarantine folder: %1")
                             .replace("%1", kept))
        for station, gaps in row.missing.items():
            for epoch, spans in gaps.items():
                for lo, hi in spans:
                    lines.append(gap_sentence(station, epoch, lo, hi, self.lang))
        return "\n".join(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.file
            if col == 1:
                return self._result(row.result)
            if col == 2:
                return str(row.new)
            if col == 3:
                return str(row.duplicate)
            if col == 4:
                if row.error is not None:
                    return render_error(row.error, self.lang)
                return "; ".join(self._notes(row))
        if role == Qt.ItemDataRole.ToolTipRole and col == 4:
            return self.data(index, Qt.ItemDataRole.DisplayRole) or None
        if role == Qt.ItemDataRole.ForegroundRole and row.skipped:
            return MUTED
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.skipped:
                return None  # neutral: the file is simply someone else's
            if row.error is not None:
                return BAD
            if row.missing or row.inner_refused:
                return WARN
        return None
