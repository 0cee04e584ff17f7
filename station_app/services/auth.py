"""Attendants, roles, sign-in with scrypt-hashed PINs, lock-out, and the idle-lock timer.

Attendant accounts are local to one station PC (the ``attendants`` table is not synced). A ledger
with no attendant yet is in *open mode*: every action is allowed to the operating-system user, so
a fresh ledger works before the first-run setup creates the admin (docs/SECURITY.md).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TypeAlias

from ..data.db import Ledger
from ..domain import clock, messages
from ..domain.errors import InvalidInput, Refused
from . import audit

ROLES = ("attendant", "supervisor", "admin")

# What each role may do beyond the counter work every attendant does.
PERMISSIONS: dict[str, frozenset[str]] = {
    "attendant": frozenset({"counter"}),
    "supervisor": frozenset({"counter", "export", "import", "reports", "backup", "audit"}),
    "admin": frozenset({"counter", "export", "import", "reports", "backup", "audit", "reveal",
                        "restore", "attendants", "settings"}),
}
PERMISSION_NAMES = sorted(PERMISSIONS["admin"])
# What a person reads for a role and a permission (Chinese, English); stored as the codes.
ROLE_WORDS: dict[str, tuple[str, str]] = {
    "attendant": ("操作员", "attendant"), "supervisor": ("上级工会", "supervisor"),
    "admin": ("驿站管理员", "station admin"),
}
PERMISSION_WORDS: dict[str, tuple[str, str]] = {
    "counter": ("柜台业务", "counter work"),
    "export": ("导出数据（数据包、名册）", "export data (bundles, roster)"),
    "import": ("导入数据包", "import bundles"),
    "reports": ("查看和导出统计报表", "see and export reports"),
    "backup": ("备份", "back up"),
    "audit": ("查看审计日志", "read the audit log"),
    "reveal": ("查看完整身份证号", "show a full ID number"),
    "restore": ("恢复备份", "restore a backup"),
    "attendants": ("管理操作员账户", "manage accounts"),
    "settings": ("修改设置", "change settings"),
}


def words(table: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    """A role's or permission's name in ``lang`` (zh_CN or en); an unknown code as it is."""
    zh, en = table.get(code, (code, code))
    return en if lang == "en" else zh

# scrypt cost: 16 MiB of memory per guess (n * r * 128 bytes), ~50 ms on a station PC.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 14, 8, 1
FREE_ATTEMPTS = 3  # failures allowed before the first lock-out
BASE_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(minutes=15)
DEFAULT_IDLE_MINUTES = 5
IDLE_SETTING = "security.idle_minutes"

_USERNAME = re.compile(r"[A-Za-z0-9_.\-]{2,32}")

messages.register({
    "signin_failed": ("用户名或密码错误", "Wrong user name or PIN"),
    "signin_locked": ("尝试次数过多，账户已锁定，请在 {seconds} 秒后再试",
                      "Too many failed attempts; the account is locked for {seconds} more seconds"),
    "signin_disabled": ("账户 {username} 已停用", "Account {username} is disabled"),
    "not_permitted": ("{username}（{role_zh}）无权执行此操作：{permission_zh}",
                      "{username} ({role_en}) may not do this: {permission_en}"),
    "signin_required": ("此操作需要登录：请用 --as 用户名，"
                        "并通过 STATION_LEDGER_PIN 或标准输入提供密码",
                        "This needs a signed-in attendant: pass --as USER and the PIN in "
                        "STATION_LEDGER_PIN or on standard input"),
    "setup_done": ("已有管理员账户，不能重复初始设置", "An admin account already exists"),
    "attendant_exists": ("用户名 {username} 已存在", "User name {username} already exists"),
    "last_admin": ("不能停用最后一个管理员", "The last admin account cannot be disabled"),
    "not_found.attendant": ("找不到操作员 {key}", "No attendant {key}"),
    "pin_change.wrong_current": ("当前密码/PIN 不正确，密码未更改",
                                 "The current PIN is wrong; the PIN was not changed"),
    "pin_change.same": ("新密码/PIN 不能与当前的相同",
                        "The new PIN must differ from the current one"),
    "pin_change.no_accounts": ("还没有任何账户：请先创建管理员账户",
                               "There are no accounts yet: create the admin account first"),
    "pin_change.changed_meanwhile": ("密码刚被管理员更改或账户已停用，未作更改",
                                     "The PIN was just changed by an admin or the account was "
                                     "disabled; nothing was changed"),
    "invalid.new_pin.mismatch": ("两次输入的新密码/PIN 不一致", "The two new PINs do not match"),
})
messages._FIELDS.update({  # field labels of this area
    "username": ("用户名", "User name"),
    "pin": ("密码/PIN", "PIN or password"),
    "role": ("角色", "Role"),
    "display_name": ("显示名", "Display name"),
    "minutes": ("分钟", "Minutes"),
    "current_pin": ("当前密码/PIN", "Current PIN"),
    "new_pin": ("新密码/PIN", "New PIN"),
})
messages._REASONS.update({
    "weak": ("太短：PIN至少4位数字，密码至少6个字符",
             "is too short: a PIN needs at least 4 digits, a password at least 6 characters"),
    "mismatch": ("两次输入不一致", "does not match"),
})


@dataclass(frozen=True)
class Attendant:
    username: str
    display_name: str
    role: str
    disabled: bool
    failed_attempts: int
    locked_until: str | None
    created_at: str

    def can(self, permission: str) -> bool:
        return not self.disabled and permission in PERMISSIONS.get(self.role, frozenset())

    def to_json(self) -> dict[str, object]:
        return {"username": self.username, "display_name": self.display_name, "role": self.role,
                "disabled": self.disabled, "failed_attempts": self.failed_attempts,
                "locked_until": self.locked_until, "created_at": self.created_at}


OPEN_MODE_ROLE = "admin"


@dataclass(frozen=True)
class TrustedCaller:
    """Code in this process that acts without a person at the counter, so no role applies.

    Only for the automatic safety work of the services themselves (pre-import, pre-migrate,
    pre-restore and daily backups, the retention rule an admin has set), the demo builder,
    the self-test, benchmarks and tests — never for anything the UI does on behalf of a user:
    the GUI always passes the signed-in attendant (``tests/security/test_guards.py`` checks
    that station_app/ui never names this).
    ``name`` says who it is, for anyone reading the code; it is not written to the audit log.
    """

    name: str


AUTOMATIC = TrustedCaller("automatic")
"""The services' own automatic safety work (backups before an import, migration or restore, the
daily backup and the retention rule)."""

Acting: TypeAlias = Attendant | TrustedCaller | None
"""Who asks a guarded service function: the signed-in attendant; None when nobody is signed in
(allowed only in open mode); or a ``TrustedCaller``."""


# ---- hashing ----
def hash_secret(secret: str, *, n: int = SCRYPT_N) -> str:
    """``scrypt$n$r$p$salt$hash`` with a fresh 16-byte salt per call."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P,
                            maxmem=256 * 1024 * 1024, dklen=32)
    enc = base64.b64encode
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${enc(salt).decode()}${enc(digest).decode()}"


