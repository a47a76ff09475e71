"""What is measured or counted: the currency written before a number (``_cur_prefix``),
the unit after it (``_unit_after``: %, currencies, physical units, ages, hyphenated
compounds), rates ("$70 a barrel", "per share": ``_per_suffix``) and the counted noun
of a bare number (``_counted_noun``: "41,000 troops"). A new unit word goes in
``numbers_units.py``; a new rule for reading a unit or a counted noun goes here.
"""
from __future__ import annotations

import re

from ledger.extract.numbers_units import (
    ABBR_SCALES, ADJ, CROWNS, CURRENCY_ADJ, CURRENCY_PREFIX, CURRENCY_WORDS, GLUED_ONLY, MONTHS, PERCENT,
    IRREGULAR_PLURAL, SCALES, SMALL, STOP, TENS, TIME_UNITS, UNITS, UNITS_CASED,
)
from ledger.extract.unit_registry import exact_symbols
from ledger.extract.numbers.limits import _whole
from ledger.extract.numbers.tokens import _DASHES, _Reading, _Toks, _emit, _tok_at
from ledger.extract.numbers.words import _figure, _is_plural, _singular
from ledger.extract.numbers.change import _change_before


_CUR_BEFORE = re.compile(
    r"(?:\b(US|U\.S\.|A|AU|C|CA|CDN|NZ|HK|S|R)\s?)?([$£€¥₹₪₩₽])\s?$"
    r"|\$\s?(US|A|AU|NZ|C|CA|HK|S)\s?$"
    r"|(?<![A-Za-z])(PS|Y=)$"
    r"|\b(USD|EUR|GBP|JPY|CNY|RMB|AUD|CAD|INR|Rs\.?|RM|CHF|NIS|HKD|SGD|NZD|ZAR|KRW|MYR|BRL)\s?$"
)


_AGE_CUES = {"aged", "age", "ages"}


_AGE_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days"}


_DETERMINED = frozenset("the these those its their his her our".split())  # a group named before: "Of the 240 chicks"
_PERSON_AFTER = {"killed", "injured", "dead", "died", "aboard", "wounded", "hurt", "arrested", "missing",
                 "survivors", "hospitalised", "hospitalized", "rescued", "evacuated", "fled", "survived",
                 "developed", "contracted", "drowned", "perished", "enrolled", "emigrated", "trapped",
                 "stranded", "detained", "unaccounted"}
# a state that people remain in: "11 remain trapped", "four are still missing", "12 were still missing"
# ("116 were injured" after "Two employees were killed" may be another group: not here)
_REMAIN = frozenset("remain remained remains".split())
_STILL_IN = frozenset("trapped missing stranded detained unaccounted".split())
_HELD_IN = frozenset("hospital custody detention prison jail care intensive".split())  # "three remained in hospital"


# nouns that are one with the "of" phrase after them: a head of state is no head
_OF_COMPOUNDS = frozenset({("heads", "state"), ("heads", "government"), ("chiefs", "staff"), ("prisoners", "war"),
                           ("heads", "department"), ("justices", "peace"), ("ministers", "state")})


def _others_hurt(t: _Toks, x: int) -> bool:
    """"Four others were hurt", "two others died": others than those counted, people by what
    befell them (the scan carries a count written before: "two workers ... four others")."""
    if t.lw(x) != "others":
        return False
    x += t.lw(x + 1) in ("were", "was", "are", "have", "had") and 1
    x += t.lw(x + 1) in ("been", "also", "later", "seriously", "badly", "slightly") and 1
    return t.lw(x + 1) in _PERSON_AFTER


def _still_in_a_state(t: _Toks, v: int) -> bool:
    """The verb at token v keeps the people just counted in a state: "remain trapped",
    "remained in hospital", "are still missing", "were still in custody" (not "were
    injured": a new event, maybe of another group)."""
    verb, x = t.lw(v), v + 1
    still = t.lw(x) == "still"
    x += still
    held = t.lw(x) == "in" and t.lw(x + 1) in _HELD_IN
    if verb in _REMAIN:
        return held or t.lw(x) in _PERSON_AFTER
    return verb in ("are", "were", "is", "was") and (t.lw(x) in _STILL_IN or held and still)


_VERBISH = {"come", "go", "live", "work", "die", "say", "make", "take", "get", "need", "want", "hold", "face",
            "remain", "stay", "join", "leave", "vote", "own", "run", "use", "see", "pay", "earn", "cost", "win",
            "lose", "play", "watch", "took", "made", "got", "left", "won", "lost", "ran", "saw", "gave", "came",
            "went", "fell", "rose", "put", "set", "cut", "hit", "became", "become", "seem", "appear"}
# words that are verbs and never the first part of a compound noun
_VERB_ONLY = {"find", "finds", "drew", "draw", "draws", "bring", "brings", "brought", "keep", "keeps", "kept",
              "meet", "meets", "met", "tell", "tells", "told", "bought", "sold", "built", "spent", "sent", "took",
              "made", "got", "gave", "came", "went", "fell", "rose", "became", "seem", "seems", "seemed",
              "appear", "appears", "appeared", "want", "wants", "wanted", "need", "needs", "needed", "think",
              "thought", "know", "knew", "believe", "believed", "went", "began", "begin", "begins",
              "faced", "suffered", "waited", "won", "saw", "received"}  # ("the remaining 15,700 faced delays")
# plurals of nouns spelled as verbs: a count of them unless an object follows ("a poll of 2,000 finds that ...")
_VERBS_AS_NOUNS = {"finds", "draws"}
_VERB_OBJECT_OPENERS = {"that", "the", "a", "an", "it", "its", "their", "his", "her", "no", "little", "few", "many",
                        "most", "some", "more", "support", "crowds"}
_LY_NOUNS = {"family", "ally", "rally", "belly", "fly", "supply", "assembly", "monopoly", "anomaly", "melly"}
# "-ly" words that are adjectives before a noun: "1,260 daily services", "12 weekly flights"
_LY_ADJECTIVES = {"daily", "weekly", "monthly", "yearly", "nightly", "hourly", "quarterly", "elderly", "deadly",
                  "costly", "early", "friendly", "likely", "lonely", "orderly", "unlikely"}
_COUNT_BLOCK = {"percent", "per", "am", "pm", "st", "nd", "rd", "th", "s"}


_PEOPLE = {"person", "child", "man", "woman", "adult", "kid", "teen", "teenager", "boy", "girl", "student", "pupil",
           "voter", "resident", "patient", "worker", "employee", "member", "citizen", "american", "youngster",
           "victim", "casualty", "pensioner", "infant", "baby", "girl", "people", "nurse", "staff", "crew", "midwife"}


_COMPARATIVE = {"newer", "older", "bigger", "smaller", "larger", "younger", "greater", "higher", "lower", "fewer",
                "earlier", "later", "longer", "shorter", "wider", "further", "farther"}


_MONEY = frozenset(CURRENCY_PREFIX.values()) | frozenset(CURRENCY_WORDS.values())
# time units after "/" that the unit table leaves out as too ambiguous alone: "km/s", "L/d"
_PER_LETTERS = {"s": "second", "d": "day"}
_NOT_RATE = {"earlier", "ago", "later", "before", "after", "previously", "prior", "on", "from", "in"}
_RATE_AFTER = {"that", "this", "then", "tax", "taxes", "costs", "inflation", "deductions"}


def _cur_prefix(t: _Toks, i: int, lo: int) -> tuple[str | None, int, bool]:
    """Currency written before token i: (unit, start offset of the quantity, negative)."""
    s = t.s[i]
    neg = False
    if i > 0 and (t.txt[i - 1] in _DASHES or t.txt[i - 1] == "−") and t.glued(i) and (
            i == 1 or not t.glued(i - 1) or t.txt[i - 2] in "$£€¥"):
        # "-5" or "$-50.8bn": a minus sign (not a range dash: that needs a number before)
        if not (i >= 2 and t.kind[i - 2] == 1 and t.glued(i - 1)):
            neg = True
            s = t.s[i - 1]
    window = t.text[max(lo, s - 10):s]
    m = _CUR_BEFORE.search(window)
    if m:
        if m.group(2):
            sym = m.group(2)
            pre = (m.group(1) or "").lower()
            begin = m.start()
            if pre == "a" and window[m.start(1)] == "A" and window[m.start(1) + 1:m.start(2)] != "":
                pre, begin = "", m.start(2)  # "A $3.4 million lawsuit": an article, not Australian dollars (A$)
            key = (pre + sym) if pre and pre not in ("us", "u.s.") else sym
            if pre in ("us", "u.s."):
                key = "us$"
            unit = CURRENCY_PREFIX.get(key) or CURRENCY_PREFIX.get(sym)
        elif m.group(3):
            g = m.group(3).lower()
            unit = CURRENCY_PREFIX["us$" if g == "us" else g + "$"]
        elif m.group(4):
            # '£' and '¥' mangled to 'PS' and 'Y=' by a lossy encoding
            unit = "pound sterling" if m.group(4) == "PS" else "japanese yen"
            if m.group(4) == "PS" and len(t.txt[i]) == 1 and t.lw(i + 1) not in ABBR_SCALES:
                return None, s, neg  # "PS5" is a games console
        else:
            unit = CURRENCY_PREFIX.get(m.group(5).lower().rstrip("."))
        return unit, s - (len(window) - (begin if m.group(2) else m.start())), neg
    if i > 0 and t.low[i - 1] == "minus" or (i > 1 and t.txt[i - 1] in _DASHES and t.low[i - 2] == "minus"):
        j = i - 1 if t.low[i - 1] == "minus" else i - 2
        if t.lw(j - 1) in ("or", "/") and t.lw(j - 2) == "plus":
            return None, t.s[j - 2], False  # a margin, no negative: "plus or minus 2.2 percentage points"
        return None, t.s[j], True
    return None, s, neg


