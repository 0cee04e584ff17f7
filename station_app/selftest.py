"""``station-app --selftest``: prove an installed (frozen) build works end to end, in a temp folder.

Each check prints one line, ``ok  <name> (<seconds> s)`` or ``FAIL <name>: <reason>``, and the run
returns 0 only when every check passed. Nothing outside a fresh temporary directory is touched:
``STATION_LEDGER_HOME`` points there while the checks run, so the per-user ledger, the UI settings
file and the logs of the real installation are left alone.

The checks, in order:

``ledger``  a new station ledger (migrations, keys, first entry)
``member``  a real-name sign-up (resident ID sealed with AES-GCM, keyed hash)
``visit``   one visit with two services
``card``    the member's card rendered to a PNG file with the shipped CJK font and a signed QR
``sync``    a supervisor enrols the station, the station exports a signed, encrypted bundle, the
            supervisor imports it (the member arrives) and imports it again (nothing changes)
``window``  the main window built offscreen (``QT_QPA_PLATFORM=offscreen``), shown and closed

A windowed Windows build has no console, so ``--selftest-out FILE`` also writes the lines to FILE.
"""

from __future__ import annotations

import contextlib
import datetime
import importlib
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
STATION = "TST01"
SUPERVISOR = "SUP01"


class CheckFailed(Exception):
    """A check ran but its result was wrong."""


class _State:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.ledger: Any = None
        self.member_no = ""
        self.shown_at: float | None = None


def _check(condition: bool, reason: str) -> None:
    if not condition:
        raise CheckFailed(reason)


# ---- the checks ----------------------------------------------------------------------------

def check_ledger(st: _State) -> str:
    from .data import queries
    from .services import station

    st.ledger = station.open_station(st.root / "station" / "station.db", create=True)
    station.init_station(st.ledger, code=STATION, name="自检驿站", league="自检总工会",
                         by="selftest")
    _check(st.ledger.station_code == STATION, f"station code is {st.ledger.station_code!r}")
    _check(len(queries.services(st.ledger)) > 0, "no services seeded")
    return ""


def check_member(st: _State) -> str:
    from .domain import resident_id
    from .services import members

    number = resident_id.make("150781", datetime.date(1990, 5, 17), 7)
    form = members.SignUp(name="张自检", id_number=number, phone="13800000007",
                          worker_type="delivery_rider", employer="自检平台")
    member = members.sign_up_member(st.ledger, form, by="selftest")
    st.member_no = member.member_no
    row = st.ledger.conn.execute("SELECT body, sealed FROM entries WHERE kind = 'member.signup'"
                                 ).fetchone()
    _check(row is not None and row[1] is not None, "sign-up entry has no sealed ID")
    _check(number not in row[0], "the resident ID number is stored in plain text")
    _check(members.reveal_id_number(st.ledger, member.member_no) == number,
           "sealed ID does not open")
    return member.member_no


def check_visit(st: _State) -> str:
    from .services import visits

    visits.record_visit(st.ledger, ["water", "charge"], by="selftest", member=st.member_no)
    count = st.ledger.conn.execute("SELECT count(*) FROM visits").fetchone()[0]
    _check(count == 1, f"{count} visits projected")
    return ""


def check_card(st: _State) -> str:
    from . import cards, resources
    from .services import cards as card_service

    _check(resources.font_path().is_file(), f"font missing: {resources.font_path()}")
    card = card_service.card_data(st.ledger, st.member_no)
    _check(card.name == "张自检" and card.member_no == st.member_no, f"card shows {card.name!r}")
    payload = card.payload
    out = st.root / "card.png"
    out.write_bytes(cards.card_png(card, with_back=True))
    data = out.read_bytes()
    _check(data.startswith(PNG_MAGIC), "card file is not a PNG")
    _check(len(data) > 10_000, f"card PNG is only {len(data)} bytes")
    parsed = cards.parse_payload(payload)
    _check(cards.verify_payload(parsed, st.ledger.keys.signing.public_key()),
           "QR payload signature does not verify")
    return f"{len(data) // 1024} KiB"


