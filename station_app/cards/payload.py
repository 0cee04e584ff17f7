"""The QR payload on a membership card: an opaque, signed pointer to a member, never personal data.

Text form ``SLC1.<MEMBER_NO>.<SERIAL>.<SIG>``: ``SIG`` is the unpadded base64url Ed25519 signature
of the issuing station over the UTF-8 bytes ``SLC1|<MEMBER_NO>|<SERIAL>``. A scanner types the text
like a keyboard, so only surrounding whitespace (CR, LF, spaces) is forgiven; anything inside that
differs is a different payload.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from station_app.domain.errors import InvalidInput

VERSION = "SLC1"
SIGNATURE_BYTES = 64
SIGNATURE_CHARS = 86  # unpadded base64 of 64 bytes
MAX_TEXT_CHARS = 256  # a real payload is ~110 characters; anything far longer is not ours

_MEMBER_NO = re.compile(r"[A-Z0-9-]+")
_SERIAL = re.compile(r"0|[1-9][0-9]{0,8}")
_B64URL = re.compile(r"[A-Za-z0-9_-]*")
_VERSION_TAG = re.compile(r"SLC([0-9]+)")


@dataclass(frozen=True, slots=True)
class CardPayload:
    """A parsed, not yet verified, card payload."""

    member_no: str
    serial: int
    signature: bytes
    signed_message: bytes

    @property
    def text(self) -> str:
        """The payload text again, as printed in the QR code."""
        return f"{VERSION}.{self.member_no}.{self.serial}.{_b64url(self.signature)}"


def _signed_message(member_no: str, serial: int) -> bytes:
    return f"{VERSION}|{member_no}|{serial}".encode()


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def make_payload(member_no: str, serial: int, private_key: Ed25519PrivateKey) -> str:
    """Sign and format the QR text for card ``serial`` of ``member_no``."""
    if not _MEMBER_NO.fullmatch(member_no):
        raise InvalidInput("member_no", "format", value=member_no)
    if not 0 <= serial <= 999_999_999:
        raise InvalidInput("card_serial", "range", value=serial)
    signature = private_key.sign(_signed_message(member_no, serial))
    return f"{VERSION}.{member_no}.{serial}.{_b64url(signature)}"


def _scan_error(reason: str) -> InvalidInput:
    return InvalidInput("scan", reason)


def _check_version(text: str) -> str:
    """Return the part after ``SLC1.``; raise for texts that are not (complete) version-1 cards."""
    prefix = VERSION + "."
    if text.startswith(prefix):
        return text[len(prefix):]
    if prefix.startswith(text):  # "", "S", "SLC", "SLC1": the scan stopped early
        raise _scan_error("truncated")
    head = text.split(".", 1)[0]
    if _VERSION_TAG.fullmatch(head):
        raise _scan_error("unknown_version")
    raise _scan_error("not_a_card")


def parse_payload(text: str) -> CardPayload:
    """Parse scanned text; raise ``InvalidInput(field="scan")`` if it is not a whole card payload.

    Reasons: ``truncated`` (a prefix of a valid-looking payload), ``unknown_version`` (a card
    format this build does not know), ``not_a_card`` (anything else). The signature is not
    checked here: see :func:`verify_payload`.
    """
    text = text.strip()
    if len(text) > MAX_TEXT_CHARS:
        raise _scan_error("not_a_card")
    rest = _check_version(text)
    parts = rest.split(".")
    if len(parts) > 3:
        raise _scan_error("not_a_card")
    member_no = parts[0]
    serial_text = parts[1] if len(parts) > 1 else None
    sig_text = parts[2] if len(parts) > 2 else None

    # Every part that is present must be well formed (a complete part, or the last, cut-off one).
    if member_no and not _MEMBER_NO.fullmatch(member_no):
        raise _scan_error("not_a_card")
    if (serial_text is not None and not member_no) or (
        serial_text and not _SERIAL.fullmatch(serial_text)
    ):
        raise _scan_error("not_a_card")
    if sig_text is not None and (not serial_text or not _B64URL.fullmatch(sig_text)):
        raise _scan_error("not_a_card")
    if sig_text is None or len(sig_text) < SIGNATURE_CHARS:
        raise _scan_error("truncated")
    if len(sig_text) > SIGNATURE_CHARS:
        raise _scan_error("not_a_card")

    assert serial_text is not None
    try:
        signature = base64.urlsafe_b64decode(sig_text + "==")
    except (binascii.Error, ValueError) as exc:  # pragma: no cover - charset checked above
        raise _scan_error("not_a_card") from exc
    if len(signature) != SIGNATURE_BYTES or _b64url(signature) != sig_text:
        # a non-canonical last character: not something make_payload can produce
        raise _scan_error("not_a_card")
    serial = int(serial_text)
    return CardPayload(
        member_no=member_no,
        serial=serial,
        signature=signature,
        signed_message=_signed_message(member_no, serial),
    )


def verify_payload(p: CardPayload, public_key: Ed25519PublicKey) -> bool:
    """True when the issuing station's key signed this member number and serial."""
    try:
        public_key.verify(p.signature, p.signed_message)
    except InvalidSignature:
        return False
    return True
