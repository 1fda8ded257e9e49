"""Peacekeeping Practice Explorer: page set-up and wiring of the views."""

from pathlib import Path

import streamlit as st

from components.about import render_about
from components.data_source import current_dataset, show_problems
from components.explore import render_explore
from components.filters import render_filters
from components.presenter import render_presenter
from components.url_state import show_notices
from components.view_switch import render_view_switch
from data.selection import select

st.set_page_config(page_title="Peacekeeping Practice Explorer", page_icon="🕊️", layout="wide")
st.html(Path(__file__).with_name("components") / "style.css")

dataset = current_dataset()
presenting = render_view_switch() == "present"
if not presenting:
    st.title("Peacekeeping Practice Explorer")
    st.caption(
        "How UN peacekeeping missions address violence against women and girls: examples by place, year and theme."
    )
show_problems(dataset)
presenter_panel = st.sidebar.container()
filters = render_filters(dataset, st.sidebar.expander("Filters (the playlist's default)") if presenting else st.sidebar)
show_notices()
selection = select(dataset, filters)
if presenting:
    render_presenter(selection, dataset, presenter_panel)
else:
    render_explore(selection, dataset)
    render_about(dataset)
