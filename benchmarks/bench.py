"""Benchmark: medians of repeated runs, as ratios against a baseline measured in the same run.

Run from the repo root: ``.venv/bin/python benchmarks/bench.py [--runs 5] [--against REF]``. Every
scenario runs as a fresh process (interpreter start-up included), on a copy of the notes in a temporary
folder, so the repository's own build/ and ledger are never touched. The scenarios take turns, one run
of each per round, so a shared machine's slow spells weigh on all of them alike.

``--against REF`` (a commit, default ``HEAD~1``) also runs the build scenarios with ccpkit as it was at
that commit, taking turns with this one, and says whether both versions' outputs are byte-identical.

With ``--against-ankdown [--cards 1000 10000]`` it instead compares ccpkit's Anki-only build with
ankdown's on generated term cards (``versus_ankdown.py``, ``corpus.py``).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import versus_ankdown

REPO = Path(__file__).resolve().parent.parent
CCPKIT = [sys.executable, "-m", "ccpkit"]
RAW_EXPORT = REPO / "tests" / "data" / "aws-ccp-notes-export.txt"


def run(command: list[str], cwd: Path, code: Path = REPO) -> None:
    """Run ``command`` with the ccpkit found in ``code`` (this checkout, or an earlier commit's files)."""
    environment = {**os.environ, "PYTHONPATH": str(code)}
    subprocess.run(
        command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment
    )


def median_seconds(runs: int, setup: Callable[[], None], action: Callable[[], None]) -> float:
    return interleaved_medians(runs, {"": (setup, action)})[""]


def interleaved_medians(
    runs: int, scenarios: dict[str, tuple[Callable[[], None], Callable[[], None]]]
) -> dict[str, float]:
    """Median seconds of each scenario's action (after its untimed setup), taking the scenarios in
    turn round after round, so a machine that slows down for a while slows every scenario alike."""
    times: dict[str, list[float]] = {name: [] for name in scenarios}
    for _ in range(runs):
        for name, (setup, action) in scenarios.items():
            setup()
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(seconds) for name, seconds in times.items()}


