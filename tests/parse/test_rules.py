"""Each extraction rule, specified by fixture files: notes in, the items and problems found out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from ccpkit.parse import parse_notes
from tests.parse.fixture_file import Case, picture, read_fixture_file

FIXTURES = Path(__file__).parent / "fixtures"
PICTURE = re.compile(
    r"!\[[^\]]*\]\(([\w/.-]+\.png)\)|^\[[^\]]+\]:\s*([\w/.-]+\.png)$|<img src=\"([\w/.-]+\.png)\"",
    re.MULTILINE,
)
"""A picture shown inline (``![alt](img/x.png)``, ``<img src="x.png">``), or defined for reference
(``[x]: img/x.png``)."""
CASES = [
    pytest.param(case, id=f"{path.stem}:{case.line}:{case.title}")
    for path in sorted(FIXTURES.glob("*.md"))
    for case in read_fixture_file(path)
]


@pytest.mark.parametrize("case", CASES)
def test_fixture(case: Case, tmp_path: Path) -> None:
    """The notes go into ``m/notes.md`` (module ``m``), so locations read ``m/notes.md:LINE``."""
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(case.notes, encoding="utf-8")
    for path in ("".join(found) for found in PICTURE.findall(case.notes)):  # a missing picture is an error
        (tmp_path / "m" / path).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (1, 1)).save(tmp_path / "m" / path)
    assert picture(parse_notes(tmp_path)) == case.expected
