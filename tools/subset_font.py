"""Build the shipped CJK card/UI font: subset Noto Sans CJK SC to the ranges the app needs.

Reproducible: ``python tools/subset_font.py [--src-dir /usr/share/fonts/opentype/noto]``.
Needs fontTools and the Debian package ``fonts-noto-cjk`` (or the same upstream .ttc files).

Outlines stay CFF (CID-keyed, subroutines kept): Pillow/FreeType, Qt and fpdf2 (>= 2.8, which
embeds CID-keyed CFF as CIDFontType0) all read it, and CFF is about 40 % smaller than the same
glyphs converted to TrueType quadratic outlines.

The family is renamed (``Station Sans SC``) because this is a Modified Version under the SIL OFL
and "Noto" is a Google trademark; the copyright and licence name records are kept.
"""

from __future__ import annotations

import argparse
import pathlib

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "resources" / "fonts"
FAMILY = "Station Sans SC"
PS_FAMILY = "StationSansSC"
SC_INDEX = 2  # face 2 of NotoSansCJK-*.ttc is "Noto Sans CJK SC"

# (first, last) inclusive code point ranges
RANGES: list[tuple[int, int]] = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement (· ¥ ×)
    (0x0100, 0x017F),  # Latin Extended-A (pinyin tone marks ā ē ī ō ū)
    (0x01CD, 0x01DC),  # pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
    (0x02C7, 0x02C9),  # ˇ ˈ ˉ
    (0x02CA, 0x02CB),  # ˊ ˋ
    (0x2000, 0x206F),  # General punctuation (— … ‘ ’ “ ”)
    (0x2100, 0x214F),  # Letterlike symbols (℃ №)
    (0x2150, 0x218F),  # Number forms (Ⅰ Ⅱ Ⅲ)
    (0x2190, 0x21FF),  # Arrows
    (0x2460, 0x24FF),  # Enclosed alphanumerics (① ②)
    (0x25A0, 0x25FF),  # Geometric shapes (■ □ ● ○ △)
    (0x2600, 0x26FF),  # Miscellaneous symbols (★ ☆)
    (0x2700, 0x27BF),  # Dingbats (✓ ✔ ✕)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3200, 0x32FF),  # Enclosed CJK letters and months (㈠)
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs, basic block: all the font has
    (0xFE10, 0xFE1F),  # Vertical forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # Half-width and full-width forms
]


def wanted_unicodes() -> list[int]:
    return [cp for lo, hi in RANGES for cp in range(lo, hi + 1)]


def rename(font: TTFont, weight: str) -> None:
    name = font["name"]
    full = f"{FAMILY} {weight}" if weight != "Regular" else FAMILY
    ps = f"{PS_FAMILY}-{weight}"
    version = name.getDebugName(5) or ""
    records = {
        1: FAMILY,
        2: weight,
        3: f"{ps};derived from NotoSansCJKsc-{weight} {version}",
        4: full,
        6: ps,
    }
    # Typographic family/subfamily (16/17) would override 1/2 in some apps; drop them.
    name.names = [r for r in name.names if r.nameID not in (16, 17)]
    for name_id, text in records.items():
        name.removeNames(nameID=name_id)
        name.setName(text, name_id, 3, 1, 0x409)
        name.setName(text, name_id, 1, 0, 0)
    if "CFF " in font:
        cff = font["CFF "].cff
        old = cff.fontNames[0]
        cff.fontNames = [ps]
        top = cff.topDictIndex[0]
        top.FullName = full
        top.FamilyName = FAMILY
        if hasattr(top, "FDArray"):
            for fd in top.FDArray:
                if getattr(fd, "FontName", "").startswith(old):
                    fd.FontName = ps + fd.FontName[len(old):]


def build(src: pathlib.Path, weight: str, out: pathlib.Path) -> None:
    font = TTFont(src, fontNumber=SC_INDEX, recalcTimestamp=False)
    options = subset.Options()
    options.name_IDs = ["*"]  # keep copyright (0), licence (13, 14) and credits
    options.name_languages = ["*"]
    options.notdef_outline = True  # a real .notdef so missing glyphs are visible, and testable
    options.layout_features = ["*"]
    options.hinting = True
    options.desubroutinize = False
    options.drop_tables += ["BASE"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted_unicodes())
    subsetter.subset(font)
    rename(font, weight)
    font.save(out)
    cmap = font.getBestCmap()
    han = sum(1 for cp in cmap if 0x4E00 <= cp <= 0x9FFF)
    print(f"{out.name}: {out.stat().st_size / 1e6:.2f} MB, {len(cmap)} code points, {han} han")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src-dir", type=pathlib.Path,
                        default=pathlib.Path("/usr/share/fonts/opentype/noto"))
    parser.add_argument("--out-dir", type=pathlib.Path, default=OUT_DIR)
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for weight in ("Regular", "Bold"):
        build(args.src_dir / f"NotoSansCJK-{weight}.ttc", weight,
              args.out_dir / f"{PS_FAMILY}-{weight}.otf")


if __name__ == "__main__":
    main()
