"""The ledger file: WAL, migrations from every version, append-only entries, no ID in plain text."""

import sqlite3
from pathlib import Path

import pytest

from station_app.data import entries, migrations, projector
from station_app.data.db import open_ledger
from station_app.data.keys import KeyRing, key_dir_for
from station_app.domain.errors import LedgerUnavailable, Refused
from station_app.services import backup, corrections, visits
from tests.helpers import ledger_hash, rid, services_given, sign_up


def test_file_ledger_is_wal_with_foreign_keys_and_full_sync(file_ledger) -> None:
    conn = file_ledger.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert migrations.current_version(conn) == migrations.latest_version()


def test_keys_live_beside_the_ledger_not_in_it(ledger_path: Path) -> None:
    keys = key_dir_for(ledger_path)
    assert (keys / "data.key").stat().st_mode & 0o077 == 0
    assert (keys / "signing.pem").exists()


def test_missing_key_folder_is_a_clear_error(ledger_path: Path) -> None:
    key_dir_for(ledger_path).rename(ledger_path.with_name("elsewhere"))
    with pytest.raises(LedgerUnavailable) as caught:
        open_ledger(ledger_path)
    assert caught.value.code == "keys_missing"


@pytest.mark.parametrize("start", range(0, migrations.latest_version()))
def test_migrates_from_every_earlier_version(tmp_path: Path, start: int) -> None:
    path = tmp_path / "old.db"
    KeyRing.generate(key_dir_for(path))
    conn = sqlite3.connect(path, isolation_level=None)
    if start:
        migrations.migrate(conn, target=start)
    conn.close()
    ledger = open_ledger(path, create=True)
    assert migrations.current_version(ledger.conn) == migrations.latest_version()
    from station_app.services import station

    station.init_station(ledger, code="MZL01", name="驿站", by="t")
    assert sign_up(ledger, 1).startswith("MZL01-")
    ledger.close()


def test_the_member_history_index_lists_every_member_kind(tmp_path: Path) -> None:
    """Member history is read ``INDEXED BY entries_member``, which SQLite refuses outright
    unless the query's ``kind IN (...)`` is the index's own: a ledger upgraded from 47 gets
    the index rebuilt with ``member.rejoin`` and a withdrawn member can rejoin there."""
    path = tmp_path / "v47.db"
    KeyRing.generate(key_dir_for(path))
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, target=47)
    conn.close()
    ledger = open_ledger(path, create=True)
    try:
        sql = ledger.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'entries_member'"
                                  ).fetchone()[0]
        assert sql.endswith(" WHERE kind IN " + entries.MEMBER_KINDS_SQL)
        from station_app.services import members, station

        station.init_station(ledger, code="MZL01", name="驿站", by="t")
        number = sign_up(ledger, 1)
        members.withdraw_member(ledger, number, "离开", by="t")
        members.rejoin_member(ledger, number, by="t")
        with ledger.write():
            projector.rebuild_all(ledger)
        assert ledger.conn.execute("SELECT status FROM members").fetchone()[0] == "active"
    finally:
        ledger.close()


def test_migration_keeps_existing_rows_and_runs_backup_hook(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    KeyRing.generate(key_dir_for(path))
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, target=1)
    conn.execute("INSERT INTO settings (key, value) VALUES ('station.code', 'MZL01')")
    conn.close()
    calls = []
    ledger = open_ledger(path, create=True, before_migrate=lambda _l, a, b: calls.append((a, b)))
    assert calls == [(1, migrations.latest_version())]
    assert ledger.setting("station.code") == "MZL01"


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    KeyRing.generate(key_dir_for(path))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LedgerUnavailable) as caught:
        open_ledger(path, create=True)
    assert caught.value.code == "newer_schema"
    assert path.read_bytes() == before


def test_database_refuses_update_and_delete_of_entries(fresh_db) -> None:
    sign_up(fresh_db, 1)
    before = ledger_hash(fresh_db)
    for sql in ("UPDATE entries SET body = '{}'", "DELETE FROM entries",
                "UPDATE entries SET recorded_by = 'x' WHERE seq = 1"):
        with pytest.raises(sqlite3.IntegrityError, match="append_only"):
            fresh_db.conn.execute(sql)
    assert ledger_hash(fresh_db) == before


def test_append_only_refusal_inside_a_transaction_is_reported_and_rolled_back(fresh_db) -> None:
    before = ledger_hash(fresh_db)
    with pytest.raises(Refused) as caught, fresh_db.write():
        visits.record_visit(fresh_db, ["water"], by="t", walk_in=visits.WalkIn("courier"))
        fresh_db.conn.execute("DELETE FROM entries")
    assert caught.value.code == "append_only"
    assert ledger_hash(fresh_db) == before