def interleaved_costs(
    runs: int, scenarios: dict[str, tuple[Callable[[], None], Callable[[], None]]]
) -> tuple[dict[str, float], dict[str, float]]:
    """Like ``interleaved_medians``, with the median CPU seconds of each action too (its processes and
    the helpers they started, user and system): on a shared machine CPU time varies far less than
    the time on the clock, which other people's work stretches."""
    walls: dict[str, list[float]] = {name: [] for name in scenarios}
    cpus: dict[str, list[float]] = {name: [] for name in scenarios}
    for _ in range(runs):
        for name, (setup, action) in scenarios.items():
            setup()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            action()
            walls[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return (
        {name: statistics.median(seconds) for name, seconds in walls.items()},
        {name: statistics.median(seconds) for name, seconds in cpus.items()},
    )


def nothing() -> None:
    """No setup."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", default="HEAD~1", help="commit to compare the builds with")
    parser.add_argument("--no-against", action="store_true", help="measure this version alone")
    parser.add_argument(
        "--against-ankdown", action="store_true", help="Compare the Anki-only build with ankdown 0.7.1."
    )
    parser.add_argument("--cards", type=int, nargs="+", default=[1000, 10000], help="Corpus sizes (ankdown).")
    parser.add_argument("--seed", type=int, default=1, help="Corpus seed (ankdown).")
    parser.add_argument("--save", type=Path, help="Also write the figures as JSON here (ankdown).")
    arguments = parser.parse_args()
    runs = arguments.runs
    if arguments.against_ankdown:
        versus_ankdown.main(arguments.cards, runs, arguments.seed, arguments.save)
        return
    if not arguments.no_against:
        compare(arguments.against, runs)

    work = Path(tempfile.mkdtemp(prefix="ccpkit-bench-"))
    notes, out = work / "notes", work / "build"
    shutil.copytree(REPO / "source_notes", notes)
    shutil.copytree(REPO / "templates", work / "templates")
    shutil.copy(REPO / "ccpkit.toml", work / "ccpkit.toml")  # the course's title, as `make build` reads it
    build = [*CCPKIT, "build", "--notes", str(notes), "--out", str(out)]
    dump = work / "deck.json"
    with dump.open("wb") as stream:
        dump_command = [*CCPKIT, "dump", "--json", "--notes", str(notes)]
        subprocess.run(dump_command, cwd=work, stdout=stream, stderr=subprocess.DEVNULL, check=True)
    edited = sorted(notes.glob("0[2-9]-*/*.md"))[0]

    committed_ledger = REPO / "source_notes" / ".ccpkit-ledger.json"

    def fresh() -> None:
        shutil.rmtree(out, ignore_errors=True)
        if committed_ledger.exists():
            shutil.copy(committed_ledger, notes / committed_ledger.name)

    def built() -> None:
        if not out.exists():
            run(build, work)

    edits = iter(range(1_000_000))

    def touched() -> None:
        built()
        with edited.open("a", encoding="utf-8") as stream:
            stream.write(f"\n- **Benchmark term {next(edits)}:** a definition added between builds.\n")

    baseline_command = [sys.executable, str(REPO / "benchmarks/baseline.py"), str(notes), str(dump)]
    scenarios = {
        "baseline (library work only)": (nothing, lambda: run(baseline_command, work)),
        "cold full build": (fresh, lambda: run(build, work)),
        "no-op rebuild": (built, lambda: run(build, work)),
        f"rebuild after editing {edited.parent.name}": (touched, lambda: run(build, work)),
    }
    target = work / "imported"
    report = work / "import-report.txt"
    scenarios["import of the raw export"] = (
        lambda: shutil.rmtree(target, ignore_errors=True),
        lambda: run(
            [*CCPKIT, "import", str(RAW_EXPORT), "--out", str(target), "--report", str(report)], work
        ),
    )
    if anki_installed():
        collection = work / "Anki2" / "Student" / "collection.anki2"
        sync = [*CCPKIT, "sync", "--notes", str(notes), "--out", str(out), "--collection", str(collection)]
        scenarios["sync of the whole course into an empty collection"] = (
            lambda: empty_collection(collection),
            lambda: run(sync, work),
        )
    results = interleaved_medians(runs, scenarios)
    baseline = results["baseline (library work only)"]
    cold = results["cold full build"]
    print(f"{'scenario':<44} {'median s':>9} {'x baseline':>11} {'x cold':>7}   ({runs} runs each)")
    for name, seconds in results.items():
        print(f"{name:<44} {seconds:>9.3f} {seconds / baseline:>11.2f} {seconds / cold:>7.2f}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of any run: {peak:.0f} MB")
    shutil.rmtree(work, ignore_errors=True)
    print(f"\n{'stage (in this process, warm)':<44} {'median s':>9} {'budget s':>11}")
    for name, (seconds, budget) in stage_medians(runs).items():
        print(f"{name:<44} {seconds:>9.3f} {budget:>11.1f}")


def compare(ref: str, runs: int) -> None:
    """Cold build, one-module rebuild and no-op rebuild, this version against ``ref``, taking turns."""
    work = Path(tempfile.mkdtemp(prefix="ccpkit-against-"))
    earlier = work / "earlier"
    earlier.mkdir()
    archive = subprocess.run(["git", "archive", ref], cwd=REPO, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(earlier)], input=archive, check=True)
    commit = subprocess.run(["git", "rev-parse", "--short", ref], cwd=REPO, capture_output=True, text=True)
    scenarios: dict[str, tuple[Callable[[], None], Callable[[], None]]] = {}
    outs = {}
    for label, code in (("this version", REPO), (f"{ref} ({commit.stdout.strip()})", earlier)):
        folder = work / ("now" if code == REPO else "then")
        scenarios.update(build_scenarios(label, code, folder))
        outs[label] = folder / "build"
    walls, cpus = interleaved_costs(runs, scenarios)
    print(f"{'build scenario':<56} {'median s':>9} {'CPU s':>7}   ({runs} runs each, taking turns)")
    for name, seconds in walls.items():
        print(f"{name:<56} {seconds:>9.3f} {cpus[name]:>7.3f}")
    now, then = outs.values()
    for label, out in outs.items():  # the committed notes and ledger again, built from scratch
        code = REPO if label == "this version" else earlier
        shutil.rmtree(out.parent / "notes")
        shutil.copytree(REPO / "source_notes", out.parent / "notes")
        shutil.copy(committed_ledger(code), out.parent / "notes" / LEDGER_NAME)
        shutil.rmtree(out, ignore_errors=True)
        command = [*CCPKIT, "build", "--notes", str(out.parent / "notes"), "--out", str(out)]
        run(command, out.parent, code)
    same = outputs_of(now) == outputs_of(then)
    print(f"outputs of a cold build byte-identical in both versions: {'yes' if same else 'NO'}\n")
    shutil.rmtree(work, ignore_errors=True)


LEDGER_NAME = ".ccpkit-ledger.json"


def committed_ledger(code: Path) -> Path:
    """The ledger committed with the version of ccpkit at ``code``: the notes are this version's, but an
    earlier ccpkit refuses a ledger a later one wrote (a field it does not know)."""
    return code / "source_notes" / LEDGER_NAME


def build_scenarios(
    label: str, code: Path, folder: Path
) -> dict[str, tuple[Callable[[], None], Callable[[], None]]]:
    """The three build scenarios of one version of ccpkit (``code``), in a folder of their own."""
    notes, out = folder / "notes", folder / "build"
    shutil.copytree(REPO / "source_notes", notes)
    shutil.copy(REPO / "ccpkit.toml", folder / "ccpkit.toml")
    command = [*CCPKIT, "build", "--notes", str(notes), "--out", str(out)]
    ledger = committed_ledger(code)
    shutil.copy(ledger, notes / LEDGER_NAME)
    edited = sorted(notes.glob("0[2-9]-*/*.md"))[0]
    edits = iter(range(1_000_000))

    def fresh() -> None:
        shutil.rmtree(out, ignore_errors=True)
        shutil.copy(ledger, notes / LEDGER_NAME)

    def built() -> None:
        if not out.exists():
            run(command, folder, code)

    def touched() -> None:
        built()
        with edited.open("a", encoding="utf-8") as stream:
            stream.write(f"\n- **Benchmark term {next(edits)}:** a definition added between builds.\n")

    return {
        f"{label}: cold full build": (fresh, lambda: run(command, folder, code)),
        f"{label}: rebuild after editing {edited.parent.name[:12]}": (
            touched,
            lambda: run(command, folder, code),
        ),
        f"{label}: no-op rebuild": (built, lambda: run(command, folder, code)),
    }


def outputs_of(out: Path) -> dict[str, bytes]:
    """Every output by path; not the build's own records (manifest, store)."""
    return {
        path.relative_to(out).as_posix(): path.read_bytes()
        for path in out.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(out).parts)
    }


