"""Checking a bundle before anything touches the ledger: manifest, hashes, signature, entries.

Order: (zip safety and size limits happen in ``format.read_zip``), manifest schema and format
version, SHA-256 and size of every member file, the Ed25519 signature over the manifest with the
enrolled key, then every entry's digest and the manifest's counts and ranges.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import Any, cast

import orjson

from ..data import migrations
from ..data.db import Ledger
from ..data.entries import MEMBER_KINDS, Entry
from ..data.keys import fingerprint, verify_signature
from ..domain import canonical, clock
from . import format as fmt
from .errors import BundleRefused, refuse

TYPES = ("station", "return", "relay")


@dataclass
class Verified:
    """A bundle whose every check passed; ``apply`` writes it."""

    raw: fmt.RawBundle
    kind: str
    station: str
    signer_key: bytes
    entries: list[Entry]
    rows: list[tuple[Any, ...]]
    ranges: list[dict[str, int]]
    counts: dict[str, int]
    stations: list[dict[str, Any]] = field(default_factory=list)
    ack: dict[int, int] = field(default_factory=dict)
    relay_ack: dict[tuple[str, int], int] = field(default_factory=dict)  # return bundles
    foreign: dict[tuple[str, int], int] = field(default_factory=dict)  # return bundles
    assumed: dict[tuple[str, int], int] = field(default_factory=dict)  # return bundles
    sender_epoch: int | None = None  # return bundles: the supervisor's epoch when it wrote it
    # Station bundles: (epoch, seq) where the station stood, and what it holds of the others.
    held: tuple[int, int, dict[str, dict[int, int]]] | None = None
    inner: list[Verified] = field(default_factory=list)
    # Relays: inner bundles refused on their own (member name, bytes, the refusal).
    inner_refused: list[tuple[str, bytes, BundleRefused]] = field(default_factory=list)
    enrol_from_manifest: bool = False
    vouched: bool = False


def _check_manifest(raw: fmt.RawBundle) -> dict[str, Any]:
    m = raw.manifest
    name = raw.name
    if m.get("format") != fmt.FORMAT:
        raise refuse("not_a_bundle", file=name)
    version = m.get("format_version")
    if type(version) is not int:
        raise refuse("bad_manifest", file=name, detail="format_version")
    if version > fmt.FORMAT_VERSION:
        raise refuse("newer_format", file=name, found=version)
    schema = m.get("schema_version")
    if type(schema) is not int:
        raise refuse("bad_manifest", file=name, detail="schema_version")
    if schema > migrations.latest_version():
        raise refuse("newer_schema", file=name, found=schema,
                     supported=migrations.latest_version())
    for key, kind in (("type", str), ("station", str), ("files", dict), ("counts", dict),
                      ("entry_count", int), ("ranges", list), ("public_key", str)):
        if type(m.get(key)) is not kind:
            raise refuse("bad_manifest", file=name, detail=key)
    if m["type"] not in TYPES:
        raise refuse("bad_manifest", file=name, detail="type")
    files = m["files"]
    if set(files) != set(raw.members):
        extra = sorted(set(raw.members) ^ set(files))
        raise refuse("manifest_mismatch", file=name, detail="files " + ", ".join(extra[:3]))
    for member, data in raw.members.items():
        spec = files[member]
        if (not isinstance(spec, dict) or spec.get("size") != len(data)
                or spec.get("sha256") != hashlib.sha256(data).hexdigest()):
            raise refuse("hash_mismatch", file=name, member=member)
    return m


def station_key(ledger: Ledger, code: str, name: str, roles: tuple[str, ...]) -> bytes | None:
    row = ledger.conn.execute("SELECT public_key, revoked_at, role FROM stations WHERE code = ?",
                              (code,)).fetchone()
    if row is None or row[2] not in roles or row[0] is None:
        return None
    if row[1] is not None:
        raise refuse("station_revoked", station=code, file=name)
    return bytes(row[0])


def verify(ledger: Ledger, raw: fmt.RawBundle, *, accept_unknown: bool | str = False,
           vouched: dict[str, bytes] | None = None) -> Verified:
    """Every check, no writes. ``vouched``: station keys carried by a relay's signed list.
    ``accept_unknown``: take an unknown station's key from its bundle; a string is the
    fingerprint someone confirmed, and a bundle holding another key is refused."""
    m = _check_manifest(raw)
    name = raw.name
    kind, station = m["type"], m["station"]
    us = ledger.station_code
    enrol_from_manifest = False
    if kind == "station":
        # This ledger's own bundle, or one addressed to another supervisor (the bundles of
        # other stations on a shared USB stick): say so, rather than "enrol it first".
        if station == us or (vouched is None and m.get("recipient") not in (None, us)):
            raise refuse("not_for_us", file=name, recipient=m.get("recipient"), us=us)
        key = station_key(ledger, station, name, ("enrolled", "known"))
        held = ledger.conn.execute("SELECT 1 FROM stations WHERE code = ?",
                                   (station,)).fetchone()
        # A relay may vouch only for stations this ledger has never heard of: it can never
        # replace a key held here (our supervisor's, ourselves, an enrolled or known station).
        if key is None and held is None and vouched is not None and station in vouched:
            key = vouched[station]
        if key is None:
            if not accept_unknown:
                raise refuse("unknown_station", station=station, file=name)
            try:
                key = fmt.unb64(m["public_key"])
            except ValueError:
                raise refuse("bad_manifest", file=name, detail="public_key") from None
            if isinstance(accept_unknown, str) and fingerprint(key) != accept_unknown:
                # The file changed between showing its fingerprint and enrolling from it.
                raise refuse("fingerprint_changed", station=station, file=name)
            enrol_from_manifest = True
    else:
        if station == us:  # a return bundle or relay this ledger wrote itself
            raise refuse("not_for_us", file=name, recipient=m.get("recipient"), us=us)
        roles = ("supervisor",) if kind == "return" else ("enrolled",)
        key = station_key(ledger, station, name, roles)
        if key is None:
            if kind == "return":
                raise refuse("not_trusted", file=name, station=station)
            raise refuse("unknown_station", station=station, file=name)
        if m.get("recipient") not in (None, us):
            raise refuse("not_for_us", file=name, recipient=m.get("recipient"), us=us)
    if not (verify_signature(key, raw.signature, raw.manifest_bytes)
            and fmt.check_seal(raw.data, key)):
        raise refuse("bad_signature", file=name, station=station)
    if kind == "relay":
        # Only a lower supervisor enrolled here may forward other stations' bundles.
        signer_kind = ledger.conn.execute("SELECT kind FROM stations WHERE code = ?",
                                          (station,)).fetchone()
        if signer_kind is None or signer_kind[0] != "supervisor":
            raise refuse("bad_manifest", file=name, detail="relay from a station")
        return _verify_relay(ledger, raw, m, key)
    entries, rows = _parsed(raw)
    counts = _check_counts(m, rows, name)
    ranges: list[dict[str, int]] = []
    if kind == "station":
        ranges = _check_ranges(m, entries, rows, station, name)
        _check_member_owner(entries, name)
        _check_not_held(ledger, station, ranges, name)
    else:
        _check_unique(entries, name)
    result = Verified(raw=raw, kind=kind, station=station, signer_key=key, entries=entries,
                      rows=rows, ranges=ranges, counts=counts,
                      enrol_from_manifest=enrol_from_manifest)
    if kind == "return":
        result.stations = _stations_list(raw, name)
        ack = m.get("ack")
        if not isinstance(ack, dict) or ack.get("station") != us:
            raise refuse("bad_manifest", file=name, detail="ack")
        try:
            result.ack = {epoch: seq for (_, epoch), seq in
                          _marks({us: ack.get("epochs", {})}).items()}
            # Since schema 45: what the sender holds of other stations (for relays).
            result.relay_ack = _marks(ack.get("stations", {}))
            # Since schema 46: how far the member entries of every other station come with it,
            # and what the sender assumed this ledger already held (its last report).
            result.foreign = _marks(ack.get("foreign", {}))
            result.assumed = _marks(ack.get("assumed", {}))
            sender_epoch = ack.get("sender_epoch")
            result.sender_epoch = None if sender_epoch is None else _count(sender_epoch)
        except (TypeError, ValueError, AttributeError):
            raise refuse("bad_manifest", file=name, detail="ack") from None
    elif kind == "station" and "held" in m:
        try:
            at = m["held"]["at"]
            if type(at) is not dict:
                raise ValueError("held.at")
            stations: dict[str, dict[int, int]] = {}
            for (origin, epoch), seq in _marks(m["held"].get("stations", {})).items():
                stations.setdefault(origin, {})[epoch] = seq
            result.held = (_count(at["epoch"]), _count(at["seq"]), stations)
        except (TypeError, ValueError, KeyError, AttributeError):
            raise refuse("bad_manifest", file=name, detail="held") from None
    return result


def _count(value: Any) -> int:
    """A whole number SQLite can hold (not a bool, a float or a string)."""
    if type(value) is not int or not 0 <= value < 2 ** 63:
        raise ValueError("not a count")
    return value


def _marks(doc: Any) -> dict[tuple[str, int], int]:
    """``{station: {epoch: seq}}`` from a manifest, checked: (station, epoch) -> seq."""
    if type(doc) is not dict:
        raise ValueError("not an object")
    marks: dict[tuple[str, int], int] = {}
    for origin, epochs in doc.items():
        if type(epochs) is not dict:
            raise ValueError("not an object")
        for key, seq in epochs.items():
            epoch = int(key) if type(key) is str and key.isascii() and key.isdigit() else -1
            if not 0 < epoch < 2 ** 63:
                raise ValueError("not an epoch")
            marks[(str(origin), epoch)] = _count(seq)
    return marks



def _check_member_owner(entries: list[Entry], name: str) -> None:
    """A station writes the history of its own members only (the station code is the first part
    of every member number): one station can never rewrite another's members."""
    kinds = MEMBER_KINDS
    for number, entry in enumerate(entries, 1):
        if entry.kind in kinds:
            owner = str(entry.body.get("member_no", "")).split("-", 1)[0]
            if owner != entry.station:
                raise _bad(name, number, f"member {entry.body.get('member_no')} belongs to "
                                         f"station {owner}")


