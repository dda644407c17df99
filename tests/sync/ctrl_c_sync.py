"""Run ``ccpkit sync`` as its console script does, with Ctrl-C pressed again and again near its end:
while it writes the collection, as it reports, and as the command ends, as a student presses it when
the first press seems to do nothing."""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from typing import Any

import click

from ccpkit.cli import main
from ccpkit.sync import anki_collection
from ccpkit.sync.summary import SyncReport


def pressing_ctrl_c(run: Callable[..., Any]) -> Callable[..., Any]:
    """``run``, with Ctrl-C pressed as it starts (raised in this thread: it lands right there)."""

    def pressed(*args: Any, **kwargs: Any) -> Any:
        signal.raise_signal(signal.SIGINT)
        return run(*args, **kwargs)

    return pressed


if __name__ == "__main__":
    anki_collection.apply = pressing_ctrl_c(anki_collection.apply)  # inside the transaction
    SyncReport.summary = pressing_ctrl_c(SyncReport.summary)  # type: ignore[method-assign]
    click.Context.close = pressing_ctrl_c(click.Context.close)  # type: ignore[method-assign]
    sys.argv = ["ccpkit", *sys.argv[1:]]
    main()
