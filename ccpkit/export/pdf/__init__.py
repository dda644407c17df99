"""The PDF format: a cram sheet per module, the whole course in one file, and a practice exam. Cheap to
import: only the helpers that lay pages out load reportlab (``documents.py``)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import PurePosixPath
from typing import ClassVar

from ccpkit.export import Exported, ExportOptions, Format, Settled, Whole, joined
from ccpkit.export.pdf.exam_questions import Question, draw_questions
from ccpkit.markup import to_text
from ccpkit.model import MCQ, Deck, Module

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


def require_usable_style(options: ExportOptions) -> None:
    """What a PDF build refuses before it lays out a page, for ``ccpkit check``: the style (its keys,
    and room on the paper for its columns) and each font it names, found and loaded."""
    from ccpkit.export.pdf.fonts import register_fonts
    from ccpkit.export.pdf.style import load_style

    register_fonts(load_style(options.templates, options.paper))


class Pdf(Format[Exported]):
    """A part is a module's cram sheet (none for questions only); the course (laid out whole, so each
    font is embedded once) and the exam are wholes."""

    name: ClassVar[str] = "pdf"
    slow: ClassVar[bool] = True
    reads_passages: ClassVar[bool] = True

    def read(self, options: ExportOptions) -> ExportOptions:
        if options.pdf_style is not None:
            return options
        from ccpkit.export.pdf.style import load_style

        return replace(options, pdf_style=load_style(options.templates, options.paper))

    def prepare(self, options: ExportOptions) -> None:
        """Load the layout code and the fonts."""
        from ccpkit.export.pdf import documents

        documents.prepare(options)

    def part(self, module: Module, title: str, options: ExportOptions) -> Exported:
        if not has_cram_content(module):
            return Exported(())
        from ccpkit.export.pdf import documents

        return documents.module_sheet(title, module, options)

    def wholes(self, deck: Deck, options: ExportOptions) -> tuple[Whole, ...]:
        questions = draw_questions(  # first: a wrong --exam-* option fails before any layout work
            deck, count=options.exam_count, seed=options.exam_seed, modules=options.exam_modules
        )
        return (
            Whole("pdf/course.pdf", partial(_course, deck, options)),
            Whole("pdf/practice-exam.pdf", partial(_exam, deck, questions, options)),
        )

    def assemble(self, deck: Deck, parts: Sequence[Exported], settled: Settled | None) -> Exported:
        return joined(parts)


PDF = Pdf()


def _course(deck: Deck, options: ExportOptions) -> Exported:
    from ccpkit.export.pdf import documents

    return documents.course(deck, options)


def _exam(deck: Deck, questions: tuple[Question, ...], options: ExportOptions) -> Exported:
    from ccpkit.export.pdf import documents

    return documents.exam(deck, questions, options)
