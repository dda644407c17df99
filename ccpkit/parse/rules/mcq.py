"""Multiple-choice questions: stems, options, answers (inline, collapsed or in an answer key)."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import partial

from ccpkit.errors import Problem
from ccpkit.item_ids import HTML_TAG
from ccpkit.model import MCQ, Item, Option
from ccpkit.parse.context import Context
from ccpkit.parse.details import CLOSING, SUMMARY, closes_details, hidden_markdown
from ccpkit.parse.document import TRAILING_TAGS, Block, heading_level, heading_text, nodes_below
from ccpkit.parse.rules.answer_lists import recalled, verdict_in_words, word_bank_gaps
from ccpkit.parse.rules.answers import (
    ANSWER_COLUMN,
    QUESTION,
    Answer,
    KeyEntry,
    after_key_title,
    answer_line,
    bare_label,
    callout,
    explanation_start,
    is_key_title,
    is_question_id,
    key_cell_answer,
    key_entries_on_a_line,
    key_entry,
    letters_after_both,
    letters_in_capitals,
    names_answers,
    numbered_explanation,
    numbers_a_question,
    plain,
    question_id,
    unpadded,
    worded_after_key_title,
)
from ccpkit.parse.rules.edx_problems import edx_problems
from ccpkit.parse.rules.field_questions import field_questions
from ccpkit.parse.rules.flashcards import judged_in_the_titles_words, marked_to_judge
from ccpkit.parse.rules.mdx_quizzes import mdx_quizzes
from ccpkit.parse.rules.options import (
    DraftOption,
    answers_asked,
    asks,
    digits_of_statements,
    lettered_grid,
    misnamed,
    named_option,
    named_with_reason,
    spelled_letters,
    unstressed,
    with_named_options,
)
from ccpkit.parse.rules.question_tables import table_columns, table_questions
from ccpkit.parse.rules.questions import (
    Draft,
    find_questions,
    item_number,
    item_numbers,
    one_paragraph,
    stem_number,
)
from ccpkit.parse.rules.r_exams import r_exercises
from ccpkit.parse.rules.review_pastes import review_questions
from ccpkit.parse.rules.scenarios import share_scenarios, share_setups
from ccpkit.parse.rules.sub_questions import answered_parts, roman_parts
from ccpkit.parse.rules.terms import split_term
from ccpkit.parse.rules.typed_answers import typed_answers
from ccpkit.parse.tree import Node
from ccpkit.regex import regex


def extract_mcqs(ctx: Context) -> Iterator[Item | Problem]:
    """Every question of the file, checked: answers among the options, option letters unique."""
    worded: list[Node] = []
    keys = list(_answer_keys(ctx, worded))
    explanations = [entry for entry in keys if entry.explains]
    keys = [entry for entry in keys if not entry.explains]
    gaps, keys = word_bank_gaps(ctx, keys)  # `(1) ______` under a word bank, `1 - B`: a card per blank
    yield from gaps
    in_words = [(number, words) for node in worded for number, _, words in _numbered_answers(node)]
    keyed = [(entry.question, entry.answer.said or " ".join(entry.answer.letters)) for entry in keys]
    for number, words in [*keyed, *in_words]:
        ctx.worded_key.setdefault(unpadded(number), Answer((), "", words))  # `1. A/B test, because …`
    blocks = ctx.doc.blocks
    drafts: list[Draft] = []
    for found in itertools.chain(
        table_questions(ctx), edx_problems(ctx), r_exercises(ctx), mdx_quizzes(ctx), typed_answers(ctx)
    ):
        if isinstance(found, Draft):
            drafts.append(found)
        else:
            yield found
    drafts += review_questions(ctx)
    drafts += field_questions(ctx)
    drafts += find_questions(ctx, [b.node for b in blocks], [b.section for b in blocks])
    drafts.sort(key=lambda draft: ctx.doc.line_of(draft.start))
    drafts, parts = answered_parts(ctx, drafts)  # before a list of answers is taken for a case's words
    yield from parts
    yield from roman_parts(ctx)
    drafts = _with_listed_context(ctx, drafts)
    starts = [ctx.doc.line_of(draft.start) for draft in drafts]
    groups = _key_groups(ctx, starts, keys)
    _counted_by_keys(ctx, drafts, starts, groups)
    by_id: dict[str, list[Draft]] = {}
    for draft in drafts:
        by_id.setdefault(unpadded(draft.question), []).append(draft)
    section_of = _sections(ctx)
    floor = -1  # where the key before ends: its questions are above it
    verdicts: list[KeyEntry] = []  # `2. F` under `1. T`: a statement's verdict, read with the words
    for group in groups:
        for entry in group:
            namesakes = _of_section(_namesakes(by_id, entry), section_of(entry.node))
            if not _apply_key(ctx, namesakes, entry, floor) and not ctx.answers_elsewhere:
                if _VERDICT_LETTER.fullmatch(entry.answer.said):
                    verdicts.append(entry)
                    continue
                yield _unmatched_key_entry(ctx, entry.node, entry.question)
            elif (disagreeing := _disagreeing(ctx, namesakes, entry, floor)) is not None:
                said = ", ".join(entry.answer.letters)
                message = (
                    f"answer key entry {entry.question} says {said} but the question answers "
                    f"{', '.join(disagreeing)} where it is asked: it keeps that; correct one of them"
                )
                yield Problem(ctx.at(entry.node), message, "warning")
        floor = ctx.doc.line_of(group[-1].node)
    _answers_in_order(drafts)
    if ctx.key_elsewhere is not None:
        yield from _apply_key_elsewhere(ctx, by_id)
    judged: set[int] = set()
    for answers in worded:
        unasked = _answer_in_words(ctx, by_id, answers, section_of(answers))
        judged.update(id(item) for _, item, _ in unasked)
        yield from _asked_in_words(ctx, answers, unasked)
    for entry in verdicts:
        if id(entry.node) not in judged:
            yield _unmatched_key_entry(ctx, entry.node, entry.question)
    for entry in explanations:  # after the answers in words: an item that answers explains nothing more
        yield from _explain_answered(
            ctx, _of_section(_namesakes(by_id, entry), section_of(entry.node)), entry
        )
    listed_key = any(node.type == "ordered_list" for node in worded)  # a key's list, not read as letters
    if listed_key or ctx.key_elsewhere is not None:
        for draft in drafts:
            _unmarked_in_bold(draft)
    yield from share_scenarios(ctx, drafts)
    share_setups(drafts)
    for draft in drafts:
        yield from _finish(ctx, draft)
    yield from _ordering_cards(ctx)
    yield from _lettered_verdicts(ctx)
    yield from _statement_grids(ctx)


def _key_groups(ctx: Context, starts: Sequence[int], keys: Sequence[KeyEntry]) -> list[list[KeyEntry]]:
    """The keys' entries, a list per key: questions starting (at ``starts``) between two entries
    part two keys."""
    groups: list[list[KeyEntry]] = []
    previous = -1
    for entry in keys:
        line = ctx.doc.line_of(entry.node)
        if not groups or bisect_left(starts, line) > bisect_right(starts, previous):
            groups.append([])  # questions between: another key
        groups[-1].append(entry)
        previous = line
    return groups


def _counted_by_keys(
    ctx: Context, drafts: Sequence[Draft], starts: Sequence[int], groups: Sequence[list[KeyEntry]]
) -> None:
    """Number the questions written with no number by the key below them, when it counts them: entries
    ``1``, ``2`` … as many as the questions since the key before it, none of them numbered (a worked
    example answered where it is asked not counted)."""
    floor = -1
    for group in groups:
        first = ctx.doc.line_of(group[0].node)
        since = drafts[bisect_right(starts, floor) : bisect_left(starts, first)]
        floor = ctx.doc.line_of(group[-1].node)
        unanswered = [draft for draft in since if not _answered(draft)]
        asked = since if len(group) == len(since) else unanswered
        counted = [entry.question for entry in group] == [str(n) for n in range(1, len(asked) + 1)]
        if asked and counted and not any(draft.question for draft in since):
            for number, draft in enumerate(asked, 1):
                draft.question = str(number)


def _namesakes(by_id: Mapping[str, list[Draft]], entry: KeyEntry) -> list[Draft]:
    """The questions a key's entry may answer: those of its number, as a list of items all typed ``1.``
    counts it, or, none having that number, as it is typed (sections of one question each, numbered 1)."""
    counted = by_id.get(unpadded(entry.question), [])
    return counted if counted or not entry.written else by_id.get(unpadded(entry.written), [])


def _sections(ctx: Context) -> Callable[[Node], str]:
    """The title of the section a node of the file is in (a block, or a list item inside one)."""
    blocks = ctx.doc.blocks
    starts = [ctx.doc.line_of(block.node) for block in blocks]

    def section_of(node: Node) -> str:
        index = bisect_right(starts, ctx.doc.line_of(node)) - 1
        section = blocks[index].section if index >= 0 else ()
        return section[-1].strip().casefold() if section else ""

    return section_of


def _of_section(drafts: list[Draft], title: str) -> list[Draft]:
    """The questions of a section titled as the key's section of an entry (``### True/False`` in the
    key answers ``## True/False``, where numbers start again in each; ``### Compute`` answers ``## Set
    2: Compute``) or that the key's title names (``## Post-test answers`` answers ``## Post-test``),
    when there are such; else all."""
    names = _title_names(title) | _title_names(_NAMING_ANSWERS.sub(" ", title))
    named = [draft for draft in drafts if draft.section and _title_names(draft.section[-1]) & names]
    return named if named else drafts


def _title_names(title: str) -> set[str]:
    """What a section's title names it by: the whole title, and each side of a colon or dash in it
    (``Set 2: Compute`` is ``set 2`` and ``compute`` too), case and punctuation at the ends aside."""
    whole = title.strip(" :\u2013\u2014-").casefold()
    return {whole, *(part for part in (side.strip() for side in _TITLE_PARTS.split(whole)) if part)} - {""}


_TITLE_PARTS = regex(r"\s*[:\u2013\u2014]\s*|\s+-\s+")


_NAMING_ANSWERS = regex(r"(?i)\b(?:answers?(?:\s+key)?|solutions?|key)(?:\s+(?:to|for)(?:\s+the)?)?\b")
"""The words of a key's title that name it a key: ``Post-test answers``, ``Answers to the quiz``."""


_IN_ORDER = regex(
    r"^\W*(?:the\s+)?(?:correct\s+)?answers\s*[:=\u2013\u2014-]\s*(?P<letters>[A-H](?:(?:\s*[,;/])?\s*[A-H])+)\W*$",
    re.I,
)
"""``**Answers:** B, A, C``: a letter for each question above, in order, and no question numbers. (Its
separator and the spaces before it are one optional group: two runs of spaces side by side would
try every split of a long run, as a PDF pastes one, for each letter.)"""


