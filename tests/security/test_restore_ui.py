"""Restoring a backup from the Security page: admin only, checked first, confirmed, reopened.

Real backups (``backup.write_backup``) and real restores on a file ledger, in the real main
window; only the modal dialogs are answered by the test (their ``exec`` is replaced).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from station_app.data.db import open_ledger
from station_app.services import audit, backup, restore_plan, visits
from station_app.ui import jobs, security_restore
from station_app.ui.context import AppContext
from station_app.ui.main_window import MainWindow
from station_app.ui.security_restore import ChooseBackupDialog, ConfirmRestoreDialog
from tests.helpers import ledger_hash, sign_up
from tests.security.conftest import ADMIN_PIN, AUDITOR, CLERK_PIN, staff, unlock_as
from tests.ui.conftest import english_context

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(qapp: QApplication, ledger_path: Path, fixed_clock: Any) -> Iterator[AppContext]:
    """The station admin ``boss`` signed in on a file ledger with one member, in English."""
    yield from english_context(qapp, ledger_path, members=1, staffed=True)


@pytest.fixture
def window(qtbot: Any, ctx: AppContext) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    # Background work may run when the window opens (a count for a page shown); a restore
    # waits for it (with a busy indicator), which the tests below do not mean to show.
    assert jobs.wait_for_all()
    return win


def _answer(monkeypatch: pytest.MonkeyPatch, cls: type[QDialog],
            fill: Callable[[Any], None]) -> list[Any]:
    """Replace ``cls.exec`` (a nested event loop) by filling the dialog in the test's loop."""
    shown: list[Any] = []

    def exec_(dialog: QDialog) -> int:
        dialog.show()
        shown.append(dialog)
        fill(dialog)
        return int(dialog.result())

    monkeypatch.setattr(cls, "exec", exec_)
    return shown


def _choose(path: Path) -> Callable[[Any], None]:
    def fill(dialog: ChooseBackupDialog) -> None:
        for row in range(dialog.list.count()):
            if Path(str(dialog.list.item(row).data(Qt.ItemDataRole.UserRole))) == path:
                dialog.list.setCurrentRow(row)
        dialog.check_button.click()
    return fill


def _message(name: str) -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == name \
                and widget.isVisible():
            return widget
    return None


def _visit(ledger: Any, member: str) -> str:
    return visits.record_visit(ledger, ["water"], by="boss", member=member).id


def _state(path: Path) -> tuple[str, int, list[str]]:
    """The ledger's content, its audit rows and the backups beside it."""
    ledger = open_ledger(path)
    try:
        rows = ledger.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
        return ledger_hash(ledger), rows, sorted(b.path.name for b in backup.list_backups(path))
    finally:
        ledger.close()


def test_restore_is_disabled_with_a_tooltip_for_a_non_admin(qtbot: Any, ctx: AppContext) -> None:
    from station_app.ui.security_page import SecurityPage

    ctx.attendant = staff(ctx.ledger, "sup")  # type: ignore[attr-defined]
    page = SecurityPage(ctx)
    qtbot.addWidget(page)
    assert page.now_button.isEnabled()  # a supervisor account may back up ...
    assert not page.restore_button.isEnabled()  # ... but not restore
    assert "station admin" in page.restore_button.toolTip()
    # The slot called directly is refused in words and audited as denied.
    page.restore_from_backup()
    box = _message("restoreRefused")
    assert box is not None and "may not do this" in box.text()
    box.close()
    assert audit.rows(ctx.ledger, 1, action=audit.DENIED, attendant=AUDITOR)[0].actor == "sup"
    ctx.attendant = staff(ctx.ledger, "boss")  # type: ignore[attr-defined]
    page.refresh()
    assert page.restore_button.isEnabled() and not page.restore_button.toolTip()


