"""Keeps the read models (members, visits, relief ...) in step with the entry log.

Projection is deterministic and order-independent: a void or correction that arrives before its
target (bundles imported out of order) is held in ``voids`` / ``corrections`` and applied when the
target arrives, so any import order ends with the same tables.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from ..domain import canonical, catalogue, pinyin
from . import bulk
from . import entries as entries_mod
from .entries import MEMBER_KINDS, Entry

if TYPE_CHECKING:
    from .db import Ledger

PLAIN_KINDS = frozenset({"visit", "relief", "enrolment"})
_CHUNK = 500  # bound parameters per IN (...) list

_VISIT = ("INSERT INTO visits (entry_id, station, at, day, hour, weekday, member_no, worker_type,"
          " walk_in, doc_type, nationality, voided, corrected_by, services)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
# The report roll-ups (schema_reports): new visit rows are added per batch, grouped.
_ROLL_CELLS = ("INSERT INTO rep_visit_cells (day, station, hour, weekday, worker_type, walk_in,"
               " nationality, n) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
               " ON CONFLICT DO UPDATE SET n = n + excluded.n")
_ROLL_MEMBERS = ("INSERT INTO rep_member_days (day, station, member_no, worker_type, nationality,"
                 " n) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n")
_ROLL_SERVICES = ("INSERT INTO rep_service_cells (day, station, service, walk_in, n)"
                  " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n")
_RELIEF = ("INSERT INTO relief (entry_id, station, at, day, campaign, member_no, worker_type,"
           " money_fen, override_reason, voided, corrected_by)"
           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_RELIEF_GOODS = "INSERT OR REPLACE INTO relief_goods (entry_id, item, qty) VALUES (?, ?, ?)"
_ENROLMENT = ("INSERT INTO enrolments (entry_id, station, day, programme, member_no, details,"
              " voided) VALUES (?, ?, ?, ?, ?, ?, ?)")
_TRANSFER = ("INSERT OR REPLACE INTO transfers (entry_id, station, day, member_no, direction,"
             " other_union, voided) VALUES (?, ?, ?, ?, ?, ?, ?)")
_MEMBER_COLUMNS = (
    "member_no", "entry_id", "home_station", "name", "name_pinyin", "name_initials", "phone",
    "phone_tail", "id_masked", "id_tail", "id_hash", "sex", "birth_date", "worker_type",
    "employer", "status", "verified", "card_serial", "card_printed_serial", "consent_version",
    "joined_at", "joined_day", "other_union", "origin", "updated_at",
)
_MEMBER = ("INSERT OR REPLACE INTO members (" + ", ".join(_MEMBER_COLUMNS) + ") VALUES ("
           + ", ".join("?" * len(_MEMBER_COLUMNS)) + ")")


@lru_cache(maxsize=4096)
def _weekday(day: str) -> int:
    return date.fromisoformat(day).isoweekday()


def _when(at: str) -> tuple[str, int, int]:
    """Local day, hour and ISO weekday as the station recorded them (the offset is in ``at``)."""
    day = at[:10]
    return day, int(at[11:13]), _weekday(day)


class _Batch:
    def __init__(self) -> None:
        self.visits: list[tuple[Any, ...]] = []
        self.visit_codes: list[tuple[str, ...]] = []  # per non-void visit, for the roll-ups
        self.relief: list[tuple[Any, ...]] = []
        self.relief_goods: list[tuple[Any, ...]] = []
        self.enrolments: list[tuple[Any, ...]] = []
        self.transfers: list[tuple[Any, ...]] = []

    def add(self, entry: Entry, body: dict[str, Any], voided: bool,
            corrected_by: str | None) -> None:
        kind = entry.kind
        day, hour, weekday = _when(entry.recorded_at)
        flag = 1 if voided else 0
        if kind == "visit":
            codes, text = _services(body.get("services", ()))
            self.visits.append((entry.id, entry.station, entry.recorded_at, day, hour, weekday,
                                body.get("member_no"), body.get("worker_type", "other"),
                                1 if body.get("walk_in") else 0, body.get("doc_type"),
                                body.get("nationality"), flag, corrected_by, text))
            if not voided:
                self.visit_codes.append(codes)
        elif kind == "relief":
            self.relief.append((entry.id, entry.station, entry.recorded_at, day,
                                body.get("campaign", ""), body.get("member_no"),
                                body.get("worker_type", "other"), int(body.get("money_fen", 0)),
                                body.get("override_reason"), flag, corrected_by))
            # One row per item: two lines of the same item in one handout add up.
            per_item: dict[str, int] = {}
            for g in body.get("goods", ()):
                per_item[g["item"]] = per_item.get(g["item"], 0) + int(g["qty"])
            self.relief_goods.extend((entry.id, item, qty) for item, qty in per_item.items())
        elif kind == "enrolment":
            self.enrolments.append((entry.id, entry.station, day, body.get("programme", ""),
                                    body.get("member_no", ""),
                                    canonical.dumps(body.get("details", {})), flag))
        elif kind in ("transfer.in", "transfer.out"):
            self.transfers.append((entry.id, entry.station, day, body.get("member_no", ""),
                                   "in" if kind == "transfer.in" else "out",
                                   body.get("other_union", ""), flag))

    def write(self, writer: bulk.Writer) -> None:
        """Hand every row to ``writer``: the visits first, so SQLite writes them while their
        report roll-ups are counted here."""
        writer.insert(_VISIT, self.visits)
        for sql, rows in ((_RELIEF, self.relief), (_RELIEF_GOODS, self.relief_goods),
                          (_ENROLMENT, self.enrolments), (_TRANSFER, self.transfers)):
            writer.insert(sql, rows)
        if self.visits:
            rolled = roll_up_rows([v for v in self.visits if not v[11]], self.visit_codes)
            for sql, rows in zip(_ROLL_SQL, rolled, strict=True):
                writer.insert(sql, rows)

    def flush(self, ledger: Ledger) -> None:
        writer = bulk.Writer(ledger.conn, threaded=False)
        self.write(writer)
        writer.close()


def _services(value: Any) -> tuple[tuple[str, ...], str]:
    """A visit's services as stored: distinct codes, sorted (a set, in a stable form), and
    their JSON text for ``visits.services``."""
    if type(value) not in (list, tuple) or not all(type(s) is str for s in value):
        raise ValueError("services must be a list of service codes")
    return _services_text(tuple(value))


@lru_cache(maxsize=4096)
def _services_text(value: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    codes = tuple(sorted(set(value)))
    return codes, canonical.dumps(list(codes))


def roll_up_rows(visits: Sequence[tuple[Any, ...]], services: Sequence[tuple[str, ...]]
                 ) -> tuple[list[tuple[Any, ...]], ...]:
    """The report roll-up rows for new, non-void ``visits`` rows (in ``_VISIT`` column order)
    and their ``services``: one grouped upsert per table (``_ROLL_SQL``) instead of a trigger
    per row.

    The keys are cut from the rows by ``itemgetter`` and counted by ``Counter`` (both in C);
    only the distinct keys are then touched in Python."""
    cells: Counter[tuple[Any, ...]] = Counter()
    for (day, station, hour, weekday, worker_type, walk_in, nat), n in Counter(
            map(_CELL_KEY, visits)).items():
        cells[(day, station, hour, weekday, worker_type, walk_in,
               "CN" if nat is None else nat)] += n
    people: Counter[tuple[Any, ...]] = Counter()
    for (day, station, member_no, worker_type, nat), n in Counter(
            map(_PERSON_KEY, visits)).items():
        if member_no is not None:
            people[(day, station, member_no, worker_type, "CN" if nat is None else nat)] += n
    given: Counter[tuple[Any, ...]] = Counter()
    for ((day, station, walk_in), codes), n in Counter(
            zip(map(_SERVICE_KEY, visits), services, strict=True)).items():
        for code in codes:
            given[(day, station, code, walk_in)] += n
    return ([(*k, n) for k, n in cells.items()], [(*k, n) for k, n in people.items()],
            [(*k, n) for k, n in given.items()])


_ROLL_SQL = (_ROLL_CELLS, _ROLL_MEMBERS, _ROLL_SERVICES)


def roll_up(ledger: Ledger, visits: Sequence[tuple[Any, ...]],
            services: Sequence[tuple[str, ...]]) -> None:
    """Add new, non-void ``visits`` rows and their ``services`` to the report roll-ups."""
    for sql, rows in zip(_ROLL_SQL, roll_up_rows(visits, services), strict=True):
        ledger.conn.executemany(sql, rows)


# Columns of a ``_VISIT`` row: 1 station, 3 day, 4 hour, 5 weekday, 6 member_no,
# 7 worker_type, 8 walk_in, 10 nationality.
_CELL_KEY = itemgetter(3, 1, 4, 5, 7, 8, 10)
_PERSON_KEY = itemgetter(3, 1, 6, 7, 10)
_SERVICE_KEY = itemgetter(3, 1, 8)


def _pending_targets(ledger: Ledger, ids: list[str]) -> set[str]:
    """Those of ``ids`` that already have a void or correction waiting for them."""
    if not ids:
        return set()
    conn = ledger.conn
    if len(ids) <= _CHUNK:
        marks = ",".join("?" * len(ids))
        return {r[0] for r in conn.execute(
            f"SELECT target FROM voids WHERE target IN ({marks}) UNION "
            f"SELECT target FROM corrections WHERE target IN ({marks})", ids + ids)}
    # A bundle's ids (UUIDv7, time-ordered) span its date range: one range scan of the two
    # small target indexes instead of an IN (...) query per 500 ids.
    wanted = set(ids)
    low, high = min(wanted), max(wanted)
    return {r[0] for r in conn.execute(
        "SELECT target FROM voids WHERE target BETWEEN ? AND ? UNION "
        "SELECT target FROM corrections WHERE target BETWEEN ? AND ?",
        (low, high, low, high)) if r[0] in wanted}


def _stations_of(ledger: Ledger, ids: Iterable[str]) -> dict[str, str]:
    """The recording station of each of ``ids`` held here (ids not held are left out)."""
    wanted = list(dict.fromkeys(ids))
    found: dict[str, str] = {}
    for at in range(0, len(wanted), _CHUNK):
        chunk = wanted[at:at + _CHUNK]
        found.update(ledger.conn.execute(
            "SELECT id, station FROM entries WHERE id IN (" + ",".join("?" * len(chunk)) + ")",
            chunk).fetchall())
    return found


def _drop_foreign_fixes(ledger: Ledger, batch_entries: Sequence[Entry]) -> set[str]:
    """Voids and corrections that were waiting for an entry of this batch and were written by
    another station than the entry's own are taken out of ``voids`` / ``corrections``: only the
    recording station fixes an entry (``services.corrections`` refuses the rest, and a signed
    bundle from a tampered program must not do it either). The entries themselves stay in the
    log. Returns the ids of this batch that still have a void or correction waiting."""
    pending = _pending_targets(ledger, [e.id for e in batch_entries])
    if not pending:
        return pending
    station = {e.id: e.station for e in batch_entries if e.id in pending}
    conn = ledger.conn
    marks = ",".join("?" * len(pending))
    dropped = False
    for table in ("voids", "corrections"):
        foreign = [(fix,) for fix, target, by in conn.execute(
            f"SELECT f.entry_id, f.target, e.station FROM {table} f"
            f" JOIN entries e ON e.id = f.entry_id WHERE f.target IN ({marks})", list(pending))
            if by != station[target]]
        if foreign:
            conn.executemany(f"DELETE FROM {table} WHERE entry_id = ?", foreign)
            dropped = True
    return _pending_targets(ledger, list(pending)) if dropped else pending


def _own_fixes(ledger: Ledger, fixes: list[tuple[str, str, tuple[Any, ...]]]
               ) -> list[tuple[Any, ...]]:
    """The rows of ``fixes`` (fixing station, target, row) whose target is unknown here yet or
    was recorded by the fixing station; a fix of another station's entry is left out."""
    if not fixes:
        return []
    held = _stations_of(ledger, (target for _, target, _ in fixes))
    return [row for by, target, row in fixes if held.get(target, by) == by]


