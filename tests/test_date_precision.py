"""A publication date is stored as its UTC instant with the precision and offset the source
stated, and shown as stated by `show`, `--json` and the CSV report; rows stored before
revision 0010 are shown as before. Runs on SQLite, and on PostgreSQL with LEDGER_TEST_PG."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import text

from conftest import report_rows
from ledger.storage.db import create_ledger_engine, current_revision, head_revision, migrate, open_ledger

ARTICLES = {
    "evening.txt": "Late vote in the senate\n\nBy Lena Ortiz — Published Tuesday, 4 June 2024 7:30 p.m. ET\n\n"
                   "The senator said 52 votes were cast on Monday.\n",
    "month.txt": "Budget review\n\nPUBLISHED: June 2024\n\nThe council said 40 roads were repaired on Tuesday.\n",
    "year.txt": "Annual report\n\nPUBLISHED: 2019\n\nThe agency said 75 bridges were inspected on Tuesday.\n",
    "day.txt": "Flood count\n\nPosted on September 21, 2020 by Sam Lee\n\nOfficials said 300 homes flooded on Monday.\n",
    "wire.txt": "Council budget\n\nWASHINGTON, March 3 (Reuters) - The council said 12 schools will close.\n",
    "nozone.txt": "Port strike\n\nJan. 2, 2023, 11:00 a.m.\n\nThe union said 1,200 workers walked out.\n",
}


@pytest.fixture
def dated(ledger, tmp_path):
    for name, body in ARTICLES.items():
        (tmp_path / name).write_text(body)
    result = ledger("add", *(str(tmp_path / name) for name in ARTICLES))
    assert result.exit_code == 0, result.output
    return ledger


def by_figure(ledger) -> dict[str, dict]:
    return {c["quantity"]["surface"]: c for c in ledger.json("export", "--format", "json")}


def stored(db_url: str) -> dict[str, tuple]:
    engine = create_ledger_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT source, published, published_precision, published_offset, author,"
                                     " published_raw FROM documents")).all()
    finally:
        engine.dispose()
    return {r[0].rsplit("/", 1)[-1]: tuple(r[1:]) for r in rows}


def utc(value) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def test_the_utc_instant_is_stored_with_precision_offset_author_and_raw(dated, db_url):
    rows = stored(db_url)
    instant, precision, offset, author, raw = rows["evening.txt"]
    assert utc(instant) == datetime(2024, 6, 4, 23, 30, tzinfo=timezone.utc)  # ordering and filters: UTC
    assert (precision, offset, author, raw) == ("time", -240, "Lena Ortiz", "Tuesday, 4 June 2024 7:30 p.m. ET")
    assert rows["month.txt"][1:3] == ("month", None) and utc(rows["month.txt"][0]).isoformat()[:10] == "2024-06-01"
    assert rows["year.txt"][1:3] == ("year", None) and utc(rows["year.txt"][0]).isoformat()[:10] == "2019-01-01"
    assert rows["day.txt"][1:4] == ("day", None, "Sam Lee")
    assert rows["nozone.txt"][1:3] == ("time", None)
    assert rows["wire.txt"] == (None, None, None, None, "March 3")  # no year stated: the raw string only


def test_json_shows_the_date_as_stated(dated):
    claims = by_figure(dated)
    evening = claims["52 votes"]["document"]
    assert evening["published"] == "2024-06-04T19:30:00-04:00"  # the day the source states, not the UTC 5th
    assert evening["published_utc"] == "2024-06-04T23:30:00+00:00"
    assert (evening["published_precision"], evening["author"]) == ("time", "Lena Ortiz")
    assert claims["52 votes"]["date_mentioned"] == "2024-06-03"
    assert claims["40 roads"]["document"]["published"] == "2024-06"
    assert claims["75 bridges"]["document"]["published"] == "2019"
    assert claims["300 homes"]["document"]["published"] == "2020-09-21"
    assert claims["1,200 workers"]["document"]["published"] == "2023-01-02T11:00:00"  # no zone stated, none shown
    wire = claims["12 schools"]["document"]
    assert (wire["published"], wire["published_raw"], wire["published_precision"]) == (None, "March 3", None)


def test_relative_dates_are_not_resolved_against_a_year_or_a_month(dated):
    claims = by_figure(dated)
    assert claims["40 roads"]["date_mentioned"] is None
    assert claims["75 bridges"]["date_mentioned"] is None
    assert claims["300 homes"]["date_mentioned"] == "2020-09-21"


def test_show_prints_the_date_as_stated(dated):
    claims = by_figure(dated)
    shown = dated("show", str(claims["52 votes"]["id"])).stdout
    assert "Late vote in the senate · by Lena Ortiz · 2024-06-04 19:30 -04:00" in shown
    assert "Budget review · 2024-06\n" in dated("show", str(claims["40 roads"]["id"])).stdout
    assert "Annual report · 2019\n" in dated("show", str(claims["75 bridges"]["id"])).stdout
    assert "Council budget · dated 'March 3', not a full date\n" in dated("show", str(claims["12 schools"]["id"])).stdout


def test_the_queue_shows_the_day_the_source_states(dated):
    queue = dated("queue", "--limit", "10").stdout
    assert "2024-06-04" in queue and "2024-06-05" not in queue
    assert "2024-06 " in queue.replace("│", " ") and "2019 " in queue.replace("│", " ")


def test_the_csv_report_shows_the_date_as_stated(dated):
    rows = {r["quantity_surface"]: r["published"] for r in report_rows(dated("export").stdout)}
    assert rows == {"52 votes": "2024-06-04T19:30:00-04:00", "40 roads": "2024-06", "75 bridges": "2019",
                    "300 homes": "2020-09-21", "1,200 workers": "2023-01-02T11:00:00", "12 schools": ""}


def test_filters_still_use_the_instant(dated):
    since = {c["quantity"]["surface"] for c in dated.json("queue", "--json", "--since", "2024-06-01")}
    assert since == {"52 votes", "40 roads"}  # June 2024 is its first instant, 2024-06-01
    since = {c["quantity"]["surface"] for c in dated.json("queue", "--json", "--since", "2024-06-04")}
    assert since == {"52 votes"}
    until = {c["quantity"]["surface"] for c in dated.json("queue", "--json", "--until", "2021-01-01")}
    assert until == {"75 bridges", "300 homes"}  # a document with no date is in neither


@pytest.mark.parametrize("value, shown, precision", [
    ("2021-04", "2021-04", "month"), ("2021", "2021", "year"), ("2021-04-14", "2021-04-14", "day"),
    ("2021-04-14T22:00:00-07:00", "2021-04-14T22:00:00-07:00", "time"),
])
def test_add_published_gets_its_precision(ledger, tmp_path, value, shown, precision):
    article = tmp_path / "a.txt"
    article.write_text("Published June 4, 2024\n\nOfficials said 300 homes flooded.\n")
    assert ledger("add", str(article), "--published", value).exit_code == 0
    assert ledger("add", "--claim", "The mayor said 12 bridges were built", "--published", value).exit_code == 0
    for claim in ledger.json("export", "--format", "json"):
        assert (claim["document"]["published"], claim["document"]["published_precision"]) == (shown, precision)
        assert claim["document"]["published_raw"] == value


def test_a_blank_database_has_the_columns(db_url):
    from sqlalchemy import inspect

    engine = open_ledger(db_url)
    columns = {c["name"] for c in inspect(engine).get_columns("documents")}
    engine.dispose()
    assert {"published_precision", "published_offset", "author"} <= columns


def test_upgrade_from_0009_keeps_rows_and_shows_them_as_before(db_url):
    engine = create_ledger_engine(db_url)
    migrate(engine, "0008")
    late = datetime(2021, 4, 15, 2, 30, tzinfo=timezone.utc)
    when = late.replace(tzinfo=None) if engine.dialect.name == "sqlite" else late
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO documents (id, title, by_hand, content_hash, text, ingested_at, published, published_raw)"
            " VALUES (1, 'Old article', false, 'abc', 'Officials said 300 homes flooded.', :now, :now, :raw)"),
            {"now": when, "raw": "April 14, 2021 10:30 p.m. ET"})
        conn.execute(text(
            "INSERT INTO claims (id, document_id, start, \"end\", sentence_start, sentence_end, text, q_surface,"
            " q_value, q_unit, q_change, status, created_at, updated_at) VALUES (1, 1, 0, 33, 0, 33,"
            " 'Officials said 300 homes flooded.', '300 homes', 300, 'home', '=', 'pending', :now, :now)"),
            {"now": when})
    migrate(engine, "0009")  # fingerprinted as stored
    assert current_revision(engine) == "0009"
    engine.dispose()
    from conftest import Ledger

    ledger = Ledger(db_url)
    [claim] = ledger.json("export", "--format", "json")  # opening upgrades
    assert current_revision(create_ledger_engine(db_url)) == head_revision()
    assert claim["document"]["published"] == "2021-04-15T02:30:00+00:00"  # as before: the UTC instant
    assert claim["document"]["published_precision"] is None and claim["document"]["author"] is None
    assert "Old article · 2021-04-15\n" in ledger("show", "1").stdout
    [row] = report_rows(ledger("export").stdout)
    assert row["published"] == "2021-04-15T02:30:00+00:00"
    assert ledger("audit", "verify").exit_code == 0  # fingerprints of old rows still verify


def test_a_downgrade_to_0009_drops_the_columns_and_keeps_the_rows(dated, db_url):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from ledger.storage.db import MIGRATIONS, schema_lock

    engine = create_ledger_engine(db_url)
    try:
        with schema_lock(engine) as conn:
            cfg = Config()
            cfg.set_main_option("script_location", str(MIGRATIONS))
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0009")
        columns = {c["name"] for c in inspect(engine).get_columns("documents")}
        with engine.connect() as conn:
            count = conn.execute(text("SELECT count(*) FROM documents")).scalar()
    finally:
        engine.dispose()
    assert not {"published_precision", "published_offset", "author"} & columns
    assert count == len(ARTICLES)
