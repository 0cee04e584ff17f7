"""The ledger core at realistic scale: recording a visit, member search, size on disk.

Run: ``.venv/bin/python -m benchmarks.bench_core [--quick] [--members N] [--visits N]``.

On a station ledger of 200,000 members and 2,000,000 visits (``benchmarks.generate``):

* **record a visit at the counter**: resolve a typed member number (``services.checkin``) and
  ``services.visits.record_visit`` with its durable commit, p50/p95 over >= 500 visits. The
  ledger runs with ``synchronous=FULL`` (every commit syncs the WAL, so a visit the attendant
  saw saved survives a power cut); the same loop with ``synchronous=NORMAL`` shows what FULL
  costs. Baseline: a raw ``sqlite3`` WAL file holding the same number of rows in a minimal
  ``visits`` table, doing one indexed member lookup + one INSERT + COMMIT with the same setting.
* **member search** by each key (member number, phone tail, ID tail, Chinese name substring
  of two characters, a surname alone, full pinyin, pinyin initials) through
  ``data.queries.search_members``, p95. Baseline: the same members in a minimal table with a
  plain index per key (``LIKE '%..%'`` for the name substring, which no plain index serves).
* **size on disk**: the ledger file, bytes per visit. Baseline: the same members, visits and
  services in a minimal schema (no entry log, no digests, no projections' indexes).

The ledger is a copy of the cached synthetic file, so every run starts from the same state.
Timings are warm: the counter app is long-running and keeps the file's hot pages cached.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import Result, percentile, table
from benchmarks.generate import make_station
from station_app.data import queries
from station_app.data.db import Ledger, open_ledger
from station_app.services import checkin, visits

FULL = {"members": 200_000, "visits": 2_000_000, "records": 600, "searches": 300}
QUICK = {"members": 2_000, "visits": 20_000, "records": 60, "searches": 40}
RECORD_TARGET_MS = 5.0
SEARCH_TARGET_MS = 20.0
SERVICE_SETS = (["water"], ["water", "rest"], ["charge"], ["meal_heat", "water"],
                ["toilet"], ["rest", "charge"], ["warming", "water"], ["wifi", "charge", "rest"])


def _ms(seconds: float) -> float:
    return seconds * 1000.0


# ---- recording a visit -----------------------------------------------------------------------

def record_one(ledger: Ledger, typed: str, services: list[str]) -> float:
    """Seconds for one visit: resolve the typed number, record the visit, durable commit."""
    start = time.perf_counter()
    found = checkin.resolve(ledger, typed)
    visits.record_visit(ledger, services, by="bench", member=found.member_no)
    return time.perf_counter() - start


def baseline_one(conn: sqlite3.Connection, typed: str, services: list[str]) -> float:
    """Seconds for one raw indexed lookup + INSERT + COMMIT."""
    start = time.perf_counter()
    row = conn.execute("SELECT member_no, worker_type FROM members WHERE member_no = ?",
                       (typed,)).fetchone()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO visits (member_no, at, worker_type, walk_in, services)"
                 " VALUES (?, datetime('now'), ?, 0, ?)", (row[0], row[1], ",".join(services)))
    conn.execute("COMMIT")
    return time.perf_counter() - start


def record_visits(ledger: Ledger, base: sqlite3.Connection, numbers: list[str], count: int,
                  rng: random.Random) -> tuple[list[float], list[float]]:
    """Interleaved: one ledger visit, then one raw visit, so both see the same disk and load."""
    ours, raw = [], []
    for _ in range(count):
        typed = rng.choice(numbers)
        services = rng.choice(SERVICE_SETS)
        ours.append(record_one(ledger, typed, services))
        raw.append(baseline_one(base, typed, services))
    return ours, raw


def fsync_floor(path: Path, count: int) -> list[float]:
    """Seconds per 4 KiB append + fdatasync: what the disk alone costs a durable commit."""
    times = []
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        block = b"\0" * 4096
        for _ in range(count):
            start = time.perf_counter()
            os.write(fd, block)
            os.fdatasync(fd)
            times.append(time.perf_counter() - start)
    finally:
        os.close(fd)
    return times


def baseline_db(path: Path, ledger: Ledger) -> sqlite3.Connection:
    """A raw sqlite3 WAL file with the ledger's members and as many rows of minimal visits."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute(f"ATTACH DATABASE 'file:{ledger.path}?mode=ro' AS ledger")
    conn.execute("BEGIN")
    conn.execute("CREATE TABLE members (member_no TEXT PRIMARY KEY, name TEXT, phone TEXT,"
                 " phone_tail TEXT, id_tail TEXT, name_pinyin TEXT, name_initials TEXT,"
                 " worker_type TEXT, status TEXT)")
    conn.execute("INSERT INTO members SELECT member_no, name, phone, phone_tail, id_tail,"
                 " name_pinyin, name_initials, worker_type, status FROM ledger.members")
    for column in ("phone_tail", "id_tail", "name_pinyin", "name_initials"):
        conn.execute(f"CREATE INDEX members_{column} ON members({column})")
    conn.execute("CREATE TABLE visits (id INTEGER PRIMARY KEY, member_no TEXT, at TEXT,"
                 " worker_type TEXT, walk_in INTEGER, services TEXT)")
    conn.execute("INSERT INTO visits (member_no, at, worker_type, walk_in, services)"
                 " SELECT v.member_no, v.at, v.worker_type, v.walk_in,"
                 " (SELECT group_concat(s.value) FROM json_each(v.services) s)"
                 " FROM ledger.visits v ORDER BY v.at")
    conn.execute("CREATE INDEX visits_member ON visits(member_no)")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE ledger")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return conn


