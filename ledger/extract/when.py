"""Dates as the source states them: the day, the time and the zone it prints, and how much
of a date it gives (the year only, the month, the day, or the time too).

``read_date(raw)`` reads an absolute date written in the ways news prints them
(``4 June 2024``, ``March 5, 2024 | 5:30 p.m. ET``, ``05/03/2024 4:15 PM PST``,
``Fri 12 Jan 2024 07.30 GMT``, ``2024-06-04T19:30:00-05:00``, ``June 2024``, ``2019``) and
returns a :class:`ParsedDate`: an aware datetime in the offset the string states (UTC when
it states none, with ``offset`` None), its precision, and the raw string. A date known only
to the year or month is the first instant of it (``2019`` -> 2019-01-01) with that
precision, never completed with today's month or day. A string with words that are not
part of a date is not a date (``strict``); ``parse_any`` also takes what dateparser reads
(``yesterday``, ``last week``) for the command line.

Rules, kept as data below:

- Zones: fixed abbreviations in ``FIXED_ZONES`` (``IST`` is India Standard Time, +05:30,
  the reading in most English-language news that prints it); ``ET``/``CT``/``MT``/``PT``
  (and ``AET``) follow the daylight rule of ``REGION_ZONES`` for the stated date (ET in June
  is -04:00, in January -05:00); ``GMT+2``, ``UTC-05:00``, ``+0530``, ``Z`` are numeric. A
  second time in parentheses (``10:02 GMT (18:02 HKT)``) is the same instant, not read.
- Numeric dates ``a/b/yyyy``: month first (US style), unless ``a`` > 12, or the stated zone
  is one of ``DAY_FIRST_ZONES`` (Britain, Europe, India, Hong Kong, Australia), or the
  caller says ``day_first`` (the text's URL is on a domain of ``DAY_FIRST_DOMAINS``,
  :func:`day_first_for`); then day first. ``yyyy-mm-dd``
  and ``yyyy/mm/dd`` are always year-month-day.
- The day is the one the source states: ``2024-06-04 19:30 -05:00`` stays on the 4th in its
  own offset; only the UTC instant (for ordering) is the 5th.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

PRECISIONS = ("year", "month", "day", "time")

FIXED_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 60, "IST": 330, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "MSK": 180, "HKT": 480, "SGT": 480, "PHT": 480, "JST": 540, "KST": 540, "AWST": 480, "ACST": 570, "ACDT": 630,
    "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300,
    "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600,
}
REGION_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
                "PT": "America/Los_Angeles", "AET": "Australia/Sydney"}
DAY_FIRST_ZONES = {"GMT", "BST", "WET", "CET", "CEST", "EET", "EEST", "IST", "HKT", "SGT", "AWST", "ACST", "ACDT",
                   "AEST", "AEDT", "AET", "NZST", "NZDT"}
# outlets whose country writes the day first: the last label of the URL's host
DAY_FIRST_DOMAINS = {"uk", "ie", "au", "nz", "in", "za", "sg", "hk", "my", "pk", "ng", "ke", "eu", "fr", "de", "es",
                     "it", "nl", "be", "pt", "br", "ar"}
MONTHS = {m: i + 1 for i, names in enumerate([
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
    "september sept sep", "october oct", "november nov", "december dec"]) for m in names.split()}
WEEKDAYS = "monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun"
# words that may surround a date without being part of it
FILLER = set(WEEKDAYS.split()) | {"at", "on", "the", "of", "time", "local"}

_MONTH = r"(?P<{0}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})"
                  r"(?:[.,](?P<f>\d{1,6})\d*)?)?\s?(?P<z>Z|[+-]\d{2}(?::?\d{2})?)?)?(?![\d:])")
_ISO_MONTH = re.compile(r"\s*(?P<y>\d{4})-(?P<m>\d{1,2})\s*")  # "2017-06": a whole string only
_YMD = re.compile(r"(?<![\d/.])(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})(?![\d/.])")
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4})(?![\d/.])")
_DAY_MONTH = re.compile(r"(?<![\w])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format("mon")
                        + r",?\s+(?P<y>\d{4})(?!\d)", re.I)
_MONTH_DAY = re.compile(r"(?<![\w])" + _MONTH.format("mon") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b,?\s*"
                        r"(?P<y>\d{4})(?!\d)", re.I)
# ctime and JavaScript forms: "Thu Feb 15 09:41:07 CET 2024" (the time and zone before the year)
_MONTH_DAY_LATE = re.compile(r"(?<![\w])" + _MONTH.format("mon") + r"\s+(?P<d>\d{1,2})\s+(?P<mid>\d{1,2}:\d{2}(?::\d{2})?"
                             r"(?:\s+[A-Za-z]{1,5}(?:[+-]\d{1,4})?|\s+[+-]\d{4})?)\s+(?P<y>\d{4})(?!\d)", re.I)
_MONTH_YEAR = re.compile(r"(?<![\w])" + _MONTH.format("mon") + r",?\s+(?P<y>\d{4})(?!\d)", re.I)
_YEAR = re.compile(r"(?<![\w.:/-])(?P<y>1[89]\d\d|20\d\d)(?![\w.:/-])")
_DATE_FORMS = (("iso", _ISO), ("ymd", _YMD), ("numeric", _NUMERIC), ("dm", _DAY_MONTH), ("md", _MONTH_DAY),
               ("md", _MONTH_DAY_LATE), ("my", _MONTH_YEAR), ("y", _YEAR))
_TIME = re.compile(
    r"(?<![\d:.])(?P<H>\d{1,2})(?:[:.](?P<M>\d{2})(?::(?P<S>\d{2}))?)?\s*(?P<ap>[ap])\.?\s?m\b\.?"
    r"|(?<![\d:.])(?P<H24>\d{1,2})[:.h](?P<M24>\d{2})(?::(?P<S24>\d{2}))?(?![\d.:])",
    re.I,
)
_ZONE = re.compile(
    r"(?<![\w+-])(?:(?P<base>GMT|UTC)\s*(?P<sign>[+-])\s*(?P<zh>\d{1,2})(?::?(?P<zm>\d{2}))?"
    r"|(?P<name>" + "|".join(sorted([*FIXED_ZONES, *REGION_ZONES], key=len, reverse=True)) + r")"
    r"|(?P<num>[+-]\d{2}:?\d{2}))(?![\w])"
)
_PAREN = re.compile(r"\([^()]*\)")
_LEFTOVER = re.compile(r"[\s,|;·•—–\-/()\[\]]+")


@dataclass(frozen=True)
class ParsedDate:
    when: datetime  # aware; in the stated offset, UTC when none is stated
    precision: str  # one of PRECISIONS
    offset: int | None  # minutes east of UTC as the source states it; None: no zone stated
    raw: str


def read_date(raw: str, *, day_first: bool = False, strict: bool = True) -> ParsedDate | None:
    """The absolute date ``raw`` states, or None. ``strict``: every word must belong to the
    date (weekday names and ``at``/``on`` excepted), so ``Tuesday's vote on 4 June 2024`` is
    not a date line; not strict, the first date in the string is read."""
    if not raw or len(raw) > 200:
        return None
    month = _ISO_MONTH.fullmatch(raw)
    if month is not None:
        return _iso_month(month, raw)
    text = _PAREN.sub(" ", raw)  # "10:02 GMT (18:02 HKT)": the second reading of one instant
    date = _find_date(text)
    if date is None or (not strict and date[0] == "y"):  # a year among other words: a copyright, a figure
        return None
    form, m = date
    mid = m.groupdict().get("mid") or ""  # a time and zone inside the date's span: read below
    rest = text[:m.start()] + " " + mid + " " + text[m.end():]
    zone, rest = _find(_ZONE, rest) if form != "iso" or m.group("z") is None else (None, rest)
    clock, rest = _find(_TIME, rest) if form != "iso" or m.group("H") is None else (None, rest)
    if strict and not _only_filler(rest):
        return None
    zone_name = zone.group("name").upper() if zone is not None and zone.group("name") else None
    ymd = _ymd(form, m, day_first=day_first or zone_name in DAY_FIRST_ZONES)
    if ymd is None:
        return None
    precision = {"y": "year", "my": "month"}.get(form, "day")
    hms = _hms(form, m, clock)
    if hms is None:
        return None
    if hms and precision == "day":
        precision = "time"
    micro = int((m.group("f") or "0").ljust(6, "0")) if form == "iso" and m.group("H") else 0
    try:
        naive = datetime(*ymd, *(hms or (0, 0, 0)), micro)
    except ValueError:
        return None
    offset = _offset(naive, m.group("z") if form == "iso" and m.group("H") else None, zone)
    if offset is not None and not -1440 < offset < 1440:  # "GMT+25": no such zone, so no such date
        return None
    tz = timezone.utc if offset is None else timezone(timedelta(minutes=offset))
    return _if_storable(ParsedDate(naive.replace(tzinfo=tz), precision, offset, raw))


def _iso_month(m: re.Match, raw: str) -> ParsedDate | None:
    year, month = int(m.group("y")), int(m.group("m"))
    if not 1 <= month <= 12:
        return None
    return ParsedDate(datetime(year, month, 1, tzinfo=timezone.utc), "month", None, raw)


def _if_storable(found: ParsedDate | None) -> ParsedDate | None:
    """``found`` unless its UTC instant falls outside the calendar (9999-12-31 23:00 -05:00
    is in the year 10000 in UTC): no such date can be stored, ordered or compared."""
    try:
        if found is not None:
            found.when.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        return None
    return found


def day_first_for(url: str | None) -> bool:
    """Whether the outlet at ``url`` writes numeric dates day first (by its country domain)."""
    if not url:
        return False
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower()).split("/", 1)[0].split(":", 1)[0]
    return host.rsplit(".", 1)[-1] in DAY_FIRST_DOMAINS


def _find(pattern: re.Pattern, text: str):
    m = pattern.search(text)
    if m is None:
        return None, text
    return m, text[:m.start()] + " " + text[m.end():]


def _find_date(text: str):
    for form, pattern in _DATE_FORMS:
        m = pattern.search(text)
        if m:
            return form, m
    return None


def _only_filler(rest: str) -> bool:
    words = [w for w in _LEFTOVER.split(rest.lower()) if w]
    return all(w.rstrip(".") in FILLER for w in words)


def _ymd(form: str, m: re.Match, *, day_first: bool) -> tuple[int, int, int] | None:
    if form in ("iso", "ymd"):
        return int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if form == "numeric":
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 or (day_first and b <= 12):
            a, b = b, a
        return int(m.group("y")), a, b
    year = int(m.group("y"))
    if form == "y":
        return year, 1, 1
    month = MONTHS[m.group("mon").lower().rstrip(".")]
    return year, month, int(m.group("d")) if form in ("dm", "md") else 1


def _hms(form: str, m: re.Match, clock: re.Match | None) -> tuple | None:
    """(hour, minute, second) stated, () when no time is stated, None when it is no time."""
    if form == "iso" and m.group("H") is not None:
        h, mi, s = int(m.group("H")), int(m.group("M")), int(m.group("S") or 0)
    elif clock is None or form in ("y", "my"):
        return ()
    elif clock.group("ap"):
        h, mi, s = int(clock.group("H")), int(clock.group("M") or 0), int(clock.group("S") or 0)
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if clock.group("ap").lower() == "p" else 0)
    else:
        h, mi, s = int(clock.group("H24")), int(clock.group("M24")), int(clock.group("S24") or 0)
    if h > 23 or mi > 59 or s > 59:
        return None
    return h, mi, s


def _offset(naive: datetime, iso_zone: str | None, zone: re.Match | None) -> int | None:
    """Minutes east of UTC the string states for ``naive``, or None."""
    if iso_zone:
        return 0 if iso_zone == "Z" else _numeric(iso_zone)
    if zone is None:
        return None
    if zone.group("base"):
        minutes = int(zone.group("zh")) * 60 + int(zone.group("zm") or 0)
        return minutes if zone.group("sign") == "+" else -minutes
    if zone.group("num"):
        return _numeric(zone.group("num"))
    name = zone.group("name").upper()
    if name in FIXED_ZONES:
        return FIXED_ZONES[name]
    from zoneinfo import ZoneInfo

    return int(naive.replace(tzinfo=ZoneInfo(REGION_ZONES[name])).utcoffset().total_seconds() // 60)


def _numeric(value: str) -> int:
    digits = value[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    return -minutes if value[0] == "-" else minutes


def _as_numeric(m: re.Match) -> str:
    """A named zone as the numeric offset of our table (a region zone: left to dateparser)."""
    name = m.group("name")
    if name and name.upper() in FIXED_ZONES:
        minutes = FIXED_ZONES[name.upper()]
        return f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return m.group()


def parse_any(raw: str, *, relative_to: datetime | None = None) -> ParsedDate | None:
    """``read_date`` (not strict), else what dateparser reads (``yesterday``, ``last week``,
    odd spellings), cut to the precision it found: never today's month or day filled in."""
    found = read_date(raw)
    if found is not None:
        return found
    from dateparser.date import DateDataParser

    settings = {"RETURN_AS_TIMEZONE_AWARE": True, "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "MDY"}
    if relative_to is not None:
        settings["RELATIVE_BASE"] = relative_to.replace(tzinfo=None)
    cleaned = _ZONE.sub(_as_numeric, raw.strip())  # our zone table, not dateparser's (IST, CET kept as stated)
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(cleaned)
    if data is None or data.date_obj is None:
        return read_date(raw, strict=False)
    parsed = data.date_obj
    precision = {"year": "year", "month": "month"}.get(data.period or "", "day")
    if precision == "year":
        parsed = parsed.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    elif precision == "month":
        parsed = parsed.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    elif (parsed.hour, parsed.minute, parsed.second) != (0, 0, 0) and _TIME.search(raw):
        precision = "time"
    stated = parsed.tzinfo is not None and _ZONE.search(raw) is not None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    offset = int(parsed.utcoffset().total_seconds() // 60) if stated else None
    return _if_storable(ParsedDate(parsed, precision, offset, raw))


def stated_offset(when: datetime | None, stated: ParsedDate | None) -> int | None:
    """Minutes east of UTC that ``when`` was stated in: its own offset when that is not UTC
    (a date is only ever read into the offset its string states), else the offset of
    ``stated`` (the raw string read) when it names a zone; None when no zone was stated."""
    if when is None or when.tzinfo is None:
        return None
    minutes = int(when.utcoffset().total_seconds() // 60)
    if minutes:
        return minutes
    return 0 if stated is not None and stated.offset == 0 else None


# ------------------------------------------------------------------ shown as stated


def as_stated(instant: datetime | None, precision: str | None, offset: int | None, *, iso: bool = False) -> str:
    """``instant`` (an aware datetime, or a naive one meaning UTC, as storage returns it)
    written as the source stated it: ``2024``, ``2024-06``, ``2024-06-04``, or with the time
    ``2024-06-04 19:30 -05:00`` (``iso``: ``2024-06-04T19:30:00-05:00``); with no zone
    stated, the time has none. ``precision`` None (a date stored before precision was
    kept): the UTC instant, as it was always shown (the day; ``iso``: the full instant)."""
    if instant is None:
        return ""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=timezone.utc)
    if not isinstance(offset, int) or not -1440 < offset < 1440:  # none stated, or an edited row
        offset = None
    if precision not in PRECISIONS:
        utc = instant.astimezone(timezone.utc)
        return utc.isoformat() if iso else utc.date().isoformat()
    tz = timezone(timedelta(minutes=offset)) if offset is not None else timezone.utc
    local = instant.astimezone(tz)
    if precision == "year":
        return f"{local.year:04d}"
    if precision == "month":
        return f"{local.year:04d}-{local.month:02d}"
    if precision == "day":
        return local.date().isoformat()
    if iso:
        return local.isoformat() if offset is not None else local.replace(tzinfo=None).isoformat()
    zone = "" if offset is None else " " + local.strftime("%z")[:3] + ":" + local.strftime("%z")[3:]
    return f"{local:%Y-%m-%d %H:%M}{zone}"
