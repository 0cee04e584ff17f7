"""Backups: online snapshots (SQLite backup API) zipped with the key folder, rotation, restore.

A backup is one ZIP file:

- ``manifest.json``: format, station, epoch, schema version, creation time, SHA-256 of the
  snapshot, and how the keys are stored;
- ``ledger.db``: a consistent snapshot taken with ``sqlite3.Connection.backup`` while the ledger
  stays open (no need to close the app);
- the ledger's key folder: ``keys/<file>`` in plain form (automatic backups kept beside the
  ledger, the same protection as the live key folder) or ``keys.enc`` — the key files encrypted
  with AES-256-GCM under a key derived from a passphrase with scrypt (backups that leave the PC).

Restoring starts a new epoch (docs/SYNC.md): the restored ledger may already have issued
sequence numbers that the lost copy also issued.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..data import migrations
from ..data.db import MEMORY, Ledger, open_ledger
from ..data.keys import KeyRing, key_dir_for
from ..domain import clock, messages
from ..domain.errors import LedgerError, LedgerUnavailable, Refused
from . import audit, auth

FORMAT = "station-ledger-backup"
FORMAT_VERSION = 1
DB_NAME = "ledger.db"
MANIFEST = "manifest.json"
KEYS_PLAIN = "keys/"
KEYS_ENC = "keys.enc"
KEY_FILES = ("data.key", "signing.pem", "box.pem", "region.key")
MAX_KEY_FILE = 64 * 1024
KDF_N, KDF_R, KDF_P = 2 ** 15, 8, 1

KEEP_DAILY_SETTING = "backup.keep_daily"
KEEP_PREOP_SETTING = "backup.keep_preop"
DEFAULT_KEEP_DAILY = 7
DEFAULT_KEEP_PREOP = 5
DAILY = "daily"
PRE_OP_KINDS = ("pre-migrate", "pre-import")
# Never rotated: the copy taken before a restore and backups a person asked for.
KEPT_KINDS = ("pre-restore", "manual")
PASSPHRASE_ENV = "STATION_LEDGER_BACKUP_PASSPHRASE"

messages.register({
    "backup_invalid": ("不是有效的台账备份文件：{why_zh}", "Not a valid ledger backup: {why_en}"),
    "backup_passphrase": ("备份的密钥已加密，需要正确的备份密码",
                          "The backup's keys are encrypted: the right backup passphrase is "
                          "needed"),
    "backup_damaged": ("备份中的台账已损坏：{detail}", "The ledger inside the backup is damaged: "
                       "{detail}"),
    "ledger_damaged_backup": ("台账文件已损坏（{detail}）。最近的完好备份：{backup}",
                              "The ledger file is damaged ({detail}). Latest good backup: "
                              "{backup}"),
    "restore_in_use": ("台账正被另一个程序使用（可能是驿站台账窗口）：请先关闭它再恢复，"
                       "否则之后录入的记录会丢失",
                       "The ledger is open in another program (perhaps the Station Ledger "
                       "window): close it first, or whatever it saves afterwards would be lost"),
    "restore_other_station": ("这是驿站 {found} 的备份，本台账是 {here}：恢复后这台电脑将变成 "
                              "{found}。确需如此请加 --other-station",
                              "This is a backup of station {found}, this ledger is {here}: "
                              "restoring it makes this PC station {found}. Add "
                              "--other-station if that is really meant"),
})


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    created_at: str
    station: str
    epoch: int
    size: int
    keys: str  # "plain" | "encrypted"

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "kind": self.kind, "created_at": self.created_at,
                "station": self.station, "epoch": self.epoch, "size": self.size,
                "keys": self.keys}


def _app_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("station-ledger")
    except metadata.PackageNotFoundError:
        return "0"


# ---- where backups live ----
def backup_dir(ledger_path: str | Path) -> Path:
    """``/x/station.db`` -> ``/x/station.backups`` (mode 0700: it holds keys)."""
    path = Path(ledger_path)
    return path.with_name(path.stem + ".backups")


def file_name(ledger: Ledger, folder: Path) -> str:
    """A free name for a backup in a folder the user chose (a USB stick):
    ``MZL01-backup-20261129-104500.zip``, ``…-2.zip`` for a second one in the same second."""
    stem = f"{ledger.setting('station.code') or 'station'}-backup-" \
        f"{clock.now().strftime('%Y%m%d-%H%M%S')}"
    name, n = f"{stem}.zip", 1
    while (folder / name).exists():
        n += 1
        name = f"{stem}-{n}.zip"
    return name


def _stamp() -> str:
    return clock.now().strftime("%Y%m%dT%H%M%S")


# ---- integrity ----
def check_file(path: str | Path, *, full: bool = False) -> list[str]:
    """Problems SQLite finds in a ledger file ([] = healthy). Never writes to the file."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True,
                               isolation_level=None)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows[:20]


