"""Relief campaigns (送清凉, 送温暖 ...) and handing out money or goods (慰问)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..data import queries
from ..data.db import Ledger
from ..data.entries import Entry
from ..domain import catalogue, clock, member_no, validate, worker_types
from ..domain.errors import InvalidInput, Refused
from .visits import member_to_serve


@dataclass(frozen=True)
class Goods:
    item: str
    qty: int


def parse_goods(text: str) -> Goods:
    """``矿泉水:2`` -> Goods("矿泉水", 2)."""
    item, sep, qty = text.rpartition(":")
    if not sep:
        item, qty = text, "1"
    return check_goods(item, qty, shown=text)


def check_goods(item: object, qty: object, *, shown: str | None = None) -> Goods:
    """One goods line: an item name and a whole quantity of 1 to 10,000."""
    name = validate.text("goods", str(item), max_len=30)
    count = str(qty).strip()
    if not (count.isascii() and count.isdigit()) or len(count) > 5 \
            or not 1 <= int(count) <= 10_000:
        raise InvalidInput("goods", "format", value=shown or f"{item}:{qty}")
    return Goods(name, int(count))


def merge_goods(goods: Sequence[Goods]) -> list[Goods]:
    """Two lines of the same item are one line with both quantities (in the order given)."""
    totals: dict[str, int] = {}
    for g in goods:
        totals[g.item] = totals.get(g.item, 0) + g.qty
        if totals[g.item] > 10_000:  # the cap of one line holds for the sum too
            raise InvalidInput("goods", "format", value=f"{g.item}:{totals[g.item]}")
    return [Goods(item, qty) for item, qty in totals.items()]


def define_campaign(ledger: Ledger, *, code: str, name: str, kind: str = "other",
                    starts: str = "", ends: str = "", one_per_person: bool = True,
                    by: str) -> Entry:
    code = validate.text("campaign", code, max_len=24)
    name = validate.text("campaign", name, max_len=40)
    if kind not in catalogue.CAMPAIGN_KINDS:
        raise InvalidInput("campaign", "unknown", value=kind)
    days = []
    for value in (starts, ends):
        try:
            # Stored as YYYY-MM-DD whatever ISO form was typed (20261101 too): the dates are
            # compared as text with today's.
            days.append(date.fromisoformat(value.strip()).isoformat() if value.strip() else "")
        except ValueError:
            raise InvalidInput("date", "format", value=value) from None
    starts, ends = days
    if starts and ends and ends < starts:
        raise InvalidInput("date", "order", start=starts, end=ends)
    with ledger.write():
        if any(c.code == code for c in queries.campaigns(ledger)):
            raise Refused("campaign_exists", campaign=code)
        return ledger.append("campaign.define", {
            "code": code, "name": name, "kind": kind, "starts": starts, "ends": ends,
            "one_per_person": one_per_person}, by=by)


def give_relief(ledger: Ledger, *, campaign: str, by: str, member: str | None = None,
                walk_in_type: str | None = None, money_fen: int = 0,
                goods: Sequence[Goods] = (), override_reason: str | None = None) -> Entry:
    """Hand out relief; one per person per campaign unless overridden with a reason."""
    if (member is None) == (walk_in_type is None):
        raise InvalidInput("member_no", "walk_in_member")
    amount = validate.money_fen(money_fen)
    if amount == 0 and not goods:
        raise InvalidInput("goods", "empty")
    goods = merge_goods(goods)
    reason = validate.text("reason", override_reason, max_len=200, required=False) or None
    with ledger.write():
        chosen = queries.get_campaign(ledger, campaign)
        today = clock.today().isoformat()
        if (chosen.starts and today < chosen.starts) or (chosen.ends and today > chosen.ends):
            raise Refused("campaign_closed", campaign=chosen.name, starts=chosen.starts or "…",
                          ends=chosen.ends or "…")
        body: dict[str, object] = {
            "campaign": chosen.code, "money_fen": amount,
            "goods": [{"item": g.item, "qty": g.qty} for g in goods],
            "override_reason": reason,
        }
        if member is not None:
            number = member_no.parse(member)
            known = member_to_serve(ledger, number)
            if chosen.one_per_person and reason is None:
                previous = queries.relief_for(ledger, chosen.code, number)
                if previous:
                    raise Refused("relief_already_given", campaign=chosen.name,
                                  when=previous[0]["at"][:16].replace("T", " "))
            body.update(member_no=number, worker_type=known.worker_type if known else "other")
        else:
            body.update(member_no=None,
                        worker_type=worker_types.worker_type(walk_in_type or "other"))
        return ledger.append("relief", body, by=by)
