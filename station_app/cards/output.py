"""Card files: PNG (300 dpi), a two-page CR80 PDF per card, and A4 sheets of ten with crop marks.

PDFs carry vector text in the shipped font, embedded once per file as a subset, and each QR code
as a small 1-bit (CCITT G4) image, so a 1,000-card sheet stays a few megabytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence

from fpdf import FPDF
from PIL import Image

from station_app.domain.errors import InvalidInput
from station_app.resources import font_path

from .fonts import has_glyph
from .layout import (
    CARD_H,
    CARD_W,
    CardData,
    Circle,
    Line,
    Op,
    Polygon,
    QRCode,
    Rect,
    Text,
    back_ops,
    front_ops,
)
from .render import qr_image, render_back, render_front

__all__ = ["SHEET_COLUMNS", "SHEET_ROWS", "card_pdf", "card_png", "sheet_pdf", "sheet_slot"]

_FAMILY = "card"
_PDF_QR_MODULE_PX = 4  # QR pixels per module inside PDFs: crisp even where viewers smooth images

A4_W, A4_H = 210.0, 297.0
SHEET_COLUMNS, SHEET_ROWS = 2, 5
# Cards touch, so one cut separates two of them; crop marks sit in the page margin only.
SHEET_X0 = (A4_W - SHEET_COLUMNS * CARD_W) / 2
SHEET_Y0 = (A4_H - SHEET_ROWS * CARD_H) / 2
MARK_GAP, MARK_LEN, MARK_W = 2.0, 6.0, 0.25


def card_png(card: CardData, *, with_back: bool = False) -> bytes:
    """The front as a 300 dpi PNG; with ``with_back`` the back is stacked below it."""
    image = render_front(card)
    if with_back:
        back = render_back(card)
        gap = 40
        both = Image.new("RGB", (image.width, image.height * 2 + gap), "white")
        both.paste(image, (0, 0))
        both.paste(back, (0, image.height + gap))
        image = both
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(300, 300), optimize=False)
    return out.getvalue()


def _new_pdf(page: tuple[float, float], title: str) -> FPDF:
    pdf = FPDF(unit="mm", format=page)
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.add_font(_FAMILY, "", str(font_path(bold=False)))
    pdf.add_font(_FAMILY, "B", str(font_path(bold=True)))
    pdf.set_title(title)
    pdf.set_creator("Station Ledger")
    pdf.set_producer("Station Ledger")
    return pdf


def _draw(pdf: FPDF, ops: Sequence[Op], dx: float = 0.0, dy: float = 0.0) -> None:
    for op in ops:
        if isinstance(op, Text):
            pdf.set_font(_FAMILY, "B" if op.bold else "", op.size_pt)
            pdf.set_text_color(*op.color)
            # A character the font lacks is a box, as on the PNG card, never silently dropped
            # (fpdf would leave it out: 王䶮 printed as 王).
            pdf.text(op.x + dx, op.y + dy, "".join(
                c if c.isspace() or has_glyph(c, op.bold) else "□" for c in op.text))
        elif isinstance(op, Rect):
            style = ("F" if op.fill else "") + ("D" if op.stroke else "")
            if op.fill:
                pdf.set_fill_color(*op.fill)
            if op.stroke:
                pdf.set_draw_color(*op.stroke)
                pdf.set_line_width(op.stroke_w)
            pdf.rect(op.x + dx, op.y + dy, op.w, op.h, style=style,
                     round_corners=op.radius > 0, corner_radius=op.radius)
        elif isinstance(op, Circle):
            pdf.set_fill_color(*op.fill)
            pdf.circle(op.cx + dx, op.cy + dy, op.r, style="F")
        elif isinstance(op, Polygon):
            pdf.set_fill_color(*op.fill)
            pdf.polygon([(x + dx, y + dy) for x, y in op.points], style="F")
        elif isinstance(op, Line):
            pdf.set_draw_color(*op.color)
            pdf.set_line_width(op.width)
            pdf.line(op.x1 + dx, op.y1 + dy, op.x2 + dx, op.y2 + dy)
        elif isinstance(op, QRCode):
            pdf.image(qr_image(op, _PDF_QR_MODULE_PX), op.x + dx, op.y + dy, op.size, op.size)


def _output(pdf: FPDF) -> bytes:
    return bytes(pdf.output())


def card_pdf(card: CardData) -> bytes:
    """One card: a PDF of two CR80-sized pages (85.6 × 54 mm), front then back."""
    pdf = _new_pdf((CARD_W, CARD_H), f"工会会员证 {card.member_no}")
    pdf.add_page()
    _draw(pdf, front_ops(card))
    pdf.add_page()
    _draw(pdf, back_ops(card))
    return _output(pdf)


def _crop_marks(pdf: FPDF) -> None:
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(MARK_W)
    x_end = SHEET_X0 + SHEET_COLUMNS * CARD_W
    y_end = SHEET_Y0 + SHEET_ROWS * CARD_H
    for col in range(SHEET_COLUMNS + 1):
        x = SHEET_X0 + col * CARD_W
        pdf.line(x, SHEET_Y0 - MARK_GAP - MARK_LEN, x, SHEET_Y0 - MARK_GAP)
        pdf.line(x, y_end + MARK_GAP, x, y_end + MARK_GAP + MARK_LEN)
    for row in range(SHEET_ROWS + 1):
        y = SHEET_Y0 + row * CARD_H
        pdf.line(SHEET_X0 - MARK_GAP - MARK_LEN, y, SHEET_X0 - MARK_GAP, y)
        pdf.line(x_end + MARK_GAP, y, x_end + MARK_GAP + MARK_LEN, y)


def sheet_slot(index: int, mirrored: bool = False) -> tuple[float, float]:
    """Top-left corner (mm) of card ``index`` on an A4 sheet page; the Qt printer uses it too."""
    return _slot(index, mirrored)


def _slot(index: int, mirrored: bool = False) -> tuple[float, float]:
    row, col = divmod(index, SHEET_COLUMNS)
    if mirrored:  # long-edge duplex: the back of a card is at the other column
        col = SHEET_COLUMNS - 1 - col
    return SHEET_X0 + col * CARD_W, SHEET_Y0 + row * CARD_H


def sheet_pdf(
    cards: Iterable[CardData],
    *,
    backs: bool = False,
    progress: Callable[[int], None] | None = None,
) -> bytes:
    """A4 pages of 10 cards (2 columns × 5 rows) with crop marks.

    With ``backs`` each page of fronts is followed by a page of backs laid out for long-edge
    duplex printing. ``progress`` is called with the number of cards drawn so far (it may raise
    to cancel). An empty ``cards`` raises ``InvalidInput(field="cards", reason="empty")``.
    """
    pdf = _new_pdf((A4_W, A4_H), "工会会员证")
    per_page = SHEET_COLUMNS * SHEET_ROWS
    page: list[CardData] = []
    done = 0

    def flush() -> None:
        pdf.add_page()
        _crop_marks(pdf)
        for i, card in enumerate(page):
            _draw(pdf, front_ops(card), *_slot(i))
        if backs:
            pdf.add_page()
            for i, card in enumerate(page):
                _draw(pdf, back_ops(card), *_slot(i, mirrored=True))
        page.clear()

    for card in cards:
        page.append(card)
        done += 1
        if len(page) == per_page:
            flush()
        if progress is not None:
            progress(done)
    if done == 0:
        raise InvalidInput("cards", "empty")
    if page:
        flush()
    return _output(pdf)
