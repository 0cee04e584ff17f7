"""Schema for sync (10, then the next free number): the archive of accepted bundles kept for
relays, and what the level above acknowledged of them."""

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
    Migration(45, "relays acknowledged upward", (
        # The seq ranges of an archived bundle (JSON [{epoch, from, to}]; NULL before v45).
        "ALTER TABLE bundle_archive ADD COLUMN ranges TEXT",
        # What the level above holds of each station (from its return bundles): a relay
        # forwards every archived bundle not covered yet, so a lost relay costs nothing.
        """CREATE TABLE upstream_acks (
            station TEXT NOT NULL,
            epoch INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            acked_at TEXT NOT NULL,
            PRIMARY KEY (station, epoch)
        ) WITHOUT ROWID""",
    )),
    Migration(46, "return bundles send only what the station lacks", (
        # Station side: how far it holds each other station's member entries (from the
        # return bundles it imported); it reports this in every bundle it exports.
        """CREATE TABLE foreign_held (
            origin TEXT NOT NULL,
            epoch INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (origin, epoch)
        ) WITHOUT ROWID""",
        # Supervisor side: each station's latest such report, ordered by the station's own
        # position (epoch, seq) when it wrote it, so a restored station's report replaces
        # the one from before the restore.
        """CREATE TABLE return_acks (
            station TEXT PRIMARY KEY,
            at_epoch INTEGER NOT NULL,
            at_seq INTEGER NOT NULL,
            held TEXT NOT NULL
        )""",
    )),
    Migration(47, "a forked station-epoch is held until resolved", (
        # A (station, epoch) found with two different entries at one seq: every later bundle
        # of it is refused (set aside in relays) until the station admin resolves the fork,
        # so entries of the other copy cannot slip in by a range that does not overlap.
        """CREATE TABLE forks (
            station TEXT NOT NULL,
            epoch INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            existing TEXT NOT NULL,
            incoming TEXT NOT NULL,
            file TEXT NOT NULL,
            detected_at TEXT NOT NULL,
            resolved_at TEXT,
            resolved_by TEXT,
            note TEXT
        )""",
        "CREATE UNIQUE INDEX forks_open ON forks(station, epoch) WHERE resolved_at IS NULL",
    )),
]
