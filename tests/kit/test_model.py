"""The field kit's model: what Python writes for the kit's script, read from the filter registry."""

from data.filters import FILTERS, Filters
from data.localize import localize
from data.translations import LANGUAGES
from kit.model import kit_model, of_examples


def test_every_filter_of_the_registry_is_in_the_kit_with_a_key_per_example(curated):
    model = kit_model(curated, "en", Filters())
    names = [f["name"] for f in model["texts"]["en"]["filters"]]
    assert names == [f.name for f in FILTERS if f.keys is not None] == [f.name for f in FILTERS]
    for name, keys in model["keys"].items():
        assert len(keys) == len(curated.examples), name
    assert len(model["texts"]["en"]["views"]["search:title"]) == len(curated.examples)


def test_each_language_has_its_own_views_words_and_option_names(curated):
    model = kit_model(curated, "fr", Filters(sections=("justice",)))
    assert model["lang"] == "fr" and model["start"] == {"section": ["justice"]}
    english = model["texts"]["en"]["views"]
    for lang in LANGUAGES:
        texts = model["texts"][lang]
        shown = localize(curated, lang)
        titles = [
            mine if mine is not None else theirs for mine, theirs in zip(texts["views"]["title"], english["title"])
        ]
        assert titles == shown.examples["title"].tolist()
        assert texts["words"]["count_line"][2].count("{count}") == 1
    assert model["texts"]["fr"]["words"]["where"] == "Où"
    assert dict(model["texts"]["es"]["filters"][0]["options"])["elections"] == "Elecciones"
    assert model["texts"]["es"]["sections"]["elections"]["name"] == "Elecciones"
    assert "(inferred" not in " ".join(v or "" for v in model["texts"]["fr"]["views"]["mission_line"])


def test_a_language_stores_only_what_differs_from_english(synthetic):
    """Synthetic examples have no translations: French and Spanish add their words, not the examples' again."""
    model = kit_model(synthetic, "en", Filters())
    assert all(value is None for value in model["texts"]["fr"]["views"]["summary"])
    assert model["texts"]["fr"]["views"]["year_label"] != model["texts"]["en"]["views"]["year_label"]


def joined(model, lang: str) -> list[str]:
    views, english = model["texts"][lang]["views"], model["texts"]["en"]["views"]
    columns = [[v if v is not None else e for v, e in zip(views[name], english[name])] for name in model["searched"]]
    return [" ".join(parts) for parts in zip(*columns)]


def test_the_search_text_is_folded_as_the_dashboard_folds_it(curated):
    """The kit joins the searched fields' folded columns into the very text the dashboard searches."""
    model = kit_model(curated, "en", Filters())
    for lang in LANGUAGES:
        assert joined(model, lang) == localize(curated, lang).search.text.tolist()


def test_the_kit_of_a_selection_holds_only_its_examples_and_their_places(curated):
    ids = curated.examples["id"].iloc[[1, 4]]
    small = of_examples(curated, ids)
    assert small.examples["id"].tolist() == ids.tolist()
    assert set(small.places["example_id"]) == set(ids) and small.places["row"].max() == 1
    assert len(kit_model(small, "en", Filters())["keys"]["place"]) == 2
