"""Plain sentences for every error code, in Simplified Chinese (default) and English.

The UI and the command line both render ``LedgerError`` through ``render()``. Each package that
defines error codes registers its sentences here with ``register()`` at import time, so the
catalogue lives beside the code that raises them. Templates use ``str.format`` with the error's
params.
"""

from __future__ import annotations

import os
from typing import Any

from .errors import LedgerError

LANGS = ("zh_CN", "en")

_FIELDS: dict[str, tuple[str, str]] = {
    "id_number": ("身份证号", "ID number"),
    "phone": ("手机号", "Mobile number"),
    "name": ("姓名", "Name"),
    "member_no": ("会员号", "Member number"),
    "worker_type": ("职业类别", "Worker type"),
    "service": ("服务项目", "Service"),
    "station_code": ("驿站编码", "Station code"),
    "station_name": ("驿站名称", "Station name"),
    "campaign": ("慰问活动", "Campaign"),
    "money_fen": ("慰问金", "Money"),
    "goods": ("慰问物资", "Goods"),
    "reason": ("原因", "Reason"),
    "entry": ("记录", "Entry"),
    "scan": ("扫码内容", "Scanned code"),
    "doc_type": ("证件类型", "Document type"),
    "nationality": ("国籍", "Nationality"),
    "programme": ("项目", "Programme"),
    "other_union": ("对方工会", "Other union"),
    "limit": ("条数", "Limit"),
    "query": ("查询内容", "Search text"),
    "employer": ("平台/单位", "Platform / employer"),
    "consent": ("知情同意", "Consent"),
    "date": ("日期", "Date"),
    "details": ("详情", "Details"),
}

_REASONS: dict[str, tuple[str, str]] = {
    "required": ("不能为空", "is required"),
    "length": ("应为18位（当前{length}位）", "must be 18 characters (got {length})"),
    "characters": ("只能是数字，最后一位可以是X", "must be digits, the last may be X"),
    "province": ("前两位地区码{province}不存在", "area code {province} does not exist"),
    "birth_date": ("中的出生日期无效", "holds a birth date that does not exist"),
    "check_digit": ("校验位不正确，请核对号码", "check digit is wrong; please re-check the number"),
    "format": ("格式不正确", "is not in the right format"),
    "check_char": ("校验字符不正确，可能输错了一位", "check character is wrong: a character "
                   "was probably mistyped"),
    "unknown": ("“{value}”不存在", "“{value}” is not known"),
    "retired": ("“{value}”已停用", "“{value}” has been retired"),
    "exists": ("“{value}”已存在", "“{value}” already exists"),
    "retired_exists": ("“{value}”已停用：请在列表中选中它并点“恢复”",
                       "“{value}” was retired: choose it in the list and press Restore"),
    "code_format": ("编码“{value}”格式不正确（小写字母、数字、下划线）",
                    "code “{value}” must be lower-case letters, digits and underscores"),
    "too_long": ("太长（最多{max}个字）", "is too long (at most {max} characters)"),
    "negative": ("不能为负数", "cannot be negative"),
    "too_large": ("数额过大", "is too large"),
    "empty": ("至少选择一项", "choose at least one"),
    "serial": ("序号无效", "serial is not valid"),
    "truncated": ("内容不完整，请重新扫描", "is incomplete; please scan again"),
    "not_a_card": ("不是会员证二维码", "is not a membership card code"),
    "unknown_version": ("会员证版本过新，请升级软件", "comes from a newer card version; "
                        "please update the software"),
    "ineligible": ("不符合条件：{why}", "not eligible: {why}"),
    "not_given": ("未勾选：请会员阅读并同意后勾选",
                  "not ticked; the member must read and agree first"),
    "walk_in_member": ("散客不能同时指定会员", "a walk-in cannot also name a member"),
    "nothing": ("为零且没有物资：什么都没发放的慰问请作废", "is zero and there are no goods: void "
                "a handout of nothing instead"),
}

