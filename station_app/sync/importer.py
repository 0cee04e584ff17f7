"""Applying verified bundles: idempotent, order-independent, one transaction per bundle."""

from __future__ import annotations

import bisect
import contextlib
import gc
import hashlib
import json
import os
import re
import shutil
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data import projector
from ..data.db import Ledger
from ..data.entries import Entry
from ..domain import clock
from ..domain.errors import LedgerError
from ..domain.messages import render
from . import format as fmt
from . import status
from .errors import BundleRefused, refuse
from .verify import Verified, parse_ahead, verify

BUNDLE_SUFFIXES = (".zip", ".slbx", ".slb")
# Files meant for another ledger (this ledger's own bundles and return bundles, a neighbour's
# bundle for its supervisor, one encrypted for another supervisor: its header names that key)
# lie on every shared USB stick: nothing is wrong with them, so they are skipped, not refused;
# they are neither quarantined nor a reason for exit code 4.
SKIPPED_CODES = frozenset({"sync.not_for_us", "sync.cannot_decrypt"})


@dataclass
class Outcome:
    """What one import attempt did (or, for a dry run, would do)."""

    file: str
    sha256: str = ""
    result: str = "refused"  # accepted | duplicate | refused | skipped | dry_run
    kind: str = ""
    station: str = ""
    new: int = 0
    duplicate: int = 0
    conflicting: int = 0
    missing: dict[str, dict[int, list[tuple[int, int]]]] = field(default_factory=dict)
    error: LedgerError | None = None
    quarantined: str | None = None
    ranges: list[dict[str, int]] = field(default_factory=list)
    # A relay whose other bundles were applied: the forwarded bundles refused on their own.
    inner_refused: list[tuple[str, LedgerError, str | None]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Taken (or, in a dry run, would be): neither refused nor skipped."""
        return self.error is None

    @property
    def skipped(self) -> bool:
        """Meant for another ledger; ``error`` says whom it is for."""
        return self.result == "skipped"

    @property
    def refused(self) -> bool:
        return self.error is not None and not self.skipped

    def to_json(self, render: Any = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "file": self.file, "sha256": self.sha256, "result": self.result, "type": self.kind,
            "station": self.station, "new": self.new, "duplicate": self.duplicate,
            "conflicting": self.conflicting, "ranges": self.ranges,
            "missing": {st: {str(e): [list(s) for s in spans] for e, spans in gaps.items()}
                        for st, gaps in self.missing.items()},
        }
        if self.error is not None:
            why = {"code": self.error.code,
                   "message": render(self.error) if render else str(self.error)}
            if self.skipped:
                out["reason"] = why  # not an error: the file is for another ledger
            else:
                out["error"] = why
                out["quarantined"] = self.quarantined
        if self.inner_refused:
            out["inner_refused"] = [
                {"bundle": name, "code": err.code,
                 "message": render(err) if render else str(err), "quarantined": kept}
                for name, err, kept in self.inner_refused]
        return out


class _DryRun(Exception):
    pass


def find_bundles(paths: list[Path]) -> list[Path]:
    """Files as given; folders contribute their bundle files (sorted), and those of their
    subfolders down to ``SUBFOLDER_DEPTH`` levels (a stick with a folder per station): there a
    ``.zip`` counts only if it is named as bundles are or holds a signed bundle manifest, so a
    backup or anything else zipped on the stick is passed over, not refused. Hidden and system
    folders (a recycle bin) and a ledger's own archive, quarantine and backup folders are left
    out. Refused (``nothing_found``) only when nothing at all was found: an empty folder beside
    bundles does not keep them out."""
    found: list[Path] = []
    empty: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        items = sorted(p for p in path.iterdir() if _looks_like_bundle(p))
        items.extend(p for p in _below(path) if _looks_like_bundle(p) and _holds_a_bundle(p))
        if not items:
            empty.append(path)
        found.extend(items)
    if not found and empty:
        raise refuse("nothing_found", path=str(empty[0]))
    return found


SUBFOLDER_DEPTH = 3
_NOT_SEARCHED = (".bundles", ".quarantine", ".backups")


def _below(top: Path) -> list[Path]:
    """The files in ``top``'s subfolders (not its own), sorted, pruned as ``find_bundles``
    says; symlinked folders are not followed."""
    files: list[Path] = []
    for folder, subfolders, names in os.walk(top):
        depth = len(Path(folder).relative_to(top).parts)
        subfolders[:] = sorted(
            d for d in subfolders if depth < SUBFOLDER_DEPTH
            and not d.startswith((".", "$")) and not d.endswith(_NOT_SEARCHED)
            and d.upper() not in ("SYSTEM VOLUME INFORMATION", "RECYCLER"))
        if depth:
            files.extend(Path(folder) / name for name in sorted(names))
    return files


def _looks_like_bundle(path: Path) -> bool:
    return (path.suffix.lower() in BUNDLE_SUFFIXES and not path.name.startswith(".partial-")
            and path.is_file())


# The names exports give bundles (export._bundle_name, return and relay bundles).
_BUNDLE_NAME = re.compile(r"(?:relay_|return_)?[A-Z][A-Z0-9]{2,9}_")


def _holds_a_bundle(path: Path) -> bool:
    """An encrypted bundle, a file named as bundles are (a damaged one is refused and kept
    aside, not passed over), or a ZIP holding a bundle's manifest and its signature (a backup
    has a manifest too, but no signature beside it)."""
    if path.suffix.lower() != ".zip" or _BUNDLE_NAME.match(path.name):
        return True
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError,
            RuntimeError):
        return False
    return fmt.MANIFEST in names and fmt.SIGNATURE in names


class DryRunSeen:
    """A dry run's memory of the entries its earlier files would bring, by station and epoch:
    each file's transaction is rolled back, and without it the same entries in two
    overlapping files (the usual stick: every export runs from the last acknowledged seq) were
    counted new twice, and a file after one that brings the seqs before it showed them as a
    gap. A file's entries are kept only if the file would be taken whole (``settle``)."""

    def __init__(self) -> None:
        self.kept: dict[tuple[str, int], dict[int, str]] = {}
        self.pending: dict[tuple[str, int], dict[int, str]] = {}

    def digest(self, station: str, epoch: int, seq: int) -> str | None:
        held = self.kept.get((station, epoch))
        return None if held is None else held.get(seq)

    def add(self, entries: list[Entry]) -> None:
        for e in entries:
            self.pending.setdefault((e.station, e.epoch), {})[e.seq] = e.digest

    def settle(self, keep: bool) -> None:
        if keep:
            for key, seqs in self.pending.items():
                self.kept.setdefault(key, {}).update(seqs)
        self.pending = {}

    def minus(self, station: str, gaps: dict[int, list[tuple[int, int]]]
              ) -> dict[int, list[tuple[int, int]]]:
        """``gaps`` without the seqs earlier files of the run bring."""
        out: dict[int, list[tuple[int, int]]] = {}
        for epoch, spans in gaps.items():
            seqs = sorted(self.kept.get((station, epoch), ()))
            left: list[tuple[int, int]] = []
            for lo, hi in spans:
                at = lo
                for seq in seqs[bisect.bisect_left(seqs, lo):bisect.bisect_right(seqs, hi)]:
                    if seq > at:
                        left.append((at, seq - 1))
                    at = seq + 1
                if at <= hi:
                    left.append((at, hi))
            if left:
                out[epoch] = left
        return out


