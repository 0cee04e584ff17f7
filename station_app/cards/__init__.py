"""Membership cards: signed QR payloads and card rendering to PIL images, PNG and PDF (no Qt).

The renderers (Pillow, fpdf2) are imported on first use, so scanning a card at the counter or
starting the command line does not pay for loading the PDF library.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import messages as messages  # registers the card error sentences
from .payload import CardPayload, make_payload, parse_payload, verify_payload

if TYPE_CHECKING:
    from .layout import CARD_H, CARD_W, CardData
    from .output import card_pdf, card_png, sheet_pdf
    from .render import CARD_PX, render_back, render_front

_LAZY = {
    "CARD_H": "layout", "CARD_W": "layout", "CardData": "layout",
    "card_pdf": "output", "card_png": "output", "sheet_pdf": "output",
    "CARD_PX": "render", "render_back": "render", "render_front": "render",
}

__all__ = [
    "CARD_H",
    "CARD_PX",
    "CARD_W",
    "CardData",
    "CardPayload",
    "card_pdf",
    "card_png",
    "make_payload",
    "parse_payload",
    "render_back",
    "render_front",
    "sheet_pdf",
    "verify_payload",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
