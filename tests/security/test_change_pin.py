"""Self-service PIN change: the attendant's own PIN, under the sign-in lock-out rules."""

from __future__ import annotations

import pytest

from station_app.data.db import Ledger
from station_app.domain import messages
from station_app.domain.errors import InvalidInput, LedgerError, Refused
from station_app.services import audit, auth
from tests.helpers import PROJECTION_TABLES, ledger_hash
from tests.security.conftest import ADMIN_PIN, AUDITOR, CLERK_PIN, MovableClock, staff

EVERYTHING = ("entries", *PROJECTION_TABLES, "attendants", "audit_log")
NEW_PIN = "kite-Harbor-77"


def _audit_text(ledger: Ledger) -> str:
    rows = audit.rows(ledger, 500, attendant=AUDITOR)
    return "\n".join(f"{r.actor} {r.subject} {r.detail}" for r in rows)


def test_success_new_pin_signs_in_old_does_not(staffed: Ledger) -> None:
    before = ledger_hash(staffed)
    changed = auth.change_own_secret(staffed, "clerk", CLERK_PIN, NEW_PIN, repeat=NEW_PIN)
    assert changed.username == "clerk" and changed.failed_attempts == 0
    assert auth.authenticate(staffed, "clerk", NEW_PIN).username == "clerk"
    with pytest.raises(Refused) as refused:
        auth.authenticate(staffed, "clerk", CLERK_PIN)
    assert refused.value.code == "signin_failed"
    # The account's PIN is local to the PC: no ledger entry, nothing to sync.
    assert ledger_hash(staffed) == before
    # Role and name are untouched; other accounts keep their PINs.
    assert staff(staffed, "clerk").role == "attendant"
    assert auth.authenticate(staffed, "boss", ADMIN_PIN).username == "boss"


def test_success_is_audited_without_any_pin(staffed: Ledger) -> None:
    auth.change_own_secret(staffed, "clerk", CLERK_PIN, NEW_PIN, via="cli")
    row = audit.rows(staffed, 1, attendant=AUDITOR)[0]
    assert (row.actor, row.action, row.subject, row.outcome) == (
        "clerk", audit.ATTENDANT, "clerk", "ok")
    assert row.detail == {"op": "change_own_pin", "via": "cli"}
    stored = staffed.conn.execute(
        "SELECT secret_hash FROM attendants WHERE username = 'clerk'").fetchone()[0]
    assert stored.startswith("scrypt$16384$8$1$") and NEW_PIN not in stored
    text = _audit_text(staffed)
    assert NEW_PIN not in text and CLERK_PIN not in text


def test_wrong_current_pin_is_refused_and_counts_towards_the_lock_out(
        staffed: Ledger, movable_clock: MovableClock) -> None:
    codes = []
    for _ in range(3):
        with pytest.raises(Refused) as refused:
            auth.change_own_secret(staffed, "clerk", "9999", NEW_PIN)
        codes.append(refused.value.code)
    assert codes == ["pin_change.wrong_current", "pin_change.wrong_current", "signin_locked"]
    assert staff(staffed, "clerk").failed_attempts == 3
    # Locked: even the right current PIN is refused, and sign-in is locked too.
    with pytest.raises(Refused) as refused:
        auth.change_own_secret(staffed, "clerk", CLERK_PIN, NEW_PIN)
    assert refused.value.code == "signin_locked"
    with pytest.raises(Refused) as refused:
        auth.authenticate(staffed, "clerk", CLERK_PIN)
    assert refused.value.code == "signin_locked"
    movable_clock.advance(seconds=31)
    # The PIN never changed.
    assert auth.authenticate(staffed, "clerk", CLERK_PIN).failed_attempts == 0
    failed = [r for r in audit.rows(staffed, 50, action=audit.ATTENDANT, attendant=AUDITOR)
              if r.detail.get("op") == "change_own_pin"]
    assert [r.outcome for r in failed] == ["locked", "failed", "failed", "failed"]
    assert failed[-1].detail["why"] == "wrong_pin" and failed[-1].detail["failures"] == 1
    assert "9999" not in _audit_text(staffed)


def test_failed_sign_ins_and_wrong_current_pins_share_one_counter(
        staffed: Ledger, movable_clock: MovableClock) -> None:
    for _ in range(2):
        with pytest.raises(Refused):
            auth.authenticate(staffed, "clerk", "0000")
    with pytest.raises(Refused) as refused:
        auth.change_own_secret(staffed, "clerk", "0000", NEW_PIN)
    assert refused.value.code == "signin_locked" and refused.value.params["seconds"] == 30


