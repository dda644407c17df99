"""Printable PDFs: a cram sheet per module, the whole course in one file, and a practice exam."""

from __future__ import annotations

from functools import partial

from ccpkit.export import Exported, ExportOptions, Unit, inputs_digest
from ccpkit.export.pdf.exam_questions import Question, draw_questions
from ccpkit.export.pdf.plan import FOLDER, has_cram_content, module_label, sheet_path
from ccpkit.model import Deck, Module

__all__ = ["FOLDER", "export", "prepare", "sheet_path", "units"]


def export(deck: Deck, options: ExportOptions) -> Exported:
    """Every PDF for ``deck``; characters no font has, and sheets over their page budget, are problems."""
    done = [unit.run() for unit in units(deck, options)]
    problems = dict.fromkeys(problem for exported in done for problem in exported.problems)
    return Exported(tuple(output for exported in done for output in exported.outputs), tuple(problems))


def units(deck: Deck, options: ExportOptions) -> tuple[Unit, ...]:
    """One unit per module sheet, one for the course, one for the exam: an edit redoes only the
    sheet of its module, the course, and (for a question) the exam."""
    questions = draw_questions(  # first: a wrong --exam-* option fails before any layout work
        deck, count=options.exam_count, seed=options.exam_seed, modules=options.exam_modules
    )
    layout = (options.paper, options.templates)  # the style file's contents are digested by the build
    modules = [module for module in deck.modules if has_cram_content(module)]
    sheets = tuple(
        Unit(
            str(sheet_path(module)),
            inputs_digest(deck.title, module, *layout),
            partial(_module_sheet, deck, module, options),
            weight=len(module.items),
        )
        for module in modules
    )
    labels = tuple(module_label(module) for module in deck.modules)
    course = Unit(
        "pdf/course.pdf",
        inputs_digest(deck, *layout),
        partial(_course, deck, options),
        weight=1 + sum(len(m.items) for m in modules),
    )
    exam = Unit(
        "pdf/practice-exam.pdf",
        inputs_digest(deck.title, labels, questions, options.exam_seed, *layout),
        partial(_exam, deck, questions, options),
        weight=len(questions),
    )
    return (*sheets, course, exam)


def prepare(options: ExportOptions) -> None:
    """Load the layout code and the fonts, in a worker, before it gets its first unit."""
    from ccpkit.export.pdf import documents

    documents.prepare(options)


# The units' work, in documents.py: reportlab loads in the processes that lay pages out, not in the one
# that plans the build (which may find every PDF up to date).


def _module_sheet(deck: Deck, module: Module, options: ExportOptions) -> Exported:
    from ccpkit.export.pdf import documents

    return documents.module_sheet(deck, module, options)


def _course(deck: Deck, options: ExportOptions) -> Exported:
    from ccpkit.export.pdf import documents

    return documents.course(deck, options)


def _exam(deck: Deck, questions: tuple[Question, ...], options: ExportOptions) -> Exported:
    from ccpkit.export.pdf import documents

    return documents.exam(deck, questions, options)
