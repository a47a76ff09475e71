"""Stage 4, cues: the reporting cue of a sentence and the source that goes with it.

A cue is a reporting verb outside quotation marks (``said``, ``has told``, ``issued a
statement``), ``according to``/``in the words of``, or a colon after a name before a
quotation. Its source is the noun phrase before it (``Psaki said``, ``Smith, a lawyer,
said``, ``Devocht, who had told``), after it (``"...," said Smith``, ``according to the
report``), or the subject of the clause for ``..., adding``/``saying``. :func:`_find`
picks the sentence's cue: the first affirmed one, before weak and negated ones.

Not cues: passive cues with no source (``it was reported that``), noun uses of cue
words (``daily reports of casualties``, ``the mayor's comments``), plain verbs with an
object (``the plant added 300 jobs``), and questions the article asks.

A new kind of cue, or a rule that tells a cue word from a plain one, goes here; the
word lists themselves are in ``attribution_lex.py``.
"""
from __future__ import annotations

import re

from dataclasses import dataclass

from ledger.extract.attribution.mentions import _AGED, _NP, _PARTICLES as _NAME_PARTICLES, _PARTITIVE, _LOCATIVE, _by_document, _generic_np_back, _head_ok, _name_back, _np_back, _np_fwd, _one_person
from ledger.extract.attribution.quotes import _QUOTE_CHARS
from ledger.extract.attribution.tokens import _AUX_AFTER, _Tok, _Toks, _is_name_tok, _possessive
from ledger.extract.attribution_lex import (
    ADMITTED,
    AUX,
    BE,
    BELIEF_CUES,
    CUE_ADVERBS,
    CHARGED,
    CONVENED,
    DECLARED,
    CUE_VERBS,
    DETERMINERS,
    DOCUMENT_CUES,
    DOCUMENT_NOUNS,
    FEMALE_NAMES,
    INVERTIBLE,
    MALE_NAMES,
    MONTHS,
    NEG,
    NOUN_LIKE,
    ORG_WORDS,
    CLAUSE_CUES,
    OBJECT_CUES,
    PARTICLE_CUES,
    PRONOUNS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    STOPWORDS,
    TITLES,
    TIME_WORDS,
    TRADE_DESCRIPTORS,
    WEAK_CUES,
)
from ledger.extract.numbers_units import ADJ, CURRENCY_WORDS, SCALES as SCALE_WORDS, SMALL

_CLAUSE_OPEN = frozenset("and but that while as because although though so or".split())


@dataclass(slots=True)
class _Found:
    np: _NP
    c0: int  # cue tokens, inclusive
    c1: int
    lemma: str


def _find(toks: list[_Tok]) -> _Found | None:
    """The first reporting cue outside quotation marks that has a source (an affirmed cue
    before a negated one: 'officials have not said why, but Smith says')."""
    n = len(toks)
    if n == 0:
        return None
    last = toks[-1]
    if last.text == "?" and not last.quoted:
        return None  # a question the article asks
    weak = negated = relative = None
    for f in _cues(toks):
        if any(toks[x].low in NEG for x in range(f.c0, f.c1 + 1)):
            if negated is None:
                negated = f
            continue
        if f.lemma in WEAK_CUES:
            if weak is None:
                weak = f
            continue
        if relative is not None:
            return f if f.np.i0 < relative.np.i0 else relative  # the main clause's source, around the relative one
        if f.np.said_by is not None and toks[f.np.said_by[0]].low in ("which", "who"):
            relative = f  # "Aldo Ferrante, who chairs the Alliance, which claims 3,200 members, said": Ferrante
            continue
        return f
    return relative or weak or negated


_COORDINATORS = frozenset("but while whereas though although and yet as".split())  # ", as figures showed"


_MAX_OTHERS = 16  # further cues looked at in one sentence: a bound on pathological lines


def _others(toks: list[_Tok], primary: _Found) -> list[_Found]:
    """The sentence's further affirmed cues after its primary one that open a statement of
    their own: after a clause break ("Police said the road was closed, but residents said
    it reopened"), at the end of the sentence ("..., the source added", "..., according to
    the census"), or in a relative clause ("an architect who said he was not paid"). A cue
    inside the primary's reported clause is reported speech of the primary speaker ("He
    said engineers had estimated ..."), not a second attribution. Pronoun sources (but for
    one closing the sentence: "..., she said"), weak and negated cues, and cues whose source
    overlaps the primary's are left out."""
    out: list[_Found] = []
    breaks = _breaks(toks)
    last_word = max((x for x, t in enumerate(toks) if t.word), default=-1)
    looked = 0
    for f in _cues(toks):
        if f.c0 <= primary.c1:
            continue
        looked += 1
        if looked > _MAX_OTHERS:
            break
        document = f.lemma in DOCUMENT_CUES and toks[f.np.i1].low in DOCUMENT_NOUNS  # ", as figures showed"
        if f.lemma in WEAK_CUES and not document or any(toks[x].low in NEG for x in range(f.c0, f.c1 + 1)):
            continue
        if f.np.i0 <= primary.np.i1 and primary.np.i0 <= f.np.i1:
            continue
        first, last = min(f.np.i0, f.c0), max(f.np.i1, f.c1)
        ends = _ends_the_sentence(toks, last, last_word) and first > 0 and toks[first - 1].text in ",—–"
        if f.np.kind == "pron" and not (ends and f.np.i1 < f.c0):
            continue  # (but "..., he said" closing the sentence is its speaker's)
        after_break = any(primary.c1 < b < first for b in breaks)
        if f.np.said_by is not None or after_break or ends or _relative_source(toks, f, primary):
            out.append(f)
    return out


def _ends_the_sentence(toks: list[_Tok], last: int, last_word: int) -> bool:
    """The cue ending at toks[last] closes the sentence, past its hearer and the time or
    place it was said: "..., the governor told reporters on Monday", "..., she said in a
    statement" (at most six words, none opening a clause of their own)."""
    rest = [t for t in toks[last + 1:last_word + 1] if t.word or t.text in _QUOTE_CHARS]
    return len(rest) <= 6 and not any(t.text in _QUOTE_CHARS or t.low in _OPENS_A_CLAUSE or t.low in CUE_VERBS
                                      for t in rest)


_TOLD_WHOM = frozenset("tell inform assure warn remind advise notify convince persuade".split())  # a person told, then "that"


def _relative_source(toks: list[_Tok], f: _Found, primary: _Found) -> bool:
    """A source opening a relative clause on a figure or a noun: "..., which the Treasury
    estimates will raise", "the 95 percent that experts say is needed". After the primary's
    own cue, "said that engineers estimated" is reported speech, not a second source."""
    r = f.np.i0 if toks[f.np.i0].low in ("which", "that") else f.np.i0 - 1  # "that experts" may be one phrase
    if f.np.i0 > f.c0 or r <= primary.c1 + 1 or toks[r].low not in ("which", "that"):
        return False
    if primary.lemma in _TOLD_WHOM and toks[r].low == "that" and r - primary.c1 <= 5 \
            and all(toks[x].word and not toks[x].low[:1].isdigit() for x in range(primary.c1 + 1, r)):
        return False  # "told the board that engineers had estimated": what she told them
    before = toks[r - 1]
    return not before.quoted and (before.text == "," or (before.word and before.low not in CUE_VERBS))


def _breaks(toks: list[_Tok]) -> list[int]:
    """The clause breaks outside quotations: a semicolon, or a comma or dash followed by a
    coordinator ("..., but", "— while")."""
    return [x for x, t in enumerate(toks) if not t.quoted and (
        t.text == ";" or (t.text in ",—–" and x + 1 < len(toks) and toks[x + 1].low in _COORDINATORS))]


def _cues(toks: list[_Tok]):
    """Every reporting cue outside quotation marks that has a source, left to right."""
    n = len(toks)
    for k in range(n):
        t = toks[k]
        if t.quoted:
            continue
        low = t.low
        if low == "according" and k + 1 < n and toks[k + 1].low == "to":
            found = _according_to(toks, k)
        elif low == "words" and k >= 2 and toks[k - 1].low == "the" and toks[k - 2].low == "in" and k + 1 < n and toks[k + 1].low == "of":
            found = _in_the_words_of(toks, k)
        elif low == ":" and k > 0:
            found = _colon(toks, k)
        else:
            found = (_quoted_as_saying(toks, k) if low in _QUOTING else None) or _verb_cue(toks, k)
        if found is not None:
            yield found
    return


# ---------------------------------------------------------------- fixed phrases


_QUOTING = frozenset("quoted quotes quoting".split())
_AS_SAYING = frozenset("saying telling stating warning adding".split())


