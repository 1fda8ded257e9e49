"""The curated dataset agrees with ../shared/facts.md, row by row."""

import pytest

from data.loader import load_dataset

# From facts.md, "The nine examples in the source": (section, ISO3 codes, missions, basis, stated years).
FACTS = {
    "ddr-radio-outreach": ("ddr", ("SSD", "COD"), ("UNMIS", "MONUC"), "inferred", "Year not stated"),
    "afghanistan-election-task-force": ("elections", ("AFG",), (), "not named", "2004"),
    "cote-divoire-electoral-quota": ("elections", ("CIV",), ("UNOCI",), "stated", "Since 2007"),
    "sierra-leone-women-elections-group": ("elections", ("SLE",), ("UNIOSIL",), "stated", "2008"),
    "haiti-sgbv-justice-police": ("ssr", ("HTI",), ("MINUSTAH",), "stated", "Year not stated"),
    "darfur-womens-forums": ("military", ("SDN",), (), "not named", "2006"),
    "liberia-gbv-crimes-unit": ("justice", ("LBR",), (), "not named", "2007"),
    "timor-leste-domestic-violence-law": ("justice", ("TLS",), (), "not named", "2009–2010"),
    "liberia-family-protection-unit": ("recruitment", ("LBR",), ("UNMIL",), "stated", "Year not stated"),
}


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def test_curated_file_has_no_problems(dataset):
    assert dataset.problems == ()
    assert list(dataset.examples["id"]) == list(FACTS)


@pytest.mark.parametrize("example_id", FACTS)
def test_example_agrees_with_facts(dataset, example_id):
    row = dataset.examples.set_index("id").loc[example_id]
    assert (row["section"], row["countries"], row["missions"], row["mission_basis"], row["year_label"]) == FACTS[
        example_id
    ]
    assert row["source"] and row["prompt"] and 2 <= row["summary"].count(". ") + 1 <= 4


def test_no_year_where_the_source_states_none(dataset):
    undated = dataset.examples[dataset.examples["year_label"] == "Year not stated"]
    assert set(undated["id"]) == {"ddr-radio-outreach", "haiti-sgbv-justice-police", "liberia-family-protection-unit"}
    assert undated["year_start"].isna().all() and (undated["year"] == "").all()


def test_key_figures_are_the_sources(dataset):
    figures = dict(zip(dataset.examples["id"], dataset.examples["key_figure"]))
    assert "200 women" in figures["darfur-womens-forums"]
    assert "30%" in figures["cote-divoire-electoral-quota"]
    assert "three-fold" in figures["liberia-family-protection-unit"]
    assert "7-year" in figures["timor-leste-domestic-violence-law"]


def test_sections_in_source_order_with_distinct_colours(dataset):
    assert list(dataset.sections["slug"]) == ["ddr", "elections", "ssr", "military", "justice", "recruitment"]
    assert dataset.sections["colour"].is_unique


def test_milestones(dataset):
    dates = {m.short: m.date.strftime("%Y-%m-%d") for m in dataset.milestones.itertuples()}
    assert dates["Res. 1325"] == "2000-10-31"
    assert dates["Res. 1820"] == "2008-06-19"
    assert dates["Gender directive"].startswith("2006")
    assert dates["C-34 on gender"].startswith("2002-03")
    assert len(dataset.source_milestones) == 6  # and the later resolutions: tests/data/test_wording.py


def test_missions_include_the_16_operations_of_may_2013(dataset):
    may_2013 = dataset.missions[dataset.missions["operating_may_2013"] == "true"]
    assert len(may_2013) == 16
    assert {"UNMIS", "MONUC", "UNIOSIL", "UNMIT"} <= set(dataset.missions["acronym"])


def test_every_place_has_coordinates(dataset):
    places = dataset.places
    assert len(places) == 10  # example 1 has two places
    assert places["latitude"].between(-90, 90).all() and places["longitude"].between(-180, 180).all()
    assert set(places.loc[places["example_id"] == "ddr-radio-outreach", "place"]) == {
        "Southern Sudan (then part of Sudan)",
        "DRC",
    }


def test_version_from_changelog(dataset):
    assert dataset.version == "1.3.0" and dataset.version_date == "2026-12-01"
