"""``station-ledger``: the headless command line, a thin shell over ``station_app.services``.

Exit codes: 0 done; 2 usage; 3 invalid input (the message names the field and why);
4 refused for integrity or permission. ``--json`` output is documented in docs/CLI.md.
Commands live in the modules of this package; each module with a ``register(subparsers)``
function is picked up automatically.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import importlib
import json
import os
import pkgutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain import messages
from ..domain.errors import LedgerError

EXIT_OK, EXIT_USAGE, EXIT_INVALID, EXIT_REFUSED = 0, 2, 3, 4

COUNTER = "counter"
"""The permission of the counter work every role does. The GUI opens nothing before sign-in, so
on a ledger with accounts every command that shows or records members, visits and other entries
declares it (``set_defaults(permission=COUNTER)``) and ``main`` signs in ``--as USER`` before
running it (docs/SECURITY.md). A tuple means any one of those permissions."""

Handler = Callable[["Context", argparse.Namespace], int]


@dataclass
class Context:
    """What every command gets: where the ledger is, who acts, how to print."""

    db: Path | None
    json: bool
    lang: str
    actor: str
    out: Any = field(default_factory=lambda: sys.stdout)
    err: Any = field(default_factory=lambda: sys.stderr)
    _ledger: Any = None

    def ledger(self, create: bool = False) -> Any:
        if self._ledger is None:
            from ..services import station

            self._ledger = station.open_station(self.db, create=create)
        return self._ledger

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def emit(self, value: Any) -> None:
        """Print one JSON document (``--json``)."""
        print(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True), file=self.out)

    def t(self, zh: str, en: str) -> str:
        return en if self.lang == "en" else zh

    def close(self) -> None:
        if self._ledger is not None:
            self._ledger.close()
            self._ledger = None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        from ..logs import mask_text

        self.print_usage(sys.stderr)
        # argparse repeats stray arguments ("unrecognized arguments: 1507..."): an ID or mobile
        # number typed in the wrong place is masked here too.
        self.exit(EXIT_USAGE, f"{self.prog}: error: {mask_text(message)}\n")


def counted(n: int, one: str, many: str) -> str:
    """``1 entry``, ``2 entries``: a count with its English noun (Chinese needs no plural)."""
    return f"{n:,} {one if n == 1 else many}"


def _literal_id_number(argv: Sequence[str]) -> bool:
    """``--id-number VALUE`` / ``--id-number=VALUE`` (or an abbreviation such as ``--id``)
    with anything but ``-``: refused before parsing, so that it gets its own message and exit
    code even when the rest of the line has a usage error too."""
    for n, token in enumerate(argv):
        if token == "--":
            return False
        name, has_value, value = token.partition("=")
        if len(name) < 4 or not "--id-number".startswith(name):
            continue
        if not has_value:
            value = argv[n + 1] if n + 1 < len(argv) else "-"
        if value != "-":
            return True
    return False


def _option(argv: Sequence[str], name: str) -> str | None:
    for n, token in enumerate(argv):
        if token == name and n + 1 < len(argv):
            return argv[n + 1]
        if token.startswith(name + "="):
            return token.split("=", 1)[1]
    return None


def out_path(text: str | Path) -> Path:
    """``--out`` (or ``--trust-out``) as typed. Ending in a path separator (``E:\\``, ``usb/``)
    or naming an existing folder, it is a folder: made here (with its parents) if need be, and
    the command writes its usual file name into it. Otherwise it is the file to write.

    These options are read as text because ``type=Path`` drops the trailing separator, and a
    missing ``usb/`` then became a file called ``usb``. Call this once the command may run.
    """
    text = str(text)
    path = Path(text)
    if text.endswith(tuple(sep for sep in ("/", os.sep, os.altsep) if sep)):
        path.mkdir(parents=True, exist_ok=True)
    return path


def _report(exc: LedgerError, lang: str, as_json: bool, out: Any = None) -> int:
    text = messages.render(exc, lang)
    if as_json:
        print(json.dumps({"error": {
            "code": exc.code, "message": text, "field": exc.params.get("field"),
            "params": {k: v for k, v in exc.params.items()
                       if isinstance(v, str | int | float | bool | None)}}},
            ensure_ascii=False, indent=2, sort_keys=True), file=out or sys.stdout)
    print(f"{'error' if lang == 'en' else '错误'}: {text}", file=sys.stderr)
    return exc.exit_code


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="station-ledger",
                     description="Station Ledger (驿站台账) command line.")
    _add_common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module in _command_modules():
        module.register(sub)
    _add_common_everywhere(sub)
    return parser


def _add_common(parser: argparse.ArgumentParser, top: bool) -> None:
    """Global options, accepted before or after the command (``demo --db PATH``)."""
    extra: dict[str, Any] = {} if top else {"default": argparse.SUPPRESS}
    parser.add_argument("--db", type=Path, help="ledger file (default: per-user data folder)",
                        **extra)
    parser.add_argument("--json", action="store_true", help="machine-readable JSON output",
                        **extra)
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="message language", **extra)
    parser.add_argument("--as", dest="actor", metavar="ATTENDANT",
                        help="the attendant who signs in (PIN from $STATION_LEDGER_PIN or "
                             "standard input, once the ledger has accounts) and is recorded "
                             "on new entries (default: the login name)",
                        **extra)


def _add_common_everywhere(sub: Any) -> None:
    for child in set(sub.choices.values()):
        nested = [a for a in child._actions if isinstance(a, argparse._SubParsersAction)]
        if nested:
            for action in nested:
                _add_common_everywhere(action)
        else:
            _add_common(child, top=False)


def _command_modules() -> list[Any]:
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "register"):
            found.append(module)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()  # also registers every command module's messages
    raw = list(sys.argv[1:] if argv is None else argv)
    if (_option(raw, "--lang") or messages.default_lang()) != "en":
        from ._help_zh import localise

        localise(parser)  # --help in the language of the messages
    if _literal_id_number(raw):
        from ..domain.errors import InvalidInput

        lang = _option(raw, "--lang") or messages.default_lang()
        return _report(InvalidInput("id_number", "on_command_line"), lang, "--json" in raw)
    args = parser.parse_args(argv)
    lang = args.lang or messages.default_lang()
    try:
        actor = args.actor or getpass.getuser()
    except (KeyError, OSError):
        actor = "station"
    ctx = Context(db=args.db, json=args.json, lang=lang, actor=actor)
    handler: Handler = args.handler
    try:
        permission = getattr(args, "permission", None)
        if permission:  # declared by the command: sign in before it reads or writes anything
            from .admin import signed_in

            signed_in(ctx, permission)
        return handler(ctx, args)
    except LedgerError as exc:
        return _report(exc, lang, ctx.json, ctx.out)
    except BrokenPipeError:
        # The reader stopped early (``| head``): no traceback. Standard output goes to devnull
        # so the interpreter's last flush does not fail again (Python's documented recipe).
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        ctx.close()


def run() -> None:
    sys.exit(main())
