"""`ledger add URL`: pages fetched from a server of the tests' own on 127.0.0.1, and one
clear line (and exit 3) for every way a fetch can fail, the rest of the batch going in."""
from __future__ import annotations

import time

from webserver import Answer, closed_port, page, site  # noqa: F401 - site is a fixture

STORY = page(
    "Harbour tunnel opens",
    "The city council said the harbour tunnel cost 412 million dollars to build.",
    "Traffic officials said 38,000 cars a day are expected to use it by next spring.",
)
OTHER = page(
    "Library hours extended",
    "The library board said opening hours rise to 70 a week from March.",
    "About 1,200 people signed the petition for longer hours, organisers said.",
)


def documents(ledger) -> list[dict]:
    """Each claim's document object from `export --format json`, one per document id."""
    seen = {}
    for c in ledger.json("export", "--format", "json"):
        seen[c["document"]["id"]] = c["document"]
    return [seen[k] for k in sorted(seen)]


def test_a_page_is_fetched_and_stored_with_its_source(ledger, site):
    url = site.serve("/news/tunnel", STORY)
    result = ledger("add", url)
    assert result.exit_code == 0, result.output
    assert "Added 1 document with" in result.stdout
    [doc] = documents(ledger)
    assert doc["url"] == url
    src = doc["source"]
    assert (src["location"], src["final_url"], src["http_status"], src["content_type"]) == (
        url, url, 200, "text/html")
    assert src["size"] == len(STORY.encode()) and src["raw_kept"] is True
    assert site.agents[0].startswith("claim-ledger/")


def test_redirects_are_followed_and_the_final_url_is_the_documents(ledger, site):
    final = site.serve("/2024/tunnel.html", STORY)
    site.redirect("/short", "/moved")
    site.redirect("/moved", final, status=301)
    result = ledger("add", site.url("/short"))
    assert result.exit_code == 0, result.output
    [doc] = documents(ledger)
    assert doc["url"] == final
    assert (doc["source"]["location"], doc["source"]["final_url"]) == (site.url("/short"), final)


def test_too_many_redirects_fail_that_url(ledger, site):
    for i in range(8):
        site.redirect(f"/loop{i}", f"/loop{i + 1}")
    result = ledger("add", site.url("/loop0"))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: {site.url('/loop0')}: more than 5 redirects\n")


def test_a_missing_page_is_one_error_line_naming_the_status(ledger, site):
    result = ledger("add", site.url("/gone"))
    assert result.exit_code == 3
    assert f"Error: {site.url('/gone')}: HTTP 404 Not Found\n" in result.stderr
    assert "0 documents" in result.stdout and "1 failed" in result.stdout


def test_a_server_error_is_tried_again(ledger, site):
    url = site.serve("/flaky", [Answer("oops", status=500), Answer(STORY)])
    result = ledger("add", url)
    assert result.exit_code == 0, result.output
    assert site.hits["/flaky"] == 2
    assert len(documents(ledger)) == 1


def test_a_server_error_that_lasts_fails_after_a_few_tries(ledger, site, monkeypatch):
    from ledger.workflow import fetch

    monkeypatch.setattr(fetch, "RETRY_BACKOFF", (0.05, 0.05))
    url = site.serve("/down", "down", status=503)
    result = ledger("add", url)
    assert result.exit_code == 3
    assert f"Error: {url}: HTTP 503 Service Unavailable\n" in result.stderr
    assert site.hits["/down"] == 1 + fetch.RETRIES


def test_too_many_requests_waits_what_retry_after_says(ledger, site):
    url = site.serve("/busy", [Answer("slow down", status=429, headers={"Retry-After": "1"}), Answer(STORY)])
    started = time.monotonic()
    result = ledger("add", url)
    assert result.exit_code == 0, result.output
    assert site.hits["/busy"] == 2
    assert time.monotonic() - started >= 0.9


def test_a_slow_server_times_out(ledger, site):
    url = site.serve("/slow", STORY, delay=5)
    started = time.monotonic()
    result = ledger("add", "--timeout", "0.5", url)
    assert result.exit_code == 3
    assert f"Error: {url}: timed out after 0.5 s\n" in result.stderr
    assert time.monotonic() - started < 4


def test_a_page_that_trickles_in_times_out_as_a_whole(ledger, site):
    """Each piece arrives within the timeout, but the page as a whole does not."""
    url = site.serve("/drip", STORY * 20, trickle=0.2)
    started = time.monotonic()
    result = ledger("add", "--timeout", "1", url)
    assert result.exit_code == 3
    assert f"Error: {url}: timed out after 1 s\n" in result.stderr
    assert time.monotonic() - started < 4


def test_a_body_over_the_limit_is_refused_while_downloading(ledger, site):
    """No Content-Length to go by: the limit is counted as the bytes arrive."""
    url = site.serve("/huge", "<html><body>" + "<p>Words words words.</p>" * 20_000, length=False)
    result = ledger("add", "--max-bytes", "50000", url)
    assert result.exit_code == 3
    assert f"Error: {url}: larger than the limit of 50,000 bytes (see --max-bytes)\n" in result.stderr


def test_a_declared_size_over_the_limit_is_refused_before_reading(ledger, site):
    url = site.serve("/big", "x" * 60_000)
    result = ledger("add", "--max-bytes", "50000", url)
    assert result.exit_code == 3 and "larger than the limit of 50,000 bytes" in result.stderr


