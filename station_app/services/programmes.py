"""Benefit programme enrolments with their eligibility rules."""

from __future__ import annotations

from typing import Any

from ..data import queries
from ..data.db import Ledger
from ..data.entries import Entry
from ..domain import catalogue, clock, member_no, validate
from ..domain.errors import InvalidInput, Refused


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
        details["enrolled_on"] = clock.today().isoformat()
        return ledger.append("enrolment", {"programme": prog.code,
                                           "member_no": person.member_no,
                                           "details": details}, by=by)
