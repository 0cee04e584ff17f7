"""Restoring a backup from the window (station admin): choose, check, confirm, restore, reopen.

The Security page's *Restore from backup…* starts a ``RestoreFlow``:

1. choose one of the backups kept beside the ledger or another file (a USB stick);
2. check it as the restore will (``restore_plan.plan``: checksum, keys, passphrase,
   ``integrity_check``) in the background — a bad file is refused in words, nothing changes;
3. ``ConfirmRestoreDialog`` says what will happen, and Restore is pressed only after typing the
   station code;
4. the restore runs on the single writer thread (``backup.restore``, audited with the signed-in
   admin's name). The window first drops every page and closes its own connection, since the
   restore refuses a ledger another connection still has open and any connection kept would go
   on using the replaced file; afterwards it opens the restored ledger and builds its pages
   again, as a language switch does, and the attendant stays signed in if the restored ledger
   has the same account (otherwise signs in again).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from ..domain import clock
from ..domain.errors import LedgerError
from ..services import auth, backup, restore_plan, station
from . import jobs
from .context import ui_settings
from .dialogs import FittedDialog, confirm_buttons, wrapped_label
from .i18n import fill
from .jobs import Job, JobControl
from .sign_in import can, current_attendant

log = logging.getLogger(__name__)
FOLDER_SETTING = "security/restore_folder"
WIDTH = 700  # the offscreen test screen and the smallest station PCs are 800 px wide
WARNING_STYLE = "color: #8a4b00; font-weight: bold"


def _local(iso: str) -> str:
    try:
        return clock.parse_iso(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def kind_label(kind: str) -> str:
    labels = {"daily": QCoreApplication.translate("RestoreFlow", "daily"),
              "manual": QCoreApplication.translate("RestoreFlow", "by hand"),
              "pre-import": QCoreApplication.translate("RestoreFlow", "before an import"),
              "pre-migrate": QCoreApplication.translate("RestoreFlow", "before an upgrade"),
              "pre-restore": QCoreApplication.translate("RestoreFlow", "before a restore")}
    return labels.get(kind, kind)


def ask_passphrase(parent: QWidget | None, wrong: bool) -> str | None:
    """The backup's passphrase, or None when the admin cancels (tests replace this)."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("restorePassphrase")
    dialog.setWindowTitle(QCoreApplication.translate("RestoreFlow", "Backup passphrase"))
    dialog.setLabelText(
        QCoreApplication.translate("RestoreFlow", "That passphrase is not right. Try again:")
        if wrong else QCoreApplication.translate(
            "RestoreFlow", "The keys in this backup are protected by a passphrase. Enter it:"))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()