# ---- writing ----
def _snapshot(ledger: Ledger, dest: Path) -> None:
    target = sqlite3.connect(str(dest))
    try:
        ledger.conn.backup(target)
    finally:
        target.close()


COMPRESS_LEVEL = 1  # the ledger file deflates to about a third even at the fastest level
# Pieces of the ledger file deflated on their own, on every core (zlib lets go of the GIL).
DEFLATE_PIECE = 4 << 20


class _SharedDeflate:
    """A zipfile compressor whose work is shared by the machine's cores, as pigz does it: each
    piece is deflated on its own and ends on a byte boundary (``Z_SYNC_FLUSH``), ``flush``
    adds the final empty block, and the pieces in order are one valid raw deflate stream that
    any unzip reads. zipfile still writes the headers, sizes and CRC. A piece cannot refer back
    into the one before, which costs under 1 % of the size at 4 MiB pieces."""

    def __init__(self, level: int, cores: int | None = None) -> None:
        from collections import deque
        from concurrent.futures import Future, ThreadPoolExecutor

        self.level = level
        # At most 8 (a VM may report its host's CPUs): 2 × workers pieces are held at once.
        self.workers = max(1, min(cores or os.cpu_count() or 1, 8))
        self.pool = ThreadPoolExecutor(self.workers, thread_name_prefix="backup-deflate")
        self.pending: deque[Future[bytes]] = deque()

    def _deflate(self, piece: bytes) -> bytes:
        compressor = zlib.compressobj(self.level, zlib.DEFLATED, -15)
        return compressor.compress(piece) + compressor.flush(zlib.Z_SYNC_FLUSH)

    def compress(self, data: bytes) -> bytes:
        """Start ``data`` deflating; return what is ready, in order (at most a few pieces are
        held in memory)."""
        self.pending.append(self.pool.submit(self._deflate, bytes(data)))
        out = []
        while self.pending and (self.pending[0].done() or len(self.pending) > 2 * self.workers):
            out.append(self.pending.popleft().result())
        return b"".join(out)

    def flush(self) -> bytes:
        try:
            out = [future.result() for future in self.pending]
        finally:
            self.pending.clear()
            self.pool.shutdown(wait=True, cancel_futures=True)
        return b"".join(out) + zlib.compressobj(self.level, zlib.DEFLATED, -15).flush()


def _zip_file(archive: zipfile.ZipFile, source: Path, name: str, level: int,
              cores: int | None = None) -> None:
    """``archive.write(source, name)``, deflated on ``cores`` cores (all of them: None;
    ``_SharedDeflate``)."""
    info = zipfile.ZipInfo.from_file(source, name)
    info.compress_type = zipfile.ZIP_DEFLATED
    info._compresslevel = level  # type: ignore[attr-defined]  # as ZipFile.write sets it
    with source.open("rb") as src, archive.open(info, "w") as dest:
        if not hasattr(dest, "_compressor"):  # a Python whose zipfile works otherwise
            shutil.copyfileobj(src, dest, DEFLATE_PIECE)
            return
        # The one hook zipfile has for its compressor; closing ``dest`` flushes it (and
        # ends its threads), whatever happens in the loop.
        dest._compressor = _SharedDeflate(level, cores)
        while piece := src.read(DEFLATE_PIECE):
            dest.write(piece)


