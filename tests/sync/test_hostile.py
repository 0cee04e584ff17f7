"""Hostile and broken bundles: each is refused with its own code and changes nothing."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.data import migrations
from station_app.data.db import Ledger
from station_app.data.entries import Entry
from station_app.services import sync_ops, visits
from station_app.sync import format as fmt
from station_app.sync.errors import BundleRefused
from tests.helpers import ledger_hash, sign_up

from .kit import clone_memory, export, import_one, link, new_ledger


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    """A supervisor that enrolled MZL01, and one small bundle from MZL01 (the reference)."""
    tmp = tmp_path_factory.mktemp("hostile")
    sup = new_ledger(tmp / "sup" / "sup.db", "HLB00", "市总工会", supervisor=True)
    st_ = new_ledger(tmp / "a" / "a.db", "MZL01", "满洲里口岸驿站")
    link(sup, st_, tmp / "ids")
    visits.record_visit(st_, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    bundle = export(st_, tmp / "usb").path
    yield sup, st_, bundle, tmp
    sup.close()
    st_.close()


def _parts(path: Path) -> tuple[dict, dict[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    manifest = json.loads(parts.pop(fmt.MANIFEST))
    parts.pop(fmt.SIGNATURE)
    return manifest, parts


def forge(station: Ledger, manifest: dict, parts: dict[str, bytes], *, refresh: bool = True
          ) -> bytes:
    """A bundle properly signed by the station's own key (a station lying, or a stolen key)."""
    if refresh:
        manifest = dict(manifest, files=fmt.file_members(parts))
    data = fmt.build_zip(manifest, station.keys.sign(fmt.manifest_bytes(manifest)), parts)
    return fmt.seal_zip(data, station.keys.sign)


def refused_code(sup: Ledger, tmp: Path, name: str, data: bytes) -> str:
    path = tmp / name
    path.write_bytes(data)
    before = ledger_hash(sup)
    outcome = import_one(sup, path)
    assert outcome.error is not None, f"{name} was accepted"
    assert ledger_hash(sup) == before
    logged = sup.conn.execute("SELECT result, error_code FROM import_log ORDER BY id DESC LIMIT 1"
                              ).fetchone()
    assert logged == ("refused", outcome.error.code)
    assert outcome.quarantined and Path(outcome.quarantined).read_bytes() == data
    assert path.exists()  # never deleted
    return outcome.error.code


def test_reference_bundle_is_fine(world) -> None:
    sup, _, bundle, _ = world
    probe = clone_memory(sup)
    assert import_one(probe, bundle).ok


