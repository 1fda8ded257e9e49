"""The field kit as one HTML file: the template with the kit's style, geo-only plotly.js, the world map,
the model (``kit/model.py``) and the script inlined. Nothing in it asks for anything outside the file
(its Content-Security-Policy forbids it)."""

from __future__ import annotations

import base64
import gzip
import html
import json
import re
from functools import cache
from pathlib import Path
from string import Template

from data.filters import Filters
from data.loader import Dataset
from kit.model import kit_model

HERE = Path(__file__).resolve().parent
STATIC = HERE.parent / "static"
PLOTLY = HERE / "vendor" / "plotly-geo.min.js"  # plotly.js-geo-dist-min 3.3.1 (MIT: vendor/LICENSE-plotly.js)
TOPOJSON = STATIC / "topojson" / "world_110m.json"


@cache
def asset(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def packed(model: dict) -> str:
    """The model as the kit carries it: JSON, gzipped, in base64 (a tenth of the JSON's size with 10,000
    examples, and quicker to read in: the browser unzips natively). Base64 holds no character that
    could end its <script> element, whatever the examples' text holds."""
    text = json.dumps(model, ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)).decode("ascii")


def unpacked(page: str) -> dict:
    """The model a kit file carries (for tests and tools)."""
    found = re.search(r'<script type="application/octet-stream" id="kit-model">([A-Za-z0-9+/=]*)</script>', page)
    return json.loads(gzip.decompress(base64.b64decode(found.group(1))))


def kit_html(dataset: Dataset, lang: str = "en", filters: Filters | None = None, view: str = "explore") -> str:
    """The kit of ``dataset``, opening in ``lang`` on ``filters`` in ``view`` (explore, or the handout)."""
    model = kit_model(dataset, lang, filters or Filters(), view)
    return Template(asset(HERE / "template.html")).substitute(
        lang=model["lang"],
        title=html.escape(model["texts"][model["lang"]]["words"]["title"]),
        unreadable=html.escape(model["texts"][model["lang"]]["words"]["unreadable"]),  # when the model cannot be read
        style=asset(HERE / "kit.css"),
        plotly=asset(PLOTLY).replace("</script", "<\\/script"),
        topojson=asset(TOPOJSON),
        model=packed(model),
        script=asset(HERE / "kit.js"),
    )


def kit_name(dataset: Dataset, lang: str) -> str:
    """The file's name, with the data version: ``explorer-1.3.0-en.html``."""
    return f"explorer-{dataset.version}-{lang}.html"