def _stations_list(raw: fmt.RawBundle, name: str) -> list[dict[str, Any]]:
    try:
        doc = json.loads(raw.members.get(fmt.STATIONS, b"[]"))
        out = []
        for item in doc:
            out.append({"code": str(item["code"]), "name": str(item.get("name", "")),
                        "league": str(item.get("league", "")),
                        "kind": str(item.get("kind", "station")),
                        "public_key": fmt.unb64(str(item["public_key"])),
                        "fingerprint": str(item.get("fingerprint", "")),
                        "revoked_at": item.get("revoked_at")})
        return out
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        raise refuse("bad_manifest", file=name, detail="stations.json") from None


# Refusals of a forwarded bundle that concern its station's standing at this ledger, not the
# integrity of what a relay carries: the other bundles of the relay still apply.
SET_ASIDE_IN_RELAYS = frozenset({"sync.station_revoked", "sync.unknown_station",
                                 "sync.newer_schema", "sync.newer_format", "sync.fork_held"})


def _check_not_held(ledger: Ledger, station: str, ranges: list[dict[str, int]],
                    name: str) -> None:
    """A station-epoch with an unresolved fork takes nothing until the admin resolves it."""
    for r in ranges:
        row = ledger.conn.execute("SELECT detected_at FROM forks WHERE station = ? AND epoch = ?"
                                  " AND resolved_at IS NULL", (station, r["epoch"])).fetchone()
        if row is not None:
            since = clock.parse_iso(row[0]).astimezone().strftime("%Y-%m-%d %H:%M")
            raise refuse("fork_held", station=station, epoch=r["epoch"], since=since, file=name)


