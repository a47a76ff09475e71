"""Modifiers and change: the change label of a quantity ("=", "up", "down", "~", ">",
"<") from the cue words right before it (``_change_before``: "rose", "more than",
"about"), and the phrasal verbs and "by N" clauses that decide whether a cue applies
(``_moved_by``). A new cue word goes in CHANGE_BEFORE or CHANGE_AFTER in
``numbers_units.py``; a rule about when a cue does or does not apply goes here.
"""
from __future__ import annotations

from ledger.extract.numbers_units import CHANGE_AFTER, CHANGE_BEFORE, CHANGE_GLUE, SMALL, TENS, TIME_UNITS
from ledger.extract.numbers.limits import _is_year
from ledger.extract.numbers.tokens import _DASHES, _Reading, _Toks, _tok_at


_PHRASAL = {"sign", "signed", "signing", "set", "setting", "pick", "picked", "make", "made", "making", "take",
            "took", "taken", "give", "gave", "given", "end", "ended", "open", "opened", "line", "lined", "show",
            "showed", "step", "stepped", "back", "backed", "beef", "beefed", "ramp", "ramped", "build", "built",
            "shore", "free", "freed", "round", "rounded", "sum", "summed", "add", "adds", "tally", "tallied",
            "put", "call", "called", "bring", "brought", "come", "came", "turn", "turned", "pop", "popped", "wrap",
            "wrapped", "clean", "cleaned", "dig", "dug", "rack", "racked", "racking", "chalk", "chalked", "shut",
            "broke", "break", "narrow", "narrowed", "water", "watered", "tone", "toned", "wind", "wound", "gobble",
            "gobbled", "snap", "snapped", "scoop", "scooped", "sew", "sewed", "lock", "locked", "mop", "mopped"}
# verbs whose "down" is a particle ("cut down 40 trees", "narrowed it down"), not a fall:
# "ended down 1%" and "closed down 2%" are falls
_PHRASAL_DOWN = {"narrow", "narrowed", "water", "watered", "tone", "toned", "wind", "wound", "shut", "broke",
                 "break", "cut", "back", "backed", "step", "stepped", "lock", "locked", "put", "turn", "turned",
                 "bring", "brought", "mop", "mopped", "hunt", "hunted", "track", "tracked", "write", "wrote",
                 "written", "take", "took", "taken", "calm", "calmed", "settle", "settled", "sit", "sat"}
_POINTS = {"point", "percentage point", "basis point"}
_PEOPLE_WHO = {"who", "he", "she", "they", "we", "i", "you"}
_HEDGES = {"maybe", "perhaps", "possibly"}
# lower-case words allowed in a verbless list of changes: "Acme by 2.6% and Globex by 1 per cent"
_ELLIPSIS_OK = {"and", "&", "'s", "’s", "by", "per", "cent", "percent", "pc", "pct", "point", "points",
                "those", "from", "the", "in", "of", "for", "at"}  # ", and those from India by 19%"


