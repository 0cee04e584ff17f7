"""Sync as supervisors and attendants meet it in the field: a shared USB stick holding other
ledgers' files, a mistyped path, the wrong key file for --encrypt-to, the top-level ledger."""

from __future__ import annotations

import json
import os
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from station_app.cli import main
from station_app.domain import clock
from station_app.services import sync_ops, visits
from station_app.sync.errors import BundleRefused
from station_app.sync.status import quarantine_dir
from tests.helpers import ledger_hash, sign_up

from .kit import export, import_one, link, new_ledger


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_supervisor_given_its_own_return_bundle_is_told_whom_it_is_for(net) -> None:
    sup, _, _, tmp = net
    written = sync_ops.return_bundle(sup, "MZL01", tmp / "usb", actor="sup")
    outcome = import_one(sup, written.path)
    assert outcome.error is not None and outcome.error.code == "sync.not_for_us"
    assert outcome.error.params["recipient"] == "MZL01"
    assert outcome.result == "skipped" and not outcome.refused
    assert outcome.quarantined is None and not quarantine_dir(sup).exists()


def test_a_station_given_other_stations_bundles_is_not_told_to_enrol_them(net) -> None:
    """The USB stick goes round: the station's own bundle and a neighbour's are on it."""
    _, a, b, tmp = net
    export(a, tmp / "usb")
    export(b, tmp / "usb")
    outcomes = sync_ops.import_bundles(a, [tmp / "usb"], actor="t")
    assert [o.error.code for o in outcomes if o.error] == ["sync.not_for_us"] * 2
    assert all(o.error.params["recipient"] == "HLB00" for o in outcomes if o.error)


def test_an_unenrolled_stations_bundle_for_another_supervisor_says_so(net) -> None:
    sup, _, _, tmp = net
    other = new_ledger(tmp / "x" / "x.db", "XLG00", "锡林郭勒盟总工会", supervisor=True)
    far = new_ledger(tmp / "f" / "f.db", "XAM01", "阿巴嘎驿站")
    link(other, far, tmp / "ids_x")
    outcome = import_one(sup, export(far, tmp / "usb").path)
    assert outcome.error is not None and outcome.error.code == "sync.not_for_us"
    far.close()
    other.close()


def test_a_missing_file_is_not_called_damaged(net) -> None:
    sup, _, _, tmp = net
    outcome = import_one(sup, tmp / "E" / "MZL01_e1_000001-000003.zip")
    assert outcome.error is not None and outcome.error.code == "sync.file_missing"
    with pytest.raises(BundleRefused) as refused:
        sync_ops.enrol_station(sup, tmp / "identity_MZL02.json", actor="sup")
    assert refused.value.code == "sync.file_missing"


def test_encrypting_for_anyone_but_the_trusted_supervisor_is_refused(net) -> None:
    sup, a, b, tmp = net
    ident_b = sync_ops.write_identity_file(b, tmp / "identity_EEH01.json")
    with pytest.raises(BundleRefused) as refused:
        sync_ops.export_bundle(a, tmp / "usb", encrypt_to=ident_b, actor="t")
    assert refused.value.code == "sync.wrong_recipient"
    assert not (tmp / "usb").exists() or not list((tmp / "usb").iterdir())
    ident_sup = sync_ops.write_identity_file(sup, tmp / "identity_HLB00.json")
    written = sync_ops.export_bundle(a, tmp / "usb", encrypt_to=ident_sup, actor="t")
    assert import_one(sup, written.path).ok


def test_the_top_level_ledger_has_nobody_to_relay_to(net) -> None:
    sup, a, _, tmp = net
    sign_up(a, 1)
    assert import_one(sup, export(a, tmp / "usb").path).ok
    with pytest.raises(BundleRefused) as refused:
        sync_ops.export_bundle(sup, tmp / "up", actor="sup")
    assert refused.value.code == "sync.no_upper"
    assert sync_ops.pending_export(sup)["supervisor"] is None


def test_cli_says_the_quarantine_holds_a_copy_and_the_original_stays(net, capsys) -> None:
    sup, a, _, tmp = net
    (tmp / "usb").mkdir()
    cut = tmp / "usb" / "MZL01_e1_000001-000001.zip"
    cut.write_bytes(export(a, tmp / "one").path.read_bytes()[:300])
    code, out, _ = run(capsys, "--db", sup.path, "--lang", "zh_CN", "import", tmp / "usb")
    assert code == 4 and "已复制到隔离文件夹" in out and "已移至" not in out
    assert cut.exists()


