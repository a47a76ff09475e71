"""Full-text search: SQLite FTS5 ranked by bm25, PostgreSQL tsvector ranked by ts_rank.

Three indexes of the same shape, each keyed by the id of the row it indexes:

- ``claim_search``: every claim's text and its speaker's name (``ledger claims --search``);
  written by the transaction that stores the claims (:func:`index_claims`, called from
  ``repo.create_claims``), built for older ledgers by migration 0012;
- ``checked_search``: the claims that have had a verdict (the desk's earlier checks that
  ``workflow/prior.py`` matches new claims against); written when a claim first gets one;
- ``reference_search``: imported ClaimReviews' claim text and claimant (0015).

English stemming on both engines (``troops`` finds ``troop``). The indexes are not part of
the models: their shape differs by engine (FTS5 virtual tables on SQLite, whose rowid is
the key; tables of ``tsvector`` with a GIN index on PostgreSQL).

A search is every word of what the user typed (AND), each word taken literally: quotes,
``*``, ``-``, ``:``, ``AND``/``OR``/``NOT`` are never query syntax, so no search text is an
error. Matching asks for *any* word instead (OR), ranked. PostgreSQL also drops English
stop words (``a``, ``the``, ``before``); on SQLite a stop word must occur too.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from sqlalchemy import Float, Integer, column, text
from sqlmodel import Session

CONFIG = "english"  # PostgreSQL's text-search configuration: English stemming and stop words
SQLITE_TOKENIZER = "porter unicode61 remove_diacritics 2"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


class Index(NamedTuple):
    name: str
    key: str  # PostgreSQL's key column (SQLite: the rowid)
    target: str  # the table whose ids are the keys


CLAIMS = Index("claim_search", "claim_id", "claims")
CHECKED = Index("checked_search", "claim_id", "claims")
REFERENCES = Index("reference_search", "reference_id", "reference_reviews")
_PG_DOC = f"to_tsvector('{CONFIG}', coalesce(:text, '') || ' ' || coalesce(:speaker, ''))"


def _sqlite(session_or_conn) -> bool:
    return session_or_conn.get_bind().dialect.name == "sqlite" if isinstance(session_or_conn, Session) \
        else session_or_conn.dialect.name == "sqlite"


def _ddl(index: Index, sqlite: bool) -> tuple[str, ...]:
    if sqlite:
        return (f"CREATE VIRTUAL TABLE {index.name} USING fts5(text, speaker, tokenize='{SQLITE_TOKENIZER}')",)
    return (f"CREATE TABLE {index.name} ({index.key} INTEGER PRIMARY KEY REFERENCES {index.target}(id)"
            f" ON DELETE CASCADE, doc TSVECTOR NOT NULL)",
            f"CREATE INDEX ix_{index.name}_doc ON {index.name} USING GIN (doc)")


def index_rows(session: Session, index: Index, *, rows: list[tuple[int, str, str | None]]) -> None:
    """Add ``(id, text, speaker name)`` rows to ``index``, in the caller's transaction."""
    if not rows:
        return
    params = [{"id": i, "text": t, "speaker": s} for i, t, s in rows]
    if _sqlite(session):
        statement = f"INSERT INTO {index.name} (rowid, text, speaker) VALUES (:id, :text, :speaker)"
    else:
        statement = f"INSERT INTO {index.name} ({index.key}, doc) VALUES (:id, {_PG_DOC})"
    session.connection().execute(text(statement), params)


def unindex(session: Session, index: Index, *, ids: list[int]) -> None:
    for i in ids:
        key = "rowid" if _sqlite(session) else index.key
        session.connection().execute(text(f"DELETE FROM {index.name} WHERE {key} = :id"), {"id": i})


def indexed(session: Session, index: Index, *, ids: list[int]) -> set[int]:
    """Which of ``ids`` ``index`` holds."""
    key = "rowid" if _sqlite(session) else index.key
    out: set[int] = set()
    for first in range(0, len(ids), 500):
        chunk = ids[first:first + 500]
        marks = ", ".join(f":i{n}" for n in range(len(chunk)))
        sql = text(f"SELECT {key} FROM {index.name} WHERE {key} IN ({marks})")
        out.update(session.connection().execute(sql, {f"i{n}": i for n, i in enumerate(chunk)}).scalars())
    return out