def _change_before(t: _Toks, p: int) -> tuple[str, int]:
    """Change label from the cue words ending right before token p: (label, first cue token)."""
    for _ in range(4):  # past up to three glue words: "warm by a further 1.5 degrees"
        for k in (4, 3, 2, 1):
            if p - k < 0:
                continue
            phrase = " ".join(t.low[p - k:p])
            if phrase in CHANGE_BEFORE:
                lab = CHANGE_BEFORE[phrase]
                if lab in (">", "<") and t.low[p] == "by":
                    return "=", -1  # "workers aged 21 and over by 6.7%": the bound was the age's
                if p - k >= 1 and t.low[p - k - 1] in _DASHES and t.glued(p - k):
                    continue  # the end of a compound: "the runner-up half", "a built-up area"
                if lab in ("up", "down") and _a_noun_before_a_span(t, p - k, p):
                    return "=", -1  # "a real-terms pay cut three years running": the cut is a noun
                if phrase == "up" and t.lw(p) == "to":
                    continue
                if phrase == "up to" and t.lw(p - k - 1) in _MOVED_UP:
                    return "=", -1  # "edged up to 4.3%", "went up to 40": the level reached, no bound
                if phrase in _HEDGES and not (t.kind[p] == 1 or t.low[p] in SMALL or t.low[p] in TENS):
                    continue  # "maybe five" is a guess; "maybe tens of millions" is vague already
                if phrase in ("up", "down") and t.lw(p - k - 1) in (_PHRASAL if phrase == "up" else _PHRASAL_DOWN):
                    return "=", -1  # "sign up 3 million voters", "racked up 20 wins"
                if lab == "~" and p - k > 0:
                    # "rose about 2%", "up nearly 40%": the direction wins over the estimate
                    b = p - k - 1
                    if t.low[b] == "by" and b > 0:
                        b -= 1
                    if CHANGE_BEFORE.get(t.low[b]) in ("up", "down") and not (t.low[b] == "up" and t.lw(b + 1) == "to"):
                        return CHANGE_BEFORE[t.low[b]], p - k
                return lab, p - k
        if p > 0 and t.low[p - 1] in CHANGE_GLUE:
            p -= 1
            continue
        if (back := _past_a_rate_of(t, p)) is not None:
            p = back  # "shrank at an annualised rate of 2.0%": the verb's change
            continue
        break
    return "=", -1


_PERIODIC = frozenset("annualised annualized annual yearly monthly quarterly seasonally-adjusted".split())


def _past_a_rate_of(t: _Toks, p: int) -> int | None:
    """Where "at a (annual) rate of" or "at a pace of" before token p starts, or None."""
    if t.lw(p - 1) != "of" or t.lw(p - 2) not in ("rate", "pace"):
        return None
    x = p - 3
    if t.lw(x) in _PERIODIC:
        x -= 1
    if t.lw(x) not in ("a", "an") or t.lw(x - 1) != "at":
        return None
    return x - 1


def _a_noun_before_a_span(t: _Toks, c: int, p: int) -> bool:
    """The cue at token c is a noun after a determiner or a noun ("a pay cut", "the rise")
    and the figure at p is a span of time ("three years running"): no change of three years."""
    if p - c != 1:
        return False
    x = p + 1
    while x < t.n and t.kind[x] == 1:
        x += 1
    if t.lw(x).rstrip("s") not in _SPANS:
        return False
    in_a_row = t.lw(x + 1) in ("running", "straight") or (t.lw(x + 1), t.lw(x + 2)) in (("in", "a"), ("in", "succession"))
    return in_a_row or c > 0 and t.lw(c - 1) in _NOUN_OPENERS  # ("rose three years in a row": how often, not how much)


_SPANS = TIME_UNITS | {"quarter"}
_NOUN_OPENERS = frozenset("a an the pay tax price wage rate real-terms its their this that".split())


# verbs whose particle "up" makes "up to" the level reached, not a bound
_MOVED_UP = frozenset("edged edges edge ticked ticks tick went goes go moved moves move crept creeps shot shoots "
                      "jumped climbed rose risen gone come came inched inches".split())

# verbs of movement: "went", "moved" and those CHANGE_BEFORE reads as a rise or a fall
_MOVED = {"went", "gone", "moved", "changed", "shifted", "swung", *(
    w for w, lab in CHANGE_BEFORE.items() if lab in ("up", "down") and " " not in w and w not in ("up", "down"))}


def _moved_by(t: _Toks, first: int) -> bool:
    """Whether the figure at token ``first`` is the size of a change followed by the level it
    reached: "by" after a verb of change, a few words back, and the first figure with its own
    unit ("raised its dividend by 4 cents to 38 cents"; "dropped by 1 to 1.5 degrees" is a
    range of changes). The figure after "to" is then a figure of its own. "Rose from 33% to 38%" stays one figure, a range from the old level to the new, as
    the benchmarks read it."""
    if t.lw(first - 1) != "by":
        return False
    for x in range(first - 2, max(-1, first - 13), -1):  # "cut the price it pays farmers by 3 cents"
        if t.lw(x) in _MOVED:
            return True
        if t.kind[x] == 3:
            return False  # no further back than the clause
    return False


