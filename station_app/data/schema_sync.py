"""Schema for sync (versions 10-19): the archive of accepted bundles kept for relays."""

from __future__ import annotations

from .migrations import Migration

MIGRATIONS = [
    Migration(10, "sync bundle archive", (
        # Original signed bundles a supervisor accepted, kept so it can forward them upward.
        """CREATE TABLE bundle_archive (
            sha256 TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            station TEXT NOT NULL,
            received_at TEXT NOT NULL,
            entry_count INTEGER NOT NULL,
            relayed_at TEXT
        )""",
        "CREATE INDEX import_log_station ON import_log(station, at)",
    )),
]
