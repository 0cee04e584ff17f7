"""Setting up a ledger: where it lives, and making it a station's (or a supervisor's)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from ..data.db import Ledger, open_ledger
from ..data.projector import seed_services
from ..domain import clock, member_no, validate
from ..domain.errors import Refused

if TYPE_CHECKING:
    from .auth import Acting

APP_NAME = "StationLedger"
DEFAULT_FILE = "station.db"
EPOCH_SERIAL_BLOCK = 100_000


def data_dir() -> Path:
    override = os.environ.get("STATION_LEDGER_HOME")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_ledger_path() -> Path:
    """The per-user ledger (``--db PATH`` or ``STATION_LEDGER_DB`` point elsewhere)."""
    override = os.environ.get("STATION_LEDGER_DB")
    if override:
        return Path(override)
    return data_dir() / DEFAULT_FILE


def open_station(path: str | Path | None = None, *, create: bool = False) -> Ledger:
    from . import backup  # a snapshot before any schema upgrade (issue 8)

    return open_ledger(path or default_ledger_path(), create=create,
                       before_migrate=backup.before_migrate)


def init_station(ledger: Ledger, *, code: str, name: str, league: str = "",
                 supervisor: bool = False, by: str = "admin") -> None:
    """Give a new ledger its identity: the first entry of epoch 1 names the station."""
    code = member_no.validate_station_code(code)
    name = validate.text("station_name", name, max_len=40)
    league = validate.text("station_name", league, max_len=40, required=False)
    if ledger.initialised:
        raise Refused("already_initialised", station=ledger.station_code)
    kind = "supervisor" if supervisor else "station"
    with ledger.write():
        ledger.set_setting("station.code", code)
        ledger.set_setting("station.name", name)
        ledger.set_setting("station.league", league)
        ledger.set_setting("station.kind", kind)
        ledger.set_setting("station.epoch", "1")
        ledger.set_setting("member.next_serial", "1")
        ledger.set_setting("created_at", clock.now_iso())
        ledger.conn.execute(
            "INSERT INTO stations (code, name, league, kind, role, public_key, box_key,"
            " fingerprint, enrolled_at) VALUES (?, ?, ?, ?, 'self', ?, ?, ?, ?)",
            (code, name, league, kind, ledger.keys.public_key, ledger.keys.box_public_key,
             ledger.keys.fingerprint, clock.now_iso()))
        ledger.conn.execute("INSERT OR IGNORE INTO sync_state (epoch) VALUES (1)")
        ledger.append("station.init", {"code": code, "name": name, "league": league,
                                       "kind": kind}, by=by)
        seed_services(ledger)


def start_new_epoch(ledger: Ledger, reason: str, by: str = "admin") -> int:
    """After a restore or a copy: entries continue under a fresh epoch so seqs never collide."""
    with ledger.write():
        epoch = ledger.epoch + 1
        ledger.set_setting("station.epoch", str(epoch))
        # Member numbers minted after the backup was taken may already be out in the world:
        # each epoch mints from its own block of serials.
        floor = (epoch - 1) * EPOCH_SERIAL_BLOCK + 1
        current = int(ledger.setting("member.next_serial", "1"))
        ledger.set_setting("member.next_serial", str(max(current, floor)))
        ledger.conn.execute("INSERT OR IGNORE INTO sync_state (epoch) VALUES (?)", (epoch,))
        ledger.append("setting", {"key": "station.epoch", "value": str(epoch),
                                  "reason": reason}, by=by)
    return epoch


def update_identity(ledger: Ledger, *, name: str, league: str = "", by: str,
                    attendant: Acting = None) -> None:
    """Rename the station or its league (the code never changes); ``setting`` entries carry it.
    The name is printed on every card and report: the ``settings`` permission (station
    admin) once the ledger has accounts."""
    from . import auth

    auth.require(ledger, attendant, "settings", actor=by)
    name = validate.text("station_name", name, max_len=40)
    league = validate.text("station_name", league, max_len=40, required=False)
    with ledger.write():
        for key, value in (("station.name", name), ("station.league", league)):
            if ledger.setting(key) != value:
                ledger.set_setting(key, value)
                ledger.append("setting", {"key": key, "value": value}, by=by)
        ledger.conn.execute("UPDATE stations SET name = ?, league = ? WHERE role = 'self'",
                            (name, league))


def rebuild_read_models(ledger: Ledger, *, by: str, attendant: Acting = None) -> dict[str, int]:
    """Recompute every read model (members, visits, report roll-ups …) from the entry log, in
    one transaction, after a backup; the entries themselves are not touched. For read models a
    newer version computes differently (pinyin of names with a dot, goods lines of one item
    added up). Needs the ``settings`` permission; audited. Returns row counts afterwards."""
    from ..data import projector
    from . import audit, auth, backup

    auth.require(ledger, attendant, "settings", actor=by)
    backup.auto_backup(ledger, "pre-migrate", by=by, attendant=auth.AUTOMATIC)
    with ledger.write():
        projector.rebuild_all(ledger)
        counts = {table: int(ledger.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
                  for table in ("members", "visits", "relief", "enrolments")}
        audit.record(ledger, by, audit.SETTING, "rebuild", counts)
    return counts
