"""Find the questions of a file: each run of options, the stem above it and the answer below it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial

from ccpkit.cloze_syntax import has_cloze
from ccpkit.parse.answer_words import labels_options
from ccpkit.parse.context import Context, pinned_id
from ccpkit.parse.details import SUMMARY_TAG, closes_details, details_question, hidden_text
from ccpkit.parse.document import (
    HINT_LABEL,
    LISTS,
    heading_level,
    heading_text,
    item_words,
    navigates,
    only_pictures,
    paragraph_words,
)
from ccpkit.parse.html_tables import ShownLine, list_lines
from ccpkit.parse.rules.answers import (
    CALLOUT,
    PAGE_CONTROLS,
    PAIRED_ANSWER,
    QUESTION,
    Answer,
    answer_in_details,
    answer_line,
    as_written,
    asked_and_answered,
    bare_label,
    callout,
    details_text,
    explanation_start,
    key_entries_on_a_line,
    key_entry,
    numbers_a_question,
    plain,
    question_id,
    takers_pick,
    unpadded,
    worded_in_details,
)
from ccpkit.parse.rules.explained_terms import captioned_table, unexplained_term
from ccpkit.parse.rules.options import (
    DraftOption,
    Options,
    answered_options,
    answers_asked,
    asks,
    glued_answer,
    instructs,
    lettered_grid,
    lettered_lines,
    marked,
    marks_some,
    may_be_unlettered,
    named_option,
    named_with_reason,
    next_label,
    opens_options,
    read_options,
    reasons_after_marks,
    restated_option,
    sided_lines,
    sided_options,
    true_or_false,
    unbolded,
    unlettered_options,
    with_named_options,
)
from ccpkit.parse.rules.scenarios import opens_scenario
from ccpkit.parse.rules.spoilers import SPOILER, hidden_words
from ccpkit.parse.rules.terms import asked_in_bold, split_term, undecorated
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_OF_COUNT = r"(?:\s+of\s+\d+)?"
"""``Question 2 of 65``: how many there are is no part of the question."""
_DUMP_LABEL = rf"(?:new\s+)?(?:{QUESTION}|ques\.?|que\.)(?:\s+(?:no\.?|id))?"
"""``Question``, and as exam dumps number theirs: ``QUESTION NO: 5``, ``NEW QUESTION 12``, ``Ques 13``,
``Que. 1``."""
_HEADED = regex(
    rf"^(?:(?i:{_DUMP_LABEL}|q\.?)\s*[#:]?\s*(?P<id>[A-Z]?\d+)[题題问問]?{_OF_COUNT}[.):]?"
    r"|(?P<number>[A-Z]?\d+)(?:[.):]|[ ]\.(?=\s)))"
    r"(?:\s+(?P<rest>.*))?$",
    re.S,
)
_PAGE_LINE = (
    r"(?:Topic\s*#?\s*:?\s*\d+|\[All [^\]\n]* Questions\]|\(Exam Topic \d+\)"
    r"|(?:Partially\s+)?correct|Incorrect|Not\s+answered|Answer\s+saved|Not\s+complete|Complete"
    r"|Mark(?:ed\s+out\s+of)?\s+[\d.]+(?:\s+out\s+of\s+[\d.]+)?|Flag\s+question|Question\s+text"
    r"|[\[(]\d+\s+(?:marks?|points?)[\])]|\d+(?:\.\d+)?[ \t]?/[ \t]?\d+(?:\.\d+)?[ \t]points?"
    r"|\d+[ \t]?(?:sec|seconds|pts?|points)\b|Multiple[- ]choice|Fill[- ]in[- ]the[- ]blanks?|Open[- ]ended)"
)
_PAGE_GAP = r"(?:\*\*|__)?(?:[ \t]{1,4}|[ \t]{0,2}[\u00b7\u2022|][ \t]{0,2})"
"""What parts a page's lines on one line: spaces, or a dot (``Multiple-choice · 30 sec · 1 pt``)."""
"""A line a quiz's page shows around a question's words (``_PAGE_LINES``), no words of it."""
DUMP_HEADER = regex(
    rf"(?:\*\*|__)?(?i:{_DUMP_LABEL})\s*[#:]?\s*[A-Z]?\d+{_OF_COUNT}[.):]?(?:\*\*|__)?"
    r"(?:[ \t]+[A-Z][A-Z]+(?:[ \t]+[A-Z][A-Z]+)*)?"
    rf"(?:[ \t]{{1,4}}(?i:{_PAGE_LINE}))*[ \t]*(?:\n|$)"
)
"""A dump's question header on a line of its own (``QUESTION NO: 2``, ``NEW QUESTION 12``, ``Question: 3``),
maybe with the kind of question in capitals (``DRAG DROP``, ``HOTSPOT``), or a review's state of it
(``Question 2 Correct Mark 1.00 out of 1.00 Flag question``, ``**Question 3** 1 / 1 point``): a question
begins there, with options or none."""
_TASK_LABEL = (
    r"(?i:problem|item|exercise|no\.)[ ]?(?P<task>\d+)(?=(?:\*\*|__)?(?:[.):]|[ \t]*[\u2013\u2014-]\s))"
)
"""A question numbered as a task (``Problem 1.``, ``Item 2:``, ``Exercise 3 —``, ``No. 4)``), a mark
after the number: ``Item 3 in the list …`` is words."""
_TOPIC = r"(?:topic\s*#?\s*\d+\s+)?"
"""The topic a dump site's label names before the question's number: ``Topic 1 Question #14``."""
_TOPICAL = regex(r"(?:\*\*|__)?topic\b", re.I)
"""A stem's first words that name a topic: a label only on a line of its own."""
_NUMBERED_STEM = regex(
    rf"^(?:\*\*|__)?(?:(?i:{_TOPIC}{_DUMP_LABEL})\s*[#-]?\s*:?\s*(?P<qid>[A-Z]?\d+)[题題问問]?{_OF_COUNT}"
    r"[ \u00a0\u202f]?[.):]?"
    r"|Q[.-]?[ ]?(?:No\.?[ ]?)?#?(?P<q>[A-Z]?\d+)(?:[.):]|\s+[-\u2013\u2014](?=\s|\*\*|__))?"
    r"|(?P<id>[A-Z]?\d+)(?:\\?[.):\]\u3001\uff0e]|[ ]\.(?=\s)|[-/](?=\s)|\s+[-\u2013\u2014](?=\s|\*\*|__))"
    r"|(?P<dotted>\d+(?:\.\d+)+)(?:[.):]|(?=\*\*|__))"
    r"|#(?P<hashed>\d+)[.:)]?(?=\s+[A-Z])|(?P<keycap>\d)\ufe0f?\u20e3|[(\[](?:Q[ ]?)?(?P<bracketed>\d+)[)\]]"
    rf"|{_TASK_LABEL}"
    rf"|(?i:{QUESTION}(?:\s+text)?|pergunta|q)(?=(?:\*\*|__)?[ \u00a0\u202f]?:)"
    r"|Q[.)](?=(?:\*\*|__)?\s)(?!\s+[A-Z]\.))"  # `Q. Which …?`, not `Q. E. D.`
    r"(?:\*\*|__)?(?:[.)]|[ \u00a0\u202f]?:|[ \t]*[\u2013\u2014-](?=\s))?(?:\*\*|__)?"
    r"(?:(?:\s+|(?<=[\u3001\uff0e])|(?=Topic\s))(?P<rest>\S.*))?$",
    re.S,
)
FORM_SCORE = (
    r"(?:(?<=[?\uff1f])[ \t]{2,}|(?<=[?.!\uff1f\u3002_])[ \t]+\*[ \t]+)"
    r"(?P<got>\d+(?:\.\d+)?)[ \t]?/[ \t]?(?P<of>\d+(?:\.\d+)?)[ \t]*$"
)
"""A graded form's score right after a question's end (``? *   0/1``, ``______. *   1/1``): what the
respondent got of what it was worth."""
_POINTS = regex(
    r"(?i)(?<![ \t])[ \t]*\(\d+(?:\.\d+)?[ \t]*(?:points?|pts?\.?|marks?)\)(?=[ \t]*(?:\(|$))"
    rf"|{FORM_SCORE}",
    re.M,
)
"""What a question is worth, as a form's export writes it after the words: ``(1 Point)``, ``(2 marks)``,
a graded form's score right after the question's end (``? *   0/1``, ``______. *   1/1``, ``?   1/1``: two
spaces; ``? 3/1`` is the question's ratio); a fraction after other words is the question's (``What is 6 *
3/4``, ``Simplify the ratio:  6/8``). Spaces are matched from where they start only: a long run of them is
tried once."""
_GLUED_INSTRUCTION = regex(
    r"(?i)(?:answer|choose|select|read|attempt|complete)\b[^\n]{0,80}?\b(?:questions?|following|below)\b"
    r"[^\n]{0,40}?[.:!]\s+(?=\d+[.)]\s)"
)
"""An instruction to a set of questions that the first one's number follows on its line: ``Answer the
following questions. 1. …``, ``Choose the best answer for each question: 1) …``."""
_HOW_MANY = regex(r"(?i)\bhow\s+many\b")
_NUMBER = regex(r"\d+(?:[.,]\d+)?")
_ANSWER_LABEL = regex(r"(?i)^\W*(?:ans(?:wer)?s?|correct\s+answers?)\b")
"""How an answer line opens at the end of a question's paragraph: ``Ans -``, ``Answer:``."""
_PAGE_LINES = regex(rf"^{_PAGE_LINE}(?:{_PAGE_GAP}{_PAGE_LINE})*(?:\*\*|__)?[ \t]*(?:\n|$)", re.I | re.M)
"""A dump site's page lines under ``Question #: 45``: ``Topic #: 1``, ``[All … Questions]``; an exam
dump's source tag, ``(Exam Topic 1)``; a Moodle review's state of the question under ``Question 1``:
``Correct``, ``Mark 1.00 out of 1.00``, ``Flag question`` (or all on one line, after ``Question 1``); an
exam paper's ``[1 mark]`` under a question, a review's score after its number (``0 / 1 point``); a
quiz game's kind, time and points after it (``Multiple-choice · 30 sec · 1 pt``)."""
_NUMBERED_PAGE_LINES = regex(
    rf"(?:\*\*|__)?\d+[.)](?:{_PAGE_GAP}{_PAGE_LINE})+(?:\*\*|__)?[ \t]*(?:\n|$)", re.I
)
"""A quiz game's header of its next question: its number, then only its page's lines (``**3.
Fill-in-the-Blank** · 45 sec · 2 pts``), a question begins there, with options or none."""
_GAME_ITEM = regex(
    r"\d+[ \t]?(?:sec|seconds|pts?|points)\b|Multiple[- ]choice|Fill[- ]in[- ]the[- ]blanks?|Open[- ]ended",
    re.I,
)
"""What only a quiz game's header says: a time, points, the kind of question (``Correct`` or
``Incorrect`` alone after a number may be a note on an option: ``**1.** Incorrect``)."""
_WORD_QUESTION = regex(r"(?:\*\*|__)?question(?:\*\*|__)?[ \t]*(?:\n|$)", re.I)
"""The word ``QUESTION`` after a number, as a paid bank's review pages write ``1. QUESTION``."""
_ANSWER_HEADING = regex(
    r"(?i)(?:the\s+)?(?:(?:correct|right)\s+(?:answers?|options?|choices?)|answers?)|back"
)
"""A heading over a question's answer: ``Correct Answer``, ``Answer``, ``Correct option``, a card's
``Back`` (under ``### Front``, as flashcard apps' imports write a question)."""
_BOLD_LABEL = regex(r"(\*\*|__)(?P<label>[^*_:\n]+):?\1:?")
"""A bold paragraph that may be an answer's label: ``**Correct**``, ``**Correct Answer:**``."""
_HOW_IT_WENT = regex(r"(?i:correct|incorrect|skipped|unanswered)")
"""What a test's review page says of a question after its number: how the test taker did."""
_VOTES = regex(r"\W*community vote distribution\b\W*", re.I)
_NO_SECTION = regex(r"section:\s*(?:\(none\)|[^\W\d][\w &/,'-]{0,40}?)(?:\s+explanation)?", re.I)
"""What a VCE dump writes under (or after) every answer: ``Section: (none) Explanation``, or the exam's
section named (``Section: Cloud concepts``); not a sentence (``Section: 3.1 of the guide covers …``)."""
_VOTE = regex(r"(?:[A-H]{1,8}\s*\(\d{1,3}%\)|\d{1,3}%|other)", re.I)
"""A line of the votes under ``Community vote distribution``: ``AC (88%)``, ``12%``, ``Other``."""
_DISCUSSION = regex(
    r"(?:selected\s+answer:\s*[A-H]{1,8}|upvoted\s+\d+\s+times?"
    r"|(?:\S+\s+){0,3}(?:highly\s+voted|most\s+recent)\s+\d+\s+(?:year|month|week|day|hour|minute)s?"
    r"(?:,\s*\d+\s+(?:year|month|week|day|hour|minute)s?)?\s+ago)",
    re.I,
)
"""A dump site's comment headers: ``Selected Answer: A`` (a reader's pick), ``upvoted 14 times``,
``User123 Highly Voted 1 year, 2 months ago`` (a name of up to three words)."""
_TAG_WORDS = 5
"""At most this many words after a question's number in its heading tag it (a topic, a level)."""
_QUESTION_LABEL = regex(rf"(?:\*\*|__)?(?i:{QUESTION}(?:\s+text)?)(?:\*\*|__)?\s*:")
"""``**Question Text:**`` over a question's words: what is above it is no part of the stem."""
_FIELD_LABEL = r"(?:\*\*|__)([^*_\n]{1,40}):(?:\*\*|__)"
"""A field's name in bold with its colon (``**Question Type:**``); the name is its group."""
_FIELD = regex(rf"{_FIELD_LABEL}[ \t]*[^\n]{{0,60}}")
"""``**Question Type:** Multiple Choice``: a short field a bank writes above a labelled question."""
_FIELDS_LINE = regex(rf"{_FIELD.pattern}(?:[ \t]+[\u00b7\u2022|][ \t]+{_FIELD.pattern})+")
"""``**Difficulty:** Easy · **Type:** MCQ``: a bank's fields on one line, above any question, when each
names how the bank files it (``_BANK_FIELDS``; a case's ``**Age:** 67 · **BP:** 82/40`` is asked)."""
_FIELD_NAME = regex(_FIELD_LABEL)
_PLAIN_FIELD = regex(r"(?:\*\*|__)?(?P<name>[^\W\d_][\w' -]{0,38}):(?:\*\*|__)?[ \t]*[^\s?*_][^\n?]{0,59}")
"""``Domain: Implement and manage storage``, ``**Punkte: 4**``: a field, its name in bold or not."""
_FIELD_PARTS = regex(r"[\u00b7\u2022|]")
"""What parts fields on one line (``Topic: Africa · Difficulty: easy``), the spaces around it stripped."""
_BANK_FIELDS = frozenset(
    {"difficulty", "type", "question type", "concepts", "concept", "topic", "topics", "domain", "category",
     "level", "tags", "source", "marks", "points", "time", "skill", "skills", "objective", "id",
     "subdomain", "sub-domain", "knowledge area", "fragennummer",
     "punkte", "themenbereich", "kategorie", "schwierigkeit", "dominio", "categoría", "domaine", "catégorie"}
)  # fmt: skip
_BANK_ONLY_FIELDS = frozenset(
    {"fragennummer", "punkte", "question type", "difficulty", "schwierigkeit", "knowledge area"}
)
"""Fields only a bank writes, filing on a line alone (``Fragennummer: 1.1.01-001``); ``Time: 5 s``,
``Domain: x > 0``, ``Level: 3`` alone may be the question's own."""
_NAMED_FILING = frozenset(
    {"domain", "subdomain", "sub-domain", "topic", "category", "concept", "skill", "objective",
     "themenbereich", "kategorie", "dominio", "categoría", "domaine", "catégorie"}
)  # fmt: skip
"""Fields that file a question under a name: alone on a line, filing when their value is words only
(``Domain: Implement and manage storage``), not a value the question may use (``Domain: x > 0``)."""
_WORDS_ONLY = regex(r"[^\W\d_][^\W\d_'&,-]*(?:[ \t]+[^\W\d_'&,-]+)+")
"""Two words or more, letters alone (``Cell biology``): no number, no symbol of a formula."""
_MAY_ASK = regex(r"(?:^|[.!:]\s+)(?:what|who|whom|whose|when|where|why|how)\b(?!\s+to\b)", re.I)
"""A sentence opening with another question word may ask or not ("What I revised this week"); "What
to review", "How to study" never ask: an infinitive after the word makes it a title."""