# ------------------------------------------------------------------ stage: the change


def _change_stage(t: _Toks, r: _Reading):
    """Stage: the change label, from the cue words before the quantity (_change_before),
    those after it (CHANGE_AFTER: "or more", "higher") and the verb of a "by N" clause,
    with the exceptions where a cue is not a change ("raised $5m", "lost 5 games"). Sets
    change, s_start (a cue of bound or estimate starts the surface: "more than 5"), and
    end_tok when the cue after is read with it."""
    i, s0 = r.i, r.s0
    lab, cue_tok = _change_before(t, _tok_at(t, s0, i))
    if lab in (">", "<") and _comparative_than(t, cue_tok):
        lab, cue_tok = "=", -1  # "a third more than five years ago": a difference, no bound
    if lab in (">", "<") and _than_a_time_ago(t, cue_tok, r.end_tok):
        lab, cue_tok = "=", -1  # "two points lower than four years ago": the time compared with, no bound
    _cue_after(t, r)
    change = lab
    q0 = _tok_at(t, s0, i)
    by = q0 - 4 if t.low[max(0, q0 - 3):q0] in (["an", "average", "of"], ["a", "total", "of"]) \
        else q0 - 3 if t.low[max(0, q0 - 2):q0] == ["a", "further"] else q0 - 1  # "cut output by a further 1.2 million"
    if change == "=" and t.lw(by) in ("by", "either"):
        change = _verb_before_by(t, by)  # also "raise bills by an average of 9%"
    r.change = _change_exceptions(t, r, lab, cue_tok, q0, change)
    s_start = t.s[cue_tok] if cue_tok >= 0 and CHANGE_BEFORE.get(" ".join(t.low[cue_tok:_tok_at(t, s0, i)])) in ("~", ">", "<") else s0
    if s_start != s0 and cue_tok >= 0 and t.low[cue_tok] in ("up", "down") and t.lw(cue_tok + 1) != "to":
        s_start = s0
    r.s_start = s_start
    return None


_HOW_MUCH_MORE = frozenset("third thirds half quarter quarters fifth tenth twice times %".split())


_COMPARATIVES = frozenset("higher lower greater smaller bigger cheaper dearer better worse larger fewer".split())


def _than_a_time_ago(t: _Toks, cue: int, end: int) -> bool:
    """A comparative's "than" before a span of time ago ("lower than four years ago",
    "higher than a decade earlier"): the span dates what is compared, it bounds nothing."""
    return cue >= 0 and t.low[cue] in _COMPARATIVES and t.lw(cue + 1) == "than" \
        and t.lw(end) in ("ago", "earlier", "before", "previously")


def _comparative_than(t: _Toks, cue: int) -> bool:
    """"more/fewer/less than" right after a figure or fraction compares with the next one
    ("9% more than in 2019", "a third more than five years ago"): no bound on it."""
    if cue < 1 or t.low[cue] not in ("more", "fewer", "less") or t.lw(cue + 1) != "than":
        return False
    before = t.low[cue - 1]
    return t.kind[cue - 1] == 1 or before in _HOW_MUCH_MORE


