"""Sync commands: enrol-file, enrol, trust, export, import, stations, return-bundle, revoke."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..domain import messages
from ..domain.errors import LedgerError
from ..services import auth, sync_ops
from ..sync import importer
from ..sync.status import gap_sentence
from . import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Context, counted, out_path
from .core import local_time

FILE_OR_FOLDER = ("file or folder; a folder (an existing one, or a name ending in /, or \\ "
                  "on Windows; made if need be) gets the usual file name")


def register(sub: Any) -> None:
    p = sub.add_parser("enrol-file", help="write this ledger's identity file (for enrolment)")
    p.add_argument("--out", required=True, help=FILE_OR_FOLDER)
    p.set_defaults(handler=cmd_enrol_file)

    # ``enrol`` is shared with programme enrolment (core): ``enrol FILE`` enrols a station,
    # ``enrol --member ... --programme ...`` enrols a member in a programme.
    existing = sub.choices.get("enrol")
    if existing is not None:
        programme_handler = existing.get_default("handler")
        # The programme enrolment's sign-in (counter work) is not the station enrolment's
        # (settings, in cmd_enrol): the dispatch signs in for the branch it takes.
        programme_permission = existing.get_default("permission")
        for action in existing._actions:
            if action.dest in ("member", "programme"):
                action.required = False
        existing.add_argument("identity_file", nargs="?", type=Path,
                              help="a station's identity file (supervisor: enrol the station)")
        existing.add_argument("--trust-out",
                              help="where to write the station's trust file (default: beside "
                                   "the identity file); " + FILE_OR_FOLDER)
        existing.set_defaults(handler=_enrol_dispatch(existing, programme_handler,
                                                      programme_permission), permission=None)
    else:
        p = sub.add_parser("enrol", help="enrol a station from its identity file")
        p.add_argument("identity_file", type=Path)
        p.add_argument("--trust-out", help=FILE_OR_FOLDER)
        p.set_defaults(handler=cmd_enrol)

    p = sub.add_parser("trust", help="trust the supervisor from its trust file")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_trust)

    p = sub.add_parser("trust-file",
                       help="supervisor: write an enrolled station's trust file again")
    p.add_argument("--station", required=True)
    p.add_argument("--out", required=True, help=FILE_OR_FOLDER)
    p.set_defaults(handler=cmd_trust_file)

    p = sub.add_parser("export", help="write a sync bundle (a supervisor writes a relay bundle)")
    p.add_argument("--out", required=True, type=Path, help="folder, e.g. the USB stick")
    p.add_argument("--full", action="store_true", help="everything, not just unacknowledged")
    p.add_argument("--encrypt-to", type=Path, metavar="SUPERVISOR_KEY_FILE",
                   help="encrypt for the supervisor (its identity or trust file)")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import", help="import bundles (files or folders)")
    p.add_argument("bundles", nargs="+", type=Path, metavar="BUNDLE")
    p.add_argument("--dry-run", action="store_true", help="show what would happen, write nothing")
    p.add_argument("--accept-unknown", action="store_true",
                   help="enrol unknown stations from their bundle's key (logged)")
    p.add_argument("--fingerprint", metavar="FINGERPRINT",
                   help="with --accept-unknown: only a bundle whose key has the fingerprint the "
                        "station read out (--dry-run shows it)")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("stations", help="stations known here: watermarks, gaps, last contact")
    p.set_defaults(handler=cmd_stations)

    p = sub.add_parser("return-bundle", help="supervisor: write a station's return bundle")
    p.add_argument("--station", required=True)
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--full", action="store_true",
                   help="every other station's members, not only what the station lacks")
    p.set_defaults(handler=cmd_return_bundle)

    p = sub.add_parser("revoke", help="supervisor: revoke a station's key")
    p.add_argument("station")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_revoke)

    p = sub.add_parser("fork-resolve",
                       help="supervisor: take a forked station's bundles again (after checking)")
    p.add_argument("station")
    p.add_argument("epoch", type=int)
    p.add_argument("--note", required=True, help="what was found and decided (kept in the log)")
    p.set_defaults(handler=cmd_fork_resolve)


def _enrol_dispatch(parser: argparse.ArgumentParser, programme_handler: Any,
                    programme_permission: Any = None) -> Any:
    def handler(ctx: Context, args: argparse.Namespace) -> int:
        if args.identity_file is not None:
            return cmd_enrol(ctx, args)
        if not getattr(args, "member", None) or not getattr(args, "programme", None):
            parser.print_usage()
            ctx.print("station-ledger enrol: FILE, or --member and --programme, required")
            return EXIT_USAGE
        if programme_permission:
            _signed_in(ctx, programme_permission)
        return int(programme_handler(ctx, args))
    return handler


def cmd_enrol_file(ctx: Context, args: argparse.Namespace) -> int:
    ledger = ctx.ledger()
    path = sync_ops.write_identity_file(ledger, out_path(args.out))
    if ctx.json:
        ctx.emit({"path": str(path), "code": ledger.station_code,
                  "fingerprint": ledger.keys.fingerprint})
    else:
        ctx.print(str(path))
        ctx.print(ctx.t("公钥指纹：", "Key fingerprint: ") + ledger.keys.fingerprint)
    return EXIT_OK


def _signed_in(ctx: Context, permission: str | tuple[str, ...]) -> auth.Attendant | None:
    """Issue 8: role check (--as USER + PIN once accounts exist); the attendant or None."""
    from .admin import signed_in

    return signed_in(ctx, permission)


def _admin(ctx: Context) -> auth.Attendant | None:
    """Keys and trust decide whose data this ledger accepts: the station admin's call."""
    return _signed_in(ctx, "settings")