def index_claims(session: Session, *, rows: list[tuple[int, str, str | None]]) -> None:
    """Add ``(claim_id, text, speaker name)`` rows to the claims' index."""
    index_rows(session, CLAIMS, rows=rows)


def words_of(query: str) -> list[str]:
    return _WORD.findall(query)


def sqlite_query(words: str, *, any_word: bool = False) -> str | None:
    """What the user typed as an FTS5 query: each word quoted (a literal), all required
    (``any_word``: any of them)."""
    tokens = words_of(words)
    joiner = " OR " if any_word else " "
    return joiner.join('"' + t.replace('"', '""') + '"' for t in tokens) or None


def found(session: Session, index: Index, *, words: str, best: int | None = None, any_word: bool = False):
    """A subquery of ``(claim_id, rank)``: the ids ``index`` finds for ``words`` (every
    word, or ``any_word``), higher rank better (SQLite: minus bm25; PostgreSQL: ts_rank);
    None when ``words`` holds no word. ``best``: only the ``best`` best-ranked."""
    top = f" ORDER BY rank DESC, claim_id LIMIT {int(best)}" if best is not None else ""
    if _sqlite(session):
        query = sqlite_query(words, any_word=any_word)
        if query is None:
            return None
        sql = text(f"SELECT rowid AS claim_id, -bm25({index.name}) AS rank FROM {index.name}"
                   f" WHERE {index.name} MATCH :q" + top).bindparams(q=query)
    else:
        tokens = words_of(words)
        if not tokens:
            return None
        if any_word:
            q = " || ".join(f"plainto_tsquery('{CONFIG}', :w{n})" for n in range(len(tokens)))
            params = {f"w{n}": t for n, t in enumerate(tokens)}
        else:
            q, params = f"plainto_tsquery('{CONFIG}', :q)", {"q": words}
        sql = text(f"SELECT {index.key} AS claim_id, ts_rank(doc, {q}) AS rank FROM {index.name}"
                   f" WHERE doc @@ ({q})" + top).bindparams(**params)
    return sql.columns(column("claim_id", Integer), column("rank", Float)).subquery("found")


def matches(session: Session, *, words: str, best: int | None = None):
    """:func:`found` in the claims' index, every word required."""
    return found(session, CLAIMS, words=words, best=best)


def ranked_ids(session: Session, index: Index, *, words: str, best: int) -> list[int]:
    """The ids of the ``best`` rows with any of ``words``, best first."""
    sub = found(session, index, words=words, best=best, any_word=True)
    if sub is None:
        return []
    return [row[0] for row in session.connection().execute(sub.select())]


def create_index(conn, index: Index = CLAIMS) -> None:
    """Build ``index``; the claims' index is filled from the claims already stored (0012)."""
    for ddl in _ddl(index, _sqlite(conn)):
        conn.execute(text(ddl))
    if index is not CLAIMS:
        return
    if _sqlite(conn):
        conn.execute(text("INSERT INTO claim_search (rowid, text, speaker) SELECT c.id, c.text, s.name"
                          " FROM claims c LEFT JOIN speakers s ON s.id = c.speaker_id"))
        return
    conn.execute(text(f"INSERT INTO claim_search (claim_id, doc) SELECT c.id, to_tsvector('{CONFIG}',"
                      " coalesce(c.text, '') || ' ' || coalesce(s.name, '')) FROM claims c"
                      " LEFT JOIN speakers s ON s.id = c.speaker_id"))


def fill_checked(conn) -> None:
    """Index the claims that have a verdict already (0015)."""
    where = "FROM claims c LEFT JOIN speakers s ON s.id = c.speaker_id WHERE c.status <> 'pending'"
    if _sqlite(conn):
        conn.execute(text(f"INSERT INTO checked_search (rowid, text, speaker) SELECT c.id, c.text, s.name {where}"))
    else:
        conn.execute(text(f"INSERT INTO checked_search (claim_id, doc) SELECT c.id, to_tsvector('{CONFIG}',"
                          f" coalesce(c.text, '') || ' ' || coalesce(s.name, '')) {where}"))


def drop_index(conn, index: Index = CLAIMS) -> None:
    conn.execute(text(f"DROP TABLE IF EXISTS {index.name}"))
