"""Several reviewers on one ledger: no verdict lost, no claim shown to two at once,
nothing half-written after a crash. Runs on SQLite, and on PostgreSQL when configured."""
from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, text
from sqlmodel import select

from ledger.extract.types import Claim, DocumentMeta, ExtractedDocument, Quantity
from ledger.storage.db import open_ledger, session_scope
from ledger.storage.models import Claim as ClaimRow, Lease, Review
from ledger.workflow.ingest import store_extracted
from ledger.workflow.review import release, take_next, verdict

CTX = multiprocessing.get_context("fork")


def make_claims(engine, n: int, tag: str = "") -> list[int]:
    parts, claims, at = [], [], 0
    for i in range(n):
        sentence = f"Officials {tag}said {i + 10} homes were flooded."
        q0 = at + sentence.index(str(i + 10))
        claims.append(Claim(at, at + len(sentence), sentence,
                            quantity=Quantity(f"{i + 10} homes", q0, q0 + len(f"{i + 10} homes"), float(i + 10)),
                            sentence_start=at, sentence_end=at + len(sentence)))
        parts.append(sentence)
        at += len(sentence) + 1
    store_extracted(engine, doc=ExtractedDocument(" ".join(parts), DocumentMeta(title=tag or "t"), claims), source=tag)
    with session_scope(engine) as s:
        return list(s.exec(select(ClaimRow.id).order_by(ClaimRow.id)).all())[-n:]


# ------------------------------------------------------------------ verdicts


def _storm(url: str, ids: list[int], n: int, seed: int, out) -> None:
    engine = open_ledger(url)
    rng = random.Random(seed)
    errors = []
    for _ in range(n):
        try:
            verdict(engine, claim_id=rng.choice(ids), verdict=rng.choice(["verified", "disputed", "unverified"]),
                    reviewer=f"reviewer-{seed}", note=f"n{rng.random()}")
        except Exception as exc:  # the test fails on any
            errors.append(f"{type(exc).__name__}: {exc}")
    out.put(errors)
    engine.dispose()


def test_four_reviewers_a_thousand_verdicts_none_lost(db_url):
    engine = open_ledger(db_url)
    ids = make_claims(engine, 100)
    engine.dispose()
    out = CTX.Queue()
    procs = [CTX.Process(target=_storm, args=(db_url, ids, 250, seed, out)) for seed in range(4)]
    for p in procs:
        p.start()
    errors = [e for _ in procs for e in out.get(timeout=300)]
    for p in procs:
        p.join(timeout=60)
    assert errors == []
    engine = open_ledger(db_url)
    with session_scope(engine) as s:
        assert s.exec(select(func.count()).select_from(Review)).one() == 1000
        latest = {}
        for r in s.exec(select(Review).order_by(Review.id)):
            latest[r.claim_id] = r
        for claim in s.exec(select(ClaimRow).where(ClaimRow.id.in_(ids))):
            if claim.id in latest:
                assert claim.status == latest[claim.id].verdict
            else:
                assert claim.status == "pending"
        from ledger.storage import chain as hash_chain

        assert hash_chain.verify(s)[2] is None  # the hash chain survived concurrent writers
        # each review's previous_status is the verdict before it: the history is a chain
        chain = {}
        for r in s.exec(select(Review).order_by(Review.id)):
            assert r.previous_status == chain.get(r.claim_id, "pending")
            chain[r.claim_id] = r.verdict


# ------------------------------------------------------------------ leases


def _take(url: str, reviewer: str, barrier, out) -> None:
    engine = open_ledger(url)
    barrier.wait()
    view = take_next(engine, reviewer=reviewer)
    out.put((reviewer, view.id if view else None))
    engine.dispose()


def test_two_reviewers_asking_at_once_get_different_claims(db_url):
    engine = open_ledger(db_url)
    make_claims(engine, 12)
    for round_ in range(5):
        barrier = CTX.Barrier(2)
        out = CTX.Queue()
        procs = [CTX.Process(target=_take, args=(db_url, f"r{round_}{who}", barrier, out)) for who in "ab"]
        for p in procs:
            p.start()
        got = dict(out.get(timeout=60) for _ in procs)
        for p in procs:
            p.join(timeout=30)
        a, b = got.values()
        assert a is not None and b is not None and a != b


def test_a_lease_ends_on_verdict_or_skip_and_lapses_when_the_reviewer_vanishes(db_url):
    engine = open_ledger(db_url)
    first, second, third = make_claims(engine, 3)
    shown = take_next(engine, reviewer="ana")
    assert shown.id == first
    assert take_next(engine, reviewer="ben").id == second  # ana holds the first
    verdict(engine, claim_id=first, verdict="verified", reviewer="ana")
    with session_scope(engine) as s:
        assert s.get(Lease, first) is None
    release(engine, claim_id=second, reviewer="ben")  # ben skips
    assert take_next(engine, reviewer="cyd").id == second
    gone = take_next(engine, reviewer="dan", minutes=0.02)  # dan walks away (a 1.2 s lease)
    assert gone.id == third
    assert take_next(engine, reviewer="eve") is None  # everything is held
    time.sleep(1.5)
    assert take_next(engine, reviewer="eve").id == third  # dan's lease lapsed


