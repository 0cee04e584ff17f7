"""The self-service screen offscreen on a real ledger file, driven by a worker and an admin."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from station_app.services import audit, auth
from station_app.services import self_service as kiosk
from station_app.ui import i18n, scan_router, self_service
from station_app.ui.context import AppContext
from station_app.ui.main_window import MainWindow
from station_app.ui.sign_in import IdleLock
from tests.helpers import ledger_hash
from tests.security.conftest import ADMIN_PIN, AUDITOR, CLERK_PIN
from tests.self_service.conftest import (
    MASKED,
    SECRETS,
    Station,
    close_screen,
    sign_in_as,
    turn_on,
)

pytestmark = pytest.mark.gui


def texts(widget: QWidget) -> list[str]:
    """Every text the widget tree holds, shown or not (labels, buttons, fields, tips, names)."""
    found = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, (QLabel, QAbstractButton, QLineEdit)):
            found.append(child.text())
        found.extend([child.toolTip(), child.accessibleName(), child.accessibleDescription()])
    return [t for t in found if t]


def leaks(widget: QWidget) -> list[str]:
    joined = "\n".join(texts(widget))
    return [secret for secret in SECRETS if secret in joined]


def scan(qtbot: Any, screen: QWidget, text: str) -> None:
    """What a USB scanner does: type the payload, then Enter."""
    qtbot.keyClicks(screen, text)
    qtbot.keyClick(screen, Qt.Key.Key_Return)


def click(qtbot: Any, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def visit_count(ctx: AppContext) -> int:
    return int(ctx.ledger.conn.execute(
        "SELECT COUNT(*) FROM entries WHERE kind = 'visit'").fetchone()[0])


@pytest.fixture
def screen(qtbot: Any, ctx: AppContext) -> Any:
    """Started as ``station-app`` does with the mode on (windowed for the test)."""
    turn_on(ctx.ledger)
    shown = self_service.start(ctx, background=False, fullscreen=False)
    qtbot.waitExposed(shown)
    return shown


def test_switching_on_needs_the_admin(qtbot: Any, ctx: AppContext,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    sign_in_as(ctx, "clerk", CLERK_PIN)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    action = window.findChild(QAction, "actionSelfService")
    assert action is not None
    assert action.shortcut().toString() == "Ctrl+Shift+K"
    action.trigger()  # no question for somebody who may not: the refusal at once
    assert not kiosk.is_enabled(ctx.ledger)
    assert self_service.switch_on(window, confirm=False) is None
    assert warnings and "may not do this" in warnings[0]
    assert not kiosk.is_enabled(ctx.ledger) and window.isVisible()
    assert audit.rows(ctx.ledger, action=audit.DENIED, attendant=AUDITOR)[0].actor == "clerk"


def test_the_admin_switches_on_and_the_attendant_ui_is_gone(
        qtbot: Any, ctx: AppContext, station_file: Station,
        monkeypatch: pytest.MonkeyPatch) -> None:
    sign_in_as(ctx, "boss", ADMIN_PIN)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(ctx, minutes=5)
    ctx.idle_lock = lock  # type: ignore[attr-defined]
    screen = self_service.switch_on(window, confirm=False, fullscreen=False)
    assert screen is not None
    qtbot.waitExposed(screen)
    assert kiosk.is_enabled(ctx.ledger) and not window.isVisible()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [screen]
    assert getattr(ctx, "attendant", None) is None and ctx.actor == "self-service"
    assert not lock._check.isActive()  # the attended idle lock is off
    switched = audit.rows(ctx.ledger, action=kiosk.AUDIT_ACTION, attendant=AUDITOR)
    assert [(r.actor, r.detail) for r in switched] == [("boss", {"on": True})]
    assert audit.last(ctx.ledger, audit.SIGN_OUT) is not None
    assert screen.findChildren(type(window.menuBar())) == []  # no menus, no pages
    # A worker's visit, then the admin leaves: the same main window, with the visit listed.
    scan(qtbot, screen, station_file.payload)
    click(qtbot, screen.service_buttons["water"])
    click(qtbot, screen.done_button)
    _leave_with(monkeypatch, qtbot, [("boss", ADMIN_PIN)], [])
    assert screen.ask_leave()
    assert window.isVisible() and not screen.isVisible() and ctx.actor == "boss"
    ctx.self_service_window = None  # type: ignore[attr-defined]
    counter = window.pages["counter"]
    from station_app.ui.models.today import COL_BY

    by = {counter.today_model.index(r, COL_BY).data()
          for r in range(counter.today_model.rowCount())}
    assert "self-service" in by
    assert isinstance(ctx.idle_lock, IdleLock)  # type: ignore[attr-defined]


def test_scan_services_done_records_one_visit(qtbot: Any, ctx: AppContext, screen: Any,
                                               station_file: Station) -> None:
    assert screen.pages.currentWidget() is screen.welcome_page
    scan(qtbot, screen, station_file.payload)
    assert screen.pages.currentWidget() is screen.services_page
    assert screen.greeting.text() == f"您好，{MASKED}！"  # Chinese by default
    assert not screen.done_button.isEnabled()
    click(qtbot, screen.service_buttons["water"])
    click(qtbot, screen.service_buttons["charge"])
    assert MASKED in "\n".join(texts(screen)) and leaks(screen) == []
    assert station_file.member not in "\n".join(texts(screen))
    before = visit_count(ctx)
    click(qtbot, screen.done_button)
    assert visit_count(ctx) == before + 1
    row = ctx.ledger.conn.execute(
        "SELECT recorded_by, json_extract(body, '$.member_no'), json_extract(body, '$.services')"
        " FROM entries WHERE kind = 'visit' ORDER BY seq DESC LIMIT 1").fetchone()
    assert row == ("self-service", station_file.member, '["water","charge"]')
    # Back at the welcome screen; nothing of the worker is left.
    assert screen.pages.currentWidget() is screen.welcome_page
    assert "已为您登记" in screen.message.text()
    assert MASKED not in "\n".join(texts(screen)) and leaks(screen) == []
    assert not any(b.isChecked() for b in screen.service_buttons.values())


def test_the_visit_shows_at_the_counter(qtbot: Any, ctx: AppContext, screen: Any,
                                        station_file: Station) -> None:
    scan(qtbot, screen, station_file.payload)
    click(qtbot, screen.service_buttons["rest"])
    qtbot.keyClick(screen, Qt.Key.Key_Return)  # Enter is Done too
    from station_app.ui.models.today import COL_BY, TodayModel

    model = TodayModel(ctx)
    by = [model.index(r, COL_BY).data() for r in range(model.rowCount())]
    assert "self-service" in by


def test_walk_in_without_a_card(qtbot: Any, ctx: AppContext, screen: Any) -> None:
    click(qtbot, screen.no_card_button)
    assert screen.worker_box.isVisible() and screen.greeting.text() == "您好！"
    click(qtbot, screen.service_buttons["water"])
    assert not screen.done_button.isEnabled()  # the worker type first
    click(qtbot, screen.worker_buttons["truck_driver"])
    click(qtbot, screen.worker_buttons["courier"])  # changing one's mind: one type only
    assert [c for c, b in screen.worker_buttons.items() if b.isChecked()] == ["courier"]
    before = visit_count(ctx)
    click(qtbot, screen.done_button)
    assert visit_count(ctx) == before + 1
    row = ctx.ledger.conn.execute(
        "SELECT recorded_by, body FROM entries WHERE kind = 'visit' ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert row[0] == "self-service"
    assert '"walk_in":true' in row[1] and '"worker_type":"courier"' in row[1]
    assert screen.pages.currentWidget() is screen.welcome_page


@pytest.mark.parametrize("what", ["garbage", "withdrawn", "member_no", "cut_off", "forged"])
def test_refused_scans_record_nothing(qtbot: Any, ctx: AppContext, screen: Any,
                                      station_file: Station, what: str) -> None:
    typed = {"garbage": "hello world 123", "withdrawn": station_file.gone_payload,
             "member_no": station_file.member, "cut_off": station_file.payload[:30],
             "forged": station_file.payload[:-2] + ("AA" if station_file.payload[-2:] != "AA"
                                                    else "BB")}[what]
    before = ledger_hash(ctx.ledger)
    scan(qtbot, screen, typed)
    assert screen.pages.currentWidget() is screen.welcome_page
    shown = screen.message.text()
    assert shown and screen.message.property("kind") == "warn"
    assert "Traceback" not in shown and "{" not in shown
    if what == "withdrawn":
        assert "会籍已经终止" in shown
    click(qtbot, screen.no_card_button)  # nothing was kept for the next step either
    assert screen.visitor is None
    assert ledger_hash(ctx.ledger) == before and leaks(screen) == []


def test_idle_returns_to_welcome_and_forgets(qtbot: Any, ctx: AppContext,
                                             station_file: Station) -> None:
    turn_on(ctx.ledger)
    screen = self_service.start(ctx, background=False, fullscreen=False, idle_ms=300)
    qtbot.waitExposed(screen)
    before = ledger_hash(ctx.ledger)
    scan(qtbot, screen, station_file.payload)
    click(qtbot, screen.service_buttons["water"])
    assert MASKED in screen.greeting.text()
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.welcome_page, timeout=3000)
    assert screen.visitor is None and MASKED not in "\n".join(texts(screen))
    assert not any(b.isChecked() for b in screen.service_buttons.values())
    assert ledger_hash(ctx.ledger) == before
    # A refusal sentence goes away too.
    scan(qtbot, screen, "nonsense")
    assert screen.message.text()
    qtbot.waitUntil(lambda: not screen.message.text(), timeout=3000)


def test_close_escape_and_close_all_are_refused(qtbot: Any, ctx: AppContext,
                                                screen: Any) -> None:
    assert not screen.close()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    qtbot.keyClick(screen, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    QApplication.closeAllWindows()
    assert screen.isVisible() and kiosk.is_enabled(ctx.ledger)
    assert [w for w in QApplication.topLevelWidgets()
            if w.isVisible() and not isinstance(w, QDialog)] == [screen]


def _leave_with(monkeypatch: pytest.MonkeyPatch, qtbot: Any, attempts: list[tuple[str, str]],
                shown: list[str]) -> None:
    """Answer the staff sign-in dialog: each (user, PIN) in turn, then Back if still open."""

    def exec_(dialog: Any) -> int:
        dialog.show()
        for user, pin in attempts:
            dialog.username.setEditText(user)
            qtbot.keyClicks(dialog.pin, pin)
            qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
            shown.append(dialog.message.text())
            if dialog.result() == QDialog.DialogCode.Accepted:
                break
        else:
            dialog.reject()
        return int(dialog.result())

    monkeypatch.setattr(self_service.StaffSignInDialog, "exec", exec_)


def test_leaving_needs_the_admin_pin(qtbot: Any, ctx: AppContext, screen: Any,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []
    original = self_service.StaffSignInDialog.__init__

    def spy(dialog: Any, *a: Any) -> None:
        original(dialog, *a)
        offered.extend(str(dialog.username.itemData(i)) for i in range(dialog.username.count()))

    monkeypatch.setattr(self_service.StaffSignInDialog, "__init__", spy)
    shown: list[str] = []
    _leave_with(monkeypatch, qtbot, [("boss", "000000"), ("clerk", CLERK_PIN)], shown)
    assert not screen.ask_leave()
    assert offered == []  # no account names are offered at an unattended station
    # An attendant's right PIN reads as a wrong one: a passer-by learns nothing from it.
    assert shown == ["Wrong user name or PIN", "Wrong user name or PIN"]
    boss = auth.get_attendant(ctx.ledger, "boss")
    assert boss is not None and boss.failed_attempts == 1  # counted towards the lock-out
    assert screen.isVisible() and kiosk.is_enabled(ctx.ledger)
    assert getattr(ctx, "attendant", None) is None

    shown.clear()
    _leave_with(monkeypatch, qtbot, [("boss", ADMIN_PIN)], shown)
    assert screen.ask_leave()
    assert not kiosk.is_enabled(ctx.ledger) and not screen.isVisible()
    assert ctx.actor == "boss" and ctx.attendant.username == "boss"  # type: ignore[attr-defined]
    window = ctx.main_window  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    assert window.isVisible() and "counter" in window.pages
    switched = audit.rows(ctx.ledger, action=kiosk.AUDIT_ACTION, attendant=AUDITOR)
    assert (switched[0].actor, switched[0].detail) == ("boss", {"on": False})
    failed = audit.rows(ctx.ledger, action=audit.SIGN_IN, attendant=AUDITOR)
    assert any(r.outcome == "failed" and r.detail.get("via") == "self_service" for r in failed)
    ctx.self_service_window = None  # type: ignore[attr-defined]


def test_lock_out_applies_at_the_staff_sign_in(qtbot: Any, ctx: AppContext, screen: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    attempts = [("boss", "000000")] * 3 + [("boss", ADMIN_PIN)]
    _leave_with(monkeypatch, qtbot, attempts, shown)
    assert not screen.ask_leave()
    assert "locked" in shown[-1] and kiosk.is_enabled(ctx.ledger)


def test_restart_with_the_setting_on_opens_self_service(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, station_file: Station) -> None:
    from station_app import app as app_module
    from station_app.data.db import open_ledger
    from station_app.ui import sign_in

    ledger = open_ledger(station_file.path)
    turn_on(ledger)
    ledger.close()
    seen: list[QWidget] = []
    background: list[object] = []
    monkeypatch.setattr(sign_in, "start_background_work", background.append)
    monkeypatch.setattr(sign_in, "sign_in", lambda ctx: pytest.fail("no sign-in expected"))

    def exec_() -> int:
        seen.extend(w for w in QApplication.topLevelWidgets() if w.isVisible())
        for widget in seen:
            close_screen(widget)
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(exec_))
    try:
        assert app_module.main(["--db", str(station_file.path), "--lang", "zh_CN"]) == 0
    finally:
        i18n.install("en")
    assert [w.objectName() for w in seen] == ["selfServiceWindow"]
    assert len(background) == 1  # daily backups still run at an unattended station


def test_english_on_request_and_chinese_again_for_the_next_person(
        qtbot: Any, ctx: AppContext, screen: Any, station_file: Station) -> None:
    assert screen.no_card_button.text() == "没有会员证"
    scan(qtbot, screen, station_file.payload)
    click(qtbot, screen.service_buttons["water"])
    click(qtbot, screen.language_button)
    assert screen.greeting.text() == f"Hello, {MASKED}!" and screen.done_button.text() == "Done"
    assert screen.service_buttons["water"].isChecked()  # the choice survives the switch
    click(qtbot, screen.done_button)
    assert "recorded" in screen.message.text()  # thanked in the worker's language
    assert screen.no_card_button.text() == "没有会员证"  # the next person starts in Chinese


def test_the_welcome_screen_says_where_to_sign_up(qtbot: Any, ctx: AppContext) -> None:
    kiosk.configure(ctx.ledger, by="boss", attendant=auth.get_attendant(ctx.ledger, "boss"),
                    note="入会请到满洲里市总工会一楼服务大厅")
    turn_on(ctx.ledger)
    screen = self_service.start(ctx, background=False, fullscreen=False)
    assert "入会" in screen.sign_up_note.text() and "服务大厅" in screen.sign_up_note.text()
    assert not any("sign up" in t.lower() and "button" in t.lower() for t in texts(screen))


def test_stray_keys_before_a_scan_do_not_spoil_it(qtbot: Any, ctx: AppContext, screen: Any,
                                                  station_file: Station) -> None:
    qtbot.keyClicks(screen, "asdf")  # somebody poked the keyboard, no Enter
    qtbot.wait(int(scan_router.SCAN_PAUSE_S * 1000) + 200)  # ... a moment ago
    scan(qtbot, screen, station_file.payload)
    assert screen.visitor is not None and screen.visitor.member_no == station_file.member


def test_a_new_service_appears_for_the_next_person(qtbot: Any, ctx: AppContext,
                                                   screen: Any) -> None:
    from station_app.services import catalogue

    assert getattr(ctx, "idle_lock", None) is None  # no attended idle lock over the screen
    catalogue.add_service(ctx.ledger, "shower", "淋浴", "Shower", by="boss")
    click(qtbot, screen.no_card_button)
    click(qtbot, screen.cancel_button)
    assert screen.service_buttons["shower"].text() == "淋浴"
