"""Member use cases: sign-up (入会), profile edits, verification, withdrawal, rejoining,
transfers."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import queries
from ..data.db import Ledger
from ..data.entries import Entry
from ..data.projector import anonymised
from ..domain import (
    consent,
    member_no,
    messages,
    phone,
    pinyin,
    resident_id,
    validate,
    worker_types,
)
from ..domain.errors import DuplicateMember, InvalidInput, Refused

messages.register({
    "duplicate_member.withdrawn": (
        "此身份证号属于已退会的会员 {member_no}：请为其办理重新入会（沿用原会员号和会员证），"
        "不必重新登记",
        "This ID number belongs to member {member_no}, who withdrew: let them rejoin under "
        "the same number and card instead of signing up again"),
    "rejoin.active": ("会员 {member_no} 仍是在会会员，无需重新入会",
                      "Member {member_no} is still an active member; there is nothing to "
                      "rejoin"),
    "rejoin.active_elsewhere": (
        "会员 {member_no} 退会后已在驿站 {station} 以会员号 {other} 入会，不能在本站重新入会",
        "Member {member_no} has since joined at station {station} as {other}, so they cannot "
        "rejoin here as well"),
    "rejoin.transferred_out": (
        "会员 {member_no} 已转出会籍，不能重新入会：回到本会请办理会籍转入",
        "Member {member_no} transferred to another union and cannot rejoin: to come back, "
        "record a transfer in"),
    "rejoin.anonymised": (
        "会员 {member_no} 退会后已匿名化，不能恢复原会籍：请作为新会员重新登记入会",
        "Member {member_no} was anonymised after leaving and cannot rejoin under that number: "
        "sign them up again as a new member"),
})


@dataclass(frozen=True)
class SignUp:
    """What the sign-up form or ``member add`` collects."""

    name: str
    id_number: str
    phone: str
    worker_type: str
    employer: str = ""
    consent_given: bool = True
    consent_version: str = consent.CONSENT_VERSION


@dataclass(frozen=True)
class CheckedSignUp:
    name: str
    rid: resident_id.ResidentId
    phone: str
    worker_type: str
    employer: str
    consent_version: str


def check_sign_up(form: SignUp) -> CheckedSignUp:
    """Validate every field (first error wins, in form order); no I/O."""
    name = pinyin.normalise_name(validate.text("name", form.name, max_len=30))
    rid = resident_id.parse(form.id_number)
    mobile = phone.normalise(form.phone)
    worker = worker_types.worker_type(form.worker_type)
    employer = validate.text("employer", form.employer, max_len=60, required=False)
    if not form.consent_given:
        raise InvalidInput("consent", "not_given")
    return CheckedSignUp(name, rid, mobile, worker, employer, form.consent_version)


def existing_member(ledger: Ledger, id_number: str) -> queries.Member | None:
    """The member who already holds this ID number, if any (keyed-hash lookup)."""
    number = resident_id.normalise(id_number)
    return queries.member_by_id_hash(ledger, ledger.keys.id_hash(number))


def _mint_number(ledger: Ledger) -> str:
    serial = int(ledger.setting("member.next_serial", "1"))
    code = ledger.station_code
    while True:
        number = member_no.make(code, serial)
        serial += 1
        if queries.find_member(ledger, number) is None:
            break
    ledger.set_setting("member.next_serial", str(serial))
    return number


def _signup_body(ledger: Ledger, checked: CheckedSignUp, number: str) -> dict[str, object]:
    return {
        "member_no": number, "name": checked.name, "phone": checked.phone,
        "worker_type": checked.worker_type, "employer": checked.employer,
        "sex": checked.rid.sex, "birth_date": checked.rid.birth_date.isoformat(),
        "id_masked": checked.rid.masked, "id_tail": checked.rid.tail,
        "home_station": ledger.station_code, "consent_version": checked.consent_version,
    }


def sign_up_member(ledger: Ledger, form: SignUp, *, by: str) -> queries.Member:
    """Register a new member; refused with the existing number if the ID is already a member."""
    checked = check_sign_up(form)
    with ledger.write():
        existing = existing_member(ledger, checked.rid.number)
        if existing is not None and not left_elsewhere(ledger, existing):
            raise DuplicateMember(existing.member_no, name=existing.name,
                                  withdrawn=can_rejoin(ledger, existing))
        number = _mint_number(ledger)
        ledger.append("member.signup", _signup_body(ledger, checked, number), by=by,
                      sealed=ledger.keys.seal(checked.rid.number),
                      pii_hash=None)
        ledger.append("card.issue", {"member_no": number, "serial": 1, "reason": "new"}, by=by)
    return queries.get_member(ledger, number)


def transfer_in(ledger: Ledger, form: SignUp, other_union: str, *, by: str) -> queries.Member:
    """A member arriving from another union gets a number here (会籍转入)."""
    checked = check_sign_up(form)
    other = validate.text("other_union", other_union, max_len=60)
    with ledger.write():
        existing = existing_member(ledger, checked.rid.number)
        if existing is not None and existing.home_station == ledger.station_code:
            raise DuplicateMember(existing.member_no, name=existing.name)
        number = _mint_number(ledger)
        body = _signup_body(ledger, checked, number)
        body["other_union"] = other
        ledger.append("transfer.in", body, by=by, sealed=ledger.keys.seal(checked.rid.number))
        ledger.append("card.issue", {"member_no": number, "serial": 1, "reason": "new"}, by=by)
    return queries.get_member(ledger, number)


def _own_member(ledger: Ledger, number: str) -> queries.Member:
    """A member whose history this station writes: members of other stations (known from a
    return bundle) are changed only at their home station, so every copy agrees."""
    member = queries.get_member(ledger, member_no.parse(number))
    if member.home_station != ledger.station_code:
        raise Refused("foreign_entry", station=member.home_station)
    return member


def _active_member(ledger: Ledger, number: str) -> queries.Member:
    member = _own_member(ledger, number)
    if member.status != "active":
        raise Refused("member_inactive", member_no=member.member_no, status=member.status)
    return member


def transfer_out(ledger: Ledger, number: str, other_union: str, reason: str = "", *,
                 by: str) -> Entry:
    """A member leaves for another union (会籍转出); history stays."""
    other = validate.text("other_union", other_union, max_len=60)
    why = validate.text("reason", reason, max_len=200, required=False)
    with ledger.write():
        member = _active_member(ledger, number)
        return ledger.append("transfer.out", {"member_no": member.member_no,
                                              "other_union": other, "reason": why}, by=by)


def _contact_changes(mobile: str | None, worker_type: str | None,
                     employer: str | None) -> dict[str, str]:
    """The mobile, worker type and employer given (None: unchanged), checked and normalised."""
    changes: dict[str, str] = {}
    if mobile is not None:
        changes["phone"] = phone.normalise(mobile)
    if worker_type is not None:
        changes["worker_type"] = worker_types.worker_type(worker_type)
    if employer is not None:
        changes["employer"] = validate.text("employer", employer, max_len=60, required=False)
    return changes


def update_member(ledger: Ledger, number: str, *, by: str, reason: str, name: str | None = None,
                  mobile: str | None = None, worker_type: str | None = None,
                  employer: str | None = None) -> Entry:
    """A profile edit is a new entry; the old values stay in the history."""
    changes: dict[str, str] = {}
    if name is not None:
        changes["name"] = pinyin.normalise_name(validate.text("name", name, max_len=30))
    changes.update(_contact_changes(mobile, worker_type, employer))
    why = validate.text("reason", reason, max_len=200)
    if not changes:
        raise Refused("no_changes")
    with ledger.write():
        member = _active_member(ledger, number)
        return ledger.append("member.update", {"member_no": member.member_no,
                                               "changes": changes, "reason": why}, by=by)


def verify_member(ledger: Ledger, number: str, *, by: str, verified: bool = True) -> Entry:
    with ledger.write():
        member = _own_member(ledger, number)
        return ledger.append("member.verify", {
            "member_no": member.member_no, "status": "verified" if verified else "unverified",
        }, by=by)


def withdraw_member(ledger: Ledger, number: str, reason: str, *, by: str) -> Entry:
    why = validate.text("reason", reason, max_len=200)
    with ledger.write():
        member = _active_member(ledger, number)
        return ledger.append("member.withdraw", {"member_no": member.member_no,
                                                 "reason": why}, by=by)


def left_elsewhere(ledger: Ledger, member: queries.Member) -> bool:
    """The person withdrew from another station: only that station could take them back
    under the old number, so here they sign up as a new member (a worker who moved on)."""
    return member.status == "withdrawn" and member.home_station != ledger.station_code


def can_rejoin(ledger: Ledger, member: queries.Member) -> bool:
    """A member of this station who withdrew and whose data was not anonymised since: they
    come back under the same number (``rejoin_member``). An anonymised member is not found
    by ID number any more, so signing them up again makes a new member."""
    return (member.status == "withdrawn" and member.home_station == ledger.station_code
            and not anonymised(ledger, member.member_no, member.status))


def rejoin_member(ledger: Ledger, number: str, *, by: str, consent_given: bool = True,
                  consent_version: str = consent.CONSENT_VERSION, mobile: str | None = None,
                  worker_type: str | None = None, employer: str | None = None) -> Entry:
    """A member who withdrew joins again (重新入会): one ``member.rejoin`` entry.

    The member keeps the number, the history and the card (its serial scans as valid
    again); consent is given again at today's version, and the mobile, worker type and
    employer may be brought up to date in the same entry. Voiding it makes them withdrawn
    again. Refused for an active member, one who transferred out (a transfer in brings them
    back) and one who was anonymised (sign them up again as a new member)."""
    if not consent_given:
        raise InvalidInput("consent", "not_given")
    version = validate.text("consent", consent_version, max_len=20)
    changes = _contact_changes(mobile, worker_type, employer)
    with ledger.write():
        member = _own_member(ledger, number)
        if member.status == "active":
            raise Refused("rejoin.active", member_no=member.member_no)
        id_hash = queries.id_hash_of(ledger, member.member_no)
        now = queries.member_by_id_hash(ledger, id_hash) if id_hash else None
        if now is not None and now.status == "active":
            # They signed up at another station since (a worker who moved on): a rejoin here
            # would make them a member twice.
            raise Refused("rejoin.active_elsewhere", member_no=member.member_no,
                          other=now.member_no, station=now.home_station)
        if member.status == "transferred_out":
            raise Refused("rejoin.transferred_out", member_no=member.member_no)
        if not can_rejoin(ledger, member):
            raise Refused("rejoin.anonymised", member_no=member.member_no)
        current = {"phone": member.phone, "worker_type": member.worker_type,
                   "employer": member.employer}
        changes = {k: v for k, v in changes.items() if v != current[k]}
        return ledger.append("member.rejoin", {"member_no": member.member_no,
                                               "consent_version": version,
                                               "changes": changes}, by=by)


def reveal_id_number(ledger: Ledger, number: str) -> str:
    """The full ID number, decrypted. Callers must check the role and write the audit entry."""
    member = queries.get_member(ledger, member_no.parse(number))
    row = ledger.conn.execute(
        "SELECT e.sealed FROM members m JOIN entries e ON e.id = m.entry_id"
        " WHERE m.member_no = ?", (member.member_no,)).fetchone()
    if row is None or row[0] is None:
        raise Refused("cannot_unseal")
    return ledger.keys.unseal(row[0])
