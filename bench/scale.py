"""The ledger at scale: adding 10,000 articles, and the queue and the export on a ledger of
1,000,000 claims. Builds all its own data, measures the installed ``ledger`` command (and the
project's own functions, in-process, for the queue) and prints ONE JSON object of figures on
stdout; progress goes to stderr.

    python bench/scale.py                                   # 1,000,000 claims, 10,000 articles
    python bench/scale.py --claims 20000 --articles 200     # a quick run
    python bench/scale.py --workdir /tmp/scale --keep       # keep the ledgers, articles and CSVs

Options: ``--claims N`` (claims in the synthetic ledger; about N/10 documents),
``--articles M`` (distinct generated news articles for ``ledger add``), ``--workdir DIR``
(where everything is built; default a fresh temp dir), ``--keep`` (keep what was built;
otherwise it is removed at the end), ``--seed S``, ``--ledger CMD`` (the ledger command;
default the ``ledger`` next to this Python, else ``python -m ledger``).

What is measured (wall times are the whole CLI process, start to exit):

- ``add_docs_per_s_jobs1`` / ``add_docs_per_s_jobs2``: ``ledger --db NEW.db add FOLDER --jobs 1``
  and ``--jobs 2``, each into a fresh SQLite file, documents per second. When ``ledger add``
  does not offer ``--jobs``, the first runs without it and the second is ``null``.
- ``add_speedup``: jobs2 / jobs1.
- ``cpu_parallel_speedup``: two processes against one on a pure-Python loop, in the same
  run: the ceiling for ``add_speedup`` on this machine at that moment.
- ``add_peak_rss_mb``: the jobs-1 add process's peak RSS (``wait4`` rusage of that child, which
  also covers any children it waited for). ``meta`` adds the peak of the summed RSS of the
  whole process tree (polled from /proc) for both runs, since ``--jobs 2`` workers count too.
- ``queue_first_page_ms_inprocess``: ``queue(session, where=ClaimFilter(), limit=20)`` on the
  N-claim ledger through ``open_ledger``/``session_scope``, median of 9 runs after a warm-up.
- ``queue_first_page_s_cli``: ``ledger --db X queue --limit 20``, median of 3.
- ``export_s_cli``: ``ledger --db X export -o out.csv``.
- ``export_s_sqlite3``: ``sqlite3 -csv -header X "<query>" > out2.csv``, the same columns from
  claims joined to documents, speakers and each claim's latest review (formatted like the
  report: whole floats without ``.0``, ISO datetimes with ``+00:00``, formula-looking cells with
  a leading ``'``). ``null`` when the sqlite3 command is missing (``apt-get install sqlite3``).
  ``meta.export_compare`` says whether the two files match line for line.
- ``export_ratio``: export_s_cli / export_s_sqlite3.
- ``help_s``: ``ledger --help``, median of 5.

The project's targets (reported in ``meta.targets``, not enforced): add --jobs 2 >= 1.7x
--jobs 1; peak RSS < 400 MB; queue first page < 50 ms in-process and < 0.8 s from the CLI;
export <= 3x sqlite3; help < 0.5 s.

The synthetic ledger: the schema comes from the project's ``open_ledger`` (its alembic
migrations); rows are bulk-inserted with the stdlib sqlite3 module in one transaction, in
chunks: ~N/10 news-like documents of about a kilobyte, a few thousand speakers, N claims (each
one sentence of its document, so claim text == document text[start:end], with quantity and
speaker offsets inside it), about 10% of claims reviewed (some twice; a claim's status is its
latest verdict, the rest pending). Datetimes are stored as SQLAlchemy stores them in SQLite:
naive UTC 'YYYY-MM-DD HH:MM:SS.ffffff'.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {
    "add_speedup": ">= 1.7",
    "add_peak_rss_mb": "< 400",
    "queue_first_page_ms_inprocess": "< 50",
    "queue_first_page_s_cli": "< 0.8",
    "export_ratio": "<= 3",
    "help_s": "< 0.5",
}

_T0 = time.perf_counter()


def log(msg: str) -> None:
    print(f"[scale {time.perf_counter() - _T0:7.1f}s] {msg}", file=sys.stderr, flush=True)


# ====================================================================== vocabulary

FIRST = (
    "Ana Maria John Sarah David Laura Michael Fatima Ahmed Olga Pedro Chen Wei Priya Rahul Grace Samuel "
    "Elena Ivan Yuki Kenji Amara Kwame Lucia Marco Sofia Tomás José Noura Omar Hannah Peter Ingrid Lars "
    "Aisha Daniel Rosa Carlos Mei Jin Nadia Youssef Emma Liam Zanele Thabo Ewa Piotr Hélène François Ali "
    "Sanjay Deepa Martin Julia Oscar Irene Paolo Greta Mateo Camila Diego Valentina Kofi Abena Rania Tariq "
    "Leila Arjun Meera Stefan Katarina"
).split()
LAST = (
    "Lopez Smith Okafor Chen Novak Haddad Petrova Silva Kim Tanaka Mensah Rossi Müller Dubois García Patel "
    "Singh Nguyen Kowalski Johansson Ibrahim Hassan Moreno Costa Ferreira Andersen Nakamura Osei Khan Ali "
    "Brown Wilson Taylor Martin Clarke Walsh Murphy Byrne O'Neill Schmidt Weber Fischer Jansen Visser Bakker "
    "Horvat Kovač Popescu Ionescu Papadopoulos Yilmaz Demir Cohen Levi Mendes Ortiz Ramos Castillo Vargas "
    "Reyes Mahlangu Dlamini Nkosi Banda Phiri Mwangi Otieno Kariuki Achieng Núñez"
).split()
ROLES = [
    "Mayor", "Governor", "Health Minister", "Finance Minister", "police spokesperson", "fire chief",
    "Senator", "council member", "economist", "professor", "union leader", "press secretary",
    "Interior Minister", "emergency coordinator", "chief executive", "hospital director", None, None,
]
ORG_SPEAKERS = [
    "Officials", "Police", "The Health Ministry", "The Interior Ministry", "The White House", "The city council",
    "The regional government", "The World Health Organization", "The Red Cross", "The central bank",
    "The electricity company", "Prosecutors", "The United Nations", "The army", "Fire officials",
]
PLACES = [
    "Riverside", "Port Alder", "the northern province", "Lagos", "Kharkiv", "Valencia", "Chennai", "Nairobi",
    "Porto Alegre", "Gdańsk", "Leeds", "Cebu", "Mombasa", "the coastal district", "Ostrava", "Da Nang",
    "Tucson", "Cork", "Thessaloniki", "Izmir", "the capital", "Kumasi", "Bergen", "Durban", "Sapporo",
]
ORGS = [
    "ministry", "council", "utility", "water board", "hospital trust", "transport authority", "agency",
    "commission", "school district", "port authority", "housing fund", "police department",
]
PROJECTS = [
    "flood barrier", "new metro line", "bridge repair programme", "housing scheme", "vaccination drive",
    "school rebuilding plan", "coastal defence project", "hospital expansion", "power grid upgrade",
    "road safety campaign", "desalination plant",
]
QUOTES = [
    "We will rebuild", "Nobody should have to live like this", "We are doing everything we can",
    "This is a turning point for the region", "The numbers speak for themselves", "We were not warned",
    "It is too early to say", "We need answers, not promises", "The worst is behind us",
    "Our teams have been working around the clock",
]
ADJECTIVES = ["reckless", "overdue", "unlawful", "courageous", "misguided", "historic", "unworkable"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
OUTLETS = [
    ("Daily Ledger", "dailyledger.example"), ("The Morning Post", "morningpost.example"),
    ("Coastal Times", "coastaltimes.example"), ("Metro Herald", "metroherald.example"),
    ("World Wire", "worldwire.example"), ("The Evening Standard-Bearer", "standardbearer.example"),
    ("Region Today", "regiontoday.example"), ("The Observer Desk", "observerdesk.example"),
]
REVIEWERS = ["ana", "ben", "chloe", "dmitri", "eve", "farid", "gita", "hugo", "ines", "jamal", "kira", "leo"]
NOTES = [
    None, None, None, "Matches the ministry's published figure", "Official figure is lower",
    "Could not reach the source", "Confirmed by two independent sources", "Figure is from a 2019 report",
    "Speaker misquoted; see transcript",
]


def _num(rng: random.Random, lo: int, hi: int) -> tuple[str, float]:
    v = rng.randint(lo, hi)
    return f"{v:,}", float(v)


def _money(rng: random.Random) -> tuple[str, float]:
    if rng.random() < 0.5:
        v = round(rng.uniform(1.2, 950.0), 1)
        return f"${v:g} million", float(round(v * 1e6))
    v = round(rng.uniform(1.1, 40.0), 1)
    return f"${v:g} billion", float(round(v * 1e9))


def _pct(rng: random.Random) -> tuple[str, float]:
    v = round(rng.uniform(0.3, 38.0), 1)
    return f"{v:g} percent", v


# Each template: (text, quantity kind or None, unit noun, change, concept, cue or None).
# {S} is the speaker mention, {Q} the quantity; other slots are plain words.
TEMPLATES = [
    ("{S} said {Q} were flooded in {PLACE}.", "count", "home", "=", "homes flooded", "said"),
    ("According to {S}, more than {Q} have been evacuated from {PLACE} since {DAY}.", "count", "resident", ">",
     "residents evacuated", "according to"),
    ("{S} told reporters that about {Q} had been set aside for the {PROJECT}.", "money", None, "~",
     "budget for the project", "told"),
    ("Unemployment in {PLACE} rose to {Q} in {MONTH}, {S} said.", "pct", "percent", "up", "unemployment", "said"),
    ("The {ORG} recorded {Q} last year, up from {N2} a year earlier, {S} said.", "count", "case", "=",
     "cases recorded", "said"),
    ("{S} estimated that nearly {Q} took part in the protest in {PLACE}.", "count", "person", "~",
     "protesters", "estimated"),
    ("Some {Q} remain without power across {PLACE}, {S} told the {OUTLET}.", "count", "household", "~",
     "households without power", "told"),
    ("{S} said the {ORG} would hire {Q} by the end of {YEAR}.", "count", "worker", "=", "workers hired", "said"),
    ("{S} said {Q} had been vaccinated in {PLACE} since {MONTH}.", "count", "child", "=",
     "children vaccinated", "said"),
    ("At least {Q} were killed when a bridge collapsed near {PLACE} on {DAY}.", "count", "person", ">",
     "deaths", None),
    ("The {PROJECT} is expected to cost {Q}.", "money", None, "=", "project cost", None),
    ("Turnout in {PLACE} fell by {Q} compared with the previous election.", "pct", "percent", "down",
     "turnout", None),
    ("The storm dropped {Q} of rain on {PLACE} in less than two days.", "count", "millimetre", "=",
     "rainfall", None),
    ("Food prices in {PLACE} have climbed {Q} since {MONTH}.", "pct", "percent", "up", "food prices", None),
    ("{PLACE} has {Q} on its waiting list for public housing.", "count", "family", "=",
     "families waiting for housing", None),
    ("Fewer than {Q} applied for the grant before the deadline.", "count", "business", "<",
     "grant applications", None),
    ("\"{QUOTE},\" {S} told reporters.", None, None, None, None, "told"),
    ("\"{QUOTE},\" {S} said on {DAY}.", None, None, None, None, "said"),
    ("{S} said the {ORG} had acted within the law.", None, None, None, None, "said"),
    ("{S} described the decision as \"{ADJ} and premature\".", None, None, None, None, "described"),
    ("In a statement, {S} said the investigation was continuing.", None, None, None, None, "said"),
    ("{S} denied that the {ORG} had been warned in advance.", None, None, None, None, "denied"),
    ("The {ORG} did not respond to a request for comment.", None, None, None, None, None),
    ("Residents in {PLACE} described scenes of chaos on {DAY} morning.", None, None, None, None, None),
    ("The {PROJECT} has been debated for years.", None, None, None, None, None),
    ("Emergency crews worked through the night.", None, None, None, None, None),
]
CLAIM_TEMPLATES = [t for t in TEMPLATES if t[1] or t[5]]
FILLER_TEMPLATES = [t for t in TEMPLATES if not (t[1] or t[5])]
_SLOT = re.compile(r"\{([A-Z0-9]+)\}")
_PLURAL = {"person": "people", "child": "children", "family": "families", "business": "businesses"}
TITLES = [
    "{N} homes flooded as storm hits {PLACE}", "{ORGC} under pressure over {PROJECT}",
    "{PLACE} counts the cost after {DAY}'s collapse", "Protests grow in {PLACE}", "What the {PROJECT} will cost",
    "Power cuts leave {PLACE} in the dark", "{PLACE} jobless rate rises", "Inside the fight over the {PROJECT}",
]


class Speakers:
    """A pool of canonical speaker names with roles (people first, then organisations)."""

    def __init__(self, n: int, rng: random.Random):
        names = [f"{f} {l}" for l in LAST for f in FIRST]
        rng.shuffle(names)
        people = names[: max(1, n - len(ORG_SPEAKERS))]
        self.rows: list[tuple[str, str | None]] = [(p, rng.choice(ROLES)) for p in people]
        self.rows += [(o[4:] if o.startswith("The ") else o, None) for o in ORG_SPEAKERS]
        self.surfaces = [self._surfaces(name, role) for name, role in self.rows[: len(people)]]
        self.org_surfaces = [(o, o[0].lower() + o[1:] if o.startswith("The ") else o) for o in ORG_SPEAKERS]

    @staticmethod
    def _surfaces(name: str, role: str | None) -> list[str]:
        last = name.split(" ", 1)[1]
        if role is None:
            return [name]
        if role[0].isupper():
            return [f"{role} {name}", name, f"{role} {last}"]
        return [f"{role} {name}", name]

    def pick(self, rng: random.Random, at_start: bool) -> tuple[int, str]:
        """(speaker index, mention as written) for a sentence position."""
        if rng.random() < 0.15:
            i = rng.randrange(len(ORG_SPEAKERS))
            start, mid = self.org_surfaces[i]
            return len(self.rows) - len(ORG_SPEAKERS) + i, start if at_start else mid
        i = rng.randrange(len(self.rows) - len(ORG_SPEAKERS))
        surface = rng.choice(self.surfaces[i])
        if at_start:
            surface = surface[0].upper() + surface[1:]
        return i, surface


_WORD_SLOTS = {"ORG": ORGS, "PROJECT": PROJECTS, "QUOTE": QUOTES, "ADJ": ADJECTIVES, "DAY": DAYS, "MONTH": MONTHS}


def render(template, rng: random.Random, speakers: Speakers, year: int):
    """One sentence: (text, quantity info or None, speaker info or None)."""
    pattern, kind, unit, change, concept, cue = template
    out, q, s = [], None, None
    pos = 0
    parts = _SLOT.split(pattern)  # literal, slot, literal, slot, ...
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(part)
            pos += len(part)
            continue
        if part == "S":
            idx, surface = speakers.pick(rng, at_start=(pos == 0))
            s = (idx, surface, pos, pos + len(surface), cue)
            value = surface
        elif part == "Q":
            if kind == "count":
                num, v = _num(rng, 12, 250_000) if unit != "millimetre" else _num(rng, 40, 600)
                noun = _PLURAL.get(unit, unit + "s")
                surface = f"{num} {noun}"
            elif kind == "money":
                surface, v = _money(rng)
            else:
                surface, v = _pct(rng)
            q = (surface, pos, pos + len(surface), v, unit or "USD", change, concept)
            value = surface
        elif part == "N2":
            value = _num(rng, 10, 250_000)[0]
        elif part == "PLACE":
            value = rng.choice(PLACES)
            if pos == 0:
                value = value[0].upper() + value[1:]
        elif part in _WORD_SLOTS:
            value = rng.choice(_WORD_SLOTS[part])
        elif part == "YEAR":
            value = str(year + rng.randint(0, 2))
        elif part == "OUTLET":
            value = rng.choice(OUTLETS)[0].removeprefix("The ")
        else:
            raise KeyError(part)
        out.append(value)
        pos += len(value)
    return "".join(out), q, s


def _title(rng: random.Random) -> str:
    t = rng.choice(TITLES)
    return (
        t.replace("{N}", _num(rng, 50, 9000)[0]).replace("{PLACE}", rng.choice(PLACES[:13]).title())
        .replace("{ORGC}", rng.choice(ORGS).capitalize()).replace("{PROJECT}", rng.choice(PROJECTS))
        .replace("{DAY}", rng.choice(DAYS))
    )


def _published_raw(when: datetime, rng: random.Random) -> str:
    style = rng.randrange(3)
    if style == 0:
        return when.strftime("%Y-%m-%d %H:%M UTC")
    if style == 1:
        return f"{MONTHS[when.month - 1]} {when.day}, {when.year} at {when:%H:%M} GMT"
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def make_document(rng: random.Random, speakers: Speakers, *, n_claims: int, n_filler: int, serial: int,
                  published: datetime, headers: bool = True):
    """A news-like document. Returns (text, meta dict, sentences) where each sentence is
    (start, end, text, quantity, speaker) with offsets into the returned text."""
    outlet, domain = rng.choice(OUTLETS)
    title = _title(rng)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    url = f"https://{domain}/{published:%Y/%m}/{slug}-{serial}"
    raw = _published_raw(published, rng)
    if headers:
        head = f"TITLE: {title}\nOUTLET: {outlet}\nURL: {url}\nPUBLISHED: {raw}\n\n"
    else:
        head = f"{title}\n\nPublished {raw}\n\n"
    chosen = [rng.choice(CLAIM_TEMPLATES) for _ in range(n_claims)] + [
        rng.choice(FILLER_TEMPLATES) for _ in range(n_filler)
    ]
    rng.shuffle(chosen)
    text_parts = [head]
    pos = len(head)
    sentences = []
    per_para = rng.randint(2, 4)
    for i, t in enumerate(chosen):
        if i:
            sep = "\n\n" if i % per_para == 0 else " "
            text_parts.append(sep)
            pos += len(sep)
        s_text, q, s = render(t, rng, speakers, published.year)
        sentences.append((pos, pos + len(s_text), s_text, q, s))
        text_parts.append(s_text)
        pos += len(s_text)
    text_parts.append("\n")
    meta = {"title": title, "outlet": outlet, "url": url, "published_raw": raw}
    return "".join(text_parts), meta, sentences


# ====================================================================== articles for `ledger add`


def write_articles(folder: Path, m: int, seed: int) -> int:
    rng = random.Random(seed)
    speakers = Speakers(3000, rng)
    folder.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    base = datetime(2019, 1, 1, tzinfo=timezone.utc)
    total = 0
    i = 0
    while len(seen) < m:
        published = base + timedelta(seconds=rng.randrange(8 * 365 * 86400))
        text, _, _ = make_document(
            rng, speakers, n_claims=rng.randint(8, 18), n_filler=rng.randint(2, 6), serial=i,
            published=published, headers=rng.random() < 0.7,
        )
        i += 1
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        sub = folder / f"{len(seen) // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"article-{len(seen):06d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


# ====================================================================== the synthetic ledger


def sa_time(dt: datetime) -> str:
    """A datetime as SQLAlchemy's SQLite DateTime stores it: naive UTC with microseconds."""
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")


