"""Errors on screen: a ledger error as one plain translated sentence, others in a crash dialog.

Unexpected exceptions are logged with their traceback to the log file (``log_path()``) and shown
with copyable details and that path, so an attendant can send them to whoever supports the
station. ``install_excepthook()`` routes uncaught exceptions (e.g. in slots) here.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__ as app_version
from ..domain import messages
from ..domain.errors import LedgerError

log = logging.getLogger("station_app")
_log_file: Path | None = None


# The catalogue's sentence for these codes is written for the command line (it names ``--as``
# and STATION_LEDGER_PIN); in a window the same refusal needs the window's way of doing it.
GUI_SENTENCES: dict[str, tuple[str, str]] = {
    "signin_required": (
        "此操作需要登录：请以有此权限的操作员身份登录后再试（按 Ctrl+L 锁屏即可换人登录）",
        "This needs a signed-in attendant: sign in as someone allowed to do it and try again "
        "(Ctrl+L locks the screen so that another attendant can sign in)"),
    # The command line's sentences name `enrol`, `trust`, `fork-resolve`; here the page's
    # buttons do those things.
    "sync.unknown_station": (
        "驿站 {station} 尚未在本台账登记：请先在“数据同步”页用其身份文件登记（“登记驿站…”）",
        "Station {station} is not enrolled in this ledger: enrol it from its identity file "
        "first (Enrol a station… on the Sync page)"),
    "sync.fork_held": (
        "驿站 {station} 第 {epoch} 期自 {since} 起被标记为分叉，其数据包暂不接收，"
        "待管理员查明哪一份台账在用后，在“数据同步”页选中该驿站并点“解除分叉…”",
        "Station {station}'s epoch {epoch} has been marked forked since {since}: its bundles "
        "are held back until the admin finds out which copy of the ledger is in use and "
        "resolves it (choose the station on the Sync page, then Resolve fork…)"),
    # The catalogue's restore sentences name the command line's --other-station and speak of
    # "the Station Ledger window" as the other program; in the window it is another one.
    "restore_in_use": (
        "台账正被另一个程序使用（可能是本机另一个驿站台账窗口）：请先关闭它再恢复，台账未改变",
        "The ledger is open in another program (perhaps another Station Ledger window on this "
        "PC): close it, then restore again. Nothing was changed"),
    "restore_other_station": (
        "这是驿站 {found} 的备份，本台账属于驿站 {here}：窗口中不能用另一驿站的备份恢复。"
        "若这台电脑确实要改作驿站 {found} 使用，请联系技术支持",
        "This is a backup of station {found}; this ledger is station {here}. The window does "
        "not restore another station's backup: if this PC is really to become station "
        "{found}, ask whoever supports the station"),
    "sync.no_supervisor": (
        "尚未信任上级，不能导出：身份证号只能加密给上级。请先在“数据同步”页用上级的信任文件"
        "信任上级（“信任上级…”）",
        "No supervisor is trusted yet, so nothing can be exported: ID numbers may only leave "
        "encrypted for the supervisor. Trust the supervisor from its trust file first (Trust "
        "the supervisor… on the Sync page)"),
}


def render(exc: LedgerError, lang: str = "zh_CN") -> str:
    """The sentence the GUI shows for a ledger error: every window renders through here.

    ``messages.render`` with the GUI's own wording where the shared one speaks of
    command-line options.
    """
    wording = GUI_SENTENCES.get(exc.code)
    if wording is None:
        return messages.render(exc, lang)
    zh, en = wording
    template = en if lang == "en" else zh
    try:
        return template.format(**exc.params)
    except (KeyError, IndexError, ValueError):
        return template


def log_path() -> Path:
    """Where the app writes its log (the per-user log folder; tests isolate it)."""
    if _log_file is not None:
        return _log_file
    try:
        from .. import logs
    except ImportError:  # the logging module of the security area is not installed
        from ..services.station import data_dir

        return data_dir() / "logs" / "station-app.log"
    return logs.log_path()


def setup_logging() -> Path:
    """Log to the rotating, personal-data-masking log file of ``station_app.logs``."""
    global _log_file
    try:
        from .. import logs
    except ImportError:
        target = log_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(target, maxBytes=2_000_000,
                                                       backupCount=3, encoding="utf-8")
        logging.getLogger().addHandler(handler)
        logging.getLogger().setLevel(logging.INFO)
        _log_file = target
        return target
    _log_file = logs.setup()
    return _log_file


def _mask(text: str) -> str:
    try:
        from ..logs import mask_text
    except ImportError:
        return text
    return mask_text(text)


def details_text(exc: BaseException) -> str:
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    head = (f"Station Ledger {app_version} · Python {platform.python_version()} · "
            f"{platform.platform()}\n")
    return _mask(head + "".join(lines))


class CrashDialog(QDialog):
    """Something went wrong that the app did not expect: details to copy and the log path."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Something unexpected went wrong. What was already saved in the ledger is safe.\n"
            "Please copy the details below and send them to your support contact."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(details_text(exc))
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Error details"))
        self.details.setMinimumSize(560, 220)
        layout.addWidget(self.details)
        path = QLabel(self.tr("Log file: %1").replace("%1", str(log_path())))
        path.setObjectName("crashLogPath")
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path.setWordWrap(True)
        layout.addWidget(path)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("&Copy details"))
        copy.setObjectName("crashCopy")
        copy.clicked.connect(self.copy_details)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


def show_error(parent: QWidget | None, exc: BaseException, lang: str = "zh_CN") -> None:
    """Tell the user about ``exc``: a plain sentence for ledger errors, else the crash dialog."""
    if isinstance(exc, LedgerError):
        log.info("refused: %s", exc.code)
        box = QMessageBox(QMessageBox.Icon.Warning,
                          QCoreApplication.translate("Errors", "Not done"), render(exc, lang),
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("errorMessage")
        box.exec()
        return
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    if QApplication.instance() is None:
        return
    CrashDialog(exc, parent).exec()


_previous_hook = sys.excepthook
_showing = False


def _hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    global _showing
    if issubclass(kind, KeyboardInterrupt):
        _previous_hook(kind, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    if _showing:  # an error while showing an error: do not stack dialogs
        log.error("error while reporting an error", exc_info=(kind, exc, tb))
        return
    _showing = True
    try:
        app = QApplication.instance()
        lang = str(app.property("stationLang") or "zh_CN") if app is not None else "zh_CN"
        parent = QApplication.activeWindow() if app is not None else None
        show_error(parent, exc, lang)
    finally:
        _showing = False


def install_excepthook() -> None:
    """Uncaught exceptions (in slots, timers ...) become the crash dialog instead of an abort."""
    sys.excepthook = _hook