_PAIRED_QUESTION = regex(r"(?:\*\*|__)?Q\d*(?:\*\*|__)?\s*:")
"""A question asked on a ``Q:`` line (``Q: Which …?``, ``**Q1:** …``), which an ``A:`` line answers."""
_ANNOUNCES_STATEMENTS = regex(r"(?i)\b(?:consider|following|statements?|pairs|assertions?)\b[^:\n]*:$")
"""``Consider the following statements:``, ``… the following pairs:``: what a numbered list below states
for the question under it to ask about."""
_RADIO = regex(r"\((?P<blank> )?(?:x|X)?\)[ \t]+(?=\w)")
"""A form's radio button before a choice's words: ``( )``, ``(x)`` (not ``() =>``, ``(x) ↦``)."""
_SEPARATED_CARD = regex(r"[^\n]*\?\n\?{1,2}[ \t]*\n\S")
"""A paragraph opening as a flashcard of note-to-Anki tools: its question's line, a ``?`` line, its answer."""
_INLINE_CARD = regex(r"[^:`\n]+\?:::?[ \t]*[^:\s][^\n]*")
"""A one-line flashcard: ``What is KMS?::Key management``."""

_ASKS_OF_A_SOLUTION = regex(
    r"(?i)\b(?:does|will|would)\s+(?:this|the\s+(?:proposed\s+)?solution)\s+(?:meet|achieve|satisfy|fulfil)"
)
"""``Does this meet the goal?``, as questions of a series that share their case ask of the solution
each proposes."""
_SERIES_NOTE = regex(r"(?i)^\W*note\W*\s*this\s+question\s+is\s+(?:part|one)\s+of\s+a\s+series\b")
"""``Note: This question is part of a series of questions that present the same scenario. …``"""
_PROPOSED = regex(r"(?i)^(?:\*\*|__)?(?:proposed\s+)?solution\s*(?:\*\*|__)?\s*:")
"""``Solution: You …``, the solution such a question proposes: its words, not its answer."""
_REVEALS_ANSWER = regex(r"(?i)(?:show|reveal|see|view|check|click\s+for)\s+(?:the\s+)?(?:answer|solution)s?")
"""An answer callout's title that says what it folds away: ``Show answer``, ``Reveal the solution``."""

_CORRECT_HEADING = regex(r"(?i)correct\s+(?:answers?|options?|choices?)\s*:?")
_INCORRECT_HEADING = regex(r"(?i)(?:incorrect|wrong)\s+(?:answers?|options?|choices?)\s*:?")
_CASE_WORDS = 8
"""A heading this long, written as sentences, states a case rather than names a list."""
_REASON_WORDS = 3
"""A reason for an option is a sentence of three words or more (``Lambda runs code.``)."""
_SENTENCE_ENDS = regex(r"[.!](?:\s|$)")
_ENDS = ("heading", "hr")
"""What ends a question's answer and explanation: a heading or a thematic break (``---``)."""
_WHY = regex(
    r"(?i)(?:it|it's|its|this|that|these|those|they|because|since|hence|correct|incorrect|wrong|right)\b"
)
"""How a reason for the answer above opens, where the next question's case would not."""
_REFERENCE = regex(
    r"(?i)(?:references?|refs?\.?|docs|documentation|see(?:\s+also)?|(?:learn|read)\s+more|more\s+info(?:rmation)?"
    r"|further\s+reading)\s*:|(?:\[[^\]\n]*\]\([^)\s]*\)|<?https?://[^\s>]+>?)\s*$"
)
"""Where to read more about the answer above (``Reference: …``, ``Docs: …``, or a link alone): the
question's, never the next one's case."""
_NAMEABLE_CHARACTERS = (3, 40)
"""An option short enough to be named again in its explanation (``Nile``), not a sentence of its own."""
_SMALL_PRINT = regex(
    r"\s*<(sub|sup|small)\b[^>]*>(?P<words>(?:(?!</?\1\b).)*)</\1>\s*", re.DOTALL | re.IGNORECASE
)
_POINTS_ABOVE = regex(
    r"(?i)\b(?:figure|fig\.|graph|diagram|picture|image|chart|map|illustration|photo(?:graph)?|drawing|plot)"
    r"\s+(?:\w+\s+)?(?:shown\s+)?above\b"
)
"""Words that ask about a picture over the question (``In the diagram above``, ``the graph shown above``)."""
_SET_LABEL = regex(r"(?:\*\*|__)?(?P<id>[A-Z]{1,4}\d{1,3})[.):](?:\*\*|__)?[ \t]+(?P<rest>\S.*)", re.DOTALL)
"""A question's label in a set of its own (``**DS1.**``, ``AR2)``), its words after it."""
_PICTURES = regex(r"(?:!\[[^\]\n]*\]\([^)\n]*\)\s*)+")
_QUESTION_MARK = regex(r"[?\uff1f]\s*$")
"""Words over options that end asking: a question of their own, not directions for questions below."""
_ANNOUNCES_BELOW = regex(r"(?i)\bbelow\b|:\s*$")
"""A paragraph saying a picture follows (``The diagram below shows …``, ``… as shown:``): it is its."""
_HTML_PICTURE = regex(
    r"(?is)(?:<(?:p|div|figure|center)\b[^>]*>\s*)*<img\b[^>]*>(?:\s*</(?:p|div|figure|center)>)*"
)
_MEDIA = ("fence", "code_block", "table", "html_block")
"""Blocks a stem or an option may hold besides its text: code, a table, an image in HTML."""


@dataclass(slots=True)
class Draft:
    """A question as found, before its answer is checked against its options."""

    start: Node
    question: str
    """Its id inside its set (``3``, ``N3``), for matching an answer key."""
    stem: str
    options: list[DraftOption]
    options_node: Node
    section: tuple[str, ...]
    pinned: str
    answer: Answer | None = None
    answer_node: Node | None = None
    explanation: list[str] = field(default_factory=list)
    worded: Answer | None = None
    """An answer given in words (``Answer: Amazon S3``): matched against the options at the end."""
    worded_line: str = ""
    """``worded`` as written on its line: it explains the answer when letters below answer instead
    (``Solution: lsblk reads sysfs.`` then ``Answer: A``)."""
    loose_term: Node | None = None
    """The first term bullet the explanation took in that is about none of the options: a card meant to
    stand alone, maybe (``explained_terms``)."""
    unasked: bool = False
    """A checklist under words that may ask without a ``?`` (``What changed``): a question or a to-do
    list, so it is no question, with a warning."""
    claims: list[int] = field(default_factory=list)
    """The blocks it took (stem, options, answer, explanation): given back if it is no question."""
    paired: bool = False
    """Asked on a ``Q:`` line: an ``A:`` line after its options is its answer (``A: B``)."""
    scenario: str = ""
    """The scenario it shares with the questions around it, asked before its stem (``scenarios.py``)."""
    run_on: tuple[Node, int] | None = None
    """Where another question seems to start inside its answer's paragraph (the paragraph, and the
    line in it): questions pasted with no blank line between them read as this one's explanation."""


_VERDICT = regex(r"^\W*(?:(?:in)?correct\b|(?:wrong|right)\b\W*(?:[-:\u2013\u2014]|because))", re.I)
"""How a reason for an option opens: ``Incorrect``, ``Correct -``, ``✅ Correct:``, ``Wrong:``."""


@dataclass(frozen=True, slots=True)
class _Run:
    """Options found from ``nodes[start]`` to ``nodes[end - 1]``, maybe with code or images between."""

    start: int
    end: int
    options: list[DraftOption]
    head: str
    tail: tuple[str, ...]
    task: bool
    answers_above: tuple[str, ...] = ()
    """The lines over the stem in the options' paragraph that answer the question above (``Solution:``,
    ``A is correct. …``, then ``3. Which …?``, no blank line between): that question's, not the stem's."""


@dataclass(frozen=True, slots=True)
class _Stem:
    first: int
    anchor: Node
    question: str
    text: str
    nodes: tuple[Node, ...]
    small_print: tuple[str, ...] = ()
    """What ``<sub>``/``<small>`` lines above the words said (``Domain: Security``): the explanation ends
    with it, so neither the stem nor the id holds it."""


def find_questions(
    ctx: Context,
    nodes: Sequence[Node],
    sections: Sequence[tuple[str, ...]],
    default_id: str = "",
    answered: Answer | None = None,
) -> Iterator[Draft]:
    """Questions in a run of sibling blocks (a file's top level, a numbered list item, or a quote
    ``answered`` by the callout below it). An HTML block of questions is read as the paragraphs it
    shows (``_html_paragraphs``); a question that takes one of them takes the block."""
    shown: list[Node] = []
    shown_sections: list[tuple[str, ...]] = []
    paragraphs: dict[int, Node] = {}  # each paragraph an HTML block shows, by id: that block
    for index, read in enumerate(_html_read(nodes)):
        paragraphs |= {id(paragraph): nodes[index] for paragraph in read}
        shown += read or [nodes[index]]
        shown_sections += [sections[index]] * max(len(read), 1)
    for draft in _questions_of_blocks(ctx, shown, shown_sections, default_id, answered):
        blocks = {id(block): block for taken in draft.claims if (block := paragraphs.get(taken))}
        ctx.claim(*blocks.values())
        draft.claims += blocks
        yield draft


def _html_read(nodes: Sequence[Node]) -> list[list[Node]]:
    """The blocks each of ``nodes`` shows when it is an HTML block of questions (``_html_paragraphs``);
    none for any other."""
    return [
        _html_paragraphs(node, nodes[index + 1] if index + 1 < len(nodes) else None)
        if node.type == "html_block"
        else []
        for index, node in enumerate(nodes)
    ]


def _shown_blocks(nodes: Sequence[Node]) -> list[Node]:
    """``nodes`` with each HTML block of questions as the blocks it shows."""
    if all(node.type != "html_block" for node in nodes):
        return list(nodes)  # most runs (a list item's blocks) hold no HTML block: each shows itself
    return [shown for node, read in zip(nodes, _html_read(nodes), strict=True) for shown in read or [node]]


def _html_paragraphs(node: Node, following: Node | None) -> list[Node]:
    """The blocks an HTML block of questions shows, as Markdown would write them: a paragraph for each
    line of words (``<p>Which …?</p>``, a question's item, a ``<p>A. EC2</p>``), a list's lettered
    options together (``A. EC2``, ``B. S3``), a plain list or a form's buttons as bullets, and each
    ``<details>`` block in it as one of its own; none for a block with no options (lettered,
    ticked, or plain and answered after them), unless it only holds the words right above such a
    block."""
    groups = _shown_groups(node.content) if _MAY_HOLD_OPTIONS.search(node.content) else []
    if _holds_options(node, groups) or _plain_list_answered(groups, following):
        return [_shown_block(node, group) for group in groups]
    above = following is not None and following.type == "html_block" and _html_paragraphs(following, None)
    lines = list_lines(node.content) if above and "<li" not in node.content.lower() else []
    return [_shown_block(node, [line]) for line in lines]


_MAY_HOLD_OPTIONS = regex(r"<li\b|<input\b|>[ \t]*\(?[A-Ha-h][.)]", re.I)
"""A list's item, a form's button, or a tag's words opening with a letter (``<p>A. Phloem</p>``): most
HTML blocks, pictures and spacers, hold none, and are not read."""
_BUTTON = regex(r"\[[ x]\][ \t]")
"""A line a form's radio button or checkbox opens (``[x] Jupiter``, ``[ ] Oxygen``)."""


def _shown_groups(html: str) -> list[list[ShownLine]]:
    """The lines an HTML block shows, grouped as Markdown blocks would hold them: a list's items
    together, a form's buttons a line each together, any other line on its own."""
    groups: list[list[ShownLine]] = []
    for line in list_lines(html):
        listed = bool(groups) and line.listed >= 0 and groups[-1][-1].listed == line.listed
        pressed = bool(groups) and line.listed < 0 and _buttons([groups[-1][-1], line])
        if listed or pressed:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _holds_options(node: Node, groups: Sequence[Sequence[ShownLine]]) -> bool:
    """Whether an HTML block's lines hold a question's options: a list of them lettered, lettered lines
    one under another, or a form's buttons, one ticked at least (none ticked, a survey's)."""
    if any(len(group) >= 2 and opens_options(group[0].text) for group in groups):
        return True
    if any(_buttons(group) and any(line.text.startswith("[x]") for line in group) for group in groups):
        return True
    found = lettered_lines([line.text for group in groups for line in group], node)
    return found is not None and len(found.options) >= 2


def _buttons(lines: Sequence[ShownLine]) -> bool:
    """Lines a form's buttons open, two at least."""
    return len(lines) >= 2 and all(_BUTTON.match(line.text) for line in lines)


def _plain_list_answered(groups: Sequence[Sequence[ShownLine]], following: Node | None) -> bool:
    """Whether a plain list of two items or more is answered after it, in the block or right below
    it (``Answer: B``): maybe a question's options, lettered by their places."""
    for number, group in enumerate(groups):
        if group[0].listed < 0 or opens_options(group[0].text) or sum(line.item for line in group) < 2:
            continue
        after = [line.text for later in groups[number + 1 :] for line in later]
        if following is not None and following.type == "paragraph":
            after.append(following.children[0].content.partition("\n")[0])
        if after and answer_line(after[0]) is not None:
            return True
    return False


def _shown_block(block: Node, lines: Sequence[ShownLine]) -> Node:
    """The block of ``lines`` that ``block`` shows, starting on the line they are on: a paragraph, or
    a plain list's bullets (a form's buttons a line each are a checklist's)."""
    if lines[0].folded:  # `<details><summary>Answer</summary>B</details>`, for the rules that read one
        return _shown_node("html_block", block, lines, inline=False)
    buttons = _buttons(lines)
    if not buttons and (
        lines[0].listed < 0 or opens_options(lines[0].text) or sum(line.item for line in lines) < 2
    ):
        return _shown_node("paragraph", block, lines)
    bullets = _shown_node("bullet_list", block, lines, inline=False)
    items: list[list[ShownLine]] = []
    for line in lines:
        if line.item or buttons or not items:
            items.append([])
        items[-1].append(line)
    for item in items:
        bullet = _shown_node("list_item", block, item, inline=False)
        bullet.children = [_shown_node("paragraph", block, item)]
        bullets.children.append(bullet)
    bullets.markup = "-"
    return bullets


