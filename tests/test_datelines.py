"""Bylines and datelines of text files read as the publication date, with the precision and
the offset the source states and the raw string kept (ledger/extract/when.py, metadata.py)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ledger.extract import extract
from ledger.extract.metadata import parse_date, read_metadata
from ledger.extract.types import DocumentMeta
from ledger.extract.when import as_stated, read_date

BODY = "Officials said 300 homes were flooded."


def meta_of(*top: str, body: str = BODY):
    text = "Storm floods the valley\n\n" + "\n".join(top) + "\n\n" + body + "\n"
    meta, regions = read_metadata(text)
    return meta, [text[a:b] for a, b in regions]


def at(y, mo, d, h=0, mi=0, offset: int | None = None) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=timezone(timedelta(minutes=offset or 0)))


# line, published (in the offset stated), precision, offset stated (minutes), raw kept
LINES = [
    ("By Lena Ortiz — Published Tuesday, 4 June 2024", at(2024, 6, 4), "day", None, "Tuesday, 4 June 2024"),
    ("By Omar Haddad - Published Wednesday, 12 March 2025", at(2025, 3, 12), "day", None, "Wednesday, 12 March 2025"),
    ("05/03/2024 4:15 PM PST", at(2024, 5, 3, 16, 15, -480), "time", -480, "05/03/2024 4:15 PM PST"),
    ("11/30/2023 9:05 am EST", at(2023, 11, 30, 9, 5, -300), "time", -300, "11/30/2023 9:05 am EST"),
    ("March 5, 2024 | 5:30 p.m. ET", at(2024, 3, 5, 17, 30, -300), "time", -300, "March 5, 2024 | 5:30 p.m. ET"),
    ("July 9, 2024 | 5:30 p.m. ET", at(2024, 7, 9, 17, 30, -240), "time", -240, "July 9, 2024 | 5:30 p.m. ET"),
    ("Aug. 14, 2023 at 11:20 p.m. PT", at(2023, 8, 14, 23, 20, -420), "time", -420, "Aug. 14, 2023 at 11:20 p.m. PT"),
    ("Dec. 1, 2023, 6 a.m. CT", at(2023, 12, 1, 6, 0, -360), "time", -360, "Dec. 1, 2023, 6 a.m. CT"),
    ("Posted on September 21, 2020 by Sam Lee", at(2020, 9, 21), "day", None, "September 21, 2020"),
    ("Published 9:12 AM EDT, Thu March 7, 2024", at(2024, 3, 7, 9, 12, -240), "time", -240,
     "9:12 AM EDT, Thu March 7, 2024"),
    ("By AP Staff | Jan. 2, 2023, 11:00 a.m.", at(2023, 1, 2, 11, 0), "time", None, "Jan. 2, 2023, 11:00 a.m."),
    ("2024-06-04", at(2024, 6, 4), "day", None, "2024-06-04"),
    ("2024-06-04T19:30:00-05:00", at(2024, 6, 4, 19, 30, -300), "time", -300, "2024-06-04T19:30:00-05:00"),
    ("2023-10-02 08:15:00Z", at(2023, 10, 2, 8, 15, 0), "time", 0, "2023-10-02 08:15:00Z"),
    ("June 2024", at(2024, 6, 1), "month", None, "June 2024"),
    ("PUBLISHED: 2019", at(2019, 1, 1), "year", None, "2019"),
    ("PUBLISHED: November 2022", at(2022, 11, 1), "month", None, "November 2022"),
    ("Friday 3 May 2024 18.45 BST", at(2024, 5, 3, 18, 45, 60), "time", 60, "Friday 3 May 2024 18.45 BST"),
    ("14 April 2021 11:43 IST", at(2021, 4, 14, 11, 43, 330), "time", 330, "14 April 2021 11:43 IST"),
    ("3 June 2024 18:02 HKT", at(2024, 6, 3, 18, 2, 480), "time", 480, "3 June 2024 18:02 HKT"),
    ("Monday 8 January 2024 07:00 AEDT", at(2024, 1, 8, 7, 0, 660), "time", 660, "Monday 8 January 2024 07:00 AEDT"),
    ("8 July 2024 07:00 AEST", at(2024, 7, 8, 7, 0, 600), "time", 600, "8 July 2024 07:00 AEST"),
    ("20 February 2024 21:10 JST", at(2024, 2, 20, 21, 10, 540), "time", 540, "20 February 2024 21:10 JST"),
    ("4 June 2024 14:00 CEST", at(2024, 6, 4, 14, 0, 120), "time", 120, "4 June 2024 14:00 CEST"),
    ("4 Feb 2024 14:00 CET", at(2024, 2, 4, 14, 0, 60), "time", 60, "4 Feb 2024 14:00 CET"),
    ("June 4, 2024 7:30 pm GMT+2", at(2024, 6, 4, 19, 30, 120), "time", 120, "June 4, 2024 7:30 pm GMT+2"),
    ("4 June 2024 19:30 UTC-05:00", at(2024, 6, 4, 19, 30, -300), "time", -300, "4 June 2024 19:30 UTC-05:00"),
    ("June 4th, 2024 at 10:45pm +0530", at(2024, 6, 4, 22, 45, 330), "time", 330, "June 4th, 2024 at 10:45pm +0530"),
    ("Published: 1st of March 2022", at(2022, 3, 1), "day", None, "1st of March 2022"),
    ("First published on Sat 6 Jan 2024 12.00 GMT", at(2024, 1, 6, 12, 0, 0), "time", 0, "Sat 6 Jan 2024 12.00 GMT"),
]


@pytest.mark.parametrize("line, published, precision, offset, raw", LINES, ids=[x[0] for x in LINES])
def test_a_dateline_is_the_publication_date_as_stated(line, published, precision, offset, raw):
    meta, body = meta_of(line)
    assert meta.published == published and meta.published.utcoffset() == published.utcoffset()
    assert meta.published_precision == precision
    assert read_date(meta.published_raw).offset == offset
    assert meta.published_raw == raw
    assert body == [BODY]  # the line is metadata, not a sentence


@pytest.mark.parametrize("line, author", [
    ("By Lena Ortiz — Published Tuesday, 4 June 2024", "Lena Ortiz"),
    ("Posted on September 21, 2020 by Sam Lee", "Sam Lee"),
    ("By AP Staff | Jan. 2, 2023, 11:00 a.m.", "AP Staff"),
    ("By Jane Doe and Ali Khan", "Jane Doe and Ali Khan"),
    ("By Priya Natarajan, 14 April 2021", "Priya Natarajan"),
    ("By Jane Doe, Staff writer", "Jane Doe, Staff writer"),
    ("By Tomás Ruiz, Reuters", "Tomás Ruiz, Reuters"),
])
def test_the_bylines_names_are_the_author(line, author):
    meta, body = meta_of(line)
    assert meta.author == author
    assert body == [BODY]


def test_an_updated_line_is_not_the_publication_date():
    meta, _ = meta_of("Updated 10:02 GMT (18:02 HKT) June 3, 2024", "Published 21:40 GMT June 2, 2024")
    assert meta.published == at(2024, 6, 2, 21, 40) and meta.published_raw == "21:40 GMT June 2, 2024"
    assert meta.updated == at(2024, 6, 3, 10, 2) and meta.updated_raw == "10:02 GMT (18:02 HKT) June 3, 2024"
    meta, _ = meta_of("Last modified on Fri 12 Jan 2024 07.30 GMT", "Published Thu 11 Jan 2024 19.00 GMT")
    assert (meta.published, meta.updated) == (at(2024, 1, 11, 19), at(2024, 1, 12, 7, 30))


def test_a_us_evening_story_stays_on_its_day():
    meta, _ = meta_of("June 4, 2024 | 7:30 p.m. ET")
    assert meta.published.date().isoformat() == "2024-06-04"
    assert meta.published.astimezone(timezone.utc) == datetime(2024, 6, 4, 23, 30, tzinfo=timezone.utc)
    doc = extract("Vote tonight\n\nJune 4, 2024 | 10:30 p.m. PT\n\nThe senator said 52 votes were cast today.\n")
    assert doc.claims[0].date_mentioned == "2024-06-04"  # not the UTC day, the 5th


@pytest.mark.parametrize("raw, expected", [
    ("05/03/2024", "2024-05-03"),  # month first: the US reading
    ("12/11/2023", "2023-12-11"),
    ("25/03/2024", "2024-03-25"),  # a first part above 12 can only be the day
    ("05/03/2024 16:15 BST", "2024-03-05 16:15 +01:00"),  # a British zone: day first
    ("05/03/2024 09:00 AEST", "2024-03-05 09:00 +10:00"),
    ("05/03/2024 9:00 AM EST", "2024-05-03 09:00 -05:00"),
    ("2024/03/05", "2024-03-05"),  # year first is always year-month-day
    ("02/30/2024", None),  # no such day
    ("4 June 2024 19:30 GMT+25", None),  # no such zone
    ("2024-06-04T19:30:00+99:99", None),
    ("4 June 2024 25:30", None),  # no such time
    ("4 June 2024 13:30 pm", None),
    ("9999-12-31T23:30:00-05:00", None),  # its UTC instant is in the year 10000
    ("0001-01-01T00:30:00+05:00", None),
])
def test_numeric_dates_follow_the_documented_rule(raw, expected):
    found = read_date(raw)
    assert (as_stated(found.when, found.precision, found.offset) if found else None) == expected


@pytest.mark.parametrize("raw, offset", [
    ("January 10, 2024 8:00 PM ET", -300), ("July 10, 2024 8:00 PM ET", -240),
    ("March 9, 2024 8:00 PM ET", -300), ("March 11, 2024 8:00 PM ET", -240),  # US daylight time began on the 10th
    ("November 4, 2024 9:00 AM PT", -480), ("November 1, 2024 9:00 AM PT", -420),
    ("January 10, 2024 8:00 PM MT", -420), ("July 10, 2024 8:00 PM CT", -300),
])
def test_us_region_zones_follow_the_daylight_rule_of_the_date(raw, offset):
    assert read_date(raw).offset == offset


def test_ist_is_india_standard_time():
    assert read_date("14 April 2021 11:43 IST").offset == 330


def test_a_year_alone_is_not_a_date_line_and_its_text_keeps_it():
    meta, body = meta_of("2019")
    assert meta.published is None and meta.published_precision is None
    assert body == ["2019", BODY]


@pytest.mark.parametrize("top", ["PUBLISHED: 2019", "PUBLISHED: June 2019"])
def test_a_year_or_month_is_never_completed_with_today(top):
    meta, _ = meta_of(top)
    assert (meta.published.month, meta.published.day) == ((6 if "June" in top else 1), 1)
    assert parse_date(top.split(": ")[1]) == meta.published


def test_relative_dates_do_not_resolve_against_a_year_or_month():
    for top, expected in [("PUBLISHED: 2019", None), ("PUBLISHED: June 2019", None),
                          ("PUBLISHED: June 5, 2019", "2019-06-04")]:
        doc = extract(f"{top}\n\nOfficials said on Tuesday that 300 homes flooded.\n")
        assert doc.claims[0].date_mentioned == expected, top


def test_a_wire_dateline_without_a_year_is_kept_raw_and_no_year_is_invented():
    doc = extract("Council passes budget\n\nWASHINGTON, March 3 (Reuters) - The council approved $2.5 million on Tuesday.\n")
    assert doc.meta.published is None and doc.meta.published_precision is None
    assert doc.meta.published_raw == "March 3"
    [claim] = doc.claims
    assert claim.text == "The council approved $2.5 million on Tuesday."  # the dateline is not the claim
    assert claim.date_mentioned is None


def test_a_wire_dateline_takes_its_year_from_another_date_of_the_text():
    doc = extract("PUBLISHED: 2024\n\nLONDON, March 3 (AFP) — Officials said 40 schools closed.\n")
    assert doc.meta.published == at(2024, 3, 3) and doc.meta.published_precision == "day"
    doc = extract("Updated January 4, 2025\n\nBERLIN, Dec. 30 (Reuters) - Officials said 40 schools closed.\n")
    assert doc.meta.published == at(2024, 12, 30)  # the latest such day on or before the update
    doc = extract("PUBLISHED: 2024\n\nPARIS, Feb. 30 (AFP) — Officials said 40 schools closed.\n")
    assert doc.meta.published == at(2024, 1, 1) and doc.meta.published_precision == "year"  # no such day


def test_a_wire_dateline_with_its_year_dates_the_text():
    doc = extract("NAIROBI, Kenya, May 2, 2023 (AP) — Officials said 40 schools closed.\n")
    assert doc.meta.published == at(2023, 5, 2) and doc.meta.published_precision == "day"
    assert doc.claims[0].text == "Officials said 40 schools closed."


@pytest.mark.parametrize("line", [
    "Tuesday's vote on 4 June 2024 was close",  # words that are not a date
    "By the end of March 2024 the river had risen",
    "Published in the journal Nature",
    "Posted by Sam Lee",
    "March 3",  # no year: not a date line
    "Updated Tuesday",  # a weekday alone is no date (it would be read against today)
])
def test_lines_that_are_not_a_date_are_not_read_as_one(line):
    meta, _ = meta_of(line)
    assert meta.published is None and meta.updated is None


def test_a_date_in_the_body_is_not_the_publication_date():
    meta, _ = meta_of("By Lena Ortiz", body=f"{BODY}\n\nJune 4, 2024 | 7:30 p.m. ET")
    assert meta.published is None and meta.author == "Lena Ortiz"


def test_given_dates_win_and_get_their_precision_from_the_raw_string():
    doc = extract("Published June 4, 2024\n\n" + BODY, published=parse_date("2019"), published_raw="2019")
    assert (doc.meta.published, doc.meta.published_precision) == (at(2019, 1, 1), "year")


def test_parse_date_keeps_its_signature_for_page_dates():
    assert parse_date("2024-06-04T19:30:00-05:00") == at(2024, 6, 4, 19, 30, -300)
    assert parse_date("2024-06-04T19:30:00-05:00").utcoffset() == timedelta(hours=-5)
    assert parse_date("Tue, 04 Jun 2024 19:30:00 -0500").utcoffset() == timedelta(hours=-5)
    assert parse_date("not a date") is None
    assert parse_date("Thu Feb 15 09:41:07 CET 2024") == at(2024, 2, 15, 9, 41, 60).replace(second=7)  # ctime form
    assert parse_date("Thu Feb 15 09:41:07 CET 2024").utcoffset() == timedelta(hours=1)
    assert parse_date("Monday, May 6, 2024 21:05 [IST]") == at(2024, 5, 6, 21, 5, 330)
    assert parse_date("2024-02-15T09:41:07.250+01:00").microsecond == 250000
    assert parse_date("© 2024 Example Broadcasting. All rights reserved.") is None  # a copyright year is no date
    base = datetime(2021, 4, 14, tzinfo=timezone.utc)
    assert parse_date("yesterday", relative_to=base).date().isoformat() == "2021-04-13"


@pytest.mark.parametrize("precision, offset, shown, iso", [
    ("time", -300, "2024-06-04 19:30 -05:00", "2024-06-04T19:30:00-05:00"),
    ("time", None, "2024-06-05 00:30", "2024-06-05T00:30:00"),
    ("day", -300, "2024-06-04", "2024-06-04"),
    ("month", None, "2024-06", "2024-06"),
    ("year", None, "2024", "2024"),
    (None, None, "2024-06-05", "2024-06-05T00:30:00+00:00"),  # stored before precision was kept: as before
])
def test_a_stored_instant_is_shown_as_stated(precision, offset, shown, iso):
    instant = datetime(2024, 6, 5, 0, 30)  # naive UTC, as storage may return it
    assert as_stated(instant, precision, offset) == shown
    assert as_stated(instant, precision, offset, iso=True) == iso


@pytest.mark.parametrize("url, day", [
    ("https://www.example.co.uk/news/flood", "2024-03-05"), ("https://news.example.com.au/a", "2024-03-05"),
    ("https://example.com/news/flood", "2024-05-03"), (None, "2024-05-03"),
])
def test_an_outlet_of_a_day_first_country_reads_numeric_dates_day_first(url, day):
    header = f"URL: {url}\n" if url else ""
    meta, _ = read_metadata(f"{header}PUBLISHED: 05/03/2024\n\n{BODY}\n")
    assert meta.published.date().isoformat() == day
    meta, _ = read_metadata(f"Storm floods the valley\n\n05/03/2024\n\n{BODY}\n", DocumentMeta(url=url))
    assert meta.published.date().isoformat() == day


@pytest.mark.parametrize("raw, precision, offset, utc", [
    ("2017-06", "month", None, "2017-06-01T00:00"),
    ("2017-06-05T9:30+05", "time", 300, "2017-06-05T04:30"),
    ("2017-06-05T10:30:00,5-0330", "time", -210, "2017-06-05T14:00"),
])
def test_machine_dates_pages_write_are_read_with_their_precision_and_offset(raw, precision, offset, utc):
    found = read_date(raw)
    assert (found.precision, found.offset) == (precision, offset)
    assert found.when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M") == utc


def test_a_year_and_month_that_is_no_month_is_no_date():
    assert read_date("2017-13") is None
