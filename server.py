"""The app as served: ``streamlit run server.py`` (README, deploy/run). Streamlit's own server with
app.py as the script, and two routes of ours: a live room's phones ask ``/room/CODE/revision``
whether the trainer has moved and ``/room/CODE/slide`` for the new slide, with no run of the script
(components/room_route.py)."""

import streamlit as st
from starlette.routing import Route

from components.room_route import revision, slide

app = st.App("app.py", routes=[Route("/room/{code}/revision", revision), Route("/room/{code}/slide", slide)])
