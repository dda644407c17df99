"""What ``pip install ccpkit`` gives: the wheel holds every module and the default templates, and a
build from a folder that has no ``templates/`` of its own works."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

FIXTURE_NOTES = Path(__file__).parent / "fixtures" / "notes"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the sources, unpacked as pip would install it: its folder."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    for name in ("ccpkit", "templates"):
        shutil.copytree(REPO / name, source / name, ignore=ignore)
    command = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index"]
    built = subprocess.run([*command, "-w", str(base / "dist"), str(source)], check=True, capture_output=True)
    # `make build` installs the same way: setuptools' warnings would be the first thing a user reads.
    assert b"Warning" not in built.stderr, built.stderr.decode()
    (wheel,) = (base / "dist").glob("ccpkit-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(base / "site")
    return base / "site"


def _files(root: Path, pattern: str) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob(pattern))
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.mark.slow
def test_the_wheel_holds_every_module_of_the_package(installed: Path) -> None:
    """A subpackage missing from pyproject.toml's list shows up here by name."""
    assert sorted(_files(installed / "ccpkit", "*.py")) == sorted(_files(REPO / "ccpkit", "*.py"))


@pytest.mark.slow
def test_the_default_templates_ship_as_the_repository_has_them(installed: Path) -> None:
    assert _files(installed / "ccpkit" / "default_templates", "*") == _files(REPO / "templates", "*")


@pytest.mark.slow
def test_the_bundled_fonts_ship_with_their_licences(installed: Path) -> None:
    assert _files(installed / "ccpkit" / "fonts", "*") == _files(REPO / "ccpkit" / "fonts", "*")


@pytest.mark.slow
def test_a_build_from_a_folder_without_templates_uses_the_shipped_ones(
    installed: Path, tmp_path: Path
) -> None:
    shutil.copytree(FIXTURE_NOTES, tmp_path / "notes")
    environment = {**os.environ, "PYTHONPATH": str(installed)}
    where = subprocess.run(
        [sys.executable, "-c", "import ccpkit.templates as t; print(t.DEFAULTS)"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()) == installed / "ccpkit" / "default_templates"

    result = subprocess.run(
        [sys.executable, "-m", "ccpkit", "build", "--notes", "notes"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "templates").exists()
    built = {path.relative_to(tmp_path / "build").parts[0] for path in (tmp_path / "build").rglob("*.*")}
    assert {"anki", "csv", "pdf", "json"} <= built
