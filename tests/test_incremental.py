"""Incremental builds: nothing changed costs nothing; an edit redoes only what reads it."""

from __future__ import annotations

import dataclasses
import os
import pickle
import shutil
from importlib import metadata
from pathlib import Path
from typing import NoReturn

import pytest
from click.testing import CliRunner
from PIL import Image

from ccpkit import digest, stamps
from ccpkit.build import build
from ccpkit.cli import cli
from ccpkit.config import FORMATS
from ccpkit.errors import UsageError
from ccpkit.export import ExportOptions
from ccpkit.export.anki import ANKI
from ccpkit.export.anki.identities import settle_identities
from ccpkit.export.formats import export
from ccpkit.ledger import LEDGER_NAME, LedgerError, load_ledger
from ccpkit.parse import parse_notes
from ccpkit.progress import Progress
from ccpkit.report import BuildReport
from ccpkit.store import FOLDER_NAME as STORE_FOLDER
from ccpkit.store import pickled
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


def build_all(notes: Path, out: Path, at: int = 1_700_000_000) -> BuildReport:
    """Every format, under one title whatever the notes folder is called."""
    return build(
        notes,
        out,
        formats=FORMATS,
        options=ExportOptions(templates=REPO / "templates"),
        title="One title for every folder",
        clock=lambda: at,
    )


def add_to_explanation(notes: Path) -> None:
    with (notes / "09-security" / "practice-questions.md").open("a", encoding="utf-8") as stream:
        stream.write("\nA new paragraph in the explanation.\n")


def test_second_build_of_unchanged_notes_writes_nothing(notes: Path) -> None:
    written, _ = run(notes)
    before = {path: path.read_bytes() for path in written}
    again, unchanged = run(notes)
    assert again == ()
    assert set(unchanged) == {path for path in written if path.parent.name != "notes"}
    assert {path: path.read_bytes() for path in written} == before


def test_an_edit_is_built_in_a_notes_folder_whose_name_starts_with_a_dot(tmp_path: Path) -> None:
    """Dot-files inside the notes are not inputs (the ledger, swap files); the folder's own name is
    the student's to choose."""
    notes = tmp_path / ".notes"
    shutil.copytree(FIXTURE, notes)
    run(notes)
    add_to_explanation(notes)
    written, _ = run(notes)
    assert notes.parent / "build" / "json" / "deck.json" in written


def test_editing_one_module_remakes_only_its_parts_and_what_reads_every_module(notes: Path) -> None:
    first = build_all(notes, notes.parent / "build")
    assert {name.split()[0] for name in first.remade} == {"parse", *FORMATS}
    add_to_explanation(notes)  # a question's explanation: its module, the course and the exam
    again = build_all(notes, notes.parent / "build")
    assert sorted(again.remade) == [
        "anki 09-security",
        "csv 09-security",
        "json 09-security",
        "parse 09-security",
        "pdf 09-security",
        "pdf pdf/course.pdf",
        "pdf pdf/practice-exam.pdf",
    ]
    assert again.reread == {"09-security/practice-questions.md"}