def test_a_pdf_or_a_binary_is_not_a_web_page(ledger, site):
    pdf = site.serve("/report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", content_type="application/pdf")
    blob = site.serve("/blob", bytes(range(256)) * 4, content_type="application/octet-stream")
    png = site.serve("/image", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", content_type="text/html")
    result = ledger("add", pdf, blob, png)
    assert result.exit_code == 3
    assert f"Error: {pdf}: not a web page (application/pdf)\n" in result.stderr
    assert f"Error: {blob}: not a web page (application/octet-stream)\n" in result.stderr
    assert f"Error: {png}: not a web page (image/png)\n" in result.stderr


def test_an_unknown_host_and_a_refused_connection(ledger):
    port = closed_port()
    result = ledger("add", "http://nonexistent.invalid/story", f"http://127.0.0.1:{port}/story")
    assert result.exit_code == 3
    assert "Error: http://nonexistent.invalid/story: could not resolve host\n" in result.stderr
    assert f"Error: http://127.0.0.1:{port}/story: connection refused\n" in result.stderr


def test_the_batch_goes_on_past_failed_urls(ledger, site, tmp_path):
    good = site.serve("/a", STORY)
    other = site.serve("/b", OTHER)
    text = tmp_path / "note.txt"
    text.write_text("The mayor said 14 schools will close in June.\n", encoding="utf-8")
    result = ledger("add", site.url("/missing"), good, f"http://127.0.0.1:{closed_port()}/", str(text), other)
    assert result.exit_code == 3
    assert "Added 3 documents" in result.stdout and "2 failed" in result.stdout
    assert [d["url"] for d in documents(ledger)] == [good, None, other]


def test_only_http_and_https_urls_are_fetched(ledger):
    for bad in ("ftp://example.org/story", "file:///etc/hostname", "javascript:alert(1)"):
        result = ledger("add", bad)
        assert result.exit_code == 2, bad
        assert "only http:// and https:// are allowed" in result.stderr
        assert result.stderr.count("\n") <= 4  # usage line, hint, blank, the error


def test_the_charset_the_server_declares_is_used(ledger, site):
    body = page("Café prices", "The café owners said a coffee now costs 3 euros, up 20 %.").encode("cp1252")
    url = site.serve("/cafe", body.replace(b"charset='utf-8'", b""), content_type="text/html; charset=windows-1252")
    assert ledger("add", url).exit_code == 0
    [claim, *_] = ledger.json("queue", "--json")
    assert "café owners" in claim["text"]


def test_the_same_page_twice_adds_nothing(ledger, site):
    url = site.serve("/tunnel", STORY)
    assert ledger("add", url).exit_code == 0
    again = ledger("add", url)
    assert again.exit_code == 0, again.output
    assert f"{url}: already in the ledger, nothing added" in again.stderr
    assert "Added 0 documents" in again.stdout
    assert len(documents(ledger)) == 1


def test_markup_around_the_article_changing_is_not_a_new_version(ledger, site):
    """An ad slot that rotates changes the bytes, not the article."""
    url = site.serve("/tunnel", STORY.replace("</head>", "<script>var slot = 1;</script></head>"))
    assert ledger("add", url).exit_code == 0
    site.serve("/tunnel", STORY.replace("</head>", "<script>var slot = 2;</script></head>"))
    again = ledger("add", url)
    assert "already in the ledger" in again.stderr
    assert len(documents(ledger)) == 1


def test_a_changed_page_is_a_new_version_linked_to_the_old(ledger, site):
    url = site.serve("/tunnel", STORY)
    assert ledger("add", url).exit_code == 0
    site.serve("/tunnel", STORY.replace("412 million", "430 million"))
    again = ledger("add", url)
    assert again.exit_code == 0, again.output
    assert f"{url}: the page changed since document 1; added as version 2" in again.stderr
    first, second = documents(ledger)
    assert (first["source"]["version"], first["source"]["previous_document_id"]) == (1, None)
    assert (second["source"]["version"], second["source"]["previous_document_id"]) == (2, first["id"])
    claim = next(c for c in ledger.json("queue", "--json") if "430 million" in c["text"])
    shown = ledger("show", str(claim["id"])).stdout
    assert "version 2 of this page; previous version: document 1" in shown


def test_parallel_fetches_store_in_input_order(ledger, site):
    urls = [site.serve(f"/p{i}", page(f"Story {i}", f"Officials said {100 + i} homes were flooded."),
                       delay=0.3 - i * 0.05)  # the later ones answer first
            for i in range(5)]
    started = time.monotonic()
    result = ledger("add", "--jobs", "5", *urls)
    assert result.exit_code == 0, result.output
    assert [d["url"] for d in documents(ledger)] == urls
    assert time.monotonic() - started < 0.3 * 5  # the waits overlap


def test_a_url_too_long_to_store_is_refused(ledger, site):
    url = site.url("/" + "a" * 2100)
    result = ledger("add", url)
    assert result.exit_code == 3
    assert "a URL longer than 2,000 characters" in result.stderr


def test_an_unknown_charset_falls_back_to_reading_the_bytes(ledger, site):
    body = page("Rates", "The bank said rates stay at 5.25 %, économistes said.").encode("utf-8")
    url = site.serve("/rates", body, content_type="text/html; charset=x-no-such-charset")
    assert ledger("add", url).exit_code == 0
    assert any("économistes" in c["text"] for c in ledger.json("queue", "--json"))


def test_retry_after_is_capped(site, monkeypatch):
    """A server asking for an hour's pause is tried again within the cap, not obeyed."""
    from ledger.workflow import fetch

    waits = []
    url = site.serve("/busy", [Answer("later", status=429, headers={"Retry-After": "3600"}), Answer(STORY)])
    got = fetch.fetch(url, max_bytes=100_000, timeout=60, sleep=waits.append)
    assert got.status == 200 and waits == [fetch.RETRY_WAIT_CAP]
