"""Question-like blocks no rule took: an answer line, a collapsed answer or a ``Question N`` heading
with no lettered options to belong to. Without a word here the question would just vanish."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence

from ccpkit.cornell import CUE_COLUMN, NOTES_COLUMN
from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import (
    LISTS,
    Block,
    heading_level,
    heading_text,
    item_words,
    nodes_below,
    paragraph_words,
)
from ccpkit.parse.option_marks import RADIO
from ccpkit.parse.rules.answers import (
    answer_in_details,
    answer_line,
    bare_label,
    numbers_a_question,
    plain,
    question_numbered,
    worded_letter,
)
from ccpkit.parse.rules.cards import DEFINING_WORDS, bold_fronts, bold_label, names_no_subject
from ccpkit.parse.rules.clozes import CLOZE_TAG, TAGGED_LINE
from ccpkit.parse.rules.flashcards import BLANK, SET_TO_RECALL, listed_question, marked_to_judge, studied
from ccpkit.parse.rules.options import asks, instructs
from ccpkit.parse.rules.questions import DUMP_HEADER, block_words, counts_the_list
from ccpkit.parse.rules.scenarios import opens_scenario
from ccpkit.parse.rules.terms import is_aside, line_term
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_NESTING = ("bullet_list", "ordered_list", "list_item", "blockquote")
_NO_OPTIONS = (
    "no options (two or more) found for this {what}: write the question's options as lines `A) …`, `B) …` "
    "(or a list `- A) …`) between its text and its answer"
)


_UNANSWERED = (
    "question with no options and no answer, among questions that have theirs: write its options "
    "(`- A) …`) and `**Answer:** X`, or its answer in words (`Answer: …`)"
)


_NAMES_NO_ITEM = (
    "this answer names none of the items of the list above it, so no question was made: write it as "
    "one item's words, or letter the items (`- A) …`) and give the letter"
)
_COUNTS_THE_LIST = (
    "this answer counts the list above it, so no question was made: write the answer right under the "
    "question, above the list, for a card that asks how many"
)


def check_stray_answers(ctx: Context) -> Iterator[Item | Problem]:
    """A warning at each answer naming letters that no question took (it was left out). Run before the
    card rules, which would take its letters for a card's back."""
    above = None
    for block in ctx.doc.blocks:
        if not _judged_above(above, block.node):
            yield from _strays(ctx, block.node, _stray_answer)
        above = block.node


def check_question_headings(ctx: Context) -> Iterator[Item | Problem]:
    """A warning at each ``Question N`` heading over a question no rule took, and at each item of a
    list of questions that asks and became nothing. Run after every rule that makes items: a question
    answered in words is a card."""
    blocks = ctx.doc.blocks
    for index, block in enumerate(blocks):
        titles = _titles_question_below(ctx, blocks, index)
        yield from _strays(ctx, block.node, _worded_answer_left if titles else _stray_heading_or_answer)
        yield from _unanswered_items(ctx, block.node)
    nodes = [block.node for block in blocks]
    yield from _sets_to_recall(ctx, blocks)
    yield from _answers_under_lists(ctx, nodes)
    yield from _headed_questions_left(ctx, nodes)
    yield from _unanswered_headings(ctx, blocks)
    yield from _unlabelled_answers(ctx, nodes)
    yield from _filled_in_forms(ctx, nodes)
    yield from _lone_bold_terms(ctx, nodes)
    yield from _labels_under_no_subject(ctx, blocks)
    yield from _bracketless_clozes(ctx, nodes)
    yield from _cue_sections(ctx, blocks)


_UNANSWERED_HEADING = (
    "heading that asks a question over notes that became no card: write its answer as a paragraph "
    "right under it (code may go on with it, and a list under a title naming questions to study, "
    "`## Interview questions`), or word the heading as a topic"
)
_NO_ANSWER_BELOW_RULE = (
    "question over a `---` line with no answer below it (a card's sides, as Mochi parts them): write its "
    "answer under the `---`"
)
_SHORT_SECTION = 6
"""At most this many blocks under a heading that asks read as its answer; more are a section of notes."""


