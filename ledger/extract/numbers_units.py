"""Word tables for the quantity extractor: number words, units, currencies, cue words.

Plain data, built once at import. Keys are lower-case surfaces; values are the
normalised unit names the guidelines ask for (singular, standard English names).
"""
from __future__ import annotations

from ledger.extract.currency_names import currency_words
from ledger.extract.unit_registry import registry_units

SMALL = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# multipliers written right after digits: 1.5m, 3bn, 25k, 7.1M
ABBR_SCALES = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "million": 1e6,
    "b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "tn": 1e12, "trn": 1e12, "trillion": 1e12,
    "crore": 1e7, "lakh": 1e5,
}
# vague plurals: "dozens of", "tens of thousands" -> (low, high), NewsQuant's convention
VAGUE = {
    "dozens": (12, 120), "scores": (20, 200), "hundreds": (100, 1000), "thousands": (1e3, 1e4),
    "millions": (1e6, 1e7), "billions": (1e9, 1e10), "trillions": (1e12, 1e13),
}
FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fourth": 0.25, "fifth": 0.2, "tenth": 0.1,
             "thirds": 1 / 3, "quarters": 0.25, "fifths": 0.2, "tenths": 0.1}

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
}

# currency symbols and codes written before the number
CURRENCY_PREFIX = {
    "$": "dollar", "us$": "dollar", "u.s.$": "dollar", "usd": "dollar", "us": "dollar",
    "a$": "australian dollar", "au$": "australian dollar", "aud": "australian dollar",
    "c$": "canadian dollar", "ca$": "canadian dollar", "cad": "canadian dollar",
    "nz$": "new zealand dollar", "nzd": "new zealand dollar",
    "hk$": "hong kong dollar", "hkd": "hong kong dollar", "s$": "singapore dollar",
    "sgd": "singapore dollar", "r$": "brazilian real", "brl": "brazilian real",
    "£": "pound sterling", "gbp": "pound sterling", "€": "euro", "eur": "euro",
    "¥": "japanese yen", "jpy": "japanese yen", "cny": "chinese yuan", "rmb": "chinese yuan",
    "₹": "indian rupee", "rs": "indian rupee", "inr": "indian rupee", "rm": "malaysian ringgit",
    "myr": "malaysian ringgit", "₪": "shekel", "ils": "shekel", "nis": "shekel",
    "chf": "swiss franc", "₩": "south korean won", "krw": "south korean won", "₽": "russian ruble",
    "rub": "russian ruble", "₦": "nigerian naira", "zar": "south african rand",
}
# currency names written after the number (singular or plural); adjectives handled separately
# our names first; CLDR's currencies in use under them (extract/currency_names.py)
CURRENCY_WORDS = {**currency_words(), **{
    "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro",
    "pound": "pound sterling", "pounds": "pound sterling", "quid": "pound sterling",
    "sterling": "pound sterling", "yen": "japanese yen", "yuan": "chinese yuan",
    "renminbi": "chinese yuan", "rupee": "indian rupee", "rupees": "indian rupee",
    "ringgit": "malaysian ringgit", "shekel": "shekel", "shekels": "shekel", "franc": "swiss franc",
    "francs": "swiss franc", "peso": "peso", "pesos": "peso", "rand": "south african rand",
    "ruble": "russian ruble", "rubles": "russian ruble", "rouble": "russian ruble",
    "roubles": "russian ruble", "naira": "nigerian naira", "lira": "turkish lira",
    "dirham": "dirham", "dirhams": "dirham", "baht": "thai baht", "dinar": "dinar",
    "dinars": "dinar", "krona": "krona", "kronor": "swedish krona", "krone": "krone",
    "kroner": "krone", "reais": "brazilian real",  # (the plural only: "real" is everyday English)
    "usd": "dollar", "eur": "euro", "gbp": "pound sterling", "jpy": "japanese yen", "cny": "chinese yuan",
    "inr": "indian rupee", "aud": "australian dollar", "cad": "canadian dollar", "chf": "swiss franc",
    "€": "euro", "£": "pound sterling", "¥": "japanese yen", "cent": "cent", "cents": "cent", "pence": "penny", "penny": "penny",
    "sen": "sen", "rupiah": "indonesian rupiah", "won": "south korean won",
    "bitcoin": "bitcoin", "bitcoins": "bitcoin",
}}
CURRENCY_ADJ = {
    "us": "", "u.s.": "", "american": "", "australian": "australian ", "canadian": "canadian ",
    "hong kong": "hong kong ", "new zealand": "new zealand ", "singapore": "singapore ",
    "taiwan": "taiwan ", "zimbabwe": "zimbabwe ", "mexican": "mexican ", "philippine": "philippine ",
    "swiss": "swiss ", "indian": "indian ", "pakistani": "pakistani ", "japanese": "japanese ",
    "chinese": "chinese ", "south african": "south african ", "swedish": "swedish ", "icelandic": "icelandic ",
    "danish": "danish ", "norwegian": "norwegian ",
}

