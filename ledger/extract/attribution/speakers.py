"""Stage 6, speakers: the speaker of each sentence, and speakers carried across quotations.

The first pass (:class:`_FirstPass`) reads the sentences in document order: each one's
tokens, the names it mentions, its own cue (cues.py) and the :class:`Speaker` that cue's
source names (:func:`_speaker`: a pronoun resolved, a name made canonical, the owner of
a statement, or a generic source). A sentence's speaker also speaks the quotation chains
it touches. The second pass (:func:`_carry_over`) gives a sentence with no cue of its own
the speaker of its quotation chain, of a paragraph announced by a colon, or of the
attributed quotation right before it (``"A," she said. "B."``).

A new rule about which speaker a sentence without a cue of its own gets, or how a found
source becomes a Speaker (its name, role, surface), goes here.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field, replace

from ledger.extract.attribution.cues import _PREPOSITIONS, _find, _Found, _others, _subject_of_sentence
from ledger.extract.attribution.mentions import _AGED, _np_fwd
from ledger.extract.attribution.entities import _Entity, _generic_entity, _mentions, _Names, _rank, _resolve, _strip_titles
from ledger.extract.attribution.quotes import _QUOTE_CHARS, _chains_of, _quote_spans, _quoted_at, _single_marks_as_double
from ledger.extract.attribution.tokens import _Tok, _is_name_tok, _midcaps, _possessive, _tokens
from ledger.extract.attribution_lex import (
    AS_SUBJECT, COMPANY_TRADES, CUE_VERBS, DOCUMENT_CUES, DOCUMENT_NOUNS, FEMALE_NAMES, MALE_NAMES, ORG_WORDS, PRONOUNS,
    ROLE_NOUNS, SOURCE_NOUNS,
    TRADE_DESCRIPTORS,
)
from ledger.extract.types import Speaker

# ---------------------------------------------------------------- one sentence


@dataclass(slots=True)
class _Sentence:
    """What the first pass learns of one sentence, for the second."""

    para: int  # paragraph number
    chains: list[int]  # the quotation chains the sentence touches, in order
    starts_quote: bool  # it opens inside a quotation or with a quotation mark
    wordless: bool
    speaker: Speaker | None = None  # the speaker of its own cue
    colon_end: bool = False  # attributed, and ends with a colon
    introduces: Speaker | None = None  # "Reyes was more cautious.": who the next quotation is
    others: list[Speaker] = field(default_factory=list)  # further speakers of its other cues


class _FirstPass:
    """Sentence by sentence, in document order: each one's own cue and speaker, the
    quotation chains those speakers speak, and the names met so far."""

    def __init__(self, text: str) -> None:
        text = _single_marks_as_double(text)  # the same length: offsets hold
        self.text = text
        spans = _quote_spans(text)
        self.quoted = _quoted_at(spans)
        self.chains_of = _chains_of(spans)
        self.midcaps = _midcaps(text)
        self.names = _Names()
        self.history: list[tuple[_Entity | None, list[_Entity]]] = []  # per sentence: speaker, mentions
        self.chain_speaker: dict[int, Speaker] = {}
        self.read: list[_Sentence] = []
        self.prev_end = 0
        self.prev_ends_quote = False

    def sentence(self, s0: int, s1: int) -> _Sentence:
        text = self.text
        para = self.read[-1].para + (1 if "\n" in text[self.prev_end:s0] else 0) if self.read else 0
        self.prev_end = s1
        cs = self.chains_of(s0, s1)
        ends_quote = bool(self.history) and self.prev_ends_quote
        toks = _tokens(text, s0, s1, self.quoted, self.midcaps)
        starts_quote = bool(toks) and (toks[0].quoted or toks[0].text in _QUOTE_CHARS)
        mentions = _mentions(toks, self.names)
        s = _Sentence(para, cs, starts_quote, not any(t.word for t in toks))
        found = _find(toks)
        speaker_ent = None
        if found is not None:
            sp, speaker_ent = _speaker(text, toks, found, self.names, self.history, mentions)
            if sp is not None:
                self._speaks(s, sp, toks, found, ends_quote)
                s.others = self._other_speakers(toks, found, sp, mentions)
        elif not any(t.quoted or t.text in _QUOTE_CHARS for t in toks):
            s.introduces = _stance_of(text, toks, s0, s1, self.names)
        if speaker_ent is not None and speaker_ent.kind != "doc":
            _note_documents(toks, speaker_ent, self.names)
        self.history.append((speaker_ent, [e for _, e in mentions]))
        tail = [t for t in toks[-3:] if t.word or t.text in _QUOTE_CHARS]
        self.prev_ends_quote = bool(tail) and (tail[-1].text in _QUOTE_CHARS or tail[-1].quoted)
        self.read.append(s)
        return s

    def _other_speakers(self, toks: list[_Tok], found: _Found, primary: Speaker, mentions) -> list[Speaker]:
        """The speakers of the sentence's other cues that are other sources than its primary
        speaker (one attribution per sentence and speaker): "Police said ..., but the family
        said ...". A pronoun that stands for nothing earlier is no second speaker."""
        out: list[Speaker] = []
        seen = {primary.name.casefold()}
        for f in _others(toks, found):
            sp, ent = _speaker(self.text, toks, f, self.names, self.history, mentions)
            if sp is None or (ent is None and f.np.kind == "pron") or sp.name.casefold() in seen:
                continue
            seen.add(sp.name.casefold())
            out.append(sp)
        return out

    def _speaks(self, s: _Sentence, sp: Speaker, toks: list[_Tok], found: _Found, ends_quote: bool) -> None:
        """The sentence's own speaker, who also speaks its quotation chains."""
        s.speaker = sp
        for c in s.chains:
            self.chain_speaker.setdefault(c, sp)
        own_at_start = min(found.np.i0, found.c0) <= 1 and not s.starts_quote
        s.colon_end = toks[-1].text == ":"
        # '"... the end of a quotation." She said, ...': a short cue that opens the sentence
        # right after a quotation in the same paragraph also speaks that quotation
        prev = self.read[-1] if self.read else None
        if own_at_start and prev is not None and prev.para == s.para and len(toks) - found.c1 <= 8 and ends_quote:
            for c in prev.chains:
                self.chain_speaker.setdefault(c, sp)


