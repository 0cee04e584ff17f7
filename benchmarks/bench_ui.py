"""The counter at scale: scan -> member shown, Enter -> visit committed, opening, memory.

Run: ``.venv/bin/python -m benchmarks.bench_ui [--members 200000 --visits 2000000]``.
Drives the real main window offscreen (QT_QPA_PLATFORM=offscreen), every page built as the app
builds them (``--counter-only`` for a window with the counter alone), on a synthetic station
ledger from ``benchmarks.generate`` and prints a markdown table. Targets (issue 3): p95 under
50 ms for each counter step, opening under 1.5 s, resident memory after an hour's use under
250 MB.

Baselines are raw ``sqlite3`` on the same file: one indexed member lookup for the scan, one
``BEGIN IMMEDIATE; INSERT; COMMIT`` with ``synchronous=FULL`` for the commit.
"""

from __future__ import annotations

import argparse
import atexit
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def ms(value: float) -> str:
    return f"{value * 1000:.1f} ms"


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def baseline_lookup(path: Path, numbers: list[str]) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    out = [timed(lambda n=n: conn.execute("SELECT * FROM members WHERE member_no = ?",
                                          (n,)).fetchone()) for n in numbers]
    conn.close()
    return out


def baseline_commit(path: Path, count: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS bench_baseline (id INTEGER PRIMARY KEY, body TEXT)")

    def one() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO bench_baseline (body) VALUES (?)", ("x" * 200,))
        conn.execute("COMMIT")

    out = [timed(one) for _ in range(count)]
    conn.execute("DROP TABLE bench_baseline")
    conn.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=200_000)
    parser.add_argument("--visits", type=int, default=2_000_000)
    parser.add_argument("--samples", type=int, default=300, help="scans and visits timed")
    parser.add_argument("--hour", type=int, default=600,
                        help="check-ins in the simulated hour (a very busy counter)")
    parser.add_argument("--counter-only", action="store_true",
                        help="a window with the counter page alone (for comparison)")
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from benchmarks.generate import END_DAY, TZ
    from station_app.app import create_context
    from station_app.cards.payload import make_payload
    from station_app.domain import clock
    from station_app.ui import i18n
    from station_app.ui.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="bench-ui-"))
    # A 2 GB copy: gone when the run ends, also after an error (each run had left one behind).
    atexit.register(shutil.rmtree, folder, True)
    os.environ["STATION_LEDGER_HOME"] = str(folder)
    path = folder / "station.db"
    started = time.perf_counter()
    # In a child process, so the generator's memory does not count as the app's.
    subprocess.run([sys.executable, "-m", "benchmarks.generate", "--members", str(args.members),
                    "--visits", str(args.visits), "--out", str(path)], check=True,
                   stdout=subprocess.DEVNULL)
    prepared = time.perf_counter() - started
    size_mb = path.stat().st_size / 1e6

    # The counter's "today" is the generated ledger's last day, in the afternoon.
    now = [datetime.combine(END_DAY, datetime.min.time(), TZ).replace(hour=15)]

    def read_clock() -> datetime:
        now[0] += timedelta(milliseconds=5)
        return now[0]

    clock.set_source(read_clock)
    app = QApplication([])
    i18n.register_fonts(app)
    rss_start = rss_mb()

    from station_app.ui import pages

    all_pages = list(pages.PAGES)

    def open_window(only_counter: bool) -> MainWindow:
        pages.PAGES[:] = all_pages[:1] if only_counter else all_pages
        ctx = create_context(path, "zh_CN", "bench")
        window = MainWindow(ctx)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        return window

    # The counter is measured in the window as the app runs it, every page built: a page out
    # of sight that redid its work on every change would show in each visit's time.
    t0 = time.perf_counter()
    window = open_window(only_counter=args.counter_only)
    open_seconds = time.perf_counter() - t0
    rss_open = rss_mb()
    ctx = window.ctx
    counter = window.pages["counter"]
    today_rows = counter.today_model.rowCount()
    rng = random.Random(3)
    numbers = [r[0] for r in ctx.ledger.conn.execute(
        "SELECT member_no FROM members WHERE status = 'active' AND rowid IN "
        "(SELECT rowid FROM members ORDER BY random() LIMIT ?)", (args.samples * 2,))]
    key = ctx.ledger.keys.signing
    payloads = [make_payload(n, 1, key) for n in numbers]
    bar = counter.check_in.input

    scan_times: list[float] = []
    commit_times: list[float] = []
    search_times: list[float] = []

    def one_visit(payload: str, record: list[float] | None, scans: list[float] | None) -> None:
        bar.setFocus()
        bar.setText(payload)
        t = time.perf_counter()
        QTest.keyClick(bar, Qt.Key.Key_Return)
        took = time.perf_counter() - t
        assert counter.armed is not None, counter.message.text()
        if scans is not None:
            scans.append(took)
        QTest.keyClick(counter.pad, str(rng.randint(1, 4)))
        t = time.perf_counter()
        QTest.keyClick(counter.pad, Qt.Key.Key_Return)
        took = time.perf_counter() - t
        if record is not None:
            record.append(took)
        app.processEvents()

    for payload in payloads[: args.samples]:
        one_visit(payload, commit_times, scan_times)
    tails = [r[0] for r in ctx.ledger.conn.execute(
        "SELECT phone_tail FROM members ORDER BY random() LIMIT ?", (args.samples,))]
    for tail in tails:
        bar.setText(tail)
        search_times.append(timed(counter.check_in.search_now))
        counter.check_in.clear()

    # An hour at a very busy counter: scans, typed searches, visits, table scrolling.
    for n in range(args.hour):
        one_visit(payloads[n % len(payloads)], None, None)
        if n % 10 == 0:
            bar.setText(tails[n % len(tails)])
            counter.check_in.search_now()
            counter.check_in.clear()
            counter.table.scrollToBottom()
            counter.table.scrollToTop()
            app.processEvents()
    rss_hour = rss_mb()
    window.close()
    ctx.close()
    clock.set_source(None)

    base_lookup = baseline_lookup(path, numbers[: args.samples])
    base_commit = baseline_commit(path, args.samples)

    pages_open = "the counter page alone" if args.counter_only else "every page"
    print(f"### Counter (bench_ui): {args.members:,} members, {args.visits:,} visits, "
          f"{size_mb:.0f} MB ledger (prepared in {prepared:.0f} s), {today_rows:,} entries today;"
          f" the main window with {pages_open}")
    print()
    print("| measure | p50 | p95 | target | raw sqlite3 p95 | ratio |")
    print("|---|---|---|---|---|---|")
    print(f"| scanner Enter -> member shown | {ms(statistics.median(scan_times))} | "
          f"{ms(p95(scan_times))} | < 50 ms | {ms(p95(base_lookup))} (member lookup) | "
          f"{p95(scan_times) / p95(base_lookup):.0f}x |")
    print(f"| Enter -> visit committed (and table refreshed) | "
          f"{ms(statistics.median(commit_times))} | {ms(p95(commit_times))} | < 50 ms | "
          f"{ms(p95(base_commit))} (one FULL-sync insert) | "
          f"{p95(commit_times) / p95(base_commit):.1f}x |")
    print(f"| typed phone tail -> matches shown | {ms(statistics.median(search_times))} | "
          f"{ms(p95(search_times))} | | | |")
    print(f"| open the main window ({pages_open}) | {open_seconds:.2f} s | | < 1.5 s | | |")
    print(f"| resident memory: Qt started / window open / after {args.hour:,} check-ins | "
          f"{rss_start:.0f} / {rss_open:.0f} MB | {rss_hour:.0f} MB | < 250 MB | | |")


if __name__ == "__main__":
    main()
