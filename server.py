"""The app as served: ``streamlit run server.py`` (README, deploy/run). Streamlit's own server with
app.py as the script, and two routes of ours: a live room's phones ask ``/room/CODE/revision``
whether the trainer has moved and ``/room/CODE/slide`` for the new slide, with no run of the script
(components/room_route.py)."""

import sys

import streamlit as st
from starlette.routing import Route

from components.room_route import revision, slide

# Every session's run is a thread of this process, and they share one interpreter lock. Python makes the
# running thread hand it over every 5 ms by default: with dozens of runs at once, each of them (20-40 ms
# of work) was passed around many times and all finished late together. Handed over every 50 ms, most
# runs finish in one turn. 100 viewers through the deployment (bench/load.py): worst p95 1.97-2.03 s
# with 5 ms, 1.13-1.50 s with 50 ms; the live room's follow p95 unchanged (bench/RESULTS.md).
SWITCH_INTERVAL_SECONDS = 0.05
sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)

app = st.App("app.py", routes=[Route("/room/{code}/revision", revision), Route("/room/{code}/slide", slide)])
