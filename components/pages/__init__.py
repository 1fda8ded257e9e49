"""One page per screen (``st.navigation`` in app.py): explore, present, and a live session's room."""
