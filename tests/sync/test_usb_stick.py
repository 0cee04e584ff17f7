"""A supervisor's USB stick as it comes: folders per station, overlapping exports, damaged files,
other zips beside the bundles, the same run repeated."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest

from station_app.domain.errors import LedgerError
from station_app.services import backup, sync_ops
from station_app.sync import importer, status
from tests.helpers import ledger_hash, sign_up

from .kit import export


def _run(sup, paths: list[Path], **kw: object) -> list[importer.Outcome]:
    return sync_ops.import_bundles(sup, paths, actor="sup", **kw)  # type: ignore[arg-type]


def test_subfolders_are_read_and_other_zips_passed_over(net) -> None:
    """A stick with a folder per station is imported whole; a backup (or any zip that is not a
    bundle) in a subfolder is passed over, a damaged bundle there is refused and kept aside;
    an empty folder among the chosen ones does not stop the others."""
    sup, a, b, tmp = net
    stick = tmp / "stick"
    sign_up(a, 1)
    sign_up(b, 2)
    top = export(a, stick).path
    nested = export(b, stick / "EEH01" / "november").path
    with zipfile.ZipFile(stick / "EEH01" / "photos.zip", "w") as other:
        other.writestr("photo.jpg", b"not a bundle")
    # A real backup (it has a manifest.json too) and the ledger's own folders are passed over.
    copied = backup.write_backup(b, stick / "backups")
    assert copied.path.exists()
    (stick / "b.backups").mkdir()
    shutil.copy(copied.path, stick / "b.backups" / "MZL01_e1_000001-000003.zip")
    damaged = stick / "EEH01" / "EEH01_e1_000009-000012.zip"
    damaged.write_bytes(nested.read_bytes()[:200])
    hidden = stick / ".Trashes" / "EEH01_e1_000001-000002.zip"
    hidden.parent.mkdir()
    shutil.copy(nested, hidden)
    (tmp / "empty").mkdir()

    assert importer.find_bundles([stick, tmp / "empty"]) == [top, damaged, nested]
    outcomes = _run(sup, [stick, tmp / "empty"])
    assert [(o.file, o.result) for o in outcomes] == [
        (top.name, "accepted"), (damaged.name, "refused"), (nested.name, "accepted")]
    assert outcomes[1].error is not None and outcomes[1].quarantined


def test_nothing_found_only_when_no_folder_holds_a_bundle(net) -> None:
    sup, _, _, tmp = net
    (tmp / "empty" / "sub").mkdir(parents=True)
    before = ledger_hash(sup)
    with pytest.raises(LedgerError) as caught:
        _run(sup, [tmp / "empty"])
    assert caught.value.code == "sync.nothing_found"
    assert ledger_hash(sup) == before


def test_a_dry_run_counts_what_overlapping_files_bring_once(net) -> None:
    """Every export runs from the last acknowledged seq, so a stick's bundles overlap: the dry
    run's total is what the import then takes, not the sum of each file against the ledger."""
    sup, a, _, tmp = net
    sign_up(a, 1)
    first = export(a, tmp / "usb").path
    sign_up(a, 2)
    second = export(a, tmp / "usb").path  # the first one's entries again, and more
    copy = tmp / "usb" / f"{second.stem} (1).zip"
    shutil.copy(second, copy)
    files = [first, second, copy]
    before = ledger_hash(sup)
    dry = _run(sup, files, dry_run=True)
    assert ledger_hash(sup) == before
    taken = _run(sup, files)
    assert [o.new for o in dry] == [o.new for o in taken]
    assert sum(o.new for o in dry) == sum(o.new for o in taken) > 0
    assert dry[2].new == 0 and dry[2].duplicate == dry[1].new + dry[1].duplicate
    assert not dry[1].missing  # the first file's entries count as arrived: no gap shown


def test_a_dry_run_shows_no_gap_an_earlier_file_fills_and_forgets_a_refused_one(net) -> None:
    sup, a, _, tmp = net
    sign_up(a, 1)
    first = export(a, tmp / "usb").path  # entries 1-3
    a.conn.execute("UPDATE sync_state SET acked_seq = exported_seq")  # as if acknowledged
    sign_up(a, 2)
    second = export(a, tmp / "usb").path  # entries 4-6 only
    assert second.name.startswith("MZL01_e1_000004")
    before = ledger_hash(sup)
    alone = _run(sup, [second], dry_run=True)
    assert alone[0].missing == {"MZL01": {1: [(1, 3)]}}
    dry = _run(sup, [first, second], dry_run=True)
    assert not dry[1].missing  # the first file brings 1-3
    assert ledger_hash(sup) == before
    assert [o.new for o in dry] == [o.new for o in _run(sup, [first, second])]


def test_a_refused_file_is_kept_aside_once_with_its_reason(net) -> None:
    sup, a, _, tmp = net
    sign_up(a, 1)
    path = export(a, tmp / "usb").path
    path.write_bytes(path.read_bytes()[:-40])
    for _ in range(2):
        (outcome,) = _run(sup, [path])
        assert outcome.refused
    kept = sorted(p.name for p in status.quarantine_dir(sup).iterdir())
    assert kept == [Path(outcome.quarantined or "").name,
                    Path(outcome.quarantined or "").name + ".txt"]
    note = (status.quarantine_dir(sup) / kept[1]).read_text(encoding="utf-8")
    assert "原因：" in note and "Reason: " in note and outcome.error is not None
    assert outcome.error.code in note
    assert f"SHA-256: {hashlib.sha256(path.read_bytes()).hexdigest()}" in note
    assert note.count("Refused again") == 1
