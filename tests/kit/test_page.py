"""The field kit's file: one HTML file with everything inside, and no text of the data able to end its
script early."""

import json
import re

from data.filters import Filters
from kit.model import kit_model
from kit.page import PLOTLY, asset, kit_html, kit_name, packed, unpacked

NASTY = ["</script><script>window.pwned=1</script>", "<!--", "]]>", "\u2028\u2029", "a & b", "\u202eevil", "🙂"]


def test_the_model_cannot_close_its_script_element_and_reads_back_unchanged(curated):
    for text in NASTY:
        carried = packed({"t": text})
        assert re.fullmatch(r"[A-Za-z0-9+/=]+", carried)  # base64: nothing that can end a <script>
        page = f'<script type="application/octet-stream" id="kit-model">{carried}</script>'
        assert unpacked(page) == {"t": text}
    assert unpacked(kit_html(curated, "fr")) == json.loads(json.dumps(kit_model(curated, "fr", Filters())))


def test_the_file_holds_its_scripts_the_map_and_asks_for_nothing_outside(curated):
    page = kit_html(curated, "es", Filters(include_undated=False))
    assert page.startswith("<!DOCTYPE html>") and '<html lang="es">' in page
    assert "plotly.js (geo - minified) v3.3.1" in page and "world_110m" in page
    assert "default-src 'none'" in page  # the policy forbids any request
    ours = page.replace(asset(PLOTLY), "")  # plotly.js names its site in a link it never draws here
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", ours)
    assert len(page.encode()) < 2_500_000
    assert kit_name(curated, "fr") == f"explorer-{curated.version}-fr.html"