DOC_COLS = ["id", "title", "url", "outlet", "published", "published_raw", "updated", "updated_raw", "source",
            "by_hand", "content_hash", "text", "ingested_at", "flags"]
CLAIM_COLS = ["id", "document_id", "speaker_id", "start", "end", "sentence_start", "sentence_end", "text",
              "q_surface", "q_start", "q_end", "q_value", "q_value_max", "q_unit", "q_change", "q_concept",
              "speaker_surface", "speaker_start", "speaker_end", "cue", "status", "created_at", "updated_at",
              "date_mentioned"]
REVIEW_COLS = ["id", "claim_id", "verdict", "reviewer", "note", "evidence_url", "previous_status", "created_at"]
CLAIM_SCORES = ("base_score", "worthiness")  # filled when the schema has them (a queue ordered by score)


def _insert_sql(table: str, cols: list[str]) -> str:
    names = ", ".join(f'"{c}"' for c in cols)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(cols))})"


def _check_schema(con: sqlite3.Connection, filled: dict[str, list[str]]) -> dict[str, list[str]]:
    """Fail clearly when the schema has moved away from what this script writes: a column
    it fills that is gone, or a NOT NULL column without a default that it does not fill.
    Returns, per table, the columns left to their defaults."""
    left = {}
    for table, cols in filled.items():
        info = {r[1]: r for r in con.execute(f"PRAGMA table_info({table})")}  # cid name type notnull dflt pk
        gone = [c for c in cols if c not in info]
        needed = [c for c, r in info.items() if c not in cols and r[3] and r[4] is None and not r[5]]
        if gone or needed:
            raise SystemExit(
                f"bench/scale.py: the ledger schema changed: {table} lacks {gone} / requires {needed};"
                " update build_ledger() to match ledger/storage/models.py"
            )
        left[table] = [c for c in info if c not in cols]
    return left


