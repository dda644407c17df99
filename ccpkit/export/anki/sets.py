"""Cards that ask to recall a set (SuperMemo's rule: avoid sets and enumerations): a term naming kinds of
things (``Types of rock``, ``Frameworks``), or a question asking for several (``Which three rocks form
from magma?``, ``What are the layers of the Earth?``, ``Name the four …``), over three or more short
members, on one line (``igneous, sedimentary and metamorphic``) or one per bullet. Such a card is hard
to answer whole and easy to half remember. It is still made; ``ccpkit check`` says how to split it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ccpkit.errors import Problem
from ccpkit.markup import to_text
from ccpkit.model import Card
from ccpkit.regex import regex

SMALLEST_SET = 3
_LONGEST_MEMBER = 5
"""Words: a member longer than this says something of its own (a definition's clauses)."""
_BULLET = regex(r"[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?P<member>\S.*)")
_SEPARATOR = regex(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
_NOT_A_LIST = regex(r"(?i)^(?:a|an|the|that|wh\w+|how)\b|[.;:!?()\[\]]")
"""A description (``a dark, fine-grained rock``, ``where two plates meet``) or a sentence, not members
one after another."""
_SINGULAR_ENDINGS = ("ss", "us", "is", "'s", "\u2019s")


def set_problems(cards: Iterable[Card]) -> tuple[Problem, ...]:
    """A warning at each card whose back is a set to recall (see the module's docstring)."""
    return tuple(
        Problem(card.source, _advice(card, members), "warning")
        for card in cards
        if (members := set_members(card))
    )


def set_members(card: Card) -> tuple[str, ...]:
    """The members of the set ``card`` asks for, as plain text; none if it asks for no set."""
    front = to_text(card.front)
    asked = _asks_for_several(front)
    if not asked and not _names_kinds(front):
        return ()
    lines = [line for line in card.back.split("\n") if line.strip()]
    bullets = [_BULLET.fullmatch(line) for line in lines]
    if len(lines) > 1 and all(bullets):
        members = [to_text(bullet["member"]) for bullet in bullets if bullet is not None]
    elif (line := _as_one_line(card.back, lines, bullets)) and not _NOT_A_LIST.search(line):
        members = _SEPARATOR.split(line)
        if not asked and members[0][:1].isupper() and any(member[:1].islower() for member in members[1:]):
            return ()  # `Protect data, systems and …`: a sentence, whose first word alone is capitalised
    else:
        return ()
    if len(members) < SMALLEST_SET:
        return ()  # a pair is no set to half remember
    if any(not member.strip() or len(member.split()) > _LONGEST_MEMBER for member in members):
        return ()
    return tuple(member.strip() for member in members)


def _as_one_line(back: str, lines: list[str], bullets: list[re.Match[str] | None]) -> str:
    """The back's text on one line, without its closing full stop, when it is one paragraph of no
    bullets (a line of members wrapped over two, ``Operational excellence, security,`` over
    ``reliability, …``); "" otherwise."""
    if any(bullets) or "\n\n" in back.strip():
        return ""
    return to_text(" ".join(line.strip() for line in lines)).rstrip(".")


def _names_kinds(front: str) -> bool:
    """Whether a term names kinds of things, as a plural of a few words: ``Types of rock``, ``Layers of
    the Earth``, ``Frameworks``, ``Storage classes``; not one thing (``Basalt``, ``Business``) nor a
    sentence (``Why this matters``)."""
    named, of, _ = front.partition(" of ")
    words = named.split()
    if not words or len(words) > (3 if of else 2) or front.rstrip().endswith(("?", "\uff1f")):
        return False
    last = words[-1].lower()
    return last.endswith("s") and not last.endswith(_SINGULAR_ENDINGS)


_ASKS_FOR_SEVERAL = regex(
    r"(?i)^(?:(?P<asks>wh(?:ich|at)(?:\s+are)?)|name|list|give|state|identify|enumerate)\s+"
    r"(?P<the>(?:all\s+)?the\s+)?(?:(?:any\s+)?(?P<count>three|four|five|six|seven|eight|nine|ten|[3-9]|1\d)\b"
    r"|(?P<named>[^?\uff1f]+?)\s*[?\uff1f.]?$)"
)
"""A question (or a task: ``Name …``, ``List …``) that asks for a number of things, three or more, or
for the things a plural names: ``Which three rocks …?``, ``What are the layers of …?``, ``Name the
noble gases``."""


def _asks_for_several(front: str) -> bool:
    """Whether a question asks for several things: a count (``Which three rocks form from magma?``,
    ``Name the four seasons``), or ``What are the …`` (``Name …``, ``List …``) and kinds of things
    (``What are the layers of the Earth?``). ``What are mammals?`` asks what they are, ``Which rock
    …?`` for one."""
    asked = _ASKS_FOR_SEVERAL.match(front.strip())
    if asked is None:
        return False
    if asked["count"]:
        return True
    named = _AFTER_THE_NAME.split(asked["named"], maxsplit=1)[0]  # `main gases` in air
    return bool(asked["the"] or not asked["asks"]) and _names_kinds(named)


_AFTER_THE_NAME = regex(
    r"(?i)\s+(?:of|in|on|at|for|from|to|with|within|inside|by|during|between|among|that|which|who|used)\b"
)
"""Where the words after the name of the things asked for begin: ``layers | of the Earth``, ``main
gases | in air``."""


def _advice(card: Card, members: tuple[str, ...]) -> str:
    shown = ", ".join(members[:SMALLEST_SET]) + (" …" if len(members) > SMALLEST_SET else "")
    return (
        f"the card {to_text(card.front)!r} asks to recall a set of {len(members)} ({shown}): a set is hard "
        "to recall whole; give each member a card of its own, or ask for one at a time (`Q: Which … ?`)"
    )
