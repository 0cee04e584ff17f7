"""The shipped CJK font for cards: Pillow font objects and text measurement in millimetres."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from PIL import ImageFont

from station_app.resources import font_path

MM_PER_PT = 25.4 / 72
_MEASURE_PX = 1000  # measure at a large size so hinting rounding is negligible

# A run of Latin letters, digits and joiners wraps as one word; every other character on its own.
_TOKEN = re.compile(r"[A-Za-z0-9@._:/+\-]+|\s+|.", re.S)
# Characters that must not start a line (Chinese line-breaking rules, 避头点).
_NO_LINE_START = set("，。、；：！？）」』】》〉”’…—·,.;:!?)]%")


@functools.lru_cache(maxsize=64)
def pil_font(size_px: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The shipped font at ``size_px`` pixels. Basic layout: same advances as the PDF writer."""
    return ImageFont.truetype(
        str(font_path(bold)), size=size_px, layout_engine=ImageFont.Layout.BASIC
    )


@functools.lru_cache(maxsize=8192)
def _advance(text: str, bold: bool) -> float:
    return float(pil_font(_MEASURE_PX, bold).getlength(text)) / _MEASURE_PX


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of ``text`` in millimetres when set in ``size_pt`` points."""
    return sum(_advance(tok, bold) for tok in _tokens(text)) * size_pt * MM_PER_PT


def has_glyph(char: str, bold: bool = False) -> bool:
    """True when the shipped font maps ``char`` to a real glyph (not .notdef)."""
    return _cmap(bold).__contains__(ord(char))


@functools.lru_cache(maxsize=2)
def _cmap(bold: bool) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(font_path(bold)), lazy=True) as font:
        return frozenset(font.getBestCmap())


def _tokens(text: str) -> Iterator[str]:
    for match in _TOKEN.finditer(text):
        yield match.group(0)


def wrap(text: str, width: float, size_pt: float, bold: bool = False) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` mm (CJK rules, Latin words kept whole)."""
    lines: list[str] = []
    line = ""
    line_w = 0.0
    scale = size_pt * MM_PER_PT
    for tok in _tokens(text):
        if tok == "\n":
            lines.append(line)
            line, line_w = "", 0.0
            continue
        tok_w = _advance(tok, bold) * scale
        if line and line_w + tok_w > width and tok[0] not in _NO_LINE_START:
            lines.append(line.rstrip())
            if tok.isspace():
                line, line_w = "", 0.0
                continue
            line, line_w = "", 0.0
        line += tok
        line_w += tok_w
    if line or not lines:
        lines.append(line.rstrip())
    return lines


def ellipsize(text: str, width: float, size_pt: float, bold: bool = False) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` mm."""
    if text_width(text, size_pt, bold) <= width:
        return text
    while text and text_width(text + "…", size_pt, bold) > width:
        text = text[:-1]
    return text + "…"


def fit(
    text: str,
    width: float,
    size_pt: float,
    min_pt: float,
    max_lines: int = 1,
    bold: bool = False,
) -> tuple[float, list[str]]:
    """The largest size (in 0.5 pt steps) at which ``text`` fits ``width`` in the fewest lines.

    One line is preferred down to ``min_pt``; then two lines, and so on up to ``max_lines``.
    What still does not fit is cut with an ellipsis at ``min_pt``.
    """
    sizes: list[float] = []
    size = size_pt
    while size >= min_pt:
        sizes.append(size)
        size -= 0.5
    if not sizes:
        sizes = [min_pt]
    for n_lines in range(1, max_lines + 1):
        for size in sizes:
            lines = wrap(text, width, size, bold)
            if len(lines) <= n_lines:
                return size, lines
    lines = wrap(text, width, min_pt, bold)[:max_lines]
    rest = text[sum(len(line) for line in lines[:-1]):].lstrip()
    lines[-1] = ellipsize(rest, width, min_pt, bold)
    return min_pt, lines
