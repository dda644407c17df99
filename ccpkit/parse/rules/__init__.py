"""Extraction rules, run in order over each file; an earlier rule may claim blocks a later one skips."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.rules.answer_lists import extract_listed_answers
from ccpkit.parse.rules.cards import extract_cards
from ccpkit.parse.rules.characters import check_characters
from ccpkit.parse.rules.clozes import check_clozes, extract_clozes
from ccpkit.parse.rules.flashcards import extract_flashcards
from ccpkit.parse.rules.formulas import check_formulas
from ccpkit.parse.rules.gift import extract_gift_questions
from ccpkit.parse.rules.matching import extract_matching
from ccpkit.parse.rules.mcq import extract_mcqs
from ccpkit.parse.rules.notebook_outputs import claim_notebook_outputs
from ccpkit.parse.rules.pins import check_pins
from ccpkit.parse.rules.separated import extract_mochi_cards, extract_separated_cards
from ccpkit.parse.rules.start_end import extract_marked_notes
from ccpkit.parse.rules.strays import check_question_headings, check_stray_answers
from ccpkit.parse.rules.tables import check_broken_tables, extract_tables
from ccpkit.parse.rules.unclosed import check_unclosed

Rule = Callable[[Context], Iterator[Item | Problem]]

RULES: tuple[tuple[str, Rule], ...] = (
    # Cards whose sides a `%` line separates, notes between START and END: the authors said where each
    # card is, whatever it holds.
    ("separated", extract_separated_cards),
    ("start-end", extract_marked_notes),
    # Moodle's GIFT questions, whose braces no other rule reads.
    ("gift", extract_gift_questions),
    # Matching exercises, whose lettered list and pairs the question rules would misread.
    ("matching", extract_matching),
    # Then questions: their option lists, explanations and answer keys must not become cards.
    ("mcq", extract_mcqs),
    # A notebook's printed output (`Out[4]:` over a table): what code printed, no card nor table.
    ("notebook outputs", claim_notebook_outputs),
    # Then answers no question took, before the card rules take their letters for a card's back.
    ("stray answers", check_stray_answers),
    # Questions answered in a list further down, before any rule reads the answers as notes.
    ("answer lists", extract_listed_answers),
    # Clozes before flashcards and cards: a sentence that hides something is asked as a cloze only.
    ("cloze", extract_clozes),
    # Mochi's sides, parted by `---`, which the question and cloze rules read through as a rule.
    ("mochi", extract_mochi_cards),
    ("flashcard", extract_flashcards),
    ("table", extract_tables),
    ("card", extract_cards),
    # Question headings over no item: a question answered in words is a card.
    ("question headings", check_question_headings),
    ("unclosed", check_unclosed),
    ("broken tables", check_broken_tables),
    ("formulas", check_formulas),
    ("pins", check_pins),
    ("characters", check_characters),
    ("cloze syntax", check_clozes),
)
"""Rule name → rule, in the order they run."""
