"""The entry value: one append-only change, with its canonical digest."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..domain import canonical

MEMBER_KINDS = frozenset({
    "member.signup", "transfer.in", "member.update", "member.verify", "member.withdraw",
    "member.rejoin", "transfer.out", "card.issue", "card.printed",
})
# Written exactly as in the partial index ``entries_member`` (schema_v1, recreated by migration
# 48 in schema_core) so queries can use it: INDEXED BY fails outright if the two differ.
MEMBER_KINDS_SQL = "(" + ",".join(f"'{k}'" for k in sorted(MEMBER_KINDS)) + ")"
VOIDABLE_KINDS = frozenset({
    "visit", "relief", "enrolment", "member.signup", "member.update", "member.withdraw",
    "member.rejoin", "member.verify", "transfer.in", "transfer.out",
})
CORRECTABLE_KINDS = frozenset({"visit", "relief", "enrolment"})

COLUMNS = ("id", "station", "epoch", "seq", "kind", "recorded_at", "recorded_by", "target",
           "body", "sealed", "pii_hash", "digest")


@dataclass(frozen=True)
class Entry:
    id: str
    station: str
    epoch: int
    seq: int
    kind: str
    recorded_at: str
    recorded_by: str
    target: str | None
    body: dict[str, Any]
    sealed: bytes | None = None
    pii_hash: str | None = None
    digest: str = field(default="")

    @property
    def body_json(self) -> str:
        return canonical.dumps(self.body)

    def computed_digest(self) -> str:
        return compute_digest(self.id, self.station, self.epoch, self.seq, self.kind,
                              self.recorded_at, self.recorded_by, self.target, self.body_json)

    def row(self) -> tuple[Any, ...]:
        return (self.id, self.station, self.epoch, self.seq, self.kind, self.recorded_at,
                self.recorded_by, self.target, self.body_json, self.sealed, self.pii_hash,
                self.digest or self.computed_digest())

    def to_json(self) -> dict[str, Any]:
        """The documented JSON form (``--json`` output); personal data stays sealed."""
        return {"id": self.id, "station": self.station, "epoch": self.epoch, "seq": self.seq,
                "kind": self.kind, "recorded_at": self.recorded_at,
                "recorded_by": self.recorded_by, "target": self.target, "body": self.body,
                "digest": self.digest or self.computed_digest()}


def compute_digest(id_: str, station: str, epoch: int, seq: int, kind: str, recorded_at: str,
                   recorded_by: str, target: str | None, body_json: str) -> str:
    # body is embedded as its canonical text so the digest never depends on re-serialising it.
    return canonical.digest([id_, station, epoch, seq, kind, recorded_at, recorded_by, target,
                             body_json])


def from_row(row: Any) -> Entry:
    """Build an Entry from a row of ``SELECT <COLUMNS> FROM entries``."""
    return Entry(id=row[0], station=row[1], epoch=row[2], seq=row[3], kind=row[4],
                 recorded_at=row[5], recorded_by=row[6], target=row[7], body=json.loads(row[8]),
                 sealed=row[9], pii_hash=row[10], digest=row[11])


SELECT = "SELECT " + ", ".join(COLUMNS) + " FROM entries"
INSERT = ("INSERT INTO entries (" + ", ".join(COLUMNS) + ") VALUES ("
          + ", ".join("?" * len(COLUMNS)) + ")")
