"""The publication date of a web page, as the page states it (pure: a parsed tree in).

Which date to trust first, most deliberate statement first (knowledge as data below):
1. the publication meta tags (``article:published_time``, ``datePublished``, ...), in
   htmldate's order (its authors' tests: the Open Graph tag is the most often right);
2. the article's JSON-LD ``datePublished`` (an Article-like object before any other);
3. an element marked ``itemprop="datePublished"`` in the page;
4. a dateline: the first date in the words right after the headline (the h1/h2 that
   repeats the page's title), unless it is labelled "updated" -- the article's own date,
   where a search of the whole page meets today's date in a site header or a teaser's;
then htmldate's search (through trafilatura, original date preferred) decides.
A time stated in UTC (``Z``) is the server's clock: when the page shows its readers the day
before or after (its dateline, or the date in its URL), the page's day wins.

A date is kept in the page's own UTC offset, never converted, so the day stays the day the
page states; a date with no offset keeps its wall-clock time (stored as UTC). A date given
only to the year or the month keeps that precision and is completed with the first day,
never with today's month or day.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from ledger.extract.when import read_date

# JSON-LD types that are the article itself (schema.org's CreativeWork kinds news uses)
ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|Report|Posting|Review|Story|Liveblog|Recipe)$", re.I)
PUBLISHED_KEYS = ("datePublished", "dateCreated")
# other objects whose date is the page's (not an embedded video's uploadDate, an event's...)
PAGE_TYPES = re.compile(r"(WebPage|ItemPage|CollectionPage|AboutPage)$", re.I)
UPDATED_KEYS = ("dateModified",)
# meta names/properties, most specific first
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "article.published", "published_time", "publish-date", "publish_date", "publishdate", "pubdate",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date.created",
    "dcterms.created", "article_date_original", "original-publish-date", "date",
)
UPDATED_META = (
    "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
    "article.updated", "dc.date.modified", "dcterms.modified", "last-modified", "lastmod",
)

_EARLIEST, _LATEST_AHEAD = 1990, timedelta(days=2)


@dataclass(frozen=True)
class PageDate:
    value: datetime  # timezone-aware, in the page's own offset
    raw: str  # as found
    precision: str  # year | month | day | time
    source: str  # where it was found: json-ld, meta, itemprop, htmldate

    @classmethod
    def parse(cls, raw: str | None, source: str) -> "PageDate | None":
        """A date string as a page writes one (ISO 8601 and its kin, or words)."""
        if not raw or not isinstance(raw, str) or len(raw) > 100:
            return None
        found = _stated(raw) or _words(raw)
        if found is None or not _plausible(found[0]):
            return None
        return cls(found[0], raw.strip(), found[1], source)


_MONTH_YEAR = re.compile(r"^\s*[A-Za-z]{3,9}\.?,?\s+\d{4}\s*$")
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}|\d\s*[ap]\.?m\b", re.I)


def _stated(raw: str) -> tuple[datetime, str] | None:
    """A date as machines write one (ISO 8601 and its kin: 2024-03-05T17:30+01:00, 2024-03, 2024/03/05)."""
    if not re.match(r"\s*\d{4}(?:[-/]|\s*$)", raw):
        return None
    found = read_date(raw)
    return (found.when, found.precision) if found is not None else None


def _words(raw: str) -> tuple[datetime, str] | None:
    """A date in words ("March 5, 2024 5:30 pm EST"): its precision is what it names."""
    if not re.search(r"\d{4}", raw):
        return None
    from ledger.extract.metadata import parse_date

    value = parse_date(raw)
    if value is None:
        return None
    if _MONTH_YEAR.match(raw):
        return value.replace(day=1, hour=0, minute=0, second=0, microsecond=0), "month"
    return value, "time" if _CLOCK.search(raw) else "day"


def _plausible(value: datetime) -> bool:
    now = datetime.now(timezone.utc)
    return _EARLIEST <= value.year and value <= now + _LATEST_AHEAD


def page_dates(tree, url: str | None = None) -> tuple[PageDate | None, PageDate | None]:
    """(published, updated) as the page's own metadata states them; None where it is silent."""
    objects = list(_json_ld(tree))
    articles = [o for o in objects if any(ARTICLE_TYPES.search(t) for t in _types(o))]
    pages = [o for o in objects if any(PAGE_TYPES.search(t) for t in _types(o))]
    published = (
        _meta(tree, PUBLISHED_META) or _first(articles, PUBLISHED_KEYS) or _itemprop(tree, "datePublished")
        or _first(pages, ("datePublished",)) or dateline(tree)
    )
    updated = _first(articles, UPDATED_KEYS) or _meta(tree, UPDATED_META) or _itemprop(tree, "dateModified")
    return _local_day(published, tree, url), updated


_URL_DAY = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[-_])")


def _local_day(published: PageDate | None, tree, url: str | None) -> PageDate | None:
    """A time stated in UTC is the server's, not the page's: when the day the page shows
    its readers (its dateline, or the date in its URL) is the day before or after, that
    day is the page's (an evening story in New York is "2 May 02:00Z", and "1 May" on the page)."""
    if published is None or published.precision != "time" or published.value.utcoffset():
        return published
    shown = dateline(tree) or _url_day(url)
    if shown is not None and abs((shown.value.date() - published.value.date()).days) == 1:
        return PageDate(shown.value, shown.raw, "day", f"{shown.source}, over a UTC {published.source} time")
    return published