def _count_past_a_measure(t: _Toks, j: int) -> str | None:
    """The noun a figure counts past the size of each written as an adjective: "168 million
    60-kilogram bags" are bags, "40 20-foot containers" containers. The size is read as a
    figure of its own, so the count's surface stops before it."""
    if not (j + 3 < t.n and t.kind[j] == 1 and not t.glued(j) and t.txt[j + 1] in _DASHES
            and t.glued(j + 1) and t.glued(j + 2) and t.low[j + 2] in UNITS and not t.glued(j + 3)):
        return None
    noun = t.low[j + 3]
    if t.kind[j + 3] != 2 or not t.txt[j + 3].islower() or not _is_plural(noun) or noun in STOP:
        return None
    return _singular(noun)


def _unit_after(t: _Toks, j: int, value: float, has_cur: bool, i0: int):
    """Unit written at token j: (unit, end index, kind) with kind in
    'pct' 'cur' 'phys' 'age' 'count' 'fold'; or (None, j, None)."""
    if j >= t.n:
        return None, j, None
    counted = _count_past_a_measure(t, j)
    if counted:
        return counted, j, "count"
    w = t.low[j]
    glued = t.glued(j)
    # percent
    if w == "%":
        return "percentage", j + 1, "pct"
    if glued and w in ("″", '"', "”", "′", "'", "’") and t.kind[j - 1] == 1 and t.txt[i0 - 1:i0] != [w] and \
            not (i0 > 0 and t.txt[i0 - 1] in ('"', "“", "'", "‘")) and (j + 1 >= t.n or not t.glued(j + 1)):
        return ("inch" if w in ("″", '"', "”") else "foot"), j + 1, "phys"  # 12.5″, 40'
    if w == "p" and t.kind[j - 1] == 1 and (glued or j + 1 >= t.n or t.kind[j + 1] == 3 or t.low[j + 1] == "at"):
        return "penny", j + 1, "cur"  # "250p", "down 12 p at 430 p"
    if glued and t.txt[j] in ("C", "F") and t.kind[j - 1] == 1:
        return ("celsius" if t.txt[j] == "C" else "fahrenheit"), j + 1, "phys"  # 40C, 104F
    if not glued and t.txt[j] in ("C", "F") and t.kind[j - 1] == 1 and -90 <= value <= 150 and (
            j + 1 >= t.n or t.kind[j + 1] == 3 or t.txt[j + 1].islower() and not _is_plural(t.low[j + 1])) \
            and not (j >= 2 and t.kind[j - 2] == 2 and t.txt[j - 2][0].isupper()):
        return ("celsius" if t.txt[j] == "C" else "fahrenheit"), j + 1, "phys"  # "highs of 38 C today"
    if glued and t.txt[j] == "c" and t.kind[j - 1] == 1:
        return "cent", j + 1, "cur"  # 50c
    if t.txt[j] == "Nm":
        return "newton metre", j + 1, "phys"
    if w == "m" and t.lw(j + 1) == "." and t.lw(j + 2) == "p" and t.lw(j + 4) == "h":
        return "mile per hour", j + 6 if t.lw(j + 5) == "." else j + 5, "phys"
    if w == "per" and t.lw(j + 1) == "cent":
        return "percentage", j + 2, "pct"
    if w in PERCENT:
        if t.lw(j + 1) in ("point", "points"):
            return "percentage point", j + 2, "pct"
        return "percentage", j + 1, "pct"
    # a suspended hyphen takes the unit of the next compound: "7- or 8-inch", "two- and three-bedroom"
    if w in _DASHES and glued and j + 1 < t.n and t.low[j + 1] in (",", "or", "and", "to"):
        for x in range(j + 2, min(j + 8, t.n - 2)):
            if (t.kind[x] == 1 or t.low[x] in SMALL or t.low[x] in TENS) and t.txt[x + 1] in _DASHES \
                    and t.glued(x + 1) and t.glued(x + 2) and t.kind[x + 2] == 2:
                u2, _, k2 = _unit_after(t, x + 1, value, has_cur, x)
                if u2 and k2 in ("phys", "count", "age"):
                    return u2, j + 1, k2
                break
    # hyphenated compounds: 14-year-old, 131-page, six-member, 18-fold, 6.1-inch
    if w in _DASHES and glued and j + 1 < t.n and t.kind[j + 1] == 2 and t.glued(j + 1):
        nw = t.low[j + 1]
        if nw in ("year", "month", "week", "day") and t.lw(j + 2) in _DASHES and t.lw(j + 3) == "old":
            return UNITS[nw], j + 4, "age"
        if nw == "in" and t.lw(j + 2) in _DASHES and t.glued(j + 2):
            return None, j, "skip"  # "a one-in-ten chance", "a one-in-a-hundred-year flood": odds, no inches
        if nw.endswith("ed") or (value == 1 and nw not in UNITS) or t.txt[j + 1][0].isupper():
            # "one-sided", "two-faced", "one-off", "7-Eleven", "3-Series"
            return None, j, "skip"
        if nw == "fold":
            return None, j + 2, "fold"
        if nw in ("plus", "odd"):
            return None, j + 2, nw
        if nw in SCALES or nw in SMALL or nw in TENS:
            return None, j, None
        joined = nw
        if t.lw(j + 2) in _DASHES and t.glued(j + 2) and j + 3 < t.n and t.glued(j + 3) and t.kind[j + 3] == 2:
            joined2 = nw + "-" + t.low[j + 3]
            for key in (joined2, nw + " " + t.low[j + 3]):  # "kilowatt-hour", "142,000-square-foot"
                if key in UNITS:
                    return UNITS[key], j + 4, "phys"
        if joined in UNITS:
            return UNITS[joined], j + 2, "phys"
        if joined in CURRENCY_WORDS:
            return CURRENCY_WORDS[joined], j + 2, "cur"
        if joined in STOP or joined in _COUNT_BLOCK:
            return None, j, None
        return _singular(joined), j + 2, "count"
    if t.kind[j] == 1:
        return None, j, None
    compound = _compound_unit(t, j)
    if compound is not None:
        return compound
    # multiword units first: "miles per hour", "degrees Celsius", "km/h", "square feet"
    for k in (3, 2):
        if j + k <= t.n:
            key = ""
            for x in range(j, j + k):
                if x > j and not t.glued(x):
                    key += " "
                key += t.low[x]
            if key in UNITS:
                return _as_spelled(key, UNITS[key]), j + k, "phys"
    if w in _AGE_UNITS and t.lw(j + 1) == "old":
        return UNITS[w], j + 2, "age"
    if w in _AGE_UNITS and t.lw(j + 1) in _DASHES and t.lw(j + 2) == "old":
        return UNITS[w], j + 3, "age"
    if w in ("year", "years") and t.lw(j + 1) == "of" and t.lw(j + 2) == "age":
        return "year", j + 3, "age"
    # "10.5 million Australian dollars", "200 US dollars", "5,000 Chinese yuan"
    for k in (2, 1):
        adj = " ".join(t.low[j:j + k])
        if adj in CURRENCY_ADJ and t.lw(j + k) in CURRENCY_WORDS:
            cw = CURRENCY_WORDS[t.low[j + k]]
            return (CURRENCY_ADJ[adj] + cw if " " not in cw else cw), j + k + 1, "cur"  # not "swiss swiss franc"
    if t.txt[j] in UNITS_CASED and not glued:
        return UNITS_CASED[t.txt[j]], j + 1, "phys"  # "0.4 WAR"
    if w in CROWNS and t.lw(j + 1) in ("crown", "crowns"):
        return CROWNS[w], j + 2, "cur"  # "7 million Danish crowns"
    # "1999 Miles": a capitalised word after a year is a name, not a unit
    if not glued and t.txt[j][:1].isupper() and t.txt[j][1:].islower() and 1000 <= value <= 2100 and _whole(value):
        return None, j, None
    if w in CURRENCY_WORDS and not (w == "won" or w == "pound" or w == "pounds") or \
            (w in ("pound", "pounds") and (not _weight_context(t) or _paid_by_the_time(t, j))):
        if w in ("cent", "cents") and has_cur:
            return None, j, None
        return CURRENCY_WORDS[w], j + 1, "cur"
    if w in ("pound", "pounds"):
        return "pound-mass", j + 1, "phys"
    if w == "second" and t.lw(j + 1) in _DASHES and t.glued(j + 1) and t.glued(j + 2):
        return None, j, None  # the ordinal of a compound: "16 second-hand tanks", "40 second-class stamps"
    if w in UNITS and UNITS[w] in TIME_UNITS and t.lw(j + 1) in _DASHES and t.glued(j + 1) and t.glued(j + 2) \
            and t.kind[j + 2] == 2 and _is_plural(t.low[j + 2]):
        return _singular(w + "-" + t.low[j + 2]), j + 3, "count"  # "310,000 day-trippers", "40 night-buses"
    if w in UNITS:
        measured = t.txt[j] in ("g", "t", "l") and t.lw(j + 1) == "of" and j + 2 < t.n and t.kind[j + 2] == 2 \
            and _stuff_word(t, j + 2)  # "95 g of CO2", "4 t of coal": a spaced letter before what it measures
        if w in GLUED_ONLY and not glued and not measured and not (
                t.txt[j] in ("W", "V") and j + 1 < t.n and t.kind[j + 1] != 1):
            if w != "m" or has_cur:
                return None, j, None
        if w == "m" and glued and has_cur:
            return None, j, None
        return UNITS[w], j + 1, "phys"
    if w == "m" and glued:
        return "metre", j + 1, "phys"
    if value != 1 and _money_of_its_own(t, j):
        return w, j + 1, "cur"
    return None, j, None


