"""Quiz components in MDX pages (Docusaurus, Next.js and the like), each site's own but written alike:
a component whose props hold the question, its options and the right one(s), as JavaScript values:

    <Quiz
      question="Which HTTP method is idempotent?"
      options={["POST", "PUT"]}
      answer={1}
      explanation="Sending one PUT twice changes nothing more."
    />

or several such objects in one prop, ``questions={[{question: "…", options: […], correctOption: 2},
…]}``. The answer is an index counted from 0, as JavaScript counts (``{1}``: the second option), an
option's words (``"PUT"``), a list of either, or a flag on each option (``{text: "PUT", correct:
true}``). A component that holds a question and options whose answer cannot be read is reported, as is
a quiz component whose props are no plain values: the page shows it, so it is not dropped unsaid."""

from __future__ import annotations

import itertools
import string
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ccpkit.errors import Problem
from ccpkit.parse.context import Context
from ccpkit.parse.document import Block
from ccpkit.parse.rules.options import DraftOption
from ccpkit.parse.rules.questions import Draft
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_OPENING = regex(r"[ \t]*<(?P<name>[A-Z][\w.]*)(?=[\s/>]|$)")
"""A component's opening, capitalised as JSX tells components from HTML tags: ``<Quiz``."""
_QUIZ_NAME = regex(r"(?i)quiz|question|mcq|choice|poll|exercise")
"""A component's name that says it asks: ``Quiz``, ``QuizQuestion``, ``MultipleChoice``."""
_ASKING = ("question", "prompt", "stem", "text", "q")
_OFFERING = ("options", "choices", "answers", "alternatives")
_RIGHT = (
    "answer",
    "answers",
    "correct",
    "correctanswer",
    "correctanswers",
    "correctoption",
    "correctoptions",
    "correctindex",
    "correctanswerindex",
    "solution",
)
_EXPLAINING = ("explanation", "feedback", "rationale", "reason")
_OPTION_WORDS = ("text", "label", "value", "answer", "option")
_OPTION_RIGHT = ("correct", "iscorrect", "right", "isright")
_MOST_LINES = 400
"""A component's lines at most: one longer is no quiz (or not one written by hand)."""

Value = str | int | float | bool | None | list["Value"] | dict[str, "Value"]
_Read = TypeVar("_Read")


class _UnreadableError(Exception):
    """A prop's value that is no plain JavaScript value (a variable, a call, a component)."""


@dataclass(frozen=True, slots=True)
class _Asked:
    """One question as a component's props hold it."""

    stem: str
    options: list[str]
    right: list[bool]
    explanation: str


def mdx_quizzes(ctx: Context) -> Iterator[Draft | Problem]:
    """A question for each question a quiz component's props hold."""
    blocks = ctx.doc.blocks
    index = 0
    while index < len(blocks):
        node = blocks[index].node
        found = _component(ctx, node) if not ctx.is_claimed(node) else None
        if found is None:
            index += 1
            continue
        name, props, end, places = found
        taken = _blocks_before(blocks, index, end) or [node]
        ctx.claim(*taken)
        yield from _questions(ctx, node, blocks[index].section, name, props, places)
        index += len(taken)


def _blocks_before(blocks: Sequence[Block], index: int, end: int) -> list[Node]:
    """The blocks from ``blocks[index]`` on that start before line ``end``: the component's."""
    following = itertools.islice(blocks, index, None)
    return [block.node for block in itertools.takewhile(lambda block: _line(block.node) < end, following)]


def _line(node: Node) -> int:
    return node.map[0] if node.map is not None else -1


def _component(ctx: Context, node: Node) -> tuple[str, dict[str, Value] | None, int, dict[int, int]] | None:
    """The component opening at ``node``: its name, its props (``None`` when some are no plain values),
    the line past it, and the line each object in them opens on (by the object's ``id``); ``None`` for
    any other block, or a component that asks nothing."""
    if node.type not in ("paragraph", "html_block") or node.map is None:
        return None
    lines = ctx.doc.lines[node.map[0] : node.map[0] + _MOST_LINES]
    opened = _OPENING.match(lines[0]) if lines else None
    if opened is None:
        return None
    text = "\n".join(lines)
    reader = _Reader(text, opened.end())
    try:
        props, end = reader.props()
    except _UnreadableError:
        asks = _QUIZ_NAME.search(opened["name"]) is not None
        return (opened["name"], None, node.map[1], {}) if asks else None
    keys = {key.lower() for key in props}
    past = node.map[0] + text.count("\n", 0, end) + 1
    places = _lines_of(text, reader.opened, node.map[0])
    if "questions" in keys or (keys & set(_ASKING) and keys & set(_OFFERING)):
        return opened["name"], props, past, places
    if keys & set(_ASKING) and _QUIZ_NAME.search(opened["name"]):
        return opened["name"], None, past, places  # `<Question question="…">` over `<Option>` children
    return None


