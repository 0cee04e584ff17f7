"""Resolving what the check-in bar received: a card scan, a typed member number, or a search."""

from __future__ import annotations

from dataclasses import dataclass

from ..cards import payload as card_payload
from ..data import queries
from ..data.db import Ledger
from ..data.keys import verify_signature
from ..domain import member_no, messages
from ..domain.errors import InvalidInput, LedgerError

messages.register({
    "scan.not_here": ("会员号 {member_no} 不在本站台账中（入会记录可能已作废）：请按姓名查找，"
                      "或重新办理入会", "Member {member_no} is not in this station's ledger "
                      "(the sign-up may have been voided): find the member by name, or sign "
                      "them up again"),
})

CARD_PREFIX = "SLC"


def is_card_text(text: str) -> bool:
    """A card payload (``SLC1.…``) that a scanner typed where something else belongs, such as
    the reason of a void: it must never be kept as that text."""
    cleaned = text.strip().upper()
    return cleaned.startswith(CARD_PREFIX) and "." in cleaned

# Scan outcomes the counter shows explicitly.
OK = "ok"
UNKNOWN_MEMBER = "unknown_member"  # valid number, not (yet) in this ledger: still served
ISSUER_UNKNOWN = "issuer_unknown"  # signature could not be checked: issuer key not known here
REPLACED_CARD = "replaced_card"
FORGED = "forged"
WITHDRAWN = "withdrawn"
TRANSFERRED_OUT = "transferred_out"
# A number of this very station that its ledger does not hold (the sign-up was voided, or
# lost with a restore from an older backup): not a member here, whatever the card says.
NOT_HERE = "not_here"


@dataclass(frozen=True)
class CheckIn:
    member_no: str
    status: str
    member: queries.Member | None = None
    card_serial: int | None = None
    scanned: bool = False

    @property
    def can_serve(self) -> bool:
        return self.status in (OK, UNKNOWN_MEMBER, ISSUER_UNKNOWN)


def issuer_public_key(ledger: Ledger, station: str) -> bytes | None:
    row = ledger.conn.execute(
        "SELECT public_key FROM stations WHERE code = ? AND revoked_at IS NULL", (station,)
    ).fetchone()
    return bytes(row[0]) if row and row[0] else None


def _status(ledger: Ledger, number: str, member: queries.Member | None) -> str:
    if member is None:
        own = member_no.station_of(number) == ledger.setting("station.code")
        return NOT_HERE if own else UNKNOWN_MEMBER
    if member.status == "withdrawn":
        return WITHDRAWN
    if member.status == "transferred_out":
        return TRANSFERRED_OUT
    return OK


def resolve_scan(ledger: Ledger, text: str) -> CheckIn:
    """What a scanner typed from a card: verify the signature and the card's serial.

    Raises ``InvalidInput(field="scan")`` when the text is not a whole card payload (reasons
    ``truncated``, ``not_a_card``, ``unknown_version``); a whole payload always resolves to a
    ``CheckIn`` whose status says whether the card may be used.
    """
    parsed = card_payload.parse_payload(text)
    try:
        number = member_no.parse(parsed.member_no)
    except InvalidInput:
        # Complete and well formed, but no station ever issues this number: made up.
        return CheckIn(parsed.member_no, FORGED, None, parsed.serial, True)
    member = queries.find_member(ledger, number)
    key = issuer_public_key(ledger, member_no.station_of(number))
    if key is not None and not verify_signature(key, parsed.signature, parsed.signed_message):
        return CheckIn(number, FORGED, member, parsed.serial, True)
    status = _status(ledger, number, member)
    if status == OK and member is not None and parsed.serial < member.card_serial:
        status = REPLACED_CARD
    if status in (OK, UNKNOWN_MEMBER) and key is None:
        status = ISSUER_UNKNOWN
    return CheckIn(number, status, member, parsed.serial, True)


def resolve(ledger: Ledger, text: str) -> CheckIn:
    """A scan (``SLC...``) or a typed member number; raises ``InvalidInput`` for anything else."""
    cleaned = text.strip()
    if cleaned.upper().startswith(CARD_PREFIX):
        return resolve_scan(ledger, cleaned)
    if member_no.looks_like(cleaned):
        number = member_no.parse(cleaned)
        member = queries.find_member(ledger, number)
        return CheckIn(number, _status(ledger, number, member), member)
    raise InvalidInput("scan", "not_a_card")


def refresh(ledger: Ledger, found: CheckIn) -> CheckIn:
    """The same check-in re-read after the ledger changed (a withdrawal voided, a transfer,
    a reissued card): the member's current record and status. What only the card itself proved
    (a forged signature, an issuer whose key was unknown) is kept, since the text is gone."""
    member = queries.find_member(ledger, found.member_no)
    if found.status == FORGED:
        return CheckIn(found.member_no, FORGED, member, found.card_serial, found.scanned)
    status = _status(ledger, found.member_no, member)
    if (found.scanned and status == OK and member is not None
            and found.card_serial is not None and found.card_serial < member.card_serial):
        status = REPLACED_CARD
    if found.status == ISSUER_UNKNOWN and status in (OK, UNKNOWN_MEMBER):
        status = ISSUER_UNKNOWN
    return CheckIn(found.member_no, status, member, found.card_serial, found.scanned)


def needs_rescan(error: LedgerError, text: str) -> bool:
    """True when ``text`` was plainly a card scan that failed (cut off, or a newer card format).

    The counter then says so ("scan again") instead of searching for the text. A bare prefix
    such as ``SLC`` is more likely typed pinyin initials than a scan, so it is searched.
    """
    return (isinstance(error, InvalidInput) and error.field == "scan"
            and error.reason in ("truncated", "unknown_version")
            and len(text.strip()) > len(card_payload.VERSION) + 1)


def try_resolve(ledger: Ledger, text: str) -> CheckIn | LedgerError:
    try:
        return resolve(ledger, text)
    except LedgerError as exc:
        return exc