def _as_spelled(written: str, unit: str) -> str:
    """A unit of energy spelled with a hyphen keeps it: "3,500 kilowatt-hours" is in
    kilowatt-hours, as the article writes it; "35 GWh" and "35 gigawatt hours" stay the
    registry's "gigawatt hour"."""
    if unit.endswith(" hour") and "-hour" in written:
        return unit[:-5] + "-hour"
    return unit


_SPENT = frozenset("cost costs costing price prices paid pay pays paying worth fund funding fine fined salary wage "
                   "add adds added adding save saves saved saving invest invests invested investing "
                   "levy levies duty duties tariff tariffs toll tolls "
                   "wages budget spend spent bill bills tax raise raised profit profits loss losses revenue fee fees "
                   "bonus donated compensation damages debt loan cash money earn earned earns make makes made "
                   "charge charged charges owe owed owes".split())
_AFTER_A_SUM = frozenset("in for on and or to a an per from according at by this last each over until , . ; : ) —".split())


def _money_of_its_own(t: _Toks, j: int) -> bool:
    """A currency the story invents or the word lists lack, written in the singular after a
    figure above one, where the sentence spends or earns it: "I make maybe 900 riksmark",
    "costs could exceed 40 million riksmark" (a plural noun after a figure is a count), or
    where the document has already spent the word so."""
    w = t.low[j]
    if not (t.txt[j].isalpha() and t.txt[j].islower() and len(w) >= 4) or _is_plural(w) or w in STOP or w in ADJ \
            or w.endswith(("ly", "ing", "ed", "er", "ion", "ity", "ness", "ment")) or w in IRREGULAR_PLURAL.values():
        return False
    if j + 1 < t.n and t.low[j + 1] not in _AFTER_A_SUM:
        return False  # a modifier of the noun after it: "a 40 million euro deal", "20 page report"
    if _OWN_MONEY["text"] is not t.text:
        _OWN_MONEY.update(text=t.text, words=set())
    if w in _OWN_MONEY["words"] or any(x in _SPENT for x in t.low[max(0, j - 10):j]):
        _OWN_MONEY["words"].add(w)  # once money in a document, the word is money in the rest of it
        return True
    return False


# the document's own currencies met so far ("14 billion złoty a year ... assets above 5 billion złoty")
_OWN_MONEY: dict = {"text": None, "words": set()}


_MONEY_WORDS = {"£", "sterling", "cost", "costs", "price", "prices", "paid", "pay", "pays", "worth", "fund",
                "funding", "fine", "fined", "salary", "wage", "budget", "spend", "spent", "bill", "tax", "sold",
                "buy", "bought", "raise", "raised", "profit", "loss", "revenue", "deal", "bid", "offer", "fee",
                "fees", "million", "billion", "bn", "m", "k", "bonus", "donated", "award", "compensation",
                "damages", "debt", "loan", "cash", "money", "value", "valued", "earn", "earned", "earns",
                "receive", "receives", "received", "receiving", "grant", "grants", "payment", "payments", "allowance",
                "rent", "rents", "stole", "stolen", "steal", "stealing", "theft", "embezzled", "defrauded",
                "repaid", "repay", "debts", "owed", "owes", "owe", "donations", "salaries", "wages"}


_WEIGHT_WORDS = frozenset("weigh weighs weighed weighing weight weights heavy heavier lighter kg kilo kilos kilogram "
                          "kilograms ounce ounces lb lbs tonne tonnes ton tons stone gained lost".split())
# whether "pounds" were money earlier in the document being read ("stealing 1.9 million pounds
# ... the largest invoice for 48,500 pounds")
_POUNDS: dict = {"text": None, "money": False}


def _weight_context(t: _Toks) -> bool:
    """Whether "pounds" in this sentence weigh: no word of money in the sentence, and either a
    word of weight in it or no pounds spent as money earlier in the document."""
    if t.money is None:
        t.money = any(w in _MONEY_WORDS for w in t.low)  # once per sentence, not once per 'pound'
    if _POUNDS["text"] is not t.text:
        _POUNDS.update(text=t.text, money=False)
    if t.money:
        _POUNDS["money"] = True
        return False
    return not _POUNDS["money"] or any(w in _WEIGHT_WORDS and w not in _LOST_OR_GAINED for w in t.low)
    # (in a story whose pounds were money, "one resident lost 11,600 pounds" lost money)


_LOST_OR_GAINED = frozenset("lost gained".split())


def _paid_by_the_time(t: _Toks, j: int) -> bool:
    """"900 pounds a month", "12 pounds an hour": pounds by the month or the hour are money,
    unless the sentence weighs ("gained 5 pounds a week")."""
    return t.lw(j + 1) in ("a", "an", "per") and _singular(t.lw(j + 2)) in TIME_UNITS \
        and not any(w in _WEIGHT_WORDS for w in t.low)


_STATES_OF_PEOPLE = frozenset("injured wounded infected detained arrested displaced trapped armed skilled retired "
                              "qualified registered licensed vaccinated unemployed".split())


def _of_those_before(t: _Toks, i: int) -> bool:
    """The figure at token i opens a clause after "Of those," ("Of them, 40 ...")."""
    return t.lw(i - 1) == "," and t.lw(i - 2) in ("those", "them", "these", "whom", "which") and t.lw(i - 3) == "of"


def _counted_noun(t: _Toks, j: int, value: float):
    """The counted noun after a bare number: ("troop", end index) or (None, j)."""
    x = j
    words: list[int] = []
    adverbs = 0
    while x < t.n and len(words) < 4 + adverbs:
        if t.kind[x] != 2:
            # allow hyphenated words like "first-team"
            if t.txt[x] in _DASHES and words and t.glued(x) and x + 1 < t.n and t.glued(x + 1) and t.kind[x + 1] == 2:
                x += 2
                continue
            if t.kind[x] == 1 and value != 1 and x + 1 < t.n and t.kind[x + 1] == 2 and "," not in t.txt[x] \
                    and not t.glued(x) and (
                        t.txt[x + 1][0].isupper() and all(t.low[y] in ADJ for y in words)
                        or words and t.txt[words[-1]][0].isupper() and _is_plural(t.low[x + 1])):
                words.append(x)  # a model number: "two new 737 Max jets", "63,000 Model 3 cars"
                x += 1
                continue
            break
        w = t.low[x]
        if w in ("and", "or") and words and not _is_plural(t.low[words[-1]]) and not (
                x + 1 < t.n and (t.kind[x + 1] == 1 or t.low[x + 1] in SMALL or t.low[x + 1] in TENS)):
            # modifiers joined by and/or before one plural noun: "4.3M digital and physical
            # sales", "460 Ford and Kia vehicles": the count is of the head noun
            h = _coordinated_head(t, x + 1)
            if h is not None:
                return _singular(t.txt[h]) if t.txt[h][:1].isupper() and t.txt[h][1:].islower() \
                    and not t.txt[h - 1][:1].isupper() else _singular(t.low[h]), h + 1
            break
        if w in STOP and not (w in ("more", "other", "additional", "such") and not words):
            break
        if not words and (w in SMALL or w in TENS):
            break  # a number word opens another figure: "up from 3,900 two years earlier"
        if w in _VERB_ONLY and not (not words and w in _VERBS_AS_NOUNS and t.lw(x + 1) not in _VERB_OBJECT_OPENERS):
            break  # "500 festival drew crowds": the phrase ends before a verb (but "1,300 finds are reported")
        if not words and w.endswith("ed") and w not in _STATES_OF_PEOPLE and _of_those_before(t, j - 1):
            break  # "Of those, 2,150 involved victims under 18": the figure is the subject, then its verb
        if w in MONTHS and t.txt[x][0].isupper():
            break
        if w.endswith("ly") and len(w) > 4 and w not in _LY_NOUNS and w not in _LY_ADJECTIVES:
            if not (all(t.low[y] in ADJ or t.low[y].endswith("ly") for y in words) and x + 1 < t.n
                    and t.kind[x + 1] == 2 and (t.low[x + 1].endswith(("ed", "ing")) or t.low[x + 1] in ADJ)
                    or _hyphen_adjective(t, x)):  # ("30 locally-built trucks")
                break  # "20 decently sized plants": an adverb is kept only before an adjective
            adverbs = 1
        words.append(x)
        if _is_plural(w) and w not in ADJ and not (
                t.txt[x][0].isupper() and x + 1 < t.n and t.txt[x + 1].islower() and _is_plural(t.low[x + 1])) \
                and not ((w in _COLLECTIVES or w in _PLURAL_MODIFIERS) and x + 1 < t.n and t.kind[x + 1] == 2
                         and (_is_plural(t.low[x + 1]) or value == 1 and t.low[x + 1] == "member")
                         and t.low[x + 1] not in STOP):
            break  # the head noun; "Leeds fans" goes on to "fans", "40 staff members" to "members"
            # (and "one crew member" to "member")
        x += 1
    if not words:
        return None, j
    last = words[-1]
    head = t.low[last]
    # the phrase ends at its head noun: the first plural, else (for 1) the first word
    if not _is_plural(head):
        if value == 1 or (t.txt[last][0].isupper() is False and head in ("crew", "staff", "police")):
            # "one shell", "seven crew": a single word after the number
            first = words[0]
            w0 = t.low[first]
            if value == 1 and w0 in ADJ and len(words) > 1 and t.txt[words[1]].islower() \
                    and t.low[words[1]] not in ADJ and not t.low[words[1]].endswith(("ed", "ing", "ly")):
                first = words[1]  # "one particular demand", "one new member": the noun after the adjective
                w0 = t.low[first]
            if w0 in ADJ or w0 in STOP or w0.endswith(("ed", "ing", "'s", "’s")):
                return None, j  # (a possessor is no count: "one man's greed", "one family's story")
            end = t.e[first]
            if w0 in _COLLECTIVES and t.lw(first + 1) == "member":
                return f"{w0} member", first + 2  # "one crew member", "one staff member"
            # hyphenated word "first-team" spans several tokens
            return _singular(t.text[t.s[first]:end]), first + 1
        return None, j
    if head in ("others", "ones", "percent", "thousands", "millions", "hundreds", "dozens"):
        return None, j
    # drop adjectives and capitalised nationality words from the front
    first_i = 0
    for k, idx in enumerate(words[:-1]):
        w = t.low[idx]
        tx = t.txt[idx]
        if (w in ADJ and tx.islower() and not _opens_a_noun_compound(t, idx)) \
                or (tx[0].isupper() and not tx.isupper() and t.txt[last].islower()) \
                or (w.endswith("ly") and w not in _LY_NOUNS) \
                or (t.kind[idx] == 1 and t.txt[last].islower()) \
                or w.endswith(("ed", "est")) or _adjective_by_suffix(w) or _hyphen_adjective(t, idx) \
                or (w.endswith("er") and w[:-2] + "est" not in ("est",) and w in _COMPARATIVE):
            first_i = k + 1
        else:
            break
    kept = words[first_i:]
    s0 = t.s[kept[0]]
    e0 = t.e[kept[-1]]
    phrase = t.text[s0:e0]
    parts = phrase.split(" ")
    last_w = parts[-1]
    sing = _singular(last_w)
    if len(last_w) > 2 and last_w[:-1].isupper() and last_w[-1] == "s":
        sing = last_w[:-1]  # an acronym's plural: "TDs", "MPs"
    parts[-1] = sing[:1].upper() + sing[1:] if last_w[:1].isupper() and not last_w.isupper() else sing
    unit = " ".join(parts)
    if not unit or unit in STOP:
        return None, j
    return unit, last + 1


