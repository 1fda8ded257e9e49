"""The handouts shared between sessions: one visitor's upload cannot change what another downloads.

The reviewers' attack, on the cache object itself (process-wide, as every session of the app
shares it): the app's own export uploaded in "Replace" mode with one year note changed, its
PDF handout built, then the PDF handout of the curated examples built as the next visitor would."""

import io

from pypdf import PdfReader

from components.downloads import built, content_key
from components.i18n import use
from data.export import to_csv
from data.loader import load_dataset
from data.upload import REPLACE, merge_upload

POISON = "Changed by a visitor"


def text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def test_an_uploaded_copy_with_one_changed_year_note_gets_its_own_handout():
    use("en")
    curated = load_dataset()
    exported = curated.examples.copy()
    row = exported.index[exported["year_note"] != ""][0]
    exported.loc[row, "year_note"] = POISON
    poisoned = merge_upload(curated, to_csv(exported), "ours.csv", REPLACE).dataset
    assert len(poisoned.examples) == len(curated.examples) and not poisoned.problems

    theirs = text(built(content_key(poisoned.examples, poisoned), "A4", poisoned.examples, poisoned))
    assert POISON in theirs
    mine = text(built(content_key(curated.examples, curated), "A4", curated.examples, curated))
    assert POISON not in mine and curated.examples.loc[row, "year_note"] in mine
