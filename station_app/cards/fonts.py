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
    return ord(char) in _cmap(bold)


@functools.lru_cache(maxsize=2)
def _cmap(bold: bool) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(font_path(bold)), lazy=True) as font:
        return frozenset(font.getBestCmap())


def _tokens(text: str) -> Iterator[str]:
    for match in _TOKEN.finditer(text):
        yield match.group(0)


def wrap(text: str, width: float, size_pt: float, bold: bool = False) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` mm (CJK rules, Latin words kept whole).

    A word wider than a whole line is broken between letters; closing punctuation may hang
    past the edge rather than start a line.
    """
    lines: list[str] = []
    line = ""
    line_w = 0.0
    scale = size_pt * MM_PER_PT
    pending = list(_tokens(text))
    pending.reverse()
    while pending:
        tok = pending.pop()
        tok_w = _advance(tok, bold) * scale
        if len(tok) > 1 and not tok.isspace() and tok_w > width:
            pending.extend(reversed(tok))  # a word longer than a line: letter by letter
            continue
        if line and line_w + tok_w > width and tok[0] not in _NO_LINE_START:
            lines.append(line.rstrip())
            line, line_w = "", 0.0
            if tok.isspace():
                continue
        line += tok
        line_w += tok_w
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _rest_after(text: str, lines: list[str]) -> str:
    """What is left of ``text`` after ``lines`` (as made by :func:`wrap`) were taken from it."""
    pos = 0
    for line in lines:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        pos += len(line)
    return text[pos:].lstrip()


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
    wrap_pt: float | None = None,
) -> tuple[float, list[str]]:
    """The size (in 0.5 pt steps) and lines at which ``text`` fits ``width`` mm.

    One line is preferred, shrinking from ``size_pt`` down to ``min_pt``; then two lines and so
    on up to ``max_lines``, starting from ``wrap_pt`` (a wrapped block is set smaller). What
    still does not fit is cut with an ellipsis at ``min_pt``.
    """
    for n_lines in range(1, max_lines + 1):
        size = size_pt if n_lines == 1 or wrap_pt is None else min(wrap_pt, size_pt)
        while size >= min_pt:
            lines = wrap(text, width, size, bold)
            if len(lines) <= n_lines:
                return size, lines
            size -= 0.5
    lines = wrap(text, width, min_pt, bold)
    if len(lines) > max_lines:
        head = lines[: max_lines - 1]
        lines = [*head, ellipsize(_rest_after(text, head), width, min_pt, bold)]
    return min_pt, lines