def _quoted_as_saying(toks: list[_Tok], k: int) -> _Found | None:
    """"The broadcaster PTV quoted police chief Arman Duvik as saying ...": the one quoted
    speaks (cue "as saying"), not the outlet that quotes. None when no "as saying" follows."""
    if k > 0 and toks[k - 1].low in BE:
        return None  # "was quoted as saying" is read with its lead-in
    for x in range(k + 2, min(len(toks) - 1, k + 14)):
        if toks[x].quoted or toks[x].text in ".;:":
            return None
        if toks[x].low == "as" and toks[x + 1].low in _AS_SAYING:
            np = _np_back(toks, x - 1, k + 1)
            if np is None or np.kind == "pron" or not k < np.i0 <= k + 2:
                return None  # the phrase right after the verb: "quoted regional police chief Arman Duvik"
            return _Found(np, x, x + 1, "say")
    return None


def _according_to(toks: list[_Tok], k: int) -> _Found | None:
    """'according to the report' (toks[k] is 'according')."""
    if k + 2 < len(toks) and toks[k + 2].low in ("him", "her", "them") and (
            k + 3 >= len(toks) or not toks[k + 3].word):
        return _Found(_NP(k + 2, k + 2, "pron"), k, k + 1, "according")  # "According to him, ..."
    np = _np_fwd(toks, k + 2, len(toks))
    if np is None:
        np = _any_noun_published(toks, k + 2)  # "according to evidence submitted by the agency"
    if np is not None and np.i0 == np.i1 and toks[np.i0].low in _AS_PLANNED:
        return None  # "went according to plan": no source
    if np is not None and np.kind == "generic" and toks[np.i1].low in DOCUMENT_NOUNS:
        n0 = np.i0 + (toks[np.i0].low == "the")
        if n0 < np.i1 and all(_is_name_tok(toks[x]) for x in range(n0, np.i1)):
            np = _NP(np.i0, np.i1 - 1, "name", n0, np.i1 - 1)  # "according to World Health Organization estimates"
    if np is not None and np.kind != "pron":
        return _Found(_publisher(toks, np) or np, k, k + 1, "according")
    return None


_AS_PLANNED = frozenset("plan plans schedule tradition custom script".split())
_PUBLISHED = frozenset("released published compiled issued collected produced gathered filed submitted presented "
                        "provided prepared supplied given".split())


def _any_noun_published(toks: list[_Tok], x: int) -> _NP | None:
    """A plain noun (no listed document) that a published-verb follows: "evidence
    submitted by", "testimony given by"; the phrase, for its publisher to be found."""
    i0 = x
    if x < len(toks) and toks[x].low == "the":
        x += 1
    if x + 1 < len(toks) and toks[x].word and not toks[x].cap and toks[x + 1].low in _PUBLISHED:
        return _NP(i0, x, "generic")
    return None


def _publisher(toks: list[_Tok], np: _NP) -> _NP | None:
    """"according to figures released on Monday by the Real Estate Institute": the body
    that published the document, when the phrase names it after "by"."""
    if np.kind != "generic" or np.i1 + 1 >= len(toks):
        return None
    if _by_document(toks, np.i1 + 2):  # "according to a report by the council's audit team"
        by = _np_fwd(toks, np.i1 + 2, len(toks))
        return by if by is not None and (by.kind == "name" or toks[by.i1].low in ORG_WORDS) else None
    maker = _np_fwd(toks, np.i1 + 1, len(toks)) if toks[np.i1 + 1].low == "the" or toks[np.i1 + 1].cap else None
    if maker is not None and maker.kind != "pron" and maker.i1 + 1 < len(toks) and toks[maker.i1 + 1].low in _PUBLISHED:
        return maker  # "according to figures the ministry released on Monday", "accounts the club published"
    if toks[np.i1 + 1].low not in _PUBLISHED:
        return None
    for x in range(np.i1 + 2, min(len(toks) - 1, np.i1 + 7)):
        if toks[x].low == "by":
            by = _np_fwd(toks, x + 1, len(toks))  # a name or a body: "released by the ministry"
            return by if by is not None and (by.kind == "name" or toks[by.i1].low in ORG_WORDS) else None
        if not toks[x].word:
            return None
    return None


def _in_the_words_of(toks: list[_Tok], k: int) -> _Found | None:
    """'in the words of the minister' (toks[k] is 'words')."""
    np = _np_fwd(toks, k + 2, len(toks))
    if np is not None and np.kind != "pron":
        return _Found(np, k - 2, k + 1, "according")
    return None


