"""``ccpkit check`` and ``ccpkit dump --json`` on small notes folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ccpkit.cli import cli

CLEAN = """---
module_title: Compute in the Cloud
---

# Cram Sheet

- **EC2:** Virtual servers.

| Option | Best for |
|---|---|
| Spot | Interruptible jobs |

### Question 1

Which option is cheapest for interruptible jobs?

- A) On-Demand
- B) Spot

**Answer:** B
"""
BROKEN = """# Practice

### Question 1

Which service is serverless?

- A) EC2
- B) Lambda
"""
MERGED = "# Summary\n\n- **EC2:** Servers you rent.\n"


def notes(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_check_prints_counts_per_module_and_exits_0_when_clean(tmp_path: Path) -> None:
    folder = notes(tmp_path, {"02-compute/cram-sheet.md": CLEAN})
    code, output = run("check", "--notes", str(folder))
    assert code == 0
    lines = output.splitlines()
    counts = ["1", "card", "1", "table", "1", "MCQ"]
    assert lines[0].split() == ["2", "Compute", "in", "the", "Cloud", *counts]
    assert lines[1].split() == ["total", *counts]
    assert lines[2:] == ["0 errors, 0 warnings"]


def test_check_prints_each_error_as_path_line_message_and_exits_1(tmp_path: Path) -> None:
    folder = notes(tmp_path, {"02-compute/cram-sheet.md": CLEAN, "02-compute/practice.md": BROKEN})
    code, output = run("check", "--notes", str(folder))
    assert code == 1
    assert output.splitlines()[-2:] == [
        "02-compute/practice.md:3: question has no answer: add `**Answer:** X` after its options "
        "(or tick its checkbox)",
        "1 error, 0 warnings",
    ]


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    folder = notes(tmp_path, {"02-compute/cram-sheet.md": CLEAN, "02-compute/summary.md": MERGED})
    code, output = run("check", "--notes", str(folder))
    assert code == 0
    assert "02-compute/summary.md:3: warning: merged duplicate term 'EC2'" in output
    strict_code, strict_output = run("check", "--notes", str(folder), "--strict")
    assert strict_code == 1
    assert strict_output.splitlines()[-1] == "0 errors, 1 warning"  # what --strict failed on


def test_check_finds_a_damaged_ledger_that_would_stop_the_build(tmp_path: Path) -> None:
    folder = notes(tmp_path, {"02-compute/cram-sheet.md": CLEAN})
    assert run("build", "--notes", str(folder), "--out", str(tmp_path.parent / "out"), "-q")[0] == 0
    ledger = folder / ".ccpkit-ledger.json"
    lines = ledger.read_text(encoding="utf-8").splitlines()
    ledger.write_text("\n".join([*lines[:-1], lines[-1][:-1]]) + "\n", encoding="utf-8")  # no closing }
    code, output = run("check", "--notes", str(folder))
    assert code == 1
    assert f".ccpkit-ledger.json: line {len(lines)}: not valid JSON" in output
    assert "Restore it from git" in output and "Traceback" not in output
    assert output.splitlines()[-1] == "1 error, 0 warnings"


def test_check_on_a_missing_folder_is_a_usage_error_without_traceback(tmp_path: Path) -> None:
    code, output = run("check", "--notes", str(tmp_path / "nowhere"))
    assert code == 2
    assert "does not exist" in output
    assert "Traceback" not in output


def test_dump_json_prints_the_model(tmp_path: Path) -> None:
    folder = notes(tmp_path, {"02-compute/cram-sheet.md": CLEAN})
    code, output = run("dump", "--notes", str(folder), "--json")
    assert code == 0
    document = json.loads(output)
    assert [card["front"] for card in document["cards"]] == ["EC2"]
    assert document["mcqs"][0]["answers"] == ["B"]
    assert document["mcqs"][0]["source"] == "02-compute/cram-sheet.md:13"
    assert document["tables"][0]["rows"] == [["Spot", "Interruptible jobs"]]


def test_check_warns_where_a_modules_files_disagree_on_its_title(tmp_path: Path) -> None:
    """A file moved in from module 03 still names module 03's title; sorting first, it would retitle 02."""
    moved = (
        "---\nmodule: 3\nmodule_title: Storage in the Cloud\n---\n\n# Aside\n\n- **EBS:** Block storage.\n"
    )
    folder = notes(tmp_path, {"02-compute/a-moved-in.md": moved, "02-compute/cram-sheet.md": CLEAN})
    code, output = run("check", "--notes", str(folder))
    assert code == 0
    assert (
        "02-compute/cram-sheet.md:2: warning: module_title 'Compute in the Cloud' disagrees with "
        "'Storage in the Cloud' at 02-compute/a-moved-in.md:3, which titles this module"
    ) in output
    assert run("check", "--strict", "--notes", str(folder))[0] == 1