def _unanswered_headings(ctx: Context, blocks: Sequence[Block]) -> Iterator[Problem]:
    """A warning at a heading that asks (``### How do you list branches?``, or holds a blank to fill)
    over a short section of which no rule took anything: its answer, if that is what the section
    holds, became no card."""
    for index, block in enumerate(blocks):
        heading = block.node
        if heading.type != "heading" or heading.tag == "h1" or ctx.is_claimed(heading):
            continue
        asked = plain(heading_text(heading)).rstrip("*_ ")  # (``plain`` takes a blank's `___` for emphasis)
        blank = BLANK.search(heading_text(heading)) is not None  # `## The cell's fluid is the ______.`
        if not (asked.endswith(("?", "\uff1f")) or blank) or numbers_a_question(heading_text(heading)):
            continue  # a `Question N` heading has a warning of its own
        if is_aside(asked):
            continue  # `### Did you know?` over a fact: a sidebar's title, asking nothing
        section = nodes_below(blocks, index)
        taken = any(ctx.is_claimed(inner) for node in section for inner in node.walk())
        taken = taken or _answered_by_item(ctx, heading, section)
        answered = any(map(_holds_answer, section))  # an answer line left has a warning of its own
        tabled = bool(section) and section[0].type == "table"  # `… differences between TCP and UDP?`
        tabled = tabled or [node.type for node in section] == ["paragraph", "table"]  # `Compared below.`
        if section and len(section) <= _SHORT_SECTION and not taken and not answered and not tabled:
            yield Problem(ctx.at(heading), _UNANSWERED_HEADING, "warning")
        elif heading.markup == "-" and (index + 1 == len(blocks) or _ends(blocks[index + 1].node, heading)):
            yield Problem(ctx.at(heading), _NO_ANSWER_BELOW_RULE, "warning")  # Mochi's `…?` over `---` alone


def _answered_by_item(ctx: Context, heading: Node, section: Sequence[Node]) -> bool:
    """Whether an item was made from ``heading`` (a card of the labels under it) or from the block right
    under it, where its answer stands (``- **One-line definition:** …`` over more such lines), with no
    paragraph below that no rule took (the answer in words, under terms that became cards)."""
    first = section[0].map if section and section[0].map else None
    last = first[1] if first is not None else heading.line
    made = any(heading.line <= line <= last for line in ctx.made_at)
    return made and not any(node.type == "paragraph" and not ctx.is_claimed(node) for node in section[1:])


_UNLABELLED_ANSWER = (
    "numbered question over an answer with no `A:` label, so no card was made: write `A: ` before its answer"
)
_MARKS = regex(r"(?i)\(|.*\bmarks?\b")
"""A line under a question that says what it is worth (``(10 marks) Use a diagram``): a worksheet's."""


def _unlabelled_answers(ctx: Context, siblings: Sequence[Node]) -> Iterator[Problem]:
    """A warning at a line numbered as a question that asks (``Q3. Which …?``, ``Question 5: Explain …``),
    not in bold, alone on its paragraph, over a paragraph no rule took either: an answer with no label
    became no card, where an agenda's ``Q1. Budget`` over its minutes asks nothing."""
    for asked, below in itertools.pairwise(siblings):
        line = asked.children[0].content if asked.type == "paragraph" else ""
        bold = line.startswith(("**", "__"))  # a question in bold: its rules' (and their warnings)
        words = question_numbered(line) if "\n" not in line and not bold else None
        if (
            words is not None
            and (words.rstrip("*_ ").endswith(("?", "\uff1f")) or instructs(words))
            and below.type == "paragraph"
            and not numbers_a_question(below.children[0].content)
            and not _MARKS.match(below.children[0].content)
            and not ctx.is_claimed(asked)
            and not ctx.is_claimed(below)
        ):
            yield Problem(ctx.at(asked), _UNLABELLED_ANSWER, "warning")


_FILLED_IN_FORM = (
    "radio buttons under words that ask, one of them marked, read as a filled-in form, so no question was "
    "made: write its answer below them (`Answer: B`) to make it one"
)