ROWS_WRITTEN_AT = "0008"  # the schema revision build_ledger writes its rows for


def build_ledger(path: Path, n_claims: int, seed: int) -> dict:
    from types import SimpleNamespace

    from ledger.storage.db import create_ledger_engine, current_revision, migrate, resolve_url

    # The rows are written at revision 0008 and the newer migrations then run over them, so
    # the ledger gets its content fingerprints (0009) the way an upgraded ledger does and
    # `ledger audit verify` passes on it.
    engine = create_ledger_engine(resolve_url(str(path)))
    migrate(engine, ROWS_WRITTEN_AT)
    engine.dispose()
    rng = random.Random(seed)
    speakers = Speakers(3000, rng)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = DELETE")
    con.execute("PRAGMA synchronous = OFF")
    con.execute("PRAGMA cache_size = -200000")
    claim_cols_present = {r[1] for r in con.execute("PRAGMA table_info(claims)")}
    review_cols_present = {r[1] for r in con.execute("PRAGMA table_info(reviews)")}
    scores = [c for c in CLAIM_SCORES if c in claim_cols_present]
    chained = {"prev_hash", "hash"} <= review_cols_present
    review_hash = genesis = None
    if chained:  # the tamper-evident review chain: computed with the project's own function
        from ledger.storage.chain import GENESIS as genesis, review_hash
    claim_cols = CLAIM_COLS + scores
    review_cols = REVIEW_COLS + (["prev_hash", "hash"] if chained else [])
    left_default = _check_schema(
        con, {"speakers": ["id", "name", "role"], "documents": DOC_COLS, "claims": claim_cols, "reviews": review_cols}
    )
    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO speakers (id, name, role) VALUES (?, ?, ?)",
        [(i + 1, name, role) for i, (name, role) in enumerate(speakers.rows)],
    )
    doc_sql = _insert_sql("documents", DOC_COLS)
    claim_sql = _insert_sql("claims", claim_cols)
    review_sql = _insert_sql("reviews", review_cols)
    pub_base = datetime(2019, 1, 1, tzinfo=timezone.utc)
    ingest_base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    n_docs_target = max(1, n_claims // 10)
    ingest_step = (2.5 * 365 * 86400) / n_docs_target  # spread over ~2.5 years of use
    doc_id = claim_id = review_id = 0
    docs, claims, reviews = [], [], []
    counts = {"verified": 0, "disputed": 0, "unverified": 0, "pending": 0}
    chars = 0
    prev_hash = genesis

    def flush():
        con.executemany(doc_sql, docs)
        con.executemany(claim_sql, claims)
        con.executemany(review_sql, reviews)
        docs.clear(), claims.clear(), reviews.clear()

    while claim_id < n_claims:
        doc_id += 1
        k = min(rng.randint(7, 13), n_claims - claim_id)
        published = pub_base + timedelta(seconds=rng.randrange(7 * 365 * 86400))
        ingested = ingest_base + timedelta(seconds=doc_id * ingest_step + rng.random())
        text, meta, sentences = make_document(
            rng, speakers, n_claims=k, n_filler=rng.randint(0, 2), serial=doc_id, published=published
        )
        chars += len(text)
        docs.append((
            doc_id, meta["title"], meta["url"], meta["outlet"], sa_time(published), meta["published_raw"],
            None, None, f"articles/{published:%Y-%m}/{doc_id}.txt", 0, hashlib.sha256(text.encode()).hexdigest(),
            text, sa_time(ingested), None,
        ))
        created = sa_time(ingested + timedelta(microseconds=1500))
        for start, end, s_text, q, s in sentences:
            if q is None and s is None:
                continue
            claim_id += 1
            status = "pending"
            updated = created
            if rng.random() < 0.10:  # reviewed: once, sometimes twice
                previous = "pending"
                when = ingested
                for _ in range(2 if rng.random() < 0.2 else 1):
                    review_id += 1
                    verdict = rng.choices(("verified", "disputed", "unverified"), (5, 3, 2))[0]
                    when = when + timedelta(hours=rng.uniform(1, 24 * 60))
                    note = rng.choice(NOTES)
                    evidence = f"https://evidence.example/{review_id}" if note and rng.random() < 0.6 else None
                    row = (review_id, claim_id, verdict, rng.choice(REVIEWERS), note, evidence, previous, when)
                    if chained:
                        digest = review_hash(SimpleNamespace(**dict(zip(REVIEW_COLS, row))), prev_hash)
                        row = (*row[:-1], sa_time(when), prev_hash, digest)
                        prev_hash = digest
                    else:
                        row = (*row[:-1], sa_time(when))
                    reviews.append(row)
                    previous = verdict
                status, updated = previous, sa_time(when)
            counts[status] += 1
            qv = (None,) * 8 if q is None else (q[0], start + q[1], start + q[2], q[3], None, q[4], q[5], q[6])
            sv = (None,) * 4 if s is None else (s[1], start + s[2], start + s[3], s[4])
            score = (round(rng.betavariate(2, 5), 4),) * len(scores)
            claims.append((
                claim_id, doc_id, None if s is None else s[0] + 1, start, end, start, end, s_text, *qv, *sv,
                status, created, updated, None, *score,
            ))
        if len(docs) >= 2000:
            flush()
            if doc_id % 20000 == 0:
                log(f"  ledger: {doc_id:,} documents, {claim_id:,} claims")
    flush()
    if chained and review_id:
        con.execute("INSERT INTO audit_head (id, review_id, hash) VALUES (1, ?, ?)", (review_id, prev_hash))
    con.execute("COMMIT")
    con.execute("PRAGMA journal_mode = WAL")
    engine = create_ledger_engine(resolve_url(str(path)))
    migrate(engine)  # to the newest revision: fingerprints for every row written above
    revision = current_revision(engine)
    engine.dispose()
    bad = con.execute(
        'SELECT count(*) FROM claims c JOIN documents d ON d.id = c.document_id'
        ' WHERE substr(d.text, c.start + 1, c."end" - c.start) != c.text'
        ' OR (c.q_start IS NOT NULL AND substr(d.text, c.q_start + 1, c.q_end - c.q_start) != c.q_surface)'
        ' OR (c.speaker_start IS NOT NULL'
        '     AND substr(d.text, c.speaker_start + 1, c.speaker_end - c.speaker_start) != c.speaker_surface)'
    ).fetchone()[0]
    con.close()
    if bad:
        raise SystemExit(f"bench/scale.py: internal error: {bad} synthetic claims have offsets that do not match")
    return {"schema_revision": revision, "documents": doc_id, "claims": claim_id, "reviews": review_id,
            "speakers": len(speakers.rows), "document_chars_avg": round(chars / max(1, doc_id)), "status": counts,
            "review_hash_chain": chained, "claim_scores_filled": scores,
            "columns_left_default": {t: c for t, c in left_default.items() if c}}


# ====================================================================== running things


def ledger_command(arg: str | None) -> list[str]:
    if arg:
        return arg.split()
    exe = Path(sys.executable).with_name("ledger")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("ledger")
    return [found] if found else [sys.executable, "-m", "ledger"]


def child_env() -> dict:
    env = dict(os.environ)
    env.pop("LEDGER_DB", None)
    env.setdefault("LEDGER_REVIEWER", "bench")
    return env


def _tree_rss_kb(root: int) -> int:
    """Summed RSS of ``root`` and its descendants, from /proc."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read().decode(errors="replace")
            fields = stat[stat.rindex(")") + 2 :].split()
            pid = int(entry.name)
            parent[pid] = int(fields[1])
            rss[pid] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
        except (OSError, ValueError, IndexError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        for c, pp in parent.items():
            if pp == p and c not in tree:
                tree.add(c)
                frontier.append(c)
    return sum(rss.get(p, 0) for p in tree)


def run_measured(cmd: list[str], cwd: Path, *, stdout_path: Path | None = None, poll_tree: bool = False) -> dict:
    """Run ``cmd``; wall time, exit code, the child's max RSS (wait4), optional tree RSS peak."""
    out_path = stdout_path or cwd / ".stdout"
    err_path = cwd / ".stderr"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, env=child_env())
        peak = [0]
        stop = threading.Event()

        def poll():
            while not stop.is_set():
                peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
                stop.wait(0.2)

        poller = threading.Thread(target=poll, daemon=True) if poll_tree and os.path.isdir("/proc") else None
        if poller:
            poller.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        stop.set()
        if poller:
            poller.join()
    result = {
        "wall_s": wall,
        "rc": proc.returncode,
        "maxrss_mb": usage.ru_maxrss / 1024,  # Linux reports KiB
        "tree_peak_rss_mb": peak[0] / 1024 if poller else None,
        "stderr": err_path.read_text(errors="replace"),
    }
    if stdout_path is None:
        result["stdout"] = out_path.read_text(errors="replace")
    return result


