"""One claim, many appearances; and figures that disagree.

Two numeric claims from different documents are compared when they count or measure the
same unit. Their *signature* is the content words of the concept and of the words around
the figure, crudely stemmed, with the common words for deaths, injuries and money folded
together; their *topic* is the capitalised words of the sentence and the words of the
document's title (the event both stories are about). They are about the same thing when
they share two signature words (a fifth of all), or one signature word and one topic
word. Then:

- ``same``: the values agree, allowing for rounding (within 1 %), an approximation
  (``about``: within 5 %) or a bound (``more than 40,000`` holds for 41,000, within 10 %);
- ``update``: the values differ, but the later document's figure is larger for a running
  total (died, killed, cases, toll, so far, ...) or is itself a change (rose, fell): a later
  figure in a series, not a contradiction;
- ``conflict``: otherwise — the documents disagree.

Two figures of the same document are compared too, more strictly (:func:`relate_within`):
they conflict when they measure the same thing and disagree; they are never "same" (a
document repeating its figure is not a second appearance) nor an "update".

Measured on a gold set of sentence pairs in ``bench/grouping.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import datetime

from ledger.workflow import units

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STOP = frozenset(
    "a an the of in on at to for from by with and or but as is are was were be been being has have had "
    "that this these those it its their his her they them he she we you i our your said says say told "
    "about around nearly some more than over at least under up fewer less least most almost roughly "
    "approximately estimated than which who whom whose what when where while also just only there here "
    "into onto upon per all any each other such not no nor so very would will could should may might can "
    "after before since until during according officials official reported report reports according new now "
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday today yesterday week year month day last next this".split()
)
_FOLD = {
    "died": "death", "dead": "death", "death": "death", "deaths": "death", "killed": "death", "kill": "death",
    "killing": "death", "fatalities": "death", "fatality": "death", "lives": "death", "perished": "death",
    "injured": "injury", "wounded": "injury", "injuries": "injury", "hurt": "injury",
    "spent": "spend", "spending": "spend", "cost": "spend", "costs": "spend", "budget": "spend",
    "massed": "deploy", "deployed": "deploy", "stationed": "deploy", "amassed": "deploy", "gathered": "deploy",
    "border": "border", "frontier": "border", "toll": "death",
}
# a bare number ("the toll rose to 207") may be the same count as a counted figure,
# but never a sum of money, a rate or a measurement
_MEASURES = frozenset(
    "dollar euro pound sterling yen yuan rupee franc percentage percent point metre kilometre mile foot inch "
    "kilogram gram tonne ton litre gallon hectare acre degree celsius fahrenheit hour minute second day week "
    "month year".split())
_RUNNING = re.compile(
    r"\b(died|dead|deaths?|killed|toll|cases|infections?|total|so far|to date|cumulative|have risen|has risen|"
    r"climbed|reached|now stands?|(?:has|have|had) (?:now|risen)|risen to|rose to|"
    r"since the (?:\w+ )?(?:outbreak|start|beginning|invasion|war|pandemic|crisis|conflict|disaster|storm|quake|"
    r"earthquake|fire|flood|flooding|epidemic|attack|attacks))\b", re.I)


# a later report that says its figure moved or is final: "has fallen to 22", "final results
# give", "revised", "has expanded its recall to": an update whichever way it went
_REVISED = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:now\s+)?(?:\w+\s+)?(?:risen|fallen|dropped|climbed|grown|increased|decreased|"
    r"declined|expanded|widened|narrowed)|revised|final (?:results?|count|tally|figures?)|updated)\b", re.I)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    w = word.lower().strip("'’-")
    for possessive in ("'s", "’s"):
        if w.endswith(possessive):
            w = w[:-2]
    if w in _FOLD:
        return _FOLD[w]
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def _content(words, sentence_start: bool = False) -> set[str]:
    """Stemmed content words, leaving out names (capitalised words inside a sentence),
    which say which story it is, not what is counted: they go to the topic."""
    out = set()
    for w in words:
        if w.lower() in _STOP or (w[0].isupper() and not sentence_start):
            continue
        out.add(_stem(w))
    return out


def signature(sentence: str, q_start: int, q_end: int, concept: str | None, unit: str | None) -> frozenset[str]:
    """Content words that say what a figure is about (offsets relative to ``sentence``)."""
    words = _content(_WORD.findall(concept or ""), sentence_start=True)
    before = list(_WORD.finditer(sentence[max(0, q_start - 60):q_start]))[-5:]
    base = max(0, q_start - 60)
    for m in before:
        words |= _content([m.group()], sentence_start=base + m.start() == 0)
    words |= _content(_WORD.findall(sentence[q_end:q_end + 80])[:7])
    if unit:
        words.discard(_stem(unit))
    return frozenset(words)


@dataclass(frozen=True, slots=True)  # slots: a writer keeps tens of thousands in memory
class Figure:
    """What matching needs to know of a numeric claim."""

    value: float
    unit: str | None
    change: str | None
    signature: frozenset[str]
    published: datetime | None
    document_id: int
    sentence: str = ""
    topic: frozenset[str] = frozenset()
    running: bool | None = None  # whether the sentence speaks of a running total; None: read it from sentence
    converted: bool = False  # the value was converted from another unit of its dimension (workflow/units.py)


def runs(sentence: str) -> bool:
    """Whether a sentence speaks of a running total (died, cases, so far, ...), where a
    later, larger figure is an update rather than a contradiction."""
    return bool(_RUNNING.search(sentence))


def _running(f: Figure) -> bool:
    return f.running if f.running is not None else runs(f.sentence)


def topic_words(sentence: str, title: str | None) -> frozenset[str]:
    """Words naming the event: the sentence's capitalised words (not its first) and the title's."""
    words = {_stem(w) for w in _WORD.findall(title or "") if w.lower() not in _STOP and len(w) > 2}
    for m in list(_WORD.finditer(sentence))[1:]:
        w = m.group()
        if w[0].isupper() and w.lower() not in _STOP:
            words.add(_stem(w))
    return frozenset(words)


def similar(a: Figure, b: Figure) -> bool:
    """Two shared content words (a fifth of all), or one and a shared name or title word."""
    shared = a.signature & b.signature
    union = a.signature | b.signature
    if not union or not shared:
        return False
    if len(shared) >= 2 and len(shared) / len(union) >= 0.2:
        return True
    return bool(a.topic & b.topic)


# ---- what makes two similar sentences two claims: another period, another place, an aim

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTH = re.compile(r"\b(january|february|march|april|june|july|august|september|october|november|december)\b", re.I)
_QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th|final)[ -](quarter|half)\b|\b(q[1-4]|h[12])\b",
                      re.I)
_PLACE = re.compile(r"\b(?:in|at|of|across|near)\s+((?:[A-Z][\w'’-]+\s?){1,3})")
_AIM = re.compile(
    r"\b(hopes?|hoping|aims?|aiming|target|goal|plans? to|planned to|wants? to|would like|expects? to|seeks? to|"
    r"not worth|unrealistic|not enough|too (?:little|much|small|low|high)|far short|insufficient|a waste|wasteful)\b",
    re.I)


def periods(sentence: str, value: float) -> dict[str, frozenset[str]]:
    """The years, months and quarters (or halves) a sentence names, its own figure aside."""
    quarters = frozenset(" ".join(x for x in m if x).lower() for m in _QUARTER.findall(sentence))
    return {"year": frozenset(y for y in _YEAR.findall(sentence) if float(y) != value),
            "month": frozenset(m.lower() for m in _MONTH.findall(sentence)), "quarter": quarters}


def other_periods(a: Figure, b: Figure) -> bool:
    """Both figures are dated by years (or months, or quarters), none in common: "6.1
    percent in 2022" and "6.1 percent in 2023", "in March" and "in April", "the first
    quarter" and "the second" are two claims, neither the same nor in conflict."""
    pa, pb = periods(a.sentence, a.value), periods(b.sentence, b.value)
    return any(pa[k] and pb[k] and not pa[k] & pb[k] for k in pa)


