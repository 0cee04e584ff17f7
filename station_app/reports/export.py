"""Writing a report as xlsx, CSV (UTF-8 with BOM), JSON or a printable PDF."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ..domain import messages
from ..domain.errors import InvalidInput
from .model import Column, Report, Table, yuan

FORMATS = ("xlsx", "csv", "json", "pdf")

messages.register({
    "invalid.format.unknown": ("导出格式“{value}”不支持（可选：xlsx、csv、json、pdf）",
                               "export format “{value}” is not supported (xlsx, csv, json, pdf)"),
    "invalid.table.unknown": ("报表中没有“{value}”表（可选：{choices}）",
                              "the report has no table “{value}” (choose from {choices})"),
})


def format_for(path: str | Path, given: str | None = None) -> str:
    """The format asked for, or the one the file name ends with."""
    fmt = (given or Path(str(path)).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise InvalidInput("format", "unknown", value=fmt)
    return fmt


def to_bytes(report: Report, fmt: str, table: str | None = None) -> bytes:
    if fmt == "xlsx":
        from .xlsx import workbook_bytes

        return workbook_bytes(report)
    if fmt == "csv":
        return to_csv(report, table).encode("utf-8-sig")
    if fmt == "json":
        return (json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n").encode()
    if fmt == "pdf":
        from .pdf import report_pdf

        return report_pdf(report)
    raise InvalidInput("format", "unknown", value=fmt)


def write(report: Report, fmt: str, path: str | Path, table: str | None = None) -> int:
    """Write atomically (temp file, fsync, rename); returns the size in bytes."""
    data = to_bytes(report, fmt, table)
    write_atomic(Path(path), data)
    return len(data)


def write_atomic(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~" + target.name, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ---- JSON ----
def to_json(report: Report) -> dict[str, Any]:
    """Raw values: money in integer fen (columns ending ``_fen``), percentages as fractions."""
    lang = report.lang
    return {
        "meta": report.meta,
        "tables": {t.key: {
            "title": t.title(lang), "note": t.note(lang),
            "columns": [{"key": c.key, "title": c.title(lang), "kind": c.kind}
                        for c in t.columns],
            "rows": t.rows, "total": t.total} for t in report.tables},
    }


# ---- CSV ----
def cell_text(col: Column, value: Any) -> str:
    """How a value reads in CSV and on paper: money in yuan, fractions as percentages."""
    if value is None:
        return ""
    if col.kind == "money":
        return yuan(int(value)).replace(",", "")
    if col.kind == "pct":
        return f"{float(value) * 100:.1f}%"
    return str(value)


# A spreadsheet program opening a CSV runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(col: Column, value: Any) -> str:
    text = cell_text(col, value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text  # shown as typed, never run (numbers are not strings: untouched)
    return text


def _table_rows(table: Table, lang: str) -> list[list[str]]:
    rows = [[c.title(lang) for c in table.columns]]
    rows += [[_csv_cell(c, r.get(c.key)) for c in table.columns] for r in table.rows]
    if table.total is not None:
        rows.append([_csv_cell(c, table.total.get(c.key)) for c in table.columns])
    return rows


def to_csv(report: Report, table: str | None = None) -> str:
    """One table as plain CSV, or every table, each under its title with a blank line between."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    lang = report.lang
    if table is not None:
        keys = [t.key for t in report.tables]
        if table not in keys:
            raise InvalidInput("table", "unknown", value=table, choices=", ".join(keys))
        writer.writerows(_table_rows(report.table(table), lang))
        return out.getvalue()
    writer.writerow([report.meta["title"]])
    writer.writerow([("Period" if lang == "en" else "统计期间"),
                     f"{report.meta['from']} – {report.meta['to']}"])
    for t in report.tables:
        writer.writerow([])
        writer.writerow([t.title(lang)])
        writer.writerows(_table_rows(t, lang))
    return out.getvalue()
