"""The field kit as one HTML file: the template with the kit's style, geo-only plotly.js, the world map,
the model (``kit/model.py``) and the script inlined. Nothing in it asks for anything outside the file
(its Content-Security-Policy forbids it)."""

from __future__ import annotations

import html
import json
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


def script_safe(text: str) -> str:
    """JSON that cannot end its <script> element early, whatever the examples' text holds."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def kit_html(dataset: Dataset, lang: str = "en", filters: Filters | None = None) -> str:
    model = kit_model(dataset, lang, filters or Filters())
    return Template(asset(HERE / "template.html")).substitute(
        lang=model["lang"],
        title=html.escape(model["texts"][model["lang"]]["words"]["title"]),
        style=asset(HERE / "kit.css"),
        plotly=asset(PLOTLY).replace("</script", "<\\/script"),
        topojson=asset(TOPOJSON),
        model=script_safe(json.dumps(model, ensure_ascii=False, separators=(",", ":"))),
        script=asset(HERE / "kit.js"),
    )


def kit_name(dataset: Dataset, lang: str) -> str:
    """The file's name, with the data version: ``explorer-1.3.0-en.html``."""
    return f"explorer-{dataset.version}-{lang}.html"
