"""The member roster workbook: one row per member with the ID number and phone masked.

This is personal data, unlike every other report: only ``services.reports.export_roster``
(which checks and audits) calls it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from ..domain import phone, worker_types
from .xlsx import display_width, keep_as_text

if TYPE_CHECKING:
    from ..data.db import Ledger

STATUS = {"active": ("在会", "Active"), "withdrawn": ("已退会", "Withdrawn"),
          "transferred_out": ("已转出", "Transferred out")}
VERIFIED = {"verified": ("已实名", "Verified"), "unverified": ("未实名", "Not verified")}
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("member_no", "会员号", "Member number"), ("name", "姓名", "Name"), ("sex", "性别", "Sex"),
    ("id_masked", "身份证号（脱敏）", "ID number (masked)"), ("phone", "手机号（脱敏）",
                                                        "Mobile (masked)"),
    ("worker_type", "职业类别", "Worker group"), ("employer", "平台/单位", "Platform / employer"),
    ("home_station", "所属驿站", "Home station"), ("status", "会籍状态", "Status"),
    ("verified", "实名认证", "Real-name check"), ("joined_day", "入会日期", "Joined"),
    ("card_serial", "会员证序号", "Card serial"),
)


def roster_rows(ledger: Ledger, stations: Sequence[str] | None,
                lang: str = "zh_CN") -> list[dict[str, Any]]:
    en = lang == "en"
    sql = ("SELECT member_no, name, sex, id_masked, phone, worker_type, employer, home_station,"
           " status, verified, joined_day, card_serial FROM members")
    params: list[str] = []
    if stations is not None:
        sql += f" WHERE home_station IN ({','.join('?' * len(stations))})"
        params = list(stations)
    rows = []
    for r in ledger.conn.execute(sql + " ORDER BY member_no", params):
        row = dict(zip([c[0] for c in COLUMNS], r, strict=True))
        row["phone"] = phone.mask(row["phone"]) if row["phone"] else ""
        row["sex"] = {"F": ("女", "F"), "M": ("男", "M")}.get(row["sex"], ("", ""))[en]
        row["worker_type"] = worker_types.label(row["worker_type"], lang)
        row["status"] = STATUS.get(row["status"], (row["status"],) * 2)[en]
        row["verified"] = VERIFIED.get(row["verified"], (row["verified"],) * 2)[en]
        rows.append(row)
    return rows


def roster_bytes(rows: list[dict[str, Any]], lang: str = "zh_CN") -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Members" if lang == "en" else "会员名册"
    titles = [en if lang == "en" else zh for _, zh, en in COLUMNS]
    ws.append(titles)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center")
    widths = [display_width(t) for t in titles]
    for row in rows:
        values = [row[c[0]] for c in COLUMNS]
        ws.append(values)
        keep_as_text(ws[ws.max_row])
        for i, value in enumerate(values):
            widths[i] = max(widths[i], display_width(str(value)))
    for i, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = min(width + 2, 40)
    ws.freeze_panes = "B2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
