"""Document metadata read from the text itself, and the regions that hold the body.

Recognised:
- header lines ``TITLE:``, ``URL:``, ``OUTLET:``, ``PUBLISHED:``, ``UPDATED:`` at the top;
- ``Published ...`` / ``Updated ...`` / ``Posted ...`` lines anywhere;
- near the top, a line that is only a date (``March 3, 2021``, ``3 March 2021 14:05 GMT``,
  ``2021-03-03``) as the publication date, and a byline (``By Jane Doe``), skipped;
- a headline: the first short line with no sentence-final punctuation, before the body;
- boilerplate lines (``Advertisement``, ``| Image:...``, share/subscribe prompts), skipped;
- a paragraph repeated verbatim (syndicated copies often repeat the lead), skipped after
  its first appearance.

Time zones: an abbreviation such as ``IST`` is ambiguous (India, Ireland, Israel). The
rule here: ``IST`` is India Standard Time (+05:30), the reading in most English-language
news that prints it; the raw string is always kept beside the parsed datetime.
"""
from __future__ import annotations

import hashlib
import re
from datetime import datetime, timezone

from ledger.extract.types import DocumentMeta

_HEADER = re.compile(r"^(TITLE|URL|OUTLET|PUBLISHED|UPDATED|DATE|SOURCE)[ \t]*:[ \t]*(.*?)\s*$", re.I)
_DATELINE = re.compile(
    r"^\s*(Published|Updated|Posted|Last updated|First published)\b[ \t]*(?:on|at|:)?[ \t]*(.+?)\s*$", re.I
)
_BOILERPLATE = re.compile(
    r"^\s*(\|.*|advertisement|advert|sponsored( content)?|image:.*|photo:.*|share( this( article)?)?( on \w+)?"
    r"|subscribe.*|sign up.*|read more.*|related( articles)?:?|click here.*|follow us.*|.*\bcookies?\b.*accept.*)\s*$",
    re.I,
)
# a line that is only a date near the top ("March 3, 2021", "3 March 2021 14:05 GMT",
# "2021-03-03"), and a byline ("By Jane Doe and Ali Khan")
_DATE_ONLY = re.compile(
    r"^\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?"
    r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?"
    r"(?:\s+[A-Z]{2,4})?)?\s*$")
_BYLINE = re.compile(r"^\s*By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'’ -]+)*\s*$")
_ZONES = {
    "IST": "+05:30",  # documented rule: India Standard Time
    "BST": "+01:00",
    "CET": "+01:00",
    "CEST": "+02:00",
    "EST": "-05:00",
    "EDT": "-04:00",
    "CST": "-06:00",
    "CDT": "-05:00",
    "PST": "-08:00",
    "PDT": "-07:00",
    "GMT": "+00:00",
    "UTC": "+00:00",
}
_ZONE_RE = re.compile(r"\b(" + "|".join(_ZONES) + r")\b")
_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


_MAX_DATE_CHARS = 200  # a longer string is not a date, and dateparser's time grows with the length


