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
from typing import Callable, Iterable, Iterator

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from ledger.errors import InputError
from ledger.extract import extract
from ledger.extract.types import ExtractedDocument
from ledger.storage import repo
from ledger.storage.db import session_scope, write
from ledger.storage.models import DocumentCreate
from ledger.workflow import linking, worthiness
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


def _claim_rows(doc: ExtractedDocument) -> list[dict]:
    """Column values (ClaimCreate's fields) of each extracted claim."""
    out = []
    for c in doc.claims:
        q, s = c.quantity, c.speaker
        out.append(
            dict(
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
                q_signature=None,  # filled in by ready() for claims with a figure
                q_topic=None,
            )
        )
        out[-1]["base_score"] = out[-1]["worthiness"] = worthiness.base_score(
            text=c.text, has_quantity=q is not None, value=q.value if q else None, unit=q.unit if q else None,
            change=q.change if q else None, speaker=s.name if s else None, role=s.role if s else None,
        )
    return out


def _document(p: "Prepared") -> DocumentCreate:
    m = p.doc.meta
    return DocumentCreate(
        text=p.doc.text,
        content_hash=p.digest,
        title=m.title,
        url=m.url,
        outlet=m.outlet,
        published=m.published,
        published_raw=m.published_raw,
        updated=m.updated,
        updated_raw=m.updated_raw,
        source=p.name,
        by_hand=p.by_hand,
        flags=json.dumps(p.doc.flags, ensure_ascii=False) if p.doc.flags else None,
    )


def _store_in(session, batch: list["Prepared"], known: linking.Figures) -> list[Outcome]:
    """Store the documents of ``batch`` (each extracted, with its claim rows and figures)
    with their speakers and claims, link their figures, in the caller's transaction;
    an outcome per document. A text the ledger (or the batch) already holds is a duplicate."""
    held = repo.known_hashes(session, digests=[p.digest for p in batch])
    fresh: list[Prepared] = []
    for p in batch:
        if p.digest not in held:
            held.add(p.digest)
            fresh.append(p)
    nearby = linking.prefetch(session, figures=[p.figures for p in fresh], known=known)
    doc_ids = repo.create_documents(session, documents=[_document(p) for p in fresh])
    claim_ids = repo.create_claims(session, claims=[(d, p.rows) for d, p in zip(doc_ids, fresh)])
    linking.link_documents(session, nearby=nearby, known=known, documents=[
        linking.NewDocument(document_id=d, claim_ids=ids, figures=p.figures, published=p.doc.meta.published)
        for d, ids, p in zip(doc_ids, claim_ids, fresh)
    ])
    stored = {id(p): (d, len(ids)) for p, d, ids in zip(fresh, doc_ids, claim_ids)}
    out = []
    for p in batch:
        if id(p) not in stored:
            out.append(Outcome(p.name, "duplicate", "already in the ledger"))
            continue
        document_id, claims = stored[id(p)]
        out.append(Outcome(
            p.name, "added", document_id=document_id, claims=claims,
            warnings=[*p.doc.warnings, *(f"{p.name}: {f}" for f in p.doc.flags)],
        ))
    return out


def ready(doc: ExtractedDocument, name: str, *, by_hand: bool = False) -> "Prepared":
    """An extracted document with what storing it needs worked out (its content hash,
    claim rows and figures): work a parallel add does in the workers, not the writer."""
    rows = _claim_rows(doc)
    figures = linking.figures_of(rows, title=doc.meta.title)
    for f in figures:
        rows[f.index].update(q_signature=" ".join(sorted(f.signature)), q_topic=" ".join(sorted(f.topic)))
    return Prepared(name, doc=replace(doc, claims=[]), digest=content_hash(doc.text), rows=rows, by_hand=by_hand,
                    figures=figures)


def store_extracted(engine: Engine, *, doc: ExtractedDocument, source: str, by_hand: bool = False) -> Outcome:
    """Store one extracted document with its speakers and claims in a single transaction."""
    return _store_one(engine, ready(doc, source, by_hand=by_hand))


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


@dataclass
class Prepared:
    """One input read and extracted, ready for the writer (or an outcome with nothing to store).

    It crosses from a worker process to the writer, so it carries each thing once: the
    document's text, metadata, warnings and flags in ``doc``, its claims as ``rows``
    (column values) and ``figures``, not as ``doc.claims`` too."""

    name: str
    doc: ExtractedDocument | None = None
    outcome: Outcome | None = None
    digest: str = ""
    rows: list[dict] = field(default_factory=list)
    figures: list[linking.NewFigure] = field(default_factory=list)
    by_hand: bool = False


def read_input(name: str, path: Path | None, *, stdin_text: str | None, max_bytes: int) -> tuple[str, list[str]]:
    """The text of one input and warnings about its decoding; InputError when unusable."""
    if path is None:
        text = stdin_text or ""
        if len(text.encode("utf-8")) > max_bytes:
            raise InputError(f"{name}: larger than the limit of {max_bytes:,} bytes (see --max-bytes)")
        return text, []
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{name}: {size:,} bytes, larger than the limit of {max_bytes:,} (see --max-bytes)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return decode(data, name)


