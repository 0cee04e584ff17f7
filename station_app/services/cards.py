"""Membership cards as use cases: what goes on a card, reissue after loss, printing records.

Every issue and every print is a ledger entry (``card.issue``, ``card.printed``); the projector
keeps ``members.card_serial`` / ``card_printed_serial`` and the ``cards`` table from them. A card
shows the member's *current* serial, so an older card scans as replaced
(``services.checkin.resolve_scan``).
"""

from __future__ import annotations

import contextlib
import datetime
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..cards import messages as _card_messages  # noqa: F401  (registers the card sentences)
from ..cards.layout import CardData
from ..cards.payload import make_payload
from ..data import queries
from ..data.db import Ledger
from ..data.entries import Entry
from ..domain import clock, member_no, validate, worker_types
from ..domain.errors import InvalidInput, Refused
from . import audit

REISSUE_REASON_MAX = 60
CARDS_PER_PAGE = 10  # cards.output: 2 columns x 5 rows on A4


@dataclass(frozen=True)
class CardRecord:
    """One card of a member, as the ledger remembers it."""

    member_no: str
    serial: int
    issued_at: str  # ISO 8601 with offset
    reason: str  # "new" | "reissue"
    printed: bool
    note: str = ""

    def to_json(self) -> dict[str, object]:
        return {"member_no": self.member_no, "serial": self.serial, "issued_at": self.issued_at,
                "reason": self.reason, "printed": self.printed, "note": self.note}


def _card_member(ledger: Ledger, number: str) -> queries.Member:
    """The member, if this station may make their card: homed here and still a member."""
    member = queries.get_member(ledger, member_no.parse(number))
    station = ledger.station_code
    if member.home_station != station or member.origin != "local":
        raise Refused("card.not_home_station", member_no=member.member_no,
                      home=member.home_station, station=station)
    if member.status != "active":
        raise Refused(f"card.member_inactive.{member.status}", member_no=member.member_no,
                      status=member.status)
    return member


def card_history(ledger: Ledger, number: str) -> list[CardRecord]:
    """Every card issued to a member, oldest first (from the ``cards`` projection)."""
    number = member_no.parse(number)
    rows = ledger.conn.execute(
        "SELECT c.member_no, c.serial, c.issued_at, c.reason, c.printed,"
        " coalesce(json_extract(e.body, '$.note'), '')"
        " FROM cards c LEFT JOIN entries e ON e.id = c.entry_id"
        " WHERE c.member_no = ? ORDER BY c.serial", (number,)).fetchall()
    return [CardRecord(r[0], int(r[1]), r[2], r[3], bool(r[4]), r[5]) for r in rows]


def _issue_date(ledger: Ledger, number: str, serial: int) -> datetime.date:
    row = ledger.conn.execute("SELECT issued_at FROM cards WHERE member_no = ? AND serial = ?",
                              (number, serial)).fetchone()
    if row is None:
        return clock.today()
    # The entry stores the issuing PC's offset; the card shows the date on this PC's calendar.
    return clock.parse_iso(str(row[0])).astimezone(clock.now().tzinfo).date()


def _card_for(ledger: Ledger, member: queries.Member) -> CardData:
    if member.card_serial < 1:
        raise Refused("card.not_issued", member_no=member.member_no)
    return CardData(
        name=member.name,
        member_no=member.member_no,
        station_name=ledger.station_name,
        station_code=member.home_station,
        issue_date=_issue_date(ledger, member.member_no, member.card_serial),
        serial=member.card_serial,
        payload=make_payload(member.member_no, member.card_serial, ledger.keys.signing),
        worker_type_label=worker_types.label(member.worker_type, "zh_CN"),
    )


def card_data(ledger: Ledger, number: str) -> CardData:
    """What is printed on the member's current card, its QR payload signed by this station."""
    return _card_for(ledger, _card_member(ledger, number))