def _classify(ledger: Ledger, entries: list[Entry], rows: list[tuple[Any, ...]],
              dry_run: bool, seen: DryRunSeen | None = None
              ) -> tuple[list[Entry], list[tuple[Any, ...]], int, int]:
    """Split into new entries and duplicates; a different digest at a held seq is a fork.
    ``seen``: a dry run's entries of earlier files, counted as held."""
    spans: dict[tuple[str, int], list[int]] = {}
    for entry in entries:
        span = spans.setdefault((entry.station, entry.epoch), [entry.seq, entry.seq])
        if entry.seq < span[0]:
            span[0] = entry.seq
        elif entry.seq > span[1]:
            span[1] = entry.seq
    held: dict[tuple[str, int, int], tuple[str, str]] = {}
    for (station, epoch), (lo, hi) in spans.items():
        for seq, id_, digest in ledger.conn.execute(
                "SELECT seq, id, digest FROM entries WHERE station = ? AND epoch = ?"
                " AND seq BETWEEN ? AND ?", (station, epoch, lo, hi)):
            held[(station, epoch, seq)] = (id_, digest)
    if not held and not (seen and seen.kept):
        return entries, rows, 0, 0
    new_entries, new_rows = [], []
    duplicates = conflicts = 0
    for entry, row in zip(entries, rows, strict=True):
        key = (entry.station, entry.epoch, entry.seq)
        have = held.get(key)
        earlier = seen.digest(*key) if have is None and seen is not None else None
        if earlier is not None:  # a dry run: brought by an earlier file of the run
            if earlier == entry.digest:
                duplicates += 1
            else:
                conflicts += 1  # the real run would refuse this file as a fork
        elif have is None:
            new_entries.append(entry)
            new_rows.append(row)
        elif have[1] == entry.digest:
            duplicates += 1
        else:
            conflicts += 1
            if not dry_run:
                raise refuse("forked_station", station=entry.station, epoch=entry.epoch,
                             seq=entry.seq, existing=have[0], incoming=entry.id)
    return new_entries, new_rows, duplicates, conflicts