# ---------------------------------------------------------------- across sentences


def _carry_over(read: list[_Sentence], chain_speaker: dict[int, Speaker]) -> list[Speaker | None]:
    """One speaker (or None) per sentence: its own, else the speaker of its quotation chain,
    of the paragraph a colon announced, or of the attributed quotation right before it."""
    results = [s.speaker for s in read]
    # quotations whose cue is in another sentence
    block = None  # "the Church denied these allegations:" speaks the whole next paragraph
    for idx, s in enumerate(read):
        prev = read[idx - 1] if idx else None
        if prev is not None and s.para != prev.para:
            block = results[idx - 1] if prev.colon_end and s.para - prev.para == 1 else None
        if results[idx] is not None or s.wordless:
            continue
        sp = block
        for c in s.chains:
            if c in chain_speaker:
                sp = chain_speaker[c]
                break
        if sp is None and s.starts_quote and prev is not None and results[idx - 1] is not None and s.para - prev.para <= 1:
            sp = results[idx - 1]
        if sp is None and s.starts_quote and prev is not None and prev.introduces is not None and s.para == prev.para:
            sp = prev.introduces  # 'Tom Reyes was more cautious. "I would be surprised ..."'
        if sp is not None:
            results[idx] = sp
            for c in s.chains:
                chain_speaker.setdefault(c, sp)
    return results


_POSSESSOR = re.compile(r"^\w+['’]s?$")


_OF_A_PLACE = frozenset("regional local provincial state federal national city county district municipal".split())


def _named_later(results: list[Speaker | None], read: list[_Sentence]) -> list[Speaker | None]:
    """A title met before the name it stands for: "..., the parliament's ethics commissioner
    said." and then "Ethics Commissioner Marguerite van Oosten found": the one later named
    speaker whose role holds every word of the description is that speaker."""
    named = [(idx, sp) for idx, sp in enumerate(results) if sp is not None and not sp.generic and sp.role]
    if not named:
        return results
    out = list(results)
    for idx, sp in enumerate(results):
        if sp is None or not sp.generic:
            continue
        *mods, head = sp.name.lower().split()
        words = {w for w in mods if w not in ("the", "a", "an", "his", "her", "its", "their") and w not in _OF_A_PLACE
                 and not _POSSESSOR.match(w)} | {head}  # ("His lawyer said ... the lawyer, Rita Gomez, told")
        # ("the regional governor said" ... "Governor Alexander Bogomaz said": the governor)
        if head not in ROLE_NOUNS:
            continue
        fits = {e.name for at, e in named if at > idx and words <= set(e.role.lower().split())}
        met_before = any(at < idx and words <= set(e.role.lower().split()) for at, e in named)
        if len(fits) == 1 and not met_before:
            out[idx] = replace(sp, name=fits.pop(), generic=False)
    return out


