"""The real main window on a real ledger file, offscreen; helpers to answer modal dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from station_app.data.db import open_ledger
from station_app.services import auth
from station_app.ui import i18n
from station_app.ui.context import AppContext
from station_app.ui.main_window import MainWindow
from tests.helpers import sign_up


def english_context(qapp: QApplication, ledger_path: Path, members: int = 2, *,
                    staffed: bool = False) -> Iterator[AppContext]:
    """An AppContext on a file ledger with ``members`` members (张三, 李四), in English.
    ``staffed``: with the accounts of ``tests.security.conftest.add_staff``, the admin
    ``boss`` signed in with the PIN. Afterwards: background work waited for, an idle lock
    stopped, the ledger closed."""
    from station_app.ui import jobs
    from tests.security.conftest import ADMIN_PIN, add_staff

    i18n.register_fonts(qapp)
    i18n.install("en")
    ledger = open_ledger(ledger_path)
    sign_up(ledger, 1, name="张三")
    if members > 1:
        sign_up(ledger, 2, name="李四", phone="13900001234")
    if staffed:
        add_staff(ledger)
        context = AppContext(ledger_path, ledger, lang="en", actor="boss")
        context.attendant = auth.authenticate(  # type: ignore[attr-defined]
            ledger, "boss", ADMIN_PIN)
    else:
        context = AppContext(ledger_path, ledger, lang="en", actor="tester")
    yield context
    jobs.wait_for_all()
    lock = getattr(context, "idle_lock", None)
    if lock is not None:
        lock.stop()
    i18n.install("en")
    context.close()


@pytest.fixture
def ctx(qapp: QApplication, ledger_path: Path, fixed_clock: Any) -> Iterator[AppContext]:
    """An AppContext on a file ledger with two members, in English."""
    yield from english_context(qapp, ledger_path)


@pytest.fixture
def window(qtbot: Any, ctx: AppContext) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def counter(window: MainWindow) -> Any:
    return window.pages["counter"]


def answer_modal(qtbot: Any, action: Callable[[QWidget], None]) -> list[QWidget]:
    """Run ``action`` on the next modal dialog once it is shown (dialogs block in exec())."""
    seen: list[QWidget] = []

    def poke() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, poke)
            return
        seen.append(modal)
        action(modal)

    QTimer.singleShot(0, poke)
    return seen


def void_selected_with(qtbot: Any, counter: Any, reason: str) -> bool:
    """Void the entry selected in today's ledger, typing ``reason`` into the reason dialog."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    def give_reason(dialog: QWidget) -> None:
        edit = dialog.findChild(QLineEdit, "reasonInput")
        qtbot.keyClicks(edit, reason)
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    answer_modal(qtbot, give_reason)
    return bool(counter.void_selected())
