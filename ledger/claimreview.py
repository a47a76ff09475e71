"""schema.org ClaimReview JSON-LD for claims with a verdict, ready to publish.

Rating scale (``reviewRating``): worstRating 1, bestRating 5;
``verified`` = 5 "Verified", ``unverified`` = 3 "Unverified" (could not be confirmed),
``disputed`` = 1 "Disputed". ``alternateName`` carries the verdict as text.

A claim needs a speaker (the claim's ``author``) and at least one appearance with a URL
(``itemReviewed.appearance``); claims lacking either are skipped and counted.
"""
from __future__ import annotations

import json
import re
from typing import IO

from ledger.workflow.views import iso

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


def claim_review(view, *, publisher: str, url_template: str) -> dict | None:
    """The ClaimReview of one claim view (loaded with its appearances), or None if the
    claim lacks what the format needs."""
    c, last = view.claim, view.last_review
    if last is None or c.status not in RATINGS or view.speaker is None:
        return None
    appearances = view.others or [(c, view.document)]
    urls = [(oc, od) for oc, od in appearances if od.url]
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
             **({"datePublished": iso(od.published)} if od.published else {}),
             **({"publisher": {"@type": "Organization", "name": od.outlet}} if od.outlet else {})}
            for _, od in urls
        ],
    }
    if first_doc.published:
        item["datePublished"] = iso(first_doc.published)
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


def write_claimreview(views, out: IO[str], *, publisher: str, url_template: str) -> tuple[int, int]:
    """Write a JSON array of ClaimReviews; returns (written, skipped)."""
    written = skipped = 0
    out.write("[")
    for view in views:
        if view.claim.status not in RATINGS:
            continue
        review = claim_review(view, publisher=publisher, url_template=url_template)
        if review is None:
            skipped += 1
            continue
        out.write(("\n" if written == 0 else ",\n") + json.dumps(review, ensure_ascii=False))
        written += 1
    out.write("\n]\n" if written else "]\n")
    return written, skipped
