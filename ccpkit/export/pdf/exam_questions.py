"""Which questions a practice exam asks, in which order, with which option order: seeded, so repeatable."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from ccpkit.errors import UsageError
from ccpkit.export.option_order import keeps_option_order
from ccpkit.model import MCQ, Deck, Option

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True, slots=True)
class Question:
    """One question as printed: its number, the options in printed order, relabelled A, B, C …"""

    number: int
    mcq: MCQ
    options: tuple[Option, ...]

    @property
    def answers(self) -> tuple[str, ...]:
        """Printed letters of the correct options."""
        return tuple(option.label for option in self.options if option.correct)


def draw_questions(
    deck: Deck, *, count: int | None, seed: int, modules: tuple[int, ...]
) -> tuple[Question, ...]:
    """Pick ``count`` questions (all by default) from ``modules`` (all by default) in a seeded order."""
    pool = _pool(deck, modules)
    if count is not None and count > len(pool):
        raise UsageError(
            f"the practice exam's count {count} (--exam-count, or [exam] count in ccpkit.toml) asks for "
            f"more questions than the {len(pool)} available"
        )
    rng = random.Random(seed)
    picked = rng.sample(pool, count if count is not None else len(pool))
    placed: Counter[int] = Counter()  # how often each position held the answer so far
    return tuple(
        Question(number, mcq, _shuffled(mcq, rng, placed)) for number, mcq in enumerate(picked, start=1)
    )


def _pool(deck: Deck, modules: tuple[int, ...]) -> list[MCQ]:
    known = {module.number for module in deck.modules if any(isinstance(i, MCQ) for i in module.items)}
    unknown = sorted(set(modules) - known)
    if unknown:
        having = ", ".join(map(str, sorted(known))) or "none"
        built = sorted({module.number for module in deck.modules})
        why = (
            "has no questions"
            if unknown[0] in built
            else f"is not among this build's modules ({', '.join(map(str, built)) or 'none'})"
        )
        raise UsageError(
            f"the practice exam's module {unknown[0]} (--exam-module, or [exam] modules in ccpkit.toml) "
            f"{why}; modules with questions: {having}"
        )
    chosen = [m for m in deck.modules if not modules or m.number in modules]
    return [item for module in chosen for item in module.items if isinstance(item, MCQ)]


def _shuffled(mcq: MCQ, rng: random.Random, placed: Counter[int]) -> tuple[Option, ...]:
    """Options in a random order (not when they or the explanation name options by letter or place:
    ``B is wrong because …``, nor the verdicts of a True/False question, as on the question's card);
    a single answer goes to the position that held the answer least often so far (ties drawn at
    random), so the answer letters of an exam come out about even and guessing by position gains
    nothing."""
    options = list(mcq.options)
    if not keeps_option_order(mcq):
        rng.shuffle(options)
        answers = [index for index, option in enumerate(options) if option.correct]
        if len(answers) == 1:
            fewest = min(placed[index] for index in range(len(options)))
            target = rng.choice([index for index in range(len(options)) if placed[index] == fewest])
            options[answers[0]], options[target] = options[target], options[answers[0]]
    answers = [index for index, option in enumerate(options) if option.correct]
    if len(answers) == 1:
        placed[answers[0]] += 1
    return tuple(
        Option(label=_letter(index), text=option.text, correct=option.correct)
        for index, option in enumerate(options)
    )


def _letter(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else str(index + 1)
