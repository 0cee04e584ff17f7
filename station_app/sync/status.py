"""What a supervisor knows about each station: watermarks, gaps, last contact."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data.db import MEMORY, Ledger
from ..domain import clock


def archive_dir(ledger: Ledger) -> Path:
    """Accepted bundles are kept here (for relays upward): ``station.db`` -> ``station.bundles``."""
    base = Path(ledger.path)
    return base.with_name(base.stem + ".bundles")


def quarantine_dir(ledger: Ledger) -> Path:
    base = Path(ledger.path)
    return base.with_name(base.stem + ".quarantine")


def has_files(ledger: Ledger) -> bool:
    return ledger.path != MEMORY


def forget_supervisor_marks(ledger: Ledger) -> None:
    """Drop what a supervisor told this ledger it holds (acknowledged seqs, the level above's
    marks of relayed stations, the foreign members it sent): after its supervisor was restored
    from a backup, or replaced by another, the next bundles carry everything again, so nothing
    the new one lacks is left out. Harmless: imports are idempotent."""
    conn = ledger.conn
    conn.execute("UPDATE sync_state SET acked_seq = 0")
    conn.execute("DELETE FROM upstream_acks")
    conn.execute("DELETE FROM foreign_held")


def gaps(ledger: Ledger, station: str) -> dict[int, list[tuple[int, int]]]:
    """Missing seq ranges per epoch (before the highest seq held)."""
    found: dict[int, list[tuple[int, int]]] = {}
    complete = {int(e) for e, n, top in ledger.conn.execute(
        "SELECT epoch, COUNT(*), MAX(seq) FROM entries WHERE station = ? GROUP BY epoch",
        (station,)) if n == top}
    for epoch, seq, prev in ledger.conn.execute(
            "SELECT epoch, seq, prev FROM (SELECT epoch, seq, LAG(seq, 1, 0) OVER"
            " (PARTITION BY epoch ORDER BY seq) AS prev FROM entries WHERE station = ?"
            " AND epoch NOT IN (SELECT value FROM json_each(?)))"
            " WHERE seq > prev + 1 ORDER BY epoch, seq", (station, json.dumps(sorted(complete)))):
        found.setdefault(int(epoch), []).append((int(prev) + 1, int(seq) - 1))
    return found


def watermarks(ledger: Ledger, station: str,
               missing: dict[int, list[tuple[int, int]]] | None = None,
               highest: dict[int, int] | None = None) -> dict[int, int]:
    """Per epoch: the highest seq such that every entry up to it is held (the acknowledgement)."""
    marks = {int(e): int(m) for e, m in ledger.conn.execute(
        "SELECT epoch, MAX(seq) FROM entries WHERE station = ? GROUP BY epoch", (station,))
             } if highest is None else dict(highest)
    for epoch, ranges in (gaps(ledger, station) if missing is None else missing).items():
        marks[epoch] = ranges[0][0] - 1
    return marks


def all_watermarks(ledger: Ledger, exclude: tuple[str, ...] = ()) -> dict[str, dict[int, int]]:
    """``watermarks`` of every station with entries here, from one pass over the
    (station, epoch, seq) index; only an epoch with a gap needs its own query."""
    found: dict[str, dict[int, int]] = {}
    broken: set[str] = set()
    for station, epoch, count, top in ledger.conn.execute(
            "SELECT station, epoch, COUNT(*), MAX(seq) FROM entries GROUP BY station, epoch"):
        if station in exclude:
            continue
        found.setdefault(station, {})[int(epoch)] = int(top)
        if count != top:
            broken.add(station)
    for station in broken:
        found[station] = watermarks(ledger, station)
    return found


def foreign_held(ledger: Ledger) -> dict[str, dict[int, int]]:
    """Station side: how far this ledger holds each other station's member entries, as the
    return bundles it imported said (it reports this back in every bundle it exports)."""
    held: dict[str, dict[int, int]] = {}
    for origin, epoch, seq in ledger.conn.execute(
            "SELECT origin, epoch, seq FROM foreign_held ORDER BY origin, epoch"):
        held.setdefault(str(origin), {})[int(epoch)] = int(seq)
    return held


def return_ack(ledger: Ledger, station: str) -> dict[str, dict[int, int]]:
    """Supervisor side: the station's latest report of what it holds of the others."""
    row = ledger.conn.execute("SELECT held FROM return_acks WHERE station = ?",
                              (station,)).fetchone()
    if row is None:
        return {}
    return {origin: {int(e): int(s) for e, s in epochs.items()}
            for origin, epochs in json.loads(row[0]).items()}