_CAMPAIGN = ("INSERT INTO campaigns (code, entry_id, name, kind, starts, ends, one_per_person,"
             " station) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
             " ON CONFLICT(code) DO UPDATE SET entry_id = excluded.entry_id,"
             " name = excluded.name, kind = excluded.kind, starts = excluded.starts,"
             " ends = excluded.ends, one_per_person = excluded.one_per_person,"
             " station = excluded.station WHERE excluded.entry_id > campaigns.entry_id")


class IdConflict(Exception):
    """An entry of the batch has an id already held under another (station, epoch, seq)."""


def _id_conflict(exc: sqlite3.Error) -> BaseException:
    return IdConflict() if isinstance(exc, sqlite3.IntegrityError) else exc


def project(ledger: Ledger, batch_entries: Sequence[Entry],
            rows: Sequence[tuple[Any, ...]] | None = None) -> None:
    """Apply entries to the projections; ``rows``: their ``entries`` rows, to insert first
    (an import), else they are held already.

    A large batch is written by a ``bulk.Writer`` on a second thread while the next rows are
    worked out here; an id already held raises ``IdConflict``."""
    conn = ledger.conn
    batch = _Batch()
    # Fixes that were waiting for this batch's entries, read before the writer has the
    # connection (they come from earlier batches, so the entries below do not change them).
    pending = _drop_foreign_fixes(ledger, batch_entries)
    refresh: list[str] = []
    members: dict[str, None] = {}
    fresh: dict[str, list[Entry]] = {}  # member entries of this batch, by member number
    voids: list[tuple[str, str, tuple[Any, ...]]] = []  # (fixing station, target, row)
    corrections: list[tuple[str, str, tuple[Any, ...]]] = []
    campaigns: list[tuple[Any, ...]] = []
    services_changed = seed = False
    writer = bulk.Writer(conn, threaded=len(batch_entries) >= bulk.THREAD_ROWS)
    try:
        if rows is not None:
            writer.insert(entries_mod.INSERT, rows, _id_conflict)
        for entry in batch_entries:
            kind = entry.kind
            body = entry.body
            if kind in PLAIN_KINDS:
                if entry.id in pending:
                    refresh.append(entry.id)
                else:
                    batch.add(entry, body, False, None)
            elif kind in MEMBER_KINDS:
                members[body["member_no"]] = None
                fresh.setdefault(body["member_no"], []).append(entry)
                if kind in ("transfer.in", "transfer.out"):
                    if entry.id in pending:
                        refresh.append(entry.id)
                    else:
                        batch.add(entry, body, False, None)
            elif kind == "void" and entry.target:
                voids.append((entry.station, entry.target,
                              (entry.id, entry.target, str(body.get("reason", "")))))
            elif kind == "correct" and entry.target:
                # Causal order (a station's own seq), not wall-clock time: a PC clock set back
                # must not let an older correction win. Only the recording station corrects.
                order = f"{entry.epoch:06d}|{entry.seq:012d}|{entry.id}"
                corrections.append((entry.station, entry.target,
                                    (entry.id, entry.target, order,
                                     canonical.dumps(body["body"]))))
            elif kind == "campaign.define":
                # The newest definition (UUIDv7 ids sort by time) wins whatever the arrival
                # order.
                campaigns.append((body["code"], entry.id, body["name"],
                                  body.get("kind", "other"), body.get("starts", ""),
                                  body.get("ends", ""),
                                  1 if body.get("one_per_person", True) else 0, entry.station))
            elif kind.startswith("service."):
                services_changed = True
            elif kind == "station.init":
                seed = True
            elif kind == ANONYMISE_KIND:
                members[body["member_no"]] = None
        batch.write(writer)
        _warm_pinyin(fresh)
    except KeyboardInterrupt:
        writer.abandon()  # the connection is the writer's until it stops
        raise
    except BaseException:
        # The entries went in first: an id held elsewhere is the refusal, as row by row.
        try:
            writer.close()
        except IdConflict:
            raise IdConflict() from None
        except Exception:
            pass
        raise
    writer.close()
    if campaigns:
        conn.executemany(_CAMPAIGN, campaigns)
    if seed:
        seed_services(ledger)
    own_voids = _own_fixes(ledger, voids)
    if own_voids:
        conn.executemany("INSERT OR IGNORE INTO voids (entry_id, target, reason) VALUES (?,?,?)",
                         own_voids)
    own_corrections = _own_fixes(ledger, corrections)
    if own_corrections:
        conn.executemany("INSERT OR IGNORE INTO corrections (entry_id, target, ord, body)"
                         " VALUES (?, ?, ?, ?)", own_corrections)
    refresh.extend(row[1] for row in (*own_voids, *own_corrections))
    for target in dict.fromkeys(refresh):
        member_no = refresh_entry(ledger, target)
        if member_no:
            members[member_no] = None
    rebuild_members(ledger, members, fresh)
    if services_changed:
        rebuild_services(ledger)


