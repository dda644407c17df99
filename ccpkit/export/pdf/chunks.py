"""A paragraph of many columns cut, before layout, into paragraphs of a few dozen lines each, at its own
line breaks, so it prints the same lines in time proportional to its length.

reportlab splits a paragraph at a column's foot by making a new paragraph of the rest and breaking
all of its lines again: a paragraph running over many columns was broken into lines once per column
(a term of 20,000 words took 40 seconds, one of 1.3 MB over 18 minutes). Cut here, each piece is
broken into lines once, and a split re-breaks only what is left of one piece."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate

from ccpkit.export.pdf.paragraph import Paragraph

CHUNK_LINES = 30
"""Lines a piece holds: half a cram sheet's column, so a split re-breaks few lines."""
_LONG_CHARS = CHUNK_LINES * 2 * 20
"""Characters of markup below which a paragraph is left whole, unmeasured: at twenty characters a
line, it fills no more than two pieces."""
_ROOMY = 1e6
"""A height no paragraph reaches: measuring, not fitting."""


def in_chunks(story: Sequence[Flowable], width: float, widths: Mapping[str, float]) -> list[Flowable]:
    """``story`` with each paragraph of more than two pieces' lines cut into pieces, at the column
    ``width`` its lines are broken to (after a ``NextPageTemplate``, its template's in ``widths``:
    another column count); a group kept together is cut inside, as it breaks where it is too tall."""
    cut: list[Flowable] = []
    for flowable in story:
        if isinstance(flowable, NextPageTemplate):
            width = widths.get(flowable.action[1], width)
        if isinstance(flowable, KeepTogether):
            flowable._content = [piece for part in flowable._content for piece in pieces(part, width)]
            cut.append(flowable)
        else:
            cut += pieces(flowable, width)
    return cut


def pieces(flowable: Flowable, width: float) -> list[Flowable]:
    """A long paragraph as pieces of ``CHUNK_LINES`` lines or so broken at ``width``; else itself."""
    if not isinstance(flowable, Paragraph) or len(flowable.text or "") < _LONG_CHARS or _boxed(flowable):
        return [flowable]
    flowable.wrap(width, _ROOMY)
    laid: Any = flowable.blPara
    count = len(laid.lines) // CHUNK_LINES
    if count < 2:
        return [flowable]
    frags_between = flowable._get_split_blParaFunc()
    bounds = [len(laid.lines) * index // count for index in range(count + 1)]
    cut = [
        _piece(flowable, frags_between(laid, start, stop), first=start == 0, last=stop == len(laid.lines))
        for start, stop in itertools.pairwise(bounds)
    ]
    if "keepWithNext" in flowable.__dict__:  # set on the paragraph itself: its end keeps with what follows
        cut[-1].keepWithNext = flowable.keepWithNext
    return cut


def _boxed(paragraph: Paragraph) -> bool:
    """Whether a paragraph is drawn in a box or on a fill (a wide table's record): its pieces would
    each draw one, a seam across the column at every cut."""
    style: ParagraphStyle = paragraph.style
    return bool(style.borderWidth and style.borderColor) or style.backColor is not None


def _piece(whole: Paragraph, frags: list[Any], *, first: bool, last: bool) -> Paragraph:
    """A piece of ``whole``: the first keeps its bullet, first-line indent and space above, the last
    its space below and what it keeps with; inside it, a line at a column's foot or top is no orphan or
    widow (the paragraph goes on)."""
    style: ParagraphStyle = whole.style
    inside = {"firstLineIndent": 0, "spaceBefore": 0, "allowOrphans": 1} if not first else {}
    if not last:
        inside |= {"spaceAfter": 0, "keepWithNext": 0, "allowWidows": 1}
    shape = ParagraphStyle(f"{style.name}-piece", parent=style, **inside) if inside else style
    piece = Paragraph(None, shape, bulletText=whole.bulletText if first else None, frags=frags)
    if "autoLeading" in whole.__dict__:  # lines with exponents set apart (``Paragraph.breakLines``)
        piece.autoLeading = whole.autoLeading
    piece.flush_right_when_right_to_left = whole.flush_right_when_right_to_left
    return piece
