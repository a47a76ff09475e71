"""Document metadata read from the text itself, and the regions that hold the body.

Recognised:
- header lines ``TITLE:``, ``URL:``, ``OUTLET:``, ``PUBLISHED:``, ``UPDATED:`` at the top;
- ``Published ...`` / ``Updated ...`` / ``Posted ...`` lines anywhere;
- near the top, a line that is only a date (``March 3, 2021``, ``3 March 2021 14:05 GMT``,
  ``05/03/2024 4:15 PM PST``, ``June 2024``; a year alone is not one) as the publication
  date, and a byline (``By Jane Doe``, ``By Lena Ortiz — Published Tuesday, 4 June 2024``,
  ``By AP Staff | Jan. 2, 2023, 11:00 a.m.``) whose names are the author, skipped;
- ``Posted on September 21, 2020 by Sam Lee``: the date, and the names as the author;
- an ``Updated``/``Last modified`` line is the update, never the publication date when the
  text states one; a text dated only by its update is dated by it (the latest bound);
- a wire dateline opening the first paragraph (``WASHINGTON, March 3 (Reuters) -``) is cut
  from the body; its date with no year is kept as the raw string and dates the text only
  when another date of it gives the year (``PUBLISHED: 2024``, or the update): a year is
  never guessed;
- a headline: the first short line with no sentence-final punctuation, before the body;
- boilerplate lines (``Advertisement``, ``| Image:...``, share/subscribe prompts), skipped;
- a paragraph repeated verbatim (syndicated copies often repeat the lead), skipped after
  its first appearance.

Dates are read by :mod:`ledger.extract.when` (its zone table and numeric-date rule): an
abbreviation such as ``IST`` is ambiguous (India, Ireland, Israel); the rule is India
Standard Time (+05:30), the reading in most English-language news that prints it. The raw
string is always kept beside the parsed datetime, with its precision.
"""
from __future__ import annotations

import hashlib
import re
from datetime import datetime, timezone

from ledger.extract.types import DocumentMeta
from ledger.extract.when import MONTHS, ParsedDate, day_first_for, parse_any, read_date

_HEADER = re.compile(r"^(TITLE|URL|OUTLET|PUBLISHED|UPDATED|DATE|SOURCE)[ \t]*:[ \t]*(.*?)\s*$", re.I)
_DATELINE = re.compile(
    r"^\s*(Published|Updated|Posted|Last updated|Last modified|First published|Modified)\b[ \t]*(?:on|at|:)?[ \t]*"
    r"(.+?)\s*$", re.I
)
_UPDATED_WORDS = {"updated", "last updated", "last modified", "modified"}
_BOILERPLATE = re.compile(
    r"^\s*(\|.*|advertisement|advert|sponsored( content)?|image:.*|photo:.*|share( this( article)?)?( on \w+)?"
    r"|subscribe.*|sign up.*|read more.*|related( articles)?:?|click here.*|follow us.*|.*\bcookies?\b.*accept.*)\s*$",
    re.I,
)
# a byline: "By Jane Doe and Ali Khan", and with a date after a separator ("By Lena Ortiz —
# Published Tuesday, 4 June 2024", "By AP Staff | Jan. 2, 2023, 11:00 a.m.")
_NAME = r"[A-Z][\w.'’-]*"
_NAMES = _NAME + r"(?:\s+" + _NAME + r"){0,3}(?:\s*(?:,|and|&)\s*" + _NAME + r"(?:\s+" + _NAME + r"){0,3})*"
_BYLINE = re.compile(r"^\s*(?:By|BY)\s+(?P<names>" + _NAMES + r")\s*(?:(?:[—–|·•]|\s-\s|,)\s*(?P<rest>.+?))?\s*$")
_BYLINE_ROLE = re.compile(r"^\s*(?:By|BY)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'’ -]+)*\s*$")
# "... September 21, 2020 by Sam Lee": the names after a dateline's date
_BY_AFTER = re.compile(r"^(?P<date>.+?)\s+by\s+(?P<names>" + _NAMES + r")\s*$")
# a wire dateline opening the first paragraph: "WASHINGTON, March 3 (Reuters) - ", "LONDON, June 4 — "
_WIRE = re.compile(
    r"(?P<city>[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?),\s+"
    r"(?P<date>(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?)"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?[-—–]+\s*"
)
# IST is India Standard Time (+05:30), the documented rule; the zone table is in when.py
_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


_MAX_DATE_CHARS = 200  # a longer string is not a date, and dateparser's time grows with the length