def _shown_node(kind: str, block: Node, lines: Sequence[ShownLine], *, inline: bool = True) -> Node:
    """A node of ``kind`` holding ``lines`` of ``block`` (a paragraph's ``inline`` words too)."""
    shown = Node(None, kind, block.line + lines[0].line, block.top)
    shown.content = "\n".join(line.text for line in lines)
    if inline:
        words = Node(None, "inline", shown.line, block.top)
        words.content = shown.content
        shown.children = [words]
    return shown


def _questions_of_blocks(
    ctx: Context,
    nodes: Sequence[Node],
    sections: Sequence[tuple[str, ...]],
    default_id: str,
    answered: Answer | None,
) -> Iterator[Draft]:
    """Questions in a run of sibling blocks (``find_questions``)."""
    runs: list[_Run] = []
    explained: list[int] = []
    answered_above: set[int] = set()  # options whose paragraph opens with the answer a list read
    index = 0
    while index < len(nodes):
        node = nodes[index]
        run = (
            None
            if ctx.is_claimed(node)
            else _option_run(ctx, nodes, index, answered or _keyed(ctx, default_id))
            or _sorted_answers(ctx, nodes, index)
            or _answer_and_wrong_options(ctx, nodes, index)
        )
        if ctx.is_claimed(node):
            index += 1
        elif _questions_list(ctx, node):
            drafts = list(_numbered_items(ctx, node, sections[index]))
            index += 1
            end = index
            while end < len(nodes) and not _opens_question(ctx, nodes, end):
                end += 1
            # An answer or explanation fallen out of the list to the left margin, under its last item:
            # what opens with one, or stands between this list of questions and the next when the
            # question has no answer line (its boxes ticked): else it is an interlude of the notes.
            between = end < len(nodes) and _questions_list(ctx, nodes[end])
            unanswered = bool(drafts) and drafts[-1].answer is None and drafts[-1].worded is None
            fallen = end > index and ((between and unanswered) or _answers_or_explains(ctx, nodes, index))
            if drafts and fallen:
                mark = len(ctx.claims)
                _read_tail(ctx, drafts[-1], nodes[index:end])
                drafts[-1].claims += ctx.claims[mark:]
            if (
                drafts
                and end < len(nodes)
                and _read_answer_above(drafts[-1], nodes, _option_run(ctx, nodes, end))
            ):
                answered_above.add(end)
            yield from drafts
        elif (
            node.type == "blockquote"
            and run is None
            and not (runs and _restates_options(node, runs[-1].options))
            and _quotes_options(
                ctx, children := _quoted_blocks(node), answered_below := _callout_answer(ctx, nodes, index)
            )
        ):
            # A question quoted whole (`> **Q1.** …` with its options and answer, or its answer's
            # callout below: `> 1. …` over `> [!success]- Answer` saying `2`).
            found = list(
                find_questions(ctx, children, [sections[index]] * len(children), default_id, answered_below)
            )
            if found:
                ctx.claim(node)
            if found:
                index = _answer_and_reasons_below(ctx, found[-1], nodes, index)
            yield from found
            index += 1
        elif run is not None and runs and _ticked_in_solution(nodes, runs[-1], run):
            index = run.end  # the checklist again, ticked, in `<details><summary>solution`: its answer
        elif run is not None and _explains_options(ctx, nodes, runs, run):
            explained.append(run.end)  # read as the explanation of the question above, no stem below's
            index = run.end
        elif run is not None:
            runs.append(run)
            index = run.end
        else:
            index += 1
    floors = [  # a stem starts below the options above it, and below reasons read as their explanation
        max([runs[number - 1].end if number else 0, *(end for end in explained if end <= run.start)])
        for number, run in enumerate(runs)
    ]
    floors = [
        _past_explanation(ctx, nodes, runs[number - 1], floor, run) if number else floor
        for number, (run, floor) in enumerate(zip(runs, floors, strict=True))
    ]
    stems = [_stem(ctx, nodes, run, floor, default_id) for run, floor in zip(runs, floors, strict=False)]
    figures = [
        _figure_above(ctx, nodes, stem, runs[number - 1].end if number else 0)
        for number, stem in enumerate(stems)
    ]
    ends = [
        *(stem.first - len(figure) for stem, figure in zip(stems[1:], figures[1:], strict=True)),
        len(nodes),
    ][: len(stems)]
    for number, (run, stem, end) in enumerate(zip(runs, stems, ends, strict=True)):
        unasked = run.task and not asks(stem.text) and stem.question == default_id
        unasked = unasked and not ctx.doc.quizzed(stem.anchor)  # `# Name the …` over quizdown's boxes
        unasked = unasked and not true_or_false([option.text for option in run.options])
        unasked = unasked and not _states_a_case(stem, run)
        if unasked and not _MAY_ASK.search(stem.text):
            continue  # a to-do checklist, not a question
        section = sections[stem.first]
        if stem.anchor.type == "heading":
            section = section[:-1]
        options, reasons = reasons_after_marks(run.options)
        options = marked(options, (answers_asked(stem.text) or (1, ""))[0])
        first = nodes[run.start]
        directing = stem.question == default_id and not _QUESTION_MARK.search(stem.text)  # not a question
        sharing = _sharing_options(ctx, nodes[run.end : end], options) if directing else []
        if sharing:  # the directions' options, then questions that have none of their own
            ctx.claim(*nodes[run.start : run.end], *stem.nodes, stem.anchor)
            for asked in sharing:
                yield _asked_with_options(ctx, asked, stem.text, options, section)
            continue
        text = _POINTS.sub("", stem.text)  # `… without managing servers? (1 Point)`: the form's scoring
        draft = Draft(stem.anchor, stem.question, text, options, first, section, pinned_id(stem.anchor))
        draft.unasked = unasked
        draft.scenario = "\n\n".join(ctx.doc.source(figure).strip() for figure in figures[number])
        draft.paired = _PAIRED_QUESTION.match(ctx.doc.written(stem.anchor)) is not None
        mark = len(ctx.claims)
        ctx.claim(*nodes[run.start : run.end], *stem.nodes, stem.anchor, *figures[number])
        if run.tail:
            _read_lines(ctx, draft, list(run.tail), nodes[run.end - 1])
        _read_tail(ctx, draft, nodes[run.end : end])
        following = runs[number + 1] if number + 1 < len(runs) else None
        if following is not None and following.start not in answered_above:
            _read_answer_above(draft, nodes, following)
        if all(option.answered_only for option in options) and not _names_options(draft):
            ctx.give_back(ctx.claims[mark:])  # `○` lines or `[A]` references with no answer: notes
            continue
        draft.explanation += [*stem.small_print, *([reasons] if reasons else [])]
        draft.claims = ctx.claims[mark:]
        yield draft


def _sharing_options(ctx: Context, nodes: Sequence[Node], options: Sequence[DraftOption]) -> list[list[Node]]:
    """The questions right under options given once in directions (``(A) Statement (1) ALONE is
    sufficient.`` …), each a numbered paragraph (``**DS1.** Is x even?``), maybe more under it, down to
    an answer line naming one of those options (``**Answer: C**``), then what explains it: two or more,
    or none (one alone is the directions' question, answered and explained)."""
    labels = {option.label for option in options}
    asked: list[list[Node]] = []
    answered = True  # a question starts where none is asked yet, or under the last one's answer
    for node in nodes:
        if node.type != "paragraph" or ctx.is_claimed(node):
            break
        words = node.children[0].content
        number, rest = _set_numbered(words)
        said = answer_line(words)
        if answered and number and rest.strip() and not said:
            asked.append([node])
            answered = False
        elif not asked:
            return []
        else:
            asked[-1].append(node)
            answered = answered or said is not None
    answers_at = [_answer_at(question, labels) for question in asked]
    return asked if len(asked) > 1 and all(at is not None and at > 0 for at in answers_at) else []


def _set_numbered(text: str) -> tuple[str, str]:
    """``_numbered``, or a set's own label and the words after it (``**DS1.** Is x even?``)."""
    number, rest = _numbered(text)
    if number:
        return number, rest
    labelled = _SET_LABEL.match(text)
    return (labelled["id"], labelled["rest"]) if labelled else ("", text)


def _answer_at(question: Sequence[Node], labels: set[str]) -> int | None:
    """Where in a question's blocks its answer line is, when it names options of ``labels`` alone."""
    for at, node in enumerate(question):
        said = answer_line(node.children[0].content)
        if said is not None:
            return at if said.letters and set(said.letters) <= labels else None
    return None


def _asked_with_options(
    ctx: Context,
    asked: Sequence[Node],
    directions: str,
    options: Sequence[DraftOption],
    section: tuple[str, ...],
) -> Draft:
    """A question of ``_sharing_options``: its words (and what is under them) over the shared options,
    with the directions asked before it; its answer line and what follows, its answer and explanation."""
    at = _answer_at(asked, {option.label for option in options}) or len(asked)
    number, rest = _set_numbered(asked[0].children[0].content)
    stem = "\n\n".join([rest.strip(), *(ctx.doc.source(node).strip() for node in asked[1:at])])
    draft = Draft(asked[0], question_id(number), stem, list(options), asked[0], section, pinned_id(asked[0]))
    draft.scenario = directions
    mark = len(ctx.claims)
    ctx.claim(*asked[:at])
    _read_tail(ctx, draft, asked[at:])
    draft.claims = ctx.claims[mark:]
    return draft


def _figure_above(ctx: Context, nodes: Sequence[Node], stem: _Stem, floor: int) -> list[Node]:
    """The pictures right over a stem that asks about "the figure above" (``In the graph above, …``),
    down to ``floor``: the question's, asked before its words, not the explanation of the one above."""
    if not _POINTS_ABOVE.search(stem.text):
        return []
    index = stem.first
    while index > floor and _picture_alone(nodes[index - 1]) and not ctx.is_claimed(nodes[index - 1]):
        index -= 1
    above = nodes[index - 1] if index > floor else None
    if above is not None and above.type == "paragraph" and _ANNOUNCES_BELOW.search(above.children[0].content):
        return []  # `The diagram below shows the answer:` over it: the explanation above shows it
    return list(nodes[index : stem.first])


def _picture_alone(node: Node) -> bool:
    """A paragraph of pictures alone (``![Cell](cell.png)``), or a picture in HTML."""
    if node.type == "html_block":
        return _HTML_PICTURE.fullmatch(node.content.strip()) is not None
    return node.type == "paragraph" and _PICTURES.fullmatch(node.children[0].content.strip()) is not None


def _past_explanation(ctx: Context, nodes: Sequence[Node], above: _Run, floor: int, run: _Run) -> int:
    """Where the stem of the question ``run`` may start, below the question ``above``: past its answer
    line (``Answer: B``) and the paragraphs right under it that say why (opening ``It``, ``This``,
    ``Because`` …, or naming the option answered), when words that ask stand between them and the next
    options (or open their paragraph). A paragraph that does neither sets the next question's case, as
    do any without an answer line above them."""
    options_at = run.start
    first = nodes[floor] if floor < options_at else None
    said = (
        answer_line(first.children[0].content.split("\n")[0])
        if first is not None and first.type == "paragraph"
        else None
    )
    start = floor + 1 if said is not None else floor
    said = said or next(filter(None, map(answer_line, above.tail)), None)
    if said is None or not said.letters:
        return floor
    picked = [plain(option.text) for option in above.options if option.label in said.letters]
    index, last = start, options_at if run.head else options_at - 1  # words that ask, at least, above
    while (
        index < last
        and nodes[index].type == "paragraph"
        and not ctx.is_claimed(nodes[index])
        and _says_why(plain(nodes[index].children[0].content), picked)
    ):
        index += 1
    below = nodes[index:options_at]
    asked = asks(run.head) or any(node.type == "paragraph" and asks(paragraph_words(node)) for node in below)
    return index if index > start and asked else floor


def _says_why(words: str, picked: Sequence[str]) -> bool:
    """Whether a paragraph explains an answer: it opens as a reason does, or names the option picked,
    or it gives where to read more (``Reference: …``, a link alone)."""
    if _WHY.match(words) or _REFERENCE.match(words):
        return True
    return any(
        _NAMEABLE_CHARACTERS[0] <= len(text) <= _NAMEABLE_CHARACTERS[1]
        and re.search(rf"(?<!\w){re.escape(text)}(?!\w)", words, re.IGNORECASE) is not None
        for text in picked
    )


def _explains_options(ctx: Context, nodes: Sequence[Node], runs: Sequence[_Run], run: _Run) -> bool:
    """Lettered lines right after a question's answer (or its ``Explanation:`` line), lettered as its
    options from ``A`` on (``A: Lambda runs code.``, ``B: …``): why each option is right or wrong. Not
    when words are asked between the two, nor when an answer follows them: another question's options."""
    if not runs or run.head:
        return False
    last = runs[-1]
    letters = [option.label for option in run.options]
    if letters != [option.label for option in last.options][: len(letters)]:
        return False
    between = nodes[last.end : run.start]
    if any(node.type != "paragraph" or ctx.is_claimed(node) for node in between):
        return False
    texts = [node.children[0].content for node in between]
    if not all(answer_line(text) is not None or explanation_start(text) is not None for text in texts):
        return False
    lines = [line for text in texts for line in text.split("\n")]
    if any(asks(line) or _numbered(line.strip())[0] for line in lines):
        return False  # `Q2. Which …?` glued under the answer: the next question's words
    if any(len(option.text.split()) < _REASON_WORDS for option in run.options):
        return False  # `A) Toronto`: names, as options are; a reason says why
    after = nodes[run.end] if run.end < len(nodes) else None
    below = after.children[0].content.split("\n") if after is not None and after.type == "paragraph" else []
    return _lettered_answer([*last.tail, *lines]) and not _lettered_answer([*run.tail, *below])


def _lettered_answer(lines: Sequence[str]) -> bool:
    """Whether one of ``lines`` gives an answer's letters (``Answer: B``)."""
    return any(answer.letters for answer in _said_answers(lines))


def _said_answers(lines: Sequence[str]) -> list[Answer]:
    """The answers ``lines`` give: a line's own, or that of a line under a label alone (``Solution:``
    over ``B is correct. …``)."""
    said = (
        answer_line(line)
        or (number and (labelled := _under_label(lines[number - 1], line)) and answer_line(labelled))
        for number, line in enumerate(lines)
    )
    return [answer for answer in said if answer]


def _under_label(above: str, line: str) -> str | None:
    """``line`` after the label alone on the line ``above`` it (``**Answer:**`` over ``B``, read as
    ``**Answer:** B``); ``None`` when ``above`` is no such label."""
    return f"{above} {line}" if bare_label(above) else None


def _names_options(draft: Draft) -> bool:
    """Whether the answer read below a question names some of its options, by letter or by words."""
    if draft.answer is not None:
        return bool(draft.answer.letters)
    return draft.worded is not None and bool(named_option(draft.options, draft.worded.text))


def _states_a_case(stem: _Stem, run: _Run) -> bool:
    """A heading of sentences over a checklist with one box ticked (``### You run a web app. You want
    the least effort.``): an exam bank's question whose asking words were left out. A to-do list has
    a title, or one sentence, or ticks as many boxes as are done."""
    text = stem.text.rstrip()
    sentences = (
        text.endswith(".") and len(text.split()) >= _CASE_WORDS and len(_SENTENCE_ENDS.findall(text)) >= 2
    )
    return stem.anchor.type == "heading" and sentences and sum(bool(o.checked) for o in run.options) == 1


_EXHIBITS = 4
"""At most this many pictures, code blocks or tables between a question's words and its bullets: looked
for further back from every block, a file of thousands of HTML blocks took time in their square."""