# words with an adjective's ending that are nouns in a compound: "cable cars", "vegetable stalls"
_NOUNS_LIKE_ADJECTIVES = frozenset("cable table vegetable timetable constable fuel fashion bus gas "
                                   "crossbow glass".split())


_PARTICIPLES = frozenset("built made run grown known born worn drawn driven written held hit won".split())


_ORDINAL_WORDS = frozenset("first second third fourth fifth last next".split())


def _opens_a_noun_compound(t: _Toks, x: int) -> bool:
    """toks[x] is an adjective opening a hyphenated compound that ends in a noun, which names
    a kind of the counted thing: "3,000 public-sector jobs", "40 private-sector firms"; an
    ordinal's compound is no kind ("nine first-stage engines" are engines)."""
    return t.low[x] not in _ORDINAL_WORDS and x + 2 < t.n and t.txt[x + 1] in _DASHES and t.glued(x + 1) and t.glued(x + 2) \
        and t.kind[x + 2] == 2 and not _hyphen_adjective(t, x)


def _hyphen_adjective(t: _Toks, x: int) -> bool:
    """toks[x] opens a hyphenated compound that ends in an adjective or a participle, a
    modifier of the counted noun: "eight fuel-efficient aircraft", "12 home-made bombs",
    "20 part-time nurses"; "water-bombing planes" keeps its compound noun, and so does a
    participle in -ed, where the benchmarks disagree ("coal-fired power plants" is a kind
    of plant in NewsQuant, a power station in our sets)."""
    if not (x + 2 < t.n and t.txt[x + 1] in _DASHES and t.glued(x + 1) and t.glued(x + 2) and t.kind[x + 2] == 2):
        return False
    last = t.low[x + 2]
    return last in _PARTICIPLES or last == "time" or (len(last) > 4 and last.endswith((
        "ent", "ant", "ive", "ous", "ful", "less", "able", "ible", "ic", "al")))


def _adjective_by_suffix(w: str) -> bool:
    """An adjective by its ending before the counted noun: "4,000 vulnerable children",
    "300 dangerous roads", "40 successful bids", "12 homeless families"."""
    return len(w) > 5 and w.endswith(("able", "ible", "ous", "ful", "less")) and w not in _NOUNS_LIKE_ADJECTIVES


# collective nouns that are also modifiers of a plural noun: "staff members", "police cars"
_COLLECTIVES = frozenset("staff crew police personnel".split())
# plural words that modify a plural noun: "two sports halls", "arms sales", "goods trains"
_PLURAL_MODIFIERS = frozenset("sports arms goods savings customs sales services operations human".split())


def _coordinated_head(t: _Toks, x: int) -> int | None:
    """After 'and'/'or' at x-1: the plural head noun within a few modifier words, or None."""
    for y in range(x, min(t.n, x + 4)):
        if t.kind[y] != 2 or t.low[y] in STOP or t.low[y] in MONTHS:
            return None
        if _is_plural(t.low[y]) and t.low[y] not in ADJ and t.low[y] not in ("others", "ones"):
            return y
    return None


def _unit_follows(t: _Toks, j: int) -> bool:
    """A unit (%, currency, physical unit) written right after token j-1."""
    u, _, k = _unit_after(t, j, 2.0, False, j)
    return k in ("pct", "phys", "cur")


def _past_the_stuff(t: _Toks, j: int) -> int:
    """The token after "of oil" or "of drinking water" when a time rate follows it ("2,000
    barrels of oil a day"), or "per" and a unit ("61 grams of CO2 per kilometre"), or "less"
    before a period ("22,000 euros less a year"), else j."""
    if t.lw(j) in ("less", "more") and t.lw(j + 1) in ("a", "an", "per") and _singular(t.lw(j + 2)) in TIME_UNITS:
        return j + 1  # "would earn about 22,000 euros less a year": the difference is per year
    if t.lw(j) != "of":
        return j
    for x in (j + 2, j + 3):
        if x + 1 < t.n and all(_stuff_word(t, y) for y in range(j + 1, x)) and (
                t.low[x] in ("a", "an", "per") and _singular(t.low[x + 1]) in TIME_UNITS
                or t.low[x] == "per" and t.low[x + 1] in UNITS
                or t.low[x] == "per" and t.lw(x + 2) in ("a", "an", "per") and _singular(t.lw(x + 3)) in TIME_UNITS):
            return x  # ("9 litres of water per person a day")
    return j


def _stuff_word(t: _Toks, y: int) -> bool:
    """A word naming what is measured: "oil", "drinking water", or a formula ("CO2")."""
    w = t.txt[y]
    if t.kind[y] == 1:  # the digit of a formula: "CO", "2"
        return w.isdigit() and t.glued(y) and t.txt[y - 1].isupper()
    if t.kind[y] != 2:
        return False
    formula = w.isupper() and len(w) <= 3 and y + 1 < t.n and t.kind[y + 1] == 1 and t.glued(y + 1)
    return (w.islower() and t.low[y] not in STOP) or formula


def _rates(t: _Toks, j: int, unit):
    """The rate after a unit, and a second one after that: "11 litres per person a day",
    "400 florins a month per worker" are per person (worker) per day (month), the time last,
    as the guidelines write a rate of a rate: (unit, end). The stuff measured may stand
    between: "2,000 barrels of oil a day" is barrels per day."""
    u1, j1 = _per_suffix(t, _past_the_stuff(t, j), unit)
    if u1 == unit:
        u1, j1 = unit, j
    if u1 == unit or u1.count(" per ") != 1 or t.lw(j1) not in ("a", "an", "per"):
        return u1, j1
    u2, j2 = _per_suffix(t, j1, u1)
    if u2 == u1 or u2.count(" per ") != 2:
        return u1, j1
    base, first, second = u2.split(" per ")
    if first in TIME_UNITS and second not in TIME_UNITS:
        first, second = second, first
    return f"{base} per {first} per {second}", j2


