"""The Sync page on real ledgers, offscreen: export, import (also by drop), stations and gaps."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel

from station_app.services import sync_ops, visits
from station_app.ui import i18n, jobs
from station_app.ui.context import AppContext
from station_app.ui.sync_view import SyncPage
from tests.helpers import sign_up

from .kit import export, link, new_ledger

pytestmark = pytest.mark.gui


@pytest.fixture
def net(qapp: Any, tmp_path: Path):
    i18n.register_fonts(qapp)
    i18n.install("en")
    sup = new_ledger(tmp_path / "sup" / "sup.db", "HLB00", "呼伦贝尔市总工会", supervisor=True)
    sta = new_ledger(tmp_path / "sta" / "sta.db", "MZL01", "满洲里口岸驿站")
    yield sup, sta, tmp_path
    i18n.install("en")
    sup.close()
    sta.close()


def _page(qtbot: Any, ledger: Any, lang: str = "en", attendant: str | None = None,
          width: int = 1000) -> SyncPage:
    """The Sync page on ``ledger``, shown; ``attendant``: signed in as that account."""
    ctx = AppContext(ledger.path, ledger, lang=lang, actor=attendant or "tester")
    if attendant is not None:
        from tests.security.conftest import staff

        ctx.attendant = staff(ledger, attendant)  # type: ignore[attr-defined]
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.resize(width, 640)
    page.show()
    return page


def _wait(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: jobs.running_jobs() == 0, timeout=20_000)


def test_station_exports_what_is_unacknowledged(qtbot: Any, net) -> None:
    sup, sta, tmp = net
    page = _page(qtbot, sta)
    assert not page.export_button.isEnabled() and "trust file" in page.pending.text()
    assert "run" not in page.pending.text()  # there is no command to run in the window
    link(sup, sta, tmp / "ids")
    sign_up(sta, 1)
    page.refresh()
    assert page.export_button.isEnabled()
    assert page.pending.text() == "3 entries not yet acknowledged by HLB00."
    page.export_to(tmp / "usb")
    _wait(qtbot)
    assert page.last_export is not None and page.last_export.path.exists()
    assert "3 entries" in page.summary.text()


def test_out_of_sight_the_page_catches_up_when_shown(qtbot: Any, net, monkeypatch) -> None:
    """Every counter visit changes the ledger: the Sync page, out of sight, does not read the
    stations again each time (tens of milliseconds on a region's ledger), and shows the
    figures of the moment when it is looked at again."""
    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    page = _page(qtbot, sta)
    assert page.pending.text() == "1 entry not yet acknowledged by HLB00."
    reads: list[int] = []
    stations = sync_ops.stations
    monkeypatch.setattr(sync_ops, "stations", lambda ledger: reads.append(1) or stations(ledger))
    page.hide()
    for _ in range(3):
        visits.record_visit(sta, ["water"], by="t", walk_in=visits.WalkIn("courier"))
        page.ctx.changed()
    assert reads == [] and page.pending.text().startswith("1 entry ")
    page.show()
    assert reads == [1]  # once, for all three
    assert page.pending.text() == "4 entries not yet acknowledged by HLB00."
    visits.record_visit(sta, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    page.ctx.changed()  # in sight: at once
    assert reads == [1, 1] and page.pending.text().startswith("5 entries")


def test_supervisor_imports_by_drop_and_sees_gaps(qtbot: Any, net) -> None:
    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    first = export(sta, tmp / "one").path
    sta.conn.execute("UPDATE sync_state SET acked_seq = exported_seq")
    visits.record_visit(sta, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    later = export(sta, tmp / "two").path
    (tmp / "junk.zip").write_bytes(b"not a bundle at all" * 10)
    page = _page(qtbot, sup)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(later)), QUrl.fromLocalFile(str(tmp / "junk.zip"))])
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    page.dropEvent(drop)
    _wait(qtbot)
    assert [o.result for o in page.last_results] == ["accepted", "refused"]
    assert page.summary.text() == ("2 files: 1 accepted, 0 with nothing new, 1 refused, "
                                   "1 new entry.")
    message = page.results.data(page.results.index(1, 4))
    assert "not a Station Ledger bundle" in message
    assert "entry 1 of epoch 1 is missing" in page.warnings.text()
    codes = [page.stations.data(page.stations.index(r, 0)) for r in range(
        page.stations.rowCount())]
    assert codes == ["HLB00", "MZL01"]
    page.import_paths([first, later])
    _wait(qtbot)
    assert page.warnings.text() == ""
    assert page.summary.text() == ("2 files: 1 accepted, 1 with nothing new, 0 refused, "
                                   "1 new entry.")
    page.stations_table.selectRow(1)
    assert page.selected_station() == "MZL01"
    page.write_return("MZL01", tmp / "ret")
    _wait(qtbot)
    assert page.last_export.kind == "return"


def test_files_for_another_ledger_are_skipped_in_grey_and_refusals_read_in_full(
        qtbot: Any, net) -> None:
    """The station's USB stick after a round at the supervisor: its own bundle (meant for the
    supervisor), its return bundle, and a file cut short by a pulled stick."""
    from station_app.services import sync_ops
    from station_app.sync.status import quarantine_dir

    from .kit import import_one

    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    sign_up(sta, 1)
    usb = tmp / "usb"
    own = export(sta, usb).path
    assert import_one(sup, own).ok
    sync_ops.return_bundle(sup, "MZL01", usb, actor="sup")
    (usb / "junk.zip").write_bytes(own.read_bytes()[:300])
    page = _page(qtbot, sta)
    page.import_paths([usb])
    _wait(qtbot)
    assert [o.result for o in page.last_results] == ["skipped", "refused", "accepted"]
    assert page.summary.text().startswith("3 files: 1 accepted, 0 with nothing new, 1 refused,")
    assert page.summary.text().endswith(" Skipped as meant for another ledger: 1.")
    skipped = page.results.index(0, 1)
    assert page.results.data(skipped) == "skipped"
    assert page.results.data(skipped, Qt.ItemDataRole.BackgroundRole) is None
    assert page.results.data(skipped, Qt.ItemDataRole.ForegroundRole).name() == "#6c757d"
    assert page.results.data(page.results.index(1, 1),
                             Qt.ItemDataRole.BackgroundRole).name() == "#f8d7da"
    assert sorted(p.name.split("_", 1)[1] for p in quarantine_dir(sta).iterdir()) == [
        "junk.zip", "junk.zip.txt"]  # the copy, and the note of why
    # The refused row is chosen and its whole sentence is under the table, quarantine too.
    table = page.results_table
    assert table.currentIndex().row() == 1
    assert table.selectionModel().isRowSelected(1, table.rootIndex())
    details = page.details.toPlainText()
    assert "File: junk.zip" in details and "Result: refused" in details
    assert ("junk.zip is incomplete or damaged (perhaps the copy was interrupted); ask the "
            "station to export it again") in details
    assert "A copy is in the quarantine folder: " + str(quarantine_dir(sta)) in details
    assert page.details.isReadOnly()
    # Arrow keys choose another row and the box follows: whom the skipped file is for.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Up)
    details = page.details.toPlainText()
    assert "Result: skipped" in details
    assert f"{own.name} is addressed to HLB00, not to this ledger (MZL01)" in details
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert "Result: accepted" in page.details.toPlainText()
    assert "New entries: " in page.details.toPlainText()


def test_supervisor_sees_a_forked_station_and_resolves_it(qtbot: Any, net, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from .kit import forked

    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    copy, _number, _refused = forked(sup, sta, tmp)
    copy.close()
    page = _page(qtbot, sup)
    assert page.fork_button.isVisible() and page.fork_button.isEnabled()
    assert "station MZL01: epoch 1 has forked" in page.warnings.text()
    row = next(r for r in range(page.stations.rowCount())
               if page.stations.rows[r].code == "MZL01")
    index = page.stations.index(row, 0)
    assert page.stations.data(index, Qt.ItemDataRole.BackgroundRole).name() == "#f8d7da"
    assert "has forked" in page.stations.data(index, Qt.ItemDataRole.ToolTipRole)
    page.stations_table.setCurrentIndex(index)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("原机在用，复制品已收回", True))
    page.choose_fork_to_resolve()
    assert "no longer held" in page.summary.text()
    assert not page.fork_button.isVisible()
    assert "has forked" not in page.warnings.text()


def test_a_cancelled_import_says_which_files_were_left_out(qtbot: Any, net,
                                                           monkeypatch) -> None:
    import threading

    from station_app.sync import importer

    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    for _ in range(3):  # three bundles in the USB folder
        visits.record_visit(sta, ["water"], by="t", walk_in=visits.WalkIn("courier"))
        export(sta, tmp / "usb")
    page = _page(qtbot, sup)
    started = threading.Event()
    real = importer._import_file

    def first_then_cancel(*args: Any, **kw: Any) -> Any:
        started.wait(10)
        page_job.cancel()  # the supervisor presses Cancel while the first file is read
        return real(*args, **kw)

    monkeypatch.setattr(importer, "_import_file", first_then_cancel)
    page_job = page.import_paths([tmp / "usb"])
    started.set()
    _wait(qtbot)
    assert len(page.last_results) == 1
    assert page.summary.text().endswith(
        "Import cancelled: 2 of the files chosen (3 in all) were not imported; import them "
        "again.")


def test_the_top_level_ledger_offers_no_export(qtbot: Any, net) -> None:
    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    page = _page(qtbot, sup)
    assert not page.export_button.isEnabled()
    assert "nobody to forward bundles to" in page.pending.text()


def test_tab_moves_through_the_page_not_into_the_table_cells(qtbot: Any, net) -> None:
    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    page = _page(qtbot, sup)
    page.stations_table.setFocus()
    qtbot.keyClick(page.stations_table, Qt.Key.Key_Down)
    assert page.selected_station() is not None  # arrows choose the station
    qtbot.keyClick(page.stations_table, Qt.Key.Key_Tab)
    assert page.focusWidget() is page.return_button  # Tab goes on to the button


def test_a_long_station_name_leaves_every_column_in_sight(qtbot: Any, net) -> None:
    sup, _, tmp = net
    name = "内蒙古自治区呼伦贝尔市满洲里市扎赉诺尔区第二十三号国际货运口岸户外劳动者暖心驿站"
    far = new_ledger(tmp / "far" / "far.db", "MZL23", name)  # 40 characters, the longest
    link(sup, far, tmp / "ids")
    page = _page(qtbot, sup)
    table = page.stations_table
    assert table.horizontalHeader().length() <= table.viewport().width()  # no scrolling
    row = next(r for r in range(page.stations.rowCount()) if page.stations.rows[r].code == "MZL23")
    assert page.stations.data(page.stations.index(row, 1), Qt.ItemDataRole.ToolTipRole) == name
    far.close()


def test_the_same_person_at_two_stations_is_listed_with_what_to_do(qtbot: Any, net) -> None:
    sup, sta, tmp = net
    other = new_ledger(tmp / "b" / "b.db", "EEH01", "二连浩特驿站")
    link(sup, sta, tmp / "ids")
    link(sup, other, tmp / "ids")
    first = sign_up(sta, 5, name="巴特尔")
    second = sign_up(other, 5, name="巴特尔")  # the same ID number, before either knew
    page = _page(qtbot, sup)
    assert not page.same_person_button.isVisible()
    page.import_paths([export(sta, tmp / "usb").path, export(other, tmp / "usb").path])
    _wait(qtbot)
    assert page.same_person_button.isVisible()
    assert "(1)" in page.same_person_button.text()
    assert "1 person is an active member under two numbers" in page.warnings.text()
    dialog = page.show_same_person()
    qtbot.addWidget(dialog)
    table = dialog.table
    cells = [[table.item(r, c).text() for c in range(table.columnCount())]
             for r in range(table.rowCount())]
    assert [row[1] for row in cells] == [first, second]
    assert cells[0][0].startswith("巴特尔") and "*" in cells[0][0]  # masked ID, never whole
    assert cells[0][4] == "signed up first: keep"
    assert cells[1][2] == "二连浩特驿站" and "withdraw" in cells[1][4] and first in cells[1][4]
    other.close()


def _rows_in_sight(table: Any) -> int:
    """Rows shown whole in the table's viewport."""
    height = table.viewport().height()
    tops = [table.rowViewportPosition(r) for r in range(table.model().rowCount())]
    return sum(1 for r, top in enumerate(tops) if top >= 0 and top + table.rowHeight(r) <= height)


