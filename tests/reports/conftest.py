"""The November 2026 station ledger (and a consolidated one), built once per test module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from station_app.data.db import Ledger, open_ledger
from station_app.services import station

from .scenario import Facts, add_other_station, build_station


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[tuple[Ledger, Facts, dict[str, str]]]:
    path = Path(tmp_path_factory.mktemp("reports")) / "station.db"
    ledger = open_ledger(path, create=True)
    station.init_station(ledger, code="MZL01", name="满洲里口岸驿站", by="tester")
    facts, nos = build_station(ledger)
    add_other_station(ledger, facts)
    yield ledger, facts, nos
    ledger.close()


NAMES = {"MZL01": "满洲里口岸驿站", "EEL02": "二连浩特口岸驿站"}
