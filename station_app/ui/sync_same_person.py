"""The Sync page's list of people who are an active member under two numbers.

Two stations can sign up the same person before either has the other's members (SYNC.md: found
by the region's keyed ID hash, resolved by the supervisor, never merged by sync). The list says
which record was signed up first and what the other stations do about theirs; it only reads.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..data import queries
from ..services import reports
from .context import AppContext


class SamePersonDialog(QDialog):
    def __init__(self, ctx: AppContext, groups: list[list[queries.Member]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("samePersonDialog")
        self.setWindowTitle(self.tr("Same person at two stations"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Each person below signed up at more than one station before the stations knew of "
            "each other, and is an active member under every number. Nothing was merged. Ask "
            "the station(s) that signed up later to withdraw their record with the reason "
            "“signed up twice, kept …” (the number signed up first); the person leaves this "
            "list when that station's bundle arrives."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        names = reports.station_names(ctx.ledger)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("samePersonTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Person"), self.tr("Member no."), self.tr("Station"),
            self.tr("Signed up"), self.tr("What to do")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        for group in groups:
            first = group[0]
            for member in group:
                if member is first:
                    todo = self.tr("signed up first: keep")
                else:
                    todo = self.tr("withdraw at that station, keep %1").replace(
                        "%1", first.member_no)
                row = self.table.rowCount()
                self.table.insertRow(row)
                person = f"{member.name} {member.id_masked}" if member is first else ""
                for col, text in enumerate((
                        person, member.member_no,
                        names.get(member.home_station, member.home_station),
                        member.joined_at[:10], todo)):
                    item = QTableWidgetItem(text)
                    item.setToolTip(text)
                    self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # As wide as the table's columns need (the advice is the longest), within the screen.
        wanted = sum(max(self.table.sizeHintForColumn(c), header.sectionSizeHint(c))
                     for c in range(self.table.columnCount()))
        wanted += self.table.verticalScrollBar().sizeHint().width() + 48
        screen = self.screen().availableGeometry().width() if self.screen() else 1280
        self.resize(max(760, min(wanted, screen - 40)), 380)