def verify_secret(secret: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(secret.encode("utf-8"), salt=base64.b64decode(salt), n=int(n),
                             r=int(r), p=int(p), maxmem=256 * 1024 * 1024, dklen=32)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(digest))


_DUMMY_HASH: list[str] = []


def _burn(secret: str) -> None:
    """Spend the same time on an unknown user as on a known one."""
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_secret("station-ledger"))
    verify_secret(secret, _DUMMY_HASH[0])


def check_secret_strength(secret: str) -> str:
    if secret != secret.strip() or not secret:
        raise InvalidInput("pin", "required" if not secret.strip() else "format")
    if (secret.isdigit() and len(secret) < 4) or (not secret.isdigit() and len(secret) < 6):
        raise InvalidInput("pin", "weak")
    if len(secret) > 128:
        raise InvalidInput("pin", "too_long", max=128)
    return secret


# ---- accounts ----
def _row_to(row: tuple[object, ...]) -> Attendant:
    return Attendant(str(row[0]), str(row[1]), str(row[2]), bool(row[3]), int(str(row[4])),
                     None if row[5] is None else str(row[5]), str(row[6]))


_SELECT = ("SELECT username, display_name, role, disabled, failed_attempts, locked_until,"
           " created_at FROM attendants")


def has_attendants(ledger: Ledger) -> bool:
    """False in open mode (a fresh ledger before the first-run setup)."""
    return ledger.conn.execute("SELECT 1 FROM attendants LIMIT 1").fetchone() is not None


