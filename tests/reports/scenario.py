"""A hand-built ledger for the report tests, and the facts it was built from.

Every figure the tests expect is computed from ``Facts`` by plain Python, never by asking
the ledger, so a report that miscounts disagrees with it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from station_app.data import entries as entries_mod
from station_app.data import projector
from station_app.data.db import Ledger
from station_app.data.entries import Entry
from station_app.domain import clock, ids
from station_app.services import corrections, members, programmes, relief, visits
from station_app.services.relief import Goods
from tests.helpers import rid, sign_up

CST = timezone(timedelta(hours=8))
NOV = (date(2026, 11, 1), date(2026, 11, 30))


@dataclass
class Visit:
    at: datetime
    station: str
    member: str | None
    worker_type: str
    services: list[str]
    nationality: str | None = None
    voided: bool = False
    entry_id: str = ""

    @property
    def day(self) -> date:
        return self.at.date()


@dataclass
class Relief:
    at: datetime
    station: str
    campaign: str
    member: str | None
    money_fen: int
    goods: list[tuple[str, int]]
    override: bool = False
    voided: bool = False


@dataclass
class Facts:
    visits: list[Visit] = field(default_factory=list)
    signups: list[tuple[date, str, str, str]] = field(default_factory=list)  # day, st, no, wt
    transfers: list[tuple[date, str, str, str]] = field(default_factory=list)  # day, st, dir, union
    relief: list[Relief] = field(default_factory=list)
    enrolments: list[tuple[date, str, str, str, bool]] = field(default_factory=list)
    last_entry_day: dict[str, date] = field(default_factory=dict)
    campaign_names: dict[str, str] = field(default_factory=dict)


@contextlib.contextmanager
def at(facts: Facts, moment: datetime, station: str = "MZL01") -> Iterator[None]:
    day = moment.date()
    facts.last_entry_day[station] = max(facts.last_entry_day.get(station, day), day)
    with clock.fixed(moment):
        yield


def t(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CST)


def _visit(ledger: Ledger, facts: Facts, moment: datetime, services: list[str], *,
           member: str | None = None, worker: str = "other", doc: str | None = None,
           nat: str | None = None) -> Visit:
    with at(facts, moment):
        if member is not None:
            entry = visits.record_visit(ledger, services, member=member, by="tester")
        else:
            entry = visits.record_visit(ledger, services, by="tester", walk_in=visits.WalkIn(
                worker, doc, nat))
    v = Visit(moment, "MZL01", member, str(entry.body["worker_type"]), list(services), nat,
              entry_id=entry.id)
    facts.visits.append(v)
    return v


def build_station(ledger: Ledger) -> tuple[Facts, dict[str, str]]:
    """Station MZL01 in November 2026 (plus a little October and December around it)."""
    f = Facts()
    nos: dict[str, str] = {}
    signups = [("A", 1, "delivery_rider", t(11, 2, 8, 30)), ("B", 2, "truck_driver", t(11, 3, 8)),
               ("C", 3, "courier", t(11, 3, 9)), ("D", 4, "delivery_rider", t(10, 15, 10)),
               ("E", 5, "courier", t(11, 5, 10))]
    for key, n, wt, moment in signups:
        with at(f, moment):
            nos[key] = sign_up(ledger, n, name=f"会员{key}", worker=wt)
        f.signups.append((moment.date(), "MZL01", nos[key], wt))
    # E's sign-up was a mistake: voided, so E never counts as a new member.
    signup_e = ledger.conn.execute(
        "SELECT id FROM entries WHERE kind = 'member.signup' AND"
        " json_extract(body, '$.member_no') = ?", (nos["E"],)).fetchone()[0]
    with at(f, t(11, 5, 11)):
        corrections.void_entry(ledger, signup_e, "登记错误", by="tester")
    f.signups = [s for s in f.signups if s[2] != nos["E"]]
    # A transfer in (not a new member) and a transfer out.
    with at(f, t(11, 6, 10)):
        nos["F"] = members.transfer_in(ledger, members.SignUp(
            name="会员F", id_number=rid(6), phone="13800000006", worker_type="ride_hailing"),
            "包头市总工会", by="tester").member_no
    f.transfers.append((date(2026, 11, 6), "MZL01", "in", "包头市总工会"))
    with at(f, t(11, 20, 16)):
        members.transfer_out(ledger, nos["C"], "赤峰市总工会", "换工作", by="tester")
    f.transfers.append((date(2026, 11, 20), "MZL01", "out", "赤峰市总工会"))

    a, b, d = nos["A"], nos["B"], nos["D"]
    _visit(ledger, f, t(10, 31, 23, 30), ["water"], member=a)  # before the range
    _visit(ledger, f, t(11, 2, 9, 15), ["water", "rest"], member=a)
    _visit(ledger, f, t(11, 2, 14, 20), ["charge"], member=a)
    _visit(ledger, f, t(11, 9, 10), ["water"], member=a)
    _visit(ledger, f, t(11, 3, 8, 5), ["rest", "meal_heat", "toilet"], member=b)
    b_late = _visit(ledger, f, t(11, 4, 22, 30), ["water"], member=b)
    _visit(ledger, f, t(11, 2, 12), ["water"], worker="delivery_rider")
    # Foreign truck drivers at the border: passports, Mongolia.
    _visit(ledger, f, t(11, 3, 7, 45), ["rest", "water"], worker="truck_driver", doc="passport",
           nat="MN")
    _visit(ledger, f, t(11, 3, 7, 50), ["toilet"], worker="truck_driver", doc="passport",
           nat="MN")
    _visit(ledger, f, t(11, 17, 13), ["meal_heat"], worker="truck_driver", doc="passport",
           nat="RU")
    voided = _visit(ledger, f, t(11, 10, 11), ["charge"], worker="courier")
    fixed_services = _visit(ledger, f, t(11, 10, 15), ["wifi"], member=a)
    fixed_worker = _visit(ledger, f, t(11, 11, 9), ["water"], worker="other")
    _visit(ledger, f, t(11, 15, 18), ["rest"], member=d)
    _visit(ledger, f, t(11, 30, 23, 59), ["warming"], member=d)
    _visit(ledger, f, t(12, 1, 0, 10), ["water"], member=d)  # after the range
    with at(f, t(11, 10, 12)):
        corrections.void_entry(ledger, voided.entry_id, "误录", by="tester")
    voided.voided = True
    with at(f, t(11, 10, 16)):
        corrections.correct_entry(ledger, fixed_services.entry_id, {"services": ["charge"]},
                                  "漏选", by="tester")
    with at(f, t(11, 10, 17)):  # the newest correction wins
        corrections.correct_entry(ledger, fixed_services.entry_id,
                                  {"services": ["wifi", "charge"]}, "补录", by="tester")
    fixed_services.services = ["wifi", "charge"]
    with at(f, t(11, 11, 10)):
        corrections.correct_entry(ledger, fixed_worker.entry_id, {"worker_type": "courier"},
                                  "职业选错", by="tester")
    fixed_worker.worker_type = "courier"
    # B drove for a courier that night: one member, two worker groups in the month.
    with at(f, t(11, 11, 11)):
        corrections.correct_entry(ledger, b_late.entry_id, {"worker_type": "courier"},
                                  "职业选错", by="tester")
    b_late.worker_type = "courier"

    # Relief: one per person, an override with a reason, a walk-in, a void.
    with at(f, t(11, 12, 9)):
        relief.define_campaign(ledger, code="WARM26", name="2026年冬季送温暖", kind="warming",
                               by="tester")
        relief.define_campaign(ledger, code="COOL26", name="2026年夏季送清凉", kind="cooling",
                               by="tester")
    f.campaign_names = {"WARM26": "2026年冬季送温暖", "COOL26": "2026年夏季送清凉"}
    gifts = [
        (t(11, 12, 10), "WARM26", a, None, 20000, [("棉手套", 1), ("保温杯", 1)], None),
        (t(11, 12, 11), "WARM26", b, None, 10000, [("棉手套", 2)], None),
        (t(11, 12, 12), "WARM26", None, "truck_driver", 0, [("矿泉水", 2)], None),
        (t(11, 13, 9), "WARM26", a, None, 5050, [], "家庭困难，补发"),
        (t(11, 13, 10), "COOL26", d, None, 3000, [("矿泉水", 6)], None),
        (t(11, 14, 10), "WARM26", d, None, 8000, [], None),
    ]
    for moment, camp, who, walk, money, goods, override in gifts:
        with at(f, moment):
            entry = relief.give_relief(
                ledger, campaign=camp, by="tester", member=who, walk_in_type=walk,
                money_fen=money, goods=[Goods(i, q) for i, q in goods],
                override_reason=override)
        f.relief.append(Relief(moment, "MZL01", camp, who, money, goods, override is not None))
    with at(f, t(11, 14, 11)):
        corrections.void_entry(ledger, entry.id, "重复发放", by="tester")
    f.relief[-1].voided = True

    for moment, who, prog in ((t(11, 16, 10), a, "accident_cover"),
                              (t(11, 16, 11), d, "legal_aid"), (t(11, 16, 12), b, "legal_aid")):
        with at(f, moment):
            entry = programmes.enrol(ledger, member=who, programme=prog, by="tester")
        f.enrolments.append((moment.date(), "MZL01", prog, who, False))
    with at(f, t(11, 16, 13)):
        corrections.void_entry(ledger, entry.id, "报错项目", by="tester")
    f.enrolments[-1] = (*f.enrolments[-1][:4], True)

    with ledger.write():
        ledger.set_setting("target.members.2026", "200000")
        ledger.set_setting("target.members.2026.delivery_rider", "4")
    return f, nos


def _entry(station: str, seq: int, kind: str, moment: datetime, body: dict[str, Any]) -> Entry:
    entry = Entry(id=ids.uuid7(), station=station, epoch=1, seq=seq, kind=kind,
                  recorded_at=clock.iso(moment), recorded_by="eel", target=None, body=body)
    return Entry(**{**entry.__dict__, "digest": entry.computed_digest()})


def add_other_station(ledger: Ledger, facts: Facts, code: str = "EEL02") -> None:
    """Entries of a second station as a supervisor would hold them after importing bundles."""
    member_no = f"{code}-0001"
    rows: list[tuple[str, datetime, dict[str, Any]]] = [
        ("station.init", t(10, 1, 8), {"code": code, "name": "二连浩特口岸驿站", "league": "",
                                       "kind": "station"}),
        ("member.signup", t(11, 4, 9), {
            "member_no": member_no, "name": "会员G", "phone": "13900000001",
            "worker_type": "truck_driver", "employer": "", "sex": "M",
            "birth_date": "1985-01-01", "id_masked": "150************012",
            "id_tail": "0012", "home_station": code, "consent_version": "1"}),
    ]
    visits_spec = [
        (t(11, 4, 10), member_no, "truck_driver", ["water", "rest"], None),
        (t(11, 5, 10), member_no, "truck_driver", ["water"], None),
        (t(11, 5, 11), None, "truck_driver", ["rest"], "MN"),
        (t(11, 21, 6), None, "truck_driver", ["meal_heat", "water"], "RU"),
        (t(11, 2, 9, 15), None, "delivery_rider", ["charge"], None),
    ]
    for moment, who, wt, services, nat in visits_spec:
        rows.append(("visit", moment, {
            "member_no": who, "worker_type": wt, "services": services, "walk_in": who is None,
            "doc_type": "passport" if nat else None, "nationality": nat}))
        facts.visits.append(Visit(moment, code, who, wt, services, nat))
    rows.append(("relief", t(11, 22, 10), {
        "campaign": "WARM26", "member_no": member_no, "worker_type": "truck_driver",
        "money_fen": 15000, "goods": [{"item": "棉手套", "qty": 1}], "override_reason": None}))
    facts.relief.append(Relief(t(11, 22, 10), code, "WARM26", member_no, 15000, [("棉手套", 1)]))
    facts.signups.append((date(2026, 11, 4), code, member_no, "truck_driver"))
    entries = [_entry(code, n, kind, moment, body) for n, (kind, moment, body)
               in enumerate(rows, 1)]
    facts.last_entry_day[code] = max(datetime.fromisoformat(e.recorded_at).date()
                                     for e in entries)
    with ledger.write():
        for entry in entries:
            ledger.conn.execute(entries_mod.INSERT, entry.row())
        projector.project(ledger, entries)
