"""Today's ledger on the counter: the table of today's entries, with Void and Correct.

Voids and corrections act on the row selected, never on the member shown above, so they do
not mark anyone "served". The entry stays in the ledger either way (struck through, or with
its history), and the table keeps it selected afterwards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import LedgerError
from ..services import corrections
from .models.today import ENTRY_ID_ROLE, KIND_ROLE, MEMBER_ROLE, VOIDED_ROLE, TodayModel
from .widgets.buttons import counter_button

if TYPE_CHECKING:
    from .counter import CounterPage


SortIndicator = QStyleOptionHeader.SortIndicator


def arrow_points_up(style: QStyle, indicator: SortIndicator) -> bool:
    """Whether ``style`` draws the header's sort ``indicator`` as an arrow pointing up: the
    narrowest line of what it paints is at the top."""
    size = 24
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    option = QStyleOptionHeader()
    option.rect = QRect(0, 0, size, size)
    option.sortIndicator = indicator
    painter = QPainter(image)
    style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorHeaderArrow, option, painter)
    painter.end()
    widths = []
    for y in range(size):
        inked = [x for x in range(size) if image.pixelColor(x, y).alpha() > 60]
        if inked:
            widths.append(max(inked) - min(inked) + 1)
    return len(widths) > 1 and widths[0] < widths[-1]


class SortArrowHeader(QHeaderView):
    """A header whose arrow points down for newest first (descending) and up for ascending,
    whatever the style. Qt hands a descending sort to the style as ``SortUp``; Fusion on
    Linux draws that as ▲ (the GNOME convention), the Windows styles as ▼: today's ledger,
    newest first, showed ▲ under Time, which reads as oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        # As the header QTableView makes for itself: a click on a title sorts.
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self._style_checked: tuple[QStyle, bool] | None = None

    def _descending_drawn_up(self) -> bool:
        style = self.style()
        if self._style_checked is None or self._style_checked[0] is not style:
            self._style_checked = (style, arrow_points_up(style, SortIndicator.SortUp))
        return self._style_checked[1]

    def initStyleOptionForIndex(self, option: QStyleOptionHeader,
                                logicalIndex: int) -> None:  # noqa: N803 (Qt)
        super().initStyleOptionForIndex(option, logicalIndex)
        if option.sortIndicator != SortIndicator.None_ and self._descending_drawn_up():
            option.sortIndicator = (SortIndicator.SortDown
                                    if option.sortIndicator == SortIndicator.SortUp
                                    else SortIndicator.SortUp)


class TodayLedger(QWidget):
    """The lower half of the counter: title and count, Correct / Void, and the table."""

    def __init__(self, counter: CounterPage) -> None:
        super().__init__()
        self.counter = counter
        self.ctx = counter.ctx
        self.model = TodayModel(self.ctx, counter)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for Correct / Void
        self.table.setObjectName("todayTable")
        self.table.setHorizontalHeader(SortArrowHeader(self.table))
        self.table.setAccessibleName(self.tr("Today's ledger"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((60, 90, 210, 160, 300, 90)):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(self._double_clicked)
        self.void_button = counter_button("voidButton", self.tr("Void… (Del)"),
                                          self.void_selected)
        self.correct_button = counter_button("correctButton", self.tr("Correct… (Ctrl+E)"),
                                             self.correct_selected)
        self.count_label = QLabel()
        self.count_label.setObjectName("todayCount")
        table_bar = QHBoxLayout()
        table_title = QLabel(self.tr("Today's ledger"))
        table_title.setBuddy(self.table)
        bold = table_title.font()
        bold.setBold(True)
        table_title.setFont(bold)
        table_bar.addWidget(table_title)
        table_bar.addWidget(self.count_label, 1)
        table_bar.addWidget(self.correct_button)
        table_bar.addWidget(self.void_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(table_bar)
        layout.addWidget(self.table)
        self.update_count()

    def refresh(self) -> None:
        """Read today's entries again (after a write, or a new day)."""
        self.model.refresh()
        self.update_count()

    def update_count(self) -> None:
        self.count_label.setText(self.tr("%n entries today", "", self.model.rowCount()))

    def focus_table(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)

    def selected_entry(self) -> tuple[str, str, bool] | None:
        """The current row as (entry id, kind, voided), or None."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.model.index(index.row(), 0)
        return (str(row.data(ENTRY_ID_ROLE)), str(row.data(KIND_ROLE)),
                bool(row.data(VOIDED_ROLE)))

    def select_entry(self, entry_id: str) -> None:
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def _chosen_live(self) -> tuple[str, str] | None:
        """The selected entry's id and kind, unless nothing is selected or it is void
        (then the counter says so)."""
        chosen = self.selected_entry()
        if chosen is None:
            self.counter.say(self.tr("Select an entry in today's ledger first (F8)."), "warn")
            return None
        entry_id, kind, voided = chosen
        if voided:
            self.counter.say(self.tr("That entry is already void."), "warn")
            return None
        return entry_id, kind

    def void_selected(self) -> bool:
        counter = self.counter
        chosen = self._chosen_live()
        if chosen is None:
            return False
        entry_id, _kind = chosen
        from .dialogs.reason import ReasonDialog

        dialog = ReasonDialog(self.tr("Void entry"), self.tr(
            "The entry stays in the ledger, struck through. Why is it void?"), counter)
        if not counter.exec_dialog(dialog):
            return False
        try:
            corrections.void_entry(self.ctx.ledger, entry_id, dialog.reason(), by=self.ctx.actor)
        except LedgerError as exc:
            counter.say(self.ctx.message(exc), "warn")
            return False
        counter._wrote(served=False)
        self.select_entry(entry_id)
        counter.say(self.tr("Entry voided; it stays visible, struck through."), "ok")
        return True

    def correct_selected(self) -> bool:
        counter = self.counter
        chosen = self._chosen_live()
        if chosen is None:
            return False
        entry_id, kind = chosen
        from .dialogs.correct import CorrectDialog

        if not CorrectDialog.can_correct(kind):
            counter.say(self.tr("This kind of entry cannot be corrected here; void it and "
                                "record it again."), "warn")
            return False
        dialog = CorrectDialog(self.ctx, entry_id, counter)
        if not counter.exec_dialog(dialog):
            return False
        counter._wrote(served=False)
        self.select_entry(entry_id)
        counter.say(self.tr("Entry corrected; the original stays in the history."), "ok")
        return True

    def _double_clicked(self, index: QModelIndex) -> None:
        number = self.model.index(index.row(), 0).data(MEMBER_ROLE)
        if number:
            self.counter.choose_member(str(number))
