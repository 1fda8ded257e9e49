"""The editor's desk (signed-in editors, reviewers, admins): drafts and publishing, editing with
history, and importing into the collection. The store checks every write's role again."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.confirm import ask_first
from components.desk_memory import forget, show_now, shown
from components.i18n import N_, _, ngettext, number
from components.messages import DESK, flash
from components.notices import render_done
from components.plain import literal, literal_frame
from components.problems import in_language, problems_frame
from data.export import COLUMNS
from data.reading import UnreadableFile, read_table
from data.schema import MISSION_BASES, TRANSLATION_COLUMNS
from store.collection import Conflict, Invalid, Stale, Store
from store.roles import Actor, NotAllowed, allowed

NEW = ""
MAIN_FIELDS = (
    ("title", N_("Title")),
    ("country", N_("Country (ISO3 codes or names, ';' between several)")),
    ("place", N_("Place")),
    ("latitude", N_("Latitude")),
    ("longitude", N_("Longitude")),
    ("year", N_("Year (YYYY, YYYY-YYYY, YYYY- or empty)")),
    ("year_note", N_("What the years stand for (optional)")),
    ("mission", N_("Mission (acronyms, ';' between several)")),
    ("key_figure", N_("Key figure")),
    ("source", N_("Source")),
)
LONG_FIELDS = (
    ("summary", N_("Summary")),
    ("prompt", N_("Discussion prompt")),
    ("context_note", N_("Context not from the source (optional)")),
)


def done(message: str) -> None:
    """A write went through: show the page with it, and say so at the top of the desk."""
    flash(message, DESK)
    st.rerun()


def refused(error: Exception) -> None:
    if isinstance(error, Invalid):
        st.error(_("Nothing was saved. Fix these and save again:"), icon="🚫")
        st.table(literal_frame(problems_frame(error.problems)), hide_index=True)
    elif isinstance(error, Conflict):
        st.error(
            _(
                "Someone saved this example while you were editing it (now version {version}). Nothing of yours "
                "is lost: your version is below beside theirs; copy what you want to keep and save again."
            ).format(version=error.version),
            icon="⚠️",
        )
        fields = [c for c in COLUMNS if error.theirs.get(c, "") != error.yours.get(c, "")]
        both = {
            _("Field"): fields,
            _("Theirs"): [error.theirs.get(f, "") for f in fields],
            _("Yours"): [error.yours.get(f, "") for f in fields],
        }
        st.table(literal_frame(pd.DataFrame(both)), hide_index=True)
    else:
        st.error(literal(str(error)), icon="🚫")


def render_drafts(person: Actor, store: Store, listing: pd.DataFrame) -> None:
    """Drafts, and publishing or retiring the versions this page showed (the store refuses any
    that changed since: ``Stale``)."""
    drafts = listing[listing["status"] == "draft"]
    versions = dict(zip(listing["id"], listing["version"]))
    shown_before = show_now("versions", versions) or versions  # what the run before this click drew

    def seen(ids) -> dict[str, int]:
        return {i: shown_before.get(i, versions[i]) for i in ids}

    if drafts.empty:
        st.caption(_("No drafts: every example in the collection is published or retired."))
    else:
        on_screen = drafts["published_version"].map(
            lambda v: _("version {version}").format(version=int(v)) if pd.notna(v) else _("not yet")
        )
        columns = {"id": _("Id"), "version": _("Version"), "title": _("Title"), "changed_by": _("By")}
        table = drafts[list(columns)].rename(columns=columns)
        table[_("On screen")], table[_("When")] = on_screen, drafts["changed_at"]
        st.dataframe(table, hide_index=True, width="stretch")
    if not allowed(person, "publish"):
        st.caption(_("Reviewers publish drafts; your changes wait here for them."))
        return
    chosen = st.multiselect(
        _("Drafts to publish"), list(drafts["id"]), key="desk_publish", placeholder=_("Pick one or more drafts")
    )
    if st.button(_("Publish"), key="desk_publish_button", disabled=not chosen, type="primary"):
        try:
            count = store.set_status(person, seen(chosen), "published", _("Published from the editor's desk"))
            done(_("Published: {count}. Everyone sees them at their next click.").format(count=count))
        except (NotAllowed, KeyError, Stale) as error:
            refused(error)
    if st.button(
        ngettext("Publish the draft", "Publish all {count} drafts", len(drafts)),
        key="desk_publish_all",
        disabled=drafts.empty,
    ):
        try:
            count = store.set_status(person, seen(drafts["id"]), "published", _("Published from the editor's desk"))
            done(_("Published: {count}. Everyone sees them at their next click.").format(count=count))
        except (NotAllowed, KeyError, Stale) as error:
            refused(error)
    published = listing[listing["status"] == "published"]
    retire = st.selectbox(
        _("Retire a published example"),
        ["", *published["id"]],
        key="desk_retire",
        format_func=lambda i: i or _("Pick an example"),
    )
    if st.button(_("Retire"), key="desk_retire_button", disabled=not retire):
        versions = seen([retire])

        def retired() -> None:
            try:
                store.set_status(person, versions, "retired", _("Retired from the editor's desk"))
                done(_("Retired: {id}.").format(id=retire))
            except (NotAllowed, KeyError, Stale) as error:
                refused(error)

        ask_first(
            _("Retire this example?"),
            _(
                "Viewers, saved presentations and live rooms will no longer show {id}; its versions stay in the "
                "history."
            ).format(id=retire),
            _("Retire"),
            retired,
        )


def form_base(store: Store, example_id: str) -> tuple[int | None, dict]:
    """The version the form shows and its cells; None for a new example."""
    current = store.example(example_id) if example_id else None
    return (current.version, dict(current.cells)) if current else (None, {})


def example_form(person: Actor, store: Store, example_id: str, sections: dict[str, str]) -> None:
    """The form draws the version it first showed, and a save is made against that version: a
    save by someone else in between is refused with both versions, the typed values kept."""
    form = f"desk_form_{example_id or 'new'}"
    version, cells = shown(form, lambda: form_base(store, example_id))
    with st.container(key=f"{form}_box"), st.form(form):  # the box: one form's fields, for tests and styles
        values = {"id": cells.get("id") or st.text_input(_("Id (letters, digits and '-')"), key="desk_new_id")}
        values["section"] = st.selectbox(
            _("Section"),
            list(sections),
            format_func=sections.get,
            index=list(sections).index(cells["section"]) if cells.get("section") in sections else 0,
        )
        for name, label in MAIN_FIELDS[:1]:
            values[name] = st.text_input(_(label), cells.get(name, ""))
        for name, label in LONG_FIELDS[:1]:
            values[name] = st.text_area(_(label), cells.get(name, ""))
        for name, label in MAIN_FIELDS[1:]:
            values[name] = st.text_input(_(label), cells.get(name, ""))
        basis = cells.get("mission_basis", "")
        values["mission_basis"] = st.selectbox(
            _("Mission named by the source?"),
            ["", *MISSION_BASES],
            index=(["", *MISSION_BASES]).index(basis) if basis in MISSION_BASES else 0,
        )
        for name, label in LONG_FIELDS[1:]:
            values[name] = st.text_area(_(label), cells.get(name, ""))
        with st.expander(_("French and Spanish")):
            for name in TRANSLATION_COLUMNS:
                values[name] = st.text_input(name, cells.get(name, ""))
        reason = st.text_input(_("Why this change (one line, kept in the history)"))
        if st.form_submit_button(_("Save as draft"), type="primary"):
            try:
                saved_as = store.save(person, values, reason, version)
                forget(form)
                done(
                    _("Saved {id} as version {version} (a draft until a reviewer publishes it).").format(
                        id=values["id"], version=saved_as
                    )
                )
            except (Invalid, Conflict, NotAllowed, ValueError) as error:
                refused(error)
    if example_id:
        st.button(
            _("Show the current version in the form"),
            key=f"desk_reload_{example_id}",
            icon=":material/refresh:",
            on_click=forget,
            args=(form,),
            help=_("Your changes in the form are replaced by the version in the collection now."),
        )


def render_history(person: Actor, store: Store, example_id: str) -> None:
    history = store.history(example_id)
    st.dataframe(
        pd.DataFrame(
            [
                {
                    _("Version"): h.version,
                    _("Status"): h.status,
                    _("By"): h.author,
                    _("When"): h.at,
                    _("Why"): h.reason,
                    _("Changed"): ", ".join(h.changed),
                }
                for h in history
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    older = [h.version for h in history[:-1]]
    if not older:
        return
    version = st.selectbox(_("Restore version"), older, key=f"desk_restore_{example_id}")
    if st.button(_("Restore as a new draft"), key=f"desk_restore_button_{example_id}"):
        try:
            store.restore(person, example_id, version, _("Restored version {version}").format(version=version))
            done(_("Version {version} restored as a new draft.").format(version=version))
        except (NotAllowed, KeyError) as error:
            refused(error)


def render_import(person: Actor, store: Store) -> None:
    wanted = _("A CSV or XLSX file in the template's columns")
    upload = st.file_uploader(wanted, type=["csv", "xlsx"], key="desk_import")
    if upload is None:
        return
    try:
        raw = read_table(upload.getvalue(), upload.name)
    except UnreadableFile as error:
        st.error(_("Nothing was imported: {problem}").format(problem=literal(in_language(str(error)))), icon="🚫")
        return
    valid, problems = store.checked(raw, upload.name)
    st.write(
        _("{valid} of {rows} rows can be imported as drafts.").format(valid=number(len(valid)), rows=number(len(raw)))
    )
    if problems:
        st.table(literal_frame(problems_frame(problems).head(50)), hide_index=True)
    if st.button(
        _("Import {count} rows as drafts").format(count=number(len(valid))),
        key="desk_import_button",
        disabled=valid.empty,
        type="primary",
    ):
        bar = st.progress(0.0, text=_("Importing {count} rows…").format(count=number(len(valid))))

        def written(rows: int, total: int) -> None:
            text = _("Written {rows} of {total} rows…").format(rows=number(rows), total=number(total))
            bar.progress(rows / total, text=text)

        try:
            report = store.import_frame(person, raw, upload.name, progress=written)
            done(
                _(
                    "Imported from {file}. New drafts: {new}. Changed examples, now drafts: {updated} (their "
                    "published versions stay on screen until a reviewer publishes them). Unchanged rows skipped: "
                    "{unchanged}."
                ).format(
                    file=literal(upload.name),
                    new=number(report.accepted),
                    updated=number(report.updated),
                    unchanged=number(report.unchanged),
                )
            )
        except NotAllowed as error:
            refused(error)


def render_desk(person: Actor | None, store: Store, sections: dict[str, str]) -> None:
    if person is None or not allowed(person, "edit"):
        return
    with st.expander(_("Editor's desk: drafts, editing and history, import"), icon=":material/edit_note:"):
        render_done(DESK, st.empty())  # a place always there: a message above the tabs must not remount them
        listing = store.listing()
        drafts, edit, importing = st.tabs([_("Drafts and publishing"), _("Edit or add"), _("Import")])
        with drafts:
            render_drafts(person, store, listing)
        with edit:
            titles = dict(zip(listing["id"], listing["title"] + " · " + listing["status"]))
            example_id = st.selectbox(
                _("Example"),
                [NEW, *listing["id"]],
                key="desk_example",
                on_change=forget,  # another example: every form shows its current version
                format_func=lambda i: titles.get(i, "") or _("A new example"),
            )
            example_form(person, store, example_id, sections)
            if example_id:
                st.subheader(_("History"))
                render_history(person, store, example_id)
        with importing:
            render_import(person, store)
