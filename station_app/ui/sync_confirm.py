"""Dialogs of setting up sync: a key fingerprint large enough to read out over the phone, the
confirmation that it matches before a key is trusted, and what a dry-run import would do.

Enrolling a station, trusting a supervisor and taking an unknown station's key from its bundle
all decide whose data this ledger accepts. The file (or bundle) says who it is; only the voice
of the other side on the phone can say it is really them, so each asks the user to tick that
the fingerprint matches before the OK button can be pressed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..sync.importer import Outcome
from .dialogs import FittedDialog, confirm_buttons, wrapped_label
from .errors import render as render_error
from .sync_models import ResultsModel

MAX_WIDTH = 720  # the smallest screens (and the offscreen test screen) are 800 px wide
WARNING_STYLE = "color: #8a4b00; font-weight: bold"


def fingerprint_lines(fingerprint: str) -> str:
    """Eight groups of four on two lines of four: easy to read out and to follow."""
    groups = fingerprint.split()
    if len(groups) <= 4:
        return fingerprint
    half = (len(groups) + 1) // 2
    return " ".join(groups[:half]) + "\n" + " ".join(groups[half:])


class FingerprintLabel(QLabel):
    """A key fingerprint in large fixed-width text that can be selected and copied."""

    def __init__(self, fingerprint: str, parent: QWidget | None = None) -> None:
        super().__init__(fingerprint_lines(fingerprint), parent)
        self.setObjectName("fingerprint")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(20)
        font.setWeight(QFont.Weight.Bold)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.5)
        self.setFont(font)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: #f4f6f8; border: 1px solid #c8ced3; padding: 8px")
        self.setAccessibleName(self.tr("Key fingerprint"))
        self.setAccessibleDescription(fingerprint)


class ConfirmKeyDialog(FittedDialog):
    """Who a file says it is (code, name, fingerprint) and a tick that it matches what the other
    side reads out; OK stays disabled until then, Cancel is the default."""

    def __init__(self, parent: QWidget | None, *, title: str, intro: str, code: str,
                 name: str, fingerprint: str, check: str, ok_text: str,
                 warnings: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmKeyDialog")
        self.setWindowTitle(title)
        self.setMaximumWidth(MAX_WIDTH)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(intro, "confirmIntro"))
        form = QFormLayout()
        self.code_label = QLabel(code)
        self.code_label.setObjectName("confirmCode")
        self.name_label = QLabel(name or "—")
        self.name_label.setObjectName("confirmName")
        self.name_label.setWordWrap(True)
        form.addRow(self.tr("Code:"), self.code_label)
        form.addRow(self.tr("Name:"), self.name_label)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Fingerprint:")))
        self.fingerprint = FingerprintLabel(fingerprint)
        layout.addWidget(self.fingerprint)
        self.warnings = [wrapped_label(text, "confirmWarning", WARNING_STYLE)
                         for text in warnings or []]
        for label in self.warnings:
            layout.addWidget(label)
        self.check = QCheckBox(check)
        self.check.setObjectName("confirmMatches")
        layout.addWidget(self.check)
        buttons, self.ok = confirm_buttons(ok_text, "confirm")
        self.check.toggled.connect(self.ok.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.check.setFocus()


class ShownDialog(FittedDialog):
    """A file was written (or a key trusted): where it is and the fingerprint to read out."""

    def __init__(self, parent: QWidget | None, *, title: str, intro: str, fingerprint: str,
                 path: str = "", after: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("shownDialog")
        self.setWindowTitle(title)
        self.setMaximumWidth(MAX_WIDTH)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(intro, "shownIntro"))
        if path:
            self.path_label = wrapped_label(path, "shownPath")
            self.path_label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.path_label)
        self.fingerprint = FingerprintLabel(fingerprint)
        layout.addWidget(self.fingerprint)
        if after:
            layout.addWidget(wrapped_label(after, "shownAfter"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("shownClose")
        layout.addWidget(self.buttons)

    def add_action(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        return button


def missing_count(outcome: Outcome) -> int:
    return sum(hi - lo + 1 for gaps in outcome.missing.values()
               for spans in gaps.values() for lo, hi in spans)


class DryRunDialog(QDialog):
    """What importing the chosen files would do, per file; nothing has been written."""

    COLUMNS = 7

    def __init__(self, parent: QWidget | None, outcomes: list[Outcome], lang: str,
                 import_now: Callable[[], object] | None) -> None:
        super().__init__(parent)
        self.setObjectName("dryRunDialog")
        self.setWindowTitle(self.tr("Check first (dry run)"))
        self.setMaximumWidth(MAX_WIDTH + 60)
        self.resize(min(MAX_WIDTH + 60, 760), 480)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(self.tr(
            "Nothing has been written to the ledger. This is what importing these files would "
            "do:"), "dryRunIntro"))
        self.table = QTableWidget(len(outcomes), self.COLUMNS)
        self.table.setObjectName("dryRunTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("File"), self.tr("Would be"), self.tr("New"), self.tr("Duplicate"),
            self.tr("Conflicting"), self.tr("Missing"), self.tr("Message")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        words = {"dry_run": self.tr("taken"), "refused": self.tr("refused"),
                 "skipped": self.tr("skipped")}
        totals = [0, 0, 0, 0]
        for row, o in enumerate(outcomes):
            missing = missing_count(o)
            if o.error is not None:
                message = render_error(o.error, lang)
            elif missing:
                message = self.tr("%Ln entries missing before these", "", missing)
            else:
                message = ""
            cells = [o.file, words.get(o.result, o.result), f"{o.new:,}", f"{o.duplicate:,}",
                     f"{o.conflicting:,}", f"{missing:,}", message]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 6 and text:
                    item.setToolTip(text)
                if 2 <= col <= 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
            for n, value in enumerate((o.new, o.duplicate, o.conflicting, missing)):
                totals[n] += value
        layout.addWidget(self.table)
        # The Message column is cut short: the chosen file's sentences are here in full, as
        # in the import results' box on the page (arrows in the table choose the file).
        self.results = ResultsModel(self)
        self.results.set_rows(outcomes, lang)
        self.details = QPlainTextEdit()
        self.details.setObjectName("dryRunDetails")
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        self.details.setAccessibleName(self.tr("Details of the chosen file"))
        self.details.setFixedHeight(5 * self.details.fontMetrics().lineSpacing() + 2 * (
            self.details.frameWidth() + round(self.details.document().documentMargin())))
        layout.addWidget(self.details)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))
        first = next((n for n, o in enumerate(outcomes) if o.error is not None or o.missing),
                     0 if outcomes else -1)
        if first >= 0:
            self.table.setCurrentCell(first, 0)
        refused = sum(1 for o in outcomes if o.refused)
        self.summary = wrapped_label(
            self.tr("In all: %1 new, %2 already held, %3 conflicting, %4 missing; %n files "
                    "would be refused.", "", refused).replace("%1", f"{totals[0]:,}")
            .replace("%2", f"{totals[1]:,}").replace("%3", f"{totals[2]:,}")
            .replace("%4", f"{totals[3]:,}"), "dryRunSummary")
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.import_button: QPushButton | None = None
        if import_now is not None:
            self.import_button = QPushButton(self.tr("&Import these files now"))
            self.import_button.setObjectName("dryRunImport")

            def go() -> None:
                self.accept()
                import_now()

            self.import_button.clicked.connect(go)
            buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)

    def _show_details(self, row: int) -> None:
        item = self.table.item(row, 1) if row >= 0 else None
        self.details.setPlainText(self.results.details(
            row, self.tr("Would be: %1").replace("%1", item.text())) if item else "")
