"""URL parameters that no widget binds, and notices about bad ones.

Widgets whose URL value is their displayed label use ``bind="query-params"`` (mission, q, undated).
Those whose URL value differs from the label (section slugs, ISO3 codes), the year range (two keys)
and the place are read once per session here and written back after each run.
"""

from __future__ import annotations

import streamlit as st
from markupsafe import Markup

from components.i18n import _
from data.loader import Dataset
from data.selection import Filters, parse_query

NOTICES_KEY = "url_notices"
INITIAL_KEY = "url_filters"


def initial_filters(dataset: Dataset) -> Filters:
    """Filters read from the URL once per session; their notices are kept to show."""
    if INITIAL_KEY not in st.session_state:
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        st.session_state[INITIAL_KEY], st.session_state[NOTICES_KEY] = parse_query(params, dataset, _)
    return st.session_state[INITIAL_KEY]


def notice_box(title: str, notices: list[str]) -> None:
    """A warning whose text is escaped HTML: link values never become markup or Markdown links."""
    items = Markup("").join(Markup("<li>{}</li>").format(notice) for notice in notices[:8])
    st.html(
        str(
            Markup('<div class="notice" role="alert" data-testid="notice"><b>⚠️ {}</b><ul>{}</ul></div>').format(
                title, items
            )
        )
    )


def show_notices() -> None:
    notices = st.session_state.get(NOTICES_KEY) or []
    if notices:
        notice_box(_("Some link parameters were ignored:"), notices)


def clear_notices() -> None:
    st.session_state[NOTICES_KEY] = []


def write_param(key: str, value: object) -> None:
    """Put ``value`` (a list becomes repeated keys) in the URL, or remove the key when it is empty."""
    values = [str(v) for v in value] if isinstance(value, list | tuple) else [] if value in (None, "") else [str(value)]
    if not values:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get_all(key) != values:
        st.query_params[key] = values