def _cue_after(t: _Toks, r: _Reading):
    """The change written after the quantity ("5% or more", "10 higher"): sets
    change_after, and end_tok past a cue of bound or estimate."""
    change_after, end_tok, ukind = r.change_after, r.end_tok, r.ukind
    if change_after is None and end_tok < t.n:
        a1 = t.low[end_tok]
        a2 = a1 + " " + t.lw(end_tok + 1)
        if a2 in CHANGE_AFTER:
            change_after = CHANGE_AFTER[a2]
            if change_after in (">", "<", "~"):
                end_tok += 2
        elif a1 in CHANGE_AFTER and a1 not in ("up", "down") and (
                ukind in ("pct", "cur", "phys", None) or r.unit in _POINTS) \
                and t.lw(end_tok + 1) not in _OBJECT_OF_A_VERB:  # "a 0.5-point rise"
            change_after = CHANGE_AFTER[a1]  # (a bill "that climbed to €2.9 billion cut its profit": a verb)
        elif a1 in ("above", "below") and ukind in ("pct", "cur", "phys") and _a_reference(t, end_tok + 1):
            change_after = "up" if a1 == "above" else "down"  # "prices 9% below last year's", "2 metres above its usual level"
    r.change_after, r.end_tok = change_after, end_tok


# what a level is set against: "last year's", "a year earlier", "its usual level", "2019"
_REFERENCE_WORDS = frozenset("normal average usual typical last previous earlier ago pre-pandemic pre-war pre-crisis "
                             "peak level levels record same".split())


def _a_reference(t: _Toks, x: int) -> bool:
    """The words from token x name a reference level in time or a usual level ("last year's",
    "its normal level", "2019"), not a place ("300 metres above sea level", "above the city")."""
    words: list[str] = []  # a hyphenated compound is one word: "the pre-industrial average", "the five-year average"
    for y in range(x, min(t.n, x + 8)):
        if words and (t.lw(y) in _DASHES and t.glued(y) or y > x and t.lw(y - 1) in _DASHES and t.glued(y)):
            words[-1] += t.lw(y)
        else:
            words.append(t.lw(y))
    if words[:2] == ["sea", "level"] or (words and words[0] == "sea"):
        return False
    if x < t.n and t.kind[x] == 1 and t.low[x].isdigit() and _is_year(int(t.low[x]), t.low[x]):
        return True
    return any(w in _REFERENCE_WORDS or w.startswith(("pre-", "post-")) for w in words[:3])



_LOST_TO = frozenset("scams scammers fraud fraudsters criminals thieves gangs hackers fraudulent".split())


_GROUND = frozenset("death deaths ground floor pavement street rocks sea bottom".split())
_HEIGHTS = frozenset("roof ledge crane scaffold scaffolding bridge cliff window balcony platform tower building "
                     "ladder wall mast".split())


def _to_the_ground(t: _Toks, x: int) -> bool:
    """A body's fall that ends on the ground or in a death, or starts from a height (token x
    after the distance): "fell 11 metres to his death", "plunged 30 feet onto the rocks",
    "fell 40 metres from a crane" (not "the river fell 2 metres from its peak")."""
    words = (t.lw(x + 1), t.lw(x + 2), t.lw(x + 3))
    if t.lw(x) == "from":
        return any(w in _HEIGHTS for w in words)
    return t.lw(x) in ("to", "onto", "into") and any(w in _GROUND for w in words)


_DIRECTIONS = frozenset("north south east west northeast northwest southeast southwest north-east north-west "
                        "south-east south-west".split())


def _a_place_from(t: _Toks, x: int) -> bool:
    """A length that places something ("40 nautical miles off the coast", "12 km north of
    the city"): the words after it locate, they move nothing."""
    return t.lw(x) in ("off", "offshore", "inland", "away") or t.lw(x) in _DIRECTIONS and t.lw(x + 1) == "of"
    # (not "from": "cut 58 miles from the daily routes" takes them away)


def _lost_to(t: _Toks, x: int) -> bool:
    """Money lost to somebody, a sum taken ("lost £38 million to scams"), within a few words."""
    for y in range(x, min(t.n - 1, x + 6)):
        if t.low[y] == "to" and t.low[y + 1] in _LOST_TO:
            return True
        if t.kind[y] == 3 and t.low[y] in (",", ";", "."):
            break
    return False


