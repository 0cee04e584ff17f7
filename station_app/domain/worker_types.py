"""Worker groups the union counts separately, and identity documents of walk-in visitors."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import InvalidInput


@dataclass(frozen=True)
class Label:
    code: str
    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


WORKER_TYPES: tuple[Label, ...] = (
    Label("delivery_rider", "外卖骑手", "Food-delivery rider"),
    Label("courier", "快递员", "Courier"),
    Label("truck_driver", "货车司机", "Truck driver"),
    Label("ride_hailing", "网约车司机", "Ride-hailing driver"),
    Label("other", "其他", "Other"),
)

DOC_TYPES: tuple[Label, ...] = (
    Label("resident_id", "居民身份证", "Resident ID card"),
    Label("passport", "护照", "Passport"),
    Label("other", "其他证件", "Other document"),
)

# Nationalities seen at Inner Mongolia's border ports first; any ISO 3166 alpha-2 code is accepted.
NATIONALITIES: tuple[Label, ...] = (
    Label("CN", "中国", "China"),
    Label("MN", "蒙古国", "Mongolia"),
    Label("RU", "俄罗斯", "Russia"),
    Label("KZ", "哈萨克斯坦", "Kazakhstan"),
    Label("OT", "其他", "Other"),
)

_BY_CODE = {w.code: w for w in WORKER_TYPES}
_BY_ZH = {w.zh: w for w in WORKER_TYPES}


def worker_type(text: str) -> str:
    """Accept a code (``truck_driver``) or its Chinese or English label; return the code."""
    key = text.strip()
    if key in _BY_CODE:
        return key
    if key in _BY_ZH:
        return _BY_ZH[key].code
    for label in WORKER_TYPES:
        if label.en.lower() == key.lower():
            return label.code
    raise InvalidInput("worker_type", "unknown", value=key,
                       choices=", ".join(w.code for w in WORKER_TYPES))


def label(code: str, lang: str = "zh_CN") -> str:
    found = _BY_CODE.get(code)
    return found.text(lang) if found else code


def doc_type(text: str) -> str:
    key = text.strip()
    for doc in DOC_TYPES:
        if key in (doc.code, doc.zh) or key.lower() == doc.en.lower():
            return doc.code
    raise InvalidInput("doc_type", "unknown", value=key)


def nationality(text: str) -> str:
    key = text.strip()
    for nat in NATIONALITIES:
        if key.upper() == nat.code or key == nat.zh or key.lower() == nat.en.lower():
            return nat.code
    if len(key) == 2 and key.isalpha() and key.isascii():
        return key.upper()
    raise InvalidInput("nationality", "unknown", value=key)
