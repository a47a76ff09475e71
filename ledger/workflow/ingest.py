"""Adding articles to the ledger: read inputs, extract claims, store each document atomically.

A document goes in with its speakers and claims in one transaction, so a failure or a
crash never leaves a claim without its document. The same text added twice is found by
its content hash and adds nothing the second time.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Iterable, Iterator

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from ledger.errors import InputError
from ledger.extract import extract
from ledger.extract.types import ExtractedDocument
from ledger.storage import repo
from ledger.storage.db import session_scope, write
from ledger.storage.models import ClaimCreate, DocumentCreate
from ledger.workflow.decoding import decode

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}
STDIN = "-"
DEFAULT_MAX_BYTES = 10_000_000


@dataclass(frozen=True)
class Overrides:
    """Metadata given on the command line; it wins over what the text says."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    published_raw: str | None = None


@dataclass
class Outcome:
    source: str
    status: str  # added | duplicate | skipped | failed
    message: str = ""
    document_id: int | None = None
    claims: int = 0
    warnings: list[str] = field(default_factory=list)


def expand_inputs(inputs: Iterable[str]) -> Iterator[tuple[str, Path | None, str | None]]:
    """(name, path, problem) for each article named: files as given, folders walked
    recursively for article files in a stable order, ``-`` for standard input."""
    for item in inputs:
        if item == STDIN:
            yield STDIN, None, None
            continue
        path = Path(item)
        if path.is_dir():
            seen: set[tuple[int, int]] = set()
            for root, dirs, files in os.walk(path, followlinks=True):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen:  # a symlink loop: walk each folder once
                    dirs[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs.sort()
                for name in sorted(files):
                    p = Path(root) / name
                    if p.suffix.lower() in ARTICLE_SUFFIXES and not name.startswith("."):
                        yield str(p), p, None
        elif path.exists():
            yield str(path), path, None
        else:
            yield item, None, "no such file or folder"


def normalise(text: str) -> str:
    """Line endings unified; offsets index the text as stored."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _claim_creates(doc: ExtractedDocument) -> list[ClaimCreate]:
    out = []
    for c in doc.claims:
        q, s = c.quantity, c.speaker
        out.append(
            ClaimCreate(
                start=c.start,
                end=c.end,
                sentence_start=c.sentence_start if c.sentence_start is not None else c.start,
                sentence_end=c.sentence_end if c.sentence_end is not None else c.end,
                text=c.text,
                q_surface=q.surface if q else None,
                q_start=q.start if q else None,
                q_end=q.end if q else None,
                q_value=q.value if q else None,
                q_value_max=q.value_max if q else None,
                q_unit=q.unit if q else None,
                q_change=q.change if q else None,
                q_concept=q.concept if q else None,
                speaker_name=s.name if s else None,
                speaker_role=s.role if s else None,
                speaker_surface=s.surface if s else None,
                speaker_start=s.start if s else None,
                speaker_end=s.end if s else None,
                cue=s.cue if s else None,
                date_mentioned=c.date_mentioned,
            )
        )
    return out


def store_extracted(engine: Engine, *, doc: ExtractedDocument, source: str, by_hand: bool = False) -> Outcome:
    """Store one extracted document with its claims in a single transaction."""
    digest = content_hash(doc.text)
    m = doc.meta

    def work(session) -> Outcome:
        if repo.get_document_by_hash(session, content_hash=digest) is not None:
            return Outcome(source, "duplicate", "already in the ledger")
        row = repo.create_document(
            session,
            document=DocumentCreate(
                text=doc.text,
                content_hash=digest,
                title=m.title,
                url=m.url,
                outlet=m.outlet,
                published=m.published,
                published_raw=m.published_raw,
                updated=m.updated,
                updated_raw=m.updated_raw,
                source=source,
                by_hand=by_hand,
                flags=json.dumps(doc.flags, ensure_ascii=False) if doc.flags else None,
            ),
        )
        claims = repo.create_claims(session, document_id=row.id, claims=_claim_creates(doc))
        return Outcome(
            source, "added", document_id=row.id, claims=len(claims),
            warnings=[*doc.warnings, *(f"{source}: {f}" for f in doc.flags)],
        )

    try:
        return write(engine, work)
    except IntegrityError:  # another writer stored the same text between our check and insert
        return Outcome(source, "duplicate", "already in the ledger")


def _from_html(text: str, overrides: Overrides) -> tuple[str, Overrides]:
    """The article inside a saved web page, with the page's metadata under the given one."""
    from ledger.extract.html import html_to_article
    from ledger.extract.metadata import parse_date

    article, page = html_to_article(text)
    published, published_raw = overrides.published, overrides.published_raw
    if published is None and page["published"]:
        published, published_raw = parse_date(page["published"]), page["published"]
    return article, Overrides(
        title=overrides.title or page["title"],
        url=overrides.url or page["url"],
        outlet=overrides.outlet or page["outlet"],
        published=published,
        published_raw=published_raw if published else None,
    )


def add_text(engine: Engine, *, text: str, source: str, overrides: Overrides = Overrides(), warnings=()) -> Outcome:
    from ledger.extract.html import looks_like_html

    text = normalise(text)
    if source.lower().endswith((".html", ".htm")) or looks_like_html(text):
        text, overrides = _from_html(text, overrides)
    if not text.strip():
        return Outcome(source, "skipped", "empty file")
    with session_scope(engine) as session:
        if repo.get_document_by_hash(session, content_hash=content_hash(text)) is not None:
            return Outcome(source, "duplicate", "already in the ledger")
    doc = extract(
        text,
        title=overrides.title,
        url=overrides.url,
        outlet=overrides.outlet,
        published=overrides.published,
        published_raw=overrides.published_raw,
    )
    if warnings:
        doc = replace(doc, warnings=[*warnings, *doc.warnings])
    return store_extracted(engine, doc=doc, source=source)


def add_path(
    engine: Engine,
    *,
    name: str,
    path: Path | None,
    overrides: Overrides = Overrides(),
    stdin_text=None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Outcome:
    """Add one input; problems with it come back as a failed Outcome, never as an exception."""
    try:
        if path is None:
            text, warnings = stdin_text or "", []
            if len(text.encode("utf-8")) > max_bytes:
                raise InputError(f"{name}: larger than the limit of {max_bytes:,} bytes (see --max-bytes)")
        else:
            try:
                size = path.stat().st_size
                if size > max_bytes:
                    raise InputError(f"{name}: {size:,} bytes, larger than the limit of {max_bytes:,} (see --max-bytes)")
                data = path.read_bytes()
            except PermissionError:
                raise InputError(f"{name}: permission denied") from None
            except IsADirectoryError:
                raise InputError(f"{name}: is a folder") from None
            except OSError as exc:
                raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
            text, warnings = decode(data, name)
        return add_text(engine, text=text, source=name, overrides=overrides, warnings=warnings)
    except InputError as exc:
        return Outcome(name, "failed", str(exc))


def add_claim_by_hand(
    engine: Engine,
    *,
    text: str,
    speaker: str | None = None,
    url: str | None = None,
    published: datetime | None = None,
    published_raw: str | None = None,
) -> Outcome:
    """One claim typed by hand, stored with a document record marked as entered by hand."""
    from ledger.extract.numbers import find_quantities
    from ledger.extract.types import Claim, DocumentMeta, Speaker

    text = " ".join(text.split())
    if not text:
        raise InputError("--claim: the claim text is empty")
    quantities = find_quantities(text, 0, len(text))
    sp = Speaker(name=speaker, surface=speaker, start=0, end=0, cue="entered by hand") if speaker else None
    claim = Claim(
        start=0, end=len(text), text=text, quantity=quantities[0] if quantities else None, speaker=sp,
        sentence_start=0, sentence_end=len(text),
    )
    meta = DocumentMeta(title=None, url=url, outlet=None, published=published, published_raw=published_raw)
    doc = ExtractedDocument(text=text, meta=meta, claims=[claim])
    return store_extracted(engine, doc=doc, source="--claim", by_hand=True)
