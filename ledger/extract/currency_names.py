"""Currency words from Babel's CLDR data: the English name of every currency in use, and the
words a figure is written with (``koruna``, ``korunas`` → ``czech koruna``; ``forints`` →
``hungarian forint``).

quantulum3's registry names 22 currencies; news from anywhere writes "310 million koruna
annually", "200 lei", "50 hryvnias". CLDR (shipped inside Babel, no download) has each
currency's English name in the singular and the plural. A word shared by several
currencies in use (``dinar``, ``shilling``, ``leu``) names no country: it maps to itself.
Left out: metals and accounting units (``gold``, ``special drawing rights``), and words
that are everyday English after a figure (``real``, ``mark``, ``sol``: "two real
problems", "passed the 1,000 mark", "on sol 200") or a measure ("5 drams of water").
"""
from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.numbers import get_currency_name, get_territory_currencies

NOT_MONEY_WORDS = frozenset("real reals mark marks sol soles dram drams gold silver platinum palladium rights unit units "
                            "funds account value code currency".split())


def _in_use() -> set[str]:
    codes: set[str] = set()
    for territory in Locale("en").territories:
        if len(territory) == 2 and territory.isalpha():
            codes.update(get_territory_currencies(territory))
    return codes


@lru_cache(maxsize=1)
def currency_words() -> dict[str, str]:
    """``{word: currency name}``, lower-case: the last word of each name in use, singular
    and plural; a word several currencies share maps to itself in the singular."""
    names: dict[str, set[str]] = {}  # the singular word -> the names that end in it
    forms: dict[str, str] = {}  # a written form -> its singular word ("korunas" -> "koruna")
    for code in _in_use():
        name = get_currency_name(code, locale="en").lower()
        if "(" in name or any(c.isdigit() for c in name):
            continue
        word = name.split()[-1]
        names.setdefault(word, set()).add(name)
        for form in (name, get_currency_name(code, count=2, locale="en").lower()):
            forms.setdefault(form.split()[-1], word)
    return {form: (next(iter(names[word])) if len(names[word]) == 1 else word)
            for form, word in forms.items()
            if form.isalpha() and form not in NOT_MONEY_WORDS and word not in NOT_MONEY_WORDS}
