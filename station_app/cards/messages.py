"""Sentences for the error codes of membership cards (printing, reissue, scanning)."""

from __future__ import annotations

from station_app.domain import messages

CARD_MESSAGES: dict[str, tuple[str, str]] = {
    # what a scan is refused for, before any member is looked up
    "invalid.scan.truncated": (
        "扫到的会员证二维码不完整（读取中断），请重新扫描",
        "The card's QR code was read only in part (the scan was cut off); please scan again"),
    "invalid.scan.not_a_card": (
        "扫到的内容不是会员证二维码，也不是会员号",
        "What was scanned is not a membership card code or a member number"),
    "invalid.scan.unknown_version": (
        "此会员证来自更新版本的软件，请升级本机软件后再扫描",
        "This card was made by a newer version of the software; update this PC and scan "
        "again"),
    # outcomes of a scan that was read completely (services.checkin)
    # scan.forged / scan.replaced_card / scan.withdrawn / scan.transferred_out are core
    # sentences (domain/messages.py); the two outcomes that still allow service are here.
    "scan.issuer_unknown": (
        "会员证 {member_no} 来自本站尚未登记的驿站，无法核验签名，仍可提供服务",
        "Card {member_no} comes from a station not known here, so its signature could not be "
        "checked; the member can still be served"),
    "scan.unknown_member": (
        "会员 {member_no} 不在本站台账中（其他驿站的会员），按会员号记录",
        "Member {member_no} is not in this ledger (another station's member); recorded by "
        "member number"),
    # printing and reissue
    "invalid.cards.empty": (
        "没有需要打印的会员证",
        "There are no membership cards to print"),
    "invalid.card_serial.range": (
        "会员证序号 {value} 无效",
        "Card serial {value} is not valid"),
    "invalid.card_serial.not_current": (
        "会员证 {member_no} 的第{value}张已不是当前卡（当前为第{current}张），不能记为已打印",
        "Card no. {value} of member {member_no} is not the current card (no. {current}); "
        "it cannot be marked printed"),
    "invalid.card_file.extension": (
        "输出文件必须以 .png 或 .pdf 结尾：{value}",
        "The output file must end in .png or .pdf: {value}"),
    "invalid.card_file.sheet_extension": (
        "A4 打印页只能保存为 .pdf 文件：{value}",
        "An A4 sheet can only be saved as a .pdf file: {value}"),
    "invalid.card_file.cannot_write": (
        "无法写入文件 {value}：{why}",
        "Cannot write the file {value}: {why}"),
    "invalid.reissue_reason.required": (
        "补办会员证须填写原因（例如：遗失、损坏）",
        "A reason is needed to reissue a card (for example: lost, damaged)"),
    "invalid.reissue_reason.too_long": (
        "补办原因太长（最多{max}个字）", "The reason for the reissue is too long (at most {max} "
        "characters)"),
    "invalid.reissue_reason.without_reissue": (
        "只有补办会员证（--reissue）时才填写原因", "A reason is only given with --reissue"),
    "card.not_home_station": (
        "会员 {member_no} 属于驿站 {home}，会员证只能由该驿站制作（本站为 {station}）",
        "Member {member_no} belongs to station {home}; only that station can make the card "
        "(this is {station})"),
    "card.member_inactive.withdrawn": (
        "会员 {member_no} 已退会，不能制作或补办会员证",
        "Member {member_no} has left the union; no card can be made or reissued"),
    "card.member_inactive.transferred_out": (
        "会员 {member_no} 已转出会籍，不能制作或补办会员证",
        "Member {member_no} has transferred out; no card can be made or reissued"),
    "card.not_issued": (
        "会员 {member_no} 还没有发放会员证，请先补办（发卡）",
        "Member {member_no} has no card issued yet; issue one first (reissue)"),
}

messages.register(CARD_MESSAGES)