def _url_day(url: str | None) -> PageDate | None:
    m = _URL_DAY.search(url or "")
    return PageDate.parse(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}", "url") if m else None


def _json_ld(tree):
    """Every JSON-LD object of the page, ``@graph`` members included."""
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        todo = [data]
        while todo:
            item = todo.pop(0)
            if isinstance(item, list):
                todo.extend(item)
            elif isinstance(item, dict):
                todo.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "mainEntityOfPage")
                            and isinstance(v, (list, dict)))
                yield item


def _types(obj: dict) -> list[str]:
    kind = obj.get("@type") or []
    return [t for t in (kind if isinstance(kind, list) else [kind]) if isinstance(t, str)]


def _first(objects: list[dict], keys: tuple[str, ...]) -> PageDate | None:
    for obj in objects:
        for key in keys:
            found = PageDate.parse(obj.get(key), "json-ld")
            if found:
                return found
    return None


def _meta(tree, names: tuple[str, ...]) -> PageDate | None:
    found: dict[str, str] = {}
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key in names and el.get("content"):
            found.setdefault(key, el.get("content"))
    for name in names:
        date = PageDate.parse(found.get(name), "meta")
        if date:
            return date
    return None


def _itemprop(tree, prop: str) -> PageDate | None:
    for el in tree.xpath(f".//*[@itemprop='{prop}']"):
        date = PageDate.parse(el.get("datetime") or el.get("content") or el.text_content(), "itemprop")
        if date:
            return date
    return None


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY_IN_WORDS = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})\b"
)
_UPDATED_LABEL = re.compile(r"\b(updated|modified|edited|revised)\b[^\n]{0,24}$", re.I)
_AFTER_HEADLINE = 300  # characters of words read after the headline
_NOT_WORDS = {"script", "style", "noscript", "template", "figure", "figcaption"}
_DATELINE_CHARS = 80  # a dateline is short: a longer piece of text is a sentence that names a date


def dateline(tree) -> PageDate | None:
    """The first date standing on its own (a short piece of text, not a date inside a
    sentence or a caption) right after the headline, unless labelled "updated"; to the
    day only (its zone is not known)."""
    for words in _after(tree, _headline(tree)):
        if len(words) > _DATELINE_CHARS:
            continue
        for m in _DAY_IN_WORDS.finditer(words):
            if _UPDATED_LABEL.search(words[:m.start()]):
                continue
            found = PageDate.parse(m.group(), "dateline")
            if found:
                return PageDate(found.value.replace(hour=0, minute=0, second=0, tzinfo=timezone.utc), found.raw,
                                "day", "dateline")
    return None


def _norm(text: str) -> str:
    """Words compared casefolded, character references a page escaped twice undone."""
    from html import unescape

    return " ".join(unescape(text).split()).casefold()


def _headline(tree):
    title = _norm(tree.findtext(".//title") or "")
    for el in tree.iter("meta"):
        if (el.get("property") or "").lower() == "og:title" and el.get("content"):
            title = _norm(el.get("content")) or title
            break
    if not title:
        return None
    for el in tree.iter("h1", "h2"):
        said = _norm(el.text_content())
        if len(said) >= 12 and (said == title or said in title):
            return el
    return None


def _after(tree, headline) -> list[str]:
    """The pieces of text after ``headline`` (up to ``_AFTER_HEADLINE`` characters in all),
    captions, scripts and styles left out."""
    from lxml import etree

    if headline is None:
        return []
    pieces: list[str] = []
    passed, size, skip = False, 0, 0
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        if el is headline and event == "end":
            passed = True
        elif isinstance(el.tag, str) and el.tag in _NOT_WORDS:
            skip += 1 if event == "start" else -1
        elif passed and not skip:
            if event == "start" and el.get("title"):  # a date stated in a link's title
                pieces.append(el.get("title"))
            if event == "start" and el.text:
                pieces.append(el.text)
        if passed and not skip and event == "end" and el.tail:
            pieces.append(el.tail)
        size = sum(len(p) for p in pieces)
        if size > _AFTER_HEADLINE:
            break
    return [" ".join(p.split()) for p in pieces if p.strip()]


def searched_date(found: str, html: str) -> PageDate | None:
    """htmldate's answer from its search of the page, unless it is a bare year it completed
    to 1 January (a copyright line's "2022" is no publication date): a 1 January is kept
    only when the page states that day."""
    date = PageDate.parse(found, "htmldate")
    if date is None or (date.value.month, date.value.day) != (1, 1):
        return date
    y = date.value.year
    said = (rf"{y}-0?1-0?1\b", rf"\b0?1[./]0?1[./]{y}\b", rf"{y}/0?1/0?1\b", rf"\b1(?:st)?\s+Jan(?:uary)?\.?,?\s+{y}",
            rf"Jan(?:uary)?\.?\s+1(?:st)?,?\s+{y}", rf"{y}0101")
    return date if any(re.search(p, html, re.I) for p in said) else None
