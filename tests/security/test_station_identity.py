"""The station's name is printed on every card and report: only the station admin renames it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from station_app.domain.errors import LedgerError
from station_app.services import auth, station
from station_app.ui.context import AppContext
from station_app.ui.dialogs.settings import SettingsDialog
from tests.helpers import ledger_hash
from tests.ui.conftest import english_context

from .conftest import CLERK_PIN, staff


@pytest.fixture
def admin_ctx(qapp: QApplication, ledger_path: Path, fixed_clock: Any) -> Iterator[AppContext]:
    yield from english_context(qapp, ledger_path, members=1, staffed=True)


def test_an_attendant_cannot_rename_the_station(admin_ctx: AppContext, qtbot: Any) -> None:
    ledger = admin_ctx.ledger
    before = ledger_hash(ledger)
    with pytest.raises(LedgerError):
        station.update_identity(ledger, name="测试站", by="clerk", attendant=staff(ledger, "clerk"))
    assert ledger_hash(ledger) == before
    admin_ctx.attendant = auth.authenticate(ledger, "clerk", CLERK_PIN)  # type: ignore[attr-defined]
    dialog = SettingsDialog(admin_ctx)
    qtbot.addWidget(dialog)
    assert not dialog.station_name.isEnabled() and "admin" in dialog.station_name.toolTip()


def test_the_admin_renames_it_and_is_told(admin_ctx: AppContext, qtbot: Any) -> None:
    dialog = SettingsDialog(admin_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.station_name.setText("满洲里国门驿站")
    assert dialog.save_station()
    assert admin_ctx.ledger.station_name == "满洲里国门驿站"
    assert dialog.station_saved.isVisible()
    assert dialog.station_saved.text() == "Saved. New cards and reports show “满洲里国门驿站”."
