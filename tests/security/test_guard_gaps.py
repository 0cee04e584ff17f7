"""The last three use cases that were open to anyone: reading the audit log, exporting a report,
and anonymising members (the retention rule) — each now checks the role itself.

The table-driven refusals of every guarded function are in ``test_guards.py``; these tests
show what a user would notice: a refused run changes nothing that matters (a member who is due
keeps their name, no report file appears), the role that may do it succeeds, the automatic
retention run needs nobody, and open mode works as for every other guarded function.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from station_app.data import queries
from station_app.data.db import Ledger, open_ledger
from station_app.domain import clock
from station_app.domain.errors import Refused
from station_app.services import audit, auth, members, privacy, visits
from station_app.services import reports as report_service
from tests.conftest import CST
from tests.helpers import PROJECTION_TABLES, ledger_hash, sign_up
from tests.helpers import run_cli as _run
from tests.security.conftest import ADMIN_PIN, AUDITOR, CLERK_PIN, MovableClock, add_staff, staff

WIDE = ("entries", *PROJECTION_TABLES, "attendants", "settings", "stations")
NOV = (date(2026, 11, 1), date(2026, 11, 30))


def _due_member(ledger: Ledger, movable_clock: MovableClock) -> str:
    """A member who withdrew two years ago on a ledger that keeps data for one year."""
    number = sign_up(ledger, 31, name="吴十")
    visits.record_visit(ledger, ["water"], by="t", member=number)
    members.withdraw_member(ledger, number, "moved away", by="t")
    privacy.set_retention_years(ledger, 1, by="boss", attendant=staff(ledger, "boss"))
    movable_clock.advance(days=365 * 2)
    assert [d.member_no for d in privacy.due_for_anonymisation(ledger)] == [number]
    return number


def _denied(ledger: Ledger) -> list[tuple[str, str]]:
    return [(r.actor, r.subject) for r in audit.rows(ledger, 50, action=audit.DENIED,
                                                     attendant=AUDITOR)]


def test_a_retention_run_by_hand_needs_the_settings_permission(
        staffed: Ledger, movable_clock: MovableClock) -> None:
    number = _due_member(staffed, movable_clock)
    before = ledger_hash(staffed, WIDE)
    for who, code in ((staff(staffed, "clerk"), "not_permitted"),
                      (staff(staffed, "sup"), "not_permitted"), (None, "signin_required")):
        with pytest.raises(Refused) as err:
            privacy.apply_retention(staffed, by="someone", attendant=who)
        assert err.value.code == code
        with pytest.raises(Refused) as err:  # one member by hand: the same rule
            privacy.anonymise(staffed, number, "asked", by="someone", attendant=who)
        assert err.value.code == code
    assert ledger_hash(staffed, WIDE) == before
    assert queries.get_member(staffed, number).name == "吴十"  # still there
    assert _denied(staffed) == [("someone", "settings")] * 2 + [("sup", "settings")] * 2 + [
        ("clerk", "settings")] * 2

    assert privacy.apply_retention(staffed, by="boss",
                                   attendant=staff(staffed, "boss")) == [number]
    assert queries.get_member(staffed, number).name == ""
    row = audit.last(staffed, audit.RETENTION)
    assert row is not None and row.actor == "boss" and row.detail["count"] == 1


def test_the_automatic_retention_run_needs_nobody(staffed: Ledger,
                                                  movable_clock: MovableClock) -> None:
    number = _due_member(staffed, movable_clock)
    assert privacy.retention_if_due(staffed) == [number]
    assert queries.get_member(staffed, number).name == ""
    row = audit.last(staffed, audit.RETENTION)
    assert row is not None and row.actor == "retention"
    assert _denied(staffed) == []
    assert privacy.retention_if_due(staffed) == []  # nothing left to do


def test_reading_the_audit_log_needs_the_audit_permission(staffed: Ledger) -> None:
    before = ledger_hash(staffed, WIDE)
    with pytest.raises(Refused) as err:
        audit.rows(staffed, attendant=staff(staffed, "clerk"), by="clerk")
    assert (err.value.code, err.value.params["permission"]) == ("not_permitted", "audit")
    with pytest.raises(Refused) as err:
        audit.rows(staffed, attendant=None, by="nobody")
    assert err.value.code == "signin_required"
    assert ledger_hash(staffed, WIDE) == before
    # A supervisor may read it, refusals included (the refusal is itself in the log).
    seen = audit.rows(staffed, 10, attendant=staff(staffed, "sup"), by="sup")
    assert [(r.actor, r.subject, r.outcome) for r in seen[:2]] == [
        ("nobody", "audit", "denied"), ("clerk", "audit", "denied")]
    assert audit.rows(staffed, 1, actor="boss", attendant=staff(staffed, "boss"))[0].actor == "boss"


def test_a_report_export_needs_the_reports_permission(staffed: Ledger, tmp_path: Path) -> None:
    with clock.fixed(datetime(2026, 11, 3, 10, tzinfo=CST)):
        visits.record_visit(staffed, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    out = tmp_path / "out" / "november.xlsx"
    before = ledger_hash(staffed, WIDE)
    for who, code in ((staff(staffed, "clerk"), "not_permitted"), (None, "signin_required")):
        with pytest.raises(Refused) as err:
            report_service.export_report(staffed, *NOV, "xlsx", out, attendant=who, actor="x")
        assert err.value.code == code
    assert not out.exists() and not out.parent.exists()
    assert ledger_hash(staffed, WIDE) == before
    assert _denied(staffed) == [("x", "reports"), ("clerk", "reports")]
    # A supervisor may (reports are theirs): a real workbook with the month's visit.
    data = report_service.export_report(staffed, *NOV, "xlsx", out, lang="en",
                                        attendant=staff(staffed, "sup"), actor="sup")
    assert out.read_bytes() == data
    assert openpyxl.load_workbook(out).sheetnames
    figures = json.loads(report_service.export_report(
        staffed, *NOV, "json", None, attendant=staff(staffed, "boss")).decode("utf-8-sig"))
    assert {r["code"]: r["value"] for r in figures["tables"]["summary"]["rows"]}["visits"] == 1
    # To standard output (no file): the same check.
    with pytest.raises(Refused):
        report_service.export_report(staffed, *NOV, "json", None,
                                     attendant=staff(staffed, "clerk"))


def test_open_mode_allows_all_three_as_for_every_guarded_function(
        fresh_db: Ledger, tmp_path: Path, movable_clock: MovableClock) -> None:
    assert not auth.has_attendants(fresh_db)
    number = sign_up(fresh_db, 40, name="郑十一")
    members.withdraw_member(fresh_db, number, "left", by="os-user")
    privacy.set_retention_years(fresh_db, 1, by="os-user")
    movable_clock.advance(days=800)
    assert privacy.apply_retention(fresh_db, by="os-user", attendant=None) == [number]
    data = report_service.export_report(fresh_db, *NOV, "json", tmp_path / "r.json",
                                        attendant=None, actor="os-user")
    assert json.loads(data.decode("utf-8-sig"))["meta"]["stations"] == ["MZL01"]
    found = audit.rows(fresh_db, 5, attendant=None, by="os-user")
    assert [r.action for r in found[:2]] == [audit.EXPORT, audit.RETENTION]
    assert audit.rows(fresh_db, 50, action=audit.DENIED, attendant=None) == []


# ---- the command line ----


def test_the_report_and_retention_commands_sign_in_first(
        ledger_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    ledger = open_ledger(ledger_path)
    try:
        add_staff(ledger)
    finally:
        ledger.close()
    out = tmp_path / "nov.xlsx"
    report = ("report", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out))
    code, _, err = _run(capsys, monkeypatch, ledger_path, *report)
    assert code == 4 and "--as USER" in err  # the command line's own sentence
    code, _, err = _run(capsys, monkeypatch, ledger_path, "--as", "clerk", *report,
                        pin=CLERK_PIN)
    assert code == 4 and "may not do this: see and export reports" in err and not out.exists()
    code, _, err = _run(capsys, monkeypatch, ledger_path, "--as", "sup", *report,
                        pin="sup-pass-1")
    assert code == 0, err
    assert openpyxl.load_workbook(out).sheetnames

    code, _, err = _run(capsys, monkeypatch, ledger_path, "--as", "sup", "retention",
                        "--apply", pin="sup-pass-1")
    assert code == 4 and "may not do this: change settings" in err
    code, out_text, err = _run(capsys, monkeypatch, ledger_path, "--as", "boss", "--json",
                               "retention", "--apply", pin=ADMIN_PIN)
    assert code == 0, err
    assert json.loads(out_text) == {"years": 0, "anonymised": []}
    check = open_ledger(ledger_path)
    try:
        denied = _denied(check)
    finally:
        check.close()
    # The OS user asked first (no --as), then the clerk, then the supervisor: newest first.
    assert [subject for _, subject in denied] == ["settings", "reports", "reports"]
    assert [actor for actor, _ in denied[:2]] == ["sup", "clerk"]
