"""Destructive actions ask first: a dialog that names what will happen, then does it or does nothing."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components.i18n import _
from components.plain import literal


def ask_first(title: str, question: str, action: str, act: Callable[[], None]) -> None:
    """Open a dialog: ``question`` (plain text), the ``action`` button that calls ``act`` (which writes
    and reruns the page), and Cancel, which leaves everything as it was."""

    @st.dialog(title)
    def dialog() -> None:
        st.markdown(literal(question))
        yes, no = st.columns(2)
        if yes.button(action, key="confirm_yes", type="primary", width="stretch"):
            act()
        if no.button(_("Cancel"), key="confirm_no", width="stretch"):
            st.rerun()

    dialog()
