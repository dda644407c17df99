"""A generated corpus of term cards, the same cards in ccpkit's notes format and in ankdown's.

Run ``python benchmarks/corpus.py OUT --cards 10000 [--seed 1]`` to look at one; ``bench.py
--against-ankdown`` generates its own. The same seed and size always give the same bytes.

The ccpkit side reads like a student's course notes (docs/notes-format.md): one ``NNN-slug`` folder
per module of about a hundred cards, each with a cram sheet, a summary and lecture notes that mix
``**Term:** definition`` bullets (three separator styles, inline Markdown, some with child bullets)
with headings and prose that holds no card. The ankdown side holds exactly those cards, one
``front % back % tags`` block each, in a folder per module (ankdown's deck) and a file per notes file.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

CARDS_PER_MODULE = 100
PARTS = (
    ("cram-sheet", "Cram Sheet", 0.5),
    ("summary", "Summary", 0.3),
    ("lecture-notes", "Lecture Notes", 0.2),
)
"""Each module's notes files: file name, its H1 (the part) and its share of the module's cards."""


def _listed(words: str) -> tuple[str, ...]:
    return tuple(words.split())


_SYLLABLES = _listed(
    "ar bel cor dex fen gal hor ix jun kel lum mor nex or pax quil ras sol tor ux vel wyn zor"
)
_PREFIXES = _listed("Amazon AWS Cloud Elastic Managed Regional Global Private")
_SUFFIXES = _listed("Gateway Store Manager Engine Registry Monitor Catalog Shield Stream Hub")
_WORDS = _listed(
    "data storage instance region zone network traffic request latency cost bill account policy role "
    "user group key secret backup snapshot replica cluster node queue topic event log metric alarm "
    "dashboard template stack resource service endpoint bucket object file volume table index query "
    "cache edge origin certificate domain record route subnet gateway firewall rule scale capacity "
    "workload application container function runtime image registry pipeline build deploy release"
)
_VERBS = _listed(
    "stores keeps sends routes encrypts replicates scales monitors records protects bills caches "
    "schedules rotates filters balances restores copies tags audits limits"
)
_SEPARATORS = ("colon inside", "colon after", "dash")


@dataclass(frozen=True, slots=True)
class Card:
    term: str
    definition: str
    """One line of Markdown."""
    children: tuple[str, ...]
    """Plain bullets under the term: they join its back."""


@dataclass(frozen=True, slots=True)
class Corpus:
    """Where the two sides were written, and one card to edit between builds."""

    notes: Path
    ankdown: Path
    cards: int
    edit_file: Path
    edit_term: str


def generate(folder: Path, cards: int, seed: int = 1) -> Corpus:
    """Write ``cards`` term cards under ``folder/notes`` (ccpkit) and ``folder/ankdown``."""
    rng = random.Random(seed)
    terms: set[str] = set()
    notes, ankdown = folder / "notes", folder / "ankdown"
    modules = max(1, round(cards / CARDS_PER_MODULE))
    edit: tuple[Path, str] | None = None
    for number in range(1, modules + 1):
        size = cards // modules + (1 if number <= cards % modules else 0)
        title = f"{rng.choice(_PREFIXES)} {_word(rng).title()} Services"
        slug = f"{number:03}-{'-'.join(title.lower().split())}"
        shares = _split(size, [share for _, _, share in PARTS])
        for (name, part, _), count in zip(PARTS, shares, strict=True):
            module_cards = [_card(rng, terms) for _ in range(count)]
            front_matter = f"---\nmodule_title: {title}\n---\n\n" if name == "cram-sheet" else ""
            markdown = front_matter + _notes_file(rng, part, module_cards, prose=name == "lecture-notes")
            _write(notes / slug / f"{name}.md", markdown)
            _write(ankdown / slug / f"{name}.md", _ankdown_file(module_cards, [slug, "card", name]))
            if number == (modules + 1) // 2 and name == "cram-sheet" and module_cards:
                edit = (notes / slug / f"{name}.md", module_cards[len(module_cards) // 2].term)
    assert edit is not None, "every corpus has a middle module with a cram sheet"
    return Corpus(notes, ankdown, cards, *edit)


def edit_one_card(corpus: Corpus, words: str) -> None:
    """Append ``words`` to one card's definition: a one-card edit, as a student makes it."""
    lines = corpus.edit_file.read_text(encoding="utf-8").split("\n")
    index = next(n for n, line in enumerate(lines) if line.startswith(f"- **{corpus.edit_term}"))
    lines[index] = lines[index].rstrip(".") + f", {words}."
    corpus.edit_file.write_text("\n".join(lines), encoding="utf-8")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))


def _card(rng: random.Random, terms: set[str]) -> Card:
    while True:
        term = f"{rng.choice(_PREFIXES)} {_word(rng).title()} {rng.choice(_SUFFIXES)}"
        if term not in terms:
            terms.add(term)
            break
    children = tuple(_sentence(rng, 4, 9, markup=False) for _ in range(2)) if rng.random() < 0.1 else ()
    return Card(term, _sentence(rng, 8, 22, markup=True), children)


def _sentence(rng: random.Random, shortest: int, longest: int, *, markup: bool) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(shortest, longest))]
    words[1] = rng.choice(_VERBS)
    if markup:
        for style in ("**{}**", "`{}`", "*{}*"):
            if rng.random() < 0.15:
                at = rng.randrange(2, len(words))
                words[at] = style.format(words[at])
    text = " ".join(words)
    return text[0].upper() + text[1:] + ("." if markup else "")


def _split(total: int, shares: list[float]) -> list[int]:
    counts = [int(total * share) for share in shares]
    counts[0] += total - sum(counts)
    return counts


def _notes_file(rng: random.Random, part: str, cards: list[Card], *, prose: bool) -> str:
    blocks = [f"# {part}"]
    at = 0
    while at < len(cards):
        section = cards[at : at + rng.randint(5, 10)]
        at += len(section)
        blocks.append(f"## {_word(rng).title()} {rng.choice(_SUFFIXES).lower()}")
        if prose or rng.random() < 0.3:
            blocks.append(" ".join(_sentence(rng, 10, 20, markup=True) for _ in range(rng.randint(1, 3))))
        blocks.append("\n".join(_bullet(rng, card) for card in section))
    return "\n\n".join(blocks) + "\n"


def _bullet(rng: random.Random, card: Card) -> str:
    match rng.choice(_SEPARATORS):
        case "colon inside":
            line = f"- **{card.term}:** {card.definition}"
        case "colon after":
            line = f"- **{card.term}**: {card.definition}"
        case _:
            line = f"- **{card.term}** — {card.definition}"
    return "\n".join([line, *(f"  - {child}" for child in card.children)])


def _ankdown_file(cards: list[Card], tags: list[str]) -> str:
    """ankdown's format: fields split by lines holding only ``%``, cards by lines holding only ``---``;
    the front and back are Markdown, the third field is tags."""
    blocks = []
    for card in cards:
        back = "\n\n".join([card.definition, "\n".join(f"- {child}" for child in card.children)])
        blocks.append(f"{card.term}\n\n%\n\n{back.strip()}\n\n%\n\n{', '.join(tags)}\n")
    return "\n---\n\n".join(blocks)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="Folder to write notes/ and ankdown/ into (must not exist).")
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    if arguments.out.exists():
        parser.error(f"{arguments.out} exists")
    corpus = generate(arguments.out, arguments.cards, arguments.seed)
    print(f"{corpus.cards} cards: {corpus.notes} (ccpkit), {corpus.ankdown} (ankdown)")


if __name__ == "__main__":
    main()