def _busy_supervisor(sup: Any, tmp: Path, stations: int) -> list[Path]:
    """``stations`` stations enrolled at ``sup``, each with a bundle; and one damaged file."""
    bundles = []
    for n in range(stations):
        st_ = new_ledger(tmp / f"s{n}" / "s.db", f"ST{n:03d}", f"第{n + 1}号户外劳动者驿站")
        link(sup, st_, tmp / "ids")
        sign_up(st_, n + 1)
        bundles.append(export(st_, tmp / f"usb{n}").path)
        st_.close()
    (tmp / "damaged.zip").write_bytes(bundles[0].read_bytes()[:300])
    return [*bundles, tmp / "damaged.zip"]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_at_800_by_600_the_stations_and_the_import_results_both_keep_room(
        qtbot: Any, net, lang: str) -> None:
    """The smallest screen: the stations table was squeezed to a row or two under the import
    results; the page now shares the room in a splitter and the setup steps sit in a menu."""
    sup, _, tmp = net
    files = _busy_supervisor(sup, tmp, 5)
    i18n.install(lang)
    page = _page(qtbot, sup, lang)
    page.resize(800, 600)
    qtbot.wait(1)
    table = page.stations_table
    assert page.stations.rowCount() == 6
    # Before any import the results table and its box take no room: every station is in sight.
    assert not page.results_table.isVisible() and not page.details.isVisible()
    assert page.findChild(QLabel, "dropHint").isVisible() and not page.summary.isVisible()
    assert _rows_in_sight(table) == 6
    assert page.setup.height() < 90  # one line of state beside one menu button
    page.import_paths(files)
    _wait(qtbot)
    qtbot.wait(1)
    assert page.results_table.isVisible() and page.details.isVisible()
    # The summary stands in the hint's place, beside the buttons.
    assert page.summary.isVisible() and not page.findChild(QLabel, "dropHint").isVisible()
    assert _rows_in_sight(page.results_table) >= 1
    assert page.details.viewport().height() >= 2 * page.details.fontMetrics().lineSpacing()
    assert _rows_in_sight(table) >= 3
    assert page.minimumSizeHint().height() <= 600  # nothing is pushed out of the page
    # Dragging the splitter down gives the results more room, the stations keep a row or two.
    results = _rows_in_sight(page.results_table)
    page.splitter.setSizes([sum(page.splitter.sizes()), 0])
    qtbot.wait(1)
    assert _rows_in_sight(page.results_table) > results
    assert _rows_in_sight(table) >= 1


