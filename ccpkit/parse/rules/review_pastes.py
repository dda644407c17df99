"""Questions pasted from a practice test's review page, as Udemy shows one: ``Question 5: Incorrect``,
the question, each option a paragraph of its own with ``(Correct)`` under the right ones (and
``(Incorrect)`` under a wrong pick), then ``Explanation`` and why; or, as its newer page does, with
``Correct answer`` (``Your answer is correct``) over the right ones, ``Your answer is incorrect``
over a wrong pick, then ``Overall explanation`` and ``Domain``; or, as Canvas shows its results,
``Question 1`` over ``1 / 1 pts``, and ``Correct!``, ``You Answered`` or ``Correct Answer`` each a
paragraph over its option. No letters, no list: read as the page shows them, each would be a
paragraph of notes and the question lost.

Microsoft Learn's review of a practice assessment shows no options at all: ``Question 3 of 50`` over
the question, ``Your Answer`` over the picks, ``Correct Answer`` over the right ones (each judged
``This answer is correct.``), then why. Each is a card: the question, its right answers and why."""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterator, Sequence
from dataclasses import replace

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import Block, item_words, paragraph_words
from ccpkit.parse.rules.answers import answer_line, question_id
from ccpkit.parse.rules.options import DraftOption
from ccpkit.parse.rules.questions import Draft
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_HEADER = regex(
    r"\W*question\s+(?P<number>\d+)\s*:?\s*(?:correct|incorrect|skipped|[\d.]+\s*/\s*[\d.]+\s*pts)\W*", re.I
)
"""``Question 5: Incorrect``: the page's heading of a question, with how the test taker did (Canvas:
``Question 1`` over ``1 / 1 pts``)."""
_HEADING = regex(r"question\s+(?P<number>\d+)(?:\s*\(\s*[\d.]+\s*(?:points?|pts?)\s*\))?", re.I)
"""``## Question 1 (1 point)``: Canvas's header of a question pasted as a heading."""
_MARK_ALONE = regex(r"(?P<mark>correct!?|correct\s+answers?|you\s+answered|unanswered)[\s:.]*", re.I)
"""A paragraph of a mark alone over an option (Canvas): ``Correct!`` over a right pick, ``You
Answered`` over a wrong one, ``Correct Answer`` over the right one."""
_POINTS = regex(r"\d+(?:\.\d+)?[ \t]*/[ \t]*\d+(?:\.\d+)?[ \t]*(?:pts?|points?)", re.I)
"""``0 / 1 pts``: the points a Canvas question scored, on a line of its own (Coursera: ``1 / 1 point``)."""
_SCORE = regex(r"(?:quiz\s+)?score\s*:\s*[\d.]+\s+out\s+of\s+[\d.]+", re.I)
"""``Quiz Score: 3 out of 4``: the page's score of the whole quiz, under its last question."""
_VERDICT = regex(r"\(\s*(?P<verdict>correct|incorrect)\s*\)", re.I)
_PICKED = regex(
    r"(?P<mark>your (?:answer|selection) is (?:correct|incorrect)|correct (?:answer|selection))[ \t]*\n"
    r"(?P<text>.+)",
    re.I | re.S,
)
"""``Correct answer`` over the right option, ``Your answer is incorrect`` over a wrong pick."""
_EXPLANATION = regex(r"\W*(?:overall\s+)?explanation\W*", re.I)
_DOMAIN = regex(r"(?P<field>domain)[ \t]*\n(?P<value>.+)", re.I | re.S)
"""``Domain`` over the exam domain the question belongs to: said in its explanation."""
_MOST_OPTIONS = 8
"""A page shows at most this many options (A to H), as an answer line names them."""


