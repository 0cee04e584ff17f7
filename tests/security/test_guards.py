"""Every sensitive service function checks the role of the attendant it is given, itself.

Whoever calls it — the command line, a GUI page, a future caller — an attendant without the
permission is refused with ``not_permitted``, nothing in the ledger changes, no file is written
and the refusal is in the audit log; nobody signed in on a ledger with accounts is refused with
``signin_required``; the station admin succeeds. Real file ledgers, real bundles, real backups.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from station_app.data.db import Ledger, open_ledger
from station_app.domain.errors import Refused
from station_app.services import audit, auth, backup, privacy, sync_ops
from station_app.services import reports as report_service
from tests.helpers import PROJECTION_TABLES, ledger_hash, sign_up
from tests.security.conftest import AUDITOR, add_staff, staff
from tests.sync.kit import export, link, new_ledger

# Accounts, settings and station keys live outside the entry log: compare them too.
WIDE = ("entries", *PROJECTION_TABLES, "attendants", "settings", "stations", "import_log")


@dataclass
class World:
    st: Ledger  # a station (MZL01) with a member, an admin "boss", "clerk" and "sup"
    sup: Ledger  # its supervisor (HLB00), same three accounts
    tmp: Path
    member_no: str
    bundle: Path  # the station's bundle, not yet imported at the supervisor
    other_identity: Path  # a third station's identity file, not yet enrolled
    trust: Path  # the supervisor's trust file for MZL01


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    sup = new_ledger(tmp_path / "sup" / "sup.db", "HLB00", "呼伦贝尔市总工会", supervisor=True)
    st = new_ledger(tmp_path / "st" / "st.db", "MZL01", "满洲里口岸驿站")
    other = new_ledger(tmp_path / "other" / "other.db", "MZL02", "第二驿站")
    try:
        link(sup, st, tmp_path / "ids")  # open mode: no accounts yet
        member_no = sign_up(st, 1)
        bundle = export(st, tmp_path / "usb").path
        ident = sync_ops.write_identity_file(other, tmp_path / "ids" / "id_MZL02.json")
        add_staff(st)
        add_staff(sup)
        yield World(st, sup, tmp_path, member_no, bundle, ident,
                    tmp_path / "ids" / "trust_MZL01.json")
    finally:
        other.close()
        st.close()
        sup.close()


Call = Callable[[World, Any], object]


@dataclass(frozen=True)
class Case:
    name: str
    permission: str
    on: str  # "st" or "sup": the ledger the function works on
    call: Call
    writes: str | None = None  # a file or folder (under tmp) that must not appear when refused


CASES = (
    Case("roster export", "export", "st",
         lambda w, who: report_service.export_roster(w.st, w.tmp / "out" / "roster.xlsx", "x",
                                                     attendant=who), "out"),
    Case("sync export", "export", "st",
         lambda w, who: sync_ops.export_bundle(w.st, w.tmp / "out", actor="x", attendant=who),
         "out"),
    Case("return bundle", "export", "sup",
         lambda w, who: sync_ops.return_bundle(w.sup, "MZL01", w.tmp / "out", actor="x",
                                               attendant=who), "out"),
    Case("sync import", "import", "sup",
         lambda w, who: sync_ops.import_bundles(w.sup, [w.bundle], actor="x", attendant=who)),
    Case("sync import, dry run", "import", "sup",
         lambda w, who: sync_ops.import_bundles(w.sup, [w.bundle], actor="x", dry_run=True,
                                                attendant=who)),
    Case("enrol a station", "settings", "sup",
         lambda w, who: sync_ops.enrol_station(w.sup, w.other_identity, actor="x",
                                               trust_out=w.tmp / "out", attendant=who), "out"),
    Case("trust file again", "settings", "sup",
         lambda w, who: sync_ops.trust_file(w.sup, "MZL01", w.tmp / "out.json", actor="x",
                                            attendant=who), "out.json"),
    Case("trust the supervisor", "settings", "st",
         lambda w, who: sync_ops.trust_supervisor(w.st, w.trust, actor="x", attendant=who)),
    Case("revoke a station", "settings", "sup",
         lambda w, who: sync_ops.revoke_station(w.sup, "MZL01", actor="x", reason="stolen",
                                                attendant=who)),
    Case("backup to a file", "backup", "st",
         lambda w, who: backup.write_backup(w.st, w.tmp / "out" / "b.zip", by="x",
                                            attendant=who), "out"),
    Case("backup now", "backup", "st",
         lambda w, who: backup.auto_backup(w.st, "manual", by="x", attendant=who),
         "st/st.backups"),
    Case("reveal an ID number", "reveal", "st",
         lambda w, who: privacy.reveal(w.st, w.member_no, "card lost", attendant=who,
                                       actor="x")),
    Case("retention setting", "settings", "st",
         lambda w, who: privacy.set_retention_years(w.st, 5, by="x", attendant=who)),
    Case("idle-lock setting", "settings", "st",
         lambda w, who: auth.set_idle_minutes(w.st, 9, by="x", attendant=who)),
    Case("add an account", "attendants", "st",
         lambda w, who: auth.create_attendant(w.st, "newbie", "2468", by="x", attendant=who)),
    Case("disable an account", "attendants", "st",
         lambda w, who: auth.set_disabled(w.st, "sup", True, by="x", attendant=who)),
    Case("set a PIN", "attendants", "st",
         lambda w, who: auth.set_secret(w.st, "sup", "9753", by="x", attendant=who)),
    Case("unlock an account", "attendants", "st",
         lambda w, who: auth.unlock(w.st, "sup", by="x", attendant=who)),
    Case("read the audit log", "audit", "st",
         lambda w, who: audit.rows(w.st, 10, attendant=who, by="x")),
    Case("report export", "reports", "st",
         lambda w, who: report_service.export_report(
             w.st, date(2026, 11, 1), date(2026, 11, 30), "xlsx", w.tmp / "out" / "r.xlsx",
             attendant=who, actor="x"), "out"),
    Case("retention run by hand", "settings", "st",
         lambda w, who: privacy.apply_retention(w.st, by="x", attendant=who)),
)
IDS = [c.name for c in CASES]


def _ledger(w: World, case: Case) -> Ledger:
    return w.st if case.on == "st" else w.sup


def _files(w: World, case: Case) -> bool:
    return case.writes is not None and (w.tmp / case.writes).exists() and any(
        (w.tmp / case.writes).iterdir() if (w.tmp / case.writes).is_dir() else [True])


def _last_audit(ledger: Ledger) -> audit.AuditRow:
    return audit.rows(ledger, 1, attendant=AUDITOR)[0]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_an_attendant_without_the_permission_is_refused(world: World, case: Case) -> None:
    ledger = _ledger(world, case)
    clerk = staff(ledger, "clerk")
    assert not clerk.can(case.permission)
    before = ledger_hash(ledger, WIDE)
    with pytest.raises(Refused) as err:
        case.call(world, clerk)
    assert err.value.code == "not_permitted"
    assert err.value.params["permission"] == case.permission
    assert ledger_hash(ledger, WIDE) == before
    assert not _files(world, case)
    row = _last_audit(ledger)
    assert (row.actor, row.action, row.subject, row.outcome) == (
        "clerk", audit.DENIED, case.permission, "denied")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_nobody_signed_in_is_refused_once_accounts_exist(world: World, case: Case) -> None:
    ledger = _ledger(world, case)
    before = ledger_hash(ledger, WIDE)
    with pytest.raises(Refused) as err:
        case.call(world, None)
    assert err.value.code == "signin_required"
    assert ledger_hash(ledger, WIDE) == before
    assert not _files(world, case)
    row = _last_audit(ledger)
    assert (row.actor, row.action, row.subject, row.outcome) == (
        "x", audit.DENIED, case.permission, "denied")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_station_admin_may(world: World, case: Case) -> None:
    ledger = _ledger(world, case)
    case.call(world, staff(ledger, "boss"))
    assert _last_audit(ledger).outcome != "denied"


def test_a_supervisor_role_may_export_and_import_but_not_change_trust(world: World) -> None:
    sup_role = staff(world.sup, "sup")
    outcomes = sync_ops.import_bundles(world.sup, [world.bundle], actor="sup",
                                       attendant=sup_role)
    assert [o.result for o in outcomes] == ["accepted"]
    sync_ops.return_bundle(world.sup, "MZL01", world.tmp / "ret", actor="sup",
                           attendant=sup_role)
    with pytest.raises(Refused) as err:
        sync_ops.revoke_station(world.sup, "MZL01", actor="sup", reason="x",
                                attendant=sup_role)
    assert err.value.code == "not_permitted"
    # Taking an unknown station's key from its bundle is enrolling it: the admin's call.
    before = ledger_hash(world.sup)
    with pytest.raises(Refused) as err:
        sync_ops.import_bundles(world.sup, [world.bundle], actor="sup", accept_unknown=True,
                                attendant=sup_role)
    assert err.value.code == "not_permitted"
    assert ledger_hash(world.sup) == before


def test_an_account_disabled_after_signing_in_is_refused_at_once(world: World) -> None:
    signed_in = auth.authenticate(world.st, "sup", "sup-pass-1")  # may export
    auth.set_disabled(world.st, "sup", True, by="boss", attendant=staff(world.st, "boss"))
    with pytest.raises(Refused) as err:
        report_service.export_roster(world.st, world.tmp / "r.xlsx", "sup", attendant=signed_in)
    assert err.value.code == "not_permitted"
    assert not (world.tmp / "r.xlsx").exists()


def test_a_forged_role_does_not_help(world: World) -> None:
    """The role is read from the ledger, not taken from the object the caller hands in."""
    from dataclasses import replace

    forged = replace(staff(world.st, "clerk"), role="admin")
    with pytest.raises(Refused) as err:
        privacy.reveal(world.st, world.member_no, "curious", attendant=forged, actor="clerk")
    assert err.value.code == "not_permitted"


def test_a_trusted_caller_is_not_checked_and_open_mode_allows_everything(
        world: World, fresh_db: Ledger) -> None:
    written = sync_ops.export_bundle(world.st, world.tmp / "bench", actor="bench",
                                     attendant=auth.TrustedCaller("bench"))
    assert written.path.exists()
    # A ledger before the first-run setup: nobody to sign in, everything allowed.
    privacy.set_retention_years(fresh_db, 4, by="os-user")
    assert privacy.retention_years(fresh_db) == 4


def _hash_file(path: Path) -> str:
    ledger = open_ledger(path)
    try:
        return ledger_hash(ledger, WIDE)
    finally:
        ledger.close()


def test_restore_over_a_healthy_ledger_needs_the_restore_permission(world: World) -> None:
    boss = staff(world.st, "boss")
    made = backup.write_backup(world.st, world.tmp / "keep" / "b.zip", by="boss", attendant=boss)
    path = Path(world.st.path)
    world.st.close()
    probe = open_ledger(path)
    try:
        sup_role = staff(probe, "sup")  # may back up, may not restore
    finally:
        probe.close()
    for who, code in ((sup_role, "not_permitted"), (None, "signin_required")):
        before = _hash_file(path)
        with pytest.raises(Refused) as err:
            backup.restore(made.path, path, by="someone", attendant=who)
        assert err.value.code == code
        assert _hash_file(path) == before  # the same ledger, same epoch: not replaced
        assert [b.kind for b in backup.list_backups(path)] == []  # not even set aside
    check = open_ledger(path)
    try:
        denied = audit.rows(check, 2, action=audit.DENIED, attendant=AUDITOR)
        assert {(r.subject, r.outcome) for r in denied} == {("restore", "denied")}
        epoch = check.epoch
        admin = staff(check, "boss")
    finally:
        check.close()
    restored = backup.restore(made.path, path, by="boss", attendant=admin)
    try:
        assert restored.epoch > epoch
    finally:
        restored.close()
    world.st = open_ledger(path)  # the fixture closes it


def test_restore_of_a_damaged_ledger_needs_nobody(world: World) -> None:
    """Nobody can sign in to a damaged ledger: restoring it stays open to whoever is there."""
    made = backup.write_backup(world.st, world.tmp / "keep" / "b.zip", by="boss",
                               attendant=staff(world.st, "boss"))
    path = Path(world.st.path)
    world.st.close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.write_bytes(b"not a database" * 100)
    world.st = backup.restore(made.path, path, by="startup-restore", attendant=None)
    assert world.st.conn.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 1


def test_the_cli_refusal_audit_is_unchanged(world: World) -> None:
    """The service writes the same denial row the command line always wrote."""
    clerk = staff(world.st, "clerk")
    with pytest.raises(Refused):
        report_service.export_roster(world.st, world.tmp / "r.xlsx", "clerk", attendant=clerk)
    row = _last_audit(world.st)
    assert (row.actor, row.action, row.subject, row.outcome, row.detail) == (
        "clerk", "denied", "export", "denied", {"role": "attendant"})


def test_the_ui_never_uses_the_trusted_caller() -> None:
    """The GUI always hands the signed-in attendant to the services, never a bypass."""
    ui = Path(__file__).resolve().parents[2] / "station_app" / "ui"
    for source in ui.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        for name in ("TrustedCaller", "AUTOMATIC"):
            assert name not in text, f"{source.name} names auth.{name}"
