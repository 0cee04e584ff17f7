"""The counter's "served" state: the member just served stays for a moment, then makes way.

After a visit or another write for the member shown, the member panel marks them "served" so
F5/F6/F7/F9 still act on them. Once nobody has pressed a key, clicked, scrolled or touched the
screen for ``served_idle_seconds()`` the counter is cleared as with Esc, so the next person's
relief or profile change cannot land on the last one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from .widgets.member_panel import MemberPanel

log = logging.getLogger(__name__)

SERVED_IDLE_SECONDS = 60
"""After a member was served, the counter returns to "Next, please" (like Esc) once nobody has
pressed a key or clicked for this long, so the next person's relief or profile change cannot
land on the last one. Per machine: ``[counter] served_idle_seconds`` in station-app.ini."""
SERVED_IDLE_SETTING = "counter/served_idle_seconds"
_ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                       QEvent.Type.TouchBegin})


def served_idle_seconds() -> int:
    """The per-machine setting, at least 10 s; the default when unset or unreadable."""
    from .context import ui_settings

    try:
        value = int(ui_settings().value(SERVED_IDLE_SETTING, SERVED_IDLE_SECONDS))
    except (TypeError, ValueError):
        return SERVED_IDLE_SECONDS
    return max(10, value)


class ServedWatch(QObject):
    """Calls ``clear`` once the panel has shown a member as served for ``seconds`` without
    input anywhere in the application. While the panel shows no one served it watches nothing:
    the application-wide event filter is installed only for that time."""

    def __init__(self, panel: MemberPanel, clear: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self._clear = clear
        self.seconds = served_idle_seconds()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.seconds * 1000)
        self.timer.timeout.connect(self._idle)
        self._watching_activity = False
        panel.shown.connect(self._served_changed)

    def _served_changed(self) -> None:
        if self.panel.served:
            if not self.timer.isActive():
                self.timer.start()
            self._watch_activity(True)
        else:
            self.timer.stop()
            self._watch_activity(False)

    def _watch_activity(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self._watching_activity:
            return
        self._watching_activity = on
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()  # somebody is still at work: keep the member a while
        return False

    def _idle(self) -> None:
        if QApplication.activeModalWidget() is not None \
                or QApplication.activePopupWidget() is not None:
            self.timer.start()  # a dialog for this member is still open
            return
        if self.panel.served:
            log.debug("served member cleared after %s s idle", self.seconds)
            self._clear()
