"""A relay may only come from an enrolled lower supervisor, and can never vouch for a key the
receiving ledger already holds (review finding: an ordinary station forging others' entries)."""

import json
from pathlib import Path

from station_app.sync import export as ex
from station_app.sync import format as fmt
from tests.helpers import ledger_hash
from tests.sync.kit import import_one, link, new_ledger


def test_a_relay_signed_by_an_ordinary_station_is_refused(tmp_path: Path) -> None:
    sup = new_ledger(tmp_path / "sup.db", "SUP01", "Sup", supervisor=True)
    st = new_ledger(tmp_path / "st.db", "MZL01", "Station")
    link(sup, st, tmp_path / "ids")
    fake = new_ledger(tmp_path / "fake.db", "EVIL9", "Forged")  # never enrolled anywhere
    with fake.write():
        fake.append("setting", {"key": "x", "value": "forged"}, by="eve")
    rows = ex.own_rows(fake, True)
    members = {fmt.ENTRIES: b"\n".join(ex._line(r, None, r[10]) for r in rows) + b"\n"}
    man = ex._manifest(fake, "station", None, rows, members, full=True)
    inner = fmt.seal_zip(fmt.build_zip(man, fake.keys.sign(fmt.manifest_bytes(man)), members),
                         fake.keys.sign)
    doc = [{"code": "EVIL9", "name": "x", "league": "", "kind": "station",
            "public_key": fmt.b64(fake.keys.public_key), "fingerprint": "", "revoked_at": None}]
    relay = {f"bundles/{fmt.sha256_hex(inner)}.zip": inner, fmt.STATIONS: json.dumps(doc).encode()}
    manifest = ex._manifest(st, "relay", "SUP01", [], relay, bundles=1)
    path, _ = ex._finish(st, manifest, relay, tmp_path / "out", "relay_MZL01.zip", None)
    before = ledger_hash(sup, ("entries", "members", "visits"))
    outcome = import_one(sup, path)
    assert outcome.result == "refused"
    assert ledger_hash(sup, ("entries", "members", "visits")) == before
    assert sup.conn.execute("SELECT COUNT(*) FROM stations WHERE code = 'EVIL9'").fetchone()[0] == 0
