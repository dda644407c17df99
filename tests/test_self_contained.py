"""A fresh clone stands alone: nothing in it reads from a folder beside the repo."""

from __future__ import annotations

import subprocess

from tests.conftest import RAW_EXPORT, REPO

OUTSIDE = "../" + "shared"  # spelled in two parts so this file does not match itself


def _tracked_files() -> list[str]:
    listing = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, check=True, capture_output=True)
    return [name for name in listing.stdout.decode("utf-8").split("\0") if name]


def test_the_raw_export_is_part_of_the_repo() -> None:
    assert RAW_EXPORT.is_relative_to(REPO)
    assert RAW_EXPORT.relative_to(REPO).as_posix() in _tracked_files()


def test_no_tracked_file_points_beside_the_clone() -> None:
    pointing_out = [
        name
        for name in _tracked_files()
        if (REPO / name).is_file() and OUTSIDE.encode() in (REPO / name).read_bytes()
    ]
    assert pointing_out == []