def test_truncated(world) -> None:
    sup, _, bundle, tmp = world
    data = bundle.read_bytes()
    for cut in (0, 10, len(data) // 2, len(data) - 1):
        assert refused_code(sup, tmp, f"cut{cut}.zip", data[:cut]) == "sync.truncated"


def test_a_whole_file_with_a_flipped_byte_is_damaged_not_cut_short(world) -> None:
    """A file of full length that fails its CRC is not "perhaps the copy was interrupted": that
    sent the supervisor to copy it again from the same faulty stick."""
    sup, _, bundle, tmp = world
    data = bytearray(bundle.read_bytes())
    data[data.find(b"PK\x03\x04") + 60] ^= 0x01  # inside the first member's data
    assert refused_code(sup, tmp, "flipped.zip", bytes(data)) == "sync.damaged"


def test_a_header_asking_for_an_unknown_zip_version_is_refused(world) -> None:
    """(Found by test_random_damage_is_refused: Python's zipfile raised NotImplementedError for
    a central directory asking for zip version 6.4, and the import stopped with a traceback.)"""
    sup, _, bundle, tmp = world
    data = bytearray(bundle.read_bytes())
    at = data.find(b"PK\x01\x02")  # the first central directory header
    data[at + 6:at + 8] = (64).to_bytes(2, "little")  # "version needed to extract": 6.4
    assert refused_code(sup, tmp, "zip64.zip", bytes(data)) == "sync.damaged"


def test_not_a_bundle(world) -> None:
    sup, _, _, tmp = world
    assert refused_code(sup, tmp, "photo.zip", b"\xff\xd8\xff" + b"x" * 500) == \
        "sync.not_a_bundle"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert refused_code(sup, tmp, "other.zip", buffer.getvalue()) == "sync.not_a_bundle"


def test_wrong_signature(world) -> None:
    sup, _, bundle, tmp = world
    manifest, parts = _parts(bundle)
    impostor = new_ledger(":memory:", "MZL01", "冒充者")
    assert refused_code(sup, tmp, "forged.zip", forge(impostor, manifest, parts)) == \
        "sync.bad_signature"


def test_unknown_station(world) -> None:
    sup, _, _, tmp = world
    stranger = new_ledger(tmp / "s" / "s.db", "ABC01", "陌生驿站")
    link(new_ledger(":memory:", "HLB00", "另一个", supervisor=True), stranger, tmp / "sids")
    path = export(stranger, tmp / "susb").path
    assert refused_code(sup, tmp, "stranger.zip", path.read_bytes()) == "sync.unknown_station"
    # an explicit, logged choice enrols it from the bundle's own key
    probe = clone_memory(sup)
    assert import_one(probe, path, accept_unknown=True).ok
    assert probe.conn.execute("SELECT role FROM stations WHERE code = 'ABC01'").fetchone() == \
        ("enrolled",)
    stranger.close()


def test_revoked_station(world) -> None:
    sup, _, bundle, _ = world
    probe = clone_memory(sup)
    sync_ops.revoke_station(probe, "MZL01", actor="sup", reason="电脑被盗")
    outcome = import_one(probe, bundle)
    assert outcome.error is not None and outcome.error.code == "sync.station_revoked"


def _zip_with(names_and_data: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in names_and_data:
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


@pytest.mark.parametrize("evil", ["../../etc/passwd", "/etc/cron.d/x", "a/../../b",
                                  "C:/Windows/x", "dir\\..\\x"])
def test_zip_with_paths_outside(world, evil: str) -> None:
    sup, _, bundle, tmp = world
    with zipfile.ZipFile(bundle) as archive:
        good = [(n, archive.read(n)) for n in archive.namelist()]
    data = _zip_with([*good, (evil, b"owned")])
    assert refused_code(sup, tmp, "evil.zip", data) == "sync.zip_unsafe"
    assert not (tmp / "owned").exists()


def test_zip_bomb(world) -> None:
    sup, _, bundle, tmp = world
    with zipfile.ZipFile(bundle) as archive:
        good = [(n, archive.read(n)) for n in archive.namelist() if n != fmt.ENTRIES]
    data = _zip_with([*good, (fmt.ENTRIES, b"\n" * (64 << 20))])
    assert len(data) < 200_000
    assert refused_code(sup, tmp, "bomb.zip", data) == "sync.zip_bomb"


def test_zip_lying_about_its_size(world) -> None:
    sup, _, bundle, tmp = world
    data = bytearray(bundle.read_bytes())
    # the central directory says entries.jsonl is smaller than it is
    at = data.rfind(b"PK\x01\x02" + bytes(data[data.rfind(b"PK\x01\x02") + 4:][:0]))
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_len = int.from_bytes(data[central + 28:central + 30], "little")
        name = bytes(data[central + 46:central + 46 + name_len])
        if name == fmt.ENTRIES.encode():
            at = central
        central = data.find(b"PK\x01\x02", central + 4)
    size = int.from_bytes(data[at + 24:at + 28], "little")
    data[at + 24:at + 28] = (size - 5).to_bytes(4, "little")
    assert refused_code(sup, tmp, "liar.zip", bytes(data)) in ("sync.zip_bomb", "sync.damaged")


def test_manifest_lying_about_counts(world) -> None:
    sup, st_, bundle, tmp = world
    manifest, parts = _parts(bundle)
    manifest["counts"] = dict(manifest["counts"], visit=5)
    assert refused_code(sup, tmp, "counts.zip", forge(st_, manifest, parts)) == \
        "sync.manifest_mismatch"
    manifest, parts = _parts(bundle)
    manifest["ranges"] = [{"epoch": 1, "from": 1, "to": 9}]
    assert refused_code(sup, tmp, "ranges.zip", forge(st_, manifest, parts)) == \
        "sync.manifest_mismatch"


def test_manifest_lying_about_hashes(world) -> None:
    sup, st_, bundle, tmp = world
    manifest, parts = _parts(bundle)
    files = fmt.file_members(parts)
    parts[fmt.ENTRIES] = parts[fmt.ENTRIES].replace(b"courier", b"trucker")
    assert refused_code(sup, tmp, "hash.zip", forge(st_, dict(manifest, files=files), parts,
                                                     refresh=False)) == "sync.hash_mismatch"


def test_entry_digest_altered_by_its_own_station(world) -> None:
    sup, st_, bundle, tmp = world
    manifest, parts = _parts(bundle)
    parts[fmt.ENTRIES] = parts[fmt.ENTRIES].replace(b"courier", b"trucker")
    assert refused_code(sup, tmp, "digest.zip", forge(st_, manifest, parts)) == \
        "sync.bad_entry"


def test_newer_schema_and_format(world) -> None:
    sup, st_, bundle, tmp = world
    manifest, parts = _parts(bundle)
    newer = dict(manifest, schema_version=migrations.latest_version() + 1)
    assert refused_code(sup, tmp, "schema.zip", forge(st_, newer, parts)) == "sync.newer_schema"
    newer = dict(manifest, format_version=fmt.FORMAT_VERSION + 1)
    assert refused_code(sup, tmp, "format.zip", forge(st_, newer, parts)) == "sync.newer_format"


def test_entries_of_another_station(world) -> None:
    sup, st_, bundle, tmp = world
    manifest, parts = _parts(bundle)
    other = new_ledger(":memory:", "EEH01", "二连")
    rows = [e.row() for e in other.recent_entries()]
    line = fmt.encode_line(rows[0][11], None, None, list(rows[0][:9]))
    parts[fmt.ENTRIES] += line + b"\n"
    manifest = dict(manifest, entry_count=manifest["entry_count"] + 1,
                    counts=dict(manifest["counts"], **{"station.init": 2}))
    assert refused_code(sup, tmp, "mixed.zip", forge(st_, manifest, parts)) == \
        "sync.wrong_station"


def test_same_seq_different_content_is_a_fork(world) -> None:
    sup, st_, bundle, tmp = world
    probe = clone_memory(sup)
    assert import_one(probe, bundle).ok
    manifest, parts = _parts(bundle)
    lines = parts[fmt.ENTRIES].split(b"\n")
    _digest, _pii, _sealed, fields = json.loads(lines[1])
    body = json.loads(fields[8])
    body["services"] = ["rest"]
    fake = Entry(id="01" + fields[0][2:], station=fields[1], epoch=fields[2], seq=fields[3],
                 kind=fields[4], recorded_at=fields[5], recorded_by=fields[6], target=fields[7],
                 body=body)
    lines[1] = fmt.encode_line(fake.computed_digest(), None, None,
                               [*fake.row()[:8], fake.body_json])
    parts[fmt.ENTRIES] = b"\n".join(lines)
    data = forge(st_, manifest, parts)
    path = tmp / "fork.zip"
    path.write_bytes(data)
    before = ledger_hash(probe)
    dry = import_one(probe, path, dry_run=True)
    assert dry.conflicting == 1 and dry.duplicate == 1
    outcome = import_one(probe, path)
    assert outcome.error is not None and outcome.error.code == "sync.forked_station"
    assert {outcome.error.params["existing"], outcome.error.params["incoming"]} == \
        {fields[0], fake.id}
    assert ledger_hash(probe) == before
    # From then on the station-epoch is held (tests/sync/test_forks.py).
    assert import_one(probe, path, dry_run=True).error.code == "sync.fork_held"


def test_return_bundle_from_someone_else(world) -> None:
    _sup, st_, _, tmp = world
    other_sup = new_ledger(":memory:", "XLH00", "别的上级", supervisor=True)
    stranger = new_ledger(":memory:", "MZL01", "满洲里口岸驿站")
    link(other_sup, stranger, tmp / "xids")
    written = sync_ops.return_bundle(other_sup, "MZL01", tmp / "xret", actor="x")
    before = ledger_hash(st_)
    outcome = import_one(st_, written.path)
    assert outcome.error is not None and outcome.error.code == "sync.not_trusted"
    assert ledger_hash(st_) == before


@pytest.mark.parametrize("field", ["stations", "foreign", "assumed", "epochs"])
@pytest.mark.parametrize("stations", ["MZL01", ["MZL01", 3], {"EEH01": [1, 2]},
                                      {"EEH01": {"one": 5}}, {"EEH01": {"1": -4}},
                                      {"EEH01": {"1": 2 ** 64}}, {"EEH01": {"1": True}},
                                      {"EEH01": {str(2 ** 64): 1}}])
def test_return_bundle_with_a_malformed_acknowledgement(world, field, stations) -> None:
    sup, st_, _, tmp = world
    written = sync_ops.return_bundle(sup, "MZL01", tmp / "ret", actor="t")
    manifest, parts = _parts(written.path)
    manifest = dict(manifest, ack=dict(manifest["ack"], **{field: stations}))
    assert refused_code(st_, tmp, "ack.zip", forge(sup, manifest, parts)) == \
        "sync.bad_manifest"


@pytest.mark.parametrize("held", ["all", {"stations": {}}, {"at": {"epoch": "x", "seq": 1}},
                                  {"at": {"epoch": 1, "seq": 2}, "stations": {"EEH01": 7}},
                                  {"at": [1, 2], "stations": {}},
                                  {"at": {"epoch": 1, "seq": 2 ** 64}, "stations": {}},
                                  {"at": {"epoch": 1, "seq": 2}, "stations": {"X": {"1": 2.5}}}])
def test_station_bundle_with_a_malformed_report_of_what_it_holds(world, held) -> None:
    sup, st_, bundle, tmp = world
    manifest, parts = _parts(bundle)
    assert refused_code(sup, tmp, "held.zip", forge(st_, dict(manifest, held=held), parts)) == \
        "sync.bad_manifest"


def test_every_refusal_has_both_languages() -> None:
    from station_app.domain import messages
    from station_app.sync.errors import MESSAGES, BundleRefused

    for code in MESSAGES:
        error = BundleRefused(code, file="x.zip", station="MZL01")
        zh, en = messages.render(error, "zh_CN"), messages.render(error, "en")
        assert zh != en and code not in zh and code not in en


def test_every_single_byte_flipped_is_refused(world) -> None:
    sup, _, bundle, _ = world
    probe = clone_memory(sup)
    before = ledger_hash(probe)
    data = bundle.read_bytes()
    assert len(data) < 4000
    from station_app.sync import verify as verify_mod

    for i in range(len(data)):
        flipped = bytearray(data)
        flipped[i] ^= 0x01
        with pytest.raises(verify_mod.BundleRefused):
            raw = fmt.read_zip(bytes(flipped), "f.zip", allowed_inner=True)
            verify_mod.verify(probe, raw)
    assert ledger_hash(probe) == before


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_random_damage_is_refused(world, data) -> None:
    sup, _, bundle, tmp = world
    original = bundle.read_bytes()
    blob = bytearray(original)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(blob) - 1))
        blob[at] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        blob = blob[:data.draw(st.integers(0, len(blob)))]
    if bytes(blob) == original:
        return
    probe = clone_memory(sup)
    path = tmp / "damaged.zip"
    path.write_bytes(bytes(blob))
    before = ledger_hash(probe)
    outcome = import_one(probe, path)
    assert outcome.error is not None
    assert ledger_hash(probe) == before


