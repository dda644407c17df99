"""The ledger's values: what it records per note, and the error for a ledger that cannot be trusted."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from ccpkit.config import LEDGER_NAME as LEDGER_NAME
from ccpkit.errors import CcpkitError


class LedgerError(CcpkitError):
    """The ledger file cannot be trusted; building on would silently give notes fresh GUIDs."""

    def __init__(self, path: Path, problem: str) -> None:
        self.problem = problem
        super().__init__(
            f"{path}: {problem}\n"
            f"The ledger keeps your Anki notes' identities, so ccpkit neither builds nor syncs on it. "
            f"Restore it from git (`git checkout HEAD -- {path}`), or delete it to start a new one: "
            f"notes whose id is unchanged keep their GUID if its first line named a `guid scope` (the "
            f"course title, unchanged), notes renamed since the last good ledger are "
            f"duplicated in Anki, a cloze's parts are numbered in the notes' order again (a studied "
            f"card may then ask another part), and every note counts as changed once (edits made "
            f"inside Anki are overwritten by the next import)."
        )


class NewerLedgerError(LedgerError):
    """A ledger line records what this ccpkit does not know: a newer ccpkit wrote the ledger (on another
    computer of the student's). Deleting it would cost every note its GUID: upgrading is the fix."""

    def __init__(self, path: Path, problem: str) -> None:
        self.problem = problem
        CcpkitError.__init__(
            self,
            f"{path}: {problem}, which this ccpkit does not know: a newer ccpkit wrote the ledger. Upgrade "
            f"ccpkit here (`pip install --upgrade ccpkit`) to build or sync on it; do not delete it, as it "
            f"keeps your Anki notes' identities.",
        )


BRIEF_ANSWER_WORDS = 3
"""At most this many words make a brief answer (``True``, ``Yes``, ``15 minutes``, ``Amazon S3``)."""


class Fingerprint(NamedTuple):
    """What the ledger needs to know about one note of the current build. A named tuple: every build
    reads the fingerprints of all modules back from its store, and tuples read back fastest."""

    id: str
    note_type: str
    key: tuple[str, ...]
    """Texts naming the note, each compared on its own to detect a rename: the term; the table and row;
    a question's stem, options and correct answers (so a question that only shares its stem differs)."""
    answer: str
    """Hash of the answer fields: equal answers under a new id mean a renamed note, unless ``brief``."""
    study: str
    """Hash of the study text (term and definition, cells, stem to explanation): only its change
    re-sends the note, as Anki's update replaces every field and the tags, wiping the student's edits."""
    meta: str
    """Hash of the rest of the note (context, id, table title, tags): sent along with the study text."""
    deck: str
    """The deck the note belongs in now."""
    legacy: str = ""
    """Hash of the whole note as earlier ccpkit versions recorded it (``Entry.content``)."""
    module: str = ""
    """The module's slug: a retitled table is looked for inside its module."""
    table: str = ""
    """For a table row, the table's id: rows of a retitled table keep their identities together."""
    row: str = ""
    """For a table row, the digest of its cells as written: a row asked another way keeps its note."""
    earlier_study: tuple[str, ...] = ()
    """The study text's hashes as earlier ccpkit versions recorded them (white space as written, a
    table's rows in their order), where they differ from ``study``: a ledger of theirs finds the note
    unchanged."""
    hidden: tuple[str, ...] = ()
    """A cloze note's hidden parts, without their numbers: a sentence reworded as a part is added to it
    (or taken out) is still the note whose parts it holds."""
    twins: tuple[str, ...] = ()
    """The ids it would take were another note of its name before it (``item_ids.twin_ids``): twins
    whose order flipped while both changed are told apart by them."""
    earlier_ids: tuple[str, ...] = ()
    """The ids an earlier ccpkit gave it (a row labelled by a picture with no alt text was known by the
    picture's content name): an entry under one that no note has now is its own."""
    brief: bool = False
    """Its answer is of ``BRIEF_ANSWER_WORDS`` or fewer (``True``, ``Yes``, ``15 minutes``): many facts share
    such an answer, so an equal one names the note only with a name alike too."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One note the ledger knows, present in the notes or orphaned.

    The fields with defaults were added later: an entry written before them lacks them, and its
    ``content`` tells the next build whether the note changed.
    """

    guid: str
    note_type: str
    key: tuple[str, ...]
    answer: str
    modified: int
    """Epoch seconds when the note was last sent (its study text changed): its mtime in the .apkg."""
    study: str = ""
    """Study-text hash as last sent to Anki; empty in an entry from an earlier ccpkit."""
    meta: str = ""
    """Hash of the rest of the note as last sent; differing from the build's means a change waits."""
    home: str = ""
    """The deck the note's cards went to when Anki first added it: an import never moves a card."""
    deck: str = ""
    """The deck the note belonged in at the last build, to tell when it moves."""
    orphaned: bool = False
    """The note left the notes and the build that saw it go reported it; later builds only count it."""
    content: str = ""
    """Hash of the whole note, as earlier ccpkit versions recorded instead of ``study`` and ``meta``."""
    module: str = ""
    table: str = ""
    """``module`` and ``table`` as the note's last build saw them (empty in earlier ledgers)."""
    row: str = ""
    """``Fingerprint.row`` as last built (empty in earlier ledgers)."""
    clozes: tuple[str, ...] = ()
    """A cloze note's hidden parts by cloze number as last sent (``cloze_syntax.kept_numbers``): a
    part keeps its number, and its card its history, when another is added or removed before it."""
    sent: str = ""
    """The id Anki's copy of the note holds, when another than its own: it was renamed and not sent
    again since (an import re-sends only a study change). A search in Anki must ask for that one."""
    forgotten: bool = False
    """An orphan ``ccpkit orphans --forget`` dropped from the lists and counts. Its entry stays: should
    its item come back, it takes its note (and history) again rather than a second one beside it."""
    superseded: tuple[str, ...] = ()
    """The study text's hashes as sent before its last changes, newest first (``SUPERSEDED_KEPT`` at
    most): Anki's copy reading as one of them is an older package's, its update skipped by an import
    because the note was touched in Anki since (marked, tagged a leech), never the student's edit."""


SUPERSEDED_KEPT = 8
"""How many earlier study texts an entry remembers (16 characters each): a note edited and built again
that often between two imports is rare; one edited more often is reported as the student's edit."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """A hash of some content and when it last changed (used for the templates)."""

    hash: str
    modified: int


@dataclass(frozen=True, slots=True)
class Ledger:
    notes: Mapping[str, Entry] = field(default_factory=dict)
    templates: Stamp | None = None
    guid_scope: str = ""
    """The course a new note's GUID is made in (with its id), so two courses in one Anki collection
    never share a GUID; set when a ledger starts. Empty in a ledger started before: GUIDs from ids alone."""


@dataclass(frozen=True, slots=True)
class Move:
    """A note now in another deck than its cards: Anki never moves an existing card on import."""

    id: str
    home: str
    """Where its cards are (the deck they were added to)."""
    deck: str
    """Where the notes now put it."""


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """The new ledger and what changed since the previous one, for the build report.

    ``added``, ``updated``, ``restored`` and the unchanged rest split the build's notes by what the
    ``.apkg`` does to them; renames are among updated (new study text) or unchanged (same study text).
    """

    ledger: Ledger
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    """Ids re-sent with a new modification time: their study text changed."""
    renamed: tuple[tuple[str, str], ...] = ()
    """(old id, new id) pairs: the new id kept the old GUID."""
    restored: tuple[str, ...] = ()
    """Orphans back in the notes with their old GUID: Anki adds them anew if the student deleted them."""
    pending: tuple[str, ...] = ()
    """Ids not re-sent whose context, id, tags or deck changed: a re-import leaves Anki's copy as it is."""
    moved: tuple[Move, ...] = ()
    """Notes whose deck changed at this build while their cards stay in their old deck."""
    orphaned: tuple[str, ...] = ()
    """Ids that left the notes at this build: still in Anki, since import never deletes."""
    standing_orphans: tuple[str, ...] = ()
    """Ids that left the notes at an earlier build and are still orphans."""
    held: tuple[str, ...] = ()
    """Ids missing from a build whose notes hold errors, kept as they were: an item that fails to parse
    is not gone, so it is not called an orphan (nor listed for deletion) before the notes build cleanly."""
    waiting: tuple[str, ...] = ()
    """A ``--module`` build's: the ids of other modules' notes added, changed or gone since they were
    last sent, left for a build that includes them."""
    built: int | None = None
    """A ``--module`` build's: how many notes its package holds (else: every note present)."""
    restyled: bool = False
    """The card templates changed since a package was last built: the next import replaces the note
    types in Anki with the package's."""

    @property
    def unchanged(self) -> int:
        """Notes of this build the ``.apkg`` does not touch (Anki logs them as already there)."""
        gone = len(self.orphaned) + len(self.standing_orphans) + self.forgotten + len(self.held)
        present = len(self.ledger.notes) - gone
        present = present if self.built is None else self.built
        return present - len(self.added) - len(self.updated) - len(self.restored)

    @property
    def forgotten(self) -> int:
        """Orphans the student forgot (``ccpkit orphans --forget``): kept in the ledger, in no package."""
        return sum(entry.forgotten for entry in self.ledger.notes.values())

    def of_modules(self, slugs: Collection[str], built: int) -> Reconciliation:
        """A ``--module`` build's changes, of the modules ``slugs`` (its package holding ``built`` notes);
        the others' are ``waiting``."""

        def inside(key: str) -> bool:
            return key.split("/", 1)[0] in slugs

        changed = (*self.added, *self.updated, *self.restored, *self.orphaned)
        return replace(
            self,
            added=tuple(filter(inside, self.added)),
            updated=tuple(filter(inside, self.updated)),
            restored=tuple(filter(inside, self.restored)),
            orphaned=tuple(filter(inside, self.orphaned)),
            pending=tuple(filter(inside, self.pending)),
            renamed=tuple(pair for pair in self.renamed if inside(pair[1])),
            moved=tuple(move for move in self.moved if inside(move.id)),
            waiting=tuple(key for key in changed if not inside(key)),
            built=built,
        )
