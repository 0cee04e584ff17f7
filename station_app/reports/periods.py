"""Date ranges a report covers: a day, ISO week, month, quarter, year or a custom span."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..domain import messages
from ..domain.errors import InvalidInput

PERIODS = ("day", "week", "month", "quarter", "year", "custom")
MAX_DAYS = 3660  # ten years: anything longer is a typing mistake

messages.register({
    "invalid.date.span": ("日期范围太长（最多{max}天）",
                          "the date range is too long (at most {max} days)"),
    "invalid.period.unknown": ("统计周期“{value}”不存在（可选：day、week、month、quarter、year）",
                               "period “{value}” is not known (day, week, month, quarter, year)"),
})


@dataclass(frozen=True)
class DateRange:
    """Both ends inclusive, local dates as the stations recorded them."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def each_day(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range(self.days)]

    def label(self, lang: str = "zh_CN") -> str:
        """``2026年11月`` for a calendar month, ``2026年`` for a year, ``2026年第4季度`` for a
        quarter, else ``2026-11-01 – 2026-11-30``."""
        s, e = self.start, self.end
        if s.day == 1 and month_range(s) == self:
            return f"{s.year}-{s.month:02d}" if lang == "en" else f"{s.year}年{s.month}月"
        if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year:
            return str(s.year) if lang == "en" else f"{s.year}年"
        if (s.day == 1 and s.month % 3 == 1 and e.year == s.year and e.month == s.month + 2
                and month_range(e).end == e):
            quarter = (s.month - 1) // 3 + 1
            return f"{s.year} Q{quarter}" if lang == "en" else f"{s.year}年第{quarter}季度"
        if s == e:
            return s.isoformat()
        return f"{s.isoformat()} – {e.isoformat()}"


def parse_date(text: str, field: str = "date") -> date:
    """``2026-11-05`` (also ``2026/11/05`` and ``20261105``)."""
    raw = text.strip().replace("/", "-")
    if len(raw) == 8 and raw.isdigit():
        raw = f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(field, "format", value=text) from None


def make_range(start: date, end: date) -> DateRange:
    if end < start:
        raise InvalidInput("date", "order", start=start.isoformat(), end=end.isoformat())
    found = DateRange(start, end)
    if found.days > MAX_DAYS:
        raise InvalidInput("date", "span", max=MAX_DAYS)
    return found


def month_range(day: date) -> DateRange:
    first = day.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    return DateRange(first, nxt - timedelta(days=1))


def period_range(period: str, anchor: date) -> DateRange:
    """The day, ISO week (Monday–Sunday), month, quarter or year that holds ``anchor``."""
    if period == "day":
        return DateRange(anchor, anchor)
    if period == "week":
        monday = anchor - timedelta(days=anchor.isoweekday() - 1)
        return DateRange(monday, monday + timedelta(days=6))
    if period == "month":
        return month_range(anchor)
    if period == "quarter":
        first_month = (anchor.month - 1) // 3 * 3 + 1
        start = date(anchor.year, first_month, 1)
        return DateRange(start, month_range(date(anchor.year, first_month + 2, 1)).end)
    if period == "year":
        return DateRange(date(anchor.year, 1, 1), date(anchor.year, 12, 31))
    raise InvalidInput("period", "unknown", value=period)


def parse_anchor(text: str) -> date:
    """An anchor date; ``2026-11`` means the first of that month, ``2026`` the first of the year."""
    raw = text.strip()
    if len(raw) == 4 and raw.isdigit():
        return date(int(raw), 1, 1)
    if len(raw) == 7 and raw[4] in "-/":
        return parse_date(raw + "-01")
    return parse_date(raw)
