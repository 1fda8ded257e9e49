"""Peacekeeping Practice Explorer: the set-up, then the page of the link's screen (``st.navigation``).

URL → Route (data/route.py) → the screen's page (components/pages/) → PageState → selectors (data/)
→ views (components/) → URL.
"""

from pathlib import Path

import streamlit as st

from components.data_source import collection_store
from components.i18n import _
from components.pages import explore, present, room
from components.pages.common import Setup
from components.state import live_session, page_language, read_route, saved_presentation
from data.route import EXPLORE, PRESENT, ROOM

route = read_route()  # the screen, language, saved presentation and live session, before any data
store = collection_store()
live = live_session(store, route)
saved = saved_presentation(store, route, live)
setup = Setup(route, store, live, saved, page_language(route, saved))
st.set_page_config(
    page_title=_("Peacekeeping Practice Explorer"),
    page_icon="🕊️",
    layout="wide",
    initial_sidebar_state="collapsed" if route.screen == ROOM else "auto",
)
st.html(Path(__file__).with_name("components") / "style.css")
draw = {EXPLORE: explore.page, PRESENT: present.page, ROOM: room.page}
titles = {EXPLORE: _("Peacekeeping Practice Explorer"), PRESENT: _("Present"), ROOM: _("Live session")}
# The navigation holds the one page the route names, served at the app's root, so links keep their query
# alone and a button changes the screen by the URL it writes. Its url_path is the same on every screen:
# a widget's identity (and so its value, an uploaded file above all) outlives a change of screen, which
# st.switch_page would reset.
screen = st.Page(lambda: draw[route.screen](setup), title=titles[route.screen], url_path="page", default=True)
st.navigation([screen], position="hidden").run()
