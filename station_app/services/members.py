"""Member use cases: sign-up (入会), profile edits, verification, withdrawal, transfers."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import queries
from ..data.db import Ledger
from ..data.entries import Entry
from ..domain import consent, member_no, phone, pinyin, resident_id, validate, worker_types
from ..domain.errors import DuplicateMember, InvalidInput, Refused


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
        if existing is not None:
            raise DuplicateMember(existing.member_no, name=existing.name)
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


def update_member(ledger: Ledger, number: str, *, by: str, reason: str, name: str | None = None,
                  mobile: str | None = None, worker_type: str | None = None,
                  employer: str | None = None) -> Entry:
    """A profile edit is a new entry; the old values stay in the history."""
    changes: dict[str, str] = {}
    if name is not None:
        changes["name"] = pinyin.normalise_name(validate.text("name", name, max_len=30))
    if mobile is not None:
        changes["phone"] = phone.normalise(mobile)
    if worker_type is not None:
        changes["worker_type"] = worker_types.worker_type(worker_type)
    if employer is not None:
        changes["employer"] = validate.text("employer", employer, max_len=60, required=False)
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


def reveal_id_number(ledger: Ledger, number: str) -> str:
    """The full ID number, decrypted. Callers must check the role and write the audit entry."""
    member = queries.get_member(ledger, member_no.parse(number))
    row = ledger.conn.execute(
        "SELECT e.sealed FROM members m JOIN entries e ON e.id = m.entry_id"
        " WHERE m.member_no = ?", (member.member_no,)).fetchone()
    if row is None or row[0] is None:
        raise Refused("cannot_unseal")
    return ledger.keys.unseal(row[0])