def test_cli_return_bundle_prints_the_acknowledgement_plainly(net, capsys) -> None:
    sup, a, _, tmp = net
    visits.record_visit(a, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    assert import_one(sup, export(a, tmp / "usb").path).ok
    code, out, _ = run(capsys, "--db", sup.path, "--lang", "en", "return-bundle",
                       "--station", "MZL01", "--out", tmp / "ret")
    assert code == 0 and "acknowledged up to e1 2" in out and "{" not in out


def test_cli_json_names_a_missing_file(net, capsys) -> None:
    sup, _, _, tmp = net
    code, out, _ = run(capsys, "--db", sup.path, "--json", "import", tmp / "nowhere.zip")
    assert code == 4
    assert json.loads(out)["results"][0]["error"]["code"] == "sync.file_missing"



# ---- a shared USB stick: files meant for another ledger are skipped, not refused ----
def _shared_stick(net) -> tuple[object, Path]:
    """Station MZL01's stick after a round at the supervisor: its own bundle, a neighbour's
    bundle for the supervisor, its return bundle and a neighbour's return bundle."""
    sup, a, b, tmp = net
    usb = tmp / "usb"
    sign_up(a, 1)
    sign_up(b, 2)
    for station_ in (a, b):
        assert import_one(sup, export(station_, usb).path).ok
    sync_ops.return_bundle(sup, "MZL01", usb, actor="sup")
    sync_ops.return_bundle(sup, "EEH01", usb, actor="sup")
    return a, usb


def _log_results(ledger) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in ledger.conn.execute(
        "SELECT file_name, result FROM import_log ORDER BY id")]


def test_files_for_another_ledger_on_a_shared_stick_are_skipped_every_week(net, capsys) -> None:
    a, usb = _shared_stick(net)
    for _week in range(2):
        code, out, _ = run(capsys, "--db", a.path, "--lang", "zh_CN", "import", usb)
        assert code == 0, out
        assert out.count("跳过") == 3 and "拒收" not in out and "隔离" not in out
        assert "是发给 HLB00 的，不是本台账（MZL01）" in out
        assert "是发给 EEH01 的，不是本台账（MZL01）" in out
    assert not quarantine_dir(a).exists()
    results = _log_results(a)
    assert [r for _, r in results].count("skipped") == 6
    assert {r for _, r in results} == {"accepted", "skipped"}  # the return bundle, twice
    outcomes = [r[0] for r in a.conn.execute(
        "SELECT outcome FROM audit_log WHERE action = 'import'")]
    assert outcomes.count("skipped") == 6 and "refused" not in outcomes  # said as it was
    code, out, _ = run(capsys, "--db", a.path, "--lang", "en", "--json", "import", usb)
    assert code == 0
    skipped = [r for r in json.loads(out)["results"] if r["result"] == "skipped"]
    assert len(skipped) == 3 and all("error" not in r for r in skipped)
    assert {r["reason"]["code"] for r in skipped} == {"sync.not_for_us"}
    assert any("addressed to EEH01, not to this ledger (MZL01)" in r["reason"]["message"]
               for r in skipped)


def test_a_real_refusal_beside_skipped_files_still_exits_4(net, capsys) -> None:
    a, usb = _shared_stick(net)
    bundle = next(usb.glob("EEH01_*.zip"))
    (usb / "EEH01_cut.zip").write_bytes(bundle.read_bytes()[:300])
    code, out, _ = run(capsys, "--db", a.path, "--lang", "en", "--json", "import", usb)
    assert code == 4
    results = {r["file"]: r for r in json.loads(out)["results"]}
    assert results["EEH01_cut.zip"]["result"] == "refused"
    assert results["EEH01_cut.zip"]["error"]["code"] == "sync.truncated"
    assert sum(r["result"] == "skipped" for r in results.values()) == 3
    assert sorted(p.name.split("_", 1)[1] for p in quarantine_dir(a).iterdir()) == [
        "EEH01_cut.zip", "EEH01_cut.zip.txt"]  # the copy, and the note of why