def _filled_in_forms(ctx: Context, siblings: Sequence[Node]) -> Iterator[Problem]:
    """A note (``info``: a survey's is no mistake) at words that ask over a list of radio buttons, one
    marked, that no rule took: a quiz's question and answer or a survey filled in, the same on the
    page; unsaid, a quiz's question would vanish from the deck."""
    for asked, below in itertools.pairwise(siblings):
        if asked.type != "paragraph" or below.type != "bullet_list" or ctx.is_claimed(below):
            continue
        radios = [RADIO.fullmatch(item_words(item)) for item in below.children]
        worded = [radio for radio in radios if radio is not None and radio["text"]]  # `( ) 3`, `(X) 4`
        marked = [radio for radio in worded if radio["mark"].strip()]
        if (
            len(radios) >= 2
            and len(worded) == len(radios)
            and len(marked) == 1
            and asks(paragraph_words(asked))
        ):
            yield Problem(ctx.at(asked), _FILLED_IN_FORM, "info")


_LONE_BOLD_TERM = (
    "a bold term and its definition, the only one in this file, made no card (alone, it may be a "
    "paragraph's bold opening): for a card write it `{front}::…`"
)
_DIGIT = regex(r"\d")
"""A name with a number (``Answers 1-2``, ``Step 3``) is a series' part or a key's, no term."""


def _lone_bold_terms(ctx: Context, siblings: Sequence[Node]) -> Iterator[Problem]:
    """A warning at a paragraph of one line that opens with a bold term and defines it (``**Salt
    wedge**: Dense sea water under river water.``), the only such line of its file, that no rule took:
    a card the student meant would vanish unsaid."""
    if bold_fronts(ctx.doc.lines).total() != 1:
        return  # beside others, the cards rule reads a lone one (`_lone_terms`)
    for node in siblings:
        made = ctx.is_claimed(node) or ctx.doc.line_of(node) in ctx.made_at
        words = node.children[0].content if node.type == "paragraph" and not made else "\n"
        term = None if "\n" in words or opens_scenario(words) else line_term(words)
        if term is not None and len(term.rest.split()) >= DEFINING_WORDS and not _DIGIT.search(term.front):
            yield Problem(ctx.at(node), _LONE_BOLD_TERM.format(front=term.front), "warning")


_LABEL_UNDER_NO_SUBJECT = (
    "bold label `{label}` under `{heading}`, a heading that names no subject, made no card: write it "
    "as a card naming whose {lower} it is (`… {lower}::…`), or under that subject's heading"
)


def _labels_under_no_subject(ctx: Context, blocks: Sequence[Block]) -> Iterator[Problem]:
    """A warning at a paragraph (or a lone bullet) of one bold label's line (``**Cost**: pay per
    hour.``), alone under a heading that names no subject (``## Summary``, ``## Key points``), of which
    no card was made, nor the heading's: whose it is nothing says, and it would vanish unsaid (a bullet
    naming a thing, ``- **Cost**: …``, is a card as written). An aside's (``**Tip**: …``) remarks on
    the notes."""
    lone = bold_fronts(ctx.doc.lines).total() == 1  # a lone bold term has a warning of its own
    for index, block in enumerate(blocks):
        node, heading = block.node, block.heading
        words = _one_line(node) if heading is not None else ""
        if not words.startswith(("**", "__")) or "\n" in words or ctx.is_claimed(node):
            continue  # most blocks
        label = bold_label(words)
        alone = (
            index > 0
            and blocks[index - 1].node is heading
            and (index + 1 == len(blocks) or blocks[index + 1].node.type == "heading")
        )  # `**Use case:** we migrated …` over more of the story is prose's bold opening
        if (
            label is None
            or not alone
            or len(label.rest.split()) < DEFINING_WORDS
            or is_aside(label.front)
            or (lone and line_term(words) is not None)
            or heading is None
            or not names_no_subject(heading_text(heading))
            or {ctx.doc.line_of(heading), ctx.doc.line_of(node)} & ctx.made_at
        ):
            continue
        message = _LABEL_UNDER_NO_SUBJECT.format(
            label=label.front, heading=heading_text(heading), lower=label.front.lower()
        )
        yield Problem(ctx.at(node), message, "warning")


