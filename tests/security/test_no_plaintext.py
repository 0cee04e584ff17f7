"""Every member's full ID number is absent, in plain text, from every file the app writes."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

from station_app import logs
from station_app.data.db import Ledger
from station_app.services import backup, visits
from tests.helpers import rid, sign_up

MEMBERS = range(1, 41)


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _blobs(path: Path) -> list[tuple[str, bytes]]:
    """The file's bytes and, for a zip (backup, bundle), every member decompressed."""
    data = path.read_bytes()
    found = [(str(path), data)]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            found.extend((f"{path}!{name}", zf.read(name)) for name in zf.namelist())
    return found


def _hits(paths: list[Path], numbers: list[str]) -> list[str]:
    needles = [n.encode() for n in numbers] + [n.encode("utf-16-le") for n in numbers]
    hits = []
    for path in paths:
        for name, blob in _blobs(path):
            hits.extend(f"{name}: {needle[:6]!r}..." for needle in needles if needle in blob)
    return hits


def test_no_full_id_number_in_ledger_wal_backups_logs_or_bundle(tmp_path: Path) -> None:
    from tests.sync import kit

    log_dir = tmp_path / "logs"
    logs.setup(folder=log_dir)
    log = logging.getLogger("station_app.scan")
    st: Ledger = kit.new_ledger(tmp_path / "station" / "station.db", "MZL01", "满洲里")
    sup: Ledger = kit.new_ledger(tmp_path / "sup" / "sup.db", "HLB00", "呼伦贝尔",
                                 supervisor=True)
    try:
        kit.link(sup, st, tmp_path / "ids")
        for n in MEMBERS:
            number = sign_up(st, n, name=f"测试{n}")
            log.info("signed up %s with ID %s", number, rid(n))  # careless logging is masked
            visits.record_visit(st, ["water"], by="t", member=number)
        # The WAL still holds recent pages (no checkpoint yet): scan it as it is.
        wal = Path(st.path + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        wal_copy = tmp_path / "wal-copy"
        wal_copy.write_bytes(wal.read_bytes())
        backup.daily_if_due(st)
        backup.before_import(st)
        manual = backup.write_backup(st, tmp_path / "usb" / "manual.zip").path
        bundle = kit.export(st, tmp_path / "bundles").path
        kit.import_one(sup, bundle)
        for handler in logs._installed:
            handler.flush()
        files = [Path(st.path), wal_copy, manual, bundle, Path(sup.path),
                 *_files_under(backup.backup_dir(st.path)), *_files_under(log_dir)]
        assert any(p.name.startswith("daily-") for p in files)
        assert any(p.name.startswith("pre-import-") for p in files)
        assert any(p.suffix == ".log" for p in files)
        numbers = [rid(n) for n in MEMBERS]
        assert _hits(files, numbers) == []
        # The scan itself works: a file that does hold one is found.
        canary = tmp_path / "canary.txt"
        canary.write_text(f"x{numbers[3]}x")
        assert _hits([canary], numbers)
    finally:
        for handler in logs._installed:
            logging.getLogger().removeHandler(handler)
            handler.close()
        logs._installed.clear()
        st.close()
        sup.close()
