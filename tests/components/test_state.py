"""The page state's module in a real Streamlit run (AppTest): the URL read into the widgets, a widget's
change written back to the URL, values it cannot read dropped from the URL and named."""

from streamlit.testing.v1 import AppTest


def page() -> None:
    """A page with one filter bound to the page state, as the explore view binds its filters."""
    import streamlit as st

    from components.state import bound, read_state, write_url
    from data.loader import load_dataset

    dataset = load_dataset()
    state = read_state(dataset)
    st.multiselect("Section", list(dataset.section_names), **bound("section"))
    st.markdown(f"sections: {','.join(state.filters.sections)}; notices: {len(state.notices)}")
    write_url(state)


def opened(**params: str) -> AppTest:
    app = AppTest.from_function(page, default_timeout=30)
    for key, value in params.items():
        app.query_params[key] = value
    return app.run()


def url(app: AppTest, key: str) -> list[str]:
    """The URL's values of ``key`` (AppTest gives one value as a string, several as a list)."""
    value = app.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def test_the_url_is_read_into_the_widgets_and_written_back_without_what_it_ignored():
    app = opened(section="justice", weather="sunny")
    assert not app.exception
    assert app.multiselect[0].value == ["justice"]
    assert app.markdown[0].value == "sections: justice; notices: 1"
    assert url(app, "section") == ["justice"]
    assert "weather" not in app.query_params


def test_a_widget_change_becomes_the_page_state_and_the_url():
    app = opened()
    app.multiselect[0].select("justice").select("elections").run()
    assert app.markdown[0].value == "sections: justice,elections; notices: 0"
    assert url(app, "section") == ["justice", "elections"]
