"""Screenshots of the counter's member actions in Chinese (docs/screenshots/member_*.png).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take_member.py

Uses a fresh demo ledger in a temporary folder and the shipped CJK font only:
``member_edit.png`` is the "Edit profile" dialog with a new mobile number and its reason,
``member_panel.png`` the member panel of a real-name verified member with the "Member (F9)"
button under the details.
"""

from __future__ import annotations

from shots import HERE, fresh_ledger


def main() -> None:
    from station_app.data import queries
    from station_app.services import members
    from station_app.ui import i18n
    from station_app.ui.context import AppContext
    from station_app.ui.dialogs.member_edit import MemberEditDialog
    from station_app.ui.main_window import MainWindow

    app, folder, ledger = fresh_ledger(demo_members=40, demo_days=3)
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
    dialog.discard_ok = True  # typed in for the picture: close without asking
    dialog.close()
    window.close()
    ctx._soon.stop()
    ledger.close()
    print("screenshots in", HERE)


if __name__ == "__main__":
    main()