def tell(parent: QWidget | None, name: str, title: str, text: str,
         icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
    """A message that does not block (tests find it by ``name``)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class _Fitted(FittedDialog):
    WIDTH = WIDTH
    AT_LEAST_SIZE_HINT = False


class ChooseBackupDialog(_Fitted):
    """One of the backups kept beside the ledger, or another file (a USB stick)."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen: Path | None = None
        self.setObjectName("restoreChoose")
        self.setWindowTitle(self.tr("Restore from backup"))
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(self.tr(
            "Choose the backup to restore. These are the backups kept beside the ledger, "
            "newest first; for a backup on a USB stick choose Other file….")))
        self.list = QListWidget()
        self.list.setObjectName("restoreBackupList")
        for info in backup.list_backups(ctx.ledger_path):
            lock = "  " + self.tr("(passphrase)") if info.keys == "encrypted" else ""
            item = QListWidgetItem(f"{_local(info.created_at)}  {kind_label(info.kind)}  "
                                   f"{info.station}  {info.path.name}{lock}")
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.take_selected())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        self.check_button = buttons.addButton(self.tr("&Check this backup…"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.check_button.setObjectName("restoreCheck")
        self.check_button.setEnabled(self.list.count() > 0)
        self.other_button = buttons.addButton(self.tr("&Other file…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.other_button.setObjectName("restoreOtherFile")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("restoreChooseCancel")
        self.check_button.clicked.connect(self.take_selected)
        self.other_button.clicked.connect(self.choose_file)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def take_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = Path(str(item.data(Qt.ItemDataRole.UserRole)))
            self.accept()

    def choose_file(self) -> None:
        settings = ui_settings()
        folder = str(settings.value(FOLDER_SETTING, str(Path.home())))
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the backup file"), folder,
            self.tr("Ledger backups (*.zip);;All files (*)"))
        if not name:
            return
        settings.setValue(FOLDER_SETTING, str(Path(name).parent))
        self.chosen = Path(name)
        self.accept()


class ConfirmRestoreDialog(_Fitted):
    """What the restore will do, in plain words; Restore only after typing the station code."""

    def __init__(self, plan: restore_plan.RestorePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setObjectName("restoreConfirm")
        self.setWindowTitle(self.tr("Restore from backup"))
        layout = QVBoxLayout(self)
        when = _local(plan.created_at)
        heading = wrapped_label(self.tr("Replace this ledger with the backup of %1?")
                           .replace("%1", when), "restoreHeading")
        heading.setStyleSheet("font-weight: bold; font-size: 11pt")
        layout.addWidget(heading)
        layout.addLayout(self._facts(plan, when))
        layout.addSpacing(6)
        self.what = wrapped_label(self._what_happens(plan), "restoreWhat")
        self.what.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.what)
        layout.addWidget(wrapped_label(self.tr("To confirm, type the station code %1:")
                                  .replace("%1", plan.here or plan.station), "restorePrompt",
                                  WARNING_STYLE))
        self.code = QLineEdit()
        self.code.setObjectName("restoreConfirmCode")
        self.code.setMaxLength(16)
        self.code.textChanged.connect(self._typed)
        layout.addWidget(self.code)
        buttons, self.ok = confirm_buttons(self.tr("&Restore"), "restoreConfirm")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.code.setFocus()

    def _facts(self, plan: restore_plan.RestorePlan, when: str) -> QGridLayout:
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        made = self.tr("%1 (%2), made by %3").replace("%1", when).replace(
            "%2", kind_label(plan.kind)).replace("%3", plan.created_by or "?")
        file_label = QLabel(plan.path.name)
        file_label.setToolTip(str(plan.path))
        file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rows: list[tuple[str, QLabel]] = [
            (self.tr("Backup file"), file_label),
            (self.tr("Made"), QLabel(made)),
            (self.tr("Station"), QLabel(f"{plan.station} {plan.station_name}".strip())),
        ]
        for row, (label, value) in enumerate(rows):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(value, row, 1, 1, 3)
        head = len(rows)
        for column, text in ((2, self.tr("In the backup")), (3, self.tr("Now"))):
            title = QLabel(text)
            title.setStyleSheet("font-weight: bold")
            title.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(title, head, column)
        counts = ((self.tr("Members"), plan.in_backup.members, plan.now.members),
                  (self.tr("Visits"), plan.in_backup.visits, plan.now.visits),
                  (self.tr("Entries"), plan.in_backup.entries, plan.now.entries))
        for offset, (label, then, now) in enumerate(counts, start=1):
            grid.addWidget(QLabel(label), head + offset, 0)
            for column, count in ((2, then), (3, now)):
                cell = QLabel(f"{count:,}")
                cell.setObjectName(f"restoreCount{offset}_{column}")
                cell.setAlignment(Qt.AlignmentFlag.AlignRight)
                cell.setMinimumWidth(90)
                grid.addWidget(cell, head + offset, column)
        return grid

    def _what_happens(self, plan: restore_plan.RestorePlan) -> str:
        lines = [self.tr(
            "First the current ledger is saved as a backup (pre-restore-….zip) in %1. It is "
            "not deleted, never rotated away, and can be restored the same way.")
            .replace("%1", str(plan.set_aside_in))]
        lost = plan.made_after - plan.exported_after
        if not plan.made_after:
            lines.append(self.tr("No entries were made at this station after the backup."))
        else:
            made = self.tr("%n entries were made at this station after the backup.", "",
                           plan.made_after)
            if plan.exported_after:
                made += " " + self.tr(
                    "%n of them went out in a sync bundle: the supervisor keeps those it "
                    "imports (in its ledger and reports), but they do not come back into this "
                    "ledger.", "", plan.exported_after)
            if lost:
                made += " " + self.tr(
                    "%n were never exported and are lost unless entered again.", "", lost)
            lines.append(made)
        if plan.members_after:
            lines.append(self.tr(
                "Members who joined here after the backup: %1. This station will not know their "
                "member numbers or cards any more; to serve them as members, sign them up "
                "again (they get a new number).").replace("%1", f"{plan.members_after:,}"))
        if plan.supervisor:
            lines.append(self.tr(
                "Bundles imported from stations after the backup are not in it: after your "
                "next return bundle to a station, the station sends again what is missing."))
        else:
            lines.append(self.tr(
                "Members of other stations received after the backup come back with the "
                "supervisor's next return bundle."))
        lines.append(self.tr(
            "A new epoch (%1) starts: entries made from now on are numbered apart from "
            "everything this station numbered before, so sync stays consistent.")
            .replace("%1", str(plan.new_epoch)))
        lines.append(self.tr(
            "Accounts and PINs become those in the backup. The audit log keeps everything "
            "recorded since the backup, and the restore is recorded in it."))
        lines.append(self.tr(
            "Close any other Station Ledger window on this PC first. When the restore is "
            "done this window opens the restored ledger."))
        # A list, so that a wrapped sentence stays indented under its bullet; the line about
        # what is lost is bold.
        items = "".join(
            f"<li style='margin-bottom: 4px'>{'<b>' if n == 1 and lost else ''}"
            f"{html.escape(line)}{'</b>' if n == 1 and lost else ''}</li>"
            for n, line in enumerate(lines))
        return f"<ul style='margin-left: 0px; -qt-list-indent: 1'>{items}</ul>"

    def _typed(self, text: str) -> None:
        wanted = self.plan.here or self.plan.station
        self.ok.setEnabled(text.strip().upper() == wanted.upper())


def _username(attendant: auth.Attendant | None) -> str | None:
    return None if attendant is None else attendant.username


class RestoreFlow(QObject):
    """The steps from the button to the reopened ledger; one per click."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page
        self.ctx: Any = page.ctx  # type: ignore[attr-defined]
        self.host = page.window()  # outlives the page, which is rebuilt after the restore
        self.done = False
        self.restored_epoch: int | None = None
        self.waiting: QProgressDialog | None = None

    # ---- 1. choose ----
    def start(self) -> None:
        if not can(self.ctx, "restore"):
            try:
                auth.require(self.ctx.ledger, current_attendant(self.ctx), "restore",
                             actor=self.ctx.actor)
            except LedgerError as exc:
                self._refused(exc, checked=False)
            return
        self._after_other_work(self._choose)

    def _choose(self) -> None:
        chooser = ChooseBackupDialog(self.ctx, self.page)
        if chooser.exec() != QDialog.DialogCode.Accepted or chooser.chosen is None:
            self.done = True
            return
        self.check(chooser.chosen)

    def _free(self) -> bool:
        """Nothing else of the window is at work: no background job (its connection would make
        the restore refuse, or write into the file being replaced), no other dialog (a job's
        own message, whose handler goes on with the ledger when it is closed), no lock."""
        lock = getattr(self.ctx, "idle_lock", None)
        modal = QApplication.activeModalWidget()
        return (not jobs.running_jobs() and not (lock is not None and lock.locked)
                and (modal is None or modal is self.waiting))

    def _after_other_work(self, then: Callable[[], None]) -> None:
        """``then()`` once the window is free (``_free``). Meanwhile a busy indicator says
        what the wait is for; Cancel gives up. Should the screen lock meanwhile and someone
        else sign in, the restore is dropped: it was the admin's, not theirs."""
        if self._free():
            then()
            return
        who = _username(current_attendant(self.ctx))
        waiting = QProgressDialog(self.tr(
            "Waiting for other work to finish (a report, a backup, an import or an export); "
            "the restore goes on by itself then…"), self.tr("Cancel"), 0, 0, self.page)
        waiting.setObjectName("restoreWaiting")
        waiting.setWindowTitle(self.tr("Restore from backup"))
        waiting.setWindowModality(Qt.WindowModality.WindowModal)
        waiting.setMinimumDuration(0)
        poll = QTimer(waiting)
        poll.setInterval(100)

        def check() -> None:
            if not self._free():
                return
            poll.stop()
            waiting.reset()
            waiting.deleteLater()
            self.waiting = None
            if _username(current_attendant(self.ctx)) != who or not can(self.ctx, "restore"):
                self.done = True
                return
            then()

        def cancelled() -> None:
            if not poll.isActive():
                return  # over already (Cancel both rejects and cancels)
            poll.stop()
            waiting.deleteLater()
            self.waiting = None
            self.done = True

        poll.timeout.connect(check)
        waiting.canceled.connect(cancelled)  # the button
        waiting.rejected.connect(cancelled)  # Esc, or the window's close button
        self.waiting = waiting  # tests read it
        waiting.show()
        poll.start()

    # ---- 2. check ----
    def check(self, path: Path, passphrase: str | None = None) -> Job[Any] | None:
        try:
            manifest = restore_plan.precheck(path, self.ctx.ledger)
        except LedgerError as exc:
            self._refused(exc)
            return None
        if manifest.get("keys", {}).get("storage") == "encrypted" and passphrase is None:
            passphrase = ask_passphrase(self.page, wrong=False)
            if passphrase is None:
                self.done = True
                return None

        def work(job: JobControl) -> restore_plan.RestorePlan:
            plan = restore_plan.plan(path, job.ledger(), passphrase)
            job.check_cancelled()  # the check itself cannot stop half-way; its answer is dropped
            return plan

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, LedgerError) and exc.code == "backup_passphrase":
                again = ask_passphrase(self.page, wrong=True)
                if again is not None:
                    self.check(path, again)
                else:
                    self.done = True
                return True
            if isinstance(exc, LedgerError):
                self._refused(exc)
                return True
            self.done = True
            return False

        return Job(self.page, work, on_success=lambda plan: self.confirm(plan, passphrase),
                   on_failure=failed, ledger=self.ctx.open_worker_ledger,
                   lang=self.ctx.lang).with_progress(self.tr("Checking the backup…")).on_cancel(
            self._cancelled).run()

    def _cancelled(self) -> None:
        self.done = True

    def _refused(self, exc: LedgerError, *, checked: bool = True) -> None:
        self.done = True
        text = self.ctx.message(exc)
        if checked:
            text = self.tr("This backup cannot be restored: %1\n\nNothing was changed.") \
                .replace("%1", text)
        tell(self.page, "restoreRefused", self.tr("Not restored"), text)

    # ---- 3. confirm ----
    def confirm(self, plan: restore_plan.RestorePlan, passphrase: str | None) -> None:
        dialog = ConfirmRestoreDialog(plan, self.page)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.done = True
            return
        self.restore(plan, passphrase)

    # ---- 4. restore and reopen ----
    def restore(self, plan: restore_plan.RestorePlan, passphrase: str | None) -> None:
        # Work may have started while the admin read the confirmation.
        self._after_other_work(lambda: self._restore(plan, passphrase))

    def _restore(self, plan: restore_plan.RestorePlan, passphrase: str | None) -> None:
        ctx, host = self.ctx, self.host
        actor, who, target = ctx.actor, current_attendant(ctx), ctx.ledger_path
        self._release()

        def work(job: JobControl) -> int:
            ledger = backup.restore(plan.path, target, passphrase=passphrase, by=actor,
                                    attendant=who)
            try:
                return int(ledger.epoch)
            finally:
                ledger.close()

        def failed(exc: BaseException) -> bool:
            reopened = self._reopen()
            self.done = True
            if not isinstance(exc, LedgerError):
                return False  # the crash dialog, with the details
            if reopened:
                tell(host, "restoreRefused", self.tr("Not restored"), self.tr(
                    "The backup was not restored: %1").replace("%1", ctx.message(exc)))
            return True

        Job(host, work, on_success=lambda epoch: self._restored(plan, epoch),
            on_failure=failed, lang=ctx.lang, writes=True).with_progress(
            self.tr("Restoring the backup (the current ledger is saved first)…"),
            cancellable=False, min_duration_ms=0).run()

    def _release(self) -> None:
        """Nothing of the window may use the ledger file while it is replaced."""
        ctx = self.ctx
        lock = getattr(ctx, "idle_lock", None)
        if lock is not None:
            lock.stop()
        timer = getattr(ctx, "daily_timer", None)
        if timer is not None:
            timer.stop()
        close_pages = getattr(self.host, "close_pages", None)
        if callable(close_pages):
            close_pages()
        ctx.close()

    def _reopen(self) -> bool:
        """Open whatever ledger is now at the path and build the window on it again."""
        ctx = self.ctx
        try:
            ctx.ledger = station.open_station(ctx.ledger_path)
        except LedgerError as exc:
            log.error("could not open the ledger again after a restore: %s", exc)
            box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Restore from backup"),
                              self.tr("The ledger could not be opened again: %1\n\nStation "
                                      "Ledger closes now; start it again.")
                              .replace("%1", ctx.message(exc)), QMessageBox.StandardButton.Ok,
                              self.host)
            box.setObjectName("restoreReopenFailed")
            box.finished.connect(lambda _r: QApplication.quit())
            box.open()
            return False
        signed_in = self._sign_in_again()
        build_pages = getattr(self.host, "build_pages", None)
        if callable(build_pages):
            build_pages()
        refresh = getattr(self.page, "refresh", None)
        if self.host is self.page and callable(refresh):
            refresh()
        if signed_in:
            timer = getattr(ctx, "daily_timer", None)
            if timer is not None:
                timer.start()
        ctx.changed()
        return signed_in

    def _sign_in_again(self) -> bool:
        """Keep the attendant signed in when the restored ledger has the same usable account;
        otherwise ask for a sign-in to it (the lock screen's way out: quit)."""
        from . import sign_in

        ctx = self.ctx
        had_lock = getattr(ctx, "idle_lock", None) is not None
        who = current_attendant(ctx)
        if who is None and not auth.has_attendants(ctx.ledger):
            return True
        again = auth.get_attendant(ctx.ledger, who.username) if who is not None else None
        if again is not None and not again.disabled:
            ctx.attendant = again
            if had_lock:
                ctx.idle_lock = sign_in.IdleLock(ctx)
            return True
        text = (self.tr("The restored ledger has its own accounts and %1 is not among them (or "
                        "is disabled): sign in with an account of the restored ledger.")
                .replace("%1", who.username) if who is not None else self.tr(
                    "The restored ledger has its own accounts: sign in with one of them."))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Restore from backup"), text,
                          QMessageBox.StandardButton.Ok, self.host)
        box.setObjectName("restoreSignInAgain")
        box.exec()
        if sign_in.sign_in(ctx, background=False):
            return True
        QApplication.closeAllWindows()
        QApplication.quit()
        return False

    def _restored(self, plan: restore_plan.RestorePlan, epoch: int) -> None:
        self.restored_epoch = epoch
        if not self._reopen():
            self.done = True
            return
        aside = [b for b in backup.list_backups(self.ctx.ledger_path) if b.kind == "pre-restore"]
        where = str(aside[0].path) if aside else str(plan.set_aside_in)
        tell(self.host, "restoreDone", self.tr("Restored"), fill(self.tr(
            "The ledger was restored from %1 and holds what it held on %2. Epoch %3 has "
            "started.\n\nThe ledger as it was before is kept in %4."),
            plan.path.name, _local(plan.created_at), str(epoch), where),
            QMessageBox.Icon.Information)
        self.done = True

