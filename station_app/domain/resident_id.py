"""The 18-digit resident identity number (GB 11643-1999): check digit, birth date, sex."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from . import clock
from .errors import InvalidInput

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"

# First two digits: province-level division (GB/T 2260), plus 71/81/82/83 (Taiwan, Hong Kong,
# Macao residence permits) and 91 (foreigners' permanent residence ID, 2023 edition).
PROVINCES: frozenset[str] = frozenset(
    ["11", "12", "13", "14", "15", "21", "22", "23"]
    + [str(n) for n in range(31, 38)]
    + [str(n) for n in range(41, 47)]
    + [str(n) for n in range(50, 55)]
    + [str(n) for n in range(61, 66)]
    + ["71", "81", "82", "83", "91"]
)


@dataclass(frozen=True)
class ResidentId:
    number: str  # normalised: 18 characters, upper-case X
    birth_date: date
    sex: str  # "M" or "F"
    province: str

    @property
    def masked(self) -> str:
        return mask(self.number)

    @property
    def tail(self) -> str:
        return self.number[-4:]


def check_char(first17: str) -> str:
    """The 18th character for the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def normalise(text: str) -> str:
    """Full-width digits (a Chinese keyboard in full-width mode) become ASCII; spaces go."""
    return unicodedata.normalize("NFKC", text).strip().replace(" ", "").upper()


def parse(text: str) -> ResidentId:
    """Validate a resident ID number; raise ``InvalidInput(field="id_number")`` saying why."""
    number = normalise(text)
    if not number:
        raise InvalidInput("id_number", "required")
    if len(number) != 18:
        raise InvalidInput("id_number", "length", length=len(number))
    if not number.isascii() or not number[:17].isdigit() or not (
            number[17].isdigit() or number[17] == "X"):
        raise InvalidInput("id_number", "characters")
    province = number[:2]
    if province not in PROVINCES:
        raise InvalidInput("id_number", "province", province=province)
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidInput("id_number", "birth_date") from None
    if born.year < 1900 or born > clock.today():  # not born yet: a typing mistake
        raise InvalidInput("id_number", "birth_date")
    expected = check_char(number[:17])
    if number[17] != expected:
        raise InvalidInput("id_number", "check_digit")
    sex = "M" if int(number[16]) % 2 == 1 else "F"
    return ResidentId(number=number, birth_date=born, sex=sex, province=province)


def is_valid(text: str) -> bool:
    try:
        parse(text)
    except InvalidInput:
        return False
    return True


def mask(number: str) -> str:
    """First 4 and last 4 characters, the rest hidden: ``1501**********123X``."""
    number = normalise(number)
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def make(area: str, born: date, sequence: int) -> str:
    """Build a valid number (demo data, tests): 6-digit area, birth date, 3-digit sequence."""
    first17 = f"{area}{born:%Y%m%d}{sequence:03d}"
    return first17 + check_char(first17)
