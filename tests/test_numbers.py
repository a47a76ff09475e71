"""The numeric-quantity extractor: one test per rule, on small sentences written for the test."""
from __future__ import annotations

import pytest

from ledger.extract import extract
from ledger.extract.numbers import find_quantities
from ledger.extract.types import Quantity


def qs(sentence: str, prefix: str = "") -> list[Quantity]:
    """Quantities of ``sentence`` placed after ``prefix`` (to check absolute offsets)."""
    text = prefix + sentence
    out = find_quantities(text, len(prefix), len(text))
    for q in out:
        assert text[q.start:q.end] == q.surface
    return out


def one(sentence: str) -> Quantity:
    out = qs(sentence)
    assert len(out) == 1, out
    return out[0]


def fields(q: Quantity) -> tuple:
    return (q.surface, q.value, q.value_max, q.unit, q.change)


# ---------------------------------------------------------------- numbers in every form


def test_digits_with_thousands_separator_and_counted_noun():
    assert fields(one("The army moved 41,000 troops to the river.")) == ("41,000 troops", 41000, None, "troop", "=")


def test_offsets_are_absolute_in_the_document():
    q = qs("It sold 12 boats.", prefix="Header line.\n")[0]
    assert (q.start, q.end, q.surface) == (21, 29, "12 boats")


def test_glued_million_after_a_currency_symbol():
    assert fields(one("The club paid £40m for him.")) == ("£40m", 40e6, None, "pound sterling", "=")


def test_currency_code_before_the_symbol():
    assert fields(one("Debt reached US$3 trillion last year.")) == ("US$3 trillion", 3e12, None, "dollar", "=")


def test_symbol_before_the_code():
    assert fields(one("Exports were worth $A64 million.")) == ("$A64 million", 64e6, None, "australian dollar", "=")


def test_negative_money_is_a_fall():
    assert fields(one("The balance went to $-50.8bn in May.")) == ("$-50.8bn", -50.8e9, None, "dollar", "down")


def test_number_words_with_hyphen_and_scale():
    assert fields(one("The city had forty-one thousand voters.")) == (
        "forty-one thousand voters", 41000, None, "voter", "=")


def test_within_ends_a_counted_noun():
    assert [(q.value, q.unit, q.change) for q in qs("Bookings passed 12,000 within three days.")] == [
        (12000, None, ">"), (3, "day", "<")]


def test_another_hundred_is_a_hundred():
    assert fields(one("Another thousand volunteers signed up.")) == (
        "Another thousand volunteers", 1000, None, "volunteer", "=")


def test_a_dozen_is_twelve():
    assert fields(one("Police sent a dozen officers.")) == ("a dozen officers", 12, None, "officer", "=")


def test_decimal_with_word_scale():
    assert fields(one("The firm has 2.5 million customers.")) == (
        "2.5 million customers", 2.5e6, None, "customer", "=")


def test_minus_written_as_a_word():
    assert fields(one("The team ended on minus-5 yards.")) == ("minus-5 yards", -5, None, "yard", "=")


def test_slash_fraction():
    assert fields(one("The motion needed 3/5 of the chamber.")) == ("3/5", 0.6, None, None, "=")


def test_fraction_in_words():
    assert fields(one("A third of the pupils walk to school.")) == ("A third", 1 / 3, None, None, "=")


def test_one_in_n_with_digits():
    assert one("A survey found 1 in 4 tenants moved.").value == 0.25


def test_hyphenated_adjectives_are_not_counts():
    assert qs("She gave a one-sided talk and a two-faced reply.") == []


def test_and_a_half():
    assert fields(one("The mayor stayed six and a half years in the job.")) == (
        "six and a half years", 6.5, None, "year", "=")


def test_ratio_is_not_a_range():
    assert qs("The council voted 5 to 2 for the plan.") == []


def test_n_out_of_m_is_a_fraction():
    assert fields(one("About seven out of 10 answered yes.")) == ("About seven out of 10", 0.7, None, None, "~")


def test_between_a_few_words_back():
    assert fields(one("Drivers between the ages of 18 and 25 pay more.")) == ("18 and 25", 18, 25, "year", "=")


def test_phrasal_up_is_not_a_rise():
    assert one("The club hopes to sign up 3 million members.").change == "="


def test_fold_words_are_multipliers():
    assert fields(one("Sales grew more than fourfold in a decade.")) == ("more than fourfold", 4, None, None, ">")


def test_n_of_the_plural_counts_the_plural():
    assert fields(one("Two of the passengers died.")) == ("Two of the passengers", 2, None, "passenger", "=")


def test_a_unit_with_a_bound_is_one():
    assert fields(one("It shipped nearly a decade ago.")) == ("nearly a decade", 1, None, "decade", "~")


def test_leading_decimal_point():
    assert one("The error rate fell to .5 per cent.").value == 0.5


# ---------------------------------------------------------------- ranges


def test_range_with_shared_scale():
    assert fields(one("Between 12 and 15 million people voted.")) == (
        "12 and 15 million people", 12e6, 15e6, "person", "=")


def test_dash_range():
    assert fields(one("The hall seats 10-15 people.")) == ("10-15 people", 10, 15, "person", "=")


def test_from_to_range_with_repeated_currency():
    assert fields(one("The price went from $36,040 to $34,935.")) == (
        "$36,040 to $34,935", 36040, 34935, "dollar", "=")


def test_range_between_currency_codes():
    assert fields(one("Costs are between $US16 million and $US17 million.")) == (
        "$US16 million and $US17 million", 16e6, 17e6, "dollar", "=")


def test_scientific_notation():
    q = one("Light travels about 2.998×10−8 metres per nanosecond.")
    assert (q.value, q.unit) == (pytest.approx(2.998e-8), "metre per nanosecond")


def test_range_with_hyphen_after_to():
    assert fields(one("A 100,000 to-150,000 year-old fossil.")) == (
        "100,000 to-150,000 year-old", 100000, 150000, "year", "=")


def test_words_or_words_range():
    assert fields(one("He waited three or four years.")) == ("three or four years", 3, 4, "year", "=")


def test_change_then_to_is_two_quantities():
    out = qs("Shares rose 7.5 per cent to $61.")
    assert [fields(q) for q in out] == [
        ("7.5 per cent", 7.5, None, "percentage", "up"), ("$61", 61, None, "dollar", "=")]


def test_score_is_one_pair_not_a_range():
    assert fields(one("The game ended 2-1 after extra time.")) == ("2-1", 2, 1, None, "=")


def test_suspended_hyphen_takes_the_next_unit():
    assert [(q.value, q.unit) for q in qs("It has a 7- or 9-inch screen.")] == [(7, "inch"), (9, "inch")]


def test_age_after_will_be():
    assert one("She turns 35 before the end of the season.").unit == "year"


# ---------------------------------------------------------------- percentages


@pytest.mark.parametrize("sentence,surface", [
    ("Turnout was 45% this year.", "45%"),
    ("Turnout was 45 percent this year.", "45 percent"),
    ("Turnout was 45 per cent this year.", "45 per cent"),
])
def test_percent_spellings(sentence, surface):
    q = one(sentence)
    assert (q.surface, q.value, q.unit) == (surface, 45, "percentage")


def test_percentage_points():
    assert one("Support fell 3 percentage points.").unit == "percentage point"


# ---------------------------------------------------------------- not claims


def test_years_are_not_quantities():
    assert qs("The region was annexed in 2014 after a vote.") == []


def test_times_of_day_are_not_quantities():
    assert qs("Updated at 11:43 IST and again at 10.45pm.") == []
    assert qs("The bell rang at four o’clock sharp.") == []


def test_dates_are_not_quantities():
    assert qs("The talks began on August 10 and ended 3 September.") == []


def test_ordinals_are_not_quantities():
    assert qs("It was the 22nd meeting and she came 11th.") == []


def test_identifiers_with_digits_are_not_quantities():
    assert qs("Flight 370 and G7 leaders discussed COVID-19 near posts 542 and 543.") == []


def test_a_part_of_the_usual_or_planned_whole_counts_its_noun():
    assert [q.unit for q in qs("The line ran 212 of its usual 2,300 trains.")] == ["train", "train"]
    assert [q.unit for q in qs("Only 40 of the planned 120 flights left.")] == ["flight", "flight"]


def test_a_modifier_in_words_passes_no_unit_on():
    text = "In the 200-seat chamber any three-party deal falls short of the 101 needed."
    assert [q.unit for q in qs(text)] == ["seat", "party", "seat"]


def test_a_count_listed_after_the_name_of_a_side_is_no_id():
    text = "That would give the Liberals 64 seats, the Farmers 22 and the Greens 9."
    assert [(q.value, q.unit) for q in qs(text)] == [(64, "seat"), (22, "seat"), (9, "seat")]
    assert qs("She bought the Pixel 8 on Monday.") == []
    assert [q.surface for q in qs("The Vela 7 charges in 19 minutes.")] == ["19 minutes"]  # a model's small number


def test_a_verb_in_ing_that_looks_like_an_id_noun_counts_what_follows():
    assert one("The delay stopped it building 120 flats.").unit == "flat"
    assert one("The trust is building 4,000 new classrooms.").unit == "classroom"
    assert qs("Staff in building 12 were moved.") == []


def test_phone_numbers_are_not_quantities():
    assert qs("Call +44 20 7946 0958 or (555) 123-4567 for details.") == []


def test_model_names_are_not_quantities():
    assert qs("The airline flew its 320 Skyliner and the new eBook 3 shipped.") == []


@pytest.mark.parametrize("sentence", [
    "Biden proposed a summit in a third country.",
    "She is one of the best players.",
    "One day they will return.",
    "At one point the crowd cheered.",
])
def test_idioms_are_not_quantities(sentence):
    assert qs(sentence) == []


def test_addresses_are_not_quantities():
    assert qs("The office at 12-14 Harbour Road and 10 Downing Street opened.") == []


def test_year_like_range_of_things_is_a_count():
    assert fields(one("The firm went from 1000 to 1500 staff.")) == ("1000 to 1500 staff", 1000, 1500, "staff", "=")
    assert qs("The data run from 1990 to 2000 in the report.") == []


def test_decades_are_not_quantities():
    assert qs("Music from the 1990s and the '80s came back.") == []


# ---------------------------------------------------------------- units


def test_counted_noun_people_is_person():
    assert one("Police said 80 people were evacuated.").unit == "person"


def test_counted_noun_keeps_compound_but_drops_adjectives():
    assert one("Officials registered 650 asylum seekers.").unit == "asylum seeker"
    assert one("The squad faced two Chilean teams.").unit == "team"


def test_a_hyphenated_adjective_before_the_counted_noun_is_dropped():
    assert one("The ferry line leased nine fuel-efficient vessels.").unit == "vessel"
    assert one("The depot took 20 locally-built trams.").unit == "tram"
    assert one("Hospitals hired 65 part-time midwives.").unit == "midwife"
    assert one("Police defused 3 home-made devices.").unit == "device"
    assert one("The dealer sold 14 second-hand tractors.").unit == "tractor"  # not 14 seconds
    assert one("Crews flew 6 water-bombing helicopters.").unit == "water-bombing helicopter"


def test_no_inheritance_into_a_phrase_with_its_own_noun():
    out = qs("Officials counted 40 levels. About 700 oil- and gas-fired plants remain.")
    assert [(q.value, q.unit) for q in out][1] == (700, None)


def test_bare_number_inherits_previous_counted_noun():
    out = qs("Russia massed 41,000 troops on the border and 42,000 more in Crimea.")
    assert [(q.surface, q.value, q.unit) for q in out] == [
        ("41,000 troops", 41000, "troop"), ("42,000", 42000, "troop")]


def test_physical_units_by_abbreviation():
    assert [(q.value, q.unit) for q in qs("It flew 36,000ft at 503knts over 800 km.")] == [
        (36000, "foot"), (503, "knot"), (800, "kilometre")]


def test_crore_and_glued_inches():
    assert one("The project cost Rs 500 crore.").value == 5e9
    assert [(q.value, q.unit) for q in qs("He is 5ft 10in tall.")] == [(5, "foot"), (10, "inch")]


def test_digit_hyphen_name_is_not_a_quantity():
    assert qs("They met at a 7-Eleven downtown.") == []


def test_glued_temperature_and_cent_letters():
    assert [(q.value, q.unit) for q in qs("It hit 38C and 100F; a stamp is 60c.")] == [
        (38, "celsius"), (100, "fahrenheit"), (60, "cent")]


def test_console_and_rank_are_not_quantities():
    assert qs("The PS5 made the top 10 again.") == []


def test_speed_unit():
    assert one("The car reached 95 mph on the track.").unit == "mile per hour"


def test_currency_word_after_number():
    assert fields(one("The fine was 422,000 euros.")) == ("422,000 euros", 422000, None, "euro", "=")


def test_currency_adjective_before_dollars():
    assert one("They paid 7.2 million Australian dollars.").unit == "australian dollar"


def test_rate_unit_with_per_or_a():
    assert one("Oil traded at $70 a barrel.").unit == "dollar per barrel"
    assert one("Gasoline cost $4 per gallon.").unit == "dollar per gallon"


def test_pence():
    assert [(q.value, q.unit) for q in qs("Shares rose 3.5% to 250p.")] == [(3.5, "percentage"), (250, "penny")]


def test_capitalised_modifier_before_a_plural_is_a_count():
    assert fields(one("Stewards counted 85 Leeds fans.")) == ("85 Leeds fans", 85, None, "fan", "=")


def test_proper_noun_modifier_dropped_but_nationality_head_kept():
    assert one("Two Railco employees were hurt.").unit == "employee"
    assert one("The team included three South Africans.").unit == "South African"


@pytest.mark.parametrize("sentence", [
    "Police said 300 attended the march.",
    "At least 80 were injured in the collision.",
    "The storm ended up killing four.",
])
def test_bare_numbers_of_people_by_what_they_did(sentence):
    assert one(sentence).unit == "person"


def test_passengers_and_crew_are_people():
    assert fields(one("All 210 passengers and crew survived.")) == ("210 passengers and crew", 210, None, "person", "=")


def test_age_after_she_was():
    assert fields(one("They moved when she was six.")) == ("six", 6, None, "year", "=")


def test_men_plurals():
    assert one("The harbour has 45 fishermen.").unit == "fisherman"


def test_fraction_with_unit():
    assert fields(one("Add 1/4 pound of flour.")) == ("1/4 pound", 0.25, None, "pound-mass", "=")


def test_spaced_capital_watt():
    assert one("The lamp uses a 9 W bulb.").unit == "watt"


def test_age_is_years():
    assert fields(one("A 73-year-old man was arrested.")) == ("73-year-old", 73, None, "year", "=")


def test_age_after_a_name_between_commas():
    assert fields(one("Jane Roe, 42, told the court.")) == ("42", 42, None, "year", "=")


def test_people_who_are_over_a_figure_are_of_an_age():
    assert one("Most patients are over 60.").unit == "year"
    assert one("Most of the victims were under 18.").unit == "year"
    assert one("Most shares are over 60 pence.").unit == "penny"


def test_people_named_by_what_they_do_over_a_figure_are_of_an_age():
    assert fields(one("Deaths among cyclists over 75 doubled.")) == ("over 75", 75, None, "year", ">")
    assert one("Drivers under 25 pay more.").unit == "year"


def test_a_person_of_a_number_is_an_age_and_a_parent_of_one_counts_children():
    assert [(q.value, q.unit) for q in qs("The victims, a woman of 81 and a boy of nine, lived nearby.")] == [
        (81, "year"), (9, "year")]
    assert one("Ruiz, a mother of four, was freed.").unit == "child"
    assert one("A man of 90 kilos lifted it.").unit == "kilogram"


def test_pm_is_not_picometre_and_at_is_not_ampere():
    assert qs("By 2021 at 2.15pm the meeting ended.") == []


def test_mix_is_not_a_mile():
    assert qs("It was a mix of old and new.") == []


def test_units_are_singular():
    assert one("The trip took two more weeks.").unit == "week"


# ---------------------------------------------------------------- change


@pytest.mark.parametrize("cue,label", [
    ("about", "~"), ("around", "~"), ("nearly", "~"), ("approximately", "~"), ("an estimated", "~"),
    ("some", "~"), ("roughly", "~"), ("more than", ">"), ("over", ">"), ("at least", ">"),
    ("upwards of", ">"), ("less than", "<"), ("under", "<"), ("up to", "<"), ("fewer than", "<"),
    ("at most", "<"),
])
def test_bound_and_estimate_cues(cue, label):
    q = one(f"The storm left {cue} 500 homes without power.")
    assert (q.change, q.surface) == (label, f"{cue} 500 homes")


def test_a_fraction_of_one_unit_is_that_much_of_the_unit():
    q = one("The bank cut its rate by a quarter of a percentage point.")
    assert (q.surface, q.value, q.unit, q.change) == ("a quarter of a percentage point", 0.25, "percentage point", "down")
    assert one("Seas rose a tenth of a millimetre.").unit == "millimetre"
    assert one("A third of the vote went to Labour.").unit is None


def test_a_majority_of_a_figure_counts_seats_or_votes():
    assert [q.unit for q in qs("The bloc would hold 90 of the 170 seats, a majority of five.")] == ["seat"] * 3
    assert one("He won with a majority of 4,210.").unit == "vote"
    assert one("A majority of 60% backed the strike.").unit == "percentage"


def test_money_lost_to_scams_is_a_sum_taken_not_a_fall():
    assert one("Savers lost £12 million to fraudsters last year.").change == "="
    assert one("The fund lost £38 million in value.").change == "down"


def test_a_margin_plus_or_minus_is_no_negative_figure():
    q = one("The margin of error is plus or minus 3.1 percentage points.")
    assert (q.value, q.unit, q.change) == (3.1, "percentage point", "=")
    assert one("It fell to minus 4C.").value == -4


def test_down_on_or_up_on_after_a_figure_is_its_change():
    assert one("Takings were 14% down on last year.").change == "down"
    assert one("Exports were 6% up on 2024.").change == "up"


def test_than_a_year_ago_is_a_time_compared_with_not_a_span():
    assert [q.surface for q in qs("Rents are 3% higher than a year ago.")] == ["3%"]
    assert one("The trial lasted more than a year.").surface == "more than a year"


def test_a_comparative_before_a_figure_is_a_bound():
    assert fields(one("Mussels die in water warmer than 24C.")) == ("warmer than 24C", 24, None, "celsius", ">")
    assert one("Bags heavier than 23 kg cost extra.").change == ">"
    assert fields(one("Pupils younger than 11 walk free.")) == ("younger than 11", 11, None, "year", "<")


def test_over_a_period_something_is_spread_over_is_no_bound():
    assert one("The rise will be phased in over four years.").change == "="
    assert one("It was a habit, repeated over 30 months.").change == "="
    assert one("Passengers waited over three hours.").change == ">"


