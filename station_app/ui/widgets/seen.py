"""Work a page redoes on every change to the ledger, done only while the page is in sight."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class WhenSeen(QObject):
    """``changed()`` runs ``work`` at once while ``page`` is visible, else once, the next time
    the page is shown: every counter visit changes the ledger, and a page out of sight need
    not read it again each time. ``pending``: owed from the start (a page that counts only
    when first looked at). A page whose ``work`` also runs on its own (a Refresh button) sets
    ``pending`` to False there."""

    def __init__(self, page: QWidget, work: Callable[[], None], *,
                 pending: bool = False) -> None:
        super().__init__(page)
        self.page = page
        self.work = work
        self.pending = pending
        page.installEventFilter(self)

    def changed(self) -> None:
        if self.page.isVisible():
            self.pending = False
            self.work()
        else:
            self.pending = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # (getattr: the page's last events while it is deleted, the pages rebuilt for another
        # attendant, can reach a filter whose Python side is already gone.)
        if (watched is getattr(self, "page", None) and event.type() == QEvent.Type.Show
                and self.pending):
            self.pending = False
            self.work()
        return False
