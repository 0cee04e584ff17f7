"""The sync commands as a supervisor and an attendant would type them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from station_app.cli import main
from tests.helpers import rid


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pair(tmp_path: Path, capsys):
    sup, sta = tmp_path / "sup" / "sup.db", tmp_path / "sta" / "sta.db"
    assert run(capsys, "--db", sup, "init", "--code", "HLB00", "--name", "市总工会",
               "--supervisor")[0] == 0
    assert run(capsys, "--db", sta, "init", "--code", "MZL01", "--name", "满洲里口岸驿站")[0] == 0
    return sup, sta, tmp_path


def test_enrol_trust_export_import_return(pair, capsys) -> None:
    sup, sta, tmp = pair
    code, out, _ = run(capsys, "--db", sta, "--json", "enrol-file", "--out", tmp / "id.json")
    assert code == 0
    fingerprint = json.loads(out)["fingerprint"]
    code, out, _ = run(capsys, "--db", sup, "--lang", "en", "enrol", tmp / "id.json",
                       "--trust-out", tmp / "trust.json")
    assert code == 0 and fingerprint in out and "trust.json" in out
    # before trusting, export is refused: the ID number may only leave sealed
    code, _, err = run(capsys, "--db", sta, "--lang", "en", "export", "--out", tmp / "usb")
    assert code == 4 and "trust" in err
    assert run(capsys, "--db", sta, "trust", tmp / "trust.json")[0] == 0
    with pytest.MonkeyPatch.context() as mp:  # the ID number comes on standard input
        mp.setattr("sys.stdin", io.StringIO(rid(1) + "\n"))
        code, out, _ = run(capsys, "--db", sta, "member", "add", "--name", "张三",
                           "--id-number", "-", "--phone", "13800000001", "--worker-type",
                           "courier")
    number = out.strip()
    code, out, _ = run(capsys, "--db", sta, "--json", "export", "--out", tmp / "usb")
    assert code == 0
    written = json.loads(out)
    assert written["entry_count"] == 3 and Path(written["path"]).exists()
    assert "MZL01_e1_000001-000003" in written["path"]

    code, out, _ = run(capsys, "--db", sup, "--json", "import", "--dry-run", tmp / "usb")
    assert code == 0 and json.loads(out)["results"][0]["result"] == "dry_run"
    code, out, _ = run(capsys, "--db", sup, "--lang", "en", "import", tmp / "usb")
    assert code == 0 and "accepted" in out and "new 3" in out
    (tmp / "usb" / "junk.zip").write_bytes(b"PK\x03\x04 not really")
    code, out, _ = run(capsys, "--db", sup, "--json", "import", tmp / "usb")
    results = json.loads(out)["results"]
    assert code == 4
    assert [r["result"] for r in results] == ["duplicate", "refused"]
    assert results[1]["error"]["code"] == "sync.truncated"
    assert Path(results[1]["quarantined"]).exists() and (tmp / "usb" / "junk.zip").exists()

    code, out, _ = run(capsys, "--db", sup, "--json", "stations")
    rows = {r["code"]: r for r in json.loads(out)["stations"]}
    assert rows["MZL01"]["watermarks"] == {"1": 3} and rows["MZL01"]["gaps"] == {}
    assert rows["MZL01"]["days_since_contact"] == 0
    code, out, _ = run(capsys, "--db", sup, "--lang", "zh_CN", "stations")
    assert "满洲里口岸驿站" in out and "已登记" in out

    code, out, _ = run(capsys, "--db", sup, "--json", "return-bundle", "--station", "MZL01",
                       "--out", tmp / "ret")
    assert code == 0 and json.loads(out)["ack"] == {"1": 3}
    code, out, _ = run(capsys, "--db", sta, "--lang", "en", "import", tmp / "ret")
    assert code == 0 and "accepted" in out
    code, out, _ = run(capsys, "--db", sta, "--json", "stations")
    me = next(r for r in json.loads(out)["stations"] if r["role"] == "self")
    assert me["unacknowledged"] == 0
    # programme enrolment still works through the shared ``enrol`` command
    code, out, err = run(capsys, "--db", sta, "enrol", "--member", number, "--programme",
                         "accident_cover")
    assert code == 0, err
    assert run(capsys, "--db", sta, "enrol")[0] == 2


def test_refusal_in_chinese_with_exit_code(pair, capsys) -> None:
    sup, _, tmp = pair
    (tmp / "x.zip").write_bytes(b"")
    code, out, _ = run(capsys, "--db", sup, "--lang", "zh_CN", "import", tmp / "x.zip")
    assert code == 4 and "不完整" in out and "sync.truncated" in out
    code, _, err = run(capsys, "--db", sup, "--lang", "en", "return-bundle", "--station",
                       "NOPE1", "--out", tmp)
    assert code == 4 and "not enrolled" in err
    code, _, err = run(capsys, "--db", sup, "--lang", "zh_CN", "return-bundle", "--station",
                       "HLB00", "--out", tmp)  # the ledger's own row, chosen by mistake
    assert code == 4 and "HLB00 是本台账自己" in err and not list(tmp.glob("return_*"))
    code, _, err = run(capsys, "--db", sup, "--lang", "en", "enrol", tmp / "x.zip")
    assert code == 4 and "invalid" in err


def test_init_names_the_kind_of_ledger_it_made(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", tmp_path / "r.db", "--lang", "zh_CN", "init", "--code",
                       "NMG00", "--name", "自治区总工会", "--supervisor")
    assert code == 0 and out.startswith("已创建上级台账 NMG00 自治区总工会")


def test_stations_says_who_never_sent_and_nothing_meaningless(pair, capsys) -> None:
    """An enrolled station that never sent a bundle is named as such; the ledger's own row
    has no "days since contact", and a top ledger (nobody above it) no unacknowledged count."""
    sup, sta, tmp = pair
    assert run(capsys, "--db", sta, "enrol-file", "--out", tmp / "id.json")[0] == 0
    assert run(capsys, "--db", sup, "enrol", tmp / "id.json", "--trust-out",
               tmp / "trust.json")[0] == 0
    code, out, _ = run(capsys, "--db", sup, "--lang", "zh_CN", "stations")
    assert code == 0
    own, station = out.splitlines()[:2]
    assert own.startswith("HLB00") and "天未联系" not in own and "未确认" not in out
    assert station.startswith("MZL01") and station.endswith("尚未收到数据包")
    assert run(capsys, "--db", sta, "trust", tmp / "trust.json")[0] == 0
    code, out, _ = run(capsys, "--db", sta, "--lang", "en", "stations")
    assert "own entries not yet acknowledged: 1" in out and "— days" not in out


def test_accept_unknown_on_the_command_line_shows_the_fingerprint(tmp_path: Path, capsys) -> None:
    """As in the window: the refusal says how to enrol from the bundle, a dry run shows the key's
    fingerprint to compare by phone, the fingerprint read out can be given, and whatever was
    enrolled is named with its fingerprint."""
    from station_app.services import sync_ops

    from .kit import export, link, new_ledger

    sup = tmp_path / "sup" / "sup.db"
    assert run(capsys, "--db", sup, "init", "--code", "HLB00", "--name", "市总工会",
               "--supervisor")[0] == 0
    stranger = new_ledger(tmp_path / "s" / "s.db", "ABC01", "陌生驿站")
    link(new_ledger(":memory:", "HLB00", "另一个", supervisor=True), stranger, tmp_path / "ids")
    path = export(stranger, tmp_path / "usb").path
    stranger.close()
    code, out, _ = run(capsys, "--db", sup, "--lang", "zh_CN", "import", path)
    assert code == 4 and "import --accept-unknown" in out
    code, out, _ = run(capsys, "--db", sup, "--lang", "zh_CN", "import", "--dry-run",
                       "--accept-unknown", path)
    from station_app.data.db import open_ledger

    ledger = open_ledger(sup)
    fingerprint = sync_ops.bundle_signer(ledger, path)["fingerprint"]
    ledger.close()
    assert code == 0 and f"驿站 ABC01 陌生驿站 的公钥指纹 {fingerprint}" in out
    code, out, _ = run(capsys, "--db", sup, "--lang", "en", "import", "--accept-unknown",
                       "--fingerprint", "0000-0000", path)
    assert code == 2  # not a fingerprint at all
    code, out, _ = run(capsys, "--db", sup, "--lang", "en", "import", "--accept-unknown",
                       "--fingerprint", "0" * 32, path)
    assert code == 4 and "sync.fingerprint_changed" in out
    code, _, _ = run(capsys, "--db", sup, "import", "--fingerprint", fingerprint, path)
    assert code == 2  # only with --accept-unknown
    code, out, _ = run(capsys, "--db", sup, "--lang", "en", "import", "--accept-unknown",
                       "--fingerprint", fingerprint.lower().replace(" ", "-"), path)
    assert code == 0 and f"Enrolled station ABC01 陌生驿站 from the key in its bundle, " \
        f"fingerprint {fingerprint}" in out


def test_the_demo_can_come_with_a_supervisor_both_sides_linked(tmp_path: Path, capsys) -> None:
    """`make run`'s demo station trusts a demo supervisor, so its Sync page exports at once and
    the supervisor's window imports what it wrote."""
    station, sup = tmp_path / "demo" / "station.db", tmp_path / "demo" / "supervisor.db"
    code, out, _ = run(capsys, "--db", station, "--lang", "en", "demo", "--members", "5",
                       "--days", "3", "--supervisor-db", sup)
    assert code == 0 and "Demo supervisor's ledger (HLB00, " in out and "PIN 8642" in out
    code, out, _ = run(capsys, "--db", sup, "--json", "stations")
    assert [(s["code"], s["role"]) for s in json.loads(out)["stations"]] == [
        ("HLB00", "self"), ("MZL01", "enrolled")]
    with pytest.MonkeyPatch.context() as mp:  # the demo station has accounts: sign in
        mp.setenv("STATION_LEDGER_PIN", "8642")
        code, out, _ = run(capsys, "--db", station, "--as", "zhanzhang", "--json", "export",
                           "--out", tmp_path / "usb")
    assert code == 0, out
    code, out, _ = run(capsys, "--db", sup, "--json", "import", tmp_path / "usb")
    assert code == 0 and json.loads(out)["results"][0]["result"] == "accepted"
    code, _, _ = run(capsys, "--db", tmp_path / "again.db", "demo", "--supervisor-db", sup)
    assert code == 4  # never into a ledger that already belongs to someone, and first:
    code, out, _ = run(capsys, "--db", tmp_path / "again.db", "--json", "stations")
    assert json.loads(out)["stations"] == []  # the refused demo wrote nothing
