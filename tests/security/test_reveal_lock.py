"""A full ID number shown on the Security page never outlasts the screen lock.

The admin reveals a member's number (30 seconds, reason logged); when the screen locks — idle
or Ctrl+L — the number goes at once, before the lock screen appears, and stays gone after the
unlock: seeing it again takes a new reveal, which is audited again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from station_app.services import audit
from station_app.ui.context import AppContext
from station_app.ui.sign_in import IdleLock
from tests.helpers import rid
from tests.security.conftest import (
    ADMIN_PIN,
    AUDITOR,
    CLERK_PIN,
    MovableClock,
    unlock_as,
)
from tests.ui.conftest import english_context

pytestmark = pytest.mark.gui

MEMBER = "MZL01-000001V"


@pytest.fixture
def ctx(qapp: QApplication, ledger_path: Path) -> Iterator[AppContext]:
    yield from english_context(qapp, ledger_path, members=1, staffed=True)


def _on_screen() -> str:
    """Every label and field text of every window, as someone at the PC could read it."""
    texts = []
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            texts += [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
            texts += [w.text() for w in window.findChildren(QLineEdit) if w.isVisible()]
    return "\n".join(texts)


def _reveals(ctx: AppContext) -> int:
    return sum(r.action == audit.REVEAL and r.outcome == "ok"
               for r in audit.rows(ctx.ledger, 500, attendant=AUDITOR))


def _window(qtbot: Any, ctx: AppContext) -> Any:
    from station_app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("security")
    return window, page


def _reveal(qtbot: Any, page: Any, reason: str) -> None:
    """Type the member number and the reason, click Show."""
    page.reveal_member.clear()
    qtbot.keyClicks(page.reveal_member, MEMBER)
    qtbot.keyClicks(page.reveal_reason, reason)
    qtbot.mouseClick(page.findChild(QPushButton, "revealButton"), Qt.MouseButton.LeftButton)


def test_the_idle_lock_masks_a_revealed_id_number_at_once(
        qtbot: Any, ctx: AppContext, movable_clock: MovableClock) -> None:
    window, page = _window(qtbot, ctx)
    lock = IdleLock(ctx, minutes=5)
    ctx.idle_lock = lock  # type: ignore[attr-defined]
    _reveal(qtbot, page, "card reissue")
    assert rid(1) in _on_screen() and page._hide_timer.isActive()
    assert _reveals(ctx) == 1

    movable_clock.advance(minutes=5, seconds=1)  # well inside the 30 s in Qt's own time
    lock.check()
    assert lock.locked and lock.dialog is not None
    assert rid(1) not in _on_screen()  # not behind the lock screen either
    assert page.reveal_result.text() == "" and not page._hide_timer.isActive()

    unlock_as(qtbot, lock, "boss", ADMIN_PIN)
    assert window.isEnabled() and rid(1) not in _on_screen()
    assert "**********" not in page.reveal_result.text()
    assert _reveals(ctx) == 1  # the unlock showed nothing, logged nothing

    # Seeing it again is a new reveal, with a reason again, audited again.
    _reveal(qtbot, page, "")
    assert "Reason" in page.reveal_result.text() and rid(1) not in _on_screen()
    _reveal(qtbot, page, "card reissue, again")
    assert page.reveal_result.text() == rid(1)
    assert _reveals(ctx) == 2


def test_ctrl_l_masks_it_too_and_the_next_attendant_never_sees_it(
        qtbot: Any, ctx: AppContext) -> None:
    window, page = _window(qtbot, ctx)
    lock = IdleLock(ctx, minutes=5)
    ctx.idle_lock = lock  # type: ignore[attr-defined]
    _reveal(qtbot, page, "card reissue")
    assert page.reveal_result.text() == rid(1)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: lock.locked)
    assert rid(1) not in _on_screen() and not page._hide_timer.isActive()
    unlock_as(qtbot, lock, "clerk", CLERK_PIN)
    assert ctx.actor == "clerk" and page.reveal_box.isHidden()
    assert rid(1) not in _on_screen() and page.reveal_result.text() == ""


def test_a_copied_number_leaves_the_clipboard_with_the_screen(
        qtbot: Any, ctx: AppContext) -> None:
    """The number can be selected and copied (to type it into a form): when it goes from the
    screen (lock, or its 30 seconds) it goes from the clipboard too; anything else copied
    since is left alone."""
    window, page = _window(qtbot, ctx)
    lock = IdleLock(ctx, minutes=5)
    ctx.idle_lock = lock  # type: ignore[attr-defined]
    clipboard = QApplication.clipboard()
    _reveal(qtbot, page, "card reissue")
    clipboard.setText(f"身份证号 {rid(1)}")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: lock.locked)
    assert rid(1) not in clipboard.text()
    unlock_as(qtbot, lock, "boss", ADMIN_PIN)
    _reveal(qtbot, page, "card reissue, again")
    clipboard.setText("13800000001")  # the phone number, copied after the reveal
    page.hide_revealed()  # the 30 seconds are over
    assert clipboard.text() == "13800000001"
    # The page rebuilt (language switch, or after a restore) takes it off the clipboard too.
    _reveal(qtbot, page, "card reissue, third time")
    clipboard.setText(rid(1))
    window.switch_language("zh_CN")
    assert rid(1) not in clipboard.text()
    window.switch_language("en")