def _one_line(node: Node) -> str:
    """A paragraph's words, or those of a list's one item of one paragraph (``- **Cost**: …``)."""
    if node.type in LISTS and len(node.children) == 1 and len(node.children[0].children) == 1:
        node = node.children[0].children[0]
    return node.children[0].content if node.type == "paragraph" else ""


_CUE_SECTION = (
    "Cornell cues in a section of their own, apart from their notes, made no card (nothing pairs a cue "
    "with its notes): write the page as a table `| Cue | Notes |`, a cue and its notes on each row, or "
    "each cue as `Q: …` over its answer `A: …`"
)


def _cue_sections(ctx: Context, blocks: Sequence[Block]) -> Iterator[Problem]:
    """A warning at a Cornell page's cue heading (``## Cues``) over questions that no rule took, with
    the notes under a heading of their own further on (``## Notes``), as note templates lay the page out
    in sections: which notes answer which cue, nothing says, and the cues would vanish unsaid."""
    headings = [(index, block.node) for index, block in enumerate(blocks) if block.node.type == "heading"]
    for at, (index, heading) in enumerate(headings):
        if not CUE_COLUMN.fullmatch(heading_text(heading)) or ctx.is_claimed(heading):
            continue
        later = [node for _, node in headings[at + 1 :] if node.tag == heading.tag]
        if not later or not NOTES_COLUMN.fullmatch(heading_text(later[0])):
            continue
        section = nodes_below(blocks, index)
        taken = any(ctx.is_claimed(inner) for node in section for inner in node.walk())
        if not taken and any(_asks_in(node) for node in section):
            yield Problem(ctx.at(heading), _CUE_SECTION, "warning")


def _asks_in(node: Node) -> bool:
    """Whether a block holds a line that asks (``What builds a delta?``), in a list or a paragraph."""
    return any(
        line.rstrip().endswith(("?", "\uff1f"))
        for inner in node.walk()
        if inner.type == "inline"
        for line in inner.content.split("\n")
    )


_BRACKETLESS_CLOZE = (
    "cloze `C:` with no words in square brackets, so no card was made: mark the words to hide with "
    "brackets (`C: The [Nile] is the longest river.`), each bracket a card"
)


def _bracketless_clozes(ctx: Context, siblings: Sequence[Node]) -> Iterator[Problem]:
    """A warning at a paragraph tagged as hashcards' cloze (``C: The Nile is …``) that no rule took,
    in a quote too, or at a bullet of a list whose every bullet is so tagged: with no words in brackets
    it hides nothing, and the card meant would vanish unsaid. An option lettered ``C:`` after one
    lettered ``B:`` is a question's, with warnings of its own; a bullet among others that name things
    (``- Rust: …``, ``- C: …``) names the language."""
    if any(TAGGED_LINE.match(line) for line in ctx.doc.lines if "C:" in line):  # most files: no tag
        yield from _bracketless_among(ctx, siblings)


def _bracketless_among(ctx: Context, siblings: Sequence[Node]) -> Iterator[Problem]:
    for at, node in enumerate(siblings):
        if node.type == "blockquote":
            yield from _bracketless_among(ctx, node.children)
        elif node.type in LISTS and not ctx.is_claimed(node):
            firsts = [item.children[0] if item.children else None for item in node.children]
            if all(first is not None and _tagged(first) for first in firsts):
                yield from _bracketless_among(ctx, [first for first in firsts if first is not None])
        text = node.children[0].content if node.type == "paragraph" and not ctx.is_claimed(node) else ""
        before = siblings[at - 1] if at else None
        option = before is not None and before.type == "paragraph" and before.children[0].content[:2] == "B:"
        if CLOZE_TAG.match(text) and not option:
            yield Problem(ctx.at(node), _BRACKETLESS_CLOZE, "warning")


def _tagged(paragraph: Node) -> bool:
    """Whether a paragraph opens with hashcards' cloze tag (``C: …``)."""
    return paragraph.type == "paragraph" and CLOZE_TAG.match(paragraph.children[0].content) is not None


