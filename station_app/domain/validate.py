"""Small field checks shared by every form and command: required text, lengths, money."""

from __future__ import annotations

import re
import unicodedata

from .errors import InvalidInput

MAX_MONEY_FEN = 100_000_00  # ¥100,000 in one handout is surely a typing mistake


def text(field: str, value: str | None, *, max_len: int = 60, required: bool = True) -> str:
    cleaned = " ".join((value or "").split())
    if required and not cleaned:
        raise InvalidInput(field, "required")
    if len(cleaned) > max_len:
        raise InvalidInput(field, "too_long", max=max_len)
    return cleaned


def money_fen(value: int | str | None) -> int:
    if value is None or value == "":
        return 0
    try:
        amount = int(value)
    except (TypeError, ValueError):
        raise InvalidInput("money_fen", "format") from None
    if amount < 0:
        raise InvalidInput("money_fen", "negative")
    if amount > MAX_MONEY_FEN:
        raise InvalidInput("money_fen", "too_large")
    return amount


def yuan_to_fen(text_value: str) -> int:
    """``"12.5"`` -> 1250 without ever going through a float."""
    # Full-width digits (２００), the ideographic full stop (12。5) and a trailing 元 as typed
    # with a Chinese input method mean the same amount.
    raw = unicodedata.normalize("NFKC", text_value).replace("。", ".").strip()
    raw = raw.removesuffix("元").strip().removeprefix("¥").strip()
    whole = raw.partition(".")[0]
    # A comma groups thousands (1,200); "12,5" is not read as 125 but refused as unclear.
    if "," in whole and not re.fullmatch(r"\d{1,3}(,\d{3})+", whole):
        raise InvalidInput("money_fen", "format")
    raw = raw.replace(",", "")
    if not raw:
        return 0
    whole, _, frac = raw.partition(".")
    if not raw.isascii() or len(whole) > 9 or (not whole.isdigit() and whole != "") or not (
            frac == "" or frac.isdigit()) or len(frac) > 2:
        raise InvalidInput("money_fen", "format")
    return money_fen(int(whole or "0") * 100 + int((frac + "00")[:2]))


def format_fen(amount: int) -> str:
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    return f"{sign}{amount // 100}.{amount % 100:02d}"
