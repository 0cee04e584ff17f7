"""Start-up integrity check: a damaged ledger is never written to; offer the last good backup.

``app.py`` calls ``check_ledger(path)`` before it opens the ledger. ``PRAGMA quick_check`` runs on
a read-only connection; on damage the attendant sees what is wrong and can restore the newest
automatic backup that passes ``PRAGMA integrity_check`` (the damaged files are moved aside into
the backup folder, never deleted) or quit and call for help.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QProgressDialog

from ..domain import clock, messages
from ..domain.errors import LedgerError
from ..services import backup, station

log = logging.getLogger(__name__)


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


def _checked_with_progress(target: Path) -> list[str]:
    """``backup.check_file`` (SQLite releases the GIL while it reads) in a thread, with a busy
    indicator for a large ledger; a small one is checked directly. An error inside the check is
    raised here, on the UI thread, as if the check had run here: it never reads as damage."""
    size = target.stat().st_size
    app = QApplication.instance()
    if size < SHOW_PROGRESS_BYTES or app is None:
        return backup.check_file(target)
    found: list[list[str]] = []
    failed: list[BaseException] = []

    def work() -> None:
        try:
            found.append(backup.check_file(target))
        except BaseException as exc:  # handed to the UI thread below
            failed.append(exc)

    worker = threading.Thread(target=work, name="startup-check", daemon=True)
    dialog = _BusyDialog(
        QCoreApplication.translate("StartupCheck", "Checking the ledger file (%1 MB) before "
                                   "opening it…").replace("%1", f"{size / 1e6:,.0f}"),
        "", 0, 0)
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
    return found[0]


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
        "more is written to it.\n\nWhat SQLite found: %2")
    text = text.replace("%1", str(target)).replace("%2", "; ".join(problems[:3]))
    restore = None
    if good is not None:
        when = clock.parse_iso(good.created_at).astimezone().strftime("%Y-%m-%d %H:%M")
        text += "\n\n" + QCoreApplication.translate(
            "StartupCheck", "The latest good backup is from %1 (%2). Entries made after it "
            "must be entered again or come back from the supervisor's bundles."
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
        QMessageBox.critical(None, QCoreApplication.translate("StartupCheck", "Restore failed"),
                             messages.render(exc, lang))
        return False
    ledger.close()
    log.warning("restored %s from %s after damage", target, good.path.name)
    return True
