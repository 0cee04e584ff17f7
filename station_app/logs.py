"""Logging set-up: a rotating log file in the per-user data folder, with personal data masked.

Every record passes ``MaskPersonalData`` before it is written: anything that looks like an
18-character resident ID number or an 11-digit mainland mobile number is masked, whatever
module logged it and whatever the traceback holds.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

LOG_NAME = "station-ledger.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5

# Digits next to letters still count ("id150781..."): only neighbouring digits stop a match.
_ID = re.compile(r"(?<!\d)(\d{4})\d{10}(\d{3}[0-9Xx])(?!\d)")
_MOBILE = re.compile(r"(?<!\d)((?:0086|86)?1[3-9]\d)\d{4}(\d{4})(?!\d)")


def mask_text(text: str) -> str:
    """``150781199005170018`` -> ``1507**********0018``; ``13800001234`` -> ``138****1234``."""
    text = _ID.sub(lambda m: m.group(1) + "*" * 10 + m.group(2), text)
    text = _MOBILE.sub(lambda m: m.group(1) + "****" + m.group(2), text)
    return text


class MaskPersonalData(logging.Filter):
    """Masks ID and mobile numbers in the message and in any exception text of a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg = mask_text(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_text(record.stack_info)
        return True


class MaskingFormatter(logging.Formatter):
    """Belt and braces: masks the final formatted line too."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_text(super().format(record))


def log_dir() -> Path:
    """``<per-user data folder>/logs`` (``STATION_LEDGER_HOME`` moves it, as for the ledger)."""
    override = os.environ.get("STATION_LEDGER_HOME")
    if override:
        return Path(override) / "logs"
    import platformdirs

    return Path(platformdirs.user_data_dir("StationLedger", appauthor=False)) / "logs"


def log_path() -> Path:
    return log_dir() / LOG_NAME


_installed: list[logging.Handler] = []


def setup(level: int = logging.INFO, folder: Path | None = None, *,
          max_bytes: int = MAX_BYTES, backup_count: int = BACKUP_COUNT) -> Path:
    """Send the root logger to a rotating file (once per process); returns the file's path."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    for handler in _installed:
        root.removeHandler(handler)
        handler.close()
    _installed.clear()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=max_bytes,
                                                   backupCount=backup_count, encoding="utf-8")
    handler.addFilter(MaskPersonalData())
    handler.setFormatter(MaskingFormatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    # fontTools tells of every glyph subset at INFO (about 30 lines a PDF): the five 1 MB
    # files would soon hold nothing else.
    for chatty in QUIET_LOGGERS:
        logging.getLogger(chatty).setLevel(max(level, logging.WARNING))
    _installed.append(handler)
    return path


QUIET_LOGGERS = ("fontTools", "fpdf")
