"""Regenerate the sample card images in docs/ from a demo station ledger.

    .venv/bin/python tools/make_card_samples.py                # docs/card-front.png, card-back.png
    .venv/bin/python tools/make_card_samples.py --screenshots  # also docs/screenshots/cards-*.png

The demo ledger lives in memory and signs with a fixed demo key (never a real station's), and
the clock is fixed, so the images only change when the card design does. The sample member is
signed up through the same services as at the counter; the card is then made by
``services.cards.card_data`` exactly as ``station-ledger card`` makes it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from station_app.data.db import Ledger, open_ledger  # noqa: E402
from station_app.data.keys import KeyRing  # noqa: E402
from station_app.domain import clock, resident_id  # noqa: E402
from station_app.services import cards, members, station  # noqa: E402

DEMO_SEED = b"station-ledger demo card key - not a station key"
ISSUED = datetime(2026, 11, 20, 9, 30, tzinfo=timezone(timedelta(hours=8)))
SAMPLE = {"name": "禚其木格", "worker_type": "truck_driver", "employer": "满洲里国际物流"}


def demo_ledger() -> tuple[Ledger, str]:
    """An in-memory station MZL01 with one sample member whose card is issued and unprinted."""
    keys = KeyRing.generate(None)
    keys.signing = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(DEMO_SEED).digest())
    ledger = open_ledger(":memory:", keys=keys)
    with clock.fixed(ISSUED, timedelta(seconds=1)):
        station.init_station(ledger, code="MZL01", name="满洲里口岸驿站",
                             league="呼伦贝尔市总工会", by="demo")
        form = members.SignUp(name=SAMPLE["name"],
                              id_number=resident_id.make("150781", datetime(1988, 3, 2).date(), 7),
                              phone="13904701234", worker_type=SAMPLE["worker_type"],
                              employer=SAMPLE["employer"])
        number = members.sign_up_member(ledger, form, by="demo").member_no
        for n, name in enumerate(("乌兰巴特尔", "仝晓燕", "斯琴高娃"), start=8):
            members.sign_up_member(ledger, members.SignUp(
                name=name, id_number=resident_id.make("150781", datetime(1990, 5, 17).date(), n),
                phone=f"139047{n:05d}", worker_type="delivery_rider", employer="美团"), by="demo")
    return ledger, number


def write_cards(ledger: Ledger, number: str, docs: Path) -> list[Path]:
    from station_app.cards import render_back, render_front

    with clock.fixed(ISSUED + timedelta(days=1)):
        card = cards.card_data(ledger, number)
    written = []
    for name, image in (("card-front.png", render_front(card)), ("card-back.png",
                                                                  render_back(card))):
        path = docs / name
        image.save(path, format="PNG", dpi=(300, 300))
        written.append(path)
    return written


def write_screenshots(ledger: Ledger, number: str, folder: Path) -> list[Path]:
    """The card dialog and the Cards page, offscreen, in Chinese (the default language)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from station_app.ui import i18n
    from station_app.ui.cards_page import CardsPage
    from station_app.ui.cards_print import CardDialog
    from station_app.ui.context import AppContext

    app = QApplication.instance() or QApplication([])
    i18n.register_fonts(app)  # type: ignore[arg-type]
    i18n.install("zh_CN")
    ctx = AppContext(":memory:", ledger, lang="zh_CN", actor="demo")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with clock.fixed(ISSUED + timedelta(days=1)):
        dialog = CardDialog(ctx, number)
        dialog.show()
        app.processEvents()
        path = folder / "cards-dialog.png"
        dialog.grab().save(str(path))
        written.append(path)
        page = CardsPage(ctx)
        page.resize(900, 420)
        page.show()
        app.processEvents()
        path = folder / "cards-page.png"
        page.grab().save(str(path))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    parser.add_argument("--screenshots", action="store_true",
                        help="also grab the card dialog and the Cards page")
    args = parser.parse_args(argv)
    ledger, number = demo_ledger()
    try:
        paths = write_cards(ledger, number, args.docs)
        if args.screenshots:
            paths += write_screenshots(ledger, number, args.docs / "screenshots")
    finally:
        ledger.close()
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