def parse_date(raw: str, *, relative_to: datetime | None = None) -> datetime | None:
    """A timezone-aware datetime for ``raw`` in the offset it states (UTC when it states
    none), or None when it is not a date. A date known only to the year or month is its
    first instant (see :func:`date_of` for the precision). Relative dates (``yesterday``)
    are read against ``relative_to`` (default: now). A string longer than
    ``_MAX_DATE_CHARS`` is not a date (a header line can be any length)."""
    found = date_of(raw, relative_to=relative_to)
    return found.when if found else None


def date_of(raw: str, *, relative_to: datetime | None = None) -> ParsedDate | None:
    """``raw`` read as a date with its precision and stated offset (:mod:`ledger.extract.when`)."""
    if len(raw) > _MAX_DATE_CHARS or not raw.strip():
        return None
    return parse_any(raw.strip(), relative_to=relative_to)


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


class _Found:
    """What the lines of a document say about it, first statement of each field winning."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url  # the URL given by the caller; else the text's URL: header decides day first
        self.fields: dict[str, str] = {}
        self.dates: dict[str, ParsedDate] = {}  # "published"/"updated" read from date lines
        self.wire: re.Match | None = None  # a wire dateline's date with no year ("March 3")

    def header(self, line: str) -> bool:
        m = _HEADER.match(line)
        if not m:
            return False
        key = {"date": "published", "source": "outlet"}.get(m.group(1).lower(), m.group(1).lower())
        if m.group(2) and m.group(2).upper() != "UNKNOWN":
            self.fields.setdefault(key, m.group(2))
        return True

    def dateline(self, line: str) -> bool:
        """``Published ...``/``Updated ...``/``Posted on ... by NAME`` lines."""
        d = _DATELINE.match(line)
        if not d or len(line) >= 120:
            return False
        raw, names = d.group(2), None
        by = _BY_AFTER.match(raw)
        if by and self.read(by.group("date")):
            raw, names = by.group("date"), by.group("names")
        parsed = self.read(raw)
        if parsed is None:
            return False
        self._date("updated" if d.group(1).lower() in _UPDATED_WORDS else "published", parsed)
        if names:
            self.fields.setdefault("author", names)
        return True

    def byline(self, line: str) -> bool:
        b = _BYLINE.match(line) if len(line) < 160 else None
        if not b:
            return False
        rest = b.group("rest")
        if rest is None:
            self.fields.setdefault("author", b.group("names"))
            return True
        if self.dateline(rest) or self.date_only(rest, any_precision=True):
            self.fields.setdefault("author", b.group("names"))
            return True
        if _BYLINE_ROLE.match(line):  # "By Jane Doe, Staff writer": the byline as written
            self.fields.setdefault("author", line.strip()[3:].strip())
            return True
        return False

    def date_only(self, line: str, *, any_precision: bool = False) -> bool:
        """A line that is only a date (``March 3, 2021``, ``05/03/2024 4:15 PM PST``, ``June
        2024``); a year alone is not a date line (it is a figure, a heading, a copyright)."""
        if len(line) >= 80:
            return False
        parsed = self.read(line.strip())
        if parsed is None or (parsed.precision == "year" and not any_precision):
            return False
        self._date("published", parsed)
        return True

    def wire_dateline(self, text: str, b0: int, b1: int) -> int:
        """Where the first paragraph's text starts after a wire dateline (``WASHINGTON,
        March 3 (Reuters) -``), whose date is kept; ``b0`` when there is none."""
        w = _WIRE.match(text, b0, b1)
        if not w or w.group("mon").lower() not in MONTHS:
            return b0
        parsed = read_date(w.group("date")) if w.group("year") else None
        if parsed is not None:
            self._date("published", parsed)
        elif self.wire is None:
            self.wire = w
        return w.end()

    def read(self, raw: str, *, strict: bool = True) -> ParsedDate | None:
        return read_date(raw, strict=strict, day_first=day_first_for(self.url or self.fields.get("url")))

    def _date(self, key: str, parsed: ParsedDate) -> None:
        self.dates.setdefault(key, parsed)


def read_metadata(text: str, given: DocumentMeta | None = None) -> tuple[DocumentMeta, list[tuple[int, int]]]:
    """Metadata found in ``text`` (``given`` fields win) and the body regions to extract from."""
    given = given or DocumentMeta()
    found = _Found(given.url)
    regions: list[tuple[int, int]] = []
    seen_paragraphs: set[bytes] = set()
    at_top = True
    headline: tuple[int, int] | None = None
    for p0, p1 in paragraphs(text):
        body_lines = _body_lines(text, p0, p1, found, at_top)
        if not body_lines:
            continue
        b0, b1 = body_lines[0][0], body_lines[-1][1]
        if at_top and "title" not in found.fields and len(body_lines) == 1 and _is_headline(text[b0:b1]):
            found.fields["title"] = text[b0:b1].strip()
            headline = (b0, b1)
            continue
        if at_top:
            b0 = found.wire_dateline(text, b0, b1)
        at_top = False
        key = _paragraph_key(text, b0, b1)
        if key in seen_paragraphs:
            continue
        seen_paragraphs.add(key)
        regions.append((b0, b1))
    if not regions and headline is not None:  # a one-line text is a statement, not a headline
        regions.append(headline)
        del found.fields["title"]
    return _meta(found, given), regions


def _body_lines(text: str, p0: int, p1: int, found: _Found, at_top: bool) -> list[tuple[int, int]]:
    """The lines of paragraph ``text[p0:p1]`` that are body: metadata lines are read into
    ``found`` and left out, and so is boilerplate."""
    body: list[tuple[int, int]] = []
    pos = p0
    for line in text[p0:p1].split("\n"):
        l0, l1 = pos, pos + len(line)
        pos = l1 + 1
        if not line.strip():
            continue
        if (at_top and found.header(line)) or found.dateline(line):
            continue
        if len(line) < 300 and _BOILERPLATE.match(line):
            continue
        if at_top and (found.byline(line) or found.date_only(line)):
            continue
        body.append((l0, l1))
    return body


def _meta(found: _Found, given: DocumentMeta) -> DocumentMeta:
    """The document's metadata: ``given`` fields win over what the text says."""
    published = _given(given.published, given.published_raw)
    updated = _given(given.updated, given.updated_raw) or _found(found, "updated")
    raw = given.published_raw
    if published is None:
        published = _found(found, "published")
        raw = found.fields.get("published") or (published.raw if published else None)
        if found.wire is not None and (published is None or published.precision in ("year", "month")):
            dated = _wire_date(found.wire, published, updated)
            published, raw = (dated, dated.raw) if dated else (published, raw or found.wire.group("date"))
    if published is None and updated is not None:  # a text dated only by its update: the latest bound
        published, raw = updated, updated.raw
    return DocumentMeta(
        title=given.title or found.fields.get("title"),
        url=given.url or found.fields.get("url"),
        outlet=given.outlet or found.fields.get("outlet"),
        published=published.when if published else None,
        published_raw=raw,
        published_precision=(given.published_precision or published.precision) if published else None,
        author=given.author or found.fields.get("author"),
        updated=updated.when if updated else None,
        updated_raw=given.updated_raw or found.fields.get("updated") or (updated.raw if updated else None),
    )


