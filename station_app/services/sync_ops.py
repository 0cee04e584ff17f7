"""Sync use cases the CLI and the UI both call: identity, enrol, trust, export, import, status."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..data import projector
from ..data.db import Ledger
from ..domain import canonical, clock
from ..sync import export, importer, status
from ..sync.errors import refuse
from ..sync.format import write_atomic
from ..sync.identity import (
    Identity,
    identity_document,
    read_identity,
    read_trust,
    trust_document,
)
from . import auth

Progress = Callable[[int, int], None]


def write_identity_file(ledger: Ledger, out: Path) -> Path:
    """``enrol-file``: this ledger's public identity, for its supervisor (or the region)."""
    doc = identity_document(ledger)
    data = (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
    if out.is_dir():
        out = out / f"identity_{ledger.station_code}.json"
    return write_atomic(out.parent, out.name, data)


def _write_trust(ledger: Ledger, ident: Identity, out: Path) -> Path:
    data = json.dumps(trust_document(ledger, ident), ensure_ascii=False, indent=1,
                      sort_keys=True).encode() + b"\n"
    if out.is_dir():
        out = out / f"trust_{ledger.station_code}_for_{ident.code}.json"
    return write_atomic(out.parent, out.name, data)


def _as_confirmed(ident: Identity, file: Path, expected: str | None) -> None:
    """``expected``: the fingerprint someone compared aloud (the Sync page showed it from an
    earlier read of ``file``); a file replaced meanwhile holds another key and is refused."""
    if expected is not None and ident.fingerprint != expected:
        raise refuse("fingerprint_changed", station=ident.code, file=Path(file).name)


def enrol_station(ledger: Ledger, file: Path, *, actor: str, trust_out: Path | None = None,
                  attendant: auth.Acting = None,
                  expected: str | None = None) -> tuple[Identity, Path]:
    """Enrol a station (or a lower supervisor) from its identity file; write its trust file.

    Needs the ``settings`` permission (keys and trust are the station admin's call).
    """
    auth.require(ledger, attendant, "settings", actor=actor)
    ident = read_identity(file)
    _as_confirmed(ident, file, expected)
    if ident.code == ledger.station_code:
        raise refuse("self_enrol")
    with ledger.write():
        row = ledger.conn.execute("SELECT public_key, role, fingerprint, revoked_at FROM"
                                  " stations WHERE code = ?", (ident.code,)).fetchone()
        if row is not None and row[0] is not None and bytes(row[0]) != ident.public_key \
                and row[1] != "known":
            raise refuse("key_changed", station=ident.code, fingerprint=row[2])
        if row is not None and row[3] is not None and row[0] is not None \
                and bytes(row[0]) == ident.public_key:
            # A revoked key stays revoked: the station must make a new key pair.
            raise refuse("station_revoked", station=ident.code)
        ledger.conn.execute(
            "INSERT INTO stations (code, name, league, kind, role, public_key, box_key,"
            " fingerprint, enrolled_at) VALUES (?, ?, ?, ?, 'enrolled', ?, ?, ?, ?)"
            " ON CONFLICT(code) DO UPDATE SET name = excluded.name, league = excluded.league,"
            " kind = excluded.kind, role = 'enrolled', public_key = excluded.public_key,"
            " box_key = excluded.box_key, fingerprint = excluded.fingerprint,"
            " revoked_at = NULL",
            (ident.code, ident.name, ident.league, ident.kind, ident.public_key, ident.box_key,
             ident.fingerprint, clock.now_iso()))
        ledger.audit(actor, "sync.enrol", ident.code,
                     canonical.dumps({"fingerprint": ident.fingerprint, "name": ident.name}))
    path = _write_trust(ledger, ident, trust_out or file.parent)
    return ident, path


def trust_file(ledger: Ledger, code: str, out: Path, *, actor: str = "",
               attendant: auth.Acting = None) -> Path:
    """Re-issue the trust file for an enrolled station (``settings`` permission)."""
    auth.require(ledger, attendant, "settings", actor=actor)
    row = ledger.conn.execute("SELECT name, league, kind, public_key, box_key, fingerprint"
                              " FROM stations WHERE code = ? AND role = 'enrolled'",
                              (code,)).fetchone()
    if row is None or row[4] is None:
        raise refuse("unknown_station", station=code, file="")
    ident = Identity(code, row[0], row[1], row[2], bytes(row[3]), bytes(row[4]), row[5], {})
    return _write_trust(ledger, ident, out)


def trust_supervisor(ledger: Ledger, file: Path, *, actor: str,
                     attendant: auth.Acting = None, expected: str | None = None) -> Identity:
    """Record the supervisor from its trust file and adopt the region's duplicate-detection key;
    every member's keyed ID hash is recomputed with it. Needs the ``settings`` permission."""
    auth.require(ledger, attendant, "settings", actor=actor)
    ident, region_key = read_trust(file, ledger)
    _as_confirmed(ident, file, expected)
    old_key = ledger.keys.region_key
    try:
        _trust(ledger, ident, region_key, actor)
    except BaseException:
        # The ledger rolled back (the members keep hashes made with the old key): so does the
        # key file, or the next start would look members up with a key they were not hashed by.
        if old_key is not None and ledger.keys.region_key != old_key:
            ledger.keys.set_region_key(old_key)
        raise
    return ident


def _trust(ledger: Ledger, ident: Identity, region_key: bytes, actor: str) -> None:
    with ledger.write():
        before = ledger.conn.execute("SELECT code, public_key FROM stations"
                                     " WHERE role = 'supervisor'").fetchall()
        if before and [(r[0], bytes(r[1] or b"")) for r in before] != [
                (ident.code, bytes(ident.public_key))]:
            # Another supervisor (or the same code with a new key: a new ledger): what the old
            # one acknowledged says nothing about what this one holds.
            status.forget_supervisor_marks(ledger)
            ledger.delete_settings("sync.sender_epoch.")
        ledger.conn.execute("UPDATE stations SET role = 'known' WHERE role = 'supervisor'"
                            " AND code <> ?", (ident.code,))
        ledger.conn.execute(
            "INSERT INTO stations (code, name, league, kind, role, public_key, box_key,"
            " fingerprint, enrolled_at) VALUES (?, ?, ?, ?, 'supervisor', ?, ?, ?, ?)"
            " ON CONFLICT(code) DO UPDATE SET name = excluded.name, role = 'supervisor',"
            " public_key = excluded.public_key, box_key = excluded.box_key,"
            " fingerprint = excluded.fingerprint, revoked_at = NULL",
            (ident.code, ident.name, ident.league, ident.kind, ident.public_key, ident.box_key,
             ident.fingerprint, clock.now_iso()))
        ledger.keys.set_region_key(region_key)
        for (number,) in ledger.conn.execute("SELECT member_no FROM members").fetchall():
            projector.rebuild_member(ledger, number)
        ledger.audit(actor, "sync.trust", ident.code,
                     canonical.dumps({"fingerprint": ident.fingerprint}))


def revoke_station(ledger: Ledger, code: str, *, actor: str, reason: str,
                   attendant: auth.Acting = None) -> None:
    """Revoke a station's key (``settings`` permission)."""
    auth.require(ledger, attendant, "settings", actor=actor)
    with ledger.write():
        cur = ledger.conn.execute("UPDATE stations SET revoked_at = ? WHERE code = ? AND"
                                  " role <> 'self' AND revoked_at IS NULL",
                                  (clock.now_iso(), code))
        if cur.rowcount == 0:
            raise refuse("unknown_station", station=code, file="")
        ledger.audit(actor, "sync.revoke", code, canonical.dumps({"reason": reason}))


def resolve_fork(ledger: Ledger, code: str, epoch: int, *, note: str, actor: str,
                 attendant: auth.Acting = None) -> None:
    """Lift the hold on a forked station-epoch (``settings`` permission), once the admin has
    found out which copy of the station's ledger is in use; the note says what was decided.
    Entries already held stay; a seq arriving again with other content is a new fork."""
    from ..domain.errors import InvalidInput
    from ..domain.validate import text

    auth.require(ledger, attendant, "settings", actor=actor)
    note = text("note", note, required=True, max_len=500)
    if not 1 <= epoch < 2 ** 63:
        raise InvalidInput("epoch", "format")
    with ledger.write():
        cur = ledger.conn.execute(
            "UPDATE forks SET resolved_at = ?, resolved_by = ?, note = ? WHERE station = ?"
            " AND epoch = ? AND resolved_at IS NULL", (clock.now_iso(), actor, note, code, epoch))
        if cur.rowcount == 0:
            raise refuse("no_open_fork", station=code, epoch=epoch)
        ledger.audit(actor, "sync.fork_resolved", code,
                     canonical.dumps({"epoch": epoch, "note": note}))


def export_bundle(ledger: Ledger, out: Path, *, full: bool = False,
                  encrypt_to: Path | None = None, actor: str = "station",
                  attendant: auth.Acting = None) -> export.Written:
    """A station's bundle; on a supervisor's ledger, the relay bundle for the level above.

    ``attendant`` needs the ``export`` permission (None only in open mode; benchmarks, the
    self-test and tests may pass an ``auth.TrustedCaller``).
    """
    auth.require(ledger, attendant, "export", actor=actor)
    recipient = read_identity(encrypt_to) if encrypt_to is not None else None
    upper = export.supervisor_of(ledger)
    if encrypt_to is not None and recipient is not None and upper is not None and (
            recipient.code, recipient.box_key) != upper:
        # Only the trusted supervisor imports this ledger's bundles: one encrypted for anyone
        # else (another station's identity file, an old key) could never be opened there.
        raise refuse("wrong_recipient", file=Path(encrypt_to).name, recipient=recipient.code,
                     supervisor=upper[0])
    if ledger.station_kind == "supervisor":
        written = export.export_relay(ledger, out, full=full, encrypt_to=recipient)
    else:
        written = export.export_station(ledger, out, full=full, encrypt_to=recipient)
    ledger.audit(actor, "sync.export", written.path.name,
                 canonical.dumps(written.to_json()))
    return written


def return_bundle(ledger: Ledger, code: str, out: Path, *, actor: str,
                  attendant: auth.Acting = None, full: bool = False) -> export.Written:
    """Supervisor: a station's return bundle (``export`` permission); ``full`` sends every
    other station's members again, not only what the station reported lacking."""
    auth.require(ledger, attendant, "export", actor=actor)
    written = export.export_return(ledger, code, out, full=full)
    ledger.audit(actor, "sync.return", code, canonical.dumps(written.to_json()))
    return written


def import_bundles(ledger: Ledger, paths: list[Path], *, actor: str, dry_run: bool = False,
                   accept_unknown: bool | str = False, progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None,
                   attendant: auth.Acting = None,
                   stage: Callable[[str], None] | None = None,
                   starting: Callable[[int, int, str], None] | None = None
                   ) -> list[importer.Outcome]:
    """Import bundle files (and folders of them), each in its own transaction, after an
    automatic backup of the ledger (not for a dry run). ``stage`` hears "backup" and then
    "import", so a window can say what the wait is for: the backup of a large supervisor
    ledger takes a while before the first file. ``starting(n, total, name)`` hears of each
    file as it begins (a large one takes a while on its own)."""
    auth.require(ledger, attendant, "import", actor=actor)  # also for a dry run, as on the CLI
    if accept_unknown:
        # Taking an unknown station's key from its bundle enrols it: the station admin's call,
        # like enrol_station.
        auth.require(ledger, attendant, "settings", actor=actor)
    files = importer.find_bundles(paths)
    if files and not dry_run:
        from . import backup  # issue 8: a snapshot before every import

        if stage is not None:
            stage("backup")
        backup.before_import(ledger, by=actor)
    if stage is not None:
        stage("import")
    outcomes = []
    with importer.deferred_checkpoints(ledger):  # one WAL checkpoint per run, not per bundle
        for n, outcome in enumerate(importer.import_each(
                ledger, files, actor=actor, dry_run=dry_run, accept_unknown=accept_unknown,
                cancelled=cancelled, starting=None if starting is None else (
                    lambda at, path: starting(at, len(files), path.name)))):
            outcomes.append(outcome)
            _audit_import(ledger, actor, outcomes[-1])
            if progress is not None:
                progress(n + 1, len(files))
    return outcomes


def _audit_import(ledger: Ledger, actor: str, outcome: importer.Outcome) -> None:
    """Issue 8: every import attempt is in the audit log too (details stay in import_log)."""
    import contextlib

    from ..domain.errors import LedgerUnavailable
    from . import audit

    # A full disk: the import itself was refused and nothing changed; do not mask that.
    with contextlib.suppress(LedgerUnavailable):
        audit.record(ledger, actor, audit.IMPORT, outcome.file,
                     {"result": outcome.result, "new": outcome.new, "sha256": outcome.sha256,
                      "error": outcome.error.code if outcome.error else None},
                     # A file meant for another ledger: set aside unread, said as such.
                     outcome="refused" if outcome.refused else
                     "skipped" if outcome.skipped else "ok")


def peek_identity(file: Path) -> Identity:
    """Who an identity (or trust) file says it is, checked but not enrolled: for the screen
    that asks the supervisor to compare the fingerprint before ``enrol_station``."""
    return read_identity(file)


def peek_trust(ledger: Ledger, file: Path) -> Identity:
    """The supervisor a trust file names, checked (signature, meant for this ledger) but not
    trusted yet: for the screen that asks to compare the fingerprint first."""
    return read_trust(file, ledger)[0]


def trusted_supervisor(ledger: Ledger) -> dict[str, str] | None:
    """The supervisor (the level above) this ledger trusts now, or None."""
    row = export.supervisor_row(ledger)
    return None if row is None else {"code": row[0], "name": row[1] or "",
                                     "fingerprint": row[2] or ""}


def known_stations(ledger: Ledger) -> dict[str, dict[str, str]]:
    """Every station this ledger knows, by code: its role, name and key fingerprint (the
    stations table alone: ``stations()`` also counts every station's entries)."""
    return {str(code): {"code": str(code), "role": str(role), "name": str(name or ""),
                        "fingerprint": str(fp or "")}
            for code, role, name, fp in ledger.conn.execute(
                "SELECT code, role, name, fingerprint FROM stations ORDER BY code")}


def enrolled_stations(ledger: Ledger) -> list[tuple[str, str]]:
    """(code, name) of the stations enrolled here that a trust file can be written for."""
    return [(str(r[0]), str(r[1] or "")) for r in ledger.conn.execute(
        "SELECT code, name FROM stations WHERE role = 'enrolled' AND box_key IS NOT NULL"
        " AND revoked_at IS NULL ORDER BY code")]


def bundle_signer(ledger: Ledger, path: Path) -> dict[str, str]:
    """Who a bundle says signed it: station code, name and the fingerprint of the key in its
    manifest (computed from the key, not taken from the manifest's own field). Nothing is
    checked against this ledger; it is what ``import --accept-unknown`` would enrol."""
    from ..data.keys import fingerprint
    from ..sync import format as fmt

    raw = fmt.read_bundle_file(path, ledger.keys.box)
    m = raw.manifest
    try:
        key = fmt.unb64(str(m["public_key"]))
    except (KeyError, ValueError):
        raise refuse("bad_manifest", file=path.name, detail="public_key") from None
    return {"code": str(m.get("station", "")), "name": str(m.get("station_name", "")),
            "fingerprint": fingerprint(key), "file": path.name}


def full_export_size(ledger: Ledger) -> dict[str, int]:
    """What ``export --full`` sends: every entry this ledger wrote itself and, on a
    supervisor's ledger, every archived station bundle."""
    entries = ledger.conn.execute("SELECT count(*) FROM entries WHERE station = ?",
                                  (ledger.station_code,)).fetchone()[0]
    bundles = ledger.conn.execute("SELECT count(*) FROM bundle_archive").fetchone()[0]
    return {"entries": int(entries), "bundles": int(bundles)}


def stations(ledger: Ledger) -> list[status.StationStatus]:
    return status.station_list(ledger)


def pending_export(ledger: Ledger) -> dict[str, Any]:
    """What the Export button would send now."""
    ranges = status.pending_ranges(ledger)
    sup = export.supervisor_of(ledger)
    return {"unacknowledged": sum(r["to"] - r["from"] + 1 for r in ranges),
            "supervisor": sup[0] if sup else None, "ranges": ranges,
            # A supervisor's relay: archived station bundles the level above has not
            # acknowledged yet (all of them go again until it does).
            "relay_bundles": len(status.unrelayed(ledger))}
