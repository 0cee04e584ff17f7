"""The benchmark harness runs, and its synthetic ledgers are real, consistent ledgers.

Speed is never asserted here (benchmarks/ measures it); these tests prove that the generator
writes what production would and that ``run_all --quick`` produces its report.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import Result, percentile, run_all, table
from benchmarks import generate as gen
from station_app.data import entries as entries_mod
from station_app.data import migrations, projector, queries
from station_app.data.db import open_ledger
from station_app.domain import member_no
from station_app.services import members, visits
from tests.helpers import PROJECTION_TABLES, ledger_hash, rid


@pytest.fixture(scope="module")
def small_station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gen") / "station.db"
    gen.make_station(path, members=150, visits=1_500, days=30, cache=False)
    return path


def test_generated_ledger_is_consistent(small_station: Path) -> None:
    ledger = open_ledger(small_station)
    try:
        conn = ledger.conn
        counts = dict(conn.execute("SELECT kind, COUNT(*) FROM entries GROUP BY kind"))
        assert counts["member.signup"] == 150 and counts["card.issue"] == 150
        assert counts["visit"] == 1_500
        # Gap-free seqs in time order, every digest right, ids sorted like recorded_at.
        rows = conn.execute(entries_mod.SELECT + " ORDER BY seq").fetchall()
        assert [r[3] for r in rows] == list(range(1, len(rows) + 1))
        got = [entries_mod.from_row(r) for r in rows]
        assert all(e.digest == e.computed_digest() for e in got)
        assert [e.id for e in got] == sorted(e.id for e in got)
        assert [e.recorded_at for e in got] == sorted(e.recorded_at for e in got)
        # Projections equal a full rebuild from the entry log.
        before = ledger_hash(ledger, PROJECTION_TABLES)
        with ledger.write():
            projector.rebuild_all(ledger)
        assert ledger_hash(ledger, PROJECTION_TABLES) == before
        assert conn.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 150
        assert conn.execute("SELECT COUNT(*) FROM visits WHERE walk_in = 1").fetchone()[0] > 600
        assert conn.execute("SELECT COUNT(*) FROM visits WHERE nationality = 'MN'"
                            ).fetchone()[0] > 0
    finally:
        ledger.close()


def test_generated_ledger_keeps_id_numbers_sealed(small_station: Path) -> None:
    ledger = open_ledger(small_station)
    try:
        first = queries.get_member(ledger, member_no.make("MZL01", 1))
        full = members.reveal_id_number(ledger, first.member_no)
        assert full[-4:] == first.id_masked[-4:]
        # The duplicate check finds generated members by their keyed hash.
        assert members.existing_member(ledger, full) is not None
    finally:
        ledger.close()
    assert full.encode() not in small_station.read_bytes()


def test_services_keep_working_on_a_generated_ledger(small_station: Path, tmp_path: Path
                                                     ) -> None:
    path = tmp_path / "copy.db"
    gen._copy_ledger(small_station, path)
    ledger = open_ledger(path)
    try:
        new = members.sign_up_member(ledger, members.SignUp(
            name="翟晓燕", id_number=rid(7, area="150702"), phone="13912345678",
            worker_type="courier"), by="tester")
        assert new.member_no == member_no.make("MZL01", 151)
        entry = visits.record_visit(ledger, ["water"], by="tester", member=new.member_no)
        assert entry.seq == ledger.next_seq("MZL01", 1) - 1
        assert new.member_no in [m.member_no for m in queries.search_members(ledger, "翟晓燕")]
    finally:
        ledger.close()


def test_cache_reuses_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATION_BENCH_DATA", str(tmp_path / "cache"))
    first = gen.make_station(tmp_path / "a.db", members=20, visits=100, days=5)
    cached = list((tmp_path / "cache").glob("*.db"))
    assert len(cached) == 1
    stamp = cached[0].stat().st_mtime_ns
    second = gen.make_station(tmp_path / "b.db", members=20, visits=100, days=5)
    assert cached[0].stat().st_mtime_ns == stamp
    assert first.read_bytes() == second.read_bytes()
    ledger = open_ledger(second)  # the copied keys open the copied ledger
    try:
        assert members.reveal_id_number(ledger, member_no.make("MZL01", 1))
    finally:
        ledger.close()


def test_cache_from_an_older_schema_is_upgraded_not_regenerated(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATION_BENCH_DATA", str(tmp_path / "cache"))
    gen.make_station(tmp_path / "a.db", members=20, visits=100, days=5)
    [current] = (tmp_path / "cache").glob("*.db")
    latest = f"-s{migrations.latest_version()}-"
    older = current.with_name(current.name.replace(latest, "-s2-"))
    current.rename(older)
    gen.key_dir_for(current).rename(gen.key_dir_for(older))
    monkeypatch.setattr(gen, "build_station", None)  # generating again would fail
    copy = gen.make_station(tmp_path / "b.db", members=20, visits=100, days=5)
    assert current.exists() and not older.exists()
    ledger = open_ledger(copy)
    try:
        assert migrations.current_version(ledger.conn) == migrations.latest_version()
    finally:
        ledger.close()


def test_region_stations_have_their_own_keys(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATION_BENCH_DATA", str(tmp_path / "cache"))
    paths = gen.make_region(tmp_path / "region", stations=3, members=10, visits=40, days=3)
    assert [p.name for p in paths] == ["HLB001.db", "HLB002.db", "HLB003.db"]
    prints = set()
    for path in paths:
        ledger = open_ledger(path)
        try:
            assert ledger.station_code == path.stem
            prints.add(ledger.keys.fingerprint)
        finally:
            ledger.close()
    assert len(prints) == 3


def test_table_shows_ratio_and_target() -> None:
    text = table([Result("record a visit p95", 4.0, "ms", baseline=2.0, target=5.0),
                  {"name": "search p95", "value": 30.0, "unit": "ms", "target": 20.0}])
    assert "| record a visit p95 | 4.00 ms | 2.00 ms | 2.0× | < 5.00 ms | yes |" in text
    assert "**NO**" in text
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert percentile([1.0, 2.0], 95) == pytest.approx(1.95)


def test_run_all_quick_writes_the_report(tmp_path: Path) -> None:
    out = tmp_path / "quick.md"
    assert run_all.main(["--quick", "--only", "core", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "SQLite" in text and "Python" in text and "Measured" in text
    assert "record a visit, synchronous=FULL, p95" in text
    assert "search: pinyin initials p95" in text
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    names = [r["name"] for r in data["benchmarks"]["bench_core"]["results"]]
    assert "ledger size on disk" in names


def test_sync_benchmark_prints_every_figure_at_small_scale(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sync harness runs end to end (its own asserts check each import took every entry
    and the ceiling's ledger holds them all) and prints a row for every figure."""
    from benchmarks import bench_sync

    monkeypatch.setenv("STATION_BENCH_DATA", str(tmp_path / "cache"))
    assert bench_sync.main(["--visits", "120", "--members", "20", "--stations", "2",
                            "--region-visits", "20", "--repeats", "1"]) == 0
    out = capsys.readouterr().out
    for scenario in ("busy station, 1 month", "2 stations, 1 month"):
        for figure in ("export", "import", "re-import (all duplicates)",
                       "raw sqlite3 executemany baseline", "raw executemany of every row",
                       "floor:", "ceiling:", "bundle size"):
            assert f"| {scenario}: {figure}" in out, (scenario, figure)


def test_report_generator_writes_what_the_projector_would(tmp_path: Path) -> None:
    """The report benchmark writes visits straight into the projections: its roll-ups must be
    exactly what the projector keeps, or the report figures it times would be wrong."""
    from benchmarks import bench_reports
    from station_app.data.db import open_ledger
    from tests.reports.test_rollups import _rollups, _truth

    path = tmp_path / "reports.db"
    bench_reports.generate(path, visits=3_000)
    ledger = open_ledger(path)
    try:
        assert _rollups(ledger) == _truth(ledger)
        assert sum(n for *_, n in _rollups(ledger)[0]) > 2_900  # a few are voided
    finally:
        ledger.close()
