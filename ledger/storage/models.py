"""The ledger's tables, one model family per entity (Base / Create / table).

- ``Document``: one article (or one hand-entered claim's record), unique by content hash.
- ``Speaker``: one row per canonical speaker name.
- ``Claim``: one checkable claim, with offsets into its document's text.
- ``Review``: append-only verdict history; a claim's ``status`` always equals its latest
  review's verdict (or ``pending`` before the first).
- ``Lease``: which reviewer holds which claim in ``ledger review``, until when.
"""
from __future__ import annotations

from datetime import datetime
from enum import Enum

from sqlalchemy import Column, ForeignKeyConstraint, Index, LargeBinary, Text, UniqueConstraint, desc
from sqlmodel import Field, SQLModel

from ledger.storage.types import UTCDateTime, utcnow


class Status(str, Enum):
    pending = "pending"
    verified = "verified"
    disputed = "disputed"
    unverified = "unverified"


VERDICTS = (Status.verified, Status.disputed, Status.unverified)


# ------------------------------------------------------------------ documents


class DocumentBase(SQLModel):
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = Field(default=None, sa_type=UTCDateTime)
    published_raw: str | None = None
    # how much of a date the source states: "year", "month", "day" or "time" (NULL: stored
    # before 0010, shown as the UTC instant); ``published`` is the UTC instant, the first of
    # the year or month when that is all the source gives
    published_precision: str | None = Field(default=None, max_length=8)
    published_offset: int | None = None  # minutes east of UTC as the source stated it; NULL: no zone stated
    author: str | None = None  # the byline's names, as written
    updated: datetime | None = Field(default=None, sa_type=UTCDateTime)
    updated_raw: str | None = None
    source: str | None = None  # the file path or "-" it was read from
    by_hand: bool = False  # a record made for a claim typed with `add --claim`
    flags: str | None = Field(default=None, sa_column=Column(Text))  # JSON list of warnings for reviewers


class DocumentCreate(DocumentBase):
    text: str
    content_hash: str


class Document(DocumentBase, table=True):
    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("content_hash", name="uq_documents_content_hash"),
        Index("ix_documents_published", "published"),
        Index("ix_documents_outlet", "outlet"),
    )

    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(max_length=64)
    text: str = Field(sa_column=Column(Text, nullable=False))
    ingested_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    fingerprint: str | None = Field(default=None, max_length=64)  # storage/fingerprint.py (0009)
    removed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)  # `doc rm` (0013): kept, hidden


# ------------------------------------------------------------------ speakers


class SpeakerBase(SQLModel):
    name: str
    role: str | None = None


class Speaker(SpeakerBase, table=True):
    __tablename__ = "speakers"
    __table_args__ = (UniqueConstraint("name", "scope", name="uq_speakers_name_scope"),)

    id: int | None = Field(default=None, primary_key=True)
    # "" for a named speaker (one across the ledger); "document:<id>" for a description
    # ("officials", "the company"), which is one speaker per document (0018)
    scope: str = Field(default="", max_length=40, sa_column_kwargs={"server_default": ""})
    fingerprint: str | None = Field(default=None, max_length=64)  # storage/fingerprint.py (0009)