# ---- searching -------------------------------------------------------------------------------

def search_keys(ledger: Ledger, count: int, rng: random.Random) -> dict[str, list[str]]:
    """What attendants type, taken from real members of the ledger."""
    total = ledger.conn.execute("SELECT MAX(rowid) FROM members").fetchone()[0]
    rows: list[tuple[str, str, str, str, str, str]] = []
    while len(rows) < count:
        row = ledger.conn.execute(
            "SELECT member_no, phone, id_tail, name, name_pinyin, name_initials FROM members"
            " WHERE rowid >= ? LIMIT 1", (rng.randrange(1, total + 1),)).fetchone()
        if row and row[3]:
            rows.append(row)
    keys: dict[str, list[str]] = {"member number": [], "phone tail (4)": [],
                                  "ID tail (4)": [], "Chinese name substring": [],
                                  "surname alone (1 character)": [],
                                  "full pinyin": [], "pinyin initials": []}
    for number, phone, id_tail, name, full, initials in rows:
        keys["member number"].append(number)
        keys["phone tail (4)"].append(phone[-4:])
        keys["ID tail (4)"].append(id_tail)
        # Two characters of the name: the surname and the first given character, or two
        # characters from the middle of a longer (Mongolian) name.
        start = rng.randrange(0, max(1, len(name) - 1))
        keys["Chinese name substring"].append(name[start:start + 2])
        keys["surname alone (1 character)"].append(name[0])
        keys["full pinyin"].append(full)
        keys["pinyin initials"].append(initials)
    return keys


BASELINE_SQL = {
    "member number": "SELECT * FROM members WHERE member_no = ?",
    "phone tail (4)": "SELECT * FROM members WHERE phone_tail = ? LIMIT 50",
    "ID tail (4)": "SELECT * FROM members WHERE id_tail = ? LIMIT 50",
    "Chinese name substring": "SELECT * FROM members WHERE name LIKE '%' || ? || '%' LIMIT 50",
    "surname alone (1 character)": "SELECT * FROM members WHERE name LIKE '%' || ? || '%'"
                                   " LIMIT 50",
    "full pinyin": "SELECT * FROM members WHERE name_pinyin >= ? AND name_pinyin < ? || '{'"
                   " LIMIT 50",
    "pinyin initials": "SELECT * FROM members WHERE name_initials >= ? AND name_initials < ?"
                       " || '{' LIMIT 50",
}


def timed(fn: Callable[[str], object], keys: list[str]) -> tuple[list[float], int]:
    times = []
    hits = 0
    for key in keys:
        start = time.perf_counter()
        found = fn(key)
        times.append(time.perf_counter() - start)
        hits += bool(found)
    return times, hits


def search_results(ledger: Ledger, base: sqlite3.Connection, keys: dict[str, list[str]]
                   ) -> list[Result]:
    out = []
    for label, typed in keys.items():
        sql = BASELINE_SQL[label]
        params = sql.count("?")
        # Warm both once, then measure.
        for key in typed[:5]:
            queries.search_members(ledger, key)
            base.execute(sql, (key,) * params).fetchall()
        def raw(key: str, sql: str = sql, params: int = params) -> object:
            return base.execute(sql, (key,) * params).fetchall()

        times, hits = timed(lambda k: queries.search_members(ledger, k), typed)
        base_times, _ = timed(raw, typed)
        note = f"p50 {_ms(percentile(times, 50)):.2f} ms; found {hits}/{len(typed)}"
        if "LIKE" in sql:
            note += "; baseline is a LIKE scan"
        out.append(Result(f"search: {label} p95", _ms(percentile(times, 95)), "ms",
                          baseline=_ms(percentile(base_times, 95)), target=SEARCH_TARGET_MS,
                          note=note))
    return out


# ---- size ------------------------------------------------------------------------------------