def cmd_enrol(ctx: Context, args: argparse.Namespace) -> int:
    who = _admin(ctx)
    trust_out = out_path(args.trust_out) if args.trust_out else None
    ident, trust = sync_ops.enrol_station(ctx.ledger(), args.identity_file, actor=ctx.actor,
                                          trust_out=trust_out, attendant=who)
    if ctx.json:
        ctx.emit({"code": ident.code, "name": ident.name, "fingerprint": ident.fingerprint,
                  "trust_file": str(trust)})
    else:
        ctx.print(ctx.t(f"已登记驿站 {ident.code} {ident.name}",
                        f"Enrolled station {ident.code} {ident.name}"))
        ctx.print(ctx.t("请与驿站核对公钥指纹：", "Compare this fingerprint with the station: ")
                  + ident.fingerprint)
        ctx.print(ctx.t("信任文件（交给驿站）：", "Trust file (give it to the station): ")
                  + str(trust))
    return EXIT_OK


def cmd_trust(ctx: Context, args: argparse.Namespace) -> int:
    who = _admin(ctx)
    ident = sync_ops.trust_supervisor(ctx.ledger(), args.file, actor=ctx.actor, attendant=who)
    if ctx.json:
        ctx.emit({"code": ident.code, "name": ident.name, "fingerprint": ident.fingerprint})
    else:
        ctx.print(ctx.t(f"已信任上级 {ident.code} {ident.name}",
                        f"Now trusting supervisor {ident.code} {ident.name}"))
        ctx.print(ctx.t("请与上级核对公钥指纹：", "Compare this fingerprint with the supervisor: ")
                  + ident.fingerprint)
    return EXIT_OK


def cmd_trust_file(ctx: Context, args: argparse.Namespace) -> int:
    who = _admin(ctx)
    path = sync_ops.trust_file(ctx.ledger(), args.station, out_path(args.out),
                               actor=ctx.actor, attendant=who)
    if ctx.json:
        ctx.emit({"path": str(path)})
    else:
        ctx.print(str(path))
    return EXIT_OK


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    who = _signed_in(ctx, "export")
    written = sync_ops.export_bundle(ctx.ledger(), args.out, full=args.full,
                                     encrypt_to=args.encrypt_to, actor=ctx.actor, attendant=who)
    if ctx.json:
        ctx.emit(written.to_json())
        return EXIT_OK
    ctx.print(str(written.path))
    if written.kind == "relay":
        ctx.print(ctx.t(f"转发 {written.entry_count} 个驿站数据包",
                        counted(written.entry_count, "station bundle", "station bundles")
                        + " forwarded"))
        return EXIT_OK
    spans = ", ".join(f"e{r['epoch']} {r['from']}–{r['to']}" for r in written.ranges) or "—"
    ctx.print(ctx.t(f"{written.entry_count} 条记录（{spans}）",
                    counted(written.entry_count, "entry", "entries")
                    + f" ({spans})"))
    for kind, count in written.counts.items():
        ctx.print(f"  {kind}: {count}")
    return EXIT_OK


