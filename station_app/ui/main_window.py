"""The main window: one tab per registered page (the counter first), menus, status bar."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from .. import __version__ as app_version
from . import i18n
from .context import AppContext, ui_settings
from .pages import PAGES
from .security_pin import add_change_pin_action

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Tabs from ``ui/pages.py``; language switching rebuilds them in the new language."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.pages: dict[str, QWidget] = {}
        self._tab_actions: list[QAction] = []
        self._status_station = QLabel()
        self._status_station.setObjectName("statusStation")
        self._status_actor = QLabel()
        self._status_actor.setObjectName("statusActor")
        self.statusBar().addWidget(self._status_station, 1)
        self.statusBar().addPermanentWidget(self._status_actor)
        ctx.actor_changed.connect(lambda _name: self._update_status())
        # Someone else signed in at the lock screen: the tabs are theirs (an attendant after
        # the admin kept Reports, Security and the audit log; the admin after an attendant
        # had to restart to reach them).
        # (Later, not inside the sign-in: the closed forms' callers are still on the stack.)
        ctx.actor_changed.connect(
            lambda _name: QTimer.singleShot(0, self, self._pages_follow_attendant))
        self._build()
        geometry = ui_settings().value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    # ---- building (again after a language switch) ----
    def _build(self) -> None:
        # (What was meant, not what was built: a page that fails to build must not make
        # every later sign-in rebuild them all again.)
        self._built_for = self._pages_for_attendant()
        self.setWindowTitle(self.tr("Station Ledger") + " — " + self.ctx.ledger.station_name)
        self._build_menus()
        for page in PAGES:
            if page.name not in self._built_for:
                continue
            try:
                widget = page.build(self.ctx)
            except Exception:  # one broken page must not keep the counter from opening
                log.exception("page %s failed to build", page.name)
                continue
            widget.setObjectName(widget.objectName() or f"page_{page.name}")
            self.pages[page.name] = widget
            self.tabs.addTab(_scrolling(widget) if page.scrolls else widget,
                             widget.windowTitle() or page.name)
        for index in range(min(self.tabs.count(), 9)):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Alt+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            self.addAction(action)
            self._tab_actions.append(action)
        self._update_status()

    def _clear(self) -> None:
        for page in self.pages.values():  # a revealed ID goes, from the clipboard too
            getattr(page, "hide_revealed", lambda: None)()
        for action in self._tab_actions:
            self.removeAction(action)
        self._tab_actions.clear()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        self.pages.clear()
        self.menuBar().clear()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        station = bar.addMenu(self.tr("&Station"))
        settings = station.addAction(self.tr("&Settings…"))
        settings.setObjectName("actionSettings")
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.open_settings)
        add_change_pin_action(station, self, self.ctx)  # the signed-in attendant's own PIN
        from . import self_service  # 自助模式: admin only, Ctrl+Shift+K

        self_service.add_menu_action(self, station)
        station.addSeparator()
        quit_action = station.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)

        language = bar.addMenu(self.tr("&Language"))
        for code, label in (("zh_CN", "简体中文"), ("en", "English")):
            action = language.addAction(label)
            action.setObjectName(f"actionLang_{code}")
            action.setCheckable(True)
            action.setChecked(self.ctx.lang == code)
            action.triggered.connect(lambda _=False, c=code: self.switch_language(c))

        help_menu = bar.addMenu(self.tr("&Help"))
        keys = help_menu.addAction(self.tr("&Keyboard shortcuts"))
        keys.setShortcut(QKeySequence("F1"))
        keys.triggered.connect(self.show_shortcuts)
        about = help_menu.addAction(self.tr("&About Station Ledger"))
        about.triggered.connect(self.show_about)

    def _update_status(self) -> None:
        ledger = self.ctx.ledger
        self._status_station.setText(
            self.tr("Station %1 · %2 · ledger %3")
            .replace("%1", ledger.setting("station.code"))
            .replace("%2", ledger.station_name)
            .replace("%3", str(self.ctx.ledger_path)))
        self._status_actor.setText(self.tr("Attendant: %1").replace("%1", self.ctx.actor))

    # ---- actions ----
    def switch_language(self, lang: str) -> None:
        lang = i18n.normalise(lang)
        if lang == self.ctx.lang:
            return
        i18n.install(lang)
        self.ctx.lang = lang
        ui_settings().setValue("ui/lang", lang)
        from .counter import CounterPage

        current = self.tabs.currentIndex()
        counter = self.pages.get("counter")
        held = counter.held() if isinstance(counter, CounterPage) else None
        self._clear()
        self._build()
        self.tabs.setCurrentIndex(max(current, 0))
        counter = self.pages.get("counter")
        if held is not None and isinstance(counter, CounterPage):
            counter.hold(held)  # the person at the counter stays through the switch
        self.ctx.language_changed.emit(lang)

    def _pages_for_attendant(self) -> list[str]:
        return [page.name for page in PAGES if _visible(page, self.ctx)]

    _built_for: list[str] | None = None  # the pages meant when they were last built

    def _pages_follow_attendant(self) -> None:
        """Rebuild the pages once their set differs from what the signed-in attendant may see,
        as soon as nothing is at work on them (a job, a dialog opened over them)."""
        from . import jobs

        if self._pages_for_attendant() == self._built_for:
            return
        lock = getattr(self.ctx, "idle_lock", None)
        if (jobs.running_jobs() or QApplication.activeModalWidget() is not None
                or (lock is not None and lock.locked)):
            QTimer.singleShot(200, self, self._pages_follow_attendant)
            return
        self.build_pages()

    def close_pages(self) -> None:
        """Drop every page and menu (with them every model's hold on ``ctx.ledger``) until
        ``build_pages()``: a restore replaces the ledger file underneath them."""
        self._clear()

    def build_pages(self) -> None:
        """Build the pages again on the ledger now in ``ctx.ledger`` (after a restore)."""
        self._clear()
        self._build()
        self.focus_counter()

    def open_settings(self) -> None:
        from .dialogs.settings import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def show_shortcuts(self) -> None:
        page = self.pages.get("counter")
        text = getattr(page, "shortcuts_help", lambda: "")()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Keyboard shortcuts"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("shortcutsHelp")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.exec()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Station Ledger"), self.tr(
            "Station Ledger %1\nOffline ledger for trade-union service stations.")
            .replace("%1", app_version))

    def show_page(self, name: str) -> QWidget | None:
        """Bring the page's tab to the front (a long page sits in a scroll area); the page."""
        page = self.pages.get(name)
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if page is not None and (tab is page or (isinstance(tab, QScrollArea)
                                                     and tab.widget() is page)):
                self.tabs.setCurrentIndex(index)
                return page
        return None

    def focus_counter(self) -> None:
        page = self.show_page("counter")
        if page is not None:
            QTimer.singleShot(0, page, getattr(page, "focus_check_in", lambda: None))

    def closeEvent(self, event: QCloseEvent) -> None:
        ui_settings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
        app = QApplication.instance()
        if app is not None:
            app.setProperty("stationMainWindowClosed", True)


def _scrolling(page: QWidget) -> QScrollArea:
    """The page in a frameless scroll area: as wide and tall as the tab when there is room,
    scrolling (vertically) when the window is smaller than the page needs."""
    area = QScrollArea()
    area.setObjectName(f"{page.objectName()}_scroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(page)
    # As narrow as the page (it scrolls up and down only), not the scroll area's default.
    area.setMinimumWidth(page.minimumSizeHint().width()
                         + area.verticalScrollBar().sizeHint().width())
    return area


def _visible(page: Any, ctx: AppContext) -> bool:
    try:
        return bool(page.visible(ctx))
    except Exception:  # one broken page must not keep the counter from opening
        log.exception("page %s: cannot tell whether it is shown", page.name)
        return False
