"""The GUI side: first-run setup, sign-in, idle lock, audit viewer and the backup page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from station_app.data.db import open_ledger
from station_app.domain.errors import LedgerError
from station_app.services import audit, auth, backup, visits
from station_app.ui.context import AppContext
from station_app.ui.sign_in import SetupDialog, SignInDialog, can, sign_in
from tests.helpers import sign_up
from tests.security.conftest import (
    ADMIN_PIN,
    CLERK_PIN,
    MovableClock,
    add_staff,
    staff,
    window_with_lock,
)
from tests.ui.conftest import english_context

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(qapp: QApplication, ledger_path: Path) -> Iterator[AppContext]:
    yield from english_context(qapp, ledger_path, members=1)


def _answer(monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], fill: Any) -> None:
    """Replace ``cls.exec`` (a nested event loop) by filling the dialog in the test's own loop."""

    def exec_(dialog: QDialog) -> int:
        dialog.show()
        fill(dialog)
        return int(dialog.result())

    monkeypatch.setattr(cls, "exec", exec_)


def test_first_run_setup_creates_the_admin(qtbot: Any, ctx: AppContext,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def fill(dialog: Any) -> None:
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.username, "boss")
        dialog.display.setText("站长")
        qtbot.keyClicks(dialog.pin, ADMIN_PIN)
        qtbot.keyClicks(dialog.again, "999999")
        qtbot.mouseClick(dialog.findChild(QPushButton, "setupOk"), Qt.MouseButton.LeftButton)
        assert "do not match" in dialog.message.text() and dialog.isVisible()
        dialog.again.clear()
        qtbot.keyClicks(dialog.again, ADMIN_PIN)
        qtbot.mouseClick(dialog.findChild(QPushButton, "setupOk"), Qt.MouseButton.LeftButton)

    _answer(monkeypatch, SetupDialog, fill)
    assert sign_in(ctx, background=False)
    assert ctx.actor == "boss" and can(ctx, "reveal")
    found = auth.get_attendant(ctx.ledger, "boss")
    assert found is not None and found.role == "admin" and found.display_name == "站长"


def test_sign_in_refuses_a_wrong_pin_then_accepts(qtbot: Any, ctx: AppContext,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    add_staff(ctx.ledger)
    shown: list[str] = []

    def fill(dialog: Any) -> None:
        qtbot.addWidget(dialog)
        dialog.username.setCurrentIndex(dialog.username.findData("clerk"))
        qtbot.keyClicks(dialog.pin, "0000")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
        shown.append(dialog.message.text())
        assert dialog.isVisible() and dialog.pin.text() == ""
        qtbot.keyClicks(dialog.pin, CLERK_PIN)
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    _answer(monkeypatch, SignInDialog, fill)
    assert sign_in(ctx, background=False)
    assert shown == ["Wrong user name or PIN"]
    assert ctx.actor == "clerk" and not can(ctx, "reveal") and not can(ctx, "audit")
    entry = visits.record_visit(ctx.ledger, ["water"], by=ctx.actor,
                                walk_in=visits.WalkIn("courier"))
    assert entry.recorded_by == "clerk"


def test_cancel_at_sign_in_quits(qtbot: Any, ctx: AppContext,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    add_staff(ctx.ledger)
    _answer(monkeypatch, SignInDialog, lambda dialog: dialog.reject())
    assert not sign_in(ctx, background=False)


def test_idle_lock_hides_the_counter_until_someone_signs_in(
        qtbot: Any, ctx: AppContext, movable_clock: MovableClock) -> None:
    add_staff(ctx.ledger)
    ctx.attendant = auth.authenticate(ctx.ledger, "boss", ADMIN_PIN)  # type: ignore[attr-defined]
    ctx.actor = "boss"
    window, lock = window_with_lock(qtbot, ctx)
    movable_clock.advance(minutes=4)
    lock.check()
    assert not lock.locked
    qtbot.keyClick(window, Qt.Key.Key_Shift)  # any input resets the idle time
    movable_clock.advance(minutes=4)
    lock.check()
    assert not lock.locked
    movable_clock.advance(minutes=1, seconds=1)
    lock.check()
    assert lock.locked and not window.isEnabled()
    dialog = lock.dialog
    assert dialog is not None and dialog.objectName() == "lockDialog"
    assert audit.last(ctx.ledger, audit.LOCK) is not None
    dialog.username.setCurrentIndex(dialog.username.findData("clerk"))
    qtbot.keyClicks(dialog.pin, CLERK_PIN)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.locked)
    assert window.isEnabled() and ctx.actor == "clerk"
    assert "clerk" in window._status_actor.text()
    # Ctrl+L locks at once.
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: lock.locked)
    assert lock.dialog is not None
    qtbot.keyClicks(lock.dialog.pin, CLERK_PIN)
    qtbot.keyClick(lock.dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.locked)