@pytest.mark.parametrize("sentence,label", [
    ("Sales rose 5% in June.", "up"),
    ("Sales increased by 5% in June.", "up"),
    ("Sales fell 5% in June.", "down"),
    ("Sales showed a drop of 5% in June.", "down"),
    ("Sales were 5% of the total in June.", "="),
])
def test_direction_cues(sentence, label):
    assert one(sentence).change == label


def test_direction_verb_earlier_in_the_clause():
    assert one("The plan would increase bus fares by 20 percent.").change == "up"


def test_hyphenated_in_excess_of():
    assert one("A ticket costs in-excess of £90 now.").change == ">"


def test_direction_wins_over_estimate():
    assert one("Shares rose about 2% on Monday.").change == "up"


def test_parenthesised_conversion_keeps_the_bound():
    out = qs("The walk is about ten miles (16 km) long.")
    assert [(q.value, q.unit, q.change) for q in out] == [(10, "mile", "~"), (16, "kilometre", "~")]


def test_restatement_after_or_keeps_the_change():
    out = qs("The index shed 80 points, or 1.2%, on Friday.")
    assert [(q.value, q.change) for q in out] == [(80, "down"), (1.2, "down")]


def test_averaged_is_an_estimate():
    assert one("She averaged 11.5 rebounds a game.").change == "~"


def test_up_from_is_not_a_rise():
    out = qs("Sales hit 5.1 million units, up from 4.2 million.")
    assert [q.change for q in out] == ["=", "="]


# ---------------------------------------------------------------- concept and the seed


def test_concept_is_the_counted_noun_and_what_happened():
    q = one("More than 14,000 people have died in fighting in eastern Ukraine.")
    assert q.concept == "people died in fighting in eastern Ukraine"


def test_seed_article_quantities():
    from pathlib import Path

    from ledger.extract.metadata import read_metadata
    from ledger.extract.sentences import split_sentences
    from ledger.extract.types import DocumentMeta

    text = (Path(__file__).resolve().parent.parent / "seeds" / "biden-putin-2021-04-14.txt").read_text()
    _, regions = read_metadata(text, DocumentMeta())
    found = []
    for r0, r1 in regions:
        for s0, s1 in split_sentences(text, r0, r1):
            found.extend(find_quantities(text, s0, s1))
    assert [fields(q) for q in found] == [
        ("More than 14,000 people", 14000, None, "person", ">"),
        ("41,000 troops", 41000, None, "troop", "="),
        ("42,000", 42000, None, "troop", "="),
        ("two more weeks", 2, None, "week", "="),
    ]


def test_sentences_without_numbers_are_skipped_cheaply():
    assert qs("Nothing here is counted at all, said the spokesman.") == []


# ---------------------------------------------------------------- unit tables


def test_box_score_rates_per_game():
    out = qs("The guard is averaging 21.4 ppg, 6.2 rpg and 5.5 apg this season.")
    assert [(q.value, q.unit) for q in out] == [
        (21.4, "point per game"), (6.2, "rebound per game"), (5.5, "assist per game")]


def test_wins_above_replacement_only_in_capitals():
    assert fields(one("Their closer was worth 1.7 WAR last year.")) == ("1.7 WAR", 1.7, None, "win above replacement", "=")
    assert one("He met 12 war veterans.").unit == "war veteran"


def test_crowns_after_a_nationality_are_a_currency():
    assert fields(one("The bank holds 4.5 million Norwegian crowns in cash.")) == (
        "4.5 million Norwegian crowns", 4.5e6, None, "norwegian krone", "=")


def test_torque_in_pound_feet():
    assert one("The motor makes 410 lb-ft of torque.").unit == "foot pound-force"


# ---------------------------------------------------------------- change labels


def test_ended_down_is_a_fall_but_cut_down_is_not():
    assert one("The index ended down 1.2% on Friday.").change == "down"
    assert one("They cut down 40 trees.").change == "="


def test_a_clause_without_a_verb_borrows_the_change_verb_before_it():
    out = qs("Shares of Acme were down 2.3%, Globex by 2.6% and Initech by 1.1%.")
    assert [(q.value, q.change) for q in out] == [(2.3, "down"), (2.6, "down"), (1.1, "down")]


def test_by_after_a_verbless_clause_that_is_not_a_list_stays_exact():
    out = qs("Prices rose 3%, the report said, by 2030 or so.")
    assert out[0].change == "up"


def test_added_before_money_or_a_percentage_is_a_rise():
    assert one("The stock added 15 cents to close the week.").change == "up"
    assert one("The benchmark added 0.4% in early trade.").change == "up"


def test_revised_upward_by_is_a_rise():
    assert one("The forecast was revised upward by $40 million.").change == "up"


def test_raised_money_or_children_is_not_a_rise():
    assert one("The charity raised $5 million last year.").change == "="
    assert one("They raised three children in the village.").change == "="
    assert one("The bank raised rates by 0.25 percentage points.").change == "up"


def test_under_the_age_of_is_an_upper_bound_on_an_age():
    assert fields(one("Children under the age of 12 travel free.")) == (
        "under the age of 12", 12, None, "year", "<")


def test_a_rate_after_a_bracketed_restatement_applies_to_both_amounts():
    out = qs("The bid values the firm at C$8 (US$5.90) per share.")
    assert [(q.value, q.unit) for q in out] == [(8, "canadian dollar per share"), (5.9, "dollar per share")]


def test_a_rate_a_barrel_followed_by_a_time_phrase():
    assert one("Oil sold for $61 a barrel in March.").unit == "dollar per barrel"
    assert one("Profit rose $40 a year ago.").unit == "dollar"  # 'a year ago' is a time, not a rate


def test_a_total_a_rate_takes_is_the_same_rate():
    text = "It declared a final dividend of 6.1p a share, taking the total for the year to 9.3p."
    assert [q.unit for q in qs(text)] == ["penny per share"] * 2


def test_a_figure_set_against_a_measure_with_not_is_that_measure():
    text = "They sold 9,000 tickets. The course was 21 kilometres, not 18, the rules said."
    assert [q.unit for q in qs(text)] == ["ticket", "kilometre", "kilometre"]


def test_a_point_on_a_course_is_no_quantity():
    assert qs("He stopped at kilometre 18 and at mile 20.") == []


def test_an_earlier_level_of_a_rate_after_a_time_is_the_same_rate():
    text = "Cod averaged £3.40 a kilo last month, up from £2.90 a year earlier."
    assert [q.unit for q in qs(text)] == ["pound sterling per kilogram"] * 2


def test_a_verbless_and_for_clause_borrows_the_move_before_it():
    text = "Quotas for plaice were raised 6% to 9,000 tonnes, and for sole by 11%."
    assert [q.change for q in qs(text)] == ["up", "=", "up"]


def test_watt_hours_written_as_two_words():
    assert one("Prices hit 480 euros per megawatt hour.").unit == "euro per megawatt hour"
    assert one("The dam made 4,000 gigawatt hours.").unit == "gigawatt hour"


def test_blood_pressure_in_millimetres_of_mercury():
    assert fields(one("Her blood pressure was 148 mmHg.")) == ("148 mmHg", 148, None, "millimetre of mercury", "=")
    assert one("A drop of 9 mm Hg is large.").unit == "millimetre of mercury"


def test_a_two_word_unit_in_a_hyphenated_compound():
    assert fields(one("A 96,000-square-foot depot opened.")) == ("96,000-square-foot", 96000, None, "square foot", "=")
    assert one("Boats must keep out of a 12-nautical-mile zone.").unit == "nautical mile"
    assert one("Each flat has a 9-square-metre balcony.").unit == "square metre"


def test_a_currency_the_lists_lack_is_the_singular_word_a_sum_is_spent_in():
    assert one("Repairs could cost 12 million lindar, the council said.").unit == "lindar"
    assert one("On a good night I earn 300 sovin.").unit == "sovin"
    assert one("They spent 40 million on the new pier.").unit is None
    assert one("The firm paid 12 million euro.").unit == "euro"


def test_the_size_of_one_group_is_per_that_group():
    assert [q.unit for q in qs("Average herd size fell from 84 cows to 71.")] == ["cow per herd"] * 2
    assert one("Screen sizes grew to 6.7 inches.").unit == "inch"


def test_the_subject_of_a_reported_clause_names_what_a_bare_figure_counts():
    assert one("The warden said prison numbers had risen by 1,200 since May.").unit == "prison"
    assert one("The board expects visitor numbers to pass 3 million.").unit == "visitor"


def test_the_cost_of_doing_a_thing_to_one_is_per_that_one():
    text = "Housing a refugee for a month costs about £1,900, up from £1,500."
    assert [q.unit for q in qs(text)] == ["pound sterling per refugee per month"] * 2
    assert one("Training a pilot costs $90,000.").unit == "dollar per pilot"
    assert one("Running the depot costs $9 million.").unit == "dollar"


def test_a_bare_figure_paid_by_the_period_is_the_storys_money():
    text = "Rooms cost 180 euros a night. Staff say they pay 540 a month in rent."
    assert [(q.value, q.unit) for q in qs(text)] == [(180, "euro per night"), (540, "euro per month")]
    assert one("I pay 650 a month in rent.").unit is None  # no money named before


def test_the_stuff_measured_may_stand_before_the_rate():
    assert one("The well yields 1,800 barrels of crude a day.").unit == "barrel per day"
    assert one("Each cow gives 30 litres of milk per day.").unit == "litre per day"
    assert fields(one("It held 40 tonnes of grain a year ago.")) == ("40 tonnes", 40, None, "tonne", "=")


def test_hyphenated_a_year_is_a_rate():
    assert one("Fees went up by £30 a-year.").unit == "pound sterling per year"


# ---------------------------------------------------------------- a unit written once, used twice


def test_an_index_level_is_in_points():
    out = qs("The index rose 0.3% to 1,402.55, while the small-cap gauge gained 1.1% to 980.15.")
    assert [(q.value, q.unit) for q in out] == [
        (0.3, "percentage"), (1402.55, "point"), (1.1, "percentage"), (980.15, "point")]


def test_a_bare_number_repeating_an_earlier_slot_takes_its_unit():
    out = qs("The top estimate is 91.5 cents, while the bottom one is 80.25.")
    assert [(q.value, q.unit) for q in out] == [(91.5, "cent"), (80.25, "cent")]
    out = qs("Paris rose by 2 percent and Milan slipped by 1.")
    assert [(q.value, q.unit, q.change) for q in out] == [(2, "percentage", "up"), (1, "percentage", "down")]


def test_a_part_of_a_whole_shares_the_unit():
    out = qs("So far she has collected 40 million of the 2 billion rupees she needs.")
    assert [(q.value, q.unit) for q in out] == [(40e6, "indian rupee"), (2e9, "indian rupee")]


def test_or_before_a_currency_amount_shares_the_currency():
    out = qs("A ticket costs about 7 or $8.")
    assert [(q.value, q.unit) for q in out] == [(7, "dollar"), (8, "dollar")]


def test_a_bare_number_without_a_parallel_stays_bare():
    out = qs("Profit rose 4% and the firm hired 30 in Ohio.")
    assert out[1].unit is None


def test_from_to_range_with_a_time_or_place_between_the_ends():
    assert fields(one("The coin slid from $41,200 at 9pm on Sunday to $39,800.")) == (
        "$41,200 at 9pm on Sunday to $39,800", 41200, 39800, "dollar", "=")
    assert fields(one("Output grew from 12 tonnes in 2015 to 19 tonnes.")) == (
        "12 tonnes in 2015 to 19 tonnes", 12, 19, "tonne", "=")


def test_from_to_range_stops_at_a_clause_break_or_a_year():
    out = qs("Staff grew from 5 people in 2010 to 2012.")
    assert [(q.value, q.value_max) for q in out] == [(5, None)]
    out = qs("It fell from 30 points, and then to 20.")
    assert [(q.value, q.value_max) for q in out] == [(30, None), (20, None)]


# ---------------------------------------------------------------- counted nouns


def test_modifiers_joined_by_and_count_the_head_noun():
    assert fields(one("The label sold 2.1m digital and physical copies.")) == (
        "2.1m digital and physical copies", 2.1e6, None, "copy", "=")
    assert one("Police found 310 Ford and Kia vehicles abandoned.").unit == "vehicle"


def test_a_bare_number_compared_with_an_earlier_count_inherits_it():
    out = qs("About 300 Ford and Kia vehicles were stolen, compared with 40 during the spring.")
    assert [(q.value, q.unit) for q in out] == [(300, "vehicle"), (40, "vehicle")]


def test_two_separate_counts_joined_by_and_stay_apart():
    out = qs("He scored 3 goals and two assists.")
    assert [(q.value, q.unit) for q in out] == [(3, "goal"), (2, "assist")]


def test_a_count_of_things_with_a_measured_size():
    out = qs("The plant will fill six million 330ml bottles a year.")
    assert [(q.surface, q.value, q.unit) for q in out][:2] == [
        ("six million", 6e6, "bottle"), ("330ml", 330, "millilitre")]


def test_money_before_a_noun_that_is_also_a_unit_stays_money():
    assert fields(one("She bought a $900 stone bench.")) == ("$900", 900, None, "dollar", "=")


def test_years_of_the_next_century_are_dates():
    assert qs("Coasts could flood by 2150, the study warns.") == []


def test_a_slash_between_two_amounts_is_a_low_high_pair():
    assert fields(one("Analysts see the shares at $12/$15 next year.")) == ("$12/$15", 12, 15, "dollar", "=")


def test_a_spaced_capital_multiplier_before_a_plural():
    assert fields(one("The region has about 1.4 B people.")) == ("about 1.4 B people", 1.4e9, None, "person", "~")


def test_a_zip_code_is_an_identifier():
    assert [q.value for q in qs("In the 10023 ZIP code, 52 flats sold.")] == [52]


def test_a_fraction_of_a_unit():
    assert fields(one("A cup holds 1/4 of a quart.")) == (
        "1/4 of a quart", 0.25, None, "quart", "=")


def test_ages_after_who_was_and_life_expectancy():
    assert one("She moved with her son, who was 9.").unit == "year"
    assert fields(one("Life expectancy for women there is about 81 now.")) == ("about 81", 81, None, "year", "~")


def test_one_adjective_noun_counts_the_noun():
    assert one("They made one particular request.").unit == "request"


def test_one_possessor_is_no_count():
    assert qs("The town paid for one mayor's vanity.") == []
    assert qs("It is one nurse’s account of the night.") == []
    assert one("Only one nurse was on duty.").unit == "nurse"


def test_nouns_ending_in_s_that_are_singular():
    assert one("The van carries two gas-powered heaters.").unit == "gas-powered heater"


def test_a_model_number_after_a_count_names_the_model():
    assert fields(one("The carrier grounded three new 787 Dreamliner jets.")) == (
        "three new 787 Dreamliner jets", 3, None, "jet", "=")


def test_a_season_written_as_a_span_of_years_is_a_date():
    assert [q.value for q in qs("In the 2019-20 season they won 30 games.")] == [30]


def test_a_noun_or_two():
    assert fields(one("They hope to add a striker or two.")) == ("two", 2, None, "striker", "=")
    assert one("Expect a reply in a day or two.").unit == "day"


def test_spaced_celsius_and_fahrenheit():
    out = qs("Highs reached 41 C (106 F) in the valley.")
    assert [(q.value, q.unit) for q in out] == [(41, "celsius"), (106, "fahrenheit")]
    assert [q.unit for q in qs("Room 5 C is closed.")] == []


def test_hyphenated_rate_barrel_a_day():
    assert one("It runs a 90,000 barrel-a-day plant.").unit == "barrel per day"


def test_a_scaled_number_of_its_things():
    assert one("The firm has sold 12m of its smart speakers.").unit == "smart speaker"


def test_a_rate_of_an_earlier_counted_noun():
    out = qs("Police logged 31 car thefts, against an average of 18 per week.")
    assert [(q.value, q.unit) for q in out] == [(31, "car theft"), (18, "car theft per week")]


def test_heat_rates_per_million_btu():
    assert one("Gas settled at $2.71 per mmBtu.").unit == "dollar per mega british thermal unit"


def test_a_model_number_inside_the_counted_phrase():
    assert fields(one("The plant built about 41000 Model 2 hatchbacks.")) == (
        "about 41000 Model 2 hatchbacks", 41000, None, "hatchback", "~")


def test_masked_spans_and_weight_checks_stay_linear_on_one_huge_sentence():
    import time

    def cost(k):
        s = "It went from $5 at 10.45pm to $6 at 11:30 on 12/05/2020 and a cat of 9 pounds, " * k
        t0 = time.perf_counter()
        find_quantities(s, 0, len(s))
        return time.perf_counter() - t0

    small, big = cost(500), cost(4000)
    assert big < small * 8 * 3  # 8 times the text may cost about 8 times as much, never 64


def test_a_rate_at_the_very_end_of_the_text():
    assert fields(one("The limit is 10km/hr")) == ("10km/hr", 10, None, "kilometre per hour", "=")
    assert one("Soil held 37.8 grams per kilogram").unit == "gram per kilogram"


def test_estimates_suggest_is_an_estimate():
    assert one("Estimates suggest 9000 people are still missing.").change == "~"


def test_an_editors_bracket_around_the_number():
    assert fields(one('"[Five] years ago we had nothing," she said.')) == ("Five] years", 5, None, "year", "=")


def test_lost_things_are_a_count_but_a_lost_percentage_is_a_fall():
    assert one("The team lost 4 games in May.").change == "="
    assert one("The index lost 1.3% on Friday.").change == "down"


def test_the_plural_noun_before_a_bound_is_counted():
    assert fields(one("It left pending visa applications over 150,000.")) == (
        "over 150,000", 150000, None, "visa application", ">")


def test_a_year_before_levels_or_figures_is_a_date():
    assert [q.value for q in qs("Emissions must fall 40% below 1990 levels.")] == [40]


def test_the_annual_number_event_is_a_name():
    assert qs("The annual 500 festival drew crowds.") == []


def test_people_under_or_over_a_number_is_an_age_bound():
    assert fields(one("The plan helps people under 30 find work.")) == ("under 30", 30, None, "year", "<")
    assert one("Voters over 65 backed the plan.").unit == "year"


def test_the_counted_phrase_stops_before_a_verb():
    assert one("Some 40 club members drew lots.").unit == "club member"
    q = one("The 300 stall fair drew crowds.")
    assert q.unit == "stall" and "crowd" not in q.surface


def test_a_chain_of_from_to_steps_is_two_ranges():
    out = qs("The fee climbs from $20 to $25 to $30 next year.")
    assert [(q.value, q.value_max) for q in out] == [(20, 25), (25, 30)]
    out = qs("Fuel use fell from roughly 9-11 litres to 7 in the trial.")
    assert [(q.value, q.value_max) for q in out] == [(9, 11), (7, None)]


def test_an_acronym_plural_keeps_its_capitals():
    assert one("He threw 3 TDs in the half.").unit == "TD"


