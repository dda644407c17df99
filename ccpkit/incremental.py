"""What the last build saw and wrote, so an unchanged input costs nothing on the next build.

``build/.ccpkit-build.json`` records a digest of every input (notes, ledger, templates, options,
ccpkit's version) and, per export unit, the digest of what that unit read and the outputs it wrote.
A unit is redone when its digest differs or one of its outputs is missing or was changed by hand.
Every digest starts from ccpkit's own code, so upgrading ccpkit rebuilds everything.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ccpkit import __version__
from ccpkit.errors import Problem
from ccpkit.model import SourceLocation

MANIFEST_NAME = ".ccpkit-build.json"
MANIFEST_VERSION = 1


@dataclass(frozen=True, slots=True)
class UnitRecord:
    """One export unit as last built: the digest of its inputs, its outputs' digests, its problems."""

    inputs: str
    outputs: Mapping[str, str]
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class Manifest:
    inputs: str = ""
    """Digest of every input of the whole build; equal means nothing at all changed."""
    units: Mapping[str, UnitRecord] = field(default_factory=dict)
    counts: str = ""
    """The last build's item counts, shown again when nothing changed."""
    problems: tuple[Problem, ...] = ()
    """The parser's problems at the last build, shown again when nothing changed."""
    total: str = ""
    """The last build's counts in one line."""


_RENDERING_LIBRARIES = ("genanki", "markdown_it_py", "mdit_py_plugins", "pypdf", "reportlab", "rl_accel")
"""Libraries whose work ends up in the outputs: a new version of one rebuilds everything too."""


@cache
def _code() -> bytes:
    """ccpkit's version, its source and bundled fonts, and the versions of the libraries it renders
    with: a new ccpkit, or an upgraded library, rebuilds everything and reads no memo entry."""
    package = Path(__file__).parent
    hasher = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*.py")):
        hasher.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for path in sorted((package / "fonts").glob("*.ttf")):
        hasher.update(f"{path.name}\0{path.stat().st_size}".encode())
    hasher.update(_libraries())
    return hasher.digest()


def _libraries() -> bytes:
    """The installed versions of the rendering libraries, read from their ``*.dist-info`` folder
    names: one directory listing, where ``importlib.metadata`` would take 20 ms."""
    spec = importlib.util.find_spec("reportlab")
    if spec is None or spec.origin is None:
        return b""
    site = Path(spec.origin).parent.parent
    names = (name for name in os.listdir(site) if name.endswith(".dist-info"))
    return "\n".join(sorted(n for n in names if n.split("-")[0].lower() in _RENDERING_LIBRARIES)).encode()


def digest(*parts: str | bytes) -> str:
    """SHA-256 of the parts, length-prefixed so ``("ab", "c")`` and ``("a", "bc")`` differ."""
    hasher = hashlib.sha256(_code())
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part  # any file name
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def input_files(roots: Iterable[Path]) -> Iterator[tuple[Path, str]]:
    """Every file under ``roots`` (a root may be a file or absent) with its path relative to the root's
    folder. Dot-files and dot-folders are not inputs: the ledger, editors' swap files, ``.git``."""
    for root in roots:
        files = sorted(root.rglob("*")) if root.is_dir() else [root] if root.is_file() else []
        for path in files:
            relative = path.relative_to(root.parent)
            if not any(part.startswith(".") for part in relative.parts) and path.is_file():
                yield path, relative.as_posix()


def digest_files(roots: Iterable[Path]) -> str:
    """Digest of every input file's path and bytes under ``roots``."""
    parts: list[str | bytes] = []
    for path, relative in input_files(roots):
        parts += [relative, path.read_bytes()]
    return digest(*parts)


def load_manifest(out: Path) -> Manifest:
    """The last build's manifest; anything unreadable just means "rebuild everything"."""
    try:
        raw = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
        if raw.get("version") != MANIFEST_VERSION:
            return Manifest()
        units = {
            name: UnitRecord(unit["inputs"], dict(unit["outputs"]), _problems(unit["problems"]))
            for name, unit in raw["units"].items()
        }
        problems = _problems(raw["problems"])
        return Manifest(raw["inputs"], units, raw["counts"], problems, raw.get("total", ""))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Manifest()


def dump_manifest(manifest: Manifest) -> bytes:
    units = {
        name: {
            "inputs": unit.inputs,
            "outputs": dict(sorted(unit.outputs.items())),
            "problems": _rows(unit.problems),
        }
        for name, unit in sorted(manifest.units.items())
    }
    raw = {
        "version": MANIFEST_VERSION,
        "inputs": manifest.inputs,
        "counts": manifest.counts,
        "total": manifest.total,
        "problems": _rows(manifest.problems),
        "units": units,
    }
    return (json.dumps(raw, indent=1, ensure_ascii=False) + "\n").encode()


def _rows(problems: Iterable[Problem]) -> list[list[object]]:
    return [[p.location.path, p.location.line, p.message, p.severity] for p in problems]


def _problems(rows: Iterable[list[Any]]) -> tuple[Problem, ...]:
    return tuple(
        Problem(SourceLocation(path, line), message, severity) for path, line, message, severity in rows
    )


def intact(out: Path, record: UnitRecord) -> bool:
    """Every output of the unit is still on disk with the bytes the build wrote."""
    for relative, expected in record.outputs.items():
        try:
            if hashlib.sha256((out / relative).read_bytes()).hexdigest() != expected:
                return False
        except OSError:
            return False
    return True
