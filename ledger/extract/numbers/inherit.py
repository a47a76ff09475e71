"""Units carried between quantities, once a sentence has been read: "41,000 troops ...
and 42,000 more" (also from the sentence before, in one document), "40 million of the 2
billion rupees", "outstanding asylum claims over 150,000", index levels in points, a
unit repeated in parallel ("the high is 84.75 cents and the low is 74.07"). A new rule
that fills in a bare number's unit from its neighbours goes here.
"""
from __future__ import annotations

import re

from ledger.extract.numbers_units import ADJ, CHANGE_BEFORE, CURRENCY_PREFIX, CURRENCY_WORDS, SMALL, STOP, TENS, TIME_UNITS, UNITS
from ledger.extract.numbers.limits import _whole
from ledger.extract.numbers.words import _is_plural, _singular
from ledger.extract.numbers.units import _DETERMINED, _MEASURE_BEFORE, _MONEY, _PEOPLE, _SCALE_AFTER, _SPENT
from ledger.extract.types import Quantity


_INDEX_WORD = re.compile(r"\b(?:index|indices|indexes)\b", re.I)
_LEVEL_NUM = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+")
_LEVEL_BEFORE = re.compile(r"\b(?:to|at|of)\s+$|\(\s*$")
_LEVEL_AFTER = re.compile(r"\s+(?:up|down)\b")
_SHARE_NEXT = re.compile(r"\s+(?:of\s+(?:the|its|their|his|her|our)(?:\s+[\w-]+['’]s?)?|or)\s+")  # "of the company's"
# a sum a clause is about: "Rent in this city is 900" counts no people from the sentence before
_MONEY_SUBJECT = re.compile(r"\b(?:[Rr]ents?|[Ww]ages?|[Ss]alar(?:y|ies)|[Pp]rices?|[Ff]ares?|[Ff]ees?|[Cc]osts?|[Bb]ills?|"
                            r"[Pp]ensions?|[Tt]axe?s?|[Ii]ncome|[Ee]arnings|[Bb]udgets?)"
                            r"(?:\s+[a-z]+){0,4}\s+(?:is|was|are|were|stands\s+at|stood\s+at|comes\s+to|came\s+to)\s+"
                            r"(?:(?:about|around|nearly|almost|roughly|just|only|now)\s+)?$")


_AND_NEXT = re.compile(r",?\s+and\s+")


def _figure_like(a: str, b: str) -> bool:
    """Two figures written alike (both in digits, or both in words), as a shared unit joins them."""
    return a[:1].isdigit() == b[:1].isdigit()


_PREV_WORD = re.compile(r"([A-Za-z]+)\s+$")
_THEN = re.compile(r"\s+(?:last|this|next|the previous|the prior|a) (?:year|month|week|quarter|season)\b"
                   r"|\s+in (?:1[89]|20)\d\d\b|\s+(?:a|one) (?:year|month|week) (?:earlier|ago|before)\b")
_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_NO_PARALLEL = {"and", "or", "the", "a", "an", "with", "in", "on", "from", "to", "than", "of", "for"}
_OPPOSITES = (("lost", "gained"), ("lost", "won"), ("lost", "added"), ("bought", "sold"), ("imported", "exported"),
              ("borrowed", "lent"), ("spent", "saved"), ("rose", "fell"), ("gained", "shed"))
_OPPOSITE_MOVES = {w: {b if a == w else a for a, b in _OPPOSITES if w in (a, b)} for pair in _OPPOSITES for w in pair}
_AND_VERB = re.compile(r"\s+and\s+[a-z]+\s+")


def _parallel_unit(text: str, lo: int, before: list, q) -> str | None:
    """The unit of an earlier quantity in the sentence that a bare number repeats:
    'the high is 84.75 cents and the low is 74.07', 'up by 2 percent, down by 1',
    'from 14 mpg to 24'."""
    if not before:
        return None
    m = _PREV_WORD.search(text, max(lo, q.start - 20), q.start)
    if not m:
        return None
    w = m.group(1).lower()
    for p in reversed(before):
        if not p.unit or not (p.unit in _NON_COUNT or " per " in p.unit) or p.unit in ("year", "time"):
            continue
        pm = _PREV_WORD.search(text, max(lo, p.start - 20), p.start)
        pw = pm.group(1).lower() if pm else ""
        if w == pw and w not in _NO_PARALLEL and (w not in ("is", "was", "are", "were", "be") or "." in q.surface):
            return p.unit  # an integer after a copula may be an age or a count: "his brother is 12"
        if w == "to" and pw == "from" and re.fullmatch(r"\s+to\s+", text[p.end:q.start]):
            return p.unit
        if w in _OPPOSITE_MOVES.get(pw, ()) and _AND_VERB.fullmatch(text, p.end, q.start):
            return p.unit  # "I lost 14 seconds and gained 52": the other move, in the same measure
        if w in ("and", "versus", "vs", "against") and _THEN.match(text, q.end):
            return p.unit  # "1.4 degrees in 2018 and 2.1 last year": the same measure at another time
        return None
    return None


_NOUNS_BEFORE = re.compile(r"(?:\b([a-z]+) )?\b([a-z]+) $")


def _noun_before(text: str, lo: int, pos: int) -> str | None:
    """The lower-case plural noun (with a noun modifier) right before ``pos``: 'asylum claims '."""
    m = _NOUNS_BEFORE.search(text, max(lo, pos - 40), pos)
    if not m or not _is_plural(m.group(2)) or m.group(2) in STOP or m.group(2) in ADJ \
            or m.group(2) in _NON_COUNT_WORDS or m.group(2).endswith(("ly", "ed")):
        return None
    head = _singular(m.group(2))
    if head in _PEOPLE:
        return "year"  # "people under 30", "children over 5": an age bound
    mod = m.group(1)
    if mod and mod not in STOP and mod not in ADJ and not mod.endswith(("ing", "ed", "ly", "s")) \
            and mod not in CHANGE_BEFORE:
        return f"{mod} {head}"
    return head


_NON_COUNT_WORDS = {"costs", "weighs", "measures", "totals", "employs", "seats", "holds", "houses", "spans", "covers",
                    "reaches", "exceeds", "tops", "needs", "gets", "earns", "makes", "pays", "sells", "says", "takes",
                    "gives", "runs", "lasts", "hits", "contains", "includes", "numbers", "counts", "stands", "sits",
                    "is", "was", "has", "does", "this", "its", "his", "hers", "yes", "less", "perhaps", "always",
                    "sometimes", "towards", "afterwards", "besides", "whereas", "thus", "plus", "minus", "times",
                    "points", "percents", "others", "ones", "years", "months", "weeks", "days", "hours"}


_BARE_NEXT = re.compile(r"\s*(?:[^\w\s]|$|(?:more|fewer|less|others?|additional|were|was|have|had|are|in|at|on|last|this|from|and|to|by|during|compared|versus|vs|"
                        r"short|needed|required|ahead|behind|apiece|each)\b"  # "five short of the 71 needed"
                        r"|(?:an?|the|\w+)\s+(?:years?|months?|weeks?|days?|decades?|quarters?)\s+(?:ago|earlier|before|previously)\b"
                        r"|(?:[a-z]{3,}ed|hurt|lost|sold|built|stolen|taken|seen|held|found|shot)(?=\s*(?:[,.;:)]|$|(?:and|or|in|by|on|at)\b)))")
# (a time after the figure ends it too: "up from 3.9 million a year ago", "from 310 two years earlier";
# so does a participle that ends its clause: "312 houses were destroyed and 96 damaged")


_ONES = re.compile(r"\s+(?:[a-z\-]+\s+)?ones\b")


def _bare_end(text: str, pos: int, end: int) -> bool:
    """A bare number ends its phrase: '42,000 more', 'over 9,000,' (not 'about 700 oil- and
    gas-fired plants'), or stands for the noun it repeats: '21 seats, sixteen general ones'."""
    return bool(_BARE_NEXT.match(text, pos, end) or _ONES.match(text, pos, end))


_NON_COUNT = set(UNITS.values()) | set(CURRENCY_WORDS.values()) | set(CURRENCY_PREFIX.values()) | {
    "percentage", "percentage point", "year", "time"} | set(_MEASURE_BEFORE.values()) | set(_SCALE_AFTER.values())
# (a measure is not a counted noun: after "a magnitude 6.8 quake", "rose to 63" counts no magnitudes)


# ------------------------------------------------------------------ stage: after the sentence is read

# The counted noun of the last quantity in the document being read, so that a bare
# "over 9,000" in the next sentence can inherit "visa application". Holding the text
# itself (not its id) means a new document can never be mistaken for the old one.
# "rate" is the last rate per a named population ("case per 100,000 residents"), for a
# later bare "212 per 100,000" in the same document.
# "scale" is the last temperature scale the document wrote ("41.3°C"), for a later bare
# "27 degrees" in a sentence about temperature.
# "last" is the unit of the last quantity the sentence before gave one, for "780 of that";
# "level" the last measure, sum or share, for "By noon they had dropped to 35".
_DOC_MEMORY: dict = {"text": None, "unit": None, "end": -1, "rate": None, "scale": None, "basis": False, "sums": {}, "counts": {},
                     "last": None, "level": None}


def _counted_before(text: str, start: int) -> str | None:
    """The counted noun the sentence before (in this document, within 600 characters)
    counted last: "Rescuers pulled 64 workers out. Nine of them were ..." counts workers."""
    if _DOC_MEMORY["text"] is not text or _DOC_MEMORY["end"] > start or start - _DOC_MEMORY["end"] >= 600:
        return None
    return _DOC_MEMORY["unit"]


_OF_THE_NAMED = re.compile(r"\b[Oo]f\s+(?:the|these|those|its|their)\s+([a-z]+s),\s*$")


def _named_before(text: str, start: int, qs: list[Quantity], pattern: re.Pattern, reach: int, unit_of,
                  replaces: tuple = (None,)) -> list[Quantity]:
    """Each single figure whose unit is one of ``replaces`` (none, by default), after a
    phrase ``pattern`` finds within ``reach`` characters before it, takes the unit
    ``unit_of(match, quantity)`` gives (a false value leaves it)."""
    out = list(qs)
    for n, q in enumerate(out):
        if q.value_max is None and q.unit in replaces:
            m = pattern.search(text, max(start, q.start - reach), q.start)
            unit = unit_of(m, q) if m else None
            if unit:
                out[n] = Quantity(**{**q.__dict__, "unit": unit})
    return out


