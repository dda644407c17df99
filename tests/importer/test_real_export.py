"""End to end on the real export: counts, answers, nothing lost, determinism, and the committed notes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ccpkit.importer import import_export

REPO = Path(__file__).resolve().parents[2]
INLINE_NOISE = re.compile(
    r"\\?\((?:\[)?ope ?n ?s in a new tab(?:\]\(#\))?\\?\)|<[a-z/][^>]*>(?:new tab\))?|^Correct "
)
WORD = re.compile(r"[A-Za-z0-9]+")
QUESTION = re.compile(r"^#{2,6} Question (\S+)$", re.MULTILINE)


def _files(out: Path) -> dict[str, bytes]:
    """Every note file under ``out`` (dot-files such as the ledger are not notes)."""
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(out).parts)
    }


@pytest.fixture
def imported(raw_export: Path, tmp_path: Path) -> tuple[dict[str, str], str]:
    """The real export imported: ``({path: text}, report text)``."""
    base = tmp_path
    import_export(raw_export, base / "notes", report=base / "report.txt")
    notes = {path: data.decode("utf-8") for path, data in _files(base / "notes").items()}
    return notes, (base / "report.txt").read_text("utf-8")


def test_thirteen_module_folders_and_the_course_level_documents(imported: tuple[dict[str, str], str]) -> None:
    notes, _ = imported
    folders = sorted({path.split("/")[0] for path in notes if "/" in path})
    assert [folder[:3] for folder in folders] == [f"{n:02d}-" for n in range(1, 14)]
    assert {"case-study-medivault-eu.md", "course-summary.md", "useful-links.md"} <= set(notes)
    assert "02-compute-in-the-cloud-amazon-ec2/cram-sheet.md" in notes
    assert "module_title: Migrating to the AWS Cloud" in notes["12-migrating-to-the-aws-cloud/summary.md"]


def test_72_tables(imported: tuple[dict[str, str], str]) -> None:
    notes, _ = imported
    assert sum(len(re.findall(r"^\| --- \|", text, re.MULTILINE)) for text in notes.values()) == 72


def test_106_questions_each_with_an_answer_right_after_its_options(
    imported: tuple[dict[str, str], str],
) -> None:
    notes, _ = imported
    found = 0
    for text in notes.values():
        for block in re.split(r"^(?=#{2,6} )", text, flags=re.MULTILINE):
            if QUESTION.match(block):
                found += 1
                assert re.search(r"^- D\) .+\n\n\*\*Answer:\*\* [A-D]$", block, re.MULTILINE), block
    assert found == 106


def test_the_questions_land_in_the_module_of_their_topic(imported: tuple[dict[str, str], str]) -> None:
    notes, _ = imported
    data = notes["08-ai-ml-and-data-analytics/practice-questions.md"]
    security = notes["09-security/practice-questions.md"]
    assert len(QUESTION.findall(data)) == 20 and "Question Q15" in data
    assert len(QUESTION.findall(security)) == 35 and "Question H15" in security
    assert "Question KC1" in notes["09-security/lecture-notes.md"]


def test_the_181_cram_sheet_terms_are_term_bullets(imported: tuple[dict[str, str], str]) -> None:
    notes, _ = imported
    terms = r"^(?:-|\d+\.) \*\*[^*]+?:\*\* \S"
    cram = [text for path, text in notes.items() if path.endswith("cram-sheet.md")]
    assert len(cram) == 12
    assert sum(len(re.findall(terms, text, re.MULTILINE)) for text in cram) == 181


def test_every_line_of_the_export_is_in_the_notes_apart_from_reported_lines(
    raw_export: Path, imported: tuple[dict[str, str], str]
) -> None:
    """Nothing is lost silently: each unreported line's words appear in the notes, in order.

    Lines are compared as runs of words (markup and inline noise ignored), piece by piece where a
    table cell or a ``Label: text`` cell may have been moved; ``Correct Answer:`` became ``**Answer:**``.
    """
    notes, report = imported
    reported = {int(number) for number in re.findall(r"^  line (\d+): ", report, re.MULTILINE)}
    written = " ".join(word.lower() for text in notes.values() for word in WORD.findall(text))
    lines = raw_export.read_text("utf-8").split("\n")
    lost = [
        (number, piece)
        for number, line in enumerate(lines, start=1)
        if number not in reported
        for piece in re.split(r"\t|: ", INLINE_NOISE.sub(" ", line))
        if " ".join(word.lower() for word in WORD.findall(piece)) not in written
    ]
    assert lost == []
    assert len(reported) < 400


def test_noise_is_gone_and_markup_is_markdown(imported: tuple[dict[str, str], str]) -> None:
    text = "\n".join(imported[0].values())
    for noise in ("opens in a new tab", "data-bbox", "<i>", "<code>", "<ul", "Related Project", "\n-\n"):
        assert noise not in text
    assert "$128 \\text{ TB}$" in text and "\\$\\$" not in text
    assert "✅" in text and "→" in text and "“" in text


def test_importing_twice_gives_byte_identical_notes(raw_export: Path, tmp_path: Path) -> None:
    import_export(raw_export, tmp_path / "a", report=tmp_path / "a.txt")
    import_export(raw_export, tmp_path / "b", report=tmp_path / "b.txt")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    report_a = (tmp_path / "a.txt").read_text().replace(str(tmp_path / "a"), str(tmp_path / "b"))
    assert report_a == (tmp_path / "b.txt").read_text()


def test_the_committed_source_notes_are_a_fresh_import(raw_export: Path, tmp_path: Path) -> None:
    """Retire this check (with a note in docs/import.md) once someone edits source_notes/ by hand."""
    import_export(raw_export, tmp_path / "notes", report=tmp_path / "report.txt")
    assert _files(REPO / "source_notes") == _files(tmp_path / "notes")
