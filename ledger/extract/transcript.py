"""Transcripts: debates, speeches, interviews. Turns led by a speaker label, each sentence
of a turn attributed to that turn's speaker, and every sentence scored for check-worthiness.

The forms read (a label starts a line; its turn runs until the next label):

- ``BIDEN: text``, ``Mr. SMITH: text``, ``SEN. WARREN: text`` (an upper-case label, a title
  allowed before it); with ``forced`` also a title-case name of at most four words
  (``Joe Biden: text``);
- ``[Moderator] text`` or ``[Jane Doe]: text`` (a label in square brackets);
- ``Q: text`` / ``A: text``, the names given in a header line ``Q: Jane Doe`` (a header is
  a line before the first turn whose label is a header word and whose value is only names:
  ``Participants: Joe Biden, Donald Trump``, ``Moderator: Chris Wallace``).

Stage directions are not text: a turn of ``SYSTEM``, ``AUDIENCE`` or ``CROWD``, and
parenthesised or bracketed directions such as ``(APPLAUSE)``, ``[CROSSTALK]`` or
``(laughter)`` anywhere in a turn (masked by spaces: offsets stay exact).

Canonical names: a label names the same person as a header name or a full name the
transcript uses whose last word is the label (``BIDEN`` = ``Joe Biden``, the most frequent
such name); otherwise the label in title case (``Mr. Smith``).

Moderators (``MODERATOR``, ``Q``, ``INTERVIEWER``, ``HOST``, or a header's moderator) ask;
their turns give no claims. A sentence is a claim when it holds a figure or when its
check-worthiness reaches ``CANDIDATE_FLOOR`` (a checkable statement of fact without a
number); every claim carries its ``worthiness``.

Cost is linear in the text: one pass for labels, one regex pass for full names, and the
sentence splitter and number parser per line.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ledger.extract import checkworthy
from ledger.extract.types import Claim, DocumentMeta, ExtractedDocument, Speaker

CANDIDATE_FLOOR = -3.2  # a sentence without a figure below this score is not a claim (see the weights file)
_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Prof|Rev|Pres|Sec|Amb|Lt|Col|Capt)\.?\s+)"
_UPPER_LABEL = re.compile(
    r"(?P<label>" + _TITLE + r"?(?:[A-Z][A-Z'\-]*\.?)(?:\s+[A-Z][A-Z'\-]*\.?){0,3}|" + _TITLE + r"?[A-Z][a-z]+\s+[A-Z]{2,}[A-Z'\-]*)"
    r"\s*(?:\([^)\n]{1,40}\))?:[ \t]+", re.UNICODE)
_TITLE_LABEL = re.compile(
    r"(?P<label>" + _TITLE + r"?[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+){0,3}|Q|A)\s*(?:\([^)\n]{1,40}\))?:[ \t]+")
_BRACKET_LABEL = re.compile(r"\[(?P<label>[A-Z][\w.'\- ]{0,40})\]:?[ \t]+")
_CUES = r"(?i:applause|laughter|crosstalk|inaudible|booing|cheers|cheering|music|silence|pause|sighs?|laughs?)"
_STAGE = re.compile(
    r"\((?:[A-Z][A-Z ,.'\-]{2,40}|" + _CUES + r"[a-z ,.]{0,30})\)|\[(?:[A-Z][A-Z ,.'\-]{2,40}|" + _CUES
    + r"[a-z ,.]{0,30})\]")
_NOT_SPEAKERS = {"SYSTEM", "AUDIENCE", "CROWD", "STAGE", "NOTE", "SOURCE", "TRANSCRIPT", "PARTICIPANTS",
                 "SPEAKERS", "DATE", "TITLE", "LOCATION", "UPDATE", "EDITOR'S NOTE"}
_MODERATOR_LABELS = {"MODERATOR", "MODERATORS", "Q", "QUESTION", "INTERVIEWER", "HOST", "PRESENTER", "ANCHOR",
                     "REPORTER", "PANELIST", "CHAIR"}
_HEADER_KEYS = {"participants", "speakers", "candidates", "panelists", "guests", "guest", "moderator",
                "moderators", "host", "hosts", "interviewer", "interviewee", "q", "a", "with"}
_HEADER_MODERATORS = {"moderator", "moderators", "host", "hosts", "interviewer", "q"}
_HEADER_LINE = re.compile(r"(?P<key>[A-Za-z]+)\s*:\s*(?P<value>.+)")
_NAME = re.compile(r"[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}")
# overlapping (a lookahead): "Senator Maria Quintero" holds "Senator Maria" and "Maria Quintero"
_FULL_NAME = re.compile(r"\b(?=(?P<full>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+(?P<last>[A-Z][a-z'\-]+(?:-[A-Z][a-z]+)?)\b))")
_TITLE_WORD = re.compile(r"^" + _TITLE, re.I)
_MIN_TURNS = 3  # detection without the flag: at least this many labelled lines ...
_MIN_SHARE = 0.5  # ... making at least this share of the non-empty lines, by at least 2 labels


@dataclass(frozen=True)
class Turn:
    label: str  # as written
    label_start: int
    label_end: int
    start: int  # the turn's text in the transcript
    end: int


@dataclass
class Cast:
    """Who speaks: canonical names by label key, and which labels moderate."""

    names: dict[str, str]
    moderators: set[str]

    def name(self, label: str) -> str:
        return self.names.get(_key(label), _display(label))


def _key(label: str) -> str:
    return " ".join(_TITLE_WORD.sub("", label.strip().strip("[]")).replace(".", " ").split()).upper()


def _display(label: str) -> str:
    words = label.strip().strip("[]").split()
    return " ".join(w if not w.isupper() or len(w) <= 1 else w.capitalize() for w in words)


# ------------------------------------------------------------------ turns


def _label_at(line: str, forced: bool) -> re.Match | None:
    m = _BRACKET_LABEL.match(line) or _UPPER_LABEL.match(line)
    if m is None and forced:
        m = _TITLE_LABEL.match(line)
    if m is not None and not _label_ok(m.group("label")):
        return None
    return m


# the ledger's own header lines (ledger.extract.metadata) and their kin: metadata, not speakers
_METADATA_LABELS = {"TITLE", "URL", "OUTLET", "PUBLISHED", "UPDATED", "DATE", "SOURCE", "BYLINE", "AUTHOR",
                    "DATELINE", "HEADLINE", "LINK", "TAGS", "CATEGORY"}


def _label_ok(label: str) -> bool:
    return (0 < len(label) <= 48 and not any(ch.isdigit() for ch in label)
            and label.strip("[] ").upper() not in _METADATA_LABELS)


def _lines(text: str):
    at = 0
    for line in text.split("\n"):
        yield at, line
        at += len(line) + 1


def find_turns(text: str, *, forced: bool = False) -> tuple[list[Turn], list[tuple[str, str]]]:
    """The turns of ``text`` and the header's (key, value) lines before the first turn."""
    turns: list[Turn] = []
    header: list[tuple[str, str]] = []
    for at, line in _lines(text):
        m = _label_at(line, forced)
        if m is not None and not turns and _header_line(line):
            header.append(_header_line(line))
            continue
        if m is not None:
            label = m.group("label")
            turns.append(Turn(label, at + m.start("label"), at + m.end("label"), at + m.end(), at + len(line)))
        elif turns and line.strip():  # a further paragraph of the same turn
            last = turns[-1]
            turns.append(Turn(last.label, last.label_start, last.label_end, at, at + len(line)))
        elif not turns and _header_line(line):
            header.append(_header_line(line))
    return turns, header


