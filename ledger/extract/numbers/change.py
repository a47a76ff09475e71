"""Modifiers and change: the change label of a quantity ("=", "up", "down", "~", ">",
"<") from the cue words right before it (``_change_before``: "rose", "more than",
"about"), and the phrasal verbs and "by N" clauses that decide whether a cue applies
(``_moved_by``). A new cue word goes in CHANGE_BEFORE or CHANGE_AFTER in
``numbers_units.py``; a rule about when a cue does or does not apply goes here.
"""
from __future__ import annotations

from ledger.extract.numbers_units import CHANGE_BEFORE, CHANGE_GLUE
from ledger.extract.numbers.tokens import _Toks


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
# lower-case words allowed in a verbless list of changes: "Acme by 2.6% and Globex by 1 per cent"
_ELLIPSIS_OK = {"and", "&", "'s", "’s", "by", "per", "cent", "percent", "pc", "pct", "point", "points"}


def _change_before(t: _Toks, p: int) -> tuple[str, int]:
    """Change label from the cue words ending right before token p: (label, first cue token)."""
    for _ in range(3):
        for k in (4, 3, 2, 1):
            if p - k < 0:
                continue
            phrase = " ".join(t.low[p - k:p])
            if phrase in CHANGE_BEFORE:
                lab = CHANGE_BEFORE[phrase]
                if phrase == "up" and t.lw(p) == "to":
                    continue
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
        break
    return "=", -1


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
    return any(t.lw(x) in _MOVED for x in range(max(0, first - 6), first - 1))
