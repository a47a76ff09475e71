"""Reading other desks' fact-checks: schema.org ClaimReview JSON-LD in, reference verdicts out.

Pure: text in, :class:`Reference` records and per-review problems out. The text may be

- JSON: one ClaimReview object, a list of them, an object with a ``@graph``, or any
  nesting of those (a ``WebPage`` whose ``mainEntity`` is a ClaimReview);
- a saved web page: the JSON of each ``<script type="application/ld+json">`` block is
  read as above (a block that is not JSON is a problem; the other blocks still count).

What is kept of each review (the fields Google's fact-check markup documents):
``claimReviewed`` (or the reviewed claim's ``name``/``text``); the claimant, the ``author``
of ``itemReviewed`` (a name, or an object with ``name`` and ``@type``); the claim's date
(``itemReviewed.datePublished``, else its first appearance's); the review's
``datePublished``; the publisher (the review's ``author``, else ``publisher``); the rating:
``reviewRating.alternateName`` and ``ratingValue`` with its ``bestRating``/``worstRating``
scale; the review ``url``; the appearances' URLs (``appearance``, ``firstAppearance``).

A review without the claim's text or without any rating is a problem and is left out; so
is one whose own ``url`` is not a plain http(s) link (``javascript:``, ``data:``...).
Appearance URLs that are not http(s) links are dropped and counted. Text fields are kept
as written (trimmed); showing them safely is the caller's job, as for any document text.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from ledger.urls import is_web_url, url_problem

_SCRIPT = re.compile(
    r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>", re.I | re.S)
MAX_DEPTH = 40  # deeper nesting than any real page uses is not walked
MAX_TEXT = 5000  # characters kept of one field


@dataclass(frozen=True)
class Reference:
    """One imported verdict of another desk (or of this one, exported and read back)."""

    claim_text: str
    rating: str | None  # ``alternateName``: the verdict as the desk words it
    rating_value: float | None
    best_rating: float | None
    worst_rating: float | None
    claimant: str | None = None
    claimant_type: str | None = None  # "Person", "Organization"...
    claim_date: str | None = None  # as the markup states it
    review_date: str | None = None
    publisher: str | None = None
    url: str | None = None  # the fact-check's own page
    appearances: tuple[str, ...] = ()
    urls_left_out: int = 0

    @property
    def key(self) -> str:
        """What makes two imports the same review: its URL, its claim text and its publisher
        (one page may review several claims; two desks may review one claim)."""
        parts = (self.url or "", " ".join(self.claim_text.lower().split()), (self.publisher or "").lower())
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@dataclass
class Read:
    references: list[Reference] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "review 3: no claimReviewed" ...
    found: int = 0  # ClaimReview objects met, kept or not


class NotClaimReview(ValueError):
    """The text holds no ClaimReview at all (or is not JSON / a page with JSON-LD)."""


def read_claimreviews(text: str) -> Read:
    """Every ClaimReview in ``text`` (see the module's docstring); NotClaimReview if none."""
    blocks = _blocks(text.lstrip("\ufeff \t\r\n"))
    out = Read()
    for label, block in blocks:
        try:
            value = json.loads(block)
        except RecursionError:
            out.problems.append(f"{label}nested too deeply to read")
            continue
        except ValueError as exc:
            out.problems.append(f"{label}not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
            continue
        for review in _claimreviews(value, 0):
            out.found += 1
            ref = _reference(review, out, out.found)
            if ref is not None:
                out.references.append(ref)
    if not out.found:
        if len(blocks) == 1 and out.problems and not blocks[0][0]:
            raise NotClaimReview(out.problems[0])
        raise NotClaimReview("no ClaimReview found (expected schema.org ClaimReview JSON-LD)"
                             + (f"; {'; '.join(out.problems[:3])}" if out.problems else ""))
    return out


def _blocks(text: str) -> list[tuple[str, str]]:
    """(label for problems, JSON text): the whole text, or a page's JSON-LD blocks."""
    if text[:1] in "{[":
        return [("", text)]
    scripts = _SCRIPT.findall(text)
    if not scripts:
        if "<" in text[:2000]:
            raise NotClaimReview("a page with no JSON-LD (<script type=\"application/ld+json\">) block")
        raise NotClaimReview("not JSON, and not a web page with JSON-LD")
    return [(f"JSON-LD block {i}: ", s.strip()) for i, s in enumerate(scripts, 1)]


def _types(obj: dict) -> set[str]:
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds if isinstance(k, str)}


def _claimreviews(value, depth: int):
    """ClaimReview objects anywhere in a JSON value (lists, ``@graph``, nested entities)."""
    if depth > MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from _claimreviews(item, depth + 1)
    elif isinstance(value, dict):
        if "ClaimReview" in _types(value):
            yield value
            return
        for item in value.values():
            if isinstance(item, (list, dict)):
                yield from _claimreviews(item, depth + 1)


def _string(value) -> str | None:
    """A plain text field: a string, a number, or the first of a list; trimmed, capped."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, (str, int, float)) and not isinstance(v, bool)), None)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = " ".join(str(value).split())
    return text[:MAX_TEXT] or None


def _url(value) -> str | None:
    """A URL exactly as written (never trimmed: :mod:`ledger.urls` judges it as it is)."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    return value if isinstance(value, str) and value else None


def _first(value) -> dict | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, dict)), None)
    return value if isinstance(value, dict) else None


