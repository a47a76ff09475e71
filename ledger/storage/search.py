"""Full-text search over claims: SQLite FTS5 ranked by bm25, PostgreSQL tsvector ranked by ts_rank.

The index, ``claim_search``, holds for every claim its text and its speaker's name, with
English stemming on both engines (``troops`` finds ``troop``). It is written by the same
transaction that stores the claims (:func:`index_claims`, called from
``repo.create_claims``) and built for older ledgers by migration 0012. It is not part of
the models: its shape differs by engine (an FTS5 virtual table on SQLite; a table of
``tsvector`` with a GIN index on PostgreSQL).

A search is every word of what the user typed (AND), each word taken literally: quotes,
``*``, ``-``, ``:``, ``AND``/``OR``/``NOT`` are never query syntax, so no search text is an
error. PostgreSQL also drops English stop words (``a``, ``the``, ``before``); on SQLite a
stop word must occur too.
"""
from __future__ import annotations

import re

from sqlalchemy import Float, Integer, column, text
from sqlmodel import Session

CONFIG = "english"  # PostgreSQL's text-search configuration: English stemming and stop words
SQLITE_TOKENIZER = "porter unicode61 remove_diacritics 2"
_WORD = re.compile(r"\w+", re.UNICODE)

SQLITE_DDL = f"CREATE VIRTUAL TABLE claim_search USING fts5(text, speaker, tokenize='{SQLITE_TOKENIZER}')"
PG_DDL = (
    "CREATE TABLE claim_search (claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,"
    " doc TSVECTOR NOT NULL)",
    "CREATE INDEX ix_claim_search_doc ON claim_search USING GIN (doc)",
)
_PG_DOC = f"to_tsvector('{CONFIG}', coalesce(:text, '') || ' ' || coalesce(:speaker, ''))"


def _sqlite(session_or_conn) -> bool:
    return session_or_conn.get_bind().dialect.name == "sqlite" if isinstance(session_or_conn, Session) \
        else session_or_conn.dialect.name == "sqlite"


def index_claims(session: Session, *, rows: list[tuple[int, str, str | None]]) -> None:
    """Add ``(claim_id, text, speaker name)`` rows to the index, in the caller's transaction."""
    if not rows:
        return
    params = [{"id": i, "text": t, "speaker": s} for i, t, s in rows]
    if _sqlite(session):
        statement = "INSERT INTO claim_search (rowid, text, speaker) VALUES (:id, :text, :speaker)"
    else:
        statement = f"INSERT INTO claim_search (claim_id, doc) VALUES (:id, {_PG_DOC})"
    session.connection().execute(text(statement), params)


def sqlite_query(words: str) -> str | None:
    """What the user typed as an FTS5 query: each word quoted (a literal), all required."""
    tokens = _WORD.findall(words)
    return " ".join('"' + t.replace('"', '""') + '"' for t in tokens) or None


def matches(session: Session, *, words: str, best: int | None = None):
    """A subquery of ``(claim_id, rank)`` for the claims matching ``words``, higher rank
    better (SQLite: minus bm25; PostgreSQL: ts_rank); None when ``words`` holds no word.
    ``best``: only the ``best`` best-ranked (for a first page with no other filter: the
    ranking is then all the index does, without joining every match to its claim)."""
    top = f" ORDER BY rank DESC, claim_id LIMIT {int(best)}" if best is not None else ""
    if _sqlite(session):
        query = sqlite_query(words)
        if query is None:
            return None
        sql = text("SELECT rowid AS claim_id, -bm25(claim_search) AS rank FROM claim_search"
                   " WHERE claim_search MATCH :q" + top).bindparams(q=query)
    else:
        if not _WORD.search(words):
            return None
        sql = text(f"SELECT claim_id, ts_rank(doc, plainto_tsquery('{CONFIG}', :q)) AS rank FROM claim_search"
                   f" WHERE doc @@ plainto_tsquery('{CONFIG}', :q)" + top).bindparams(q=words)
    return sql.columns(column("claim_id", Integer), column("rank", Float)).subquery("found")


def create_index(conn) -> None:
    """Build the index and fill it from the claims already stored (migration 0012)."""
    if _sqlite(conn):
        conn.execute(text(SQLITE_DDL))
        conn.execute(text("INSERT INTO claim_search (rowid, text, speaker) SELECT c.id, c.text, s.name"
                          " FROM claims c LEFT JOIN speakers s ON s.id = c.speaker_id"))
        return
    for ddl in PG_DDL:
        conn.execute(text(ddl))
    conn.execute(text(f"INSERT INTO claim_search (claim_id, doc) SELECT c.id, to_tsvector('{CONFIG}',"
                      " coalesce(c.text, '') || ' ' || coalesce(s.name, '')) FROM claims c"
                      " LEFT JOIN speakers s ON s.id = c.speaker_id"))


def drop_index(conn) -> None:
    conn.execute(text("DROP TABLE IF EXISTS claim_search"))