def test_review_says_when_a_claim_changed_while_it_was_shown(ledger, monkeypatch):
    import ledger.cli as cli
    from conftest import SEED

    ledger("add", str(SEED))
    engine = open_ledger(ledger.url)

    def someone_else_marks_it_first():
        with session_scope(engine) as s:
            lease = s.exec(select(Lease)).one()
        verdict(engine, claim_id=lease.claim_id, verdict="disputed", reviewer="ben")
        return "verified"

    monkeypatch.setattr(cli, "_ask_action", someone_else_marks_it_first)
    result = ledger("review", "--reviewer", "ana", input="\n\n")
    claim_id = int(result.stdout.split("Claim ")[2].split(":")[0]) if "Claim " in result.stdout else None
    assert "changed to disputed while you were reviewing it; your verdict was still recorded." in result.stderr
    reviews = ledger.json("show", str(claim_id or 1), "--json")["reviews"]
    assert [(r["reviewer"], r["verdict"]) for r in reviews][:2] == [("ben", "disputed"), ("ana", "verified")]


# ------------------------------------------------------------------ crash


def test_sigkill_halfway_through_add_leaves_a_consistent_ledger(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(200):
        body = " ".join(f"The agency said {i * 100 + j} families in district {j} were moved." for j in range(40))
        (inbox / f"a{i:03}.txt").write_text(f"Story {i}\n\n{body}\n")
    db = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "ledger", "--db", str(db), "add", str(inbox)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 5:
            break
    assert proc.poll() is None, "the add finished before it could be killed; make the batch bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute(
            "SELECT count(*) FROM claims c LEFT JOIN documents d ON d.id = c.document_id WHERE d.id IS NULL"
        ).fetchone()[0] == 0
        before = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        empty = conn.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.document_id = d.id)"
        ).fetchone()[0]
    assert 5 <= before < 200 and empty == 0
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"Added {200 - before} documents" in again.stdout
    assert f"({before} already in the ledger" in again.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(DISTINCT content_hash) FROM documents").fetchone()[0] == 200
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 200


# ------------------------------------------------------------------ parallel add


def _strip_times(obj):
    if isinstance(obj, dict):
        return {k: _strip_times(v) for k, v in obj.items() if k not in ("created_at", "added_at", "read_at")}
    if isinstance(obj, list):
        return [_strip_times(v) for v in obj]
    return obj


def test_add_with_jobs_gives_the_same_ledger_and_output_as_one_job(db_url, tmp_path):
    from conftest import SEED, Ledger

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "seed.txt").write_text(SEED.read_text())
    for i in range(30):
        (inbox / f"n{i:02}.txt").write_text(
            f"Story {i}\n\nThe agency said {i * 7 + 3} families were moved on Tuesday. "
            f"\"We need {i + 2} more buses,\" the mayor told reporters.\n")
    (inbox / "dup.txt").write_text((inbox / "n03.txt").read_text())
    (inbox / "empty.txt").write_text("\n")
    one = Ledger(f"sqlite:///{tmp_path / 'one.db'}")
    two = Ledger(db_url)
    r1 = one("add", str(inbox), "--jobs", "1")
    r2 = two("add", str(inbox), "--jobs", "2")
    assert r1.exit_code == r2.exit_code == 1  # the empty file was skipped
    assert r1.stdout == r2.stdout
    assert r1.stderr == r2.stderr
    assert "Added 31 documents" in r1.stdout and "1 already in the ledger, 1 skipped" in r1.stdout
    assert _strip_times(one.json("export", "--format", "json")) == _strip_times(two.json("export", "--format", "json"))


