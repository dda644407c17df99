"""A cram sheet balanced on a second try is laid out again from the same flowables (each layout undoes
its edits to them): the same story laid out twice prints byte for byte as a story made afresh."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable

from ccpkit.export import ExportOptions
from ccpkit.export.pdf import documents
from ccpkit.export.pdf.contents import contents
from ccpkit.export.pdf.cram import module_story
from ccpkit.export.pdf.flowables import Blocks
from ccpkit.export.pdf.glyphs import Typesetter
from ccpkit.export.pdf.layout import Meta, column_width, page_size, render
from ccpkit.model import Module
from tests.conftest import REPO
from tests.export.pdf.synthetic import large_deck


def _sheet(module: Module, story: list[Flowable] | None = None) -> tuple[bytes, list[Flowable]]:
    """The module's cram sheet, its last page balanced, from ``story`` or from one made now."""
    options = ExportOptions(templates=Path(REPO / "templates"))
    documents.prepare(options)
    style, ty = documents._setup(options)
    size = page_size(options.paper, style.cram.orientation)
    blocks = Blocks(ty, Typesetter(ty.fonts), column_width(ty, size, style.cram.columns))
    story = story or module_story(module, blocks, contents(module, style.cram))
    meta = Meta("Title", "Subject", "Course", "Course", "Cram sheet", "00000000")
    laid = render(story, ty=ty, size=size, columns=[style.cram.columns], meta=meta, balance_last_page=True)
    return laid.pdf, story


def test_a_story_laid_out_again_prints_as_one_made_afresh() -> None:
    module = large_deck().modules[0]
    first, story = _sheet(module)
    kept = [flowable.__dict__.get("keepWithNext") for flowable in story]
    again, _ = _sheet(module, story)
    fresh, _ = _sheet(module)
    assert again == fresh == first
    assert [flowable.__dict__.get("keepWithNext") for flowable in story] == kept
    assert not any(hasattr(flowable, "_postponed") for flowable in story)
