"""Saved web pages read as articles: the article without the page's clutter, the dates a
fact-checker can rely on, and a page without article text kept for its metadata."""
from __future__ import annotations

import json

from sqlalchemy import create_engine, text

from ledger.extract.web import NO_TEXT, looks_like_html, read_page
from web_pages import ARTICLE, ARTICLE_WORDS, BOILERPLATE, ld, page


def test_the_article_is_read_without_menus_counters_captions_tickers_or_comments():
    p = read_page(page(), "https://gazette.example/port")
    assert ARTICLE_WORDS in p.text
    for clutter in BOILERPLATE:
        assert clutter not in p.text, clutter
    assert "\n\n" in p.text  # paragraphs stay apart
    assert p.meta.title == "Port handles record traffic"
    assert p.meta.outlet == "The Harbour Gazette"
    assert p.meta.url == "https://gazette.example/port"
    assert p.warnings == []


def test_an_evening_date_keeps_its_offset_and_its_day():
    p = read_page(page(head=ld(datePublished="2024-03-05T21:30:00-05:00")))
    assert p.meta.published.isoformat() == "2024-03-05T21:30:00-05:00"
    assert p.meta.published_raw == "2024-03-05T21:30:00-05:00"
    assert p.meta.published_precision == "time"


def test_the_original_date_not_the_updated_box_before_it():
    top = "<p class='dateline'>Updated 9 April 2024</p><p class='dateline'>Published 2 April 2024</p>"
    p = read_page(page(body_top=top))
    assert p.meta.published.date().isoformat() == "2024-04-02"


def test_metadata_dates_published_and_modified_stay_apart():
    head = ("<meta property='article:published_time' content='2023-11-20T08:00:00+01:00'>"
            "<meta property='article:modified_time' content='2023-11-22T10:15:00+01:00'>")
    p = read_page(page(head=head))
    assert p.meta.published.isoformat() == "2023-11-20T08:00:00+01:00"
    assert p.meta.updated.isoformat() == "2023-11-22T10:15:00+01:00"


def test_a_copyright_year_is_not_a_publication_date():
    p = read_page(page())  # the footer says (c) 2019 and nothing else dates the page
    assert p.meta.published is None


def test_a_year_only_date_keeps_its_precision():
    p = read_page(page(head=ld(datePublished="2017")))
    assert p.meta.published_precision == "year"
    assert (p.meta.published.year, p.meta.published.month, p.meta.published.day) == (2017, 1, 1)
    month = read_page(page(head=ld(datePublished="2017-06")))
    assert month.meta.published_precision == "month" and month.meta.published.month == 6


def test_a_dateline_under_the_headline_beats_todays_date_in_the_site_header():
    header = "<div class='today'>Friday, (14 Jun 2024)</div>"
    html = page(body_top="<p>By Ana Ruiz</p><p>3 Jun 2024 18:29</p>").replace("<body>", f"<body>{header}")
    assert read_page(html).meta.published.date().isoformat() == "2024-06-03"


def test_a_page_without_article_text_keeps_its_metadata_and_says_so():
    html = ("<html><head><title>Live results | The Harbour Gazette</title>"
            "<meta property='article:published_time' content='2024-05-01T09:00:00Z'></head>"
            "<body><div id='app'></div><script>load()</script></body></html>")
    p = read_page(html, "https://gazette.example/live")
    assert p.text == ""
    assert p.warnings == [NO_TEXT]
    assert p.meta.title and p.meta.published.date().isoformat() == "2024-05-01"


def test_looks_like_html():
    assert looks_like_html("<!doctype html><p>x</p>")
    assert not looks_like_html("The mayor said 5 <b> tags were used.")


def _docs(db_url):
    engine = create_engine(db_url)
    with engine.connect() as c:
        rows = c.execute(text("SELECT title, text, content_hash FROM documents ORDER BY id")).all()
    engine.dispose()
    return rows


def test_add_and_extract_read_a_page_the_same_way(ledger, tmp_path):
    f = tmp_path / "port.html"
    f.write_text(page(head=ld(datePublished="2024-03-05T21:30:00-05:00")))
    out = ledger("extract", str(f))
    assert out.exit_code == 0, out.output
    extracted = json.loads(out.stdout)
    assert extracted["published"] == "2024-03-05T21:30:00-05:00"
    assert extracted["title"] == "Port handles record traffic"
    assert extracted["claims"] and all("<" not in c["text"] for c in extracted["claims"])
    assert ledger("add", str(f)).exit_code == 0
    stored = ledger.json("queue", "--json", "--limit", "100")
    assert sorted(c["text"] for c in stored) == sorted(c["text"] for c in extracted["claims"])
    assert not any(b in c["text"] for c in stored for b in BOILERPLATE)


