"""The append-only audit log: who signed in, revealed, exported, imported, backed up, changed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..data.db import Ledger

if TYPE_CHECKING:  # auth records through this module, so it is imported where it is used
    from .auth import Acting

# Actions written by this package and by others (sync, reports) through ``record``.
SIGN_IN = "sign_in"
SIGN_OUT = "sign_out"
LOCK = "lock"
REVEAL = "reveal"
EXPORT = "export"
IMPORT = "import"
BACKUP = "backup"
RESTORE = "restore"
SETTING = "setting"
ATTENDANT = "attendant"
RETENTION = "retention"
DENIED = "denied"
INTEGRITY = "integrity"


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str
    actor: str
    action: str
    subject: str
    detail: dict[str, Any]
    outcome: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "actor": self.actor, "action": self.action,
                "subject": self.subject, "detail": self.detail, "outcome": self.outcome}


def record(ledger: Ledger, actor: str, action: str, subject: str = "",
           detail: dict[str, Any] | None = None, outcome: str = "ok") -> None:
    """Add one row (joins an open write transaction, else commits on its own).

    Never put a full ID number or phone number in ``subject`` or ``detail``.
    """
    text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)
    ledger.audit(actor, action, subject, text, outcome)


def rows(ledger: Ledger, limit: int = 100, action: str | None = None,
         actor: str | None = None, before_id: int | None = None, *,
         attendant: Acting, by: str = "") -> list[AuditRow]:
    """The newest rows first, for an ``attendant`` with the ``audit`` permission.

    The log says who looked at which member's ID number and who exported what, so reading it
    is guarded like the other sensitive use cases (docs/SECURITY.md): None is allowed only in
    open mode; a refusal is itself written to the log (``denied``) with ``by`` as the actor.
    ``actor`` filters the rows by who acted; it is not the person asking.
    """
    from . import auth

    auth.require(ledger, attendant, "audit", actor=by)
    return _select(ledger, limit, action, actor, before_id)


def actors(ledger: Ledger, *, attendant: Acting, by: str = "") -> list[str]:
    """Everyone who appears in the log as the one who acted, sorted (the viewer's filter).

    Guarded like ``rows``: the list says who signed in, revealed and exported.
    """
    from . import auth

    auth.require(ledger, attendant, "audit", actor=by)
    return [str(r[0]) for r in ledger.conn.execute(
        "SELECT DISTINCT actor FROM audit_log ORDER BY actor")]


def _select(ledger: Ledger, limit: int, action: str | None = None, actor: str | None = None,
            before_id: int | None = None) -> list[AuditRow]:
    where: list[str] = []
    params: list[Any] = []
    if action:
        where.append("action = ?")
        params.append(action)
    if actor:
        where.append("actor = ?")
        params.append(actor)
    if before_id is not None:
        where.append("id < ?")
        params.append(before_id)
    sql = "SELECT id, at, actor, action, subject, detail, outcome FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(max(1, int(limit)))
    found = []
    for row in ledger.conn.execute(sql, params):
        try:
            detail = json.loads(row[5])
        except ValueError:
            detail = {"raw": row[5]}
        found.append(AuditRow(int(row[0]), row[1], row[2], row[3], row[4],
                              detail if isinstance(detail, dict) else {"value": detail}, row[6]))
    return found


def last(ledger: Ledger, action: str, outcome: str = "ok") -> AuditRow | None:
    """The newest row of one action (e.g. the last successful backup).

    Not guarded: the services' own status look-ups (the Security page's "last backup").
    """
    row = ledger.conn.execute(
        "SELECT MAX(id) FROM audit_log WHERE action = ? AND outcome = ?", (action, outcome)
    ).fetchone()
    if row is None or row[0] is None:
        return None
    found = _select(ledger, 1, before_id=int(row[0]) + 1)
    return found[0] if found else None


def count(ledger: Ledger) -> int:
    return int(ledger.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0])