def _answers_under_lists(ctx: Context, siblings: Sequence[Node]) -> Iterator[Problem]:
    """A warning at an answer in words under a list under words that ask (a paragraph or a heading), all
    three left by every rule (``Which is the largest planet?``, ``- Mars``, ``- Venus``, ``Answer:
    Jupiter``): the answer names no item, or counts them (``How many …?``, ``Answer: 3``), and the
    question became nothing."""
    for asked, listed, answered in zip(siblings, siblings[1:], siblings[2:], strict=False):
        if (
            listed.type in LISTS
            and answered.type == "paragraph"
            and not any(ctx.is_claimed(node) for node in (asked, listed, answered))
            and asks(block_words(asked))
        ):
            answers = filter(None, map(answer_line, answered.children[0].content.split("\n")))
            answer = next(answers, None)
            if answer is not None and not answer.letters:
                counted = counts_the_list(asked, answer, listed)
                yield Problem(ctx.at(answered), _COUNTS_THE_LIST if counted else _NAMES_NO_ITEM, "warning")
    for node in siblings:
        if node.type in LISTS:
            for item in node.children:
                yield from _answers_under_lists(ctx, item.children)
        elif node.type == "blockquote":
            yield from _answers_under_lists(ctx, node.children)


_SET_ANSWERED = (
    "question answered by a list, so no card was made: a set to recall makes no card; "
    "ask for one item per card, or write the answer as a sentence with each item in a cloze (`{{c1::…}}`)"
)


def _sets_to_recall(ctx: Context, blocks: Sequence[Block]) -> Iterator[Problem]:
    """A warning at each item of a list of questions to study (under a title that says so, or beside
    questions that became cards) that asks over nothing but a list (``1. What are the three pillars
    of …?`` over three bullets) and that no rule took: a set to recall, which is no card, left out;
    and at a paragraph numbered as such a question over such a list (``Q4. List the three …``), which
    needs no title to say so. Whether each item was taken is asked once, for both tests."""
    for block in blocks:
        questions = block.node
        if questions.type not in LISTS or ctx.is_claimed(questions):
            continue
        taken = {id(item): any(ctx.is_claimed(inner) for inner in item.walk()) for item in questions.children}
        if not (any(taken.values()) or studied(ctx, block.section)):
            continue  # most lists: asked first, as it is cheaper than asking each item whether it asks
        asking = [item for item in questions.children if _asks_or_tells(item)]
        if len(asking) < 2 and not (asking and studied(ctx, block.section)):
            continue  # one question over a list among notes: a heading's, as often
        for item in asking:
            first, *below = item.children
            if not taken[id(item)] and (message := _set_left(first, below)) is not None:
                yield Problem(ctx.at(item), message, "warning")
    nodes = [block.node for block in blocks]
    for asked, listed, after in zip(nodes, nodes[1:], [*nodes[2:], None], strict=False):
        if listed.type not in LISTS or not _numbered_question(ctx, asked):
            continue  # most blocks: over no list
        if after is None or not _holds_answer(after):  # an answer below has a warning of its own
            listed_taken = any(ctx.is_claimed(inner) for inner in listed.walk())
            if not listed_taken and (message := _set_left(asked, [listed])) is not None:
                yield Problem(ctx.at(asked), message, "warning")  # `Q4. List the three …` over bullets


def _asks_or_tells(item: Node) -> bool:
    """Whether a list item asks (``What are the …?``) or says what to answer (``Name the gases …``)."""
    if listed_question(item) is not None:
        return True
    first = item.children[0] if item.children else None
    return first is not None and first.type == "paragraph" and instructs(_first_line(first))