def _answers_in_order(drafts: list[Draft]) -> None:
    """Give the letters of an ``Answers:`` line that the last question took for its own to it and the
    questions right above it that have no answer, one each in order, when there are as many of them
    (a question wanting several answers says so: ``Choose two``, ``Which of these are …?``)."""
    for index, draft in enumerate(drafts):
        node = draft.answer_node
        found = (
            _IN_ORDER.match(plain(node.children[0].content)) if node and node.type == "paragraph" else None
        )
        letters = re.findall(r"[A-H]", found["letters"].upper()) if found else []
        if len(letters) < 2 or len(letters) > index + 1 or answers_asked(draft.stem) is not None:
            continue
        if _ASKS_FOR_SEVERAL.search(draft.stem):
            continue  # `Which of these are …?` over `Answers: A, C`: its own answers
        run = drafts[index + 1 - len(letters) : index + 1]
        if any(_answered(above) or above.section != draft.section for above in run[:-1]):
            continue
        for asked, letter in zip(run, letters, strict=True):
            asked.answer, asked.answer_node = Answer((letter,), ""), node


_ASKS_FOR_SEVERAL = regex(
    r"(?i)\bwhich\s+(?:of\s+(?:these|those|the\s+following)\s+)?(?:[\w-]+\s+){0,2}?(?:are|were)\b|\bwhat\s+are\b"
    r"|\bselect\s+all\b|\bchoose\s+all\b|\ball\s+that\s+apply\b"
)
"""A question that asks for several answers without counting them (``Which of these are …?``, ``Which
services are …?``, ``Select all that apply``)."""


def _apply_key_elsewhere(ctx: Context, by_id: Mapping[str, list[Draft]]) -> Iterator[Problem]:
    """Answer the questions still unanswered from the key in the module's file of this file's answers
    (``test-1_key.md``), entry by entry, in order. A key that disagrees with an answer written here
    answers other questions: it answers none, and a warning says so; so does an entry no question
    here has."""
    assert ctx.key_elsewhere is not None
    keyed = Context(ctx.module, ctx.key_elsewhere)
    worded: list[Node] = []
    entries = [entry for entry in _answer_keys(keyed, worded) if not entry.explains]
    entries = entries or [entry for block in keyed.doc.blocks for entry in _entries(block.node, asked=True)]
    section_of = _sections(keyed)
    matched = [(entry, _of_section(_namesakes(by_id, entry), section_of(entry.node))) for entry in entries]
    for entry, drafts in matched:
        written = next((draft.answer for draft in drafts if draft.answer is not None), None)
        keyed_letters = entry.answer.letters
        if (
            written is not None
            and written.letters
            and keyed_letters
            and set(written.letters) != set(keyed_letters)
        ):
            message = (
                f"answer key entry {entry.question} disagrees with the answer written in {ctx.doc.path}: "
                "this key answers other questions, so it answers none there"
            )
            yield Problem(keyed.at(entry.node), message, "warning")
            return
    for entry, drafts in matched:
        draft = next((draft for draft in drafts if not _answered(draft)), None)
        if draft is not None:
            _answer_with(draft, entry, draft.start)
        elif not drafts:
            message = (
                f"answer key entry {entry.question} matches no question of {ctx.doc.path}: check its number"
            )
            yield Problem(keyed.at(entry.node), message, "warning")
    for answers in worded:  # `1. False` under `## True/False`: options named by their words
        _answer_in_words(keyed, by_id, answers, section_of(answers))


def _answered(draft: Draft) -> bool:
    """Whether the question has an answer of any kind yet: a line, words, or a ticked option (one in
    bold is the weakest mark: a key's entry answers over it)."""
    return (
        draft.answer is not None
        or draft.worded is not None
        or any(o.checked and not o.bold for o in draft.options)
    )


def _unmarked_in_bold(draft: Draft) -> None:
    """In a file answered by a key in words or in a file of its own, a question the key left unanswered
    is not answered by an option in bold either: bold is emphasis as often, and a key that could not
    be read (an entry in words among letters, notes under one) must not give way to it. It is left
    without an answer, which is an error at its line."""
    if not _answered(draft):
        draft.options = [replace(o, checked=None) if o.bold else o for o in draft.options]


def _answer_keys(ctx: Context, worded: list[Node]) -> Iterator[KeyEntry]:
    """Entries of answer keys: sections titled ``Answers``/``Answer key``/``Solutions`` (or opened by
    such a line), with the headings below them (``### 📘 Section 2``) and any later section that holds
    nothing but entries; and ``| Q | Answer |`` tables anywhere. Numbered lists under a key's title,
    and key tables, that name no letters go to ``worded``. A line that reads as a key's title over no
    entry (``Simple answer.`` over prose) is the notes' own: given back, to be printed."""
    titles: list[int] = []
    entries = list(_key_entries(ctx, worded, titles))
    blocks = ctx.doc.blocks
    answering = {id(entry.node) for entry in entries} | {id(node) for node in worded}
    for index in titles:
        if not any(id(inner) in answering for node in nodes_below(blocks, index) for inner in node.walk()):
            ctx.give_back([id(blocks[index].node)])
    yield from entries


def _key_entries(ctx: Context, worded: list[Node], titles: list[int]) -> Iterator[KeyEntry]:
    """``_answer_keys``, noting in ``titles`` the blocks of the title lines it took."""
    blocks = ctx.doc.blocks
    found: dict[int, list[KeyEntry]] = {}
    only_entries = _sections_of_entries(ctx, found)
    key_level, seen, collapsed = 0, False, False
    explaining = False
    """Under ``## Explanations`` after or under a key: blocks that open with a question's number explain
    it."""
    unkeyed = 0
    """The level of a ``## Explanations`` heading no key opened: its numbered blocks may explain the
    questions above, answered where they are asked."""
    held: list[KeyEntry] = []
    """The last block's entries: a paragraph or quote right below them explains the last one."""
    pointed = ""
    """The question the last explanation below them named (``Explanation for 3:``): the next ones
    explain it too."""
    read_to = -1
    """The last block an entry was read from (its answer line, the question's words repeated above it)."""
    for index, block in enumerate(blocks):
        node = block.node
        if (held and node is held[-1].node) or index <= read_to:
            continue  # the answer line a heading's entry was read from
        numbered = _explanation_entries(ctx, node) if explaining and not found.get(index) else []
        if (
            key_level
            and held
            and node.type in _EXPLAINING
            and not found.get(index)
            and not numbered
            and not _question_named(node)
        ):
            said, run_on = _entries_run_on(node)  # `Explanation: …` then `2. C` on its next line
            by_number = _numbered_explanations(ctx, node) if said is None else []
            if by_number and {number for number, _ in by_number} <= {entry.question for entry in held}:
                held = _explained_by_number(held, by_number)  # `Explanation for 3: …` under `1. B` … `3. A`
                pointed = by_number[-1][0]  # the paragraphs below it go on explaining question 3
            elif pointed:
                held = _explained_by_number(
                    held, [(pointed, _key_explanation(ctx, node) if said is None else said)]
                )
            else:
                held[-1] = _explained(held[-1], _key_explanation(ctx, node) if said is None else said)
            held += run_on
            ctx.claim(node)
            continue
        yield from held
        held, pointed = [], ""
        if node.type == "paragraph" and ctx.is_claimed(node):
            continue  # an earlier rule's (a matching exercise's pairs): no key's
        if node.type == "heading":
            level, title = heading_level(node), heading_text(node)
            explaining = explaining and bool(key_level) and level > key_level  # a section of it goes on
            unkeyed = unkeyed if unkeyed and level > unkeyed else 0
            entry = key_entry(title, "", node) if key_level and level > key_level else None
            below = blocks[index + 1].node if index + 1 < len(blocks) else None
            if entry is None and key_level and level > key_level and below is not None:
                entry = _named_answer(title, below)  # `### Question 1` over `Answer: B. …`
                ctx.claim(*([below] if entry is not None else []))
            if entry is not None:  # `### Question 1: Correct Answer - B`, what is below it explaining it
                ctx.claim(node)
                held = [entry]
            elif is_key_title(title) or (names_answers(title) and only_entries.get(index)):
                key_level, seen = level, True  # `## Lösung` over nothing but `1. A` entries: a key too
                titled = _EXPLAINED_KEY.search(plain(title)) is not None  # `## Answer explanations`
                explaining, unkeyed = titled, level if titled else unkeyed
            elif key_level and _EXPLANATIONS_TITLE.fullmatch(plain(title)):
                key_level, explaining = level, True  # `## Explanations` under or after `## Answer key`
            elif _EXPLANATIONS_TITLE.fullmatch(plain(title)):
                unkeyed = level  # `## Explanations` below questions answered where they are asked
            elif not (key_level and level > key_level):
                key_level = level if seen and only_entries.get(index, False) else 0
        elif key_level and node.type == "paragraph" and (named := _named_below(node, blocks[index + 1 :])):
            # `**Q1: Which …?**` repeated over `- **Answer: A. …**` and `- Explanation: …`, or
            # `**Question 1**` over its statement again, then `**Answer**: **True**`
            entry, used = named
            ctx.claim(node, *(block.node for block in blocks[index + 1 : index + 1 + used]))
            held, read_to = [entry], index + used
        elif (
            node.type == "paragraph"
            and (listed := after_key_title(node.children[0].content))
            and not (block.section and numbers_a_question(block.section[-1]))  # `### Question 3`'s own
        ):
            key_level, seen = key_level or _BELOW_EVERY_HEADING, True
            ctx.claim(node)
            yield from key_entries_on_a_line(listed, node, least=1)  # one after `Answer Key:`
        elif node.type == "paragraph" and worded_after_key_title(node.children[0].content):
            worded.append(node)  # `**Answers:** 1. Jupiter 2. Venus`: maybe answers in words
        elif node.type == "paragraph" and is_key_title(node.children[0].content, line=True):
            below = blocks[index + 1].node if index + 1 < len(blocks) else None
            if below is not None and below.type == "bullet_list" and not found.get(index + 1):
                continue  # `**Correct Answers:**` over the right options' words: one question's label
            key_level, seen = key_level or _BELOW_EVERY_HEADING, True
            ctx.claim(node)
            titles.append(index)
        elif node.type == "html_block" and (entries := _collapsed_key(node, found.get(index + 1))):
            ctx.claim(node)
            if CLOSING.search(node.content):
                yield from entries
            else:  # the entries follow, up to `</details>`
                key_level, seen, collapsed = key_level or _BELOW_EVERY_HEADING, True, True
        elif (
            key_level
            and node.type == "html_block"
            and (folded := _folded_explanations(node, blocks[index + 1 :])) is not None
        ):
            ctx.claim(node)  # `<details><summary>Explanations</summary>` under a key
            yield from folded
            explaining = collapsed = not CLOSING.search(node.content)  # or they follow, up to `</details>`
        elif collapsed and node.type == "html_block" and closes_details(node.content):
            key_level, collapsed, explaining = 0, False, False
            ctx.claim(node)
        elif unkeyed and not key_level and (tentative := _explanation_entries(ctx, node)):
            yield from (replace(entry, node=node, tentative=True) for entry in tentative)
        elif node.type in ("table", "blockquote") or key_level:  # a `| Q | Answer |` table is a key anywhere
            entries = found.get(index, [])
            if not entries and ((key_level and node.type == "ordered_list") or _key_table(node)):
                worded.append(node)  # maybe answers in words: known once the questions are
                entries = _lettered_items(ctx, node) if node.type == "ordered_list" else []
            elif entries and _key_table(node):
                worded.append(node)  # `| 3 | True |` among rows of letters: a question asked in words
            if not entries and numbered and unkeyed == key_level:  # under `## Answer explanations`
                yield from (replace(entry, node=node, tentative=True) for entry in numbered)
            elif entries := entries or numbered:
                ctx.claim(node)
                held = list(entries)
    yield from held


