"""A link's parameters read one key at a time: the last value counts, each value ignored is named."""

from data.link import SHOWN, Link
from data.translations import catalog


def link(**params: list[str]) -> Link:
    return Link(params, catalog("en").gettext)


def test_the_last_value_counts_and_earlier_different_ones_are_named():
    read = link(q=["first", " last "])
    assert read.text("q") == "last"
    assert read.notices == ["Ignored q='first': the link gives q more than once; the last one counts."]
    assert link(q=["same", "same "]).last("q") == ["same "] and link(q=["same", "same "]).notices == []


def test_known_values_are_kept_in_order_once_and_the_others_named_shortened():
    read = link(country=["lbr", "XXX", "LBR", "hti"])
    long = "y" * 100
    found = read.known("country", frozenset({"LBR", "HTI"}), "Ignored {key}={value}.", upper=True)
    assert found == ("LBR", "HTI") and read.notices == ["Ignored country='XXX'."]
    read = link(section=[long])
    assert read.known("section", frozenset(), "{value}") == () and read.notices == [repr("y" * SHOWN)]


def test_years_and_flags_out_of_range_or_malformed_keep_the_default_and_say_so():
    read = link(**{"from": ["1899"], "to": ["2010"], "note": ["yes"], "later": ["FALSE"]})
    assert (read.year("from"), read.year("to")) == (None, 2010)
    assert (read.flag("note", True), read.flag("later", True)) == (True, False)
    assert read.notices == [
        "Ignored from='1899': not a year between 1945 and 2100.",
        "Ignored note='yes': write true or false.",
    ]
