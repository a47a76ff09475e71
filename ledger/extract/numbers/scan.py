"""The main scanner: ``find_quantities`` walks the tokens of a sentence and reads one
quantity at each token that could start one (``_read_quantity``).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ledger.extract.numbers_units import (
    ABBR_SCALES, ADJ, CHANGE_AFTER, CHANGE_BEFORE, CURRENCY_ADJ, CURRENCY_WORDS, GLUED_ONLY, MONTHS, PERCENT,
    SMALL, STOP, STREET_WORDS, TENS, TIME_UNITS, UNITS, VAGUE,
)
from ledger.extract.numbers.limits import _readable, _readable_quantity, _whole
from ledger.extract.numbers.tokens import _DASHES, _Toks, _emit, _tok_at
from ledger.extract.numbers.words import (
    _A_UNIT, _FOLD, _METRE_CONTEXT, _QUICK, _could_start, _figure, _inline_power, _is_plural, _parse_number,
    _power, _singular, _unreadable_figure,
)
from ledger.extract.numbers.units import (
    _AGE_CUES, _PEOPLE, _PERSON_AFTER, _VERBISH, _counted_noun, _cur_prefix, _per_suffix, _unit_after,
    _unit_follows,
)
from ledger.extract.numbers.change import _ELLIPSIS_OK, _change_before
from ledger.extract.numbers.not_quantities import (
    _MASK, _ONE_DURATION_BEFORE, _ONE_IDIOM_NEXT, _OPENERS, _PRONOUN_BEFORE, _SPEECH_AFTER, _YEAR_NOUNS,
    _YEAR_PREP, _is_clock_dot, _is_date, _is_id_before, _is_time, _is_year, _phone_end, _skip_list,
)
from ledger.extract.numbers.ranges import _range_tail
from ledger.extract.numbers.vague import _finish_vague, _fraction
from ledger.extract.numbers.concepts import _concept
from ledger.extract.numbers.inherit import (
    _INDEX_WORD, _LEVEL_AFTER, _LEVEL_BEFORE, _LEVEL_NUM, _NON_COUNT, _OPEN_BRACKET, _SHARE_NEXT, _bare_end,
    _noun_before, _parallel_unit,
)
from ledger.extract.types import Quantity


# ------------------------------------------------------------------ main scanner

# The counted noun of the last quantity in the document being read, so that a bare
# "over 9,000" in the next sentence can inherit "visa application". Holding the text
# itself (not its id) means a new document can never be mistaken for the old one.
_DOC_MEMORY: dict = {"text": None, "unit": None, "end": -1}


def find_quantities(text: str, start: int, end: int) -> list[Quantity]:
    """Quantities in ``text[start:end]``, offsets absolute in ``text``."""
    if not _QUICK.search(text, start, end):
        return []
    t = _Toks(text, start, end)
    if t.n == 0:
        return []
    masked = [False] * t.n
    for m in _MASK.finditer(text, start, end):
        # tokens are in text order: only those from the first one starting inside the match
        x = bisect_left(t.s, m.start())
        while x < t.n and t.s[x] < m.end():
            if t.e[x] <= m.end():
                masked[x] = True
            x += 1
    if _DOC_MEMORY["text"] is not text or _DOC_MEMORY["end"] > start:
        _DOC_MEMORY.update(text=text, unit=None, end=-1)
    out: list[Quantity] = []
    last_count_unit = None
    i = 0
    while i < t.n:
        if masked[i]:
            i += 1
            continue
        k = t.kind[i]
        w = t.low[i]
        if k == 3 or (k == 2 and not _could_start(t, i)):
            i += 1
            continue
        r = _read_quantity(t, i, start, masked, last_count_unit)
        if r is None:
            i += 1
            continue
        qs, nxt = r
        for q, kind in qs:
            if q is None or not _readable_quantity(q):
                continue  # a range, fraction or carried multiplier left it unreadable
            if kind == "count" and q.unit:
                last_count_unit = q.unit
            out.append(q)
        i = max(nxt, i + 1)
    # inherit the counted noun: "41,000 troops ... and 42,000 more"; across sentences too
    fixed = []
    prev_unit = _DOC_MEMORY["unit"] if start - _DOC_MEMORY["end"] < 600 else None
    prev_q = None
    index_sentence = any(q.unit == "point" for q in out) or _INDEX_WORD.search(text, start, end) is not None
    for n, q in enumerate(out):
        nxt_q = out[n + 1] if n + 1 < len(out) else None
        if q.unit is None and q.value_max is None and nxt_q is not None and nxt_q.unit \
                and _OPEN_BRACKET.fullmatch(text, q.end, nxt_q.start):
            # "2,435,000 yen ($22,480) ... and 2,380,000 ($21,972)": the same pair written twice
            recent = fixed[-8:]  # a few quantities back, so a long sentence stays linear
            for a, b in zip(recent, recent[1:]):
                if a.unit and b.unit == nxt_q.unit and a.unit != b.unit and _OPEN_BRACKET.fullmatch(text, a.end, b.start):
                    q = Quantity(**{**q.__dict__, "unit": a.unit})
        if q.unit is None and q.value_max is None and nxt_q is not None and nxt_q.unit and \
                _SHARE_NEXT.fullmatch(text, q.end, nxt_q.start) and (
                    text[q.end:nxt_q.start].strip() != "or" or nxt_q.surface[:1] in "$£€¥"):
            # "40 million of the 2 billion rupees", "about 7 or $8": the unit written once serves both
            q = Quantity(**{**q.__dict__, "unit": nxt_q.unit})
        elif q.unit is None and q.change in (">", "<") and _noun_before(text, start, q.start):
            # "outstanding asylum claims over 150,000": the plural noun before the bound is counted
            q = Quantity(**{**q.__dict__, "unit": _noun_before(text, start, q.start)})
        elif q.unit is None and _whole(q.value) and q.value >= 2 and q.value_max is None and prev_unit \
                and _bare_end(text, q.end, end):
            q = Quantity(**{**q.__dict__, "unit": prev_unit})
        elif q.unit is None and prev_q is not None and prev_q.unit == "point" and q.value_max is None:
            q = Quantity(**{**q.__dict__, "unit": "point"})  # "gained 12.5 points to 3,210.40"
        elif q.unit is None and q.value_max is None and index_sentence and _LEVEL_NUM.fullmatch(q.surface) and (
                _LEVEL_BEFORE.search(text, max(start, q.start - 12), q.start) or _LEVEL_AFTER.match(text, q.end, end)):
            q = Quantity(**{**q.__dict__, "unit": "point"})  # an index level: "the TA-100 ended at 1,401.52"
        elif q.unit is None and q.value_max is None:
            par = _parallel_unit(text, start, fixed, q)
            if par:
                q = Quantity(**{**q.__dict__, "unit": par})
        if prev_q is not None and q.change == "=" and prev_q.change != "=" and \
                text[prev_q.end:q.start].strip() in ("(", ", or", "or", "(or", "/"):
            # a restatement keeps the change: "more than 50 km (31 miles)", "shed 80 points, or 1.2%"
            q = Quantity(**{**q.__dict__, "change": prev_q.change})
        if prev_q is not None and prev_q.value_max is not None and q.value_max is None and \
                text[prev_q.end:q.start] == " to " and q.unit in (None, prev_q.unit) and " to " in prev_q.surface and \
                re.search(r"\bfrom\s+$", text[max(start, prev_q.start - 8):prev_q.start]):
            # "goes from $20 to $25 to $30": the next step runs from the last end
            q = Quantity(**{**q.__dict__, "value": prev_q.value_max, "value_max": q.value, "unit": prev_q.unit})
        if q.unit and q.unit not in _NON_COUNT:
            prev_unit = q.unit
        fixed.append(q)
        prev_q = q
    _DOC_MEMORY.update(unit=prev_unit, end=end)
    return fixed


def _read_quantity(t: _Toks, i: int, lo: int, masked, last_count_unit):
    """Parse the quantity that starts at token i: ([(Quantity|None, kind)], next index) or None."""
    text = t.text
    w = t.low[i]
    # ---- vague and fractional words
    if t.kind[i] == 2:
        if w == "minus":
            return None
        if w == "tens" and t.lw(i + 1) == "of" and t.lw(i + 2) in ("thousands", "millions", "billions"):
            a, b = VAGUE[t.low[i + 2]]
            return _finish_vague(t, i, i + 3, a * 10, b * 10, lo)
        if w in VAGUE:
            if t.lw(i + 1) == "of" and t.lw(i + 2) in ("thousands", "millions", "billions"):
                a, b = VAGUE[w]
                m = VAGUE[t.low[i + 2]][0]
                return _finish_vague(t, i, i + 3, a * m, b * m, lo)
            if t.lw(i + 1) == "of" or t.lw(i + 2) in STOP or i + 1 >= t.n or t.kind[i + 1] == 3:
                if i > 0 and (t.kind[i - 1] == 1 or t.low[i - 1] in SMALL or t.low[i - 1] in ("several", "few", "many")):
                    return None
                a, b = VAGUE[w]
                return _finish_vague(t, i, i + 1, a, b, lo)
            return None
    if t.kind[i] == 2 or t.txt[i] == "1" or t.lw(i + 1) == "out":
        frac = _fraction(t, i)
        if frac is not None:
            return frac
    if t.kind[i] == 2:
        m = _FOLD.match(w)
        if m:
            # "a fourfold rise", "grew more than tenfold": a multiplier
            v = SMALL.get(m.group(1)) or TENS.get(m.group(1))
            lab, cue = _change_before(t, i)
            s_at = t.s[cue] if cue >= 0 and lab in ("~", ">", "<") else t.s[i]
            q = _emit(text, t, s_at, t.e[i], v, None, None, lab if lab in ("~", ">", "<") else "up", None)
            return [(q, "fold")], i + 1
        if w in ("a", "an") and t.lw(i + 1) in _A_UNIT:
            # "nearly a decade", "more than a year": one unit with a bound
            lab, cue = _change_before(t, i)
            if lab not in ("~", ">", "<"):
                return None
            q = _emit(text, t, t.s[cue], t.e[i + 1], 1, None, UNITS[t.low[i + 1]], lab, None)
            return [(q, "phys")], i + 2
    pn = _parse_number(t, i)
    if pn is None:
        return None
    value, j, words, scaled = pn
    p = i
    if not words and j + 1 < t.n and t.txt[j] in ("×", "x", "*") and t.txt[j + 1] == "10":
        k = j + 2
        sign = 1
        if k < t.n and t.txt[k] in ("^",):
            k += 1
        if k < t.n and t.txt[k] in ("−", "-", "–"):
            sign = -1
            k += 1
        if k < t.n and t.kind[k] == 3 and _unreadable_figure(t, k) and (t.glued(k) or t.txt[k - 1] in "^−-–"):
            return [], k + 1  # an exponent of hundreds of digits: the figure is skipped whole
        if k < t.n and t.kind[k] == 1 and t.txt[k].isdigit() and (t.glued(k) or t.txt[k - 1] in "^−-–"):
            p10 = _power(10.0, sign * int(t.txt[k]))
            if p10 is None or not _readable(value * p10):
                return [], k + 1  # a figure too large (or small) to read: skipped whole
            value = value * p10
            j = k + 1
            scaled = True
    elif not words and j + 1 < t.n and t.txt[j] == "^" and t.glued(j):
        # "10^6", "2^-3": a power written inline
        power = _inline_power(t, value, j)
        if power is None:
            return None
        value, j = power
        if value is None:
            return [], j  # a power too large (or small) to read: skipped whole
        scaled = True
    # ---- things that are not quantities
    txt0 = t.txt[i]
    unit, s0, neg = _cur_prefix(t, i, lo)
    has_cur = unit is not None
    ukind = "cur" if has_cur else None
    if neg and i >= 2 and t.kind[i - 2] == 2 and t.txt[i - 2][0].isupper() and t.txt[i - 1] in _DASHES \
            and not _unit_follows(t, j):
        return _skip_list(t, j)
    if t.kind[i] == 1:
        if t.lw(i - 1) == "(" and t.lw(j) == ")" and t.kind[i - 2 if i >= 2 else 0] == 2:
            return [], j + 1  # "Jane Doe (7)": a shirt number or reference
        if _is_time(t, p, j, value):
            return [], j + 2
        phone = _phone_end(t, i)
        if phone is not None:
            return [], phone
        if _is_clock_dot(t, i, j):
            return [], j
        if j + 1 < t.n and t.txt[j] in ("/", "⁄") and t.glued(j) and t.glued(j + 1) and t.kind[j + 1] == 1 and j == i + 1:
            den = _figure(t.txt[j + 1])
            if not (0 < value < den <= 1000 and _whole(value) and _whole(den)) or has_cur:
                return [], j + 2  # 24/7, $3/$5
            lab, cue = _change_before(t, i)
            fu, fend, fk = _unit_after(t, j + 2, value / den, False, i)  # "1/4 pound of flour"
            if fk not in ("phys", "cur"):
                fu, fend = None, j + 2
                x = j + 4 if t.lw(j + 2) == "of" and t.lw(j + 3) in ("a", "an") else 0
                if x and t.lw(x) in ("us", "u.s", "imperial", "metric"):
                    x += 1
                if x and (t.lw(x) in UNITS and t.lw(x) not in GLUED_ONLY or t.lw(x) in ("pint", "quart", "cup")):
                    fu, fend = UNITS.get(t.low[x]) or t.low[x], x + 1  # "1/16 of a US pint"
            q = _emit(text, t, t.s[i], t.e[fend - 1], value / den, None, fu, lab, None)
            return [(q, "frac")], fend
        if not has_cur and _is_id_before(t, p, _unit_follows(t, j)):
            return _skip_list(t, j)
        # glued letters after digits that are not a unit or multiplier: 5G, 1990s, 22nd, 3D
        if j < t.n and t.glued(j) and t.kind[j] == 2 and j == i + 1:
            lw = t.low[j]
            if (lw not in ABBR_SCALES and lw != "m" and _unit_after(t, j, value, has_cur, i)[2] not in ("phys", "pct", "cur")) \
                    or (len(t.txt[j]) == 1 and t.txt[j] in "GDKXSP"):
                return [], j + 1
        if _is_date(t, p, j, value):
            return [], j
        # street addresses: "10 Downing Street"
        if j + 1 < t.n and t.kind[j] == 2 and t.txt[j][0].isupper() and (
                t.low[j + 1] in STREET_WORDS or t.lw(j + 2) in STREET_WORDS) and t.low[j] not in MONTHS:
            return [], j + 1
        b = i - 1
        while b > 0 and t.low[b] in ADJ and t.txt[b].islower():
            b -= 1
        if not has_cur and not scaled and "," not in txt0 and "." not in txt0 and b >= 0 and \
                (t.low[b] in SMALL or t.low[b] in TENS) and j < t.n and t.kind[j] == 2 and t.txt[j][0].isupper():
            return [], j  # "two new 737 Max jets": the number names the model
        if not has_cur and (t.lw(j) in ("zip", "postal", "area", "dialling", "dialing") and t.lw(j + 1) in ("code", "codes")
                            or t.lw(j) in ("postcode", "zipcode")):
            return [], j + 1  # "the 90210 ZIP code" is an identifier
        # model names: "320 Skyliner", "9 Ultra" (a capitalised singular right after a bare number)
        if not has_cur and not scaled and j < t.n and t.kind[j] == 2 and not t.glued(j) and value != 1 \
                and "," not in txt0 and not _unit_follows(t, j) and not _is_plural(t.lw(j + 1)) \
                and t.txt[j][0].isupper() and not _is_plural(t.low[j]) and t.low[j] not in UNITS \
                and _counted_noun(t, j, value)[0] is None \
                and t.low[j] not in CURRENCY_WORDS and t.low[j] not in MONTHS and t.low[j] not in CURRENCY_ADJ \
                and t.low[j] not in PERCENT and t.low[j] not in STOP and not t.txt[j].isupper():
            return [], j + 1
    elif t.lw(j) in ("o'clock", "o’clock"):
        return [], j + 1  # "three o'clock"
    elif i >= 2 and t.txt[i - 1] in _DASHES and t.glued(i) and t.glued(i - 1) and t.kind[i - 2] == 2:
        return None  # "high-five", "Catch-22"
    elif t.txt[i][0].isupper() and i > 0 and t.txt[i - 1] not in _OPENERS and t.low[i - 1] not in CHANGE_BEFORE:
        return None  # "Channel Four", "Ocean Eleven": a name, not a number
    if neg:
        value = -value
    # "1.5m" is a million, unless it reads as metres ("a 100m sprint", "8m tall")
    if t.kind[i] == 1 and j < t.n and t.low[j] == "m" and t.glued(j) and not scaled:
        nxt = t.lw(j + 1)
        if has_cur or t.txt[j] == "M" or (j + 1 < t.n and t.kind[j + 1] == 2 and nxt not in _METRE_CONTEXT):
            value *= 1e6
            scaled = True
            j += 1
    if t.kind[i] == 1 and j < t.n and t.low[j] == "b" and t.glued(j) and not scaled:
        value *= 1e9
        scaled = True
        j += 1
    if j + 1 < t.n and t.txt[j] == "]" and t.glued(j) and i > 0 and t.txt[i - 1] == "[":
        j += 1  # "[Ten] years ago": an editor's bracket inside a quotation
    e_num = j
    # ---- unit after the number
    u, uend, uk = _unit_after(t, j, value, has_cur, i)
    if uk == "skip":
        return [], j + 2
    change_after = None
    if uk == "fold":
        change_after = "up"
    elif uk == "plus":
        change_after = ">"
    if uk == "phys" and has_cur and not t.glued(j):
        u, uend, uk = None, j, None  # "an $800 stone oven": the money is the quantity
    if uk in ("pct", "phys", "age", "count") or (uk == "cur" and not has_cur):
        unit, ukind = u, uk
    elif uk == "cur" and has_cur and u:
        ukind = "cur"
    end_tok = uend if uk else j
    if ukind in ("cur", "pct", "phys"):
        unit, end_tok = _per_suffix(t, end_tok, unit)
    # ---- ranges: 10-15, between 12 and 15 million, from $36,040 to $34,935, 8–10 years, one or two
    vmax = None
    lab0, _ = _change_before(t, _tok_at(t, s0, i))
    unit_explicit = bool(unit) and end_tok > e_num
    rng = _range_tail(t, i, end_tok if unit_explicit else e_num, value, words, scaled, has_cur, unit,
                      unit_explicit, lab0, s0)
    if rng is not None:
        v2, end2, unit2, kind2, score = rng
        if score == "score" and _is_year(value, txt0) and len(t.txt[end2 - 1]) == 2 and v2[0] == (value + 1) % 100:
            return [], end2  # "the 2014-15 season": a span of years
        if score == "score":
            # a score or tally is one pair (the guidelines accept either reading)
            q = _emit(text, t, s0, t.e[end2 - 1], value, v2[0], None, "=", None)
            return [(q, "score")], end2
        if score:
            return [], end2
        if unit is None and end2 + 1 < t.n and t.kind[end2] == 2 and t.txt[end2][0].isupper() and (
                t.low[end2 + 1] in STREET_WORDS or t.lw(end2 + 2) in STREET_WORDS):
            return [], end2 + 1  # "12-14 Harbour Road"
        if unit is None and unit2:
            unit, ukind = unit2, kind2
        if v2[1]:
            value *= v2[1]
        vmax = v2[0]
        end_tok = max(end2, end_tok)
        if ukind in ("cur", "pct", "phys"):
            unit, end_tok = _per_suffix(t, end_tok, unit)
    # years and decades: bare four-digit numbers in 1000..2100 without a unit
    if t.kind[i] == 1 and not has_cur and not scaled and unit is None and _is_year(value, txt0) \
            and t.lw(end_tok) in _YEAR_NOUNS:
        return [], end_tok  # "below 1990 levels", "10% of 2000 levels"
    if t.kind[i] == 1 and not has_cur and not scaled and unit is None and _is_year(value, txt0) \
            and lab0 not in (">", "<") and t.lw(i - 1) not in ("about", "some", "nearly", "approximately", "roughly", "almost"):
        nxt = t.lw(end_tok)
        if not (_is_plural(nxt) and nxt not in STOP and (t.lw(i - 1) not in _YEAR_PREP or vmax is not None)
                and not t.txt[end_tok][0].isupper()):
            return _skip_list(t, end_tok, years=True)
    if vmax is not None and t.kind[i] == 1 and _is_year(value, txt0) and unit is None and (
            _is_year(vmax, str(int(vmax))) or (t.low[e_num] in _DASHES and t.glued(e_num) and len(t.txt[e_num + 1]) == 2
                                                and vmax == (value + 1) % 100)) \
            and not (_is_plural(t.lw(end_tok)) and t.lw(end_tok) not in STOP):
        return [], end_tok
    # ---- counted noun
    u_s = end_tok
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
                q = _emit(text, t, s0, t.e[e_num - 1], value, None, cn, _change_before(t, _tok_at(t, s0, i))[0], None)
                return [(q, "count")], end_tok
    if unit is None and uk is None and t.lw(i - 1) == "of" and t.lw(i - 2) in ("age", "ages") and value < 125:
        unit, ukind = "year", "age"  # "under the age of 12"
    if unit is None and uk is None and value < 111 and t.lw(i - 1) in ("under", "over", "above", "below") \
            and _is_plural(t.lw(i - 2)) and _singular(t.lw(i - 2)) in _PEOPLE:
        unit, ukind = "year", "age"  # "people under 30", "children over 5"
    if unit is None and uk is None and words and value in (2, 3) and j == i + 1 and t.lw(i - 1) == "or" \
            and t.kind[i - 2] == 2 and t.low[i - 2] not in STOP and t.lw(i - 3) in ("a", "an", "another", "one"):
        # "a day or two", "another pick or two": the noun before 'or' is counted
        unit = UNITS.get(t.low[i - 2]) or _singular(t.low[i - 2])
        ukind = "phys" if t.low[i - 2] in UNITS else "count"
    if unit is None and uk is None and scaled and t.kind[i] == 1 and t.lw(end_tok) == "of" \
            and t.lw(end_tok + 1) in ("its", "their", "his", "her", "our", "the"):
        cn, cend = _counted_noun(t, end_tok + 2, value)
        if cn and _is_plural(t.low[cend - 1]):
            unit, ukind = cn, "count"  # "35m of its smart speakers"
    if unit is None and uk is None and last_count_unit and vmax is None and t.lw(end_tok) in ("per", "a") \
            and t.lw(end_tok + 1) in TIME_UNITS:
        unit, ukind = f"{last_count_unit} per {t.low[end_tok + 1]}", "count"  # "22 burglaries ... 20 per week"
        end_tok += 2
    if unit is None and uk is None:
        if t.lw(end_tok) == "of" and words and t.lw(end_tok + 1) not in ("the", "them", "us", "those", "these", "his", "her", "their", "its", "our", "my", "your", "whom", "which"):
            pass
        cn, cend = _counted_noun(t, end_tok, value)
        if cn:
            unit, ukind = cn, "count"
            end_tok = cend
            unit, end_tok = _per_suffix(t, end_tok, unit)
    if unit is None and vmax is None and 0 < value <= 12 and (
            t.lw(end_tok) == "in" and t.lw(end_tok + 1) == "the" and t.lw(end_tok + 2) in ("morning", "afternoon", "evening")
            or t.lw(end_tok) == "at" and t.lw(end_tok + 1) == "night"):
        return [], end_tok  # "at 9 in the morning": a time of day
    if unit is None and t.kind[i] == 1 and t.lw(i - 1) in ("top", "bottom") and vmax is None:
        return [], end_tok  # "made the top 10": a rank
    # a bare number naming a thing: "the 747,", "the annual 800 festival", "'800'"
    if unit is None and t.kind[i] == 1 and lab0 == "=" and vmax is None and "," not in txt0 and value != 1:
        nxt = t.lw(end_tok)
        if t.lw(i - 1) == "the" and (end_tok >= t.n or t.kind[end_tok] == 3):
            return [], end_tok
        if t.lw(i - 1) in ("'", "‘", '"', "“") and nxt in ("'", "’", '"', "”"):
            return [], end_tok + 1
    # compound modifiers: "the 40 page report", "a 6 cylinder motor" -> the singular noun
    if unit is None and value != 1 and end_tok + 1 < t.n and t.kind[end_tok] == 2 and t.kind[end_tok + 1] == 2 \
            and t.txt[end_tok].islower() and t.txt[end_tok + 1].islower() and not _is_plural(t.low[end_tok]) \
            and t.low[end_tok] not in STOP and t.low[end_tok + 1] not in STOP and t.low[end_tok] not in _PERSON_AFTER \
            and t.low[end_tok] not in ADJ and not _is_plural(t.low[end_tok + 1]) \
            and not (t.low[end_tok].endswith(("ly", "ed", "ing")) and not t.low[end_tok].endswith("eed")) \
            and t.low[end_tok] not in _VERBISH and not t.low[end_tok + 1].endswith("ly"):
        unit, ukind = t.low[end_tok], "count"
        end_tok += 1
    # ages: "aged 14", "age seventeen", "Jane Roe, 42,"
    if unit is None and _whole(value) and 0 < value < 125:
        if t.lw(i - 1) in _AGE_CUES or (i >= 2 and t.txt[i - 1] == "," and t.kind[i - 2] == 2 and t.txt[i - 2][0].isupper()
                                         and t.lw(end_tok) in (",", ")", ".", "") and t.kind[i] == 1):
            unit, ukind = "year", "age"
    # people by what they did: "80 injured", "300 attended", "nearly 900 who", "killing four"
    if unit is None and _whole(value) and value >= 2 and vmax is None and (
            t.lw(end_tok) in _PERSON_AFTER or t.lw(end_tok) in ("who", "attended", "were", "had")
            and t.lw(end_tok + 1) not in ("of",) or t.lw(i - 1) in ("killing", "killed", "injuring", "wounding")):
        if not (t.lw(end_tok) in ("were", "had") and last_count_unit and t.lw(end_tok + 1) not in _PERSON_AFTER):
            unit, ukind = "person", "count"
    # ages: "when she was six", "until he was 18", "his daughter, who was 10"
    if unit is None and _whole(value) and 0 < value < 120 and (
            t.lw(i - 1) in ("was", "is", "turned", "turns") and t.lw(i - 2) in ("he", "she", "i", "you", "they", "we", "who")
            or t.lw(i - 1) == "be" and t.lw(i - 2) == "will" and t.lw(i - 3) in ("he", "she", "i", "you", "they", "we")) and (end_tok >= t.n or t.kind[end_tok] == 3
                                                                         or t.lw(end_tok) in STOP):
        unit, ukind = "year", "age"
    # "life expectancy for men is around 73": a life expectancy is in years
    if unit is None and vmax is None and 30 <= value <= 110 and any(
            t.low[x] == "expectancy" and t.lw(x - 1) == "life" for x in range(max(0, i - 12), i)):
        unit, ukind = "year", "age"
    # "210 passengers and crew" are people
    if ukind == "count" and unit in ("passenger",) and t.lw(end_tok) == "and" and t.lw(end_tok + 1) in ("crew", "staff"):
        unit = "person"
        end_tok += 2
    # ---- idioms with "one"; bare small words
    if words and unit is None and t.lw(i - 1) in ("top", "bottom", "final", "last", "first", "big", "fab", "famous"):
        return None  # "the bottom three", "the Big Five"
    if words and w == "one" and ukind == "count" and t.txt[i] == "One" and (i == 0 or t.txt[i - 1] in _OPENERS):
        return None  # "One reader wrote": a someone, not a count
    if words:
        if w == "one" and j == i + 1:
            if unit is None:
                return None
            if t.lw(j) in _ONE_IDIOM_NEXT and t.lw(i - 1) not in _ONE_DURATION_BEFORE:
                return None
            if t.lw(i - 1) in _PRONOUN_BEFORE and t.lw(i - 1) not in ("a", "an"):
                return None
            if ukind == "count" and t.lw(end_tok) in _SPEECH_AFTER:
                return None  # "one reader writing", "one visitor noted"
        if value == 0 and unit is None:
            return None
        if unit is None and t.lw(end_tok) == "of" and value >= 2:
            # "two of the passengers", "Three of Smith's aides": a count of the plural after
            x = end_tok + 1
            if t.lw(x) in ("the", "its", "his", "her", "their", "our", "my", "these", "those"):
                x += 1
            elif x + 2 < t.n and t.kind[x] == 2 and t.txt[x][0].isupper() and t.low[x + 1] in ("'", "’") \
                    and t.low[x + 2] == "s":
                x += 3
            elif x + 1 < t.n and t.kind[x] == 2 and t.low[x].endswith(("'s", "’s")):
                x += 1
            cn, cend = _counted_noun(t, x, value) if x > end_tok + 1 else (None, x)
            if cn:
                unit, ukind = cn, "count"
                end_tok = cend
        if unit is None and (t.lw(end_tok) == "of" or t.lw(i - 1) in ("the", "these", "those", "all", "both", "'s", "’s")
                             or t.lw(i - 1) == "of" and not scaled):
            # "two of them", "the two": not counts on their own
            return None
        if unit is None and t.lw(end_tok) in ("or", "to") and t.lw(end_tok + 1) in ("two", "three"):
            return None
    # ---- change
    lab, cue_tok = _change_before(t, _tok_at(t, s0, i))
    if change_after is None and end_tok < t.n:
        a1 = t.low[end_tok]
        a2 = a1 + " " + t.lw(end_tok + 1)
        if a2 in CHANGE_AFTER:
            change_after = CHANGE_AFTER[a2]
            if change_after in (">", "<", "~"):
                end_tok += 2
        elif a1 in CHANGE_AFTER and a1 not in ("up", "down") and ukind in ("pct", "cur", "phys", None):
            change_after = CHANGE_AFTER[a1]
    change = lab
    q0 = _tok_at(t, s0, i)
    if change == "=" and t.lw(q0 - 1) in ("by", "either"):
        b = q0 - 1
        clause = b  # start of the clause that holds "by N": "..., Acme by 2.6%" borrows the verb before it
        for x in range(b - 1, max(-1, b - 24), -1):
            lx = t.low[x]
            if t.kind[x] == 3 and lx in (",", ";", ".", ":"):
                if lx != "," or not all(t.kind[y] != 2 or t.txt[y][0].isupper() or t.low[y] in _ELLIPSIS_OK
                                        for y in range(x + 1, b)):
                    break
                clause = x
                continue
            if CHANGE_BEFORE.get(lx) in ("up", "down") and (lx not in ("up", "down", "higher", "lower") or x < clause):
                change = CHANGE_BEFORE[lx]
                break
            if clause == b and b - x >= 7:
                break  # within its own clause the verb must be near: "rose sharply in May by 3%"
    if lab == "up" and cue_tok == q0 - 1 and t.low[cue_tok] == "raised" and ukind != "pct" and unit != "point":
        change = "="  # "raised $5m", "raised three children": collected or brought up, not a rise
    if lab == "down" and cue_tok >= 0 and t.low[cue_tok] in ("lost", "lose", "loses", "losing") and ukind == "count" \
            and unit not in ("point", "percentage point", "basis point"):
        change = "="  # "lost 5 games", "lose 15 IQ points": things lost, not a level that fell
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
    if rng is not None and t.lw(_tok_at(t, s0, i) - 1) == "from":
        change = "=" if lab not in ("~", ">", "<") else lab
    s_start = t.s[cue_tok] if cue_tok >= 0 and CHANGE_BEFORE.get(" ".join(t.low[cue_tok:_tok_at(t, s0, i)])) in ("~", ">", "<") else s0
    if s_start != s0 and cue_tok >= 0 and t.low[cue_tok] in ("up", "down") and t.lw(cue_tok + 1) != "to":
        s_start = s0
    e_end = t.e[end_tok - 1] if end_tok > i else t.e[i]
    if e_end < t.e[e_num - 1]:
        e_end = t.e[e_num - 1]
    concept = _concept(t, ukind, u_s, end_tok)
    q = _emit(text, t, s_start, e_end, value, vmax, unit, change, concept)
    return [(q, ukind)], end_tok
