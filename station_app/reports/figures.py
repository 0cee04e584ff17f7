"""Figures for a date range and a set of stations, computed with SQL aggregates.

Counting conventions (docs/REPORTS.md explains them to users):

* person-times (人次) = non-void visits; a corrected visit counts once, as corrected;
* distinct people (人) = distinct member numbers among member visits **plus every walk-in visit**,
  because a walk-in is not identified: each walk-in visit is counted as one person;
* by service, a visit with three services counts once under each of them, so the service
  table's person-times add up to service-times, not to visits;
* visits without a nationality are counted as China (members hold resident ID cards).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ..domain import catalogue, clock, worker_types
from .model import Column, Report, Row, Table
from .periods import DateRange

if TYPE_CHECKING:
    from ..data.db import Ledger

WEEKDAYS = (("星期一", "Monday"), ("星期二", "Tuesday"), ("星期三", "Wednesday"),
            ("星期四", "Thursday"), ("星期五", "Friday"), ("星期六", "Saturday"),
            ("星期日", "Sunday"))
TARGET_KEY = "target.members.{year}"


def _l(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def member_target(ledger: Ledger, year: int, worker_type: str | None = None) -> int | None:
    """The yearly new-member target (settings ``target.members.<year>[.<worker_type>]``)."""
    key = TARGET_KEY.format(year=year) + (f".{worker_type}" if worker_type else "")
    raw = ledger.setting(key).strip()
    return int(raw) if raw.isdigit() else None


def station_codes(ledger: Ledger) -> list[str]:
    """Every station with entries in this ledger, except a supervisor ledger's own code."""
    rows = ledger.conn.execute(
        "WITH RECURSIVE s(code) AS (SELECT MIN(station) FROM entries UNION ALL"
        " SELECT (SELECT MIN(station) FROM entries WHERE station > s.code) FROM s"
        " WHERE s.code IS NOT NULL) SELECT code FROM s WHERE code IS NOT NULL").fetchall()
    codes = [str(r[0]) for r in rows]
    if ledger.station_kind == "supervisor":
        own = ledger.setting("station.code")
        codes = [c for c in codes if c != own]
    return codes


def default_stations(ledger: Ledger) -> tuple[str, ...] | None:
    """A station reports on itself; a supervisor on every station (None = no filter)."""
    if ledger.station_kind == "supervisor":
        return None
    return (ledger.station_code,)


def station_names(ledger: Ledger) -> dict[str, str]:
    names = {str(c): str(n) for c, n in ledger.conn.execute("SELECT code, name FROM stations")}
    own = ledger.setting("station.code")
    if own:
        names.setdefault(own, ledger.station_name)
    for station, body in ledger.conn.execute(
            "SELECT station, json_extract(body, '$.name') FROM entries"
            " WHERE kind = 'station.init'"):
        if body and station not in names:
            names[str(station)] = str(body)
    return names


class _Scope:
    """The WHERE clause shared by every query: date range, not void, chosen stations."""

    def __init__(self, span: DateRange, stations: Sequence[str] | None) -> None:
        self.span = span
        self.stations = tuple(stations) if stations is not None else None

    def where(self, alias: str = "", voided: bool = True, station_col: str = "station",
              day_col: str = "day") -> tuple[str, list[Any]]:
        p = f"{alias}." if alias else ""
        sql = f"{p}{day_col} BETWEEN ? AND ?"
        params: list[Any] = [self.span.start.isoformat(), self.span.end.isoformat()]
        if voided:
            sql += f" AND {p}voided = 0"
        if self.stations is not None:
            sql += f" AND {p}{station_col} IN ({','.join('?' * len(self.stations))})"
            params.extend(self.stations)
        return sql, params


def _people(members: int, walk_ins: int) -> int:
    return int(members or 0) + int(walk_ins or 0)


