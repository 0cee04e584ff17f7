"""Log files rotate and never hold a full ID number or mobile number."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from station_app import logs
from station_app.domain import resident_id
from station_app.domain.errors import InvalidInput
from tests.helpers import rid


@pytest.fixture
def log_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "logs"
    yield folder
    for handler in logs._installed:
        logging.getLogger().removeHandler(handler)
        handler.close()
    logs._installed.clear()


def _all_text(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.log*")))


def test_ids_and_phones_are_masked_everywhere_in_a_record(log_folder: Path) -> None:
    path = logs.setup(folder=log_folder)
    log = logging.getLogger("station_app.test")
    number, mobile = rid(5), "13912345678"
    log.info("sign-up %s phone %s", number, mobile)
    log.warning("id=%s,tel=+86%s;", number.lower(), mobile)
    log.info({"id": number})  # a non-string message
    try:
        resident_id.parse(number[:-1] + "0")
    except InvalidInput:
        log.exception("bad id %s", number)
    try:
        raise ValueError(f"boom {number} {mobile}")
    except ValueError:
        log.error("failed", exc_info=True)
    for handler in logs._installed:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert number not in text and mobile not in text
    assert resident_id.mask(number) in text and "139****5678" in text
    assert "ValueError: boom" in text  # the traceback is still useful


def test_logs_rotate(log_folder: Path) -> None:
    path = logs.setup(folder=log_folder, max_bytes=2000, backup_count=2)
    log = logging.getLogger("station_app.rotate")
    for n in range(200):
        log.warning("line %d %s", n, rid(n % 900))
    for handler in logs._installed:
        handler.flush()
    files = sorted(p.name for p in log_folder.iterdir())
    assert files == [path.name, path.name + ".1", path.name + ".2"]
    assert all(p.stat().st_size <= 2200 for p in log_folder.iterdir())
    text = _all_text(log_folder)
    assert not any(rid(n) in text for n in range(200))


def test_mask_text_leaves_other_numbers_alone() -> None:
    assert logs.mask_text("MZL01-000001V seq 12345 ¥4.46") == "MZL01-000001V seq 12345 ¥4.46"
    assert logs.mask_text("手机13800001234，") == "手机138****1234，"


def test_a_pdf_leaves_no_font_subsetting_chatter_in_the_log(log_folder: Path) -> None:
    """fontTools logged ~30 INFO lines per PDF: the rotating files held little else."""
    logs.setup(folder=log_folder)
    logging.getLogger("fontTools.subset").info("Glyph names: ['a', 'b']")
    logging.getLogger("station_app.x").info("kept")
    for handler in logs._installed:
        handler.flush()
    text = _all_text(log_folder)
    assert "kept" in text and "Glyph names" not in text
