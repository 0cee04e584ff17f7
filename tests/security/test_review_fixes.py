"""Review fixes: restore never reuses an epoch, parallel wrong PINs all count, rotation keeps
pre-restore and manual backups."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from station_app.data.db import Ledger, open_ledger
from station_app.domain import clock
from station_app.domain.errors import Refused
from station_app.services import audit, auth, backup, visits
from tests.conftest import T0
from tests.security.conftest import AUDITOR, add_staff


def _visit(ledger: Ledger) -> tuple[int, int]:
    entry = ledger.entry(visits.record_visit(ledger, ["water"], by="t",
                                             walk_in=visits.WalkIn("courier")).id)
    return entry.epoch, entry.seq


def test_restoring_the_same_backup_twice_never_reuses_an_epoch(file_ledger: Ledger,
                                                                tmp_path: Path) -> None:
    _visit(file_ledger)
    info = backup.write_backup(file_ledger, tmp_path / "usb" / "b.zip", by="boss")
    path = Path(file_ledger.path)
    file_ledger.close()

    first = backup.restore(info.path, path, by="boss")
    try:
        one = _visit(first)
    finally:
        first.close()
    second = backup.restore(info.path, path, by="boss")
    try:
        two = _visit(second)
        assert second.epoch == 3
    finally:
        second.close()
    assert one != two
    assert one[0] == 2 and two[0] == 3


def test_the_new_epoch_is_written_before_the_ledger_is_replaced(
        file_ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    info = backup.write_backup(file_ledger, tmp_path / "usb" / "b.zip", by="boss")
    path = Path(file_ledger.path)
    file_ledger.close()
    real_open = backup.open_ledger
    real_replace = backup.os.replace
    replaced: list[str] = []

    def note_replace(src: str, dst: str) -> None:
        real_replace(src, dst)
        replaced.append(str(dst))

    def crash_after_replace(target: object, **kw: object) -> Ledger:
        if str(path) in replaced and Path(str(target)) == path:
            raise KeyboardInterrupt  # the PC dies right after os.replace
        return real_open(target, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(backup, "open_ledger", crash_after_replace)
    monkeypatch.setattr(backup.os, "replace", note_replace)
    with pytest.raises(KeyboardInterrupt):
        backup.restore(info.path, path, by="boss")
    monkeypatch.undo()
    reopened = open_ledger(path)
    try:
        assert reopened.epoch == 2
        assert _visit(reopened)[0] == 2
    finally:
        reopened.close()


def test_parallel_wrong_pins_all_count(ledger_path: Path, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    monkeypatch.setattr(auth, "FREE_ATTEMPTS", 1000)  # no lock-out: every attempt reaches scrypt
    setup = open_ledger(ledger_path)
    add_staff(setup)
    setup.close()
    attempts = 6
    start = threading.Barrier(attempts)
    outcomes: list[str] = []

    def guess(n: int) -> None:
        ledger = open_ledger(ledger_path)
        try:
            start.wait()
            auth.authenticate(ledger, "clerk", f"99{n:02d}", via="cli")
        except Refused as exc:
            outcomes.append(exc.code)
        finally:
            ledger.close()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes == ["signin_failed"] * attempts
    check = open_ledger(ledger_path)
    try:
        found = auth.get_attendant(check, "clerk")
        assert found is not None and found.failed_attempts == attempts
    finally:
        check.close()


def test_parallel_wrong_pins_cannot_get_past_the_lock_out(ledger_path: Path) -> None:
    setup = open_ledger(ledger_path)
    add_staff(setup)
    setup.close()
    attempts = 8
    start = threading.Barrier(attempts)

    def guess(n: int) -> None:
        ledger = open_ledger(ledger_path)
        try:
            start.wait()
            auth.authenticate(ledger, "clerk", f"88{n:02d}", via="cli")
        except Refused:
            pass
        finally:
            ledger.close()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    check = open_ledger(ledger_path)
    try:
        tested = [r for r in audit.rows(check, action=audit.SIGN_IN, attendant=AUDITOR)
                  if r.detail.get("why") == "wrong_pin"]
        # Only the attempts up to the one that triggers the lock-out ever test a PIN.
        assert len(tested) == auth.FREE_ATTEMPTS
        found = auth.get_attendant(check, "clerk")
        assert found is not None and found.failed_attempts == auth.FREE_ATTEMPTS
        assert auth.seconds_locked(found) > 0
    finally:
        check.close()


def test_rotation_never_deletes_pre_restore_or_manual_backups(file_ledger: Ledger) -> None:
    with file_ledger.write():
        file_ledger.set_setting(backup.KEEP_PREOP_SETTING, "1")
        file_ledger.set_setting(backup.KEEP_DAILY_SETTING, "1")
    for minute in range(3):
        with clock.fixed(T0.replace(minute=minute)):
            backup.auto_backup(file_ledger, "manual")
            backup.auto_backup(file_ledger, "pre-restore")
            backup.before_import(file_ledger)
    found = backup.list_backups(file_ledger.path)
    assert sum(b.kind == "manual" for b in found) == 3
    assert sum(b.kind == "pre-restore" for b in found) == 3
    assert sum(b.kind == "pre-import" for b in found) == 1
