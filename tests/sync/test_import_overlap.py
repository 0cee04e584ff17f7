"""Imports use both cores: large bundles are written on a second thread (``data.bulk``) and
each file of a run is read while the one before is committed. The consolidated ledger and
every outcome are the same as when everything is done one step after another."""

from __future__ import annotations

from pathlib import Path

import pytest

from station_app.data import bulk
from station_app.services import corrections, members, relief, sync_ops, visits
from station_app.sync import format as fmt
from station_app.sync import importer
from tests.helpers import ledger_hash, sign_up

from .kit import clone_memory, export, import_one
from .test_hostile import _parts, forge, rewrite_visit


def _history(st, first: int) -> list[Path]:
    """Sign-ups, visits, a void, a correction, relief, a transfer and a withdrawal, in two
    bundles; the second one fixes entries of the first."""
    out: list[Path] = []
    people = [sign_up(st, first + n, name=f"会员{first + n}") for n in range(4)]
    ids = [visits.record_visit(st, ["water", "rest"][: 1 + n % 2], by="t",
                               member=people[n % 4]).id for n in range(24)]
    ids += [visits.record_visit(st, ["meal_heat"], by="t", walk_in=visits.WalkIn("courier")).id
            for _ in range(6)]
    relief.define_campaign(st, code=f"warm{first}", name="送温暖", kind="warming", by="t")
    relief.give_relief(st, campaign=f"warm{first}", by="t", member=people[0], money_fen=5000)
    out.append(export(st, st_out(st)).path)
    corrections.void_entry(st, ids[0], "重复", by="t")
    corrections.correct_entry(st, ids[1], {"services": ["meal_heat"]}, "改", by="t")
    members.transfer_out(st, people[2], "外地工会", by="t")
    members.withdraw_member(st, people[3], "本人申请", by="t")
    visits.record_visit(st, ["charge"], by="t", member=people[1])
    out.append(export(st, st_out(st), full=True).path)
    return out


def st_out(st) -> Path:
    return Path(st.path).parent / "usb"


@pytest.fixture
def bundles(net):
    sup, a, b, _tmp = net
    return sup, _history(a, 10) + _history(b, 40)


def _consolidate(sup, paths: list[Path], threaded: bool, monkeypatch, *,
                 together: bool = False) -> str:
    """The supervisor's ledger hash after importing ``paths``: one file per run, or all in one
    run (each file then read while the one before commits)."""
    monkeypatch.setattr(bulk, "THREAD_ROWS", 1 if threaded else 10**9)
    monkeypatch.setattr(bulk, "ROWS_PER_STATEMENT", 4)  # many statements per table
    ledger = clone_memory(sup)
    if together:
        assert all(o.ok for o in sync_ops.import_bundles(ledger, paths, actor="sup"))
    else:
        for path in paths:
            assert import_one(ledger, path).ok
    return ledger_hash(ledger)


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [3, 1, 2, 0], [1, 3, 0, 2, 1, 0]])
def test_threaded_import_equals_row_by_row(bundles, monkeypatch, order: list[int]) -> None:
    sup, paths = bundles
    chosen = [paths[n] for n in order]
    reference = _consolidate(sup, [paths[n] for n in (0, 1, 2, 3)], False, monkeypatch)
    assert _consolidate(sup, chosen, True, monkeypatch) == reference
    assert _consolidate(sup, chosen, False, monkeypatch) == reference
    # Both at once: every accepted file but the last has the next one read during its commit.
    assert _consolidate(sup, chosen, True, monkeypatch, together=True) == reference


def _clash(net, visits_of_b: int) -> tuple[str, Path]:
    """MZL01's visit, imported; EEH01's bundle of ``visits_of_b`` visits whose last one reuses
    that visit's id (a tampered program). Returns the id and the bundle's path."""
    sup, a, b, tmp = net
    taken = visits.record_visit(a, ["water"], by="t", walk_in=visits.WalkIn("courier")).id
    assert import_one(sup, export(a, tmp / "usb_a").path).ok
    for _ in range(visits_of_b):
        visits.record_visit(b, ["rest"], by="t", walk_in=visits.WalkIn("courier"))
    path = tmp / "clash.zip"
    path.write_bytes(rewrite_visit(b, export(b, tmp / "usb_b").path, last=True, new_id=taken))
    return taken, path


