"""A claim as users see it: the claim, its document, its speaker and its review summary.

``ClaimView.to_json()`` is the one object shape that ``queue --json``, ``show --json`` and
``export --format json`` print; keep it stable.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from ledger.storage.models import Claim, Document, Review, Source, Speaker


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def published_as_stated(d: Document) -> str | None:
    """The document's publication date in ISO 8601 as the source stated it: in the offset it
    states (``2024-06-04T19:30:00-05:00``; no offset when it states no zone), or cut to what
    it states (``2024-06-04``, ``2024-06``, ``2024``); the UTC instant for a date stored
    before precision was kept."""
    from ledger.extract.when import as_stated

    return as_stated(d.published, d.published_precision, d.published_offset, iso=True) or None


@dataclass
class ClaimView:
    claim: Claim
    document: Document
    speaker: Speaker | None
    reviews: list[Review] = field(default_factory=list)
    appearances: int = 1  # documents this claim appears in (itself included)
    links: list = field(default_factory=list)  # ClaimLink rows touching this claim
    others: list = field(default_factory=list)  # (Claim, Document) of every appearance, when loaded
    linked: dict = field(default_factory=dict)  # claim id -> (Claim, Document) at the far end of links
    group: frozenset = frozenset()  # ids of every appearance, when known without loading them
    source: Source | None = None  # where the document was read from (no raw bytes loaded)
    priors: list = field(default_factory=list)  # earlier verdicts it matches (workflow/prior.py), when asked

    @property
    def conflicts(self) -> list:
        return [link for link in self.links if link.kind == "conflict"]

    @property
    def updates(self) -> list:
        return [link for link in self.links if link.kind == "update"]

    def linked_id(self, link) -> int:
        """The claim at the far end of ``link`` (which may start at another appearance)."""
        mine = {self.claim.id} | {c.id for c, _ in self.others} | set(self.group)
        return link.other_id if link.claim_id in mine else link.claim_id

    @property
    def id(self) -> int:
        return self.claim.id

    def worthiness_reasons(self) -> list[tuple[str, float]]:
        """What made the claim's check-worthiness: the features of its sentence, with their
        contributions, then the base every claim starts from, what its transcript added (how
        much its speaker asks), and its links; they sum to the claim's worthiness."""
        from ledger.extract import checkworthy
        from ledger.workflow import worthiness

        c = self.claim
        sentence = worthiness.reasons(text=c.text, has_quantity=c.q_value is not None, value=c.q_value,
                                      unit=c.q_unit, change=c.q_change, speaker=self.speaker.name if self.speaker else None,
                                      role=self.speaker.role if self.speaker else None)
        bias = checkworthy.model()[0]
        out = [*sentence, ("base", round(bias, 2))]
        rest = round(c.base_score - bias - sum(v for _, v in sentence), 2)
        if abs(rest) >= 0.03:  # beyond the rounding of the parts
            out.append(("in its transcript (features of its speaker)", rest))
        links = round(c.worthiness - c.base_score - (worthiness.PRIOR_BONUS if c.prior_id is not None else 0.0), 2)
        if abs(links) >= 0.01:
            out.append(("appearances and conflicts", links))
        if c.prior_id is not None:
            out.append((f"matches an earlier verdict ({c.prior_kind} {c.prior_id})", worthiness.PRIOR_BONUS))
        return out

    @property
    def sentence(self) -> str:
        return self.document.text[self.claim.sentence_start : self.claim.sentence_end]

    @property
    def flags(self) -> list[str]:
        return json.loads(self.document.flags) if self.document.flags else []

    @property
    def last_review(self) -> Review | None:
        return self.reviews[-1] if self.reviews else None

    def quantity(self) -> dict | None:
        c = self.claim
        if c.q_value is None:
            return None
        return {
            "surface": c.q_surface,
            "start": c.q_start,
            "end": c.q_end,
            "value": c.q_value,
            "value_max": c.q_value_max,
            "unit": c.q_unit,
            "change": c.q_change,
            "concept": c.q_concept,
            "uncertainty": c.q_uncertainty,
        }

    def speaker_json(self) -> dict | None:
        c = self.claim
        if self.speaker is None:
            return None
        return {
            "name": self.speaker.name,
            "role": self.speaker.role,
            "surface": c.speaker_surface,
            "start": c.speaker_start,
            "end": c.speaker_end,
            "cue": c.cue,
        }

    def to_json(self, *, with_reviews: bool = False) -> dict:
        c, d = self.claim, self.document
        last = self.last_review
        out = {
            "id": c.id,
            "status": c.status,
            "start": c.start,
            "end": c.end,
            "text": c.text,
            "sentence": self.sentence,
            "quantity": self.quantity(),
            "speaker": self.speaker_json(),
            "date_mentioned": c.date_mentioned,
            "document": {
                "id": d.id,
                "title": d.title,
                "outlet": d.outlet,
                "url": d.url,
                "published": published_as_stated(d),
                "published_raw": d.published_raw,
                "published_precision": d.published_precision,
                "published_utc": iso(d.published),
                "author": d.author,
                "by_hand": d.by_hand,
                "removed_at": iso(d.removed_at),
                "flags": self.flags,
                "source": source_json(self.source),
            },
            "created_at": iso(c.created_at),
            "extractor_version": c.extractor_version,
            "superseded_at": iso(c.superseded_at),
            "worthiness": c.worthiness,
            "worthiness_reasons": [{"feature": k, "contribution": v} for k, v in self.worthiness_reasons()],
            "appearances": self.appearances,
            "checked_before": ({"kind": c.prior_kind, "id": c.prior_id, "score": c.prior_score}
                               if c.prior_id is not None else None),
            "conflicts_with": sorted(self.linked_id(link) for link in self.conflicts),
            "updated_by": sorted(self.linked_id(link) for link in self.updates),
            "review_count": len(self.reviews),
            "last_review": review_json(last) if last else None,
        }
        if with_reviews:
            out["reviews"] = [review_json(r) for r in self.reviews]
            out["matches"] = [m.to_json() for m in self.priors]  # earlier verdicts (workflow/prior.py)
            out["appearances_in"] = [
                {"claim_id": oc.id, "status": oc.status, "title": od.title, "outlet": od.outlet, "url": od.url,
                 "published": published_as_stated(od), "text": oc.text}
                for oc, od in self.others
            ]
        return out


