"""Printable PDFs: a cram sheet per module, the whole course in one file, and a practice exam."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from reportlab.platypus import Flowable

from ccpkit.errors import Problem
from ccpkit.export import Exported, ExportOptions, Output
from ccpkit.export.pdf.blocks import Blocks
from ccpkit.export.pdf.course import course_story
from ccpkit.export.pdf.cram import has_cram_content, module_label, module_story
from ccpkit.export.pdf.draw import draw_questions
from ccpkit.export.pdf.exam import exam_story
from ccpkit.export.pdf.fonts import register_fonts
from ccpkit.export.pdf.glyphs import Typesetter
from ccpkit.export.pdf.layout import Meta, column_width, page_size, render
from ccpkit.export.pdf.style import Sheet, load_style
from ccpkit.export.pdf.typography import Typography, typography
from ccpkit.markup import to_text
from ccpkit.model import Deck, Module

FOLDER = PurePosixPath("pdf")


def export(deck: Deck, options: ExportOptions) -> Exported:
    """Every PDF for ``deck``; characters no font has, and sheets over their page budget, are problems."""
    style = load_style(options.templates)
    ty = typography(style, register_fonts(style))
    setter = Typesetter(ty.fonts)
    course = to_text(deck.title)
    outputs: list[Output] = []
    problems: list[Problem] = []
    for module in filter(has_cram_content, deck.modules):
        meta = _meta(deck, module, setter)
        data, pages = _sheet(module_story, module, ty, setter, style.cram, options, meta)
        outputs.append(Output(sheet_path(module), data))
        problems += _over_budget(module, pages, style.cram.page_budget)
    data, _ = _sheet(
        course_story,
        deck,
        ty,
        setter,
        style.course,
        options,
        Meta(course, "Whole-course cram sheet", course, setter.plain(deck.title), "Cram sheet"),
    )
    outputs.append(Output(FOLDER / "course.pdf", data))
    outputs.append(Output(FOLDER / "practice-exam.pdf", _exam(deck, ty, setter, options)))
    return Exported(tuple(outputs), (*setter.problems, *problems))


def _sheet(
    story_of: Callable[[Any, Blocks], list[Flowable]],
    subject: Deck | Module,
    ty: Typography,
    setter: Typesetter,
    sheet: Sheet,
    options: ExportOptions,
    meta: Meta,
) -> tuple[bytes, int]:
    size = page_size(options.paper, sheet.orientation)
    blocks = Blocks(ty, setter, column_width(ty, size, sheet.columns))
    story = story_of(subject, blocks)
    return render(story, ty=ty, size=size, columns=[sheet.columns], meta=meta)


def _exam(deck: Deck, ty: Typography, setter: Typesetter, options: ExportOptions) -> bytes:
    exam = ty.style.exam
    questions = draw_questions(
        deck, count=options.exam_count, seed=options.exam_seed, modules=options.exam_modules
    )
    course = to_text(deck.title)
    meta = Meta(
        f"{course}: practice exam",
        "Practice exam with answer key",
        course,
        setter.plain(deck.title),
        "Practice exam",
    )
    story = exam_story(deck, questions, ty, setter, seed=options.exam_seed)
    data, _ = render(
        story,
        ty=ty,
        size=page_size(options.paper, exam.orientation),
        columns=[exam.columns, exam.key_columns],
        meta=meta,
    )
    return data


def _meta(deck: Deck, module: Module, setter: Typesetter) -> Meta:
    course = to_text(deck.title)
    return Meta(
        f"{course}: {module_label(module)}",
        f"Cram sheet for {module_label(module)}",
        course,
        setter.plain(course),
        "Cram sheet",
    )


def sheet_path(module: Module) -> PurePosixPath:
    """``pdf/NN-slug.pdf``; a slug that already starts with its two-digit number is used as it is."""
    prefix = f"{module.number:02d}-"
    return FOLDER / f"{module.slug if module.slug.startswith(prefix) else prefix + module.slug}.pdf"


def _over_budget(module: Module, pages: int, budget: int) -> list[Problem]:
    if pages <= budget or not module.items:
        return []
    message = (
        f"the cram sheet {sheet_path(module)} has {pages} pages, over the budget of {budget}; "
        "shorten the module's notes or raise [cram] page_budget in templates/pdf/style.toml"
    )
    return [Problem(module.items[0].source, message, "warning")]
