"""The GUI side of the last three guards, and refusals worded for a window, not a shell.

The Reports page's export and the Audit log page go through the guarded services with the
signed-in attendant; the retention rule runs after sign-in as automatic work whoever signed in;
``signin_required`` never tells someone at the counter to type ``--as`` — including the
start-up restore, whose two integrity checks can disagree (offscreen, real files).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from station_app.data import queries
from station_app.data.db import Ledger, open_ledger
from station_app.domain.errors import Refused
from station_app.services import backup, members, privacy
from station_app.ui import errors, i18n
from station_app.ui.context import AppContext
from tests.helpers import ledger_hash, sign_up
from tests.security.conftest import CLERK_PIN, MovableClock, add_staff, staff
from tests.security.test_guards import WIDE, World
from tests.security.test_guards import world as world  # the fixture
from tests.security.test_guards_ui import _as, _denied, _wait
from tests.security.test_guards_ui import shown as shown  # the fixture

pytestmark = pytest.mark.gui
CLI_WORDS = ("--as", "STATION_LEDGER_PIN", "--")


def test_the_report_export_slot_refuses_a_clerk_and_works_for_a_supervisor(
        qtbot: Any, world: World, shown: list[str]) -> None:
    from station_app.ui.reports_view import ReportsPage

    page = ReportsPage(_as(world.st, "clerk"), run_async=False)
    qtbot.addWidget(page)
    before = ledger_hash(world.st, WIDE)
    page.export("xlsx", world.tmp / "nov.xlsx")  # what the button would do for a clerk
    _wait(qtbot)
    assert shown == ["not_permitted"] and not (world.tmp / "nov.xlsx").exists()
    assert getattr(page, "last_export", None) is None
    assert ledger_hash(world.st, WIDE) == before and _denied(world.st) == ["reports"]

    page = ReportsPage(_as(world.st, "sup"), run_async=False)
    qtbot.addWidget(page)
    page.export("pdf", world.tmp / "nov.pdf")
    _wait(qtbot)
    assert shown == ["not_permitted"] and page.last_export == world.tmp / "nov.pdf"
    assert (world.tmp / "nov.pdf").read_bytes().startswith(b"%PDF")


def test_the_audit_page_asks_the_service_with_the_signed_in_attendant(
        qtbot: Any, world: World, shown: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A page bug that believes a clerk may read the log still shows nothing."""
    from station_app.ui import audit_view

    monkeypatch.setattr(audit_view, "can", lambda ctx, permission: True)
    page = audit_view.AuditPage(_as(world.st, "clerk"))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0 and page.table.isHidden() and not page.notice.isHidden()
    assert _denied(world.st) == ["audit"] and shown == []

    boss = audit_view.AuditPage(_as(world.st, "boss"))
    qtbot.addWidget(boss)
    assert boss.model.rowCount() > 0 and not boss.table.isHidden()
    assert boss.model.index(0, 1).data() == "clerk"  # the refusal is the newest row


