"""Command line: parses arguments, calls the library, shows errors. No logic of its own."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import click

from ccpkit import __version__
from ccpkit.errors import CcpkitError

if TYPE_CHECKING:
    from ccpkit.export import Paper

P = ParamSpec("P")
R = TypeVar("R")

NOTES = click.option(
    "--notes",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("source_notes"),
    show_default=True,
    help="Folder of Markdown notes to read.",
)


def _user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Show a ``CcpkitError`` as a message and exit with its code, never as a traceback."""

    @wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except CcpkitError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(error.exit_code)

    return run


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ccpkit")
def cli() -> None:
    """Turn Markdown study notes into Anki decks, CSV files and printable PDF cram sheets."""


@cli.command("import")
@click.argument("export", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("source_notes"),
    show_default=True,
    help="Folder to write the Markdown notes into.",
)
@click.option("--force", is_flag=True, help="Replace the notes already in --out (they are overwritten).")
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("build/import-report.txt"),
    show_default=True,
    help="Where to write the full import report (every dropped or unclassified line).",
)
@_user_errors
def import_command(export: Path, out: Path, force: bool, report: Path) -> None:
    """Convert a raw plain-text notes export into Markdown notes, one folder per module."""
    from ccpkit.importer import import_export

    click.echo(import_export(export, out, force=force, report=report))


@cli.command()
@NOTES
@click.option("--strict", is_flag=True, help="Also exit 1 when there are warnings.")
@_user_errors
def check(notes: Path, strict: bool) -> None:
    """Parse and validate the notes: counts per module, then one `path:line: message` per problem."""
    from ccpkit.parse import parse_notes
    from ccpkit.report import format_counts

    parsed = parse_notes(notes)
    click.echo(format_counts(parsed.deck))
    for problem in parsed.problems:
        click.echo(str(problem))
    if parsed.errors or (strict and parsed.warnings):
        sys.exit(1)


@cli.command()
@NOTES
@click.option("--json", "as_json", is_flag=True, required=True, help="Write the model as JSON (required).")
@_user_errors
def dump(notes: Path, as_json: bool) -> None:
    """Print the whole parsed model on stdout, for other tools and for debugging."""
    from ccpkit.export import ExportOptions, exporter
    from ccpkit.parse import parse_notes

    parsed = parse_notes(notes)
    exported = exporter("json")(parsed.deck, ExportOptions(templates=Path("templates")))
    for problem in parsed.problems:
        click.echo(str(problem), err=True)
    click.echo(exported.outputs[0].data.decode(), nl=False)


@cli.command()
@NOTES
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Folder to write the outputs into.",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(["anki", "csv", "pdf", "json"]),
    help="Output to build (repeatable). Default: all of them.",
)
@click.option(
    "--templates",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("templates"),
    show_default=True,
    help="Folder with anki/ and pdf/ templates and styles.",
)
@click.option("--paper", type=click.Choice(["A4", "Letter"]), default="A4", show_default=True)
@click.option("--exam-count", type=click.IntRange(min=1), help="Practice exam: number of questions.")
@click.option("--exam-seed", type=int, default=0, show_default=True, help="Practice exam: shuffle seed.")
@click.option("--exam-module", "exam_modules", type=int, multiple=True, help="Practice exam: module number.")
@_user_errors
def build(
    notes: Path,
    out: Path,
    formats: tuple[str, ...],
    templates: Path,
    paper: Paper,
    exam_count: int | None,
    exam_seed: int,
    exam_modules: tuple[int, ...],
) -> None:
    """Build the Anki deck, CSV files and PDFs from the notes into the build folder."""
    from ccpkit.build import DEFAULT_FORMATS
    from ccpkit.build import build as run_build
    from ccpkit.export import ExportOptions

    options = ExportOptions(
        templates=templates,
        paper=paper,
        exam_count=exam_count,
        exam_seed=exam_seed,
        exam_modules=exam_modules,
    )
    report = run_build(notes, out, formats=formats or DEFAULT_FORMATS, options=options)
    click.echo(report.summary())


@cli.command()
@NOTES
@_user_errors
def watch(notes: Path) -> None:
    """Rebuild whenever a notes file is saved (not implemented yet)."""
    from ccpkit.errors import NotImplementedYetError

    raise NotImplementedYetError("watch")


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="ccpkit")