class SpeakerAlias(SQLModel, table=True):
    """How one document names a speaker, and the role it gives them (0017): the speaker's
    aliases and roles by document. A short form another document used ("Schumer") and the
    full name it was matched to are both kept."""

    __tablename__ = "speaker_aliases"
    __table_args__ = (
        UniqueConstraint("speaker_id", "document_id", "alias", name="uq_speaker_aliases"),
        Index("ix_speaker_aliases_document_id", "document_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speakers.id", nullable=False)
    document_id: int = Field(foreign_key="documents.id", nullable=False)
    alias: str = Field(sa_column=Column(Text, nullable=False))
    role: str | None = Field(default=None, sa_column=Column(Text))


# ------------------------------------------------------------------ claims


class ClaimBase(SQLModel):
    start: int  # the claim span (sentence or clause) in the document text
    end: int
    sentence_start: int
    sentence_end: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    q_surface: str | None = None
    q_start: int | None = None
    q_end: int | None = None
    q_value: float | None = None
    q_value_max: float | None = None
    q_unit: str | None = None
    q_change: str | None = None
    q_concept: str | None = None
    q_uncertainty: float | None = None  # "1.7±0.7": 0.7 (0016); not in the fingerprint
    speaker_surface: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    date_mentioned: str | None = None  # ISO date a relative date in the claim resolves to
    # the words matching compares (space-separated), worked out at extraction; NULL on
    # claims stored before revision 0007, whose words are worked out when read
    q_signature: str | None = Field(default=None, sa_column=Column(Text))
    q_topic: str | None = Field(default=None, sa_column=Column(Text))
    extractor_version: str | None = Field(default=None, max_length=40)  # extract.VERSION (0014); NULL: older
    superseded_at: datetime | None = Field(default=None, sa_type=UTCDateTime)  # `reextract` no longer finds it
    # the earlier verdict this claim strongly matches (workflow/prior.py, 0015): "claim" (the
    # desk's own reviewed claim) or "reference" (an imported ClaimReview), its id and the score
    prior_kind: str | None = Field(default=None, max_length=16)
    prior_id: int | None = None
    prior_score: float | None = None


class ClaimCreate(ClaimBase):
    speaker_name: str | None = None
    speaker_role: str | None = None
    speaker_generic: bool = False  # a description: a speaker of this document only


class Claim(ClaimBase, table=True):
    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_document_id", "document_id"),
        Index("ix_claims_speaker_id", "speaker_id"),
        Index("ix_claims_status_id", "status", "id"),  # the queue: pending, oldest first
        Index("ix_claims_group_id", "group_id"),
        Index("ix_claims_unit_value", "q_unit", "q_value"),  # candidates for appearances and conflicts
        # the queue by score: highest first, oldest first among equals, read straight off the index
        Index("ix_claims_status_worthiness", "status", desc("worthiness"), "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="documents.id", nullable=False)
    speaker_id: int | None = Field(default=None, foreign_key="speakers.id")
    status: str = Field(default=Status.pending.value, max_length=16, nullable=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    group_id: int | None = None  # appearances of one claim share the id of the first
    base_score: float = Field(default=0.0, sa_column_kwargs={"server_default": "0"})
    worthiness: float = Field(default=0.0, sa_column_kwargs={"server_default": "0"})  # base + links
    fingerprint: str | None = Field(default=None, max_length=64)  # storage/fingerprint.py (0009)


# ------------------------------------------------------------------ reviews


class ReviewBase(SQLModel):
    verdict: str = Field(max_length=16)
    reviewer: str
    note: str | None = Field(default=None, sa_column=Column(Text))
    evidence_url: str | None = None


class ReviewCreate(ReviewBase):
    claim_id: int


class Review(ReviewBase, table=True):
    __tablename__ = "reviews"
    __table_args__ = (Index("ix_reviews_claim_id", "claim_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claims.id", nullable=False)
    previous_status: str = Field(max_length=16)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    prev_hash: str | None = Field(default=None, max_length=64)  # the hash chain (storage/chain.py)
    hash: str | None = Field(default=None, max_length=64)
    # the claim's fingerprint when reviewed, covered by ``hash``; NULL on reviews recorded
    # before revision 0009, whose hash has the first formula (chain.review_hash)
    claim_fingerprint: str | None = Field(default=None, max_length=64)


class AuditHead(SQLModel, table=True):
    """The newest link of a hash chain: id 1 the reviews' (``review_id`` the newest review),
    id 2 the corrections' (``review_id`` then holds the newest correction's id)."""

    __tablename__ = "audit_head"

    id: int = Field(default=1, primary_key=True, sa_column_kwargs={"autoincrement": False})
    review_id: int
    hash: str = Field(max_length=64)


# ------------------------------------------------------------------ leases


class Lease(SQLModel, table=True):
    """A reviewer's hold on the claim shown to them; other reviewers are given other claims."""

    __tablename__ = "leases"

    claim_id: int = Field(foreign_key="claims.id", primary_key=True, sa_column_kwargs={"autoincrement": False})
    reviewer: str
    holder: str | None = Field(default=None, max_length=64)  # the review session holding it (0008)
    taken_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    expires_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class ClaimLink(SQLModel, table=True):
    """``claim_id`` (the newer) relates to ``other_id``: same, conflict or update."""

    __tablename__ = "claim_links"
    __table_args__ = (
        Index("ix_claim_links_claim_id", "claim_id"),
        Index("ix_claim_links_other_id", "other_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claims.id", nullable=False)
    other_id: int = Field(foreign_key="claims.id", nullable=False)
    kind: str = Field(max_length=16)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


# ------------------------------------------------------------------ sources


class SourceCreate(SQLModel):
    """Where a document was read from, and the raw bytes as read (compressed)."""

    document_id: int
    location: str = Field(sa_column=Column(Text, nullable=False))  # the file path, "-" or the URL as given
    final_url: str | None = None  # a fetched page's URL after redirects (indexed: versions and feeds look it up)
    read_at: datetime | None = Field(default=None, sa_type=UTCDateTime)  # when read or fetched (UTC)
    http_status: int | None = None
    content_type: str | None = None
    sha256: str | None = Field(default=None, max_length=64)  # of the raw bytes (NULL: not kept)
    size: int | None = None  # of the raw bytes
    raw: bytes | None = Field(default=None, sa_column=Column(LargeBinary))  # zlib-compressed raw bytes
    previous_id: int | None = None  # the document this one is a newer version of (same URL)
    version: int = 1


class Source(SourceCreate, table=True):
    __tablename__ = "sources"
    __table_args__ = (
        UniqueConstraint("document_id", name="uq_sources_document_id"),
        ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_sources_document_id"),
        ForeignKeyConstraint(["previous_id"], ["documents.id"], name="fk_sources_previous_id"),
        Index("ix_sources_final_url", "final_url"),
    )

    id: int | None = Field(default=None, primary_key=True)


# ------------------------------------------------------------------ corrections (0013)


class Correction(SQLModel, table=True):
    """One correction of stored data (``ledger doc edit``): what was changed, from what to
    what, by whom and why, and how the fingerprints of the rows it touched moved, so that
    ``audit verify`` can tell a recorded correction from an edit behind the ledger's back.
    Chained by hash like the reviews (storage/chain.py), head in ``audit_head`` id 2."""

    __tablename__ = "corrections"
    __table_args__ = (Index("ix_corrections_target", "kind", "target_id"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)  # "document"
    target_id: int
    before: str = Field(sa_column=Column(Text, nullable=False))  # JSON object of the fields changed
    after: str = Field(sa_column=Column(Text, nullable=False))
    fingerprints: str = Field(sa_column=Column(Text, nullable=False))  # JSON: {"claims": {id: [old, new]}, ...}
    actor: str
    note: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


# ------------------------------------------------------------------ references (0015)


class ReferenceBase(SQLModel):
    """A verdict another desk published as schema.org ClaimReview (``ledger import
    claimreview``), kept apart from the desk's own reviews: not in the queue, not in the
    audit chain. ``key`` (extract/claimreview.py) makes a re-import an update, not a copy."""

    claim_text: str = Field(sa_column=Column(Text, nullable=False))
    claimant: str | None = Field(default=None, sa_column=Column(Text))
    claimant_type: str | None = Field(default=None, max_length=40)
    claim_date: str | None = Field(default=None, max_length=64)  # as the markup states it
    review_date: str | None = Field(default=None, max_length=64)
    publisher: str | None = Field(default=None, sa_column=Column(Text))
    rating: str | None = Field(default=None, sa_column=Column(Text))  # alternateName
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    url: str | None = Field(default=None, sa_column=Column(Text))  # the fact-check's page
    appearances: str | None = Field(default=None, sa_column=Column(Text))  # JSON list of URLs
    # the claim's figure, read by the extractor from claim_text (matching compares it)
    q_surface: str | None = None
    q_value: float | None = None
    q_unit: str | None = None
    q_change: str | None = None
    source: str | None = Field(default=None, sa_column=Column(Text))  # the file, "-" or URL imported from


class ReferenceCreate(ReferenceBase):
    key: str


class ReferenceReview(ReferenceBase, table=True):
    __tablename__ = "reference_reviews"
    __table_args__ = (UniqueConstraint("key", name="uq_reference_reviews_key"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=64)
    imported_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