def places(sentence: str) -> frozenset[str]:
    """Names after a preposition of place: "in Kerala", "the mayor of Bergen", "at Skipsea";
    each word of a name ("in Zambia's Lusaka province" places it in Zambia and Lusaka), and
    never a month or a day ("in March" is a time)."""
    return frozenset(_stem(w) for m in _PLACE.findall(sentence) for w in m.split()
                     if w[:1].isupper() and w.lower().rstrip("'’s") not in _STOP and w.lower() not in _STOP)


def other_places(a: Figure, b: Figure) -> bool:
    """Both figures are placed by name, in no place in common, and neither sentence names
    the other's place anywhere: "killed 12 people in Kerala" and "killed 12 people in
    Assam" are two claims about two places ("120 cases of Ebola" and "Ebola cases in
    Uganda" are not: "of Ebola" named no place)."""
    pa, pb = places(a.sentence), places(b.sentence)
    if not pa or not pb or pa & pb:
        return False
    return not pa & _all_words(b.sentence) and not pb & _all_words(a.sentence)


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z][\w'’-]*")
_OPPOSED = (("northern", "southern"), ("eastern", "western"), ("north", "south"), ("east", "west"),
            ("upper", "lower"), ("inner", "outer"), ("men's", "women's"), ("boys", "girls"), ("domestic", "foreign"),
            ("public", "private"), ("urban", "rural"), ("imports", "exports"), ("import", "export"))


_FIRST_OWNER = re.compile(r"^\W*([A-Z][a-z][\w-]*)['’]s\b")


def names(sentence: str) -> frozenset[str]:
    """The proper names inside a sentence, possessives dropped; its first word only when it
    owns something ("Edinburgh's council"): a capitalised first word is mostly no name."""
    found = {_stem(m) for m in _NAME.findall(sentence) if m.lower() not in _STOP}
    first = _FIRST_OWNER.match(sentence)
    if first and first.group(1).lower() not in _STOP:
        found.add(_stem(first.group(1)))
    return frozenset(found)


_OWNER = re.compile(r"\b(?:[Tt]he|[Aa]|[Ii]ts|[Tt]heir)\s+([a-z]+)['’]s\s+[a-z]")


def owners(sentence: str) -> frozenset[str]:
    """Common nouns that own the thing counted: "the county's emergency fund", "the
    state's budget"."""
    return frozenset(_stem(m) for m in _OWNER.findall(sentence) if m not in _STOP)


def other_owners(a: Figure, b: Figure) -> bool:
    """Both sentences say whose the thing is, and no owner is the same: "the county's
    emergency fund" and "the state's emergency fund" are two funds."""
    oa, ob = owners(a.sentence), owners(b.sentence)
    return bool(oa) and bool(ob) and not oa & ob


def _alike(x: str, y: str) -> bool:
    """The same name, or one name and its demonym ("russia", "russian"; "portugal", "portuguese")."""
    n = min(len(x), len(y))
    return x == y or (n >= 5 and x[:5] == y[:5] and x[:n - 1] == y[:n - 1]) or (n >= 6 and x[:6] == y[:6])


def other_names(a: Figure, b: Figure) -> bool:
    """Both sentences name someone or somewhere, and neither names anything the other
    mentions: "tuition at Carlow University" and "Brennan College said its tuition" are two
    claims about two colleges. A demonym matches its country ("Russia", "Russian")."""
    na, nb = names(a.sentence), names(b.sentence)
    if not na or not nb:
        return False
    wa, wb = _all_words(a.sentence), _all_words(b.sentence)  # a name may open the other sentence
    return not any(_alike(x, y) for x in na for y in wb) and not any(_alike(y, x) for y in nb for x in wa)


def _all_words(sentence: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(sentence))


def opposed(a: Figure, b: Figure) -> bool:
    """One sentence says "northern", the other "southern" (imports/exports, men's/women's,
    public/private ...): the same figure of two opposite things."""
    wa, wb = set(_WORD.findall(a.sentence.lower())), set(_WORD.findall(b.sentence.lower()))
    return any((x in wa and y in wb and x not in wb and y not in wa) or (y in wa and x in wb and y not in wb and x not in wa)
               for x, y in _OPPOSED)


def one_is_an_aim(a: Figure, b: Figure) -> bool:
    """One sentence states the figure, the other an aim or a judgement of it ("hope to
    raise $1.5 million", "not worth £90 million", "the target of 5,000 homes"): two
    assertions, so never one claim."""
    return bool(_AIM.search(a.sentence)) != bool(_AIM.search(b.sentence))


def _agree(a: Figure, b: Figure) -> bool:
    hi, lo = max(abs(a.value), abs(b.value)), min(abs(a.value), abs(b.value))
    if hi == 0:
        return True
    diff = (hi - lo) / hi
    if diff <= (units.CONVERTED_TOLERANCE if a.converted or b.converted else 0.01):
        return True
    changes = {a.change or "=", b.change or "="}
    if "~" in changes and diff <= 0.05:
        return True
    for bound, other in ((a, b), (b, a)):
        if bound.change == ">" and other.value >= bound.value and diff <= 0.10:
            return True
        if bound.change == "<" and other.value <= bound.value and diff <= 0.10:
            return True
    return False


# counted nouns that all count people, whoever they are: "residents" and "people" may count one crowd
_PEOPLE = frozenset("person people resident inhabitant individual civilian citizen local".split())


def is_count(unit: str | None) -> bool:
    """Whether a unit counts things (``troop``, ``measles case``), not a sum of money, a
    rate or a measure; a bare number counts too."""
    return unit is None or unit.split()[-1] not in _MEASURES


def units_match(a: str | None, b: str | None) -> bool:
    """Same unit, or the same counted head noun ("measles case" and "case"), or a bare
    number beside a count of things."""
    if a is None and b is None:
        return False
    if a is None or b is None:
        unit = (a or b).split()[-1]
        return unit not in _MEASURES
    if a.split(" per ")[0] == b or b.split(" per ")[0] == a:
        return True  # "$9,800 a year" and "$9,800": the rate's amount
    if a.split()[-1] in _PEOPLE and b.split()[-1] in _PEOPLE:
        return True  # "18,000 residents" and "18,000 people"
    if "unit" in (a, b) and is_count(a) and is_count(b):
        return True  # "60,000 space heaters" and "185,000 units": a unit counts the things named
    return a == b or a.split()[-1] == b.split()[-1]


def in_units_of(a: Figure, b: Figure) -> Figure | None:
    """``b`` given in ``a``'s unit, when the two are units of one dimension (6 feet as 1.83
    metres); None otherwise."""
    f = units.factor(a.unit, b.unit)
    return None if f is None else replace(b, value=b.value * f, unit=a.unit, converted=True)


def relate(a: Figure, b: Figure) -> str | None:
    """How ``b`` relates to ``a``: "same", "update", "conflict", or None (unrelated).
    Figures in two units of one dimension are compared converted (within 3 %)."""
    if a.document_id == b.document_id:
        return None
    if not units_match(a.unit, b.unit):
        b = in_units_of(a, b)
        if b is None:
            return None
    if {a.change, b.change} & {"up", "down"} and a.change != b.change:
        return None  # a change and a level are different quantities
    if not similar(a, b) or other_places(a, b) or other_names(a, b) or opposed(a, b) or other_owners(a, b):
        return None
    other_time = other_periods(a, b)  # a later figure of a series may name a later month
    if _agree(a, b):
        return None if other_time or one_is_an_aim(a, b) else "same"
    if a.published and b.published and a.published.date() != b.published.date():
        earlier, later = (a, b) if a.published < b.published else (b, a)
        running = _running(earlier) or _running(later)
        if (running and later.value > earlier.value) or {a.change, b.change} & {"up", "down"} \
                or _REVISED.search(later.sentence):
            return "update"
    if other_time:
        return None
    for bound, other in ((a, b), (b, a)):  # "at least 11" and "14" do not contradict each other
        if (bound.change == ">" and other.value >= bound.value) or (bound.change == "<" and other.value <= bound.value):
            return None
    return "conflict"


WITHIN_OVERLAP = 0.5  # share of their content words two figures of one document must have in common


def relate_within(a: Figure, b: Figure) -> str | None:
    """Two figures of one document: "conflict" when they count or measure the same thing
    (the same unit, at least two content words and half of all in common: the document's
    own names and title are shared by every figure, so they do not count here) and their
    values disagree; otherwise None. A change or a running total is a series, not a
    contradiction, and a bound that the other value satisfies agrees with it."""
    if not units_match(a.unit, b.unit) or {a.change, b.change} & {"up", "down"} or a.running or b.running:
        return None
    shared, union = a.signature & b.signature, a.signature | b.signature
    if len(shared) < 2 or len(shared) / len(union) < WITHIN_OVERLAP or _agree(a, b):
        return None
    for bound, other in ((a, b), (b, a)):
        if (bound.change == ">" and other.value >= bound.value) or (bound.change == "<" and other.value <= bound.value):
            return None
    return "conflict"


def candidate_range(value: float) -> tuple[float, float]:
    """Values worth comparing with ``value`` (an index range query)."""
    lo, hi = sorted((value / 1.6, value * 1.6))
    return lo, hi