def test_sign_up_bundle_never_carries_the_id(world) -> None:
    _, st_, _, tmp = world
    from tests.helpers import rid

    sign_up(st_, 33)
    written = export(st_, tmp / "usb33")
    with zipfile.ZipFile(written.path) as archive:
        for name in archive.namelist():
            assert rid(33).encode() not in archive.read(name)


def test_identity_and_trust_files_are_checked(world) -> None:
    sup, st_, _, tmp = world
    other = new_ledger(":memory:", "EEH01", "二连浩特驿站")
    ident = sync_ops.write_identity_file(other, tmp / "id_eeh.json")
    doc = json.loads(ident.read_text())
    doc["name"] = "冒名驿站"
    (tmp / "id_bad.json").write_text(json.dumps(doc, ensure_ascii=False))
    with pytest.raises(BundleRefused) as caught:
        sync_ops.enrol_station(sup, tmp / "id_bad.json", actor="sup")
    assert caught.value.code == "sync.identity_invalid"
    probe = clone_memory(sup)
    _, trust = sync_ops.enrol_station(probe, ident, actor="sup", trust_out=tmp / "t_eeh.json")
    before = ledger_hash(st_)
    with pytest.raises(BundleRefused) as caught:
        sync_ops.trust_supervisor(st_, trust, actor="t")
    assert caught.value.code == "sync.trust_wrong_station"
    assert ledger_hash(st_) == before
    # a second station claiming an enrolled code with another key is refused
    impostor = new_ledger(":memory:", "MZL01", "冒充者")
    fake = sync_ops.write_identity_file(impostor, tmp / "id_fake.json")
    with pytest.raises(BundleRefused) as caught:
        sync_ops.enrol_station(probe, fake, actor="sup")
    assert caught.value.code == "sync.key_changed"