def median_wall(cmd: list[str], cwd: Path, n: int, what: str) -> float | None:
    times = []
    for _ in range(n):
        r = run_measured(cmd, cwd)
        if r["rc"] != 0:
            log(f"{what}: exit code {r['rc']}: {r['stderr'].strip()[-500:]}")
            return None
        times.append(r["wall_s"])
    return statistics.median(times)


def has_jobs_option(ledger: list[str], cwd: Path) -> bool:
    r = run_measured([*ledger, "add", "--help"], cwd)
    return "--jobs" in re.sub(r"\x1b\[[0-9;]*m", "", r.get("stdout", ""))


def measure_add(ledger: list[str], work: Path, folder: Path, m: int, jobs: int | None, tag: str) -> dict:
    db = work / f"add-{tag}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    cmd = [*ledger, "--db", str(db), "add", str(folder)] + (["--jobs", str(jobs)] if jobs else [])
    log(f"add {m:,} articles: {' '.join(cmd[len(ledger):])}")
    done = threading.Event()

    def progress():  # documents stored so far, read from the ledger being written (WAL readers do not block it)
        t0 = time.perf_counter()
        while not done.wait(30):
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
                    n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
                log(f"  ... {n:,} of {m:,} documents after {time.perf_counter() - t0:.0f} s")
            except sqlite3.Error:
                pass

    reporter = threading.Thread(target=progress, daemon=True)
    reporter.start()
    try:
        r = run_measured(cmd, work, poll_tree=True)
    finally:
        done.set()
    summary = r["stdout"].strip().splitlines()[-1] if r["stdout"].strip() else ""
    problems = [line for line in r["stderr"].splitlines() if line.startswith(("Error", "Warning", "Traceback"))]
    out = {
        "wall_s": round(r["wall_s"], 3),
        "rc": r["rc"],
        "docs_per_s": round(m / r["wall_s"], 2) if r["rc"] in (0, 1) else None,
        "maxrss_mb": round(r["maxrss_mb"], 1),
        "tree_peak_rss_mb": None if r["tree_peak_rss_mb"] is None else round(r["tree_peak_rss_mb"], 1),
        "summary": summary,
        "stderr_lines": len(r["stderr"].splitlines()),
        "stderr_first": problems[:3] or r["stderr"].strip().splitlines()[-3:],
    }
    log(f"  {out['wall_s']} s, {out['docs_per_s']} docs/s, rc {out['rc']}, max RSS {out['maxrss_mb']} MB"
        f" (tree {out['tree_peak_rss_mb']} MB): {summary}")
    if r["rc"] not in (0, 1):
        log(f"  add failed: {r['stderr'].strip()[-800:]}")
    return out


