"""Core commands: init, member, visit, relief, campaign, enrol, transfer, void, correct, log."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from ..data import queries
from ..data.entries import Entry
from ..domain import clock, messages, statuses, validate, worker_types
from ..domain.errors import InvalidInput, Refused
from ..services import (
    checkin,
    corrections,
    members,
    programmes,
    relief,
    reports,
    station,
    visits,
)
from . import COUNTER, Context, counted

MAX_LIMIT = 10_000
SYNC_PAGE = ("export", "import")  # the GUI lists the same person twice on the Sync page
FROM_STDIN = "-"
ID_NUMBER_HELP = ("- reads the 18-digit resident ID number from standard input; leave it out to "
                  "type it at a hidden prompt. A number written here is refused (it would stay "
                  "in the process list and shell history)")

# A resident ID number is sensitive personal information (PIPL): never accepted as a literal
# argument. The sentences never contain the refused value.
messages.register({
    "invalid.id_number.on_command_line": (
        "身份证号不能直接写在命令行上（会留在进程列表和命令历史中），本次未保存任何内容。"
        "请用 --id-number - 从标准输入传入，或不写 --id-number，在提示时输入（不显示）",
        "The ID number may not be written on the command line (it would stay in the process "
        "list and shell history); nothing was saved. Use --id-number - and pipe it in on "
        "standard input, or leave --id-number out and type it at the prompt (not shown)"),
    "invalid.id_number.missing": (
        "没有收到身份证号：请用 --id-number - 从标准输入传入，或在终端中按提示输入",
        "No ID number was given: pipe it in on standard input with --id-number -, or type it "
        "at the prompt on a terminal"),
})


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="make a new ledger a station's (or a supervisor's)")
    p.add_argument("--code", required=True, help="station code, e.g. MZL01")
    p.add_argument("--name", required=True, help="station name")
    p.add_argument("--league", default="", help="league/city federation (盟市总工会)")
    p.add_argument("--supervisor", action="store_true", help="a supervisor's consolidated ledger")
    p.set_defaults(handler=cmd_init)

    member = sub.add_parser("member",
                            help="members: add, find, show, update, verify, withdraw, rejoin")
    msub = member.add_subparsers(dest="member_command", metavar="ACTION")
    msub.required = True
    p = msub.add_parser("add", help="sign up a new member (入会)")
    p.add_argument("--name", required=True)
    p.add_argument("--id-number", metavar=FROM_STDIN, help=ID_NUMBER_HELP)
    p.add_argument("--phone", required=True)
    p.add_argument("--worker-type", required=True,
                   help="one of: " + ", ".join(w.code for w in worker_types.WORKER_TYPES))
    p.add_argument("--employer", default="", help="platform or employer")
    p.set_defaults(handler=cmd_member_add, permission=COUNTER)
    p = msub.add_parser("find", help="search by number, name, pinyin, phone tail or ID tail")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(handler=cmd_member_find, permission=COUNTER)
    p = msub.add_parser("show", help="one member's details")
    p.add_argument("member_no")
    p.set_defaults(handler=cmd_member_show, permission=COUNTER)
    p = msub.add_parser("update", help="edit a member's profile (a new entry; history stays)")
    p.add_argument("member_no")
    p.add_argument("--name")
    p.add_argument("--phone")
    p.add_argument("--worker-type")
    p.add_argument("--employer")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_member_update, permission=COUNTER)
    p = msub.add_parser("verify", help="mark real-name verification done (实名认证)")
    p.add_argument("member_no")
    p.set_defaults(handler=cmd_member_verify, permission=COUNTER)
    p = msub.add_parser("withdraw", help="a member leaves the union")
    p.add_argument("member_no")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_member_withdraw, permission=COUNTER)
    # ``member rejoin`` beside ``member withdraw``; ``rejoin`` alone is the same command.
    for parent, name in ((msub, "rejoin"), (sub, "rejoin")):
        p = parent.add_parser(name, help="a member who withdrew joins again (same number and "
                                         "card, consent given again)")
        p.add_argument("member_no")
        p.add_argument("--phone", help="a new mobile number")
        p.add_argument("--worker-type", help="a new worker type")
        p.add_argument("--employer", help="a new platform or employer")
        p.set_defaults(handler=cmd_member_rejoin, permission=COUNTER)

    p = sub.add_parser("visit", help="record a visit (one person-time)")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", metavar="MEMBER_NO")
    who.add_argument("--scan", metavar="PAYLOAD", help="exactly what the scanner read")
    who.add_argument("--walk-in", metavar="WORKER_TYPE")
    p.add_argument("--service", nargs="+", action="extend", required=True, metavar="CODE")
    p.add_argument("--doc-type", help="walk-ins without a PRC ID: passport or other")
    p.add_argument("--nationality", help="ISO country code, e.g. MN, RU")
    p.set_defaults(handler=cmd_visit, permission=COUNTER)

    p = sub.add_parser("campaign", help="relief campaigns")
    csub = p.add_subparsers(dest="campaign_command", metavar="ACTION")
    csub.required = True
    c = csub.add_parser("add", help="define a campaign")
    c.add_argument("--code", required=True)
    c.add_argument("--name", required=True)
    c.add_argument("--kind", choices=["cooling", "warming", "other"], default="other")
    c.add_argument("--starts", default="")
    c.add_argument("--ends", default="")
    c.add_argument("--repeat-allowed", action="store_true",
                   help="a person may receive more than once without an override")
    c.set_defaults(handler=cmd_campaign_add, permission=COUNTER)
    c = csub.add_parser("list", help="list campaigns")
    c.set_defaults(handler=cmd_campaign_list)

    p = sub.add_parser("relief", help="hand out relief money or goods (慰问)")
    p.add_argument("--campaign", required=True)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", metavar="MEMBER_NO")
    who.add_argument("--walk-in", metavar="WORKER_TYPE")
    p.add_argument("--money-fen", type=int, default=0, help="money in fen (1 yuan = 100 fen)")
    p.add_argument("--goods", action="append", default=[], metavar="ITEM:QTY")
    p.add_argument("--override-reason", help="give again in a one-per-person campaign")
    p.set_defaults(handler=cmd_relief, permission=COUNTER)

    p = sub.add_parser("enrol", help="enrol a member in a programme")
    p.add_argument("--member", required=True, metavar="MEMBER_NO")
    p.add_argument("--programme", required=True)
    p.add_argument("--child-name")
    p.add_argument("--child-age", type=int)
    p.set_defaults(handler=cmd_enrol, permission=COUNTER)

    p = sub.add_parser("transfer", help="membership transfer (会籍转接)")
    tsub = p.add_subparsers(dest="transfer_command", metavar="DIRECTION")
    tsub.required = True
    t = tsub.add_parser("out", help="a member leaves for another union")
    t.add_argument("member_no")
    t.add_argument("--to", required=True, dest="other_union")
    t.add_argument("--reason", default="")
    t.set_defaults(handler=cmd_transfer_out, permission=COUNTER)
    t = tsub.add_parser("in", help="a member arrives from another union")
    t.add_argument("--from", required=True, dest="other_union")
    t.add_argument("--name", required=True)
    t.add_argument("--id-number", metavar=FROM_STDIN, help=ID_NUMBER_HELP)
    t.add_argument("--phone", required=True)
    t.add_argument("--worker-type", required=True)
    t.add_argument("--employer", default="")
    t.set_defaults(handler=cmd_transfer_in, permission=COUNTER)

    p = sub.add_parser("void", help="void an entry (it stays visible, struck through)")
    p.add_argument("entry_id")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_void, permission=COUNTER)

    p = sub.add_parser("correct", help="correct a visit's services or worker type")
    p.add_argument("entry_id")
    p.add_argument("--service", nargs="+", action="extend", metavar="CODE")
    p.add_argument("--worker-type")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_correct, permission=COUNTER)

    p = sub.add_parser("duplicates", help="people who are an active member under two numbers"
                                          " (signed up at two stations before either knew)")
    p.set_defaults(handler=cmd_duplicates, permission=SYNC_PAGE)

    p = sub.add_parser("log", help="the newest entries")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(handler=cmd_log, permission=COUNTER)

    p = sub.add_parser("services", help="the service catalogue with codes")
    p.add_argument("--all", action="store_true", help="include retired services")
    p.set_defaults(handler=cmd_services)

    p = sub.add_parser("demo", help="create a realistic demo station ledger")
    p.add_argument("--members", type=int, default=300)
    p.add_argument("--days", type=int, default=120)
    p.add_argument("--no-accounts", action="store_true",
                   help="leave the ledger without sign-in accounts (first run asks for an admin)")
    p.add_argument("--supervisor-db", type=Path, metavar="PATH",
                   help="also make a demo supervisor's ledger there (a new file), with the "
                        "demo station enrolled and trusting it, so bundles can go both ways")
    p.set_defaults(handler=cmd_demo)


# ---- formatting ----
def local_time(iso_text: str) -> str:
    """Stored ISO 8601 with offset -> local wall-clock time for the screen."""
    return clock.parse_iso(iso_text).astimezone().strftime("%Y-%m-%d %H:%M")


def summary(ctx: Context, entry: Entry) -> str:
    body = entry.body
    kind = entry.kind
    if kind == "visit":
        who = body.get("member_no") or (
            ctx.t("散客", "walk-in") + " " + worker_types.label(body["worker_type"], ctx.lang))
        return f"{who}: {', '.join(body.get('services', []))}"
    if kind in ("member.signup", "transfer.in"):
        return f"{body['member_no']} {body['name']}"
    if kind == "relief":
        goods = ", ".join(f"{g['item']}×{g['qty']}" for g in body.get("goods", []))
        money = f"¥{validate.format_fen(int(body.get('money_fen', 0)))}"
        return f"{body['campaign']} {body.get('member_no') or ''} {money} {goods}".strip()
    if kind in ("void", "correct"):
        return f"-> {entry.target} ({body.get('reason', '')})"
    return ", ".join(f"{k}={v}" for k, v in sorted(body.items()) if not isinstance(v, dict))


def print_entry(ctx: Context, entry: Entry) -> None:
    if ctx.json:
        ctx.emit(entry.to_json())
    else:
        ctx.print(entry.id)


# ---- handlers ----
def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    from ..domain import member_no as member_no_rules

    # Check what can be checked before a file or key folder is created.
    member_no_rules.validate_station_code(args.code)
    validate.text("station_name", args.name, max_len=40)
    ledger = ctx.ledger(create=True)
    station.init_station(ledger, code=args.code, name=args.name, league=args.league,
                         supervisor=args.supervisor, by=ctx.actor)
    info = {"code": ledger.station_code, "name": ledger.station_name,
            "kind": ledger.station_kind, "db": ledger.path,
            "fingerprint": ledger.keys.fingerprint}
    if ctx.json:
        ctx.emit(info)
    else:
        if info["kind"] == "supervisor":
            ctx.print(ctx.t(f"已创建上级台账 {info['code']} {info['name']}：{info['db']}",
                            f"Created the supervisor's ledger for {info['code']} "
                            f"{info['name']}: {info['db']}"))
        else:
            ctx.print(ctx.t(f"已创建驿站台账 {info['code']} {info['name']}：{info['db']}",
                            f"Created ledger for {info['code']} {info['name']}: {info['db']}"))
        ctx.print(ctx.t("公钥指纹：", "Key fingerprint: ") + info["fingerprint"])
    return 0


def refuse_literal_id_number(args: argparse.Namespace) -> None:
    """Refuse ``--id-number 1507...``: by now it is in ``ps`` and the shell history already,
    but at least nothing is written and the user learns the safe form. The value is not kept in
    the error (nor printed, logged or audited)."""
    value = getattr(args, "id_number", None)
    if value is not None and value != FROM_STDIN:
        raise InvalidInput("id_number", "on_command_line")


def read_id_number(ctx: Context, args: argparse.Namespace) -> str:
    """The ID number from a hidden prompt on a terminal, else the first line of standard input.

    ``--id-number -`` and a missing ``--id-number`` are the same: never a literal argument, so
    the number stays out of the process list and the shell history.
    """
    refuse_literal_id_number(args)
    stream = sys.stdin
    text: str | None = None
    if stream is not None and stream.isatty():
        try:
            text = getpass.getpass(ctx.t("身份证号（输入时不显示）：",
                                         "ID number (not shown as you type): "))
        except (EOFError, KeyboardInterrupt):
            text = None
    elif stream is not None:
        if getattr(args, "id_number", None) is None:
            # Some Windows terminals are not seen as one: say what the silence is waiting for.
            print(ctx.t("从标准输入读取身份证号……", "Reading the ID number from standard input…"),
                  file=sys.stderr)
        text = stream.readline()
    if text is None or not text.strip():
        raise InvalidInput("id_number", "missing")
    return text.strip()


def _signup_form(ctx: Context, args: argparse.Namespace) -> members.SignUp:
    return members.SignUp(name=args.name, id_number=read_id_number(ctx, args), phone=args.phone,
                          worker_type=args.worker_type, employer=args.employer)


def _print_member(ctx: Context, member: queries.Member) -> None:
    if ctx.json:
        ctx.emit(member.to_json())
    else:
        ctx.print(member.member_no)


def cmd_member_add(ctx: Context, args: argparse.Namespace) -> int:
    refuse_literal_id_number(args)  # before the ledger is even opened
    ledger = ctx.ledger()
    member = members.sign_up_member(ledger, _signup_form(ctx, args), by=ctx.actor)
    _print_member(ctx, member)
    return 0


def cmd_member_find(ctx: Context, args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= MAX_LIMIT:
        raise InvalidInput("limit", "format")
    found = queries.search_members(ctx.ledger(), args.query, limit=args.limit)
    if ctx.json:
        ctx.emit([m.to_json() for m in found])
        return 0
    for m in found:
        ctx.print(f"{m.member_no}\t{m.name}\t{m.phone_masked}\t{m.id_masked}\t"
                  f"{worker_types.label(m.worker_type, ctx.lang)}\t"
                  f"{statuses.label(m.status, ctx.lang)}")
    if not found:
        ctx.print(ctx.t("没有找到匹配的会员", "No matching member"))
    return 0


def cmd_member_show(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger()
    result = checkin.resolve(ledger, args.member_no)
    member = queries.get_member(ledger, result.member_no)
    today = clock.today()
    info = member.to_json()
    info["visits_today"] = queries.visits_count(ledger, member.member_no, today.isoformat(),
                                                today.isoformat())
    info["visits_this_month"] = queries.visits_count(
        ledger, member.member_no, today.replace(day=1).isoformat(), today.isoformat())
    info["programmes"] = queries.member_enrolments(ledger, member.member_no)
    if ctx.json:
        ctx.emit(info)
        return 0
    labels = {"member_no": ("会员号", "Member no."), "name": ("姓名", "Name"),
              "id_masked": ("身份证号", "ID number"), "phone": ("手机号", "Mobile"),
              "worker_type": ("职业类别", "Worker type"), "employer": ("平台/单位", "Employer"),
              "home_station": ("所属驿站", "Home station"), "status": ("状态", "Status"),
              "verified": ("实名认证", "Verification"), "joined_at": ("入会时间", "Joined"),
              "card_serial": ("会员证序号", "Card serial"),
              "visits_today": ("今日到站", "Visits today"),
              "visits_this_month": ("本月到站", "Visits this month"),
              "programmes": ("参加项目", "Programmes")}
    for key, (zh, en) in labels.items():
        value = info[key]
        if key == "worker_type":
            value = worker_types.label(str(value), ctx.lang)
        elif key in ("status", "verified"):
            value = statuses.label(str(value), ctx.lang)
        elif key == "joined_at":
            value = local_time(str(value))
        elif isinstance(value, list):
            value = ", ".join(value) or "-"
        ctx.print(f"{ctx.t(zh, en)}: {value}")
    return 0


def cmd_member_update(ctx: Context, args: argparse.Namespace) -> int:
    entry = members.update_member(ctx.ledger(), args.member_no, by=ctx.actor, reason=args.reason,
                                  name=args.name, mobile=args.phone,
                                  worker_type=args.worker_type, employer=args.employer)
    print_entry(ctx, entry)
    return 0


def cmd_member_verify(ctx: Context, args: argparse.Namespace) -> int:
    print_entry(ctx, members.verify_member(ctx.ledger(), args.member_no, by=ctx.actor))
    return 0


def cmd_member_withdraw(ctx: Context, args: argparse.Namespace) -> int:
    print_entry(ctx, members.withdraw_member(ctx.ledger(), args.member_no, args.reason,
                                             by=ctx.actor))
    return 0


def cmd_member_rejoin(ctx: Context, args: argparse.Namespace) -> int:
    print_entry(ctx, members.rejoin_member(ctx.ledger(), args.member_no, by=ctx.actor,
                                           mobile=args.phone, worker_type=args.worker_type,
                                           employer=args.employer))
    return 0


def cmd_visit(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger()
    if args.walk_in is not None:
        entry = visits.record_visit(ledger, args.service, by=ctx.actor, walk_in=visits.WalkIn(
            args.walk_in, args.doc_type, args.nationality))
    else:
        result = checkin.resolve(ledger, args.scan if args.scan is not None else args.member)
        if args.scan is not None and not result.scanned:
            raise InvalidInput("scan", "not_a_card")
        if not result.can_serve:
            raise Refused(f"scan.{result.status}", member_no=result.member_no)
        entry = visits.record_visit(ledger, args.service, by=ctx.actor, member=result.member_no,
                                    card_serial=result.card_serial)
    print_entry(ctx, entry)
    return 0


def cmd_campaign_add(ctx: Context, args: argparse.Namespace) -> int:
    entry = relief.define_campaign(ctx.ledger(), code=args.code, name=args.name, kind=args.kind,
                                   starts=args.starts, ends=args.ends,
                                   one_per_person=not args.repeat_allowed, by=ctx.actor)
    print_entry(ctx, entry)
    return 0


def cmd_campaign_list(ctx: Context, args: argparse.Namespace) -> int:
    found = queries.campaigns(ctx.ledger())
    if ctx.json:
        ctx.emit([c.__dict__ for c in found])
    for c in found if not ctx.json else []:
        ctx.print(f"{c.code}\t{c.name}\t{c.kind}\t{c.starts}\t{c.ends}")
    return 0


def cmd_relief(ctx: Context, args: argparse.Namespace) -> int:
    goods = [relief.parse_goods(g) for g in args.goods]
    entry = relief.give_relief(ctx.ledger(), campaign=args.campaign, by=ctx.actor,
                               member=args.member, walk_in_type=args.walk_in,
                               money_fen=args.money_fen, goods=goods,
                               override_reason=args.override_reason)
    print_entry(ctx, entry)
    return 0


def cmd_enrol(ctx: Context, args: argparse.Namespace) -> int:
    entry = programmes.enrol(ctx.ledger(), member=args.member, programme=args.programme,
                             by=ctx.actor, child_name=args.child_name, child_age=args.child_age)
    print_entry(ctx, entry)
    return 0


def cmd_transfer_out(ctx: Context, args: argparse.Namespace) -> int:
    print_entry(ctx, members.transfer_out(ctx.ledger(), args.member_no, args.other_union,
                                          args.reason, by=ctx.actor))
    return 0


def cmd_transfer_in(ctx: Context, args: argparse.Namespace) -> int:
    refuse_literal_id_number(args)  # before the ledger is even opened
    ledger = ctx.ledger()
    member = members.transfer_in(ledger, _signup_form(ctx, args), args.other_union,
                                 by=ctx.actor)
    _print_member(ctx, member)
    return 0


def cmd_void(ctx: Context, args: argparse.Namespace) -> int:
    print_entry(ctx, corrections.void_entry(ctx.ledger(), args.entry_id, args.reason,
                                            by=ctx.actor))
    return 0


def cmd_correct(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger()
    changes: dict[str, Any] = {}
    if args.service:
        changes["services"] = visits.check_services(ledger, args.service)
    if args.worker_type:
        changes["worker_type"] = worker_types.worker_type(args.worker_type)
    if not changes:
        raise InvalidInput("service", "empty")
    print_entry(ctx, corrections.correct_entry(ledger, args.entry_id, changes, args.reason,
                                               by=ctx.actor))
    return 0


def cmd_duplicates(ctx: Context, args: argparse.Namespace) -> int:
    """The same person signed up at two stations (SYNC.md: found by the keyed ID hash and
    resolved by the supervisor, never merged): each group with what to do about it."""
    ledger = ctx.ledger()
    groups = queries.same_person_twice(ledger)
    if ctx.json:
        ctx.emit([{"keep": g[0].member_no, "members": [m.to_json() for m in g]} for g in groups])
        return 0
    if not groups:
        ctx.print(ctx.t("没有人以两个会员号同时在会",
                        "Nobody is an active member under two numbers"))
        return 0
    names = reports.station_names(ledger)
    for group in groups:
        first, later = group[0], group[1:]
        ctx.print(ctx.t(f"{first.name}（{first.id_masked}）以 {len(group)} 个会员号在会：",
                        f"{first.name} ({first.id_masked}) is a member under {len(group)} "
                        "numbers:"))
        for m in group:
            keep = ctx.t("  （最早登记）", "  (signed up first)") if m is first else ""
            ctx.print(f"  {m.member_no}  {names.get(m.home_station, m.home_station)}  "
                      f"{m.joined_at[:10]}{keep}")
        numbers = ", ".join(m.member_no for m in later)
        ctx.print(ctx.t(f"  建议：由登记在后的驿站为 {numbers} 办理退会，原因写“重复登记，保留 "
                        f"{first.member_no}”；之后的数据包到达后，此条自动消失。",
                        f"  Suggested: the station(s) that signed up later withdraw {numbers} "
                        f"with the reason \"signed up twice, kept {first.member_no}\"; this "
                        "line goes once their bundles arrive."))
    return 0


def cmd_log(ctx: Context, args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= MAX_LIMIT:
        raise InvalidInput("limit", "format")
    ledger = ctx.ledger()
    found = ledger.recent_entries(args.limit)
    voided = {r[0] for r in ledger.conn.execute("SELECT target FROM voids")} if found else set()
    if ctx.json:
        ctx.emit([{**e.to_json(), "voided": e.id in voided} for e in found])
        return 0
    for e in found:
        mark = ctx.t(" [已作废]", " [void]") if e.id in voided else ""
        ctx.print(f"{e.station}/{e.epoch}/{e.seq}\t{local_time(e.recorded_at)}\t{e.kind}\t"
                  f"{summary(ctx, e)}\t{e.recorded_by}\t{e.id}{mark}")
    return 0


def cmd_services(ctx: Context, args: argparse.Namespace) -> int:
    rows = queries.services(ctx.ledger(), active_only=not args.all)
    if ctx.json:
        ctx.emit([{"code": s.code, "name_zh": s.name_zh, "name_en": s.name_en,
                   "active": s.active} for s in rows])
        return 0
    for s in rows:
        retired = "" if s.active else ctx.t("（已停用）", " (retired)")
        ctx.print(f"{s.code}\t{s.text(ctx.lang)}{retired}")
    return 0


def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    from ..services import demo

    ledger = ctx.ledger(create=True)
    if ledger.initialised:
        # Demo data in a real station's append-only log could never be taken out again.
        raise Refused("demo_needs_new_ledger", path=ledger.path)
    if not 0 <= args.members <= 5_000 or not 1 <= args.days <= 3_650:
        raise InvalidInput("limit", "format")
    if args.supervisor_db is not None and args.supervisor_db.exists():
        # Checked first: nothing is written when the command is refused.
        raise Refused("demo_needs_new_ledger", path=str(args.supervisor_db))
    stats = demo.build_demo(ledger, members=args.members, days=args.days)
    if args.supervisor_db is not None:
        stats["supervisor"] = demo.link_demo_supervisor(ledger, args.supervisor_db)
        stats["supervisor_db"] = str(args.supervisor_db)
    if not args.no_accounts:
        stats["accounts"] = demo.add_demo_accounts(ledger)
    if ctx.json:
        ctx.emit(stats)
    else:
        ctx.print(ctx.t(f"演示台账已就绪：{ledger.path}（会员 {stats['members']} 人，"
                        f"到站 {stats['visits']} 人次）",
                        f"Demo ledger ready: {ledger.path} ("
                        f"{counted(stats['members'], 'member', 'members')}, "
                        f"{counted(stats['visits'], 'visit', 'visits')})"))
        if args.supervisor_db is not None:
            ctx.print(ctx.t(f"演示上级台账（呼伦贝尔市总工会 HLB00，已登记本驿站并被信任）："
                            f"{args.supervisor_db}",
                            f"Demo supervisor's ledger (HLB00, the station enrolled there and "
                            f"trusting it): {args.supervisor_db}"))
        for username, pin, role, display in demo.DEMO_ACCOUNTS:
            if username in stats.get("accounts", []):
                ctx.print(ctx.t(f"  演示账户 {display}：用户名 {username}，PIN {pin}",
                                f"  demo account {display} ({role}): user {username}, PIN {pin}"))
    return 0
