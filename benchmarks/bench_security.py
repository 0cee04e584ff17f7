"""Security area: sign-in cost, online backup, restore and start-up integrity check.

Run: ``.venv/bin/python -m benchmarks.bench_security [--quick] [--members N] [--visits N]``.

* **sign-in**: one scrypt verification (n = 2^14, r = 8, p = 1), the price of each PIN guess.
* **backup**: ``services.backup.write_backup`` (SQLite online backup API into a snapshot,
  ``quick_check`` of the snapshot, SHA-256, ZIP with the key folder, fsync, rename). Baseline:
  raw ``sqlite3.Connection.backup`` into a file, nothing else.
* **restore**: ``services.backup.restore`` (unpack, checksum, ``integrity_check``, swap files, new
  epoch). Baseline: copying the snapshot file.
* **start-up check**: ``PRAGMA quick_check`` (what the GUI runs before opening) and the full
  ``PRAGMA integrity_check`` (``check --full``, used to pick a good backup).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks import Result, table
from benchmarks.generate import make_station
from station_app.data.db import open_ledger
from station_app.services import auth, backup


def _time(fn: object, repeat: int = 1) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def run(quick: bool = False, members: int | None = None, visits: int | None = None
        ) -> list[Result]:
    members = members or (2_000 if quick else 50_000)
    visits = visits or (20_000 if quick else 500_000)
    results: list[Result] = []
    stored = auth.hash_secret("246810")
    sign_in = _time(lambda: auth.verify_secret("246810", stored), repeat=5) * 1000
    results.append(Result("sign-in: one scrypt PIN check", sign_in, "ms",
                          note="cost of each guess; lock-out adds 30 s … 15 min"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = make_station(folder / "station.db", members=members, visits=visits)
        size_mb = path.stat().st_size / 1e6
        ledger = open_ledger(path)
        try:
            def raw_backup() -> None:
                target = sqlite3.connect(folder / "raw.db")
                ledger.conn.backup(target)
                target.close()

            base = _time(raw_backup)
            ours = _time(lambda: backup.write_backup(ledger, folder / "b.zip", kind="manual"))
            zipped = (folder / "b.zip").stat().st_size / 1e6
            results.append(Result(f"backup of a {size_mb:,.0f} MB ledger", ours, "s",
                                  baseline=base, note=f"zip {zipped:,.0f} MB with keys"))
        finally:
            ledger.close()
        quick_check = _time(lambda: backup.check_file(path))
        full_check = _time(lambda: backup.check_file(path, full=True))
        results.append(Result("start-up PRAGMA quick_check", quick_check, "s"))
        results.append(Result("PRAGMA integrity_check", full_check, "s"))
        target = folder / "restored" / "station.db"
        base = _time(lambda: shutil.copyfile(folder / "raw.db", folder / "copy.db"))
        restored = _time(lambda: backup.restore(folder / "b.zip", target).close())
        results.append(Result("restore (checks + new epoch)", restored, "s", baseline=base,
                              note="baseline: copy the file"))
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--members", type=int)
    parser.add_argument("--visits", type=int)
    args = parser.parse_args()
    print(table(run(args.quick, args.members, args.visits)))


if __name__ == "__main__":
    main()
