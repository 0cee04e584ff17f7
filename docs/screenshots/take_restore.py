"""Screenshots of the restore confirmation (Security & backups → Restore from backup…).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take_restore.py

Writes security_restore_zh_CN.png and security_restore_en.png. Uses a fresh demo ledger in a
temporary folder and the shipped CJK font only: a backup written the real way, then a dozen
visits and a sign-up recorded after it, so the dialog has something to say about what would be
lost.
"""

from __future__ import annotations

from shots import HERE, fresh_ledger


def main() -> None:
    from station_app.services import auth, backup, restore_plan, visits
    from station_app.ui import i18n
    from station_app.ui.security_restore import ConfirmRestoreDialog
    from tests.helpers import sign_up

    app, _folder, ledger = fresh_ledger(demo_members=120, demo_days=30)
    boss = auth.setup_admin(ledger, "zhanzhang", "8642", "站长")
    made = backup.auto_backup(ledger, "manual", by="zhanzhang", attendant=boss)
    assert made is not None
    regulars = [r[0] for r in ledger.conn.execute(
        "SELECT member_no FROM members WHERE status = 'active' ORDER BY member_no LIMIT 12")]
    for member in regulars:
        visits.record_visit(ledger, ["water", "rest"], by="wangli", member=member)
    sign_up(ledger, 900, name="乌云其其格")  # joined after the backup: her number is lost
    plan = restore_plan.plan(made.path, ledger)
    for lang in ("zh_CN", "en"):
        i18n.install(lang)
        dialog = ConfirmRestoreDialog(plan)
        dialog.show()
        dialog.code.setText("MZL01")
        app.processEvents()
        out = HERE / f"security_restore_{lang}.png"
        dialog.grab().save(str(out))
        dialog.close()
        print("screenshot in", out)
    ledger.close()


if __name__ == "__main__":
    main()