def _verbless_and_for(t: _Toks, x: int, b: int) -> bool:
    """"..., and for hake by 11%": a short clause that names what else moved, no verb of its own."""
    words = [t.low[y] for y in range(x, b) if t.kind[y] == 2]
    return 2 <= len(words) <= 4 and words[0] == "and" and words[1] in ("for", "in", "at", "on") \
        and not any(w.endswith("ed") or w in CHANGE_BEFORE for w in words[2:])


def _verb_before_by(t: _Toks, b: int) -> str:
    """The change of "by N" at token b ("by"), from a verb of rise or fall before it in
    its clause or in the clause of a verbless list: "up" or "down", else "="."""
    clause = b  # start of the clause that holds "by N": "..., Acme by 2.6%" borrows the verb before it
    for x in range(b - 1, max(-1, b - 24), -1):
        lx = t.low[x]
        if t.kind[x] == 3 and lx in (",", ";", ".", ":"):
            if lx != "," or not (all(t.kind[y] != 2 or t.txt[y][0].isupper() or t.low[y] in _ELLIPSIS_OK
                                     for y in range(x + 1, b)) or _verbless_and_for(t, x + 1, b)):
                break
            clause = x
            continue
        far = clause == b and b - x >= 7
        if CHANGE_BEFORE.get(lx) in ("up", "down") and (lx not in ("up", "down", "higher", "lower") or x < clause) \
                and (not far or t.lw(x + 1) in _OBJECT_OPENERS):
            return CHANGE_BEFORE[lx]  # (far only across its object: "cut the risk of a second heart attack by 23%")
        if clause == b and b - x >= 11:
            break  # within its own clause the verb must be near: "rose sharply in May by 3%"
    return "="


_OBJECT_OPENERS = frozenset("the its their his her our a an".split())
_OBJECT_OF_A_VERB = _OBJECT_OPENERS - {"a", "an"}  # after "cut", a verb's object: "cut its profit"


def _sums_raised_or_lost(t: _Toks, r: _Reading, lab: str, cue_tok: int, q0: int, change: str) -> str:
    """Sums raised, losses made and things lost are amounts, not a level that moved: "raised
    $5m", "made a loss of €61.4 million", "lost 5 games", "lost about £40,000 of stock"."""
    unit, ukind = r.unit, r.ukind
    raise_words = ("raised", "raise", "raises", "raising")
    if lab == "up" and 0 < cue_tok < q0 and CHANGE_BEFORE.get(" ".join(t.low[cue_tok:q0])) == "~" and ukind == "cur" \
            and t.lw(cue_tok - 1) in raise_words:
        return "~"  # "expected to raise about €4.5 million", "raising an estimated €140 million": collected, roughly
    if lab == "up" and cue_tok == q0 - 1 and t.low[cue_tok] in raise_words \
            and ukind != "pct" and unit != "point":
        change = "="  # "raised $5m", "raised three children": collected or brought up, not a rise
    if lab == "down" and 0 <= cue_tok and " ".join(t.low[cue_tok:q0]) in ("a loss of", "loss of") and ukind == "cur":
        change = "="  # "made a loss of €61.4 million": the sum lost, not a fall
    if lab == "down" and cue_tok >= 0 and t.low[cue_tok] in ("lost", "lose", "loses", "losing") and (
            ukind == "count" and unit not in ("point", "percentage point", "basis point") and unit not in _STOCKS
            or t.lw(cue_tok - 1) in _PEOPLE_WHO or ukind == "cur" and _lost_to(t, r.end_tok)):
        change = "="  # "lost 5 games", "who lost £14,500", "lost £38 million to scams": things lost, not a level that fell
    lose = next((x for x in range(cue_tok, max(-1, cue_tok - 3), -1) if t.lw(x) in ("lost", "lose", "loses", "losing")), -1)
    if lab == "down" and 0 <= lose < q0 and ukind == "cur" and t.lw(q0 - 1) != "by" \
            and all(t.low[x] in CHANGE_GLUE or CHANGE_BEFORE.get(t.low[x]) for x in range(lose + 1, q0)) \
            and t.lw(r.end_tok) not in ("to", "against", "at") and (t.lw(r.end_tok), t.lw(r.end_tok + 1)) != ("in", "value") \
            and not any(t.lw(x) in _PRICED for x in range(max(0, lose - 6), lose)):  # ("lost £38 million in value" fell)
        between = CHANGE_BEFORE.get(" ".join(t.low[lose + 1:q0])) if lose + 1 < q0 else None
        change = between if between in ("~", ">", "<") else "="  # "lost about £40,000 of stock": a sum lost, roughly
    return change


