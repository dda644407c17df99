"""The PDF format: a cram sheet per module, the whole course in one file, and a practice exam."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import ClassVar

from ccpkit.export import Exported, ExportOptions, Format, Settled, Whole
from ccpkit.export.pdf.exam_questions import Question, draw_questions
from ccpkit.export.pdf.plan import FOLDER, has_cram_content, sheet_path
from ccpkit.model import Deck, Module

__all__ = ["FOLDER", "PDF", "sheet_path"]

# The work itself is in documents.py, imported only where pages are laid out: reportlab loads in the
# helper processes, never in a build that finds every PDF up to date.


class Pdf(Format[Exported]):
    """A part is a module's cram sheet (none for a module of questions only); the course, laid out
    whole so that every font is embedded once, and the exam are the format's wholes."""

    name: ClassVar[str] = "pdf"
    slow: ClassVar[bool] = True
    reads_passages: ClassVar[bool] = True

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
        """The course and the exam: both read every module (the exam's footer names the notes it was
        drawn from by a digest of them all)."""
        questions = draw_questions(  # first: a wrong --exam-* option fails before any layout work
            deck, count=options.exam_count, seed=options.exam_seed, modules=options.exam_modules
        )
        return (
            Whole("pdf/course.pdf", partial(_course, deck, options)),
            Whole("pdf/practice-exam.pdf", partial(_exam, deck, questions, options)),
        )

    def assemble(self, deck: Deck, parts: Sequence[Exported], settled: Settled | None) -> Exported:
        problems = dict.fromkeys(problem for sheet in parts for problem in sheet.problems)
        return Exported(tuple(output for sheet in parts for output in sheet.outputs), tuple(problems))


PDF = Pdf()


def _course(deck: Deck, options: ExportOptions) -> Exported:
    from ccpkit.export.pdf import documents

    return documents.course(deck, options)


def _exam(deck: Deck, questions: tuple[Question, ...], options: ExportOptions) -> Exported:
    from ccpkit.export.pdf import documents

    return documents.exam(deck, questions, options)
