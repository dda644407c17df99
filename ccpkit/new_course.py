"""``ccpkit init``: a new course in one command, with an example module that shows each item kind.

The example is a working course, not a skeleton: ``ccpkit build`` right after ``init`` makes a deck,
CSV files and PDFs from it, so a newcomer sees the whole loop before writing a note.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from ccpkit.config import CONFIG_FILE
from ccpkit.errors import UsageError
from ccpkit.export import Output
from ccpkit.ledger.merge import GIT_ATTRIBUTES
from ccpkit.parse.notes_folder import course_title
from ccpkit.write import write_atomically

NOTES_FOLDER = "notes"
EXAMPLE_MODULE = "01-getting-started"

EXAMPLE_NOTES = """\
---
module_title: Getting Started
---

# Notes

Write your notes the way you like: prose such as this paragraph stays in your notes and out of the
decks. ccpkit picks out four kinds of study items, one example of each below. Replace them with
your own, add a folder per module (`02-next-topic/`, `03-…`) and run `ccpkit build`.

## Terms

- **Spaced repetition:** Reviewing a fact just before you would forget it, at growing intervals.
- **Active recall:** Answering from memory instead of re-reading; a bold term at the start of a
  bullet, a colon, then its meaning, becomes one flashcard.

## Clozes

A sentence with `{{c1::…}}` around the words to recall becomes a cloze: Anki shows it with those
words hidden. Each number is one card; `==highlighted==` words are clozes too.

A card you answer well comes back after a {{c1::longer}} interval; one you miss comes back
{{c2::sooner}}.

## Comparison tables

**Study methods compared**

| Method | Best for | Effort per session |
| --- | --- | --- |
| Flashcards | Terms and definitions | Low |
| Practice questions | Applying what you know | Medium |
| Cram sheet | The last look before the exam | Low |

## Practice questions

### Question 1

Which file holds the settings of this course, such as its title?

- A) notes/01-getting-started/notes.md
- B) ccpkit.toml
- C) build/json/deck.json
- D) .gitignore

**Answer:** B

**Explanation:** ccpkit reads ccpkit.toml in the folder you run it from.

### Question 2

Which TWO of these become study items when they are written as in this file? (Choose TWO.)

- A) A bullet that starts with a bold term and a colon
- B) A paragraph of prose
- C) A pipe table with a header row
- D) A heading on its own

**Answer:** A, C

**Explanation:** Terms become flashcards and tables become comparison cards; prose and headings only
give the items their place in the notes.
"""


def start_course(folder: Path) -> list[Path]:
    """Write a course into ``folder`` (made if missing; refused unless empty): its settings, titled
    after the folder, and a notes folder with the example module. Returns the files written."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: exists and is not a folder; choose another DIR")
    if folder.is_dir() and any(folder.iterdir()):
        raise UsageError(
            f"{folder}: folder is not empty; `ccpkit init` starts a course in a new or empty one"
        )
    files = {
        CONFIG_FILE: _settings(course_title(folder)),
        f"{NOTES_FOLDER}/{EXAMPLE_MODULE}/notes.md": EXAMPLE_NOTES,
        **version_control_files(),
    }
    return [
        write_atomically(folder, Output(PurePosixPath(name), text.encode())) for name, text in files.items()
    ]


def version_control_files() -> dict[str, str]:
    """The files that tell git how to treat the course (path → text): the one place for its git
    settings. The build folder is made by ccpkit, so it is never committed; the id ledger merges with
    its own driver, which each clone installs with ``ledger.merge.GIT_CONFIG``."""
    return {".gitignore": "/build/\n", ".gitattributes": GIT_ATTRIBUTES}


def _settings(title: str) -> str:
    quoted = json.dumps(title, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    return (
        "# This course's settings; every one is optional (ccpkit's README, \"Configuration\").\n"
        "[course]\n"
        f"title = {quoted}   # PDF headers, Anki parent deck\n"
        "\n"
        "[paths]\n"
        f'notes = "{NOTES_FOLDER}"\n'
        'out = "build"\n'
    )