def _insert(ledger: Ledger, name: str, entries: list[Entry], rows: list[tuple[Any, ...]]
            ) -> None:
    conn = ledger.conn
    try:
        projector.project(ledger, entries, rows)
    except projector.IdConflict:
        # The id is already held under another (station, epoch, seq): find which for the message.
        for entry in entries:
            row = conn.execute("SELECT 1 FROM entries WHERE id = ? AND NOT (station = ?"
                               " AND epoch = ? AND seq = ?)",
                               (entry.id, entry.station, entry.epoch, entry.seq)).fetchone()
            if row is not None:
                raise refuse("entry_conflict", entry=entry.id) from None
        raise refuse("entry_conflict", entry="?") from None
    except (KeyError, TypeError, ValueError, AttributeError, IndexError,
            sqlite3.InterfaceError, sqlite3.ProgrammingError) as exc:
        # A value SQLite cannot bind (an object where text belongs) is the entry's fault.
        raise refuse("bad_entry", file=name, line="?", detail=f"cannot be applied: {exc!r}"
                     ) from None


def _upsert_station(ledger: Ledger, info: dict[str, Any], *, trusted: bool) -> None:
    """A station key learnt from a return bundle (``trusted``: signed by our own supervisor)
    or a relay (role ``known``); never overrides this ledger itself, its supervisor or a
    station it enrolled, never lifts a revocation, and only our supervisor may re-key a
    known station."""
    conn = ledger.conn
    row = conn.execute("SELECT role FROM stations WHERE code = ?", (info["code"],)).fetchone()
    if row is not None and row[0] == "known" and not trusted:
        conn.execute("UPDATE stations SET revoked_at = COALESCE(revoked_at, ?) WHERE code = ?",
                     (info["revoked_at"], info["code"]))
        return
    if row is None:
        conn.execute(
            "INSERT INTO stations (code, name, league, kind, role, public_key, fingerprint,"
            " enrolled_at, revoked_at) VALUES (?, ?, ?, ?, 'known', ?, ?, ?, ?)",
            (info["code"], info["name"], info["league"], info["kind"], info["public_key"],
             info["fingerprint"], clock.now_iso(), info["revoked_at"]))
    elif row[0] == "known":
        conn.execute("UPDATE stations SET name = ?, league = ?, kind = ?, public_key = ?,"
                     " fingerprint = ?, revoked_at = COALESCE(revoked_at, ?) WHERE code = ?",
                     (info["name"], info["league"], info["kind"], info["public_key"],
                      info["fingerprint"], info["revoked_at"], info["code"]))
    elif trusted and info["revoked_at"] and row[0] != "self":
        # Only our own supervisor revokes a station enrolled here (or itself); a relay's list
        # touches nothing but "known" rows, so one league cannot revoke another at the region.
        conn.execute("UPDATE stations SET revoked_at = COALESCE(revoked_at, ?) WHERE code = ?",
                     (info["revoked_at"], info["code"]))


