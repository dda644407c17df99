"""Property test of ``ccpkit import``: any mix of export-like lines gives Markdown notes (that parse)
or one ``CcpkitError``, never another exception, and writes only inside its output folder."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccpkit.errors import CcpkitError, NoNotesError
from ccpkit.importer import import_export
from ccpkit.parse import parse_notes
from tests.hardening.test_markup_properties import HOSTILE

LINES = (
    "Module 2 - Compute", "Module 3: Storage", "Module 99 - ../../escape", "Cram Cheat Sheet",
    "Exam-Style Practice Questions", "Summary", "▼ Lecture", "► Collapsed", "-", " ", "",
    "**EC2:** Virtual servers", "- **S3** — objects", "• bullet", "1) Which service?", "Question 1: Which?",
    "A) one", "B) two", "C) three", "(D) four", "Answer: B", "Correct answer: A, C", "Answers", "1. B",
    "Q2: C", "Explanation: because", "Feature\tEC2\tS3", "---------\t-------", "\tcell\tcell", "a\t\t\tb",
    "```", "```bash", "Rudy: hello", "<https://example.com>", "| a | b |", "#", "# heading", "{#pin}",
    "<details>", "Module 2 - Compute",
)  # fmt: skip
PIECES = st.sampled_from(
    ["", "x", "Word", "**", "\t", "A)", "B.", "1.", "Q1:", "-", "•", ":", " ", "Answer:", "▼"]
)
LINE = (
    st.sampled_from(LINES)
    | st.sampled_from(HOSTILE).map(lambda text: text.replace("\0", ""))
    | st.lists(PIECES, max_size=6).map("".join)
)


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE, max_size=60))
def test_any_export_imports_to_notes_that_parse_or_fails_as_a_ccpkit_error(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        export = root / "export.txt"
        export.write_text("\n".join(["Module 1 - Intro", *lines]), encoding="utf-8")
        try:
            import_export(export, root / "out" / "notes", report=root / "out" / "report.txt")
        except CcpkitError:
            assert not (root / "out" / "notes").exists()
            return
        written = {path for path in root.rglob("*") if path.is_file()} - {export}
        assert all(path.is_relative_to(root / "out") for path in written)
        if not any((root / "out" / "notes").rglob("*.md")):  # an export of headings only
            with pytest.raises(NoNotesError):
                parse_notes(root / "out" / "notes")
            return
        parsed = parse_notes(root / "out" / "notes")
        for problem in parsed.problems:
            assert (root / "out" / "notes" / problem.location.path).is_file()
