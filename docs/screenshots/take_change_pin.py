"""Screenshot of the "Change my PIN" dialog in Chinese (docs/screenshots/change_pin.png).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take_change_pin.py

Uses a fresh ledger in a temporary folder and the shipped CJK font only. The dialog is shown
after a wrong current PIN, so the message line is in the picture too.
"""

from __future__ import annotations

from shots import HERE, fresh_ledger


def main() -> None:
    from station_app.services import auth, station
    from station_app.ui import i18n
    from station_app.ui.context import AppContext
    from station_app.ui.security_pin import ChangePinDialog

    app, folder, ledger = fresh_ledger()
    station.init_station(ledger, code="MZL01", name="满洲里口岸驿站", by="setup")
    boss = auth.setup_admin(ledger, "boss", "246810", "站长")
    clerk = auth.create_attendant(ledger, "wangli", "1357", display_name="王丽", by="boss",
                                  attendant=boss)
    i18n.install("zh_CN")
    ctx = AppContext(folder / "station.db", ledger, lang="zh_CN", actor="wangli")
    dialog = ChangePinDialog(ctx, clerk)
    dialog.current.setText("0000")
    dialog.new.setText("2468")
    dialog.again.setText("2468")
    dialog.show()
    dialog.submit()  # wrong current PIN: the message shows, nothing changes
    dialog.new.setText("2468")
    dialog.again.setText("2468")
    app.processEvents()
    dialog.grab().save(str(HERE / "change_pin.png"))
    dialog.close()
    ctx._soon.stop()
    ledger.close()
    print("screenshot in", HERE / "change_pin.png")


if __name__ == "__main__":
    main()