def _option_run(ctx: Context, nodes: Sequence[Node], start: int, keyed: Answer | None = None) -> _Run | None:
    """Options from ``nodes[start]`` on: one block of them, or several blocks lettered in turn, with
    code, images or blank lines between them (an option's text may be the block after its letter).
    ``keyed``: what a key says of the numbered question ``nodes`` are the blocks of, which answers
    plain bullets closing it as an answer line below them would."""
    found = read_options(ctx.doc, nodes[start])
    sided = sided_lines(nodes[start]) if found is None and start > 0 else None
    if sided is not None and _asked_above(ctx, nodes, start, asking=True):
        found = sided  # `Correct: UDP`, `Incorrect: TCP` under `Which …?`
    if found is None and start > 0 and may_be_unlettered(nodes[start]):
        below = nodes[start + 1] if start + 1 < len(nodes) else None
        after = nodes[start + 2] if start + 2 < len(nodes) else None
        answer = (_answer_below(below, after) if below is not None else keyed) or glued_answer(nodes[start])
        above = start - 1  # the words that ask, maybe over an `### Options` heading
        while above > 0 and answer is not None and _labels_options(nodes[above]):
            above -= 1
        if answer is None or not counts_the_list(nodes[above], answer, nodes[start]):
            floor = max(above - _EXHIBITS, 0)
            while above > floor and _pictured(nodes[above]) and not ctx.is_claimed(nodes[above]):
                above -= 1  # `Refer to the exhibit. Which …?` over its picture, then the bullets
            heading = nodes[above] if nodes[above].type == "heading" else None
            marked = heading is not None and asks(heading_text(heading)) and marks_some(nodes[start])
            asked = _asks(nodes[above], answered=answer is not None or marked)
            words = _asked_words(nodes[above])  # `(Choose two.)` over two in bold
            found = unlettered_options(ctx.doc, nodes[start], answer, asked=asked, words=words)
    if found is None or (len(found.options) == 1 and found.options[0].label != "A"):
        return None
    if start and "\n" not in found.head and bare_label(found.head.strip()):
        return None  # `**Answer:**` over `a) Basalt`, `b) Granite`: the options above restated, answering
    piped = paragraph_words(nodes[start]).startswith("|")  # a table with no `| --- |` line: a paragraph
    if (piped or nodes[start].type in ("table", "fence", "code_block")) and not _asked_above(
        ctx, nodes, start
    ):
        return None
    if lettered_grid(nodes[start]) and not _asked_above(ctx, nodes, start, asking=True):
        return None  # `Why each option:` over a grid of reasons: the explanation's
    if start and nodes[start - 1].type == "heading" and _explains_below(nodes[start - 1]):
        return None  # `### Explanation` then `**A) …** ✅ why`: each option's reason, not options
    options, tail, end = list(found.options), found.tail, start + 1
    between: list[Node] = []
    pictured = 0
    while not tail and end < len(nodes) and not ctx.is_claimed(nodes[end]):
        node = nodes[end]
        more = read_options(ctx.doc, node, going_on=True)
        if more is not None and found.task and more.task and between and not options[-1].text:
            more = _boxes_going_on(options, more)  # `- [ ] &shy;`, its code, then the next box's list
        if more is not None and not more.head and more.task == found.task and _follows(options, more):
            options[-1] = _with_blocks(ctx, options[-1], between)
            pictured += 1 if between else 0
            options += more.options
            tail, between, end = more.tail, [], end + 1
        elif not options[-1].text and not between and node.type == "paragraph" and not _is_label(node):
            options[-1] = replace(options[-1], text=ctx.doc.source(node))
            end += 1
        elif (
            node.type in (*_MEDIA, "paragraph")
            and _attachable(node)
            and not (found.task and options[-1].text)
        ):
            # a box's option with no words is the code below it (`- [x] &shy;` over a fence)
            between.append(node)
            end += 1
        else:
            break
    if between and not tail and (options[-1].text.endswith(":") or pictured == len(options) - 1 > 0):
        # `D) This policy:` and its code; or every option above had its picture below it, so this one too
        options[-1] = _with_blocks(ctx, options[-1], between[:1])
        between = between[1:]
    end -= len(between)
    if len(options) < 2 or not all(option.text for option in options) or _reasons(options):
        return None
    answering, head = _answer_over_stem(found.head) if start else ((), found.head)
    return _Run(start, end, options, head, tail, found.task, answering)


def _answer_over_stem(head: str) -> tuple[tuple[str, ...], str]:
    """The lines of a head that answer the question above before a numbered stem (``Solution:``, ``A is
    correct. …``, ``3. Which …?``), and the head from that stem on; none, and the head, if they give no
    letters: Markdown runs a question numbered on from the one above into the paragraph over it."""
    lines = head.split("\n")
    at = next((number for number, line in enumerate(lines) if number and _numbered(line.strip())[0]), 0)
    if not at or not _lettered_answer(lines[:at]):
        return (), head
    return tuple(lines[:at]), "\n".join(lines[at:])


def _read_answer_above(draft: Draft, nodes: Sequence[Node], run: _Run | None) -> bool:
    """The lines opening the paragraph of the next question (``run``) that answer ``draft``: its answer
    and explanation, the paragraph left to that question. Whether there were any."""
    if run is None or not run.answers_above:
        return False
    _read_said(draft, list(run.answers_above), nodes[run.start])
    return True


def _reasons(options: Sequence[DraftOption]) -> bool:
    """Lettered lines that give the reason for each option of the question above, not options: each
    opens with a verdict (``A. Incorrect because …``, ``B. Correct - …``), or their letters skip one
    (``**B. DataSync** - …``, ``C. …`` under the answer A), as options' letters never do."""
    if all(_VERDICT.match(plain(option.text)) for option in options):
        return True
    letters = [option.label for option in options]
    return letters == sorted(set(letters)) and not "ABCDEFGH".startswith("".join(letters))


def _sorted_answers(ctx: Context, nodes: Sequence[Node], start: int) -> _Run | None:
    """``### Correct answers`` over a list, then ``### Incorrect answers`` over another: the options of
    the question above (``sided_options``)."""
    found = nodes[start : start + 4]
    if len(found) < 4 or found[0].type != "heading":  # the cheap test first: most blocks are no heading
        return None
    if any(ctx.is_claimed(node) for node in found):
        return None
    right, right_list, wrong, wrong_list = found
    if right.type != "heading" or wrong.type != "heading" or right.tag != wrong.tag:
        return None
    named = _CORRECT_HEADING.fullmatch(heading_text(right)) and _INCORRECT_HEADING.fullmatch(
        heading_text(wrong)
    )
    if not named or right_list.type != "bullet_list" or wrong_list.type != "bullet_list":
        return None
    options = sided_options(ctx.doc, right_list, wrong_list)
    return _Run(start, start + 4, options, "", (), False) if options else None


def _answer_and_wrong_options(ctx: Context, nodes: Sequence[Node], start: int) -> _Run | None:
    """``**Correct Answer:** Amazon S3`` under a question and, before the next heading or ``---``, a
    list of the wrong options under a label of its own (``**Wrong options:**``, maybe itself a list
    item): the options of the question above (``answered_options``). The blocks after the answer,
    the list with each wrong option's reason included, are the explanation."""
    node = nodes[start]
    if node.type != "paragraph" or not start:
        return None
    first, *rest = node.children[0].content.split("\n")
    answer = answer_line(first)
    if answer is None or answer.letters:
        return None
    for index in range(start + 1, len(nodes)):
        if nodes[index].type in _ENDS or ctx.is_claimed(nodes[index]):
            return None
        wrong = _wrong_options(nodes, index)
        if wrong is not None:
            options = answered_options(answer.text, node, wrong)
            return _Run(start, start + 1, options, "", tuple(rest), False) if options else None
    return None


def _wrong_options(nodes: Sequence[Node], index: int) -> Node | None:
    """The list of wrong options labelled at ``nodes[index]``: a label paragraph over a list, or a
    list whose one item is the label over a list."""
    node = nodes[index]
    if node.type == "paragraph" and index + 1 < len(nodes) and nodes[index + 1].type == "bullet_list":
        label, below = node, nodes[index + 1]
    elif node.type == "bullet_list" and len(node.children) == 1 and len(node.children[0].children) == 2:
        label, below = node.children[0].children
    else:
        return None
    named = label.type == "paragraph" and _INCORRECT_HEADING.fullmatch(plain(label.children[0].content))
    return below if named and below.type == "bullet_list" else None


def _answers_or_explains(ctx: Context, nodes: Sequence[Node], index: int) -> bool:
    """A paragraph holding an answer line or opening an explanation, or a collapsed answer (its
    ``<summary>`` and what it hides maybe blocks apart, as GitHub needs for Markdown inside it)."""
    node = nodes[index]
    if node.type == "paragraph":
        text = node.children[0].content
        return explanation_start(text) is not None or bool(_said_answers(text.split("\n")))
    return node.type == "html_block" and answer_in_details(_details_html(ctx, nodes, index)[0]) is not None


def _bold_question_answered(node: Node, following: Node | None) -> bool:
    """A question wholly in bold on its own line over an answer line: the next card, where a bold
    question over a paragraph of reasons (``**Why not C?**``) goes on with the explanation."""
    if node.type != "paragraph" or "\n" in node.children[0].content or asked_in_bold(node) is None:
        return False
    return (
        following is not None
        and following.type == "paragraph"
        and _ends_with_answer(following.children[0].content)
    )


def _asks_over_folded_answer(node: Node, following: Node | None) -> bool:
    """A one-line question right over an answer folded away for it (``> [!success]- Answer``,
    ``<details><summary>Answer</summary>``, a toggle): the next card, no part of the explanation above."""
    if node.type != "paragraph" or following is None:
        return False
    text = node.children[0].content.strip()
    if "\n" in text or not text.endswith("?"):
        return False
    if following.type == "html_block" and (summary := SUMMARY_TAG.search(following.content)) is not None:
        title = summary["text"]
    elif following.type == "blockquote" and (called := callout(following)) is not None:
        title = called.label  # `> [!solution]-` untitled: an answer too
    else:
        return False
    title = plain(title).rstrip(":").strip()
    return _REVEALS_ANSWER.fullmatch(title) is not None or bare_label(f"{title}:")


def _ends_with_answer(text: str) -> bool:
    """A paragraph whose last line answers a question (``Ans - Amazon S3``, ``Correct answer: B``): a
    scenario's ``Solution: …`` or ``Key: …`` line is part of it."""
    last = text.split("\n")[-1]
    return _ANSWER_LABEL.match(last) is not None and answer_line(last) is not None


def counts_the_list(node: Node, answer: Answer, listed: Node) -> bool:
    """``How many steps …?`` over the steps and ``Answer: 3``: a count of the list, not its third item.
    Over a list of numbers (``- 2``, ``- 4``), the answer is one of them."""
    counted = answer.text.strip().isdigit() and _HOW_MANY.search(block_words(node)) is not None
    return counted and not all(_NUMBER.fullmatch(item_words(item).strip()) for item in listed.children)


def block_words(node: Node) -> str:
    """A heading's or a paragraph's words; none for any other block."""
    return heading_text(node) if node.type == "heading" else paragraph_words(node)


def _asks(node: Node, *, answered: bool = False) -> bool:
    """A paragraph that asks, or, ``answered`` by a line below the bullets or by marks on some of them,
    a heading that asks (``### Q5. Which service is serverless?``): else bullets under a heading that
    asks are its notes (``## Why Docker?`` over ``- ✔️ Same environment everywhere``)."""
    words = _asked_words(node)
    numbered = _LEFT_OPEN.match(plain(words)) is not None  # `Q3. The plan aimed to avoid:`
    return bool(words) and (answered or node.type != "heading") and (asks(words) or numbered)


_LEFT_OPEN = regex(
    r"(?i)(?:q|question)\s*\d{1,3}\s*[.)]\s+(?:\S+\s+){2,}?(?:\S+\s+)?"
    r"(?:to\s+\w+|of|for|by|with|from|into|than|because|is|are|was|were|be|been)\s*:\s*$"
)
"""A stem numbered as a question (``Q3.``, ``Question 4)``) and left open after a verb or a word that
wants one more (``aimed to avoid:``, ``was caused by:``), which its options complete: it asks, where
a quarter's plan (``Q3 goals:``) or a title (``Q1. Shipped:``) names a list."""


def _asked_words(node: Node) -> str:
    """The words over a question's options: a heading's, a paragraph's, or those of a numbered list's
    last item (``1. Which …?`` over bullets not indented under it); none for another block."""
    if node.type == "heading":
        return heading_text(node)
    if node.type == "ordered_list" and node.children:
        last = node.children[-1].children
        return last[0].children[0].content if len(last) == 1 and last[0].type == "paragraph" else ""
    return node.children[0].content if node.type == "paragraph" else ""


def _answer_below(node: Node, after: Node | None) -> Answer | None:
    """The answer an answer line (also quoted: ``> **Answer:** …``) or a collapsed answer gives, or a
    label alone (``**Correct**``) over the paragraph ``after`` it (none for any other block)."""
    if node.type == "html_block" and "<details" in node.content.lower():
        html = node.content
        if "</details" not in html.lower() and after is not None and after.type == "paragraph":
            html += f"\n{after.children[0].content}"  # its body after a blank line
        return answer_in_details(html) or worded_in_details(html)
    called = callout(node) if node.type == "blockquote" else None
    first = called.blocks[0] if called is not None and called.blocks else None
    lines = called.lines if called is not None else ""
    if not lines and first is not None and first.type == "paragraph":
        lines = first.children[0].content  # `> > ## Solution`, a blank line, then `2 is correct`
    said = lines.partition("\n")[0]  # `2 is …` under `> [!solution]- Solution`, or `**Answer:** 2`
    if called is not None and said and (called.label or answer_line(said)):
        return answer_line(said) or answer_line(f"{called.label.rstrip(':')}: {said}")
    if (
        called is not None
        and called.label
        and first is not None
        and first.type in LISTS
        and (named := _one_liners(first))
    ):
        return answer_line(f"{called.label.rstrip(':')}: {'; '.join(named)}")  # over `- The Danube`
    if node.type == "blockquote" and node.children:
        return _answer_below(node.children[0], node.children[1] if len(node.children) > 1 else None)
    label = _label_alone(node)
    if _answer_heading(node):
        label = heading_text(node).rstrip(":")  # `### Correct Answer` (not `### Solution` or `### Key`)
    below = _answer_words(after)
    if label is not None and below is not None:
        words = below.children[0].content.partition("\n")[0]
        return answer_line(f"{label}: {words}")
    named = (
        _one_liners(after) if label is not None and after is not None and after.type == "bullet_list" else []
    )
    if named:
        return answer_line(f"{label}: {'; '.join(named)}")  # the correct options' words
    hidden = hidden_words(paragraph_words(node))
    if hidden is not None:  # `||Ganymede||` under the options: the answer, hidden
        return answer_line(f"Answer: {hidden}")
    return answer_line(node.children[0].content) if node.type == "paragraph" else None


def _marked_letters(lines: Sequence[str]) -> list[str]:
    """The letters marked right in a list of the options' letters (``A``, ``B - Correct``, ``C``), as a
    test's suggested answers list them; none if the lines are not such a list or none is marked."""
    found = [_MARKED_LETTER.fullmatch(line.strip()) for line in lines]
    if not lines or not all(found):
        return []
    return [match["letter"] for match in found if match is not None and match["mark"]]


_MARKED_LETTER = regex(
    r"(?P<letter>[A-H])[.)]?(?:\s*[-\u2013\u2014:]?\s*(?:(?P<mark>(?i:correct|right)|\u2705|\u2714\ufe0f?)"
    r"|(?i:incorrect|wrong)|\u274c))?"
)


