"""Schema 20-29 (attendants, audit, privacy): indexes for the audit viewer and anonymisation."""

from __future__ import annotations

from .migrations import Migration

MIGRATIONS = [
    Migration(20, "audit and anonymisation indexes", (
        "CREATE INDEX IF NOT EXISTS audit_log_action ON audit_log(action, outcome, id)",
        "CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log(actor, id)",
        """CREATE INDEX IF NOT EXISTS entries_anonymised
            ON entries(json_extract(body, '$.member_no')) WHERE kind = 'member.anonymise'""",
    )),
]
