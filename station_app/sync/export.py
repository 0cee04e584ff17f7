"""Writing bundles: a station's own entries, a supervisor's return bundles and upward relays."""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..data import migrations
from ..data.db import Ledger
from ..data.entries import MEMBER_KINDS
from ..data.keys import raw_public
from ..data.projector import ANONYMISE_KIND
from ..domain import clock
from ..domain.errors import LedgerError
from . import format as fmt
from . import status
from .errors import refuse
from .identity import Identity

log = logging.getLogger(__name__)

SEALED_KINDS = ("member.signup", "transfer.in")
REPORT_SERIAL = "sync.report_serial"  # counts this station's exports (see export_station)


def app_version() -> str:
    try:
        from importlib.metadata import version

        return version("station-ledger")
    except Exception:
        return "0"

_COLS = "e.id, e.station, e.epoch, e.seq, e.kind, e.recorded_at, e.recorded_by, e.target, " \
        "e.body, e.sealed, e.pii_hash, e.digest"


@dataclass
class Written:
    path: Path
    kind: str
    station: str
    entry_count: int
    counts: dict[str, int]
    ranges: list[dict[str, int]]
    size: int
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "type": self.kind, "station": self.station,
                "entry_count": self.entry_count, "counts": self.counts, "ranges": self.ranges,
                "size": self.size, **self.extra}


def seal_for_entry(recipient_box: bytes, plaintext: str, secret: bytes, entry_id: str) -> bytes:
    """Scheme ``X`` sealing (readable by ``keys.unseal``) with the ephemeral key and nonce derived
    from this ledger's data key and the entry id: every export of an entry is byte-identical,
    so overlapping bundles imported in any order leave identical ledgers. Each derived key
    encrypts exactly one plaintext, so nothing leaks beyond what ``pii_hash`` already shows."""
    material = HKDF(hashes.SHA256(), 44, recipient_box, b"station-ledger export seal v1|"
                    + entry_id.encode()).derive(secret)
    eph = X25519PrivateKey.from_private_bytes(material[:32])
    eph_public = raw_public(eph.public_key())
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_box))
    key = HKDF(hashes.SHA256(), 32, eph_public + recipient_box,
               b"station-ledger seal v1").derive(shared)
    nonce = material[32:44]
    return b"X" + eph_public + nonce + AESGCM(key).encrypt(nonce, plaintext.encode(), b"X")


def supervisor_row(ledger: Ledger) -> Any:
    """The stations row of the supervisor this ledger trusts now (the newest not revoked):
    code, name, fingerprint, box_key; None if there is none."""
    return ledger.conn.execute(
        "SELECT code, name, fingerprint, box_key FROM stations WHERE role = 'supervisor'"
        " AND revoked_at IS NULL ORDER BY enrolled_at DESC LIMIT 1").fetchone()


def supervisor_of(ledger: Ledger) -> tuple[str, bytes] | None:
    """The trusted supervisor's code and box key (what bundles are sealed for)."""
    row = supervisor_row(ledger)
    return (str(row[0]), bytes(row[3])) if row and row[3] else None


def _line(row: Any, sealed: bytes | None, pii_hash: str | None) -> bytes:
    return fmt.encode_line(row[11], pii_hash, sealed, [row[0], row[1], row[2], row[3], row[4],
                                                        row[5], row[6], row[7], row[8]])


def _ranges(rows: list[Any]) -> list[dict[str, int]]:
    ranges: dict[int, list[int]] = {}
    for row in rows:
        span = ranges.setdefault(int(row[2]), [int(row[3]), int(row[3])])
        span[0] = min(span[0], int(row[3]))
        span[1] = max(span[1], int(row[3]))
    return [{"epoch": e, "from": lo, "to": hi} for e, (lo, hi) in sorted(ranges.items())]


