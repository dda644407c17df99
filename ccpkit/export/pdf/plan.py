"""What the PDFs will be, decided without laying anything out: which modules get a cram sheet, how a
module is named, where each file goes. Cheap to import: the process that plans a build never loads
reportlab, only the processes that lay pages out do."""

from __future__ import annotations

from pathlib import PurePosixPath

from ccpkit.export import ExportOptions
from ccpkit.incremental import digest_files
from ccpkit.markup import to_text
from ccpkit.model import MCQ, Deck, Module
from ccpkit.templates import template_roots

FOLDER = PurePosixPath("pdf")


def module_label(module: Module) -> str:
    """How a module is named in bands, headers and bookmarks: ``Module 2 · Compute in the Cloud``."""
    title = to_text(module.title)
    return f"Module {module.number} · {title}" if module.number else title


def has_cram_content(module: Module) -> bool:
    """Whether a module has anything a cram sheet prints (questions alone go to the exam only)."""
    return any(not isinstance(item, MCQ) for item in module.items)


def sheet_path(module: Module) -> PurePosixPath:
    """``pdf/NN-slug.pdf``; a slug that already starts with its two-digit number is used as it is."""
    prefix = f"{module.number:02d}-"
    return FOLDER / f"{module.slug if module.slug.startswith(prefix) else prefix + module.slug}.pdf"


COURSE_PARTS = "course"
"""The memo group of each module's pages of the course."""


def part_context(deck: Deck, options: ExportOptions) -> tuple[str, ...]:
    """What a module's course pages depend on besides the module: the course title, the paper, and
    the style and fonts in ``templates/pdf`` (digested). The memo keeps a part under these."""
    return (deck.title, options.paper, digest_files(template_roots(options.templates, "pdf")))
