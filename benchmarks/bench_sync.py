"""Sync speed and size: export and import rates, bundle size, against raw sqlite3 executemany.

Run: ``.venv/bin/python -m benchmarks.bench_sync [--visits 30000] [--stations 100]``.
Prints markdown table rows. The ledgers come from ``benchmarks.generate`` (cached).

* **busy station, one month**: a station with ~1,000 visits a day for 30 days exports its whole
  month (``export --full``), a fresh supervisor imports it.
* **100 stations**: 100 small stations each export a month; one supervisor imports all of them.
* **raw baseline**: the same entry rows inserted with one ``executemany`` into the ``entries``
  table of a fresh ledger file (same schema, indexes and pragmas, including the larger page
  cache the import sets), in one transaction, measured in the same run.
  The import does much more: zip and signature checks, a digest per entry, duplicate and fork
  detection, the projections (visits, members, cards ...), the archive copy and the import log.
* **raw executemany of every row the import leaves** (not the target's baseline): the final
  rows of every table the import wrote (entries, read models, roll-ups, archive, import log)
  inserted into a fresh ledger in one transaction. The gap between it and the import is the
  import's own work beyond writing those rows: checks, projection logic, upserts, and one
  durable commit per bundle.
* **floor** (not the target's baseline either): the same entry rows into a table with the
  entry columns and no key, index or constraint at all (plain ``sqlite3``, WAL,
  ``synchronous = FULL``, the import's page cache), one ``executemany``, one transaction.
  No import that stores the entries can be faster; it shows what an absolute rate asks of
  the rest of the import on this machine.
* **ceiling** (not the target's baseline either): an import cut down to the entry log alone,
  as fast as this design can write it: each bundle read and unzipped, its lines parsed and
  checked (``verify.parse_entries``) a few thousand at a time while ``data.bulk.Writer``
  inserts the ones before on the second thread, one durable transaction per bundle, into a
  fresh ledger (schema, indexes, pragmas and page cache of the import). No read model, no
  signature, fork or duplicate check, no backup, archive or log, and the writes start before
  the last line is checked (the import checks every line first). An import that also keeps
  the read models up to date cannot be faster than this.

Times are wall clock and this process's CPU time: on a shared machine the CPU figures are the
stable ones. The import and the raw baseline run ``--repeats`` times each (3), in turns, every
import on a fresh copy of the linked supervisor's ledger; their medians are shown, so a spell of
load on the machine (or of its disk's throttling) during one run does not decide the ratio.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.generate import make_region, make_station
from station_app.data import bulk
from station_app.data import entries as entries_mod
from station_app.data.db import Ledger, open_ledger
from station_app.services import station as station_ops
from station_app.services import sync_ops
from station_app.sync import format as fmt
from station_app.sync import importer
from station_app.sync import verify as verify_mod


def _supervisor(path: Path) -> Ledger:
    ledger = open_ledger(path, create=True)
    station_ops.init_station(ledger, code="HLB00", name="呼伦贝尔市总工会", supervisor=True,
                             by="bench")
    return ledger


def _link(sup: Ledger, station_path: Path, folder: Path) -> Ledger:
    st = open_ledger(station_path)
    ident = sync_ops.write_identity_file(st, folder / f"id_{st.station_code}.json")
    _, trust = sync_ops.enrol_station(sup, ident, actor="bench",
                                      trust_out=folder / f"trust_{st.station_code}.json")
    sync_ops.trust_supervisor(st, trust, actor="bench")
    return st


def _raw_rows(bundles: list[Path]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for path in bundles:
        raw = fmt.read_bundle_file(path, None)
        rows.extend(verify_mod.parse_entries(raw.members[fmt.ENTRIES], path.name)[1])
    return rows


def _timed_inserts(path: Path, batches: list[tuple[str, list[tuple[object, ...]]]]
                   ) -> tuple[float, float]:
    """Wall and CPU seconds for one ``executemany`` per batch into a fresh ledger file (same
    schema and pragmas, the import's page cache included), all in one transaction."""
    ledger = open_ledger(path, create=True)
    ledger.conn.execute(f"PRAGMA cache_size = {importer.IMPORT_CACHE_KIB}")
    try:
        started, cpu = time.perf_counter(), time.process_time()
        with ledger.write():
            for sql, rows in batches:
                ledger.conn.executemany(sql, rows)
        return time.perf_counter() - started, time.process_time() - cpu
    finally:
        ledger.close()


# Every table an import writes rows into (the entry log, the read models, the roll-ups, the
# archive and the import log); the second baseline copies their final rows.
WRITTEN_TABLES = ("entries", "visits", "relief", "relief_goods", "enrolments", "transfers",
                  "members", "member_keys", "cards", "voids", "corrections", "campaigns",
                  "rep_visit_cells", "rep_service_cells", "rep_member_days", "bundle_archive",
                  "import_log")


def _timed_floor(path: Path, rows: list[tuple[object, ...]]) -> tuple[float, float]:
    """Wall and CPU seconds for the entry rows into a bare table (no key, no index)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA cache_size = {importer.IMPORT_CACHE_KIB}")
        conn.execute(f"CREATE TABLE entries ({', '.join(entries_mod.COLUMNS)})")
        insert = (f"INSERT INTO entries VALUES ({', '.join('?' * len(entries_mod.COLUMNS))})")
        started, cpu = time.perf_counter(), time.process_time()
        conn.execute("BEGIN")
        conn.executemany(insert, rows)
        conn.execute("COMMIT")
        return time.perf_counter() - started, time.process_time() - cpu
    finally:
        conn.close()


def _pieces(data: bytes, lines: int) -> list[bytes]:
    """The entry lines of ``data`` in pieces of ``lines`` lines (each ends with a newline)."""
    every = data.split(b"\n")[:-1]
    return [b"\n".join(every[at:at + lines]) + b"\n" for at in range(0, len(every), lines)]


def _timed_ceiling(path: Path, bundles: list[Path]) -> tuple[float, float, int]:
    """Wall and CPU seconds for the entry log alone, written while it is parsed (see the
    module's docstring): one transaction per bundle, the cyclic collector paused as in an
    import; and the entries the ledger holds after."""
    ledger = open_ledger(path, create=True)
    ledger.conn.execute(f"PRAGMA cache_size = {importer.IMPORT_CACHE_KIB}")
    gc.disable()
    try:
        started, cpu = time.perf_counter(), time.process_time()
        for bundle in bundles:
            data = fmt.read_bundle_file(bundle, None).members[fmt.ENTRIES]
            with ledger.write():
                writer = bulk.Writer(ledger.conn, threaded=True)
                try:
                    for piece in _pieces(data, 4096):
                        writer.insert(entries_mod.INSERT,
                                      verify_mod.parse_entries(piece, bundle.name)[1])
                finally:
                    writer.close()
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        return wall, cpu, ledger.conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
    finally:
        gc.enable()
        ledger.close()


def _written_rows(ledger: Ledger) -> dict[str, list[tuple[object, ...]]]:
    return {table: ledger.conn.execute(f"SELECT * FROM {table}").fetchall()
            for table in WRITTEN_TABLES}


def _every_row(tables: dict[str, list[tuple[object, ...]]]
               ) -> list[tuple[str, list[tuple[object, ...]]]]:
    """The second baseline's batches: every row the import left behind (entries and read
    models, in their final form). Not the target's baseline: it shows how much of the import
    is SQLite writing those rows and how much is everything else (checks, projection logic,
    per-bundle commits)."""
    return [(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
            for table, rows in tables.items() if rows]


def _median(times: list[tuple[float, float]]) -> tuple[float, float]:
    """The median wall and the median CPU time (each on its own)."""
    return (statistics.median(t[0] for t in times), statistics.median(t[1] for t in times))


def _scenario(label: str, station_paths: list[Path], work: Path, repeats: int) -> list[str]:
    sup = _supervisor(work / "sup" / "sup.db")
    stations = [_link(sup, p, work / "ids") for p in station_paths]
    out = work / "usb"
    started, cpu = time.perf_counter(), time.process_time()
    written = [sync_ops.export_bundle(st, out, full=True, actor="bench") for st in stations]
    export_s, export_cpu = time.perf_counter() - started, time.process_time() - cpu
    entries = sum(w.entry_count for w in written)
    size = sum(w.size for w in written)
    visits = sum(w.counts.get("visit", 0) for w in written)
    for st in stations:
        st.close()

    sup.close()
    rows = _raw_rows([w.path for w in written])
    # The import and the raw baseline in turns, each on a fresh copy, ``repeats`` times: the
    # medians (a shared machine's load comes and goes; the turns see the same spells of it).
    imports, raws = [], []
    for turn in range(repeats):
        if turn:
            sup.close()
            shutil.rmtree(work / "sup_run")
        shutil.copytree(work / "sup", work / "sup_run")
        sup = open_ledger(work / "sup_run" / "sup.db")
        started, cpu = time.perf_counter(), time.process_time()
        outcomes = sync_ops.import_bundles(sup, [w.path for w in written], actor="bench")
        imports.append((time.perf_counter() - started, time.process_time() - cpu))
        assert all(o.ok for o in outcomes), [o.error for o in outcomes if not o.ok]
        assert sum(o.new for o in outcomes) == entries
        raws.append(_timed_inserts(work / f"raw{turn}" / "raw.db", [(entries_mod.INSERT, rows)]))
        shutil.rmtree(work / f"raw{turn}")
    import_s, import_cpu = _median(imports)
    raw_s, raw_cpu = _median(raws)

    started, cpu = time.perf_counter(), time.process_time()
    again = sync_ops.import_bundles(sup, [w.path for w in written], actor="bench")
    reimport_s, reimport_cpu = time.perf_counter() - started, time.process_time() - cpu
    assert all(o.result == "duplicate" for o in again)
    written_rows = _written_rows(sup)
    sup.close()

    all_s, all_cpu = _timed_inserts(work / "raw_all.db", _every_row(written_rows))
    floor_s, floor_cpu = _timed_floor(work / "floor.db", rows)
    ceiling_s, ceiling_cpu, held = _timed_ceiling(work / "ceiling" / "ceiling.db",
                                                  [w.path for w in written])
    assert held == len(rows), (held, len(rows))
    all_rows = sum(len(r) for r in written_rows.values())
    n = len(rows)
    per_1000 = size / max(visits, 1) * 1000

    def line(what: str, count: int, wall: float, cpu: float, ratio: str = "") -> str:
        return (f"| {label}: {what} | {count:,} | {wall:.2f} s / {cpu:.2f} s | "
                f"{count / wall:,.0f} / {count / cpu:,.0f} | {ratio} |")

    return [
        line("export", entries, export_s, export_cpu),
        line("import", entries, import_s, import_cpu,
             f"{raw_s / import_s:.2f} / {raw_cpu / import_cpu:.2f}"),
        line("re-import (all duplicates)", entries, reimport_s, reimport_cpu),
        line("raw sqlite3 executemany baseline", n, raw_s, raw_cpu, "1.00"),
        f"| {label}: raw executemany of every row the import leaves ({all_rows:,} rows in"
        f" {len(WRITTEN_TABLES)} tables; not the target's baseline) | {n:,} entries |"
        f" {all_s:.2f} s / {all_cpu:.2f} s | {n / all_s:,.0f} / {n / all_cpu:,.0f} |"
        f" import ÷ this: {all_s / import_s:.2f} / {all_cpu / import_cpu:.2f} |",
        f"| {label}: floor: the entry rows into a bare table, no key or index (not the"
        f" target's baseline) | {n:,} | {floor_s:.2f} s / {floor_cpu:.2f} s |"
        f" {n / floor_s:,.0f} / {n / floor_cpu:,.0f} |"
        f" import ÷ this: {floor_s / import_s:.2f} / {floor_cpu / import_cpu:.2f} |",
        f"| {label}: ceiling: the entry log alone, parsed while written, no read model (not"
        f" the target's baseline) | {n:,} | {ceiling_s:.2f} s / {ceiling_cpu:.2f} s |"
        f" {n / ceiling_s:,.0f} / {n / ceiling_cpu:,.0f} |"
        f" import ÷ this: {ceiling_s / import_s:.2f} / {ceiling_cpu / import_cpu:.2f} |",
        f"| {label}: bundle size | {size / 1e6:.1f} MB for {visits:,} visits | "
        f"{per_1000 / 1024:.1f} KiB per 1,000 visits | | |",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=30_000, help="busy station: visits/month")
    parser.add_argument("--members", type=int, default=3_000)
    parser.add_argument("--stations", type=int, default=100)
    parser.add_argument("--region-visits", type=int, default=1_500,
                        help="per station per month in the region scenario")
    parser.add_argument("--repeats", type=int, default=3,
                        help="imports and raw baselines per scenario (medians are shown)")
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be 1 or more")
    print(f"Import and raw baseline: medians of {args.repeats} runs in turns, each on a fresh"
          " copy of the supervisor's ledger.")
    print()
    print("| scenario | entries | wall / CPU time | entries/s (wall / CPU) |"
          " import rate ÷ raw rate (wall / CPU) |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp_name:
        tmp = Path(tmp_name)
        busy = make_station(tmp / "busy" / "MZL01.db", members=args.members,
                            visits=args.visits, days=30)
        for line in _scenario("busy station, 1 month", [busy], tmp / "one", args.repeats):
            print(line, flush=True)
        shutil.rmtree(tmp / "busy")
        region = make_region(tmp / "region", stations=args.stations, members=150,
                             visits=args.region_visits, days=30)
        for line in _scenario(f"{args.stations} stations, 1 month", region, tmp / "many",
                              args.repeats):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