def _answer_in_words(
    ctx: Context, by_id: Mapping[str, list[Draft]], answers: Node, section: str
) -> list[tuple[str, Node, str]]:
    """A numbered list under a key's title, or a key's table, answering in words (``1. Mitochondrion,
    the site of respiration.``, ``| 1 | Mitochondrion |``), when each of its numbers is a question
    with options and no answer yet and some item names one of its question's options: each item the
    answer of its question. Else it is no key (the answers of questions asked in words are the
    listed-answers rule's). Questions of the ``section`` the list is in come first. An item naming a
    letter (``1. b`` among ``2. False``) answers by it. Returned: the items whose number no question
    with options has, in a list that is a key (some item answers one): a question asked in words; in a
    key of letters answering nothing here, its verdicts alone (``1. T``, ``2. F`` among ``6. b``)."""
    found, lettered, unasked, settled, elsewhere = [], [], [], 0, 0
    for number, item, words in _numbered_answers(answers):
        namesakes = _of_section(by_id.get(unpadded(number), []), section)
        drafts = [draft for draft in namesakes if not _answered(draft)]
        entry = key_entry(words, number, item) if drafts and answers.type == "ordered_list" else None
        if namesakes and not drafts and words:
            settled += 1  # answered already by these very words (``worded_key``), as options were read
        elif not words:
            return []
        elif not namesakes and (not _names_letters(words, number, item) or _VERDICT_LETTER.fullmatch(words)):
            unasked.append((number, item, words))  # `3. False` for `3. Whales are fish. (True/False)`
        elif not namesakes:
            elsewhere += 1  # an entry of letters, which answers a question with options or warns none has
        elif entry is not None and set(entry.answer.letters) <= {
            option.label for option in drafts[0].options
        }:
            lettered.append((drafts[0], entry))
        elif drafts:
            found.append((drafts[0], item, words))
        else:
            return []
    naming = any(named_option(draft.options, words) for draft, _, words in found)
    verdicts = (
        [entry for entry in unasked if _VERDICT_LETTER.fullmatch(entry[2])] if elsewhere and not found else []
    )
    if not (naming or (lettered and not found) or (settled and not found)):
        if not verdicts:
            return []  # `1. Open the S3 console …`: steps of a solution, no answer naming an option
        unasked = verdicts  # `1. T` among `6. b`: a key judging statements, whose other words are others'
    ctx.claim(answers)  # an item naming none of its options is an error at its line, as `Answer: …` is
    for draft, entry in lettered:
        _answer_with(draft, entry, entry.node)
    for draft, item, words in found:
        draft.worded, draft.answer_node = Answer((), "", words), item
    return unasked


def _unmatched_key_entry(ctx: Context, node: Node, number: str) -> Problem:
    """The warning at a key's entry whose number no question above it has: a typo in either number."""
    message = f"answer key entry {number} matches no question above it: check its number"
    return Problem(ctx.at(node), message, "warning")


def _asked_in_words(
    ctx: Context, key: Node, unasked: Sequence[tuple[str, Node, str]]
) -> Iterator[Item | Problem]:
    """A card for each question without options above a key (``3. Whales are fish. (True/False)``,
    ``**4.** The ___ pumps blood.``) that the key answers in words, by its number; a warning at an
    entry whose question asks nothing, or that no question above has."""
    line = ctx.doc.line_of(key)
    numbered = [
        (number, node, words, block.section)
        for block in ctx.doc.blocks
        if ctx.doc.line_of(block.node) < line
        for number, node, words in _numbered_lines(ctx, block.node)
    ]
    for number, item, said in unasked:
        question = next((found for found in reversed(numbered) if found[0] == unpadded(number)), None)
        if question is None:
            yield _unmatched_key_entry(ctx, item, number)
            continue
        _, node, words, section = question
        front = recalled(words, said)
        if not front:
            message = (
                f"answer key entry {number} answers question {number}, which has no options and asks "
                "nothing: no card; write it as a question (`…?`), an instruction (`Define …`), or a "
                "statement its answer judges (`True`/`False`)"
            )
            yield Problem(ctx.at(item), message, "warning")
            continue
        ctx.claim(node, *node.children, item)
        answer = verdict_in_words(said) if front != words else said
        fields = ctx.common("card", front, node, section)
        yield from ctx.cards(node, fields, front, answer, both_ways=False)


_VERDICT_LETTER = regex(r"(?i)[TF][.!]?")
"""A key's answer that is a verdict's letter alone (``F``, ``T.``): where no question with options has
its number, the verdict on the statement of that number above, no option's letter."""


def _names_letters(words: str, number: str, node: Node) -> bool:
    """Whether a key's item names letters (``b``, ``A, C``): an entry of the key."""
    entry = key_entry(words, number, node)
    return entry is not None and bool(entry.answer.letters)


def _numbered_lines(ctx: Context, node: Node) -> list[tuple[str, Node, str]]:
    """(number, where, words) of the questions of one line a block holds that no rule took: each
    item of a numbered list (a list of questions with options, taken, among them), or a paragraph
    opening with its number (``**3.** …``)."""
    if node.type == "paragraph" and not ctx.is_claimed(node):
        number, words = stem_number(node.children[0].content)
        return [(unpadded(number), node, words.strip())] if number and "\n" not in words.strip() else []
    if node.type != "ordered_list":
        return []
    return [
        (unpadded(number), item, item.children[0].children[0].content.strip())
        for item, number in zip(node.children, item_numbers(node), strict=True)
        if len(item.children) == 1 and item.children[0].type == "paragraph" and not ctx.is_claimed(item)
        if "\n" not in item.children[0].children[0].content.strip()
    ]


def _numbered_answers(node: Node) -> list[tuple[str, Node, str]]:
    """(question number, where, words) of each item of a numbered list of one paragraph each, each
    row of a ``| Q | Answer |`` table (maybe in a callout), or each answer on a key's title line
    (``**Answers:** 1. Jupiter 2. Venus``); none for any other block."""
    if node.type == "paragraph":
        return [(number, node, words) for number, words in worded_after_key_title(node.children[0].content)]
    if node.type == "ordered_list":
        items = zip(node.children, item_numbers(node), strict=True)
        if any(len(item.children) != 1 or item.children[0].type != "paragraph" for item in node.children):
            return []
        return [(number, item, item.children[0].children[0].content.strip()) for item, number in items]
    key = _key_rows(node)
    if key is None:
        return []
    columns, rows = key
    if any(max(q, a) >= len(cells) or not is_question_id(cells[q]) for q, a in columns for _, cells in rows):
        return []
    return [(question_id(cells[q]), row, cells[a]) for q, a in columns for row, cells in rows]


_NAMING_WORDS = 4
"""At most this many words of an answer in words under a key's question number: an option's name."""


def _named_below(paragraph: Node, below: Sequence[Block]) -> tuple[KeyEntry, int] | None:
    """The entry of a key's paragraph that names a question (``_question_named``) over its answer line,
    maybe with the question's words again between (``**Statement**: …``); how many blocks it used."""
    named = _question_named(paragraph)
    if not named or not below:
        return None
    entry = _named_answer(named, below[0].node)
    repeated = below[0].node.type == "paragraph" and _REPEATED.match(below[0].node.children[0].content)
    if entry is None and len(below) > 1 and repeated:
        entry = _named_answer(named, below[1].node)
        return (entry, 2) if entry is not None else None
    return (entry, 1) if entry is not None else None


_REPEATED = regex(r"(?:\*\*|__)?(?i:statement|question|prompt)(?:\*\*|__)?\s*:")
"""``**Statement**: …`` between a key's question number and its answer: the question's words again."""


def _named_answer(heading: str, below: Node) -> KeyEntry | None:
    """A key's heading that names a question (``### Question 1``) over a paragraph opening with its
    answer line (``Answer: B. S3 stores objects.``, or an option named in a few words: ``Answer:
    True``) or its letter (``**B** — why``), the rest of which explains it, or over a list of
    one-paragraph items whose first is the answer line and the others explain it."""
    heading = heading.rstrip(":.)")  # `### Question 1:`, `### 1.`
    if not is_question_id(heading):
        return None
    if below.type == "paragraph":
        first, _, more = below.children[0].content.partition("\n")
    elif below.type == "bullet_list" and all(map(one_paragraph, below.children)):
        first, *others = (item.children[0].children[0].content for item in below.children)
        more = "\n\n".join(explanation_start(text) or text for text in others)
    else:
        return None
    answer = answer_line(first)
    if answer is None and (lettered := key_entry(first, heading, below)) is not None:
        answer = lettered.answer  # `**B** — why`, under `### 1`
    naming = re.split(r"\s[-\u2013\u2014]\s|[.;:,]\s", answer.text)[0] if answer is not None else ""
    named = 0 < len(naming.split()) <= _NAMING_WORDS  # `**True**`, `**False** - because …`
    if answer is None or not (answer.letters or named):
        return None
    rest = "\n".join(part for part in (answer.rest, more.strip()) if part)
    return KeyEntry(question_id(heading), replace(answer, rest=rest), below)


def _question_named(paragraph: Node) -> str:
    """``Q1`` of a key's line that repeats a question in bold (``**Q1: Which …?**``) or names it in bold
    (``**Question 1**: Remember - Basic``); "" for any other."""
    text = paragraph.children[0].content.strip() if paragraph.type == "paragraph" else ""
    if "\n" in text or not text.startswith(("**", "__")):
        return ""
    labelled = _BOLD_QUESTION_ID.fullmatch(text)  # `**Question 1**: Remember - Basic`, the level after it
    if labelled is not None:
        return labelled["id"] if is_question_id(labelled["id"]) else ""
    if not text.endswith(("**", "__")):
        return ""
    named, _, asked = plain(text).partition(":")
    return named if asked.strip() and is_question_id(named) else ""


