"""The GUI cannot get around the role checks: the slots behind disabled or hidden buttons,
called directly by a clerk, are refused by the services themselves (offscreen, real files)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from station_app.data.db import Ledger
from station_app.domain.errors import LedgerError
from station_app.services import audit, auth, backup, privacy
from station_app.ui import i18n, jobs
from station_app.ui.context import AppContext
from tests.helpers import ledger_hash
from tests.security.conftest import AUDITOR, staff
from tests.security.test_guards import WIDE, World
from tests.security.test_guards import world as world  # the fixture

pytestmark = pytest.mark.gui


@pytest.fixture
def shown(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Messages the user would see in the "Not done" box (instead of a blocking dialog)."""
    i18n.register_fonts(qapp)
    i18n.install("en")
    seen: list[str] = []

    def capture(parent: Any, exc: BaseException, lang: str = "zh_CN") -> None:
        assert isinstance(exc, LedgerError), exc
        seen.append(exc.code)

    monkeypatch.setattr("station_app.ui.errors.show_error", capture)
    yield seen
    i18n.install("en")


def _as(ledger: Ledger, username: str) -> AppContext:
    ctx = AppContext(Path(ledger.path), ledger, lang="en", actor=username)
    ctx.attendant = staff(ledger, username)  # type: ignore[attr-defined]
    return ctx


def _wait(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: jobs.running_jobs() == 0, timeout=20_000)


def _denied(ledger: Ledger) -> list[str]:
    return [r.subject for r in audit.rows(ledger, 50, action=audit.DENIED, attendant=AUDITOR)]


def test_sync_page_slots_refuse_a_clerk(qtbot: Any, world: World, shown: list[str]) -> None:
    from station_app.ui.sync_view import SyncPage

    station = SyncPage(_as(world.st, "clerk"))
    qtbot.addWidget(station)
    assert not station.export_button.isEnabled() and not station.import_button.isEnabled()
    before = ledger_hash(world.st, WIDE)
    station.export_to(world.tmp / "usb2")  # what the button would do, were it enabled
    _wait(qtbot)
    assert station.last_export is None and not (world.tmp / "usb2").exists()

    supervisor = SyncPage(_as(world.sup, "clerk"))
    qtbot.addWidget(supervisor)
    assert not supervisor.return_button.isEnabled()
    sup_before = ledger_hash(world.sup, WIDE)
    supervisor.import_paths([world.bundle])
    _wait(qtbot)
    supervisor.write_return("MZL01", world.tmp / "ret")
    _wait(qtbot)
    assert supervisor.last_results == [] and not (world.tmp / "ret").exists()

    assert shown == ["not_permitted"] * 3
    assert ledger_hash(world.st, WIDE) == before and ledger_hash(world.sup, WIDE) == sup_before
    assert _denied(world.st) == ["export"]
    assert sorted(_denied(world.sup)) == ["export", "import"]


def test_roster_slot_refuses_a_clerk(qtbot: Any, world: World, shown: list[str]) -> None:
    from station_app.ui.reports_view import ReportsPage

    page = ReportsPage(_as(world.st, "clerk"))
    qtbot.addWidget(page)
    page.run_async = False
    assert page.roster_button.isHidden()
    page.export_roster(world.tmp / "roster.xlsx")
    _wait(qtbot)
    assert shown == ["not_permitted"]
    assert not (world.tmp / "roster.xlsx").exists()
    assert _denied(world.st) == ["export"]