def parse_date(raw: str, *, relative_to: datetime | None = None) -> datetime | None:
    """A timezone-aware datetime for ``raw``, or None when it is not a date.

    A date with no zone is taken as UTC. Named zones follow the table above. A string
    longer than ``_MAX_DATE_CHARS`` is not a date (a header line can be any length).
    """
    import dateparser

    if len(raw) > _MAX_DATE_CHARS:
        return None

    cleaned = _ZONE_RE.sub(lambda m: _ZONES[m.group(1)], raw.strip())
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", cleaned)
    settings = {"RETURN_AS_TIMEZONE_AWARE": True, "PREFER_DAY_OF_MONTH": "first"}
    if relative_to is not None:
        settings["RELATIVE_BASE"] = relative_to.replace(tzinfo=None)
    parsed = dateparser.parse(cleaned, settings=settings, languages=["en"])
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of blank-line separated paragraphs within ``text[start:end]``."""
    end = len(text) if end is None else end
    spans = []
    for m in _PARA.finditer(text[start:end]):
        raw = m.group()
        if not raw.strip():
            continue
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        spans.append((start + m.start() + lead, start + m.end() - trail))
    return spans


_SPACE = re.compile(r"\s")
_KEY_PIECE = 1 << 16


def _paragraph_key(text: str, b0: int, b1: int) -> bytes:
    """A digest of the paragraph's words: repeats are found without keeping every
    paragraph's text in memory, or a list of its words (``" ".join(p.split())`` on one
    5 MB paragraph held 75 MB); the words are hashed a piece of ~64 KB at a time."""
    h = hashlib.blake2b(digest_size=16)
    at = b0
    while at < b1:
        m = _SPACE.search(text, min(b1, at + _KEY_PIECE), b1)  # cut at a space, never inside a word
        cut = m.start() if m else b1
        words = text[at:cut].split()
        if words:
            h.update(" ".join(words).encode("utf-8", "surrogatepass") + b" ")
        at = max(cut, at + 1)
    return h.digest()


def _is_headline(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 200 and not re.search(r"[.!?:;][\"'”’)]*$", s) and len(s.split()) <= 30


def read_metadata(text: str, given: DocumentMeta | None = None) -> tuple[DocumentMeta, list[tuple[int, int]]]:
    """Metadata found in ``text`` (``given`` fields win) and the body regions to extract from."""
    found: dict[str, str] = {}
    regions: list[tuple[int, int]] = []
    seen_paragraphs: set[bytes] = set()
    at_top = True
    headline: tuple[int, int] | None = None
    for p0, p1 in paragraphs(text):
        lines: list[tuple[int, int]] = []
        pos = p0
        for line in text[p0:p1].split("\n"):
            lines.append((pos, pos + len(line)))
            pos += len(line) + 1
        body_lines: list[tuple[int, int]] = []
        for l0, l1 in lines:
            line = text[l0:l1]
            if not line.strip():
                continue
            m = _HEADER.match(line) if at_top else None
            if m:
                key = m.group(1).lower()
                key = {"date": "published", "source": "outlet"}.get(key, key)
                if m.group(2) and m.group(2).upper() != "UNKNOWN":
                    found.setdefault(key, m.group(2))
                continue
            d = _DATELINE.match(line)
            if d and len(line) < 120 and parse_date(d.group(2)) is not None:
                key = "updated" if d.group(1).lower() in {"updated", "last updated"} else "published"
                found.setdefault(key, d.group(2))
                continue
            if len(line) < 300 and _BOILERPLATE.match(line):
                continue
            if at_top and len(line) < 80 and _BYLINE.match(line):
                continue
            if at_top and len(line) < 60 and _DATE_ONLY.match(line) and parse_date(line) is not None:
                found.setdefault("published", line.strip())
                continue
            body_lines.append((l0, l1))
        if not body_lines:
            continue
        b0, b1 = body_lines[0][0], body_lines[-1][1]
        if at_top and "title" not in found and len(body_lines) == 1 and _is_headline(text[b0:b1]):
            found["title"] = text[b0:b1].strip()
            headline = (b0, b1)
            continue
        at_top = False
        key = _paragraph_key(text, b0, b1)
        if key in seen_paragraphs:
            continue
        seen_paragraphs.add(key)
        regions.append((b0, b1))
    if not regions and headline is not None:  # a one-line text is a statement, not a headline
        regions.append(headline)
        del found["title"]

    given = given or DocumentMeta()
    published_raw = given.published_raw or found.get("published")
    updated_raw = given.updated_raw or found.get("updated")
    published = given.published or (parse_date(published_raw) if published_raw else None)
    updated = given.updated or (parse_date(updated_raw) if updated_raw else None)
    if published is None and updated is not None:
        published, published_raw = updated, published_raw or updated_raw
    meta = DocumentMeta(
        title=given.title or found.get("title"),
        url=given.url or found.get("url"),
        outlet=given.outlet or found.get("outlet"),
        published=published,
        published_raw=published_raw,
        updated=updated,
        updated_raw=updated_raw,
    )
    return meta, regions
