"""Card PDFs: exact CR80 pages, A4 sheets of ten with crop marks, QR codes that scan in print."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image

from station_app.cards import card_pdf, parse_payload, sheet_pdf, verify_payload
from station_app.domain.errors import InvalidInput
from tests.cards.cards_support import MakeCard

PT_PER_MM = 72 / 25.4


def rasterise(pdf: bytes, dpi: int = 300) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("L") for page in document]
    finally:
        document.close()


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [(p.get_width() / PT_PER_MM, p.get_height() / PT_PER_MM) for p in document]
    finally:
        document.close()


def page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def scans(image: Image.Image) -> list[str]:
    return [b.text for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def test_card_pdf_is_two_cr80_pages_whose_qr_scans(make_card: MakeCard,
                                                   station_key: Ed25519PrivateKey) -> None:
    card = make_card(n=7, name="禚覃缪", serial=3)
    pdf = card_pdf(card)
    assert pdf.startswith(b"%PDF-")
    assert page_sizes_mm(pdf) == [pytest.approx((85.6, 54.0), abs=0.01)] * 2
    front, back = rasterise(pdf)
    (text,) = scans(front)
    scanned = parse_payload(text)
    assert (scanned.member_no, scanned.serial) == (card.member_no, 3)
    assert verify_payload(scanned, station_key.public_key())
    assert scans(back) == []


def test_card_pdf_has_real_text_in_the_embedded_font(make_card: MakeCard) -> None:
    card = make_card(name="佘岑")
    pdf = card_pdf(card)
    front_text, back_text = page_texts(pdf)
    assert "佘岑" in front_text and card.member_no in front_text
    assert "满洲里口岸驿站" in front_text
    assert "遗失请到驿站补办" in back_text
    assert pdf.count(b"/FontFile3") == 2  # regular and bold, each embedded once
    assert b"StationSansSC" in pdf


def test_a_character_the_font_lacks_prints_as_a_box_not_nothing(make_card: MakeCard) -> None:
    """王䶮 must not come out as 王 (the PNG card shows a box; the PDF now does too)."""
    front_text, _ = page_texts(card_pdf(make_card(name="王䶮")))
    assert "王□" in front_text


def test_sheet_has_ten_cards_a_page_that_all_scan(make_card: MakeCard,
                                                  station_key: Ed25519PrivateKey) -> None:
    cards = [make_card(n=i) for i in range(1, 13)]
    seen: list[int] = []
    pdf = sheet_pdf(cards, progress=seen.append)
    assert seen == list(range(1, 13))
    assert page_sizes_mm(pdf) == [pytest.approx((210.0, 297.0), abs=0.01)] * 2
    assert pdf.count(b"/FontFile3") == 2
    first, second = rasterise(pdf, dpi=200)
    found = [parse_payload(t) for t in scans(first)]
    assert sorted(p.member_no for p in found) == sorted(c.member_no for c in cards[:10])
    assert all(verify_payload(p, station_key.public_key()) for p in found)
    assert len(scans(second)) == 2


def test_sheet_has_crop_marks_in_the_margins(make_card: MakeCard) -> None:
    (page,) = rasterise(sheet_pdf([make_card()]), dpi=100)
    px = 100 / 25.4
    # the left edge of the first column (x = 19.4 mm) is marked above the cards, in the margin
    mark = page.crop((round(19.4 * px) - 2, round(6 * px), round(19.4 * px) + 3, round(11 * px)))
    assert mark.getextrema()[0] < 80
    blank = page.crop((round(40 * px), round(6 * px), round(60 * px), round(11 * px)))
    assert blank.getextrema()[0] > 240


def test_sheet_with_backs_for_duplex(make_card: MakeCard) -> None:
    cards = [make_card(n=i) for i in range(1, 4)]
    pdf = sheet_pdf(cards, backs=True)
    texts = page_texts(pdf)
    assert len(texts) == 2
    assert "使用须知" in texts[1]
    # long-edge duplex: the back of the first card is printed in the right column
    document = pdfium.PdfDocument(pdf)
    try:
        textpage = document[1].get_textpage()
        first_back = texts[1].index(cards[0].member_no)
        box = textpage.get_charbox(first_back)
        assert box[0] > 105 * PT_PER_MM
    finally:
        document.close()


def test_empty_sheet_is_refused() -> None:
    with pytest.raises(InvalidInput) as info:
        sheet_pdf([])
    assert info.value.field == "cards"


def test_sheet_stays_small(make_card: MakeCard) -> None:
    pdf = sheet_pdf([make_card(n=i) for i in range(1, 41)])
    # fonts are embedded once; each card adds only its text and a 1-bit QR image
    per_card = (len(pdf) - len(sheet_pdf([make_card()]))) / 39
    assert per_card < 5_000
