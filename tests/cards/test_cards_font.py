"""The shipped CJK font: licensed, complete for names, and readable by Pillow, Qt and the PDF."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont
from PIL import Image, ImageChops, ImageDraw, ImageFont

from station_app.cards import fonts
from station_app.cards.layout import BACK_NOTES, Text, back_ops, front_ops
from station_app.resources import FONT_FAMILY, font_path, resource_path
from tests.cards.cards_support import MONGOLIAN_AREA_NAMES, RARE_SURNAMES, MakeCard

NOT_IN_FONT = "\ue000"  # private use: the font maps nothing here, so it draws .notdef


def glyph_bitmap(font: ImageFont.FreeTypeFont, char: str) -> Image.Image:
    image = Image.new("L", (80, 80), 0)
    ImageDraw.Draw(image).text((8, 8), char, font=font, fill=255)
    return image


@pytest.fixture(scope="module", params=[False, True], ids=["regular", "bold"])
def bold(request: pytest.FixtureRequest) -> bool:
    value: bool = request.param
    return value


@pytest.fixture(scope="module")
def cmap(bold: bool) -> dict[int, str]:
    with TTFont(font_path(bold), lazy=True) as font:
        return dict(font.getBestCmap())


def test_font_files_and_licence_ship_together() -> None:
    regular, heavy = font_path(False), font_path(True)
    assert regular.is_file() and heavy.is_file()
    assert regular.parent == resource_path("fonts")
    assert (regular.stat().st_size + heavy.stat().st_size) < 25_000_000
    licence = resource_path("fonts", "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Adobe" in licence
    assert resource_path("fonts", "README.md").is_file()


def test_font_covers_the_whole_basic_ideograph_block(cmap: dict[int, str]) -> None:
    han = [cp for cp in cmap if 0x4E00 <= cp <= 0x9FFF]
    assert len(han) >= 20_900
    for cp in [*range(0x20, 0x7F), *range(0xA0, 0x100), 0x3001, 0x3002, 0xFF0C, 0xFF08, 0xFF09]:
        assert cp in cmap, hex(cp)


def test_names_render_with_real_glyphs_not_boxes(bold: bool, cmap: dict[int, str]) -> None:
    font = fonts.pil_font(60, bold)
    notdef = glyph_bitmap(font, NOT_IN_FONT)
    assert notdef.getbbox() is not None  # .notdef has an outline to compare against
    chars = set("".join(RARE_SURNAMES) + "".join(MONGOLIAN_AREA_NAMES)) - {"·"}
    for char in sorted(chars):
        assert ord(char) in cmap, f"{char} U+{ord(char):04X} missing from the font"
        assert fonts.has_glyph(char, bold)
        bitmap = glyph_bitmap(font, char)
        assert bitmap.getbbox() is not None, f"{char} renders blank"
        assert ImageChops.difference(bitmap, notdef).getbbox() is not None, f"{char} is a box"


def test_every_character_printed_on_a_card_is_in_the_font(make_card: MakeCard) -> None:
    for name in (*RARE_SURNAMES, *MONGOLIAN_AREA_NAMES):
        card = make_card(name=name, station_name="锡林郭勒盟二连浩特市口岸货车司机之家驿站")
        for op in [*front_ops(card), *back_ops(card)]:
            if isinstance(op, Text):
                missing = [c for c in op.text if not c.isspace() and not fonts.has_glyph(c,
                                                                                         op.bold)]
                assert not missing, (op.text, missing)
    assert all(fonts.has_glyph(c) for note in BACK_NOTES for c in note)


def test_pillow_reads_the_font_by_its_own_name(bold: bool) -> None:
    font = ImageFont.truetype(str(font_path(bold)), 20)
    assert font.getname() == (FONT_FAMILY, "Bold" if bold else "Regular")


def test_qt_loads_the_font(qapp: object) -> None:
    qtgui = pytest.importorskip("PySide6.QtGui")
    families = set()
    for bold in (False, True):
        font_id = qtgui.QFontDatabase.addApplicationFont(str(font_path(bold)))
        assert font_id >= 0
        families.update(qtgui.QFontDatabase.applicationFontFamilies(font_id))
    assert families == {FONT_FAMILY}
    assert {"Regular", "Bold"} <= set(qtgui.QFontDatabase.styles(FONT_FAMILY))
    metrics = qtgui.QFontMetrics(qtgui.QFont(FONT_FAMILY, 20))
    assert all(metrics.inFontUcs4(ord(c)) for c in "".join(RARE_SURNAMES))
    assert not metrics.inFontUcs4(ord(NOT_IN_FONT))