def _headed_questions_left(ctx: Context, nodes: Sequence[Node]) -> Iterator[Problem]:
    """A warning at a dump's question header no rule took (``QUESTION NO: 2 DRAG DROP`` over its task):
    a question with no options, whose answer, if any, is no line with letters (which warns of its own).
    A plain ``Question 1`` warns only in a file where other questions under such headers were read: an
    essay paper's have no options to find."""
    headers = {
        id(node) for node in nodes if node.type == "paragraph" and DUMP_HEADER.match(node.children[0].content)
    }
    others_read = any(ctx.is_claimed(node) for node in nodes if id(node) in headers)
    for node, below in zip(nodes, [*nodes[1:], None], strict=False):
        if id(node) not in headers or ctx.is_claimed(node):
            continue
        if not (others_read or _dump_shaped(node.children[0].content)):
            continue
        answered_below = below is not None and below.type == "paragraph" and _answers(_first_line(below))
        if not _answers(node.children[0].content) and not answered_below:
            yield Problem(ctx.at(node), _NO_OPTIONS.format(what="question"), "warning")


def _dump_shaped(text: str) -> bool:
    """Whether a question header is as only dumps write one: ``QUESTION NO: 2``, ``NEW QUESTION 3``, or
    with the kind of question in capitals after it (``DRAG DROP``, ``HOTSPOT`` on the line below)."""
    header, _, below = text.partition("\n")
    kind = below.partition("\n")[0].strip()
    return bool(_DUMP_WORDS.search(header) or _KIND.search(header) or _KIND.fullmatch(kind))


_DUMP_WORDS = regex(r"(?i)\bnew\s+\w|\bno\b")
"""``NEW QUESTION``, ``QUESTION NO``: a dump's words for its question's number."""
_KIND = regex(r"(?<![^\d\s.):*_])[A-Z]{2,}(?:[ \t]+[A-Z]{2,})*[ \t]*$")
"""A kind of question in capitals (``DRAG DROP``, ``HOTSPOT``), alone or at the end after the number."""


def _first_line(paragraph: Node) -> str:
    return plain(paragraph.children[0].content.partition("\n")[0]).strip()


def _numbered_question(ctx: Context, node: Node) -> bool:
    """Whether a paragraph no rule took opens with a question's number and asks, or says what to
    answer (``Q4. List the three …``, ``Question 2: Which …?``)."""
    if node.type != "paragraph" or ctx.is_claimed(node):
        return False
    words = question_numbered(_first_line(node))
    return words is not None and (words.rstrip("*_ ").endswith(("?", "\uff1f")) or instructs(words))


def _set_left(first: Node, below: Sequence[Node]) -> str | None:
    """The warning at a question's paragraph (a list item's, or one numbered as a question, ``Q4. List
    …``), its one line over nothing but lists (``below``), no answer of its own or an answer's label
    alone between (``Answer:`` over the list); ``None`` at any other."""
    if first.type != "paragraph":
        return None
    lines = first.children[0].content.strip().split("\n")
    if not below or not all(node.type in LISTS for node in below) or len(lines) > 2:
        return None
    if len(lines) == 2:
        return _SET_ANSWERED if bare_label(lines[1].strip()) else None
    return None if any(map(_holds_answer, [first, *below])) else SET_TO_RECALL


def _unanswered_items(ctx: Context, node: Node) -> Iterator[Problem]:
    """A warning at each item that asks (``2. Which …?``) of a numbered list some of whose other items
    became questions or cards, when no rule took anything of it: its options or answer are missing."""
    if node.type != "ordered_list" or not ctx.is_claimed(node):
        return
    taken = [any(ctx.is_claimed(inner) for inner in item.walk()) for item in node.children]
    if not any(taken):
        return
    for item, was_taken in zip(node.children, taken, strict=True):
        first = item.children[0] if item.children else None
        if was_taken or first is None or first.type != "paragraph" or _holds_answer(item):
            continue  # an answer with no options has a warning of its own
        if first.children[0].content.partition("\n")[0].rstrip().endswith("?"):
            yield Problem(ctx.at(item), _UNANSWERED, "warning")


def _holds_answer(item: Node) -> bool:
    return any(
        answer_line(line) is not None
        for node in item.walk()
        if node.type == "inline"
        for line in node.content.split("\n")
    )