def _answer_heading(node: Node) -> bool:
    """A heading over a question's answer (``### Correct Answer``, ``### Correct Answers``)."""
    return (
        node.type == "heading"
        and _ANSWER_HEADING.fullmatch(plain(heading_text(node)).rstrip(":").strip()) is not None
    )


def _answer_words(node: Node | None) -> Node | None:
    """The paragraph under an answer's label: the next block, or the one item of a numbered list (the
    option's number and words, ``2. Amazon S3``)."""
    if node is not None and node.type == "ordered_list" and len(node.children) == 1:
        node = node.children[0].children[0] if node.children[0].children else None
    return node if node is not None and node.type == "paragraph" else None


_PLAIN_LABELS = frozenset({"correct answer", "correct answers", "right answer", "correct option"})
"""Labels that need neither bold nor a colon to be one, alone on their line."""


def _label_alone(node: Node) -> str | None:
    """An answer's label on a paragraph of its own, with nothing after it: in bold (``**Correct**``,
    ``**Correct Answer**``) or plain with its colon (``Answer:``); the answer is the paragraph below."""
    text = node.children[0].content.strip() if node.type == "paragraph" else ""
    if text.casefold() in _PLAIN_LABELS:  # `Correct answer` alone, as a form's results page prints it
        return text
    if not text.startswith(("**", "__")):
        return text[:-1] if text.endswith(":") and bare_label(text) else None
    found = _BOLD_LABEL.fullmatch(text)
    return found["label"] if found and bare_label(f"{found['label']}:") else None


def _asked_above(ctx: Context, nodes: Sequence[Node], start: int, *, asking: bool = False) -> bool:
    """Options in a table or a code block have their question right above them (maybe under an
    ``### Options`` heading); a table of letters under an answer says why each option is wrong. With
    ``asking``, the words right above must ask."""
    index = start - 1
    while index >= 0 and _labels_options(nodes[index]):
        index -= 1
    if index < 0:
        return False
    above = nodes[index]
    if above.type == "heading":
        title = heading_text(above)
        return _may_head(ctx, above, asked_below=False) and (
            _HEADED.match(title) is not None or _heading_asks(ctx, above)
        )
    piece = _stem_piece(ctx, above) if above.type in ("paragraph", "ordered_list") else None
    return piece is not None and (not asking or asks(piece[1]))


def _explains_below(heading: Node) -> bool:
    """``### Explanation`` (``### Why?``): what follows explains the question above it. A heading
    that only opens with the word (``## Detailed explanation of storage``) titles a section."""
    title = heading_text(heading).rstrip(":?").strip()
    return explanation_start(f"{title}: it") == "it" and title.casefold() != "feedback"  # the reader's


def _labels_options(node: Node) -> bool:
    """``### Options`` (``Choices``, ``Answer options``), or a line ``**Answer Choices:**`` of its own,
    right above a question's options."""
    if node.type == "paragraph":
        return labels_options(node.children[0].content)
    return node.type == "heading" and labels_options(heading_text(node))


def _follows(options: list[DraftOption], more: Options) -> bool:
    first = more.options[0]
    last = options[-1]
    return first.label == next_label(last.label) and (first.lower, first.loose) == (last.lower, last.loose)


def _boxes_going_on(options: list[DraftOption], more: Options) -> Options:
    """Boxes of a list of their own going on from those above, lettered on from theirs."""
    label, relettered = options[-1].label, []
    for option in more.options:
        label = next_label(label)
        relettered.append(replace(option, label=label))
    return replace(more, options=relettered)


def _attachable(node: Node) -> bool:
    """Code, a table or an image between two options belongs to the option above it."""
    if node.type == "paragraph":
        return only_pictures(node)
    if node.type == "html_block":
        return "<details" not in node.content.lower()
    return True


def _with_blocks(ctx: Context, option: DraftOption, blocks: list[Node]) -> DraftOption:
    if not blocks:
        return option
    text = "\n\n".join([option.text, *(ctx.doc.source(block) for block in blocks)]).strip()
    return replace(option, text=text)


def _questions_list(ctx: Context, node: Node) -> bool:
    return node.type in ("ordered_list", "bullet_list") and _holds_questions(ctx, node)


def _opens_question(ctx: Context, nodes: Sequence[Node], index: int) -> bool:
    """Whether ``nodes[index]`` ends what went before: a heading, ``---``, a list of questions, a quoted
    question, options, or the words right above options."""
    node = nodes[index]
    if node.type in _ENDS or _questions_list(ctx, node) or _option_run(ctx, nodes, index) is not None:
        return True
    if node.type == "blockquote" and _quotes_options(
        ctx, _quoted_blocks(node), _callout_answer(ctx, nodes, index)
    ):
        return True
    return index + 1 < len(nodes) and _option_run(ctx, nodes, index + 1) is not None


def _keyed(ctx: Context, number: str) -> Answer | None:
    """What a key in words says of the question numbered ``number`` (``Context.worded_key``)."""
    return ctx.worded_key.get(unpadded(number)) if ctx.worded_key and number else None


def _holds_questions(ctx: Context, node: Node) -> bool:
    """A numbered list whose items hold options below their first block: a list of questions."""
    numbers = item_numbers(node) if node.type == "ordered_list" else [""] * len(node.children)
    return any(
        _option_run(ctx, children, index, _keyed(ctx, number)) is not None
        for item, number in zip(node.children, numbers, strict=True)
        for children in [_shown_blocks(item.children)]
        for index in range(1, len(children))
    ) or any(_in_first_paragraph(ctx, item) for item in node.children)


def _in_first_paragraph(ctx: Context, item: Node) -> bool:
    """``1. Which …?`` with its ``A)`` lines in the same paragraph (no blank line, no indent)."""
    if not item.children or item.children[0].type != "paragraph":
        return False
    found = read_options(ctx.doc, item.children[0])
    return found is not None and bool(found.head) and len(found.options) >= 2


def _answer_callout(ctx: Context, quote: Node) -> bool:
    """A callout that may answer the question quoted above it: not one asking a question of its own
    (``> [!question] Which …?``, or any title over options of its own; the one option an answer
    restates, ``**A. AWS KMS** — why``, is no question's)."""
    called = callout(quote)
    if called is None or asks(called.title):
        return False
    return not any(
        len(found.options) > 1 for child in quote.children if (found := read_options(ctx.doc, child))
    )


def _answer_and_reasons_below(ctx: Context, draft: Draft, nodes: Sequence[Node], index: int) -> int:
    """Reads into the question quoted at ``nodes[index]`` its answer's callout right below, when the
    quote does not answer it (``> [!success]- Answer`` then ``> **A** — why``), and the callouts that
    say why right below the answer, wherever it is (``> [!note]``); the index of the last one read."""
    mark = len(ctx.claims)
    answered = draft.answer is not None
    answer = nodes[index + 1] if index + 1 < len(nodes) else None
    if not answered and answer is not None and not ctx.is_claimed(answer) and _answer_callout(ctx, answer):
        _read_quote(ctx, draft, answer)
        answered = True
        index += 1
    while answered and index + 1 < len(nodes) and _explains_above(ctx, nodes, index + 1):
        _read_quote(ctx, draft, nodes[index + 1])  # `> [!note]` under the answer: why
        index += 1
    draft.claims += ctx.claims[mark:]
    return index


def _explains_above(ctx: Context, nodes: Sequence[Node], index: int) -> bool:
    """A callout right under a quoted question's answer (its own callout's, or in the quote), untitled or
    titled as saying why (``> [!note]``, ``> [!info] Why``), that holds no options (nor ones the answer's
    callout under it names, the next question's): part of the explanation. One titled with a subject
    (``> [!note] Brewing tea``) is a note of its own."""
    called = callout(nodes[index])
    return (
        called is not None
        and not ctx.is_claimed(nodes[index])
        and (not called.title or explanation_start(f"{called.title.rstrip(':')}:") is not None)
        and _answer_callout(ctx, nodes[index])
        and not _quotes_options(ctx, _quoted_blocks(nodes[index]), _callout_answer(ctx, nodes, index))
    )


def _restates_options(quote: Node, options: Sequence[DraftOption]) -> bool:
    """An answer's callout whose lines restate some of ``options`` as written (``>> [!success]- Answer``
    over ``>> a) Basalt`` and ``>> b) Granite``): it answers them, holding no options of its own."""
    called = callout(quote)
    if called is None or not (
        bare_label(f"{called.title.rstrip(':')}:") or _REVEALS_ANSWER.fullmatch(called.title)
    ):
        return False
    lines = [line for line in called.lines.split("\n") if line.strip()]
    return bool(lines) and not called.blocks and all(restated_option(options, line) for line in lines)


def _quoted_blocks(quote: Node) -> list[Node]:
    """A quote's blocks, those of a callout in it titled as the options (``>> [!todo] Choices``, as
    generated quizzes nest them) in its place, and an HTML block of questions as the blocks it shows."""
    blocks: list[Node] = []
    for child in quote.children:
        called = callout(child) if child.type == "blockquote" else None
        if called is not None and labels_options(f"{called.title}:"):
            blocks += child.children if called.lines else child.children[1:]  # not its marker's line alone
        else:
            blocks.append(child)
    return _shown_blocks(blocks)


def _quotes_options(ctx: Context, children: Sequence[Node], answered: Answer | None = None) -> bool:
    """Whether a quote's blocks (``_quoted_blocks``) hold options: lettered, or plain and numbered ones
    its answer names (a lesson's challenge, ``> 1. …`` over ``> > [!solution]- Solution`` saying ``2 is
    correct``), in the quote or in the callout below it (``answered``), or in a callout of their own."""
    return any(read_options(ctx.doc, child) is not None for child in children) or any(
        child.type in ("bullet_list", "ordered_list")
        and _option_run(ctx, children, index, answered) is not None
        for index, child in enumerate(children)
    )


def _callout_answer(ctx: Context, nodes: Sequence[Node], index: int) -> Answer | None:
    """What the answer's callout right under the quote ``nodes[index]`` says (``> [!success]- Answer``
    over ``> 2``): it names the quote's numbered options, as an answer line under them would."""
    below = nodes[index + 1] if index + 1 < len(nodes) else None
    if below is None or ctx.is_claimed(below) or not _answer_callout(ctx, below):
        return None
    return _answer_below(below, None)


def _numbered_items(ctx: Context, node: Node, section: tuple[str, ...]) -> Iterator[Draft]:
    """``1. stem`` (or ``- stem``) items with their options (and answers) nested inside them."""
    ctx.claim(node)
    numbers = item_numbers(node) if node.type == "ordered_list" else [""] * len(node.children)
    for item, number in zip(node.children, numbers, strict=True):
        children = item.children
        yield from find_questions(ctx, children, [section] * len(children), default_id=number)


def item_numbers(numbered: Node) -> list[str]:
    """The numbers of a numbered list's items as a reader sees them: as written, or 1, 2, 3 … where
    every item is written ``1.``."""
    numbers = [item_number(item) for item in numbered.children]
    if len(numbers) > 1 and len(set(numbers)) == 1 and numbers[0].isdigit():
        return [str(int(numbers[0]) + offset) for offset in range(len(numbers))]
    return numbers


def item_number(item: Node) -> str:
    """The number written on a numbered item (Markdown renumbers ``3.`` after ``1.`` as 2; we don't)."""
    return item.info or "1"


def _stem(ctx: Context, nodes: Sequence[Node], run: _Run, floor: int, default_id: str) -> _Stem:
    """Walk up from the options over stem blocks, to a numbered start or a heading."""
    parts: list[str] = []
    taken: list[Node] = []
    small_print: list[str] = []
    question, index = default_id, run.start - 1
    numbered = labelled = False
    statement = true_or_false([option.text for option in run.options])  # the words above need not ask
    shown, is_media = partial(_shown, statement=statement), partial(_is_media, statement=statement)
    if run.head:
        number, text = _numbered(_without_box_title(run.head))
        words, _, last = text.rpartition("\n")
        parts.append(words if labels_options(last) else text)  # `Options:` line
        if number:
            question, numbered = question_id(number), True
    while not numbered and index >= floor:
        if _quiz_settings(nodes, index):  # quizdown's `---` over `shuffle_answers: false` over `---`
            taken[:0], parts[:0] = [nodes[index - 1], nodes[index]], ["", ""]
            index -= 2
            continue
        fields = _fields(nodes[index], bank_only=not labelled)  # a scenario is no field: it is asked
        small = _small_print(nodes[index]) or (None if fields and opens_scenario(fields) else fields)
        if small is not None or _labels_options(nodes[index]):
            small_print[:0] = [small] if small else []
            taken.insert(0, nodes[index])
            parts.insert(0, "")
            index -= 1
            continue
        if labelled:  # above the words labelled as the question: only the bank's fields, or a heading
            break
        labelled = nodes[index].type == "paragraph" and bool(
            _QUESTION_LABEL.match(nodes[index].children[0].content)
            or _PAIRED_QUESTION.match(nodes[index].children[0].content)  # `Q:` under the last one's `A:`
        )
        if nodes[index].type == "paragraph" and asked_and_answered(nodes[index].children[0].content):
            break  # `Q: …` over its `A: …` right above: a flashcard of its own, no part of the stem
        if nodes[index].type == "paragraph" and _ends_with_answer(nodes[index].children[0].content):
            break  # `… Ans - Amazon S3` ends the question above, no part of this stem
        if _label_alone(nodes[index]) is not None or (
            index > floor
            and _label_alone(nodes[index - 1])
            and not _asks_numbered(paragraph_words(nodes[index]))
        ):
            break  # `Answer:` alone, or what it labels: the question above's answer, no part of this stem
        piece = _stem_piece(ctx, nodes[index], statement=statement, below=parts[0] if parts else "")
        if (
            piece is None
            and not taken
            and index > floor
            and (
                _quoted_below(ctx, nodes[index], nodes[index - 1])
                or _hint_under_heading(ctx, nodes, index, floor)
            )
        ):
            quoted = ctx.doc.written(nodes[index].children[0])
            if HINT_LABEL.match(quoted):  # `> Hint: …`, as quizdown shows a clue: said on the back
                small_print[:0], parts[:0], taken[:0] = [quoted], [""], [nodes[index]]
                index -= 1
                continue
            piece = "", quoted, nodes[index]  # `> A retailer wants …`
        if piece is None and _announced_list(ctx, nodes, index, floor):
            piece = "", ctx.doc.source(nodes[index]), nodes[index]  # the case the question states
        if piece is None:
            break
        number, text, block = piece
        if number and (said := _WORD_QUESTION.match(text)) is not None:  # `**1. QUESTION**`
            fields = text[said.end() :].strip()  # then `Category: …`: the bank's filing, no words of it
            small_print[:0], text = [fields] if fields else [], ""
        if number and _tags(text, any(part.strip() for part in parts)):
            small_print[:0], text = [text], ""  # `Question #1 Topic 1` over the words: the topic
        parts.insert(0, text)
        taken.insert(0, block)
        index -= 1
        if number:
            question, numbered = question_id(number), True
    shown_only = all(is_media(node) or _labels_options(node) for node in taken)  # `**Options:**` too
    media_under_heading = index >= floor and _may_head(ctx, nodes[index], asked_below=False) and shown_only
    while taken and shown(taken[0]) and not numbered and not media_under_heading:
        # A stem starts with its words: code or a table above them is not part of it, unless the
        # words are the heading right above (`### What does this print?` over the code).
        taken.pop(0)
        parts.pop(0)
        index += 1
    first = index + 1
    anchor = taken[0] if taken else nodes[run.start]
    worded = any(part.strip() for part in parts)
    asked_below = worded and any(asks(part) for part in parts)
    if index >= floor and _may_head(ctx, nodes[index], asked_below=asked_below) and question == default_id:
        title = heading_text(nodes[index])
        headed = _HEADED.match(undecorated(title))  # `### ❓ Q7: …`
        if headed:
            anchor, first = nodes[index], index
            question = question_id(headed["id"] or headed["number"])
            rest = headed["rest"] or ""
            tag = rest.strip("-\u2013\u2014: ")
            if (labelled and not rest.endswith("?")) or _tags(tag, any(part.strip() for part in parts)):
                # `## Question 5 - Topic 1`: the topic, not the stem (`- Skipped`, how a test went: nothing)
                small_print[:0] = [tag] if tag and not _HOW_IT_WENT.fullmatch(tag) else []
            else:
                parts = [rest.lstrip("-\u2013\u2014: "), *parts]  # `#### Q6 - Which …?`
        elif not worded or _heading_asks(ctx, nodes[index]) or (taken and shown_only):
            anchor, first = nodes[index], index
            parts = [_unlabelled(title), *parts]
    text = "\n\n".join(p for p in parts if p.strip()).strip()
    return _Stem(first, anchor, question, text, tuple(taken), tuple(small_print))


