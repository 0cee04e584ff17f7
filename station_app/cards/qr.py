"""QR matrices for card payloads: qrcode's encoding and mask choice, about four times faster.

``qrcode`` builds a symbol nine times in pure Python to pick the mask (~7 ms a card), which would
dominate a 1,000-card sheet. Here qrcode still does the encoding (segments, version, error
correction bytes); the modules are placed once as integer bit rows, the eight masked candidates
are scored with the same penalty rules as ``qrcode.util.lost_point``, and the symbol with the
winning mask is returned. A test checks that the result equals qrcode's own, module for module.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

import qrcode
import qrcode.constants
import qrcode.util

ERROR_CORRECTION = qrcode.constants.ERROR_CORRECT_M
QUIET_ZONE = 4  # modules; part of the symbol, never trimmed

Matrix = tuple[tuple[bool, ...], ...]

# One regex per colour: a literal prefix lets the regex engine skip ahead, ~5x faster than
# an alternation. The two finder-like patterns cannot overlap themselves or each other at one
# position, so str.count finds exactly qrcode's matches.
_RUNS = (re.compile(r"00000+"), re.compile(r"11111+"))
_FINDER_LIKE = ("10111010000", "00001011101")


@dataclass(frozen=True, slots=True)
class _Grid:
    """Fixed parts of one QR version. Bit ``n - 1 - c`` of a row int is column ``c``."""

    n: int
    scoring_rows: tuple[int, ...]  # dark function modules, format/version areas light
    data_rows: tuple[int, ...]  # where data modules go
    data_positions: tuple[tuple[int, int], ...]  # (row, bit) in the order qrcode fills them


def _blank(version: int, ec: int, pattern: int | None) -> list[list[bool | None]]:
    """Function patterns as qrcode draws them; ``pattern=None`` leaves format bits light."""
    code = qrcode.QRCode(version=version, error_correction=ec)
    n = code.modules_count = version * 4 + 17
    code.modules = [[None] * n for _ in range(n)]
    code.setup_position_probe_pattern(0, 0)
    code.setup_position_probe_pattern(n - 7, 0)
    code.setup_position_probe_pattern(0, n - 7)
    code.setup_position_adjust_pattern()
    code.setup_timing_pattern()
    code.setup_type_info(pattern is None, pattern or 0)
    if version >= 7:
        code.setup_type_number(pattern is None)
    modules: list[list[bool | None]] = code.modules
    return modules


def _dark_rows(modules: list[list[bool | None]]) -> tuple[int, ...]:
    n = len(modules)
    return tuple(
        sum(1 << (n - 1 - c) for c, value in enumerate(row) if value) for row in modules
    )


@functools.lru_cache(maxsize=16)
def _grid(version: int, ec: int) -> _Grid:
    modules = _blank(version, ec, None)
    n = len(modules)
    data_rows = tuple(
        sum(1 << (n - 1 - c) for c, value in enumerate(row) if value is None) for row in modules
    )
    # The zigzag of qrcode's map_data: column pairs from the right, up and down in turn.
    positions: list[tuple[int, int]] = []
    row, step = n - 1, -1
    for col in range(n - 1, 0, -2):
        if col <= 6:
            col -= 1  # skip the vertical timing pattern
        while True:
            for c in (col, col - 1):
                if modules[row][c] is None:
                    positions.append((row, n - 1 - c))
            row += step
            if row < 0 or row >= n:
                row -= step
                step = -step
                break
    return _Grid(n, _dark_rows(modules), data_rows, tuple(positions))


@functools.lru_cache(maxsize=128)
def _final_rows(version: int, ec: int, pattern: int) -> tuple[int, ...]:
    """Dark function modules with the real format (and version) information for ``pattern``."""
    return _dark_rows(_blank(version, ec, pattern))


@functools.lru_cache(maxsize=128)
def _mask_rows(version: int, ec: int, pattern: int) -> tuple[int, ...]:
    """Bits that mask ``pattern`` inverts, restricted to data modules."""
    grid = _grid(version, ec)
    n = grid.n
    flips = qrcode.util.mask_func(pattern)
    return tuple(
        sum(1 << (n - 1 - c) for c in range(n) if flips(r, c)) & grid.data_rows[r]
        for r in range(n)
    )


def penalty(rows: list[int], n: int) -> int:
    """``qrcode.util.lost_point`` of a symbol given as bit rows (no quiet zone)."""
    lines = [format(r, f"0{n}b") for r in rows]
    lines += ["".join(col) for col in zip(*lines, strict=True)]
    text = "|".join(lines)
    score = 0
    for runs in _RUNS:  # each run of 5 or more: its length - 2
        rest, count = runs.subn("", text)
        score += len(text) - len(rest) - 2 * count
    pair_mask = (1 << (n - 1)) - 1
    blocks = 0
    for a, b in itertools.pairwise(rows):
        same_v = ~(a ^ b)
        blocks += (same_v & (same_v >> 1) & ~(a ^ (a >> 1)) & pair_mask).bit_count()
    score += 3 * blocks
    score += 40 * sum(text.count(pattern) for pattern in _FINDER_LIKE)
    dark = sum(r.bit_count() for r in rows)
    percent = float(dark) / (n**2)
    score += int(abs(percent * 100 - 50) / 5) * 10
    return score


def qr_modules(payload: str) -> Matrix:
    """The QR matrix for ``payload``: error correction M, quiet zone of 4 modules included."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, border=QUIET_ZONE)
    code.add_data(payload.encode("utf-8"))
    version = code.best_fit()
    ec = code.error_correction
    codewords = qrcode.util.create_data(version, ec, code.data_list)
    grid = _grid(version, ec)
    n = grid.n

    bits = int.from_bytes(bytes(codewords), "big")
    total = len(codewords) * 8
    unmasked = [0] * n
    for i, (row, bit) in enumerate(grid.data_positions[:total]):
        if (bits >> (total - 1 - i)) & 1:
            unmasked[row] |= 1 << bit

    best, best_score = 0, -1
    for pattern in range(8):
        flips = _mask_rows(version, ec, pattern)
        rows = [grid.scoring_rows[r] | (unmasked[r] ^ flips[r]) for r in range(n)]
        score = penalty(rows, n)
        if best_score < 0 or score < best_score:  # the first of equals, as qrcode does
            best, best_score = pattern, score

    flips = _mask_rows(version, ec, best)
    final = _final_rows(version, ec, best)
    light = (False,) * QUIET_ZONE
    blank_row = (False,) * (n + 2 * QUIET_ZONE)
    body = tuple(
        light + tuple(map("1".__eq__, format(final[r] | (unmasked[r] ^ flips[r]), f"0{n}b")))
        + light
        for r in range(n)
    )
    return (blank_row,) * QUIET_ZONE + body + (blank_row,) * QUIET_ZONE
