"""A reportlab ``Paragraph`` that remembers its line breaks for the width it was last wrapped to."""

from __future__ import annotations

from reportlab.platypus import Paragraph as _Paragraph


class Paragraph(_Paragraph):  # type: ignore[misc]
    """Tables wrap every cell to measure it and again to draw it; breaking lines is most of a build's
    time, and the result depends only on the width, so a repeat at the same width reuses it."""

    _wrapped: tuple[float, float, float] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped is not None and self._wrapped[0] == avail_width and hasattr(self, "blPara"):
            return self._wrapped[1], self._wrapped[2]
        width, height = super().wrap(avail_width, avail_height)
        self._wrapped = (avail_width, width, height)
        return width, height
