"""Backups and restore, rotation, automatic backups, disk full, damaged ledgers at start-up."""

from __future__ import annotations

import sqlite3
import zipfile
import zlib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from station_app.data import migrations
from station_app.data.db import Ledger, open_ledger
from station_app.domain import clock, messages
from station_app.domain.errors import LedgerError, LedgerUnavailable, Refused
from station_app.services import audit, backup, members, station, visits
from tests.conftest import T0
from tests.helpers import ledger_hash, rid, sign_up
from tests.security.conftest import AUDITOR


def _visit(ledger: Ledger) -> str:
    return visits.record_visit(ledger, ["water"], by="t", walk_in=visits.WalkIn("courier")).id


def test_backup_restore_round_trip_starts_a_new_epoch(file_ledger: Ledger, tmp_path: Path
                                                      ) -> None:
    number = sign_up(file_ledger, 1, name="李四")
    kept = _visit(file_ledger)
    before = ledger_hash(file_ledger)
    info = backup.write_backup(file_ledger, tmp_path / "usb" / "b.zip", by="boss")
    assert info.keys == "plain" and info.epoch == 1
    lost = _visit(file_ledger)  # made after the backup: the restore goes back in time
    path = Path(file_ledger.path)
    file_ledger.close()

    restored = backup.restore(info.path, path, by="boss")
    try:
        assert restored.epoch == 2
        assert restored.conn.execute("SELECT 1 FROM entries WHERE id = ?", (lost,)).fetchone() \
            is None
        assert restored.entry(kept).kind == "visit"
        # The member's sealed ID number opens with the restored keys.
        assert members.reveal_id_number(restored, number) == rid(1)
        new = restored.entry(_visit(restored))
        assert (new.epoch, new.seq) == (2, 2)  # seq 1 of epoch 2 is the epoch change itself
        assert restored.entry(new.id).station == "MZL01"
        assert audit.last(restored, audit.RESTORE) is not None
        assert before != ledger_hash(restored)
    finally:
        restored.close()
    # The ledger that was replaced is kept as a pre-restore backup, never lost.
    kinds = [b.kind for b in backup.list_backups(path)]
    assert "pre-restore" in kinds


def test_a_refused_restore_is_in_the_audit_log_of_the_ledger_it_would_replace(
        file_ledger: Ledger, tmp_path: Path) -> None:
    """A damaged, tampered or cut backup changes nothing, and the attempt is on record."""
    info = backup.write_backup(file_ledger, tmp_path / "b.zip", by="boss")
    cut = tmp_path / "cut.zip"
    cut.write_bytes(info.path.read_bytes()[:5000])
    path = file_ledger.path
    file_ledger.close()
    with pytest.raises(LedgerError) as refused:
        backup.restore(cut, path, by="boss")
    ledger = open_ledger(path)
    try:
        row = audit.last(ledger, audit.RESTORE, outcome="refused")
        assert row is not None and (row.actor, row.subject, row.outcome) == (
            "boss", "cut.zip", "refused")
        assert row.detail == {"error": refused.value.code} and ledger.epoch == 1
    finally:
        ledger.close()


def test_restore_is_refused_while_the_ledger_is_open_elsewhere(file_ledger: Ledger,
                                                               tmp_path: Path) -> None:
    """The app's window still open on the ledger would go on saving into the replaced file:
    everything recorded after the restore would be lost without a word."""
    _visit(file_ledger)
    info = backup.write_backup(file_ledger, tmp_path / "b.zip", by="boss")
    before = ledger_hash(file_ledger)
    with pytest.raises(Refused) as refused:
        backup.restore(info.path, file_ledger.path, by="boss")
    assert refused.value.code == "restore_in_use"
    assert ledger_hash(file_ledger) == before and file_ledger.epoch == 1
    _visit(file_ledger)  # the open ledger keeps working
    file_ledger.close()
    restored = backup.restore(info.path, file_ledger.path, by="boss")
    restored.close()