def _change_exceptions(t: _Toks, r: _Reading, lab: str, cue_tok: int, q0: int, change: str) -> str:
    """Where the cue words do not give the change, or the signs and the cue after do."""
    i, value, vmax, unit, ukind, change_after = r.i, r.value, r.vmax, r.unit, r.ukind, r.change_after
    change = _sums_raised_or_lost(t, r, lab, cue_tok, q0, change)
    if lab == "up" and change == "~":
        return change  # "raising an estimated €140 million": collected, roughly, whatever follows
    if lab == "down" and cue_tok == q0 - 1 and t.low[cue_tok] in _CUT_VERBS and ukind == "count" \
            and unit not in ("point", "percentage point", "basis point"):
        change = "="  # "has cut 60 jobs", "cut 40 posts": things cut, counted (as "cut by 5%" is not)
    if lab == "up" and cue_tok == q0 - 1 and t.low[cue_tok] in _GROWN and (
            ukind == "count" and unit not in _STOCKS or ukind == "phys" and t.lw(r.end_tok) == "of"):
        change = "="  # "the team grew 480 plants", "farmers grew 12,000 hectares of maize": a crop, not a rise
    if lab == "down" and cue_tok == q0 - 1 and t.low[cue_tok] in ("fell", "fall", "falls", "falling", "fallen", "plunged",
                                                                   "plummeted", "dropped") \
            and ukind == "phys" and _to_the_ground(t, r.end_tok):
        change = "="  # "a scaffolder fell 11 metres to his death": a body's fall, no level that fell
    if lab in ("up", "down") and 0 < cue_tok == q0 - 1 and t.lw(cue_tok - 1) in ("a", "an") \
            and t.low[cue_tok] in ("cool", "warm", "mild", "hot", "cold"):
        change = "="  # "Temperatures were a cool 12 degrees": an adjective, not "cool by"
    if lab in ("up", "down") and ukind == "phys" and _a_place_from(t, r.end_tok):
        change = "="  # "the ship sank 40 nautical miles off the coast": where, not how far it moved
    if lab in ("up", "down") and ukind in (None, "count") and t.lw(r.end_tok) == "of" \
            and t.lw(r.end_tok + 1) in _OBJECT_OPENERS and r.end_tok + 2 < t.n \
            and t.kind[r.end_tok + 2] == 1:
        change = "~" if CHANGE_BEFORE.get(t.lw(q0 - 1)) == "~" else "="
        # "has climbed nine of the 14", "won six of its 10": a part of a whole, not a move ("lost about 300 of its 420": roughly)
    if lab == ">" and cue_tok == q0 - 1 and t.low[cue_tok] in ("pass", "passed", "passing") and ukind == "phys":
        change = "="  # "when it will pass 1,200 km": a place passed, not a bound
    if lab == ">" and 0 <= cue_tok == q0 - 2 and t.low[cue_tok] in ("pass", "passed", "passing") and t.lw(q0 - 1) == "by":
        change = "="  # "the plan passed by 31 votes to 24": the margin it passed by, not a bound
    if change == "=" and ukind == "cur" and t.lw(r.end_tok) in ("more", "less") and _no_noun_after(t, r.end_tok + 1) \
            and any(t.lw(x) in _PRICE_VERBS for x in range(max(0, q0 - 4), q0)):
        change = "up" if t.lw(r.end_tok) == "more" else "down"  # "a loaf could cost 20 cents more by autumn"
    if change == "=" and ukind in ("count", None, "cur") and unit != "time" and _more_than(t, i, r.end_tok):
        # (a count only: NewsQuant reads "76 percent more than last year" as a level, our sets as a rise)
        change = "up" if _more_than(t, i, r.end_tok) == "more" else "down"  # "1.8% more than last year"
    if change == "=" and ukind == "count" and unit in _STOCKS and t.lw(q0 - 1) in _ADDED:
        change = "up"  # "the economy added 18,400 jobs", "created 2,000 jobs": a stock that grew
    if change == "=" and t.lw(q0 - 1) in ("added", "adds", "add") and (ukind in ("pct", "cur") or unit == "point"):
        change = "up"  # "added 15 cents", "adds 0.4%"
    if change == "=" and t.glued(i) and i >= 2 and t.txt[i - 1] in _DASHES and t.low[i - 2] == "sub":
        change = "<"  # "sub-5 nanometre"
    if change == "=" and t.glued(i) and i >= 1 and t.txt[i - 1] == "+":
        change = "up"  # "Index +0.4%"
    if change == "=" and change_after:
        change = change_after
    if change == "=" and value < 0 and ukind in ("pct", "cur") and vmax is None:
        change = "down"  # "Index -0.9%", "fell to $-50.8bn"
    elif change in ("up", "down") and change_after in (">", "<", "~"):
        change = change_after
    if lab in (">", "<") and change == lab and _negated(t, cue_tok):
        change = ">" if lab == "<" else "<"  # "didn't fall below 27 degrees", "never exceeded 40"
    if lab == ">" and change == lab and t.low[cue_tok] == "over" and unit in _PLACES and _after_an_amount(t, cue_tok):
        change = "="  # "destroyed 38 drones over five regions": across them, no bound
    if lab == ">" and change == lab and t.low[cue_tok] == "over" and unit in _SPREAD_SPANS and t.lw(cue_tok - 1) != "for" and (
            _after_an_amount(t, cue_tok) or t.lw(cue_tok - 1) in _SPREAD or t.lw(cue_tok - 2) in _SPREAD):
        change = "="  # "€38 billion over five years", "repeated over 36 months": the period spread over
        # ("95,800 people unemployed for over two years" is a bound on how long)
    if lab == ">" and change == lab and t.low[cue_tok] == "over" and q0 == cue_tok + 2 and t.lw(cue_tok + 1) in ("a", "an") \
            and t.glued(i + 1):
        change = "="  # "a dispute over a 2-metre hedge": a figure that modifies the noun after "over a", no bound
    if lab == ">" and change == lab and t.low[cue_tok] == "over" and _chosen_before(t, cue_tok):
        change = "="  # "he had chosen Wrexley over two other clubs": what was passed over, no bound
    if r.rng is not None and t.lw(q0 - 1) == "from":
        change = "=" if lab not in ("~", ">", "<") else lab
    return change


