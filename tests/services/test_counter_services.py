"""Use cases behind the counter: sign-up, duplicates, visits, relief, voids, search."""

from datetime import date

import pytest

from station_app.data import queries
from station_app.domain.errors import DuplicateMember, InvalidInput, Refused
from station_app.services import (
    checkin,
    corrections,
    members,
    programmes,
    relief,
    visits,
)
from tests.helpers import ledger_hash, rid, services_given, sign_up


def test_sign_up_derives_sex_birth_date_and_masks_id(fresh_db) -> None:
    number = sign_up(fresh_db, 7, name="翟晓燕", born=date(1992, 3, 8))
    member = queries.get_member(fresh_db, number)
    assert member.birth_date == "1992-03-08"
    assert member.sex == "M"  # sequence 007 is odd
    number_text = rid(7, date(1992, 3, 8))
    assert member.id_masked == number_text[:4] + "*" * 10 + number_text[-4:]
    assert member.card_serial == 1
    assert members.reveal_id_number(fresh_db, number) == rid(7, date(1992, 3, 8))


def test_duplicate_id_is_refused_with_the_existing_member_number(fresh_db) -> None:
    first = sign_up(fresh_db, 1, name="李四")
    before = ledger_hash(fresh_db)
    form = members.SignUp(name="李四四", id_number=rid(1).lower(), phone="13900000000",
                          worker_type="courier")
    with pytest.raises(DuplicateMember) as caught:
        members.sign_up_member(fresh_db, form, by="t")
    assert caught.value.existing_member_no == first
    assert ledger_hash(fresh_db) == before


@pytest.mark.parametrize(("field", "form"), [
    ("id_number", dict(id_number="150781199005171230")),
    ("phone", dict(phone="12345")),
    ("name", dict(name="  ")),
    ("worker_type", dict(worker_type="pilot")),
])
def test_bad_sign_up_names_the_field_and_writes_nothing(fresh_db, field, form) -> None:
    before = ledger_hash(fresh_db)
    data = dict(name="王五", id_number=rid(3), phone="13800000003", worker_type="courier")
    data.update(form)
    with pytest.raises(InvalidInput) as caught:
        members.sign_up_member(fresh_db, members.SignUp(**data), by="t")
    assert caught.value.field == field
    assert ledger_hash(fresh_db) == before


def test_visit_by_member_and_walk_in_foreign_driver(fresh_db) -> None:
    number = sign_up(fresh_db, 1)
    visits.record_visit(fresh_db, ["water", "rest", "water"], by="t", member=number.lower())
    visits.record_visit(fresh_db, ["meal_heat"], by="t", walk_in=visits.WalkIn(
        "货车司机", "passport", "MN"))
    rows = fresh_db.conn.execute(
        "SELECT member_no, worker_type, walk_in, doc_type, nationality FROM visits"
        " ORDER BY at").fetchall()
    assert rows == [(number, "delivery_rider", 0, None, None),
                    (None, "truck_driver", 1, "passport", "MN")]
    services = fresh_db.conn.execute(
        "SELECT COUNT(*) FROM visits v, json_each(v.services)").fetchone()[0]
    assert services == 3  # water counted once in a visit


def test_unknown_service_and_bad_member_number_change_nothing(fresh_db) -> None:
    number = sign_up(fresh_db, 1)
    before = ledger_hash(fresh_db)
    with pytest.raises(InvalidInput) as caught:
        visits.record_visit(fresh_db, ["massage"], by="t", member=number)
    assert caught.value.field == "service"
    with pytest.raises(InvalidInput) as caught:
        visits.record_visit(fresh_db, ["water"], by="t", member=number[:-1] + "0"
                            if number[-1] != "0" else number[:-1] + "1")
    assert caught.value.reason == "check_char"
    assert ledger_hash(fresh_db) == before


def test_member_of_another_station_is_served_by_number(fresh_db) -> None:
    from station_app.domain import member_no

    outsider = member_no.make("EEL02", 42)
    result = checkin.resolve(fresh_db, outsider)
    assert result.status == checkin.UNKNOWN_MEMBER and result.can_serve
    visits.record_visit(fresh_db, ["water"], by="t", member=outsider)
    assert queries.visits_count(fresh_db, outsider, "2000-01-01", "2100-01-01") == 1


