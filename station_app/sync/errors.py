"""Refusal codes of sync (each with a sentence in Chinese and English) and the error class."""

from __future__ import annotations

from typing import Any

from ..domain import messages
from ..domain.errors import Refused


class BundleRefused(Refused):
    """A bundle, identity or trust file was refused; nothing was written to the ledger."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, **params)


MESSAGES: dict[str, tuple[str, str]] = {
    "sync.too_large": ("文件 {file} 太大（{size} 字节，上限 {limit}），不是本软件导出的数据包",
                       "{file} is too large ({size} bytes, limit {limit}); it is not a bundle "
                       "made by Station Ledger"),
    "sync.truncated": ("文件 {file} 不完整或已损坏（可能拷贝中断），请让驿站重新导出",
                       "{file} is incomplete or damaged (perhaps the copy was interrupted); "
                       "ask the station to export it again"),
    "sync.damaged": ("文件 {file} 已损坏：文件完整，但内容通不过校验"
                     "（可能U盘出错，或文件被改动过），请让驿站重新导出",
                     "{file} is damaged: the file is whole but its content fails its checks "
                     "(a faulty USB stick, or the file was altered); ask the station to export "
                     "it again"),
    "sync.not_a_bundle": ("文件 {file} 不是驿站台账数据包", "{file} is not a Station Ledger "
                          "bundle"),
    "sync.zip_unsafe": ("数据包 {file} 含有不安全的文件路径 {path}，已拒收",
                        "{file} contains an unsafe path {path}; refused"),
    "sync.zip_bomb": ("数据包 {file} 解压后异常巨大（疑似压缩炸弹），已拒收",
                      "{file} would unpack to an abnormal size (a zip bomb); refused"),
    "sync.newer_format": ("数据包 {file} 由更新版本的软件制作（格式 {found}），请先升级软件",
                          "{file} was made by a newer version (format {found}); update the "
                          "software first"),
    "sync.newer_schema": ("数据包 {file} 由更新版本的软件制作（台账版本 {found}，"
                          "本机 {supported}），请先升级软件",
                          "{file} was made by a newer version (schema {found}, this software "
                          "{supported}); update the software first"),
    "sync.bad_manifest": ("数据包 {file} 的清单无效：{detail}", "{file} has an invalid manifest: "
                          "{detail}"),
    "sync.hash_mismatch": ("数据包 {file} 中的 {member} 与清单记录的校验值不符，内容被改动过",
                           "{member} in {file} does not match the manifest's checksum: the "
                           "content was altered"),
    "sync.manifest_mismatch": ("数据包 {file} 的清单与内容不符（{detail}）",
                               "{file}: the manifest does not match the content ({detail})"),
    "sync.bad_signature": ("数据包 {file} 的签名与驿站 {station} 的登记密钥不符，可能被篡改或冒充",
                           "The signature of {file} does not match station {station}'s enrolled "
                           "key: altered or forged"),
    "sync.unknown_station": ("驿站 {station} 尚未登记，请先用其身份文件登记（enrol）",
                             "Station {station} is not enrolled; enrol it from its identity "
                             "file first"),
    "sync.station_revoked": ("驿站 {station} 的密钥已吊销，不接受其数据包",
                             "Station {station}'s key has been revoked; its bundles are refused"),
    "sync.wrong_station": ("数据包 {file} 含有其他驿站 {station} 的记录，已拒收",
                           "{file} contains entries of another station ({station}); refused"),
    "sync.bad_entry": ("数据包 {file} 第 {line} 条记录无效：{detail}",
                       "Entry {line} of {file} is invalid: {detail}"),
    "sync.forked_station": ("驿站 {station} 出现分叉：第 {epoch} 期第 {seq} 号有两条不同记录"
                            "（已有 {existing}，新来 {incoming}），可能从旧备份恢复后未开新期，"
                            "请联系驿站", "Station {station} has forked: epoch {epoch} seq {seq} "
                            "exists twice with different content (held {existing}, arriving "
                            "{incoming}); it may have been restored from a backup without a new "
                            "epoch"),
    "sync.fork_held": ("驿站 {station} 第 {epoch} 期自 {since} 起被标记为分叉，其数据包暂不接收，"
                       "待管理员查明哪一份台账在用并解除（fork-resolve）",
                       "Station {station}'s epoch {epoch} has been marked forked since {since}: "
                       "its bundles are held back until the admin finds out which copy of the "
                       "ledger is in use and resolves it (fork-resolve)"),
    "sync.no_open_fork": ("驿站 {station} 第 {epoch} 期没有未解除的分叉",
                          "Station {station} has no unresolved fork in epoch {epoch}"),
    "sync.entry_conflict": ("记录 {entry} 与台账中已有的记录冲突",
                            "Entry {entry} conflicts with an entry already in the ledger"),
    "sync.cannot_decrypt": ("数据包 {file} 是加密给其他上级的，本台账无法解密",
                            "{file} is encrypted for another supervisor; this ledger cannot "
                            "decrypt it"),
    "sync.not_for_us": ("数据包 {file} 是发给 {recipient} 的，不是本台账（{us}）",
                        "{file} is addressed to {recipient}, not to this ledger ({us})"),
    "sync.not_trusted": ("数据包 {file} 的签发者 {station} 不是本驿站信任的上级",
                         "{file} was signed by {station}, which is not this station's trusted "
                         "supervisor"),
    "sync.no_supervisor": ("尚未信任上级（trust），不能导出：身份证号只能加密给上级",
                           "No supervisor is trusted yet (run trust first): ID numbers may only "
                           "leave encrypted for the supervisor"),
    "sync.identity_invalid": ("身份文件 {file} 无效：{detail}", "Identity file {file} is invalid: "
                              "{detail}"),
    "sync.key_changed": ("驿站 {station} 已用另一把密钥登记（指纹 {fingerprint}），"
                         "如确需更换请先吊销", "Station {station} is already enrolled with another "
                         "key (fingerprint {fingerprint}); revoke it first to replace"),
    "sync.trust_wrong_station": ("此信任文件是发给驿站 {station} 的，不是本驿站 {us}",
                                 "This trust file was made for station {station}, not for "
                                 "this station ({us})"),
    "sync.self_enrol": ("不能登记本台账自己", "A ledger cannot enrol itself"),
    "sync.not_supervisor": ("此操作只能在上级（supervisor）台账上进行",
                            "This can only be done on a supervisor's ledger"),
    "sync.nothing_found": ("{path} 中没有数据包文件", "No bundle files in {path}"),
    "sync.fingerprint_changed": (
        "{file} 中 {station} 的密钥与刚才确认的指纹不同（文件在此期间被更换？），未做任何更改",
        "The key of {station} in {file} is not the one whose fingerprint was just confirmed "
        "(was the file replaced?); nothing was changed"),
    "sync.file_missing": ("找不到文件 {file}（路径写错了，或U盘已拔出）",
                          "{file} was not found (a mistyped path, or the USB stick was "
                          "removed)"),
    "sync.return_to_self": ("{station} 是本台账自己：回传包是写给在本台账登记的驿站的，"
                            "请在表中选择其中一个",
                            "{station} is this ledger itself: return bundles are written for "
                            "the stations enrolled here; choose one of them in the table"),
    "sync.return_upward": ("{station} 是本台账的上级：回传包由上级写给下级驿站，不能反向写",
                           "{station} is this ledger's supervisor: return bundles go from a "
                           "supervisor down to its stations, not up"),
    "sync.no_upper": ("本台账没有信任更上一级（如自治区总工会），没有可以转交的对象",
                      "This ledger trusts no level above (such as the region), so there is "
                      "nobody to relay to"),
    "sync.wrong_recipient": ("文件 {file} 属于 {recipient}，不是本台账信任的上级 {supervisor}："
                             "加密给它的数据包上级打不开，未导出",
                             "{file} belongs to {recipient}, not to this ledger's trusted "
                             "supervisor {supervisor}: the supervisor could not open a bundle "
                             "encrypted for it; nothing was exported"),
}

# Why an identity or trust file was refused (the ``detail`` of ``sync.identity_invalid``).
DETAILS: dict[str, tuple[str, str]] = {
    "identity.too_large": ("文件太大，不是身份文件或信任文件", "the file is too large to be an "
                           "identity or trust file"),
    "identity.not_json": ("无法读取（不是有效的 JSON 文件）", "it cannot be read (not valid JSON)"),
    "identity.wrong_kind": ("不是身份文件或信任文件", "it is not an identity or trust file"),
    "identity.bad_keys": ("密钥缺失或格式不正确", "keys are missing or malformed"),
    "identity.bad_signature": ("签名不符，文件可能被改动过", "the signature does not match: the "
                               "file may have been altered"),
    "identity.bad_fingerprint": ("指纹与公钥不符", "the fingerprint does not match the key"),
}

messages.register(MESSAGES)
messages.register_details(DETAILS)


def refuse(code: str, **params: Any) -> BundleRefused:
    return BundleRefused("sync." + code, **params)