def _result_word(ctx: Context, result: str) -> str:
    return {
        "accepted": ctx.t("已导入", "accepted"), "duplicate": ctx.t("重复（无新内容）",
                                                                   "duplicate (nothing new)"),
        "refused": ctx.t("拒收", "REFUSED"), "dry_run": ctx.t("试运行", "dry run"),
        "skipped": ctx.t("跳过（不是给本台账的）", "skipped (not for this ledger)"),
    }.get(result, result)


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    who = _signed_in(ctx, "import")
    ledger = ctx.ledger()
    known = set(sync_ops.known_stations(ledger))
    accept: bool | str = bool(args.accept_unknown)
    if args.fingerprint is not None:
        # As read out over the phone: any case, spaces or dashes between the groups.
        digits = "".join(ch for ch in args.fingerprint.upper() if ch not in " -:")
        if not args.accept_unknown or len(digits) != 32 or any(
                ch not in "0123456789ABCDEF" for ch in digits):
            ctx.print(ctx.t("--fingerprint 需与 --accept-unknown 一起使用，且为32位十六进制"
                            "（8组，每组4位）", "--fingerprint goes with --accept-unknown and "
                            "is 32 hex digits (8 groups of 4)"))
            return EXIT_USAGE
        accept = " ".join(digits[i:i + 4] for i in range(0, 32, 4))
    outcomes = sync_ops.import_bundles(ledger, args.bundles, actor=ctx.actor,
                                       dry_run=args.dry_run, accept_unknown=accept,
                                       attendant=who)
    # Enrolled from their bundles just now: the key was taken on trust, so say whose it is
    # (not stations a relay or return bundle made known).
    enrolled = [r for code, r in sync_ops.known_stations(ledger).items()
                if code not in known and r["role"] == "enrolled"
                ] if accept and not args.dry_run else []
    signers = []  # a dry run: the keys --accept-unknown would enrol
    if args.dry_run and accept:
        for path in importer.find_bundles(args.bundles):
            try:
                signer = sync_ops.bundle_signer(ledger, path)
            except (LedgerError, OSError):
                continue
            if signer["code"] not in known:
                signers.append(signer)
    # A relay whose forwarded bundles were partly set aside needs attention too; a file meant
    # for another ledger (skipped) does not.
    refused = any(o.refused or o.inner_refused for o in outcomes)
    if ctx.json:
        ctx.emit({"results": [o.to_json(lambda e: messages.render(e, ctx.lang))
                              for o in outcomes],
                  "enrolled_from_bundles": [{k: r[k] for k in ("code", "name", "fingerprint")}
                                            for r in enrolled],
                  "unknown_signers": signers})
        return EXIT_REFUSED if refused else EXIT_OK
    for o in outcomes:
        ctx.print(f"{o.file}: {_result_word(ctx, o.result)}")
        if o.error is not None:
            ctx.print("  " + messages.render(o.error, ctx.lang) + f" [{o.error.code}]")
            if o.error.code == "sync.unknown_station" and not args.accept_unknown:
                ctx.print(ctx.t("  （也可以用 import --accept-unknown 按数据包中的公钥登记："
                                "先用 --dry-run 看指纹，与驿站电话核对）",
                                "  (or enrol it from the key in its bundle with import "
                                "--accept-unknown: check the fingerprint with the station by "
                                "phone first)"))
            if o.quarantined:
                ctx.print(ctx.t("  已复制到隔离文件夹：", "  copied to quarantine: ")
                          + o.quarantined)
            continue
        ctx.print(ctx.t(f"  新增 {o.new}，重复 {o.duplicate}，冲突 {o.conflicting}",
                        f"  new {o.new}, duplicate {o.duplicate}, conflicting {o.conflicting}"))
        for inner, why, kept in o.inner_refused:
            ctx.print(ctx.t(f"  ! 转来的数据包 {inner} 被拒收：", f"  ! forwarded bundle {inner}"
                            " refused: ") + messages.render(why, ctx.lang) + f" [{why.code}]")
            if kept:
                ctx.print(ctx.t("    已复制到隔离文件夹：", "    copied to quarantine: ") + kept)
        for station, gaps in o.missing.items():
            for epoch, spans in gaps.items():
                for lo, hi in spans:
                    ctx.print("  ! " + gap_sentence(station, epoch, lo, hi, ctx.lang))
    for r in enrolled:
        ctx.print(ctx.t(f"已按数据包中的公钥登记驿站 {r['code']} {r['name']}，"
                        f"指纹 {r['fingerprint']}："
                        "请与驿站电话核对，不一致请立即吊销（revoke）",
                        f"Enrolled station {r['code']} {r['name']} from the key in its bundle, "
                        f"fingerprint {r['fingerprint']}: check it with the station by phone, "
                        "and revoke it at once if it differs"))
    for signer in signers:
        ctx.print(ctx.t(f"{signer['file']}：驿站 {signer['code']} {signer['name']} "
                        f"的公钥指纹 {signer['fingerprint']}",
                        f"{signer['file']}: station {signer['code']} {signer['name']},"
                        f" key fingerprint {signer['fingerprint']}"))
    return EXIT_REFUSED if refused else EXIT_OK


