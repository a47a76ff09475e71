"""Stage 5, entities: one canonical name per source across the whole document.

Every proper name a sentence mentions is registered as it is met (:class:`_Names`), so a
short form goes to the fuller name met earlier (``Psaki`` -> ``Jen Psaki``, ``Paris`` for
Valeska Paris), titles are dropped from the name (``Secretary of State Antony Blinken``),
and each entity gets a kind (person, org, group, doc, unknown) and a cheap gender guess
(first names, titles, earlier ``she``/``he`` references). A pronoun goes to the nearest
fitting earlier source or name (:func:`_resolve`).

A new rule about which mentions are the same entity, what kind or gender an entity is,
or which earlier entity a pronoun means goes here.
"""
from __future__ import annotations

import re
import unicodedata

from dataclasses import dataclass, field

from ledger.extract.attribution.mentions import _BODIES_ON, _PARTICLES, _name_kind, _np_back, _one_person
from ledger.extract.attribution.tokens import _Tok, _figure_compound, _is_name_tok, _modifies_the_subject
from ledger.extract.numbers_units import SMALL, TENS
from ledger.extract.attribution_lex import (
    COMPANY_TRADES,
    DOCUMENT_NOUNS,
    FEMALE_NAMES,
    FEMALE_ROLES,
    MALE_NAMES,
    MALE_ROLES,
    ORG_WORDS,
    POSTNOMINALS,
    PRONOUNS,
    QUALIFIER_TITLES,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    STOPWORDS,
    TITLES,
    TRADE_DESCRIPTORS,
)


@dataclass(slots=True)
class _Entity:
    name: str
    kind: str  # person, org, group, doc, unknown
    gender: str | None = None
    generic: bool = False  # a description ("officials", "the company"), not a name
    roles: set[str] = field(default_factory=set)  # role words met with the name: "minister", "spokeswoman"


# words that qualify a title without being one: "Chief Financial Officer", "Chief
# Operating Officer", "Chief Medical Officer", "Deputy Communications Director"
_TITLE_QUALIFIERS = frozenset(
    "financial operating technology technical information marketing medical legal communications political "
    "economic military scientific nursing executive commercial digital strategy investment risk compliance "
    "general managing".split())


def _title_run(words: list[str]) -> int:
    """How many leading words are titles: the longest run of title words and their
    qualifiers that ends in a title or role ("Chief Financial Officer Raj Menon": 3);
    qualifiers with no title after them stay ("Financial Times": 0)."""
    i = end = 0
    while i < len(words) - 1:
        lw = words[i].lower()
        if _is_title(lw):
            end = i + 1
        elif not (lw in _TITLE_QUALIFIERS or (i > 0 and lw in ("of", "the"))):
            break
        i += 1
    lows = [w.lower() for w in words]
    if end == 0 and "of" not in lows and "for" not in lows and lows[-1] not in ORG_WORDS:
        # (not "Ministry of ...", "Office for National Statistics", "... Department")
        # "House Speaker Mike Johnson", "Senate Majority Leader Chuck Schumer": the body
        # before the title is part of the role; the name is what follows the last title
        last = max((k for k, w in enumerate(words[:-1]) if _is_title(w.lower())), default=-1)
        if last > 0 and not any(_is_title(w.lower()) for w in words[last + 1:]):
            end = last + 1
    return end


def _is_title(low: str) -> bool:
    return low in TITLES or low in ROLE_NOUNS or low == "officer"


def _strip_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """('Secretary of State Antony Blinken') -> (['Antony', 'Blinken'], ['Secretary', 'of', 'State'])."""
    i = _title_run(words)
    while i > 0 and words[i - 1].lower() in ("of", "the"):
        i -= 1
        if i == 0:
            break
    if i and words[i].lower() in ("of", "the"):
        i += 1
    if i < len(words) and words[i].lower() in ("for", "on", "to"):
        return words, []  # "Commissioner for Human Rights": a role's whole name, no person after it
    if any(a.lower() in _BODIES_ON and b.lower() == "on" for a, b in zip(words[:i], words[1:i])):
        return words, []  # "Senate Committee on Foreign Affairs": a body's whole name, no title
    if i and len(words) - i >= 2 and all(w.lower() in QUALIFIER_TITLES for w in words[:i]) \
            and not _a_first_name(words[i]):
        return words, []  # "Education Policy Unit": a field that opens a body's name, no title
    return words[i:], words[:i]


