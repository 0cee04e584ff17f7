"""Screenshots of the counter, sign-up and relief dialogs in both languages (docs/screenshots/).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take.py
    (or under Xvfb: xvfb-run -a .venv/bin/python docs/screenshots/take.py)

Uses a fresh demo ledger in a temporary folder and the shipped CJK font only.
"""

from __future__ import annotations

from shots import HERE, fresh_ledger


def main() -> None:
    from station_app.ui import i18n, jobs
    from station_app.ui.context import AppContext
    from station_app.ui.dialogs.relief import ReliefDialog
    from station_app.ui.dialogs.sign_up import SignUpDialog
    from station_app.ui.main_window import MainWindow
    from tests.helpers import rid

    app, folder, ledger = fresh_ledger(demo_members=120, demo_days=30)
    number = ledger.conn.execute("SELECT member_no FROM relief LIMIT 1").fetchone()[0]
    # The counter mid-morning: a few visits already recorded today.
    from station_app.services import visits

    regulars = [r[0] for r in ledger.conn.execute(
        "SELECT member_no FROM members WHERE status = 'active' AND member_no <> ?"
        " ORDER BY member_no LIMIT 5", (number,))]
    for member, given in zip(regulars, (["water"], ["water", "rest"], ["meal_heat"],
                                        ["charge", "rest"], ["rest", "toilet"]), strict=True):
        visits.record_visit(ledger, given, by="wangli", member=member)
    visits.record_visit(ledger, ["water", "rest", "warming"], by="wangli",
                        walk_in=visits.WalkIn("truck_driver", "passport", "MN"))
    for lang in ("zh_CN", "en"):
        i18n.install(lang)
        ctx = AppContext(folder / "station.db", ledger, lang=lang, actor="wangli")
        window = MainWindow(ctx)
        window.resize(1280, 800)
        window.show()
        counter = window.pages["counter"]
        counter.choose_member(number)
        counter.pad.toggle_index(0)
        counter.pad.toggle_index(1)
        app.processEvents()
        window.grab().save(str(HERE / f"counter_{lang}.png"))
        counter.record_visit()  # the member stays, marked served, until Esc or 60 s idle
        app.processEvents()
        window.grab().save(str(HERE / f"counter_served_{lang}.png"))

        sign_up = SignUpDialog(ctx, window)
        sign_up.form.name.setText("乌兰其其格" if lang == "zh_CN" else "Ulaan Qiqige")
        sign_up.form.id_number.setText(rid(321, area="150702"))
        sign_up.form.phone.setText("13904701234")
        sign_up.form.worker.setCurrentIndex(2)
        sign_up.form.employer.setEditText("满帮")
        sign_up.consent.check.setChecked(True)
        sign_up.show()
        app.processEvents()
        sign_up.grab().save(str(HERE / f"sign_up_{lang}.png"))
        bad = SignUpDialog(ctx, window)
        bad.form.name.setText("张伟")
        bad.form.id_number.setText(rid(322)[:17] + ("0" if rid(322)[17] != "0" else "1"))
        bad.form.phone.setText("1390470")
        bad.show()
        bad.try_sign_up()
        app.processEvents()
        bad.grab().save(str(HERE / f"sign_up_error_{lang}.png"))

        relief = ReliefDialog(ctx, number, window)
        relief.money.setText("200")
        relief.goods_rows[0][0].setEditText("棉手套")
        relief.show()
        app.processEvents()
        relief.grab().save(str(HERE / f"relief_{lang}.png"))
        for dialog in (sign_up, bad, relief):
            dialog.discard_ok = True  # typed in for the picture: close without asking
        for widget in (sign_up, bad, relief, window):
            widget.close()
            widget.deleteLater()
        ctx._soon.stop()
        app.processEvents()
    jobs.wait_for_all()  # pages may have started background work: let it end first
    ledger.close()
    print("screenshots in", HERE)


if __name__ == "__main__":
    main()
