"""ccpkit's errors survive pickling whole: one raised in a helper process reaches the CLI as itself."""

from __future__ import annotations

import errno
import pickle
from pathlib import Path

import pytest

from ccpkit.errors import CcpkitError, InvalidNotesError, Problem, UsageError, WriteError
from ccpkit.ledger import LedgerError
from ccpkit.model import SourceLocation

PROBLEM = Problem(SourceLocation("09-security/practice.md", 7), "question has no answer")


@pytest.mark.parametrize(
    "error",
    [
        UsageError("style.toml: unknown key 'colour'"),
        WriteError(Path("build/pdf/course.pdf"), OSError(errno.ENOSPC, "No space left on device")),
        LedgerError(Path("source_notes/.ccpkit-ledger.json"), "not valid JSON"),
        InvalidNotesError([PROBLEM]),
    ],
    ids=lambda error: type(error).__name__,
)
def test_an_error_comes_back_from_pickling_as_it_went(error: CcpkitError) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error) and again.exit_code == error.exit_code
    assert vars(again) == vars(error)  # InvalidNotesError keeps its problems