def test_pages_without_text_are_stored_apart_with_a_warning(ledger, tmp_path, db_url):
    for name, title in (("a.html", "Live results"), ("b.html", "Election map")):
        (tmp_path / name).write_text(f"<html><head><title>{title}</title></head><body><div></div></body></html>")
    result = ledger("add", str(tmp_path / "a.html"), str(tmp_path / "b.html"))
    assert result.exit_code == 0, result.output
    assert NO_TEXT in result.output
    docs = _docs(db_url)
    assert [d.title for d in docs] == ["Live results", "Election map"]
    assert docs[0].content_hash != docs[1].content_hash
    again = ledger("add", str(tmp_path / "a.html"))
    assert len(_docs(db_url)) == 2, again.output  # the same page again adds nothing


def _stored(url):
    engine = create_engine(url)
    with engine.connect() as c:
        docs = c.execute(text("SELECT source, title, text, published_raw FROM documents ORDER BY source")).all()
        claims = c.execute(text("SELECT d.source, c.text, c.q_value FROM claims c JOIN documents d"
                                " ON d.id = c.document_id ORDER BY d.source, c.start, c.q_start")).all()
    engine.dispose()
    return [tuple(r) for r in docs], [tuple(r) for r in claims]


def test_jobs_two_read_pages_as_one_job_does(tmp_path):
    from conftest import Ledger

    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(4):
        (folder / f"p{i}.html").write_text(page(title=f"Port handles record traffic, part {i}",
                                                article=ARTICLE.replace("4,200", f"4,2{i}0"),
                                                head=ld(datePublished=f"2024-03-0{i + 1}T21:00:00-05:00")))
    urls = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    assert Ledger(urls[0])("add", str(folder)).exit_code == 0
    assert Ledger(urls[1])("add", "--jobs", "2", str(folder)).exit_code == 0
    docs, claims = _stored(urls[0])
    assert (docs, claims) == _stored(urls[1])
    assert [d[3] for d in docs] == [f"2024-03-0{i + 1}T21:00:00-05:00" for i in range(4)]
    assert len(claims) >= 8 and not any(b in c[1] for c in claims for b in BOILERPLATE)


def test_the_sites_own_lines_inside_the_article_are_left_out():
    lines = ("<p>Read also: Bakery wins 3 prizes at the county fair</p><p>Lea también: El puente cierra 6 semanas</p>"
             "<p>Follow us on Twitter for 24-hour updates</p><p>Credit: Harbour Gazette archive</p>"
             "<p>The Harbour Gazette Newsletter</p>")
    kept = "<p>The court said the copyright on the harbour's 1920 map had expired, so 3 firms may print it.</p>"
    p = read_page(page(article=ARTICLE + lines + kept))
    assert ARTICLE_WORDS in p.text and "copyright on the harbour's 1920 map" in p.text
    for gone in ("Bakery wins", "El puente", "Follow us", "Credit:", "Newsletter"):
        assert gone not in p.text, gone


def test_an_embedded_videos_upload_date_is_not_the_articles():
    video = "<script type='application/ld+json'>{\"@type\": \"VideoObject\", \"uploadDate\": \"2021-02-03\"}</script>"
    p = read_page(page(head=video + "<meta property='article:published_time' content='2023-08-14T07:00:00+02:00'>"))
    assert p.meta.published.isoformat() == "2023-08-14T07:00:00+02:00"
    dated = read_page(page(head=video, body_top="<p>3 Jun 2024</p>"))
    assert dated.meta.published.date().isoformat() == "2024-06-03"


def test_a_utc_time_gives_way_to_the_day_the_page_shows():
    utc = "<meta property='article:published_time' content='2024-05-02T02:54:00Z'>"
    by_url = read_page(page(head=utc), "https://gazette.example/2024/05/01/port-traffic")
    assert by_url.meta.published.date().isoformat() == "2024-05-01"
    assert by_url.meta.published_precision == "day"
    by_dateline = read_page(page(head=utc, body_top="<p>1 May 2024</p>"))
    assert by_dateline.meta.published.date().isoformat() == "2024-05-01"
    same_day = read_page(page(head=utc), "https://gazette.example/2024/05/02/port-traffic")
    assert same_day.meta.published.isoformat() == "2024-05-02T02:54:00+00:00"
    stated = "<meta property='article:published_time' content='2024-05-02T02:54:00+02:00'>"
    offset = read_page(page(head=stated), "https://gazette.example/2024/05/01/port-traffic")
    assert offset.meta.published.isoformat() == "2024-05-02T02:54:00+02:00"  # a stated offset is the page's


def test_a_page_with_more_blocks_than_the_fallback_affords_is_still_read(monkeypatch):
    """Past MAX_FALLBACK_BLOCKS the page is read by trafilatura's own extractor alone (the
    fallback's time grows with the square of the paragraphs): the article still comes out."""
    from ledger.extract import web

    html = page()
    monkeypatch.setattr(web, "MAX_FALLBACK_BLOCKS", 5)
    seen = {}
    real = web._too_many_blocks
    monkeypatch.setattr(web, "_too_many_blocks", lambda tree: seen.setdefault("fast", real(tree)))
    p = web.read_page(html)
    assert seen["fast"] is True
    assert ARTICLE_WORDS in p.text
    assert not any(b in p.text for b in BOILERPLATE[:2])
