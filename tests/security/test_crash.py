"""Power-cut safety: a writer killed with SIGKILL at random moments loses no confirmed visit."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from station_app.data.db import open_ledger
from station_app.services import backup

ROOT = Path(__file__).resolve().parents[2]


def _run_and_kill(path: Path, rng: random.Random) -> list[str]:
    """Start the loop, let it write for a random moment, SIGKILL it; the ids it confirmed."""
    proc = subprocess.Popen([sys.executable, "-m", "tests.security.visit_loop", str(path)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"ready"
    time.sleep(rng.uniform(0.005, 0.2))
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err.decode(errors="replace")
    # A line cut off mid-write (no newline) was never confirmed: only complete lines count.
    return [line for line in out.decode().split("\n")[:-1] if len(line) == 36]


def _kill_many_times(path: Path, rounds: int, seed: int) -> None:
    rng = random.Random(seed)
    confirmed: list[str] = []
    for _ in range(rounds):
        confirmed.extend(_run_and_kill(path, rng))
    assert len(confirmed) > rounds  # the loop really wrote between kills
    ledger = open_ledger(path)
    try:
        assert ledger.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        held = {r[0] for r in ledger.conn.execute("SELECT id FROM entries WHERE kind='visit'")}
        missing = [i for i in confirmed if i not in held]
        assert missing == [], f"{len(missing)} confirmed visits lost"
        projected = {r[0] for r in ledger.conn.execute("SELECT entry_id FROM visits")}
        assert held == projected  # the projection was committed with its entry, never apart
        seqs = [r[0] for r in ledger.conn.execute(
            "SELECT seq FROM entries WHERE station='MZL01' AND epoch=1 ORDER BY seq")]
        assert seqs == list(range(1, len(seqs) + 1))  # still gap-free
    finally:
        ledger.close()
    assert backup.check_file(path, full=True) == []


def test_sigkill_during_writes_loses_no_confirmed_visit(ledger_path: Path) -> None:
    _kill_many_times(ledger_path, rounds=12, seed=8)


@pytest.mark.slow
def test_sigkill_many_rounds(ledger_path: Path) -> None:
    _kill_many_times(ledger_path, rounds=80, seed=1208)


def test_wal_survives_without_checkpoint(ledger_path: Path) -> None:
    """A kill leaves committed pages in the WAL; the next opener (even read-only) sees them."""
    confirmed = _run_and_kill(ledger_path, random.Random(3))
    conn = sqlite3.connect(f"file:{ledger_path}?mode=ro", uri=True)
    try:
        held = {r[0] for r in conn.execute("SELECT id FROM entries")}
    finally:
        conn.close()
    assert set(confirmed) <= held
