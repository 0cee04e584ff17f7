"""Personal-data controls: revealing a full ID number (admin + reason, audited) and retention.

Retention: withdrawn or transferred-out members are anonymised N years after they left, by a
``member.anonymise`` entry (the log is append-only, so nothing is erased in place). What that
does and does not remove is documented honestly in docs/SECURITY.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ..data import queries
from ..data.db import Ledger
from ..data.projector import ANONYMISE_KIND, anonymised
from ..domain import clock, member_no, messages, validate
from ..domain.errors import InvalidInput, LedgerError, Refused
from ..logs import mask_text
from . import audit, auth, members

RETENTION_SETTING = "privacy.retention_years"
DAYS_PER_YEAR = 365.25

messages.register({
    "member_anonymised": ("会员 {member_no} 已匿名化，身份证号不能再查看",
                          "Member {member_no} has been anonymised; the ID number cannot be shown"),
})
messages._FIELDS.setdefault("years", ("年数", "Years"))


def reveal(ledger: Ledger, number: str, reason: str, *,
           attendant: auth.Acting, actor: str = "") -> str:
    """The full ID number for an admin who gives a reason; every call is audited."""
    # What was typed may be anything, an ID number too: only a member number is kept.
    asked = str(number).strip()
    subject = asked if member_no.looks_like(asked) else f"<{len(str(number))} characters>"
    # First: every refusal is audited, with whose number was asked for.
    auth.require(ledger, attendant, "reveal", actor=actor, about={"member_no": subject[:40]})
    who = attendant.username if isinstance(attendant, auth.Attendant) else actor
    try:
        why = validate.text("reason", reason, max_len=200)
        member = queries.get_member(ledger, member_no.parse(number))
    except LedgerError as exc:  # no reason, no such member: the attempt is logged too
        audit.record(ledger, who, audit.REVEAL, subject[:40],
                     {"reason": mask_text(str(reason or ""))[:200], "error": exc.code},
                     outcome="refused")
        raise
    if is_anonymised(ledger, member.member_no):
        audit.record(ledger, who, audit.REVEAL, member.member_no, {"reason": mask_text(why)},
                     outcome="refused")
        raise Refused("member_anonymised", member_no=member.member_no)
    full = members.reveal_id_number(ledger, member.member_no)
    audit.record(ledger, who, audit.REVEAL, member.member_no,
                 {"reason": mask_text(why), "id_masked": member.id_masked})
    return full


def is_anonymised(ledger: Ledger, number: str) -> bool:
    """The projection's own rule (``projector.anonymised``)."""
    member = queries.find_member(ledger, number)
    return member is not None and anonymised(ledger, number, member.status)


def retention_years(ledger: Ledger) -> int:
    """0 = keep for ever (the default)."""
    try:
        return max(0, int(ledger.setting(RETENTION_SETTING, "0")))
    except ValueError:
        return 0


def set_retention_years(ledger: Ledger, years: int, *, by: str,
                        attendant: auth.Acting = None) -> None:
    """The retention period (0 = keep); needs the ``settings`` permission. Audited."""
    auth.require(ledger, attendant, "settings", actor=by)
    if years < 0 or years > 100:
        raise InvalidInput("years", "format")
    with ledger.write():
        old = ledger.setting(RETENTION_SETTING, "0")
        ledger.set_setting(RETENTION_SETTING, str(years))
        audit.record(ledger, by, audit.SETTING, RETENTION_SETTING,
                     {"old": old, "new": str(years)})


@dataclass(frozen=True)
class Due:
    member_no: str
    left_at: str


def due_for_anonymisation(ledger: Ledger, years: int | None = None) -> list[Due]:
    """Members who left (withdrew, transferred out) over ``years`` ago, not yet anonymised."""
    years = retention_years(ledger) if years is None else years
    if years <= 0:
        return []
    cutoff = clock.iso(clock.now() - timedelta(days=DAYS_PER_YEAR * years))
    rows = ledger.conn.execute(
        "SELECT json_extract(e.body, '$.member_no') AS no, MAX(e.recorded_at) FROM entries e"
        " JOIN members m ON m.member_no = json_extract(e.body, '$.member_no')"
        " WHERE e.kind IN ('member.withdraw', 'transfer.out')"
        " AND m.status IN ('withdrawn', 'transferred_out')"
        " AND e.id NOT IN (SELECT target FROM voids)"
        " GROUP BY no HAVING MAX(e.recorded_at) < ? ORDER BY no", (cutoff,)).fetchall()
    return [Due(str(r[0]), str(r[1])) for r in rows if not is_anonymised(ledger, str(r[0]))]


def anonymise(ledger: Ledger, number: str, reason: str, *, by: str,
              attendant: auth.Acting) -> None:
    """Blank a member's personal data in every view; visits still count in statistics.

    Needs the ``settings`` permission (the retention rule is an admin's setting).
    """
    auth.require(ledger, attendant, "settings", actor=by)
    _anonymise(ledger, member_no.parse(number), reason, by=by)


def _anonymise(ledger: Ledger, number: str, reason: str, *, by: str) -> None:
    with ledger.write():
        member = queries.get_member(ledger, number)
        if member.status == "active":
            raise Refused("member_inactive", member_no=number, status=member.status)
        if is_anonymised(ledger, number):
            return
        ledger.append(ANONYMISE_KIND, {"member_no": number, "reason": reason}, by=by)


def apply_retention(ledger: Ledger, *, by: str, attendant: auth.Acting) -> list[str]:
    """Anonymise every member whose retention period has run out; one audit row.

    A run by hand (``retention --apply``) needs the ``settings`` permission; the automatic
    run is ``retention_if_due``.
    """
    auth.require(ledger, attendant, "settings", actor=by)
    due = due_for_anonymisation(ledger)
    if not due:
        return []
    years = retention_years(ledger)
    done = []
    with ledger.write():
        for item in due:
            _anonymise(ledger, item.member_no, f"retention {years}y", by=by)
            done.append(item.member_no)
        audit.record(ledger, by, audit.RETENTION, "", {"years": years, "count": len(done),
                                                      "members": done[:200]})
    return done


def retention_if_due(ledger: Ledger, *, by: str = "retention") -> list[str]:
    """The automatic run (the GUI after sign-in and every hour): the rule the admin set.

    Automatic safety work, like the daily backup: nobody at the counter asks for it, so no
    role is checked (``auth.AUTOMATIC``); it does only what ``privacy.retention_years`` says.
    """
    return apply_retention(ledger, by=by, attendant=auth.AUTOMATIC)
