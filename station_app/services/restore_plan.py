"""What restoring a backup would do, found out before anything changes (the window's restore).

``backup.restore`` does the restore; this module only looks: the backup is unpacked, its
checksum and keys checked and ``PRAGMA integrity_check`` run (as ``backup.verify_backup``), and
the backup's snapshot and the current ledger are read, never written, to say how many members,
visits and entries each holds, how many of this station's entries were made after the backup
(and how many of those went out in a sync bundle), which epoch the restore would start and where
the current ledger is set aside.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..data.db import MEMORY, Ledger
from ..domain.errors import Refused
from . import backup


@dataclass(frozen=True)
class Counts:
    """What a ledger holds, as a station admin counts it."""

    members: int
    visits: int  # not voided
    entries: int


@dataclass(frozen=True)
class RestorePlan:
    path: Path
    station: str  # the backup's station code
    station_name: str
    here: str  # the current ledger's station code
    created_at: str
    created_by: str
    kind: str
    keys: str  # "plain" | "encrypted"
    backup_epoch: int
    in_backup: Counts
    now: Counts
    made_after: int  # this station's entries in the current ledger that the backup lacks
    exported_after: int  # … of them, written into a sync bundle for the supervisor
    members_after: int  # … of them, members signed up (or transferred in) here
    new_epoch: int
    set_aside_in: Path  # the folder that receives the pre-restore backup
    supervisor: bool  # the current ledger is a supervisor's


def precheck(path: str | Path, ledger: Ledger) -> dict[str, Any]:
    """The backup's manifest, refused at once when it is no backup or another station's.

    Cheap (reads the manifest only), so the window can say so before asking for a passphrase.
    """
    manifest = backup.read_manifest(path)
    here = ledger.setting("station.code")
    found = str(manifest.get("station", ""))
    if here and found != here:
        raise Refused("restore_other_station", found=found or "?", here=here)
    return manifest


def plan(path: str | Path, ledger: Ledger, passphrase: str | None = None) -> RestorePlan:
    """Check the backup at ``path`` as a restore would and say what restoring it would do.

    Raises the refusals ``backup.restore`` would raise for the backup itself
    (``backup_invalid``, ``backup_passphrase``, ``backup_damaged``, ``restore_other_station``);
    writes nothing anywhere but a temporary folder.
    """
    path = Path(path)
    manifest = precheck(path, ledger)
    here = ledger.setting("station.code")
    workdir = Path(ledger.path).parent if ledger.path != MEMORY else None
    with backup.open_backup(path, passphrase, workdir=workdir) as opened:
        problems = backup.check_file(opened.db_path, full=True)
        if problems:
            raise Refused("backup_damaged", detail="; ".join(problems[:3]))
        conn = sqlite3.connect(f"file:{opened.db_path.as_posix()}?mode=ro", uri=True,
                               isolation_level=None)
        try:
            in_backup = _counts(conn)
            name = _setting(conn, "station.name")
            held = dict(conn.execute("SELECT epoch, MAX(seq) FROM entries WHERE station = ?"
                                     " GROUP BY epoch", (here,)).fetchall())
        finally:
            conn.close()
    made_after, exported_after, members_after = _after(ledger, here, held)
    backup_epoch = _int(manifest.get("epoch"))
    floor = max([backup_epoch, ledger.epoch]
                + [info.epoch for info in backup.list_backups(ledger.path)])
    storage = manifest.get("keys", {}).get("storage", "plain")
    return RestorePlan(
        path=path, station=str(manifest.get("station", "")), station_name=name, here=here,
        created_at=str(manifest.get("created_at", "")),
        created_by=str(manifest.get("created_by", "")), kind=str(manifest.get("kind", "")),
        keys="encrypted" if storage == "encrypted" else "plain", backup_epoch=backup_epoch,
        in_backup=in_backup, now=_counts(ledger.conn), made_after=made_after,
        exported_after=exported_after, members_after=members_after, new_epoch=floor + 1,
        set_aside_in=backup.backup_dir(ledger.path),
        supervisor=ledger.station_kind == "supervisor")


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _one(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> int:
    try:
        row = conn.execute(sql, params).fetchone()
    except sqlite3.Error:  # a table an older schema did not have
        return 0
    return _int(row[0]) if row else 0


def _setting(conn: sqlite3.Connection, key: str) -> str:
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        return ""
    return str(row[0]) if row else ""


def _counts(conn: sqlite3.Connection) -> Counts:
    return Counts(members=_one(conn, "SELECT COUNT(*) FROM members"),
                  visits=_one(conn, "SELECT COUNT(*) FROM visits WHERE voided = 0"),
                  entries=_one(conn, "SELECT COUNT(*) FROM entries"))


def _after(ledger: Ledger, code: str, held: dict[int, int]) -> tuple[int, int, int]:
    """This station's entries the backup lacks, how many of them were exported, and how many
    of them made a member (whose number the restored ledger will not know).

    Within an epoch a station numbers its entries without gaps and exports them in order, so
    "after the backup" is a seq above the backup's highest of that epoch, and "exported" one
    at or below the epoch's ``sync_state.exported_seq``.
    """
    conn = ledger.conn
    exported = dict(conn.execute("SELECT epoch, exported_seq FROM sync_state").fetchall())
    made = sent = joined = 0
    for (epoch,) in conn.execute("SELECT DISTINCT epoch FROM entries WHERE station = ?",
                                 (code,)).fetchall():
        above = _int(held.get(epoch, 0))
        made += _one(conn, "SELECT COUNT(*) FROM entries WHERE station = ? AND epoch = ?"
                           " AND seq > ?", (code, epoch, above))
        joined += _one(conn, "SELECT COUNT(*) FROM entries WHERE station = ? AND epoch = ?"
                             " AND seq > ? AND kind IN ('member.signup', 'transfer.in')",
                       (code, epoch, above))
        top = _int(exported.get(epoch, 0))
        if top > above:
            sent += _one(conn, "SELECT COUNT(*) FROM entries WHERE station = ? AND epoch = ?"
                               " AND seq > ? AND seq <= ?", (code, epoch, above, top))
    return made, sent, joined