def _check_and_hash(path: Path, cores: int | None = None) -> tuple[list[str], str]:
    """``check_file`` and ``_sha256`` of the snapshot, at once unless ``cores`` is 1 (both
    let go of the GIL)."""
    from concurrent.futures import ThreadPoolExecutor

    if cores == 1:
        return check_file(path), _sha256(path)
    with ThreadPoolExecutor(1, thread_name_prefix="backup-check") as pool:
        checking = pool.submit(check_file, path)
        digest = _sha256(path)
        return checking.result(), digest


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _key_files(ledger: Ledger) -> dict[str, bytes]:
    if ledger.keys.path is not None and all((ledger.keys.path / n).exists() for n in KEY_FILES):
        return {name: (ledger.keys.path / name).read_bytes() for name in KEY_FILES}
    # An in-memory ledger: serialise the ring the way KeyRing.save() writes it.
    with tempfile.TemporaryDirectory() as tmp:
        ring = type(ledger.keys)(ledger.keys.data_key, ledger.keys.signing, ledger.keys.box,
                                 ledger.keys.region_key, Path(tmp) / "k")
        ring.save()
        return {name: (Path(tmp) / "k" / name).read_bytes() for name in KEY_FILES}


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * 1024 * 1024, dklen=32)


def _encrypt_keys(files: dict[str, bytes], passphrase: str, aad: bytes
                  ) -> tuple[bytes, dict[str, Any]]:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    plain = json.dumps({k: base64.b64encode(v).decode() for k, v in files.items()}).encode()
    key = _derive(passphrase, salt, KDF_N, KDF_R, KDF_P)
    blob = AESGCM(key).encrypt(nonce, plain, aad)
    return blob, {"kdf": "scrypt", "n": KDF_N, "r": KDF_R, "p": KDF_P,
                  "salt": base64.b64encode(salt).decode(),
                  "nonce": base64.b64encode(nonce).decode(), "cipher": "AES-256-GCM"}