def _colon(toks: list[_Tok], k: int) -> _Found | None:
    """'Smith: "..."': a colon after a name (or pronoun) that opens its clause, before a quotation."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or nxt.text in _QUOTE_CHARS:
        np = _np_back(toks, k - 1, 0)
        if np is not None and np.kind != "generic" and _clause_start(toks, np.i0):
            return _Found(np, k, k, "colon")
        np = _subject_before_colon(toks, k) or _possessed_words_before_colon(toks, k)
        if np is not None:
            return _Found(np, k, k, "colon")
    return None


_POSSESSIVES = frozenset("his her its their".split())
_WORDS_NOUNS = frozenset("message warning advice verdict view answer reply response point plea appeal "
                         "conclusion assessment explanation defence defense argument words".split())


def _possessed_words_before_colon(toks: list[_Tok], k: int) -> _NP | None:
    """'Her message to investors was blunt: "..."': the words of someone named before, by
    a possessive that opens the sentence and a copula before the colon at toks[k]; the
    mention is the possessive, read as the pronoun it stands for."""
    if k < 3 or toks[0].quoted or toks[0].low not in _POSSESSIVES or toks[1].low not in _WORDS_NOUNS:
        return None
    if not any(toks[x].low in ("was", "is", "were", "are") for x in range(2, k)) or k > 10:
        return None
    return _NP(0, 0, "pron")


def _subject_before_colon(toks: list[_Tok], k: int) -> _NP | None:
    """'Kim Soo-jin, a trader, put it bluntly: "..."': a named subject that opens the
    sentence, an apposition after it, and a few words of verb phrase before the colon
    at toks[k]."""
    if k < 3 or toks[0].quoted or not _is_name_tok(toks[0]):
        return None
    np = _np_fwd(toks, 0, k)
    if np is None or np.kind != "name":
        return None
    x = np.i1 + 1
    if x < k and toks[x].text == ",":  # past an apposition: ", a trader in Seoul,"
        x = next((y + 1 for y in range(x + 1, min(k, x + 12)) if toks[y].text == ","), k)
    verb = toks[x:k]
    if not verb or len(verb) > 5 or any(not t.word or t.quoted or t.cap for t in verb):
        return None  # (a label is no speaker: "Partial transcript:"; "Costa was blunt:" is)
    if not (verb[0].low.endswith(("ed", "s")) or verb[0].low in _COLON_VERBS):
        return None
    return np


_COLON_VERBS = frozenset("put was is had made got went summed spelled set kept gave".split())


# ---------------------------------------------------------------- reporting verbs

_ISSUE = frozenset("issued released issues releases published posted put".split())
_STATEMENTS = frozenset("statement letter memo note release".split())
_PARTICIPLES = frozenset("written shown".split())
# the part of a place named before it: "in northern Mali", "across rural Kenya"
_REGION_WORDS = frozenset("northern southern eastern western central north-eastern north-western south-eastern "
                          "south-western northeastern northwestern southeastern southwestern rural coastal inner "
                          "outer upper lower greater downtown".split())
_PREPOSITIONS = frozenset("of for on with to within among through into towards toward beyond behind".split()) | _LOCATIVE
_POSTMOD = frozenset(
    "of for on with by to at from against behind published documenting seen written made given obtained released quoted "
    "close familiar knowledgeable".split()  # "sources close to the talks", "people familiar with the matter"
) | _LOCATIVE
_AFTER_INVERTED = frozenset("in on at during to after before from of for who when while as and by".split())
_BLOCKERS = frozenset("that which who whom whose where when if because whether while".split())
_OPENS_A_CLAUSE = _BLOCKERS | frozenset("but and after before".split())  # after a cue that closes a sentence

# Reporting verbs that are just as often plain verbs with an object ("the works add 15
# minutes to trips", "the plant added 300 jobs"): followed by a figure or a particle of
# the plain verb they report nothing.
_ALSO_PLAIN_VERBS = frozenset({"add"})
_PLAIN_NEXT = frozenset({"up", "to", "more", "another", "extra", "about", "nearly", "roughly",
                         "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                         "dozens", "hundreds", "thousands", "millions", "$", "£", "€"})


def _plain_object(nxt: _Tok, after: _Tok | None = None) -> bool:
    """"added 15 minutes", "added another", "added the third (goal)": no statement."""
    return nxt.low in _PLAIN_NEXT or nxt.text[:1].isdigit() or (
        nxt.low in ("the", "a", "his", "her", "their", "its") and after is not None and after.low in _ORDINALS)


_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth winner equaliser equalizer "
                      "goal goals try tries run runs point points touchdown".split())


_BY_AGENT = frozenset("report confirm announce reveal disclose estimate state claim recommend propose forecast "
                      "predict project calculate".split())
# reckoning verbs whose participle after a figure names the reckoner: "the 35% cut recommended
# by the council", "growth of 2.1% forecast by the fund"
_FIGURED_BY = frozenset("estimate recommend propose forecast predict project calculate".split())


def _figure_just_before(toks: list[_Tok], c0: int) -> bool:
    """A figure within the three words before the participle at toks[c0]."""
    return any(toks[x].text[:1].isdigit() for x in range(max(0, c0 - 3), c0))


def _by_agent(toks: list[_Tok], k: int) -> _Found | None:
    """A reporting verb in the passive whose source is the agent after "by": "was first
    reported by The Washington Post", "as confirmed by the ministry". Credit lines
    ("additional reporting by") have no "be" or "as" before them and are not cues."""
    n = len(toks)
    low = toks[k].low
    lemma = CUE_VERBS.get(low)
    if lemma not in _BY_AGENT or k + 2 >= n or toks[k + 1].low != "by" or toks[k].quoted:
        return None
    if low == lemma and not (lemma in _FIGURED_BY and _figure_just_before(toks, k)):
        return None  # (but "growth of 2.1% forecast by the fund")
    c0 = k
    while c0 - 1 >= 0 and k - c0 < 4 and (toks[c0 - 1].low in AUX or toks[c0 - 1].low in CUE_ADVERBS):
        c0 -= 1
    lead = {toks[x].low for x in range(c0, k)}
    if c0 - 1 >= 0 and toks[c0 - 1].low == "as":
        c0 -= 1
    elif not lead & BE and not (lemma in _FIGURED_BY and _figure_just_before(toks, c0)):
        return None
    np = _np_fwd(toks, k + 2, n)
    if np is None or np.kind == "pron":
        return None
    return _Found(np, c0, k + 1, lemma)


def _verb_cue(toks: list[_Tok], k: int) -> _Found | None:
    """A reporting verb at toks[k] and its source: before it, across an apposition, or after
    it; or, in the passive, the agent after "by" (:func:`_by_agent`)."""
    agent = _by_agent(toks, k)
    if agent is not None:
        return agent
    cue = _cue_words(toks, k)
    if cue is None:
        return None
    lemma, c0, c1 = cue
    j = _source_end(toks, c0)
    maker = _document_maker(toks, j, toks[k].low.endswith("ing"))
    if maker is not None:
        return _Found(maker, c0, c1, lemma)
    if _not_reporting(toks, k, lemma, c0, c1, j):
        return None
    ing = toks[k].low.endswith("ing")
    if j >= 0 and (toks[j].text == "," or toks[j].low == "by" or toks[j].low in _WHILE) and ing:
        # "..., saying", "responded by saying", "hours after telling staff it would": the subject's words
        np = _subject_of_sentence(toks, j)
        if _valid(np, lemma, toks, k):
            return _Found(np, c0, c1, lemma)
        return None
    if j >= 1 and toks[j].low in ("and", "but") and not toks[j].quoted:
        return _coordinated(toks, k, lemma, c0, c1, j)  # "... and said", "accepted that ... but said"
    if j >= 0 and toks[j].word and not toks[j].quoted:
        return _source_before(toks, k, lemma, c0, c1, j)
    if j >= 0 and toks[j].text == "," and not toks[j].quoted:
        if lemma in INVERTIBLE and lemma not in ("tell", "ask", "warn") and c1 + 1 < len(toks) and toks[c1 + 1].cap:
            # (not a cue whose object is its hearer: "Whitmore, a representative, told LA Weekly")
            inverted = _source_after(toks, k, lemma, c0, c1)
            if inverted is not None and inverted.np.kind == "name" and _ends_an_inversion(toks, inverted.np.i1 + 1):
                return inverted  # "Volunteers had counted 486 birds, 212 of them dead, said Ana Lie, ..."
                # (not "His lawyer, Daniel Ortiz, said Lee \"looks forward ...\"": Lee is what is said)
        found = _source_before_commas(toks, k, lemma, c0, c1, j)
        if found is not None:
            return found
    if lemma in INVERTIBLE and (j < 0 or toks[j].text in _QUOTE_CHARS or toks[j].text in ",—–-("):
        return _source_after(toks, k, lemma, c0, c1)
    return None


# Reporting verbs that report whatever follows them: after "and" they still do ("Smith
# voted against the bill and said ..."), where "added a second goal", "tell more jokes"
# or "calls people names" do not.
_COORDINATED_CUES = frozenset(
    "say warn note insist argue claim deny announce acknowledge admit vow pledge promise predict "
    "suggest urge criticize criticise accuse contend maintain stress emphasize emphasise advise recommend "
    "propose conclude confirm explain estimate forecast state".split()
)


def _coordinated(toks: list[_Tok], k: int, lemma: str, c0: int, c1: int, j: int) -> _Found | None:
    """A finite reporting verb after "and" with no subject of its own, whose subject is the
    sentence's: "Smith voted against the bill and said ...", "..., and has called for"."""
    low = toks[k].low
    finite = low != lemma and not low.endswith("ing") or c0 < k
    called_for = lemma == "call" and c1 + 1 < len(toks) and toks[c1 + 1].low == "for"
    if not finite or (lemma not in _COORDINATED_CUES and not called_for):
        return None
    np = _subject_of_sentence(toks, j)
    if np is None or np.i0 == np.i1 and toks[np.i0].unproven and not _head_ok(toks[np.i0].low):
        np = _subject_after_a_subordinator(toks, 0 if np is None else np.i1 + 1, j) or np
    return _Found(np, c0, c1, lemma) if _valid(np, lemma, toks, k) else None


_SUBORDINATORS = frozenset("after because as when while since before once".split())


def _subject_after_a_subordinator(toks: list[_Tok], lo: int, j: int) -> _NP | None:
    """"Shares in Velora fell 11% after the carmaker cut its forecast and said ...": when the
    sentence opens with a thing that cannot speak, the one who said is the subject of the
    clause that "after", "because" or "when" opens, a verb after it."""
    for x in range(j - 1, lo - 1, -1):
        if toks[x].low in _SUBORDINATORS and not toks[x].quoted:
            np = _NP(x + 1, x + 1, "pron") if toks[x + 1].low == "it" else _np_fwd(toks, x + 1, j)
            if np is not None and np.i0 == x + 1 and np.i1 + 1 < j and toks[np.i1 + 1].word \
                    and not toks[np.i1 + 1].cap:
                return np
            return None
    return None


def _reduced_passive(toks: list[_Tok], k: int) -> bool:
    """The participle at toks[k] with "to be" or "to have" after it and a noun or a comma
    before it, a passive with no source ("a fee reported to be £14 million"); after a
    pronoun or a name it is the subject's own claim ("He claimed to have paid £40")."""
    if k == 0 or k + 2 >= len(toks) or toks[k + 1].low != "to" or toks[k + 2].low not in ("be", "have", "total", "cost"):
        return False
    p = toks[k - 1]
    return p.text == "," or p.word and not p.cap and p.low not in PRONOUNS and p.low not in AUX


_CLAIMED_SUMS = frozenset("expenses benefits allowances compensation damages costs fees refunds subsidies grants "
                          "overtime mileage".split())


_SUM_HEDGES = frozenset("about around roughly nearly almost some over under just only up to as much more less than".split())


def _past_hedges(toks: list[_Tok], x: int) -> int:
    """The first token at or after x past up to three words that hedge a sum ("up to", "as much as")."""
    y = x
    while y < len(toks) and y - x < 3 and toks[y].low in _SUM_HEDGES:
        y += 1
    return y


def _claims_a_sum(toks: list[_Tok], x: int) -> bool:
    """A claim of money or lives at toks[x], not a statement: "claimed £900 in benefits",
    "claimed 48,600 euros in expenses", "claimed 12 lives" (but "claimed 40 people died")."""
    n = len(toks)
    if x < n and toks[x].text in ("$", "£", "€", "¥"):
        return True
    y = x
    while y < n and (toks[y].text[:1].isdigit() or toks[y].low in SCALE_WORDS or (
            y > x and toks[y].text in (",", ".") and y + 1 < n and toks[y + 1].text[:1].isdigit())):
        y += 1  # ("48", ",", "600")
    if y == x or y >= n:
        return False
    if toks[y].low in CURRENCY_WORDS or toks[y].low == "lives":
        return True
    return y + 2 < n and toks[y + 1].low in ("in", "for") and toks[y + 2].low in _CLAIMED_SUMS