def _gender_of_words(words: list[str]) -> str | None:
    for w in words:
        lw = w.lower()
        if lw in FEMALE_ROLES:
            return "f"
        if lw in MALE_ROLES:
            return "m"
    for w in words:
        lw = w.lower()
        if lw in FEMALE_NAMES or _folded(lw) in FEMALE_NAMES:
            return "f"
        if lw in MALE_NAMES or _folded(lw) in MALE_NAMES:
            return "m"
        if lw not in TITLES and lw not in ROLE_NOUNS:
            break  # ("Prosecutor Daniel Okonjo" is a man)
    return None


_FOLD = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})


def _folded(low: str) -> str:
    """A name without its accents, as the name lists write it ("seán", "bjørn")."""
    return "".join(c for c in unicodedata.normalize("NFKD", low.translate(_FOLD)) if not unicodedata.combining(c))


_NOT_ROLES = frozenset("the of a an mr mr. mrs mrs. ms ms. dr dr. miss sir dame".split())


def _owner_before_a_person(words: list[str]) -> bool:
    """A possessive opening a name of two or three more capitalised words that name no body."""
    rest = words[1:]
    return words[0].endswith(("'s", "’s")) and 2 <= len(rest) <= 3 and all(w[:1].isupper() for w in rest) \
        and not any(w.lower() in ORG_WORDS or w.lower() in COMPANY_TRADES or w.lower() in TITLES for w in rest)


class _Names:
    """The document's proper names as they are met, for canonical forms and pronouns."""

    def __init__(self) -> None:
        self.by_last: dict[str, _Entity] = {}
        self.by_name: dict[str, _Entity] = {}
        self.made: dict[str, _Entity] = {}  # a document noun -> who last spoke through one ("In a statement, X said")

    def known(self, word: str) -> bool:
        """Whether a name met so far is ``word`` or ends with it."""
        return word in self.by_name or word in self.by_last

    def entity(self, words: list[str], extra: list[str] = ()) -> _Entity:
        if len(words) > 1 and words[0].lower() == "the":
            words = words[1:]
        trade = [words[0]] if len(words) > 1 and words[0].lower() in TRADE_DESCRIPTORS and words[1][:1].isupper() else []
        if _owner_before_a_person(words):
            words = words[1:]  # "Kenya's Faith Chepkoech", "Acme's Tom Reyes": the person, not the owner
        after = [w for w in words[2:] if w.rstrip(".") in POSTNOMINALS]
        if after and words[-len(after):] == after:
            words, extra = words[:-len(after)], [*extra, *after]  # "Giles de Courcy KC": a person, a KC
        words = words[len(trade):]  # "Carmaker Volstad" is Volstad, a carmaker
        extra = [*extra, *trade]
        core, titles = _strip_titles(words)
        if len(core) == 1 and titles and all(w.lower() in QUALIFIER_TITLES for w in titles):
            core, titles = words, []  # "National Grid", "British Airways": no title before a name
        kind = "org" if trade else "person" if after else _name_kind(core)
        if _is_title(words[-1].lower()) and words[-1].lower() not in ORG_WORDS \
                and not any(_a_first_name(w) for w in words):
            core, titles, kind = words, [], "person"  # "The Prime Minister said": the office is her name
        if kind == "org" and titles:  # "South Korea", "State Department": no titles to drop
            core, titles = words, []
            kind = _name_kind(core)
        two_first_names = _a_first_name(core[0]) and not (titles and titles[-1].lower() in ("of", "for"))
        if kind != "org" and not two_first_names:  # "Governor of Washington Chris Gregoire" -> from the
            for x, w in enumerate(core[:-1]):  # first name on (not "Ana Beatriz Lopes": two first names)
                if x and (w.lower() in FEMALE_NAMES or w.lower() in MALE_NAMES):
                    titles, core = [*titles, *core[:x]], core[x:]
                    break
        key = " ".join(core)
        gender = _gender_of_words([*extra, *titles, *core])
        ent = self.by_name.get(key)
        if ent is None and len(core) <= 2 and (kind != "org" or len(core) == 1):
            # a short form of a fuller name met earlier ("Paris" for Valeska Paris, not the city)
            full = self.by_last.get(core[-1])
            if full is not None and full.kind != "org" and len(full.name.split()) > len(core):
                ent = full
        if ent is None and len(core) == 1 and kind == "unknown":
            bodies = {e.name: e for e in self.by_name.values() if e.kind == "org" and len(e.name.split()) > 1
                      and e.name.split()[0] == core[0]}
            if len(bodies) == 1:
                ent = next(iter(bodies.values()))  # "Halden" after "Halden Group plc": the one body it begins
        if ent is None and len(core) == 1 and kind == "org" and core[0].lower() in ORG_WORDS:
            bodies = {e.name: e for e in self.by_name.values() if e.kind == "org" and len(e.name.split()) > 1
                      and e.name.split()[-1] == core[0]}
            if len(bodies) == 1:
                ent = next(iter(bodies.values()))  # "the Commission" after "the European Commission": the one it ends
        if ent is None:
            ent = _Entity(key, kind, gender)
            self.by_name[key] = ent
            if kind in ("person", "unknown"):
                prev = self.by_last.get(core[-1])
                if prev is None or len(prev.name.split()) < len(core):
                    self.by_last[core[-1]] = ent
        if titles or extra or len(core) > 1:
            if kind == "person" and ent.kind == "unknown":
                ent.kind = "person"
        if ent.gender is None and gender is not None:
            ent.gender = gender
        ent.roles.update(w.lower() for w in [*titles, *extra] if w.lower() not in _NOT_ROLES)
        return ent


