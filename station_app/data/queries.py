"""Read-only questions the counter, the CLI and reports ask of the ledger."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain import member_no as member_no_rules
from ..domain import pinyin
from ..domain.errors import LedgerError, NotFound

if TYPE_CHECKING:
    from .db import Ledger

SEARCH_LIMIT = 50
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PROBE_CHARS = 3  # name search: candidates must have the query's 3 rarest characters


@dataclass(frozen=True)
class Member:
    member_no: str
    name: str
    home_station: str
    phone: str
    id_masked: str
    sex: str
    birth_date: str
    worker_type: str
    employer: str
    status: str
    verified: str
    card_serial: int
    card_printed_serial: int
    joined_at: str
    origin: str
    other_union: str
    consent_version: str

    @property
    def phone_masked(self) -> str:
        p = self.phone
        return p[:3] + "****" + p[-4:] if len(p) == 11 else p

    def to_json(self) -> dict[str, Any]:
        """The documented JSON form of a member: the ID number only masked, the phone masked."""
        return {"member_no": self.member_no, "name": self.name,
                "home_station": self.home_station, "phone": self.phone_masked,
                "id_masked": self.id_masked, "sex": self.sex, "birth_date": self.birth_date,
                "worker_type": self.worker_type, "employer": self.employer,
                "status": self.status, "verified": self.verified,
                "card_serial": self.card_serial, "joined_at": self.joined_at,
                "origin": self.origin, "other_union": self.other_union}


_MEMBER_SELECT = ("SELECT member_no, name, home_station, phone, id_masked, sex, birth_date,"
                  " worker_type, employer, status, verified, card_serial, card_printed_serial,"
                  " joined_at, origin, other_union, consent_version FROM members")


def _member(row: Any) -> Member:
    return Member(*row)


def get_member(ledger: Ledger, number: str) -> Member:
    row = ledger.conn.execute(_MEMBER_SELECT + " WHERE member_no = ?", (number,)).fetchone()
    if row is None:
        raise NotFound("member", number)
    return _member(row)


def find_member(ledger: Ledger, number: str) -> Member | None:
    row = ledger.conn.execute(_MEMBER_SELECT + " WHERE member_no = ?", (number,)).fetchone()
    return _member(row) if row else None


def active_members_with_phone(ledger: Ledger, number: str) -> list[Member]:
    """Active members on file with this (normalised) mobile number: one indexed lookup."""
    return [_member(row) for row in ledger.conn.execute(
        _MEMBER_SELECT + " WHERE phone_tail = ? AND phone = ? AND status = 'active'"
        " ORDER BY member_no LIMIT 10", (number[-4:], number))]


def member_by_id_hash(ledger: Ledger, id_hash: str) -> Member | None:
    """The member record of the person with this keyed ID hash: one still a member first
    (wherever signed up), else one who withdrew from this station (they rejoin under it),
    else the earliest who withdrew elsewhere; never one who transferred out."""
    row = ledger.conn.execute(
        _MEMBER_SELECT + " WHERE id_hash = ? AND status != 'transferred_out'"
        " ORDER BY status != 'active', home_station != ?, joined_at, member_no LIMIT 1",
        (id_hash, ledger.station_code)).fetchone()
    return _member(row) if row else None


def id_hash_of(ledger: Ledger, member_no: str) -> str | None:
    row = ledger.conn.execute("SELECT id_hash FROM members WHERE member_no = ?",
                              (member_no,)).fetchone()
    return row[0] if row else None


def same_person_twice(ledger: Ledger) -> list[list[Member]]:
    """People who are an active member under two or more numbers (signed up at two stations
    before either knew of the other; found by the region's keyed ID hash), each group
    oldest sign-up first, the groups by their oldest sign-up."""
    groups: list[list[Member]] = []
    # members_active_id_hash (schema 49) covers this: one pass over the active members' hashes.
    for (id_hash,) in ledger.conn.execute(
            "SELECT id_hash FROM members INDEXED BY members_active_id_hash"
            " WHERE id_hash IS NOT NULL AND status = 'active'"
            " GROUP BY id_hash HAVING COUNT(*) > 1").fetchall():
        groups.append([_member(r) for r in ledger.conn.execute(
            _MEMBER_SELECT + " WHERE id_hash = ? AND status = 'active'"
            " ORDER BY joined_at, member_no", (id_hash,))])
    groups.sort(key=lambda g: (g[0].joined_at, g[0].member_no))
    return groups


def _prefix_range(column: str) -> str:
    return f"{column} >= ? AND {column} < ?"


def search_members(ledger: Ledger, query: str, limit: int = SEARCH_LIMIT) -> list[Member]:
    """Members matching a member number, phone tail, ID tail, name substring or pinyin.

    The kind of key is read from the text's shape, so each search is one indexed lookup.
    """
    text = pinyin.normalise_name("".join(unicodedata.normalize("NFKC", query).split()))
    if not text:
        return []
    conn = ledger.conn
    upper = text.upper()
    found: dict[str, Member] = {}

    def take(sql: str, params: tuple[Any, ...]) -> None:
        for row in conn.execute(sql + f" LIMIT {int(limit)}", params):
            if len(found) >= limit:
                return
            found.setdefault(row[0], _member(row))

    if member_no_rules.looks_like(upper):
        with contextlib.suppress(LedgerError):  # a wrong check char simply matches nothing
            take(_MEMBER_SELECT + " WHERE member_no = ?", (member_no_rules.parse(upper),))
    if "-" in upper and not found:
        take(_MEMBER_SELECT + " WHERE member_no >= ? AND member_no < ? ORDER BY member_no",
             (upper, upper + "~"))
    if text.isascii() and (text.isdigit() or (len(text) == 4 and text[:3].isdigit()
                                              and upper[3] == "X")):
        if len(text) == 4:
            take(_MEMBER_SELECT + " WHERE phone_tail = ? ORDER BY name_pinyin", (text,))
            take(_MEMBER_SELECT + " WHERE id_tail = ? ORDER BY name_pinyin", (upper,))
        elif len(text) == 11:
            take(_MEMBER_SELECT + " WHERE phone_tail = ? AND phone = ?", (text[-4:], text))
        elif len(text) >= 6:
            take(_MEMBER_SELECT + " WHERE member_no IN (SELECT member_no FROM members"
                 " WHERE member_no LIKE ?)", (f"%-{text}%",))
    elif _CJK.search(text):
        # Candidates from the index of name characters (member_keys): the members having the
        # rarest character of the query, narrowed by probing the index for each other one
        # (CROSS JOIN keeps the rarest outermost); then the whole substring is checked. At
        # 200,000 members 李 alone has 15,000 members, 李+斌 a few hundred (bench_core).
        chars = sorted(set(text))
        if len(chars) > 1:
            counts = {c: conn.execute("SELECT COUNT(*) FROM (SELECT 1 FROM member_keys"
                                      " WHERE key = ? LIMIT 100000)", (c,)).fetchone()[0]
                      for c in chars}
            chars.sort(key=lambda c: counts[c])
            chars = chars[:_PROBE_CHARS]
        joins = "".join(f" CROSS JOIN member_keys k{n} ON k{n}.key = ?"
                        f" AND k{n}.member_no = k0.member_no" for n in range(1, len(chars)))
        candidates = f"SELECT k0.member_no FROM member_keys k0{joins} WHERE k0.key = ?"
        # Exact and prefix matches first, sorted inside the covering index (no row reads even
        # when thousands of members share a surname); then names containing the text later on.
        rowids = [r[0] for r in conn.execute(
            "SELECT rowid FROM members INDEXED BY members_name_pinyin WHERE name >= ?"
            " AND name < ? ORDER BY (name = ?) DESC, name_pinyin LIMIT ?",
            (text, text + "\U0010ffff", text, limit))]
        for rowid in rowids:
            take(_MEMBER_SELECT + " WHERE rowid = ?", (rowid,))
        if len(found) < limit:
            take(_MEMBER_SELECT + " WHERE member_no IN (" + candidates + ")"
                 " AND instr(name, ?) > 1 ORDER BY name_pinyin",
                 (*chars[1:], chars[0], text))
    elif text.isalpha() and text.isascii():
        lower = text.lower()
        take(_MEMBER_SELECT + " WHERE " + _prefix_range("name_initials")
             + " ORDER BY name_initials, name_pinyin", (lower, lower + "{"))
        take(_MEMBER_SELECT + " WHERE " + _prefix_range("name_pinyin") + " ORDER BY name_pinyin",
             (lower, lower + "{"))
    return list(found.values())[:limit]


def visits_count(ledger: Ledger, member: str, day_from: str, day_to: str) -> int:
    row = ledger.conn.execute(
        "SELECT COUNT(*) FROM visits WHERE member_no = ? AND day BETWEEN ? AND ? AND voided = 0",
        (member, day_from, day_to)).fetchone()
    return int(row[0])


def member_enrolments(ledger: Ledger, member: str) -> list[str]:
    return [r[0] for r in ledger.conn.execute(
        "SELECT DISTINCT programme FROM enrolments WHERE member_no = ? AND voided = 0"
        " ORDER BY programme", (member,))]


def relief_for(ledger: Ledger, campaign: str, member: str) -> list[dict[str, Any]]:
    return [{"entry_id": r[0], "at": r[1], "money_fen": r[2]} for r in ledger.conn.execute(
        "SELECT entry_id, at, money_fen FROM relief WHERE campaign = ? AND member_no = ?"
        " AND voided = 0 ORDER BY at", (campaign, member))]


@dataclass(frozen=True)
class ServiceRow:
    code: str
    name_zh: str
    name_en: str
    active: bool
    sort: int

    def text(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_zh


def services(ledger: Ledger, active_only: bool = False) -> list[ServiceRow]:
    sql = "SELECT code, name_zh, name_en, active, sort FROM services"
    if active_only:
        sql += " WHERE active = 1"
    return [ServiceRow(r[0], r[1], r[2], bool(r[3]), r[4])
            for r in ledger.conn.execute(sql + " ORDER BY sort, code")]


@dataclass(frozen=True)
class Campaign:
    code: str
    name: str
    kind: str
    starts: str
    ends: str
    one_per_person: bool


def campaigns(ledger: Ledger) -> list[Campaign]:
    return [Campaign(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in ledger.conn.execute(
        "SELECT code, name, kind, starts, ends, one_per_person FROM campaigns"
        " ORDER BY starts DESC, code")]


def get_campaign(ledger: Ledger, code: str) -> Campaign:
    for campaign in campaigns(ledger):
        if campaign.code == code or campaign.name == code:
            return campaign
    raise NotFound("campaign", code)
