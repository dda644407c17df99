"""Our Anki note types: fixed ids, names and fields, versioned on purpose.

Anki matches note types by id and compares their fields and templates (by name, in order): change a
field list here and every note imported before becomes "conflicting" and stops updating. So a schema
change is a new note type — a new id and a ``vN`` name — never an edit of an existing one.
Templates and CSS are not part of the schema; they live in ``templates/anki/`` and may change freely.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NoteType:
    """One Anki note type with a single card template."""

    key: str
    """Short name: the template files are ``<key>.front.html`` and ``<key>.back.html``."""
    id: int
    """Hard-coded forever; Anki knows the note type by it."""
    name: str
    fields: tuple[str, ...]
    """Field names in order; the first is the sort field and names the note."""
    answer_fields: tuple[str, ...]
    """Fields holding the answer: equal answers flag a renamed note (a fixed typo in its first field)."""
    study_fields: tuple[str, ...]
    """Fields holding what is studied. Only a change to these re-sends the note (an Anki update replaces
    every field and the tags, wiping the student's own edits); the others (where the note sits, its id)
    wait for the next study change or ``ccpkit sync``."""
    cloze: bool = False
    """An Anki cloze note type: one card per cloze number in the fields its template reads."""
    unordered_fields: tuple[str, ...] = ()
    """Study fields whose table rows may move without a change to study: rows sorted or reordered in
    the notes re-send no note (an Anki update would wipe the student's edits on every row)."""


TERM = NoteType(
    key="term",
    id=1_597_326_841,
    name="ccpkit Term v1",
    fields=("Term", "Definition", "Context", "Id"),
    answer_fields=("Definition",),
    study_fields=("Term", "Definition"),
)
COMPARISON = NoteType(
    key="comparison",
    id=1_858_203_177,
    name="ccpkit Comparison v1",
    fields=("Row", "Table", "Asks", "Answer", "Whole table", "Context", "Id"),
    # not "Table" nor "Row": a retitled table or a relabelled row keeps its answers
    answer_fields=("Answer",),
    study_fields=("Row", "Asks", "Answer", "Whole table"),
    unordered_fields=("Whole table",),
)
MULTIPLE_CHOICE = NoteType(
    key="mcq",
    id=1_290_487_365,
    name="ccpkit MCQ v1",
    fields=("Stem", "Options", "Choose", "Answers", "Correct", "Explanation", "Context", "Id"),
    answer_fields=("Options", "Answers", "Explanation"),
    study_fields=("Stem", "Options", "Choose", "Answers", "Correct", "Explanation"),
)
CLOZE = NoteType(
    key="cloze",
    id=1_736_059_413,
    name="ccpkit Cloze v1",
    fields=("Text", "Extra", "Context", "Id"),
    answer_fields=(),  # the hidden parts (``AnkiNote.answer``): a reworded sentence keeps them
    study_fields=("Text", "Extra"),
    cloze=True,
)
NOTE_TYPES = (TERM, COMPARISON, MULTIPLE_CHOICE, CLOZE)
ID_FIELD = "Id"
"""The field every note type ends with, holding the note's ccpkit id: Anki's copy names its note by it."""
BY_KIND: Mapping[str, NoteType] = {"card": TERM, "table": COMPARISON, "mcq": MULTIPLE_CHOICE, "cloze": CLOZE}
"""The note type of each kind of item (``model.Kind``)."""
