"""A document's raw source, given back exactly as it was read or fetched."""
from __future__ import annotations

import hashlib
import zlib

from ledger.errors import DatabaseError, InputError
from ledger.storage import repo
from ledger.storage.db import session_scope


def raw_source(engine, *, document_id: int) -> bytes:
    """The raw bytes of the document's source, checked against the SHA-256 stored with
    them: DatabaseError when they no longer match (the stored copy was damaged or edited),
    InputError when there is no such document or its bytes were not kept."""
    from ledger.storage.models import Document

    with session_scope(engine) as session:
        source = repo.source_of(session, document_id=document_id)
        if source is None:
            document = session.get(Document, document_id)
            if document is None:
                raise InputError(f"no document with id {document_id}")
            why = "it was entered by hand" if document.by_hand else "it has no source record"
            raise InputError(f"document {document_id}: no source kept ({why})")
        stored, digest, size = source.raw, source.sha256, source.size
    if stored is None or digest is None:
        raise InputError(f"document {document_id}: the raw source was not kept (added before sources were kept)")
    try:
        data = zlib.decompress(stored)
    except zlib.error:
        raise DatabaseError(f"document {document_id}: the stored source is damaged (cannot be decompressed)") from None
    if hashlib.sha256(data).hexdigest() != digest or (size is not None and len(data) != size):
        raise DatabaseError(f"document {document_id}: the stored source does not match its SHA-256; not written")
    return data
