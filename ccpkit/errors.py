"""Problems found in the user's input, and the errors that carry them to the CLI."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # a build with nothing to do loads no model
    from ccpkit.model import SourceLocation

Severity = Literal["error", "warning", "info"]
"""An error leaves its item out; a warning keeps it but asks for a look; an info only says what ccpkit
chose (an id it had to make distinct), in case the author wants to choose otherwise."""


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """Something wrong at a place in the notes; prints as ``path:line: message``."""

    location: SourceLocation
    message: str
    severity: Severity = "error"
    hides: bool = False
    """It may hide items below it (a code fence never closed): a note missing from its module is then
    held, as for an error, never retired, and the warning is shown whatever the notes it is in."""

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.location}: {prefix}{self.message}"


class CcpkitError(Exception):
    """A mistake the user can fix. The CLI prints it without a traceback and exits non-zero."""

    exit_code = 1

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its class, message and attributes, whatever its ``__init__`` takes: raised in a
        helper process, it reaches the caller whole (and is shown as a user's error, not a crash)."""
        return _restored, (type(self), self.args, self.__dict__)


def _restored(kind: type[CcpkitError], args: tuple[Any, ...], attributes: dict[str, Any]) -> CcpkitError:
    error = kind.__new__(kind)
    error.args = args
    error.__dict__.update(attributes)
    return error


class UsageError(CcpkitError):
    """The command was called wrongly (a bad path, option or configuration)."""

    exit_code = 2


class WriteError(CcpkitError):
    """The system refused to write an output (full disk, no permission, a file in the way)."""

    def __init__(self, path: Path, error: OSError, *, fix: str = "") -> None:
        self.path, self.reason, self.fix = path, str(error.strerror or error), fix
        super().__init__(f"cannot write {path}: {self.reason}{f'; {fix}' if fix else ''}")

    def and_then(self, fix: str) -> WriteError:
        """The same error, saying ``fix`` after what it says already."""
        return WriteError(self.path, OSError(self.reason), fix="; ".join(filter(None, (self.fix, fix))))


class InvalidNotesError(CcpkitError):
    """The notes hold errors that block the requested work."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems))
        super().__init__("\n".join(str(problem) for problem in self.problems))


class NoNotesError(CcpkitError):
    """The notes folder holds no Markdown notes: a wrong --notes, not an empty course to build."""

    def __init__(self, notes: Path) -> None:
        super().__init__(
            f"no Markdown notes found in {notes}: pass --notes DIR, or start one with `ccpkit init`"
        )


class NotImplementedYetError(CcpkitError):
    """A command that exists in the CLI but whose work has not been built yet."""

    def __init__(self, command: str) -> None:
        super().__init__(f"`ccpkit {command}` is not implemented yet; nothing was done")