_BOLD_QUESTION_ID = regex(r"(?:\*\*|__)(?P<id>[^*_\n:]{1,20}?)(?:\*\*|__)(?:\s*:[^\n]*)?")
"""A question's number in bold, maybe with its level after a colon: ``**Question 1**: Basic``."""


def _collapsed_key(node: Node, below: list[KeyEntry] | None) -> list[KeyEntry]:
    """The entries of a ``<details>`` block whose summary names an answer key (``Answer key``,
    ``Answers``, not one question's ``Show answer``): those written inside it, or ``below``, the
    entries of the block after it; none for any other block, or one that hides prose."""
    opening = SUMMARY.match(node.content)
    summary = HTML_TAG.sub(" ", opening["front"]) if opening else ""
    if opening is None or not (is_key_title(summary) and _NAMES_A_KEY.search(summary)):
        return []
    hidden = CLOSING.split(opening["rest"])[0]
    if not hidden.strip():
        return below or []
    return _only_entries(hidden_markdown(hidden).splitlines(), node)


def _key_explanation(ctx: Context, node: Node) -> str:
    """A paragraph or quote below a key entry (or an item of a key's explanations), its ``Explanation:``
    label dropped."""
    blocks = node.children if node.type in ("blockquote", "list_item") else [node]
    text = "\n\n".join(ctx.doc.written(block) for block in blocks)
    return explanation_start(text) or text


_EXPLAINED_KEY = regex(r"(?i)\b(?:explanations?|rationales?)\b")
"""A key's title that names its explanations too: ``## Answer explanations``, ``## Answers and rationale``."""
_EXPLANATIONS_TITLE = regex(r"(?i)\W*(?:explanations|rationales?)\W*")
"""A key's section of explanations, after it or under it: ``## Explanations``, ``## Rationale``."""
_NUMBER_OPENING = regex(
    rf"(?:\*\*|__)?(?:(?i:{QUESTION}|q)\s*+(?:#\s*+)?)?(?P<id>\d+)"
    r"(?:[.):]|[ \t]*+[\u2013\u2014-])(?:\*\*|__)?[ \t]+(?=\S)"
)
"""The number opening a paragraph that explains that question: ``**1.** …``, ``Q2: …``, ``Question 3) …``,
``Q4 - …`` (or an en or em dash), ``**5 -** …``."""


def _explanation_entries(ctx: Context, node: Node) -> list[KeyEntry]:
    """The explanations of a block under a key's ``## Explanations``: a numbered list's items, or a
    paragraph opening with its question's number (``**2.** …``) or naming it (``Explanation for 2:``),
    each explaining the question of its number; none for a block that names no question."""
    if node.type == "ordered_list":
        return [
            KeyEntry(question_id(number), Answer((), _key_explanation(ctx, item)), item, explains=True)
            for item, number in zip(node.children, item_numbers(node), strict=True)
        ]
    if (table := _key_table(node)) is not None:
        return _table_explanations(table)
    found = [_numbered_explanations(ctx, part) for part in _explaining_parts(node)]
    if not found or not all(found):
        return []
    return [
        KeyEntry(number, Answer((), words), node, explains=True)
        for named in found
        for number, words in named
        if words
    ]


def _folded_explanations(node: Node, below: Sequence[Block]) -> list[KeyEntry] | None:
    """The explanations a ``<details>`` block summarised ``Explanations`` holds, one a numbered line
    (``1. Rust on its surface.``; a line that is not numbered goes on with the one above); none when
    they follow it in a numbered list of their own (``below``); ``None`` for any other block, or one
    that holds no numbered line (a question's own rationale, folded)."""
    opening = SUMMARY.match(node.content)
    summary = " ".join(HTML_TAG.sub(" ", opening["front"]).split()) if opening else ""
    if opening is None or not _EXPLANATIONS_TITLE.fullmatch(summary):
        return None
    if not CLOSING.search(node.content):
        return [] if below and below[0].node.type == "ordered_list" else None
    named: list[tuple[str, str]] = []
    for line in filter(str.strip, hidden_markdown(CLOSING.split(opening["rest"])[0]).splitlines()):
        number = _NUMBER_OPENING.match(line.strip())
        if number is not None:
            named.append((question_id(number["id"]), line.strip()[number.end() :]))
        elif named:
            named[-1] = (named[-1][0], f"{named[-1][1]}\n{line.strip()}")
    return [KeyEntry(number, Answer((), words), node, explains=True) for number, words in named] or None


def _table_explanations(table: Node) -> list[KeyEntry]:
    """The rows of a table of explanations (``| # | Explanation |``, ``| Q | Why |``): each row's
    question number, then its other cells explaining it; none unless every row opens with a number."""
    rows = [row for part in table.children for row in part.children]
    header = [plain(_cell(cell)) for cell in rows[0].children] if rows else []
    if len(header) < 2 or not _Q_COLUMN.match(header[0]):
        return []
    cells = [(row, [_cell(cell) for cell in row.children]) for row in rows[1:]]
    if not cells or not all(texts and is_question_id(texts[0]) for _, texts in cells):
        return []
    return [
        KeyEntry(question_id(texts[0]), Answer((), " ".join(filter(None, texts[1:]))), row, explains=True)
        for row, texts in cells
    ]


def _explaining_parts(node: Node) -> list[Node]:
    """The paragraphs that may each explain a question: a paragraph, those of a quote (``> **1.** …``),
    or the items of a bulleted list of one paragraph each (``- **Q1:** …``); none for another block."""
    if node.type == "paragraph":
        return [node]
    if node.type == "blockquote" and all(part.type == "paragraph" for part in node.children):
        return list(node.children)
    if node.type == "bullet_list" and all(map(one_paragraph, node.children)):
        return [item.children[0] for item in node.children]
    return []


def _numbered_explanations(ctx: Context, node: Node) -> list[tuple[str, str]]:
    """What a key's explaining block says of each question it names: a paragraph naming one
    (``Explanation for 3: …``, ``Q3 explanation: …``) or opening with its number (``**3.** …``, ``Q3:
    …``), or a numbered list every item of which is an explanation (``3. Explanation: …``); none for a
    block that names no question (it explains the entry right above it)."""
    if node.type == "paragraph":
        text = ctx.doc.written(node).strip()
        if (named := numbered_explanation(text)) is not None:
            return [(question_id(named[0]), named[1])]
        opening = _NUMBER_OPENING.match(text)
        words = text[opening.end() :] if opening is not None else ""
        return [(question_id(opening["id"]), explanation_start(words) or words)] if opening else []
    if node.type != "ordered_list":
        return []
    said = [
        (question_id(number), explanation_start("\n\n".join(ctx.doc.written(part) for part in item.children)))
        for item, number in zip(node.children, item_numbers(node), strict=True)
    ]
    return [(number, words) for number, words in said if words] if all(words for _, words in said) else []


def _explained_by_number(held: list[KeyEntry], named: list[tuple[str, str]]) -> list[KeyEntry]:
    """``held`` with each named question's last entry explained by its words."""
    for number, words in named:
        at = max(index for index, entry in enumerate(held) if entry.question == number)
        held[at] = _explained(held[at], words)
    return held


def _explained(entry: KeyEntry, text: str) -> KeyEntry:
    rest = "\n\n".join(part for part in (entry.answer.rest, text) if part)
    return replace(entry, answer=replace(entry.answer, rest=rest))


_NAMES_A_KEY = regex(r"\b(?:answers|answer\s+(?:key|sheet)|solutions)\b", re.I)
"""A summary that folds a whole key, not one question's answer."""
_EXPLAINING = ("paragraph", "blockquote", "bullet_list", "ordered_list")
"""What may explain the key entry above it."""
_BELOW_EVERY_HEADING = 7
"""An ``Answers:`` line opens a key that any heading below it closes."""


def _sections_of_entries(ctx: Context, found: dict[int, list[KeyEntry]]) -> dict[int, bool]:
    """For each heading (by block index): whether the blocks under it are all answer-key entries.
    ``found`` gets the entries of every block, so each is read once."""
    result: dict[int, bool] = {}
    heading, entries, other = -1, 0, False
    blocks = ctx.doc.blocks
    asked = ctx.answers_elsewhere or any(map(_OPTION_LINE.match, ctx.doc.lines))
    for index, block in enumerate([*blocks, None]):
        if block is None or block.node.type == "heading":
            if heading >= 0:
                result[heading] = entries > 0 and not other
            heading, entries, other = index, 0, False
        elif block.node.type != "hr":
            found[index] = _entries(block.node, asked=asked) or _table_entries(block.node)
            entries += len(found[index])
            other = other or not found[index]
    return result


def _entries(node: Node, *, asked: bool = False) -> list[KeyEntry]:
    """The entries of a paragraph (one or several a line), a list, or a plain code block of nothing
    else; a block with anything else in it (a numbered question, prose, code) holds none. With
    ``asked`` (options are written somewhere), an item may repeat its question over the answer line."""
    if node.type == "paragraph":
        return _entries_of_lines(node.children[0].content.split("\n"), node, [])
    if node.type in ("fence", "code_block") and not node.info.strip():  # a key set as code: `1. B` lines
        return _only_entries(node.content.split("\n"), node)  # none for code, or prose set as code
    called = callout(node) if node.type == "blockquote" else None
    if called is not None and is_key_title(called.title) and called.blocks and not called.lines:
        inside = [_entries(block, asked=asked) for block in called.blocks]  # `> [!tip]- Answers` over them
        return [entry for entries in inside for entry in entries] if all(inside) else []
    entries: list[KeyEntry] = []
    if node.type in ("bullet_list", "ordered_list"):
        labels = item_numbers(node) if node.type == "ordered_list" else [""] * len(node.children)
        for item, label in zip(node.children, labels, strict=True):  # every item `1.`: 1, 2, 3 …
            first = item.children[0] if item.children else None
            if first is None or first.type != "paragraph" or len(item.children) > 1:
                return []
            opening, *below = first.children[0].content.split("\n")
            several = key_entries_on_a_line(f"{label}. {opening}", item) if label else []  # `1) b  2) c`
            entry = key_entry(opening, label, item) if not several else None
            answered = answer_line(below[0]) if below and label and not several and entry is None else None
            if asked and answered is not None and answered.letters and asks(opening):
                entry, below = KeyEntry(question_id(label), answered, item), below[1:]  # the question again
            found = several or ([entry] if entry is not None else [])
            if not found:
                return []
            typed = question_id(item_number(item)) if node.type == "ordered_list" else ""
            if entry is not None and not several and typed != entry.question:  # `1.` counted as 2
                found = [replace(entry, written=typed)]
            # Lines run on below an item (`Question 4: A` right under `3. B`) are entries of their own.
            entries = _entries_of_lines(below, item, [*entries, *found])
    return entries


