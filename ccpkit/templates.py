"""Which template file a build reads: the project's own copy where it has one, else ccpkit's default.

The defaults have one source, the repository's top-level ``templates/`` folder. A wheel ships that
folder as ``ccpkit/default_templates`` (``package-dir`` in pyproject.toml); a source checkout or an
editable install reads it where it is. A project overrides the defaults file by file, so it keeps
only the files it changes.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from ccpkit.errors import UsageError

_PACKAGE = Path(__file__).resolve().parent


def _defaults() -> Path:
    installed = _PACKAGE / "default_templates"
    return installed if installed.is_dir() else _PACKAGE.parent / "templates"


DEFAULTS = _defaults()
"""ccpkit's own templates: ``anki/`` (card templates, CSS) and ``pdf/`` (style.toml)."""


def template_file(project: Path, name: str) -> Path:
    """``project/name`` when the project overrides that file (a link that leads nowhere too, so its
    reader says so), else ccpkit's default ``name``."""
    own = project / name
    return own if os.path.lexists(own) else DEFAULTS / name


def template_roots(project: Path, folder: str = "") -> list[Path]:
    """The folders a build's templates come from, defaults first: digest them to notice any change."""
    return [DEFAULTS / folder, project / folder] if folder else [DEFAULTS, project]


_TEMPLATE_SUFFIXES = {".html": "anki", ".htm": "anki", ".css": "anki", ".toml": "pdf"}
"""What a template file's name ends with (in any case), and the folder its kind lives in."""


def require_known(folder: Path, known: Collection[str]) -> None:
    """A file in a project's templates ``folder`` (``anki/``, ``pdf/``) that looks like a template but
    is none of the ``known`` names is a misspelt override (``term.frnt.html``, ``styles.css``,
    ``term.front.HTML`` where names differ in case), and one in the templates folder itself
    (``style.css``) or in a folder named another way (``Anki/``) a misplaced one: it would be ignored,
    and the student would wonder why nothing changed."""
    _require_placed(folder.parent)
    stray = [
        name
        for name in _names(folder)
        if _looks_like_a_template(name) and not any(_names_one(folder, name, own) for own in known)
    ]
    if stray:
        raise UsageError(
            f"{folder / stray[0]}: ccpkit reads no template of that name, so it would be ignored: name it "
            f"as one of {', '.join(sorted(known))}, or move it out of {folder}"
        )


def _require_placed(project: Path) -> None:
    for name in _names(project):
        if (project / name).is_dir():
            own = name.casefold()
            if own in _TEMPLATE_SUFFIXES.values() and not _names_one(project, name, own):
                raise UsageError(
                    f"{project / name}: ccpkit reads templates from {own}/ alone (in lower case), so the "
                    f"files in it would be ignored: rename it {own}"
                )
        elif _looks_like_a_template(name) and (
            not name.casefold().endswith(".toml") or "style" in name.casefold()
        ):
            home = _TEMPLATE_SUFFIXES[Path(name).suffix.casefold()]  # `ccpkit.toml` may lie beside them
            raise UsageError(
                f"{project / name}: ccpkit reads templates from the anki/ and pdf/ folders alone, so this "
                f"file would be ignored: move it to {project / home}/"
            )


def _names_one(folder: Path, name: str, own: str) -> bool:
    """Whether ``name`` in ``folder`` is what ccpkit reads as ``own``: the very name, or, on a system
    whose file names ignore case (a Mac's), one that differs in case alone."""
    if name == own:
        return True
    try:
        return name.casefold() == own.casefold() and os.path.samefile(folder / name, folder / own)
    except OSError:  # no file of its own name: a system that tells case apart
        return False


def _names(folder: Path) -> list[str]:
    try:
        return sorted(entry.name for entry in folder.iterdir())
    except OSError:  # none, or unreadable: each template read says so
        return []


def _looks_like_a_template(name: str) -> bool:
    return Path(name).suffix.casefold() in _TEMPLATE_SUFFIXES and not name.startswith(".")
