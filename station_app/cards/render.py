"""Card faces as Pillow images at 300 dpi (CR80: 1011 × 638 px), drawn with the shipped font."""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image, ImageDraw

from . import fonts
from .layout import (
    CARD_H,
    CARD_W,
    DPI,
    MM_PER_INCH,
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
    qr_module_px,
)

__all__ = ["CARD_PX", "CardData", "qr_image", "render_back", "render_front", "render_ops"]

_SUPERSAMPLE = 2  # shapes are drawn at twice the size and scaled down, for smooth edges


def _px(mm: float, scale: int = 1) -> int:
    return round(mm * DPI / MM_PER_INCH * scale)


CARD_PX = (_px(CARD_W), _px(CARD_H))
_DARK_TO_BLACK = bytes([255, 0]) + bytes(254)  # module value 0 (light) -> white, 1 -> black


def qr_image(qr: QRCode, module_px: int) -> Image.Image:
    """The QR symbol as a 1-bit image, ``module_px`` pixels per module, quiet zone included."""
    n = len(qr.modules)
    data = b"".join(bytes(row) for row in qr.modules).translate(_DARK_TO_BLACK)
    small = Image.frombytes("L", (n, n), data)
    if module_px > 1:
        small = small.resize((n * module_px, n * module_px), Image.Resampling.NEAREST)
    return small.convert("1", dither=Image.Dither.NONE)


def _draw(draw: ImageDraw.ImageDraw, op: Op, s: int) -> None:
    if isinstance(op, Rect):
        box = (_px(op.x, s), _px(op.y, s), _px(op.x + op.w, s) - 1, _px(op.y + op.h, s) - 1)
        width = max(1, _px(op.stroke_w, s)) if op.stroke else 0
        if op.radius:
            draw.rounded_rectangle(box, _px(op.radius, s), fill=op.fill, outline=op.stroke,
                                   width=width)
        else:
            draw.rectangle(box, fill=op.fill, outline=op.stroke, width=width)
    elif isinstance(op, Circle):
        draw.ellipse((_px(op.cx - op.r, s), _px(op.cy - op.r, s),
                      _px(op.cx + op.r, s), _px(op.cy + op.r, s)), fill=op.fill)
    elif isinstance(op, Polygon):
        draw.polygon([(x * DPI / MM_PER_INCH * s, y * DPI / MM_PER_INCH * s)
                      for x, y in op.points], fill=op.fill)
    elif isinstance(op, Line):
        draw.line((_px(op.x1, s), _px(op.y1, s), _px(op.x2, s), _px(op.y2, s)),
                  fill=op.color, width=max(1, _px(op.width, s)))
    elif isinstance(op, Text):
        font = fonts.pil_font(op.size_pt * DPI / 72 * s, op.bold)
        draw.text((op.x * DPI / MM_PER_INCH * s, op.y * DPI / MM_PER_INCH * s), op.text,
                  font=font, fill=op.color, anchor="ls")


def render_ops(ops: Sequence[Op]) -> Image.Image:
    """Draw layout operations on a white 300 dpi card image."""
    s = _SUPERSAMPLE
    big = Image.new("RGB", (CARD_PX[0] * s, CARD_PX[1] * s), "white")
    draw = ImageDraw.Draw(big)
    for op in ops:
        if not isinstance(op, QRCode):
            _draw(draw, op, s)
    image = big.reduce(s)
    for op in ops:
        if isinstance(op, QRCode):
            # pasted at full resolution after scaling, so every module stays a sharp square
            image.paste(qr_image(op, qr_module_px(len(op.modules))), (_px(op.x), _px(op.y)))
    image.info["dpi"] = (DPI, DPI)
    return image


def render_front(card: CardData) -> Image.Image:
    """The front of the card as a 1011 × 638 RGB image (300 dpi)."""
    return render_ops(front_ops(card))


def render_back(card: CardData) -> Image.Image:
    """The back of the card as a 1011 × 638 RGB image (300 dpi)."""
    return render_ops(back_ops(card))