def queue_inprocess(db: Path, runs: int = 9) -> dict:
    from ledger.storage.db import open_ledger, session_scope
    from ledger.storage.repo import ClaimFilter
    from ledger.workflow.review import queue

    engine = open_ledger(str(db))
    try:
        with session_scope(engine) as s:  # warm-up: imports, connection, page cache
            first = queue(s, where=ClaimFilter(), limit=20)
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            with session_scope(engine) as s:
                page = queue(s, where=ClaimFilter(), limit=20)
            times.append((time.perf_counter() - t0) * 1000)
    finally:
        engine.dispose()
    return {"median_ms": statistics.median(times), "min_ms": min(times), "max_ms": max(times),
            "rows": len(page), "first_id": first[0].id if first else None}


def _iso(col: str) -> str:
    """SQL for a stored naive-UTC datetime written the way ``datetime.isoformat()`` writes it aware."""
    return (
        f"CASE WHEN {col} IS NULL THEN NULL ELSE replace(substr({col}, 1, 19), ' ', 'T')"
        f" || CASE WHEN substr({col}, 21) IN ('', '000000') THEN '' ELSE '.' || substr({col}, 21) END"
        f" || '+00:00' END"
    )


def _text(expr: str) -> str:
    """SQL for a free-text cell neutralised like ledger.export.neutralise."""
    starts = "'=', '+', '-', '@', char(9), char(13), char(10), '＝', '＋', '－', '＠'"
    return f"CASE WHEN substr({expr}, 1, 1) IN ({starts}) THEN '''' || {expr} ELSE {expr} END"


