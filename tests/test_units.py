"""Figures of one dimension in different units are compared converted (workflow/units.py)."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from importlib import resources

import pytest

from ledger.workflow import units
from ledger.workflow.matching import Figure, relate, signature, topic_words


def test_every_convertible_unit_measures_the_dimension_quantulum3s_registry_gives_it():
    registry = json.loads(resources.files("quantulum3").joinpath("units.json").read_text(encoding="utf-8"))
    sizes = json.loads(resources.files("ledger.workflow").joinpath("unit_factors.json").read_text(encoding="utf-8"))
    known = 0
    for dim, members in sizes.items():
        if dim.startswith("_"):
            continue
        for unit in members:
            entity = registry.get(unit, {}).get("entity")
            if entity is not None:
                known += 1
                assert entity == dim, (unit, entity, dim)
    assert known >= 30  # most of them are in the registry by the same name


def test_factors_between_units():
    assert units.factor("metre", "foot") == pytest.approx(0.3048)
    assert units.factor("kilometre", "mile") == pytest.approx(1.609344)
    assert units.factor("metre", "kilogram") is None and units.factor("metre", "metre") is None
    assert units.factor("tonne", "ton") is None  # a ton's size depends on the country: never converted
    assert ("kilometre", pytest.approx(1.609344)) in units.others("mile")


def fig(sentence: str, surface: str, value: float, unit: str, doc: int, day: int = 1) -> Figure:
    at = sentence.index(surface)
    return Figure(value=value, unit=unit, change="=", document_id=doc, sentence=sentence,
                  published=datetime(2024, 5, day, tzinfo=timezone.utc),
                  signature=signature(sentence, at, at + len(surface), None, unit), topic=topic_words(sentence, "Sea wall"))


def test_the_same_length_in_feet_and_metres_is_one_claim_and_a_different_one_a_conflict():
    feet = fig("The new sea wall at Porthleven will stand 6 feet high, the council said.", "6 feet", 6, "foot", 1)
    metres = fig("The council said the new sea wall at Porthleven will stand 1.8 metres high.", "1.8 metres", 1.8,
                 "metre", 2)
    taller = fig("The council said the new sea wall at Porthleven will stand 2.5 metres high.", "2.5 metres", 2.5,
                 "metre", 3)
    assert relate(feet, metres) == "same" and relate(metres, feet) == "same"
    assert relate(feet, taller) == "conflict"


def test_a_hundred_kilometres_and_62_miles_are_one_figure_across_documents(ledger, tmp_path):
    (tmp_path / "a.txt").write_text("Rail link\n\nThe new rail link will run 100 km between the two cities,"
                                    " the transport ministry said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Rail plan\n\nThe transport ministry said the new rail link between the two"
                                    " cities will run 62 miles.\n", encoding="utf-8")
    assert ledger("add", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")).exit_code == 0
    lengths = {c["quantity"]["unit"]: c["appearances"] for c in ledger.json("claims", "--json")
               if c["quantity"]["unit"] in ("kilometre", "mile")}
    assert lengths == {"kilometre": 2, "mile": 2}


# ---- units come from quantulum3's registry (extract/unit_registry.py)


@pytest.mark.parametrize("sentence, unit", [
    ("Each patient received a 40 microgram dose.", "microgram"),
    ("The storm's pressure fell to 950 hectopascals.", "hectopascal"),
    ("The probe is now 12 astronomical units from the Sun.", "astronomical unit"),
    ("A can of the drink has 140 kilocalories.", "kilocalorie"),
])
def test_units_the_project_never_listed_are_read_from_the_registry(sentence, unit):
    from ledger.extract.numbers import find_quantities
    from ledger.extract.numbers_units import UNIT_OVERRIDES

    assert unit not in UNIT_OVERRIDES.values()
    assert [q.unit for q in find_quantities(sentence, 0, len(sentence))] == [unit]


def test_registry_words_with_an_everyday_sense_are_not_read_as_its_units():
    from ledger.extract.numbers import find_quantities
    from ledger.extract.unit_registry import registry_units

    names, symbols = registry_units()
    for word in ("pound", "quarter", "cup", "in", "are", "gal", "m", "h"):
        assert word not in names and word not in symbols, word
    said = "Tickets cost 3 pounds each, and profits rose in 2 quarters."
    assert [q.unit for q in find_quantities(said, 0, len(said))] == ["pound sterling per ticket", "quarter"]


def test_the_registry_names_are_the_guidelines_names_where_they_differ():
    from ledger.extract.numbers_units import UNITS

    assert UNITS["°c"] == "celsius" and UNITS["ml"] == "millilitre" and UNITS["mm"] == "millimetre"
    assert UNITS["kilometres"] == "kilometre" and UNITS["feet"] == "foot"


def test_ppm_is_named_as_parts_per_million_written_out():
    from ledger.extract.numbers import find_quantities
    text = "Carbon dioxide reached 424 ppm, against 280 parts per million before 1850."
    assert [q.unit for q in find_quantities(text, 0, len(text))] == ["part per million", "part per million"]


def test_a_price_by_a_unit_of_two_words_after_a_is_per_that_unit():
    from ledger.extract.numbers import find_quantities
    text = "Wholesale power hit 15,500 dollars a megawatt hour, and offices rent at 40 euros a square metre."
    assert [q.unit for q in find_quantities(text, 0, len(text))] == ["dollar per megawatt hour", "euro per square metre"]
