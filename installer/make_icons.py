"""Make the raster app icons from the window icon: resources/icons/station-ledger.{png,ico}.

The source is ``resources/icons/station-ledger.svg`` (the icon ``station-app`` shows on its
window), so the installer, the .exe, the desktop entry and the window all show the same picture.
Run from the project root after changing the SVG (the outputs are committed; builds do not run it):

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icons.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
NAME = "station-ledger"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> Image.Image:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    svg = ICONS / f"{NAME}.svg"
    render(svg, 512).save(ICONS / f"{NAME}.png")
    big = render(svg, 256)
    big.save(ICONS / f"{NAME}.ico", sizes=[(s, s) for s in ICO_SIZES])
    print(f"wrote {NAME}.png (512 px) and {NAME}.ico from {svg.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
