"""The smallest page like the dashboard: a count line and, given "map", one offline plotly map.

The benchmark times it in the same browser as the dashboard: what any Streamlit page costs on the
machine, the floor under the dashboard's own page load.
"""

import sys

import streamlit as st

st.markdown('<p data-testid="count-line">Showing 1 of 1 examples</p>', unsafe_allow_html=True)
if "map" in sys.argv:
    st.plotly_chart(
        {"data": [{"type": "scattergeo", "lat": [0], "lon": [0]}], "layout": {"geo": {"showland": True}}},
        config={"topojsonURL": "app/static/topojson/"},
    )
