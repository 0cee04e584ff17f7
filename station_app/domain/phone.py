"""Mainland mobile numbers: 11 digits starting 1[3-9], optional +86 / 0086 prefix."""

from __future__ import annotations

import re
import unicodedata

from .errors import InvalidInput

_MOBILE = re.compile(r"1[3-9][0-9]{9}")


def normalise(text: str) -> str:
    """Return the bare 11-digit number or raise ``InvalidInput(field="phone")``."""
    cleaned = re.sub(r"[\s\-()]", "", unicodedata.normalize("NFKC", text or ""))
    for prefix in ("+86", "0086", "86"):
        if cleaned.startswith(prefix) and len(cleaned) == len(prefix) + 11:
            cleaned = cleaned[len(prefix):]
            break
    if not _MOBILE.fullmatch(cleaned):
        raise InvalidInput("phone", "format")
    return cleaned


def mask(number: str) -> str:
    """``138****5678``: shown on screen and in logs."""
    if len(number) != 11:
        return "*" * len(number)
    return number[:3] + "****" + number[-4:]