def cmd_stations(ctx: Context, args: argparse.Namespace) -> int:
    rows = sync_ops.stations(ctx.ledger())
    if ctx.json:
        ctx.emit({"stations": [r.to_json() for r in rows]})
        return EXIT_OK
    roles = {"self": ctx.t("本机", "this ledger"), "supervisor": ctx.t("上级", "supervisor"),
             "enrolled": ctx.t("已登记", "enrolled"), "known": ctx.t("已知", "known")}
    has_upper = any(r.role == "supervisor" for r in rows)
    for r in rows:
        marks = ", ".join(f"e{e}:{s}" for e, s in sorted(r.watermarks.items())) or "—"
        revoked = ctx.t(" 已吊销", " REVOKED") if r.revoked else ""
        # Local wall-clock time as the Sync page shows it; --json keeps ISO 8601 with offset.
        last = local_time(r.last_bundle_at) if r.last_bundle_at else "—"
        if r.role == "self":
            contact = ""  # this ledger itself: no bundles come from it
        elif r.days_since_contact is None:
            contact = "\t" + ctx.t("尚未收到数据包", "no bundle received yet")
        else:
            contact = "\t" + ctx.t(f"{r.days_since_contact} 天未联系",
                                   f"{counted(r.days_since_contact, 'day', 'days')} since"
                                   " contact")
        ctx.print(f"{r.code}\t{r.name}\t{roles.get(r.role, r.role)}{revoked}\t"
                  + ctx.t(f"记录 {r.entries}\t连续至 {marks}\t最近数据包 {last}",
                          f"entries {r.entries}\tcontiguous to {marks}\tlast bundle {last}")
                  + contact)
        for line in r.fork_text(ctx.lang) + r.gap_text(ctx.lang):
            ctx.print("  ! " + line)
        if r.role == "self" and has_upper:  # a top ledger has nobody to acknowledge them
            ctx.print("  " + ctx.t(f"未确认的本站记录：{r.extra['unacknowledged']}",
                                   f"own entries not yet acknowledged: "
                                   f"{r.extra['unacknowledged']}"))
    return EXIT_OK


def cmd_return_bundle(ctx: Context, args: argparse.Namespace) -> int:
    who = _signed_in(ctx, "export")
    written = sync_ops.return_bundle(ctx.ledger(), args.station, args.out, actor=ctx.actor,
                                     attendant=who, full=args.full)
    if ctx.json:
        ctx.emit(written.to_json())
    else:
        ctx.print(str(written.path))
        ack = ", ".join(f"e{epoch} {seq}" for epoch, seq in sorted(
            written.extra["ack"].items(), key=lambda item: int(item[0]))) or "—"
        ctx.print(ctx.t(f"{written.entry_count} 条记录，确认至 {ack}",
                        counted(written.entry_count, "entry", "entries")
                        + f", acknowledged up to {ack}"))
    return EXIT_OK


def cmd_revoke(ctx: Context, args: argparse.Namespace) -> int:
    who = _admin(ctx)
    sync_ops.revoke_station(ctx.ledger(), args.station, actor=ctx.actor, reason=args.reason,
                            attendant=who)
    if ctx.json:
        ctx.emit({"revoked": args.station})
    else:
        ctx.print(ctx.t(f"已吊销驿站 {args.station} 的密钥",
                        f"Revoked station {args.station}'s key"))
    return EXIT_OK


def cmd_fork_resolve(ctx: Context, args: argparse.Namespace) -> int:
    who = _admin(ctx)
    sync_ops.resolve_fork(ctx.ledger(), args.station, args.epoch, note=args.note,
                          actor=ctx.actor, attendant=who)
    if ctx.json:
        ctx.emit({"resolved": {"station": args.station, "epoch": args.epoch}})
    else:
        ctx.print(ctx.t(f"已解除驿站 {args.station} 第 {args.epoch} 期的分叉暂停，"
                        f"其数据包将重新接收",
                        f"Station {args.station}'s epoch {args.epoch} is no longer held: its "
                        f"bundles are taken again"))
    return EXIT_OK
