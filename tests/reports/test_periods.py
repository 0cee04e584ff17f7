"""Date ranges: day, ISO week, month, quarter, year, custom."""

from __future__ import annotations

from datetime import date

import pytest

from station_app.domain.errors import InvalidInput
from station_app.reports import periods


@pytest.mark.parametrize(("period", "anchor", "start", "end"), [
    ("day", date(2026, 11, 5), date(2026, 11, 5), date(2026, 11, 5)),
    ("week", date(2026, 11, 5), date(2026, 11, 2), date(2026, 11, 8)),
    ("month", date(2026, 2, 10), date(2026, 2, 1), date(2026, 2, 28)),
    ("month", date(2028, 2, 10), date(2028, 2, 1), date(2028, 2, 29)),
    ("month", date(2026, 12, 31), date(2026, 12, 1), date(2026, 12, 31)),
    ("quarter", date(2026, 11, 5), date(2026, 10, 1), date(2026, 12, 31)),
    ("quarter", date(2026, 2, 5), date(2026, 1, 1), date(2026, 3, 31)),
    ("year", date(2026, 11, 5), date(2026, 1, 1), date(2026, 12, 31)),
])
def test_period_ranges(period, anchor, start, end) -> None:
    assert periods.period_range(period, anchor) == periods.DateRange(start, end)


def test_parsing_dates_and_anchors() -> None:
    assert periods.parse_date("2026/11/05") == date(2026, 11, 5)
    assert periods.parse_date("20261105") == date(2026, 11, 5)
    assert periods.parse_anchor("2026-11") == date(2026, 11, 1)
    assert periods.parse_anchor("2026") == date(2026, 1, 1)
    with pytest.raises(InvalidInput):
        periods.parse_date("2026-02-30")


def test_ranges_refuse_backwards_and_huge_spans() -> None:
    with pytest.raises(InvalidInput):
        periods.make_range(date(2026, 11, 2), date(2026, 11, 1))
    with pytest.raises(InvalidInput):
        periods.make_range(date(2000, 1, 1), date(2026, 1, 1))
    assert periods.month_range(date(2026, 11, 9)).label() == "2026年11月"
    assert periods.month_range(date(2026, 11, 9)).label("en") == "2026-11"


def test_a_year_and_a_quarter_have_their_own_titles() -> None:
    from datetime import date

    from station_app.reports.periods import make_range

    assert make_range(date(2026, 1, 1), date(2026, 12, 31)).label() == "2026年"
    assert make_range(date(2026, 10, 1), date(2026, 12, 31)).label("en") == "2026 Q4"
    assert make_range(date(2026, 4, 1), date(2026, 6, 30)).label() == "2026年第2季度"
    assert make_range(date(2026, 4, 1), date(2026, 6, 29)).label() == "2026-04-01 – 2026-06-29"
