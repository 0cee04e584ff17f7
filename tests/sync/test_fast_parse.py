"""The orjson entry parser accepts and refuses exactly what the standard-json parser did, and the
digests it checks are still SHA-256 of ``canonical.dumps`` (digests never change)."""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from station_app.data.entries import Entry, compute_digest
from station_app.domain import canonical
from station_app.sync import format as fmt
from station_app.sync.errors import BundleRefused, refuse
from station_app.sync.verify import _check_ranges, parse_entries

ID = "01a184bd-e580-7894-860f-0af4cef25604"
AT = "2026-10-29T07:00:00.000+08:00"


def test_orjson_writes_canonical_json_for_every_preimage_value() -> None:
    # Every code point except the surrogates (which neither side lets through) in one string.
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert orjson.dumps(text) == canonical.dumps(text).encode("utf-8")
    for c in range(0x80):  # each ASCII character alone, where escapes live
        assert orjson.dumps([chr(c), c]) == canonical.dumps([chr(c), c]).encode("utf-8")
    ints = [0, 1, -1, 9, 10, 2**31, 2**53 + 1, 2**63 - 1, -(2**63), 2**64 - 1]
    assert orjson.dumps([*ints, None, "x"]) == canonical.dumps([*ints, None, "x"]).encode()


def _line(body: Any, *, seq: int = 1, body_json: str | None = None, by: str = "admin") -> bytes:
    text = canonical.dumps(body) if body_json is None else body_json
    fields = [ID[:-4] + f"{seq:04d}", "MZL01", 1, seq, "visit", AT, by, None, text]
    digest = compute_digest(*fields)  # type: ignore[arg-type]
    return fmt.encode_line(digest, None, None, fields)


def _reference(data: bytes) -> tuple[list[dict[str, Any]], list[tuple[Any, ...]]]:
    """The previous parser: standard json for the line and body, canonical re-encode."""
    entries, rows = [], []
    text = data.decode("utf-8")
    for line in text[:-1].split("\n"):
        digest, pii, sealed_b64, fields = json.loads(line)
        preimage = canonical.dumps(fields)
        if not (type(fields[2]) is int and type(fields[3]) is int):
            raise ValueError("field types")
        if line[fmt.preimage_offset(pii, sealed_b64):-1] != preimage:
            raise ValueError("not canonical")
        if hashlib.sha256(preimage.encode("utf-8")).hexdigest() != digest:
            raise ValueError("digest")
        body = json.loads(fields[8])
        if type(body) is not dict:
            raise ValueError("body")
        entries.append({"id": fields[0], "seq": fields[3], "body": body, "digest": digest})
        rows.append((*fields, None, pii, digest))
    return entries, rows


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


BODIES: list[Any] = [
    {"member_no": "MZL01-000001-3", "services": ["consult", "legal"], "walk_in": False},
    {"name": "乌兰其其格 \U0001f600 \u2028 \x7f", "note": 'quote " back \\ slash / tab \t \x01'},
    {"money_fen": 2**70, "neg": -(2**70), "edge": 2**64, "i64": 2**63 - 1},  # beyond 64 bits
    {"ratio": 0.1, "small": 5e-324, "big": 1.7976931348623157e308, "exp": 1e22},
    {"bad": math.nan, "inf": math.inf},  # what ``json`` (not orjson) reads
    {"deep": [[[[{"a": [None, True, False, {}]}]]]], "id_hash": "1234567890123456789012"},
]


@pytest.mark.parametrize("body", BODIES)
def test_accepted_lines_parse_exactly_as_with_the_standard_module(body: Any) -> None:
    data = b"".join(_line(body, seq=n) + b"\n" for n in (1, 2))
    entries, rows = parse_entries(data, "b.zip")
    want_entries, want_rows = _reference(data)
    assert _same(rows, want_rows)
    for got, want in zip(entries, want_entries, strict=True):
        assert isinstance(got, Entry)
        assert _same(got.body, want["body"]) and got.digest == want["digest"]
        assert got.computed_digest() == got.digest  # the stored digest is the canonical one


def _refused(data: bytes) -> str:
    with pytest.raises(BundleRefused) as caught:
        parse_entries(data, "b.zip")
    return str(caught.value.params.get("detail"))


def test_non_canonical_preimages_are_refused() -> None:
    good = _line({"note": "x"}, by="ad\x1fmin")
    assert b'"ad\\u001fmin"' in good  # a control character travels as a lowercase escape
    variants = [
        good.replace(b"\\u001f", b"\\u001F"),  # same value, same length, other hex case
        good.replace(b',"MZL01",', b', "MZL01",'),  # whitespace
        good.replace(b'"MZL01"', b'"\\u004dZL01"'),  # an escape where none is needed
        good.replace(b',1,1,"visit"', b',1,1.0,"visit"'),  # a float seq
        good.replace(b',1,1,"visit"', b',1,1e0,"visit"'),
    ]
    assert parse_entries(good + b"\n", "b.zip")[0][0].recorded_by == "ad\x1fmin"
    for bad in variants:
        assert bad != good
        assert _refused(bad + b"\n") in ("not canonical", "field types")
        with pytest.raises(ValueError):
            _reference(bad + b"\n")


def test_bodies_orjson_refuses_go_to_the_standard_module() -> None:
    data = _line({}, body_json='{"a":"x","b":NaN}') + b"\n"
    entries, _ = parse_entries(data, "b.zip")
    assert _same(entries[0].body, _reference(data)[0][0]["body"])