PERCENT = {"%": "percentage", "percent": "percentage", "pc": "percentage", "pct": "percentage",
           "percentage": "percentage", "percents": "percentage"}

# Physical units (and time) by surface, multiword keys with single spaces: quantulum3's
# unit registry (extract/unit_registry.py: its surfaces and their plurals), the symbols
# of it we read as units, and our corrections on top.
_REGISTRY_NAMES, _REGISTRY_SYMBOLS = registry_units()
# the registry's symbols that are safe to read as units in running text
UNIT_SYMBOLS = frozenset({
    "amp", "btu", "cm", "db", "gbps", "ghz", "gpa", "gw", "hp", "hr", "hrs", "hz", "kbps", "kcal", "khz", "km",
    "kpa", "kph", "kv", "kw", "kwh", "mah", "mbps", "mg", "mhz", "mmbtu", "mpa", "mph", "ms", "oz", "psi",
    "rpm", "sec", "sq ft", "sq km", "sq m", "yr", "µm",
})
# what the registry lacks (abbreviations: "kms", "km/h", "mpg"; single letters read only
# glued to digits: GLUED_ONLY), and names the guidelines give otherwise ("celsius", not
# "degree Celsius"; "millilitre", not "cubic centimetre"; "mm" is a millimetre, never a
# megametre)
UNIT_OVERRIDES = {
    "kms": "kilometre", "mm": "millimetre", "mmhg": "millimetre of mercury", "mm hg": "millimetre of mercury",
    "millimetres of mercury": "millimetre of mercury", "millimetre of mercury": "millimetre of mercury", "nm": "nanometre", "μm": "micrometre", "mi": "mile", "ft": "foot",
    "in": "inch", "yd": "yard", "yds": "yard", "nautical mile": "nautical mile",
    "nautical miles": "nautical mile", "light year": "light year", "light years": "light year",
    "light-year": "light year", "light-years": "light year", "hectare": "hectare", "hectares": "hectare",
    "ha": "hectare", "m2": "square metre", "l": "litre", "ml": "millilitre", "millilitre": "millilitre",
    "millilitres": "millilitre", "milliliters": "millilitre", "bpd": "barrel per day", "g": "gram",
    "lb": "pound-mass", "lbs": "pound-mass", "ton": "ton", "tons": "ton", "t": "tonne", "stone": "stone",
    "km/h": "kilometre per hour", "kmh": "kilometre per hour", "kmph": "kilometre per hour", "kt": "knot",
    "kts": "knot", "knts": "knot", "m/s": "metre per second", "mpg": "mile per gallon",
    "miles an hour": "mile per hour", "miles per gallon": "mile per gallon", "secs": "second", "min": "minute",
    "mins": "minute", "h": "hour", "yrs": "year", "millennia": "millennium", "bhp": "brake horsepower",
    "ps": "metric horsepower", "w": "watt", "mw": "megawatt", "mwh": "megawatt hour", "gwh": "gigawatt hour",
    "twh": "terawatt hour", "megawatt-hour": "megawatt hour", "megawatt-hours": "megawatt hour",
    "gigawatt-hour": "gigawatt hour", "gigawatt-hours": "gigawatt hour", "terawatt-hour": "terawatt hour",
    "terawatt-hours": "terawatt hour", "kilowatt-hour": "kilowatt hour", "megawatt hour": "megawatt hour",
    "megawatt hours": "megawatt hour", "gigawatt hour": "gigawatt hour", "gigawatt hours": "gigawatt hour",
    "terawatt hour": "terawatt hour", "terawatt hours": "terawatt hour", "v": "volt", "amps": "ampere", "btus": "british thermal unit",
    "mmbtus": "mega british thermal unit", "nm/": "newton metre", "lb-ft": "foot pound-force",
    "pound-feet": "foot pound-force", "pound-foot": "foot pound-force", "ft-lb": "foot pound-force",
    "ksi": "kilopound per square inch", "pa": "pascal", "bar": "bar", "kb": "kilobyte", "mb": "megabyte",
    "gb": "gigabyte", "tb": "terabyte", "pb": "petabyte", "mp": "megapixel", "megapixel": "megapixel",
    "megapixels": "megapixel", "°c": "celsius", "°f": "fahrenheit", "celsius": "celsius",
    "fahrenheit": "fahrenheit", "degrees celsius": "celsius", "degree celsius": "celsius",
    "degrees fahrenheit": "fahrenheit", "degree fahrenheit": "fahrenheit", "degrees c": "celsius",
    "degrees f": "fahrenheit", "degf": "fahrenheit", "degc": "celsius", "deg c": "celsius",
    "deg f": "fahrenheit", "deg": "degree", "degree": "degree", "degrees": "degree", "°": "degree",
    "parts per million": "part per million", "parts per billion": "part per billion",
    "ppm": "part per million", "ppb": "parts-per-billion", "basis point": "basis point",  # (NewsQuant writes ppb so)
    "basis points": "basis point", "bps": "basis point", "bp": "basis point",
    "percentage point": "percentage point", "percentage points": "percentage point", "ppg": "point per game",
    "rpg": "rebound per game", "apg": "assist per game", "spg": "steal per game", "bpg": "block per game",
}
UNITS = {**_REGISTRY_NAMES, **{s: _REGISTRY_SYMBOLS[s] for s in UNIT_SYMBOLS}, **UNIT_OVERRIDES}
# units written in capitals only (the lower-case word means something else: "war")
UNITS_CASED = {"WAR": "win above replacement"}
# "Danish crowns": a crown is a currency only after its country's adjective
CROWNS = {"danish": "danish krone", "norwegian": "norwegian krone", "swedish": "swedish krona",
          "czech": "czech koruna", "icelandic": "icelandic krona"}