def test_check_is_quiet_when_a_modules_files_agree_on_its_title(tmp_path: Path) -> None:
    folder = notes(tmp_path, {"02-compute/a.md": CLEAN, "02-compute/b.md": CLEAN.replace("EC2", "ECS")})
    assert "module_title" not in run("check", "--notes", str(folder))[1]


CLOZES = "# Cram Sheet\n\n{{c1::S3}} stores {{c2::objects::what?}}.\n\n==EBS== is block storage.\n"
BROKEN_CLOZES = "# Cram Sheet\n\nFine line\nthen {{c1::S3 stores objects.\n\nAn {{c1::}} cloze.\n"


def test_check_counts_clozes_and_the_switch_in_ccpkit_toml_turns_highlights_off(tmp_path: Path) -> None:
    folder = notes(tmp_path / "notes", {"01-storage/cram-sheet.md": CLOZES})
    code, output = run("check", "--notes", str(folder))
    assert code == 0
    assert output.splitlines()[-2].split() == [
        "total",
        "0",
        "cards",
        "0",
        "tables",
        "0",
        "MCQs",
        "2",
        "clozes",
    ]
    config = tmp_path / "ccpkit.toml"
    config.write_text("[notes]\nhighlight_clozes = false\n", encoding="utf-8")
    code, output = run("--config", str(config), "check", "--notes", str(folder))
    assert output.splitlines()[-2].split()[-2:] == ["1", "cloze"]


def test_check_names_the_line_of_an_unclosed_or_empty_cloze_and_exits_1(tmp_path: Path) -> None:
    folder = notes(tmp_path, {"01-storage/cram-sheet.md": BROKEN_CLOZES})
    code, output = run("check", "--notes", str(folder))
    assert code == 1
    assert output.splitlines()[-3:] == [
        "01-storage/cram-sheet.md:4: cloze '{{c1::' is never closed: end it with '}}' (like {{c1::S3}})",
        "01-storage/cram-sheet.md:6: cloze '{{c1::}}' hides nothing: write the answer after '::' or "
        "remove the marker",
        "2 errors, 0 warnings",
    ]


def test_check_finds_the_templates_a_build_would_refuse(tmp_path: Path) -> None:
    """A pre-commit `ccpkit check --strict` green on a build that stops would be no check at all."""
    folder = notes(tmp_path / "notes", {"02-compute/cram-sheet.md": CLEAN})
    templates = notes(
        tmp_path / "templates",
        {"anki/term.front.html": "<div>{{Trem}}</div>\n", "pdf/style.toml": '[colours]\nband = "navy"\n'},
    )
    code, output = run("check", "--notes", str(folder), "--templates", str(templates))
    assert code == 1
    assert f"error: {templates / 'anki' / 'term.front.html'}:1: no field 'Trem'" in output
    assert f"error: {templates / 'pdf' / 'style.toml'}:2:" in output
    assert output.splitlines()[-1] == "2 errors, 0 warnings"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"pdf/style.toml": '[fonts]\nregular = "NoSuchFont.ttf"\n'},
            "style.toml:2: font file 'NoSuchFont.ttf'",
        ),
        (
            {"pdf/style.toml": '[fonts]\nregular = "bad.ttf"\n', "pdf/bad.ttf": "not a font\n"},
            "bad.ttf: not a usable TrueType font",
        ),
        (
            {"pdf/style.toml": "[cram]\ncolumns = 40\n"},
            "style.toml:2: 40 columns of cram pages are 2.4 mm wide",
        ),
        (
            {"pdf/style.toml": "[page]\nmargin_mm = 200\n"},
            "style.toml:2: the margins leave 0.0 mm for the text",
        ),
    ],
)
def test_check_finds_the_fonts_and_page_sizes_a_build_would_refuse(
    tmp_path: Path, files: dict[str, str], message: str
) -> None:
    """Found before any page is laid out, with the build's own words: a font that is missing or no
    font, columns too narrow for a table, margins that leave no room."""
    folder = notes(tmp_path / "notes", {"02-compute/cram-sheet.md": CLEAN})
    templates = notes(tmp_path / "templates", files)
    code, output = run("check", "--notes", str(folder), "--templates", str(templates))
    assert code == 1
    error = next(line for line in output.splitlines() if line.startswith("error: "))
    assert message in error
    assert output.splitlines()[-1] == "1 error, 0 warnings"
    out = str(tmp_path / "out")
    built = run(
        "build", "--notes", str(folder), "--templates", str(templates), "--out", out, "-q", "--format", "pdf"
    )
    assert built[0] == 2
    assert error in built[1].splitlines()