def test_at_1280_by_800_the_import_results_and_the_stations_are_both_roomy(
        qtbot: Any, net) -> None:
    sup, _, tmp = net
    files = _busy_supervisor(sup, tmp, 7)
    page = _page(qtbot, sup)
    page.resize(1280, 800)
    page.import_paths(files)
    _wait(qtbot)
    qtbot.wait(1)
    assert _rows_in_sight(page.results_table) >= 3
    assert page.details.viewport().height() >= 3 * page.details.fontMetrics().lineSpacing()
    stations = _rows_in_sight(page.stations_table)
    assert stations >= 6
    page.splitter.setSizes([0, sum(page.splitter.sizes())])  # dragged up: all the stations
    qtbot.wait(1)
    assert _rows_in_sight(page.stations_table) > stations
    assert page.setup.menu_button.menu() is not None  # the setup steps, in one menu
    texts = [a.text() for a in page.setup.menu_button.menu().actions() if a.isVisible()]
    assert texts == ["Write this ledger's &identity file…", "E&nrol a station…",
                     "Write tr&ust file…", "Trust the &level above…"]


def test_at_1366_by_768_a_stick_of_files_and_a_few_stations_both_show_whole(
        qtbot: Any, net) -> None:
    """A run of eleven files beside three stations: the results showed two rows while the
    stations table stood half empty."""
    sup, _, tmp = net
    files = _busy_supervisor(sup, tmp, 2)
    files += [files[0]] * 8  # the same bundle again and again: duplicates, as on a real stick
    page = _page(qtbot, sup)
    page.resize(1366, 689)  # the page inside the window at 1366 x 768
    page.import_paths(files)
    _wait(qtbot)
    qtbot.wait(1)
    assert _rows_in_sight(page.stations_table) == page.stations.rowCount() == 3
    assert _rows_in_sight(page.results_table) >= 4  # was 2: the rest stays a scroll away


