"""Extraction: text in, claim drafts out. Pure functions; no database, no printing.

    from ledger.extract import extract
    doc = extract(text, published=...)
    for claim in doc.claims: ...

A claim is one numeric quantity (with the speaker of its sentence, if any), or one
attributed sentence that holds no quantity. See ``GUIDELINES`` in the README.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ledger.extract.types import Claim, DocumentMeta, ExtractedDocument, Quantity, Speaker

__all__ = ["extract", "Claim", "DocumentMeta", "ExtractedDocument", "Quantity", "Speaker", "VERSION"]

# The extractor's version, stored on every claim (``claims.extractor_version``): the
# package version and the rules' own revision, raised whenever a rule changes what is
# extracted, so ``ledger reextract`` can tell which documents were read by older rules.
RULES = 7  # 3: issue 12 (units from the registry, uncertainties, rates, measures, speakers as entities); 4: a further speaker of a sentence is its own claim; 5: each figure credited to the source of its clause, single quotation marks, rate and bound rules; 6: stops 22-23 (subjects that name a count, parts 'of which', documents by a body, bare titles); 7: stop 24 (postmodified sources, definite roles, stances before quotations, changes by a figure to a level, prices each, rates of rates)
VERSION = f"{__import__('ledger').__version__}+rules{RULES}"


def extract(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: datetime | None = None,
    published_raw: str | None = None,
) -> ExtractedDocument:
    """Claims and metadata of one document. Offsets index ``text`` exactly as given.

    The parsers read ``seen``: ``text`` with its terminal escape sequences masked by spaces
    of the same length (:mod:`ledger.extract.escapes`), so offsets are shared; every text
    a claim carries (its sentence, quantity and speaker surfaces) is sliced from ``text``.
    """
    from ledger.extract.attribution import attribute_all, speaker_of_figure
    from ledger.extract.checks import document_flags
    from ledger.extract.checkworthy import claim_worthiness
    from ledger.extract.dates import resolve_relative_date
    from ledger.extract.escapes import mask_escapes
    from ledger.extract.metadata import read_metadata
    from ledger.extract.numbers import find_quantities
    from ledger.extract.sentences import split_sentences

    seen = mask_escapes(text)
    given = DocumentMeta(title=title, url=url, outlet=outlet, published=published, published_raw=published_raw)
    meta, regions = read_metadata(text, given)  # metadata as written (shown escaped, stored exact)
    sentences: list[tuple[int, int]] = []
    for r0, r1 in regions:
        sentences.extend(split_sentences(seen, r0, r1))
    claims: list[Claim] = []
    for (s0, s1), speakers in zip(sentences, attribute_all(seen, sentences)):
        quantities = find_quantities(seen, s0, s1)
        if not quantities and not speakers:
            continue
        when = resolve_relative_date(seen[s0:s1], meta.published, meta.published_precision)
        if seen is not text:
            quantities = [_surface_from(text, q) for q in quantities]
            speakers = [_surface_from(text, sp) for sp in speakers]
        sentence = text[s0:s1]
        for q in quantities or [None]:
            speaker = speaker_of_figure(seen, q.start, q.end, speakers) if q else (speakers[0] if speakers else None)
            claims.append(
                Claim(start=s0, end=s1, text=sentence, quantity=q, speaker=speaker, sentence_start=s0, sentence_end=s1,
                      date_mentioned=when, worthiness=claim_worthiness(sentence, q, bool(quantities), speaker))
            )
        credited = {id(c.speaker) for c in claims[-len(quantities or [None]):]}
        if speakers and id(speakers[0]) not in credited:  # every figure is another source's: the primary still spoke
            claims.append(
                Claim(start=s0, end=s1, text=sentence, speaker=speakers[0], sentence_start=s0, sentence_end=s1,
                      date_mentioned=when, worthiness=claim_worthiness(sentence, None, False, speakers[0]))
            )
        for other in speakers[1:]:  # one attributed claim per sentence and further speaker
            claims.append(
                Claim(start=s0, end=s1, text=sentence, speaker=other, sentence_start=s0, sentence_end=s1,
                      date_mentioned=when, worthiness=claim_worthiness(sentence, None, False, other))
            )
    return ExtractedDocument(text=text, meta=meta, claims=claims, flags=document_flags(text))


def _surface_from(text: str, item):
    """A quantity or speaker found in the masked text, its surface sliced from ``text``."""
    if item is None:
        return None
    return replace(item, surface=text[item.start:item.end])
