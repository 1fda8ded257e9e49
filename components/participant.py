"""A participant of a live session: this browser's random id (a cookie keeps it across reloads; nothing
else is known of the person). One of the modules that hold session values (tests/test_architecture.py)."""

from __future__ import annotations

import re

import streamlit as st

from components.signin import client_address
from store.live import LiveSessions, new_participant

PARTICIPANT, JOINED, PARTICIPANT_COOKIE = "participant", "joined", "ppe_participant"


def participant(sessions: LiveSessions, code: str) -> str:
    """This browser's random id in live sessions (a cookie keeps it across reloads; nothing else is
    known of the person), joined to session ``code`` once."""
    if PARTICIPANT not in st.session_state:
        kept = st.context.cookies.get(PARTICIPANT_COOKIE)
        mine = isinstance(kept, str) and re.fullmatch(r"[0-9a-f]{16}", kept)
        st.session_state[PARTICIPANT] = kept if mine else new_participant()
    me = st.session_state[PARTICIPANT]
    if st.session_state.get(JOINED) != code:
        sessions.join(code, me, client_address())  # Refused: a full session, or a flooding address
        st.session_state[JOINED] = code
        st.html(  # the id is 16 hex digits: nothing to escape
            "<script>(window.parent?.document ?? document).cookie = "
            f"'{PARTICIPANT_COOKIE}={me}; path=/; max-age=86400; SameSite=Lax';</script>",
            unsafe_allow_javascript=True,
        )
    return me
