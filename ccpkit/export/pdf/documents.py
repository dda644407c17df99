"""Laying out each PDF: what one export unit runs. Imported only by the process that lays out."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import PurePosixPath

from ccpkit.errors import Problem
from ccpkit.export import Exported, ExportOptions, Output
from ccpkit.export.pdf import FOLDER, module_label, notes_digest, sheet_path
from ccpkit.export.pdf.contents import contents
from ccpkit.export.pdf.course import course_pdf
from ccpkit.export.pdf.cram import module_story
from ccpkit.export.pdf.exam import exam_story
from ccpkit.export.pdf.exam_questions import Question
from ccpkit.export.pdf.flowables import Blocks, cut_title
from ccpkit.export.pdf.fonts import register_fonts
from ccpkit.export.pdf.glyphs import Typesetter
from ccpkit.export.pdf.layout import Laid, Meta, column_width, page_size, render, room_for
from ccpkit.export.pdf.style import Sheet, Style
from ccpkit.export.pdf.typography import Typography, typography
from ccpkit.markup import to_text
from ccpkit.model import Deck, Item, Module


def module_sheet(title: str, module: Module, options: ExportOptions) -> Exported:
    """``pdf/NN-slug.pdf``: the module's cram sheet in the course ``title``; a sheet over its page
    budget is a warning. One that spills onto a last page is set a little smaller if that saves it."""
    style, ty = _setup(options)
    setter = Typesetter(ty.fonts)
    with room_for(str(sheet_path(module))):
        laid = _module_sheet(title, module, options, ty, setter)
        if laid.pages > 1 and laid.fill <= (laid.pages - 1) * (1 / _SMALLER**2 - 1):  # it may save the page
            smaller = _module_sheet(
                title, module, options, _typography(_smaller(style)), Typesetter(ty.fonts)
            )
            laid = smaller if smaller.pages < laid.pages else laid
    over = _over_budget(sheet_path(module), laid.pages, style.cram, module.items)
    return Exported((Output(sheet_path(module), laid.pdf),), (*setter.problems, *over))


_SMALLER = 0.95
"""How much smaller a sheet's text is set to save its last page: five per cent fits some ten more
lines on a page of three columns (a few lines on a page of their own waste a sheet of paper). Tried
only where the last page holds no more than the smaller text gains on the pages before it."""


def _smaller(style: Style) -> Style:
    """``style`` with the sheet's text ``_SMALLER`` as large; the running header and footer as they are."""
    sizes = ("size", "leading", "heading_size", "band_size", "table_size")
    return replace(
        style, text=replace(style.text, **{name: getattr(style.text, name) * _SMALLER for name in sizes})
    )


def _module_sheet(
    title: str, module: Module, options: ExportOptions, ty: Typography, setter: Typesetter
) -> Laid:
    """The module's cram sheet laid out in ``ty``."""
    style, course, label = ty.style, to_text(title), module_label(module)
    meta = Meta(
        f"{course}: {label}",
        f"Cram sheet for {label}",
        course,
        setter.plain(cut_title(course)),  # the running header shows a line of it
        "Cram sheet",
        notes_digest(module),
    )
    size = page_size(options.paper, style.cram.orientation)
    blocks = Blocks(ty, setter, column_width(ty, size, style.cram.columns), module.pictures)
    story = module_story(module, blocks, contents(module, style.cram))
    return render(story, ty=ty, size=size, columns=[style.cram.columns], meta=meta, balance_last_page=True)


def course(deck: Deck, options: ExportOptions) -> Exported:
    """``pdf/course.pdf``: every module bound into one file (see ``course.py``)."""
    style, ty = _setup(options)
    with room_for(str(FOLDER / "course.pdf")):
        bound = course_pdf(deck, ty, options)
    over = _over_budget(FOLDER / "course.pdf", bound.pages, style.course, tuple(deck.items()))
    return Exported((Output(FOLDER / "course.pdf", bound.pdf),), (*bound.problems, *over))


def exam(deck: Deck, questions: tuple[Question, ...], options: ExportOptions) -> Exported:
    """``pdf/practice-exam.pdf``: the drawn questions, then the answer key from a fresh page."""
    _, ty = _setup(options)
    setter, course = Typesetter(ty.fonts), to_text(deck.title)
    meta = Meta(
        f"{course}: practice exam",
        "Practice exam with answer key",
        course,
        setter.plain(cut_title(course)),  # the running header shows a line of it
        "Practice exam",
        notes_digest(*deck.modules),
    )
    size = page_size(options.paper, ty.style.exam.orientation)
    exam = ty.style.exam
    blocks, key_blocks = (
        Blocks(_tables_at(ty.style, table_size), setter, column_width(ty, size, columns), deck.pictures)
        for columns, table_size in ((exam.columns, exam.size), (exam.key_columns, exam.key_size))
    )
    with room_for(str(FOLDER / "practice-exam.pdf")):
        story = exam_story(
            deck, questions, ty, setter, blocks=blocks, key_blocks=key_blocks, seed=options.exam_seed
        )
        columns = [ty.style.exam.columns, ty.style.exam.key_columns]
        laid = render(story, ty=ty, size=size, columns=columns, meta=meta)
    return Exported((Output(FOLDER / "practice-exam.pdf", laid.pdf),), setter.problems)


def _tables_at(style: Style, table_size: float) -> Typography:
    """The typography with its tables' type ``table_size``: a table in a question is read as closely
    as the question, so it is set as large (the cram sheets' table type is smaller)."""
    return _typography(replace(style, text=replace(style.text, table_size=table_size)))


def prepare(options: ExportOptions) -> None:
    """Load the style and its fonts now, ahead of the first unit."""
    _setup(options)


def _setup(options: ExportOptions) -> tuple[Style, Typography]:
    """The style ``Pdf.read`` read, and its fonts (registered once per process)."""
    if options.pdf_style is None:
        raise ValueError("the PDF style is not read: PDF.read(options) first")
    return options.pdf_style, _typography(options.pdf_style)


@cache
def _typography(style: Style) -> Typography:
    return typography(style, register_fonts(style))


def _over_budget(path: PurePosixPath, pages: int, sheet: Sheet, items: tuple[Item, ...]) -> list[Problem]:
    """A warning at the first item of an overlong sheet: the place to start shortening."""
    if pages <= sheet.page_budget or not items:
        return []
    message = (
        f"{path} has {pages} pages, over the budget of {sheet.page_budget}; shorten these notes "
        "or raise page_budget in templates/pdf/style.toml"
    )
    return [Problem(items[0].source, message, "warning")]
