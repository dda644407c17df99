"""The one digest of the build: of ccpkit's own code first, so a new ccpkit (or an upgraded library it
renders with) never takes an older build's outputs or cached parts for its own."""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from ccpkit import __version__
from ccpkit.regular_files import open_regular

_RENDERING_LIBRARIES = (
    "genanki",
    "markdown_it_py",
    "mdit_py_plugins",
    "pygments",
    "reportlab",
    "rl_accel",
    "svglib",
)
"""Libraries whose work ends up in the outputs: a new version of one rebuilds everything too."""


@cache
def _code() -> bytes:
    """ccpkit's version, its source and bundled fonts, and the versions of the libraries it renders
    with: a new ccpkit, or an upgraded library, rebuilds everything and reads no cached part. A source
    file is known by its size and modification time, as Python tells whether its bytecode is stale."""
    package = Path(__file__).parent
    hasher = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*.py")):
        relative, status = path.relative_to(package).as_posix(), path.stat()
        hasher.update(f"{relative}\0{status.st_size}\0{status.st_mtime_ns}".encode())
    for path in sorted((package / "fonts").glob("*.ttf")):
        hasher.update(f"{path.name}\0{path.stat().st_size}".encode())
    hasher.update(_libraries())
    return hasher.digest()


def _libraries() -> bytes:
    """The rendering libraries' ``*.dist-info`` folder names, which hold their versions: one directory
    listing, where ``importlib.metadata`` would take 20 ms."""
    spec = importlib.util.find_spec("reportlab")
    if spec is None or spec.origin is None:
        return b""
    site = Path(spec.origin).parent.parent
    names = (name for name in os.listdir(site) if name.endswith(".dist-info"))
    return "\n".join(sorted(n for n in names if n.split("-")[0].lower() in _RENDERING_LIBRARIES)).encode()


def digest(*parts: str | bytes) -> str:
    """SHA-256 of ccpkit's code and the parts, each length-prefixed: ``("ab", "c")`` and ``("a", "bc")``
    differ."""
    hasher = hashlib.sha256(_code())
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part  # any file name
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def content_digest(*pieces: bytes) -> str:
    """SHA-256 of a file's bytes alone, given whole or in pieces (a ledger's lines, never joined)."""
    hasher = hashlib.sha256()
    for piece in pieces:
        hasher.update(piece)
    return hasher.hexdigest()


def text_digest(texts: Iterable[str]) -> str:
    """SHA-256 of texts joined by a unit separator, 16 hex digits: what the ledger records of a note's
    texts. Unlike ``digest``, ccpkit's code is no part of it: a new version reads the ledger alike."""
    return hashlib.sha256("\x1f".join(texts).encode()).hexdigest()[:16]


def file_digest(path: Path | str) -> str:
    """``content_digest`` of the file at ``path``, read a block at a time (a package or a ledger may be
    megabytes); an ``OSError`` if it cannot be read."""
    with open_regular(path) as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()