def test_the_admin_restores_a_backup_and_the_window_shows_the_restored_ledger(
        qtbot: Any, ctx: AppContext, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    boss = staff(ctx.ledger, "boss")
    member = sign_up(ctx.ledger, 2, name="李四")
    _visit(ctx.ledger, member)
    made = backup.write_backup(ctx.ledger, tmp_path / "usb" / "mzl01.zip", by="boss",
                               attendant=boss)
    late = _visit(ctx.ledger, member)  # after the backup: the restore takes it away
    ctx.changed()
    counter: Any = window.pages["counter"]
    assert counter.today_model.row_of(late) >= 0
    epoch_before = ctx.ledger.epoch

    monkeypatch.setattr(security_restore.QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(made.path), ""))

    def pick_other_file(dialog: ChooseBackupDialog) -> None:
        dialog.other_button.click()

    _answer(monkeypatch, ChooseBackupDialog, pick_other_file)
    seen: list[str] = []

    def confirm(dialog: ConfirmRestoreDialog) -> None:
        seen.append(dialog.what.text())
        text = dialog.code
        assert not dialog.ok.isEnabled()
        qtbot.keyClicks(text, "mzl0")
        assert not dialog.ok.isEnabled()  # the whole code, nothing less
        qtbot.keyClicks(text, "1")
        assert dialog.ok.isEnabled()
        dialog.ok.click()

    _answer(monkeypatch, ConfirmRestoreDialog, confirm)
    security = window.pages["security"]
    flow = security.restore_from_backup()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: flow.done, timeout=30_000)
    jobs.wait_for_all()

    what = seen[0]
    assert "pre-restore" in what and str(backup.backup_dir(ctx.ledger_path)) in what
    assert ("1 entry was made at this station after the backup. 1 was never exported and is"
            " lost unless entered again.") in what
    assert f"A new epoch ({epoch_before + 1})" in what

    # The window now works on the restored ledger: the late visit is gone from its pages.
    assert flow.restored_epoch == epoch_before + 1
    assert ctx.ledger.epoch == epoch_before + 1
    assert ctx.ledger.conn.execute("SELECT COUNT(*) FROM visits WHERE entry_id = ?",
                                   (late,)).fetchone()[0] == 0
    counter = window.pages["counter"]
    assert counter.today_model.row_of(late) == -1
    rebuilt: Any = window.pages["security"]
    assert rebuilt is not security  # built again on the restored ledger, and it lists the copy
    assert any("pre-restore" in rebuilt.list.item(i).text() for i in range(rebuilt.list.count()))
    done = _message("restoreDone")
    assert done is not None and f"Epoch {epoch_before + 1}" in done.text()
    done.close()
    # The ledger as it was is kept as a pre-restore backup, not deleted.
    aside = [b for b in backup.list_backups(ctx.ledger_path) if b.kind == "pre-restore"]
    assert len(aside) == 1 and aside[0].path.exists()
    kept = restore_plan.plan(aside[0].path, ctx.ledger)
    assert kept.in_backup.visits == ctx.ledger.conn.execute(
        "SELECT COUNT(*) FROM visits WHERE voided = 0").fetchone()[0] + 1
    # Audited with the signed-in admin's name; still signed in, with the restored account.
    row = audit.rows(ctx.ledger, 1, action=audit.RESTORE, attendant=AUDITOR)[0]
    assert row.actor == "boss" and row.subject == "mzl01.zip"
    assert row.detail["new_epoch"] == epoch_before + 1
    assert ctx.attendant.username == "boss"  # type: ignore[attr-defined]
    # The last folder is remembered for the next time.
    from station_app.ui.context import ui_settings

    assert ui_settings().value(security_restore.FOLDER_SETTING) == str(made.path.parent)


