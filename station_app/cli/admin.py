"""Commands for attendants, the audit log, backups, restore, integrity and retention.

Commands that need a role take ``--as USER`` and the PIN from ``STATION_LEDGER_PIN`` or the
first line of standard input; ``pin`` lets the ``--as`` attendant change their own PIN. A
ledger with no attendants yet (before the first-run setup) is in open mode: everything is allowed
to the operating-system user (docs/SECURITY.md).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from ..domain import clock, messages
from ..domain.errors import InvalidInput, Refused
from ..services import audit, auth, backup, privacy, station
from . import Context, counted, out_path

PIN_ENV = "STATION_LEDGER_PIN"

messages.register({
    "first_must_be_admin": ("第一个账户必须是管理员（--role admin）",
                            "The first account must be the admin (--role admin)"),
    "passphrase_missing": ("请在环境变量 {env} 中提供备份密码", "Put the backup passphrase in the "
                           "environment variable {env}"),
})

def _stdin_line(prompt: str) -> str | None:
    """The next line of standard input, or a hidden prompt on a terminal."""
    stream = sys.stdin
    if stream is None:
        return None
    if stream.isatty():
        try:
            return getpass.getpass(prompt)
        except (EOFError, KeyboardInterrupt):
            return None
    line = stream.readline()
    if not line:
        return None
    return line.rstrip("\r\n")


def read_pin(ctx: Context) -> str | None:
    """The signing-in attendant's PIN: ``STATION_LEDGER_PIN`` or standard input (read once)."""
    cached: str | None = getattr(ctx, "_signin_pin", None)
    if cached is None:
        value = os.environ.get(PIN_ENV)
        if value is None:
            value = _stdin_line(ctx.t("密码/PIN：", "PIN: "))
        cached = value if value is not None else ""
        setattr(ctx, "_signin_pin", cached)  # noqa: B010 - Context has no slot for it
    return cached or None


def signed_in(ctx: Context, permission: str | tuple[str, ...]) -> auth.Attendant | None:
    """Sign in ``--as USER`` and check one permission; returns the attendant.

    Other command modules (export, roster) call this before doing anything and hand the result
    to the service function, which checks the permission again (``attendant=``). Open mode (no
    attendants yet) returns None without asking for a PIN; ``ctx.actor`` is then the OS user.
    A tuple of permissions is satisfied by any one of them (a page the GUI shows to either).
    """
    ledger = ctx.ledger()
    if not auth.has_attendants(ledger):
        return None
    options = (permission,) if isinstance(permission, str) else tuple(permission)
    account = auth.get_attendant(ledger, ctx.actor)
    # The role decides which permission to check; the check itself re-reads it after the PIN.
    wanted = next((p for p in options if account is not None and account.can(p)), options[0])
    attendant = auth.sign_in_for(ledger, ctx.actor, read_pin(ctx), wanted, via="cli")
    if attendant is not None:
        ctx.actor = attendant.username
    return attendant