def _archive(ledger: Ledger, checked: Verified) -> None:
    """Keep the original signed bundle so it can be forwarded upward (relay)."""
    if not status.has_files(ledger):
        return
    sha = fmt.sha256_hex(checked.raw.data)
    exists = ledger.conn.execute("SELECT 1 FROM bundle_archive WHERE sha256 = ?",
                                 (sha,)).fetchone()
    if exists:
        return
    rel = f"{checked.station}/{sha}.zip"
    folder = status.archive_dir(ledger) / checked.station
    fmt.write_atomic(folder, f"{sha}.zip", checked.raw.data)
    ledger.conn.execute(
        "INSERT INTO bundle_archive (sha256, path, station, received_at, entry_count, ranges)"
        " VALUES (?, ?, ?, ?, ?, ?)", (sha, rel, checked.station, clock.now_iso(),
                                       len(checked.entries), json.dumps(checked.ranges)))


def _sender_epoch_news(ledger: Ledger, checked: Verified) -> bool | None:
    """How a return bundle's acknowledgements relate to those already taken from its sender.

    True: the sender was restored from a backup since (a newer epoch): what it holds now
    replaces the older, higher marks, so everything it lost is sent to it again. False: the
    same epoch (or a sender without the field): marks only go up. None: written before the
    sender's restore and arriving late: its marks are out of date and are left out (its
    entries still apply)."""
    if checked.sender_epoch is None:
        return False
    key = f"sync.sender_epoch.{checked.station}"
    seen = int(ledger.setting(key, "0") or 0)
    if checked.sender_epoch < seen:
        return None
    if checked.sender_epoch == seen:
        return False
    ledger.set_setting(key, str(checked.sender_epoch))
    if seen:  # not the first bundle from this sender: it was restored, start from its marks
        status.forget_supervisor_marks(ledger)
    return True


def _apply_one(ledger: Ledger, checked: Verified, outcome: Outcome, dry_run: bool,
               actor: str = "sync", seen: DryRunSeen | None = None) -> None:
    name = checked.raw.name
    if checked.enrol_from_manifest and not dry_run:
        m = checked.raw.manifest
        from ..data.keys import fingerprint

        ledger.conn.execute(
            "INSERT INTO stations (code, name, kind, role, public_key, fingerprint, enrolled_at)"
            " VALUES (?, ?, 'station', 'enrolled', ?, ?, ?)",
            (checked.station, str(m.get("station_name", checked.station)), checked.signer_key,
             fingerprint(checked.signer_key), clock.now_iso()))
        # Who chose to take the key from the bundle (import --accept-unknown, or the Sync
        # page's confirmation) is named in the log, not just "sync".
        ledger.audit(actor, "enrol.from_bundle", checked.station,
                     json.dumps({"fingerprint": fingerprint(checked.signer_key), "file": name}))
    for info in checked.stations:
        if info["code"] != ledger.station_code:
            _upsert_station(ledger, info, trusted=checked.kind == "return")
    new_entries, new_rows, dups, conflicts = _classify(
        ledger, checked.entries, checked.rows, dry_run, seen)
    if new_entries:
        _insert(ledger, name, new_entries, new_rows)
    if seen is not None:
        seen.add(new_entries)
    outcome.new += len(new_entries)
    outcome.duplicate += dups
    outcome.conflicting += conflicts
    if checked.kind == "return" and _sender_epoch_news(ledger, checked) is not None:
        for epoch, seq in checked.ack.items():
            ledger.conn.execute("INSERT OR IGNORE INTO sync_state (epoch) VALUES (?)", (epoch,))
            ledger.conn.execute("UPDATE sync_state SET acked_seq = MAX(acked_seq, ?),"
                                " acked_at = ? WHERE epoch = ?", (seq, clock.now_iso(), epoch))
        # What the level above holds of the stations this ledger relays to it.
        ledger.conn.executemany(
            "INSERT INTO upstream_acks (station, epoch, seq, acked_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT DO UPDATE SET seq = MAX(seq, excluded.seq),"
            " acked_at = excluded.acked_at",
            [(station, epoch, seq, clock.now_iso())
             for (station, epoch), seq in checked.relay_ack.items()])
        # The other stations' member entries this bundle brought (its sender's watermarks).
        # The bundle left out what our last report said we held ("assumed"); if we hold less
        # now (restored from an older backup), it did not bring everything up to the mark:
        # keep our own figure, report it, and the next return bundle fills the difference.
        have = {(o, int(e)): int(q) for o, e, q in ledger.conn.execute(
            "SELECT origin, epoch, seq FROM foreign_held")}
        ledger.conn.executemany(
            "INSERT INTO foreign_held (origin, epoch, seq) VALUES (?, ?, ?)"
            " ON CONFLICT DO UPDATE SET seq = MAX(seq, excluded.seq)",
            [(origin, epoch, seq) for (origin, epoch), seq in checked.foreign.items()
             if have.get((origin, epoch), 0) >= checked.assumed.get((origin, epoch), 0)])
    if checked.kind == "station" and checked.held is not None and not checked.vouched:
        # What the station holds of the others: its next return bundle leaves that out. The
        # report written last by the station (its own epoch and seq) wins, whatever order its
        # bundles arrive in; a restored station (a new epoch) replaces its older report.
        at_epoch, at_seq, held = checked.held
        ledger.conn.execute(
            "INSERT INTO return_acks (station, at_epoch, at_seq, held) VALUES (?, ?, ?, ?)"
            " ON CONFLICT DO UPDATE SET at_epoch = excluded.at_epoch,"
            " at_seq = excluded.at_seq, held = excluded.held"
            " WHERE (excluded.at_epoch, excluded.at_seq) >= (at_epoch, at_seq)",
            (checked.station, at_epoch, at_seq, json.dumps(
                {origin: {str(e): q for e, q in marks.items()} for origin, marks in held.items()},
                sort_keys=True)))
    if checked.kind == "station":
        if not dry_run:
            _archive(ledger, checked)
        missing = status.gaps(ledger, checked.station)
        if seen is not None:
            missing = seen.minus(checked.station, missing)
        if missing:
            outcome.missing[checked.station] = missing