def list_attendants(ledger: Ledger) -> list[Attendant]:
    return [_row_to(r) for r in ledger.conn.execute(_SELECT + " ORDER BY username")]


def get_attendant(ledger: Ledger, username: str) -> Attendant | None:
    row = ledger.conn.execute(_SELECT + " WHERE username = ?", (username,)).fetchone()
    return _row_to(row) if row else None


def create_attendant(ledger: Ledger, username: str, secret: str, *, role: str = "attendant",
                     display_name: str = "", by: str, attendant: Acting = None) -> Attendant:
    """A new account; the PIN is stored only as a salted scrypt hash.

    ``attendant`` (who asks) needs the ``attendants`` permission, as for every function here
    that changes accounts; None is allowed only in open mode (the first-run setup).
    """
    require(ledger, attendant, "attendants", actor=by)
    username = username.strip()
    if not _USERNAME.fullmatch(username):
        raise InvalidInput("username", "format")
    if role not in ROLES:
        raise InvalidInput("role", "unknown", value=role)
    check_secret_strength(secret)
    display = (display_name or username).strip()[:40]
    hashed = hash_secret(secret)
    with ledger.write():
        if get_attendant(ledger, username) is not None:
            raise Refused("attendant_exists", username=username)
        ledger.conn.execute(
            "INSERT INTO attendants (username, display_name, role, secret_hash, created_at)"
            " VALUES (?, ?, ?, ?, ?)", (username, display, role, hashed, clock.now_iso()))
        audit.record(ledger, by, audit.ATTENDANT, username, {"op": "add", "role": role})
    found = get_attendant(ledger, username)
    assert found is not None
    return found


def setup_admin(ledger: Ledger, username: str, secret: str, display_name: str = "") -> Attendant:
    """First-run setup: the first account is the station admin (open mode ends here)."""
    with ledger.write():
        if has_attendants(ledger):
            raise Refused("setup_done")
        return create_attendant(ledger, username, secret, role="admin",
                                display_name=display_name, by=username,
                                attendant=None)  # open mode: nobody to sign in yet


def set_disabled(ledger: Ledger, username: str, disabled: bool, *, by: str,
                 attendant: Acting = None) -> Attendant:
    """Disable (or enable again) an account; needs the ``attendants`` permission."""
    require(ledger, attendant, "attendants", actor=by)
    with ledger.write():
        found = get_attendant(ledger, username)
        if found is None:
            from ..domain.errors import NotFound

            raise NotFound("attendant", username)
        if disabled and found.role == "admin":
            admins = ledger.conn.execute(
                "SELECT COUNT(*) FROM attendants WHERE role = 'admin' AND disabled = 0"
            ).fetchone()[0]
            if admins <= 1:
                raise Refused("last_admin")
        ledger.conn.execute("UPDATE attendants SET disabled = ? WHERE username = ?",
                            (1 if disabled else 0, username))
        audit.record(ledger, by, audit.ATTENDANT, username,
                     {"op": "disable" if disabled else "enable"})
    result = get_attendant(ledger, username)
    assert result is not None
    return result