def _lettered_items(ctx: Context, listed: Node) -> list[KeyEntry]:
    """A key's numbered list that mixes entries with other items (an answer in words, notes nested
    under an entry, which explain it): the entries of the items whose first line names letters, when
    they are most of the items. The rest are answers in words, or nothing a key holds."""
    entries = []
    for item, label in zip(listed.children, item_numbers(listed), strict=True):
        first, *notes = item.children or [item]
        opening, _, wrapped = (
            first.children[0].content.partition("\n") if first.type == "paragraph" else ("", "", "")
        )
        entry = key_entry(opening, label, item) if opening else None
        if entry is not None and entry.answer.letters:
            said = "\n".join(part for part in (entry.answer.rest, wrapped.strip()) if part)  # its lines below
            entry = replace(entry, answer=replace(entry.answer, rest=said))
            explained = "\n\n".join(ctx.doc.written(note).strip() for note in notes)
            entries.append(_explained(entry, explanation_start(explained) or explained))
    if 2 * len(entries) <= len(listed.children):
        return []
    ctx.claim(*(entry.node for entry in entries))  # no item of questions left unread: no warning at it
    return entries


def _only_entries(lines: list[str], node: Node) -> list[KeyEntry]:
    """The entries of ``lines`` (one or several a line) when every line but blank ones holds some;
    else none (a line of anything else: a key folded or set as code holds nothing else)."""
    entries: list[KeyEntry] = []
    for line in filter(str.strip, lines):
        entry = key_entry(line, "", node)
        found = key_entries_on_a_line(line, node) or ([entry] if entry is not None else [])
        if not found:
            return []
        entries += found
    return entries


_OPTION_LINE = regex(r"\s*(?:[-*+]\s+|\d+[.)]\s+)?\(?[A-Ha-h][.)]\s")
"""A line that opens with an option's letter (``a) To reclaim memory``, ``- B. Amazon S3``)."""


def _entries_run_on(paragraph: Node) -> tuple[str | None, list[KeyEntry]]:
    """A paragraph explaining a key's entry whose last lines are entries of their own (``2. C`` right
    under the explanation's line: no blank line, so Markdown runs it on): the explanation's words, its
    label dropped, and those entries; ``(None, [])`` when no line is one."""
    if paragraph.type != "paragraph":
        return None, []
    lines = paragraph.children[0].content.split("\n")
    for start in range(1, len(lines)):
        entries = _entries_of_lines(lines[start:], paragraph, [])
        if entries and key_entry(lines[start], "", paragraph) is not None:
            words = "\n".join(lines[:start])
            return explanation_start(words) or words, entries
    return None, []


def _entries_of_lines(lines: list[str], node: Node, entries: list[KeyEntry]) -> list[KeyEntry]:
    """``entries`` and those of ``lines`` (one or several a line); a line that is no entry explains the
    entry above it, and with none above, the block is prose, not a key."""
    for line in lines:
        several = key_entries_on_a_line(line, node)
        entry = key_entry(line, "", node) if not several else None
        if several or entry is not None:
            entries += several or [entry] if entry else several
        elif not entries:
            return []  # prose, not a key
        else:  # the line below an entry explains it (`**Explanation:**` dropped)
            last, said = entries[-1], line.strip()
            rest = "\n".join(part for part in (last.answer.rest, explanation_start(said) or said) if part)
            entries[-1] = replace(last, answer=replace(last.answer, rest=rest))
    return entries


_Q_COLUMN = regex(
    r"^(?:q|qn|question|questions|no\.?|number|#|q\s*#|q\.?\s*no\.?|question\s*(?:#|no\.?)"
    r"|quest[ãa]o|pregunta|domanda|frage|n\.?º|c[âa]u(?:\s+h[ỏo]i)?|soal|题号|문항|номер|№)$",
    re.I,
)
_A_COLUMN = regex(rf"^(?:{ANSWER_COLUMN}|a)\.?$", re.I)
"""An answer key's column of letters: ``Answer``, ``Correct answer``, ``Ans.``, ``A`` beside ``Q`` …"""


def _table_entries(node: Node) -> list[KeyEntry]:
    """``| Q | Answer | Why |`` rows: question number, letters, the other cells as the explanation; also
    such a table alone in a quote or a callout (``> [!success]- Answer key`` over it)."""
    key = _key_rows(node)
    if key is None:
        return _sideways_entries(node)
    columns, rows = key
    entries = []
    for q, a in columns:
        for row, cells in rows:
            answer = key_cell_answer(cells[a]) if a < len(cells) else None
            if answer is None or q >= len(cells) or not is_question_id(cells[q]):
                continue  # `| Which service …? | A |`: a question's words, no key's number
            others = [text for i, text in enumerate(cells) if len(columns) == 1 and i not in (q, a) and text]
            explained = Answer(answer.letters, " ".join([answer.rest, *others]).strip())
            entries.append(KeyEntry(question_id(cells[q]), explained, row))
    return entries


def _sideways_entries(node: Node) -> list[KeyEntry]:
    """A key set sideways, as printed exams and their banks set it: a row of question numbers (``| Câu |
    1 | 2 |``, ``| Question | 1 | 2 |``), each over a row of their letters (``| Đáp án | B | A |``); or,
    labelled by neither, a row of nothing but numbers over one of nothing but letters (``| 1 | 2 |``
    over ``| B | A |``)."""
    table = _key_table(node)
    rows = [row for part in table.children for row in part.children] if table is not None else []
    entries: list[KeyEntry] = []
    numbers: list[str] = []
    bare = False
    for row in rows:
        cells = [_cell(cell) for cell in row.children]
        label, rest = plain(cells[0]) if cells else "", cells[1:]
        if _Q_COLUMN.match(label) and rest and all(is_question_id(cell) for cell in rest if cell):
            numbers, bare = rest, False
            continue
        if len(cells) >= 2 and all(cell.strip().isdigit() for cell in cells):
            numbers, bare = cells, True
            continue
        said = [
            (number, key_cell_answer(cell))
            for number, cell in zip(numbers, cells if bare else rest, strict=False)
        ]
        if numbers and (
            _A_COLUMN.match(label) or (bare and all(answer and answer.letters for _, answer in said))
        ):
            entries += [
                KeyEntry(question_id(n), answer, row) for n, answer in said if n and answer is not None
            ]
        numbers = []
    return entries


def _key_rows(node: Node) -> tuple[list[tuple[int, int]], list[tuple[Node, list[str]]]] | None:
    """A key's table (``_key_table``) with a question column and an answer column, or several pairs of
    them side by side (``| Q | Ans | Q | Ans |``, a long key in fewer rows): the places of each pair,
    and each row below the header with its cells; ``None`` for any other block."""
    table = _key_table(node)
    if table is None:
        return None
    rows = [row for part in table.children for row in part.children]
    header = [_cell(cell) for cell in rows[0].children]
    if table_columns(table) is not None:
        return None  # `| # | Question | A | B | Answer |`: questions, not a key to them
    qs = [i for i, text in enumerate(header) if _Q_COLUMN.match(plain(text))]
    answers = [i for i, text in enumerate(header) if _A_COLUMN.match(plain(text))]
    if not qs or not answers:
        return None
    paired = len(qs) == len(answers) > 1 and all(q < a for q, a in zip(qs, answers, strict=True))
    columns = list(zip(qs, answers, strict=True)) if paired else [(qs[0], answers[0])]
    taker = {i for i, text in enumerate(header) if _TAKERS_COLUMN.match(plain(text))}  # no explanation
    return columns, [
        (row, ["" if i in taker else _cell(cell) for i, cell in enumerate(row.children)]) for row in rows[1:]
    ]


_TAKERS_COLUMN = regex(
    r"(?i)(?:your|my|selected|chosen)\s+(?:answers?|choices?|picks?)|scores?|points?|marks?|result"
)
"""A results page's columns of what the taker chose and scored: nothing that explains the answer."""


def _key_table(node: Node) -> Node | None:
    """A table, or the one table in a quote or a callout (``> [!success]- Answer key`` over it)."""
    if node.type == "blockquote":
        found = callout(node)
        held = node.children[1:] if found is not None and not found.lines else node.children
        node = held[0] if len(held) == 1 else node
    return node if node.type == "table" else None


def _cell(cell: Node) -> str:
    return cell.children[0].content.strip() if cell.children else ""


def _disagreeing(ctx: Context, drafts: list[Draft], entry: KeyEntry, floor: int) -> tuple[str, ...] | None:
    """The letters of the question between the key before (ending at line ``floor``) and a key's entry
    that answers it otherwise where it is asked (``Answer: A`` under it, ``2. B`` in the key), when the
    entry went to no question: ``None`` if the entry answered one, or they agree."""
    if any(draft.answer_node is entry.node for draft in drafts):
        return None
    line = ctx.doc.line_of(entry.node)
    above = [
        draft for draft in drafts if floor < ctx.doc.line_of(draft.start) < line and draft.answer is not None
    ]
    if not above or not entry.answer.letters:
        return None
    letters = above[-1].answer.letters if above[-1].answer is not None else ()
    return letters if letters and set(letters) != set(entry.answer.letters) else None


def _apply_key(ctx: Context, drafts: list[Draft], entry: KeyEntry, floor: int) -> bool:
    """Give the entry to the first question with its id and no answer yet between the key before it
    (which ends at line ``floor``) and it: sections numbered from 1 again under one key at the end
    take its entries in turn. Else to the nearest such question above it.

    ``drafts`` are the questions with the entry's id, in notes order (a file's own, so each entry
    looks only at its namesakes). Returns whether one of them is above it (answered inline or not)."""
    line = ctx.doc.line_of(entry.node)
    above = drafts[: bisect_left(drafts, line, key=lambda draft: ctx.doc.line_of(draft.start))]
    since = [draft for draft in above if ctx.doc.line_of(draft.start) > floor]
    for draft in [*since, *reversed(above)]:
        if draft.answer is None:
            _answer_with(draft, entry, entry.node)
            break
    else:  # `**Q1 (B):** why` under `## Answer explanations`, the key's table above having answered B
        agreeing = [
            d for d in since if d.answer is not None and set(d.answer.letters) == set(entry.answer.letters)
        ]
        if agreeing and entry.answer.letters:  # its words less the option's own (`1. B. Mercury` says none)
            _explain(agreeing[-1], with_named_options(agreeing[-1].options, entry.answer).rest)
    return bool(above)


