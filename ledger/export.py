"""The audit report: every claim with its quantity, speaker, source and latest verdict.

CSV follows RFC 4180 (UTF-8, header row, CRLF line ends, quotes doubled). Free-text cells
that a spreadsheet would run as a formula (starting with = + - @, tab, CR or LF, or their
full-width forms) get a leading single quote, per OWASP's CSV-injection guidance; numeric
columns are written from numbers, so a real -12 stays a number.
"""
from __future__ import annotations

import csv
import json
from datetime import datetime
from typing import IO, Iterable, Iterator

from ledger.workflow.views import ClaimView

COLUMNS = [
    "claim_id",
    "status",
    "claim",
    "sentence",
    "quantity_surface",
    "quantity_value",
    "quantity_value_max",
    "quantity_unit",
    "quantity_change",
    "quantity_concept",
    "speaker",
    "speaker_role",
    "cue",
    "document_title",
    "outlet",
    "url",
    "source",
    "published",
    "added_at",
    "last_reviewer",
    "last_reviewed_at",
    "last_note",
    "last_evidence",
    "reviews",
    "document_flags",
    "appearances",
    "conflicts",
    "worthiness",
]
NUMERIC = {"claim_id", "quantity_value", "quantity_value_max", "reviews", "appearances", "conflicts", "worthiness"}
_NUMERIC_AT = {COLUMNS.index(c) for c in NUMERIC}
_DATES_AT = {COLUMNS.index(c) for c in ("added_at", "last_reviewed_at")}
_PUBLISHED_AT = COLUMNS.index("published")
_FLAGS_AT = COLUMNS.index("document_flags")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_FORMULA_FIRST = frozenset(_FORMULA_START)


def neutralise(cell: str) -> str:
    """A free-text cell that cannot start a spreadsheet formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _number(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (str, bytes)):  # text in a numeric column (an edited SQLite file): a text cell
        return neutralise(value if isinstance(value, str) else value.decode("utf-8", "replace"))
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def report(engine, *, where) -> Iterator[tuple]:
    """Every claim's report row, in COLUMNS order, straight from one streamed query."""
    from ledger.storage.db import session_scope
    from ledger.storage.repo import report_rows

    with session_scope(engine) as session:
        yield from report_rows(session, where=where)


CHAIN_MARK = "# audit chain head"


def chain_head(engine) -> tuple[int | None, str]:
    """The review chain's head when the report is made (read before the rows)."""
    from ledger.workflow.audit import current_head

    return current_head(engine)


def read_chain_head(path) -> str:
    """The chain head written at the end of a CSV report."""
    from ledger.errors import InputError

    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            for row in csv.reader(fh):
                if row and row[0] == CHAIN_MARK:
                    return row[1]
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    raise InputError(f"{path}: no '{CHAIN_MARK}' row; not a ledger CSV report")


def _flag_text(value) -> str:
    """A document's flags (a JSON list of strings) as one cell; whatever else an edited
    database holds there is shown as it is, not a crash."""
    try:
        flags = json.loads(value)
    except (TypeError, ValueError):
        return str(value)
    if isinstance(flags, list):
        return "; ".join(f if isinstance(f, str) else json.dumps(f, ensure_ascii=False) for f in flags)
    return str(value)


def _published(row: tuple) -> str:
    """The published cell: the date as the source stated it, in ISO 8601 (``2024-06-04T19:30:00-05:00``,
    ``2024-06-04``, ``2024-06``, ``2024``), from the precision and offset that follow the
    report's columns in ``row``; the UTC instant when they are not kept (stored before 0010)."""
    from ledger.extract.when import as_stated

    value = row[_PUBLISHED_AT]
    if value is None:
        return ""
    if not isinstance(value, datetime):  # an edited SQLite file: shown as it is
        return neutralise(str(value))
    precision, offset = (row[len(COLUMNS)], row[len(COLUMNS) + 1]) if len(row) >= len(COLUMNS) + 2 else (None, None)
    return as_stated(value, precision, offset, iso=True)


def write_csv(rows: Iterable[tuple], out: IO[str], *, chain_head: tuple[int | None, str] | None = None) -> int:
    """Write the CSV report to ``out``; returns the number of claims written.

    With ``chain_head`` the report ends with one more row: ``# audit chain head``, the
    head hash and the newest review id it covers, so the report can later be checked
    against the ledger (``ledger audit verify --report``)."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    flags_cache: dict[str, str] = {}

    def flags(value) -> str:
        if value is None:
            return ""
        if value not in flags_cache:
            flags_cache[value] = neutralise(_flag_text(value))
        return flags_cache[value]

    def text(value) -> str:
        if value is None:
            return ""
        value = value if isinstance(value, str) else str(value)
        return "'" + value if value[:1] in _FORMULA_FIRST else value

    def date(value) -> str:
        return "" if value is None else value.isoformat()

    convert = [
        _number if i in _NUMERIC_AT else date if i in _DATES_AT else flags if i == _FLAGS_AT else text
        for i in range(len(COLUMNS))
    ]
    n = 0
    writerow = writer.writerow
    for row in rows:
        cells = [f(v) for f, v in zip(convert, row)]
        cells[_PUBLISHED_AT] = _published(row)
        writerow(cells)
        n += 1
    if chain_head is not None:
        review_id, digest = chain_head
        writer.writerow([CHAIN_MARK, digest, "" if review_id is None else review_id])
    return n


def write_json(views: Iterable[ClaimView], out: IO[str]) -> int:
    """Write a JSON array of claim objects (the shape of ``queue --json``), streaming."""
    n = 0
    out.write("[")
    for view in views:
        out.write(("\n" if n == 0 else ",\n") + json.dumps(view.to_json(), ensure_ascii=False))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n