def _mentions(toks: list[_Tok], names: _Names) -> list[tuple[int, _Entity]]:
    """Proper names and plural source nouns in a sentence, left to right, with their token index."""
    out: list[tuple[int, _Entity]] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.quoted:
            i += 1
            continue
        if _is_name_tok(t) and t.text.isupper() and i > 0 and toks[i - 1].text[-1:].isdigit():
            i += 1  # a unit's symbol after a figure is no name: "about 2.3 GW above the record"
            continue
        if not _is_name_tok(t):
            if t.word and not t.cap and t.low.endswith("s") and t.low in SOURCE_NOUNS and (i + 1 >= n or toks[i + 1].cap or not toks[i + 1].word or toks[i + 1].low not in SOURCE_NOUNS):
                np = _np_back(toks, i, 0)
                if np is not None and np.kind == "generic":
                    out.append((i, _generic_entity([toks[x].text for x in range(np.i0, np.i1 + 1)])))
            elif (subject := _described_opening(toks, i)) is not None:
                out.insert(0, (subject.i0, _generic_entity([toks[x].text for x in range(subject.i0, subject.i1 + 1)])))
            i += 1
            continue
        j = i
        while j + 1 < n and (_is_name_tok(toks[j + 1]) or (
            toks[j + 1].low in ("of", "for") and j + 2 < n and _is_name_tok(toks[j + 2]) and not _a_person_so_far(toks, i, j))
                or _particle_in_name(toks, j + 1)):
            j += 1
        words = [toks[x].text for x in range(i, j + 1)]
        if words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
        if j == i and t.unproven and not names.known(words[0]):
            if i == 0 and _PEOPLE_BY_TRADE.fullmatch(t.low):
                out.append((i, _generic_entity([t.text])))  # "Astronomers have found ..., they reported"
            i += 1  # "Average household size shrank": a common word, until the document names it
            continue
        if not (i == 0 and j == 0 and t.low in STOPWORDS) and not (j == i and (t.low in SMALL or t.low in TENS)):
            # ("Three new routes open": a number word that opens a sentence is no name)
            extra = [toks[i - 1].low] if i > 0 and toks[i - 1].low in ROLE_NOUNS | MALE_ROLES | FEMALE_ROLES else []
            out.append((i, names.entity(words, extra)))
        i = j + 1
    return out


# plural nouns of people by what they do ("Astronomers", "Economists"): a group a later "they" may mean
_PEOPLE_BY_TRADE = re.compile(r"[a-z]{4,}(?:ers|ors|ists|ians)")


def _a_person_so_far(toks: list[_Tok], i: int, j: int) -> bool:
    """toks[i..j] is a person's name, a first name and more ("Paul Leclerc" in "Paul Leclerc of
    France"): what follows "of" is where the person is from, not part of the name."""
    return j > i and _a_first_name(toks[i].text)


def _a_first_name(word: str) -> bool:
    low = word.lower()
    folded = _folded(low)
    return low in FEMALE_NAMES or low in MALE_NAMES or folded in FEMALE_NAMES or folded in MALE_NAMES


