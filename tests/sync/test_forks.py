"""A forked station-epoch is held: the other copy cannot slip in by a range that does not
overlap, in a station bundle or forwarded in a relay, until the admin resolves the fork."""

from __future__ import annotations

from pathlib import Path

import pytest

from station_app.cli import main
from station_app.domain.errors import LedgerError
from station_app.services import sync_ops, visits
from tests.helpers import ledger_hash, sign_up

from .kit import clone_memory, export, import_one, link, new_ledger, own_digests


@pytest.fixture
def forked(tmp_path: Path):
    """Station MZL01 and a copy of its ledger that went on on its own (same epoch, same key):
    the supervisor holds the original's entries up to seq 3, the copy wrote another seq 3."""
    sup = new_ledger(tmp_path / "sup" / "sup.db", "HLB00", "呼伦贝尔市总工会", supervisor=True)
    a = new_ledger(tmp_path / "a" / "a.db", "MZL01", "满洲里口岸驿站")
    link(sup, a, tmp_path / "ids")
    number = sign_up(a, 1)
    copy = clone_memory(a)
    visits.record_visit(a, ["water"], by="t", member=number)
    visits.record_visit(copy, ["charge"], by="t", member=number)
    assert import_one(sup, export(a, tmp_path / "usb-a").path).ok
    yield sup, a, copy, number, tmp_path
    for ledger in (sup, a, copy):
        ledger.close()


def _row(sup):
    return next(r for r in sync_ops.stations(sup) if r.code == "MZL01")


def _copy_goes_on(copy, sup, number: str, tmp: Path, n: int) -> Path:
    """The copy is acknowledged up to the original's seqs (as a return bundle would say) and
    writes ``n`` more visits: a bundle whose range does not overlap what the supervisor holds."""
    held = sup.conn.execute("SELECT MAX(seq) FROM entries WHERE station = 'MZL01'").fetchone()[0]
    with copy.write():
        copy.conn.execute("UPDATE sync_state SET acked_seq = ?", (held,))
    for _ in range(n):
        visits.record_visit(copy, ["rest"], by="t", member=number)
    return export(copy, tmp / "usb-copy").path


def test_a_fork_holds_the_station_epoch_until_resolved(forked) -> None:
    sup, a, copy, number, tmp = forked
    refused = import_one(sup, export(copy, tmp / "usb-fork").path)
    assert refused.error is not None and refused.error.code == "sync.forked_station"
    row = _row(sup)
    assert row.code == "MZL01" and "forked" in row.warnings
    seq = refused.error.params["seq"]
    assert f"station MZL01: epoch 1 has forked (seq {seq} twice" in row.fork_text("en")[0]
    # The copy's later entries do not overlap anything held: before, they slipped in.
    before = ledger_hash(sup)
    later = import_one(sup, _copy_goes_on(copy, sup, number, tmp, 2))
    assert later.error is not None and later.error.code == "sync.fork_held"
    assert later.quarantined is not None and Path(later.quarantined).exists()
    assert ledger_hash(sup) == before
    # The original is held too until someone finds out which copy is in use.
    visits.record_visit(a, ["wifi"], by="t", member=number)
    original = export(a, tmp / "usb-a2").path
    assert import_one(sup, original).error.code == "sync.fork_held"
    assert ledger_hash(sup) == before
    sync_ops.resolve_fork(sup, "MZL01", 1, note="复制的电脑已收回，继续用原机", actor="sup")
    assert "forked" not in _row(sup).warnings
    assert import_one(sup, original).ok
    assert own_digests(a) <= {d for (d,) in sup.conn.execute("SELECT digest FROM entries")}
    audit = [r[0] for r in sup.conn.execute("SELECT action FROM audit_log")]
    assert "sync.fork" in audit and "sync.fork_resolved" in audit


def test_the_other_copy_arriving_again_after_resolution_is_held_again(forked) -> None:
    sup, _a, copy, _number, tmp = forked
    fork = export(copy, tmp / "usb-fork").path
    assert import_one(sup, fork).error.code == "sync.forked_station"
    assert import_one(sup, fork).error.code == "sync.fork_held"
    sync_ops.resolve_fork(sup, "MZL01", 1, note="查明", actor="sup")
    assert import_one(sup, fork).error.code == "sync.forked_station"
    assert len(_row(sup).forks) == 1
    assert sup.conn.execute("SELECT COUNT(*) FROM forks").fetchone()[0] == 2  # history kept


def test_a_dry_run_reports_the_conflict_and_holds_nothing(forked) -> None:
    sup, _a, copy, _number, tmp = forked
    dry = import_one(sup, export(copy, tmp / "usb-fork").path, dry_run=True)
    assert dry.conflicting == 1
    assert not _row(sup).forks


