"""Screenshots of the counter's member actions in Chinese (docs/screenshots/member_*.png).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take_member.py

Uses a fresh demo ledger in a temporary folder and the shipped CJK font only:
``member_edit.png`` is the "Edit profile" dialog with a new mobile number and its reason,
``member_panel.png`` the member panel of a real-name verified member with the "Member (F9)"
button under the details.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from station_app.data import queries
    from station_app.data.db import open_ledger
    from station_app.services import demo, members
    from station_app.ui import i18n
    from station_app.ui.context import AppContext
    from station_app.ui.dialogs.member_edit import MemberEditDialog
    from station_app.ui.main_window import MainWindow

    app = QApplication([])
    i18n.register_fonts(app)
    folder = Path(tempfile.mkdtemp())
    os.environ["STATION_LEDGER_HOME"] = str(folder)
    ledger = open_ledger(folder / "station.db", create=True)
    demo.build_demo(ledger, members=40, days=3)
    number = ledger.conn.execute(
        "SELECT member_no FROM members WHERE status = 'active' AND home_station = ?"
        " ORDER BY member_no LIMIT 1", (ledger.station_code,)).fetchone()[0]
    members.verify_member(ledger, number, by="wangli")
    i18n.install("zh_CN")
    ctx = AppContext(folder / "station.db", ledger, lang="zh_CN", actor="wangli")
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    counter = window.pages["counter"]
    counter.choose_member(number)
    app.processEvents()
    counter.member_panel.grab().save(str(HERE / "member_panel.png"))

    dialog = MemberEditDialog(ctx, queries.get_member(ledger, number), window)
    dialog.phone.setText("13947012345")
    dialog.reason.setText("会员换了手机号")
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(HERE / "member_edit.png"))
    dialog.close()
    window.close()
    ctx._soon.stop()
    ledger.close()
    print("screenshots in", HERE)


if __name__ == "__main__":
    main()
