"""The words of a Cornell page that both sides read alike: the parser, which keeps a page whose last
cue sums it up as a printed table, and the Anki export, which asks every row of that table but the
summary's. Spelt once, so the two never disagree on which row that is."""

from __future__ import annotations

from ccpkit.regex import regex

SUMMING_UP = regex(r"(?i)\W*(?:summary|recap|key\s+(?:points|takeaways?)|takeaways?)\W*")
"""A Cornell page's last cue (``Summary``, ``— Recap —``, ``Key takeaways:``), over the page summed up:
no one thing to recall."""