def _cue_words(toks: list[_Tok], k: int) -> tuple[str, int, int] | None:
    """The cue's lemma and its tokens c0..c1 (with its auxiliaries, adverbs and particle),
    or None when toks[k] is no reporting verb here (passive, participle, plain verb)."""
    n = len(toks)
    t = toks[k]
    low = t.low
    lemma = CUE_VERBS.get(low)
    c1 = k
    if low in _ISSUE and k + 2 < n and toks[k + 1].low in ("a", "an") and toks[k + 2].low in _STATEMENTS:
        lemma, c1 = "statement", k + 2  # "issued a statement"
    if lemma is None and low in _PUT and _put_at_a_figure(toks, k):
        lemma = "put"  # "the filing put the savings at $310 million": an estimate
    if lemma is None or (t.cap and k > 0 and not _title_case(toks)):
        return None
    if lemma in _ALSO_PLAIN_VERBS and k + 1 < n and _plain_object(toks[k + 1], toks[k + 2] if k + 2 < n else None):
        return None  # "detours will add 15 minutes", "added up to": no reporting
    if lemma in PARTICLE_CUES:
        if k + 1 < n and toks[k + 1].low in PARTICLE_CUES[lemma]:
            c1 = k + 1
        else:
            return None
    if k > 0 and toks[k - 1].low in ("a", "an", "the") and low.endswith("ed"):
        return None  # "worth a reported £160,000 a week", "the estimated cost": an adjective
    if lemma == "expect" and (k + 1 >= n or toks[k + 1].low in _NOT_EXPECTING or not toks[k + 1].word):
        return None  # "Acme expects revenue of $2bn" is a forecast; "expected to visit", "expected next month" are not
    obj = k + 1 + (k + 1 < n and toks[k + 1].low in ("about", "some", "nearly", "almost", "more", "over", "its", "their"))
    if low != lemma and _reduced_passive(toks, k):
        return None  # "a fee reported to be £14 million", "the minister, said to have fled"
    if _an_act(toks, k, lemma, obj):
        return None
    if lemma in CLAUSE_CUES and not (k + 1 < n and (toks[k + 1].low in ("that", ":", ",") or toks[k + 1].quoted)):
        return None
    if lemma in OBJECT_CUES:  # "expressed (deep) concern", "voiced its hope"
        obj = next((x for x in range(k + 1, min(n, k + 4)) if toks[x].low in OBJECT_CUES[lemma]), None)
        if obj is None or any(toks[x].low == "no" for x in range(k + 1, obj)):
            return None  # (not "gave no figure for the cost")
        c1 = obj
    c0 = _cue_lead_in(toks, k)
    chain = {toks[x].low for x in range(c0, k)}
    ing = low.endswith("ing")
    if chain & BE and not ing:
        return None  # passive: "it was reported that", "he was told"
    if _modal_report(toks, k, lemma, chain):
        return None
    if ing and _with_absolute(toks, c0, c1):
        return None  # "With all 11,842 polling stations reporting, the party took 36.4%": a state, not a report
    if chain & NEG and _nothing_stated(toks, c1):
        return None  # "Hallsberg has not said what it will charge", "did not say how many": nothing stated
    if lemma == "charge" and (c1 + 1 >= n or toks[c1 + 1].text in _CLAUSE_ENDS or toks[c1 + 1].low in ("for", "per")
                              or _claims_a_sum(toks, _past_hedges(toks, c1 + 1))):
        return None  # "what it will charge", "charged for parking", "charging up to 4,000 euros each": a price
    if c1 + 1 < n and toks[c1 + 1].low == "by" and low != lemma and not low.endswith("s") \
            and not (c0 > 0 and toks[c0 - 1].low in _SUBJECT_PRONOUNS):
        return None  # a participle: "a blog written by Rathbun", "additional reporting by" (not "they estimated by 2050")
    if low in _PARTICIPLES and not chain & {"has", "have", "had"}:
        return None
    return lemma, c0, c1


def _an_act(toks: list[_Tok], k: int, lemma: str, obj: int) -> bool:
    """The cue verb at toks[k] does something here rather than state it, by what follows it:
    the object at toks[obj] or the words after the verb."""
    n = len(toks)
    if lemma == "claim":
        return _claims_a_sum(toks, obj)  # "wrongly claimed 48,600 euros in expenses", "the fire claimed 12 lives"
    if lemma == "recall":
        return obj < n and toks[obj].text[:1].isdigit()  # "recalled 40,000 car seats" withdraws goods
    if lemma == "agree":  # "agreed to cut output", "agreed on Thursday to pay": a decision taken (not "agreed to the plan")
        to = _past_a_time(toks, k + 1)
        return to + 1 < n and toks[to].low == "to" and toks[to + 1].word and toks[to + 1].low not in DETERMINERS
    if lemma == "admit" and _admitted_to_a_place(toks, k):
        return True  # "cases of flu admitted to hospital rose to 412": taken in, not a confession
    if lemma == "dismiss":  # "dismissed the pledges as a shopping list" judges; "dismissed the case" does not
        return not any(toks[x].low == "as" for x in range(k + 1, min(n, k + 9)))
    if lemma == "advise":  # "advised residents to stay indoors" reports; "advised Acme on the deal" does not
        return not any(toks[x].low in ("to", "that", "against") for x in range(k + 1, min(n, k + 7)))
    # "called the 48-hour strike", "have charged four men", "declared a dividend": acts
    return lemma in _ACTS and _acts_on(toks, k, _ACTS[lemma])


def _past_a_time(toks: list[_Tok], x: int) -> int:
    """The first token from toks[x] past a short time phrase ("on Thursday", "last week", "in March")."""
    y = x
    while y < len(toks) and y - x < 3 and (toks[y].low in TIME_WORDS or toks[y].low in MONTHS or toks[y].low == "in"):
        y += 1
    return y


_MODALS = frozenset("will would could can may might should shall must".split())
_CLAUSE_ENDS = frozenset(".,;:!?)")
_WH = frozenset("what how whether when why which who whom where if".split())


def _with_absolute(toks: list[_Tok], c0: int, c1: int) -> bool:
    """The -ing cue at toks[c0..c1] closes, with nothing reported after it, a phrase that
    "with" opens ("With all polling stations reporting, the party took 36.4%"); "with
    her lawyer saying 40 claims were false" reports."""
    nxt = c1 + 1
    if nxt < len(toks) and (toks[nxt].text not in ",.;)" or nxt + 1 < len(toks) and (
            toks[nxt + 1].quoted or toks[nxt + 1].text in _QUOTE_CHARS)):
        return False  # (a colon or a quotation after it states: "with Boswell stating:")
    x = c0 - 1
    while x >= 0 and c0 - x < 12 and not toks[x].quoted and (
            toks[x].text not in _CLAUSE_ENDS or 0 < x < len(toks) - 1 and toks[x - 1].text[-1:].isdigit()
            and toks[x + 1].text[:1].isdigit()):  # (the comma of "11,842")
        if toks[x].low in ("with", "without"):
            return x == 0 or toks[x - 1].text in _CLAUSE_ENDS
        x -= 1
    return False


def _nothing_stated(toks: list[_Tok], c1: int) -> bool:
    """After a negated cue, no statement: the sentence ends or asks ("has not said what it
    will charge", "did not say how many jobs would go", "would not say.")."""
    return c1 + 1 >= len(toks) or toks[c1 + 1].text in _CLAUSE_ENDS or toks[c1 + 1].low in _WH


def _modal_report(toks: list[_Tok], k: int, lemma: str, chain: set[str]) -> bool:
    """"Families can report missing relatives", "The inquiry will report within weeks":
    "report" after a modal with no statement after it ("that", a colon, a quotation) is
    an act to come, not a report made."""
    if toks[k].low != lemma or not (lemma == "report" and chain & _MODALS or lemma in _MODAL_ACTS and chain & _MAY):
        return False  # (also "Families can call the company", "Residents can comment at a hearing")
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is None or not (nxt.low in ("that", ":") or nxt.text in _QUOTE_CHARS or nxt.quoted)


_MODAL_ACTS = frozenset("call comment write contact ask tell".split())  # after "can", "may": what one is able to do
_MAY = frozenset("can may could might".split())
_NAME_ABBREVIATIONS = frozenset("co corp inc ltd jr sr bros plc llc".split())
_PUT = frozenset("put puts putting".split())
_FIGURE_LEADS = frozenset("about around nearly almost roughly some more less over under between up just closer close least "
                           "most an as".split())


def _put_at_a_figure(toks: list[_Tok], k: int) -> bool:
    """"put the toll at 45", "puts the cost to farmers at about $640 million": "at" and a
    figure after it, within a dozen words of the verb in its clause."""
    for x in range(k + 2, min(len(toks) - 1, k + 14)):
        if toks[x].text in ".;:" or toks[x].quoted:
            return False
        if toks[x].low == "at":
            nxt = toks[x + 1]
            return nxt.low[:1].isdigit() or not nxt.word and nxt.text in "$£€¥" or nxt.low in _FIGURE_LEADS
    return False


