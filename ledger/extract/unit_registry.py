"""Physical units from quantulum3's unit registry: the surfaces and symbols a unit is written
with, mapped to its name.

The registry (``quantulum3/units.json``, read as data: quantulum3's parser and classifier
are never run) gives each unit its name, the dimension it measures (``entity``), its
surfaces (``metre``, ``meter``), its symbols (``m``) and the SI prefixes it takes
(``k`` → ``kilometre``, ``km``). :func:`registry_units` turns that into ``{surface: name}``
for the dimensions news reports (:data:`DIMENSIONS`), with English plurals, and leaves out
what cannot be read safely in running text:

- symbols of one letter (``m``, ``g``, ``h``) and symbols that are English words once
  lower-cased (``in``, ``are``, ``gal``, ``cup``...: :data:`WORD_SYMBOLS`);
- a prefixed symbol that lower-cases onto another unit's (``Mm`` megametre and ``mm``);
- units nobody writes in news that collide with words (:data:`RARE`).

``numbers_units.UNITS`` is the surfaces, the symbols the project reads as units
(``UNIT_SYMBOLS``: a symbol is read only when we have decided it is safe), and the
project's own corrections on top (``UNIT_OVERRIDES``): the abbreviations the registry
lacks (``kms``, ``mph``, ``km/h``), the single letters read only when glued to digits, and
the names the guidelines use where the registry's differ (``celsius`` for "degree
Celsius", ``millilitre`` for "cubic centimetre").
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

DIMENSIONS = frozenset({
    "length", "area", "volume", "mass", "time", "speed", "acceleration", "energy", "power", "pressure", "force",
    "data storage", "data transfer rate", "frequency", "instance frequency", "current", "electric potential",
    "charge", "torque", "temperature", "sound level", "density", "volumetric flow", "radioactivity",
    "radiation absorbed dose",
})
PREFIXES = {"k": "kilo", "M": "mega", "G": "giga", "T": "tera", "P": "peta", "m": "milli", "c": "centi",
            "µ": "micro", "μ": "micro", "n": "nano"}
WORD_SYMBOLS = frozenset(
    "in are gal cup pt pk qt dr st yd ft ml da ha mi min am pm at an as do go he hi is it me my no of on or so to up "
    "us we ye ma pa ad ab".split())
RARE = frozenset({
    "span", "hand", "point", "line", "pace", "league", "rod", "pole", "perch", "chain", "link", "cord", "stone age",
    "grain", "dram", "scruple", "pica", "em", "en", "bit", "nibble", "word", "block", "byte", "barn", "shake",
    "jiffy", "moment", "ell", "cubit", "twip", "mil", "thou", "fathom", "furlong", "bolt", "bag", "drop", "peck",
    "bushel", "gill", "minim", "cord", "board", "sack", "last", "tun", "butt", "hogshead", "score",
    # words with another everyday sense in news (a pound is money, a quarter a period of the year)
    "pound", "pound-mass", "quarter", "cup", "quad", "atmosphere", "stere", "barye", "bar", "hartree", "erg",
    "quintal", "dalton", "poise", "second of arc", "cycle", "revolution", "turn", "bel", "pond", "gray", "rad",
    "curie", "kip", "annum", "gaj", "gal", "therm", "baud", "qubit", "qbit", "kgs", "µs", "dyne",
})


def _registry() -> dict:
    spec = find_spec("quantulum3")  # located, not imported: only its data is read
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("quantulum3 is not installed: its unit registry is a dependency of the extractor")
    path = Path(list(spec.submodule_search_locations)[0]) / "units.json"
    return json.loads(path.read_text(encoding="utf-8"))


def plural(surface: str) -> str:
    """English plural of a unit's surface: ``metres``, ``feet``, ``inches``, ``centuries``,
    ``metres per second``, ``square feet``."""
    words = surface.split(" ")
    at = words.index("per") - 1 if "per" in words and words.index("per") > 0 else len(words) - 1
    w = words[at]
    if w in ("foot",):
        w = "feet"
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        w += "es"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        w = w[:-1] + "ies"
    elif w in ("hertz", "celsius", "fahrenheit", "kelvin"):
        pass
    else:
        w += "s"
    return " ".join([*words[:at], w, *words[at + 1:]])


def _symbol_ok(symbol: str) -> bool:
    low = symbol.lower()
    return len(symbol) >= 2 and low not in WORD_SYMBOLS and any(c.isalpha() for c in symbol)


@lru_cache(maxsize=1)
def registry_units() -> tuple[dict[str, str], dict[str, str]]:
    """``({surface: name}, {symbol: name})``, lower-case, from the registry: surfaces with
    their plurals, and symbols (see the module doc for what is left out)."""
    names: dict[str, str] = {}
    symbols: dict[str, str] = {}
    prefixed = []
    for name, unit in _registry().items():
        if unit.get("entity") not in DIMENSIONS or name in RARE or not unit.get("surfaces"):
            continue
        _add(names, symbols, name, unit.get("surfaces", []), unit.get("symbols", []))
        for p in unit.get("prefixes", []):
            if p in PREFIXES and " " not in name:
                word = PREFIXES[p]
                prefixed.append((word + name, [word + s for s in unit["surfaces"]],
                                 [p + s for s in unit.get("symbols", [])]))
    for name, surfaces, syms in prefixed:  # after the plain units: never over a plain unit's key
        _add(names, symbols, name, surfaces, syms)
    return names, symbols


@lru_cache(maxsize=1)
def exact_symbols() -> dict[str, str]:
    """``{symbol: name}`` with the registry's own case, every symbol, one letter too (``A``,
    ``V``, ``mA``): read only where a slash glued to another unit makes it a unit ("A/cm2")."""
    out: dict[str, str] = {}
    for name, unit in _registry().items():
        if unit.get("entity") not in DIMENSIONS or name in RARE:
            continue
        for sym in unit.get("symbols", []):
            out.setdefault(sym, name)
            for p in unit.get("prefixes", []):
                if p in PREFIXES and " " not in name:
                    out.setdefault(p + sym, PREFIXES[p] + name)
    return out


def _add(names: dict[str, str], symbols: dict[str, str], name: str, surfaces: list[str], syms: list[str]) -> None:
    for s in surfaces:
        low = s.lower()
        if low not in RARE:
            for key in (low, plural(low)):
                names.setdefault(key, name)
    for sym in syms:
        if _symbol_ok(sym):
            symbols.setdefault(sym.lower(), name)
