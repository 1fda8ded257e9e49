"""The page state: a link parsed, checked and written back."""

from dataclasses import replace

import pytest

from data.filters import Filters
from data.loader import example_places, load_dataset
from data.page import PageState, cleared, fit, parse_url, presenting_selection, to_url


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def test_a_plain_link_is_the_default_state(dataset):
    assert parse_url({}, dataset) == (PageState(), [])
    assert to_url(PageState()) == {}


def test_a_full_link(dataset):
    params = {
        "section": ["elections", "justice"],
        "country": ["lbr"],
        "mission": ["unmil"],
        "from": ["2004"],
        "to": ["2008"],
        "q": ["police"],
        "undated": ["false"],
        "place": ["Liberia"],
        "view": ["present"],
        "ids": ["liberia-gbv-crimes-unit", "darfur-womens-forums"],
        "slide": ["2"],
        "note": ["false"],
        "closing": ["FALSE"],
        "operations": ["true"],
        "later": ["false"],
        "example": ["darfur-womens-forums"],
        "order": ["relevance"],
        "lang": ["fr"],
    }
    state, notices = parse_url(params, dataset)
    assert notices == []
    assert state == PageState(
        view="present",
        lang="fr",
        filters=Filters(
            sections=("elections", "justice"),
            countries=("LBR",),
            missions=("UNMIL",),
            years=(2004, 2008),
            text="police",
            include_undated=False,
            place="Liberia",
        ),
        playlist=("liberia-gbv-crimes-unit", "darfur-womens-forums"),
        slide=2,
        content_note=False,
        closing=False,
        operations=True,
        later=False,
        example="darfur-womens-forums",
        relevance=True,
    )
    assert parse_url(to_url(state), dataset)[0] == state  # the URL it writes reads back the same


@pytest.mark.parametrize(
    "params, notice",
    [
        ({"section": ["weather"]}, "Ignored section='weather': no such section."),
        ({"country": ["FRA"]}, "Ignored country='FRA': no such country with examples."),
        ({"mission": ["XYZ"]}, "Ignored mission='XYZ': no such mission with examples."),
        ({"from": ["abc"]}, "Ignored from='abc': not a year between 1945 and 2100."),
        ({"to": ["99999"]}, "Ignored to='99999': not a year between 1945 and 2100."),
        ({"from": ["²०१०"]}, "Ignored from='²०१०': not a year between 1945 and 2100."),  # digits, but not ASCII
        ({"from": ["2010"], "to": ["2005"]}, "Ignored from=2010 and to=2005: the start is after the end."),
        ({"colour": ["red"]}, "Ignored unknown parameter(s): 'colour'."),
        ({"place": ["Atlantis"]}, "Ignored place='Atlantis': no such place with examples."),
        ({"p": ["Not A Slug!"]}, "Ignored p='Not A Slug!': not a presentation's link."),
        ({"example": ["nope"]}, "Ignored example='nope': no such example."),
        ({"order": ["date"]}, "Ignored order='date': the only order to ask for is relevance."),
        ({"slide": ["-3"]}, "Ignored slide='-3': not a slide number."),
        ({"undated": ["maybe"]}, "Ignored undated='maybe': write true or false."),
        ({"later": ["no"]}, "Ignored later='no': write true or false."),
        ({"view": ["slides"]}, "Ignored view='slides': the views are explore and present."),
        ({"lang": ["de"]}, "Ignored lang='de': the languages are en, fr, es."),
    ],
)
def test_bad_values_are_ignored_with_a_notice_that_names_them(dataset, params, notice):
    state, notices = parse_url(params, dataset)
    assert notices == [notice]
    assert state == PageState()


def test_a_links_unknown_ids_are_named_and_kept_so_the_link_keeps_its_meaning(dataset):
    state, notices = parse_url({"ids": ["nope", "darfur-womens-forums", "gone"], "view": ["present"]}, dataset)
    assert notices == ["Ignored ids='nope': no such example.", "Ignored ids='gone': no such example."]
    assert state.playlist == ("nope", "darfur-womens-forums", "gone")
    assert to_url(state)["ids"] == ["nope", "darfur-womens-forums", "gone"]  # the URL is not rewritten


def test_a_saved_presentations_link_writes_no_ids(dataset):
    state, notices = parse_url({"p": ["module-3-a1b2c3"], "ids": ["darfur-womens-forums"]}, dataset)
    assert notices == [
        "Ignored ids='darfur-womens-forums': the saved presentation of this link gives the slides."
    ] and state == PageState(view="present", presentation="module-3-a1b2c3")
    assert to_url(state.but(content_note=False)) == {"p": ["module-3-a1b2c3"]}


def test_valid_values_beside_bad_ones_are_kept(dataset):
    state, notices = parse_url({"section": ["weather", "justice"], "country": ["x", "LBR"]}, dataset)
    assert state.filters.sections == ("justice",) and state.filters.countries == ("LBR",)
    assert len(notices) == 2


def test_the_whole_year_range_is_no_range(dataset):
    lowest, highest = dataset.year_bounds
    state, _ = parse_url({"from": [str(lowest)], "to": [str(highest)]}, dataset)
    assert state.filters.years == (None, None)


def test_fit_leaves_out_what_the_dataset_lacks(dataset):
    state = PageState(
        filters=Filters(sections=("justice",), countries=("LBR",), place="Liberia"), playlist=("a",), example="b"
    )
    first = dataset.examples.head(1)  # the DDR radio example, in South Sudan
    smaller = replace(dataset, examples=first, places=example_places(first), search=None)
    fitted = fit(state, smaller)
    assert fitted.playlist == ("a",) and fitted.example == ""  # the deck leaves out what it lacks
    assert fitted.filters == Filters(sections=("justice",))  # the sections are the dataset's, not its examples'


def test_language_default_is_not_written(dataset):
    assert to_url(PageState(lang="fr"), default_lang="fr") == {}
    assert to_url(PageState(lang="en"), default_lang="fr") == {"lang": ["en"]}


def test_clear_and_present(dataset):
    state = PageState(filters=Filters(sections=("ddr",)), notices=("x",), playlist=("a",), slide=3)
    assert cleared(state).filters == Filters() and cleared(state).notices == ()
    assert presenting_selection(state) == PageState(view="present", filters=Filters(sections=("ddr",)))


def test_a_saved_presentations_short_link_opens_the_presenter(dataset):
    assert parse_url({"p": ["training-2026"]}, dataset)[0].view == "present"
    assert parse_url({"p": ["training-2026"], "view": ["explore"]}, dataset)[0].view == "explore"  # said so
    state, notices = parse_url({"p": ["Not A Slug!"]}, dataset)
    assert state.view == "explore" and notices == ["Ignored p='Not A Slug!': not a presentation's link."]
