"""Every model of the counter passes Qt's model tester; the lazy table sorts in SQL."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from station_app.data import queries
from station_app.services import visits
from station_app.ui.models import today
from station_app.ui.models.members import MatchesModel
from station_app.ui.models.services import ServicesModel
from station_app.ui.models.today import TodayModel


def test_today_model_passes_the_model_tester(qtmodeltester: Any, ctx: Any) -> None:
    for n in range(5):
        visits.record_visit(ctx.ledger, ["water"], by="tester",
                            walk_in=visits.WalkIn("courier" if n % 2 else "truck_driver"))
    model = TodayModel(ctx)
    assert model.rowCount() == 7  # two sign-ups and five visits
    qtmodeltester.check(model)
    model.sort(today.COL_WORKER, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_today_model_pages_lazily_and_sorts_in_sql(ctx: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(today, "PAGE", 3)
    for n in range(10):
        visits.record_visit(ctx.ledger, ["water"], by=f"a{n:02d}",
                            walk_in=visits.WalkIn("courier"))
    model = TodayModel(ctx)
    assert model.rowCount() == 12
    assert model._pages == {}  # nothing read until a row is shown
    model.data(model.index(11, 0))
    assert list(model._pages) == [3]
    model.sort(today.COL_BY, Qt.SortOrder.AscendingOrder)
    column = [model.data(model.index(r, today.COL_BY)) for r in range(model.rowCount())]
    assert column == sorted(column)
    model.sort(today.COL_BY, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, today.COL_BY)) == "tester"


def test_matches_model_passes_the_model_tester(qtmodeltester: Any, ctx: Any) -> None:
    model = MatchesModel("en")
    model.set_members(queries.search_members(ctx.ledger, "zs") +
                      queries.search_members(ctx.ledger, "1234"))
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    model.set_members([])
    qtmodeltester.check(model)


def test_services_model_passes_the_model_tester(qtmodeltester: Any, ctx: Any) -> None:
    model = ServicesModel(ctx.ledger)
    assert model.rowCount() == len(queries.services(ctx.ledger))
    qtmodeltester.check(model)
