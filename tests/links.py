"""Generated links for the fuzz tests: any key (the URL's own and others) with hostile, random or
plausible values (tests/data/test_page_fuzz.py, tests/test_app.py)."""

from hypothesis import strategies as st

from data.page import all_url_keys

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
    "2000",
    "elections",
    "LBR",
    "unmil",
    "present",
    "explore",
    "fr",
    "true",
    "false",
    "",
    " ",
    "darfur-womens-forums",
    "Liberia",
    "Ελληνικά",
    "🕊️",
    "NaN",
    "None",
]
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60), st.integers(-(10**12), 10**12).map(str))
keys = st.one_of(st.sampled_from(all_url_keys()), st.text(min_size=1, max_size=20))
queries = st.dictionaries(keys, st.lists(values, min_size=1, max_size=4), max_size=6)
