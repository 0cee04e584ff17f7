"""The check-in bar: where a USB scanner's keystrokes land, and where typing finds members.

A scanner types the card's text and Enter within a few milliseconds; Enter resolves at once
(the as-you-type search is debounced and cancelled). Typing a name, pinyin, initials, phone tail
or ID tail shows matches below; ↑/↓ move through them and Enter picks one, all without leaving
the bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QVBoxLayout, QWidget

from ...data.queries import Member
from ...services.checkin import CARD_PREFIX
from ..models.members import MEMBER_NO_ROLE, MatchesModel

SEARCH_DELAY_MS = 150



def _card_scan(text: str) -> bool:
    """``SLC1.…`` being typed by a scanner: not searched. Pinyin initials such as ``slc``
    (孙立成) or ``slch`` are names and are searched."""
    rest = text.strip().upper()[len(CARD_PREFIX):]
    return text.strip().upper().startswith(CARD_PREFIX) and rest[:1].isdigit()


class CheckInBar(QWidget):
    member_chosen = Signal(str)
    """A member was picked from the matches (member number)."""
    submitted = Signal(str)
    """Enter on text no match was picked for: a scan or a typed number, to resolve."""
    empty_enter = Signal()
    escaped = Signal()
    matches_changed = Signal(int)

    def __init__(self, search: Callable[[str], list[Member]], lang: str = "zh_CN",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.input = QLineEdit()
        self.input.setObjectName("checkInInput")
        self.input.setAccessibleName(self.tr("Check-in: scan a card or search for a member"))
        self.input.setPlaceholderText(self.tr(
            "Scan a membership card, or type a name, pinyin, phone tail or member number"))
        self.input.setClearButtonEnabled(True)
        # No input method here: a Chinese IME turns a scanner's "SLC1.…" into candidate
        # characters (a digit picks one). Names are found by pinyin typed as plain letters
        # (wangfang, wang fang, wf) just as well; Chinese characters can still be pasted.
        self.input.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.input.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly
                                       | Qt.InputMethodHint.ImhNoPredictiveText)
        font = QFont(self.input.font())
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.5)
        self.input.setFont(font)
        self.input.setMinimumHeight(44)
        self.model = MatchesModel(lang, self)
        self.matches = QListView()
        self.matches.setObjectName("checkInMatches")
        self.matches.setAccessibleName(self.tr("Matching members"))
        self.matches.setModel(self.model)
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.matches.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matches.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matches.setMaximumHeight(150)
        self.matches.hide()
        self.matches.clicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.input)
        layout.addWidget(self.matches)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.input.textEdited.connect(self._edited)
        self.input.installEventFilter(self)
        self._navigated = False

    # ---- typing ----
    def _edited(self, text: str) -> None:
        self._navigated = False
        if not text.strip() or _card_scan(text):
            self._timer.stop()
            self.show_matches([])
            return
        self._timer.start()

    def search_now(self) -> list[Member]:
        self._timer.stop()
        text = self.input.text().strip()
        found = self._search(text) if text and not _card_scan(text) else []
        self.show_matches(found)
        return found

    def show_matches(self, members: list[Member]) -> None:
        self._navigated = False
        self.model.set_members(members)
        self.matches.setVisible(bool(members))
        if members:
            self.matches.setCurrentIndex(self.model.index(0, 0))
        self.matches_changed.emit(len(members))

    def navigate_matches(self) -> None:
        """Let ↑/↓ + Enter pick from the list (after Enter found several)."""
        self._navigated = True

    def clear(self) -> None:
        self._timer.stop()
        self.input.clear()
        self.show_matches([])

    # ---- keys ----
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.input and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        rows = self.model.rowCount()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and rows:
            row = self.matches.currentIndex().row()
            row = row + 1 if key == Qt.Key.Key_Down else row - 1
            row = max(0, min(rows - 1, row))
            self.matches.setCurrentIndex(self.model.index(row, 0))
            self._navigated = True
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                return False  # Ctrl+Enter belongs to the page (record)
            text = self.input.text().strip()
            self._timer.stop()
            current = self.matches.currentIndex()
            if self._navigated and self.matches.isVisible() and current.isValid():
                self.member_chosen.emit(str(current.data(MEMBER_NO_ROLE)))
            elif text:
                self.submitted.emit(text)
            else:
                self.empty_enter.emit()
            return True
        if key == Qt.Key.Key_Escape:
            if self.input.text() or self.matches.isVisible():
                self.clear()
            self.escaped.emit()
            return True
        return False

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.member_chosen.emit(str(index.data(MEMBER_NO_ROLE)))