# things whose price moves: "shares lost $1.20 to $40", "the pound lost 3 cents" fell
_PRICED = frozenset("share shares stock stocks price prices pound dollar euro yen franc currency index futures "
                    "contract contracts oil gold silver bitcoin bond bonds".split())


# stocks that a place, a party or a firm has more or fewer of over time: losing or adding them
# moves a level ("lost 9,200 jobs", "losing 17 seats"), where "lost 5 games" counts results
_STOCKS = frozenset("job seat resident member customer subscriber user worker employee staff inhabitant "
                    "voter listener viewer reader".split())
_ADDED = frozenset("added adds adding created".split())  # (a plan "creating 420 jobs" makes new ones: a count)
_GROWN = frozenset("grew grow grows growing grown".split())  # with an object: "grew 480 plants"
_CUT_VERBS = frozenset("cut cuts cutting axed axe axes slashed shed sheds shedding".split())

# a price or a wage set against another ("could cost 20 cents more"), where "raised $5 million
# more" is an amount added, like "40 more beds"
_PRICE_VERBS = frozenset("cost costs costing pay pays paying paid charge charges charging charged earn earns "
                         "earning earned spend spends spending spent".split())


def _no_noun_after(t: _Toks, x: int) -> bool:
    """Nothing counted follows "more" at token x ("20 cents more by autumn", "€4 more a month")."""
    return x >= t.n or t.kind[x] == 3 or t.low[x] in ("by", "per", "a", "an", "than", "this", "next", "in", "for",
                                                      "each", "every", "from", "on", "at", "to", "if", "when")