def _header_line(line: str) -> tuple[str, str] | None:
    m = _HEADER_LINE.fullmatch(line.strip())
    if m is None or m.group("key").lower() not in _HEADER_KEYS:
        return None
    value = m.group("value").strip()
    if value.endswith(("?", ".", "!")) and not re.search(r"\b[A-Z]\.$", value):
        return None
    names = [v.strip() for v in re.split(r",|;|\band\b", re.sub(r"\([^)]*\)", "", value)) if v.strip()]
    if not names or any(not _NAME.fullmatch(n) for n in names[:1]):
        return None
    return m.group("key").lower(), value


# ------------------------------------------------------------------ who is who


def read_cast(text: str, turns: list[Turn], header: list[tuple[str, str]]) -> Cast:
    labels = {_key(t.label) for t in turns}
    names: dict[str, str] = {}
    moderators = {k for k in labels if k in _MODERATOR_LABELS}
    for key, value in header:
        for person in _header_names(value):
            if key in ("q", "a"):
                names[key.upper()] = person
            elif key in _HEADER_MODERATORS and key.upper() in labels:
                names[key.upper()] = person
            last = _key(person).split()[-1]
            for label in labels:
                if label == _key(person) or label.split()[-1:] == [last]:
                    names.setdefault(label, person)
                    if key in _HEADER_MODERATORS:
                        moderators.add(label)
    _names_from_text(text, labels, names)
    return Cast(names, moderators)


def _header_names(value: str) -> list[str]:
    out = []
    for part in re.split(r",|;|\band\b", value):
        m = _NAME.search(re.sub(r"\([^)]*\)", "", part))
        if m:
            out.append(m.group(0).strip())
    return out


def _names_from_text(text: str, labels: set[str], names: dict[str, str]) -> None:
    """A label still without a name takes the most frequent full name ending in it."""
    wanted = {label for label in labels if label not in names and " " not in label and len(label) > 2}
    if not wanted:
        return
    seen: dict[str, Counter] = {}
    for m in _FULL_NAME.finditer(text):
        last = m.group("last").upper()
        if last in wanted:
            seen.setdefault(last, Counter())[" ".join(m.group("full").split())] += 1
    for label, counts in seen.items():
        names[label] = counts.most_common(1)[0][0]


