"""Correcting what the ledger holds: a document's metadata (``ledger doc edit``), a
speaker's name (``ledger speakers rename``) and two speakers that are one
(``ledger speakers merge``).

Each correction is a row in the audited history (storage/corrections.py); the values are
checked the way ``add`` checks them: a URL must be http(s), a date is read with its
precision and offset as ``add --published`` reads it. An empty value clears a field.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from ledger.errors import InputError
from ledger.storage import corrections
from ledger.storage.db import session_scope, write


@dataclass(frozen=True)
class Edited:
    correction_id: int
    document_id: int
    before: dict
    after: dict
    claims_refingerprinted: int


def document_changes(*, title=None, url=None, outlet=None, published=None) -> dict:
    """The stored fields that the options given set (None: not given; "": cleared)."""
    changes = {}
    for name, value in (("title", title), ("outlet", outlet)):
        if value is not None:
            changes[name] = " ".join(value.split()) or None
    if url is not None:
        changes["url"] = _checked_url(url.strip())
    if published is not None:
        changes.update(_published(published.strip()))
    if not changes:
        raise InputError("nothing to change: give --title, --published, --outlet or --url")
    return changes


def _checked_url(url: str) -> str | None:
    from ledger.urls import url_problem

    if not url:
        return None
    problem = url_problem(url)
    if problem:
        raise InputError(f"--url: the URL {problem}")
    return url


def _published(raw: str) -> dict:
    from ledger.extract.metadata import date_of, parse_date
    from ledger.extract.when import stated_offset

    if not raw:
        return dict.fromkeys(("published", "published_raw", "published_precision", "published_offset"))
    when: datetime | None = parse_date(raw)
    if when is None:
        raise InputError(f"--published: {raw!r} is not a date")
    stated = date_of(raw)
    return {"published": when, "published_raw": raw, "published_precision": stated.precision if stated else None,
            "published_offset": stated_offset(when, stated)}


def edit_document(engine, *, document_id: int, changes: dict, actor: str, note: str | None = None) -> Edited:
    def work(session):
        row = corrections.edit_document(session, document_id=document_id, changes=changes, actor=actor, note=note)
        moved = len(json.loads(row.fingerprints)["claims"])
        return Edited(row.id, document_id, json.loads(row.before), json.loads(row.after), moved)

    return write(engine, work)


def document_history(engine, *, document_id: int) -> list[dict]:
    """The corrections of one document, oldest first."""
    with session_scope(engine) as session:
        return [{"id": c.id, "actor": c.actor, "note": c.note, "created_at": c.created_at.isoformat(),
                 "before": json.loads(c.before), "after": json.loads(c.after)}
                for c in corrections.of_document(session, document_id=document_id)]


def correct_duplicate(engine, *, digest: str, changes: dict, actor: str) -> Edited | None:
    """``add --update``: the document already stored with this text gets the metadata given
    (an audited correction); None when it already has those values."""
    from sqlmodel import select

    from ledger.storage.models import Document

    with session_scope(engine) as session:
        document_id = session.exec(select(Document.id).where(Document.content_hash == digest)).first()
    if document_id is None:
        return None
    try:
        return edit_document(engine, document_id=document_id, changes=changes, actor=actor,
                             note="add --update: the same text added again with corrected metadata")
    except InputError as exc:
        if "nothing to change" in str(exc):
            return None
        raise


@dataclass(frozen=True)
class Removed:
    correction_id: int
    document_id: int
    claims: int
    reviewed: int


def remove_document(engine, *, document_id: int, actor: str, note: str | None = None, force: bool = False) -> Removed:
    def work(session):
        row, claims, reviewed = corrections.remove_document(session, document_id=document_id, actor=actor, note=note,
                                                            force=force)
        return Removed(row.id, document_id, claims, reviewed)

    return write(engine, work)


@dataclass(frozen=True)
class SpeakerFixed:
    correction_id: int
    speaker_id: int  # the speaker renamed, or merged into
    name: str
    claims: int  # claims that moved (merge) or were re-fingerprinted (rename)


def rename_speaker(engine, *, speaker: str, name: str, role: str | None = None, actor: str,
                   note: str | None = None) -> SpeakerFixed:
    name = " ".join(name.split())
    if not name:
        raise InputError("the new name is empty")
    if role is not None:
        role = " ".join(role.split()) or None

    def work(session):
        found = corrections.find_speaker(session, name_or_id=speaker)
        row = corrections.rename_speaker(session, speaker=found, name=name, role=role, actor=actor, note=note)
        return SpeakerFixed(row.id, found.id, found.name, len(json.loads(row.fingerprints)["claims"]))

    return write(engine, work)


def merge_speakers(engine, *, source: str, into: str, actor: str, note: str | None = None) -> SpeakerFixed:
    def work(session):
        a = corrections.find_speaker(session, name_or_id=source)
        b = corrections.find_speaker(session, name_or_id=into)
        row = corrections.merge_speakers(session, source=a, into=b, actor=actor, note=note)
        return SpeakerFixed(row.id, b.id, b.name, len(json.loads(row.after)["claims"]))

    return write(engine, work)
