"""The audit log viewer (admins and supervisors): who signed in, revealed, exported, backed up."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain import clock
from ..domain.errors import LedgerError
from ..services import audit, auth
from .sign_in import can, current_attendant
from .widgets.seen import WhenSeen

PAGE_SIZE = 200
ACTIONS = ("", audit.SIGN_IN, audit.SIGN_OUT, audit.LOCK, audit.REVEAL, audit.EXPORT,
           "sync.export",
           "sync.return", audit.IMPORT, "sync.enrol", "enrol.from_bundle", "sync.trust",
           "sync.revoke", "sync.fork", "sync.fork_resolved", audit.BACKUP, audit.RESTORE,
           audit.SETTING, "self_service", audit.ATTENDANT, audit.RETENTION, audit.DENIED)

Index = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    """Newest first, fetched in pages of 200 rows by id (keyset paging)."""

    COLUMNS = ("When", "Who", "Action", "Subject", "Outcome", "Details")

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Subject"),
                self.tr("Outcome"), self.tr("Details"))

    def action_label(self, action: str) -> str:
        labels = {
            audit.SIGN_IN: self.tr("sign-in"), audit.SIGN_OUT: self.tr("sign-out"),
            audit.LOCK: self.tr("screen lock"),
            "self_service": self.tr("self-service mode"),
            audit.REVEAL: self.tr("ID number shown"), audit.EXPORT: self.tr("export"),
            "sync.export": self.tr("bundle export"), audit.IMPORT: self.tr("import"),
            audit.BACKUP: self.tr("backup"), audit.RESTORE: self.tr("restore"),
            audit.SETTING: self.tr("setting changed"), audit.ATTENDANT: self.tr("account"),
            audit.RETENTION: self.tr("anonymisation"), audit.DENIED: self.tr("refused"),
            "sync.return": self.tr("return bundle"), "sync.enrol": self.tr("station enrolled"),
            "enrol.from_bundle": self.tr("station enrolled from its bundle"),
            "sync.trust": self.tr("supervisor trusted"),
            "sync.revoke": self.tr("station key revoked"),
            "sync.fork": self.tr("station forked"), "sync.fork_resolved": self.tr("fork resolved"),
        }
        return labels.get(action, action)

    def permission_label(self, permission: str) -> str:
        """The human name of a permission (``auth.PERMISSION_WORDS``, the words refusals use
        too) in the language installed; the log keeps the code."""
        return auth.words(auth.PERMISSION_WORDS, permission, self._lang())

    def subject_label(self, row: audit.AuditRow) -> str:
        # A refusal's subject is the permission that was missing: shown by its name.
        return self.permission_label(row.subject) if row.action == audit.DENIED else row.subject

    def details_text(self, detail: dict[str, Any]) -> str:
        """The row's details in words of the window's language where they are known (the log
        keeps the keys; anything new shows as it is stored)."""
        lang = self._lang()
        if self._words is None or self._words[0] != lang:  # (made once, not per cell painted)
            self._words = (lang, *self._detail_words())
        _, keys, values = self._words

        def shown(key: str, value: Any) -> str:
            if key == "role" and isinstance(value, str):
                return auth.words(auth.ROLE_WORDS, value, lang)
            if isinstance(value, list | dict):
                return json.dumps(value, ensure_ascii=False)
            if isinstance(value, bool | str) and value in values:
                return values[value]
            return str(value)

        sep, colon = ("，", "：") if lang == "zh_CN" else (", ", ": ")
        return sep.join(f"{keys.get(k, k)}{colon}{shown(k, v)}"
                        for k, v in sorted(detail.items()))

    _words: tuple[str, dict[str, str], dict[object, str]] | None = None

    def _detail_words(self) -> tuple[dict[str, str], dict[object, str]]:
        keys = {
            "why": self.tr("why"), "reason": self.tr("reason"), "member_no": self.tr("member"),
            "role": self.tr("role"), "on": self.tr("on"), "failures": self.tr("failures"),
            "locked_seconds": self.tr("locked for (s)"), "cards": self.tr("cards"),
            "members": self.tr("members"), "printer": self.tr("printer"),
            "file": self.tr("file"), "old": self.tr("before"), "new": self.tr("after"),
            "error": self.tr("refusal"), "epoch": self.tr("epoch"), "keys": self.tr("keys"),
            "idle_minutes": self.tr("idle minutes"), "result": self.tr("result"),
            "serial": self.tr("card serial"), "via": self.tr("where"),
            "years": self.tr("years"), "count": self.tr("count"), "op": self.tr("operation"),
            "new_epoch": self.tr("new epoch"), "backup_created_at": self.tr("backup made"),
            "backup_epoch": self.tr("backup's epoch"),
            "backup_station": self.tr("backup's station"),
            "audit_rows_carried_over": self.tr("audit rows carried over"),
        }
        values = {
            "wrong_pin": self.tr("wrong PIN"), "not_signed_in": self.tr("not signed in"),
            "plain": self.tr("not encrypted"), "encrypted": self.tr("encrypted"),
            "gui": self.tr("window"), "cli": self.tr("command line"),
            "self_service": self.tr("self-service"),
            True: self.tr("yes"), False: self.tr("no"),
        }
        return keys, values

    def _lang(self) -> str:
        app = QCoreApplication.instance()
        return str(app.property("stationLang") or "zh_CN") if app is not None else "zh_CN"

    def outcome_label(self, outcome: str) -> str:
        return {"ok": self.tr("done"), "failed": self.tr("failed"),
                "refused": self.tr("refused"), "locked": self.tr("locked"),
                "denied": self.tr("not permitted"),
                "skipped": self.tr("skipped (not for this ledger)")}.get(outcome, outcome)

    def __init__(self, ledger: Any, parent: Any = None, *, attendant: Any = None,
                 actor: str = "") -> None:
        super().__init__(parent)
        self.ledger = ledger
        # Who reads: the service checks the ``audit`` permission at every page it hands out.
        self.attendant = attendant
        self.actor = actor
        self.action: str | None = None
        self.person: str | None = None  # only rows of this actor (the "Who" filter)
        self.rows: list[audit.AuditRow] = []
        self._more = False  # empty until ``reload()`` (the page calls it once it may)

    def reload(self) -> None:
        """The newest page again; a refusal (``LedgerError``) leaves the rows as they were."""
        found = audit.rows(self.ledger, PAGE_SIZE, action=self.action or None,
                           actor=self.person or None, attendant=self.attendant, by=self.actor)
        self.beginResetModel()
        self.rows = found
        self._more = len(found) == PAGE_SIZE
        self.endResetModel()

    def clear(self) -> None:
        """No rows (shown to someone who may not read the log)."""
        self.beginResetModel()
        self.rows = []
        self._more = False
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.rows:
            return
        try:
            more = audit.rows(self.ledger, PAGE_SIZE, action=self.action or None,
                              actor=self.person or None, before_id=self.rows[-1].id,
                              attendant=self.attendant, by=self.actor)
        except LedgerError:  # e.g. the account was disabled meanwhile: no further pages
            self._more = False
            return
        self._more = len(more) == PAGE_SIZE
        if not more:
            return
        start = len(self.rows)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.column_titles()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return clock.parse_iso(row.at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
            if col == 5:
                return self.details_text(row.detail)
            return (None, row.actor, self.action_label(row.action), self.subject_label(row),
                    self.outcome_label(row.outcome))[col]
        if role == Qt.ItemDataRole.ForegroundRole and row.outcome not in ("ok",):
            from PySide6.QtGui import QColor

            return QColor("#b00020")
        if role == Qt.ItemDataRole.UserRole + 1:
            return row.id
        if role == Qt.ItemDataRole.UserRole + 2:
            return row.action
        if role == Qt.ItemDataRole.UserRole + 3:
            return row.subject  # as stored (a refusal's permission code)
        return None


class AuditPage(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("auditPage")
        self.setWindowTitle(self.tr("Audit log"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        self.filter = QComboBox()
        self.filter.setObjectName("auditFilter")
        self.model = AuditModel(ctx.ledger, self, attendant=current_attendant(ctx),
                                actor=ctx.actor)
        for action in ACTIONS:
            self.filter.addItem(self.model.action_label(action) if action
                                else self.tr("All actions"), action)
        self.filter.currentIndexChanged.connect(self.apply_filter)
        top.addWidget(self.filter)
        who = QLabel(self.tr("&Who:"))
        top.addWidget(who)
        self.person_filter = QComboBox()
        self.person_filter.setObjectName("auditPersonFilter")
        self.person_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.person_filter.addItem(self.tr("Everyone"), "")
        who.setBuddy(self.person_filter)
        self.person_filter.currentIndexChanged.connect(self.apply_filter)
        top.addWidget(self.person_filter)
        top.addStretch(1)
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.setObjectName("auditRefresh")
        refresh.clicked.connect(self.refresh)
        top.addWidget(refresh)
        layout.addLayout(top)
        self.notice = QLabel(self.tr("Only the station admin and supervisors can see the audit "
                                     "log."))
        self.notice.setObjectName("auditNotice")
        layout.addWidget(self.notice)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table)
        self._seen = WhenSeen(self, self.refresh)
        ctx.ledger_changed.connect(self._seen.changed)
        ctx.actor_changed.connect(self._actor_changed)
        self.refresh()

    def _actor_changed(self, _name: str) -> None:
        # A bound method, not a lambda: Qt drops the connection with the page, which a
        # language switch or a restore rebuilds (a lambda would refresh the deleted page).
        self.refresh()

    def apply_filter(self) -> None:
        self.model.action = self.filter.currentData() or None
        self.model.person = self.person_filter.currentData() or None
        self.refresh()

    def _fill_people(self, people: list[str]) -> None:
        """Everyone in the log, by display name where it is an account; the choice is kept."""
        names = {a.username: a.display_name for a in auth.list_attendants(self.ctx.ledger)}
        chosen = self.person_filter.currentData() or ""
        self.person_filter.blockSignals(True)
        try:
            while self.person_filter.count() > 1:
                self.person_filter.removeItem(1)
            for person in people:
                shown = names.get(person)
                self.person_filter.addItem(f"{shown} ({person})" if shown else person, person)
            if chosen and chosen not in people:  # gone after a restore: still the filter
                self.person_filter.addItem(chosen, chosen)
            self.person_filter.setCurrentIndex(max(0, self.person_filter.findData(chosen)))
        finally:
            self.person_filter.blockSignals(False)

    def refresh(self) -> None:
        self._seen.pending = False
        allowed = can(self.ctx, "audit")
        if allowed:
            who = current_attendant(self.ctx)
            self.model.attendant = who
            self.model.actor = self.ctx.actor
            try:
                self._fill_people(audit.actors(self.ctx.ledger, attendant=who,
                                               by=self.ctx.actor))
                self.model.reload()
            except LedgerError:  # the service said no (account disabled since sign-in ...)
                allowed = False
        self.notice.setVisible(not allowed)
        self.table.setVisible(allowed)
        if not allowed:
            self.model.clear()


def build_audit_page(ctx: Any) -> QWidget:
    return AuditPage(ctx)
