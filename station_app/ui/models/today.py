"""Today's ledger: a lazy table model over the entries file (Anki's browser-table pattern).

One SQL query gives the ordered ids (``rowCount = len(ids)``); rows are fetched in pages of
``PAGE`` on demand in ``data()`` and kept in a small cache. Sorting re-runs the id query with
another ORDER BY, so the table stays fast with millions of entries in the file: the id query
uses the ``entries_kind (kind, station, recorded_at)`` index to find today's rows. Only this
station's own entries are listed: on a supervisor the bundles it imported are not its counter's
work, and neither are members another station registered (return bundles).
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...data import queries
from ...domain import catalogue, clock, phone, validate, worker_types
from ...domain.errors import LedgerError
from ..context import AppContext

Index = QModelIndex | QPersistentModelIndex

KINDS = ("visit", "relief", "enrolment", "member.signup", "transfer.in", "transfer.out",
         "member.withdraw", "member.rejoin", "member.update", "member.verify")
PAGE = 200
# A repeat handout's reason, as much as the Details column shows (the tooltip has it whole).
REASON_SHOWN = 20
MAX_CACHED_PAGES = 20

ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
VOIDED_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 4

COL_TIME, COL_KIND, COL_PERSON, COL_WORKER, COL_DETAILS, COL_BY, COL_STATUS = range(7)
_ORDER = {
    COL_TIME: "e.recorded_at",
    COL_KIND: "e.kind",
    COL_PERSON: "json_extract(e.body, '$.member_no')",
    COL_WORKER: "json_extract(e.body, '$.worker_type')",
    COL_DETAILS: "e.kind",
    COL_BY: "e.recorded_by",
    COL_STATUS: "EXISTS (SELECT 1 FROM voids v WHERE v.target = e.id)",
}

_ROW_SQL = """
SELECT e.id, e.kind, e.recorded_at, e.recorded_by, e.body,
       (SELECT v.reason FROM voids v WHERE v.target = e.id LIMIT 1),
       (SELECT c.body FROM corrections c WHERE c.target = e.id ORDER BY c.ord DESC LIMIT 1),
       (SELECT json_extract(ce.body, '$.reason') FROM entries ce
         WHERE ce.target = e.id AND ce.kind = 'correct' ORDER BY ce.id DESC LIMIT 1),
       (SELECT m.name FROM members m WHERE m.member_no = json_extract(e.body, '$.member_no'))