_PLACES_ADMITTED_TO = frozenset("hospital hospitals intensive care clinic ward wards university college school "
                                "bar membership".split())


def _admitted_to_a_place(toks: list[_Tok], k: int) -> bool:
    """"admitted to hospital", "admitted into intensive care", "admitted to the university":
    let in, not a confession ("admitted to the court that", "admitted to a mistake" are)."""
    x = k + 1
    if x >= len(toks) or toks[x].low not in ("to", "into"):
        return False
    x += x + 1 < len(toks) and toks[x + 1].low in ("the", "a", "an")
    return x + 1 < len(toks) and toks[x + 1].low in _PLACES_ADMITTED_TO


def _acts_on(toks: list[_Tok], k: int, objects: frozenset) -> bool:
    """The verb at toks[k] takes one of ``objects`` (past an article, a number and a few
    modifiers: "called the 48-hour strike", "charged two men"), or a count of people."""
    for x in range(k + 1, min(len(toks), k + 6)):
        low = toks[x].low
        if low in ("for", "on", "upon"):
            return False  # "called for a vote", "called on police to": a demand is a statement
        after = toks[x + 1] if x + 1 < len(toks) else None
        if low in objects and (after is None or not after.word and not (after.quoted or after.text in _QUOTE_CHARS)
                               or after.low in _AFTER_OBJECT):
            return True  # the head noun: not "called the police shootings a tragedy", 'called the strike "regrettable"'
        if objects is CHARGED and x == k + 1 and (low[:1].isdigit() or low in SMALL):
            return True
        if not toks[x].word and toks[x].text not in "-–":
            return False
    return False


_AFTER_OBJECT = frozenset("after for on in at to and over because as with from since by before last next this of "
                          "that when while until".split())
_RECKONING = frozenset("calculate project forecast".split())  # document cues a named body may use too
# bodies whose findings are reported: "the tribunal found", "the commission concluded"
_FINDING_BODIES = frozenset("court tribunal inquiry commission panel review committee regulator watchdog jury "
                            "coroner investigators inspectors auditors inspectorate ombudsman judge".split())


def _figure_follows(toks: list[_Tok], k: int) -> bool:
    """A figure within the few words after the cue at toks[k] ("forecast a gain of 41,000"),
    or before the comma that opens a closing source and cue (", the committee calculated.")."""
    if any(toks[x].text[:1].isdigit() for x in range(k + 1, min(len(toks), k + 7))):
        return True
    x = k - 1
    while x > 0 and toks[x].text != "," and k - x < 6:
        x -= 1
    closes = all(not t.word or t.low in ("in", "on", "its", "their", "report", "analysis") for t in toks[k + 1:])
    return x > 0 and toks[x].text == "," and closes and any(toks[y].text[:1].isdigit() for y in range(max(0, x - 8), x))
_WHILE = frozenset("after before while when since".split())
_NOT_EXPECTING = frozenset("to next in on by at later soon this within until before after".split())
_ACTS = {"call": CONVENED, "charge": CHARGED, "declare": DECLARED, "admit": ADMITTED}


def _title_case(toks: list[_Tok]) -> bool:
    """A headline in title case ("Lindsey Graham Says Deal Could Pass"): there a capitalised
    cue is still a cue. Most of its words (four at least) are capitalised."""
    words = [t for t in toks if t.word and not t.text[0].isdigit()]
    return len(words) >= 4 and sum(t.cap for t in words) >= 0.8 * len(words)


_SUBJECT_PRONOUNS = frozenset("he she they we i".split())
_LEAD_INS = (("went", "on", "to"), ("goes", "on", "to"), ("go", "on", "to"), ("quoted", "as"))


def _cue_lead_in(toks: list[_Tok], k: int) -> int:
    """Where a cue at toks[k] starts: with the words that lead into it ("went on to say",
    "was quoted as saying") and its auxiliaries and adverbs ("has also said")."""
    c0 = k
    for lead in _LEAD_INS:
        if c0 - len(lead) >= 0 and tuple(t.low for t in toks[c0 - len(lead):c0]) == lead:
            c0 -= len(lead)
            break
    else:
        c0 = _quoted_by_as(toks, c0)
    while c0 - 1 >= 0 and k - c0 < 7 and not toks[c0 - 1].quoted and (
        toks[c0 - 1].low in AUX or toks[c0 - 1].low in CUE_ADVERBS or toks[c0 - 1].low in NEG
    ) and not (c0 - 1 > 0 and toks[c0 - 1].cap):  # "Theresa May said", "Will said": a name, not "may"
        c0 -= 1
    return c0


def _quoted_by_as(toks: list[_Tok], c0: int) -> int:
    """"was quoted by local media as saying": the cue starts at "quoted" (toks[c0] is the
    cue word after "as"); c0 itself when there is no such lead-in."""
    if c0 < 4 or toks[c0 - 1].low != "as":
        return c0
    for x in range(c0 - 3, max(-1, c0 - 10), -1):
        if not toks[x].word or toks[x].quoted:
            return c0
        if toks[x].low == "quoted" and toks[x + 1].low == "by":
            return x
    return c0


def _source_end(toks: list[_Tok], c0: int) -> int:
    """Where the source before the cue ends: the token before c0, past time words and a
    parenthesis ("Ann Cole (D-Ohio) said"); -1 when the cue opens the sentence."""
    j = c0 - 1
    while j >= 0 and toks[j].low in TIME_WORDS and not toks[j].quoted and c0 - j <= 3:
        j -= 1
    if j >= 1 and toks[j].text == "." and toks[j - 1].low in _NAME_ABBREVIATIONS and toks[j].start == toks[j - 1].end:
        j -= 1  # "Brindle & Co. wrote", "Acme Inc. said": the full stop is the name's
    if j >= 1 and toks[j].text == ")":  # "Ann Cole (D-Ohio) said", "the WHO (World Health Organisation) recommends"
        x = j - 1
        while x > 0 and toks[x].text != "(" and j - x < 10:
            x -= 1
        if toks[x].text == "(":
            j = x - 1
    return j


def _not_reporting(toks: list[_Tok], k: int, lemma: str, c0: int, c1: int, j: int) -> bool:
    """The cue word is a noun or a plain verb here, whatever its source."""
    if j >= 0 and _possessive(toks[j]):
        return True  # a noun: "the mayor's comments", "the editor's note"
    if lemma == "continue" and c1 + 1 < len(toks) and toks[c1 + 1].word:
        return True  # "they continued to shun" is no reporting; '"...," he continued' is
    if toks[k].low.endswith("s") and toks[k].low not in (lemma, "says") and c0 == k == c1 and c1 + 1 < len(toks) \
            and toks[c1 + 1].low in _VERB_AFTER_A_SUBJECT and (j == 0 or j > 0 and toks[j].low in ADJ):
        return True  # a plural noun a verb follows: "Written comments will be accepted", "Local reports say"
        # (not "which the finance office estimates will raise": a verb whose "that" is left out)
    if lemma == "ask" and [t.low for t in toks[c1 + 1:c1 + 4]] == ["not", "to", "be"]:
        return True  # "who asked not to be named": a source's wish, no statement
    if toks[k].low == lemma and lemma != "put" and c0 == k and j >= 0 and _is_name_tok(toks[j]) and not (len(toks[j].text) > 2 and toks[j].text.isupper()) and not (
        toks[j].low.endswith("s") and toks[j].low not in ORG_WORDS
    ) and not _two_names_before(toks, j) and not _participle_agent(toks, j) and not (
        j == 0 and _head_ok(toks[j].low)  # "Police believe": a source noun that opens the sentence
    ) and not _name_ends_a_modifier(toks, j):
        return True  # a noun after a name: "a Daily Planet report", "the Ohio state"
    return False


_VERB_AFTER_A_SUBJECT = _AUX_AFTER | frozenset("say said suggest suggested show showed shown indicate indicated put "
                                                "should".split())


def _name_ends_a_modifier(toks: list[_Tok], j: int) -> bool:
    """The name ending at toks[j] closes a modifier of a plural source: "Scientists at Southern
    Cross University estimate" (the scientists estimate; "a Daily Planet report" is a noun)."""
    x = j
    while x > 0 and _is_name_tok(toks[x]):
        x -= 1
    return x > 0 and toks[x].low in ("at", "from", "of", "in", "with") and toks[x - 1].low.endswith("s") \
        and _head_ok(toks[x - 1].low) and not toks[x - 1].cap


def _participle_agent(toks: list[_Tok], j: int) -> bool:
    """"Economists polled by Reuters expect": the name ending at toks[j] is the agent of a
    participle after the subject, so the base form after it is the subject's verb."""
    i = _name_back(toks, j, 0)
    i -= i >= 1 and toks[i - 1].low == "the"
    return i >= 2 and toks[i - 1].low == "by" and (toks[i - 2].low.endswith("ed") or toks[i - 2].low in _IRREGULAR_PARTICIPLES) \
        and not toks[i - 2].cap


