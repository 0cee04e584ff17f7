"""Report speed over a ledger of 2,000,000 visits: a month, a year, and the xlsx export.

Run: ``.venv/bin/python -m benchmarks.bench_reports [--visits N] [--keep DIR]``.
The synthetic ledger is written straight into the projections the reports read (visits,
their roll-ups, members, relief ...), which is what a station accumulates in about a year
of a busy border port; building it through services would take hours and measure nothing
that this benchmark is about. The baseline is one raw ``sqlite3`` ``COUNT(*) ... GROUP BY``
over the same rows: the report runs about twenty such aggregates plus the export.
"""

from __future__ import annotations

import argparse
import atexit
import json
import random
import shutil
import sqlite3
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from station_app.data import projector
from station_app.data.db import Ledger, open_ledger
from station_app.domain import catalogue, worker_types
from station_app.reports import build, export, make_range, month_range
from station_app.services import station

YEAR = 2026
STATIONS = ("MZL01", "MZL02", "EEL01")


def generate(path: Path, visits: int, seed: int = 7) -> None:
    """A supervisor ledger holding ``visits`` visits of three stations over one year."""
    rng = random.Random(seed)
    ledger = open_ledger(path, create=True)
    station.init_station(ledger, code="HLB00", name="呼伦贝尔市总工会", supervisor=True,
                         by="bench")
    conn = ledger.conn
    conn.execute("PRAGMA synchronous = OFF")
    services = [s.code for s in catalogue.DEFAULT_SERVICES]
    weights = [30, 18, 10, 14, 12, 2, 3, 4, 8, 1, 1, 1, 1, 1]
    wts = [w.code for w in worker_types.WORKER_TYPES]
    n_members = max(visits // 40, 100)
    days = [date(YEAR, 1, 1) + timedelta(days=d) for d in range(365)]
    with ledger.write():
        for st in STATIONS:
            conn.execute("INSERT OR IGNORE INTO stations (code, name, role) VALUES (?, ?, ?)",
                         (st, f"驿站{st}", "enrolled"))
        entries = []
        members = []
        for m in range(n_members):
            st = STATIONS[m % len(STATIONS)]
            no = f"{st}-{m:07d}"
            day = days[rng.randrange(365)]
            eid = f"m{m:09d}"
            at = f"{day.isoformat()}T10:00:00.000+08:00"
            entries.append((eid, st, 1, m + 10, "member.signup", at, "bench", None, "{}", None,
                            None, "x"))
            members.append((no, eid, st, "会员", "", "", at, day.isoformat(),
                            rng.choice(wts), at))
        conn.executemany("INSERT INTO entries (id, station, epoch, seq, kind, recorded_at,"
                         " recorded_by, target, body, sealed, pii_hash, digest)"
                         " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", entries)
        conn.executemany("INSERT INTO members (member_no, entry_id, home_station, name,"
                         " name_pinyin, name_initials, joined_at, joined_day, worker_type,"
                         " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)", members)
        batch: list[tuple[object, ...]] = []
        svc_batch: list[tuple[str, ...]] = []
        for v in range(visits):
            day = days[v * 365 // visits]
            hour = min(23, max(0, int(rng.gauss(13, 4))))
            walk = rng.random() < 0.45
            st = STATIONS[rng.randrange(len(STATIONS))]
            nat = "MN" if walk and rng.random() < 0.05 else None
            eid = f"{day.isoformat()}-{v:09d}"
            given = sorted(set(rng.choices(services, weights, k=rng.choice((1, 1, 2, 2, 3)))))
            batch.append((eid, st, f"{day.isoformat()}T{hour:02d}:15:00.000+08:00",
                          day.isoformat(), hour, day.isoweekday(),
                          None if walk else f"{st}-{rng.randrange(n_members):07d}",
                          rng.choice(wts), int(walk), "passport" if nat else None, nat,
                          1 if rng.random() < 0.002 else 0, None, json.dumps(given)))
            svc_batch.append(tuple(given))
            if len(batch) >= 50_000:
                _flush(ledger, batch, svc_batch)
        _flush(ledger, batch, svc_batch)
        conn.execute("INSERT INTO campaigns (code, entry_id, name, kind, station) VALUES"
                     " ('WARM', 'c1', '送温暖', 'warming', 'HLB00')")
        conn.executemany(
            "INSERT INTO relief (entry_id, station, at, day, campaign, member_no, worker_type,"
            " money_fen) VALUES (?, ?, ?, ?, 'WARM', ?, 'courier', 20000)",
            [(f"r{r:08d}", STATIONS[r % 3], f"{YEAR}-12-{1 + r % 28:02d}T10:00:00+08:00",
              f"{YEAR}-12-{1 + r % 28:02d}", f"MZL01-{r:07d}") for r in range(visits // 50)])
        ledger.set_setting(f"target.members.{YEAR}", "200000")
    conn.execute("ANALYZE")
    ledger.close()


def _flush(ledger: Ledger, batch: list[tuple[object, ...]],
           svc_batch: list[tuple[str, ...]]) -> None:
    """Visit rows and their report roll-ups, the way the projector writes them."""
    ledger.conn.executemany(projector._VISIT, batch)
    live = [(row, given) for row, given in zip(batch, svc_batch, strict=True) if not row[11]]
    projector.roll_up(ledger, [row for row, _ in live], [given for _, given in live])
    batch.clear()
    svc_batch.clear()


def _time(fn: object, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--visits", type=int, default=2_000_000)
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the ledger in")
    parser.add_argument("--station", action="store_true",
                        help="use benchmarks.generate's one-station ledger (real entries through"
                             " the projector) instead of the three-station supervisor ledger")
    parser.add_argument("--ledger", type=Path,
                        help="with --station: an existing copy of that ledger (no copying)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_reports_"))
    if args.keep is None:  # a 0.7 GB ledger: gone when the run ends (each run had left one)
        atexit.register(shutil.rmtree, folder, True)
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    if args.station:
        from benchmarks.generate import END_DAY, make_station

        path = args.ledger or make_station(folder / "station.db",
                                           members=max(args.visits // 10, 100),
                                           visits=args.visits)
        month = month_range(date(END_DAY.year, END_DAY.month, 1) - timedelta(days=1))
        year = make_range(END_DAY - timedelta(days=364), END_DAY)
        scope = f"{args.visits:,} visits, one station (benchmarks.generate), one year"
        one_station = "MZL01"
    else:
        path = folder / f"reports_{args.visits}.db"
        if not path.exists():
            generate(path, args.visits)
        month = month_range(date(YEAR, 6, 15))
        year = make_range(date(YEAR, 1, 1), date(YEAR, 12, 31))
        scope = f"{args.visits:,} visits, supervisor ledger of 3 stations, one year"
        one_station = "MZL01"
    print(f"ledger ready in {time.perf_counter() - start:.1f} s: {path}")
    ledger = open_ledger(path)
    raw = sqlite3.connect(path)

    def baseline(span: object) -> None:
        raw.execute("SELECT worker_type, COUNT(*) FROM visits WHERE day BETWEEN ? AND ?"
                    " AND voided = 0 GROUP BY worker_type",
                    (span.start.isoformat(), span.end.isoformat())).fetchall()  # type: ignore[attr-defined]

    rows = []
    for label, span, target in (("month", month, 1.0), ("year", year, 5.0)):
        t = _time(lambda span=span: build(ledger, span))
        b = _time(lambda span=span: baseline(span))
        rows.append((f"report, one {label} (all stations)", t, b, target))
        one = _time(lambda span=span: build(ledger, span, (one_station,)))
        rows.append((f"report, one {label} (one station)", one, b, target))
    report = build(ledger, year)
    out = folder / "year.xlsx"
    t = _time(lambda: out.write_bytes(export.to_bytes(report, "xlsx")), repeat=1)
    rows.append(("xlsx export of the year report", t, float("nan"), float("nan")))
    month_report = build(ledger, month)
    t = _time(lambda: export.to_bytes(month_report, "pdf"), repeat=1)
    rows.append(("PDF monthly report", t, float("nan"), float("nan")))
    print(f"\n{scope}\n")
    print("| measure | seconds | raw sqlite3 baseline (s) | ratio | target (s) |")
    print("|---|---:|---:|---:|---:|")
    for label, sec, base, target in rows:
        ratio = f"{sec / base:.1f}x" if base == base else "–"
        base_text = f"{base:.3f}" if base == base else "–"
        goal = f"< {target:g}" if target == target else "–"
        print(f"| {label} | {sec:.3f} | {base_text} | {ratio} | {goal} |")
    ledger.close()
    raw.close()


if __name__ == "__main__":
    main()