FROM entries e WHERE e.id IN ({marks})
"""


class TodayModel(QAbstractTableModel):
    """Entries recorded today (visits, relief, enrolments, sign-ups, transfers, profile edits,
    verifications, withdrawals, rejoins), newest first."""

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ids: list[str] = []
        self._pages: dict[int, dict[str, tuple[Any, ...]]] = {}
        self._sort_column = COL_TIME
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._service_names: dict[str, tuple[str, str]] = {}
        self._campaign_names: dict[str, str] = {}
        self.day = clock.today()
        self.refresh()

    # ---- loading ----
    def _id_sql(self) -> str:
        direction = "DESC" if self._sort_order == Qt.SortOrder.DescendingOrder else "ASC"
        marks = ", ".join("?" for _ in KINDS)
        order = _ORDER.get(self._sort_column, "e.recorded_at")
        return (f"SELECT e.id FROM entries e WHERE e.kind IN ({marks}) AND e.station = ?"
                f" AND e.recorded_at >= ? AND e.recorded_at < ?"
                f" ORDER BY {order} {direction}, e.id {direction}")

    def refresh(self) -> None:
        """Re-read today's ids (after a write, a sort, or midnight)."""
        self.beginResetModel()
        self.day = clock.today()
        start = self.day.isoformat()
        end = (self.day + timedelta(days=1)).isoformat()
        conn = self.ctx.ledger.conn
        self._ids = [r[0] for r in conn.execute(self._id_sql(),
                                                  (*KINDS, self.ctx.ledger.station_code,
                                                   start, end))]
        self._pages.clear()
        self._service_names = {s.code: (s.name_zh, s.name_en)
                               for s in queries.services(self.ctx.ledger)}
        self._campaign_names = {c.code: c.name for c in queries.campaigns(self.ctx.ledger)}
        self.endResetModel()

    def _row(self, row: int) -> tuple[Any, ...] | None:
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            ids = self._ids[page_no * PAGE:(page_no + 1) * PAGE]
            sql = _ROW_SQL.format(marks=", ".join("?" for _ in ids))
            page = {r[0]: tuple(r) for r in self.ctx.ledger.conn.execute(sql, ids)}
            if len(self._pages) >= MAX_CACHED_PAGES:
                self._pages.pop(next(iter(self._pages)))
            self._pages[page_no] = page
        return page.get(self._ids[row])

    # ---- Qt model API ----
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if 0 <= section < len(self._ids) else None
        titles = (self.tr("Time"), self.tr("What"), self.tr("Who"), self.tr("Worker type"),
                  self.tr("Details"), self.tr("By"), self.tr("Status"))
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = self._row(index.row())
        if row is None:
            return None
        entry_id, kind, at, by, body_text, void_reason, correction, correct_reason, name = row
        voided = void_reason is not None
        if role == ENTRY_ID_ROLE:
            return entry_id
        if role == VOIDED_ROLE:
            return voided
        if role == KIND_ROLE:
            return kind
        body = json.loads(correction) if correction else json.loads(body_text)
        if role == MEMBER_ROLE:
            return body.get("member_no")
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(col, kind, at, by, body, name, void_reason, correct_reason)
        if role == Qt.ItemDataRole.ToolTipRole:
            if voided:
                return self.tr("Voided: %1").replace("%1", str(void_reason))
            if col == COL_DETAILS and kind == "relief" and body.get("override_reason"):
                # The row shows the reason for giving again cut short; here it is whole.
                return self._details(kind, body, full=True)
            if correct_reason:
                return self.tr("Corrected: %1").replace("%1", str(correct_reason))
            return self.tr("Entry %1").replace("%1", entry_id)
        if role == Qt.ItemDataRole.FontRole and voided:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and voided:
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._display(col, kind, at, by, body, name, void_reason, correct_reason)
            return (self.tr("voided") + " " + str(text)) if voided else text
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < 7:
            return
        self._sort_column = column
        self._sort_order = order
        self.refresh()

    # ---- helpers ----
    def entry_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, entry_id: str) -> int:
        try:
            return self._ids.index(entry_id)
        except ValueError:
            return -1

    def _kind_text(self, kind: str) -> str:
        return {
            "visit": self.tr("Visit"), "relief": self.tr("Relief"),
            "enrolment": self.tr("Programme"), "member.signup": self.tr("Sign-up"),
            "transfer.in": self.tr("Transfer in"), "transfer.out": self.tr("Transfer out"),
            "member.withdraw": self.tr("Withdrawal"),
            "member.rejoin": self.tr("Rejoin"),
            "member.update": self.tr("Profile edit"),
            "member.verify": self.tr("Real-name verification"),
        }.get(kind, kind)

    def _display(self, col: int, kind: str, at: str, by: str, body: dict[str, Any],
                 name: str | None, void_reason: str | None, correct_reason: str | None) -> str:
        lang = self.ctx.lang
        if col == COL_TIME:
            return clock.parse_iso(at).astimezone().strftime("%H:%M")
        if col == COL_KIND:
            return self._kind_text(kind)
        if col == COL_PERSON:
            number = body.get("member_no")
            if not number:
                if body.get("walk_in") or kind in ("visit", "relief"):
                    return self.tr("Walk-in")
                return ""
            return f"{name or body.get('name') or ''} {number}".strip()
        if col == COL_WORKER:
            worker = body.get("worker_type")
            text = worker_types.label(worker, lang) if worker else ""
            if body.get("nationality"):
                text += f" · {body['nationality']}"
            return text
        if col == COL_DETAILS:
            return self._details(kind, body)
        if col == COL_BY:
            return by
        if col == COL_STATUS:
            if void_reason is not None:
                return self.tr("Voided: %1").replace("%1", void_reason)
            if correct_reason:
                return self.tr("Corrected: %1").replace("%1", correct_reason)
            return ""
        return ""

    def _details(self, kind: str, body: dict[str, Any], *, full: bool = False) -> str:
        en = self.ctx.lang == "en"
        if kind == "visit":
            names = [self._service_names.get(c, (c, c))[1 if en else 0]
                     for c in body.get("services", [])]
            return ", ".join(names) if en else "、".join(names)
        if kind == "relief":
            parts = []
            if body.get("money_fen"):
                parts.append("¥" + validate.format_fen(int(body["money_fen"])))
            parts += [f"{g['item']}×{g['qty']}" for g in body.get("goods", [])]
            code = str(body.get("campaign", ""))
            # The campaign's name, as the relief window and the member panel say it (the code
            # only for a campaign this ledger does not define).
            text = f"{self._campaign_names.get(code) or code}: " + ", ".join(parts)
            reason = str(body.get("override_reason") or "").strip()
            if reason:
                if not full and len(reason) > REASON_SHOWN:
                    reason = reason[:REASON_SHOWN - 1] + "…"
                text += (" " if en else "") + self.tr("(again: %1)").replace("%1", reason)
            return text
        if kind == "enrolment":
            try:
                return catalogue.programme(str(body.get("programme"))).text(self.ctx.lang)
            except LedgerError:  # a programme from a newer catalogue
                return str(body.get("programme"))
        if kind in ("transfer.in", "transfer.out"):
            return str(body.get("other_union", ""))
        if kind == "member.withdraw":
            return str(body.get("reason", ""))
        if kind in ("member.update", "member.rejoin"):
            return self._changes(body)
        if kind == "member.verify":
            return (self.tr("verified") if body.get("status") == "verified"
                    else self.tr("verification removed"))
        return ""

    def _changes(self, body: dict[str, Any]) -> str:
        """What a profile edit changed (the phone masked, as everywhere on screen), and why."""
        labels = {"name": self.tr("name"), "phone": self.tr("mobile"),
                  "worker_type": self.tr("worker type"), "employer": self.tr("employer")}
        parts = []
        for key, value in dict(body.get("changes", {})).items():
            if key == "phone":
                value = phone.mask(str(value))
            elif key == "worker_type":
                value = worker_types.label(str(value), self.ctx.lang)
            parts.append(f"{labels.get(key, key)} → {value or '—'}")
        en = self.ctx.lang == "en"
        text = (", " if en else "，").join(parts)
        reason = body.get("reason")
        if not reason:
            return text
        return f"{text} ({reason})" if en else f"{text}（{reason}）"
