"""The Streamlit script: URL parameters in, widgets and counts out (AppTest, no browser)."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from markupsafe import escape
from streamlit.testing.v1 import AppTest

from components.notices import SHOWN
from data.loader import load_dataset
from data.page import parse_url
from tests.links import queries

APP = Path(__file__).resolve().parent.parent / "app.py"
DATASET = load_dataset()


def first_screen(**params) -> AppTest:
    """A new session's first run: the first screen alone (components/first_screen.py)."""
    app = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    return app.run()


def run(**params) -> AppTest:
    """The page as a browser ends up with it: the first screen, then the whole page, which the page's
    script asks for with the hidden button once the map is drawn."""
    app = first_screen(**params)
    return app.button(key="rest_of_page_button").click().run()


def notices(app: AppTest) -> list[str]:
    """The escaped notice boxes the page shows."""
    return [element.proto.body for element in app.get("html") if 'data-testid="notice"' in element.proto.body]


def count_line(app: AppTest) -> str:
    return next(m.value for m in app.markdown if "count-line" in m.value)


def test_default_view_shows_every_example():
    app = run()
    assert not app.exception
    assert "Showing 9 of 9 examples" in count_line(app)
    assert notices(app) == []


@pytest.mark.parametrize(
    "params, shown",
    [
        ({"section": "elections"}, 3),
        ({"section": ["elections", "justice"]}, 5),
        ({"country": "LBR"}, 2),
        ({"mission": "MINUSTAH"}, 1),
        ({"q": "radio"}, 1),
        ({"from": "2004", "to": "2006", "undated": "false"}, 2),
        ({"place": "Liberia"}, 2),
        ({"q": "no-such-word"}, 0),
    ],
)
def test_url_parameters_set_the_widgets_and_the_count(params, shown):
    app = run(**params)
    assert not app.exception
    assert f"Showing {shown} of 9 examples" in count_line(app)


def test_a_new_session_gets_its_first_screen_alone_then_the_whole_page():
    app = first_screen(section="elections")
    assert not app.exception
    assert "Showing 3 of 9 examples" in count_line(app)
    assert [chart.proto.spec for chart in app.get("plotly_chart")]  # the map
    assert "Loading the filters…" in [c.value for c in app.caption]
    assert not [w for w in app.multiselect] and not app.expander  # no filters, no cards' panels yet
    assert not app.toggle and [b.key for b in app.button] == ["rest_of_page_button"]  # controls come with the rest
    assert app.button(key="rest_of_page_button")  # hidden (style.css); clicked by first_screen.js
    app.button(key="rest_of_page_button").click().run()
    assert not app.exception
    assert app.multiselect(key="section").value == ["elections"]
    assert "Showing 3 of 9 examples" in count_line(app)
    assert len(app.get("plotly_chart")) == 2  # the map and the timeline
    assert app.toggle(key="operations") and any(b.label.startswith("Present these 3") for b in app.button)
    assert not [b for b in app.button if b.key == "rest_of_page_button"]
    app.run()  # every later run draws the whole page
    assert app.multiselect(key="section").value == ["elections"]


def test_the_presenter_gets_its_slide_on_the_first_run():
    app = first_screen(view="present", slide="1")
    assert not app.exception
    assert any("slide-counter" in m.value for m in app.markdown)
    assert app.button_group  # the switches: the presenter's first run draws its whole page
    assert not [b for b in app.button if b.key == "rest_of_page_button"]


def test_each_screen_is_its_own_page_and_a_button_changes_the_screen_in_the_same_session():
    app = run(section="justice")
    assert "Showing 2 of 9 examples" in count_line(app)
    next(b for b in app.button if b.label == "Present these 2").click().run()
    assert not app.exception
    assert app.query_params.get("view") in ("present", ["present"])
    assert any("slide-counter" in m.value for m in app.markdown)
    assert not any("count-line" in m.value for m in app.markdown)  # the explore page is not drawn
    app.button_group(key="view").set_value("explore").run()
    assert "Showing 2 of 9 examples" in count_line(app) and app.multiselect(key="section").value == ["justice"]


def test_url_parameters_reach_the_widgets():
    app = run(section="elections", q="women", **{"from": "2004"})
    assert app.multiselect(key="section").value == ["elections"]
    assert app.text_input(key="q").value == "women"
    assert app.slider(key="years").value == (2004, 2014)


@pytest.mark.parametrize("params", [{"section": "weather"}, {"from": "abc"}, {"to": "99999"}, {"country": "ZZZ"}])
def test_bad_url_values_give_a_notice_not_a_traceback(params):
    app = run(**params)
    assert not app.exception
    assert "Showing 9 of 9 examples" in count_line(app)
    assert "Some link parameters were ignored" in notices(app)[0]


def test_widget_change_updates_the_count():
    app = run()
    app.multiselect(key="section").set_value(["justice"]).run()
    assert "Showing 2 of 9 examples" in count_line(app)
    app.button(key="clear_all").click().run()
    assert "Showing 9 of 9 examples" in count_line(app)


def test_about_panel_shows_the_dataset_version():
    app = run()
    assert any("dataset version r1" in e.label for e in app.expander)


def test_the_table_is_built_only_while_its_expander_is_open():
    app = run()
    assert len(app.dataframe) == 0
    app.session_state["table"] = True  # what opening the expander does
    app.run()
    assert not app.exception
    assert len(app.dataframe) == 1
    assert len(app.dataframe[0].value) == 9


def test_the_downloads_are_drawn_only_while_their_expander_is_open():
    app = run()
    assert not [b for b in app.button if b.key == "explore_prepare"]
    app.session_state["downloads"] = True  # what opening the expander does
    app.run()
    assert not app.exception
    assert [b.key for b in app.button if b.key == "explore_prepare"] == ["explore_prepare"]


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(queries)
def test_generated_links_render_and_name_what_they_ignore(query):
    """A few dozen of the parser fuzz's links through the whole page (tests/data/test_page_fuzz.py has 1,000)."""
    app = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, (query, app.exception)
    shown = [m.value for m in app.markdown]
    assert any("count-line" in v or "slide-counter" in v for v in shown) or app.info, query
    expected = parse_url(query, DATASET)[1][:SHOWN]
    body = " ".join(notices(app))
    assert all(str(escape(n)) in body for n in expected), (query, expected, body)


def test_a_data_files_problems_name_the_file_never_its_server_path(tmp_path, monkeypatch):
    secret = tmp_path / "server-only-folder"
    secret.mkdir()
    (secret / "ours.csv").write_text("id,section\nx,justice\n", encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["app.py", "--data", str(secret / "ours.csv")])
    shown = " ".join(e.value for e in run().error)
    assert "ours.csv:1: title: missing required column" in shown
    assert "server-only-folder" not in shown and str(tmp_path) not in shown