def _described_opening(toks: list[_Tok], i: int):
    """The description of one body, one document or one person that opens the sentence, its
    head at toks[i] ("Brazil's national crop agency cut its forecast", "The review was published
    in May", "One commuter, waiting at the station, shrugged"): a later "it" or "she" may mean
    it rather than a name met before."""
    t = toks[i]
    if not t.word or t.cap or t.quoted or not (t.low in ORG_WORDS or t.low in DOCUMENT_NOUNS or _one_person(toks, i, 0)) \
            or t.low.endswith("s") \
            or (i + 1 < len(toks) and toks[i + 1].word and not toks[i + 1].cap and toks[i + 1].low in ORG_WORDS) \
            or (i + 1 < len(toks) and _is_name_tok(toks[i + 1])):
        return None  # ("Energy regulator Ofgen": a description before the name it titles)
    if i + 1 < len(toks) and toks[i + 1].word and not toks[i + 1].cap \
            and (toks[i + 1].low in SOURCE_NOUNS or _one_person(toks, i + 1, 0) or _modifies_the_subject(toks, i)):
        return None  # "A council treasurer who stole ...", "Bank details were": the body only qualifies a noun
    np = _np_back(toks, i, 0)
    if np is None or np.kind != "generic" or np.i1 != i:
        return None
    first = next((x for x, tk in enumerate(toks) if tk.word), -1)
    if np.i0 != first:
        return None
    after = toks[i + 1: i + 3]
    if t.low not in ORG_WORDS and len(after) == 2 and after[0].text == "," and _is_name_tok(after[1]):
        return None  # "The returning officer, Dana Pike, spoke": the name is the person
    return np


def _particle_in_name(toks: list[_Tok], k: int) -> bool:
    """A lower-case particle between two names is inside one: "Ruud de Graaf", "Anna van der Berg"."""
    z = k
    while z < len(toks) and toks[z].low in _PARTICLES and not toks[z].cap and not toks[z].quoted:
        z += 1
    return z > k and z < len(toks) and _is_name_tok(toks[z])


def _generic_entity(words: list[str]) -> _Entity:
    words = [w for w in words if not _figure_compound(w)] or words  # "the 300-page report": the report
    name = re.sub(r"(?<=s) (['’])(?= )", r"\1", " ".join(words))  # "Farmers' unions", as written
    if words and words[0].lower() == "the" and len(words) > 1:
        name = name.split(" ", 1)[1]  # ("The pilots' union" is "pilots' union", as written)
    head = words[-1].lower()
    if head in DOCUMENT_NOUNS and not head.endswith(("ers", "ists", "ors")):
        kind = "doc"
    elif head in ("people", "police", "staff", "media"):
        kind = "group"  # (police are "they", not "it")
    elif head in ORG_WORDS:
        kind = "org"
    elif head.endswith("s"):
        kind = "group"
    else:
        kind = "person"
    return _Entity(name, kind, _gender_of_words(words), generic=True)


# ---------------------------------------------------------------- pronouns


def _compatible(ent: _Entity, pron: str) -> bool:
    want = PRONOUNS[pron]
    if want in ("m", "f"):
        return ent.kind in ("person", "unknown") and ent.gender in (want, None)
    if want == "n":
        return ent.kind in ("org", "doc", "unknown")
    return ent.kind in ("group", "org")


def _rank(ent: _Entity, pron: str) -> int:
    """0: a sure fit for the pronoun, 1: a likely one, 2: a possible one, 3: none."""
    if not _compatible(ent, pron):
        return 3
    want = PRONOUNS[pron]
    if want in ("m", "f"):
        if ent.kind == "unknown":
            return 2
        return 0 if ent.gender == want else 1
    if want == "p":
        return 0 if ent.kind == "group" else 1
    return 0 if ent.kind in ("org", "doc") else 1


def _resolve(pron: str, history, before_here: list[_Entity]) -> _Entity | None:
    """The nearest earlier source or name that fits the pronoun; sure fits first."""
    # the nearest sentence with a fitting candidate wins; within it, a sure fit first
    groups = [list(reversed(before_here[-50:]))]
    for back in range(1, min(len(history), 6) + 1):
        speaker, mentions = history[-back]
        groups.append(([speaker] if speaker is not None else []) + mentions[:50])
    if pron == "they":  # the nearest plural or collective source, then a plural name anywhere near
        for back in range(1, min(len(history), 6) + 1):
            speaker = history[-back][0]
            if speaker is not None and _rank(speaker, pron) < 3:
                return speaker
        for group in groups:
            for ent in group:
                if _rank(ent, pron) == 0:
                    return ent
    fallback = None
    for group in groups:
        best = None
        for ent in group:
            r = _rank(ent, pron)
            if r == 0:
                return ent
            if r == 1 and best is None:
                best = ent
            if r == 2 and fallback is None:
                fallback = ent
        if best is not None:
            return best
    return fallback
