"""Card faces: CR80 at 300 dpi, a scannable QR, text that fits and never runs into the code."""

from __future__ import annotations

import datetime
import io

import pytest
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image

from station_app.cards import (
    CARD_H,
    CARD_PX,
    CARD_W,
    CardData,
    card_png,
    fonts,
    parse_payload,
    render_back,
    render_front,
    verify_payload,
)
from station_app.cards.layout import QRCode, Text, back_ops, format_date, front_ops
from tests.cards.cards_support import MakeCard

LONG_STATION = "锡林郭勒盟二连浩特市口岸货车司机之家暨新就业形态劳动者服务驿站"


def decode_qr(image: Image.Image) -> list[str]:
    return [b.text for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def test_front_is_cr80_at_300_dpi(make_card: MakeCard) -> None:
    image = render_front(make_card())
    assert image.size == CARD_PX == (1011, 638)
    assert image.mode == "RGB"
    assert render_back(make_card()).size == CARD_PX


def test_png_qr_scans_back_to_a_verified_member(make_card: MakeCard,
                                                station_key: Ed25519PrivateKey) -> None:
    card = make_card(n=42, serial=2)
    png = Image.open(io.BytesIO(card_png(card)))
    assert png.size == CARD_PX
    assert png.info["dpi"] == pytest.approx((300, 300), abs=0.1)
    (text,) = decode_qr(png)
    scanned = parse_payload(text)
    assert (scanned.member_no, scanned.serial) == (card.member_no, 2)
    assert verify_payload(scanned, station_key.public_key())


def test_png_with_back(make_card: MakeCard) -> None:
    png = Image.open(io.BytesIO(card_png(make_card(), with_back=True)))
    assert png.width == CARD_PX[0] and png.height > 2 * CARD_PX[1]


def test_qr_is_big_enough_with_its_quiet_zone(make_card: MakeCard) -> None:
    (qr,) = [op for op in front_ops(make_card()) if isinstance(op, QRCode)]
    n = len(qr.modules)
    symbol_mm = qr.size * (n - 8) / n
    assert symbol_mm >= 20
    for ring in range(4):
        edge = [qr.modules[ring], qr.modules[n - 1 - ring], [row[ring] for row in qr.modules],
                [row[n - 1 - ring] for row in qr.modules]]
        assert not any(any(line) for line in edge), "quiet zone must be light"
    assert qr.x + qr.size <= CARD_W and qr.y + qr.size <= CARD_H


def test_issue_date_is_written_the_chinese_way(make_card: MakeCard) -> None:
    assert format_date(datetime.date(2026, 3, 5)) == "2026年3月5日"
    texts = [op.text for op in front_ops(make_card()) if isinstance(op, Text)]
    assert "2026年11月20日" in texts
    assert "工会会员证" in texts


def _check_fits(card: CardData) -> None:
    ops = front_ops(card)
    (qr,) = [op for op in ops if isinstance(op, QRCode)]
    for op in ops:
        if not isinstance(op, Text):
            continue
        width = fonts.text_width(op.text, op.size_pt, op.bold)
        top = op.y - op.size_pt * fonts.MM_PER_PT * 0.88
        assert op.x >= 1.0 and op.x + width <= CARD_W - 1.0, op
        assert top >= 1.0 and op.y <= CARD_H - 1.5, op
        beside_qr = qr.y <= op.y and top <= qr.y + qr.size
        if beside_qr and op.x < qr.x:
            assert op.x + width <= qr.x + 1.0, f"{op.text!r} runs into the QR code"
        assert op.size_pt >= 5, op
    for op in back_ops(card):
        if isinstance(op, Text):
            assert op.x + fonts.text_width(op.text, op.size_pt, op.bold) <= CARD_W - 1.0, op
            assert op.y <= CARD_H - 1.5, op


@pytest.mark.parametrize("name", [
    "王", "翟晓燕", "仝亓昝", "孟和巴特尔·额尔德木图", "阿拉坦仓·图门吉日嘎拉·巴雅尔",
    "MARIA-GRACIA VON HOHENZOLLERN-SIGMARINGEN", "乌" * 40,
])
def test_names_fit_on_the_card(make_card: MakeCard, name: str) -> None:
    _check_fits(make_card(name=name, station_name=LONG_STATION,
                          worker_type_label="网约车司机（兼职）"))


def name_lines(ops: list[object]) -> list[Text]:
    texts = [op for op in ops if isinstance(op, Text)]
    start = next(i for i, op in enumerate(texts) if op.text.startswith("扫码登记")) + 1
    end = next(i for i, op in enumerate(texts) if op.text == "会员号")
    return texts[start:end]


def test_long_names_shrink_then_wrap_but_keep_every_character(make_card: MakeCard) -> None:
    assert [op.size_pt for op in name_lines(front_ops(make_card(name="翟晓燕")))] == [17]
    shrunk = name_lines(front_ops(make_card(name="孟和巴特尔·额尔德木")))
    assert len(shrunk) == 1 and 10 <= shrunk[0].size_pt < 17
    name = "阿拉坦仓·图门吉日嘎拉·巴雅尔"
    wrapped = name_lines(front_ops(make_card(name=name)))
    assert len(wrapped) == 2 and all(op.size_pt <= 12 for op in wrapped)
    assert "".join(op.text for op in wrapped) == name
    cut = name_lines(front_ops(make_card(name="乌" * 40)))
    assert len(cut) == 2 and cut[-1].text.endswith("…")


def test_long_station_name_wraps_to_two_lines(make_card: MakeCard) -> None:
    texts = [op.text for op in front_ops(make_card(station_name=LONG_STATION, worker_type_label=""))
             if isinstance(op, Text)]
    station_lines = [t for t in texts if t and t in LONG_STATION]
    assert len(station_lines) == 2


def test_chinese_name_pixels_differ_from_missing_glyph_boxes(make_card: MakeCard) -> None:
    # The same card drawn with the name and with characters the font lacks must differ: if the
    # font fell back to .notdef boxes, both would show boxes in the same places.
    real = render_front(make_card(name="仝亓昝"))
    boxes = render_front(make_card(name="\ue000\ue001\ue002"))
    name_area = (40, 170, 560, 280)
    diff = Image.eval(real.crop(name_area).convert("L"), lambda v: v)
    assert diff.tobytes() != boxes.crop(name_area).convert("L").tobytes()