def _of_the_named(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """A bare figure that opens its clause after "Of the survivors," counts survivors."""
    return _named_before(text, start, qs, _OF_THE_NAMED, 40, lambda m, q: _is_plural(m.group(1)) and _singular(m.group(1)),
                         (None, "person"))


_IN_FRONT_OF = re.compile(r"\bin\s+front\s+of\s+(?:a\s+(?:crowd|gate|attendance)\s+of\s+)?$", re.I)


_TOLL_TO = re.compile(r"\btoll\b(?:\s+(?:has|had|now|rose|risen|climbed|reached|stands|stood|is|was|of|at|to|from|"
                     r"the|this|by|been|since|already))*\s+(?:(?:about|around|some|at\s+least|more\s+than)\s+)?$", re.I)


def _tolls(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """A bare figure a toll stands at or moves to counts people, whatever the sentence
    counted before it: "recovered 41 bodies, bringing the toll to 74"."""
    out = list(qs)
    for n, q in enumerate(out):
        if q.unit is None and q.value_max is None and _TOLL_TO.search(text, max(start, q.start - 60), q.start):
            out[n] = Quantity(**{**q.__dict__, "unit": "person"})
    return out


def _crowd_in_front_of(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """A bare figure a match or a show was played "in front of" counts spectators."""
    return _named_before(text, start, qs, _IN_FRONT_OF, 40, lambda m, q: q.value >= 100 and "spectator")


_MEASURED_IN = re.compile(r"\bmeasured\s+in\s+((?:[a-z-]+\s+){0,2}?[a-z-]+s)\b(?=[^.;:]*$)")


def _measured_in(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """A bare figure in a clause after "measured in seat-kilometres" is in seat-kilometres."""
    def unit_of(m, q):
        *mods, last = m.group(1).split()
        return _is_plural(last) and " ".join([*mods, UNITS.get(last) or _singular(last)])
    return _named_before(text, start, qs, _MEASURED_IN, 90, unit_of)


_PRONOUN_MOVED_TO = re.compile(r"\b(?:[Ii]t|[Tt]hey)\s+(?:(?:has|have|had|then|later|since)\s+)*(?:[a-z]+ed|fell|rose|sank|"
                               r"grew|slid|hit|shrank|fallen|risen|grown|sunk|shrunk)\s+(?:back\s+)?(?:to|at)\s+$"
                               r"|\b(?:[Ii]t|[Tt]hey)\s+(?:will|would|could|might|may)\s+(?:only\s+)?be\s+$")
_TIMES_AND_MULTIPLES = frozenset(TIME_UNITS) | {"time"}


def _it_moved_to(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """A bare level that "it" or "they" moved to, in the sentence after a measure, is in that
    measure: "180 micrograms per cubic metre. By noon they had dropped to 35"; so is the
    level it "will be" ("We caught 90 tonnes last year. Next year it will be maybe 70")."""
    out = list(qs)
    for n, q in enumerate(out):
        if q.unit is None and q.value_max is None and _PRONOUN_MOVED_TO.search(text, max(start, q.start - 40), q.start):
            level = next((p.unit for p in reversed(out[:n]) if _a_level_unit(p.unit)), None)
            if level is None and _DOC_MEMORY["text"] is text and 0 <= start - _DOC_MEMORY["end"] < 300:
                level = _DOC_MEMORY["level"]
            if level is not None:
                out[n] = Quantity(**{**q.__dict__, "unit": level})
        elif q.unit is None and q.value_max is None and _MOVES_TO.search(text, max(start, q.start - 40), q.start):
            prev = next((p for p in reversed(out[:n]) if p.unit), None)
            if prev is not None and _a_level_unit(prev.unit) and max(prev.value, q.value) <= 4 * min(prev.value, q.value):
                out[n] = Quantity(**{**q.__dict__, "unit": prev.unit})
                # "Exports, which reached 18 million tonnes last season, are likely to fall to 13 million"
                # (within a factor of four: not "the magnitude-6.4 quake ... rose to 63")
    return out


# a verb of moving, in any form, before the level it moves to
_MOVE_FORMS = frozenset("fall fell fallen falling rise rose risen rising drop dropped dropping climb climbed climbing "
                        "grow grew grown growing shrink shrank shrunk shrinking increase increased increasing decrease "
                        "decreased decreasing slip slipped slipping".split())
_MOVES_TO = re.compile(r"\b(?:" + "|".join(sorted(_MOVE_FORMS)) + r")\s+(?:back\s+)?to\s+"
                       r"(?:(?:about|around|roughly|nearly|almost|just|some)\s+)?$")


def _a_level_unit(unit: str | None) -> bool:
    """A measure, a sum or a share (not a count, a span of time or a multiple)."""
    return bool(unit) and unit not in _TIMES_AND_MULTIPLES and unit.split(" per ")[0] in _NON_COUNT


_WHO_PUT_AT = re.compile(r"\b(?:([a-z][a-z-]*)\s+)?([a-z][a-z-]*s),\s+(?:who|whom|which|whose\s+numbers?)\s+(?:[a-z]+\s+){0,3}?"
                         r"(?:put|puts|estimated?|estimates|reckons?|reckoned|numbered|number)\s+(?:at\s+)?$")


def _who_they_put_at(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """A bare figure that a relative clause puts a plural noun at counts that noun:
    "the count missed seasonal workers, who they put at up to 25,000"."""
    def unit_of(m, q):
        mod, noun = m.group(1), m.group(2)
        if not _is_plural(noun) or noun in STOP:
            return None
        kept = [mod] if mod and mod not in STOP and not mod.endswith("ed") and mod not in _MOVE_WORDS else []
        return " ".join([*kept, _singular(noun)])
    return _named_before(text, start, qs, _WHO_PUT_AT, 90, unit_of, (None, "person"))


_VOTE_OF = re.compile(r"\b(?:(?i:a\s+vote\s+of|voted|votes?\s+(?:was|were)|(?:won|lost|survived|passed|carried)\s+the\s+vote)"
                      r"|(?:passed|cleared|approved|rejected)\s+(?:the\s+)?(?:House|Senate|Assembly|Commons|"
                      r"Lords|Parliament|Chamber|Council|Bundestag|Senado|Congress|Dáil|Knesset|Duma|Diet))"
                      r"\s+(?:by\s+)?$")  # ("passed the House 58 to 41": the chamber's tally)
_TALLY_TO = re.compile(r"\s*(?:to|-|–)\s*")


def _vote_tally(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """The two bare figures of a vote ("by a vote of 112 to 64", "Councillors voted 38 to 21")
    count votes."""
    out = list(qs)
    for n, q in enumerate(out):
        if q.unit is None and q.value_max is None and _VOTE_OF.search(text, max(start, q.start - 20), q.start):
            out[n] = Quantity(**{**q.__dict__, "unit": "vote"})
            nxt = out[n + 1] if n + 1 < len(out) else None
            if nxt is not None and nxt.unit is None and nxt.value_max is None and _TALLY_TO.fullmatch(text, q.end, nxt.start):
                out[n + 1] = Quantity(**{**nxt.__dict__, "unit": "vote"})
    return out


_INCLUDING = re.compile(r",?\s+(?:including|among\s+them|of\s+whom|among\s+whom)\s+(?:(?:about|some|around|nearly|almost|more\s+than|over|at\s+least)\s+)?$")


def _including_some(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A bare figure "including" part of a count just made counts the same things: "About
    1,400 workers, including 200 brought in from abroad"."""
    out = list(qs)
    for n in range(1, len(out)):
        a, q = out[n - 1], out[n]
        if q.unit is None and q.value_max is None and a.unit and a.unit not in _NON_COUNT and " per " not in a.unit \
                and q.value <= a.value and _INCLUDING.fullmatch(text, a.end, q.start):
            out[n] = Quantity(**{**q.__dict__, "unit": a.unit})
    return out


_OF_THAT = re.compile(r"\s+of\s+(?:that|it|this)\b")


def _part_of_that_sum(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """A bare figure "of that" is a part of the sum just named, in its unit: "takes home
    about 1,900 florins a month. Spending 780 of that on rent"."""
    out = list(qs)
    for n, q in enumerate(out):
        if q.unit is None and q.value_max is None and _OF_THAT.match(text, q.end):
            before = next((p.unit for p in reversed(out[:n]) if p.unit), None)
            if before is None and _DOC_MEMORY["text"] is text and 0 <= start - _DOC_MEMORY["end"] < 600:
                before = _DOC_MEMORY["last"]
            if before is not None:
                out[n] = Quantity(**{**q.__dict__, "unit": before})
    return out


def _carry_units(text: str, start: int, end: int, out: list[Quantity]) -> list[Quantity]:
    """Stage, once the sentence is read: each quantity in turn may take its unit from its
    neighbours (or from the sentence before) and its change from the quantity it restates."""
    prev_unit = _counted_before(text, start)  # inherit the counted noun: "41,000 troops ... and 42,000 more"
    if _DOC_MEMORY["text"] is not text or _DOC_MEMORY["end"] > start:
        _DOC_MEMORY.update(text=text, unit=None, end=-1, rate=None, scale=None, basis=False, sums={}, counts={}, last=None,
                           level=None)
    fixed = []
    prev_q = None
    carried = prev_unit is not None
    index_sentence = any(q.unit == "point" for q in out) or _INDEX_WORD.search(text, start, end) is not None
    out = _counted_by_number_of(text, start, out)  # before the sentence before: "the number of unemployed rose by 11,000"
    out = _of_the_named(text, start, out)  # "Of the survivors, four were in critical condition"
    out = _priced_each(text, start, out)  # before the loop, so that "up from £420" takes the price's unit too
    out = _paid_to_each(text, start, out)  # "would pay 3,500 rundels to each evacuated household"
    out = _priced_alike(text, out)  # "26.4p per kilowatt hour for electricity and 6.8p for gas"
    out = _pay_by_the_period(text, start, out)  # "the minimum hourly rate to £12.85"
    out = _counted_a_thing(text, start, out)  # "five or six wholesalers a morning", "3.40 drals a pack"
    out = _so_many_a_period(text, start, out)  # "cut sailings from six a day to four"
    out = _cost_of_doing_one(text, start, out)  # "Keeping a prisoner for a year costs £53,400"
    out = _size_of_one(text, start, end, out)  # "average household size shrank to 2.36 people"
    out = _crowd_in_front_of(text, start, out)  # "beat Port Aldine 3-1 in front of 27,418"
    out = _tolls(text, start, out)  # "recovered 41 bodies, bringing the toll to 74"
    out = _measured_in(text, start, out)  # "capacity measured in seat-kilometres grew 8% to 96.5 billion"
    out = _part_of_that_sum(text, start, out)  # "takes home 1,900 florins a month. Spending 780 of that"
    out = _it_moved_to(text, start, out)  # "fine particles at 180 micrograms per cubic metre. By noon they had dropped to 35"
    out = _who_they_put_at(text, start, out)  # "seasonal workers, who they put at up to 25,000"
    out = _vote_tally(text, start, out)  # "approved the bill by a vote of 112 to 64"
    out = _including_some(text, out)  # "About 1,400 workers, including 200 brought in from abroad"
    for n, q in enumerate(out):
        nxt_q = out[n + 1] if n + 1 < len(out) else None
        q = _pair_in_brackets(text, q, nxt_q, fixed)
        q = _unit_from_neighbours(text, start, end, q, nxt_q, fixed, prev_q, prev_unit, index_sentence)
        q = _restated_change_and_steps(text, start, q, prev_q)
        fixed.append(q)
        if _WORDS_COMPOUND.fullmatch(q.surface):
            continue  # a modifier in words passes nothing on: "short of the 175 needed" after "any two-party coalition"
        if q.unit and q.unit not in _NON_COUNT and " per " not in q.unit:
            prev_unit = q.unit  # (a rate is no counted noun: "1.38 children per woman ... number 197,000")
            carried = False
        elif q.unit and carried and (q.unit in _MONEY or " per " in q.unit):
            prev_unit = carried = None  # "120 cows. Butter fell to €5,200 a tonne, against 7,400": a sentence
            # that prices has left the count of the sentence before ("16-hour shifts ... a dozen of them" has not)
        prev_q = q
    _DOC_MEMORY.update(unit=prev_unit, end=end, last=next((q.unit for q in reversed(fixed) if q.unit), _DOC_MEMORY["last"]),
                       level=next((q.unit for q in reversed(fixed) if _a_level_unit(q.unit)), None))
    out = _rate_of_what(text, start, _rate_named_before(text, start, fixed))
    out = _same_rate_level(text, _same_population(_points_of_a_percentage(text, start, end, out)))
    out = _exchange_rates(text, start, _bare_rates(text, _counted_by_number_of(text, start, out)))
    out = _another_holders_level(text, out)
    out = _counts_named_again(text, _sums_named_again(_moved_levels(text, start, out)))
    for q in out:
        if q.unit and _NAMED_RATE.search(q.unit):
            _DOC_MEMORY["rate"] = q.unit
    return _basis_points_as_before(text, start, end, _degrees_of_the_scale(text, start, end, out))


def _basis_points_as_before(text: str, start: int, end: int, qs: list[Quantity]) -> list[Quantity]:
    """Once a story has written a rate's moves in basis points, a bare "a 50-point move"
    in multiples of 25 is in basis points too ("raised its rate by 50 basis points ... the
    chance of a 50-point move"); an index's points stay points."""
    out = list(qs)
    index = _INDEX_WORD.search(text, start, end) is not None
    for n, q in enumerate(out):
        if q.unit == "basis point":
            _DOC_MEMORY["basis"] = True
        elif q.unit == "point" and _DOC_MEMORY["basis"] and not index and q.value % 25 == 0 and 0 < q.value <= 1000:
            out[n] = Quantity(**{**q.__dict__, "unit": "basis point"})
    return out


_SCALES = ("celsius", "fahrenheit")
_TEMPERATURE = re.compile(r"\b(?:temperatures?|warm\w*|hott?\w*|heat\w*|cold\w*|cool\w*|thermometers?|mercury|"
                          r"frost\w*|highs?|lows?|overnight)\b", re.I)


def _degrees_of_the_scale(text: str, start: int, end: int, qs: list[Quantity]) -> list[Quantity]:
    """A bare "27 degrees" in a sentence about temperature is on the scale the document
    wrote last ("41.3°C ... the temperature didn't fall below 27 degrees"); the first scale
    of a paired "41.3°C (106.3°F)" is the one the document reports in."""
    out = list(qs)
    for n, q in enumerate(out):
        paired = n > 0 and out[n - 1].unit in _SCALES  # the "(106.3°F)" after "41.3°C"
        if q.unit in _SCALES and (_DOC_MEMORY["scale"] is None or not paired):
            _DOC_MEMORY["scale"] = q.unit
        elif q.unit == "degree" and _DOC_MEMORY["scale"] and _TEMPERATURE.search(text, start, end):
            out[n] = Quantity(**{**q.__dict__, "unit": _DOC_MEMORY["scale"]})
    return out


_NAMED_RATE = re.compile(r"\bper [\d,.]+ \w")  # "case per 100,000 residents", "per 1,000 births"


def _same_population(qs: list[Quantity]) -> list[Quantity]:
    """A rate per a bare population repeats the population named before it in the
    sentence: "412 of every 100,000 adults, up from 365 per 100,000" is per 100,000 adults;
    failing that, the rate named last in the document ("38.6 cases per 100,000 residents
    ... the rate has reached 212 per 100,000")."""
    out = list(qs)
    for n in range(len(out)):
        q = out[n]
        if q.unit and q.unit.startswith("per ") and q.unit.count(" ") == 1:
            named = next((p.unit for p in reversed(out[:n]) if p.unit and f" {q.unit} " in f" {p.unit} "
                          and p.unit != q.unit), None)  # "11.6 cases per 100,000 people, against 0.9 per 100,000"
            earlier = _DOC_MEMORY["rate"]
            if named is None and earlier and f" {q.unit} " in f" {earlier} ":
                named = earlier
            if named:
                out[n] = Quantity(**{**q.__dict__, "unit": named})
    return out


# the join of two levels of one rate, past "each" or a short "in tuition": "$38,700 a year in
# tuition, compared with $9,250", "£450 each, up from £420"
_LEVEL_JOIN = re.compile(r"(?:\s+(?:each|apiece)|\s+(?:in|for|on|a|an|per)\s+[A-Za-z]+)?,?\s+(?:(?:up|down)\s+)?"
                         r"(?:from|to|compared with|against|versus|vs\.?)\s+(?:the\s+)?")


# a contrast that gives another holder its own level of the same measure: "the capital has
# 1,430 per square kilometre, while the mountain province has fewer than 20"
_WHILE_THE_OTHER = re.compile(r",?\s+(?:while|whereas)\s+(?:[A-Za-z][\w'’-]*\s+){1,6}?"
                              r"(?:has|have|had|earns?|earned|gets?|got|pays?|paid|costs?|charges?|charged|sells?|sold)\s+")


def _another_holders_level(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A bare level after a contrast with another holder is in the unit of the level before
    it: "the capital has 1,430 per square kilometre, while the north has fewer than 20"."""
    out = list(qs)
    for n in range(len(out) - 1):
        a, b = out[n], out[n + 1]
        if a.unit and b.unit is None and b.value_max is None and a.value_max is None \
                and {a.change, b.change} <= {"=", "~", "<", ">"} and _WHILE_THE_OTHER.fullmatch(text, a.end, b.start):
            out[n + 1] = Quantity(**{**b.__dict__, "unit": a.unit})
    return out


_TAKING_TOTAL = re.compile(r",?\s+(?:taking|bringing|lifting|raising)\s+(?:the|its|their)\s+(?:[a-z]+\s+){0,5}?to\s+")


def _same_rate_level(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Two levels of one rate, the rate written once: "3.0 tonnes per hectare from 3.4
    tonnes", "$30 a share, up from $25", "from 3.40 drals a pack to 9.85 drals": the other
    level is per hectare (per share, per pack) too. The move to a rate's level stays in the
    unit it is written in ("raised by 4 cents to 38 cents per share" is 4 cents, as NewsQuant
    and own_news read it; own_news_c and own_news_g read "rose 7 cents to €1.94 a litre" as
    cents per litre)."""
    out = list(qs)
    for n in range(len(out) - 1):
        a, b = out[n], out[n + 1]
        if not a.unit or {a.change, b.change} & {"up", "down"} or not _alike_in_size(a.value, b.value):
            continue  # "raised it by 4 cents to 38 cents per share": a change and a level
        earlier = _LEVEL_FROM.fullmatch(text, a.end, b.start) or _COMPARED.fullmatch(text, a.end, b.start) \
            or _TAKING_TOTAL.fullmatch(text, a.end, b.start)
        if b.unit is None and b.value_max is None and a.value_max is None and earlier:
            out[n + 1] = Quantity(**{**b.__dict__, "unit": a.unit})  # "31 days, down from 38"
        elif earlier and b.unit and " per " in a.unit and a.unit.split(" per ")[0] == b.unit:
            out[n + 1] = Quantity(**{**b.__dict__, "unit": a.unit})  # "£3.40 a kilo last month, up from £2.90"
        elif not _LEVEL_JOIN.fullmatch(text, a.end, b.start):
            continue
        elif b.unit and " per " in a.unit and a.unit.split(" per ")[0] == b.unit:
            out[n + 1] = Quantity(**{**b.__dict__, "unit": a.unit})
        elif b.unit and " per " in b.unit and b.unit.split(" per ")[0] == a.unit:
            out[n] = Quantity(**{**a.__dict__, "unit": b.unit})
    return out


_RATE_BEFORE = re.compile(r"\bper\s+(?!cent\b)(?:(?:diluted|basic|adjusted)\s+)?([a-z]+)\s+(?:(?:(?:will|would|has|have|had|is|was)\s+)?(?:rise|rises|rose|risen|fall|falls|fell|fallen|grow|grew|grown|"
                          r"increase|increased|drop|dropped|climb|climbed)\s+(?:by\s+[\d.]+\s?(?:%|percent|per cent)\s+)?)?"
                          r"(?:of|was|were|is|are|at|to)\s+(?:about\s+|around\s+|roughly\s+|between\s+)?$")


def _rate_named_before(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """A sum after the rate it is of: "earnings per share of $0.87", "income per head was
    $41,000" are dollars per share, per head."""
    out = list(qs)
    for n, q in enumerate(out):
        if q.unit in _MONEY:
            m = _RATE_BEFORE.search(text, max(start, q.start - 60), q.start)
            if m:
                per = UNITS.get(m.group(1)) or _singular(m.group(1))
                out[n] = Quantity(**{**q.__dict__, "unit": f"{q.unit} per {per}"})
    return out


_WHAT_RATE = re.compile(r"\b([a-z]+)\s+rates?\b")
_NOT_OF_THINGS = frozenset("interest exchange tax growth inflation unemployment mortgage base bank policy "
                           "success failure approval participation response turnout vacancy hourly annual".split())


def _rate_of_what(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """A rate with no base after "the death rate" or "the infection rate" counts deaths or
    infections: "The death rate fell to 2.1 per 100,000 people" is deaths per 100,000."""
    out = list(qs)
    for n, q in enumerate(out):
        if q.unit and q.unit.startswith("per "):
            m = None
            for m in _WHAT_RATE.finditer(text, start, q.start):
                pass
            if m and m.group(1) not in STOP and m.group(1) not in ADJ and m.group(1) not in _NOT_OF_THINGS:
                out[n] = Quantity(**{**q.__dict__, "unit": f"{_singular(m.group(1))} {q.unit}"})
    return out


_CURRENCY_NAME = re.compile(r"\b(" + "|".join(sorted((w for w in CURRENCY_WORDS if w.isalpha() and len(w) > 3),
                                                          key=len, reverse=True)) + r")\b", re.I)


def _exchange_rates(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """An exchange rate written "11.62 per euro" after the currency it prices ("the krona
    fell 0.4% against the euro, to 11.62 per euro") is krona per euro."""
    out = list(qs)
    for n, q in enumerate(out):
        per = q.unit[4:] if q.unit and q.unit.startswith("per ") else None
        if per not in _MONEY:
            continue
        named = [CURRENCY_WORDS[m.group(1).lower()] for m in _CURRENCY_NAME.finditer(text, start, q.start)]
        other = next((c for c in named if c != per and c not in _SMALL_COINS), None)
        subject = _RATE_SUBJECT.match(text, start)
        if other is None and subject and subject.group(1).lower() not in _NOT_CURRENCIES:
            other = subject.group(1).lower()  # "The dorin, which traded at 41.2 per dollar": a currency of its own
        if other:
            out[n] = Quantity(**{**q.__dict__, "unit": f"{other} per {per}"})
    return out


# "the minimum hourly rate to", "average monthly rent is now": a periodic charge or wage, a few
# words of its own clause, and the verb or preposition before the sum
_PERIODIC = re.compile(r"\b(hourly|daily|weekly|monthly|annual|yearly)\s+(?:[a-z]+\s+)?"
                       r"(?:rates?|wages?|pay|earnings|salary|salaries|rents?|fees?|costs?|bills?|income|"
                       r"allowance|premiums?|subscriptions?|charges?)\b"
                       r"(?:\s+(?!but\b|and\b|while\b|whereas\b|although\b)[\w.%]+){0,6}?"
                       r"\s+(?:to|of|at|was|is|are|were|rose|fell|stood|reached|hit)?\s*"
                       r"(?:an?\s+average\s+of\s+|about\s+|around\s+|nearly\s+)?$", re.I)
_PERIOD_OF = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "annual": "year", "yearly": "year"}


def _pay_by_the_period(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """Money that a periodic charge or wage comes to is per that period: "the minimum
    hourly rate to £12.85" is pounds per hour, "average monthly rent is now €1,240" euros
    per month (the sum right after the phrase, or after its verb)."""
    out = list(qs)
    for n, q in enumerate(out):
        if q.unit not in _MONEY:
            continue
        m = _PERIODIC.search(text, max(start, q.start - 90), q.start)
        if m and m.end() == q.start:
            out[n] = Quantity(**{**q.__dict__, "unit": f"{q.unit} per {_PERIOD_OF[m.group(1).lower()]}"})
    return out


_A_THING = re.compile(r"\s+an?\s+([a-z]+)\b(?=\s*(?:[,.;:)]|$|\s(?:and|but|or|to|in|at|for|from|on|since|last|this|"
                      r"against|compared|while|with|before|after|until|by)\b))")
_TWO_OBJECTS = re.compile(r"\b(?:gave|give|gives|giving|sent|send|sends|told|tell|tells|offered|offer|offers|owed|owe|"
                          r"owes|showed|show|shows|handed|hand|bought|buy|awarded|award|granted|grant|promised|"
                          r"promise|cost|costs|charged|charge|charges|paid|pay|pays|lent|lend|left|leave|earned|earns|"
                          r"won|win|wins|saved|save|saves)\s+(?:\w+\s+){0,2}$", re.I)
_NOT_A_THING = frozenset("lot bit few little number total record result dozen half quarter third piece time "
                         "while".split()) | TIME_UNITS


_A_PERIOD = re.compile(r"\s+(?:a|an|per|each)\s+(day|week|month|year|hour|night)\b"
                       r"(?!\s+(?:ago|earlier|before|later|after|previously|on)\b)")  # ("up from 640 a year ago")
_FROM_TO = re.compile(r"\s+to\s+(?:(?:about|around|just|only)\s+)?")
_A_WORD = re.compile(r"[A-Za-z][a-z-]*")
_BETWEEN_A_COUNT_AND_FIGURE = _MOVE_FORMS | frozenset(
    "will would could may might should be been is are was were have has had now then from to at of about around "
    "some only just nearly roughly almost up down by than more fewer less over under cut reduced".split())


def _so_many_a_period(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """A bare figure "a day" counts, per day, the plural noun a few words before it:
    "cut sailings from six a day to four" is sailings per day, both ends; "builds cars,
    about 300 a week" cars per week."""
    out = list(qs)
    for n, q in enumerate(out):
        m = _A_PERIOD.match(text, q.end)
        if q.unit is not None or q.value_max is not None or m is None:
            continue
        noun = _plural_just_before(text, start, q.start)
        if noun is None:
            continue
        unit = f"{_singular(noun)} per {m.group(1)}"
        out[n] = Quantity(**{**q.__dict__, "unit": unit, "end": m.end(), "surface": text[q.start:m.end()]})
        nxt = out[n + 1] if n + 1 < len(out) else None
        if nxt is not None and nxt.unit is None and _FROM_TO.fullmatch(text, m.end(), nxt.start) \
                and re.search(r"\bfrom\s+$", text[max(start, q.start - 8):q.start]):
            out[n + 1] = Quantity(**{**nxt.__dict__, "unit": unit})
    return out


def _plural_just_before(text: str, start: int, end: int) -> str | None:
    """The nearest plural noun in the five words before ``end`` that is no unit, currency or
    word of time ("sailings from", "cars, about"), with only words of moving or bounding
    between them, or None: a verb right before the figure has its own subject ("swims 3 a
    week", "Police arrest 12 a day")."""
    found = list(_A_WORD.finditer(text, start, end))[-5:]
    for m in reversed(found):
        w = m.group(0).lower()
        if (m.group(0).islower() or m.start() == start) and _is_plural(w) and w not in STOP and w not in UNITS \
                and w not in CURRENCY_WORDS and _singular(w) not in UNITS and _singular(w) not in TIME_UNITS:
            gap = _A_WORD.findall(text, m.end(), end)
            apart = bool(gap) or "," in text[m.end():end]
            return w if apart and all(g.lower() in _BETWEEN_A_COUNT_AND_FIGURE for g in gap) else None
    return None


def _counted_a_thing(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """A count "a" single thing is a count per that thing: "five or six wholesalers a
    morning", "3.40 drals a pack", "20 pupils a class" (not "gave 40 pupils a book": a verb
    of two objects; units of time are read with the figure already)."""
    out = list(qs)
    for n, q in enumerate(out):
        if not q.unit or " per " in q.unit or q.unit in _NON_COUNT or q.unit == "person":
            continue
        m = _A_THING.match(text, q.end)
        if m is None or m.group(1) in _NOT_A_THING or m.group(1) in ADJ or m.group(1) in STOP \
                or _is_plural(m.group(1)) or m.group(1).endswith(("ly", "ing")) \
                or _TWO_OBJECTS.search(text, max(start, q.start - 40), q.start):
            continue
        out[n] = Quantity(**{**q.__dict__, "unit": f"{q.unit} per {m.group(1)}"})
    return out


# the subject of a sentence about an exchange rate: "The dorin, which traded at", "The lira fell to"
_RATE_SUBJECT = re.compile(r"\s*[Tt]he\s+([a-z]+),?\s+(?:which\s+)?(?:traded|trades|fell|rose|weakened|strengthened|"
                           r"slid|slumped|dropped|recovered|stood|closed|ended|opened|hit|sank|plunged)\b")
_NOT_CURRENCIES = frozenset("rate price index market exchange economy currency bank yield".split())


_PERIODS = TIME_UNITS | {"night"}  # spans a sum "each" never prices
_SUMS_NAMED = frozenset("costs fees prices bills charges payments sums amounts fines wages salaries".split())
_EACH = re.compile(r"\s+(?:in\s+)?(?:each|apiece)\b(?!\s+(?:year|month|week|day|time|of|case|instance|one)\b)")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*|\d[\d,.]*")


_TO_EACH = re.compile(r"\s+(to|for)\s+(?:each|every)\s+(?:(?:[a-z]+ed|new|single|eligible)\s+)?([a-z]+)\b"
                      r"(?!\s+[a-z]+(?:s|es)\b)")  # "to each evacuated household" (not "each tax returns")
_PAY_BEFORE = re.compile(r"\b(?:pay|pays|paid|paying|give|gives|gave|giving|grant|grants|granted|award|awarded|"
                         r"offer|offers|offered|receive|receives|received)\s+(?:\w+\s+){0,2}$", re.I)


def _paid_to_each(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """A sum paid or given "to each" thing is per that thing: "pay €500 to each family",
    "would pay 3,500 rundels to each evacuated household" (a currency the registry does not
    know is still what is paid)."""
    out = list(qs)
    for n, q in enumerate(out):
        if not q.unit or " per " in q.unit or q.value_max is not None:
            continue
        m = _TO_EACH.match(text, q.end)
        paid = _PAY_BEFORE.search(text, max(start, q.start - 30), q.start)
        if m and (paid or q.unit in _MONEY and m.group(1) == "to") and m.group(2) not in TIME_UNITS:
            out[n] = Quantity(**{**q.__dict__, "unit": f"{q.unit} per {_singular(m.group(2))}"})
    return out


_FOR_ONE_AND = re.compile(r"\s+for\s+(?:[a-z]+\s+){0,2}?[a-z]+,?\s+and\s+")
_FOR_ANOTHER = re.compile(r"\s+for\s+[a-z]")


def _priced_alike(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A price set beside another "for" a second thing is by the same measure: "26.4p per
    kilowatt hour for electricity and 6.8p for gas" is pence per kilowatt hour too; a bare
    figure so set takes the unit whole: "18 pounds for adults and 9 for children", "40 beds for
    adults and 9 for children"."""
    out = list(qs)
    for n in range(1, len(out)):
        p, q = out[n - 1], out[n]
        alike = p.unit and (p.unit.startswith(f"{q.unit} per ") if q.unit in _MONEY else
                            q.unit is None)
        if alike and q.value_max is None \
                and _FOR_ONE_AND.fullmatch(text, p.end, q.start) and _FOR_ANOTHER.match(text, q.end):
            out[n] = Quantity(**{**q.__dict__, "unit": p.unit})
    return out


def _priced_each(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """An amount "each" prices the things the clause counted or named before it: "the
    records were offered at $0.40 each" is dollars per record, "1,200 tickets at €15
    apiece" euros per ticket (the nearest plural noun before it that is no unit, and of those
    the nearest a figure counted: "18 containers of bananas, worth €90,000 each" prices the
    containers); a count "each" is per such thing too: "31 classrooms hold 28 students each"."""
    out = list(qs)
    for n, q in enumerate(out):
        if not _EACH.match(text, q.end):
            continue
        clause = start if text[start:q.start].count(",") <= 1 else text.rfind(",", start, q.start) + 1
        counted_each = q.unit is not None and q.unit not in _MONEY and " per " not in q.unit \
            and q.unit not in TIME_UNITS and q.unit not in UNITS.values() and q.unit != "percentage"
        if q.unit not in _MONEY and not counted_each:
            continue
        nouns = [w for w in _plural_nouns_named(text, clause, q.start)
                 if _singular(w) != q.unit and _singular(w) not in _PERIODS and w not in _SUMS_NAMED]
        # ("6.2 nights and €1,140 each", "the running costs of roughly 60,000 pounds each": no price per night or cost)
        counted_here = {p.unit for p in out[:n] if p.start >= clause}
        nouns = [w for w in nouns if _singular(w) in counted_here] or nouns
        if nouns:
            noun = _singular(nouns[-1])
            counted = next((p.unit for p in reversed(out[:n]) if p.unit and p.unit.split(" ")[-1] == noun), noun)
            out[n] = Quantity(**{**q.__dict__, "unit": f"{q.unit} per {counted}"})  # "2,000 season tickets at £450 each"
        elif counted_each and (before := next((p.unit for p in reversed(out[:n]) if p.unit and p.unit not in _NON_COUNT
                                                and " per " not in p.unit and p.unit != q.unit), None)):
            out[n] = Quantity(**{**q.__dict__, "unit": f"{q.unit} per {before}"})  # "3.9 million households, ..., 2.31 people in each"
    return out


def _plural_nouns_named(text: str, start: int, end: int) -> list[str]:
    """The plural nouns before ``end`` that are things named (after a determiner or a
    figure, one modifier allowed, or opening the sentence), that are no units or currencies."""
    found = list(_WORD.finditer(text, start, end))
    words = [m.group(0) for m in found]
    out = []
    for x, w in enumerate(words):
        low = w.lower()
        if not _is_plural(low) or low in UNITS or low in STOP or low in CURRENCY_WORDS or _singular(low) in UNITS:
            continue
        nxt = words[x + 1].lower() if x + 1 < len(words) else ""
        glued = x + 1 < len(words) and not text[found[x].end():found[x + 1].start()].strip()
        if glued and nxt not in STOP and not nxt.endswith("ed") and nxt not in ("cost", "costs", "sell", "sold"):
            continue  # a modifier, not the head: "the visitors bench"
        before = [b.lower() for b in words[max(0, x - 3):x]]
        if x == 0 or any(b in _DETERMINED or b[0].isdigit() or b in SMALL or b in TENS for b in before):
            out.append(low)
    return out


_PER_NOUN_AFTER = re.compile(r"\s+(?:per|for\s+every|for\s+each)\s+((?:square\s+|cubic\s+)?[a-z]+)\b")
_OUT_OF = re.compile(r"\s+out\s+of\s+(?:a\s+total\s+of\s+)?")


def _bare_rates(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A bare figure "per game" after a count is that count per game ("29 goals, an
    average of 2.07 per game"); "four votes out of 6,907" counts votes too."""
    out = list(qs)
    for n, q in enumerate(out):
        if q.unit is not None or q.value_max is not None:
            continue
        prev = out[n - 1] if n else None
        m = _PER_NOUN_AFTER.match(text, q.end)
        if m and m.group(1) not in STOP and m.group(1) != "cent":
            per = UNITS.get(m.group(1)) or _singular(m.group(1))
            counted = next((p.unit for p in reversed(out[:n]) if p.unit and " per " not in p.unit and p.unit not in _NON_COUNT
                            and p.unit != per), None) if prev is not None and prev.unit else None
            # ("3,140 applicants chasing 150 places, or roughly 21 for every place": applicants per place)
            unit = f"{counted} per {per}" if counted else f"per {per}"
            if counted is None and prev is not None and (prev.unit or "").endswith(" per " + per):
                unit = prev.unit  # "118 people per square kilometre, ... 1,430 per square kilometre": people too
            out[n] = Quantity(**{**q.__dict__, "unit": unit, "end": m.end(), "surface": text[q.start:m.end()]})
        elif prev is not None and prev.unit and _OUT_OF.fullmatch(text, prev.end, q.start):
            out[n] = Quantity(**{**q.__dict__, "unit": prev.unit})
    return out


# people named by their state: "the number of unemployed" counts people
_PEOPLE_BY_STATE = frozenset("unemployed jobless homeless dead injured missing displaced elderly uninsured insured "
                             "poor wounded sick disabled".split())
_NUMBER_OF = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+number\s+of\s+((?:[A-Za-z-]+\s+){0,2}(?:[a-z-]+s|people|children|(?:wo)?men|" + "|".join(sorted(_PEOPLE_BY_STATE))
                        + r"))\b(?=(?:[^.;:,\d]|\d+(?:\.\d+)?\s*(?:(?:C|F|km|kg|mm|cm|m)\b|%)|,(?=\s+to\s+$)){0,90}$)")
# (a measure or a move between the noun and the figure does not stop it: "the number of days above 40C
# rose to 30", "the number of rough sleepers rose by 21% in the three months to September, to 4,780")


def _counted_by_number_of(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """A bare figure in a clause that opened with "the number of care homes" counts care
    homes: "the number of care homes had been cut from 200", "its number of cats from 22 to 12"."""
    out = list(qs)
    for n, q in enumerate(out):
        if q.unit is None:
            m = _NUMBER_OF.search(text, max(start, q.start - 130), q.start)
            if m:
                words = m.group(1).split()
                if len(words) > 1 and words[-1] in STOP | _MOVE_WORDS:
                    words = words[:-1]  # "the number of nurses has risen": nurses
                while len(words) > 1 and (words[0] in ADJ or words[0] in STOP or words[0].endswith(("ing", "ed"))
                                          or words[0][:1].isupper()):
                    words = words[1:]  # "the number of new cases": cases; "of paying business customers"
                    # ("the number of Chinese visitors": visitors, as "1.1 million Chinese visitors" counts them)
                words = ["person"] if words[-1] in _PEOPLE_BY_STATE else [*words[:-1], _singular(words[-1])]
                out[n] = Quantity(**{**q.__dict__, "unit": " ".join(words)})
    return out


# "31 days on average, down from 38", "up from about 40", "4.99 euros in German supermarkets,
# up from 3.79", "51,000 pounds a year to keep a prisoner in jail, up from 44,000", "rose to 2.4
# million barrels a day, from 2.1 million": the earlier level of the same figure
_LEVEL_FROM = re.compile(r"(?:\s+[A-Za-z][a-z]*){0,6}(?:,?\s+(?:up|down)|,)\s+from\s+"
                         r"(?:(?:an?|the|its|their)\s+(?:(?:previous|earlier|prior|initial|original)\s+)?"
                         r"(?:range|forecast|estimate|guidance|target|figure|total)\s+of\s+)?"
                         r"(?:(?:about|some|nearly|almost|around|roughly|just)\s+)?")
# ("profit of 310 million to 330 million euros, down from a previous range of 360 million to 380 million")
# "40 cars a day, compared with 25 today", "0.46 per 1,000 people, against a national rate of 0.51",
# "11 euros a kilo for beans, against 7 last spring"
_COMPARED = re.compile(r"(?:\s+(?:for|in|at|on)(?:\s+[a-z]+){1,3})?,?\s+(?:compared\s+(?:with|to)|against|versus|vs\.?)\s+"
                       r"(?:(?:a|an|the|its)\s+(?:[A-Za-z]+\s+){0,2}(?:rate|level|average|figure|total|mean|minimum|maximum|"
                       r"limit|target|threshold|ceiling|cap|floor|benchmark|norm)\s+of\s+|the\s+)?")


def _alike_in_size(x: float, y: float) -> bool:
    """Two levels of one measure are within a factor of ten ("$0.74 per share, compared
    with $26.2 million" are not)."""
    lo, hi = sorted((abs(x), abs(y)))
    return lo > 0 and hi / lo <= 10


_POINTS_TO = re.compile(r"\s+(?:to|at|from|on)\s+")
_POLL = re.compile(r"\b(?:polls?|polling|pollsters?|surveys?|swings?|vote shares?)\b", re.I)  # a lead in a poll is in percentage points
_OR_RESTATED = re.compile(r",?\s+(?:or|and)\s+(?:by\s+)?")  # "lost 190 points, or 0.6%"


def _points_of_a_percentage(text: str, start: int, end: int, qs: list[Quantity]) -> list[Quantity]:
    """Points by which a percentage moves are percentage points: "rose by 3 points to 41
    percent", "up 4 points at 38%". Points restated as a percentage ("lost 190 points, or
    0.6%") and points next to no percentage are an index's or a player's own."""
    out = list(qs)
    if _INDEX_WORD.search(text, start, end):
        return out
    for n in range(len(out) - 1):
        p, q = out[n], out[n + 1]
        if p.unit == "point" and q.unit == "percentage" and _POINTS_TO.fullmatch(text, p.end, q.start):
            out[n] = Quantity(**{**p.__dict__, "unit": "percentage point"})
    pcts = [q for q in out if q.unit == "percentage"]
    for n, p in enumerate(out):
        nxt = out[n + 1] if n + 1 < len(out) else None
        restated = nxt is not None and nxt.unit == "percentage" and _OR_RESTATED.fullmatch(text, p.end, nxt.start)
        if p.unit == "point" and not restated and (p.change in ("up", "down") and pcts or _POLL.search(text, start, end)):
            # "has risen by 4 points since 2023, when it stood at 67 percent": a rate's move
            out[n] = Quantity(**{**p.__dict__, "unit": "percentage point"})
    return out


def _pair_in_brackets(text: str, q: Quantity, nxt_q, fixed: list[Quantity]) -> Quantity:
    """A bare amount before a bracketed one takes the unit of an earlier such pair."""
    if q.unit is None and q.value_max is None and nxt_q is not None and nxt_q.unit \
            and _OPEN_BRACKET.fullmatch(text, q.end, nxt_q.start):
        # "2,435,000 yen ($22,480) ... and 2,380,000 ($21,972)": the same pair written twice
        recent = fixed[-8:]  # a few quantities back, so a long sentence stays linear
        for a, b in zip(recent, recent[1:]):
            if a.unit and b.unit == nxt_q.unit and a.unit != b.unit and _OPEN_BRACKET.fullmatch(text, a.end, b.start):
                q = Quantity(**{**q.__dict__, "unit": a.unit})
    return q


def _unit_from_neighbours(text: str, start: int, end: int, q: Quantity, nxt_q, fixed: list[Quantity], prev_q,
                          prev_unit, index_sentence: bool) -> Quantity:
    """A quantity with no unit takes one from the next quantity, the plural noun before it,
    the counted noun before it, an index's points, or a parallel phrase (the first rule
    that applies)."""
    if q.unit is None and q.value_max is None and nxt_q is not None and nxt_q.unit and \
            _SHARE_NEXT.fullmatch(text, q.end, nxt_q.start) and (
                text[q.end:nxt_q.start].strip() != "or" or nxt_q.surface[:1] in "$£€¥"):
        # "40 million of the 2 billion rupees", "about 7 or $8": the unit written once serves both
        q = Quantity(**{**q.__dict__, "unit": nxt_q.unit})
    elif q.unit is None and q.value_max is None and nxt_q is not None and nxt_q.unit in _NON_COUNT \
            and " per " not in nxt_q.unit and _AND_NEXT.fullmatch(text, q.end, nxt_q.start) \
            and _figure_like(q.surface, nxt_q.surface):
        q = Quantity(**{**q.__dict__, "unit": nxt_q.unit})  # "operated for 14 and 17 years": a measure written once
    elif q.unit is None and q.change in (">", "<") and _noun_before(text, start, q.start):
        # "outstanding asylum claims over 150,000": the plural noun before the bound is counted
        q = Quantity(**{**q.__dict__, "unit": _noun_before(text, start, q.start)})
    elif q.unit is None and (money := _sum_by_its_name(text, q)):
        q = Quantity(**{**q.__dict__, "unit": money})  # "against a profit of 3.8 million a year earlier"
    elif q.unit is None and _whole(q.value) and q.value >= 2 \
            and (counted := _subject_counted(text, start, q, fixed)):
        q = Quantity(**{**q.__dict__, "unit": counted})  # "Households grew ... to 2.74 million"
    elif q.unit is None and q.value_max is None and prev_q is not None and prev_q.unit == "year" \
            and _AGED.search(text, max(start, prev_q.start - 60), prev_q.start) and _AGES_AND.fullmatch(text, prev_q.end, q.start):
        q = Quantity(**{**q.__dict__, "unit": "year"})  # "their daughters, aged nine and six": both ages
    elif q.unit is None and q.value_max is None and prev_q is not None and prev_q.unit \
            and _OF_WHICH.fullmatch(text, prev_q.end, q.start):
        q = Quantity(**{**q.__dict__, "unit": prev_q.unit})  # "1.7 billion euros, of which 310 million"
    elif q.unit is None and q.value_max is None and prev_q is not None and prev_q.unit \
            and _THE_NEEDED.match(text, q.end) and text[max(start, q.start - 4):q.start].lower() == "the ":
        q = Quantity(**{**q.__dict__, "unit": prev_q.unit})  # "at 1.38 children per woman, below the 2.1 needed"
    elif q.unit is None and (q.value_max is None or prev_q is not None and prev_q.value_max is not None) \
            and prev_q is not None and prev_q.unit and (_LEVEL_FROM.fullmatch(text, prev_q.end, q.start) or _BY_TO.fullmatch(text, prev_q.end, q.start)
                 and (_BY_BEFORE.search(text, max(start, prev_q.start - 20), prev_q.start) or _moved_in_its_unit(prev_q))) \
            and not (prev_q.unit == "percentage" and q.value > 100) \
            and not (" per " not in prev_q.unit and _PER_NOUN_AFTER.match(text, q.end)):  # ("by 2.1% to 17.3 per dollar")
        q = Quantity(**{**q.__dict__, "unit": _level_moved_from(fixed, prev_q)})
        # "in 31 days, down from 38", "by 4,000 members to 61,000"
        # (not "fallen by 2% to 88,400": a level no percentage reaches)
    elif q.unit is None and q.value_max is None and prev_q is not None and prev_q.unit \
            and _LIMIT_OF.search(text, max(start, q.start - 40), q.start) and not _PER_NOUN_AFTER.match(text, q.end):
        measured = next((p for p in reversed(fixed) if not _FIGURE_COMPOUND.fullmatch(p.surface)), None)
        q = Quantity(**{**q.__dict__, "unit": measured.unit if measured else None})
        # "fell to 31 micrograms per cubic metre, under the limit of 40"; past the figure that
        # only names the average: "310 million shares, against a 30-day average of 260 million"
    elif q.unit is None and q.value_max is None and _level_pair(text, start, prev_q, q):
        q = Quantity(**{**q.__dict__, "unit": prev_q.unit})  # "climbed to 43.1 years from 40.6"
    elif q.unit is None and q.value_max is None and prev_unit and (part := _OF_THE_OPENING.match(text, start)) \
            and part.end() == q.start:
        q = Quantity(**{**q.__dict__, "unit": prev_unit})  # "Of the 1,200 staff, about 300 work from home", "Of those, 2,150"
    elif q.unit is None and q.value_max is None and _OF_THEM.match(text, q.end) and (them := _them(text, start, q, prev_q)):
        q = Quantity(**{**q.__dict__, "unit": them})  # "Calls rose to 92,400, and 1,300 of them waited"
    elif q.unit is None and q.value_max is None and _ANOTHER.search(text, max(start, q.start - 16), q.start) \
            and (more := prev_q.unit if prev_q is not None and prev_q.unit in _MONEY else prev_unit):
        q = Quantity(**{**q.__dict__, "unit": more})  # "40 tanks ... destroyed, and another 30 damaged"
        # ("won 50,000 euros and a further 50,000 for the record": the money before it)
    elif q.unit is None and q.value_max is None and _MAJORITY_OF.search(text, max(start, q.start - 30), q.start):
        q = Quantity(**{**q.__dict__, "unit": prev_unit if prev_unit in ("seat", "vote") else "vote"})
        # "178 of the 349 seats, a majority of seven" (seats); "won with a majority of 4,210" (votes)
    elif q.unit is None and q.value_max is None and (group := _GROUP_OF.search(text, max(start, q.start - 40), q.start)):
        q = Quantity(**{**q.__dict__, "unit": _GROUP_COUNTS[group.group(1).lower()]})  # "a population of 2.1 million", "put the crowd at 18,000"
    elif q.unit is None and q.value_max is None and _TALLY.match(text, q.end) and _VOTE.search(text, start, end):
        q = Quantity(**{**q.__dict__, "unit": "vote"})  # "The vote was 312 in favour and 280 against"
    elif q.unit is None and q.value_max is None and (moved := _OBJECT_MOVED.search(text, max(start, q.start - 60), q.start)) \
            and _is_plural(moved.group(1)) and moved.group(1) not in _TIMES_AND_POINTS:
        q = Quantity(**{**q.__dict__, "unit": _singular(moved.group(1))})  # "doubled its seats to 22"
    elif q.unit is None and q.value_max is None and (numbers := _NUMBERS_MOVED.search(text, max(start, q.start - 70), q.start)) \
            and numbers.group(1) not in STOP and numbers.group(1) not in ADJ:
        q = Quantity(**{**q.__dict__, "unit": _singular(numbers.group(1))})
        # "cut its forecast for passenger numbers next year to 210 million": the numbers count passengers
    elif q.unit is None and q.value_max is None and prev_q is not None and prev_q.unit and " per " not in prev_q.unit \
            and prev_q.unit in _NON_COUNT and _NOT_THAT.fullmatch(text, prev_q.end, q.start) and _bare_end(text, q.end, end):
        q = Quantity(**{**q.__dict__, "unit": prev_q.unit})  # "for 42 kilometres, not 30"
    elif q.unit is None and q.value_max is None and prev_q is not None and prev_q.unit \
            and _second_verb_same_object(text, prev_q, q, end):
        q = Quantity(**{**q.__dict__, "unit": prev_q.unit})  # "promised 1,000 kilometres of track and built fewer than 300"
    elif q.unit is None and q.value_max is None and (like := _a_gap_a_bound_or_a_payment(text, start, q, fixed)):
        q = Quantity(**{**q.__dict__, "unit": like})  # "two behind Sweden", "fewer than 4,000", "Vans will pay 9"
    elif q.unit is None and q.value_max is None and prev_q is not None and prev_q.unit \
            and (" per " not in prev_q.unit or prev_q.unit.split(" per ")[0] in _MONEY) \
            and prev_q.unit not in _SHARES and _gapped(text, prev_q.end, q.start) and _bare_end(text, q.end, end):
        q = Quantity(**{**q.__dict__, "unit": prev_q.unit})  # "500,000 barrels, and Iraq and the UAE about 200,000 each"
    elif q.unit is None and (money := _sum_before(text, fixed, q) or _sum_of_the_sentence_before(text, start, fixed, q)):
        q = Quantity(**{**q.__dict__, "unit": money, "change": _money_raised(text, start, q)})
        # "480 million crowns for schools and 96 million for roads"
    elif q.unit is None and _whole(q.value) and q.value >= 2 and q.value_max is None and prev_unit \
            and _bare_end(text, q.end, end) and not _rate_moved_to(text, start, prev_q, q) \
            and not (prev_unit not in _MONEY and (_MONEY_SUBJECT.search(text, max(start, q.start - 60), q.start)
                                                  or _SUM_NAMED_OF.search(text, max(start, q.start - 30), q.start))):
        q = Quantity(**{**q.__dict__, "unit": prev_unit})  # (not "open three clinics, at a cost of 14 million")
    elif q.unit is None and prev_q is not None and prev_q.unit == "point" and q.value_max is None \
            and not _RATIO.search(q.surface):  # (not "a 50-point move at about one in three")
        q = Quantity(**{**q.__dict__, "unit": "point"})  # "gained 12.5 points to 3,210.40"
    elif q.unit is None and q.value_max is None and index_sentence and _LEVEL_NUM.fullmatch(q.surface) and (
            _LEVEL_BEFORE.search(text, max(start, q.start - 12), q.start) or _LEVEL_AFTER.match(text, q.end, end)):
        q = Quantity(**{**q.__dict__, "unit": "point"})  # an index level: "the TA-100 ended at 1,401.52"
    elif q.unit is None and q.value_max is None and (paid := _paid_by_the_period(text, q)):
        q = Quantity(**{**q.__dict__, "unit": paid})  # "I pay 650 a month in rent", after euros were named
    elif q.unit is None and q.value_max is None:
        par = _parallel_unit(text, start, fixed, q)
        if par:
            q = Quantity(**{**q.__dict__, "unit": par})
    return q


# a verb that moves what its object counts to a bare figure: "doubled its seats to 22",
# "cut their branches to 140", "took his goals to 31"
_OBJECT_MOVED = re.compile(r"\b(?:doubled|tripled|trebled|halved|increased|raised|cut|reduced|boosted|lifted|lowered|"
                           r"expanded|took|brought|grew|trimmed|slashed)\s+(?:its|their|his|her|the|our)\s+"
                           r"(?:[a-z]+\s+)?([a-z]+)\s+(?:by\s+[\d,.]+\s+)?to\s+$")
_NUMBERS_MOVED = re.compile(r"\b(?:for|of|in)\s+(?:the\s+)?([a-z]+)\s+numbers\b(?:\s+[a-z]+){0,4}\s+to\s+"
                            r"(?:(?:about|around|some|nearly|almost|roughly|just)\s+)?$")
_TIMES_AND_POINTS = frozenset("years months weeks days hours minutes points times percents".split())
_MAJORITY_OF = re.compile(r"\b(?:majority|margin)\s+of\s+(?:(?:just|only|about|some|nearly)\s+)?$")
_NOT_THAT = re.compile(r",?\s+(?:not|rather than|instead of|but)\s+")  # "42 kilometres, not 30"
_FIGURE_COMPOUND = re.compile(r"[\d.,]+-[a-z]+(?:-[a-z]+)*", re.I)  # "30-day", "12-month"
_WORDS_COMPOUND = re.compile(r"[a-z]+-[a-z]+", re.I)  # "two-party", "three-day"
_RATIO = re.compile(r"\b(?:in|out\s+of)\b")
_SCALED = re.compile(r"[\d.,]+\s*(?:million|billion|trillion|bn|m)$", re.I)
_LEADING_CUE = re.compile(r"^(?:(?:about|around|nearly|almost|roughly|some|an estimated|just|over|more than|"
                          r"less than|up to|at least)\s+)", re.I)  # "about 200 million": a sum in millions too
_SCALE_IN_WORDS = re.compile(r"\b(?:half\s+a|a\s+quarter\s+of\s+a|a|one|two|three|four|five|six|seven|eight|nine|ten|"
                             r"several)\s+(?:million|billion|trillion)$", re.I)  # "could pass half a billion"
_SCALE_WORD = re.compile(r"\d\s*(?:million|billion|trillion|bn|m)\b", re.I)


_PAID = re.compile(r"\b(?:pay|pays|paid|paying|repaid|repay|repays|refunded|reimbursed|charge|charges|charged|charging|cost|costs|costing|earn|earns|earned|"
                   r"earning|make|makes|made|spend|spends|spent|owe|owes|owed|save|saves|saved)\s+(?:(?:us|me|them|him|"
                   r"her|you|about|around|roughly|nearly|almost|only|just|maybe|perhaps|some|up\s+to)\s+){0,2}$")
_PER_PERIOD = re.compile(r"\s+(?:a|an|per)\s+(hour|day|night|week|month|year)\b")
_MONEY_NAMED = re.compile(r"([$£€¥])\s?\d|\d\s*(?:million|billion|bn|m)?\s*(" + "|".join(sorted(
    (re.escape(w) for w in CURRENCY_WORDS if w.isalpha() and len(w) > 3), key=len, reverse=True)) + r")\b", re.I)


def _paid_by_the_period(text: str, q: Quantity) -> str | None:
    """A bare figure paid, charged or earned by the period is the story's money by that
    period: "I pay 650 a month in rent, and he charged us 214 a night" after euros were
    named is euros per month and per night (the last currency written before it)."""
    period = _PER_PERIOD.match(text, q.end)
    if period is None or not _PAID.search(text, max(0, q.start - 40), q.start):
        return None
    money = _money_written_before(text, q.start)
    return f"{money} per {period.group(1)}" if money else None


def _money_written_before(text: str, pos: int) -> str | None:
    """The last currency the text wrote before `pos` (within 4,000 characters)."""
    last = None
    for last in _MONEY_NAMED.finditer(text, max(0, pos - 4000), pos):
        pass
    if last is None:
        return None
    return CURRENCY_PREFIX.get(last.group(1)) if last.group(1) else CURRENCY_WORDS.get(last.group(2).lower())


# a word that names a sum, before the bare figure it takes: "a profit of 3.8 million", "a bonus of 30,000"
_SUM_NAMED_OF = re.compile(r"\b(?<!job )(?<!jobs )(?:profits?|loss(?:es)?|revenues?|turnover|bonus(?:es)?|fines?|budgets?|"
                           r"fees?|salar(?:y|ies)|wages?|prizes?|grants?|deficits?|surplus(?:es)?|debts?|compensation|"
                           r"damages|payments?|payouts?|bills?|costs?|prices?|pensions?|dividends?|income|earnings|"
                           r"rents?|donations?|settlements?|bail|subsid(?:y|ies)|investments?|spending|funding|taxe?s?|savings)"
                           r"\s+of\s+$", re.I)
# ... or after it: "contributed 180 million in grants", "paid 2,000 in fines"
_IN_SUMS = re.compile(r"\s+in\s+(?:[a-z]+\s+)?(?:grants|loans|aid|funding|subsidies|fines|damages|compensation|"
                      r"bonuses|fees|donations|payments|refunds|taxes|cash|debts?|revenues?|sales|profits?|"
                      r"investments?|savings|wages|bribes|ransom|pensions|benefits)\b")


def _sum_by_its_name(text: str, q: Quantity) -> str | None:
    """A bare figure that a word of money names, before or after it, is in the last currency
    written before it: "a net loss of 14.2 million pounds ..., against a profit of 3.8 million
    a year earlier", "50,000 euros for the win and a bonus of 30,000", "the government gave
    180 million in grants" (not "job losses of 300")."""
    if not (_SUM_NAMED_OF.search(text, max(0, q.start - 30), q.start) or _IN_SUMS.match(text, q.end)):
        return None
    return _money_written_before(text, q.start)


def _a_gap_a_bound_or_a_payment(text: str, start: int, q: Quantity, fixed: list[Quantity]) -> str | None:
    """The unit of a bare figure that is a gap in a table ("10 points from six games, two
    behind Sweden": points), a bound compared with a count by the period before it, or a sum
    a verb of paying takes (the rules below, in that order)."""
    if _BEHIND.match(text, q.end) and any(p.unit == "point" for p in fixed):
        return "point"
    return _bound_of_a_rate_before(text, q, fixed) or _paid_as_before(text, start, q, fixed)


_BEHIND = re.compile(r"\s+(?:behind|clear\s+of|adrift\s+of|ahead\s+of|off)\s+")  # a gap in a table, in its points
_THAN = re.compile(r"\bthan\b")


# a second verb, of the same subject, whose object is understood: "... and delivered fewer than 300"
_SECOND_VERB = re.compile(r"(?:\s+[\w-]+){0,3}?,?\s+(?:and|but|yet)\s+(?:(?:has|had|have|only|actually|so\s+far)\s+)?"
                          r"(?:[a-z]+ed|built|sent|spent|kept|got|made|gave|took|brought|sold|found|won|lost|paid)\s+$")


def _second_verb_same_object(text: str, prev_q: Quantity, q: Quantity, end: int) -> bool:
    """A bare figure at the end of its clause that a second verb takes, the object of the
    first being a quantity with a unit just before it, counts the same: "promised 1,000
    kilometres of electrification and delivered fewer than 300", "planned 40 schools but built
    12" (the two alike in size: within a factor of 20)."""
    if not (_SECOND_VERB.fullmatch(text, prev_q.end, q.start) and _bare_end(text, q.end, end)):
        return False
    lo, hi = sorted((abs(prev_q.value), abs(q.value)))
    return lo > 0 and hi / lo <= 20


def _bound_of_a_rate_before(text: str, q: Quantity, fixed: list[Quantity]) -> str | None:
    """A bare bound compared with a count by the period earlier in the sentence is that count
    by the period: "people who walk at least 7,000 steps a day have a lower risk than those
    who take fewer than 4,000" (steps a day), when the two are alike in size (a factor of
    four) and no other count or measure stands between them."""
    if q.change not in ("<", ">"):
        return None
    rate = next((p for p in reversed(fixed) if p.unit and p.unit not in _SHARES), None)
    if rate is None or " per " not in rate.unit or rate.unit.split(" per ")[0] in _MONEY \
            or rate.unit.split(" per ")[1] not in TIME_UNITS or not _THAN.search(text, rate.end, q.start):
        return None
    lo, hi = sorted((abs(rate.value), abs(q.value)))
    return rate.unit if lo > 0 and hi / lo <= 4 else None


def _paid_as_before(text: str, start: int, q: Quantity, fixed: list[Quantity]) -> str | None:
    """A bare figure that a verb of paying takes is the money last named, in this sentence or
    the one before, by the same period: "Cars will pay 6 pounds a day. Vans will pay 9" is
    pounds a day (the vote of 34 to 19 before them counted no money)."""
    only_money = _ONLY_PAID.search(text, max(start, q.start - 40), q.start)
    if not (only_money or _PAID.search(text, max(start, q.start - 40), q.start)) or _PER_PERIOD.match(text, q.end):
        return None
    last = next((p.unit for p in reversed(fixed) if p.unit), None)
    if last is None and _DOC_MEMORY["text"] is text and 0 <= start - _DOC_MEMORY["end"] < 300:
        last = _DOC_MEMORY["last"]
    if last and last.split(" per ")[0] in _MONEY:
        return last
    return _money_written_before(text, q.start) if only_money else None


# the verbs of paying that take nothing but money: "His barrister said he had repaid about 240,000"
# is in the currency the story last wrote, whatever the sentence before counted ("made 240,000" may be
# cars, and "police charged 12" people)
_ONLY_PAID = re.compile(r"\b(?:paid|pays|pay|repaid|repay|repays|refunded|reimbursed|spent|spend|spends|owed|owes|owe|"
                        r"(?:sold|selling|sells|sell|bought|buying|buys|fetched|fetches|fetching|going|went)\s+for|"
                        r"(?:priced|valued)\s+at|worth)"
                        r"\s+(?:(?:us|me|them|him|her|you|back|about|around|roughly|nearly|"
                        r"almost|only|just|some|up\s+to)\s+){0,2}$")


_DOING_ONE = re.compile(r"\s*[A-Z][a-z]+ing\s+(?:a|an|one|each)\s+([a-z]+)(?:\s+(?:for|in)\s+(?:a|an|one)\s+"
                        r"(year|month|week|day|night))?\s+(?:now\s+|still\s+)?(?:costs?|costing|cost)\b")


_SIZE = re.compile(r"\b([a-z]+)\s+sizes?\b")


def _size_of_one(text: str, start: int, end: int, qs: list[Quantity]) -> list[Quantity]:
    """The counts a sentence gives for the size of a household, a class or a herd are per
    that one: "average household size shrank to 2.36 people from 2.46", "class size would
    fall from 27 students to 22" (the bare level takes its unit from the first later)."""
    m = _SIZE.search(text, start, end)
    if m is None or m.group(1) in STOP or m.group(1) in ADJ:
        return qs
    return [Quantity(**{**q.__dict__, "unit": f"{q.unit} per {m.group(1)}"})
            if q.start > m.end() and q.unit and q.unit not in _NON_COUNT and " per " not in q.unit else q for q in qs]


def _cost_of_doing_one(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """The sums a sentence gives for doing a thing to one of something, for a period, are
    per that thing (and period): "Keeping a prisoner for a year now costs an average of
    £53,400, up from £47,100" is pounds per prisoner per year."""
    m = _DOING_ONE.match(text, start)
    if m is None:
        return qs
    rate = f" per {m.group(1)}" + (f" per {m.group(2)}" if m.group(2) else "")
    return [Quantity(**{**q.__dict__, "unit": q.unit + rate}) if q.unit in _MONEY and q.start > m.end() else q
            for q in qs]


def _sums_named_again(qs: list[Quantity]) -> list[Quantity]:
    """A bare figure in millions or billions that repeats a sum the document named before is
    that sum again, in its currency: "a fee of 62 million euros ... 'At 62 million he is a
    bargain'". Sums with their currency are remembered for the rest of the document."""
    out = list(qs)
    sums = _DOC_MEMORY["sums"]
    for n, q in enumerate(out):
        if q.unit in _MONEY and _SCALE_WORD.search(q.surface):
            sums.setdefault(q.value, q.unit)
        elif q.unit is None and q.value_max is None and _SCALED.fullmatch(q.surface) and q.value in sums:
            out[n] = Quantity(**{**q.__dict__, "unit": sums[q.value]})
    return out


_THOSE = re.compile(r"\b(?:those|these|the|all|of)\s+$", re.I)


def _counts_named_again(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A bare figure after "those", "the" or "all" that repeats a count the document named
    before is that count again: "Officers recorded 612 knife offences ... 'Every one of those
    612 is a life changed'". Counts of ten or more are remembered for the rest of the document."""
    out = list(qs)
    counts = _DOC_MEMORY["counts"]
    for n, q in enumerate(out):
        if q.unit and q.unit not in _NON_COUNT and " per " not in q.unit and q.value >= 10 and q.value_max is None:
            counts.setdefault(q.value, q.unit)
        elif q.unit is None and q.value_max is None and q.value in counts \
                and _THOSE.search(text, max(0, q.start - 8), q.start):
            out[n] = Quantity(**{**q.__dict__, "unit": counts[q.value]})
    return out


def _sum_before(text: str, fixed: list[Quantity], q: Quantity) -> str | None:
    """The currency of the sum before a bare figure in millions or billions, when the last
    quantity in the sentence with a unit is money: "480 million crowns for schools and 96
    million for roads" (a count in millions names its noun: "2 million residents"). A sum in
    brackets converts the figure before it, so it names no currency of the text's own:
    "profits of 2.2 billion ($590 million) and 71 million"."""
    if not (_SCALED.fullmatch(_LEADING_CUE.sub("", q.surface)) or _SCALE_IN_WORDS.search(q.surface)) \
            or _OPEN_BRACKET.match(text, q.end):
        return None
    last = next((p for p in reversed(fixed) if p.unit and p.unit not in _SHARES), None)
    if last is not None and text[max(0, last.start - 3):last.start].rstrip().endswith("("):
        return None
    return last.unit if last is not None and last.unit in _MONEY else None
    # (a share between passes over: "profit of 1.9 billion krona, on revenue up 31% to 8.4 billion")


_SHARES = frozenset({"percentage", "percentage point"})
_RAISE_BEFORE = re.compile(r"\braise[sd]?\s+$|\braising\s+$", re.I)


def _money_raised(text: str, start: int, q: Quantity) -> str:
    """The change of a bare sum found to be money: a sum raised is collected, not a rise
    ("expects it to raise about 2.5 billion": an estimate), as the change stage reads "raise
    €4.5 million" when the currency is written."""
    if q.change != "up" or not _RAISE_BEFORE.search(text, max(start, q.start - 12), q.start):
        return q.change
    cue = _LEADING_CUE.match(q.surface)
    return CHANGE_BEFORE.get(cue.group(0).strip().lower(), "=") if cue else "="


def _sum_of_the_sentence_before(text: str, start: int, fixed: list[Quantity], q: Quantity) -> str | None:
    """A bare sum in millions or billions that a verb of money takes, in a sentence with no
    unit before it, is in the money of the sentence before: "The tax raised 1.9 billion lira
    last year. The ministry expects it to raise about 2.5 billion next year"; so is one a sum
    that opens the sentence moves to: "Costs rose 4% to 2.05 billion" after "3.1 billion euros"
    (a share before it names no unit of its own); "would save farmers a further 150 million"
    after "1,000 euros per farm" is in euros."""
    if any(p.unit and p.unit not in _SHARES for p in fixed) or not _SCALED.fullmatch(_LEADING_CUE.sub("", q.surface)):
        return None
    money = (_DOC_MEMORY["last"] or "").split(" per ")[0]  # (a price names its money: "1,000 euros per farm")
    if not (_DOC_MEMORY["text"] is text and 0 <= start - _DOC_MEMORY["end"] < 300 and money in _MONEY):
        return None
    before = _ANOTHER.sub("", text[max(start, q.start - 40):q.start]).lower().split()[-3:]
    subject = text[start:q.start].lower().split()[:2]
    if any(w in _SPENT for w in before) or any(w in _SPENT or w in _SUMS_THAT_MOVE for w in subject):
        return money
    return None


_SUMS_THAT_MOVE = frozenset("income turnover spending earnings".split())  # with the sums _SPENT names


# the subject of a sentence that moves or stands at a bare figure names what it counts:
# "Households grew ... to 2.74 million", "The death toll ... rose to 63", "Members now number
# 4,000"; a toll or a population counts people; sums and measures count nothing
_MOVE_VERBS = ("rose", "risen", "grew", "grown", "fell", "fallen", "climbed", "increased", "reached", "hit", "stood",
               "stands", "totalled", "totaled", "topped", "jumped", "dropped", "declined", "number", "numbered",
               "halved", "doubled", "tripled", "trebled", "soared", "surged", "plunged", "slumped", "dipped",
               "slipped", "slid", "sank", "shrank", "shrunk", "swelled", "edged", "eased", "rebounded", "recovered",
               "peaked", "dwindled", "tumbled", "plummeted", "leapt", "leaped", "crept", "ballooned", "averaged",
               "reach", "pass", "top", "exceed", "hit",  # (these after "to": "expects visitor numbers to pass")
               "rise", "grow", "fall", "climb", "increase", "drop", "double", "halve", "shrink",  # (after "will")
               "rises", "grows", "falls", "climbs", "increases", "drops", "reaches", "totals", "tops",  # ("rises to 68")
               "capped", "limited", "held", "kept")  # (after "will be": "night flights will be capped at 16")
_SUBJECT = re.compile(r"\s*(?:(?:[Tt]he\s+[a-z][\w-]*['’]s|[Tt]he|[Ii]ts|[Tt]heir|[A-Z][\w-]*['’]s)\s+)?([A-Za-z][a-z-]+)(?:\s+([a-z][a-z-]+))?"
                      r"(?:,?\s+(?:[^.;:!?]|\.(?=\d)){0,120}?)?\s+(?:(?:has|have|had)\s+)?(?:now\s+)?"
                      r"(?:(?:will|would|could|is|are|was|were)\s+(?:be\s+)?)?(?:"
                      + "|".join(_MOVE_VERBS) + r")\b")
_TO_FIGURE = re.compile(r"\b(?:to|at|by|from|reached|hit|number|numbered|totalled|totaled|topped|pass|exceed|top|reach)\s+"
                        r"(?:an?\s+(?:new\s+|all-time\s+)?(?:record|high|low)\s+(?:of\s+)?)?(?:(?:about|nearly|almost|"
                        r"around|roughly|some|just|over|more than|at least)\s+)?$")  # ("reached a record 4,930")
_PEOPLE_COUNTS = {"toll": "person", "population": "person", "membership": "member"}
_REPORTED = re.compile(r"\b(?:said|says|say|told|tells|added|adds|reported|reports|announced|estimated|estimates|"
                       r"believes?|thinks?)\b")
_MOVE_WORDS = {*_MOVE_VERBS, "now", "has", "have", "had"}
_NOT_COUNTED = {"sales", "revenues", "profits", "earnings", "exports", "imports", "costs", "prices", "shares", "stocks",
                "rates", "yields", "temperatures", "levels", "figures", "numbers", "totals", "values", "ratings",
                "scores", "returns", "savings", "assets", "reserves", "wages", "salaries", "fees", "fares", "rents",
                "taxes", "bills", "losses", "funds", "bonds", "margins", "odds", "results", "benefits", "budgets",
                "payments", "estimates", "forecasts", "data", "readings", "tests", "terms", "talks", "hopes"}


_SAID_THAT = re.compile(r"\b(?:said|says|told\s+[a-z]+|expects?|expected|estimates?|estimated|believes?|added|warned)"
                        r"(?:\s+(?:on|last|this|early|late)\s+[A-Za-z]+(?=\s+that\b))?\s+(?:that\s+)?")
# ("said on Friday that the population grew": the time between the verb and its clause)


def _subject_counted(text: str, start: int, q, fixed: list[Quantity]) -> str | None:
    """The counted noun a sentence's subject names for its bare figure (see above), or the
    subject of the clause a reporting verb opens ("Ó Dálaigh said staff numbers had fallen
    by 1,900", "The board expects visitor numbers to pass 3 million"), or of a clause after
    ", while", ", but", ", and" or ";" ("The firm hired 40 nurses; its doctors number 300"):
    each only when no figure after where it starts has counted a noun of its own."""
    opens = [start]
    opens += [m.end() for m in _SAID_THAT.finditer(text, start, q.start)][-1:]
    opens += [m.end() for m in _CLAUSE_OPENS.finditer(text, start, q.start)][-1:]
    for at in sorted(opens, reverse=True):  # the nearest clause first: "Hospitals delivered 98%, while home births rose to 620"
        if all(p.unit is None or p.unit in _NON_COUNT or p.start < at for p in fixed) \
                and (counted := _subject_counted_from(text, at, q)):
            return counted
    return None


# a clause of its own within the sentence: "Hotels were full, while short-term rentals rose to 23,400"
_CLAUSE_OPENS = re.compile(r"(?:,\s+(?:while|whereas|but|and)|;)\s+")


def _subject_counted_from(text: str, start: int, q) -> str | None:
    digit = next((x for x, c in enumerate(q.surface) if c.isdigit()), 0)  # (the surface may open with "pass")
    if not _TO_FIGURE.search(text, max(start, q.start - 30), q.start + digit):
        return None
    m = _SUBJECT.match(text, start, q.start + digit)
    if not m or any(w and w[0].isupper() and text[start:m.start(g)].strip() for g, w in ((1, m.group(1)), (2, m.group(2)))):
        return None  # only the sentence's first word may be capitalised: "The Jones family" is a name
    if _REPORTED.search(text, m.end(1), m.end()):
        return None  # "Officials said the toll stood at 41": the speaker is no subject of the figure
    first, second = m.group(1).lower(), m.group(2)
    noun2 = second and second not in STOP and second not in _MOVE_WORDS and not second.endswith(("ed", "ing"))
    mod, head = (first, second) if noun2 else (None, first)  # "People aged over 85 now number ..." counts people
    if head in _PEOPLE_COUNTS:
        return _PEOPLE_COUNTS[head]
    if head == "age":
        return "year"  # "the average age at diagnosis had fallen to 52 from 57": years, not a count
    if _SAID_THAT.fullmatch(head + " "):
        return None  # "The board expects ...": a reporting verb, no noun
    if head == "numbers" and mod and mod not in STOP and mod not in ADJ:
        return _singular(mod)  # "Passenger numbers rose to 4.1 million"
    if head in _SOLD and (goods := _SOLD_OF.match(text, m.end(2) if noun2 else m.end(1))):
        words = [w.strip() for w in goods.groups() if w and w.strip() not in ADJ]
        return " ".join([*words[:-1], _singular(words[-1])])  # "Sales of electric cars doubled to 84,000"
    if not _is_plural(head) or head in STOP or head in ADJ or head in _NOT_COUNTED or head in _NON_COUNT_WORDS:
        return None
    if mod and mod not in STOP and mod not in ADJ and not mod.endswith(("ing", "ed", "ly", "s")):
        return f"{mod} {_singular(head)}"
    return _singular(head)


# counts of things sold or shipped, named after "of": "Sales of electric cars doubled to 84,000"
_SOLD = frozenset("sales exports imports deliveries registrations shipments".split())
_SOLD_OF = re.compile(r"\s+of\s+(?:the\s+)?([a-z-]+\s+)?([a-z-]+s)\b")
_AGED = re.compile(r"\b(?:aged|ages)\s+(?:[\w.]+,?\s+(?:and\s+)?){0,4}$", re.I)
_AGES_AND = re.compile(r",?\s+(?:and|or)\s+|,\s+")
_OF_WHICH = re.compile(r",?\s+of\s+(?:which|whom)\b[^,.;:\d]{0,40}?\s+(?:(?:about|some|nearly|almost|around|just|"
                       r"over|more than|at least|roughly)\s+)?")  # "of which the agency said 310 million"


_OF_THE_OPENING = re.compile(r"\s*Of\s+(?:the\s+[\d,.]+(?:\s+(?:million|billion|thousand))?\s+[^,;:.]{1,60}|those|these|them),\s+")
_GROUP_COUNTS = {"population": "person", "crowd": "person", "audience": "person", "electorate": "person",
                 "congregation": "person", "membership": "member", "workforce": "worker", "crew": "crew", "staff": "staff",
                 "team": "person", "family": "person"}
_GROUP_OF = re.compile(r"\b(" + "|".join(_GROUP_COUNTS) + r")\s+(?:of|at)\s+(?:(?:about|around|some|nearly|almost|roughly|"
                       r"more\s+than|over|under|just)\s+)?$", re.I)
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|whom)\b")
_AFTER_A_NOUN = frozenset("and but , ; . that which who in at to for from with on".split())


def _them(text: str, start: int, q: Quantity, prev_q) -> str | None:
    """What "N of them" counts: the count just before it ("Calls rose to 92,400, and 1,300 of
    them waited"), or with no quantity before it the plural noun the clause named ("builds
    sorting systems and has installed 9,000 of them")."""
    if prev_q is None:
        return _plural_named_before(text, start, q.start)
    counted = prev_q.unit and prev_q.unit not in _NON_COUNT and " per " not in prev_q.unit
    return prev_q.unit if counted else None


def _plural_named_before(text: str, start: int, pos: int) -> str | None:
    """The last plural noun the clause named before ``pos`` (one a conjunction, a comma or a
    preposition follows: "designs and builds sorting systems and has installed more than
    9,000 of them" counts systems; "sells" before a figure is a verb)."""
    words = [(m.group(0), text[m.end():m.end() + 2].strip()[:1] or " ") for m in _WORD.finditer(text, start, pos)]
    for n in range(len(words) - 1, -1, -1):
        w = words[n][0]
        after = words[n + 1][0].lower() if n + 1 < len(words) and words[n][1] not in ",;." else words[n][1]
        if w.islower() and _is_plural(w) and w not in STOP and w not in ADJ and w not in _NON_COUNT_WORDS \
                and not w.endswith(("ly", "ed")) and after in _AFTER_A_NOUN:
            return _singular(w)
    return None
_ANOTHER = re.compile(r"\b(?:another|a further|a farther|the remaining|the other)\s+$")
_TALLY = re.compile(r"\s+(?:in\s+favou?r|against|for\b(?=\s+(?:and|to|,|the\s+motion)))")
_VOTE = re.compile(r"\b(?:vote[sd]?|voting|ballot|motion|resolution|bill)\b", re.I)
_MOVED_TO = re.compile(r"\b(?:weakened|strengthened|recovered|recovering|fell|rose|slipped|slid|climbed|dropped|firmed|"
                       r"eased|jumped|plunged|rallied|rallying|falling|rising|sank|edged)\s+(?:back\s+)?to\s+$")


def _rate_moved_to(text: str, start: int, prev_q, q) -> bool:
    """The bare figure is a level the rate just before it moves to ("About 22,000 vehicles a
    day are expected, rising to 30,000"), which `_moved_levels` gives the rate, not the noun
    an earlier sentence counted."""
    return prev_q is not None and bool(prev_q.unit) and "per " in prev_q.unit \
        and _MOVED_TO.search(text, max(start, q.start - 40), q.start) is not None


def _moved_levels(text: str, start: int, qs: list[Quantity]) -> list[Quantity]:
    """A bare level a rate moved to keeps the rate: "the dorin, which traded at 41.2 per
    dollar, weakened to 50.6 before recovering to 47.9" (all dorins per dollar)."""
    out = list(qs)
    for n in range(1, len(out)):
        q, prev = out[n], out[n - 1]
        if q.unit is None and q.value_max is None and _rate_moved_to(text, start, prev, q):
            out[n] = Quantity(**{**q.__dict__, "unit": prev.unit})
    return out


_LIMIT_OF = re.compile(r"\b(?:limit|target|threshold|ceiling|cap|maximum|minimum|standard|benchmark|guideline|average)"
                       r"\s+of\s+(?:(?:about|around|roughly|just)\s+)?$")
_BY_OR_OF = re.compile(r"\b(?:by|of)\s+$", re.I)  # "by 20% and 30%", "cuts of 30% and 20%"
_BY_BEFORE = re.compile(r"\bby\s+(?:an\s+average\s+of\s+)?$", re.I)  # "by 4,000", "by an average of 1.2 mmol/L"
_BY_TO = re.compile(r",?\s+to\s+(?:(?:about|some|nearly|almost|around|roughly|just)\s+)?")
_THE_NEEDED = re.compile(r"\s+(?:needed|required)\b")


def _moved_in_its_unit(q: Quantity) -> bool:
    """A move written without "by" that a level after "to" is counted in: "US crude gained
    3.50 dollars to 81.90", "added 4,000 members to 61,000" (not a share, a point or a small
    coin: "rose 20 cents to 4.10" is in the currency the cents are part of)."""
    return q.change in ("up", "down") and q.unit not in _SHARES and q.unit not in _SMALL_COINS \
        and q.unit != "point" and " per " not in q.unit


_SMALL_COINS = frozenset("cent penny pence kopek centime paisa sen satang".split())


def _level_moved_from(fixed: list[Quantity], prev_q) -> str | None:
    """The unit of the level a bare "up from" figure is the other end of: the quantity just
    before it, unless that is a span of time written in words, which a count only passed
    through ("38,000 patients have waited over a year, up from 26,500" counts patients, and
    with no noun the figure stays bare)."""
    if prev_q.unit in TIME_UNITS and not any(c.isdigit() for c in prev_q.surface):
        level = next((p for p in reversed(fixed) if p is not prev_q and p.unit not in TIME_UNITS), None)
        if level is not None:
            return level.unit
    return prev_q.unit


def _level_pair(text: str, start: int, prev_q, q) -> bool:
    """The bare figure is the other end of a move the one before it states with its unit:
    "to 2.36 people from 2.46", "from 40 hours to 35"."""
    if prev_q is None or not prev_q.unit or prev_q.value_max is not None:
        return False
    join = text[prev_q.end:q.start]
    m = _PREV_WORD.search(text, max(start, prev_q.start - 12), prev_q.start)
    before = m.group(1).lower() if m else ""
    return (join, before) in ((" from ", "to"), (" to ", "from"))


_ON_THE_PERIOD = re.compile(r"\s+(?:(?:on|over|from|in)\s+(?:the|a)|this|last)\s+(?:day|week|month|quarter|year)"
                            r"(?:\s+before)?,?\s+and\s+")  # ("a rise of 9% this year and 7% next year")


_GAP = re.compile(r"(?:\s+(?:of|in|at|on)\s+(?:its|their|the|his|her)\s+[a-z]+)?,?\s+(?:and|while|with)\s+((?:[A-Za-z][\w'’.-]*\s+){1,4})")
_GAP_VERBS = frozenset("is was were are be been has had have will would could may might did does do to by than".split())


_COMMA_GAP = re.compile(r",\s+((?:[a-z]+\s+)?[a-z]+s\s+)")  # ", vans 9": a plural that pays or moves alike


def _gapped(text: str, prev_end: int, start: int) -> bool:
    """Between two figures, only "and" (or a comma) and the name of a second thing that moved
    or paid: the verb of the first is understood ("Acme lost 4.6% and Globex 3.9%", "libraries
    lose 9% of their budget and parks 12%", "Cars pay £6 a day, vans 9"); a verb or a change
    word of its own between them is no gap."""
    m = _GAP.fullmatch(text, prev_end, start) or _COMMA_GAP.fullmatch(text, prev_end, start)
    if m is None:
        return False
    words = m.group(1).lower().split()
    return not any(w in _GAP_VERBS or w in CHANGE_BEFORE or w.endswith("ed") for w in words)


def _restated_change_and_steps(text: str, start: int, q: Quantity, prev_q) -> Quantity:
    """A restatement keeps the change of the quantity it restates; "from $20 to $25 to $30"
    runs each step from the last end."""
    if prev_q is not None and q.change == "=" and prev_q.change != "=" and \
            text[prev_q.end:q.start].strip() in ("(", ", or", "or", "(or", "/"):
        # a restatement keeps the change: "more than 50 km (31 miles)", "shed 80 points, or 1.2%"
        q = Quantity(**{**q.__dict__, "change": prev_q.change})
    elif prev_q is not None and q.change == "=" and prev_q.change in ("up", "down") and q.unit == prev_q.unit \
            and _ON_THE_PERIOD.fullmatch(text, prev_q.end, q.start):
        # "rose 0.3% on the month and 3.9% on the year": one verb, two periods
        q = Quantity(**{**q.__dict__, "change": prev_q.change})
    elif prev_q is not None and q.change == "=" and prev_q.change in ("up", "down") and q.unit == prev_q.unit \
            and q.unit == "percentage" and (_gapped(text, prev_q.end, q.start) or text[prev_q.end:q.start] in (" and ", " or ")
                                            and _BY_OR_OF.search(text, max(start, prev_q.start - 12), prev_q.start)):
        # ("cut traffic by 20% and 30% in their first years", "reductions of 30% and 20%")
        # "Noordbank lost 4.6% and Ostra Group 3.9%": the second shares the verb of the first
        q = Quantity(**{**q.__dict__, "change": prev_q.change})
    if prev_q is not None and prev_q.value_max is not None and q.value_max is None and \
            text[prev_q.end:q.start] == " to " and q.unit in (None, prev_q.unit) and " to " in prev_q.surface and \
            re.search(r"\bfrom\s+$", text[max(start, prev_q.start - 8):prev_q.start]):
        # "goes from $20 to $25 to $30": the next step runs from the last end
        q = Quantity(**{**q.__dict__, "value": prev_q.value_max, "value_max": q.value, "unit": prev_q.unit})
    return q
