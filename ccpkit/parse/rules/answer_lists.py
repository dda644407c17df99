"""Questions answered further down the file, as textbooks and study guides end a chapter: a numbered
list of questions, then under a title that names their answers and nothing else (``## Answers``,
``Solutions``, ``Answers to the review questions``, a line ``**Answers:**``), within the questions'
section or after it, a numbered list answering them in words. Each question and the answer of its
number make a card; answers that judge statements (``1. TRUE``, ``2. NOT GIVEN``) make a question of
each with those options; an answer list of letters is an answer key, the multiple-choice rule's."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace

from ccpkit.errors import Problem
from ccpkit.model import Item, Option, SourceLocation
from ccpkit.parse.context import Context
from ccpkit.parse.document import Block, heading_text
from ccpkit.parse.rules.answers import MARKING_KEY, KeyEntry, plain, unpadded, worded_after_key_title
from ccpkit.parse.rules.flashcards import BLANK, TO_JUDGE, listed_question
from ccpkit.parse.rules.questions import item_numbers, stem_number
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_ANSWERS_TITLE = regex(
    r"(?i)^(?:[^\w\s]+\s*)?(?:[^:\u2013\u2014|\n]{1,40}(?::|\s[\u2013\u2014|])\s+)?(?:[\w&'-]+\s+){0,3}"
    rf"(?:answers|answer\s+key|solutions|{MARKING_KEY})(?:\s+to\s+[^:\n]+)?\s*:?$"
)
"""A title that names answers and nothing else: ``Answers``, ``🔑 Answer key``, ``Suggested answers``,
``Answers to the review questions``, ``Appendix A: Solutions`` (not ``Answer any two`` or ``Solutions
and mixtures``)."""
_LETTERED = regex(r"^\(?[A-Ha-h](?:[.):]|\)?\s*$)")
"""An answer that names an option's letter (``B``, ``B.``, ``(c)``): a key's entry; ``A DNS server.``
is words."""
_TRUE_OR_FALSE = regex(r"(?i)\W*t(?:rue)?\W*|\W*f(?:alse)?\W*")
"""``T`` or ``F`` alone (``True``, ``F.``): in a list where some answer is ``T``, a judgement, no letter."""


def extract_listed_answers(ctx: Context) -> Iterator[Item | Problem]:
    """A card per question answered in a numbered list under an answers title below it, as many
    answers as questions; an answer whose number no question has (a number mistyped), and the
    question left unanswered so, are warnings, as are fewer answers than questions (no cards: the
    list may be another's, `## Solutions` to a problem)."""
    for title, answers, above, worded in _answer_lists(ctx):
        around = _around(title)
        asked, alike = _questions_above(ctx, above, around, _question) if worded else ({}, None)
        judged = _judged(worded, _says_not_given(ctx, above, around)) if not asked else ()
        if judged:  # `1. TRUE`, `2. NOT GIVEN` under statements that ask nothing: a reading test's
            asked, alike = _questions_above(ctx, above, around, _statement)
        elif worded and not asked:  # `1. Define osmosis.`, `2. Ice sinks.` over `2. False` among questions
            told = _names_only_answers(title.node)
            asked, alike = _questions_above(ctx, above, around, _recall(worded, told=told))
            if not asked:
                partly = _partly_asked(ctx, above, around, worded, _recall(worded, told=told))
                if partly is None:
                    yield from _asking_nothing(ctx, above, around, worded, title, _recall(worded, told=told))
                    continue
                asked, unasked = partly
                yield from _asking_nothing_alone(ctx, unasked, title)
                worded = {number: worded[number] for number in asked}
        if alike is not None and len(asked) != len(worded):
            continue  # some other list
        if alike is not None:
            first = next(iter(asked.values()))[0]
            message = (
                f"the answers under {_title(title.node)!r} could answer the questions at line "
                f"{ctx.doc.line_of(alike)} or those at line {ctx.doc.line_of(first)}, numbered alike: no "
                "cards; number the later questions on from the earlier, or give each set its own answers"
            )
            yield Problem(ctx.at(answers), message, "warning")
            continue
        if len(worded) < len(asked) and worded.keys() <= asked.keys():
            message = (
                f"the {len(worded)} answers under {_title(title.node)!r} are fewer than the {len(asked)} "
                "numbered questions above them: no cards; if they answer those questions, give each "
                "question its answer, numbered as the question"
            )
            yield Problem(ctx.at(answers), message, "warning")
            continue
        if (len(asked) != len(worded) or len(worded.keys() - asked.keys()) > 1) and not _goes_past(
            asked, worded
        ):
            continue  # answers to other questions, or some other list: one number mistyped at most
        ctx.claim(answers)
        answered: set[str] = set()
        for number, (item, answer) in worded.items():
            found = asked.get(number)
            if found is None:
                message = f"answer {number} matches no numbered question above it: check its number"
                yield Problem(ctx.at(item), message, "warning")
                continue
            question, text, section = found
            answered.add(number)
            ctx.claim(question, *question.children)
            text = _without_its_answer(text, answer)
            if judged:
                yield _judgement(ctx, question, text, section, judged, answer)
                continue
            if text.startswith(TO_JUDGE):
                answer = verdict_in_words(answer)
            fields = ctx.common("card", text, question, section)
            yield from ctx.cards(question, fields, text, answer, both_ways=False)
        for number, (question, _, _) in asked.items():
            if number not in answered:
                message = f"question {number} has no answer in the list under {_title(title.node)!r}"
                yield Problem(ctx.at(question), message, "warning")
    yield from _labelled_answers(ctx)


def _without_its_answer(question: str, answer: str) -> str:
    """A question without the answer written after an arrow on its own line (``Ich ___ (haben) einen
    Hund. → habe`` answered ``habe`` below): the card asks it, and must not show it."""
    given = _GIVEN_ANSWER.fullmatch(question)
    same = given is not None and given["answer"].strip(" .").casefold() == answer.strip(" .").casefold()
    return given["question"] if given is not None and same else question


_GIVEN_ANSWER = regex(r"(?P<question>.*\S)[ \t]*(?:\u2192|->|=>)[ \t]*(?P<answer>[^\n\u2192]+)", re.S)


def _answer_lists(
    ctx: Context,
) -> Iterator[tuple[Block, Node, Sequence[Block], dict[str, tuple[Node, str]]]]:
    """Each list of answers in words not taken yet: its title, its block (the title's own line for
    ``**Answers:** 1. Jupiter 2. Venus``), the blocks above it, and its answers by number."""
    blocks = ctx.doc.blocks
    for index, block in enumerate(blocks):
        node = block.node
        if ctx.is_claimed(node):
            continue
        if node.type == "paragraph" and (line := worded_after_key_title(node.children[0].content)):
            yield block, node, blocks[:index], {number: (node, words) for number, words in line}
        elif node.type == "ordered_list" and index and _names_answers(blocks[index - 1].node):
            yield blocks[index - 1], node, blocks[: index - 1], _worded_answers(ctx, node)


def _names_answers(node: Node) -> bool:
    """``## Answers``, ``### Solutions``, or a line ``**Answers:**`` of its own."""
    if node.type not in ("heading", "paragraph"):
        return False
    title = _title(node)
    return "\n" not in title and _ANSWERS_TITLE.match(title) is not None


def _title(node: Node) -> str:
    """An answers title as read: ``Answers`` for ``## Answers``, ``**Answers:**`` and ``**Answers:** 1.
    Jupiter 2. Venus`` alike."""
    written = heading_text(node) if node.type == "heading" else node.children[0].content
    title = plain(written)
    return (title.partition(":")[0] if worded_after_key_title(written) else title.rstrip(":")).strip()


def _around(title: Block) -> tuple[str, ...]:
    """The sections the answers title stands in (its heading's own name left out): the questions it
    answers are in them."""
    return title.section[:-1] if title.node.type == "heading" else title.section


def _worded_answers(ctx: Context, answers: Node) -> dict[str, tuple[Node, str]]:
    """Number → (item, answer as written) of a list that answers in words; empty for a list that
    names letters (``1. B``: an answer key; ``1. F`` beside ``2. T`` judges statements) or holds an item
    with nothing in it."""
    worded = {}
    for item, number in zip(answers.children, item_numbers(answers), strict=True):
        if not item.children or item.children[0].type != "paragraph" or ctx.is_claimed(item):
            return {}
        worded[number] = (item, "\n\n".join(ctx.doc.written(block) for block in item.children).strip())
    said = [plain(item.children[0].children[0].content) for item, _ in worded.values()]
    judging = any(_TRUE_OR_FALSE.fullmatch(words) for words in said) and all(
        _TRUE_OR_FALSE.fullmatch(words) or not _LETTERED.match(words) for words in said
    )
    if not judging and any(_LETTERED.match(words) for words in said):
        return {}
    return worded if len(worded) >= 2 else {}


def _questions_above(
    ctx: Context, blocks: Sequence[Block], around: tuple[str, ...], read: Callable[[Node, str], str]
) -> tuple[dict[str, tuple[Node, str, tuple[str, ...]]], Node | None]:
    """Number → (item, question, section) of the nearest numbered list above, in the sections
    ``around`` the answers, when it is a list of questions, and of the lists of questions before it
    that its numbering goes on from (``1.``, ``2.`` under one heading, ``3.`` under the next); a list
    numbered apart is another set of questions, which these answers are not known to answer, and
    when one of those shares their numbers (returned second), which set they mean is not known."""
    asked: dict[str, tuple[Node, str, tuple[str, ...]]] = {}
    first, collecting = "", True
    for block in reversed(blocks):
        node = block.node
        if _names_answers(node):
            break
        if node.type != "ordered_list" or ctx.is_claimed(node) or block.section[: len(around)] != around:
            continue
        numbers = item_numbers(node)
        questions = [read(item, number) for item, number in zip(node.children, numbers, strict=True)]
        if collecting and not all(questions):
            break  # `1. Write a function that …`: the list these answers answer, though it asks nothing
        if not collecting or (first and not _goes_on(numbers[-1], first)):
            if all(questions) and asked.keys() & set(numbers):
                return asked, node  # `## Review questions` 1 to 3, then `## Discussion questions` 1 to 3
            collecting = False
            continue
        for item, number, question in zip(node.children, numbers, questions, strict=True):
            asked[number] = (item, question, block.section)
        first = numbers[0]
    return asked, None


def _goes_past(asked: Mapping[str, object], worded: Mapping[str, object]) -> bool:
    """Whether the answers answer every question asked and go on past the last (``3. Mohorovičić``
    under statements 1 and 2): a key of more questions than the list above, whose extra answers are
    each a warning, the list's own answered all the same."""
    numbers = [int(number) for number in worded if number.isdigit()]
    extra = worded.keys() - asked.keys()
    last = max((int(number) for number in asked if number.isdigit()), default=0)
    return (
        bool(asked)
        and asked.keys() < worded.keys()
        and len(numbers) == len(worded)
        and all(int(number) > last for number in extra)
    )


def _goes_on(last: str, first: str) -> bool:
    """Whether a list numbered up to ``last`` is followed by one numbered from ``first``."""
    return last.isdigit() and first.isdigit() and int(last) + 1 == int(first)


def _question(item: Node, _number: str = "") -> str:
    """A lone item's question (``What does …?``) with nothing below it; empty if it is none."""
    if len(item.children) != 1 or item.children[0].type != "paragraph":
        return ""
    return listed_question(item) or _asked_then_told(_one_line(item))


_TOLD = regex(
    r"(?i)(?:refer|cite|give|explain|justify|use|illustrate|support|show|include|mention|provide|state|name"
    r"|list|describe|discuss|consider|quote)\b[^?\n]*"
)
"""An instruction after a question (``Refer to case law.``, ``Give an example.``): how to answer it."""


def _asked_then_told(line: str) -> str:
    """A question followed by an instruction on how to answer it (``Can silence amount to acceptance?
    Refer to case law.``): it asks, the instruction part of its front; empty for anything else (``Who
    built it? It still stands.``)."""
    asked, mark, told = line.partition("?")
    if not mark or not _TOLD.fullmatch(told.strip()) or not told[:1].isspace():
        return ""
    if len(asked.split()) < _ASKING_WORDS or _STATES_FIRST.search(asked):
        return ""
    return line


_ASKING_WORDS = 3
"""At least this many words in a question before its instruction (``Why? Explain.`` says too little)."""
_STATES_FIRST = regex(r"[.!;]\s+\S")
"""A sentence ended before the question: ``Ice melts. Why? Explain.`` is no question the list asks."""


def _statement(item: Node, _number: str = "") -> str:
    """A lone item's words, a statement to judge (``The pyramid was built for Khufu.``)."""
    if len(item.children) != 1 or item.children[0].type != "paragraph":
        return ""
    return item.children[0].children[0].content.strip()


_RECALL = regex(
    r"(?i)^(?:briefly\s+)?(?:define|state|name|explain|describe|list|give|outline|identify|compare|contrast"
    r"|distinguish|differentiate|summari[sz]e|justify)\s+\S[^?\n]*$"
)
"""A line that says what to recall (``Define osmosis.``, ``State Newton's first law.``): asked, under a
title naming answers; ``Draw …``, ``Write …``, ``Label …`` set work to do, no recall."""
_ONLY_ANSWERS = regex(r"(?i)^(?:[^\w\s]+\s*)?(?:\w+\s+)?(?:answers|answer\s+key)(?:\s+to\s+[^:\n]+)?$")
"""A title that names answers alone (``Answers``, ``Answer key``, ``Model answers``): not solutions,
which steps have as often (``## Common problems and solutions``)."""
_MARKED_TO_JUDGE = regex(
    r"(?i)^\W*(?:true\s+or\s+false|true\s*/\s*false|t\s*/\s*f)\b[\s:.)\]-]*"
    r"|(?<=[.!])[ \t]*(?:[(\[]?(?:true\s*(?:/|or)\s*false|t\s*/\s*f)[)\]]?|true\s+or\s+false\??|_{3,})\s*$"
)
"""What marks a statement to judge, before it (``T/F: …``) or after its full stop (``… (True/False)``,
``… T/F``, ``… True or false?``, a blank for the verdict: ``… liquid. ______``)."""
_STATED = regex(r"^[^?_\n]*\w[^?_\n]*[.!]$")
"""One sentence that states: no question mark, no blank, a full stop at its end."""
_STATED_WORDS = 3
"""At least this many words in a statement to judge (``Ice floats.``)."""


def _names_only_answers(node: Node) -> bool:
    """Whether an answers title names answers alone (``_ONLY_ANSWERS``)."""
    return _ONLY_ANSWERS.match(_title(node)) is not None


def _recall(worded: Mapping[str, tuple[Node, str]], *, told: bool) -> Callable[[Node, str], str]:
    """How to read an item of review questions answered in words by ``worded``: a question; with
    ``told`` (under a title naming answers), a line saying what to recall; a statement the answer of
    its number judges (``Ice sinks.`` over ``False``), asked to judge."""

    def read(item: Node, number: str) -> str:
        asked = _question(item)
        line = _one_line(item)
        if asked or not line or line.endswith("?"):
            return asked  # `Ice melts. Why?`: no question the list asks
        return recalled(line, worded.get(number, (item, ""))[1], told=told)

    return read


def recalled(line: str, answer: str, *, told: bool = True) -> str:
    """What a line numbered as a question and answered in words by ``answer`` asks, beyond a question
    mark: with ``told``, what to recall (``Define osmosis.``); a statement the answer judges (``Ice
    sinks.`` over ``False``, ``… (True/False)``), asked to judge; a blank to fill (``… is the ___.``).
    Empty for anything else."""
    if told and _RECALL.match(line):
        return line
    statement = _MARKED_TO_JUDGE.sub("", line).strip()
    judges = _JUDGEMENT.match(answer)
    if judges is not None and judges["said"].casefold() in ("true", "false", "t", "f"):
        stated = _STATED.match(statement) and len(statement.split()) >= _STATED_WORDS
        return f"{TO_JUDGE}{statement}" if stated else ""
    return line if line.rstrip().endswith("?") or BLANK.search(line) else ""


def verdict_in_words(answer: str) -> str:
    """A verdict given in its letter (``T``, ``F — why``) in its word: ``True``, ``False — why``; any
    other answer as it is."""
    found = _JUDGEMENT.match(answer)
    if found is None or found["said"].casefold() not in ("t", "f"):
        return answer
    return f"{_JUDGED[found['said'].casefold()]}{answer[found.end('said') :]}"


def _one_line(item: Node) -> str:
    """A lone item's one line of words (``_statement``); empty for more."""
    line = _statement(item)
    return "" if "\n" in line else line


def _asking_nothing(
    ctx: Context,
    blocks: Sequence[Block],
    around: tuple[str, ...],
    worded: Mapping[str, tuple[Node, str]],
    title: Block,
    read: Callable[[Node, str], str],
) -> Iterator[Problem]:
    """A warning at the first item that asks nothing of the nearest numbered list above, when it is
    numbered as the answers are and some of its items ask: the answers were meant for it, and no card
    of it is made."""
    listed = next(
        (
            block.node
            for block in reversed(blocks)
            if block.node.type == "ordered_list"
            and not ctx.is_claimed(block.node)
            and block.section[: len(around)] == around
        ),
        None,
    )
    if listed is None or item_numbers(listed) != list(worded):
        return
    read_items = [
        (item, number, read(item, number))
        for item, number in zip(listed.children, item_numbers(listed), strict=True)
    ]
    if not any(asked for _, _, asked in read_items):
        yield from _questions_refused(ctx, listed, title)  # `1. Draw …`, `2. Label …`: exercises, no card
        return
    item, number = next((item, number) for item, number, asked in read_items if not asked)
    message = (
        f"question {number} of the list answered under {_title(title.node)!r} asks nothing: no cards for "
        "the list; write it as a question (`…?`), an instruction (`Define …`), or a statement its answer "
        "judges (`True`/`False`)"
    )
    yield Problem(ctx.at(item), message, "warning")


def _questions_refused(ctx: Context, listed: Node, title: Block) -> Iterator[Problem]:
    """A warning at a list answered in words whose items are written as questions (half or more end
    with ``?``), none of them one to ask alone (``Which river does it cross?``, ``Ice melts. Why?``):
    the list and its answers make no card, which the student must hear of."""
    written = [_one_line(item).endswith(("?", "\uff1f")) for item in listed.children]
    if 2 * sum(written) < len(written):
        return  # `1. Draw …`, `2. Label …`: exercises, which their solutions answer in no card
    message = (
        f"none of the questions answered under {_title(title.node)!r} can be asked alone (each must be "
        "one sentence of three words or more that names what it asks about, no `it` pointing back to "
        "the words above it): no cards for the list or its answers; write each question so that it "
        "names its subject"
    )
    yield Problem(ctx.at(listed), message, "warning")


def _partly_asked(
    ctx: Context,
    blocks: Sequence[Block],
    around: tuple[str, ...],
    worded: Mapping[str, tuple[Node, str]],
    read: Callable[[Node, str], str],
) -> tuple[dict[str, tuple[Node, str, tuple[str, ...]]], list[tuple[Node, str]]] | None:
    """The questions of the nearest numbered list above, numbered as the answers are, when half of its
    items or more ask (``read``): a list of questions where one item slipped (``2. Dicing onions.``),
    whose others are carded all the same; and its items that ask nothing. ``None`` when fewer ask: a
    list of topics answered by notes, or exercises, no list of questions."""
    nearest = next((block for block in reversed(blocks) if _lists_or_names_answers(ctx, block, around)), None)
    if nearest is None or nearest.node.type != "ordered_list" or item_numbers(nearest.node) != list(worded):
        return None
    asked: dict[str, tuple[Node, str, tuple[str, ...]]] = {}
    unasked: list[tuple[Node, str]] = []
    for item, number in zip(nearest.node.children, item_numbers(nearest.node), strict=True):
        if question := read(item, number):
            asked[number] = (item, question, nearest.section)
        else:
            unasked.append((item, number))
    return (asked, unasked) if unasked and 2 * len(asked) >= len(worded) else None


def _lists_or_names_answers(ctx: Context, block: Block, around: tuple[str, ...]) -> bool:
    """A numbered list not taken in the sections ``around`` some answers, or a title naming answers
    (past which the questions above are other answers')."""
    if _names_answers(block.node):
        return True
    node = block.node
    return node.type == "ordered_list" and not ctx.is_claimed(node) and block.section[: len(around)] == around


def _asking_nothing_alone(
    ctx: Context, unasked: Sequence[tuple[Node, str]], title: Block
) -> Iterator[Problem]:
    """A warning at each item that asks nothing of a list of questions whose others are carded; the
    item is taken, its answer left out with it."""
    for item, number in unasked:
        ctx.claim(item, *item.children)
        message = (
            f"question {number} of the list answered under {_title(title.node)!r} asks nothing: no card "
            "for it; write it as a question (`…?`), an instruction (`Define …`), or a statement its answer "
            "judges (`True`/`False`)"
        )
        yield Problem(ctx.at(item), message, "warning")


_JUDGEMENT = regex(
    r"(?i)^\W*(?P<said>true|false|not\s+given|yes|no|t|f|ng)\b\W*?(?:$|[\s.,;:\u2013\u2014-]+(?P<why>.*))",
    re.S,
)
_JUDGED = {"true": "True", "t": "True", "false": "False", "f": "False", "yes": "Yes", "no": "No"}


def _says_not_given(ctx: Context, blocks: Sequence[Block], around: tuple[str, ...]) -> bool:
    """Whether the words of the sections ``around`` the answers offer "not given" as an answer
    (``Decide whether each statement is True, False or Not Given.``)."""
    return any(
        block.node.type == "paragraph" and "not given" in block.node.children[0].content.casefold()
        for block in blocks
        if block.section[: len(around)] == around
    )


def _judged(worded: Mapping[str, tuple[Node, str]], not_given: bool) -> tuple[str, ...]:
    """The options of a reading test's statements, when every answer judges one (``TRUE``, ``F``,
    ``Not given — para 3``): ``True``, ``False`` (``Yes``, ``No``) and ``Not given`` if some answer, or
    the words above (``not_given``), say it; none for answers in other words."""
    said = [found["said"].casefold() for _, words in worded.values() if (found := _JUDGEMENT.match(words))]
    if not worded or len(said) != len(worded):
        return ()
    answers = {_JUDGED.get(word, "Not given") for word in said}
    judged = ("Yes", "No") if answers & {"Yes", "No"} else ("True", "False")
    if not answers <= {*judged, "Not given"}:
        return ()  # `True` beside `No`: no one scale
    return (*judged, "Not given") if "Not given" in answers or not_given else judged


def _judgement(
    ctx: Context, item: Node, statement: str, section: tuple[str, ...], judged: tuple[str, ...], answer: str
) -> Item | Problem:
    """A statement's question, its options ``judged``, the answer's judgement right, its words after it
    explaining."""
    found = _JUDGEMENT.match(answer)
    assert found is not None  # every answer judges, `_judged` says
    said = _JUDGED.get(found["said"].casefold(), "Not given")
    options = tuple(
        Option(label=label, text=text, correct=text == said)
        for label, text in zip("ABC", judged, strict=False)
    )
    fields = ctx.common("mcq", statement, item, section)
    return ctx.build(
        item, lambda: fields.mcq(stem=statement, options=options, explanation=(found["why"] or "").strip())
    )


def word_bank_gaps(ctx: Context, keys: Sequence[KeyEntry]) -> tuple[list[Item | Problem], list[KeyEntry]]:
    """A card for each numbered blank of a paragraph (``The green pigment (1) ______ absorbs …``) right
    under a word bank of lettered words (``A. glucose  B. chlorophyll …``, on a line or a list), that
    the entry of its number answers by a letter (``1 - B``) in the bank's own key: the nearest below it,
    in its section or the next, of the entries no numbered question of the file claims. The blank's
    sentence its front (its other blanks filled in), the word its back. Returns them, and the key's
    entries left for questions."""
    items: list[Item | Problem] = []
    used: set[int] = set()
    asked: set[str] | None = None
    blocks = ctx.doc.blocks
    for index in range(1, len(blocks)):
        node, above = blocks[index].node, blocks[index - 1].node
        text = node.children[0].content if node.type == "paragraph" else ""
        numbers = _NUMBERED_BLANK.findall(text) if "(" in text else []
        if len(numbers) < 2 or ctx.is_claimed(node) or ctx.is_claimed(above):
            continue
        bank = _word_bank(above)
        if bank is None:
            continue
        asked = _asked_numbers(ctx, keys) if asked is None else asked
        own = _bank_key(ctx, index, keys)
        by_number: dict[str, list[KeyEntry]] = {}
        for entry in own:
            if unpadded(entry.question) not in asked and len(entry.answer.letters) == 1:
                by_number.setdefault(unpadded(entry.question), []).append(entry)
        filled = {
            n: bank.get(by_number[n][0].answer.letters[0]) for n in numbers if len(by_number.get(n, [])) == 1
        }
        if not all(filled.values()) or len(filled) != len(numbers):
            if own:
                message = (
                    "the answer key below this word bank's blanks does not answer each of them by one "
                    "letter of the bank (or its numbers are a question's): no cards; give the blanks a key "
                    "of their own, one letter for each number"
                )
                items.append(Problem(ctx.at(node), message, "warning"))
            continue
        ctx.claim(above, node)
        for number, word in filled.items():
            front = _gap_sentence(text, number, filled)
            fields = ctx.common("card", front, node, blocks[index].section)
            items += ctx.cards(node, fields, front, word or "", both_ways=False)
            used.add(id(by_number[number][0]))
    return items, [entry for entry in keys if id(entry) not in used]


def _bank_key(ctx: Context, index: int, keys: Sequence[KeyEntry]) -> list[KeyEntry]:
    """The entries of the key nearest below block ``index`` (a word bank's blanks), when it is in the
    block's section or the next (one heading between at most): that key's entries, up to the next
    heading past it; none else."""
    blocks = ctx.doc.blocks
    line = ctx.doc.line_of(blocks[index].node)
    below = sorted((ctx.doc.line_of(entry.node), n) for n, entry in enumerate(keys))
    below = [(at, n) for at, n in below if at > line]
    if not below:
        return []
    first = below[0][0]
    headings = [ctx.doc.line_of(b.node) for b in blocks[index + 1 :] if b.node.type == "heading"]
    if len([at for at in headings if at < first]) > 1:
        return []
    end = next((at for at in headings if at > first), None)
    return [keys[n] for at, n in below if end is None or at < end]


def _asked_numbers(ctx: Context, keys: Sequence[KeyEntry]) -> set[str]:
    """The numbers of the file's numbered questions (``1. Where …?``, ``## 2. Which …?``, a numbered
    item over options): an answer key's entry of one of them is that question's, no word bank's."""
    in_keys = {id(entry.node) for entry in keys}
    asked: set[str] = set()
    blocks = ctx.doc.blocks
    for index, block in enumerate(blocks):
        node = block.node
        if any(id(inner) in in_keys for inner in node.walk()):
            continue
        after = blocks[index + 1].node if index + 1 < len(blocks) else None
        optioned = after is not None and after.type in ("bullet_list", "ordered_list")
        if node.type == "ordered_list":
            for item, number in zip(node.children, item_numbers(node), strict=True):
                nested = any(child.type in ("bullet_list", "ordered_list") for child in item.children)
                line = _statement(item)
                last = item is node.children[-1]
                if "?" in line or nested or (last and optioned):
                    asked.add(unpadded(number))
        elif node.type in ("heading", "paragraph"):
            text = heading_text(node) if node.type == "heading" else node.children[0].content
            number, rest = stem_number(plain(text).split("\n")[0])
            if number and ("?" in rest or (optioned and node.type == "paragraph")):
                asked.add(unpadded(number))
    return asked


def _word_bank(node: Node) -> dict[str, str] | None:
    """A word bank's words by their letters (``A. glucose  B. chlorophyll``, on one line or as a list's
    items), two at least and lettered from ``A``; ``None`` for any other block."""
    if node.type == "paragraph":
        text = node.children[0].content
    elif node.type in ("bullet_list", "ordered_list"):
        text = "\n".join(_one_line(item) for item in node.children)
    else:
        return None
    parts = _BANK_LETTER.split(text.strip())
    if len(parts) < 5 or parts[0].strip():
        return None
    bank = {letter: word.strip() for letter, word in zip(parts[1::2], parts[2::2], strict=True)}
    words_only = all(word and len(word.split()) <= _BANK_WORDS for word in bank.values())
    in_order = list(bank) == [chr(ord("A") + n) for n in range(len(bank))]
    return bank if words_only and in_order else None


def _gap_sentence(text: str, number: str, filled: Mapping[str, str | None]) -> str:
    """The sentence holding blank ``number`` (and the one before, where it opens with ``It``, ``They``
    …, which name nothing alone), that blank as ``______`` and the others filled in."""
    sentences = _SENTENCE_BREAK.split(" ".join(text.split()))
    at = next(at for at, part in enumerate(sentences) if f"({number})" in part)
    sentence = (
        " ".join(sentences[at - 1 : at + 1]) if at and _REFERS_BACK.match(sentences[at]) else sentences[at]
    )
    return _NUMBERED_BLANK_AT.sub(
        lambda blank: "______" if blank["n"] == number else filled.get(blank["n"]) or "______", sentence
    )


_NUMBERED_BLANK = regex(r"\((\d{1,2})\)[ \t]*_{3,}")
_NUMBERED_BLANK_AT = regex(r"\((?P<n>\d{1,2})\)[ \t]*_{3,}")
"""A numbered blank of a gap fill: ``(1) ______``."""
_BANK_LETTER = regex(r"(?<!\S)(?:-[ \t]+)?\(?([A-H])[.)][ \t]+")
"""A word bank's letter (``A.``, ``(B)``, ``- C.``) where a word starts: no leading run of spaces to
match, which a long line of them would try from each of its spaces."""
_BANK_WORDS = 4
"""At most this many words in each of a word bank's entries: a phrase, no option of a question."""
_SENTENCE_BREAK = regex(r"(?<=[.!?])\s+")
_REFERS_BACK = regex(r"(?:it|they|this|these|that|those|he|she|its|their)\b", re.I)


_Q_LABEL = regex(
    r"^(?:(?:\*\*|__)(?i:q|question[ \t]?)(?P<bold>\d{1,3})[.:)]?(?:\*\*|__)[.:)]?"
    r"|(?i:q|question[ \t]?)(?P<plain>\d{1,3})[.:)])[ \t]+(?=\S)"
)
"""A question's label at the start of its line, its number in it: ``**Q1.**``, ``**Question 3**``,
``Q2:``, ``Q4.``; no ``Q1`` without a mark (``Q1 sales rose``: a quarter)."""

_Labelled = dict[str, tuple[Node, int, str]]
"""Number → (paragraph, line in it, words after the label) of lines labelled ``Q1.``, ``Q2.``."""


def _labelled_lines(node: Node) -> _Labelled:
    """The lines of a paragraph each labelled as a question (``**Q1.** …``), by number; empty unless
    every line is (a numbered label repeated, too)."""
    if node.type != "paragraph":
        return {}
    labelled: _Labelled = {}
    for offset, line in enumerate(node.children[0].content.split("\n")):
        found = _Q_LABEL.match(line.strip())
        number = found and (found["bold"] or found["plain"]).lstrip("0")
        if not found or not number or number in labelled:
            return {}
        labelled[number] = (node, offset, line.strip()[found.end() :].strip())
    return labelled


def _labelled_answers(ctx: Context) -> Iterator[Item | Problem]:
    """A card per question labelled ``**Q1.** …`` (``Q1:``, ``**Question 1**``) answered under a later
    answers title by the line of the same label, or a numbered list's item of its number, as
    textbooks end a chapter (``## Answers to review questions``, then ``**Q1.** 0 kPa``); a question
    with no answer, and an answer with no question of its label, are warnings."""
    blocks = ctx.doc.blocks
    for index, block in enumerate(blocks):
        if ctx.is_claimed(block.node) or not _names_answers(block.node):
            continue
        answers, taken = _labelled_below(ctx, blocks[index + 1 :])
        if not answers or any(words.endswith("?") for _, _, words in answers.values()):
            continue  # none, or lines that ask: questions of their own under the title
        asked, held = _labelled_above(ctx, blocks[:index], _around(block))
        if not asked.keys() & answers.keys():
            continue
        ctx.claim(*taken, *held)
        yield from _labelled_pairs(ctx, asked, answers, _title(block.node))


def _labelled_below(ctx: Context, blocks: Sequence[Block]) -> tuple[_Labelled, list[Node]]:
    """The answers right under an answers title: paragraphs of labelled lines, one after another, or
    a numbered list answering in words; and their blocks. Plain paragraphs between two labelled ones
    explain the answer above them: its back goes on with them."""
    if blocks and blocks[0].node.type == "ordered_list" and not ctx.is_claimed(blocks[0].node):
        listed = _worded_answers(ctx, blocks[0].node)
        return {number.lstrip("0"): (item, 0, words) for number, (item, words) in listed.items()}, [
            blocks[0].node
        ]
    answers: _Labelled = {}
    taken: list[Node] = []
    explaining: list[Node] = []
    for block in blocks:
        node = block.node
        lines = _labelled_lines(node) if not ctx.is_claimed(node) else {}
        if not lines and answers and _explains(ctx, node):
            if _names_another(node, list(answers)[-1]):
                continue  # `For Q2, use …` between Q1's answer and Q2's: Q1's back is no place for it
            explaining.append(node)
            continue
        if not lines or answers.keys() & lines.keys():
            break
        if explaining:
            last, (at, offset, words) = list(answers.items())[-1]
            told = "\n\n".join(ctx.doc.written(paragraph).strip() for paragraph in explaining)
            answers[last] = (at, offset, f"{words}\n\n{told}")
            taken += explaining
            explaining = []
        answers.update(lines)
        taken.append(node)
    return answers, taken


def _explains(ctx: Context, node: Node) -> bool:
    """Whether a block under a labelled answer may explain it: a plain paragraph no rule took, no line
    of it labelled (``**Q2.** …`` over more words is the next answer, not this one's)."""
    if node.type != "paragraph" or ctx.is_claimed(node) or _names_answers(node):
        return False
    return not any(_Q_LABEL.match(line.strip()) for line in node.children[0].content.split("\n"))


def _names_another(node: Node, number: str) -> bool:
    """Whether a paragraph speaks of another question than ``number`` (``For Q2, use …``)."""
    named = {found.lstrip("0") for found in _NAMED_QUESTION.findall(node.children[0].content)}
    return bool(named - {number})


_NAMED_QUESTION = regex(r"\b(?i:q|question[ \t]?)(\d{1,3})\b")


def _labelled_above(
    ctx: Context, blocks: Sequence[Block], around: tuple[str, ...]
) -> tuple[dict[str, tuple[Node, int, str, tuple[str, ...]]], list[Node]]:
    """The nearest set of labelled questions above an answers title, in the sections ``around`` it:
    paragraphs of labelled lines up to a label met again (another set) or an earlier answers title.
    None past a numbered list or a heading met first: the answers are that list's, or that section's."""
    asked: dict[str, tuple[Node, int, str, tuple[str, ...]]] = {}
    held: list[Node] = []
    for block in reversed(blocks):
        node = block.node
        if _names_answers(node):
            break
        if ctx.is_claimed(node) or block.section[: len(around)] != around:
            continue
        if not asked and node.type in ("ordered_list", "heading"):
            break
        lines = _labelled_lines(node)
        if asked.keys() & lines.keys():
            break
        asked.update({number: (*found, block.section) for number, found in lines.items()})
        held += [node] if lines else []
    return asked, held


def _labelled_pairs(
    ctx: Context,
    asked: Mapping[str, tuple[Node, int, str, tuple[str, ...]]],
    answers: _Labelled,
    title: str,
) -> Iterator[Item | Problem]:
    """The card of each question and the answer of its label, the question its front; warnings for
    a question left unanswered, one that asks nothing, and an answer no question has."""
    for number, (node, offset, question, section) in sorted(
        asked.items(), key=lambda pair: _at(ctx, *pair[1][:2])
    ):
        where = SourceLocation(path=ctx.doc.path, line=_at(ctx, node, offset))
        if number not in answers:
            yield Problem(where, f"question {number} has no answer under {title!r}", "warning")
            continue
        answer = answers[number][2]
        if not (question.endswith("?") or recalled(question, answer) or _asked_then_told(question)):
            message = (
                f"question {number} answered under {title!r} asks nothing: no card for it; write it as a "
                "question (`…?`) or an instruction (`Define …`)"
            )
            yield Problem(where, message, "warning")
            continue
        fields = ctx.common("card", question, node, section)
        fields = replace(fields, source=where)
        yield from ctx.cards(node, fields, question, answer, both_ways=False)
    for number, (node, offset, _) in answers.items():
        if number not in asked:
            message = f"answer {number} matches no labelled question above it: check its label"
            yield Problem(SourceLocation(path=ctx.doc.path, line=_at(ctx, node, offset)), message, "warning")


def _at(ctx: Context, node: Node, offset: int) -> int:
    """The line of a paragraph's line ``offset``."""
    return ctx.doc.line_of(node) + offset
