"""A supervisor's PC losing power in the middle of an import: every bundle is in the ledger
whole or not at all, nothing reported as imported is lost, and importing the folder again ends
in exactly the ledger a clean import gives."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from station_app.data.db import open_ledger
from station_app.services import backup, sync_ops, visits
from station_app.sync import format as fmt
from tests.helpers import ledger_hash, sign_up
from tests.sync.kit import clone_memory, export, link, new_ledger

ROOT = Path(__file__).resolve().parents[2]
WORKERS = ("delivery_rider", "courier", "truck_driver")


def _stations_and_bundles(tmp: Path) -> tuple[Path, list[Path]]:
    """A supervisor file and, from three stations, three overlapping bundles each."""
    sup = new_ledger(tmp / "sup" / "sup.db", "HLB00", "呼伦贝尔市总工会", supervisor=True)
    out = tmp / "usb"
    bundles: list[Path] = []
    for s, code in enumerate(("MZL01", "MZL02", "EEH01")):
        st = new_ledger(tmp / code / "st.db", code, f"驿站{code}")
        link(sup, st, tmp / "ids")
        for part in range(3):
            for n in range(6):
                sign_up(st, s * 100 + part * 10 + n, name="王芳")
            for n in range(150):
                visits.record_visit(st, ["water", "rest"], by="tester",
                                    walk_in=visits.WalkIn(WORKERS[n % 3]))
            # Nothing is acknowledged: each bundle repeats the ones before it.
            bundles.append(export(st, out / f"{code}-{part}").path)
        st.close()
    sup.close()
    return tmp / "sup" / "sup.db", bundles


def _bundle_digests(path: Path) -> set[str]:
    raw = fmt.read_bundle_file(path, None)
    return {line.split(b'"', 2)[1].decode()
            for line in raw.members[fmt.ENTRIES].splitlines() if line}


def _import_and_kill(sup: Path, bundles: list[Path], delay: float) -> list[str]:
    proc = subprocess.Popen([sys.executable, "-m", "tests.sync.import_loop", str(sup),
                             *map(str, bundles)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"ready"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=60)
    # (If the child finished before the kill, it exited normally: the checks still hold.)
    assert proc.returncode in (0, -signal.SIGKILL), err.decode(errors="replace")
    return [line for line in out.decode().split("\n")[:-1] if line.startswith("accepted ")]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_power_cut_during_an_import_loses_nothing_and_reimport_completes(tmp_path: Path,
                                                                         seed: int) -> None:
    sup_path, bundles = _stations_and_bundles(tmp_path)
    rng = random.Random(seed)
    rng.shuffle(bundles)
    before = open_ledger(sup_path)
    reference = clone_memory(before)  # the same supervisor, importing without a power cut
    before.close()
    for outcome in sync_ops.import_bundles(reference, bundles, actor="ref"):
        assert outcome.ok, outcome.error
    clean = ledger_hash(reference)

    accepted = _import_and_kill(sup_path, bundles, rng.uniform(0.05, 0.6))

    assert backup.check_file(sup_path, full=True) == []  # the file is sound
    sup = open_ledger(sup_path)
    try:
        held = {r[0] for r in sup.conn.execute("SELECT digest FROM entries")}
        by_name = {p.name: p for p in bundles}
        for line in accepted:  # what the supervisor was told is imported is there, whole
            assert _bundle_digests(by_name[line.split(" ", 1)[1]]) <= held
        # Every bundle is in whole or not at all (beyond what others also carry): the
        # entries held are exactly the union of the bundles the import log shows accepted.
        logged = [r[0] for r in sup.conn.execute(
            "SELECT file_name FROM import_log WHERE result = 'accepted'")]
        union: set[str] = set()
        for name in logged:
            union |= _bundle_digests(by_name[name])
        station_entries = {r[0] for r in sup.conn.execute(
            "SELECT digest FROM entries WHERE station != 'HLB00'")}
        assert station_entries == union
        # Read models were committed with their entries, never apart.
        projected = {r[0] for r in sup.conn.execute("SELECT entry_id FROM visits")}
        assert projected == {r[0] for r in sup.conn.execute(
            "SELECT id FROM entries WHERE kind = 'visit'")}

        # The supervisor imports the folder again: the ledger a clean import gives.
        for outcome in sync_ops.import_bundles(sup, bundles, actor="sup"):
            assert outcome.ok, outcome.error
        assert ledger_hash(sup) == clean
    finally:
        sup.close()
        reference.close()


def test_bundle_digest_reader_sees_every_entry(tmp_path: Path) -> None:
    """(The test's own reader of a bundle's entry digests agrees with the importer.)"""
    sup_path, bundles = _stations_and_bundles(tmp_path)
    sup = open_ledger(sup_path)
    try:
        outcome = sync_ops.import_bundles(sup, [bundles[2]], actor="sup")[0]
        assert outcome.new == len(_bundle_digests(bundles[2]))
    finally:
        sup.close()


EXPORT_LOOP = """
import sys
from pathlib import Path
from station_app.data.db import open_ledger
from station_app.services import sync_ops, visits
st = open_ledger(sys.argv[1])
print("ready", flush=True)
while True:
    visits.record_visit(st, ["water"], by="loop", walk_in=visits.WalkIn("courier"))
    sync_ops.export_bundle(st, Path(sys.argv[2]), full=True, actor="loop")
"""


def test_power_cut_during_an_export_leaves_only_whole_bundles(tmp_path: Path) -> None:
    """A station PC losing power while it writes a bundle to the USB stick: every file with
    a bundle's name is whole (the supervisor imports them all); a half-written one only ever
    exists under a temporary name the import does not pick up."""
    sup = new_ledger(tmp_path / "sup" / "sup.db", "HLB00", "呼伦贝尔市总工会", supervisor=True)
    st = new_ledger(tmp_path / "st" / "st.db", "MZL01", "满洲里口岸驿站")
    link(sup, st, tmp_path / "ids")
    for n in range(40):
        sign_up(st, n, name="李娜")
    st.close()
    usb = tmp_path / "usb"
    rng = random.Random(5)
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, "-c", EXPORT_LOOP, str(tmp_path / "st" / "st.db"),
                                 str(usb)], cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.05, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
    names = [p.name for p in usb.iterdir()]
    assert any(n.endswith(".zip") or n.endswith(".slb") or n.endswith(".slbx") for n in names)
    try:
        outcomes = sync_ops.import_bundles(sup, [usb], actor="sup")
        assert outcomes and all(o.ok for o in outcomes), [o.error for o in outcomes]
    finally:
        sup.close()