# a sentence that names who takes a stance, with no cue of its own, and introduces the
# quotation after it: "Tom Reyes was more cautious.", "Others disagreed."
_STANCE = re.compile(r",?\s+(?:(?:was|were|is|are|seemed|sounded)\s+(?:(?:more|less|far|much|even)\s+)?(?:cautious|"
                     r"optimistic|pessimistic|blunt|blunter|sceptical|skeptical|upbeat|downbeat|confident|direct|"
                     r"unconvinced|unimpressed|unmoved|defiant|scathing|critical|hopeful|gloomy|gloomier|angry|"
                     r"emphatic|dismissive|unapologetic|philosophical)|disagreed|agreed|went\s+further|"
                     r"struck\s+an?\s+(?:\w+\s+)?(?:tone|note))\s*[.!]?\s*$")


def _stance_of(text: str, toks: list[_Tok], s0: int, s1: int, names: _Names) -> Speaker | None:
    """The named person a cue-less sentence says takes a stance ("Tom Reyes of Delta
    Research was more cautious."), as the speaker of a quotation that follows; else None."""
    if not toks or not _is_name_tok(toks[0]) or len(toks) > 14:
        return None
    np = _np_fwd(toks, 0, len(toks))
    if np is None or np.kind != "name":
        return None
    tail = next((x for x in range(np.i1 + 1, len(toks)) if toks[x].low in _STANCE_START), None)
    if tail is None or not _STANCE.match(text, toks[tail - 1].end, s1):
        return None
    words = [toks[x].text for x in range(np.n0, np.n1 + 1)]
    ent = names.entity(words)
    start, end = toks[np.n0].start, toks[np.n1].end
    cue = text[toks[tail].start:s1].strip().rstrip(".!")  # "was more cautious"
    return Speaker(name=ent.name, surface=text[start:end], start=start, end=end, cue=cue, generic=False)


_STANCE_START = frozenset("was were is are seemed sounded disagreed agreed went struck".split())


# ---------------------------------------------------------------- a found source as a Speaker

_OWNED = frozenset(
    "statement statements letter tweet tweets post posts blog website site analysis report study survey poll "
    "data figures announcement release memo campaign office spokesman spokeswoman spokesperson".split()
)


def _speaker(text, toks, found: _Found, names: _Names, history, mentions) -> tuple[Speaker | None, _Entity | None]:
    """The Speaker a found cue's source names, and the entity it stands for (None for a
    pronoun that fits no earlier source)."""
    np = found.np
    first, last = np.said_by or (np.i0, np.i1)  # "Smith, who said": the mention is "who"
    start, end = toks[first].start, toks[last].end
    surface = text[start:end]
    cue = text[toks[found.c0].start:toks[found.c1].end]
    if np.kind == "pron" and _relative_it(toks, np) is not None:
        found = replace(found, np=_relative_it(toks, np))  # "The authority ..., which it says": the authority
        np = found.np
    if np.kind == "pron":
        pron = AS_SUBJECT.get(toks[np.i0].low, toks[np.i0].low)
        after = _after_its_words(toks, np, found)
        going_on = bool(history) and history[-1][0] is not None and _rank(history[-1][0], pron) <= 1
        opened = not after and np.i0 > 0 and toks[np.i0 - 1].text == ","
        before = [e for x, e in mentions if x < np.i0 and not (
            _inside_the_words(toks, x, going_on) if after else opened and _after_a_preposition(toks, x))]
        # ("Speaking in Suva, she said": she is not Suva; "Shares in Orvane fell after it said": it is)
        before = _subject_first(toks, mentions, before, pron, np.i0)
        ent = _pronoun_entity(pron, history, before)
        if ent is None:  # a pronoun with nothing before it to stand for
            return Speaker(name=surface, surface=surface, start=start, end=end, cue=cue, generic=True), None
        return Speaker(name=ent.name, surface=surface, start=start, end=end, cue=cue, generic=ent.generic), ent
    if np.kind == "name" or np.appos is not None:
        ent, role = _named_entity(text, toks, found, names)
        return Speaker(name=ent.name, surface=surface, start=start, end=end, cue=cue, role=role), ent
    ent = _owner_entity(toks, found, names, history, mentions) or _document_maker_met(toks, np, names)
    if ent is None:
        ent = _described_entity(toks, found, history, mentions) or _role_entity(toks, np, history, mentions) \
            or _body_behind_the_data(toks, np, history, mentions) or _person_by_age(text, toks, np, history, mentions)
    if ent is not None:
        return Speaker(name=ent.name, surface=surface, start=start, end=end, cue=cue, generic=ent.generic), ent
    words = [toks[x].text for x in range(np.i0, np.i1 + 1)]
    ent = _generic_entity(words)
    return Speaker(name=ent.name, surface=surface, start=start, end=end, cue=cue, generic=True), ent


