"""What the last build saw and wrote, so that a build whose inputs did not change does nothing.

``build/.ccpkit-build.pickle`` records one digest of every input (notes, ledger, templates, options,
ccpkit's code), the outputs the build wrote with their digests, what its report said, and the stamp of
every file it looked at. Equal inputs and intact outputs: nothing to do, and the report is shown again.
Anything else is the build's to redo, part by part, from its store (``ccpkit/store.py``); the manifest
then only says which old outputs to delete.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ccpkit.digest import Stamp, Stamps, digest
from ccpkit.errors import Problem

MANIFEST_NAME = ".ccpkit-build.pickle"


@dataclass(frozen=True, slots=True)
class Manifest:
    inputs: str = ""
    """Digest of every input of the whole build; equal means nothing at all changed."""
    outputs: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Per format, each output file (relative to the build folder) and the digest of its bytes."""
    counts: str = ""
    """The items per module and kind (``report.format_counts``)."""
    total: str = ""
    """The counts in one line."""
    problems: tuple[Problem, ...] = ()
    """What the parser and the formats reported, each once."""
    skipped: int = 0
    """Items the parser rejected."""
    stamps: Mapping[str, Stamp] = field(default_factory=dict)
    """Each input and output file as the build last saw it, so the next needs to read only those
    whose stamp changed."""

    def outputs_of(self, formats: Iterable[str]) -> dict[str, Mapping[str, str]]:
        """The outputs of these formats (an earlier build may have made others, since deleted)."""
        return {name: self.outputs.get(name, {}) for name in formats}


def load_manifest(out: Path) -> Manifest:
    """The last build's manifest; one another ccpkit wrote, or anything unreadable, just means
    "rebuild everything"."""
    try:
        written_by, manifest = pickle.loads((out / MANIFEST_NAME).read_bytes())
    except Exception:  # whatever a damaged manifest raises: the build is simply redone
        return Manifest()
    return manifest if written_by == _writer() and isinstance(manifest, Manifest) else Manifest()


def dump_manifest(manifest: Manifest) -> bytes:
    return pickle.dumps((_writer(), manifest), protocol=pickle.HIGHEST_PROTOCOL)


def _writer() -> str:
    """Names this ccpkit's code: a manifest another version pickled may hold other fields."""
    return digest("manifest")


def intact(out: Path, outputs: Mapping[str, Mapping[str, str]], stamps: Stamps) -> bool:
    """Every output is still on disk with the bytes the build wrote (a hand edit shows)."""
    try:
        return all(
            stamps.file_digest(out / path) == expected
            for written in outputs.values()
            for path, expected in written.items()
        )
    except OSError:
        return False
