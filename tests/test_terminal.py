"""Terminal output is inert: text from documents, names and the database is shown as text.

Every command that draws for a person (queue, show, review, conflicts, speakers, stats)
is run on a ledger full of hostile text: rich markup (``[/]`` used to crash them with
MarkupError), a planted ``[link=file:///etc/passwd]``, ``:smile:`` emoji codes, an ANSI
clear-screen, an OSC 0 window title, an OSC 8 hyperlink, the 8-bit CSI ``\\x9b``, a
right-to-left override and a newline in a speaker's name. The output must contain none
of those characters raw, show the markup literally and the controls as visible escapes,
and ``--json`` must still give back the stored text exactly.

The hostile text arrives both through ``add`` (article headers and bodies, ``--claim``)
and as a direct edit of the database, so these tests hold whatever ``add`` accepts.
"""
from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text

from conftest import Ledger

MARKUP = ("[/]", "[link=file:///etc/passwd]x[/link]", "[bold]", ":smile:")
CLEAR = "\x1b[2J"
TITLE = "\x1b]0;pwned\x07"
OSC8 = "\x1b]8;;http://evil/\x1b\\click\x1b]8;;\x1b\\"
HOSTILE = " ".join((*MARKUP, CLEAR, TITLE, OSC8, "\x9b31m", "\u202eevil"))
SPEAKER = f"Bob {HOSTILE}\nEve"  # a newline must not start a line of its own
RAW = ("\x1b", "\x9b", "\u202e", "\x07")
SHOWN = (
    *MARKUP,
    "\\x1b[2J",
    "\\x1b]0;pwned\\x07",
    "\\x1b]8;;http://evil/\\x1b\\click\\x1b]8;;\\x1b\\",
    "\\x9b31m",
    "\\u202eevil",
)
WIDE = {"COLUMNS": "500"}  # wide enough that no escape is folded across two lines of a cell


def assert_inert(result, *also: str) -> None:
    assert result.exit_code == 0, result.output
    out = result.output
    for raw in RAW:
        assert raw not in out, f"raw {raw!r} reached the terminal"
    for shown in (*SHOWN, *also):
        assert shown in out, f"{shown!r} not shown literally"


ARTICLE_A = f"""TITLE: Storm {HOSTILE}
OUTLET: Herald {HOSTILE}
URL: https://example.org/a
PUBLISHED: March 1, 2024

A storm that swept through Riverton on Thursday flooded 1,200 homes, county officials said {HOSTILE}.

The storm killed 14 people, police chief Maria Alvarez told reporters on Friday.
"""
ARTICLE_B = f"""TITLE: Other {HOSTILE}
OUTLET: Planet {HOSTILE}
URL: https://example.org/b
PUBLISHED: March 1, 2024

Mayor Tom Reyes said 900 homes had been flooded in Riverton {HOSTILE}, far fewer than first feared.
"""


def db_edit(url: str, sql: str, **params) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(sql), params)
    engine.dispose()


