"""The printed summary and the full report: every dropped or unclassified line, by export line number."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ccpkit.cli import cli
from tests.importer.conftest import FIXTURES, run_import


def test_the_summary_is_printed_and_the_report_lists_dropped_lines_by_number(tmp_path: Path) -> None:
    code, output = run_import(tmp_path, FIXTURES / "far-away-keys.txt")
    assert code == 0, output
    assert "4 MCQs (4 with an answer)" in output
    report = (tmp_path / "report.txt").read_text()
    assert "line 7: Notion property/tag line: 'CCP AWS'" in report
    assert "line 29: answer key (moved next to its question): '1. B'" in report
    assert "line 17: lone '-' list terminator: '-'" in report


def test_question_parts_without_a_question_are_kept_and_reported_as_unclassified(tmp_path: Path) -> None:
    code, output = run_import(tmp_path, FIXTURES / "stray-options.txt")
    assert code == 0, output
    assert "0 MCQs" in output and "3 unclassified" in output
    report = (tmp_path / "report.txt").read_text()
    assert "line 5: looks like part of a question, but no question was found: '- A) An option" in report
    assert "line 8: looks like part of a question" in report
    notes = (tmp_path / "notes" / "03-compute" / "summary.md").read_text()
    assert "- A) An option with no question\n- B) Another\n\nCorrect Answer: B\n" in notes


def test_the_summary_counts_modules_as_check_will_course_level_files_included(tmp_path: Path) -> None:
    code, output = run_import(tmp_path, FIXTURES / "module-parts.txt")  # module 6 and a case study
    assert code == 0, output
    assert (
        "Total: 1 numbered module and 1 course-level file (a module of its own, numbered 0, in "
        "`ccpkit check`: 2 modules), 1 table, 0 MCQs (0 with an answer), 1 term bullet"
    ) in output.splitlines()
    checked = CliRunner().invoke(cli, ["check", "--notes", str(tmp_path / "notes")])
    *modules, total, closing = checked.output.splitlines()
    assert [line.split()[0] for line in modules] == ["6", "0"]
    assert total.split()[0] == "total" and closing == "0 errors, 0 warnings"
