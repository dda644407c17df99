"""What the last build saw and wrote, so that a build whose inputs did not change does nothing.

``build/.ccpkit-build.json`` records one digest of every input (notes, ledger, templates, options,
ccpkit's code), and per format the outputs it wrote (with their digests) and the problems its parts
reported. Equal inputs and intact outputs: nothing to do. Anything else is the build's to redo, part by
part, from its store (``ccpkit/store.py``); the manifest then only says which old outputs to delete.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ccpkit.digest import content_digest
from ccpkit.errors import Problem
from ccpkit.model import SourceLocation

MANIFEST_NAME = ".ccpkit-build.json"
MANIFEST_VERSION = 2


@dataclass(frozen=True, slots=True)
class Written:
    """One format's files as last built: each output's digest, and the problems the format reported."""

    outputs: Mapping[str, str]
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class Manifest:
    inputs: str = ""
    """Digest of every input of the whole build; equal means nothing at all changed."""
    formats: Mapping[str, Written] = field(default_factory=dict)
    counts: str = ""
    """The last build's item counts, shown again when nothing changed."""
    problems: tuple[Problem, ...] = ()
    """The parser's problems at the last build, shown again when nothing changed."""
    total: str = ""
    """The last build's counts in one line."""


def load_manifest(out: Path) -> Manifest:
    """The last build's manifest; anything unreadable just means "rebuild everything"."""
    try:
        raw = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
        if raw.get("version") != MANIFEST_VERSION:
            return Manifest()
        formats = {
            name: Written(dict(written["outputs"]), _problems(written["problems"]))
            for name, written in raw["formats"].items()
        }
        problems = _problems(raw["problems"])
        return Manifest(raw["inputs"], formats, raw["counts"], problems, raw["total"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Manifest()


def dump_manifest(manifest: Manifest) -> bytes:
    formats = {
        name: {"outputs": dict(sorted(written.outputs.items())), "problems": _rows(written.problems)}
        for name, written in sorted(manifest.formats.items())
    }
    raw = {
        "version": MANIFEST_VERSION,
        "inputs": manifest.inputs,
        "counts": manifest.counts,
        "total": manifest.total,
        "problems": _rows(manifest.problems),
        "formats": formats,
    }
    return (json.dumps(raw, indent=1, ensure_ascii=False) + "\n").encode()


def _rows(problems: Iterable[Problem]) -> list[list[object]]:
    return [[p.location.path, p.location.line, p.message, p.severity] for p in problems]


def _problems(rows: Iterable[list[Any]]) -> tuple[Problem, ...]:
    return tuple(
        Problem(SourceLocation(path, line), message, severity) for path, line, message, severity in rows
    )


def intact(out: Path, outputs: Mapping[str, str]) -> bool:
    """Every output is still on disk with the bytes the build wrote."""
    for relative, expected in outputs.items():
        try:
            if content_digest((out / relative).read_bytes()) != expected:
                return False
        except OSError:
            return False
    return True
