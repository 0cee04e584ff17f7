"""What the lock screen leaves on screen, and who the window belongs to after it.

A half-filled sign-up form (a full ID number) and today's list of names stayed readable behind
the small sign-in window; an attendant who signed in over the admin kept the admin's tabs, and
the admin after an attendant had to restart the program to reach them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from station_app.ui.context import AppContext
from station_app.ui.dialogs.sign_up import SignUpDialog
from tests.helpers import rid
from tests.security.conftest import ADMIN_PIN, CLERK_PIN, unlock_as, window_with_lock
from tests.ui.conftest import english_context

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(qapp: QApplication, ledger_path: Path) -> Iterator[AppContext]:
    yield from english_context(qapp, ledger_path, members=1, staffed=True)


def _covered(widget: Any) -> bool:
    covers = [c for c in widget.findChildren(QLabel, "lockCover") if c.isVisible()]
    return any(c.geometry() == widget.rect() for c in covers)


def test_the_lock_covers_every_window_and_gives_them_back_to_the_same_person(
        qtbot: Any, ctx: AppContext) -> None:
    window, lock = window_with_lock(qtbot, ctx)
    form = SignUpDialog(ctx, window)
    qtbot.addWidget(form)
    form.show()
    form.form.id_number.setText(rid(88))
    lock.lock()
    assert _covered(window) and _covered(form)  # nothing of either can be read
    window.resize(window.width() + 80, window.height() + 40)  # maximised behind the lock
    qtbot.waitUntil(lambda: _covered(window))
    unlock_as(qtbot, lock, "boss", ADMIN_PIN)
    assert not _covered(window) and not _covered(form)
    assert form.isVisible() and form.isEnabled() and form.form.id_number.text() == rid(88)
    lock.stop()


def test_someone_else_gets_their_own_tabs_and_not_the_last_ones_form(
        qtbot: Any, ctx: AppContext) -> None:
    window, lock = window_with_lock(qtbot, ctx)
    assert {"security", "audit", "reports"} <= set(window.pages)
    counter = window.pages["counter"]
    counter.choose_member("MZL01-000001V")
    assert counter.member_panel.member_no is not None
    form = SignUpDialog(ctx, window)
    qtbot.addWidget(form)
    form.show()
    form.form.id_number.setText(rid(88))
    lock.lock()
    unlock_as(qtbot, lock, "clerk", CLERK_PIN)
    assert not form.isVisible()  # not recorded under the clerk's name
    assert counter.member_panel.member_no is None  # the boss's person is not the clerk's
    qtbot.waitUntil(lambda: "security" not in window.pages)
    assert set(window.pages) == {"counter", "cards"} and ctx.actor == "clerk"
    lock.lock()
    unlock_as(qtbot, lock, "boss", ADMIN_PIN)  # the admin, without restarting
    qtbot.waitUntil(lambda: "security" in window.pages)
    assert {"security", "audit", "reports"} <= set(window.pages)
    lock.stop()