def register(sub: Any) -> None:
    p = sub.add_parser("attendant", help="attendant accounts: add, list, disable, enable, unlock")
    asub = p.add_subparsers(dest="attendant_command", metavar="ACTION")
    asub.required = True
    a = asub.add_parser("add", help="create an account (the first one must be --role admin)")
    a.add_argument("username")
    a.add_argument("--role", choices=auth.ROLES, default="attendant")
    a.add_argument("--name", default="", help="display name")
    a.add_argument("--pin-stdin", action="store_true",
                   help="read the new PIN from standard input (after your own PIN if asked)")
    a.set_defaults(handler=cmd_attendant_add)
    a = asub.add_parser("list", help="list accounts")
    a.set_defaults(handler=cmd_attendant_list)
    for name, helptext in (("disable", "disable an account"), ("enable", "enable it again"),
                           ("unlock", "clear a lock-out after failed sign-ins")):
        a = asub.add_parser(name, help=helptext)
        a.add_argument("username")
        a.set_defaults(handler=cmd_attendant_state, state=name)
    a = asub.add_parser("set-pin", help="give an account a new PIN (read from standard input)")
    a.add_argument("username")
    a.set_defaults(handler=cmd_attendant_set_pin)

    p = sub.add_parser("pin", help="change your own PIN (--as USER; asks for the current PIN "
                                   "and the new one twice, never on the command line)")
    p.set_defaults(handler=cmd_pin)

    p = sub.add_parser("audit", help="print the audit log (newest first)")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--action", help="only this action, e.g. reveal, backup, sign_in")
    p.add_argument("--who", dest="person", metavar="USER",
                   help="only what this person did (user name, as in the log)")
    p.set_defaults(handler=cmd_audit)

    p = sub.add_parser("backup", help="back up the ledger and its keys to one file")
    p.add_argument("--out",
                   help="backup file, or a folder (an existing one, or a name ending in /, or "
                        "\\ on Windows; made if need be) for CODE-backup-TIME.zip (default: "
                        "the ledger's backup folder)")
    p.add_argument("--encrypt", action="store_true",
                   help=f"encrypt the keys with the passphrase in ${backup.PASSPHRASE_ENV}")
    p.add_argument("--list", action="store_true", help="list the automatic backups")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="replace the ledger with a backup (starts a new epoch)")
    p.add_argument("file", type=Path)
    p.add_argument("--other-station", action="store_true",
                   help="the backup is of another station: this PC becomes that station")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("check", help="check the ledger file for damage (PRAGMA quick_check)")
    p.add_argument("--full", action="store_true", help="the slower PRAGMA integrity_check")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("rebuild", help="recompute the read models from the entry log "
                                       "(after an upgrade that computes them differently)")
    p.set_defaults(handler=cmd_rebuild)

    p = sub.add_parser("retention", help="anonymise members N years after they left")
    p.add_argument("--years", type=int, help="set the retention period (0 = keep)")
    p.add_argument("--apply", action="store_true", help="anonymise everyone now due")
    p.set_defaults(handler=cmd_retention)


# ---- attendants ----
def _new_pin(ctx: Context, args: argparse.Namespace) -> str:
    if os.environ.get(PIN_ENV) is None and auth.has_attendants(ctx.ledger()):
        read_pin(ctx)  # the caller's own PIN comes first on standard input
    value = _stdin_line(ctx.t("新账户的密码/PIN：", "New PIN: "))
    if value is None:
        raise InvalidInput("pin", "required")
    if sys.stdin is not None and sys.stdin.isatty():
        again = _stdin_line(ctx.t("再输入一次：", "Again: "))
        if again != value:
            raise InvalidInput("pin", "mismatch")
    return value


