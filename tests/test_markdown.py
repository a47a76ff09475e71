"""Markdown articles are read as the text a reader sees: claims carry no markup, headings
give the title, list items and table rows are sentences, front matter gives the metadata."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.errors import ExitCode
from ledger.extract import extract
from ledger.extract.markdown import markdown_to_text, read_markdown
from ledger.workflow.ingest import Overrides, Walk, _article, prepare

ARTICLE = """\
---
title: "Harbour city budget: the figures"
date: 2024-06-04
author:
  - Mira Quell
  - Tomas Brand
tags: [budget]
---

# Harbour city budget: the figures

The council passed a **$1.4 billion** budget on Monday, the
[finance office](https://example.org/finance/2024) said. Spending on `transit` is *flat*.

![Bar chart of spending by department](chart-2024.png)

## Where the money goes

- Police spending rose 6% to $320 million
- The city will open 14 new clinics
1. Ferries carry 9,000 riders a day

> "We kept 31 of our 33 promises," Mayor Ines Barlow said.

| Cost | 2023 | 2024 |
|------|------|------|
| Fire | $201M | $209M |
| Parks | $44M | $39M |

```python
budget = 77_000_000  # not a claim
```

<div class="note">Figures from the <b>finance office</b>.</div>
"""

MARKUP = ("#", "*", "](", "|", "`", "<", "```", "---")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def claims_of(ledger):
    return ledger.json("queue", "--json", "--limit", "1000")


def figures(claims) -> dict[str, dict]:
    return {c["quantity"]["surface"]: c["quantity"] for c in claims if c["quantity"]}


# ------------------------------------------------------------------ the article, end to end


def test_add_reads_a_markdown_article_as_its_words(ledger, tmp_path):
    result = ledger("add", str(write(tmp_path, "budget.md", ARTICLE)))
    assert result.exit_code == 0, result.output
    claims = claims_of(ledger)
    q = figures(claims)
    assert q["$1.4 billion"]["value"] == 1.4e9 and q["$1.4 billion"]["unit"] == "dollar"
    assert q["6%"]["unit"] == "percentage" and q["$320 million"]["value"] == 320e6
    assert q["9,000 riders a day"]["value"] == 9000
    for texts in [c["text"] for c in claims]:
        assert not any(m in texts for m in MARKUP), texts
    assert "77" not in " ".join(c["text"] for c in claims)  # the code block is not prose
    assert "example.org" not in " ".join(c["text"] for c in claims)  # a link keeps its words only
    speakers = {c["speaker"]["name"] for c in claims if c["speaker"]}
    assert "Ines Barlow" in speakers  # the quote keeps its words and its speaker


def test_a_table_row_yields_each_figure_with_its_column(ledger, tmp_path):
    ledger("add", str(write(tmp_path, "budget.md", ARTICLE)))
    rows = [c for c in claims_of(ledger) if c["text"].startswith("Fire")]
    assert {c["text"] for c in rows} == {"Fire — 2023: $201M; 2024: $209M."}
    values = sorted((c["quantity"]["value"], c["quantity"]["unit"]) for c in rows)
    assert values == [(201e6, "dollar"), (209e6, "dollar")]


def test_front_matter_gives_the_title_and_date(ledger, tmp_path):
    ledger("add", str(write(tmp_path, "budget.md", ARTICLE)))
    doc = claims_of(ledger)[0]["document"]
    assert doc["title"] == "Harbour city budget: the figures"
    assert doc["published"].startswith("2024-06-04") and doc["published_raw"] == "2024-06-04"


def test_the_command_line_title_wins_over_the_front_matter(ledger, tmp_path):
    ledger("add", "--title", "Given title", str(write(tmp_path, "budget.md", ARTICLE)))
    assert claims_of(ledger)[0]["document"]["title"] == "Given title"


def test_parallel_workers_read_markdown_the_same_way(ledger, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a.md", ARTICLE)
    write(folder, "b.markdown", "# Ferries\n\n- Ferries carry 9,500 riders a day\n")
    result = ledger("add", "--jobs", "2", str(folder))
    assert result.exit_code == 0, result.output
    texts = {c["text"] for c in claims_of(ledger)}
    assert "Fire — 2023: $201M; 2024: $209M." in texts and "Ferries carry 9,500 riders a day." in texts


def test_claim_offsets_index_the_plain_text_stored(tmp_path):
    p = prepare("budget.md", write(tmp_path, "budget.md", ARTICLE))
    assert p.doc is not None, p.outcome
    assert p.doc.text == markdown_to_text(ARTICLE)
    assert p.rows
    for row in p.rows:
        assert p.doc.text[row["start"]:row["end"]] == row["text"]
        if row["q_surface"]:
            assert p.doc.text[row["q_start"]:row["q_end"]] == row["q_surface"]


def test_markdown_is_read_by_suffix_and_folders_find_dot_markdown(tmp_path):
    write(tmp_path, "a.markdown", "# Title\n\nThe levy is **5%** now.\n")
    write(tmp_path, "b.txt", "# Title\n\nThe levy is **5%** now.\n")
    found = {i.name.rsplit("/", 1)[-1] for i in Walk([str(tmp_path)])}
    assert found == {"a.markdown", "b.txt"}
    assert _article("a.markdown", "The levy is **5%** now.\n", Overrides())[0] == "The levy is 5% now.\n"
    assert _article("A.MD", "The levy is **5%** now.\n", Overrides())[0] == "The levy is 5% now.\n"
    assert _article("b.txt", "The levy is **5%** now.\n", Overrides())[0] == "The levy is **5%** now.\n"


@pytest.mark.parametrize("seed", sorted((ROOT / "seeds").rglob("*.txt")), ids=lambda p: p.name)
def test_a_plain_text_article_named_md_reads_as_it_does_as_txt(seed):
    raw = seed.read_text(encoding="utf-8")
    as_txt, as_md = extract(raw), extract(markdown_to_text(raw))
    assert as_md.meta == as_txt.meta
    assert [(c.text, c.quantity, c.speaker and c.speaker.name) for c in as_md.claims] == [
        (c.text, c.quantity, c.speaker and c.speaker.name) for c in as_txt.claims]


# ------------------------------------------------------------------ blocks


def test_lines_of_fields_stay_lines_and_wrapped_prose_is_joined():
    md = "By Mira Quell\nPublished June 4, 2024\n\nFire: $201M\nParks: $44M\n\nBy 2030 the port will\nhave 40 ferries.\n"
    text = markdown_to_text(md)
    assert text == ("By Mira Quell\nPublished June 4, 2024\n\nFire: $201M\nParks: $44M\n\n"
                    "By 2030 the port will have 40 ferries.\n")
    doc = extract(text)
    assert doc.meta.published.date().isoformat() == "2024-06-04"
    assert [c.text for c in doc.claims] == ["Fire: $201M", "Parks: $44M", "By 2030 the port will have 40 ferries."]


def test_a_heading_is_its_own_paragraph_and_the_first_is_the_title():
    text = markdown_to_text("# Fares rise\n\nBus fares rose 8% in May.\n\n## Trams\n\nTram fares fell 2%.\n")
    assert text == "Fares rise\n\nBus fares rose 8% in May.\n\nTrams\n\nTram fares fell 2%.\n"
    doc = extract(text)
    assert doc.meta.title == "Fares rise"
    assert [c.text for c in doc.claims] == ["Bus fares rose 8% in May.", "Tram fares fell 2%."]


def test_an_opening_heading_the_reader_would_not_take_is_still_the_title():
    md = read_markdown("# Did fares rise?\n\nBus fares rose 8% in May.\n")
    assert md.title == "Did fares rise?"
    assert _article("q.md", "# Did fares rise?\n\nBus fares rose 8%.\n", Overrides())[1].title == "Did fares rise?"


def test_each_list_item_is_a_sentence_of_its_own():
    text = markdown_to_text("The changes.\n\n- Bus fares rose 8%\n- Tram fares fell 2%\n  1. Night trams fell 5%\n* Done.\n")
    assert text == "The changes.\n\nBus fares rose 8%.\n\nTram fares fell 2%.\n\nNight trams fell 5%.\n\nDone.\n"
    assert [c.text for c in extract(text).claims] == ["Bus fares rose 8%.", "Tram fares fell 2%.", "Night trams fell 5%."]


def test_a_list_at_the_top_is_not_taken_for_the_headline():
    doc = extract(markdown_to_text("- Bus fares rose 8%\n- Tram fares fell 2%\n"))
    assert doc.meta.title is None
    assert len(doc.claims) == 2


def test_a_hard_wrapped_paragraph_is_one_sentence_and_a_quote_keeps_its_words():
    text = markdown_to_text("> The port handled\n> 4.1 million tonnes, the harbour master said.\n")
    assert text == "The port handled 4.1 million tonnes, the harbour master said.\n"
    assert len(extract("Intro here.\n\n" + text).claims) == 1


def test_fenced_code_and_rules_leave_nothing():
    text = markdown_to_text("Before 3 people.\n\n```\nx = 42\n```\n\n- A list.\n\n  ~~~\n  y = 17\n  ~~~\n\n***\n\nAfter.\n")
    assert text == "Before 3 people.\n\nA list.\n\nAfter.\n"


def test_indented_prose_and_an_unclosed_fence_are_read_not_dropped():
    md = "Intro.\n\n    The port handled\n    4 ships.\n\n```\nThe rest of the article: 7 cranes.\n\nAnd 9 tugs.\n"
    assert markdown_to_text(md) == "Intro.\n\nThe port handled 4 ships.\n\nThe rest of the article: 7 cranes.\n\nAnd 9 tugs.\n"


def test_markdown_nested_too_deep_is_refused_by_name_and_the_batch_goes_on(ledger, tmp_path):
    deep = write(tmp_path, "deep.md", "Top 3 ships.\n\n" + "> " * 120 + "Deep 4 ships.\n")
    fine = write(tmp_path, "fine.md", "The port handled 5 ships.\n")
    result = ledger("add", str(deep), str(fine))
    assert result.exit_code == ExitCode.INPUT
    assert "deep.md" in result.stderr and "nested more than 98 deep" in result.stderr
    assert [c["quantity"]["value"] for c in claims_of(ledger)] == [5]


def test_inline_markup_is_reduced_to_words():
    md = ("A **bold** and _soft_ ~~old~~ `code` claim with [a link](https://x.example/9) and "
          "![a chart](c.png), <span>raw</span> &amp; <https://y.example/path> too.\n")
    assert markdown_to_text(md) == (
        "A bold and soft old code claim with a link and a chart, raw & https://y.example/path too.\n")


def test_a_paragraph_of_images_only_is_dropped_and_raw_html_blocks_give_their_text():
    md = ("![Photo of the harbour](h.jpg)\n\n<div><p>Note: <b>12</b> ships.</p><script>var n = 99;</script></div>\n\n"
          "<!-- a comment -->\n\n<table><tr><td>Fire</td><td>$201M</td></tr></table>\n\nEnd.\n")
    assert markdown_to_text(md) == "Note: 12 ships.\n\nFire $201M\n\nEnd.\n"


def test_a_footnote_mark_is_no_figure_and_the_footnote_is_a_paragraph_at_the_end():
    text = markdown_to_text("Fares rose 8%[^1] in May.\n\n[^1]: Transit board, 2024 report.\n\nAfter.\n")
    assert text == "Fares rose 8% in May.\n\nAfter.\n\nTransit board, 2024 report.\n"
    assert [c.quantity.surface for c in extract("Intro here.\n\n" + text).claims] == ["8%"]


# ------------------------------------------------------------------ tables


def test_table_rows_name_their_columns():
    md = "| Cost | 2023 | 2024 |\n|---|---|---|\n| Fire | $201M | $209M |\n| Parks | | $39M |\n| Docks |\n"
    assert markdown_to_text(md) == "Fire — 2023: $201M; 2024: $209M.\n\nParks — 2024: $39M.\n\nDocks.\n"


def test_a_table_with_empty_headers_keeps_its_values():
    md = "| | |\n|---|---|\n| Staff | 1,200 |\n"
    assert markdown_to_text(md) == "Staff — 1,200.\n"
    assert [c.quantity.value for c in extract("Intro here.\n\nStaff: 1,200 officers.\n").claims] == [1200]


def test_a_table_of_header_only_is_its_words():
    assert markdown_to_text("| Cost | Year |\n|---|---|\n") == "Cost; Year.\n"


# ------------------------------------------------------------------ front matter


def test_yaml_front_matter_fields():
    md = read_markdown("---\ntitle: 'Ports: a review'\ndate: \"2024-03-05 10:00 +0100\"\nauthors: [A Lee, B Roy]\n"
                       "draft: false\nsummary: >\n  two lines\n  here\n---\nBody 5 ships.\n")
    assert (md.title, md.published, md.author) == ("Ports: a review", "2024-03-05 10:00 +0100", "A Lee, B Roy")
    assert md.text == "Body 5 ships.\n"


def test_toml_front_matter_fields():
    md = read_markdown('+++\ntitle = "Docks"\ndate = 2024-03-05T10:00:00Z\nauthor = "C Diaz"\n[params]\nx = 1\n+++\n'
                       "Body.\n")
    assert (md.title, md.published, md.author, md.text) == ("Docks", "2024-03-05T10:00:00Z", "C Diaz", "Body.\n")


def test_a_rule_at_the_top_followed_by_prose_is_not_front_matter():
    md = read_markdown("---\nThe port handled 4 ships.\n---\nMore.\n")
    assert md.title is None
    assert "The port handled 4 ships." in md.text and "More." in md.text
    unclosed = read_markdown("---\ntitle: Docks\n\nBody.\n")
    assert "Body." in unclosed.text and unclosed.title is None


def test_a_front_matter_date_that_is_not_a_date_is_ignored():
    text, given = _article("x.md", "---\ndate: someday soon\n---\nPublished March 5, 2024\n\nBody 5 ships.\n",
                           Overrides())
    assert given.published is None
    assert extract(text).meta.published.date().isoformat() == "2024-03-05"  # the text's own dateline still reads


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("#*_`[]()!<>|-:=+ \n\tab1$%.>\\"), max_size=90))  # too short to nest 98 deep
def test_any_text_reads_without_error_into_clean_paragraphs(md):
    text = markdown_to_text(md)
    assert "\n\n\n" not in text
    assert all(p.strip() == p and p for p in text.rstrip("\n").split("\n\n")) or text == ""
