"""Stage 1, tokens: a sentence as regex tokens, and what the document tells about capitals.

Each token knows its offsets, its lower-case form, whether it is a word, whether it is
capitalised and whether it lies inside a quotation. The capitalised first word of a
sentence is taken for a name only if the document capitalises it elsewhere too.

A new rule about what counts as a token, as a capitalised (name-like) word, or about
a word's form (a possessive, an abbreviation) goes here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ledger.extract.attribution_lex import (
    CAP_STOP, COUNTRIES, FEMALE_NAMES, MALE_NAMES, MONTHS, ORG_WORDS, PRONOUNS, SOURCE_NOUNS, STOPWORDS,
)

_ABBREV = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr|Maj|Adm|Cmdr|Amb|Atty|Supt|Insp|Det|Hon|Ft|Mt|Pres)\."
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., D.C.
    r"|" + _ABBREV + r"|[A-Z]\.(?=\s+[A-Z])"  # titles, middle initials
    r"|\w+(?:['’\-.&]\w+)*"  # words, possessives, co-founder, Secunia.com
    r"|[“”\"]"
    r"|\S"
)

# the Arabic article glued by a hyphen begins a surname: "al-Maliki", "el-Sisi"
# (the lower-case particles written apart, "de Villepin", are in mentions._PARTICLES)
_PARTICLE_GLUED = re.compile(r"(?:al|el|ad|as|an|ash|at|az|bin|ibn|abu|ben)-[A-Z]")


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    low: str
    cap: bool  # starts with an upper-case letter
    word: bool
    quoted: bool = False
    surname: bool = False  # a month's name that is a surname here: "Theresa May"
    title: bool = False  # a title written without its full stop before a name: "Dr Ana Ruiz"
    unproven: bool = False  # a capitalised first word that may be a common one: "Average household size"


_MIDCAPS = re.compile(r"[\w,;:)\]] +([A-Z][\w\-]*)")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z\-]*")


_CAP_RUN = re.compile(r"(?:[A-Z][\w\-]*\s+)+[A-Z][\w\-]*")


def _midcaps(text: str) -> tuple[set[str], set[str]]:
    """Capitalised words the document uses inside sentences (or in a body's name, wherever
    it stands: "Halden Group plc" proves "Halden"), and the words it writes in lower case."""
    caps = {m.group(1) for m in _MIDCAPS.finditer(text)}
    for m in _CAP_RUN.finditer(text):
        words = m.group().split()
        if any(w.lower() in ORG_WORDS for w in words[1:]):
            caps.update(words)
    return caps, set(_LOWER_WORD.findall(text))


class _Toks(list):
    """A sentence's tokens, with room for what is computed once per sentence."""

    first: int | None = None


# a lone capitalised first word the document never capitalises inside a sentence, then a
# copula and a figure, is a common noun: "Turnout was 41.8 percent"
_COPULAS = frozenset("was is were are".split())


def _states_a_figure(toks: list, i: int) -> bool:
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    fig = toks[i + 2] if i + 2 < len(toks) else None
    return nxt is not None and nxt.low in _COPULAS and fig is not None and fig.text[:1].isdigit()


_KNOWN_NAMES = COUNTRIES | FEMALE_NAMES | MALE_NAMES | ORG_WORDS


def _tokens(text: str, s0: int, s1: int, quoted, midcaps: tuple[set[str], set[str]]) -> list[_Tok]:
    out = _Toks()
    for m in _TOKEN.finditer(text, s0, s1):
        w = m.group()
        c = w[0]
        cap = c.isupper() or bool(_PARTICLE_GLUED.match(w))  # "al-Maliki" is a name
        out.append(_Tok(w, m.start(), m.end(), w.lower(), cap, c.isalnum(), quoted(m.start())))
    # The first word of a sentence is capitalised whatever it is: a word the document
    # writes in lower case elsewhere and never capitalises inside a sentence is no name.
    caps, lower = midcaps
    for i, t in enumerate(out):
        if not t.word:
            continue
        if t.cap and not t.text.isupper() and t.low not in PRONOUNS:
            base = _BASE.split(t.text)[0]
            nxt = out[i + 1] if i + 1 < len(out) else None
            if base not in caps and (t.low in lower or t.low in STOPWORDS or t.low.endswith(("ing", "ly", "ed"))
                                     or t.low in SOURCE_NOUNS and (t.low.endswith("s") or t.low in ("police", "staff"))
                                     # ("Officials said", "Police believe": a group, not a name)
                                     or t.low in ORG_WORDS and _modifies_the_subject(out, i)  # "Bank details were"
                                     or t.low in _OPENING_ADJECTIVES  # "Similar charges in Stockholm cut traffic"
                                     or _states_a_figure(out, i) and t.low not in _KNOWN_NAMES) and not (
                nxt is not None and nxt.cap and nxt.word
            ):
                t.cap = False  # also "Turnout was ...": one capitalised word the document names nowhere else
            t.unproven = t.cap and _unproven_name(t, base, nxt, caps)
        break
    _month_surnames(out)
    _bare_titles(out)
    return out