@settings(max_examples=40, deadline=None)
@given(size=st.integers(0, 5000), seed=st.integers(0, 2**32 - 1))
@example(size=0, seed=1).via("no piece at all")
@example(size=997, seed=2).via("exactly one piece")
@example(size=3 * 997, seed=3).via("exactly three pieces")
@example(size=3 * 997 + 1, seed=4).via("one byte into the fourth")
def test_the_ledger_deflated_on_every_core_reads_back_whole(tmp_path_factory: Any, size: int,
                                                            seed: int) -> None:
    """The ledger file is cut into pieces deflated side by side: whatever its size against the
    pieces, zipfile (as the restore reads it) and plain zlib get every byte back."""
    import random

    folder = tmp_path_factory.mktemp("deflate")
    data = random.Random(seed).randbytes(size // 2) + b"ledger page " * (size // 24)
    source = folder / "ledger.db"
    source.write_bytes(data)
    piece = backup.DEFLATE_PIECE
    backup.DEFLATE_PIECE = 997  # many pieces, most of them cut mid-row
    try:
        with zipfile.ZipFile(folder / "b.zip", "w") as archive:
            backup._zip_file(archive, source, "ledger.db", 1)
    finally:
        backup.DEFLATE_PIECE = piece
    with zipfile.ZipFile(folder / "b.zip") as archive:
        assert archive.testzip() is None
        info = archive.getinfo("ledger.db")
        assert info.compress_type == zipfile.ZIP_DEFLATED and info.file_size == len(data)
        assert archive.read("ledger.db") == data
        raw = (folder / "b.zip").read_bytes()[info.header_offset:]
    start = 30 + len(info.filename) + int.from_bytes(raw[28:30], "little")
    # The stream alone, as stored: it inflates to the data and ends with a final block (zipfile
    # would also take one without it; unzip would not).
    inflate = zlib.decompressobj(-15)
    assert inflate.decompress(raw[start:start + info.compress_size]) == data
    assert inflate.eof and inflate.unused_data == b""


def test_a_backup_is_deflated_on_every_core(file_ledger: Ledger, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The shared deflate is what writes the ledger into a backup (not zipfile's own, which a
    Python without the hook would fall back to), and the backup restores."""
    pieces: list[int] = []
    deflate = backup._SharedDeflate._deflate
    monkeypatch.setattr(backup._SharedDeflate, "_deflate",
                        lambda self, piece: pieces.append(len(piece)) or deflate(self, piece))
    monkeypatch.setattr(backup, "DEFLATE_PIECE", 64 * 1024)
    sign_up(file_ledger, 1, name="李四")
    before = ledger_hash(file_ledger)
    info = backup.write_backup(file_ledger, tmp_path / "b.zip", by="boss")
    assert len(pieces) > 1 and sum(pieces) == backup.verify_backup(info.path)["db_size"]
    path = Path(file_ledger.path)
    file_ledger.close()
    restored = backup.restore(info.path, path, by="boss")
    try:
        assert restored.epoch == 2 and ledger_hash(restored) != before  # a new epoch, no loss
        assert restored.conn.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 1
    finally:
        restored.close()


def test_the_daily_backup_leaves_a_core_to_the_counter(file_ledger: Ledger,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The daily backup runs behind the counter's back after sign-in: it deflates on one core.
    The one before an import (someone waits for it) takes every core."""
    workers: list[int] = []
    init = backup._SharedDeflate.__init__

    def record(self: Any, level: int, cores: int | None = None) -> None:
        init(self, level, cores)
        workers.append(self.workers)

    monkeypatch.setattr(backup._SharedDeflate, "__init__", record)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert backup.daily_if_due(file_ledger, by="t") is not None
    assert backup.before_import(file_ledger, by="t") is not None
    assert workers == [1, 2]


def test_a_backup_that_fails_while_deflating_leaves_no_file_and_no_thread(
        file_ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    monkeypatch.setattr(backup, "DEFLATE_PIECE", 16 * 1024)
    calls: list[int] = []
    deflate = backup._SharedDeflate._deflate

    def failing(self: Any, piece: bytes) -> bytes:
        calls.append(1)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return deflate(self, piece)

    monkeypatch.setattr(backup._SharedDeflate, "_deflate", failing)
    with pytest.raises(LedgerUnavailable) as err:
        backup.write_backup(file_ledger, tmp_path / "usb" / "b.zip", by="boss")
    assert err.value.code == "disk_full"
    assert list((tmp_path / "usb").iterdir()) == []  # no half-written file, no temp file
    assert not any(t.name.startswith("backup-") for t in threading.enumerate())


def test_a_backup_of_another_station_needs_an_explicit_choice(file_ledger: Ledger,
                                                              tmp_path: Path) -> None:
    other = open_ledger(tmp_path / "eeh" / "eeh.db", create=True)
    station.init_station(other, code="EEH01", name="二连浩特驿站", by="t")
    foreign = backup.write_backup(other, tmp_path / "eeh.zip").path
    other.close()
    path = Path(file_ledger.path)
    before = ledger_hash(file_ledger)
    file_ledger.close()
    with pytest.raises(Refused) as refused:
        backup.restore(foreign, path, by="boss")
    assert refused.value.code == "restore_other_station"
    assert refused.value.params == {"found": "EEH01", "here": "MZL01"}
    kept = open_ledger(path)
    assert ledger_hash(kept) == before and kept.station_code == "MZL01"
    kept.close()
    moved = backup.restore(foreign, path, by="boss", other_station=True)
    assert moved.station_code == "EEH01"
    moved.close()


def test_audit_rows_written_after_the_backup_survive_the_restore(file_ledger: Ledger,
                                                                 tmp_path: Path) -> None:
    """Reveal an ID number, then restore an older backup: the reveal stays in the log."""
    with clock.fixed(T0, timedelta(seconds=1)):
        number = sign_up(file_ledger, 3)
        info = backup.write_backup(file_ledger, tmp_path / "b.zip", by="boss")
        members.reveal_id_number(file_ledger, number)
        audit.record(file_ledger, "boss", audit.REVEAL, number, {"reason": "补办会员证"})
        path = Path(file_ledger.path)
        file_ledger.close()
        restored = backup.restore(info.path, path, by="boss")
    try:
        reveals = audit.rows(restored, action=audit.REVEAL, attendant=AUDITOR)
        assert [r.subject for r in reveals] == [number]
        row = audit.last(restored, audit.RESTORE)
        assert row is not None and row.detail["audit_rows_carried_over"] >= 2
    finally:
        restored.close()


def test_restore_onto_a_new_pc_without_the_key_folder(file_ledger: Ledger, tmp_path: Path
                                                      ) -> None:
    number = sign_up(file_ledger, 2)
    out = backup.write_backup(file_ledger, tmp_path / "b.zip").path
    file_ledger.close()
    target = tmp_path / "newpc" / "station.db"
    ledger = backup.restore(out, target)
    try:
        assert (target.parent / "station.keys" / "data.key").exists()
        assert members.reveal_id_number(ledger, number) == rid(2)
    finally:
        ledger.close()


def test_encrypted_keys_need_the_passphrase(file_ledger: Ledger, tmp_path: Path) -> None:
    number = sign_up(file_ledger, 3)
    out = backup.write_backup(file_ledger, tmp_path / "b.zip", passphrase="冬天 很冷 2026").path
    names = zipfile.ZipFile(out).namelist()
    assert "keys.enc" in names and not any(n.startswith("keys/") for n in names)
    data_key = file_ledger.keys.data_key
    assert data_key not in zipfile.ZipFile(out).read("keys.enc")
    file_ledger.close()
    target = tmp_path / "other" / "s.db"
    for wrong in (None, "wrong"):
        with pytest.raises(Refused) as err:
            backup.restore(out, target, passphrase=wrong)
        assert err.value.code == "backup_passphrase"
    assert not target.exists()
    ledger = backup.restore(out, target, passphrase="冬天 很冷 2026")
    try:
        assert members.reveal_id_number(ledger, number) == rid(3)
    finally:
        ledger.close()


def test_tampered_or_foreign_files_are_not_restored(file_ledger: Ledger, tmp_path: Path) -> None:
    out = backup.write_backup(file_ledger, tmp_path / "b.zip").path
    before = ledger_hash(file_ledger)
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "ledger.db":
                data = data[:5000] + b"X" + data[5001:]
            dst.writestr(item, data)
    not_zip = tmp_path / "x.zip"
    not_zip.write_bytes(b"hello")
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("manifest.json", zipfile.ZipFile(out).read("manifest.json"))
        zf.writestr("../../etc/passwd", "x")
        zf.writestr("ledger.db", b"")
    said = []
    for path in (bad, not_zip, evil):
        with pytest.raises(Refused) as err:
            backup.restore(path, Path(file_ledger.path))
        assert err.value.code == "backup_invalid"
        said.append(messages.render(err.value, "zh_CN"))
    assert said[1] == "不是有效的台账备份文件：不是ZIP文件，或文件已损坏"  # no exception names
    assert not any("Error" in text or "{" in text for text in said)
    assert ledger_hash(file_ledger) == before
    assert not (tmp_path.parent / "etc").exists()


def test_a_backup_damaged_inside_the_zip_is_refused_in_words(file_ledger: Ledger,
                                                           tmp_path: Path) -> None:
    """A USB stick's bad sector in the compressed ledger, or a header asking for a zip version
    nobody writes: a sentence, never a traceback, and the ledger unchanged."""
    for n in range(30):
        sign_up(file_ledger, n + 40)
    out = backup.write_backup(file_ledger, tmp_path / "b.zip").path
    before = ledger_hash(file_ledger)
    data = out.read_bytes()
    inside = bytearray(data)
    start = data.find(b"ledger.db") + 200  # in the deflated ledger, past its local header
    inside[start:start + 64] = bytes(64)
    version = bytearray(data)
    at = data.find(b"PK\x01\x02")
    version[at + 6:at + 8] = (64).to_bytes(2, "little")
    for name, damaged in (("inside.zip", inside), ("version.zip", version)):
        path = tmp_path / name
        path.write_bytes(bytes(damaged))
        with pytest.raises(Refused) as err:
            backup.restore(path, Path(file_ledger.path))
        assert err.value.code == "backup_invalid"
        assert "Error" not in messages.render(err.value, "zh_CN")
    assert ledger_hash(file_ledger) == before


def test_rotation_keeps_n_daily_and_n_pre_op(file_ledger: Ledger) -> None:
    with file_ledger.write():
        file_ledger.set_setting(backup.KEEP_DAILY_SETTING, "2")
        file_ledger.set_setting(backup.KEEP_PREOP_SETTING, "3")
    moment = T0
    for day in range(4):
        with clock.fixed(moment + timedelta(days=day)):
            assert backup.daily_if_due(file_ledger) is not None
            assert backup.daily_if_due(file_ledger) is None  # once a day
            backup.before_import(file_ledger)
            backup.before_import(file_ledger)
    found = backup.list_backups(file_ledger.path)
    assert sum(b.kind == "daily" for b in found) == 2
    assert sum(b.kind == "pre-import" for b in found) == 3
    newest_daily = next(b for b in found if b.kind == "daily")
    assert newest_daily.created_at.startswith("2026-11-23")
    assert audit.last(file_ledger, audit.BACKUP) is not None


def test_a_backup_is_taken_before_every_migration(ledger_path: Path) -> None:
    conn = sqlite3.connect(ledger_path)
    conn.execute("PRAGMA user_version = 2")  # as if made before the newer schema blocks
    for name in ("audit_log_action", "audit_log_actor", "entries_anonymised"):
        conn.execute(f"DROP INDEX IF EXISTS {name}")
    conn.close()
    assert migrations.latest_version() > 2
    # Later migrations may not be repeatable on this file; only the hook matters here.
    calls: list[tuple[int, int]] = []
    original = backup.before_migrate

    def spy(ledger: Ledger, current: int, latest: int) -> None:
        calls.append((current, latest))
        original(ledger, current, latest)
        raise RuntimeError("stop before migrating")

    with pytest.raises(RuntimeError):
        open_ledger(ledger_path, before_migrate=spy)
    assert calls and calls[0][0] == 2
    found = backup.list_backups(ledger_path)
    assert [b.kind for b in found] == ["pre-migrate"]
    backup.verify_backup(found[0].path)


def test_open_station_passes_the_backup_hook(ledger_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    seen: dict[str, object] = {}

    def fake_open(path: object, **kw: object) -> object:
        seen.update(kw)
        raise LedgerUnavailable("stop")

    monkeypatch.setattr(station, "open_ledger", fake_open)
    with pytest.raises(LedgerUnavailable):
        station.open_station(ledger_path)
    assert seen["before_migrate"] is backup.before_migrate


@pytest.mark.parametrize("threaded", [False, True])
def test_disk_full_during_import_leaves_the_ledger_unchanged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threaded: bool) -> None:
    """Also when the bundle's rows are written on the second thread (data.bulk)."""
    from station_app.data import bulk
    from tests.sync import kit

    monkeypatch.setattr(bulk, "THREAD_ROWS", 1 if threaded else 10**9)

    sup = kit.new_ledger(tmp_path / "sup.db", "HLB00", "呼伦贝尔", supervisor=True)
    st = kit.new_ledger(tmp_path / "st.db", "MZL01", "满洲里")
    try:
        kit.link(sup, st, tmp_path / "ids")
        for n in range(1, 60):
            sign_up(st, n, name=f"会员{n}")
        for _ in range(300):
            _visit(st)
        bundle = kit.export(st, tmp_path / "out").path
        before = ledger_hash(sup)
        pages = sup.conn.execute("PRAGMA page_count").fetchone()[0]
        sup.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        try:
            outcome = kit.import_one(sup, bundle)
            assert not outcome.ok and outcome.error is not None
            assert outcome.error.code == "disk_full"
        except LedgerError as exc:
            assert exc.code == "disk_full"
        assert ledger_hash(sup) == before
        # The snapshot before the import was written (outside the ledger) before it failed.
        assert [b.kind for b in backup.list_backups(sup.path)] == ["pre-import"]
        sup.conn.execute("PRAGMA max_page_count = 1073741823")
        assert kit.import_one(sup, bundle).ok  # room again: the same bundle goes in whole
        imports = [r.outcome for r in audit.rows(sup, 10, action=audit.IMPORT, attendant=AUDITOR)]
        assert imports[0] == "ok"
        assert ledger_hash(sup) != before
        assert sup.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        sup.close()
        st.close()


def test_disk_full_while_writing_is_a_clear_error(file_ledger: Ledger) -> None:
    before = ledger_hash(file_ledger)
    pages = file_ledger.conn.execute("PRAGMA page_count").fetchone()[0]
    file_ledger.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(LedgerUnavailable) as err, file_ledger.write():
        for n in range(1, 200):
            sign_up(file_ledger, n, name="王五")
    assert err.value.code == "disk_full"
    assert ledger_hash(file_ledger) == before


def _corrupt(path: Path) -> None:
    """Overwrite a few pages in the middle with garbage, as a failing disk would."""
    data = bytearray(path.read_bytes())
    page = 4096
    for n in range(2, min(8, len(data) // page)):
        data[n * page: n * page + 200] = b"\xde\xad\xbe\xef" * 50
    path.write_bytes(bytes(data))


def test_a_damaged_ledger_is_detected_at_start_up(file_ledger: Ledger, tmp_path: Path) -> None:
    for n in range(1, 40):
        sign_up(file_ledger, n)
    backup.daily_if_due(file_ledger)
    file_ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = Path(file_ledger.path)
    file_ledger.close()
    copy = tmp_path / "copy" / "station.db"
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    import shutil

    for folder in ("station.keys", "station.backups"):
        shutil.copytree(path.with_name(folder), copy.parent / folder)
    _corrupt(copy)
    damaged_bytes = copy.read_bytes()
    assert backup.check_file(copy) != []
    with pytest.raises(LedgerUnavailable) as err:
        backup.open_checked(copy)
    assert err.value.code == "ledger_damaged_backup"
    offered = Path(err.value.params["backup_path"])
    assert offered.parent.name == "station.backups" and offered.name.startswith("daily-")
    assert copy.read_bytes() == damaged_bytes  # refused to write: not one byte changed
    # The healthy original opens fine through the same check.
    healthy = backup.open_checked(path)
    healthy.close()
    # Restoring the offered backup over the damaged copy gives a working ledger again;
    # the damaged files are moved aside, not deleted.
    restored = backup.restore(offered, copy)
    try:
        assert restored.conn.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 39
        assert restored.epoch == 2
    finally:
        restored.close()
    aside = list(copy.with_name("station.backups").glob("damaged-*/station.db"))
    assert aside and aside[0].read_bytes() == damaged_bytes


def test_read_only_folder_gives_a_clear_message(ledger_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        # root ignores permission bits; open the file read-only through SQLite instead.
        conn = sqlite3.connect(f"file:{ledger_path}?mode=ro", uri=True, isolation_level=None)
        from station_app.data.db import _translate

        try:
            with pytest.raises(sqlite3.OperationalError) as err:
                conn.execute("INSERT INTO settings VALUES ('x', 'y')")
            translated = _translate(err.value, str(ledger_path))
            assert isinstance(translated, LedgerUnavailable)
            assert translated.code == "ledger_read_only"
        finally:
            conn.close()
        return
    ledger_path.parent.chmod(0o500)
    try:
        with pytest.raises(LedgerUnavailable):
            ledger = open_ledger(ledger_path)
            _visit(ledger)
    finally:
        ledger_path.parent.chmod(0o700)


def test_rebuild_recomputes_the_read_models_from_the_log(file_ledger: Ledger) -> None:
    """A read model that drifted (or that a newer version computes differently) comes back
    exactly as the entries say; only the station admin may run it; it is audited."""
    from station_app.services import auth

    for n in range(3):
        sign_up(file_ledger, n + 1)
    _visit(file_ledger)
    before = ledger_hash(file_ledger)
    file_ledger.conn.execute("PRAGMA foreign_keys = OFF")
    file_ledger.conn.execute("UPDATE members SET name = '', name_pinyin = ''")
    assert ledger_hash(file_ledger) != before
    auth.setup_admin(file_ledger, "boss", "246810")
    clerk = auth.create_attendant(file_ledger, "clerk", "1357", by="boss",
                                  attendant=auth.get_attendant(file_ledger, "boss"))
    with pytest.raises(Refused):
        station.rebuild_read_models(file_ledger, by="clerk", attendant=clerk)
    counts = station.rebuild_read_models(file_ledger, by="boss",
                                         attendant=auth.get_attendant(file_ledger, "boss"))
    assert counts["members"] == 3 and counts["visits"] == 1
    assert ledger_hash(file_ledger) == before
    assert audit.last(file_ledger, audit.SETTING).subject == "rebuild"
