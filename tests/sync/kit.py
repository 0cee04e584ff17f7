"""Helpers for sync tests: stations and supervisors that know each other, bundles on disk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from station_app.data.db import Ledger, open_ledger
from station_app.services import station, sync_ops
from station_app.sync import importer
from station_app.sync.export import Written


def new_ledger(path: Path | str, code: str, name: str, *, supervisor: bool = False) -> Ledger:
    ledger = open_ledger(path, create=True)
    station.init_station(ledger, code=code, name=name, supervisor=supervisor, by="tester")
    return ledger


def link(sup: Ledger, st: Ledger, folder: Path) -> None:
    """The station's identity file is enrolled at the supervisor; the station trusts it."""
    folder.mkdir(parents=True, exist_ok=True)
    ident = sync_ops.write_identity_file(st, folder / f"id_{st.station_code}.json")
    _, trust = sync_ops.enrol_station(sup, ident, actor="sup",
                                      trust_out=folder / f"trust_{st.station_code}.json")
    sync_ops.trust_supervisor(st, trust, actor="tester")


def two_leagues(tmp: Path) -> tuple[Ledger, Ledger, Ledger, Ledger, Ledger]:
    """A region (NMG00) over two leagues (HLB00, XLG00), each with one station (MZL01 under
    HLB00, EEH01 under XLG00), all linked: (region, hulun, xilin, a, c)."""
    region = new_ledger(tmp / "r" / "r.db", "NMG00", "自治区总工会", supervisor=True)
    hulun = new_ledger(tmp / "l1" / "l.db", "HLB00", "呼伦贝尔市总工会", supervisor=True)
    xilin = new_ledger(tmp / "l2" / "l.db", "XLG00", "锡林郭勒盟总工会", supervisor=True)
    a = new_ledger(tmp / "a" / "a.db", "MZL01", "满洲里口岸驿站")
    c = new_ledger(tmp / "c" / "c.db", "EEH01", "二连浩特驿站")
    for upper, lower in ((region, hulun), (region, xilin), (hulun, a), (xilin, c)):
        link(upper, lower, tmp / "ids")
    return region, hulun, xilin, a, c


def export(st: Ledger, out: Path, *, full: bool = False) -> Written:
    return sync_ops.export_bundle(st, out, full=full, actor="tester")


def import_one(ledger: Ledger, path: Path, **kw: object) -> importer.Outcome:
    outcomes = sync_ops.import_bundles(ledger, [path], actor="sup", **kw)  # type: ignore[arg-type]
    assert len(outcomes) == 1
    return outcomes[0]


def clone_memory(ledger: Ledger) -> Ledger:
    """An independent in-memory copy of a ledger with the same keys."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    ledger.conn.backup(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    return Ledger(conn, ":memory:", ledger.keys)


def own_digests(ledger: Ledger) -> set[str]:
    return {r[0] for r in ledger.conn.execute("SELECT digest FROM entries WHERE station = ?",
                                              (ledger.station_code,))}


def all_digests(ledger: Ledger) -> set[str]:
    return {r[0] for r in ledger.conn.execute("SELECT digest FROM entries")}


def forked(sup: Ledger, sta: Ledger, tmp: Path) -> tuple[Ledger, str, Path]:
    """A station copied (a cloned PC) whose two copies each record a visit at the same seq:
    the supervisor takes the original's bundle and refuses the copy's, which holds the fork
    from then on. Returns the copy, the member both served and the copy's refused bundle."""
    from station_app.services import visits
    from tests.helpers import sign_up

    number = sign_up(sta, 1)
    copy = clone_memory(sta)
    visits.record_visit(sta, ["water"], by="t", member=number)
    visits.record_visit(copy, ["charge"], by="t", member=number)
    assert import_one(sup, export(sta, tmp / "usb").path).ok
    refused = export(copy, tmp / "usb2").path
    assert import_one(sup, refused).error is not None
    return copy, number, refused
