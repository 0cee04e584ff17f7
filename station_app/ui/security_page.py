"""The "Security & backups" page: backups (also to a USB stick), accounts, reveal, settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain import clock
from ..domain.errors import LedgerError
from ..services import auth, backup, privacy
from .dialogs import FittedDialog
from .jobs import Job
from .sign_in import _pin_field, can, current_attendant

REVEAL_SECONDS = 30


def _local(iso: str) -> str:
    try:
        return clock.parse_iso(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


class PassphraseDialog(FittedDialog):
    """A backup leaving the PC: protect its keys with a passphrase (recommended). As tall as
    its wrapped sentence needs (the last Chinese line was cut off)."""

    WIDTH = 460

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Protect the backup"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "The backup holds the ledger's keys. Give a passphrase to encrypt them; without it "
            "the full ID numbers can be read by anyone who has the stick. Write the passphrase "
            "down and keep it apart from the stick: without it this backup cannot be restored."))
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.first = _pin_field("passphrase")
        self.second = _pin_field("passphraseAgain")
        form.addRow(self.tr("&Passphrase"), self.first)
        form.addRow(self.tr("&Again"), self.second)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def check(self) -> None:
        if self.first.text() != self.second.text():
            self.message.setText(self.tr("The two passphrases do not match."))
            return
        if self.first.text() and len(self.first.text()) < 8:
            self.message.setText(self.tr("Use at least 8 characters."))
            return
        if not self.first.text():
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("Write the backup with unencrypted keys?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.accept()


class AttendantDialog(QDialog):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("attendantDialog")
        self.setWindowTitle(self.tr("New attendant"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("attendantUsername")
        self.display = QLineEdit()
        self.role = QComboBox()
        self.role.setObjectName("attendantRole")
        for role, label in (("attendant", self.tr("Attendant")),
                            ("supervisor", self.tr("Supervisor")),
                            ("admin", self.tr("Station admin"))):
            self.role.addItem(label, role)
        self.pin = _pin_field("attendantPin")
        self.again = _pin_field("attendantPinAgain")
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Display name"), self.display)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("&PIN or password"), self.pin)
        form.addRow(self.tr("PIN &again"), self.again)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.create_account)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def create_account(self) -> None:
        if self.pin.text() != self.again.text():
            self.message.setText(self.tr("The two PINs do not match."))
            return
        try:
            auth.create_attendant(self.ctx.ledger, self.username.text(), self.pin.text(),
                                  role=str(self.role.currentData()),
                                  display_name=self.display.text(), by=self.ctx.actor,
                                  attendant=current_attendant(self.ctx))
        except LedgerError as exc:
            self.message.setText(self.ctx.message(exc))
            return
        self.accept()


class SetPinDialog(QDialog):
    """The admin sets a new PIN for an attendant who forgot theirs (clears a lock-out too)."""

    def __init__(self, ctx: Any, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = username
        self.setObjectName("setPinDialog")
        self.setWindowTitle(self.tr("New PIN for %1").replace("%1", username))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.pin = _pin_field("setPinNew")
        self.again = _pin_field("setPinAgain")
        form.addRow(self.tr("&New PIN or password"), self.pin)
        form.addRow(self.tr("PIN &again"), self.again)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("setPinMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.set_pin)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def set_pin(self) -> None:
        if self.pin.text() != self.again.text():
            self.message.setText(self.tr("The two PINs do not match."))
            return
        try:
            auth.set_secret(self.ctx.ledger, self.user, self.pin.text(), by=self.ctx.actor,
                            attendant=current_attendant(self.ctx))
        except LedgerError as exc:
            self.message.setText(self.ctx.message(exc))
            return
        self.accept()


class _ShortList(QListWidget):
    """A list that asks for four rows (not Qt's 192 pixels): the page, which scrolls in its
    tab at its preferred height, then fits a 1280 x 800 window without a scroll bar."""

    def sizeHint(self) -> QSize:
        rows = 4 * self.fontMetrics().lineSpacing() + 2 * self.frameWidth() + 6
        return QSize(super().sizeHint().width(), rows)


class SecurityPage(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("securityPage")
        self.setWindowTitle(self.tr("Security && backups"))
        layout = QVBoxLayout(self)

        box = QGroupBox(self.tr("Backups"))
        inner = QVBoxLayout(box)
        self.last = QLabel()
        self.last.setObjectName("lastBackup")
        self.last.setWordWrap(True)
        inner.addWidget(self.last)
        buttons = QHBoxLayout()
        self.now_button = QPushButton(self.tr("Back up &now"))
        self.now_button.setObjectName("backupNow")
        self.now_button.clicked.connect(self.backup_now)
        self.usb_button = QPushButton(self.tr("Back up to a &USB stick…"))
        self.usb_button.setObjectName("backupUsb")
        self.usb_button.clicked.connect(self.backup_to_usb)
        # Restoring is the station admin's (security_restore.py: choose, check, confirm).
        self.restore_button = QPushButton(self.tr("&Restore from backup…"))
        self.restore_button.setObjectName("backupRestore")
        self.restore_button.clicked.connect(self.restore_from_backup)
        buttons.addWidget(self.now_button)
        buttons.addWidget(self.usb_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        inner.addLayout(buttons)
        self.result = QLabel()
        self.result.setObjectName("backupResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.result)
        self.list = _ShortList()
        self.list.setObjectName("backupList")
        self.list.setMaximumHeight(140)
        inner.addWidget(self.list)
        layout.addWidget(box)

        self.people_box = QGroupBox(self.tr("Attendants"))
        inner = QVBoxLayout(self.people_box)
        self.people = _ShortList()
        self.people.setObjectName("attendantList")
        self.people.setMaximumHeight(140)
        inner.addWidget(self.people)
        row = QHBoxLayout()
        for name, label, slot in (("attendantAdd", self.tr("&Add…"), self.add_attendant),
                                  ("attendantDisable", self.tr("&Disable"), self.disable),
                                  ("attendantEnable", self.tr("&Enable"), self.enable),
                                  ("attendantUnlock", self.tr("Un&lock"), self.unlock),
                                  ("attendantSetPin", self.tr("Set &PIN…"), self.set_pin)):
            button = QPushButton(label)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        inner.addLayout(row)
        # What the last button did (or why nothing): the list alone hardly changes.
        self.people_note = QLabel()
        self.people_note.setObjectName("attendantNote")
        self.people_note.setWordWrap(True)
        self.people_note.hide()
        inner.addWidget(self.people_note)
        self.people.currentRowChanged.connect(lambda _row: self.people_note.hide())
        layout.addWidget(self.people_box)

        self.reveal_box = QGroupBox(self.tr("Show a full ID number"))
        reveal_form = QFormLayout(self.reveal_box)
        self.reveal_member = QLineEdit()
        self.reveal_member.setObjectName("revealMember")
        self.reveal_member.setPlaceholderText("MZL01-000001V")
        self.reveal_reason = QLineEdit()
        self.reveal_reason.setObjectName("revealReason")
        self.reveal_reason.setMaxLength(200)
        self.reveal_reason.setPlaceholderText(self.tr("Reason (required, logged)"))
        reveal_button = QPushButton(self.tr("S&how"))
        reveal_button.setObjectName("revealButton")
        reveal_button.clicked.connect(self.reveal)
        self.reveal_result = QLabel()
        self.reveal_result.setObjectName("revealResult")
        self.reveal_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        reveal_form.addRow(self.tr("Member number"), self.reveal_member)
        reveal_form.addRow(self.tr("Reason"), self.reveal_reason)
        reveal_form.addRow(reveal_button, self.reveal_result)
        layout.addWidget(self.reveal_box)
        self._revealed = ""  # the full number on screen now, to take off the clipboard too
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(REVEAL_SECONDS * 1000)
        self._hide_timer.timeout.connect(self.hide_revealed)

        self.settings_box = QGroupBox(self.tr("Privacy and locking"))
        form = QFormLayout(self.settings_box)
        self.idle = QSpinBox()
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.retention = QSpinBox()
        self.retention.setObjectName("retentionYears")
        self.retention.setRange(0, 100)
        self.retention.setSuffix(self.tr(" years"))
        self.retention.setSpecialValueText(self.tr("keep"))
        form.addRow(self.tr("Lock the screen after idle"), self.idle)
        form.addRow(self.tr("Anonymise members who left after"), self.retention)
        save = QPushButton(self.tr("&Save settings"))
        save.setObjectName("securitySave")
        save.clicked.connect(self.save_settings)
        form.addRow("", save)
        self.settings_saved = QLabel()
        self.settings_saved.setObjectName("settingsSaved")
        self.settings_saved.hide()
        form.addRow("", self.settings_saved)
        for field in (self.idle, self.retention):  # an old "saved" would speak for new values
            field.valueChanged.connect(lambda _v: self.settings_saved.hide())
        layout.addWidget(self.settings_box)
        layout.addStretch(1)
        ctx.ledger_changed.connect(self.refresh)
        ctx.actor_changed.connect(self._actor_changed)
        locked = getattr(ctx, "screen_locked", None)
        if locked is not None:
            locked.connect(self.hide_revealed)
        app = QCoreApplication.instance()
        if app is not None:  # quitting: a copy on the clipboard would outlive the program
            app.aboutToQuit.connect(self.hide_revealed)
        self.refresh()

    def _actor_changed(self, _actor: str) -> None:
        # Someone else at the counter (or self-service mode): a reveal was not for them. A
        # bound method, not a lambda: Qt drops the connection with the page, which a language
        # switch or a restore rebuilds (a lambda would refresh the deleted page).
        self.hide_revealed()
        self.refresh()

    # ---- state ----
    def _kind(self, kind: str) -> str:
        return {"daily": self.tr("daily"), "manual": self.tr("by hand"),
                "pre-import": self.tr("before an import"),
                "pre-migrate": self.tr("before an upgrade"),
                "pre-restore": self.tr("before a restore")}.get(kind, kind)

    def _role(self, role: str) -> str:
        return {"attendant": self.tr("attendant"), "supervisor": self.tr("supervisor"),
                "admin": self.tr("admin")}.get(role, role)

    def refresh(self) -> None:
        ledger = self.ctx.ledger
        last = backup.last_backup(ledger)
        if last is None:
            self.last.setText(self.tr("No backup yet."))
        else:
            self.last.setText(self.tr("Last backup: %1 (%2) — %3")
                              .replace("%1", _local(last.at))
                              .replace("%2", self._kind(str(last.detail.get("kind", ""))))
                              .replace("%3", str(last.detail.get("path", last.subject))))
        self.list.clear()
        for info in backup.list_backups(ledger.path)[:20]:
            self.list.addItem(f"{_local(info.created_at)}  {self._kind(info.kind)}  "
                              f"{info.path.name}")
        may_backup = can(self.ctx, "backup")
        self.now_button.setEnabled(may_backup)
        self.usb_button.setEnabled(may_backup)
        may_restore = can(self.ctx, "restore")
        self.restore_button.setEnabled(may_restore)
        self.restore_button.setToolTip("" if may_restore else self.tr(
            "Only the station admin may restore a backup: sign in as the admin (Ctrl+L locks "
            "the screen so that someone else can sign in)."))
        admin = can(self.ctx, "attendants")
        self.people_box.setVisible(admin)
        self.settings_box.setVisible(can(self.ctx, "settings"))
        self.reveal_box.setVisible(can(self.ctx, "reveal"))
        self.people.clear()
        if admin:
            for person in auth.list_attendants(ledger):
                state = (self.tr("disabled") if person.disabled else
                         self.tr("locked") if auth.seconds_locked(person) else "")
                self.people.addItem(f"{person.username}  {person.display_name}  "
                                    f"{self._role(person.role)}"
                                    + (f"  [{state}]" if state else ""))
        self.idle.setValue(auth.idle_minutes(ledger))
        self.retention.setValue(privacy.retention_years(ledger))

    def _selected_user(self) -> str | None:
        item = self.people.currentItem()
        return item.text().split()[0] if item else None

    # ---- backups ----
    def _run_backup(self, out: Path | None, passphrase: str | None) -> None:
        actor, who = self.ctx.actor, current_attendant(self.ctx)

        def work(job: Any) -> backup.BackupInfo | None:
            ledger = job.ledger()
            if out is None:
                return backup.auto_backup(ledger, "manual", by=actor, attendant=who)
            return backup.write_backup(ledger, out, passphrase=passphrase, kind="manual",
                                       by=actor, attendant=who)

        def done(info: backup.BackupInfo | None) -> None:
            self.ctx.changed()
            self.refresh()
            if info is not None:
                self.result.setText(self.tr("Backup written to %1").replace(
                    "%1", str(info.path)))

        Job(self, work, on_success=done, ledger=self.ctx.open_worker_ledger,
            lang=self.ctx.lang).with_progress(self.tr("Backing up…"), cancellable=False).run()

    def backup_now(self) -> None:
        self._run_backup(None, None)

    def backup_to_usb(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB stick"))
        if not folder:
            return
        ask = PassphraseDialog(self)
        if ask.exec() != QDialog.DialogCode.Accepted:
            return
        name = backup.file_name(self.ctx.ledger, Path(folder))
        self._run_backup(Path(folder) / name, ask.first.text() or None)

    def restore_from_backup(self) -> Any:
        from .security_restore import RestoreFlow

        flow = RestoreFlow(self)
        flow.start()
        return flow

    # ---- attendants and settings ----
    def _guard(self, permission: str) -> bool:
        if can(self.ctx, permission):
            return True
        who = current_attendant(self.ctx)
        try:
            auth.require(self.ctx.ledger, who, permission, actor=self.ctx.actor)
        except LedgerError as exc:
            QMessageBox.warning(self, self.tr("Not allowed"), self.ctx.message(exc))
        return False

    def add_attendant(self) -> None:
        if self._guard("attendants") and AttendantDialog(self.ctx, self).exec():
            self.refresh()

    def _say(self, text: str) -> None:
        self.people_note.setText(text)
        self.people_note.setVisible(bool(text))

    def _chosen_user(self) -> str | None:
        user = self._selected_user()
        if not user:
            self._say(self.tr("Choose an account in the list first."))
        return user

    def _set(self, op: str) -> None:
        user = self._chosen_user()
        if not user or not self._guard("attendants"):
            return
        who = current_attendant(self.ctx)
        try:
            if op == "unlock":
                auth.unlock(self.ctx.ledger, user, by=self.ctx.actor, attendant=who)
            else:
                auth.set_disabled(self.ctx.ledger, user, op == "disable", by=self.ctx.actor,
                                  attendant=who)
        except LedgerError as exc:
            QMessageBox.warning(self, self.tr("Not done"), self.ctx.message(exc))
            self.refresh()
            return
        self.refresh()
        done = {"unlock": self.tr("%1 is unlocked and can sign in again."),
                "disable": self.tr("%1 is disabled and cannot sign in."),
                "enable": self.tr("%1 is enabled again.")}[op]
        self._say(done.replace("%1", user))

    def disable(self) -> None:
        self._set("disable")

    def enable(self) -> None:
        self._set("enable")

    def unlock(self) -> None:
        self._set("unlock")

    def set_pin(self) -> None:
        user = self._chosen_user()
        if user and self._guard("attendants") and SetPinDialog(self.ctx, user, self).exec():
            self.refresh()
            self._say(self.tr("%1 has a new PIN (and is unlocked).").replace("%1", user))

    def reveal(self) -> None:
        """The full number for 30 seconds; refused without the admin role or a reason."""
        try:
            full = privacy.reveal(self.ctx.ledger, self.reveal_member.text(),
                                  self.reveal_reason.text(),
                                  attendant=current_attendant(self.ctx), actor=self.ctx.actor)
        except LedgerError as exc:
            self.reveal_result.setText(self.ctx.message(exc))
            return
        self.reveal_result.setText(full)
        self._revealed = full
        self.reveal_reason.clear()
        self._hide_timer.start()

    def hide_revealed(self) -> None:
        """The full number goes at once (after 30 s, or when the screen locks): seeing it
        again needs a new reveal, with a reason, audited again."""
        self._hide_timer.stop()
        self.reveal_result.clear()
        # Selected and copied (Ctrl+C) it would outlive the label on the clipboard.
        revealed, self._revealed = self._revealed, ""
        clipboard = QGuiApplication.clipboard()
        if revealed:
            for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
                if revealed in clipboard.text(mode):
                    clipboard.clear(mode)

    def save_settings(self) -> None:
        if not self._guard("settings"):
            return
        ledger, who = self.ctx.ledger, current_attendant(self.ctx)
        try:
            if self.idle.value() != auth.idle_minutes(ledger):
                auth.set_idle_minutes(ledger, self.idle.value(), by=self.ctx.actor,
                                      attendant=who)
                lock = getattr(self.ctx, "idle_lock", None)
                if lock is not None:
                    lock.timer.minutes = self.idle.value()
            years = self.retention.value()
            if years != privacy.retention_years(ledger):
                due = len(privacy.due_for_anonymisation(ledger, years)) if years else 0
                if due and QMessageBox.question(
                        self, self.tr("Retention period"), self.tr(
                            "With %1 years, %n members who left are anonymised within the "
                            "hour: their name, phone and ID number are blanked for good. "
                            "Save it?", "", due).replace("%1", str(years)),
                        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                        QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Save:
                    self.refresh()
                    return
                privacy.set_retention_years(ledger, years, by=self.ctx.actor, attendant=who)
        except LedgerError as exc:
            QMessageBox.warning(self, self.tr("Not done"), self.ctx.message(exc))
            self.refresh()
            return
        self.refresh()
        self.settings_saved.setText(self.tr("Settings saved."))
        self.settings_saved.show()


def build_security_page(ctx: Any) -> QWidget:
    return SecurityPage(ctx)
