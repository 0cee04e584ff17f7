"""Commands: ``report`` (aggregate figures to xlsx / csv / json / pdf) and ``roster``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..domain import clock
from ..domain.errors import InvalidInput
from ..reports import export, periods
from ..services import reports
from . import Context, counted


def register(sub: Any) -> None:
    p = sub.add_parser("report", help="statistics for a date range (人次, 人, new members, relief)",
                       description="Aggregate figures only; no personal data. Dates are the "
                                   "stations' local days, both ends included. On a ledger "
                                   "with accounts, sign in with --as USER (a role that may "
                                   "see reports).")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first day, e.g. 2026-11-01")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day (inclusive)")
    p.add_argument("--period", choices=periods.PERIODS[:-1],
                   help="instead of --from/--to: the day/week/month/quarter/year holding --date")
    p.add_argument("--date", metavar="DATE", help="with --period (default today); 2026-11 works")
    p.add_argument("--station", action="append", metavar="CODE",
                   help="only this station (repeatable); default: this station, or every "
                        "station on a supervisor's ledger")
    p.add_argument("--format", choices=export.FORMATS,
                   help="xlsx, csv, json or pdf (default: from the --out file name)")
    p.add_argument("--table", metavar="KEY", help="csv: only this table (e.g. services)")
    p.add_argument("--out", required=True, metavar="FILE", help="output file; - for stdout")
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("target", help="the yearly new-member target (入会目标) of the reports")
    p.add_argument("--year", type=int, help="default: this year")
    p.add_argument("--members", type=int, metavar="N",
                   help="set the target to N new members (0 clears it); without: show it")
    p.set_defaults(handler=cmd_target)

    p = sub.add_parser("roster", help="member roster xlsx with masked ID numbers (audited)")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.add_argument("--station", action="append", metavar="CODE",
                   help="members of this home station only (repeatable)")
    p.set_defaults(handler=cmd_roster)


def _span(args: argparse.Namespace) -> periods.DateRange:
    if args.period:
        if args.date_from or args.date_to:
            raise InvalidInput("date", "format", value="--period with --from/--to")
        anchor = periods.parse_anchor(args.date) if args.date else clock.today()
        return periods.period_range(args.period, anchor)
    if not args.date_from or not args.date_to:
        raise InvalidInput("date", "required")
    return periods.make_range(periods.parse_date(args.date_from),
                              periods.parse_date(args.date_to))


def _stations(args: argparse.Namespace) -> list[str] | None:
    if not args.station:
        return None
    return [s.strip().upper() for s in args.station if s.strip()]


def cmd_report(ctx: Context, args: argparse.Namespace) -> int:
    span = _span(args)
    to_stdout = args.out == "-"
    if to_stdout and not args.format:
        raise InvalidInput("format", "required")
    fmt = export.format_for(args.out if not to_stdout else "x." + args.format, args.format)
    ledger = ctx.ledger()
    from .admin import signed_in  # the figures are aggregate, but exporting needs ``reports``

    who = signed_in(ctx, "reports")
    data = reports.export_report(ledger, span.start, span.end, fmt,
                                 None if to_stdout else args.out, _stations(args),
                                 lang=ctx.lang, table=args.table, attendant=who,
                                 actor=ctx.actor)
    if to_stdout:
        out = ctx.out if ctx.out is not sys.stdout else sys.stdout
        buffer = getattr(out, "buffer", None)
        if buffer is not None:
            out.flush()
            buffer.write(data)
            buffer.flush()
        else:
            out.write(data.decode("utf-8-sig") if fmt in ("csv", "json") else data.hex())
        return 0
    if ctx.json:
        ctx.emit({"file": str(args.out), "format": fmt, "bytes": len(data),
                  "from": span.start.isoformat(), "to": span.end.isoformat()})
    else:
        ctx.print(ctx.t(f"已导出报表（{span.start} 至 {span.end}）：{args.out}",
                        f"Report ({span.start} to {span.end}) written to {args.out}"))
    return 0


def cmd_roster(ctx: Context, args: argparse.Namespace) -> int:
    if not str(args.out).lower().endswith(".xlsx"):
        raise InvalidInput("format", "unknown", value=str(args.out).rsplit(".", 1)[-1])
    from .admin import signed_in  # issue 8: the roster needs a role that may export

    who = signed_in(ctx, "export")
    count = reports.export_roster(ctx.ledger(), args.out, ctx.actor, stations=_stations(args),
                                  lang=ctx.lang, attendant=who)
    if ctx.json:
        ctx.emit({"file": str(args.out), "members": count})
    else:
        ctx.print(ctx.t(f"已导出会员名册（{count}人，身份证号已脱敏）：{args.out}",
                        f"Member roster ({counted(count, 'member', 'members')}, ID numbers"
                        f" masked) written to {args.out}"))
    return 0


def cmd_target(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger()
    year = args.year or clock.today().year
    if args.members is not None:
        from .admin import signed_in

        who = signed_in(ctx, "reports")
        reports.set_member_target(ledger, year, args.members, by=ctx.actor, attendant=who)
    target = reports.member_target(ledger, year)
    if ctx.json:
        ctx.emit({"year": year, "members": target})
    elif target is None:
        ctx.print(ctx.t(f"{year} 年未设置入会目标", f"No new-member target set for {year}"))
    else:
        ctx.print(ctx.t(f"{year} 年入会目标：{target:,} 人",
                        f"New-member target for {year}: {target:,}"))
    return 0