# units that are only units when glued to the digits or clearly abbreviations; bare
# single letters after a space are usually something else ("block 5 h", "option 2 t")
GLUED_ONLY = {"in", "l", "g", "t", "h", "w", "v", "m", "mi", "min", "pa", "ha", "ps", "ms", "mp", "kt", "bar", "bp"}

TIME_UNITS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade",
              "century", "millennium", "millisecond"}

# cue words before a number -> change label; longest match wins
CHANGE_BEFORE = {
    "about": "~", "around": "~", "nearly": "~", "almost": "~", "approximately": "~", "approx": "~",
    "roughly": "~", "some": "~", "an estimated": "~", "estimated": "~", "close to": "~", "closer to": "~", "nearer": "~", "nearer to": "~",
    "circa": "~", "c.": "~", "~": "~", "just about": "~", "averaging": "~", "averaged": "~", "averages": "~", 
    "approaching": "~", "the best part of": "~", "or so": "~", "estimates suggest": "~",
    "something like": "~", "in the region of": "~", "of the order of": "~", "on the order of": "~",
    "estimates show": "~", "estimates put it at": "~", "estimated at": "~", "is estimated at": "~",
    "more than": ">", "over": ">", "at least": ">", "upwards of": ">", "in excess of": ">",
    "in-excess of": ">", "in - excess of": ">", "above": ">", "exceeding": ">", "exceeded": ">", "exceeds": ">",
    "exceed": ">", "more then": ">", "over than": ">", "greater than": ">", "higher than": ">",
    "no less than": ">", "no fewer than": ">", "a minimum of": ">", "just over": ">",
    "well over": ">", "beyond": ">", "north of": ">", "topping": ">", "topped": ">",
    "less than": "<", "under": "<", "up to": "<", "fewer than": "<", "at most": "<",
    "below": "<", "within": "<", "no more than": "<", "just under": "<", "less then": "<",
    "a maximum of": "<", "not more than": "<", "lower than": "<", "shy of": "<", "short of": "<",
    "colder than": "<", "cooler than": "<", "younger than": "<", "shorter than": "<", "cheaper than": "<",
    "smaller than": "<", "slower than": "<", "lighter than": "<", "warmer than": ">", "hotter than": ">",
    "older than": ">", "longer than": ">", "bigger than": ">", "larger than": ">", "faster than": ">",
    "heavier than": ">", "deeper than": ">", "taller than": ">", "wider than": ">",
    # (not "as many as": NewsQuant reads it exact, our sets as an upper bound)
    "as much as": "<", "as high as": "<", "maybe": "~", "perhaps": "~", "possibly": "~", "as little as": ">", "as few as": ">",
    "overrun": "up", "overran": "up", "overruns": "up", "overshot": "up", "overshoot": "up",
    "rose": "up", "rise": "up", "rises": "up", "rising": "up", "risen": "up", "up": "up",
    "increased": "up", "increase": "up", "increases": "up", "increasing": "up", "grew": "up",
    "grow": "up", "grown": "up", "grows": "up", "gained": "up", "gain": "up", "gains": "up",
    "warmed": "up", "warm": "up", "warms": "up", "warming": "up", "cooled": "down", "cool": "down",
    "climbed": "up", "climb": "up", "climbs": "up", "jumped": "up", "jump": "up", "jumps": "up",
    "surged": "up", "surge": "up", "soared": "up", "soar": "up", "advanced": "up",
    "rallied": "up", "spiked": "up", "boosted": "up", "raised": "up", "higher": "up",
    "climbing": "up", "jumping": "up", "soaring": "up", "surging": "up", "gaining": "up", "advancing": "up",
    "advance": "up", "advances": "up", "rallying": "up", "adding": "up", "upward": "up", "upwards": "up",
    "downward": "down", "downwards": "down", "under the age of": "<", "over the age of": ">",
    "above the age of": ">", "below the age of": "<",
    "an increase of": "up", "a rise of": "up", "a jump of": "up", "a gain of": "up",
    "increases of": "up", "rises of": "up", "hikes of": "up", "cuts of": "down", "falls of": "down",
    "reductions of": "down", "decreases of": "down",
    "fell": "down", "fall": "down", "falls": "down", "falling": "down", "fallen": "down",
    "dropped": "down", "drop": "down", "drops": "down", "dropping": "down", "declined": "down",
    "decline": "down", "declines": "down", "declining": "down", "down": "down",
    "decreased": "down", "decrease": "down", "decreases": "down", "lost": "down", "lose": "down",
    "loses": "down", "losing": "down", "slid": "down", "slide": "down", "slipped": "down",
    "slumped": "down", "slump": "down", "tumbled": "down", "plunged": "down", "plummeted": "down",
    "sank": "down", "sunk": "down", "shed": "down", "shedding": "down", "shrank": "down",
    "shrunk": "down", "eased": "down", "dipped": "down", "cut": "down", "cuts": "down",
    "reduced": "down", "lowered": "down", "retreated": "down", "lower": "down",
    "plummeting": "down", "plunging": "down", "tumbling": "down", "sliding": "down", "slipping": "down",
    "sinking": "down", "slumping": "down", "dipping": "down",
    "expanded": "up", "expands": "up", "expanding": "up", "hiked": "up",
    "contracted": "down", "contracting": "down", "shrinks": "down", "shrinking": "down", "shrink": "down",
    "contract": "down", "contracts": "down", "near": "~",
    "lengthened": "up", "lengthens": "up", "widened": "up", "widens": "up", "extended": "up",
    "deepened": "up", "doubled": "up", "shortened": "down", "shortens": "down", "narrowed": "down",
    "narrows": "down", "trimmed": "down", "slashed": "down", "halved": "down", "cutting": "down",
    "passed": ">", "pass": ">", "passing": ">",
    "lowering": "down", "reducing": "down", "raising": "up", "raise": "up", "raises": "up", "lift": "up",
    "lifts": "up", "lifted": "up", "boost": "up", "boosts": "up", "hike": "up", "hikes": "up",
    "reduce": "down", "reduces": "down", "lowers": "down",
    "weakened": "down", "weakens": "down", "weakening": "down", "softened": "down", "depreciated": "down",
    "strengthened": "up", "strengthens": "up", "strengthening": "up", "firmed": "up", "appreciated": "up",
    "a drop of": "down", "a decline of": "down", "a fall of": "down", "a decrease of": "down",
    "a loss of": "down", "a cut of": "down", "a reduction of": "down",
}
# the same nouns after what they move: "an average price rise of 12%", "a pay increase of 4%"
# (after an adjective NewsQuant reads them as levels: "the major gain of 2.13%", "an overall cut of")
CHANGE_BEFORE.update({f"{what} {move} of": label
                      for what in "price pay rent fare tax wage salary fee rate bill premium tariff".split()
                      for move, label in (("rise", "up"), ("increase", "up"), ("hike", "up"), ("cut", "down"),
                                          ("reduction", "down"), ("fall", "down"), ("drop", "down"))})
