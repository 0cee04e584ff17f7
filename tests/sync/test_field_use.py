"""Sync as supervisors and attendants meet it in the field: a shared USB stick holding other
ledgers' files, a mistyped path, the wrong key file for --encrypt-to, the top-level ledger."""

from __future__ import annotations

import json

import pytest

from station_app.cli import main
from station_app.services import sync_ops, visits
from station_app.sync.errors import BundleRefused
from tests.helpers import sign_up

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