def review_questions(ctx: Context) -> Iterator[Draft]:
    """A question for each ``Question N: …`` paragraph over paragraphs that hold one at least of the
    page's ``(Correct)`` marks, up to the next such paragraph, heading or ``---``; and each of a Moodle
    review whose choices have no letters (``moodle_questions``)."""
    yield from moodle_questions(ctx)
    blocks = ctx.doc.blocks
    headers = {
        index: header
        for index, block in enumerate(blocks)
        if (header := _header(ctx, block.node) or _graded_header(ctx, block.node))
    }
    for start, end in itertools.pairwise([*headers, len(blocks)]):
        run: list[Node] = []
        for block in blocks[start + 1 : end]:
            if ctx.is_claimed(block.node) or not _in_review(block.node, run):
                break
            run.append(block.node)
        graded = _graded_header(ctx, blocks[start].node) is not None
        number, opening = headers[start]
        if graded:  # a verdict's paragraph is its feedback too: no lines of marks to part
            draft = _graded_draft(ctx, blocks[start], number, opening, _entries(ctx, run, marks_over=False))
        else:
            draft = _draft(ctx, blocks[start], number, opening, _entries(ctx, run))
        if draft is not None:
            ctx.claim(blocks[start].node, *run)
            yield draft


def _in_review(node: Node, run: Sequence[Node]) -> bool:
    """Whether ``node`` goes on a review's question after ``run``: a paragraph (but the quiz's score),
    or a list of options (each a paragraph) before the ``Explanation`` (Canvas pasted with its options
    a list)."""
    if node.type == "paragraph":
        return not _SCORE.fullmatch(paragraph_words(node).strip())
    explained = any(_ends_options(paragraph_words(above).strip()) for above in run)
    return node.type == "bullet_list" and not explained and all(item_words(item) for item in node.children)


def _entries(ctx: Context, run: Sequence[Node], *, marks_over: bool = True) -> list[tuple[Node, str, str]]:
    """Each paragraph of ``run`` with its words and its Markdown; each option of a list one of its own,
    and each line of a paragraph one when a line of it is a mark alone (``You Answered`` over its option,
    Canvas pasted as lines, when ``marks_over`` options); a line of the question's points (``0 / 1 pts``)
    is none."""
    entries = []
    for node in run:
        if node.type == "bullet_list":
            entries += [(item, item_words(item), item_words(item)) for item in node.children]
            continue
        text = paragraph_words(node).strip()
        lines = [line.strip() for line in text.split("\n")]
        if marks_over and len(lines) > 1 and any(_MARK_ALONE.fullmatch(line) for line in lines):
            entries += [(node, line, line) for line in lines if line and not _POINTS.fullmatch(line)]
        else:
            entries.append((node, text, ctx.doc.source(node)))
    return entries


def _ends_options(text: str) -> bool:
    """Whether a paragraph ends a question's options: ``Explanation`` (and why), or the points the
    question scored under them (Canvas: ``1 / 1 pts``, then why)."""
    return bool(_EXPLANATION.fullmatch(text.partition("\n")[0]) or _POINTS.fullmatch(text))


def moodle_questions(ctx: Context) -> Iterator[Draft]:
    """A question for each of a Moodle review page: ``Question 3`` (its number maybe in bold) over the
    question's state (``Correct``, ``Mark 1.00 out of 1.00``), its words, its choices a line each under
    ``Select one:`` (lettered, ``a. Stack``, or not, as a true-or-false question's ``True`` and
    ``False``), the page's feedback, then its answer, ``The correct answer is 'False'.``. The page's
    words around the question (its state, ``Your answer is correct.``) are no part of it."""
    blocks = ctx.doc.blocks
    for index, block in enumerate(blocks):
        number = _moodle_number(ctx, block.node)
        if number is None:
            continue
        run: list[Node] = []
        for below in blocks[index + 1 :]:
            node = below.node
            if node.type != "paragraph" or ctx.is_claimed(node) or _moodle_number(ctx, node) is not None:
                break
            run.append(node)
        draft = _moodle_draft(ctx, block, number, run)
        if draft is not None:
            yield draft


def _moodle_number(ctx: Context, node: Node) -> str | None:
    """The question's number when ``node`` is a Moodle review's header of one: ``Question 3`` (or
    ``Question **3**``) over the lines of its state, ``Correct``, ``Mark 1.00 out of 1.00``."""
    if node.type != "paragraph" or ctx.is_claimed(node):
        return None
    first, *state = node.children[0].content.strip().split("\n")
    if not state and (one_line := _MOODLE_ONE_LINE.fullmatch(first.strip())) is not None:
        return one_line["number"]  # `Question 2 Correct Mark 1.00 out of 1.00 Flag question`
    found = _MOODLE_HEADER.fullmatch(first.strip())
    if found is None or not state or not all(_MOODLE_STATE.fullmatch(line.strip()) for line in state):
        return None
    return found["number"]


