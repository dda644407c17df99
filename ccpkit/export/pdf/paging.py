"""What needs page numbers: bookmarked headings, running-header labels, numbers drawn at the end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import ActionFlowable, BaseDocTemplate, Flowable, Paragraph

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
        """Every bookmark so far."""
        self.key_pages: dict[str, int] = {}
        """The page of each bookmark key: for contents lines, drawn at save."""
        self.labels: list[str] = []
        """Running-header labels (module names) met so far; the last one is in effect."""
        self.first_label = 0
        """Index in ``labels`` of the first label the current page shows."""
        self.top_left = (0.0, 0.0)
        """Where the first column of this page starts: a heading there opens the page."""
        self._late: dict[str, list[tuple[float, float, LateDraw]]] = {}
        """Per page form: what to draw in it at save, and where (page coordinates)."""

    def later(self, draw: LateDraw, *, in_place: bool = False) -> None:
        """Draw something here that can only be drawn once the page count is known. What a page
        draws late shares one form, placed at the page's end (a form each made the course 40 KB
        larger); ``in_place`` gives it a form of its own, placed here: copied text keeps its order."""
        if in_place:
            name = f"late{self.getPageNumber()}.{len(self._late)}"
            self._late[name] = [(0.0, 0.0, draw)]
            self.doForm(name)
            return
        x, y = self.absolutePosition(0, 0)
        self._late.setdefault(self._late_form(), []).append((x, y, draw))

    def _late_form(self) -> str:
        return f"late{self.getPageNumber()}"

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        if self._late_form() in self._late:
            self.doForm(self._late_form())  # here the page's coordinates are the canvas's own
        self.pages += 1
        self.first_label = max(len(self.labels) - 1, 0)
        super().showPage()

    def add_label(self, label: str, x: float, top: float) -> None:
        """A running-header label starts here; at the top of the page it replaces the previous one."""
        self.labels.append(label)
        if abs(x - self.top_left[0]) < 1 and top >= self.top_left[1] - 1:
            self.first_label = len(self.labels) - 1

    def save(self) -> None:
        for name, draws in self._late.items():
            self.beginForm(name)
            for x, y, draw in draws:
                self.saveState()
                self.translate(x, y)
                draw(self, self.pages)
                self.restoreState()
            self.endForm()
        super().save()


class Anchor(Flowable):  # type: ignore[misc]
    """A bookmark with nothing to draw: a table's place in the outline, at the table's top."""

    def __init__(self, *, title: str, key: str, level: int) -> None:
        super().__init__()
        self.title, self.key, self.level = title, key, level

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        bookmark(self.canv, self.title, self.key, self.level, 0)


def bookmark(canvas: Canvas, title: str, key: str, level: int, top: float) -> None:
    """An outline entry ``top`` points above the current origin; also a target for links."""
    canvas.bookmarkHorizontal(key, 0, top)
    canvas.addOutlineEntry(title, key, level=level, closed=level > 0)
    if isinstance(canvas, PagedCanvas):
        _, page_top = canvas.absolutePosition(0, top)
        canvas.marks.append(Mark(title, level, canvas.getPageNumber(), page_top))
        canvas.key_pages[key] = canvas.getPageNumber()


class Heading(Flowable):  # type: ignore[misc]
    """A heading that is also a PDF bookmark (outline entry) and, at level 0, a running-header label."""

    def __init__(self, paragraph: Paragraph, *, title: str, key: str, level: int, label: str = "") -> None:
        super().__init__()
        self.paragraph = paragraph
        self.title, self.key, self.level, self.label = title, key, level, label
        self.keepWithNext = 0  # a heading keeps only the room for its first lines (see cram._room)
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
        bookmark(canvas, self.title, self.key, self.level, self.height + self.paragraph.style.fontSize)
        if isinstance(canvas, PagedCanvas) and self.label:
            canvas.add_label(self.label, self.position[0], self.position[1] + self.height)
        self.paragraph.drawOn(canvas, 0, 0)


class RectoBreak(ActionFlowable):  # type: ignore[misc]
    """A page break to the next right-hand (odd) page: what follows can be printed duplex and torn
    off, or reprinted on its own. A left-hand page skipped on the way holds only the running header
    and footer."""

    def __init__(self) -> None:
        super().__init__()

    def apply(self, doc: BaseDocTemplate) -> None:
        page = doc.canv.getPageNumber()
        doc.handle_pageBreak()
        if page % 2 == 1:
            doc.handle_pageBreak()
