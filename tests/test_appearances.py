"""One claim across documents, conflicting figures and series, check-worthiness order."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest import report_rows
from ledger.workflow.matching import Figure, relate, signature, topic_words
from test_cli import claims_of

RIVERTON = Path(__file__).resolve().parent.parent / "seeds" / "riverton"


@pytest.fixture
def riverton(ledger):
    result = ledger("add", str(RIVERTON))
    assert result.exit_code == 0, result.output
    return ledger


def by_surface(ledger) -> dict[str, dict]:
    return {c["quantity"]["surface"]: c for c in ledger.json("export", "--format", "json") if c["quantity"]}


def test_the_same_figure_in_two_outlets_is_one_claim_with_two_appearances(riverton):
    claims = by_surface(riverton)
    first, second = claims["About 1,200 homes"], claims["1,200 homes"]
    assert first["appearances"] == second["appearances"] == 2
    queued = [c["id"] for c in claims_of(riverton)]
    assert (first["id"] in queued) != (second["id"] in queued)  # listed once
    shown = riverton.json("show", str(first["id"]), "--json")
    assert sorted(a["outlet"] for a in shown["appearances_in"]) == ["Coast Herald", "Daily Planet"]
    assert all(a["published"].startswith("2024-03-01") for a in shown["appearances_in"])


def test_mark_all_appearances_records_a_review_on_each(riverton):
    claims = by_surface(riverton)
    result = riverton("mark", str(claims["1,200 homes"]["id"]), "--status", "disputed", "--all-appearances")
    assert result.exit_code == 0, result.output
    assert result.stdout.count(": disputed (was pending)") == 2
    for surface in ("About 1,200 homes", "1,200 homes"):
        shown = riverton.json("show", str(claims[surface]["id"]), "--json")
        assert shown["status"] == "disputed" and len(shown["reviews"]) == 1
    assert riverton.json("stats", "--json")["reviews"] == 2


def test_different_figures_for_the_same_thing_are_a_conflict(riverton):
    claims = by_surface(riverton)
    low, high, approx = claims["900 homes"], claims["1,200 homes"], claims["About 1,200 homes"]
    assert high["id"] in low["conflicts_with"]
    assert low["conflicts_with"] == [high["id"]]
    assert high["conflicts_with"] == approx["conflicts_with"] == [low["id"]]  # the group shares the conflict
    pairs = riverton.json("conflicts", "--json")
    conflict = [p for p in pairs if p["kind"] == "conflict"]
    assert len(conflict) == 1
    sides = {conflict[0]["claim"]["outlet"], conflict[0]["other"]["outlet"]}
    assert sides == {"Coast Herald", "Daily Planet"}
    assert all(side["published"] for side in (conflict[0]["claim"], conflict[0]["other"]))
    rows = {r["claim_id"]: r for r in report_rows(riverton("export").stdout)}
    assert rows[str(low["id"])]["conflicts"] == "1"
    table = riverton("queue").stdout
    assert "⚠" in table and "×2" in table


def test_a_rising_death_toll_is_a_series_not_a_contradiction(riverton):
    pairs = riverton.json("conflicts", "--json")
    updates = [p for p in pairs if p["kind"] == "update"]
    assert len(updates) == 1
    values = sorted((p["value"], p["published"][:10]) for p in (updates[0]["claim"], updates[0]["other"]))
    assert values == [(14.0, "2024-03-01"), (19.0, "2024-03-03")]
    assert not [p for p in pairs if p["kind"] == "conflict" and p["claim"]["unit"] == "person"]
    assert len(riverton.json("conflicts", "--json", "--no-updates")) == 1


def test_no_conflicts_says_so(ledger):
    assert ledger("conflicts").stdout == "No conflicting figures.\n"


def figure(sentence, surface, value, *, unit, change="=", day=1, doc=1, title="Storm in Riverton", concept=None):
    at = sentence.index(surface)
    return Figure(value=value, unit=unit, change=change, document_id=doc, sentence=sentence,
                  published=datetime(2024, 3, day, tzinfo=timezone.utc),
                  signature=signature(sentence, at, at + len(surface), concept, unit),
                  topic=topic_words(sentence, title))


def test_rounding_approximation_and_bounds_agree():
    a = figure("Russia has massed 41,000 troops at the border with Ukraine.", "41,000", 41000, unit="troop")
    b = figure("Some 41,200 troops were massed at Ukraine's border.", "41,200", 41200, unit="troop", doc=2)
    c = figure("More than 40,000 troops were massed at Ukraine's border.", "40,000", 40000, unit="troop",
               change=">", doc=3)
    assert relate(a, b) == "same"
    assert relate(a, c) == "same"


def test_a_different_unit_or_topic_is_unrelated():
    a = figure("Russia has massed 41,000 troops at the border with Ukraine.", "41,000", 41000, unit="troop")
    b = figure("The fund paid 41,000 dollars for repairs in Leeds.", "41,000", 41000, unit="dollar", doc=2,
               title="Leeds repairs")
    c = figure("A marathon in Boston drew 41,000 runners.", "41,000", 41000, unit="troop", doc=3,
               title="Boston marathon")
    assert relate(a, b) is None
    assert relate(a, c) is None


def test_the_same_day_disagreement_is_a_conflict_and_a_later_larger_toll_an_update():
    a = figure("More than 14,000 people have died in fighting in eastern Ukraine.", "14,000", 14000,
               unit="person", change=">", title="Fighting in Ukraine")
    b = figure("About 13,000 people have died in fighting in eastern Ukraine.", "13,000", 13000,
               unit="person", change="~", doc=2, title="Fighting in Ukraine")
    c = figure("The number of people who have died in fighting in eastern Ukraine rose to 15,500.", "15,500",
               15500, unit="person", doc=3, day=20, title="Fighting in Ukraine")
    assert relate(a, b) == "conflict"
    assert relate(b, c) == "update"


def test_worthiness_ranks_a_named_officials_figure_above_a_vague_remark(ledger, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Defence minister Ana Silva said the army had deployed 4,000 more soldiers than last year, a record.\n\n"
        "\"It may rain,\" a resident said.\n")
    ledger("add", str(article))
    claims = claims_of(ledger)
    assert claims[0]["quantity"]["value"] == 4000
    assert claims[0]["worthiness"] > claims[-1]["worthiness"]


def test_speakers_by_status_and_dispute_rate(riverton):
    claims = by_surface(riverton)
    riverton("mark", str(claims["900 homes"]["id"]), "--status", "disputed")
    rows = riverton.json("speakers", "--json", "--sort", "disputed-rate")
    top = rows[0]
    assert (top["speaker"], top["disputed"], top["disputed_rate"], top["total"]) == ("Tom Reyes", 1, 1.0, 2)
    by_total = riverton.json("speakers", "--json")
    assert [r["total"] for r in by_total] == sorted((r["total"] for r in by_total), reverse=True)
    names = [r["speaker"] for r in riverton.json("speakers", "--json", "--sort", "name")]
    assert names == sorted(names, key=str.lower)
    assert "Tom Reyes" in riverton("speakers").stdout


def test_claimreview_export_has_the_structure_publishers_need(riverton):
    import json

    claims = by_surface(riverton)
    riverton("mark", str(claims["900 homes"]["id"]), "--status", "disputed", "--note", "County says 1,200")
    riverton("mark", str(claims["1,200 homes"]["id"]), "--status", "verified", "--all-appearances")
    unsourced = next(c for c in riverton.json("export", "--format", "json")
                     if c["quantity"] and c["quantity"]["surface"] == "$2.5 million" and c["speaker"] is None)
    riverton("mark", str(unsourced["id"]), "--status", "verified")  # no speaker: skipped
    result = riverton("export", "--format", "claimreview", "--publisher", "Riverton Fact Desk",
                      "--review-url-template", "https://facts.example.org/claims/{id}")
    assert result.exit_code == 0, result.output
    assert result.stderr == "Wrote 3 claim reviews; skipped 1 reviewed claim lacking a speaker or a source URL.\n"
    reviews = json.loads(result.stdout)
    assert len(reviews) == 3
    for r in reviews:
        assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
        assert r["url"].startswith("https://facts.example.org/claims/")
        assert r["claimReviewed"] and r["datePublished"]
        assert r["author"] == {"@type": "Organization", "name": "Riverton Fact Desk"}
        rating = r["reviewRating"]
        assert rating["@type"] == "Rating" and rating["bestRating"] == 5 and rating["worstRating"] == 1
        assert (rating["ratingValue"], rating["alternateName"]) in {(5, "Verified"), (1, "Disputed")}
        item = r["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["name"] and item["datePublished"].startswith("2024-03")
        assert all(a["@type"] == "CreativeWork" and a["url"].startswith("https://example.org/") for a in item["appearance"])
    disputed = next(r for r in reviews if r["reviewRating"]["alternateName"] == "Disputed")
    assert disputed["itemReviewed"]["author"]["name"] == "Tom Reyes" and disputed["reviewBody"] == "County says 1,200"
    verified = [r for r in reviews if r["reviewRating"]["alternateName"] == "Verified"]
    assert {len(r["itemReviewed"]["appearance"]) for r in verified} == {2}


def test_claimreview_needs_a_publisher_and_a_url_template(riverton):
    assert riverton("export", "--format", "claimreview").exit_code == 2
    result = riverton("export", "--format", "claimreview", "--publisher", "Desk", "--review-url-template", "https://x")
    assert result.exit_code == 2 and "{id}" in result.stderr


def test_show_names_the_conflicting_figure_and_its_source(riverton):
    claims = by_surface(riverton)
    text = riverton("show", str(claims["1,200 homes"]["id"])).stdout
    assert f"⚠ Conflicts with claim {claims['900 homes']['id']} — 900 homes, Coast Herald, 2024-03-01" in text


# ---- grouping that holds: one claim only when both make the same assertion (issue 12)


def test_a_judgement_about_a_sum_is_not_the_same_claim_as_stating_it():
    stated = figure("The county has set aside $2.5 million for flood defences.", "$2.5 million", 2.5e6,
                    unit="dollar", title="County budget")
    judged = figure("The $2.5 million fund will not be enough to protect the valley, the mayor warned.",
                    "$2.5 million", 2.5e6, unit="dollar", doc=2, title="County budget")
    restated = figure("County officials said $2.5 million had been set aside for flood defences.", "$2.5 million",
                      2.5e6, unit="dollar", doc=3, title="County budget")
    assert relate(stated, judged) is None
    assert relate(stated, restated) == "same"


def test_the_same_measure_in_other_years_is_another_claim():
    a = figure("The jobless rate in the province was 6.1 percent in 2022.", "6.1 percent", 6.1, unit="percentage",
               title="Provincial jobs")
    b = figure("The jobless rate in the province was 6.1 percent in 2023.", "6.1 percent", 6.1, unit="percentage",
               doc=2, title="Provincial jobs")
    c = figure("The jobless rate in the province was 5.4 percent in 2023.", "5.4 percent", 5.4, unit="percentage",
               doc=3, title="Provincial jobs")
    assert relate(a, b) is None and relate(a, c) is None
    assert relate(b, c) == "conflict"  # the same year, two figures


def test_the_same_figure_in_another_place_or_month_is_another_claim():
    kerala = figure("Landslides killed 12 people in Kerala on Sunday, officials said.", "12", 12, unit="person",
                    title="Monsoon")
    assam = figure("Landslides killed 12 people in Assam on Sunday, officials said.", "12", 12, unit="person", doc=2,
                   title="Monsoon")
    march = figure("Inflation in Chile was 4.1% in March, the central bank said.", "4.1%", 4.1, unit="percentage",
                   title="Prices")
    april = figure("Inflation in Chile was 4.1% in April, the central bank said.", "4.1%", 4.1, unit="percentage",
                   doc=2, title="Prices")
    q1 = figure("Exports rose 3% in the first quarter, the trade office said.", "3%", 3, unit="percentage")
    q2 = figure("Exports rose 3% in the second quarter, the trade office said.", "3%", 3, unit="percentage", doc=2)
    assert relate(kerala, assam) is None and relate(march, april) is None and relate(q1, q2) is None


def test_an_aim_or_a_judgement_of_a_figure_is_not_the_same_claim_as_the_figure():
    raised = figure("The appeal has raised $80,000 for the flooded school.", "$80,000", 8e4, unit="dollar",
                    title="School appeal")
    hoped = figure("Parents hope the appeal will raise $80,000 for the flooded school.", "$80,000", 8e4,
                   unit="dollar", doc=2, title="School appeal")
    again = figure("An appeal for the flooded school has now raised $80,000.", "$80,000", 8e4, unit="dollar", doc=3,
                   title="School appeal")
    assert relate(raised, hoped) is None
    assert relate(raised, again) == "same"


def test_the_same_figure_about_two_named_bodies_or_two_opposite_things_is_two_claims():
    carlow = figure("Tuition at Carlow University will rise to $9,400 a year.", "$9,400", 9400, unit="dollar",
                    title="Fees")
    brennan = figure("Brennan College said its tuition will rise to $9,400 a year.", "$9,400", 9400, unit="dollar",
                     doc=2, title="Fees")
    north = figure("The northern line carries 90,000 passengers a day.", "90,000", 90000, unit="passenger",
                   title="Metro")
    south = figure("The southern line carries 90,000 passengers a day.", "90,000", 90000, unit="passenger", doc=2,
                   title="Metro")
    assert relate(carlow, brennan) is None and relate(north, south) is None


def test_a_country_and_its_demonym_name_the_same_thing():
    a = figure("Ukraine says Russia has massed 41,000 troops at its border.", "41,000", 41000, unit="troop")
    b = figure("Some 41,000 Russian troops are massed at the border, Kyiv said.", "41,000", 41000, unit="troop", doc=2)
    assert relate(a, b) == "same"


def test_calling_a_sum_a_waste_is_a_judgement_not_the_same_claim():
    cost = figure("The bridge repair will cost $120 million, the transport department said.", "$120 million", 1.2e8,
                  unit="dollar", title="Bridge")
    judged = figure("The opposition called the $120 million bridge repair a waste of money.", "$120 million", 1.2e8,
                    unit="dollar", doc=2, title="Bridge")
    assert relate(cost, judged) is None


def test_a_month_is_no_place_and_a_place_inside_a_region_is_still_that_place():
    a = figure("Measles has killed 31 people in Kenya's Turkana county, the ministry said.", "31", 31,
               unit="person", title="Measles")
    b = figure("The ministry said 31 people have died of measles in Turkana county.", "31", 31,
               unit="person", doc=2, title="Measles")
    c = figure("Food prices in Chile rose 3.9% in the year to June, the statistics agency said.", "3.9%", 3.9,
               unit="percentage", title="Chile prices")
    d = figure("Chilean food prices rose 3.9 percent in June, according to the statistics agency.", "3.9 percent",
               3.9, unit="percentage", doc=2, title="Chile prices")
    assert relate(a, b) == "same"
    assert relate(c, d) == "same"


def test_two_owners_of_the_thing_counted_make_two_claims():
    a = figure("The city's reserve fund holds $4.2 million, the treasurer said.", "$4.2 million", 4.2e6,
               unit="dollar", title="Reserve fund")
    b = figure("The province's reserve fund holds $4.2 million after the floods.", "$4.2 million", 4.2e6,
               unit="dollar", doc=2, title="Reserve fund")
    assert relate(a, b) is None


def test_a_possessive_first_word_names_whose_figure_it_is():
    a = figure("Parking fees in Leith will rise by 8% from May, the council said.", "8%", 8,
               unit="percentage", change="up", title="Parking fees")
    b = figure("Dundee's council said parking fees will rise by 8% from May.", "8%", 8,
               unit="percentage", change="up", doc=2, title="Parking fees")
    assert relate(a, b) is None


def test_people_counted_under_two_words_and_a_rate_and_its_amount_can_be_one_claim():
    a = figure("Officials told 9,500 residents of Tarn to leave before the flood.", "9,500", 9500,
               unit="resident", title="Tarn flood")
    b = figure("Some 9,500 people in Tarn were ordered to leave ahead of the flood.", "9,500", 9500,
               unit="person", doc=2, title="Tarn flood")
    c = figure("Fees at the city college will rise to $7,400 a year.", "$7,400 a year", 7400,
               unit="dollar per year", title="College fees")
    d = figure("Students at the city college will pay fees of $7,400 from the autumn.", "$7,400", 7400,
               unit="dollar", doc=2, title="College fees")
    assert relate(a, b) == "same"
    assert relate(c, d) == "same"


def test_a_disease_after_of_is_no_place_and_a_later_toll_since_the_outbreak_is_an_update():
    a = figure("Malawi has confirmed 210 cases of cholera since the outbreak began.", "210", 210,
               unit="case", title="Cholera")
    b = figure("Confirmed cholera cases in Malawi have reached 355 since the outbreak began.", "355", 355,
               unit="case", doc=2, day=9, title="Cholera")
    assert relate(a, b) == "update"


def test_a_later_larger_figure_that_has_now_grown_is_an_update_not_a_conflict():
    a = figure("The Ridge fire has destroyed 140 homes in Alder county, officials said.", "140", 140,
               unit="home", title="Ridge fire")
    b = figure("Officials said the Ridge fire had now destroyed 310 homes in Alder county.", "310", 310,
               unit="home", doc=2, day=4, title="Ridge fire")
    assert relate(a, b) == "update"


def test_a_later_count_that_has_fallen_or_is_final_is_an_update():
    a = figure("Rescuers are looking for 40 people missing after the Dunmere mudslide.", "40", 40, unit="person")
    b = figure("The number of people missing after the Dunmere mudslide has fallen to 26.", "26", 26, unit=None,
               day=3, doc=2)
    assert relate(a, b) == "update"
    c = figure("With most ballots counted, Ada Voss has 30,120 votes in the Dunmere mayoral race.", "30,120", 30120,
               unit="vote")
    d = figure("Final results give Ada Voss 33,480 votes in the Dunmere mayoral race.", "33,480", 33480, unit="vote",
               day=2, doc=2)
    assert relate(c, d) == "update"
    e = figure("Ada Voss has 30,120 votes in the Dunmere mayoral race.", "30,120", 30120, unit="vote", day=2, doc=3)
    assert relate(c, e) == "same"


def test_units_count_the_things_named_elsewhere():
    a = figure("Brava Home is recalling 40,000 kettles over a burn risk.", "40,000", 40000, unit="kettle")
    b = figure("Brava Home has widened its kettle recall to 95,000 units.", "95,000", 95000, unit="unit", day=4, doc=2)
    assert relate(a, b) == "update"