def check_sync(st: _State) -> str:
    from .data import queries
    from .services import auth, station, sync_ops

    me = auth.TrustedCaller("selftest")  # the self-test's own fresh ledgers, nobody signed in
    work = st.root / "sync"
    work.mkdir()
    sup = station.open_station(st.root / "supervisor" / "supervisor.db", create=True)
    try:
        station.init_station(sup, code=SUPERVISOR, name="自检盟市总工会", supervisor=True,
                             by="selftest")
        ident = sync_ops.write_identity_file(st.ledger, work)
        _, trust = sync_ops.enrol_station(sup, ident, actor="selftest", trust_out=work,
                                          attendant=me)
        sync_ops.trust_supervisor(st.ledger, trust, actor="selftest", attendant=me)
        written = sync_ops.export_bundle(st.ledger, work, actor="selftest", attendant=me)
        _check(written.path.is_file() and written.entry_count >= 3,
               f"bundle has {written.entry_count} entries")
        first = sync_ops.import_bundles(sup, [written.path], actor="selftest", attendant=me)
        _check(len(first) == 1 and first[0].ok and first[0].result == "accepted",
               f"import: {[o.to_json() for o in first]}")
        _check(queries.find_member(sup, st.member_no) is not None,
               "member did not arrive at the supervisor")
        visits = sup.conn.execute("SELECT count(*) FROM visits").fetchone()[0]
        _check(visits == 1, f"supervisor has {visits} visits")
        again = sync_ops.import_bundles(sup, [written.path], actor="selftest", attendant=me)
        _check(len(again) == 1 and again[0].ok and again[0].new == 0,
               f"re-import: {[o.to_json() for o in again]}")
        return f"{written.entry_count} entries, {written.size} bytes"
    finally:
        sup.close()


def _qapplication() -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "station-app"])
    return app


class _Errors(logging.Handler):
    """Collects ERROR records (a page that failed to build is logged, not raised)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            text += f": {type(exc).__name__}: {exc}"
        self.messages.append(text)


def _dispose(*objects: Any) -> None:
    """Delete Qt objects now: without a running event loop (in-process runs, tests),
    ``deleteLater`` alone would leave the pages and their timers alive after the ledger closed."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for obj in objects:
        obj.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def check_window(st: _State) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _qapplication()
    from .ui import i18n
    from .ui.context import AppContext
    from .ui.main_window import MainWindow
    from .ui.pages import PAGES

    for page in PAGES:  # hidden pages too: a module missing from the build shows up here
        importlib.import_module(page.module)
    families = i18n.register_fonts(app)
    translations = i18n.translation_files("zh_CN")
    _check(bool(translations), "no Chinese translations (*_zh_CN.qm) in resources/i18n")
    lang = i18n.install("zh_CN")
    ctx = AppContext(st.ledger.path, st.ledger, lang=lang, actor="selftest")
    errors = _Errors()
    logging.getLogger("station_app").addHandler(errors)
    try:
        window = MainWindow(ctx)
    finally:
        logging.getLogger("station_app").removeHandler(errors)
    try:
        window.show()
        app.processEvents()
        _check(not errors.messages, "; ".join(errors.messages))
        _check(window.isVisible(), "main window is not visible")
        _check("counter" in window.pages, "the counter page is missing")
        st.shown_at = process_age()
        tabs = window.tabs.count()
    finally:
        window.close()
        app.processEvents()
        closed = not window.isVisible()
        _dispose(window, ctx)
    _check(closed, "main window did not close")
    _check(bool(families), "the shipped font did not load")
    return f"{tabs} pages, {len(translations)} translations, {app.platformName()}"


CHECKS: list[tuple[str, Callable[[_State], str]]] = [
    ("ledger", check_ledger),
    ("member", check_member),
    ("visit", check_visit),
    ("card", check_card),
    ("sync", check_sync),
    ("window", check_window),
]
"""Later checks need earlier ones: after a failure the rest are reported as skipped."""


# ---- running --------------------------------------------------------------------------------