def _lines_of(text: str, opened: dict[int, int], first: int) -> dict[int, int]:
    """The line of the file each object opens on, from where it opens in the component's ``text`` (its
    lines counted once, in order)."""
    lines: dict[int, int] = {}
    line, counted = first, 0
    for key, at in sorted(opened.items(), key=lambda item: item[1]):
        line, counted = line + text.count("\n", counted, at), at
        lines[key] = line
    return lines


def _at_line(node: Node, line: int | None) -> Node:
    """``node``, or a place standing for it at ``line`` (0-based) of the file: where one question of
    many in it is written, for its item and its warnings."""
    return (
        node
        if line is None or node.map is None or line == node.map[0]
        else Node(None, node.type, line + 1, node.top)
    )


def _questions(
    ctx: Context,
    node: Node,
    section: tuple[str, ...],
    name: str,
    props: dict[str, Value] | None,
    places: dict[int, int],
) -> Iterator[Draft | Problem]:
    """A draft per question the props hold (one, or each of ``questions``, at its own line); a warning
    for each that cannot be read, so the page's quiz is not lost unsaid."""
    lowered = {key.lower(): value for key, value in (props or {}).items()}
    held = lowered.get("questions")
    objects = held if isinstance(held, list) else [lowered]
    asked = [_asked(item) if isinstance(item, dict) else None for item in objects] if props else [None]
    for number, found in enumerate(asked, start=1):
        node_of = _at_line(node, places.get(id(objects[number - 1]))) if held is objects else node
        if found is None:
            which = f" (question {number})" if len(asked) > 1 else ""
            message = (
                f"quiz component `<{name}>`{which} is not read: give its question, its options and its "
                'answer as plain values (`question="…"`, `options={["…", "…"]}`, `answer={1}`, '
                "counted from 0)"
            )
            yield Problem(ctx.at(node_of), message, "warning")
            continue
        labels = string.ascii_uppercase
        options = [
            DraftOption(label, text, node_of, checked=right, boxed=True)
            for label, text, right in zip(labels, found.options, found.right, strict=False)
        ]
        draft = Draft(node_of, "", found.stem, options, node_of, section, "")
        draft.explanation += [found.explanation] if found.explanation else []
        yield draft


def _asked(props: dict[str, Value]) -> _Asked | None:
    """The question an object of props holds, with each option's rightness; ``None`` when its stem,
    options or answer cannot be read."""
    lowered = {key.lower(): value for key, value in props.items()}
    stem = next((lowered[key] for key in _ASKING if isinstance(lowered.get(key), str)), None)
    offered = next((lowered[key] for key in _OFFERING if isinstance(lowered.get(key), list)), None)
    if not isinstance(stem, str) or not isinstance(offered, list) or len(offered) < 2:
        return None
    options = [_option_words(option) for option in offered]
    if not all(options):
        return None
    flags = [_option_flag(option) for option in offered]
    answer = next((lowered[key] for key in _RIGHT if key in lowered and lowered[key] is not offered), None)
    right = _rightness(options, answer) if answer is not None else None
    if right is None and any(flag is not None for flag in flags):
        right = [flag is True for flag in flags]
    if right is None or not any(right):
        return None
    explanation = next((lowered[key] for key in _EXPLAINING if isinstance(lowered.get(key), str)), "")
    return _Asked(stem.strip(), options, right, str(explanation).strip())


def _option_words(option: Value) -> str:
    if isinstance(option, str | int | float) and not isinstance(option, bool):
        return str(option).strip()
    if isinstance(option, dict):
        lowered = {key.lower(): value for key, value in option.items()}
        words = next((lowered[key] for key in _OPTION_WORDS if isinstance(lowered.get(key), str)), "")
        return str(words).strip()
    return ""