def unrelayed(ledger: Ledger) -> list[tuple[str, str]]:
    """Archived bundles (sha256, path) the level above has not acknowledged yet: any range
    above what its return bundles said it holds. Bundles archived before schema 45 carry no
    ranges and count until they were relayed once."""
    acked = {(s, int(e)): int(q) for s, e, q in ledger.conn.execute(
        "SELECT station, epoch, seq FROM upstream_acks")}
    out = []
    # A station revoked here (the revocation came down in a return bundle) is refused above
    # too: its bundles are no longer forwarded.
    for sha, rel, station, ranges, relayed in ledger.conn.execute(
            "SELECT sha256, path, station, ranges, relayed_at FROM bundle_archive"
            " WHERE station NOT IN (SELECT code FROM stations WHERE revoked_at IS NOT NULL)"
            " ORDER BY received_at, sha256"):
        if ranges is None:
            pending = relayed is None
        else:
            pending = any(acked.get((station, int(r["epoch"])), 0) < int(r["to"])
                          for r in json.loads(ranges))
        if pending:
            out.append((str(sha), str(rel)))
    return out


def gap_sentence(station: str, epoch: int, lo: int, hi: int, lang: str) -> str:
    """“station X: entries 120–140 of epoch 2 are missing”, in Chinese or English."""
    if lang == "en":
        if lo == hi:
            return f"station {station}: entry {lo} of epoch {epoch} is missing"
        return f"station {station}: entries {lo}–{hi} of epoch {epoch} are missing"
    span = f"{lo}" if lo == hi else f"{lo}–{hi}"
    return f"驿站 {station}：第 {epoch} 期第 {span} 号记录缺失"


def fork_sentence(station: str, epoch: int, seq: int, at: str, lang: str) -> str:
    """“station X: epoch 2 forked at seq 57 …”, in Chinese or English."""
    when = clock.parse_iso(at).astimezone().strftime("%Y-%m-%d %H:%M")
    if lang == "en":
        return (f"station {station}: epoch {epoch} has forked (seq {seq} twice, found {when});"
                f" its bundles are held until the admin resolves it")
    return (f"驿站 {station}：第 {epoch} 期出现分叉（第 {seq} 号有两条不同记录，{when} 发现），"
            f"其数据包暂不接收，待管理员解除")


def open_forks(ledger: Ledger, station: str | None = None) -> list[dict[str, Any]]:
    """Unresolved forks (of one station, or all), oldest first."""
    sql = ("SELECT station, epoch, seq, existing, incoming, file, detected_at FROM forks"
           " WHERE resolved_at IS NULL")
    params: tuple[str, ...] = ()
    if station is not None:
        sql += " AND station = ?"
        params = (station,)
    return [{"station": r[0], "epoch": int(r[1]), "seq": int(r[2]), "existing": r[3],
             "incoming": r[4], "file": r[5], "detected_at": r[6]}
            for r in ledger.conn.execute(sql + " ORDER BY detected_at, station, epoch", params)]


@dataclass
class StationStatus:
    code: str
    name: str
    role: str
    fingerprint: str
    revoked: bool
    entries: int
    watermarks: dict[int, int]
    highest: dict[int, int]
    gaps: dict[int, list[tuple[int, int]]]
    last_bundle_at: str | None
    days_since_contact: int | None
    extra: dict[str, Any] = field(default_factory=dict)
    # Unresolved forks: {epoch, seq, existing, incoming, file, detected_at}.
    forks: list[dict[str, Any]] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        notes = []
        if self.forks:
            notes.append("forked")
        if self.gaps:
            notes.append("gaps")
        if self.days_since_contact is None and self.role == "enrolled":
            notes.append("never")
        elif self.days_since_contact is not None and self.days_since_contact > 14:
            notes.append("stale")
        if self.revoked:
            notes.append("revoked")
        return notes

    def gap_text(self, lang: str) -> list[str]:
        return [gap_sentence(self.code, epoch, lo, hi, lang)
                for epoch, spans in sorted(self.gaps.items()) for lo, hi in spans]

    def fork_text(self, lang: str) -> list[str]:
        return [fork_sentence(self.code, f["epoch"], f["seq"], f["detected_at"], lang)
                for f in self.forks]

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "role": self.role,
                "fingerprint": self.fingerprint, "revoked": self.revoked,
                "entries": self.entries,
                "watermarks": {str(k): v for k, v in self.watermarks.items()},
                "highest": {str(k): v for k, v in self.highest.items()},
                "gaps": {str(k): [list(s) for s in v] for k, v in self.gaps.items()},
                "last_bundle_at": self.last_bundle_at,
                "days_since_contact": self.days_since_contact, "warnings": self.warnings,
                "forks": self.forks, **self.extra}


