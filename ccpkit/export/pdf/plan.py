"""What the PDFs will be, decided without laying anything out: which modules get a cram sheet, how a
module is named, where each file goes. Cheap to import: the process that plans a build never loads
reportlab, only the processes that lay pages out do."""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

from ccpkit.markup import to_text
from ccpkit.model import MCQ, Module

FOLDER = PurePosixPath("pdf")


def module_label(module: Module) -> str:
    """How a module is named in bands, headers and bookmarks: ``Module 2 · Compute in the Cloud``."""
    title = to_text(module.title)
    return f"Module {module.number} · {title}" if module.number else title


def has_cram_content(module: Module) -> bool:
    """Whether a module has anything a cram sheet prints (questions alone go to the exam only)."""
    return bool(module.passages) or any(not isinstance(item, MCQ) for item in module.items)


def sheet_path(module: Module) -> PurePosixPath:
    """``pdf/NN-slug.pdf``; a slug that already starts with its two-digit number is used as it is."""
    prefix = f"{module.number:02d}-"
    return FOLDER / f"{module.slug if module.slug.startswith(prefix) else prefix + module.slug}.pdf"


def notes_digest(*modules: Module) -> str:
    """Eight hex digits that change with any word of the modules' notes, and only with them."""
    return hashlib.sha256(repr(modules).encode("utf-8")).hexdigest()[:8]
