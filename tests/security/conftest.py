"""Fixtures for the security tests: a movable clock and a ledger with an admin and an attendant."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from station_app.data.db import Ledger
from station_app.domain import clock
from station_app.services import auth
from tests.conftest import T0

ADMIN_PIN = "246810"
CLERK_PIN = "1357"
AUDITOR = auth.TrustedCaller("tests")
"""Reads the audit log in the tests' own checks (``audit.rows`` needs the ``audit`` permission)."""


class MovableClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@pytest.fixture
def movable_clock() -> Iterator[MovableClock]:
    moving = MovableClock(T0)
    clock.set_source(lambda: moving.now)
    yield moving
    clock.set_source(None)


def add_staff(ledger: Ledger) -> None:
    boss = auth.setup_admin(ledger, "boss", ADMIN_PIN, "站长")
    auth.create_attendant(ledger, "clerk", CLERK_PIN, role="attendant", by="boss",
                          attendant=boss)
    auth.create_attendant(ledger, "sup", "sup-pass-1", role="supervisor", by="boss",
                          attendant=boss)


def staff(ledger: Ledger, username: str) -> auth.Attendant:
    """A signed-up account as the services see it (to pass as ``attendant=``)."""
    found = auth.get_attendant(ledger, username)
    assert found is not None
    return found


@pytest.fixture
def staffed(fresh_db: Ledger) -> Ledger:
    add_staff(fresh_db)
    return fresh_db


def unlock_as(qtbot: Any, lock: Any, username: str, pin: str) -> None:
    """Sign in on the lock screen of ``lock`` (an ``IdleLock``) as a person would: the name,
    the PIN, Enter; returns once the screen is unlocked."""
    dialog = lock.dialog
    assert dialog is not None
    dialog.username.setCurrentIndex(dialog.username.findData(username))
    qtbot.keyClicks(dialog.pin, pin)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.locked)


def window_with_lock(qtbot: Any, ctx: Any, minutes: int = 5) -> tuple[Any, Any]:
    """The main window, shown, with an idle lock of ``minutes`` watching it (as the app
    starts them after sign-in)."""
    from station_app.ui.main_window import MainWindow
    from station_app.ui.sign_in import IdleLock

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    lock = IdleLock(ctx, minutes=minutes)
    ctx.idle_lock = lock
    return window, lock