def _found(found: _Found, key: str) -> ParsedDate | None:
    """A header's date (the first date it holds; never a relative one, which would be read
    against today), else a date line's."""
    raw = found.fields.get(key)
    if raw and len(raw) <= _MAX_DATE_CHARS:
        parsed = found.read(raw) or found.read(raw, strict=False)
        if parsed is not None:
            return parsed
    return found.dates.get(key)


def _given(when: datetime | None, raw: str | None) -> ParsedDate | None:
    """A date given by the caller: ``raw`` read, or the instant ``when`` with what ``raw``
    says of its precision and zone (a day or a time when it says nothing readable)."""
    parsed = date_of(raw) if raw else None
    if when is None:
        return parsed
    if parsed is None:
        return ParsedDate(when, "time" if (when.hour, when.minute, when.second) != (0, 0, 0) else "day",
                          None, raw or when.isoformat())
    return ParsedDate(when, parsed.precision, parsed.offset, parsed.raw)


def _wire_date(wire: re.Match, base: ParsedDate | None, updated: ParsedDate | None) -> ParsedDate | None:
    """A wire dateline's month and day in the year another date of the document states
    (a year- or month-only ``PUBLISHED:``, or the update: the latest such day on or before
    it); None when none does: a year is never guessed."""
    month, day = MONTHS[wire.group("mon").lower()], int(wire.group("day"))
    try:
        if base is not None and (base.precision == "year" or base.precision == "month" and base.when.month == month):
            return ParsedDate(datetime(base.when.year, month, day, tzinfo=timezone.utc), "day", None, wire.group("date"))
        if updated is not None:
            year = updated.when.year - ((month, day) > (updated.when.month, updated.when.day))
            return ParsedDate(datetime(year, month, day, tzinfo=timezone.utc), "day", None, wire.group("date"))
    except ValueError:  # "February 30"
        return None
    return None