def test_a_dry_run_shows_skipped_files_as_skipped(net, capsys) -> None:
    a, usb = _shared_stick(net)
    code, out, _ = run(capsys, "--db", a.path, "--lang", "en", "import", "--dry-run", usb)
    assert code == 0, out
    assert out.count("skipped (not for this ledger)") == 3 and "REFUSED" not in out
    assert not quarantine_dir(a).exists()


# ---- stations: the last bundle in local time, as the Sync page shows it ----
@pytest.fixture
def shanghai_time():
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_stations_prints_the_last_bundle_in_local_time(net, capsys, shanghai_time) -> None:
    sup, a, _, tmp = net
    sign_up(a, 1)
    with clock.fixed(datetime(2026, 11, 29, 2, 30, tzinfo=UTC)):
        assert import_one(sup, export(a, tmp / "usb").path).ok
    code, out, _ = run(capsys, "--db", sup.path, "--lang", "en", "stations")
    line = next(x for x in out.splitlines() if x.startswith("MZL01"))
    assert code == 0 and "last bundle 2026-11-29 10:30\t" in line, line
    code, out, _ = run(capsys, "--db", sup.path, "--json", "stations")
    row = next(r for r in json.loads(out)["stations"] if r["code"] == "MZL01")
    assert clock.parse_iso(row["last_bundle_at"]) == datetime(2026, 11, 29, 2, 30, tzinfo=UTC)
    assert row["last_bundle_at"].endswith("+00:00")


# ---- --out DIR/ is a folder, made if need be ----
def test_out_with_a_trailing_slash_is_a_folder_that_is_made(net, capsys) -> None:
    sup, a, _, tmp = net
    code, out, _ = run(capsys, "--db", a.path, "enrol-file", "--out", f"{tmp}/stick/ids/")
    assert code == 0
    assert (tmp / "stick" / "ids").is_dir()
    assert (tmp / "stick" / "ids" / "identity_MZL01.json").is_file()
    code, out, _ = run(capsys, "--db", sup.path, "trust-file", "--station", "MZL01",
                       "--out", f"{tmp}/stick/trust/")
    assert code == 0 and (tmp / "stick" / "trust" / "trust_HLB00_for_MZL01.json").is_file()
    code, out, _ = run(capsys, "--db", a.path, "--lang", "en", "backup", "--out",
                       f"{tmp}/stick/backups/")
    assert code == 0, out
    made = list((tmp / "stick" / "backups").iterdir())
    assert len(made) == 1 and made[0].name.startswith("MZL01-backup-") and str(made[0]) in out
    with zipfile.ZipFile(made[0]) as archive:
        assert "manifest.json" in archive.namelist()
    # an existing folder without the slash is a folder too; a plain name stays a file
    code, _, _ = run(capsys, "--db", a.path, "backup", "--out", tmp / "stick" / "backups")
    assert code == 0 and len(list((tmp / "stick" / "backups").iterdir())) == 2
    code, _, _ = run(capsys, "--db", a.path, "enrol-file", "--out", tmp / "stick" / "me.json")
    assert code == 0 and (tmp / "stick" / "me.json").is_file()


# ---- identity and trust files: the reason in the message's own language ----
@pytest.mark.parametrize(("content", "zh", "en"), [
    ("tamper", "签名不符，文件可能被改动过", "the signature does not match"),
    ("not json", "无法读取（不是有效的 JSON 文件）", "cannot be read (not valid JSON)"),
    ('{"format": "something-else", "version": 1}', "不是身份文件或信任文件",
     "it is not an identity or trust file"),
    ("no keys", "密钥缺失或格式不正确", "keys are missing or malformed"),
])
def test_an_invalid_identity_file_is_explained_in_one_language(net, capsys, content, zh,
                                                               en) -> None:
    sup, _, _, tmp = net
    far = new_ledger(tmp / "f" / "f.db", "XAM01", "阿巴嘎驿站")
    doc = json.loads(sync_ops.write_identity_file(far, tmp / "orig.json").read_text())
    far.close()
    bad = tmp / "identity_XAM01.json"
    if content == "tamper":
        bad.write_text(json.dumps(dict(doc, name="冒名驿站"), ensure_ascii=False))
    elif content == "no keys":
        bad.write_text(json.dumps({k: v for k, v in doc.items() if k != "box_key"}))
    else:
        bad.write_text(content)
    code, out, err = run(capsys, "--db", sup.path, "--lang", "zh_CN", "enrol", bad)
    assert code == 4 and zh in err
    english = err.replace("identity_XAM01.json", "").replace("JSON", "")
    assert not any("a" <= ch.lower() <= "z" for ch in english), err
    code, out, err = run(capsys, "--db", sup.path, "--lang", "en", "--json", "enrol", bad)
    assert code == 4 and en in json.loads(out)["error"]["message"]