def build(ledger: Ledger, span: DateRange, stations: Sequence[str] | None = None, *,
          lang: str = "zh_CN", default_scope: bool = True) -> Report:
    """Every table of the report. ``stations=None`` with ``default_scope`` means the ledger's
    own station on a station ledger and all stations on a supervisor's."""
    if stations is None and default_scope:
        stations = default_stations(ledger)
    scope = _Scope(span, stations)
    conn = ledger.conn
    cw, cp = scope.where(voided=False)

    # ---- visits: person-times from the roll-ups kept by schema_reports' triggers ----
    by_hour = [0] * 24
    by_weekday = [0] * 7
    wt_counts: dict[str, list[int]] = {}
    nat_counts: dict[str, list[int]] = {}
    total_visits = total_walk = 0
    day_counts: dict[str, list[int]] = {}
    station_counts: dict[str, list[int]] = {}
    # One scan of the roll-up; Python sums the few thousand cells per month.
    for day, station, hour, weekday, wt, walk, nat, n in conn.execute(
            "SELECT day, station, hour, weekday, worker_type, walk_in, nationality, n"
            f" FROM rep_visit_cells WHERE {cw}", cp):
        w = n if walk else 0
        total_visits += n
        total_walk += w
        by_hour[hour % 24] += n
        by_weekday[(weekday - 1) % 7] += n
        for bucket, key in ((wt_counts, wt), (nat_counts, nat), (day_counts, day),
                            (station_counts, station)):
            cell = bucket.get(key)
            if cell is None:
                bucket[key] = [n, w]
            else:
                cell[0] += n
                cell[1] += w

    # Distinct members: one row per member with the stations, groups and nationalities seen.
    # Over long ranges the member index streams without a sort.
    hint = "INDEXED BY rep_member_days_member" if span.days > 62 else ""
    total_members = 0
    wt_members: dict[str, int] = {}
    nat_members: dict[str, int] = {}
    st_members: dict[str, int] = {}
    for _member, stations_seen, wts_seen, nats_seen in conn.execute(
            "SELECT member_no, GROUP_CONCAT(DISTINCT station), GROUP_CONCAT(DISTINCT"
            " worker_type), GROUP_CONCAT(DISTINCT nationality)"
            f" FROM rep_member_days {hint} WHERE {cw} GROUP BY member_no", cp):
        total_members += 1
        for tally, seen in ((st_members, stations_seen), (wt_members, wts_seen),
                            (nat_members, nats_seen)):
            for key in str(seen).split(","):
                tally[key] = tally.get(key, 0) + 1
    total_people = _people(total_members, total_walk)

    tables: list[Table] = []
    count_cols = [
        Column("visits", "服务人次", "Person-times"),
        Column("people", "服务人数", "People"),
        Column("member_visits", "会员人次", "Member visits"),
        Column("walk_ins", "临时来访人次", "Walk-in visits"),
    ]
    label_cols = [Column("code", "编码", "Code", "text"), Column("name", "名称", "Name", "text")]

    def total_row(rows: list[Row], keys: Sequence[str], **extra: Any) -> Row:
        total: Row = {"code": "", "name": _l(lang, "合计", "Total")}
        for key in keys:
            total[key] = sum(int(r.get(key) or 0) for r in rows)
        total.update(extra)
        return total

    # ---- by service ----
    svc_rows = conn.execute(
        "SELECT code, name_zh, name_en, active FROM services ORDER BY sort").fetchall()
    svc_counts = {str(s): (n, w) for s, n, w in conn.execute(
        "SELECT service, SUM(n), SUM(n * walk_in) FROM rep_service_cells"
        f" WHERE {cw} GROUP BY service", cp)}
    service_rows: list[Row] = []
    known = set()
    for code, zh, en, active in svc_rows:
        known.add(code)
        n, w = svc_counts.get(code, (0, 0))
        if not active and not n:
            continue
        service_rows.append({"code": code, "name": en if lang == "en" else zh, "visits": n,
                             "member_visits": n - w, "walk_ins": w})
    for code, (n, w) in sorted(svc_counts.items()):
        if code not in known:
            service_rows.append({"code": code, "name": code, "visits": n,
                                 "member_visits": n - w, "walk_ins": w})
    tables.append(Table(
        "services", "按服务项目", "By service",
        [*label_cols, count_cols[0], count_cols[2], count_cols[3]], service_rows,
        total_row(service_rows, ("visits", "member_visits", "walk_ins")),
        note_zh="一次来访享受多项服务时，每项各计一人次，故合计为服务项次（不等于来访人次）。",
        note_en="A visit with several services counts once under each, so the total is "
                "service-times (not visits)."))

    # ---- by worker type ----
    wt_rows: list[Row] = []
    codes = [w.code for w in worker_types.WORKER_TYPES]
    codes += sorted(set(wt_counts) - set(codes))
    for code in codes:
        n, w = wt_counts.get(code, [0, 0])
        wt_rows.append({"code": code, "name": worker_types.label(code, lang), "visits": n,
                        "people": _people(wt_members.get(code, 0), w), "member_visits": n - w,
                        "walk_ins": w})
    tables.append(Table("worker_types", "按职业类别", "By worker group",
                        label_cols + count_cols, wt_rows,
                        total_row(wt_rows, ("visits", "member_visits", "walk_ins"),
                                  people=total_people)))

    # ---- member vs walk-in ----
    mw_rows: list[Row] = [
        {"code": "member", "name": _l(lang, "会员", "Members"),
         "visits": total_visits - total_walk, "people": int(total_members)},
        {"code": "walk_in", "name": _l(lang, "非会员临时来访", "Walk-ins (not members)"),
         "visits": int(total_walk), "people": int(total_walk)},
    ]
    tables.append(Table("member_walk_in", "会员与临时来访", "Members and walk-ins",
                        label_cols + count_cols[:2], mw_rows,
                        total_row(mw_rows, ("visits", "people")),
                        note_zh="临时来访者无法识别身份，每次来访计一人。",
                        note_en="Walk-ins cannot be identified: each walk-in visit counts as "
                                "one person."))

    # ---- by nationality ----
    nat_labels = {n.code: n for n in worker_types.NATIONALITIES}
    nat_rows: list[Row] = []
    for code in sorted(nat_counts, key=lambda c: (c != "CN", c)):
        n, w = nat_counts[code]
        label = nat_labels.get(code)
        nat_rows.append({"code": code, "name": label.text(lang) if label else code,
                         "visits": n, "people": _people(nat_members.get(code, 0), w),
                         "walk_ins": w})
    tables.append(Table("nationality", "按国籍", "By nationality",
                        [*label_cols, count_cols[0], count_cols[1], count_cols[3]], nat_rows,
                        total_row(nat_rows, ("visits", "walk_ins"), people=total_people),
                        note_zh="未登记国籍的来访按中国计。",
                        note_en="Visits without a nationality are counted as China."))

    # ---- hour of day, weekday ----
    hour_rows: list[Row] = [{"hour": h, "name": f"{h:02d}:00–{h:02d}:59", "visits": by_hour[h]}
                            for h in range(24)]
    tables.append(Table("hours", "按时段", "By hour of day",
                        [Column("hour", "时", "Hour"), Column("name", "时段", "Time", "text"),
                         count_cols[0]], hour_rows,
                        {"hour": None, "name": _l(lang, "合计", "Total"),
                         "visits": sum(by_hour)}))
    wd_rows: list[Row] = [{"weekday": d + 1, "name": _l(lang, *WEEKDAYS[d]),
                           "visits": by_weekday[d]} for d in range(7)]
    tables.append(Table("weekdays", "按星期", "By weekday",
                        [Column("weekday", "星期序号", "ISO weekday"),
                         Column("name", "星期", "Weekday", "text"), count_cols[0]], wd_rows,
                        {"weekday": None, "name": _l(lang, "合计", "Total"),
                         "visits": sum(by_weekday)}))

    # ---- daily ----
    daily_members = dict(conn.execute(
        f"SELECT day, COUNT(DISTINCT member_no) FROM rep_member_days WHERE {cw} GROUP BY day",
        cp).fetchall())
    daily = {d: (n, w, daily_members.get(d, 0)) for d, (n, w) in day_counts.items()}
    day_rows: list[Row] = []
    for day in span.each_day():
        n, w, m = daily.get(day.isoformat(), (0, 0, 0))
        day_rows.append({"day": day.isoformat(),
                         "weekday": _l(lang, *WEEKDAYS[day.isoweekday() - 1]),
                         "visits": n, "people": _people(m, w), "walk_ins": w})
    tables.append(Table("daily", "每日服务", "Daily",
                        [Column("day", "日期", "Date", "date"),
                         Column("weekday", "星期", "Weekday", "text"),
                         count_cols[0], count_cols[1], count_cols[3]], day_rows,
                        {"day": _l(lang, "合计", "Total"), "weekday": "",
                         "visits": int(total_visits), "people": total_people,
                         "walk_ins": int(total_walk)}))

    # ---- new members against the yearly target ----
    year = span.end.year
    year_start = date(year, 1, 1)
    low = min(span.start, year_start)
    mw, mp = _Scope(DateRange(low, span.end), scope.stations).where(
        "m", voided=False, station_col="home_station", day_col="joined_day")
    new_in_range: dict[str, int] = {}
    new_ytd: dict[str, int] = {}
    new_by_station: dict[str, int] = {}
    # Sign-ups only: a transfer in keeps the member's union history, it is not a new member.
    # Grouped in the index's own order (day, station, group): no sort, Python folds the days.
    for joined, home, wt, n in conn.execute(
            "SELECT m.joined_day, m.home_station, m.worker_type, COUNT(*) FROM members m"
            f" WHERE {mw} AND m.entry_id NOT IN (SELECT entry_id FROM transfers"
            " WHERE direction = 'in') GROUP BY 1, 2, 3", mp):
        if joined >= span.start.isoformat():
            new_in_range[wt] = new_in_range.get(wt, 0) + n
            new_by_station[home] = new_by_station.get(home, 0) + n
        if joined >= year_start.isoformat():
            new_ytd[wt] = new_ytd.get(wt, 0) + n
    nm_rows: list[Row] = []
    wt_codes = [w.code for w in worker_types.WORKER_TYPES]
    wt_codes += sorted((set(new_in_range) | set(new_ytd)) - set(wt_codes))
    for code in wt_codes:
        target = member_target(ledger, year, code)
        ytd = int(new_ytd.get(code, 0))
        nm_rows.append({"code": code, "name": worker_types.label(code, lang),
                        "new": int(new_in_range.get(code, 0)), "ytd": ytd, "target": target,
                        "progress": round(ytd / target, 4) if target else None})
    overall_target = member_target(ledger, year)
    all_ytd = sum(r["ytd"] for r in nm_rows)
    tables.append(Table(
        "new_members", "新入会会员（对照年度目标）", "New members against the yearly target",
        [*label_cols, Column("new", "本期新入会", "New in period"),
         Column("ytd", f"{year}年累计", f"{year} to date"),
         Column("target", f"{year}年目标", f"{year} target"),
         Column("progress", "完成率", "Achieved", "pct")], nm_rows,
        total_row(nm_rows, ("new", "ytd"), target=overall_target,
                  progress=round(all_ytd / overall_target, 4) if overall_target else None),
        note_zh=f"目标取自设置 target.members.{year}（可按职业类别细分）；会籍转入不计为新入会。",
        note_en=f"Targets come from the setting target.members.{year} (optionally per worker "
                "group); transfers in are not new members."))

    # ---- transfers ----
    tw, tp = scope.where()
    tr_rows: list[Row] = []
    for direction, other, n in conn.execute(
            "SELECT direction, other_union, COUNT(*) FROM transfers"
            f" WHERE {tw} GROUP BY 1, 2 ORDER BY direction, other_union", tp):
        tr_rows.append({"code": direction,
                        "name": _l(lang, "转入", "In") if direction == "in"
                        else _l(lang, "转出", "Out"), "other_union": other, "count": n})
    transfers_in = sum(r["count"] for r in tr_rows if r["code"] == "in")
    transfers_out = sum(r["count"] for r in tr_rows if r["code"] == "out")
    tables.append(Table("transfers", "会籍转接", "Membership transfers",
                        [Column("code", "方向编码", "Direction code", "text"),
                         Column("name", "方向", "Direction", "text"),
                         Column("other_union", "对方工会", "Other union", "text"),
                         Column("count", "人数", "Members")], tr_rows,
                        {"code": "", "name": _l(lang, "合计", "Total"), "other_union": "",
                         "count": transfers_in + transfers_out}))

    # ---- relief per campaign ----
    rw, rp = scope.where("r")
    camp_names = {str(c): str(n) for c, n in conn.execute("SELECT code, name FROM campaigns")}
    rl_rows: list[Row] = []
    for camp, n, money, members, walk, overrides in conn.execute(
            "SELECT r.campaign, COUNT(*), COALESCE(SUM(r.money_fen), 0),"
            " COUNT(DISTINCT r.member_no), COALESCE(SUM(r.member_no IS NULL), 0),"
            " COALESCE(SUM(r.override_reason IS NOT NULL), 0)"
            f" FROM relief r WHERE {rw} GROUP BY r.campaign ORDER BY r.campaign", rp):
        rl_rows.append({"code": camp, "name": camp_names.get(camp, camp), "times": n,
                        "people": _people(members, walk), "money_fen": int(money),
                        "overrides": int(overrides)})
    relief_people = conn.execute(
        "SELECT COUNT(DISTINCT r.member_no) + COALESCE(SUM(r.member_no IS NULL), 0)"
        f" FROM relief r WHERE {rw}", rp).fetchone()[0]
    relief_table = Table(
        "relief", "慰问（按活动）", "Relief by campaign",
        [*label_cols, Column("times", "慰问人次", "Person-times"),
         Column("people", "慰问人数", "People reached"),
         Column("money_fen", "慰问金（元）", "Money (yuan)", "money"),
         Column("overrides", "一人多次例外", "One-per-person overrides")], rl_rows,
        total_row(rl_rows, ("times", "money_fen", "overrides"), people=int(relief_people or 0)),
        note_zh="合计行人数为各活动去重后的总人数；非会员每次计一人。",
        note_en="The total row's people are distinct across campaigns; each walk-in counts "
                "as one person.")
    tables.append(relief_table)
    goods_rows: list[Row] = [
        {"code": camp, "name": camp_names.get(camp, camp), "item": item, "qty": int(qty)}
        for camp, item, qty in conn.execute(
            "SELECT r.campaign, g.item, SUM(g.qty) FROM relief r"
            f" JOIN relief_goods g ON g.entry_id = r.entry_id WHERE {rw}"
            " GROUP BY 1, 2 ORDER BY 1, 2", rp)]
    tables.append(Table("relief_goods", "慰问物资（按品名）", "Relief goods by item",
                        [*label_cols, Column("item", "物资", "Item", "text"),
                         Column("qty", "数量", "Quantity")], goods_rows,
                        # No totals row: quantities of different items (cups, gloves) do not add.
                        note_zh="数量按活动和品名分列；不同物资的数量不相加。",
                        note_en="Quantities per campaign and item; quantities of different "
                                "items are not added up."))

    # ---- programme enrolments ----
    ew, ep = scope.where()
    enrol_counts = {str(p): (n, m) for p, n, m in conn.execute(
        "SELECT programme, COUNT(*), COUNT(DISTINCT member_no) FROM enrolments"
        f" WHERE {ew} GROUP BY programme", ep)}
    en_rows: list[Row] = []
    prog_codes = [p.code for p in catalogue.PROGRAMMES]
    for code in prog_codes + sorted(set(enrol_counts) - set(prog_codes)):
        n, m = enrol_counts.get(code, (0, 0))
        prog = next((p for p in catalogue.PROGRAMMES if p.code == code), None)
        en_rows.append({"code": code, "name": prog.text(lang) if prog else code,
                        "count": n, "people": m})
    enrol_people = conn.execute(
        f"SELECT COUNT(DISTINCT member_no) FROM enrolments WHERE {ew}", ep).fetchone()[0]
    tables.append(Table("enrolments", "帮扶项目报名", "Programme enrolments",
                        [*label_cols, Column("count", "报名人次", "Enrolments"),
                         Column("people", "报名人数", "Members")], en_rows,
                        total_row(en_rows, ("count",), people=int(enrol_people or 0))))

    # ---- per station, with freshness ----
    names = station_names(ledger)
    codes_here = station_codes(ledger)
    if scope.stations is not None:
        codes_here = [c for c in scope.stations]
    per_station = {st: (n, w, st_members.get(st, 0))
                   for st, (n, w) in station_counts.items()}
    st_rows: list[Row] = []
    for code in codes_here:
        n, w, m = per_station.get(code, (0, 0, 0))
        last_entry = conn.execute(
            "SELECT recorded_at FROM entries WHERE station = ? ORDER BY epoch DESC, seq DESC"
            " LIMIT 1", (code,)).fetchone()
        last_visit = conn.execute("SELECT MAX(day) FROM visits WHERE station = ?",
                                  (code,)).fetchone()
        last_relief = conn.execute("SELECT MAX(day) FROM relief WHERE station = ?",
                                   (code,)).fetchone()
        # Entries normally arrive in time order; back-dated ones (imports) are covered by
        # the newest visit and relief days, both indexed.
        newest = max((str(d)[:10] for d in (last_entry and last_entry[0], last_visit[0],
                                             last_relief[0]) if d), default=None)
        st_rows.append({"code": code, "name": names.get(code, code), "visits": n,
                        "people": _people(m, w), "walk_ins": w,
                        "new_members": int(new_by_station.get(code, 0)),
                        "data_until": newest,
                        "last_visit": last_visit[0] if last_visit else None})
    tables.insert(0, Table(
        "stations", "各驿站及数据截至日期", "Stations and data freshness",
        [Column("code", "驿站编码", "Station", "text"), Column("name", "驿站名称", "Name", "text"),
         count_cols[0], count_cols[1], count_cols[3],
         Column("new_members", "新入会", "New members"),
         Column("data_until", "数据截至", "Data up to", "date"),
         Column("last_visit", "最近来访日", "Last visit", "date")], st_rows,
        total_row(st_rows, ("visits", "walk_ins", "new_members"), people=total_people,
                  data_until=None, last_visit=None),
        note_zh="“数据截至”为该驿站最新一条记录的日期（在上级台账上取决于已导入的同步包）。",
        note_en="“Data up to” is the day of the station's newest entry (on a supervisor's "
                "ledger: of the newest imported bundle)."))

    # ---- summary ----
    relief_total = relief_table.total or {}
    new_total = sum(r["new"] for r in nm_rows)
    summary_items: list[tuple[str, str, str, int]] = [
        ("visits", "服务人次", "Person-times (visits)", int(total_visits)),
        ("people", "服务人数", "People served", total_people),
        ("member_visits", "会员来访人次", "Member visits", int(total_visits - total_walk)),
        ("members_served", "来访会员人数", "Members served", int(total_members)),
        ("walk_ins", "非会员临时来访人次", "Walk-in visits", int(total_walk)),
        ("foreign_visits", "境外人员来访人次", "Visits by foreign nationals",
         sum(r["visits"] for r in nat_rows if r["code"] != "CN")),
        ("new_members", "新入会会员", "New members", new_total),
        ("transfers_in", "会籍转入", "Transfers in", transfers_in),
        ("transfers_out", "会籍转出", "Transfers out", transfers_out),
        ("relief_times", "慰问人次", "Relief person-times", int(relief_total.get("times", 0))),
        ("relief_people", "慰问人数", "Relief people reached", int(relief_people or 0)),
        ("enrolments", "帮扶项目报名人次", "Programme enrolments",
         sum(r["count"] for r in en_rows)),
    ]
    tables.insert(0, Table(
        "summary", "总览", "Summary",
        [Column("code", "编码", "Code", "text"), Column("name", "指标", "Figure", "text"),
         Column("value", "数值", "Value")],
        [{"code": c, "name": _l(lang, zh, en), "value": v} for c, zh, en, v in summary_items]))

    station_list = list(scope.stations) if scope.stations is not None else codes_here
    meta: dict[str, Any] = {
        "from": span.start.isoformat(), "to": span.end.isoformat(),
        "period": span.label(lang), "stations": station_list,
        "consolidated": scope.stations is None or len(scope.stations) != 1,
        "ledger_station": ledger.setting("station.code"),
        "ledger_name": ledger.station_name,
        "title": report_title(ledger, span, station_list, names, lang),
        "generated_at": clock.now_iso(), "lang": lang,
        "relief_money_fen": int(relief_total.get("money_fen", 0)),
        "member_target": overall_target, "members_to_date": all_ytd, "target_year": year,
    }
    return Report(meta, tables)


def report_title(ledger: Ledger, span: DateRange, stations: Sequence[str],
                 names: dict[str, str], lang: str) -> str:
    if len(stations) == 1:
        who = names.get(stations[0], stations[0])
    else:
        who = ledger.station_name + _l(lang, "（汇总）", " (consolidated)")
    return f"{who} {span.label(lang)} " + _l(lang, "服务统计", "service report")
