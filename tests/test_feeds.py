"""`ledger add --feed URL`: RSS and Atom feeds (or a home page naming one) served by the
tests' own server; each new article is fetched once, re-running adds only what is new."""
from __future__ import annotations

from webserver import page, site  # noqa: F401 - site is a fixture

ARTICLES = {
    "/news/bridge": page("Bridge repairs", "Engineers said the bridge repairs will cost 9 million pounds."),
    "/news/schools": page("School meals", "The council said 4,500 pupils now get free school meals."),
    "/news/rail": page("Rail fares", "Rail fares rise by 4.9 % in January, the operator said."),
}
DATES = {"/news/bridge": "Mon, 03 Jun 2024 09:00:00 +0000", "/news/schools": "Wed, 05 Jun 2024 18:30:00 -0500",
         "/news/rail": "Fri, 07 Jun 2024 07:15:00 +0100"}


def rss(site, paths) -> str:
    items = "".join(
        f"<item><title>Story</title><link>{site.url(p)}</link><pubDate>{DATES[p]}</pubDate></item>" for p in paths)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Town news</title>'
            f"<link>{site.url('/')}</link><description>Local</description>{items}</channel></rss>")


def atom(site, paths) -> str:
    entries = "".join(
        f'<entry><title>Story</title><id>tag:town,{p}</id><link rel="alternate" href="{p}"/>'
        f"<updated>2024-06-0{3 + 2 * i}T09:00:00Z</updated></entry>" for i, p in enumerate(paths))
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
            f'xml:base="{site.url("/")}"><title>Town news</title><id>tag:town</id>'
            f"<updated>2024-06-07T09:00:00Z</updated>{entries}</feed>")


def serve_articles(site) -> None:
    for path, html in ARTICLES.items():
        site.serve(path, html)


def urls_in(ledger) -> list[str]:
    return sorted({c["document"]["url"] for c in ledger.json("export", "--format", "json")})


def test_an_rss_feed_adds_each_article(ledger, site):
    serve_articles(site)
    feed = site.serve("/feed.xml", rss(site, list(ARTICLES)), content_type="application/rss+xml")
    result = ledger("add", "--feed", feed)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Added 3 documents with 3 claims (0 already in the ledger, 0 skipped, 0 failed")
    assert urls_in(ledger) == sorted(site.url(p) for p in ARTICLES)


def test_rerunning_a_feed_fetches_only_the_new_items(ledger, site):
    serve_articles(site)
    feed = site.serve("/feed.xml", rss(site, ["/news/bridge", "/news/schools"]), content_type="application/rss+xml")
    assert ledger("add", "--feed", feed).exit_code == 0
    site.serve("/feed.xml", rss(site, list(ARTICLES)), content_type="application/rss+xml")
    again = ledger("add", "--feed", feed)
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith("Added 1 document with 1 claim (2 already in the ledger")
    assert (site.hits["/news/bridge"], site.hits["/news/schools"], site.hits["/news/rail"]) == (1, 1, 1)


def test_an_atom_feed_with_relative_links(ledger, site):
    serve_articles(site)
    feed = site.serve("/atom", atom(site, list(ARTICLES)), content_type="application/atom+xml")
    result = ledger("add", "--feed", feed)
    assert result.exit_code == 0, result.output
    assert urls_in(ledger) == sorted(site.url(p) for p in ARTICLES)


def test_the_feed_is_found_from_the_home_page(ledger, site):
    serve_articles(site)
    site.serve("/rss/all", rss(site, list(ARTICLES)), content_type="text/xml")
    home = site.serve("/", page("Town news", "Welcome.", extra_head=(
        '<link rel="stylesheet" href="/site.css">'
        '<link rel="alternate" type="application/rss+xml" title="All stories" href="/rss/all">')))
    result = ledger("add", "--feed", home)
    assert result.exit_code == 0, result.output
    assert "Added 3 documents" in result.stdout
    assert site.hits["/"] == 1 and site.hits["/rss/all"] == 1


def test_since_keeps_the_items_dated_on_or_after_it(ledger, site):
    serve_articles(site)
    feed = site.serve("/feed.xml", rss(site, list(ARTICLES)), content_type="application/rss+xml")
    result = ledger("add", "--feed", feed, "--since", "2024-06-05")
    assert result.exit_code == 0, result.output
    assert urls_in(ledger) == sorted(site.url(p) for p in ("/news/schools", "/news/rail"))
    assert site.hits["/news/bridge"] == 0


def test_since_needs_a_feed(ledger, site):
    result = ledger("add", "--since", "2024-06-05", site.url("/x"))
    assert result.exit_code == 2 and "--since goes with --feed" in result.stderr


def test_a_page_that_names_no_feed_is_an_input_error(ledger, site, tmp_path):
    home = site.serve("/", page("Town news", "No feed here."))
    note = tmp_path / "note.txt"
    note.write_text("The mayor said 14 schools will close in June.\n", encoding="utf-8")
    result = ledger("add", "--feed", home, str(note))
    assert result.exit_code == 3
    assert f"Error: {home}: neither a feed nor a page that names one\n" in result.stderr
    assert "Added 1 document" in result.stdout and "1 failed" in result.stdout


def test_a_feed_item_that_fails_does_not_stop_the_others(ledger, site):
    site.serve("/news/bridge", ARTICLES["/news/bridge"])
    feed = site.serve("/feed.xml", rss(site, ["/news/bridge", "/news/rail"]), content_type="application/rss+xml")
    result = ledger("add", "--feed", feed)
    assert result.exit_code == 3
    assert f"Error: {site.url('/news/rail')}: HTTP 404 Not Found" in result.stderr
    assert urls_in(ledger) == [site.url("/news/bridge")]