_SPOKEN_THROUGH = frozenset("statement letter report filing release memo notice ruling accounts results figures data".split())


def _note_documents(toks: list[_Tok], ent: _Entity, names: _Names) -> None:
    """A speaker who speaks through a document ("In a statement, Pellaro said", "the
    commission said in its ruling") is who "the statement" means later in the document."""
    for t in toks:
        if not t.quoted and t.low in _SPOKEN_THROUGH:
            names.made[t.low] = ent


def _says_it(toks: list[_Tok], found: _Found) -> bool:
    """The reported clause opens with "it" for the source: "Nordtel said it had been hacked",
    "Volstad says that it will appeal": a body speaks of itself as "it"."""
    x = found.c1 + 1
    if x < len(toks) and toks[x].low == "that":
        x += 1
    if not (found.np.i1 < found.c0 and x + 2 < len(toks) and toks[x].low == "it" and not toks[x].quoted):
        return False
    verb, then = toks[x + 1].low, toks[x + 2].low
    return verb in _BODY_VERBS or verb in ("was", "is", "had", "has") and (then.endswith(("ed", "ing")) or then == "been")
    # (not "Smith said it was a disgrace")


_BODY_VERBS = frozenset("would will could can may might plans planned expects expected intends intended hopes "
                        "aims wants needs".split())


def _document_maker_met(toks: list[_Tok], np, names: _Names) -> _Entity | None:
    """'"We are deeply sorry," the statement said': the speaker who spoke through that
    document earlier, or None."""
    if np.i1 - np.i0 != 1 or toks[np.i0].low != "the":
        return None
    return names.made.get(toks[np.i1].low)


def _subject_first(toks: list[_Tok], mentions, before: list, pron: str, at: int) -> list:
    """The mentions a pronoun inside its sentence may mean, the sentence's subject tried first:
    "Police ... have appealed for witnesses and released images of a van they believe was
    involved" (the police, not the witnesses). The subject opens the sentence, past a
    determiner, and must fit the pronoun (a body may be "they")."""
    if not before or not mentions:
        return before
    x, subject = mentions[0]
    if x > 1 or x >= at or subject not in before or subject is before[-1] or _rank(subject, pron) > 1:
        return before
    return [e for e in before if e is not subject] + [subject]  # (the last is tried first)


def _relative_it(toks: list[_Tok], np):
    """"it" in a relative clause ("a runway, which it says would allow") stands for the
    sentence's own subject when that is a body ("The authority is consulting on ..."), and
    "he" or "she" for a named one that fits (see _fits): its noun phrase, or None."""
    pron = toks[np.i0].low
    if pron not in ("it", "he", "she") or np.i0 == 0 or toks[np.i0 - 1].low not in ("which", "that"):
        return None
    subject = _subject_of_sentence(toks, np.i0 - 1)
    if subject is None or not (subject.kind == "generic" and toks[subject.i1].low in ORG_WORDS and pron == "it"
                               or subject.kind == "name" and _fits(toks, subject, pron)):
        return None  # ("Korvo unveiled its phone with a battery that it says lasts 31 hours": Korvo)
    return subject


def _fits(toks: list[_Tok], np, pron: str) -> bool:
    """A named subject that a relative clause's pronoun may stand for: "it" any name; "he" or
    "she" a name whose first name is not known for the other sex ("Governor Babagana Zulum
    has blamed the dam, which he says had not been repaired")."""
    if pron == "it":
        return True
    first = toks[np.n0].low if np.n0 >= 0 else toks[np.i0].low
    other = FEMALE_NAMES if pron == "he" else MALE_NAMES
    return first not in other or first in (MALE_NAMES if pron == "he" else FEMALE_NAMES)