def test_audit_page_shows_the_log_to_admins_only(qtbot: Any, ctx: AppContext) -> None:
    from pytestqt.modeltest import ModelTester

    from station_app.ui.audit_view import AuditPage

    add_staff(ctx.ledger)
    for _ in range(3):
        backup.auto_backup(ctx.ledger, "manual", by="boss", attendant=staff(ctx.ledger, "boss"))
    ctx.attendant = auth.authenticate(ctx.ledger, "boss", ADMIN_PIN)  # type: ignore[attr-defined]
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    ModelTester(None).check(page.model)
    actions = {page.model.index(r, 2).data(Qt.ItemDataRole.UserRole + 2)
               for r in range(page.model.rowCount())}
    assert {"backup", "sign_in", "attendant"} <= actions
    page.filter.setCurrentIndex(page.filter.findData("backup"))
    assert page.model.rowCount() == 3
    ctx.attendant = auth.authenticate(ctx.ledger, "clerk", CLERK_PIN)  # type: ignore[attr-defined]
    page.refresh()
    assert page.model.rowCount() == 0 and page.table.isHidden() and not page.notice.isHidden()


def test_security_page_backs_up_and_shows_the_last_backup(qtbot: Any, ctx: AppContext) -> None:
    from station_app.ui.security_page import SecurityPage

    page = SecurityPage(ctx)
    qtbot.addWidget(page)
    assert "No backup yet" in page.last.text()
    page.backup_now()
    qtbot.waitUntil(lambda: "Backup written to" in page.result.text(), timeout=10_000)
    assert "Last backup" in page.last.text()
    assert page.list.count() == 1
    assert backup.list_backups(ctx.ledger.path)[0].kind == "manual"


