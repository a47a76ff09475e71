"""RSS and Atom feeds for `ledger add --feed URL`: the articles a feed lists, newest
wherever the feed puts them, each by its link and date.

The URL given may be the feed itself or a site's page that names its feed with
``<link rel="alternate" type="application/rss+xml|atom+xml" href=...>`` (the first one
named is used). feedparser reads the feed: it copes with the malformed XML and the
date formats real feeds carry.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timezone
from html.parser import HTMLParser
from urllib.parse import urljoin

from ledger.urls import url_problem
from ledger.workflow.fetch import FEED_TYPES, PAGE_TYPES, FetchError, Fetched, fetch

FEED_LINK_TYPES = ("application/rss+xml", "application/atom+xml")
_FEED_STARTS = (b"<rss", b"<feed", b"<rdf:rdf", b"<?xml")


@dataclass(frozen=True)
class Item:
    url: str
    title: str | None
    published: datetime | None  # UTC; None when the feed gives no date


@dataclass(frozen=True)
class Feed:
    url: str  # the feed's own URL (found from the page given, if it was one)
    title: str | None
    items: list[Item]


class _FeedLinks(HTMLParser):
    """The hrefs of a page's ``<link rel="alternate">`` feed links, in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag != "link":
            return
        a = {k.lower(): (v or "") for k, v in attrs}
        rels = a.get("rel", "").lower().split()
        if "alternate" in rels and a.get("type", "").lower().strip() in FEED_LINK_TYPES and a.get("href", "").strip():
            self.found.append(a["href"].strip())


def feed_links(html: str, base: str) -> list[str]:
    """The feed URLs a page names, made absolute against ``base``; only http(s) ones."""
    parser = _FeedLinks()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - a page too broken to read names no feed
        pass
    links = [urljoin(base, href) for href in parser.found]
    return [u for u in links if url_problem(u) is None]


def looks_like_feed(got: Fetched) -> bool:
    if got.content_type in FEED_TYPES:
        return True
    head = got.data[:512].lstrip().lower()
    return head.startswith(_FEED_STARTS) and b"<html" not in got.data[:2048].lower()


def read_feed(url: str, *, max_bytes: int, timeout: float, session=None) -> Feed:
    """The feed at ``url``, or the one the page at ``url`` names; FetchError if neither."""
    got = fetch(url, max_bytes=max_bytes, timeout=timeout, accept=FEED_TYPES | PAGE_TYPES, session=session)
    if not looks_like_feed(got):
        links = feed_links(got.data.decode(got.charset or "utf-8", errors="replace"), got.final_url)
        if not links:
            raise FetchError(f"{url}: neither a feed nor a page that names one")
        got = fetch(links[0], max_bytes=max_bytes, timeout=timeout, accept=FEED_TYPES | PAGE_TYPES, session=session)
        if not looks_like_feed(got):
            raise FetchError(f"{url}: the feed it names ({links[0]}) is not a feed")
    return parse_feed(got.data, got.final_url, name=url)


def parse_feed(data: bytes, base: str, *, name: str) -> Feed:
    """The items of an RSS or Atom document (links made absolute against ``base``)."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": base})
    if not parsed.entries and parsed.get("bozo") and not parsed.feed:
        raise FetchError(f"{name}: not a readable RSS or Atom feed")
    items, seen = [], set()
    for entry in parsed.entries:
        link = _link(entry, base)
        if link is None or link in seen:
            continue
        seen.add(link)
        items.append(Item(url=link, title=entry.get("title"), published=_date(entry)))
    return Feed(url=base, title=parsed.feed.get("title"), items=items)


def _link(entry, base: str) -> str | None:
    """An entry's article link: its ``link`` (Atom: the alternate one), absolute."""
    href = entry.get("link")
    if not href:
        for link in entry.get("links", []):
            if link.get("rel", "alternate") == "alternate" and link.get("href"):
                href = link["href"]
                break
    if not href:
        return None
    url = urljoin(base, href.strip())
    return url if url_problem(url) is None else None


def _date(entry) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)
    return None


def dated_since(items: list[Item], when: datetime | None) -> list[Item]:
    """The items dated on or after ``when``; an item without a date is kept (the feed
    does not say it is older)."""
    if when is None:
        return items
    when = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
    return [i for i in items if i.published is None or i.published >= when]


def feed_inputs(engine, url: str, *, since: datetime | None = None, max_bytes: int, timeout: float) -> list:
    """The inputs `add --feed` works through: one per item (dated ``since`` or later), in
    feed order; an item whose URL the ledger has already fetched is not fetched again."""
    from ledger.storage import repo
    from ledger.storage.db import session_scope
    from ledger.workflow.ingest import Input, shown_name

    items = dated_since(read_feed(url, max_bytes=max_bytes, timeout=timeout).items, since)
    with session_scope(engine) as session:
        known = repo.known_urls(session, urls=[i.url for i in items])
    return [
        Input(shown_name(i.url), None, "already in the ledger", status="duplicate") if i.url in known
        else Input(shown_name(i.url), None, url=i.url)
        for i in items
    ]