@pytest.mark.parametrize("threaded", [False, True])
def test_an_id_held_under_another_station_is_refused(net, monkeypatch, threaded: bool) -> None:
    """EEH01's program signs an entry that reuses an id MZL01 already sent: refused in words,
    whether the entries go in row by row or in bulk on the second thread."""
    monkeypatch.setattr(bulk, "THREAD_ROWS", 1 if threaded else 10**9)
    sup = net[0]
    taken, path = _clash(net, 3)
    before = ledger_hash(sup)
    outcome = import_one(sup, path)
    assert outcome.error is not None and outcome.error.code == "sync.entry_conflict"
    assert outcome.error.params["entry"] == taken
    assert ledger_hash(sup) == before


def _broken_line(bundle: Path) -> tuple[dict, dict[str, bytes]]:
    """The bundle's parts with one entry line's digest spoilt."""
    manifest, parts = _parts(bundle)
    lines = parts[fmt.ENTRIES].split(b"\n")
    lines[0] = lines[0].replace(b'["', b'["0', 1)
    parts[fmt.ENTRIES] = b"\n".join(lines)
    return manifest, parts


def test_reading_the_next_file_early_changes_no_outcome(net, monkeypatch) -> None:
    """Each file of a run is read and parsed while the one before is committed: every file
    is still refused for the same reason, in the same order of checks, as on its own (a
    broken entry in a bundle whose signature is wrong is refused for the signature), and
    the ledger ends the same."""
    sup, a, b, tmp = net
    for _ in range(3):
        visits.record_visit(a, ["water"], by="t", walk_in=visits.WalkIn("courier"))
        visits.record_visit(b, ["rest"], by="t", walk_in=visits.WalkIn("courier"))
    good_a = export(a, tmp / "src").path.read_bytes()
    good_b_path = export(b, tmp / "src").path
    good_b = good_b_path.read_bytes()
    usb = tmp / "usb"
    usb.mkdir()
    # Each bad file follows one that is committed, so it is the one read ahead.
    files = {
        "a_good.zip": good_a,
        "b_wrong_key_and_broken_entry.zip": forge(a, *_broken_line(good_b_path)),
        "c_good.zip": good_b,
        "d_broken_entry.zip": forge(b, *_broken_line(good_b_path)),
        "e_again.zip": good_a,
        "f_truncated.zip": good_b[:-100],
        "g_again.zip": good_b,
        "h_not_a_bundle.zip": "一张照片".encode() * 40,
        "i_again.zip": good_a,
    }
    for name, data in files.items():
        (usb / name).write_bytes(data)
    paths = [*sorted(usb.iterdir()), usb / "j_gone.zip"]
    one_by_one = clone_memory(sup)
    alone = [import_one(one_by_one, path) for path in paths]
    early: list[str] = []

    class Spy(importer.ReadAhead):
        def __init__(self, ledger, path: Path, us: str) -> None:
            early.append(path.name)
            super().__init__(ledger, path, us)

    monkeypatch.setattr(importer, "ReadAhead", Spy)
    together = sync_ops.import_bundles(sup, paths, actor="sup")

    def seen(outcomes):
        return [(o.file, o.result, o.error.code if o.error else None, o.new)
                for o in outcomes]

    assert seen(together) == seen(alone)
    assert [code for _, _, code, _ in seen(together)] == [
        None, "sync.bad_signature", None, "sync.bad_entry", None, "sync.truncated", None,
        "sync.not_a_bundle", None, "sync.file_missing"]
    assert early == [p.name for p in paths[1::2]]
    assert ledger_hash(sup) == ledger_hash(one_by_one)


