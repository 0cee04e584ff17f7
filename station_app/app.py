"""``station-app``: the one place that opens the ledger and wires up the UI.

    station-app [--db PATH] [--lang zh_CN|en] [--as ATTENDANT]

Without ``--db`` it opens the per-user ledger; if there is none yet it creates the demo
station there (``services.demo.build_demo``) so a first run shows a realistic counter.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger("station_app.app")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="station-app",
                                     description="Station Ledger (驿站台账) counter window.")
    parser.add_argument("--db", type=Path, help="ledger file (default: per-user data folder)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default 简体中文)")
    parser.add_argument("--as", dest="actor", metavar="ATTENDANT",
                        help="attendant recorded on new entries (default: the login name)")
    parser.add_argument("--selftest", action="store_true",
                        help="check this installation in a temporary folder and exit")
    from . import selftest  # --selftest-out FILE, --selftest-only CHECKS (issue 7)

    selftest.add_arguments(parser)
    return parser


def open_or_create(path: Path | None) -> tuple[Any, Path]:
    """Open ``path``; with no path, the per-user ledger, created with the demo data if new."""
    from .services import demo, station

    if path is not None:
        return station.open_station(path), Path(path)
    default = station.default_ledger_path()
    if default.exists():
        return station.open_station(default), default
    default.parent.mkdir(parents=True, exist_ok=True)
    ledger = station.open_station(default, create=True)
    log.info("no ledger yet: creating the demo station at %s", default)
    demo.build_demo(ledger)
    return ledger, default


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "station"


def sign_in(ctx: Any) -> bool:
    """Let the security area sign the attendant in (``station_app.ui.sign_in.sign_in(ctx)``).

    The hook returns False when the user gave up; without that module the login name is used.
    """
    try:
        module = importlib.import_module("station_app.ui.sign_in")
    except ModuleNotFoundError:
        return True
    hook = getattr(module, "sign_in", None)
    return True if hook is None else bool(hook(ctx))


def create_context(path: Path | None, lang: str | None = None, actor: str | None = None) -> Any:
    """Open the ledger and build the ``AppContext`` (a QApplication must exist)."""
    from .ui import i18n
    from .ui.context import AppContext, ui_settings

    ledger, real_path = open_or_create(path)
    saved = ui_settings().value("ui/lang")
    chosen = i18n.install(i18n.initial_lang(lang, str(saved) if saved else None))
    return AppContext(real_path, ledger, lang=chosen, actor=actor or _default_actor())


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.selftest:
        from . import selftest

        return selftest.run_from_args(args)
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .domain.errors import LedgerError
    from .ui import errors, i18n

    errors.setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Station Ledger")
    app.setOrganizationName("StationLedger")
    app.setApplicationDisplayName("驿站台账 Station Ledger")
    from PySide6.QtGui import QIcon

    from .resources import resource_path

    app.setWindowIcon(QIcon(str(resource_path("icons", "station-ledger.svg"))))
    i18n.register_fonts(app)
    errors.install_excepthook()
    # Issue 8: a damaged ledger is never opened for writing; the latest good backup is offered.
    from .ui import security_startup

    if not security_startup.check_ledger(args.db, i18n.install(i18n.initial_lang(args.lang))):
        return 4
    try:
        security_startup.upgrade_ledger(args.db)  # once, after installing a newer version
        ctx = create_context(args.db, args.lang, args.actor)
    except LedgerError as exc:
        lang = i18n.initial_lang(args.lang)
        i18n.install(lang)
        QMessageBox.critical(None, "驿站台账 Station Ledger", errors.render(exc, lang))
        return exc.exit_code
    from .ui import self_service

    if self_service.starts_in_self_service(ctx):  # unattended: back without anybody signing in
        self_service.start(ctx)
        code = app.exec()
        ctx.close()
        return int(code)
    if not sign_in(ctx):
        ctx.close()
        return 0
    from .ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    window.raise_()
    window.activateWindow()  # the scanner's first keystrokes must land in the check-in bar
    window.focus_counter()
    code = app.exec()
    ctx.close()
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