def _moodle_draft(ctx: Context, header: Block, number: str, run: Sequence[Node]) -> Draft | None:
    """The question of a Moodle header over ``run``: the paragraphs up to ``Select one:`` its words,
    the lines under that label its options, the paragraph saying ``The correct answer is …`` its answer
    and the feedback before it its explanation; ``None`` without choices or that answer."""
    texts = [node.children[0].content.strip() for node in run]
    label = next((at for at, text in enumerate(texts) if _SELECT.fullmatch(text.partition("\n")[0])), None)
    if label is None:
        return None
    choices = _choices(texts[label].split("\n")[1:])
    if not _FEWEST_CHOICES <= len(choices) <= _MOST_OPTIONS:
        return None
    said_at = ((at, answer_line(texts[at])) for at in range(label + 1, len(run)))
    answered, worded = next(((at, said) for at, said in said_at if said and said.text), (None, None))
    stem = [
        ctx.doc.source(node)
        for node, text in zip(run[:label], texts[:label], strict=True)
        if not _ASIDE.fullmatch(text)
    ]
    if not stem:
        return None
    options = [
        DraftOption(string.ascii_uppercase[at], choice.strip(), run[label])
        for at, choice in enumerate(choices)
    ]
    draft = Draft(
        header.node, question_id(number), "\n\n".join(stem), options, run[label], header.section, ""
    )
    end = label if answered is None else answered  # no answer: the question rule says it has none
    if answered is not None:
        draft.worded, draft.answer_node = worded, run[answered]
    draft.explanation += [
        ctx.doc.source(node) for node in run[label + 1 : end] if not _ASIDE.fullmatch(paragraph_words(node))
    ]
    ctx.claim(header.node, *run[: end + 1])
    return draft


def _choices(lines: Sequence[str]) -> list[str]:
    """The words of a Moodle question's choices, a line each: as they are when none has a mark of its
    own, past their letters when they run ``a.``, ``b.`` …; none for any other lines (bullets, buttons)."""
    lettered = [_LETTERED_CHOICE.fullmatch(line.strip()) for line in lines]
    letters = [found["letter"].lower() for found in lettered if found is not None]
    if letters and letters == list(string.ascii_lowercase[: len(lines)]):
        return [found["text"] for found in lettered if found is not None]
    return [] if any(map(_LABELLED_CHOICE.match, lines)) else [line.strip() for line in lines]


_MOODLE_HEADER = regex(r"(?i)question\s+(?:\*\*|__)?(?P<number>\d+)(?:\*\*|__)?")
_MOODLE_STATE = regex(
    r"(?i)(?:partially\s+)?correct|incorrect|not\s+answered|answer\s+saved|not\s+yet\s+answered|complete"
    r"|not\s+complete|requires\s+grading|mark(?:ed)?\s+(?:[\d.]+\s+)?out\s+of\s+[\d.]+|flag(?:ged)?\s+question"
)
"""A line of a Moodle question's state under its number: ``Correct``, ``Mark 0.50 out of 1.00``."""
_MOODLE_ONE_LINE = regex(
    _MOODLE_HEADER.pattern + "".join(("(?:[ \t]{1,4}(?:", _MOODLE_STATE.pattern.removeprefix("(?i)"), "))+"))
)
"""A Moodle header with its state on its line, as a page copied as text may run them together."""
_SELECT = regex(r"(?i)select\s+one(?:\s+or\s+more)?\s*:")
"""Moodle's label over a question's choices: ``Select one:``, ``Select one or more:``."""
_LABELLED_CHOICE = regex(r"[ \t]*(?:[-*+>#|(\[]|[a-zA-Z1-9][.):](?:\s|$))")
"""A choice with a mark of its own: a letter or number (``a. Stack``), a bullet, a bracket."""
_LETTERED_CHOICE = regex(r"(?P<letter>[a-hA-H])[.)][ \t]+(?P<text>\S.*)")
"""A choice as Moodle letters it: ``a. Stack``."""
_ASIDE = regex(r"(?i)question\s+text|flag\s+question|your\s+answer\s+is\s+(?:partially\s+)?(?:in)?correct\.?")
"""Words of the page around a question, no part of it: ``Question text``, ``Your answer is correct.``"""
_FEWEST_CHOICES = 2


