"""A printed card scans back to its member through the check-in bar's code; bad cards are named.

Real parts throughout: members signed up through services, cards rendered to PNG and PDF,
decoded with zxing-cpp (the PDF rasterised with pdfium), resolved by ``services.checkin``.
"""

from __future__ import annotations

import dataclasses
import io

import pypdfium2 as pdfium
import pytest
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image

from station_app.cards import card_pdf, card_png, make_payload, render_front
from station_app.data.db import Ledger, open_ledger
from station_app.domain import messages
from station_app.domain.errors import InvalidInput, LedgerError, Refused
from station_app.services import cards, checkin, members, station
from tests.helpers import ledger_hash, rid, sign_up


def decode(image: Image.Image) -> str:
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1, "exactly one QR code on a card face"
    return found[0].text


def decode_png(data: bytes) -> str:
    return decode(Image.open(io.BytesIO(data)))


def decode_pdf(data: bytes, page: int = 0, dpi: int = 200) -> str:
    document = pdfium.PdfDocument(data)
    try:
        return decode(document[page].render(scale=dpi / 72).to_pil())
    finally:
        document.close()


def refusal(found: checkin.CheckIn) -> Refused:
    """The error the counter and ``visit --scan`` show for a card that must not be used."""
    return Refused(f"scan.{found.status}", member_no=found.member_no)


def both(error: LedgerError) -> tuple[str, str]:
    return messages.render(error, "zh_CN"), messages.render(error, "en")


@pytest.fixture
def member(fresh_db: Ledger) -> str:
    return sign_up(fresh_db, 1, name="禚晓燕")


def test_card_png_scans_back_to_the_member(fresh_db: Ledger, member: str) -> None:
    text = decode_png(card_png(cards.card_data(fresh_db, member)))
    found = checkin.resolve(fresh_db, text)
    assert (found.status, found.member_no, found.scanned) == (checkin.OK, member, True)
    assert found.member is not None and found.member.name == "禚晓燕"
    assert found.card_serial == 1 and found.can_serve


def test_card_pdf_rasterised_scans_back_to_the_member(fresh_db: Ledger, member: str) -> None:
    text = decode_pdf(card_pdf(cards.card_data(fresh_db, member)))
    found = checkin.resolve(fresh_db, text)
    assert (found.status, found.member_no) == (checkin.OK, member)


@pytest.mark.parametrize("ending", ["\r", "\n", "\r\n", "\t"])
def test_what_a_scanner_types_resolves(fresh_db: Ledger, member: str, ending: str) -> None:
    text = cards.card_data(fresh_db, member).payload
    assert checkin.resolve(fresh_db, text + ending).status == checkin.OK


def test_qr_holds_no_personal_data(fresh_db: Ledger) -> None:
    member = sign_up(fresh_db, 7, name="禚晓燕", phone="13912345678")
    text = decode_png(card_png(cards.card_data(fresh_db, member)))
    person = members.reveal_id_number(fresh_db, member)
    assert person == rid(7)
    for secret in (person, person[6:14], person[-5:], "禚", "13912345678", "5678"):
        assert secret not in text
    assert text.isascii() and text.startswith("SLC1." + member + ".1.")


def test_forged_card_is_refused_with_its_own_message(fresh_db: Ledger, member: str) -> None:
    forger = Ed25519PrivateKey.generate()
    data = cards.card_data(fresh_db, member)
    forged = card_png(dataclasses.replace(data, payload=make_payload(member, 1, forger)))
    found = checkin.resolve(fresh_db, decode_png(forged))
    assert found.status == checkin.FORGED and not found.can_serve
    zh, en = both(refusal(found))
    assert "伪造" in zh and member in zh
    assert "forged" in en and member in en


def test_made_up_member_number_in_a_whole_payload_is_forged(fresh_db: Ledger) -> None:
    text = make_payload("MZL01-000001A", 1, Ed25519PrivateKey.generate())  # wrong check char
    assert checkin.resolve(fresh_db, text).status == checkin.FORGED