def _name(value) -> tuple[str | None, str | None]:
    """(name, @type) of an author or publisher given as a name or an object."""
    obj = _first(value)
    if obj is None:
        return _string(value), None
    kinds = sorted(_types(obj))
    return _string(obj.get("name")), (kinds[0] if kinds else None)


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if value == value and abs(value) != float("inf") else None
    if isinstance(value, str):
        try:
            return _number(float(value.strip()))
        except ValueError:
            return None
    return None


def _appearances(item: dict) -> tuple[list[str], int]:
    urls, left_out = [], 0
    for key in ("appearance", "firstAppearance"):
        found = item.get(key)
        for a in found if isinstance(found, list) else [found]:
            url = _url(a.get("url")) if isinstance(a, dict) else _url(a)
            if url is None:
                continue
            if not is_web_url(url):
                left_out += 1
            elif url not in urls:
                urls.append(url)
    return urls, left_out


def _claim_date(item: dict) -> str | None:
    date = _string(item.get("datePublished"))
    if date:
        return date
    for key in ("firstAppearance", "appearance"):
        first = _first(item.get(key))
        if first and _string(first.get("datePublished")):
            return _string(first.get("datePublished"))
    return None


def _reference(review: dict, out: Read, n: int) -> Reference | None:
    item = _first(review.get("itemReviewed")) or {}
    text = _string(review.get("claimReviewed")) or _string(item.get("name")) or _string(item.get("text"))
    if not text:
        out.problems.append(f"review {n}: no claimReviewed (the claim's text)")
        return None
    rating = _first(review.get("reviewRating")) or {}
    label, value = _string(rating.get("alternateName")), _number(rating.get("ratingValue"))
    if label is None and value is None:
        out.problems.append(f"review {n}: no reviewRating (alternateName or ratingValue)")
        return None
    url = _url(review.get("url"))
    if url is not None and not is_web_url(url):
        out.problems.append(f"review {n}: its url {url_problem(url)}")
        return None
    claimant, claimant_type = _name(item.get("author"))
    publisher = _name(review.get("author"))[0] or _name(review.get("publisher"))[0]
    appearances, left_out = _appearances(item)
    return Reference(
        claim_text=text, rating=label, rating_value=value, best_rating=_number(rating.get("bestRating")),
        worst_rating=_number(rating.get("worstRating")), claimant=claimant, claimant_type=claimant_type,
        claim_date=_claim_date(item), review_date=_string(review.get("datePublished")), publisher=publisher,
        url=url, appearances=tuple(appearances), urls_left_out=left_out,
    )
