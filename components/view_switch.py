"""The language and Explore/Present switches at the top of the sidebar."""

from __future__ import annotations

import streamlit as st

from components.i18n import N_, _
from components.state import LANG, VIEW, bound
from data.page import VIEWS
from data.translations import LANGUAGES

VIEW_NAMES = {"explore": N_("Explore"), "present": N_("Present")}


def render_switches() -> None:
    st.segmented_control(
        "Language · Langue · Idioma",
        list(LANGUAGES),
        format_func=LANGUAGES.get,
        required=True,
        width="stretch",
        **bound(LANG),
    )
    st.segmented_control(
        _("View"), list(VIEWS), format_func=lambda v: _(VIEW_NAMES[v]), required=True, width="stretch", **bound(VIEW)
    )
