"""What the live session's trainer and room share: the join address's QR code, the quiz's question,
an example's value, the slide the session is on. The trainer's panel is ``live_trainer.py``, the room's
screen and the phones ``room.py``."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from components.i18n import N_, _
from data.live import qr_data_uri
from data.presentation import Deck
from store.live import Live

QUIZ = N_("Which thematic section is this example from?")


def join_html(live: Live, large: bool = False) -> str:
    """The QR code of the join address and the address written out (the address is escaped)."""
    return str(
        Markup(
            '<figure class="join-qr{}"><img src="{}" alt="{}"><figcaption>{}<br><b>{}</b></figcaption></figure>'
        ).format(
            " large" if large else "",
            qr_data_uri(live.join_url),
            _("QR code of the address {url}").format(url=live.join_url),
            _("Join on your phone:"),
            live.join_url,
        )
    )


def cell(examples: pd.DataFrame, example_id: str, column: str) -> str:
    """One example's value in ``column``."""
    return str(examples.loc[examples["id"] == example_id, column].iloc[0])


def slide_index(live: Live, deck: Deck) -> int:
    return min(live.slide, len(deck.slides) - 1)