def reissue_card(ledger: Ledger, number: str, reason: str, *, by: str) -> Entry:
    """Issue a new card after loss or damage: the serial goes up, the old card is replaced.

    ``reason`` is what the attendant wrote (lost, damaged ...); it is kept in the entry as
    ``note`` while the entry's ``reason`` field is ``"reissue"``.
    """
    note = validate.text("reissue_reason", reason, max_len=REISSUE_REASON_MAX)
    with ledger.write():
        member = _card_member(ledger, number)
        return ledger.append("card.issue", {"member_no": member.member_no,
                                            "serial": member.card_serial + 1,
                                            "reason": "reissue", "note": note}, by=by)


def _check_printable(member: queries.Member, serial: int) -> None:
    if isinstance(serial, bool) or not isinstance(serial, int) or serial < 1:
        raise InvalidInput("card_serial", "range", value=serial)
    if serial != member.card_serial:
        raise InvalidInput("card_serial", "not_current", value=serial,
                           member_no=member.member_no, current=member.card_serial)


def mark_printed(ledger: Ledger, number: str, serial: int, *, by: str) -> Entry:
    """Record that card ``serial`` of a member was printed (a reprint is recorded again)."""
    with ledger.write():
        member = _card_member(ledger, number)
        _check_printable(member, serial)
        return ledger.append("card.printed", {"member_no": member.member_no, "serial": serial},
                             by=by)


def mark_all_printed(ledger: Ledger, cards: Sequence[tuple[str, int]], *, by: str) -> list[Entry]:
    """Record a batch of printed cards in one transaction: all of them or none."""
    if not cards:
        raise InvalidInput("cards", "empty")
    with ledger.write():
        entries = []
        for number, serial in cards:
            member = _card_member(ledger, number)
            _check_printable(member, serial)
            entries.append(ledger.append("card.printed", {"member_no": member.member_no,
                                                          "serial": serial}, by=by))
        return entries


def printed_on_paper(ledger: Ledger, cards: Sequence[tuple[str, int]], *, by: str,
                     printer: str = "") -> list[Entry]:
    """Cards sent to a printer (the counter's card window, the Cards page's batch): recorded
    printed, and in the audit log like every other way a member's name leaves the ledger."""
    # First: the names went to paper even if recording them printed is refused (a card
    # reissued meanwhile), as the A4 sheet file's row is written before it is marked.
    audit.record(ledger, by, audit.EXPORT, "cards", {
        "printer": printer, "cards": len(cards), "members": [n for n, _ in cards][:200]})
    return mark_all_printed(ledger, cards, by=by)


def unprinted(ledger: Ledger) -> list[str]:
    """Active members of this station whose current card has not been printed, by number."""
    rows = ledger.conn.execute(
        "SELECT member_no FROM members WHERE card_printed_serial < card_serial"
        " AND status = 'active' AND origin = 'local' AND home_station = ?"
        " ORDER BY member_no", (ledger.station_code,)).fetchall()
    return [r[0] for r in rows]


@dataclass(frozen=True)
class UnprintedCard:
    member_no: str
    name: str
    serial: int
    reason: str  # "new" | "reissue"
    issued_at: str


def unprinted_cards(ledger: Ledger, limit: int = 1000) -> tuple[list[UnprintedCard], int]:
    """The first ``limit`` unprinted cards (for a list on screen) and how many there are."""
    where = (" FROM members m LEFT JOIN cards c ON c.member_no = m.member_no"
             " AND c.serial = m.card_serial WHERE m.card_printed_serial < m.card_serial"
             " AND m.status = 'active' AND m.origin = 'local' AND m.home_station = ?")
    code = ledger.station_code
    total = int(ledger.conn.execute("SELECT count(*)" + where, (code,)).fetchone()[0])
    rows = ledger.conn.execute(
        "SELECT m.member_no, m.name, m.card_serial, coalesce(c.reason, 'new'),"
        " coalesce(c.issued_at, m.joined_at)" + where + " ORDER BY m.member_no LIMIT ?",
        (code, int(limit))).fetchall()
    return [UnprintedCard(r[0], r[1], int(r[2]), r[3], r[4]) for r in rows], total