def test_an_integer_after_a_copula_does_not_take_an_earlier_measure():
    out = qs("He is 6 feet tall and his brother is 12.")
    assert [(q.value, q.unit) for q in out] == [(6, "foot"), (12, "year")]  # a brother's age, not feet


def test_from_to_gap_is_not_a_clock_or_a_counted_noun():
    assert qs("Classes run from 9 in the morning to 5 in the evening.") == []  # times of day
    out = qs("Staff went from 10 people last year to 2,000.")
    assert [(q.value, q.unit) for q in out] == [(10, "person"), (2000, "person")]


def test_a_verb_before_a_bound_is_not_a_counted_noun():
    assert one("The stadium seats over 60,000.").unit is None
    assert one("The firm employs about 600.").unit is None


def test_then_and_now_before_a_hyphenated_age():
    assert fields(one("The then-45-year-old mayor resigned.")) == ("45-year-old", 45, None, "year", "=")
    assert qs("Cases of COVID-19 rose.") == []


def test_the_same_measure_at_another_time_after_and():
    out = qs("The average angle was 3.2 degrees in 2021 and 4.5 last year.")
    assert [(q.value, q.unit) for q in out] == [(3.2, "degree"), (4.5, "degree")]


def test_a_pair_written_twice_takes_the_first_pairs_unit():
    out = qs("The base car is 2,100,000 yen ($19,400) and the sport trim 2,350,000 ($21,700).")
    assert [(q.value, q.unit) for q in out] == [
        (2100000, "japanese yen"), (19400, "dollar"), (2350000, "japanese yen"), (21700, "dollar")]


def test_speed_is_a_noun_not_a_past_participle():
    assert fields(one("It pairs with a 6 speed gearbox.")) == ("6 speed", 6, None, "speed", "=")
    out = qs("The 6 speed car is 2,100,000 yen ($19,400) and the sport trim 2,350,000 ($21,700).")
    assert [q.unit for q in out] == ["speed", "japanese yen", "dollar", "japanese yen", "dollar"]


def test_by_only_borrows_a_verb_near_it_in_its_own_clause():
    assert one("Profits fell in the spring as costs climbed across every region of the country by the autumn "
               "by 3 million units.").change == "="


def test_an_adverb_before_an_adjective_inside_the_counted_phrase():
    assert one("The grid equals about 15 moderately sized gas turbines.").unit == "gas turbine"
    assert one("He had 3 really big wins.").unit == "win"
    assert one("Some 30 people quickly left.").unit == "person"


# ---- a change and the level it reached; things that are not quantities (issue 12)


@pytest.mark.parametrize("sentence, expected", [
    ("The board raised its dividend by 7 cents to 52 cents a share.",
     [("7 cents", 7.0, None, "cent", "up"), ("52 cents a share", 52.0, None, "cent per share", "=")]),
    ("The council cut the levy by $12 to $340 a year.",
     [("$12", 12.0, None, "dollar", "down"), ("$340 a year", 340.0, None, "dollar per year", "=")]),
    ("Turnout increased by 3 points to 41 percent.",
     [("3 points", 3.0, None, "percentage point", "up"), ("41 percent", 41.0, None, "percentage", "=")]),
])
def test_a_change_by_an_amount_to_a_level_is_two_figures(sentence, expected):
    assert [(q.surface, q.value, q.value_max, q.unit, q.change) for q in qs(sentence)] == expected


def test_a_range_of_changes_and_a_movement_from_one_level_to_another_stay_one_figure():
    assert [(q.value, q.value_max) for q in qs("Sea temperatures fell by 2 to 3 degrees Celsius.")] == [(2.0, 3.0)]
    assert [(q.value, q.value_max) for q in qs("The fare rose from $2 to $3 last year.")] == [(2.0, 3.0)]


@pytest.mark.parametrize("sentence", [
    "For help, call the hotline on 1-800-555-0199 before Friday.",
    "Comments can be phoned in to the line at 1-800-555-0123.",
    "Listeners can ring 020.7946.0958 during the programme.",
    "The hearing begins at 10.30 in the main chamber.",
    "The last ferry leaves at 18.45 each evening.",
    "Polls are open until 21.00 tonight.",
])
def test_phone_numbers_and_clock_times_with_a_dot_are_not_quantities(sentence):
    assert qs(sentence) == []


@pytest.mark.parametrize("sentence, value", [
    ("Shares closed at 10.30 after the announcement.", 10.3),  # a price
    ("Inflation reached 10.30 percent in May.", 10.3),
    ("The trial lasted 10-15 days.", 10.0),  # two groups of digits: a range
])
def test_prices_rates_and_ranges_that_look_like_times_or_codes_are_kept(sentence, value):
    assert [q.value for q in qs(sentence)][:1] == [value]


# ---- uncertainties and compound units (issue 12)


@pytest.mark.parametrize("sentence, expected", [
    ("The core's density is 5.5±0.2 g/cm³, the probe found.", ("5.5±0.2 g/cm³", 5.5, "gram per cubic centimetre", 0.2)),
    ("Approval stood at 44±3% in the survey.", ("44±3%", 44.0, "percentage", 3.0)),
    ("The crater is 3.1 ± 0.4 billion years old.", ("3.1 ± 0.4 billion years old", 3.1e9, "year", 0.4e9)),
    ("The beam weighs 18.2 +/- 0.5 kg.", ("18.2 +/- 0.5 kg", 18.2, "kilogram", 0.5)),
    ("The dam is 40 plus or minus 2 metres high.", ("40 plus or minus 2 metres", 40.0, "metre", 2.0)),
])
def test_a_figure_with_its_uncertainty_is_one_quantity(sentence, expected):
    q = one(sentence)
    assert (q.surface, q.value, q.unit, q.uncertainty) == expected


@pytest.mark.parametrize("sentence, unit", [
    ("Nitrate levels reached 50 mg/L downstream.", "milligram per litre"),
    ("Farmers now harvest 8 t/ha.", "tonne per hectare"),
    ("The roof takes a load of 300 kg/m2.", "kilogram per square metre"),
    ("Gusts reached 140 km/h.", "kilometre per hour"),
])
def test_a_unit_per_unit_written_with_a_slash(sentence, unit):
    assert one(sentence).unit == unit


def test_a_stated_margin_alone_and_a_fraction_are_not_uncertainties():
    assert one("The poll's margin of error is plus or minus 3 points.").uncertainty is None
    assert (one("She took 3/4 of the vote.").value, one("She took 3/4 of the vote.").uncertainty) == (0.75, None)


@pytest.mark.parametrize("sentence, expected", [
    ("A magnitude 6.4 earthquake shook the coast.", ("magnitude 6.4", 6.4, "magnitude")),
    ("The tremor had a magnitude of 4.8, the survey said.", ("magnitude of 4.8", 4.8, "magnitude")),
    ("A 5.9 magnitude aftershock followed.", ("5.9 magnitude", 5.9, "magnitude")),
    ("The quake measured 6.9 on the Richter scale.", ("6.9 on the Richter scale", 6.9, "magnitude")),
    ("Officials raised the threat to level four.", ("level four", 4.0, "level")),
    ("The meteor shone at magnitude −9 over the city.", ("magnitude −9", -9.0, "magnitude")),
])
def test_a_measure_named_by_a_word_before_or_a_scale_after(sentence, expected):
    q = one(sentence)
    assert (q.surface, q.value, q.unit) == expected


def test_a_level_that_names_a_place_is_not_a_measure():
    assert qs("Level 3 of the car park was closed.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("Obesity reached 412 per 100,000 adults in the survey.", ("412 per 100,000 adults", 412.0, "per 100,000 adults")),
    ("Infant deaths fell to 3.9 per 1,000 live births.", ("3.9 per 1,000 live births", 3.9, "per 1,000 live births")),
    ("The city recorded 9 murders per 100,000 residents.", ("9 murders per 100,000 residents", 9.0,
                                                             "murder per 100,000 residents")),
    ("The clinic treated 365 patients in March.", ("365 patients", 365.0, "patient")),
])
def test_a_rate_per_a_round_population_is_one_figure(sentence, expected):
    q = one(sentence)
    assert (q.surface, q.value, q.unit) == expected


def test_open_all_year_round_is_not_a_quantity():
    assert qs("The helpline is staffed 24/7/365.") == []


# ---------------------------------------------------------------- units from the words around (issue 12, revision 4)


def test_a_capital_a_before_a_spaced_dollar_sign_is_the_article_not_australian_dollars():
    assert fields(one("A $3.4 million grant was approved.")) == ("$3.4 million", 3400000.0, None, "dollar", "=")
    assert one("The firm earned A$3.4 million.").unit == "australian dollar"
    assert one("Shares were offered at C $6 each.").unit == "canadian dollar per share"


def test_per_an_adjective_and_a_noun_is_per_the_noun():
    assert one("Earnings were $2.05 per diluted share.").unit == "dollar per share"
    assert one("The dividend is 40 cents per ordinary share.").unit == "cent per share"
    assert one("Campaigns spent $12 per registered voter.").unit == "dollar per voter"


def test_a_possessive_before_the_counted_noun_belongs_to_it():
    assert one("The town will hire 14 sheriff's deputies.").unit == "sheriff's deputy"
    assert one("About 30 women's refuges closed.").unit == "women's refuge"


def test_a_partitive_counts_the_noun_it_takes_from():
    assert one("The audit flagged at least 45 of the invoices.").unit == "invoice"
    assert [q.unit for q in qs("The storm damaged 620 homes, 85 of them beyond repair.")] == ["home", "home"]
    assert qs("One of the men fled.") == []  # "one of the" is no quantity


def test_points_by_which_a_percentage_moves_are_percentage_points():
    assert [q.unit for q in qs("Support rose by 4 points to 38 percent.")] == ["percentage point", "percentage"]
    assert [q.unit for q in qs("The index fell 12 points, or 1.2%, to 980.")][:2] == ["point", "percentage"]
    assert one("The guard scored 31 points.").unit == "point"


def test_a_collective_noun_before_a_plural_is_its_modifier():
    assert one("The firm cut 40 staff members.").unit == "staff member"
    assert one("It bought 12 police cars.").unit == "police car"
    assert one("It has 36,000 staff.").unit == "staff"


def test_ones_repeats_the_noun_counted_before():
    assert [q.unit for q in qs("The fleet has 40 buses, and 12 new ones run on hydrogen.")] == ["bus", "bus"]


def test_a_rate_per_a_population_of_every_and_bare():
    assert fields(one("Asthma was found in 230 of every 100,000 children.")) == (
        "230 of every 100,000 children", 230.0, None, "per 100,000 children", "=")
    assert [fields(q)[:4] for q in qs("The rate was 14 per 100,000 six years ago.")] == [
        ("14 per 100,000", 14.0, None, "per 100,000"), ("six years", 6.0, None, "year")]
    rates = qs("It struck 230 of every 100,000 children, up from 190 per 100,000 in 2019.")
    assert [q.unit for q in rates] == ["per 100,000 children", "per 100,000 children"]


def test_an_economy_that_expanded_or_contracted_changed():
    assert one("GDP expanded by 2.1 percent in the quarter.").change == "up"
    assert one("Output contracted 0.4% in May.").change == "down"


def test_a_time_unit_after_a_slash_as_a_letter():
    assert one("The probe flew at 11.2 km/s past the moon.").unit == "kilometre per second"
    assert one("The current runs at 2 m/s near the weir.").unit == "metre per second"


def test_a_wage_an_hour_on_average_is_a_rate():
    assert fields(one("Cleaners earn €13.20 an hour on average.")) == ("€13.20 an hour", 13.2, None, "euro per hour", "=")
    assert one("Output rose 3% on the year on average.").unit == "percentage"


def test_money_for_each_thing_is_money_per_thing():
    assert one("Brantley offered $12.75 for each Orwin share.").unit == "dollar per share"
    assert one("The club pays £4 for every ticket.").unit == "pound sterling per ticket"
    assert one("Rates rise 2 percent for every full year.").unit == "percentage"
    assert one("Bonds fell $3 for each face amount.").unit == "dollar"


def test_spaced_phone_numbers_dialled_numbers_and_references_are_not_quantities():
    assert qs("Ring the helpline on 0845 600 3321 or 020 7946 0321 today.") == []
    assert qs("Witnesses should call 101, quoting reference 83 of 9 May.") == []
    assert one("The charity will call 400 donors.").unit == "donor"


def test_two_close_guesses_joined_by_or_are_a_range():
    assert fields(one("Each cow gives 25 or 30 litres a day.")) == (
        "25 or 30 litres a day", 25.0, 30.0, "litre per day", "=")
    assert fields(one("The bus seats 40 or 45 passengers.")) == ("40 or 45 passengers", 40.0, 45.0, "passenger", "=")
    assert len(qs("He ran 5 or 50 miles.")) == 2  # far apart: a choice, not a range
    assert len(qs("It comes with a 13- or 15-inch screen.")) == 2  # sizes on offer


def test_a_negated_bound_turns_over():
    assert one("Overnight lows did not fall below 22 degrees.").change == ">"
    assert one("The river never rose above 4 metres.").change == "<"
    assert one("Prices are not less than $40.").change == ">"
    assert one("Lows fell below 22 degrees.").change == "<"


def test_money_over_a_span_of_years_names_the_period():
    assert [fields(q)[3:] for q in qs("The plan spends £6 billion over ten years.")] == [
        ("pound sterling", "="), ("year", "=")]
    assert one("He was jailed for over ten years.").change == ">"


def test_a_hedged_figure_is_an_estimate():
    assert one("Perhaps 300 fans stayed behind.").change == "~"
    assert one("They fear maybe 12 homes were lost.").change == "~"


def test_points_a_rate_has_moved_by_are_percentage_points_and_a_point_rise_is_a_rise():
    assert fields(qs("Turnout has fallen by 6 points since 2019, when it stood at 71 percent.")[0])[3:] == (
        "percentage point", "down")
    assert fields(qs("They want a 2-point cut in the sales tax rate, to 17 percent.")[0])[3:] == (
        "percentage point", "down")
    assert qs("The Nikkei lost 300 points, or 1.1%, on Monday.")[0].unit == "point"
    assert qs("She scored 24 points and hit 60 percent of her shots.")[0].unit == "point"


def test_times_told_in_words_and_numbers_dialled_after_on():
    assert qs("I left at half past five and was home by a quarter to eight.") == []
    assert qs("Witnesses can call detectives on 101 or ring the line on 0345.") == []
    assert fields(one("Sales rose from half to 40 percent."))[:4] == ("40 percent", 40.0, None, "percentage")


def test_a_limit_or_target_of_a_bare_figure_is_in_the_unit_before_it():
    text = "Ozone reached 190 micrograms per cubic metre, above the limit of 120."
    assert [q.unit for q in qs(text)] == ["microgram per cubic metre"] * 2
    assert [q.unit for q in qs("Inflation fell to 3.4%, above the target of 2.")] == ["percentage"] * 2
    assert [q.unit for q in qs("They scored 29 goals, an average of 2.07 per game.")] == ["goal", "goal per game"]


def test_a_rate_with_no_base_counts_what_the_rate_is_of():
    text = "The suicide rate fell to 9.8 per 100,000 people, against a national average of 11.2."
    assert [q.unit for q in qs(text)] == ["suicide per 100,000 people"] * 2
    assert one("Diesel costs 1.70 per litre.").unit == "per litre"


def test_a_level_set_against_a_rate_is_that_rate():
    assert [q.unit for q in qs("Earnings were $2.10 a share, against the $1.95 forecast.")] == ["dollar per share"] * 2


def test_a_level_a_percentage_moved_to_is_no_percentage():
    assert [q.unit for q in qs("Headcount fell by 3% to 41,200.")] == ["percentage", None]


def test_the_number_of_drops_participles_before_the_counted_noun():
    assert one("The number of paying subscribers rose to 2.1 million.").unit == "subscriber"
    assert one("The number of registered business users rose to 400.").unit == "business user"


def test_two_levels_of_one_rate_share_the_rate():
    assert [q.unit for q in qs("Yields fell to 2.8 tonnes per hectare from 3.1 tonnes.")] == [
        "tonne per hectare", "tonne per hectare"]
    assert [q.unit for q in qs("The stock closed at $41 a share, up from $37.")] == ["dollar per share"] * 2
    assert [q.unit for q in qs("It raised the dividend by 3 cents to 21 cents per share.")] == [
        "cent", "cent per share"]
    assert [q.unit for q in qs("Fares rose from 2.10 vels a ride to 2.60 vels.")] == ["vel per ride"] * 2


def test_a_bare_rate_repeats_the_rate_named_earlier_in_the_document():
    text = "The county logged 41.2 cases per 100,000 children. In Brell the rate reached 90 per 100,000."
    cut = text.index(" In ")
    find_quantities(text, 0, cut)
    assert find_quantities(text, cut + 1, len(text))[0].unit == "case per 100,000 children"
    alone = "In Brell the rate reached 90 per 100,000."
    assert find_quantities(alone, 0, len(alone))[0].unit == "per 100,000"


def test_daily_and_weekly_are_adjectives_of_a_counted_noun_and_ages_in_a_list():
    assert one("The line runs 1,100 daily services.").unit == "service"
    assert [q.unit for q in qs("Only 12 of the airline's 300 weekly flights left.")] == ["flight", "flight"]
    assert [q.unit for q in qs("Charged were Ian Pole, 41; Ned Pole, 38; and a youth.")] == ["year", "year"]


def test_a_grouped_figure_after_a_name_counts_votes():
    assert one("The count gave Ada Voss 33,480 votes.").unit == "vote"
    assert one("Flight 370 carried 239 people.").unit == "person"


def test_bare_degrees_about_temperature_take_the_documents_scale():
    text = ("Highs reached 39.5°C (103.1°F) in Marlow. "
            "Overnight the temperature stayed above 26 degrees. The crane swung 40 degrees.")
    cuts = [0, text.index(" Overnight") + 1, text.index(" The crane") + 1, len(text)]
    units = [q.unit for a, b in zip(cuts, cuts[1:]) for q in find_quantities(text, a, b)]
    assert units == ["celsius", "fahrenheit", "celsius", "degree"]
    alone = "Overnight the temperature stayed above 26 degrees."
    assert find_quantities(alone, 0, len(alone))[0].unit == "degree"


def test_one_unit_of_measure_with_a_bound_or_a_hedge():
    assert fields(one("Seas were more than a degree warmer.")) == ("more than a degree", 1.0, None, "degree", ">")
    assert fields(one("The lake rose nearly a metre.")) == ("nearly a metre", 1.0, None, "metre", "up")
    assert qs("She took a degree in law and walked a mile.") == []


def test_a_sum_after_the_rate_it_is_of():
    assert [q.unit for q in qs("Adjusted earnings per share of $1.12, versus $0.95 a year earlier.")] == [
        "dollar per share", "dollar per share"]
    assert one("Income per head was $41,000.").unit == "dollar per head"
    assert [q.unit for q in qs("Shares rose 9 per cent to $84.")] == ["percentage", "dollar"]
    assert [q.unit for q in qs("Profit was $40 million, or $0.74 a share, against $26 million, or $0.49 a share.")] == [
        "dollar", "dollar per share", "dollar", "dollar per share"]


