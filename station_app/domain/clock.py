"""The one clock of the application: every timestamp comes from here so tests can fix it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta

_source: Callable[[], datetime] | None = None


def now() -> datetime:
    """The current local time, timezone-aware (the station PC's offset)."""
    if _source is not None:
        return _source()
    return datetime.now().astimezone()


def today() -> date:
    return now().date()


def iso(moment: datetime) -> str:
    """ISO 8601 with offset, second precision plus milliseconds, as stored in entries."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.isoformat(timespec="milliseconds")


def now_iso() -> str:
    return iso(now())


def parse_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment


def set_source(source: Callable[[], datetime] | None) -> None:
    """Replace the clock (None restores the system clock)."""
    global _source
    _source = source


@contextlib.contextmanager
def fixed(moment: datetime, step: timedelta = timedelta(0)) -> Iterator[None]:
    """Freeze the clock at ``moment``; each reading advances it by ``step``."""
    current = [moment if moment.tzinfo else moment.astimezone()]

    def read() -> datetime:
        value = current[0]
        current[0] = value + step
        return value

    previous = _source
    set_source(read)
    try:
        yield
    finally:
        set_source(previous)
