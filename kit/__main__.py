"""``python -m kit OUT.html [--data FILE] [--lang en|fr|es] [KEY=VALUE ...]``: the field kit, one HTML file
that opens with no server, no install and no internet.

    --data FILE      the examples of a CSV or XLSX file (rows with problems are left out, and named)
                     instead of the collection's published examples (DATABASE_URL, else the embedded file)
    --lang CODE      the language it opens in (the file holds English, French and Spanish)
    KEY=VALUE ...    the filters it opens with, as in the dashboard's links: section=justice from=2005 q=radio
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import parse_qs

from data.loader import Dataset, build_dataset, load_dataset
from data.page import parse_url
from data.translations import LANGUAGES
from kit.page import kit_html
from store.collection import Store
from store.database import database_url

MAX_LINK = 2_000  # characters of filter parameters read, as the dashboard bounds a link


def dataset_of(data: Path | None) -> Dataset:
    if data is not None:
        return load_dataset(data)
    store = Store(database_url())
    store.ensure_seeded()
    return build_dataset(store.published_frame(), "collection")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kit", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the HTML file to write")
    parser.add_argument("--data", type=Path, default=None, help="a CSV or XLSX file of examples")
    parser.add_argument("--lang", choices=sorted(LANGUAGES), default="en")
    parser.add_argument("filters", nargs="*", metavar="KEY=VALUE", help="filters, as in the dashboard's links")
    args = parser.parse_intermixed_args(argv)
    if not args.out.parent.is_dir():
        print(f"No folder {args.out.parent} to write {args.out.name} in: create it, or name another.", file=sys.stderr)
        return 2
    if args.data is not None and not args.data.is_file():
        print(f"No file {args.data}: name a CSV or XLSX file of examples.", file=sys.stderr)
        return 2
    dataset = dataset_of(args.data)
    for problem in dataset.problems[:20]:
        print(
            f"Left out: {Path(problem.file).name}:{problem.row}: {problem.column}: {problem.message}", file=sys.stderr
        )
    query = "&".join(args.filters)[:MAX_LINK]
    state, notices = parse_url(parse_qs(query, keep_blank_values=True), dataset, args.lang)
    for notice in notices:
        print(notice, file=sys.stderr)
    args.out.write_text(kit_html(dataset, state.lang, state.filters), encoding="utf-8")
    size = args.out.stat().st_size / 1e6
    print(f"Wrote {args.out}: {len(dataset.examples)} examples, dataset version {dataset.version}, {size:.2f} MB.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
