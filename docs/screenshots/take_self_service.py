"""Screenshots of the self-service screen (自助模式), Chinese, 1280×800 (docs/screenshots/).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take_self_service.py

Uses a fresh demo ledger in a temporary folder and the shipped CJK font only.
"""

from __future__ import annotations

from shots import HERE, fresh_ledger


def main() -> None:
    from station_app.services import auth, cards
    from station_app.services import self_service as kiosk
    from station_app.ui import self_service as screen_module
    from station_app.ui.context import AppContext

    app, folder, ledger = fresh_ledger(demo_members=40, demo_days=3)
    kiosk.set_enabled(ledger, True, by="demo", attendant=auth.TrustedCaller("screenshots"))
    number = ledger.conn.execute(
        "SELECT member_no FROM members WHERE status = 'active' AND card_serial > 0"
        " AND length(name) = 3 ORDER BY member_no LIMIT 1").fetchone()[0]
    payload = cards.card_data(ledger, number).payload
    ctx = AppContext(folder / "station.db", ledger, lang="zh_CN", actor="demo")
    screen = screen_module.start(ctx, background=False, fullscreen=False)
    screen.resize(1280, 800)
    app.processEvents()
    screen.grab().save(str(HERE / "self_service_welcome.png"))
    screen.scanned(payload)
    for code in ("water", "charge", "meal_heat"):
        screen.service_buttons[code].setChecked(True)
    app.processEvents()
    screen.grab().save(str(HERE / "self_service_services.png"))
    screen._may_close = True
    screen.close()
    ctx.close()


if __name__ == "__main__":
    main()