def anki_installed() -> bool:
    """The sync scenario needs Anki's library (``pip install 'ccpkit[sync]'``)."""
    return importlib.util.find_spec("anki") is not None


def empty_collection(path: Path) -> None:
    """A new profile's empty collection, and no backups from an earlier run."""
    from anki.collection import Collection

    shutil.rmtree(path.parent, ignore_errors=True)
    path.parent.mkdir(parents=True)
    Collection(str(path)).close()


def stage_medians(runs: int) -> dict[str, tuple[float, float]]:
    """Medians of the stages that have budgets of their own: parsing, writing the deck, the PDFs."""
    from ccpkit.export import ExportOptions
    from ccpkit.export.anki import ANKI
    from ccpkit.export.anki.identities import settle_identities
    from ccpkit.export.formats import export
    from ccpkit.ledger import LEDGER_NAME, load_ledger
    from ccpkit.parse import parse_notes

    notes = REPO / "source_notes"
    deck = parse_notes(notes).deck
    larger = Path(tempfile.mkdtemp(prefix="ccpkit-bench-10x-"))
    corpus = scaled_corpus(larger, 10)
    options = ANKI.read(ExportOptions(templates=REPO / "templates"))
    ledger = load_ledger(notes / LEDGER_NAME)
    _, with_identities = settle_identities(ledger, deck, options, now=0, in_error=())  # writes nothing
    export("pdf", deck, options)  # fonts load once per process, as in a build
    stages = {
        "parse all of source_notes/": (median_seconds(runs, lambda: None, lambda: parse_notes(notes)), 1.0),
        "parse a 10x corpus (linear: about 10x the above)": (
            median_seconds(runs, lambda: None, lambda: parse_notes(corpus)),
            10.0,
        ),
        "write the Anki deck": (
            median_seconds(runs, lambda: None, lambda: export("anki", deck, with_identities)),
            0.5,
        ),
        "lay out every PDF on one core": (
            median_seconds(runs, lambda: None, lambda: export("pdf", deck, options)),
            3.0,
        ),
    }
    shutil.rmtree(larger, ignore_errors=True)
    return stages


def scaled_corpus(work: Path, times: int) -> Path:
    """``times`` copies of the notes, each copy's modules renamed, and in each copy every case of the
    parser's fixture files (the question-bank and flashcard forms) as notes of a module of its own."""
    sys.path.insert(0, str(REPO))
    from tests.parse.fixture_file import read_fixture_file

    corpus = work / "notes"
    fixtures = [
        case.notes
        for path in sorted((REPO / "tests/parse/fixtures").glob("*.md"))
        for case in read_fixture_file(path)
    ]
    for copy in range(times):
        for module in sorted((REPO / "source_notes").iterdir()):
            if module.is_dir():
                shutil.copytree(module, corpus / f"{module.name}-copy-{copy}")
        forms = corpus / f"forms-copy-{copy}"
        forms.mkdir()
        for number, text in enumerate(fixtures):
            (forms / f"case-{number:03}.md").write_text(text, encoding="utf-8")
    return corpus


if __name__ == "__main__":
    main()
