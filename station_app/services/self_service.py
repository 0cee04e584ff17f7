"""Self-service mode (自助模式): unattended stations where workers record their own visits.

The station admin switches the mode on (``settings`` permission, audited); the setting lives in
the ledger so a restart — a power cut at night — comes back in it. A worker scans their
membership card or taps "no card" and picks the services; what is recorded is an ordinary
``visit`` entry with ``recorded_by = "self-service"``, so it syncs, counts in the reports and
shows in the counter's today list. Nothing personal is shown on that screen except a masked name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..data import queries
from ..data.db import Ledger
from ..data.entries import Entry
from ..domain import messages, validate
from ..domain.errors import InvalidInput, LedgerError, Refused
from . import audit, auth, checkin, visits

SETTING = "kiosk.enabled"
IDLE_SETTING = "kiosk.idle_seconds"
SIGNUP_NOTE_SETTING = "kiosk.signup_note"
RECORDED_BY = "self-service"
AUDIT_ACTION = "self_service"
DEFAULT_IDLE_SECONDS = 30
PERMISSION = "settings"
MAX_SCAN_LENGTH = 512

messages.register({
    "self_service.not_a_card": (
        "没有识别出会员证。请把会员证上的二维码对准扫码器；没有会员证请点“没有会员证”。",
        "That was not a membership card. Hold the QR code on your card to the scanner, "
        "or tap “No card”."),
    "self_service.rescan": (
        "没有读完整，请把会员证二维码再对准扫码器扫一次。",
        "The card was not read completely. Please scan it again."),
    "self_service.forged": (
        "这张会员证无法在这里使用，请在驿站有工作人员时咨询。",
        "This card cannot be used here. Please ask the staff when the station is attended."),
    "self_service.replaced_card": (
        "这张会员证已经补办了新卡，请使用新卡。",
        "This card has been replaced by a new one. Please use your new card."),
    "self_service.withdrawn": (
        "这张会员证的会籍已经终止，不能自助登记。如有疑问请咨询工会工作人员。",
        "The membership on this card has ended, so it cannot be used here. "
        "Please ask the union staff if you have questions."),
    "self_service.transferred_out": (
        "这张会员证的会籍已转到其他工会，不能在这里自助登记。",
        "The membership on this card has moved to another union, so it cannot be used here."),
    "self_service.issuer_unknown": (
        "本驿站还不认识发这张会员证的驿站，暂时不能自助登记。请点“没有会员证”继续。",
        "This station does not know the station that issued this card yet. "
        "Please tap “No card” to continue."),
    "self_service.off": ("自助模式没有开启", "Self-service mode is not switched on"),
    "self_service.failed": (
        "出了点问题，这次没有登记。请再试一次，或在驿站有工作人员时咨询。",
        "Something went wrong and nothing was recorded. Please try again, "
        "or ask the staff when the station is attended."),
})
messages._FIELDS.update({
    "seconds": ("秒数（5–600）", "Seconds (5–600)"),
    "signup_note": ("入会提示", "Sign-up note"),
})


def is_enabled(ledger: Ledger) -> bool:
    """Whether the station runs in self-service mode (``station-app`` starts in it)."""
    return ledger.setting(SETTING, "0") == "1"


def set_enabled(ledger: Ledger, on: bool, *, by: str, attendant: auth.Acting = None) -> None:
    """Switch the mode on or off; needs the ``settings`` permission. Every switch is audited."""
    auth.require(ledger, attendant, PERMISSION, actor=by)
    with ledger.write():
        ledger.set_setting(SETTING, "1" if on else "0")
        audit.record(ledger, by, AUDIT_ACTION, SETTING, {"on": on})


def configure(ledger: Ledger, *, by: str, attendant: auth.Acting = None,
              idle: int | None = None, note: str | None = None) -> None:
    """The idle reset (seconds, 5 to 600) and the sign-up note; ``settings`` permission."""
    auth.require(ledger, attendant, PERMISSION, actor=by)
    if idle is not None and not 5 <= idle <= 600:
        raise InvalidInput("seconds", "format")
    if note is not None:
        note = validate.text("signup_note", note, max_len=200, required=False)
    with ledger.write():
        for key, value in ((IDLE_SETTING, None if idle is None else str(idle)),
                           (SIGNUP_NOTE_SETTING, note)):
            if value is None or ledger.setting(key) == value:
                continue
            old = ledger.setting(key)
            ledger.set_setting(key, value)
            audit.record(ledger, by, audit.SETTING, key, {"old": old, "new": value})


def idle_seconds(ledger: Ledger) -> int:
    """Seconds without a touch before the screen forgets the person (at least 5)."""
    try:
        return max(5, int(ledger.setting(IDLE_SETTING, str(DEFAULT_IDLE_SECONDS))))
    except ValueError:
        return DEFAULT_IDLE_SECONDS


def signup_note(ledger: Ledger) -> str:
    """Where to sign up (入会) instead: the admin may store the place in ``kiosk.signup_note``."""
    return ledger.setting(SIGNUP_NOTE_SETTING, "").strip()


def mask_name(name: str) -> str:
    """A name a passer-by may read: first and last character kept (张小明 -> 张*明, 李四 -> 李*).

    Each part of a name with a middle dot or spaces (孟和巴特尔·额尔德木图) is masked alike.
    """
    parts: list[str] = []
    word = ""
    for char in name.strip():
        if char in " ·•・.-":
            parts.extend([_mask_word(word), char])
            word = ""
        else:
            word += char
    parts.append(_mask_word(word))
    return "".join(parts)


def _mask_word(word: str) -> str:
    if len(word) <= 1:
        return word
    if len(word) == 2:
        return word[0] + "*"
    return word[0] + "*" * (len(word) - 2) + word[-1]


@dataclass(frozen=True)
class Visitor:
    """The card holder on the screen: only what may be shown, and what the visit needs."""

    member_no: str
    greeting_name: str  # masked; empty when the member is not in this ledger
    card_serial: int | None


_REFUSED = {
    checkin.FORGED: "self_service.forged",
    checkin.REPLACED_CARD: "self_service.replaced_card",
    checkin.WITHDRAWN: "self_service.withdrawn",
    checkin.TRANSFERRED_OUT: "self_service.transferred_out",
    checkin.ISSUER_UNKNOWN: "self_service.issuer_unknown",
    checkin.NOT_HERE: "self_service.forged",  # "cannot be used here; ask the staff"
}


def check_in(ledger: Ledger, text: str) -> Visitor:
    """What the scanner typed: a signed card of a member who may be served, else ``Refused``.

    Only whole card payloads count (a typed member number proves nothing without an attendant),
    and the card's station must be known and not revoked here, so its signature was checked.
    Writes nothing.
    """
    cleaned = text.strip()
    if not cleaned or len(cleaned) > MAX_SCAN_LENGTH \
            or not cleaned.upper().startswith(checkin.CARD_PREFIX):
        raise Refused("self_service.not_a_card")
    try:
        found = checkin.resolve_scan(ledger, cleaned)
    except InvalidInput as exc:
        if checkin.needs_rescan(exc, cleaned):
            raise Refused("self_service.rescan") from None
        raise Refused("self_service.not_a_card") from None
    if found.status in _REFUSED:
        raise Refused(_REFUSED[found.status])
    name = mask_name(found.member.name) if found.member and found.member.name else ""
    return Visitor(found.member_no, name, found.card_serial)


def services(ledger: Ledger) -> list[queries.ServiceRow]:
    """The station's active services, in the counter's order."""
    return queries.services(ledger, active_only=True)


def record(ledger: Ledger, chosen: Sequence[str], *, visitor: Visitor | None = None,
           walk_in: visits.WalkIn | None = None) -> Entry:
    """One ordinary visit recorded by ``self-service``; refused unless the mode is on."""
    if not is_enabled(ledger):
        raise Refused("self_service.off")
    if visitor is not None:
        return visits.record_visit(ledger, chosen, by=RECORDED_BY, member=visitor.member_no,
                                   card_serial=visitor.card_serial)
    return visits.record_visit(ledger, chosen, by=RECORDED_BY, walk_in=walk_in)


def friendly(error: Exception, lang: str) -> str:
    """The one sentence the self-service screen shows for any failure (never a trace)."""
    if isinstance(error, LedgerError) and error.code.startswith("self_service."):
        return messages.render(error, lang)
    if isinstance(error, Refused) and error.code == "member_inactive":
        return messages.render(Refused("self_service.withdrawn"), lang)
    return messages.render(Refused("self_service.failed"), lang)
