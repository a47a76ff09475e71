"""Prior checks: other desks' ClaimReviews imported as references, and new claims matched
against them and against the desk's own verdicts (``ledger import claimreview``,
``references``, ``matches``, ``show``, the queue's mark)."""
from __future__ import annotations

import json

import pytest

from conftest import Ledger
from ledger.extract.claimreview import NotClaimReview, read_claimreviews


def review(claim: str, *, rating: str = "False", url: str = "https://factdesk.example/checks/1",
           author: str | None = "Maria Silva", publisher: str = "FactDesk", value=1, **extra) -> dict:
    item = {"@type": "Claim", "datePublished": "2024-02-28",
            "appearance": [{"@type": "CreativeWork", "url": "https://news.example/a"}]}
    if author:
        item["author"] = {"@type": "Person", "name": author}
    out = {"@context": "https://schema.org", "@type": "ClaimReview", "url": url, "claimReviewed": claim,
           "datePublished": "2024-03-02", "author": {"@type": "Organization", "name": publisher},
           "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
                            "alternateName": rating},
           "itemReviewed": item}
    out.update(extra)
    return out


BRIDGE = "The city spent $48 million repairing the Harbour Bridge last year, Mayor Maria Silva said."


# ------------------------------------------------------------------ reading ClaimReview


def test_reads_an_object_a_list_a_graph_and_a_pages_json_ld_blocks():
    one = review(BRIDGE)
    assert [r.claim_text for r in read_claimreviews(json.dumps(one)).references] == [BRIDGE]
    two = [one, review("Crime fell by 12 percent.", url="https://factdesk.example/checks/2")]
    assert len(read_claimreviews(json.dumps(two)).references) == 2
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "mainEntity": one}]}
    ref = read_claimreviews(json.dumps(graph)).references[0]
    assert (ref.claimant, ref.claimant_type, ref.publisher, ref.rating) == ("Maria Silva", "Person", "FactDesk", "False")
    assert (ref.rating_value, ref.best_rating, ref.worst_rating) == (1.0, 5.0, 1.0)
    assert (ref.claim_date, ref.review_date, ref.appearances) == ("2024-02-28", "2024-03-02", ("https://news.example/a",))
    page = ("<html><head><script type='application/ld+json'>{\"@type\": \"Organization\"}</script>"
            f"<script type=\"application/ld+json\">{json.dumps(one)}</script></head><body>x</body></html>")
    assert [r.claim_text for r in read_claimreviews(page).references] == [BRIDGE]


def test_reviews_that_cannot_be_used_are_named_and_the_others_kept():
    bad = [review(BRIDGE), {"@type": "ClaimReview", "reviewRating": {"alternateName": "False"}},
           review("Crime fell.", url="javascript:alert(1)"), {"@type": "ClaimReview", "claimReviewed": "No rating."}]
    read = read_claimreviews(json.dumps(bad))
    assert [r.claim_text for r in read.references] == [BRIDGE]
    assert read.problems == ["review 2: no claimReviewed (the claim's text)",
                             "review 3: its url is a javascript: URL; only http:// and https:// are allowed",
                             "review 4: no reviewRating (alternateName or ratingValue)"]


def test_appearance_urls_that_are_not_web_links_are_left_out_and_counted():
    r = review(BRIDGE)
    r["itemReviewed"]["appearance"].append({"url": "javascript:alert(1)"})
    ref = read_claimreviews(json.dumps(r)).references[0]
    assert ref.appearances == ("https://news.example/a",) and ref.urls_left_out == 1


