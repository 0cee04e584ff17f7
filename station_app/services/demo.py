"""A realistic demo station: members, months of visits, a relief campaign (seeded, repeatable)."""

from __future__ import annotations

import random
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from ..data.db import Ledger
from ..domain import clock, resident_id
from ..domain.errors import Refused
from . import members as member_ops
from . import relief, station, visits

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
    "顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文单翟仇解"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉梅建国志强海燕巴特尔其其"
    "格乌兰苏和宝音额尔敦那仁花斯琴朝鲁图雅"
)
EMPLOYERS = ["美团", "饿了么", "顺丰速运", "中通快递", "京东物流", "滴滴出行", "满帮", "个体"]
AREAS = ["150781", "150702", "150102", "150203", "152502", "150602"]
WORKERS = ["delivery_rider", "courier", "truck_driver", "ride_hailing", "other"]
WORKER_WEIGHTS = [35, 20, 30, 10, 5]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))


# Accounts of the demo station (documented in README): a station admin and an attendant.
DEMO_ACCOUNTS = (("zhanzhang", "8642", "admin", "站长"), ("wangli", "1357", "attendant", "王丽"))


def add_demo_accounts(ledger: Ledger) -> list[str]:
    """Sign-in accounts for the demo station, so ``make run`` shows the real sign-in."""
    from . import auth

    made = []
    for username, pin, role, display in DEMO_ACCOUNTS:
        if auth.get_attendant(ledger, username) is None:
            auth.create_attendant(ledger, username, pin, role=role, display_name=display,
                                  by="demo", attendant=auth.TrustedCaller("demo"))
            made.append(username)
    return made


def link_demo_supervisor(ledger: Ledger, path: Path, *, by: str = "demo") -> str:
    """A demo supervisor's ledger at ``path`` (a new file): 呼伦贝尔市总工会 (HLB00), with the
    demo station enrolled there and trusting it, as the two would after swapping identity and
    trust files (docs/SYNC_GUIDE.md), so the demo's Sync page can export at once and the
    supervisor's window import. Returns the supervisor's code. Run before the demo station
    has accounts (trusting a supervisor is the station admin's)."""
    from ..data.db import open_ledger
    from . import sync_ops

    sup = open_ledger(path, create=True)
    try:
        if sup.initialised:
            raise Refused("demo_needs_new_ledger", path=sup.path)
        station.init_station(sup, code="HLB00", name="呼伦贝尔市总工会", supervisor=True, by=by)
        with tempfile.TemporaryDirectory() as tmp:
            ident = sync_ops.write_identity_file(ledger, Path(tmp) / "identity.json")
            _, trust = sync_ops.enrol_station(sup, ident, actor=by,
                                              trust_out=Path(tmp) / "trust.json")
            sync_ops.trust_supervisor(ledger, trust, actor=by)
        return sup.station_code
    finally:
        sup.close()


def build_demo(ledger: Ledger, *, members: int = 300, days: int = 120, seed: int = 7,
               by: str = "demo") -> dict[str, Any]:
    """Fill an empty ledger with a plausible border-port station; repeatable for one seed."""
    count = members
    rng = random.Random(seed)
    if not ledger.initialised:
        station.init_station(ledger, code="MZL01", name="满洲里口岸驿站",
                             league="呼伦贝尔市总工会", by=by)
    days = max(days, 1)
    real_now = clock.now()  # read before the demo clock takes over: no visits in the future
    today = real_now.date()
    start = today - timedelta(days=days)
    moment = [datetime.combine(start, time(8, 0)).astimezone()]
    previous = clock._source
    clock.set_source(lambda: moment[0])
    stats = {"members": 0, "visits": 0, "relief": 0}
    numbers: list[str] = []
    try:
        with ledger.write():
            relief.define_campaign(ledger, code="WARM2026", name="2026年冬季送温暖",
                                   kind="warming", starts=(today - timedelta(days=30)).isoformat(),
                                   ends=(today + timedelta(days=60)).isoformat(), by=by)
            for n in range(count):
                day = start + timedelta(days=int(n * days / max(count, 1)))
                moment[0] = datetime.combine(day, time(9 + n % 9, n % 60)).astimezone()
                born = date(1965 + rng.randrange(40), rng.randrange(1, 13), rng.randrange(1, 29))
                form = member_ops.SignUp(
                    name=_name(rng),
                    id_number=resident_id.make(rng.choice(AREAS), born, rng.randrange(1000)),
                    phone=f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}",
                    worker_type=rng.choices(WORKERS, WORKER_WEIGHTS)[0],
                    employer=rng.choice(EMPLOYERS))
                try:
                    numbers.append(member_ops.sign_up_member(ledger, form, by=by).member_no)
                    stats["members"] += 1
                except Exception:
                    continue
            service_sets = [["water"], ["water", "rest"], ["charge"], ["meal_heat", "water"],
                            ["toilet"], ["rest", "charge"], ["warming", "water"], ["wifi"]]
            for offset in range(days + 1):
                day = start + timedelta(days=offset)
                for _ in range(rng.randrange(15, 45)):
                    moment[0] = datetime.combine(
                        day, time(rng.randrange(6, 23), rng.randrange(60))).astimezone()
                    if moment[0] > real_now:
                        break
                    chosen = rng.choice(service_sets)
                    joined = [m for m in numbers[: max(1, int(len(numbers) * offset / days))]]
                    if joined and rng.random() < 0.4:
                        visits.record_visit(ledger, chosen, by=by, member=rng.choice(joined))
                    elif rng.random() < 0.08:
                        visits.record_visit(ledger, chosen, by=by, walk_in=visits.WalkIn(
                            "truck_driver", "passport", rng.choice(["MN", "RU"])))
                    else:
                        visits.record_visit(ledger, chosen, by=by, walk_in=visits.WalkIn(
                            rng.choices(WORKERS, WORKER_WEIGHTS)[0]))
                    stats["visits"] += 1
            for number in numbers[: count // 3]:
                moment[0] = datetime.combine(today - timedelta(days=rng.randrange(1, 28)),
                                             time(10, rng.randrange(60))).astimezone()
                relief.give_relief(ledger, campaign="WARM2026", by=by, member=number,
                                   money_fen=rng.choice([10000, 20000]),
                                   goods=[relief.Goods("棉手套", 1), relief.Goods("保温杯", 1)])
                stats["relief"] += 1
    finally:
        clock.set_source(previous)
    return stats
