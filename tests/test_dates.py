"""Relative dates in claims resolve against the publication date."""
from datetime import datetime, timezone

import pytest

from ledger.extract.dates import resolve_relative_date

WEDNESDAY = datetime(2021, 4, 14, 11, 43, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The minister said Tuesday the drills would end.", "2021-04-13"),
        ("Talks resumed on Wednesday.", "2021-04-14"),
        ("He spoke last Wednesday.", "2021-04-07"),
        ("The vote is next Monday.", "2021-04-19"),
        ("Schools would reopen on Monday, the mayor said.", "2021-04-19"),
        ("The report is due on Friday.", "2021-04-16"),
        ("Police said yesterday that 4 men were held.", "2021-04-13"),
        ("The report comes out tomorrow.", "2021-04-15"),
        ("Officials said 300 homes flooded.", None),
    ],
)
def test_relative_dates(sentence, expected):
    assert resolve_relative_date(sentence, WEDNESDAY) == expected


def test_no_publication_date_no_resolution():
    assert resolve_relative_date("He said Tuesday.", None) is None
