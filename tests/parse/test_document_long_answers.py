"""Answer lines thousands of characters long are read in time proportional to their length."""

from __future__ import annotations

import time
from pathlib import Path

from ccpkit.model import MCQ
from ccpkit.parse import parse_notes


def test_a_long_spoilered_answer_full_of_code_is_read_through(tmp_path: Path) -> None:
    # the reason's code marks were looked for again from every character of the line: 40,000 took 13 s
    (tmp_path / "m").mkdir()
    reason = "`ls` lists, " * 3_400
    question = "1. Which command lists files?\n   - A) `cd`\n   - B) `ls`\n"
    notes = f"# Shell\n\n{question}\nAnswer: >!B — {reason}!<\n"
    (tmp_path / "m" / "notes.md").write_text(notes, encoding="utf-8")
    started = time.perf_counter()
    (mcq,) = parse_notes(tmp_path).deck.items()
    assert time.perf_counter() - started < 4
    assert isinstance(mcq, MCQ)
    assert [option.correct for option in mcq.options] == [False, True]
    assert mcq.explanation.count("ls lists") == 3_400
