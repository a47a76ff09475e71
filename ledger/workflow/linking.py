"""Linking new documents' figures to the ledger's: the same claim in several documents
(one appearance group), figures that conflict, later figures in a series.

How two figures relate is ``matching``'s business; this module decides which figures are
compared and records the outcome. A new figure is compared with the ``EACH_SIDE`` figures
nearest its value at or above it and below it, among claims of the same unit (and bare
numbers, for a count of things) in other documents: those already in the ledger and those
of the documents stored before it in the same batch. The choice is made by (value, id), so
the links made do not depend on how the documents were batched.

The work is split so that the single writer of a parallel ``add`` does as little as
possible: ``figures_of`` (signatures, topics) runs with the extraction, in the worker;
``prefetch`` reads the candidates of a whole batch in a few queries before it is stored;
``link_documents`` relates, links, groups and rescores.
"""
from __future__ import annotations

import sys
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

from ledger.storage import repo
from ledger.storage.repo import Probe
from ledger.workflow import matching, units, worthiness

EACH_SIDE = 8
MAX_LINKS = {"same": 1, "conflict": 3, "update": 3}


@dataclass(frozen=True)
class NewFigure:
    """What matching needs of a claim with a value, computed before it is stored."""

    index: int  # the claim's position among its document's claims
    value: float
    unit: str | None
    change: str | None
    running: bool  # the sentence speaks of a running total (see matching.runs)
    signature: frozenset[str]
    topic: frozenset[str]
    sentence: int = -1  # where its sentence starts: two figures of one sentence are never compared


@dataclass(frozen=True)
class NewDocument:
    """A document just stored: its id, its claims' new ids (in order) and its figures."""

    document_id: int
    claim_ids: list[int]
    figures: list[NewFigure]
    published: datetime | None


def figures_of(rows: list[dict], *, title: str | None) -> list[NewFigure]:
    """The figures among a document's claim rows (every claim with a value)."""
    out = []
    for i, r in enumerate(rows):
        if r["q_value"] is None:
            continue
        signature, topic = _words(r["text"], r["q_start"] - r["start"], r["q_end"] - r["start"], r["q_concept"],
                                  r["q_unit"], title)
        out.append(NewFigure(index=i, value=r["q_value"], unit=r["q_unit"], change=r["q_change"],
                             running=matching.runs(r["text"]), signature=signature, topic=topic,
                             sentence=r["sentence_start"]))
    return out