def _header(ctx: Context, node: Node) -> tuple[str, str] | None:
    """The question's number when ``node`` is the page's header of one (``Question 5: Incorrect``, or
    ``Question 5:`` over ``Incorrect``, or a heading ``Question 1 (1 point)``), and the question's
    words pasted on the lines below it."""
    if node.type not in ("paragraph", "heading") or ctx.is_claimed(node):
        return None
    lines = node.children[0].content.split("\n")
    if node.type == "heading":
        found = _HEADING.fullmatch(lines[0])
        return None if found is None else (found["number"], "")
    for size in (1, 2):
        found = _HEADER.fullmatch("\n".join(lines[:size]))
        if found is not None:
            return found["number"], "\n".join(lines[size:]).strip()
    return None


def _draft(
    ctx: Context, header: Block, number: str, opening: str, run: Sequence[tuple[Node, str, str]]
) -> Draft | None:
    """The question (its ``opening`` words under the header, and the paragraphs up to the one that
    asks), the option paragraphs after it (those marked ``(Correct)`` right), and what follows
    ``Explanation``; ``None`` if there are not two options and a right one."""
    texts = [text for _, text, _ in run]
    nodes = [node for node, _, _ in run]
    sources = [source for _, _, source in run]
    body = next((index for index, text in enumerate(texts) if _ends_options(text)), len(run))
    asking = (index for index, text in enumerate(texts[:body]) if text.endswith("?"))
    asked = -1 if opening.endswith("?") else next(asking, -1 if opening else 0)
    options: list[DraftOption] = []
    marked: bool | None = None
    """What a mark alone over the next option says of it."""
    for node, text in zip(nodes[asked + 1 : body], texts[asked + 1 : body], strict=True):
        verdict, picked = _VERDICT.fullmatch(text), _PICKED.fullmatch(text)
        label = string.ascii_uppercase[min(len(options), 25)]
        if (alone := _MARK_ALONE.fullmatch(text)) is not None:
            marked = alone["mark"].lower().startswith("correct")
        elif marked is not None:
            options.append(DraftOption(label, text, node, checked=marked or None))
            marked = None
        elif picked is not None:
            right = "incorrect" not in picked["mark"].lower()
            options.append(DraftOption(label, picked["text"].strip(), node, checked=right or None))
        elif verdict is None:
            options.append(DraftOption(label, text, node))
        elif options and verdict["verdict"].lower() == "correct":
            options[-1] = replace(options[-1], checked=True)
    if not 2 <= len(options) <= _MOST_OPTIONS or not any(option.checked for option in options):
        return None
    stem = "\n\n".join([*([opening] if opening else []), *sources[: asked + 1]])
    draft = Draft(header.node, question_id(number), stem, options, options[0].node, header.section, "")
    said = texts[body].partition("\n")[2].strip() if body < len(run) else ""  # `Overall explanation` + why
    explained = [said] if said else []
    for source, text in zip(sources[body + 1 :], texts[body + 1 :], strict=True):
        domain = _DOMAIN.fullmatch(text)
        explained.append(f"{domain['field']}: {domain['value'].strip()}" if domain else source)
    draft.explanation += explained
    return draft


_GRADED_HEADER = regex(r"question[ \t]+(?P<number>\d+)", re.I)
"""``Question 1`` alone: Coursera's header of a question, the points it scored (``1 / 1 point``) under
its options."""
_GRADED = regex(
    r"(?P<mark>correct|incorrect|this\s+should\s+not\s+be\s+selected|this\s+should\s+have\s+been\s+selected)"
    r"[\s.!]*",
    re.I,
)
"""Coursera's verdict under an option (over its feedback): ``Correct`` under a right pick, ``This should
not be selected`` under a wrong one, ``This should have been selected`` under a right one missed."""