def _verify_relay(ledger: Ledger, raw: fmt.RawBundle, m: dict[str, Any],
                  key: bytes) -> Verified:
    name = raw.name
    stations = _stations_list(raw, name)
    vouched = {s["code"]: s["public_key"] for s in stations if not s["revoked_at"]}
    inner = []
    refused: list[tuple[str, bytes, BundleRefused]] = []
    budget = [fmt.MAX_MEMBER_BYTES]
    for member, data in sorted(raw.members.items()):
        if not member.startswith(fmt.INNER_DIR):
            continue
        # The size allowance is the relay's as a whole: a zip bomb inside refuses all of it.
        sub = fmt.read_zip(data, f"{name}/{member}", budget=budget)
        # Every forwarded bundle is checked against its own station's key. One refused for the
        # standing of its station here (revoked, unknown, from a newer version) is set aside
        # with its reason while the others apply: relays repeat until acknowledged, and such a
        # bundle must not hold back a whole league. One that fails a check of its content
        # (tampering, a fork, a lying manifest) refuses the relay as a whole, as before.
        try:
            checked = verify(ledger, sub, vouched=vouched)
            if checked.kind != "station":
                raise refuse("bad_manifest", file=f"{name}/{member}", detail="not a station bundle")
        except BundleRefused as exc:
            if exc.code == "sync.not_for_us" and sub.manifest.get("station") == ledger.station_code:
                continue  # our own entries coming back down: nothing to do
            if exc.code not in SET_ASIDE_IN_RELAYS:
                raise
            refused.append((member, data, exc))
            continue
        # The relaying supervisor's own entries come from the relay's signer itself, not on
        # another's word: its report of what it holds counts like a station bundle's.
        checked.vouched = checked.station != m["station"]
        inner.append(checked)
    if m.get("bundles") != sum(1 for n in raw.members if n.startswith(fmt.INNER_DIR)):
        raise refuse("manifest_mismatch", file=name, detail="bundles")
    if refused and not inner:
        raise refused[0][2]  # nothing in it could be taken: the relay as a whole is refused
    return Verified(raw=raw, kind="relay", station=m["station"], signer_key=key, entries=[],
                    rows=[], ranges=[], counts={}, stations=stations, inner=inner,
                    inner_refused=refused)


