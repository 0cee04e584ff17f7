"""Start-up integrity check: a damaged ledger is never written to; offer the last good backup.

``app.py`` calls ``check_ledger(path)`` before it opens the ledger. ``PRAGMA quick_check`` runs on
a read-only connection; on damage the attendant sees what is wrong and can restore the newest
automatic backup that passes ``PRAGMA integrity_check`` (the damaged files are moved aside into
the backup folder, never deleted) or quit and call for help.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QProgressDialog

from ..data import migrations
from ..domain import clock
from ..domain.errors import LedgerError
from ..services import backup, station
from .errors import render as render_error

log = logging.getLogger(__name__)
T = TypeVar("T")


def ask(box: QMessageBox) -> QAbstractButton | None:
    """Show the question and return the button pressed (tests replace this)."""
    box.exec()
    return box.clickedButton()


# Above this size the check takes a noticeable moment (~0.5 s at 500 MB, 2-3 s at 2 GB on the
# benchmark machine): a small window says what is happening instead of nothing at all.
SHOW_PROGRESS_BYTES = 64 * 1024 * 1024


class _BusyDialog(QProgressDialog):
    """The start-up check cannot be cancelled: a half-checked ledger is never opened, so Esc
    and the window's close button do nothing while it runs."""

    def reject(self) -> None:
        pass

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()


def _with_progress(label: str, work: Callable[[], T]) -> T:
    """``work()`` in a thread while a busy window (which Esc cannot close) says what is
    happening; an error inside it is raised here, on the UI thread, as if it had run here.
    Only for work on its own SQLite connection (SQLite releases the GIL while it works)."""
    app = QApplication.instance()
    if app is None:
        return work()
    done: list[T] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            done.append(work())
        except BaseException as exc:  # handed to the UI thread below
            failed.append(exc)

    worker = threading.Thread(target=run, name="startup-work", daemon=True)
    dialog = _BusyDialog(label, "", 0, 0)
    dialog.setObjectName("startupCheckProgress")
    dialog.setWindowTitle(QCoreApplication.translate("StartupCheck", "Station Ledger"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)
    dialog.show()
    worker.start()
    try:
        while worker.is_alive():
            app.processEvents()
            worker.join(0.03)
    finally:
        dialog.hide()
        dialog.deleteLater()
    if failed:
        raise failed[0]
    return done[0]


def _checked_with_progress(target: Path) -> list[str]:
    """``backup.check_file``, with a busy window for a large ledger; an error inside the check
    is raised, never read as damage."""
    size = target.stat().st_size
    if size < SHOW_PROGRESS_BYTES:
        return backup.check_file(target)
    return _with_progress(QCoreApplication.translate(
        "StartupCheck", "Checking the ledger file (%1 MB) before opening it…").replace(
            "%1", f"{size / 1e6:,.0f}"), lambda: backup.check_file(target))


def upgrade_ledger(path: Path | str | None) -> None:
    """A ledger from an older version of the program is upgraded (after a snapshot, and
    compacted when that freed much of it) before the window opens: on a large one that takes
    a while, so a busy window says so. Errors are raised as from opening the ledger."""
    target = Path(path) if path else station.default_ledger_path()
    if not target.exists() or target.stat().st_size < SHOW_PROGRESS_BYTES:
        return
    try:
        conn = sqlite3.connect(f"file:{target.as_posix()}?mode=ro", uri=True)
        try:
            version = migrations.current_version(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return  # opening it will say what is wrong
    if version >= migrations.latest_version():
        return
    _with_progress(QCoreApplication.translate(
        "StartupCheck", "Upgrading the ledger for this version of the program (a backup is "
        "taken first; this happens once and can take a minute on a large ledger)…"),
        lambda: station.open_station(target).close())


def check_ledger(path: Path | str | None, lang: str = "zh_CN") -> bool:
    """True when the ledger may be opened (healthy, new, or just restored from a backup)."""
    target = Path(path) if path else station.default_ledger_path()
    if not target.exists():
        return True
    problems = _checked_with_progress(target)
    if not problems:
        return True
    log.error("ledger %s failed the integrity check: %s", target, "; ".join(problems[:3]))
    good = backup.latest_good_backup(target)
    box = QMessageBox(QMessageBox.Icon.Critical,
                      QCoreApplication.translate("StartupCheck", "The ledger is damaged"), "")
    box.setObjectName("damagedLedger")
    text = QCoreApplication.translate(
        "StartupCheck", "The ledger file %1 is damaged and will not be opened, so that nothing "
        "more is written to it.").replace("%1", str(target))
    # SQLite's own words are English: for the support contact, under "Show Details…".
    box.setDetailedText(QCoreApplication.translate(
        "StartupCheck", "What SQLite found: %1").replace("%1", "; ".join(problems[:3])))
    restore = None
    if good is not None:
        when = clock.parse_iso(good.created_at).astimezone().strftime("%Y-%m-%d %H:%M")
        # A station's own entries never come back in return bundles (docs/SECURITY.md).
        text += "\n\n" + QCoreApplication.translate(
            "StartupCheck", "The latest good backup is from %1 (%2). Entries made after it "
            "must be entered again (bundles already sent keep them at the supervisor, but "
            "they do not come back to the station)."
        ).replace("%1", when).replace("%2", good.path.name)
        restore = box.addButton(
            QCoreApplication.translate("StartupCheck", "Restore this backup"),
            QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("restoreBackup")
    else:
        text += "\n\n" + QCoreApplication.translate(
            "StartupCheck", "No good backup was found. Copy the ledger folder for your support "
            "contact before anything else.")
    box.setText(text)
    quit_button = box.addButton(QCoreApplication.translate("StartupCheck", "Quit"),
                                QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("quitDamaged")
    pressed = ask(box)
    if restore is None or pressed is not restore or good is None:
        return False
    try:
        # Before sign-in, on a damaged ledger nobody can sign in to: the service allows that
        # (a healthy ledger would still need an attendant with the ``restore`` permission).
        ledger = backup.restore(good.path, target, by="startup-restore", attendant=None)
    except LedgerError as exc:
        failed = QMessageBox(QMessageBox.Icon.Critical,
                             QCoreApplication.translate("StartupCheck", "Restore failed"),
                             _restore_refused_text(exc, lang))
        failed.setObjectName("restoreFailed")
        ask(failed)
        return False
    ledger.close()
    log.warning("restored %s from %s after damage", target, good.path.name)
    return True


def _restore_refused_text(exc: LedgerError, lang: str) -> str:
    """Why the start-up restore did not happen, in the window's terms.

    The restore checks the ledger again before replacing it. When that second check finds it
    readable (the first one failed: a flaky disk, another program writing it), the service
    treats it as a healthy ledger, which only an admin who is signed in may replace, and says
    ``signin_required`` — whose shared sentence is about the command line's ``--as``.
    """
    if exc.code == "signin_required":
        return QCoreApplication.translate(
            "StartupCheck", "The backup was not restored: checked again just now, the ledger "
            "file could be read, and a readable ledger may only be replaced by the station "
            "admin after signing in.\n\nStart Station Ledger again. If the ledger opens, "
            "check the latest entries; the admin can restore the backup on the Security & "
            "backups page. If it is reported damaged again, restore the backup from that "
            "message.")
    return render_error(exc, lang)
