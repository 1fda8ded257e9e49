"""1,000 generated links: every one renders the page with no exception (AppTest)."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from data.selection import URL_KEYS

APP = str(Path(__file__).resolve().parent.parent / "app.py")
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[x](javascript:alert(1))",
    "' OR 1=1 --",
    "1; DROP TABLE examples",
    "../../etc/passwd",
    "%00",
    "\u202e\u0000",
    "x" * 10_000,
    "-1",
    "0",
    "99999",
    "1e9",
    "2014",
    "1999",
    "elections",
    "LBR",
    "UNMIL",
    "present",
    "true",
    "false",
    "",
    "darfur-womens-forums",
    "Liberia",
    "Ελληνικά",
    "🕊️",
    "NaN",
    "None",
]
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60), st.integers(-(10**12), 10**12).map(str))
keys = st.one_of(st.sampled_from(URL_KEYS), st.text(min_size=1, max_size=20))
queries = st.dictionaries(keys, st.lists(values, min_size=1, max_size=4), max_size=6)


@settings(max_examples=1000, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(queries)
def test_any_link_renders_without_exception(query):
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, (query, app.exception)
    shown = [m.value for m in app.markdown]
    assert any("count-line" in v or "slide-counter" in v for v in shown) or app.info, query