def test_folders_spelled_another_way_take_the_same_kept_work(
    notes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shell and an editor's task may name the notes and templates relatively or absolutely: an edit
    then redoes its module's work only, whichever way the last build named them."""
    monkeypatch.chdir(tmp_path)
    relative = ExportOptions(templates=Path(os.path.relpath(REPO / "templates")))
    build(Path("notes"), Path("build"), formats=("json", "csv"), options=relative)
    add_to_explanation(notes)
    absolute = ExportOptions(templates=(REPO / "templates").resolve())
    again = build(notes.resolve(), (tmp_path / "build").resolve(), formats=("json", "csv"), options=absolute)
    assert "parse 09-security" in again.remade
    assert {name.split()[1] for name in again.remade} == {"09-security"}


def test_a_rebuild_from_the_store_gives_the_bytes_of_a_fresh_build(notes: Path, tmp_path: Path) -> None:
    build_all(notes, tmp_path / "build")
    add_to_explanation(notes)
    shutil.copytree(notes, tmp_path / "fresh")  # the same edited notes and ledger, never built
    kept = build_all(notes, tmp_path / "build", at=1_700_086_400)
    fresh = build_all(tmp_path / "fresh", tmp_path / "fresh-build", at=1_700_086_400)

    assert not any(name.endswith("02-compute") for name in kept.remade)  # 02 came from the store
    assert outputs(tmp_path / "build") == outputs(tmp_path / "fresh-build")
    assert (notes / LEDGER_NAME).read_bytes() == (tmp_path / "fresh" / LEDGER_NAME).read_bytes()
    assert (kept.problems, kept.counts) == (fresh.problems, fresh.counts)


def test_a_module_whose_item_another_module_now_pins_first_is_rebuilt_though_its_files_did_not_change(
    notes: Path, tmp_path: Path
) -> None:
    questions = notes / "09-security" / "practice-questions.md"
    questions.write_text(questions.read_text().replace("### Question 1", "{#rotation}\n### Question 1"))
    build_all(notes, tmp_path / "build")
    with (notes / "02-compute" / "cram-sheet.md").open("a", encoding="utf-8") as stream:
        stream.write("\n{#rotation}\n- **AWS Batch:** Runs batch jobs on managed compute.\n")
    shutil.copytree(notes, tmp_path / "fresh")
    kept = build_all(notes, tmp_path / "build", at=1_700_086_400)
    fresh = build_all(tmp_path / "fresh", tmp_path / "fresh-build", at=1_700_086_400)

    assert "parse 09-security" not in kept.remade and "anki 09-security" in kept.remade
    assert outputs(tmp_path / "build") == outputs(tmp_path / "fresh-build")
    assert (kept.problems, kept.counts) == (fresh.problems, fresh.counts)
    assert any("rotation" in problem.message for problem in kept.problems)


def test_parsed_modules_from_the_store_give_the_deck_and_problems_of_parsing(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    for path, text in {
        "01-a/notes.md": "{#shared}\n- **A:** one\n- **Empty:**\n",
        "02-b/notes.md": "{#shared}\n- **B:** two\n",
    }.items():
        (notes / path).parent.mkdir(parents=True, exist_ok=True)
        (notes / path).write_text(text, encoding="utf-8")
    first = run_report(notes)
    assert len([p for p in first.problems if p.severity == "error"]) == 2  # empty card, id pinned twice
    (notes / "02-b" / "notes.md").write_text("- **B:** two, edited\n", encoding="utf-8")
    edited = run_report(notes)
    assert edited.remade == ("parse 02-b", "json 02-b")
    assert edited.problems == parse_notes(notes).problems
    deck_json = (tmp_path / "build" / "json" / "deck.json").read_text(encoding="utf-8")
    assert '"id": "shared"' in deck_json and '"id": "02-b/card/b"' in deck_json


def run_report(notes: Path) -> BuildReport:
    options = ExportOptions(templates=REPO / "templates")
    return build(notes, notes.parent / "build", formats=("json",), options=options)


def test_a_damaged_store_is_only_slower(notes: Path, tmp_path: Path) -> None:
    build_all(notes, tmp_path / "build")
    before = outputs(tmp_path / "build")
    entries = sorted((tmp_path / "build" / STORE_FOLDER).iterdir())
    for number, entry in enumerate(entries):
        entry.write_bytes([b"", b"not a pickle", entry.read_bytes()[:20]][number % 3])
    add_to_explanation(notes)
    shutil.copytree(notes, tmp_path / "fresh")
    build_all(notes, tmp_path / "build")
    build_all(tmp_path / "fresh", tmp_path / "fresh-build")
    assert outputs(tmp_path / "build") == outputs(tmp_path / "fresh-build") != before


def test_the_store_keeps_only_what_the_last_build_used(notes: Path, tmp_path: Path) -> None:
    build_all(notes, tmp_path / "build")
    store = tmp_path / "build" / STORE_FOLDER
    first = {path.name for path in store.iterdir()}
    add_to_explanation(notes)
    again = build_all(notes, tmp_path / "build")
    now = {path.name for path in store.iterdir()}
    assert len(now) == len(first)  # one entry per target and the ledger as written, old ones forgotten
    assert len(now - first) == len(again.remade) + 1  # the targets made again, and the edited ledger


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
    assert {"pdf pdf/course.pdf", "anki 02-compute", "csv 09-security", "json 02-compute"} <= set(done)
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
    """Every file a build wrote, by path; not its store."""
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in out.rglob("*")
        if path.is_file() and STORE_FOLDER not in path.parts
    }


def test_an_upgraded_rendering_library_remakes_everything(
    notes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = digest._libraries().decode()
    assert f"reportlab-{metadata.version('reportlab')}.dist-info" in installed
    assert f"genanki-{metadata.version('genanki')}.dist-info" in installed
    assert "pypdf-" not in installed  # read by the tests only, it makes no output
    first = run_report(notes)
    assert run_report(notes).remade == ()
    monkeypatch.setattr(digest, "_libraries", lambda: installed.replace("reportlab-", "reportlab-9").encode())
    digest._code.cache_clear()
    try:
        assert run_report(notes).remade == first.remade
    finally:
        monkeypatch.undo()
        digest._code.cache_clear()


def test_an_output_changed_by_hand_is_rebuilt(notes: Path) -> None:
    written, _ = run(notes, "json")
    (deck_json,) = written
    deck_json.write_text("{}", encoding="utf-8")
    again, _ = run(notes, "json")
    assert again == (deck_json,)
    assert deck_json.read_text(encoding="utf-8") != "{}"


def test_the_build_after_a_build_reads_none_of_the_files_it_wrote(
    notes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large course's package and ledger are megabytes: what a build wrote is stamped at once."""
    written, _ = run(notes, "anki", "json")
    assert notes / LEDGER_NAME in written
    read: list[Path] = []
    read_for_real = stamps.file_digest
    monkeypatch.setattr(stamps, "file_digest", lambda path: read.append(Path(path)) or read_for_real(path))
    assert run(notes, "anki", "json") == ((), tuple(p for p in written if p.parent != notes))
    assert not set(written) & set(read)


@pytest.fixture
def stamped_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds stamp the files just written as they stamp notes written long ago (a stamp is kept
    only for a file unchanged for two seconds)."""
    monkeypatch.setattr(stamps, "_FINE_NS", -1_000_000_000)
    monkeypatch.setattr(stamps, "_COARSE_NS", -1_000_000_000)


def rewrite_keeping_size_and_time(path: Path, text: str) -> None:
    status = path.stat()
    assert len(text.encode()) == status.st_size
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))


@pytest.mark.usefixtures("stamped_at_once")
def test_a_note_rewritten_with_its_size_and_time_kept_is_built(notes: Path) -> None:
    (deck_json,), _ = run(notes, "json")
    assert run(notes, "json") == ((), (deck_json,))  # every file stamped now
    note = next((notes / "02-compute").glob("*.md"))
    text = note.read_text(encoding="utf-8")
    assert "EC2" in text
    rewrite_keeping_size_and_time(note, text.replace("EC2", "EC9"))
    assert run(notes, "json")[0] == (deck_json,)
    assert "EC9" in deck_json.read_text(encoding="utf-8")


@pytest.mark.usefixtures("stamped_at_once")
def test_an_output_rewritten_by_hand_with_its_size_and_time_kept_is_rebuilt(notes: Path) -> None:
    (deck_json,), _ = run(notes, "json")
    run(notes, "json")
    built = deck_json.read_text(encoding="utf-8")
    rewrite_keeping_size_and_time(deck_json, " " * len(built.encode()))
    assert run(notes, "json")[0] == (deck_json,)
    assert deck_json.read_text(encoding="utf-8") == built


def test_a_new_empty_module_folder_is_a_new_module(notes: Path) -> None:
    (deck_json,), _ = run(notes, "json")
    (notes / "12-still-empty").mkdir()
    assert run(notes, "json")[0] == (deck_json,)
    assert "Still empty" in deck_json.read_text(encoding="utf-8")


def test_an_edit_inside_a_module_folder_that_is_a_link_is_built(notes: Path, tmp_path: Path) -> None:
    shutil.move(notes / "02-compute", tmp_path / "kept-elsewhere")
    (notes / "02-compute").symlink_to(tmp_path / "kept-elsewhere", target_is_directory=True)
    (deck_json,), _ = run(notes, "json")
    note = next((tmp_path / "kept-elsewhere").glob("*.md"))
    note.write_text(note.read_text(encoding="utf-8").replace("EC2", "EC9"), encoding="utf-8")
    assert run(notes, "json")[0] == (deck_json,)
    assert "EC9" in deck_json.read_text(encoding="utf-8")


def test_renaming_the_notes_folder_renames_a_course_with_no_title_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built as ``--notes .`` from inside it, the folder's name is nowhere in the notes' paths."""
    out, options = tmp_path / "build", ExportOptions(templates=REPO / "templates")
    shutil.copytree(FIXTURE, tmp_path / "first-name")
    monkeypatch.chdir(tmp_path / "first-name")
    build(Path("."), out, formats=("json",), options=options)
    (tmp_path / "first-name").rename(tmp_path / "second-name")
    monkeypatch.chdir(tmp_path / "second-name")
    report = build(Path("."), out, formats=("json",), options=options)
    assert report.written == (out / "json" / "deck.json",)
    assert "Second name" in report.written[0].read_text(encoding="utf-8")


def test_a_template_change_remakes_the_parts(notes: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    options = ExportOptions(templates=templates)
    out = tmp_path / "build"
    build(notes, out, formats=("json",), options=options)
    (templates / "pdf" / "style.toml").write_text(
        (templates / "pdf" / "style.toml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    assert build(notes, out, formats=("json",), options=options).remade != ()


def test_a_removed_modules_outputs_are_deleted(notes: Path) -> None:
    written, _ = run(notes, "pdf")
    compute = next(path for path in written if path.name == "02-compute.pdf")
    shutil.rmtree(notes / "02-compute")
    run(notes, "pdf")
    assert not compute.exists()
    assert (compute.parent / "course.pdf").exists()


def test_a_damaged_record_means_a_build_that_checks_every_output(notes: Path) -> None:
    written, _ = run(notes, "json")
    before = {path: path.read_bytes() for path in written}
    for entry in (notes.parent / "build" / STORE_FOLDER).iterdir():  # the last build's record among them
        entry.write_text("[not, a pickle", encoding="utf-8")
    again, unchanged = run(notes, "json")
    assert again == () and {path: path.read_bytes() for path in unchanged} == before
    heard = Heard()  # recorded anew: the next build has nothing to do, not even a step to announce
    build(
        notes,
        notes.parent / "build",
        formats=("json",),
        options=ExportOptions(templates=REPO / "templates"),
        progress=heard,
    )
    assert heard.events == [("finish", None)]


def test_module_filter_keeps_only_those_modules(notes: Path) -> None:
    written, _ = run(notes, "json", modules=(9,))
    assert '"02-compute' not in written[0].read_text(encoding="utf-8")
    with pytest.raises(UsageError, match="no module numbered 4"):
        run(notes, "json", modules=(4,))


def test_a_build_of_one_module_leaves_the_other_modules_sheets_and_a_full_build_restores_the_rest(
    notes: Path,
) -> None:
    full, _ = run(notes, "pdf")
    sheets = {path.name for path in full if path.name.startswith("0")}
    assert sheets == {"02-compute.pdf"}  # module 9 holds questions only: no cram sheet
    course = notes.parent / "build" / "pdf" / "course.pdf"
    whole = course.read_bytes()
    run(notes, "pdf", modules=(9,))
    assert (notes.parent / "build" / "pdf" / "02-compute.pdf").exists()
    assert course.read_bytes() != whole  # the course of module 9 alone, as asked
    again, _ = run(notes, "pdf")
    assert course in again and course.read_bytes() == whole
    _, up_to_date = run(notes, "pdf")
    assert {path.name for path in up_to_date} >= sheets


def no_more_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object, **_kwargs: object) -> NoReturn:
        raise AssertionError("the notes were read again")

    monkeypatch.setattr("ccpkit.parse.read_sources", fail)


def test_a_build_of_some_modules_does_nothing_again_though_another_modules_sheet_was_deleted(
    notes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(notes, "pdf")
    (notes.parent / "build" / "pdf" / "02-compute.pdf").unlink()
    run(notes, "pdf", modules=(9,))
    no_more_reading(monkeypatch)
    assert run(notes, "pdf", modules=(9,))[0] == ()


def test_a_build_of_some_formats_does_nothing_again_though_another_formats_file_was_deleted(
    notes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(notes, "csv")
    next((notes.parent / "build" / "csv").rglob("*.csv")).unlink()
    run(notes, "json")
    no_more_reading(monkeypatch)
    assert run(notes, "json") == ((), (notes.parent / "build" / "json" / "deck.json",))


def test_cli_exits_1_when_notes_hold_errors_and_still_builds_the_rest(notes: Path) -> None:
    with (notes / "09-security" / "practice-questions.md").open("a", encoding="utf-8") as stream:
        stream.write("\n### Question 2\n\nWhich has no answer?\n\n- A) This\n- B) That\n")
    out = notes.parent / "build"
    args = ["build", "--notes", str(notes), "--out", str(out), "--format", "json"]
    result = CliRunner().invoke(cli, [*args, "--templates", str(REPO / "templates")])
    assert result.exit_code == 1
    assert "09-security/practice-questions.md:" in result.output
    assert "1 error: what it names is left out of the outputs, see above" in result.output
    assert "rotates database credentials" in (out / "json" / "deck.json").read_text(encoding="utf-8")


def test_a_small_anki_build_starts_no_helper_process(notes: Path) -> None:
    forks: list[int] = []
    os.register_at_fork(after_in_parent=lambda: forks.append(os.getpid()))
    run(notes, "anki", "csv")
    assert forks == []
    run(notes, "pdf")  # a build with pages to lay out does start them
    assert forks


def large_course(notes: Path, modules: int = 8, cards: int = 160) -> Path:
    """The fixture's modules, and more of them each with many more term cards: work worth sharing."""
    shutil.copytree(FIXTURE, notes)
    for number in range(20, 20 + modules):
        folder = notes / f"{number}-topic-{number}"
        folder.mkdir()
        lines = [f"---\nmodule_title: Topic {number}\n---\n", "# Cram Sheet\n", "## Terms\n"]
        lines += [f"- **Term {number}.{n}:** What *term {n}* of topic {number} does." for n in range(cards)]
        (folder / "cram-sheet.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return notes


def test_a_large_course_made_on_helpers_has_the_bytes_of_one_process_making_it(tmp_path: Path) -> None:
    notes, out = large_course(tmp_path / "notes"), tmp_path / "build"
    forks: list[int] = []
    os.register_at_fork(after_in_parent=lambda: forks.append(os.getpid()))
    options = ExportOptions(templates=REPO / "templates")
    build(notes, out, formats=("anki", "csv", "json"), options=options, clock=lambda: 1_700_000_000)
    assert forks  # the helpers took some of the work

    deck = parse_notes(notes).deck
    ledger = load_ledger(notes / LEDGER_NAME)
    _, settled = settle_identities(ledger, deck, ANKI.read(options), now=1_700_000_000, in_error=())
    for name in ("anki", "csv", "json"):
        for output in export(name, deck, settled).outputs:
            assert (out / output.path).read_bytes() == output.data, output.path


def build_anki(notes: Path, out: Path, at: int) -> BuildReport:
    return build(
        notes,
        out,
        formats=("anki",),
        options=ExportOptions(templates=REPO / "templates"),
        title="One title for every folder",
        clock=lambda: at,
    )


def ledger_line(notes: Path, note_id: str) -> str:
    text = (notes / LEDGER_NAME).read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith(f'{{"id": "{note_id}"'))


def test_cards_moved_and_reworded_between_builds_from_the_store_keep_their_identities(
    notes: Path, tmp_path: Path
) -> None:
    build_anki(notes, tmp_path / "build", at=1_700_000_000)
    lambda_guid = ledger_line(notes, "02-compute/card/aws-lambda").split('"guid": ')[1].split(",")[0]
    ec2_guid = ledger_line(notes, "02-compute/card/amazon-ec2").split('"guid": ')[1].split(",")[0]
    cram = notes / "02-compute" / "cram-sheet.md"
    moved = "- **AWS Lambda:** Runs code without servers; pay per request.\n"
    text = cram.read_text(encoding="utf-8").replace(moved, "")
    cram.write_text(text.replace("Resizable virtual servers", "Resizable virtual machines"), encoding="utf-8")
    questions = notes / "09-security" / "practice-questions.md"
    questions.write_text(f"{moved}\n{questions.read_text(encoding='utf-8')}", encoding="utf-8")
    shutil.copytree(notes, tmp_path / "fresh")  # the same edited notes and ledger, never built

    build_anki(notes, tmp_path / "build", at=1_700_086_400)
    build_anki(tmp_path / "fresh", tmp_path / "fresh-build", at=1_700_086_400)

    assert outputs(tmp_path / "build") == outputs(tmp_path / "fresh-build")
    assert (notes / LEDGER_NAME).read_bytes() == (tmp_path / "fresh" / LEDGER_NAME).read_bytes()
    assert f'"guid": {lambda_guid},' in ledger_line(notes, "09-security/card/aws-lambda")  # moved
    reworded = ledger_line(notes, "02-compute/card/amazon-ec2")
    assert f'"guid": {ec2_guid},' in reworded and '"modified": 1700086400' in reworded


def test_a_ledger_changed_since_the_last_build_is_read_from_its_file(notes: Path, tmp_path: Path) -> None:
    build_anki(notes, tmp_path / "build", at=1_700_000_000)
    ledger = notes / LEDGER_NAME  # as another computer's ledger arrives with `git pull`
    line = ledger_line(notes, "02-compute/card/amazon-ec2")
    old_guid = line.split('"guid": ')[1].split(",")[0]
    ledger.write_text(
        ledger.read_text(encoding="utf-8").replace(line, line.replace(old_guid, '"from-the-other-clone"')),
        encoding="utf-8",
    )
    shutil.copytree(notes, tmp_path / "fresh")

    build_anki(notes, tmp_path / "build", at=1_700_086_400)
    build_anki(tmp_path / "fresh", tmp_path / "fresh-build", at=1_700_086_400)

    assert '"guid": "from-the-other-clone"' in ledger_line(notes, "02-compute/card/amazon-ec2")
    assert outputs(tmp_path / "build") == outputs(tmp_path / "fresh-build")
    assert ledger.read_bytes() == (tmp_path / "fresh" / LEDGER_NAME).read_bytes()


def test_a_ledger_changed_during_a_build_lends_it_no_line(
    notes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unchanged notes' lines are read back from the ledger's file at the end of a build: one
    changed meanwhile (its stamp tells) lends none, and every line is written from the notes."""
    import ccpkit.build

    build_anki(notes, tmp_path / "build", at=1_700_000_000)
    shutil.copytree(notes, tmp_path / "fresh")
    ledger = notes / LEDGER_NAME
    line = ledger_line(notes, "02-compute/card/amazon-ec2")
    made = ccpkit.build._make

    def make_and_meddle(*args: object) -> object:
        done = made(*args)  # type: ignore[arg-type]
        ledger.write_text(ledger.read_text(encoding="utf-8").replace(line, line.replace("EC2", "EC3")))
        return done

    monkeypatch.setattr(ccpkit.build, "_make", make_and_meddle)
    add_to_explanation(notes)
    add_to_explanation(tmp_path / "fresh")
    build_anki(notes, tmp_path / "build", at=1_700_086_400)
    monkeypatch.undo()
    build_anki(tmp_path / "fresh", tmp_path / "fresh-build", at=1_700_086_400)

    assert ledger_line(notes, "02-compute/card/amazon-ec2") == line
    assert ledger.read_bytes() == (tmp_path / "fresh" / LEDGER_NAME).read_bytes()


def test_a_cloze_notes_numbers_are_recorded_from_a_part_the_store_kept(tmp_path: Path) -> None:
    """A part from the store (or made on a helper) is a copy: the ledger must read its cloze numbers as
    from a part made here, or a part removed later would hand its card's history to the next one."""
    notes, out = tmp_path / "notes", tmp_path / "build"
    (notes / "01-compute").mkdir(parents=True)
    (notes / "01-compute" / "cram-sheet.md").write_text(
        "# Cram Sheet\n\nLambda runs for at most {{c1::15 minutes}} and uses up to {{c2::10 GB}}.\n",
        encoding="utf-8",
    )
    build_anki(notes, out, at=1_700_000_000)
    cloze = "01-compute/cloze/lambda-runs-for-at-most-15-minutes-and-uses-up-to-10-gb"
    first = ledger_line(notes, cloze)
    assert '"clozes": ["15 minutes", "10 GB"]' in first
    (notes / LEDGER_NAME).unlink()  # the next build settles a new ledger from the kept part
    again = build_anki(notes, out, at=1_700_000_000)
    assert not any(name.endswith("01-compute") for name in again.remade)
    assert ledger_line(notes, cloze) == first


def test_a_picture_renamed_with_its_bytes_unchanged_renames_its_row_in_a_rebuild_from_the_store(
    notes: Path, tmp_path: Path
) -> None:
    """A row labelled by a picture alone is known by the picture's file name (not its bytes): a rebuild
    from the store names it as a fresh build does, and writes the same ledger."""
    module = next(path for path in sorted(notes.iterdir()) if path.is_dir())
    (module / "img").mkdir()
    Image.new("RGB", (8, 8), (0, 35, 149)).save(module / "img" / "fr.png")
    flags = "# Flags\n\n| Flag | Capital |\n| --- | --- |\n| ![](img/fr.png) | Paris |\n"
    (module / "flags.md").write_text(flags, encoding="utf-8")
    build_all(notes, tmp_path / "build")
    (module / "img" / "fr.png").rename(module / "img" / "france.png")
    (module / "flags.md").write_text(flags.replace("fr.png", "france.png"), encoding="utf-8")
    shutil.copytree(notes, tmp_path / "fresh")
    build_all(notes, tmp_path / "build", at=1_700_086_400)
    build_all(tmp_path / "fresh", tmp_path / "fresh-build", at=1_700_086_400)

    assert "/table/flags/france" in (notes / LEDGER_NAME).read_text(encoding="utf-8")
    assert (notes / LEDGER_NAME).read_bytes() == (tmp_path / "fresh" / LEDGER_NAME).read_bytes()
    assert outputs(tmp_path / "build") == outputs(tmp_path / "fresh-build")


PICTURED = (
    "# Cram Sheet\n\n## Buckets\n\nA bucket looks like this: ![bucket](bucket.png)\n\n"
    "- **Bucket:** a container of objects.\n"
)


def json_build(notes: Path, out: Path) -> BuildReport:
    return build(notes, out, formats=("json",), options=ExportOptions(templates=REPO / "templates"))


def write_notes(notes: Path) -> None:
    for path, text in {
        "01-storage/cram-sheet.md": PICTURED,
        "02-compute/cram-sheet.md": "- **EC2:** Virtual servers.\n",
    }.items():
        (notes / path).parent.mkdir(parents=True, exist_ok=True)
        (notes / path).write_text(text, encoding="utf-8")


def test_findings_whose_filed_passages_are_damaged_are_parsed_again(tmp_path: Path) -> None:
    notes, out = tmp_path / "notes", tmp_path / "out"
    write_notes(notes)
    json_build(notes, out)
    for entry in (out / STORE_FOLDER).glob("*.pickle"):
        value = pickle.loads(entry.read_bytes())
        if isinstance(getattr(value, "passages", None), bytes):  # a module's findings as filed
            entry.write_bytes(pickled(dataclasses.replace(value, passages=b"not a pickle")))
    (notes / "02-compute" / "cram-sheet.md").write_text("- **EC2:** Servers.\n", encoding="utf-8")

    report = json_build(notes, out)

    assert set(report.remade) >= {"parse 01-storage", "parse 02-compute"}
    assert "01-storage/cram-sheet.md:5: picture bucket.png does not exist" in report.summary()
    fresh = json_build(notes, tmp_path / "fresh")
    assert (out / "json" / "deck.json").read_bytes() == (
        tmp_path / "fresh" / "json" / "deck.json"
    ).read_bytes()
    assert report.problems == fresh.problems


def test_a_rebuild_from_the_store_reports_the_pictures_of_the_prose_it_does_not_print(tmp_path: Path) -> None:
    notes, out = tmp_path / "notes", tmp_path / "out"
    write_notes(notes)
    first = json_build(notes, out)
    (notes / "02-compute" / "cram-sheet.md").write_text("- **EC2:** Servers.\n", encoding="utf-8")

    again = json_build(notes, out)

    assert "parse 01-storage" not in again.remade
    assert "01-storage/cram-sheet.md:5: picture bucket.png does not exist" in again.summary()
    assert [p for p in again.problems if "bucket" in p.message] == [
        p for p in first.problems if "bucket" in p.message
    ]


def test_a_rebuild_from_the_store_still_warns_of_an_unchanged_modules_set_to_recall(notes: Path) -> None:
    with (notes / "02-compute" / "cram-sheet.md").open("a", encoding="utf-8") as stream:
        stream.write("\n- **Types of rock:** igneous, sedimentary and metamorphic\n")
    first = run_anki(notes)
    add_to_explanation(notes)

    again = run_anki(notes)

    assert "anki 02-compute" not in again.remade
    warned = [p for p in again.problems if "02-compute" in p.location.path and "set" in p.message]
    assert len(warned) == 1
    assert warned == [p for p in first.problems if p in warned]


def run_anki(notes: Path) -> BuildReport:
    return build(
        notes, notes.parent / "build", formats=("anki",), options=ExportOptions(templates=REPO / "templates")
    )