# words between the cue and the number that do not break it: "rose by", "fell sharply by"
CHANGE_GLUE = {"by", "a", "an", "just", "only", "some", "nearly", "almost", "about", "roughly", "further",
               "around", "approximately", "well", "slightly", "sharply", "another", "combined"}
# cue words right after the quantity
CHANGE_AFTER = {
    "or more": ">", "or so": "~", "plus": ">", "or less": "<", "or fewer": "<", "and up": ">",
    "and above": ">", "and over": ">", "at most": "<", "at least": ">",
    "increase": "up", "rise": "up", "gain": "up", "jump": "up", "higher": "up", "hike": "up",
    "growth": "up", "surge": "up", "up": "up", "up on": "up", "down on": "down",  # "14% down on last year"
    "drop": "down", "decline": "down", "fall": "down", "decrease": "down", "lower": "down",
    "cut": "down", "reduction": "down", "loss": "down", "slump": "down", "down": "down",
    "plunge": "down",
    # against the usual level: "soil moisture 40% below normal", "rainfall 30% above average"
    "below normal": "down", "above normal": "up", "below average": "down", "above average": "up",
}

# nouns after which a number names something rather than counting it
ID_NOUNS = {
    "post", "posts", "room", "flight", "flights", "section", "sections", "row", "rows",
    "route", "routes", "highway", "interstate", "gate", "gates", "platform", "platforms",
    "channel", "chapter", "article", "number", "no", "nos",
    "bus", "seat", "exit", "terminal", "ward", "district", "precinct", "apartment",
    "suite", "box", "lot", "item", "episode", "season", "phase", "level",
    "grade", "game", "version", "model", "type", "category", "stage", "act",
    "verse", "volume", "vol", "issue", "pier", "block", "building", "step", "class", "division",
    "tier", "page", "figure", "table", "line", "track", "district", "reference", "ref", "extension", "ext",
    "unit", "floor", "junction", "hole", "match", "leg", "heat", "lane", "pump",
    "zone", "sector", "reactor", "runway", "bay", "dock", "berth", "camp", "squad", "code",
    "sp", "nasdaq", "ftse", "stoxx", "dax", "cac", "asx", "nikkei", "russell", "dow", "fortune", "kospi",
    "sensex", "nifty", "tsx", "rule", "regulation", "resolution", "amendment", "paragraph", "clause", "question", "ticket",
    "id", "tv", "radio", "mark", "pick", "size", "gen", "generation", "series", "part", "parts",
    "district", "lap", "jersey", "shirt", "batch", "wave", "ch", "p", "pp",
    "kilometre", "kilometer", "mile", "milepost", "marker",  # "at kilometre 18", "mile 20"
}

