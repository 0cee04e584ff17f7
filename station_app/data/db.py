"""Opening the ledger file (WAL, foreign keys, durable commits) and writing to it safely."""

from __future__ import annotations

import contextlib
import errno
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from ..domain import clock, ids
from ..domain.errors import LedgerUnavailable, NotFound, Refused
from . import entries as entries_mod
from . import migrations
from .entries import Entry
from .keys import KeyRing, key_dir_for

log = logging.getLogger(__name__)

MEMORY = ":memory:"


def _connect(path: str) -> sqlite3.Connection:
    # check_same_thread=False: an import hands the connection to a second thread for its bulk
    # writes and its commits (data/bulk.py, Ledger.write), never using it from two at once.
    # 256 cached statements: those bulk writes use a dozen statement texts per table.
    conn = sqlite3.connect(path, isolation_level=None, timeout=10.0, check_same_thread=False,
                           cached_statements=256)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    found = migrations.current_version(conn)
    if found > migrations.latest_version():
        conn.close()  # a newer program's ledger: not even the journal mode is touched
        raise LedgerUnavailable("newer_schema", found=found, supported=migrations.latest_version())
    if path != MEMORY:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise LedgerUnavailable("ledger_damaged", detail=f"journal_mode={mode}")
    # FULL: in WAL mode every commit syncs the WAL, so a visit the attendant saw saved
    # survives a power cut. NORMAL would be faster but may lose the last commits
    # (benchmarks/bench_core.py measures the difference).
    conn.execute("PRAGMA synchronous = FULL")
    # 8 MB page cache per connection: the counter keeps several connections open on a
    # multi-GB ledger for hours, and its hot pages (indexes near the end) fit easily.
    conn.execute("PRAGMA cache_size = -8000")
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def _translate(exc: sqlite3.Error, path: str) -> Exception:
    text = str(exc)
    if "append_only" in text:
        return Refused("append_only")
    if isinstance(exc, sqlite3.OperationalError):
        if "disk is full" in text or "database or disk is full" in text:
            return LedgerUnavailable("disk_full")
        if "readonly" in text or "read-only" in text:
            return LedgerUnavailable("ledger_read_only", path=path)
    if isinstance(exc, sqlite3.DatabaseError) and (
        "malformed" in text or "not a database" in text
    ):
        return LedgerUnavailable("ledger_damaged", detail=text)
    return exc