def test_security_page_refuses_even_when_the_ui_thinks_everything_is_allowed(
        qtbot: Any, world: World, shown: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A page bug that shows every control (``can`` always True) still changes nothing."""
    from station_app.ui import security_page

    warnings: list[str] = []
    monkeypatch.setattr(security_page, "can", lambda ctx, permission: True)
    monkeypatch.setattr(security_page.QMessageBox, "warning",
                        lambda parent, title, text: warnings.append(text))
    ledger = world.st
    ctx = _as(ledger, "clerk")
    page = security_page.SecurityPage(ctx)
    qtbot.addWidget(page)
    before = ledger_hash(ledger, WIDE)

    def pick(username: str) -> None:
        page.people.setCurrentRow([page.people.item(i).text().split()[0]
                                   for i in range(page.people.count())].index(username))

    pick("sup")
    page.disable()
    pick("sup")  # the list is refilled after every action
    page.unlock()
    dialog = security_page.AttendantDialog(ctx, page)
    qtbot.addWidget(dialog)
    dialog.username.setText("newbie")
    dialog.pin.setText("2468")
    dialog.again.setText("2468")
    dialog.create_account()
    assert "may not do this" in dialog.message.text()
    page.idle.setValue(auth.idle_minutes(ledger) + 7)
    page.retention.setValue(9)
    page.save_settings()
    page.reveal_member.setText(world.member_no)
    page.reveal_reason.setText("curious")
    page.reveal()
    assert page.reveal_result.text() == "clerk (attendant) may not do this: show a full ID number"
    page.backup_now()
    _wait(qtbot)

    assert len(warnings) == 3 and all("may not do this" in w for w in warnings)
    assert shown == ["not_permitted"]
    assert ledger_hash(ledger, WIDE) == before
    found = auth.get_attendant(ledger, "sup")
    assert found is not None and not found.disabled
    assert auth.get_attendant(ledger, "newbie") is None
    assert privacy.retention_years(ledger) == 0
    assert backup.list_backups(ledger.path) == []
    assert sorted(_denied(ledger)) == sorted(
        ["attendants", "attendants", "attendants", "settings", "reveal", "backup"])


def test_the_admin_still_can_from_the_security_page(qtbot: Any, world: World,
                                                    shown: list[str]) -> None:
    from station_app.ui import security_page

    ledger = world.st
    page = security_page.SecurityPage(_as(ledger, "boss"))
    qtbot.addWidget(page)
    page.idle.setValue(12)
    page.retention.setValue(6)
    page.save_settings()
    assert auth.idle_minutes(ledger) == 12 and privacy.retention_years(ledger) == 6
    page.backup_now()
    _wait(qtbot)
    assert shown == [] and [b.kind for b in backup.list_backups(ledger.path)] == ["manual"]
    assert _denied(ledger) == []


def test_a_retention_period_that_would_anonymise_people_is_confirmed_and_saved_says_so(
        qtbot: Any, world: World, shown: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Anonymisation cannot be undone: a period that makes members due asks first, with how
    many; "Settings saved." says the click did something."""
    from PySide6.QtWidgets import QMessageBox

    from station_app.ui import security_page

    ledger = world.st
    monkeypatch.setattr(privacy, "due_for_anonymisation",
                        lambda _ledger, years=None: ["a", "b"] if years == 2 else [])
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, _title, text, *a: asked.append(text) or answers.pop(0))
    page = security_page.SecurityPage(_as(ledger, "boss"))
    qtbot.addWidget(page)
    page.show()
    page.retention.setValue(2)
    page.save_settings()
    assert asked == ["With 2 years, 2 members who left are anonymised within the hour: "
                     "their name, phone and ID number are blanked for good. Save it?"]
    assert privacy.retention_years(ledger) == 0 and not page.settings_saved.isVisible()
    page.retention.setValue(2)
    page.save_settings()
    assert privacy.retention_years(ledger) == 2
    assert page.settings_saved.isVisible() and page.settings_saved.text() == "Settings saved."
    page.retention.setValue(5)
    assert not page.settings_saved.isVisible()


def test_the_account_buttons_say_what_they_did(qtbot: Any, world: World,
                                               shown: list[str]) -> None:
    """Unlock, Disable and Enable changed the list by a word at most, or nothing at all with no
    account chosen: a line under the buttons says what happened."""
    from station_app.ui import security_page

    page = security_page.SecurityPage(_as(world.st, "boss"))
    qtbot.addWidget(page)
    page.show()
    page.people.setCurrentRow(-1)
    page.unlock()
    assert page.people_note.isVisible()
    assert page.people_note.text() == "Choose an account in the list first."
    names = [page.people.item(i).text().split()[0] for i in range(page.people.count())]
    page.people.setCurrentRow(names.index("sup"))
    page.disable()
    assert page.people_note.text() == "sup is disabled and cannot sign in."
    found = auth.get_attendant(world.st, "sup")
    assert found is not None and found.disabled
