"""Relief handout (慰问): campaign, money in yuan (kept as integer fen), goods, one per person."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...data import queries
from ...domain import validate, worker_types
from ...domain.errors import InvalidInput, LedgerError, Refused
from ...services import relief
from ..context import AppContext
from ..widgets.member_panel import current_campaign
from . import (
    ERROR_STYLE,
    TypedDialog,
    error_label,
    grow_to_fit,
    show_field_error,
    submit_buttons,
)

COMMON_GOODS = ("矿泉水", "棉手套", "保温杯", "防暑药品", "毛巾", "雨衣", "口罩")


class ReliefDialog(TypedDialog):
    def __init__(self, ctx: AppContext, member_no: str | None, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_no = member_no
        self.setObjectName("reliefDialog")
        self.setWindowTitle(self.tr("Relief handout"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        if member_no:
            member = queries.find_member(ctx.ledger, member_no)
            who = QLabel(f"{member.name} · {member_no}" if member else member_no)
            who.setObjectName("reliefWho")
            form.addRow(self.tr("Member"), who)
            self.walk_in_type: QComboBox | None = None
        else:
            self.walk_in_type = QComboBox()
            self.walk_in_type.setObjectName("reliefWorkerType")
            for label in worker_types.WORKER_TYPES:
                self.walk_in_type.addItem(label.text(ctx.lang), label.code)
            form.addRow(self.tr("&Worker type (not a member)"), self.walk_in_type)
        self.campaign = QComboBox()
        self.campaign.setObjectName("campaignInput")
        self.campaign.setAccessibleName(self.tr("Campaign"))
        running = current_campaign(ctx.ledger)
        for campaign in queries.campaigns(ctx.ledger):
            self.campaign.addItem(campaign.name, campaign.code)
        if running is not None:
            self.campaign.setCurrentIndex(self.campaign.findData(running.code))
        form.addRow(self.tr("&Campaign"), self.campaign)
        self.money = QLineEdit()
        self.money.setObjectName("moneyInput")
        self.money.setAccessibleName(self.tr("Money in yuan"))
        self.money.setPlaceholderText(self.tr("yuan, e.g. 200 or 12.50"))
        form.addRow(self.tr("&Money (¥)"), self.money)
        self.money_error = QLabel()
        self.money_error.setObjectName("moneyError")
        self.money_error.setStyleSheet(ERROR_STYLE)
        self.money_error.hide()
        form.addRow("", self.money_error)
        layout.addLayout(form)
        goods_title = QLabel(self.tr("Goods"))
        layout.addWidget(goods_title)
        self.goods_grid = QGridLayout()
        self.goods_grid.setColumnStretch(0, 1)
        self.goods_rows: list[tuple[QComboBox, QSpinBox]] = []
        layout.addLayout(self.goods_grid)
        add = QPushButton(self.tr("&Add goods line"))
        add.setObjectName("addGoodsButton")
        add.setAutoDefault(False)
        add.clicked.connect(self.add_goods_row)
        layout.addWidget(add)
        for _ in range(2):
            self.add_goods_row()
        self.rule_note = QLabel()
        self.rule_note.setObjectName("reliefRuleNote")
        self.rule_note.setWordWrap(True)
        self.rule_note.setStyleSheet(ERROR_STYLE)
        self.rule_note.hide()
        layout.addWidget(self.rule_note)
        self.override = QLineEdit()
        self.override.setObjectName("overrideReason")
        self.override.setAccessibleName(self.tr("Reason for giving again"))
        self.override.setPlaceholderText(self.tr("Reason for giving again (required to override)"))
        self.override.hide()
        self.override.textChanged.connect(lambda _t: self._unmark_override())
        layout.addWidget(self.override)
        self.error = error_label("reliefError")
        layout.addWidget(self.error)
        buttons, self.submit = submit_buttons(
            self, self.tr("&Hand out"), "reliefSubmit", self.try_give)
        layout.addWidget(buttons)
        self.campaign.currentIndexChanged.connect(lambda _i: self.check_rule())
        self.money.textChanged.connect(lambda _t: self.check_money())
        self.check_rule()
        self.setMinimumWidth(480)
        if self.campaign.count() == 0:
            self.error.setText(self.tr("No campaign yet: add one in Settings → Campaigns."))
            self.error.show()
            self.submit.setEnabled(False)
        self.remember_typed()

    def add_goods_row(self) -> None:
        n = len(self.goods_rows)
        item = QComboBox()
        item.setObjectName(f"goodsItem_{n}")
        item.setEditable(True)
        item.addItems(["", *COMMON_GOODS])
        item.setAccessibleName(self.tr("Goods item %1").replace("%1", str(n + 1)))
        qty = QSpinBox()
        qty.setObjectName(f"goodsQty_{n}")
        qty.setRange(1, 10_000)
        qty.setAccessibleName(self.tr("Quantity %1").replace("%1", str(n + 1)))
        self.goods_grid.addWidget(item, n, 0)
        self.goods_grid.addWidget(QLabel("×"), n, 1)
        self.goods_grid.addWidget(qty, n, 2)
        self.goods_rows.append((item, qty))

    def goods(self) -> list[relief.Goods]:
        chosen = []
        for item, qty in self.goods_rows:
            name = item.currentText().strip()
            if name:
                chosen.append(relief.Goods(validate.text("goods", name, max_len=30), qty.value()))
        return chosen

    def _grow(self) -> None:
        """A line that appeared (an error, the rule note) makes the window taller: squeezed
        into the same height, the campaign and money rows were cut to a sliver."""
        if self.isVisible():
            grow_to_fit(self)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self._grow()

    def _unmark_override(self) -> None:
        """Typing the reason takes the red frame off it (the note above stays)."""
        if self.override.property("invalid"):
            self.override.setProperty("invalid", False)
            self.override.setStyleSheet("")
            self.override.setAccessibleDescription("")

    def check_money(self) -> int | None:
        try:
            fen = validate.yuan_to_fen(self.money.text())
        except InvalidInput as exc:
            self.money_error.setText(self.ctx.message(exc))
            self.money_error.show()
            self._grow()
            return None
        self.money_error.hide()
        return fen

    def check_rule(self) -> None:
        """Warn before the attendant tries: this person already received in this campaign."""
        code = self.campaign.currentData()
        campaign = next((c for c in queries.campaigns(self.ctx.ledger) if c.code == code), None)
        previous = []
        if campaign is not None and self.member_no and campaign.one_per_person:
            previous = queries.relief_for(self.ctx.ledger, campaign.code, self.member_no)
        if previous and campaign is not None:
            when = str(previous[0]["at"])[:16].replace("T", " ")
            self.rule_note.setText(self.ctx.message(Refused(
                "relief_already_given", campaign=campaign.name, when=when)))
            self.rule_note.show()
            self.override.show()
            self._grow()
        else:
            show_field_error(self.rule_note, self.override, "")
            self.override.hide()
            self.override.clear()

    def try_give(self) -> bool:
        self.error.hide()
        fen = self.check_money()
        if fen is None:
            return False
        try:
            goods = self.goods()
            relief.give_relief(
                self.ctx.ledger, campaign=str(self.campaign.currentData()), by=self.ctx.actor,
                member=self.member_no,
                walk_in_type=(str(self.walk_in_type.currentData())
                              if self.walk_in_type is not None else None),
                money_fen=fen, goods=goods,
                override_reason=self.override.text().strip() if self.override.isVisible()
                and self.override.text().strip() else None)
        except Refused as exc:
            if exc.code != "relief_already_given":
                self._show_error(self.ctx.message(exc))
                return False
            # The rule note above the reason already says this sentence (with when): it is
            # not repeated as the error; the reason field is framed red and gets the cursor.
            self.check_rule()
            show_field_error(self.rule_note, self.override, self.ctx.message(exc))
            self.override.show()
            self.override.setFocus()
            self._grow()
            return False
        except LedgerError as exc:
            self._show_error(self.ctx.message(exc))
            return False
        self.accept()
        return True
