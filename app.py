"""Peacekeeping Practice Explorer: page set-up and wiring of the views."""

from pathlib import Path

import streamlit as st

from components.about import render_about
from components.data_source import current_dataset, show_problems
from components.explore import render_explore
from components.filters import render_filters
from components.i18n import _, in_language
from components.presenter import render_presenter
from components.url_state import show_notices
from components.view_switch import render_language_switch, render_view_switch
from components.your_data import render_your_data
from data.selection import select

st.set_page_config(page_title="Peacekeeping Practice Explorer", page_icon="🕊️", layout="wide")
st.html(Path(__file__).with_name("components") / "style.css")

curated, curated_key = current_dataset()
lang = render_language_switch()
presenting = render_view_switch() == "present"
# Sidebar panels in display order; the upload is filled first because the filters depend on its data.
presenter_panel, filters_panel, upload_panel = st.sidebar.container(), st.sidebar.container(), st.sidebar.container()
if not presenting:
    st.title(_("Peacekeeping Practice Explorer"))
    st.caption(
        _("How UN peacekeeping missions address violence against women and girls: examples by place, year and theme.")
    )
show_problems(curated)
dataset = in_language(render_your_data(curated, curated_key, upload_panel, st.container()), lang)
filters = render_filters(
    dataset, filters_panel.expander(_("Filters (the playlist's default)")) if presenting else filters_panel
)
show_notices()
selection = select(dataset, filters)
if presenting:
    render_presenter(selection, dataset, presenter_panel)
else:
    render_explore(selection, dataset, filters)
    render_about(dataset)
