"""An examples file of many places: a 20 x 20 grid of villages over Liberia, each its own place, one
example each (tests/browser/test_clusters.py, tests/browser/test_kit.py)."""

import csv
from pathlib import Path

VILLAGES = 400


def write_villages(path: Path) -> Path:
    rows = [
        {
            "id": f"village-{i}",
            "section": "justice",
            "title": f"Village court {i}",
            "summary": "A court.",
            "country": "LBR",
            "place": f"Village {i}",
            "latitude": 4.6 + 3.0 * (i // 20) / 20,
            "longitude": -11.3 + 3.0 * (i % 20) / 20,
            "year": "2010",
            "mission": "",
            "source": "A report",
        }
        for i in range(VILLAGES)
    ]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path