def test_enrolling_from_a_bundle_takes_only_the_key_whose_fingerprint_was_confirmed(
        net) -> None:
    """The Sync page shows the bundle's fingerprint, the admin compares it with the station's
    and confirms; if the file is replaced meanwhile by one with another key, nothing is
    enrolled."""
    sup, _, _, tmp = net
    bundles = []
    for n in (1, 2):  # two stations calling themselves XAM01, each with its own key
        stranger = new_ledger(tmp / f"x{n}" / "x.db", "XAM01", "新驿站")
        link(new_ledger(":memory:", "HLB00", "某上级", supervisor=True), stranger,
             tmp / f"xids{n}")
        bundles.append(export(stranger, tmp / f"usb{n}").path)
        stranger.close()
    shown = sync_ops.bundle_signer(sup, bundles[0])
    before = ledger_hash(sup)
    outcome = import_one(sup, bundles[1], accept_unknown=shown["fingerprint"])
    assert outcome.error is not None and outcome.error.code == "sync.fingerprint_changed"
    assert ledger_hash(sup) == before
    assert sup.conn.execute("SELECT 1 FROM stations WHERE code = 'XAM01'").fetchone() is None
    assert import_one(sup, bundles[0], accept_unknown=shown["fingerprint"]).ok
    assert sup.conn.execute("SELECT fingerprint FROM stations WHERE code = 'XAM01'"
                            ).fetchone() == (shown["fingerprint"],)


def test_a_trust_that_fails_halfway_keeps_the_old_region_key(net, monkeypatch) -> None:
    """The members keep hashes made with the old key when the trust rolls back; so does the
    key file, or the next start would not find the same person twice."""
    from station_app.data.keys import REGION_KEY, KeyRing, key_dir_for

    _, a, _, tmp = net
    other = new_ledger(tmp / "o" / "o.db", "XLG00", "锡林郭勒盟总工会", supervisor=True)
    ident = sync_ops.write_identity_file(a, tmp / "ida.json")
    _, trust = sync_ops.enrol_station(other, ident, actor="o", trust_out=tmp / "t.json")
    key_file = key_dir_for(Path(a.path)) / REGION_KEY
    before = key_file.read_bytes()

    def broken(*_args: object, **_kw: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(a, "audit", broken)
    with pytest.raises(OSError):
        sync_ops.trust_supervisor(a, trust, actor="tester")
    assert key_file.read_bytes() == before and a.keys.region_key == before
    assert KeyRing.load(key_dir_for(Path(a.path))).region_key == before
    other.close()


def test_enrol_and_trust_take_only_the_key_whose_fingerprint_was_confirmed(net) -> None:
    """The Sync page reads a file, shows its fingerprint, and writes only after the admin
    confirmed it: a file replaced in between (another key) changes nothing."""
    sup, a, _, tmp = net
    newcomer = new_ledger(tmp / "n" / "n.db", "XAM02", "新驿站")
    ident = sync_ops.write_identity_file(newcomer, tmp / "id_n.json")
    with pytest.raises(BundleRefused) as caught:
        sync_ops.enrol_station(sup, ident, actor="sup", expected=sup.keys.fingerprint)
    assert caught.value.code == "sync.fingerprint_changed"
    assert sup.conn.execute("SELECT 1 FROM stations WHERE code = 'XAM02'").fetchone() is None
    _, trust = sync_ops.enrol_station(sup, ident, actor="sup", trust_out=tmp / "t_n.json",
                                      expected=newcomer.keys.fingerprint)
    with pytest.raises(BundleRefused) as caught:
        sync_ops.trust_supervisor(newcomer, trust, actor="t", expected=a.keys.fingerprint)
    assert caught.value.code == "sync.fingerprint_changed"
    assert sync_ops.trusted_supervisor(newcomer) is None
    sync_ops.trust_supervisor(newcomer, trust, actor="t", expected=sup.keys.fingerprint)
    assert sync_ops.trusted_supervisor(newcomer)["code"] == "HLB00"
    newcomer.close()