def _number(col: str) -> str:
    return f"CASE WHEN {col} = CAST({col} AS INTEGER) AND abs({col}) < 1e15 THEN CAST({col} AS INTEGER) ELSE {col} END"


def export_query() -> str:
    """The report's columns (ledger/export.py COLUMNS) in plain SQL."""
    cols = [
        ("claim_id", "c.id"),
        ("status", _text("c.status")),
        ("claim", _text("c.text")),
        ("sentence", _text("substr(d.text, c.sentence_start + 1, c.sentence_end - c.sentence_start)")),
        ("quantity_surface", _text("c.q_surface")),
        ("quantity_value", _number("c.q_value")),
        ("quantity_value_max", _number("c.q_value_max")),
        ("quantity_unit", _text("c.q_unit")),
        ("quantity_change", _text("c.q_change")),
        ("quantity_concept", _text("c.q_concept")),
        ("speaker", _text("s.name")),
        ("speaker_role", _text("s.role")),
        ("cue", _text("c.cue")),
        ("document_title", _text("d.title")),
        ("outlet", _text("d.outlet")),
        ("url", _text("d.url")),
        ("published", _iso("d.published")),
        ("added_at", _iso("c.created_at")),
        ("last_reviewer", _text("r.reviewer")),
        ("last_reviewed_at", _iso("r.created_at")),
        ("last_note", _text("r.note")),
        ("last_evidence", _text("r.evidence_url")),
        ("reviews", "coalesce(lr.n, 0)"),
        ("document_flags", "coalesce((SELECT group_concat(value, '; ') FROM json_each(d.flags)), '')"),
        ("appearances", "CASE WHEN c.group_id IS NULL THEN 1 ELSE "
                        "(SELECT count(*) FROM claims g WHERE g.group_id = c.group_id) END"),
        ("conflicts", "(SELECT count(*) FROM claim_links l WHERE l.kind = 'conflict' "
                      "AND (l.claim_id = c.id OR l.other_id = c.id))"),
        ("worthiness", _number("c.worthiness")),
    ]
    select = ",\n  ".join(f"{expr} AS {name}" for name, expr in cols)
    return (
        "WITH lr AS (SELECT claim_id, max(id) AS rid, count(*) AS n FROM reviews GROUP BY claim_id)\n"
        f"SELECT\n  {select}\n"
        "FROM claims c\n"
        "JOIN documents d ON d.id = c.document_id\n"
        "LEFT JOIN speakers s ON s.id = c.speaker_id\n"
        "LEFT JOIN lr ON lr.claim_id = c.id\n"
        "LEFT JOIN reviews r ON r.id = lr.rid\n"
        "ORDER BY c.id;"
    )


