"""Card scans routed to the counter page, and a scan held while a dialog is open over it.

``ui/scan_router.py`` tells a scanner's burst from typing; this is the counter's end of it.
With nothing open a card is checked in at once. A walk-in dialog is cancelled (the person is a
member); any other dialog is left as it is, with a note, and the card is checked in when it
closes, so nothing typed there is lost and nothing is written for the wrong person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QBoxLayout, QDialog, QLabel, QWidget

from . import scan_router
from .dialogs import grow_to_fit

if TYPE_CHECKING:
    from .counter import CounterPage


class CounterScans(QObject):
    """Registers the page with the scan router and holds at most one card for later."""

    def __init__(self, counter: CounterPage) -> None:
        super().__init__(counter)
        self.counter = counter
        # A card scanned while a dialog is open waits here until the dialog is closed.
        self._held_scan: str | None = None
        self._held_timer = QTimer(self)
        self._held_timer.setInterval(100)
        self._held_timer.timeout.connect(self.deliver_held)
        scan_router.register(counter, self.claims, self.receive)

    def claims(self, widget: QWidget) -> bool:
        """Scans typed anywhere on the page, or into a dialog or menu opened over it, are
        cards for the check-in bar. The sign-in (lock) dialog keeps its keys."""
        if not self.counter.isVisible():
            return False
        window = widget.window()
        if window is self.counter.window():
            return True
        popup = QApplication.activePopupWidget()
        if popup is not None and window is popup:
            return True
        modal = QApplication.activeModalWidget()
        return modal is not None and window is modal \
            and modal.property("scanPolicy") != "ignore"

    def receive(self, text: str) -> None:
        """A scanner burst (card text without its Enter): checked in now, or held (see the
        module's docstring)."""
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        modal = QApplication.activeModalWidget()
        if modal is None and popup is None:
            self._check_in(text)
            return
        self._held_scan = text
        if isinstance(modal, QDialog) and modal.property("scanPolicy") == "cancel":
            modal.reject()
        elif modal is not None:
            self._note_held_scan(modal)
        self._held_timer.start()

    def _note_held_scan(self, modal: QWidget) -> None:
        layout = modal.layout()
        if not isinstance(layout, QBoxLayout) or modal.findChild(QLabel, "heldScanNote"):
            return
        note = QLabel(self.tr("A card was scanned. It is checked in when this window is "
                              "closed. Is this window still for the right person?"))
        note.setObjectName("heldScanNote")
        note.setWordWrap(True)
        note.setStyleSheet("QLabel{background:#fff6e0;color:#6b4b00;padding:6px;"
                           "border-radius:4px}")
        layout.insertWidget(0, note)
        QTimer.singleShot(0, modal, lambda: grow_to_fit(modal))

    def deliver_held(self) -> None:
        """Check in the card held, once no dialog or menu is open any more."""
        if self._held_scan is None:
            self._held_timer.stop()
            return
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.property("scanPolicy") == "ignore":
            # The screen was locked (or another sign-in asked for): the card was shown to the
            # attendant who left; the next one scans it again if they need it.
            self._held_scan = None
            self._held_timer.stop()
            return
        if modal is not None or QApplication.activePopupWidget() is not None:
            return  # still open: try again on the next tick
        text, self._held_scan = self._held_scan, None
        self._held_timer.stop()
        self._check_in(text)

    def _check_in(self, text: str) -> None:
        check_in = self.counter.check_in
        check_in.input.setFocus(Qt.FocusReason.OtherFocusReason)
        check_in.input.setText(text)
        self.counter.resolve_text(text)