def test_a_bare_level_down_from_takes_the_measure_and_hyphenated_energy_units():
    assert [q.unit for q in qs("Homes sold in 29 days on average, down from 41 a year earlier.")] == ["day", "day"]
    assert one("Power traded at €130 per megawatt-hour.").unit == "euro per megawatt-hour"
    assert one("It pumps 2 million barrels a day from March.").unit == "barrel per day"


def test_people_taken_to_hospital_sports_halls_and_amounts_people_lost():
    assert [q.unit for q in qs("Three were killed and at least 20 taken to hospital.")][1] == "person"
    assert one("Evacuees slept in three sports halls.").unit == "sports hall"
    assert one("A couple who lost £9,000 spoke out.").change == "="
    assert one("Price increases of 2 to 3 percent stuck.").change == "up"


def test_a_part_of_a_whole_counts_the_noun_after_the_whole():
    assert [fields(q)[:4] for q in qs("Nine of the convoy's 30 trucks were stopped.")] == [
        ("Nine", 9.0, None, "truck"), ("30 trucks", 30.0, None, "truck")]
    assert qs("Smoke covered the northern half of the city in the second half.") == []


def test_rates_written_after_a_bare_figure_or_as_annually():
    assert [q.unit for q in qs("They scored 31 goals, an average of 1.9 per game.")] == ["goal", "goal per game"]
    assert [q.unit for q in qs("She won by 12 votes out of 8,410 cast.")] == ["vote", "vote"]
    assert one("The scheme costs €40 million annually.").unit == "euro per year"
    assert one("Greenland loses 250 gigatonnes annually.").unit == "gigaton"


def test_a_bare_figure_after_the_number_of_counts_that_noun():
    assert one("The number of bus routes was cut from 48.").unit == "bus route"
    assert one("The number of new cases rose to 212.").unit == "case"


def test_a_sum_after_its_rate_moved_and_a_further_change():
    assert [q.unit for q in qs("Spending per pupil will rise by 2.5% to £7,100.")] == ["percentage", "pound sterling per pupil"]
    assert one("The price of gold per ounce is at $1,700.").unit == "dollar"
    assert one("If seas warm by a further 0.8 degrees, reefs die.").change == "up"


def test_a_lead_in_the_polls_is_in_percentage_points_and_spending_over_years():
    assert one("Labour leads by six points in the latest poll.").unit == "percentage point"
    assert one("The guard scored 30 points.").unit == "point"
    assert [fields(q)[3:] for q in qs("The trust spent £3 million on the bridge over four years.")] == [
        ("pound sterling", "="), ("year", "=")]


def test_a_gain_of_a_small_number_and_a_kick_off_moved_to_a_clock_time():
    assert fields(qs("The Greens won 14 seats, a gain of five, on Friday.")[1])[1:] == (5.0, None, "seat", "up")
    assert qs("Two of them left, and one of the three stayed.") == []
    assert qs("Kick-off has been moved to 15.30 on police advice.") == []
    assert one("Shares rose to 12.30 on Friday.").value == 12.3


def test_a_part_of_the_last_few_counts_the_noun_after_them():
    assert [fields(q)[:4] for q in qs("They won two of their last 10 matches.")] == [
        ("two", 2.0, None, "match"), ("10 matches", 10.0, None, "match")]


def test_shares_written_as_nine_in_ten_are_one_fraction_not_a_count():
    assert [fields(q)[:3] for q in qs("Nearly seven in 10 members backed the deal.")] == [("Nearly seven in 10", 0.7, None)]
    assert [fields(q)[:3] for q in qs("About two in three nurses agreed.")] == [("About two in three", 2 / 3, None)]
    assert [q.unit for q in qs("Output grew 4 in 10 years.")] == [None, "year"]  # a span of time, not a share


def test_a_helpline_written_in_spaced_groups_is_a_phone_number():
    assert qs("Call the council's hotline, 1300 555 019, for help.") == []
    assert qs("Ring 212 555 0143 today.") == []


def test_a_level_named_between_from_and_to_makes_two_figures():
    assert [q.surface for q in qs("Jobless claims fell from 9.2% at their peak to 4.7% now.")] == ["9.2%", "4.7%"]
    assert [q.surface for q in qs("Prices slid from $52 at the height of the boom to $31.")] == ["$52", "$31"]


def test_a_bare_figure_compared_with_a_rate_takes_the_rate():
    assert [q.unit for q in qs("The yard will build 12 boats a month, compared with 8 today.")] == [
        "boat per month", "boat per month"]
    assert [q.unit for q in qs("Arrests ran at 2.1 per 1,000 people, against a regional rate of 2.6.")] == [
        "per 1,000 people", "per 1,000 people"]


def test_a_part_of_a_named_owners_whole_counts_the_noun_after_it():
    assert [fields(q)[:4] for q in qs("About 1,500 of Nordvik's drivers struck.")] == [("About 1,500", 1500.0, None, "driver")]
    assert [q.unit for q in qs("Some 90 of Harlow's 400 staff left.")] == ["staff", "staff"]
    assert [q.unit for q in qs("It said 2.1 million of the 3.4 million adults voted.")] == ["adult", "adult"]


def test_a_currency_without_a_country_keeps_its_bare_name_and_takes_an_adjective():
    assert [q.unit for q in qs("Rent is 9,000 krona, or 700 Icelandic krona more, or 80 Mexican pesos.")] == [
        "krona", "icelandic krona", "mexican peso"]


def test_an_exchange_rate_per_currency_is_the_currency_it_prices():
    assert [q.unit for q in qs("The rand weakened 1% against the dollar, to 18.40 per dollar.")] == [
        "percentage", "south african rand per dollar"]
    assert one("Diesel costs 1.70 per litre.").unit == "per litre"


def test_a_measure_is_not_carried_to_a_bare_count():
    from ledger.extract import extract
    text = "A magnitude 5.9 tremor hit the coast on Friday. The number of homes damaged climbed to 4,300 by noon."
    assert [(c.quantity.surface, c.quantity.unit) for c in extract(text).claims] == [
        ("magnitude 5.9", "magnitude"), ("4,300", "home")]
    text = "A magnitude 6.2 quake shook the town. Officials said the toll of missing stood at 41."
    assert [c.quantity.unit for c in extract(text).claims] == ["magnitude", "person"]  # a toll counts people


def test_the_subject_names_what_a_bare_figure_counts():
    assert [q.unit for q in qs("Applications grew sharply last year, by 12% to 3.1 million.")] == ["percentage", "application"]
    assert one("The death toll from Sunday's floods in the valley rose to 57 on Monday.").unit == "person"
    assert one("Norland's population reached 812,400 in the spring.").unit == "person"
    assert one("Guild members now number 6,200.").unit == "guild member"
    assert one("Visitor numbers rose to 2.3 million.").unit == "visitor"
    assert one("Revenues rose to 4,000 last year.").unit is None  # a sum counts nothing
    assert one("The Harper family grew to 14.").unit is None  # a name, not a plural noun


def test_any_verb_of_movement_lets_the_subject_name_the_count():
    assert one("Commuter numbers slipped to 1.9 million in May.").unit == "commuter"
    assert one("The club's membership shrank to 3,400 over the winter.").unit == "member"
    assert one("Ferry crossings edged up to 8,100.").unit == "ferry crossing"
    assert one("Profits slipped to 700,000.").unit is None  # a sum counts nothing


def test_a_bare_figure_after_from_or_to_is_the_other_level_of_the_move():
    assert [q.unit for q in qs("The average class fell to 24.5 pupils from 26.1.")] == ["pupil", "pupil"]
    assert [q.unit for q in qs("Waiting times rose to 19 weeks from 14.")] == ["week", "week"]


def test_a_dotted_figure_with_a_counted_noun_or_a_level_is_no_clock_time():
    assert one("The birth rate, at 1.52 births per woman, is falling.").surface == "1.52 births per woman"
    assert [q.surface for q in qs("Household size dipped to 2.41 people from 2.53.")] == ["2.41 people", "2.53"]
    assert qs("The meeting starts at 10.45 tomorrow.") == []


def test_number_as_a_verb_is_no_identifier():
    assert [fields(q)[:4] for q in qs("Registered nurses aged over 60 now number 14,800.")][1] == (
        "14,800", 14800.0, None, "nurse")
    assert [q.surface for q in qs("The club climbed to number 4 in the table.")] == []  # a rank


def test_number_words_before_of_them_count_what_the_sentence_counted():
    assert [q.unit for q in qs("Fifteen miners were trapped, and six of them were rescued.")] == ["miner", "miner"]
    # a noun named after "them" is what the part counts (as own_news_f's gold reads "36 of them specialists")
    assert [q.unit for q in qs("Seven walkers are missing, two of them children.")] == ["walker", "child"]
    assert [q.surface for q in qs("The two of them left early.")] == []


def test_an_age_range_after_ages_ranging_from_is_in_years():
    assert one("The patients' ages ranged from 19 to 88.").unit == "year"
    assert one("The victims were aged from 7 to 62.").unit == "year"
    assert one("A range of 19 to 88 was measured.").unit is None


def test_a_compass_adjective_is_dropped_from_the_counted_noun():
    assert one("Storms hit three southern counties.").unit == "county"
    assert one("It shut 11 coastal stations.").unit == "station"


def test_shrink_contract_and_near_are_change_words():
    assert one("The workforce will shrink by 2,000 jobs.").change == "down"
    assert one("Output could contract by 1.5% this year.").change == "down"
    assert one("The lake stayed near minus 12C.").change == "~"


def test_a_rate_written_short_takes_the_rate_named_before_it():
    units = [q.unit for q in qs("It logged 7.5 burglaries per 1,000 homes, against a city average of 5.2 per 1,000.")]
    assert units == ["burglary per 1,000 homes", "burglary per 1,000 homes"]


def test_of_which_and_of_whom_carry_the_unit_of_the_whole():
    assert [q.unit for q in qs("The plan costs 4.2 billion euros, of which the ministry said 900 million is new.")] == [
        "euro", "euro"]
    assert [q.unit for q in qs("Some 300 fans were detained, of whom 25 were charged.")] == ["fan", "fan"]


def test_a_bare_figure_short_of_or_needed_counts_the_noun_before_it():
    assert [q.unit for q in qs("The bloc took 48 of the 101 seats, three short of the 51 needed.")] == [
        "seat", "seat", "seat", "seat"]


def test_a_part_of_which_keeps_the_currency_of_the_whole_even_before_had():
    assert [q.unit for q in qs("The grant was 60 million pounds, of which 12 million had been spent.")] == [
        "pound sterling", "pound sterling"]


def test_a_participle_after_the_subject_does_not_become_its_head():
    assert [(q.surface, q.unit) for q in qs("Drivers aged under 25 now number 88,000.")][-1] == ("88,000", "driver")


def test_the_figure_needed_takes_the_unit_of_the_figure_it_is_compared_with():
    assert [q.unit for q in qs("Output, at 3.2 tonnes per hectare, is short of the 4 needed to break even.")] == [
        "tonne per hectare", "tonne per hectare"]


def test_a_time_after_a_bare_earlier_level_is_no_rate_and_keeps_the_noun():
    assert [(q.surface, q.unit) for q in qs("The clinic saw 820 patients, up from 640 a year ago.")] == [
        ("820 patients", "patient"), ("640", "patient")]
    assert [(q.surface, q.unit) for q in qs("The fleet has 90 ferries, up from 70 two years earlier.")][:2] == [
        ("90 ferries", "ferry"), ("70", "ferry")]
    assert [(q.surface, q.unit) for q in qs("The bakery sold 400 loaves in May, about 90 a week.")][-1] == (
        "about 90 a week", "loaf per week")


def test_the_level_a_figure_is_up_or_down_from_keeps_its_unit_even_a_measure():
    assert [q.unit for q in qs("Flights took 95 minutes on average, down from 110 in 2024.")] == ["minute", "minute"]


def test_a_hyphenated_fraction_before_a_noun_is_a_share_not_a_count():
    assert [(q.value, q.unit) for q in qs("The motion won a three-quarters majority.")] == [(0.75, None)]
    assert [(q.value, q.unit) for q in qs("They sold a two-bedroom flat.")] == [(2.0, "bedroom")]


def test_more_of_what_was_counted_before_is_not_people():
    assert [q.unit for q in qs("The depot had 500 tents, and another 200 were needed.")] == ["tent", "tent"]
    assert [q.unit for q in qs("Rescuers freed 500, and another 200 were evacuated.")][-1] == "person"


def test_a_change_by_a_figure_to_a_far_larger_level_is_two_figures_not_a_range():
    assert [fields(q) for q in qs("Enrolment grew by 2,500 to 48,000.")] == [
        ("2,500", 2500.0, None, None, "up"), ("48,000", 48000.0, None, None, "=")]
    assert [(q.value, q.value_max) for q in qs("Yields fell by 2 to 3 percent.")] == [(2.0, 3.0)]


def test_the_level_after_a_change_by_a_count_takes_its_noun():
    assert [q.unit for q in qs("The choir grew by 12 singers to 70.")] == ["singer", "singer"]


def test_verbs_that_lengthen_or_shorten_are_changes():
    assert [q.change for q in qs("The queue shortened by 20 minutes to 35 minutes.")] == ["down", "="]
    assert [q.change for q in qs("The lead widened by 3 points.")] == ["up"]


def test_a_rate_of_a_rate_puts_the_time_last():
    assert one("Camps supply 9 litres per person a day.").unit == "litre per person per day"
    assert one("The bonus pays up to 250 euros a month per pupil.").unit == "euro per pupil per month"
    assert one("Fares are 3 euros per trip.").unit == "euro per trip"


def test_a_child_or_relative_who_is_a_small_number_is_that_age():
    assert [q.unit for q in qs("Her nephew is nine and her niece was 12 when they left.")] == ["year", "year"]
    assert [q.unit for q in qs("The score is nine.")] == [None]


def test_a_number_word_that_is_part_of_a_figure_is_a_count():
    assert [(q.surface, q.value) for q in qs("Only four of the 31 had backed the plan.")] == [("four", 4.0), ("31", 31.0)]
    assert [q.surface for q in qs("Stage three of the 2026 rally was cancelled.")] == []


def test_an_amount_each_is_per_the_things_named_before_it():
    assert one("The lamps were auctioned at $75 each.").unit == "dollar per lamp"
    assert [q.unit for q in qs("The 30 nurses were given £900 each.")][-1] == "pound sterling per nurse"
    assert one("The club pays £900 each month.").unit == "pound sterling"


def test_points_after_basis_points_in_a_story_are_basis_points():
    text = "The central bank cut its rate by 25 basis points. Traders see a 50-point cut as likely, one in three say."
    assert [(q.value, q.unit) for q in qs(text)] == [(25, "basis point"), (50, "basis point"), (1 / 3, None)]
    assert [q.unit for q in qs("Rates fell by 25 basis points and the main index fell 75 points.")] == [
        "basis point", "point"]
    assert one("Traders now see a 50-point cut in June.").unit == "point"


def test_a_count_each_is_per_the_other_things_named_before_it():
    text = "Enrolment grew by 900, or 12 percent, and 14 of the 31 wards now hold more than 30 beds each."
    assert [q.unit for q in qs(text)][-1] == "bed per ward"
    assert [q.unit for q in qs("Eight households were sent 400 euros each.")][-1] == "euro per household"
    assert [q.unit for q in qs("The 40 nurses worked 12 hours each.")][-1] == "hour"


def test_a_bare_figure_that_was_done_to_things_is_not_people():
    assert [q.unit for q in qs("Airlines cut 80 flights, and 20 were cancelled outright.")] == ["flight", "flight"]
    assert one("About 50 were detained overnight.").unit == "person"


def test_the_number_of_people_in_a_state_counts_people_over_the_sentence_before():
    text = "The plant shed 300 jobs. The number of homeless rose by 900 to 14,000."
    assert [(q.surface, q.unit) for q in qs(text)][-2:] == [("900", "person"), ("14,000", "person")]


def test_a_part_of_them_named_after_them_counts_that_noun():
    assert [q.unit for q in qs("Some 90 climbers, 20 of them guides, were on the peak.")] == ["climber", "guide"]
    assert [q.unit for q in qs("There were 90 climbers, 20 of them injured.")] == ["climber", "climber"]


def test_a_period_a_sum_is_spread_over_is_no_bound_even_far_after_the_sum():
    assert [q.change for q in qs("She said €90 million would be spent on roads and bridges over six years.")] == ["=", "="]
    assert [q.change for q in qs("The bank is lowering rates by 25 basis points.")] == ["down"]


def test_losing_or_adding_a_stock_moves_it_where_losing_games_does_not():
    assert [q.change for q in qs("Retail lost 4,100 jobs, while the region added 900 residents.")] == ["down", "up"]
    assert [q.change for q in qs("The club lost seven matches.")] == ["="]


def test_one_verb_over_two_periods_moves_both_figures():
    assert [q.change for q in qs("Rents climbed 0.5% on the month and 6% on the year.")] == ["up", "up"]
    assert [q.change for q in qs("Rents climbed 0.5% in June and 6% of flats were empty.")] == ["up", "="]


def test_a_rate_per_a_scale_word_names_what_it_is_per():
    assert one("Crashes ran at 3.4 injuries per million passenger-kilometres.").unit == \
        "injury per million passenger-kilometres"
    assert [q.unit for q in qs("The 2 million new bonds were sold at 98p each.")][-1] == "penny per bond"


def test_one_someone_after_a_speech_verb_is_no_count():
    assert qs('"We lost everything," said one shopkeeper.') == []
    assert [q.surface for q in qs("They had one shop and two vans.")] == ["one shop", "two vans"]


def test_base_forms_of_raise_and_reduce_and_an_average_change_are_changes():
    assert [q.change for q in qs("The board will raise fees by an average of 6% in May.")] == ["up"]
    assert [q.change for q in qs("The scheme would reduce waiting times by 20%.")] == ["down"]
    assert [q.change for q in qs("The levy would raise 300 million crowns a year.")] == ["="]


def test_a_change_by_a_near_figure_to_another_is_a_range_even_with_money():
    assert [(q.value, q.value_max) for q in qs("The strike will cut profit by $4 million to $6 million.")] == [
        (4e6, 6e6)]
    assert [q.value for q in qs("The club raised the price by 50 cents to 4 dollars.")] == [50.0, 4.0]


def test_an_adjective_by_its_ending_is_not_part_of_the_counted_noun():
    assert [q.unit for q in qs("The fund reached 900 vulnerable pupils and 40 homeless families.")] == ["pupil", "family"]
    assert [q.unit for q in qs("The resort has 12 cable cars and 30 detective novels.")] == ["cable car", "detective novel"]


