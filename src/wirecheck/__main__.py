"""``python -m wirecheck``: the same CLI as the ``wirecheck`` script."""

from wirecheck.cli import app

app()
