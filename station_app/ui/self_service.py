"""Self-service mode (自助模式): the full-window screen a worker uses alone, unattended.

Welcome -> scan the card (the USB scanner types the payload and Enter) or tap "No card" ->
big toggle buttons for the services (and the worker type for a walk-in) -> "Done". After
``kiosk.idle_seconds`` without a touch, or after Done, the screen is back at the welcome state
and shows nothing of the previous person. Nothing of the attendant UI is reachable: leaving
needs an admin's sign-in (``settings`` permission), and closing the window is refused.

``add_menu_action(window, menu)`` puts the switch into the main window's Station menu;
``start(ctx)`` opens the screen when ``station-app`` starts with the mode on (no sign-in: a
power cut at night must bring the station back by itself).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain import worker_types
from ..domain.errors import LedgerError, Refused
from ..services import audit, auth
from ..services import self_service as kiosk
from ..services.visits import WalkIn
from . import i18n, scan_router
from .sign_in import SignInDialog, can, current_attendant

log = logging.getLogger(__name__)

SHORTCUT = "Ctrl+Shift+K"
THANKS_MS = 6000
SERVICE_COLUMNS = 4

_STYLE = """
QWidget#selfServiceWindow { background: #f4f7fb; }
QLabel#ssStation { font-size: 22pt; font-weight: bold; color: #1d4f91; }
QLabel#ssTitle { font-size: 34pt; font-weight: bold; color: #12325c; }
QLabel#ssPrompt { font-size: 24pt; color: #12325c; }
QLabel#ssHint, QLabel#ssSignUp { font-size: 16pt; color: #44546a; }
QLabel#ssMessage { font-size: 20pt; padding: 12px; border-radius: 10px; }
QLabel#ssMessage[kind="ok"] { background: #e3f4e6; color: #1b6e2a; }
QLabel#ssMessage[kind="warn"] { background: #fdecea; color: #8a1c12; }
QLabel#ssGreeting { font-size: 30pt; font-weight: bold; color: #12325c; }
QLabel#ssSection { font-size: 18pt; color: #44546a; }
QPushButton { font-size: 20pt; border: 2px solid #9db3cf; border-radius: 12px;
              background: white; color: #12325c; padding: 8px 16px; }
QPushButton:checked { background: #1d6fb8; color: white; border-color: #0f3f6b;
                      font-weight: bold; }
QPushButton:disabled { color: #9aa5b4; border-color: #d5dde8; background: #eef1f5; }
QPushButton#ssDone { background: #1b7f3a; color: white; border-color: #125a28;
                     font-size: 26pt; font-weight: bold; }
QPushButton#ssDone:disabled { background: #a9c8b3; border-color: #a9c8b3; }
QPushButton#ssNoCard { font-size: 24pt; }
QPushButton#ssStaff, QPushButton#ssLanguage { font-size: 13pt; color: #44546a;
                      border: 1px solid #c4cfdd; border-radius: 8px; padding: 4px 12px; }
"""


def _big_button(name: str, height: int = 96) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scanner's keys always reach the screen
    button.setMinimumHeight(height)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return button


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class StaffSignInDialog(SignInDialog):
    """The admin signs in to leave self-service mode by typing the user name: at an unattended
    station no account names are offered to whoever taps the button."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("selfServiceStaffDialog")
        self.setWindowTitle(self.tr("Leave self-service mode"))
        self.username.clear()
        self.username.setEditText("")
        head = self.findChild(QLabel)
        if head is not None:
            head.setText(self.tr("Staff only: the station admin signs in to leave "
                                 "self-service mode."))
        box = self.findChild(QDialogButtonBox)
        if box is not None:
            box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Back"))

    def try_sign_in(self) -> None:
        try:
            who = auth.authenticate(self.ctx.ledger, self.username_text(), self.pin.text(),
                                    via="self_service")
            kiosk.set_enabled(self.ctx.ledger, False, by=who.username, attendant=who)
        except LedgerError as exc:
            if exc.code == "not_permitted":
                # An attendant's right PIN is not told apart from a wrong one: at an unattended
                # station that would tell a passer-by the PIN works (audited either way).
                exc = Refused("signin_failed")
            self.message.setText(self.ctx.message(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        self.attendant = who
        self.accept()


class SelfServiceWindow(QWidget):
    """The whole screen in self-service mode. ``left`` carries the admin who left it."""

    left = Signal(object)

    def __init__(self, ctx: Any, *, idle_ms: int | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("selfServiceWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Chinese by default whatever the attended UI uses; the worker may switch to English.
        self.home_lang = i18n.install(i18n.DEFAULT_LANG)
        self.lang = self.home_lang
        self.visitor: kiosk.Visitor | None = None
        self.walk_in = False
        self.worker: str | None = None
        self.staff_dialog: StaffSignInDialog | None = None
        self._may_close = False
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_ms if idle_ms is not None
                              else kiosk.idle_seconds(ctx.ledger) * 1000)
        self.idle.timeout.connect(self.reset)
        self.thanks = QTimer(self)
        self.thanks.setSingleShot(True)
        self.thanks.setInterval(THANKS_MS)
        self.thanks.timeout.connect(lambda: self.say(""))
        self._build()
        self.retranslate()
        self.reset()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        # Every burst typed on this screen is the scanner's (it has no text fields): cards
        # are greeted, anything else is answered "not a card".
        scan_router.register(self, self._claims_scan, self.scanned, every_burst=True)

    def _claims_scan(self, widget: QWidget) -> bool:
        return self.isVisible() and widget.window() is self and self.staff_dialog is None

    # ---- layout ----
    def _build(self) -> None:
        self.station = QLabel()
        self.station.setObjectName("ssStation")
        self.language_button = QPushButton()
        self.language_button.setObjectName("ssLanguage")
        self.language_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.language_button.clicked.connect(self.toggle_language)
        self.staff_button = QPushButton()
        self.staff_button.setObjectName("ssStaff")
        self.staff_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.staff_button.clicked.connect(self.ask_leave)
        for small in (self.language_button, self.staff_button):
            small.setMinimumSize(96, 44)
        top = QHBoxLayout()
        top.addWidget(self.station, 1)
        top.addWidget(self.language_button)
        top.addWidget(self.staff_button)

        self.message = _label("ssMessage")
        self.message.setMinimumHeight(64)

        # Welcome
        self.title = _label("ssTitle")
        self.prompt = _label("ssPrompt")
        self.no_card_button = _big_button("ssNoCard", 96)
        self.no_card_button.setMaximumWidth(560)
        self.no_card_button.clicked.connect(self.start_walk_in)
        self.sign_up_note = _label("ssSignUp")
        welcome = QWidget()
        welcome.setObjectName("ssWelcome")
        w_layout = QVBoxLayout(welcome)
        w_layout.addStretch(2)
        w_layout.addWidget(self.title)
        w_layout.addSpacing(12)
        w_layout.addWidget(self.prompt)
        w_layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.no_card_button, 2)
        row.addStretch(1)
        w_layout.addLayout(row)
        w_layout.addStretch(1)
        w_layout.addWidget(self.sign_up_note)

        # Services (a member after a scan, or a walk-in)
        self.greeting = _label("ssGreeting")
        self.hint = _label("ssHint")
        self.worker_title = _label("ssSection")
        self.worker_buttons: dict[str, QPushButton] = {}
        worker_row = QHBoxLayout()
        for label in worker_types.WORKER_TYPES:
            button = _big_button(f"ssWorker_{label.code}", 60)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, code=label.code: self.pick_worker(code))
            worker_row.addWidget(button)
            self.worker_buttons[label.code] = button
        self.worker_box = QWidget()
        box_layout = QVBoxLayout(self.worker_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.worker_title)
        box_layout.addLayout(worker_row)
        self.services_title = _label("ssSection")
        self.service_grid = QGridLayout()
        self.service_grid.setSpacing(12)
        self.service_buttons: dict[str, QPushButton] = {}
        self._services_shown: list[Any] = []
        self.cancel_button = _big_button("ssCancel", 80)
        self.cancel_button.clicked.connect(self.reset)
        self.done_button = _big_button("ssDone", 80)
        self.done_button.clicked.connect(self.done)
        bottom = QHBoxLayout()
        bottom.addWidget(self.cancel_button, 1)
        bottom.addWidget(self.done_button, 2)
        chooser = QWidget()
        chooser.setObjectName("ssServices")
        c_layout = QVBoxLayout(chooser)
        c_layout.addWidget(self.greeting)
        c_layout.addWidget(self.hint)
        c_layout.addWidget(self.worker_box)
        c_layout.addWidget(self.services_title)
        c_layout.addLayout(self.service_grid, 1)
        c_layout.addSpacing(12)
        c_layout.addLayout(bottom)

        self.pages = QStackedWidget()
        self.pages.addWidget(welcome)
        self.pages.addWidget(chooser)
        self.welcome_page, self.services_page = welcome, chooser
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 24)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)

    def _fill_services(self, *, only_if_changed: bool = False) -> None:
        services = kiosk.services(self.ctx.ledger)
        if only_if_changed and services == self._services_shown:
            return
        self._services_shown = services
        for button in self.service_buttons.values():
            self.service_grid.removeWidget(button)
            button.deleteLater()
        self.service_buttons.clear()
        for n, service in enumerate(services):
            button = _big_button(f"ssService_{service.code}", 64)
            button.setCheckable(True)
            button.setText(service.text(self.lang))
            button.toggled.connect(lambda _on: self._update_done())
            self.service_grid.addWidget(button, n // SERVICE_COLUMNS, n % SERVICE_COLUMNS)
            self.service_buttons[service.code] = button

    def retranslate(self) -> None:
        """Every text of the screen in ``self.lang`` (the screen may switch language)."""
        self.setWindowTitle(self.tr("Self-service") + " — " + self.ctx.ledger.station_name)
        self.station.setText(self.ctx.ledger.station_name)
        self.language_button.setText("English" if self.lang != "en" else "中文")
        self.staff_button.setText(self.tr("Staff"))
        self.title.setText(self.tr("Welcome to the station"))
        self.prompt.setText(self.tr("Please scan the QR code on your membership card"))
        self.no_card_button.setText(self.tr("No card"))
        note = kiosk.signup_note(self.ctx.ledger)
        self.sign_up_note.setText(self.tr(
            "Want to join the union (入会)? Sign-up needs your ID card and a staff member: "
            "please come when the station is attended.") + (f"\n{note}" if note else ""))
        self.worker_title.setText(self.tr("What is your work?"))
        for label in worker_types.WORKER_TYPES:
            self.worker_buttons[label.code].setText(label.text(self.lang))
        self.services_title.setText(self.tr("Which services did you use? Tap all that apply."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.done_button.setText(self.tr("Done"))
        self._fill_services()
        self._greet()

    def _greet(self) -> None:
        if self.visitor is not None and self.visitor.greeting_name:
            self.greeting.setText(self.tr("Hello, %1!").replace("%1",
                                                               self.visitor.greeting_name))
        else:
            self.greeting.setText(self.tr("Hello!"))
        self.hint.setText(self.tr("Tap your work and the services, then tap “Done”.")
                          if self.walk_in else
                          self.tr("Tap the services you used, then tap “Done”."))

    # ---- state ----
    def say(self, text: str, kind: str = "ok") -> None:
        self.message.setProperty("kind", kind)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def reset(self) -> None:
        """Back to the welcome state; nothing of the previous person stays on screen."""
        self.idle.stop()
        self.thanks.stop()
        self.visitor = None
        self.walk_in = False
        self.worker = None
        if self.staff_dialog is not None:
            self.staff_dialog.reject()
        for button in (*self.service_buttons.values(), *self.worker_buttons.values()):
            button.setChecked(False)
        if self.lang != self.home_lang:
            self._set_lang(self.home_lang)
        self._fill_services(only_if_changed=True)  # the admin may have changed the catalogue
        self._greet()
        self.say("")
        self.pages.setCurrentWidget(self.welcome_page)
        self._update_done()

    def _show_services(self) -> None:
        for button in (*self.service_buttons.values(), *self.worker_buttons.values()):
            button.setChecked(False)
        self.worker_box.setVisible(self.walk_in)
        self.services_title.setVisible(self.walk_in)
        self._greet()
        self.say("")
        self.pages.setCurrentWidget(self.services_page)
        self._update_done()
        self.idle.start()

    def _update_done(self) -> None:
        chosen = any(b.isChecked() for b in self.service_buttons.values())
        self.done_button.setEnabled(chosen and (not self.walk_in or self.worker is not None))

    def refuse(self, text: str) -> None:
        """A friendly sentence on the welcome screen; the person is forgotten."""
        self.reset()
        self.say(text, "warn")
        self.idle.start()  # the sentence goes away too

    # ---- actions ----
    def scanned(self, text: str) -> bool:
        """The scanner typed a card and Enter: greet the member, or say why not."""
        try:
            visitor = kiosk.check_in(self.ctx.ledger, text)
        except Exception as exc:  # never a trace on this screen
            if not isinstance(exc, LedgerError):
                log.exception("self-service scan failed")
            self.refuse(kiosk.friendly(exc, self.lang))
            return False
        self.thanks.stop()
        self.visitor = visitor
        self.walk_in = False
        self.worker = None
        self._show_services()
        return True

    def start_walk_in(self) -> None:
        self.thanks.stop()
        self.visitor = None
        self.walk_in = True
        self.worker = None
        self._show_services()

    def pick_worker(self, code: str) -> None:
        self.worker = code
        for key, button in self.worker_buttons.items():
            button.setChecked(key == code)
        self._update_done()

    def chosen(self) -> list[str]:
        return [code for code, b in self.service_buttons.items() if b.isChecked()]

    def done(self) -> bool:
        """Record the visit, thank the worker and go back to the welcome state."""
        chosen = self.chosen()
        if not chosen or (self.walk_in and self.worker is None) \
                or (not self.walk_in and self.visitor is None):
            return False
        try:
            if self.walk_in:
                assert self.worker is not None
                kiosk.record(self.ctx.ledger, chosen, walk_in=WalkIn(self.worker))
            else:
                kiosk.record(self.ctx.ledger, chosen, visitor=self.visitor)
        except Exception as exc:
            if not isinstance(exc, LedgerError):
                log.exception("self-service visit failed")
            self.refuse(kiosk.friendly(exc, self.lang))
            return False
        self.ctx.changed_soon()
        thanks = self.tr("Thank you! Your visit is recorded. Take care on the road.")
        self.reset()
        self.say(thanks, "ok")
        self.thanks.start()
        return True

    def toggle_language(self) -> None:
        self._set_lang("en" if self.lang != "en" else "zh_CN")
        if self.pages.currentWidget() is self.services_page:
            self.idle.start()

    def _set_lang(self, lang: str) -> None:
        self.lang = i18n.install(lang)
        selected = set(self.chosen())
        self.retranslate()
        for code in selected:
            if code in self.service_buttons:
                self.service_buttons[code].setChecked(True)
        self._update_done()

    # ---- leaving: the admin only ----
    def ask_leave(self) -> bool:
        """The staff button: an admin signs in; the mode is switched off (audited)."""
        if self.staff_dialog is not None:
            return False
        self.reset()
        if self.lang != self.ctx.lang:
            self._set_lang(self.ctx.lang)
        dialog = StaffSignInDialog(self.ctx, self)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.staff_dialog = dialog
        self.idle.start()  # a dialog left open is closed again
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.staff_dialog = None
        who = dialog.attendant if accepted else None
        dialog.deleteLater()
        self.idle.stop()
        if who is None:
            self.reset()
            return False
        self._may_close = True
        self.left.emit(who)
        self.close()
        return True

    # ---- input: the idle timer, Enter and Esc (scans come from ui/scan_router.py) ----
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
                    QEvent.Type.KeyPress) and self.idle.isActive():
            self.idle.start()
        if kind == QEvent.Type.KeyPress and isinstance(watched, QWidget) \
                and watched.window() is self and self.staff_dialog is None:
            assert isinstance(event, QKeyEvent)
            self._key(event)
            return True
        return False

    def _key(self, event: QKeyEvent) -> None:
        """Keys that were no scan: Enter is Done, Esc cancels, anything else means nothing."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.pages.currentWidget() is self.services_page:
                self.done()
            return
        if key == Qt.Key.Key_Escape and self.pages.currentWidget() is self.services_page:
            self.reset()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close:
            event.ignore()  # Alt+F4 and the window's close button: only the admin leaves
            return
        self.idle.stop()
        self.thanks.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        router = scan_router.ScanRouter.instance()
        if router is not None:
            router.unregister(self)
        super().closeEvent(event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)


# ---- switching the mode on and off ----
def add_menu_action(window: Any, menu: QMenu) -> Any:
    """"Self-service mode…" (Ctrl+Shift+K) in the main window's Station menu."""
    action = menu.addAction(QCoreApplication.translate("SelfService", "Self-ser&vice mode…"))
    action.setObjectName("actionSelfService")
    action.setShortcut(QKeySequence(SHORTCUT))
    # Always enabled: the signed-in person may change (idle lock); a refusal names the reason.
    action.triggered.connect(lambda: switch_on(window))
    return action


def switch_on(window: Any, *, confirm: bool = True, fullscreen: bool = True,
              idle_ms: int | None = None) -> SelfServiceWindow | None:
    """The admin switches the station to self-service mode; the attendant UI is hidden."""
    ctx = window.ctx
    if confirm and can(ctx, kiosk.PERMISSION):
        answer = QMessageBox.question(
            window, QCoreApplication.translate("SelfService", "Self-service mode"),
            QCoreApplication.translate(
                "SelfService",
                "Switch this station to self-service mode?\n\nWorkers then record their own "
                "visits with their card or as walk-ins; nothing else can be reached. The mode "
                "stays on after a restart. Leaving it needs the station admin's sign-in."))
        if answer != QMessageBox.StandardButton.Yes:
            return None
    who = current_attendant(ctx)
    try:
        kiosk.set_enabled(ctx.ledger, True, by=who.username if who else ctx.actor,
                          attendant=who)
    except LedgerError as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("SelfService", "Self-service mode"),
            ctx.message(exc))
        return None
    counter = getattr(window, "pages", {}).get("counter")
    if counter is not None and hasattr(counter, "reset"):
        counter.reset()  # the last member must not wait behind the screen
    return open_screen(ctx, window, fullscreen=fullscreen, idle_ms=idle_ms)


def open_screen(ctx: Any, main_window: QWidget | None = None, *, fullscreen: bool = True,
                idle_ms: int | None = None) -> SelfServiceWindow:
    """Sign the attendant out, hide the attendant UI and show the self-service screen."""
    who = current_attendant(ctx)
    if who is not None:
        try:
            audit.record(ctx.ledger, who.username, audit.SIGN_OUT, who.username,
                         {"why": "self_service"})
        except LedgerError:
            log.warning("could not write the sign-out to the audit log")
    lock = getattr(ctx, "idle_lock", None)
    if lock is not None:  # the attended idle lock must not cover the self-service screen
        lock.stop()
        ctx.idle_lock = None
    ctx.attendant = None
    ctx.actor = kiosk.RECORDED_BY
    screen = SelfServiceWindow(ctx, idle_ms=idle_ms)
    ctx.self_service_window = screen
    screen.left.connect(lambda admin: _leave(ctx, screen, main_window, admin))
    if fullscreen:
        screen.showFullScreen()
    else:
        screen.resize(1280, 800)
        screen.show()
    if main_window is not None:
        main_window.hide()
    return screen


def _leave(ctx: Any, screen: SelfServiceWindow, main_window: QWidget | None, admin: Any) -> None:
    """The admin signed in: back to the attended UI, signed in as the admin."""
    from .sign_in import IdleLock, _become

    i18n.install(ctx.lang)
    _become(ctx, admin)
    ctx.idle_lock = IdleLock(ctx)
    ctx.self_service_window = None
    if main_window is None:
        from .main_window import MainWindow

        main_window = MainWindow(ctx)
        ctx.main_window = main_window
    ctx.changed()  # every page catches up with the visits recorded meanwhile
    main_window.show()
    main_window.raise_()
    main_window.activateWindow()
    focus = getattr(main_window, "focus_counter", None)
    if callable(focus):
        focus()
    screen.deleteLater()


def starts_in_self_service(ctx: Any) -> bool:
    """``station-app`` opens the self-service screen instead of the sign-in (setting on)."""
    try:
        return kiosk.is_enabled(ctx.ledger)
    except Exception:
        log.exception("could not read the self-service setting")
        return False


def start(ctx: Any, *, background: bool = True, fullscreen: bool = True,
          idle_ms: int | None = None) -> SelfServiceWindow:
    """Start-up with the mode on: the screen at once, no sign-in; daily backups still run."""
    screen = open_screen(ctx, None, fullscreen=fullscreen, idle_ms=idle_ms)
    if background:
        from .sign_in import start_background_work

        start_background_work(ctx)
    return screen