def _counts(rows: list[Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row[4]] = counts.get(row[4], 0) + 1
    return dict(sorted(counts.items()))


def _manifest(ledger: Ledger, kind: str, recipient: str | None, rows: list[Any],
              members: dict[str, bytes], **extra: Any) -> dict[str, Any]:
    return {
        "format": fmt.FORMAT, "format_version": fmt.FORMAT_VERSION, "type": kind,
        "schema_version": migrations.latest_version(), "app_version": app_version(),
        "station": ledger.station_code, "station_name": ledger.station_name,
        "public_key": fmt.b64(ledger.keys.public_key), "fingerprint": ledger.keys.fingerprint,
        "recipient": recipient, "created_at": clock.now_iso(), "ranges": _ranges(rows),
        "counts": _counts(rows), "entry_count": len(rows), "files": fmt.file_members(members),
        **extra,
    }


def _finish(ledger: Ledger, manifest: dict[str, Any], members: dict[str, bytes], out: Path,
            name: str, encrypt_to: Identity | None) -> tuple[Path, int]:
    signature = ledger.keys.sign(fmt.manifest_bytes(manifest))
    data = fmt.seal_zip(fmt.build_zip(manifest, signature, members), ledger.keys.sign)
    if encrypt_to is not None:
        header = {"format": fmt.FORMAT, "station": manifest["station"],
                  "ranges": manifest["ranges"], "entry_count": manifest["entry_count"],
                  "recipient": encrypt_to.code,
                  "recipient_fingerprint": encrypt_to.fingerprint}
        data = fmt.encrypt(data, encrypt_to.box_key, header)
        name = name.rsplit(".", 1)[0] + ".slbx"
    return fmt.write_atomic(out, name, data), len(data)


def _bundle_name(prefix: str, ranges: list[dict[str, int]]) -> str:
    if not ranges:
        return f"{prefix}_{clock.now().strftime('%Y%m%d-%H%M%S')}_empty.zip"
    first, last = ranges[0], ranges[-1]
    if first["epoch"] == last["epoch"]:
        return f"{prefix}_e{first['epoch']}_{first['from']:06d}-{last['to']:06d}.zip"
    return (f"{prefix}_e{first['epoch']}_{first['from']:06d}-e{last['epoch']}_"
            f"{last['to']:06d}.zip")


def own_rows(ledger: Ledger, full: bool) -> list[Any]:
    """This station's entries not yet acknowledged (all of them with ``full``)."""
    sql = (f"SELECT {_COLS} FROM entries e LEFT JOIN sync_state s ON s.epoch = e.epoch"
           " WHERE e.station = ?")
    if not full:
        sql += " AND e.seq > COALESCE(s.acked_seq, 0)"
    return ledger.conn.execute(sql + " ORDER BY e.epoch, e.seq", (ledger.station_code,)
                               ).fetchall()


def station_payload(ledger: Ledger, rows: list[Any], recipient_box: bytes) -> bytes:
    """Entry lines; each ID number is re-sealed for the supervisor and hashed with the region
    key. It never leaves in plain text."""
    keys = ledger.keys
    lines = []
    for row in rows:
        sealed = None
        pii = row[10]
        if row[9] is not None and row[4] in SEALED_KINDS:
            plain = keys.unseal(bytes(row[9]))
            sealed = seal_for_entry(recipient_box, plain, keys.data_key, row[0])
            pii = keys.id_hash(plain)
        lines.append(_line(row, sealed, pii))
    return b"\n".join(lines) + (b"\n" if lines else b"")


def export_station(ledger: Ledger, out: Path, *, full: bool = False,
                   encrypt_to: Identity | None = None) -> Written:
    """Write one bundle with everything since the last acknowledged seq (or everything)."""
    supervisor = supervisor_of(ledger)
    if supervisor is None:
        raise refuse("no_supervisor")
    recipient, box = supervisor
    rows = own_rows(ledger, full)
    members = {fmt.ENTRIES: station_payload(ledger, rows, box)}
    # What this station holds of the others' members, so the next return bundle carries only
    # what it lacks. "at" orders the reports: a serial counted up by every export within the
    # epoch (a restored or copied ledger starts a new epoch, so its report comes later).
    serial = int(ledger.setting(REPORT_SERIAL, "0") or 0) + 1
    manifest = _manifest(ledger, "station", recipient, rows, members, full=full,
                         held=_held_report(ledger, serial))
    path, size = _finish(ledger, manifest, members, out,
                         _bundle_name(ledger.station_code, manifest["ranges"]), encrypt_to)
    with ledger.write():
        ledger.set_setting(REPORT_SERIAL, str(serial))
        for span in manifest["ranges"]:
            ledger.conn.execute("INSERT OR IGNORE INTO sync_state (epoch) VALUES (?)",
                                (span["epoch"],))
            ledger.conn.execute(
                "UPDATE sync_state SET exported_seq = MAX(exported_seq, ?), exported_at = ?"
                " WHERE epoch = ?", (span["to"], clock.now_iso(), span["epoch"]))
    return Written(path, "station", ledger.station_code, len(rows), manifest["counts"],
                   manifest["ranges"], size)


def _held_report(ledger: Ledger, serial: int) -> dict[str, Any]:
    """What this ledger holds of the other stations' members, for its supervisor's next return
    bundle; ``at`` orders the reports (verify: ``held``)."""
    return {"at": {"epoch": ledger.epoch, "seq": serial},
            "stations": {origin: {str(e): s for e, s in marks.items()}
                         for origin, marks in status.foreign_held(ledger).items()}}


def _stations_doc(ledger: Ledger, exclude: str | None) -> bytes:
    rows = ledger.conn.execute(
        "SELECT code, name, league, kind, public_key, fingerprint, revoked_at FROM stations"
        " WHERE public_key IS NOT NULL ORDER BY code").fetchall()
    doc = [{"code": r[0], "name": r[1], "league": r[2], "kind": r[3],
            "public_key": fmt.b64(bytes(r[4])), "fingerprint": r[5], "revoked_at": r[6]}
           for r in rows if r[0] != exclude]
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def return_rows(ledger: Ledger, code: str,
                held: dict[str, dict[int, int]] | None = None) -> list[Any]:
    """Members registered elsewhere (their history, their anonymisations) and the voids of
    those entries, beyond what the station reported holding (``held``: origin -> epoch -> seq;
    everything when None), and the supervisor's own catalogue and campaign definitions
    (always: a handful)."""
    kinds = ",".join(f"'{k}'" for k in sorted(MEMBER_KINDS))
    conn = ledger.conn
    rows: list[Any] = []
    # An anonymisation written at any ledger (the member's home station, its supervisor, or
    # another station whose retention rule ran out) reaches every station holding the member,
    # except the member's own station: only it rewrites its own members (verify.py refuses a
    # station bundle that touches another station's members for the same reason).
    for row in conn.execute(
            f"SELECT {_COLS} FROM entries e WHERE e.kind = ? AND e.station <> ?"
            " AND substr(json_extract(e.body, '$.member_no'), 1, ?) IS NOT ?",
            (ANONYMISE_KIND, code, len(code) + 1, code + "-")):
        if row[3] > (held or {}).get(row[1], {}).get(int(row[2]), 0):
            rows.append(row)
    for origin, epoch in conn.execute(
            "SELECT DISTINCT station, epoch FROM entries WHERE station <> ?"
            " ORDER BY station, epoch", (code,)).fetchall():
        after = (held or {}).get(origin, {}).get(int(epoch), 0)
        rows.extend(conn.execute(
            f"SELECT {_COLS} FROM entries e WHERE e.station = ? AND e.epoch = ? AND e.seq > ?"
            f" AND (e.kind IN ({kinds}) OR (e.kind = 'void' AND EXISTS (SELECT 1 FROM entries t"
            f" WHERE t.id = e.target AND t.kind IN ({kinds}))))"
            " ORDER BY e.seq", (origin, epoch, after)))
    rows.extend(conn.execute(
        f"SELECT {_COLS} FROM entries e WHERE e.station = ? AND (e.kind LIKE 'service.%'"
        " OR e.kind = 'campaign.define') ORDER BY e.epoch, e.seq", (ledger.station_code,)))
    return sorted(rows, key=lambda r: (r[1], r[2], r[3]))


def _carried_hash(ledger: Ledger, row: Any) -> str | None:
    """The keyed ID hash that travels instead of the sealed ID (computed for the supervisor's
    own sign-ups, which are stored without one)."""
    if row[10] is None and row[9] is not None and row[4] in SEALED_KINDS:
        try:
            return ledger.keys.id_hash(ledger.keys.unseal(bytes(row[9])))
        except LedgerError:
            return None
    return row[10] if row[10] is None else str(row[10])


def export_return(ledger: Ledger, code: str, out: Path, *, full: bool = False) -> Written:
    """The signed return bundle for one enrolled station: what it lacks of the other stations'
    members (by its own latest report; everything with ``full`` or before its first report)."""
    row = ledger.conn.execute("SELECT role, kind FROM stations WHERE code = ?",
                              (code,)).fetchone()
    if row is not None and row[0] == "self":
        raise refuse("return_to_self", station=code)
    if row is not None and row[0] == "supervisor":
        raise refuse("return_upward", station=code)
    if row is None or row[0] not in ("enrolled", "known"):
        raise refuse("unknown_station", station=code)
    with _one_snapshot(ledger):  # rows and watermarks from the same state of the ledger
        return _write_return(ledger, code, out, full, row[1])


@contextlib.contextmanager
def _one_snapshot(ledger: Ledger) -> Iterator[None]:
    """Every read inside sees one state of the ledger, even while another program commits an
    import (a return bundle must never claim more than it carries)."""
    conn = ledger.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def _write_return(ledger: Ledger, code: str, out: Path, full: bool, kind: str) -> Written:
    assumed = {} if full else status.return_ack(ledger, code)
    rows = return_rows(ledger, code, assumed)
    lines = [_line(r, None, _carried_hash(ledger, r)) for r in rows]
    members = {fmt.ENTRIES: b"\n".join(lines) + (b"\n" if lines else b""),
               fmt.STATIONS: _stations_doc(ledger, code)}
    acked = status.watermarks(ledger, code)
    # sender_epoch: a supervisor restored from a backup starts a new epoch; its acknowledgements
    # then replace the older (higher) ones instead of being lost under them.
    ack: dict[str, Any] = {"station": code, "epochs": {str(e): s for e, s in acked.items()},
                           "sender_epoch": ledger.epoch}
    # How far every other station's entries are held here without a gap: after importing
    # this bundle the station holds their member entries that far (it reports it back).
    gap_free = status.all_watermarks(ledger, (code,))
    everyone = {origin: dict(marks) for origin, marks in gap_free.items()}
    # Stations this ledger knows only from its own supervisor's return bundles (another
    # league's members) have no gap-free run here: for their member entries, what came from
    # above counts as held (not for relays below: that is about all of a station's entries).
    for origin, marks in status.foreign_held(ledger).items():
        if origin != code:
            for epoch, seq in marks.items():
                known = everyone.setdefault(origin, {})
                known[epoch] = max(known.get(epoch, 0), seq)
    ack["foreign"] = {origin: {str(e): s for e, s in marks.items()}
                      for origin, marks in sorted(everyone.items())}
    # What the rows above leave out, so the station can tell whether it still holds that.
    ack["assumed"] = {origin: {str(e): s for e, s in marks.items()}
                      for origin, marks in sorted(assumed.items())}
    if kind == "supervisor":
        # A lower supervisor relays its stations' bundles here: tell it what is held of each,
        # so its next relay forwards only what has not arrived (status.unrelayed).
        ack["stations"] = {origin: {str(e): s for e, s in marks.items()}
                           for origin, marks in sorted(gap_free.items())}
    manifest = _manifest(ledger, "return", code, rows, members, ack=ack)
    manifest["ranges"] = []  # foreign entries from many stations: no contiguous range
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    path, size = _finish(ledger, manifest, members, out,
                         f"return_{ledger.station_code}_to_{code}_{stamp}.zip", None)
    return Written(path, "return", ledger.station_code, len(rows), manifest["counts"], [], size,
                   {"recipient": code, "ack": manifest["ack"]["epochs"]})


def export_relay(ledger: Ledger, out: Path, *, full: bool = False,
                 encrypt_to: Identity | None = None) -> Written:
    """Forward upward the stations' original signed bundles the level above has not
    acknowledged yet, and this ledger's own unacknowledged entries (everything with ``full``).
    Like a station's export, it repeats until acknowledged: a lost relay costs nothing."""
    if supervisor_of(ledger) is None:
        raise refuse("no_upper")  # the top level (the region): a relay would reach nobody
    if full:
        archived = ledger.conn.execute("SELECT sha256, path FROM bundle_archive"
                                       " ORDER BY received_at, sha256").fetchall()
    else:
        archived = status.unrelayed(ledger)
    members: dict[str, bytes] = {}
    for sha, rel in archived:
        source = status.archive_dir(ledger) / rel
        data = source.read_bytes() if source.exists() else b""
        # A damaged or missing archive file is left out (the region would refuse the relay
        # for it); it is logged, and `stations` still shows what the region lacks.
        if data and fmt.sha256_hex(data) == sha:
            members[f"{fmt.INNER_DIR}{sha}.zip"] = data
        else:
            log.warning("archived bundle %s is missing or damaged: not relayed", rel)
    own = own_rows(ledger, full)
    # This ledger's own entries (perhaps none) and its report of what it holds of the other
    # leagues' members, so the region's return bundles to it carry only what it lacks. The
    # supervisor's own sign-ups carry the keyed ID hash up, for the region's duplicate check.
    lines = [_line(r, None, _carried_hash(ledger, r)) for r in own]
    own_members = {fmt.ENTRIES: b"\n".join(lines) + (b"\n" if lines else b"")}
    upper = supervisor_of(ledger)
    serial = int(ledger.setting(REPORT_SERIAL, "0") or 0) + 1
    own_manifest = _manifest(ledger, "station", upper[0] if upper else None, own,
                             own_members, full=full, held=_held_report(ledger, serial))
    own_zip = fmt.seal_zip(fmt.build_zip(
        own_manifest, ledger.keys.sign(fmt.manifest_bytes(own_manifest)), own_members),
        ledger.keys.sign)
    members[f"{fmt.INNER_DIR}{fmt.sha256_hex(own_zip)}.zip"] = own_zip
    members[fmt.STATIONS] = _stations_doc(ledger, None)
    upper = supervisor_of(ledger)
    manifest = _manifest(ledger, "relay", upper[0] if upper else None, [], members,
                         bundles=sum(1 for n in members if n.startswith(fmt.INNER_DIR)))
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    path, size = _finish(ledger, manifest, members, out,
                         f"relay_{ledger.station_code}_{stamp}.zip", encrypt_to)
    with ledger.write():
        ledger.set_setting(REPORT_SERIAL, str(serial))
        ledger.conn.executemany("UPDATE bundle_archive SET relayed_at = ? WHERE sha256 = ?",
                                [(clock.now_iso(), sha) for sha, _ in archived
                                 if f"{fmt.INNER_DIR}{sha}.zip" in members])
    # Counted: the stations' bundles forwarded, and this ledger's own when it has entries (it
    # always travels, if only to carry the report of what this ledger holds).
    carried = manifest["bundles"] - (0 if own else 1)
    return Written(path, "relay", ledger.station_code, carried, {}, [], size,
                   {"bundles": carried})
