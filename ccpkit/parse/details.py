"""Collapsed ``<details>`` blocks: the question a summary asks and the text the block hides.

Question banks written for GitHub fold their answers in them; the flashcard rule makes cards of them
and the passages print them (paper cannot fold)."""

from __future__ import annotations

import re

HTML_TAGS = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^>]*)?/?>")
"""HTML tags (``<br/>``, ``<summary markdown="span">``), not autolinks (``<https://…>``)."""
SUMMARY = re.compile(
    r"^\s*<details\b[^>]*>\s*<summary\b[^>]*>(?P<front>.*?)</summary>(?P<rest>.*)$", re.S | re.I
)
CLOSING = re.compile(r"</details\s*>", re.I)
_REVEAL = re.compile(
    r"\b(?:answers?|solutions?|show|reveal|click|expand|hint|explanation|details|respostas?|respuestas?"
    r"|r[ée]ponses?|rispost[ae]|antwort|l[öo]sung|ver|mostrar|revelar)\b",
    re.I,
)
"""Words of a summary that only opens the block (``Show answer``, ``Ver resposta``): the question is
then written above it, not in the summary."""


def details_question(html: str) -> str:
    """What the ``<summary>`` of a ``<details>`` block asks (its tags dropped); "" when it has none or
    only opens the block (``Show answer``)."""
    opening = SUMMARY.match(html)
    if opening is None:
        return ""
    summary = " ".join(HTML_TAGS.sub(" ", opening["front"]).split())
    return "" if _REVEAL.search(summary) and not summary.endswith("?") else summary


def hidden_text(html: str) -> str:
    """The text a one-block ``<details>`` hides after its summary, tags dropped."""
    opening = SUMMARY.match(html)
    return " ".join(HTML_TAGS.sub(" ", opening["rest"]).split()) if opening else ""