def _words(sentence: str, rel_start: int, rel_end: int, concept: str | None, unit: str | None,
           title: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """A figure's signature and topic words (offsets relative to ``sentence``)."""
    return matching.signature(sentence, rel_start, rel_end, concept, unit), matching.topic_words(sentence, title)


def _filters(figure: NewFigure) -> list[tuple[tuple[str | None, ...], float]]:
    """The unit sets a figure's partners are sought in, each with the factor that gives the
    figure in those units: its unit and that unit's head noun; then bare numbers, when the
    unit counts things; then the other units of its dimension (workflow/units.py)."""
    head = figure.unit.split()[-1]
    out: list[tuple[tuple[str | None, ...], float]] = [(tuple(sorted({figure.unit, head})), 1.0)]
    if matching.units_match(head, None):
        out.append(((None,), 1.0))
    out += [((unit,), f) for unit, f in units.others(figure.unit)]
    return out


def _probes(figure: NewFigure) -> list[Probe]:
    out = []
    for unit_set, f in _filters(figure):
        v = figure.value * f
        lo, hi = matching.candidate_range(v)
        out += [Probe(unit, v, lo, hi) for unit in unit_set]
    return out


def _intern(word: str | None) -> str | None:
    return None if word is None else sys.intern(word)


class Figures:
    """The figures of ledger claims read so far, by claim id: a run of ``add`` meets the
    same candidates again and again (the nearest values to a common figure are the same
    few claims). Bounded: the least recently used are forgotten first. Keep one for one
    run against one ledger only."""

    LIMIT = 50_000

    def __init__(self) -> None:
        self._by_id: OrderedDict[int, matching.Figure] = OrderedDict()

    def __getitem__(self, claim_id: int) -> matching.Figure:
        return self._by_id[claim_id]

    def load(self, session, claim_ids) -> None:
        """Make sure the figures of ``claim_ids`` are at hand (one query for the missing)."""
        wanted, missing, by_id = set(claim_ids), [], self._by_id
        for i in wanted:
            if i in by_id:
                by_id.move_to_end(i)
            else:
                missing.append(i)
        missing.sort()
        for row in repo.figure_rows(session, claim_ids=missing):
            if row.q_signature is None:  # stored before the words were: work them out
                signature, topic = _words(row.text, row.q_start - row.start, row.q_end - row.start, row.q_concept,
                                          row.q_unit, row.title)
            else:
                # interned: the same few thousand words recur across tens of thousands of figures
                signature = frozenset(map(sys.intern, row.q_signature.split()))
                topic = frozenset(map(sys.intern, (row.q_topic or "").split()))
            by_id[row.id] = matching.Figure(  # kept small: a writer holds tens of thousands
                value=row.q_value, unit=_intern(row.q_unit), change=_intern(row.q_change), published=row.published,
                document_id=row.document_id, running=matching.runs(row.text), signature=signature, topic=topic,
            )
        while len(self._by_id) > max(self.LIMIT, len(wanted)):
            self._by_id.popitem(last=False)


def prefetch(session, *, figures: list[list[NewFigure]], known: Figures) -> dict:
    """The ledger's candidates for every searching figure of a batch, read before the
    batch is stored (so none of the batch's own claims are among them), their figures
    loaded into ``known``."""
    probes = [p for figs in figures for f in figs if f.unit is not None for p in _probes(f)]
    nearby = repo.nearest_figures(session, probes=probes, each_side=EACH_SIDE)
    known.load(session, [c[1] for above, below in nearby.values() for c in (*above, *below)])
    return nearby


def _figure(new: NewFigure, doc: NewDocument) -> matching.Figure:
    return matching.Figure(
        value=new.value, unit=new.unit, change=new.change, published=doc.published, document_id=doc.document_id,
        running=new.running, signature=new.signature, topic=new.topic,
    )


# a candidate: (value, claim id, group id as read, figure)
Candidate = tuple[float, int, "int | None", matching.Figure]


def _candidates(figure: NewFigure, nearby: dict, known: Figures, batch: dict[str | None, list[Candidate]]):
    """The figure's candidates in the order they are tried: for each unit set, the nearest
    at or above its value (ascending), then the nearest below it (descending)."""
    for unit_set, f in _filters(figure):
        v = figure.value * f
        lo, hi = matching.candidate_range(v)
        above: list[Candidate] = []
        below: list[Candidate] = []
        for unit in unit_set:
            rows_above, rows_below = nearby.get(Probe(unit, v, lo, hi), ((), ()))
            above += [(value, cid, group, known[cid]) for value, cid, group in rows_above]
            below += [(value, cid, group, known[cid]) for value, cid, group in rows_below]
            for c in batch.get(unit, ()):
                if v <= c[0] <= hi:
                    above.append(c)
                elif lo <= c[0] < v:
                    below.append(c)
        above.sort(key=lambda c: (c[0], c[1]))
        below.sort(key=lambda c: (-c[0], -c[1]))
        yield from above[:EACH_SIDE]
        yield from below[:EACH_SIDE]


def _within(doc: NewDocument, touched: set[int]) -> list[dict]:
    """Conflicts between the figures of one document (matching.relate_within)."""
    links, made = [], {}
    figures = [f for f in doc.figures if f.unit is not None]
    for i, a in enumerate(figures):
        for b in figures[i + 1:]:
            if a.sentence == b.sentence or made.get(a.index, 0) >= MAX_LINKS["conflict"] or made.get(b.index, 0) >= MAX_LINKS["conflict"]:
                continue
            if matching.relate_within(_figure(a, doc), _figure(b, doc)) == "conflict":
                first, second = doc.claim_ids[a.index], doc.claim_ids[b.index]
                links.append({"claim_id": second, "other_id": first, "kind": "conflict"})
                made[a.index], made[b.index] = made.get(a.index, 0) + 1, made.get(b.index, 0) + 1
                touched.update((first, second))
    return links


def link_documents(session, *, documents: list[NewDocument], nearby: dict, known: Figures) -> None:
    """Link each new document's figures, in order, to the same claim elsewhere (one
    appearance group) or to a few conflicting or updated figures; then rescore every claim
    whose links or group changed. Work per figure is bounded: the nearest candidates only,
    a few links each."""
    batch: dict[str | None, list[Candidate]] = {}
    links: list[dict] = []
    groups: dict[int, int] = {}  # claim id -> group, set in this batch
    touched: set[int] = set()
    for doc in documents:
        for new in doc.figures:
            if new.unit is None:
                continue  # a bare number is found by figures with units; it does not search
            claim_id, mine = doc.claim_ids[new.index], _figure(new, doc)
            made = {"same": 0, "conflict": 0, "update": 0}
            for _, other_id, other_group, other in _candidates(new, nearby, known, batch):
                kind = matching.relate(other, mine)
                if kind is None or made[kind] >= MAX_LINKS[kind]:
                    continue
                made[kind] += 1
                links.append({"claim_id": claim_id, "other_id": other_id, "kind": kind})
                if kind == "same":
                    group = groups.get(other_id) or other_group or other_id
                    groups[claim_id] = groups[other_id] = group
                touched.update((claim_id, other_id))
        links += _within(doc, touched)
        for new in doc.figures:  # later documents of the batch see this one's figures
            batch.setdefault(new.unit, []).append((new.value, doc.claim_ids[new.index], None, _figure(new, doc)))
    repo.add_links(session, links=links)
    repo.set_groups(session, groups=groups)
    repo.rescore(
        session, claim_ids=sorted(touched), bonus=worthiness.link_bonus,
        saturation=worthiness.APPEARANCES_COUNTED, new_documents=[d.document_id for d in documents],
    )