def test_a_damaged_backup_is_refused_in_words_and_changes_nothing(
        qtbot: Any, ctx: AppContext, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    boss = staff(ctx.ledger, "boss")
    made = backup.write_backup(ctx.ledger, backup.backup_dir(ctx.ledger_path) / "manual-x.zip",
                               by="boss", attendant=boss)
    data = bytearray(made.path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = b"\x00" * 64
    made.path.write_bytes(bytes(data))
    before = _state(ctx.ledger_path)
    _answer(monkeypatch, ChooseBackupDialog, _choose(made.path))
    confirmations = _answer(monkeypatch, ConfirmRestoreDialog, lambda d: d.reject())
    flow = window.pages["security"].restore_from_backup()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: flow.done, timeout=30_000)
    jobs.wait_for_all()
    box = _message("restoreRefused")
    assert box is not None
    assert "cannot be restored" in box.text() and "Nothing was changed" in box.text()
    assert "damaged" in box.text() or "checksum" in box.text() or "ZIP" in box.text()
    box.close()
    assert not confirmations
    assert _state(ctx.ledger_path) == before
    assert "security" in window.pages  # the window never let go of its ledger


def test_cancel_at_the_confirmation_changes_nothing(
        qtbot: Any, ctx: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    boss = staff(ctx.ledger, "boss")
    made = backup.auto_backup(ctx.ledger, "manual", by="boss", attendant=boss)
    assert made is not None
    _visit(ctx.ledger, sign_up(ctx.ledger, 3, name="王五"))
    before = _state(ctx.ledger_path)
    _answer(monkeypatch, ChooseBackupDialog, _choose(made.path))
    confirmations = _answer(monkeypatch, ConfirmRestoreDialog, lambda d: d.reject())
    security = window.pages["security"]
    flow = security.restore_from_backup()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: flow.done, timeout=30_000)
    jobs.wait_for_all()
    assert len(confirmations) == 1
    assert _state(ctx.ledger_path) == before
    assert window.pages["security"] is security  # nothing was torn down


@pytest.fixture
def hold(window: MainWindow) -> Iterator[Callable[[], threading.Event]]:
    """Starts other work of the window (a backup, an import …) that runs until the test lets it
    go (or the test ends, whatever happened)."""
    gates: list[threading.Event] = []

    def start() -> threading.Event:
        gate = threading.Event()
        gates.append(gate)
        jobs.run_in_background(window, lambda _job: gate.wait(20))
        return gate

    yield start
    for gate in gates:
        gate.set()
    jobs.wait_for_all()


def test_the_restore_waits_for_other_work_and_then_goes_on(
        qtbot: Any, ctx: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        hold: Callable[[], threading.Event]) -> None:
    """Work the window is doing (here: when the button is clicked, and again when the admin
    confirms) is waited for with a Cancel button, not refused; the restore then goes on."""
    boss = staff(ctx.ledger, "boss")
    made = backup.auto_backup(ctx.ledger, "manual", by="boss", attendant=boss)
    assert made is not None
    epoch = ctx.ledger.epoch
    first = hold()
    chosen = _answer(monkeypatch, ChooseBackupDialog, _choose(made.path))
    later: list[threading.Event] = []

    def confirm(dialog: ConfirmRestoreDialog) -> None:
        later.append(hold())  # work started while the admin read the confirmation
        qtbot.keyClicks(dialog.code, "MZL01")
        dialog.ok.click()

    _answer(monkeypatch, ConfirmRestoreDialog, confirm)
    security = window.pages["security"]
    flow = security.restore_from_backup()  # type: ignore[attr-defined]
    waiting = flow.waiting
    assert waiting is not None and waiting.isVisible() and "Waiting" in waiting.labelText()
    qtbot.wait(300)
    assert chosen == [] and not flow.done  # still waiting, nothing refused
    first.set()
    qtbot.waitUntil(lambda: bool(later), timeout=10_000)
    qtbot.waitUntil(lambda: flow.waiting is not waiting and flow.waiting.isVisible(),
                    timeout=10_000)
    qtbot.wait(300)
    assert ctx.ledger.epoch == epoch and not flow.done
    later[0].set()
    qtbot.waitUntil(lambda: flow.done, timeout=30_000)
    jobs.wait_for_all()
    assert flow.restored_epoch == epoch + 1
    done = _message("restoreDone")
    assert done is not None
    done.close()


@pytest.mark.parametrize("how", ["button", "esc"])
def test_cancel_while_waiting_for_other_work_changes_nothing(
        qtbot: Any, ctx: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        hold: Callable[[], threading.Event], how: str) -> None:
    before = _state(ctx.ledger_path)
    gate = hold()
    chosen = _answer(monkeypatch, ChooseBackupDialog, lambda d: d.reject())
    flow = window.pages["security"].restore_from_backup()  # type: ignore[attr-defined]
    waiting = flow.waiting
    assert waiting is not None
    if how == "esc":
        qtbot.keyClick(waiting, Qt.Key.Key_Escape)
    else:
        cancel = waiting.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Cancel"
        cancel.click()
    assert flow.done
    gate.set()
    jobs.wait_for_all()
    qtbot.wait(300)
    assert chosen == []  # the restore did not go on once the work ended
    assert _state(ctx.ledger_path) == before


def test_a_message_of_other_work_is_answered_before_the_restore_goes_on(
        qtbot: Any, ctx: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        hold: Callable[[], threading.Event]) -> None:
    """Work that ended with a message (a failed backup, say) is over only once the message is
    read: the restore would otherwise close the ledger under the code waiting for that answer."""
    gate = hold()
    chosen = _answer(monkeypatch, ChooseBackupDialog, lambda d: d.reject())
    flow = window.pages["security"].restore_from_backup()  # type: ignore[attr-defined]
    box = QMessageBox(QMessageBox.Icon.Warning, "Backup", "The backup could not be written.",
                      QMessageBox.StandardButton.Ok, window)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.show()
    gate.set()
    jobs.wait_for_all()
    qtbot.wait(400)
    assert chosen == [] and not flow.done  # the message is still open
    box.accept()
    qtbot.waitUntil(lambda: flow.done, timeout=10_000)
    assert len(chosen) == 1


def test_the_restore_waits_behind_the_lock_and_is_dropped_for_someone_else(
        qtbot: Any, ctx: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        hold: Callable[[], threading.Event]) -> None:
    """The screen locks while the restore waits: it does not go on behind the lock, and when
    another attendant signs in it is dropped (it was the admin's); the window comes back."""
    from station_app.ui.sign_in import IdleLock

    before = _state(ctx.ledger_path)
    lock = IdleLock(ctx, minutes=5)
    ctx.idle_lock = lock  # type: ignore[attr-defined]
    gate = hold()
    chosen = _answer(monkeypatch, ChooseBackupDialog, lambda d: d.reject())
    flow = window.pages["security"].restore_from_backup()  # type: ignore[attr-defined]
    lock.lock()
    gate.set()
    jobs.wait_for_all()
    qtbot.wait(400)
    assert chosen == [] and not flow.done  # not behind the lock
    unlock_as(qtbot, lock, "clerk", CLERK_PIN)
    qtbot.waitUntil(lambda: flow.done, timeout=10_000)
    assert chosen == [] and ctx.actor == "clerk" and window.isEnabled()
    content, _audit_rows, backups = _state(ctx.ledger_path)
    assert (content, backups) == (before[0], before[2])  # only the lock and sign-in logged


def test_an_encrypted_backup_asks_for_its_passphrase_until_it_is_right(
        qtbot: Any, ctx: AppContext, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    boss = staff(ctx.ledger, "boss")
    made = backup.write_backup(ctx.ledger, tmp_path / "usb" / "sealed.zip",
                               passphrase="correct horse", by="boss", attendant=boss)
    answers = iter(["wrong horse", "correct horse"])
    asked: list[bool] = []

    def passphrase(_parent: Any, wrong: bool) -> str:
        asked.append(wrong)
        return next(answers)

    monkeypatch.setattr(security_restore, "ask_passphrase", passphrase)
    monkeypatch.setattr(security_restore.QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(made.path), ""))
    _answer(monkeypatch, ChooseBackupDialog, lambda d: d.other_button.click())
    plans: list[Any] = []

    def look(dialog: ConfirmRestoreDialog) -> None:
        plans.append(dialog.plan)
        dialog.reject()

    _answer(monkeypatch, ConfirmRestoreDialog, look)
    flow = window.pages["security"].restore_from_backup()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: flow.done, timeout=30_000)
    jobs.wait_for_all()
    assert asked == [False, True]
    assert plans and plans[0].keys == "encrypted" and plans[0].in_backup.members == 1


