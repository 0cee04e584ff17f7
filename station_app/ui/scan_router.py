"""One place that tells a USB scanner's burst from typing and hands the card to the right screen.

A keyboard-wedge scanner types the card's text (``SLC1.…``) a few milliseconds a key (some
models up to ~40 ms, with Shift before each capital) and ends with Enter. The router is an
event filter on the QApplication: keys that could start a card (the prefix ``SLC`` and a digit,
in either case) are held back while they come fast; once the prefix is complete the burst is a
scan and everything up to Enter is taken away from whatever widget had the keyboard (a reason
field, the walk-in dialog's worker-type keys, a menu's mnemonics) and given to the *sink* that
claims the window: the counter page (its check-in bar) or the self-service screen. Keys that
turn out not to be a scan (a pause, a different letter) are replayed to their widget at once,
so typing by hand works everywhere; only a capital S waits up to ``SCAN_KEY_GAP_S``.

A sink registered with ``every_burst=True`` (the self-service screen, which has no text
fields) gets every fast burst that ends in Enter, card or not, so a payment QR code held to
the scanner is answered with "that was not a card"; stray keys before a card are dropped.

Screens register with ``register(owner, claims, deliver)``; nothing else needs to know.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from ..services.checkin import CARD_PREFIX

log = logging.getLogger(__name__)

SCAN_KEY_GAP_S = 0.1
"""Longest pause between two keys of the card prefix: a scanner, never a person typing."""
SCAN_PAUSE_S = 0.3
"""Once the prefix came as a burst, the scan is over when its keys stop for this long."""
MAX_SCAN_CHARS = 512

_MODIFIERS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                        Qt.Key.Key_CapsLock, Qt.Key.Key_AltGr})
_ENTER = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
_PRESSED = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier \
    | Qt.KeyboardModifier.MetaModifier


def could_start_card(text: str) -> bool:
    """``text`` (so far) may still become ``SLC<digit>…``."""
    head = text[:len(CARD_PREFIX) + 1].upper()
    if len(head) <= len(CARD_PREFIX):
        return CARD_PREFIX.startswith(head)
    return head.startswith(CARD_PREFIX) and head[-1].isdigit()


def card_start(text: str) -> int:
    """Where ``SLC<digit>`` starts in ``text``, or -1."""
    upper = text.upper()
    at = upper.find(CARD_PREFIX)
    while at >= 0:
        following = upper[at + len(CARD_PREFIX):at + len(CARD_PREFIX) + 1]
        if following.isdigit():
            return at
        at = upper.find(CARD_PREFIX, at + 1)
    return -1


@dataclass
class Sink:
    owner: QWidget
    claims: Callable[[QWidget], bool]
    deliver: Callable[[str], object]
    every_burst: bool = False

    def alive(self) -> bool:
        return shiboken6.isValid(self.owner)


@dataclass(frozen=True)
class _Key:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    autorepeat: bool
    count: int


class ScanRouter(QObject):
    """The application's one scan detector (``instance()``); see the module docstring."""

    _instance: ScanRouter | None = None

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.sinks: list[Sink] = []
        self._held: list[_Key] = []
        self._target: QWidget | None = None
        self._sink: Sink | None = None
        self._confirmed = False
        self._last = 0.0
        self._last_ts = 0  # the held key's own time from the window system (ms), 0 if none
        self._stalled = False
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)
        app.installEventFilter(self)

    @classmethod
    def instance(cls) -> ScanRouter | None:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return None
        if cls._instance is None or not shiboken6.isValid(cls._instance):
            cls._instance = ScanRouter(app)
        return cls._instance

    # ---- sinks ----
    def register(self, owner: QWidget, claims: Callable[[QWidget], bool],
                 deliver: Callable[[str], object], *, every_burst: bool = False) -> None:
        self.sinks.append(Sink(owner, claims, deliver, every_burst))
        owner.destroyed.connect(self._prune)
        # Be the first filter to see a key, before any screen's own filter takes it.
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            app.installEventFilter(self)

    def unregister(self, owner: QWidget) -> None:
        self.sinks = [s for s in self.sinks if s.alive() and s.owner is not owner]
        if self._sink is not None and self._sink.owner is owner:
            self._reset()

    def _prune(self) -> None:
        self.sinks = [s for s in self.sinks if s.alive()]
        if self._sink is not None and not self._sink.alive():
            self._reset()

    def _sink_for(self, widget: QWidget) -> Sink | None:
        for sink in reversed(self.sinks):
            if sink.alive() and sink.claims(widget):
                return sink
        return None

    # ---- keys ----
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress \
                or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        key = Qt.Key(event.key())
        if key in _MODIFIERS:
            return False  # a scanner presses Shift before capitals: neutral
        now = time.monotonic()
        if self._held:
            limit = SCAN_PAUSE_S if self._confirmed else SCAN_KEY_GAP_S
            if self._gap(event, now) > limit:
                self._expired()
            else:
                taken = self._continue(event, key, now)
                if taken is not None:
                    return taken
        return self._start(watched, event, key, now)

    def _continue(self, event: QKeyEvent, key: Qt.Key, now: float) -> bool | None:
        """A key while a burst is held: True taken, False pass on, None look at it afresh."""
        assert self._sink is not None
        if key in _ENTER:
            if self._confirmed or self._sink.every_burst:
                self._deliver()
                return True
            self._flush()
            return False  # "slc" + Enter typed fast: pinyin initials, the field gets both
        text = event.text()
        if len(text) == 1 and text.isprintable() and not event.modifiers() & _PRESSED:
            so_far = "".join(k.text for k in self._held) + text
            if self._confirmed or self._sink.every_burst or could_start_card(so_far):
                if not self._confirmed and card_start(so_far) == 0:
                    self._confirmed = True
                self._hold(event, now)
                if len(self._held) > MAX_SCAN_CHARS:  # not ours; never typed into a field
                    self._deliver() if self._confirmed else self._flush()
                return True
        if self._confirmed:
            self._deliver()  # a scanner sends nothing else: what came so far was the card
            return None
        self._flush()
        return None

    def _start(self, watched: QWidget, event: QKeyEvent, key: Qt.Key, now: float) -> bool:
        text = event.text()
        if key in _ENTER or len(text) != 1 or not text.isprintable() \
                or event.modifiers() & _PRESSED:
            return False
        sink = self._sink_for(watched)
        if sink is None or not (sink.every_burst or could_start_card(text)):
            return False
        self._sink, self._target, self._confirmed = sink, watched, False
        self._hold(event, now)
        return True

    def _gap(self, event: QKeyEvent, now: float) -> float:
        """Seconds since the last held key. The window system's own key times when both keys
        have one: a moment this thread was busy (a page refreshing) queues the scanner's keys
        and must not stretch the gap between them. Else the time they reached us."""
        stamp = int(event.timestamp())
        if stamp and self._last_ts and stamp >= self._last_ts:
            return (stamp - self._last_ts) / 1000.0
        return now - self._last

    def _hold(self, event: QKeyEvent, now: float) -> None:
        self._held.append(_Key(event.key(), event.modifiers(), event.text(),
                               event.isAutoRepeat(), event.count()))
        self._last = now
        self._last_ts = int(event.timestamp())
        self._stalled = False
        self._timer.start(int((SCAN_PAUSE_S if self._confirmed else SCAN_KEY_GAP_S) * 1000))

    def _timed_out(self) -> None:
        limit = SCAN_PAUSE_S if self._confirmed else SCAN_KEY_GAP_S
        if self._held and not self._stalled and time.monotonic() - self._last > 2 * limit:
            # The timer is late: this thread was busy, and the scanner's next keys may be
            # waiting behind it. Look once more after them before deciding.
            self._stalled = True
            held = len(self._held)
            QTimer.singleShot(0, self, lambda: self._after_stall(held))
            return
        self._expired()

    def _after_stall(self, held: int) -> None:
        if self._stalled and len(self._held) == held:  # nothing came after all
            self._expired()

    def _expired(self) -> None:
        """The keys stopped: a started card is delivered (a cut-off scan is said to be one),
        anything else goes back to the widget it was typed into."""
        if not self._held:
            return
        if self._confirmed:
            self._deliver()
        else:
            self._flush()

    # ---- giving the keys away ----
    def _deliver(self) -> None:
        sink, text = self._sink, "".join(k.text for k in self._held)
        confirmed = self._confirmed
        self._reset()
        if sink is None or not sink.alive():
            return
        if sink.every_burst:
            at = card_start(text)
            text = text[at:] if at > 0 else text  # stray keys before the card are dropped
        elif not confirmed:
            return
        log.debug("scan of %d characters routed to %s", len(text), sink.owner.objectName())
        sink.deliver(text)

    def _flush(self) -> None:
        """Not a scan: the held keys are typed into their widget after all, in order."""
        held, target, sink = self._held, self._target, self._sink
        self._reset()
        if target is None or not shiboken6.isValid(target) or (sink and sink.every_burst):
            return
        self._replaying = True
        try:
            for k in held:
                replay = QKeyEvent(QEvent.Type.KeyPress, k.key, k.modifiers, k.text,
                                   k.autorepeat, k.count)
                QApplication.sendEvent(target, replay)
        finally:
            self._replaying = False

    def _reset(self) -> None:
        self._timer.stop()
        self._held = []
        self._last_ts = 0
        self._stalled = False
        self._target = None
        self._sink = None
        self._confirmed = False


def register(owner: QWidget, claims: Callable[[QWidget], bool],
             deliver: Callable[[str], object], *, every_burst: bool = False) -> None:
    """Let ``owner`` receive the scans typed into the windows ``claims`` says are its own."""
    router = ScanRouter.instance()
    if router is not None:
        router.register(owner, claims, deliver, every_burst=every_burst)