def compare_files(a: Path, b: Path) -> dict:
    """Row-by-row comparison of two CSV files as parsed records (the two writers quote differently)."""
    import csv
    import itertools

    differ = rows_a = rows_b = 0
    first = None
    with open(a, newline="", encoding="utf-8") as fa, open(b, newline="", encoding="utf-8") as fb:
        trailer: list[list[str]] = []

        def body(reader):  # the report's own trailer rows ('# audit chain head', ...) set aside
            for row in reader:
                if row and row[0].startswith("#"):
                    trailer.append(row)
                else:
                    yield row

        for n, (ra, rb) in enumerate(itertools.zip_longest(body(csv.reader(fa)), csv.reader(fb))):
            rows_a += ra is not None
            rows_b += rb is not None
            if ra != rb:
                differ += 1
                if first is None:
                    cols = [i for i in range(max(len(ra or []), len(rb or [])))
                            if (ra or [])[i:i + 1] != (rb or [])[i:i + 1]]
                    first = {"row": n, "columns": cols[:5],
                             "cli": [(ra or [])[i:i + 1] for i in cols[:5]],
                             "sqlite3": [(rb or [])[i:i + 1] for i in cols[:5]]}
    return {"rows_cli": rows_a, "rows_sqlite3": rows_b, "rows_differing": differ, "first_difference": first,
            "cli_trailer_rows": trailer}


def git_state() -> dict | None:
    """The checkout's commit and its uncommitted changes under ledger/ (what is being measured)."""
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "ledger"],
                               capture_output=True, text=True).stdout.split("\n")
    except OSError:
        return None
    return {"commit": head or None, "ledger_uncommitted": [line[3:] for line in dirty if line.strip()]}


def ratio(a, b):
    return round(a / b, 3) if a is not None and b else None


def rnd(x, nd=3):
    return None if x is None else round(x, nd)


# ====================================================================== main


def _burn(_: int) -> float:
    t0 = time.perf_counter()
    x = 0
    for i in range(30_000_000):
        x += i
    return time.perf_counter() - t0


