"""What the ledger publishes is inert: ClaimReview JSON-LD that cannot break out of its
<script> element and links only to http(s) pages, evidence that is a web link or a
hashed file, and a CSV report whose every text cell is safe to open in a spreadsheet."""
from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import report_rows
from ledger.errors import ExitCode

RIVERTON = Path(__file__).resolve().parent.parent / "seeds" / "riverton"
BREAKOUT = "</script><script>alert(1)</script> <!--<script> & \u2028\u2029 </SCRIPT >"
PUBLISH = ("export", "--format", "claimreview", "--publisher", "Fact Desk",
           "--review-url-template", "https://facts.example.org/claims/{id}")
BAD_URLS = ["javascript:alert(1)", "JavaScript:alert(document.domain)", "data:text/html;base64,PHNjcmlwdD4=",
            "file:///etc/passwd", "vbscript:msgbox(1)", "//evil.example/x", "java\tscript:alert(1)",
            " javascript:alert(1)", " https://example.org/leading-space", "https://bank.example@evil.example/"]


def everything(ledger) -> list[dict]:
    return ledger.json("export", "--format", "json")


class _ScriptPage(HTMLParser):
    """Records every element opened and the text inside script elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.opened: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.opened.append(tag)
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def embedded(jsonld: str) -> _ScriptPage:
    page = _ScriptPage()
    page.feed(f'<!doctype html><html><head><script type="application/ld+json">{jsonld}</script></head>'
              "<body><p>after</p></body></html>")
    page.close()
    return page


# ------------------------------------------------------------------ ClaimReview: inert in a page


@pytest.fixture
def hostile_article(ledger, tmp_path):
    """A claim whose text, speaker, note, document title and outlet all try to close the
    script element, reviewed and ready to publish."""
    article = tmp_path / "hostile.txt"
    article.write_text(f"TITLE: {BREAKOUT} title\nOUTLET: {BREAKOUT} outlet\n"
                       "URL: https://example.org/story?a=1&b=2\nPUBLISHED: March 1, 2024\n\n"
                       "Mayor Tom Reyes said 900 homes had been flooded, far fewer than first feared.\n")
    assert ledger("add", str(article)).exit_code == 0
    ledger("add", "--claim", f"{BREAKOUT} 12 bridges were built", "--speaker", f"{BREAKOUT} speaker",
           "--url", "https://example.org/hand?x=<1>")  # < in a URL: not a clean link, left out
    ledger("add", "--claim", f"{BREAKOUT} 14 schools closed", "--speaker", f"{BREAKOUT} speaker",
           "--url", "https://example.org/hand-typed")
    for claim in everything(ledger):
        result = ledger("mark", str(claim["id"]), "--status", "disputed", "--note", f"{BREAKOUT} note")
        assert result.exit_code == 0, result.output
    return ledger


def test_claimreview_cannot_close_its_script_element(hostile_article):
    result = hostile_article(*PUBLISH)
    assert result.exit_code == 0, result.output
    out = result.stdout
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in out
    assert "\\u003c/script\\u003e" in out and "\\u0026" in out and "\\u2028" in out and "\\u2029" in out
    reviews = json.loads(out)
    assert len(reviews) == 2
    page = embedded(out)
    assert page.opened.count("script") == 1  # no script element but ours was opened
    assert page.opened == ["html", "head", "script", "body", "p"]
    assert json.loads(page.scripts[0]) == reviews


def test_a_hostile_publisher_name_stays_inside_the_script_element(hostile_article):
    args = list(PUBLISH)
    args[args.index("--publisher") + 1] = BREAKOUT
    out = hostile_article(*args).stdout
    assert "<" not in out
    page = embedded(out)
    assert page.opened.count("script") == 1
    assert {r["author"]["name"] for r in json.loads(page.scripts[0])} == {BREAKOUT}


def test_old_reviews_with_a_bad_evidence_url_publish_nothing_of_it(one_claim, db_url):
    ledger, cid = one_claim
    ledger("mark", cid, "--status", "verified", "--note", "ok")
    run_sql(db_url, "UPDATE reviews SET evidence_url = 'javascript:alert(1)'")  # stored before the check existed
    out = ledger(*PUBLISH).stdout
    assert len(json.loads(out)) == 1 and "javascript" not in out
    [row] = report_rows(ledger("export").stdout)
    assert row["last_evidence"] == "javascript:alert(1)"  # the report shows what is stored, as text


def test_claimreview_keeps_the_exact_text_it_escapes(hostile_article):
    reviews = json.loads(hostile_article(*PUBLISH).stdout)
    by_claim = {r["claimReviewed"]: r for r in reviews}
    hand = by_claim[f"{' '.join(BREAKOUT.split())} 14 schools closed"]  # a hand-typed claim's spaces are folded
    assert hand["itemReviewed"]["author"]["name"] == f"{BREAKOUT} speaker"
    article = next(r for r in reviews if "900 homes" in r["claimReviewed"])
    for review in (hand, article):
        assert review["reviewBody"] == f"{BREAKOUT} note"
    [appearance] = article["itemReviewed"]["appearance"]
    assert appearance["headline"] == f"{BREAKOUT} title"
    assert appearance["publisher"]["name"] == f"{BREAKOUT} outlet"
    assert appearance["url"] == "https://example.org/story?a=1&b=2"


def test_claimreview_leaves_out_document_urls_that_are_not_web_links(ledger):
    for i, url in enumerate(BAD_URLS):
        assert ledger("add", "--claim", f"The mayor said {i + 20} homes flooded", "--speaker", "Tom Reyes",
                      "--url", url).exit_code == 0
    ledger("add", "--claim", "The mayor said 99 homes flooded", "--speaker", "Tom Reyes",
           "--url", "https://example.org/good")
    for claim in everything(ledger):
        ledger("mark", str(claim["id"]), "--status", "verified")
    result = ledger(*PUBLISH)
    assert result.exit_code == 0, result.output
    [review] = json.loads(result.stdout)
    assert review["itemReviewed"]["appearance"][0]["url"] == "https://example.org/good"
    for word in ("javascript", "JavaScript", "data:", "file:", "vbscript", "evil", "leading-space", "script:"):
        assert word not in result.stdout
    assert result.stderr == (
        f"Wrote 1 claim review; skipped {len(BAD_URLS)} reviewed claims lacking a speaker or a source URL;"
        f" left out {len(BAD_URLS)} source URLs that were not http(s).\n")


def test_an_appearance_with_a_bad_url_is_dropped_and_the_claim_kept(ledger, tmp_path):
    seeds = tmp_path / "riverton"
    shutil.copytree(RIVERTON, seeds)
    herald = seeds / "2024-03-01-coast-herald.txt"
    herald.write_text(herald.read_text().replace("URL: https://example.org/coast-herald/riverton-counts-cost",
                                                 "URL: javascript:alert('herald')"))
    assert ledger("add", str(seeds)).exit_code == 0
    homes = next(c for c in everything(ledger) if c["quantity"] and c["quantity"]["surface"] == "1,200 homes")
    assert homes["appearances"] == 2
    assert ledger("mark", str(homes["id"]), "--status", "verified", "--all-appearances").exit_code == 0
    result = ledger(*PUBLISH)
    reviews = json.loads(result.stdout)
    assert len(reviews) == 2  # both appearances of the claim were reviewed; each keeps the good source
    for review in reviews:
        assert [a["url"] for a in review["itemReviewed"]["appearance"]] == [
            "https://example.org/daily-planet/riverton-storm"]
    assert "javascript" not in result.stdout and "herald" not in result.stdout.lower()
    assert "left out 2 source URLs that were not http(s)" in result.stderr


@pytest.mark.parametrize("template", ["javascript:alert({id})", "data:text/html,{id}", "file:///tmp/{id}",
                                      "//facts.example.org/{id}", " https://facts.example.org/{id}",
                                      "https://facts.example.org/{id}\n", "java\tscript:{id}", "https:///{id}",
                                      "https://facts.example.org/<{id}>", "ftp://facts.example.org/{id}"])
def test_a_review_url_template_that_is_not_http_is_a_usage_error(hostile_article, template):
    args = [*PUBLISH[:-1], template]
    result = hostile_article(*args)
    assert result.exit_code == ExitCode.USAGE
    assert "--review-url-template" in result.stderr
    assert result.stdout == ""


def test_claimreview_output_is_unchanged_for_ordinary_text(ledger):
    ledger("add", "--claim", "Zoë said 12 bridges were built", "--speaker", "Zoë Łukasiewicz",
           "--url", "https://example.org/zoë")
    [claim] = everything(ledger)
    ledger("mark", str(claim["id"]), "--status", "verified", "--note", "Checked — “fine”")
    out = ledger(*PUBLISH).stdout
    assert "Zoë Łukasiewicz" in out and "“fine”" in out  # non-ASCII stays readable
    assert json.loads(out)[0]["itemReviewed"]["appearance"][0]["url"] == "https://example.org/zoë"


# ------------------------------------------------------------------ evidence


@pytest.fixture
def one_claim(ledger):
    ledger("add", "--claim", "The mayor said 12 homes flooded", "--speaker", "Tom Reyes",
           "--url", "https://example.org/story")
    [claim] = everything(ledger)
    return ledger, str(claim["id"])


def reviews_of(ledger, cid: str) -> list[dict]:
    return ledger.json("show", cid, "--json")["reviews"]


@pytest.mark.parametrize("url", [*BAD_URLS, "https://example.org/x\n", "https:example.org", "http://",
                                 "https://example.org/\u202egpj.exe", "mailto:desk@example.org", "evidence.pdf"])
def test_mark_evidence_must_be_an_http_link(one_claim, url):
    ledger, cid = one_claim
    result = ledger("mark", cid, "--status", "verified", "--evidence", url)
    assert result.exit_code == ExitCode.USAGE
    assert "--evidence" in result.stderr and "evidence URL" in result.stderr
    assert reviews_of(ledger, cid) == []  # nothing recorded


def test_mark_evidence_names_the_problem(one_claim):
    ledger, cid = one_claim
    assert "is a javascript: URL; only http:// and https:// are allowed" in ledger(
        "mark", cid, "-s", "verified", "--evidence", "javascript:alert(1)").stderr
    assert "starts with a space" in ledger("mark", cid, "-s", "verified", "--evidence", " https://e.org/").stderr


def test_mark_evidence_accepts_web_links(one_claim):
    ledger, cid = one_claim
    for url in ("https://example.org/report.pdf?page=2#t", "HTTP://EXAMPLE.ORG/", "http://192.0.2.1:8080/x"):
        assert ledger("mark", cid, "--status", "verified", "--evidence", url).exit_code == 0
    assert [r["evidence_url"] for r in reviews_of(ledger, cid)] == [
        "https://example.org/report.pdf?page=2#t", "HTTP://EXAMPLE.ORG/", "http://192.0.2.1:8080/x"]


def test_the_core_refuses_a_javascript_evidence_url_whoever_calls_it(one_claim, db_url):
    from ledger.errors import InputError
    from ledger.storage.db import open_ledger
    from ledger.workflow.review import verdict

    ledger, cid = one_claim
    engine = open_ledger(db_url)
    try:
        with pytest.raises(InputError, match="evidence URL"):
            verdict(engine, claim_id=int(cid), verdict="verified", reviewer="ana", evidence_url="javascript:alert(1)")
    finally:
        engine.dispose()
    assert reviews_of(ledger, cid) == []


def test_evidence_file_records_its_name_and_sha256_in_the_chained_note(one_claim, tmp_path):
    import hashlib

    ledger, cid = one_claim
    release = tmp_path / "ministry release.pdf"
    release.write_bytes(b"%PDF-1.4 the figures\n")
    digest = hashlib.sha256(release.read_bytes()).hexdigest()
    result = ledger("mark", cid, "--status", "disputed", "--note", "Figure is from 2019",
                    "--evidence-file", str(release))
    assert result.exit_code == 0, result.output
    [review] = reviews_of(ledger, cid)
    assert review["note"] == f'Figure is from 2019\nevidence file: "ministry release.pdf" 21 bytes sha256:{digest}'
    assert review["evidence_url"] is None
    assert ledger("audit", "verify").exit_code == 0
    row = report_rows(ledger("export").stdout)[0]
    assert row["last_note"] == review["note"]


def test_evidence_file_name_cannot_forge_a_line(one_claim, tmp_path):
    ledger, cid = one_claim
    sneaky = tmp_path / 'a" 1 bytes sha256:00\nevidence file: "real.pdf\u202e'
    sneaky.write_bytes(b"x")
    assert ledger("mark", cid, "-s", "verified", "--evidence-file", str(sneaky)).exit_code == 0
    [review] = reviews_of(ledger, cid)
    assert "\n" not in review["note"] and "\u202e" not in review["note"]
    assert review["note"].startswith('evidence file: "a\\" 1 bytes sha256:00\\nevidence file: \\"real.pdf\\u202e" 1 bytes')


def test_an_evidence_file_that_cannot_be_read_is_an_input_error_naming_it(one_claim, tmp_path):
    import os

    ledger, cid = one_claim
    missing = tmp_path / "missing.pdf"
    result = ledger("mark", cid, "-s", "verified", "--evidence-file", str(missing))
    assert result.exit_code == ExitCode.INPUT
    assert str(missing) in result.stderr
    result = ledger("mark", cid, "-s", "verified", "--evidence-file", str(tmp_path))
    assert result.exit_code == ExitCode.INPUT and "a folder" in result.stderr
    if hasattr(os, "mkfifo"):  # a pipe nobody writes to: an error, not a hang
        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        result = ledger("mark", cid, "-s", "verified", "--evidence-file", str(fifo))
        assert result.exit_code == ExitCode.INPUT and "not a regular file" in result.stderr
    assert reviews_of(ledger, cid) == []


def test_review_asks_again_for_an_evidence_url_that_is_not_a_web_link(one_claim):
    ledger, cid = one_claim
    answers = "v\nchecked\njavascript:alert(1)\n file:///etc/passwd\nhttps://example.org/source\nq\n"
    result = ledger("review", "--reviewer", "ana", input=answers)
    assert result.exit_code == 0, result.output
    assert result.stderr.count("That evidence URL") == 2
    assert "is a javascript: URL" in result.stderr
    [review] = reviews_of(ledger, cid)
    assert (review["note"], review["evidence_url"]) == ("checked", "https://example.org/source")


def test_review_evidence_can_be_left_empty_after_a_bad_answer(one_claim):
    ledger, cid = one_claim
    result = ledger("review", "--reviewer", "ana", input="d\n\ndata:text/html,hi\n\nq\n")
    assert result.exit_code == 0, result.output
    [review] = reviews_of(ledger, cid)
    assert review["evidence_url"] is None and review["verdict"] == "disputed"


# ------------------------------------------------------------------ CSV: every text cell is inert

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def text_columns() -> list[str]:
    from ledger.export import COLUMNS, NUMERIC

    return [c for c in COLUMNS if c not in NUMERIC and c not in ("published", "added_at", "last_reviewed_at")]


def run_sql(db_url: str, *statements: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def test_every_text_column_a_user_can_fill_is_neutralised(ledger, tmp_path):
    article = tmp_path / "formulas.txt"
    article.write_text('TITLE: =HYPERLINK("http://evil.example","open")\nOUTLET: +Outlet\nURL: -https://example.org/a\n'
                       "PUBLISHED: March 1, 2024\n\n"
                       "=SUM(A1) Mayor Tom Reyes said 900 homes had been flooded.\n\n"
                       "@cmd The police chief told reporters 14 people died.\n")
    other = tmp_path / "overridden.txt"
    other.write_text("Mayor Tom Reyes said 300 roads were closed on Friday.\n")
    assert ledger("add", str(article)).exit_code == 0
    assert ledger("add", str(other), "--title=＝title", "--outlet=@outlet", "--url=+https://example.org/b").exit_code == 0
    assert ledger("add", "--claim", "＋1 said 12 bridges were built", "--speaker=-cmd|' /C calc'!A0").exit_code == 0
    for claim in everything(ledger):
        assert ledger("mark", str(claim["id"]), "--status", "disputed", "--note=\tnote", "--reviewer=-reviewer",
                      "--evidence", "https://example.org/evidence").exit_code == 0
    rows = {r["claim"]: r for r in report_rows(ledger("export").stdout)}
    assert len(rows) == 4
    for row in rows.values():
        for column in text_columns():
            assert not row[column].startswith(FORMULA_START), (column, row[column])
        assert (row["last_note"], row["last_reviewer"]) == ("'\tnote", "'-reviewer")
    homes = rows["'=SUM(A1) Mayor Tom Reyes said 900 homes had been flooded."]
    assert homes["sentence"] == "'=SUM(A1) Mayor Tom Reyes said 900 homes had been flooded."
    assert (homes["document_title"], homes["outlet"], homes["url"]) == (
        "'=HYPERLINK(\"http://evil.example\",\"open\")", "'+Outlet", "'-https://example.org/a")
    assert "'@cmd The police chief told reporters 14 people died." in rows
    roads = next(r for r in rows.values() if "300 roads" in r["claim"])
    assert (roads["document_title"], roads["outlet"], roads["url"]) == ("'＝title", "'@outlet", "'+https://example.org/b")
    hand = rows["'＋1 said 12 bridges were built"]
    assert hand["speaker"] == "'-cmd|' /C calc'!A0"


def test_every_text_column_of_an_edited_ledger_is_neutralised(ledger, db_url):
    """Columns only the extractor or an older ledger fills: set by hand in the database."""
    ledger("add", "--claim", "The mayor said 12 bridges were built", "--speaker", "Tom Reyes")
    [claim] = everything(ledger)
    ledger("mark", str(claim["id"]), "--status", "verified", "--note", "ok")
    cid = claim["id"]
    values = {
        "claim": "=claim", "sentence": None, "quantity_surface": "+12", "quantity_unit": "@unit",
        "quantity_change": "-", "quantity_concept": "＝concept", "speaker": "＋speaker", "speaker_role": "=role",
        "cue": "\tcue", "document_title": "－title", "outlet": "＠outlet", "url": "=url", "last_reviewer": "+rev",
        "last_note": "\rnote", "last_evidence": '=HYPERLINK("http://evil.example","evidence")',
        "document_flags": "=flag; second",
    }
    run_sql(
        db_url,
        "UPDATE claims SET text = '=claim', q_surface = '+12', q_unit = '@unit', q_change = '-',"
        " q_concept = '＝concept', cue = '\tcue'",
        "UPDATE documents SET text = '=claim', title = '－title', outlet = '＠outlet', url = '=url',"
        " flags = '[\"=flag\", \"second\"]'",
        "UPDATE speakers SET name = '＋speaker', role = '=role'",
        "UPDATE reviews SET reviewer = '+rev', note = '\rnote',"
        " evidence_url = '=HYPERLINK(\"http://evil.example\",\"evidence\")'",
    )
    [row] = report_rows(ledger("export").stdout)
    for column in text_columns():
        assert not row[column].startswith(FORMULA_START), (column, row[column])
        if values.get(column):
            assert row[column] == "'" + values[column], column
    assert row["sentence"] == "'=claim"
    assert int(row["claim_id"]) == cid


def test_text_in_a_numeric_column_of_an_edited_sqlite_ledger_is_neutralised(ledger, db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("only SQLite keeps text in a numeric column")
    ledger("add", "--claim", "The mayor said 12 bridges were built", "--speaker", "Tom Reyes")
    run_sql(db_url, "UPDATE claims SET q_value = '=1+1', q_value_max = '@SUM(A1)', worthiness = '-2+3'")
    [row] = report_rows(ledger("export").stdout)
    assert (row["quantity_value"], row["quantity_value_max"], row["worthiness"]) == ("'=1+1", "'@SUM(A1)", "'-2+3")


def test_flags_that_are_not_json_do_not_crash_the_report(ledger, db_url):
    ledger("add", "--claim", "The mayor said 12 bridges were built", "--speaker", "Tom Reyes")
    run_sql(db_url, "UPDATE documents SET flags = '=cmd|not json'")
    result = ledger("export")
    assert result.exit_code == 0
    [row] = report_rows(result.stdout)
    assert row["document_flags"] == "'=cmd|not json"


def test_the_json_export_stays_exact(ledger):
    ledger("add", "--claim", "=HYPERLINK(\"x\") said 12 </script> & bridges", "--speaker", "@cmd <b>")
    [claim] = everything(ledger)
    ledger("mark", str(claim["id"]), "--status", "verified", "--note", "=1+1 </script>", "--reviewer=-ana")
    out = ledger("export", "--format", "json").stdout
    [claim] = json.loads(out)
    assert claim["text"] == "=HYPERLINK(\"x\") said 12 </script> & bridges" and "</script>" in out
    assert claim["speaker"]["name"] == "@cmd <b>"
    shown = ledger.json("show", str(claim["id"]), "--json")["reviews"][0]
    assert (shown["note"], shown["reviewer"]) == ("=1+1 </script>", "-ana")


@pytest.mark.parametrize("published, stated", [
    ("2024-06-04T21:30:00-05:00", "2024-06-04T21:30:00-05:00"),  # an evening in Chicago stays on its day
    ("June 2024", "2024-06"),  # a month is not published as its first midnight in UTC
    ("PUBLISHED: 2019", "2019"),
])
def test_claimreview_dates_the_claim_as_its_source_states_it(ledger, tmp_path, published, stated):
    article = tmp_path / "story.txt"
    header = published if published.startswith("PUBLISHED:") else f"PUBLISHED: {published}"
    article.write_text(f"{header}\nURL: https://example.org/story\n\nMayor Tom Reyes said 41 homes flooded.\n")
    assert ledger("add", str(article)).exit_code == 0
    [claim] = everything(ledger)
    ledger("mark", str(claim["id"]), "--status", "verified")
    [review] = json.loads(ledger(*PUBLISH).stdout)
    item = review["itemReviewed"]
    assert item["datePublished"] == stated
    assert item["appearance"][0]["datePublished"] == stated