_BARE_TITLES = frozenset("mr mrs ms dr".split())


def _bare_titles(toks: list[_Tok]) -> None:
    """"Dr Ana Ruiz", "Mr Hale": a title written without its full stop (British style)
    before a capitalised word is part of the name, as "Dr. Ana Ruiz" is."""
    for i in range(len(toks) - 1):
        t, nxt = toks[i], toks[i + 1]
        if t.cap and t.low in _BARE_TITLES and nxt.cap and nxt.word and nxt.start == t.end + 1 \
                and nxt.low not in CAP_STOP:
            t.title = True


# adjectives that open a sentence before its noun and are no name: "Similar charges ...", "Such cuts ..."
_OPENING_ADJECTIVES = frozenset("similar such other further recent previous earlier separate official annual "
                                "typical overall average many most several few".split())
_AUX_AFTER = frozenset("were are have had will would could can may must might".split())


def _modifies_the_subject(toks: list[_Tok], i: int) -> bool:
    """The word at toks[i] opens the sentence before a lower-case plural noun and its verb: a
    modifier of the subject ("Bank details were not taken", "Court fees have risen"), not a name."""
    if i + 2 >= len(toks):
        return False
    noun, verb = toks[i + 1], toks[i + 2]
    return noun.word and not noun.cap and noun.low.endswith("s") and not noun.low.endswith("ss") \
        and noun.low not in _AUX_AFTER and noun.low not in ("was", "is", "has", "does", "its", "his", "this", "thus") \
        and (verb.low in _AUX_AFTER or verb.low.endswith("ed"))  # (not "The review was published")


def _unproven_name(t: _Tok, base: str, nxt: _Tok | None, caps: set[str]) -> bool:
    """A capitalised first word before a lower-case word, which the document never
    capitalises inside a sentence and no list knows for a name ("Average household size
    shrank", "Typical rents rose"): it may be a name, but it is no antecedent until the
    document shows it is one."""
    return base not in caps and t.low not in _KNOWN_NAMES and nxt is not None and nxt.word and not nxt.cap


def _month_surnames(toks: list[_Tok]) -> None:
    """A capitalised month's name right after a first name, and not before a figure, is
    a surname: "Theresa May said", "Brian May" (not "in May 2024", "Friday, May 5")."""
    for i in range(1, len(toks)):
        t, p = toks[i], toks[i - 1]
        if t.cap and t.low in MONTHS and p.cap and p.word and p.low not in CAP_STOP and p.low not in MONTHS \
                and not p.text.isupper() and not (i + 1 < len(toks) and toks[i + 1].text[:1].isdigit()):
            t.surname = True


_BASE = re.compile(r"['’]")


def _is_name_tok(t: _Tok) -> bool:
    if not (t.cap and t.word):
        return False
    if len(t.text) >= 2 and t.text.isupper() and t.text.isalpha():
        return True  # WHO, KCNA, NATO
    return t.surname or t.title or (t.low not in CAP_STOP and t.low.rstrip(".") not in MONTHS)


_FIGURE_COMPOUND = re.compile(r"[\d,.]+-[a-z]+")


def _figure_compound(word: str) -> bool:
    """A figure glued to a noun that modifies another: "1,140-page", "300-seat"."""
    return bool(_FIGURE_COMPOUND.fullmatch(word))


def _possessive(t: _Tok) -> bool:
    return t.low.endswith(("'s", "’s"))