def _after_its_words(toks: list[_Tok], np, found: _Found) -> bool:
    """The pronoun and its cue close the sentence, after the words they report ("... with
    Ashby's sister, he told the court."; '"...," she said.'). A cue in the middle ("When
    Okafor took office, he said, the county had three") is not such."""
    if np.i0 == 0 or not (toks[np.i0 - 1].text == "," or toks[np.i0 - 1].text in _QUOTE_CHARS):
        return False
    rest = toks[found.c1 + 1:]
    return len(rest) <= 6 and not any(x.text in (",", ";", ":") or x.quoted for x in rest)


def _inside_the_words(toks: list[_Tok], x: int, going_on: bool) -> bool:
    """The name at toks[x] is met inside the reported words, as a possessor or after a
    preposition ("with Ashby's sister", "from the Northern region"): what is said, not who
    says it. When the speaker of the sentence before fits the pronoun, so that its words
    go on ("Prosecutor Hale said .... Linwood had spent £1.2 million, he said."), any name
    in them is what is said, unless it is the subject of a reporting verb ("Tom Ray
    argued ..., and ... he said")."""
    if _after_a_preposition(toks, x):
        return True
    y = x
    while y + 1 < len(toks) and _is_name_tok(toks[y + 1]) and not _possessive(toks[y]):
        y += 1
    return _possessive(toks[y]) or going_on and (y + 1 >= len(toks) or toks[y + 1].low not in CUE_VERBS)


def _after_a_preposition(toks: list[_Tok], x: int) -> bool:
    """The name at toks[x] is the object of a preposition ("in Suva", "from the Northern
    region", "in Europe and North America"): a place or a party, not a subject."""
    p = x - 1 if x > 0 and toks[x - 1].low == "the" else x
    if p > 1 and toks[p - 1].low in ("and", "or") and _is_name_tok(toks[p - 2]):
        p -= 2  # "in Europe and North America": the second of two places after a preposition
        while p > 0 and _is_name_tok(toks[p - 1]):
            p -= 1
        p -= p > 0 and toks[p - 1].low == "the"
    return p > 0 and toks[p - 1].low in _PREPOSITIONS


def _pronoun_entity(pron: str, history, before_here: list[_Entity]) -> _Entity | None:
    """The earlier entity a pronoun source means, which learns the pronoun's gender and kind."""
    ent = _resolve(pron, history, before_here)
    if ent is None:
        return None
    if pron in ("he", "she") and ent.gender is None:
        ent.gender = PRONOUNS[pron]
    if ent.kind == "unknown":
        ent.kind = "person" if pron in ("he", "she") else "org"
    return ent


def _named_entity(text, toks: list[_Tok], found: _Found, names: _Names) -> tuple[_Entity, str | None]:
    """A named source (or a generic one with a name in apposition): its canonical entity,
    and its role ("press secretary", or the titles before the name)."""
    np = found.np
    role = None
    if np.r0 >= 0:
        role = text[toks[np.r0].start:toks[np.r1].end]
    n0, n1 = (np.n0, np.n1) if np.appos is None else np.appos
    words: list[str] = []
    for x in range(n0, n1 + 1):
        if words and toks[x].text in ("'", "’"):
            words[-1] += toks[x].text  # "Growers’ Association": the apostrophe is the word's
        else:
            words.append(toks[x].text)
    if words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]
    extra = [toks[x].low for x in range(np.r0, np.r1 + 1)] if np.r0 >= 0 else []
    ent = names.entity(words, extra)
    described = range(np.i0, np.i1 + 1) if np.appos is not None else _description_before(toks, n0)
    ent.roles.update(toks[x].low for x in described if toks[x].low in ROLE_NOUNS or toks[x].low in SOURCE_NOUNS
                     or toks[x].low in _BODY_ROLES or toks[x].low in _COMPANY_HEADS)
    if role is None and np.appos is not None:  # "the lawyer, Rita Gomez,": her role is the lawyer
        role = " ".join(toks[x].low for x in described if toks[x].low in ROLE_NOUNS) or None
    # ("the governor, Lisa Tran,", "A spokeswoman for the college, Jane Obi,": she is the governor, the spokeswoman)
    if ent.kind == "unknown" and found.lemma not in DOCUMENT_CUES:
        the = n0 > 0 and toks[n0 - 1].low == "the"  # "The Coastguard said": no person takes "the"
        roles = ORG_WORDS | _COMPANY_HEADS | _BODY_ROLES
        body = np.appos is not None and toks[np.i1].low in roles or (  # "its operator, Dravnik Coal,"
            n0 >= 2 and toks[n0 - 1].text == "," and toks[n0 - 2].low in roles) or (
            n0 >= 1 and toks[n0 - 1].low in roles and not toks[n0 - 1].cap)  # "Software company Brightline said"
        ent.kind = "org" if the or body or extra and extra[-1] in ORG_WORDS or _says_it(toks, found) else "person"
    if role is None:
        core, titles = _strip_titles(words)
        if len(words) > 1 and words[0].lower() in TRADE_DESCRIPTORS:
            role = words[0].lower()  # "Carmaker Volstad": Volstad, a carmaker
        elif titles and any(w.lower() not in ("the", "of") for w in titles) and ent.kind != "org":
            role = " ".join(titles)  # (a body's name keeps its words: "National Teachers' Federation")
    return ent, role


