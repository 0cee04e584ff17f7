"""The Audit log page as the admin reads it: refusals name the permission in words, in Chinese
and English (the log keeps the code), rows can be narrowed to one person, and a backup's row
says where the file went as a full path, wherever the command was run from."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from station_app.cli import main
from station_app.domain.errors import Refused
from station_app.services import audit, auth, backup, privacy
from station_app.services import reports as report_service
from station_app.ui import i18n
from station_app.ui.audit_view import AuditModel, AuditPage
from station_app.ui.context import AppContext
from tests.security.conftest import ADMIN_PIN, AUDITOR, staff
from tests.ui.conftest import english_context

pytestmark = pytest.mark.gui

SUBJECT, ACTOR = 3, 1  # columns


@pytest.fixture
def ctx(qapp: QApplication, ledger_path: Path) -> Iterator[AppContext]:
    """The admin signed in; three refusals of staff and one of a visitor in the log."""
    for context in english_context(qapp, ledger_path, members=1, staffed=True):
        ledger = context.ledger
        for user, permission in (("clerk", "export"), ("clerk", "reveal"), ("sup", "reveal")):
            with pytest.raises(Refused):
                auth.require(ledger, staff(ledger, user), permission, actor=user)
        with pytest.raises(Refused):
            privacy.reveal(ledger, "MZL01-000001V", "x", attendant=None, actor="visitor")
        yield context


def _page(qtbot: Any, ctx: AppContext) -> AuditPage:
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.show()  # out of sight, the page reads the log again only once shown
    ModelTester(None).check(page.model)
    return page


def _shown(page: AuditPage, column: int) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def _refusals(page: AuditPage) -> list[tuple[str, str, str]]:
    """(who, the subject as shown, the subject as stored) of the refusals on the page."""
    model = page.model
    return [(model.index(r, ACTOR).data(), model.index(r, SUBJECT).data(),
             model.index(r, SUBJECT).data(Qt.ItemDataRole.UserRole + 3))
            for r in range(model.rowCount())
            if model.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) == audit.DENIED]


def test_a_refusal_names_the_permission_in_words(qtbot: Any, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    assert _refusals(page) == [
        ("visitor", "show a full ID number", "reveal"), ("sup", "show a full ID number", "reveal"),
        ("clerk", "show a full ID number", "reveal"),
        ("clerk", "export data (bundles, roster)", "export")]
    # The log itself keeps the code (the command line and scripts read it).
    assert [r.subject for r in audit.rows(ctx.ledger, 10, action=audit.DENIED,
                                          attendant=AUDITOR)] == [
        "reveal", "reveal", "reveal", "export"]


def test_in_chinese_too(qtbot: Any, ctx: AppContext) -> None:
    i18n.install("zh_CN")
    ctx.lang = "zh_CN"
    page = _page(qtbot, ctx)
    assert [shown for _who, shown, _code in _refusals(page)] == [
        "查看完整身份证号", "查看完整身份证号", "查看完整身份证号", "导出数据（数据包、名册）"]
    assert page.person_filter.itemText(0) == "所有人"
    # The details in words too (they were English key=value pairs): the clerk's refusal.
    details = [page.model.index(r, 5).data() for r in range(page.model.rowCount())
               if page.model.index(r, ACTOR).data() == "clerk"]
    assert details == ["角色：操作员", "角色：操作员"]


def test_every_permission_has_a_name_in_both_languages(qapp: QApplication) -> None:
    every = sorted(auth.PERMISSIONS["admin"] | {p for s in auth.PERMISSIONS.values() for p in s})
    model = AuditModel(None)
    english = {p: model.permission_label(p) for p in every}
    assert all(name != code for code, name in english.items()), english
    i18n.install("zh_CN")
    try:
        chinese = {p: model.permission_label(p) for p in every}
    finally:
        i18n.install("en")
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in name) for name in chinese.values()), \
        chinese
    assert len(set(chinese.values())) == len(every)


def test_the_who_filter_narrows_the_log_to_one_person(qtbot: Any, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    people = {page.person_filter.itemData(i): page.person_filter.itemText(i)
              for i in range(page.person_filter.count())}
    assert people[""] == "Everyone"
    assert people["boss"] == "站长 (boss)"  # an account: its display name, as at sign-in
    assert people["visitor"] == "visitor"  # no account: the name as recorded
    page.person_filter.setCurrentIndex(page.person_filter.findData("clerk"))
    assert set(_shown(page, ACTOR)) == {"clerk"}
    assert _refusals(page) == [("clerk", "show a full ID number", "reveal"),
                               ("clerk", "export data (bundles, roster)", "export")]
    # With the action filter: the clerk's refusals only, then everybody's again.
    page.filter.setCurrentIndex(page.filter.findData(audit.DENIED))
    assert _shown(page, ACTOR) == ["clerk", "clerk"]
    page.person_filter.setCurrentIndex(0)
    assert _shown(page, ACTOR) == ["visitor", "sup", "clerk", "clerk"]
    # The choice survives new rows; a new person appears in the list.
    page.person_filter.setCurrentIndex(page.person_filter.findData("sup"))
    report_service.export_roster(ctx.ledger, ctx.ledger_path.parent / "r.xlsx", "sup",
                                 attendant=staff(ctx.ledger, "sup"))
    with pytest.raises(Refused):
        auth.require(ctx.ledger, None, "backup", actor="night-shift")
    ctx.changed()
    assert page.person_filter.currentData() == "sup"
    assert page.person_filter.findData("night-shift") > 0
    assert page.filter.currentData() == audit.DENIED and _shown(page, ACTOR) == ["sup"]


def test_a_backup_row_holds_the_full_path(ctx: AppContext, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """``backup --out usb/b.zip`` from some folder: the log says which folder it was."""
    from station_app.ui.security_page import SecurityPage

    work = tmp_path / "somewhere"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("STATION_LEDGER_PIN", ADMIN_PIN)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = main(["--lang", "en", "--db", str(ctx.ledger_path), "--as", "boss", "backup",
                 "--out", "usb/b.zip"])
    out, err = capsys.readouterr()
    assert code == 0, err
    written = work / "usb" / "b.zip"
    assert written.is_file() and str(written) in out
    row = backup.last_backup(ctx.ledger)
    assert row is not None and row.detail["path"] == str(written)
    monkeypatch.chdir(tmp_path)  # wherever the app runs later, the row still finds the file
    assert Path(row.detail["path"]).is_file()
    page = SecurityPage(ctx)
    try:
        assert str(written) in page.last.text()
    finally:
        page.deleteLater()


def test_a_page_out_of_sight_reads_the_log_again_when_shown(
        qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every counter visit changes the ledger; the Audit log page, when hidden, waits until
    it is shown to read the log and its list of people again."""
    page = _page(qtbot, ctx)
    page.hide()
    calls: list[str] = []
    real = audit.actors
    monkeypatch.setattr(audit, "actors", lambda *a, **k: calls.append("read") or real(*a, **k))
    for _ in range(3):
        ctx.changed()
    assert calls == []
    page.show()
    assert calls == ["read"]
