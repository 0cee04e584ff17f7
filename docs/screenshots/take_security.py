"""Screenshots of the Security & backups page and the Audit log page, signed in as the admin.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take_security.py

Writes security_page_{zh_CN,en}.png and security_audit_{zh_CN,en}.png. Uses a fresh demo ledger
in a temporary folder and the shipped CJK font only: three accounts, a backup, a revealed ID
number (with its reason) and a clerk's refused attempt, so both pages have something to show.
"""

from __future__ import annotations

from shots import HERE, fresh_ledger


def main() -> None:
    from station_app.domain.errors import Refused
    from station_app.services import auth, backup, privacy
    from station_app.ui import i18n
    from station_app.ui.context import AppContext
    from station_app.ui.main_window import MainWindow

    app, folder, ledger = fresh_ledger(demo_members=60, demo_days=10)
    boss = auth.setup_admin(ledger, "zhanzhang", "864213", "站长 乌兰")
    auth.create_attendant(ledger, "wangli", "1357", role="attendant", by="zhanzhang",
                          attendant=boss, display_name="王丽")
    auth.create_attendant(ledger, "shizonggong", "sup-pass-1", role="supervisor",
                          by="zhanzhang", attendant=boss, display_name="市总工会 李明")
    backup.auto_backup(ledger, "manual", by="zhanzhang", attendant=boss)
    number = ledger.conn.execute("SELECT member_no FROM members LIMIT 1").fetchone()[0]
    privacy.reveal(ledger, number, "补办会员证核对身份", actor="zhanzhang", attendant=boss)
    clerk = auth.authenticate(ledger, "wangli", "1357")
    try:
        auth.require(ledger, clerk, "export", actor="wangli")
    except Refused:
        pass
    for lang in ("zh_CN", "en"):
        i18n.install(lang)
        ctx = AppContext(folder / "station.db", ledger, lang=lang, actor="zhanzhang")
        ctx.attendant = boss  # type: ignore[attr-defined]
        window = MainWindow(ctx)
        window.resize(1280, 800)
        window.show()
        for name, shot in (("security", "security_page"), ("audit", "security_audit")):
            window.show_page(name)
            for _ in range(5):
                app.processEvents()
            window.grab().save(str(HERE / f"{shot}_{lang}.png"))
            print(HERE / f"{shot}_{lang}.png")
        window.close()


if __name__ == "__main__":
    main()
