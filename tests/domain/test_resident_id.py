"""The 18-digit resident ID rules an attendant relies on when signing someone up."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.domain import resident_id
from station_app.domain.errors import InvalidInput

# A published example number (GB 11643 textbook example), valid check digit X.
KNOWN_VALID = "11010519491231002X"


def test_known_valid_number_parses_with_sex_and_birth_date() -> None:
    rid = resident_id.parse(KNOWN_VALID)
    assert rid.birth_date == date(1949, 12, 31)
    assert rid.sex == "F"  # 17th digit 2 is even
    assert rid.province == "11"
    assert rid.masked == "1101**********002X"


def test_lower_case_x_is_accepted_and_normalised() -> None:
    assert resident_id.parse(KNOWN_VALID.lower()).number == KNOWN_VALID


def test_odd_sequence_digit_means_male() -> None:
    number = resident_id.make("150781", date(1988, 2, 29), 13)
    assert resident_id.parse(number).sex == "M"


@pytest.mark.parametrize("wrong", "0123456789X")
def test_every_wrong_check_digit_is_refused(wrong: str) -> None:
    number = resident_id.make("150781", date(1990, 5, 17), 123)
    if wrong == number[-1]:
        return
    with pytest.raises(InvalidInput) as caught:
        resident_id.parse(number[:-1] + wrong)
    assert caught.value.field == "id_number"
    assert caught.value.reason == "check_digit"


@pytest.mark.parametrize(("text", "reason"), [
    ("15078119900517123", "length"),
    ("1507811990051712345", "length"),
    ("15078119900A171234", "characters"),
    ("990781199005171234", "province"),
])
def test_malformed_numbers_say_why(text: str, reason: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        resident_id.parse(text)
    assert caught.value.reason == reason


@pytest.mark.parametrize("born", ["19900230", "19901301", "18500101"])
def test_impossible_birth_date_is_refused(born: str) -> None:
    first17 = "150781" + born + "123"
    number = first17 + resident_id.check_char(first17)
    with pytest.raises(InvalidInput) as caught:
        resident_id.parse(number)
    assert caught.value.reason == "birth_date"


@given(st.dates(min_value=date(1930, 1, 1), max_value=date(2020, 12, 31)),
       st.integers(0, 999), st.integers(0, 16), st.sampled_from("0123456789"))
def test_any_single_digit_typo_is_caught(born: date, seq: int, pos: int, digit: str) -> None:
    number = resident_id.make("150102", born, seq)
    assert resident_id.is_valid(number)
    typo = number[:pos] + digit + number[pos + 1:]
    if typo != number:
        assert not resident_id.is_valid(typo)