def test_void_keeps_history_and_refuses_twice(fresh_db) -> None:
    entry = visits.record_visit(fresh_db, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    corrections.void_entry(fresh_db, f"MZL01/1/{entry.seq}", "登记错误", by="t")
    assert fresh_db.conn.execute("SELECT voided FROM visits").fetchone()[0] == 1
    assert fresh_db.entry(entry.id).body["services"] == ["water"]
    with pytest.raises(Refused):
        corrections.void_entry(fresh_db, entry.id, "again", by="t")
    with pytest.raises(InvalidInput):
        corrections.void_entry(fresh_db, entry.id, "  ", by="t")


def test_correction_replaces_services_once(fresh_db) -> None:
    entry = visits.record_visit(fresh_db, ["water"], by="t", walk_in=visits.WalkIn("courier"))
    corrections.correct_entry(fresh_db, entry.id, {"services": ["charge"]}, "点错了", by="t")
    corrections.correct_entry(fresh_db, entry.id, {"services": ["rest", "toilet"]}, "再改",
                              by="t")
    assert services_given(fresh_db) == ["rest", "toilet"]
    assert fresh_db.conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == 1


def test_an_empty_id_number_and_unticked_consent_say_what_to_do() -> None:
    from station_app.domain import messages, resident_id

    with pytest.raises(InvalidInput) as empty:
        resident_id.parse("  ")
    assert messages.render(empty.value, "zh_CN") == "身份证号不能为空"  # not "18位（当前0位）"
    consent = InvalidInput("consent", "not_given")
    assert messages.render(consent, "zh_CN") == "知情同意未勾选：请会员阅读并同意后勾选"
    assert messages.render(consent, "en") == ("Consent: not ticked; the member must read and "
                                              "agree first")


def test_a_correction_that_changes_nothing_is_refused(fresh_db) -> None:
    """A reason alone (or the same services in another order) would mark the visit
    "corrected" with nothing corrected."""
    entry = visits.record_visit(fresh_db, ["water", "rest"], by="t",
                                walk_in=visits.WalkIn("courier"))
    before = ledger_hash(fresh_db)
    for changes in ({}, {"services": ["rest", "water"]}, {"worker_type": "courier"}):
        with pytest.raises(Refused) as caught:
            corrections.correct_entry(fresh_db, entry.id, changes, "服务选错", by="t")
        assert caught.value.code == "no_changes"
    assert ledger_hash(fresh_db) == before
    corrections.correct_entry(fresh_db, entry.id, {"services": ["water"]}, "服务选错", by="t")
    with pytest.raises(Refused):  # against the corrected body now, not the original
        corrections.correct_entry(fresh_db, entry.id, {"services": ["water"]}, "再改", by="t")


def test_relief_is_one_per_person_unless_overridden(fresh_db) -> None:
    number = sign_up(fresh_db, 1)
    relief.define_campaign(fresh_db, code="COOL26", name="送清凉", kind="cooling", by="t")
    relief.give_relief(fresh_db, campaign="COOL26", member=number, money_fen=5000,
                       goods=[relief.parse_goods("矿泉水:2")], by="t")
    before = ledger_hash(fresh_db)
    with pytest.raises(Refused) as caught:
        relief.give_relief(fresh_db, campaign="COOL26", member=number, money_fen=5000, by="t")
    assert caught.value.code == "relief_already_given"
    assert ledger_hash(fresh_db) == before
    relief.give_relief(fresh_db, campaign="COOL26", member=number, money_fen=5000, by="t",
                       override_reason="家庭困难，站长批准")
    total = fresh_db.conn.execute("SELECT SUM(money_fen) FROM relief").fetchone()[0]
    assert total == 10000


def test_two_lines_of_the_same_goods_add_up(fresh_db) -> None:
    relief.define_campaign(fresh_db, code="WARM26", name="送温暖", kind="warming", by="t")
    given = relief.give_relief(fresh_db, campaign="WARM26", walk_in_type="courier", by="t",
                               goods=[relief.parse_goods(g) for g in ("矿泉水:2", "手套:1",
                                                                       "矿泉水:3")])
    assert given.body["goods"] == [{"item": "矿泉水", "qty": 5}, {"item": "手套", "qty": 1}]
    rows = dict(fresh_db.conn.execute("SELECT item, qty FROM relief_goods"))
    assert rows == {"矿泉水": 5, "手套": 1}


def test_a_signed_entry_with_an_item_twice_counts_both_lines(fresh_db) -> None:
    """Entries written before the lines were merged (or by another station) still add up."""
    relief.define_campaign(fresh_db, code="WARM26", name="送温暖", kind="warming", by="t")
    with fresh_db.write():
        fresh_db.append("relief", {"campaign": "WARM26", "money_fen": 0, "walk_in": True,
                                   "worker_type": "courier", "override_reason": None,
                                   "goods": [{"item": "矿泉水", "qty": 2},
                                             {"item": "矿泉水", "qty": 3}]}, by="t")
    assert fresh_db.conn.execute("SELECT SUM(qty) FROM relief_goods").fetchone()[0] == 5


def test_screening_is_for_women_and_summer_camp_needs_child(fresh_db) -> None:
    man = sign_up(fresh_db, 1)  # odd sequence: male
    woman = sign_up(fresh_db, 2, name="刘芳")
    with pytest.raises(InvalidInput):
        programmes.enrol(fresh_db, member=man, programme="two_cancer", by="t")
    programmes.enrol(fresh_db, member=woman, programme="two_cancer", by="t")
    with pytest.raises(InvalidInput):
        programmes.enrol(fresh_db, member=man, programme="summer_camp", by="t")
    programmes.enrol(fresh_db, member=man, programme="summer_camp", by="t",
                     child_name="小明", child_age=9)
    assert queries.member_enrolments(fresh_db, woman) == ["two_cancer"]


def test_transfer_out_marks_member_and_blocks_visits(fresh_db) -> None:
    number = sign_up(fresh_db, 1)
    members.transfer_out(fresh_db, number, "呼和浩特市总工会", by="t")
    assert queries.get_member(fresh_db, number).status == "transferred_out"
    assert checkin.resolve(fresh_db, number).status == checkin.TRANSFERRED_OUT
    with pytest.raises(Refused):
        visits.record_visit(fresh_db, ["water"], by="t", member=number)


def test_profile_edit_is_an_entry_and_voiding_it_restores(fresh_db) -> None:
    number = sign_up(fresh_db, 1, name="张三")
    edit = members.update_member(fresh_db, number, by="t", reason="改名", name="张叁")
    assert queries.get_member(fresh_db, number).name == "张叁"
    corrections.void_entry(fresh_db, edit.id, "改错了", by="t")
    assert queries.get_member(fresh_db, number).name == "张三"


@pytest.fixture
def searchable(fresh_db):
    people = [("曾小明", "13811112222"), ("张伟", "13933334444"), ("翟晓燕", "13855556666"),
              ("单田芳", "13977778888"), ("巴特尔", "13800001111")]
    numbers = {name: sign_up(fresh_db, n, name=name, phone=phone)
               for n, (name, phone) in enumerate(people, 1)}
    return fresh_db, numbers


@pytest.mark.parametrize(("query", "expected"), [
    ("zengxiaoming", "曾小明"), ("zxm", "曾小明"), ("zeng", "曾小明"), ("zhai", "翟晓燕"),
    ("stf", "单田芳"), ("晓燕", "翟晓燕"), ("特", "巴特尔"), ("2222", "曾小明"),
    ("13933334444", "张伟"),
])
def test_search_by_every_key(searchable, query, expected) -> None:
    ledger, _ = searchable
    found = [m.name for m in queries.search_members(ledger, query)]
    assert expected in found


def test_search_by_member_number_and_id_tail(searchable) -> None:
    ledger, numbers = searchable
    assert [m.name for m in queries.search_members(ledger, numbers["张伟"].lower())] == ["张伟"]
    tail = rid(3)[-4:]
    assert "翟晓燕" in [m.name for m in queries.search_members(ledger, tail)]
    assert queries.search_members(ledger, "   ") == []


def test_name_search_lists_exact_then_prefix_then_contains(fresh_db) -> None:
    for n, name in enumerate(["李明", "王李", "李", "李斌斌", "张李明"], 1):
        sign_up(fresh_db, n, name=name)
    names = [m.name for m in queries.search_members(fresh_db, "李")]
    assert names[0] == "李"
    assert set(names[1:3]) == {"李明", "李斌斌"}
    assert set(names[3:]) == {"王李", "张李明"}
    assert [m.name for m in queries.search_members(fresh_db, "李明")] == ["李明", "张李明"]


def test_entries_of_another_station_cannot_be_voided_here(fresh_db) -> None:
    from station_app.data import entries, projector
    from station_app.data.entries import Entry
    from station_app.domain import ids

    other = Entry(id=ids.uuid7(), station="EEL02", epoch=1, seq=7, kind="visit",
                  recorded_at="2026-11-20T10:00:00.000+08:00", recorded_by="x", target=None,
                  body={"member_no": None, "worker_type": "courier", "services": ["water"],
                        "walk_in": True, "doc_type": None, "nationality": None})
    with fresh_db.write():
        fresh_db.conn.execute(entries.INSERT, other.row())
        projector.project(fresh_db, [other])
    before = ledger_hash(fresh_db)
    with pytest.raises(Refused) as caught:
        corrections.void_entry(fresh_db, other.id, "不是本站的", by="t")
    assert caught.value.code == "foreign_entry"
    with pytest.raises(Refused):
        corrections.correct_entry(fresh_db, other.id, {"services": ["rest"]}, "改", by="t")
    assert ledger_hash(fresh_db) == before


def test_a_correction_is_checked_like_the_entry_it_corrects(fresh_db) -> None:
    relief.define_campaign(fresh_db, code="C1", name="送清凉", kind="cooling", by="t")
    given = relief.give_relief(fresh_db, campaign="C1", walk_in_type="courier",
                               money_fen=5000, by="t")
    visit = visits.record_visit(fresh_db, ["water"], by="t",
                                walk_in=visits.WalkIn("courier"))
    before = ledger_hash(fresh_db)
    for target, changes, code in (
            (given.id, {"money_fen": 0}, "invalid.money_fen.nothing"),
            (given.id, {"money_fen": -500}, "invalid.money_fen.negative"),
            (given.id, {"goods": [{"item": "水", "qty": 0}]}, "invalid.goods.format"),
            (visit.id, {"services": ["bogus"]}, "invalid.service.unknown"),
            (visit.id, {"services": []}, "invalid.service.empty"),
            (visit.id, {"worker_type": "astronaut"}, "invalid.worker_type.unknown")):
        with pytest.raises(InvalidInput) as caught:
            corrections.correct_entry(fresh_db, target, changes, "改", by="t")
        assert caught.value.code == code
    assert ledger_hash(fresh_db) == before
    visits_before = ledger_hash(fresh_db)
    from station_app.services import catalogue as catalogue_ops

    catalogue_ops.retire_service(fresh_db, "water", by="t")  # the summer is over
    corrections.correct_entry(fresh_db, visit.id, {"services": ["water", "rest"],
                                                   "worker_type": "courier"}, "补记", by="t")
    catalogue_ops.retire_service(fresh_db, "charge", by="t")
    with pytest.raises(InvalidInput) as retired:  # a retired service it did not have
        corrections.correct_entry(fresh_db, visit.id, {"services": ["water", "charge"]}, "改",
                                  by="t")
    assert retired.value.code == "invalid.service.retired"
    with pytest.raises(InvalidInput):  # one item over the cap once its lines are added up
        corrections.correct_entry(fresh_db, given.id, {"goods": [{"item": "水", "qty": 9000},
                                                                 {"item": "水", "qty": 2000}]},
                                  "改", by="t")
    assert visits_before != ledger_hash(fresh_db)
    corrections.correct_entry(fresh_db, given.id, {"money_fen": 0, "goods": [
        {"item": "矿泉水", "qty": 2}, {"item": "矿泉水", "qty": 1}]}, "改发实物", by="t")
    assert dict(fresh_db.conn.execute("SELECT item, qty FROM relief_goods")) == {"矿泉水": 3}


def test_money_typed_with_a_chinese_input_method() -> None:
    from station_app.domain.validate import yuan_to_fen

    assert [yuan_to_fen(t) for t in ("２００", "12。5", "200元", "￥8", "¥ 12", "1,200")] == [
        20000, 1250, 20000, 800, 1200, 120000]
    for unclear in ("12,5", "1,2345"):  # a decimal comma is not read as thousands
        with pytest.raises(InvalidInput):
            yuan_to_fen(unclear)


def test_campaign_dates_are_stored_alike_and_in_order(fresh_db) -> None:
    from station_app.data import queries as q

    relief.define_campaign(fresh_db, code="W", name="送温暖", kind="warming",
                           starts="20261101", ends="2026-12-31", by="t")
    chosen = q.get_campaign(fresh_db, "W")
    assert (chosen.starts, chosen.ends) == ("2026-11-01", "2026-12-31")
    before = ledger_hash(fresh_db)
    with pytest.raises(InvalidInput) as caught:
        relief.define_campaign(fresh_db, code="X", name="送清凉", kind="cooling",
                               starts="2026-08-31", ends="2026-06-01", by="t")
    assert caught.value.code == "invalid.date.order"
    assert ledger_hash(fresh_db) == before


def test_a_programme_once_a_year_and_no_birth_in_the_future(fresh_db) -> None:
    from datetime import date

    from station_app.domain import clock, resident_id

    number = sign_up(fresh_db, 1)
    programmes.enrol(fresh_db, member=number, programme="accident_cover", by="t")
    before = ledger_hash(fresh_db)
    with pytest.raises(Refused) as caught:
        programmes.enrol(fresh_db, member=number, programme="accident_cover", by="t")
    assert caught.value.code == "already_enrolled"
    assert ledger_hash(fresh_db) == before
    programmes.enrol(fresh_db, member=number, programme="legal_aid", by="t")
    programmes.enrol(fresh_db, member=number, programme="legal_aid", by="t")  # a new case
    future = date(clock.today().year + 1, 1, 1)
    with pytest.raises(InvalidInput) as bad:
        resident_id.parse(rid(7, future))
    assert bad.value.code == "invalid.id_number.birth_date"


def test_a_mongolian_name_with_a_dot_is_found_by_its_pinyin(fresh_db) -> None:
    from station_app.data import queries as q

    number = sign_up(fresh_db, 9, name="阿拉坦•巴根")  # typed with another dot
    assert q.get_member(fresh_db, number).name == "阿拉坦·巴根"
    for query in ("altbg", "alatanbagen", "阿拉坦·巴根", "阿拉坦•巴根", "阿拉坦.巴根"):
        assert [m.member_no for m in q.search_members(fresh_db, query)] == [number], query


def test_a_number_of_this_station_that_the_ledger_does_not_hold_is_not_served(fresh_db) -> None:
    number = sign_up(fresh_db, 3)
    corrections.void_entry(fresh_db, fresh_db.conn.execute(
        "SELECT id FROM entries WHERE kind = 'member.signup'").fetchone()[0], "录错了", by="t")
    found = checkin.resolve(fresh_db, number)
    assert found.status == checkin.NOT_HERE and not found.can_serve
    before = ledger_hash(fresh_db)
    with pytest.raises(Refused) as caught:
        visits.record_visit(fresh_db, ["water"], by="t", member=number)
    assert caught.value.code == "member_not_here"
    assert ledger_hash(fresh_db) == before
    from station_app.domain import member_no as numbers

    other = checkin.resolve(fresh_db, numbers.make("EEH01", 1))  # another station's: served
    assert other.status == checkin.UNKNOWN_MEMBER and other.can_serve


def test_a_latin_full_stop_is_not_a_name_dot() -> None:
    from station_app.domain.pinyin import normalise_name

    assert normalise_name("J. Smith") == "J. Smith"
    assert normalise_name("阿拉坦．巴根") == "阿拉坦·巴根"