def cards_for(ledger: Ledger, numbers: Iterable[str]) -> Iterable[CardData]:
    """Card data for many members, one at a time (a sheet of thousands stays small)."""
    for number in numbers:
        yield card_data(ledger, number)


# ---- files ----
def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file, fsync and rename.

    A half-written card file never carries the final name (a crash leaves the old file or none).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InvalidInput("card_file", "cannot_write", value=str(path),
                           why=exc.strerror or str(exc)) from exc
    try:
        # mkstemp makes the file private (0600); a card file is an ordinary document
        with contextlib.suppress(OSError, AttributeError):
            os.fchmod(fd, 0o644)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InvalidInput("card_file", "cannot_write", value=str(path),
                           why=exc.strerror or str(exc)) from exc
    return path


def card_file_kind(path: Path) -> str:
    """``"png"`` or ``"pdf"`` from the file name; anything else is refused."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".png", ".pdf"):
        raise InvalidInput("card_file", "extension", value=str(path))
    return suffix[1:]


def card_file_bytes(card: CardData, kind: str, *, with_back: bool = False) -> bytes:
    from ..cards.output import card_pdf, card_png

    return card_pdf(card) if kind == "pdf" else card_png(card, with_back=with_back)


def export_card(ledger: Ledger, number: str, out: Path, *, with_back: bool = False,
                mark_as_printed: bool = False, by: str = "station") -> Path:
    """Write one member's card as PNG or PDF (by the file name); optionally record it printed.

    Exporting a file is not printing: only ``mark_as_printed`` writes a ``card.printed`` entry,
    and only after the file is safely on disk.
    """
    kind = card_file_kind(out)
    card = card_data(ledger, number)
    written = write_atomic(out, card_file_bytes(card, kind, with_back=with_back))
    # A card file carries a member's name: like every export of personal data, it is logged.
    audit.record(ledger, by, audit.EXPORT, "card", {"member_no": card.member_no,
                                                    "serial": card.serial, "file": written.name})
    if mark_as_printed:
        mark_printed(ledger, card.member_no, card.serial, by=by)
    return written


@dataclass(frozen=True)
class SheetResult:
    path: Path
    cards: list[tuple[str, int]]  # (member_no, serial) on the sheet, in order
    pages: int


def sheet_bytes(ledger: Ledger, numbers: Sequence[str], *, backs: bool = False,
                progress: Callable[[int], None] | None = None) -> tuple[bytes, list[CardData]]:
    """An A4 sheet PDF (10 cards a page, crop marks) for the given members."""
    from ..cards.output import sheet_pdf

    if not numbers:
        raise InvalidInput("cards", "empty")
    cards = [card_data(ledger, n) for n in numbers]
    return sheet_pdf(cards, backs=backs, progress=progress), cards


def print_unprinted_sheet(ledger: Ledger, out: Path, *, by: str, backs: bool = False,
                          mark: bool = True, progress: Callable[[int], None] | None = None,
                          numbers: Sequence[str] | None = None) -> SheetResult:
    """All unprinted cards on A4 sheets in ``out`` (PDF), then record them printed.

    The file is written atomically first; the ``card.printed`` entries follow in one
    transaction, so a failed write records nothing and a recorded batch always has its file.
    """
    if Path(out).suffix.lower() != ".pdf":
        raise InvalidInput("card_file", "sheet_extension", value=str(out))
    chosen = list(numbers) if numbers is not None else unprinted(ledger)
    data, cards = sheet_bytes(ledger, chosen, backs=backs, progress=progress)
    written = write_atomic(Path(out), data)
    done = [(c.member_no, c.serial) for c in cards]
    audit.record(ledger, by, audit.EXPORT, "cards", {"file": written.name, "cards": len(done),
                                                     "members": [n for n, _ in done][:200]})
    if mark:
        mark_all_printed(ledger, done, by=by)
    sheets = -(-len(done) // CARDS_PER_PAGE)
    return SheetResult(written, done, sheets * (2 if backs else 1))