def test_resolving_needs_a_note_an_open_fork_and_the_admin(forked) -> None:
    from station_app.services import auth

    sup, _a, copy, _number, tmp = forked
    with pytest.raises(LedgerError) as none_open:
        sync_ops.resolve_fork(sup, "MZL01", 1, note="x", actor="sup")
    assert none_open.value.code == "sync.no_open_fork"
    import_one(sup, export(copy, tmp / "usb-fork").path)
    with pytest.raises(LedgerError) as empty:
        sync_ops.resolve_fork(sup, "MZL01", 1, note="  ", actor="sup")
    assert empty.value.code.startswith("invalid")
    auth.setup_admin(sup, "admin", "8642-1357")
    clerk = auth.create_attendant(sup, "clerk", "9753-2468", by="admin",
                                  attendant=auth.get_attendant(sup, "admin"))
    with pytest.raises(LedgerError):
        sync_ops.resolve_fork(sup, "MZL01", 1, note="查明", actor="clerk", attendant=clerk)
    assert _row(sup).forks


def test_a_relay_carrying_the_other_copy_still_brings_the_rest(tmp_path: Path) -> None:
    """The region holds MZL01 from one league; another league forwards a copy of MZL01 with
    one of its own stations. The fork is held, the copy's bundle set aside with its reason,
    and the other station's bundle applies (before, the whole relay was refused, every time)."""
    region = new_ledger(tmp_path / "r" / "r.db", "NMG00", "自治区总工会", supervisor=True)
    one = new_ledger(tmp_path / "l1" / "l1.db", "HLB00", "呼伦贝尔市总工会", supervisor=True)
    two = new_ledger(tmp_path / "l2" / "l2.db", "XLG00", "锡林郭勒盟总工会", supervisor=True)
    a = new_ledger(tmp_path / "a" / "a.db", "MZL01", "满洲里口岸驿站")
    b = new_ledger(tmp_path / "b" / "b.db", "EEH01", "二连浩特驿站")
    link(region, one, tmp_path / "ids")
    link(region, two, tmp_path / "ids")
    link(one, a, tmp_path / "ids")
    number = sign_up(a, 1)
    copy = clone_memory(a)
    link(two, copy, tmp_path / "ids2")
    link(two, b, tmp_path / "ids2")
    try:
        visits.record_visit(a, ["water"], by="t", member=number)
        visits.record_visit(copy, ["charge"], by="t", member=number)
        sign_up(b, 2)
        assert import_one(one, export(a, tmp_path / "u1").path).ok
        assert import_one(region, export(one, tmp_path / "up1").path).ok
        for st in (copy, b):
            assert import_one(two, export(st, tmp_path / "u2").path).ok
        relay = import_one(region, export(two, tmp_path / "up2").path)
        assert relay.ok, relay.error
        assert [why.code for _, why, _ in relay.inner_refused] == ["sync.fork_held"]
        assert relay.inner_refused[0][2] is not None  # kept aside in the quarantine folder
        homes = {h for (h,) in region.conn.execute("SELECT home_station FROM members")}
        assert "EEH01" in homes
        assert [r.code for r in sync_ops.stations(region) if r.forks] == ["MZL01"]
        results = [r for (r,) in region.conn.execute(
            "SELECT result FROM import_log ORDER BY rowid")]
        assert results == ["accepted", "accepted"]  # one log row per attempt, not per pass
    finally:
        for ledger in (region, one, two, a, b, copy):
            ledger.close()


def test_cli_lists_and_resolves_a_fork(forked, capsys) -> None:
    sup, _a, copy, _number, tmp = forked
    import_one(sup, export(copy, tmp / "usb-fork").path)
    path = str(tmp / "sup" / "sup.db")
    sup.close()
    assert main(["--db", path, "--lang", "en", "stations"]) == 0
    assert "epoch 1 has forked" in capsys.readouterr().out
    assert main(["--db", path, "--lang", "en", "fork-resolve", "MZL01", "1",
                 "--note", "copy retired"]) == 0
    assert "no longer held" in capsys.readouterr().out
    assert main(["--db", path, "--lang", "en", "fork-resolve", "MZL01", "1",
                 "--note", "again"]) == 4
    assert "no unresolved fork" in capsys.readouterr().err


def test_an_absurd_epoch_is_refused_plainly(forked, capsys) -> None:
    sup, *_ = forked
    path = str(sup.path)
    sup.close()
    assert main(["--db", path, "--lang", "en", "fork-resolve", "MZL01", str(2 ** 70),
                 "--note", "x"]) == 3
    assert "Traceback" not in capsys.readouterr().err
