"""wirecheck: what was actually reported, by whom, and on how many independent sources."""

__version__ = "0.1.0"