_WARM_NAMES = 8192  # half of pinyin.syllables' cache


def _warm_pinyin(fresh: Mapping[Any, list[Entry]]) -> None:
    """Work out the search keys of the names this batch brings (pinyin is cached per name),
    so ``rebuild_members`` finds them ready."""
    names: dict[str, None] = {}
    for history in fresh.values():
        for entry in history:
            name = entry.body.get("name")
            if type(name) is str:
                names[name] = None
            changes = entry.body.get("changes")
            if type(changes) is dict and type(changes.get("name")) is str:
                names[changes["name"]] = None
        if len(names) >= _WARM_NAMES:  # more would push the first ones out of the cache
            break
    for name in names:
        pinyin.syllables(name)


def seed_services(ledger: Ledger) -> None:
    """The national default catalogue; stations extend and retire, never delete."""
    ledger.conn.executemany(
        "INSERT OR IGNORE INTO services (code, name_zh, name_en, active, sort)"
        " VALUES (?, ?, ?, 1, ?)",
        [(s.code, s.zh, s.en, n) for n, s in enumerate(catalogue.DEFAULT_SERVICES, 1)])


def rebuild_services(ledger: Ledger) -> None:
    """Fold every ``service.*`` entry in (recorded_at, id) order over the default catalogue.

    Folding the whole history (a handful of entries) instead of applying each entry as it
    arrives makes the catalogue, including the button order, independent of import order.
    """
    conn = ledger.conn
    state: dict[str, list[Any]] = {
        s.code: [s.zh, s.en, 1, n] for n, s in enumerate(catalogue.DEFAULT_SERVICES, 1)}
    for kind, body_json in conn.execute(
            "SELECT kind, body FROM entries WHERE kind IN ('service.define', 'service.rename',"
            " 'service.retire') ORDER BY recorded_at, id").fetchall():
        body = json.loads(body_json)
        code = body.get("code")
        if not isinstance(code, str):
            continue
        if kind == "service.define":
            row = state.get(code)
            if row is None:
                state[code] = [body.get("name_zh", code), body.get("name_en", code), 1,
                               max(r[3] for r in state.values()) + 1]
            else:
                row[0], row[1], row[2] = body.get("name_zh", code), body.get("name_en", code), 1
        elif code in state and kind == "service.rename":
            state[code][0] = body.get("name_zh", code)
            state[code][1] = body.get("name_en", code)
        elif code in state:
            state[code][2] = 0
    conn.execute("DELETE FROM services")
    conn.executemany("INSERT INTO services (code, name_zh, name_en, active, sort)"
                     " VALUES (?, ?, ?, ?, ?)", [(c, *r) for c, r in state.items()])