def test_an_age_bound_after_aged_is_in_years():
    assert [(q.unit, q.change) for q in qs("Drivers aged over 75 must retake the test.")] == [("year", ">")]


def test_a_price_each_keeps_the_compound_it_prices_and_its_earlier_level():
    assert [q.unit for q in qs("The theatre sold 900 gift vouchers at £25 each, up from £20.")] == [
        "gift voucher", "pound sterling per gift voucher", "pound sterling per gift voucher"]


def test_people_by_what_befell_them_keep_the_sentences_people_noun():
    assert [q.unit for q in qs("The coach carried 48 pupils; 40 were rescued.")] == ["pupil", "pupil"]
    assert [q.unit for q in qs("Three guards were killed and 20 were injured.")] == ["guard", "person"]


def test_bare_figures_read_from_an_opening_part_another_and_a_tally():
    assert [q.unit for q in qs("Of the 300 nurses, about 90 left.")] == ["nurse", "nurse"]
    assert [q.unit for q in qs("Floods wrecked 60 bridges and another 14 collapsed.")] == ["bridge", "bridge"]
    assert [q.unit for q in qs("The bill passed by 301 in favour to 112 against.")] == ["vote", "vote"]
    assert [q.unit for q in qs("The team scored 31 in the first half.")] == [None]


def test_lakh_crore_is_a_trillion():
    assert fields(one("The plan costs Rs 1.5 lakh crore.")) == ("Rs 1.5 lakh crore", 1.5e12, None, "indian rupee", "=")


def test_up_to_after_a_verb_of_motion_is_the_level_reached():
    assert [q.change for q in qs("Inflation crept up to 3.4% in May.")] == ["="]
    assert [q.change for q in qs("Fines can reach up to 500 euros.")] == ["<"]


def test_the_number_of_a_plural_before_has_counts_that_plural():
    assert [q.unit for q in qs("The number of midwives has fallen to 21,000.")] == ["midwife"]
    assert [q.unit for q in qs("Hotel bookings have halved to 9,000.")] == ["hotel booking"]


def test_a_bare_figure_that_fled_or_developed_an_illness_is_people():
    assert [q.unit for q in qs("In the trial, 412 developed asthma and 90 fled the ward.")] == ["person", "person"]


def test_a_fraction_of_a_scale_is_a_figure_with_its_noun():
    assert fields(one("A quarter of a million tenants were affected.")) == (
        "A quarter of a million tenants", 250000.0, None, "tenant", "=")


def test_scaled_values_carry_no_float_noise_and_vulgar_fractions_count():
    assert one("The fair drew 4.1 million visitors.").value == 4100000.0
    assert fields(one("The climb took 2½ hours.")) == ("2½ hours", 2.5, None, "hour", "=")


def test_odd_and_plus_after_a_figure_bound_it_and_keep_the_counted_noun():
    assert [(q.unit, q.change) for q in qs("About 300-odd delegates and 20-plus observers came.")] == [
        ("delegate", "~"), ("observer", ">")]


def test_money_a_thing_is_a_price_per_that_thing():
    assert [q.unit for q in qs("Bread rose to €2.40 a loaf, and rooms cost $90 a night.")] == [
        "euro per loaf", "dollar per night"]
    assert [q.unit for q in qs("He earned $500 a month ago.")] == ["dollar"]


def test_a_time_per_a_longer_time_is_a_rate_even_before_in():
    assert one("Patients waited up to 9 hours a day in corridors.").unit == "hour per day"
    assert one("Fees were $9,000 a year in tuition.").unit == "dollar per year"
    assert [q.unit for q in qs("Output was 4 million a year in 2019.")] == [None]


def test_a_bare_level_a_rate_moved_to_keeps_the_rate():
    said = "The rand, at 18.4 per dollar in May, weakened to 19.1 and then recovered to 18.8."
    assert [q.unit for q in qs(said)] == ["south african rand per dollar"] * 3
    assert [q.unit for q in qs("Wheat yields were 4.1 tonnes per hectare and fell to 3.2.")] == ["tonne per hectare"] * 2


def test_a_subjects_count_moved_by_a_bare_figure_counts_the_subject():
    assert [(q.unit, q.change) for q in qs("Households grew by 40,000 last year.")] == [("household", "up")]


def test_cutting_a_count_counts_what_was_cut_and_passing_a_count_bounds_it():
    assert [q.change for q in qs("The council has cut 45 posts.")] == ["="]
    assert [q.change for q in qs("The council will cut spending by 4%.")] == ["down"]
    assert [q.change for q in qs("Members will pass 20,000 by June.")] == [">"]
    assert [q.change for q in qs("The probe will pass 900 km above the moon.")] == ["="]


def test_a_count_more_or_fewer_than_a_reference_is_a_rise_or_a_fall():
    assert [q.change for q in qs("Wards hold 310 more patients than they were built for.")] == ["up"]
    assert [q.change for q in qs("The firm hired 40 more staff.")] == ["="]


def test_a_verb_elided_after_and_still_moves_its_figure():
    assert [q.change for q in qs("Visas from Peru fell by 12%, and those from Chile by 9%.")] == ["down", "down"]


def test_raising_about_a_sum_is_money_collected_roughly():
    assert [q.change for q in qs("The levy should raise about €2 million.")] == ["~"]


def test_a_charge_for_each_thing_is_per_that_thing():
    assert one("The port will add a €3 berthing fee for each yacht.").unit == "euro per yacht"


def test_a_rate_compared_with_a_bare_amount_keeps_the_rate():
    assert [q.unit for q in qs("Rents were €900 a month in Lyon, compared with €600 in Nantes.")] == [
        "euro per month", "euro per month"]


def test_hedges_and_low_bounds_in_words_label_the_figure():
    assert [q.change for q in qs("Perhaps 40 boats sailed, and as few as 12 returned.")] == ["~", ">"]
    assert [q.change for q in qs("It may cost as little as $5, possibly 6 dollars.")] == [">", "~"]


def test_a_population_or_a_crowd_of_a_bare_figure_is_people():
    assert [(q.surface, q.unit) for q in qs("The island has a population of 84,000.")] == [("84,000", "person")]
    assert [(q.surface, q.unit) for q in qs("The guild has a membership of 900.")] == [("900", "member")]


def test_n_of_them_counts_what_the_sentence_before_counted():
    text = "Divers brought 31 sailors ashore. Six of them needed surgery."
    cut = text.index("Six")
    find_quantities(text, 0, cut)
    assert [(q.surface, q.unit) for q in find_quantities(text, cut, len(text))] == [("Six", "sailor")]
    assert qs("Six of them needed surgery.") == []  # with nothing counted before, no count of its own


def test_people_who_remain_in_a_state_are_the_people_counted_before():
    assert [q.unit for q in qs("Fourteen climbers died and five remain stranded.")] == ["climber", "climber"]
    assert [q.unit for q in qs("Eight are still unaccounted for.")] == ["person"]
    assert [q.unit for q in qs("Two guards were killed and 40 were injured.")] == ["guard", "person"]


def test_a_bare_sum_in_millions_after_money_is_that_money():
    assert [q.unit for q in qs("The plan gives 480 million euros to schools and 96 million to roads.")] == [
        "euro", "euro"]
    # a sum in brackets converts the figure before it; the next bare figure is left bare, as NewsQuant reads it
    assert [q.unit for q in qs("Sales were 2.2 billion zlotys ($590 million) and profit 71 million.")] == [
        "polish zloty", "dollar", None]
    assert [q.unit for q in qs("It paid $4 billion for 2 million laptops.")] == ["dollar", "laptop"]


def test_passing_by_a_margin_is_no_bound():
    assert [q.change for q in qs("The bill passed by 31 votes to 24.")] == ["=", "="]
    assert [q.change for q in qs("Sales will pass 3 million.")] == [">"]


def test_raising_an_estimated_sum_is_money_collected_roughly():
    assert [q.change for q in qs("The sale will go ahead, raising an estimated €140 million.")] == ["~"]


def test_one_someone_described_before_a_cue_is_no_count():
    assert [q.surface for q in qs("At the market, one trader, a grocer, said prices rose 12%.")] == ["12%"]
    assert [q.surface for q in qs("The squad has one goalkeeper, two defenders and a coach, the club said.")] == [
        "one goalkeeper", "two defenders"]


def test_a_sum_paid_to_each_thing_is_per_that_thing():
    assert [q.unit for q in qs("The state will give €500 to each family.")] == ["euro per family"]
    assert [q.unit for q in qs("The county will pay 900 marks to each flooded farm.")] == ["mark per farm"]
    assert [q.unit for q in qs("They sent 40 troops to each province.")] == ["troop"]


def test_people_still_held_somewhere_are_the_people_counted_before():
    assert [q.unit for q in qs("Six divers were hurt and two remained in hospital.")] == ["diver", "diver"]
    assert [q.unit for q in qs("Of the 30 protesters held, 12 remain in custody.")] == ["protester", "protester"]


def test_a_verb_moving_its_objects_count_to_a_bare_figure_names_it():
    assert [q.unit for q in qs("The party doubled its seats to 22, and the Greens won nine.")] == ["seat", "seat"]
    assert [q.unit for q in qs("He cut his hours to 20.")] == [None]


def test_a_part_of_a_possessed_group_counts_the_group():
    assert [q.unit for q in qs("It represents about 2,900 of the plant's workers.")] == ["worker"]


def test_a_bare_count_that_did_something_is_the_people_counted_before():
    assert [q.unit for q in qs("The study enrolled 1,200 adults, and 598 received a placebo.")] == ["adult", "adult"]
    # (a verb that ends the clause ends the bare figure: "12 closed" are twelve of the branches)
    assert [q.unit for q in qs("The bank sold 30 branches and 12 closed.")] == ["branch", "branch"]
    assert [q.unit for q in qs("A poll of 900 farmers found that 610 opposed the plan.")] == ["farmer", "farmer"]


def test_points_of_a_swing_are_percentage_points():
    assert [q.unit for q in qs("The swing to Labour, 5.2 points, was the largest since 1990.")] == ["percentage point"]
    assert [q.unit for q in qs("The index fell 5.2 points.")] == ["point"]


def test_a_move_named_by_what_moves_is_a_change():
    assert [q.change for q in qs("Fans face an average price rise of 12%.")] == ["up"]
    assert [q.change for q in qs("Nurses were offered a pay increase of 4%.")] == ["up"]


def test_a_level_against_the_usual_is_a_rise_or_a_fall():
    assert [q.change for q in qs("Reservoirs are 35% below normal.")] == ["down"]
    assert [q.change for q in qs("Sales ran 8% above average.")] == ["up"]


def test_a_loss_of_money_is_the_sum_lost_and_shedding_jobs_counts_them():
    assert [q.change for q in qs("The club made a loss of €61.4 million.")] == ["="]
    assert [q.change for q in qs("The index suffered a loss of 3%.")] == ["down"]
    assert [q.change for q in qs("The mill shed 400 jobs.")] == ["="]
    assert [q.change for q in qs("Losses are capped at €45 million over three seasons.")] == ["=", "="]


def test_such_leaves_the_counted_noun_and_the_oldest_is_an_age():
    assert [q.unit for q in qs("Police logged 1,140 such reports.")] == ["report"]
    assert [q.unit for q in qs("He robbed 17 customers, the oldest of whom was 96.")] == ["customer", "year"]
    assert [q.unit for q in qs("The oldest mine was 300 metres deep.")] == ["metre"]


def test_an_exchange_rate_after_its_currency_named_as_subject():
    assert [q.unit for q in qs("The tolar, which traded at 41.2 per dollar, weakened to 50.6.")] == [
        "tolar per dollar", "tolar per dollar"]
    assert [q.unit for q in qs("The rate fell to 83.4 per dollar.")] == ["per dollar"]


def test_n_of_whom_counts_what_was_counted_before():
    assert [q.unit for q in qs("Medics treated 412 runners, 27 of whom went to hospital.")] == ["runner", "runner"]


def test_money_a_periodic_charge_comes_to_is_per_that_period():
    assert [q.unit for q in qs("The rise takes the minimum hourly rate to £12.85.")] == ["pound sterling per hour"]
    assert [q.unit for q in qs("Average monthly rent is now €1,240.")] == ["euro per month"]
    assert [q.unit for q in qs("Hourly pay is low, but the firm paid $40 million in bonuses.")] == ["dollar"]


def test_a_count_a_single_thing_is_per_that_thing():
    assert [q.unit for q in qs("Schools have 30 pupils a class.")] == ["pupil per class"]
    assert [q.unit for q in qs("She gave 40 pupils a book.")] == ["pupil"]
    assert [q.unit for q in qs("Police arrested 12 men a week ago.")] == ["man"]


def test_a_bound_between_a_figure_and_its_noun_keeps_the_noun():
    assert [(q.unit, q.change) for q in qs("Drinking three or more cups of coffee helps.")] == [("cup", ">")]
    assert [(q.unit, q.change) for q in qs("Wards with 40 or fewer staff were shut.")] == [("staff", "<")]


def test_a_verb_opening_a_sentence_is_no_name_before_a_figure():
    assert [q.unit for q in qs("Drinking 3 cups a day helps.")] == ["cup per day"]
    assert qs("Boeing 737 jets were grounded.") == []


def test_closer_to_a_figure_is_roughly_it():
    assert [q.change for q in qs("The cost is closer to $3 billion.")] == ["~"]


def test_people_still_missing_are_the_people_the_sentence_before_counted():
    text = "Rescuers freed nine miners. Four are still missing."
    cut = text.index("Four")
    find_quantities(text, 0, cut)
    assert [q.unit for q in find_quantities(text, cut, len(text))] == ["miner"]


def test_a_price_each_is_per_the_things_counted_not_their_contents():
    assert [q.unit for q in qs("He lost 18 containers of bananas, worth roughly 90,000 euros each.")] \
        == ["container", "euro per container"]
    assert [q.unit for q in qs("The museum bought letters at £400 each.")] == ["pound sterling per letter"]


def test_a_level_a_rate_rises_to_keeps_the_rate_not_an_earlier_noun():
    text = "The road has two lanes. About 22,000 vehicles a day will use it, rising to 30,000 by 2040."
    cut = text.index("About")
    find_quantities(text, 0, cut)
    assert [q.unit for q in find_quantities(text, cut, len(text))] == ["vehicle per day", "vehicle per day"]


def test_up_from_after_a_span_in_words_is_the_count_before_it():
    assert [q.unit for q in qs("Some 38,000 patients have waited over a year, up from 26,500.")] \
        == ["patient", "year", "patient"]
    assert [q.unit for q in qs("The median wait is now 41 weeks, up from 35.")] == ["week", "week"]


def test_a_sum_in_millions_after_money_is_money_before_an_earlier_noun():
    text = "He scored 31 goals in 44 matches. The club spent 188 million euros, against 41 million in sales."
    cut = text.index("The club")
    find_quantities(text, 0, cut)
    assert [q.unit for q in find_quantities(text, cut, len(text))] == ["euro", "euro"]


def test_a_sum_named_again_later_is_in_its_currency():
    text = "The club paid a fee of 62 million euros. He scored 31 goals. At 62 million he is a bargain."
    cuts = [0, text.index("He "), text.index("At "), len(text)]
    units = [q.unit for a, b in zip(cuts, cuts[1:]) for q in find_quantities(text, a, b)]
    assert units == ["euro", "goal", "euro"]
    text = "The fee was 3 million euros. At 62 million he would be a bargain."
    cut = text.index("At ")
    find_quantities(text, 0, cut)
    assert [q.unit for q in find_quantities(text, cut, len(text))] == [None]


def test_a_range_of_stuff_a_day_is_a_rate():
    assert [q.unit for q in qs("It was emitting 20,000 to 30,000 tonnes of sulphur dioxide a day.")] == ["tonne per day"]
    assert [q.unit for q in qs("Rents are 400 to 500 florins a month per worker.")] == ["florin per worker per month"]


def test_more_than_after_a_figure_compares_and_bounds_nothing():
    assert [(q.value, q.change) for q in qs("Rentals rose to 23,400, a third more than five years ago.")] \
        == [(23400, "="), (5, "=")]
    assert [(q.unit, q.change) for q in qs("He has more than 40 cars.")] == [("car", ">")]


def test_a_bare_figure_fewer_than_before_is_a_fall_in_the_count_before_it():
    assert [(q.unit, q.change) for q in qs("There were 412 murders, 19 fewer than a year earlier.")] \
        == [("murder", "="), ("murder", "down")]
    assert [(q.unit, q.change) for q in qs("The team scored 40 goals, 12 more than last season.")] \
        == [("goal", "="), ("goal", "up")]


def test_the_subject_of_a_later_clause_names_its_bare_figure():
    assert [q.unit for q in qs("Hotels stayed 8.8 nights, while rentals rose to 23,400.")] == ["night", "rental"]
    assert [q.unit for q in qs("The firm hired 40 nurses; its doctors number 300.")] == ["nurse", "doctor"]


def test_number_after_a_plural_subject_is_the_verb():
    assert [q.value for q in qs("Its members number 4,000.")] == [4000]
    assert qs("He wears shirt number 9.") == []


def test_a_figure_after_of_those_is_the_subject_and_counts_what_came_before():
    text = "Knife crime made up 9,800 of those offences. Of those, 2,150 involved victims under 18."
    cut = text.index("Of those")
    find_quantities(text, 0, cut)
    assert [q.unit for q in find_quantities(text, cut, len(text))] == ["offence", "year"]
    assert [q.unit for q in qs("Of those, 40 injured workers were flown home.")] == ["worker"]


def test_a_currency_of_its_own_is_money_where_a_sum_is_added_or_spread():
    assert [q.unit for q in qs("The plan would cost 48 billion drav over ten years.")] == ["drav", "year"]
    assert [q.unit for q in qs("It would add about 85 drav a year to the bill.")] == ["drav per year"]


def test_a_year_after_that_or_after_tax_is_still_a_rate():
    assert [q.unit for q in qs("It would cut bills by 140 drav a year after that.")] == ["drav per year"]
    assert [q.unit for q in qs("He earns €30,000 a year after tax.")] == ["euro per year"]
    assert [q.unit for q in qs("Sales rose 5% a year after the crash.")] == ["percentage"]


def test_a_sum_in_a_year_closing_the_clause_is_per_year_unless_it_moved():
    assert [q.unit for q in qs("It could sell more than €3.5 billion in a year.")] == ["euro per year"]
    assert [q.unit for q in qs("The cost has risen by £6.8 million in a year.")] == ["pound sterling"]
    assert [q.unit for q in qs("At $780 a month in the United States, it is dear.")] == ["dollar per month"]


def test_a_body_falling_a_distance_is_no_fall_in_a_level():
    assert [q.change for q in qs("A scaffolder fell 11 metres to his death.")] == ["="]
    assert [q.change for q in qs("The climber fell 40 metres from a ledge.")] == ["="]
    assert [q.change for q in qs("The lake fell 2 metres from its peak.")] == ["down"]