# "the company" is the organisation named earlier whose name ends like a company's;
# "the ministry", "the council", "the court"... the one whose name holds that word
_COMPANY_HEADS = frozenset("company firm group maker manufacturer retailer carrier airline insurer lender "
                           "carmaker automaker drugmaker chipmaker brewer utility conglomerate operator".split())
# last words of company names: legal forms, and the trades a company's name ends in ("Kardex Energy")
_COMPANY_NAMES = frozenset("corp corp. corporation inc inc. ltd ltd. plc llc co co. group holdings company "
                           "ag sa gmbh".split()) | COMPANY_TRADES
_NAMED_HEADS = frozenset("ministry department agency council court university hospital bank party commission "
                         "committee union club authority board institute foundation service centre center "
                         "office police army port airport trust museum school college".split())
_LOOKBACK = 12  # sentences
# abbreviations in a name that stand for a head: "Varnholt FC" is "the club"
_HEAD_ABBREVIATIONS = {"fc": "club", "afc": "club", "cf": "club", "sc": "club", "fk": "club"}
# roles a body plays, so that a name in apposition to one is a body: "its operator, Dravnik Coal,"
# what makes a group no company: "the consumer group", "a campaign group", "the residents' group"
_NOT_COMMERCIAL = frozenset("consumer consumers campaign pressure advocacy lobby rights environmental residents "
                            "residents' patients patients' community civic protest action support interest "
                            "watchdog charity".split())
_BODY_ROLES = frozenset("operator owner developer builder contractor supplier producer provider employer "
                        "landlord insurer broker distributor publisher sponsor buyer seller bidder".split())


def _described_entity(toks: list[_Tok], found: _Found, history, mentions) -> _Entity | None:
    """The organisation a definite description names ("the company said" after "Acme
    Corp opened a plant"; "the ministry" after "the Ministry of Health"): the most recent
    one in this sentence or the twelve before it, within the document. None when the
    description has no such antecedent (it stays a generic source)."""
    head = _description_head(toks, found.np)
    return None if head is None else _body_named_by(head, _bodies_before(found.np.i0, history, mentions))


def _bodies_before(at: int, history, mentions) -> list[_Entity]:
    """The entities met before toks[at] in this sentence and in the twelve before it, nearest first."""
    candidates = [e for x, e in reversed(mentions) if x < at]
    for speaker_ent, met in reversed(history[-_LOOKBACK:]):
        candidates += [e for e in reversed(met)] + ([speaker_ent] if speaker_ent is not None else [])
    return candidates


def _body_named_by(head: str, candidates: list[_Entity]) -> _Entity | None:
    """The first of the candidates that a description with this head word can mean."""
    for ent in candidates:
        if ent.kind not in ("org", "unknown") or ent.name.lower() == head:
            continue
        parts = [_HEAD_ABBREVIATIONS.get(w, w) for w in ent.name.lower().split()]
        said_to_be = ent.roles | set(parts)
        if head in _COMPANY_HEADS and said_to_be & _NOT_COMMERCIAL and not said_to_be & (_COMPANY_HEADS - {"group"}):
            continue  # "the consumer group Verbraucherbund Nord" is no company
        if head in _COMPANY_HEADS and (parts[-1] in _COMPANY_NAMES or ent.roles & (_COMPANY_HEADS | _BODY_ROLES)) \
                or head not in _COMPANY_HEADS and head in parts:
            return ent  # (a body met as "the mine's operator, Kardex Coal," is a company too)
    return None


