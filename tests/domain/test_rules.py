"""Phone numbers, member numbers, worker types, pinyin keys and money: rules at the counter."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.domain import member_no, phone, pinyin, validate, worker_types
from station_app.domain.errors import InvalidInput


@pytest.mark.parametrize("text", ["13812345678", "+8613812345678", "138 1234 5678",
                                  "0086-138-1234-5678", "19912345678"])
def test_mobile_numbers_are_normalised(text: str) -> None:
    assert phone.normalise(text)[-4:] == "5678"


@pytest.mark.parametrize("text", ["12812345678", "1381234567", "138123456789", "abc", ""])
def test_bad_mobile_numbers_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        phone.normalise(text)
    assert caught.value.field == "phone"


def test_member_number_round_trip_and_typed_variants() -> None:
    number = member_no.make("MZL01", 123)
    assert number.startswith("MZL01-000123")
    assert member_no.parse(number.lower()) == number
    assert member_no.parse(number.replace("-", "")) == number
    assert member_no.station_of(number) == "MZL01"


@given(st.integers(1, 999_999), st.integers(0, 11), st.sampled_from(member_no.ALPHABET))
def test_member_number_catches_any_single_mistyped_character(serial: int, pos: int,
                                                            char: str) -> None:
    number = member_no.make("EEL02", serial)
    compact = number.replace("-", "")
    assert len(compact) == 12
    typo = compact[:pos] + char + compact[pos + 1:]
    if typo == compact:
        return
    try:
        parsed = member_no.parse(typo)
    except InvalidInput:
        return
    raise AssertionError(f"{typo} accepted as {parsed}")


def test_member_number_catches_swapped_neighbours() -> None:
    number = member_no.make("MZL01", 120_345).replace("-", "")
    for i in range(5, len(number) - 1):
        if number[i] != number[i + 1]:
            swapped = number[:i] + number[i + 1] + number[i] + number[i + 2:]
            with pytest.raises(InvalidInput):
                member_no.parse(swapped)


def test_worker_type_accepts_code_chinese_and_english() -> None:
    assert worker_types.worker_type("货车司机") == "truck_driver"
    assert worker_types.worker_type("Courier") == "courier"
    assert worker_types.worker_type("delivery_rider") == "delivery_rider"
    with pytest.raises(InvalidInput):
        worker_types.worker_type("astronaut")


@pytest.mark.parametrize(("name", "full", "initials"), [
    ("曾小明", "zengxiaoming", "zxm"), ("单田芳", "shantianfang", "stf"),
    ("解晓东", "xiexiaodong", "xxd"), ("仇建国", "qiujianguo", "qjg"),
    ("翟晓燕", "zhaixiaoyan", "zxy"), ("欧阳娜娜", "ouyangnana", "oynn"),
    ("张伟", "zhangwei", "zw"),
])
def test_pinyin_reads_polyphonic_surnames_as_surnames(name: str, full: str,
                                                      initials: str) -> None:
    assert pinyin.full(name) == full
    assert pinyin.initials(name) == initials


@pytest.mark.parametrize(("text", "fen"), [("12", 1200), ("12.5", 1250), ("0.05", 5),
                                           ("¥1,000.00", 100000), ("", 0)])
def test_yuan_to_fen_never_uses_floats(text: str, fen: int) -> None:
    assert validate.yuan_to_fen(text) == fen
    assert validate.format_fen(fen) == (f"{fen // 100}.{fen % 100:02d}")


@pytest.mark.parametrize("text", ["1.234", "abc", "-5", "1.2.3"])
def test_bad_money_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        validate.yuan_to_fen(text)
