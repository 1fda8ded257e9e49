"""Views shared between sessions (components/shared_views.py): only between sessions showing the same
dataset object, in the same language. The reviewers' attack: a visitor uploads the collection's own
export with one title changed; the next visitor's map, of the published examples with the same filters,
must not show it."""

import plotly.io as pio

from components.i18n import use
from components.map_view import explore_map
from components.shared_views import shared
from data.export import to_csv
from data.page import PageState
from data.selection import select
from data.upload import REPLACE, merge_upload

POISON = "Changed by a visitor"


def test_an_uploaded_copy_gets_its_own_map_and_the_published_one_stays_clean(curated):
    use("en")
    exported = curated.examples.copy()
    exported.loc[exported.index[0], "title"] = POISON
    poisoned = merge_upload(curated, to_csv(exported), "ours.csv", REPLACE).dataset
    state = PageState()
    key = (state.filters, state.operations, state.example, state.area)

    def drawn(dataset) -> str:
        figure = shared(dataset, "map", key, lambda: explore_map(state, select(dataset, state.filters), dataset))
        return pio.to_json(figure)

    assert POISON in drawn(poisoned)
    assert POISON not in drawn(curated)
    assert drawn(curated) == drawn(curated)  # the second time, the shared figure


def test_the_language_is_part_of_the_key(curated):
    use("en")
    assert shared(curated, "about", (), lambda: "About the data") == "About the data"
    use("fr")
    assert shared(curated, "about", (), lambda: "À propos des données") == "À propos des données"
    use("en")
    assert shared(curated, "about", (), lambda: "built again") == "About the data"