def _more_than(t: _Toks, i: int, end: int) -> str | None:
    """"more" or "fewer" after the figure at token i and "than" a few words later: a
    difference from a reference ("1.8% more than last year", "3,410 more inmates than they
    were built for", "40 fewer beds than in 2020"), or "fewer" of a noun written with it
    ("20,000 fewer cars this year": only a difference has fewer); None otherwise ("40 more
    beds" is more beds, a count)."""
    for x in range(i + 1, min(t.n, end + 1)):
        w = t.low[x]
        if w in ("more", "fewer", "less"):
            if any(t.low[y] == "than" for y in range(x + 1, min(t.n, x + 5))):
                return "more" if w == "more" else "fewer"
            if w == "fewer" and x < end - 1:
                return "fewer"  # "20,000 fewer electric cars this year": fewer of what there were
            return None
    return None


_NEGATIONS = {"not", "never", "n't", "didn't", "doesn't", "don't", "won't", "wouldn't", "couldn't", "did not",
              "didn’t", "doesn’t", "don’t", "won’t", "wouldn’t", "couldn’t", "cannot", "can't", "can’t"}
_SPREAD_SPANS = {"year", "month", "week", "day", "decade", "hour", "quarter", "season", "term"}  # "over five years"
_AMOUNT_ENDS = {"million", "billion", "trillion", "bn", "m", "thousand"}


def _back_in_clause(t: _Toks, cue_tok: int, words, reach: int) -> bool:
    """One of ``words`` within ``reach`` tokens before the cue, in its clause."""
    for x in range(cue_tok - 1, max(-1, cue_tok - reach - 1), -1):
        if t.kind[x] == 3:
            return False
        if t.low[x] in words:
            return True
    return False


def _negated(t: _Toks, cue_tok: int) -> bool:
    """A bound whose verb is negated, a few words back in its clause: "did not fall below"
    (the level stayed at or above it), "never went over"."""
    return _back_in_clause(t, cue_tok, _NEGATIONS, 3)


# verbs that spread something over a period ("a pattern, repeated over 36 months", "phased in
# over five years"), where "waited over three hours" is a bound
_SPREAD = frozenset("spread repeated phased staggered accumulated built amassed recorded gathered collected "
                    "repaid spreading repeating".split())


_CHOSE = frozenset("chose chosen choose chooses choosing picked prefer preferred prefers favoured favored "
                   "selected".split())


_PLACES = frozenset("region province state country district city town village county area site continent "
                    "municipality island".split())  # spread over: "over five regions"


def _chosen_before(t: _Toks, cue_tok: int) -> bool:
    """A verb of choosing a few words before 'over', in the same clause."""
    return _back_in_clause(t, cue_tok, _CHOSE, 5)


def _after_an_amount(t: _Toks, cue_tok: int) -> bool:
    """'over' after a sum in its clause: "$2 billion over five years", "40,000 over a
    decade", "spent £1.2 million on the project over six years"."""
    for x in range(cue_tok - 1, max(-1, cue_tok - 11), -1):
        if t.kind[x] == 3 and t.low[x] not in ("$", "£", "€", "¥", "%"):
            return False  # ("a 9% rise over two years": a percentage is an amount too)
        if t.kind[x] == 1 and cue_tok - x < 7 or t.low[x] in _AMOUNT_ENDS:
            return True  # (further back only a sum: "£150 million would go on repairs over four years")
    return False
