"""Check-worthiness: a transparent score of how much a sentence is worth checking first.

The score is a weighted sum of named features (a logistic regression's logit: higher means
check first). Each feature is a general statement about checkable sentences, written for
the project, never a list mined from any benchmark:

- **figures**: a quantity the extractor reads, by kind (money, percent or rate, a count);
  a duration or span of time (`two more weeks`, `a 42-year history`) counts less;
- **comparisons and superlatives** (`more than`, `highest`, `doubled`), **absolutes**
  (`never`, `every`, `the first time`);
- **named entities** (capitalised words inside the sentence), **policy topics** (economy,
  health, security, ... : a lexicon of general categories);
- **causal** (`because`, `led to`) and **statistical** (`rate`, `average`, `poll`) language;
- **the record**: past-tense facts and the verbs of a public record (`voted`, `signed`);
- against: **promises** (`will`, `going to`), **opinions** (`I think`, `we need`),
  **questions**, **courtesies** (`thank you`), **hedges** (`may`, `perhaps`), very short
  sentences;
- **importance**: who said it (a named source, an official: stated weights, ``PRIORS``; in a transcript a speaker who mostly asks
  questions is moderating). Repetition and conflicts across documents are added by the
  ledger as links arrive (``ledger.workflow.worthiness.link_bonus``).

The weights live in ``worthiness_weights.json`` (fitted by ``bench/fit_worthiness.py`` on
debate transcripts, cross-validated by debate; the file says how). :func:`explain` lists the
features that contributed to a score, largest first: what `ledger show` prints.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from ledger.extract.types import Quantity

WEIGHTS_FILE = Path(__file__).with_name("worthiness_weights.json")


def _words(*items: str) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(items) + r")\b", re.I)


# ------------------------------------------------------------------ lexicons (general categories)

COMPARATIVE = _words(
    r"more than", r"less than", r"fewer than", r"higher", r"lower", r"larger", r"smaller", r"bigger",
    r"greater", r"faster", r"slower", r"cheaper", r"twice", r"doubled?", r"tripled?", r"halved",
    r"compared (?:to|with)", r"than")
SUPERLATIVE = _words(
    r"most", r"least", r"biggest", r"largest", r"highest", r"lowest", r"greatest", r"worst", r"best",
    r"record", r"fastest", r"slowest", r"richest", r"poorest", r"number one", r"top")
ABSOLUTE = _words(
    r"never", r"always", r"every", r"all", r"nobody", r"none", r"no one", r"only", r"ever",
    r"first time", r"first", r"last")
CAUSAL = _words(
    r"because", r"caused?", r"causing", r"led to", r"leads? to", r"result(?:ed|s)? in", r"as a result",
    r"due to", r"thanks to", r"blamed?", r"responsible for", r"therefore", r"so that")
STATISTICAL = _words(
    r"percent", r"per cent", r"percentage", r"rate", r"rates", r"average", r"median", r"majority",
    r"half", r"third", r"quarter", r"million", r"billion", r"trillion", r"per capita", r"poll", r"polls",
    r"survey", r"statistics", r"data", r"study", r"studies", r"report", r"numbers?", r"per year",
    r"a year", r"each year", r"annual")
TOPIC = _words(
    r"tax(?:es)?", r"jobs?", r"unemployment", r"employment", r"economy", r"economic", r"deficit", r"debt",
    r"budget", r"spending", r"wages?", r"income", r"salary", r"trade", r"tariffs?", r"gdp", r"inflation",
    r"prices?", r"costs?", r"dollars?", r"health ?care", r"insurance", r"medicare", r"medicaid", r"hospitals?",
    r"social security", r"pensions?", r"crime", r"murders?", r"police", r"guns?", r"immigra(?:nts?|tion)",
    r"border", r"refugees?", r"oil", r"energy", r"coal", r"gas", r"climate", r"emissions", r"schools?",
    r"education", r"students?", r"college", r"tuition", r"military", r"troops", r"soldiers", r"veterans",
    r"war", r"terroris[mt]s?", r"nuclear", r"weapons?", r"sanctions", r"country", r"countries", r"nation",
    r"states?", r"government", r"federal", r"congress", r"senate", r"laws?", r"bill", r"regulations?",
    r"companies", r"businesses", r"banks?", r"wall street", r"workers", r"families", r"poverty", r"taxpayers")
RECORD = _words(
    r"voted", r"votes?", r"passed", r"signed", r"vetoed", r"supported", r"opposed", r"endorsed",
    r"cut", r"raised", r"increased", r"decreased", r"reduced", r"created", r"lost", r"built", r"spent",
    r"paid", r"funded", r"approved", r"rejected", r"introduced", r"sponsored", r"went up", r"went down",
    r"grew", r"fell", r"rose", r"dropped", r"killed", r"died", r"invaded", r"closed", r"shipped")
PAST = _words(r"was", r"were", r"had", r"did", r"has been", r"have been", r"ago", r"last year", r"since",
              r"\w{3,}ed")
PRESENT_FACT = _words(r"is", r"are", r"has", r"have", r"there (?:is|are)")
PROMISE = _words(
    r"will", r"\w+'ll", r"going to", r"gonna", r"plan to", r"promise", r"i'm going", r"we're going",
    r"would", r"intend", r"pledge")
OPINION = _words(
    r"i think", r"i believe", r"i feel", r"in my (?:opinion|view)", r"i want", r"we need", r"we must",
    r"we should", r"should", r"ought", r"i hope", r"great", r"wonderful", r"terrible", r"horrible",
    r"disaster", r"amazing", r"beautiful", r"love", r"hate", r"frankly", r"believe me", r"honestly")
COURTESY = _words(r"thank(?:s| you)", r"welcome", r"good (?:evening|morning|night|afternoon)", r"congratulations",
                  r"appreciate", r"okay", r"ok", r"yes", r"no", r"well", r"please")
HEDGE = _words(r"may", r"might", r"could", r"reportedly", r"allegedly", r"possibly", r"perhaps", r"apparently",
               r"probably", r"maybe", r"about", r"around", r"roughly", r"nearly", r"almost")
SECOND_PERSON = _words(r"you", r"your")
FIRST_PERSON = _words(r"i", r"me", r"my")
NEGATION = re.compile(r"\b(?:not|no|never|nobody|nothing)\b|n't\b", re.I)
OFFICIAL = _words(
    r"minister", r"president", r"secretary", r"spokes(?:man|woman|person)", r"official", r"governor", r"mayor",
    r"senator", r"representative", r"chief", r"director", r"commissioner", r"police", r"ministry", r"department",
    r"agency", r"government", r"white house", r"prime", r"chancellor", r"ambassador", r"general", r"attorney",
    r"judge", r"court", r"council", r"congress", r"parliament", r"king", r"queen", r"ceo", r"chair(?:man|woman)?")
_GENERIC = re.compile(r"^(the )?(officials?|analysts?|experts?|residents?|witnesses|sources?|critics|observers|"
                      r"authorities|police|people|others|some|many|they|he|she|it)$", re.I)
_DIGIT = re.compile(r"\d")
_DATE = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b|\b(?:January|February|March|April|June|July|August|September|"
                   r"October|November|December)\b")
_NUMBER_WORD = _words(r"one", r"two", r"three", r"four", r"five", r"six", r"seven", r"eight", r"nine", r"ten",
                      r"eleven", r"twelve", r"twenty", r"thirty", r"forty", r"fifty", r"hundreds?", r"thousands?",
                      r"dozens?", r"millions?", r"billions?", r"trillions?")
_CAPITAL = re.compile(r"(?<=[a-z,;:]\s)(?:[A-Z][a-z]+|[A-Z]{2,})\b")
_WORD = re.compile(r"[A-Za-z0-9']+")

# ------------------------------------------------------------------ quantity kinds

_MONEY_UNITS = re.compile(r"\b(?:dollars?|euros?|pounds?|yen|yuan|rupees?|francs?|pesos?|won|roubles?|rubles?|reals?|"
                          r"kronas?|kronor|krone|cents?|[A-Z]{3})\b")
_RATE_UNITS = {"percent", "percentage point", "basis point", "per cent"}
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "time",
               "night", "weekend", "season", "term"}


def quantity_kind(q: Quantity | None) -> str | None:
    """money, rate, duration (a span of time) or count; None without a quantity."""
    if q is None:
        return None
    unit = (q.unit or "").lower()
    if _MONEY_UNITS.search(q.unit or ""):
        return "money"
    if unit in _RATE_UNITS or unit.startswith("percent") or unit.endswith("per capita") or "/" in unit:
        return "rate"
    if unit.split("-")[0] in _TIME_UNITS or unit.rstrip("s") in _TIME_UNITS:
        return "duration"
    return "count"


# ------------------------------------------------------------------ the features


def features(text: str, *, quantity: Quantity | None = None, has_quantity: bool | None = None,
             speaker: str | None = None, role: str | None = None, asks: float = 0.0) -> dict[str, float]:
    """The named features of one claim's sentence (1.0 when present; a few are graded).

    ``quantity``: the claim's own figure (its kind counts); ``has_quantity``: the sentence
    holds a figure at all (default: whether ``quantity`` is given); ``asks``: in a
    transcript, the share of the speaker's sentences that are questions."""
    lowered = text.strip()
    n_words = len(_WORD.findall(lowered))
    kind = quantity_kind(quantity)
    holds = (quantity is not None) if has_quantity is None else has_quantity
    f: dict[str, float] = {}
    _set(f, "figure", holds)
    _set(f, f"figure: {kind}", kind is not None)
    _set(f, "digits or number words", not holds and bool(_DIGIT.search(lowered) or _NUMBER_WORD.search(lowered)))
    _set(f, "date or year", bool(_DATE.search(lowered)))
    _set(f, "comparison", bool(COMPARATIVE.search(lowered)))
    _set(f, "superlative", bool(SUPERLATIVE.search(lowered)))
    _set(f, "absolute", bool(ABSOLUTE.search(lowered)))
    _set(f, "causal", bool(CAUSAL.search(lowered)))
    _set(f, "statistical", bool(STATISTICAL.search(lowered)))
    _set(f, "policy topic", min(3, len(TOPIC.findall(lowered))) / 3)
    _set(f, "named entities", min(3, len(_CAPITAL.findall(lowered))) / 3)
    _set(f, "public record", bool(RECORD.search(lowered)))
    _set(f, "past tense", bool(PAST.search(lowered)))
    _set(f, "present fact", bool(PRESENT_FACT.search(lowered)))
    _set(f, "promise", bool(PROMISE.search(lowered)))
    _set(f, "opinion", bool(OPINION.search(lowered)))
    _set(f, "question", lowered.endswith("?"))
    _set(f, "courtesy", n_words <= 8 and bool(COURTESY.search(lowered)))
    _set(f, "hedge", bool(HEDGE.search(lowered)))
    _set(f, "addresses you", bool(SECOND_PERSON.search(lowered)))
    _set(f, "speaks of self", bool(FIRST_PERSON.search(lowered)))
    _set(f, "negation", bool(NEGATION.search(lowered)))
    _set(f, "short (under 6 words)", n_words < 6)
    _set(f, "long (over 25 words)", n_words > 25)
    named = bool(speaker) and not _GENERIC.match((speaker or "").strip()) and (speaker or "")[:1].isupper()
    _set(f, "named speaker", named)
    _set(f, "named official", bool(speaker) and bool(role or OFFICIAL.search(speaker or "")))
    _set(f, "speaker mostly asks", asks)
    return f