def _quiz_settings(nodes: Sequence[Node], index: int) -> bool:
    """Whether ``nodes[index]`` is a quizdown question's own settings, ``key: value`` lines between
    ``---`` rules under its heading (``shuffle_answers: false``), which Markdown reads as a rule over a
    heading: no part of the question."""
    node = nodes[index]
    if node.type != "heading" or node.markup != "-" or index == 0 or nodes[index - 1].type != "hr":
        return False
    return all(_QUIZ_SETTING.fullmatch(line.strip()) for line in heading_text(node).split("\n"))


_QUIZ_SETTING = regex(
    r"(?:shuffle_answers|shuffle_questions|n_?questions|nth_correct|\w+_color|locale)\s*:\s*\S+"
)
"""A quizdown setting (``shuffle_answers: false``, ``primary_color: '#FF851B'``, ``locale: de``)."""


def _unlabelled(title: str) -> str:
    """A heading's words without the label that says they ask (``### Q. Which …?``, ``### Question: …``),
    no part of the stem, as on a paragraph's first line; a number there is no label (``_HEADED``)."""
    number, words = _numbered(title)
    return title if number else words


_SENTENCE_MARKS = (".", "?", "!", ":", "\u3002", "\uff1f", "\uff01", "\uff1a")
"""How a sentence ends, full-width marks too."""


def _tags(words: str, worded: bool) -> bool:
    """``Topic 1``, ``[Hard]``, ``⭐ (Domain 2: Security)`` after a question's number in its heading:
    a few words that neither ask (``(Choose two.)``) nor end a sentence, over a stem ``worded`` below it."""
    short = worded and 0 < len(words.split()) <= _TAG_WORDS
    return short and not words.endswith(_SENTENCE_MARKS) and not asks(words)


def _small_print(node: Node) -> str | None:
    """The words of a paragraph that is one ``<sub>``, ``<sup>`` or ``<small>`` element: a question's
    domain or source, written above it; or a note that the question is one of a series."""
    text = node.children[0].content if node.type == "paragraph" else ""
    if _SERIES_NOTE.match(text):
        return plain(text)  # the same words over every question of the series: no part of its stem
    found = _SMALL_PRINT.fullmatch(text)
    return found["words"].strip() if found else None


def _fields(node: Node, *, bank_only: bool = False) -> str | None:
    """The lines of a paragraph made only of short fields (``**Question Type:** Multiple Choice``), a
    field a line or several on a line (``**Difficulty:** Easy · **Type:** MCQ``); with ``bank_only`` (no
    label marks the question below), only when every field names how the bank files its questions
    (a case's ``**Age:** 67`` over ``**BP:** 82/40`` is asked about)."""
    lines = (
        [line.strip() for line in node.children[0].content.split("\n")] if node.type == "paragraph" else []
    )
    one_each = all(map(_FIELD.fullmatch, lines))
    several = not one_each and bank_only and all(map(_FIELDS_LINE.fullmatch, lines))
    if lines and not (one_each or several) and bank_only and all(map(_plain_fields, lines)):
        return plain(" · ".join(lines))  # `Domain: Storage`, `**Fragennummer: 1.1.01-001** · Punkte: 4`
    if not lines or not (one_each or several) or (bank_only and not all(map(_filed, lines))):
        return None
    return plain(" · ".join(lines))


def _plain_fields(line: str) -> bool:
    """Whether ``line`` is only fields naming how a bank files its questions (``_BANK_FIELDS``), their
    names not in bold (``Domain: Implement and manage storage``) or in bold with their values
    (``**Fragennummer: 1.1.01-001** · Punkte: 4``): the bank's, no words of the question. Any other
    name (``Given: x = 3``) may be the question's case, and so may one field alone (``Time: 5 s``) but
    for a name only banks use (``_BANK_ONLY_FIELDS``)."""
    found = [_PLAIN_FIELD.fullmatch(field.strip()) for field in _FIELD_PARTS.split(line)]
    names = [field["name"].strip().lower() if field is not None else "" for field in found]
    if not all(name in _BANK_FIELDS for name in names):
        return False
    if len(names) > 1 or names[0] in _BANK_ONLY_FIELDS:
        return True
    value = line.partition(":")[2].strip(" \t*_")
    return names[0] in _NAMED_FILING and _WORDS_ONLY.fullmatch(value) is not None


def _filed(line: str) -> bool:
    """Whether every field of a line names how a bank files its questions (``_BANK_FIELDS``)."""
    return all(name.strip().lower() in _BANK_FIELDS for name in _FIELD_NAME.findall(line))


def _quiz_game_header(text: str) -> bool:
    """Whether a paragraph is only a quiz game's header of its next question (``**3.
    Fill-in-the-Blank** · 45 sec · 2 pts``): its number and page lines, one of them the game's own."""
    header = _NUMBERED_PAGE_LINES.match(text)
    return header is not None and not text[header.end() :].strip() and _GAME_ITEM.search(text) is not None


def _asks_with_options(node: Node | None, after: Node | None) -> bool:
    """Whether a paragraph below a bank's fields opens a question of its own: it asks, and options or
    an answer follow it (else it goes on explaining the question above: ``Why does this matter? …``)."""
    if node is None or after is None or not _asks(node):
        return False
    return after.type in ("bullet_list", "ordered_list") or _answer_below(after, None) is not None


def without_score(text: str) -> str:
    """A question's words without what a form says it is worth (``_POINTS``: ``(1 Point)``, ``*   0/1``)."""
    return _POINTS.sub("", text)


def stem_number(text: str) -> tuple[str, str]:
    """(question number or "", text without it) of a paragraph opening a question: ``**12.** …``."""
    return _numbered(text)


def _numbered(text: str) -> tuple[str, str]:
    """(question number or "", text without it) of a stem's first block: ``Q3. …``, ``**12.** …``,
    ``(4) …``."""
    numbered = _NUMBERED_STEM.match(text)
    if (
        numbered is not None
        and _TOPICAL.match(text)
        and numbered["rest"]
        and "\n" not in text[: numbered.start("rest")]
    ):
        numbered = None  # `Topic 3 Question 2 was the hardest …`: words about a question, on its line
    glued = _GLUED_INSTRUCTION.match(text) if numbered is None else None
    if glued is not None:  # `Answer the following questions. 1. Which …?`: the set's instruction, then it
        number, rest = _numbered(text[glued.end() :])
        if number:
            return number, rest
    if numbered is None:
        return "", _PAGE_LINES.sub("", text) if text.startswith("(") else text  # `(Exam Topic 1)` over it
    rest = _PAGE_LINES.sub("", numbered["rest"] or "").lstrip("\n")
    if text.startswith(("**", "__")):
        line, newline, below = rest.partition("\n")  # a picture may go on under a bold stem's line
        rest = unbolded(line) + newline + below if _shown_below(below) else unbolded(rest)
        label = text[: numbered.start("rest")] if numbered["rest"] else text
        if label.count(text[:2]) % 2 and rest.count(text[:2]) % 2:  # `**Q1. Which …?** Pick one.`
            rest = f"{text[:2]}{rest}"  # the words in bold stay bold
    number = next(
        filter(
            None, map(numbered.group, ("qid", "q", "id", "dotted", "hashed", "keycap", "bracketed", "task"))
        ),
        "",
    )
    return number, rest


_PICTURE_LINE = regex(r"[ \t]*!\[[^\]\n]*\]\([^)\n]*\)[ \t]*")


def _shown_below(lines: str) -> bool:
    """Whether ``lines`` under a stem's line only show pictures (``![sign](sign.png)``), as a question
    set in a word processor puts its figure right under its bold words."""
    return bool(lines) and all(_PICTURE_LINE.fullmatch(line) for line in lines.split("\n"))


def _is_media(node: Node, *, statement: bool = False) -> bool:
    """Code, a table or an image: a stem of only these needs the words of the heading above."""
    return _shown(node, statement=statement) or (node.type == "paragraph" and _attachable(node))


_HINT_HEADING = regex(r"(?i)\W*hints?\W*")
"""``# hint`` between a quiz's options and its ``# explanation``: a clue, said with the explanation."""


def _explained_after(nodes: Sequence[Node], index: int) -> bool:
    """The next heading after ``nodes[index]`` titles an explanation (``# explanation``): a ``# hint``
    between a quiz's options and it is the quiz's clue, where ``### Hints`` alone starts a section."""
    following = (node for node in nodes[index + 1 :] if node.type == "heading")
    heading = next(following, None)
    return heading is not None and explanation_start(f"{heading_text(heading)}: it") == "it"


def _ends_details(node: Node) -> bool:
    """``</details>``, as a block of HTML or (``</b></details>``, a tag first) as a paragraph's."""
    if node.type == "paragraph":
        return closes_details(node.children[0].content)
    return node.type == "html_block" and closes_details(node.content)


def _quoted_below(ctx: Context, node: Node, above: Node) -> bool:
    """A quote between a question and its options (its case, or a quiz's hint): part of the stem. The
    question may be a heading that asks (``#### Who painted …?``, as quizdown writes one)."""
    quoted = node.type == "blockquote" and len(node.children) == 1 and node.children[0].type == "paragraph"
    if not quoted or callout(node) is not None:
        return False
    if above.type == "heading":
        return _may_head(ctx, above, asked_below=False) and _heading_asks(ctx, above)
    return above.type == "paragraph" and asks(above.children[0].content)


def _hint_under_heading(ctx: Context, nodes: Sequence[Node], index: int, floor: int) -> bool:
    """A quiz's hint quote (``> Think of waltzes.``) under a heading that asks, with a few paragraphs
    that ask nothing (``This one is **easy**.``) or the question's quizdown settings between them:
    part of that question."""
    above, words = index - 1, 0
    while above >= floor and words <= _HINT_WORDS:
        if _quiz_settings(nodes, above):
            above -= 2
        elif nodes[above].type == "paragraph" and not asks(nodes[above].children[0].content):
            above, words = above - 1, words + 1
        else:
            break
    heading = nodes[above] if floor <= above < index - 1 else None
    return heading is not None and heading.type == "heading" and _quoted_below(ctx, nodes[index], heading)


_HINT_WORDS = 2
"""At most this many paragraphs between a question's heading and its hint."""


def _shown(node: Node, *, statement: bool = False) -> bool:
    """Code, a table or HTML, but a ``<details>`` whose summary asks (``<summary>Which …?</summary>``),
    or with ``statement`` states what ``True`` or ``False`` answers: that one holds a question's words."""
    if node.type != "html_block":
        return node.type in _MEDIA
    summary = details_question(node.content)
    return not (summary and (statement or asks(summary)))


def _may_head(ctx: Context, node: Node, *, asked_below: bool) -> bool:
    """A heading can hold a stem, except an H1, a note's title: that one only when it asks and no words
    under it do (a note of one question titled with it, a quiz of a question per H1 with code or a
    hint under each)."""
    if node.type != "heading":
        return False
    return node.tag != "h1" or (not asked_below and _heading_asks(ctx, node))


def _heading_asks(ctx: Context, heading: Node) -> bool:
    """A heading ending in ``?``, or one of quizdown's, where every heading over boxes is a question."""
    return heading_text(heading).endswith("?") or ctx.doc.quizzed(heading)


def _announced_list(ctx: Context, nodes: Sequence[Node], index: int, floor: int) -> bool:
    """A list in a stem, under the words that announce it (``The technician checks the following:``;
    a numbered one, ``Consider the following statements:``, when words that ask follow it) or ask
    about it (``Which of these statements are true?`` over ``1. …``, ``2. …``, whose items ask
    nothing)."""
    node, above = nodes[index], nodes[index - 1] if index > floor else None
    lists = ("bullet_list", "ordered_list")
    if node.type not in lists or ctx.is_claimed(node) or above is None or above.type != "paragraph":
        return False
    if _stem_piece(ctx, above) is None:
        return False
    words = above.children[0].content.rstrip()
    if node.type == "bullet_list" and words.endswith(":"):
        return True
    below = nodes[index + 1] if index + 1 < len(nodes) else None
    asked_below = below is not None and below.type == "paragraph" and asks(below.children[0].content)
    if not (asks(words) or (_ANNOUNCES_STATEMENTS.search(words) and asked_below)):
        return False  # `Consider the following statements:` over `1. …`, then `Which of them …?`
    radios = [_RADIO.match(ctx.doc.source(item).lstrip("-*+ \t")) for item in node.children]
    if all(radios) and any(radio and radio["blank"] for radio in radios):
        return False  # `( )`, `(x)`: a form's choices, asked about by the words above, not the words below
    return not any(_asks(item.children[0]) for item in node.children if item.children)


def _without_box_title(text: str) -> str:
    """A paragraph's text without the callout's marker it opens with, and without the box's title when
    it is a short label (``??? quote "Exercise 1"``, ``:::danger Quiz``): no part of a stem. A title that
    asks or numbers the question (``> [!question] Q1. Which …?``), sets the scene (``A 40-year-old man
    presents with …``) or gives the values (``Given x = 3``) is the stem's first line."""
    marker = CALLOUT.match(text)
    if marker is None:
        return text
    title, newline, below = text[marker.end() :].partition("\n")
    if not newline or asks(title) or _numbered(title)[0] or not _BOX_LABEL.fullmatch(plain(title).strip()):
        return text[marker.end() :]
    return below


_BOX_LABEL = regex(r"(?:[^\W\d_][\w'-]*[ \t]+){0,3}(?:[^\W\d_][\w'-]*|\d+(?:\.\d+)*[a-z]?)[ \t]*:?")
"""A box's title that only labels it: four words at most, the last maybe a number (``Quiz``, ``Exercise
1``, ``Check your understanding``), no sentence's stop, question mark or ``=``."""


def _stem_piece(
    ctx: Context, node: Node, *, statement: bool = False, below: str = ""
) -> tuple[str, str, Node] | None:
    """(question number or "", text, the block it is) of a block that can be part of a stem; ``None``
    stops the walk. Where the stem's words ``below`` it ask of a solution, ``Solution: …`` is one."""
    if node.type == "ordered_list":
        return _last_item_stem(ctx, node)
    if ctx.is_claimed(node):
        return None
    if node.type == "paragraph":
        text = _without_box_title(node.children[0].content)  # `> [!question] Q1. Which …?`
        if below and _PROPOSED.match(text) and _ASKS_OF_A_SOLUTION.search(below):
            return "", text, node
        if _page_lines_only(text):
            return "", "", node  # `Mark 1.00 out of 1.00`, `Flag question`, `*[1 mark]*`: no words of it
        if answer_line(text) or explanation_start(text) is not None or _is_label(node) or _ends_details(node):
            return None
        return (*_numbered(text), node)
    if node.type in _MEDIA:
        if _ends_details(node):
            return None  # the end of the question or answer above
        if node.type == "html_block" and "<details" in node.content.lower():
            asked = details_question(node.content)  # `<details><summary>Which …?</summary>` over options
            return (
                (*_numbered(asked), node)
                if asked and (statement or asks(asked)) and not hidden_text(node.content)
                else None
            )
        return "", ctx.doc.source(node), node
    if node.type == "blockquote" and below and asks(below) and callout(node) is None:
        return "", ctx.doc.source(node), node  # `> The house stood …`, the passage the words below ask about
    return None