_CODES: dict[str, tuple[str, str]] = {
    # Any two dates in order (report ranges, campaign periods).
    "invalid.date.order": ("结束日期{end}早于开始日期{start}",
                           "the end date {end} is before the start date {start}"),
    "duplicate_member": ("此身份证号已登记为会员，会员号 {member_no}",
                         "This ID number already belongs to member {member_no}"),
    "not_found.member": ("找不到会员 {key}", "No member {key} in this ledger"),
    "not_found.entry": ("找不到记录 {key}", "No entry {key} in this ledger"),
    "not_found.campaign": ("找不到慰问活动 {key}", "No campaign {key}"),
    "not_found.ledger": ("台账文件不存在：{key}，请先初始化（init）",
                         "No ledger at {key}; run init first"),
    "not_found.station": ("未登记的驿站 {key}", "Station {key} is not enrolled"),
    "already_initialised": ("此台账已初始化为驿站 {station}",
                            "This ledger is already station {station}"),
    "not_initialised": ("台账尚未初始化，请先运行 init", "The ledger is not set up yet; run init"),
    "foreign_entry": ("这属于驿站 {station}，只能由该驿站作废、更正或办理",
                      "This belongs to station {station}; only that station can void, correct "
                      "or change it"),
    "demo_needs_new_ledger": ("演示数据只能写入新的台账，{path} 已经是一个驿站的台账"
                              "（请用 --db 指定新文件）",
                              "Demo data only goes into a new ledger; {path} already belongs to a "
                              "station (use --db with a new file)"),
    "no_changes": ("没有要修改的内容", "Nothing to change"),
    "printer_pdf_path": ("无法写入 PDF 文件 {path}：请在“打印到文件”中填写一个文件名"
                         "（不能只选文件夹），并确认该文件夹可以写入",
                         "Cannot write the PDF file {path}: give “Print to file” a file name "
                         "(not just a folder) in a folder that can be written to"),
    "printer_unavailable": ("无法打开打印机：请检查打印机是否已连接并开机",
                            "The printer could not be opened: check that it is connected and "
                            "switched on"),
    "cannot_correct": ("此类记录不能这样更正：{field}", "This kind of entry cannot be corrected "
                       "that way: {field}"),
    "campaign_exists": ("慰问活动 {campaign} 已存在", "Campaign {campaign} already exists"),
    "campaign_closed": ("慰问活动“{campaign}”不在发放期内（{starts} 至 {ends}）",
                        "Campaign “{campaign}” is not running today ({starts} to {ends})"),
    "already_voided": ("该记录已作废", "That entry is already void"),
    "cannot_void": ("此类记录不能作废：{kind}", "Entries of kind {kind} cannot be voided"),
    "cannot_correct_kind": ("此类记录不能更正，请作废后重新登记：{kind}",
                            "Entries of kind {kind} cannot be corrected: void it and record "
                            "it again"),
    # Money alone is a valid handout: "goods: choose at least one" misled.
    "invalid.goods.empty": ("请填写慰问金或至少一项物资",
                            "Enter an amount of money or at least one goods item"),
    "relief_already_given": ("该人员在活动“{campaign}”中已领取过慰问（{when}），如需再发请填写原因",
                             "Already received relief in campaign “{campaign}” ({when}); "
                             "give a reason to override"),
    "member_inactive": ("会员 {member_no} 状态为{status}，不能办理", "Member {member_no} is "
                        "{status} and cannot be served this way"),
    "append_only": ("台账记录只能追加，不能修改或删除", "Ledger entries can only be added, never "
                    "changed or deleted"),
    "ledger_damaged": ("台账文件已损坏：{detail}", "The ledger file is damaged: {detail}"),
    "ledger_read_only": ("台账所在文件夹只读，无法保存：{path}",
                         "The ledger's folder is read-only; nothing can be saved: {path}"),
    "disk_full": ("磁盘已满，本次操作未保存，台账未改变", "The disk is full; nothing was saved and "
                  "the ledger is unchanged"),
    "newer_schema": ("台账由更新版本的软件创建（版本 {found}），请升级软件",
                     "The ledger was made by a newer version (schema {found}); please update"),
    "scan.forged": ("会员证 {member_no} 签名不符，可能是伪造的卡，请核实身份",
                    "Card {member_no} has a signature that does not match: possibly forged"),
    "scan.replaced_card": ("会员证 {member_no} 已补办新卡，此卡作废", "Card {member_no} was "
                           "replaced by a newer card; this one is no longer valid"),
    "scan.withdrawn": ("会员 {member_no} 已退会", "Member {member_no} has left the union"),
    "scan.transferred_out": ("会员 {member_no} 已转出会籍", "Member {member_no} has "
                             "transferred to another union"),
    "cannot_unseal": ("无法解密该数据（密钥不符）", "This data cannot be decrypted with this "
                      "ledger's keys"),
    "keys_missing": ("找不到台账密钥文件夹 {path}", "The ledger's key folder {path} is missing"),
}

_catalogue: dict[str, dict[str, str]] = {"zh_CN": {}, "en": {}}
# Phrases a ``detail`` parameter may name by code (``identity.bad_signature``), so a sentence
# reads in one language only; any other detail (a path, a database's own words) stays as is.
_details: dict[str, dict[str, str]] = {"zh_CN": {}, "en": {}}


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Add ``code -> (zh_CN, en)`` sentences."""
    for code, (zh, en) in messages.items():
        _catalogue["zh_CN"][code] = zh
        _catalogue["en"][code] = en


def register_details(details: dict[str, tuple[str, str]]) -> None:
    """Add ``detail code -> (zh_CN, en)`` phrases for the ``detail`` parameter."""
    for code, (zh, en) in details.items():
        _details["zh_CN"][code] = zh
        _details["en"][code] = en


register(_CODES)


def default_lang() -> str:
    """Simplified Chinese unless the environment asks for English."""
    for var in ("STATION_LEDGER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh_CN"
    return "zh_CN"


def field_label(field: str, lang: str) -> str:
    zh, en = _FIELDS.get(field, (field, field))
    return en if lang == "en" else zh


def _fill(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def render(error: LedgerError, lang: str | None = None) -> str:
    """One plain sentence for ``error`` in ``lang`` (zh_CN or en)."""
    lang = "en" if (lang or default_lang()) == "en" else "zh_CN"
    params = dict(error.params)
    detail = params.get("detail")
    if isinstance(detail, str) and detail in _details[lang]:
        params["detail"] = _details[lang][detail]
    field = params.get("field")
    reason = params.get("reason")
    if error.code in _catalogue[lang]:
        return _fill(_catalogue[lang][error.code], params)
    if field is not None and reason is not None:
        zh, en = _REASONS.get(str(reason), (str(reason), str(reason)))
        text = _fill(en if lang == "en" else zh, params)
        label = field_label(str(field), lang)
        return f"{label}: {text}" if lang == "en" else f"{label}{text}"
    return error.code if not params else f"{error.code} {params}"
