"""Screenshots of the Reports page for docs/screenshots (both languages), from a demo ledger.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m station_app.ui.reports_screenshot``
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ..data.db import open_ledger
from ..services import demo, station
from . import i18n
from .context import AppContext
from .reports_view import ReportsPage


def make_demo(folder: Path) -> Path:
    path = folder / "demo.db"
    ledger = open_ledger(path, create=True)
    station.init_station(ledger, code="MZL01", name="满洲里口岸驿站", league="呼伦贝尔市总工会",
                         by="demo")
    demo.build_demo(ledger)
    with ledger.write():
        ledger.set_setting(f"target.members.{date.today().year}", "400")
    ledger.close()
    return path


def shoot(out_dir: Path, size: tuple[int, int] = (1440, 960)) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.register_fonts(app)  # type: ignore[arg-type]
    saved = []
    with tempfile.TemporaryDirectory() as tmp:
        path = make_demo(Path(tmp))
        for lang in ("zh_CN", "en"):
            i18n.install(lang)
            ctx = AppContext(path, open_ledger(path), lang=lang, actor="demo")
            page = ReportsPage(ctx, run_async=False)
            page.resize(*size)
            page.show()
            app.processEvents()
            page.tabs.setCurrentIndex(3)  # by worker group
            app.processEvents()
            target = out_dir / f"reports-{lang}.png"
            page.grab().save(str(target))
            saved.append(target)
            page.close()
            ctx.close()
    return saved


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[2]
    for file in shoot(root / "docs" / "screenshots"):
        print(file)
