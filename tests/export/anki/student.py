"""A student with a fresh Anki collection (the real ``anki`` library): import, study, edit, look."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING

from anki.collection import Collection
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest, ImportResponse
from anki.notes import Note, NoteId
from anki.scheduler.v3 import CardAnswer, Scheduler

if TYPE_CHECKING:  # importing anki.cards before anki.collection is a circular import
    from anki.cards import Card

OWN_FIELD = {
    "ccpkit Term v1": "Definition",
    "ccpkit Comparison v1": "Answer",
    "ccpkit MCQ v1": "Explanation",
    "ccpkit Cloze v1": "Extra",
}
"""The field a student adds their own words to, per note type."""
_HIDDEN = re.compile(r"<(style|script)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def visible_text(html: str) -> str:
    """What a student reads: no CSS, no scripts, no tags, entities decoded, spaces collapsed."""
    text = unescape(_TAG.sub(" ", _HIDDEN.sub(" ", html)))
    return " ".join(text.split())


@dataclass
class Student:
    collection: Collection

    @classmethod
    def with_fresh_collection(cls, folder: Path) -> Student:
        return cls(Collection(str(folder / "collection.anki2")))

    def import_package(self, package: Path) -> ImportResponse.Log:
        """Import with Anki's default options (update notes and note types "if newer", no merging)."""
        request = ImportAnkiPackageRequest(package_path=str(package), options=ImportAnkiPackageOptions())
        log = self.collection.import_anki_package(request).log
        self.collection.models._clear_cache()  # the desktop app does this after an import; we must too
        return log

    def notes(self) -> Iterator[Note]:
        for note_id in sorted(self.collection.find_notes("")):
            yield self.collection.get_note(note_id)

    def note(self, item_id: str) -> Note:
        """The note whose ``Id`` field is ``item_id``."""
        matches = [note for note in self.notes() if note["Id"] == item_id]
        assert len(matches) == 1, f"{len(matches)} notes with Id {item_id}"
        return matches[0]

    def cards(self) -> Iterator[Card]:
        for card_id in sorted(self.collection.find_cards("")):
            yield self.collection.get_card(card_id)

    def study_everything(self) -> int:
        """Answer every new card once with "Good", as if studied; returns how many were answered.

        Each answer gets a millisecond of its own, later than any review already logged, as a
        student's answers (seconds apart) do. A loop answers several cards in one millisecond, and
        Anki then logs the later answer at the next free millisecond: at the end of a second that
        is the next second, while the card keeps the second it was answered in, a mismatch Check
        Database repairs ("Added last review time to 1 card") that no student would ever cause.
        """
        collection, scheduler = self.collection, self.collection.sched
        assert isinstance(scheduler, Scheduler)  # Anki's v3 scheduler, the only one it ships
        new_cards = sorted(collection.find_cards("is:new"))
        for card_id in new_cards:
            card = collection.get_card(card_id)
            card.start_timer()
            states = collection._backend.get_scheduling_states(card_id)  # as ``sched.answerCard`` does
            answer = scheduler.build_answer(card=card, states=states, rating=CardAnswer.GOOD)
            last_logged: int = collection.db.scalar("select coalesce(max(id), 0) from revlog")
            answer.answered_at_millis = max(answer.answered_at_millis, last_logged + 1)
            scheduler.answer_card(answer)
        return len(new_cards)

    def reviews_of(self, note: Note) -> int:
        query = "select count() from revlog where cid in (select id from cards where nid = ?)"
        count: int = self.collection.db.scalar(query, note.id)
        return count

    def edit(self, item_id: str, field: str, text: str) -> None:
        note = self.note(item_id)
        note[field] = text
        self.collection.update_note(note)

    def annotate(self, note: Note, mnemonic: str) -> None:
        """What a student does to a note they care about: a mnemonic after its answer, and Anki's
        ``marked`` tag (both make the note newer than the package it came from)."""
        note[OWN_FIELD[note.note_type()["name"]]] += mnemonic  # type: ignore[index]
        note.add_tag("marked")
        self.collection.update_note(note)

    def guids(self, logged: Iterable[ImportResponse.Note]) -> set[str]:
        """The GUIDs of the notes an import log names."""
        return {self.collection.get_note(NoteId(entry.id.nid)).guid for entry in logged}

    def decks_of(self, note: Note) -> set[str]:
        """The decks holding the note's cards."""
        return {self.collection.decks.name(card.did) for card in note.cards()}

    def note_type_names(self) -> list[str]:
        return sorted(model["name"] for model in self.collection.models.all())

    def close(self) -> None:
        self.collection.close()