def test_seq_is_gap_free_and_digests_verify(fresh_db) -> None:
    for n in range(1, 6):
        sign_up(fresh_db, n, name=f"测试{n}")
    rows = fresh_db.conn.execute("SELECT seq FROM entries ORDER BY seq").fetchall()
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    for entry in fresh_db.recent_entries(100):
        assert entry.digest == entry.computed_digest()


def test_no_id_number_in_the_raw_ledger_bytes(ledger_path: Path) -> None:
    ledger = open_ledger(ledger_path)
    numbers = [rid(n) for n in range(1, 21)]
    for n in range(1, 21):
        sign_up(ledger, n, name=f"王{n}")
    ledger.conn.execute("PRAGMA wal_checkpoint(FULL)")
    ledger.close()
    raw = ledger_path.read_bytes()
    wal = ledger_path.with_name(ledger_path.name + "-wal")
    if wal.exists():
        raw += wal.read_bytes()
    for number in numbers:
        assert number.encode() not in raw
        assert number[:17].encode() not in raw
        assert number[-10:].encode() not in raw  # not even the part the mask hides


def test_projections_rebuild_to_the_same_tables(fresh_db) -> None:
    member = sign_up(fresh_db, 1)
    visit = visits.record_visit(fresh_db, ["water", "rest"], by="t", member=member)
    visits.record_visit(fresh_db, ["charge"], by="t", walk_in=visits.WalkIn("truck_driver"))
    corrections.void_entry(fresh_db, visit.id, "录错了", by="t")
    before = ledger_hash(fresh_db)
    with fresh_db.write():
        projector.rebuild_all(fresh_db)
    assert ledger_hash(fresh_db) == before


def test_void_arriving_before_its_target_is_applied_when_target_arrives(fresh_db) -> None:
    """Bundles may be imported out of order: projection must not depend on arrival order."""
    visit = visits.record_visit(fresh_db, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    void = corrections.void_entry(fresh_db, visit.id, "重复登记", by="t")
    other = open_ledger(":memory:")
    from station_app.services import station

    station.init_station(other, code="SUP01", name="盟市", supervisor=True, by="t")
    from station_app.data import entries

    with other.write():
        other.conn.execute(entries.INSERT, void.row())
        projector.project(other, [void])
        other.conn.execute(entries.INSERT, visit.row())
        projector.project(other, [visit])
    assert other.conn.execute("SELECT voided FROM visits").fetchone()[0] == 1


def test_failed_step_inside_a_larger_transaction_undoes_only_itself(fresh_db) -> None:
    with fresh_db.write():
        visits.record_visit(fresh_db, ["water"], by="t", walk_in=visits.WalkIn("courier"))
        with pytest.raises(RuntimeError), fresh_db.write():
            visits.record_visit(fresh_db, ["rest"], by="t", walk_in=visits.WalkIn("courier"))
            raise RuntimeError("attendant pulled the plug on this step")
    assert services_given(fresh_db) == ["water"]


# Versions that ledgers in the field (and the benchmark caches) may already have. A new
# migration must be numbered above all of them: a ledger at version N never runs a migration
# numbered below N, so a low number would silently never reach it. Add each new version here.
SHIPPED_VERSIONS = {1, 2, 10, 20, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49}


def test_new_migrations_are_numbered_above_every_shipped_one() -> None:
    known = {m.version for m in migrations.MIGRATIONS}
    assert known >= SHIPPED_VERSIONS, "a shipped migration disappeared"
    newer = known - SHIPPED_VERSIONS
    assert all(v > max(SHIPPED_VERSIONS) for v in newer), sorted(newer)


def test_an_upgrade_that_frees_much_of_the_file_gives_the_space_back(tmp_path: Path) -> None:
    """Schema 43 rebuilds the visits table: the old pages are handed back, not carried along in
    every backup."""
    path = tmp_path / "v42.db"
    KeyRing.generate(key_dir_for(path))
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, target=42)
    conn.execute("BEGIN")
    for n in range(4000):
        conn.execute("INSERT INTO visits (entry_id, station, at, day, hour, weekday, member_no,"
                     " worker_type, walk_in) VALUES (?, 'MZL01', '2026-11-02T09:00:00+08:00',"
                     " '2026-11-02', 9, 1, NULL, 'courier', 1)", (f"visit-{n:06d}",))
        conn.executemany("INSERT INTO visit_services (entry_id, service) VALUES (?, ?)",
                         [(f"visit-{n:06d}", s) for s in ("water", "rest", "charge")])
    conn.execute("COMMIT")
    conn.close()
    ledger = open_ledger(path)
    try:
        free = ledger.conn.execute("PRAGMA freelist_count").fetchone()[0]
        total = ledger.conn.execute("PRAGMA page_count").fetchone()[0]
        assert free < total * 0.05, (free, total)
        assert ledger.conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == 4000
        assert backup.check_file(path) == []
    finally:
        ledger.close()