def _description_before(toks: list[_Tok], n0: int) -> range:
    """The description a name at toks[n0] is in apposition to ("A spokeswoman for the
    college, Jane Obi,"): the tokens from the clause's start to the comma before the name."""
    if n0 < 2 or toks[n0 - 1].text != ",":
        return range(0)
    x = n0 - 2
    while x > 0 and toks[x - 1].word and not toks[x - 1].quoted and n0 - x < 12:
        x -= 1
    return range(x, n0 - 1)


def _role_entity(toks: list[_Tok], np, history, mentions) -> _Entity | None:
    """The person a definite role names ("The minister added" after "Health Minister Ana
    Costa said"; "the spokeswoman" after "A spokeswoman ..., Jane Obi,"): the most recent
    named person met with that role, in this sentence or the twelve before it; None when
    there is none (the role stays a generic source)."""
    if np.i1 - np.i0 != 1 or toks[np.i0].low != "the":
        return None
    role = toks[np.i1].low
    if role in ORG_WORDS:
        return None  # "The union has threatened" after "union leader Grace Okonkwo": the union, a body
    candidates = [e for x, e in reversed(mentions) if x < np.i0]
    for speaker_ent, met in reversed(history[-_LOOKBACK:]):
        candidates += ([speaker_ent] if speaker_ent is not None else []) + list(reversed(met))
    return next((e for e in candidates if e.kind == "person" and not e.generic and role in e.roles), None)


_UNITS = frozenset("team unit office department division staff panel board".split())


def _description_head(toks: list[_Tok], np) -> str | None:
    """The head of a definite description of a body: "the ministry" -> ministry; a unit it
    owns speaks for it too: "the authority's environmental health team" -> authority."""
    words = [toks[x].low for x in range(np.i0, np.i1 + 1)]
    if not words or words[0] != "the":
        return None
    if len(words) > 2 and _possessive(toks[np.i0 + 1]) and words[-1] in _UNITS:
        words = words[:1] + [words[1][:-2]]
        return words[1] if words[1] in _COMPANY_HEADS | _NAMED_HEADS else None
    if len(words) > 4 or words[-1] not in _COMPANY_HEADS | _NAMED_HEADS \
            or any(toks[x].cap or not toks[x].word or _possessive(toks[x]) for x in range(np.i0 + 1, np.i1)):
        return None  # "the ministry", "the snack maker", "the state-owned lender" (not "the Acme board")
    return words[-1]


_MADE = frozenset("organised organized commissioned published written prepared produced compiled conducted "
                  "drawn run launched started released issued collected gathered".split())


def _made_by(toks: list[_Tok], j: int):
    """The named maker of a document in apposition after its head toks[j] ("The petition,
    organised by the Mill Lane Residents' Association, says"; "The survey, commissioned by
    the Harbour Trust, found"): the first and last token of the maker's name, or None."""
    if toks[j].low not in DOCUMENT_NOUNS or j + 3 >= len(toks) or toks[j + 1].text != ",":
        return None
    x = j + 2
    if toks[x].low not in _MADE:
        return None
    x += 1 + (toks[x + 1].low in ("up", "out"))  # "drawn up by", "carried out by"
    if x >= len(toks) or toks[x].low != "by":
        return None
    y = x + 1 + (x + 1 < len(toks) and toks[x + 1].low == "the")
    end = y
    while end < len(toks) and end - y < 8 and (_is_name_tok(toks[end]) or toks[end].text in ("'", "’")
                                                or toks[end].low in ("of", "for", "and") and end > y):
        end += 1
    last = end - 1
    if end < len(toks) and toks[end].low in ("on", "last", "this", "earlier", "in") and end > y:
        end += next((z for z in range(1, 4) if end + z < len(toks) and toks[end + z].text == ","), 0)
        # "released by the Office for National Statistics on Tuesday,": a time after the maker
    if end == y or end >= len(toks) or toks[end].text != "," or not _is_name_tok(toks[last]):
        return None
    return y, last