def _graded_header(ctx: Context, node: Node) -> tuple[str, str] | None:
    """The question's number when ``node`` is a paragraph of ``Question 1`` alone (Coursera)."""
    if node.type != "paragraph" or ctx.is_claimed(node):
        return None
    found = _GRADED_HEADER.fullmatch(paragraph_words(node).strip())
    return None if found is None else (found["number"], "")


def _graded_draft(
    ctx: Context, header: Block, number: str, opening: str, run: Sequence[tuple[Node, str, str]]
) -> Draft | None:
    """A question of a Coursera review: the paragraph that asks, then the options, a paragraph each,
    the verdict and its feedback under a pick (``Correct``, then why), up to the points it scored;
    ``None`` without those points or a verdict (no review). With no right option shown (a wrong pick), the
    question rule says it has no answer."""
    texts = [text for _, text, _ in run]
    body = next((index for index, text in enumerate(texts) if _POINTS.fullmatch(text)), None)
    if body is None:
        return None
    asked = next((index for index, text in enumerate(texts[:body]) if text.endswith("?")), 0)
    options: list[DraftOption] = []
    feedback: list[str] = []
    for node, text, _ in run[asked + 1 : body]:
        mark, _, why = text.partition("\n")
        graded = _GRADED.fullmatch(mark.strip())
        if graded is None:
            options.append(DraftOption(string.ascii_uppercase[min(len(options), 25)], text, node))
            continue
        if not options:
            return None
        if graded["mark"].lower() == "correct" or graded["mark"].lower().startswith("this should have"):
            options[-1] = replace(options[-1], checked=True)
        feedback += [why.strip()] if why.strip() else []
    judged = any(_GRADED.fullmatch(text.partition("\n")[0].strip()) for text in texts[asked + 1 : body])
    if not judged or not 2 <= len(options) <= _MOST_OPTIONS:
        return None
    stem = "\n\n".join([*([opening] if opening else []), *(source for _, _, source in run[: asked + 1])])
    draft = Draft(header.node, question_id(number), stem, options, options[0].node, header.section, "")
    draft.explanation += [*feedback, *(source for _, _, source in run[body + 1 :])]
    return draft


_OF = regex(r"\W*question\s+\d+\s+of\s+\d+\W*", re.I)
"""``Question 3 of 50``: the review's heading of a question, the question on the lines below it."""
_RIGHT_ANSWER = regex(r"\W*correct\s+answers?\W*", re.I)
_YOUR_ANSWER = regex(r"\W*your\s+answers?\W*", re.I)
_JUDGED = regex(r"\W*this\s+answer\s+is\s+(?P<verdict>correct|incorrect)\W*", re.I)
_PAGE_TITLE = regex(r".+\s[-\u2013]\s.+\s\|\s.+")
"""``Describe cloud concepts - Training | Microsoft Learn``: the page's title, after each question."""


