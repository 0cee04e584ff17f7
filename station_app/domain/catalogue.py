"""The default service catalogue (national station standard) and the benefit programmes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import InvalidInput


@dataclass(frozen=True)
class Service:
    code: str
    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


# Order is the order of the buttons at the counter; number keys 1-9 pick the first nine.
DEFAULT_SERVICES: tuple[Service, ...] = (
    Service("water", "饮水", "Drinking water"),
    Service("rest", "休息", "Rest"),
    Service("meal_heat", "热饭", "Meal heating"),
    Service("charge", "充电", "Phone charging"),
    Service("toilet", "如厕", "Toilet"),
    Service("first_aid", "应急药箱", "First aid / medicine"),
    Service("cooling", "防暑降温", "Cooling supplies"),
    Service("warming", "取暖御寒", "Warming"),
    Service("wifi", "无线上网", "Wi-Fi"),
    Service("legal", "法律咨询", "Legal advice"),
    Service("health", "健康检查", "Health check"),
    Service("counsel", "心理疏导", "Psychological counselling"),
    Service("jobs", "就业服务", "Job services"),
    Service("reading", "阅读文化", "Reading and culture"),
)

SERVICE_CODE = re.compile(r"[a-z][a-z0-9_]{1,23}")


def validate_service_code(code: str) -> str:
    code = code.strip().lower()
    if not SERVICE_CODE.fullmatch(code):
        raise InvalidInput("service", "code_format", value=code)
    return code


@dataclass(frozen=True)
class Programme:
    code: str
    zh: str
    en: str
    eligibility: str  # "members", "women", "members_children"
    # Once a year per member (per child for the summer camp): cover, screening, the camp.
    # Legal aid, job help and counselling are asked for again whenever they are needed.
    yearly: bool = False

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


PROGRAMMES: tuple[Programme, ...] = (
    Programme("accident_cover", "职工意外伤害互助保障", "Accident mutual-aid cover", "members",
              yearly=True),
    Programme("two_cancer", "女职工“两癌”筛查", "Women's two-cancer screening", "women",
              yearly=True),
    Programme("summer_camp", "职工子女暑期托管", "Children's summer camp", "members_children",
              yearly=True),
    Programme("legal_aid", "法律援助", "Legal aid", "members"),
    Programme("job_help", "就业帮扶", "Job assistance", "members"),
    Programme("psych_help", "心理咨询", "Psychological advice", "members"),
)

CAMPAIGN_KINDS = ("cooling", "warming", "other")  # 送清凉 / 送温暖 / other relief


def programme(code: str) -> Programme:
    for prog in PROGRAMMES:
        if code in (prog.code, prog.zh):
            return prog
    raise InvalidInput("programme", "unknown", value=code,
                       choices=", ".join(p.code for p in PROGRAMMES))
