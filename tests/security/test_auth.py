"""Attendants: scrypt hashes, roles, lock-out with a growing delay, idle lock, open mode."""

from __future__ import annotations

import pytest

from station_app.data.db import Ledger
from station_app.domain.errors import InvalidInput, Refused
from station_app.services import audit, auth, visits
from tests.security.conftest import ADMIN_PIN, AUDITOR, CLERK_PIN, MovableClock, staff


def test_pins_are_stored_only_as_salted_scrypt_hashes(staffed: Ledger) -> None:
    rows = dict(staffed.conn.execute("SELECT username, secret_hash FROM attendants"))
    assert rows["boss"].startswith("scrypt$16384$8$1$")
    assert ADMIN_PIN not in rows["boss"] and CLERK_PIN not in rows["clerk"]
    again = auth.hash_secret(ADMIN_PIN)
    assert again != rows["boss"]  # a fresh salt every time
    assert auth.verify_secret(ADMIN_PIN, rows["boss"]) and auth.verify_secret(ADMIN_PIN, again)
    assert not auth.verify_secret("246811", rows["boss"])


def test_sign_in_with_the_right_pin_and_role(staffed: Ledger) -> None:
    who = auth.authenticate(staffed, "clerk", CLERK_PIN)
    assert who.role == "attendant" and who.can("counter") and not who.can("reveal")
    boss = auth.authenticate(staffed, "boss", ADMIN_PIN)
    assert boss.can("reveal") and boss.can("restore") and boss.can("attendants")
    sup = auth.authenticate(staffed, "sup", "sup-pass-1")
    assert sup.can("export") and sup.can("audit") and not sup.can("reveal")


def test_wrong_pins_lock_the_account_for_a_growing_time(staffed: Ledger,
                                                        movable_clock: MovableClock) -> None:
    for _ in range(auth.FREE_ATTEMPTS - 1):
        with pytest.raises(Refused) as err:
            auth.authenticate(staffed, "clerk", "0000")
        assert err.value.code == "signin_failed"
    with pytest.raises(Refused) as err:
        auth.authenticate(staffed, "clerk", "0000")
    assert err.value.code == "signin_locked" and err.value.params["seconds"] == 30
    # While locked even the right PIN is refused, and the lock is not extended by trying.
    with pytest.raises(Refused) as err:
        auth.authenticate(staffed, "clerk", CLERK_PIN)
    assert err.value.code == "signin_locked"
    movable_clock.advance(seconds=31)
    with pytest.raises(Refused) as err:
        auth.authenticate(staffed, "clerk", "1111")
    assert err.value.params["seconds"] == 60  # the delay doubles
    movable_clock.advance(seconds=61)
    assert auth.authenticate(staffed, "clerk", CLERK_PIN).failed_attempts == 0
    found = auth.get_attendant(staffed, "clerk")
    assert found is not None and found.locked_until is None
    outcomes = [r.outcome for r in audit.rows(staffed, 20, action=audit.SIGN_IN, attendant=AUDITOR)
                if r.subject == "clerk"]
    assert outcomes.count("failed") == 4 and outcomes.count("locked") == 1
    assert outcomes[0] == "ok"


def test_the_delay_is_capped() -> None:
    assert not auth.lock_delay(auth.FREE_ATTEMPTS - 1)
    assert auth.lock_delay(50) == auth.MAX_DELAY


def test_unknown_and_disabled_users_cannot_sign_in(staffed: Ledger) -> None:
    with pytest.raises(Refused) as err:
        auth.authenticate(staffed, "nobody", "123456")
    assert err.value.code == "signin_failed"
    auth.set_disabled(staffed, "clerk", True, by="boss", attendant=staff(staffed, "boss"))
    with pytest.raises(Refused) as err:
        auth.authenticate(staffed, "clerk", CLERK_PIN)
    assert err.value.code == "signin_disabled"
    with pytest.raises(Refused) as err:
        auth.set_disabled(staffed, "boss", True, by="boss",
                          attendant=staff(staffed, "boss"))
    assert err.value.code == "last_admin"