@pytest.mark.parametrize("text, said", [
    ("this is not json", "not JSON, and not a web page with JSON-LD"),
    ('{"@type": "NewsArticle", "headline": "x"}', "no ClaimReview found"),
    ('{"@type": "ClaimReview", ', "not JSON (Expecting property name"),
    ("<html><body>no markup</body></html>", "a page with no JSON-LD"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
])
def test_input_with_no_usable_claimreview_is_refused_with_the_reason(text, said):
    with pytest.raises(NotClaimReview, match=None) as caught:
        read_claimreviews(text)
    assert said in str(caught.value)


# ------------------------------------------------------------------ import, list, re-import


def write(tmp_path, name: str, value) -> str:
    path = tmp_path / name
    path.write_text(value if isinstance(value, str) else json.dumps(value), encoding="utf-8")
    return str(path)


def test_import_lists_and_deduplicates_and_a_new_rating_updates(ledger, tmp_path):
    path = write(tmp_path, "checks.json", [review(BRIDGE)])
    result = ledger("import", "claimreview", path)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{path}: 1 reference added, 0 updated, 0 already in the ledger; 0 pending claims now match them.\n"
    again = ledger("import", "claimreview", path)
    assert "0 references added, 0 updated, 1 already in the ledger" in again.stdout
    write(tmp_path, "checks.json", [review(BRIDGE, rating="Mostly false", value=2)])
    assert "0 references added, 1 updated, 0 already" in ledger("import", "claimreview", path).stdout
    listed = ledger.json("references", "--json")
    assert [(r["claim"], r["rating"], r["rating_value"], r["claimant"], r["publisher"]) for r in listed] == [
        (BRIDGE, "Mostly false", 2.0, "Maria Silva", "FactDesk")]
    assert listed[0]["quantity"]["value"] == 48_000_000
    assert ledger.json("references", "--search", "harbour bridges", "--json")[0]["id"] == listed[0]["id"]
    assert ledger.json("references", "--search", "tunnel", "--json") == []
    csv_out = ledger("references", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("id,claim,claimant,") and len(csv_out) == 2
    assert ledger.json("queue", "--json") == []  # references are not claims to review


def test_bad_inputs_get_one_line_each_and_the_good_ones_still_go_in(ledger, tmp_path):
    good = write(tmp_path, "good.json", review(BRIDGE))
    not_json = write(tmp_path, "notes.txt", "just some notes")
    partly = write(tmp_path, "partly.json", [review("Crime fell by 12 percent.", url="https://f.example/2"),
                                             review("Bad link.", url="javascript:alert(1)")])
    result = ledger("import", "claimreview", not_json, good, str(tmp_path / "missing.json"), partly)
    assert result.exit_code == 3
    errors = result.stderr.splitlines()
    assert errors == [f"Error: {not_json}: not JSON, and not a web page with JSON-LD",
                      f"Error: {tmp_path / 'missing.json'}: no such file",
                      f"Warning: {partly}: review 2: its url is a javascript: URL; only http:// and https:// are"
                      f" allowed; left out"]
    assert len(ledger.json("references", "--json")) == 2
    big = write(tmp_path, "big.json", [review(BRIDGE)] * 50)
    too_big = ledger("import", "claimreview", "--max-bytes", "1000", big)
    assert too_big.exit_code == 3 and "30,800 bytes, larger than the limit of 1,000" in too_big.stderr


def test_a_refused_review_alone_exits_1(ledger, tmp_path):
    partly = write(tmp_path, "partly.json", [review(BRIDGE), {"@type": "ClaimReview", "claimReviewed": "x"}])
    result = ledger("import", "claimreview", partly)
    assert result.exit_code == 1 and "1 reference added" in result.stdout


def test_reference_text_is_shown_as_data(ledger, tmp_path):
    path = write(tmp_path, "evil.json", review("Spent \x1b[2J$48 million\u202e on the bridge.", author="\x1b]0;x\x07Eve"))
    assert ledger("import", "claimreview", path).exit_code == 0
    shown = ledger("references").stdout
    assert "\x1b" not in shown and "\u202e" not in shown and "\\x1b" in shown


# ------------------------------------------------------------------ matching


def add_article(ledger, tmp_path, name: str, text: str, *, url: str | None = None, published: str = "2024-05-01"):
    """Add one article; its claims."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    args = ["add", str(path), "--published", published, "--outlet", "Daily Planet"]
    result = ledger(*args, *(["--url", url] if url else []))
    assert result.exit_code == 0, result.output
    claims = ledger.json("claims", "--json", "-n", "1000")
    newest = max(c["document"]["id"] for c in claims)
    return [c for c in claims if c["document"]["id"] == newest]


def test_an_imported_check_marks_a_repeated_claim_and_counts_in_its_worthiness(ledger, tmp_path):
    repeated = "Mayor Maria Silva said the city spent $48 million on repairs to the Harbour Bridge last year.\n"
    claims = add_article(ledger, tmp_path, "bridge.txt", "Bridge repairs\n\n" + repeated)
    claim = next(c for c in claims if c["quantity"] and c["quantity"]["value"] == 48e6)
    before = claim["worthiness"]
    result = ledger("import", "claimreview", write(tmp_path, "checks.json", review(BRIDGE)))
    assert "1 pending claim now matches them" in result.stdout
    after = ledger.json("show", str(claim["id"]), "--json")
    assert after["checked_before"]["kind"] == "reference"
    assert after["worthiness"] == pytest.approx(before + 1.0)
    assert {"feature": f"matches an earlier verdict (reference {after['checked_before']['id']})",
            "contribution": 1.0} in after["worthiness_reasons"]
    best = after["matches"][0]
    assert (best["kind"], best["verdict"], best["by"], best["date"], best["strong"]) == (
        "reference", "False", "FactDesk", "2024-03-02", True)
    assert best["figure_score"] == 1.0 and best["speaker_score"] == 1.0
    shown = ledger("show", str(claim["id"])).stdout
    assert "Checked before:" in shown and "False by FactDesk on 2024-03-02 — 'The city spent $48 million" in shown
    assert f"checked before: reference {best['id']}" in ledger("queue", "--no-truncate").stdout


def test_the_desks_own_verdict_is_matched_by_a_later_article(ledger, tmp_path):
    first = add_article(ledger, tmp_path, "first.txt",
                        "Clinic numbers\n\nHealth minister Ana Costa said 1,200 nurses left the service in 2023.\n")
    checked = next(c for c in first if c["quantity"])
    assert ledger("mark", str(checked["id"]), "-s", "disputed", "--note", "Payroll data show 900",
                  "--reviewer", "ana").exit_code == 0
    later = add_article(ledger, tmp_path, "later.txt",
                        "Nurses leave\n\nSome 1,200 nurses quit the health service in 2023, Ana Costa told MPs.\n",
                        published="2024-06-01")
    new = next(c for c in later if c["quantity"] and c["id"] != checked["id"])
    assert new["checked_before"] == {"kind": "claim", "id": checked["id"], "score": pytest.approx(new["checked_before"]["score"])}
    found = ledger.json("matches", str(new["id"]), "--json")
    assert (found[0]["kind"], found[0]["id"], found[0]["verdict"], found[0]["note"]) == (
        "claim", checked["id"], "disputed", "Payroll data show 900")
    assert ledger.json("matches", str(checked["id"]), "--json") == []  # pending claims are not verdicts


def test_the_same_words_with_another_figure_are_not_a_strong_match(ledger, tmp_path):
    claims = add_article(ledger, tmp_path, "other.txt",
                         "Bridge repairs\n\nMayor Maria Silva said the city spent $31 million repairing the Harbour"
                         " Bridge last year.\n")
    ledger("import", "claimreview", write(tmp_path, "checks.json", review(BRIDGE)))
    claim = next(c for c in claims if c["quantity"])
    found = ledger.json("matches", str(claim["id"]), "--json")
    assert ledger.json("show", str(claim["id"]), "--json")["checked_before"] is None
    assert all(not m["strong"] and m["figure_score"] == 0.0 for m in found)


def test_an_unrelated_claim_matches_nothing(ledger, tmp_path):
    ledger("import", "claimreview", write(tmp_path, "checks.json", review(BRIDGE)))
    claims = add_article(ledger, tmp_path, "school.txt",
                         "Schools\n\nThe district hired 48 new teachers for its primary schools, officials said.\n")
    assert ledger.json("matches", str(claims[0]["id"]), "--json") == []
    assert ledger("matches", str(claims[0]["id"])).stdout == f"No earlier verdict matches claim {claims[0]['id']}.\n"


# ------------------------------------------------------------------ two desks


def test_one_desks_claimreview_export_round_trips_into_another_ledger(db_url, tmp_path):
    from ledger.storage.db import open_ledger

    other_url = f"sqlite:///{tmp_path / 'desk_b.db'}"
    for url in (db_url, other_url):
        open_ledger(url).dispose()
    desk_a, desk_b = Ledger(db_url), Ledger(other_url)
    text = ("Port strike\n\nUnion leader Tom Reyes said 3,400 dock workers walked out on Monday.\n\n"
            "The port handles 12 million tonnes of cargo a year, according to port director Lena Ortiz.\n")
    claims = add_article(desk_a, tmp_path, "port.txt", text, url="https://news.example/port")
    reviewed = {}
    for c, verdict in zip([c for c in claims if c["speaker"]], ("disputed", "verified")):
        assert desk_a("mark", str(c["id"]), "-s", verdict, "--reviewer", "ana").exit_code == 0
        reviewed[c["text"]] = verdict
    out = tmp_path / "desk_a.json"
    assert desk_a("export", "--format", "claimreview", "--publisher", "Desk A", "--review-url-template",
                  "https://desk-a.example/checks/{id}", "-o", str(out)).exit_code == 0
    result = desk_b("import", "claimreview", str(out))
    assert result.exit_code == 0, result.output
    refs = desk_b.json("references", "--json")
    assert {(r["claim"], r["rating"].lower()) for r in refs} == set(reviewed.items())
    assert all(r["publisher"] == "Desk A" and r["url"].startswith("https://desk-a.example/checks/") for r in refs)
    assert {r["claimant"] for r in refs} == {"Tom Reyes", "Lena Ortiz"}
    later = add_article(desk_b, tmp_path, "later.txt",
                        "Strike spreads\n\nSome 3,400 dock workers walked out at the port on Monday, union leader"
                        " Tom Reyes said.\n", published="2024-05-03")
    repeat = next(c for c in later if c["quantity"] and c["quantity"]["value"] == 3400)
    assert repeat["checked_before"]["kind"] == "reference"
    best = desk_b.json("matches", str(repeat["id"]), "--json")[0]
    assert (best["verdict"], best["by"], best["speaker"]) == ("Disputed", "Desk A", "Tom Reyes")


# ------------------------------------------------------------------ the score's parts


def test_the_figure_part_of_the_score():
    from ledger.workflow.prior import Side, figure_part

    def side(value, unit, change="="):
        return Side(text="x", value=value, unit=unit, change=change)

    assert figure_part(side(41_000, "troop"), side(41_000, "troop")) == 1.0
    assert figure_part(side(41_000, "troop"), side(40_000, "troop", ">")) == 1.0  # "more than 40,000" holds
    assert figure_part(side(41_000, "troop"), side(41_000, "soldier")) == 0.75  # a count, its noun reworded
    assert figure_part(side(41_000, "troop"), side(35_000, "troop")) == 0.0
    assert figure_part(side(41_000, "troop"), side(35_000, "soldier")) == 0.5  # other counts: not comparable
    assert figure_part(side(12, "percentage"), side(12, "airport")) == 0.5  # a rate and a count
    assert figure_part(side(12, "percentage"), Side(text="x")) == 0.5
    assert figure_part(side(100, "kilometre"), side(62, "mile")) == 1.0  # converted, within 3 %
    assert figure_part(side(100, "kilometre"), side(80, "mile")) == 0.0


def test_the_speaker_and_text_parts_and_how_a_disagreeing_figure_halves_the_score():
    from ledger.workflow.prior import Side, score, speaker_part, text_part, words

    assert speaker_part("Maria Silva", "Silva") == 1.0 and speaker_part("Maria Silva", "maria silva") == 1.0
    assert speaker_part("Maria Silva", "Tom Reyes") == 0.2 and speaker_part(None, "Tom Reyes") == 0.5
    said = words("The city said it spent money repairing the bridges")
    assert said == words("Bridges: the city spends money on repairs")  # stems; "said" is not a content word
    assert text_part(said, said) == 1.0 and text_part(said, frozenset()) == 0.0
    same = Side(text="The city spent $48 million on the bridge", value=48e6, unit="dollar")
    other = Side(text="The city spent $31 million on the bridge", value=31e6, unit="dollar")
    assert score(same, same).score == pytest.approx(0.5 + 0.35 + 0.075)
    assert score(same, other).score == pytest.approx((0.5 + 0.075) / 2, abs=0.001)  # rounded to 3 places
