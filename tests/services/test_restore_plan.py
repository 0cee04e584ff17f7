"""What a restore would do, said before it is done — and then done exactly so."""

from __future__ import annotations

from pathlib import Path

import pytest

from station_app.domain.errors import Refused
from station_app.services import auth, backup, restore_plan, visits
from tests.helpers import ledger_hash, sign_up
from tests.sync.kit import export, link, new_ledger

TRUSTED = auth.TrustedCaller("tests")


def test_the_plan_counts_what_would_be_lost_and_the_restore_does_just_that(
        tmp_path: Path) -> None:
    sup = new_ledger(tmp_path / "sup" / "sup.db", "HLB00", "呼伦贝尔市总工会", supervisor=True)
    station = new_ledger(tmp_path / "a" / "a.db", "MZL01", "满洲里口岸驿站")
    try:
        link(sup, station, tmp_path / "ids")
        first = sign_up(station, 1)
        visits.record_visit(station, ["water"], by="t", member=first)
        made = backup.write_backup(station, tmp_path / "before.zip", attendant=TRUSTED)
        top = station.conn.execute("SELECT MAX(seq) FROM entries WHERE station = 'MZL01'"
                                   ).fetchone()[0]
        second = sign_up(station, 2)  # after the backup, then exported
        sent = export(station, tmp_path / "usb")
        visits.record_visit(station, ["rest"], by="t", member=second)  # never exported
        made_after = station.conn.execute(
            "SELECT COUNT(*) FROM entries WHERE station = 'MZL01' AND seq > ?", (top,)
        ).fetchone()[0]

        plan = restore_plan.plan(made.path, station)
        assert (plan.station, plan.here, plan.station_name) == ("MZL01", "MZL01", "满洲里口岸驿站")
        assert plan.in_backup.members == 1 and plan.now.members == 2
        assert plan.in_backup.visits == 1 and plan.now.visits == 2
        assert plan.made_after == made_after
        assert plan.exported_after == made_after - 1  # all but the last visit were in a bundle
        assert plan.members_after == 1  # the second sign-up: its number is unknown afterwards
        assert sent.entry_count >= plan.exported_after
        assert plan.new_epoch == 2 and plan.keys == "plain" and not plan.supervisor
        assert plan.set_aside_in == backup.backup_dir(station.path)

        path = Path(station.path)
        station.close()
        station = backup.restore(made.path, path, attendant=TRUSTED)
        assert station.epoch == plan.new_epoch
        assert station.conn.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 1
        assert station.conn.execute("SELECT COUNT(*) FROM visits WHERE voided = 0"
                                    ).fetchone()[0] == plan.in_backup.visits
        assert [b.kind for b in backup.list_backups(path)] == ["pre-restore"]
        assert plan.set_aside_in == backup.list_backups(path)[0].path.parent
    finally:
        station.close()
        sup.close()


def test_the_plan_refuses_what_the_restore_would_refuse_and_writes_nothing(
        tmp_path: Path) -> None:
    station = new_ledger(tmp_path / "a" / "a.db", "MZL01", "满洲里口岸驿站")
    other = new_ledger(tmp_path / "b" / "b.db", "EEH01", "二连浩特驿站")
    try:
        sign_up(station, 1)
        sealed = backup.write_backup(station, tmp_path / "sealed.zip",
                                     passphrase="correct horse", attendant=TRUSTED)
        foreign = backup.write_backup(other, tmp_path / "foreign.zip", attendant=TRUSTED)
        damaged = tmp_path / "damaged.zip"
        data = bytearray(backup.write_backup(station, tmp_path / "ok.zip",
                                             attendant=TRUSTED).path.read_bytes())
        data[len(data) // 2: len(data) // 2 + 64] = b"\0" * 64
        damaged.write_bytes(bytes(data))
        before = ledger_hash(station)

        with pytest.raises(Refused) as caught:
            restore_plan.plan(sealed.path, station)
        assert caught.value.code == "backup_passphrase"
        with pytest.raises(Refused) as caught:
            restore_plan.plan(sealed.path, station, "wrong horse")
        assert caught.value.code == "backup_passphrase"
        assert restore_plan.plan(sealed.path, station, "correct horse").keys == "encrypted"
        with pytest.raises(Refused) as caught:
            restore_plan.plan(foreign.path, station)
        assert caught.value.code == "restore_other_station"
        assert caught.value.params["found"] == "EEH01"
        with pytest.raises(Refused) as caught:
            restore_plan.plan(damaged, station)
        assert caught.value.code in ("backup_invalid", "backup_damaged")
        assert ledger_hash(station) == before
        assert not list(tmp_path.glob("a/.restore-*"))  # the unpacked copies are gone
    finally:
        station.close()
        other.close()
