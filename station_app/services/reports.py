"""Report use cases the CLI and the Reports page share: figures, exports, the member roster."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from ..data.db import Ledger
from ..domain import messages
from ..reports import export, figures, periods, roster
from ..reports.model import Report
from . import audit, auth


def report(ledger: Ledger, start: date, end: date, stations: Sequence[str] | None = None, *,
           lang: str = "zh_CN") -> Report:
    """Aggregate figures only: no names, numbers or other personal data."""
    return figures.build(ledger, periods.make_range(start, end), stations, lang=lang)


messages._FIELDS.update({"year": ("年份", "Year"), "target": ("入会目标", "Target"),
                         "format": ("输出格式", "Output format"), "table": ("表格", "Table")})


def member_target(ledger: Ledger, year: int) -> int | None:
    """The yearly new-member target (入会目标) the reports measure against; None if unset."""
    return figures.member_target(ledger, year)


def set_member_target(ledger: Ledger, year: int, members: int, *, by: str,
                      attendant: auth.Acting = None) -> None:
    """Set (``members`` > 0) or clear (0) the yearly new-member target; ``reports``
    permission; audited with the old and new values."""
    from ..domain.errors import InvalidInput

    auth.require(ledger, attendant, "reports", actor=by)
    if isinstance(year, bool) or not 2000 <= int(year) <= 2100:
        raise InvalidInput("year", "format")
    if isinstance(members, bool) or not 0 <= int(members) <= 10_000_000:
        raise InvalidInput("target", "format")
    key = figures.TARGET_KEY.format(year=int(year))
    with ledger.write():
        old = ledger.setting(key)
        new = str(int(members)) if members else ""
        ledger.set_setting(key, new)
        audit.record(ledger, by, audit.SETTING, key, {"old": old, "new": new})


def station_choices(ledger: Ledger) -> list[str]:
    """Stations a report can be limited to (every station with entries in this ledger)."""
    return figures.station_codes(ledger)


def station_names(ledger: Ledger) -> dict[str, str]:
    return figures.station_names(ledger)


def export_report(ledger: Ledger, start: date, end: date, fmt: str, path: str | Path | None,
                  stations: Sequence[str] | None = None, *, lang: str = "zh_CN",
                  table: str | None = None, attendant: auth.Acting, actor: str = "",
                  on_built: Callable[[], None] | None = None) -> bytes:
    """Build and export; writes ``path`` atomically when given, and returns the bytes.

    The one way to write a report to a file (the Reports page and ``report`` both come here):
    ``attendant`` needs the ``reports`` permission (None only in open mode), or the refusal
    is audited and raised before anything is counted or written. Every export (file or
    standard output) is an ``export``/``report`` audit row. ``on_built`` runs between
    counting and writing (the page's progress and cancel).
    """
    auth.require(ledger, attendant, "reports", actor=actor)
    found = report(ledger, start, end, stations, lang=lang)
    if on_built is not None:
        on_built()
    data = export.to_bytes(found, fmt, table)
    # Which figures left the PC, and who took them, belongs in the audit log like every export.
    detail: dict[str, object] = {"file": Path(path).name if path is not None else "-",
                                 "format": fmt, "from": start.isoformat(),
                                 "to": end.isoformat(), "stations": found.meta.get("stations")}
    if table:
        detail["table"] = table
    if path is not None:
        try:
            export.write_atomic(Path(path), data)
        except Exception as exc:
            audit.record(ledger, actor, audit.EXPORT, "report",
                         {**detail, "error": type(exc).__name__}, outcome="error")
            raise
    audit.record(ledger, actor, audit.EXPORT, "report", detail)
    return data


def export_roster(ledger: Ledger, path: str | Path, actor: str, *,
                  stations: Sequence[str] | None = None, lang: str = "zh_CN",
                  attendant: auth.Acting = None) -> int:
    """The member roster (ID numbers and phones masked) as xlsx; every attempt is audited.

    The single entry point for roster exports, guarded here: ``attendant`` needs the
    ``export`` permission (None only in open mode), or the refusal is audited and raised.
    Returns the number of members written.
    """
    auth.require(ledger, attendant, "export", actor=actor)
    target = Path(path)
    scope = figures.default_stations(ledger) if stations is None else tuple(stations)
    detail: dict[str, object] = {"file": target.name, "format": "xlsx",
                                 "stations": list(scope) if scope is not None else "all"}
    try:
        rows = roster.roster_rows(ledger, scope, lang)
        export.write_atomic(target, roster.roster_bytes(rows, lang))
    except Exception as exc:
        audit.record(ledger, actor, audit.EXPORT, "roster", {**detail, "error": type(exc).__name__},
                     outcome="error")
        raise
    audit.record(ledger, actor, audit.EXPORT, "roster", {**detail, "rows": len(rows)})
    return len(rows)