def _not_an_entry(line: bytes) -> str:
    """Why a line is not an entry line, in the words of the import log."""
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8"
    return "not an entry line"


def _bad(name: str, line: int, detail: str) -> BundleRefused:
    return refuse("bad_entry", file=name, line=line, detail=detail)


# A number of 19 or more digits may not fit orjson's 64-bit integers (it would parse it as a
# float where ``json`` keeps an int): bodies with such a digit run go to the standard module.
_LONG_NUMBER = re.compile(r"\d{19}").search
_DIGITS = bytes(0x30 if 0x30 <= b <= 0x39 else 0x2E for b in range(256))  # digit -> 0, else .
_RUN = b"0" * 19


def _long_runs(data: bytes) -> list[int]:
    """Start offsets of the runs of 19+ ASCII digits in ``data`` (one C-speed pass), then a
    sentinel past the end."""
    marked = data.translate(_DIGITS)
    found = []
    at = marked.find(_RUN)
    while at >= 0:
        found.append(at)
        after = marked.find(b".", at)
        if after < 0:
            break
        at = marked.find(_RUN, after)
    found.append(len(data) + 1)
    return found


def _load_body(body_json: str, may_have_long_number: bool = True) -> Any:
    """The body exactly as ``json.loads`` parses it: orjson when the two provably agree (no
    integer beyond 64 bits; orjson refuses NaN, Infinity, 1e400 and lone surrogates, which
    ``json`` then decides), else the standard module."""
    if not (may_have_long_number and _LONG_NUMBER(body_json) is not None):
        try:
            return orjson.loads(body_json)
        except orjson.JSONDecodeError:
            pass
    try:
        return json.loads(body_json)
    except RecursionError:  # nested too deep: refused like any other bad body
        raise ValueError("body nested too deep") from None


# Above this many bytes of entry lines a bundle is parsed in its turn only: two large bundles
# would be in memory at once (the one committing and the one read ahead). A busy station's
# month is about 10 MB.
PARSE_AHEAD_BYTES = 32 * 1024 * 1024


def parse_ahead(raw: fmt.RawBundle, us: str) -> None:
    """Parse a station or return bundle's entries now, while the ledger is busy with the one
    before (no SQL here: ``us`` is this ledger's code). ``verify`` still runs every check in
    its order and only then takes the result, or raises what the parse raised, so what a
    bundle is refused for does not change. A bundle for another ledger (skipped unread) or a
    very large one is left for its turn."""
    if (raw.manifest.get("type") not in ("station", "return")
            or raw.manifest.get("station") == us
            or raw.manifest.get("recipient") not in (None, us)
            or len(raw.members.get(fmt.ENTRIES, b"")) > PARSE_AHEAD_BYTES):
        return
    try:
        raw.ahead = parse_entries(raw.members.get(fmt.ENTRIES, b""), raw.name)
    except Exception as exc:  # raised again where verify parses
        raw.ahead = exc


