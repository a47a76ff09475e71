"""Value types that extraction returns: plain, immutable data with no database in sight.

Offsets are Python string indices into the document text exactly as it was given
to :func:`ledger.extract.extract`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Quantity:
    surface: str
    start: int
    end: int
    value: float
    value_max: float | None = None
    unit: str | None = None
    change: str = "="  # one of = ~ > < up down
    concept: str | None = None
    uncertainty: float | None = None  # "1.7±0.7": 0.7, in the figure's unit


@dataclass(frozen=True)
class Speaker:
    name: str  # canonical: the fullest proper name the document gives
    surface: str  # the mention that carries the cue, as written
    start: int
    end: int
    cue: str
    role: str | None = None  # "press secretary" for "press secretary Jen Psaki"
    # a description ("officials", "the company", "one resident"), not a name: the ledger
    # keeps one such speaker per document, never merged with another document's
    generic: bool = False


@dataclass(frozen=True)
class Claim:
    start: int  # the claim's sentence (or clause)
    end: int
    text: str  # == document_text[start:end]
    quantity: Quantity | None = None
    speaker: Speaker | None = None
    sentence_start: int | None = None  # the whole sentence holding the claim
    sentence_end: int | None = None
    date_mentioned: str | None = None  # ISO date a relative date in the claim resolves to
    worthiness: float | None = None  # check-worthiness (ledger.extract.checkworthy); higher: check first

    def contract(self) -> dict:
        """The claim as the `ledger extract --jsonl` contract spells it."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "quantity": _quantity_json(self.quantity) if self.quantity else None,
            "speaker": (
                {k: v for k, v in asdict(self.speaker).items() if k not in ("role", "generic")}
                if self.speaker
                else None
            ),
            "worthiness": self.worthiness,
        }


@dataclass(frozen=True)
class DocumentMeta:
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None  # timezone-aware
    published_raw: str | None = None  # the date string as found
    # how much of ``published`` the source states: "year", "month", "day" or "time"; the
    # rest is filled with the first instant (2021 -> 2021-01-01), never with today's month
    published_precision: str | None = None
    author: str | None = None  # the byline's names, as written
    updated: datetime | None = None
    updated_raw: str | None = None


@dataclass(frozen=True)
class ExtractedDocument:
    text: str
    meta: DocumentMeta
    claims: list[Claim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # kept on the document: manipulation, language


def _quantity_json(q: Quantity) -> dict:
    """The contract's quantity; ``uncertainty`` only where the figure states one."""
    out = asdict(q)
    if out["uncertainty"] is None:
        del out["uncertainty"]
    return out
