"""Evidence attached to a verdict: a web link, or a local file identified by its hash.

An evidence URL is a plain ``http``/``https`` link (:mod:`ledger.urls`); nothing else is
stored, so a ``javascript:`` or ``file:`` link can never be offered to the next reader
as "the evidence".

A local file is not copied into the ledger. Its name and SHA-256 go into the review's
note as one line::

    evidence file: "ministry-release.pdf" 48213 bytes sha256:9f86d081884c7d65...

The review hash chain covers the note, so the file's identity becomes tamper-evident:
anyone holding the file can recompute its hash (``sha256sum``) and compare. The name is
written as a JSON string (quotes and backslashes escaped) with control and bidi
characters shown as escapes, so a file name cannot forge a second line or reorder the
one it is on.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass

from ledger.errors import InputError
from ledger.inert import visible
from ledger.urls import url_problem

PREFIX = "evidence file: "
_CHUNK = 1 << 20


@dataclass(frozen=True)
class FileEvidence:
    name: str  # the file's base name, as given
    size: int
    sha256: str

    def line(self) -> str:
        """The note line that records this file."""
        return f"{PREFIX}{visible(json.dumps(self.name, ensure_ascii=False))} {self.size} bytes sha256:{self.sha256}"


def check_evidence_url(value: str | None) -> str | None:
    """``value`` if it is a usable evidence URL, None if empty; InputError otherwise."""
    if not value:
        return None
    problem = url_problem(value)
    if problem:
        raise InputError(f"evidence URL {problem}")
    return value


def hash_file(path: str | os.PathLike) -> FileEvidence:
    """Name, size and SHA-256 of a regular file; InputError naming it if it cannot be read.

    Opened without blocking and refused unless it is a regular file, so a FIFO or a
    device given as evidence is an error instead of a hang."""
    shown = os.fspath(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(f"evidence file {shown}: cannot read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise InputError(f"evidence file {shown}: {kind}")
        digest = hashlib.sha256()
        size = 0
        while chunk := os.read(fd, _CHUNK):
            digest.update(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError(f"evidence file {shown}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    return FileEvidence(name=os.path.basename(os.path.normpath(shown)), size=size, sha256=digest.hexdigest())


def note_with_file(note: str | None, evidence: FileEvidence | None) -> str | None:
    """The review note with the evidence file's line after the reviewer's own text."""
    if evidence is None:
        return note or None
    return f"{note}\n{evidence.line()}" if note else evidence.line()
