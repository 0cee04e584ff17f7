"""The "Change my PIN…" dialog and its place in the main window, driven with pytest-qt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton

from station_app.data.db import open_ledger
from station_app.domain.errors import Refused
from station_app.services import audit, auth
from station_app.ui import i18n
from station_app.ui.context import AppContext
from station_app.ui.security_pin import SHORTCUT, ChangePinDialog, change_my_pin
from tests.helpers import PROJECTION_TABLES, ledger_hash
from tests.security.conftest import AUDITOR, CLERK_PIN, add_staff, staff

pytestmark = pytest.mark.gui

EVERYTHING = ("entries", *PROJECTION_TABLES, "attendants", "audit_log")


@pytest.fixture
def ctx(qapp: QApplication, ledger_path: Path) -> Iterator[AppContext]:
    """The clerk is signed in, in English."""
    i18n.register_fonts(qapp)
    i18n.install("en")
    ledger = open_ledger(ledger_path)
    add_staff(ledger)
    context = AppContext(ledger_path, ledger, lang="en", actor="clerk")
    context.attendant = staff(ledger, "clerk")  # type: ignore[attr-defined]
    yield context
    i18n.install("en")
    ledger.close()


def _dialog(qtbot: Any, ctx: AppContext) -> ChangePinDialog:
    dialog = ChangePinDialog(ctx, staff(ctx.ledger, "clerk"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot: Any, dialog: ChangePinDialog, current: str, new: str, again: str) -> None:
    for field, text in ((dialog.current, current), (dialog.new, new), (dialog.again, again)):
        field.clear()
        qtbot.keyClicks(field, text)
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)  # Enter submits


def _pin_still(ctx: AppContext, pin: str) -> bool:
    try:
        auth.authenticate(ctx.ledger, "clerk", pin)
        return True
    except Refused:
        return False


def test_fields_hide_what_is_typed(qtbot: Any, ctx: AppContext) -> None:
    dialog = _dialog(qtbot, ctx)
    for field in (dialog.current, dialog.new, dialog.again):
        assert field.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.focusWidget() is dialog.current
    assert dialog.findChild(QLabel, "changePinAccount").text() == "Account: clerk (clerk)"


def test_bad_entries_are_explained_and_change_nothing(qtbot: Any, ctx: AppContext) -> None:
    dialog = _dialog(qtbot, ctx)
    before = ledger_hash(ctx.ledger, EVERYTHING)
    _type(qtbot, dialog, CLERK_PIN, "2468", "2469")
    assert dialog.message.text() == "The two new PINs do not match."
    assert dialog.isVisible() and dialog.again.text() == "" and dialog.new.text() == "2468"
    _type(qtbot, dialog, CLERK_PIN, "12", "12")
    assert "too short" in dialog.message.text() and dialog.new.text() == ""
    _type(qtbot, dialog, CLERK_PIN, CLERK_PIN, CLERK_PIN)
    assert "must differ" in dialog.message.text()
    assert ledger_hash(ctx.ledger, EVERYTHING) == before  # nothing tried, nothing written
    _type(qtbot, dialog, "0000", "2468", "2468")
    assert "current PIN is wrong" in dialog.message.text()
    assert dialog.isVisible() and dialog.current.text() == "" and dialog.changed is None
    assert dialog.focusWidget() is dialog.current
    # The wrong current PIN counted like a failed sign-in; the PIN itself is unchanged.
    assert staff(ctx.ledger, "clerk").failed_attempts == 1
    assert _pin_still(ctx, CLERK_PIN)


def test_enter_changes_the_pin(qtbot: Any, ctx: AppContext) -> None:
    dialog = _dialog(qtbot, ctx)
    with qtbot.waitSignal(dialog.accepted):
        _type(qtbot, dialog, CLERK_PIN, "harbour-77", "harbour-77")
    assert dialog.changed is not None and dialog.changed.username == "clerk"
    assert _pin_still(ctx, "harbour-77") and not _pin_still(ctx, CLERK_PIN)
    row = audit.rows(ctx.ledger, 10, action=audit.ATTENDANT, attendant=AUDITOR)[0]
    assert row.detail == {"op": "change_own_pin", "via": "gui"} and row.actor == "clerk"


def test_escape_cancels_without_a_trace(qtbot: Any, ctx: AppContext) -> None:
    dialog = _dialog(qtbot, ctx)
    before = ledger_hash(ctx.ledger, EVERYTHING)
    qtbot.keyClicks(dialog.current, CLERK_PIN)
    qtbot.keyClicks(dialog.new, "2468")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.new, Qt.Key.Key_Escape)
    assert dialog.changed is None
    assert ledger_hash(ctx.ledger, EVERYTHING) == before


def test_chinese_dialog_and_messages(qtbot: Any, ctx: AppContext) -> None:
    i18n.install("zh_CN")
    ctx.lang = "zh_CN"
    dialog = _dialog(qtbot, ctx)
    assert dialog.windowTitle() == "修改我的密码"
    assert dialog.findChild(QPushButton, "changePinOk").text() == "修改密码"
    _type(qtbot, dialog, "0000", "2468", "2468")
    assert dialog.message.text() == "当前密码/PIN 不正确，密码未更改"
    _type(qtbot, dialog, CLERK_PIN, "2468", "2460")
    assert dialog.message.text() == "两次输入的新密码不一致。"


def _close_done_box(qtbot: Any) -> QMessageBox:
    box: list[QMessageBox] = []

    def found() -> bool:
        box[:] = [w for w in QApplication.topLevelWidgets()
                  if isinstance(w, QMessageBox) and w.objectName() == "changePinDone"
                  and w.isVisible()]
        return bool(box)

    qtbot.waitUntil(found)
    box[0].close()
    return box[0]


def test_main_window_menu_and_shortcut(qtbot: Any, ctx: AppContext,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from station_app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    action = window.findChild(QAction, "actionChangePin")
    assert action is not None and action.text() == "Change my &PIN…"
    assert action.shortcut() == QKeySequence(SHORTCUT)
    station_menu = window.menuBar().actions()[0].menu()
    assert action in station_menu.actions()
    # The shortcut clashes with nothing else in the window (menus, tabs, counter keys).
    taken = [s.toString() for a in window.findChildren(QAction) for s in a.shortcuts()]
    assert taken.count(QKeySequence(SHORTCUT).toString()) == 1
    assert "Ctrl+L" not in taken  # the lock screen's key stays free

    def exec_(dialog: ChangePinDialog) -> int:
        dialog.show()
        _type(qtbot, dialog, CLERK_PIN, "2468", "2468")
        return int(dialog.result())

    monkeypatch.setattr(ChangePinDialog, "exec", exec_)
    window.windowHandle().requestActivate()  # shortcuts fire in the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    box = _close_done_box(qtbot)
    assert "changed" in box.text()
    assert _pin_still(ctx, "2468")


def test_nobody_signed_in(qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx.attendant = None  # type: ignore[attr-defined]
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text, *a: told.append(text))
    assert not change_my_pin(ctx)
    assert told and "Nobody is signed in" in told[0]