def _days_since(at: str | None) -> int | None:
    if not at:
        return None
    return (clock.today() - clock.parse_iso(at).astimezone().date()).days


def station_list(ledger: Ledger) -> list[StationStatus]:
    """Every station this ledger knows, with what it holds of each."""
    result = []
    rows = ledger.conn.execute(
        "SELECT code, name, role, fingerprint, revoked_at FROM stations ORDER BY"
        " CASE role WHEN 'self' THEN 0 WHEN 'supervisor' THEN 1 WHEN 'enrolled' THEN 2 ELSE 3"
        " END, code").fetchall()
    for code, name, role, fp, revoked in rows:
        if role == "self":
            # Gap-free by construction: the highest seq of each epoch is its count (index
            # lookups only, however long the log).
            counts = []
            for (epoch,) in ledger.conn.execute("SELECT DISTINCT epoch FROM sync_state"):
                top = ledger.conn.execute(
                    "SELECT MAX(seq) FROM entries WHERE station = ? AND epoch = ?",
                    (code, epoch)).fetchone()[0]
                if top:
                    counts.append((epoch, top, top))
        else:
            counts = ledger.conn.execute(
                "SELECT epoch, COUNT(*), MAX(seq) FROM entries WHERE station = ? GROUP BY epoch",
                (code,)).fetchall()
        last = ledger.conn.execute(
            "SELECT MAX(at) FROM import_log WHERE (station = ? OR"
            " json_extract(detail, '$.signer') = ?) AND result IN ('accepted', 'duplicate')",
            (code, code)).fetchone()[0]
        relayed = ledger.conn.execute("SELECT MAX(received_at) FROM bundle_archive"
                                      " WHERE station = ?", (code,)).fetchone()[0]
        if relayed and (last is None or relayed > last):
            last = relayed  # its bundle came forwarded inside a relay
        extra: dict[str, Any] = {}
        if role == "self":
            extra["sync_state"] = [
                {"epoch": e, "acked_seq": a, "exported_seq": x, "acked_at": aa,
                 "exported_at": xa} for e, a, x, aa, xa in ledger.conn.execute(
                    "SELECT epoch, acked_seq, exported_seq, acked_at, exported_at FROM"
                    " sync_state ORDER BY epoch")]
            extra["unacknowledged"] = unacknowledged(ledger)
        # A station's own log is gap-free by construction, and members of other stations that
        # a return bundle brought are a deliberate subset: gaps only mean something for the
        # stations a supervisor enrolled.
        holes: dict[int, list[tuple[int, int]]] = {}
        if role == "enrolled" and any(int(c[1]) != int(c[2]) for c in counts):
            holes = gaps(ledger, code)
        result.append(StationStatus(
            code=code, name=name, role=role, fingerprint=fp or "", revoked=revoked is not None,
            entries=sum(int(c[1]) for c in counts),
            watermarks=watermarks(ledger, code, holes, {int(c[0]): int(c[2]) for c in counts}),
            highest={int(c[0]): int(c[2]) for c in counts}, gaps=holes,
            last_bundle_at=last, days_since_contact=_days_since(last), extra=extra,
            forks=open_forks(ledger, code)))
    return result


def pending_ranges(ledger: Ledger) -> list[dict[str, int]]:
    """This station's unacknowledged seq range per epoch, from index lookups only.

    A station's own seqs are gap-free within an epoch, so the range is (acked, max]: no scan
    of the entry log, which matters on a ledger with millions of visits.
    """
    code = ledger.station_code
    acked = {int(e): int(a) for e, a in ledger.conn.execute(
        "SELECT epoch, acked_seq FROM sync_state")}
    epochs = set(acked) | {ledger.epoch}
    ranges = []
    for epoch in sorted(epochs):
        top = ledger.conn.execute("SELECT MAX(seq) FROM entries WHERE station = ? AND epoch = ?",
                                  (code, epoch)).fetchone()[0]
        low = acked.get(epoch, 0)
        if top is not None and int(top) > low:
            ranges.append({"epoch": epoch, "from": low + 1, "to": int(top)})
    return ranges


def unacknowledged(ledger: Ledger) -> int:
    """How many of this station's own entries the supervisor has not acknowledged yet."""
    return sum(r["to"] - r["from"] + 1 for r in pending_ranges(ledger))
