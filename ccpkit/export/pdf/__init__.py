"""Printable PDFs: a cram sheet per module, the whole course in one file, and a practice exam."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial
from pathlib import PurePosixPath

from ccpkit.errors import Problem
from ccpkit.export import Exported, ExportOptions, Output, Unit, inputs_digest
from ccpkit.export.pdf.blocks import Blocks
from ccpkit.export.pdf.course import course_pdf
from ccpkit.export.pdf.cram import has_cram_content, module_label, module_story
from ccpkit.export.pdf.draw import Question, draw_questions
from ccpkit.export.pdf.exam import exam_story
from ccpkit.export.pdf.fonts import register_fonts
from ccpkit.export.pdf.glyphs import Typesetter
from ccpkit.export.pdf.layout import Meta, column_width, page_size, render
from ccpkit.export.pdf.style import Sheet, Style, load_style
from ccpkit.export.pdf.typography import Typography, typography
from ccpkit.markup import to_text
from ccpkit.model import Deck, Item, Module

FOLDER = PurePosixPath("pdf")


def export(deck: Deck, options: ExportOptions) -> Exported:
    """Every PDF for ``deck``; characters no font has, and sheets over their page budget, are problems."""
    done = [unit.run() for unit in units(deck, options)]
    problems = dict.fromkeys(problem for exported in done for problem in exported.problems)
    return Exported(tuple(output for exported in done for output in exported.outputs), tuple(problems))


def units(deck: Deck, options: ExportOptions) -> tuple[Unit, ...]:
    """One unit per module sheet, one for the course, one for the exam: an edit redoes only its own."""
    questions = draw_questions(  # first: a wrong --exam-* option fails before any layout work
        deck, count=options.exam_count, seed=options.exam_seed, modules=options.exam_modules
    )
    layout = (options.paper, options.templates)  # the style file's contents are digested by the build
    setup = cache(partial(_setup, options))
    sheets = tuple(
        Unit(
            str(sheet_path(module)),
            inputs_digest(deck.title, module, *layout),
            partial(_module_sheet, deck, module, setup, options),
            weight=len(module.items),
        )
        for module in filter(has_cram_content, deck.modules)
    )
    labels = tuple(module_label(module) for module in deck.modules)
    course = Unit(
        "pdf/course.pdf",
        inputs_digest(deck, *layout),
        partial(_course, deck, setup, options),
        weight=sum(len(module.items) for module in deck.modules),
    )
    exam = Unit(
        "pdf/practice-exam.pdf",
        inputs_digest(deck.title, labels, questions, options.exam_seed, *layout),
        partial(_exam_unit, deck, questions, setup, options),
        weight=len(questions),
    )
    return (*sheets, course, exam)


def _setup(options: ExportOptions) -> tuple[Style, Typography]:
    """Style and fonts, loaded on first use only: a build with every unit up to date needs neither."""
    style = load_style(options.templates)
    return style, typography(style, register_fonts(style))


Setup = Callable[[], tuple[Style, Typography]]


def _module_sheet(deck: Deck, module: Module, setup: Setup, options: ExportOptions) -> Exported:
    style, ty = setup()
    setter, course, label = Typesetter(ty.fonts), to_text(deck.title), module_label(module)
    meta = Meta(f"{course}: {label}", f"Cram sheet for {label}", course, setter.plain(course), "Cram sheet")
    size = page_size(options.paper, style.cram.orientation)
    story = module_story(module, Blocks(ty, setter, column_width(ty, size, style.cram.columns)))
    laid = render(story, ty=ty, size=size, columns=[style.cram.columns], meta=meta)
    over = _over_budget(sheet_path(module), laid.pages, style.cram, module.items)
    return Exported((Output(sheet_path(module), laid.pdf),), (*setter.problems, *over))


def _course(deck: Deck, setup: Setup, options: ExportOptions) -> Exported:
    style, ty = setup()
    course = course_pdf(deck, ty, options)
    over = _over_budget(FOLDER / "course.pdf", course.pages, style.course, tuple(deck.items()))
    return Exported((Output(FOLDER / "course.pdf", course.pdf),), (*course.problems, *over))


def _exam_unit(deck: Deck, questions: tuple[Question, ...], setup: Setup, options: ExportOptions) -> Exported:
    _, ty = setup()
    setter = Typesetter(ty.fonts)
    data = _exam(deck, questions, ty, setter, options)
    return Exported((Output(FOLDER / "practice-exam.pdf", data),), setter.problems)


def _exam(
    deck: Deck, questions: tuple[Question, ...], ty: Typography, setter: Typesetter, options: ExportOptions
) -> bytes:
    exam, course = ty.style.exam, to_text(deck.title)
    meta = Meta(
        f"{course}: practice exam",
        "Practice exam with answer key",
        course,
        setter.plain(course),
        "Practice exam",
    )
    story = exam_story(deck, questions, ty, setter, seed=options.exam_seed)
    size = page_size(options.paper, exam.orientation)
    return render(story, ty=ty, size=size, columns=[exam.columns, exam.key_columns], meta=meta).pdf


def sheet_path(module: Module) -> PurePosixPath:
    """``pdf/NN-slug.pdf``; a slug that already starts with its two-digit number is used as it is."""
    prefix = f"{module.number:02d}-"
    return FOLDER / f"{module.slug if module.slug.startswith(prefix) else prefix + module.slug}.pdf"


def _over_budget(path: PurePosixPath, pages: int, sheet: Sheet, items: tuple[Item, ...]) -> list[Problem]:
    """A warning at the first item of an overlong sheet: the place to start shortening."""
    if pages <= sheet.page_budget or not items:
        return []
    message = (
        f"{path} has {pages} pages, over the budget of {sheet.page_budget}; shorten these notes "
        "or raise page_budget in templates/pdf/style.toml"
    )
    return [Problem(items[0].source, message, "warning")]
