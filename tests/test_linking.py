"""Linking figures across documents as they are stored: the same links, groups and scores
however the documents were batched, scores that follow a growing group, and candidate
reads that stay bounded."""
from __future__ import annotations

import pytest

from sqlalchemy import select

from conftest import Ledger
from ledger.extract.types import Claim, DocumentMeta, ExtractedDocument, Quantity
from ledger.storage import repo
from ledger.storage.db import open_ledger, session_scope
from ledger.storage.models import Claim as ClaimRow, ClaimLink
from ledger.workflow import ingest

TOWNS = ["Riverton", "Millbrook", "Ashford"]


def write_articles(folder) -> None:
    """Stories from three towns over three days: repeated figures, disagreeing ones and
    rising tolls, so that every kind of link is made, within and across batches."""
    folder.mkdir()
    n = 0
    for day in (1, 2, 3):
        for t, town in enumerate(TOWNS):
            for outlet in ("Herald", "Planet"):
                homes = 1200 + 100 * t if outlet == "Herald" else 1200 + 100 * t + (300 if day == 2 else 0)
                dead = 10 + t + 3 * day
                (folder / f"{n:02}-{town}-{outlet}.txt").write_text(
                    f"TITLE: {town} storm\nOUTLET: {outlet}\nPUBLISHED: March {day}, 2024\n\n"
                    f"About {homes:,} homes were flooded in {town} when the storm hit, county officials said.\n\n"
                    f"The storm killed {dead} people in {town}, police said on day {day}.\n", encoding="utf-8")
                n += 1


def ledger_state(url: str):
    with session_scope(open_ledger(url)) as s:
        claims = s.execute(select(ClaimRow.id, ClaimRow.group_id, ClaimRow.worthiness).order_by(ClaimRow.id)).all()
        links = s.execute(
            select(ClaimLink.claim_id, ClaimLink.other_id, ClaimLink.kind).order_by(ClaimLink.id)).all()
    return [tuple(c) for c in claims], [tuple(link) for link in links]


def test_links_groups_and_scores_do_not_depend_on_the_batching(tmp_path):
    write_articles(tmp_path / "in")
    inputs = list(ingest.expand_inputs([str(tmp_path / "in")]))
    states = []
    for size in (1, 4, 100):
        url = f"sqlite:///{tmp_path / f'b{size}.db'}"
        outcomes = list(ingest.add_inputs(open_ledger(url), inputs, batch_size=size))
        assert [o.status for o in outcomes] == ["added"] * 18
        states.append(ledger_state(url))
    claims, links = states[0]
    assert {kind for _, _, kind in links} == {"same", "conflict", "update"}
    assert states[1] == states[0] and states[2] == states[0]


def test_every_appearance_of_a_claim_scores_the_same(tmp_path, db_url):
    ledger = Ledger(db_url)
    for i, outlet in enumerate(("Herald", "Planet", "Gazette")):
        article = tmp_path / f"{i}.txt"
        article.write_text(f"TITLE: Storm\nOUTLET: {outlet}\nPUBLISHED: March 1, 2024\n\n"
                           "About 1,200 homes were flooded in Riverton, county officials said.\n")
        assert ledger("add", str(article)).exit_code == 0  # one document per command
    claims = [c for c in ledger.json("export", "--format", "json") if c["quantity"]]
    assert [c["appearances"] for c in claims] == [3, 3, 3]
    assert len({c["worthiness"] for c in claims}) == 1  # the first one gained from the third too


def test_nearest_figures_reads_a_few_on_each_side_in_value_then_id_order(db_url):
    engine = open_ledger(db_url)
    for i, value in enumerate([100, 104, 104, 106, 108, 110, 111, 112, 115, 130, 90, 96, 99]):
        text = f"Officials said {value} homes were flooded in ward {i}."
        q = Quantity(f"{value} homes", 15, 15 + len(str(value)) + 6, float(value), unit="home")
        ingest.store_extracted(engine, doc=ExtractedDocument(text, DocumentMeta(title=str(i)), [
            Claim(0, len(text), text, quantity=q, sentence_start=0, sentence_end=len(text))]), source=str(i))
    with session_scope(engine) as s:
        ids = dict(s.execute(select(ClaimRow.id, ClaimRow.q_value).order_by(ClaimRow.id)).all())
        probe = repo.Probe("home", 104.0, 95.0, 112.0)
        bare = repo.Probe(None, 104.0, 95.0, 112.0)
        found = repo.nearest_figures(s, probes=[probe, bare, probe], each_side=3)
    above, below = found[probe]
    assert [v for v, _, _ in above] == [104, 104, 106]
    assert [c for _, c, _ in above][:2] == sorted(c for c, v in ids.items() if v == 104)  # ties: by id
    assert all(ids[c] == v for v, c, _ in above + below)
    assert [v for v, _, _ in below] == [100, 99, 96]
    assert found[bare] == ([], [])


def test_figures_stored_before_their_words_were_still_find_their_partners(tmp_path, db_url):
    """Claims from before revision 0007 have no stored matching words: they are worked
    out when read, and a new appearance still joins the old claim's group."""
    from sqlalchemy import update

    ledger = Ledger(db_url)
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    for path, outlet in ((first, "Herald"), (second, "Planet")):
        path.write_text(f"TITLE: Storm\nOUTLET: {outlet}\nPUBLISHED: March 1, 2024\n\n"
                        "About 1,200 homes were flooded in Riverton, county officials said.\n")
    assert ledger("add", str(first)).exit_code == 0
    with session_scope(open_ledger(db_url)) as s:
        stored = s.execute(select(ClaimRow.q_signature, ClaimRow.q_topic)).one()
        assert "flood" in stored.q_signature.split() and "riverton" in stored.q_topic.split()
        s.execute(update(ClaimRow).values(q_signature=None, q_topic=None))
    assert ledger("add", str(second)).exit_code == 0
    claims = [c for c in ledger.json("export", "--format", "json") if c["quantity"]]
    assert [c["appearances"] for c in claims] == [2, 2]


def test_two_figures_of_one_document_that_disagree_are_a_conflict(ledger, tmp_path):
    article = tmp_path / "storm.txt"
    article.write_text("Riverton storm\n\nThe storm flooded 1,200 homes in Riverton on Thursday, county officials said."
                       "\n\nLater on Friday, Mayor Tom Reyes said 900 homes were flooded in Riverton.\n")
    assert ledger("add", str(article)).exit_code == 0
    [pair] = ledger.json("conflicts", "--json")
    assert (pair["kind"], {pair["claim"]["value"], pair["other"]["value"]}) == ("conflict", {1200.0, 900.0})


@pytest.mark.parametrize("body", [
    "Officials said 41,000 troops were at the border and 42,000 more in the south.",  # one sentence: two things
    "The city hired 40 teachers in May.\n\nThe city hired 45 nurses in June.",  # different things counted
    "The toll rose to 12 people on Monday.\n\nBy Tuesday the toll had risen to 19 people.",  # a series
    "At least 30 homes were flooded.\n\nIn all, 42 homes were flooded.",  # a bound the other satisfies
])
def test_figures_of_one_document_that_do_not_contradict_are_not_linked(ledger, tmp_path, body):
    article = tmp_path / "a.txt"
    article.write_text(f"A story\n\n{body}\n")
    assert ledger("add", str(article)).exit_code == 0
    assert ledger.json("conflicts", "--json") == []
