"""What a page or a markdown file states beyond the command line's options (its author,
the precision of its date) reaches the stored document, and the options
still win over it."""
from __future__ import annotations

from web_pages import ld, page


def _document(ledger):
    [claim, *_] = ledger.json("export", "--format", "json")
    return claim["document"]


def test_a_pages_author_and_date_precision_are_stored(ledger, tmp_path):
    html = page(head=ld(**{"@context": "https://schema.org"}, datePublished="2024-03-05T21:30:00-05:00",
                        author={"@type": "Person", "name": "Nadia Brook"}))
    (tmp_path / "p.html").write_text(html)
    assert ledger("add", str(tmp_path / "p.html")).exit_code == 0
    doc = _document(ledger)
    assert doc["author"] == "Nadia Brook"
    assert doc["published"] == "2024-03-05T21:30:00-05:00" and doc["published_precision"] == "time"


def test_a_page_dated_only_by_its_year_keeps_that_precision(ledger, tmp_path):
    (tmp_path / "p.html").write_text(page(head=ld(datePublished="2017")))
    assert ledger("add", str(tmp_path / "p.html")).exit_code == 0
    doc = _document(ledger)
    assert (doc["published"], doc["published_precision"]) == ("2017", "year")


def test_published_given_on_the_command_line_wins_with_its_own_precision(ledger, tmp_path):
    (tmp_path / "p.html").write_text(page(head=ld(datePublished="2017")))
    assert ledger("add", str(tmp_path / "p.html"), "--published", "2024-06-04").exit_code == 0
    doc = _document(ledger)
    assert (doc["published"], doc["published_precision"]) == ("2024-06-04", "day")


def test_markdown_front_matter_gives_the_author(ledger, tmp_path):
    md = tmp_path / "a.md"
    md.write_text("---\ntitle: Bridges\ndate: 2024-06\nauthor: Sam Lee\n---\n\nThe council said 12 bridges were built.\n")
    assert ledger("add", str(md)).exit_code == 0
    doc = _document(ledger)
    assert (doc["title"], doc["author"], doc["published"], doc["published_precision"]) == (
        "Bridges", "Sam Lee", "2024-06", "month")
