"""Settings: station identity, service catalogue (add, rename, retire — never delete), campaigns,
language. Business settings live in the ledger; the language is a per-machine choice."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...data import queries
from ...domain import catalogue, clock
from ...domain.errors import LedgerError
from ...services import catalogue as catalogue_ops
from ...services import relief, station
from ..context import AppContext
from ..models.services import ServicesModel
from ..sign_in import can, current_attendant
from . import error_label


class ServiceEditDialog(QDialog):
    """Code (new services only) and the two names of a service."""

    def __init__(self, title: str, code: str = "", zh: str = "", en: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serviceEditDialog")
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.code = QLineEdit(code)
        self.code.setObjectName("serviceCodeInput")
        self.code.setReadOnly(bool(code))
        self.code.setPlaceholderText("e.g. shower")
        self.zh = QLineEdit(zh)
        self.zh.setObjectName("serviceZhInput")
        self.en = QLineEdit(en)
        self.en.setObjectName("serviceEnInput")
        form.addRow(self.tr("&Code"), self.code)
        form.addRow(self.tr("&Chinese name"), self.zh)
        form.addRow(self.tr("&English name"), self.en)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._station_tab(), self.tr("&Station"))
        self.tabs.addTab(self._services_tab(), self.tr("Se&rvices"))
        self.tabs.addTab(self._campaigns_tab(), self.tr("&Campaigns"))
        self.tabs.addTab(self._language_tab(), self.tr("&Language"))
        self.error = error_label("settingsError")
        layout.addWidget(self.error)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(680, 520)

    def fail(self, exc: LedgerError) -> None:
        self.error.setText(self.ctx.message(exc))
        self.error.show()

    def done_ok(self) -> None:
        self.error.hide()
        self.ctx.changed()

    # ---- station ----
    def _station_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        ledger = self.ctx.ledger
        form.addRow(self.tr("Station code"), QLabel(ledger.setting("station.code")))
        self.station_name = QLineEdit(ledger.station_name)
        self.station_name.setObjectName("stationNameInput")
        form.addRow(self.tr("Station &name"), self.station_name)
        self.league = QLineEdit(ledger.setting("station.league"))
        self.league.setObjectName("stationLeagueInput")
        form.addRow(self.tr("&League / city federation"), self.league)
        kind = self.tr("supervisor") if ledger.station_kind == "supervisor" else self.tr("station")
        form.addRow(self.tr("Kind"), QLabel(kind))
        fingerprint = QLabel(ledger.keys.fingerprint)
        fingerprint.setObjectName("stationFingerprint")
        form.addRow(self.tr("Key fingerprint"), fingerprint)
        path = QLabel(str(self.ctx.ledger_path))
        path.setWordWrap(True)
        form.addRow(self.tr("Ledger file"), path)
        save = QPushButton(self.tr("Save station &identity"))
        save.setObjectName("saveStationButton")
        save.clicked.connect(self.save_station)
        form.addRow("", save)
        self.station_saved = QLabel()
        self.station_saved.setObjectName("stationSaved")
        self.station_saved.setWordWrap(True)
        self.station_saved.hide()
        form.addRow("", self.station_saved)
        if not can(self.ctx, "settings"):  # printed on every card and report: the admin's
            tip = self.tr("Only the station admin may rename the station: sign in as the "
                          "admin (Ctrl+L locks the screen so that someone else can sign in).")
            for widget in (self.station_name, self.league, save):
                widget.setEnabled(False)
                widget.setToolTip(tip)
        return page

    def save_station(self) -> bool:
        self.station_saved.hide()
        try:
            station.update_identity(self.ctx.ledger, name=self.station_name.text(),
                                    league=self.league.text(), by=self.ctx.actor,
                                    attendant=current_attendant(self.ctx))
        except LedgerError as exc:
            self.fail(exc)
            return False
        self.done_ok()
        self.station_saved.setText(self.tr("Saved. New cards and reports show “%1”.").replace(
            "%1", self.ctx.ledger.station_name))
        self.station_saved.show()
        return True

    # ---- services ----
    def _services_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        note = QLabel(self.tr("Services are never deleted: retire one to take it off the "
                              "counter; past visits keep it."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.services_model = ServicesModel(self.ctx.ledger, self)
        self.services_view = QTableView()
        self.services_view.setObjectName("servicesTable")
        self.services_view.setModel(self.services_model)
        self.services_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.services_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.services_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.services_view.verticalHeader().hide()
        layout.addWidget(self.services_view)
        row = QHBoxLayout()
        for name, text, slot in (("addServiceButton", self.tr("&Add…"), self.add_service),
                                 ("renameServiceButton", self.tr("Re&name…"),
                                  self.rename_service),
                                 ("retireServiceButton", self.tr("Re&tire"),
                                  self.retire_service),
                                 ("restoreServiceButton", self.tr("Rest&ore"),
                                  self.restore_service)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _selected_service(self) -> queries.ServiceRow | None:
        index = self.services_view.currentIndex()
        return self.services_model.service(index.row()) if index.isValid() else None

    def add_service(self) -> None:
        dialog = ServiceEditDialog(self.tr("Add service"), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_service("add", dialog.code.text(), dialog.zh.text(), dialog.en.text())

    def rename_service(self) -> None:
        service = self._selected_service()
        if service is None:
            return
        dialog = ServiceEditDialog(self.tr("Rename service"), service.code, service.name_zh,
                                   service.name_en, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_service("rename", service.code, dialog.zh.text(), dialog.en.text())

    def retire_service(self) -> None:
        service = self._selected_service()
        if service is None or not service.active:
            return
        answer = QMessageBox.question(self, self.tr("Retire service"), self.tr(
            "Take “%1” off the counter? Past visits keep it.").replace(
            "%1", service.text(self.ctx.lang)))
        if answer == QMessageBox.StandardButton.Yes:
            self.apply_service("retire", service.code)

    def restore_service(self) -> None:
        service = self._selected_service()
        if service is not None and not service.active:
            self.apply_service("restore", service.code)

    def apply_service(self, action: str, code: str, zh: str = "", en: str = "") -> bool:
        ledger, by = self.ctx.ledger, self.ctx.actor
        try:
            if action == "add":
                catalogue_ops.add_service(ledger, code, zh, en, by=by)
            elif action == "rename":
                catalogue_ops.rename_service(ledger, code, zh, en, by=by)
            elif action == "restore":
                catalogue_ops.restore_service(ledger, code, by=by)
            else:
                catalogue_ops.retire_service(ledger, code, by=by)
        except LedgerError as exc:
            self.fail(exc)
            return False
        self.services_model.refresh()
        self.done_ok()
        return True

    # ---- campaigns ----
    def _campaigns_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.campaign_list = QListWidget()
        self.campaign_list.setObjectName("campaignList")
        layout.addWidget(self.campaign_list)
        form = QFormLayout()
        self.campaign_code = QLineEdit()
        self.campaign_code.setObjectName("campaignCodeInput")
        self.campaign_code.setPlaceholderText("COOL2027")
        self.campaign_name = QLineEdit()
        self.campaign_name.setObjectName("campaignNameInput")
        self.campaign_kind = QComboBox()
        self.campaign_kind.setObjectName("campaignKindInput")
        kinds = {"cooling": self.tr("Summer cooling (送清凉)"),
                 "warming": self.tr("Winter warmth (送温暖)"), "other": self.tr("Other")}
        for code in catalogue.CAMPAIGN_KINDS:
            self.campaign_kind.addItem(kinds[code], code)
        today = clock.today()
        self.campaign_starts = QDateEdit(QDate(today.year, today.month, today.day))
        self.campaign_starts.setObjectName("campaignStartsInput")
        self.campaign_starts.setCalendarPopup(True)
        self.campaign_starts.setDisplayFormat("yyyy-MM-dd")
        self.campaign_ends = QDateEdit(QDate(today.year, today.month, today.day).addDays(60))
        self.campaign_ends.setObjectName("campaignEndsInput")
        self.campaign_ends.setCalendarPopup(True)
        self.campaign_ends.setDisplayFormat("yyyy-MM-dd")
        self.campaign_once = QCheckBox(self.tr("One handout per person"))
        self.campaign_once.setObjectName("campaignOnceInput")
        self.campaign_once.setChecked(True)
        form.addRow(self.tr("Code"), self.campaign_code)
        form.addRow(self.tr("Name"), self.campaign_name)
        form.addRow(self.tr("Kind"), self.campaign_kind)
        form.addRow(self.tr("Starts"), self.campaign_starts)
        form.addRow(self.tr("Ends"), self.campaign_ends)
        form.addRow("", self.campaign_once)
        layout.addLayout(form)
        add = QPushButton(self.tr("Add &campaign"))
        add.setObjectName("addCampaignButton")
        add.clicked.connect(self.add_campaign)
        layout.addWidget(add)
        self._fill_campaigns()
        return page

    def _fill_campaigns(self) -> None:
        self.campaign_list.clear()
        for c in queries.campaigns(self.ctx.ledger):
            once = self.tr("once per person") if c.one_per_person else self.tr("repeatable")
            self.campaign_list.addItem(f"{c.name} ({c.code}) {c.starts} – {c.ends} · {once}")

    def add_campaign(self) -> bool:
        try:
            relief.define_campaign(
                self.ctx.ledger, code=self.campaign_code.text(), name=self.campaign_name.text(),
                kind=str(self.campaign_kind.currentData()),
                starts=self.campaign_starts.date().toString("yyyy-MM-dd"),
                ends=self.campaign_ends.date().toString("yyyy-MM-dd"),
                one_per_person=self.campaign_once.isChecked(), by=self.ctx.actor)
        except LedgerError as exc:
            self.fail(exc)
            return False
        self._fill_campaigns()
        self.campaign_code.clear()
        self.campaign_name.clear()
        self.done_ok()
        return True

    # ---- language ----
    def _language_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        self.language.setObjectName("languageInput")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(self.ctx.lang))
        form.addRow(self.tr("&Language"), self.language)
        apply = QPushButton(self.tr("&Apply language"))
        apply.setObjectName("applyLanguageButton")
        apply.clicked.connect(self.apply_language)
        form.addRow("", apply)
        return page

    def apply_language(self) -> None:
        lang = str(self.language.currentData())
        parent = self.parentWidget()
        window = parent.window() if parent is not None else None
        self.accept()
        switch = getattr(window, "switch_language", None)
        if switch is not None:
            switch(lang)