def test_old_card_after_reissue_is_replaced(fresh_db: Ledger, member: str) -> None:
    old_text = decode_png(card_png(cards.card_data(fresh_db, member)))
    entry = cards.reissue_card(fresh_db, member, "遗失", by="tester")
    assert (entry.kind, entry.body["serial"], entry.body["reason"]) == ("card.issue", 2, "reissue")
    new_text = decode_pdf(card_pdf(cards.card_data(fresh_db, member)))
    assert new_text != old_text
    assert checkin.resolve(fresh_db, new_text).status == checkin.OK
    old = checkin.resolve(fresh_db, old_text)
    assert (old.status, old.card_serial) == (checkin.REPLACED_CARD, 1) and not old.can_serve
    zh, en = both(refusal(old))
    assert "补办" in zh and "replaced" in en and member in en


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9, 0.99])
def test_truncated_scan_is_refused_with_its_own_message(fresh_db: Ledger, member: str,
                                                        keep: float) -> None:
    text = decode_png(card_png(cards.card_data(fresh_db, member)))
    before = ledger_hash(fresh_db)
    with pytest.raises(InvalidInput) as info:
        checkin.resolve(fresh_db, text[: int(len(text) * keep)])
    assert info.value.reason == "truncated"
    zh, en = both(info.value)
    assert "不完整" in zh and "scan again" in en
    assert ledger_hash(fresh_db) == before


def test_the_three_rejections_read_differently(fresh_db: Ledger, member: str) -> None:
    text = cards.card_data(fresh_db, member).payload
    forged = checkin.resolve(fresh_db, make_payload(member, 1, Ed25519PrivateKey.generate()))
    cards.reissue_card(fresh_db, member, "损坏", by="tester")
    replaced = checkin.resolve(fresh_db, text)
    with pytest.raises(InvalidInput) as truncated:
        checkin.resolve(fresh_db, text[:-5])
    for lang in ("zh_CN", "en"):
        sentences = {messages.render(refusal(forged), lang),
                     messages.render(refusal(replaced), lang),
                     messages.render(truncated.value, lang)}
        assert len(sentences) == 3


def test_withdrawn_and_transferred_out_cards_are_named(fresh_db: Ledger) -> None:
    gone = sign_up(fresh_db, 2, name="亓官春")
    moved = sign_up(fresh_db, 3, name="万俟雪")
    gone_text = cards.card_data(fresh_db, gone).payload
    moved_text = cards.card_data(fresh_db, moved).payload
    members.withdraw_member(fresh_db, gone, "本人申请", by="tester")
    members.transfer_out(fresh_db, moved, "北京市总工会", "工作调动", by="tester")
    left = checkin.resolve(fresh_db, gone_text)
    away = checkin.resolve(fresh_db, moved_text)
    assert (left.status, away.status) == (checkin.WITHDRAWN, checkin.TRANSFERRED_OUT)
    assert "退会" in messages.render(refusal(left), "zh_CN")
    assert "transferred" in messages.render(refusal(away), "en")
    with pytest.raises(Refused) as info:
        cards.card_data(fresh_db, gone)
    assert "left the union" in messages.render(info.value, "en")


def test_card_of_a_station_not_known_here_can_still_be_served(fresh_db: Ledger) -> None:
    other = open_ledger(":memory:")
    try:
        station.init_station(other, code="EEH02", name="二连浩特口岸驿站", by="tester")
        number = sign_up(other, 4, name="巴雅尔")
        text = decode_png(card_png(cards.card_data(other, number)))
    finally:
        other.close()
    found = checkin.resolve(fresh_db, text)
    assert found.status == checkin.ISSUER_UNKNOWN and found.can_serve
    assert "EEH02" in found.member_no
    assert "signature could not be checked" in messages.render(refusal(found), "en")


def test_typed_member_number_still_works(fresh_db: Ledger, member: str) -> None:
    found = checkin.resolve(fresh_db, " " + member.lower() + " ")
    assert (found.status, found.member_no, found.scanned) == (checkin.OK, member, False)


def test_scanning_writes_nothing(fresh_db: Ledger, member: str) -> None:
    text = cards.card_data(fresh_db, member).payload
    before = ledger_hash(fresh_db)
    for attempt in (text, text[:30], "SLC9.X.1.abc", "SLC1." + "A" * 300, "hello"):
        result = checkin.try_resolve(fresh_db, attempt)
        assert isinstance(result, checkin.CheckIn | LedgerError)
    assert ledger_hash(fresh_db) == before


def test_rare_surname_card_front_renders(fresh_db: Ledger) -> None:
    number = sign_up(fresh_db, 5, name="爨䶮")
    image = render_front(cards.card_data(fresh_db, number))
    assert image.size == (1011, 638)
    assert checkin.resolve(fresh_db, decode(image)).member_no == number



@pytest.mark.parametrize(("typed", "rescan"), [
    ("SLC", False), ("SLC1", False), ("SLC1.MZL01-0000", True), ("SLC7.MZL01-000001V.1.x", True),
    ("hello", False),
])
def test_only_plain_scans_ask_for_a_rescan(fresh_db: Ledger, typed: str, rescan: bool) -> None:
    error = checkin.try_resolve(fresh_db, typed)
    assert isinstance(error, InvalidInput)
    assert checkin.needs_rescan(error, typed) is rescan
