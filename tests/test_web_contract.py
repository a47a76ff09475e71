"""The web contract of `ledger extract --jsonl -` (shared/eval/README.md, "Web pages"):
page lines {"id", "html", "url"?} answered {"id", "text", "meta", "claims"}; text lines as before."""
from __future__ import annotations

import json

from web_pages import ARTICLE_WORDS, BOILERPLATE, ld, page


def _run(ledger, *requests):
    result = ledger("extract", "--jsonl", "-", input="".join(json.dumps(r) + "\n" for r in requests))
    return result, [json.loads(line) for line in result.stdout.splitlines()]


def test_a_page_line_is_answered_with_its_text_meta_and_claims(ledger):
    html = page(head=ld(datePublished="2024-03-05T21:30:00-05:00"))
    result, [out] = _run(ledger, {"id": "p1", "html": html, "url": "https://gazette.example/port"})
    assert result.exit_code == 0, result.output
    assert set(out) == {"id", "text", "meta", "claims"} and out["id"] == "p1"
    assert ARTICLE_WORDS in out["text"] and not any(b in out["text"] for b in BOILERPLATE)
    assert out["meta"] == {"title": "Port handles record traffic", "published": "2024-03-05T21:30:00-05:00",
                           "outlet": "The Harbour Gazette", "url": "https://gazette.example/port"}
    assert out["claims"]
    for c in out["claims"]:
        assert out["text"][c["start"]:c["end"]] == c["text"]


def test_published_says_only_as_much_as_the_page(ledger):
    day = page(body_top="<p>3 Jun 2024</p>")
    year = page(head=ld(datePublished="2017"))
    _, answers = _run(ledger, {"id": "d", "html": day}, {"id": "y", "html": year})
    assert [a["meta"]["published"] for a in answers] == ["2024-06-03", "2017"]
    assert answers[0]["meta"]["url"] is None


def test_text_lines_keep_their_contract_between_page_lines(ledger):
    sentence = {"id": "t", "text": "The council said 40 buses were bought."}
    _, alone = _run(ledger, sentence)
    result, mixed = _run(ledger, {"id": "a", "html": page()}, sentence, {"id": "b", "html": "<html></html>"})
    assert result.exit_code == 0, result.output
    assert [a["id"] for a in mixed] == ["a", "t", "b"]
    assert mixed[1] == alone[0] and set(alone[0]) == {"id", "claims"}
    assert mixed[2]["text"] == "" and mixed[2]["claims"] == []


def test_a_line_with_neither_text_nor_html_is_an_error_naming_the_line(ledger):
    result, answers = _run(ledger, {"id": "x", "html": 5}, {"id": "t", "text": "Officials said 3 roads closed."})
    assert result.exit_code == 3
    assert "line 1" in result.stderr and [a["id"] for a in answers] == ["t"]


def test_a_page_that_cannot_be_read_gets_an_error_answer_and_the_stream_goes_on(ledger, monkeypatch):
    import ledger.extract.web as web

    def broken(html, url=None):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(web, "read_page", broken)
    result, answers = _run(ledger, {"id": "bad", "html": "<html><p>x</p></html>"},
                           {"id": "t", "text": "Officials said 3 roads closed."})
    assert result.exit_code == 3
    assert answers[0] == {"id": "bad", "error": "line 1: could not read the page "
                                                "(RecursionError: maximum recursion depth exceeded)"}
    assert answers[1]["id"] == "t" and answers[1]["claims"]
    assert "line 1: could not read the page" in result.stderr
