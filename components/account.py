"""Sign in and sign out, in the sidebar: through the organisation's provider (``st.login``) where the
secrets name one, else with a local account of the store (``signin.py`` keeps who is signed in)."""

from __future__ import annotations

import streamlit as st

from components.i18n import N_, _
from components.plain import literal
from components.signin import (
    SIGN_IN_BOX,
    SIGN_IN_NAME,
    SIGN_IN_PASSWORD,
    sign_in_message,
    signing_in,
    signing_on,
    signing_out,
    unvouched_email,
)
from store.collection import Store
from store.roles import Actor

ROLE_NAMES = {"viewer": N_("viewer"), "editor": N_("editor"), "reviewer": N_("reviewer"), "admin": N_("admin")}


def render_account(person: Actor | None, store: Store, single_sign_on: bool) -> None:
    if person is not None:
        st.caption(
            _("Signed in as {name} ({role}).").format(name=literal(person.name), role=_(ROLE_NAMES[person.role]))
        )
        if person.bound_elsewhere:
            st.warning(
                _(
                    "This address's role belongs to another account of your organisation's sign-in: "
                    "you see what viewers see. An admin can tell you more."
                ),
                icon="🔒",
            )
        elif single_sign_on and store.person(person.name) is None:
            st.caption(_("This address has no role in the collection yet: an admin can give it one."))
        st.button(_("Sign out"), key="sign_out", on_click=signing_out, icon=":material/logout:", width="stretch")
        return
    if email := unvouched_email():
        st.warning(
            _(
                "Your organisation's sign-in did not confirm the address {email}, so it gives no role here: "
                "you see what viewers see. Your IT can have the provider confirm addresses."
            ).format(email=literal(email)),
            icon="🔒",
        )
        st.button(_("Sign out"), key="sign_out", on_click=signing_out, icon=":material/logout:", width="stretch")
    elif single_sign_on:
        label = _("Sign in with your organisation's account")
        st.button(label, key="sign_on", on_click=signing_on, icon=":material/login:", width="stretch")
    if (sign_in_message() or ("",))[0] == "ended":
        st.info(_("Your password or role was changed, which ended this session: sign in again."), icon="🔒")
    box = st.expander(
        _("Sign in (editors and reviewers)") if not single_sign_on else _("Sign in with a local account"),
        key=SIGN_IN_BOX,
        on_change="rerun",
    )
    if not box.open:  # the form is built only when asked for: most visitors never sign in
        return
    with box:
        with st.form("sign_in", border=False):
            st.text_input(_("Name"), key=SIGN_IN_NAME, autocomplete="username")
            st.text_input(_("Password"), type="password", key=SIGN_IN_PASSWORD, autocomplete="current-password")
            st.form_submit_button(_("Sign in"), on_click=signing_in, args=(store,), width="stretch")
        message = sign_in_message()
        if message and message[0] == "wrong":
            st.error(_("Wrong name or password."), icon="🔒")
        elif message and message[0] == "wait":
            st.warning(
                _("Too many wrong passwords from this address: try again in {seconds} s.").format(seconds=message[1]),
                icon="⏳",
            )
