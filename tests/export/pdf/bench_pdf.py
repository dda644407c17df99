"""Benchmark: every PDF of the real course (13+ cram sheets, course, exam). Run:
``.venv/bin/python -m tests.export.pdf.bench_pdf [runs]``; prints the median and the spread."""

from __future__ import annotations

import statistics
import sys
import time

from ccpkit.export import ExportOptions
from ccpkit.export.pdf import export
from ccpkit.parse import parse_notes
from tests.conftest import REPO

BUDGET_SECONDS = 3.0


def main(runs: int = 7) -> None:
    deck = parse_notes(REPO / "source_notes").deck
    options = ExportOptions(templates=REPO / "templates")
    started = time.perf_counter()
    first = export(deck, options)  # includes font loading, as a real build does
    cold = time.perf_counter() - started
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        export(deck, options)
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    print(f"{len(first.outputs)} PDFs, {sum(len(o.data) for o in first.outputs) / 1e6:.1f} MB")
    print(
        f"cold {cold:.2f} s; warm median {median:.2f} s over {runs} runs "
        f"(min {min(timings):.2f}, max {max(timings):.2f}); budget {BUDGET_SECONDS} s"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
