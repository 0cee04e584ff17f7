"""Versioned schema migrations, kept in ``PRAGMA user_version``; each runs in one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..domain.errors import LedgerUnavailable
from . import schema_v1


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: Sequence[str]


MIGRATIONS: list[Migration] = [
    Migration(1, "entry log, projections, audit, sync", schema_v1.STATEMENTS),
    Migration(2, "sync watermarks", (
        # Per local epoch: the highest seq the supervisor acknowledged, and the last exported.
        """CREATE TABLE sync_state (
            epoch INTEGER PRIMARY KEY,
            acked_seq INTEGER NOT NULL DEFAULT 0,
            exported_seq INTEGER NOT NULL DEFAULT 0,
            acked_at TEXT,
            exported_at TEXT
        )""",
    )),
]


def _discover() -> None:
    """Feature areas keep their schema in ``data/schema_<area>.py`` with a ``MIGRATIONS`` list."""
    import importlib
    import pkgutil

    from .. import data

    for info in sorted(pkgutil.iter_modules(data.__path__), key=lambda m: m.name):
        if info.name.startswith("schema_") and info.name != "schema_v1":
            module = importlib.import_module(f"{data.__name__}.{info.name}")
            for migration in getattr(module, "MIGRATIONS", []):
                register(migration)


def register(migration: Migration) -> None:
    """Add a migration (feature packages call this at import time); versions stay sorted."""
    if any(m.version == migration.version for m in MIGRATIONS):
        raise ValueError(f"migration {migration.version} registered twice")
    MIGRATIONS.append(migration)
    MIGRATIONS.sort(key=lambda m: m.version)


def latest_version() -> int:
    return MIGRATIONS[-1].version


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def pending(conn: sqlite3.Connection) -> list[Migration]:
    have = current_version(conn)
    return [m for m in MIGRATIONS if m.version > have]


def migrate(
    conn: sqlite3.Connection,
    before: Callable[[int, int], None] | None = None,
    target: int | None = None,
) -> int:
    """Bring the schema to ``target`` (default: latest). Returns the new version.

    ``before(current, latest)`` runs first when there is work to do (the backup hook).
    A ledger from a newer version of the software is refused, never touched.
    """
    have = current_version(conn)
    if have > latest_version():
        raise LedgerUnavailable("newer_schema", found=have, supported=latest_version())
    todo = [m for m in MIGRATIONS if m.version > have and (target is None or m.version <= target)]
    if not todo:
        return have
    if before is not None and have > 0:
        before(have, todo[-1].version)
    for migration in todo:
        conn.execute("BEGIN IMMEDIATE")
        if current_version(conn) >= migration.version:
            # Another process (the GUI and a CLI started together) upgraded the file while we
            # waited for the lock: never run a migration twice, never lower the version.
            conn.execute("ROLLBACK")
            continue
        try:
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return current_version(conn)


_discover()
