"""Identity files (a station's public keys, for enrolment) and trust files (a supervisor's keys
plus the region's duplicate-detection key, sealed to one station's box key).

Both are small JSON documents signed by their author's Ed25519 key over the canonical JSON of
every other field, so a file altered in transit is refused. People compare the fingerprint aloud
(or over the phone) before enrolling or trusting.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..data.db import Ledger
from ..data.keys import fingerprint, open_sealed_box, seal_for, verify_signature
from ..domain import canonical, clock
from .errors import refuse
from .format import b64, unb64

IDENTITY_FORMAT = "station-ledger-identity"
TRUST_FORMAT = "station-ledger-trust"
VERSION = 1
MAX_FILE = 64 * 1024


@dataclass(frozen=True)
class Identity:
    code: str
    name: str
    league: str
    kind: str
    public_key: bytes
    box_key: bytes
    fingerprint: str
    doc: dict[str, Any]


def _signed(ledger: Ledger, doc: dict[str, Any]) -> dict[str, Any]:
    return dict(doc, signature=b64(ledger.keys.sign(canonical.dumps(doc).encode("utf-8"))))


def _identity_fields(ledger: Ledger) -> dict[str, Any]:
    return {"code": ledger.station_code, "name": ledger.station_name,
            "league": ledger.setting("station.league"), "kind": ledger.station_kind,
            "public_key": b64(ledger.keys.public_key), "box_key": b64(ledger.keys.box_public_key),
            "fingerprint": ledger.keys.fingerprint, "created_at": clock.now_iso()}


def identity_document(ledger: Ledger) -> dict[str, Any]:
    """What ``enrol-file`` writes: who this ledger is and its public keys. No secrets."""
    return _signed(ledger, {"format": IDENTITY_FORMAT, "version": VERSION,
                            **_identity_fields(ledger)})


def trust_document(ledger: Ledger, station: Identity) -> dict[str, Any]:
    """What a supervisor hands one station: its identity plus the region key, sealed."""
    return _signed(ledger, {
        "format": TRUST_FORMAT, "version": VERSION, **_identity_fields(ledger),
        "for_station": station.code, "for_box_key": b64(station.box_key),
        "region_key_sealed": b64(seal_for(station.box_key, ledger.keys.region_key.hex())),
    })


def load_document(path: Path, formats: tuple[str, ...]) -> dict[str, Any]:
    name = path.name
    try:
        if path.stat().st_size > MAX_FILE:
            raise refuse("identity_invalid", file=name, detail="identity.too_large")
        doc = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise refuse("file_missing", file=name) from None
    except (OSError, ValueError, RecursionError):
        raise refuse("identity_invalid", file=name, detail="identity.not_json") from None
    if not isinstance(doc, dict) or doc.get("format") not in formats:
        raise refuse("identity_invalid", file=name, detail="identity.wrong_kind")
    if not isinstance(doc.get("version"), int) or doc["version"] > VERSION:
        raise refuse("newer_format", file=name, found=doc.get("version"))
    return doc


def parse_identity(doc: dict[str, Any], name: str) -> Identity:
    """Check the self-signature and the fields; works for identity and trust documents."""
    try:
        body = {k: v for k, v in doc.items() if k != "signature"}
        public_key = unb64(str(doc["public_key"]))
        box_key = unb64(str(doc["box_key"]))
        signature = unb64(str(doc["signature"]))
        code, title = str(doc["code"]), str(doc["name"])
        if len(public_key) != 32 or len(box_key) != 32:
            raise ValueError("key length")
    except (KeyError, ValueError, TypeError):
        raise refuse("identity_invalid", file=name, detail="identity.bad_keys") from None
    if not verify_signature(public_key, signature, canonical.dumps(body).encode("utf-8")):
        raise refuse("identity_invalid", file=name, detail="identity.bad_signature")
    if doc.get("fingerprint") != fingerprint(public_key):
        raise refuse("identity_invalid", file=name, detail="identity.bad_fingerprint")
    return Identity(code=code, name=title, league=str(doc.get("league", "")),
                    kind=str(doc.get("kind", "station")), public_key=public_key, box_key=box_key,
                    fingerprint=fingerprint(public_key), doc=doc)


def read_identity(path: Path) -> Identity:
    return parse_identity(load_document(path, (IDENTITY_FORMAT, TRUST_FORMAT)), path.name)


def read_trust(path: Path, ledger: Ledger) -> tuple[Identity, bytes]:
    """The supervisor's identity and the region key it sealed for this station."""
    doc = load_document(path, (TRUST_FORMAT,))
    ident = parse_identity(doc, path.name)
    us = ledger.station_code
    if doc.get("for_station") != us:
        raise refuse("trust_wrong_station", station=doc.get("for_station"), us=us)
    try:
        region_hex = open_sealed_box(ledger.keys.box, unb64(str(doc["region_key_sealed"])))
        region_key = bytes.fromhex(region_hex)
        if len(region_key) != 32:
            raise ValueError
    except Exception:
        raise refuse("trust_wrong_station", station=doc.get("for_station"), us=us) from None
    return ident, region_key
