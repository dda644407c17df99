"""Words of headings and labels that name no subject of their own, but a facet of one or the notes' own
parts: read by the document's sections and by the rules of cards and terms alike."""

from __future__ import annotations

FACETS = frozenset(
    {
        "advantages", "adverse effects", "antidote", "applications", "benefits", "cause", "causes",
        "complications", "cons", "contraindications", "cost", "costs", "definition", "diagnosis",
        "disadvantages", "dose", "dosing", "drawbacks", "examples", "function", "how it works",
        "indications", "interactions", "limitations", "limits", "management", "mechanism",
        "mechanism of action", "monitoring", "performance", "pricing", "pros", "purpose", "reversal",
        "risk factors", "risks", "scaling", "side effects", "signs", "structure", "symptoms", "treatment",
        "use", "use case", "use cases", "uses",
    }
)  # fmt: skip
"""Words that name a facet of a subject, not a thing of their own (``**Mechanism**: …``, ``**Side
effects**: …``): a card so named asks about the heading it stands under, which must say which."""

GENERIC_HEADINGS = frozenset(
    {"overview", "summary", "key takeaways", "takeaways", "key points", "notes", "details", "recap"}
    | {"tl;dr", "tldr", "at a glance", "quick facts", "in short", "highlights", "introduction"}
)
"""Headings that name no subject: labels under one describe the heading above it."""

ABOUT_THE_ONE_ABOVE = frozenset(
    {"key facts", "facts", "quick facts", "at a glance", "overview", "details", "features", "key features"}
)
"""Headings under a subject's own that say what of it follows (``## Key facts`` under ``# Amazon EC2``):
the facets under one are the subject's."""
