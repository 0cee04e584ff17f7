"""The QR payload: signed by the issuing station, parsed strictly, refused with a reason."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from station_app.cards import make_payload, parse_payload, verify_payload
from station_app.cards.payload import SIGNATURE_CHARS
from station_app.domain.errors import InvalidInput

MEMBER = "MZL01-000123K"


@pytest.fixture(scope="module")
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="module")
def text(key: Ed25519PrivateKey) -> str:
    return make_payload(MEMBER, 3, key)


def reason_of(text: str) -> str:
    with pytest.raises(InvalidInput) as info:
        parse_payload(text)
    assert info.value.field == "scan"
    assert info.value.code == f"invalid.scan.{info.value.reason}"
    return info.value.reason


def test_round_trip(key: Ed25519PrivateKey, text: str) -> None:
    version, member, serial, sig = text.split(".")
    assert (version, member, serial) == ("SLC1", MEMBER, "3")
    assert len(sig) == SIGNATURE_CHARS and "=" not in sig
    card = parse_payload(text)
    assert (card.member_no, card.serial) == (MEMBER, 3)
    assert card.signed_message == b"SLC1|MZL01-000123K|3"
    assert len(card.signature) == 64
    assert card.text == text
    assert verify_payload(card, key.public_key())


def test_payload_holds_no_personal_data(text: str) -> None:
    assert text.count(".") == 3
    assert text.isascii()


@pytest.mark.parametrize("wrap", ["{}\r", "{}\n", "{}\r\n", "  {}\t", "\n{} "])
def test_scanner_whitespace_around_is_forgiven(key: Ed25519PrivateKey, text: str,
                                              wrap: str) -> None:
    assert verify_payload(parse_payload(wrap.format(text)), key.public_key())


def test_signature_of_another_station_is_refused(text: str) -> None:
    other = Ed25519PrivateKey.generate()
    assert not verify_payload(parse_payload(text), other.public_key())
    forged = make_payload(MEMBER, 3, other)
    assert not verify_payload(parse_payload(forged), Ed25519PrivateKey.generate().public_key())


def test_changed_member_or_serial_breaks_the_signature(key: Ed25519PrivateKey, text: str
                                                       ) -> None:
    _, _, _, sig = text.split(".")
    for changed in (f"SLC1.MZL01-000124K.3.{sig}", f"SLC1.{MEMBER}.4.{sig}"):
        assert not verify_payload(parse_payload(changed), key.public_key())


def test_every_prefix_is_truncated(text: str) -> None:
    for cut in range(len(text)):
        assert reason_of(text[:cut]) == "truncated", text[:cut]


@pytest.mark.parametrize("garbage", [
    "hello", "https://example.com/?id=1", "13800138000", "MZL01-000123K", "150781199005170011",
    "slc1.mzl01-000123k.3.x", "{\"member\": 1}", "二维码", "SLC1X", "SLC1:MZL01",
])
def test_garbage_is_not_a_card(garbage: str) -> None:
    assert reason_of(garbage) == "not_a_card"


def test_malformed_parts_are_not_a_card(text: str) -> None:
    _, _, _, sig = text.split(".")
    for bad in (
        f"SLC1.mzl01-000123k.3.{sig}",  # case changed by the scanner
        f"SLC1.MZL01 000123K.3.{sig}",  # whitespace inside
        f"SLC1..3.{sig}",  # empty member number
        f"SLC1.{MEMBER}..{sig}",  # empty serial
        f"SLC1.{MEMBER}.03.{sig}",  # non-canonical serial
        f"SLC1.{MEMBER}.-3.{sig}",
        f"SLC1.{MEMBER}.3.{sig}A",  # signature too long
        f"SLC1.{MEMBER}.3.{sig[:-1]}+",  # not base64url
        f"SLC1.{MEMBER}.3.{sig}.extra",
        text + "x" * 300,
    ):
        assert reason_of(bad) == "not_a_card", bad


def test_non_canonical_signature_end_is_not_a_card(text: str) -> None:
    # 86 base64 characters carry 516 bits; the last 4 must be zero for a 64-byte signature.
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    last = text[-1]
    twin = alphabet[alphabet.index(last) ^ 1]
    assert reason_of(text[:-1] + twin) == "not_a_card"


def test_other_version_is_unknown(text: str) -> None:
    assert reason_of("SLC2" + text[4:]) == "unknown_version"
    assert reason_of("SLC10.X.1.abc") == "unknown_version"


def test_make_payload_refuses_what_it_cannot_encode(key: Ed25519PrivateKey) -> None:
    with pytest.raises(InvalidInput):
        make_payload("MZL01.000123K", 1, key)
    with pytest.raises(InvalidInput):
        make_payload("张三", 1, key)
    with pytest.raises(InvalidInput):
        make_payload(MEMBER, -1, key)


@given(st.text(max_size=300))
def test_hostile_scans_fail_only_with_a_scan_reason(scan: str) -> None:
    try:
        parse_payload(scan)
    except InvalidInput as exc:
        assert exc.field == "scan"
        assert exc.reason in {"truncated", "not_a_card", "unknown_version"}


@given(st.from_regex(r"[A-Z0-9][A-Z0-9-]{0,20}", fullmatch=True),
       st.integers(min_value=0, max_value=999_999_999))
def test_any_member_number_and_serial_round_trip(member: str, serial: int) -> None:
    key = Ed25519PrivateKey.from_private_bytes(bytes(32))
    card = parse_payload(make_payload(member, serial, key))
    assert (card.member_no, card.serial) == (member, serial)
    assert verify_payload(card, key.public_key())