def test_disabled_account_cannot_change_its_pin(staffed: Ledger) -> None:
    auth.set_disabled(staffed, "clerk", True, by="boss", attendant=staff(staffed, "boss"))
    before = staffed.conn.execute("SELECT secret_hash FROM attendants").fetchall()
    with pytest.raises(Refused) as refused:
        auth.change_own_secret(staffed, "clerk", CLERK_PIN, NEW_PIN)
    assert refused.value.code == "signin_disabled"
    assert staffed.conn.execute("SELECT secret_hash FROM attendants").fetchall() == before


def test_unknown_user_looks_like_a_wrong_pin(staffed: Ledger) -> None:
    with pytest.raises(Refused) as refused:
        auth.change_own_secret(staffed, "nobody", CLERK_PIN, NEW_PIN)
    assert refused.value.code == "pin_change.wrong_current"
    assert audit.rows(staffed, 1, attendant=AUDITOR)[0].outcome == "failed"


@pytest.mark.parametrize(("current", "new", "repeat", "code"), [
    (CLERK_PIN, "12", None, "invalid.new_pin.weak"),
    (CLERK_PIN, "abc12", "abc12", "invalid.new_pin.weak"),
    (CLERK_PIN, "", "", "invalid.new_pin.required"),
    (CLERK_PIN, " 2468", None, "invalid.new_pin.format"),
    (CLERK_PIN, "9" * 129, None, "invalid.new_pin.too_long"),
    (CLERK_PIN, "2468", "2469", "invalid.new_pin.mismatch"),
    (CLERK_PIN, CLERK_PIN, CLERK_PIN, "pin_change.same"),
    ("", "2468", "2468", "invalid.current_pin.required"),
])
def test_bad_new_pin_changes_nothing(staffed: Ledger, current: str, new: str,
                                     repeat: str | None, code: str) -> None:
    before = ledger_hash(staffed, EVERYTHING)
    with pytest.raises(LedgerError) as refused:
        auth.change_own_secret(staffed, "clerk", current, new, repeat=repeat)
    assert refused.value.code == code
    # Not even an attempt is counted: the current PIN was never tried.
    assert ledger_hash(staffed, EVERYTHING) == before
    assert auth.authenticate(staffed, "clerk", CLERK_PIN).username == "clerk"


def test_messages_are_plain_in_both_languages(staffed: Ledger) -> None:
    cases = {
        "pin_change.wrong_current": ("当前密码/PIN 不正确", "current PIN is wrong"),
        "pin_change.same": ("不能与当前的相同", "must differ"),
        "invalid.new_pin.mismatch": ("不一致", "do not match"),
        "invalid.new_pin.weak": ("新密码/PIN太短", "New PIN: is too short"),
    }
    for code, (zh, en) in cases.items():
        if code.startswith("invalid."):
            err: LedgerError = InvalidInput("new_pin", code.rsplit(".", 1)[1])
        else:
            err = Refused(code)
        assert zh in messages.render(err, "zh_CN") and en in messages.render(err, "en")


def test_no_accounts_yet(fresh_db: Ledger) -> None:
    with pytest.raises(Refused) as refused:
        auth.change_own_secret(fresh_db, "anyone", "1234", "5678")
    assert refused.value.code == "pin_change.no_accounts"


def test_pin_set_by_an_admin_meanwhile_wins(staffed: Ledger,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Between checking the current PIN and storing the new one, an admin sets another PIN."""
    real_hash = auth.hash_secret
    admin_pin_hash = real_hash("8080")

    def admin_meanwhile(secret: str, **kw: int) -> str:
        staffed.conn.execute("UPDATE attendants SET secret_hash = ? WHERE username = 'clerk'",
                             (admin_pin_hash,))
        return real_hash(secret, **kw)

    monkeypatch.setattr(auth, "hash_secret", admin_meanwhile)
    with pytest.raises(Refused) as refused:
        auth.change_own_secret(staffed, "clerk", CLERK_PIN, NEW_PIN)
    assert refused.value.code == "pin_change.changed_meanwhile"
    monkeypatch.undo()
    assert auth.authenticate(staffed, "clerk", "8080").username == "clerk"


def test_admin_set_secret_works_as_before(staffed: Ledger) -> None:
    auth.set_secret(staffed, "clerk", "8080", by="boss", attendant=staff(staffed, "boss"))
    with pytest.raises(Refused) as refused:
        auth.change_own_secret(staffed, "clerk", CLERK_PIN, NEW_PIN)
    assert refused.value.code == "pin_change.wrong_current"
    auth.change_own_secret(staffed, "clerk", "8080", NEW_PIN)
    assert auth.authenticate(staffed, "clerk", NEW_PIN).username == "clerk"
    # An attendant still cannot set somebody else's PIN.
    with pytest.raises(Refused) as refused:
        auth.set_secret(staffed, "boss", "1111", by="clerk", attendant=staff(staffed, "clerk"))
    assert refused.value.code == "not_permitted"
