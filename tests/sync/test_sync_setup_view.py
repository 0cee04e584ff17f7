"""Setting up sync on the Sync page, offscreen on real ledgers: a station and its supervisor set
each other up without the command line, then bundles go both ways; dry run, full export, an
unknown station enrolled from its bundle (audited), refusal texts without commands, roles."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from station_app.domain import messages
from station_app.services import audit, sync_ops, visits
from station_app.ui import i18n
from station_app.ui.sync_confirm import ConfirmKeyDialog, DryRunDialog, ShownDialog
from station_app.ui.sync_view import SyncPage
from tests.helpers import ledger_hash, sign_up
from tests.security.conftest import AUDITOR, add_staff

from .kit import export, import_one, link, new_ledger
from .test_sync_view import _page as page_of
from .test_sync_view import _wait
from .test_sync_view import net as gui_net

pytestmark = pytest.mark.gui

# A supervisor (HLB00) and a station (MZL01) that know nothing of each other yet.
net = gui_net

# What the window must never ask a supervisor or an attendant to type.
COMMANDS = ("station-ledger", "fork-resolve", "(enrol)", "(trust)", "enrol-file", "trust-file",
            "--", "run trust", "accept-unknown")


def _page(qtbot: Any, ledger: Any, lang: str = "en", attendant: str | None = None) -> SyncPage:
    return page_of(qtbot, ledger, lang, attendant, width=780)  # within an 800 px screen


def _confirm(qtbot: Any, dialog: ConfirmKeyDialog | None) -> None:
    assert isinstance(dialog, ConfirmKeyDialog)
    assert not dialog.ok.isEnabled()  # nothing is trusted before the fingerprint is compared
    dialog.check.setChecked(True)
    assert dialog.ok.isEnabled()
    dialog.ok.click()


def _folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))


def _no_commands(text: str) -> None:
    for word in COMMANDS:
        assert word not in text, (word, text)


def test_station_and_supervisor_set_each_other_up_through_the_page(
        qtbot: Any, net, monkeypatch: pytest.MonkeyPatch) -> None:
    sup, sta, tmp = net
    st_page, sup_page = _page(qtbot, sta), _page(qtbot, sup)
    assert not st_page.setup.enrol_action.isVisible()  # a station enrols nobody
    assert st_page.setup.trust_action.text() == "&Trust the supervisor…"
    assert sup_page.setup.enrol_action.isVisible() and sup_page.setup.trust_file_action.isVisible()
    assert "Not set up yet" in st_page.setup.state.text()
    _no_commands(st_page.pending.text())
    # 1. The station writes its identity file onto the USB stick and sees its fingerprint.
    usb = tmp / "usb"
    _folder(monkeypatch, usb)
    st_page.setup.identity_action.trigger()
    shown = st_page.setup.dialog
    assert isinstance(shown, ShownDialog)
    identity = Path(shown.path_label.text())
    assert identity == usb / "identity_MZL01.json" and identity.exists()
    assert shown.fingerprint.text().split() == sta.keys.fingerprint.split()
    assert "\n" in shown.fingerprint.text()  # two lines of four groups, to read out
    shown.close()
    # 2. The supervisor enrols it after comparing the fingerprint, and gets its trust file.
    confirm = sup_page.setup.enrol_from(identity)
    assert confirm is not None
    assert confirm.code_label.text() == "MZL01" and confirm.name_label.text() == "满洲里口岸驿站"
    assert confirm.fingerprint.text().split() == sta.keys.fingerprint.split()
    _confirm(qtbot, confirm)
    done = sup_page.setup.dialog
    assert isinstance(done, ShownDialog) and "MZL01 满洲里口岸驿站 is enrolled" in \
        done.findChild(QWidget, "shownIntro").text()
    trust = Path(done.path_label.text())
    assert trust == usb / "trust_HLB00_for_MZL01.json" and trust.exists()
    assert done.fingerprint.text().split() == sup.keys.fingerprint.split()
    # ... and a copy of it in another folder, as `enrol --trust-out` does.
    _folder(monkeypatch, tmp / "mail")
    done.findChild(QWidget, "trustCopy").click()
    assert (tmp / "mail" / "trust_HLB00_for_MZL01.json").exists()
    assert sup.conn.execute("SELECT role FROM stations WHERE code = 'MZL01'").fetchone() == \
        ("enrolled",)
    # 3. The station trusts the supervisor from the trust file (a job: members are re-hashed).
    confirm = st_page.setup.trust_from(trust)
    assert confirm is not None and confirm.code_label.text() == "HLB00"
    assert confirm.fingerprint.text().split() == sup.keys.fingerprint.split()
    assert confirm.warnings == []  # the first supervisor: nothing to warn about
    _confirm(qtbot, confirm)
    _wait(qtbot)
    assert sync_ops.trusted_supervisor(sta)["code"] == "HLB00"
    # The window's own connection follows the new region key (sign-ups hash alike).
    assert sta.keys.region_key == sup.keys.region_key
    assert "Now trusting HLB00" in st_page.summary.text()
    assert "Supervisor: HLB00" in st_page.setup.state.text()
    # 4. Bundles go up and a return bundle comes down, through the same page.
    sign_up(sta, 1)
    st_page.refresh()
    assert st_page.export_button.isEnabled()
    st_page.export_to(usb)
    _wait(qtbot)
    sup_page.import_paths([st_page.last_export.path])
    _wait(qtbot)
    assert [o.result for o in sup_page.last_results] == ["accepted"]
    assert sup_page.last_results[0].new == 3
    sup_page.write_return("MZL01", usb)
    _wait(qtbot)
    st_page.import_paths([sup_page.last_export.path])
    _wait(qtbot)
    assert [o.result for o in st_page.last_results] == ["accepted"]
    assert sync_ops.pending_export(sta)["unacknowledged"] == 0
    # The audit log names who enrolled and who trusted.
    actions = {r.action for r in audit.rows(sup, 50, attendant=AUDITOR)}
    assert "sync.enrol" in actions
    assert "sync.trust" in {r.action for r in audit.rows(sta, 50, attendant=AUDITOR)}


def test_a_supervisor_is_set_up_with_the_region_the_same_way(
        qtbot: Any, net, monkeypatch: pytest.MonkeyPatch) -> None:
    sup, sta, tmp = net
    region = new_ledger(tmp / "r" / "r.db", "NMG00", "内蒙古自治区总工会", supervisor=True)
    link(sup, sta, tmp / "ids")
    sup_page, region_page = _page(qtbot, sup), _page(qtbot, region)
    assert sup_page.setup.identity_action.text() == "Write this ledger's &identity file…"
    assert sup_page.setup.trust_action.text() == "Trust the &level above…"
    (tmp / "up").mkdir()  # the folder chosen in the dialog exists
    identity = sup_page.setup.write_identity(tmp / "up")
    assert identity is not None
    _confirm(qtbot, region_page.setup.enrol_from(tmp / "up" / "identity_HLB00.json"))
    trust = Path(region_page.setup.dialog.path_label.text())
    _confirm(qtbot, sup_page.setup.trust_from(trust))
    _wait(qtbot)
    assert sync_ops.trusted_supervisor(sup)["code"] == "NMG00"
    assert "Level above: NMG00" in sup_page.setup.state.text()
    # Write trust file… again for the chosen station.
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getItem",
                        lambda *a, **k: ("MZL01 满洲里口岸驿站", True))
    _folder(monkeypatch, tmp / "again")
    sup_page.setup.trust_file_action.trigger()
    assert (tmp / "again" / "trust_HLB00_for_MZL01.json").exists()
    region.close()


def test_trusting_another_supervisor_says_the_whole_history_goes_to_it(qtbot: Any, net) -> None:
    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    sign_up(sta, 1)
    other = new_ledger(tmp / "o" / "o.db", "XLG00", "锡林郭勒盟总工会", supervisor=True)
    ident = sync_ops.write_identity_file(sta, tmp / "ids" / "again.json")
    _, trust = sync_ops.enrol_station(other, ident, actor="x", trust_out=tmp / "ids" / "x.json")
    page = _page(qtbot, sta)
    confirm = page.setup.trust_from(trust)
    assert confirm is not None and len(confirm.warnings) == 1
    warning = confirm.warnings[0].text()
    assert "This ledger now trusts HLB00 呼伦贝尔市总工会" in warning
    assert "WHOLE history of this ledger (3 entries) to XLG00" in warning
    _confirm(qtbot, confirm)
    _wait(qtbot)
    assert sync_ops.pending_export(sta)["unacknowledged"] == 3
    # The same supervisor again: nothing changes, and the dialog says so.
    again = page.setup.trust_from(trust)
    assert again is not None and "changes nothing" in again.warnings[0].text()
    again.reject()
    other.close()


def test_dry_run_shows_counts_and_writes_nothing(qtbot: Any, net) -> None:
    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    first = export(sta, tmp / "one").path
    assert import_one(sup, first).ok
    sta.conn.execute("UPDATE sync_state SET acked_seq = exported_seq")
    sign_up(sta, 1)
    second = export(sta, tmp / "two").path
    sta.conn.execute("UPDATE sync_state SET acked_seq = exported_seq")
    visits.record_visit(sta, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    third = export(sta, tmp / "three").path  # arrives before the second: a gap
    (tmp / "junk.zip").write_bytes(b"nothing" * 20)
    page = _page(qtbot, sup)
    before = ledger_hash(sup)
    page.import_paths([first, third, tmp / "junk.zip"], dry_run=True)
    _wait(qtbot)
    assert ledger_hash(sup) == before  # nothing was written
    dialog = page.dialog
    assert isinstance(dialog, DryRunDialog)
    table = dialog.table
    cells = [[table.item(r, c).text() for c in range(table.columnCount())]
             for r in range(table.rowCount())]
    assert [row[0] for row in cells] == [first.name, third.name, "junk.zip"]
    assert cells[0][1:6] == ["taken", "0", "1", "0", "0"]  # all held already
    assert cells[1][1:6] == ["taken", "1", "0", "0", "2"]  # new; the sign-up before it missing
    assert cells[2][1] == "refused" and "not a Station Ledger bundle" in cells[2][6]
    assert "1 file would be refused" in dialog.summary.text()
    assert page.last_results == []  # the import results table is not touched
    # "Import these files now" imports the same files for real.
    assert dialog.import_button is not None
    dialog.import_button.click()
    _wait(qtbot)
    assert [o.result for o in page.last_results] == ["duplicate", "accepted", "refused"]
    assert ledger_hash(sup) != before
    del second


def test_a_dry_runs_messages_read_in_full_below_its_table(qtbot: Any, net) -> None:
    """The Message column is cut short (its tooltip needs a mouse): the chosen file's sentences
    are in the box below, as in the page's import results, the first file with one chosen."""
    from PySide6.QtCore import Qt

    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    sign_up(sta, 1)
    export(sta, tmp / "one")
    sta.conn.execute("UPDATE sync_state SET acked_seq = exported_seq")
    visits.record_visit(sta, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    later = export(sta, tmp / "two").path  # its sign-up bundle never came: entries missing
    (tmp / "junk.zip").write_bytes(b"nothing" * 20)
    page = _page(qtbot, sup)
    page.import_paths([tmp / "junk.zip", later], dry_run=True)
    _wait(qtbot)
    dialog = page.dialog
    assert isinstance(dialog, DryRunDialog)
    qtbot.addWidget(dialog)
    table, details = dialog.table, dialog.details
    assert table.currentRow() == 0 and details.isReadOnly()
    message = table.item(0, 6).text()
    assert "not a Station Ledger bundle" in message
    text = details.toPlainText()
    assert "File: junk.zip" in text and "Would be: refused" in text and message in text
    assert details.height() >= 4 * details.fontMetrics().lineSpacing()
    # Arrow keys choose the other file and the box follows: which entries are missing.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    text = details.toPlainText()
    assert f"File: {later.name}" in text and "Would be: taken" in text
    assert "New entries: 1, already held: 0, conflicting: 0." in text
    assert "station MZL01: entries 1–3 of epoch 1 are missing" in text
    assert dialog.width() <= 800


def test_full_export_after_confirming(qtbot: Any, net, monkeypatch: pytest.MonkeyPatch) -> None:
    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    sign_up(sta, 1)
    assert import_one(sup, export(sta, tmp / "one").path).ok
    back = sync_ops.return_bundle(sup, "MZL01", tmp / "ret", actor="sup").path
    assert import_one(sta, back).ok
    page = _page(qtbot, sta)
    assert sync_ops.pending_export(sta)["unacknowledged"] == 0
    box = page.confirm_full_export()
    assert "whole history of this station again (3 entries)" in box.text()
    assert "can be large" in box.informativeText()
    _folder(monkeypatch, tmp / "usb")
    box.findChild(QWidget, "fullExportGo").click()
    _wait(qtbot)
    written = page.last_export
    assert written is not None and written.entry_count == 3
    assert written.ranges == [{"epoch": 1, "from": 1, "to": 3}]
    # Cancel exports nothing.
    page.last_export = None
    box = page.confirm_full_export()
    box.reject()
    _wait(qtbot)
    assert page.last_export is None


def _stranger(tmp: Path) -> Path:
    """A bundle of a station (ABC01) that this supervisor never enrolled."""
    stranger = new_ledger(tmp / "s" / "s.db", "ABC01", "陌生驿站")
    other = new_ledger(tmp / "o" / "o.db", "HLB00", "另一个", supervisor=True)
    link(other, stranger, tmp / "sids")
    sign_up(stranger, 7)
    path = export(stranger, tmp / "susb").path
    (tmp / "stranger_fp").write_text(stranger.keys.fingerprint)
    stranger.close()
    other.close()
    return path


def test_unknown_station_enrolled_from_its_bundle_is_audited(qtbot: Any, net) -> None:
    sup, _, tmp = net
    path = _stranger(tmp)
    page = _page(qtbot, sup)
    assert not page.accept_unknown_button.isVisible()
    page.import_paths([path])
    _wait(qtbot)
    assert page.last_results[0].error.code == "sync.unknown_station"
    message = page.results.data(page.results.index(0, 4))
    assert message == ("Station ABC01 is not enrolled in this ledger: enrol it from its "
                       "identity file first (Enrol a station… on the Sync page)")
    _no_commands(message + page.details.toPlainText())
    assert page.accept_unknown_button.isVisible() and page.accept_unknown_button.isEnabled()
    before = ledger_hash(sup)
    page.choose_unknown_to_accept()
    _wait(qtbot)
    confirm = page.dialog
    assert isinstance(confirm, ConfirmKeyDialog)
    assert confirm.code_label.text() == "ABC01" and confirm.name_label.text() == "陌生驿站"
    assert confirm.fingerprint.text().split() == (tmp / "stranger_fp").read_text().split()
    assert "phone the station" in confirm.findChild(QWidget, "confirmIntro").text()
    assert "audit log" in confirm.warnings[0].text()
    confirm.reject()  # Cancel: nothing enrolled
    _wait(qtbot)
    assert ledger_hash(sup) == before
    assert sup.conn.execute("SELECT 1 FROM stations WHERE code = 'ABC01'").fetchone() is None
    page.choose_unknown_to_accept()
    _wait(qtbot)
    _confirm(qtbot, page.dialog)
    _wait(qtbot)
    assert [o.result for o in page.last_results] == ["accepted"]
    assert not page.accept_unknown_button.isVisible()
    assert sup.conn.execute("SELECT role FROM stations WHERE code = 'ABC01'").fetchone() == \
        ("enrolled",)
    rows = [r for r in audit.rows(sup, 50, attendant=AUDITOR)
            if r.action == "enrol.from_bundle"]
    assert [(r.actor, r.subject) for r in rows] == [("tester", "ABC01")]
    assert rows[0].detail["fingerprint"] == (tmp / "stranger_fp").read_text()


def test_refusals_in_the_window_name_no_commands_but_the_command_line_keeps_them(
        qtbot: Any, net) -> None:
    from .kit import forked

    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    copy, number, _refused = forked(sup, sta, tmp)  # held from now on
    visits.record_visit(copy, ["water"], by="t", member=number)
    held = export(copy, tmp / "usb3").path
    copy.close()
    page = _page(qtbot, sup)
    page.import_paths([held])
    _wait(qtbot)
    error = page.last_results[0].error
    assert error is not None and error.code == "sync.fork_held"
    shown = page.results.data(page.results.index(0, 4))
    assert "Resolve fork…" in shown
    _no_commands(shown + page.details.toPlainText())
    assert "fork-resolve" in messages.render(error, "en")  # the command line's hint stays
    # The station that trusts nobody yet: the export refusal says where to go in the window.
    from station_app.sync.errors import refuse
    from station_app.ui.errors import render

    for code, params in (("no_supervisor", {}), ("unknown_station", {"station": "X1"}),
                         ("fork_held", {"station": "X1", "epoch": 2, "since": "2026-11-20"})):
        for lang in ("en", "zh_CN"):
            _no_commands(render(refuse(code, **params), lang))
    assert "（“登记驿站…”）" in render(refuse("unknown_station", station="X1"), "zh_CN")


def test_a_plain_attendant_can_set_up_nothing(qtbot: Any, net, monkeypatch) -> None:
    sup, sta, tmp = net
    add_staff(sup)
    ident = sync_ops.write_identity_file(sta, tmp / "id.json")
    path = _stranger(tmp)
    clerk = _page(qtbot, sup, attendant="clerk")
    setup = clerk.setup
    for button in (setup.enrol_action, setup.trust_file_action, setup.trust_action,
                   clerk.import_button, clerk.dry_run_button, clerk.full_export_button):
        assert not button.isEnabled()
        assert "Only the station admin" in button.toolTip()
    assert "Ctrl+L" in setup.enrol_action.toolTip()
    # The slots behind the disabled buttons are refused by the services themselves.
    seen: list[str] = []
    monkeypatch.setattr("station_app.ui.sync_setup.show_error",
                        lambda parent, exc, lang="zh_CN": seen.append(exc.code))
    confirm = setup.enrol_from(ident)
    assert confirm is not None
    _confirm(qtbot, confirm)
    assert seen == ["not_permitted"]
    assert sup.conn.execute("SELECT 1 FROM stations WHERE code = 'MZL01'").fetchone() is None
    # A supervisor account imports, but taking a station's key from its bundle is the admin's.
    boss_only = _page(qtbot, sup, attendant="sup")
    assert boss_only.import_button.isEnabled() and boss_only.dry_run_button.isEnabled()
    assert not boss_only.setup.enrol_action.isEnabled()
    boss_only.import_paths([path])
    _wait(qtbot)
    assert boss_only.accept_unknown_button.isVisible()
    assert not boss_only.accept_unknown_button.isEnabled()
    assert "Only the station admin" in boss_only.accept_unknown_button.toolTip()
    failures: list[str] = []
    monkeypatch.setattr("station_app.ui.errors.show_error",
                        lambda parent, exc, lang="zh_CN": failures.append(exc.code))
    boss_only.import_paths([path], accept_unknown=True)
    _wait(qtbot)
    assert failures == ["not_permitted"]
    assert sup.conn.execute("SELECT 1 FROM stations WHERE code = 'ABC01'").fetchone() is None


def test_screenshots_of_the_setup_dialogs(qtbot: Any, net, monkeypatch) -> None:
    """docs/screenshots/sync_setup_*.png with STATION_LEDGER_SCREENSHOTS=1; every dialog fits
    the 800 px offscreen screen."""
    sup, sta, tmp = net
    docs = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    out = docs if os.environ.get("STATION_LEDGER_SCREENSHOTS") else tmp / "shots"
    out.mkdir(parents=True, exist_ok=True)
    stranger = _stranger(tmp)
    link(sup, sta, tmp / "ids")
    sign_up(sta, 1)
    bundle = export(sta, tmp / "b").path
    other = new_ledger(tmp / "x" / "x.db", "XLG00", "锡林郭勒盟总工会", supervisor=True)
    ident = sync_ops.write_identity_file(sta, tmp / "ids" / "again.json")
    _, trust = sync_ops.enrol_station(other, ident, actor="x", trust_out=tmp / "ids" / "x.json")

    def save(widget: Any, name: str) -> None:
        widget.show()  # as open() shows it: no adjustSize, which would hide a sizing bug
        qtbot.waitExposed(widget)
        assert widget.width() <= 800, (name, widget.width())
        for label in widget.findChildren(QLabel):  # every sentence has room for all its lines
            if label.isVisible() and label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()), (name, label.text())
        assert widget.grab().save(str(out / f"{name}.png"))

    for lang in ("zh_CN", "en"):
        i18n.install(lang)
        st_page, sup_page = _page(qtbot, sta, lang), _page(qtbot, sup, lang)
        (tmp / "usb").mkdir(exist_ok=True)
        save(st_page.setup.write_identity(tmp / "usb"), f"sync_setup_identity_{lang}")
        save(st_page.setup.trust_from(trust), f"sync_setup_trust_{lang}")
        save(sup_page.setup.enrol_from(ident), f"sync_setup_enrol_{lang}")
        sup_page.import_paths([bundle, stranger], dry_run=True)
        _wait(qtbot)
        save(sup_page.dialog, f"sync_setup_dry_run_{lang}")
        sup_page.import_paths([stranger])
        _wait(qtbot)
        sup_page.choose_unknown_to_accept()
        _wait(qtbot)
        save(sup_page.dialog, f"sync_setup_accept_unknown_{lang}")
        sup_page.resize(800, 600)
        assert sup_page.grab().save(str(out / f"sync_setup_page_{lang}.png"))
        assert st_page.grab().save(str(out / f"sync_setup_station_page_{lang}.png"))
        for page in (st_page, sup_page):
            page.close()
    other.close()
    i18n.install("en")
