"""The xlsx workbook: an About sheet, then one sheet per table with Chinese (or English) headers,
a bold totals row, number formats for counts, yuan and percentages, and fitted column widths."""

from __future__ import annotations

import io
import unicodedata
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .model import Column, Report, Table

NUMBER_FORMATS = {"int": "#,##0", "money": "#,##0.00", "pct": "0.0%", "date": "yyyy-mm-dd"}
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
_THIN = Side(style="thin", color="BFBFBF")
_INVALID_SHEET_CHARS = set("[]:*?/\\")
_SHEET_MAX = 31  # characters Excel allows in a sheet name
# Sheet names for the tables whose titles are longer than Excel allows (zh, en).
SHEET_NAMES = {"new_members": ("新入会会员（对照年度目标）", "New members vs yearly target")}


def display_width(text: str) -> int:
    """Columns a string takes in Excel: CJK (wide) characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut between words when there are spaces to cut at."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    if text[limit] != " " and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip()


def sheet_title(text: str, used: set[str]) -> str:
    name = _cut("".join("_" if ch in _INVALID_SHEET_CHARS else ch for ch in text), _SHEET_MAX)
    base, n = name, 2
    while name in used:
        suffix = f" ({n})"
        name = _cut(base, _SHEET_MAX - len(suffix)) + suffix
        n += 1
    used.add(name)
    return name


def sheet_name(table: Table, lang: str) -> str:
    """The sheet's name before it is made unique: the title, or a short name for a long one."""
    zh, en = SHEET_NAMES.get(table.key, (table.zh, table.en))
    return en if lang == "en" else zh


def keep_as_text(cells: Any) -> None:
    """Text that starts with ``=`` (a name, an employer, a goods item typed at a counter) stays
    text: openpyxl would store it as a formula that Excel runs when the file is opened."""
    for cell in cells:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def excel_value(col: Column, value: Any) -> Any:
    """The cell value: yuan for money (fen / 100), real dates for ISO days."""
    if value is None:
        return None
    if col.kind == "money":
        return int(value) / 100
    if col.kind == "date" and isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _write_table(ws: Worksheet, table: Table, lang: str) -> None:
    widths = [display_width(c.title(lang)) for c in table.columns]
    ws.append([c.title(lang) for c in table.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(bottom=_THIN)
    rows = list(table.rows)
    if table.total is not None:
        rows.append(table.total)
    for n, row in enumerate(rows):
        values = [excel_value(c, row.get(c.key)) for c in table.columns]
        ws.append(values)
        excel_row = ws.max_row
        keep_as_text(ws[excel_row])
        for i, col in enumerate(table.columns):
            cell = ws.cell(row=excel_row, column=i + 1)
            fmt = NUMBER_FORMATS.get(col.kind)
            if fmt and not isinstance(cell.value, str):
                cell.number_format = fmt
            shown = "" if values[i] is None else str(row.get(col.key))
            if col.kind == "money" and values[i] is not None:
                shown = f"{values[i]:,.2f}"
            widths[i] = max(widths[i], display_width(shown))
        if table.total is not None and n == len(rows) - 1:
            for cell in ws[excel_row]:
                cell.font = Font(bold=True)
                cell.fill = _TOTAL_FILL
                cell.border = Border(top=_THIN)
    for i, col in enumerate(table.columns):
        width = col.width or min(max(widths[i] + 2, 8), 60)
        ws.column_dimensions[get_column_letter(i + 1)].width = width
    ws.freeze_panes = "A2"


def _about(ws: Worksheet, report: Report) -> None:
    lang = report.lang
    en = lang == "en"
    meta = report.meta
    ws.append([meta["title"]])
    ws["A1"].font = Font(bold=True, size=14)
    rows = [
        ("Period" if en else "统计期间", f"{meta['from']} – {meta['to']}"),
        ("Stations" if en else "驿站", (", " if en else "、").join(meta["stations"]) or "—"),
        ("Generated" if en else "生成时间", str(meta["generated_at"])[:19].replace("T", " ")),
        ("Ledger" if en else "台账", f"{meta['ledger_name']} ({meta['ledger_station']})"),
    ]
    for label, value in rows:
        ws.append([label, value])
    ws.append([])
    ws.append(["Notes" if en else "统计口径"])
    ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    for table in report.tables:
        if table.note(lang):
            ws.append([table.title(lang), table.note(lang)])
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 100


def workbook(report: Report) -> Workbook:
    wb = Workbook()
    about = wb.active
    assert about is not None
    about.title = "About" if report.lang == "en" else "说明"
    _about(about, report)
    used = {about.title}
    for table in report.tables:
        ws = wb.create_sheet(sheet_title(sheet_name(table, report.lang), used))
        _write_table(ws, table, report.lang)
    wb.properties.title = str(report.meta["title"])
    wb.properties.creator = "Station Ledger"
    return wb


def workbook_bytes(report: Report) -> bytes:
    out = io.BytesIO()
    workbook(report).save(out)
    return out.getvalue()