def _project_service(ledger: Ledger, kind: str, body: dict[str, Any]) -> None:
    conn = ledger.conn
    code = body["code"]
    if kind == "service.define":
        sort = conn.execute("SELECT COALESCE(MAX(sort), 0) + 1 FROM services").fetchone()[0]
        conn.execute(
            "INSERT INTO services (code, name_zh, name_en, active, sort) VALUES (?, ?, ?, 1, ?)"
            " ON CONFLICT(code) DO UPDATE SET name_zh = excluded.name_zh,"
            " name_en = excluded.name_en, active = 1",
            (code, body.get("name_zh", code), body.get("name_en", code), sort))
    elif kind == "service.rename":
        conn.execute("UPDATE services SET name_zh = ?, name_en = ? WHERE code = ?",
                     (body.get("name_zh", code), body.get("name_en", code), code))
    elif kind == "service.retire":
        conn.execute("UPDATE services SET active = 0 WHERE code = ?", (code,))


def refresh_entry(ledger: Ledger, entry_id: str) -> str | None:
    """Re-project one entry from its current voids and newest correction.

    Returns the member number to rebuild when the entry is part of a member's history (or
    anonymises one: its void gives the member's details back).
    """
    conn = ledger.conn
    row = conn.execute(entries_mod.SELECT + " WHERE id = ?", (entry_id,)).fetchone()
    if row is None:
        return None  # held until the target arrives
    entry = entries_mod.from_row(row)
    voided = conn.execute("SELECT 1 FROM voids WHERE target = ?", (entry_id,)).fetchone()
    newest = conn.execute("SELECT entry_id, body FROM corrections WHERE target = ?"
                          " ORDER BY ord DESC LIMIT 1", (entry_id,)).fetchone()
    body = json.loads(newest[1]) if newest else entry.body
    conn.execute("DELETE FROM visits WHERE station = ? AND entry_id = ?", (entry.station, entry_id))
    for table in ("relief", "relief_goods", "enrolments", "transfers"):
        conn.execute(f"DELETE FROM {table} WHERE entry_id = ?", (entry_id,))
    batch = _Batch()
    batch.add(entry, body, voided is not None, newest[0] if newest else None)
    batch.flush(ledger)
    if entry.kind in MEMBER_KINDS or entry.kind == ANONYMISE_KIND:
        return str(entry.body["member_no"])
    return None


