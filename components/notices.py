"""Notices about what a link or a file had that was ignored (escaped, never markup), and what a
panel's last write did."""

from __future__ import annotations

import streamlit as st
from markupsafe import Markup
from streamlit.delta_generator import DeltaGenerator

from components.i18n import _
from components.messages import take_flash

SHOWN = 8


def render_notices(notices: tuple[str, ...] | list[str], title: str = "") -> None:
    """A warning listing the first notices; link values never become markup or Markdown links."""
    if not notices:
        return
    items = Markup("").join(Markup("<li>{}</li>").format(notice) for notice in notices[:SHOWN])
    if len(notices) > SHOWN:
        items += Markup("<li>{}</li>").format(_("… and {count} more").format(count=len(notices) - SHOWN))
    st.html(
        str(
            Markup('<div class="notice" role="alert" data-testid="notice"><b>⚠️ {}</b><ul>{}</ul></div>').format(
                title or _("Some link parameters were ignored:"), items
            )
        )
    )


def render_done(panel: str, place: DeltaGenerator | None = None) -> None:
    """What the last write of ``panel`` did, in that panel (``.st-key-PANEL_done``), once; given a
    ``place`` (an ``st.empty`` always drawn), in it as one element, so what follows keeps its place."""
    if not (message := take_flash(panel)):
        return
    if place is not None:
        place.success(message, icon=":material/check_circle:")
        return
    with st.container(key=f"{panel}_done"):
        st.success(message, icon=":material/check_circle:")
