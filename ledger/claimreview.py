"""schema.org ClaimReview JSON-LD for claims with a verdict, ready to publish.

Rating scale (``reviewRating``): worstRating 1, bestRating 5;
``verified`` = 5 "Verified", ``unverified`` = 3 "Unverified" (could not be confirmed),
``disputed`` = 1 "Disputed". ``alternateName`` carries the verdict as text.

A claim needs a speaker (the claim's ``author``) and at least one appearance with a URL
(``itemReviewed.appearance``); claims lacking either are skipped and counted.

The output is meant to be pasted into ``<script type="application/ld+json">`` on a web
page, so it is inert there whatever the articles, speakers and notes say:

- ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e``, ``\\u0026`` (no ``</script>``
  or ``<!--`` can close or confuse the script element), and U+2028/U+2029 as ``\\u2028``,
  ``\\u2029``; the JSON still parses to exactly the stored text.
- every URL written is a plain http(s) link (:mod:`ledger.urls`): an appearance whose
  document URL is anything else (``javascript:``, ``data:``, ``file:``...) is left out
  and counted, and a claim left with no appearance is skipped like one without a URL.
  The review URL template must itself give http(s) URLs.
"""
from __future__ import annotations

import json
import re
from typing import IO, NamedTuple

from ledger.urls import is_web_url, url_problem
from ledger.workflow.views import iso, published_as_stated

_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                              "\u2029": "\\u2029"})


def script_safe_json(value) -> str:
    """``value`` as JSON that can sit inside an HTML ``<script>`` element as it is.

    The replaced characters can only occur inside JSON strings, where the ``\\uXXXX``
    escape means the same character, so ``json.loads`` gives back the same value."""
    return json.dumps(value, ensure_ascii=False).translate(_SCRIPT_SAFE)


def template_problem(url_template: str) -> str | None:
    """Why the review URL template cannot be used, or None: it needs ``{id}`` and must
    give an http(s) URL once the id is put in."""
    if "{id}" not in (url_template or ""):
        return "needs a URL with {id} in it"
    problem = url_problem(url_template.replace("{id}", "1"))
    return f"must give http(s) URLs, but with an id put in it {problem}" if problem else None


class Written(NamedTuple):
    written: int  # claim reviews written
    skipped: int  # reviewed claims lacking a speaker or any usable source URL
    urls_left_out: int  # appearance URLs that were not plain http(s) links

RATINGS = {"verified": (5, "Verified"), "unverified": (3, "Unverified"), "disputed": (1, "Disputed")}
_ORGANISATION = re.compile(
    r"\b(house|ministry|department|agency|police|government|council|office|committee|party|university|"
    r"institute|association|union|company|corporation|inc|ltd|news|times|post|bank|court|army|"
    r"officials|authorities|commission|organi[sz]ation|group|board|service|network)\b", re.I)


def _author_type(name: str, role: str | None) -> str:
    if role:
        return "Person"
    if _ORGANISATION.search(name) or name.isupper() or len(name.split()) == 1:
        return "Organization"
    return "Person"


def _left_out(view) -> int:
    appearances = view.others or [(view.claim, view.document)]
    return sum(1 for _, od in appearances if od.url and not is_web_url(od.url))


def claim_review(view, *, publisher: str, url_template: str) -> dict | None:
    """The ClaimReview of one claim view (loaded with its appearances), or None if the
    claim lacks what the format needs. Appearances whose URL is not a plain http(s)
    link are left out."""
    problem = template_problem(url_template)
    if problem:
        raise ValueError(f"review URL template {problem}")
    c, last = view.claim, view.last_review
    if last is None or c.status not in RATINGS or view.speaker is None:
        return None
    appearances = view.others or [(c, view.document)]
    urls = [(oc, od) for oc, od in appearances if od.url and is_web_url(od.url)]
    if not urls:
        return None
    value, label = RATINGS[c.status]
    first_doc = min((od for _, od in urls), key=lambda d: (d.published is None, d.published or 0))
    speaker = {"@type": _author_type(view.speaker.name, view.speaker.role), "name": view.speaker.name}
    if view.speaker.role:
        speaker["jobTitle"] = view.speaker.role
    item = {
        "@type": "Claim",
        "author": speaker,
        "appearance": [
            {"@type": "CreativeWork", "url": od.url, **({"headline": od.title} if od.title else {}),
             **({"datePublished": published_as_stated(od)} if od.published else {}),
             **({"publisher": {"@type": "Organization", "name": od.outlet}} if od.outlet else {})}
            for _, od in urls
        ],
    }
    if first_doc.published:
        item["datePublished"] = published_as_stated(first_doc)
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url_template.replace("{id}", str(c.id)),
        "claimReviewed": c.text,
        "datePublished": iso(last.created_at),
        "author": {"@type": "Organization", "name": publisher},
        "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
                         "alternateName": label},
        "itemReviewed": item,
    }
    if last.note:
        review["reviewBody"] = last.note
    return review


def write_claimreview(views, out: IO[str], *, publisher: str, url_template: str) -> Written:
    """Write a JSON array of ClaimReviews, safe to embed in a ``<script>`` element."""
    problem = template_problem(url_template)
    if problem:
        raise ValueError(f"review URL template {problem}")
    written = skipped = left_out = 0
    out.write("[")
    for view in views:
        if view.claim.status not in RATINGS:
            continue
        left_out += _left_out(view)
        review = claim_review(view, publisher=publisher, url_template=url_template)
        if review is None:
            skipped += 1
            continue
        out.write(("\n" if written == 0 else ",\n") + script_safe_json(review))
        written += 1
    out.write("\n]\n" if written else "]\n")
    return Written(written, skipped, left_out)