def test_a_body_not_in_canonical_form_is_refused() -> None:
    """Only the station's own canonical JSON is accepted: duplicate keys (Python keeps the last,
    SQLite's json_extract the first), other spellings, an escaped lone surrogate."""
    for body_json in ('{"member_no":"EEH01-1","member_no":"MZL01-1"}', '{"a": 1}',
                      '{"b":1,"a":2}', '{"a":"\\u0041"}', '{"a":"\\ud800"}', '{"a":1e0}'):
        assert _refused(_line({}, body_json=body_json) + b"\n") == "body not canonical", \
            body_json


def test_hostile_bodies_are_refused_not_crashed() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    assert _refused(_line({}, body_json=deep) + b"\n") == "body"
    assert _refused(_line({}, body_json="[1]") + b"\n") == "body"
    assert _refused(b"\xff\n") == "not UTF-8"
    # Inside a string of an otherwise well-formed line (the third line): named, with its line.
    bad = _line({"note": "驿站"}, seq=3).replace("驿".encode(), b"\xe9\xa9")
    with pytest.raises(BundleRefused) as caught:
        parse_entries(_line({}) + b"\n" + _line({}, seq=2) + b"\n" + bad + b"\n", "b.zip")
    assert caught.value.params["detail"] == "not UTF-8"
    assert caught.value.params["line"] == 3
    for lone_surrogate in (b"\xed\xa0\x80", b"\xed\xbf\xbf"):  # UTF-8 forbids them too
        assert _refused(_line({"note": "QQ"}).replace(b"QQ", lone_surrogate) + b"\n") \
            == "not UTF-8"
    assert _refused(b"[1,2]\n") == "not an entry line"


def test_a_run_of_imports_checkpoints_once_and_restores_the_setting(file_ledger) -> None:
    from station_app.sync import importer

    conn = file_ledger.conn
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    with importer.deferred_checkpoints(file_ledger):
        assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 32768
        with file_ledger.write():
            file_ledger.set_setting("test.deferred", "1")
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL, untouched
    assert file_ledger.setting("test.deferred") == "1"


def _reference_ranges(m: dict[str, Any], keys: list[tuple[str, int, int]], station: str
                      ) -> list[dict[str, int]]:
    """The range check as it was before its fast path (entry by entry, sets of seqs)."""
    seqs: dict[int, set[int]] = {}
    for code, epoch, seq in keys:
        if code != station:
            raise refuse("wrong_station", file="b.zip", station=code)
        bucket = seqs.setdefault(epoch, set())
        if seq in bucket:
            raise refuse("manifest_mismatch", file="b.zip", detail="a seq appears twice")
        bucket.add(seq)
    try:
        declared = {int(r["epoch"]): (int(r["from"]), int(r["to"])) for r in m["ranges"]}
    except (KeyError, TypeError, ValueError):
        raise refuse("bad_manifest", file="b.zip", detail="ranges") from None
    if set(declared) != set(seqs):
        raise refuse("manifest_mismatch", file="b.zip", detail="epochs")
    ranges = []
    for epoch, (lo, hi) in sorted(declared.items()):
        held = seqs[epoch]
        if min(held) != lo or max(held) != hi or len(held) != hi - lo + 1:
            raise refuse("manifest_mismatch", file="b.zip", detail=f"epoch {epoch} range {lo}-{hi}")
        ranges.append({"epoch": epoch, "from": lo, "to": hi})
    return ranges


def _outcome(check: Any) -> Any:
    try:
        return check()
    except BundleRefused as exc:
        return exc.code, exc.params


@settings(max_examples=300, deadline=None)
@given(keys=st.lists(st.tuples(st.sampled_from(["MZL01", "MZL01", "MZL01", "EEH01"]),
                               st.integers(1, 3), st.integers(1, 12)), max_size=14),
       sort=st.booleans(),
       declared=st.lists(st.tuples(st.integers(1, 3), st.integers(0, 13), st.integers(0, 13)),
                         max_size=3),
       honest=st.booleans())
def test_the_range_check_decides_as_entry_by_entry(keys: list[tuple[str, int, int]], sort: bool,
                                                   declared: list[tuple[int, int, int]],
                                                   honest: bool) -> None:
    """Any bundle's stations, epochs and seqs (in order or not, gaps, twice, another station's)
    against any declared ranges (or the true ones): the same ranges or the same refusal."""
    if sort:
        keys = sorted(keys, key=lambda k: (k[1], k[2]))
    if honest:
        spans: dict[int, list[int]] = {}
        for _, epoch, seq in keys:
            spans.setdefault(epoch, []).append(seq)
        declared = [(e, min(s), max(s)) for e, s in spans.items()]
    m = {"ranges": [{"epoch": e, "from": lo, "to": hi} for e, lo, hi in declared]}
    entries = [Entry(id=f"{n}", station=s, epoch=e, seq=q, kind="visit", recorded_at=AT,
                     recorded_by="a", target=None, body={}) for n, (s, e, q) in enumerate(keys)]
    rows = [(e.id, e.station, e.epoch, e.seq, e.kind) for e in entries]
    assert _outcome(lambda: _check_ranges(m, entries, rows, "MZL01", "b.zip")) == \
        _outcome(lambda: _reference_ranges(m, keys, "MZL01"))
