"""Who a sentence is attributed to: reporting cues, their sources, quotations, pronouns.

Pure rules over regex tokens, linear in the length of the document:

1. Quotation marks are paired once over the whole text. A quotation left open at the
   end of a paragraph and resumed by an opening mark at the start of the next one is the
   same quotation (the newspaper convention), so its sentences form one chain.
2. Each sentence looks for a reporting cue outside quotation marks (``said``, ``has told``,
   ``according to``, a colon after a name before a quotation, ...) and the source that
   goes with it: the noun phrase before the cue (``Psaki said``, ``Smith, a lawyer,
   said``, ``Devocht, who had told``), after it (``"...," said Smith``, ``according to
   the report``), or the subject of the clause for ``..., adding``/``saying``.
3. A sentence with no cue of its own that is part of a quotation whose cue is elsewhere
   gets that quotation's speaker; a quotation right after an attributed quotation
   inherits its speaker (``"A," she said. "B."``).
4. Names are made canonical against the whole document (``Psaki`` -> ``Jen Psaki``);
   pronouns go to the nearest fitting earlier source or name, with a cheap gender guess
   (first names, titles, earlier ``she``/``he`` references).

Not attributions: narration, passive cues with no source (``it was reported that``),
noun uses of cue words (``daily reports of casualties``), and questions the article asks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ledger.extract.attribution_lex import (
    AUX,
    BE,
    BELIEF_CUES,
    CAP_STOP,
    COUNTRIES,
    CUE_ADVERBS,
    CUE_VERBS,
    DETERMINERS,
    DOCUMENT_CUES,
    DOCUMENT_NOUNS,
    WEAK_CUES,
    FEMALE_NAMES,
    FEMALE_ROLES,
    INVERTIBLE,
    MALE_NAMES,
    MALE_ROLES,
    MONTHS,
    NEG,
    NOUN_LIKE,
    ORG_WORDS,
    PARTICLE_CUES,
    PRONOUNS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    STOPWORDS,
    TIME_WORDS,
    TITLES,
)
from ledger.extract.types import Speaker

# ---------------------------------------------------------------- tokens

_ABBREV = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr|Maj|Adm|Cmdr|Amb|Atty|Supt|Insp|Det|Hon|Ft|Mt|Pres)\."
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., D.C.
    r"|" + _ABBREV + r"|[A-Z]\.(?=\s+[A-Z])"  # titles, middle initials
    r"|\w+(?:['’\-.&]\w+)*"  # words, possessives, co-founder, Secunia.com
    r"|[“”\"]"
    r"|\S"
)
_QUOTE_CHARS = "“”\""
_QUOTE_OR_BREAK = re.compile(r"[“”\"]|\n")
_PLURAL_PERSON = re.compile(r"(?:ers|ors|ists|ians|ants|ents|ives|men|women|people|officials|ees?)$")
_RESULTS = frozenset("results findings result authors conclusions".split())
_CONNECT = frozenset("of the for and & de la le van von der bin al du da di".split())
_CLAUSE_OPEN = frozenset("and but that while as because although though so or".split())


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    low: str
    cap: bool  # starts with an upper-case letter
    word: bool
    quoted: bool = False


_MIDCAPS = re.compile(r"[\w,;:)\]] +([A-Z][\w\-]*)")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z\-]*")


def _midcaps(text: str) -> tuple[set[str], set[str]]:
    """Capitalised words the document uses inside sentences, and the words it writes in lower case."""
    return {m.group(1) for m in _MIDCAPS.finditer(text)}, set(_LOWER_WORD.findall(text))


class _Toks(list):
    """A sentence's tokens, with room for what is computed once per sentence."""

    first: int | None = None


def _tokens(text: str, s0: int, s1: int, quoted, midcaps: tuple[set[str], set[str]]) -> list[_Tok]:
    out = _Toks()
    for m in _TOKEN.finditer(text, s0, s1):
        w = m.group()
        c = w[0]
        cap = c.isupper() or bool(_PARTICLE_GLUED.match(w))  # "al-Maliki" is a name
        out.append(_Tok(w, m.start(), m.end(), w.lower(), cap, c.isalnum(), quoted(m.start())))
    # The first word of a sentence is capitalised whatever it is: a word the document
    # writes in lower case elsewhere and never capitalises inside a sentence is no name.
    caps, lower = midcaps
    for i, t in enumerate(out):
        if not t.word:
            continue
        if t.cap and not t.text.isupper() and t.low not in PRONOUNS:
            base = _BASE.split(t.text)[0]
            nxt = out[i + 1] if i + 1 < len(out) else None
            if base not in caps and (t.low in lower or t.low in STOPWORDS or t.low.endswith(("ing", "ly", "ed"))) and not (
                nxt is not None and nxt.cap and nxt.word
            ):
                t.cap = False
        break
    return out


_BASE = re.compile(r"['’]")


def _is_name_tok(t: _Tok) -> bool:
    if not (t.cap and t.word):
        return False
    if len(t.text) >= 2 and t.text.isupper() and t.text.isalpha():
        return True  # WHO, KCNA, NATO
    return t.low not in CAP_STOP and t.low.rstrip(".") not in MONTHS


def _possessive(t: _Tok) -> bool:
    return t.low.endswith(("'s", "’s"))


# ---------------------------------------------------------------- quotations


