"""Setting up sync from the Sync page, once per station, without the command line.

A station writes its identity file for the supervisor and trusts the supervisor's trust file;
a supervisor enrols stations from their identity files, writes their trust files, and is itself
set up with the level above (the region) in the same two steps. Each step that decides whose
data this ledger accepts shows the other side's fingerprint and asks that it be compared by
phone first (docs/SYNC_GUIDE.md "Setting up"). Keys and trust are the station admin's call: the
services refuse anyone else (``settings``), and the menu says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)

from ..domain.errors import LedgerError
from ..services import sync_ops
from .errors import show_error
from .jobs import Job, JobControl
from .sign_in import can, current_attendant
from .sync_confirm import ConfirmKeyDialog, ShownDialog

D = TypeVar("D", bound=QDialog)
ADMIN = "settings"  # enrol, trust, trust files, accept-unknown (services/sync_ops.py)


class SetupBox(QGroupBox):
    """The "Setting up" group of the Sync page: its state and a menu of the steps for this kind
    of ledger."""

    def __init__(self, ctx: Any, page: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page = page
        self.setObjectName("setupBox")
        self.setTitle(self.tr("Setting up (once per station)"))
        # One row: the state, then one button whose menu holds the steps. Done once per
        # station, they need not take the width of the page: four buttons beside it wrapped
        # the state onto three lines, and at 800 x 600 the stations table below kept one row.
        row = QHBoxLayout(self)
        self.state = QLabel()
        self.state.setObjectName("setupState")
        self.state.setWordWrap(True)
        row.addWidget(self.state, 1)
        self.menu_button = QPushButton(self.tr("Set &up"))
        self.menu_button.setObjectName("setupMenuButton")
        menu = QMenu(self.menu_button)
        menu.setObjectName("setupMenu")
        menu.setToolTipsVisible(True)  # a greyed-out step says who may do it
        self.menu_button.setMenu(menu)
        row.addWidget(self.menu_button)
        self.identity_action = self._action(menu, "identityAction", self.choose_identity_folder)
        self.enrol_action = self._action(menu, "enrolAction", self.choose_identity_to_enrol,
                                         self.tr("E&nrol a station…"))
        self.trust_file_action = self._action(menu, "trustFileAction",
                                              self.choose_trust_file_station,
                                              self.tr("Write tr&ust file…"))
        self.trust_action = self._action(menu, "trustAction", self.choose_trust_file)
        self.dialog: Any = None  # the last dialog opened (tests and screenshots read it)

    def _action(self, menu: QMenu, name: str, slot: Any, text: str = "") -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def admin_only_tip(self) -> str:
        return self.tr("Only the station admin may do this: sign in as the admin (Ctrl+L "
                       "locks the screen so that someone else can sign in).")

    @property
    def supervisor(self) -> bool:
        return bool(self.ctx.ledger.station_kind == "supervisor")

    def refresh(self) -> None:
        ledger = self.ctx.ledger
        upper = sync_ops.trusted_supervisor(ledger)
        if self.supervisor:
            self.identity_action.setText(self.tr("Write this ledger's &identity file…"))
            self.trust_action.setText(self.tr("Trust the &level above…"))
            enrolled = len(sync_ops.enrolled_stations(ledger))
            text = self.tr("Stations enrolled here: %1.").replace("%1", str(enrolled))
            text += " " + (self.tr("Level above: %1 %2.").replace("%1", upper["code"])
                           .replace("%2", upper["name"]) if upper else
                           self.tr("No level above is trusted (the region's own ledger needs "
                                   "none)."))
        else:
            self.identity_action.setText(self.tr("Write this station's &identity file…"))
            self.trust_action.setText(self.tr("&Trust the supervisor…"))
            if upper:
                text = self.tr("Supervisor: %1 %2 (fingerprint %3).").replace(
                    "%1", upper["code"]).replace("%2", upper["name"]).replace(
                    "%3", upper["fingerprint"])
            else:
                text = self.tr("Not set up yet: 1. write this station's identity file and give "
                               "it to the supervisor; 2. when the supervisor gives you back a "
                               "trust file, trust the supervisor. Both are in the Set up menu.")
        self.state.setText(text)
        self.enrol_action.setVisible(self.supervisor)
        self.trust_file_action.setVisible(self.supervisor)
        allowed = can(self.ctx, ADMIN)
        for action in (self.enrol_action, self.trust_file_action, self.trust_action):
            action.setEnabled(allowed)
            action.setToolTip("" if allowed else self.admin_only_tip())

    # ---- this ledger's identity file ----
    def choose_identity_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Where to write the identity file (for example the USB stick)"))
        if folder:
            self.write_identity(Path(folder))

    def write_identity(self, folder: Path) -> ShownDialog | None:
        ledger = self.ctx.ledger
        try:
            path = sync_ops.write_identity_file(ledger, folder)
        except (LedgerError, OSError) as exc:
            self._failed(exc)
            return None
        whom = (self.tr("the level above (for example the region)") if self.supervisor
                else self.tr("your supervisor"))
        dialog = ShownDialog(
            self, title=self.tr("Identity file written"),
            intro=self.tr("The identity file is written. Give it to %1:").replace("%1", whom),
            path=str(path), fingerprint=ledger.keys.fingerprint,
            after=self.tr("This is this ledger's fingerprint. When they enrol it they will read "
                          "a fingerprint to you over the phone: it must be exactly this one. "
                          "If it differs, the file was changed on the way: do not go on."))
        return self._open(dialog)

    # ---- supervisor: enrol a station ----
    def choose_identity_to_enrol(self) -> None:
        file, _ = QFileDialog.getOpenFileName(
            self, self.tr("The station's identity file"), "",
            self.tr("Identity files (identity_*.json *.json);;All files (*)"))
        if file:
            self.enrol_from(Path(file))

    def enrol_from(self, file: Path) -> ConfirmKeyDialog | None:
        try:
            ident = sync_ops.peek_identity(file)
        except LedgerError as exc:
            self._failed(exc)
            return None
        kind = (self.tr("a supervisor (its stations' bundles will come through it)")
                if ident.kind == "supervisor" else self.tr("a station"))
        dialog = ConfirmKeyDialog(
            self, title=self.tr("Enrol a station"),
            intro=self.tr("This identity file is from %1. Phone the station and ask them to "
                          "read out their fingerprint (their Setting up box shows it when they "
                          "write the file). Enrol only if it is exactly this one.")
            .replace("%1", kind),
            code=ident.code, name=ident.name, fingerprint=ident.fingerprint,
            check=self.tr("The station read out e&xactly this fingerprint"),
            ok_text=self.tr("&Enrol"))
        dialog.accepted.connect(lambda: self.enrol(file, ident.fingerprint))
        return self._open(dialog)

    def enrol(self, file: Path, expected: str | None = None) -> ShownDialog | None:
        try:
            ident, trust = sync_ops.enrol_station(
                self.ctx.ledger, file, actor=self.ctx.actor,
                attendant=current_attendant(self.ctx), expected=expected)
        except (LedgerError, OSError) as exc:
            self._failed(exc)
            return None
        self.ctx.changed()
        dialog = ShownDialog(
            self, title=self.tr("Station enrolled"),
            intro=self.tr("%1 %2 is enrolled: its bundles are accepted from now on. Its trust "
                          "file is written next to its identity file; give it to the station:")
            .replace("%1", ident.code).replace("%2", ident.name),
            path=str(trust), fingerprint=self.ctx.ledger.keys.fingerprint,
            after=self.tr("When the station trusts this file it sees the fingerprint above, "
                          "this ledger's own: read it out to them so that they can compare."))
        dialog.add_action(self.tr("Write the trust file to &another folder…"), "trustCopy",
                          lambda: self.choose_trust_folder(ident.code))
        return self._open(dialog)

    # ---- supervisor: a station's trust file again ----
    def choose_trust_file_station(self) -> None:
        stations = sync_ops.enrolled_stations(self.ctx.ledger)
        if not stations:
            self.page.summary.setText(self.tr("No station is enrolled yet: enrol one from its "
                                              "identity file first."))
            return
        items = [f"{code} {name}" for code, name in stations]
        chosen = self.page.selected_station()
        current = next((n for n, (code, _) in enumerate(stations) if code == chosen), 0)
        item, ok = QInputDialog.getItem(self, self.tr("Write trust file"),
                                        self.tr("For which station?"), items, current, False)
        if ok and item:
            self.choose_trust_folder(item.split(" ", 1)[0])

    def choose_trust_folder(self, code: str) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Where to write the trust file for %1").replace("%1", code))
        if folder:
            self.write_trust(code, Path(folder))

    def write_trust(self, code: str, folder: Path) -> ShownDialog | None:
        try:
            path = sync_ops.trust_file(self.ctx.ledger, code, folder, actor=self.ctx.actor,
                                       attendant=current_attendant(self.ctx))
        except (LedgerError, OSError) as exc:
            self._failed(exc)
            return None
        dialog = ShownDialog(
            self, title=self.tr("Trust file written"),
            intro=self.tr("The trust file for %1 is written; give it to the station:")
            .replace("%1", code), path=str(path),
            fingerprint=self.ctx.ledger.keys.fingerprint,
            after=self.tr("When the station trusts it, it sees this fingerprint (this "
                          "ledger's own): read it out to them so that they can compare."))
        return self._open(dialog)

    # ---- trust the supervisor (or the level above) ----
    def choose_trust_file(self) -> None:
        file, _ = QFileDialog.getOpenFileName(
            self, self.tr("The trust file from the level above"), "",
            self.tr("Trust files (trust_*.json *.json);;All files (*)"))
        if file:
            self.trust_from(Path(file))

    def trust_from(self, file: Path) -> ConfirmKeyDialog | None:
        ledger = self.ctx.ledger
        try:
            ident = sync_ops.peek_trust(ledger, file)
        except LedgerError as exc:
            self._failed(exc)
            return None
        now = sync_ops.trusted_supervisor(ledger)
        warnings = []
        if now is not None and (now["code"], now["fingerprint"]) == (ident.code,
                                                                     ident.fingerprint):
            warnings.append(self.tr("This ledger already trusts %1: trusting it again changes "
                                    "nothing.").replace("%1", ident.code))
        elif now is not None:
            warnings.append(self.tr(
                "This ledger now trusts %1 %2. Trusting %3 instead moves it to the new "
                "supervisor: what %1 acknowledged is forgotten, so the next export sends the "
                "WHOLE history of this ledger (%Ln entries) to %3, and return bundles from %1 "
                "are refused from then on.", "", sync_ops.full_export_size(ledger)["entries"])
                .replace("%1", now["code"]).replace("%2", now["name"])
                .replace("%3", ident.code))
        dialog = ConfirmKeyDialog(
            self, title=self.tr("Trust the supervisor"),
            intro=self.tr("Phone the supervisor and ask them to read out their fingerprint. "
                          "Trust this file only if it is exactly this one: from then on this "
                          "ledger's bundles, with the ID numbers in them, are sealed for this "
                          "supervisor."),
            code=ident.code, name=ident.name, fingerprint=ident.fingerprint,
            check=self.tr("The supervisor read out e&xactly this fingerprint"),
            ok_text=self.tr("&Trust"), warnings=warnings)
        dialog.accepted.connect(lambda: self.trust(file, ident.fingerprint))
        return self._open(dialog)

    def trust(self, file: Path, expected: str | None = None) -> Job[Any]:
        """Every member's keyed ID hash is recomputed with the region's key: a job."""
        actor, who = self.ctx.actor, current_attendant(self.ctx)

        def work(job: JobControl) -> Any:
            job.progress(0, 0, self.tr("Trusting the supervisor and re-hashing the members…"))
            return sync_ops.trust_supervisor(job.ledger(), file, actor=actor, attendant=who,
                                             expected=expected)

        job: Job[Any] = Job(self, work, on_success=self._trusted,
                            ledger=self.ctx.open_worker_ledger, lang=self.ctx.lang,
                            writes=True)
        return job.with_progress(self.tr("Trusting the supervisor…"), cancellable=False).run()

    def _trusted(self, ident: Any) -> None:
        # The job's own connection stored the region key; this window's copy must follow, or
        # sign-ups here would hash ID numbers with the old key.
        self.ctx.ledger.keys.reload_region_key()
        self.page.summary.setText(self.tr("Now trusting %1 %2. Export is ready.")
                                  .replace("%1", ident.code).replace("%2", ident.name))
        self.ctx.changed()
        self.page.refresh()

    # ---- helpers ----
    def _open(self, dialog: D) -> D:
        self.dialog = dialog
        dialog.open()
        return dialog

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            self.page.summary.setText(self.tr("The file could not be read or written: %1")
                                      .replace("%1", exc.strerror or str(exc)))
            return
        show_error(self, exc, self.ctx.lang)

    # ---- an unknown station's bundle (the import box of the page asks) ----
    def confirm_accept_unknown(self, signer: dict[str, str]) -> ConfirmKeyDialog:
        """The explicit choice to enrol an unknown station from the key inside its own bundle."""
        return ConfirmKeyDialog(
            self, title=self.tr("Enrol a station from its bundle"),
            intro=self.tr("%1 comes from station %2, which is not enrolled here. Its bundle "
                          "carries its own key, but anyone can make a bundle that says it is "
                          "%2: phone the station and ask them to read out their fingerprint "
                          "(writing the station's identity file shows it). Enrol it from the "
                          "bundle only if it is exactly this one.")
            .replace("%1", signer["file"]).replace("%2", signer["code"]),
            code=signer["code"], name=signer["name"], fingerprint=signer["fingerprint"],
            check=self.tr("The station read out e&xactly this fingerprint"),
            ok_text=self.tr("&Enrol and import"),
            warnings=[self.tr("This choice is written to the audit log with your name.")])
