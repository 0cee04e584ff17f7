"""Member statuses and verification states, with their labels in both languages."""

from __future__ import annotations

from .worker_types import Label

MEMBER_STATUSES: tuple[Label, ...] = (
    Label("active", "在会", "Active"),
    Label("transferred_out", "已转出", "Transferred out"),
    Label("withdrawn", "已退会", "Withdrawn"),
    Label("replaced_card", "已补卡（旧卡作废）", "Card replaced"),
)
VERIFICATION: tuple[Label, ...] = (
    Label("unverified", "未实名认证", "Not verified"),
    Label("verified", "已实名认证", "Verified"),
)
_ALL = {label.code: label for label in (*MEMBER_STATUSES, *VERIFICATION)}


def label(code: str, lang: str = "zh_CN") -> str:
    found = _ALL.get(code)
    return found.text(lang) if found else code