def _parsed(raw: fmt.RawBundle) -> tuple[list[Entry], list[tuple[Any, ...]]]:
    done, raw.ahead = raw.ahead, None
    if done is None:
        return parse_entries(raw.members.get(fmt.ENTRIES, b""), raw.name)
    if isinstance(done, Exception):
        raise done
    return cast(tuple[list[Entry], list[tuple[Any, ...]]], done)


def parse_entries(data: bytes, name: str) -> tuple[list[Entry], list[tuple[Any, ...]]]:
    """Decode entry lines; each digest is checked over the canonical preimage slice.

    Parsing uses orjson; the canonical check compares the line's preimage bytes with
    ``orjson.dumps(fields)``, which for the preimage's value types (a flat list of str, int within
    64 bits, None) is byte for byte ``canonical.dumps(fields).encode()`` (compact separators, no
    ASCII escaping, the same short escapes and lowercase ``\\u00xx``; tests/sync/test_fast_parse.py
    proves it over every code point). So the digest is still SHA-256 of the canonical text.
    """
    loads = orjson.loads
    dumps = orjson.dumps
    SORT_KEYS = orjson.OPT_SORT_KEYS  # noqa: N806 (a local alias of a constant)
    sha = hashlib.sha256
    new = Entry.__new__
    unb64 = fmt.unb64
    entries: list[Entry] = []
    rows: list[tuple[Any, ...]] = []
    if not data:
        return entries, rows
    if not data.endswith(b"\n"):
        raise refuse("truncated", file=name)
    # No decoding of the whole text first: orjson refuses a line that is not UTF-8 (and every
    # byte but the newlines is in a line), which is then named below.
    runs = _long_runs(data)
    run_at, next_run = 0, runs[0]
    end = -1
    for number, line in enumerate(data[:-1].split(b"\n"), 1):
        end += len(line) + 1  # offset of this line's newline
        long_number = next_run < end  # a digit run of 19+ starts in this line
        while next_run < end:
            run_at += 1
            next_run = runs[run_at]
        try:
            digest, pii, sealed_b64, fields = loads(line)
            (id_, station, epoch, seq, kind, recorded_at, recorded_by, target,
             body_json) = fields
        except (ValueError, TypeError):  # orjson.JSONDecodeError is a ValueError
            raise _bad(name, number, _not_an_entry(line)) from None
        if not (type(digest) is str and type(id_) is str and type(station) is str
                and type(epoch) is int and type(seq) is int and type(kind) is str
                and type(recorded_at) is str and type(recorded_by) is str
                and type(body_json) is str and (target is None or type(target) is str)
                and (pii is None or type(pii) is str)
                and (sealed_b64 is None or type(sealed_b64) is str)
                and epoch > 0 and seq > 0 and len(id_) == 36 and len(recorded_at) >= 19):
            raise _bad(name, number, "field types")
        try:
            preimage = dumps(fields)
        except orjson.JSONEncodeError:  # an integer beyond 64 bits: never canonical here
            raise _bad(name, number, "not canonical") from None
        # The prefix before the preimage is ASCII in a canonical line (hex digest, hex hash,
        # base64), so its byte length is ``preimage_offset``; anything else misaligns the slice.
        if line[fmt.preimage_offset(pii, sealed_b64):-1] != preimage:
            raise _bad(name, number, "not canonical")
        if sha(preimage).hexdigest() != digest:
            raise _bad(name, number, "digest does not match")
        try:
            body = _load_body(body_json, long_number)
            sealed = unb64(sealed_b64) if sealed_b64 is not None else None
        except ValueError:
            raise _bad(name, number, "body") from None
        if type(body) is not dict:
            raise _bad(name, number, "body")
        # The body exactly as the station wrote it (canonical JSON): no duplicate keys that one
        # reader (Python: the last) and another (SQLite's json_extract: the first) would see
        # differently, no other spelling of the same values.
        try:
            canonical_body = dumps(body, option=SORT_KEYS) == body_json.encode()
        except orjson.JSONEncodeError:
            canonical_body = False
        if not canonical_body and canonical.dumps(body) != body_json:
            raise _bad(name, number, "body not canonical")
        entry = new(Entry)
        entry.__dict__.update(id=id_, station=station, epoch=epoch, seq=seq, kind=kind,
                              recorded_at=recorded_at, recorded_by=recorded_by, target=target,
                              body=body, sealed=sealed, pii_hash=pii, digest=digest)
        entries.append(entry)
        rows.append((id_, station, epoch, seq, kind, recorded_at, recorded_by, target, body_json,
                     sealed, pii, digest))
    return entries, rows