STREET_WORDS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln",
                "drive", "dr", "way", "place", "pl", "court", "ct", "terrace", "crescent", "square",
                "highway", "parkway", "pkwy"}

TIME_ZONES = {"am", "pm", "gmt", "bst", "ist", "et", "est", "edt", "pt", "pst", "pdt", "cet", "cest",
              "utc", "ct", "cst", "cdt", "mt", "aest", "aedt", "jst", "hkt", "sgt", "wib", "msk", "o'clock", "o’clock",
              "hrs", "local"}

# words that end a counted-noun phrase
STOP = set("""
a an the this that these those there their his her its our your my of in on at to for from by with
without into onto over under about around after before during since until till between among per
and or but nor so yet than then as if when while where which who whom whose what why how
is are was were be been being am has have had having do does did will would shall should can could
may might must not no yes it they them he she we you i me us him
also just only even still already more most less least very too much many some any each every
all both either neither few several other another such same own
said says say told according up down out off away back across through toward towards against along
behind beyond inside outside within near off via upon like despite throughout amid amongst onto per versus vs
including include includes included whereas though although because unless whether
soon again alone apiece ago here now later ever never already instead
""".split())
# adjectives to drop from the front of a counted-noun phrase
ADJ = set("""
more other additional common such new old young remaining newer older different separate similar small large big
huge tiny major minor key top best worst good bad full straight consecutive extra further
previous former current recent last next first second third fourth fifth total main
certain various distinct individual unique single double likely possible potential alleged
suspected confirmed known unknown reported registered estimated average typical local foreign particular
national international domestic federal public private senior junior male female adult
high low long short live dead wounded injured missing armed unarmed innocent
northern southern eastern western north-eastern north-western south-eastern south-western northeastern
northwestern southeastern southwestern coastal rural urban
""".split())