def reviewed_card(ctx: Context, siblings: Sequence[Node]) -> tuple[int, str, str] | None:
    """A question of a Microsoft Learn review opening ``siblings``: how many paragraphs after the first
    it takes, its question (the paragraphs over ``Your Answer``) and its back (the right answers, a
    list when there are several, then why)."""
    first = siblings[0]
    head, _, asked = paragraph_words(first).partition("\n")
    if ctx.is_claimed(first) or not _OF.fullmatch(head):
        return None
    lines = [(0, line.strip()) for line in asked.split("\n")]  # each line with the paragraph it is in
    for place, node in enumerate(siblings[1:], start=1):
        text = paragraph_words(node)
        if not text or ctx.is_claimed(node) or _OF.fullmatch(text.partition("\n")[0]):
            break
        lines += [(place, line.strip()) for line in text.split("\n")]
    said = [line for _, line in lines]
    if not any(_JUDGED.fullmatch(line) for line in said):  # a survey's or a diary's, not a review
        return None
    picks = next((index for index, line in enumerate(said) if _YOUR_ANSWER.fullmatch(line)), None)
    right = next((index for index, line in enumerate(said) if _RIGHT_ANSWER.fullmatch(line)), picks)
    if right is None:  # every pick right: the page may show no `Correct Answer`
        return None
    answers, index = _judged_run(said, right + 1)
    question = _paragraphs(lines[: min(right, picks if picks is not None else right)])
    if not answers or not question:
        return None
    why = lines[index:]
    titled = next((place for place, (_, line) in enumerate(why) if _PAGE_TITLE.fullmatch(line)), None)
    if titled is not None:
        why = why[:titled]  # up to the page's title; notes after it are the notes'
    elif why:
        why = [line for line in why if line[0] == why[0][0]]  # no title: the one paragraph of why
    lines = lines[:index] + why + ([lines[index + titled]] if titled is not None else [])
    answered = answers[0] if len(answers) == 1 else "\n".join(f"- {answer}" for answer in answers)
    used = lines[-1][0]
    ctx.claim(*siblings[: used + 1])
    return used, question, "\n\n".join([answered, *filter(None, [_paragraphs(why)])])


def _paragraphs(lines: Sequence[tuple[int, str]]) -> str:
    """Lines, each with the paragraph it is in, as those paragraphs' text."""
    grouped = itertools.groupby(lines, lambda line: line[0])
    return "\n\n".join("\n".join(text for _, text in group) for _, group in grouped).strip()


def _judged_run(lines: Sequence[str], start: int) -> tuple[list[str], int]:
    """The answers listed from ``start``, each over the page's verdict on it, and where the lines after
    them begin; one that is judged wrong is no right answer."""
    answers: list[str] = []
    index = start
    while index < len(lines) and not _JUDGED.fullmatch(lines[index]):
        verdict = _JUDGED.fullmatch(lines[index + 1]) if index + 1 < len(lines) else None
        if verdict is None:
            if not answers:  # one answer with no verdict under it: the page's last
                answers.append(lines[index])
                index += 1
            break
        if verdict["verdict"].lower() == "correct":
            answers.append(lines[index])
        index += 2
    return answers, index


_RESULTS_HEADER = regex(
    r"(?:\*\*|__)?question[ \t]+(?P<number>\d+)(?:\*\*|__)?"
    r"(?:(?:[ \t]*[-:|\u2013\u2014][ \t]*|[ \t]+)[\d.]+[ \t]+out[ \t]+of[ \t]+[\d.]+[ \t]+points?)?",
    re.I,
)
"""``**Question 3** — 2 out of 2 points``: a Blackboard results page's header of a question."""
_RESULTS_LABEL = regex(
    r"(?P<label>selected[ \t]+answers?|correct[ \t]+answers?|answers|response[ \t]+feedback)[ \t]*:[ \t]*"
    r"(?P<value>.*)",
    re.I,
)
"""A label of the results page under the question: ``Selected Answer:`` (the pick), ``Correct
Answer:``, ``Answers:`` (the options, a line each, ``✔`` before the right ones), ``Response Feedback:``."""
_TICKS = "\u2714\u2713\u2611\u2705"
"""The page's tick before a right option (``✔ molasses``); a cross (``✘``) before a wrong pick."""
_CROSSES = "\u2718\u2717\u2716\u274c"
_BARE_VERDICT = regex(r"\W*(?:correct|incorrect|right|wrong)\W*", re.I)
"""Feedback that only says how the pick did (``Correct.``): no explanation."""