def _id_hash(ledger: Ledger, entry: Entry) -> str | None:
    sealed = entry.sealed
    if sealed and sealed[:1] == b"A":
        try:
            return ledger.keys.id_hash(ledger.keys.unseal(sealed))
        except Exception:
            pass
    if entry.pii_hash:
        return entry.pii_hash
    if sealed:
        try:
            return ledger.keys.id_hash(ledger.keys.unseal(sealed))
        except Exception:
            return None
    return None


def rebuild_member(ledger: Ledger, member_no: str) -> None:
    """Fold a member's history (sign-up, edits, status, cards) into ``members``."""
    conn = ledger.conn
    rows = conn.execute(
        entries_mod.SELECT + " INDEXED BY entries_member WHERE json_extract(body, '$.member_no')"
        " = ? AND kind IN " + entries_mod.MEMBER_KINDS_SQL + " ORDER BY epoch, seq, id",
        (member_no,)).fetchall()
    history = [entries_mod.from_row(r) for r in rows]
    voided = {r[0] for r in conn.execute(
        "SELECT target FROM voids WHERE target IN (" + ",".join("?" * len(history)) + ")",
        [e.id for e in history])} if history else set()
    state, cards = _fold_member(ledger, member_no, history, voided,
                                ledger.setting("station.code"))
    # member_keys is keyed (key, member_no) and only ever holds the characters of the name in
    # ``members``: delete by those keys (a ``WHERE member_no = ?`` alone scans the whole table,
    # which made every sign-up O(members); benchmarks/README.md).
    old = conn.execute("SELECT name FROM members WHERE member_no = ?", (member_no,)).fetchone()
    if old is not None:
        conn.executemany("DELETE FROM member_keys WHERE key = ? AND member_no = ?",
                         [(ch, member_no) for ch in set(old[0])])
    conn.execute("DELETE FROM cards WHERE member_no = ?", (member_no,))
    if state is None:
        conn.execute("DELETE FROM members WHERE member_no = ?", (member_no,))
        return
    if anonymised(ledger, member_no, state["status"]):
        state.update(ANONYMISED_FIELDS)
    _finish_state(state)
    conn.execute(_MEMBER, tuple(state[c] for c in _MEMBER_COLUMNS))
    conn.executemany("INSERT OR IGNORE INTO member_keys (key, member_no) VALUES (?, ?)",
                     [(ch, member_no) for ch in set(state["name"])])
    if cards:
        conn.executemany(_CARD, [tuple(c) for c in cards.values()])