def test_a_backup_of_another_station_is_refused_in_words(
        qtbot: Any, ctx: AppContext, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from station_app.services import auth, station

    other = open_ledger(tmp_path / "other" / "other.db", create=True)
    try:
        station.init_station(other, code="EEH01", name="二连浩特口岸驿站", by="t")
        made = backup.write_backup(other, tmp_path / "other.zip", attendant=auth.TrustedCaller("t"))
    finally:
        other.close()
    before = _state(ctx.ledger_path)
    monkeypatch.setattr(security_restore.QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(made.path), ""))
    _answer(monkeypatch, ChooseBackupDialog, lambda d: d.other_button.click())
    flow = window.pages["security"].restore_from_backup()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: flow.done, timeout=10_000)
    box = _message("restoreRefused")
    assert box is not None and "EEH01" in box.text() and "MZL01" in box.text()
    assert "--other-station" not in box.text()
    box.close()
    assert _state(ctx.ledger_path) == before


def test_a_ledger_open_elsewhere_is_refused_and_the_window_keeps_working(
        qtbot: Any, ctx: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    boss = staff(ctx.ledger, "boss")
    made = backup.auto_backup(ctx.ledger, "manual", by="boss", attendant=boss)
    assert made is not None
    elsewhere = open_ledger(ctx.ledger_path)  # another Station Ledger window on this PC
    try:
        _answer(monkeypatch, ChooseBackupDialog, _choose(made.path))
        _answer(monkeypatch, ConfirmRestoreDialog,
                lambda d: (d.code.setText("MZL01"), d.ok.click()))
        flow = window.pages["security"].restore_from_backup()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: flow.done, timeout=30_000)
        jobs.wait_for_all()
        box = _message("restoreRefused")
        assert box is not None and "another Station Ledger window" in box.text()
        box.close()
        assert ctx.ledger.epoch == 1
        assert "security" in window.pages and "counter" in window.pages
        member = sign_up(ctx.ledger, 5, name="赵六")  # the window's ledger is usable again
        assert elsewhere.conn.execute("SELECT COUNT(*) FROM members WHERE member_no = ?",
                                      (member,)).fetchone()[0] == 1
    finally:
        elsewhere.close()