@pytest.fixture
def hostile(ledger, db_url, tmp_path):
    """Two articles with conflicting figures and a hand-typed claim by Bob, all hostile."""
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    result = ledger("add", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert result.exit_code == 0, result.output
    result = ledger("add", "--claim", f"Police said 5 people died {HOSTILE}", "--speaker", "Bob",
                    "--url", "https://example.org/c")
    assert result.exit_code == 0, result.output
    # What add may clean on the way in, a database edit can still put there.
    db_edit(db_url, "UPDATE speakers SET name = :v, role = :r WHERE name = 'Bob'", v=SPEAKER, r=f"Chief {HOSTILE}")
    db_edit(db_url, "UPDATE documents SET outlet = :v, title = :t, url = :u, flags = :f",
            v=f"Herald {HOSTILE}", t=f"Storm {HOSTILE}\nFake line", u=f"https://example.org/{HOSTILE}",
            f=json.dumps([f"flag {HOSTILE}"]))
    db_edit(db_url, "UPDATE claims SET cue = :v WHERE cue IS NOT NULL", v=f"said {HOSTILE}")
    return ledger


def bob(ledger) -> int:
    return next(c["id"] for c in ledger.json("queue", "--json") if c["speaker"] and c["speaker"]["name"] == SPEAKER)


def test_queue_shows_hostile_text_as_text(hostile):
    assert_inert(hostile("queue", env=WIDE), "\\nEve")


def test_queue_still_renders_in_a_narrow_terminal(hostile):
    result = hostile("queue", env={"COLUMNS": "40"})
    assert result.exit_code == 0, result.output
    assert not any(raw in result.output for raw in RAW)
    assert "[/]" in result.output


def test_show_shows_hostile_text_as_text_with_single_line_fields(hostile, db_url):
    cid = bob(hostile)
    result = hostile("mark", str(cid), "--status", "disputed", "--note", "plain", "--reviewer", "amy")
    assert result.exit_code == 0, result.output
    db_edit(db_url, "UPDATE reviews SET note = :n, reviewer = :r, evidence_url = :e",
            n=f"note {HOSTILE}\nClaim 99  [verified]", r=f"amy {HOSTILE}", e=f"https://e.org/{HOSTILE}")
    db_edit(db_url, "UPDATE claims SET status = :s WHERE id = :i", s=f"disputed{CLEAR}", i=cid)
    result = hostile("show", str(cid), env=WIDE)
    assert_inert(result, "\\nEve", "\\nFake line", "\\nClaim 99  [verified]", "disputed\\x1b[2J")
    lines = result.output.splitlines()
    assert not any(line.startswith(("Eve", "Fake line", "Claim 99")) for line in lines)


def test_show_keeps_the_paragraphs_of_a_document(ledger, tmp_path):
    doc = tmp_path / "p.txt"
    doc.write_text(f"First paragraph {HOSTILE}.\n\nThe mayor said 900 homes\nwere flooded {CLEAR}.\n\nLast.\n")
    assert ledger("add", str(doc)).exit_code == 0
    cid = next(c["id"] for c in ledger.json("queue", "--json") if c["quantity"])
    result = ledger("show", str(cid), env=WIDE)
    assert result.exit_code == 0, result.output
    assert "The mayor said 900 homes\nwere flooded \\x1b[2J." in result.output
    assert "\x1b" not in result.output


def test_review_shows_hostile_text_as_text(hostile):
    assert_inert(hostile("review", "--speaker", "Bob", input="v\n\n\n", env=WIDE), "\\nEve")
    assert_inert(hostile("review", input="q\n", env=WIDE))


def test_conflicts_shows_hostile_text_as_text(hostile):
    assert_inert(hostile("conflicts", env=WIDE))


def test_speakers_shows_hostile_text_as_text(hostile):
    assert_inert(hostile("speakers", env=WIDE), "\\nEve")


def test_stats_shows_hostile_text_as_text(hostile):
    assert_inert(hostile("stats", env=WIDE), "\\nEve")


def test_stats_shows_a_hostile_database_file_name_as_text(tmp_path):
    name = "led[/]ger [bold]\x1b]0;pwned\x07\u202e.db"
    from ledger.storage.db import open_ledger

    open_ledger(f"sqlite:///{tmp_path / name}").dispose()
    result = Ledger(f"sqlite:///{tmp_path / name}")("stats", env=WIDE)
    assert result.exit_code == 0, result.output
    assert "led[/]ger [bold]\\x1b]0;pwned\\x07\\u202e.db" in result.output
    assert not any(raw in result.output for raw in RAW)


def test_the_quantity_and_speaker_stay_highlighted_on_their_own_words(ledger, tmp_path):
    """Escapes make the shown text longer than the stored one; the styles must follow."""
    from ledger.cli import _highlighted
    from ledger.storage.db import open_ledger, session_scope
    from ledger.workflow.review import claim_view

    doc = tmp_path / "h.txt"
    doc.write_text(f"Mayor {CLEAR}Tom Reyes said {OSC8} that \u202e900 homes were flooded.\n")
    assert ledger("add", str(doc)).exit_code == 0
    claims = {c["quantity"]["surface"]: c["id"] for c in ledger.json("queue", "--json") if c["quantity"]}
    engine = open_ledger(ledger.url)
    try:
        for surface, cid in claims.items():
            with session_scope(engine) as session:
                view = claim_view(session, claim_id=cid)
                shown = _highlighted(view, start=view.claim.start, end=view.claim.end)
            styled = {str(s.style): shown.plain[s.start:s.end] for s in shown.spans}
            # the escape is masked for extraction, so the mention runs across it, shown escaped
            assert styled == {"bold yellow": surface, "bold cyan": "Mayor \\x1b[2JTom Reyes"}
            assert shown.plain.startswith("Mayor \\x1b[2JTom Reyes said \\x1b]8;;http://evil/\\x1b\\click")
            assert "that \\u202e900 homes were flooded." in shown.plain
    finally:
        engine.dispose()
    assert "900 homes" in claims


def test_json_keeps_the_exact_stored_text_and_stays_inert(hostile):
    cid = bob(hostile)
    outputs = {}
    for args in (("queue", "--json"), ("show", str(cid), "--json"), ("speakers", "--json"),
                 ("conflicts", "--json"), ("stats", "--json")):
        result = hostile(*args)
        assert result.exit_code == 0, result.output
        assert not any(raw in result.output for raw in RAW), args
        outputs[args[0]] = json.loads(result.stdout)
    shown = outputs["show"]
    assert shown["speaker"]["name"] == SPEAKER
    assert shown["speaker"]["role"] == f"Chief {HOSTILE}"
    assert shown["text"] == f"Police said 5 people died {HOSTILE}"
    assert shown["document"]["outlet"] == f"Herald {HOSTILE}"
    assert shown["document"]["title"] == f"Storm {HOSTILE}\nFake line"
    assert shown["document"]["flags"] == [f"flag {HOSTILE}"]
    assert any(c["speaker"] and c["speaker"]["name"] == SPEAKER for c in outputs["queue"])
    assert {r["speaker"] for r in outputs["speakers"]} >= {SPEAKER}
    assert f"Herald {HOSTILE}" in outputs["stats"]["by_outlet"]
    assert SPEAKER in outputs["stats"]["by_speaker"]
    assert any(HOSTILE in p["claim"]["text"] or HOSTILE in p["other"]["text"] for p in outputs["conflicts"])


def test_extract_json_keeps_the_exact_text_and_stays_inert(ledger, tmp_path):
    doc = tmp_path / "e.txt"
    doc.write_text(f"OUTLET: Herald {HOSTILE}\n\nThe mayor said 900 homes were flooded {HOSTILE}.\n")
    result = ledger("extract", str(doc))
    assert result.exit_code == 0, result.output
    assert not any(raw in result.output for raw in RAW)
    out = json.loads(result.stdout)
    assert out["outlet"] == f"Herald {HOSTILE}"
    assert HOSTILE in out["claims"][0]["text"]


def test_the_console_interprets_nothing_it_is_given():
    """The second belt: even a plain string printed by mistake is not markup or emoji."""
    from ledger.cli import _console

    console = _console()
    with console.capture() as captured:
        console.print("[bold]x[/] [link=file:///etc/passwd]y[/link] :smile: [/]")
    assert captured.get() == "[bold]x[/] [link=file:///etc/passwd]y[/link] :smile: [/]\n"