def test_weak_pins_and_bad_names_are_refused(fresh_db: Ledger) -> None:
    for pin in ("12", "abc", " 1234", ""):
        with pytest.raises(InvalidInput):
            auth.setup_admin(fresh_db, "boss", pin)
    with pytest.raises(InvalidInput):
        auth.setup_admin(fresh_db, "a b", "123456")
    assert not auth.has_attendants(fresh_db)


def test_first_run_setup_only_once(fresh_db: Ledger) -> None:
    assert not auth.has_attendants(fresh_db)  # open mode
    auth.require(fresh_db, None, "reveal")  # everything allowed before setup
    auth.setup_admin(fresh_db, "boss", ADMIN_PIN)
    with pytest.raises(Refused) as err:
        auth.setup_admin(fresh_db, "boss2", ADMIN_PIN)
    assert err.value.code == "setup_done"
    with pytest.raises(Refused) as err:
        auth.require(fresh_db, None, "reveal")  # open mode is over
    assert err.value.code == "signin_required"


def test_role_checks_are_refused_and_audited(staffed: Ledger) -> None:
    clerk = auth.authenticate(staffed, "clerk", CLERK_PIN)
    for permission in ("reveal", "export", "restore", "backup", "attendants", "settings"):
        with pytest.raises(Refused) as err:
            auth.require(staffed, clerk, permission)
        assert err.value.code == "not_permitted"
    denied = [r.subject for r in audit.rows(staffed, 50, action=audit.DENIED, attendant=AUDITOR)]
    assert set(denied) >= {"reveal", "export", "restore"}
    with pytest.raises(Refused):
        auth.authorise(staffed, "clerk", CLERK_PIN, "export")
    assert auth.authorise(staffed, "sup", "sup-pass-1", "export") == "sup"
    assert auth.authorise(staffed, "boss", ADMIN_PIN, "restore") == "boss"


def test_a_refusal_names_the_role_and_what_was_refused_in_words(staffed: Ledger) -> None:
    """Not "clerk (attendant) may not do this: export": the words the Audit log page uses."""
    from station_app.domain import messages

    clerk = auth.authenticate(staffed, "clerk", CLERK_PIN)
    with pytest.raises(Refused) as err:
        auth.require(staffed, clerk, "export")
    assert messages.render(err.value, "en") == (
        "clerk (attendant) may not do this: export data (bundles, roster)")
    assert messages.render(err.value, "zh_CN") == (
        "clerk（操作员）无权执行此操作：导出数据（数据包、名册）")
    assert err.value.params["permission"] == "export"  # the code stays for the log and scripts
    assert set(auth.PERMISSION_WORDS) == set(auth.PERMISSIONS["admin"])
    assert set(auth.ROLE_WORDS) == set(auth.ROLES)


def test_entries_record_the_signed_in_attendant(staffed: Ledger) -> None:
    who = auth.authenticate(staffed, "clerk", CLERK_PIN)
    entry = visits.record_visit(staffed, ["water"], by=who.username,
                                walk_in=visits.WalkIn("courier"))
    assert staffed.entry(entry.id).recorded_by == "clerk"


def test_idle_timer_locks_after_the_set_minutes(staffed: Ledger,
                                                movable_clock: MovableClock) -> None:
    assert auth.idle_minutes(staffed) == auth.DEFAULT_IDLE_MINUTES
    timer = auth.IdleTimer(auth.idle_minutes(staffed))
    movable_clock.advance(minutes=4, seconds=59)
    assert not timer.due()
    timer.touch()  # a key press resets it
    movable_clock.advance(minutes=4)
    assert not timer.due()
    movable_clock.advance(minutes=1)
    assert timer.due()
    never = auth.IdleTimer(0)
    movable_clock.advance(hours=5)
    assert not never.due()