def write_backup(ledger: Ledger, out: str | Path, *, passphrase: str | None = None,
                 kind: str = "manual", by: str = "station",
                 attendant: auth.Acting = None, cores: int | None = None) -> BackupInfo:
    """Write a backup of the open ledger to ``out`` atomically (temp file, fsync, rename).

    ``cores``: how many cores deflate the ledger (None: all; someone waits for the backup).

    The backup holds the keys, so ``attendant`` needs the ``backup`` permission (None only in
    open mode); the automatic backups below pass ``auth.AUTOMATIC``.
    """
    auth.require(ledger, attendant, "backup", actor=by)
    out = Path(os.path.abspath(out))  # the audit row must say where, whatever the cwd was
    if out.is_dir():  # a folder (the USB stick): the name the Security page gives it too
        out = out / file_name(ledger, out)
    out.parent.mkdir(parents=True, exist_ok=True)
    created = clock.now_iso()
    tmp_zip = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")
    try:
        with tempfile.TemporaryDirectory(dir=out.parent, prefix=".snap-") as tmp:
            snap = Path(tmp) / DB_NAME
            _snapshot(ledger, snap)
            problems, db_hash = _check_and_hash(snap, cores)
            if problems:
                raise LedgerUnavailable("ledger_damaged", detail="; ".join(problems[:3]))
            files = _key_files(ledger)
            manifest: dict[str, Any] = {
                "format": FORMAT, "version": FORMAT_VERSION, "app_version": _app_version(),
                "kind": kind, "created_at": created, "created_by": by,
                "station": ledger.setting("station.code"), "epoch": ledger.epoch,
                "schema": migrations.current_version(ledger.conn), "db_sha256": db_hash,
                "db_size": snap.stat().st_size,
            }
            with zipfile.ZipFile(tmp_zip, "w", zipfile.ZIP_DEFLATED,
                                 compresslevel=COMPRESS_LEVEL) as zf:
                if passphrase:
                    blob, params = _encrypt_keys(files, passphrase, db_hash.encode())
                    manifest["keys"] = {"storage": "encrypted", **params}
                    zf.writestr(KEYS_ENC, blob)
                else:
                    manifest["keys"] = {"storage": "plain"}
                    for name, data in files.items():
                        zf.writestr(KEYS_PLAIN + name, data)
                _zip_file(zf, snap, DB_NAME, COMPRESS_LEVEL, cores)
                zf.writestr(MANIFEST, json.dumps(manifest, indent=2, sort_keys=True))
            with tmp_zip.open("rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp_zip, out)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp_zip.unlink()
        audit.record(ledger, by, audit.BACKUP, out.name,
                     {"kind": kind, "path": str(out), "error": str(exc)[:200]}, outcome="failed")
        if exc.errno == 28:  # ENOSPC
            raise LedgerUnavailable("disk_full") from exc
        raise LedgerUnavailable("backup_failed", path=str(out), detail=str(exc)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp_zip.unlink()
        raise
    keys = "encrypted" if passphrase else "plain"
    audit.record(ledger, by, audit.BACKUP, out.name,
                 {"kind": kind, "path": str(out), "keys": keys, "epoch": ledger.epoch})
    return BackupInfo(out, kind, created, ledger.setting("station.code"), ledger.epoch,
                      out.stat().st_size, keys)


messages.register({
    "backup_failed": ("备份未能写入 {path}：{detail}", "The backup could not be written to {path}: "
                      "{detail}"),
})


# ---- automatic backups and rotation ----
def auto_backup(ledger: Ledger, kind: str, *, by: str = "station",
                attendant: auth.Acting = None, cores: int | None = None) -> BackupInfo | None:
    """A backup into the ledger's backup folder, then rotation. None for in-memory ledgers.

    ``attendant`` needs the ``backup`` permission, as for ``write_backup``.
    """
    auth.require(ledger, attendant, "backup", actor=by)
    if ledger.path == MEMORY:
        return None
    folder = backup_dir(ledger.path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    name = f"{kind}-{_stamp()}.zip"
    n = 1
    while (folder / name).exists():
        n += 1
        name = f"{kind}-{_stamp()}-{n}.zip"
    info = write_backup(ledger, folder / name, kind=kind, by=by, attendant=attendant,
                        cores=cores)
    rotate(ledger)
    return info


def _keep(ledger: Ledger, key: str, default: int) -> int:
    try:
        return max(1, int(ledger.setting(key, str(default))))
    except ValueError:
        return default


def rotate(ledger: Ledger) -> list[Path]:
    """Keep the newest N daily and N pre-migrate/pre-import backups; returns what was removed.

    ``pre-restore`` and ``manual`` backups are never deleted here.
    """
    folder = backup_dir(ledger.path)
    removed: list[Path] = []
    groups = ((DAILY,), PRE_OP_KINDS)
    limits = (_keep(ledger, KEEP_DAILY_SETTING, DEFAULT_KEEP_DAILY),
              _keep(ledger, KEEP_PREOP_SETTING, DEFAULT_KEEP_PREOP))
    for kinds, keep in zip(groups, limits, strict=True):
        files = sorted((p for p in folder.glob("*.zip") if _kind_of(p) in kinds),
                       key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
        for old in files[keep:]:
            with contextlib.suppress(OSError):
                old.unlink()
                removed.append(old)
    return removed


def _kind_of(path: Path) -> str:
    name = path.name
    for kind in (DAILY, *PRE_OP_KINDS, *KEPT_KINDS):
        if name.startswith(kind + "-"):
            return kind
    return ""


def daily_if_due(ledger: Ledger, *, by: str = "station") -> BackupInfo | None:
    """Today's automatic backup, unless one already exists."""
    if ledger.path == MEMORY:
        return None
    today = clock.now().strftime("%Y%m%d")
    if any(backup_dir(ledger.path).glob(f"{DAILY}-{today}T*.zip")):
        return None
    # Behind the counter's back (after sign-in): one core, the other stays the counter's.
    return auto_backup(ledger, DAILY, by=by, attendant=auth.AUTOMATIC, cores=1)


def before_migrate(ledger: Ledger, current: int, latest: int) -> None:
    """``open_ledger(before_migrate=...)`` hook: a snapshot before the schema changes."""
    auto_backup(ledger, "pre-migrate", by="migration", attendant=auth.AUTOMATIC)


def before_import(ledger: Ledger, *, by: str = "station") -> BackupInfo | None:
    """Call before applying a sync bundle or any other bulk import."""
    return auto_backup(ledger, "pre-import", by=by, attendant=auth.AUTOMATIC)


# ---- reading ----
@dataclass
class OpenedBackup:
    manifest: dict[str, Any]
    db_path: Path
    keys: dict[str, bytes]


# Why a file is not a usable backup, in words a station admin understands.
_WHY: dict[str, tuple[str, str]] = {
    "unreadable": ("文件无法读取", "the file cannot be read"),
    "not_zip": ("不是ZIP文件，或文件已损坏", "it is not a ZIP file, or it is damaged"),
    "no_manifest": ("其中没有备份清单", "it holds no backup manifest"),
    "bad_manifest": ("备份清单已损坏", "its manifest is damaged"),
    "format": ("不是本软件的备份", "it is not a Station Ledger backup"),
    "newer": ("由更新版本的软件制作，请先升级", "it was made by a newer version; update first"),
    "members": ("含有不该有的文件", "it holds unexpected files"),
    "size": ("台账大小与清单不符", "the ledger's size does not match its manifest"),
    "checksum": ("台账校验值不符，内容被改动或已损坏",
                 "the ledger's checksum does not match: altered or damaged"),
    "keys": ("密钥文件缺失或异常", "its key files are missing or wrong"),
}


def _invalid(why: str) -> Refused:
    zh, en = _WHY[why]
    return Refused("backup_invalid", why=why, why_zh=zh, why_en=en)


# What Python's zipfile raises for a damaged archive besides BadZipFile: a deflate stream cut
# or altered (zlib.error, EOFError), a header asking for a zip version or an encryption nobody
# writes (NotImplementedError, RuntimeError).
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)


def read_manifest(path: str | Path) -> dict[str, Any]:
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read(MANIFEST))
    except _DAMAGED as exc:
        raise _invalid("not_zip") from exc
    except KeyError as exc:
        raise _invalid("no_manifest") from exc
    except OSError as exc:
        raise _invalid("unreadable") from exc
    except (ValueError, RecursionError) as exc:
        raise _invalid("bad_manifest") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _invalid("format")
    version = manifest.get("version", 0)
    if not isinstance(version, int) or not isinstance(manifest.get("keys", {}), dict):
        raise _invalid("bad_manifest")
    if version > FORMAT_VERSION:
        raise _invalid("newer")
    return manifest


@contextlib.contextmanager
def open_backup(path: str | Path, passphrase: str | None = None, *,
                workdir: Path | None = None) -> Iterator[OpenedBackup]:
    """Check and unpack a backup into a temporary folder (removed afterwards)."""
    manifest = read_manifest(path)
    with tempfile.TemporaryDirectory(dir=workdir, prefix=".restore-") as tmp:
        db_path = Path(tmp) / DB_NAME
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
                allowed = {MANIFEST, DB_NAME, KEYS_ENC, *(KEYS_PLAIN + n for n in KEY_FILES)}
                if not names <= allowed or DB_NAME not in names:
                    raise _invalid("members")
                info = zf.getinfo(DB_NAME)
                if info.file_size != int(manifest.get("db_size", info.file_size)):
                    raise _invalid("size")
                with zf.open(DB_NAME) as src, db_path.open("wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
                if _sha256(db_path) != manifest.get("db_sha256"):
                    raise _invalid("checksum")
                keys = _read_keys(zf, manifest, passphrase)
        except _DAMAGED as exc:
            raise _invalid("not_zip") from exc
        yield OpenedBackup(manifest, db_path, keys)


def _read_keys(zf: zipfile.ZipFile, manifest: dict[str, Any], passphrase: str | None
               ) -> dict[str, bytes]:
    storage = manifest.get("keys", {})
    if storage.get("storage") == "encrypted":
        if not passphrase:
            raise Refused("backup_passphrase")
        try:
            key = _derive(passphrase, base64.b64decode(storage["salt"]), int(storage["n"]),
                          int(storage["r"]), int(storage["p"]))
            plain = AESGCM(key).decrypt(base64.b64decode(storage["nonce"]), zf.read(KEYS_ENC),
                                        str(manifest["db_sha256"]).encode())
            decoded = {k: base64.b64decode(v) for k, v in json.loads(plain).items()}
        except (InvalidTag, KeyError, ValueError) as exc:
            raise Refused("backup_passphrase") from exc
    else:
        decoded = {}
        for name in KEY_FILES:
            info = zf.getinfo(KEYS_PLAIN + name) if KEYS_PLAIN + name in zf.namelist() else None
            if info is None or info.file_size > MAX_KEY_FILE:
                raise _invalid("keys")
            decoded[name] = zf.read(info)
    if set(decoded) != set(KEY_FILES):
        raise _invalid("keys")
    return decoded


def verify_backup(path: str | Path, passphrase: str | None = None) -> dict[str, Any]:
    """Unpack, check the checksum and run ``PRAGMA integrity_check``; returns the manifest."""
    with open_backup(path, passphrase) as opened:
        problems = check_file(opened.db_path, full=True)
        if problems:
            raise Refused("backup_damaged", detail="; ".join(problems[:3]))
        return opened.manifest


def list_backups(ledger_path: str | Path) -> list[BackupInfo]:
    """The automatic backups of a ledger, newest first (unreadable files are skipped)."""
    found = []
    folder = backup_dir(ledger_path)
    if not folder.is_dir():
        return []
    for path in folder.glob("*.zip"):
        try:
            manifest = read_manifest(path)
        except Refused:
            continue
        found.append(BackupInfo(path, str(manifest.get("kind", _kind_of(path))),
                                str(manifest.get("created_at", "")),
                                str(manifest.get("station", "")), int(manifest.get("epoch", 0)),
                                path.stat().st_size,
                                str(manifest.get("keys", {}).get("storage", "plain"))))
    found.sort(key=lambda b: (b.created_at, b.path.name), reverse=True)
    return found


def latest_good_backup(ledger_path: str | Path) -> BackupInfo | None:
    """The newest automatic backup that unpacks and passes ``integrity_check``."""
    for info in list_backups(ledger_path):
        if info.keys != "plain":
            continue
        try:
            verify_backup(info.path)
        except Refused:
            continue
        return info
    return None


def last_backup(ledger: Ledger) -> audit.AuditRow | None:
    """The last successful backup (any kind), from the audit log."""
    return audit.last(ledger, audit.BACKUP)


# ---- restore ----
def restore(backup: str | Path, target: str | Path, *, passphrase: str | None = None,
            by: str = "station", attendant: auth.Acting = None,
            other_station: bool = False) -> Ledger:
    """Replace the ledger at ``target`` with a backup; returns it open, in a new epoch.

    The ledger being replaced is first saved as a ``pre-restore`` backup (or, if it cannot be
    read, its files are moved aside unchanged); its audit rows written after the backup was
    taken are carried into the restored ledger, so a restore never hides what was done. It is
    refused while another program has the ledger open, and for a backup of another station
    unless ``other_station``. A healthy ledger is replaced only for an ``attendant`` with the
    ``restore`` permission in it; a missing or damaged one (nobody can sign in to it) for
    anyone, as on the command line.
    """
    target = Path(target)
    _may_restore(target, attendant, by)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        epoch, found, later, manifest = _restore_into(backup, target, passphrase, by,
                                                      other_station)
    except LedgerError as exc:
        _audit_refused_restore(target, backup, exc, by)
        raise
    ledger = open_ledger(target)
    try:
        audit.record(ledger, by, audit.RESTORE, Path(backup).name,
                     {"backup_created_at": manifest.get("created_at"),
                      "backup_epoch": manifest.get("epoch"), "new_epoch": epoch,
                      "backup_station": found, "audit_rows_carried_over": len(later)})
    except BaseException:
        ledger.close()
        raise
    return ledger


def _restore_into(backup: str | Path, target: Path, passphrase: str | None, by: str,
                  other_station: bool) -> tuple[int, str, list[tuple[object, ...]],
                                                dict[str, Any]]:
    """``restore``'s work once it may run: (new epoch, the backup's station, audit rows
    carried over, the backup's manifest). A refusal raised before ``_set_aside`` has changed
    nothing."""
    from . import station

    with open_backup(backup, passphrase, workdir=target.parent) as opened:
        problems = check_file(opened.db_path, full=True)
        if problems:
            raise Refused("backup_damaged", detail="; ".join(problems[:3]))
        here = _file_setting(target, "station.code")
        found = str(opened.manifest.get("station", ""))
        if here and found != here and not other_station:
            raise Refused("restore_other_station", found=found or "?", here=here)
        _refuse_if_in_use(target)
        later = _audit_rows_since(target, str(opened.manifest.get("created_at", "")))
        floor_epoch = max(_int(opened.manifest.get("epoch")), _file_epoch(target),
                          _folder_epoch(target))
        _set_aside(target)
        _refuse_if_in_use(target)  # again: the pre-restore backup may have taken minutes
        key_dir = key_dir_for(target)
        for suffix in ("-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(str(target) + suffix).unlink()
        new_keys = key_dir.with_name(key_dir.name + ".restoring")
        shutil.rmtree(new_keys, ignore_errors=True)
        new_keys.mkdir(mode=0o700, parents=True)
        for name, data in opened.keys.items():
            fd = os.open(new_keys / name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.write(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
        if key_dir.exists():
            same = all((key_dir / n).is_file() and (key_dir / n).read_bytes() == data
                       for n, data in opened.keys.items())
            if same:
                shutil.rmtree(key_dir)
            else:  # another identity's keys: kept, never silently destroyed
                key_dir.rename(key_dir.with_name(f"{key_dir.name}.replaced-{_stamp()}"))
        # The new epoch goes into the restored copy before it replaces the ledger: a crash in
        # between never leaves the restored entries continuing an epoch already used.
        restored = open_ledger(opened.db_path, keys=KeyRing.load(new_keys))
        try:
            with restored.write():
                restored.conn.executemany(
                    "INSERT INTO audit_log (at, actor, action, subject, detail, outcome)"
                    " VALUES (?, ?, ?, ?, ?, ?)", later)
                restored.set_setting("station.epoch", str(floor_epoch))
                epoch = station.start_new_epoch(restored, f"restore {Path(backup).name}", by=by)
            restored.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            restored.close()
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(str(opened.db_path) + suffix).unlink()
        with opened.db_path.open("rb+") as fh:
            os.fsync(fh.fileno())
        new_keys.rename(key_dir)
        os.replace(opened.db_path, target)
        manifest = opened.manifest
    return epoch, found, later, manifest


def _audit_refused_restore(target: Path, backup: str | Path, exc: LedgerError, by: str) -> None:
    """A refused restore (a damaged or tampered file, a wrong passphrase, another station's
    backup) is in the audit log of the ledger it would have replaced, if that one opens."""
    if not target.exists() or check_file(target):
        return
    with contextlib.suppress(Exception):
        ledger = open_ledger(target)
        try:
            audit.record(ledger, by, audit.RESTORE, Path(backup).name, {"error": exc.code},
                         outcome="refused")
        finally:
            ledger.close()


def _may_restore(target: Path, attendant: auth.Acting, by: str) -> None:
    """Refuse (audited in the ledger about to be replaced) unless ``attendant`` may restore."""
    if isinstance(attendant, auth.TrustedCaller) or not target.exists() or check_file(target):
        return
    # An older-schema ledger is upgraded the usual way (snapshot first) before anything else.
    current = open_ledger(target, before_migrate=before_migrate)
    try:
        auth.require(current, attendant, "restore", actor=by)
    finally:
        current.close()


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _read_only(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` on the ledger file at ``path``; none if it is missing or unreadable."""
    if not path.exists():
        return []
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error:
        return []
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.Error:
        return []
    finally:
        conn.close()


def _file_setting(path: Path, key: str) -> str:
    rows = _read_only(path, "SELECT value FROM settings WHERE key = ?", (key,))
    return str(rows[0][0]) if rows else ""


def _file_epoch(path: Path) -> int:
    """The epoch recorded in the ledger file at ``path`` (0 if missing or unreadable)."""
    return _int(_file_setting(path, "station.epoch"))


def _audit_rows_since(path: Path, since: str) -> list[tuple[Any, ...]]:
    """The audit rows the ledger at ``path`` wrote after ``since`` (when the backup was
    taken): the restored ledger keeps them."""
    if not since:
        return []
    return _read_only(path, "SELECT at, actor, action, subject, detail, outcome FROM audit_log"
                            " WHERE at > ? ORDER BY id", (since,))


def _refuse_if_in_use(path: Path) -> None:
    """Another program (the app's window) with the ledger open would go on saving into the
    replaced file and lose it all. Leaving WAL mode needs every other connection closed."""
    if not path.exists() or check_file(path):
        return  # missing or damaged: nothing can be working in it
    conn = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        try:
            conn.execute("PRAGMA journal_mode = DELETE").fetchone()
        except sqlite3.OperationalError as exc:
            raise Refused("restore_in_use") from exc
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
    finally:
        conn.close()


def _folder_epoch(ledger_path: Path) -> int:
    """The highest epoch named by any backup manifest in the ledger's backup folder."""
    return max((info.epoch for info in list_backups(ledger_path)), default=0)


def _set_aside(target: Path) -> None:
    """Keep the ledger about to be replaced: a pre-restore backup, or its raw files moved aside."""
    if not target.exists():
        return
    if not check_file(target):
        try:
            current = open_ledger(target, before_migrate=before_migrate)
        except LedgerUnavailable:
            current = None
        if current is not None:
            try:
                auto_backup(current, "pre-restore", by="restore", attendant=auth.AUTOMATIC)
                return
            finally:
                current.close()
    aside = backup_dir(target) / f"damaged-{_stamp()}"
    aside.mkdir(mode=0o700, parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(target) + suffix)
        if src.exists():
            shutil.move(str(src), aside / src.name)
    key_dir = key_dir_for(target)
    if key_dir.exists():
        shutil.copytree(key_dir, aside / key_dir.name)


# ---- start-up ----
def open_checked(path: str | Path, *, create: bool = False) -> Ledger:
    """Open a ledger for writing only if ``PRAGMA quick_check`` passes; backs up before migrating.

    A damaged ledger raises ``LedgerUnavailable("ledger_damaged_backup")`` naming the latest
    good backup (or none) — nothing is written to it.
    """
    path = Path(path)
    if path.exists():
        problems = check_file(path)
        if problems:
            good = latest_good_backup(path)
            raise LedgerUnavailable("ledger_damaged_backup", detail="; ".join(problems[:2]),
                                    backup=str(good.path) if good else "-",
                                    backup_path=str(good.path) if good else "")
    return open_ledger(path, create=create, before_migrate=before_migrate)