def process_age() -> float | None:
    """Seconds since this process was created (the frozen bootloader included), if known."""
    try:
        if sys.platform.startswith("linux"):
            ticks = os.sysconf("SC_CLK_TCK")
            stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
            started = int(stat[19]) / ticks
            uptime = float(Path("/proc/uptime").read_text().split()[0])
            return max(0.0, uptime - started)
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            k32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            k32.GetCurrentProcess.restype = wintypes.HANDLE
            k32.GetProcessTimes.argtypes = [wintypes.HANDLE] + [
                ctypes.POINTER(wintypes.FILETIME)] * 4
            times = [wintypes.FILETIME() for _ in range(4)]
            if not k32.GetProcessTimes(k32.GetCurrentProcess(),
                                       *(ctypes.byref(t) for t in times)):
                return None
            now = wintypes.FILETIME()
            k32.GetSystemTimeAsFileTime(ctypes.byref(now))

            def value(ft: Any) -> int:
                return (int(ft.dwHighDateTime) << 32) | int(ft.dwLowDateTime)

            age = (value(now) - value(times[0])) / 1e7
            return age if 0 <= age < 3600 else None
    except Exception:
        return None
    return None


@contextlib.contextmanager
def _isolated_home(root: Path) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in ("STATION_LEDGER_HOME", "STATION_LEDGER_DB")}
    os.environ["STATION_LEDGER_HOME"] = str(root / "home")
    os.environ.pop("STATION_LEDGER_DB", None)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_selftest(out: TextIO | None = None, *, out_file: Path | str | None = None,
                 only: list[str] | None = None) -> int:
    """Run the checks; print one line each to ``out`` (and ``out_file``). 0 when all pass.

    ``only`` runs a subset (``["ledger", "window"]`` measures the start to the main window).
    """
    stream = out if out is not None else sys.stdout
    lines: list[str] = []
    names = [name for name, _ in CHECKS]
    unknown = sorted(set(only or ()) - set(names))
    if unknown:
        raise ValueError(f"unknown checks: {', '.join(unknown)} (known: {', '.join(names)})")
    chosen = [(n, fn) for n, fn in CHECKS if not only or n in only]

    def emit(line: str) -> None:
        lines.append(line)
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.write(line + "\n")
                stream.flush()

    from . import __version__

    build = "frozen" if getattr(sys, "frozen", False) else "source"
    emit(f"Station Ledger {__version__} self-test ({build}, Python {sys.version.split()[0]},"
         f" {sys.platform})")
    failed = 0
    with tempfile.TemporaryDirectory(prefix="station-selftest-") as tmp, \
            _isolated_home(Path(tmp)):
        st = _State(Path(tmp))
        try:
            for name, check in chosen:
                if failed:
                    emit(f"FAIL {name}: skipped after an earlier failure")
                    failed += 1
                    continue
                started = time.perf_counter()
                try:
                    detail = check(st)
                except Exception as exc:  # every failure becomes one readable line
                    failed += 1
                    reason = str(exc) or type(exc).__name__
                    emit(f"FAIL {name}: {type(exc).__name__}: {reason}"[:500])
                    continue
                took = time.perf_counter() - started
                emit(f"ok  {name} ({took:.2f} s{', ' + detail if detail else ''})")
        finally:
            if st.ledger is not None:
                with contextlib.suppress(Exception):
                    st.ledger.close()
    if st.shown_at is not None:
        emit(f"main window shown {st.shown_at:.2f} s after the process started")
    emit("self-test passed" if not failed else f"self-test FAILED ({failed} of {len(chosen)})")
    if out_file is not None:
        Path(out_file).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0 if not failed else 1


def main(argv: list[str] | None = None) -> int:
    """``python -m station_app.selftest [--selftest-out FILE]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="station-app --selftest")
    add_arguments(parser)
    args, _ = parser.parse_known_args(argv)
    return run_from_args(args)


def add_arguments(parser: Any) -> None:
    """The self-test options of ``station-app`` (``--selftest`` itself is added by app.py)."""
    parser.add_argument("--selftest-out", type=Path, default=None, metavar="FILE",
                        help="also write the self-test lines to FILE (windowed builds have no"
                             " console)")
    parser.add_argument("--selftest-only", default=None, metavar="CHECKS",
                        help="comma-separated subset of: " + ",".join(n for n, _ in CHECKS))


def run_from_args(args: Any) -> int:
    only = [n.strip() for n in args.selftest_only.split(",") if n.strip()] \
        if getattr(args, "selftest_only", None) else None
    try:
        return run_selftest(out_file=getattr(args, "selftest_out", None), only=only)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