def _per_suffix(t: _Toks, j: int, unit):
    """'dollar per barrel', 'percentage per year', '$70 a barrel', 'barrels a day': (unit, end)."""
    if unit in _MONEY and j < t.n and (t.low[j] in ("annually", "yearly") or (t.low[j], t.lw(j + 1)) == ("per", "annum")):
        return f"{unit} per year", j + (2 if t.low[j] == "per" else 1)  # "€900 million annually"
    if not unit or j + 1 >= t.n:
        return unit, j
    if t.low[j] == "(" or (t.low[j] == ")" and j >= 1):
        # a restatement in brackets shares the rate written after it:
        # "C$6 (US$4.46) per share" gives both amounts "per share"
        close = j
        if t.low[j] == "(":
            close = next((x for x in range(j + 1, min(j + 12, t.n)) if t.low[x] in ("(", ")")), j)
            if t.low[close] != ")" or not any(t.kind[x] == 1 for x in range(j + 1, close)):
                return unit, j
        elif "(" not in t.low[max(0, j - 8):j]:
            return unit, j
        u2, _ = _per_suffix(t, close + 1, unit)
        return u2, j
    if t.low[j] in _DASHES and t.glued(j) and t.lw(j + 1) in ("a", "per") and t.glued(j + 1) \
            and t.lw(j + 2) in _DASHES and t.glued(j + 2) and t.glued(j + 3) and t.lw(j + 3) in TIME_UNITS:
        return f"{unit} per {t.low[j + 3]}", j + 4  # "a 52,000 barrel-a-day refinery"
    if t.kind[j + 1] != 2:
        if t.low[j] in ("a", "an") and t.low[j + 1] in _DASHES and t.glued(j + 1) and t.glued(j + 2) \
                and t.lw(j + 2) in TIME_UNITS:
            return f"{unit} per {t.low[j + 2]}", j + 3  # "£24 a-year"
        return unit, j
    pw = t.low[j]
    nw = t.low[j + 1]
    if pw == "per" and nw in ("thousand", "million", "billion") and (pop := _population_after(t, j)):
        return f"{unit} {pop[0]}", pop[1]  # "2.9 deaths per billion vehicle-kilometres"
    if pw == "per" and _per_adjective(nw) and j + 2 < t.n and t.kind[j + 2] == 2 and t.low[j + 2] not in STOP:
        # "per diluted share", "per registered voter", "per basic share": per the noun
        return f"{unit} per {UNITS.get(t.low[j + 2]) or _singular(t.low[j + 2])}", j + 3
    if pw in ("per", "/") and nw not in STOP and nw != "cent":
        if j + 3 < t.n and t.low[j + 2] in _DASHES and t.glued(j + 2) and t.glued(j + 3) \
                and f"{nw}-{t.low[j + 3]}" in UNITS:
            key = f"{nw}-{t.low[j + 3]}"
            return f"{unit} per {_as_spelled(key, UNITS[key])}", j + 4  # "per megawatt-hour"
        for k in (3, 2):
            key = " ".join(t.low[j + 1:j + 1 + k])
            if j + 1 + k <= t.n and key in UNITS:
                return f"{unit} per {UNITS[key]}", j + 1 + k
        per = _PER_LETTERS.get(nw) if pw == "/" and t.glued(j + 1) else None
        return f"{unit} per {per or UNITS.get(nw) or _singular(nw)}", j + 2
    if pw in ("a", "an") and (two := " ".join(t.low[j + 1:j + 3])) in UNITS and j + 3 <= t.n \
            and UNITS[two] not in TIME_UNITS:
        return f"{unit} per {UNITS[two]}", j + 3  # "15,500 dollars a megawatt hour", "40 euros a square metre"
    if pw in ("a", "an") and (nw in UNITS or nw in ("barrel", "share", "head", "person", "piece", "gallon", "ounce")) \
            and (not _a_time_ago(t, j + 2) or UNITS.get(nw) not in TIME_UNITS
                 or (t.lw(j + 2), t.lw(j + 3)) == ("on", "average")
                 or t.lw(j + 2) == "from" and t.lw(j + 3) not in ("now", "today", "then", "here")):
        return f"{unit} per {UNITS.get(nw) or _singular(nw)}", j + 2
    if pw in ("a", "an") and unit in _MONEY and t.kind[j + 1] == 2 and t.txt[j + 1].islower() and nw not in STOP \
            and nw not in ADJ and not _is_plural(nw) and not nw.endswith(("ly", "ing", "ed")) \
            and (j + 2 >= t.n or t.kind[j + 2] != 2 or t.low[j + 2] in STOP) \
            and not (UNITS.get(nw) in TIME_UNITS and _a_time_ago(t, j + 2)):
        return f"{unit} per {UNITS.get(nw) or nw}", j + 2  # "€2 a loaf", "$40 a ticket" (not "$500 a month ago")
    if pw == "for" and nw in ("each", "every") and unit in _MONEY:
        return _for_each(t, j + 2, unit)
    if pw == "in" and nw in ("a", "an", "one") and unit in _MONEY and t.lw(j + 2) in ("year", "month", "week", "day") \
            and (j + 3 >= t.n or t.kind[j + 3] == 3) and not _MOVED_BY.intersection(t.low[max(0, j - 8):j]):
        return f"{unit} per {t.low[j + 2]}", j + 3  # "to sell more than €3.5 billion in a year." (not "has risen by £6.8 million in a year")
    if unit in _MONEY and (fee := _fee_for_each(t, j)) is not None:
        return _for_each(t, fee, unit)  # "a €5 landing fee for each passenger"
    return unit, j


_MOVED_BY = frozenset("by rose risen grew grown increased jumped fell fallen dropped declined up down".split())
_CHARGES = frozenset("fee fees charge charges levy levies tax fine fines surcharge toll payment payments "
                     "allowance bonus grant subsidy".split())


def _fee_for_each(t: _Toks, j: int) -> int | None:
    """A charge named after a sum and the thing it is for ("€5 landing fee for each
    passenger", "£30 fine for every offence"): the token after "each"; else None."""
    for k in (1, 2):
        if j + k + 1 < t.n and t.low[j + k - 1] in _CHARGES and t.low[j + k] == "for" and t.low[j + k + 1] in ("each", "every") \
                and all(t.kind[x] == 2 and t.txt[x].islower() for x in range(j, j + k)):
            return j + k + 2
    return None


def _a_time_ago(t: _Toks, x: int) -> bool:
    """The word after "a year" (at token x) makes it a time, not a rate: "a year ago",
    "a year earlier", "a year in 2020"; "22 hours a day in their cells" and "$780 a month in
    the United States" stay rates."""
    w = t.lw(x)
    if w == "after" and (t.lw(x + 1) in _RATE_AFTER or t.kind[x + 1] == 1 if x + 1 < t.n else False):
        return False  # "140 marka a year after that", "€30,000 a year after tax": still a rate
    if w != "in":
        return w in _NOT_RATE
    nxt = t.lw(x + 1)
    return nxt[:1].isdigit() or nxt in MONTHS or nxt in ("which", "that", "a", "an", "")


def _for_each(t: _Toks, k: int, unit):
    """'$38.50 for each Harrowgate share', '$5 for every ticket': a sum of money per the
    noun after 'each' (names before it are skipped; a compound, 'each face amount', is
    left alone): (unit, end)."""
    while k < t.n and t.kind[k] == 2 and t.txt[k][0].isupper() and k + 1 < t.n and t.kind[k + 1] == 2:
        k += 1
    if k < t.n and t.kind[k] == 2 and t.low[k] not in STOP and t.txt[k].islower() \
            and (k + 1 >= t.n or t.kind[k + 1] != 2 or t.low[k + 1] in STOP):
        return f"{unit} per {UNITS.get(t.low[k]) or _singular(t.low[k])}", k + 1
    return unit, k - 2


_PER_ADJECTIVES = frozenset("basic common ordinary average typical single new".split())


def _per_adjective(word: str) -> bool:
    """A word between "per" and the noun it qualifies: a participle ("diluted",
    "registered", "insured") or a plain adjective of the kind ("basic", "average")."""
    return word in _PER_ADJECTIVES or (len(word) > 4 and word.endswith("ed") and word not in UNITS)


# ------------------------------------------------------------------ stages: currency, unit, counted noun, age


_POPULATIONS = {10.0, 100.0, 1e3, 1e4, 1e5, 1e6}


def _a_participle(w: str) -> bool:
    """A verb's participle after a rate, not the population's noun: "5,120 per 100,000 seen in the capital"."""
    return w in _PARTICIPLES or w in ("seen", "found", "shown", "given", "taken", "reported", "recorded", "registered") \
        or len(w) > 5 and w.endswith("ed") and not w.endswith(("eed", "ied"))


def _population_after(t: _Toks, k: int) -> tuple[str, int] | None:
    """"per 100,000 adults" or "of every 100,000 adults" starting at token k ("per", "of"):
    ("per 100,000 adults", end), or None. The nouns stop before a number word or a unit of
    time ("365 per 100,000 five years earlier")."""
    if t.lw(k) == "of" and t.lw(k + 1) == "every":
        k += 1
    elif t.lw(k) != "per":
        return None
    scale = k + 1 < t.n and t.low[k + 1] in ("thousand", "million", "billion")  # "per billion vehicle-kilometres"
    if k + 1 >= t.n or not scale and (t.kind[k + 1] != 1 or _figure(t.txt[k + 1]) not in _POPULATIONS):
        return None
    end, nouns = k + 2, []
    while end < t.n and t.kind[end] == 2 and len(nouns) < 3 and t.low[end] not in STOP \
            and t.low[end] not in SMALL and t.low[end] not in TENS and t.low[end] not in TIME_UNITS \
            and not (_a_participle(t.low[end]) and not _is_plural(t.lw(end + 1))):  # ("insured drivers" go on)
        nouns.append(t.low[end])
        end += 1
        if end + 1 < t.n and t.txt[end] in _DASHES and t.glued(end) and t.glued(end + 1) and t.kind[end + 1] == 2:
            nouns[-1] += "-" + t.low[end + 1]  # "vehicle-kilometres"
            end += 2
        if _is_plural(nouns[-1]):
            break
    if scale and not (nouns and _is_plural(nouns[-1])):
        return None
    if not nouns and (k + 2 >= t.n or t.kind[k + 2] != 2 or t.low[k + 2] in STOP or t.low[k + 2] in SMALL
                      or t.low[k + 2] in TENS or t.low[k + 2] in TIME_UNITS
                      or _a_participle(t.low[k + 2]) and not _is_plural(t.lw(k + 3))):
        return f"per {t.txt[k + 1]}", k + 2  # "365 per 100,000 five years earlier", "10 per 100,000."
    if not nouns or not _is_plural(nouns[-1]):
        return None
    return f"per {t.txt[k + 1]} {' '.join(nouns)}", end


def _per_population(t: _Toks, r: _Reading):
    """Stage: a rate per a round population, "365 per 100,000 adults", "4.2 per 1,000 live
    births": the unit is "per 100,000 adults", and the 100,000 is not a figure of its own."""
    if r.unit is not None or r.has_cur or r.uk is not None:
        return None
    found = _population_after(t, r.end_tok)
    if found is not None:
        r.unit, r.ukind, r.uk, r.end_tok = found[0], "count", "count", found[1]
    return None


def _count_per_population(t: _Toks, r: _Reading):
    """Stage: a count that is a rate, "12 murders per 100,000 people": the unit is "murder
    per 100,000 people"."""
    if r.ukind != "count" or not r.unit or r.unit.startswith("per "):
        return None
    found = _population_after(t, r.end_tok)
    if found is not None:
        r.unit, r.end_tok = f"{r.unit} {found[0]}", found[1]
    return None


