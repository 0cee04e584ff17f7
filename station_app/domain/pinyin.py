"""Pinyin search keys for names, reading polyphonic surnames the way people say them."""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

# The first character of a name is a surname and many surnames are read differently from the
# common word (曾 zeng not ceng, 单 shan not dan ...). Compound surnames come first.
SURNAMES: dict[str, str] = {
    "万俟": "moqi", "尉迟": "yuchi", "单于": "chanyu", "长孙": "zhangsun", "澹台": "tantai",
    "欧阳": "ouyang", "司马": "sima", "上官": "shangguan", "诸葛": "zhuge", "令狐": "linghu",
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "翟": "zhai", "区": "ou", "查": "zha",
    "朴": "piao", "盖": "ge", "乐": "yue", "员": "yun", "覃": "qin", "缪": "miao", "种": "chong",
    "尉": "yu", "任": "ren", "华": "hua", "纪": "ji", "燕": "yan", "冼": "xian", "秘": "bi",
    "召": "shao", "繁": "po", "句": "gou", "那": "na", "阚": "kan", "谌": "chen", "沈": "shen",
    "卜": "bu", "祭": "zhai", "宿": "su", "折": "she", "藏": "zang", "叶": "ye", "石": "shi",
    "隗": "wei", "曲": "qu", "朝": "chao", "薄": "bo", "柏": "bai", "都": "du", "重": "chong",
    "贲": "ben", "炅": "gui", "洗": "xian", "过": "guo", "莘": "shen", "能": "nai",
}


def _split_surname(name: str) -> tuple[str, str, str | None]:
    for length in (2, 1):
        head = name[:length]
        if len(name) > length and head in SURNAMES:
            return head, name[length:], SURNAMES[head]
    return "", name, None


# The dot between the parts of a Mongolian or Uyghur name written in Chinese, as typed.
NAME_DOTS = "·•・‧∙⋅"
_SEPARATORS = str.maketrans("", "", NAME_DOTS + ".．-")
# A full stop between two Chinese characters is that dot too (阿拉坦.巴根); in "J. Smith" not.
_CJK_STOP = re.compile(r"(?<=[^\x00-\x7f])[.．](?=[^\x00-\x7f])")


def normalise_name(name: str) -> str:
    """Every spelling of the middle dot (阿拉坦•巴根, 阿拉坦.巴根) as ``·``."""
    return _CJK_STOP.sub("·", name.translate(str.maketrans(NAME_DOTS, "·" * len(NAME_DOTS))))


@lru_cache(maxsize=16384)
def syllables(name: str) -> tuple[str, ...]:
    """Pinyin syllables of a name, lower-case, no tones; non-Chinese characters pass through."""
    name = "".join(name.split()).translate(_SEPARATORS)  # 阿拉坦·巴根: altbg, alatanbagen
    surname, rest, reading = _split_surname(name)
    parts: list[str] = []
    if reading is not None:
        if len(surname) == 2:
            parts.extend(_reading(surname))
            if "".join(parts) != reading:
                parts = [reading]
        else:
            parts.append(reading)
    parts.extend(_reading(rest))
    return tuple(p.lower().replace("ü", "v") for p in parts if p.strip())


@lru_cache(maxsize=65536)
def _reading(text: str) -> tuple[str, ...]:
    # Given names repeat far more than whole names: a supervisor importing a region's members
    # converts each distinct one once (pypinyin takes ~15 µs a name).
    return tuple(lazy_pinyin(text, style=Style.NORMAL, errors="default"))


def full(name: str) -> str:
    """``曾小明`` -> ``zengxiaoming``."""
    return "".join(syllables(name))


def initials(name: str) -> str:
    """``曾小明`` -> ``zxm``."""
    return "".join(p[0] for p in syllables(name) if p)
