"""The printable monthly report (A4, fpdf2) set in the shipped CJK font: tables and bar charts."""

from __future__ import annotations

from typing import Any

from fpdf import FPDF
from fpdf.fonts import FontFace

from ..resources import font_path
from .model import Report, Table, printed_columns, yuan

_FAMILY = "report"
_PAGE_W, _MARGIN = 210.0, 15.0
_BODY_W = _PAGE_W - 2 * _MARGIN
_BAR = (47, 111, 171)
# Tables on paper, in order; the daily table is drawn as a chart instead.
PRINTED = ("summary", "stations", "services", "worker_types", "member_walk_in", "nationality",
           "new_members", "transfers", "relief", "relief_goods", "enrolments")


def _cells(table: Table, row: dict[str, Any]) -> list[str]:
    from .export import cell_text

    out = []
    for col in printed_columns(table):
        value = row.get(col.key)
        if col.kind == "int" and isinstance(value, int) and col.key not in ("hour", "weekday"):
            out.append(f"{value:,}")
        elif col.kind == "money" and value is not None:
            out.append(yuan(int(value)))
        else:
            out.append(cell_text(col, value))
    return out


class _Pdf(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(_FAMILY, "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, f"{self.footer_text}    {self.page_no()}/{{nb}}", align="C")


_HEADING_H = 10.0  # the space above a heading and its line
_ROW_H = 5.2


def _heading(pdf: FPDF, text: str, keep: float) -> None:
    """A section heading, on the next page with its block when the block's first ``keep`` mm
    do not fit under it (a heading alone at the foot of a page, its chart overleaf)."""
    if pdf.get_y() + _HEADING_H + keep > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font(_FAMILY, "B", 11)
    pdf.set_text_color(0, 0, 0)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")


def _table(pdf: FPDF, table: Table, lang: str) -> None:
    # With the header row and the first rows (or all of a short table): fpdf2 breaks the
    # rest of the table over pages, repeating the header.
    rows = len(table.rows) + (table.total is not None)
    _heading(pdf, table.title(lang), keep=_ROW_H * (1 + min(rows, 3)))
    pdf.set_font(_FAMILY, "", 8.5)
    pdf.set_fill_color(255, 255, 255)
    columns = printed_columns(table)
    widths = [3.0 if c.kind == "text" else 1.6 for c in columns]
    aligns = ["LEFT" if c.kind in ("text", "date") else "RIGHT" for c in columns]
    heading = FontFace(emphasis="BOLD", fill_color=(221, 235, 247))
    with pdf.table(col_widths=widths, width=_BODY_W, line_height=_ROW_H,
                   text_align=aligns, headings_style=heading,
                   borders_layout="HORIZONTAL_LINES") as out:
        head = out.row()
        for col in columns:
            head.cell(col.title(lang))
        for row in table.rows:
            line = out.row()
            for text in _cells(table, row):
                line.cell(text)
        if table.total is not None:
            line = out.row()
            bold = FontFace(emphasis="BOLD", fill_color=(242, 242, 242))
            for text in _cells(table, table.total):
                line.cell(text, style=bold)
    note = table.note(lang)
    if note:
        pdf.set_font(_FAMILY, "", 7.5)
        pdf.set_text_color(90, 90, 90)
        pdf.multi_cell(0, 4, note, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)


def _bars(pdf: FPDF, title: str, labels: list[str], values: list[int], height: float = 45.0,
          label_every: int = 1, lang: str = "zh_CN") -> None:
    _heading(pdf, title, keep=height + 12)  # the chart and its labels, whole
    top = pdf.get_y() + 5
    peak = max(values) if values and max(values) > 0 else 1
    count = max(len(values), 1)
    slot = _BODY_W / count
    pdf.set_draw_color(180, 180, 180)
    pdf.line(_MARGIN, top + height, _MARGIN + _BODY_W, top + height)
    pdf.set_fill_color(*_BAR)
    pdf.set_font(_FAMILY, "", 6)
    for i, value in enumerate(values):
        bar = height * value / peak
        x = _MARGIN + i * slot + slot * 0.15
        if bar > 0:
            pdf.rect(x, top + height - bar, slot * 0.7, bar, style="F")
        if i % label_every == 0:
            pdf.set_xy(_MARGIN + i * slot - 2, top + height + 0.5)
            pdf.cell(slot + 4, 3, labels[i], align="C")
    pdf.set_xy(_MARGIN, top - 4.5)
    pdf.set_text_color(110, 110, 110)
    pdf.cell(0, 3, f"max {peak:,}" if lang == "en" else f"最高 {peak:,}")
    pdf.set_text_color(0, 0, 0)
    pdf.set_fill_color(255, 255, 255)
    pdf.set_y(top + height + 5)


def report_pdf(report: Report) -> bytes:
    lang = report.lang
    en = lang == "en"
    meta = report.meta
    pdf = _Pdf(unit="mm", format="A4")
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_font(_FAMILY, "", str(font_path(bold=False)))
    pdf.add_font(_FAMILY, "B", str(font_path(bold=True)))
    pdf.set_title(str(meta["title"]))
    pdf.set_creator("Station Ledger")
    pdf.set_producer("Station Ledger")
    pdf.footer_text = str(meta["title"])
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font(_FAMILY, "B", 16)
    pdf.multi_cell(0, 9, str(meta["title"]), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(_FAMILY, "", 9)
    stations = (", " if en else "、").join(meta["stations"]) or "—"
    generated = str(meta["generated_at"])[:16].replace("T", " ")
    line = (f"Period {meta['from']} – {meta['to']}   Stations {stations}   Generated {generated}"
            if en else
            f"统计期间 {meta['from']} 至 {meta['to']}    驿站 {stations}    生成于 {generated}")
    pdf.multi_cell(0, 5, line, align="C", new_x="LMARGIN", new_y="NEXT")
    tables = {t.key: t for t in report.tables}
    for key in PRINTED:
        table = tables.get(key)
        if table is None:
            continue
        if key == "stations" and len(table.rows) < 2:
            continue
        if key in ("transfers", "relief", "relief_goods") and not table.rows:
            continue
        _table(pdf, table, lang)
        if key == "services":
            shown = [r for r in table.rows if r["visits"]]
            _bars(pdf, "Person-times by service" if en else "各服务项目人次",
                  [str(r["name"])[:6] for r in shown], [int(r["visits"]) for r in shown],
                  lang=report.lang)
    daily = tables.get("daily")
    if daily is not None:
        every = max(1, len(daily.rows) // 16)
        _bars(pdf, "Daily person-times" if en else "每日服务人次",
              [str(r["day"])[5:] for r in daily.rows], [int(r["visits"]) for r in daily.rows],
              label_every=every, lang=report.lang)
    hours = tables.get("hours")
    if hours is not None:
        _bars(pdf, "Person-times by hour of day" if en else "各时段服务人次",
              [f"{r['hour']}" for r in hours.rows], [int(r["visits"]) for r in hours.rows],
              height=30.0, lang=report.lang)
    return bytes(pdf.output())