def _quote_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, chain) of each quotation's inside; a chain continues across paragraphs.

    A quotation still open at a line break ends there. If the next paragraph opens with a
    quotation mark, that quotation continues the same chain; if instead a later paragraph
    (within three) has a closing mark with no opening one, the quotation ran on unmarked
    through the paragraphs between, which join the chain.
    """
    spans: list[tuple[int, int, int]] = []
    open_at = -1
    open_chain = 0
    chains = 0
    pending = None  # chain of a quotation left open at the end of a paragraph
    pending_from = 0  # where the paragraphs after it begin
    unmarked = 0  # paragraphs without any quotation mark since then
    last = 0  # end of the previous mark or line break
    para_text = False  # the paragraph has had text before this mark
    for m in _QUOTE_OR_BREAK.finditer(text):
        ch = m.group()
        i = m.start()
        para_text = para_text or not text[last:i].isspace() and i > last
        last = i + 1
        if ch == "\n":
            if open_at >= 0:
                spans.append((open_at, i, open_chain))
                pending, pending_from, unmarked = open_chain, i + 1, 0
                open_at = -1
            elif pending is not None and para_text:
                unmarked += 1
                if unmarked > 3:
                    pending = None
            para_text = False
            continue
        before = text[i - 1] if i > 0 else " "
        opening = ch == "“" or (ch == '"' and open_at < 0 and not (before.isalnum() or before in ".,!?;:'’"))
        if opening:
            if open_at >= 0:  # an opening mark inside an open quotation: start again here
                spans.append((open_at, i, open_chain))
            if pending is not None and unmarked == 0 and not para_text:
                open_chain = pending
            else:
                chains += 1
                open_chain = chains
            pending = None
            open_at = i + 1
        elif open_at >= 0:
            spans.append((open_at, i, open_chain))
            open_at = -1
        elif pending is not None:  # closes a quotation that ran on without marks
            spans.append((pending_from, i, pending))
            pending = None
        # any other closing mark with no opening one is ignored
    if open_at >= 0:
        spans.append((open_at, len(text), open_chain))
    spans.sort()
    return spans


# ---------------------------------------------------------------- noun phrases


@dataclass(slots=True)
class _NP:
    i0: int  # first token of the mention (surface)
    i1: int  # last token, inclusive
    kind: str  # "pron", "name", "generic"
    n0: int = -1  # the proper name inside the mention, when there is one
    n1: int = -1
    r0: int = -1  # the role words before the name ("press secretary")
    r1: int = -1
    appos: tuple[int, int] | None = None  # a proper name in apposition ("the coach, Ali Reza,")


def _head_ok(low: str) -> bool:
    return low in SOURCE_NOUNS or bool(_PLURAL_PERSON.search(low))


# lower-case particles that begin a surname: "de Villepin", "van Rompuy", "van der Bellen",
# "bin Salman", "da Silva"; and the Arabic article glued by a hyphen: "al-Maliki", "el-Sisi"
_PARTICLES = frozenset("de van von der den ter ten da di du do dos das del della la le bin ibn abu ben al el".split())
_PARTICLE_GLUED = re.compile(r"(?:al|el|ad|as|an|ash|at|az|bin|ibn|abu|ben)-[A-Z]")


def _with_particles(toks: list[_Tok], i: int, lo: int) -> int:
    """The name's first token once the lower-case particles right before it are taken in
    (at most two: "van der Bellen", "de la Cruz")."""
    for _ in range(2):
        if i - 1 >= lo and toks[i - 1].low in _PARTICLES and not toks[i - 1].cap:
            i -= 1
    return i


def _name_back(toks: list[_Tok], j: int, lo: int) -> int:
    """First token of the capitalised name ending at toks[j] (with its particles)."""
    return _with_particles(toks, _name_back_caps(toks, j, lo), lo)


def _name_back_caps(toks: list[_Tok], j: int, lo: int) -> int:
    """First token of the run of capitalised words (and connectors) ending at toks[j]."""
    i = j
    while i - 1 >= lo:
        p = toks[i - 1]
        if _is_name_tok(p) and p.quoted == toks[j].quoted:
            i -= 1
            continue
        # connectors inside a name: "Church of Scientology", "Bank of the West"
        k = i - 1
        while k >= lo and toks[k].low in _CONNECT and not toks[k].cap and i - k <= 2:
            k -= 1
        if k < i - 1 and k >= lo and _is_name_tok(toks[k]) and toks[i - 1].low != "and":
            i = k
            continue
        if k < i - 1 and k >= lo and _is_name_tok(toks[k]) and toks[i - 1].low == "and" and toks[i].low in ORG_WORDS | {"mail", "company"}:
            i = k  # "The Globe and Mail"
            continue
        break
    return i


def _np_back(toks: list[_Tok], j: int, lo: int) -> _NP | None:
    """The source noun phrase that ends at toks[j] (the word right before a cue)."""
    if j < lo:
        return None
    t = toks[j]
    if t.low in PRONOUNS:
        return _NP(j, j, "pron")
    if t.low == "who" and j - 2 >= lo and toks[j - 1].text == ",":
        np = _np_back(toks, j - 2, lo)
        # "Terence Fan, an expert from Singapore Management University, who said"
        if np is not None and np.i0 - 1 > lo and toks[np.i0 - 1].low in ("from", "of", "at", "for", "with"):
            x = np.i0 - 1
            while x > lo and toks[x].text != "," and np.i0 - x < 15:
                x -= 1
            if x > lo and toks[x].text == ",":
                first = _np_back(toks, x - 1, lo)
                if first is not None and first.kind == "name":
                    return first
        return np
    if _is_name_tok(t):
        i = _name_back(toks, j, lo)
        if toks[i].low == "the" and i < j:
            i += 1
        np = _NP(i, j, "name", i, j)
        k = i
        # role words before the name: "press secretary Jen Psaki", "NATO chief Jens Stoltenberg"
        if k - 1 >= lo and not toks[k - 1].cap and toks[k - 1].low in ROLE_NOUNS:
            r1 = k - 1
            k -= 1
            while k - 1 >= lo and k > r1 - 2 and toks[k - 1].word and not toks[k - 1].cap and toks[k - 1].low not in STOPWORDS and toks[k - 1].low not in DETERMINERS and toks[k - 1].low not in CUE_VERBS:
                k -= 1
            while k - 1 >= lo and (_is_name_tok(toks[k - 1]) or _possessive(toks[k - 1])) and toks[k - 1].word:
                k -= 1
            np.r0, np.r1 = k, r1  # "press secretary", "NATO chief", "Tunisia's coach"
        if k - 1 >= lo and toks[k - 1].low in ("the", "a", "an", "former") and not toks[k - 1].quoted:
            k -= 1
        np.i0 = k
        return np
    if t.word and not t.cap and t.low not in STOPWORDS and _head_ok(t.low):
        i = j
        n = 0
        while i - 1 >= lo and n < 5:
            p = toks[i - 1]
            if not p.word:
                break
            if p.low in DETERMINERS:
                i -= 1
                break
            if _possessive(p) or (_is_name_tok(p)):
                i -= 1
                n += 1
                continue
            if not p.cap and p.low not in STOPWORDS and p.low not in CUE_VERBS and not p.low[0].isdigit():
                i -= 1
                n += 1
                continue
            break
        return _NP(i, j, "generic")
    return None


def _np_fwd(toks: list[_Tok], i: int, hi: int) -> _NP | None:
    """The source noun phrase that starts at toks[i] (after an inverted cue or 'according to')."""
    if i >= hi:
        return None
    t = toks[i]
    if t.low in PRONOUNS and t.low != "it":
        return _NP(i, i, "pron")
    i0 = i
    if t.low in DETERMINERS:
        i += 1
    j = i
    last_name = -1
    first_name = -1
    role0 = role1 = -1
    while j < hi and j - i < 10:
        p = toks[j]
        if not p.word or (j > i and p.low in DETERMINERS):
            break
        if _is_name_tok(p) or (_possessive(p) and p.cap):
            if first_name < 0 or last_name < j - 1:
                first_name = _with_particles(toks, j, i)  # "said de la Fuente"
            last_name = j
            j += 1
            continue
        if p.low in _CONNECT and not p.cap and last_name == j - 1 and j + 1 < hi and _is_name_tok(toks[j + 1]):
            if p.low in ("for", "of", "at", "from") and _name_kind([toks[x].text for x in range(first_name, j)]) != "org":
                break  # "Lydia Smith for the Food Agency": the person is the source
            j += 1
            continue
        if not p.cap and p.low not in STOPWORDS and p.low not in CUE_VERBS and p.low not in TIME_WORDS and not p.low[0].isdigit():
            if p.low in ROLE_NOUNS:
                if role0 < 0:
                    role0 = j
                role1 = j
            j += 1
            continue
        break
    j -= 1
    # trim trailing words that cannot end a source phrase
    while j >= i and not toks[j].cap and not _head_ok(toks[j].low):
        j -= 1
    if j < i:
        return None
    if toks[j].cap:
        if not _is_name_tok(toks[j]):
            return None
        n0 = first_name if first_name >= 0 else j
        np = _NP(i0, j, "name", n0, j)
        if role0 >= 0 and role1 < n0:
            np.r0, np.r1 = role0, role1
    else:
        np = _NP(i0, j, "generic")
    # "the results of the National Iodine Study" -> the study
    if np.kind == "generic" and toks[j].low in _RESULTS and j + 1 < hi and toks[j + 1].low == "of":
        k = j + 2
        if k < hi and toks[k].low == "the":
            k += 1
        if k < hi and _is_name_tok(toks[k]):
            e = k
            while e + 1 < hi and (_is_name_tok(toks[e + 1]) or (toks[e + 1].word and toks[e + 1].low in DOCUMENT_NOUNS)):
                e += 1
            np.appos = (k, e)
            return np
    # "the team's coach, Alireza Mehraban," -> the name in apposition
    if np.kind == "generic" and j + 2 < hi and toks[j + 1].text == "," and _is_name_tok(toks[j + 2]):
        k = j + 2
        while k + 1 < hi and _is_name_tok(toks[k + 1]):
            k += 1
        if k + 1 >= hi or not toks[k + 1].word:
            np.appos = (j + 2, k)
    return np


# ---------------------------------------------------------------- cues


@dataclass(slots=True)
class _Found:
    np: _NP
    c0: int  # cue tokens, inclusive
    c1: int
    lemma: str


def _clause_start(toks: list[_Tok], i: int) -> bool:
    if i == 0:
        return True
    p = toks[i - 1]
    return not p.word or p.low in _CLAUSE_OPEN or p.quoted != toks[i].quoted


def _valid(np: _NP | None, lemma: str, toks: list[_Tok], k: int) -> bool:
    if np is None:
        return False
    head = toks[np.i1]
    if lemma in DOCUMENT_CUES:
        if np.kind == "generic":
            return head.low in DOCUMENT_NOUNS
        if np.kind == "name":
            return any(toks[x].low in DOCUMENT_NOUNS for x in range(np.i0, np.i1 + 1))
        return False
    if lemma in BELIEF_CUES and np.kind == "pron" and head.low == "it":
        return False
    if toks[k].low in NOUN_LIKE and np.kind == "generic" and head.low not in SOURCE_NOUNS:
        return False
    if lemma in ("call", "dub", "describe", "name", "characterize") and np.kind == "generic" and not head.low.endswith("s"):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and (nxt.cap or nxt.text in _QUOTE_CHARS):
            return False  # "a group called Anonymous"
    return True


def _subject_of_sentence(toks: list[_Tok], upto: int, comma: int = -1) -> _NP | None:
    """The subject that opens the sentence, for '..., saying ...' and '..., adding ...'."""
    i = getattr(toks, "first", None)
    if i is None:  # the first word outside quotation marks, found once per sentence
        i = 0
        while i < len(toks) and (not toks[i].word or toks[i].quoted):
            i += 1
        if isinstance(toks, _Toks):
            toks.first = i
    if i >= upto:
        return None
    np = _np_fwd(toks, i, upto)
    if np is None or np.i0 != i or np.i1 + 1 >= upto or not (toks[np.i1 + 1].word or np.i1 + 1 == comma):
        return None
    return np


_ISSUE = frozenset("issued released issues releases published posted put".split())
_STATEMENTS = frozenset("statement letter memo note release".split())
_PARTICIPLES = frozenset("written shown".split())
_OWNED = frozenset(
    "statement statements letter tweet tweets post posts blog website site analysis report study survey poll "
    "data figures announcement release memo campaign office spokesman spokeswoman spokesperson".split()
)
_PREPOSITIONS = frozenset("in of at from for on with to near across inside outside within among".split())
_POSTMOD = frozenset(
    "of for from at in on with by to published documenting seen written made given obtained released quoted".split()
)
_AFTER_INVERTED = frozenset("in on at during to after before from of who when while as and by".split())
_BLOCKERS = frozenset("that which who whom whose where when if because whether while".split())


def _open_subject(toks: list[_Tok], c0: int, lemma: str, k: int, comma: int = -1, commas: bool = True) -> _NP | None:
    """'A new study of X in Y has revealed', 'Lydia Smith for the agency, says': the
    sentence's opening subject, when nothing between it and the cue starts another clause."""
    if toks[k].low.endswith("ing"):
        return None
    np = _subject_of_sentence(toks, c0, comma)
    if np is None or np.kind == "pron" or not _valid(np, lemma, toks, k) or c0 - np.i1 > 25:
        return None
    if toks[k].low in NOUN_LIKE or toks[k].low == lemma:
        # an ambiguous form ("show", "reports") needs a plural subject and no determiner before it
        p = toks[c0 - 1]
        if not toks[np.i1].low.endswith("s") or p.low in DETERMINERS or _possessive(p) or not (p.word or c0 - 1 == comma):
            return None
    if np.i1 + 1 == comma:
        return np  # "The security firm Secunia.com, has said"
    after = toks[np.i1 + 1]
    if after.word and after.low not in _POSTMOD and not after.low.endswith(("ing", "ed")):
        return None  # the subject must end where a modifier begins: "A study of ...", "X, ..."
    if np.kind == "generic" and not _head_ok(toks[np.i1].low):
        return None
    for x in range(np.i1 + 1, c0):
        t = toks[x]
        if t.low in _BLOCKERS or t.text in _QUOTE_CHARS or t.text in ";:" or t.quoted or t.low in CUE_VERBS:
            return None
        if t.text == "," and not commas:
            return None  # "Vice President of X, Steve Ellis, offered ... the earmarks added in"
    return np