# measures named by a word before the figure: "a magnitude 6.1 earthquake", "a magnitude of
# 4.1", "raised the alert to level seven"; a level only after a word that sets one
_MEASURE_BEFORE = {"magnitude": "magnitude", "level": "level"}
_LEVEL_AFTER = frozenset("to at from alert threat danger warning a the".split())
# a quake's size, measured with no word for it: "the strongest of them measuring 5.2"
_MEASURED = frozenset("measured measuring measure measures registered registering registers".split())
_QUAKES = frozenset("quake quakes earthquake earthquakes aftershock aftershocks tremor tremors temblor".split())
# scales named after it: "7.2 on the Richter scale"
_SCALE_AFTER = {("on", "the", "richter", "scale"): "magnitude"}


def _measure_word(t: _Toks, r: _Reading):
    """Stage: a figure with no unit after it that a measure word names (see above): the
    unit is the measure, and the surface takes the word in ("magnitude 6.1")."""
    if r.unit is not None or r.has_cur or r.uk is not None:
        return None
    for words, name in _SCALE_AFTER.items():
        if tuple(t.lw(r.end_tok + k) for k in range(len(words))) == words:
            r.unit, r.ukind, r.uk, r.end_tok = name, "phys", "phys", r.end_tok + len(words)
            return None
    first = _tok_at(t, r.s0, r.i)
    at = first - 2 if t.lw(first - 1) == "of" else first - 1
    word = t.lw(at).replace("-", "")
    if word in _MEASURED and _QUAKES.intersection(t.low):
        r.unit, r.ukind, r.uk = "magnitude", "phys", "phys"  # "the strongest aftershock measured 4.7"
        return None
    if word not in _MEASURE_BEFORE or (word == "level" and t.lw(at - 1) not in _LEVEL_AFTER):
        return None
    r.unit, r.ukind, r.uk, r.s0 = _MEASURE_BEFORE[word], "phys", "phys", t.s[at]
    return None


def _currency_before(t: _Toks, r: _Reading):
    """Stage: the currency (and minus sign) written before the figure. Sets unit, s0 (the
    start offset of the quantity), neg, has_cur, ukind."""
    r.unit, r.s0, r.neg = _cur_prefix(t, r.i, r.lo)
    r.has_cur = r.unit is not None
    r.ukind = "cur" if r.has_cur else None
    return None


_POWERS = {"²": "square", "2": "square", "³": "cubic", "3": "cubic"}


def _unit_part(word: str) -> str | None:
    """One side of a compound unit: a unit's surface or symbol, with a power written after
    it ("cm³" is a cubic centimetre, "m2" a square metre)."""
    if word in UNITS:
        return UNITS[word]
    if len(word) > 1 and word[-1] in _POWERS and word[:-1] in UNITS:
        return f"{_POWERS[word[-1]]} {UNITS[word[:-1]]}"
    return None


def _compound_unit(t: _Toks, j: int):
    """A unit per unit written with a slash, glued: "g/cm³", "mg/L", "kg/m2", "t/ha"
    (those the unit table names whole, "km/h" and "m/s", are read there). Both sides
    must be units; the result is "gram per cubic centimetre". Glued to a slash and a
    unit, a symbol of one letter is a unit too, in its own case ("A/cm2", "V/m")."""
    if not (j + 2 < t.n and t.txt[j + 1] == "/" and t.glued(j + 1) and t.glued(j + 2)):
        return None
    if t.low[j] + "/" + t.low[j + 2] in UNITS:
        return None
    end = j + 3
    right = t.low[j + 2]
    if end < t.n and t.glued(end) and t.txt[end] in ("2", "3"):  # "kg/m2" is tokenised "m", "2"
        right, end = right + t.txt[end], end + 1
    a = _unit_part(t.low[j]) or exact_symbols().get(t.txt[j])
    b = _unit_part(right) or (exact_symbols().get(t.txt[j + 2]) if end == j + 3 else None)
    if a is None or b is None:
        return None
    return f"{a} per {b}", end, "phys"


def _unit_stage(t: _Toks, r: _Reading):
    """Stage: the unit written after the number, and a rate after that ("per barrel").
    Sets uk (the kind written), unit, ukind, change_after ("18-fold", "20-plus"), end_tok."""
    i, j, value, has_cur, unit, ukind = r.i, r.j, r.value, r.has_cur, r.unit, r.ukind
    u, uend, uk = _unit_after(t, j, value, has_cur, i)
    if uk == "skip":
        return [], j + 2
    change_after = None
    if uk == "fold":
        change_after = "up"
    elif uk in ("plus", "odd"):
        change_after = ">" if uk == "plus" else "~"
        counted, cend = _counted_noun(t, uend, value)
        if counted and not has_cur:
            u, uk, uend = counted, "count", cend  # "20-plus staff", "200-odd delegates"
    if uk == "phys" and has_cur and not t.glued(j):
        u, uend, uk = None, j, None  # "an $800 stone oven": the money is the quantity
    if uk in ("pct", "phys", "age", "count") or (uk == "cur" and not has_cur):
        unit, ukind = u, uk
    elif uk == "cur" and has_cur and u:
        ukind = "cur"
    end_tok = uend if uk else j
    if ukind in ("cur", "pct", "phys"):
        unit, end_tok = _rates(t, end_tok, unit)
    r.uk, r.change_after, r.unit, r.ukind, r.end_tok = uk, change_after, unit, ukind, end_tok
    return None


def _count_stage(t: _Toks, r: _Reading):
    """Stage: what a number with no unit written after it counts, read from the words
    around it: "eight million 250ml bottles", "under the age of 12", "people under 30",
    "a day or two". Sets u_s (where a counted noun starts), unit, ukind."""
    i, j, value, vmax, words, s0 = r.i, r.j, r.value, r.vmax, r.words, r.s0
    unit, ukind, uk, end_tok = r.unit, r.ukind, r.uk, r.end_tok
    r.u_s = end_tok
    if unit is None and uk is None and t.kind[i] == 1 and vmax is None and t.lw(i - 1) in ("annual", "yearly") \
            and end_tok < t.n and t.kind[end_tok] == 2 and not _is_plural(t.low[end_tok]) and t.low[end_tok] not in STOP:
        return [], end_tok  # "the annual 420 event": the number names the event
    if unit is None and uk is None and end_tok < t.n and t.kind[end_tok] == 1 and t.kind[i] != 1 \
            and not t.glued(end_tok):
        mu, mend, mk = _unit_after(t, end_tok + 1, 2.0, False, end_tok)
        if mk == "phys" and mend == end_tok + 2 and (t.glued(end_tok + 1) or t.low[end_tok + 1] in _DASHES):
            cn, cend = _counted_noun(t, mend, value)
            if cn and _is_plural(t.low[cend - 1]):
                # "eight million 250ml bottles": count the bottles, leave the 250ml to its own quantity
                q = _emit(t.text, t, s0, t.e[r.e_num - 1], value, None, cn, _change_before(t, _tok_at(t, s0, i))[0], None)
                return [(q, "count")], end_tok
    if unit is None and uk is None and t.lw(i - 1) == "of" and t.lw(i - 2) in ("age", "ages") and value < 125:
        unit, ukind = "year", "age"  # "under the age of 12"
    if unit is None and uk is None and t.lw(i - 1) in ("to", "from", "at") and t.lw(i - 2) == "age" and 10 <= value < 125 \
            and vmax is None:
        unit, ukind = "year", "age"  # "raise the pension age to 67", "the voting age from 18"
    older = t.lw(i - 1) == "than" and t.lw(i - 2) in ("older", "younger")
    are = 1 + older if t.lw(i - 2 - older) in ("are", "were") else older  # "Most patients are over 60"
    if unit is None and uk is None and value < 111 and (t.lw(i - 1) in ("under", "over", "above", "below") or older) \
            and (_is_plural(t.lw(i - 2 - are)) and _people_noun(_singular(t.lw(i - 2 - are)))
                 or t.lw(i - 2 - are) in ("those", "anyone", "everyone")
                 or t.lw(i - 2 - are) in ("them", "whom") and t.lw(i - 3 - are) == "of") \
            and t.lw(end_tok) not in ("years", "year", "kg", "kilos", "mph", "km/h"):
        unit, ukind = "year", "age"  # "people under 30", "children over 5", "drivers older than 65", "those over 65",
        # "19 customers, most of them over 80"
    if unit is None and uk is None and words and value in (2, 3) and j == i + 1 and t.lw(i - 1) == "or" \
            and t.kind[i - 2] == 2 and t.low[i - 2] not in STOP and t.lw(i - 3) in ("a", "an", "another", "one"):
        # "a day or two", "another pick or two": the noun before 'or' is counted
        unit = UNITS.get(t.low[i - 2]) or _singular(t.low[i - 2])
        ukind = "phys" if t.low[i - 2] in UNITS else "count"
    r.unit, r.ukind = unit, ukind
    return None


# adjectives that name people after "the": "two of the injured", "19 of the dead"
_THE_PEOPLE = frozenset("dead injured missing wounded displaced evacuated homeless unemployed elderly".split())
_PART_OF_A_WHOLE = frozenset("usual normal scheduled planned total last first next past remaining original "
                             "expected estimated top bottom".split())


def _possessive_name_end(t: _Toks, x: int) -> int | None:
    """The token after a capitalised possessive name at x ("Quorra's", "Acme Corp's"), or None."""
    y = x
    while y < t.n and y - x < 3 and t.kind[y] == 2 and t.txt[y][:1].isupper():
        if t.low[y].endswith(("'s", "’s")):
            return y + 1
        if y + 2 < t.n and t.low[y + 1] in ("'", "’") and t.low[y + 2] == "s":
            return y + 3
        y += 1
    return None


