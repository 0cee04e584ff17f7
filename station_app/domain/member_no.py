"""Member numbers minted offline: station code, serial and an ISO 7064 MOD 37,36 check character.

``MZL01-000123K`` — no global registry is needed at sign-up time because the station code is part
of the number, and the check character catches every single mistyped character and most swaps of
neighbours.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import InvalidInput

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STATION_CODE = re.compile(r"[A-Z][A-Z0-9]{2,9}")
_MEMBER_NO = re.compile(r"([A-Z][A-Z0-9]{2,9})-?([0-9]{6,9})([0-9A-Z])")


def _mod37_36(text: str) -> str:
    """ISO 7064 hybrid MOD 37,36: the check character for ``text`` (upper-case alphanumerics)."""
    m = 36
    product = m
    for char in text:
        value = ALPHABET.index(char)
        total = (product + value) % m or m
        product = (total * 2) % (m + 1)
    return ALPHABET[(m + 1 - product) % m]


def validate_station_code(code: str) -> str:
    code = unicodedata.normalize("NFKC", code).strip().upper()
    if not code.isascii() or not STATION_CODE.fullmatch(code):
        raise InvalidInput("station_code", "format", value=code)
    return code


def make(station_code: str, serial: int) -> str:
    station_code = validate_station_code(station_code)
    if serial < 1:
        raise InvalidInput("member_no", "serial")
    digits = f"{serial:06d}"
    return f"{station_code}-{digits}{_mod37_36(station_code + digits)}"


def looks_like(text: str) -> bool:
    """True when ``text`` has the shape of a member number (the check char may still be wrong)."""
    return _MEMBER_NO.fullmatch(unicodedata.normalize("NFKC", text).strip().upper()) is not None


def parse(text: str) -> str:
    """Normalise a typed or scanned member number; raise if its check character is wrong."""
    text = unicodedata.normalize("NFKC", text)
    match = _MEMBER_NO.fullmatch(text.strip().upper())
    if match is None:
        raise InvalidInput("member_no", "format", value=text.strip())
    code, digits, check = match.groups()
    if _mod37_36(code + digits) != check:
        raise InvalidInput("member_no", "check_char", value=text.strip())
    return f"{code}-{digits}{check}"


def station_of(member_no: str) -> str:
    return member_no.split("-", 1)[0]
