"""The field kit: the explorer and the presenter in one HTML file (``python -m kit OUT.html``)."""