_IRREGULAR_PARTICIPLES = frozenset("seen given shown written taken drawn known obtained held".split())


def _two_names_before(toks: list[_Tok], j: int) -> bool:
    """"Grassley and Leahy say": two names joined by "and" end at toks[j] (a plural subject,
    so the base form is the verb)."""
    i = _name_back(toks, j, 0)
    return i >= 2 and toks[i - 1].low == "and" and _is_name_tok(toks[i - 2])


def _document_maker(toks: list[_Tok], j: int, ing: bool) -> _NP | None:
    """"..., figures from the National Statistics Office show", "A report by the Harbour
    Trust said": a document that opens its clause right before the cue speaks for the body
    named after its "by" or "from" (a name, or an organisation: "a report by the council's
    audit team"); None when the phrase ending at toks[j] is no such maker."""
    if ing or j < 2 or not toks[j].word or toks[j].quoted or _possessive(toks[j]):
        return None
    np = _np_back(toks, j, 0)
    if np is None or np.kind == "pron" or np.said_by is not None or not _by_document(toks, np.i0):
        return None
    if np.kind == "generic" and toks[np.i1].low not in ORG_WORDS:
        return None
    doc = _generic_np_back(toks, np.i0 - 2, 0)
    return np if _clause_start(toks, doc.i0) else None


def _source_before(toks: list[_Tok], k: int, lemma: str, c0: int, c1: int, j: int) -> _Found | None:
    """'Psaki said', 'A survey of farmers in Kenya has revealed': the phrase ending at toks[j]."""
    np = _np_back(toks, j, 0)
    if np is not None and _by_document(toks, np.i0):
        pass  # "the poll by the Veritas Institute, ..., which had put": the institute's
    elif np is not None and np.i0 > 0 and toks[np.i0 - 1].low == "by":
        np = None  # the agent of a participle: "a letter seen by the Courier says"
    if np is not None and np.kind != "pron" and np.i0 > 0 and not _by_document(toks, np.i0) and (
        toks[np.i0 - 1].low in _PREPOSITIONS or toks[np.i0 - 1].text[-1:].isdigit()
            or toks[np.i0 - 1].low in _REGION_WORDS and np.i0 > 1 and toks[np.i0 - 2].low in _PREPOSITIONS) and not any(
        toks[x].low in FEMALE_NAMES or toks[x].low in MALE_NAMES for x in range(np.i0, np.i1 + 1)
    ):
        # the end of a modifier: "A survey of farmers in Kenya has revealed"
        head = _open_subject(toks, c0, lemma, k, commas=False) or _body_before_its_place(toks, np)
        if head is not None:
            np = head
    if _valid(np, lemma, toks, k):
        return _Found(np, c0, c1, lemma)
    np = _open_subject(toks, c0, lemma, k, commas=False)
    if np is not None:
        return _Found(np, c0, c1, lemma)
    return None


def _body_before_its_place(toks: list[_Tok], np: _NP) -> _NP | None:
    """A body's name before the place after "in" that ends the source: "..., the Organisation
    for the Rescue and Research of Cetaceans in Australia (ORRCA) said" is the organisation."""
    x = np.i0 - 1
    if x < 2 or toks[x].low != "in" or not _is_name_tok(toks[x - 1]):
        return None
    body = _np_back(toks, x - 1, 0)
    if body is None or body.kind != "name" or not any(toks[y].low in ORG_WORDS for y in range(body.i0, body.i1 + 1)):
        return None
    return body


def _source_before_commas(toks: list[_Tok], k: int, lemma: str, c0: int, c1: int, j: int) -> _Found | None:
    """A source before the comma toks[j] right before the cue: a name before an
    apposition, else the sentence's opening subject."""
    # "Smith, a lawyer for the family, said"
    commas = 0
    x = j - 1
    hit = None
    while x >= 0 and j - x < 40 and commas < 4:
        tx = toks[x]
        if tx.text in _QUOTE_CHARS or tx.text in ";:" or tx.quoted:
            break
        if tx.text == "," and not _in_a_figure(toks, x):
            commas += 1
            np = _np_back(toks, _before_brackets(toks, x - 1), 0)  # "Ann Cole (R-Ohio), a member, said"
            if np is not None and np.kind == "name" and not _clause_start(toks, np.i0):
                np = _with_unlisted_role(toks, np)  # "Tour guide Nikos Efthymiou, who ..., said"
            if np is not None and np.kind != "pron" and _clause_start(toks, np.i0) and _valid(np, lemma, toks, k):
                hit = np
                break
            maker = _document_maker(toks, _before_brackets(toks, x - 1), False)
            if maker is not None:
                hit = maker  # "The final survey by the Meridian Institute, published on Thursday, had put"
                break
        x -= 1
    if hit is None and j >= 2 and _is_name_tok(toks[j - 1]):
        # "The grid operator, Lowland Grid, said": a name in apposition to a description
        np = _np_back(toks, j - 1, 0)
        if np is not None and np.kind == "name" and np.i0 > 0 and toks[np.i0 - 1].text == "," and _valid(np, lemma, toks, k):
            hit = np
    if hit is None and (j == 0 or toks[j - 1].text not in _QUOTE_CHARS):
        hit = _open_subject(toks, c0, lemma, k, j)
    if hit is None:
        return None
    # "the state governor, Henry McMaster, said": the name in apposition
    x = j - 1
    while x > hit.i1 and toks[x].text != ",":
        x -= 1
    if hit.kind == "generic" and x > hit.i1 and j - x > 2 and _partitive(toks, hit) and toks[x + 1].low in ("a", "an"):
        d0 = x + 2 + bool(re.fullmatch(r"\d+-year-old", toks[x + 2].low))  # "a 51-year-old shift foreman"
        if d0 < j and all(toks[y].word and not toks[y].cap and toks[y].low not in STOPWORDS for y in range(d0, j)):
            hit.appos = (d0, j - 1)  # "One of the rescued men, a shift foreman, told": the description names him
    named = next((y for y in range(x + 1, j - 1) if _names_next(toks, y) and _is_name_tok(toks[y + 1])
                  and all(_is_name_tok(toks[z]) or toks[z].low in _NAME_PARTICLES for z in range(y + 1, j))), None)
    vague = hit.kind == "generic" or hit.i0 == hit.i1 and toks[hit.i0].low in ("another", "one", "others")
    if named is not None and vague and x > hit.i1 and toks[x + 1].low in ("a", "an"):
        hit.appos = (named + 1, j - 1)  # "Another, a 67-year-old woman named Ruksana Begum, said": the name
        return _Found(hit, c0, c1, lemma)
    aged = _name_after_an_age(toks, x + 1, j) if vague and x > hit.i1 else None
    if aged is not None:
        hit.appos = aged  # "One applicant, 18-year-old Priya Okonkwo-Hale from Lenmouth, said": the name
        return _Found(hit, c0, c1, lemma)
    title_only = hit.kind == "name" and _a_title(toks, hit)  # "The Education Secretary, Bridget Phillipson,"
    a = x + 1 + (x + 2 < j and toks[x + 1].low == "the" and hit.kind == "generic")  # "The organisers, the National ..."
    if (hit.kind == "generic" or title_only or vague) and x > hit.i1 and j - a > 0 and _is_name_tok(toks[a]) and _is_name_tok(toks[j - 1]) and all(
            _is_name_tok(toks[y]) or toks[y].low in _NAME_PARTICLES or _plural_apostrophe(toks, y)
            or hit.kind == "generic" and toks[y].low in _INSIDE_A_BODY_NAME for y in range(a, j)):
        hit.appos = (a, j - 1)  # "Anna de Vries", "the National Teachers' Federation", "Friends of the Earth"
        # ("Another, Priya Nair, said": the name, whether or not the opening word was read as one)
    elif hit.kind == "generic" and x > hit.i1 and (named := _name_after_a_trade(toks, x + 1, j)) is not None:
        hit.appos = named  # "The plant's owner, Dutch firm Vopak, said": the firm
    return _Found(hit, c0, c1, lemma)


_FIRMS = frozenset("firm company group operator giant".split()) | TRADE_DESCRIPTORS


def _name_after_a_trade(toks: list[_Tok], a: int, j: int) -> tuple[int, int] | None:
    """The name in an apposition that a trade opens ("Dutch firm Vopak", "German carmaker
    Volstad"), the apposition running from toks[a] to the cue's comma at toks[j]: its span."""
    x = a + (toks[a].low in ("the", "a"))
    while x < j and _is_name_tok(toks[x]):
        x += 1  # "Dutch", "US"
    if x >= j - 1 or toks[x].low not in _FIRMS or not all(_is_name_tok(toks[y]) for y in range(x + 1, j)):
        return None
    return x + 1, j - 1