def test_a_span_written_in_several_units_of_time_is_one_figure_in_the_smallest():
    assert [(q.value, q.unit) for q in qs("He won the stage in 4 hours 52 minutes 18 seconds.")] == [(17538, "second")]
    assert [(q.value, q.unit) for q in qs("The flight takes 2 hours and 5 minutes.")] == [(125, "minute")]
    assert [(q.value, q.unit) for q in qs("He waited two hours, then 30 minutes more.")] == [(2, "hour"), (30, "minute")]


def test_a_race_time_written_like_a_clock_is_seconds_but_a_time_of_day_is_not():
    assert [(q.value, q.unit) for q in qs("He lost 1:06 and is third overall, 2:41 behind.")] \
        == [(66, "second"), (161, "second")]
    assert [(q.value, q.unit) for q in qs("She won the marathon in 2:18:04, with Alemu in 2:18:09.5.")] \
        == [(8284, "second"), (8289.5, "second")]
    assert qs("The train leaves at 4:30 and arrives at 6:15.") == []


def test_ages_listed_after_aged_are_all_ages():
    assert [q.unit for q in qs("Their daughters, aged nine and six, set a place for him.")] == ["year", "year"]
    assert [q.unit for q in qs("The boys, aged 12, 14 and 15, were freed.")] == ["year", "year", "year"]
    assert [q.unit for q in qs("He was aged 40 and 300 people came.")] == ["year", "person"]


def test_a_currency_of_its_own_stays_money_for_the_rest_of_the_document():
    text = "It costs 900 drav a month. On assets above 5 billion drav, the rate is 2%."
    cut = text.index("On assets")
    find_quantities(text, 0, cut)
    assert [q.unit for q in find_quantities(text, cut, len(text))] == ["drav", "percentage"]
    text = "Bring 20 page. Above 5 billion page it fails."
    assert [q.unit for q in find_quantities(text, text.index("Above"), len(text))] == [None]


def test_a_crowd_put_at_a_figure_counts_people():
    assert [q.unit for q in qs("Police put the crowd at 18,000.")] == ["person"]


def test_the_opposite_move_after_and_is_in_the_same_measure():
    assert [q.unit for q in qs("I lost 14 seconds and gained 52 on him.")] == ["second", "second"]
    assert [q.unit for q in qs("I lost 14 seconds and then 52 people came.")] == ["second", "person"]


def test_what_follows_an_average_of_or_a_total_of_is_an_amount_not_a_year():
    assert [(q.value, q.change) for q in qs("Bills will go up by an average of 1800 next spring.")] == [(1800, "up")]
    assert [q.value for q in qs("The charity handed out a total of 2300 to the families.")] == [2300]
    assert qs("The average of 2019 was lower than in 1990.") == []


def test_a_one_letter_symbol_glued_to_a_slash_and_a_unit_is_a_unit():
    assert [q.unit for q in qs("The cell ran at 0.8 A/cm2 and the line at 40 kV/m.")] \
        == ["ampere per square centimetre", "kilovolt per metre"]
    assert [q.unit for q in qs("Solar input peaked at 950 W/m2.")] == ["watt per square metre"]
    assert [q.unit for q in qs("They ran 40 A/B tests.")] != ["ampere"]


def test_for_over_a_span_is_a_lower_bound_but_spread_over_a_span_is_not():
    out = qs("Some 4,200 drivers have waited for over three years.")
    assert [(q.unit, q.change) for q in out] == [("driver", "~"), ("year", ">")]
    assert [q.change for q in qs("It will spend 9 billion rand over four years.")] == ["=", "="]


def test_currencies_in_use_anywhere_are_money_by_their_english_names():
    assert [q.unit for q in qs("The levy raises 420 million koruna annually.")] == ["czech koruna per year"]
    assert [q.unit for q in qs("A ticket is 30 hryvnias and a fine 200 lei.")] == ["ukrainian hryvnia", "leu"]
    assert [q.unit for q in qs("Nurses earn 6,000 forints a day.")] == ["hungarian forint per day"]
    assert [q.unit for q in qs("They gave two real reasons and passed the 5,000 mark.")] == ["real reason", None]
    assert "armenian dram" not in [q.unit for q in qs("Mix 3 drams of oil.")]


def test_a_number_fewer_of_a_noun_is_a_fall():
    assert [q.change for q in qs("The clinic will have 35 fewer nurses next year.")] == ["down"]
    assert [q.change for q in qs("The clinic will have 35 more nurses next year.")] == ["="]


def test_a_rate_of_stuff_named_by_a_word_or_a_formula_keeps_its_per():
    assert [q.unit for q in qs("New vans emit 142 grams of CO2 per kilometre.")] == ["gram per kilometre"]
    assert [q.unit for q in qs("The seam holds 6 grams of silver per tonne.")] == ["gram per tonne"]
    assert [q.unit for q in qs("He ate 2 kilos of fish in Oslo.")] == ["kilogram"]


def test_a_count_past_the_size_of_each_counts_the_noun():
    out = qs("The port moved 900 40-foot containers and 12 5-litre drums.")
    assert [(q.value, q.unit) for q in out] == [(900, "container"), (40, "foot"), (12, "drum"), (5, "litre")]


def test_an_earlier_level_a_few_words_of_place_later_keeps_the_measure():
    assert [q.unit for q in qs("Diesel sells for 1.71 euros in Belgian towns, down from 1.88.")] == ["euro", "euro"]
    assert [q.unit for q in qs("Growers got 3 dollars a pound for cherries, against 2 a year ago.")] \
        == ["dollar per pound", "dollar per pound"]


def test_a_when_noun_before_a_figure_and_a_plural_is_no_label():
    assert [(q.value, q.unit) for q in qs("Last season 22 players left the club.")] == [(22, "player")]
    assert qs("She won an award for season 4 of the drama.") == []


def test_a_part_of_a_whole_is_no_move_of_the_verb_before_it():
    assert [q.change for q in qs("By June she had climbed eight of the 14 highest peaks.")][0] == "="
    assert [q.change for q in qs("Exports rose 7% in May.")] == ["up"]


def test_a_change_by_far_from_its_verb_is_still_a_change_and_a_level():
    out = qs("The mill will cut the rate it pays its growers by 4 cents to 31 cents a kilo.")
    assert [(q.value, q.value_max, q.change) for q in out] == [(4, None, "down"), (31, None, "=")]


def test_a_priced_sentence_does_not_take_the_count_of_the_sentence_before():
    text = "The ranch keeps 300 goats. Wool sold at 18 dollars a kilo, against 14 in March."
    cut = text.index("Wool")
    find_quantities(text, 0, cut)
    assert [q.unit for q in find_quantities(text, cut, len(text))] == ["dollar per kilogram"] * 2
    text = "The ranch keeps 300 goats. Vets worked 12-hour days and saved 40 of them."
    cut = text.index("Vets")
    find_quantities(text, 0, cut)
    assert [q.unit for q in find_quantities(text, cut, len(text))] == ["hour", "goat"]


def test_pounds_once_spent_stay_money_in_the_document_until_something_weighs():
    text = "The clerk took 2.4 million pounds. Her largest transfer was 61,000 pounds. The parcel weighed 3 pounds."
    cut1, cut2 = text.index("Her"), text.index("The parcel")
    find_quantities(text, 0, cut1)
    assert [q.unit for q in find_quantities(text, cut1, cut2)] == ["pound sterling"]
    assert [q.unit for q in find_quantities(text, cut2, len(text))] == ["pound-mass"]
    assert [q.unit for q in qs("The puppy weighs 9 pounds.")] == ["pound-mass"]


def test_a_level_compared_after_a_few_words_of_where_keeps_the_rate():
    assert [q.unit for q in qs("Trains averaged 71 kilometres per hour on the northern line, against 95 on the coast.")] \
        == ["kilometre per hour", "kilometre per hour"]


def test_a_verb_of_change_across_a_long_object_still_moves_the_figure_by():
    assert [q.change for q in qs("The vaccine cut the number of hospital stays among older men by 41 percent.")] == ["down"]
    assert [q.change for q in qs("Turnout was high in May and in the north in June by 3%.")] == ["="]


def test_the_level_after_a_move_by_an_average_keeps_the_measure():
    assert [q.unit for q in qs("Blood sugar fell by an average of 0.8 millimoles per litre, to 6.1.")] \
        == ["millimole per litre", "millimole per litre"]


def test_a_bare_figure_after_of_the_plural_counts_that_plural():
    assert [q.unit for q in qs("Of the climbers, three reached the top.")] == ["climber"]
    assert [q.unit for q in qs("Of the injured, three were children.")] != ["injured"]


def test_a_spaced_letter_before_what_it_measures_is_a_unit():
    assert [q.unit for q in qs("The new engines emit 88 g of CO2 per km.")] == ["gram per kilometre"]
    assert [q.unit for q in qs("Kilns burn 6 t of wood a day.")] == ["tonne per day"]
    assert "tonne" not in [q.unit for q in qs("Choose option 2 t today.")]


def test_a_difference_written_before_its_period_is_a_rate():
    assert [q.unit for q in qs("Drivers will take home 3,100 euros less a year.")] == ["euro per year"]


def test_a_share_above_or_below_a_year_compares_with_that_year():
    assert [q.value for q in qs("Air traffic is still 4 percent below 2019.")] == [4]
    assert [(q.value, q.change) for q in qs("Wages stayed below 2000 a month.")] == [(2000, "<")]


def test_the_number_of_people_or_children_counts_them_over_a_noun_before():
    text = "The firm cut 80 jobs. The number of people out of work fell by 1,200 to 41,000."
    assert [q.unit for q in qs(text)] == ["job", "person", "person"]
    assert [q.unit for q in qs("The number of children in foster care rose to 5,300.")] == ["child"]


def test_a_hyphenated_compound_ending_in_a_noun_names_a_kind_of_the_counted_thing():
    assert [q.unit for q in qs("The plan moves 2,400 public-sector jobs north.")] == ["public-sector job"]
    assert [q.unit for q in qs("It hired 30 part-time nurses and 12 first-team coaches.")] == ["nurse", "coach"]


def test_a_bare_figure_per_square_kilometre_after_a_density_is_that_density():
    text = "Density is 240 people per square kilometre, and the coast has 900 per square kilometre."
    assert [q.unit for q in qs(text)] == ["person per square kilometre"] * 2
    assert [q.unit for q in qs("The town has 75 per square mile.")] == ["per square mile"]


def test_a_bare_level_after_while_another_holder_has_is_in_the_same_unit():
    text = "The delta has 2,100 people per square kilometre, whereas the hills have fewer than 15."
    assert [q.unit for q in qs(text)] == ["person per square kilometre"] * 2
    assert [q.unit for q in qs("The firm has 400 staff, while its founder has 3 children.")] == ["staff", "child"]


def test_a_bare_figure_a_year_after_a_count_a_year_is_that_count_per_year_once():
    text = "The yard launches 14 ships a year, short of the 20 a year its owners need."
    assert [q.unit for q in qs(text)] == ["ship per year", "ship per year"]


def test_a_figure_above_or_below_a_named_reference_level_is_a_difference_from_it():
    assert [q.change for q in qs("Diesel sold at prices 7% below last year's.")] == ["down"]
    assert [q.change for q in qs("The lake stood 1.2 metres above its usual level.")] == ["up"]
    assert [q.change for q in qs("Fares are 15% above 2019.")] == ["up"]
    assert [q.change for q in qs("The hut sits 2,400 metres above sea level.")] == ["="]


def test_a_period_after_a_percentage_change_is_the_span_it_is_spread_over():
    assert [q.change for q in qs("Nurses want a 12% rise in pay over three years.")] == ["up", "="]
    assert [q.change for q in qs("Fares have stayed above 3% for over four years.")][-1] == ">"


def test_what_was_chosen_over_is_no_bound():
    assert [q.change for q in qs("She picked the Dutch club over three other offers.")] == ["="]
    assert [q.change for q in qs("The hall holds over 300 guests.")] == [">"]


def test_a_change_noun_before_its_object_is_a_verb_of_the_figures_phrase():
    assert [q.change for q in qs("A wage bill that rose to €1.4 billion cut the margin.")] == ["="]
    assert [q.change for q in qs("Ministers approved a €1.4 billion cut in the budget.")] == ["down"]


def test_an_earlier_level_written_with_a_dot_is_no_clock_time():
    assert [q.value for q in qs("Homes held 2.4 people each, down from 2.58.")] == [2.4, 2.58]
    assert [q.value for q in qs("The hearing resumes at 10.30 on Monday.")] == []


def test_a_bare_figure_a_match_was_played_in_front_of_counts_spectators():
    assert [q.unit for q in qs("Rovers drew 1-1 in front of 18,300 at the Marsh Road ground.")][-1] == "spectator"


def test_a_bare_figure_of_that_is_a_part_of_the_sum_just_named():
    text = "A porter earns about 2,100 dinars a month. Rent takes 900 of that."
    assert [q.unit for q in qs(text)] == ["dinar per month", "dinar per month"]
    assert [q.unit for q in qs("The fund holds £30 million and will lend 8 million of it.")] == ["pound sterling"] * 2


def test_a_bare_figure_after_measured_in_a_unit_is_in_that_unit():
    assert [q.unit for q in qs("Freight, measured in tonne-kilometres, rose 4% to 310 billion.")] \
        == ["percentage", "tonne-kilometre"]
    assert [q.unit for q in qs("Exports, measured in tonnes, reached 2.1 million.")] == ["tonne"]


def test_a_verb_of_change_a_long_object_back_still_splits_a_change_from_its_level():
    fs = [fields(q)[1:] for q in qs("It will raise the duty on a bottle of 70 centilitres of gin by 2 euros to 14 euros.")]
    assert fs[-2:] == [(2, None, "euro", "up"), (14, None, "euro", "=")]


def test_a_price_some_money_more_or_less_than_before_is_a_difference():
    assert [q.change for q in qs("A coffee could cost 15 to 25 cents more by spring.")] == ["up"]
    assert [q.change for q in qs("A season pass costs €30 more than last year.")] == ["up"]
    assert [q.change for q in qs("The appeal raised £2 million more for the hospice.")] == ["="]


def test_a_bare_figure_and_a_measure_share_the_measure_written_once():
    assert [q.unit for q in qs("The two ferries have sailed for 22 and 31 years.")] == ["ferry", "year", "year"]
    assert [q.unit for q in qs("It signed 14 players, and 17 years ago it signed 20.")] == ["player", "year", "player"]


def test_a_sum_a_clause_is_about_takes_no_count_from_the_sentence_before():
    text = "About 3,000 drivers joined the protest. The average fare in the city is 14."
    assert [q.unit for q in qs(text)] == ["driver", None]
    assert [q.unit for q in qs("The firm employs 400 nurses. Next year it will hire 60.")] == ["nurse", "nurse"]


def test_an_approximate_sum_in_millions_after_money_is_in_that_money():
    assert [q.unit for q in qs("The bridge cost 900 million euros, some 150 million over budget.")] == ["euro", "euro"]


def test_a_bare_level_it_moved_to_after_a_measure_is_in_that_measure():
    text = "The lake stood at 2.6 metres on Monday, twice the norm. By Friday it had fallen to 1.9."
    assert [q.unit for q in qs(text)][-1] == "metre"
    assert [q.unit for q in qs("The flight took 9 hours. It landed at 10.")][-1] is None


def test_a_count_in_each_is_per_the_things_counted_before_it():
    assert [q.unit for q in qs("The school has 31 classrooms, with 28 pupils in each.")] == ["classroom", "pupil per classroom"]
    text = "There are 2.1 million homes, the census found, with an average of 2.4 people in each."
    assert [q.unit for q in qs(text)] == ["home", "person per home"]
    assert [q.unit for q in qs("It found 40 errors in each of the reports.")] == ["error"]


def test_a_figure_a_relative_clause_puts_a_plural_at_counts_that_plural():
    text = "The survey left out migrant farmhands, who unions put at about 12,000."
    assert [q.unit for q in qs(text)] == ["migrant farmhand"]
    assert [q.unit for q in qs("It missed refugees, whom aid groups estimate at 40,000.")] == ["refugee"]


def test_money_lost_is_a_sum_lost_but_a_price_that_lost_money_fell():
    assert [q.change for q in qs("The bakery lost about €25,000 of stock in the flood.")] == ["~"]
    assert [q.change for q in qs("Betting, he lost £310,000 in two years.")][0] == "="
    assert [q.change for q in qs("Brevik shares lost 80 cents to €12.40.")][0] == "down"


def test_the_bare_figures_of_a_vote_count_votes():
    assert [q.unit for q in qs("Deputies passed the law by a vote of 204 to 117.")] == ["vote", "vote"]
    assert [q.unit for q in qs("The Senate voted 61 to 38 to confirm him.")] == ["vote", "vote"]


def test_a_bare_figure_including_part_of_a_count_counts_the_same_things():
    assert [q.unit for q in qs("Some 900 volunteers, including 120 flown in from Oslo, searched the hills.")] \
        == ["volunteer", "volunteer"]
    assert [q.unit for q in qs("The cabinet survived the vote 211 to 187.")] == ["vote", "vote"]


def test_a_bare_figure_for_every_thing_is_the_other_count_per_that_thing():
    text = "The course drew 2,600 applicants for 130 places, or about 20 for every place."
    assert [q.unit for q in qs(text)] == ["applicant", "place", "applicant per place"]


def test_a_part_of_them_named_by_a_hyphenated_compound_counts_that_compound():
    text = "Crews used 40 vehicles, nine of them snow-clearing trucks from the army."
    assert [q.unit for q in qs(text)] == ["vehicle", "snow-clearing truck"]


def test_a_sum_in_words_of_millions_after_money_is_in_that_money():
    assert [q.unit for q in qs("The city spent €40 million on roads and half a billion on rail.")] == ["euro", "euro"]


def test_something_like_and_in_the_region_of_are_estimates():
    assert [q.change for q in qs("The debt costs something like £4 million a year.")] == ["~"]
    assert [q.change for q in qs("The club has lost about 200 of its 900 members.")] == ["~", "="]


def test_a_span_of_time_ago_after_a_comparative_dates_the_comparison_and_bounds_nothing():
    assert [fields(q)[3:] for q in qs("Turnout fell to 58%, three points lower than five years ago.")][-1] == ("year", "=")
    assert [q.change for q in qs("She left more than five years ago.")] == [">"]


def test_a_subject_that_reached_a_record_figure_counts_its_noun():
    assert [q.unit for q in qs("Reports of fraud reached a record 6,210.")] == ["report"]


def test_a_year_bounded_after_since_is_a_date():
    assert qs("The firm had known since at least 1993 that drilling caused tremors.") == []
    assert [q.value for q in qs("The town has at least 1993 residents.")] == [1993]


