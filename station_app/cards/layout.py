"""Card layout in millimetres as a list of drawing operations, shared by the PNG and PDF writers.

Both writers draw the same operations, so a printed PDF and an exported PNG look alike. Text
positions are baselines; text widths come from the shipped font, so wrapping and shrinking agree.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from . import fonts
from .qr import qr_modules

CARD_W = 85.6  # CR80 / ISO 7810 ID-1, millimetres
CARD_H = 54.0
DPI = 300
MM_PER_INCH = 25.4

Color = tuple[int, int, int]
WHITE: Color = (255, 255, 255)
RED: Color = (190, 22, 34)
DARK: Color = (30, 30, 30)
GREY: Color = (105, 105, 105)
LIGHT: Color = (250, 240, 236)

MARGIN = 4.0
BAND_H = 13.0
QR_MAX_PX = 345  # the QR (with its quiet zone) is at most ~29 mm wide on the card


@dataclass(frozen=True, slots=True)
class CardData:
    """What is printed on one membership card."""

    name: str
    member_no: str
    station_name: str
    station_code: str
    issue_date: datetime.date
    serial: int
    payload: str
    worker_type_label: str = ""


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: Color | None
    stroke: Color | None = None
    stroke_w: float = 0.0
    radius: float = 0.0


@dataclass(frozen=True, slots=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: Color


@dataclass(frozen=True, slots=True)
class Polygon:
    points: tuple[tuple[float, float], ...]
    fill: Color


@dataclass(frozen=True, slots=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    color: Color


@dataclass(frozen=True, slots=True)
class Text:
    x: float  # left edge
    y: float  # baseline
    text: str
    size_pt: float
    color: Color
    bold: bool = False


@dataclass(frozen=True, slots=True)
class QRCode:
    """A QR symbol whose ``modules`` include the quiet zone; ``size`` is its width in mm."""

    x: float
    y: float
    size: float
    modules: tuple[tuple[bool, ...], ...]


Op = Rect | Circle | Polygon | Line | Text | QRCode


def format_date(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def qr_module_px(n_modules: int) -> int:
    """Whole pixels per module at 300 dpi, so the PNG has crisp, equal modules."""
    return max(1, QR_MAX_PX // n_modules)


def px_to_mm(px: float) -> float:
    return px * MM_PER_INCH / DPI


def _text(x: float, y: float, text: str, size: float, color: Color, bold: bool = False,
          align: str = "left") -> Text:
    if align != "left":
        w = fonts.text_width(text, size, bold)
        x = x - w if align == "right" else x - w / 2
    return Text(x, y, text, size, color, bold)


def _em(size_pt: float) -> float:
    return size_pt * fonts.MM_PER_PT


def emblem(cx: float, cy: float, r: float, fg: Color, bg: Color) -> list[Op]:
    """Our own mark (not a union logo): a gear ring around a roof sheltering a person."""
    teeth = 16
    step = 2 * math.pi / teeth
    r_in = r * 0.84
    points: list[tuple[float, float]] = []
    for i in range(teeth):
        a = i * step - math.pi / 2
        for radius, frac in ((r_in, 0.0), (r, 0.18), (r, 0.48), (r_in, 0.66)):
            ang = a + frac * step
            points.append((cx + radius * math.cos(ang), cy + radius * math.sin(ang)))
    t = 0.13 * r  # stroke thickness of the inner mark
    roof_top = cy - 0.50 * r
    roof_w = 0.52 * r
    roof_h = 0.36 * r
    roof = (
        (cx, roof_top),
        (cx + roof_w, roof_top + roof_h),
        (cx + roof_w - t, roof_top + roof_h + t * 0.7),
        (cx, roof_top + t * 1.35),
        (cx - roof_w + t, roof_top + roof_h + t * 0.7),
        (cx - roof_w, roof_top + roof_h),
    )
    head_r = 0.13 * r
    head_y = cy + 0.06 * r
    body_top = head_y + head_r + 0.05 * r
    body_bottom = cy + 0.50 * r
    body_w = 0.30 * r
    body = [(cx - body_w, body_bottom)]
    for k in range(9):  # shoulders: a half ellipse
        ang = math.pi + k * math.pi / 8
        body.append((cx + body_w * math.cos(ang),
                     body_top + (body_bottom - body_top) * (1 + math.sin(ang))))
    body.append((cx + body_w, body_bottom))
    return [
        Polygon(tuple(points), fg),
        Circle(cx, cy, r * 0.70, bg),
        Polygon(roof, fg),
        Circle(cx, head_y, head_r, fg),
        Polygon(tuple(body), fg),
    ]


def front_ops(card: CardData) -> list[Op]:
    """The front: band with mark and title, name, member number, station, date, QR code."""
    ops: list[Op] = [Rect(0, 0, CARD_W, CARD_H, WHITE), Rect(0, 0, CARD_W, BAND_H, RED)]
    emblem_r = 4.7
    ops += emblem(MARGIN + emblem_r, BAND_H / 2, emblem_r, WHITE, RED)
    title_x = MARGIN + 2 * emblem_r + 2.6
    ops.append(Text(title_x, 7.3, "工会会员证", 15, WHITE, bold=True))
    ops.append(Text(title_x, 10.6, "TRADE UNION MEMBERSHIP CARD", 5.2, WHITE))

    modules = qr_modules(card.payload)
    qr_size = px_to_mm(len(modules) * qr_module_px(len(modules)))
    qr_x = CARD_W - 2.5 - qr_size
    qr_y = BAND_H + 1.2
    ops.append(QRCode(qr_x, qr_y, qr_size, modules))
    caption = f"扫码登记 · 卡序号 {card.serial}"
    ops.append(_text(qr_x + qr_size / 2, qr_y + qr_size + 2.3, caption, 5.5, GREY,
                     align="center"))

    col_w = qr_x - MARGIN - 0.8
    y = BAND_H + 3.2
    size, lines = fonts.fit(card.name, col_w, 17, 10, max_lines=2, bold=True, wrap_pt=12)
    for i, line in enumerate(lines):
        y += _em(size) * (0.88 if i == 0 else 1.15)
        ops.append(Text(MARGIN, y, line, size, DARK, bold=True))
    y += _em(size) * 0.12 + 2.6

    label_w = 12.5
    value_x = MARGIN + label_w
    value_w = col_w - label_w
    rows: list[tuple[str, str, float, float, bool]] = [
        ("会员号", card.member_no, 10, 7, True),
        ("所属驿站", card.station_name, 8.5, 6.5, False),
        ("发证日期", format_date(card.issue_date), 8.5, 7, False),
    ]
    for label, value, start_pt, min_pt, bold in rows:
        size, lines = fonts.fit(value, value_w, start_pt, min_pt, max_lines=2, bold=bold)
        for i, line in enumerate(lines):
            y += _em(size) * (0.88 if i == 0 else 1.2)
            if i == 0:
                ops.append(Text(MARGIN, y, label, 6.5, GREY))
            ops.append(Text(value_x, y, line, size, DARK, bold=bold))
        y += _em(size) * 0.12 + 1.7

    if card.worker_type_label:
        chip_size = 6.5
        label = fonts.ellipsize(card.worker_type_label, col_w - 3, chip_size)
        chip_w = fonts.text_width(label, chip_size) + 3.0
        chip_h = 4.2
        chip_y = max(y + 0.4, CARD_H - 3.2 - chip_h)
        if chip_y + chip_h <= CARD_H - 1.8:
            ops.append(Rect(MARGIN, chip_y, chip_w, chip_h, LIGHT, RED, 0.25, radius=1.2))
            ops.append(Text(MARGIN + 1.5, chip_y + chip_h / 2 + _em(chip_size) * 0.36, label,
                            chip_size, RED))
    ops.append(Rect(0, CARD_H - 1.4, CARD_W, 1.4, RED))
    return ops


BACK_NOTES: tuple[str, ...] = (
    "到任一工会驿站出示此卡，扫码即可登记，享受饮水、休息、充电、热饭等服务。",
    "此卡仅限本人使用，请勿转借他人。",
    "二维码只含会员号和防伪签名，不含身份证号等个人信息。",
    "遗失请到驿站补办，补办后旧卡自动失效。",
)


def back_ops(card: CardData) -> list[Op]:
    """The back: how to use the card, what to do if it is lost, and who issued it."""
    band = 8.0
    ops: list[Op] = [Rect(0, 0, CARD_W, CARD_H, WHITE), Rect(0, 0, CARD_W, band, RED)]
    ops += emblem(CARD_W - MARGIN - 2.9, band / 2, 2.9, WHITE, RED)
    ops.append(Text(MARGIN, band / 2 + _em(9) * 0.36, "使用须知", 9, WHITE, bold=True))

    size = 7.6
    indent = 3.4
    text_w = CARD_W - 2 * MARGIN - indent
    y = band + 2.8
    for number, note in enumerate(BACK_NOTES, start=1):
        for i, line in enumerate(fonts.wrap(note, text_w, size)):
            y += _em(size) * (0.88 if i == 0 else 1.35)
            if i == 0:
                ops.append(Text(MARGIN, y, f"{number}.", size, RED, bold=True))
            ops.append(Text(MARGIN + indent, y, line, size, DARK))
        y += _em(size) * 0.42 + 1.4

    foot = 6.3
    ops.append(Line(MARGIN, CARD_H - 9.6, CARD_W - MARGIN, CARD_H - 9.6, 0.2, GREY))
    issuer = f"发卡驿站：{card.station_name}（{card.station_code}）"
    issuer_pt, issuer_lines = fonts.fit(issuer, CARD_W - 2 * MARGIN, foot, 5.5)
    ops.append(Text(MARGIN, CARD_H - 6.3, issuer_lines[0], issuer_pt, GREY))
    ops.append(Text(MARGIN, CARD_H - 3.2,
                    f"会员号：{card.member_no}　卡序号：{card.serial}", foot, GREY))
    ops.append(Rect(0, CARD_H - 1.4, CARD_W, 1.4, RED))
    return ops