def _pictured(node: Node) -> bool:
    """Code, a table or a picture alone (``_is_media``), looked for only where one may be."""
    if node.type == "paragraph" and not node.children[0].content.lstrip().startswith(("!", "<", "[")):
        return False
    return _is_media(node)


def _page_lines_only(text: str) -> bool:
    """Whether a paragraph holds nothing but a page's lines (``_PAGE_LINES``), maybe in italics."""
    return len(text) <= _PAGE_LINE_CHARS and not _PAGE_LINES.sub("", plain(text).strip().strip("*_")).strip()


_PAGE_LINE_CHARS = 120
"""Longer than this, a paragraph holds words of its own (the page's lines are short)."""


def _last_item_stem(ctx: Context, node: Node) -> tuple[str, str, Node] | None:
    """``1. Which …?`` right above its options, which are indented too little to sit inside it: an
    item of one, or the last item of a list of questions (``10. Which …?`` with options indented three
    spaces, as under ``9.``, falls out of the list)."""
    item = node.children[-1]
    questions = any(ctx.is_claimed(child) for other in node.children for child in other.children)
    if ctx.is_claimed(node) and not questions:
        return None  # a list some other rule took (an answer key), not one of questions
    if len(node.children) > 1 and not ctx.is_claimed(node):
        return None  # a list of steps or facts, not questions
    if not item.children and len(node.children) == 1:
        return item_number(item), "", item  # `12.` alone on its line, the words below: a dump's number
    stem_only = all(child.type in ("paragraph", *_MEDIA) for child in item.children)
    if not item.children or not stem_only or any(ctx.is_claimed(child) for child in item.children):
        return None
    text = "\n\n".join(ctx.doc.written(child) for child in item.children)
    return item_number(item), text, item


def _is_label(node: Node) -> bool:
    """``**Note:** …`` after a question belongs to it, never to the next question's stem."""
    term = split_term(node.children[0]) if node.type == "paragraph" else None
    return term is not None and term.is_label and term.separated


def _votes_only(node: Node) -> bool:
    """A paragraph of nothing but a dump site's votes (``A (85%)``, ``Other``)."""
    lines = node.children[0].content.split("\n") if node.type == "paragraph" else []
    return bool(lines) and all(_VOTE.fullmatch(line.strip()) for line in lines)


def _filing(ctx: Context, node: Node, following: Node | None) -> str | None:
    """What a heading naming a bank's filing (``### Topics``, ``### Services``, ``### Metadata``) and
    the list of short lines under it say, on one line (``Topics: volcanoes, igneous-rocks``, or the
    fields as named, ``Category: Rock types · Difficulty: easy``); ``None`` for any other heading."""
    if node.type != "heading" or following is None or following.type not in LISTS:
        return None
    title = heading_text(node).strip().rstrip(":").strip()
    if title.lower() not in _FILING_HEADINGS:
        return None
    entries = [item_words(item) for item in following.children]
    if not all(entry and "\n" not in entry and len(entry.split()) <= _FILING_WORDS for entry in entries):
        return None
    if title.lower() in _FIELDS_HEADINGS:  # `* Category: Rock types`: fields named already
        return " \u00b7 ".join(entries)
    return f"{title}: {', '.join(entries)}"


_FIELDS_HEADINGS = frozenset({"metadata", "meta"})
_FILING_HEADINGS = frozenset({"topics", "topic", "tags", "services", "categories", *_FIELDS_HEADINGS})
"""Headings under which generated banks file each question: no study content of their own."""
_FILING_WORDS = 6


def _read_tail(ctx: Context, draft: Draft, nodes: Sequence[Node]) -> None:
    """The answer and explanation after the options, up to the next heading, ``---`` or question:
    every block there belongs to the question (a ``**Note:**`` too)."""
    index = 0
    while index < len(nodes) and not ctx.is_claimed(nodes[index]):
        node = nodes[index]
        following = nodes[index + 1] if index + 1 < len(nodes) else None
        label = _tail_label(draft, node, following)
        if (
            node.type == "heading"
            and _HINT_HEADING.fullmatch(heading_text(node))
            and _explained_after(nodes, index)
        ):
            ctx.claim(node)  # `# hint` over the quiz's clue, then maybe `# explanation`: the clue explains
            index += 1
            while index < len(nodes) and nodes[index].type != "heading" and not ctx.is_claimed(nodes[index]):
                draft.explanation.append(f"Hint: {ctx.doc.written(nodes[index])}")
                ctx.claim(nodes[index])
                index += 1
            continue
        if node.type == "heading" and draft.answer is None and _answers_in_heading(node):
            _read_lines(ctx, draft, [_heading_line(node)], node)  # `#### Answer: A`, explained below
            index += 1
            continue
        listed = (
            _listed_answer(ctx, node, following, draft.options)
            if draft.answer is None and following
            else None
        )
        if listed is not None and following is not None:
            draft.answer, draft.answer_node = listed, node  # `**Answer:**` over `- A. …`, `- C. …`
            ctx.claim(node, following)
            index += 2
            continue
        after = nodes[index + 2] if index + 2 < len(nodes) else None
        if node.type == "hr" and draft.answer is None and following and _answer_below(following, after):
            index += 1  # `---` between the options and their answer, as generated quizzes part them
            continue
        if (filing := _filing(ctx, node, following)) is not None and following is not None:
            draft.explanation.append(filing)  # `### Topics` over `* volcanoes`: the bank's filing
            ctx.claim(node, following)
            index += 2
            continue
        if label is None and node.type in _ENDS:
            break
        if draft.answer is not None and any(part.strip() for part in draft.explanation) and _aside(node):
            break  # `> [!tip] What is a king tide?` after the explanation: a card of its own
        if node.type == "ordered_list" and _numbered_next(draft, node):
            break  # `2. Read the statements:` after question 1's answer: the next question's
        if node.type == "paragraph" and (
            _PAIRED_QUESTION.match(node.children[0].content)
            or asked_and_answered(node.children[0].content)
            or _flashcard(node.children[0].content)
        ):
            break  # `Q: What does …?` (`Front: …` over `Back: …`), a `?` card: a flashcard after the question
        if node.type == "paragraph" and (
            DUMP_HEADER.match(node.children[0].content) or _quiz_game_header(node.children[0].content)
        ):
            break  # `QUESTION NO: 2 DRAG DROP`, `**3. Fill-in-the-Blank** · 45 sec`: the next question
        if _fields(node, bank_only=True) and _asks_with_options(following, after):
            break  # `Fragennummer: 2.2.03-105 · Punkte: 2` over words that ask: the next question's fields
        if node.type == "paragraph" and _asks_anew(draft, node.children[0].content, following):
            break  # `**Question 2:** Explain …?` over its `**Answer:** …`: the next question
        if _bold_question_answered(node, following):
            break  # `**Which lane is private?**` over `**Answer:** Redline`: a card of its own
        if _asks_over_folded_answer(node, following):
            break  # `Which planet has the most moons?` over `> [!success]- Answer`: a card of its own
        if node.type == "paragraph" and opens_scenario(node.children[0].content, draft.question):
            break  # the next questions' scenario
        if node.type == "paragraph" and (
            _VOTES.match(node.children[0].content) or PAGE_CONTROLS.fullmatch(node.children[0].content)
        ):
            ctx.claim(node)  # how a dump site's readers voted, its buttons: its page's, not the answer's
            index += 1
            voted = _VOTES.match(node.children[0].content) is not None
            while (
                voted
                and index < len(nodes)
                and _votes_only(nodes[index])
                and not ctx.is_claimed(nodes[index])
            ):
                ctx.claim(nodes[index])  # `A (85%)`, `Other`: the votes in paragraphs of their own
                index += 1
            continue
        if _ends_details(node):
            ctx.claim(node)  # the `</details>` of a question asked in its `<summary>`
            break
        if label is not None and (words := _answer_words(following)) is not None:
            ctx.claim(node, following or words)  # `### Correct Answer` over `B` (or `2. …`, a list)
            _read_lines(ctx, draft, [*label, *words.children[0].content.split("\n")], words)
            index += 1
        elif node.type == "html_block" and "<details" in node.content.lower():
            if _asks_anew_in_summary(details_question(node.content)):
                break  # `<details><summary>Q2: What is …?</summary>`: the next question, asked in its summary
            index = _read_details(ctx, draft, nodes, index)
        elif node.type == "paragraph" and _page_lines_only(node.children[0].content):
            ctx.claim(node)  # `*[1 mark]*` under the options: what the question is worth, nothing to learn
        elif node.type == "paragraph" and navigates(node.children[0].content):
            pass  # `[⬆ Back to top](#contents)` after every question is the page's, not the question's
        elif node.type == "paragraph":
            if draft.answer is not None and has_cloze(node.children[0].content, highlights=False):
                draft.loose_term = draft.loose_term or node  # a cloze note of its own, written below
            _read_lines(ctx, draft, node.children[0].content.split("\n"), node)
        elif node.type == "bullet_list" and draft.answer is None and _answers_in_items(node):
            for item in node.children:  # `- Answer: B` and `- Explanation: …` nested under the question
                first, *rest = item.children or [item]
                if first.type == "paragraph":
                    _read_lines(ctx, draft, first.children[0].content.split("\n"), first)
                else:
                    rest = item.children  # an empty bullet says nothing; a quote or code explains
                draft.explanation += [ctx.doc.source(child) for child in rest]
            ctx.claim(node)
        elif node.type == "blockquote":
            _read_quote(ctx, draft, node)
        else:
            above = nodes[index - 1] if index else None
            loose = unexplained_term(node, above, draft.options) or captioned_table(node, above)
            if loose is None and node.type == "table" and not _introduced(above):
                loose = None if _rows_name_options(ctx, node, draft) else node  # a comparison of its own
            draft.loose_term = draft.loose_term or loose
            draft.explanation.append(ctx.doc.source(node))
            ctx.claim(node)
        index += 1
    if _left_empty(draft, nodes[:index]):
        draft.answer_node = nodes[index - 1]  # `Answer:` with nothing after it: reported there as empty


_ASIDE_KINDS = frozenset({"tip", "warning", "caution", "important", "danger", "attention"})
"""Callouts that set a point apart (``> [!tip] Remember``) rather than say why an answer is right."""


def _aside(node: Node) -> bool:
    """Whether a block is a card of its own after a question's explanation: a tip or warning titled as
    a question (``> [!tip] What is a king tide?``). One titled ``Remember`` or ``Watch out`` is read
    by no other rule: it stays with the explanation, where the student sees it."""
    called = callout(node) if node.type == "blockquote" else None
    if called is None or called.kind not in _ASIDE_KINDS:
        return False
    return asks(plain(called.title).strip())


def _introduced(above: Node | None) -> bool:
    """Whether the paragraph above a table in an explanation announces it (``Compared:``, ``Why the
    others are wrong:``): the table then explains the answer."""
    if above is None or above.type != "paragraph":
        return False
    return plain(above.children[0].content.rstrip().split("\n")[-1]).endswith(":")


def _rows_name_options(ctx: Context, table: Node, draft: Draft) -> bool:
    """Whether some row of a table opens with an option, by its letter in any dress (``| B |``, ``|
    **A** |``, ``| (A) Neon |``, ``| A - Nucleus |``) or by its words: why the options are right or
    wrong, the question's explanation."""
    labels = {option.label.casefold() for option in draft.options}
    texts = {plain(option.text).casefold() for option in draft.options if plain(option.text).strip()}
    rows = ctx.doc.source(table).strip().split("\n")[2:]
    firsts = [plain(row.strip().strip("|").split("|")[0]).strip().casefold() for row in rows]
    return any(
        ((lettered := _LETTERED.match(first)) is not None and lettered["letter"] in labels)
        or any(text in first for text in texts)
        for first in firsts
    )


_LETTERED = regex(r"\W*(?P<letter>[a-z])(?![a-z])")
"""A cell opening with an option's letter: ``B``, ``(A) Neon``, ``A - Nucleus``, ``**A**`` once plain."""


def _answers_in_items(listed: Node) -> bool:
    """A list whose first item opens with the answer (``- Answer: B``, ``- ANSWER: B``): the answer and
    explanation written as bullets, as outliners (Logseq) write them."""
    first = listed.children[0].children if listed.children else []
    if not first or first[0].type != "paragraph":
        return False
    said = answer_line(first[0].children[0].content.partition("\n")[0])
    return said is not None and bool(said.letters)


def _numbered_next(draft: Draft, listed: Node) -> bool:
    """A numbered list going on from the question's own number (``2.`` after question ``1``) whose first
    item asks or announces what it asks about (``2. Read the statements:``): the next question, where
    an explanation's steps go on from their own (``2. Test it with `nginx -t`.``)."""
    start = listed.attrs.get("start")
    if not (draft.question.isdigit() and start is not None and int(start) == int(draft.question) + 1):
        return False
    first = listed.children[0].children[0] if listed.children and listed.children[0].children else None
    if first is None or first.type != "paragraph":
        return False
    line = first.children[0].content.partition("\n")[0].rstrip()
    judged = _JUDGED_STATEMENT.search(line) is not None  # `6. Whales are fish. (True/False)`
    return asks(line) or instructs(line) or line.endswith(":") or judged  # `2. Define osmosis.`


_JUDGED_STATEMENT = regex(
    r"(?i)^\W*(?:true\s+or\s+false|true\s*/\s*false|t\s*/\s*f)\b"
    r"|[.!][ \t]*[(\[](?:true[ \t]*(?:/|or)[ \t]*false|t[ \t]*/[ \t]*f)[)\]]\W*$"
)
"""A statement to judge, as the flashcards read one: ``True or false: …``, ``… (True/False)``, ``…
[T/F]``."""


def _asks_anew(draft: Draft, text: str, following: Node | None) -> bool:
    """A paragraph opening with the next numbered question, one that asks (``**Question 2:** Why …?``),
    answered on the lines below it, or one that asks or leaves a blank, answered on the paragraph
    ``following`` it (``**Answer:** `ls```, a question with no options between two with them), or one
    numbered next after ``draft``'s that asks, bids (``**Q4. Name the longest river.**``) or is
    answered below: no part of the explanation above."""
    number, words = _numbered(text.partition("\n")[0])
    if not number:
        return _asks_answered_in_words(text, following)
    going_on = number.isdigit() and draft.question.isdigit() and int(number) == int(draft.question) + 1
    judged = _JUDGED_STATEMENT.search(words) is not None  # `**3.** Whales are fish. (True/False)`
    if going_on and (asks(words) or instructs(words) or judged or _answered_by(following)):
        return True  # `**Q4.** True or false: …` over `Answer: False`: a statement to judge, answered
    if "\n" in text:  # the answer on its lines
        return words.rstrip().endswith("?")
    return asks(words) and _answered_by(following)  # `**2.** Fill in the blank: The ___ command …`


