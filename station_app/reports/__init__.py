"""Statistics for stations and supervisors, and their xlsx / CSV / JSON / PDF exports. No Qt."""

from .figures import build, default_stations, member_target, station_codes
from .model import Column, Report, Table
from .periods import DateRange, make_range, month_range, parse_date, period_range

__all__ = ["Column", "DateRange", "Report", "Table", "build", "default_stations", "make_range",
           "member_target", "month_range", "parse_date", "period_range", "station_codes"]
