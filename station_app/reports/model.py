"""The shape every report has: titled tables of typed columns, with an optional totals row."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["text", "int", "money", "pct", "date"]
Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """``money`` values are integer fen (shown as yuan); ``pct`` values are fractions (0.25)."""

    key: str
    zh: str
    en: str
    kind: Kind = "int"
    width: int = 0  # characters in xlsx; 0 = from the title and values

    def title(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass
class Table:
    key: str
    zh: str
    en: str
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    total: Row | None = None  # the totals row; its first text cell says 合计 / Total
    note_zh: str = ""
    note_en: str = ""

    def title(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def note(self, lang: str) -> str:
        return self.note_en if lang == "en" else self.note_zh

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    def row(self, **match: Any) -> Row:
        """The first row whose cells equal ``match`` (tests and views look rows up by code)."""
        for row in self.rows:
            if all(row.get(k) == v for k, v in match.items()):
                return row
        raise KeyError(match)


@dataclass
class Report:
    """All figures for one date range and one set of stations, in one language."""

    meta: dict[str, Any]
    tables: list[Table]

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    @property
    def lang(self) -> str:
        return str(self.meta.get("lang", "zh_CN"))


def yuan(fen: int) -> str:
    """``123456`` -> ``1,234.56``."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d}"


def printed_columns(table: Table) -> list[Column]:
    """The columns a reader sees (the page, the PDF): a table with a translated name leaves out
    its machine code (``visits``, ``water``), which only the spreadsheet exports keep."""
    named = any(c.key == "name" for c in table.columns)
    if not named or table.key in KEEP_CODES:
        return list(table.columns)
    return [c for c in table.columns if c.key != "code"]


# Codes a reader uses: station codes, and campaign codes (WARM2026) the stations type themselves.
KEEP_CODES = frozenset({"stations", "relief", "relief_goods"})