def _apply_relay(ledger: Ledger, checked: Verified, outcome: Outcome, path: Path,
                 dry_run: bool, seen: DryRunSeen | None = None) -> None:
    """The forwarded bundles that passed their checks, in one transaction: anything found while
    applying them (a fork against what is held here, say) refuses the relay as a whole. Those
    set aside for their station's standing (verify.SET_ASIDE_IN_RELAYS) are quarantined and
    reported; the relay is refused only when nothing in it could be taken."""
    refused: list[tuple[str, bytes, LedgerError]] = list(checked.inner_refused)
    for part in checked.inner:
        _apply_one(ledger, part, outcome, dry_run, seen=seen)
    # A later bundle of the same station may have filled a gap an earlier one reported.
    for station in list(outcome.missing):
        outcome.missing[station] = status.gaps(ledger, station)
        if seen is not None:
            outcome.missing[station] = seen.minus(station, outcome.missing[station])
        if not outcome.missing[station]:
            del outcome.missing[station]
    if refused and not checked.inner:
        raise refused[0][2]
    for name, data, why in refused:
        kept = None if dry_run else _quarantine_bytes(ledger, path, name, data)
        outcome.inner_refused.append((name, why, kept))


def _quarantine_bytes(ledger: Ledger, relay: Path, member: str, data: bytes) -> str | None:
    """A forwarded bundle the region refused, kept aside beside refused files, once: relays
    repeat it until the level above acknowledges it, the quarantine folder keeps one copy."""
    if not status.has_files(ledger):
        return None
    name = f"{Path(member).stem}_{fmt.sha256_hex(data)[:16]}.zip"
    try:
        held = next(status.quarantine_dir(ledger).glob(f"*_{name}"), None)
        if held is not None:
            return str(held)
        target = _quarantine_target(ledger, name)
        return None if target is None else str(fmt.write_atomic(target.parent, target.name,
                                                                  data))
    except OSError:
        return None