def results_questions(ctx: Context) -> Iterator[Item | Problem | Draft]:
    """A question for each of a Blackboard results page: ``**Question 3** — 2 out of 2 points``, the
    question, then ``Selected Answer:``, ``Correct Answer:`` and ``Response Feedback:`` lines (or list
    items), maybe ``Answers:`` over the options, a line each, the right ones ticked ``✔``. With options,
    a multiple-choice question; without, a card of the correct answer; the pick is no part of either,
    the feedback (unless it only says ``Correct.``) explains it. Read as notes, each label would be a
    term and the question lost."""
    blocks = ctx.doc.blocks
    for index, block in enumerate(blocks):
        found = _results_number(ctx, block.node)
        if found is None:
            continue
        run: list[Node] = []
        lines: list[tuple[int, str]] = []
        labels_seen = False
        for below in blocks[index + 1 :]:
            node = below.node
            if ctx.is_claimed(node) or node.type not in ("paragraph", "bullet_list"):
                break
            words = _block_lines(node)
            labelled = any(_RESULTS_LABEL.fullmatch(line) for line in words)
            if _results_number(ctx, node) is not None or (labels_seen and not labelled):
                break  # the next question, or the page's words after this one's labels
            labels_seen = labels_seen or labelled
            run.append(node)
            lines += [(len(run) - 1, line) for line in words]
        fields = _results_fields([line for _, line in lines])
        if fields is None:
            continue
        stem_size, said = fields
        used = run[: max(place for place, _ in lines) + 1]
        ctx.claim(block.node, *used)
        yield from _results_item(ctx, block, found, _paragraphs(lines[:stem_size]), said, used)


def _block_lines(node: Node) -> list[str]:
    """The lines of a paragraph or of a list's items (each one paragraph), stripped, blank ones left out."""
    said = (
        [paragraph_words(node)] if node.type == "paragraph" else [item_words(item) for item in node.children]
    )
    return [line.strip() for words in said for line in words.split("\n") if line.strip()]


def _results_number(ctx: Context, node: Node) -> str | None:
    """The question's number when ``node`` is a results page's header of one."""
    if node.type != "paragraph" or ctx.is_claimed(node):
        return None
    found = _RESULTS_HEADER.fullmatch(paragraph_words(node).strip())
    return None if found is None else found["number"]


def _results_fields(lines: Sequence[str]) -> tuple[int, dict[str, list[str]]] | None:
    """How many lines the question takes, and each label's lines (its value on its line, the lines
    below up to the next label); ``None`` without a ``Selected Answer:`` (no results page)."""
    stem_size = next((at for at, line in enumerate(lines) if _RESULTS_LABEL.fullmatch(line)), len(lines))
    said: dict[str, list[str]] = {}
    values: list[str] = []
    for line in lines[stem_size:]:
        if (labelled := _RESULTS_LABEL.fullmatch(line)) is not None:
            values = said.setdefault(" ".join(labelled["label"].lower().split()).rstrip("s"), [])
            line = labelled["value"]
        if line.strip():
            values.append(line.strip())
    if not stem_size or "selected answer" not in said:
        return None
    return stem_size, said


def _results_item(
    ctx: Context, header: Block, number: str, stem: str, said: dict[str, list[str]], used: Sequence[Node]
) -> Iterator[Item | Problem | Draft]:
    """The question of a results page: a multiple-choice one when ``Answers:`` lists options, else a
    card of its ``Correct Answer:``; with neither right answer shown, a warning."""
    feedback = [line for line in said.get("response feedback", []) if not _BARE_VERDICT.fullmatch(line)]
    right = [_unticked(line)[1] for line in said.get("correct answer", [])]
    listed = [_unticked(line) for line in said.get("answer", [])][:_MOST_OPTIONS]
    options = [
        DraftOption(string.ascii_uppercase[at], text, used[-1], checked=ticked or text in right or None)
        for at, (ticked, text) in enumerate(listed)
    ]
    if len(options) >= 2 and any(option.checked for option in options):
        draft = Draft(header.node, question_id(number), stem, options, used[-1], header.section, "")
        draft.explanation += feedback
        yield draft
    elif right:
        fields = ctx.common("card", stem, header.node, header.section)
        back = "\n\n".join([" or ".join(right), *feedback])
        yield from ctx.cards(header.node, fields, stem, back, both_ways=False)
    else:
        message = "no correct answer shown for this results page's question, so no card was made"
        yield Problem(ctx.at(header.node), message, "warning")


def _unticked(line: str) -> tuple[bool, str]:
    """Whether an option's line is ticked right, and its words past the page's tick or cross."""
    return line[:1] in _TICKS, line.lstrip(_TICKS + _CROSSES + " \t")