def _explain_answered(ctx: Context, drafts: list[Draft], entry: KeyEntry) -> Iterator[Problem]:
    """Explain the nearest of ``drafts`` above a key's explanation entry by its words; a warning when
    none is above it (its number is wrong, or it explains nothing here)."""
    line = ctx.doc.line_of(entry.node)
    floor = _parent_section_start(ctx, entry.node) if entry.tentative else -1
    above = [draft for draft in drafts if floor < ctx.doc.line_of(draft.start) < line]
    if not above and not entry.tentative:
        message = f"explanation of question {entry.question} matches no question above it: check its number"
        yield Problem(ctx.at(entry.node), message, "warning")
    answered_here = above and any(
        above[-1].answer_node is node for node in (entry.node, *entry.node.children)
    )
    if above and not answered_here:  # not the answer in words these very words gave
        ctx.claim(entry.node)
        _explain(above[-1], entry.answer.rest)


def _parent_section_start(ctx: Context, node: Node) -> int:
    """The line of the heading over the section that holds ``node``'s own (``# Set 3`` over ``##
    Explanations``): explanations no key opened explain only the questions of that section."""
    blocks = ctx.doc.blocks
    at = next((index for index, block in enumerate(blocks) if block.node is node), -1)
    own = next((blocks[i].node for i in range(at, -1, -1) if blocks[i].node.type == "heading"), None)
    level = heading_level(own) if own is not None else 1
    parent = next(
        (
            blocks[i].node
            for i in range(at, -1, -1)
            if blocks[i].node.type == "heading" and heading_level(blocks[i].node) < level
        ),
        None,
    )
    return ctx.doc.line_of(parent) if parent is not None else -1


def _explain(draft: Draft, words: str) -> None:
    """Add ``words`` to the question's explanation, unless it says them already."""
    if words and words not in draft.explanation:
        draft.explanation.append(words)


def _answer_with(draft: Draft, entry: KeyEntry, node: Node) -> None:
    """Answer ``draft`` from a key's entry, read at ``node``: its letters, or an option it names by its
    words (``**Answer**: **True**``); what it says after them explains, unless the question explains
    itself."""
    if entry.answer.letters:
        draft.answer = with_named_options(draft.options, entry.answer)
    else:
        draft.worded = entry.answer
    draft.answer_node = node
    rest = (draft.answer or entry.answer).rest
    if rest and not draft.explanation:
        draft.explanation.append(rest)


_ONE_ENTRY_KEY = regex(r"^(?P<number>\d{1,3})\s*[-.):]?\s*\(?(?P<letter>[A-Ha-h])\)?\.?$")
"""A key of one entry, its question's number then a letter: ``2-B``, ``1.B``, ``5 b``, ``3) c``."""


def _keyed_to_itself(draft: Draft, said: str) -> tuple[str, ...]:
    """The letter of ``Answers: 3-b`` under question 3: a one-entry key for the question right above,
    written as the end key of a bank one question long (``Đáp án: 1.B``, ``**Lösungen:** 5 b``)."""
    entry = _ONE_ENTRY_KEY.fullmatch(said.strip())
    if entry is None or unpadded(entry["number"]) != unpadded(draft.question):
        return ()
    return (entry["letter"].upper(),)


def _judged_statements(ctx: Context, node: Node) -> bool:
    """A paragraph of lettered statements each judged in the words of the title above it (``## Vrai ou
    faux ?`` over ``a) … → Vrai``): statements to judge one by one, not a question's options."""
    if node.type != "paragraph" or node.top < 0:
        return False
    titles = (ctx.doc.part, *ctx.doc.blocks[node.top].section)
    return judged_in_the_titles_words(node.children[0].content.split("\n"), titles)


def _finish(ctx: Context, draft: Draft) -> Iterator[Item | Problem]:
    if not _answered(draft) and lettered_grid(draft.options_node):
        ctx.give_back(draft.claims)  # a rubric's or a legend's grid of lettered cells: a table
        return
    if not _answered(draft) and _judged_statements(ctx, draft.options_node):
        ctx.give_back(draft.claims)  # `## Đúng hay Sai?` over `a) … → Đúng`: the flashcards' to judge
        return
    titled = draft.start.tag == "h1" and not _answered(draft)  # a decision's or an outline's title
    if draft.unasked or _listed(draft) or titled:
        ctx.give_back(draft.claims)  # the notes as written: printed, and read by the other rules
        message = _UNASKED if draft.unasked else _TITLED if titled else _LISTED
        message = _acronym_message(draft) if not draft.unasked and _spells_an_acronym(draft) else message
        yield Problem(ctx.at(draft.start), message, "warning")
        return
    if draft.loose_term is not None:  # it may hide cards studied before the question was written above
        message = _loose_term_message(ctx, draft, draft.loose_term)
        yield Problem(ctx.at(draft.loose_term), message, "warning", hides=True)
    if draft.run_on is not None:
        paragraph, line = draft.run_on
        where = replace(ctx.at(paragraph), line=ctx.at(paragraph).line + line)
        yield Problem(where, _RUN_ON, "warning")
    if not draft.stem:
        message = "options without a question: write the question's text right above its options"
        yield ctx.problem(draft.options_node, message)
        return
    labels = [option.label for option in draft.options]
    repeated = sorted({label for label in labels if labels.count(label) > 1})
    if repeated:
        message = f"option letter {repeated[0]} is used twice: letter the options A, B, C … once each"
        yield ctx.problem(draft.options_node, message)
        return
    letters = draft.answer.letters if draft.answer else tuple(o.label for o in draft.options if o.checked)
    letters = (spelled_letters(draft.options, letters) or letters) if draft.answer else letters
    if draft.answer is not None and draft.worded is not None:  # words above the letters that answer
        draft.explanation[:0] = _worded_explains(draft, draft.worded, letters)
    elif letters and draft.worded is not None:  # ticked, or numbered options it names (`2 is correct: …`)
        written = draft.worded_line or draft.worded.text
        said, why = named_with_reason(draft.options, written)
        if not said and all(option.number for option in draft.options):  # `The answer is 3: …`, by number
            said, why = named_with_reason(draft.options, draft.worded.text)
        picked = bool(digits_of_statements(draft.options, draft.worded.text, draft.stem))  # `Answer: 134`
        if why or not (said or picked):  # the reason after the options it names, or words that name none
            draft.explanation[:0] = [why or written]
    if not letters and draft.worded is not None:
        letters, reason = named_with_reason(draft.options, draft.worded.text)
        letters = letters or letters_after_both(draft.worded.text)  # `Both A and C`
        if not letters and (capitals := letters_in_capitals(labels, draft.worded_line or draft.worded.text)):
            letters, reason = capitals.letters, capitals.rest
        letters = letters or _keyed_to_itself(draft, draft.worded.text)
        draft.explanation[:0] = [reason] if reason else []
        if not letters:
            message = (
                f"answer {draft.worded.text!r} is neither an option's letter nor its text: "
                "write the letter, like `**Answer:** B`"
            )
            yield ctx.problem(draft.answer_node or draft.start, message)
            return
    if not letters and draft.answer_node is not None and draft.answer is None and draft.worded is None:
        yield ctx.problem(
            draft.answer_node,
            "answer is empty: write the correct option's letter after its label (`Answer: B`)",
        )
        return  # `Answer:` with nothing after it
    if not letters:
        message = "question has no answer: add `**Answer:** X` after its options (or tick its checkbox)"
        yield ctx.problem(draft.start, message)
        return
    unknown = [letter for letter in letters if letter not in labels]
    if unknown:
        message = (
            f"answer {unknown[0]} is not one of the options ({', '.join(labels)}): fix the answer letter"
        )
        yield ctx.problem(draft.answer_node or draft.start, message)
        return
    if draft.answer is not None and (other := misnamed(draft.options, draft.answer)) is not None:
        message = (
            f"answer {letters[0]} comes with the words of option {other.label} ({other.text!r}): "
            "fix the letter or the words"
        )
        yield ctx.problem(draft.answer_node or draft.start, message)
        return
    if _asks_an_order(draft.stem, letters, labels):
        yield Problem(ctx.at(draft.start), _ORDER, "warning")
        return
    # an option in bold is the answer only where nothing else says it (`**None of the above**` stresses)
    ticked = sorted(option.label for option in draft.options if option.checked and not option.bold)
    if draft.answer is not None and ticked and set(ticked) != set(letters):
        message = (
            f"the answer says {', '.join(letters)} but {'options' if len(ticked) > 1 else 'option'} "
            f"{', '.join(ticked)} {'are' if len(ticked) > 1 else 'is'} ticked: the answer line is taken; "
            "make the two agree"
        )
        yield Problem(ctx.at(draft.answer_node or draft.start), message, "warning")
    yield from _choose_warning(ctx, draft, len(letters))
    draft.options = unstressed(draft.options, letters)
    yield ctx.build(draft.start, lambda: _mcq(ctx, draft, letters))


def _ordering_cards(ctx: Context) -> Iterator[Item | Problem]:
    """A card for each question asking to put things in order (``**Q7. Put the phases of mitosis in
    order.**``) over a bullet per thing, then its answer in words, the order (``**Answer:** Prophase →
    Metaphase → …``): no choice to make, so no question with options; the things asked with it."""
    blocks = ctx.doc.blocks
    for index in range(len(blocks) - 2):
        asked, listed, answered = (block.node for block in blocks[index : index + 3])
        if any(map(ctx.is_claimed, (asked, listed, answered))) or listed.type not in _ORDERED_LISTS:
            continue
        if asked.type != "paragraph" or answered.type != "paragraph":
            continue
        question = stem_number(asked.children[0].content.strip())[1]
        order = answer_line(answered.children[0].content.strip())
        things = [ctx.doc.written(item).strip() for item in listed.children]
        if (
            "\n" in question
            or _ORDERING.search(question) is None
            or order is None
            or order.letters
            or not order.text
            or len(things) < _ORDERED
            or any("\n" in thing for thing in things)
        ):
            continue
        back = _by_numbers(things, order.text) if listed.type == "ordered_list" else order.text
        if not back:
            ctx.claim(asked, listed, answered)
            yield Problem(ctx.at(answered), _NUMBERED_ORDER, "warning")
            continue
        ctx.claim(asked, listed, answered)
        front = "\n".join([question, "", *things])
        fields = ctx.common("card", question, asked, blocks[index].section)
        yield from ctx.cards(asked, fields, front, back, both_ways=False)


_ORDERED_LISTS = ("bullet_list", "ordered_list")
_NUMBERED_ORDER = (
    "question asks to put a numbered list in order, but its answer does not give each number once: "
    "left out; write every number once, in order (`Answer: 2, 4, 1, 3`)"
)