_INSIDE_A_BODY_NAME = frozenset("of the for and & on".split())  # "A patients' group, Voice of the Valley,"


def _name_after_an_age(toks: list[_Tok], a: int, j: int) -> tuple[int, int] | None:
    """The name in an apposition that opens with an age, up to a place after it ("18-year-old
    Priya Okonkwo-Hale from Lenmouth"): its first and last token, or None."""
    if a >= j or not _AGED.fullmatch(toks[a].low) or a + 1 >= j or not _is_name_tok(toks[a + 1]):
        return None
    e = a + 1
    while e + 1 < j and (_is_name_tok(toks[e + 1]) or toks[e + 1].low in _NAME_PARTICLES and e + 2 < j
                         and _is_name_tok(toks[e + 2])):
        e += 1
    return (a + 1, e) if e + 1 == j or toks[e + 1].low in ("from", "of", "in") else None


def _plural_apostrophe(toks: list[_Tok], y: int) -> bool:
    """toks[y] is the apostrophe of a plural possessive inside a name ("Teachers' Federation")."""
    return toks[y].text in ("'", "’") and y > 0 and toks[y - 1].low.endswith("s") and toks[y - 1].end == toks[y].start


def _names_next(toks: list[_Tok], y: int) -> bool:
    """toks[y] introduces the name of someone just described: "a woman named Ruksana Begum",
    "a driver called Ivo", "a man who gave his name only as Tibor"."""
    return toks[y].low in ("named", "called") or toks[y].low == "as" and any(
        toks[z].low == "name" for z in range(max(0, y - 3), y))


def _partitive(toks: list[_Tok], np: _NP) -> bool:
    """"one of the rescued men", "two of the survivors": a part of a group."""
    return np.i1 - np.i0 >= 2 and toks[np.i0].low in _PARTITIVE and toks[np.i0 + 1].low == "of"


def _a_title(toks: list[_Tok], np: _NP) -> bool:
    """The mention is a title, not a name: "The Education Secretary", "the Chief Inspector
    of Prisons", "Tynemoor's MP" (title words after a place's or a body's name with "'s", then
    at most the office after "of" or "for")."""
    words = [toks[y].low for y in range(np.i0, np.i1 + 1) if toks[y].low != "the"]
    owner = next((n for n, w in enumerate(words) if w.endswith(("'s", "’s"))), None)
    words = words if owner is None else words[owner + 1:]
    if "of" in words or "for" in words:
        words = words[:min(words.index(w) for w in ("of", "for") if w in words)]
    return bool(words) and all(w in TITLES or w in ROLE_NOUNS for w in words)


def _with_unlisted_role(toks: list[_Tok], np: _NP) -> _NP:
    """A name after a role the word lists lack that opens the sentence ("Tour guide Nikos
    Efthymiou", "Fisheries expert Ana Ruiz"): the mention with those words as its role;
    the name alone when what comes before it is no such role."""
    x = np.i0
    while x > 0 and np.i0 - x < 3 and toks[x - 1].word and not toks[x - 1].quoted \
            and toks[x - 1].low not in STOPWORDS and toks[x - 1].low not in CUE_VERBS and toks[x - 1].low not in TIME_WORDS:
        x -= 1
    if x == np.i0 or x != 0 or not toks[0].cap or any(toks[y].cap for y in range(1, np.i0)):
        return np
    return _NP(0, np.i1, "name", np.n0, np.n1, 0, np.i0 - 1)


def _before_brackets(toks: list[_Tok], y: int) -> int:
    """The token before a short bracketed group that ends at toks[y] ("(R-Ohio)", "(D)"),
    or y itself when toks[y] closes none."""
    if y < 1 or toks[y].text != ")":
        return y
    x = y - 1
    while x > 0 and toks[x].text != "(" and y - x < 10:
        x -= 1
    return x - 1 if toks[x].text == "(" else y


def _source_after(toks: list[_Tok], k: int, lemma: str, c0: int, c1: int) -> _Found | None:
    """An inverted cue: '"...," said Smith', '— says the report'."""
    n = len(toks)
    x = c1 + 1
    while x < n and toks[x].low in CUE_ADVERBS:
        x += 1
    np = _partitive_after(toks, x) or _np_fwd(toks, x, n)
    if np is not None and np.i1 + 1 < n:
        after = toks[np.i1 + 1]
        if after.word and after.low not in _AFTER_INVERTED and after.low not in TIME_WORDS:
            np = None  # "said the storm woke old fears" is no inversion
    if _valid(np, lemma, toks, k):
        return _Found(np, c0, c1, lemma)
    return None


def _ends_an_inversion(toks: list[_Tok], x: int) -> bool:
    """The name of an inverted source ends its clause at toks[x]: a comma, a full stop, a
    dash or the end, not a quotation or a verb ("said Lee \"looks forward\"")."""
    return x >= len(toks) or toks[x].text in (",", ".", ";", "—", "–", "(") or toks[x].low in ("of", "who", "from", "at")


def _partitive_after(toks: list[_Tok], x: int) -> _NP | None:
    """'said one of the organisers, Ana Ruiz', 'said one of the country's best-known
    economists, Jose Diez': the name in apposition; without one, the part ("one of the
    organisers")."""
    n = len(toks)
    if not (x + 2 < n and toks[x].low in _PARTITIVE and toks[x + 1].low == "of"):
        return None
    whole = _np_fwd(toks, x + 2, n)
    if whole is None or whole.kind != "generic":
        return None
    if whole.i1 + 2 < n and toks[whole.i1 + 1].text == "," and _is_name_tok(toks[whole.i1 + 2]):
        named = _np_fwd(toks, whole.i1 + 2, n)
        if named is not None and named.kind == "name":
            return named
    return _NP(x, whole.i1, "generic")


# ---------------------------------------------------------------- sources


def _clause_start(toks: list[_Tok], i: int) -> bool:
    if i == 0:
        return True
    p = toks[i - 1]
    return not p.word or p.low in _CLAUSE_OPEN or p.quoted != toks[i].quoted


def _valid(np: _NP | None, lemma: str, toks: list[_Tok], k: int) -> bool:
    if np is None:
        return False
    head = toks[np.i1]
    if lemma in _RECKONING and k + 1 < len(toks) and toks[k + 1].low == "that" and np.kind in ("name", "pron", "generic"):
        return np.kind != "generic" or _head_ok(head.low) or head.low in DOCUMENT_NOUNS
        # "She forecast that", "They calculated that": a reckoning reported, by anyone
    if lemma in DOCUMENT_CUES:
        opening_noun = np.kind == "name" and np.i0 == np.i1 and _head_ok(head.low)  # "Analysts had forecast"
        if np.kind == "generic" or opening_noun:
            return head.low in DOCUMENT_NOUNS or head.low in _FINDING_BODIES and lemma in ("find", "conclude") \
                or lemma in _RECKONING and _head_ok(head.low) and toks[k].low not in NOUN_LIKE and _figure_follows(toks, k)
            # ("the tribunal found", "Analysts had forecast a gain of 20,000 jobs")
        finding = lemma in ("find", "conclude") and any(toks[y].low == "that" for y in range(k + 1, min(len(toks), k + 10)))
        if np.kind == "name":  # "the Census Report shows"; a body may reckon: "Coastline Bank calculates"
            reckons = lemma in _RECKONING
            return finding or any(toks[x].low in DOCUMENT_NOUNS or reckons and toks[x].low in ORG_WORDS
                                  for x in range(np.i0, np.i1 + 1))
        return finding and np.kind == "pron"  # "The Justice Committee found that", "she found in May that"
    if lemma in BELIEF_CUES and np.kind == "pron" and head.low == "it" and not (
            lemma == "expect" and k + 1 < len(toks) and toks[k + 1].word and toks[k + 1].low not in ("to", "that")):
        return False  # ("It expects firms to spend £3 billion": a body's forecast)
    if toks[k].low in NOUN_LIKE and np.kind == "generic" and head.low not in SOURCE_NOUNS:
        return False
    if toks[k].low in NOUN_LIKE and _counted_compound(toks, np, k):
        return False  # "by at least 15 of the 27 member states": a counted noun, no cue
    if lemma in ("call", "dub", "describe", "name", "characterize") and np.kind == "generic" and not head.low.endswith("s"):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and (nxt.cap or nxt.text in _QUOTE_CHARS):
            return False  # "a group called Anonymous"
    return True


def _counted_compound(toks: list[_Tok], np: _NP, k: int) -> bool:
    """A verb-like noun right after a figure and one noun is the head of a counted compound
    ("the 27 member states", "two police reports"), unless "that" follows it."""
    figure = toks[k - 2] if k >= 2 and np.i1 == k - 1 else None
    counted = figure is not None and (figure.text[:1].isdigit() or figure.low in SMALL)
    return counted and not (k + 1 < len(toks) and toks[k + 1].low == "that")