def _find(toks: list[_Tok]) -> _Found | None:
    """The first reporting cue outside quotation marks that has a source (an affirmed cue
    before a negated one: 'officials have not said why, but Smith says')."""
    n = len(toks)
    if n == 0:
        return None
    last = toks[-1]
    if last.text == "?" and not last.quoted:
        return None  # a question the article asks
    weak = negated = None
    for f in _cues(toks):
        if any(toks[x].low in NEG for x in range(f.c0, f.c1 + 1)):
            if negated is None:
                negated = f
            continue
        if f.lemma in WEAK_CUES:
            if weak is None:
                weak = f
            continue
        return f
    return weak or negated


# Reporting verbs that are just as often plain verbs with an object ("the works add 15
# minutes to trips", "the plant added 300 jobs"): followed by a figure or a particle of
# the plain verb they report nothing.
_ALSO_PLAIN_VERBS = frozenset({"add"})
_PLAIN_NEXT = frozenset({"up", "to", "more", "another", "extra", "about", "nearly", "roughly",
                         "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                         "dozens", "hundreds", "thousands", "millions", "$", "£", "€"})


def _plain_object(nxt: _Tok) -> bool:
    return nxt.low in _PLAIN_NEXT or nxt.text[:1].isdigit()


def _cues(toks: list[_Tok]):
    """Every reporting cue outside quotation marks that has a source, left to right."""
    n = len(toks)
    for k in range(n):
        t = toks[k]
        if t.quoted:
            continue
        low = t.low
        if low == "according" and k + 1 < n and toks[k + 1].low == "to":
            np = _np_fwd(toks, k + 2, n)
            if np is not None and np.kind != "pron":
                yield _Found(np, k, k + 1, "according")
            continue
        if low == "words" and k >= 2 and toks[k - 1].low == "the" and toks[k - 2].low == "in" and k + 1 < n and toks[k + 1].low == "of":
            np = _np_fwd(toks, k + 2, n)
            if np is not None and np.kind != "pron":
                yield _Found(np, k - 2, k + 1, "according")
            continue
        if low == ":" and k > 0:
            nxt = toks[k + 1] if k + 1 < n else None
            if nxt is None or nxt.text in _QUOTE_CHARS:
                np = _np_back(toks, k - 1, 0)
                if np is not None and np.kind != "generic" and _clause_start(toks, np.i0):
                    yield _Found(np, k, k, "colon")
            continue
        lemma = CUE_VERBS.get(low)
        c1 = k
        if low in _ISSUE and k + 2 < n and toks[k + 1].low in ("a", "an") and toks[k + 2].low in _STATEMENTS:
            lemma, c1 = "statement", k + 2  # "issued a statement"
        if lemma is None or (t.cap and k > 0):
            continue
        if lemma in _ALSO_PLAIN_VERBS and k + 1 < n and _plain_object(toks[k + 1]):
            continue  # "detours will add 15 minutes", "added up to": no reporting
        if lemma in PARTICLE_CUES:
            if k + 1 < n and toks[k + 1].low in PARTICLE_CUES[lemma]:
                c1 = k + 1
            else:
                continue
        c0 = k
        while c0 - 1 >= 0 and k - c0 < 6 and not toks[c0 - 1].quoted and (
            toks[c0 - 1].low in AUX or toks[c0 - 1].low in CUE_ADVERBS or toks[c0 - 1].low in NEG
        ):
            c0 -= 1
        chain = {toks[x].low for x in range(c0, k)}
        ing = low.endswith("ing")
        if chain & BE and not ing:
            continue  # passive: "it was reported that", "he was told"
        if c1 + 1 < n and toks[c1 + 1].low == "by" and low != lemma and not low.endswith("s"):
            continue  # a participle: "a blog written by Rathbun", "additional reporting by"
        if low in _PARTICIPLES and not chain & {"has", "have", "had"}:
            continue
        j = c0 - 1
        while j >= 0 and toks[j].low in TIME_WORDS and not toks[j].quoted and c0 - j <= 3:
            j -= 1
        if j >= 1 and toks[j].text == ")":  # "Ann Cole (D-Ohio) said", "the WHO (World Health Organisation) recommends"
            x = j - 1
            while x > 0 and toks[x].text != "(" and j - x < 10:
                x -= 1
            if toks[x].text == "(":
                j = x - 1
        if j >= 0 and _possessive(toks[j]):
            continue  # a noun: "the mayor's comments", "the editor's note"
        if lemma == "continue" and c1 + 1 < n and toks[c1 + 1].word:
            continue  # "they continued to shun" is no reporting; '"...," he continued' is
        if low == lemma and c0 == k and j >= 0 and _is_name_tok(toks[j]) and not (len(toks[j].text) > 2 and toks[j].text.isupper()) and not (
            toks[j].low.endswith("s") and toks[j].low not in ORG_WORDS
        ):
            continue  # a noun after a name: "a Daily Planet report", "the Ohio state"
        if j >= 0 and toks[j].text == "," and ing:
            np = _subject_of_sentence(toks, j)
            if _valid(np, lemma, toks, k):
                yield _Found(np, c0, c1, lemma)
            continue
        if j >= 0 and toks[j].word and not toks[j].quoted:
            np = _np_back(toks, j, 0)
            if np is not None and np.i0 > 0 and toks[np.i0 - 1].low == "by":
                np = None  # the agent of a participle: "a letter seen by the Courier says"
            if np is not None and np.kind != "pron" and np.i0 > 0 and toks[np.i0 - 1].low in _PREPOSITIONS and not any(
                toks[x].low in FEMALE_NAMES or toks[x].low in MALE_NAMES for x in range(np.i0, np.i1 + 1)
            ):
                # the end of a modifier: "A survey of farmers in Kenya has revealed"
                head = _open_subject(toks, c0, lemma, k, commas=False)
                if head is not None:
                    np = head
            if _valid(np, lemma, toks, k):
                yield _Found(np, c0, c1, lemma)
                continue
            np = _open_subject(toks, c0, lemma, k, commas=False)
            if np is not None:
                yield _Found(np, c0, c1, lemma)
            continue
        if j >= 0 and toks[j].text == "," and not toks[j].quoted:
            # "Smith, a lawyer for the family, said"
            commas = 0
            x = j - 1
            hit = None
            while x >= 0 and j - x < 40 and commas < 4:
                tx = toks[x]
                if tx.text in _QUOTE_CHARS or tx.text in ";:" or tx.quoted:
                    break
                if tx.text == ",":
                    commas += 1
                    np = _np_back(toks, x - 1, 0)
                    if np is not None and np.kind != "pron" and _clause_start(toks, np.i0) and _valid(np, lemma, toks, k):
                        hit = np
                        break
                x -= 1
            if hit is None and (j == 0 or toks[j - 1].text not in _QUOTE_CHARS):
                hit = _open_subject(toks, c0, lemma, k, j)
            if hit is not None:
                # "the state governor, Henry McMaster, said": the name in apposition
                x = j - 1
                while x > hit.i1 and toks[x].text != ",":
                    x -= 1
                if hit.kind == "generic" and x > hit.i1 and j - x > 1 and all(_is_name_tok(toks[y]) for y in range(x + 1, j)):
                    hit.appos = (x + 1, j - 1)
                yield _Found(hit, c0, c1, lemma)
                continue
        if lemma in INVERTIBLE and (j < 0 or toks[j].text in _QUOTE_CHARS or toks[j].text in ",—–-("):
            x = c1 + 1
            while x < n and toks[x].low in CUE_ADVERBS:
                x += 1
            np = _np_fwd(toks, x, n)
            if np is not None and np.i1 + 1 < n:
                after = toks[np.i1 + 1]
                if after.word and after.low not in _AFTER_INVERTED and after.low not in TIME_WORDS:
                    np = None  # "said the storm woke old fears" is no inversion
            if _valid(np, lemma, toks, k):
                yield _Found(np, c0, c1, lemma)
    return


# ---------------------------------------------------------------- entities


@dataclass(slots=True)
class _Entity:
    name: str
    kind: str  # person, org, group, doc, unknown
    gender: str | None = None


def _strip_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """('Secretary of State Antony Blinken') -> (['Antony', 'Blinken'], ['Secretary', 'of', 'State'])."""
    i = 0
    while i < len(words) - 1 and (words[i].lower() in TITLES or (i > 0 and words[i].lower() in ("of", "the"))):
        i += 1
    while i > 0 and words[i - 1].lower() in ("of", "the"):
        i -= 1
        if i == 0:
            break
    if i and words[i].lower() in ("of", "the"):
        i += 1
    return words[i:], words[:i]


def _gender_of_words(words: list[str]) -> str | None:
    for w in words:
        lw = w.lower()
        if lw in FEMALE_ROLES:
            return "f"
        if lw in MALE_ROLES:
            return "m"
    for w in words:
        lw = w.lower()
        if lw in FEMALE_NAMES:
            return "f"
        if lw in MALE_NAMES:
            return "m"
        if lw not in TITLES:
            break
    return None


def _name_kind(words: list[str]) -> str:
    """org, person (a known first name or a title), or unknown (two capitalised words can be anything)."""
    lows = [w.lower() for w in words]
    if len(lows) > 1 and (lows[0] in FEMALE_NAMES or lows[0] in MALE_NAMES) and lows[-1] not in ORG_WORDS:
        return "person"  # "Sarah Jordan" is no country
    if len(lows) == 2 and lows[1] in COUNTRIES and not (lows[0] in COUNTRIES or lows[0] in TITLES or lows[0] in ORG_WORDS):
        return "person"  # a first name before a place name: "Ilse Paris", not "South Korea"
    if any(w in ORG_WORDS for w in lows) or any(w.rstrip(".") in COUNTRIES for w in lows):
        return "org"
    if any(len(w) >= 2 and w.replace(".", "").isupper() for w in words):
        return "org"  # NATO, KCNA, U.S.
    if any("." in w and not w.endswith(".") for w in words):
        return "org"  # Gawker.com
    if lows[0] in FEMALE_NAMES or lows[0] in MALE_NAMES:
        return "person"
    return "unknown"


class _Names:
    """The document's proper names as they are met, for canonical forms and pronouns."""

    def __init__(self) -> None:
        self.by_last: dict[str, _Entity] = {}
        self.by_name: dict[str, _Entity] = {}

    def entity(self, words: list[str], extra: list[str] = ()) -> _Entity:
        if len(words) > 1 and words[0].lower() == "the":
            words = words[1:]
        core, titles = _strip_titles(words)
        kind = _name_kind(core)
        if kind == "org" and titles:  # "South Korea", "State Department": no titles to drop
            core, titles = words, []
            kind = _name_kind(core)
        if kind != "org":  # "Governor of Washington Chris Gregoire" -> from the first name on
            for x, w in enumerate(core[:-1]):
                if x and (w.lower() in FEMALE_NAMES or w.lower() in MALE_NAMES):
                    titles, core = [*titles, *core[:x]], core[x:]
                    break
        key = " ".join(core)
        gender = _gender_of_words([*extra, *titles, *core])
        ent = self.by_name.get(key)
        if ent is None and len(core) <= 2 and (kind != "org" or len(core) == 1):
            # a short form of a fuller name met earlier ("Paris" for Valeska Paris, not the city)
            full = self.by_last.get(core[-1])
            if full is not None and full.kind != "org" and len(full.name.split()) > len(core):
                ent = full
        if ent is None:
            ent = _Entity(key, kind, gender)
            self.by_name[key] = ent
            if kind in ("person", "unknown"):
                prev = self.by_last.get(core[-1])
                if prev is None or len(prev.name.split()) < len(core):
                    self.by_last[core[-1]] = ent
        if titles or extra or len(core) > 1:
            if kind == "person" and ent.kind == "unknown":
                ent.kind = "person"
        if ent.gender is None and gender is not None:
            ent.gender = gender
        return ent


def _mentions(toks: list[_Tok], names: _Names) -> list[tuple[int, _Entity]]:
    """Proper names and plural source nouns in a sentence, left to right, with their token index."""
    out: list[tuple[int, _Entity]] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.quoted:
            i += 1
            continue
        if not _is_name_tok(t):
            if t.word and not t.cap and t.low.endswith("s") and t.low in SOURCE_NOUNS and (i + 1 >= n or toks[i + 1].cap or not toks[i + 1].word or toks[i + 1].low not in SOURCE_NOUNS):
                np = _np_back(toks, i, 0)
                if np is not None and np.kind == "generic":
                    out.append((i, _generic_entity([toks[x].text for x in range(np.i0, np.i1 + 1)])))
            i += 1
            continue
        j = i
        while j + 1 < n and (_is_name_tok(toks[j + 1]) or (
            toks[j + 1].low in ("of", "for") and j + 2 < n and _is_name_tok(toks[j + 2]))):
            j += 1
        words = [toks[x].text for x in range(i, j + 1)]
        if words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
        if not (i == 0 and j == 0 and t.low in STOPWORDS):
            extra = [toks[i - 1].low] if i > 0 and toks[i - 1].low in ROLE_NOUNS | MALE_ROLES | FEMALE_ROLES else []
            out.append((i, names.entity(words, extra)))
        i = j + 1
    return out


def _compatible(ent: _Entity, pron: str) -> bool:
    want = PRONOUNS[pron]
    if want in ("m", "f"):
        return ent.kind in ("person", "unknown") and ent.gender in (want, None)
    if want == "n":
        return ent.kind in ("org", "doc", "unknown")
    return ent.kind in ("group", "org")


def _generic_entity(words: list[str]) -> _Entity:
    name = " ".join(words)
    if words and words[0].lower() == "the" and len(words) > 1:
        name = " ".join(words[1:])
    head = words[-1].lower()
    if head in DOCUMENT_NOUNS and not head.endswith(("ers", "ists", "ors")):
        kind = "doc"
    elif head in ORG_WORDS:
        kind = "org"
    elif head.endswith("s") or head in ("people", "police", "staff", "media"):
        kind = "group"
    else:
        kind = "person"
    return _Entity(name, kind, _gender_of_words(words))


# ---------------------------------------------------------------- document


def attribute(text: str, sentences: list[tuple[int, int]]) -> list[Speaker | None]:
    """One speaker (or None) per sentence span, pronouns resolved within the document."""
    n = len(sentences)
    results: list[Speaker | None] = [None] * n
    if not n:
        return results
    spans = _quote_spans(text)
    names = _Names()
    midcaps = _midcaps(text)
    qp = 0  # pointer into spans for quoted()

    def quoted(pos: int) -> bool:
        nonlocal qp
        while qp < len(spans) and spans[qp][1] <= pos:
            qp += 1
        k = qp
        while k < len(spans) and spans[k][0] <= pos:
            if pos < spans[k][1]:
                return True
            k += 1
        return False

    chains: list[list[int]] = []
    cp = 0
    history: list[tuple[_Entity | None, list[_Entity]]] = []  # per sentence: speaker, mentions
    para = [0] * n
    starts_quote = [False] * n
    own_at_start = [False] * n
    lead_in = [False] * n
    wordless = [False] * n
    colon_end = [False] * n
    chain_speaker: dict[int, Speaker] = {}
    entity_of: dict[int, _Entity] = {}
    prev_end = 0
    prev_ends_quote = False
    for idx, (s0, s1) in enumerate(sentences):
        para[idx] = para[idx - 1] + (1 if "\n" in text[prev_end:s0] else 0) if idx else 0
        prev_end = s1
        while cp < len(spans) and spans[cp][1] <= s0:
            cp += 1
        cs: dict[int, None] = {}  # ordered set of the quotation chains in this sentence
        k = cp
        while k < len(spans) and spans[k][0] < s1:
            if spans[k][1] > s0:
                cs[spans[k][2]] = None
            k += 1
        chains.append(list(cs))
        ends_quote = bool(history) and prev_ends_quote
        toks = _tokens(text, s0, s1, quoted, midcaps)
        starts_quote[idx] = bool(toks) and (toks[0].quoted or toks[0].text in _QUOTE_CHARS)
        mentions = _mentions(toks, names)
        wordless[idx] = not any(t.word for t in toks)
        found = _find(toks)
        speaker_ent = None
        if found is not None:
            sp, speaker_ent = _speaker(text, toks, found, names, history, mentions)
            if sp is not None:
                results[idx] = sp
                entity_of[idx] = speaker_ent
                for c in cs:
                    chain_speaker.setdefault(c, sp)
                own_at_start[idx] = min(found.np.i0, found.c0) <= 1 and not starts_quote[idx]
                colon_end[idx] = toks[-1].text == ":"
                lead_in[idx] = toks[-1].text in ",:" or (found.c1 + 1 < len(toks) and toks[found.c1 + 1].text in ",:" and found.c1 + 2 == len(toks))
                if own_at_start[idx] and idx and para[idx - 1] == para[idx] and len(toks) - found.c1 <= 8 and ends_quote:
                    for c in chains[idx - 1]:
                        chain_speaker.setdefault(c, sp)
        history.append((speaker_ent, [e for _, e in mentions]))
        tail = [t for t in toks[-3:] if t.word or t.text in _QUOTE_CHARS]
        prev_ends_quote = bool(tail) and (tail[-1].text in _QUOTE_CHARS or tail[-1].quoted)
    # quotations whose cue is in another sentence
    block = None  # "the Church denied these allegations:" speaks the whole next paragraph
    for idx in range(n):
        if idx and para[idx] != para[idx - 1]:
            block = results[idx - 1] if colon_end[idx - 1] and para[idx] - para[idx - 1] == 1 else None
        if results[idx] is not None or wordless[idx]:
            continue
        sp = block
        for c in chains[idx]:
            if c in chain_speaker:
                sp = chain_speaker[c]
                break
        if sp is None and starts_quote[idx] and idx and results[idx - 1] is not None and para[idx] - para[idx - 1] <= 1:
            sp = results[idx - 1]
        if sp is not None:
            results[idx] = sp
            for c in chains[idx]:
                chain_speaker.setdefault(c, sp)
    return results


def _rank(ent: _Entity, pron: str) -> int:
    """0: a sure fit for the pronoun, 1: a likely one, 2: a possible one, 3: none."""
    if not _compatible(ent, pron):
        return 3
    want = PRONOUNS[pron]
    if want in ("m", "f"):
        if ent.kind == "unknown":
            return 2
        return 0 if ent.gender == want else 1
    if want == "p":
        return 0 if ent.kind == "group" else 1
    return 0 if ent.kind in ("org", "doc") else 1


def _resolve(pron: str, history, before_here: list[_Entity]) -> _Entity | None:
    """The nearest earlier source or name that fits the pronoun; sure fits first."""
    # the nearest sentence with a fitting candidate wins; within it, a sure fit first
    groups = [list(reversed(before_here[-50:]))]
    for back in range(1, min(len(history), 6) + 1):
        speaker, mentions = history[-back]
        groups.append(([speaker] if speaker is not None else []) + mentions[:50])
    if pron == "they":  # the nearest plural or collective source, then a plural name anywhere near
        for back in range(1, min(len(history), 6) + 1):
            speaker = history[-back][0]
            if speaker is not None and _rank(speaker, pron) < 3:
                return speaker
        for group in groups:
            for ent in group:
                if _rank(ent, pron) == 0:
                    return ent
    fallback = None
    for group in groups:
        best = None
        for ent in group:
            r = _rank(ent, pron)
            if r == 0:
                return ent
            if r == 1 and best is None:
                best = ent
            if r == 2 and fallback is None:
                fallback = ent
        if best is not None:
            return best
    return fallback


def _speaker(text, toks, found: _Found, names: _Names, history, mentions) -> tuple[Speaker | None, _Entity | None]:
    np = found.np
    start, end = toks[np.i0].start, toks[np.i1].end
    surface = text[start:end]
    cue = text[toks[found.c0].start:toks[found.c1].end]
    role = None
    if np.kind == "pron":
        pron = toks[np.i0].low
        ent = _resolve(pron, history, [e for x, e in mentions if x < np.i0])
        if ent is None:
            return Speaker(name=surface, surface=surface, start=start, end=end, cue=cue), None
        if pron in ("he", "she") and ent.gender is None:
            ent.gender = PRONOUNS[pron]
        if ent.kind == "unknown":
            ent.kind = "person" if pron in ("he", "she") else "org"
        return Speaker(name=ent.name, surface=surface, start=start, end=end, cue=cue), ent
    if np.r0 >= 0:
        role = text[toks[np.r0].start:toks[np.r1].end]
    if np.kind == "name" or np.appos is not None:
        n0, n1 = (np.n0, np.n1) if np.appos is None else np.appos
        words = [toks[x].text for x in range(n0, n1 + 1)]
        if words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
        extra = [toks[x].low for x in range(np.r0, np.r1 + 1)] if np.r0 >= 0 else []
        ent = names.entity(words, extra)
        if ent.kind == "unknown" and found.lemma not in DOCUMENT_CUES:
            ent.kind = "person" if not extra or extra[-1] not in ORG_WORDS else "org"
        if role is None:
            core, titles = _strip_titles(words)
            if titles and any(w.lower() not in ("the", "of") for w in titles):
                role = " ".join(titles)
        return Speaker(name=ent.name, surface=surface, start=start, end=end, cue=cue, role=role), ent
    # "Cornyn's statement", "PC World's recent analysis": the statement's owner speaks
    if toks[np.i1].low in _OWNED:
        for x in range(np.i1 - 1, np.i0 - 1, -1):
            if _possessive(toks[x]) and toks[x].cap:
                y = x
                while y - 1 >= np.i0 and _is_name_tok(toks[y - 1]):
                    y -= 1
                words = [toks[z].text for z in range(y, x + 1)]
                words[-1] = words[-1][:-2]
                ent = names.entity(words)
                return Speaker(name=ent.name, surface=surface, start=start, end=end, cue=cue), ent
    words = [toks[x].text for x in range(np.i0, np.i1 + 1)]
    ent = _generic_entity(words)
    return Speaker(name=ent.name, surface=surface, start=start, end=end, cue=cue), ent