def test_a_race_run_in_a_clock_like_time_is_a_duration():
    assert [(q.value, q.unit) for q in qs("He ran the mile in 3:52 on Saturday.")] == [(232, "second")]
    assert [q.value for q in qs("She won the women's 1500 metres in 4:01.")] == [1500, 241]
    assert qs("The talks ran from 9:30 to 11:00.") == []


def test_a_level_set_against_a_target_or_minimum_is_in_the_same_rate():
    assert [q.unit for q in qs("Cleaners earn €11 an hour, against a target of €13.")] == ["euro per hour"] * 2
    text = "Camps supply 7 litres of water per person a day, against an emergency minimum of 15 litres."
    assert [q.unit for q in qs(text)] == ["litre per person per day"] * 2


def test_a_bare_figure_an_age_moved_to_is_in_years():
    from ledger.extract import extract
    text = "Care cost 40 million florins. The average age at diagnosis has fallen to 51 from 56."
    assert [c.quantity.unit for c in extract(text).claims if c.quantity] == ["florin", "year", "year"]


def test_a_rate_per_a_population_ends_before_a_participle_of_the_sentence():
    text = "The north has 9,100 cases per 100,000 adults, almost twice the 4,800 per 100,000 seen in the south."
    assert [q.unit for q in qs(text)] == ["case per 100,000 adults"] * 2
    assert [q.unit for q in qs("There were 12 deaths per 100,000 insured drivers.")] == ["death per 100,000 insured drivers"]


def test_a_subject_that_will_be_capped_at_a_figure_counts_its_noun():
    assert [q.unit for q in qs("Cruise calls will be capped at 300 next year.")] == ["cruise call"]
    assert [q.unit for q in qs("Rents were held at 900.")] == [None]


def test_a_cost_that_overran_by_a_share_rose_by_it():
    assert [q.change for q in qs("Such projects have overrun by 25 to 35 per cent.")] == ["up"]


def test_a_hyphenated_noun_that_opens_with_a_time_unit_is_the_counted_noun():
    assert [q.unit for q in qs("The fair drew 52,000 day-visitors over the weekend.")] == ["day-visitor"]
    assert [q.unit for q in qs("The college has 1,400 day-students.")] == ["day-student"]
    assert [q.unit for q in qs("The ship was held for 12 days.")] == ["day"]


def test_a_sum_each_after_a_count_of_nights_is_no_price_per_night():
    assert [q.unit for q in qs("Guests stayed four nights and paid €600 each.")] == ["night", "euro per guest"]
    assert [q.unit for q in qs("The firm sold 300 bikes at €450 each.")] == ["bike", "euro per bike"]


def test_all_of_a_count_of_people_named_before_is_that_count():
    from ledger.extract import extract
    text = "The lift stranded 14 climbers overnight. All 14 were rescued at dawn."
    assert [c.quantity.unit for c in extract(text).claims if c.quantity] == ["climber", "climber"]


def test_a_figure_after_of_those_is_a_part_of_what_was_counted_before():
    from ledger.extract import extract
    text = "Inspectors checked 220 lorries. Of those, 31 were unsafe."
    assert [c.quantity.unit for c in extract(text).claims if c.quantity] == ["lorry", "lorry"]


def test_a_unit_of_energy_spelled_with_a_hyphen_keeps_it():
    assert [q.unit for q in qs("The plant makes 800 gigawatt-hours a year.")] == ["gigawatt-hour per year"]
    assert [q.unit for q in qs("Wholesale power fell to £61 per megawatt-hour.")] == ["pound sterling per megawatt-hour"]
    assert [q.unit for q in qs("The pack stores 75 kWh, or 75 kilowatt hours.")] == ["kilowatt hour"] * 2


def test_a_bare_figure_of_a_counted_figure_counts_the_same_noun():
    assert [q.unit for q in qs("Only 17 of 40 pumps were working.")] == ["pump", "pump"]
    assert [q.unit for q in qs("She took 4 of 9 wickets.")] == ["wicket", "wicket"]
    assert [q.unit for q in qs("The score was 45 of 100.")] == [None, None]


def test_a_group_named_by_its_size_in_words_is_a_count():
    assert [(q.value, q.unit) for q in qs("The yacht sailed with a crew of five.")] == [(5, "crew")]
    assert [q.value for q in qs("A family of three was rescued from the roof.")] == [3]
    assert qs("She was one of the three.") == []


def test_a_bare_level_it_will_be_is_in_the_measure_before():
    from ledger.extract import extract
    text = "The dam holds 40 million cubic metres. By August it could be 25."
    assert [c.quantity.unit for c in extract(text).claims if c.quantity] == ["cubic metre"] * 2


def test_a_currency_that_weakened_or_strengthened_by_a_share_fell_or_rose():
    assert [q.change for q in qs("The rand weakened 1.4% against the dollar.")] == ["down"]
    assert [q.change for q in qs("The franc strengthened 0.9% on Friday.")] == ["up"]
    out = qs("The zloty firmed by 0.6% to 4.31 per euro.")
    assert [(q.change, q.unit) for q in out] == [("up", "percentage"), ("=", "polish zloty per euro")]


def test_a_second_share_after_and_with_its_verb_left_out_moved_the_same_way():
    assert [q.change for q in qs("Wheat fell 2.2% and Ashford Mills 1.7%.")] == ["down", "down"]
    assert [q.change for q in qs("Rents rose 6% in the capital and Lorvik 4%.")] == ["up", "up"]
    assert [q.change for q in qs("Prices rose 3% and the rate was 5%.")] == ["up", "="]


def test_an_average_named_by_a_span_is_in_what_was_measured_before_the_span():
    text = "Some 2.1 million barrels were traded, against a 90-day average of 1.6 million."
    assert [q.unit for q in qs(text)] == ["barrel", "day", "barrel"]


def test_a_bare_sum_in_billions_after_a_share_keeps_the_money_before_the_share():
    text = "It earned 640 million rand, on sales up 12% to 5.3 billion."
    assert [q.unit for q in qs(text)] == ["south african rand", "percentage", "south african rand"]


def test_a_count_opening_a_sentence_with_a_past_verb_counts_the_people_before():
    from ledger.extract import extract
    text = "Medics treated 30 marchers for heat. Four fainted."
    assert [c.quantity.unit for c in extract(text).claims if c.quantity] == ["marcher", "marcher"]
    text = "The shop sold 40 lamps. Two broke."
    assert [c.quantity.unit for c in extract(text).claims if c.quantity] == ["lamp", None]


def test_one_crew_member_and_a_team_of_people_are_counted_as_such():
    assert [q.unit for q in qs("Six passengers and one crew member were hurt.")] == ["passenger", "crew member"]
    from ledger.extract import extract
    text = "The car had 40 seats. Inspectors sent a team of three to the site."
    assert [c.quantity.unit for c in extract(text).claims if c.quantity] == ["seat", "person"]


def test_a_relative_named_in_commas_who_is_a_figure_is_that_age():
    assert [q.unit for q in qs("Her father, Aled, is 88.")] == ["year"]
    assert [q.unit for q in qs("His wife is 61.")] == ["year"]


def test_a_bare_sum_a_verb_of_money_takes_is_in_the_money_of_the_sentence_before():
    from ledger.extract import extract
    text = "The levy brought in 640 million rand last year. Officials expect it to raise about 800 million."
    got = [(c.quantity.unit, c.quantity.change) for c in extract(text).claims if c.quantity]
    assert got == [("south african rand", "="), ("south african rand", "~")]
    text = "Sales were 3 billion euros. The population is 4.5 million."
    assert [c.quantity.unit for c in extract(text).claims if c.quantity] == ["euro", None]


def test_a_change_by_a_further_figure_is_a_change():
    assert [q.change for q in qs("The bank cut its rate by a further 0.25 percentage points.")] == ["down"]


def test_a_bare_figure_after_and_whose_verb_is_left_out_counts_what_the_first_counted():
    text = "Norway will take 300 refugees, and Denmark and Finland about 150 each."
    assert [q.unit for q in qs(text)] == ["refugee", "refugee"]
    assert [q.unit for q in qs("Lorvik sold 500 tractors and the cooperative 320.")] == ["tractor", "tractor"]


def test_compounds_of_women_and_children_are_plural_counted_nouns():
    assert [q.unit for q in qs("He lives with his four stepchildren.")] == ["stepchild"]
    assert [q.unit for q in qs("Six policewomen were promoted.")] == ["policewoman"]


def test_pounds_received_are_money():
    assert [q.unit for q in qs("Each volunteer will receive 40 pounds for a day's work.")] == ["pound sterling"]
    assert [q.unit for q in qs("The lamb weighed 9 pounds.")] == ["pound-mass"]


def test_a_figure_above_a_hyphenated_reference_level_is_a_rise():
    assert [q.change for q in qs("Output was 12% above the pre-pandemic average.")] == ["up"]
    assert [q.change for q in qs("The tower stands 40 metres above the old town.")] == ["="]


def test_up_at_the_end_of_a_compound_and_a_span_of_how_often_are_no_change():
    assert [q.change for q in qs("The champion gets $2 million and the runner-up half of that.")] == ["=", "="]
    assert [q.change for q in qs("Nurses have had a pay cut four years running.")] == ["="]
    assert [q.change for q in qs("Exports fell two years in a row.")] == ["="]
    assert [q.change for q in qs("The appeal court cut two years from his sentence.")] == ["down"]


def test_a_second_change_after_this_year_and_moved_the_same_way():
    assert [q.change for q in qs("The union wants a rise of 8% this year and 6% next year.")] == ["up", "up"]


def test_a_figure_below_an_average_named_by_a_span_is_a_fall():
    assert [q.change for q in qs("The harvest was 14% below the ten-year average.")] == ["down", "="]


def test_one_person_named_by_a_two_word_trade_before_a_cue_is_no_count():
    assert [q.value for q in qs("Ports were jammed, and one lorry driver said he had waited 9 hours.")] == [9]


def test_half_a_unit_and_a_fraction_of_a_point_on_a_rate():
    assert [(q.value, q.unit, q.change) for q in qs("The bank cut its rate by half a percentage point.")] == \
        [(0.5, "percentage point", "down")]
    assert [(q.value, q.unit) for q in qs("Analysts expected a rate rise of a quarter of a point.")] == \
        [(0.25, "percentage point")]
    assert [(q.value, q.unit) for q in qs("The walk took half an hour.")] == [(0.5, "hour")]


def test_similar_things_are_counted_as_the_things():
    assert [q.unit for q in qs("Engineers will check 900 similar bridges.")] == ["bridge"]


def test_a_part_of_the_things_a_period_is_a_rate():
    assert [q.unit for q in qs("The yard will launch 12 of the ferries a year.")] == ["ferry per year"]
    assert [q.unit for q in qs("It sold 40 of its flats a year ago.")] == ["flat"]


def test_two_shares_after_by_share_its_verb():
    assert [q.change for q in qs("Tolls cut traffic by 15% and 25% in Oslo and Bergen.")] == ["down", "down"]
    assert [q.change for q in qs("Prices rose 3% and 5% of firms closed.")] == ["up", "="]
    assert [q.change for q in qs("Both won cuts of 25% and 10% in their fines.")] == ["down", "down"]


def test_odds_written_with_hyphens_are_no_inches():
    assert all(q.unit != "inch" for q in qs("It was a one-in-a-hundred-year storm, or a one-in-fifty chance."))
    assert [q.unit for q in qs("The tablet has an 11-inch screen.")] == ["inch"]


def test_the_number_of_things_past_a_measure_counts_them():
    text = "The number of nights above 25C in the capital rose to 41."
    assert [q.unit for q in qs(text)] == ["celsius", "night"]


def test_a_sum_in_millions_after_a_name_is_no_model_number():
    text = "Ardent was fined 90 million euros, Corvel 45 million and Baska 12 million."
    assert [(q.value, q.unit) for q in qs(text)] == [(9e7, "euro"), (4.5e7, "euro"), (1.2e7, "euro")]
    assert qs("The Airbus 320 is grounded.") == []


def test_the_age_at_which_a_person_took_a_step_in_life():
    assert [q.unit for q in qs("He won two titles, and left school at 16.")] == ["title", "year"]
    assert [q.unit for q in qs("Trading started at 21.")] == [None]


def test_a_bare_count_after_and_that_will_do_something_counts_the_people_before():
    assert [q.unit for q in qs("Nine nurses will retire, and 14 will transfer.")] == ["nurse", "nurse"]
    assert [q.unit for q in qs("Six staff will leave and 20 will stay.")] == ["staff", "staff"]


def test_a_sum_each_after_costs_named_is_no_price_per_cost():
    assert [q.unit for q in qs("Clubs must meet running costs of about 8,000 pounds each.")] == ["pound sterling per club"]
    text = "Two will pass to local trusts if they can meet the running costs of about 9,000 pounds each."
    assert [q.unit for q in qs(text)][-1] == "pound sterling"


def test_sales_of_things_counted_by_a_bare_figure_count_the_things():
    assert [q.unit for q in qs("Sales of heat pumps tripled to 41,000.")] == ["heat pump"]
    assert [q.unit for q in qs("Sales rose to 2.3 billion euros.")] == ["euro"]


def test_a_count_of_the_injured_or_the_missing_counts_people():
    assert fields(one("Three of the injured are in a serious condition.")) == ("Three of the injured", 3, None, "person", "=")
    assert [q.unit for q in qs("Two of the missing were found alive.")] == ["person"]
    assert [q.unit for q in qs("Four of the injured miners were flown out.")] == ["miner"]
    assert all(q.unit != "person" for q in qs("Two of the new ones were sold."))


def test_one_in_an_idiom_after_in_with_or_at_is_no_quantity():
    assert qs("The old bridge came through the flood in one piece.") == []
    assert qs("The board spoke with one voice on the plan.") == []
    assert [q.surface for q in qs("At one stage the queue was 300 metres long.")] == ["300 metres"]
    assert [q.surface for q in qs("The crew rebuilt it in one week.")] == ["one week"]


def test_two_guesses_joined_by_or_share_the_scale_of_the_second():
    assert fields(one("The repairs will cost 30 or 40 million euros.")) == (
        "30 or 40 million euros", 30e6, 40e6, "euro", "=")
    assert fields(one("Rebuilding could take two or three billion dollars.")) == (
        "two or three billion dollars", 2e9, 3e9, "dollar", "=")
    assert [(q.value, q.value_max) for q in qs("Each year the bill grows by 20 or 25 million.")] == [(20e6, 25e6)]
    assert [q.value for q in qs("The fund needs 5 or 50 million euros, depending on the plan.")] == [5, 50e6]


def test_a_part_of_the_top_or_bottom_few_counts_what_they_count():
    assert [q.unit for q in qs("She has beaten 31 of the top 40 players.")] == ["player", "player"]
    assert [(q.surface, q.unit) for q in qs("Four of the bottom 12 schools improved.")] == [
        ("Four", "school"), ("12 schools", "school")]


def test_a_range_of_grouped_figures_after_a_name_counts_what_follows():
    assert fields(one("The recall could cost Varnex 20,000 to 35,000 buyers.")) == (
        "20,000 to 35,000 buyers", 20000, 35000, "buyer", "=")


def test_pounds_by_the_month_or_the_hour_are_money_unless_something_weighs():
    assert one("Rents in the town reached 1,380 pounds a month.").unit == "pound sterling per month"
    assert one("Porters earn 13 pounds an hour.").unit == "pound sterling per hour"
    assert one("The calf gained 3 pounds a week.").unit == "pound-mass per week"


def test_a_bare_earlier_level_after_a_longer_phrase_or_a_bare_from_takes_the_unit():
    text = "A place at the home costs 1,900 euros a month for each resident in care, up from 1,650."
    assert [q.unit for q in qs(text)] == ["euro per month", "euro per month"]
    assert [q.unit for q in qs("Imports climbed to 3.1 million tonnes, from 2.6 million.")] == ["tonne", "tonne"]


def test_a_scale_inside_a_hyphenated_modifier_scales_the_figure():
    assert fields(one("The council set up a 50-million-pound fund.")) == ("50-million-pound", 50e6, None, "pound sterling", "=")
    assert fields(one("It signed a $12-million contract.")) == ("$12-million", 12e6, None, "dollar", "=")
    assert one("A 1.5-billion-euro loan was agreed.").value == 1.5e9


def test_the_number_of_things_counts_a_figure_after_a_percentage_move_and_a_period():
    text = "The number of food banks rose by 14% in the year to March, to 2,610."
    assert [q.unit for q in qs(text)][-1] == "food bank"
    assert [q.unit for q in qs("The number of pupils fell 3% to 41,200.")] == ["percentage", "pupil"]


def test_a_bare_level_a_measure_is_expected_to_move_to_keeps_the_measure():
    text = "Imports, which hit 9 million barrels last year, are expected to fall to 7 million."
    assert [q.unit for q in qs(text)] == ["barrel", "barrel"]
    text = "The quake measured magnitude 6.1, and the toll has since risen to 48."
    assert [q.unit for q in qs(text)][-1] != "magnitude"


def test_a_price_beside_another_for_a_second_thing_is_by_the_same_measure():
    text = "Tariffs go up to 24.9p per kilowatt hour for electricity and 6.2p for gas."
    assert [q.unit for q in qs(text)] == ["penny per kilowatt hour", "penny per kilowatt hour"]
    text = "Entry costs 12 euros a day for adults and 6 euros for children."
    assert [q.unit for q in qs(text)] == ["euro per day", "euro per day"]
    assert [q.unit for q in qs("Entry costs 12 euros a day, and parking costs 6 euros.")] == ["euro per day", "euro"]


def test_a_sum_that_opens_a_sentence_moves_to_a_bare_figure_in_the_money_before():
    from ledger.extract import extract
    text = "Revenue grew 6% to 4.4 billion kronor. Costs rose 3% to 2.9 billion."
    assert [c.quantity.unit for c in extract(text).claims] == ["percentage", "swedish krona", "percentage", "swedish krona"]
    text = "Revenue grew 6% to 4.4 billion kronor. Visitors rose 3% to 2.9 million."
    assert [c.quantity.unit for c in extract(text).claims][-1] != "swedish krona"


def test_its_number_of_things_counts_a_bare_figure_or_range():
    assert [q.unit for q in qs("The zoo must cut its number of penguins from 40 to 25.")] == ["penguin"]
    assert [q.unit for q in qs("The firm will halve their number of depots to 12.")] == ["depot"]


def test_a_bound_before_by_belongs_to_the_figure_before_it():
    text = "The council will raise the fees for residents aged 65 and over by 4.5%."
    assert [(q.value, q.change) for q in qs(text)] == [(65, ">"), (4.5, "up")]
    assert [q.change for q in qs("Fees rose by over 4.5%.")] == [">"]


def test_a_bare_figure_set_beside_another_for_a_second_thing_takes_its_unit():
    assert [q.unit for q in qs("A day pass costs 14 pounds for adults and 7 for children.")] == ["pound sterling"] * 2
    assert [q.unit for q in qs("The ward has 30 beds for men and 12 for women.")] == ["bed", "bed"]