def _asks_answered_in_words(text: str, following: Node | None) -> bool:
    """A line that asks (``Which planet has the most moons?``) answered in words on the line or the
    paragraph below it (``**Answer:** Saturn``, or hidden: ``>!Saturn!<``): a card of its own after a
    question's answer, where
    letters alone (``Answer: B``) would answer a question whose options are missing."""
    asked, _, below = text.strip().partition("\n")
    if not below and _ASKED_OVER_SPOILER.fullmatch(asked.strip()):
        return True  # `Which vitamin prevents scurvy? >!C!<`: no options, its answer a word however short
    if not asked.rstrip().endswith("?") or (below and "\n" in below):
        return False
    answering = below or (paragraph_words(following).partition("\n")[0] if following else "")
    hidden = hidden_words(answering)
    if hidden is not None and _WORDED.search(hidden):
        return True  # `||Vitamin C||`, `>!Saturn!<`: its answer hidden, which a card shows on its back
    said = answer_line(answering)
    return said is not None and not said.letters and bool(said.text)


def _answered_by(following: Node | None) -> bool:
    """A paragraph whose first line answers: ``**Answer:** ls``."""
    below = paragraph_words(following) if following is not None else ""
    return answer_line(below.partition("\n")[0]) is not None


def _flashcard(text: str) -> bool:
    """``What is EFS?`` over a ``?`` line and its answer, or ``What is KMS?::…`` alone: a card."""
    return _SEPARATED_CARD.match(text) is not None or _INLINE_CARD.fullmatch(text.strip()) is not None


def _listed_answer(
    ctx: Context, node: Node, following: Node, options: Sequence[DraftOption]
) -> Answer | None:
    """A bare answer label (``**Answer:**``, or a heading ``### Correct Answers``) over a list of the
    correct options, lettered as they are, or each in its words (``- AWS Lambda``)."""
    if following.type not in ("bullet_list", "ordered_list") or ctx.is_claimed(following):
        return None
    labelled = node.type == "paragraph" and (
        bare_label(node.children[0].content.strip()) or _label_alone(node) is not None
    )
    if not labelled and not _answer_heading(node):
        return None
    lines = _one_liners(following)
    marked = _marked_letters(lines)  # every letter listed, the right ones marked: `- B - Correct`
    if marked and set(marked) <= {option.label for option in options}:
        return Answer(tuple(marked), "")
    listed = read_options(ctx.doc, following)
    if listed is not None and not listed.task:
        return Answer(tuple(option.label for option in listed.options), "")
    letters = [line.strip().rstrip(".)").upper() for line in lines]
    if lines and set(letters) <= {option.label for option in options}:
        return Answer(tuple(dict.fromkeys(letters)), "")  # `- A` and `- C`: the options' letters alone
    named = named_option(options, "; ".join(lines))
    return Answer(named, "") if named else None


def _one_liners(listed: Node) -> list[str]:
    """The items of a list, when each is one line of words (none else)."""
    lines = [item.children[0].children[0].content for item in listed.children if one_paragraph(item)]
    return lines if len(lines) == len(listed.children) and not any("\n" in line for line in lines) else []


def one_paragraph(item: Node) -> bool:
    """Whether a list item holds one paragraph and nothing else."""
    return len(item.children) == 1 and item.children[0].type == "paragraph"


def _answers_in_heading(heading: Node) -> bool:
    """``#### Answer: A``, ``### ✅ Correct Answer: C``, ``#### Option: C``: a heading that gives the
    answer's letters."""
    answer = answer_line(_heading_line(heading))
    return answer is not None and bool(answer.letters)


def _heading_line(heading: Node) -> str:
    """A heading as its line reads, marks and all (``#### Option: C`` names the answer as a heading)."""
    return f"{'#' * heading_level(heading)} {heading_text(heading)}"


def _tail_label(draft: Draft, node: Node, following: Node | None) -> tuple[str, ...] | None:
    """A heading that labels the answer (``### Correct Answer``, or a bold label alone: ``**Correct**``)
    of a question that has none yet, or its explanation, with a paragraph below it: the label line the
    paragraph is read after (none for an explanation). ``## Answers`` or ``## Solutions`` opens a key,
    and is no label."""
    words = _answer_words(following)
    if words is None:
        return None
    lines = words.children[0].content.split("\n")
    if key_entries_on_a_line(lines[0], words) or (
        len(lines) >= 2 and all(key_entry(ln, "", words) for ln in lines)
    ):
        return None  # `## Đáp án` over `1B 2A 3C`, `## Gabarito` over `91 - B` lines: a key's title
    if words is following and _asks_numbered(lines[0]):
        return None  # `Answer:` left empty over `**2.** Which …?`: the next question, no answer
    alone = _label_alone(node)
    if alone is not None and draft.answer is None:
        return (f"{alone}:",)  # `**Correct**` over the option's words
    if node.type != "heading":
        return None
    title = heading_text(node).rstrip(":?").strip()
    if title.endswith("s") and not title.endswith("ss"):
        return None
    if draft.answer is None and _answer_heading(node) and answer_line(words.children[0].content):
        return ()  # `### Back` over `**Correct Answer**: A) Queue`: the line answers as it is
    if draft.answer is None and bare_label(f"{title}:"):
        return (f"{title}:",)  # `B` below it is read as `Correct Answer: B`
    if draft.answer is None and _answer_heading(node):
        return ("Answer:",)  # a card's `### Back` over `B`
    return () if _explains_below(node) and following is not None and following.type == "paragraph" else None


def _asks_numbered(line: str) -> bool:
    """A line that opens a numbered question (``**2.** Which …?``): never the answer to the one above."""
    number, rest = _numbered(line.strip())
    return bool(number) and asks(rest)


def _read_quote(ctx: Context, draft: Draft, quote: Node) -> None:
    """``> **Answer:** B`` and the explanation quoted with it. An Obsidian callout's title is a label
    (``> [!success]- Answer`` then ``> **A** — why`` reads as ``Answer: **A** — why``)."""
    called = callout(quote)
    label: list[str] = []
    for child in quote.children:
        if child.type == "paragraph":
            lines = child.children[0].content.split("\n")
            if child is quote.children[0] and called is not None:
                title = called.label.rstrip(":")  # `> [!solution]-` over `> 3`: an answer's label
                title = "Answer" if _REVEALS_ANSWER.fullmatch(plain(title)) else title  # `Show answer`
                answered_below = len(lines) > 1 and answer_line(lines[1]) is not None  # a caption
                lines[:1] = [f"{title}:"] if title and not answered_below else []
                if len(lines) == 1 and len(quote.children) > 1:
                    label, lines = lines, []  # the title over the answer's own paragraph (a tab's)
            elif label:
                said = answer_line(lines[0]) is not None  # `The answer is B: …` under `Solution`: its own
                lines[0], label = lines[0] if said else f"{label[0]} {lines[0]}", []
            _read_lines(ctx, draft, lines, child)
        elif label and child.type in LISTS and draft.answer is None and (named := _one_liners(child)):
            _read_lines(
                ctx, draft, [f"{label[0]} {'; '.join(named)}"], child
            )  # the title over `- The Danube`
            label = []
        else:
            label = []
            draft.explanation.append(ctx.doc.source(child))
    ctx.claim(quote)


def _read_lines(ctx: Context, draft: Draft, lines: list[str], node: Node) -> None:
    """A paragraph's lines: the answer line (the first with letters) and the explanation around it."""
    _read_said(draft, lines, node)
    ctx.claim(node)


def _read_said(draft: Draft, lines: list[str], node: Node) -> None:
    """What ``lines`` of ``node`` say of ``draft`` (``_read_lines``), ``node`` left unclaimed: the next
    question's options may share its paragraph."""
    kept: list[str] = []
    written = len(node.children[0].content.split("\n"))  # `lines` may be its last lines, or a label more
    voting = False
    restating = False  # the answer restated its option as written: the options restated below it answer too
    for number, line in enumerate(lines):
        letter = restated_option(draft.options, line) if restating and draft.answer is not None else None
        if letter is not None and draft.answer is not None and letter > max(draft.answer.letters):
            draft.answer = replace(draft.answer, letters=(*draft.answer.letters, letter))  # `b) Granite`
            continue
        restating = False
        voting = _VOTES.fullmatch(line) is not None or (voting and _VOTE.fullmatch(line.strip()) is not None)
        if voting or PAGE_CONTROLS.fullmatch(line) or _DISCUSSION.fullmatch(line.strip()):
            continue  # a dump site's votes, buttons and comment headers: its page's, not the question's
        if _NO_SECTION.fullmatch(line.strip()) or explanation_start(line) == "":
            continue  # a VCE dump's `Section: (none)`, and a label alone (`Explanation/Reference:`)
        if (picked := takers_pick(line)) is not None:
            if not picked or draft.answer is not None:
                continue
            line = picked
        if draft.answer is not None and draft.run_on is None and _numbered_question(lines[number:], node):
            draft.run_on = node, max(0, number + written - len(lines))  # a label more: at its first line
        answer = answer_line(line)
        first = not (number or kept or draft.explanation or draft.answer or draft.worded)  # said first
        if answer is None and first and (hidden := hidden_words(line)) is not None:
            answer = answer_line(f"Answer: {hidden}")  # `>!B!<`: hidden
        if answer is None and draft.paired and (paired := PAIRED_ANSWER.match(line)) is not None:
            answer = answer_line(f"Answer: {line[paired.end() :]}")
        if answer is None and number and (labelled := _under_label(lines[number - 1], line)) is not None:
            answer = answer_line(labelled)  # `**Answer:**` with `B` below it
            line = labelled if answer is not None else line
            if answer is not None and kept and kept[-1] == lines[number - 1]:
                kept.pop()
        if answer is not None and answer.letters and draft.answer is None:
            draft.answer, draft.answer_node = with_named_options(draft.options, answer), node
            restating = any(restated_option(draft.options, said) for said in (lines[number], answer.said))
            _explain(draft, kept)
            kept = (
                [draft.answer.rest]
                if draft.answer.rest and not _NO_SECTION.fullmatch(draft.answer.rest)
                else []
            )
        elif answer is not None and not answer.letters and draft.answer is not None:
            said, why = named_with_reason(draft.options, answer.text)
            if not said or (why and set(said) == set(draft.answer.letters)):  # not the answer again
                kept.append(as_written(line, answer))  # `Solution: DynamoDB is …` explains it
        elif answer is not None and not answer.letters and draft.worded is None:
            draft.worded, draft.answer_node, draft.worded_line = answer, node, as_written(line, answer)
        else:
            kept.append(line)
    _explain(draft, kept)


def _left_empty(draft: Draft, read: Sequence[Node]) -> bool:
    """Whether the last block read after a question's options ends in its answer's label alone
    (``Answer:``) with nothing after it, the question still unanswered: the answer left empty."""
    last = paragraph_words(read[-1]).rpartition("\n")[2] if read else ""
    return draft.answer is None and draft.worded is None and bare_label(last.strip())


def _numbered_question(lines: list[str], node: Node) -> bool:
    """Whether ``lines`` open with a numbered question and its options (``Q2. Which …?``, ``A. …``)."""
    if not _numbered(lines[0].strip())[0]:
        return False
    found = lettered_lines(lines, node)
    return found is not None and found.head.startswith(lines[0].strip())


def _explain(draft: Draft, lines: list[str]) -> None:
    text = "\n".join(lines).strip()
    explained = explanation_start(text)
    text = explained if explained is not None else text
    if text:
        draft.explanation.append(text)


_ASKED_OVER_SPOILER = regex(rf"[^\n]*\?(?:\*\*|__)?[ \t]*(?:{SPOILER.pattern})")
"""A line that asks and hides its answer after its mark (``… scurvy? >!C!<``, ``**…?** ||Ganymede||``)."""


_WORDED = regex(r"[^\W\d_]{3}|\d")
"""A spoiler's words that answer in words (``Saturn``, ``1969``), not a letter alone (``C``)."""


def _asks_anew_in_summary(summary: str) -> bool:
    """Whether a ``<details>`` summary asks a question of its own (``Q2: …``, ``What is the largest …?``),
    not one that names what the block holds (``Correct option``, ``Rationale``, ``Why?``)."""
    return numbers_a_question(summary) or (summary.endswith("?") and len(summary.split()) >= _SUMMARY_ASKS)


_SUMMARY_ASKS = 4
"""Words at least in a summary that asks a question of its own (``Why?`` names an explanation)."""


def _read_details(ctx: Context, draft: Draft, nodes: Sequence[Node], index: int) -> int:
    """A collapsed ``<details>`` answer, possibly spread over several blocks; returns its last index."""
    details, end = _details_html(ctx, nodes, index)
    ctx.claim(*nodes[index : end + 1])
    answer = answer_in_details(details)
    if answer is None and draft.answer is None:
        answer = _ticked_again(details, draft.options)
    if answer is None and draft.answer is None and draft.worded is None:
        answer = worded_in_details(details)  # `##### Answer: 1` under `- 1: false`, `- 2: true`
    if answer is not None and answer.letters and draft.answer is None:
        draft.answer, draft.answer_node = with_named_options(draft.options, answer), nodes[index]
        _explain(draft, [draft.answer.rest])
    elif answer is not None and not answer.letters and draft.worded is None:
        draft.worded, draft.answer_node = answer, nodes[index]
        _explain(draft, [answer.rest])
    elif answer is None and (draft.answer is not None or draft.worded is not None or _ticked(draft)):
        # `<details><summary>Explanation</summary>` below the answer (or the ticked boxes): it explains
        draft.explanation += [text] if (text := details_text(details)) else []
    return end


def _ticked(draft: Draft) -> bool:
    """Whether an option is marked right where it is written (``- [x] …``, ``✅``): the answer."""
    return any(option.checked for option in draft.options)


def _ticked_in_solution(nodes: Sequence[Node], above: _Run, run: _Run) -> bool:
    """A checklist repeating the unticked one above, ticked now, at the top of a ``<details>`` block
    (``<summary>solution</summary>``): that question's answer, no question of its own."""
    opening = nodes[run.start - 1] if run.start else None
    folded = opening is not None and opening.type == "html_block" and "<details" in opening.content.lower()
    texts = [[plain(option.text) for option in found.options] for found in (above, run)]
    unticked = not any(option.checked for option in above.options)
    return folded and run.task and above.task and unticked and texts[0] == texts[1] and above.end < run.start


def _ticked_again(details: str, options: Sequence[DraftOption]) -> Answer | None:
    """The options ticked in a ``<details>`` block that repeats the question's checklist, what else it
    says explaining them; ``None`` when its ticked lines are not those options."""
    lines = _TASK_LINE.findall(details)
    if len(lines) != len(options) or [plain(text) for _, text in lines] != [plain(o.text) for o in options]:
        return None
    ticked = tuple(option.label for (tick, _), option in zip(lines, options, strict=True) if tick.strip())
    return Answer(ticked, details_text(_TASK_LINE.sub("", details))) if ticked else None


_TASK_LINE = regex(r"^[ \t]*[-*+][ \t]+\[([ xX])\][ \t]+(.+?)[ \t]*$", re.M)


def _details_html(ctx: Context, nodes: Sequence[Node], index: int) -> tuple[str, int]:
    """The ``<details>`` block opening at ``nodes[index]``, up to its ``</details>`` in any block below
    (what it hides written as it is), and the index of the block that closes it."""
    html: list[str] = []
    end = index
    for end in range(index, len(nodes)):
        node = nodes[end]
        html.append(node.content if node.type == "html_block" else ctx.doc.source(node))
        if node.type == "html_block" and "</details>" in node.content.lower():
            break
    return "\n\n".join(piece.strip("\n") for piece in html), end
