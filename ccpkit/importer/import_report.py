"""What the import did with every line it did not carry over verbatim."""

from __future__ import annotations

from dataclasses import dataclass, field

from ccpkit.importer.lines import Line


@dataclass(frozen=True, slots=True, order=True)
class Note:
    """A reported export line: its number, why it was dropped (or left unclassified), and its text."""

    line: int
    reason: str
    text: str


@dataclass
class ImportReport:
    """Dropped and unclassified lines, collected while the parts are parsed."""

    dropped: list[Note] = field(default_factory=list)
    unclassified: list[Note] = field(default_factory=list)

    def drop(self, line: Line, reason: str) -> None:
        self.dropped.append(Note(line.number, reason, line.text))

    def unclassify(self, line: Line, reason: str) -> None:
        self.unclassified.append(Note(line.number, reason, line.text))

    def dropped_lines(self) -> frozenset[int]:
        return frozenset(note.line for note in self.dropped)
