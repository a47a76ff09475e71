"""The audit report: every claim with its quantity, speaker, source and latest verdict.

CSV follows RFC 4180 (UTF-8, header row, CRLF line ends, quotes doubled). Free-text cells
that a spreadsheet would run as a formula (starting with = + - @, tab, CR or LF, or their
full-width forms) get a leading single quote, per OWASP's CSV-injection guidance; numeric
columns are written from numbers, so a real -12 stays a number; ``quantity_change`` is a
word (``exact``, ``approx``, ``more than``, ``less than``, ``up``, ``down``), so no cell of
the extractor's needs the guard.

Every row is a claim, so data tools read typed columns (``sqlite-utils insert --csv
--detect-types``, ``pandas.read_csv``: integer ids, numeric quantities). The audit chain
head the report was made against goes beside it, in ``REPORT.audit.json`` (see
:func:`write_sidecar`), which ``ledger audit verify --report REPORT`` reads.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
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
_CHANGE_AT = COLUMNS.index("quantity_change")
CHANGE_WORDS = {"=": "exact", "~": "approx", ">": "more than", "<": "less than", "up": "up", "down": "down"}
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


SIDECAR_SUFFIX = ".audit.json"


def chain_head(engine):
    """The review chain's head when the report is made (read before the rows): an
    ``audit.Head`` (newest review id, hash, number of reviews)."""
    from ledger.workflow.audit import head_summary

    return head_summary(engine)


def sidecar_path(report_path) -> str:
    return os.fspath(report_path) + SIDECAR_SUFFIX


def _sha256(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_sidecar(report_path, *, head, rows: int) -> str:
    """Write ``REPORT.audit.json`` beside a finished report: the chain head it was made
    against (``head``: hash, newest review id, number of reviews), its row count and the
    report file's SHA-256. Written to a temporary file and renamed, so it is whole or
    absent. Returns its path."""
    side = sidecar_path(report_path)
    record = {"report": os.path.basename(os.fspath(report_path)), "sha256": _sha256(report_path), "rows": rows,
              "chain_head": head.hash, "head_review_id": head.review_id, "reviews": head.reviews}
    part = side + ".part"
    with open(part, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(record, indent=1) + "\n")
    os.replace(part, side)
    return side


def read_chain_head(report_path) -> str:
    """The chain head a CSV report was made against, from its sidecar, after checking that
    the report is the file the sidecar describes (the same SHA-256)."""
    from ledger.errors import InputError

    side = sidecar_path(report_path)
    try:
        with open(side, encoding="utf-8") as fh:
            record = json.load(fh)
        sha = _sha256(report_path)
    except FileNotFoundError as exc:
        raise InputError(f"{exc.filename}: not found (a report's chain head is kept in REPORT{SIDECAR_SUFFIX},"
                         f" written by `ledger export -o REPORT`)") from None
    except OSError as exc:
        raise InputError(f"{exc.filename or side}: cannot read ({exc.strerror or exc})") from None
    except ValueError:
        raise InputError(f"{side}: not JSON; not a ledger report's audit file") from None
    return _checked_head(record, sha, side, report_path)


def _checked_head(record, sha: str, side: str, report_path) -> str:
    from ledger.errors import InputError

    if not isinstance(record, dict) or not isinstance(record.get("chain_head"), str):
        raise InputError(f"{side}: no chain_head; not a ledger report's audit file")
    if record.get("sha256") != sha:
        raise InputError(f"{report_path}: changed since it was exported (its SHA-256 is not the one in {side})")
    return record["chain_head"]


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


def _change_word(value) -> str:
    if value is None:
        return ""
    word = CHANGE_WORDS.get(value)
    return word if word is not None else neutralise(str(value))  # an edited database: shown, guarded


def write_csv(rows: Iterable[tuple], out: IO[str]) -> int:
    """Write the CSV report to ``out``; returns the number of claims written."""
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
        _number if i in _NUMERIC_AT else date if i in _DATES_AT else flags if i == _FLAGS_AT
        else _change_word if i == _CHANGE_AT else text
        for i in range(len(COLUMNS))
    ]
    n = 0
    writerow = writer.writerow
    for row in rows:
        cells = [f(v) for f, v in zip(convert, row)]
        cells[_PUBLISHED_AT] = _published(row)
        writerow(cells)
        n += 1
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