def test_a_bad_entry_met_while_the_writer_works_changes_nothing(net, monkeypatch) -> None:
    """The projection meets a visit it cannot hold (a station program signing a wrong shape)
    while the second thread is writing the bundle's entries: refused in words, the writer's
    rows rolled back with the rest."""
    monkeypatch.setattr(bulk, "THREAD_ROWS", 1)
    sup, a, _b, tmp = net
    for _ in range(5):
        visits.record_visit(a, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    path = tmp / "odd.zip"
    path.write_bytes(rewrite_visit(a, export(a, tmp / "src").path, last=True, services="water"))
    before = ledger_hash(sup)
    outcome = import_one(sup, path)
    assert outcome.error is not None and outcome.error.code == "sync.bad_entry"
    assert ledger_hash(sup) == before
    assert import_one(sup, export(a, tmp / "again", full=True).path).new == 6  # init + 5


def test_an_id_clash_is_the_refusal_whatever_else_is_wrong(net, monkeypatch) -> None:
    """A bundle whose entry reuses an id held elsewhere and that also holds a visit the
    ledger cannot take: refused for the id clash, row by row as on the second thread (the
    entries go in before the projection looks at them)."""
    sup, _a, b, tmp = net
    _taken, clash = _clash(net, 5)
    both = tmp / "both.zip"
    both.write_bytes(rewrite_visit(b, clash, services="water"))  # the first visit, wrong shape
    before = ledger_hash(sup)
    for threaded in (False, True):
        monkeypatch.setattr(bulk, "THREAD_ROWS", 1 if threaded else 10**9)
        outcome = import_one(sup, both)
        assert outcome.error is not None and outcome.error.code == "sync.entry_conflict"
        assert ledger_hash(sup) == before


def test_ctrl_c_during_the_threaded_writes_leaves_nothing_behind(net, monkeypatch) -> None:
    """Ctrl+C while the second thread writes a bundle's rows: the writer stops and lets go of
    the connection before the transaction is rolled back (rows it wrote afterwards would have
    been saved on their own), the switch interval is back, no thread is left."""
    import sys
    import threading

    from station_app.data import projector

    sup, a, _b, tmp = net
    monkeypatch.setattr(bulk, "THREAD_ROWS", 1)
    monkeypatch.setattr(bulk, "ROWS_PER_STATEMENT", 2)  # many statements to interrupt
    for _ in range(200):
        visits.record_visit(a, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    path = export(a, tmp / "usb").path
    before = ledger_hash(sup)
    interval = sys.getswitchinterval()

    def ctrl_c(_fresh: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(projector, "_warm_pinyin", ctrl_c)  # while the writer still works
    with pytest.raises(KeyboardInterrupt):
        sync_ops.import_bundles(sup, [path], actor="sup")
    assert not any(t.name == "ledger-writer" and t.is_alive() for t in threading.enumerate())
    assert sys.getswitchinterval() == interval
    assert not sup.conn.in_transaction
    assert ledger_hash(sup) == before
    monkeypatch.undo()
    assert import_one(sup, path).ok  # and the same bundle goes in whole afterwards


def test_an_interrupt_while_waiting_stops_the_writer_early() -> None:
    """Ctrl+C while waiting for the writer (``close``): the remaining statements are dropped,
    the running one is interrupted, and the interrupt is raised only once the connection is
    free; the caller's rollback then undoes every row."""
    import _thread
    import sqlite3
    import threading

    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.execute("CREATE TABLE t (a INTEGER, b TEXT)")
    conn.execute("BEGIN")
    writer = bulk.Writer(conn, threaded=True)
    rows = [(n, "行" * 20) for n in range(400_000)]
    writer.insert("INSERT INTO t (a, b) VALUES (?, ?)", rows)
    threading.Timer(0.05, _thread.interrupt_main).start()
    with pytest.raises(KeyboardInterrupt):
        writer.close()
    assert not any(t.name == "ledger-writer" and t.is_alive() for t in threading.enumerate())
    # SQLite undoes the whole transaction of an interrupted statement itself; the caller's
    # rollback (Ledger.write) finds nothing left to undo.
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    assert conn.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 0
    assert writer._failed  # it did not run to the end


def test_only_bundles_that_may_be_taken_are_parsed_early(net, monkeypatch) -> None:
    """Reading ahead parses a bundle meant for this ledger; one for another ledger (skipped
    unread in its turn) or a very large one (two in memory at once) waits for its turn."""
    from station_app.sync import verify as verify_mod

    sup, a, _b, tmp = net
    visits.record_visit(a, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    path = export(a, tmp / "usb").path
    assert importer.ReadAhead(sup, path, "HLB00").result().ahead is not None
    assert importer.ReadAhead(sup, path, "MZL01").result().ahead is None  # its own bundle
    assert importer.ReadAhead(sup, path, "XLG00").result().ahead is None  # not the recipient
    monkeypatch.setattr(verify_mod, "PARSE_AHEAD_BYTES", 10)
    assert importer.ReadAhead(sup, path, "HLB00").result().ahead is None