def _by_numbers(things: Sequence[str], order: str) -> str:
    """The order of a numbered list's things as an answer gives it by their numbers (``2, 4, 1, 3``),
    in their words (``Prophase → Metaphase → …``, which it may give too); none for numbers that are
    not each thing's once."""
    if _NUMBERS_ONLY.fullmatch(order.strip()) is None:
        return order
    numbers = [int(number) for number in _NUMBER.findall(order)]
    if sorted(numbers) != list(range(1, len(things) + 1)):
        return ""
    return " \u2192 ".join(_LIST_NUMBER.sub("", things[number - 1]) for number in numbers)


_NUMBERS_ONLY = regex(r"\d+(?:\s*(?:[,;>/-]|\u2192|\band\b)\s*\d+)+\.?")
_NUMBER = regex(r"\d+")
_LIST_NUMBER = regex(r"^\d+[.)][ \t]+")


def _lettered_verdicts(ctx: Context) -> Iterator[Item | Problem]:
    """A card for each statement answered by a verdict in its letter (``Osmosis requires ATP.`` over
    ``Answer: F``, ``**Answer:** T — why``), the statement a paragraph's line, a heading or a list's one
    item: ``F`` says false there, no option's letter, and the answer would otherwise be a stray letter
    (or ``T`` no answer at all). Under a heading, a verdict in words (``**Answer:** False``) too, which
    no card rule reads there."""
    blocks = ctx.doc.blocks
    for index, block in enumerate(blocks):
        node = block.node
        if ctx.is_claimed(node) or node.type != "paragraph":
            continue
        lines = node.children[0].content.strip().split("\n")
        above = blocks[index - 1].node if index else None
        if len(lines) > 1 and (judged := _judged_in_words(lines[0], lines[1:], worded=False)):
            ctx.claim(node, *node.children)
        elif above is not None and not ctx.is_claimed(above) and (statement := _statement_of(above)):
            worded = above.type == "heading" and not marked_to_judge(statement)  # the flashcards' own
            if not (judged := _judged_in_words(statement, lines, worded=worded)):
                continue
            ctx.claim(above, *above.children, *_items_of(above), node, *node.children)
            node = above
        else:
            continue
        front, key, back = judged
        fields = ctx.common("card", key, node, block.section)
        yield from ctx.cards(node, fields, front, back, both_ways=False)


def _statement_grids(ctx: Context) -> Iterator[Item | Problem]:
    """A card per statement of a grid answered box by box (``Box 1: Yes``, ``Box 2: No — why``), as
    exam banks key a hot-area question: the statements the list (or table) right above numbers, one a
    box, each to judge, the question's words above them its lead-in. Without them (drawn in a picture)
    a warning: the boxes' answers alone ask nothing, and must not become cards of their own."""
    blocks = ctx.doc.blocks
    index = 0
    while index < len(blocks):
        boxes, end = _box_answers(ctx, blocks, index)
        if not boxes:
            index += 1
            continue
        answered = [block.node for block in blocks[index:end]]
        ctx.claim(*answered, *(child for node in answered for child in node.children))
        ctx.claim(*_numbering_heading(blocks, index))  # its warning is the grid's, or no question is lost
        worded = [number for number, (verdict, _) in enumerate(boxes, 1) if verdict is None]
        grid = None if worded else _statements_above(ctx, blocks, index, len(boxes))  # claims what it reads
        if worded:
            message = (
                f"box {worded[0]} of a grid answered box by box is answered in words, not Yes or No (a "
                "drop-down's choice?): no cards; write each choice as a question of its own, its options "
                "lettered"
            )
            yield Problem(ctx.at(answered[0]), message, "warning")
        elif grid is None:
            message = (
                f"answers of a grid box by box (`Box 1: …` to `Box {len(boxes)}: …`) with no list of its "
                f"{len(boxes)} statements right above them (drawn in a picture?): no cards; write the "
                "statements as a numbered list above the answers, one a box, each answered Yes or No"
            )
            yield Problem(ctx.at(answered[0]), message, "warning")
        else:
            yield from _grid_cards(ctx, grid, boxes, blocks[index].section)
        index = end


def _numbering_heading(blocks: Sequence[Block], index: int) -> list[Node]:
    """The heading over the block at ``index`` when it numbers a question (``## Question 12``)."""
    heading = next((block.node for block in reversed(blocks[:index]) if block.node.type == "heading"), None)
    return [heading] if heading is not None and numbers_a_question(heading_text(heading)) else []


def _box_answers(
    ctx: Context, blocks: Sequence[Block], start: int
) -> tuple[list[tuple[str | None, str]], int]:
    """The answers box by box of the paragraphs from ``start`` (``Box 1: Yes -`` over why, a box a line
    or a paragraph), numbered 1, 2 … in turn: (verdict, ``True`` or ``False``, or ``None`` for a box
    answered otherwise, and why) each; and the block after them. None when ``start`` opens no box."""
    boxes: list[tuple[str | None, str]] = []
    why: list[list[str]] = []
    index = start
    while index < len(blocks):
        node = blocks[index].node
        lines = node.children[0].content.strip().split("\n") if node.type == "paragraph" else []
        if ctx.is_claimed(node) or not lines or (box := _BOX.fullmatch(lines[0].strip())) is None:
            break
        for line in lines:
            box = _BOX.fullmatch(line.strip())
            if box is None:
                why[-1].append(line.strip())
                continue
            if int(box["number"]) != len(boxes) + 1:
                return [], start
            said = box["said"].strip().lower()
            boxes.append(
                ("True" if said in ("yes", "true") else "False" if said in ("no", "false") else None, "")
            )
            why.append([box["why"].strip()] if box["why"] and box["why"].strip() else [])
        index += 1
    return [(verdict, "\n".join(reason)) for (verdict, _), reason in zip(boxes, why, strict=True)], index


_BOX = regex(
    r"(?:\*\*|__)?box\s*(?P<number>\d+)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*"
    r"(?P<said>[^\s\u2013\u2014-](?:\s*+[^\s\u2013\u2014])*?)\s*+(?:[\u2013\u2014-]\s*(?P<why>.*))?",
    re.I,
)
"""A box's answer on its line: ``Box 1: Yes``, ``Box 2: No - why``, ``**Box 3:** Azure Firewall``. The
answer is the fewest words before a dash or the line's end, taken a word at a time with the spaces
before it read once (a character at a time, a run of 8,000 spaces inside it took a second)."""


def _statements_above(
    ctx: Context, blocks: Sequence[Block], index: int, count: int
) -> tuple[list[tuple[Node, str]], str] | None:
    """The ``count`` statements of the list right above the boxes' answers (past a label, ``**Correct
    Answer:**``, or a picture), each with its item, and the question's own words above the list (its
    instructions to select left out); ``None`` where no such list is."""
    at = index - 1
    while at >= 0 and blocks[at].node.type == "paragraph" and _beside_the_grid(blocks[at].node):
        at -= 1
    listed = blocks[at].node if at >= 0 else None
    if listed is None or listed.type not in ("ordered_list", "bullet_list") or ctx.is_claimed(listed):
        return None
    statements = [(item, _statement_of(item.children[0])) for item in listed.children if one_paragraph(item)]
    if len(statements) != count or len(listed.children) != count or not all(text for _, text in statements):
        return None
    ctx.claim(listed, *_items_of(listed))
    words: list[str] = []
    for block in reversed(blocks[:at]):
        node = block.node
        if node.type != "paragraph" or ctx.is_claimed(node):
            break
        ctx.claim(node, *node.children)
        kept = [line for line in node.children[0].content.strip().split("\n") if not _GRID_WORDS.search(line)]
        words[:0] = ["\n".join(kept)] if kept else []
    return statements, "\n\n".join(words)


def _beside_the_grid(node: Node) -> bool:
    """A paragraph between a grid's statements and its answers: an answer's label alone or a picture."""
    text = node.children[0].content.strip()
    return bare_label(text) or text.startswith("![") or _GRID_WORDS.fullmatch(text) is not None


_GRID_WORDS = regex(
    r"(?i)^\W*(?:hot\s*spot|hot\s+area|drag\s+drop|(?:note|answer\s+area)\b.*"
    r"|for\s+each\s+of\s+the\s+following\s+statements.*|select\s+yes\s+if\b.*)\W*$"
)
"""A line of a grid question's instructions, no part of what it asks: ``HOTSPOT -``, ``For each of the
following statements, select Yes if …``, ``NOTE: Each correct selection is worth one point.``"""


def _grid_cards(
    ctx: Context,
    grid: tuple[list[tuple[Node, str]], str],
    boxes: Sequence[tuple[str | None, str]],
    section: tuple[str, ...],
) -> Iterator[Item | Problem]:
    """A true-or-false card per statement, its box's verdict and why on its back, the question's words
    its lead-in."""
    statements, lead_in = grid
    for (item, statement), (verdict, why) in zip(statements, boxes, strict=True):
        front = f"True or false: {stem_number(statement)[1].strip()}"
        back = "\n".join(part for part in (verdict or "", why) if part)
        fields = ctx.common("card", statement, item, section)
        yield ctx.build(item, partial(fields.card, front=front, back=back, lead_in=lead_in))


def _statement_of(node: Node) -> str:
    """The one line a block states, maybe to be judged: a heading's, a paragraph's, or a list's one
    item's (``1. Ribosomes make proteins.``); empty for any other block."""
    if node.type == "heading":
        return heading_text(node)
    if (
        node.type in ("bullet_list", "ordered_list")
        and len(node.children) == 1
        and one_paragraph(node.children[0])
    ):
        node = node.children[0].children[0]
    text = node.children[0].content.strip() if node.type == "paragraph" else ""
    return "" if "\n" in text else text


def _items_of(node: Node) -> list[Node]:
    """A list's items and what they hold (the one paragraph each a statement has)."""
    if node.type not in ("bullet_list", "ordered_list"):
        return []
    return [part for item in node.children for part in (item, *item.children)]


def _judged_in_words(line: str, answered: Sequence[str], *, worded: bool) -> tuple[str, str, str] | None:
    """(front, key, back) of a statement ``line`` (numbered or not: ``**Q3.** Ice sinks.``) over the
    lines ``answered`` that open with its verdict in a letter (``Answer: F``), or with ``worded`` in
    words too; the lines below it say why. ``None`` when ``line`` states nothing or no verdict opens."""
    said = answer_line(answered[0]) if answered else None
    value = (said.said or said.text).partition("\n")[0].strip() if said is not None else ""
    verdict = _VERDICT_GIVEN.fullmatch(value)
    if said is None or verdict is None or (len(verdict["verdict"]) > 1 and not worded):
        return None
    statement = stem_number(line)[1].strip()
    front = recalled(statement, verdict["verdict"])
    if not front:
        return None
    why = (verdict["why"] or "").rstrip()
    judged = "True" if verdict["verdict"][0] in "Tt" else "False"
    back = "\n".join([judged + (why if why.strip(" .") else ""), *answered[1:]]).strip()
    return front, statement, back