def test_signing_in_as_a_clerk_still_runs_the_retention_rule(
        qtbot: Any, qapp: QApplication, ledger_path: Path, movable_clock: MovableClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule is the admin's setting; applying it is automatic work, whoever signs in."""
    from station_app.ui import sign_in as sign_in_module

    ledger = open_ledger(ledger_path)
    add_staff(ledger)
    number = sign_up(ledger, 50, name="冯十二")
    members.withdraw_member(ledger, number, "moved away", by="t")
    privacy.set_retention_years(ledger, 1, by="boss", attendant=staff(ledger, "boss"))
    movable_clock.advance(days=800)
    ctx = AppContext(ledger_path, ledger, lang="en", actor="tester")

    def fill(dialog: Any) -> int:
        dialog.show()
        qtbot.addWidget(dialog)
        dialog.username.setCurrentIndex(dialog.username.findData("clerk"))
        dialog.pin.setText(CLERK_PIN)
        dialog.try_sign_in()
        return int(dialog.result())

    monkeypatch.setattr(sign_in_module.SignInDialog, "exec", fill)
    try:
        assert sign_in_module.sign_in(ctx)
        qtbot.waitUntil(lambda: queries.get_member(ledger, number).name == "", timeout=10_000)
        _wait(qtbot)
        assert _denied(ledger) == []
    finally:
        ctx.daily_timer.stop()  # type: ignore[attr-defined]
        ctx.idle_lock.stop()  # type: ignore[attr-defined]
        ledger.close()


# ---- refusals in the GUI's words ----
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_signin_required_in_a_window_never_names_a_command_line_option(
        qapp: QApplication, fresh_db: Ledger, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    refusal = Refused("signin_required")
    ctx = AppContext(Path("unused.db"), fresh_db, lang=lang)
    texts = [errors.render(refusal, lang), ctx.message(refusal)]
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box.text()) or 0)
    errors.show_error(None, refusal, lang)
    texts += boxes
    assert len(texts) == 3 and len(set(texts)) == 1
    assert not any(word in texts[0] for word in CLI_WORDS)
    assert ("登录" in texts[0]) if lang == "zh_CN" else ("sign in" in texts[0])
    assert "Ctrl+L" in texts[0]


def test_every_window_renders_ledger_errors_through_the_gui_wording() -> None:
    """No GUI module calls ``messages.render`` itself (it would get the command line's words)."""
    root = Path(__file__).resolve().parents[2] / "station_app"
    sources = [*sorted((root / "ui").rglob("*.py")), root / "app.py"]
    callers = []
    for source in sources:
        if source.name == "errors.py" and source.parent.name == "ui":
            continue
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "render" and isinstance(
                    node.value, ast.Name) and node.value.id == "messages":
                callers.append(source.name)
    assert callers == []


@pytest.fixture
def damaged_once(ledger_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A ledger with accounts and a good daily backup whose first quick check fails and whose
    second (inside the restore) passes: the two checks disagree, as on a flaky disk."""
    ledger = open_ledger(ledger_path)
    add_staff(ledger)
    sign_up(ledger, 1)
    backup.daily_if_due(ledger)
    ledger.close()
    real = backup.check_file
    calls: list[Path] = []

    def flaky(path: Any, **kw: Any) -> list[str]:
        if Path(path) == ledger_path and not calls:
            calls.append(Path(path))
            return ["*** in database main *** Page 7: btreeInitPage() returns error code 11"]
        return real(path, **kw)

    monkeypatch.setattr(backup, "check_file", flaky)
    yield ledger_path


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_start_up_restore_refused_by_the_second_check_speaks_the_gui(
        qapp: QApplication, damaged_once: Path, lang: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from station_app.ui import security_startup

    before = ledger_hash_of(damaged_once)
    boxes: list[tuple[str, str]] = []

    def answer(box: Any) -> Any:
        boxes.append((box.objectName(), box.text()))
        return box.findChild(QPushButton, "restoreBackup")

    monkeypatch.setattr(security_startup, "ask", answer)
    i18n.install(lang)
    try:
        assert not security_startup.check_ledger(damaged_once, lang)
    finally:
        i18n.install("en")
    assert [name for name, _ in boxes] == ["damagedLedger", "restoreFailed"]
    said = boxes[1][1]
    assert not any(word in said for word in CLI_WORDS)
    if lang == "zh_CN":
        assert "未恢复备份" in said and "安全与备份" in said
    else:
        assert "was not restored" in said and "Security & backups" in said
    # The ledger was not replaced: same content, same epoch, no pre-restore backup.
    assert ledger_hash_of(damaged_once) == before
    assert [b.kind for b in backup.list_backups(damaged_once)] == ["daily"]


def ledger_hash_of(path: Path) -> tuple[str, int]:
    ledger = open_ledger(path)
    try:
        return ledger_hash(ledger, WIDE), ledger.epoch
    finally:
        ledger.close()