class Ledger:
    """One open ledger: connection, sqlite-utils wrapper, keys and the local station's identity."""

    def __init__(self, conn: sqlite3.Connection, path: str, keys: KeyRing) -> None:
        self.conn = conn
        self.path = path
        self.keys = keys
        self.db = sqlite_utils.Database(conn)
        self._in_write = False
        self._depth = 0
        self._settings_cache: dict[str, str] | None = None
        self.after_commit: list[Callable[[], None]] = []

    # ---- settings ----
    def settings(self) -> dict[str, str]:
        if self._settings_cache is None:
            self._settings_cache = dict(self.conn.execute("SELECT key, value FROM settings"))
        return self._settings_cache

    def setting(self, key: str, default: str = "") -> str:
        return self.settings().get(key, default)

    def set_setting(self, key: str, value: str) -> None:
        self._require_write()
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))
        self._settings_cache = None

    def delete_settings(self, prefix: str) -> None:
        """Remove every setting whose key starts with ``prefix``."""
        self._require_write()
        self.conn.execute("DELETE FROM settings WHERE substr(key, 1, ?) = ?",
                          (len(prefix), prefix))
        self._settings_cache = None

    @property
    def initialised(self) -> bool:
        return bool(self.setting("station.code"))

    @property
    def station_code(self) -> str:
        code = self.setting("station.code")
        if not code:
            raise Refused("not_initialised")
        return code

    @property
    def station_name(self) -> str:
        return self.setting("station.name")

    @property
    def station_kind(self) -> str:
        return self.setting("station.kind", "station")

    @property
    def epoch(self) -> int:
        return int(self.setting("station.epoch", "1"))

    # ---- transactions ----
    @contextlib.contextmanager
    def write(self, beside_commit: Callable[[], None] | None = None) -> Iterator[Ledger]:
        """One write transaction (``BEGIN IMMEDIATE``); everything or nothing is saved.

        ``beside_commit``: work that does not touch this ledger, done while the commit is
        written and synced on another thread (an import reads the next bundle meanwhile);
        it must not raise. Not for a nested (savepoint) call."""
        if self._in_write:
            # Nested: a savepoint, so a failed inner step undoes only itself.
            self._depth += 1
            name = f"sp{self._depth}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
                self._settings_cache = None
                raise
            finally:
                self._depth -= 1
            self.conn.execute(f"RELEASE {name}")
            if beside_commit is not None:
                beside_commit()  # nothing is committed here; the outer write commits
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from exc
        self._in_write = True
        try:
            yield self
        except BaseException as exc:
            self._in_write = False
            self._settings_cache = None
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _translate(exc, self.path) from exc
            if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
                raise LedgerUnavailable("disk_full") from exc
            raise
        try:
            self._commit(beside_commit)
        except sqlite3.Error as exc:
            self._in_write = False
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise _translate(exc, self.path) from exc
        except BaseException:
            # Committed, and then the work beside the commit was interrupted (Ctrl+C): the
            # transaction is over all the same; what was to follow its commit is dropped.
            self._in_write = False
            self.after_commit = []
            raise
        self._in_write = False
        callbacks, self.after_commit = self.after_commit, []
        for callback in callbacks:
            callback()

    def _commit(self, beside: Callable[[], None] | None) -> None:
        if beside is None:
            self.conn.execute("COMMIT")
            return
        from .bulk import wait_out

        failed: list[BaseException] = []
        done = threading.Event()

        def commit() -> None:
            try:
                self.conn.execute("COMMIT")  # SQLite lets go of the GIL while it writes
            except BaseException as exc:  # raised again on the caller's thread below
                failed.append(exc)
            finally:
                done.set()

        worker = threading.Thread(target=commit, name="ledger-commit")
        worker.start()
        interrupted: BaseException | None = None
        try:
            beside()
        except BaseException as exc:
            interrupted = exc
        # The connection is the commit's until it ends, even if Ctrl+C comes meanwhile.
        interrupted = wait_out(worker, done) or interrupted
        if failed:  # the commit's own failure first: the caller rolls back and says so
            raise failed[0]
        if interrupted is not None:
            raise interrupted

    def _require_write(self) -> None:
        if not self._in_write:
            raise RuntimeError("ledger writes must happen inside Ledger.write()")

    # ---- the entry log ----
    def next_seq(self, station: str, epoch: int) -> int:
        row = self.conn.execute(
            "SELECT MAX(seq) FROM entries WHERE station = ? AND epoch = ?", (station, epoch)
        ).fetchone()
        return int(row[0] or 0) + 1

    def append(self, kind: str, body: dict[str, Any], *, by: str, target: str | None = None,
               sealed: bytes | None = None, pii_hash: str | None = None,
               project: bool = True) -> Entry:
        """Add one entry by this station and update the projections, inside ``write()``."""
        self._require_write()
        station = self.station_code if kind != "station.init" else body["code"]
        epoch = self.epoch
        entry = Entry(id=ids.uuid7(), station=station, epoch=epoch,
                      seq=self.next_seq(station, epoch), kind=kind, recorded_at=clock.now_iso(),
                      recorded_by=by, target=target, body=body, sealed=sealed, pii_hash=pii_hash)
        entry = Entry(**{**entry.__dict__, "digest": entry.computed_digest()})
        self.conn.execute(entries_mod.INSERT, entry.row())
        if project:
            from . import projector

            projector.project(self, [entry])
        return entry

    def entry(self, entry_id: str) -> Entry:
        row = self.conn.execute(entries_mod.SELECT + " WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise NotFound("entry", entry_id)
        return entries_mod.from_row(row)

    def find_entry(self, prefix: str) -> Entry:
        """An entry by its id, ``STATION/EPOCH/SEQ`` as ``log`` prints it, or an unambiguous id
        prefix of at least 8 characters."""
        parts = prefix.strip().split("/")
        if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
            row = self.conn.execute(
                entries_mod.SELECT + " WHERE station = ? AND epoch = ? AND seq = ?",
                (parts[0].upper(), int(parts[1]), int(parts[2]))).fetchone()
            if row is None:
                raise NotFound("entry", prefix.strip())
            return entries_mod.from_row(row)
        prefix = prefix.strip().lower()
        if len(prefix) >= 36:
            return self.entry(prefix)
        if len(prefix) < 8:
            raise NotFound("entry", prefix)
        rows = self.conn.execute(
            entries_mod.SELECT + " WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "~")
        ).fetchall()
        if len(rows) != 1:
            raise NotFound("entry", prefix)
        return entries_mod.from_row(rows[0])

    def recent_entries(self, limit: int = 20, station: str | None = None) -> list[Entry]:
        sql = entries_mod.SELECT
        params: tuple[Any, ...] = ()
        if station:
            sql += " WHERE station = ?"
            params = (station,)
        sql += " ORDER BY id DESC LIMIT ?"
        return [entries_mod.from_row(r) for r in self.conn.execute(sql, (*params, limit))]

    def audit(self, actor: str, action: str, subject: str = "", detail: str = "{}",
              outcome: str = "ok") -> None:
        """Append to the audit log (its own transaction unless one is open)."""
        with self.write():
            self.conn.execute(
                "INSERT INTO audit_log (at, actor, action, subject, detail, outcome) "
                "VALUES (?, ?, ?, ?, ?, ?)", (clock.now_iso(), actor, action, subject, detail,
                                              outcome))

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()


def open_ledger(path: str | Path, *, create: bool = False, keys: KeyRing | None = None,
                before_migrate: Callable[[Ledger, int, int], None] | None = None) -> Ledger:
    """Open (and migrate) the ledger at ``path``; ``create`` allows a new file.

    The key folder beside the file is created with the file and must exist afterwards.
    ``before_migrate(ledger, from, to)`` runs before an existing file's schema is upgraded.
    """
    text = str(path)
    if text != MEMORY:
        file = Path(text)
        if not file.exists() and not create:
            raise NotFound("ledger", text)
        if create:
            file.parent.mkdir(parents=True, exist_ok=True)
        key_dir = key_dir_for(file)
        if keys is None:
            if KeyRing.exists(key_dir):
                keys = KeyRing.load(key_dir)
            elif create and not file.exists():
                keys = KeyRing.generate(key_dir)
            else:
                keys = KeyRing.load(key_dir)  # raises keys_missing
    elif keys is None:
        keys = KeyRing.generate(None)
    try:
        conn = _connect(text)
        ledger = Ledger(conn, text, keys)
        hook = None
        if before_migrate is not None:
            def hook(current: int, latest: int) -> None:
                before_migrate(ledger, current, latest)
        was = migrations.current_version(conn)
        if migrations.migrate(conn, before=hook) != was and was and text != MEMORY:
            _compact_if_mostly_free(conn)
    except sqlite3.Error as exc:
        raise _translate(exc, text) from exc
    return ledger


def _compact_if_mostly_free(conn: sqlite3.Connection, share: float = 0.2) -> None:
    """After an upgrade that rebuilt a table: give the old pages back when they are a large part
    of the file (schema 43 frees about a quarter of a big station's ledger), so backups and
    copies do not carry them. It takes ~20 s on a 2 GB ledger, once; when it cannot run (another
    program has the file open, or the disk is too full for the temporary copy) the pages are
    simply reused by new entries."""
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    total = conn.execute("PRAGMA page_count").fetchone()[0]
    if not total or free < total * share:
        return
    log.info("compacting the ledger after an upgrade: %d of %d pages free", free, total)
    wait = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")  # another program has it open: skip, do not wait
    try:
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        log.warning("could not compact the ledger after the upgrade: %s", exc)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(wait)}")