def cmd_attendant_add(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger()
    first = not auth.has_attendants(ledger)
    if first and args.role != "admin":
        raise Refused("first_must_be_admin")
    who = signed_in(ctx, "attendants")
    secret = _new_pin(ctx, args)
    if first:
        found = auth.setup_admin(ledger, args.username, secret, args.name)
    else:
        found = auth.create_attendant(ledger, args.username, secret, role=args.role,
                                      display_name=args.name, by=ctx.actor, attendant=who)
    if ctx.json:
        ctx.emit(found.to_json())
    else:
        zh, en = auth.ROLE_WORDS.get(found.role, (found.role, found.role))
        ctx.print(ctx.t(f"已创建账户 {found.username}（{zh}）",
                        f"Created account {found.username} ({en})"))
    return 0


def cmd_attendant_list(ctx: Context, args: argparse.Namespace) -> int:
    people = auth.list_attendants(ctx.ledger())
    if ctx.json:
        ctx.emit([p.to_json() for p in people])
        return 0
    if not people:
        ctx.print(ctx.t("还没有账户（开放模式：任何系统用户都可操作）",
                        "No accounts yet (open mode: every OS user may do everything)"))
    for p in people:
        state = ctx.t("停用", "disabled") if p.disabled else (
            ctx.t("锁定", "locked") if auth.seconds_locked(p) else ctx.t("正常", "active"))
        ctx.print(f"{p.username}\t{p.display_name}\t{p.role}\t{state}")
    return 0


def cmd_attendant_state(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger()
    who = signed_in(ctx, "attendants")
    if args.state == "unlock":
        auth.unlock(ledger, args.username, by=ctx.actor, attendant=who)
    else:
        auth.set_disabled(ledger, args.username, args.state == "disable", by=ctx.actor,
                          attendant=who)
    ctx.print(ctx.t("完成", "Done"))
    return 0


def cmd_attendant_set_pin(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger()
    who = signed_in(ctx, "attendants")
    auth.set_secret(ledger, args.username, _new_pin(ctx, args), by=ctx.actor, attendant=who)
    ctx.print(ctx.t("密码已更新", "PIN changed"))
    return 0


def cmd_pin(ctx: Context, args: argparse.Namespace) -> int:
    """Self-service: the ``--as`` attendant replaces their own PIN (no admin needed).

    The current PIN comes from ``STATION_LEDGER_PIN`` or the first line of standard input, the
    new one from the next two lines (hidden prompts on a terminal): never from an argument.
    """
    ledger = ctx.ledger()
    if not auth.has_attendants(ledger):
        raise Refused("pin_change.no_accounts")
    current = os.environ.get(PIN_ENV)
    if current is None:
        current = _stdin_line(ctx.t("当前密码/PIN：", "Current PIN: "))
    if not current:
        raise InvalidInput("current_pin", "required")
    new = _stdin_line(ctx.t("新密码/PIN：", "New PIN: "))
    if not new:
        raise InvalidInput("new_pin", "required")
    again = _stdin_line(ctx.t("再输入一次新密码/PIN：", "New PIN again: "))
    found = auth.change_own_secret(ledger, ctx.actor, current, new, repeat=again or "",
                                   via="cli")
    if ctx.json:
        ctx.emit({"username": found.username, "changed": True})
    else:
        ctx.print(ctx.t(f"{found.username} 的密码/PIN 已更改，下次请用新密码登录",
                        f"The PIN of {found.username} was changed; sign in with the new one "
                        "from now on"))
    return 0


# ---- audit ----
def cmd_audit(ctx: Context, args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise InvalidInput("limit", "format")
    ledger = ctx.ledger()
    who = signed_in(ctx, "audit")
    found = audit.rows(ledger, args.limit, action=args.action, actor=args.person,
                       attendant=who, by=ctx.actor)
    if ctx.json:
        ctx.emit([r.to_json() for r in found])
        return 0
    for r in found:
        detail = ", ".join(f"{k}={v}" for k, v in sorted(r.detail.items()))
        when = clock.parse_iso(r.at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        # A refusal's subject is the permission that was missing: said in words (--json and
        # the log keep the code).
        subject = (auth.words(auth.PERMISSION_WORDS, r.subject, ctx.lang)
                   if r.action == audit.DENIED else r.subject)
        ctx.print(f"{r.id}\t{when}\t{r.actor}\t{r.action}\t{subject}\t{r.outcome}\t{detail}")
    if not found and args.person:
        ctx.print(ctx.t(f"没有 {args.person} 的记录", f"No entries by {args.person}"))
    elif not found and args.action:
        actions = ", ".join(r[0] for r in ledger.conn.execute(
            "SELECT DISTINCT action FROM audit_log ORDER BY action"))
        ctx.print(ctx.t(f"没有“{args.action}”的记录。日志中的操作：{actions}",
                        f"No entries for “{args.action}”. Actions in the log: {actions}"))
    elif not found:
        ctx.print(ctx.t("审计日志为空", "The audit log is empty"))
    return 0


# ---- backups ----
def _passphrase(required: bool) -> str | None:
    value = os.environ.get(backup.PASSPHRASE_ENV) or None
    if required and not value:
        raise Refused("passphrase_missing", env=backup.PASSPHRASE_ENV)
    return value


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger()
    if args.list:
        found = backup.list_backups(ledger.path)
        if ctx.json:
            ctx.emit([b.to_json() for b in found])
        for b in [] if ctx.json else found:
            ctx.print(f"{b.created_at}\t{b.kind}\t{b.size}\t{b.path}")
        return 0
    who = signed_in(ctx, "backup")
    by = ctx.actor
    if args.out is None:
        info = backup.auto_backup(ledger, "manual", by=by, attendant=who)
        assert info is not None
    else:
        info = backup.write_backup(ledger, out_path(args.out), passphrase=_passphrase(args.encrypt),
                                   kind="manual", by=by, attendant=who)
    if ctx.json:
        ctx.emit(info.to_json())
    else:
        ctx.print(ctx.t(f"备份已写入 {info.path}", f"Backup written to {info.path}"))
        if info.keys == "plain":
            ctx.print(ctx.t("注意：此备份含未加密的密钥，请妥善保管（--encrypt 可加密）",
                            "Note: this backup holds the keys unencrypted; keep it safe "
                            "(--encrypt protects them)"))
    return 0


def cmd_restore(ctx: Context, args: argparse.Namespace) -> int:
    target = Path(ctx.db or station.default_ledger_path())
    by = ctx.actor
    who = None
    if target.exists() and not backup.check_file(target):
        who = signed_in(ctx, "restore")
        by = ctx.actor
        ctx.close()
    ledger = backup.restore(args.file, target, passphrase=_passphrase(False), by=by,
                            attendant=who, other_station=args.other_station)
    try:
        if ctx.json:
            ctx.emit({"restored": str(target), "epoch": ledger.epoch,
                      "station": ledger.setting("station.code")})
        else:
            ctx.print(ctx.t(f"已从备份恢复 {target}，新纪元 {ledger.epoch}",
                            f"Restored {target} from the backup; new epoch {ledger.epoch}"))
    finally:
        ledger.close()
    return 0


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    target = Path(ctx.db or station.default_ledger_path())
    problems = backup.check_file(target, full=args.full) if target.exists() else ["missing"]
    good = backup.latest_good_backup(target) if problems else None
    if ctx.json:
        ctx.emit({"ok": not problems, "problems": problems,
                  "latest_good_backup": str(good.path) if good else None})
    elif not problems:
        ctx.print(ctx.t("台账完好", "The ledger is healthy"))
    else:
        ctx.print(ctx.t("台账已损坏：", "The ledger is damaged: ") + "; ".join(problems[:3]))
        ctx.print(ctx.t("最近的完好备份：", "Latest good backup: ") + (str(good.path) if good
                                                                    else "-"))
        if good:
            ctx.print(ctx.t(f"恢复：station-ledger --db {target} restore {good.path}",
                            f"To restore: station-ledger --db {target} restore {good.path}"))
    return 0 if not problems else 4


def cmd_rebuild(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger()
    who = signed_in(ctx, "settings")
    counts = station.rebuild_read_models(ledger, by=ctx.actor, attendant=who)
    if ctx.json:
        ctx.emit(counts)
    else:
        ctx.print(ctx.t(f"已从台账记录重建：会员 {counts['members']}，服务 {counts['visits']}，"
                        f"慰问 {counts['relief']}，项目报名 {counts['enrolments']}",
                        "Rebuilt from the entry log: "
                        f"{counted(counts['members'], 'member', 'members')}, "
                        f"{counted(counts['visits'], 'visit', 'visits')}, "
                        f"{counted(counts['relief'], 'relief handout', 'relief handouts')}, "
                        f"{counted(counts['enrolments'], 'enrolment', 'enrolments')}"))
    return 0


def cmd_retention(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger()
    if args.years is None and not args.apply:
        ctx.print(str(privacy.retention_years(ledger)))
        return 0
    who = signed_in(ctx, "settings")
    by = ctx.actor
    if args.years is not None:
        privacy.set_retention_years(ledger, args.years, by=by, attendant=who)
    done = privacy.apply_retention(ledger, by=by, attendant=who) if args.apply else []
    if ctx.json:
        ctx.emit({"years": privacy.retention_years(ledger), "anonymised": done})
    else:
        ctx.print(ctx.t(f"保留期 {privacy.retention_years(ledger)} 年；本次匿名化 {len(done)} 人",
                        f"Retention {privacy.retention_years(ledger)} years; "
                        f"{len(done)} anonymised now"))
    return 0


# ---- member reveal (registered under ``member`` by cli/privacy.py) ----
def cmd_member_reveal(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger()
    attendant = None
    if auth.has_attendants(ledger):
        pin = read_pin(ctx)
        if pin is None:
            auth.require(ledger, None, "reveal", actor=ctx.actor)
        attendant = auth.authenticate(ledger, ctx.actor, pin or "", via="cli")
    full = privacy.reveal(ledger, args.member_no, args.reason, attendant=attendant,
                          actor=ctx.actor)
    if ctx.json:
        ctx.emit({"member_no": args.member_no.upper(), "id_number": full})
    else:
        ctx.print(full)
    return 0