def set_secret(ledger: Ledger, username: str, secret: str, *, by: str,
               attendant: Acting = None) -> None:
    """A new PIN set by someone with the ``attendants`` permission; unlocks too."""
    require(ledger, attendant, "attendants", actor=by)
    check_secret_strength(secret)
    hashed = hash_secret(secret)
    with ledger.write():
        if get_attendant(ledger, username) is None:
            from ..domain.errors import NotFound

            raise NotFound("attendant", username)
        ledger.conn.execute("UPDATE attendants SET secret_hash = ?, failed_attempts = 0,"
                            " locked_until = NULL WHERE username = ?", (hashed, username))
        audit.record(ledger, by, audit.ATTENDANT, username, {"op": "set_pin"})


def unlock(ledger: Ledger, username: str, *, by: str, attendant: Acting = None) -> None:
    """Clear a lock-out after failed sign-ins; needs the ``attendants`` permission."""
    require(ledger, attendant, "attendants", actor=by)
    with ledger.write():
        ledger.conn.execute("UPDATE attendants SET failed_attempts = 0, locked_until = NULL"
                            " WHERE username = ?", (username,))
        audit.record(ledger, by, audit.ATTENDANT, username, {"op": "unlock"})


# ---- sign-in ----
def lock_delay(failed_attempts: int) -> timedelta:
    """No delay for the first few failures, then 30 s, 60 s, 120 s ... up to 15 minutes."""
    if failed_attempts < FREE_ATTEMPTS:
        return timedelta(0)
    step = min(failed_attempts - FREE_ATTEMPTS, 10)
    delay: timedelta = BASE_DELAY * (2 ** step)
    return min(delay, MAX_DELAY)


def seconds_locked(found: Attendant, now: datetime | None = None) -> int:
    if not found.locked_until:
        return 0
    left = clock.parse_iso(found.locked_until) - (now or clock.now())
    return max(0, int(left.total_seconds() + 0.999))


Note: TypeAlias = Callable[[dict[str, object], str], None]
"""Writes the audit row of one refused PIN check: (detail, outcome)."""


def _check_pin(ledger: Ledger, username: str, secret: str, note: Note, *,
               wrong: str = "signin_failed") -> str:
    """Check ``secret`` against the account under the lock-out rules; returns the hash it matched.

    Every failure counts towards the growing lock-out and is audited through ``note``; a locked,
    disabled or unknown account is refused before any comparison. The caller writes its own
    success (resetting the count) in a transaction of its own. ``wrong`` is the code of the
    refusal for a wrong PIN (or an unknown user, which must look the same).
    """
    found = get_attendant(ledger, username)
    if found is None:
        _burn(secret)
        note({"why": "unknown_user"}, "failed")
        raise Refused(wrong)
    # Count the attempt first, in one short transaction that re-reads the row: parallel
    # attempts each see the others' failures, so they cannot get around the lock-out. scrypt
    # runs outside any write lock; a success then resets the count.
    refusal: Refused | None = None
    failures = 0
    delay = timedelta(0)
    with ledger.write():
        row = ledger.conn.execute(
            "SELECT locked_until, disabled, secret_hash FROM attendants WHERE username = ?",
            (username,)).fetchone()
        locked_until = row[0] if row else None
        now = clock.now()
        wait = (max(0, int((clock.parse_iso(locked_until) - now).total_seconds() + 0.999))
                if locked_until else 0)
        if row is None:
            note({"why": "unknown_user"}, "failed")
            refusal = Refused(wrong)
        elif wait > 0:
            note({"why": "locked"}, "locked")
            refusal = Refused("signin_locked", seconds=wait, username=username)
        elif row[1]:
            note({"why": "disabled"}, "failed")
            refusal = Refused("signin_disabled", username=username)
        else:
            ledger.conn.execute("UPDATE attendants SET failed_attempts = failed_attempts + 1"
                                " WHERE username = ?", (username,))
            failures = int(ledger.conn.execute(
                "SELECT failed_attempts FROM attendants WHERE username = ?",
                (username,)).fetchone()[0])
            delay = lock_delay(failures)
            if delay:
                ledger.conn.execute("UPDATE attendants SET locked_until = ? WHERE username = ?",
                                    (clock.iso(now + delay), username))
        secret_hash = row[2] if row else None
    if refusal is not None:
        if refusal.code != "signin_locked":
            _burn(secret)
        raise refusal
    if not verify_secret(secret, secret_hash):
        note({"why": "wrong_pin", "failures": failures,
              "locked_seconds": int(delay.total_seconds())}, "failed")
        if delay:
            raise Refused("signin_locked", seconds=int(delay.total_seconds()), username=username)
        raise Refused(wrong)
    return str(secret_hash)


