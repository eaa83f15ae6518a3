import datetime as dt

import pytest

from bot.core.dates import PartialDate


@pytest.mark.parametrize(
    ("text", "precision", "human"),
    [
        ("2023", "year", "2023"),
        ("2023-04", "month", "April 2023"),
        ("2023-04-12", "day", "12 April 2023"),
    ],
)
def test_partial_dates_keep_their_precision(text, precision, human):
    date = PartialDate.parse(text)
    assert date.precision == precision
    assert date.human() == human
    assert str(date) == text


@pytest.mark.parametrize(
    "text", ["2023-02-30", "2023-13", "12 April 2023", "23-04-12", "", "2023-04-12-01"]
)
def test_impossible_or_malformed_dates_are_rejected(text):
    with pytest.raises(ValueError, match=r"date|month|day"):
        PartialDate.parse(text)


def test_a_month_is_past_only_once_it_has_ended():
    april = PartialDate.parse("2023-04")
    assert not april.is_past(dt.date(2023, 4, 30))
    assert april.is_past(dt.date(2023, 5, 1))