# Columns of an entry row (``parse_entries``): 1 station, 2 epoch, 3 seq, 4 kind.
_STATION, _EPOCH, _SEQ, _KIND = itemgetter(1), itemgetter(2), itemgetter(3), itemgetter(4)


def _check_counts(m: dict[str, Any], rows: list[tuple[Any, ...]], name: str) -> dict[str, int]:
    counts: dict[str, int] = dict(Counter(map(_KIND, rows)))
    if m["entry_count"] != len(rows) or m["counts"] != counts:
        raise refuse("manifest_mismatch", file=name,
                     detail=f"{len(rows)} entries, manifest says {m['entry_count']}")
    return counts


def _seq_spans(entries: list[Entry], rows: list[tuple[Any, ...]], station: str, name: str
               ) -> dict[int, tuple[int, int, int]]:
    """Per epoch: the lowest and highest seq and how many; refused if an entry is another
    station's or a seq appears twice."""
    if rows and set(map(_STATION, rows)) == {station} and len(set(map(_EPOCH, rows))) == 1:
        # The usual bundle: one station, one epoch, every seq once in rising order (checked
        # at C speed against the run it must be).
        seqs = list(map(_SEQ, rows))
        first = seqs[0]
        if type(first) is int and seqs == list(range(first, first + len(seqs))):
            return {rows[0][2]: (first, seqs[-1], len(seqs))}
    held: dict[int, set[int]] = {}
    keys = list(map(attrgetter("epoch", "seq"), entries))
    if len(set(keys)) == len(keys) and set(map(attrgetter("station"), entries)) <= {station}:
        # One station, no seq twice, in another order or more than one epoch.
        epochs = set(map(itemgetter(0), keys))
        if len(epochs) == 1:
            held = {epochs.pop(): set(map(itemgetter(1), keys))}
        else:
            for epoch, seq in keys:
                held.setdefault(epoch, set()).add(seq)
        entries = []  # nothing for the checking loop below to find
    for entry in entries:
        if entry.station != station:
            raise refuse("wrong_station", file=name, station=entry.station)
        bucket = held.setdefault(entry.epoch, set())
        if entry.seq in bucket:
            raise refuse("manifest_mismatch", file=name, detail="a seq appears twice")
        bucket.add(entry.seq)
    return {epoch: (min(seqs), max(seqs), len(seqs)) for epoch, seqs in held.items()}


def _check_ranges(m: dict[str, Any], entries: list[Entry], rows: list[tuple[Any, ...]],
                  station: str, name: str) -> list[dict[str, int]]:
    spans = _seq_spans(entries, rows, station, name)
    ranges = []
    try:
        declared = {int(r["epoch"]): (int(r["from"]), int(r["to"])) for r in m["ranges"]}
    except (KeyError, TypeError, ValueError):
        raise refuse("bad_manifest", file=name, detail="ranges") from None
    if set(declared) != set(spans):
        raise refuse("manifest_mismatch", file=name, detail="epochs")
    for epoch, (lo, hi) in sorted(declared.items()):
        low, high, n = spans[epoch]
        if low != lo or high != hi or n != hi - lo + 1:
            raise refuse("manifest_mismatch", file=name,
                         detail=f"epoch {epoch} range {lo}-{hi}")
        ranges.append({"epoch": epoch, "from": lo, "to": hi})
    return ranges


def _check_unique(entries: list[Entry], name: str) -> None:
    seen: set[tuple[str, int, int]] = set()
    for entry in entries:
        key = (entry.station, entry.epoch, entry.seq)
        if key in seen:
            raise refuse("manifest_mismatch", file=name, detail="an entry appears twice")
        seen.add(key)
