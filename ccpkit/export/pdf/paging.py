"""What needs page numbers: bookmarked headings, running-header labels, numbers drawn at the end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

LateDraw = Callable[["PagedCanvas", int], None]


@dataclass(frozen=True, slots=True)
class Mark:
    """A bookmark as laid out: its title and level, its page (from 1) and the height of its top."""

    title: str
    level: int
    page: int
    top: float


class PagedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that knows the page count at the end: "Page N of M" and table-of-contents numbers
    are form XObjects referenced while laying out and defined at save time, so one pass suffices."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.pages = 0
        self.marks: list[Mark] = []
        """Every bookmark so far, for binding this document into a bigger one."""
        self.labels: list[str] = []
        """Running-header labels (module names) met so far; the last one is in effect."""
        self.first_label = 0
        """Index in ``labels`` of the first label the current page shows."""
        self.top_left = (0.0, 0.0)
        """Where the first column of this page starts: a heading there opens the page."""
        self._late: list[tuple[str, LateDraw]] = []
        self._slots: set[str] = set()

    def later(self, draw: LateDraw) -> None:
        """Place something here that can only be drawn once the page count is known."""
        name = f"late{len(self._late)}"
        self._late.append((name, draw))
        self.doForm(name)

    def slot(self, name: str) -> None:
        """Place form ``name`` here but leave it empty: whoever binds this document into a bigger one
        fills it per page (with the page's number in the bound file, say)."""
        self._slots.add(name)
        self.doForm(name)

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self.pages += 1
        self.first_label = max(len(self.labels) - 1, 0)
        super().showPage()

    def add_label(self, label: str, x: float, top: float) -> None:
        """A running-header label starts here; at the top of the page it replaces the previous one."""
        self.labels.append(label)
        if abs(x - self.top_left[0]) < 1 and top >= self.top_left[1] - 1:
            self.first_label = len(self.labels) - 1

    def save(self) -> None:
        for name in sorted(self._slots):
            self.beginForm(name)
            self.endForm()
        for name, draw in self._late:
            self.beginForm(name)
            draw(self, self.pages)
            self.endForm()
        super().save()


class Heading(Flowable):  # type: ignore[misc]
    """A heading that is also a PDF bookmark (outline entry) and, at level 0, a running-header label."""

    def __init__(self, paragraph: Paragraph, *, title: str, key: str, level: int, label: str = "") -> None:
        super().__init__()
        self.paragraph = paragraph
        self.title, self.key, self.level, self.label = title, key, level, label
        self.keepWithNext = paragraph.style.keepWithNext
        self.position = (0.0, 0.0)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        self.position = (x, y)
        super().drawOn(canvas, x, y, _sW)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width, self.height = self.paragraph.wrap(avail_width, avail_height)
        return width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 (reportlab's name)
        return float(self.paragraph.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 (reportlab's name)
        return float(self.paragraph.getSpaceAfter())

    def draw(self) -> None:
        canvas = self.canv
        top = self.height + self.paragraph.style.fontSize
        canvas.bookmarkHorizontal(self.key, 0, top)
        canvas.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level > 0)
        if isinstance(canvas, PagedCanvas):
            _, page_top = canvas.absolutePosition(0, top)
            canvas.marks.append(Mark(self.title, self.level, canvas.getPageNumber(), page_top))
            if self.label:
                canvas.add_label(self.label, self.position[0], self.position[1] + self.height)
        self.paragraph.drawOn(canvas, 0, 0)