def _owner_entity(toks: list[_Tok], found: _Found, names: _Names, history, mentions) -> _Entity | None:
    """A generic source that is a statement with an owner (None if it is not)."""
    # "Cornyn's statement", "PC World's recent analysis": the statement's owner speaks
    np = found.np
    maker = _made_by(toks, np.i1)
    if maker is not None:
        words: list[str] = []
        for x in range(maker[0], maker[1] + 1):
            if words and toks[x].text in ("'", "’"):
                words[-1] += toks[x].text  # "Residents’ Association": the apostrophe is the word's
            else:
                words.append(toks[x].text)
        return names.entity(words)
    if toks[np.i1].low in _OWNED:
        for x in range(np.i1 - 1, np.i0 - 1, -1):
            if _possessive(toks[x]) and toks[x].cap:
                y = x
                while y - 1 >= np.i0 and _is_name_tok(toks[y - 1]):
                    y -= 1
                words = [toks[z].text for z in range(y, x + 1)]
                words[-1] = words[-1][:-2]
                return names.entity(words)
    return _a_described_owner(toks, np, history, mentions)


_DATA = frozenset("results figures data statistics numbers estimates accounts filings".split())
_DATA_WORDS = frozenset("the its their first latest new final official provisional preliminary early full "
                        "annual quarterly monthly weekly".split())


def _body_behind_the_data(toks: list[_Tok], np, history, mentions) -> _Entity | None:
    """"The carrier filled 87.3% of its seats, according to results presented on Tuesday":
    data with no owner or maker named are the body the sentence is about (its subject, when
    that is a body met before) or else the body last named in the document."""
    if toks[np.i1].low not in _DATA or any(toks[x].cap or toks[x].low not in _DATA_WORDS for x in range(np.i0, np.i1)) \
            or np.i0 < 2 or (toks[np.i0 - 2].low, toks[np.i0 - 1].low) != ("according", "to"):
        return None  # ("Figures published today show" are the source as written)
    if any(t.low == "by" for t in toks[np.i1 + 1:]):
        return None  # "according to official results announced by the returning officer, Harriet Fenn"
    bodies = _bodies_before(np.i0, history, mentions)
    subject = _subject_of_sentence(toks, np.i0)
    if subject is not None and subject.kind == "name":
        named = next((e for x, e in mentions if x == subject.i0), None)
        if named is not None and named.kind == "org":
            return named
    elif subject is not None and subject.kind == "generic" and (
            toks[subject.i1].low in _COMPANY_HEADS | _NAMED_HEADS or toks[subject.i1].low in ORG_WORDS):
        return _body_named_by(toks[subject.i1].low, bodies)  # ("The inquiry ran for five years")
    return next((e for e in bodies if e.kind == "org" and not e.generic), None)


def _person_by_age(text: str, toks: list[_Tok], np, history, mentions) -> _Entity | None:
    """'Lena Varga, 62, lost her shop. "It is over," the 62-year-old said': the person named
    before with that age after the name (one the document gave no name stays "62-year-old")."""
    aged = _AGED.fullmatch(toks[np.i1].low)
    if np.i1 != np.i0 + 1 or aged is None:
        return None
    before = text[:toks[np.i0].start]
    for ent in _bodies_before(np.i0, history, mentions):
        if ent.kind in ("person", "unknown") and not ent.generic and re.search(
                rf"\b{re.escape(ent.name.split()[-1])}\s*[,(]\s*{aged.group(1)}\b", before):
            return ent
    return None



def _a_described_owner(toks: list[_Tok], np, history, mentions) -> _Entity | None:
    """"the port's planning statement said", "According to the team's calculations": a
    document owned by a description speaks for the body named earlier that the description
    means (the Port of Saltby), or for the description itself ("team")."""
    if toks[np.i1].low not in DOCUMENT_NOUNS:
        return None  # ("the company's spokesman" stays as written: a person, not a document)
    for x in range(np.i0, np.i1):
        if _possessive(toks[x]) and not toks[x].cap and x > np.i0 and toks[x - 1].low == "the":
            owner = toks[x].low[:-2]
            if owner in SOURCE_NOUNS or owner in ORG_WORDS or owner in _COMPANY_HEADS or owner in _NAMED_HEADS:
                found = _body_named_by(owner, _bodies_before(np.i0, history, mentions))
                return found or _generic_entity([owner])
    return None