def test_postgresql_leases_with_skip_locked(pg_url):
    """On PostgreSQL the next claim is picked FOR UPDATE SKIP LOCKED: a row another
    reviewer's transaction holds is passed over, not waited for."""
    from sqlalchemy import event

    engine = open_ledger(pg_url)
    make_claims(engine, 2)
    seen = []
    event.listen(engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    holder = engine.connect()
    tx = holder.begin()
    first = holder.execute(text("SELECT id FROM claims ORDER BY id LIMIT 1 FOR UPDATE")).scalar()
    got = take_next(engine, reviewer="ana")
    tx.rollback()
    holder.close()
    assert got is not None and got.id != first
    assert any("FOR UPDATE" in s and "SKIP LOCKED" in s for s in seen)


# ------------------------------------------------------------------ first use of a new ledger


def _open_at_once(url: str, barrier, out) -> None:
    try:
        barrier.wait()
        engine = open_ledger(url)
        engine.dispose()
        out.put(None)
    except Exception as exc:  # the test fails on any
        out.put(f"{type(exc).__name__}: {exc}")


def _schema_rows(url: str) -> tuple[str | None, int]:
    from ledger.storage.db import create_ledger_engine, current_revision

    engine = create_ledger_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT count(*) FROM alembic_version")).scalar()
        return current_revision(engine), rows
    finally:
        engine.dispose()


def test_eight_processes_opening_a_new_ledger_at_once_all_succeed(db_url):
    from ledger.storage.db import head_revision

    barrier = CTX.Barrier(8)
    out = CTX.Queue()
    procs = [CTX.Process(target=_open_at_once, args=(db_url, barrier, out)) for _ in range(8)]
    for p in procs:
        p.start()
    errors = [e for e in (out.get(timeout=180) for _ in procs) if e]
    for p in procs:
        p.join(timeout=60)
    assert errors == []
    assert _schema_rows(db_url) == (head_revision(), 1)


def test_eight_adds_on_an_empty_ledger_at_once_all_go_in(db_url, tmp_path):
    from conftest import Ledger
    from ledger.storage.db import head_revision

    files = []
    for i in range(8):
        path = tmp_path / f"a{i}.txt"
        path.write_text(f"Story {i}\n\nThe agency said {i * 7 + 3} families were moved on Tuesday.\n")
        files.append(path)
    procs = [subprocess.Popen([sys.executable, "-m", "ledger", "--db", db_url, "add", str(f)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    results = [(p.wait(timeout=300), *p.communicate()) for p in procs]
    assert [(rc, err) for rc, _, err in results] == [(0, "")] * 8
    assert _schema_rows(db_url) == (head_revision(), 1)
    assert Ledger(db_url).json("stats", "--json")["documents"] == 8


# ------------------------------------------------------------------ leases belong to a review session


def test_two_review_sessions_of_one_reviewer_asking_at_once_get_different_claims(db_url):
    engine = open_ledger(db_url)
    make_claims(engine, 12)
    engine.dispose()
    for _ in range(4):
        barrier = CTX.Barrier(2)
        out = CTX.Queue()
        procs = [CTX.Process(target=_take, args=(db_url, "ana", barrier, out)) for _ in range(2)]
        for p in procs:
            p.start()
        got = [out.get(timeout=60) for _ in procs]
        for p in procs:
            p.join(timeout=30)
        (_, a), (_, b) = got
        assert a is not None and b is not None and a != b


def test_a_review_session_can_take_its_own_lease_again_but_not_another_sessions(db_url):
    from ledger.workflow.review import new_holder

    engine = open_ledger(db_url)
    first, second = make_claims(engine, 2)
    mine, other = new_holder(), new_holder()
    assert take_next(engine, reviewer="ana", holder=mine).id == first
    assert take_next(engine, reviewer="ana", holder=mine).id == first  # the same session: its own lease
    assert take_next(engine, reviewer="ana", holder=other).id == second  # the same name, another session
    assert take_next(engine, reviewer="ben", holder=new_holder()) is None
    release(engine, claim_id=first, holder=other)  # not other's lease: nothing happens
    assert take_next(engine, reviewer="ben", holder=new_holder()) is None
    release(engine, claim_id=first, holder=mine)
    assert take_next(engine, reviewer="ben", holder=new_holder()).id == first


def _until(proc, marker: str, timeout: float = 60) -> str:
    """What ``proc`` wrote to stdout up to and including ``marker``."""
    import selectors

    seen = ""
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        while marker not in seen:
            assert time.monotonic() < deadline, f"no {marker!r} in {seen!r}"
            if sel.select(timeout=1):
                chunk = os.read(proc.stdout.fileno(), 65536).decode()
                assert chunk, f"the process ended before {marker!r}: {seen!r}"
                seen += chunk
    return seen


def test_two_terminals_of_one_reviewer_are_shown_different_claims(db_url):
    from conftest import SEED

    cmd = [sys.executable, "-m", "ledger", "--db", db_url]
    assert subprocess.run([*cmd, "add", str(SEED)], capture_output=True, timeout=120).returncode == 0
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}
    terminals = [subprocess.Popen([*cmd, "review", "--reviewer", "ana"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(2)]
    try:
        shown = [_until(t, "[q]uit") for t in terminals]
        ids = [int(s.split("Claim ", 1)[1].split()[0]) for s in shown]
        assert ids[0] != ids[1]
    finally:
        for t in terminals:
            if t.poll() is None:
                t.communicate(b"q\n", timeout=60)
    assert [t.returncode for t in terminals] == [0, 0]