def test_usb_backup_with_a_passphrase(qtbot: Any, ctx: AppContext, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from station_app.ui import security_page

    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(security_page.QFileDialog, "getExistingDirectory",
                        lambda *a, **k: str(stick))

    class Fixed(security_page.PassphraseDialog):
        def exec(self) -> int:
            self.first.setText("correct horse")
            self.second.setText("correct horse")
            return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(security_page, "PassphraseDialog", Fixed)
    page = security_page.SecurityPage(ctx)
    qtbot.addWidget(page)
    page.backup_to_usb()
    qtbot.waitUntil(lambda: "Backup written to" in page.result.text(), timeout=10_000)
    written = next(stick.glob("*.zip"))
    assert backup.read_manifest(written)["keys"]["storage"] == "encrypted"
    backup.verify_backup(written, "correct horse")


def test_a_damaged_ledger_is_refused_at_start_up_and_the_backup_offered(
        qapp: QApplication, ledger_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from station_app.ui import security_startup

    ledger = open_ledger(ledger_path)
    for n in range(1, 30):
        sign_up(ledger, n)
    backup.daily_if_due(ledger)
    ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ledger.close()
    data = bytearray(ledger_path.read_bytes())
    data[4096 * 3: 4096 * 3 + 100] = b"\xee" * 100
    ledger_path.write_bytes(bytes(data))
    damaged = ledger_path.read_bytes()
    texts: list[str] = []

    def quit_(box: Any) -> Any:
        texts.append(box.text())
        return box.findChild(QPushButton, "quitDamaged")

    monkeypatch.setattr(security_startup, "ask", quit_)
    assert not security_startup.check_ledger(ledger_path, "en")
    assert "damaged" in texts[0] and "daily-" in texts[0]
    assert ledger_path.read_bytes() == damaged  # nothing written

    monkeypatch.setattr(security_startup, "ask",
                        lambda box: box.findChild(QPushButton, "restoreBackup"))
    assert security_startup.check_ledger(ledger_path, "en")
    assert backup.check_file(ledger_path, full=True) == []
    again = open_ledger(ledger_path)
    try:
        assert again.epoch == 2
        assert again.conn.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 29
    finally:
        again.close()


def test_sign_in_starts_the_daily_backup(qtbot: Any, ctx: AppContext,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    add_staff(ctx.ledger)

    def fill(dialog: Any) -> None:
        qtbot.addWidget(dialog)
        dialog.username.setCurrentIndex(dialog.username.findData("boss"))
        dialog.pin.setText(ADMIN_PIN)
        dialog.try_sign_in()

    _answer(monkeypatch, SignInDialog, fill)
    assert sign_in(ctx)
    qtbot.waitUntil(lambda: any(b.kind == "daily" for b in backup.list_backups(ctx.ledger.path)),
                    timeout=10_000)
    assert ctx.daily_timer.isActive()  # type: ignore[attr-defined]
    ctx.daily_timer.stop()  # type: ignore[attr-defined]


def test_reveal_on_the_security_page_needs_a_reason_and_is_logged(
        qtbot: Any, ctx: AppContext) -> None:
    from station_app.ui.security_page import SecurityPage

    add_staff(ctx.ledger)
    ctx.attendant = auth.authenticate(ctx.ledger, "boss", ADMIN_PIN)  # type: ignore[attr-defined]
    page = SecurityPage(ctx)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.reveal_member, "MZL01-000001V")
    page.reveal()
    assert "Reason" in page.reveal_result.text()  # refused: no reason
    qtbot.keyClicks(page.reveal_reason, "card reissue")
    page.reveal()
    from tests.helpers import rid

    assert page.reveal_result.text() == rid(1)
    assert audit.last(ctx.ledger, audit.REVEAL) is not None
    page._hide_timer.timeout.emit()
    assert page.reveal_result.text() == ""
    ctx.attendant = auth.authenticate(ctx.ledger, "clerk", CLERK_PIN)  # type: ignore[attr-defined]
    page.refresh()
    assert page.reveal_box.isHidden()


def test_the_app_refuses_to_open_a_damaged_ledger(qapp: QApplication, ledger_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from station_app import app
    from station_app.ui import security_startup

    data = bytearray(ledger_path.read_bytes())
    data[4096 * 2: 4096 * 2 + 100] = b"\xee" * 100
    ledger_path.write_bytes(bytes(data))
    before = ledger_path.read_bytes()
    asked: list[str] = []

    def quit_(box: Any) -> Any:
        asked.append(box.objectName())
        return box.findChild(QPushButton, "quitDamaged")

    monkeypatch.setattr(security_startup, "ask", quit_)
    assert app.main(["--db", str(ledger_path), "--lang", "en"]) == 4
    assert asked == ["damagedLedger"] and ledger_path.read_bytes() == before


def test_a_large_ledger_is_checked_with_a_progress_window(
        qapp: QApplication, ledger_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up on a big ledger says what it is doing; the result is the same check."""
    from PySide6.QtWidgets import QProgressDialog

    from station_app.ui import security_startup

    ledger = open_ledger(ledger_path)
    sign_up(ledger, 1)
    ledger.close()
    seen: list[str] = []
    real_check = backup.check_file

    def slow_check(path: Any, **kw: Any) -> list[str]:
        import time

        time.sleep(0.3)  # long enough for the window to be up while the check runs
        return real_check(path, **kw)

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                seen.append(widget.labelText())

    monkeypatch.setattr(security_startup, "SHOW_PROGRESS_BYTES", 0)
    monkeypatch.setattr(security_startup.backup, "check_file", slow_check)
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(20)
    try:
        assert security_startup.check_ledger(ledger_path, "en")
    finally:
        timer.stop()
    assert seen and "Checking the ledger file" in seen[0]
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets()
                   if isinstance(w, QProgressDialog))


def test_a_check_that_fails_is_not_taken_for_damage_and_esc_does_not_skip_it(
        qapp: QApplication, ledger_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from station_app.ui import security_startup

    ledger = open_ledger(ledger_path)
    sign_up(ledger, 1)
    ledger.close()
    monkeypatch.setattr(security_startup, "SHOW_PROGRESS_BYTES", 0)
    asked: list[Any] = []
    monkeypatch.setattr(security_startup, "ask", lambda box: asked.append(box))
    still_up: list[bool] = []

    def press_esc() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                widget.reject()
                widget.close()
                still_up.append(widget.isVisible())

    def slow_then_fail(path: Any, **kw: Any) -> list[str]:
        import time

        time.sleep(0.3)
        raise OSError("the disk went away")

    monkeypatch.setattr(security_startup.backup, "check_file", slow_then_fail)
    timer = QTimer()
    timer.timeout.connect(press_esc)
    timer.start(50)
    try:
        with pytest.raises(OSError):
            security_startup.check_ledger(ledger_path, "en")
    finally:
        timer.stop()
    assert still_up and all(still_up)  # Esc and close left the window up while it checked
    assert asked == []  # no "damaged, restore?" question for a check that could not run


def test_an_older_ledger_is_upgraded_before_the_window_with_a_progress_window(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from station_app.data import migrations
    from station_app.data.keys import KeyRing, key_dir_for
    from station_app.ui import security_startup

    path = tmp_path / "old.db"
    KeyRing.generate(key_dir_for(path))
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, target=42)
    conn.close()
    monkeypatch.setattr(security_startup, "SHOW_PROGRESS_BYTES", 0)
    seen: list[str] = []

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                seen.append(widget.labelText())

    real_open = security_startup.station.open_station

    def slow_open(target: Any) -> Any:
        import time

        time.sleep(0.3)
        return real_open(target)

    monkeypatch.setattr(security_startup.station, "open_station", slow_open)
    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(20)
    try:
        security_startup.upgrade_ledger(path)
    finally:
        timer.stop()
    assert seen and "Upgrading the ledger" in seen[0]
    check = sqlite3.connect(path)
    assert migrations.current_version(check) == migrations.latest_version()
    check.close()
    assert any("pre-migrate" in b.path.name for b in backup.list_backups(path))

    def must_not_open(target: Any) -> Any:
        raise AssertionError("an up-to-date ledger is opened by the app, not here")

    monkeypatch.setattr(security_startup.station, "open_station", must_not_open)
    security_startup.upgrade_ledger(path)  # already current: nothing to do, nothing shown


def test_the_admin_sets_a_new_pin_for_an_attendant_on_the_security_page(
        qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """An attendant who forgot their PIN: the admin gives a new one without the command line."""
    from station_app.ui import security_page

    add_staff(ctx.ledger)
    for _ in range(3):  # locked out by wrong PINs, as a forgotten PIN ends
        with pytest.raises(LedgerError):
            auth.authenticate(ctx.ledger, "clerk", "0000")
    ctx.attendant = auth.authenticate(ctx.ledger, "boss", ADMIN_PIN)  # type: ignore[attr-defined]
    page = security_page.SecurityPage(ctx)
    qtbot.addWidget(page)
    button = page.findChild(QPushButton, "attendantSetPin")
    assert button is not None and button.isVisibleTo(page)
    page.people.setCurrentRow(next(i for i in range(page.people.count())
                                   if page.people.item(i).text().startswith("clerk")))
    shown: list[str] = []

    def fill(dialog: Any) -> None:
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.pin, "12")
        qtbot.keyClicks(dialog.again, "12")
        dialog.set_pin()  # too short: refused in the dialog, nothing changes
        shown.append(dialog.message.text())
        dialog.pin.clear()
        dialog.again.clear()
        qtbot.keyClicks(dialog.pin, "9753")
        qtbot.keyClicks(dialog.again, "9753")
        dialog.set_pin()

    _answer(monkeypatch, security_page.SetPinDialog, fill)
    button.click()
    assert shown[0] and "set-pin" not in shown[0] and "--" not in shown[0]
    assert auth.authenticate(ctx.ledger, "clerk", "9753").username == "clerk"  # and unlocked
    row = audit.last(ctx.ledger, audit.ATTENDANT)
    assert row is not None and row.subject == "clerk" and row.detail["op"] == "set_pin"
    assert "9753" not in json.dumps(row.detail)


def test_the_passphrase_window_shows_its_whole_warning_in_chinese(qtbot: Any) -> None:
    """The last line of the sentence ("…份无法恢复。") was cut off at the bottom."""
    from PySide6.QtWidgets import QLabel

    from station_app.ui import i18n, security_page

    i18n.install("zh_CN")
    try:
        dialog = security_page.PassphraseDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        text = max(dialog.findChildren(QLabel), key=lambda label: len(label.text()))
        assert text.text().endswith("无法恢复。")
        assert text.height() >= text.heightForWidth(text.width())
    finally:
        i18n.install("en")
