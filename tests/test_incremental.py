"""Incremental builds: nothing changed costs nothing; an edit redoes only what reads it."""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

from ccpkit.build import build
from ccpkit.cli import cli
from ccpkit.errors import UsageError
from ccpkit.export import Exported, ExportOptions, Output, Unit, inputs_digest
from ccpkit.incremental import MANIFEST_NAME
from ccpkit.model import Deck
from tests.conftest import REPO

FIXTURE = Path(__file__).parent / "fixtures" / "notes"


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "notes")
    return tmp_path / "notes"


def run(notes: Path, *formats: str, **kwargs: object) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    report = build(
        notes,
        notes.parent / "build",
        formats=formats or ("json", "csv"),
        options=ExportOptions(templates=REPO / "templates"),
        **kwargs,  # type: ignore[arg-type]
    )
    return report.written, report.unchanged


def per_module(_name: str, deck: Deck, _options: ExportOptions) -> tuple[Unit, ...]:
    """A stand-in exporter split into one unit per module, each writing ``fake/<module>.txt``."""
    return tuple(
        Unit(module.slug, inputs_digest(module), partial(one_file, module.slug)) for module in deck.modules
    )


def one_file(slug: str) -> Exported:
    return Exported((Output(PurePosixPath(f"fake/{slug}.txt"), slug.encode()),))


def test_second_build_of_unchanged_notes_writes_nothing(notes: Path) -> None:
    written, _ = run(notes)
    before = {path: path.read_bytes() for path in written}
    again, unchanged = run(notes)
    assert again == ()
    assert set(unchanged) == {path for path in written if path.parent.name != "notes"}
    assert {path: path.read_bytes() for path in written} == before


def test_editing_one_module_redoes_only_its_units(notes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ccpkit.build.units", per_module)
    written, _ = run(notes, "pdf")
    assert sorted(path.name for path in written) == ["02-compute.txt", "09-security.txt"]
    with (notes / "09-security" / "practice-questions.md").open("a", encoding="utf-8") as stream:
        stream.write("\nA new paragraph in the explanation.\n")
    written, unchanged = run(notes, "pdf")
    assert [path.name for path in written] == ["09-security.txt"]
    assert [path.name for path in unchanged] == ["02-compute.txt"]


def test_an_output_changed_by_hand_is_rebuilt(notes: Path) -> None:
    written, _ = run(notes, "json")
    (deck_json,) = written
    deck_json.write_text("{}", encoding="utf-8")
    again, _ = run(notes, "json")
    assert again == (deck_json,)
    assert deck_json.read_text(encoding="utf-8") != "{}"


def test_a_template_change_rebuilds(notes: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    options = ExportOptions(templates=templates)
    out = tmp_path / "build"
    build(notes, out, formats=("json",), options=options)
    (templates / "pdf" / "style.toml").write_text(
        (templates / "pdf" / "style.toml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    assert build(notes, out, formats=("json",), options=options).written != ()


def test_a_removed_modules_outputs_are_deleted(notes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ccpkit.build.units", per_module)
    written, _ = run(notes, "pdf")
    security = next(path for path in written if path.name == "09-security.txt")
    shutil.rmtree(notes / "09-security")
    run(notes, "pdf")
    assert not security.exists()
    assert (security.parent / "02-compute.txt").exists()


def test_a_damaged_manifest_means_a_full_rebuild(notes: Path) -> None:
    written, _ = run(notes, "json")
    (notes.parent / "build" / MANIFEST_NAME).write_text("[not, a manifest", encoding="utf-8")
    assert run(notes, "json")[0] == written


def test_module_filter_keeps_only_those_modules(notes: Path) -> None:
    written, _ = run(notes, "json", modules=(9,))
    assert '"02-compute' not in written[0].read_text(encoding="utf-8")
    with pytest.raises(UsageError, match="no module numbered 4"):
        run(notes, "json", modules=(4,))


def test_cli_exits_1_when_notes_hold_errors_and_still_builds_the_rest(notes: Path) -> None:
    with (notes / "09-security" / "practice-questions.md").open("a", encoding="utf-8") as stream:
        stream.write("\n### Question 2\n\nWhich has no answer?\n\n- A) This\n- B) That\n")
    out = notes.parent / "build"
    args = ["build", "--notes", str(notes), "--out", str(out), "--format", "json"]
    result = CliRunner().invoke(cli, [*args, "--templates", str(REPO / "templates")])
    assert result.exit_code == 1
    assert "09-security/practice-questions.md:" in result.output
    assert "1 item skipped, see above" in result.output
    assert "rotates database credentials" in (out / "json" / "deck.json").read_text(encoding="utf-8")