def source_json(s: Source | None) -> dict | None:
    """A document's source: where and when it was read, the raw bytes' hash and size
    (both None when the raw bytes were not kept), and which version of a page it is."""
    if s is None:
        return None
    return {
        "location": s.location,
        "final_url": s.final_url,
        "read_at": iso(s.read_at),
        "http_status": s.http_status,
        "content_type": s.content_type,
        "sha256": s.sha256,
        "size": s.size,
        "raw_kept": s.sha256 is not None,
        "version": s.version,
        "previous_document_id": s.previous_id,
    }


def source_line(s: Source | None) -> str | None:
    """The source in one line for a person: location, read time, hash, version."""
    if s is None:
        return None
    parts = [f"source: {s.final_url if s.final_url and s.final_url != s.location else s.location}"]
    if s.final_url and s.final_url != s.location:
        parts.append(f"(given as {s.location})")
    if s.read_at:
        parts.append(f"read {s.read_at:%Y-%m-%d %H:%M:%S} UTC")
    parts.append(f"sha256 {s.sha256[:16]}…" if s.sha256 else "raw bytes not kept")
    if s.previous_id is not None:
        parts.append(f"version {s.version} of this page; previous version: document {s.previous_id}")
    return " · ".join(parts)


def review_json(r: Review) -> dict:
    return {
        "id": r.id,
        "verdict": r.verdict,
        "previous_status": r.previous_status,
        "reviewer": r.reviewer,
        "note": r.note,
        "evidence_url": r.evidence_url,
        "created_at": iso(r.created_at),
    }
