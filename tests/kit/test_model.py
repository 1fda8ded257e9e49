"""The field kit's model: what Python writes for the kit's script, read from the filter registry."""

from data.filters import FILTERS, Filters
from data.localize import localize
from data.translations import LANGUAGES
from kit.model import kit_model


def test_every_filter_of_the_registry_is_in_the_kit_with_a_key_per_example(curated):
    model = kit_model(curated, "en", Filters())
    names = [f["name"] for f in model["texts"]["en"]["filters"]]
    assert names == [f.name for f in FILTERS if f.keys is not None] == [f.name for f in FILTERS]
    for name, keys in model["keys"].items():
        assert len(keys) == len(curated.examples), name
    assert len(model["texts"]["fr"]["search"]["text"]) == len(curated.examples)


def test_each_language_has_its_own_views_words_and_option_names(curated):
    model = kit_model(curated, "fr", Filters(sections=("justice",)))
    assert model["lang"] == "fr" and model["start"] == {"section": ["justice"]}
    for lang in LANGUAGES:
        texts = model["texts"][lang]
        shown = localize(curated, lang)
        assert [v["title"] for v in texts["views"]] == shown.examples["title"].tolist()
        assert texts["words"]["count_line"][2].count("{count}") == 1
    assert model["texts"]["fr"]["words"]["where"] == "Où"
    sections = dict(model["texts"]["es"]["filters"][0]["options"])
    assert sections["elections"] == "Elecciones"
    assert "(inferred" not in " ".join(v["mission_line"] for v in model["texts"]["fr"]["views"])


def test_the_search_text_is_folded_as_the_dashboard_folds_it(curated):
    model = kit_model(curated, "en", Filters())
    assert model["texts"]["en"]["search"]["text"] == curated.search.text.tolist()
    assert all(text == text.lower() and "é" not in text for text in model["texts"]["fr"]["search"]["text"])