def _option_flag(option: Value) -> bool | None:
    """Whether an option written as an object says it is right (``{text: "…", correct: true}``)."""
    if not isinstance(option, dict):
        return None
    flags = {key.lower(): value for key, value in option.items() if isinstance(value, bool)}
    return next((flags[key] for key in _OPTION_RIGHT if key in flags), None)


def _rightness(options: Sequence[str], answer: Value) -> list[bool] | None:
    """Which options ``answer`` names: an index from 0, an option's words, or a list of them."""
    named = answer if isinstance(answer, list) else [answer]
    right = [False] * len(options)
    for one in named:
        if isinstance(one, int) and not isinstance(one, bool) and 0 <= one < len(options):
            right[one] = True
        elif isinstance(one, str) and one.strip() in options:
            right[options.index(one.strip())] = True
        else:
            return None
    return right


class _Reader:
    """Reads a component's props from its source: names, then strings or ``{…}`` JavaScript values
    (strings, numbers, booleans, arrays, objects); anything else is unreadable. Each character is read
    once, so a long line costs no more than its length."""

    def __init__(self, text: str, at: int) -> None:
        self.text = text
        self.at = at
        self.opened: dict[int, int] = {}
        """Where each object read opens in ``text``, by the object's ``id``."""

    def props(self) -> tuple[dict[str, Value], int]:
        """The props up to the tag's end (``/>`` or ``>``), and where it ends."""
        props: dict[str, Value] = {}
        while True:
            self._space()
            if self.text.startswith("/>", self.at) or self.text.startswith(">", self.at):
                return props, self.at
            name = self._name()
            self._space()
            if not self.text.startswith("=", self.at):
                props[name] = True
                continue
            self.at += 1
            self._space()
            if self._peek() in "\"'":
                props[name] = self._string()
            elif self._peek() == "{":
                self.at += 1
                props[name] = self._value()
                self._space()
                self._expect("}")
            else:
                raise _UnreadableError

    def _peek(self) -> str:
        if self.at >= len(self.text):
            raise _UnreadableError
        return self.text[self.at]

    def _expect(self, char: str) -> None:
        if self._peek() != char:
            raise _UnreadableError
        self.at += 1

    def _space(self) -> None:
        while self.at < len(self.text) and self.text[self.at].isspace():
            self.at += 1

    def _name(self) -> str:
        """A prop's or a key's name (``answer``, ``$ref``)."""
        return self._run("_-$")

    def _run(self, signs: str) -> str:
        """The letters, digits and ``signs`` from here on: one at least."""
        start = self.at
        while self.at < len(self.text) and (self.text[self.at].isalnum() or self.text[self.at] in signs):
            self.at += 1
        if self.at == start:
            raise _UnreadableError
        return self.text[start : self.at]

    def _string(self) -> str:
        quote = self._peek()
        self.at += 1
        chars: list[str] = []
        while self._peek() != quote:
            char = self.text[self.at]
            if char == "\\":
                self.at += 1
                char = {"n": "\n", "t": "\t"}.get(self._peek(), self._peek())
            elif quote == "`" and self.text.startswith("${", self.at):
                raise _UnreadableError  # a template's `${…}`: computed
            chars.append(char)
            self.at += 1
        self.at += 1
        return "".join(chars)

    def _value(self) -> Value:
        self._space()
        char = self._peek()
        if char in "\"'`":
            return self._string()
        if char == "[":
            return self._items("]", self._value)
        if char == "{":
            start = self.at
            read = dict(self._items("}", self._entry))
            self.opened[id(read)] = start
            return read
        word = self._run("._-+")  # a number, true, false, null
        literals: dict[str, Value] = {"true": True, "false": False, "null": None}
        if word in literals:
            return literals[word]
        try:
            return int(word)
        except ValueError:
            try:
                return float(word)
            except ValueError:
                raise _UnreadableError from None

    def _items(self, closing: str, read: Callable[[], _Read]) -> list[_Read]:
        """The items of an array or an object, each read by ``read``, to ``closing``; a comma may
        trail the last."""
        self.at += 1
        items: list[_Read] = []
        while True:
            self._space()
            if self._peek() == closing:
                self.at += 1
                return items
            items.append(read())
            self._space()
            if self._peek() == ",":
                self.at += 1
            elif self._peek() != closing:
                raise _UnreadableError

    def _entry(self) -> tuple[str, Value]:
        key = self._string() if self._peek() in "\"'" else self._name()
        self._space()
        self._expect(":")
        return key, self._value()
