"""The figures a report must show, computed from the scenario's facts by plain Python."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from station_app.domain import catalogue, worker_types

from .scenario import Facts

ZH_WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
SERVICE_ZH = {s.code: s.zh for s in catalogue.DEFAULT_SERVICES}
NAT_ZH = {n.code: n.zh for n in worker_types.NATIONALITIES}
WT = [w.code for w in worker_types.WORKER_TYPES]


def _people(visits: Sequence[Any]) -> int:
    return len({v.member for v in visits if v.member}) + sum(1 for v in visits if not v.member)


def expected(f: Facts, start: date, end: date, stations: Sequence[str],
             names: dict[str, str]) -> dict[str, dict[str, Any]]:
    def inside(day: date, station: str) -> bool:
        return start <= day <= end and station in stations

    vs = [v for v in f.visits if not v.voided and inside(v.day, v.station)]
    walk = [v for v in vs if not v.member]
    out: dict[str, dict[str, Any]] = {}
    total = {"code": "", "name": "合计"}

    # stations
    rows = []
    new = [s for s in f.signups if inside(s[0], s[1])]
    for code in stations:
        mine = [v for v in vs if v.station == code]
        every = [v for v in f.visits if v.station == code]
        rows.append({"code": code, "name": names[code], "visits": len(mine),
                     "people": _people(mine), "walk_ins": sum(1 for v in mine if not v.member),
                     "new_members": sum(1 for s in new if s[1] == code),
                     "data_until": f.last_entry_day[code].isoformat(),
                     "last_visit": max(v.day for v in every).isoformat()})
    out["stations"] = {"rows": rows, "total": {**total, "visits": len(vs), "people": _people(vs),
                                               "walk_ins": len(walk), "new_members": len(new),
                                               "data_until": None, "last_visit": None}}
    # services: every active catalogue service, in catalogue order
    rows = []
    for s in catalogue.DEFAULT_SERVICES:
        with_s = [v for v in vs if s.code in v.services]
        w = sum(1 for v in with_s if not v.member)
        rows.append({"code": s.code, "name": s.zh, "visits": len(with_s),
                     "member_visits": len(with_s) - w, "walk_ins": w})
    out["services"] = {"rows": rows, "total": {
        **total, "visits": sum(len(v.services) for v in vs),
        "member_visits": sum(len(v.services) for v in vs if v.member),
        "walk_ins": sum(len(v.services) for v in walk)}}
    # worker groups
    rows = []
    for code in WT:
        group = [v for v in vs if v.worker_type == code]
        w = sum(1 for v in group if not v.member)
        rows.append({"code": code, "name": worker_types.label(code), "visits": len(group),
                     "people": _people(group), "member_visits": len(group) - w, "walk_ins": w})
    out["worker_types"] = {"rows": rows, "total": {
        **total, "visits": len(vs), "people": _people(vs), "member_visits": len(vs) - len(walk),
        "walk_ins": len(walk)}}
    members_seen = {v.member for v in vs if v.member}
    out["member_walk_in"] = {"rows": [
        {"code": "member", "name": "会员", "visits": len(vs) - len(walk),
         "people": len(members_seen)},
        {"code": "walk_in", "name": "非会员临时来访", "visits": len(walk), "people": len(walk)},
    ], "total": {**total, "visits": len(vs), "people": len(members_seen) + len(walk)}}
    # nationality: China first, then by code; missing counts as China
    nats = sorted({v.nationality or "CN" for v in vs}, key=lambda c: (c != "CN", c))
    rows = []
    for code in nats:
        group = [v for v in vs if (v.nationality or "CN") == code]
        rows.append({"code": code, "name": NAT_ZH.get(code, code), "visits": len(group),
                     "people": _people(group), "walk_ins": sum(1 for v in group if not v.member)})
    out["nationality"] = {"rows": rows, "total": {**total, "visits": len(vs),
                                                  "people": _people(vs), "walk_ins": len(walk)}}
    out["hours"] = {"rows": [{"hour": h, "name": f"{h:02d}:00–{h:02d}:59",
                              "visits": sum(1 for v in vs if v.at.hour == h)}
                             for h in range(24)],
                    "total": {"hour": None, "name": "合计", "visits": len(vs)}}
    out["weekdays"] = {"rows": [{"weekday": d, "name": ZH_WEEKDAYS[d - 1],
                                 "visits": sum(1 for v in vs if v.day.isoweekday() == d)}
                                for d in range(1, 8)],
                       "total": {"weekday": None, "name": "合计", "visits": len(vs)}}
    rows = []
    day = start
    while day <= end:
        group = [v for v in vs if v.day == day]
        rows.append({"day": day.isoformat(), "weekday": ZH_WEEKDAYS[day.isoweekday() - 1],
                     "visits": len(group), "people": _people(group),
                     "walk_ins": sum(1 for v in group if not v.member)})
        day += timedelta(days=1)
    out["daily"] = {"rows": rows, "total": {"day": "合计", "weekday": "", "visits": len(vs),
                                            "people": _people(vs), "walk_ins": len(walk)}}
    # new members against the target (2026: 200,000 overall, 4 delivery riders)
    ytd = [s for s in f.signups if date(end.year, 1, 1) <= s[0] <= end and s[1] in stations]
    targets = {"delivery_rider": 4}
    rows = []
    for code in WT:
        y = sum(1 for s in ytd if s[3] == code)
        target = targets.get(code)
        rows.append({"code": code, "name": worker_types.label(code),
                     "new": sum(1 for s in new if s[3] == code), "ytd": y, "target": target,
                     "progress": round(y / target, 4) if target else None})
    out["new_members"] = {"rows": rows, "total": {
        **total, "new": len(new), "ytd": len(ytd), "target": 200000,
        "progress": round(len(ytd) / 200000, 4)}}
    tr = [x for x in f.transfers if inside(x[0], x[1])]
    keys = sorted({(x[2], x[3]) for x in tr})
    out["transfers"] = {"rows": [
        {"code": d, "name": "转入" if d == "in" else "转出", "other_union": u,
         "count": sum(1 for x in tr if (x[2], x[3]) == (d, u))} for d, u in keys],
        "total": {"code": "", "name": "合计", "other_union": "", "count": len(tr)}}
    rl = [r for r in f.relief if not r.voided and inside(r.at.date(), r.station)]
    rows = []
    for camp in sorted({r.campaign for r in rl}):
        group = [r for r in rl if r.campaign == camp]
        rows.append({"code": camp, "name": f.campaign_names[camp], "times": len(group),
                     "people": _people(group), "money_fen": sum(r.money_fen for r in group),
                     "overrides": sum(1 for r in group if r.override)})
    out["relief"] = {"rows": rows, "total": {
        **total, "times": len(rl), "people": _people(rl),
        "money_fen": sum(r.money_fen for r in rl), "overrides": sum(1 for r in rl if r.override)}}
    goods: dict[tuple[str, str], int] = {}
    for r in rl:
        for item, qty in r.goods:
            goods[(r.campaign, item)] = goods.get((r.campaign, item), 0) + qty
    out["relief_goods"] = {"rows": [
        {"code": c, "name": f.campaign_names[c], "item": i, "qty": q}
        for (c, i), q in sorted(goods.items())],
        "total": None}  # quantities of different items do not add up
    en = [e for e in f.enrolments if not e[4] and inside(e[0], e[1])]
    out["enrolments"] = {"rows": [
        {"code": p.code, "name": p.zh, "count": sum(1 for e in en if e[2] == p.code),
         "people": len({e[3] for e in en if e[2] == p.code})} for p in catalogue.PROGRAMMES],
        "total": {**total, "count": len(en), "people": len({e[3] for e in en})}}
    members_served = len(members_seen)
    out["summary"] = {"rows": [
        {"code": "visits", "name": "服务人次", "value": len(vs)},
        {"code": "people", "name": "服务人数", "value": members_served + len(walk)},
        {"code": "member_visits", "name": "会员来访人次", "value": len(vs) - len(walk)},
        {"code": "members_served", "name": "来访会员人数", "value": members_served},
        {"code": "walk_ins", "name": "非会员临时来访人次", "value": len(walk)},
        {"code": "foreign_visits", "name": "境外人员来访人次",
         "value": sum(1 for v in vs if (v.nationality or "CN") != "CN")},
        {"code": "new_members", "name": "新入会会员", "value": len(new)},
        {"code": "transfers_in", "name": "会籍转入",
         "value": sum(1 for x in tr if x[2] == "in")},
        {"code": "transfers_out", "name": "会籍转出",
         "value": sum(1 for x in tr if x[2] == "out")},
        {"code": "relief_times", "name": "慰问人次", "value": len(rl)},
        {"code": "relief_people", "name": "慰问人数", "value": _people(rl)},
        {"code": "enrolments", "name": "帮扶项目报名人次", "value": len(en)},
    ], "total": None}
    return out
