"""Shared test data for card tests: names that must print correctly, and the card factory type."""

from __future__ import annotations

from collections.abc import Callable

from station_app.cards import CardData

MakeCard = Callable[..., CardData]

RARE_SURNAMES = ("仝", "亓", "昝", "岑", "佘", "禚", "覃", "缪", "翟", "冼", "隗", "逯", "蹇", "琚",
                 "晁", "爨", "芈", "亢", "邴", "禤", "亓官", "万俟", "鄂", "郗", "靳", "虢")
MONGOLIAN_AREA_NAMES = ("乌兰巴特尔", "额尔德木图", "那仁格日乐", "敖其尔", "宝音图", "朝鲁",
                        "斯琴高娃", "其木格", "呼和", "巴雅尔", "苏和", "阿拉坦仓", "达瓦",
                        "图门吉日嘎拉", "孟和巴特尔·额尔德木图", "萨仁高娃", "乌日娜", "包鑫")
