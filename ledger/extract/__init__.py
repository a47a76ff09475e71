"""Extraction: text in, claim drafts out. Pure functions; no database, no printing.

    from ledger.extract import extract
    doc = extract(text, published=...)
    for claim in doc.claims: ...

A claim is one numeric quantity (with the speaker of its sentence, if any), or one
attributed sentence that holds no quantity. See ``GUIDELINES`` in the README.
"""
from __future__ import annotations

from datetime import datetime

from ledger.extract.types import Claim, DocumentMeta, ExtractedDocument, Quantity, Speaker

__all__ = ["extract", "Claim", "DocumentMeta", "ExtractedDocument", "Quantity", "Speaker"]


def extract(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: datetime | None = None,
    published_raw: str | None = None,
) -> ExtractedDocument:
    """Claims and metadata of one document. Offsets index ``text`` exactly as given."""
    from ledger.extract.attribution import attribute
    from ledger.extract.checks import document_flags
    from ledger.extract.dates import resolve_relative_date
    from ledger.extract.metadata import read_metadata
    from ledger.extract.numbers import find_quantities
    from ledger.extract.sentences import split_sentences

    given = DocumentMeta(title=title, url=url, outlet=outlet, published=published, published_raw=published_raw)
    meta, regions = read_metadata(text, given)
    sentences: list[tuple[int, int]] = []
    for r0, r1 in regions:
        sentences.extend(split_sentences(text, r0, r1))
    speakers = attribute(text, sentences)
    claims: list[Claim] = []
    for (s0, s1), speaker in zip(sentences, speakers):
        quantities = find_quantities(text, s0, s1)
        if not quantities and speaker is None:
            continue
        sentence = text[s0:s1]
        when = resolve_relative_date(sentence, meta.published)
        for q in quantities or [None]:
            claims.append(
                Claim(start=s0, end=s1, text=sentence, quantity=q, speaker=speaker, sentence_start=s0, sentence_end=s1,
                      date_mentioned=when)
            )
    return ExtractedDocument(text=text, meta=meta, claims=claims, flags=document_flags(text))
