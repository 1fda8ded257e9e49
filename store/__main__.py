"""``python -m store COMMAND``: set up and look after the collection from the command line.

    init                              create or upgrade the tables; seed the curated examples
    users add NAME --role ROLE        a local account; the password is read from standard input
    users add EMAIL --role ROLE --single-sign-on
                                      a role for an address that signs in through st.login (no password)
    import FILE --by NAME             the file's valid rows as drafts (NAME: an editor or above)
    publish --all --by NAME           publish every draft (NAME: a reviewer or above)
    export FILE                       every example, CSV or XLSX by the file's extension
    backup FILE                       the whole store as JSON, mode 600 (every table: examples, history,
                                      accounts, presentations, live sessions and answers)
    restore FILE [--force]            a backup into an empty store (--force: over what it holds)
    check                             the store's integrity
    presentations add --title T --ids ID,ID,... --by NAME [--lang fr] [--no-note] [--no-sources]
                                      a saved presentation; prints its link's path (/?p=SLUG)
    presentations list                the saved presentations: link, title, owner, examples, date
    live purge --older-than DAYS      delete the live sessions started more than DAYS days ago, with
                                      their answers (the training report's CSV is downloaded at the end)

The database: ``DATABASE_URL`` (PostgreSQL for a team), else the embedded SQLite file.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections import Counter
from pathlib import Path

from data.export import to_csv, to_xlsx
from data.reading import OPERATOR, UnreadableFile, read_table
from data.translations import LANGUAGES
from store.backup import NotEmpty, restore_backup, write_backup
from store.collection import Store
from store.live import LiveSessions
from store.presentations import Presentations
from store.roles import ROLES, NotAllowed


def password_from_stdin() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Password (8 characters or more): ")
    return sys.stdin.readline().rstrip("\n")


def actor(store: Store, name: str):
    person = store.person(name)
    if person is None:
        raise SystemExit(f"No account {name!r}: add it with `python -m store users add {name} --role editor`.")
    return person


def presentations(store: Store, args: argparse.Namespace) -> None:
    decks = Presentations(store)
    if args.presentations_command == "add":
        ids = [i.strip() for i in args.ids.split(",") if i.strip()]
        slug = decks.save(
            actor(store, args.by),
            args.title,
            ids,
            lang=args.lang,
            content_note=not args.no_note,
            closing=not args.no_sources,
        )
        print(f"/?p={slug}")
        return
    for deck in decks.listing():
        when = deck.changed_at.date().isoformat()
        print(f"/?p={deck.slug}\t{deck.title}\t{deck.owner}\t{len(deck.items)} examples\t{when}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m store", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("init")
    users = commands.add_parser("users").add_subparsers(dest="users_command", required=True)
    add = users.add_parser("add")
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--single-sign-on", action="store_true", help="no password: signs in through st.login")
    importing = commands.add_parser("import")
    importing.add_argument("file", type=Path)
    importing.add_argument("--by", required=True)
    publish = commands.add_parser("publish")
    publish.add_argument("--all", action="store_true", required=True)
    publish.add_argument("--by", required=True)
    for name in ("export", "backup"):
        commands.add_parser(name).add_argument("file", type=Path)
    restoring = commands.add_parser("restore")
    restoring.add_argument("file", type=Path)
    restoring.add_argument("--force", action="store_true", help="replace what the store holds (back it up first)")
    commands.add_parser("check")
    decks = commands.add_parser("presentations").add_subparsers(dest="presentations_command", required=True)
    adding = decks.add_parser("add")
    adding.add_argument("--title", required=True)
    adding.add_argument("--ids", required=True, help="example ids in order, separated by commas")
    adding.add_argument("--by", required=True)
    adding.add_argument("--lang", choices=LANGUAGES, default="en")
    adding.add_argument("--no-note", action="store_true", help="no content-note slide first")
    adding.add_argument("--no-sources", action="store_true", help="no sources slide last")
    decks.add_parser("list")
    live = commands.add_parser("live").add_subparsers(dest="live_command", required=True)
    live.add_parser("purge").add_argument("--older-than", type=int, required=True, metavar="DAYS")
    args = parser.parse_args(argv)

    store = Store()
    store.ensure_seeded()
    try:
        if args.command == "init":
            revision, _ = store.revision()
            print(f"store ready at revision {revision}: {store.engine.url.render_as_string(hide_password=True)}")
        elif args.command == "users":
            store.add_person(None, args.name, args.role, None if args.single_sign_on else password_from_stdin())
            print(f"account {args.name!r} with the role {args.role}")
        elif args.command == "import":
            raw = read_table(args.file.read_bytes(), args.file.name, OPERATOR)
            print(f"importing {len(raw):,} rows in one transaction…", flush=True)
            report = store.import_frame(
                actor(store, args.by),
                raw,
                args.file.name,
                progress=lambda rows, total: print(f"  {rows:,} of {total:,} written", flush=True),
            )
            print(
                f"new drafts: {report.accepted}, changed examples now drafts: {report.updated}, "
                f"unchanged rows skipped: {report.unchanged}, refused: {report.refused}"
            )
            grouped = Counter((p.column, p.message) for p in report.problems)
            for (column, message), count in grouped.most_common():
                print(f"  {count:>6} × {column}: {message}")
        elif args.command == "publish":
            print(f"{store.publish_all(actor(store, args.by), 'Published from the command line')} published")
        elif args.command == "export":
            frame = store.frame(("draft", "published", "retired"))
            args.file.write_bytes(to_xlsx(frame) if args.file.suffix.lower() == ".xlsx" else to_csv(frame))
            print(f"{len(frame)} examples written to {args.file}")
        elif args.command == "backup":
            print(f"backup written to {write_backup(store, args.file)}")
        elif args.command == "restore":
            print(f"{restore_backup(store, args.file, force=args.force)} examples restored")
        elif args.command == "presentations":
            presentations(store, args)
        elif args.command == "live":
            print(f"{LiveSessions(store).purge(args.older_than)} live sessions deleted, with their answers")
        elif args.command == "check":
            problems = store.integrity_problems()
            print("\n".join(problems) or "the store is whole")
            return 1 if problems else 0
    except (NotAllowed, ValueError, UnreadableFile, KeyError, NotEmpty) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        store.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
