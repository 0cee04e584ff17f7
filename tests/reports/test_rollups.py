"""The report roll-ups always equal a GROUP BY over the projections, after voids,
corrections and a full rebuild."""

from __future__ import annotations

from datetime import date

from station_app.data import projector
from station_app.reports import build, make_range

CELLS = ("SELECT day, station, hour, worker_type, walk_in, COALESCE(nationality, 'CN'), COUNT(*)"
         " FROM visits WHERE voided = 0 GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6")
SERVICES = ("SELECT v.day, v.station, s.service, v.walk_in, COUNT(*) FROM visits v"
            " JOIN visit_services s ON s.entry_id = v.entry_id WHERE v.voided = 0"
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