# ------------------------------------------------------------------ detection


def looks_like_transcript(text: str) -> bool:
    """Unambiguously a transcript: most non-empty lines start with an upper-case or bracketed
    speaker label, at least ``_MIN_TURNS`` of them, by at least two speakers."""
    labelled, lines, labels = 0, 0, set()
    for _, line in _lines(text):
        if not line.strip():
            continue
        lines += 1
        m = _label_at(line, False)
        if m is not None:
            labelled += 1
            labels.add(_key(m.group("label")))
    return labelled >= _MIN_TURNS and len(labels) >= 2 and labelled >= _MIN_SHARE * lines


# ------------------------------------------------------------------ claims


def extract_transcript(text: str, *, forced: bool = True, meta: DocumentMeta | None = None) -> ExtractedDocument:
    """The claims of a transcript, each with its turn's speaker and its ``worthiness``.

    A text with no speaker label gives no claims and a warning (the caller may read it as
    an article instead)."""
    from ledger.extract.escapes import mask_escapes

    meta = meta or DocumentMeta()
    masked = mask_stage(mask_escapes(text))
    turns, header = find_turns(masked, forced=forced)
    if not turns:
        return ExtractedDocument(text=text, meta=meta, warnings=["no speaker labels found (a transcript has "
                                                                 "lines like 'NAME: text')"])
    claims: list[Claim] = []
    for sp in spoken_sentences(masked, turns, header):
        if not sp.moderating:
            claims.extend(_claims(text, masked, sp))
    return ExtractedDocument(text=text, meta=meta, claims=claims)


@dataclass(frozen=True)
class Spoken:
    turn: Turn
    start: int
    end: int
    moderating: bool
    asks: float  # the share of this speaker's sentences that are questions
    name: str


def spoken_sentences(masked: str, turns: list[Turn], header: list[tuple[str, str]]):
    """Each sentence spoken (not by SYSTEM or the audience), in order; ``masked`` is the
    transcript with its stage directions masked (:func:`mask_stage`)."""
    cast = read_cast(masked, turns, header)
    spoken = [t for t in turns if _key(t.label) not in _NOT_SPEAKERS]
    sentences = _sentences(masked, spoken)
    asks = _question_share(masked, sentences)
    for turn, (s0, s1) in sentences:
        key = _key(turn.label)
        yield Spoken(turn, s0, s1, key in cast.moderators, asks.get(key, 0.0),
                     cast.name(turn.label))


def mask_stage(text: str) -> str:
    """``text`` with its stage directions replaced by spaces of the same length. A bracket
    that starts a line with words after it is a speaker label (``[MODERATOR] Welcome``),
    not a direction."""
    def blank(m: re.Match) -> str:
        line_start = m.start() == 0 or text[m.start() - 1] == "\n"
        end = text.find("\n", m.end())
        rest = text[m.end():end if end >= 0 else len(text)]
        if line_start and m.group(0).startswith("[") and rest.strip(" :\t"):
            return m.group(0)
        return " " * len(m.group(0))

    return _STAGE.sub(blank, text)


def _sentences(masked: str, turns: list[Turn]) -> list[tuple[Turn, tuple[int, int]]]:
    from ledger.extract.sentences import split_sentences

    return [(t, span) for t in turns for span in split_sentences(masked, t.start, t.end)]


def _question_share(masked: str, sentences) -> dict[str, float]:
    asked, said = Counter(), Counter()
    for turn, (s0, s1) in sentences:
        said[_key(turn.label)] += 1
        asked[_key(turn.label)] += masked[s0:s1].rstrip().endswith("?")
    return {k: asked[k] / said[k] for k in said}


def sentence_features(masked: str, sp: Spoken) -> list[tuple[object, dict[str, float]]]:
    """(quantity, features) for each claim the sentence could give (one per figure, or one)."""
    from ledger.extract.numbers import find_quantities

    quantities = find_quantities(masked, sp.start, sp.end)
    sentence = masked[sp.start:sp.end]
    return [(q, checkworthy.features(sentence, quantity=q, has_quantity=bool(quantities), asks=sp.asks))
            for q in quantities or [None]]


def _claims(text: str, masked: str, sp: Spoken) -> list[Claim]:
    t = sp.turn
    speaker = Speaker(name=sp.name, surface=text[t.label_start:t.label_end], start=t.label_start,
                      end=t.label_end, cue="turn")
    sentence = text[sp.start:sp.end]
    out = []
    for q, f in sentence_features(masked, sp):
        worth = checkworthy.score(f)
        if q is None and worth < CANDIDATE_FLOOR:
            continue
        q = replace(q, surface=text[q.start:q.end]) if q is not None else None
        out.append(Claim(start=sp.start, end=sp.end, text=sentence, quantity=q, speaker=speaker,
                         sentence_start=sp.start, sentence_end=sp.end, worthiness=worth))
    return out
