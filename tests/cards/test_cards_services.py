"""Card use cases: what a card shows, reissue, printing records; refusals change nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from station_app.data.db import Ledger
from station_app.data.projector import rebuild_all
from station_app.domain import clock, messages
from station_app.domain.errors import InvalidInput, LedgerError, Refused
from station_app.services import cards, members
from tests.helpers import ledger_hash, sign_up

UTC = UTC
CST = timezone(timedelta(hours=8))


def entries_of(ledger: Ledger, kind: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in ledger.conn.execute(
        "SELECT json_extract(body, '$.member_no'), json_extract(body, '$.serial') FROM entries"
        " WHERE kind = ? ORDER BY seq", (kind,))]


def test_card_shows_member_station_and_issue_day(fresh_db: Ledger) -> None:
    # issued at 23:30 UTC on 19 Nov = 07:30 on 20 Nov in Inner Mongolia (UTC+8)
    with clock.fixed(datetime(2026, 11, 19, 23, 30, tzinfo=UTC), timedelta(seconds=1)):
        number = sign_up(fresh_db, 1, name="乌兰巴特尔", worker="truck_driver")
    with clock.fixed(datetime(2026, 11, 21, 10, 0, tzinfo=CST)):
        card = cards.card_data(fresh_db, number)
    assert (card.name, card.member_no, card.serial) == ("乌兰巴特尔", number, 1)
    assert (card.station_name, card.station_code) == ("满洲里口岸驿站", "MZL01")
    assert card.worker_type_label == "货车司机"
    assert card.issue_date == date(2026, 11, 20)
    assert card.payload.startswith(f"SLC1.{number}.1.")


def test_reissue_writes_an_entry_and_history_keeps_both_cards(fresh_db: Ledger) -> None:
    number = sign_up(fresh_db, 1)
    entry = cards.reissue_card(fresh_db, number, "  遗失 ", by="王芳")
    assert entry.kind == "card.issue" and entry.recorded_by == "王芳"
    assert entry.body == {"member_no": number, "serial": 2, "reason": "reissue", "note": "遗失"}
    assert entries_of(fresh_db, "card.issue") == [(number, 1), (number, 2)]
    history = cards.card_history(fresh_db, number)
    assert [(c.serial, c.reason, c.note) for c in history] == [(1, "new", ""),
                                                                (2, "reissue", "遗失")]
    assert cards.card_data(fresh_db, number).serial == 2
    # the projection is rebuilt from the entries alone: the history survives
    rebuild_all(fresh_db)
    assert [c.serial for c in cards.card_history(fresh_db, number)] == [1, 2]


def test_printing_is_recorded_and_unprinted_follows(fresh_db: Ledger) -> None:
    first, second = sign_up(fresh_db, 1), sign_up(fresh_db, 2)
    assert cards.unprinted(fresh_db) == [first, second]
    cards.mark_printed(fresh_db, first, 1, by="tester")
    assert cards.unprinted(fresh_db) == [second]
    cards.reissue_card(fresh_db, first, "损坏", by="tester")
    assert cards.unprinted(fresh_db) == [first, second]  # the new card needs printing
    cards.mark_all_printed(fresh_db, [(first, 2), (second, 1)], by="tester")
    assert cards.unprinted(fresh_db) == []
    cards.mark_printed(fresh_db, second, 1, by="tester")  # a reprint is recorded again
    assert entries_of(fresh_db, "card.printed") == [(first, 1), (first, 2), (second, 1),
                                                    (second, 1)]
    assert [c.printed for c in cards.card_history(fresh_db, first)] == [True, True]


def test_withdrawn_members_are_not_waiting_for_a_card(fresh_db: Ledger) -> None:
    gone, stays = sign_up(fresh_db, 1), sign_up(fresh_db, 2)
    members.withdraw_member(fresh_db, gone, "本人申请", by="tester")
    assert cards.unprinted(fresh_db) == [stays]


@pytest.mark.parametrize(("call", "code"), [
    (lambda db, n: cards.reissue_card(db, n, "   ", by="t"), "invalid.reissue_reason.required"),
    (lambda db, n: cards.reissue_card(db, n, "丢" * 61, by="t"), "invalid.reissue_reason.too_long"),
    (lambda db, n: cards.reissue_card(db, "MZL01-000009X", "遗失", by="t"),
     "invalid.member_no.check_char"),
    (lambda db, n: cards.mark_printed(db, n, 0, by="t"), "invalid.card_serial.range"),
    (lambda db, n: cards.mark_printed(db, n, 2, by="t"), "invalid.card_serial.not_current"),
    (lambda db, n: cards.mark_all_printed(db, [(n, 1), (n, 5)], by="t"),
     "invalid.card_serial.not_current"),
    (lambda db, n: cards.mark_all_printed(db, [], by="t"), "invalid.cards.empty"),
])
def test_refused_card_actions_change_nothing(fresh_db: Ledger, call: object, code: str) -> None:
    number = sign_up(fresh_db, 1)
    before = ledger_hash(fresh_db)
    with pytest.raises(LedgerError) as info:
        call(fresh_db, number)  # type: ignore[operator]
    assert info.value.code == code
    zh, en = messages.render(info.value, "zh_CN"), messages.render(info.value, "en")
    assert zh != en and code not in zh and code not in en
    assert ledger_hash(fresh_db) == before


def test_transferred_out_member_cannot_get_a_new_card(fresh_db: Ledger) -> None:
    number = sign_up(fresh_db, 1)
    members.transfer_out(fresh_db, number, "北京市总工会", "工作调动", by="tester")
    before = ledger_hash(fresh_db)
    with pytest.raises(Refused) as info:
        cards.reissue_card(fresh_db, number, "遗失", by="tester")
    assert "transferred out" in messages.render(info.value, "en")
    assert "转出" in messages.render(info.value, "zh_CN")
    assert ledger_hash(fresh_db) == before


def test_export_card_files_and_mark_printed(fresh_db: Ledger, tmp_path: Path) -> None:
    number = sign_up(fresh_db, 1)
    png = cards.export_card(fresh_db, number, tmp_path / "c.png")
    assert png.read_bytes().startswith(b"\x89PNG")
    assert cards.unprinted(fresh_db) == [number]  # a file is not a printed card
    pdf = cards.export_card(fresh_db, number, tmp_path / "c.PDF", mark_as_printed=True, by="t")
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert cards.unprinted(fresh_db) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.PDF", "c.png"]  # no temp files
    logged = fresh_db.conn.execute(
        "SELECT actor, subject, json_extract(detail, '$.file') FROM audit_log"
        " WHERE action = 'export' ORDER BY id").fetchall()
    assert logged == [("station", "card", "c.png"), ("t", "card", "c.PDF")]


def test_export_to_a_bad_name_or_folder_is_refused(fresh_db: Ledger, tmp_path: Path) -> None:
    number = sign_up(fresh_db, 1)
    before = ledger_hash(fresh_db)
    with pytest.raises(InvalidInput) as info:
        cards.export_card(fresh_db, number, tmp_path / "card.jpg", mark_as_printed=True)
    assert info.value.code == "invalid.card_file.extension"
    with pytest.raises(InvalidInput) as info:
        cards.export_card(fresh_db, number, tmp_path / "missing" / "c.png", mark_as_printed=True)
    assert info.value.code == "invalid.card_file.cannot_write"
    assert "c.png" in messages.render(info.value, "en")
    assert ledger_hash(fresh_db) == before


def test_unprinted_sheet_then_records_printing(fresh_db: Ledger, tmp_path: Path) -> None:
    numbers = [sign_up(fresh_db, n) for n in range(1, 13)]
    seen: list[int] = []
    sheet = cards.print_unprinted_sheet(fresh_db, tmp_path / "sheet.pdf", by="t",
                                        progress=seen.append)
    assert sheet.pages == 2 and [n for n, _ in sheet.cards] == numbers
    assert seen[-1] == 12
    assert sheet.path.read_bytes().startswith(b"%PDF-")
    assert cards.unprinted(fresh_db) == []
    row = fresh_db.conn.execute("SELECT subject, detail FROM audit_log WHERE action = 'export'"
                                ).fetchone()
    assert row[0] == "cards" and '"cards": 12' in row[1] and numbers[0] in row[1]
    with pytest.raises(InvalidInput) as info:
        cards.print_unprinted_sheet(fresh_db, tmp_path / "again.pdf", by="t")
    assert info.value.code == "invalid.cards.empty"
    assert not (tmp_path / "again.pdf").exists()

