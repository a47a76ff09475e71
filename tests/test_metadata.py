"""Document metadata read from the text: headers, datelines, headline, boilerplate."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ledger.extract.metadata import parse_date, read_metadata


def body(text: str, regions) -> list[str]:
    return [text[a:b] for a, b in regions]


def test_published_and_updated_lines_and_the_headline():
    text = (
        "Updated May 2nd, 2022 at 09:10 GMT\n\nFloods close 30 schools\n\n"
        "Officials said 30 schools were shut.\n\nPublished May 1, 2022\n"
    )
    meta, regions = read_metadata(text)
    assert meta.title == "Floods close 30 schools"
    assert meta.published == datetime(2022, 5, 1, tzinfo=timezone.utc)
    assert meta.published_raw == "May 1, 2022"
    assert meta.updated == datetime(2022, 5, 2, 9, 10, tzinfo=timezone.utc)
    assert body(text, regions) == ["Officials said 30 schools were shut."]


def test_ist_is_read_as_india_standard_time_and_the_raw_string_kept():
    meta, _ = read_metadata("Published April 14th, 2021 at 11:43 IST\n\nText here.\n")
    assert meta.published.utcoffset() == timedelta(hours=5, minutes=30)
    assert meta.published_raw == "April 14th, 2021 at 11:43 IST"


def test_header_fields_at_the_top():
    text = "TITLE: A headline\nURL: https://example.org/a\nOUTLET: Wire\nPUBLISHED: Friday, July 21, 2017\n\nBody text.\n"
    meta, regions = read_metadata(text)
    assert (meta.title, meta.url, meta.outlet) == ("A headline", "https://example.org/a", "Wire")
    assert meta.published.date().isoformat() == "2017-07-21"
    assert body(text, regions) == ["Body text."]


def test_boilerplate_lines_are_not_body():
    text = "Headline\n\nFirst paragraph.\n\n| Image:self\nAdvertisement\n\nSecond paragraph.\n\nAdvertisement\n"
    _, regions = read_metadata(text)
    assert body(text, regions) == ["First paragraph.", "Second paragraph."]


def test_a_paragraph_repeated_verbatim_is_read_once():
    text = "Headline\n\nThe lead says 5 things.\n\nThe lead says 5 things.\n\nMore.\n"
    _, regions = read_metadata(text)
    assert body(text, regions) == ["The lead says 5 things.", "More."]


def test_given_metadata_wins():
    from ledger.extract.types import DocumentMeta

    given = DocumentMeta(title="Mine", published=datetime(2020, 1, 1, tzinfo=timezone.utc), published_raw="2020-01-01")
    meta, _ = read_metadata("Theirs\n\nPublished May 1, 2022\n\nBody.\n", given)
    assert meta.title == "Mine" and meta.published.year == 2020 and meta.published_raw == "2020-01-01"


def test_parse_date_rejects_non_dates_and_resolves_relative_ones():
    assert parse_date("not a date") is None
    base = datetime(2021, 4, 14, tzinfo=timezone.utc)
    assert parse_date("yesterday", relative_to=base).date().isoformat() == "2021-04-13"


def test_a_one_line_text_is_body_not_a_headline():
    text = "Officials said 300 homes were flooded"
    meta, regions = read_metadata(text)
    assert meta.title is None
    assert body(text, regions) == [text]


def test_a_date_line_and_a_byline_at_the_top():
    text = "Floods close 30 schools\n\nBy Jane Doe and Ali Khan\nMarch 3, 2021\n\nOfficials said 30 schools shut.\n"
    meta, regions = read_metadata(text)
    assert meta.title == "Floods close 30 schools"
    assert meta.published.date().isoformat() == "2021-03-03" and meta.published_raw == "March 3, 2021"
    assert body(text, regions) == ["Officials said 30 schools shut."]


def test_a_date_with_time_and_zone_line():
    meta, _ = read_metadata("Headline here\n\n3 March 2021 14:05 GMT\n\nText of 4 words.\n")
    assert meta.published.isoformat() == "2021-03-03T14:05:00+00:00"


def test_a_date_inside_the_body_is_not_the_publication_date():
    text = "Headline\n\nOfficials met on Friday.\n\nMarch 3, 2021\n"
    meta, _ = read_metadata(text)
    assert meta.published is None
