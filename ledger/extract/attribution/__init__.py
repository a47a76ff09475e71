"""Who a sentence is attributed to: reporting cues, their sources, quotations, pronouns.

Pure rules over regex tokens, linear in the length of the document:

1. Quotation marks are paired once over the whole text. A quotation left open at the
   end of a paragraph and resumed by an opening mark at the start of the next one is the
   same quotation (the newspaper convention), so its sentences form one chain.
2. Each sentence looks for a reporting cue outside quotation marks (``said``, ``has told``,
   ``according to``, a colon after a name before a quotation, ...) and the source that
   goes with it: the noun phrase before the cue (``Psaki said``, ``Smith, a lawyer,
   said``, ``Devocht, who had told``), after it (``"...," said Smith``, ``according to
   the report``), or the subject of the clause for ``..., adding``/``saying``.
3. A sentence with no cue of its own that is part of a quotation whose cue is elsewhere
   gets that quotation's speaker; a quotation right after an attributed quotation
   inherits its speaker (``"A," she said. "B."``).
4. Names are made canonical against the whole document (``Psaki`` -> ``Jen Psaki``);
   pronouns go to the nearest fitting earlier source or name, with a cheap gender guess
   (first names, titles, earlier ``she``/``he`` references).

Not attributions: narration, passive cues with no source (``it was reported that``),
noun uses of cue words (``daily reports of casualties``), and questions the article asks.

The stages, one module each, in the order a sentence meets them:

- ``tokens``    a sentence's tokens; which capitalised words the document treats as names
- ``quotes``    quotation spans and chains over the whole text (1)
- ``mentions``  noun phrases that can be sources: names with particles and roles,
                pronouns, generic sources, appositions (2)
- ``cues``      reporting cues and ``according to``, each with its source (2)
- ``entities``  one canonical entity per name across the document; pronouns resolved (4)
- ``speakers``  the speaker of each sentence, carried across quotations (3)

The word lists the rules use are in ``ledger/extract/attribution_lex.py``.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ledger.extract.attribution.speakers import _carry_over, _FirstPass, _named_later
from ledger.extract.types import Speaker

__all__ = ["attribute", "attribute_all", "speaker_of_figure"]


_TYPEWRITER_QUOTES = re.compile(r"``|''")


def _straight_quotes(text: str) -> str:
    """``text`` with the typewriter quotation marks some wires and archives use (two
    apostrophes, two backticks) read as a double quotation mark, at the same length, so
    every offset holds."""
    if "''" not in text and "``" not in text:
        return text
    return _TYPEWRITER_QUOTES.sub(lambda m: '" ' if m.start() + 2 < len(text) and text[m.start() + 2].isalnum()
                                  else ' "', text)


def attribute(text: str, sentences: list[tuple[int, int]]) -> list[Speaker | None]:
    """One speaker (or None) per sentence span, pronouns resolved within the document."""
    return [found[0] if found else None for found in attribute_all(text, sentences)]


def attribute_all(text: str, sentences: list[tuple[int, int]]) -> list[list[Speaker]]:
    """Every speaker of each sentence span: its primary speaker first (the one its
    quantities are credited to), then the other sources its other cues name, each once."""
    if not sentences:
        return []
    view = _straight_quotes(text)
    first = _FirstPass(view)  # each sentence's own cue and speaker, in document order
    read = [first.sentence(s0, s1) for s0, s1 in sentences]
    primary = _carry_over(read, first.chain_speaker)  # speakers of cue-less sentences in quotations
    primary = _named_later(primary, read)  # "the ethics commissioner said" before she is named
    out = [[] if sp is None else [sp, *s.others] for sp, s in zip(primary, read)]
    if view is text:
        return out
    return [[replace(sp, surface=text[sp.start:sp.end]) for sp in found] for found in out]


_RELATIVE_GAP = re.compile(r"\s+that\s+(?:the\s+)?", re.I)


def speaker_of_figure(text: str, start: int, end: int, speakers: list[Speaker]) -> Speaker | None:
    """Which of a sentence's speakers a figure at ``text[start:end]`` is credited to: the
    primary one, unless a further source named after the primary's mention opens the clause
    the figure is in ("Marchetti said ..., which the Treasury estimates will raise €2
    billion": the Treasury), or the figure is what a relative clause's source asserts
    ("the 95 percent that experts say is needed": the experts). A figure before a restrictive
    "who" whose cue is the sentence's only one is nobody's: the source speaks in the clause."""
    if not speakers:
        return None
    credited = speakers[0]
    if credited.surface.lower() == "who" and end <= credited.start and not text[:credited.start].rstrip().endswith(","):
        return None  # "to pay $86 million to 412 patients who said ...": the main clause is the article's
    for sp in speakers[1:]:
        if sp.start <= speakers[0].end:
            continue
        if start >= sp.end or _RELATIVE_GAP.fullmatch(text, end, sp.start):
            credited = sp
    return credited