def _log(ledger: Ledger, actor: str, outcome: Outcome, checked: Verified | None) -> None:
    spans = outcome.ranges
    detail = {"type": outcome.kind, "new": outcome.new, "duplicate": outcome.duplicate,
              "conflicting": outcome.conflicting,
              "signer": checked.station if checked else None}
    if outcome.error is not None:
        detail["params"] = {k: v for k, v in outcome.error.params.items()
                            if isinstance(v, str | int | float | bool | None)}
    if outcome.inner_refused:
        detail["inner_refused"] = [{"bundle": name, "code": exc.code}
                                   for name, exc, _ in outcome.inner_refused]
    with ledger.write():
        ledger.conn.execute(
            "INSERT INTO import_log (at, actor, file_name, sha256, station, epoch, seq_from,"
            " seq_to, result, error_code, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (clock.now_iso(), actor, outcome.file, outcome.sha256, outcome.station or None,
             spans[0]["epoch"] if spans else None, spans[0]["from"] if spans else None,
             spans[-1]["to"] if spans else None, outcome.result,
             outcome.error.code if outcome.error else None,
             json.dumps(detail, ensure_ascii=False, sort_keys=True)))


def _quarantine_target(ledger: Ledger, name: str) -> Path | None:
    """A free name in the quarantine folder (made if need be): ``<time>_<name>``; None for a
    ledger without files."""
    if not status.has_files(ledger):
        return None
    folder = status.quarantine_dir(ledger)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stamp}_{name}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stamp}-{n}_{name}"
    return target


REASON_SUFFIX = ".txt"


def _quarantine(ledger: Ledger, path: Path, why: LedgerError, sha256: str = "") -> str | None:
    """Refused files are copied aside, never deleted, so a supervisor can send them back; a
    text file beside each copy says why (both languages). The same file refused again (an
    import run repeated, a dry run's files imported) is kept once: its note says when. A file
    too large to be a bundle is not copied (it would be again on every run): its note names
    where it is."""
    if not status.has_files(ledger):
        return None
    try:
        sha256 = sha256 or _file_sha256(path)
        held = _quarantined_copy(ledger, sha256) if sha256 else None
        if held is not None:
            with held.with_name(held.name + REASON_SUFFIX).open("a", encoding="utf-8",
                                                                errors="replace") as note:
                note.write(f"再次拒收 / Refused again: {clock.now_iso()} ({why.code})\n")
            return str(held)
        target = _quarantine_target(ledger, path.name)
        if target is None:
            return None
        text = _reason_note(path.name, why, sha256)
        if not sha256:
            target = target.with_name(target.name + REASON_SUFFIX)
            text += f"未复制（太大）；原文件 / Not copied (too large); the original: {path}\n"
        else:
            shutil.copy2(path, target)
            target.with_name(target.name + REASON_SUFFIX).write_text(
                text, encoding="utf-8", errors="replace")
            return str(target)
        target.write_text(text, encoding="utf-8", errors="replace")
    except (OSError, UnicodeError):
        return None
    return str(target)


def _file_sha256(path: Path) -> str:
    """The file's SHA-256, or "" for one too large to be a bundle (not worth reading)."""
    if path.stat().st_size > fmt.MAX_BUNDLE_BYTES:
        return ""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _quarantined_copy(ledger: Ledger, sha256: str) -> Path | None:
    """The copy already kept of the file with this hash (its note names the hash)."""
    line = f"SHA-256: {sha256}\n"
    for note in sorted(status.quarantine_dir(ledger).glob(f"*{REASON_SUFFIX}")):
        copy = note.with_name(note.name[:-len(REASON_SUFFIX)])
        if copy.is_file() and line in note.read_text(encoding="utf-8", errors="replace"):
            return copy
    return None