# counted nouns that are plural without an -s
IRREGULAR_PLURAL = {
    "people": "person", "persons": "person", "men": "man", "women": "woman", "children": "child",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "police": "police officer",
    "staff": "staff", "crew": "crew", "personnel": "personnel", "cattle": "cattle", "sheep": "sheep",
    "fish": "fish", "deer": "deer", "aircraft": "aircraft", "troops": "troop", "series": "series",
    "species": "species", "data": "datum", "criteria": "criterion", "phenomena": "phenomenon",
    "media": "medium", "lives": "life", "wives": "wife", "knives": "knife", "leaves": "leaf",
    "halves": "half", "shelves": "shelf", "midwives": "midwife", "housewives": "housewife", "loaves": "loaf", "hooves": "hoof", "scarves": "scarf", "wolves": "wolf", "thieves": "thief", "calves": "calf",
    "dice": "die", "oxen": "ox", "alumni": "alumnus", "refugees": "refugee", "employees": "employee",
    "votes": "vote", "lines": "line", "homes": "home", "times": "time", "sales": "sale",
    "shares": "share", "issues": "issue", "cases": "case", "houses": "house", "horses": "horse",
    "nurses": "nurse", "courses": "course", "causes": "cause", "places": "place", "races": "race",
    "prices": "price", "pages": "page", "languages": "language", "villages": "village",
    "images": "image", "messages": "message", "bodies": "body", "gases": "gas", "buses": "bus",
    "viruses": "virus", "campuses": "campus", "bonuses": "bonus", "statuses": "status",
    "analyses": "analysis", "crises": "crisis", "diagnoses": "diagnosis", "schoolchildren": "schoolchild",
    "yeas": "yea", "nays": "nay", "businesses": "business", "witnesses": "witness",
    "glasses": "glass", "classes": "class", "addresses": "address", "processes": "process",
}