_VERDICT_GIVEN = regex(r"(?i)[(\[]?(?P<verdict>t|f|true|false)[)\]]?(?P<why>(?:[^\w\s]|\s+\W).*)?")
"""A verdict as an answer line gives it: ``F``, ``(T)``, ``F.``, ``T — why`` (``True``, ``False, as …``
in words), not ``Fe`` or ``T cells``."""


def _worded_explains(draft: Draft, worded: Answer, letters: Sequence[str]) -> list[str]:
    """An answer in words beside the letters that answer (``Solution: lsblk reads sysfs.`` over
    ``Answer: A``), as written: it explains, unless it only names options again."""
    said, why = named_with_reason(draft.options, worded.text)
    if said and not (why and set(said) == set(letters)):
        return []
    return [draft.worded_line or worded.text]


def _asks_an_order(stem: str, letters: Sequence[str], labels: Sequence[str]) -> bool:
    """A question asking to put its options in order (``Put the steps … in the right order``), answered
    by all of them or by three or more out of their order (``B, A, D, C``): no choice to make."""
    ordered = len(letters) == len(labels) or list(letters) != sorted(letters)
    return len(letters) >= _ORDERED and ordered and _ORDERING.search(stem) is not None


_ORDERING = regex(
    r"(?i)\b(?:(?:right|correct|proper|logical|chronological)\s+(?:order|sequence)|in\s+order\b(?!\s+to\b)"
    r"|arrange|(?:sequence|rank|order)\s+(?:the|these)\b)"
)
"""Words asking for an order: ``in the right order``, ``Arrange …``, ``Rank the …`` (not ``in order to``)."""
_ORDERED = 3
_ORDER = (
    "question asks to put its options in order: a multiple-choice question cannot ask that, so it is "
    "left out; write it as a card (`Q: …` then `A: …`) with the options in order on its back"
)
_UNASKED = (
    "checkboxes under words that may ask a question but have no `?`: kept as a to-do list; end the "
    "question with `?` to make it one"
)
_RUN_ON = (
    "another question seems to start here, in the answer of the one above, and is read as its "
    "explanation: leave a blank line above it"
)
_LISTED = (
    "lettered list with no answer under words that ask no question: kept as a list; to make it a "
    "question, end it with `?` and add `**Answer:** X` after its options"
)


_TITLED = (
    "lettered list with no answer under the file's title: kept as a list; to make it a question, add "
    "`**Answer:** X` after its options"
)


def _with_listed_context(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A lettered list under words that ask nothing, with no answer (``A retailer has these
    requirements:`` then ``A. …``, ``B. …``), right above a question with no number of its own, no
    heading between: the case that question asks about, so part of its stem."""
    blocks = ctx.doc.blocks
    kept: list[Draft] = []
    for draft in drafts:
        above = kept[-1] if kept else None
        if (
            above is not None
            and blocks[above.start.top].heading is blocks[draft.start.top].heading  # no heading between
            and not draft.question
            and not draft.unasked
            and asks(draft.stem)
            and not _answered(above)
            and not asks(above.stem)
        ):
            listed = "\n".join(f"- {option.label}. {option.text}" for option in above.options)
            draft.stem = "\n\n".join(part for part in (above.stem, listed, draft.stem) if part)
            draft.start, draft.question, draft.claims = (
                above.start,
                above.question,
                above.claims + draft.claims,
            )
            kept[-1] = draft
        else:
            kept.append(draft)
    return kept


def _spells_an_acronym(draft: Draft) -> bool:
    """Options each opening with a word that starts with its own letter (``A - Airway``, ``B -
    Breathing``), the letters spelled as a word in the words above (``## ABCDE of primary survey``) or
    three at least running from ``A``: an acronym spelled out letter by letter, not a question's
    options."""
    labels = [option.label.upper() for option in draft.options]
    if len(labels) < 2 or not all(_opens_with_its_letter(option) for option in draft.options):
        return False
    spelled = "".join(labels)
    in_order = spelled == "ABCDEFGH"[: len(spelled)]
    return _spelled_above(draft) or (in_order and len(labels) >= _SPELLED_OUT)


def _spelled_above(draft: Draft) -> bool:
    """Whether the words above the options spell their letters as a word (``## ABCDE of …``)."""
    spelled = "".join(option.label.upper() for option in draft.options)
    return spelled in _LETTER_WORDS.findall(" ".join((draft.stem, *draft.section)))


_LETTER_WORDS = regex(r"[A-Za-z]+")
_SPELLED_OUT = 3


def _opens_with_its_letter(option: DraftOption) -> bool:
    """Whether an option's words open with a word of its own letter (``A - Airway``, ``b) **blood**``),
    not a number or the letter alone."""
    words = option.text.lstrip("*_=` ")
    return len(words) > 1 and words[0].upper() == option.label.upper() and words[1].isalpha()


def _acronym_message(draft: Draft) -> str:
    """Why a lettered list spelling an acronym makes no question, and how to make its letters cards."""
    first = draft.options[0]
    spelled = "".join(option.label for option in draft.options)
    read = (
        f"an acronym spelled out letter by letter ({spelled})"
        if _spelled_above(draft)
        else "a list whose items each open with their own letter"
    )
    return (
        f"lettered list read as {read}, not a question's options: kept as a list on the sheet, with no "
        "cards; to make a card of each letter, write its letter in bold "
        f"(`- **{first.label}** - {first.text}`)"
    )


def _listed(draft: Draft) -> bool:
    """Options with no answer of any kind under unnumbered words that ask nothing (``A package is:``
    then ``a) …``, ``b) …``): a lettered list in the notes, not a question left unanswered."""
    return not _answered(draft) and not draft.question and not asks(draft.stem)


def _loose_term_message(ctx: Context, draft: Draft, item: Node) -> str:
    if item.type == "table":
        return (
            f"table is read into the explanation of the question at line {ctx.doc.line_of(draft.start)} "
            "(an explanation runs to the next heading or `---`), not as comparison cards: put `---` or a "
            "heading above it (and its caption) to make it a table of its own, or a line ending in `:` "
            "above it to keep it there"
        )
    if item.type == "paragraph":
        return (
            f"cloze is read into the explanation of the question at line {ctx.doc.line_of(draft.start)} "
            "(an explanation runs to the next heading or `---`), not as a cloze note: put `---` or a "
            "heading above it to make it one"
        )
    term = split_term(item.children[0].children[0])
    name = term.front if term is not None else ctx.doc.source(item).strip()
    return (
        f"term bullet {name!r} is read into the explanation of the question at line "
        f"{ctx.doc.line_of(draft.start)} (an explanation runs to the next heading or `---`), not as a "
        "card: put `---` or a heading above it to make it a card, or a line ending in `:` above the "
        "list to keep it in the explanation"
    )


def _mcq(ctx: Context, draft: Draft, letters: tuple[str, ...]) -> MCQ:
    options = tuple(Option(label=o.label, text=o.text, correct=o.label in letters) for o in draft.options)
    asked, tags = _tags_taken(_blanked(draft.stem, letters))
    fields = ctx.common("mcq", asked, draft.start, draft.section, draft.pinned)
    fields = fields.tagged(tags) if tags else fields
    explanation = "\n\n".join(part for part in draft.explanation if part.strip())
    stem = f"{draft.scenario}\n\n{asked}" if draft.scenario else asked  # the id is the question's
    return fields.mcq(stem=stem, options=options, explanation=explanation)


def _tags_taken(stem: str) -> tuple[str, str]:
    """The stem without the Obsidian tags ending it (``**Which pigment …?** #biology``), and the tags:
    the question's tags, as a card's side's are; its bold then goes as a stem's bold alone does."""
    found = TRAILING_TAGS.search(stem) if "#" in stem else None
    if found is None:
        return stem, ""
    asked = stem[: found.start()]
    bold = _WHOLLY_BOLD.fullmatch(asked)
    return (bold["inner"].strip() if bold else asked), found[0]


_WHOLLY_BOLD = regex(r"(?:\*\*|__)(?P<inner>[^*_\n](?:[^*\n]*[^*_\s])?)(?:\*\*|__)")
"""A stem wholly in bold, as ``**3. Which …?**`` leaves one once its number is read."""


_FILLED_BLANK = regex(
    r"[(\uff08]\s*(?P<bracketed>[A-H])\s*[)\uff09](?=[\s\u3002\uff0e.\uff1f?]*$)"
    r"|(?<=[\s\uff0c\u3001\uff1a\uff1b])(?P<last>[A-H])(?=[\s\u3002\uff0e.]*$)"
    r"|(?<=[\uff0c\u3001\uff1a\uff1b])\s*(?P<between>[A-H])(?=[\s\u3001\uff0c\u3002])"
)
"""A blank with its answer's letter written in, as Chinese and Japanese banks fill theirs: at the
stem's end (``是\uff08B\uff09。``, ``属于 C。``) or right after a comma (``\uff0cA 实现其功能``); a letter
within the words (``维生素 A``, ``如图\uff08B\uff09所示``) is theirs."""
_WORDS_BLANK = regex(r"(?<=\s)(?P<inside>[A-H])(?=[\s\u3001\uff0c\u3002])")
"""A letter between spaces within the words (``围绕 B 开展``): the filled blank only in a statement with
no blank of its own, empty brackets or underscores (``维生素 A`` before one keeps it, as does a question
ending in a question mark)."""
_OPEN_BLANK = regex(r"[(\uff08]\s*[)\uff09]|_{2,}|[?\uff1f]\s*$")
_IDEOGRAPHS = regex(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _blanked(stem: str, letters: tuple[str, ...]) -> str:
    """A Chinese or Japanese stem whose blank holds its one answer's letter, the blank shown empty: a
    question that gives its answer away asks nothing."""
    if len(letters) != 1 or not _IDEOGRAPHS.search(stem):
        return stem
    found = list(_FILLED_BLANK.finditer(stem))
    if not found and not _OPEN_BLANK.search(stem):
        found = list(_WORDS_BLANK.finditer(stem))
    if len(found) != 1 or next(letter for letter in found[0].groups() if letter) != letters[0]:
        return stem
    return f"{stem[: found[0].start()]}\uff08  \uff09{stem[found[0].end() :]}"


def _choose_warning(ctx: Context, draft: Draft, answers: int) -> Iterator[Problem]:
    asked = answers_asked(draft.stem)
    if asked is not None and asked[0] != answers:
        message = f"the stem says {asked[1]!r} but {answers} answer(s) are given"
        yield Problem(ctx.at(draft.start), message, "warning")