def authenticate(ledger: Ledger, username: str, secret: str, *, via: str = "gui") -> Attendant:
    """Check a user name and PIN; failures count towards a growing lock-out. Audited."""
    username = username.strip()

    def note(detail: dict[str, object], outcome: str) -> None:
        audit.record(ledger, username[:32] or "?", audit.SIGN_IN, username[:32],
                     {"via": via, **detail}, outcome=outcome)

    _check_pin(ledger, username, secret, note)
    with ledger.write():
        ledger.conn.execute("UPDATE attendants SET failed_attempts = 0, locked_until = NULL"
                            " WHERE username = ?", (username,))
        audit.record(ledger, username, audit.SIGN_IN, username, {"via": via})
    result = get_attendant(ledger, username)
    assert result is not None
    return result


# ---- self-service ----
CHANGE_OWN_PIN = "change_own_pin"  # ``op`` of the audit rows (action ``attendant``)


def _new_pin_error(exc: InvalidInput) -> InvalidInput:
    extra = {k: v for k, v in exc.params.items() if k not in ("field", "reason")}
    return InvalidInput("new_pin", exc.reason, **extra)


def change_own_secret(ledger: Ledger, username: str, current: str, new: str, *,
                      repeat: str | None = None, via: str = "gui") -> Attendant:
    """An attendant replaces their own PIN; no permission needed beyond knowing the current one.

    The new PIN is checked first (strength, ``repeat`` when given, not the current one again),
    which writes nothing. The current PIN is then checked under the sign-in lock-out rules: a
    wrong one counts towards the lock-out like a failed sign-in, a locked or disabled account
    is refused. The new hash, the cleared failure count and the audit row are written in one
    transaction, and only if the account still has the PIN just checked (an admin may have
    set another meanwhile). No PIN is ever written to the audit log.
    """
    username = username.strip()
    if not current:
        raise InvalidInput("current_pin", "required")
    try:
        check_secret_strength(new)
    except InvalidInput as exc:
        raise _new_pin_error(exc) from None
    if repeat is not None and repeat != new:
        raise InvalidInput("new_pin", "mismatch")
    if new == current:
        raise Refused("pin_change.same")
    if not has_attendants(ledger):
        raise Refused("pin_change.no_accounts")

    def note(detail: dict[str, object], outcome: str) -> None:
        audit.record(ledger, username[:32] or "?", audit.ATTENDANT, username[:32],
                     {"op": CHANGE_OWN_PIN, "via": via, **detail}, outcome=outcome)

    checked = _check_pin(ledger, username, current, note, wrong="pin_change.wrong_current")
    hashed = hash_secret(new)
    with ledger.write():
        row = ledger.conn.execute(
            "SELECT secret_hash, disabled FROM attendants WHERE username = ?",
            (username,)).fetchone()
        if row is None or row[0] != checked or row[1]:
            raise Refused("pin_change.changed_meanwhile")
        ledger.conn.execute("UPDATE attendants SET secret_hash = ?, failed_attempts = 0,"
                            " locked_until = NULL WHERE username = ?", (hashed, username))
        audit.record(ledger, username, audit.ATTENDANT, username,
                     {"op": CHANGE_OWN_PIN, "via": via})
    result = get_attendant(ledger, username)
    assert result is not None
    return result


