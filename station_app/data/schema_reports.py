"""Schema 40+: report roll-ups, so any date range is summed from small tables.

``rep_visit_cells`` counts non-void visits per (day, station, hour, worker group, walk-in,
nationality); ``rep_service_cells`` per (day, station, service, walk-in); ``rep_member_days``
holds one row per member per day they visited (for distinct-people counts). They always equal
a GROUP BY over ``visits`` (tests/reports/test_rollups.py).

Since version 43 a visit's services are a JSON array on its ``visits`` row (the separate
``visit_services`` table is gone), ``visits`` is keyed by (station, entry id), and new visit
rows are added to the roll-ups by the projector, one grouped upsert per batch
(``projector.roll_up``): a trigger per row cost a fifth of a bundle import. Triggers still
follow every DELETE and UPDATE of ``visits`` (voids, corrections, a rebuild), which are rare.
Nothing but the projector inserts into ``visits``.
"""

from __future__ import annotations

from .migrations import Migration

_CELL_KEY = ("day = {r}.day AND station = {r}.station AND hour = {r}.hour AND worker_type ="
             " {r}.worker_type AND walk_in = {r}.walk_in AND nationality ="
             " COALESCE({r}.nationality, 'CN')")
_MEMBER_KEY = ("day = {r}.day AND station = {r}.station AND member_no = {r}.member_no AND"
               " worker_type = {r}.worker_type AND nationality = COALESCE({r}.nationality, 'CN')")


def _add(r: str, when: str = "1", *, on_row: bool = False) -> str:
    """Trigger SQL adding visit row ``r`` to the roll-ups; its services come from the
    visit_services table (schema 40) or, ``on_row``, from the row's JSON array (43)."""
    if on_row:
        col, source, link = "s.value", f"json_each({r}.services) s", ""
    else:
        col, source, link = "s.service", "visit_services s", f"s.entry_id = {r}.entry_id AND "
    return f"""
        INSERT INTO rep_visit_cells (day, station, hour, weekday, worker_type, walk_in,
                                     nationality, n)
        SELECT {r}.day, {r}.station, {r}.hour, {r}.weekday, {r}.worker_type, {r}.walk_in,
               COALESCE({r}.nationality, 'CN'), 1 WHERE {when}
        ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO rep_member_days (day, station, member_no, worker_type, nationality, n)
        SELECT {r}.day, {r}.station, {r}.member_no, {r}.worker_type,
               COALESCE({r}.nationality, 'CN'), 1 WHERE {r}.member_no IS NOT NULL AND {when}
        ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO rep_service_cells (day, station, service, walk_in, n)
        SELECT {r}.day, {r}.station, {col}, {r}.walk_in, 1 FROM {source}
        WHERE {link}{when}
        ON CONFLICT DO UPDATE SET n = n + 1;"""


def _remove(r: str, when: str = "1", *, on_row: bool = False) -> str:
    """Trigger SQL taking visit row ``r`` off the roll-ups (services as in ``_add``)."""
    cell, member = _CELL_KEY.format(r=r), _MEMBER_KEY.format(r=r)
    services = (f"SELECT value FROM json_each({r}.services)" if on_row
                else f"SELECT service FROM visit_services WHERE entry_id = {r}.entry_id")
    return f"""
        UPDATE rep_visit_cells SET n = n - 1 WHERE {cell} AND {when};
        DELETE FROM rep_visit_cells WHERE {cell} AND n <= 0;
        UPDATE rep_member_days SET n = n - 1 WHERE {member} AND {when};
        DELETE FROM rep_member_days WHERE {member} AND n <= 0;
        UPDATE rep_service_cells SET n = n - 1 WHERE day = {r}.day AND station = {r}.station
            AND walk_in = {r}.walk_in AND {when}
            AND service IN ({services});
        DELETE FROM rep_service_cells WHERE day = {r}.day AND station = {r}.station AND n <= 0;"""


def _service_visit(col: str) -> str:
    return (f"(SELECT v.{col} FROM visits v WHERE v.entry_id = OLD.entry_id"
            " AND v.voided = 0)")


STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE rep_visit_cells (
        day TEXT NOT NULL, station TEXT NOT NULL, hour INTEGER NOT NULL,
        weekday INTEGER NOT NULL, worker_type TEXT NOT NULL, walk_in INTEGER NOT NULL,
        nationality TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (day, station, hour, worker_type, walk_in, nationality)
    ) WITHOUT ROWID""",
    """CREATE TABLE rep_service_cells (
        day TEXT NOT NULL, station TEXT NOT NULL, service TEXT NOT NULL,
        walk_in INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (day, station, service, walk_in)
    ) WITHOUT ROWID""",
    """CREATE TABLE rep_member_days (
        day TEXT NOT NULL, station TEXT NOT NULL, member_no TEXT NOT NULL,
        worker_type TEXT NOT NULL, nationality TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (day, station, member_no, worker_type, nationality)
    ) WITHOUT ROWID""",
    # Distinct members over long ranges stream in member order instead of sorting.
    "CREATE INDEX rep_member_days_member ON rep_member_days(member_no, day, station)",
    f"""CREATE TRIGGER rep_visits_insert AFTER INSERT ON visits WHEN NEW.voided = 0
        BEGIN {_add("NEW")} END""",
    f"""CREATE TRIGGER rep_visits_delete AFTER DELETE ON visits WHEN OLD.voided = 0
        BEGIN {_remove("OLD")} END""",
    f"""CREATE TRIGGER rep_visits_update AFTER UPDATE ON visits
        BEGIN {_remove("OLD", "OLD.voided = 0")} {_add("NEW", "NEW.voided = 0")} END""",
    # A service row arriving after its visit (the projector writes visits first).
    """CREATE TRIGGER rep_visit_services_insert AFTER INSERT ON visit_services
        BEGIN
        INSERT INTO rep_service_cells (day, station, service, walk_in, n)
        SELECT v.day, v.station, NEW.service, v.walk_in, 1 FROM visits v
        WHERE v.entry_id = NEW.entry_id AND v.voided = 0
        ON CONFLICT DO UPDATE SET n = n + 1;
        END""",
    f"""CREATE TRIGGER rep_visit_services_delete AFTER DELETE ON visit_services
        BEGIN
        UPDATE rep_service_cells SET n = n - 1 WHERE day = {_service_visit("day")}
            AND station = {_service_visit("station")} AND service = OLD.service
            AND walk_in = {_service_visit("walk_in")};
        END""",
    # Fill the roll-ups from the visits already projected.
    """INSERT INTO rep_visit_cells (day, station, hour, weekday, worker_type, walk_in,
                                    nationality, n)
        SELECT day, station, hour, MIN(weekday), worker_type, walk_in,
               COALESCE(nationality, 'CN'), COUNT(*)
        FROM visits WHERE voided = 0 GROUP BY 1, 2, 3, 5, 6, 7""",
    """INSERT INTO rep_member_days (day, station, member_no, worker_type, nationality, n)
        SELECT day, station, member_no, worker_type, COALESCE(nationality, 'CN'), COUNT(*)
        FROM visits WHERE voided = 0 AND member_no IS NOT NULL GROUP BY 1, 2, 3, 4, 5""",
    """INSERT INTO rep_service_cells (day, station, service, walk_in, n)
        SELECT v.day, v.station, s.service, v.walk_in, COUNT(*)
        FROM visits v JOIN visit_services s ON s.entry_id = v.entry_id
        WHERE v.voided = 0 GROUP BY 1, 2, 3, 4""",
)


VISIT_SERVICES_ON_ROW: tuple[str, ...] = (
    "DROP TRIGGER rep_visits_insert",
    "DROP TRIGGER rep_visits_delete",
    "DROP TRIGGER rep_visits_update",
    "DROP TRIGGER rep_visit_services_insert",
    "DROP TRIGGER rep_visit_services_delete",
    # Keyed by station first: a supervisor importing one station's bundle writes one region
    # of each index instead of a page per visit all over a time-ordered id index.
    """CREATE TABLE visits_v43 (
        entry_id TEXT NOT NULL,
        station TEXT NOT NULL,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        hour INTEGER NOT NULL,
        weekday INTEGER NOT NULL,
        member_no TEXT,
        worker_type TEXT NOT NULL,
        walk_in INTEGER NOT NULL,
        doc_type TEXT,
        nationality TEXT,
        voided INTEGER NOT NULL DEFAULT 0,
        corrected_by TEXT,
        services TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (station, entry_id)
    )""",
    # Services sorted and distinct, the form the projector writes.
    """INSERT INTO visits_v43 SELECT v.entry_id, v.station, v.at, v.day, v.hour, v.weekday,
        v.member_no, v.worker_type, v.walk_in, v.doc_type, v.nationality, v.voided,
        v.corrected_by, (SELECT COALESCE(json_group_array(service), '[]') FROM (
            SELECT DISTINCT service FROM visit_services s WHERE s.entry_id = v.entry_id
            ORDER BY service))
        FROM visits v ORDER BY v.rowid""",
    "DROP TABLE visit_services",
    "DROP TABLE visits",
    "ALTER TABLE visits_v43 RENAME TO visits",
    "CREATE INDEX visits_member ON visits(member_no, day) WHERE member_no IS NOT NULL",
    "CREATE INDEX visits_station_day ON visits(station, day)",
    f"""CREATE TRIGGER rep_visits_delete AFTER DELETE ON visits WHEN OLD.voided = 0
        BEGIN {_remove("OLD", on_row=True)} END""",
    f"""CREATE TRIGGER rep_visits_update AFTER UPDATE ON visits
        BEGIN {_remove("OLD", "OLD.voided = 0", on_row=True)}
        {_add("NEW", "NEW.voided = 0", on_row=True)} END""",
    # Today's list and the return bundle look entries up by kind, and a supervisor's by
    # station too; station before time keeps one station's import in one region.
    "DROP INDEX entries_kind",
    "CREATE INDEX entries_kind ON entries(kind, station, recorded_at)",
)

MIGRATIONS = [
    Migration(40, "report roll-ups", STATEMENTS),
    # New members per worker group and station without touching the wide member rows.
    Migration(41, "report index on sign-ups", (
        "CREATE INDEX rep_members_joined ON members(joined_day, home_station, worker_type,"
        " entry_id)",)),
    Migration(43, "visit services on the visit row; roll-ups added per batch",
              VISIT_SERVICES_ON_ROW),
]
