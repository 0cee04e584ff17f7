"""``station-ledger self-service``: switch the unattended self-service mode and set it up."""

from __future__ import annotations

import argparse
from typing import Any

from ..services import self_service
from . import Context
from .admin import signed_in


def register(sub: Any) -> None:
    p = sub.add_parser("self-service",
                       help="self-service mode (自助模式) for unattended stations: on, off, status")
    p.add_argument("state", nargs="?", choices=("on", "off", "status"), default="status")
    p.add_argument("--idle-seconds", type=int, metavar="N",
                   help="forget the person after N seconds without a touch (5-600, default 30)")
    p.add_argument("--signup-note", metavar="TEXT",
                   help="where to sign up instead, shown on the welcome screen ('' removes it)")
    p.set_defaults(handler=cmd_self_service)


def _status(ctx: Context) -> dict[str, Any]:
    ledger = ctx.ledger()
    return {"enabled": self_service.is_enabled(ledger),
            "idle_seconds": self_service.idle_seconds(ledger),
            "signup_note": self_service.signup_note(ledger)}


def cmd_self_service(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger()
    changing = args.state in ("on", "off") or args.idle_seconds is not None \
        or args.signup_note is not None
    if changing:
        who = signed_in(ctx, self_service.PERMISSION)
        if args.idle_seconds is not None or args.signup_note is not None:
            self_service.configure(ledger, by=ctx.actor, attendant=who, idle=args.idle_seconds,
                                   note=args.signup_note)
        if args.state in ("on", "off"):
            self_service.set_enabled(ledger, args.state == "on", by=ctx.actor, attendant=who)
    state = _status(ctx)
    if ctx.json:
        ctx.emit(state)
    else:
        on = state["enabled"]
        ctx.print(ctx.t(
            f"自助模式：{'开启（station-app 启动即进入）' if on else '关闭'}；"
            f"无操作 {state['idle_seconds']} 秒后回到欢迎页",
            f"Self-service mode: {'on (station-app starts in it)' if on else 'off'}; "
            f"back to the welcome screen after {state['idle_seconds']} s without a touch"))
        if state["signup_note"]:
            ctx.print(ctx.t(f"入会提示：{state['signup_note']}",
                            f"Sign-up note: {state['signup_note']}"))
    return 0
