"""What every screenshot script here shares: the project on the import path, the offscreen
platform, a QApplication with the shipped CJK font, and a fresh ledger in a temporary folder
(never the developer's own)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def fresh_ledger(*, demo_members: int | None = None, demo_days: int = 3
                 ) -> tuple[Any, Path, Any]:
    """(QApplication, folder, ledger): the demo station when ``demo_members`` is given, else an
    empty ledger file the caller initialises."""
    from PySide6.QtWidgets import QApplication

    from station_app.data.db import open_ledger
    from station_app.services import demo
    from station_app.ui import i18n

    app = QApplication.instance() or QApplication([])
    i18n.register_fonts(app)
    folder = Path(tempfile.mkdtemp())
    os.environ["STATION_LEDGER_HOME"] = str(folder)
    ledger = open_ledger(folder / "station.db", create=True)
    if demo_members is not None:
        demo.build_demo(ledger, members=demo_members, days=demo_days)
    return app, folder, ledger
