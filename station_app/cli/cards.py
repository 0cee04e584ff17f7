"""``station-ledger card`` and ``station-ledger cards``: card files, reissue, A4 batch sheets."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from . import COUNTER, Context
from .core import local_time


def register(sub: Any) -> None:
    p = sub.add_parser(
        "card", help="one member's card: write PNG/PDF, reissue after loss, show its history",
        description="Write a member's current card to FILE.png (300 dpi) or FILE.pdf (CR80 "
                    "pages, front and back); --reissue makes a new card after loss (the old one "
                    "then scans as replaced). Without --out or --reissue, list the member's "
                    "cards.")
    p.add_argument("member_no", metavar="MEMBER_NO",
                   help="member number (a scanned card payload is accepted too)")
    p.add_argument("--out", type=Path, metavar="FILE", help="FILE.png or FILE.pdf to write")
    p.add_argument("--back", action="store_true",
                   help="PNG: put the back of the card below the front (PDFs always have it)")
    p.add_argument("--mark-printed", action="store_true",
                   help="also record the card as printed (exporting alone is not printing)")
    p.add_argument("--reissue", action="store_true",
                   help="issue a new card (serial + 1) before writing; needs --reason")
    p.add_argument("--reason", help="why the card is reissued (lost, damaged ...)")
    p.set_defaults(handler=cmd_card, permission=COUNTER)

    p = sub.add_parser(
        "cards", help="cards of many members: list or print all not yet printed on A4",
        description="With --out, write every unprinted card onto A4 sheets (10 cards a page, "
                    "crop marks) and record them as printed once the file is written. Without "
                    "--out, list the members whose card is not printed yet.")
    p.add_argument("--unprinted", action="store_true", required=True,
                   help="the cards not printed yet (active members of this station)")
    p.add_argument("--out", type=Path, metavar="SHEET.pdf", help="A4 sheet PDF to write")
    p.add_argument("--backs", action="store_true",
                   help="follow each page of fronts with a page of backs (long-edge duplex)")
    p.add_argument("--no-mark", action="store_true",
                   help="write the sheet but do not record the cards as printed")
    p.set_defaults(handler=cmd_cards, permission=COUNTER)


def _member_number(ctx: Context, text: str) -> str:
    from ..services import checkin

    return checkin.resolve(ctx.ledger(), text).member_no


def cmd_card(ctx: Context, args: argparse.Namespace) -> int:
    from ..domain.errors import InvalidInput
    from ..services import cards

    ledger = ctx.ledger()
    number = _member_number(ctx, args.member_no)
    result: dict[str, Any] = {"member_no": number}
    if args.out is not None:
        cards.card_file_kind(args.out)  # refuse a wrong file name before reissuing anything
    if args.reissue:
        if not args.reason:
            raise InvalidInput("reissue_reason", "required")
        entry = cards.reissue_card(ledger, number, args.reason, by=ctx.actor)
        result["reissued"] = {"entry": entry.id, "serial": entry.body["serial"]}
        if not ctx.json:
            ctx.print(ctx.t(f"已补办会员证：{number} 第{entry.body['serial']}张（旧卡作废）",
                            f"Reissued card {number} no. {entry.body['serial']} "
                            "(older cards are now replaced)"))
    elif args.reason:
        raise InvalidInput("reissue_reason", "without_reissue")
    if args.out is not None:
        path = cards.export_card(ledger, number, args.out, with_back=args.back,
                                 mark_as_printed=args.mark_printed, by=ctx.actor)
        result["file"] = str(path)
        result["serial"] = ledger.conn.execute(
            "SELECT card_serial FROM members WHERE member_no = ?", (number,)).fetchone()[0]
        result["marked_printed"] = bool(args.mark_printed)
        if not ctx.json:
            ctx.print(str(path))
    if args.out is None and not args.reissue:
        history = cards.card_history(ledger, number)
        result["cards"] = [c.to_json() for c in history]
        if not ctx.json:
            _print_history(ctx, history)
    if ctx.json:
        ctx.emit(result)
    return 0


def _print_history(ctx: Context, history: list[Any]) -> None:
    current = max((c.serial for c in history), default=0)
    for c in history:
        state = (ctx.t("当前", "current") if c.serial == current
                 else ctx.t("已作废（已补办）", "replaced"))
        printed = ctx.t("已打印", "printed") if c.printed else ctx.t("未打印", "not printed")
        why = ctx.t("新发", "new") if c.reason == "new" else ctx.t("补办", "reissue")
        note = f" · {c.note}" if c.note else ""
        ctx.print(f"{c.member_no}\t#{c.serial}\t{local_time(c.issued_at)}\t{why}{note}\t"
                  f"{printed}\t{state}")


def cmd_cards(ctx: Context, args: argparse.Namespace) -> int:
    from ..services import cards

    ledger = ctx.ledger()
    if args.out is None:
        numbers = cards.unprinted(ledger)
        if ctx.json:
            ctx.emit({"unprinted": numbers})
        else:
            for number in numbers:
                ctx.print(number)
            if not numbers:
                ctx.print(ctx.t("所有会员证都已打印", "Every card has been printed"))
        return 0
    sheet = cards.print_unprinted_sheet(ledger, args.out, by=ctx.actor, backs=args.backs,
                                        mark=not args.no_mark)
    if ctx.json:
        ctx.emit({"file": str(sheet.path), "pages": sheet.pages,
                  "cards": [{"member_no": n, "serial": s} for n, s in sheet.cards],
                  "marked_printed": not args.no_mark})
        return 0
    ctx.print(str(sheet.path))
    ctx.print(ctx.t(f"{len(sheet.cards)} 张会员证，{sheet.pages} 页 A4",
                    f"{len(sheet.cards)} cards on {sheet.pages} A4 pages"))
    return 0
