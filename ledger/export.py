"""The audit report: every claim with its quantity, speaker, source and latest verdict.

CSV follows RFC 4180 (UTF-8, header row, CRLF line ends, quotes doubled). Free-text cells
that a spreadsheet would run as a formula (starting with = + - @, tab, CR or LF, or their
full-width forms) get a leading single quote, per OWASP's CSV-injection guidance; numeric
columns are written from numbers, so a real -12 stays a number.
"""
from __future__ import annotations

import csv
import json
from typing import IO, Iterable

from ledger.workflow.views import ClaimView, iso

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
    "published",
    "added_at",
    "last_reviewer",
    "last_reviewed_at",
    "last_note",
    "last_evidence",
    "reviews",
    "document_flags",
]
NUMERIC = {"claim_id", "quantity_value", "quantity_value_max", "reviews"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def neutralise(cell: str) -> str:
    """A free-text cell that cannot start a spreadsheet formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _number(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def row_of(view: ClaimView) -> dict[str, object]:
    c, d, s, last = view.claim, view.document, view.speaker, view.last_review
    return {
        "claim_id": c.id,
        "status": c.status,
        "claim": c.text,
        "sentence": view.sentence,
        "quantity_surface": c.q_surface,
        "quantity_value": c.q_value,
        "quantity_value_max": c.q_value_max,
        "quantity_unit": c.q_unit,
        "quantity_change": c.q_change,
        "quantity_concept": c.q_concept,
        "speaker": s.name if s else None,
        "speaker_role": s.role if s else None,
        "cue": c.cue,
        "document_title": d.title,
        "outlet": d.outlet,
        "url": d.url,
        "published": iso(d.published),
        "added_at": iso(c.created_at),
        "last_reviewer": last.reviewer if last else None,
        "last_reviewed_at": iso(last.created_at) if last else None,
        "last_note": last.note if last else None,
        "last_evidence": last.evidence_url if last else None,
        "reviews": len(view.reviews),
        "document_flags": "; ".join(view.flags),
    }


def write_csv(views: Iterable[ClaimView], out: IO[str]) -> int:
    """Write the CSV report to ``out``; returns the number of claims written."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    n = 0
    for view in views:
        row = row_of(view)
        writer.writerow(
            [_number(row[k]) if k in NUMERIC else neutralise("" if row[k] is None else str(row[k])) for k in COLUMNS]
        )
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
