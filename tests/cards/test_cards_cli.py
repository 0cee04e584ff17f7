"""``station-ledger card``, ``cards`` and ``visit --scan`` end to end, as an attendant would."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image

from station_app.cli import main
from station_app.data.db import open_ledger
from tests.helpers import ledger_hash, rid


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def scans(image: Image.Image) -> list[str]:
    return [b.text for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def pdf_page(path: Path, page: int = 0, dpi: int = 200) -> Image.Image:
    document = pdfium.PdfDocument(str(path))
    try:
        return document[page].render(scale=dpi / 72).to_pil()
    finally:
        document.close()


def state(db: str) -> str:
    ledger = open_ledger(db)
    try:
        return ledger_hash(ledger)
    finally:
        ledger.close()


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "station.db")
    code, _, err = run(capsys, "--db", path, "init", "--code", "MZL01", "--name", "满洲里口岸驿站")
    assert code == 0, err
    return path


def add_member(capsys: pytest.CaptureFixture[str], db: str, n: int, name: str) -> str:
    with pytest.MonkeyPatch.context() as mp:  # the ID number comes on standard input
        mp.setattr("sys.stdin", io.StringIO(rid(n) + "\n"))
        code, out, err = run(capsys, "--db", db, "member", "add", "--name", name, "--id-number",
                             "-", "--phone", f"1390000{n:04d}", "--worker-type", "truck_driver")
    assert code == 0, err
    return out.strip()


def test_card_png_then_scan_at_the_counter(capsys: pytest.CaptureFixture[str], db: str,
                                           tmp_path: Path) -> None:
    number = add_member(capsys, db, 1, "佘敖其尔")
    out_file = tmp_path / "card.png"
    code, out, err = run(capsys, "--db", db, "card", number, "--out", str(out_file), "--back")
    assert code == 0, err
    assert out.strip() == str(out_file)
    image = Image.open(out_file)
    assert image.size == (1011, 638 * 2 + 40)
    (payload,) = scans(image)
    # exactly what a keyboard-wedge scanner types: the text and a carriage return
    code, out, err = run(capsys, "--db", db, "--lang", "en", "visit", "--scan", payload + "\r\n",
                         "--service", "water")
    assert code == 0, err
    ledger = open_ledger(db)
    try:
        row = ledger.conn.execute("SELECT member_no FROM visits").fetchone()
        serial = ledger.conn.execute(
            "SELECT json_extract(body, '$.card_serial') FROM entries WHERE kind = 'visit'"
        ).fetchone()
    finally:
        ledger.close()
    assert row == (number,) and serial == (1,)


def test_card_pdf_export_is_not_printing(capsys: pytest.CaptureFixture[str], db: str,
                                         tmp_path: Path) -> None:
    number = add_member(capsys, db, 1, "逯晓东")
    code, _, err = run(capsys, "--db", db, "card", number, "--out", str(tmp_path / "c.pdf"))
    assert code == 0, err
    (payload,) = scans(pdf_page(tmp_path / "c.pdf"))
    assert payload.startswith(f"SLC1.{number}.1.")
    assert run(capsys, "--db", db, "--json", "cards", "--unprinted")[1].count(number) == 1
    code, out, _ = run(capsys, "--db", db, "--json", "card", number, "--out",
                       str(tmp_path / "c2.pdf"), "--mark-printed")
    assert code == 0 and json.loads(out)["marked_printed"] is True
    assert json.loads(run(capsys, "--db", db, "--json", "cards", "--unprinted")[1]) == {
        "unprinted": []}


def test_reissue_replaces_the_old_card(capsys: pytest.CaptureFixture[str], db: str,
                                       tmp_path: Path) -> None:
    number = add_member(capsys, db, 1, "蹇宝音图")
    run(capsys, "--db", db, "card", number, "--out", str(tmp_path / "old.png"))
    (old,) = scans(Image.open(tmp_path / "old.png"))
    code, out, err = run(capsys, "--db", db, "--lang", "en", "card", number, "--reissue",
                         "--reason", "lost", "--out", str(tmp_path / "new.png"))
    assert code == 0, err
    assert "no. 2" in out and str(tmp_path / "new.png") in out
    (new,) = scans(Image.open(tmp_path / "new.png"))
    assert new.startswith(f"SLC1.{number}.2.")
    code, out, _ = run(capsys, "--db", db, "--json", "card", number)
    history = json.loads(out)["cards"]
    assert [(c["serial"], c["reason"], c["note"]) for c in history] == [
        (1, "new", ""), (2, "reissue", "lost")]
    before = state(db)
    code, _, err = run(capsys, "--db", db, "--lang", "en", "visit", "--scan", old, "--service",
                       "water")
    assert code == 4 and "replaced" in err
    code, _, err = run(capsys, "--db", db, "--lang", "zh_CN", "visit", "--scan", old[:-10],
                       "--service", "water")
    assert code == 3 and "不完整" in err
    assert state(db) == before
    assert run(capsys, "--db", db, "visit", "--scan", new, "--service", "water")[0] == 0


def test_unprinted_sheet_decodes_and_records_printing(capsys: pytest.CaptureFixture[str],
                                                      db: str, tmp_path: Path) -> None:
    numbers = [add_member(capsys, db, n, name) for n, name in
               enumerate(("仝其木格", "昝朝鲁", "覃斯琴高娃"), start=1)]
    sheet = tmp_path / "sheet.pdf"
    code, out, err = run(capsys, "--db", db, "--json", "cards", "--unprinted", "--out",
                         str(sheet))
    assert code == 0, err
    result = json.loads(out)
    assert result["pages"] == 1 and [c["member_no"] for c in result["cards"]] == numbers
    page = pdf_page(sheet)
    assert page.width < page.height  # A4 portrait
    found = scans(page)
    assert found and {f.split(".")[1] for f in found} <= set(numbers)
    assert run(capsys, "--db", db, "--json", "cards", "--unprinted")[1].count("MZL01") == 0
    ledger = open_ledger(db)
    try:
        printed = ledger.conn.execute(
            "SELECT count(*) FROM entries WHERE kind = 'card.printed'").fetchone()[0]
    finally:
        ledger.close()
    assert printed == 3
    before = state(db)
    code, _, err = run(capsys, "--db", db, "--lang", "en", "cards", "--unprinted", "--out",
                       str(tmp_path / "none.pdf"))
    assert code == 3 and "no membership cards to print" in err
    assert not (tmp_path / "none.pdf").exists() and state(db) == before


@pytest.mark.parametrize(("args", "words"), [
    (["card", "{n}", "--out", "card.jpg"], ".png or .pdf"),
    (["card", "{n}", "--reissue"], "reason is needed"),
    (["card", "{n}", "--reissue", "--reason", "lost", "--out", "x.gif"], ".png or .pdf"),
    (["cards", "--unprinted", "--out", "sheet.png"], "only be saved as a .pdf"),
    (["card", "MZL01-000001A", "--out", "c.png"], "check character"),
])
def test_bad_card_commands_exit_3_and_change_nothing(capsys: pytest.CaptureFixture[str], db: str,
                                                     tmp_path: Path, args: list[str],
                                                     words: str) -> None:
    number = add_member(capsys, db, 1, "张三")
    before = state(db)
    argv = [a.format(n=number) for a in args]
    code, _, err = run(capsys, "--db", db, "--lang", "en", *argv)
    assert code == 3 and words in err
    assert state(db) == before
    assert not list(tmp_path.glob("*.png")) + list(tmp_path.glob("*.jpg"))


def test_real_entry_point_writes_a_card(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        db: str) -> None:
    number = add_member(capsys, db, 1, "郗呼和")
    out_file = tmp_path / "real.png"
    done = subprocess.run([sys.executable, "-m", "station_app", "--db", db, "card", number,
                           "--out", str(out_file)], capture_output=True, text=True, timeout=120,
                          check=True)
    assert done.stdout.strip() == str(out_file)
    assert scans(Image.open(out_file))[0].split(".")[1] == number
