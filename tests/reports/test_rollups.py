"""The report roll-ups always equal a GROUP BY over the projections, after voids,
corrections and a full rebuild."""

from __future__ import annotations

from datetime import date

from station_app.data import projector
from station_app.reports import build, make_range

CELLS = ("SELECT day, station, hour, worker_type, walk_in, COALESCE(nationality, 'CN'), COUNT(*)"
         " FROM visits WHERE voided = 0 GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6")
SERVICES = ("SELECT v.day, v.station, s.value, v.walk_in, COUNT(*) FROM visits v,"
            " json_each(v.services) s WHERE v.voided = 0"
            " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
MEMBERS = ("SELECT day, station, member_no, worker_type, COALESCE(nationality, 'CN'), COUNT(*)"
           " FROM visits WHERE voided = 0 AND member_no IS NOT NULL"
           " GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5")


def _rollups(ledger):
    conn = ledger.conn
    return (
        conn.execute("SELECT day, station, hour, worker_type, walk_in, nationality, n FROM"
                     " rep_visit_cells WHERE n > 0 ORDER BY 1, 2, 3, 4, 5, 6").fetchall(),
        conn.execute("SELECT day, station, service, walk_in, n FROM rep_service_cells"
                     " WHERE n > 0 ORDER BY 1, 2, 3, 4").fetchall(),
        conn.execute("SELECT day, station, member_no, worker_type, nationality, n FROM"
                     " rep_member_days WHERE n > 0 ORDER BY 1, 2, 3, 4, 5").fetchall(),
    )


def _truth(ledger):
    conn = ledger.conn
    return (conn.execute(CELLS).fetchall(), conn.execute(SERVICES).fetchall(),
            conn.execute(MEMBERS).fetchall())


def test_rollups_follow_voids_and_corrections(built) -> None:
    ledger, _, _ = built
    assert _rollups(ledger) == _truth(ledger)
    assert _truth(ledger)[0]  # not vacuous


def test_rollups_survive_a_full_rebuild(built) -> None:
    ledger, _, _ = built
    span = make_range(date(2026, 10, 1), date(2026, 12, 31))
    before = build(ledger, span, ("MZL01", "EEL02")).tables
    with ledger.write():
        projector.rebuild_all(ledger)
    assert _rollups(ledger) == _truth(ledger)
    after = build(ledger, span, ("MZL01", "EEL02")).tables
    assert [(t.rows, t.total) for t in after] == [(t.rows, t.total) for t in before]


def test_rollups_follow_direct_updates(fresh_db) -> None:
    """Nothing in the app updates visits in place today; if it ever does, the roll-ups follow."""
    from station_app.services import visits

    first = visits.record_visit(fresh_db, ["water", "rest"], by="t",
                                walk_in=visits.WalkIn("courier"))
    visits.record_visit(fresh_db, ["water"], by="t", walk_in=visits.WalkIn("truck_driver"))
    with fresh_db.write():
        fresh_db.conn.execute("UPDATE visits SET voided = 1 WHERE entry_id = ?", (first.id,))
    assert _rollups(fresh_db) == _truth(fresh_db)
    with fresh_db.write():
        fresh_db.conn.execute("UPDATE visits SET voided = 0, worker_type = 'other', hour = 3"
                              " WHERE entry_id = ?", (first.id,))
    assert _rollups(fresh_db) == _truth(fresh_db)


def test_upgrade_moves_services_onto_the_visit_row(tmp_path) -> None:
    """A ledger from before version 43 (services in their own table, roll-ups by trigger)
    keeps every visit, its services and every report figure across the upgrade."""
    import sqlite3

    from station_app.data import migrations
    from station_app.data.db import open_ledger
    from station_app.data.keys import KeyRing, key_dir_for

    path = tmp_path / "v42.db"
    KeyRing.generate(key_dir_for(path))
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, target=42)
    visits = [("v1", "MZL01", "2026-11-02T09:10:00+08:00", "2026-11-02", 9, 1, "MZL01-0000001",
               "courier", 0, None, None, 0, None, ["water", "rest"]),
              ("v2", "MZL01", "2026-11-02T09:40:00+08:00", "2026-11-02", 9, 1, None,
               "truck_driver", 1, "passport", "MN", 0, None, ["water"]),
              ("v3", "EEL02", "2026-11-03T20:00:00+08:00", "2026-11-03", 20, 2, None,
               "courier", 1, None, None, 1, None, ["charge"]),
              ("v4", "EEL02", "2026-11-03T21:00:00+08:00", "2026-11-03", 21, 2, None,
               "other", 1, None, None, 0, None, [])]
    conn.execute("BEGIN")
    for *row, services in visits:
        conn.execute("INSERT INTO visits (entry_id, station, at, day, hour, weekday, member_no,"
                     " worker_type, walk_in, doc_type, nationality, voided, corrected_by)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
        conn.executemany("INSERT INTO visit_services (entry_id, service) VALUES (?, ?)",
                         [(row[0], s) for s in reversed(services)])
    conn.execute("COMMIT")
    conn.close()

    ledger = open_ledger(path, create=True)
    assert migrations.current_version(ledger.conn) == migrations.latest_version()
    stored = dict(ledger.conn.execute("SELECT entry_id, services FROM visits"))
    assert stored == {"v1": '["rest","water"]', "v2": '["water"]', "v3": '["charge"]',
                      "v4": "[]"}
    assert _rollups(ledger) == _truth(ledger)
    assert _rollups(ledger)[1] == [("2026-11-02", "MZL01", "rest", 0, 1),
                                   ("2026-11-02", "MZL01", "water", 0, 1),
                                   ("2026-11-02", "MZL01", "water", 1, 1)]
    # The triggers that follow a void (delete and re-insert) still work on the new table.
    with ledger.write():
        ledger.conn.execute("UPDATE visits SET voided = 1 WHERE entry_id = 'v1'")
        ledger.conn.execute("DELETE FROM visits WHERE entry_id = 'v2'")
    assert _rollups(ledger) == _truth(ledger)
    assert _rollups(ledger)[1] == []
    ledger.close()


def test_a_full_rebuild_recomputes_roll_ups_that_drifted(fresh_db) -> None:
    """rebuild_all starts the roll-ups from nothing, so a damaged roll-up table is repaired."""
    from station_app.services import visits

    for _ in range(3):
        visits.record_visit(fresh_db, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    with fresh_db.write():
        fresh_db.conn.execute("UPDATE rep_visit_cells SET n = n + 5")
        fresh_db.conn.execute("INSERT INTO rep_service_cells VALUES ('2020-01-01', 'MZL01',"
                              " 'water', 1, 2)")
    assert _rollups(fresh_db) != _truth(fresh_db)
    with fresh_db.write():
        projector.rebuild_all(fresh_db)
    assert _rollups(fresh_db) == _truth(fresh_db)
