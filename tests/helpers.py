"""Test helpers: valid resident IDs, sign-ups, and a content hash of a whole ledger."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

from station_app.data.db import Ledger
from station_app.domain import resident_id
from station_app.services import members

PROJECTION_TABLES = ("members", "visits", "relief", "relief_goods", "enrolments", "transfers",
                     "cards", "services", "campaigns", "voids", "corrections", "member_keys",
                     "rep_visit_cells", "rep_service_cells", "rep_member_days")


def services_given(ledger: Ledger) -> list[str]:
    """Every service recorded on a visit projection, one per visit, sorted."""
    return [r[0] for r in ledger.conn.execute(
        "SELECT s.value FROM visits v, json_each(v.services) s ORDER BY 1")]


def rid(n: int, born: date = date(1990, 5, 17), area: str = "150781") -> str:
    """The n-th valid resident ID number (n < 1000)."""
    return resident_id.make(area, born, n)


def sign_up(ledger: Ledger, n: int, name: str = "张三", worker: str = "delivery_rider",
            phone: str | None = None, born: date = date(1990, 5, 17)) -> str:
    form = members.SignUp(name=name, id_number=rid(n, born), phone=phone or f"138{n:08d}",
                          worker_type=worker, employer="美团")
    return members.sign_up_member(ledger, form, by="tester").member_no


def ledger_hash(ledger: Ledger, tables: tuple[str, ...] = ("entries", *PROJECTION_TABLES)) -> str:
    """SHA-256 over every row of the given tables in a fixed order: equal ledgers hash equal."""
    digest = hashlib.sha256()
    for table in tables:
        cols = [r[1] for r in ledger.conn.execute(f"PRAGMA table_info({table})")]
        for row in ledger.conn.execute(f"SELECT * FROM {table} ORDER BY {', '.join(cols)}"):
            digest.update(repr((table, row)).encode())
    return digest.hexdigest()


def run_cli(capsys: Any, monkeypatch: Any, db: Path, *argv: str, stdin: str = "",
            pin: str | None = None) -> tuple[int, str, str]:
    """``station-ledger --lang en --db DB ARGV`` as typed at a terminal: ``stdin`` on standard
    input, ``pin`` in STATION_LEDGER_PIN (none when None); (exit code, stdout, stderr)."""
    import io

    from station_app.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    if pin is None:
        monkeypatch.delenv("STATION_LEDGER_PIN", raising=False)
    else:
        monkeypatch.setenv("STATION_LEDGER_PIN", pin)
    code = main(["--lang", "en", "--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err