def cpu_parallelism() -> float:
    """How much faster two processes finish two pure-Python loops than one process finishes
    one: the most any --jobs 2 speedup can be on this machine right now (2.0 on two idle
    cores; noisy neighbours show up here first)."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(1) as pool:
        one = min(pool.map(_burn, [0]) for _ in range(2))[0]
    t0 = time.perf_counter()
    with ctx.Pool(2) as pool:
        pool.map(_burn, [0, 1])
    two = time.perf_counter() - t0
    return round(2 * one / two, 2)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=1_000_000, help="claims in the synthetic ledger [1000000]")
    ap.add_argument("--articles", type=int, default=10_000, help="distinct articles for `ledger add` [10000]")
    ap.add_argument("--workdir", type=Path, default=None, help="where to build [a new temp dir]")
    ap.add_argument("--keep", action="store_true", help="keep the workdir's contents at the end")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--ledger", default=None, help="the ledger command [the one next to this Python]")
    args = ap.parse_args()
    if args.claims < 1 or args.articles < 1:
        ap.error("--claims and --articles must be at least 1")

    sys.path.insert(0, str(ROOT))  # the ledger package of this checkout, for the in-process figures
    ledger = ledger_command(args.ledger)
    created_workdir = args.workdir is None
    work = Path(tempfile.mkdtemp(prefix="ledger-scale-")) if created_workdir else args.workdir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    log(f"workdir {work}; ledger command: {' '.join(ledger)}")
    figures: dict = {}
    meta: dict = {"claims_requested": args.claims, "articles": args.articles, "ledger_command": ledger,
                  "python": sys.version.split()[0], "sqlite_library": sqlite3.sqlite_version,
                  "cpus": os.cpu_count(), "loadavg_start": os.getloadavg(), "targets": TARGETS,
                  "PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE")}
    meta["git_start"] = git_state()
    try:
        # ---------------------------------------------------------------- help
        log("ledger --help x5")
        figures["help_s"] = rnd(median_wall([*ledger, "--help"], work, 5, "ledger --help"))

        # ---------------------------------------------------------------- add
        folder = work / "articles"
        made.append(folder)
        if folder.exists():
            shutil.rmtree(folder)
        log(f"writing {args.articles:,} distinct articles to {folder}")
        t0 = time.perf_counter()
        total_chars = write_articles(folder, args.articles, args.seed)
        meta["articles_avg_chars"] = round(total_chars / args.articles)
        meta["articles_write_s"] = round(time.perf_counter() - t0, 1)
        jobs = has_jobs_option(ledger, work)
        meta["add_has_jobs_option"] = jobs
        if not jobs:
            log("`ledger add --help` shows no --jobs: jobs-1 figure runs without it, jobs-2 is null")
        made += [work / f"add-{t}.db{s}" for t in ("jobs1", "jobs2", "warmup") for s in ("", "-wal", "-shm")]
        first_article = next(iter(sorted(folder.rglob("*.txt"))))
        log("warm-up: ledger add of one article into a throwaway ledger")
        run_measured([*ledger, "--db", str(work / "add-warmup.db"), "add", str(first_article)], work)
        add1 = measure_add(ledger, work, folder, args.articles, 1 if jobs else None, "jobs1")
        add2 = measure_add(ledger, work, folder, args.articles, 2, "jobs2") if jobs else None
        meta["add_jobs1"] = add1
        meta["add_jobs2"] = add2
        figures["add_docs_per_s_jobs1"] = add1["docs_per_s"]
        figures["add_docs_per_s_jobs2"] = add2["docs_per_s"] if add2 else None
        figures["add_speedup"] = ratio(figures["add_docs_per_s_jobs2"], figures["add_docs_per_s_jobs1"])
        figures["cpu_parallel_speedup"] = cpu_parallelism()  # the same run's ceiling for add_speedup
        log(f"  two processes vs one on a pure CPU loop: {figures['cpu_parallel_speedup']}x")
        figures["add_peak_rss_mb"] = add1["maxrss_mb"] if add1["rc"] in (0, 1) else None

        # ---------------------------------------------------------------- the big ledger
        db = work / "ledger-big.db"
        made += [Path(f"{db}{s}") for s in ("", "-wal", "-shm")]
        for p in made[-3:]:
            p.unlink(missing_ok=True)
        log(f"building a ledger of {args.claims:,} claims in {db}")
        t0 = time.perf_counter()
        meta["ledger"] = build_ledger(db, args.claims, args.seed)
        meta["ledger"]["build_s"] = round(time.perf_counter() - t0, 1)
        meta["ledger"]["file_mb"] = round(db.stat().st_size / 2**20, 1)
        log(f"  built in {meta['ledger']['build_s']} s: {meta['ledger']}")

        # ---------------------------------------------------------------- queue
        log("queue first page, in-process (warm-up + 9 runs)")
        try:
            q = queue_inprocess(db)
        except Exception as exc:  # the project's API moved: say so, keep measuring the rest
            log(f"  in-process queue failed: {type(exc).__name__}: {exc}")
            meta["queue_inprocess"] = {"error": f"{type(exc).__name__}: {exc}"}
        else:
            meta["queue_inprocess"] = {k: rnd(v) if isinstance(v, float) else v for k, v in q.items()}
            figures["queue_first_page_ms_inprocess"] = rnd(q["median_ms"])
            log(f"  median {q['median_ms']:.2f} ms ({q['rows']} rows)")
        log("ledger queue --limit 20 x3")
        figures["queue_first_page_s_cli"] = rnd(
            median_wall([*ledger, "--db", str(db), "queue", "--limit", "20"], work, 3, "ledger queue"))
        log(f"  median {figures['queue_first_page_s_cli']} s")

        # ---------------------------------------------------------------- export
        out_cli, out_sql = work / "out.csv", work / "out2.csv"
        made += [out_cli, out_sql, work / ".stdout", work / ".stderr"]
        log("ledger export -o out.csv")
        r = run_measured([*ledger, "--db", str(db), "export", "-o", str(out_cli)], work)
        meta["export_cli"] = {"rc": r["rc"], "maxrss_mb": round(r["maxrss_mb"], 1),
                              "stderr": r["stderr"].strip()[-300:]}
        figures["export_s_cli"] = rnd(r["wall_s"]) if r["rc"] == 0 else None
        log(f"  {r['wall_s']:.2f} s, rc {r['rc']}, max RSS {r['maxrss_mb']:.0f} MB: {r['stderr'].strip()[-200:]}")
        sqlite_cli = shutil.which("sqlite3")
        if sqlite_cli is None:
            log("THE sqlite3 COMMAND IS MISSING: export_s_sqlite3 is null (install it: apt-get install -y sqlite3)")
            meta["sqlite3_cli"] = "missing (apt-get install -y sqlite3)"
            figures["export_s_sqlite3"] = None
        else:
            meta["sqlite3_cli"] = subprocess.run([sqlite_cli, "--version"], capture_output=True,
                                                 text=True).stdout.split(" ")[0]
            log("sqlite3 -csv -header X '<query>' > out2.csv")
            r2 = run_measured([sqlite_cli, "-csv", "-header", str(db), export_query()], work, stdout_path=out_sql)
            figures["export_s_sqlite3"] = rnd(r2["wall_s"]) if r2["rc"] == 0 else None
            log(f"  {r2['wall_s']:.2f} s, rc {r2['rc']} {r2['stderr'].strip()[-300:]}")
            if r["rc"] == 0 and r2["rc"] == 0:
                meta["export_compare"] = compare_files(out_cli, out_sql)
                log(f"  compare: {meta['export_compare']}")
        figures["export_ratio"] = ratio(figures["export_s_cli"], figures["export_s_sqlite3"])
    finally:
        if not args.keep:
            if created_workdir:
                shutil.rmtree(work, ignore_errors=True)
            else:
                for p in made:
                    if p.is_dir():
                        shutil.rmtree(p, ignore_errors=True)
                    else:
                        p.unlink(missing_ok=True)
        else:
            log(f"kept {work}")

    keys = ["add_docs_per_s_jobs1", "add_docs_per_s_jobs2", "add_speedup", "cpu_parallel_speedup", "add_peak_rss_mb",
            "queue_first_page_ms_inprocess", "queue_first_page_s_cli", "export_s_cli", "export_s_sqlite3",
            "export_ratio", "help_s"]
    result = {k: figures.get(k) for k in keys}
    meta["git_end"] = git_state()  # the product changed under the run if this differs from git_start
    meta["loadavg_end"] = os.getloadavg()  # other work on the machine skews wall times
    result["meta"] = meta
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
