"""Command line: parses arguments, calls the library, shows errors. No logic of its own."""

from __future__ import annotations

import errno
import math
import os
import shlex
import signal
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import click
from click.core import ParameterSource

from ccpkit import __version__
from ccpkit.config import CONFIG_FILE, FORMATS, Config, load_config
from ccpkit.errors import CcpkitError, NoNotesError, UsageError

if TYPE_CHECKING:
    from ccpkit.report import BuildReport, Verbosity
    from ccpkit.sync.decisions import Plan

P = ParamSpec("P")
R = TypeVar("R")


class _Folder(click.Path):
    """A folder's path; an empty one (``--out ""``) names none, where click would take the current folder."""

    def __init__(self, *, exists: bool = False) -> None:
        super().__init__(exists=exists, file_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("an empty path names no folder", param, ctx)
        return super().convert(value, param, ctx)


NOTES = click.option(
    "--notes",
    type=_Folder(),
    help="Folder of Markdown notes to read.  [default: source_notes, or ccpkit.toml]",
)
TEMPLATES = click.option(
    "--templates",
    type=_Folder(exists=True),
    help="Templates folder; each file in it replaces ccpkit's default (pdf/style.toml key by key).  "
    "[default: templates]",
)


def _user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Show a ``CcpkitError`` as a message and exit with its code, never as a traceback."""

    @wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except CcpkitError as error:
            _show(error)
            sys.exit(error.exit_code)
        except OSError as error:
            if error.filename is not None or error.errno not in _OUTPUT_LOST:
                raise  # every file ccpkit writes says its own failure (``WriteError``)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python flushes it on exit
            _show(CcpkitError(f"cannot write to standard output ({error.strerror})"))
            sys.exit(1)

    return run


_OUTPUT_LOST = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EPIPE, errno.EIO})
"""What writing to standard output meets when it is a full disk's file or a pipe whose reader left."""


def _show(error: CcpkitError) -> None:
    click.echo(f"error: {error}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path(CONFIG_FILE),
    show_default=True,
    help="Settings file (course title, paths, outputs, exam defaults); ccpkit.toml may be absent, a file "
    "named here must exist. Without a title the course is named after its notes folder.",
)
@click.version_option(__version__, prog_name="ccpkit")
@click.pass_context
@_user_errors
def cli(context: click.Context, config: Path) -> None:
    """Turn Markdown study notes into Anki decks, CSV files and printable PDF cram sheets.

    Typical loop: edit source_notes/, run `ccpkit build`, import build/anki/*.apkg into Anki.
    A new course: `ccpkit init DIR`.
    """
    named = context.get_parameter_source("config") is not ParameterSource.DEFAULT
    if named and not config.is_file():  # a mistyped name would build with defaults: other deck names
        raise UsageError(f"settings file {config} does not exist (ccpkit.toml, the default, may be absent)")
    context.obj = load_config(config)


@cli.command("import", short_help="Convert a raw notes export into Markdown notes.")
@click.argument("export", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=_Folder(),
    default=Path("source_notes"),
    show_default=True,
    help="Folder to write the Markdown notes into.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace the Markdown notes already in --out (pictures and other files stay).",
)
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


@cli.command(short_help="Start a new course: ccpkit.toml and a notes folder with an example.")
@click.argument("folder", metavar="[DIR]", default=Path(), type=_Folder())
@_user_errors
def init(folder: Path) -> None:
    """Start a course in DIR (default: this folder), which must be new or empty.

    Writes ccpkit.toml (the course title, from the folder's name: edit it), a notes folder with one
    example module showing a term, a cloze, a comparison table and two practice questions, a
    .gitignore and a .gitattributes naming the ledger's merge driver. Prints the two `git config`
    lines that install that driver (git keeps them per clone). Run `ccpkit build` in DIR next: it
    makes the Anki deck, CSV files and PDFs from the example.
    """
    from ccpkit.ledger.merge import GIT_CONFIG
    from ccpkit.new_course import start_course

    for path in start_course(folder):
        click.echo(f"wrote {path}")
    click.echo(
        "in each git clone of the course, install the ledger's merge driver (README, 'Two computers'):"
    )
    for command in GIT_CONFIG:
        click.echo(f"  {command}")
    click.echo(
        f"next: cd {shlex.quote(str(folder))} && ccpkit build" if folder != Path() else "next: ccpkit build"
    )


@cli.command(short_help="Validate the notes and templates; list each problem as path:line.")
@NOTES
@TEMPLATES
@click.option("--strict", is_flag=True, help="Also exit 1 when there are warnings.")
@click.pass_obj
@_user_errors
def check(config: Config, notes: Path | None, templates: Path | None, strict: bool) -> None:
    """Parse and validate the notes: counts per module, then one `path:line: message` per problem
    (including Anki cards whose fronts read the same but want different answers), then the ledger and
    the templates (Anki card templates, pdf/style.toml with its fonts and the room its margins and
    columns leave on the paper), which a build would refuse just as well.

    It ends with the number of errors and warnings. Exit 0 when clean, 1 on errors (and on warnings
    with --strict) or a damaged ledger.
    """
    from ccpkit.export.anki.card_templates import load_templates
    from ccpkit.export.anki.notes import card_problems
    from ccpkit.export.pdf import require_usable_style
    from ccpkit.ledger import LEDGER_NAME, LedgerError, load_ledger
    from ccpkit.parse import parse_notes
    from ccpkit.report import format_counts

    settings = config.merged(notes=notes, templates=templates)
    parsed = parse_notes(
        Path(settings.notes), title=settings.title, highlight_clozes=settings.highlight_clozes
    )
    click.echo(format_counts(parsed.deck))
    cards = card_problems(parsed.deck)
    for problem in sorted((*parsed.problems, *cards)):
        click.echo(str(problem))
    errors = len(parsed.errors)
    try:
        load_ledger(Path(settings.notes) / LEDGER_NAME)  # a damaged one stops a build: an error here
    except LedgerError as error:
        click.echo(f"error: {error}")
        errors += 1
    options = settings.export_options()
    for load in (lambda: load_templates(options.templates), lambda: require_usable_style(options)):
        try:
            load()
        except UsageError as error:
            click.echo(f"error: {error}")
            errors += 1
    warnings = len(parsed.warnings) + sum(problem.severity == "warning" for problem in cards)
    click.echo(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    if errors or (strict and warnings):
        sys.exit(1)


@cli.command(short_help="Print the parsed notes as JSON.")
@NOTES
@click.option("--json", "as_json", is_flag=True, required=True, help="Write the model as JSON (required).")
@click.pass_obj
@_user_errors
def dump(config: Config, notes: Path | None, as_json: bool) -> None:
    """Print the whole parsed model on stdout, for other tools and for debugging."""
    from ccpkit.export.formats import export
    from ccpkit.parse import parse_notes

    settings = config.merged(notes=notes)
    parsed = parse_notes(
        Path(settings.notes), title=settings.title, highlight_clozes=settings.highlight_clozes
    )
    exported = export("json", parsed.deck, settings.export_options())
    for problem in parsed.problems:
        click.echo(str(problem), err=True)
    click.echo(exported.outputs[0].data.decode(), nl=False)


def build_options(command: Callable[P, R]) -> Callable[P, R]:
    """The options ``build`` and ``watch`` share; each overrides its ccpkit.toml value."""
    options = [
        NOTES,
        click.option("--out", type=_Folder(), help="Output folder."),
        click.option(
            "--format",
            "formats",
            multiple=True,
            type=click.Choice(FORMATS),
            help="Output to build (repeatable). Default: all of them.",
        ),
        click.option(
            "--module",
            "modules",
            type=int,
            multiple=True,
            help="Only this module (repeatable): its cram sheet, and a deck, CSV, JSON, course and exam of "
            "those modules alone; other modules' sheets stay, and their changes wait (unsent) for a build "
            "that includes them. A build without it restores the whole course.",
        ),
        TEMPLATES,
        click.option(
            "--title",
            help="Course title (PDF headers, Anki parent deck).  [default: ccpkit.toml, else the notes "
            "folder's name]",
        ),
        click.option(
            "--paper",
            type=click.Choice(["A4", "Letter"], case_sensitive=False),
            metavar="[A4|Letter]",  # click would show the choices lower-cased
            help="PDF paper size (any case).  [default: ccpkit.toml, else A4]",
        ),
        click.option("--exam-count", type=click.IntRange(min=1), help="Practice exam: number of questions."),
        click.option("--exam-seed", type=int, help="Practice exam: shuffle seed."),
        click.option(
            "--exam-module",
            "exam_modules",
            type=int,
            multiple=True,
            help="Practice exam: draw from this module (repeatable).",
        ),
        click.option("-v", "--verbose", is_flag=True, help="List every file written and every warning."),
        click.option("-q", "--quiet", is_flag=True, help="Print errors only."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@cli.command(short_help="Build the Anki deck, CSV, PDFs and JSON (only what changed).")
@build_options
@click.pass_obj
@_user_errors
def build(config: Config, /, modules: tuple[int, ...], verbose: bool, quiet: bool, **overrides: Any) -> None:
    """Build the Anki deck, CSV files, PDFs and JSON from the notes, redoing only what changed.

    The output folder remembers what the last build read and made (.ccpkit-cache/), so after an edit
    only the edited module's share is redone. A terminal shows a progress bar.

    It prints every error, the warnings of the notes it re-read (the others' as a count), and one line
    per format of files written; -v lists everything, -q only errors.

    Exit 0 when built, 1 when the notes hold errors (the outputs then leave those items out), 2 on
    usage errors. Example: ccpkit build --format pdf --paper Letter --module 9
    """
    verbosity = _verbosity(verbose, quiet)
    report = _run_build(config.merged(**overrides), modules, verbosity)
    _echo(report.summary(verbosity))
    _Ending.built = True
    if report.failed:
        sys.exit(1)


def _a_number(seconds: float) -> float:
    """``--interval nan`` passes click's range (no comparison holds for it): refused here."""
    if math.isnan(seconds):
        raise click.BadParameter("nan is not a number of seconds")
    return seconds


@cli.command(short_help="Rebuild whenever a notes or template file is saved.")
@build_options
@click.option(
    "--interval",
    type=click.FloatRange(min=0.05, max=3600),
    callback=lambda _ctx, _param, seconds: _a_number(seconds),
    default=0.5,
    show_default=True,
    help="Seconds between checks.",
)
@click.pass_obj
@_user_errors
def watch(
    config: Config, /, modules: tuple[int, ...], interval: float, verbose: bool, quiet: bool, **overrides: Any
) -> None:
    """Rebuild whenever a notes, template or settings file is saved; Ctrl-C stops.

    A save that leaves the notes broken is reported and watching goes on; a notes folder that is not
    there, or holds no notes, when watching starts stops it at once (one emptied later, by a git
    checkout say, is reported and watched until notes return).
    """
    from ccpkit.parse.notes_folder import find_modules
    from ccpkit.watch import watch as watch_files

    settings, verbosity = config.merged(**overrides), _verbosity(verbose, quiet)
    if not find_modules(Path(settings.notes)):  # a mistyped folder: nothing to watch for
        raise NoNotesError(Path(settings.notes))
    config_file = click.get_current_context().find_root().params["config"]
    inputs = [Path(settings.notes), Path(settings.templates), config_file]

    def rebuild() -> None:
        try:  # the settings file as saved now: a changed title or option applies at once
            saved = load_config(config_file).merged(**overrides)
            _echo(_run_build(saved, modules, verbosity).summary(verbosity))
        except CcpkitError as error:
            _show(error)  # a half-saved file: say so and keep watching
        click.echo(f"watching {settings.notes} (Ctrl-C to stop)", err=True)

    try:
        watch_files(inputs, rebuild, interval=interval)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


@cli.group(short_help="Work with the id ledger (git merge driver).")
def ledger() -> None:
    """The id ledger, source_notes/.ccpkit-ledger.json: each note's Anki GUID, committed with the notes."""


@ledger.command("merge", short_help="Merge two ledgers into OURS (a git merge driver).")
@click.argument("base", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("ours", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("theirs", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_user_errors
def ledger_merge(base: Path, ours: Path, theirs: Path) -> None:
    """Write into OURS the union of the notes of OURS and THEIRS, both descended from BASE.

    Made for git: with `.ccpkit-ledger.json merge=ccpkit-ledger` in .gitattributes and
    `git config merge.ccpkit-ledger.driver "ccpkit ledger merge %O %A %B"`, merging two clones that
    both added notes gives one valid ledger keeping every GUID. A note changed on both sides keeps
    the later change; two notes with one GUID keep it on the renamed one. Exit 1 (git then reports a
    conflict) when a ledger is damaged. See README, "Two computers".
    """
    from ccpkit.ledger.merge import merge_files

    for line in merge_files(base, ours, theirs):
        click.echo(line, err=True)


@cli.command(short_help="List notes removed from the notes but still in Anki; --forget clears them.")
@NOTES
@click.option(
    "--forget",
    is_flag=True,
    help="Stop listing and counting them (deleted in Anki or kept); an item put back still finds its note.",
)
@click.pass_obj
@_user_errors
def orphans(config: Config, notes: Path | None, forget: bool) -> None:
    """List the orphans: notes whose item left your notes but which stay in Anki (an import never
    deletes), each with a search to paste into Anki's browser.

    The build names an orphan once, when it goes, then only counts them. Delete them in Anki (or keep
    them), then run `ccpkit orphans --forget` so they are named no more. An item that comes back, before
    or after that, takes its old note again (with its history, if you kept it in Anki).
    """
    from ccpkit.orphans import find_orphans, forget_orphans

    folder = Path(config.merged(notes=notes).notes)
    if forget:
        count = forget_orphans(folder)
        click.echo(f"forgot {count} orphan{'s' * (count != 1)}" + (" (none recorded)" if not count else ""))
        return
    orphaned = find_orphans(folder)
    found = orphaned.listed
    if not found and orphaned.forgotten:
        count = orphaned.forgotten
        click.echo(
            f"no orphans to list: {count} forgotten with `ccpkit orphans --forget` (an item put back "
            "still finds its note)"
        )
        return
    if not found:
        click.echo(
            "no orphans: the last build found every note it had recorded in the notes, or held those it"
            " could not (the notes around them hold an error or a warning that may hide them)"
        )
        return
    click.echo(f"{len(found)} note{'s' * (len(found) != 1)} removed from the notes, still in Anki:")
    for orphan in found:
        click.echo(f"  {orphan.id}  {orphan.name}  (find it in Anki: {orphan.search})")
    if len(found) > 1:
        click.echo(
            "all of them in Anki's browser: " + " or ".join(f"({orphan.search.search})" for orphan in found)
        )
    click.echo("delete them in Anki's browser if you like, then run `ccpkit orphans --forget`")


@cli.command(short_help="Bring an Anki collection up to date in place (close Anki first).")
@NOTES
@click.option(
    "--collection",
    type=click.Path(path_type=Path),
    help="The collection.anki2 file (or its profile folder) to sync.",
)
@click.option("--profile", help="An Anki desktop profile, found in Anki's data folder (ANKI_BASE honoured).")
@click.option("--module", "modules", type=int, multiple=True, help="Only this module (repeatable).")
@click.option("--dry-run", is_flag=True, help="Print what the sync would do; write nothing.")
@click.option("--keep-anki", is_flag=True, help="On a conflict keep Anki's text (default: the notes win).")
@click.option(
    "--delete-orphans",
    is_flag=True,
    help="Delete notes whose item left the notes, their fields saved in the build folder first "
    "(default: suspend).",
)
@click.option(
    "--out",
    type=_Folder(),
    help="The build folder: the conflicts and deleted-notes files go there, and what the sync wrote for "
    "the next build.",
)
@TEMPLATES
@click.option("--title", help="Course title (the Anki parent deck).")
@click.option("-v", "--verbose", is_flag=True, help="List every warning, not only those of changed notes.")
@click.pass_obj
@_user_errors
def sync(
    config: Config,
    /,
    collection: Path | None,
    profile: str | None,
    modules: tuple[int, ...],
    dry_run: bool,
    keep_anki: bool,
    delete_orphans: bool,
    verbose: bool,
    **overrides: Any,
) -> None:
    """Bring an Anki collection up to date with the notes, in place; Anki must be closed.

    Adds new notes; writes the fields whose text changed in the notes and keeps the ones you edited
    in Anki; moves cards to their item's deck (scheduling kept); tags notes whose item left the notes
    ccpkit::orphan and suspends them. A field changed on both sides is a conflict: the notes win,
    Anki's text is saved to OUT/sync-conflicts-<time>.md (--keep-anki keeps Anki's instead). A backup
    is made first and everything is applied in one transaction.

    Prints every error, the warnings of the notes files whose Anki notes it changes and a count of
    the others, as a build does (-v lists them all).
    Without --collection or --profile, the only profile in Anki's data folder is used.
    Needs Anki's library: pip install 'ccpkit[sync]'. Details: docs/sync.md.
    Exit 0 when synced, 1 when the notes hold errors (the rest is synced, orphans are left alone),
    the collection is open in Anki, or sync stops writing nothing (a filtered deck of a course deck's
    name; --delete-orphans while the notes give no note at all), 2 on usage errors, 130 on Ctrl-C
    before it writes; one once it writes is held: the sync finishes, reports and says so.
    Example: ccpkit sync --profile "User 1" --dry-run
    """
    from ccpkit.progress import TerminalProgress
    from ccpkit.sync.decisions import Choices
    from ccpkit.sync.locate import locate
    from ccpkit.sync.run import HeldInterrupts, SyncOptions
    from ccpkit.sync.run import sync as run_sync

    settings = config.merged(**overrides)
    located = locate(collection, profile)
    choices = Choices(keep_anki=keep_anki, delete_orphans=delete_orphans)
    finishing = HeldInterrupts()  # from the transaction on: a Ctrl-C cuts off neither it nor its report
    try:
        report = run_sync(
            Path(settings.notes),
            Path(settings.out),
            located,
            options=settings.export_options(),
            title=settings.title,
            highlight_clozes=settings.highlight_clozes,
            settings=SyncOptions(choices=choices, dry_run=dry_run, modules=modules),
            before_writing=_announce_deletions,
            progress=TerminalProgress(sys.stderr) if sys.stderr.isatty() else None,
            finishing=finishing,
        )
        click.echo(report.summary(verbose=verbose))
        if finished_first := finishing.said():
            click.echo(finished_first, err=True)
    finally:
        if _Ending.ends_process and finishing.holding:
            _Ending.held = True  # to the process's end: no exit code then says a finished sync was stopped
        else:
            finishing.stop()
    if report.failed:
        sys.exit(1)


def _announce_deletions(plan: Plan) -> None:
    if plan.deleted:
        from ccpkit.report import counted

        click.echo(f"deleting {counted(len(plan.deleted), 'orphaned note')} (--delete-orphans)", err=True)


def _verbosity(verbose: bool, quiet: bool) -> Verbosity:
    if verbose and quiet:
        raise click.UsageError("choose one of -v/--verbose and -q/--quiet")
    return "verbose" if verbose else "quiet" if quiet else "normal"


def _echo(text: str) -> None:
    """Print ``text`` unless it is empty (a quiet build that went well prints nothing)."""
    if text:
        click.echo(text)


def _run_build(settings: Config, modules: tuple[int, ...], verbosity: Verbosity) -> BuildReport:
    from ccpkit.build import build as run_build
    from ccpkit.progress import TerminalProgress

    return run_build(
        Path(settings.notes),
        Path(settings.out),
        formats=settings.formats,
        options=settings.export_options(),
        title=settings.title,
        highlight_clozes=settings.highlight_clozes,
        modules=modules,
        progress=TerminalProgress(sys.stderr) if sys.stderr.isatty() and verbosity != "quiet" else None,
    )


class _Ending:
    """Whether this process ran a build (it may then end without freeing the deck object by object),
    and whether Ctrl-C cut it short."""

    built = False
    interrupted = False
    ends_process = False
    """Run by ``main``: the process ends with the command (``CliRunner`` runs one in the caller's)."""
    held = False
    """A sync holds Ctrl-C to the end: the process ends before Python's finalizing would restore its
    default, which a press then would take to kill the process of a finished sync."""


INTERRUPTED = 130
"""The exit code of a command Ctrl-C cut short (128 + SIGINT, as shells report it), apart from the 1
of notes with errors."""


def _on_interrupt(signum: int, frame: object) -> None:
    _Ending.interrupted = True
    raise KeyboardInterrupt


def _interrupt_again(unraisable: sys.UnraisableHookArgs) -> None:
    """A Ctrl-C that landed in a finalizer, where Python prints the exception and drops it (the
    command would run on to its end and exit 0): raised again in the main thread a moment later, once
    the finalizer is over. Other exceptions there are shown as Python shows them."""
    if unraisable.exc_type is not None and issubclass(unraisable.exc_type, KeyboardInterrupt):
        import _thread
        import threading

        threading.Timer(_AGAIN_SECONDS, _thread.interrupt_main).start()
    else:
        sys.__unraisablehook__(unraisable)


_AGAIN_SECONDS = 0.01
"""How long a dropped Ctrl-C waits to be raised again: long enough for a finalizer to end (one still
under way drops it again, and it is raised once more)."""


def handle_interrupts() -> None:
    """Ctrl-C ends a command with ``INTERRUPTED``, wherever it lands."""
    signal.signal(signal.SIGINT, _on_interrupt)
    sys.unraisablehook = _interrupt_again


def main() -> None:
    """Console-script entry point. A build's process ends as soon as its outputs, ledger and report
    are written: freeing a large deck's millions of objects one by one would add a second or more. So
    does one Ctrl-C cut short, once every file and collection is closed: the pool's thread may wait
    for a helper ended halfway through sending its part, and the interpreter would wait for it. So
    does a sync that wrote, still holding Ctrl-C (``_Ending.held``)."""
    handle_interrupts()
    _Ending.ends_process = True
    try:
        cli(prog_name="ccpkit")
    except SystemExit as end:
        if _Ending.interrupted and end.code == 1:  # click's "Aborted!": Ctrl-C, not the notes' errors
            end.code = INTERRUPTED
        if not (_Ending.built or _Ending.interrupted or _Ending.held) or not isinstance(end.code, int | None):
            raise
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(end.code or 0)