def minimal_size(path: Path, ledger: Ledger) -> int:
    """Bytes of the same members, visits and services in a minimal schema."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute(f"ATTACH DATABASE 'file:{ledger.path}?mode=ro' AS ledger")
    conn.execute("BEGIN")
    conn.execute("CREATE TABLE members (member_no TEXT PRIMARY KEY, name TEXT, phone TEXT,"
                 " id_sealed BLOB, id_masked TEXT, sex TEXT, birth_date TEXT,"
                 " worker_type TEXT, employer TEXT, joined_at TEXT)")
    conn.execute("INSERT INTO members SELECT m.member_no, m.name, m.phone, e.sealed,"
                 " m.id_masked, m.sex, m.birth_date, m.worker_type, m.employer, m.joined_at"
                 " FROM ledger.members m JOIN ledger.entries e ON e.id = m.entry_id")
    conn.execute("CREATE TABLE visits (id INTEGER PRIMARY KEY, member_no TEXT, at TEXT,"
                 " worker_type TEXT, walk_in INTEGER, doc_type TEXT, nationality TEXT,"
                 " voided INTEGER)")
    conn.execute("CREATE TABLE visit_services (visit INTEGER, service TEXT)")
    conn.execute("INSERT INTO visits SELECT rowid, member_no, at, worker_type, walk_in,"
                 " doc_type, nationality, voided FROM ledger.visits")
    conn.execute("INSERT INTO visit_services SELECT v.rowid, s.value FROM"
                 " ledger.visits v, json_each(v.services) s")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE ledger")
    conn.close()
    return path.stat().st_size


def size_breakdown(ledger: Ledger) -> str:
    """Which tables and indexes take the space (dbstat), as one note line."""
    try:
        rows = ledger.conn.execute(
            "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    except sqlite3.Error:
        return ""
    owners = dict(ledger.conn.execute(
        "SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')"))
    log = sum(size for name, size in rows if owners.get(name, name) == "entries")
    total = sum(size for _, size in rows) or 1
    top = ", ".join(f"{name} {size / 1e6:.0f} MB" for name, size in rows[:4])
    return f"entry log + its indexes {100 * log / total:.0f}%; largest: {top}"


# ---- the run ---------------------------------------------------------------------------------

def run(quick: bool = False, *, members: int | None = None, visits_n: int | None = None,
        workdir: Path | None = None) -> list[Result]:
    scale = dict(QUICK if quick else FULL)
    if members:
        scale["members"] = members
    if visits_n:
        scale["visits"] = visits_n
    rng = random.Random(20261128)
    own_dir = workdir is None
    work = Path(tempfile.mkdtemp(prefix="bench-core-")) if workdir is None else workdir
    try:
        return _run(work, scale, rng)
    finally:
        if own_dir:
            shutil.rmtree(work, ignore_errors=True)


def _run(work: Path, scale: dict[str, int], rng: random.Random) -> list[Result]:
    path = make_station(work / "station.db", members=scale["members"], visits=scale["visits"])
    size_before = path.stat().st_size
    ledger = open_ledger(path)
    results: list[Result] = []
    try:
        visit_count = ledger.conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
        member_count = ledger.conn.execute("SELECT COUNT(*) FROM members").fetchone()[0]
        numbers = [r[0] for r in ledger.conn.execute(
            "SELECT member_no FROM members WHERE status = 'active'")]
        scale_note = f"{member_count:,} members, {visit_count:,} visits"

        # Size first, before the benchmark adds visits.
        minimal = minimal_size(work / "minimal.db", ledger)
        breakdown = size_breakdown(ledger)
        results.append(Result("ledger size on disk", size_before / 1e6, "MB",
                              baseline=minimal / 1e6, note=f"{scale_note}; {breakdown}"))
        results.append(Result("ledger bytes per visit", size_before / max(visit_count, 1), "B",
                              baseline=minimal / max(visit_count, 1),
                              note="whole file / visits (members, log, projections)"))

        base = baseline_db(work / "baseline.db", ledger)
        count = scale["records"]
        warm = max(10, count // 20)
        for sync in ("FULL", "NORMAL"):
            ledger.conn.execute(f"PRAGMA synchronous = {sync}")
            base.execute(f"PRAGMA synchronous = {sync}")
            record_visits(ledger, base, numbers, warm, rng)
            times, base_times = record_visits(ledger, base, numbers, count, rng)
            which = ("the ledger's setting: every commit syncs the WAL" if sync == "FULL"
                     else "for comparison only: the ledger does not use NORMAL")
            for pct in (50, 95):
                results.append(Result(
                    f"record a visit, synchronous={sync}, p{pct}", _ms(percentile(times, pct)),
                    "ms", baseline=_ms(percentile(base_times, pct)),
                    target=RECORD_TARGET_MS if pct == 95 else None,
                    note=f"{count} visits; {which}"))
        ledger.conn.execute("PRAGMA synchronous = FULL")
        floor = fsync_floor(work / "fsync.bin", count)
        results.append(Result("disk alone: 4 KiB append + fdatasync, p95",
                              _ms(percentile(floor, 95)), "ms",
                              note=f"p50 {_ms(percentile(floor, 50)):.2f} ms; the floor under"
                                   " any durable commit on this disk"))

        keys = search_keys(ledger, scale["searches"], rng)
        results += search_results(ledger, base, keys)
        base.close()
    finally:
        ledger.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Ledger core benchmark")
    parser.add_argument("--quick", action="store_true", help="2,000 members, 20,000 visits")
    parser.add_argument("--members", type=int)
    parser.add_argument("--visits", type=int)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep the files")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results = run(args.quick, members=args.members, visits_n=args.visits, workdir=args.keep)
    print(table(results, "Ledger core"))
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