def require(ledger: Ledger, attendant: Acting, permission: str, *,
            actor: str = "", about: dict[str, object] | None = None) -> None:
    """Refuse (and audit the refusal) unless ``attendant`` may do ``permission``.

    ``attendant`` None means open mode: allowed only while the ledger has no attendants. The
    role and the disabled flag are read again from the ledger, so an account disabled since it
    signed in is refused at once. A ``TrustedCaller`` is not checked. Every sensitive service
    function calls this itself (docs/SECURITY.md), whoever its caller is. ``about``: what was
    asked for (whose ID number), kept in the refusal's audit row.
    """
    if isinstance(attendant, TrustedCaller):
        return
    if attendant is None:
        if not has_attendants(ledger):
            return
        audit.record(ledger, actor or "?", audit.DENIED, permission,
                     {"why": "not_signed_in", **(about or {})}, outcome="denied")
        raise Refused("signin_required")
    attendant = get_attendant(ledger, attendant.username) or replace(attendant, disabled=True)
    if not attendant.can(permission):
        audit.record(ledger, attendant.username, audit.DENIED, permission,
                     {"role": attendant.role, **(about or {})}, outcome="denied")
        role, allowed = ROLE_WORDS, PERMISSION_WORDS
        raise Refused("not_permitted", username=attendant.username, role=attendant.role,
                      permission=permission,
                      role_zh=words(role, attendant.role, "zh_CN"),
                      role_en=words(role, attendant.role, "en"),
                      permission_zh=words(allowed, permission, "zh_CN"),
                      permission_en=words(allowed, permission, "en"))


def sign_in_for(ledger: Ledger, username: str, secret: str | None, permission: str, *,
                via: str = "cli") -> Attendant | None:
    """Sign in and check one permission in a single step (command line, scripts).

    Returns the signed-in attendant, to hand to the service function (which checks again);
    None in open mode, without any check.
    """
    if not has_attendants(ledger):
        return None
    if secret is None:
        audit.record(ledger, username or "?", audit.DENIED, permission,
                     {"why": "no_pin", "via": via}, outcome="denied")
        raise Refused("signin_required")
    attendant = authenticate(ledger, username, secret, via=via)
    require(ledger, attendant, permission)
    return attendant


def authorise(ledger: Ledger, username: str, secret: str | None, permission: str, *,
              via: str = "cli") -> str:
    """``sign_in_for`` returning the user name to record as the actor (in open mode the
    caller's name, without any check)."""
    attendant = sign_in_for(ledger, username, secret, permission, via=via)
    return username if attendant is None else attendant.username


# ---- idle lock ----
def idle_minutes(ledger: Ledger) -> int:
    try:
        return max(0, int(ledger.setting(IDLE_SETTING, str(DEFAULT_IDLE_MINUTES))))
    except ValueError:
        return DEFAULT_IDLE_MINUTES


def set_idle_minutes(ledger: Ledger, minutes: int, *, by: str, attendant: Acting = None) -> None:
    """The idle-lock setting (0 = never); needs the ``settings`` permission. Audited."""
    require(ledger, attendant, "settings", actor=by)
    if not 0 <= minutes <= 24 * 60:
        raise InvalidInput("minutes", "format")
    with ledger.write():
        old = idle_minutes(ledger)
        if minutes == old:
            return
        ledger.set_setting(IDLE_SETTING, str(minutes))
        audit.record(ledger, by, audit.SETTING, IDLE_SETTING,
                     {"old": str(old), "new": str(minutes)})


class IdleTimer:
    """Tracks the last user input; ``due()`` says when the screen must lock (0 minutes = never)."""

    def __init__(self, minutes: int) -> None:
        self.minutes = minutes
        self.last_input = clock.now()

    def touch(self) -> None:
        self.last_input = clock.now()

    def idle_for(self) -> timedelta:
        return clock.now() - self.last_input

    def due(self) -> bool:
        return self.minutes > 0 and self.idle_for() >= timedelta(minutes=self.minutes)
