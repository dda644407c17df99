"""Two clones of a course, each adding a card and building, merged by real git: with the ledger's merge
driver installed (README, "Two computers") the merge is clean and keeps both clones' GUIDs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from ccpkit.build import build
from ccpkit.export import ExportOptions
from ccpkit.ledger import LEDGER_NAME, LedgerError, load_ledger
from ccpkit.ledger.merge import GIT_ATTRIBUTES, GIT_CONFIG
from tests.conftest import REPO

NOTES = REPO / "tests" / "fixtures" / "notes"
LEDGER = f"source_notes/{LEDGER_NAME}"
DRIVER = f"{sys.executable} -m ccpkit ledger merge %O %A %B"
T0 = 1_700_000_000
ECS = "- **Amazon ECS:** Runs containers on EC2 or Fargate.\n"
EKS = "\n## Containers\n\n- **Amazon EKS:** Managed Kubernetes.\n"


@dataclass(frozen=True)
class Clone:
    folder: Path

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", *args], cwd=self.folder, env=_git_env(self.folder.parent), text=True,
            capture_output=True, check=check,
        )  # fmt: skip

    def install_driver(self) -> None:
        self.git("config", "merge.ccpkit-ledger.name", "ccpkit ledger: keep both clones' notes")
        self.git("config", "merge.ccpkit-ledger.driver", DRIVER)

    def edit(
        self, relative: str, *, after: str = "", append: str = "", replace: tuple[str, str] = ("", "")
    ) -> None:
        path = self.folder / "source_notes" / relative
        text = path.read_text(encoding="utf-8")
        if after:
            text = text.replace(after, after + append, 1)
        elif replace[0]:
            text = text.replace(*replace)
        else:
            text += append
        path.write_text(text, encoding="utf-8")

    def build_and_commit(self, at: int, message: str) -> None:
        notes, out = self.folder / "source_notes", self.folder.parent / f"{self.folder.name}-build"
        build(
            notes,
            out,
            formats=("anki",),
            options=ExportOptions(templates=REPO / "templates"),
            clock=lambda: at,
        )
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def guid(self, note_id: str) -> str:
        return load_ledger(self.folder / LEDGER).notes[note_id].guid


def _git_env(home: Path) -> dict[str, str]:
    """Git that ignores the machine's own settings, with a committer."""
    return {
        **os.environ,
        "HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": str(home / "no-gitconfig"),
        **{f"GIT_{who}_{what}": value for who in ("AUTHOR", "COMMITTER")
           for what, value in (("NAME", "Student"), ("EMAIL", "student@example.com"))},
    }  # fmt: skip


@pytest.fixture
def clones(tmp_path: Path) -> tuple[Clone, Clone]:
    """A course with a built ledger and this repository's .gitattributes, cloned twice."""
    origin = Clone(tmp_path / "origin")
    origin.folder.mkdir()
    origin.git("init", "-q", "-b", "main")
    shutil.copytree(NOTES, origin.folder / "source_notes")
    shutil.copy(REPO / ".gitattributes", origin.folder / ".gitattributes")
    origin.build_and_commit(T0, "notes and ledger")
    origin.git("config", "receive.denyCurrentBranch", "ignore")
    laptop, desktop = Clone(tmp_path / "laptop"), Clone(tmp_path / "desktop")
    for clone in (laptop, desktop):
        subprocess.run(
            ["git", "clone", "-q", str(origin.folder), str(clone.folder)], env=_git_env(tmp_path), check=True
        )
    return laptop, desktop


def add_neighbouring_cards(laptop: Clone, desktop: Clone) -> None:
    """Each clone adds one card whose id sorts next to the other's, in separate parts of the notes."""
    laptop.edit("02-compute/cram-sheet.md", after="pay per request.\n", append=ECS)
    laptop.build_and_commit(T0 + 60, "ECS")
    desktop.edit("02-compute/cram-sheet.md", append=EKS)
    desktop.build_and_commit(T0 + 120, "EKS")
    laptop.git("push", "-q", "origin", "main")


