"""The parse side's faster paths give what the general ones give."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccpkit.model import Card, Deck, ModelError, Module, SourceLocation
from ccpkit.parse.duplicates import unique_items
from ccpkit.parse.notes_folder import _is_latex, _nameable, _told_of, find_modules


def _card(module: str, term: str, line: int, *, part: str = "Lecture", pinned: str = "") -> Card:
    return Card(
        id=pinned or f"{module}/card/{term.lower()}",
        module=module,
        source=SourceLocation(f"{module}/notes.md", line),
        part=part,
        front=term,
        back=f"What {term} means.",
    )


def test_items_of_distinct_ids_are_kept_as_they_are_with_no_problem() -> None:
    items = [_card("a", "EC2", 1), _card("a", "S3", 2, part="Cram Sheet"), _card("b", "EC2", 1)]

    kept, problems = unique_items(iter(items))

    assert kept == items and problems == []


def test_a_repeated_id_still_merges_and_a_pinned_one_is_still_left_out() -> None:
    lecture, cram = _card("a", "EC2", 1), _card("a", "EC2", 9, part="Cram Sheet")
    pinned = _card("b", "Lambda", 3, pinned="a/card/s3")
    taken = _card("a", "S3", 2)

    kept, problems = unique_items([lecture, taken, cram, pinned])

    assert [item.id for item in kept] == ["a/card/ec2", "a/card/s3"]
    assert [(str(problem.location), problem.severity) for problem in problems] == [
        ("a/notes.md:9", "warning"),
        ("b/notes.md:3", "error"),
    ]


def test_a_deck_names_the_first_id_used_twice_and_both_places() -> None:
    first = Module(number=1, slug="a", title="A", items=(_card("a", "EC2", 1), _card("a", "S3", 2)))
    second = Module(number=2, slug="b", title="B", items=(_card("b", "S3", 4, pinned="a/card/s3"),))

    with pytest.raises(ModelError, match=r"^id a/card/s3 is used at a/notes\.md:2 and b/notes\.md:4$"):
        Deck(title="T", modules=(first, second))
    assert len(list(Deck(title="T", modules=(first,)).items())) == 2


def test_modules_of_one_slug_are_found_in_the_order_their_paths_sort_in(tmp_path: Path) -> None:
    """A file and a folder of one name (``b.md``, ``b/``) keep the order of their paths: the first is
    the module, the second a problem."""
    for name in ("b.md", "B.md", "a.md", "b-c.md"):
        (tmp_path / name).write_text("- **Term:** text\n", encoding="utf-8")
    for name in ("b", "a-b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "notes.md").write_text("- **Term:** text\n", encoding="utf-8")

    found = find_modules(tmp_path)

    paths = sorted(tmp_path.iterdir())
    by_slug = sorted(paths, key=lambda path: path.stem.lower())  # stable: ties in the paths' order
    assert [module.name for module in found] == [
        f"{path.name}/" if path.is_dir() else path.name for path in by_slug
    ]
    assert [module.name for module in found][2:5] == ["B.md", "b/", "b.md"]


def test_the_names_told_of_are_those_a_recursive_glob_finds(tmp_path: Path) -> None:
    """Every depth, hidden folders too, no link to a folder followed (its LaTeX file is not told of)."""
    outside = tmp_path / "outside"
    (outside / "linked").mkdir(parents=True)
    (outside / "linked" / "behind-a-link.Rnw").write_text("x", encoding="utf-8")
    notes = tmp_path / "notes"
    for relative in ("01-a/ex.Rnw", "01-a/deep/er/two.RNW", ".hidden/three.rnw", "tab\tname/x.md", "b.md"):
        (notes / relative).parent.mkdir(parents=True, exist_ok=True)
        (notes / relative).write_text("- **Term:** text\n", encoding="utf-8")
    (notes / "bell\x07folder").mkdir()
    (notes / "01-a" / "link").symlink_to(outside / "linked", target_is_directory=True)
    (notes / "latex-link.Rnw").symlink_to(outside / "linked" / "behind-a-link.Rnw")

    found = sorted(_told_of(notes))

    globbed = sorted(path for path in notes.rglob("*") if not _nameable(path.name) or _is_latex(path.name))
    assert found == globbed
    assert {path.name for path in found} == {
        "ex.Rnw",
        "two.RNW",
        "three.rnw",
        "tab\tname",
        "bell\x07folder",
        "latex-link.Rnw",
    }
