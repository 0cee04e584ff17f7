# ruff: noqa: E501  (a translation table: one line per sentence reads and diffs best)
"""Chinese for the command line's ``--help`` (the commands' own output follows ``--lang``;
this makes the help follow it too). Every help text of the parser needs a line here:
tests/cli/test_help_zh.py checks."""

from __future__ import annotations

import argparse
from typing import Any

HELP_ZH: dict[str, str] = {
    'Station Ledger (驿站台账) command line.':
        '驿站台账命令行。',
    'show this help message and exit':
        '显示本帮助并退出',
    'ledger file (default: per-user data folder)':
        '台账文件（默认：本用户的数据文件夹）',
    'machine-readable JSON output':
        '输出供程序读取的 JSON',
    'message language':
        '提示语言',
    'the attendant who signs in (PIN from $STATION_LEDGER_PIN or standard input, once the ledger has accounts) and is recorded on new entries (default: the login name)':
        '登录的操作员（台账有账户后，PIN 取自 $STATION_LEDGER_PIN 或标准输入），新记录记在其名下（默认：系统登录名）',
    'attendant accounts: add, list, disable, enable, unlock':
        '操作员账户：新增、列出、停用、启用、解锁',
    'change your own PIN (--as USER; asks for the current PIN and the new one twice, never on the command line)':
        '修改自己的 PIN（--as 用户名；询问当前 PIN，再输入两次新 PIN，从不写在命令行上）',
    'print the audit log (newest first)':
        '显示审计日志（最新的在前）',
    'back up the ledger and its keys to one file':
        '把台账及其密钥备份到一个文件',
    'replace the ledger with a backup (starts a new epoch)':
        '用备份替换台账（开始新的期次）',
    'check the ledger file for damage (PRAGMA quick_check)':
        '检查台账文件是否损坏（PRAGMA quick_check）',
    'recompute the read models from the entry log (after an upgrade that computes them differently)':
        '由记录日志重新计算各汇总表（升级后计算方法有变时）',
    'anonymise members N years after they left':
        '会员离会 N 年后匿名化',
    "one member's card: write PNG/PDF, reissue after loss, show its history":
        '单个会员的会员证：生成 PNG/PDF、挂失补办、查看历史',
    'cards of many members: list or print all not yet printed on A4':
        '多个会员的会员证：列出或在 A4 纸上打印所有未打印的',
    "make a new ledger a station's (or a supervisor's)":
        '把新台账设为驿站台账（或上级台账）',
    'members: add, find, show, update, verify, withdraw, rejoin':
        '会员：入会、查找、查看、修改、实名认证、退会、重新入会',
    'a member who withdrew joins again (same number and card, consent given again)':
        '已退会的会员重新入会（同一会员号和会员证，重新签署知情同意）',
    'record a visit (one person-time)':
        '登记一次到站服务（一人次）',
    'relief campaigns':
        '慰问活动',
    'hand out relief money or goods (慰问)':
        '发放慰问金或慰问物资（慰问）',
    'enrol a member in a programme':
        '为会员报名服务项目',
    'membership transfer (会籍转接)':
        '会籍转接',
    'void an entry (it stays visible, struck through)':
        '作废一条记录（记录仍可见，以删除线显示）',
    "correct a visit's services or worker type":
        '更正一次到站的服务项目或职业类别',
    'people who are an active member under two numbers (signed up at two stations before either knew)':
        '以两个会员号同时在会的人（两个驿站互不知情时先后入会）',
    'the newest entries':
        '最新的记录',
    'the service catalogue with codes':
        '服务项目目录（含编码）',
    'create a realistic demo station ledger':
        '创建一个逼真的演示驿站台账',
    'statistics for a date range (人次, 人, new members, relief)':
        '一段日期的统计（人次、人数、新入会、慰问）',
    'the yearly new-member target (入会目标) of the reports':
        '报表所用的年度入会目标',
    'member roster xlsx with masked ID numbers (audited)':
        '会员名册 xlsx，身份证号已遮蔽（记入审计日志）',
    'self-service mode (自助模式) for unattended stations: on, off, status':
        '无人值守驿站的自助模式：开启、关闭、状态',
    "write this ledger's identity file (for enrolment)":
        '写出本台账的身份文件（用于登记）',
    'trust the supervisor from its trust file':
        '按上级的信任文件信任上级',
    "supervisor: write an enrolled station's trust file again":
        '上级：重新写出已登记驿站的信任文件',
    'write a sync bundle (a supervisor writes a relay bundle)':
        '写出同步数据包（上级台账写出转交数据包）',
    'import bundles (files or folders)':
        '导入数据包（文件或文件夹）',
    'stations known here: watermarks, gaps, last contact':
        '本台账所知的驿站：连续记录、缺失、最近联系',
    "supervisor: write a station's return bundle":
        '上级：写出驿站的回传包',
    "supervisor: revoke a station's key":
        '上级：吊销驿站的密钥',
    "supervisor: take a forked station's bundles again (after checking)":
        '上级：（核实后）重新接收分叉驿站的数据包',
    'create an account (the first one must be --role admin)':
        '创建账户（第一个必须是 --role admin）',
    'list accounts':
        '列出账户',
    'disable an account':
        '停用账户',
    'enable it again':
        '重新启用账户',
    'clear a lock-out after failed sign-ins':
        '解除多次登录失败后的锁定',
    'give an account a new PIN (read from standard input)':
        '为账户设置新 PIN（从标准输入读取）',
    'display name':
        '显示名称',
    'read the new PIN from standard input (after your own PIN if asked)':
        '从标准输入读取新 PIN（如需先输入自己的 PIN，则在其后）',
    'only this action, e.g. reveal, backup, sign_in':
        '只看此类操作，如 reveal、backup、sign_in',
    'only what this person did (user name, as in the log)':
        '只看此人的操作（用户名，与日志一致）',
    "backup file, or a folder (an existing one, or a name ending in /, or \\ on Windows; made if need be) for CODE-backup-TIME.zip (default: the ledger's backup folder)":
        '备份文件，或文件夹（已有的文件夹，或以 / 结尾的名称，Windows 上为 \\；需要时自动创建），其中写入 编码-backup-时间.zip（默认：台账的备份文件夹）',
    'encrypt the keys with the passphrase in $STATION_LEDGER_BACKUP_PASSPHRASE':
        '用 $STATION_LEDGER_BACKUP_PASSPHRASE 中的口令加密密钥',
    'list the automatic backups':
        '列出自动备份',
    'the backup is of another station: this PC becomes that station':
        '备份属于另一个驿站：本机将成为该驿站',
    'the slower PRAGMA integrity_check':
        '较慢但更全面的 PRAGMA integrity_check',
    'set the retention period (0 = keep)':
        '设置保留年限（0 = 一直保留）',
    'anonymise everyone now due':
        '立即匿名化所有到期的会员',
    "Write a member's current card to FILE.png (300 dpi) or FILE.pdf (CR80 pages, front and back); --reissue makes a new card after loss (the old one then scans as replaced). Without --out or --reissue, list the member's cards.":
        '把会员当前的会员证写成 FILE.png（300 dpi）或 FILE.pdf（CR80 卡片页，正反面）；--reissue 在遗失后补办新卡（旧卡再扫码显示已补卡）。不带 --out 或 --reissue 时，列出该会员的会员证。',
    'member number (a scanned card payload is accepted too)':
        '会员号（也可用扫码得到的会员证内容）',
    'FILE.png or FILE.pdf to write':
        '要写出的 FILE.png 或 FILE.pdf',
    'PNG: put the back of the card below the front (PDFs always have it)':
        'PNG：在正面下方加上背面（PDF 总是包含背面）',
    'also record the card as printed (exporting alone is not printing)':
        '同时记为已打印（仅导出不算打印）',
    'issue a new card (serial + 1) before writing; needs --reason':
        '写出前先补办新卡（序号加 1）；需要 --reason',
    'why the card is reissued (lost, damaged ...)':
        '补办原因（遗失、损坏……）',
    'With --out, write every unprinted card onto A4 sheets (10 cards a page, crop marks) and record them as printed once the file is written. Without --out, list the members whose card is not printed yet.':
        '带 --out 时，把所有未打印的会员证排在 A4 纸上（每页 10 张，带裁切线），文件写好后记为已打印。不带 --out 时，列出会员证尚未打印的会员。',
    'the cards not printed yet (active members of this station)':
        '尚未打印的会员证（本驿站在会会员）',
    'A4 sheet PDF to write':
        '要写出的 A4 排版 PDF',
    'follow each page of fronts with a page of backs (long-edge duplex)':
        '每页正面之后接一页背面（长边双面打印）',
    'write the sheet but do not record the cards as printed':
        '写出排版文件，但不记为已打印',
    'station code, e.g. MZL01':
        '驿站编码，如 MZL01',
    'station name':
        '驿站名称',
    'league/city federation (盟市总工会)':
        '所属盟市总工会',
    "a supervisor's consolidated ledger":
        '上级的汇总台账',
    'sign up a new member (入会)':
        '新会员入会',
    'search by number, name, pinyin, phone tail or ID tail':
        '按会员号、姓名、拼音、手机尾号或身份证尾号查找',
    "one member's details":
        '单个会员的详情',
    "edit a member's profile (a new entry; history stays)":
        '修改会员资料（新增一条记录，历史保留）',
    'mark real-name verification done (实名认证)':
        '标记已完成实名认证',
    'a member leaves the union':
        '会员退会',
    "show a member's full ID number (admin, audited)":
        '显示会员的完整身份证号（管理员，记入审计日志）',
    '- reads the 18-digit resident ID number from standard input; leave it out to type it at a hidden prompt. A number written here is refused (it would stay in the process list and shell history)':
        '- 表示从标准输入读取18位身份证号；省略则在不回显的提示下输入。写在这里的号码会被拒绝（它会留在进程列表和命令历史中）',
    'one of: delivery_rider, courier, truck_driver, ride_hailing, other':
        '以下之一：delivery_rider（外卖骑手）、courier（快递员）、truck_driver（货车司机）、ride_hailing（网约车司机）、other（其他）',
    'platform or employer':
        '平台或单位',
    'a new mobile number':
        '新手机号',
    'a new worker type':
        '新职业类别',
    'a new platform or employer':
        '新平台或单位',
    'why the full number is needed':
        '需要完整号码的原因',
    'exactly what the scanner read':
        '扫码枪读到的原样内容',
    'walk-ins without a PRC ID: passport or other':
        '无居民身份证的散客：passport（护照）或 other（其他）',
    'ISO country code, e.g. MN, RU':
        'ISO 国家代码，如 MN、RU',
    'define a campaign':
        '设立慰问活动',
    'list campaigns':
        '列出慰问活动',
    'a person may receive more than once without an override':
        '同一人可多次领取，无需说明原因',
    'money in fen (1 yuan = 100 fen)':
        '慰问金，单位为分（1元 = 100分）',
    'give again in a one-per-person campaign':
        '在每人限领一次的活动中再次发放',
    "a station's identity file (supervisor: enrol the station)":
        '驿站的身份文件（上级：登记该驿站）',
    "where to write the station's trust file (default: beside the identity file); file or folder; a folder (an existing one, or a name ending in /, or \\ on Windows; made if need be) gets the usual file name":
        '驿站信任文件写到哪里（默认：身份文件旁边）；文件或文件夹；文件夹（已有的，或以 / 结尾的名称，Windows 上为 \\；需要时自动创建）中使用通常的文件名',
    'a member leaves for another union':
        '会员转往其他工会',
    'a member arrives from another union':
        '会员从其他工会转入',
    'include retired services':
        '包括已停用的服务项目',
    'leave the ledger without sign-in accounts (first run asks for an admin)':
        '不创建登录账户（首次运行时要求设置管理员）',
    "also make a demo supervisor's ledger there (a new file), with the demo station enrolled and trusting it, so bundles can go both ways":
        '同时在此处创建演示上级台账（新文件），演示驿站已在其处登记并信任它，数据包可双向传递',
    "Aggregate figures only; no personal data. Dates are the stations' local days, both ends included. On a ledger with accounts, sign in with --as USER (a role that may see reports).":
        '只有汇总数字，不含个人信息。日期为各驿站的本地日期，含首尾两天。台账有账户时，用 --as 用户名 登录（需可查看报表的角色）。',
    'first day, e.g. 2026-11-01':
        '第一天，如 2026-11-01',
    'last day (inclusive)':
        '最后一天（含）',
    'instead of --from/--to: the day/week/month/quarter/year holding --date':
        '代替 --from/--to：--date 所在的日/周/月/季/年',
    "only this station (repeatable); default: this station, or every station on a supervisor's ledger":
        '只统计此驿站（可重复）；默认：本驿站，上级台账上为所有驿站',
    'xlsx, csv, json or pdf (default: from the --out file name)':
        'xlsx、csv、json 或 pdf（默认：按 --out 的文件名）',
    'csv: only this table (e.g. services)':
        'csv：只输出这张表（如 services）',
    'output file; - for stdout':
        '输出文件；- 表示标准输出',
    'default: this year':
        '默认：今年',
    'set the target to N new members (0 clears it); without: show it':
        '把目标设为 N 名新会员（0 表示清除）；不带此项则显示目标',
    'members of this home station only (repeatable)':
        '只含此所属驿站的会员（可重复）',
    'forget the person after N seconds without a touch (5-600, default 30)':
        '无操作 N 秒后清除当前人员（5–600，默认 30）',
    "where to sign up instead, shown on the welcome screen ('' removes it)":
        "在欢迎页上显示的入会去处（'' 表示去掉）",
    'file or folder; a folder (an existing one, or a name ending in /, or \\ on Windows; made if need be) gets the usual file name':
        '文件或文件夹；文件夹（已有的，或以 / 结尾的名称，Windows 上为 \\；需要时自动创建）中使用通常的文件名',
    'folder, e.g. the USB stick':
        '文件夹，如U盘',
    'everything, not just unacknowledged':
        '全部记录，而不只是未确认的',
    'encrypt for the supervisor (its identity or trust file)':
        '为上级加密（上级的身份文件或信任文件）',
    'show what would happen, write nothing':
        '只显示将会发生什么，不写入任何内容',
    "enrol unknown stations from their bundle's key (logged)":
        '按数据包中的公钥登记未知驿站（记入日志）',
    'with --accept-unknown: only a bundle whose key has the fingerprint the station read out (--dry-run shows it)':
        '与 --accept-unknown 一起用：只接受公钥指纹与驿站念出的一致的数据包（--dry-run 会显示指纹）',
    "every other station's members, not only what the station lacks":
        '所有其他驿站的会员，而不只是该驿站缺少的',
    'what was found and decided (kept in the log)':
        '核实的情况和决定（记入日志）',
    'with --period (default today); 2026-11 works':
        '与 --period 一起用（默认今天）；也可写 2026-11',
}


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None
                  ) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


def localise(parser: argparse.ArgumentParser) -> None:
    """Put the Chinese help texts (and argparse's own headings) on ``parser`` and every
    command under it; a text without a translation stays as it is."""
    if parser.description:
        parser.description = HELP_ZH.get(parser.description, parser.description)
    parser.formatter_class = _Formatter
    parser._positionals.title = "位置参数"
    parser._optionals.title = "选项"
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            action.help = HELP_ZH.get(action.help, action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.help:
                    choice.help = HELP_ZH.get(choice.help, choice.help)
            for child in set(action.choices.values()):
                localise(child)