def _titles_question_below(ctx: Context, blocks: Sequence[Block], index: int) -> bool:
    """Whether the block is a ``Question N`` heading over a question a rule took: one written under
    headings of its own (``## Question 3`` over ``### Question``, ``### Options``), or one every block
    of which was taken (a question answered in words is a card)."""
    heading = blocks[index].node
    if heading.type != "heading" or ctx.is_claimed(heading) or not numbers_a_question(heading_text(heading)):
        return False
    section = [
        block.node
        for block in itertools.takewhile(lambda block: not _ends(block.node, heading), blocks[index + 1 :])
    ]
    if any(node.type == "heading" and ctx.is_claimed(node) for node in section):
        return True
    return bool(section) and all(ctx.is_claimed(node) for node in section)


def _ends(node: Node, heading: Node) -> bool:
    """Whether ``node`` is a heading that ends ``heading``'s section."""
    return node.type == "heading" and heading_level(node) <= heading_level(heading)


def _strays(ctx: Context, node: Node, stray: Callable[[Node], str | None]) -> Iterator[Problem]:
    """A warning at each block at or in ``node`` no rule took that ``stray`` names (what it is)."""
    if ctx.is_claimed(node):
        if node.type in ("bullet_list", "ordered_list"):  # a list of questions: an item none of them took
            for item in node.children:
                untaken = not any(ctx.is_claimed(child) for child in item.children)
                if len(item.children) > 1 and untaken and not ctx.is_claimed(item):
                    yield from _strays(ctx, item, stray)
        return
    if node.type in _NESTING:
        for above, child in zip((None, *node.children), node.children, strict=False):
            if not _judged_above(above, child):
                yield from _strays(ctx, child, stray)
    elif (what := stray(node)) is not None:
        yield Problem(ctx.at(node), _NO_OPTIONS.format(what=what), "warning")


def _stray_answer(node: Node) -> str | None:
    if (
        node.type == "paragraph"
        and _answers(node.children[0].content)
        and not _judged(node.children[0].content)
    ):
        return "answer"
    if node.type == "html_block" and "<details" in node.content.lower():
        answer = answer_in_details(node.content)
        return "collapsed answer" if answer is not None and answer.letters else None
    return None


def _judged(text: str) -> bool:
    """A statement to judge over its verdict in a letter (``… (T/F)`` over ``**Answer:** F``): the
    letter says false, no option's letter; the flashcards rule makes the card."""
    lines = text.split("\n")
    verdicts = [answer.letters for line in lines if (answer := answer_line(line)) is not None]
    return any(map(marked_to_judge, lines)) and all(letters in _VERDICT_LETTERS for letters in verdicts)


_VERDICT_LETTERS = (("T",), ("F",))


def _judged_above(above: Node | None, node: Node) -> bool:
    """An answer's paragraph under the paragraph of a statement to judge (``… True / False``, then
    ``Answer: F`` after a blank line), as ``_judged`` reads them in one paragraph."""
    if above is None or above.type != "paragraph" or node.type != "paragraph":
        return False
    return _judged(f"{above.children[0].content}\n{node.children[0].content}")


def _worded_answer_left(node: Node) -> str | None:
    """An answer whose letter may be a word (``Answer: A CloudFront …``, ``Answer: B-tree``) that no
    rule took, not even as words: its options, if any, were not found."""
    if node.type != "paragraph":
        return None
    return "answer" if _names_letters(node.children[0].content, worded=True) else None


def _stray_heading(node: Node) -> str | None:
    return "question heading" if node.type == "heading" and numbers_a_question(heading_text(node)) else None


def _stray_heading_or_answer(node: Node) -> str | None:
    return _stray_heading(node) or _worded_answer_left(node)


def _answers(text: str) -> bool:
    return _names_letters(text, worded=False)


def _names_letters(text: str, *, worded: bool) -> bool:
    """Whether a line of ``text`` answers with letters, their first one reading as a word (``Answer: A
    NAT gateway``, ``B-tree``) or not, as ``worded`` asks. Whether it answers is asked first, and kept:
    the pass for worded answers reads the lines the pass for the others read, and few lines answer."""
    return any(
        (answer := answer_line(line)) is not None
        and answer.letters
        and (worded_letter(line) is not None) == worded
        for line in text.split("\n")
    )
