"""Incremental builds: nothing changed costs nothing; an edit redoes only what reads it."""

from __future__ import annotations

import os
import shutil
from functools import partial
from importlib import metadata
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

from ccpkit import incremental
from ccpkit.build import build
from ccpkit.cli import cli
from ccpkit.errors import UsageError
from ccpkit.export import EXPORTERS, Exported, ExportOptions, Output, Unit, inputs_digest
from ccpkit.incremental import MANIFEST_NAME
from ccpkit.ledger import LEDGER_NAME, LedgerError
from ccpkit.memo import FOLDER_NAME as MEMO_FOLDER
from ccpkit.model import Deck
from ccpkit.progress import Progress
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


def test_a_rebuild_that_reuses_the_memo_gives_the_bytes_of_a_fresh_build(notes: Path, tmp_path: Path) -> None:
    everything = {
        "formats": tuple(EXPORTERS),
        "options": ExportOptions(templates=REPO / "templates"),
        "title": "One title for both folders",
    }
    build(notes, tmp_path / "build", clock=lambda: 1_700_000_000, **everything)  # type: ignore[arg-type]
    memo = tmp_path / "build" / MEMO_FOLDER
    kept = {path: path.stat().st_mtime_ns for path in memo.rglob("*.pickle")}
    with (notes / "09-security" / "practice-questions.md").open("a", encoding="utf-8") as stream:
        stream.write("\nA new paragraph in the explanation.\n")
    shutil.copytree(notes, tmp_path / "fresh")  # the same edited notes and ledger, never built

    for folder, out in ((notes, "build"), (tmp_path / "fresh", "fresh-build")):
        build(folder, tmp_path / out, clock=lambda: 1_700_086_400, **everything)  # type: ignore[arg-type]

    assert outputs(tmp_path / "build") == outputs(tmp_path / "fresh-build")
    assert (notes / LEDGER_NAME).read_bytes() == (tmp_path / "fresh" / LEDGER_NAME).read_bytes()
    groups = {path.parent.name for path in kept}
    assert groups == {"parse", "anki", "spreadsheet"}
    untouched = {path for path in kept if path.stat().st_mtime_ns == kept[path]}
    assert {path.name for path in untouched} == {"02-compute.pickle"}  # 02 came from the memo
    assert len(untouched) == len(groups)


class Heard(Progress):
    """A progress listener that keeps what it hears."""

    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def step(self, message: str) -> None:
        self.events.append(("step", message))

    def planned(self, count: int) -> None:
        self.events.append(("planned", count))

    def done(self, name: str) -> None:
        self.events.append(("done", name))

    def finish(self) -> None:
        self.events.append(("finish", None))


def test_progress_hears_every_redone_unit_once_then_the_end(notes: Path) -> None:
    heard = Heard()
    build(notes, notes.parent / "build", options=ExportOptions(templates=REPO / "templates"), progress=heard)
    done = [name for kind, name in heard.events if kind == "done"]
    assert sum(count for kind, count in heard.events if kind == "planned") == len(done) == len(set(done))
    assert {"pdf:pdf/course.pdf", "anki:anki", "csv:csv", "json:json"} <= set(done)
    assert heard.events[0] == ("step", "parsing notes") and heard.events[-1] == ("finish", None)


def test_progress_hears_the_end_of_a_failed_build_too(notes: Path) -> None:
    (notes / LEDGER_NAME).write_text("[not a ledger", encoding="utf-8")
    heard = Heard()
    with pytest.raises(LedgerError):
        build(
            notes, notes.parent / "build", options=ExportOptions(templates=REPO / "templates"), progress=heard
        )
    assert heard.events == [("finish", None)]


def outputs(out: Path) -> dict[str, bytes]:
    """Every file a build wrote, by path; not its manifest (which names the folder) or its memo."""
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in out.rglob("*")
        if path.is_file() and path.name != MANIFEST_NAME and MEMO_FOLDER not in path.parts
    }


def test_an_upgraded_rendering_library_rebuilds_everything(
    notes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = incremental._libraries().decode()
    assert f"reportlab-{metadata.version('reportlab')}.dist-info" in installed
    assert f"pypdf-{metadata.version('pypdf')}.dist-info" in installed
    written, _ = run(notes, "json")
    monkeypatch.setattr(
        incremental, "_libraries", lambda: installed.replace("reportlab-", "reportlab-9").encode()
    )
    incremental._code.cache_clear()
    try:
        assert run(notes, "json")[0] == written
    finally:
        monkeypatch.undo()
        incremental._code.cache_clear()


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


def test_an_anki_build_starts_no_helper_process(notes: Path) -> None:
    forks: list[int] = []
    os.register_at_fork(after_in_parent=lambda: forks.append(os.getpid()))
    run(notes, "anki", "csv")
    assert forks == []
    run(notes, "pdf")  # a build with pages to lay out does start them
    assert forks