def test_finds_and_draws_after_a_figure_are_counted_unless_an_object_follows():
    assert one("Detectorists reported 1,240 finds last year.").unit == "find"
    assert one("The side has nine draws this season.").unit == "draw"
    assert one("A survey of 3,000 finds that most want the plan.").unit is None


def test_a_bare_figure_a_day_counts_the_plural_just_before_it_per_day():
    assert [(q.value, q.unit) for q in qs("The line will cut trains from eight an hour to five.")] == [
        (8, "train per hour"), (5, "train per hour")]
    assert [q.unit for q in qs("The bakery makes loaves, about 900 a day.")] == ["loaf per day"]
    assert [q.unit for q in qs("Wardens fine 30 a week.")] == [None]


def test_a_plan_creating_jobs_counts_them_and_an_economy_that_created_them_grew():
    assert one("The new plant will open in May, creating 350 jobs.").change == "="
    assert one("The economy created 41,000 jobs in June.").change == "up"


def test_pounds_stolen_repaid_or_owed_are_money():
    assert one("A clerk who stole 48,000 pounds from a school was jailed.").unit == "pound sterling"
    assert one("He had debts of more than 9,000 pounds.").unit == "pound sterling"
    assert one("The baby is just over four pounds.").unit == "pound-mass"


def test_a_verb_after_a_figure_is_no_counted_noun_before_a_time():
    assert [q.unit for q in qs("About 31,000 sold last year.")] == [None]
    assert [q.unit for q in qs("The plan needs 90,000 homes a year, against 61,000 built last year.")][-1] != "built"


def test_a_toll_counts_people_after_a_sentence_that_counted_bodies():
    assert [q.unit for q in qs("Divers found 12 more bodies, bringing the toll to 57.")] == ["body", "person"]


def test_a_figure_of_the_dead_or_the_injured_in_digits_counts_people():
    assert [q.unit for q in qs("Officials said 23 of the dead were tourists.")] == ["person"]
    assert [q.unit for q in qs("About 40 of the injured workers were flown out.")] == ["worker"]


def test_a_subject_that_will_move_from_one_figure_to_another_names_what_they_count():
    assert [q.unit for q in qs("Beds at the hospital will rise from 300 to 420.")] == ["bed"]
    assert [q.unit for q in qs("Members will grow to 9,000.")] == ["member"]


def _units_of(text: str) -> list:
    return [(c.quantity.surface, c.quantity.unit) for c in extract(text).claims if c.quantity]


def test_a_bare_figure_paid_is_the_money_named_last_by_its_period():
    text = "Members voted 28 to 11 for a toll of 4 euros a day for cars. Vans will pay 7 and buses 12."
    assert _units_of(text)[-2:] == [("7", "euro per day"), ("12", "euro per day")]
    assert [q.unit for q in qs("Cars will pay 6 pounds a day, vans 9 and lorries 15.")] == ["pound sterling per day"] * 3
    text = "The club has 300 members. Juniors pay 40 dollars and seniors pay 65."
    assert _units_of(text)[1:] == [("40 dollars", "dollar"), ("65", "dollar")]
    assert _units_of("The mill employs 40 people. It pays 12 of them overtime.")[1][1] != "dollar"


def test_a_bare_figure_before_a_participle_that_ends_its_clause_counts_what_the_first_did():
    assert [q.unit for q in qs("Fire crews said 312 houses had been destroyed and 96 damaged.")] == ["house", "house"]
    assert [q.unit for q in qs("Some 40 barns burned down and 12 were badly damaged.")] == ["barn", "barn"]
    assert [q.unit for q in qs("The storm felled 80 oaks, and 25 uprooted in the park.")] == ["oak", "oak"]
    assert [q.unit for q in qs("Police seized 14 rifles and 9 stolen cars.")] == ["rifle", "stolen car"]


def test_a_part_that_survived_or_died_of_the_group_a_sentence_opens_with_counts_that_group():
    assert [q.unit for q in qs("Of the 240 chicks fitted with tags, only 31 survived the winter.")] == ["chick", "chick"]
    assert [q.unit for q in qs("Of the 12 horses in the stable, 4 died in the fire.")] == ["horse", "horse"]


def test_a_part_of_them_counts_what_the_figure_before_it_took_from_its_subject():
    units = _units_of("Calls to the helpline rose to 92,400, and about 1,300 of them went unanswered.")
    assert units == [("92,400", "call"), ("about 1,300", "call")]
    units = _units_of("Applications climbed to 5,100 last year; 800 of those came from abroad.")
    assert units[-1] == ("800", "application")


def test_a_range_moved_from_an_earlier_range_or_forecast_keeps_its_unit():
    text = "It now expects sales of 40 million to 44 million francs, down from a previous range of 46 million to 50 million."
    assert [q.unit for q in qs(text)] == ["swiss franc", "swiss franc"]
    text = "The agency put the harvest at 61 million tonnes, up from an earlier estimate of 58 million."
    assert [q.unit for q in qs(text)] == ["tonne", "tonne"]


def test_the_subject_of_a_reported_clause_counts_past_a_time_after_the_verb():
    text = "The census office said on Friday that the population grew by 0.8% to 10.42 million."
    assert [q.unit for q in qs(text)] == ["percentage", "person"]
    text = "The union said last week that its membership had risen to 48,000."
    assert [q.unit for q in qs(text)] == ["member"]


def test_others_who_were_hurt_are_people():
    assert [q.unit for q in qs("Four others were hurt in the blast.")] == ["person"]
    assert [q.unit for q in qs("A van hit a cyclist on Monday, and two others were seriously injured.")] == ["person"]
    assert [q.unit for q in qs("Four others joined the board.")] == [None]


def test_a_bare_bound_compared_with_a_count_by_the_period_is_that_count_by_the_period():
    text = "Adults who walk at least 7,000 steps a day live longer than those who take fewer than 4,000."
    assert [q.unit for q in qs(text)] == ["step per day", "step per day"]
    text = "Clinics that see 40 patients a week earn more than those that see fewer than 25."
    assert [q.unit for q in qs(text)] == ["patient per week", "patient per week"]
    text = "Firms that sell 300 cars a year do better than those with more than 9,000 staff."
    assert [q.unit for q in qs(text)][1] != "car per year"


def test_a_subject_counts_past_an_adjective_before_sales_and_past_an_apposition():
    assert [q.unit for q in qs("Global sales of electric bikes rose 12% to 4.1 million.")] == ["percentage", "electric bike"]
    assert [q.unit for q in qs("Building permits, a guide to future work, fell to 9,300.")] == ["permit"]
    assert [q.unit for q in qs("Hospital admissions, the best measure of severity, climbed to 1,240.")] == ["hospital admission"]


def test_a_bare_figure_after_those_that_repeats_a_count_is_that_count_again():
    text = 'Police recorded 612 knife offences. "Every one of those 612 is a life changed," the chief said.'
    assert _units_of(text) == [("612 knife offences", "knife offence"), ("612", "knife offence")]
    text = "The ferry carried 240 passengers. All 240 were safe, and 38 crew."
    assert _units_of(text)[1] == ("240", "passenger")
    assert _units_of("The ferry carried 240 passengers. The pier is 240 long.")[1][1] != "passenger"


def test_a_verb_after_a_bare_figure_is_no_counted_noun_and_the_remaining_take_the_count():
    text = "It said 9,000 projects had stalled, and that the remaining 15,700 faced delays."
    assert [q.unit for q in qs(text)] == ["project", "project"]
    assert [q.unit for q in qs("Of 300 claims, 120 suffered cuts.")][1] != "cut"
    assert [q.unit for q in qs("The firm shut 40 shops and kept the other 25 open.")] == ["shop", "shop"]


def test_those_over_an_age_are_an_age_bound():
    assert [q.unit for q in qs("Those over 80 will get the jab first.")] == ["year"]
    assert [q.unit for q in qs("Support is 61% among people under 30 and 38% among those over 65.")] == [
        "percentage", "year", "percentage", "year"]
    assert [q.unit for q in qs("Those over 80 kg must not ride.")] == ["kilogram"]


def test_a_gap_in_a_table_is_in_points_when_the_sentence_counts_points():
    assert [q.unit for q in qs("Wales have 10 points from six games, two behind Norway.")] == ["point", "game", "point"]
    assert [q.unit for q in qs("They have 31 points, four clear of Derby with 8 games left.")] == ["point", "point", "game"]
    assert [q.unit for q in qs("The train was 40 minutes late, two behind the bus.")][1] != "point"


def test_a_length_that_places_something_is_no_change():
    assert fields(one("The trawler sank 40 nautical miles off the coast."))[4] == "="
    assert fields(one("The jet came down 12 km north of the airport."))[4] == "="
    assert fields(one("The river rose 2 metres in a day."))[4] == "up"
    assert fields(one("The new depot would cut 58 miles from the daily routes."))[4] == "down"


def test_a_chambers_tally_is_votes_and_not_a_name_and_its_number():
    assert [(q.surface, q.unit) for q in qs("The bill passed the House 58 to 41 on Wednesday.")] == [
        ("58", "vote"), ("41", "vote")]
    assert [q.value for q in qs("They beat the Lions 24-17 in the final.")] == [24]
    assert qs("It passed the ISO 3888-2 test.") == []


def test_a_further_sum_is_in_the_money_before_it():
    assert [q.unit for q in qs("She won 50,000 euros for the win and a further 50,000 for the record.")] == ["euro", "euro"]
    assert [q.unit for q in qs("It paid 40 dollars and another 15 in fees.")] == ["dollar", "dollar"]


def test_a_mild_or_cool_figure_is_an_adjective_not_a_change():
    assert fields(one("Temperatures were a cool 12 degrees at the start."))[4] == "="
    assert fields(one("The sea will warm 2 degrees by 2050."))[4] == "up"


def test_an_age_raised_or_lowered_to_a_figure_is_in_years():
    assert [q.unit for q in qs("The plan would raise the pension age to 67.")] == ["year"]
    assert [q.unit for q in qs("Lawmakers cut the voting age from 18 to 16.")] == ["year"]


def test_a_subject_counts_for_a_verb_in_the_present_tense():
    assert [q.unit for q in qs("The retirement age rises to 68 in 2040.")] == ["year"]
    assert [q.unit for q in qs("Membership grows to 9,000 next year, the club says.")] == ["member"]
    assert [q.unit for q in qs("Passenger numbers climbs to 4.1 million.")] == ["passenger"]


def test_a_noun_that_is_one_with_its_of_phrase_is_counted_whole():
    assert [q.unit for q in qs("About 140 heads of state attended the summit.")] == ["head of state"]
    assert [q.unit for q in qs("Some 300 prisoners of war were freed.")] == ["prisoner of war"]
    assert [q.unit for q in qs("It sold 2,000 bottles of wine.")] == ["bottle"]


def test_the_number_of_nouns_with_a_capitalised_modifier_counts_them():
    text = "Americans spent 2,400 euros per trip, while the number of Chinese visitors recovered to 1.1 million."
    assert [q.unit for q in qs(text)] == ["euro per trip", "visitor"]
    assert [q.unit for q in qs("The number of Dutch farms fell to 52,000.")] == ["farm"]


def test_places_spread_over_after_an_amount_are_no_bound():
    assert [q.change for q in qs("Air defences destroyed 38 drones over five regions.")] == ["=", "="]
    assert [q.change for q in qs("The virus has spread to over 40 countries.")] == [">"]


def test_nearer_a_figure_is_an_estimate():
    assert fields(one("Charities said the true figure was nearer 2,000 people."))[4] == "~"
    assert fields(one("Turnout was nearer to 40%."))[4] == "~"


def test_a_bare_sum_a_word_of_money_names_is_in_the_currency_written_before():
    text = "It made a loss of 14.2 million pounds in the six months, against a profit of 3.8 million a year earlier."
    assert [q.unit for q in qs(text)] == ["pound sterling", "month", "pound sterling"]
    assert [q.unit for q in qs("She won 20,000 dollars for the title and a bonus of 5,000 for the record.")] == [
        "dollar", "dollar"]
    assert [q.unit for q in qs("The firm lost 2 million dollars. Job losses of 300 are planned.")] == ["dollar", None]


def test_a_bare_sum_a_word_of_money_follows_is_in_the_currency_written_before():
    text = "The plant cost 1.2 billion pounds and employs 650 people. The state gave 180 million in grants."
    assert [q.unit for q in qs(text)] == ["pound sterling", "person", "pound sterling"]
    assert [q.unit for q in qs("He took 2 million euros and left her savings of 186,000 untouched.")] == ["euro", "euro"]


def test_a_bare_sum_repaid_is_money_whatever_the_sentence_before_counted():
    text = "He stole 2.3 million euros. He admitted 64 counts of theft. He has repaid about 240,000."
    assert [q.unit for q in qs(text)] == ["euro", "count", "euro"]
    assert [q.unit for q in qs("The firm made 40,000 cars. It had made 240,000 the year before.")] == ["car", "car"]
    doc = extract("The fraud cost 2 million euros. Police arrested 40 men. They charged 12.")
    assert [c.quantity.unit for c in doc.claims if c.quantity] == ["euro", "man", "man"]


def test_a_crop_grown_is_a_count_not_a_rise():
    assert fields(one("The team grew 480 plants in the soil."))[3:] == ("plant", "=")
    assert fields(one("Farmers grew 12,000 hectares of maize."))[3:] == ("hectare", "=")
    assert fields(one("The town grew 4,000 residents in a decade."))[3:] == ("resident", "up")
    assert fields(one("The economy grew 2% last year."))[3:] == ("percentage", "up")


def test_a_decade_a_sum_is_spread_over_is_no_bound():
    assert [q.change for q in qs("He stole 2 million euros over a decade.")] == ["=", "="]
    assert [q.change for q in qs("He has worked there for over a decade.")] == [">"]


def test_the_people_of_a_count_over_a_figure_are_that_age():
    assert [q.unit for q in qs("It targeted 19 customers, most of them over 80.")] == ["customer", "year"]
    assert [q.unit for q in qs("It sold 40 boats, all of them over 12 metres.")] == ["boat", "metre"]


def test_a_further_sum_after_a_price_is_in_its_money():
    doc = extract("Aid is 1,000 euros per farm. Tax relief would save farmers a further 150 million.")
    assert [c.quantity.unit for c in doc.claims if c.quantity] == ["euro per farm", "euro"]


def test_a_figure_a_quake_measured_is_a_magnitude():
    assert [q.unit for q in qs("It was followed by 40 aftershocks, the strongest of them measuring 5.2.")] == [
        "aftershock", "magnitude"]
    assert [q.unit for q in qs("The tremor, registering 3.9, woke residents.")] == ["magnitude"]
    assert [q.unit for q in qs("The quake damaged a bridge measuring 300 metres.")] == ["metre"]


def test_a_bare_figure_a_second_verb_takes_counts_what_the_first_did():
    text = "It promised 1,000 kilometres of new track and delivered fewer than 300."
    assert [q.unit for q in qs(text)] == ["kilometre", "kilometre"]
    assert [q.unit for q in qs("She promised 20 hospitals and has so far opened three.")] == ["hospital", "hospital"]


def test_of_them_with_no_figure_before_counts_the_plural_noun_named_before():
    text = "The firm designs and builds sorting systems and has installed more than 9,000 of them."
    assert [q.unit for q in qs(text)] == ["system"]
    assert [q.unit for q in qs("The firm makes drones and sells 9,000 of them a year.")] == ["drone"]


def test_a_part_of_a_figure_without_the_is_a_count_of_its_noun():
    assert [(q.surface, q.unit) for q in qs("Three of 22 economists had forecast a cut.")] == [
        ("Three", "economist"), ("22 economists", "economist")]
    assert [q.unit for q in qs("Only 7 of 40 schools closed.")] == ["school", "school"]


def test_a_figure_that_modifies_the_noun_after_over_a_is_no_bound():
    assert fields(one("They argued over a 2-metre hedge."))[3:] == ("metre", "=")
    assert fields(one("It took over 100 days."))[4] == ">"


def test_a_level_after_a_move_without_by_is_in_the_moves_unit():
    assert [q.unit for q in qs("US crude gained 3.50 dollars to 81.90.")] == ["dollar", "dollar"]
    assert [q.unit for q in qs("The club added 4,000 members to 61,000.")] == ["member", "member"]
    assert [q.unit for q in qs("Shares rose 20 cents to 4.10.")] == ["cent", None]


def test_a_bare_sum_a_thing_sold_for_is_in_the_currency_written_before():
    text = "The car sold for 40,000 dollars in May and went for 52,000 in June, after 14 bidders."
    assert [q.unit for q in qs(text)] == ["dollar", "dollar", "bidder"]
    text = "It had 14 bidders. It cost 2 million pounds, and the average home now sells for 780,000."
    assert [q.unit for q in qs(text)][-1] == "pound sterling"


def test_a_sum_named_with_no_currency_written_takes_no_count():
    assert [q.unit for q in qs("It will open three new clinics, at a cost of 14 million.")] == ["clinic", None]


def test_the_subject_of_the_nearest_clause_counts_a_bare_level():
    text = "Hospitals delivered 98% of babies, while home births rose to 620 from 410."
    assert [q.unit for q in qs(text)] == ["percentage", "home birth", "home birth"]


def test_pounds_lost_in_a_story_of_money_are_money():
    text = "A care worker was paid 38,000 pounds in cash. One resident lost 11,600 pounds."
    assert [c.quantity.unit for c in extract(text).claims if c.quantity] == ["pound sterling", "pound sterling"]
    assert [c.quantity.unit for c in extract("He lost 20 pounds on the diet.").claims if c.quantity] == ["pound-mass"]


def test_a_figure_that_numbers_of_a_noun_are_moved_to_counts_that_noun():
    text = "Ryanair cut its forecast for passenger numbers next year to 210 million from 215 million."
    assert [q.unit for q in qs(text)] == ["passenger", "passenger"]
    assert [q.unit for q in qs("It raised its estimate of student numbers to about 12,000.")] == ["student"]


def test_reais_are_brazilian_money_and_real_is_a_word():
    assert fields(one("Fines had risen to 3.2 billion reais."))[3] == "brazilian real"
    assert [q.unit for q in qs("In real terms 40 people left.")] == ["person"]


def test_a_count_after_an_acronyms_possessive_is_a_count():
    assert fields(one("The union represents most of VW's 120,000 German workers."))[3] == "worker"
    assert fields(one("It represents IBM's 1,200 British staff."))[3] == "staff"
    assert qs("The new eBook 3 sold well.") == []


def test_a_move_at_a_rate_of_a_figure_is_that_move():
    assert fields(one("The economy shrank at an annualised rate of 2.0%."))[4] == "down"
    assert fields(one("Prices rose at a pace of 4% a year."))[4] == "up"
    assert fields(one("Loans are offered at a rate of 4%."))[4] == "="