def _counted_noun_stage(t: _Toks, r: _Reading):
    """Stage: the counted noun after a bare number ("41,000 troops", "35m of its smart
    speakers", "20 per week" after "22 burglaries"). Sets unit, ukind, end_tok."""
    value, vmax, words, scaled = r.value, r.vmax, r.words, r.scaled
    unit, ukind, uk, end_tok = r.unit, r.ukind, r.uk, r.end_tok
    last_count_unit = r.last_count_unit
    partitive = scaled or (value >= 2 and _whole(value) and vmax is None)
    if unit is None and uk is None and partitive and t.lw(end_tok) == "of":
        after = _possessive_name_end(t, end_tok + 1)
        of_a_figure = end_tok + 1 < t.n and t.kind[end_tok + 1] == 1  # "61 of 70 houses"
        if t.kind[r.i] == 1 and (t.lw(end_tok + 1) in ("its", "their", "his", "her", "our", "the", "these", "those")
                                 or after or of_a_figure):  # (a number word counts only "them": "three of them died")
            x = after or end_tok + 1 + (not of_a_figure)
            if x + 1 < t.n and t.low[x].endswith(("'s", "’s")) and t.kind[x + 1] == 2:
                x += 1  # "about 2,900 of the plant's workers": the workers
            if x + 1 < t.n and t.low[x] in _PART_OF_A_WHOLE and t.kind[x + 1] == 1:
                x += 1  # "212 of its usual 2,300 services", "40 of the planned 120 flights"
            if x < t.n and t.kind[x] == 1:  # "200 of the firm's 500 staff", "4.86 million of the 7.95 million voters"
                x += 1 + (t.lw(x + 1) in SCALES)
            cn, cend = _counted_noun(t, x, value)
            if cn is None and t.lw(x - 1) == "the" and t.lw(x) in _THE_PEOPLE:
                unit, ukind = "person", "count"  # "19 of the dead were children"
            elif cn and _is_plural(t.low[cend - 1]) and t.lw(x) not in CURRENCY_WORDS:  # "of the 2 billion rupees": inherit's
                unit, ukind = cn, "count"  # "35m of its smart speakers", "at least 60 of the payments"
                if t.lw(cend) in ("a", "per") and _singular(t.lw(cend + 1)) in TIME_UNITS and not _a_time_ago(t, cend + 2):
                    unit = f"{cn} per {_singular(t.lw(cend + 1))}"  # "to build 80,000 of the trucks a year"
        them = t.lw(end_tok + 1) in ("them", "those", "these", "whom", "which")  # "412 people ..., 27 of whom"
        named = t.lw(end_tok + 2)
        compound = them and end_tok + 5 < t.n and t.kind[end_tok + 2] == 2 and t.txt[end_tok + 3] in _DASHES \
            and t.glued(end_tok + 3) and t.glued(end_tok + 4) and t.kind[end_tok + 5] == 2 and _is_plural(t.lw(end_tok + 5))
        if them and _is_plural(named) and named not in ADJ and named not in STOP and t.kind[end_tok + 2] == 2 \
                and not named.endswith(("ed", "ing")) and t.lw(end_tok + 3) not in ("were", "are", "had", "have"):
            unit, ukind = _singular(named), "count"  # "140 rescuers, 36 of them specialists from the capital"
        elif compound and t.lw(end_tok + 6) not in ("were", "are", "had", "have"):
            unit, ukind = f"{t.lw(end_tok + 2)}-{t.lw(end_tok + 4)} {_singular(t.lw(end_tok + 5))}", "count"
            # "38 aircraft, six of them water-bombing planes"
        elif them and (last_count_unit or r.them_unit) and " per " not in (last_count_unit or r.them_unit) \
                and t.lw(r.i - 1) not in ("the", "all", "both"):
            unit, ukind = last_count_unit or r.them_unit, "count"  # "310 injuries, 58 of them serious", "three of them died"
            # (or what the sentence before counted: "Rescuers pulled 64 workers out. Nine of them ...")
    if unit is None and uk is None and last_count_unit and vmax is None and t.lw(end_tok) in ("per", "a") \
            and t.lw(end_tok + 1) in TIME_UNITS and not (t.lw(end_tok) == "a" and _a_time_ago(t, end_tok + 2)):
        unit, ukind = f"{last_count_unit.split(' per ')[0]} per {t.low[end_tok + 1]}", "count"  # "22 burglaries ... 20 per week"
        # ("1,200 homes a year, short of the 1,500 a year needed": homes per year, once)
        # (not "up from 3.9 million a year ago": a time, and the count carried by inherit)
        end_tok += 2
    if unit is None and uk is None:
        if t.lw(end_tok) == "of" and words and t.lw(end_tok + 1) not in ("the", "them", "us", "those", "these", "his", "her", "their", "its", "our", "my", "your", "whom", "which"):
            pass
        bound = _OR_BOUND.get((t.lw(end_tok), t.lw(end_tok + 1))) if vmax is None else None
        cn, cend = _counted_noun(t, end_tok + 2 if bound else end_tok, value)
        if cn and t.lw(cend) == "of" and (t.lw(cend - 1), t.lw(cend + 1)) in _OF_COMPOUNDS:
            cn, cend = f"{cn} of {t.lw(cend + 1)}", cend + 2  # "140 heads of state": one noun, not heads
        if cn:
            unit, ukind = cn, "count"
            end_tok = cend
            unit, end_tok = _rates(t, end_tok, unit)
            if bound:
                r.change_after = bound  # "three or more cups of coffee a day", "40 or fewer staff"
    r.unit, r.ukind, r.end_tok = unit, ukind, end_tok
    return None


# a bound written between a figure and its counted noun
_OR_BOUND = {("or", "more"): ">", ("or", "fewer"): "<", ("or", "less"): "<", ("or", "so"): "~"}


def _compound_modifier(t: _Toks, r: _Reading):
    """Stage: a number before two lower-case singular words counts the first ("the 40
    page report", "a 6 cylinder motor"). Sets unit, ukind, end_tok."""
    end_tok = r.end_tok
    # compound modifiers: "the 40 page report", "a 6 cylinder motor" -> the singular noun
    if r.unit is None and r.value != 1 and end_tok + 1 < t.n and t.kind[end_tok] == 2 and t.kind[end_tok + 1] == 2 \
            and t.txt[end_tok].islower() and t.txt[end_tok + 1].islower() and not _is_plural(t.low[end_tok]) \
            and t.low[end_tok] not in STOP and t.low[end_tok + 1] not in STOP and t.low[end_tok] not in _PERSON_AFTER \
            and t.low[end_tok] not in ADJ and not _is_plural(t.low[end_tok + 1]) \
            and not (t.low[end_tok].endswith(("ly", "ed", "ing")) and not t.low[end_tok].endswith("eed")) \
            and t.low[end_tok] not in _VERBISH and t.low[end_tok] not in _VERB_ONLY and not t.low[end_tok + 1].endswith("ly"):
        r.unit, r.ukind = t.low[end_tok], "count"  # (not "against 212,000 built last year": a verb)
        r.end_tok = end_tok + 1
    return None


_AGE_SPAN = {"from", "between", "ranging", "ranged", "range", "of", "over", "under", "above", "below"}  # "aged over 70"


def _age_cue_before(t: _Toks, i: int) -> bool:
    """An age word ends right before the figure, or before "from"/"between" and the like:
    "aged 14", "aged from 38 to 91", "with ages ranging from 38 to 91"."""
    k = i - 1
    while k > i - 4 and t.lw(k) in _AGE_SPAN:
        k -= 1
    return t.lw(k) in _AGE_CUES


_LIFE_STEPS = frozenset("began begun started start joined entered left married retired emigrated learned learnt "
                        "moved".split())


def _a_step_in_life_at(t: _Toks, i: int, end_tok: int) -> bool:
    """"began playing the piano at four", "entered the academy at 15", "left school at 16": the
    age at which a person took a step in life (a bare figure after "at" that ends the clause,
    a few words after such a verb)."""
    if t.lw(i - 1) != "at" or not (end_tok >= t.n or t.kind[end_tok] == 3 or t.lw(end_tok) in ("and", "but", "when")):
        return False
    verb = next((x for x in range(i - 2, max(-1, i - 8), -1) if t.lw(x) in _LIFE_STEPS), None)
    if verb is None:
        return False
    person = any(t.lw(x) in ("he", "she", "i", "who", "they", "we") for x in range(verb))
    named = verb > 1 and t.kind[verb - 1] == 2 and t.txt[verb - 1][0].isupper() and not t.low[verb - 1].endswith("s")
    return person or named  # (not "Trading started at 21": a capitalised word that opens the sentence may be none)


_PARENTS = {"father": "child", "mother": "child", "parent": "child", "grandfather": "grandchild",
            "grandmother": "grandchild", "grandparent": "grandchild"}
_OF_AN_AGE = frozenset("man woman boy girl child person widow widower pensioner".split())


def _a_person_of(t: _Toks, i: int, end_tok: int) -> bool:
    """"a man of 88 and a woman of 79", "a boy of nine": a person of an age (but "a father
    of three" counts children)."""
    return t.lw(i - 1) == "of" and t.lw(i - 2) in _OF_AN_AGE and t.lw(i - 3) in ("a", "an", "one", "the") \
        and (end_tok >= t.n or t.kind[end_tok] == 3 or t.lw(end_tok) in ("and", "or", "who", "was", "from"))


_KIN = frozenset("daughter son child baby boy girl brother sister grandson granddaughter grandchild nephew niece "
                 "twin toddler stepson stepdaughter mother father wife husband partner grandmother grandfather".split())


