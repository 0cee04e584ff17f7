"""The consent text a new member agrees to at sign-up; its version is recorded with the entry."""

from __future__ import annotations

CONSENT_VERSION = "2026-01"

CONSENT_TEXT = {
    "zh_CN": (
        "本人自愿加入工会，同意驿站依照《个人信息保护法》收集本人姓名、身份证号、手机号和职业信息，"
        "仅用于会员登记、会籍管理和工会服务。身份证号加密保存，屏幕和报表中只显示部分号码。"
    ),
    "en": (
        "I join the trade union of my own will and agree that the station collects my name, "
        "resident ID number, mobile number and occupation under the Personal Information "
        "Protection Law, only for membership registration, membership management and union "
        "services. The ID number is stored encrypted and shown only in part."
    ),
}