def prepare(
    name: str,
    path: Path | None,
    *,
    overrides: Overrides = Overrides(),
    stdin_text: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    is_known: Callable[[str], bool] = lambda digest: False,
) -> Prepared:
    """Read, decode and extract one input. Never raises for a bad input: it says so."""
    from ledger.extract.html import looks_like_html

    try:
        text, warnings = read_input(name, path, stdin_text=stdin_text, max_bytes=max_bytes)
    except InputError as exc:
        return Prepared(name, outcome=Outcome(name, "failed", str(exc)))
    text = normalise(text)
    if name.lower().endswith((".html", ".htm")) or looks_like_html(text):
        text, overrides = _from_html(text, overrides)
    if not text.strip():
        return Prepared(name, outcome=Outcome(name, "skipped", "empty file"))
    if is_known(content_hash(text)):
        return Prepared(name, outcome=Outcome(name, "duplicate", "already in the ledger"))
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
    return ready(doc, name)


def known_in(engine: Engine) -> Callable[[str], bool]:
    """A content-hash lookup against the ledger, for skipping texts it already holds."""

    def is_known(digest: str) -> bool:
        with session_scope(engine) as session:
            return repo.get_document_by_hash(session, content_hash=digest) is not None

    return is_known


def _store_one(engine: Engine, item: Prepared, known: linking.Figures | None = None) -> Outcome:
    known = known if known is not None else linking.Figures()
    try:
        return write(engine, lambda session: _store_in(session, [item], known))[0]
    except IntegrityError:  # another writer stored the same text between our check and insert
        return Outcome(item.name, "duplicate", "already in the ledger")


def store_batch(engine: Engine, batch: list[Prepared], known: linking.Figures | None = None) -> list[Outcome]:
    """Store the prepared documents of ``batch`` in one transaction (each one whole or not
    at all); if that fails, one transaction each, so one bad document costs only itself.
    ``known``: the figures read by earlier batches of the same run, if any."""
    known = known if known is not None else linking.Figures()
    todo = [p for p in batch if p.doc is not None]
    stored: dict[int, Outcome] = {}
    if len(todo) > 1:
        try:
            outcomes = write(engine, lambda session: _store_in(session, todo, known))
            stored = {id(p): o for p, o in zip(todo, outcomes)}
        except Exception:
            stored = {}
    out = []
    for p in batch:
        if p.doc is None:
            out.append(p.outcome)
        elif id(p) in stored:
            out.append(stored[id(p)])
        else:
            out.append(_store_one(engine, p, known))
    return out


_WORKER: dict = {}
WORKER_NICENESS = 15


def _worker_init(url: str, overrides: Overrides, max_bytes: int) -> None:
    from ledger.storage.db import create_ledger_engine

    try:  # the writer first: it is the one process every result waits for
        os.nice(WORKER_NICENESS)
    except (AttributeError, OSError):
        pass
    _WORKER.update(engine=create_ledger_engine(url), overrides=overrides, max_bytes=max_bytes)


def _worker_prepare(item: tuple[str, str | None, str | None]) -> Prepared:
    name, path, problem = item
    if problem:
        return Prepared(name, outcome=Outcome(name, "failed", f"{name}: {problem}"))
    return prepare(
        name, Path(path), overrides=_WORKER["overrides"], max_bytes=_WORKER["max_bytes"],
        is_known=known_in(_WORKER["engine"]),
    )


def add_inputs(
    engine: Engine,
    inputs: list[tuple[str, Path | None, str | None]],
    *,
    overrides: Overrides = Overrides(),
    stdin_text: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int = 1,
    batch_size: int = 100,
) -> Iterator[Outcome]:
    """Add every input, yielding one Outcome per input in input order.

    With ``jobs`` > 1, reading and extraction run in that many worker processes while
    this process alone writes, in batches; the documents, their ids and the outcomes are
    the same as with one job.
    """
    is_known = known_in(engine)

    def prepared_here():
        for name, path, problem in inputs:
            if problem:
                yield Prepared(name, outcome=Outcome(name, "failed", f"{name}: {problem}"))
            else:
                yield prepare(name, path, overrides=overrides, stdin_text=stdin_text, max_bytes=max_bytes,
                              is_known=is_known)

    pool = None
    files = [i for i in inputs if i[0] != STDIN]
    if jobs > 1 and len(files) > 1 and len(files) == len(inputs):
        import gc
        import multiprocessing

        extract("Warm up: 2 people said so.")  # load the parsers once, before the workers fork
        url = engine.url.render_as_string(hide_password=False)
        # The workers inherit every object this process holds (the CLI, the ORM, the
        # parsers): frozen, the collector in each worker leaves them alone instead of
        # walking them again and again (and copying the pages it touches).
        gc.freeze()
        try:
            pool = multiprocessing.get_context("fork").Pool(jobs, _worker_init, (url, overrides, max_bytes))
        finally:
            gc.unfreeze()
        stream = pool.imap(_worker_prepare, [(n, str(p) if p else None, e) for n, p, e in inputs], chunksize=2)
    else:
        stream = prepared_here()
    known = linking.Figures()
    try:
        batch: list[Prepared] = []
        for item in stream:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from store_batch(engine, batch, known)
                batch = []
        if batch:
            yield from store_batch(engine, batch, known)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()


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