def _reason_note(name: str, why: LedgerError, sha256: str) -> str:
    return (f"驿站台账：此文件被拒收，其中的内容均未导入。\n"
            f"Station Ledger: this file was refused; nothing in it was imported.\n\n"
            f"文件 / File: {name}\n"
            f"时间 / Time: {clock.now_iso()}\n"
            f"原因：{render(why, 'zh_CN')}\n"
            f"Reason: {render(why, 'en')}\n"
            f"代码 / Code: {why.code}\n"
            f"SHA-256: {sha256}\n")


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """A bundle makes hundreds of thousands of small objects (entries, bodies, rows) and none of
    them form reference cycles; the cyclic collector would rescan them over and over (a third of
    the parse time). Reference counting still frees everything; the collector runs again after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


IMPORT_CACHE_KIB = -64000


@contextlib.contextmanager
def deferred_checkpoints(ledger: Ledger, pages: int = 32768) -> Iterator[None]:
    """Around a run of several imports: copy the WAL into the ledger file once at the end
    instead of after every bundle.

    Each bundle's commit rewrites pages all over the time-ordered indexes, so the default
    checkpoint (every 1,000 pages) copied ~20 MB into the file after every bundle of a
    100-station import. Durability is unchanged: every commit is still synced to the WAL
    (``synchronous = FULL``), and the WAL is still checkpointed when it reaches ``pages``
    pages (128 MiB), so its size stays bounded.
    """
    conn = ledger.conn
    if not status.has_files(ledger):
        yield
        return
    previous = int(conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    cache = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    if previous > 0:
        conn.execute(f"PRAGMA wal_autocheckpoint = {max(previous, int(pages))}")
    # A bigger page cache while a run of bundles is applied (the day-to-day connection keeps
    # a small one so the counter stays light): the indexes it updates stay in memory.
    conn.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {cache}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {previous}")
        if previous > 0 and not conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


class ReadAhead:
    """A bundle file read and parsed before its turn (while the file before it is committed),
    or what that raised, raised again when its turn comes."""

    def __init__(self, ledger: Ledger, path: Path, us: str) -> None:
        self.path = path
        self.raw: fmt.RawBundle | None = None
        self.error: Exception | None = None
        try:
            self.raw = _read(ledger, path)
            parse_ahead(self.raw, us)
        except Exception as exc:  # raised again when this file's turn comes
            self.error = exc

    def result(self) -> fmt.RawBundle:
        if self.error is not None:
            raise self.error
        assert self.raw is not None
        return self.raw


def _read(ledger: Ledger, path: Path) -> fmt.RawBundle:
    """Read the file (no SQL: it may run while the ledger commits the bundle before)."""
    try:
        return fmt.read_bundle_file(path, ledger.keys.box)
    except FileNotFoundError:
        raise refuse("file_missing", file=path.name) from None
    except OSError:
        raise refuse("truncated", file=path.name) from None


def import_file(ledger: Ledger, path: Path, *, actor: str, dry_run: bool = False,
                accept_unknown: bool | str = False) -> Outcome:
    """Verify one bundle file and apply it in one transaction; log the attempt either way."""
    with _no_cyclic_gc():
        return _import_file(ledger, path, actor=actor, dry_run=dry_run,
                            accept_unknown=accept_unknown, ahead=None, next_path=None)[0]


def import_each(ledger: Ledger, files: list[Path], *, actor: str, dry_run: bool = False,
                accept_unknown: bool | str = False,
                cancelled: Callable[[], bool] | None = None,
                starting: Callable[[int, Path], None] | None = None) -> Iterator[Outcome]:
    """``import_file`` for each of ``files`` in turn, each file read and parsed while the one
    before is committed (the second core writes and syncs, this one reads); stops before the
    next file once ``cancelled()``; ``starting(n, path)`` hears of each file as it begins."""
    ahead: ReadAhead | None = None
    seen = DryRunSeen() if dry_run else None
    for n, path in enumerate(files):
        if cancelled is not None and cancelled():
            return
        if starting is not None:
            starting(n, path)
        with _no_cyclic_gc():
            outcome, ahead = _import_file(
                ledger, path, actor=actor, dry_run=dry_run, accept_unknown=accept_unknown,
                ahead=ahead, next_path=files[n + 1] if n + 1 < len(files) else None, seen=seen)
        yield outcome


def _import_file(ledger: Ledger, path: Path, *, actor: str, dry_run: bool,
                 accept_unknown: bool | str, ahead: ReadAhead | None,
                 next_path: Path | None, seen: DryRunSeen | None = None
                 ) -> tuple[Outcome, ReadAhead | None]:
    following: list[ReadAhead] = []
    us = ""  # this ledger's code, read before the commit: nothing beside it may use SQL

    def read_next() -> None:
        if next_path is not None:
            following.append(ReadAhead(ledger, next_path, us))

    while True:
        outcome = Outcome(file=path.name)
        checked: Verified | None = None
        if seen is not None:
            seen.settle(False)  # what a refused file (or the pass before) brought
        try:
            if ahead is not None and ahead.path == path:
                raw, ahead = ahead.result(), None
            else:
                raw = _read(ledger, path)
            outcome.sha256 = raw.sha256
            outcome.kind = str(raw.manifest.get("type", ""))
            outcome.station = str(raw.manifest.get("station", ""))
            checked = verify(ledger, raw, accept_unknown=accept_unknown)
            outcome.ranges = checked.ranges
            us = ledger.station_code
            try:
                with ledger.write(None if dry_run else read_next):
                    if checked.kind == "relay" and not dry_run:
                        for info in checked.stations:
                            if info["code"] != ledger.station_code:
                                _upsert_station(ledger, info, trusted=False)
                    if checked.kind == "relay":
                        _apply_relay(ledger, checked, outcome, path, dry_run, seen)
                    else:
                        _apply_one(ledger, checked, outcome, dry_run, actor, seen)
                    if dry_run:
                        raise _DryRun
                    outcome.result = "accepted" if outcome.new or checked.kind != "station" \
                        else "duplicate"
                    _log(ledger, actor, outcome, checked)  # same transaction: one commit
                return outcome, (following[0] if following else None)
            except _DryRun:
                outcome.result = "dry_run"
                if seen is not None:  # taken whole by the real run: later files count on it
                    seen.settle(outcome.conflicting == 0)
        except LedgerError as exc:
            # (A return bundle comes from our own supervisor: its station is not held here.)
            if (exc.code == "sync.forked_station" and not dry_run and checked is not None
                    and checked.kind != "return" and _hold_fork(ledger, exc, path.name, actor)
                    and checked.kind == "relay"):
                # The forked station-epoch is held now: its forwarded bundles are set aside
                # and the rest of the relay applies (each pass holds one more, so this ends).
                continue
            outcome.error = exc
            if exc.code in SKIPPED_CODES:
                outcome.result = "skipped"
            else:
                outcome.result = "refused"
                if not dry_run:
                    outcome.quarantined = _quarantine(ledger, path, exc, outcome.sha256)
        except (RecursionError, MemoryError, ValueError, TypeError, KeyError, AttributeError,
                IndexError, OverflowError, sqlite3.IntegrityError) as exc:
            # A file shaped to trip the parser must still be refused, logged and set aside, and
            # must not stop the other files of the run (the transaction above rolled back).
            outcome.error = refuse("bad_manifest", file=path.name, detail=type(exc).__name__)
            outcome.result = "refused"
            if not dry_run:
                outcome.quarantined = _quarantine(ledger, path, outcome.error,
                                                  outcome.sha256)
        _log(ledger, actor, outcome, checked)
        return outcome, None


def _hold_fork(ledger: Ledger, exc: LedgerError, file: str, actor: str) -> bool:
    """Record a fork found while applying (the bundle's own transaction rolled back): later
    bundles of that station-epoch are held until resolved. False if it was held already."""
    p = exc.params
    with ledger.write():
        cur = ledger.conn.execute(
            "INSERT OR IGNORE INTO forks (station, epoch, seq, existing, incoming, file,"
            " detected_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (p["station"], p["epoch"], p["seq"], p["existing"], p["incoming"], file,
             clock.now_iso()))
        if cur.rowcount != 1:
            return False
        ledger.audit(actor, "sync.fork", str(p["station"]), json.dumps(
            {"epoch": p["epoch"], "seq": p["seq"], "existing": p["existing"],
             "incoming": p["incoming"], "file": file}, ensure_ascii=False, sort_keys=True))
    return True


def import_paths(ledger: Ledger, paths: list[Path], *, actor: str, dry_run: bool = False,
                 accept_unknown: bool | str = False) -> list[Outcome]:
    return list(import_each(ledger, find_bundles(paths), actor=actor, dry_run=dry_run,
                            accept_unknown=accept_unknown))


__all__ = ["SKIPPED_CODES", "BundleRefused", "Outcome", "deferred_checkpoints", "find_bundles",
           "import_each", "import_file", "import_paths"]
