"""Saved presentations in the presenter's sidebar: the one open (``?p=``) with what changed since,
saving the deck on screen, and the list of saved ones. The store checks every write's role again."""

from __future__ import annotations

import streamlit as st
from markupsafe import Markup

from components.confirm import ask_first
from components.i18n import _, current, ngettext, number
from components.messages import SAVED, written
from components.notices import render_done
from components.plain import literal
from components.state import commit
from data.loader import Dataset
from data.page import PageState
from data.presentation import Deck
from data.translations import long_date
from store.presentations import Presentations, Saved, may_change
from store.roles import Actor, NotAllowed, allowed


def link(deck: Saved) -> str:
    return f"?p={deck.slug}&view=present"


def render_note(state: PageState, deck: Deck, saved: Saved, person: Actor | None, decks: Presentations) -> None:
    """The trainer's note for the slide on screen (sidebar only: the projector never shows it)."""
    current = deck.slides[deck.index_of(state.slide)]
    if current not in saved.ids:
        return
    note = saved.notes.get(current, "")
    if not may_change(person, saved.owner):
        if note:  # escaped: a note is user text
            st.html(str(Markup('<div class="trainer-note"><b>{}</b> {}</div>').format(_("Trainer note:"), note)))
        return
    with st.form("saved_note", border=False):
        text = st.text_area(_("Trainer note for this slide"), value=note, max_chars=1000, height=90)
        if st.form_submit_button(_("Save the note")):
            decks.set_note(person, saved.slug, current, text)
            written(state, _("Note saved."), SAVED)


def render_open(
    state: PageState, deck: Deck, saved: Saved, person: Actor | None, decks: Presentations, dataset: Dataset
) -> None:
    """The saved presentation on screen: whose, what changed since, and what its owner may do."""
    st.subheader(literal(saved.title))
    render_note(state, deck, saved, person, decks)
    st.caption(
        _("Saved presentation by {owner}, {date}; {count} examples.").format(
            owner=literal(saved.owner),
            date=long_date(saved.changed_at.date(), current()),
            count=number(len(saved.items)),
        )
    )
    gone = [i for i in saved.ids if i not in dataset.id_set]
    changed = [i for i in decks.changed_since(saved) if i not in gone]
    if gone:
        st.warning(_("Not published any more, so left out of the slides: {ids}.").format(ids=", ".join(gone)), icon="⚠️")
    if changed:
        st.info(
            _("Changed since this presentation was saved (the slides show the current text): {ids}.").format(
                ids=", ".join(changed)
            ),
            icon="ℹ️",
        )
    mine = may_change(person, saved.owner)
    if (gone or changed) and mine and st.button(_("Update to the current versions"), key="saved_update"):
        decks.update_versions(person, saved.slug)
        written(state, _("The presentation now uses the current versions."), SAVED)
    if allowed(person, "present") and st.button(_("Duplicate"), key="saved_duplicate", icon=":material/content_copy:"):
        copy = decks.duplicate(person, saved.slug, _("Copy of {title}").format(title=saved.title))
        written(state.but(presentation=copy), _("Duplicated: this is your copy."), SAVED)
    if mine:
        with st.form("saved_rename", border=False):
            title = st.text_input(_("Title"), value=saved.title, max_chars=200)
            if st.form_submit_button(_("Rename")):
                try:
                    decks.rename(person, saved.slug, title)
                    written(state, _("Renamed."), SAVED)
                except (ValueError, NotAllowed) as error:
                    st.error(str(error), icon="🚫")
        if st.button(_("Delete this presentation"), key="saved_delete", icon=":material/delete:"):

            def delete() -> None:
                decks.delete(person, saved.slug)
                written(state.but(presentation=""), _("Deleted “{title}”.").format(title=literal(saved.title)), SAVED)

            ask_first(
                _("Delete this presentation?"),
                _("“{title}” will be deleted for everyone: its link will open nothing.").format(title=saved.title),
                _("Delete"),
                delete,
            )
    st.button(
        _("Edit the slides as a new playlist"),
        key="saved_unpin",
        on_click=commit,
        args=(state.but(presentation=""),),
        help=_("The playlist goes into the link; the saved presentation stays as it is."),
    )


def render_save(state: PageState, deck: Deck, person: Actor, decks: Presentations) -> None:
    with st.form("saved_new", border=False):
        title = st.text_input(_("Title of the presentation"), max_chars=200)
        if st.form_submit_button(_("Save this presentation"), icon=":material/bookmark_add:"):
            try:
                slug = decks.save(
                    person,
                    title,
                    list(deck.examples["id"]),
                    lang=state.lang,
                    content_note=state.content_note,
                    closing=state.closing,
                )
                written(state.but(presentation=slug), _("Saved. Its link opens the same slides anywhere."), SAVED)
            except (ValueError, NotAllowed) as error:
                st.error(str(error), icon="🚫")


def list_html(listing: list[Saved]) -> str:
    items = Markup("").join(
        Markup('<li><a href="{}">{}</a> <span class="saved-meta">{} · {} · {}</span></li>').format(
            link(deck),
            deck.title,
            deck.owner,
            long_date(deck.changed_at.date(), current()),
            ngettext("{count} example", "{count} examples", len(deck.items)),
        )
        for deck in listing
    )
    return str(Markup('<ul class="saved-list">{}</ul>').format(items))


def render_saved(
    state: PageState, deck: Deck, saved: Saved | None, person: Actor | None, decks: Presentations, dataset: Dataset
) -> None:
    """The presenter's sidebar part for saved presentations (nothing, for a viewer when none is saved)."""
    listing = decks.listing()
    if not (state.presentation or allowed(person, "present") or listing):
        return
    st.header(_("Saved presentations"))
    render_done(SAVED)
    if state.presentation and saved is None:
        st.warning(
            _("No saved presentation {slug}: it was deleted, or the link is mistyped.").format(
                slug=repr(state.presentation)
            ),
            icon="⚠️",
        )
    elif saved:
        render_open(state, deck, saved, person, decks, dataset)
    elif allowed(person, "present") and not deck.examples.empty:
        render_save(state, deck, person, decks)
    if listing:
        with st.expander(ngettext("{count} saved presentation", "{count} saved presentations", len(listing))):
            st.html(list_html(listing))
