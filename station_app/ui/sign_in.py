"""Sign-in before the main window, the first-run admin setup, and the automatic idle lock.

``sign_in(ctx)`` is the hook ``app.py`` calls: it runs the guided setup on a ledger without
attendants, then asks for a user name and PIN, sets ``ctx.actor`` and starts the idle lock
(Ctrl+L locks at once). The lock screen lets the same or another attendant continue.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..domain.errors import LedgerError
from ..services import auth
from .dialogs import TypedDialog

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 15_000


def current_attendant(ctx: Any) -> auth.Attendant | None:
    """The signed-in attendant (None in open mode, before the first-run setup)."""
    return getattr(ctx, "attendant", None)


def can(ctx: Any, permission: str) -> bool:
    """May the person at the counter do ``permission``? Open mode allows everything."""
    who = current_attendant(ctx)
    if who is None:
        return not auth.has_attendants(ctx.ledger)
    return who.can(permission)


def _pin_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(128)
    return field


def message_and_buttons(dialog: QDialog, layout: QVBoxLayout, prefix: str, ok_text: str,
                        accept: Callable[[], None]) -> tuple[QLabel, QDialogButtonBox]:
    """The red message line and OK / Cancel under a sign-in form (``<prefix>Message``,
    ``<prefix>Ok``); OK runs ``accept``, Cancel rejects the dialog."""
    message = QLabel()
    message.setObjectName(f"{prefix}Message")
    message.setWordWrap(True)
    message.setStyleSheet("color: #b00020")
    layout.addWidget(message)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setObjectName(f"{prefix}Ok")
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return message, buttons


class SetupDialog(QDialog):
    """First run: create the station admin account (the ledger has no attendants yet)."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: auth.Attendant | None = None
        self.setObjectName("setupDialog")
        self.setWindowTitle(self.tr("First start: create the admin account"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Welcome. This station's ledger has no accounts yet. Create the station admin "
            "account now: the admin adds the attendants, can show full ID numbers (with a "
            "reason, logged) and restores backups.\n"
            "A PIN needs at least 4 digits; a password at least 6 characters."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("setupUsername")
        self.username.setMaxLength(32)
        self.username.setPlaceholderText(self.tr("letters, digits, . _ -"))
        self.display = QLineEdit()
        self.display.setObjectName("setupDisplayName")
        self.display.setMaxLength(40)
        self.pin = _pin_field("setupPin")
        self.again = _pin_field("setupPinAgain")
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Display name"), self.display)
        form.addRow(self.tr("&PIN or password"), self.pin)
        form.addRow(self.tr("PIN &again"), self.again)
        layout.addLayout(form)
        self.message, _ = message_and_buttons(self, layout, "setup", self.tr("Create admin"),
                                              self.create_account)
        self.resize(460, self.sizeHint().height())

    def create_account(self) -> None:
        if self.pin.text() != self.again.text():
            self.message.setText(self.tr("The two PINs do not match."))
            self.again.setFocus()
            return
        try:
            self.created = auth.setup_admin(self.ctx.ledger, self.username.text(),
                                            self.pin.text(), self.display.text())
        except LedgerError as exc:
            self.message.setText(self.ctx.message(exc))
            return
        self.accept()


class SignInDialog(QDialog):
    """User name and PIN; failures count towards the growing lock-out."""

    def __init__(self, ctx: Any, parent: QWidget | None = None, *, locked: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.attendant: auth.Attendant | None = None
        self.setObjectName("lockDialog" if locked else "signInDialog")
        self.setProperty("scanPolicy", "ignore")  # a card scanned here is no check-in
        self.setWindowTitle(self.tr("Screen locked") if locked else self.tr("Sign in"))
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("The screen was locked. Sign in to continue.") if locked else
                      self.tr("Station %1 — sign in to the counter.")
                      .replace("%1", ctx.ledger.station_name))
        head.setWordWrap(True)
        layout.addWidget(head)
        form = QFormLayout()
        self.username = QComboBox()
        self.username.setObjectName("signInUser")
        self.username.setEditable(True)
        for person in auth.list_attendants(ctx.ledger):
            if not person.disabled:
                self.username.addItem(f"{person.display_name} ({person.username})",
                                      person.username)
        current = current_attendant(ctx)
        if current is not None:
            index = self.username.findData(current.username)
            if index >= 0:
                self.username.setCurrentIndex(index)
        self.pin = _pin_field("signInPin")
        form.addRow(self.tr("&Attendant"), self.username)
        form.addRow(self.tr("&PIN"), self.pin)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Sign in"))
        ok.setObjectName("signInOk")
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Quit") if not locked else self.tr("Quit the app"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.pin.setFocus()
        self.resize(420, self.sizeHint().height())

    def keyPressEvent(self, event: Any) -> None:
        # On the lock screen Escape must not quit the app: only the Quit button does.
        if self.objectName() == "lockDialog" and event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def username_text(self) -> str:
        data = self.username.currentData()
        text = self.username.currentText().strip()
        if data and self.username.itemText(self.username.currentIndex()) == text:
            return str(data)
        return text

    def try_sign_in(self) -> None:
        try:
            self.attendant = auth.authenticate(self.ctx.ledger, self.username_text(),
                                               self.pin.text(), via="gui")
        except LedgerError as exc:
            self.message.setText(self.ctx.message(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        self.accept()


class IdleLock(QObject):
    """Watches keyboard and mouse input app-wide; locks after the idle minutes (setting)."""

    _INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                        QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin})

    def __init__(self, ctx: Any, minutes: int | None = None) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.timer = auth.IdleTimer(auth.idle_minutes(ctx.ledger) if minutes is None
                                    else minutes)
        self.locked = False
        self.dialog: SignInDialog | None = None
        self._covers: list[QLabel] = []
        self._check = QTimer(self)
        self._check.setInterval(CHECK_EVERY_MS)
        self._check.timeout.connect(self.check)
        self._check.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.locked and event.type() == QEvent.Type.Resize:
            for cover in self._covers:  # a window resized behind the lock stays covered
                if isValid(cover) and cover.parent() is watched:
                    cover.setGeometry(watched.rect())  # type: ignore[attr-defined]
        if event.type() in self._INPUT and not self.locked:
            self.timer.touch()
            if event.type() == QEvent.Type.KeyPress and QKeySequence(
                    event.keyCombination()) == QKeySequence("Ctrl+L"):  # type: ignore[attr-defined]
                QTimer.singleShot(0, self, self.lock)
                return True
        return False

    def check(self) -> None:
        if not self.locked and self.timer.due():
            self.lock()

    def lock(self) -> None:
        """Hide the counter behind the sign-in dialog until someone signs in (or quits)."""
        if self.locked:
            return
        self.locked = True
        locked_signal = getattr(self.ctx, "screen_locked", None)
        if locked_signal is not None:  # first: nothing revealed may stay behind the lock
            locked_signal.emit()
        who = current_attendant(self.ctx)
        try:
            from ..services import audit

            audit.record(self.ctx.ledger, who.username if who else self.ctx.actor, audit.LOCK,
                         "", {"idle_minutes": self.timer.minutes})
        except LedgerError:
            log.warning("could not write the lock to the audit log")
        windows = [w for w in QApplication.topLevelWidgets()
                   if w.isVisible() and not isinstance(w, SignInDialog)]
        for window in windows:
            window.setEnabled(False)
        # Covered, not only disabled: a half-filled sign-up form (a full ID number), today's
        # list of names stayed readable behind the small sign-in window.
        self._covers = [self._cover(window) for window in windows]
        # Over the main window, not over whatever was active: a progress or message dialog
        # closes itself when its work ends, and would take the lock screen with it.
        parent = next((w for w in windows if not isinstance(w, QDialog)), None)
        self.dialog = SignInDialog(self.ctx, parent, locked=True)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.finished.connect(
            lambda result: self._unlocked(result, windows, who.username if who else None))
        self.dialog.open()

    def _cover(self, window: QWidget) -> QLabel:
        cover = QLabel(self.tr("Locked: sign in to go on."), window)
        cover.setObjectName("lockCover")
        cover.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        cover.setAutoFillBackground(True)  # (the sign-in window sits in the middle)
        cover.setStyleSheet("QLabel#lockCover{background:#e9ecef;color:#495057;"
                            "padding-top:60px;font-size:16pt}")
        cover.setGeometry(window.rect())
        cover.show()
        cover.raise_()
        return cover

    def _unlocked(self, result: int, windows: list[QWidget], before: str | None = None) -> None:
        dialog = self.dialog
        self.dialog = None
        self.locked = False
        self.timer.touch()
        if result == QDialog.DialogCode.Accepted and dialog and dialog.attendant:
            for cover in self._covers:  # (kept on the way out: nothing shows while quitting)
                if isValid(cover):
                    cover.hide()
                    cover.deleteLater()
            self._covers = []
            someone_else = before is not None and dialog.attendant.username != before
            for window in windows:
                if not isValid(window):  # a dialog may have closed itself behind the lock
                    continue
                window.setEnabled(True)
                if someone_else:
                    _not_theirs(window)
            _become(self.ctx, dialog.attendant)
            return
        QApplication.closeAllWindows()
        QApplication.quit()

    def stop(self) -> None:
        self._check.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def _not_theirs(window: QWidget) -> None:
    """Another attendant signed in: the last one's open windows are not theirs to finish (a
    form, a confirmation, a restore about to start would go on under the new name). A job's
    progress goes on; the counter forgets the person it showed."""
    if isinstance(window, QDialog) and not isinstance(window, QProgressDialog):
        if isinstance(window, TypedDialog):
            window.discard_ok = True
        window.reject()
        return
    counter = getattr(window, "pages", {}).get("counter")
    if counter is not None and hasattr(counter, "reset"):
        counter.reset()


def _become(ctx: Any, attendant: auth.Attendant) -> None:
    ctx.attendant = attendant
    ctx.actor = attendant.username


DAILY_CHECK_MS = 60 * 60 * 1000


def start_background_work(ctx: Any) -> None:
    """After sign-in (and every hour): today's automatic backup and the retention rule."""
    if getattr(ctx, "daily_timer", None) is None:
        timer = QTimer(ctx)
        timer.setInterval(DAILY_CHECK_MS)
        timer.timeout.connect(lambda: _run_daily(ctx))
        timer.start()
        ctx.daily_timer = timer
    _run_daily(ctx)


def _run_daily(ctx: Any) -> None:
    from ..services import backup, privacy
    from .jobs import Job

    def work(job: Any) -> None:
        ledger = job.ledger()
        backup.daily_if_due(ledger, by=ctx.actor)
        privacy.retention_if_due(ledger)  # automatic work: the services name it so

    try:
        Job(None, work, on_success=lambda _r: ctx.changed(), ledger=ctx.open_worker_ledger,
            lang=ctx.lang).run()
    except Exception:  # never keep the counter from opening
        log.exception("could not start the daily backup")


def sign_in(ctx: Any, *, background: bool = True) -> bool:
    """The start-up hook: setup if needed, then sign in; False when the user gave up."""
    ledger = ctx.ledger
    if not auth.has_attendants(ledger):
        setup = SetupDialog(ctx)
        if setup.exec() != QDialog.DialogCode.Accepted or setup.created is None:
            return False
        _become(ctx, setup.created)
    else:
        dialog = SignInDialog(ctx)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.attendant is None:
            return False
        _become(ctx, dialog.attendant)
    ctx.idle_lock = IdleLock(ctx)
    if background:
        start_background_work(ctx)
    return True
