"""Stage 3, mentions: the noun phrase that is a cue's source, read from a sentence's tokens.

A source is a pronoun (``she``), a proper name with its particles and the role words
before it (``press secretary Jen Psaki``, ``van der Bellen``), or a generic source
(``officials``, ``the team's coach``), possibly with a name in apposition (``the coach,
Ali Reza,``). :func:`_np_back` reads the phrase that ends right before a cue,
:func:`_np_fwd` the one that starts right after it (``said Smith``, ``according to the
report``); both give an :class:`_NP` of token indices. :func:`_name_kind` guesses what a
name names (an organisation, a person, or either).

A new rule about where a source phrase begins or ends, what a name may contain, or
which words make a phrase a source goes here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ledger.extract.attribution.tokens import _Tok, _figure_compound, _is_name_tok, _possessive
from ledger.extract.attribution_lex import (
    COMPANY_TRADES,
    COUNTRIES,
    CUE_VERBS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FEMALE_NAMES,
    MALE_NAMES,
    ORG_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    STOPWORDS,
    TIME_WORDS,
    TITLES,
)

_PLURAL_PERSON = re.compile(r"(?:ers|ors|ists|ians|ants|ents|ives|men|women|people|officials|ees?)$")
_RESULTS = frozenset("results findings result authors conclusions".split())
# lower-case particles that begin a surname: "de Villepin", "van Rompuy", "van der Bellen",
# "bin Salman", "da Silva"; and the Arabic article glued by a hyphen: "al-Maliki", "el-Sisi"
# (that one is tokens._PARTICLE_GLUED: the tokens already take such a word for a name)
_PARTICLES = frozenset("de van von der den ter ten da di du do dos das del della la le bin ibn abu ben al el ap".split())
_CONNECT = frozenset("of the for and &".split()) | _PARTICLES
_BODIES_ON = frozenset("commission committee council conference panel court tribunal task forum board".split())


@dataclass(slots=True)
class _NP:
    i0: int  # first token of the mention (surface)
    i1: int  # last token, inclusive
    kind: str  # "pron", "name", "generic"
    n0: int = -1  # the proper name inside the mention, when there is one
    n1: int = -1
    r0: int = -1  # the role words before the name ("press secretary")
    r1: int = -1
    appos: tuple[int, int] | None = None  # a proper name in apposition ("the coach, Ali Reza,")
    said_by: tuple[int, int] | None = None  # the token that carries the cue, when not the phrase: "who"


def _head_ok(low: str) -> bool:
    """A noun that can head a source: a person or a body ("officials", "the fund")."""
    return low in SOURCE_NOUNS or low in ORG_WORDS or bool(_PLURAL_PERSON.search(low)) or _plural_body(low)


def _one_person(toks: list[_Tok], j: int, lo: int) -> bool:
    """toks[j] is one person named by what they do, after a determiner ("one", "another",
    "a", "the") and at most two modifiers ("one skipper", "a 47-year-old welder", "the
    cyclist"); adjectives that end like such a noun ("an amber warning", "a former") are not."""
    low = toks[j].low
    if len(low) <= 4 or not _ONE_PERSON.search(low) or low in _NOT_A_PERSON:
        return False
    for x in range(j - 1, max(lo - 1, j - 4), -1):
        if toks[x].low in ("one", "another", "a", "an", "the", "each"):
            return True
        if not toks[x].word or toks[x].cap or toks[x].low in STOPWORDS:
            return False
    return False


# one person by what they do: "skipper", "welder", "cyclist", "librarian", "claimant", "trainee"
_ONE_PERSON = re.compile(r"(?:[^e]er|or|ist|ian|ant|(?<!m)ent|ee|(?:wo)?man)$")  # ("one fisherwoman", "one agent")
_NOT_A_PERSON = frozenset("""
    order number river water paper letter quarter border corner winter summer error sector factor
    motor meter metre power tower chapter matter manner centre center computer weaker
    weather never however whether together rather either neither other another further under after later earlier
    over offer answer cover filter charter register shelter theatre theater disaster cancer
    barrier carrier trigger tiger finger silver flower dinner butter ladder rubber
    floor door colour color honour honor labour labor favour favor rumour humour terror mirror
    tractor reactor elevator indicator calculator generator ventilator radiator corridor
    interior exterior behavior behaviour vapour
    list mist twist
    amber former latter major minor junior senior prior superior inferior upper lower inner outer
    eager proper clever bitter tender sober super thunder danger fever lavender
    plant grant giant want restaurant
    event percent extent content intent talent accident incident continent patent
    fee free tree degree coffee committee guarantee
    italian russian
""".split())


def _plural_body(low: str) -> bool:
    """The plural of a body or a source: "unions", "ministries", "agencies", "charities"."""
    if low.endswith("ies") and len(low) > 4:
        base = low[:-3] + "y"
    elif low.endswith("s") and not low.endswith("ss"):
        base = low[:-1]
    else:
        return False
    return base in ORG_WORDS or base in SOURCE_NOUNS or base in _BODIES_BY_PLACE


# bodies that speak as a place or a membership does: "Three member states said", "Several
# countries said", "Two clubs said"
_BODIES_BY_PLACE = frozenset("state country nation government region province city municipality club team".split())


# ---------------------------------------------------------------- names



def _with_particles(toks: list[_Tok], i: int, lo: int) -> int:
    """The name's first token once the lower-case particles right before it are taken in
    (at most two: "van der Bellen", "de la Cruz")."""
    for _ in range(2):
        if i - 1 >= lo and toks[i - 1].low in _PARTICLES and not toks[i - 1].cap:
            i -= 1
    return i


def _name_back(toks: list[_Tok], j: int, lo: int) -> int:
    """First token of the capitalised name ending at toks[j] (with its particles)."""
    return _with_particles(toks, _name_back_caps(toks, j, lo), lo)


def _name_back_caps(toks: list[_Tok], j: int, lo: int) -> int:
    """First token of the run of capitalised words (and connectors) ending at toks[j]."""
    i = j
    while i - 1 >= lo:
        p = toks[i - 1]
        if _is_name_tok(p) and p.quoted == toks[j].quoted:
            i -= 1
            continue
        if p.text in ("'", "’") and i - 2 >= lo and _is_name_tok(toks[i - 2]) and toks[i - 2].low.endswith("s") \
                and toks[i].cap:
            i -= 1  # a plural possessive inside a name: "Grain Growers’ Association", "Veterans' Affairs"
            continue
        # connectors inside a name: "Church of Scientology", "Bank of the West"
        k = i - 1
        while k >= lo and toks[k].low in _CONNECT and not toks[k].cap and i - k <= 2:
            k -= 1
        if k < i - 1 and k >= lo and _is_name_tok(toks[k]) and toks[i - 1].low != "and":
            i = k
            continue
        if toks[i - 1].low == "on" and not toks[i - 1].cap and i - 2 >= lo and toks[i - 2].low in _BODIES_ON:
            i -= 2  # "the Kenya National Commission on Human Rights", "the Committee on Foreign Affairs"
            continue
        if k < i - 1 and k >= lo and _is_name_tok(toks[k]) and toks[i - 1].low == "and" and (
                toks[i].low in ORG_WORDS | {"mail", "company"} or _org_of_before(toks, k, lo)):
            i = k  # "The Globe and Mail", "Centers for Disease Control and Prevention"
            continue
        break
    return i


def _org_of_before(toks: list[_Tok], k: int, lo: int) -> bool:
    """Whether the name ending at toks[k] is an organisation's "X of/for Y" (an organisation
    word, then "of" or "for", a few words back): there "and" goes on with the name
    ("Department of Health and Human Services"); between two people's names it does not."""
    for x in range(k - 1, max(lo, k - 6) - 1, -1):
        if toks[x].low in ("of", "for") and x - 1 >= lo and (
                toks[x - 1].low in ORG_WORDS or toks[x - 1].low.removesuffix("s") in ORG_WORDS):
            return True
        if not (_is_name_tok(toks[x]) or toks[x].low in ("of", "for", "the")):
            return False
    return False


def _name_kind(words: list[str]) -> str:
    """org, person (a known first name or a title), or unknown (two capitalised words can be anything)."""
    lows = [w.lower() for w in words]
    if len(lows) > 1 and (lows[0] in FEMALE_NAMES or lows[0] in MALE_NAMES) and lows[-1] not in ORG_WORDS:
        return "person"  # "Sarah Jordan" is no country
    if len(lows) == 2 and lows[1] in COUNTRIES and not (lows[0] in COUNTRIES or lows[0] in TITLES or lows[0] in ORG_WORDS):
        return "person"  # a first name before a place name: "Ilse Paris", not "South Korea"
    if any(w in ORG_WORDS for w in lows) or any(w.rstrip(".") in COUNTRIES for w in lows):
        return "org"
    if any(len(w) >= 2 and w.replace(".", "").isupper() for w in words):
        return "org"  # NATO, KCNA, U.S.
    if any("." in w and not w.endswith(".") for w in words):
        return "org"  # Gawker.com
    if lows[0] in FEMALE_NAMES or lows[0] in MALE_NAMES:
        return "person"
    if len(lows) > 1 and lows[-1] in COMPANY_TRADES:
        return "org"  # "Kardex Energy", "Halden Pharma": a company's name ends in its trade
    if len(words) == 1 and _MIDCAPS_BRAND.fullmatch(words[0]):
        return "org"  # "GridNet", "FactSet", "BoxData" (not "McAllister", "DeLuca")
    return "unknown"


_MIDCAPS_BRAND = re.compile(r"(?!Mc|Mac|De|Di|Da|La|Le|Du|Van|Von|O')[A-Z][a-z]+[A-Z][A-Za-z]*")


# ---------------------------------------------------------------- the phrase before a cue


_AGED = re.compile(r"(\d+)-year-old")  # a person named by age: "the 62-year-old", "a 47-year-old welder"


_PEOPLE_BY_WHAT_BEFELL = frozenset("accused injured wounded deceased bereaved unemployed displaced detained "
                                   "convicted dead missing".split())


def _np_back(toks: list[_Tok], j: int, lo: int) -> _NP | None:
    """The source noun phrase that ends at toks[j] (the word right before a cue)."""
    if j < lo:
        return None
    t = toks[j]
    if len(t.text) > 1 and t.text.isupper() and _is_name_tok(t):
        return _coordinated(toks, _name_np_back(toks, j, lo), lo)  # "The WHO said", "IT": an acronym, no pronoun
    if t.low in PRONOUNS:
        return _NP(j, j, "pron")
    if t.low in ("who", "which") and j - 2 >= lo and toks[j - 1].text == ",":
        np = _np_back_who(toks, j, lo)
        if np is not None:
            np.said_by = (j, j)  # the mention is "who"; the phrase before it names the speaker
        return np
    if t.low == "who" and j - 1 >= lo and toks[j - 1].word and not toks[j - 1].quoted:
        return _restrictive_who(toks, j, lo)
    if _is_name_tok(t):
        np = _coordinated(toks, _name_np_back(toks, j, lo), lo)
        return _person_of_a_described_body(toks, np, lo) or np
    if (_AGED.fullmatch(t.low) or t.low in _PEOPLE_BY_WHAT_BEFELL) and j - 1 >= lo and toks[j - 1].low == "the":
        return _NP(j - 1, j, "generic")  # '"It is over," the 62-year-old said': a person named by age
        # ("Lawyers for the accused said": the people a participle names, which a modifier may end in)
    informed = _informed_back(toks, j, lo) or _document_of(toks, j, lo)  # "sources close to the board said"
    if informed is not None:
        return informed
    if t.word and not t.cap and t.low not in STOPWORDS and (_head_ok(t.low) or _one_person(toks, j, lo)):
        return _coordinated(toks, _generic_np_back(toks, j, lo), lo)
    return _role_of_a_field(toks, j, lo)


def _role_of_a_field(toks: list[_Tok], j: int, lo: int) -> _NP | None:
    """A role named by its field, a plain noun or two after "of" ("the chief inspector of
    prisons said", "the minister of foreign affairs said"): the whole phrase is the source."""
    x = j
    while x - 1 >= lo and j - x < 2 and toks[x].word and not toks[x].cap and toks[x].low not in STOPWORDS:
        x -= 1
    if x == j or x - 1 < lo or toks[x].low != "of":
        return None
    role = toks[x - 1]
    if not (role.word and not role.cap and role.low in ROLE_NOUNS):
        return None
    np = _generic_np_back(toks, x - 1, lo)
    return _NP(np.i0, j, "generic")


# how an unnamed source knows, said after its noun: "people familiar with the matter", "a
# person with direct knowledge of the talks", "sources close to the board", "an official
# briefed on the plans"
_INFORMED = {("familiar", "with"), ("close", "to"), ("briefed", "on"), ("briefed", "about"),
             ("involved", "in"), ("aware", "of"), ("knowledgeable", "about")}


def _informed_opener(toks: list[_Tok], x: int, hi: int) -> int | None:
    """The last token of the words at toks[x] that open such a post-modifier, or None."""
    if x >= hi:
        return None  # the phrase ends the sentence: "Mr.  troops"
    if x + 1 < hi and (toks[x].low, toks[x + 1].low) in _INFORMED:
        return x + 1
    for y in (x + 1, x + 2):  # "with knowledge of", "with direct knowledge of"
        if toks[x].low == "with" and y + 1 < hi and toks[y].low == "knowledge" and toks[y + 1].low == "of":
            return y + 1
    return None


def _informed_tail(toks: list[_Tok], x: int, hi: int) -> int | None:
    """The last token of such a post-modifier starting at toks[x], whose object runs to the
    end of the clause (at most five words), or None."""
    y = _informed_opener(toks, x, hi)
    if y is None:
        return None
    end = y
    while end + 1 < hi and end - y < 5 and toks[end + 1].word and not toks[end + 1].quoted \
            and toks[end + 1].low not in CUE_VERBS and toks[end + 1].low not in TIME_WORDS:
        end += 1
    return end if end > y else None


_RECORDS = frozenset("minutes transcript transcripts".split())


def _document_of(toks: list[_Tok], j: int, lo: int) -> _NP | None:
    """A document named by what it records, ending at toks[j]: "minutes of the meeting
    showed", "a transcript of the hearing shows": the document."""
    for x in range(j - 1, max(lo, j - 5), -1):
        if toks[x].low == "of" and x - 1 >= lo and toks[x - 1].low in _RECORDS and not toks[x - 1].cap \
                and all(toks[y].word and not toks[y].quoted for y in range(x + 1, j + 1)):
            np = _generic_np_back(toks, x - 1, lo)
            return _NP(np.i0, x - 1, "generic")
    return None


def _informed_back(toks: list[_Tok], j: int, lo: int) -> _NP | None:
    """An unnamed source whose post-modifier ends at toks[j], the word before the cue:
    "people familiar with the matter said", "two people close to the board told"."""
    for x in range(j - 1, max(lo, j - 8), -1):
        h = x - 1
        if h >= lo and toks[h].word and (not toks[h].cap or h == 0) and _head_ok(toks[h].low) \
                and _informed_tail(toks, x, j + 1) == j:
            np = _generic_np_back(toks, h, lo)
            return _NP(np.i0, j, "generic")
    return None


def _coordinated(toks: list[_Tok], np: _NP, lo: int) -> _NP:
    """Two sources joined by "and" that open their clause speak together: "Mr. Grassley and
    Mr. Leahy say", "Both Ms. King and Mr. Schultz say", "Developers and supporters in
    Congress say" (one joint source, named as written). "The firm met the union and
    officials said" is no coordination: "the union" does not open the clause."""
    if np.i0 - 2 < lo or toks[np.i0 - 1].low != "and":
        return np
    first = _name_np_back(toks, np.i0 - 2, lo) if _is_name_tok(toks[np.i0 - 2]) else (
        _generic_np_back(toks, np.i0 - 2, lo) if _head_ok(toks[np.i0 - 2].low) else None)
    if first is None:
        return np
    i0 = first.i0 - 1 if first.i0 - 1 >= lo and toks[first.i0 - 1].low in ("both", "either") else first.i0
    prev = toks[i0 - 1] if i0 - 1 >= lo else None
    if prev is not None and prev.word and prev.low not in ("and", "but", "that", "while", "as", "so", "because"):
        return np
    return _NP(i0, np.i1, "generic")


def _restrictive_who(toks: list[_Tok], j: int, lo: int) -> _NP | None:
    """'voters who said', 'a farmer who told', 'Ann Lee who said': the name or source noun
    right before "who" (toks[j]), with its article; a word before the noun may be a verb
    ("Obama met voters who said" is the voters), so none is taken."""
    h = j - 1
    if _is_name_tok(toks[h]):
        np = _name_np_back(toks, h, lo)
    elif not toks[h].cap and _head_ok(toks[h].low):
        i = h
        if i - 1 >= lo and toks[i - 1].low in DETERMINERS:
            i -= 1
        np = _NP(i, h, "generic")
    else:
        return None
    np.said_by = (j, j)
    return np


def _np_back_who(toks: list[_Tok], j: int, lo: int) -> _NP | None:
    """'Devocht, who had told': the phrase before ', who' (toks[j] is 'who')."""
    np = _np_back(toks, _past_participle_phrase(toks, j - 1, lo) - 1, lo)
    # "Terence Fan, an expert from Singapore Management University, who said"
    if np is not None and np.i0 - 1 > lo and toks[np.i0 - 1].low in ("from", "of", "at", "for", "with"):
        x = np.i0 - 1
        while x > lo and toks[x].text != "," and np.i0 - x < 15:
            x -= 1
        if x > lo and toks[x].text == ",":
            first = _np_back(toks, x - 1, lo)
            if first is not None and first.kind == "name":
                return first
    # "Hana Kowalski of the Green Party, who said": a person's name of the organisation
    if np is not None and any(toks[y].low in ORG_WORDS for y in range(np.i0, np.i1 + 1)):
        person = _person_before_of(toks, np.i0 - 1, lo)
        if person is not None:
            return person
    return np


# participles that open an apposition on a document: "the poll, published in May, which"
_PUBLISHED = frozenset("published released issued compiled conducted carried commissioned organised organized "
                       "prepared produced written drawn taken held completed".split())


def _past_participle_phrase(toks: list[_Tok], x: int, lo: int) -> int:
    """The comma that opens a participial phrase ending at the comma toks[x] ("the poll by
    the institute, published eight days before the vote, which had put ..."), so that
    "which" goes to the phrase before it; toks[x] itself when there is none."""
    for y in range(x - 1, max(lo, x - 14), -1):
        if toks[y].text == ",":
            return y if y + 1 < x and toks[y + 1].low in _PUBLISHED and y - 1 >= lo and toks[y - 1].word else x
        if not toks[y].word or toks[y].quoted:
            break
    return x


def _by_document(toks: list[_Tok], i0: int) -> bool:
    """The phrase at toks[i0] makes the document named right before "by" or "from": "the
    poll by the Veritas Institute", "figures from the statistics office" (not "a study by
    researchers": researchers are no document's maker here)."""
    if i0 < 2 or toks[i0 - 1].low not in ("by", "from"):
        return False
    d = i0 - 2
    if toks[d].low in _PUBLISHED and d >= 1 and toks[i0 - 1].low == "by":
        d -= 1  # "the figures compiled by Statistics Canada", "a report published by the board"
    doc = toks[d].low
    return doc in DOCUMENT_NOUNS and not doc.endswith(("ers", "ists", "ors"))


def _person_before_of(toks: list[_Tok], y: int, lo: int) -> _NP | None:
    """'Hana Kowalski of [the Farmers' Party]': the name before "of", when it is not an
    organisation's; toks[y] is the last token before the organisation."""
    while y > lo and (_possessive(toks[y]) or _is_name_tok(toks[y]) or toks[y].low == "the" or toks[y].text in ("'", "’")):
        y -= 1
    d = y  # past a description of the body: "of the consultancy Skyline Metrics", "of the think tank Ember"
    while d > lo and y - d < 3 and toks[d].word and not toks[d].cap and toks[d].low not in STOPWORDS \
            and toks[d].low not in DETERMINERS:
        d -= 1
    if d < y and toks[d].low == "the":
        y = d - 1
    if y - 1 < lo or toks[y].low != "of":
        return None
    first = _np_back(toks, y - 1, lo)
    if first is None or first.kind != "name" or _name_kind([toks[x].text for x in range(first.n0, first.n1 + 1)]) == "org":
        return None
    return first


def _person_of_a_described_body(toks: list[_Tok], np: _NP, lo: int) -> _NP | None:
    """The person a body named with a description before it belongs to: "analyst Dmitri
    Olsen-Varga of the consultancy Skyline Metrics said" is the analyst, not the body."""
    x = np.i0 - 1
    if x <= lo or not toks[x].word or toks[x].cap or toks[x].low in STOPWORDS or toks[x].low in DETERMINERS:
        return None
    return _person_before_of(toks, x, lo)


def _name_np_back(toks: list[_Tok], j: int, lo: int) -> _NP:
    """A proper name ending at toks[j], with the role words and article before it."""
    i = _name_back(toks, j, lo)
    if toks[i].low == "the" and i < j:
        i += 1
    np = _NP(i, j, "name", i, _person_of_org(toks, i, j))
    k = i
    # role words before the name: "press secretary Jen Psaki", "NATO chief Jens Stoltenberg"
    if k - 1 >= lo and not toks[k - 1].cap and toks[k - 1].low in ROLE_NOUNS:
        r1 = k - 1
        k -= 1
        while k - 1 >= lo and k > r1 - 2 and toks[k - 1].word and not toks[k - 1].cap and toks[k - 1].low not in STOPWORDS and toks[k - 1].low not in DETERMINERS and toks[k - 1].low not in CUE_VERBS:
            k -= 1
        while k - 1 >= lo and (_is_name_tok(toks[k - 1]) or _possessive(toks[k - 1])) and toks[k - 1].word:
            k -= 1
        np.r0, np.r1 = k, r1  # "press secretary", "NATO chief", "Tunisia's coach"
    if k - 1 >= lo and toks[k - 1].low in ("the", "a", "an", "former") and not toks[k - 1].quoted:
        k -= 1
    np.i0 = k
    return np


def _person_of_org(toks: list[_Tok], i: int, j: int) -> int:
    """Where the name in the mention toks[i..j] ends: before "of" when a person's name of two
    words or more comes before an organisation ("Ana Ruiz of the World Bank" is Ana Ruiz),
    else at j ("Bank of England", "Church of Scientology", "Royal Bank of Scotland")."""
    of = next((x for x in range(i + 2, j) if toks[x].low == "of" and not toks[x].cap), None)
    if of is None:
        return j
    first = i
    while first < of - 2 and (toks[first].low in TITLES or toks[first].low in ROLE_NOUNS) and toks[first].low not in ORG_WORDS:
        first += 1  # "Dr Maria Santos of the World Health Organization", "Climatologist Dr Ilse Berg of
        # the Alpine Institute": the title and the role are no body
    left = [toks[x].low for x in range(first, of)]
    right = {toks[x].low for x in range(of + 1, j + 1)}
    known_person = left[0] in FEMALE_NAMES or left[0] in MALE_NAMES  # "Anders Bakke of the Progress List"
    if all(_is_name_tok(toks[x]) for x in range(i, of)) and not set(left) & (ORG_WORDS | TITLES) \
            and (right & ORG_WORDS or known_person and (toks[of + 1].low == "the" or all(
                _is_name_tok(toks[x]) for x in range(of + 1, j + 1)))):
        return of - 1  # ("Analyst John Olsen of Skyline Metrics": a known first name, then a body's name)
    return j


def _generic_np_back(toks: list[_Tok], j: int, lo: int) -> _NP:
    """A generic source ending at its head noun toks[j]: 'officials', 'the state's lawyers'."""
    i = j
    n = 0
    while i - 1 >= lo and n < 5:
        p = toks[i - 1]
        if p.text in ("'", "’") and i - 2 >= lo and toks[i - 2].low.endswith("s") and toks[i - 2].word \
                and toks[i - 2].end == p.start and not toks[i - 2].quoted:
            i -= 2  # a plural possessive: "teachers' unions", "the farmers’ leaders"
            n += 1
            continue
        if not p.word:
            break
        if p.low in DETERMINERS:
            if not (p.low in ("that", "which") and toks[j].low.endswith("s")):
                i -= 1  # "that official"; but "the figure that experts say": a relative pronoun
            break
        if _possessive(p) or (_is_name_tok(p)):
            i -= 1
            n += 1
            continue
        if not p.cap and p.low not in STOPWORDS and p.low not in CUE_VERBS and (
                not p.low[0].isdigit() or _figure_compound(p.low)):
            i -= 1  # (a figure in a compound modifies too: "the 1,140-page report")
            n += 1
            continue
        if not p.cap and CUE_VERBS.get(p.low) == p.low and i - 2 >= lo and toks[i - 2].low in DETERMINERS:
            i -= 1  # a cue word as a noun modifier after a determiner: "the state governor"
            n += 1
            continue
        break
    # partitives: "one of the children", "some of the residents", "two of the survivors"
    if i - 2 >= lo and toks[i - 1].low == "of" and toks[i - 2].low in _PARTITIVE:
        i -= 2
    maker = _poll_maker(toks, i, lo)
    return maker if maker is not None else _NP(i, j, "generic")


def _poll_maker(toks: list[_Tok], i: int, lo: int) -> _NP | None:
    """A named maker's poll or survey of the people at toks[i] speaks for them: "A Finwire
    poll of 14 analysts had forecast" is the poll's forecast, as in "a Finwire poll found"."""
    x = i - 1 if i - 1 >= lo and toks[i - 1].text[:1].isdigit() else i
    if x - 3 >= lo and toks[x - 1].low == "of" and toks[x - 2].low in ("poll", "survey") and _is_name_tok(toks[x - 3]):
        return _generic_np_back(toks, x - 2, lo)
    return None


_PARTITIVE = frozenset("one some many several most few none each two three four five dozens hundreds".split())


# ---------------------------------------------------------------- the phrase after a cue


def _np_fwd(toks: list[_Tok], i: int, hi: int) -> _NP | None:
    """The source noun phrase that starts at toks[i] (after an inverted cue or 'according to')."""
    if i >= hi:
        return None
    t = toks[i]
    if t.low in PRONOUNS and t.low != "it":
        return _NP(i, i, "pron")
    i0 = i
    if t.low in DETERMINERS:
        i += 1
    j, first_name, role0, role1 = _fwd_extent(toks, i, hi)
    # trim trailing words that cannot end a source phrase
    while j >= i and not toks[j].cap and not _head_ok(toks[j].low) and toks[j].low not in DOCUMENT_NOUNS \
            and toks[j].low not in ROLE_NOUNS and not _one_person(toks, j, i0):
        j -= 1  # ("according to clinic records": a document heads it too; "Korvo's head of product, Jun Takeda")
    if j < i:
        return None
    if toks[j].cap:
        if not _is_name_tok(toks[j]):
            return None
        n0 = first_name if first_name >= 0 else j
        place = n0 - 1 - (toks[n0 - 1].low == "the") if n0 - 1 > i else -1
        if place > i and toks[place].low in _LOCATIVE and _one_person(toks, place - 1, i0):
            return _NP(i0, place - 1, "generic")  # "One dairy farmer near Carrow Fen": the farmer, not the place
        np = _NP(i0, j, "name", n0, j)
        if role0 >= 0 and role1 < n0:
            np.r0, np.r1 = role0, role1
        np.appos = _name_after_a_title(toks, n0, j, hi)
        return np
    tail = _informed_tail(toks, j + 1, hi) if _head_ok(toks[j].low) else None
    np = _NP(i0, tail if tail is not None else j, "generic")  # "said a person familiar with the talks"
    # "the results of the National Iodine Study" -> the study
    # "the team's coach, Alireza Mehraban," -> the name in apposition
    np.appos = _results_of(toks, j, hi) or _apposition_after(toks, j, hi)
    return np


def _name_after_a_title(toks: list[_Tok], n0: int, j: int, hi: int) -> tuple[int, int] | None:
    """A name in apposition after a capitalised title and its office ("said the Commissioner
    for Oceans, Kostas Vardakis"): its span, or None."""
    if not all(toks[y].low in TITLES or toks[y].low in ROLE_NOUNS for y in range(n0, j + 1)):
        return None
    x = j + 1
    if x < hi and toks[x].low in ("for", "of"):
        x += 1 + (x + 1 < hi and toks[x + 1].low == "the")
        while x < hi and toks[x].cap and toks[x].word:
            x += 1
    if not (x + 1 < hi and toks[x].text == "," and _is_name_tok(toks[x + 1]) and toks[x + 1].low not in TITLES):
        return None
    k = x + 1
    while k + 1 < hi and _is_name_tok(toks[k + 1]):
        k += 1
    return (x + 1, k) if k + 1 >= hi or not toks[k + 1].word else None


# prepositions of place after a source's head: "One farmer near Carrow Fen", "a resident outside the town"
_LOCATIVE = frozenset("near in at from outside inside across along off around".split())


def _fwd_extent(toks: list[_Tok], i: int, hi: int) -> tuple[int, int, int, int]:
    """How far a source phrase starting at toks[i] may run (at most ten words): its last
    token, the first token of its last name, and its role words (first, last); -1 for none."""
    j = i
    last_name = -1
    first_name = -1
    role0 = role1 = -1
    while j < hi and j - i < 10:
        p = toks[j]
        if p.text in ("'", "’") and j > i and toks[j - 1].low.endswith("s") and toks[j - 1].end == p.start \
                and j + 1 < hi and toks[j + 1].word:
            if last_name == j - 1:
                last_name = j  # inside a name: "The Ramblers' Club"
            j += 1  # a plural possessive: "The drivers' union"
            continue
        if not p.word or (j > i and p.low in DETERMINERS):
            break
        if _is_name_tok(p) or (_possessive(p) and p.cap):
            if first_name < 0 or last_name < j - 1:
                first_name = _with_particles(toks, j, i)  # "said de la Fuente"
            last_name = j
            j += 1
            continue
        the = 1 if p.low in ("of", "for") and j + 2 < hi and toks[j + 1].low == "the" else 0  # "Office of the Ombudsman"
        if p.low in _CONNECT and not p.cap and last_name == j - 1 and j + 1 + the < hi and _is_name_tok(toks[j + 1 + the]):
            if p.low in ("for", "of", "at", "from") and _name_kind([toks[x].text for x in range(first_name, j)]) != "org":
                break  # "Lydia Smith for the Food Agency": the person is the source
            last_name = j + the  # inside the name: "the Department of Homeland Security" stays whole
            j += 1 + the
            continue
        if j > i and p.low.endswith("ing") and _head_ok(toks[j - 1].low):
            break  # "A union representing 2,000 engineers ... said": the union, not the engineers
        if not p.cap and p.low not in STOPWORDS and (p.low not in CUE_VERBS or p.low in DOCUMENT_NOUNS
                                                      or _modifies_a_source(toks, j, hi)) \
                and p.low not in TIME_WORDS and (not p.low[0].isdigit() or _figure_compound(p.low)):
            # ("according to the report", "according to the 212-page plan")
            if p.low in ROLE_NOUNS:
                if role0 < 0:
                    role0 = j
                role1 = j
            j += 1
            continue
        break
    return j - 1, first_name, role0, role1


def _modifies_a_source(toks: list[_Tok], j: int, hi: int) -> bool:
    """A cue word that modifies the source noun after it: "according to the state emergency
    agency", "according to state media"."""
    return j + 1 < hi and any(_head_ok(toks[x].low) for x in range(j + 1, min(hi, j + 3)))


def _results_of(toks: list[_Tok], j: int, hi: int) -> tuple[int, int] | None:
    """A study whose results speak (toks[j] is the generic head):
    "the results of the National Iodine Study" -> the study."""
    if toks[j].low in _RESULTS and j + 1 < hi and toks[j + 1].low == "of":
        k = j + 2
        if k < hi and toks[k].low == "the":
            k += 1
        if k < hi and _is_name_tok(toks[k]):
            e = k
            while e + 1 < hi and (_is_name_tok(toks[e + 1]) or (toks[e + 1].word and toks[e + 1].low in DOCUMENT_NOUNS)):
                e += 1
            return (k, e)
    return None


def _apposition_after(toks: list[_Tok], j: int, hi: int) -> tuple[int, int] | None:
    """A name in apposition after a generic head toks[j]:
    "the team's coach, Alireza Mehraban," -> the name in apposition."""
    if toks[j].low in ROLE_NOUNS and j + 2 < hi and toks[j + 1].low in ("of", "for") and toks[j + 2].word:
        x = j + 2  # a role's field before the comma: "head of product, Jun Takeda"
        while x + 1 < hi and x - j < 5 and toks[x + 1].word and not toks[x + 1].cap:
            x += 1
        j = x
    if j + 2 < hi and toks[j + 1].text == "," and _is_name_tok(toks[j + 2]):
        k = j + 2
        while k + 1 < hi and (_is_name_tok(toks[k + 1]) or toks[k + 1].low in _PARTICLES and not toks[k + 1].cap
                              and k + 2 < hi and _is_name_tok(toks[k + 2])):
            k += 1  # ("the agency's director, Ann van Loon,")
        if k + 1 >= hi or not toks[k + 1].word:
            return (j + 2, k)
    return _name_given_after(toks, j, hi)


def _name_given_after(toks: list[_Tok], j: int, hi: int) -> tuple[int, int] | None:
    """The name a source gave after a relative clause saying so ("one mother, who gave only her
    first name, Réka", "a man who gave his name only as Tibor"): its span, or None."""
    x = j + 1 + (j + 1 < hi and toks[j + 1].text == ",")
    if not (x + 1 < hi and toks[x].low == "who" and toks[x + 1].low in ("gave", "gives", "would")):
        return None
    for y in range(x + 2, min(hi - 1, x + 9)):
        if toks[y].low in ("name", "names") or toks[y].low == "as" and any(toks[z].low == "name" for z in range(x, y)):
            z = y + 1 + (toks[y + 1].text == "," or toks[y + 1].low == "as")
            if z < hi and _is_name_tok(toks[z]) and not (z + 1 < hi and toks[z + 1].word):
                return (z, z)
    return None
