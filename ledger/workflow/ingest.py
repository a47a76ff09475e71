"""Adding articles to the ledger: read inputs, extract claims, store each document atomically.

A document goes in with its speakers and claims in one transaction, so a failure or a
crash never leaves a claim without its document. The same text added twice is found by
its content hash and adds nothing the second time.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import signal
import stat
import threading
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from ledger.errors import InputError, LedgerError
from ledger.extract import VERSION as EXTRACTOR_VERSION, extract
from ledger.extract.types import ExtractedDocument
from ledger.storage import repo
from ledger.storage.db import database_error, session_scope, write
from ledger.storage.models import DocumentCreate, SourceCreate
from ledger.storage.types import utcnow
from ledger.workflow import linking, prior, worthiness
from ledger.workflow.decoding import decode

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
MARKDOWN_SUFFIXES = (".md", ".markdown")
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
    # what a page or front matter states beyond the command line's options
    published_precision: str | None = None
    author: str | None = None
    updated: datetime | None = None
    updated_raw: str | None = None
    transcript: bool = False  # read as a transcript (`add --transcript`); else only when it plainly is one


@dataclass
class Outcome:
    source: str
    status: str  # added | duplicate | skipped | failed
    message: str = ""
    document_id: int | None = None
    claims: int = 0
    warnings: list[str] = field(default_factory=list)
    digest: str = ""  # a duplicate: the content hash of the document already in the ledger


class Input(NamedTuple):
    """One input named or found: ``path`` None is standard input, or nothing to read when
    ``problem`` says why (the input then ends with ``status``: failed or skipped)."""

    name: str  # as shown and stored: safe to print (see shown_name)
    path: Path | None
    problem: str | None = None
    status: str = "failed"
    nofollow: bool = False  # found by a walk that follows no links here: refuse one met at open
    url: str | None = None  # an http(s) URL to fetch (``path`` is then None)


def shown_name(raw: str) -> str:
    """A file name as text that can be printed and stored: bytes that are not UTF-8
    (which Python carries as lone surrogates) become ``\\xNN`` escapes."""
    try:
        return raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file system name decodes to
        return raw.encode("utf-8", "backslashreplace").decode("utf-8")


class Walk:
    """The inputs named on the command line: files as given (whatever their suffix),
    folders walked for article files in a stable order, ``-`` for standard input.

    A walk does not enter hidden folders nor read hidden files, and leaves out files of
    other types (counted in ``ignored``). It follows a symbolic link only when its target
    is inside the folder given, unless ``follow_symlinks``; other links are skipped with a
    warning. Each folder is walked once, whatever links lead back to it."""

    def __init__(self, items: Iterable[str], *, follow_symlinks: bool = False):
        self.items = list(items)
        self.follow = follow_symlinks
        self.ignored = 0

    def __iter__(self) -> Iterator[Input]:
        for item in self.items:
            if item == STDIN:
                yield Input(STDIN, None)
                continue
            if looks_like_url(item):
                yield Input(shown_name(item), None, url=item)
                continue
            path = Path(item)
            if path.is_dir():
                yield from self._folder(path)
            elif path.exists() or path.is_symlink():
                yield Input(shown_name(item), path)
            else:
                yield Input(shown_name(item), None, f"{shown_name(item)}: no such file or folder")

    def _folder(self, top: Path) -> Iterator[Input]:
        inside = os.path.realpath(top)
        seen: set[tuple[int, int]] = set()
        todo = [str(top)]  # depth first, a folder's files before its subfolders, each level sorted
        while todo:
            folder = todo.pop()
            try:
                st = os.stat(folder)
                if (st.st_dev, st.st_ino) in seen:  # a link loop: walk each folder once
                    continue
                seen.add((st.st_dev, st.st_ino))
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError as exc:
                name = shown_name(folder)
                yield Input(name, None, f"{name}: cannot read the folder ({exc.strerror or exc})")
                continue
            subfolders = []
            for entry in entries:
                found = self._entry(entry, inside)
                if isinstance(found, str):
                    subfolders.append(found)
                elif found is not None:
                    yield found
            todo.extend(reversed(subfolders))

    def _entry(self, entry: os.DirEntry, inside: str) -> Input | str | None:
        """What one folder entry is: a subfolder to walk, an input, or nothing."""
        if entry.name.startswith("."):
            return None
        name, link = shown_name(entry.path), entry.is_symlink()
        if link and not self.follow and not _within(os.path.realpath(entry.path), inside):
            if not _is_dir(entry) and not _article_name(entry.name):
                self.ignored += 1
                return None
            return Input(name, None, "a link to outside the folder; --follow-symlinks reads it", status="skipped")
        if _is_dir(entry):
            return entry.path
        if not _article_name(entry.name):
            self.ignored += 1
            return None
        if link and not self.follow:  # a link inside the folder: read its target, and only that
            return Input(name, Path(os.path.realpath(entry.path)), nofollow=True)
        return Input(name, Path(entry.path), nofollow=not self.follow)


_URL_START = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")
_SCHEMES_WITHOUT_SLASHES = ("javascript:", "data:", "mailto:", "vbscript:", "file:", "about:")


def looks_like_url(item: str) -> bool:
    """An argument meant as a URL (``scheme://...`` or a known ``scheme:``) rather than a
    file: a file of that name, if there is one, is still read as a file."""
    if not (_URL_START.match(item) or item.lower().startswith(_SCHEMES_WITHOUT_SLASHES)):
        return False
    return not os.path.lexists(item)


def expand_inputs(items: Iterable[str], *, follow_symlinks: bool = False) -> Iterator[Input]:
    """The inputs of :class:`Walk` (which also counts the files it ignored)."""
    return iter(Walk(items, follow_symlinks=follow_symlinks))


def _article_name(name: str) -> bool:
    return Path(name).suffix.lower() in ARTICLE_SUFFIXES


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _within(target: str, folder: str) -> bool:
    return target == folder or target.startswith(folder.rstrip(os.sep) + os.sep)


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
                q_uncertainty=q.uncertainty if q else None,
                speaker_name=s.name if s else None,
                speaker_role=s.role if s else None,
                speaker_generic=bool(s and s.generic),
                speaker_surface=s.surface if s else None,
                speaker_start=s.start if s else None,
                speaker_end=s.end if s else None,
                cue=s.cue if s else None,
                date_mentioned=c.date_mentioned,
                q_signature=None,  # filled in by ready() for claims with a figure
                q_topic=None,
                extractor_version=EXTRACTOR_VERSION,
            )
        )
        out[-1]["base_score"] = out[-1]["worthiness"] = c.worthiness if c.worthiness is not None else (
            worthiness.base_score(
                text=c.text, has_quantity=q is not None, value=q.value if q else None, unit=q.unit if q else None,
                change=q.change if q else None, speaker=s.name if s else None, role=s.role if s else None,
            ))
    return out


def _document(p: "Prepared") -> DocumentCreate:
    """The document row: the publication date's UTC instant, with the precision and the
    offset the source stated it in (worked out from the raw string when the metadata came
    without them: ``add --published``, ``add --claim``)."""
    from ledger.extract.metadata import date_of
    from ledger.extract.when import stated_offset

    m = p.doc.meta
    stated = date_of(m.published_raw) if m.published is not None and m.published_raw else None
    precision = m.published_precision or (stated.precision if stated else None)
    return DocumentCreate(
        text=p.doc.text,
        content_hash=p.digest,
        title=m.title,
        url=m.url,
        outlet=m.outlet,
        published=m.published,
        published_raw=m.published_raw,
        published_precision=precision if m.published is not None else None,
        published_offset=stated_offset(m.published, stated),
        author=m.author,
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
    sources, versions = _sources(session, fresh, doc_ids)
    repo.create_sources(session, sources=sources)
    linking.link_documents(session, nearby=nearby, known=known, documents=[
        linking.NewDocument(document_id=d, claim_ids=ids, figures=p.figures, published=p.doc.meta.published)
        for d, ids, p in zip(doc_ids, claim_ids, fresh)
    ])
    prior.mark_new_claims(session, claim_ids=[i for ids in claim_ids for i in ids])
    stored = {id(p): (d, len(ids)) for p, d, ids in zip(fresh, doc_ids, claim_ids)}
    out = []
    for p in batch:
        if id(p) not in stored:
            out.append(Outcome(p.name, "duplicate", "already in the ledger", digest=p.digest))
            continue
        document_id, claims = stored[id(p)]
        out.append(Outcome(
            p.name, "added", versions.get(document_id, ""), document_id=document_id, claims=claims,
            warnings=[*p.doc.warnings, *(f"{p.name}: {f}" for f in p.doc.flags)],
        ))
    return out


def _sources(session, fresh: list["Prepared"], doc_ids: list[int]) -> tuple[list[SourceCreate], dict[int, str]]:
    """The source rows of the documents just stored, and for each one that is a newer
    version of a page already in the ledger (same final URL, other text), a note saying so."""
    latest = repo.latest_versions(session, urls=[p.raw.final_url for p in fresh if p.raw and p.raw.final_url])
    rows, notes = [], {}
    for document_id, p in zip(doc_ids, fresh):
        r = p.raw
        if r is None:
            continue
        before = latest.get(r.final_url) if r.final_url else None
        version = before.version + 1 if before else 1
        rows.append(SourceCreate(
            document_id=document_id, location=r.location, final_url=r.final_url, read_at=r.read_at,
            http_status=r.http_status, content_type=r.content_type, sha256=hashlib.sha256(r.data).hexdigest(),
            size=len(r.data), raw=zlib.compress(r.data, 6), previous_id=before.document_id if before else None,
            version=version,
        ))
        if r.final_url:
            latest[r.final_url] = repo.Latest(document_id, version)
        if before:
            notes[document_id] = f"the page changed since document {before.document_id}; added as version {version}"
    return rows, notes


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
    """The article inside a web page (``overrides.url``: where it was read from), with the
    page's metadata under the given one ("" when the page has no main text)."""
    from ledger.extract.web import read_page

    page = read_page(text, overrides.url)
    m = page.meta
    given_date = overrides.published is not None
    return page.text, Overrides(
        title=overrides.title or m.title,
        url=overrides.url or m.url,
        outlet=overrides.outlet or m.outlet,
        published=overrides.published if given_date else m.published,
        published_raw=overrides.published_raw if given_date else m.published_raw,
        published_precision=overrides.published_precision if given_date else m.published_precision,
        author=overrides.author or m.author,
        updated=m.updated,
        updated_raw=m.updated_raw,
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
    raw: "Raw | None" = None


@dataclass(frozen=True)
class Raw:
    """A document's source as read: where from, when, and the bytes exactly as they came."""

    location: str  # the path, "-" or the URL as given
    data: bytes
    read_at: datetime
    final_url: str | None = None
    http_status: int | None = None
    content_type: str | None = None


def read_input(name: str, path: Path | None, *, stdin_data: bytes | None, max_bytes: int,
               nofollow: bool = False) -> tuple[str, list[str]]:
    """The text of one input and warnings about its decoding; InputError when unusable.
    ``path`` None: the bytes read from standard input (at most ``max_bytes`` + 1)."""
    return decode(read_bytes(name, path, stdin_data=stdin_data, max_bytes=max_bytes, nofollow=nofollow), name)


def read_bytes(name: str, path: Path | None, *, stdin_data: bytes | None, max_bytes: int,
               nofollow: bool = False) -> bytes:
    """The raw bytes of one input (see :func:`read_input`); InputError when unusable."""
    if path is None:
        data = stdin_data or b""
    else:
        data = _read_file(name, path, max_bytes=max_bytes, nofollow=nofollow)
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than the limit of {max_bytes:,} bytes (see --max-bytes)")
    return data


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def _read_file(name: str, path: Path, *, max_bytes: int, nofollow: bool = False) -> bytes:
    """At most ``max_bytes`` + 1 bytes of a regular file. A FIFO, socket or device is
    refused before it is opened (reading it could wait or never end), and again after
    (it may have been swapped in since); opening never waits (O_NONBLOCK). ``nofollow``:
    refuse a symbolic link there (the folder walk saw a plain file)."""
    try:
        if not stat.S_ISREG(os.stat(path, follow_symlinks=not nofollow).st_mode):
            raise InputError(_not_regular(name, path))
        fd = os.open(path, _OPEN_FLAGS | (getattr(os, "O_NOFOLLOW", 0) if nofollow else 0))
        with os.fdopen(fd, "rb", buffering=0) as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise InputError(_not_regular(name, path))
            if st.st_size > max_bytes:
                raise InputError(
                    f"{name}: {st.st_size:,} bytes, larger than the limit of {max_bytes:,} (see --max-bytes)")
            return _read_at_most(fh, max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder") from None
    except OSError as exc:
        if nofollow and exc.errno == errno.ELOOP:  # O_NOFOLLOW met a link swapped in after the walk
            raise InputError(f"{name}: became a link after the folder was read; not followed") from None
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None


def _not_regular(name: str, path: Path) -> str:
    return f"{name}: is a folder" if path.is_dir() else f"{name}: not a regular file"


def _read_at_most(fh, limit: int) -> bytes:
    """Up to ``limit`` bytes, however the file reports its size (/proc files say 0)."""
    chunks, left = [], limit
    while left > 0:
        chunk = fh.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def problem(exc: BaseException) -> str:
    """An unexpected exception in a few words for a one-line message: its type and the
    first line of what it says, cut short."""
    said = str(exc).strip().splitlines()
    said = said[0] if said else ""
    said = said if len(said) <= 160 else said[:159] + "…"
    return f"{type(exc).__name__}: {said}" if said else type(exc).__name__


def _failed(name: str, message: str) -> Prepared:
    return Prepared(name, outcome=Outcome(name, "failed", message))


def prepare(
    name: str,
    path: Path | None,
    *,
    overrides: Overrides = Overrides(),
    stdin_data: bytes | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    is_known: Callable[[str], bool] = lambda digest: False,
    nofollow: bool = False,
) -> Prepared:
    """Read, decode and extract one input. Never raises for a bad input: it says so.

    This is the document boundary: whatever goes wrong while reading or extracting one
    input (a bug the text triggers included) fails that input only. Only the ledger
    lookup ``is_known`` may raise: a database problem is not the document's."""
    try:
        read_at = utcnow()
        data = read_bytes(name, path, stdin_data=stdin_data, max_bytes=max_bytes, nofollow=nofollow)
        text, warnings = decode(data, name)
    except InputError as exc:
        return _failed(name, str(exc))
    except Exception as exc:  # noqa: BLE001 - the document boundary
        return _failed(name, f"{name}: could not read ({problem(exc)})")
    return _kept(_prepared(name, text, warnings, overrides, is_known), Raw(name, data, read_at))


def _kept(p: "Prepared", raw: Raw) -> "Prepared":
    """``p`` with its raw source attached, when it is a document to store."""
    if p.doc is not None:
        p.raw = raw
    return p


def _prepared(name: str, text: str, warnings: list[str], overrides: Overrides,
              is_known: Callable[[str], bool]) -> "Prepared":
    """Extract one decoded input (the part of prepare() after reading)."""
    try:
        raw, (text, overrides) = text, _article(name, normalise(text), overrides)
    except Exception as exc:  # noqa: BLE001 - the document boundary
        return _failed(name, f"{name}: could not extract claims ({problem(exc)})")
    if not text.strip():
        if not _is_page(name, raw):
            return Prepared(name, outcome=Outcome(name, "skipped", "empty file"))
        from ledger.extract.web import NO_TEXT

        warnings = [*warnings, f"{name}: {NO_TEXT}"]
    digest = content_hash(text) if text.strip() else _empty_page_hash(overrides)
    if is_known(digest):
        return Prepared(name, outcome=Outcome(name, "duplicate", "already in the ledger", digest=digest))
    try:
        prepared = _extracted(name, text, overrides, warnings)
        if not text.strip():  # a page with no main text: stored for its metadata, hashed by it
            prepared.digest = _empty_page_hash(overrides)
        return prepared
    except Exception as exc:  # noqa: BLE001 - the document boundary
        return _failed(name, f"{name}: could not extract claims ({problem(exc)})")


def prepare_url(name: str, url: str, *, overrides: Overrides = Overrides(), max_bytes: int = DEFAULT_MAX_BYTES,
                timeout: float | None = None, session=None,
                is_known: Callable[[str], bool] = lambda digest: False) -> Prepared:
    """Fetch, decode and extract one web page; like :func:`prepare`, never raises for a
    bad page. The document's URL is the page's URL after redirects (unless ``--url``
    gave one): the address the desk actually read, whatever the page calls itself."""
    from ledger.workflow import fetch

    try:
        got = fetch.fetch(url, max_bytes=max_bytes, timeout=timeout or fetch.DEFAULT_TIMEOUT, session=session)
        text, warnings = decode_page(got.data, got.charset, name)
    except InputError as exc:
        return _failed(name, str(exc))
    except Exception as exc:  # noqa: BLE001 - the document boundary
        return _failed(name, f"{name}: could not fetch ({problem(exc)})")
    raw = Raw(url, got.data, got.fetched_at, final_url=got.final_url, http_status=got.status,
              content_type=got.content_type)
    return _kept(_prepared(name, text, warnings, replace(overrides, url=overrides.url or got.final_url), is_known), raw)


def decode_page(data: bytes, charset: str | None, name: str) -> tuple[str, list[str]]:
    """A fetched page's text: a byte-order mark first, then the charset the server
    declared, else the way files are read (:func:`decode`)."""
    import codecs

    if charset and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None
    if not charset or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, name)
    try:
        text, warnings = data.decode(charset), []
    except UnicodeDecodeError:
        text = data.decode(charset, errors="replace")
        warnings = [f"{name}: bytes that are not {charset} (as the server said) replaced"]
    if "\x00" in text:
        raise InputError(f"{name}: not a text file (it holds NUL characters)")
    return text, warnings


def _empty_page_hash(meta: Overrides) -> str:
    """The content hash of a page with no main text: what there is of it (title, URL,
    date), so that two such pages do not collide as "the same empty text"."""
    said = [meta.title or "", meta.url or "", meta.published.isoformat() if meta.published else ""]
    return content_hash("\x00".join(["page without text", *said]))


def _is_page(name: str, text: str) -> bool:
    from ledger.extract.web import looks_like_html

    if name.lower().endswith(MARKDOWN_SUFFIXES):
        return False
    return name.lower().endswith((".html", ".htm")) or looks_like_html(text)


def _article(name: str, text: str, overrides: Overrides) -> tuple[str, Overrides]:
    """The article's text: a markdown file's plain text, a web page's article, any other
    text as it is."""
    if name.lower().endswith(MARKDOWN_SUFFIXES):
        return _from_markdown(text, overrides)
    if _is_page(name, text):
        return _from_html(text, overrides)
    return text, overrides


def extract_article(name: str, text: str, overrides: Overrides) -> tuple[ExtractedDocument, list[str]]:
    """One document's claims as `add` extracts them (a web page through its article), and
    what reading it warns of: `ledger extract PATH` shows what `add` would store."""
    article, overrides = _article(name, normalise(text), overrides)
    warnings = []
    if not article.strip() and _is_page(name, text):
        from ledger.extract.web import NO_TEXT

        warnings.append(f"{name}: {NO_TEXT}")
    doc = _extract_any(name, article, overrides)
    return replace(doc, meta=_stated(doc.meta, overrides)), warnings


def _extract_any(name: str, text: str, overrides: Overrides) -> ExtractedDocument:
    """A transcript's claims when ``--transcript`` says it is one or it plainly is one
    (:func:`ledger.extract.transcript.looks_like_transcript`), else an article's. A forced
    transcript without a speaker label is read as an article, with a warning."""
    from ledger.extract.transcript import extract_transcript, looks_like_transcript
    from ledger.extract.types import DocumentMeta

    article = lambda: extract(text, title=overrides.title, url=overrides.url,  # noqa: E731
                              outlet=overrides.outlet, published=overrides.published,
                              published_raw=overrides.published_raw)
    if not overrides.transcript and (name.lower().endswith(MARKDOWN_SUFFIXES) or not looks_like_transcript(text)):
        return article()
    meta = DocumentMeta(title=overrides.title, url=overrides.url, outlet=overrides.outlet,
                        published=overrides.published, published_raw=overrides.published_raw)
    doc = extract_transcript(text, forced=overrides.transcript, meta=meta)
    if doc.warnings and not doc.claims:
        return replace(article(), warnings=[f"{name}: {w}; read as an article" for w in doc.warnings])
    return doc


def _extracted(name: str, text: str, overrides: Overrides, warnings: list[str]) -> Prepared:
    doc = _extract_any(name, text, overrides)
    doc = replace(doc, meta=_stated(doc.meta, overrides))
    if warnings:
        doc = replace(doc, warnings=[*warnings, *doc.warnings])
    return ready(doc, name)


def _stated(meta, overrides: Overrides):
    """The document's metadata with what the page or front matter stated beyond the
    options: its author, its update, and the precision of the date it gave."""
    precision = meta.published_precision
    if overrides.published is not None and meta.published == overrides.published:
        precision = overrides.published_precision or precision
    return replace(
        meta, author=overrides.author or meta.author, published_precision=precision,
        updated=meta.updated or overrides.updated, updated_raw=meta.updated_raw or overrides.updated_raw,
    )


def _from_markdown(text: str, overrides: Overrides) -> tuple[str, Overrides]:
    """A markdown article as plain text, with its front matter's title and date under the
    given ones."""
    from ledger.extract.markdown import read_markdown
    from ledger.extract.metadata import parse_date

    md = read_markdown(text)
    published, published_raw = overrides.published, overrides.published_raw
    if published is None and md.published:
        published = parse_date(md.published)
        published_raw = md.published if published else None
    return md.text, replace(overrides, title=overrides.title or md.title, published=published,
                            published_raw=published_raw, author=overrides.author or md.author)


def known_in(engine: Engine) -> Callable[[str], bool]:
    """A content-hash lookup against the ledger, for skipping texts it already holds."""

    def is_known(digest: str) -> bool:
        with session_scope(engine) as session:
            return repo.get_document_by_hash(session, content_hash=digest) is not None

    return is_known


class _Refused(Exception):
    """The database refused a document's own data (a value it cannot hold): that document
    fails, not the run. Raised inside the transaction, so that ``write`` rolls it back but
    does not take it for a problem of the database. A constraint violation is left to
    ``write``, which tries it again (two writers inserting the same new speaker collide)."""


def _storing(batch: list[Prepared], known: linking.Figures) -> Callable:
    def work(session) -> list[Outcome]:
        try:
            return _store_in(session, batch, known)
        except DataError as exc:
            raise _Refused(exc) from exc

    return work


def _store_one(engine: Engine, item: Prepared, known: linking.Figures | None = None) -> Outcome:
    """Store one document in its own transaction. A problem with this document's data
    fails it alone; a problem of the database (read-only, locked, full, gone) raises
    DatabaseError, for it would fail every document after it too."""
    known = known if known is not None else linking.Figures()
    try:
        return write(engine, _storing([item], known))[0]
    except (_Refused, IntegrityError) as exc:
        cause = exc.__cause__ if isinstance(exc, _Refused) else exc
        if isinstance(cause, IntegrityError) and known_in(engine)(item.digest):
            # another writer stored the same text between our check and our insert
            return Outcome(item.name, "duplicate", "already in the ledger", digest=item.digest)
        return Outcome(item.name, "failed", f"{item.name}: the database refused it ({problem(cause.orig or cause)})")
    except LedgerError:
        raise
    except DBAPIError as exc:  # a driver error write() does not translate (e.g. the connection broke)
        raise database_error(engine, exc) from None
    except Exception as exc:  # noqa: BLE001 - the document boundary, while storing
        return Outcome(item.name, "failed", f"{item.name}: could not store it ({problem(exc)})")


def store_batch(engine: Engine, batch: list[Prepared], known: linking.Figures | None = None) -> list[Outcome]:
    """Store the prepared documents of ``batch`` in one transaction (each one whole or not
    at all); if a document spoils it, one transaction each, so one bad document costs
    only itself. A problem of the database itself (DatabaseError) stops here.
    ``known``: the figures read by earlier batches of the same run, if any."""
    known = known if known is not None else linking.Figures()
    todo = [p for p in batch if p.doc is not None]
    stored: dict[int, Outcome] = {}
    if len(todo) > 1:
        try:
            outcomes = write(engine, _storing(todo, known))
            stored = {id(p): o for p, o in zip(todo, outcomes)}
        except LedgerError:
            raise
        except Exception:  # noqa: BLE001 - some document spoilt the batch: find which, one at a time
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


@dataclass
class Tally:
    """What a run of ``add_inputs`` has stored so far."""
    added: int = 0


def _store_counted(engine: Engine, batch: list[Prepared], known: linking.Figures, tally: Tally) -> list[Outcome]:
    """``store_batch``, with Ctrl-C held until the batch is stored and counted, so that the
    count a user is told after an interrupt is what the ledger holds."""
    with _interrupt_held():
        out = store_batch(engine, batch, known)
        tally.added += sum(1 for o in out if o.status == "added")
    return out


@contextmanager
def _interrupt_held() -> Iterator[None]:
    """Ctrl-C (SIGINT) waits until the block ends, then is raised as usual; in the main
    thread only, where Python delivers signals."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda sig, frame: pending.append(sig))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
        if pending:
            raise KeyboardInterrupt


_WORKER: dict = {}
WORKER_NICENESS = 15


def _worker_init(url: str, overrides: Overrides, max_bytes: int) -> None:
    import signal

    from ledger.storage.db import create_ledger_engine

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle; it ends the pool
    try:  # the writer first: it is the one process every result waits for
        os.nice(WORKER_NICENESS)
    except (AttributeError, OSError):
        pass
    _WORKER.update(engine=create_ledger_engine(url), overrides=overrides, max_bytes=max_bytes)


def _unread(item: Input) -> Prepared:
    """The outcome of an input that the walk already found unusable."""
    return Prepared(item.name, outcome=Outcome(item.name, item.status, item.problem or ""))


def _worker_prepare(item: Input) -> Prepared:
    if item.problem:
        return _unread(item)
    return prepare(
        item.name, item.path, overrides=_WORKER["overrides"], max_bytes=_WORKER["max_bytes"],
        is_known=known_in(_WORKER["engine"]), nofollow=item.nofollow,
    )


def add_inputs(
    engine: Engine,
    inputs: list[Input],
    *,
    overrides: Overrides = Overrides(),
    stdin_data: bytes | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int = 1,
    batch_size: int = 100,
    timeout: float | None = None,
    tally: Tally | None = None,
) -> Iterator[Outcome]:
    """Add every input, yielding one Outcome per input in input order.
    ``tally``: counts the documents stored so far, exact even when Ctrl-C stops the run
    (a batch is stored and counted before Ctrl-C is let through).

    With ``jobs`` > 1, reading and extraction run in that many worker processes while
    this process alone writes, in batches; the documents, their ids and the outcomes are
    the same as with one job. ``stdin_data``: the bytes read from standard input, for ``-``.
    URLs are fetched (``timeout`` seconds at most each); with ``jobs`` > 1 by that many
    threads (fetching waits on the network, not the processor).
    """
    is_known = known_in(engine)
    web = None
    if any(i.url for i in inputs):
        from ledger.workflow.fetch import DEFAULT_TIMEOUT, client

        web = client(timeout=timeout or DEFAULT_TIMEOUT)

    def one(item: Input) -> Prepared:
        if item.problem:
            return _unread(item)
        if item.url:
            return prepare_url(item.name, item.url, overrides=overrides, max_bytes=max_bytes, timeout=timeout,
                               session=web, is_known=is_known)
        return prepare(item.name, item.path, overrides=overrides, stdin_data=stdin_data, max_bytes=max_bytes,
                       is_known=is_known, nofollow=item.nofollow)

    pool = threads = None
    files = [i for i in inputs if i.name != STDIN]
    if jobs > 1 and web is not None:
        from concurrent.futures import ThreadPoolExecutor

        threads = ThreadPoolExecutor(jobs, thread_name_prefix="fetch")
        stream = _ahead(threads, one, inputs, jobs * 2)
    elif jobs > 1 and len(files) > 1 and len(files) == len(inputs):
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
        stream = pool.imap(_worker_prepare, inputs, chunksize=2)
    else:
        stream = map(one, inputs)
    known = linking.Figures()
    tally = tally if tally is not None else Tally()
    try:
        batch: list[Prepared] = []
        for item in stream:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from _store_counted(engine, batch, known, tally)
                batch = []
        if batch:
            yield from _store_counted(engine, batch, known, tally)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
        if threads is not None:
            threads.shutdown(wait=True, cancel_futures=True)
        if web is not None:
            web.close()


def _ahead(threads, work: Callable[[Input], Prepared], inputs: list[Input], depth: int) -> Iterator[Prepared]:
    """``work`` on each input in the threads, at most ``depth`` in flight; results in input order."""
    from collections import deque

    todo, running = iter(inputs), deque()
    for item in todo:
        running.append(threads.submit(work, item))
        if len(running) >= depth:
            yield running.popleft().result()
    while running:
        yield running.popleft().result()


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
