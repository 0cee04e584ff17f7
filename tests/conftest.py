"""Shared fixtures: a migrated in-memory ledger, file ledgers, a fixed clock, offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("STATION_LEDGER_LANG", "en")

from station_app.data.db import Ledger, open_ledger
from station_app.domain import clock
from station_app.services import station

CST = timezone(timedelta(hours=8))
T0 = datetime(2026, 11, 20, 9, 30, tzinfo=CST)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                   ) -> None:
    """Never touch the developer's real per-user ledger."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("STATION_LEDGER_HOME", str(home))
    monkeypatch.delenv("STATION_LEDGER_DB", raising=False)


@pytest.fixture(autouse=True)
def _typed_forms_close_unasked(request: pytest.FixtureRequest,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A form left open with something typed in it is closed when its test ends: the question
    "close without saving?" would wait there for an answer for ever. A test of that question
    asks for the ``ask_before_discarding`` marker fixture."""
    if "ask_before_discarding" in request.fixturenames:
        return
    import station_app.ui.dialogs as dialogs

    monkeypatch.setattr(dialogs, "keep_typed", lambda _dialog: False)


@pytest.fixture
def ask_before_discarding() -> None:
    """The real "close without saving?" question (answer it from a timer: it is modal)."""


@pytest.fixture
def fixed_clock() -> Iterator[datetime]:
    """The clock reads 2026-11-20 09:30 +08:00 and advances one second per reading."""
    with clock.fixed(T0, timedelta(seconds=1)):
        yield T0


@pytest.fixture
def fresh_db() -> Iterator[Ledger]:
    """A migrated, initialised in-memory station ledger (station MZL01)."""
    ledger = open_ledger(":memory:")
    station.init_station(ledger, code="MZL01", name="满洲里口岸驿站", league="呼伦贝尔市总工会",
                         by="tester")
    yield ledger
    ledger.close()


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """A file ledger initialised as station MZL01 (WAL mode, keys beside it)."""
    path = tmp_path / "station.db"
    ledger = open_ledger(path, create=True)
    station.init_station(ledger, code="MZL01", name="满洲里口岸驿站", by="tester")
    ledger.close()
    return path


@pytest.fixture
def file_ledger(ledger_path: Path) -> Iterator[Ledger]:
    ledger = open_ledger(ledger_path)
    yield ledger
    ledger.close()