def _subject_of_sentence(toks: list[_Tok], upto: int, comma: int = -1) -> _NP | None:
    """The subject that opens the sentence, for '..., saying ...' and '..., adding ...'."""
    i = getattr(toks, "first", None)
    if i is None:  # the first word outside quotation marks, found once per sentence
        i = 0
        while i < len(toks) and (not toks[i].word or toks[i].quoted):
            i += 1
        i = _past_opening_phrase(toks, i)
        if isinstance(toks, _Toks):
            toks.first = i
    if i >= upto:
        return None
    # "It has issued a warning and advised ...": a subject "it" (after a cue, "said it" is an object)
    np = _NP(i, i, "pron") if toks[i].low == "it" else _np_fwd(toks, i, upto)
    if np is not None and np.kind == "generic" and np.i0 == i and np.i1 + 1 < upto and np.i1 + 1 != comma \
            and toks[np.i1 + 1].text == ",":
        return _with_name_in_commas(toks, np, upto)  # "The drivers' union, TRAC, rejected ..., saying"
    if np is not None and np.kind == "generic" and np.i0 == i and (named := _named_after_its_body(toks, np, upto)):
        return named  # "Her colleague at Capital Economics, Ruth Gregory, was more optimistic, predicting"
    if np is not None and np.i0 == i and np.i1 + 2 < upto and toks[np.i1 + 1].text == "," \
            and toks[np.i1 + 2].low in ("which", "who", "whose"):
        return np if _past_relative_clause(toks, np.i1 + 2, upto) else None  # "The Trust, which has 900 members, welcomed ... but said"
    if np is None or np.i0 != i or np.i1 + 1 >= upto or not (toks[np.i1 + 1].word or np.i1 + 1 == comma):
        return None
    return np


def _named_after_its_body(toks: list[_Tok], np: _NP, upto: int) -> _NP | None:
    """A description, the body it works for and its name in commas: "Her colleague at Capital
    Economics, Ruth Gregory, was ..." is the description with that name in apposition."""
    x = np.i1 + 1
    if x + 1 >= upto or toks[x].low not in ("at", "of", "for", "from", "with"):
        return None
    x += 1 + (toks[x + 1].low == "the")
    y = x
    while y < upto and (_is_name_tok(toks[y]) or y > x and toks[y].low in ("of", "for") and y + 1 < upto
                        and _is_name_tok(toks[y + 1])):  # ("at the Bank of Lira")
        y += 1
    if y == x or y >= upto or toks[y].text != ",":
        return None
    appos = _with_name_in_commas(toks, _NP(np.i0, y - 1, "generic"), upto)
    if appos is None:
        return None
    np.appos = appos.appos
    return np


def _past_relative_clause(toks: list[_Tok], x: int, upto: int) -> bool:
    """A relative clause opened at toks[x] closes with a comma before ``upto``, a word after it."""
    for y in range(x + 1, min(upto, x + 25)):
        if toks[y].text == "," and not _in_a_figure(toks, y):
            return y + 1 == upto or y + 1 < upto and toks[y + 1].word  # (the cue itself may follow the comma)
        if toks[y].text in (".", ";", ":") or toks[y].quoted:
            return False
    return False


def _with_name_in_commas(toks: list[_Tok], np: _NP, upto: int) -> _NP | None:
    """A description whose name follows it in commas, a verb after them: the description,
    with that name in apposition ("The drivers' union, TRAC, rejected"), or None."""
    x = np.i1 + 2
    while x < upto and _is_name_tok(toks[x]):
        x += 1
    if x == np.i1 + 2 or x + 1 >= upto or toks[x].text != "," or not toks[x + 1].word:
        return None
    np.appos = (np.i1 + 2, x - 1)
    return np


_OPENERS = frozenset("in on at during after before by since last earlier later meanwhile yesterday today "
                     "however also still then now".split())


def _past_opening_phrase(toks: list[_Tok], i: int) -> int:
    """Where the subject starts after an opening phrase of time or place and its comma:
    "In August, several groups granted ..., saying" -> "several groups". At most five
    words before the comma, the first of them a preposition or a time word."""
    if i < len(toks) and toks[i].low in _OPENERS:
        for x in range(i + 1, min(len(toks), i + 6)):
            if toks[x].text == ",":
                return x + 1 if x + 1 < len(toks) and toks[x + 1].word else i
            if not toks[x].word or toks[x].quoted:
                break
    return i


def _in_a_figure(toks: list[_Tok], x: int) -> bool:
    """The comma at toks[x] separates thousands ("2,000"), not clauses."""
    return 0 < x < len(toks) - 1 and toks[x - 1].end == toks[x].start and toks[x + 1].start == toks[x].end \
        and toks[x - 1].text[-1:].isdigit() and toks[x + 1].text[:1].isdigit()


def _open_subject(toks: list[_Tok], c0: int, lemma: str, k: int, comma: int = -1, commas: bool = True) -> _NP | None:
    """'A new study of X in Y has revealed', 'Lydia Smith for the agency, says': the
    sentence's opening subject, when nothing between it and the cue starts another clause."""
    if toks[k].low.endswith("ing"):
        return None
    np = _subject_of_sentence(toks, c0, comma)
    if np is None or np.kind == "pron" or not _valid(np, lemma, toks, k) or c0 - np.i1 > 25:
        return None
    if toks[k].low in NOUN_LIKE or toks[k].low == lemma:
        # an ambiguous form ("show", "reports") needs a plural subject and no determiner before it
        p = toks[c0 - 1]
        if not toks[np.i1].low.endswith("s") or p.low in DETERMINERS or _possessive(p) or not (p.word or c0 - 1 == comma):
            return None
    if np.i1 + 1 == comma:
        return np  # "The security firm Secunia.com, has said"
    after = toks[np.i1 + 1]
    if after.word and after.low not in _POSTMOD and not after.low.endswith(("ing", "ed")) and not (
            after.low == "who" and _subject_relative(toks, np.i1 + 1)):
        return None  # the subject must end where a modifier begins: "A study of ...", "X, ...", "X who spoke ..."
    if np.kind == "generic" and not _head_ok(toks[np.i1].low) and not _one_person(toks, np.i1, np.i0):
        return None
    x = np.i1 + 1
    while x < c0:
        t = toks[x]
        if _relative_in_commas(toks, x, comma):
            x = comma  # (its words are no cue: "who asked not to be named")
            continue
        if t.low in _BLOCKERS and not _subject_relative(toks, x) \
                or t.text in _QUOTE_CHARS or t.text in ";:" or t.quoted \
                or t.low in CUE_VERBS and toks[x - 1].low not in ("the", "a", "an"):  # (not "for the accused")
            return None
        if t.text == "," and not commas and not _in_a_figure(toks, x):
            return None  # "Vice President of X, Steve Ellis, offered ... the earmarks added in"
        x += 1
    return np


def _relative_in_commas(toks: list[_Tok], x: int, comma: int) -> bool:
    """", who has worked those waters for 26 years," closed by the comma before the cue: a
    relative clause set off in commas only describes; the sentence's subject still speaks
    ("One fisherman in the village of Ryssvik, who has worked ..., said")."""
    return toks[x].low in ("who", "which") and x > 0 and toks[x - 1].text == "," and comma > x + 1 \
        and all(toks[y].text not in _QUOTE_CHARS and (toks[y].text not in ",;:" or _in_a_figure(toks, y))
                for y in range(x + 1, comma)) \
        and x + 1 < len(toks) and _a_clause_verb(toks[x + 1])


def _a_clause_verb(t: _Tok) -> bool:
    """The verb that opens a relative clause with no subject of its own: "who has worked",
    "which represents fish farmers", "which closed in 2019"."""
    return t.low in AUX or t.low.endswith("ed") or (
        t.word and not t.cap and t.low.endswith("s") and not t.low.endswith("ss") and t.low not in STOPWORDS)


def _subject_relative(toks: list[_Tok], x: int) -> bool:
    """"The daughter of a farmer who died in the flood said", "the owner of a shop that
    burned down said": a relative pronoun after a noun whose clause has no subject of its
    own (a verb follows it) only describes that noun; the sentence's subject still speaks."""
    if x == 0 or x + 1 >= len(toks) or not toks[x - 1].word or toks[x - 1].cap:
        return False
    low, nxt = toks[x].low, toks[x + 1]
    if not nxt.word or nxt.cap or nxt.low in CUE_VERBS or nxt.low in DETERMINERS:
        return False
    if low == "who":
        return nxt.low in AUX or nxt.low not in STOPWORDS
    return low in ("that", "which") and (nxt.low in AUX or nxt.low.endswith("ed"))