def _set(f: dict[str, float], name: str, value: float | bool) -> None:
    if value:
        f[name] = float(value)


FEATURE_NAMES = (
    "figure", "figure: money", "figure: rate", "figure: count", "figure: duration", "digits or number words",
    "date or year", "comparison", "superlative", "absolute", "causal", "statistical", "policy topic", "named entities",
    "public record", "past tense", "present fact", "promise", "opinion", "question", "courtesy", "hedge",
    "addresses you", "speaks of self", "negation", "short (under 6 words)", "long (over 25 words)",
    "speaker mostly asks",
)
# Features a transcript cannot show (its speaker is the turn's, never a source named in the
# sentence): their weights are stated, not fitted. A claim whose source is named can be put to
# that source; an official's claim matters more. The sizes are the queue's earlier ones.
PRIORS = {"named speaker": 0.5, "named official": 0.5}


# ------------------------------------------------------------------ the score


@lru_cache(maxsize=1)
def model() -> tuple[float, dict[str, float]]:
    """(bias, weights) from the package's weights file."""
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return float(data["bias"]), {k: float(v) for k, v in data["weights"].items()}


def score(f: dict[str, float]) -> float:
    """The features' weighted sum (a logit; finite, rounded to 3 decimals)."""
    bias, weights = model()
    total = bias + sum(weights.get(name, 0.0) * value for name, value in f.items())
    return round(total, 3) if math.isfinite(total) else 0.0


def explain(f: dict[str, float]) -> list[tuple[str, float]]:
    """The features that moved the score, with their contributions, largest first."""
    _, weights = model()
    parts = [(name, round(weights.get(name, 0.0) * value, 2)) for name, value in f.items()]
    return sorted((p for p in parts if p[1]), key=lambda p: -abs(p[1]))


def claim_worthiness(sentence: str, quantity: Quantity | None, has_quantity: bool, speaker) -> float:
    """The score of an article's claim (its sentence, its own figure, its speaker)."""
    return score(features(sentence, quantity=quantity, has_quantity=has_quantity,
                          speaker=speaker.name if speaker else None, role=speaker.role if speaker else None))