def test_screenshots(qtbot: Any, net) -> None:
    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    other = new_ledger(tmp / "b" / "b.db", "EEH01", "二连浩特驿站")
    link(sup, other, tmp / "ids")
    for n in range(3):
        sign_up(sta, n + 1, name=("王芳", "巴特尔", "李建国")[n])
    export(sta, tmp / "one")
    sta.conn.execute("UPDATE sync_state SET acked_seq = exported_seq")
    visits.record_visit(sta, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    later = export(sta, tmp / "two").path
    sign_up(other, 9, name="乌日娜")
    from_other = export(other, tmp / "three").path
    (tmp / "U盘拷坏的.zip").write_bytes(later.read_bytes()[:300])
    # docs/screenshots/sync_*.png are refreshed with STATION_LEDGER_SCREENSHOTS=1
    docs = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    out = docs if os.environ.get("STATION_LEDGER_SCREENSHOTS") else tmp / "shots"
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("zh_CN", "en"):
        i18n.install(lang)
        probe = new_ledger(tmp / lang / "sup.db", "HLB00", "呼伦贝尔市总工会", supervisor=True)
        for st_ in (sta, other):
            link(probe, st_, tmp / f"ids_{lang}")
        region = new_ledger(tmp / lang / "region.db", "NMG00", "内蒙古自治区总工会",
                            supervisor=True)
        link(region, probe, tmp / f"ids_{lang}")  # a league: Export relays to the region
        region.close()
        page = _page(qtbot, probe, lang)
        page.import_paths([later, from_other, tmp / "U盘拷坏的.zip"])
        _wait(qtbot)
        assert page.grab().save(str(out / f"sync_{lang}.png"))
        page.close()
        probe.close()
    other.close()
    i18n.install("en")


def _import_held(qtbot: Any, page: SyncPage, monkeypatch: Any, module: Any, name: str,
                 folder: Path, shown: str) -> list[str]:
    """Import ``folder`` on the page with ``module.name`` held back until the progress window
    shows ``shown``; the results once done."""
    import threading

    from PySide6.QtWidgets import QProgressDialog

    release = threading.Event()
    real = getattr(module, name)

    def held(*args: Any, **kw: Any) -> Any:
        release.wait(10)
        return real(*args, **kw)

    def dialog_text() -> str:
        dialog = page.findChild(QProgressDialog, "jobProgress")
        return dialog.labelText() if dialog is not None else ""

    monkeypatch.setattr(module, name, held)
    page.import_paths([folder])
    try:
        qtbot.waitUntil(lambda: shown in dialog_text(), timeout=5000)
    finally:
        release.set()
        _wait(qtbot)
    return [o.result for o in page.last_results]


def test_the_wait_for_the_safety_backup_is_explained(qtbot: Any, net, monkeypatch) -> None:
    """Before the first file, every import backs up the ledger (a large supervisor ledger
    takes a while): the progress window says so instead of sitting at 0 of N files."""
    from station_app.services import backup

    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    visits.record_visit(sta, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    export(sta, tmp / "usb")
    page = _page(qtbot, sup)
    assert _import_held(qtbot, page, monkeypatch, backup, "before_import", tmp / "usb",
                        "safety backup") == ["accepted"]


def test_import_stages(net) -> None:
    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    export(sta, tmp / "usb")
    heard: list[str] = []
    sync_ops.import_bundles(sup, [tmp / "usb"], actor="t", dry_run=True, stage=heard.append)
    assert heard == ["import"]  # a dry run writes nothing, so it backs nothing up
    sync_ops.import_bundles(sup, [tmp / "usb"], actor="t", stage=heard.append)
    assert heard == ["import", "backup", "import"]


def test_the_progress_window_names_the_file_being_imported(qtbot: Any, net,
                                                           monkeypatch) -> None:
    """A large bundle takes a while on its own: the progress window says which file of how
    many is being imported, not only how many are done."""
    from station_app.sync import importer

    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    for _ in range(2):
        visits.record_visit(sta, ["water"], by="t", walk_in=visits.WalkIn("courier"))
        export(sta, tmp / "usb")
    first = sorted(p.name for p in (tmp / "usb").iterdir())[0]
    page = _page(qtbot, sup)
    assert _import_held(qtbot, page, monkeypatch, importer, "_import_file", tmp / "usb",
                        f"Importing {first} (file 1 of 2)") == ["accepted", "accepted"]


def test_each_file_is_announced_as_it_begins(net) -> None:
    sup, sta, tmp = net
    link(sup, sta, tmp / "ids")
    for _ in range(2):
        visits.record_visit(sta, ["water"], by="t", walk_in=visits.WalkIn("courier"))
        export(sta, tmp / "usb")
    heard: list[tuple[int, int, str]] = []
    sync_ops.import_bundles(sup, [tmp / "usb"], actor="t",
                            starting=lambda n, total, name: heard.append((n, total, name)))
    assert heard == [(n, 2, name) for n, name in
                     enumerate(sorted(p.name for p in (tmp / "usb").iterdir()))]
