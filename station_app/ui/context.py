"""What every window, page and dialog of the app shares: the open ledger, language, attendant."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..data.db import Ledger, open_ledger
from ..domain.errors import LedgerError
from .errors import render as render_error


class AppContext(QObject):
    """The one ledger connection of the UI thread plus the app-wide signals.

    Background jobs never use ``ledger``: they call ``open_worker_ledger()`` for a connection of
    their own (SQLite connections must not be shared between threads that write).
    """

    ledger_changed = Signal()
    """Emitted after anything was written to the ledger (tables and panels refresh)."""
    language_changed = Signal(str)
    """Emitted after the UI language was switched ("zh_CN" or "en")."""
    actor_changed = Signal(str)
    screen_locked = Signal()
    """Emitted when the screen locks (idle lock, Ctrl+L): whatever shows personal data in full
    (a revealed ID number) hides it at once, before the lock screen appears."""

    def __init__(self, ledger_path: Path | str, ledger: Ledger, *, lang: str = "zh_CN",
                 actor: str = "station", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ledger_path = Path(ledger_path)
        self.ledger = ledger
        self.lang = "en" if lang == "en" else "zh_CN"
        self._actor = actor
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self.changed)

    # ---- who is at the counter ----
    @property
    def actor(self) -> str:
        """User name of the signed-in attendant, recorded as ``recorded_by`` on new entries."""
        return self._actor

    @actor.setter
    def actor(self, value: str) -> None:
        self._actor = value
        self.actor_changed.emit(value)

    # ---- ledger ----
    def open_worker_ledger(self) -> Ledger:
        """A fresh connection to the same ledger file, for a background thread."""
        return open_ledger(self.ledger_path)

    def changed(self) -> None:
        """Tell every view that the ledger has new entries."""
        self._soon.stop()
        self.ledger_changed.emit()

    def changed_soon(self, delay_ms: int = 1500) -> None:
        """``changed()`` once the counter has been quiet for ``delay_ms``.

        The counter writes many small entries in a row and refreshes its own views at once;
        the other pages only need to catch up when the attendant pauses.
        """
        self._soon.start(delay_ms)

    # ---- language ----
    def message(self, error: LedgerError) -> str:
        """One plain translated sentence for a ledger error (the GUI's wording)."""
        return render_error(error, self.lang)

    def text(self, zh: str, en: str) -> str:
        """Pick data-driven text (labels stored in the ledger/domain) for the current language."""
        return en if self.lang == "en" else zh

    # ---- hooks other areas fill in ----
    @staticmethod
    def has_card_printer() -> bool:
        """Whether card printing is installed, without importing it (it is slow to import)."""
        import importlib.util

        try:
            return importlib.util.find_spec("station_app.ui.cards_print") is not None
        except (ImportError, ValueError):
            return False

    def card_printer(self) -> Callable[..., Any] | None:
        """``print_member_card(parent, ctx, member_no)`` from the cards area, if it is installed.

        The counter (member panel, sign-up) offers "Print card" only when this returns a callable.
        """
        try:
            module = importlib.import_module("station_app.ui.cards_print")
        except ModuleNotFoundError:
            return None
        hook = getattr(module, "print_member_card", None)
        return hook if callable(hook) else None

    def close(self) -> None:
        self._soon.stop()
        self.ledger.close()


def ui_settings() -> Any:
    """Per-machine UI state (geometry, language) in an ini file beside the per-user data."""
    from PySide6.QtCore import QSettings

    from ..services.station import data_dir

    return QSettings(str(data_dir() / "station-app.ini"), QSettings.Format.IniFormat)