def test_confirmation_dialog_buttons(qtbot: Any, ctx: AppContext) -> None:
    """The Restore button is no default button: Enter in the code field never restores."""
    boss = staff(ctx.ledger, "boss")
    made = backup.auto_backup(ctx.ledger, "manual", by="boss", attendant=boss)
    assert made is not None
    dialog = ConfirmRestoreDialog(restore_plan.plan(made.path, ctx.ledger))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok.isDefault()
    cancel = dialog.findChild(QPushButton, "restoreConfirmCancel")
    assert cancel is not None and cancel.isDefault()


def test_an_account_the_backup_lacks_signs_in_again_after_the_restore(
        qtbot: Any, ctx: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from station_app.services import auth
    from station_app.ui.sign_in import SignInDialog

    boss = staff(ctx.ledger, "boss")
    made = backup.auto_backup(ctx.ledger, "manual", by="boss", attendant=boss)
    assert made is not None
    auth.create_attendant(ctx.ledger, "boss2", "97531", role="admin", by="boss", attendant=boss)
    ctx.attendant = staff(ctx.ledger, "boss2")  # type: ignore[attr-defined]
    ctx.actor = "boss2"
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)

    def sign_in_as_boss(dialog: SignInDialog) -> None:
        dialog.username.setCurrentIndex(dialog.username.findData("boss"))
        dialog.pin.setText(ADMIN_PIN)
        dialog.try_sign_in()

    _answer(monkeypatch, SignInDialog, sign_in_as_boss)
    _answer(monkeypatch, ChooseBackupDialog, _choose(made.path))
    _answer(monkeypatch, ConfirmRestoreDialog, lambda d: (d.code.setText("MZL01"), d.ok.click()))
    flow = window.pages["security"].restore_from_backup()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: flow.done, timeout=30_000)
    jobs.wait_for_all()
    assert told and "boss2" in told[0]
    assert ctx.actor == "boss" and ctx.attendant.username == "boss"  # type: ignore[attr-defined]
    assert auth.get_attendant(ctx.ledger, "boss2") is None
    row = audit.rows(ctx.ledger, 5, action=audit.RESTORE, attendant=AUDITOR)[0]
    assert row.actor == "boss2"  # who restored, carried over into the restored ledger
    assert "security" in window.pages and window.pages["security"].restore_button.isEnabled()
    done = _message("restoreDone")
    assert done is not None
    done.close()


