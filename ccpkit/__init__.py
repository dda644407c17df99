"""ccpkit: study notes in Markdown → Anki decks, CSV files and printable PDF cram sheets."""

__version__ = "0.1.0"
