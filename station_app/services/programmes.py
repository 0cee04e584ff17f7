"""Benefit programme enrolments with their eligibility rules."""

from __future__ import annotations

import json
from typing import Any

from ..data import queries
from ..data.db import Ledger
from ..data.entries import Entry
from ..domain import catalogue, clock, member_no, messages, validate
from ..domain.errors import InvalidInput, Refused

messages.register({
    "already_enrolled": ("会员 {member_no} 今年已报名“{programme_zh}”（{day}）",
                         "Member {member_no} is already enrolled in “{programme_en}” this year "
                         "({day})"),
})


def enrol(ledger: Ledger, *, member: str, programme: str, by: str,
          child_name: str | None = None, child_age: int | None = None) -> Entry:
    prog = catalogue.programme(programme)
    details: dict[str, Any] = {}
    with ledger.write():
        person = queries.get_member(ledger, member_no.parse(member))
        if person.status != "active":
            raise Refused("member_inactive", member_no=person.member_no, status=person.status)
        if prog.eligibility == "women" and person.sex != "F":
            raise InvalidInput("programme", "ineligible", why="仅限女职工 / women only")
        if prog.eligibility == "members_children":
            details["child_name"] = validate.text("details", child_name, max_len=30)
            if child_age is None or not 3 <= int(child_age) <= 16:
                raise InvalidInput("details", "ineligible", why="子女年龄3-16岁 / child aged 3-16")
            details["child_age"] = int(child_age)
        today = clock.today()
        for day, held in () if not prog.yearly else ledger.conn.execute(
                "SELECT day, details FROM enrolments WHERE member_no = ? AND programme = ?"
                " AND voided = 0 AND substr(day, 1, 4) = ?",
                (person.member_no, prog.code, f"{today.year:04d}")):
            # Once a year (per child for the summer camp): a second one would count twice.
            if json.loads(held).get("child_name") == details.get("child_name"):
                raise Refused("already_enrolled", member_no=person.member_no,
                              programme_zh=prog.zh, programme_en=prog.en, day=day)
        details["enrolled_on"] = today.isoformat()
        return ledger.append("enrolment", {"programme": prog.code,
                                           "member_no": person.member_no,
                                           "details": details}, by=by)