def test_pages_built_again_are_not_refreshed_after_they_are_gone(
        qtbot: Any, ctx: AppContext, window: MainWindow) -> None:
    """A language switch (like a restore) builds the pages again; a later change of attendant
    (the lock screen) must reach only the live ones, not the deleted pages on a closed
    connection."""
    from PySide6.QtCore import QCoreApplication, QEvent

    old = window.pages["audit"]
    window.switch_language("zh_CN")
    try:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert window.pages["audit"] is not old
        ctx.attendant = staff(ctx.ledger, "sup")  # type: ignore[attr-defined]
        ctx.actor = "sup"  # pytest-qt fails the test on an exception in any slot
        assert not window.pages["security"].restore_button.isEnabled()  # type: ignore[attr-defined]
    finally:
        window.switch_language("en")


def test_cancel_while_the_backup_is_checked_changes_nothing(
        qtbot: Any, ctx: AppContext, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    boss = staff(ctx.ledger, "boss")
    made = backup.auto_backup(ctx.ledger, "manual", by="boss", attendant=boss)
    assert made is not None
    before = _state(ctx.ledger_path)
    _answer(monkeypatch, ChooseBackupDialog, _choose(made.path))
    confirmations = _answer(monkeypatch, ConfirmRestoreDialog, lambda d: d.reject())
    checking: list[Any] = []
    real_check = security_restore.RestoreFlow.check

    def check(flow: Any, path: Path, passphrase: str | None = None) -> Any:
        job = real_check(flow, path, passphrase)
        checking.append(job)
        job.cancel()  # as the progress window's Cancel button does
        return job

    monkeypatch.setattr(security_restore.RestoreFlow, "check", check)
    flow = window.pages["security"].restore_from_backup()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: flow.done, timeout=30_000)
    jobs.wait_for_all()
    assert checking and not confirmations
    assert _state(ctx.ledger_path) == before


def test_the_lock_screen_outlives_a_progress_window_that_closes_behind_it(
        qtbot: Any, ctx: AppContext, window: MainWindow) -> None:
    """Ctrl+L (or the idle time) while work shows its progress window: when the work ends and
    its window closes, the lock screen stays (it had gone with it, leaving every window
    disabled and nobody able to sign in), and signing in brings the window back."""
    from station_app.ui.jobs import Job
    from station_app.ui.sign_in import IdleLock

    lock = IdleLock(ctx, minutes=5)
    ctx.idle_lock = lock  # type: ignore[attr-defined]
    gate = threading.Event()
    job = Job(window, lambda _job: gate.wait(20)).with_progress("Working…", min_duration_ms=0)
    job.run()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    try:
        lock.lock()
    finally:
        gate.set()
    assert jobs.wait_for_all()
    qtbot.wait(200)
    assert lock.locked and lock.dialog is not None and lock.dialog.isVisible()
    unlock_as(qtbot, lock, "boss", ADMIN_PIN)
    assert window.isEnabled() and ctx.actor == "boss"
