"""Migrations on a store made by an older release: 0004 gives each example the version viewers
saw (the last published revision, unless retired after it)."""

from datetime import UTC, datetime

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from store.collection import MIGRATIONS, Store
from tests.store.conftest import empty

HISTORY = {  # example → the statuses of its versions, oldest first
    "edited-after-publishing": ["draft", "published", "draft"],
    "never-published": ["draft"],
    "retired": ["published", "retired"],
    "published": ["published"],
}


def test_0004_keeps_on_screen_what_viewers_saw(database_url):
    store = empty(Store(database_url))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
        moment = datetime.now(UTC)
        for position, (example_id, statuses) in enumerate(HISTORY.items()):
            connection.execute(
                text(
                    "INSERT INTO examples (id, status, version, position, cells, created_by, created_at, "
                    "changed_by, changed_at) VALUES (:id, :status, :version, :position, :cells, 'x', :at, 'x', :at)"
                ),
                {
                    "id": example_id,
                    "status": statuses[-1],
                    "version": len(statuses),
                    "position": position,
                    "cells": f'{{"id": "{example_id}", "title": "v{len(statuses)}"}}',
                    "at": moment,
                },
            )
            for version, status in enumerate(statuses, 1):
                connection.execute(
                    text(
                        "INSERT INTO example_revisions (example_id, version, status, cells, author, at, reason) "
                        "VALUES (:id, :version, :status, :cells, 'x', :at, '')"
                    ),
                    {
                        "id": example_id,
                        "version": version,
                        "status": status,
                        "at": moment,
                        "cells": f'{{"id": "{example_id}", "title": "v{version}"}}',
                    },
                )
    store.migrate()
    listing = store.listing().set_index("id")
    published = listing["published_version"].fillna(0).astype(int).to_dict()
    assert published == {"edited-after-publishing": 2, "never-published": 0, "retired": 0, "published": 1}
    shown = store.published_frame().set_index("id")["title"].to_dict()
    assert shown == {"edited-after-publishing": "v2", "published": "v1"}
