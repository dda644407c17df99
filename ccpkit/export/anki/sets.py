"""Cards that ask to recall a set (SuperMemo's rule: avoid sets and enumerations): a term naming kinds of
things (``Types of rock``, ``Frameworks``), or a question asking for several (``Which three rocks form
from magma?``, ``What are the layers of the Earth?``, ``Name the four …``), over three or more short
members, on one line (``igneous, sedimentary and metamorphic``, glossed: ``Basil (leaf), …``), one per
bullet, or the examples its sentence ends on (``… such as A, B and C``); any card whose back
counts members before listing as many (``Takes 3 stages: mixing, proving, baking``). Such a card is
hard to answer whole and easy to half remember. It is still made; ``ccpkit check`` says how to split it."""

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
_LONGEST_NAMED = 8
"""Words: a bullet this long still names a member when no word of a clause is in it."""
_CLAUSE_WORD = regex(
    r"(?i)\b(?:the|a|an|its|their|your|our|it|they|them|that|which|who|is|are|was|were|has|have|had|can"
    r"|will|unless|until|when|if)\b"
)
_LABELLED = regex(r"(?:\*\*|__)[^*_\n]{1,40}(?::(?:\*\*|__)|(?:\*\*|__):)")
"""A bullet that opens on a label (``**Tip:** …``): a note on the list, not a member of it."""
_GLOSS = regex(r"\s*\([^()\n]*\)")
_NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNT = rf"(?P<count>{'|'.join(_NUMBERS)}|[3-9]|1\d)"
_COUNTED = regex(rf"(?i)(?:^|\s){_COUNT}\s+(?:[\w-]+\s+){{0,2}}[\w-]+\s*:\s*(?P<members>[^:]+)$")
"""A count, the kind of thing counted and the members: ``Checks 5 Pillars: Cost, …``, ``three types: …``."""
_EXAMPLES = regex(r"(?i)\b(?:such\s+as|including|like|namely)\s+(?P<members>[^.;:!?()\[\]]+)$")
"""The examples a sentence ends on: ``… tools such as A, B and C``."""


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
    if counted := _counted_members(card.back):
        return counted
    asked = _asks_for_several(front)
    if asked or _names_kinds(front):
        return _members(card.back, asked=asked)
    return ()


def _members(back: str, *, asked: bool) -> tuple[str, ...]:
    """The members listed on ``back``: one per bullet, one line of them, or the examples a sentence
    ends on (``… such as A, B and C``)."""
    lines = [line for line in back.split("\n") if line.strip()]
    bullets = [_BULLET.fullmatch(line) for line in lines]
    if len(lines) > 1 and all(bullets):
        return _bulleted_members([bullet["member"] for bullet in bullets if bullet is not None])
    line = _as_one_line(back, lines, bullets)
    members = _listed(line, asked=asked)
    if not members and (examples := _EXAMPLES.search(line)):
        return _listed(examples["members"], asked=asked)
    return members


def _listed(line: str, *, asked: bool) -> tuple[str, ...]:
    """The members ``line`` lists one after another, when it is no description nor sentence."""
    if not line or _NOT_A_LIST.search(line):
        return ()
    members = _SEPARATOR.split(line)
    if not asked and members[0][:1].isupper() and any(member[:1].islower() for member in members[1:]):
        return ()  # `Protect data, systems and …`: a sentence, whose first word alone is capitalised
    return _short(members)


def _short(members: list[str]) -> tuple[str, ...]:
    """``members``, when they are three or more and each a few words; none otherwise."""
    if len(members) < SMALLEST_SET:
        return ()  # a pair is no set to half remember
    if any(not member.strip() or len(member.split()) > _LONGEST_MEMBER for member in members):
        return ()
    return tuple(member.strip() for member in members)


def _bulleted_members(bullets: list[str]) -> tuple[str, ...]:
    """The members of a bulleted list, without its labelled notes (``**Tip:** …``): a set when most of
    them, and three or more, are names rather than clauses; a list of facts (``magma cools into …``,
    ``each layer records …``) is none."""
    members = [
        _without_glosses(to_text(bullet)).rstrip(".") for bullet in bullets if not _LABELLED.match(bullet)
    ]
    named = [member for member in members if _names_a_member(member)]
    if len(named) < SMALLEST_SET or 2 * len(named) <= len(members):
        return ()
    return tuple(member.strip() for member in members)


def _names_a_member(text: str) -> bool:
    """Whether a bullet names a member: a few words, or a longer phrase with no word of a clause (``Failure
    detection and automatic recovery of failed nodes``, not ``it rises again in its tin``)."""
    words = len(text.split())
    return 0 < words <= _LONGEST_MEMBER or (words <= _LONGEST_NAMED and not _CLAUSE_WORD.search(text))


def _counted_members(back: str) -> tuple[str, ...]:
    """The members a line of ``back`` counts before listing them, when there are as many as it says:
    ``Takes 3 stages: mixing, proving, baking``. A definition's line may hold such a set, which is a
    card of its own."""
    for paragraph in back.split("\n\n"):
        line = _without_glosses(to_text(" ".join(paragraph.split()))).rstrip(".")
        counted = _COUNTED.search(line)
        if counted and not _NOT_A_LIST.search(counted["members"]):
            members = _short(_SEPARATOR.split(counted["members"]))
            if (
                len(members) == _NUMBERS.get(counted["count"].lower(), 0)
                or str(len(members)) == counted["count"]
            ):
                return members
    return ()


def _without_glosses(text: str) -> str:
    """``text`` without what brackets say of it: ``Basil (leaf)`` is the member ``Basil``."""
    return _GLOSS.sub("", text).strip()


def _as_one_line(back: str, lines: list[str], bullets: list[re.Match[str] | None]) -> str:
    """The back's text on one line, without its glosses and its closing full stop, when it is one
    paragraph of no bullets (a line of members wrapped over two, ``Operational excellence, security,``
    over ``reliability, …``); "" otherwise."""
    if any(bullets) or "\n\n" in back.strip():
        return ""
    return _without_glosses(to_text(" ".join(line.strip() for line in lines))).rstrip(".")


def _names_kinds(front: str) -> bool:
    """Whether a term names kinds of things, as a plural of a few words: ``Types of rock``, ``Layers of
    the Earth``, ``Frameworks``, ``Storage classes``; not one thing (``Basalt``, ``Business``) nor a
    sentence (``Why this matters``). Its article, its gloss and a clause after it are no part of its name:
    ``The tasks it handles``, ``Customer duties (in the cloud)``."""
    name = _CONTACT_CLAUSE.split(_ARTICLE.sub("", _without_glosses(front)), maxsplit=1)[0]
    named, of, _ = name.partition(" of ")
    words = named.split()
    if not words or len(words) > (3 if of else 2) or front.rstrip().endswith(("?", "\uff1f")):
        return False
    last = words[-1].lower()
    return last.endswith("s") and not last.endswith(_SINGULAR_ENDINGS)


_ARTICLE = regex(r"(?i)^(?:the|our|its|their|your)\s+")
_CONTACT_CLAUSE = regex(r"(?i)\s+(?:it|they|we|you|he|she|i)\s+(?=\w)")
"""A clause that follows a name without ``that``: ``tasks | it handles``."""


_ASKS_FOR_SEVERAL = regex(
    r"(?i)^(?:(?P<asks>wh(?:ich|at)(?:\s+are)?)|name|list|give|state|identify|enumerate)\s+"
    rf"(?P<the>(?:all\s+)?the\s+)?(?:(?:any\s+)?{_COUNT}\b"
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
