"""A saved web page read as an article: its main text and metadata, through trafilatura.

Pure: the page's markup in, a :class:`Page` out (no network, no database, no printing).
trafilatura decides what the article is (boilerplate, menus, comments and teasers left
out), its title, site name, author and canonical URL. What is ours is the publication date
a fact-checker can rely on (:mod:`ledger.extract.web_dates`): the original date, not an
"updated" box, a teaser's or a copyright year; the page's own UTC offset kept; a date the
page states only to the month or the year kept at that precision.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ledger.extract.types import DocumentMeta
from ledger.extract.web_dates import PageDate, page_dates, searched_date

NO_TEXT = "no main text found in the page; its metadata is kept"

# The settings measured best on the dev pack (web_score.py; article snippets found /
# boilerplate snippets leaked, with the rules below; 18:50 UTC 2026-12-02):
#   these (trafilatura's defaults, comments out)   96.1 % / 6.4 %
#   favor_precision=True                           94.1 % / 5.0 %   (drops article paragraphs)
#   favor_recall=True                              96.0 % / 6.4 %
#   no_fallback=True                               95.3 % / 6.2 %
#   deduplicate=True                               95.3 % / 6.5 %
#   include_tables=False                           94.4 % / 6.2 %
#   include_comments=True                          96.1 % / 7.0 %   (comments are not the article)
# Dates and titles did not move with any of them (94.7 % exact day, 100 % titles).
SETTINGS = dict(
    include_comments=False,
    include_tables=True,
    favor_precision=False,
    favor_recall=False,
    deduplicate=False,
)


@dataclass(frozen=True)
class Page:
    text: str  # the article's paragraphs, separated by blank lines ("" when none was found)
    meta: DocumentMeta
    warnings: list[str] = field(default_factory=list)


_HTML_HEAD = re.compile(r"<(html|body|head)[\s>]")


def looks_like_html(text: str) -> bool:
    """Whether a text is a web page's markup rather than an article's words."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(_HTML_HEAD.search(head))


# trafilatura's configuration: no timeout (it uses signals, which do not work in worker
# threads). MIN_EXTRACTED_SIZE stays 250 (an article shorter than that is compared with the
# fallbacks'): 0 measured 95.3 % of article snippets found against 96.1 %.
CONFIG = {"EXTRACTION_TIMEOUT": "0"}


def _config():
    from trafilatura.settings import use_config

    config = use_config()
    for key, value in CONFIG.items():
        config.set("DEFAULT", key, value)
    return config


_CONFIG = None

# trafilatura's fallback (jusText) looks for each short paragraph's neighbours by walking
# the paragraphs, so its time grows with the square of their number: 50,000 tiny tables
# took ten minutes, where the news pages of the dev pack have at most ~2,300 block
# elements. A page with more than MAX_FALLBACK_BLOCKS is read without the fallback
# (trafilatura's own extractor alone, ``fast``): the same 50,000 tables in 4 s.
MAX_FALLBACK_BLOCKS = 10_000
_BLOCKS = ("p", "div", "td", "th", "tr", "li", "dd", "dt", "br", "blockquote", "pre", "section",
           "h1", "h2", "h3", "h4", "h5", "h6")


def _too_many_blocks(tree) -> bool:
    """Whether the page has more block elements than the fallback can afford."""
    for n, _ in enumerate(tree.iter(*_BLOCKS), 1):
        if n > MAX_FALLBACK_BLOCKS:
            return True
    return False


def read_page(html: str, url: str | None = None) -> Page:
    """The article and metadata of one saved page; ``url``: where it was read from (the
    canonical URL the page names wins over it)."""
    global _CONFIG
    from trafilatura import bare_extraction, extract_metadata
    from trafilatura.utils import load_html

    if _CONFIG is None:
        _CONFIG = _config()
    tree = load_html(html) if html.strip() else None
    if tree is None:
        return Page("", DocumentMeta(url=url), [NO_TEXT])
    dates = page_dates(tree, url)  # before trafilatura, which prunes the tree it reads
    fast = _too_many_blocks(tree)
    doc = bare_extraction(tree, url=url, with_metadata=True, config=_CONFIG, fast=fast, **SETTINGS)
    warnings: list[str] = []
    text = _paragraphs(doc.text) if doc is not None and doc.text else ""
    if doc is None:
        doc = extract_metadata(load_html(html), default_url=url)
    if not text:
        warnings.append(NO_TEXT)
    return Page(text, _meta(doc, url, dates, html), warnings)


# Short paragraphs that are the site talking, not the article, whatever the page: what
# trafilatura keeps when a site writes them as plain paragraphs inside the article's block.
BOILERPLATE = {
    "copyright line": r"(?:©|\(c\)\s|copyright\b).*|.*\ball rights reserved\b.*"
                      r"|this (?:article|story|content|material) is (?:the )?copyright(?:ed)?\b.*",
    "reader prompt": r"(?:we want to hear|we'd love to hear|do you want to|want to (?:get|receive)|sign up|subscribe"
                     r"|get the .{0,40}newsletter|follow us|share (?:this|on)|view comments|leave a comment"
                     r"|click here|never miss|submit your letter)\b.*"
                     r"|.*\b(?:please subscribe|already a subscriber|download (?:the|our) .{0,40}\bapps?)\b.*"
                     r"|follow .{0,60}\bon (?:twitter|facebook|instagram)\b.*",
    # "read also: <another story's headline>", in the languages news is read in
    "read also": r"(?:read (?:also|more)|also read|see also|related(?: articles| stories| content)?"
                 r"|(?:à )?lire aussi|lea(?: también| más)?|lee también|leia também|lesen sie auch|leggi anche"
                 r"|contenido relacionado|contenu associé)\b\s*(?::.*)?",
    "label alone": r"(?:credit|photo|image|picture|source|last modified|release date|category|advertisement"
                   r"|comments?)\s*(?::\s*.{0,40})?",
    "newsletter name": r".{0,40}\bnewsletter",
}
_BOILERPLATE = re.compile("|".join(f"(?:{rule})" for rule in BOILERPLATE.values()), re.I)
_BOILERPLATE_CHARS = 200  # a longer paragraph is the article's, whatever its words


def _paragraphs(text: str) -> str:
    """trafilatura's lines (one a paragraph) as blank-line separated paragraphs, the
    site's own short lines (copyright, prompts to readers, lone labels) left out."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n\n".join(line for line in lines if line and not _boilerplate(line))


def _boilerplate(line: str) -> bool:
    return len(line) <= _BOILERPLATE_CHARS and _BOILERPLATE.fullmatch(line) is not None


def _meta(doc, url: str | None, dates: tuple[PageDate | None, PageDate | None], page_words: str) -> DocumentMeta:
    published, updated = dates
    if published is None and doc is not None and doc.date:
        published = searched_date(doc.date, page_words)
    if updated is not None and published is not None and updated.value == published.value:
        updated = None
    return DocumentMeta(
        title=_clean(doc.title) if doc else None,
        url=(doc.url if doc and doc.url else None) or url,
        outlet=_clean(doc.sitename) if doc else None,
        author=_clean(doc.author) if doc else None,
        published=published.value if published else None,
        published_raw=published.raw if published else None,
        published_precision=published.precision if published else None,
        updated=updated.value if updated else None,
        updated_raw=updated.raw if updated else None,
    )


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None