_CARD = ("INSERT INTO cards (member_no, serial, entry_id, issued_at, reason, printed)"
         " VALUES (?, ?, ?, ?, ?, ?)")


def _finish_state(state: dict[str, Any]) -> None:
    state["name_pinyin"] = pinyin.full(state["name"])
    state["name_initials"] = pinyin.initials(state["name"])
    state["phone_tail"] = state["phone"][-4:]


def rebuild_members(ledger: Ledger, member_nos: Iterable[Any],
                    batch: Mapping[Any, list[Entry]] | None = None) -> None:
    """``rebuild_member`` for many members at once, with identical results: the histories,
    voids, old names and anonymisations are read with a few ``IN (...)`` queries and the
    writes go out as one ``executemany`` per table (members are independent of each other).

    ``batch``: member entries just inserted, by member number. A member whose whole history
    is among them (a count from the index tells) is folded from those, not read back."""
    numbers = list(dict.fromkeys(member_nos))
    if len(numbers) < 4:
        for member_no in numbers:
            rebuild_member(ledger, member_no)
        return
    conn = ledger.conn
    local = ledger.setting("station.code")
    history: dict[Any, list[Entry]] = {}
    names: dict[Any, str] = {}
    anonymised: set[Any] = set()
    for start in range(0, len(numbers), _CHUNK):
        chunk = numbers[start:start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        fetch = chunk
        if batch:
            ours = [n for n in chunk if n in batch]
            whole = {n for n, held in conn.execute(
                "SELECT json_extract(body, '$.member_no'), COUNT(*) FROM entries INDEXED BY"
                " entries_member WHERE json_extract(body, '$.member_no') IN ("
                + ",".join("?" * len(ours)) + ") AND kind IN " + entries_mod.MEMBER_KINDS_SQL
                + " GROUP BY 1", ours) if held == len(batch[n])} if ours else set()
            for n in whole:
                history[n] = sorted(batch[n], key=_history_order)
            fetch = [n for n in chunk if n not in whole]
        # The same rows and order as rebuild_member's query (TEXT compares as UTF-8 bytes,
        # which is the order of Python's str comparison), grouped by the same expression.
        for row in conn.execute(
                "SELECT " + ", ".join(entries_mod.COLUMNS) + ", json_extract(body, '$.member_no')"
                " FROM entries INDEXED BY entries_member WHERE json_extract(body, '$.member_no')"
                " IN (" + ",".join("?" * len(fetch)) + ") AND kind IN "
                + entries_mod.MEMBER_KINDS_SQL + " ORDER BY epoch, seq, id",
                fetch) if fetch else ():
            history.setdefault(row[12], []).append(entries_mod.from_row(row))
        names.update(conn.execute(
            "SELECT member_no, name FROM members WHERE member_no IN (" + marks + ")", chunk))
        anonymised.update(r[0] for r in conn.execute(
            "SELECT json_extract(body, '$.member_no') FROM entries WHERE kind = "
            "'member.anonymise' AND json_extract(body, '$.member_no') IN (" + marks + ")"
            " AND id NOT IN (SELECT target FROM voids)", chunk))
    ids = [e.id for entries in history.values() for e in entries]
    voided: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        voided.update(r[0] for r in conn.execute(
            "SELECT target FROM voids WHERE target IN (" + ",".join("?" * len(chunk)) + ")",
            chunk))
    old_keys: list[tuple[str, Any]] = []
    gone: list[tuple[Any]] = []
    members: list[tuple[Any, ...]] = []
    new_keys: list[tuple[str, Any]] = []
    cards_rows: list[tuple[Any, ...]] = []
    for member_no in numbers:
        state, cards = _fold_member(ledger, member_no, history.get(member_no, []), voided, local)
        old = names.get(member_no)
        if old is not None:
            old_keys.extend((ch, member_no) for ch in set(old))
        gone.append((member_no,))
        if state is None:
            continue
        # Only a member who left is anonymised: an entry that names an active member (another
        # station's, or one that rejoined) changes nothing, whichever order things arrive in.
        if member_no in anonymised and state["status"] != "active":
            state.update(ANONYMISED_FIELDS)
        _finish_state(state)
        members.append(tuple(state[c] for c in _MEMBER_COLUMNS))
        new_keys.extend((ch, member_no) for ch in set(state["name"]))
        cards_rows.extend(tuple(c) for c in cards.values())
    conn.executemany("DELETE FROM member_keys WHERE key = ? AND member_no = ?", old_keys)
    conn.executemany("DELETE FROM cards WHERE member_no = ?", gone)
    if len(members) < len(gone):
        held = {m[0] for m in members}
        conn.executemany("DELETE FROM members WHERE member_no = ?",
                         [g for g in gone if g[0] not in held])
    conn.executemany(_MEMBER, members)
    conn.executemany("INSERT OR IGNORE INTO member_keys (key, member_no) VALUES (?, ?)",
                     new_keys)
    conn.executemany(_CARD, cards_rows)


def _history_order(entry: Entry) -> tuple[int, int, str]:
    return entry.epoch, entry.seq, entry.id


def _fold_member(ledger: Ledger, member_no: Any, history: list[Entry], voided: set[str],
                 local: str) -> tuple[dict[str, Any] | None, dict[int, list[Any]]]:
    """The member row (before pinyin and anonymisation) and cards from an ordered history."""
    state: dict[str, Any] | None = None
    cards: dict[int, list[Any]] = {}
    for entry in history:
        if entry.id in voided:
            continue
        body = entry.body
        kind = entry.kind
        if kind in ("member.signup", "transfer.in"):
            state = _member_state(ledger, entry, local)
        elif state is None:
            continue
        elif kind == "member.update":
            for key, value in body.get("changes", {}).items():
                if key in ("name", "phone", "worker_type", "employer"):
                    state[key] = value
        elif kind == "member.verify":
            state["verified"] = body.get("status", "verified")
        elif kind == "member.withdraw":
            state["status"] = "withdrawn"
        elif kind == "member.rejoin":
            # Back under the same number and card, with the consent given again. Only a
            # withdrawal is undone: a member who transferred out comes back by a transfer in.
            if state["status"] == "withdrawn":
                state["status"] = "active"
            state["consent_version"] = body.get("consent_version", state["consent_version"])
            for key, value in body.get("changes", {}).items():
                if key in ("phone", "worker_type", "employer"):
                    state[key] = value
        elif kind == "transfer.out":
            state["status"] = "transferred_out"
            state["other_union"] = body.get("other_union", "")
        elif kind == "card.issue":
            serial = int(body["serial"])
            state["card_serial"] = max(state["card_serial"], serial)
            cards[serial] = [member_no, serial, entry.id, entry.recorded_at,
                             body.get("reason", "new"), 0]
        elif kind == "card.printed":
            serial = int(body["serial"])
            state["card_printed_serial"] = max(state["card_printed_serial"], serial)
            if serial in cards:
                cards[serial][5] = 1
        if state is not None:
            state["updated_at"] = entry.recorded_at
    return state, cards


ANONYMISE_KIND = "member.anonymise"
# What a ``member.anonymise`` entry blanks in the members projection (issue 8, docs/SECURITY.md).
ANONYMISED_FIELDS: dict[str, Any] = {
    "name": "", "phone": "", "id_masked": "", "id_tail": "", "id_hash": None,
    "birth_date": "", "employer": "",
}


def anonymised(ledger: Ledger, member_no: str, status: str) -> bool:
    """Whether the member's personal data is blanked: an anonymisation names them and they
    left (one naming an active member changes nothing, wherever it came from)."""
    return status != "active" and ledger.conn.execute(
        "SELECT 1 FROM entries WHERE kind = 'member.anonymise'"
        " AND json_extract(body, '$.member_no') = ? AND id NOT IN (SELECT target FROM voids)"
        " LIMIT 1", (member_no,)).fetchone() is not None


def _member_state(ledger: Ledger, entry: Entry, local: str) -> dict[str, Any]:
    body = entry.body
    return {
        "member_no": body["member_no"], "entry_id": entry.id,
        "home_station": body.get("home_station", entry.station), "name": body["name"],
        "name_pinyin": "", "name_initials": "", "phone": body.get("phone", ""), "phone_tail": "",
        "id_masked": body.get("id_masked", ""), "id_tail": body.get("id_tail", ""),
        "id_hash": _id_hash(ledger, entry), "sex": body.get("sex", ""),
        "birth_date": body.get("birth_date", ""), "worker_type": body.get("worker_type", "other"),
        "employer": body.get("employer", ""), "status": "active", "verified": "unverified",
        "card_serial": 0, "card_printed_serial": 0,
        "consent_version": body.get("consent_version", ""), "joined_at": entry.recorded_at,
        "joined_day": entry.recorded_at[:10], "other_union": body.get("other_union", ""),
        "origin": "local" if entry.station == local else "remote",
        "updated_at": entry.recorded_at,
    }


def rebuild_all(ledger: Ledger, chunk: int = 50_000) -> None:
    """Drop and recompute every projection from the entry log (inside ``write()``)."""
    conn = ledger.conn
    for table in ("visits", "relief", "relief_goods", "enrolments", "transfers", "members",
                  "member_keys", "cards", "voids", "corrections", "campaigns", "services",
                  # the delete trigger took each visit off, but start from nothing all the same
                  "rep_visit_cells", "rep_service_cells", "rep_member_days"):
        conn.execute(f"DELETE FROM {table}")
    cursor = conn.execute(entries_mod.SELECT + " ORDER BY station, epoch, seq")
    while True:
        rows = cursor.fetchmany(chunk)
        if not rows:
            break
        project(ledger, [entries_mod.from_row(r) for r in rows])


def iter_entries(ledger: Ledger, where: str = "", params: Iterable[Any] = ()) -> Iterable[Entry]:
    for row in ledger.conn.execute(entries_mod.SELECT + (" WHERE " + where if where else "")
                                   + " ORDER BY station, epoch, seq", tuple(params)):
        yield entries_mod.from_row(row)