def test_with_the_driver_both_clones_cards_merge_without_a_conflict(clones: tuple[Clone, Clone]) -> None:
    laptop, desktop = clones
    add_neighbouring_cards(laptop, desktop)
    ecs, eks = laptop.guid("02-compute/card/amazon-ecs"), desktop.guid("02-compute/card/amazon-eks")
    desktop.install_driver()
    merged = desktop.git("pull", "-q", "--no-rebase", "--no-edit", "origin", "main", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    ledger = load_ledger(desktop.folder / LEDGER)  # valid, and no two notes share a GUID
    assert (desktop.guid("02-compute/card/amazon-ecs"), desktop.guid("02-compute/card/amazon-eks")) == (
        ecs,
        eks,
    )
    assert ecs != eks and len(ledger.notes) == 5 + 2
    lines = (desktop.folder / LEDGER).read_text(encoding="utf-8").splitlines()
    assert lines[2:] == sorted(lines[2:])  # the driver writes the ledger as a build would


def test_without_the_driver_git_stops_and_the_driver_then_redoes_the_merge(
    clones: tuple[Clone, Clone],
) -> None:
    """Neighbouring lines conflict as text; installing the driver afterwards resolves the conflict."""
    laptop, desktop = clones
    add_neighbouring_cards(laptop, desktop)
    assert (
        desktop.git("pull", "-q", "--no-rebase", "--no-edit", "origin", "main", check=False).returncode != 0
    )
    with pytest.raises(LedgerError, match="git left a merge conflict here"):
        load_ledger(desktop.folder / LEDGER)
    desktop.install_driver()
    desktop.git("checkout", "-m", "--", LEDGER)
    assert {"02-compute/card/amazon-ecs", "02-compute/card/amazon-eks"} <= set(
        load_ledger(desktop.folder / LEDGER).notes
    )


def test_keeping_both_sides_of_the_text_conflict_is_a_valid_ledger(
    clones: tuple[Clone, Clone], tmp_path: Path
) -> None:
    laptop, desktop = clones
    add_neighbouring_cards(laptop, desktop)
    desktop.git("fetch", "-q", "origin")
    sides = {side: tmp_path / side for side in ("base", "ours", "theirs")}
    for side, revision in (("base", "HEAD~1"), ("ours", "HEAD"), ("theirs", "origin/main")):
        sides[side].write_text(desktop.git("show", f"{revision}:{LEDGER}").stdout, encoding="utf-8")
    files = [str(sides[side]) for side in ("ours", "base", "theirs")]
    union = subprocess.run(
        ["git", "merge-file", "--union", "-p", *files], capture_output=True, text=True, check=True
    ).stdout
    sides["ours"].write_text(union, encoding="utf-8")
    assert {"02-compute/card/amazon-ecs", "02-compute/card/amazon-eks"} <= set(
        load_ledger(sides["ours"]).notes
    )


def test_a_card_edited_differently_in_both_clones_keeps_the_later_build(clones: tuple[Clone, Clone]) -> None:
    """The notes conflict (the student settles that); the ledger does not, and its outcome is fixed."""
    laptop, desktop = clones
    lambda_id = "02-compute/card/aws-lambda"
    laptop.edit("02-compute/cram-sheet.md", replace=("pay per request.", "billed per millisecond."))
    laptop.build_and_commit(T0 + 300, "Lambda on the laptop")
    desktop.edit("02-compute/cram-sheet.md", replace=("pay per request.", "runs for up to 15 minutes."))
    desktop.build_and_commit(T0 + 60, "Lambda on the desktop")
    laptop_entry = load_ledger(laptop.folder / LEDGER).notes[lambda_id]
    laptop.git("push", "-q", "origin", "main")
    desktop.install_driver()
    pulled = desktop.git("pull", "--no-rebase", "--no-edit", "origin", "main", check=False)
    conflicted = desktop.git("diff", "--name-only", "--diff-filter=U").stdout.split()
    assert pulled.returncode != 0 and conflicted == ["source_notes/02-compute/cram-sheet.md"]
    assert f"ledger merge: {lambda_id} changed on both sides; kept the later change" in pulled.stderr
    assert load_ledger(desktop.folder / LEDGER).notes[lambda_id] == laptop_entry


def test_the_readme_and_this_repository_install_the_driver_as_ccpkit_says() -> None:
    """One source for the attribute line and the two commands: the README shows them, the repo uses them."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert GIT_ATTRIBUTES in (REPO / ".gitattributes").read_text(encoding="utf-8")
    assert GIT_ATTRIBUTES in readme and all(command in readme for command in GIT_CONFIG)