def _kin_named_before(t: _Toks, x: int) -> bool:
    """", Dara," at toks[x-2..x] after a relative: "His mother, Dara, is 21", "her husband, Tom, was 70"."""
    return t.lw(x) == "," and x >= 3 and t.kind[x - 1] == 2 and t.txt[x - 1][:1].isupper() and t.lw(x - 2) == "," \
        and t.lw(x - 3) in _KIN
_PAST_IRREGULAR = frozenset("got took gave went came won lost left ran saw chose became fled quit sought "
                            "thought felt paid spent bought sold made said told".split())


def _past_verb(word: str) -> bool:
    """A verb in the past tense: "received", "voted", "took" (no noun or adjective ends
    so often in "-ed" after a bare count)."""
    return word in _PAST_IRREGULAR or len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST


_NOT_PAST = frozenset("hundred speed breed bleed".split())  # words in -ed that are no past tense


def _people_noun(unit: str) -> bool:
    """A counted noun that names people: "passenger", "miner", "resident", "child"."""
    w = unit.split(" ")[-1]
    if " per " in unit or w in _NOT_PEOPLE:
        return False
    return w in _PEOPLE or w.endswith(("er", "or", "ist", "ian", "ant", "ent", "ee"))


_NOT_PEOPLE = frozenset("order centre center letter number meter metre litre liter quarter border corner river "
                        "tower computer container trailer tractor sector factor floor door sensor monitor "
                        "event percent tent segment element apartment department agent client".split())


_MORE_OF = frozenset("further another more other additional extra".split())


def _more_of_the_same(t: _Toks, i: int, end_tok: int) -> bool:
    """"A further 6,000 were needed", "another 40 had been sold": more of what the text
    counted before (a later stage carries that noun), not people, unless what they were
    is done to people ("another 300 were arrested")."""
    verb = end_tok + 1 + (t.lw(end_tok + 1) == "been")
    done = t.lw(verb)
    return done.endswith("ed") and done not in _PERSON_AFTER and done not in _DONE_TO_PEOPLE and (
        t.lw(i - 1) in _MORE_OF or done in _DONE_TO_THINGS)


# what is done to people ("40 were detained") and only to things ("2 were cancelled")
_DONE_TO_PEOPLE = frozenset("detained displaced treated infected charged jailed deported trapped stranded "
                            "sentenced convicted questioned interviewed admitted discharged freed released "
                            "kidnapped abducted hospitalized hospitalised vaccinated tested employed hired "
                            "fired sacked laid stabbed shot drowned murdered executed elected appointed".split())
_DONE_TO_THINGS = frozenset("cancelled canceled built sold delivered closed demolished destroyed damaged "
                            "repaired installed shipped exported imported produced manufactured recalled "
                            "grounded delayed approved rejected filed issued planted harvested seized".split())


_MODAL_AFTER = frozenset("will would could may might".split())


def _the_count_before(t: _Toks, r: _Reading) -> str | None:
    """The counted noun a bare count shares with the count before it, in its sentence or the
    one before: a part of it ("Of those, 12 were trawlers"), people of it who did something
    ("21,204 volunteers, and 10,598 received a placebo"; "11 riders needed treatment. Two
    abandoned."), or who stay in a state ("23 miners were killed and 11 remain trapped",
    persons when nothing before counted people); None when it shares none."""
    i, end_tok, last = r.i, r.end_tok, r.last_count_unit
    counted = last or r.them_unit
    if counted and " per " not in counted and _of_those_before(t, i):
        return counted
    if not (_whole(r.value) and r.value >= 2 and r.vmax is None):
        return None
    acted = _past_verb(t.lw(end_tok)) or t.lw(end_tok) in _MODAL_AFTER and t.kind[end_tok + 1] == 2 \
        and t.txt[end_tok + 1].islower() if end_tok + 1 < t.n else False  # ("and 23 will move")
    if t.lw(i - 1) in ("and", "but", "while", ",", "whereas", "that") and acted \
            and t.lw(end_tok + 1) != "by" and last is not None and _people_noun(last):
        return last
    if i == 0 and last is None and r.them_unit and _people_noun(r.them_unit) and _past_verb(t.lw(end_tok)) \
            and (end_tok + 1 >= t.n or t.kind[end_tok + 1] == 3):
        return r.them_unit
    if _still_in_a_state(t, end_tok) and t.lw(i - 1) not in ("of", "the", "to", "from", "at", "by", "than"):
        return next((u for u in (last, r.them_unit) if u and _people_noun(u)), "person")
    return None


def _ages_and_people(t: _Toks, r: _Reading):
    """Stage: a bare number that is an age ("aged 14", "Jane Roe, 42,", "when she was six",
    "life expectancy ... 73") or a count of people ("80 injured", "killing four"). Sets
    unit, ukind, end_tok."""
    i, value, vmax, last_count_unit = r.i, r.value, r.vmax, r.last_count_unit
    unit, ukind, end_tok = r.unit, r.ukind, r.end_tok
    # ages: "aged 14", "age seventeen", "Jane Roe, 42,", "a man of 88"
    if unit is None and _whole(value) and 0 < value < 125:
        if _age_cue_before(t, i) or (i >= 2 and t.txt[i - 1] == "," and t.kind[i - 2] == 2 and t.txt[i - 2][0].isupper()
                                         and t.lw(end_tok) in (",", ")", ".", ";", "") and t.kind[i] == 1) \
                or _a_person_of(t, i, end_tok) or _a_step_in_life_at(t, i, end_tok):
            unit, ukind = "year", "age"
        elif t.lw(i - 1) == "of" and t.lw(i - 2) in _PARENTS and (end_tok >= t.n or t.kind[end_tok] == 3):
            unit, ukind = _PARENTS[t.lw(i - 2)], "count"  # "a father of three": his children
    carried = _the_count_before(t, r) if unit is None else None
    if carried is not None:
        r.unit, r.ukind = carried, "count"
        return None
    # people by what they did: "80 injured", "300 attended", "nearly 900 who", "killing four"
    if unit is None and _whole(value) and value >= 2 and vmax is None and (
            t.lw(end_tok) in _PERSON_AFTER or _others_hurt(t, end_tok) or t.lw(end_tok) in ("who", "attended", "were", "had")
            and t.lw(end_tok + 1) not in ("of",) or t.lw(i - 1) in ("killing", "killed", "injuring", "wounding")
            or t.lw(end_tok) == "taken" and t.lw(end_tok + 1) in ("to", "into", "hostage", "ill", "captive")):
        if not (t.lw(end_tok) in ("were", "had") and (last_count_unit or "which" in t.low[max(0, i - 6):i]
                                                      or _more_of_the_same(t, i, end_tok))
                and t.lw(end_tok + 1) not in _PERSON_AFTER):  # "of which 310 million had gone on engines"
            unit, ukind = "person", "count"
            if last_count_unit is None and t.lw(i - 1) == "all" and r.them_unit and _people_noun(r.them_unit):
                unit = r.them_unit  # "The collapse trapped 23 miners. All 23 were brought out": the miners
            if last_count_unit and (_people_noun(last_count_unit) or t.lw(0) == "of" and t.lw(1) in _DETERMINED) \
                    and not any(t.low[x] in _PERSON_AFTER for x in range(max(0, i - 12), i)):
                unit = last_count_unit  # "312 passengers; 290 were rescued": passengers, as the sentence counts them
                # ("Of the 240 chicks tagged, only 31 survived": a part of the group the sentence opens with)
                # (not "two employees were killed and 116 were injured": another group, people)
    # ages: "when she was six", "until he was 18", "his daughter, who was 10"
    if unit is None and _whole(value) and 0 < value < 120 and (
            t.lw(i - 1) in ("was", "is", "turned", "turns") and t.lw(i - 2) in ("he", "she", "i", "you", "they", "we", "who")
            or t.lw(i - 1) == "be" and t.lw(i - 2) == "will" and t.lw(i - 3) in ("he", "she", "i", "you", "they", "we")) and (end_tok >= t.n or t.kind[end_tok] == 3
                                                                         or t.lw(end_tok) in STOP):
        unit, ukind = "year", "age"
    # ages: "my daughter is five", "her son, who was 11,": a child or relative is N
    if unit is None and _whole(value) and 0 < value < 120 and vmax is None and t.lw(i - 1) in ("is", "was", "turned", "turns") \
            and (t.lw(i - 2) in _KIN or t.lw(i - 2) == "who" and t.lw(i - 3) == "," and t.lw(i - 4) in _KIN
                 or _kin_named_before(t, i - 2)) \
            and (end_tok >= t.n or t.kind[end_tok] == 3 or t.lw(end_tok) in ("and", "but", "when", "now")):
        unit, ukind = "year", "age"
    # "the oldest of whom was 96", "the youngest was 12": the age of the oldest or youngest
    if unit is None and _whole(value) and 0 < value < 120 and vmax is None and t.lw(i - 1) in ("was", "is", "being") \
            and any(t.low[x] in ("oldest", "youngest") for x in range(max(0, i - 5), i - 1)):
        unit, ukind = "year", "age"
    # "life expectancy for men is around 73": a life expectancy is in years
    if unit is None and vmax is None and 30 <= value <= 110 and any(
            t.low[x] == "expectancy" and t.lw(x - 1) == "life" for x in range(max(0, i - 12), i)):
        unit, ukind = "year", "age"
    # "210 passengers and crew" are people
    if ukind == "count" and unit in ("passenger",) and t.lw(end_tok) == "and" and t.lw(end_tok + 1) in ("crew", "staff"):
        unit = "person"
        end_tok += 2
    r.unit, r.ukind, r.end_tok = unit, ukind, end_tok
    return None
