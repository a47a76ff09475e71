"""Article text and metadata from a saved HTML page (standard library parser).

Scripts, styles, navigation, headers, footers, asides and forms are dropped; when the
page has an ``<article>`` (or ``<main>``) element only its text is kept. Block elements
become paragraphs separated by blank lines, so the text reads like a plain article.
Title and publication date come from the page's metadata when present
(``og:title``, ``<title>``, ``article:published_time``, ``<time datetime>``, ``og:site_name``,
canonical link).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

_DROP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "iframe", "template",
         "button", "figure", "figcaption", "select", "head"}
_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
          "blockquote", "br", "tr", "table", "pre", "dd", "dt"}
_VOID = {"br", "img", "meta", "link", "input", "hr", "source", "wbr", "area", "base", "col", "embed", "param", "track"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.drop_depth = 0
        self.chunks: dict[str, list[str]] = {"all": [], "article": []}
        self.in_article = 0
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.in_title = False
        self.h1: list[str] = []
        self.in_h1 = False

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"].strip())
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
            return
        if tag == "time" and a.get("datetime"):
            self.meta.setdefault("time", a["datetime"])
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            if tag == "br":
                self._emit("\n")
            return
        self.stack.append(tag)
        if tag in _DROP:
            self.drop_depth += 1
        if tag in ("article", "main"):
            self.in_article += 1
        if tag == "h1":
            self.in_h1 = True
        if tag in _BLOCK:
            self._emit("\n\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if top in _DROP:
                self.drop_depth -= 1
            if top in ("article", "main"):
                self.in_article -= 1
            if top == "h1":
                self.in_h1 = False
            if top in _BLOCK:
                self._emit("\n\n")
            if top == tag:
                break

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.drop_depth:
            return
        if self.in_h1:
            self.h1.append(data)
        self._emit(data)

    def _emit(self, s: str) -> None:
        if self.drop_depth and s.strip():
            return
        self.chunks["all"].append(s)
        if self.in_article:
            self.chunks["article"].append(s)


def _tidy(raw: str) -> str:
    paragraphs = []
    for block in re.split(r"\n\s*\n", raw):
        line = " ".join(block.split())
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs) + ("\n" if paragraphs else "")


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.search(r"<(html|body|head)[\s>]", head))


def html_to_article(html: str) -> tuple[str, dict[str, str | None]]:
    """(plain article text, metadata: title, published, outlet, url) of a page."""
    page = _Page()
    page.feed(html)
    page.close()
    article = "".join(page.chunks["article"])
    text = _tidy(article if len(article.strip()) > 200 else "".join(page.chunks["all"]))
    m = page.meta
    title = m.get("og:title") or " ".join("".join(page.h1).split()) or " ".join("".join(page.title_parts).split()) or None
    published = (
        m.get("article:published_time") or m.get("datepublished") or m.get("date") or m.get("dc.date")
        or m.get("pubdate") or m.get("time")
    )
    return text, {
        "title": title,
        "published": published,
        "outlet": m.get("og:site_name"),
        "url": m.get("og:url") or m.get("canonical"),
    }
