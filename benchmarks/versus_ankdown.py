"""ccpkit's Anki-only build against ankdown 0.7.1 on the same generated term cards (issue 20).

ankdown is the fastest Markdown → Anki tool we know and keeps no cache, so its cold build is its cost
for every change. It runs from its own venv, ``benchmarks/.venv-ankdown`` (made on first use, ignored
by git), so its pinned dependencies never meet ccpkit's. Both tools run as fresh processes with
bytecode caching on, as users have them, after one untimed warm-up build each; the scenarios take
turns round after round, so a slow spell of the shared machine weighs on all of them alike.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from corpus import Corpus, edit_one_card, generate

HERE = Path(__file__).resolve().parent
ANKDOWN_VENV = HERE / ".venv-ankdown"
ANKDOWN_VERSION = "0.7.1"
TITLE = "Benchmark Course"


@dataclass(frozen=True, slots=True)
class Run:
    """One process tree: wall-clock seconds, CPU seconds of it and its children, and the peak resident
    memory of its largest process (a forked helper shares its parent's pages, so sums would mislead)."""

    seconds: float
    cpu: float
    peak_mb: float


@dataclass(frozen=True, slots=True)
class Scenario:
    setup: Callable[[], None]
    command: list[str]


def ankdown_executable() -> Path:
    """ankdown 0.7.1 in its own venv, installed with pip on first use."""
    executable = ANKDOWN_VENV / "bin" / "ankdown"
    if not executable.exists():
        print(f"installing ankdown {ANKDOWN_VERSION} into {ANKDOWN_VENV} …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(ANKDOWN_VENV)], check=True)
        pip = [str(ANKDOWN_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, f"ankdown=={ANKDOWN_VERSION}"], check=True)
    return executable


def measure(command: list[str], cwd: Path) -> Run:
    """Run ``command`` to its end; its own resource usage, read by ``wait4`` (not this process's)."""
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    environment["PYTHONPATH"] = str(HERE.parent)  # this checkout's ccpkit, not whichever one is installed
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=environment, stdout=subprocess.DEVNULL, stderr=errors
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode(errors='replace')}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def note_count(package: Path) -> int:
    """How many notes a .apkg holds, read from its collection."""
    with tempfile.TemporaryDirectory() as folder, zipfile.ZipFile(package) as archive:
        connection = sqlite3.connect(archive.extract("collection.anki2", folder))
        try:
            (count,) = connection.execute("SELECT count(*) FROM notes").fetchone()
        finally:
            connection.close()
    return int(count)


def compare_at(cards: int, runs: int, seed: int) -> dict[str, object]:
    """Every scenario at one corpus size: medians and peaks, checked to build the same number of notes."""
    work = Path(tempfile.mkdtemp(prefix=f"ccpkit-vs-ankdown-{cards}-"))
    try:
        corpus = generate(work, cards, seed)
        return _compare(corpus, work, runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _compare(corpus: Corpus, work: Path, runs: int) -> dict[str, object]:
    out, package = work / "build", work / "ankdown.apkg"
    ledger = corpus.notes / ".ccpkit-ledger.json"
    ccpkit = [sys.executable, "-m", "ccpkit", "build", "--format", "anki", "--notes", str(corpus.notes)]
    ccpkit += ["--out", str(out), "--title", TITLE, "--quiet"]
    ankdown = [str(ankdown_executable()), "-r", str(corpus.ankdown), "-p", str(package)]

    def first_build() -> None:
        """A student's first build: no output folder, no ledger."""
        shutil.rmtree(out, ignore_errors=True)
        ledger.unlink(missing_ok=True)

    def built() -> None:
        if not out.exists():
            measure(ccpkit, work)

    edits = iter(range(1_000_000))

    def one_card_edited() -> None:
        built()
        edit_one_card(corpus, f"edit {next(edits)}")

    first_build()
    measure(ccpkit, work)  # warm-up: bytecode caches, the page cache, and a check of what each makes
    measure(ankdown, work)
    made = {"ccpkit": note_count(next(out.glob("anki/*.apkg"))), "ankdown": note_count(package)}
    if set(made.values()) != {corpus.cards}:
        raise SystemExit(f"expected {corpus.cards} notes from each tool, got {made}")
    scenarios = {
        "ankdown cold": Scenario(lambda: package.unlink(missing_ok=True), ankdown),
        "ccpkit cold": Scenario(first_build, ccpkit),
        "ccpkit one-card edit": Scenario(one_card_edited, ccpkit),
        "ccpkit no-op": Scenario(built, ccpkit),
    }
    load_before = os.getloadavg()
    results: dict[str, list[Run]] = {name: [] for name in scenarios}
    for _ in range(runs):
        for name, scenario in scenarios.items():
            scenario.setup()
            results[name].append(measure(scenario.command, work))
    return {
        "cards": corpus.cards,
        "runs": runs,
        "load average before": [round(value, 2) for value in load_before],
        "load average after": [round(value, 2) for value in os.getloadavg()],
        "scenarios": {
            name: {
                "median s": round(statistics.median(run.seconds for run in measured), 3),
                "median CPU s": round(statistics.median(run.cpu for run in measured), 3),
                "peak MB": round(max(run.peak_mb for run in measured), 1),
            }
            for name, measured in results.items()
        },
    }


def table(results: list[dict[str, object]]) -> str:
    """The figures as issue 20's table: wall-clock medians (CPU seconds in brackets), ratios to
    ankdown's cold build, peak memory."""
    lines = [
        "| cards | ccpkit cold | ankdown cold | ratio | ccpkit one-card edit | edit ÷ ankdown cold "
        "| ccpkit no-op | peak RSS ccpkit (ankdown) | load before → after |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for result in results:
        figures: dict[str, dict[str, float]] = result["scenarios"]  # type: ignore[assignment]
        ankdown, cold = figures["ankdown cold"], figures["ccpkit cold"]
        edit, noop = figures["ccpkit one-card edit"], figures["ccpkit no-op"]
        peak = max(cold["peak MB"], edit["peak MB"], noop["peak MB"])
        before, after = result["load average before"], result["load average after"]
        lines.append(
            f"| {result['cards']:,} | {_time(cold)} | {_time(ankdown)} "
            f"| {cold['median s'] / ankdown['median s']:.1f}x | {_time(edit)} "
            f"| {edit['median s'] / ankdown['median s']:.2f}x | {_time(noop)} "
            f"| {peak:.0f} MB ({ankdown['peak MB']:.0f}) | {before[0]} → {after[0]} |"  # type: ignore[index]
        )
    return "\n".join(lines)


def _time(figures: dict[str, float]) -> str:
    return f"{figures['median s']:.2f} s ({figures['median CPU s']:.2f})"


def main(sizes: list[int], runs: int, seed: int, save: Path | None) -> None:
    results = []
    for cards in sizes:
        print(f"{cards:,} cards, {runs} rounds …", file=sys.stderr)
        results.append(compare_at(cards, runs, seed))
        print(json.dumps(results[-1], indent=2), file=sys.stderr)
    print(table(results))
    if save is not None:
        save.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