@pytest.mark.parametrize("change", [{"services": "water"}, {"services": [{"code": "water"}]},
                                    {"worker_type": {"nested": 1}}, {"services": [1, 2]}])
def test_signed_entry_the_ledger_cannot_hold(world, change: dict) -> None:
    """A station's own key signing a visit whose fields have the wrong shape (a broken or
    hostile station program): refused as a bad entry, nothing written, the run goes on."""
    sup, st_, bundle, tmp = world
    data = rewrite_visit(st_, bundle, **change)
    assert refused_code(sup, tmp, "odd.zip", data) == "sync.bad_entry"


def rewrite_visit(station: Ledger, bundle: Path, *, last: bool = False, new_id: str | None = None,
                  **body: object) -> bytes:
    """The bundle with its first (or ``last``) visit rewritten — another id, or ``body``
    fields changed — with a right digest, signed again by the station's own key: what a
    broken or hostile station program would send."""
    manifest, parts = _parts(bundle)
    lines = parts[fmt.ENTRIES].split(b"\n")
    visits_at = [n for n, line in enumerate(lines) if b'"visit"' in line]
    number = visits_at[-1] if last else visits_at[0]
    _digest, _pii, _sealed, fields = json.loads(lines[number])
    odd = Entry(id=new_id or fields[0], station=fields[1], epoch=fields[2], seq=fields[3],
                kind=fields[4], recorded_at=fields[5], recorded_by=fields[6], target=fields[7],
                body=dict(json.loads(fields[8]), **body))
    lines[number] = fmt.encode_line(odd.computed_digest(), None, None,
                                    [*odd.row()[:8], odd.body_json])
    parts[fmt.ENTRIES] = b"\n".join(lines)
    return forge(station, manifest, parts)
