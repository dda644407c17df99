"""Cards: list items ``**Term:** definition``; attribute labels join the card of the item or heading above;
the line that introduces a list (its lead-in) goes with each card of it."""

from __future__ import annotations

import csv
import html
import itertools
import operator
import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache, partial
from typing import Literal, TypeVar

from ccpkit import cloze_syntax
from ccpkit.errors import Problem
from ccpkit.item_ids import HTML_TAG
from ccpkit.model import Item, Kind
from ccpkit.parse.context import CommonFields, Context, pinned_id
from ccpkit.parse.document import (
    LISTS,
    Block,
    first_inline,
    heading_text,
    is_spacer,
    item_text,
    item_words,
    only_pictures,
    paragraph_words,
)
from ccpkit.parse.inline_html import html_as_markdown
from ccpkit.parse.references import outside_code
from ccpkit.parse.rules.answers import (
    CALLOUT,
    WHOLLY_ITALIC,
    Callout,
    callout,
    is_key_title,
    numbers_a_question,
)
from ccpkit.parse.rules.terms import (
    BOLD_TEXT,
    CHANGE_KINDS,
    DETERMINER,
    FACETS,
    GLOSS_WORDS,
    NAMES_TOO,
    REFERS_BACK,
    SPEAKING,
    Term,
    about_the_notes,
    announces,
    answered_in_italics,
    answered_on_its_line,
    aside_line,
    compares,
    defined_term,
    defining_sentence,
    definition_list,
    goes_on_defining,
    holds_an_arrow,
    is_analogy,
    is_aside,
    is_field_name,
    is_label,
    is_statement,
    joined_terms,
    keeps_a_record,
    keys_a_record,
    line_term,
    names_a_metadata_key,
    names_a_note_field,
    names_a_record_field,
    names_a_thing,
    only_asides,
    only_tags,
    opening_definition,
    opening_definitions,
    plain_defining_sentence,
    plain_label,
    plain_term,
    run_in_term,
    split_term,
    undecorated,
)
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_LIST_ITEM = regex(r"^(?:[-*+]|\d+[.)])\s")
_NUMBERING = regex(r"^\d+[.)]\s+")
_SECTION_NUMBER = regex(r"^(?P<over>\d{1,3}(?:\.\d{1,3})*)\.\d{1,3}\.?[ \t]+(?=\S)")
"""A section's number, ``3.2.1`` (under ``3.2``), or a quantity (``3.5 mm jack``, ``2.5 Gbps``)."""
_DEEP_SECTION_NUMBER = regex(r"^\d{1,2}(?:\.\d{1,2}){2}\.?[ \t]+(?=[^\W\d])")
"""A section's number of three parts of one or two digits (``3.1.2 Amazon Lightsail``): it numbers the
section whatever heading is over it. An address (``192.168.1.1``) or a longer number is a name's."""
_DEFINITION_LINE = regex(r"[:~][ \t]+(\S)")
_LOOSE_TERM_WORDS = 4
_SENTENCE_END = regex(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z\"'(\[*_])")
_GENERIC_HEADINGS = frozenset(
    {"overview", "summary", "key takeaways", "takeaways", "key points", "notes", "details", "recap"}
    | {"tl;dr", "tldr", "at a glance", "quick facts", "in short", "highlights", "introduction"}
)
"""Headings that name no subject: labels under one describe the heading above it."""
_EXAMPLE_HEADING = regex(
    r"(?i)(?:(?:a|an|another|worked|solved|sample|quick|simple|practice)\s+)?"
    r"(?:example|exercise|problem|calculation|demo)s?(?:\s+\d+(?:\.\d+)*)?\s*:?"
)
"""A heading over an example or an exercise (``Worked example``, ``Example 2``, ``Practice problems``):
what is under it is worked through, not what the heading names."""
_GLOSSARY_TERMS = 2
"""A glossary has at least two terms, and terms in two bullets of three or more."""
_NEARLY_ALL_OF = 10
"""A run of one-line paragraphs this long whose lines are nine in ten terms is a glossary."""
_LABEL_VALUES = (*LISTS, "fence", "code_block", "table")
"""What a bare label (``Example:``) takes from the block below it."""
_DEFINING = 2
"""At most this many paragraphs above a heading's labels say what it is; more are notes."""
DEFINING_WORDS = 3
"""Lines of bold terms are a glossary when a definition has this many words or more (``**Level:**
Beginner`` is a field's value)."""
_WORD_OR_IDEOGRAPHS = regex(r"[\u3040-\u30ff\u4e00-\u9fff]{1,2}|[^\s\u3040-\u30ff\u4e00-\u9fff]+")
"""A word: letters between spaces, or two ideographs or kana, as Chinese and Japanese write words with no
space between them (``资产阶级改良运动`` is four)."""
_ONE_LINE_WORDS = 40
"""At most this many words in the paragraph that describes a cheat sheet's heading: more are notes."""
_OUTLINE_NAME_WORDS = 4
"""At most this many words in a name an outline's bullet gives (more is a sentence)."""
_EXPORT_HEADER = regex(r"#[a-z ]+:\S*$")
"""A line of the header Anki writes over exported notes (``#separator:tab``, ``#html:true``)."""
_COLUMN = regex(r"#(?P<name>tags|guid|notetype|deck) column:(?P<number>\d+)$")
"""A header line naming the column of an exported note's tags, GUID, note type or deck (``#tags
column:3``, as Anki writes them when asked to): no side of a card."""
_SEPARATOR = regex(r"#separator:(\S+)$")
_SEPARATORS = {"tab": "\t", "pipe": "|", "comma": ",", "semicolon": ";", "colon": ":", "space": " "}
"""The separators an export's ``#separator:Pipe`` names, by name; a character names itself."""
_HTML_MARKS = (
    (regex(r"</?(?:b|strong)>", re.I), "**"),
    (regex(r"</?(?:i|em)>", re.I), "*"),
    (regex(r"(?:<br\s*/?>|</?div>)+", re.I), "\n\n"),
)
"""The HTML of fields Anki exports with ``#html:true``, as Markdown: bold, italics, line breaks."""
_NO_FIELDS = (
    "line of an Anki export with no separator between its fields, so it is no card: part its front "
    "from its back as the export's other lines do (the `#separator:` line names how)"
)
_ONE_LINE = (["prose"], ["facts"], ["prose", "facts"], ["prose", "prose"], ["code"])
"""What is under a cheat sheet's heading: its line as a paragraph, or as a bullet of its own, maybe
with plain bullets of facts, or a second short paragraph, right under the paragraph; or a snippet's
code alone."""
_ENUMERATION = regex(r":[^,.;:]+(?:,[^,.;:]+)+,?\s+(?:and|or)\s+[^,.;:]+")
"""A list of three or more after a colon (``… methods: **A**, **B**, and **C**.``): a set to recall,
which no card asks for. An item's spaces are its own: spaces before each item were read apart too, so a
list of n items and no ``and`` or ``or`` was tried in 2^n ways."""
_ABBREVIATIONS = ("e.g.", "i.e.", "vs.", "etc.", "approx.", "incl.", "no.")
_LONE_NAME_WORDS = 10
"""At most this many words in a bold name alone on its bullet over the paragraph that defines it (more is
a sentence in bold)."""


@dataclass(slots=True)
class _Pending:
    """A card whose back may still grow: label bullets after it, and plain bullets if it has no back."""

    item: Node
    term: Term
    pinned: str
    lead_in: str
    attributes: frozenset[str] = frozenset()
    """What the list's lines say of each of their terms after it (``; **SE**: …``): no terms of their own."""
    extra: list[str] = field(default_factory=list)
    dated: bool = True
    """Whether a date as its term asks for the date (``- 1789 - …``): not in a list of numbers that are
    no years (``- 53 - DNS`` beside ``- 443 - HTTPS``)."""
    facets: _Facets = "facets"
    """Which terms of its list name facets of the heading above it (``_faceted``)."""
    owner: str = ""
    """The thing above it in its list whose facet it names, where a thing leads the list (``Apixaban``
    over ``Mechanism``)."""

    @property
    def bare(self) -> bool:
        """``- **Term:**`` alone: the plain bullets (or the paragraph) after it are its definition."""
        return self.term.separated and not self.term.rest and len(self.item.children) == 1


def extract_cards(ctx: Context) -> Iterator[Item | Problem]:
    """Every term → definition card of the file, in notes order."""
    blocks = ctx.doc.blocks
    heading: Node | None = None
    heading_section: tuple[str, ...] = ()
    describing = True
    described: list[tuple[str, str]] = []
    """What is under the heading, in order, as (kind, Markdown): its label lines (``label``), and the
    paragraphs (``prose``) and code (``code``) around them, for its card when labels describe it."""
    carried: str | None = None
    """The lead-in of the list right above, which a list right after it goes on with."""
    explaining: Node | None = None
    """The paragraph the list right above took to explain its last name (``- **Name**``, a blank line,
    the paragraph): the names below it go on with the list's lead-in."""
    solved = _solved_needs(ctx)  # (its blocks claimed: its card is made at its heading's end)
    one_liners = _described_in_a_line(ctx)
    reported = _report_sections(blocks)
    entries = _glossary_entries(ctx)
    glossary_paragraphs = _glossary_paragraphs(ctx)
    tasks = _tasks_over_code(ctx)
    records = _named_records(ctx)
    shared_plain = _shared_plain_labels(ctx, records)
    picturing: str | None = None
    """The separator of the analogy's lines right above (``=``; ``""`` after its lead-in alone), or
    ``None`` where the block above is no analogy's."""
    for index, block in enumerate(blocks):
        if block.heading is not heading:
            yield from _heading_card(ctx, heading, heading_section, described, one_liners, entries, solved)
            heading, heading_section, described, describing = block.heading, block.section[:-1], [], True
        lead_in, carried = carried, None
        going_on, picturing = (picturing if block.heading is heading else None), None
        if block.node.type == "hr":  # what follows a `---` under the heading describes it no more
            describing = False
        if ctx.is_claimed(block.node) or _records_changes(block.section) or _lists_a_record(ctx, block):
            # `- **Cost**`, its paragraph, then `- **Speed**`: one list in the notes, cut by Markdown
            if lead_in and block.node is explaining and _names_over_explanations(ctx, blocks, index + 1):
                carried = lead_in
            continue
        if block.section and _ABOUT_THE_STUDYING.search(block.section[-1]):
            continue  # `## Essay plan (to do)`, `## Practice scores`: the studying's record, nothing to learn
        if (
            block.node.type in LISTS
            and _describes_heading(block.node)
            and not _titled(ctx, block.section, _GLOSSARY_TITLE)
            and not _gives_shared_labels(ctx, block.section)  # `- **Use case**:` first, `Pricing` next
        ):
            if describing:
                above = blocks[index - 1] if index else None
                if above is not None and above.heading is heading and _plain_paragraph(ctx, above.node):
                    described.append(("prose", ctx.doc.source(above.node)))  # what the labels describe
                described.append(("label", ctx.doc.source(block.node)))
        elif block.node.type in LISTS:
            after = blocks[index + 1].node if index + 1 < len(blocks) else None
            if (
                lead_in is None
            ):  # (a `4.` after three bullets starts a new list in Markdown, not in the notes)
                lead_in = lead_in_above(ctx, blocks[index - 1].node) if index else ""
            carried = lead_in
            explains = _definition(ctx, after)
            name = _name_above_facets(ctx, blocks, index)  # `Teres minor` over `- Action: …`
            section, lead_in = ((*block.section, name), "") if name else (block.section, lead_in)
            listed = list(_list_cards(ctx, block.node, section, lead_in, explains, under_a_name=bool(name)))
            explaining = explains if explains is not None and ctx.is_claimed(explains) else None
            yield from listed
            carded = any(not isinstance(made, Problem) for made in listed)  # its items: cards of their own
            if describing and carded and not lead_in and _gives_shared_labels(ctx, block.section):
                above = blocks[index - 1] if index else None
                if above is not None and above.heading is heading and _plain_paragraph(ctx, above.node):
                    described.append(("prose", ctx.doc.source(above.node)))  # what has these facets
                described.append(("facets", ""))
            if describing and not carded and _plain_facts(ctx, block.node):
                above = blocks[index - 1] if index else None
                if above is not None and above.heading is heading and _plain_paragraph(ctx, above.node):
                    described.append(("prose", ctx.doc.source(above.node)))  # what opens the facts
                described.append(("facts", ctx.doc.source(block.node)))
        elif id(block.node) in tasks:  # `Create a pod named web:` over its command
            code = tasks[id(block.node)]
            ctx.claim(code)
            task = _task_line(block.node.children[0].content).rstrip(":").strip()
            yield _card(ctx, block.node, block.section, task, ctx.doc.source(code), "")
        elif (formula := _label_over_formula(ctx, block)) is not None:  # `**Kinetic energy**` over `$$ … $$`
            yield _card(ctx, block.node, block.section, *formula, "")
        elif _cites(block.node):
            pass  # `> https://learn.microsoft.com/…` under a definition: where it comes from, no part of it
        elif block.node.type == "blockquote":
            quoted = list(_quoted_cards(ctx, block.node, block.section))
            yield from quoted
            said = _described_by(ctx, block.node) if describing and not quoted else None
            if said is not None and said is not block.node:  # `> Serverless SQL on S3.` under its name
                described.append(("prose", said.children[0].content))
        elif id(block.node) in reported:
            pass  # `**Aim:** To find …` in a lab's report: its sections, not terms to learn
        elif block.node.type == "paragraph" and about_the_notes(block.node.children[0].content):
            pass  # `Type: #service`, `Source: …` under a vault note's title: its fields, not what it says
        elif id(block.node) in records:  # `Drug: Warfarin` over `Class: …`, as for each drug after it
            yield from _record_cards(ctx, block, records[id(block.node)])
        elif id(block.node) in shared_plain and (subject := _subject(ctx, block.section)):
            yield from _plain_facet_cards(ctx, block, subject, shared_plain[id(block.node)])
            described.append(("facets", ""))  # `Holding: …` under each case: its cards, not the heading's
        elif (
            block.node.type == "paragraph"
            and id(block.node) not in glossary_paragraphs
            and (facets := _facet_paragraphs(ctx, blocks, index))
        ):
            yield from facets  # `**Pricing**: …` under ECS and EKS alike: a card each, not the heading's
            described.append(("facets", ""))
        elif block.node.type == "paragraph" and (analogy := _analogy_lines(block, going_on)) is not None:
            # `Think of it like this:` over `**Nucleus** = the head office`: metaphors, printed, no terms
            picturing = analogy
        elif (
            block.node.type == "paragraph"
            and _is_label_paragraph(block.node)
            and not (announces(block.node) and only_asides(block.node.children[0].content))
            and not _a_facet(glossary_paragraphs.get(id(block.node)))  # `**Examples**: …` among facets
            and not _named_by_label(glossary_paragraphs.get(id(block.node)))  # `**Exception:** an event …`
        ):
            label = ctx.doc.source(block.node)
            following = blocks[index + 1].node if index + 1 < len(blocks) else None
            if announces(block.node) and _names_over_explanations(ctx, blocks, index + 1):
                carried = announced_by(block.node)  # `Benefits:` over names each explained: a card each
                continue
            if (
                describing
                and announces(block.node)
                and following is not None
                and following.type in _LABEL_VALUES
            ):
                # `Use cases:` alone on its line: the list (or code, or table) below it is its value.
                label += "\n\n" + ctx.doc.source(following)
                ctx.claim(following)
            described += [("label", label)] if describing else []
        elif block.node.type == "paragraph":
            defined = _definitions_below(ctx, block.node, blocks[index + 1 :], block.section)
            announced = _announces(blocks[index - 1] if index else None, block)  # `These include:` above
            past = index + 1 + len(defined)
            indented = blocks[past].node if past < len(blocks) else None
            arrows = list(
                _line_cards(
                    ctx,
                    block.node,
                    block.section,
                    glossary_paragraphs,
                    defined,
                    announced=announced,
                    indented=indented if _goes_on(indented) else None,
                    next_block=blocks[index + 1].node if index + 1 < len(blocks) else None,
                )
            ) or list(_lone_timeline_line(ctx, block))
            yield from arrows
            if not arrows and _alphabet_of_glossary(ctx, block):
                yield Problem(ctx.at(block.node), _NO_GLOSSARY_TERM, "warning")  # no card of its letter
            elif not arrows and _states_an_unnamed_result(ctx, block.node):
                yield Problem(ctx.at(block.node), _UNNAMED_RESULT, "warning")  # `**Theorem 2.4.** Every …`
            following = blocks[index + 1].node if index + 1 < len(blocks) else None
            if describing and not arrows and (following is None or following.type not in LISTS):
                labelled = "label" in (kind for kind, _ in described) and _labels_of_facets(block.node)
                # `**Location**: …` after the heading's `**Function**: …`: one more of its labels, not notes
                described.append(("label" if labelled else "prose", ctx.doc.source(block.node)))
        elif block.node.type in ("fence", "code_block") and describing:
            described.append(("code", ctx.doc.source(block.node)))
    yield from _heading_card(ctx, heading, heading_section, described, one_liners, entries, solved)


def _goes_on(indented: Node | None) -> bool:
    """An indented block, below a paragraph, that may be a definition's paragraphs (``goes_on_defining``)."""
    return indented is not None and indented.type == "code_block" and goes_on_defining(indented.content)


def _lists_a_record(ctx: Context, block: Block) -> bool:
    return _records(ctx, block.node, block.section)


def _records(ctx: Context, node: Node, section: tuple[str, ...]) -> bool:
    """A list of ``Name: value`` items keeping a record (a book's details, a question's data fields),
    any list of a file titled as one meeting's record, or, under a section so titled, one of who said
    or does what (``- Alice: finished the VPC module``, ``- [ ] Bob — book the room``); a numbered
    list of steps under a ``Method`` heading."""
    if node.type not in LISTS:
        return False
    firsts = [item.children[0] if item.children else None for item in node.children]
    lines = [first.children[0].content for first in firsts if first is not None and first.type == "paragraph"]
    if len(lines) != len(node.children):
        return False
    if keeps_a_record("\n".join(lines)) or _records_a_meeting(ctx.doc.part):  # minutes hold no glossary
        return True
    if node.type == "ordered_list" and section and _STEPS_TITLE.fullmatch(section[-1].strip()):
        return True  # `## Method` over `1. **Simmer:** Add the tomatoes …`: what to do, in turn
    meeting = any(map(_records_a_meeting, section))
    return meeting and len(lines) >= 2 and all(map(_SAID_BY.match, lines))


_STEPS_TITLE = regex(
    r"(?i)(?:method|directions|instructions|preparation|setup|set\s+up|installation|getting\s+started"
    r"|quick\s*start|procedure|steps|how\s+to\s.+)\W*"
)
"""A section of steps to follow in turn, as recipes, experiments and READMEs title theirs."""


def _records_a_meeting(title: str) -> bool:
    """A title over one meeting's record: a meeting's word with its date, its sprint or how often it
    meets (``Team sync 2024-03-04``, ``Sprint 14 retro``, ``Weekly sync``, ``Minutes, 3 March``); a
    lecture's ``Sync vs async I/O``, a lab's ``Daily sync with rsync`` or ``4.2 Clock sync`` names a
    topic, and so do ``degrees, minutes and seconds``."""
    if _TOPIC.match(title):
        return False
    return _MEETING.search(title) is not None and _ONE_MEETING.search(title) is not None


_MEETING = regex(
    r"(?i)\b(?:meeting|sync|stand-?up|retro|kick-?off|study\s+group)\b|^\W*minutes\b|\bmeeting\s+minutes\b"
)
_ONE_MEETING = regex(
    r"(?i)\d{4}-\d\d-\d\d|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\bsprint\s+\d+|\b(?:weekly|daily|monthly)\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}\b"
)
"""A date (``2024-03-04``, ``3/4``, ``3 March``, ``March 3``), a sprint's number or how often it meets."""
_TOPIC = regex(
    r"(?i)\W*(?:(?:lecture|lab|chapter|unit|lesson|module|topic|week)\b|\d+(?:\.\d+)+\b|\d{1,2}\.?\s)"
)
"""A title that opens as a course's part does (``Lecture 4``, ``Lab 6``, ``4.2``, ``2.``): a topic's (a
date first, ``2024-03-04 standup``, is a meeting's)."""
_SAID_BY = regex(
    r"(?:\[[ xX]\]\s*)?(?:\*\*|__)?[A-Z][a-z]+(?::(?:\*\*|__)|(?:\*\*|__)?(?::|\s+[-\u2013\u2014]))\s"
)
"""A line opening with a person's name (one capitalised word) and a colon or dash: ``Alice: …``,
``**Bob:** …``, ``[ ] Chen — …`` (a task's checkbox first)."""


_TITLE_AFTER = regex(r"\s[\u2013\u2014-]\s|:\s")
"""What parts a heading's kind from its title: ``Example 12.3 - pH of a strong acid``, ``Solution: …``."""
_WORKINGS = frozenset({"solution", "worked solution", "working", "workings", "answer"})
"""Headings over the steps that work a problem out."""
_STEP_NAME_CHARACTERS = 40
"""A step names what it works out in a few words: a longer left side of ``=`` is a sentence."""


def _heading_kind(heading: str) -> str:
    """A heading's words before the title it may give after a dash or a colon: ``Example 12.3``."""
    return _TITLE_AFTER.split(_heading_front(heading), maxsplit=1)[0].strip()


def _opens_an_example(heading: str) -> bool:
    """Whether a heading is an example's or an exercise's, maybe with its title after a dash or a
    colon (``Example 12.3 - pH of a strong acid``): what is under it is worked, not named. A titled
    one is numbered or called an example: ``Problem: slow queries`` names a need to solve."""
    kind = _heading_kind(heading)
    titled = kind != _heading_front(heading)
    numbered = any(character.isdigit() for character in kind) or "example" in kind.casefold()
    return _EXAMPLE_HEADING.fullmatch(kind) is not None and (numbered or not titled)


def _assignment(item: Node) -> tuple[str, str] | None:
    """The name a list item's first line gives a value to with ``=`` and the value (``pH = -log(0.01)``)."""
    opening = first_inline(item)
    if opening is None:
        return None
    name, equals, value = opening.partition(" = ")
    short = equals and value.strip() and 0 < len(name.strip()) <= _STEP_NAME_CHARACTERS and "\n" not in name
    return (name.strip(), value.strip()) if short else None


def _works_a_calculation(node: Node, section: tuple[str, ...]) -> bool:
    """Whether a numbered list works a calculation out: its values calculate (``120 ÷ 60``) down to a
    result (``2 m/s``), and it stands under an example's or a solution's heading, or gives a name its
    result after a first value (``v = 3 * 4``, ``v = 12``). Words (``el perro = the dog``) are
    vocabulary, no steps."""
    if node.type != "ordered_list":
        return False
    steps = [step for item in node.children if (step := _assignment(item)) is not None]
    if not steps or not _calculates([value for _, value in steps]):
        return False
    worked = bool(section) and (
        _opens_an_example(section[-1]) or _heading_kind(section[-1]).casefold().rstrip(":") in _WORKINGS
    )
    return worked or _works_out_again(steps)


def _works_out_again(steps: Sequence[tuple[str, str]]) -> bool:
    """Whether a name is given a value again that is a result (``v = 3 * 4``, then ``v = 12``): the
    steps' answer; a second formula for it (``Density = weight / (g * volume)``) is a formula sheet's."""
    named: set[str] = set()
    for name, value in steps:
        if name in named and _a_result(value):
            return True
        named.add(name)
    return False


def _calculates(values: Sequence[str]) -> bool:
    """Whether a list's values are a calculation's: one holds a number or an operator, and the last
    is a number or a quantity, what the steps work out (``pH = 2``, ``Speed = 2 m/s``)."""
    return any(_CALCULATION.search(value) for value in values) and _a_result(values[-1])


def _a_result(value: str) -> bool:
    """A number, maybe with a unit's few words after it: ``2``, ``2 m/s``, ``£4.50``, ``500 g``; no
    operator after it (``1 / period``), a formula's."""
    number, _, unit = value.rstrip(" .").partition(" ")
    words = unit.split()
    units = all(word[:1].isalpha() or word[:1] in "\u00b0%" for word in words)
    return _RESULT_NUMBER.fullmatch(number) is not None and len(words) <= _UNIT_WORDS and units


_OPERATORS = "+\u2212\u00d7\u00f7*/^\u221a"
"""Signs of arithmetic (plus, minus, times, divided by, ``*``, ``/``, ``^``, a root), in a character class."""
_CALCULATION = regex(rf"[\d(){_OPERATORS}=]|\blog\b")
"""A number or an operator: what a calculation's value holds, and words do not."""
_RESULT_NUMBER = regex(r"[$\u00a3\u20ac]?[-\u2212]?\d[\d,.]*%?")
_UNIT_WORDS = 2


def _list_cards(
    ctx: Context,
    node: Node,
    section: tuple[str, ...],
    lead_in: str,
    after: Node | None = None,
    *,
    under_a_name: bool = False,
) -> Iterator[Item | Problem]:
    """Cards of one list, each with the list's ``lead_in``. ``after`` is the paragraph right below
    the list: a bare last term's definition, unless terms above it in the list have theirs on their
    own lines (then the bare one is unfinished, and the paragraph is about the list)."""
    if _works_a_calculation(node, section):
        return  # `1. pH = -log(0.01)`, `2. pH = 2`: steps of a worked example, printed, no terms
    if _pictures_an_analogy(section, lead_in, _first_lines(node)) or _sketches_a_flow(node, lead_in):
        return  # `Think of it like a kitchen:`, `visualize this flow:`: metaphors or steps, printed, no terms
    pending: _Pending | None = None
    told = False
    # Plain `Name → what it is` (or `=`, `:`) bullets are cards in a glossary, where most bullets have one;
    # in a list that tells a story ("A user uploads a photo → S3 stores it") they are steps.
    # So are sentences defining the bold name they open with (`**Amazon S3** is …`), and names over
    # one bullet saying what they are (an outline: `- Amazon S3` over `  - Object storage`).
    items = [item for item in node.children if not ctx.is_claimed(item)]
    said = [item for item in items if item.children and not ctx.is_claimed(item.children[0])]  # (a Q/A's)
    phrases = [_phrase(item) for item in said] if _titled(ctx, section, _PHRASES_TITLE) else []
    if len(phrases) >= _GLOSSARY_TERMS and all(phrases):  # `- No entiendo. — I don't understand.`
        for item, phrase in zip(said, phrases, strict=True):
            if phrase is not None:
                yield _card(ctx, item, section, *phrase, "", lead_in)
        return
    titled = _titled(ctx, section, _TERMS_TITLE)

    def outlined(item: Node) -> Term | None:  # under a name, its facet's few words too (`- Found in`)
        return _outlined(item, titled=titled or (under_a_name and bool(_facet_label(item))))

    defined = {id(item): term for item in items if (term := _defining_sentence(item) or outlined(item))}
    defined |= _outlined_alike(items, defined)  # `- Golgi apparatus` beside `- Ribosome`, each over its fact
    if not defined and len(items) >= _DEFINED_LINES:  # `- Osmosis is the diffusion …`, each item alike
        sentences = [_defining_sentence(item, plain=True) for item in items]
        defining = [term for term in sentences if term is not None and _says_what_it_is(term.rest)]
        long_enough = sum(len(term.rest.split()) for term in defining) >= _DEFINITION_WORDS * len(items)
        if len(defining) == len(items) and long_enough:  # `Maria is the new treasurer.`: minutes, no glossary
            defined = {id(item): term for item, term in zip(items, sentences, strict=True) if term}
    terms, named = _with_sentence_names(
        items,
        lambda item, sentence_names: _item_term(
            item, plain=True, titled=titled, sentence_names=sentence_names or titled
        ),
    )
    terms = _cut_at_first_separators(items, terms)  # `- Graves disease → ↑ T4 → tremor`
    read_items = list(zip(items, terms, strict=True))
    read = {id(item): term for item, term in read_items}
    glossary = _most(
        [id(item) in defined or _names_its_facts(item) or _has_definition(term) for item, term in read_items]
    ) or (
        under_a_name
        and (
            _names_facets([term or defined.get(id(item)) for item, term in read_items])
            or any(_SAYS_WHAT_IT_IS.fullmatch(term.front) for term in defined.values())
        )
    )  # `- Monopoly` over `- Definition` over what it is, and over `- price maker`: the name's card
    if _sample_records(lead_in, terms):
        return  # `It stores information like:` over `- **Data types:** string, integer`: examples, notes
    labels = [term.front.strip().lower() for term in terms if term is not None and term.is_label]
    # names run in after the terms of several lines (`; **SE**: …` on every drug's): what they say of each
    bolded = [term for term in terms if term and ("**" in term.rest or "__" in term.rest)]  # most have none
    run_in = Counter(
        name for term in bolded for name in {part.front.casefold() for part in joined_terms(term)[1:]}
    )
    attributes = frozenset(name for name, lines in run_in.items() if lines > 1)
    named_too = glossary and (titled or (len(labels) == 1 and labels[0] in NAMES_TOO))
    # every item a `Name: value` line, some of them no label: a label there is a fact as they are
    fields = glossary and all(terms) and any(term is not None and not term.is_label for term in terms)
    dated = _dated(terms)
    facets = _faceted(terms)
    if under_a_name and all(term is None or _names_an_attribute(term.front.strip("*_: ")) for term in terms):
        facets = "all"  # `- Azure VMs` over `- **Billing**: …`: every label the name's facet
    shared = _gives_shared_labels(ctx, section)  # `**Use case**:` under ECS and EKS: a card each
    owner = ""  # the last thing a term of the list named, whose facets the terms after it may name
    peers = 0  # the list's terms that are cards of their own so far
    names = _Names(terms)
    for index, item in enumerate(node.children):
        if ctx.is_claimed(item):  # a cloze
            continue
        # An item whose words another rule took (a flashcard's `**Q:** …`) names no term; its lists may.
        term = None
        if not (item.children and ctx.is_claimed(item.children[0])):
            plain = glossary and (pending is None or not pending.bare)
            if plain and id(item) in read:
                term = read[id(item)]  # as the glossary's vote read it
            else:
                term = _item_term(item, plain=plain, titled=titled, sentence_names=named or titled)
            term = term or (defined.get(id(item)) if glossary else None)
        if term is not None and only_tags(term):
            continue  # `- **Tags:** #habits` under a highlight: its metadata, no card
        if term is None and pending is not None and not pending.bare and len(item.children) == 1:
            term = aside_line(_first_words(ctx, item))  # `- Example: warfarin …` after a term: of it
        if term is None and under_a_name and pending is not None and pending.term.front == section[-1]:
            if len(item.children) == 1:
                pending.extra.append(ctx.doc.source(item))  # `- Must not be past` after the name's definition
            else:  # `- Barriers to entry` over a tree of its own: no fact of the definition, its own cards
                yield from _cards_below(
                    ctx, item, section, lead_in, node.children[max(index - 1, 0) : index + 2]
                )
            continue
        labelled = _is_label(term) and (not named_too or _remarks(term))  # a titled glossary's `Goal`
        if labelled and (under_a_name or shared) and term is not None and not is_aside(term.front):
            labelled = False  # `- Azure VMs` over `**Billing**: …` and `**Use case**: …`: both the VMs'
            if _SAYS_WHAT_IT_IS.fullmatch(term.front.strip()):
                term = replace(term, front=section[-1])  # `**Definition**: …`: the name's card
        if labelled and fields and term is not None and term.rest and not is_aside(term.front):
            # `- Purpose: …` with no term above it, or after a record's `- Time: …`: a fact of the heading
            pending_term = pending.term if pending is not None else None
            labelled = not (
                pending_term is None or pending_term.is_label or names_a_record_field(pending_term.front)
            )
        if labelled and pending is not None and term is not None and _all_facets(pending.term, term):
            labelled = False  # `**Mechanism**: …` then `**Examples**: …`: both the heading's, a card each
        if labelled and term is not None and is_statement(term.front):
            continue  # `- **Rule:** …` after `- **Acceptance:** …`: a statement, no fact of it; notes
        if pending is not None and labelled and term is not None and _of_another(term, pending.term, names):
            continue  # `- Remember: SQS …` after `**SNS**`: of another term, or of them all; notes
        if (
            labelled
            and pending is not None
            and term is not None
            and peers > 1
            and not pending.extra
            and _aside_of_the_heading(
                term, pending.term, [read.get(id(child)) for child in node.children[:index]]
            )
            and (subject := _subject(ctx, section))
        ):  # `- **Example:** …` after `- **Category:** Behavioral`: the heading's, not the category's
            yield from _flush(ctx, pending, section)
            pending = None
            front = f"{subject} \u2014 {_label_words(term.front.strip('*_: '))}"
            yield _card(ctx, item, section, front, term.rest, "", lead_in, facets="none")
            continue
        if pending is not None and (labelled or (term is None and pending.bare)):
            pending.extra.append(ctx.doc.source(item))
            continue
        if pending is not None:
            told = told or bool(pending.term.rest)
            yield from _flush(ctx, pending, section)
            pending = None
        if term is None:
            if glossary and _UNSEPARATED.match(_first_words(ctx, item)):
                yield Problem(ctx.at(item), _NO_SEPARATOR, "warning")  # a typo should not cost a card
            neighbours = node.children[max(index - 1, 0) : index + 2]  # whose facets may be the same
            below = list(_cards_below(ctx, item, section, lead_in, neighbours))
            yield from below
            if not below and _name_over_facts(ctx, item) and _glossary_of_outlines(ctx, items, defined):
                # beside `- Lysosome` over its one fact
                yield Problem(ctx.at(item), _FACTS_OF_A_NAME, "warning")
        elif not labelled:
            pinned = pinned_id(node) if index == 0 else ""
            owner = term.front if _names_a_thing(term) else owner
            peers += 1
            pending = _Pending(
                item, term, pinned, lead_in, attributes, dated=dated, facets=facets, owner=owner
            )
        elif is_aside(term.front) and term.rest:
            yield Problem(ctx.at(item), _ASIDE_OF_NO_TERM, "warning")  # `- **Note:** …` first: of what?
    if pending is not None:
        if (
            after is not None
            and not pending.extra
            and ((pending.bare and not told) or _defined_under_its_list(pending, after, items, read))
        ):
            pending.extra.append(ctx.doc.source(after))
            ctx.claim(after)
        yield from _flush(ctx, pending, section)


def _aside_of_the_heading(aside: Term, above: Term, before: Iterable[Term | None]) -> bool:
    """Whether an aside after an attribute's short value (``**Category:** Behavioral``, then
    ``**Example:** …``) speaks of the heading both describe, not of that value: no example is of
    ``Behavioral``. A facet's own list of things (``Uses: atrial fibrillation``) may take a remark, and
    so does a glossary's term (``**Heparin:** thrombin inhibitor``): every name ``before`` it in its
    list must label an attribute."""
    value = above.rest.strip("*_ ")
    return (
        is_aside(aside.front)
        and bool(aside.rest)
        and _names_an_attribute(above.front.strip("*_: "))
        and not _is_facet(above.front)
        and len(value.split()) <= _FACET_VALUE_WORDS
        and not value.endswith((".", "!", "?"))
        and _label_attributes([term.front.strip("*_: ") for term in before if term is not None])
    )


def _label_attributes(names: Sequence[str]) -> bool:
    """Whether a list's names all label a heading's attributes, one at least a label's word (``Intent``,
    ``Category``, ``Family``) and the others so too or a common noun's words (``Unit of code``): not a
    glossary's or a vocabulary's terms (``Heparin``, ``Pan``, ``Cell wall``)."""
    known = [_labels_an_attribute(name) for name in names]
    phrases = [" " in name and _ATTRIBUTE.fullmatch(name) is not None for name in names]
    return any(known) and all(map(operator.or_, known, phrases))


def _labels_an_attribute(name: str) -> bool:
    """A word that labels what a heading is or has (``Type``, ``Category``, ``Mechanism``, ``Year``)."""
    plain = name.casefold()
    return is_label(name) or _is_facet(name) or names_a_metadata_key(plain) or plain in _CLASSIFYING


_CLASSIFYING = frozenset(
    {"category", "kind", "class", "family", "group", "order", "genus", "species", "style", "intent"}
)
"""Labels that say which kind a heading is (``Category: Behavioral``, ``Family: Declarative``)."""


_FACET_VALUE_WORDS = 3
"""A facet's value in a few words (``Behavioral``, ``Loop diuretic``), no definition's sentence."""


def _defined_under_its_list(
    pending: _Pending, after: Node, items: Sequence[Node], read: Mapping[int, Term | None]
) -> bool:
    """``- **Amazon EBS**`` alone, a blank line, then the paragraph saying what it is (at the margin, so
    Markdown ends the list there): that paragraph is the name's back, as if indented under it, where
    the name is alone in its list or every item above it is defined on its own line. Not under names
    alone (``- **EC2**``, ``- **S3**``, a set the paragraph speaks of), nor a bold sentence or question,
    nor a paragraph that announces what follows, opens with a term of its own, or speaks (``we``)."""
    term = pending.term
    if term.separated or term.rest or len(pending.item.children) != 1:
        return False
    if len(term.front.split()) > _LONE_NAME_WORDS or term.front.rstrip("*_ ").endswith((".", "!", "?")):
        return False
    if not all(_has_definition(read.get(id(item))) for item in items if item is not pending.item):
        return False
    return _explains_name_above(after)


def _explains_name_above(paragraph: Node) -> bool:
    """Whether a paragraph can explain a bold name alone right above it: it does not announce what
    follows, open with a term of its own, or speak (``we``)."""
    words = paragraph.children[0].content
    return (
        not announces(paragraph) and split_term(paragraph.children[0]) is None and not _SPEAKS.search(words)
    )


def _names_over_explanations(ctx: Context, blocks: Sequence[Block], index: int) -> bool:
    """Whether the block at ``index`` is a list of bold names, each alone on its line (``- **Cost
    effective**``) over the paragraphs that explain it: its lines below it, or paragraphs indented
    under it, or, for the last name, the paragraph right below the list (at the margin, so Markdown
    ends the list there). Each name is a card, asked with the line that introduces them."""
    node = blocks[index].node if index < len(blocks) else None
    if node is None or node.type not in LISTS or ctx.is_claimed(node):
        return False
    below = _definition(ctx, blocks[index + 1].node if index + 1 < len(blocks) else None)
    for at, item in enumerate(node.children):
        first = item.children[0] if item.children else None
        if first is None or first.type != "paragraph" or not _name_alone(first.children[0].content):
            return False
        if any(child.type != "paragraph" for child in item.children[1:]):
            return False  # `- **Name**` over a list of its own: a group, or a set to recall
        explained = "\n" in first.children[0].content.strip() or len(item.children) > 1
        last = at == len(node.children) - 1
        if not explained and not (last and below is not None and _explains_name_above(below)):
            return False
    return True


def _name_alone(text: str) -> bool:
    """Whether the first line of a paragraph is a bold name alone (``**Cost effective**``, or with
    its colon), of a few words: not a bold sentence or question, nor an aside's label (``**Note**``)."""
    line = text.partition("\n")[0].strip()
    bold = BOLD_TEXT.fullmatch(line.removesuffix(":"))
    name = bold["inner"].strip().removesuffix(":").strip() if bold is not None else ""
    sentence = name.endswith((".", "!", "?")) or len(name.split()) > _LONE_NAME_WORDS
    return bool(name) and not sentence and not is_label(name)


_SPEAKS = regex(rf"(?:{SPEAKING.pattern})(?!/)")
"""Words of someone speaking (``we``, ``I``), not the ``I`` of ``I/O``: a lecture's talk, no definition."""


def _pictures_an_analogy(section: tuple[str, ...], lead_in: str, lines: Sequence[str] = ()) -> bool:
    """Whether a list stands under an analogy's heading (``### Real-world analogy``) or lead-in
    (``Think of it like a kitchen:``, ``The relay race analogy:``, ``ELI5:``): its lines picture a
    thing by another (``**Chef** = the nucleus``), so they define no term, and a card of one would
    tell a student something false. A lead-in that only points at terms (``Think of the terms
    below:``, ``Key terms:``) is no analogy, and one that likens or asks to imagine (``It's like a
    dictionary:``, ``Think of Lambda as a vending machine:``, ``Imagine a library:``) pictures only
    over picture lines (``**Key** = a word``), not over definitions (``**Key:** The name …``) nor
    formulas (``**Speed** = distance / time``)."""
    under_one = bool(section) and is_analogy(_heading_front(section[-1]), heading=True)
    if under_one or is_analogy(lead_in):
        return True
    return _opens_an_analogy(lead_in) and bool(lines) and all(map(_pictures, lines))


def _opens_an_analogy(lead_in: str) -> bool:
    """Whether a line opens an analogy: its label (``The relay race analogy:``, ``ELI5:``), or words
    that liken or ask to imagine (``Think of it like this:``, ``It's like a dance:``)."""
    return is_analogy(lead_in) or any(
        pattern.match(lead_in) is not None for pattern in (_ANALOGY_LEAD_IN, _LIKENING)
    )


def _pictures(line: str) -> bool:
    """Whether a line pictures its name by another thing: ``**Firehose** = the delivery truck`` (a name
    of three letters or more, ``=`` and words, no formula: ``**F** = ma``, ``= distance / time``), or
    a sentence about it (``**DynamoDB** speaks "database"``); ``**Trigger:** an event …`` defines."""
    separator = _separator_of(line)
    if separator != "=":
        return not separator and line_term(line) is None and plain_term(line) is None
    name, _, said = line.replace("*", "").replace("_", " ").partition("=")
    return len(name.strip()) > 2 and _FORMULA_SIGN.search(said) is None


_FORMULA_SIGN = regex(rf"[{_OPERATORS}]|\blog\b")
"""An operator or a function: what a formula's side holds and a picture's words do not (a name may
hold a digit: ``storing in S3``)."""


def _first_lines(node: Node) -> list[str]:
    """The first line of each item of a list (``**Key** = a word``), ``""`` for one opening otherwise."""
    return [(first_inline(item) or "").split("\n")[0] for item in node.children]


def _analogy_lines(block: Block, going_on: str | None) -> str | None:
    """The separator of a paragraph's lines if they are an analogy's, else ``None``: under an analogy's
    heading, after an analogy's lead-in opening it (``Think of it like this:`` over ``**Nucleus** =
    the head office``), or lines naming things as the analogy's lines right above do (``going_on``,
    the separator they use: ``**Golgi** = the post office``). A line written otherwise (``**Mayonnaise:**
    An emulsion …`` after ``=`` lines) is the notes' own again."""
    lines = block.node.children[0].content.split("\n")
    first = lines[0].strip()
    if first.endswith(":") and _opens_an_analogy(first):
        if len(lines) == 1:
            return ""  # a lead-in alone: the lines after it say whether they picture
        return _separator_of(lines[1]) if _pictures_an_analogy((), first, lines[1:]) else None
    if _pictures_an_analogy(block.section, ""):
        return _separator_of(lines[0])
    if going_on is None or not all(map(_pictures, lines)):
        return None
    separators = {_separator_of(line) for line in lines}
    separator = separators.pop()
    return separator if not separators and going_on in ("", separator) else None


def _separator_of(line: str) -> str:
    """The separator between a line's name and what it says of it (``=`` in ``**Oil** = a crowd``)."""
    found = _LINE_SEPARATOR.search(line.replace("*", "").replace("_", " "))
    return found[0].strip() if found else ""


_LINE_SEPARATOR = regex(r"\s=\s|:\s|\s[-\u2013\u2014]\s|->|=>|\u2192")


_ANALOGY_LEAD_IN = regex(
    r"(?i)\W*(?:think\s+of\s+(?:[\w'\u2019-]+\s+){1,3}(?:as|like)\b|imagine\b|picture\s+(?:it|this|that)\b"
    r"|eli5\b|explain(?:ed)?\s+like\s+i['\u2019]?m\s+five\b)"
)
"""Words opening an analogy: ``Think of it like …``, ``Think of a cell as …``, ``Imagine …``, ``ELI5``."""
_LIKENING = regex(
    r"(?i)\W*(?:(?:it['\u2019]s|it\s+is|this\s+is|that['\u2019]s)\s+(?:just\s+|kind\s+of\s+|sort\s+of\s+)?like\b"
    r"|like\s+an?\b)"
)
"""Words likening a thing to another (``It's like a dictionary:``, ``Like a relay race:``): an analogy
over picture lines, but as often a plain lead-in over the real terms."""


def _sketches_a_flow(node: Node, lead_in: str) -> bool:
    """Whether a list sketches a flow's steps rather than terms: a lead-in names a flow (``Data flow:``,
    ``visualize this flow:``) over items whose backs hold arrows (``2. **Edge:** → Reverse proxy``).
    Numbered terms under ``Workflow:`` are a glossary still, and without such a lead-in items opening
    with an arrow are each a term's result (``**Higher interest rates:** → less borrowing``)."""
    if _NAMES_A_FLOW.search(lead_in) is None:
        return False
    terms = [_step_term(item) for item in node.children]
    return any(map(_moves_on, node.children, terms))


def _moves_on(item: Node, term: Term | None) -> bool:
    """Whether a list item says a move with an arrow in what it says (``**Client:** Browser → DNS``, or
    ``User → DNS`` with no term), not in the name it defines (``**Pending → Active:** The order …``)."""
    if term is not None:
        return holds_an_arrow(term.rest)
    return any(holds_an_arrow(child.content) for child in item.walk())


def _step_term(item: Node) -> Term | None:
    return _item_term(item) or _item_term(item, plain=True)


_NAMES_A_FLOW = regex(
    r"(?i)(?:^\W*(?:(?:the|this|a|our|its)\s+)?(?:[\w-]+\s+){0,2}|\bvisuali[sz]e\s+(?:this|the)\s+(?:[\w-]+\s+)?)"
    r"(?:flow|workflow|path|diagram|pipeline)s?\W*:\s*$"
)
"""A lead-in naming a flow: ``Data flow:``, ``Request path:``, ``The complete flow:``, ``… visualize
this flow:``."""


def _sample_records(lead_in: str, terms: Sequence[Term | None]) -> bool:
    """Whether a list a line introduces as examples (``It stores information like:``, ``such as:``)
    shows sample data, not facts: most of its values are identifiers, paths or addresses, or lists of
    type names or of a word repeated (``**Column names:** customer_id, first_name``, ``**Data types:**
    string, string, integer``). Asked for, such a value is recited, not learnt: it stays in the notes."""
    if not _INTRODUCES_EXAMPLES.search(lead_in):
        return False
    values = [term.rest for term in terms if term is not None]
    return bool(values) and _most([_sample_value(value) for value in values])


def _sample_value(value: str) -> bool:
    """A value that reads as sample data (``customer_id``, ``s3://bucket/data/``, ``string, integer``)."""
    words = [word.strip(" .`*_").casefold() for word in value.split(",")]
    repeated = len(words) > 1 and len(set(words)) < len(words)
    typed = len(words) > 1 and all(word in _TYPE_NAMES for word in words)
    return repeated or typed or _SAMPLE_DATA.search(value) is not None


_INTRODUCES_EXAMPLES = regex(r"(?i)\b(?:like|such\s+as|for\s+example|for\s+instance|e\.g\.?)\s*:\s*$")
"""A lead-in whose list shows examples (``It stores information like:``, ``… such as:``, ``e.g.:``)."""
_SAMPLE_DATA = regex(
    r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\b[a-z]{2,}[0-9]*[A-Z][a-z]|\w://|(?<![\w/.-])(?:[.~]?/[\w.-]+|[\w.-]+/[\w.-]*/)"
)
"""An identifier (``customer_id``, ``firstName``), an address (``s3://…``) or a path (``/var/log``,
``data/raw/``; ``and/or`` is none)."""
_TYPE_NAMES = frozenset(
    {"string", "str", "integer", "int", "bigint", "float", "double", "decimal", "boolean", "bool"}
    | {"date", "datetime", "timestamp", "varchar", "char", "text", "number", "array", "object", "null"}
)
"""Data types' names, as a schema lists them."""


def _faceted(terms: Iterable[Term | None]) -> _Facets:
    """Which of the terms said together (a list's, a paragraph's lines) are facets of the heading above
    them: none where a thing of its own leads them (``**Apixaban:** a factor Xa inhibitor`` over its
    ``**Mechanism:**``: the thing's facets, ``_owner_of_facet``); every one (``all``) where a facet leads
    them (``Mechanism``, then ``Reversal``) or most name facets or labels (``Protocol``, ``Scope``,
    ``Scaling``), each an attribute's name; else those whose names say so (``facets``, or ``mixed``
    where a few facets stand among other terms)."""
    named = [term for term in terms if term is not None]
    if not any(map(_a_facet, named)):
        return "facets"
    if not _a_facet(named[0]) and _names_a_thing(named[0]):
        return "none"
    labelled = sum(_a_facet(term) or is_label(term.front) for term in named)
    if not _a_facet(named[0]) and labelled * 2 <= len(named):
        return "mixed"
    return "all" if all(_names_an_attribute(term.front.strip("*_: ")) for term in named) else "facets"


def _names_a_thing(term: Term) -> bool:
    """Whether a term names a thing of its own: a name with capitals of its own (``Amazon DynamoDB``),
    or one its words define (``**Apixaban:** a factor Xa inhibitor``)."""
    return not _names_an_attribute(term.front.strip("*_: ")) or _defines_a_thing(term.rest)


def _defines_a_thing(words: str) -> bool:
    return _DEFINES_A_THING.match(words.lstrip("*_ ")) is not None


_Facets = Literal["all", "facets", "mixed", "none"]
_DEFINES_A_THING = regex(r"(?i)(?:an?|the)\s")
"""How a definition of a thing opens (``a factor Xa inhibitor …``)."""


def _names_an_attribute(name: str) -> bool:
    """A facet's or a label's name, or a common noun's few words (``Reversal``, ``Half-life``, or
    ``Half-Life`` in a title's capitals: a hyphen joins one noun), where a thing's name has capitals of
    its own (``Global Tables``, ``Amazon S3``)."""
    return _is_facet(name) or is_label(name) or _ATTRIBUTE.fullmatch(name) is not None


_TITLE_CASED = regex(r"[A-Z][a-z]+(?:[- ][A-Z][a-z]+){0,2}")
"""A common noun's few words in a title's capitals (``Peak Effect``), as a cram sheet's labels are."""
_ATTRIBUTE = regex(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+| [a-z]+){0,2}")


def _a_facet(term: Term | None) -> bool:
    return term is not None and _all_facets(term)


def _all_facets(*terms: Term) -> bool:
    """Whether every term names a facet of a subject (``Mechanism``, then ``Examples``): facets of the
    heading above them each, where an aside's label after a thing's own term would speak of it."""
    return all(_is_facet(term.front) for term in terms)


def _is_facet(name: str) -> bool:
    """Whether a term's name (bold and colon around it or not) is a word for a facet of a subject."""
    return name.strip("*_: ").casefold() in FACETS


def _remarks(term: Term | None) -> bool:
    """Whether an aside's label opens a remark even in a glossary, whose labels name terms as often
    (``Note: both must be communicated.``, not ``Summary: a short account of …``): it does not say what
    its label is."""
    return term is not None and is_aside(term.front) and not _says_what_it_is(term.rest)


def _of_another(aside: Term, above: Term, names: _Names) -> bool:
    """Whether an aside after a term speaks of another term of its list (``- Remember: SQS keeps …``
    after ``**SNS**``) or of them all (``both``, ``all of them``), not of the term above it: on that
    card's back it would muddle what the card says."""
    if not is_aside(aside.front) or _mentions(aside.rest, _core(above.front)):
        return False
    if _ALL_OF_THEM.search(aside.rest) is not None:
        return True
    if REFERS_BACK.search(aside.rest) is not None:
        return False  # `- Tip: unlike SQS, it needs no polling.` after `**SNS**`: of the term above
    return names.named_in(aside.rest)


class _Names:
    """The terms of a list an aside may name, by the first word of each: an aside is looked for
    names by its own words, not by every term of a list of thousands. Indexed when first asked:
    most lists hold no aside to ask of."""

    def __init__(self, terms: Iterable[Term | None]) -> None:
        self._terms = tuple(terms)

    @cached_property
    def _by_word(self) -> dict[str, list[str]]:
        by_word: dict[str, list[str]] = {}
        for term in self._terms:
            if term is not None and not term.is_label and len(core := _core(term.front)) >= 2:
                words = _WORD.findall(core.lower())
                by_word.setdefault(words[0] if words else "", []).append(core)
        return by_word

    def named_in(self, text: str) -> bool:
        candidates = (
            core for word in {"", *_WORD.findall(text.lower())} for core in self._by_word.get(word, ())
        )
        return any(_mentions(text, core) for core in candidates)


def _mentions(text: str, core: str) -> bool:
    """Whether ``text`` names a term by ``core`` (its words before a bracket: ``EC2`` of ``EC2 (Elastic
    …)``) as a word of its own, case aside; a mnemonic's letter names nothing."""
    return len(core) >= 2 and re.search(rf"(?<!\w){re.escape(core)}(?!\w)", text, re.IGNORECASE) is not None


def _core(name: str) -> str:
    return name.partition(" (")[0].strip(" *_`")


_WORD = regex(r"\w+")


_ALL_OF_THEM = regex(
    r"(?i)\b(?:both|neither|all\s+(?:of\s+)?(?:them|these|those|three|four|five)|(?:each|none)\s+of\s+(?:them|these))\b"
)
"""Words that speak of every term of a list at once, none in particular."""


def _names_facets(terms: Sequence[Term | None]) -> bool:
    """Whether the terms under an outline's name are its facets, however few (``- Teres minor`` over
    ``- Action: external rotation`` alone): what it is (``- Definition: …``), or every one an attribute's
    name with a value, each the name's card as two facets would be."""
    if any(map(_says_what_the_name_is, terms)):
        return True
    return bool(terms) and all(
        term is not None and _has_definition(term) and _names_an_attribute(term.front.strip("*_: "))
        for term in terms
    )


def _says_what_the_name_is(term: Term | None) -> bool:
    """``- Definition: …`` under an outline's name: the name's own card."""
    return term is not None and bool(term.rest) and _SAYS_WHAT_IT_IS.fullmatch(term.front.strip()) is not None


_SAYS_WHAT_IT_IS = regex(r"(?i)definition|meaning|what(?: it is)?|overview")
"""Labels under a name that say what the name is: the name's card, not the label's."""
_UNSEPARATED = regex(r"(?:\*\*|__)[^*_\n]*[^*_\n:.\u2013\u2014-](?:\*\*|__)[ \t]+[A-Z]")
"""A bold name run into a sentence of its own with no separator (``**Zone-redundant gateways** For
regions …``); not a sentence it opens (``**Grow Ring** adds servers …``)."""
_FACTS_OF_A_NAME = (
    "name over several facts, beside names carded with the one fact under each, made no card: give it "
    "one fact saying what it is (`- Definition` over it), or write each fact as `Name: fact`"
)
_ASIDE_OF_NO_TERM = (
    "aside with no term above it in its list to go on, so it is no card: put it under the term it "
    "speaks of, or write it as a card (`**Name:** what it is`)"
)
_NO_SEPARATOR = (
    "bold name among terms with no separator after it, so it is no card: write a colon after it "
    "(`**Name:** what it is`)"
)


def _first_words(ctx: Context, item: Node) -> str:
    """The words an item opens with; none when another rule took them (``**Q:** …``)."""
    first = item.children[0] if item.children else None
    unread = first is not None and first.type == "paragraph" and not ctx.is_claimed(first)
    return first.children[0].content if first is not None and unread else ""


_DEFINING_CALLOUTS = frozenset(
    {"definition", "define", "def", "defn", "term", "vocab", "vocabulary", "concept"}
)
"""Callouts whose title is a term, their body what it means: ``> [!definition] Innate immunity``."""
_SPOKEN = frozenset({"quote", "cite"})
"""Callouts that quote what someone said: ``**Ana:** …`` lines there are speakers, not terms."""


def _quoted_cards(
    ctx: Context, quote: Node, section: tuple[str, ...], *, glossary: bool | None = None
) -> Iterator[Item | Problem]:
    """Term lists in a quote or an Obsidian callout (``> [!tip] Exam hints`` then ``> - **S3:** …``),
    and a callout's lines of terms (``> **S3:** …``, two or more; a plain quote's or a ``[!quote]``'s
    are what someone said, unless the quote is a glossary: ``_quotes_a_glossary``): cards as outside
    it, each list's lead-in the quoted paragraph right above it. A content tab's title is a section of
    its own, as a heading's: each tab names what its terms are of. A definition's callout titled with
    its term, words under it, is that term's card."""
    called = callout(quote)
    if glossary is None:
        glossary = called is None and _quotes_a_glossary(ctx, quote)
    if called is not None and called.kind == "tab" and called.title:
        section = (*section, called.title)
    if called is not None and _defines_its_title(called):  # `> [!definition] Innate immunity` over words
        said = [called.lines, *(ctx.doc.source(block) for block in called.blocks)]
        ctx.claim(*quote.children)
        yield _card(ctx, quote.children[0], section, undecorated(called.title), "\n\n".join(said), "")
        return
    for index, child in enumerate(quote.children):
        if ctx.is_claimed(child):
            continue
        if child.type == "blockquote":
            yield from _quoted_cards(ctx, child, section, glossary=glossary)
        elif child.type in LISTS and not _describes_heading(child) and not _records(ctx, child, section):
            lead_in = lead_in_above(ctx, quote.children[index - 1]) if index else ""
            yield from _list_cards(ctx, child, section, lead_in)
        elif child.type == "paragraph" and (lecture := defined_term(child.children[0].content)):
            yield _card(ctx, child, section, lecture.front, lecture.rest, "")  # `> **Definition (X):** …`
        elif child.type == "paragraph" and (opened := _callout_definition(child, called, index)) is not None:
            yield _card(ctx, child, section, opened.front, opened.rest, "")  # `> A **VPC** … is a …`
        elif child.type == "paragraph" and called is not None and called.kind.lower() not in _SPOKEN:
            lines = child.children[0].content.split("\n")  # `> [!tip]` over `> **EFS:** …` lines
            marked = 1 if index == 0 and CALLOUT.match(lines[0]) else 0
            for offset, term in _glossary_lines(lines[marked:]) or _boxed_term(lines[marked:]):
                yield _card(ctx, child, section, term.front, term.rest, "", offset=marked + offset)
        elif child.type == "paragraph" and glossary:  # `> **Osmosis**: the movement of water …`
            for offset, term in _quoted_terms(child):
                yield _card(ctx, child, section, term.front, term.rest, "", offset=offset)


def _boxed_term(lines: Sequence[str]) -> list[tuple[int, Term]]:
    """The term of a callout's paragraph of one line that defines a bold name as a glossary does
    (``> [!info]`` over ``> **Working tree:** The files you edit …``, as an admonition or a site's hint
    box holds one too), at its place: a card, as the same line outside the box is."""
    term = line_term(lines[0]) if len(lines) == 1 and not SPEAKING.search(lines[0]) else None
    return [(0, term)] if term is not None and _defines_as_a_glossary(term) else []


def _quotes_a_glossary(ctx: Context, quote: Node) -> bool:
    """Whether a plain quote, with the quotes in it, defines terms rather than quotes someone: two or
    more lines of bold terms (``> **Act utilitarianism**: judge each act …``), or one under an emoji
    as a callout pasted from Notion marks it (``> 💡 **Osmosis**: the movement of …``). A chat's
    lines are no glossary: a name said twice, the first person, a question or an exclamation, or
    names of one capitalised word each over sentences of their own (``> **Ana:** It works.``)."""
    paragraphs = [node for node in _quoted_paragraphs(quote) if not ctx.is_claimed(node)]
    lines = [line for node in paragraphs for line in node.children[0].content.split("\n")]
    terms = [term for node in paragraphs for _, term in _quoted_terms(node)]
    if not terms or any(SPEAKING.search(line) for line in lines):
        return False
    names = [term.front.casefold() for term in terms]
    if len(set(names)) < len(names) or any(term.rest.rstrip().endswith(("?", "!")) for term in terms):
        return False
    if all(_SPEAKER.fullmatch(term.front) and term.rest[:1].isupper() for term in terms):
        return False
    first = lines[0].lstrip() if lines else ""
    return len(terms) >= _GLOSSARY_TERMS or (undecorated(first) != first and not first.startswith("["))


def _quoted_paragraphs(quote: Node) -> Iterator[Node]:
    """The paragraphs of a quote and of the quotes in it, in order."""
    for child in quote.children:
        if child.type == "paragraph":
            yield child
        elif child.type == "blockquote":
            yield from _quoted_paragraphs(child)


def _quoted_terms(paragraph: Node) -> list[tuple[int, Term]]:
    """Each line's bold term (with its index) when every line of a quoted paragraph is one; else none."""
    terms = [line_term(line) for line in paragraph.children[0].content.split("\n")]
    named = [term for term in terms if term is not None and not is_label(term.front)]
    return list(enumerate(named)) if len(named) == len(terms) else []


_SPEAKER = regex(r"[A-Z][a-z]+")
"""A name of one capitalised word, as a chat's speakers are named (``Ana``)."""


def _defines_its_title(called: Callout) -> bool:
    """A definition's callout titled with its term, its body opening with words (one opening with a
    list stays a callout, as a MkDocs ``!!! definition`` does: a card would ask for a set)."""
    return (
        called.kind in _DEFINING_CALLOUTS
        and bool(called.title and called.lines)
        and not is_label(called.title)
    )


def _callout_definition(paragraph: Node, called: Callout | None, index: int) -> Term | None:
    """A callout's sentence defining a bold name, as a textbook opens a paragraph with one (under
    ``> [!info] Definition``, ``> A **VPC** (Virtual Private Cloud) is a …``)."""
    if called is None or called.kind in _SPOKEN:
        return None
    text = called.lines if index == 0 else paragraph.children[0].content
    return opening_definition(text) if text else None


def _cards_below(
    ctx: Context, item: Node, section: tuple[str, ...], lead_in: str, beside: Sequence[Node] = ()
) -> Iterator[Item | Problem]:
    """A plain bullet groups the lists under it, and terms there are cards; a bullet that announces
    them (``- Choose scaling up when:``) is their lead-in. (Under a term they are its back, unless
    they are things of their own that its name groups: ``_groups_terms``.)"""
    first = item.children[0] if item.children else None
    own = announced_by(first) if first is not None and first.type == "paragraph" else ""
    named = first.children[0].content.strip() if first is not None and first.type == "paragraph" else ""
    if (
        own
        or "\n" in named
        or not (names_a_thing(undecorated(named)) or _names_over_facets(ctx, item, beside))
    ):
        named = ""
    for child in item.children[1:]:
        if child.type in LISTS and not ctx.is_claimed(child):  # a flashcard's nested `- **A:** …`
            yield from _list_cards(
                ctx, child, (*section, named) if named else section, own or lead_in, under_a_name=bool(named)
            )


def _names_over_facets(ctx: Context, item: Node, beside: Sequence[Node]) -> bool:
    """A bullet of a few words in sentence case (``- Teres minor``, ``- Broca's area``) over bullets that
    each give one of its facets (``- Action: external rotation``, or ``- Location`` over its value as
    outliners write it): the name of what they describe, as a capitalised one is, whose facet each asks.
    The labels must name facets or recur under a name ``beside`` it (``Action`` under ``Teres major``
    too): a group's name over a glossary (``- Tort law`` over ``- Negligence: …``) keeps its terms."""
    name = undecorated(paragraph_words(item.children[0]).strip()) if item.children else ""
    beside_labels = [_facet_labels(ctx, other) for other in beside if other is not item]
    return _name_of_facets(name, _facet_labels(ctx, item), beside_labels)


def _name_of_facets(name: str, labels: frozenset[str], beside: Iterable[frozenset[str]]) -> bool:
    """Whether ``name`` names what the facets ``labels`` under it describe: a few words in sentence case
    and no sentence, the labels facets' or labels' words or given under a name ``beside`` it too."""
    if (
        len(name.split()) > _OUTLINE_NAME_WORDS
        or not name[:1].isupper()
        or name.endswith((".", "!", "?", ":"))
        or not labels
    ):
        return False
    if any(_is_facet(label) or is_label(label) for label in labels):
        return True
    return any(labels & other for other in beside)


def _facet_labels(ctx: Context, item: Node) -> frozenset[str]:
    """The labels of the bullets under an outline's name when every one gives a facet (``_facet_label``);
    none otherwise."""
    return _list_facet_labels(ctx, item.children[1:])


def _list_facet_labels(ctx: Context, lists: Iterable[Node]) -> frozenset[str]:
    """The labels of the lists' bullets when every one gives a facet (``_facet_label``); none otherwise."""
    below = [child for child in lists if child.type in LISTS and not ctx.is_claimed(child)]
    labels = [_facet_label(each) for child in below for each in child.children]
    return frozenset(labels) if labels and all(labels) else frozenset()


def _name_above_facets(ctx: Context, blocks: Sequence[Block], index: int) -> str:
    """The name on a line of its own right above the list at ``index`` (``Teres minor`` over ``- Action:
    external rotation``), as an outline's bullet names its facets (``_names_over_facets``); "" if none.
    Lists of the same form beside it (a name over each) may share its labels."""
    name = _line_above(ctx, blocks, index)
    if not name:
        return ""
    labels = _list_facet_labels(ctx, [blocks[index].node])
    beside = (
        _list_facet_labels(ctx, [blocks[other].node])
        for other in (index - 2, index + 2)
        if 0 < other < len(blocks) and _line_above(ctx, blocks, other)
    )
    return name if _name_of_facets(name, labels, beside) else ""


def _line_above(ctx: Context, blocks: Sequence[Block], index: int) -> str:
    """The paragraph of one line right above the block at ``index``, under the same heading, in bold
    or not (``**Teres minor**``)."""
    above = blocks[index - 1] if index else None
    if (
        above is None
        or above.heading is not blocks[index].heading
        or not _unclaimed_paragraph(ctx, above.node)
    ):
        return ""
    words = undecorated(paragraph_words(above.node).strip())
    bold = BOLD_TEXT.fullmatch(words)
    if bold is not None:
        return bold["inner"].strip()
    return "" if "\n" in words or _is_label_paragraph(above.node) else words


def _facet_label(item: Node) -> str:
    """The label of ``- Action: external rotation`` (an attribute's name, a colon, its value), or of
    ``- Location`` alone over the bullets of its value; "" for any other bullet."""
    first = item.children[0] if item.children else None
    if first is None or first.type != "paragraph" or "\n" in (line := first.children[0].content):
        return ""
    name, colon, value = undecorated(line).partition(":")
    nested = len(item.children) == 2 and item.children[1].type in LISTS
    given = bool(value.strip()) if colon else nested
    name = name.strip("*_ ")
    return name.casefold() if given and _names_an_attribute(name) else ""


def lead_in_above(ctx: Context, above: Node, *, asking: bool = False) -> str:
    """The lead-in a list gets from the block right above it: a paragraph that announces it (or, if
    ``asking``, one that asks a question its items answer)."""
    if above.type != "paragraph" or ctx.is_claimed(above):
        return ""
    if _is_label_paragraph(above):  # `**Tip:** Pick one by need:`, the label no part of it
        label = above.children[0].content.strip()
        if is_analogy(label):
            return label  # `ELI5:`, `**Analogy:**` alone: the list below is its analogy
        term = split_term(above.children[0])
        return term.rest if term is not None and term.rest.endswith(":") else ""
    return announced_by(above, asking=asking)


def announced_by(paragraph: Node, *, asking: bool = False) -> str:
    """What a paragraph says to introduce the list below it: its last sentence when that ends with a
    colon (``Choose Scaling Up (Vertical) When:``), or with a question mark if ``asking``, or the
    whole of a bold line (``**Key services**``); else nothing, since a paragraph that does not
    announce the list is not about its items."""
    text = " ".join(paragraph.children[0].content.split())
    if text.endswith("::"):
        return ""  # `Osmosis :::`: a flashcard's front with its back still to write
    bold = re.fullmatch(r"(\*\*\*?|___?)(?P<inner>[^*_]+?)\1:?", text)  # `***Severe***` too
    if bold is not None:
        inner = bold["inner"].strip()
        return inner if inner.endswith((":", "?", "!", ".", "\uff1a", "\uff1f", "\u3002")) else f"{inner}:"
    if not text.replace("*", "").replace("_", "").rstrip().endswith((":", "?") if asking else ":"):
        return ""
    return _last_sentence(text)


def _last_sentence(text: str) -> str:
    """The last sentence of inline Markdown; the whole text where a cut would split its markup."""
    lowered = text.lower()
    starts = [
        match.end()
        for match in _SENTENCE_END.finditer(text)
        if not lowered.endswith(_ABBREVIATIONS, 0, match.start())
    ]
    last = text[starts[-1] :] if starts else text
    balanced = last.count("**") % 2 == 0 and last.count("[") == last.count("]") and last.count("`") % 2 == 0
    return last if balanced else text


def _describes_heading(node: Node) -> bool:
    """A list with a label before any term (`- **Type:** …`, or plain facts then `- **Use Case:** …`)
    describes the heading above it as a whole (unless a glossary's title: its terms are named so)."""
    for item in node.children:
        term = _item_term(item)
        if term is not None:
            return term.is_label and not _defines_a_label_word(term)
    return False


def _defines_a_label_word(term: Term) -> bool:
    """Whether an aside's label that a subject names a term by as often says what that term is (a
    programming glossary's ``**Exception:** an event that …``, not ``**Exception:** after *weil* …``):
    a term. Attribute labels (``**Scope:** A VPC spans …``) keep describing the heading."""
    front = term.front.strip().lower()
    return is_aside(front) and front in NAMES_TOO and _says_what_it_is(term.rest)


def _stresses(term: Term) -> bool:
    """Whether a line is a label (``Key idea``, ``Takeaway``; not one a subject names a term by as often,
    ``Solution``) over a sentence: what the notes stress, where a vocabulary's ``Why → pourquoi`` names."""
    label = is_label(term.front) and term.front.strip().lower() not in NAMES_TOO
    return label and len(term.rest.split()) >= _STRESSED_WORDS


_STRESSED_WORDS = 4
"""At least this many words after a label make it a sentence stressed, not a word's translation."""
_STATES = regex(r"(?i)\s(?:is|are|was|were)\s+\S(?!.*\?\s*$)")
"""A verb stating what something is, in a front that asks nothing (``The net reaction is …``): a
sentence's start, where a name goes before a separator."""


def _is_label(term: Term | None) -> bool:
    return term is not None and term.is_label


def _definition(ctx: Context, node: Node | None) -> Node | None:
    """A paragraph that can define the bare term above it (not a label line, not taken)."""
    if node is None or node.type != "paragraph" or ctx.is_claimed(node) or _is_label_paragraph(node):
        return None
    return node


def _flush(ctx: Context, pending: _Pending, section: tuple[str, ...]) -> Iterator[Item | Problem]:
    term = pending.term
    alone = len(pending.item.children) == 1 and not pending.extra
    joined = joined_terms(term, pending.attributes) if alone else [term]
    if len(joined) > 1:  # `**EC2**: servers<br>**Lambda**: functions`: one thing per card
        for index, each in enumerate(joined):
            yield _card(
                ctx,
                pending.item,
                section,
                each.front,
                each.rest,
                "" if index else pending.pinned,
                pending.lead_in,
                dated=pending.dated,
                facets=pending.facets,
                owner=pending.owner,
            )
        return
    below = pending.item.children[1:]
    if not term.rest and not pending.extra and len(below) == 1 and _groups_terms(ctx, below[0]):
        # `- **Cardiac drugs**` over `- **Digoxin**: …` items: a card each, asked under the group's name
        yield from _list_cards(ctx, below[0], section, pending.lead_in or f"{term.front}:")
        return
    if not term.rest and not pending.extra and len(below) == 1 and (group := _outlined_group(ctx, below[0])):
        # `- **Scales**` over `- Major scale` over `- pattern W W H W W W H`: a card each, no set to recall
        lead_in = pending.lead_in or f"{term.front}:"
        for item, name in group:
            fact = item_text(ctx.doc.source(item.children[1]))
            yield _card(ctx, item, section, name.front, fact, "", lead_in, facets="none")
        return
    own = _own_lines_over_terms(ctx, term, below) if not pending.extra else None
    if own is not None:  # `- **Orchestration:**` over `- Manages containers.`, `- **Amazon ECS:** …`
        yield from _own_card_and_named_parts(ctx, pending, section, below[0], own)
        return
    parts = [term.rest] if term.rest else []
    carded = any(ctx.is_claimed(node) for child in below for node in child.walk())  # `- Function >> …`
    if not term.rest and len(below) == 1 and below[0].type in LISTS and len(below[0].children) == 1:
        if not carded:  # `- **S3**` over one bullet: what it says, unless that bullet is a card of its own
            parts.append(item_text(ctx.doc.source(below[0])))
    else:
        parts += [ctx.doc.source(child) for child in below]
    if pending.extra:
        parts.append(_join(pending.extra))
    back = "\n\n".join(part for part in parts if part.strip())
    if back:
        yield _pending_card(ctx, pending, section, back)
    elif term.separated and not carded:
        message = f"card {term.front!r} has an empty back: write its definition after the term"
        yield ctx.problem(pending.item, message)


def _pending_card(ctx: Context, pending: _Pending, section: tuple[str, ...], back: str) -> Item | Problem:
    """The card of the term a list item holds, with ``back``."""
    return _card(
        ctx,
        pending.item,
        section,
        pending.term.front,
        back,
        pending.pinned,
        pending.lead_in,
        dated=pending.dated,
        facets=pending.facets,
        owner=pending.owner,
    )


def _own_lines_over_terms(ctx: Context, term: Term, below: Sequence[Node]) -> int | None:
    """How many plain bullets open the one list under a term that has a definition of its own (after
    its colon, or those bullets) when two or more defined terms follow them, each a name with capitals
    of its own: things of their own named under it (``Amazon ECS``, ``Amazon EKS`` under
    ``Orchestration``), each a card, not words of its back. ``None`` where the list is otherwise (a
    label or an attribute among them, ``Pricing:``, ``Use case:``; a plain bullet after a term; a term
    with no definition): its back, as before."""
    if len(below) != 1 or below[0].type not in LISTS or len(below[0].children) < _NAMED_PARTS:
        return None
    items = below[0].children
    terms = [_item_term(item) for item in items]
    own = next((index for index, found in enumerate(terms) if found is not None), len(items))
    if len(items) - own < _NAMED_PARTS or not (term.rest or own):
        return None
    if not all(found is not None and found.rest and _names_a_part(found) for found in terms[own:]):
        return None
    plain = items[:own]
    if any(len(item.children) != 1 or _item_term(item, plain=True) is not None for item in plain):
        return None  # `- Region: …` among them, or a plain bullet over a list of its own: no one definition
    said = item_words(plain[-1]) if plain else term.rest
    if said.rstrip(" *_").endswith((":", "\uff1a")):
        return None  # `… in two editions:` over them: they finish what it says
    return None if any(ctx.is_claimed(node) for item in items for node in item.walk()) else own


def _names_a_part(term: Term) -> bool:
    """A name with capitals of its own (``Amazon ECS``, ``Foundation Models (FMs)``, ``Dynamic Scaling``):
    a thing; ``Pricing``, ``Use cases`` or ``Half-life`` name an attribute of the term above."""
    return not _names_an_attribute(term.front.strip("*_: "))


_NAMED_PARTS = 2
"""At least this many defined terms under a defined term are things of their own (one is a detail of it)."""


def _own_card_and_named_parts(
    ctx: Context, pending: _Pending, section: tuple[str, ...], parts: Node, own: int
) -> Iterator[Item | Problem]:
    """The term's card, its back its own definition (after its colon and in the plain bullets opening
    the list under it), then a card for each term of that list, asked under the term's name."""
    term = pending.term
    lines = [ctx.doc.source(item) for item in parts.children[:own]]
    said = "" if not lines else item_text(lines[0]) if len(lines) == 1 else _join(lines)
    yield _pending_card(ctx, pending, section, "\n\n".join(part for part in (term.rest, said) if part))
    for item in parts.children[:own]:
        ctx.claim(item)
    yield from _list_cards(ctx, parts, section, f"{term.front}:")


def _outlined_group(ctx: Context, node: Node) -> list[tuple[Node, Term]]:
    """The items of a list under a group's name, when two or more and each an outline's capitalised name
    over the one fact that says what it is (``- Major scale`` over ``- pattern W W H W W W H``): the
    things the group holds, a card each; none otherwise (a list of facts, of labels, of sentences)."""
    if node.type not in LISTS or len(node.children) < _GLOSSARY_TERMS:
        return []
    group = [(item, _name_over_one_fact(item)) for item in node.children]
    if any(
        name is None
        or not name.front[:1].isupper()
        or name.front.endswith((".", "!", "?"))
        or is_label(name.front)
        or _is_facet(name.front)  # `- **Mitochondrion**` over `- Function` over its value: its facets
        or not _names(name.front)
        or _CALENDAR_TITLE.fullmatch(name.front)  # `- Monday` over `- gym at six`: a plan by day
        or not _describes(item_text(ctx.doc.source(item.children[1])).removeprefix("- "))
        or any(ctx.is_claimed(each) for each in item.walk())
        for item, name in group
    ):
        return []  # `- **Clothes**` over `- Socks` over `- five pairs`: a list to pack, as it is written
    return [(item, name) for item, name in group if name is not None]


def _describes(fact: str, words: int = 3) -> bool:
    """Whether a fact under a name says what the thing is or does (``fixed loop that will not slip``):
    ``words`` or more, no count or amount (``five pairs``, ``200 g``, ``at 3pm``)."""
    return len(fact.split()) >= words and _QUANTITY.match(fact) is None


_QUANTITY = regex(
    r"(?i)\d|(?:a\s+few|a\s+couple|some|several|half|a\s+dozen|dozens|a\s+pinch|a\s+handful|plenty)\b"
)
"""How much or how many, opening a line: an amount to pack or to buy, no description."""


def _name_over_one_fact(item: Node) -> Term | None:
    """An outline's name of a line over one bullet of one line (``- Round turn and two half hitches``
    over ``- holds a load under strain``): ``_outlined``'s shape, names of a few more words too, as a
    group's members are named (no sentence: at most ``_SUBJECT_WORDS``)."""
    if len(item.children) != 2 or item.children[0].type != "paragraph" or item.children[1].type not in LISTS:
        return None
    below = item.children[1].children
    if len(below) != 1 or len(below[0].children) != 1 or below[0].children[0].type != "paragraph":
        return None
    name, said = item.children[0].children[0].content, below[0].children[0].children[0].content
    if "\n" in name + said or not said.strip() or len(name.split()) > _SUBJECT_WORDS:
        return None
    return Term(name.strip().removesuffix(":").rstrip(), "", separated=True)


def _groups_terms(ctx: Context, node: Node) -> bool:
    """Whether a list is of two or more terms, each defined on its item and none an attribute's label
    (``Use case:``): things of their own that the name above it groups, no parts of one."""
    if node.type not in LISTS or len(node.children) < 2:
        return False
    firsts = [item.children[0] if item.children else None for item in node.children]
    terms = [
        split_term(first.children[0]) if first is not None and first.type == "paragraph" else None
        for first in firsts
    ]
    return all(term is not None and term.rest and not term.is_label for term in terms)


def _heading_card(
    ctx: Context,
    heading: Node | None,
    section: tuple[str, ...],
    described: list[tuple[str, str]],
    one_liners: Container[int],
    entries: Mapping[int, _Entry],
    solved: Mapping[int, _SolvedNeed],
) -> Iterator[Item | Problem]:
    """Label lines right under a heading describe the heading: together they make one card, after
    the paragraph or two (and code) above them that say what it is. More paragraphs are notes, and
    what follows the labels (`To learn more …`, an analogy) is no part of the card. A heading among
    ``one_liners`` is a card with the paragraph under it (``### Amazon Athena`` over ``Serverless SQL
    on S3.``), one of a glossary's ``entries`` with what defines it; one of the needs ``solved`` asks
    for its solution."""
    if heading is not None and _opens_an_example(heading_text(heading)):  # `### Example 2.3: pH of …`
        return  # `## Worked example` over a problem and its working: a case to follow, nothing it names
    over = section[-1] if section else ctx.doc.part
    if heading is not None and id(heading) in solved:
        yield _solution_card(
            ctx, heading, section, solved[id(heading)], _heading_front(heading_text(heading), over)
        )
        return
    if heading is not None and id(heading) in entries:
        entry = entries[id(heading)]
        if not any(line in ctx.made_at for line in entry.lines):  # `- Runoff: …` bullets: terms of their own
            front = entry.front or _heading_front(heading_text(heading), over)
            yield _card(ctx, heading, section, front, entry.back, pinned_id(heading))
        return
    if heading is not None and id(heading) in one_liners and [kind for kind, _ in described] in _ONE_LINE:
        front = _heading_front(heading_text(heading), over)
        back = (
            item_text(described[0][1])
            if [kind for kind, _ in described] in (["prose"], ["facts"])
            else "\n\n".join(text for _, text in described)
        )
        name, said = _named_heading(front)  # its id still the whole heading's, as before it was split
        back = f"{said}\n\n{back}" if said else back
        yield _card(ctx, heading, section, name, back, pinned_id(heading), key=front)
        return
    if heading is not None and [kind for kind, _ in described] == ["prose"]:
        named = _defined_by(ctx, heading, section) or _labelled_term(heading)
        if named:  # `## Definition` over what the note's subject is, `## Concept: Erg` over what it is
            yield _card(ctx, heading, section, named, item_text(described[0][1]), pinned_id(heading))
            return
    if heading is not None and (concept := _concept_note(ctx, heading, described)):
        front = _heading_front(heading_text(heading), over)  # `# Absolute advantage` over what it is
        yield _card(ctx, heading, section, front, concept, pinned_id(heading))
        return
    labels = [text for kind, text in described if kind == "label"]
    faceted = ("facets", "") in described  # its facets are cards: what it is, above them, is its own
    if (
        heading is None
        or not (labels or faceted)
        or (heading.tag == "h1" and _SESSION_TITLE.search(heading_text(heading)))
    ):
        return  # `# Week 3 Lecture Notes`: a session's notes, or steps to follow, are no one thing to recall
    title = heading_text(heading)
    if numbers_a_question(title) and not title.rstrip().endswith("?"):
        return  # `## Question 2` over an answer label: a question no rule could read, no card's front
    front = _heading_front(title, over)
    if front.lower() in _GENERIC_HEADINGS or _is_glossary_title(title):
        # `### Overview` (or `### Key terms`) under `## Amazon DynamoDB` describes DynamoDB
        if not section:
            return  # `## Summary` of the whole part: a list to recall, not one thing
        front = _heading_front(section[-1])
    first = next(index for index, (kind, _) in enumerate(described) if kind in ("label", "facets"))
    above = described[:first]
    phrase = heading.tag == "h1" and _names(front) and not _SESSION_TITLE.search(title)  # a concept note's
    defining = any(
        kind == "prose" and (_says_what(front, text) or (phrase and _definition_phrase(text)))
        for kind, text in above
    )  # `# Absolute advantage` over `The ability to produce …` and `Example: …`: what it names, an example
    if labels and all(map(only_asides, labels)) and not defining:
        return  # `Remember: …` under `## Key events`: an aside to notes that say what no thing is
    defined = [text for _, text in above] if sum(kind == "prose" for kind, _ in above) <= _DEFINING else []
    tags = ""
    if not defined and len(labels) == 1:  # `Definition: Emulates a machine.` alone: its label says nothing
        labels[0], tags = _without_page_properties(labels[0])
        labels[0] = _DEFINITION_LABEL.sub("", labels[0], count=1)
    back = "\n\n".join([*defined, _join(labels)] if labels else defined)
    if back:
        yield _card(ctx, heading, section, front, back, pinned_id(heading), tags=tags)


def _concept_note(ctx: Context, heading: Node, described: Sequence[tuple[str, str]]) -> str:
    """The definition a note of one concept opens with, as a Zettelkasten keeps one a file: the file's
    only ``#`` title (``# Absolute advantage``) over a first paragraph of a sentence or two saying what
    it is (``The ability to produce …``, ``Scarcity is the condition …``), whatever follows it (links,
    tags, an aside, facts; a phrase alone, only what is no prose); "" for any other. Labels under the title
    (``Example: …``) make the heading's card their own way; a title over a list, a question or a story
    (``The war began …``, sentences, or prose after a phrase) is no concept's."""
    kinds = [kind for kind, _ in described]
    if heading.tag != "h1" or not kinds or kinds[0] != "prose" or "label" in kinds or "facets" in kinds:
        return ""
    title = heading_text(heading)
    if (
        _SESSION_TITLE.search(title)
        or _CALENDAR_TITLE.fullmatch(title.strip(" .:"))
        or title.rstrip().endswith("?")
        or len(title.split()) > _OUTLINE_NAME_WORDS
    ):
        return ""
    if sum(block.node.tag == "h1" for block in ctx.doc.blocks if block.node.type == "heading") != 1:
        return ""
    text = " ".join(item_text(described[0][1]).split())
    if len(text.split()) > _ONE_LINE_WORDS or not text.endswith(".") or _EMPHASIS.sub("", text) != text:
        return ""
    if _SENTENCE_END.search(text):
        return ""  # `The flight left at six. We …`: a story's sentences, no one definition
    prose = [
        text
        for kind, text in described[1:]
        if kind == "prose" and "[[" not in text and _NOTE_METADATA.sub("", text).strip(" \n,;")
    ]  # the note's tags, and its lines that link to others (`See also [[…]] — …`), are no more prose
    alone = not prose  # a phrase over more prose may open a story as well
    paragraphs = [
        block.node.children[0].content for block in ctx.doc.blocks if block.node.type == "paragraph"
    ]
    journal = any(_JOURNAL_TAG.search(text) for text in paragraphs)  # `#journal #2024`: a day's entry
    links = _NOTE_LINKS_UNTAGGED if journal else _NOTE_LINKS
    linked = any(links.search(text) for text in paragraphs)
    phrase = alone and linked and _definition_phrase(text)  # `# Ideas` over `A better way to …`: no note's
    return text if _says_what(_heading_front(title), text) or phrase else ""


def _definition_phrase(text: str) -> bool:
    """Whether ``text`` is a definition's noun phrase alone (``The ability to produce …``, ``The value of
    the next best alternative forgone when a choice is made.``), no statement (``The three kinds of rock
    are …``: its verb before any clause) nor the writer's own words (``The words I kept meeting …``)."""
    if _DEFINITION_NOUN.match(text) is None or _OWN_WORDS.search(text):
        return False
    main = _RELATIVE.split(text, maxsplit=1)[0]  # the noun phrase, before what it relates
    return _IS_WORD.search(main) is None


_WIKI_LINK = r"\[\[[^\[\]\n]*\]\]"
_NOTE_METADATA = regex(rf"#[\w/-]+|{_WIKI_LINK}|(?m:^[\w -]{{1,30}}::?[ \t]*)")
"""What a note keeps about itself: tags (``#economics``), links (``[[Scarcity]]``) and the labels over
them (``Related:``, ``up::``)."""
_LINK_FIELD = r"^[\w -]{1,30}::"
_NOTE_LINKS = regex(rf"{_WIKI_LINK}|(?:^|\s)#[^\W\d_][\w/-]*|{_LINK_FIELD}", re.M)
"""What ties a note of one concept to others (links, tags, ``up::`` fields): a title over a bare phrase
is a concept's only in such a note (``# Ideas`` over ``A better way to sort the spice rack.`` is not)."""
_NOTE_LINKS_UNTAGGED = regex(rf"{_WIKI_LINK}|{_LINK_FIELD}", re.M)
"""A journal's note's links (its tags say when it was written, not what it ties to)."""
_JOURNAL_TAG = regex(r"(?i)(?:^|\s)#(?:journal|diary|daily|dailies|log|logbook|reflections?)\b")
"""A tag that files a note as a day's entry (``#journal``, ``#daily``): no concept's note."""
_OWN_WORDS = regex(r"\b(?:I|me|my|we|our|us)\b")
_RELATIVE = regex(r",|\b(?:that|which|who|whom|whose|when|where|if|because)\b")
_IS_WORD = regex(r"\b(?:is|are|was|were)\b")


_DEFINITION_NOUN = regex(
    rf"{DETERMINER.pattern}\s*(?:[\w'-]+\s+){{0,3}}?[\w'-]+\s+"
    r"(?:of|that|which|who|whose|where|in\s+which|to|for|used|with|by|from|[a-z]{3,}ing)\b"
)
"""A definition's noun phrase: an article, a noun of a few words, then what ties what follows to it
(``The ability to …``, ``A writ requiring …``, ``The value of …``); no sentence's verb (``The war began``)."""


def _without_page_properties(label: str) -> tuple[str, str]:
    """A ``Definition: …`` line without the page's properties on the lines below it (``Subject:
    Biology``, ``Tags: cell-division``, ``Confidence: 3``, as Notion exports a database page; a
    Dataview key's ``Year: 2`` beside them), and the tags they list: the definition is what is studied,
    the tags sort its card. Any other line below it keeps them all."""
    first, *others = label.split("\n")
    fields = [line.partition(":") for line in others]
    if not others or not _DEFINITION_LABEL.match(first):
        return label, ""
    if not all(colon and value.strip() and names_a_metadata_key(name) for name, colon, value in fields):
        return label, ""
    if not any(names_a_note_field(name) for name, _, _ in fields):
        return label, ""  # `Class: Mammalia`, `Year: described in 1758` alone: more of the definition
    tags = " ".join(value for name, _, value in fields if name.strip(" *_").casefold() == "tags")
    return first, tags


@dataclass(frozen=True, slots=True)
class _SolvedNeed:
    """A heading naming a need (``Requirement: Offline access.``), what it says of it, and its solution."""

    kind: str
    """The heading's word for the need, as written (``Requirement``, ``Problem``)."""
    need: str
    """The heading's words after it."""
    statement: str
    """The paragraph under the heading stating the need, if any."""
    labels: Node
    """The list of labelled bullets under it."""
    solution: Node
    """The one bullet of them that names the solution (``**Solution:** …``)."""
    term: Term
    """That bullet's label and what it says."""


def _solved_needs(ctx: Context) -> dict[int, _SolvedNeed]:
    """The headings (ids) that name a need, a problem or a scenario (``### 3. Requirement: Offline
    access.``) over, maybe, one paragraph stating it and then one list of labelled bullets alone
    (``**Solution:** …``, ``**Why:** …``), one of them naming the solution: a write-up whose section,
    as one card, would ask for all of it. Its card asks for the solution to the need as stated."""
    blocks = ctx.doc.blocks
    starts = [index for index, block in enumerate(blocks) if block.node.type == "heading"]
    found: dict[int, _SolvedNeed] = {}
    for start, end in itertools.pairwise([*starts, len(blocks)]):
        heading = blocks[start].node
        named = _NEED_HEADING.fullmatch(_heading_front(heading_text(heading)))
        below = [block.node for block in blocks[start + 1 : end]]
        if (
            named is None
            or ctx.is_claimed(heading)
            or not below
            or len(below) > 2
            or below[-1].type not in LISTS
        ):
            continue
        stated = below[0] if len(below) == 2 else None
        if stated is not None and not (_plain_paragraph(ctx, stated) and not announces(stated)):
            continue
        solution = _one_solution(ctx, below[-1])
        if solution is not None:
            statement = " ".join(stated.children[0].content.split()) if stated is not None else ""
            found[id(heading)] = _SolvedNeed(named["kind"], named["need"], statement, below[-1], *solution)
            ctx.claim(*below)
    return found


def _one_solution(ctx: Context, labels: Node) -> tuple[Node, Term] | None:
    """The bullet naming the solution in a list whose every bullet opens with a bold label and what it
    says (``**Solution:** …``, ``**Why:** …``), where exactly one names a solution; none otherwise."""
    if ctx.is_claimed(labels):
        return None
    terms: list[tuple[Node, Term]] = []
    for item in labels.children:
        first = item.children[0] if item.children else None
        if first is None or first.type != "paragraph" or ctx.is_claimed(first):
            return None
        line, _, more = first.children[0].content.partition("\n")
        term = bold_label(line.strip())
        if term is None or not (said := f"{term.rest}\n{more}".strip()):
            return None
        terms.append((item, replace(term, rest=said)))  # its words to the end of its paragraph
    solutions = [(item, term) for item, term in terms if _SOLUTION_LABEL.fullmatch(term.front)]
    return solutions[0] if len(solutions) == 1 else None


_NEED_HEADING = regex(
    r"(?i)(?P<kind>requirements?|problem|scenario|challenge|need|issue|use\s+case)\s*:\s*(?P<need>\S.*)"
)
"""A heading naming a need to meet: ``Requirement: Offline access.``, ``Problem: Slow page loads``."""
_SOLUTION_LABEL = regex(
    r"(?i)(?:[\w-]+\s+){0,2}(?:solution|answer|fix|approach|resolution|recommendation|remedy)"
)
"""A label naming what meets a need: ``Solution``, ``Fix``, ``Recommended approach``, ``Our answer``."""


def _solution_card(
    ctx: Context, heading: Node, section: tuple[str, ...], solved: _SolvedNeed, key: str
) -> Item | Problem:
    """The card of a need's write-up: the need as stated (the paragraph, else the heading's words)
    asking for the label's solution; its back the solution, then what else the bullets say of it
    (how it is done, why it is best), as written. Its id the heading's, as when the section was one
    card."""
    lead_in = f"{solved.kind}: {solved.need}" if solved.statement else f"{solved.kind}:"
    front = f"{solved.statement or solved.need} \u2014 {solved.term.front}?"
    said = [ctx.doc.source(child) for child in solved.solution.children[1:]]
    others = [ctx.doc.source(item) for item in solved.labels.children if item is not solved.solution]
    back = "\n\n".join([solved.term.rest, *said, *([_join(others)] if others else [])])
    return _card(ctx, heading, section, front, back, pinned_id(heading), lead_in, key=key)


def _facet_paragraphs(ctx: Context, blocks: Sequence[Block], index: int) -> list[Item | Problem]:
    """A paragraph of bold labels' lines under a heading whose labels other headings give too
    (``_gives_shared_labels``): a card each for that facet of the heading's subject (``**Pricing**: …``
    under ``## Amazon EKS`` as under ``## Amazon ECS``), the last line maybe alone over the list that
    says it (``**Diet**:`` over bullets); asides' paragraphs right below (``**Note**: …``) go on the
    last one's back. [] for any other paragraph: a heading's own ``**Definition**:`` is its card's."""
    block = blocks[index]
    words = block.node.children[0].content
    if not words.startswith(("**", "__")) or not _gives_shared_labels(ctx, block.section):
        return []  # most paragraphs
    named = _labels_of_facets(block.node)
    if not named or any(not term.rest for term in named[:-1]):
        return []
    below = [following.node for following in blocks[index + 1 :]]
    backs = [term.rest for term in named]
    if not backs[-1]:
        if not below or below[0].type not in LISTS or ctx.is_claimed(below[0]):
            return []
        backs[-1] = ctx.doc.source(below[0])  # `**Diet**:` over the bullets that say it
        ctx.claim(below.pop(0))
    asides = list(itertools.takewhile(partial(_only_asides, ctx), below))
    ctx.claim(block.node, *asides)
    backs[-1] = "\n\n".join([backs[-1], *(ctx.doc.source(aside) for aside in asides)])
    return [
        _card(ctx, block.node, block.section, term.front, back, "", offset=offset)
        for offset, (term, back) in enumerate(zip(named, backs, strict=True))
    ]


def _named_records(ctx: Context) -> dict[int, list[Term]]:
    """Paragraphs of labelled lines under one heading, two or more opening with the same label over a
    name each and giving the same labels after it (``**Drug:** Metoprolol`` over ``**Class:** …``, then
    ``**Drug:** Furosemide`` over its ``**Class:** …``): one record per thing, its first line naming
    it, the others its facets; each paragraph's id → its lines' terms."""
    grouped: dict[tuple[tuple[str, ...], str], list[tuple[Node, list[Term]]]] = {}
    for block in ctx.doc.blocks:
        terms = _labelled_lines(ctx, block.node)
        if terms:
            grouped.setdefault((block.section, terms[0].front.casefold()), []).append((block.node, terms))
    found: dict[int, list[Term]] = {}
    for records in grouped.values():
        names = [terms[0].rest for _, terms in records]
        labels = [{term.front.casefold() for term in terms} for _, terms in records]
        if (
            len(records) >= 2
            and len(set(names)) == len(names)
            and all(map(_names_a_record, names))
            and len(set.intersection(*labels)) >= 2  # the naming label and a facet, in each
            and not keys_a_record(records[0][1][0].front)  # `Name: Ann Lee`, `Date: …`: a form's, minutes'
            and all(_reads_as_facet(term.front) for _, terms in records for term in terms[1:])
        ):
            found |= {id(node): terms for node, terms in records}
    return found


def _labelled_lines(ctx: Context, node: Node) -> list[Term]:
    """A paragraph's lines, two or more, if each is a label, bold or plain, over what it says."""
    if node.type != "paragraph" or ctx.is_claimed(node) or about_the_notes(node.children[0].content):
        return []
    found = [bold_label(line) or plain_label(line) for line in node.children[0].content.split("\n")]
    terms = [term for term in found if term is not None and term.rest]
    return terms if len(terms) == len(found) >= 2 else []


def _names_a_record(value: str) -> bool:
    """Whether a record's first value is a name (``Metoprolol``, ``Ohm's law``), not a sentence, a
    question or someone's words (``Why this job``, ``Tell me …``), nor a date or a version (``2.1.0``)."""
    plain = value.strip("*_ ")
    return (
        len(plain.split()) <= _OUTLINE_NAME_WORDS
        and not plain.endswith((".", "?", "!", ":"))
        and not plain[:1].isdigit()
        and _ASKS.match(plain) is None
        and SPEAKING.search(plain) is None
    )


_ASKS = regex(r"(?i:what|why|how|when|where|which|who|tell|describe|explain)\b")
"""How a question or a request opens (``Why this hospital``, ``Tell me about …``)."""


def _reads_as_facet(label: str) -> bool:
    """Whether a record's label after its name names a facet of it (``Class``, ``Side effects``), not a
    field of a form, minutes or a list (``Date``, ``Attendees``, ``Title``, ``Status``)."""
    return _is_facet(label) or not keys_a_record(label)


def _record_cards(ctx: Context, block: Block, terms: Sequence[Term]) -> Iterator[Item | Problem]:
    """A card for each facet of a record after its name (``Warfarin — antidote`` → ``Vitamin K``), the
    name alone the front of what says what it is (``Definition:``)."""
    ctx.claim(block.node)
    name = terms[0].rest.strip("*_ ")
    for offset, term in enumerate(terms[1:], start=1):
        label = term.front.strip("*_ ")
        front = name if _SAYS_WHAT_IT_IS.fullmatch(label) else f"{name} \u2014 {_label_words(label)}"
        yield _card(ctx, block.node, block.section, front, term.rest, "", offset=offset, facets="none")


def _shared_plain_labels(ctx: Context, records: Container[int]) -> dict[int, list[Term]]:
    """Paragraphs of plain labels' lines, each naming a facet, that two headings or more give alike
    (``Facts:``, ``Issue:``, ``Holding:`` under each case's heading), as ``_facet_paragraphs`` reads
    bold ones: each paragraph's id → its lines' terms."""
    found: dict[int, tuple[tuple[str, ...], list[Term]]] = {}
    for block in ctx.doc.blocks:
        terms = [] if id(block.node) in records else _labelled_lines(ctx, block.node)
        bold = terms and block.node.children[0].content.startswith(("**", "__"))  # `_facet_paragraphs`'
        named = terms and block.section and not bold and all(_names_a_facet(term.front) for term in terms)
        if named and _keeps_plain_facets(block.section, terms):
            found[id(block.node)] = (block.section, terms)
    shared: dict[int, list[Term]] = {}
    for key, (section, terms) in found.items():
        labels = {term.front.casefold() for term in terms}
        if any(
            other != section and len(labels & {term.front.casefold() for term in others}) >= 2
            for other, others in found.values()
        ):
            shared[key] = terms
    return shared


def _keeps_plain_facets(section: Sequence[str], terms: Sequence[Term]) -> bool:
    """Whether plain labels' lines under a heading describe a subject to study (``Hardness:``, ``Facts:``):
    no label a record's field (a recipe's ``Time:``, a CV's ``Dates:``), no heading a day (a diary's)."""
    return _WHEN.fullmatch(section[-1].casefold()) is None and all(
        _reads_as_facet(term.front) for term in terms
    )


def _plain_facet_cards(
    ctx: Context, block: Block, subject: str, terms: Sequence[Term]
) -> Iterator[Item | Problem]:
    """A card for each plain label's line, asking that facet of the heading's subject."""
    ctx.claim(block.node)
    for offset, term in enumerate(terms):
        front = f"{subject} \u2014 {_label_words(term.front)}"
        yield _card(ctx, block.node, block.section, front, term.rest, "", offset=offset, facets="none")


def _label_words(label: str) -> str:
    """A label as a front names it after the thing: in lower case, an acronym's capitals kept (``MOA``)."""
    return label if label.isupper() else label.lower()


def _labels_of_facets(paragraph: Node) -> list[Term]:
    """A paragraph's lines, if each opens with a bold label naming a facet (``**Location**: …``)."""
    terms = [bold_label(line) for line in paragraph.children[0].content.split("\n")]
    named = [term for term in terms if term is not None and _names_a_facet(term.front)]
    return named if len(named) == len(terms) else []


def bold_label(line: str) -> Term | None:
    """A line opening with a bold label and what it says, if anything (``**Pricing**: per hour``)."""
    found = _LABELLED.fullmatch(line)
    return None if found is None else Term(found["name"].strip(), found["rest"].strip(), True)


_LABEL_IN_BOLD = r"(?:\*\*|__)(?P<name>[^*_:\n]{1,40}?)(?::(?:\*\*|__)|(?:\*\*|__):)"
"""A bold label, its colon inside the bold or after it (``**Pricing**:``, ``**Pricing:**``)."""
_LABELLED = regex(rf"{_LABEL_IN_BOLD}(?P<rest>(?:[ \t]+\S.*)?)")
"""A bold label, its colon inside the bold or after it, and what follows it on its line."""


def _names_a_facet(name: str) -> bool:
    """Whether a label names a facet of the heading above it, as a common noun does (``Pricing``,
    ``Control plane``), not an aside (``Note``) nor what the heading is (``Definition``)."""
    plain = name.strip()
    return _names_an_attribute(plain) and not is_aside(plain) and not _SAYS_WHAT_IT_IS.fullmatch(plain)


def _only_asides(ctx: Context, node: Node) -> bool:
    """A paragraph of asides' lines alone (``**Note**: tolerance builds within a day``)."""
    if node.type != "paragraph" or ctx.is_claimed(node):
        return False
    return all(aside_line(line) is not None for line in node.children[0].content.split("\n"))


def _says_what(front: str, prose: str) -> bool:
    """Whether ``prose`` opens by saying what the heading's ``front`` names is (``A dedicated host is …``
    under ``Dedicated hosts``), or is a definition's phrase (``The movement of water across …``,
    ``Movement of particles against …``), as no homework or reminder opens."""
    unemphasised = _EMPHASIS.sub("", prose)
    if _DEFINING_PHRASE.match(unemphasised):
        return True
    named = _ARTICLE.sub("", front.lower(), count=1).rstrip("s")
    opening = _ARTICLE.sub("", unemphasised.lower(), count=1)
    return bool(named) and opening.startswith(named) and _IS.match(opening, len(named)) is not None


_ARTICLE = regex(r"^(?:an?|the)\s+")
_DEFINING_PHRASE = regex(
    r"(?:(?i:an?|the)\s+(?!(?i:rest|most|majority|number|lot|lots|couple|part|half|end|start|beginning|top)\b)"
    r"[^\W\d]+|[A-Z][a-z]+(?:ion|ment|ance|ence|ity|ness|sis|ure|age|ism))\s+of\s"
)
"""How a definition's phrase opens: a noun, after an article or formed as one (``The movement of``,
``A measure of``, ``Movement of``, ``Division of``), then ``of``; not an amount (``Most of``, ``The rest
of``), nor an instruction or a remark (``Check that``, ``Note that``)."""
_EMPHASIS = regex(r"[*_`]")
_IS = regex(r"s?(?:\s*\([^)]*\))?\s+(?:is|are|was|were|means|refers\s+to)\b")


def _defined_by(ctx: Context, heading: Node, section: tuple[str, ...]) -> str:
    """What a heading titled ``Definition`` (``What it is``) defines: the heading above it, or at the
    top of a note the note's title (``title: Kerberos`` over ``## Definition``); "" for any other."""
    if _DEFINITION_HEADING.fullmatch(heading_text(heading).strip().rstrip(":").strip()) is None:
        return ""
    named = _heading_front(section[-1] if section else ctx.doc.part)
    generic = named.lower() in _GENERIC_HEADINGS or _SESSION_TITLE.search(named)
    return "" if generic or ":" in named or len(named.split()) > _OUTLINE_NAME_WORDS else named


def _labelled_term(heading: Node) -> str:
    """The term a heading names after a label saying it is one (``## Concept: Erg``, ``### Term:
    Osmosis``), as flashcard formats write a definition's card; "" for any other heading."""
    found = _TERM_HEADING.fullmatch(_heading_front(heading_text(heading)))
    return found["name"].strip() if found is not None else ""


_TERM_HEADING = regex(r"(?i:(?:key\s+)?(?:concept|term|vocabulary|word))\s*:\s*(?P<name>[^:?!.]{1,60})")
"""``Concept: Erg``, ``Term: Osmosis``: a label, then the term's name (not a sentence, not a question)."""
_DEFINITION_HEADING = regex(r"(?i)(?:the\s+)?(?:definition|meaning)")
"""``## Definition`` (``Meaning``); a ``What it is`` heading opens a README's or a review's paragraph."""
_DEFINITION_LABEL = regex(r"(?i)^(?:\*\*|__)?(?:definition|meaning)\s*:(?:\*\*|__)?[ \t]+(?=\S)")
"""A definition's own label, on a paragraph of its own under a heading (``Definition: …``)."""


def _lines_of_pairs(text: str) -> bool:
    """Two lines or more, each a short name, a dash and words paired with it (``la casa - the house``):
    a list written as lines, each a card of its own, no one line saying what its heading names."""
    lines = text.split("\n")
    return len(lines) >= 2 and all(_PAIRED_LINE.match(line) for line in lines)


_PAIRED_LINE = regex(r"[ \t]*\S+(?:[ \t]+\S+){0,2}[ \t]+[-\u2013\u2014=\u2192][ \t]+\S")


def _described_in_a_line(ctx: Context) -> set[int]:
    """The headings (ids) that a cheat sheet writes as terms: each over one short paragraph saying
    what it names (not listing several), with no heading of its own below it, where most of its
    sibling headings are so (``### Amazon Athena`` over ``Serverless SQL on S3.``, then ``### Amazon
    QuickSight`` …), or over a snippet of a programming language's code alone (``### Reverse a list``
    over ``items[::-1]``); among them, one whose line has plain bullets of facts, or a second short
    paragraph, under it is a term too.
    One such heading among sections is a section with a line of notes."""
    blocks = ctx.doc.blocks
    starts = [index for index, block in enumerate(blocks) if block.node.type == "heading"]
    siblings: dict[tuple[str, tuple[str, ...]], list[tuple[Node, bool, bool]]] = {}
    listed: set[int] = set()  # headings over lines of pairs: counted as their siblings, no card
    titles = _h1_titles(ctx)
    for start, end in itertools.pairwise([*starts, len(blocks)]):
        heading = blocks[start].node
        if heading.tag == "h1" and id(heading) in titles:
            continue
        if _in_a_key(blocks[start]) or _alphabet_of_glossary(ctx, blocks[start]):
            continue
        # a `---` after its line (cards, slides) parts the notes, no block of what is under it
        written = [block.node for block in blocks[start + 1 : end] if block.node.type != "hr"]
        below = [node for node in written if not _cites(node)] or written  # over a link alone: no term
        deeper = end < len(blocks) and blocks[end].node.tag > heading.tag  # `h3` under an `h2`
        if not below and not deeper:
            continue  # `## Cloud CDN` with nothing under it yet: a placeholder, neither way
        title = _heading_front(heading_text(heading))
        if is_aside(title):
            continue  # `### Fun fact` over a paragraph: a sidebar, no term and none of the terms' headings
        facts = len(below) == 2 and below[1].type == "bullet_list" and _plain_facts(ctx, below[1])
        facts = facts or (len(below) == 2 and _one_more_line(ctx, below[0], below[1]))
        line = _described_by(ctx, below[0]) if len(below) == 1 or facts else None
        # `### Reverse a list` over `items[::-1]`, `### Stash work in progress` over `git stash`
        snippet = len(below) == 1 and _snippet(below[0], title) and not _STEP_TO_TAKE.match(title)
        said = (
            line is not None
            and not only_pictures(line)
            and not _only_links(line)
            and len(line.children[0].content.split()) <= _ONE_LINE_WORDS
            and not _ENUMERATION.search(line.children[0].content)
        )
        if said and line is not None and _lines_of_pairs(line.children[0].content):
            listed.add(id(heading))  # `la casa - the house` over `la mesa - the table`: its lines' cards
        fits = (
            (said or snippet)
            and not deeper
            and not _NO_ENTRY.match(title)  # `Step 2: Create the environment`: a part of the page
            and not _FIRST_PERSON.search(title)  # `Why I moved to Berlin`: a post's section
            and title.lower() not in _GENERIC_HEADINGS
        )
        siblings.setdefault((heading.tag, blocks[start].section[:-1]), []).append((heading, fits, facts))
    return {
        id(heading)
        for group in siblings.values()
        if _most([fits and not facts for _, fits, facts in group])
        for heading, fits, _ in group
        if fits and id(heading) not in listed
    }


def _h1_titles(ctx: Context) -> set[int]:
    """The ``#`` headings (ids) that title the file or a session (``# Lecture 5``): all of them where
    there is one, as a file's title; where there are several, each may name a term of its own (a deck
    exported a card a ``#``, as slides write them), but a session's title still names none."""
    h1s = [block.node for block in ctx.doc.blocks if block.node.type == "heading" and block.node.tag == "h1"]
    if len(h1s) < _GLOSSARY_TERMS:
        return {id(heading) for heading in h1s}
    return {id(heading) for heading in h1s if _SESSION_TITLE.search(heading_text(heading))}


def _aside_of_another(aside: Node, front: str, headings: _Names) -> bool:
    """Whether an aside under a glossary's entry (``Remember: EC2 bills …`` under ``### Lambda``) speaks
    of another heading's term, or of them all, rather than of ``front``: no part of its card."""
    said = aside_line(aside.children[0].content)
    return said is not None and _of_another(said, Term(front, "", True), headings)


def _one_more_line(ctx: Context, line: Node, node: Node) -> bool:
    """Whether ``node`` is a short plain paragraph saying one more thing of what a cheat sheet's
    ``line`` defines as a glossary does (``A writ requiring …``), announcing nothing below it."""
    if line.type != "paragraph" or not DETERMINER.match(line.children[0].content):
        return False
    words = node.children[0].content if _one_line(ctx, node) else ""
    return bool(words) and len(words.split()) <= _ONE_LINE_WORDS and not words.rstrip().endswith(":")


@dataclass(frozen=True)
class _Entry:
    """A glossary's heading's definition: its ``back``, and the ``lines`` it is written on (whose
    bullets, if they became cards of their own, make it a group of terms, no term)."""

    back: str
    lines: range
    front: str = ""
    """The term, where the heading holds its definition too (``### Mitosis — division into …``)."""


def _glossary_entries(ctx: Context) -> dict[int, _Entry]:
    """Under a glossary's title (``# Glossary``, ``## Definitions``, ``# Spanish Vocabulary``), each
    heading over what defines it and nothing any rule reads (paragraphs, plain bullets of a word's
    senses, code, formulas; three blocks and a hundred and twenty words at most) is a term, all of that
    its back but a line of links opening it (where to read more): by heading id. A heading over
    headings of its own is a group, no term (as is one over bullets that become cards of their own);
    one over nothing that names its term and says what it is (``### Mitosis — division into …``) is
    that term."""
    blocks = ctx.doc.blocks
    starts = [index for index, block in enumerate(blocks) if block.node.type == "heading"]
    headings = _Names(Term(heading_text(blocks[at].node), "", True) for at in starts)
    entries: dict[int, _Entry] = {}
    for start, end in itertools.pairwise([*starts, len(blocks)]):
        heading, parent = blocks[start].node, _above_letters(blocks[start].section[:-1])
        above = parent[-1] if parent else ctx.doc.part
        over = _heading_front(above)
        titled = _GLOSSARY_TITLE.fullmatch(over) or _NAMED_GLOSSARY.fullmatch(over)
        deeper = end < len(blocks) and blocks[end].node.tag > heading.tag
        front = _heading_front(heading_text(heading), above)
        if heading.tag == "h1" or not titled or deeper or not front or _NO_ENTRY.match(front):
            continue
        if _divides_alphabet(front):
            continue  # `## A` over `**ARP**` and its definition: a group of terms, no term
        below = [block.node for block in blocks[start + 1 : end] if block.node.type != "hr"]
        if len(below) > 1 and below[0].type == "paragraph" and _only_links(below[0]):
            below = below[1:]
        asides = [node for node in below[1:] if _aside_alone(ctx, node)]  # `Remember: …` after it
        below = [node for node in below if not any(node is aside for aside in asides)]
        if not below and (named := plain_term(front)) is not None and named.rest:
            entries[id(heading)] = _Entry(named.rest, range(0), front=named.front)  # `### Mitosis — …`
            continue
        if not below or len(below) > _ENTRY_BLOCKS or not all(_defining(ctx, node) for node in below):
            continue
        if all(node.type in ("fence", "code_block") for node in below) and not all(
            map(_in_a_language, below)
        ):
            continue  # `## Usage` over a command: how to run something, no definition
        said = [_described_by(ctx, node) or node for node in below]  # `- Cute, pretty`: its words
        said += [aside for aside in asides if not _aside_of_another(aside, front, headings)]
        back = "\n\n".join(ctx.doc.written(node) for node in said)
        if len(back.split()) <= _ENTRY_WORDS and not _PLACEHOLDER.fullmatch(back):  # `TODO`: none yet
            entries[id(heading)] = _Entry(back, range(heading.line + 1, _end_line(below[-1]) + 1))
    return entries


def _snippet(code: Node, title: str) -> bool:
    """Code fenced as a programming language's (``python``, ``sql``): how to do something, where a
    configuration's (``yaml``, ``json``, ``dotenv``) sets something up. A shell's, or code of no
    language, is a cheat sheet's command for the task its heading names (``### Stash work in progress``
    over ``git stash push``) where it reads as a few commands, not as output or a drawing, under no
    heading of a README's (``## Usage``, ``## Testing``: how to run the project)."""
    if code.type != "fence":
        return False
    language = _language(code)
    if language in _PROGRAMMING_LANGUAGES:
        return True
    shell = language in _SHELLS - {"text"} or not language
    return shell and _commands(code.content) and not _README_SECTION.fullmatch(title)


def _tasks_over_code(ctx: Context) -> dict[int, Node]:
    """Lines of a cheat sheet that each name a task over the code that does it (``Create a pod named
    web:`` over ```` ```bash ```` and ``kubectl run web --image=nginx``), two or more pairs one after
    another under a heading: each paragraph's id and its code, a card each. One pair alone may be
    prose over its example, and a line that explains (``The manifest below defines a pod:``) is none."""
    blocks = ctx.doc.blocks
    pairs = [
        (index, blocks[index + 1].node)
        for index in range(len(blocks) - 1)
        if _names_a_task(ctx, blocks[index].node)
        and blocks[index + 1].heading is blocks[index].heading
        and _snippet(blocks[index + 1].node, _heading_words(blocks[index]))
    ]
    found: dict[int, Node] = {}
    for _, run in itertools.groupby(enumerate(pairs), key=lambda pair: pair[1][0] - 2 * pair[0]):
        stretch = [pair for _, pair in run]
        if len(stretch) >= _GLOSSARY_TERMS:
            found |= {id(blocks[index].node): code for index, code in stretch}
    return found


def _heading_words(block: Block) -> str:
    """The words of the heading a block sits under ("" at a file's top): a README's `Usage` shows no task."""
    return heading_text(block.heading) if block.heading is not None else ""


def _names_a_task(ctx: Context, node: Node) -> bool:
    """A paragraph of one line that says what to do and ends with a colon, ``Expose a deployment on
    port 80:``: no sentence before it, nothing pointing at the code (``The example below …``)."""
    if not _one_line(ctx, node) or not (line := _task_line(node.children[0].content)).endswith(":"):
        return False
    words = line.rstrip(":").split()
    first = words[0].casefold() if words else ""
    return (
        0 < len(words) <= _TASK_LINE_WORDS
        and words[0][:1].isupper()
        and first not in _NOT_A_TASK
        and not _POINTS_AT_CODE.search(line)
        and not _SENTENCE_END.search(line)
    )


def _task_line(line: str) -> str:
    """A cheat sheet's line over its code, as plain words: a label wholly in bold (``**List
    comprehension:**``, or ``**Dict comprehension**`` with no colon, a name's few words) reads as the
    same line without bold (``List comprehension:``), the colon its bold leaves out taken as written."""
    line = line.strip()
    bold = BOLD_TEXT.fullmatch(line.removesuffix(":").rstrip())
    if bold is None:
        return line
    inner = bold["inner"].strip()
    if _tutorial_label(inner.removesuffix(":").rstrip()):
        return line  # `**Before:**`, `**Step 2:**`, `**Output**` over code: a part of a lesson, no task
    if inner.endswith(":") or line.endswith(":") or len(inner.split()) <= _OUTLINE_NAME_WORDS:
        return inner.removesuffix(":").rstrip() + ":"
    return line


def _tutorial_label(label: str) -> bool:
    """Whether a bold label over code or a formula only heads a part of a lesson: a step (``Step 2``,
    numbered), an aside (``Tip``), an attribute's label (``Syntax``) or a tutorial's own parts
    (``Before``/``After``, ``Wrong``/``Correct``, ``Solution``, ``Output``, ``Then``): it asks nothing."""
    words = label.casefold().rstrip(" .:").split()
    return (
        any(character.isdigit() for character in label)
        or is_aside(label)
        or is_label(label)
        or " ".join(words) in _TUTORIAL_PARTS
    )


_TUTORIAL_PARTS = frozenset(
    {
        *("before", "after", "wrong", "right", "correct", "incorrect", "good", "bad", "better", "worse"),
        *("solution", "answer", "result", "output", "input", "example", "usage", "syntax", "step", "problem"),
        *("do", "don't", "don\u2019t", "dont", "then", "next", "finally", "substitute", "given", "proof"),
    }
)
"""Words that head a part of a tutorial or a derivation, no thing it names (``Before``, ``Step``)."""


_TASK_LINE_WORDS = 12
_NOT_A_TASK = frozenset(
    {"the", "a", "an", "this", "these", "that", "those", "here", "there", "it", "we", "you", "i", "they"}
    | {"for", "in", "on", "to", "with", "from", "by", "at", "as", "if", "when", "then", "now", "note"}
    | {"example", "output", "result", "results", "usage", "syntax", "e.g.", "eg", "i.e.", "so", "and"}
)
"""A line's first word that opens an explanation (``The output looks like:``), not a task."""
_POINTS_AT_CODE = regex(r"(?i)\b(?:below|following|above|looks?\s+like|shows?|example)\b")


def _commands(code: str) -> bool:
    """A few lines, each a command (a program's name in lower case, a prompt's ``$`` before it) or a
    comment: not a program's output (``CONTAINER ID   IMAGE``), a tree or a drawing (``+--+``)."""
    lines = [line.strip() for line in code.splitlines() if line.strip()]
    return 0 < len(lines) <= _COMMAND_LINES and all(_COMMAND.match(line) for line in lines)


_COMMAND_LINES = 6
_COMMAND = regex(r"#|(?:[$>%]|PS[^>\n]*>)?[ \t]*(?:sudo[ \t]+)?[a-z][\w.+-]*(?:[ \t]|$)|[A-Z][a-z]+-[A-Z]\w+")
"""A shell's line: a comment, or a command after its prompt if any (``$ docker ps``, ``git stash``,
PowerShell's ``Get-ChildItem``)."""
_README_SECTION = regex(
    r"(?i)(?:usage|development|testing|tests|build(?:ing)?|deploy(?:ing|ment)?|running|requirements"
    r"|prerequisites|dependencies|configuration|examples?|demo|output|results?)\W*"
    r"|(?:running|building|testing|deploying|installing)\s.*"
)
"""A README's section over a command (``## Usage``, ``## Running the examples``): how to run the
project, no task of a cheat sheet's."""


_PROGRAMMING_LANGUAGES = frozenset(
    {"python", "py", "javascript", "js", "typescript", "ts", "jsx", "tsx", "java", "kotlin", "scala"}
    | {"c", "cpp", "c++", "csharp", "cs", "c#", "go", "golang", "rust", "rs", "ruby", "rb", "php", "swift"}
    | {"r", "julia", "matlab", "octave", "sql", "haskell", "hs", "ocaml", "fsharp", "f#", "elixir", "erlang"}
    | {"clojure", "lisp", "scheme", "racket", "lua", "perl", "dart", "groovy", "objectivec", "objc", "vb"}
)
_STEP_TO_TAKE = regex(
    r"(?i)(?:install|import|create|add|run|set\s*up|configure|start|open|build|deploy|init(?:ialize)?"
    r"|launch|clone|download|test|write|update|edit)\b"
)
"""A heading that says what to do next (``Create the app``, ``Run it``): a tutorial's step over its
code, where a snippet's heading names a task to recall (``Reverse a list``)."""


def _in_a_language(code: Node) -> bool:
    """Code fenced as a programming language's (``python``), which may define a term by example; a
    shell's commands, or code of no language, say how to run something."""
    language = _language(code)
    return bool(language) and language not in _SHELLS


def _language(code: Node) -> str:
    """The language a fence names (``python`` of ```` ```python title="a.py" ````), in lower case; ""
    for none."""
    words = code.info.split(maxsplit=1)
    return words[0].lower() if words else ""


_SHELLS = frozenset(
    {"bash", "sh", "shell", "console", "zsh", "fish", "powershell", "ps1", "cmd", "bat", "text"}
)

_NO_ENTRY = regex(
    r"(?i)(?:(?:lesson|unit|chapter|week|day|part|module|section|session|step)\s*[\d.:ivx]"
    r"|(?:how\s+to|proof|things\s+to|recommended|useful|further)\b"
    r"|(?:homework|exercises?|dialogues?|notes?|references?|resources?|sources?|links|reading(?:\s+list)?"
    r"|installation|setup|quick\s*start|getting\s+started|contributing|license|about|introduction"
    r"|overview|summary|review|practice|quiz|acknowledge?ments|changelog|errata|see\s+also|exam\s+tips"
    r"|tips|faq|troubleshooting|results|conclusions?|discussion|methods|methodology|agenda|outline"
    r"|(?:learning\s+)?objectives|next\s+steps|thank\s+you|thanks|questions|q\s*&\s*a|appendix)\W*(?::.*)?$)"
    r"|.*\?$"
)
"""A heading (under a glossary's title, or among a cheat sheet's) that names a part of the page, not
a term: numbered (``Lesson 1``, ``Unit 3: At the station``, ``Step 2: …``), a kind of section as its
whole title (``Homework``, ``Changelog``, ``Exam tips``, ``Troubleshooting: …``), or opening so (``How
to contribute``, ``Proof of …``, ``Useful links``), a report's or a talk's parts (``Results``,
``Conclusion``, ``Agenda``, ``Thank you``); or one that asks.
A term that only opens with such a word (``Test statistic``, ``Session host``) is one."""
_FIRST_PERSON = regex(
    r"(?:^|(?i:\b(?:why|what|how|when|where|who)\s+))I(?:['\u2019]m)?(?![\w/'\u2019])"
    r"|(?<![\w/])(?:[Mm]y|[Ww]e|[Oo]ur)(?![\w/'\u2019])"
)
"""A heading in the first person (``Why I moved to Berlin``, ``What we found``, ``My kit``): a post's or
a diary's section, no term; a Roman one is no ``I`` (``Type I hypersensitivity``, ``World War I``), nor
are ``I/O`` and ``US``."""
_ENTRY_BLOCKS = 3
_ENTRY_WORDS = 120
"""At most this many blocks and words define a glossary's heading: more is a lecture's section, notes."""
_PLACEHOLDER = regex(r"(?i)\W*(?:todo|tbd|tba|fixme|wip|coming\s+soon)?\W*")
_NAMED_GLOSSARY = regex(r"(?i)(?:[\w'\u2019-]+\s+){1,2}(?:glossary|vocabulary|terminology|terms)")
"""A glossary's title that names its subject: ``Spanish Vocabulary``, ``Legal Glossary``, ``AI Terms``."""


def _defining(ctx: Context, node: Node) -> bool:
    """A block that may define a glossary's heading: a plain paragraph (no terms of its own), plain
    bullets, code, a formula."""
    if node.type in LISTS:
        return _plain_facts(ctx, node)
    if node.type in ("fence", "code_block", "math_block"):
        return True
    lines = node.children[0].content.split("\n") if _plain_paragraph(ctx, node) else []
    return bool(lines) and split_term(node.children[0]) is None and not _glossary_lines(lines)


def _described_by(ctx: Context, node: Node) -> Node | None:
    """The paragraph that describes a cheat sheet's heading: the one below it, the one of a bullet
    list of one plain item (``- Serverless SQL on S3.``), or of a quote (``> Serverless SQL on S3.``,
    not a callout)."""
    if node.type == "bullet_list" and len(node.children) == 1 and _plain_facts(ctx, node):
        item = node.children[0]
        node = item.children[0] if len(item.children) == 1 else node
    elif node.type == "blockquote" and len(node.children) == 1 and callout(node) is None:
        node = node.children[0]
    return node if _plain_paragraph(ctx, node) else None


def _one_line(ctx: Context, node: Node) -> bool:
    return _plain_paragraph(ctx, node) and "\n" not in node.children[0].content


def _in_a_key(block: Block) -> bool:
    """Under an answer key's heading (``## Answer Key`` over ``**Set A:** 1. A 2. C``): no glossary."""
    return any(map(is_key_title, block.section))  # kept for the lines read last: asked by every block


def _cites(node: Node) -> bool:
    """A paragraph of links or one bare address alone, or a quote of one, under what a cheat sheet says
    (``> https://learn.microsoft.com/…``, ``Source: https://…``): its source, no part of a card."""
    if node.type == "blockquote" and len(node.children) == 1 and callout(node) is None:
        node = node.children[0]
    if node.type != "paragraph":
        return False
    return _only_links(node) or _BARE_SOURCE.fullmatch(node.children[0].content.strip()) is not None


_BARE_SOURCE = regex(r"(?i)(?:(?:source|ref(?:erence)?|see|docs?)s?\s*:\s*)?<?https?://\S+?>?")
"""An address written bare (``https://learn.microsoft.com/…``), maybe after ``Source:``."""


def _only_links(paragraph: Node) -> bool:
    """A paragraph of links and nothing else (``<https://…>``): where to read more, no description."""
    shown = paragraph.children[0].children
    return all(
        node.type in ("link", "softbreak", "hardbreak") or (node.type == "text" and not node.content.strip())
        for node in shown
    )


def _plain_facts(ctx: Context, node: Node) -> bool:
    """A list of plain bullets that no rule took (``- Full control over the OS``): facts about the
    heading above it, for its card when labels describe it."""
    return not ctx.is_claimed(node) and all(
        not ctx.is_claimed(item) and _item_term(item) is None for item in node.children
    )


def _unclaimed_paragraph(ctx: Context, node: Node) -> bool:
    return node.type == "paragraph" and not ctx.is_claimed(node)


def _plain_paragraph(ctx: Context, node: Node) -> bool:
    return _unclaimed_paragraph(ctx, node) and not _is_label_paragraph(node)


def _named_heading(front: str) -> tuple[str, str]:
    """A heading's name and what it says of it (``Zeus: King of the gods`` → ``Zeus``, ``King of the
    gods.``), so its card's front does not give its answer away; the name after a kind of entry
    (``Concept: Osmosis``); a label's (``Note: …``) or a longer one's words as they are, with nothing
    said."""
    name, colon, said = front.partition(": ")
    if colon and _ENTRY_KIND.fullmatch(name.strip()) and said.strip():
        return said.strip(), ""  # `Concept: Osmosis` names Osmosis
    if not colon or not said.strip() or len(name.split()) > _LOOSE_TERM_WORDS or is_label(name):
        return front, ""
    said = said.strip()
    return name.strip(), said if said.endswith((".", "!", "?")) else f"{said}."


_ENTRY_KIND = regex(r"(?i)(?:key\s+)?(?:concept|term|topic|keyword|word|idea|principle|service|command|tool)")
"""What kind of entry a heading names before its colon (``Concept: Osmosis``): no name of its own."""


@lru_cache(maxsize=256)  # each block's rules ask of its heading again: 9,620 calls, 1,553 headings read
def _heading_front(heading: str, over: str = "") -> str:
    """A heading's words as its card's front: without the emoji, number or bold around them, or a colon
    after them (``### 🔹 1. **Public Cloud**:`` → ``Public Cloud``); a section's number too where the
    heading ``over`` it bears the number it extends (``3.2.1 Bucket`` under ``3.2 Glossary``) or it has
    three parts (``3.1.2 Lightsail``), a quantity or a version kept (``3.5 mm jack``, ``3.12 Highlights``)."""
    text = _NUMBERING.sub("", undecorated(heading))
    text = _DEEP_SECTION_NUMBER.sub("", text)
    section = _SECTION_NUMBER.match(text)
    if section is not None and re.match(rf"{re.escape(section['over'])}(?![\d.]\d)\.?\s", undecorated(over)):
        text = text[section.end() :]
    text = undecorated(text).rstrip(":").strip()
    bold = re.fullmatch(r"(\*\*|__)(?P<inner>(?:(?!\1).)+)\1:?", text)
    return bold["inner"].rstrip(":").strip() if bold else text


def _card(
    ctx: Context,
    node: Node,
    section: tuple[str, ...],
    front: str,
    back: str,
    pinned: str,
    lead_in: str = "",
    *,
    offset: int = 0,
    tags: str = "",
    key: str = "",
    dated: bool = True,
    facets: _Facets = "facets",
    owner: str = "",
) -> Item | Problem:
    """A card at ``node``, or ``offset`` lines below its first line, with ``tags`` besides the file's
    (see ``_fields_at``); its id made of ``key`` where it is not its front. A date over what happened
    then (``1789 - Storming of the Bastille``, ``2 December 1804: …``, as timelines write them) asks for
    the date, unless not ``dated`` (among numbers that are no dates): one thing per card, where dates
    shared by events would merge them. A facet of the heading above (``Mechanism``, or any attribute
    among ``facets``: ``Reversal`` beside it) is asked with the heading's subject, or with its
    ``owner``'s name where a thing leads its list."""
    back = _uncited(back)
    if (
        dated
        and _is_date(front.strip("*_ "))
        and back
        and "\n" not in back
        and len(back.split()) <= _EVENT_WORDS
    ):
        front, back, key = back, front.strip("*_ "), ""
    subject = ""
    if not lead_in and (not _defines_a_thing(back) or _given_again(ctx, front)):  # `**Treatment:** the …`
        subject = _owner_of_facet(front, owner, among_facets=facets) or _subject_of_facet(
            ctx, front, section, among_facets=facets
        )
    if subject.casefold() == front.strip("*_: ").casefold():
        subject = ""  # `- Acceptance` over `- Definition: …`: the name's own card, no facet of itself
    if subject:  # `**Mechanism**: …` under `## Beta blockers`: "Beta blockers — mechanism"
        front, key = f"{subject} \u2014 {front.strip('*_: ').lower()}", ""  # its id the new front's
    fields = _fields_at(ctx, "card", key or front, node, section, pinned, offset=offset, tags=tags)
    if _quotation_alone(front, back):  # `**Quote:** "We did not …"`: a front every quote shares
        return Problem(fields.source, _QUOTATION_ALONE, "warning")
    made = ctx.build(node, lambda: fields.card(front=front, back=back, lead_in=lead_in))
    return replace(made, location=fields.source) if isinstance(made, Problem) else made


def _quotation_alone(front: str, back: str) -> bool:
    """Whether a card would ask for a quotation by its label alone (``Quote`` → ``"We did not …"``): a
    front any quotation of the notes could have, which asks nothing."""
    return (
        _QUOTE_LABEL.fullmatch(front.strip("*_: ")) is not None
        and _QUOTED_WITH_SOURCE.fullmatch(back) is not None
    )


_QUOTE_LABEL = regex(r"(?i)(?:(?:key|favou?rite|best)\s+)?(?:quote|quotation)s?")
_QUOTED_WITH_SOURCE = regex(
    r"(?=[^\n]*\Z)[*_]*[\"\u201c\u2018'][^\n]+[\"\u201d\u2019'][*_]*(?:[ \t]*[-\u2013\u2014(][^\n]*)?"
)
"""Words in quotation marks, maybe with who said them after (``"…" — Harari``, ``"…" (p. 83)``), on one
line: a line break is found first, not after trying each closing mark."""
_QUOTATION_ALONE = (
    "quotation under a label that names no subject (`Quote:`), so it is no card: a card would ask only "
    '"Quote"; write what it should recall as a card (`Who wrote …?::…`) or a cloze'
)


def _uncited(back: str) -> str:
    """``back`` without the citation marks a page pasted from Wikipedia keeps where a sentence (or a
    line) ends (``….[3][4]``, ``[note 2]``, ``[12]:45``, ``[citation needed]``): sources of the page,
    nothing to recall. Code in backticks or a fence, links and footnotes' marks are left as they are;
    code written as plain text keeps an index after a bracket or a quote (``sorted(xs)[0]``), not one
    after a stop (``x.[1]`` loses it)."""
    if "[" not in back:
        return back
    lines, fenced = back.split("\n"), False
    for at, line in enumerate(lines):
        fenced ^= line.lstrip().startswith(("```", "~~~"))  # a fence's code is no page's citation
        if "[" in line and not fenced:
            lines[at] = outside_code(line, partial(_CITATION_MARKS.sub, ""))
    return "\n".join(lines)


_CITATION_MARK = (
    r"\[(?:\d{1,3}|(?:note|nb|n)[ \u00a0]?\d{1,3}|[a-z]|citation needed|clarification needed)\]"
    r"(?::[ \u00a0]?\d+(?:[-\u2013]\d+)?)?"
)
_CITATION_MARKS = regex(
    rf"(?:(?<=[.!?])|(?<=[.!?][\"'\u201d)]))(?:{_CITATION_MARK})+(?=[ \t]|$)"
    r"|(?<=[^\W\d_])\[(?:citation|clarification) needed\][ \t]*$"
)
"""A run of citation marks right after a sentence's stop (maybe a quote or a bracket closing after it:
``."[3]``, ``.)[3]``), before a space; or a worded one after the line's last word (``gases[citation
needed]``), where ``arr[1]``, ``sorted(xs)[0]`` and ``d['k'][1]`` are indexes."""


def _given_again(ctx: Context, front: str) -> bool:
    """Whether a card's label is one other headings give too: a facet of each heading's subject however
    its words open (``**Pricing**: a fee per cluster`` beside ECS's ``**Pricing**: …``), where a term
    alone whose words define a thing (``**Treatment:** the management of …``) is a glossary's."""
    name = front.strip("*_: ").casefold()
    lines = ctx.doc.lines
    return name in _sectioned(lines).labels or (name in FACETS and bold_fronts(lines)[name] > 1)


def _owner_of_facet(front: str, owner: str, *, among_facets: _Facets) -> str:
    """The thing whose facet a card names, in a list a thing leads (``- **Apixaban:** a factor Xa
    inhibitor`` over ``- **Mechanism:** blocks factor Xa``): the nearest thing above it (a card whose
    back defines a thing of its own, a glossary's ``**Treatment:** the management of …``, is asked no
    owner's: its caller asks none)."""
    if among_facets != "none" or not _is_facet(front):
        return ""
    return owner.strip("*_: ")


def _subject_of_facet(ctx: Context, front: str, section: tuple[str, ...], *, among_facets: _Facets) -> str:
    """The subject of a card that names a facet (``Mechanism``, ``Side effects``): the heading it stands
    under (``Beta blockers``), which its front must name to ask about one thing and read unlike the
    same facet of another heading; "" for any other card, or under a heading that names no subject
    (``## Summary``, ``## Glossary``, ``# Week 3 notes``); ``among_facets`` says which of its list's
    terms are facets (``_faceted``): in a list mixing a few facets with other terms, an attribute's
    name the file gives again (``**Class:**`` under each drug) is one subject's facet too, or its cards
    would read alike and want different answers."""
    named = front.strip("*_: ")
    attribute = _names_an_attribute(named)
    common = attribute or _TITLE_CASED.fullmatch(named) is not None
    twin = common and _twin(ctx.doc.lines, named.casefold(), among_facets)
    sibling = attribute and not is_aside(named) and _gives_shared_labels(ctx, section)
    facet = _is_facet(named) or (among_facets == "all" and attribute) or twin or sibling
    if not facet or among_facets == "none":
        return ""
    return _subject(ctx, section)


def _subject(ctx: Context, section: tuple[str, ...]) -> str:
    """The subject a heading names, whose facets the labels under it are (``## Beta blockers``, or the
    title over its ``## Key facts``); "" under a heading that names no one subject (``## Summary``)."""
    headings = (ctx.doc.part, *section)  # the file's title, then the headings down to the card
    at = len(headings) - 1
    while at and _heading_front(headings[at]).strip("*_ ").casefold() in _ABOUT_THE_ONE_ABOVE:
        at -= 1  # `## Key facts` under `# Amazon EC2`: the facts of EC2
    title = headings[at]
    subject = _heading_front(title, headings[at - 1] if at > 1 else "")
    plain_subject = subject.strip("*_ ").casefold()
    if (
        not plain_subject
        or plain_subject in _GENERIC_HEADINGS
        or plain_subject in FACETS
        or _is_glossary_title(title)
        or _SESSION_TITLE.search(subject)
        or _EXAMPLE_HEADING.fullmatch(subject)
        or _NAMES_MEMBERS.search(subject)
        or subject.rstrip().endswith("?")
        or len(subject.split()) > _SUBJECT_WORDS
    ):
        return ""
    return subject


_ABOUT_THE_ONE_ABOVE = frozenset(
    {"key facts", "facts", "quick facts", "at a glance", "overview", "details", "features", "key features"}
)
"""Headings under a subject's own that say what of it follows (``## Key facts`` under ``# Amazon EC2``):
the facets under one are the subject's."""
_NAMES_MEMBERS = regex(
    r"(?i)\b(?:factors|types|kinds|categories|classes|principles|pillars|steps|stages|phases|components"
    r"|elements|criteria|considerations|options)\b"
)
"""A heading naming a set (``Selection factors``, ``Types of storage``): its lines are its members
(``**Pricing**: …`` is one factor), no facets of one subject."""
_SUBJECT_WORDS = 8
"""At most this many words in a heading that names a subject; more is a sentence, no one thing."""


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_AN_ERA = r"\s?(?:BCE?|AD|CE)"
_ERA = rf"(?:{_AN_ERA})?"
_SPAN = (
    rf"(?:1\d{{3}}|20\d{{2}}){_ERA}(?:\s?[\u2013\u2014]\s?\d{{2,4}}{_ERA}|\s?-\s?\d{{4}}{_ERA})"
    rf"|[1-9]\d{{2}}(?:{_AN_ERA}\s?[\u2013\u2014-]\s?\d{{2,4}}{_ERA}|\s?[\u2013\u2014-]\s?\d{{2,4}}{_AN_ERA})"
)
"""A span of years: from a full year (1000 to 2099) or, with its era, from a year of three digits."""
_DATE = regex(
    rf"(?:c\.\s?)?(?:{_SPAN}|\d{{3,4}}s?{_ERA})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)\s+(?i:century){_ERA}"
    rf"|(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?|{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?)\s+\d{{3,4}}"
)
"""A date alone: a year (``1789``, ``1920s``, ``c. 1500``; ``44 BC`` has two digits and is no year
here), a span of years (``1793\u20131794``, ``1939-1945``), a century (``5th century BC``), or a day or
a month of one (``2 December 1804``, ``April 12, 1961``, ``July 1969``). An ISO date (``2024-03-01:
Added …``) dates a change to the notes, no card; nor is ``2024-03`` a span."""


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_CALENDAR_TITLE = regex(
    rf"(?i:{_WEEKDAY})\.?,?(?:\s+(?:{_DATE.pattern}|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+{_MONTH})?))?"
    rf"|{_DATE.pattern}|{_MONTH}|\d{{4}}-\d{{2}}(?:-\d{{2}})?"
)
"""A title that is a day, a month or a date (``Sunday``, ``March 2024``, ``2024-03-01``): a diary's
page, no concept's."""


def _dated(terms: Sequence[Term | None]) -> bool:
    """Whether the dates among ``terms`` (``1789``) are a timeline's, asked for: not among numbers that
    are no dates (``53 - DNS`` beside ``443 - HTTPS``, ``0900\u20131030`` beside ``1100\u20131230``),
    where each card asks as it is written."""
    fronts = [term.front.strip("*_ ") for term in terms if term is not None]
    return not any(
        _NO_YEAR.fullmatch(front) or (_NUMBER_SPAN.fullmatch(front) and not _is_date(front))
        for front in fronts
    )


def _is_date(text: str) -> bool:
    """Whether ``text`` is a date alone (``_DATE``), a span's end after its start (``1914\u201318``
    read in its start's century; before it in an era counted back, ``490\u2013479 BC``): a score
    (``101\u201399``), a range of pages or hours, or one ending past ``_LAST_YEAR`` is no span of
    years."""
    if _DATE.fullmatch(text) is None:
        return False
    years = _span_years(text)
    if years is None:
        return True
    start, end = years
    return end < start if "BC" in text else start < end <= _LAST_YEAR


def _span_years(text: str) -> tuple[int, int] | None:
    """A span's first and last numbers, an end written short read in its start's century
    (``1914\u201318``: 1914 and 1918); none where ``text`` holds no span."""
    span = _SPAN_ENDS.match(text)
    if span is None:
        return None
    start, end = int(span["start"]), int(span["end"])
    if len(span["end"]) < len(span["start"]):
        end += start - start % 10 ** len(span["end"])
    return start, end


_LAST_YEAR = 2100
"""The latest year a span of years ends in: ``2000\u20132999`` or ``2001\u20133000`` numbers parts or
prices, no years."""


_SPAN_ENDS = regex(r"(?:c\.\s?)?(?P<start>\d{3,4})\D{1,6}?(?P<end>\d{2,4})")
"""A span's two years, whatever era or dash stands between them."""
_NUMBER_SPAN = regex(r"\d+\s?[\u2013\u2014-]\s?\d+")
"""Two numbers with a dash between them: a span of years, or of pages, hours or points."""


_NO_YEAR = regex(r"\d{1,2}(?:\s*[/,]\s*\d+)*")
"""A number no year is written as (``53``, ``20/21``): a list holding one is of ports, codes or counts,
no timeline (``44 BC`` has its era)."""
_EVENT_WORDS = 15
"""At most this many words in what a year dates: more is a paragraph about that year."""
_BOLD_DATED = regex(rf"(?P<marker>\*\*|__)(?P<date>{_DATE.pattern})(?P=marker)[ \t]+(?P<event>[^\W_][^\n]*)")
"""A timeline's line with its date in bold and no separator after it (``**1066** Battle of Hastings``)."""


def _bold_dated(line: str) -> Term | None:
    """A date in bold run into what happened then (``**1066** Battle of Hastings.``), as a timeline's
    ``1066 - Battle of Hastings`` is: the date, its card asking for it (``_card``). Not a number of
    three digits (``**404** Not Found`` is a code), nor one run into a sentence (``**2019** was …``)."""
    found = _BOLD_DATED.fullmatch(undecorated(line.strip()))
    if found is None or len(found["event"].split()) > _EVENT_WORDS or not found["event"][0].isupper():
        return None
    if _BARE_NUMBER.fullmatch(found["date"]):
        return None
    return Term(found["date"], found["event"].strip(), separated=True)


def _lone_timeline_line(ctx: Context, block: Block) -> Iterator[Item | Problem]:
    """A paragraph that is one timeline line alone (``**1066** Battle of Hastings.``): a card asking for
    its date, as among others; a date in bold is no part of prose where the line is this alone."""
    lines = block.node.children[0].content.strip().split("\n")
    term = _bold_dated(lines[0]) if len(lines) == 1 else None
    if term is not None:
        yield _card(ctx, block.node, block.section, term.front, term.rest, "")


_BARE_NUMBER = regex(r"\d{1,3}")
"""A number of three digits or fewer, no era nor month with it: a code or a count as often as a year."""
_DATED_LINE = regex(rf"(?:{_DATE.pattern})[ \t]*:[ \t]+\S")
"""A timeline's line: a date, its colon, what happened then (``14 July 1790: Festival of …``)."""


def _cloze(
    ctx: Context, node: Node, section: tuple[str, ...], text: str, extra: str, *, offset: int, tags: str
) -> Item | Problem:
    """A cloze note of an Anki export (``Cloze`` in its note type column), in Anki's own syntax."""
    fields = _fields_at(
        ctx, "cloze", cloze_syntax.revealed(text), node, section, "", offset=offset, tags=tags
    )
    made = ctx.build(node, lambda: fields.cloze(text=text, extra=extra))
    return replace(made, location=fields.source) if isinstance(made, Problem) else made


def _fields_at(
    ctx: Context,
    kind: Kind,
    key: str,
    node: Node,
    section: tuple[str, ...],
    pinned: str,
    *,
    offset: int,
    tags: str,
) -> CommonFields:
    """An item's fields at ``node``, or ``offset`` lines below its first line, with ``tags`` besides
    the file's."""
    fields = ctx.common(kind, key, node, section, pinned)
    fields = fields.tagged(tags) if tags else fields
    if offset:
        fields = replace(fields, source=replace(fields.source, line=fields.source.line + offset))
    return fields


def _has_definition(term: Term | None) -> bool:
    """A term with a definition, or a separator announcing one: not a bold word alone (``**Tip**``)."""
    return term is not None and (term.separated or bool(term.rest))


def _most(found: list[bool]) -> bool:
    """Whether terms make a glossary of a list (or of sibling headings): two or more, and at least two
    of every three."""
    return sum(found) >= _GLOSSARY_TERMS and sum(found) * 3 >= len(found) * 2


def _names_its_facts(item: Node) -> bool:
    """``- SQS:`` over bullets of facts: an outline's name, which tells that the list around it is a
    glossary, though its facts (a list to recall) make no card of their own."""
    if len(item.children) != 2 or item.children[0].type != "paragraph" or item.children[1].type not in LISTS:
        return False
    name = item.children[0].children[0].content.strip()
    words = name.removesuffix(":").strip()
    return (
        name.endswith(":")
        and "\n" not in name
        and len(words.split()) <= _OUTLINE_NAME_WORDS
        and names_a_thing(words)
    )


def _cut_at_first_separators(items: Sequence[Node], terms: list[Term | None]) -> list[Term | None]:
    """High-yield bullets (``- Graves disease → ↑ T4 → tremor``, ``- Storm = thyrotoxicosis → fever``)
    among two or more that read as terms: where every other item is a term, those going on with more
    separators are cut at their first, a short name before it (a chain of arrows too: ``Graves
    disease`` asks for ``↑ T4 → tremor``), and a name's ``=`` before an arrow as a condition and its
    result. Lists with fewer terms (a pathway's chains of arrows alone), or with items that are
    neither, are left as read."""
    if sum(term is not None for term in terms) < _GLOSSARY_TERMS:
        return terms
    cut = [_first_cut(item_words(item)) if len(item.children) == 1 else None for item in items]
    chained = [
        cut[at] if term is None or _names_and_equates(term.front) else term for at, term in enumerate(terms)
    ]
    if not all(chained) or chained == terms:
        return terms
    return chained


def _first_cut(words: str) -> Term | None:
    """A line as a short name (a few words, not opening in lower case) before its first separator."""
    found = _FIRST_SEPARATOR.match(words) if words and "\n" not in words else None
    if found is None:
        return None
    front, rest = found["front"].strip(), found["rest"].strip()
    if len(front.split()) > _OUTLINE_NAME_WORDS or front[0].islower() or front[-1] in ".,;!?":
        return None
    if not _SEPARATOR_AFTER.search(rest):
        return None  # `Détente: see lecture 6`: one separator, read (or not) as plain terms are
    return Term(front, rest, separated=True)


def _names_and_equates(front: str) -> bool:
    """Whether a front read before an arrow names a thing and what it equals in words (``Conn syndrome
    = primary hyperaldosteronism``), where a condition sets a symbol to a value (``Δ = 0``, ``pH = 7``)."""
    found = _NAMED_EQUAL.fullmatch(front)
    return found is not None and not any(char.isdigit() for char in found["value"])


_NAMED_EQUAL = regex(r"(?P<name>[^\W\d_][\w'-]+(?:[ \t]+\S+)*?)[ \t]+=[ \t]+(?P<value>[^\W\d_]{3,}.*)")
_FIRST_SEPARATOR = regex(
    r"(?P<front>[^:=\u2192\n]*?[^:=\u2192\s])[ \t]*(?::|(?<=[ \t])(?:=|\u2192|->))[ \t]+(?P<rest>\S.*)"
)
"""A name, then its first separator: the name ends in no space, so a run of spaces is read once."""
_SEPARATOR_AFTER = regex(r"[ \t](?:=|\u2192|->)[ \t]|\w:[ \t]")
"""A separator later on a line (``… → fever``, ``…; Rx: …``): what plain terms' one separator is not."""


def _phrase(item: Node) -> tuple[str, str] | None:
    """A phrasebook's item: a sentence and its translation after one spaced dash or ``=`` (``¿Dónde está
    el baño? — Where is the bathroom?``)."""
    words = item_words(item)
    parts = [part.strip() for part in _PHRASE_APART.split(words)] if words and "\n" not in words else []
    if len(parts) != 2 or not all(parts):
        return None
    bold = BOLD_TEXT.fullmatch(parts[0])  # `**No entiendo.** — …`: the phrase's words
    return (bold["inner"].strip() if bold else parts[0]), parts[1]


def titles_phrases(ctx: Context, section: tuple[str, ...]) -> bool:
    """Whether the nearest heading above (the file's title where none is) titles a phrasebook."""
    return _titled(ctx, section, _PHRASES_TITLE)


_PHRASES_TITLE = regex(
    r"(?i)(?:[^\W\d_]+(?:[ \t][^\W\d_]+)?[ \t]*(?:[ \t][\u2013\u2014-]|:)[ \t]+)?"  # `German — `, `Swedish: `
    r"(?:(?:(?:useful|common|key|everyday|basic|example)\s+)?(?:phrases?|expressions?|sentences?|phrasebook"
    r"|idioms|sayings)(?:\s*\(.*\))?"
    r"|(?:frasi|espressioni)(?:\s+(?:utili|comuni))?|(?:frases|expresiones|express\u00f5es)(?:\s+(?:\u00fatiles"
    r"|utiles|\u00fateis|uteis|comunes|comuns))?|(?:expressions|phrases)\s+(?:utiles|courantes)"
    r"|(?:n\u00fctzliche\s+)?redewendungen|n\u00fctzliche\s+(?:s\u00e4tze|ausdr\u00fccke))"
)
"""A title over a phrasebook: ``Useful phrases``, ``Example sentences``, ``Idioms``; as Italian, Spanish,
Portuguese, French and German notes title one (``Frasi utili``, ``Frases útiles``, ``Redewendungen``;
``Sätze`` alone are theorems as often); maybe after the language's name and a dash or colon
(``German — Useful sentences``)."""
_PHRASE_APART = regex(r"\s+[\u2013\u2014=]\s+|\s+-\s+")


def _outlined(item: Node, *, titled: bool = False) -> Term | None:
    """A bullet naming a thing (``Amazon S3``, no bold; under a glossary's title, in sentence case too:
    ``Classical conditioning``) over one bullet of one line saying what it is."""
    if len(item.children) != 2 or item.children[0].type != "paragraph" or item.children[1].type not in LISTS:
        return None
    name, below = item.children[0].children[0].content, item.children[1].children
    if len(below) != 1 or len(below[0].children) != 1 or below[0].children[0].type != "paragraph":
        return None
    said = below[0].children[0].children[0].content
    if "\n" in name + said or len(name.split()) > _OUTLINE_NAME_WORDS or not (titled or names_a_thing(name)):
        return None
    return Term(name.strip().removesuffix(":").rstrip(), "", separated=True) if said.strip() else None


def _outlined_alike(items: Sequence[Node], defined: Mapping[int, Term]) -> dict[int, Term]:
    """The bullets of an outline's shape beside names read over one fact each (``- Golgi apparatus`` over
    ``- packages proteins``, beside ``- Ribosome`` over its own): names in sentence case too, as their
    siblings are, so that no one of them is lost among its carded peers. A list with no such name
    (``- Buy milk`` over ``- at the corner shop``) keeps its reading."""
    shaped = {id(item): term for item in items if (term := _outlined(item, titled=True))}
    named = [key for key in shaped if key in defined]
    if len(shaped) < _GLOSSARY_TERMS or len(named) * 2 < len(shaped):
        return {}
    return {
        key: term
        for key, term in shaped.items()
        if key not in defined and term.front[:1].isupper() and not term.front.endswith((".", "!", "?"))
    }


def _glossary_of_outlines(ctx: Context, items: Sequence[Node], defined: Mapping[int, Term]) -> bool:
    """Whether the list's carded names are a glossary's: terms (no day nor date, no label) each over a
    fact of two words or more that describes (``hottest planet``), no plan's days over their tasks
    (``- Monday`` over ``- gym``, ``- Tuesday`` over ``- dentist``)."""
    carded = [(item, term) for item in items if (term := defined.get(id(item))) is not None]
    return bool(carded) and all(
        _names(term.front)
        and not _CALENDAR_TITLE.fullmatch(term.front)
        and _describes(term.rest or item_text(ctx.doc.source(item.children[-1])).removeprefix("- "), words=2)
        for item, term in carded
    )


def _name_over_facts(ctx: Context, item: Node) -> bool:
    """An outline's name (``- Ribosome``, one line of a few words) over two or more bullets of one line
    each and nothing under them, none another rule's (``Function >> …``): facts of the name, a set to
    recall, no one card's back."""
    if len(item.children) != 2 or item.children[0].type != "paragraph" or item.children[1].type not in LISTS:
        return False
    if any(ctx.is_claimed(node) for node in item.children[1].walk()):
        return False
    name = item.children[0].children[0].content
    facts = item.children[1].children
    return (
        "\n" not in name
        and len(name.split()) <= _OUTLINE_NAME_WORDS
        and len(facts) >= _GLOSSARY_TERMS
        and all(len(fact.children) == 1 and fact.children[0].type == "paragraph" for fact in facts)
        and not any("\n" in fact.children[0].children[0].content for fact in facts)
    )


def _defining_sentence(item: Node, *, plain: bool = False) -> Term | None:
    """The item's sentence defining the bold name it opens with (``plain``: a name without bold)."""
    first = item.children[0] if item.children else None
    if first is None or first.type != "paragraph" or (plain and len(item.children) > 1):
        return None
    text = first.children[0].content
    if "\n" in text or not _DEFINING_VERB.search(text):
        return None  # asked of every list item: the cheap tests first
    return (plain_defining_sentence if plain else defining_sentence)(undecorated(text))


_DEFINING_VERB = regex(r" (?:is|are|refers? to|means) ")


def _item_term(
    item: Node, *, plain: bool = False, titled: bool = False, sentence_names: bool = False
) -> Term | None:
    """The item's bold term; with ``plain``, also one without bold (``Name → what it is``,
    ``Name = …``, ``Name: …``; under a bare term, such bullets are its definition; ``sentence_names``
    as ``plain_term`` reads them), and under a glossary's title (``titled``) a bold name run into its
    definition (``**Elasticity.** The …``)."""
    first = item.children[0] if item.children else None
    if first is None or first.type != "paragraph":
        return None
    inline = first.children[0]
    term = split_term(inline)
    if term is None and plain:  # `- [x] Region: …`
        first_line, *wrapped = inline.content.split("\n")
        if wrapped and (
            plain_term(undecorated(first_line.strip())) is None
            or any(plain_term(undecorated(line)) for line in wrapped)
        ):
            return None  # a term a line, or a question over its `A: …`: no one item's name
        unwrapped = " ".join(line.strip() for line in [first_line, *wrapped])  # its definition wrapped
        term = plain_term(undecorated(unwrapped), sentence_names=sentence_names) or _read_term(unwrapped)
        alone = len(item.children) == 1 and not wrapped  # a run-in name over terms: their group's
        return term or (run_in_term(inline.content) if titled and alone else None)
    return term


def _definitions_below(
    ctx: Context, term: Node, below: Sequence[Block], section: tuple[str, ...]
) -> list[Node]:
    """The paragraphs right below a term's that each open with a definition's ``:`` (or ``~``): a
    loose definition list, a blank line between the term and each definition (Pandoc's). Outside a
    glossary's title, only a short name over definitions that open with a capital and a ``:``: a
    line of prose, a quotation's ``~ Author`` or a recipe's ``: 20 minutes`` is none."""
    name = term.children[0].content
    titled = _titled(ctx, section, _GLOSSARY_TITLE)
    if "\n" in name or (not titled and len(name.split()) > _LOOSE_TERM_WORDS):
        return []
    if (bare := _bare_definition(ctx, name, below, formula=not titled)) is not None:
        return [bare]
    found: list[Node] = []
    for block in below:
        node = block.node
        text = paragraph_words(node)
        opening = _DEFINITION_LINE.match(text)
        if (
            opening is None
            or ctx.is_claimed(node)
            or not (titled or (text[0] == ":" and opening[1].isupper()))
        ):
            break
        found.append(node)
    return found


_COLON_IN_BOLD = regex(r"\s*:(?=(?:\*\*|__)\s*$)")


def _bare_definition(
    ctx: Context, name: str, below: Sequence[Block], *, formula: bool = False
) -> Node | None:
    """Under a glossary's title, the paragraph right below a paragraph of a bold name alone (``**EC2**``,
    a blank line, ``Resizable virtual servers …``): its definition, unless it is another such name.
    With ``formula`` (anywhere else), only a display formula alone (``**Poisson pmf:**``, a blank line,
    ``$$ … $$``), as formula sheets write one."""
    bold = BOLD_TEXT.fullmatch(name.strip())
    if bold is None or len(bold["inner"].split()) > _LOOSE_TERM_WORDS or not below:
        return None
    node = below[0].node
    if node.type != "paragraph" or ctx.is_claimed(node):
        return None
    text = node.children[0].content
    if formula and (
        _DISPLAY_FORMULA.fullmatch(text.strip()) is None or not _names(bold["inner"].strip(" :"))
    ):
        return None  # `**Step 1:**` or `**Proof:**` over a formula: a worked example's, no name's
    return None if BOLD_TEXT.fullmatch(text.strip()) or _DEFINITION_LINE.match(text) else node


def _label_over_formula(ctx: Context, block: Block) -> tuple[str, str] | None:
    """A paragraph of a bold name on its first line (``**Kinetic energy**``, ``**Ohm's law:**``) over a
    display formula alone on the lines after it, as a formula sheet writes one with no blank line: the
    name and the formula, a card as ``**Ohm's law:** $V = IR$`` on one line is. A numbered or labelled
    step (``**Step 1:**``, ``**Proof:**``, ``**Then**``) over a formula is a worked example's, no name's;
    so is any bold line after prose under the same heading (``Start from work.``): a derivation's."""
    node = block.node
    if node.type != "paragraph" or ctx.is_claimed(node) or (found := _bold_over_formula(node)) is None:
        return None
    name, formula = found
    if len(name.split()) > _LOOSE_TERM_WORDS or not _names(name) or _tutorial_label(name):
        return None
    return None if _derivation_above(ctx, block) else (name, formula)


def _bold_over_formula(node: Node) -> tuple[str, str] | None:
    """The bold line of a paragraph (without its colon) and the display formula alone under it."""
    if node.type != "paragraph":
        return None
    first, _, rest = node.children[0].content.strip().partition("\n")
    bold = BOLD_TEXT.fullmatch(first.strip().removesuffix(":").rstrip())
    if bold is None or not rest or _DISPLAY_FORMULA.fullmatch(rest.strip()) is None:
        return None
    return bold["inner"].strip(" :"), rest.strip()


def _derivation_above(ctx: Context, block: Block) -> bool:
    """Whether prose right before the first bold step under the block's heading opens a derivation
    whose steps follow (``Start from work.``); a formula sheet's entry (``$$F = ma$$`` over what it
    says) or its plain sentence (``Learn these by heart.``) opens none."""
    before: Block | None = None
    for other in ctx.doc.blocks:
        if other.heading is not block.heading:
            continue
        if other.node is block.node or _bold_over_formula(other.node) is not None:
            return before is not None and _opens_a_derivation(before.node)
        before = other
    return False


def _opens_a_derivation(node: Node) -> bool:
    """A paragraph of prose with no display formula in it, in a derivation's words (``Start from``,
    ``Rearrange``, ``hence``) or ending on a formula of its own: the words a derivation starts with."""
    if node.type != "paragraph" or _bold_over_formula(node) is not None:
        return False
    text = node.children[0].content
    if _DISPLAY_FORMULA.search(text) is not None:
        return False
    return _DERIVATION_WORDS.search(text) is not None or _ENDS_ON_A_FORMULA.search(text) is not None


_DERIVATION_WORDS = regex(
    r"(?i)\b(?:start(?:ing)?|begin(?:ning)?|from|substitut\w*|deriv\w*|rearrang\w*|hence|so|therefore|then)\b"
)
_ENDS_ON_A_FORMULA = regex(r"\$[^$]+\$[.:]?\s*$")


_DISPLAY_FORMULA = regex(r"\$\$[^$]+\$\$|\\\[.+\\\]", re.S)
"""A display formula alone: ``$$ … $$`` or ``\\[ … \\]``, on its lines."""


def _line_cards(
    ctx: Context,
    paragraph: Node,
    section: tuple[str, ...],
    glossary_paragraphs: Mapping[int, Term],
    defined: Sequence[Node] = (),
    *,
    announced: bool = False,
    indented: Node | None = None,
    next_block: Node | None = None,
) -> Iterator[Item | Problem]:
    """A paragraph written as a definition list (``Amazon S3`` over ``: Object storage``, the
    definitions maybe ``defined`` in the paragraphs below, the last one going on in the ``indented``
    block under them: ``terms.defines``), or as lines that each name a term (``Name:
    …`` lines too under a glossary's title, a heading naming kinds, ``Types of rock``, or a line
    ``announced`` them, ``These include:``), or one of ``glossary_paragraphs``: a card per term. A
    lecture's definition that ends announcing what follows (``… such that:``) takes the
    ``next_block`` (its conditions, listed) as the rest of its back."""
    lecture = defined_term(paragraph.children[0].content)  # `**Definition 2.1 (Group).** A group is …`
    if lecture is not None:
        back = lecture.rest
        if (
            back.endswith(":")
            and next_block is not None
            and next_block.type in _LABEL_VALUES
            and not ctx.is_claimed(next_block)
        ):
            back = f"{back}\n\n{ctx.doc.source(next_block)}"
            ctx.claim(next_block)
        yield _card(ctx, paragraph, section, lecture.front, back, pinned_id(paragraph))
        return
    if (italics := answered_in_italics(paragraph.children[0].content)) is not None:  # `…?` over `*1989*`
        yield _card(ctx, paragraph, section, italics.front, italics.rest, pinned_id(paragraph))
        return
    if ctx.answered_on_lines and (answered := answered_on_its_line(paragraph.children[0].content)):
        yield _card(ctx, paragraph, section, answered.front, answered.rest, pinned_id(paragraph))
        return
    lines = paragraph.children[0].content.split("\n")
    exported = list(itertools.dropwhile(lambda line: _EXPORT_HEADER.match(line) is not None, lines))
    header = len(lines) - len(exported)  # `#separator:tab` over an Anki export's lines
    columns = {
        found["name"]: int(found["number"]) for line in lines[:header] if (found := _COLUMN.match(line))
    }
    named = next((found[1] for line in lines[:header] if (found := _SEPARATOR.match(line))), "")
    separator = _SEPARATORS.get(named.lower(), named) or "\t"
    html = _from_html if header and "#html:false" not in lines[:header] else str
    notes = _exported_notes(exported, separator) if columns or named else []
    if notes and any(len(cells) > 1 for _, cells in notes):
        for at, cells in notes:  # an Anki export, maybe with a column of tags: `aws::storage`
            if len(cells) == 1:
                where = ctx.at(paragraph)
                yield Problem(replace(where, line=where.line + header + at), _NO_FIELDS, "warning")
                continue
            kept = [html(cell) for number, cell in enumerate(cells, 1) if number not in columns.values()]
            front, *fields = kept or [""]
            tags = cells[columns["tags"] - 1] if 0 < columns.get("tags", 0) <= len(cells) else ""
            kind = cells[columns["notetype"] - 1] if 0 < columns.get("notetype", 0) <= len(cells) else ""
            if "cloze" in kind.lower():  # the text, then its extra
                extra = "\n\n".join(field for field in fields if field.strip())
                yield _cloze(ctx, paragraph, section, front, extra, offset=header + at, tags=tags)
                continue
            back = "\n\n".join(field for field in fields if field.strip())
            yield _card(ctx, paragraph, section, front, back, "", offset=header + at, tags=tags)
        return
    titled = len(exported) >= _GLOSSARY_TERMS and (
        announced
        or (
            bool(within := _above_letters(section))
            and bool(_is_glossary_title(within[-1]) or _KINDS_TITLE.match(within[-1]))
        )
    )
    below = [line for node in defined for line in node.children[0].content.split("\n")]
    if below and not _DEFINITION_LINE.match(below[0]):  # a bare definition (`_bare_definition`)
        below[0] = f": {below[0]}"
        lines = [*lines[:-1], _COLON_IN_BOLD.sub("", lines[-1])]  # `**Ohm's law:**` names `Ohm's law`
    loose = definition_list([*lines, *below]) if below else []
    if loose:
        ctx.claim(*defined)
    listed = loose or definition_list(lines)  # a definition list's syntax names its terms, labels too
    if listed and indented is not None and not ctx.is_claimed(indented):
        at, last = listed[-1]
        listed[-1] = (at, replace(last, rest=f"{last.rest}\n\n{indented.content.strip()}"))
        ctx.claim(indented)
    terms = listed or [
        (header + at, Term(html(term.front), html(term.rest), term.separated))
        for at, term in _glossary_lines(
            exported,
            colons=titled or _defines_in_lines(ctx, exported),
            run_in=_titled(ctx, section, _TERMS_TITLE),
        )
    ]
    if not terms and not header:
        terms = _named_terms(lines, section[-1] if section else "")
    if not terms:
        terms = _defined_in_a_row(lines)  # `**GPP** is the total …` over `**NPP** is GPP minus …`
    if not terms and (opened := opening_definitions(paragraph.children[0].content)):
        # `The **spacing effect** is the tendency …`, as textbooks define (and `**Demand** is …` after it)
        terms = [(0, term) for term in opened]
    if not terms and id(paragraph) in glossary_paragraphs:
        terms = [(0, glossary_paragraphs[id(paragraph)])]
    terms = [(offset, term) for offset, term in terms if not _PLACE_IN_A_SERIES.fullmatch(term.front)]
    pinned = pinned_id(paragraph) if len(terms) == 1 else ""
    read = glossary_paragraphs.get(id(paragraph))  # `**Note:** a musical sound …` among terms: one of them
    stressed = len(lines) == 1 and not listed and terms and _stresses(terms[0][1])
    if stressed and not (terms[0][1] is read and _named_by_label(read)):
        return  # `Key idea → memory is rebuilt …` alone: what the notes stress, no name to ask by
    if len(lines) == 1 and not listed and terms and _STATES.search(terms[0][1].front):
        return  # `The overall equation is 6CO₂ + … → …` alone: a sentence holding an arrow, no name
    dated = _dated([term for _, term in terms])
    facets = _faceted([term for _, term in terms])
    for offset, term in terms:
        yield _card(
            ctx, paragraph, section, term.front, term.rest, pinned, offset=offset, dated=dated, facets=facets
        )


_PLACE_IN_A_SERIES = regex(r"(?i:step)\s*\d+[a-z]?|(?i:source)\s+(?:[A-Z]|\d+)")
"""A label that only numbers its line among others (a how-to's ``**Step 1:** Preheat …``, an exam's
``**Source A:** A cartoon …``): no name a card could ask by, so the line stays a line of the notes."""


def _defined_in_a_row(texts: Sequence[str]) -> list[tuple[int, Term]]:
    """Lines of a paragraph that each open by defining a name in bold (``_defined_stretches``), with
    their places; none unless every one does."""
    found = _defined_stretches(texts)
    return found if len(found) == len(texts) else []


def _defined_stretches(texts: Sequence[str]) -> list[tuple[int, Term]]:
    """Each stretch of two or more ``texts`` one after another that open by defining a name in bold,
    one at least as a textbook does, with an article (``… is the tendency …``), with their places: each
    defines its name, what it is in any words (``The **primacy effect** is better recall …``); prose
    before or between them is no part of a stretch."""
    among = [
        opening_definition(text, among_definitions=True) if "**" in text or "__" in text else None
        for text in texts
    ]  # (most paragraphs hold no bold at all)
    found: list[tuple[int, Term]] = []
    for defining, stretch in itertools.groupby(range(len(texts)), key=lambda at: among[at] is not None):
        places = list(stretch)
        if (
            defining
            and len(places) >= _GLOSSARY_TERMS
            and any(opening_definition(texts[at], with_article=True) for at in places)
        ):
            found += [(at, term) for at in places if (term := among[at]) is not None]
    return found


def _named_terms(lines: list[str], title: str) -> list[tuple[int, Term]]:
    """Lines that each name a term (with their places) under a caption of their own (``**CapEx vs
    OpEx**`` or ``ECG`` over ``P wave = atrial depolarisation`` lines), or ``Name: …`` lines that the
    caption or the heading above names every one of (``## Preemptive vs non-preemptive`` over
    ``Preemptive: …`` and ``Non-preemptive: …``): a comparison's terms, where other ``Name: …`` lines
    are a transcript's."""
    captioned = len(lines) > _GLOSSARY_TERMS and _is_caption(lines[0])
    for skip in (1, 0) if captioned else (0,):
        body, caption = lines[skip:], undecorated(lines[0]) if skip else ""
        names = {word.removesuffix("s") for word in _WORD.findall(f"{caption} {title}".casefold())}
        colons = _glossary_lines(body, colons=True)
        fronts = [
            {word.removesuffix("s") for word in _WORD.findall(term.front.casefold())} for _, term in colons
        ]
        if colons and all(front and front <= names for front in fronts):
            return [(skip + at, term) for at, term in colons]
        glossary = skip and _is_glossary_title(caption.rstrip(":")) and _each_its_own(body)
        if skip and (found := _glossary_lines(body, colons=bool(glossary))):
            return [(skip + at, term) for at, term in found]
    return []


def _each_its_own(lines: Sequence[str]) -> bool:
    """Whether no two lines open with the same label: a glossary's glued title (``Key terms`` right
    over ``Osmosis: …``) names each term once, where ``Note: …`` lines repeat theirs."""
    labels = [line.partition(":")[0].strip(" *_").casefold() for line in lines]
    return len(set(labels)) == len(labels)


def _is_caption(line: str) -> bool:
    """A line over others that only names what they are about: a few words, no sentence, no term."""
    words = undecorated(line).strip().rstrip(":")
    short = 0 < len(words.split()) <= _CAPTION_WORDS and not words.endswith((".", "?", "!"))
    return short and plain_term(words) is None


_CAPTION_WORDS = 6


def _exported_notes(lines: Sequence[str], separator: str) -> list[tuple[int, list[str]]]:
    """An Anki export's notes, each with the place of its first line among ``lines``: fields parted by
    ``separator``, one in double quotes holding separators, line breaks or doubled quotes, as Anki
    quotes them; lines whose quotes Anki would not have written, a field each between separators."""
    if len(separator) != 1:  # a header naming no one character: no export
        return []
    reader = csv.reader((f"{line}\n" for line in lines), delimiter=separator, strict=True)
    notes, first = [], 0
    try:
        for cells in reader:
            notes.append((first, cells))
            first = reader.line_num
    except csv.Error:  # a quote Anki would not write (`"Veni, vidi, vici" was said …`): fields as typed
        return [(at, line.split(separator)) for at, line in enumerate(lines)]
    return notes


def _from_html(field: str) -> str:
    """A field of an Anki export as Markdown: its bold, italics and line breaks (``_HTML_MARKS``), its
    pictures and the inline tags notes read anywhere (``html_as_markdown``), other markup (a styled
    ``<span>``, a ``<font>``) as its words, entities (``&nbsp;``) decoded."""
    for tag, mark in _HTML_MARKS:
        field = tag.sub(mark, field)
    field = "\n".join(map(html_as_markdown, field.split("\n")))
    words = HTML_TAG.sub(lambda tag: tag[0] if field[: tag.start()].endswith("](") else "", field)
    return html.unescape(words).strip()  # (a picture's `](<cell diagram.png>)` is no tag)


def _glossary_paragraphs(ctx: Context) -> dict[int, Term]:
    """Paragraphs of one line each, one right after another, that read as a glossary's lines together
    (``**Amazon S3:** object storage.`` then ``**Amazon EBS:** …``, as pasted notes and document
    exports write one): each paragraph's id and its term. ``Name: …`` paragraphs are a glossary's
    under a glossary's title or a line announcing them (``These include:``), else a transcript's. A
    ``<br>`` or a horizontal rule (``***``) between them spaces them out: the run is read whole, else
    each part between spacers, and between definitions that are cards alone."""
    found: dict[int, Term] = {}
    run: list[Block] = []
    parted: list[int] = []  # where in the run a `<br>` stood
    before: Block | None = None
    lone: list[Block] = []  # paragraphs of one line that no run made a glossary's
    for block in [*ctx.doc.blocks, None]:
        if block is not None and (is_spacer(block.node) or block.node.type == "hr"):
            parted.append(len(run))  # the run goes on past it
            continue
        if (
            block is not None
            and (
                _one_line(ctx, block.node)
                or (_aside_alone(ctx, block.node) and (run or _term_alone(block.node)))
            )
            and not _in_a_key(block)
            and not announces(block.node)
        ):
            if _defines_alone(block.node.children[0].content):  # `A **DPO** is …`: maybe a card alone
                parted += [len(run), len(run) + 1]
            run.append(block)
            continue
        terms = _under_bold_titles(ctx, run) or _run_terms(ctx, run, before)
        terms = terms or _defined_stretches([b.node.children[0].content for b in run])
        for start, end in [] if terms else itertools.pairwise([0, *parted, len(run)]):
            terms += [(start + offset, term) for offset, term in _run_terms(ctx, run[start:end], before)]
        terms = terms or _ruled_off_terms(ctx, run, parted, before) or _comparisons_alone(run)
        terms = terms or _terms_beside_prose(ctx, run, before)
        found |= {id(run[offset].node): term for offset, term in terms}
        lone += [] if terms else _one_bold_line(run)
        lone += [block] if block is not None and _wrapped_term(ctx, block.node) is not None else []
        run, parted, before = [], [], block
    found |= _lone_terms(ctx, lone) | _headed_glossary(ctx)
    return _terms_going_on(ctx, found) | found


def _ruled_off_terms(
    ctx: Context, run: list[Block], parted: Sequence[int], before: Block | None
) -> list[tuple[int, Term]]:
    """The terms of bold term lines that rules or spacers part one from the next (``**Interval**: …``,
    ``***``, ``**Octave**: …``), with their places in the run, where the run holds more than a
    glossary (a question and its answer further on): each stretch of such lines read as a glossary."""
    found: list[tuple[int, Term]] = []
    bounds = sorted({0, *parted, len(run)})
    alone = [
        end - start == 1 and line_term(run[start].node.children[0].content) is not None
        for start, end in itertools.pairwise(bounds)
    ]
    starts = bounds[:-1]
    for termed, stretch in itertools.groupby(range(len(alone)), key=lambda part: alone[part]):
        places = [starts[part] for part in stretch]
        if termed and len(places) > 1:
            blocks = [run[place] for place in places]
            found += [(places[offset], term) for offset, term in _run_terms(ctx, blocks, before)]
    return found


def _terms_beside_prose(ctx: Context, run: list[Block], before: Block | None) -> list[tuple[int, Term]]:
    """The terms of a stretch of two or more bold term paragraphs in a run that also holds lines of
    prose (``**Precedent:** An earlier decision …`` and two more, then ``In exams, always cite the
    case.``), with their places in the run: the prose is no glossary's line, so the stretch is read as
    one alone and the prose stays notes. Only where every line of it defines its term as a glossary does, none
    speaking or asking: a transcript's (``**Rudy:** Welcome back …``) or a plan's (``**Monday:** the
    lab is closed …``) bold names are no terms."""
    lines = [paragraph.node.children[0].content for paragraph in run]
    termed = [line_term(line) is not None for line in lines]
    found: list[tuple[int, Term]] = []
    for bold, stretch in itertools.groupby(range(len(run)), key=lambda at: termed[at]):
        places = list(stretch)
        if not bold or not _GLOSSARY_TERMS <= len(places) < len(run):
            continue
        if any(SPEAKING.search(lines[at]) for at in places):
            continue
        above = run[places[0] - 1] if places[0] else before
        terms = _run_terms(ctx, [run[at] for at in places], above)
        if len(terms) == len(places) and all(_defines_as_a_glossary(term) for _, term in terms):
            found += [(places[0] + offset, term) for offset, term in terms]
    return found


def _defines_as_a_glossary(term: Term) -> bool:
    """Whether a bold term's line beside prose or in a box reads as a glossary's: a name that is no
    label, aside, record's field or notice, defined in a few words that say what it is as a noun phrase
    does (``_says_what_it_is``: ``The power of courts …``, not a list's ``two cups of flour`` or
    ``mostly bus fares``) or open with a capital as a glossary's sentence case does (``Cook slowly …``,
    ``Replaying commits …``; no roster's ``Sam, who …``), open no sentence of their own (``the lab is
    closed``) nor someone's task, and ask nothing: where prose or a box is around it, nothing else tells
    a glossary from a plan."""
    front, rest = term.front, term.rest.rstrip(" *_")
    named = not (is_label(front) or is_aside(front) or names_a_record_field(front) or _notice(front))
    sentence = _CLAUSE_OPENING.match(rest) is not None or _ASSIGNED.match(rest) is not None
    asks = rest.endswith(("?", "!", "\uff1f"))
    phrased = _says_what_it_is(rest) or (rest[:1].isupper() and _NAMES_OPENING.match(rest) is None)
    return named and phrased and not sentence and not asks and _words(rest) >= DEFINING_WORDS


_NAMES_OPENING = regex(r"\S+(?:,|\s+(?:and|or|&)\s)")
"""A definition opening with a name then a comma or ``and`` (``Sam, who trained …``, ``Priya and Tom
…``): a roster's people, no meaning."""


def _comparisons_alone(run: Sequence[Block]) -> list[tuple[int, Term]]:
    """The paragraphs of a run no glossary took that each name two things they compare before a colon
    (``Key difference between LRS and ZRS: …``), with their places: what each asks is plain, so each
    is a card alone, where another ``Name: …`` line alone may be a transcript's."""
    lines = [paragraph.node.children[0].content for paragraph in run]
    return [
        (at, term)
        for at, line in enumerate(lines)
        if _comparisons([line])
        and (term := plain_term(line)) is not None
        and compares(term.front)
        and len(term.rest.split()) >= DEFINING_WORDS  # `Arsenal vs Chelsea: 3-1`: a result, no answer
    ]


def _terms_going_on(ctx: Context, read: Mapping[int, Term]) -> dict[int, Term]:
    """Paragraphs that each open with a bold term and its definition on the first line, their other
    lines no terms of their own (``**ser**: permanent "to be"`` over an example, ``*Soy estudiante.* —
    I am a student.``, or a definition wrapped onto the next line), one right after another under one
    heading, two or more of them or beside terms of one line already ``read``: a glossary whose entries
    say more, each paragraph a card with all of it on its back (before, the lines after the term left
    no card at all)."""
    found: dict[int, Term] = {}
    run: list[tuple[Node, Term]] = []
    beside = 0  # terms of one line in the run
    heading: Node | None = None
    for block in [*ctx.doc.blocks, None]:
        node = block.node if block is not None else None
        term = _term_going_on(ctx, node) if node is not None else None
        one_line = node is not None and id(node) in read and "\n" not in node.children[0].content
        if block is not None and (term is not None or one_line) and (block.heading is heading or not run):
            run += [(block.node, term)] if term is not None else []
            beside += one_line
            heading = block.heading
            continue
        fronts = [each.front.casefold() for _, each in run]
        if run and len(run) + beside >= _GLOSSARY_TERMS and len(set(fronts)) == len(fronts):
            found |= {id(paragraph): each for paragraph, each in run}
        run, beside, heading = [], 0, None
        if block is not None and term is not None:  # under a new heading: a run of its own
            run, heading = [(block.node, term)], block.heading
    return found


def _term_going_on(ctx: Context, node: Node) -> Term | None:
    """The term of a paragraph of two or more lines whose first opens with a bold term defined in a few
    words on it, and whose other lines open with none: that definition, then those lines."""
    if not _plain_paragraph(ctx, node) or "\n" not in (text := node.children[0].content):
        return None
    first, *others = [line.strip() for line in text.split("\n")]
    term = line_term(first)
    if term is None or is_label(term.front) or _words(term.rest) < DEFINING_WORDS:
        return None  # `**Level:** Beginner` over more: a record's field
    if any(not line or line_term(line) is not None for line in others):
        return None  # `**S3**: …` over `**EBS**: …`: a term a line, read as such
    rest = term.rest.rstrip(" \\")
    for line in others:  # a line in lower case goes on with the definition; another says more of it
        rest += f" {line}" if line[:1].islower() else f"\n\n{line}"
    return replace(term, rest=rest)


def _one_bold_line(run: Sequence[Block]) -> list[Block]:
    """The paragraph of a run that no glossary took opening with a bold term, if it is the only one:
    two or more such lines together and no glossary are a record's fields (``**Author:** Sam``)."""
    bold = [block for block in run if line_term(block.node.children[0].content) is not None]
    return bold if len(bold) == 1 else []


def _lone_terms(ctx: Context, lone: Sequence[Block]) -> dict[int, Term]:
    """Bold terms in paragraphs of their own (``**Salt wedge**: dense sea water …`` alone under its
    heading), in a file that writes its other terms so (as paragraphs or bullets): the file's way of
    writing a term, so one standing alone is a term too, not a line to drop. Alone in a file it may be
    prose's bold opening (``**Ana**: will …``), so only beside other such terms; never a name the
    file says again or numbers (a record's ``**Statement:**``, ``**Exercise 2:**``), nor a field's
    value in a word or two (``**Level:** Beginner``), nor a remark under an aside's heading (``## Tip``)."""
    fronts = bold_fronts(ctx.doc.lines)
    terms = {id(block.node): (block, _paragraph_term(ctx, block.node)) for block in lone}
    found = {at: term for at, (block, term) in terms.items() if term and _a_lone_term(block, term, fronts)}
    beside = fronts.total() > len(found)
    return {at: term for at, term in found.items() if beside or _reads_as_a_definition(term)}


def _reads_as_a_definition(term: Term) -> bool:
    """Whether a bold term alone in its file is defined as a glossary would, a noun's words after it
    (``**Phillips curve**: the short-run inverse relationship …``): a term, not prose's bold opening
    (``**Ana**: will you …``, ``**Note:** remember to …``) nor a record's field."""
    front = term.front
    named = not (is_label(front) or is_aside(front) or names_a_record_field(front) or _notice(front))
    asks = term.rest.rstrip(" *_").endswith(("?", "\uff1f"))
    defines = _DEFINING_OPENING.match(term.rest) is not None and _CLAUSE_OPENING.match(term.rest) is None
    return named and not asks and defines


def _notice(front: str) -> bool:
    """Whether a bold name heads news of the course (``**Update**: the lab moved …``), not a term."""
    return front.casefold() in _NOTICES


_NOTICES = frozenset(
    {"update", "updates", "news", "reminder", "announcement", "homework", "assignment", "todo"}
)


_DEFINING_OPENING = regex(rf"{DETERMINER.pattern}\s*(?!(?i:of|is|are|was|were|will|can|must)\b)\w")
"""A definition's opening: an article and a noun phrase (``the rate …``, ``a compound …``)."""
_CLAUSE_OPENING = regex(
    rf"{DETERMINER.pattern}\s*(?:(?!(?i:that|which|who|whose|where)\b)\w+\s+){{1,3}}"
    r"(?i:is|are|was|were|will|has|have|had|can|must|should|would)\b"
)
"""A sentence's opening, its subject's few words then its verb (``the lab is closed …``): news, not what
a term is (``a substance that is …`` goes on defining)."""


def _paragraph_term(ctx: Context, node: Node) -> Term | None:
    """The term of a paragraph of one line, or of one wrapped onto more (``_wrapped_term``)."""
    content = node.children[0].content
    return line_term(content) if "\n" not in content else _wrapped_term(ctx, node)


def _wrapped_term(ctx: Context, node: Node) -> Term | None:
    """The term of a paragraph whose first line opens with a bold term and whose other lines, in lower
    case and opening with no term, go on with its definition (``**Phillips curve**: the short-run
    inverse relationship between inflation and`` over ``unemployment.``): its definition, whole."""
    if not _plain_paragraph(ctx, node) or "\n" not in (text := node.children[0].content):
        return None
    first, *others = [line.strip() for line in text.split("\n")]
    term = line_term(first)
    if term is None or any(not line[:1].islower() or line_term(line) is not None for line in others):
        return None
    return replace(term, rest=" ".join([term.rest.rstrip(" \\"), *others]))


def _a_lone_term(block: Block, term: Term, fronts: Counter[str]) -> bool:
    """Whether a bold line alone defines its term (``_lone_terms``)."""
    defined = _words(term.rest) >= DEFINING_WORDS and not _ASSIGNED.match(term.rest)
    once = fronts[term.front.casefold()] == 1 and not _NUMBERED.search(term.front)
    return defined and once and not (block.section and is_aside(block.section[-1]))


@lru_cache(maxsize=1)
def bold_fronts(lines: tuple[str, ...]) -> Counter[str]:
    """How many lines of a file (paragraphs' or bullets') open with each bold term and its definition."""
    # a line with no `**` or `__` opens with no bold term (line_term's): most lines are passed over so
    terms = (line_term(_BULLET.sub("", line)) for line in lines if "**" in line or "__" in line)
    return Counter(term.front.casefold() for term in terms if term is not None)


def _twin(lines: tuple[str, ...], name: str, among_facets: _Facets) -> bool:
    """Whether a term's name is a label the file gives under each of its headings: once more anywhere
    among a few facets, or beside another label alike under two headings among other terms."""
    if among_facets == "mixed":
        return bold_fronts(lines)[name] > 1
    return among_facets == "facets" and name in _sectioned(lines).labels


@dataclass(frozen=True, slots=True)
class _Sectioned:
    """The bold labels two headings of a file both give, two or more of them, and the headings whose
    labels they make facets."""

    labels: frozenset[str]
    headings: frozenset[str]
    """The headings that give one of the ``labels`` on a line of their own (not a nested bullet's), where
    one heading giving it opens with a facet's label (``**Pricing**:``), not one that describes the
    heading as a whole (``**Function**:`` first under ``## Heart`` and ``## Kidney``: each heading's
    card), each as ``_heading_key`` writes it."""


@lru_cache(maxsize=1)
def _sectioned(lines: tuple[str, ...]) -> _Sectioned:
    """The bold terms two headings of a file both give, two or more of them (``**Habitat**:`` and
    ``**Diet**:`` under ``## Red fox`` and under ``## Barn owl``): facets of the subjects their headings
    name, not things of their own (one term given again under another heading, a recap's, stays one).
    Headings of the same words (``### Key characteristics`` under each) are one: they name no subject."""
    headings: dict[str, set[str]] = {}
    outermost: set[tuple[str, str]] = set()  # (label, heading) where a line of the heading's own gives it
    first: dict[str, str] = {}  # the label each heading's own lines open with
    heading = ""
    for line in lines:
        if line.startswith("#") and _HEADING_LINE.match(line):
            heading = _heading_key(line)
        elif "**" in line or "__" in line:
            label = _BOLD_LABEL.match(line)
            if label is not None:
                name = label["name"].casefold()
                headings.setdefault(name, set()).add(heading)
                if line[0] not in " \t":  # not a bullet nested under a thing of its own
                    outermost.add((name, heading))
                    first.setdefault(heading, name)
    repeated = {name: sorted(under) for name, under in headings.items() if len(under) > 1}
    pairs = Counter(pair for under in repeated.values() for pair in itertools.combinations(under, 2))
    shared = {pair for pair, labels in pairs.items() if labels > 1}
    labels = {
        name: under
        for name, under in repeated.items()
        if any(pair in shared for pair in itertools.combinations(under, 2))
    }
    faceted = (  # `**Use case**:` first under ECS, `**Pricing**:` first under EKS: both faceted
        [heading for heading in under if (name, heading) in outermost]
        for name, under in labels.items()
        if any(heading in first and not is_label(first[heading]) for heading in under)
    )
    return _Sectioned(frozenset(labels), frozenset(itertools.chain.from_iterable(faceted)))


def names_no_subject(heading: str) -> bool:
    """Whether a heading's words name no subject (``## Summary``, ``## Key points``, ``### Notes``)."""
    return _heading_front(heading).casefold() in _GENERIC_HEADINGS


def _heading_key(heading: str) -> str:
    """A heading's words as ``_sectioned`` tells headings apart (``## Amazon ECS`` → ``amazon ecs``)."""
    return heading.strip("# \t:").casefold()


def _gives_shared_labels(ctx: Context, section: tuple[str, ...]) -> bool:
    """Whether the heading over a block, naming a subject, gives labels other headings give too
    (``**Pricing**:`` and ``**Use case**:`` under ``## Amazon ECS`` and under ``## Amazon EKS``;
    ``_Sectioned.headings``): its labels are facets of its subject, whatever order they come in, and so
    are its other labels (``**Control plane**:``), asides excepted."""
    shared = bool(section) and _heading_key(section[-1]) in _sectioned(ctx.doc.lines).headings
    return shared and bool(_subject(ctx, section))


_BOLD_LABEL = regex(rf"[ \t]*(?:[-*+][ \t]+)?{_LABEL_IN_BOLD}[ \t]+\S")
"""A line a bold label opens, its colon inside the bold or after it (``- **Habitat**: forests``)."""
_HEADING_LINE = regex(r"#{1,6}(?:[ \t]|$)")
_NUMBERED = regex(r"\d[.)]?$")
"""A name ending in its number (``Exercise 2``, ``Step 1``): one of a series, no term."""
_BULLET = regex(r"^[ \t]*[-*+][ \t]+")


def _aside_alone(ctx: Context, node: Node) -> bool:
    """A paragraph of one aside's line (``**Remember:** EC2 bills by the second.``, or in italics,
    ``*Example: amlodipine …*``): among one-line paragraphs of terms it remarks on the term above it,
    and breaks no run of them."""
    words = node.children[0].content if node.type == "paragraph" and not ctx.is_claimed(node) else "\n"
    return "\n" not in words and aside_line(_plain_aside(words)) is not None


def _named_by_label(term: Term | None) -> bool:
    """Whether a glossary's paragraph read as a term is named by an aside's label (``**Exception:** an
    event that …`` among ``**Traceback:** …``): a card of its own, not a remark on the heading."""
    return term is not None and _defines_a_label_word(term)


def _term_alone(node: Node) -> bool:
    """Whether an aside's paragraph says what its label is as a glossary's term would (``**Exception:**
    an event that …``): it may open a run of terms, where a remark has no term above it to be on."""
    aside = aside_line(_plain_aside(node.children[0].content))
    return aside is not None and _defines_a_label_word(aside)


def _plain_aside(line: str) -> str:
    """An aside's line written wholly in italics (``*Example: amlodipine relaxes arteries*``) without
    its marks, read as the plain one is; any other line as it is."""
    italic = WHOLLY_ITALIC.fullmatch(line) if line[:1] in ("*", "_") else None
    return italic["inner"] if italic is not None and aside_line(italic["inner"]) is not None else line


def _defines_alone(text: str) -> bool:
    """A paragraph that may be a card by itself, as a lecture's or a textbook's definition (``A **data
    protection officer** (DPO) is …``): where a run of paragraphs reads as no glossary with it, those
    on either side of it may."""
    return defined_term(text) is not None or opening_definition(text) is not None


def _run_terms(ctx: Context, run: list[Block], before: Block | None) -> list[tuple[int, Term]]:
    """The terms of a run of one-line paragraphs read as a glossary (none if it is no glossary), with
    their places in the run; ``before`` is the block above the run."""
    if len(run) < _GLOSSARY_TERMS:
        return []
    lines = [_plain_aside(paragraph.node.children[0].content) for paragraph in run]
    within = _above_letters(run[0].section)
    title = _bold_title([before]) if before is not None else ""
    titled = (bool(within) and _is_glossary_title(within[-1])) or bool(title)
    announced = _announces(before, run[0])
    if announced:  # the terms a line announces, then maybe prose after them (or none: no glossary)
        lines = list(
            itertools.takewhile(lambda line: plain_term(undecorated(line)) or line_term(line), lines)
        )
        if not lines:
            return []
    titled_terms = _titled(ctx, run[0].section, _TERMS_TITLE) or _TERMS_TITLE.fullmatch(title) is not None
    colons = titled or announced or _defines_in_lines(ctx, lines) or _comparisons(lines)
    return _framed_glossary(lines, colons=colons, run_in=titled_terms)


def _bold_title(run: Sequence[Block]) -> str:
    """The glossary's title that a run's first paragraph is, wholly in bold on a line of its own
    (``**KEY TERMS**``, ``**Glossary**``, as textbooks and converted PDFs title a glossary with no
    heading): what it says, read as a heading that says so would be; else ``""``."""
    paragraph = run[0].node if run else None
    if paragraph is None or paragraph.type != "paragraph" or not paragraph.children:
        return ""
    bold = _WHOLLY_BOLD_LINE.fullmatch(paragraph.children[0].content.strip())
    title = bold["title"].strip() if bold else ""
    return title if title and _GLOSSARY_TITLE.fullmatch(title) else ""


def _under_bold_titles(ctx: Context, run: list[Block]) -> list[tuple[int, Term]]:
    """The terms of a run's paragraphs right under a glossary's bold title line in it (``**KEY
    TERMS**`` over ``**Privity** The rule that …``), with their places: read as under a heading that
    says so (a page's running header may stand above the title, a footnote below the terms)."""
    found: list[tuple[int, Term]] = []
    for at in range(len(run)):
        if _bold_title(run[at:]):
            stretch = _bold_opened(run[at + 1 :])
            found += [(at + 1 + offset, term) for offset, term in _run_terms(ctx, stretch, run[at])]
    return found


def _bold_opened(run: Sequence[Block]) -> list[Block]:
    """The paragraphs opening a run that each open in bold, as a glossary's terms under its bold
    title do: what follows them (a footnote, a page's running header) is no part of it."""
    return list(
        itertools.takewhile(lambda block: block.node.children[0].content.startswith(("**", "__")), run)
    )


_WHOLLY_BOLD_LINE = regex(r"(?P<mark>\*\*|__)(?P<title>[^*_\n]{1,60})(?P=mark):?")


def _comparisons(lines: Sequence[str]) -> bool:
    """Whether every line names two things it compares before its colon (``Key difference between LRS
    and ZRS: …``, ``Mitosis vs meiosis: …``): what each asks is plain, as a glossary's name is."""
    names = [line.partition(":")[0] for line in lines]
    return all(":" in line for line in lines) and all(compares(undecorated(name).strip()) for name in names)


def _defines_in_lines(ctx: Context, lines: Sequence[str]) -> bool:
    """Whether three or more ``Name: …`` lines, under no title that says so, are a glossary's: each says
    what its name is in words that go on from the name (``Breach: falling below the standard …``), not
    a sentence of its own (a chat's ``Ana: Has anyone …?``, a recipe's ``Servings: 4``), no name is a
    record's field (``Method:``) or speaks again in the file, and none speaks in the first person."""
    found = [_DEFINED_IN_A_LINE.match(line) for line in lines]
    if len(lines) < _GLOSSARY_RUN and not all(map(_formula_line, lines)):
        return False
    if not all(found) or any(map(SPEAKING.search, lines)):
        return False
    names = [match["name"] for match in found if match]
    if any(names_a_record_field(name) or is_label(name) for name in names):
        return False
    said = _speakers(ctx.doc.lines)
    return all(said[name.casefold()] == 1 for name in names)


@lru_cache(maxsize=1)
def _speakers(lines: tuple[str, ...]) -> Counter[str]:
    """How many lines of a file each ``Name:`` opens: a speaker's name opens several. Kept for the file
    being read only (its runs ask again), never for every file a build or ``watch`` has read."""
    return Counter(found["name"].casefold() for line in lines if (found := _NAMED.match(line.strip())))


def _formula_line(line: str) -> bool:
    """A formula sheet's line (``Ideal gas law: $PV = nRT$``), which two lines are enough to make a sheet
    of; not a value given (``Mass: $m = 2$``), as a problem's data or a lab's readings write theirs."""
    found = _FORMULA_LINE.fullmatch(line.strip())
    return found is not None and _GIVEN_VALUE.fullmatch(found["formula"]) is None


_GLOSSARY_RUN = 3
"""Unannounced ``Name: …`` lines read as a glossary from this many on (two may be a chat's), or two
formulas' (``_formula_line``)."""
_NAMED = regex(r"(?:[-*+][ \t]+)?(?P<name>[^\W\d_][\w '&()/.-]{0,40}?):[ \t]")
"""A line opening with a name and its colon: a term's, a field's or a speaker's."""
_DEFINED_IN_A_LINE = regex(rf"{_NAMED.pattern}+(?:(?=[a-z])[^\n]*[^?!\n]|\$[^$\n]+\$\.?[ \t]*$)")
"""``Name: what it is``, the words after the colon going on in lower case, asking and exclaiming
nothing; or ``Name: $formula$``, a formula sheet's line."""
_FORMULA_LINE = regex(rf"{_NAMED.pattern}\$(?P<formula>[^$\n]+)\$\.?")
_GIVEN_VALUE = regex(r"[ \t]*[^\W\d]\w*[ \t]*=[ \t]*-?[\d.,]+[ \t]*")
"""A symbol given a number (``m = 2``): data, not a formula to learn."""


def _framed_glossary(lines: list[str], *, colons: bool, run_in: bool) -> list[tuple[int, Term]]:
    """``_glossary_lines`` of a run of one-line paragraphs, maybe under a sentence that introduces the
    terms as such (``The terms I met training a model.`` over ``**Epoch**: …`` lines), or titles the
    bold terms below it (``Causes of nephrotic syndrome by age.``), which stays a line of the notes;
    one announcing what is no term (``Action items agreed:`` over ``**Ana**: …``) makes the run notes."""
    terms = _glossary_lines(lines, colons=colons, run_in=run_in, nearly=True)
    bold = [line_term(line) for line in lines[1:]]
    titled = lines[0].rstrip().endswith(".") and all(  # a title over bold terms, no one's tasks
        term is not None and not _ASSIGNED.match(term.rest) for term in bold
    )
    if terms or len(lines) <= _GLOSSARY_TERMS or not (_NAMES_TERMS.search(lines[0]) or titled):
        return terms
    return [
        (1 + offset, term)
        for offset, term in _glossary_lines(lines[1:], colons=colons, run_in=run_in, nearly=True)
    ]


_ASSIGNED = regex(r"(?i)(?:will|shall|should|must|to|needs?\s+to)\b")
"""How what someone is to do opens (``**Ana**: will paint the bollards.``): minutes', no definition."""
_NAMES_TERMS = regex(
    r"(?i)\b(?:terms?|terminology|glossary|definitions?|vocabulary|words|jargon|acronyms|abbreviations"
    r"|concepts|key\s+ideas)\b"
)
"""Words with which a sentence introduces the terms below it as such."""


def _announces(before: Block | None, first: Block) -> bool:
    """Whether ``before`` is a paragraph of ``first``'s section that announces kinds or terms ending in
    a colon (``These include:``, ``The main types:``); ``as follows:`` may open a transcript, a recipe's
    details or a timetable."""
    if before is None or before.section != first.section or before.node.type != "paragraph":
        return False
    return announces(before.node) and _NAMES_KINDS.search(before.node.children[0].content) is not None


_NAMES_KINDS = regex(
    r"(?i)\b(?:include[sd]?|including|such\s+as|types?|kinds?|terms?|categories|classes|patterns|principles"
    r"|concepts|definitions?)\b"
)


_KINDS_TITLE = regex(r"(?i)(?:the\s+)?(?:\w+\s+)?(?:types|kinds|categories|classes|forms)\s+of\s")
"""A heading naming the kinds of something (``Types of cell division``, ``Main kinds of rock``): the
``Name: …`` lines under it define them."""


_SUBTITLED = (
    r"(?i)(?:[^\n]{{1,60}}?(?:\s[-\u2013\u2014|]|:)\s+"
    r"|(?:[\w-]+\s+){{1,2}}(?=glossary|vocabulary|terminology))?(?:{})"
    r"(?:\s*[-\u2013\u2014:|]\s[^\n]{{1,60}})?"
)
"""A title and nothing more, but a subject set off before or after it (``Glossary — Microeconomics``,
``Chapter 3: Key terms``) or naming the glossary (``Microeconomics glossary``, ``Spanish vocabulary``)."""
_VOCABULARY_ABROAD = (
    r"vokabeln|vokabular|wortschatz|glossar|vocabulaire|glossaire|vocabulario|glosario|vocabolario"
    r"|glossario|vocabul\u00e1rio|gloss\u00e1rio"
)
"""``Vocabulary`` and ``Glossary`` as German, French, Spanish, Italian and Portuguese notes title them."""
_GLOSSARY_TITLE = regex(
    _SUBTITLED.format(
        r"(?:glossary|vocabulary|terminology)(?:\s+of\s+[^\n]{1,60})?|key\s+terms?|terms|definitions?"
        rf"|key\s+concepts?|terms\s+to\s+know|{_VOCABULARY_ABROAD}"
    )
)
"""A heading that is a glossary's title and nothing more: ``Glossary``, ``Key terms``, ``Terms``,
``Definitions``, ``Vocabulary`` …, or one naming its subject after ``of`` (``Glossary of Networking
Terms``); ``Definition of Done`` and ``Definitions and theorems`` are not."""


_SESSION_TITLE = regex(
    r"(?i)^\W*(?:(?:week|lecture|lesson|chapter|session|unit|day|class|seminar|tutorial|lab|meeting)\b"
    r"|how\s+to\b)|\b(?:notes?|journal|diary|log|reflections?)\W*$"
)
"""A file's title that names a session or a task, not a thing: ``Week 3 Lecture Notes``, ``Lecture 5:
Enzymes``, ``How to create an S3 bucket``, ``Study journal`` (``# Osmosis`` over its definition is one
note's card)."""


_RELEASE = regex(r"(?i)\[?(?:v?\d+(?:\.\d+)+|unreleased)\]?(?:\s*[-\u2013\u2014]\s*\d{4}-\d\d-\d\d)?")
_DATED_RELEASE = regex(
    r"(?i)\[?v?\d+(?:\.\d+)+\]?\s*(?:[-\u2013\u2014]\s*\d{4}-\d\d-\d\d|\(\d{4}-\d\d-\d\d\))"
)
"""A release's heading with its date: ``v2.3.0 (2024-05-02)``, ``[1.2.0] - 2024-03-01``."""


def _report_sections(blocks: Sequence[Block]) -> set[int]:
    """The paragraphs (by ``id``) that open with a report's section label (``**Aim:**``,
    ``**Method:**``, ``**Results:**`` …), when three or more do: a lab's report, no glossary."""
    found = {
        id(block.node)
        for block in blocks
        if block.node.type == "paragraph" and _REPORT_SECTION.match(block.node.children[0].content)
    }
    return found if len(found) >= _REPORT_SECTIONS else set()


_REPORT_SECTION = regex(
    r"(?i)(?:\*\*|__)(?:aims?|objectives?|apparatus|materials|equipment|hypothesis|method|procedure|results"
    r"|observations|conclusions?|discussion)(?:\*\*|__)?\s*:"
)
_REPORT_SECTIONS = 3


_ABOUT_THE_STUDYING = regex(
    r"(?i)\bto[- ]?do\b|\b(?:study|revision|essay|reading)\s+plan\b"
    r"|\b(?:practice|test|quiz|exam|mock)\s+(?:scores?|results|grades|marks|stuff|logistics|admin)\b"
    r"|^\W*(?:(?:useful\s+)?links|sources|further\s+reading|reading\s+list|see\s+also)\W*$"
)
"""A section about the studying itself, not what is studied: ``Essay plan (to do)``, ``Revision plan``,
``Practice scores``, ``Exam stuff``, ``Links`` (where the slides and pages are)."""


def _records_changes(section: tuple[str, ...]) -> bool:
    """A changelog's section (``## [1.2.0] - 2024-03-01`` over ``### Added``, as Keep a Changelog
    writes them, or a release's dated heading over its changes): what a release changed, not terms
    to learn."""
    if section and _DATED_RELEASE.fullmatch(section[-1].strip()):
        return True
    if len(section) < 2 or section[-1].strip().casefold() not in CHANGE_KINDS:
        return False
    return _RELEASE.fullmatch(section[-2].strip()) is not None


def _end_line(node: Node) -> int:
    """The 1-based line where a block ends."""
    return node.map[1] if node.map is not None else node.line


def _is_glossary_title(heading: str) -> bool:
    return _GLOSSARY_TITLE.fullmatch(_heading_front(heading)) is not None


def _alphabet_of_glossary(ctx: Context, block: Block) -> bool:
    """A block right under one of an A-Z glossary's letters (``## A`` under ``# Glossary``), or that
    heading itself: the letter groups terms, no term (``## A`` under ``# Vitamins`` may name one)."""
    heading = block.heading
    return (
        heading is not None
        and _divides_alphabet(heading_text(heading))
        and _titled(ctx, block.section, _GLOSSARY_TITLE)
    )


def _states_an_unnamed_result(ctx: Context, paragraph: Node) -> bool:
    """A paragraph stating a theorem, lemma, proposition or corollary under a bold head that only
    numbers it (``**Theorem 2.4.** Every subgroup of …``): a number names nothing a student is asked."""
    if paragraph.type != "paragraph" or ctx.is_claimed(paragraph):
        return False
    return _RESULT_HEAD.match(undecorated(paragraph.children[0].content.strip())) is not None


_RESULT_HEAD = regex(
    r"(?P<mark>\*\*|__)(?i:theorem|lemma|proposition|corollary)(?:[ \t]+[\dA-Z]+(?:\.\d+)*)?[ \t]*[.:]?"
    r"(?P=mark)[ \t]*[.:]?[ \t]+\S"
)
"""A result's bold head with no name in brackets: ``**Theorem 2.4.**``, ``**Lemma.**``, ``__Corollary__:``."""
_UNNAMED_RESULT = (
    "this theorem, lemma or corollary has no name, only maybe a number, so it makes no card: name it in"
    " brackets after its head (`**Theorem 2.4 (Cyclic subgroups).** …`) to ask for it"
)
_NO_GLOSSARY_TERM = (
    "this paragraph under a glossary's letter reads as no term, so it makes no card: write the term in"
    " bold on its own line over its definition, or `Term: definition`"
)


def _glossary_part(block: Block) -> object:
    """What a block's glossary is read with: the blocks under its heading, or under all the alphabet's
    letters (``## A``, ``## B``) of one title, where a letter may hold one term."""
    heading = block.heading
    if heading is not None and _divides_alphabet(heading_text(heading)):
        return ("letters", _above_letters(block.section))
    return id(heading)


_TERMS_TITLE = regex(
    _SUBTITLED.format(
        r"glossary(?:\s+of\s+terms)?|key\s+terms?|terms|terminology|vocabulary|terms\s+to\s+know"
        rf"|{_VOCABULARY_ABROAD}"
    )
)
"""A title naming a glossary's terms, under which bold run-ins are terms (``**Elasticity.** The …``)
and ``Name: …`` lines a glossary's; not ``Definitions`` or ``Key concepts``, over a lecture's points as
often."""


def _titled(ctx: Context, section: tuple[str, ...], title: re.Pattern[str]) -> bool:
    """Whether the nearest heading above, or the file's title where none is, is such a ``title``; an
    alphabet's letter (``## A`` in an A-Z glossary) only groups what is under the title above it."""
    section = _above_letters(section)
    return title.fullmatch(_heading_front(section[-1] if section else ctx.doc.part)) is not None


def _above_letters(section: tuple[str, ...]) -> tuple[str, ...]:
    """The headings down to a card without the alphabet's letters that close them (``## B``)."""
    while section and _divides_alphabet(section[-1]):
        section = section[:-1]
    return section


def _divides_alphabet(heading: str) -> bool:
    """A heading of one letter, or a range of them (``A``, ``B-D``): an A-Z glossary's divider."""
    return _LETTERS.fullmatch(_heading_front(heading)) is not None


_LETTERS = regex(r"[^\W\d_](?:\s*[-\u2013\u2014]\s*[^\W\d_])?\.?")


def _headed_glossary(ctx: Context) -> dict[int, Term]:
    """Paragraphs one after another whose first line is a term wholly in bold with its colon and
    whose next lines define it (``**Elasticity:**`` over ``The ability to …``), as document exports
    write a glossary: each paragraph's id and its term. Two or more, each defined in a few words: one
    alone, or any defined in a word or two (``**Level:**`` over ``Beginner``), is a bold line over the
    notes. Under a heading that is a glossary's title (``## Key terms``) no colon is needed, a meaning
    of a word or two is a definition (``candor`` over ``openness``), and an example between two terms
    breaks no run; elsewhere a run of three or more needs none when each
    definition opens as a noun phrase does (``**Inflation**`` over ``A general rise in …``)."""
    found: dict[int, Term] = {}
    for _, section in itertools.groupby(ctx.doc.blocks, key=_glossary_part):
        blocks = list(section)
        heading = blocks[0].heading
        named = heading is not None and (  # a glossary's title, or a letter under one
            _is_glossary_title(heading_text(heading)) or _alphabet_of_glossary(ctx, blocks[0])
        )
        terms = [(block.node, _headed_term(ctx, block.node, colon=False, plain=named)) for block in blocks]
        if named:  # the whole section, examples between its terms
            found_terms = [[(node, term) for node, term in terms if term is not None]]
        else:  # paragraphs one after another
            runs = itertools.groupby(terms, key=lambda pair: pair[1] is not None)
            found_terms = [
                run
                for is_term, grouped in runs
                if is_term
                for run in _defined_runs([(node, term) for node, term in grouped if term], ctx)
            ]
            found_terms += _pasted_pairs(ctx, blocks, [term for _, term in terms])
        for run in found_terms:
            fronts = [term.front.casefold() for _, term in run]
            defined = named or all(_words(term.rest) >= DEFINING_WORDS for _, term in run)
            if (named or len(run) >= _GLOSSARY_TERMS) and defined and len(set(fronts)) == len(fronts):
                found |= {id(paragraph): term for paragraph, term in run}
    return found


def _pasted_pairs(
    ctx: Context, blocks: Sequence[Block], terms: Sequence[Term | None]
) -> list[list[tuple[Node, Term]]]:
    """Runs of three or more paragraphs one after another, each a name of a few words in plain text
    over one line defining it in three words or more (``Extinction`` over ``The gradual weakening of a
    conditioned response``), as a Quizlet set copied out writes its cards: a glossary under any heading.
    Two are one too where each is a name over a noun phrase (``_two_defined_as_noun_phrases``: ``The
    organelle that …``): the look of a definition, not of a line of prose under a short one.
    Paragraphs ``terms`` already read as bold terms are none of them."""
    plain = [
        (block.node, None if term is not None else _headed_term(ctx, block.node, colon=False, plain=True))
        for block, term in zip(blocks, terms, strict=True)
    ]
    runs = (
        [(node, term) for node, term in grouped if term is not None]
        for is_term, grouped in itertools.groupby(plain, key=lambda pair: pair[1] is not None)
        if is_term
    )
    return [
        run
        for run in runs
        if all(_words(term.rest) >= DEFINING_WORDS for _, term in run)
        and (len(run) >= _UNCOLONED_TERMS or _two_defined_as_noun_phrases(run))
    ]


def _two_defined_as_noun_phrases(run: Sequence[tuple[Node, Term]]) -> bool:
    """Whether a run of two plain names over lines is a glossary all the same: each a name
    (``Ribosome``, not a poem's ``Over the hills``) over a noun phrase saying what it is (``The
    structure that …``), not a clause on what it does (``The choir meets in …``, ``The lab is …``)."""
    return len(run) == _GLOSSARY_TERMS and all(
        names_a_thing(term.front) and _says_what_it_is(term.rest) and not _ACTS.match(term.rest)
        for _, term in run
    )


_ACTS = regex(
    rf"{DETERMINER.pattern}\s*(?:(?!(?i:that|which|who|whose|whom|where|of|for|in|on|to|with|by|from|at|and|or)\b)"
    r"\S+\s+){1,2}?[a-z]+(?<![sui])s\s+(?i:to|at|from|in|into|on|onto|for|with|by|the|an?|up|down|out|off|back"
    r"|over|after|before|until|its|his|her|their)\b"
)
"""A determiner, a noun's word or two, then a verb in ``-s`` and what it goes on with (``The choir meets
in …``, ``A lantern burns for …``): a clause telling what happens, which ``_TELLS``' verbs miss."""


_PLAIN_NAME = regex(r"[^\W\d][\w'()\u2019-]*(?: [\w'()\u2019-]+){0,4}")
"""A name of up to five words in plain text, no sentence's end or separator in it."""


def _names(front: str) -> bool:
    """A glossary's term: more than a letter (an alphabet's divider), no number (``Step 1``,
    ``Definition 1.1``), no label (``Proof``, ``Speaker notes``, ``TODO``, ``Lecturer's comment``)."""
    labelled = is_label(front) or _NOTE_LABEL.search(front) is not None
    return len(front) > 1 and not any(map(str.isdigit, front)) and not labelled


_NOTE_LABEL = regex(
    r"(?i)\b(?:todo|notes?|comments?|remember|reminders?|tips?|hints?|warnings?|summary|examples?"
    r"|sources?|references?|questions?|proofs?)\b"
)


def _defined_runs(run: list[tuple[Node, Term]], ctx: Context) -> list[list[tuple[Node, Term]]]:
    """The runs of terms among bold lines over their definitions, one after another: those with the
    colon a glossary's terms have; without it (``**Aim**``, a speaker's name, head lines), all of
    them where there are three or more, two in three defined as a noun phrase opens (``A general
    rise in …``)."""
    colons = [_headed_term(ctx, node, colon=True) is not None for node, _ in run]
    phrased = sum(
        ended or DETERMINER.match(term.rest) is not None for ended, (_, term) in zip(colons, run, strict=True)
    )
    if all(colons) or (len(run) >= _UNCOLONED_TERMS and 3 * phrased >= 2 * len(run)):
        return [run]
    marked = itertools.groupby(zip(colons, run, strict=True), key=operator.itemgetter(0))
    return [[pair for _, pair in group] for ended, group in marked if ended]


_UNCOLONED_TERMS = 3


def _headed_term(ctx: Context, node: Node, *, colon: bool, plain: bool = False) -> Term | None:
    """The term of a paragraph of two or more lines whose first line is a term wholly in bold, ending
    with a colon (``**Elasticity:**``) where ``colon`` asks for one: without one, a bold line
    (``**Aim**``, ``**Step 1**``, a speaker's name) heads the lines below it rather than names what they
    define, but under a heading that names a glossary (``## Key terms``). There (``plain``) a name of
    a few words in plain text over its definition is one too, as a Quizlet set copied out writes it."""
    if not _plain_paragraph(ctx, node):
        return None
    first, newline, rest = node.children[0].content.partition("\n")
    line = undecorated(first.strip())
    if plain and newline and _PLAIN_NAME.fullmatch(line) and rest.strip() and "\n" not in rest.strip():
        return Term(line, rest.strip(), separated=True) if _names(line) else None
    ended = line.endswith((":**", ":__", "**:", "__:"))
    if not newline or (colon and not ended) or BOLD_TEXT.fullmatch(line.removesuffix(":")) is None:
        return None
    term = split_term(node.children[0])
    named = term is not None and term.rest and _names(term.front) and not is_field_name(term.front)
    return term if named else None


def _words(text: str) -> int:
    """How many words ``text`` holds (``_WORD_OR_IDEOGRAPHS``)."""
    return len(_WORD_OR_IDEOGRAPHS.findall(text))


def _glossary_lines(
    lines: list[str], *, colons: bool = False, run_in: bool = False, nearly: bool = False
) -> list[tuple[int, Term]]:
    """Each line's term, with its index, as ``_glossary_terms`` finds them; or, where an aside's line
    among them (``**Remember:** …``, not the first) breaks the run, the terms of the other lines, each
    aside on the back of the term above it unless it speaks of another term or of them all."""
    found = _glossary_terms(lines, colons=colons, run_in=run_in, nearly=nearly)
    if not found and (facets := _facet_lines(lines)):
        return facets
    labelled = {at: aside for at, line in enumerate(lines) if (aside := aside_line(line))}
    termed = {at: aside for at, aside in labelled.items() if _defines_a_label_word(aside)}
    asides = {at: aside for at, aside in labelled.items() if at and at not in termed}
    if found or not (asides or termed) or len(lines) - len(asides) - len(termed) < _GLOSSARY_TERMS:
        return found
    kept = [at for at in range(len(lines)) if at not in asides and at not in termed]
    terms = _glossary_terms([lines[at] for at in kept], colons=colons, run_in=run_in, nearly=nearly)
    placed = sorted(
        [(kept[offset], term) for offset, term in terms] + (list(termed.items()) if terms else [])
    )
    named = _Names(term for _, term in placed)
    remarked: list[tuple[int, Term]] = []
    for index, (at, term) in enumerate(placed):
        end = placed[index + 1][0] if index + 1 < len(placed) else len(lines)
        said = [
            lines[line].strip()
            for line in range(at + 1, end)
            if line in asides
            and not is_statement(asides[line].front)
            and not _of_another(asides[line], term, named)
        ]
        remarked.append((at, replace(term, rest="\n\n".join([term.rest, *said])) if said else term))
    return remarked


def _facet_lines(lines: Sequence[str]) -> list[tuple[int, Term]]:
    """Each line's term (with its index) when every line, two or more, names a facet of the heading
    above them (``**Mechanism**: …``, ``**Examples**: …``, ``**Side effects**: …``): a card each, where an
    aside's label among them (``Examples``) would be a remark on the line above."""
    terms = [line_term(line) or aside_line(line) for line in lines]
    facets = [
        (at, term) for at, term in enumerate(terms) if term is not None and term.rest and _all_facets(term)
    ]
    return facets if len(facets) == len(lines) >= _GLOSSARY_TERMS else []


def _glossary_terms(
    lines: list[str], *, colons: bool = False, run_in: bool = False, nearly: bool = False
) -> list[tuple[int, Term]]:
    """Each line's term (with its index) when every line is ``Name → what it is``, or when the lines
    (two or more) are each ``**Name**: what it is`` or each ``Name - what it is`` (a dash, ``=``, a
    tab or ``|``: ``Morgan: …`` lines are a transcript's, unless ``colons``: under a glossary's title);
    else none. Lines that name a note's fields (``**Topic:** …``), or bold ones whose every definition
    is a word or two (``**Level:** Beginner``), are no glossary; a vocabulary list's one-word
    translations are its definitions. A ``;`` ending every line parts Quizlet's rows: no part of them.
    A name on two lines makes the lines a conversation's, not a glossary's. With ``nearly`` (lines
    that are paragraphs of their own), a long run whose lines nearly all are terms is a glossary too:
    the odd line out stays a line of the notes. A line with no tab among tabbed ones goes on with the
    definition above it, as Quizlet exports a definition written on two lines."""
    lines = _unlettered(lines)
    tabbed = ["\t" in line for line in lines]
    if tabbed and tabbed[0] and sum(tabbed) >= _GLOSSARY_TERMS and not all(tabbed):
        joined: list[tuple[int, str]] = []
        for offset, line in enumerate(lines):
            if "\t" in line or not _GOES_ON.match(line):  # `Salt - …`, `Exported from Quizlet`: its own
                joined.append((offset, line))
            else:
                joined[-1] = (joined[-1][0], f"{joined[-1][1]} {line.strip()}")
        if len(joined) < len(lines):
            found = _glossary_terms([line for _, line in joined], colons=colons, run_in=run_in, nearly=nearly)
            return [(joined[index][0], term) for index, term in found]
    if colons and (wrapped := _unwrapped(lines)):  # `Stroma: the fluid … where the` over `Calvin cycle …`
        found = _glossary_terms([line for _, line in wrapped], colons=colons, run_in=run_in, nearly=nearly)
        return [(wrapped[index][0], term) for index, term in found]
    colons = colons or all(map(_DATED_LINE.match, lines))  # `1789: Storming of the Bastille`: no speaker
    colons = colons or all(map(_CODE_NAMED_LINE.match, lines))  # `` `git stash`: … ``: no speaker either
    colons = colons or all(map(_WORD_CLASS_LINE.match, lines))  # `zeal (n.): …`: a word, no speaker
    terms = [plain_term(undecorated(line), separators="arrows") for line in lines]  # `🔹 EC2 → …`
    if not all(terms) and len(lines) >= _GLOSSARY_TERMS:
        terms = [  # `**Antigen**: …`, `**Coupon rate** is …`
            line_term(line) or (run_in_term(line) if run_in else None) or _defines(line) or _bold_dated(line)
            for line in lines
        ]
        bold = all(terms) or (nearly and _nearly_all(sum(term is not None for term in terms), len(lines)))
        plainly: Literal["any", "no colon"] = "any" if colons else "no colon"
        terms = terms if bold else _plain_terms(lines, plainly)
        fields = any(  # `**Duration:** 2 hours` names a field; `**Duration** is a measure …` defines
            term is not None and is_field_name(term.front) and not _defines(line)
            for term, line in zip(terms, lines, strict=True)
        )
        worded = any(_words(term.rest) >= DEFINING_WORDS for term in terms if term)
        if fields or (bold and not worded):
            return []
    found = [(offset, term) for offset, term in enumerate(terms) if term is not None]
    if len(found) != len(lines) and not (nearly and _nearly_all(len(found), len(lines))):
        return []
    names = [term.front.casefold() for _, term in found]
    if len(set(names)) < len(names):  # `**Ana:** …` twice: who said what in a chat, not a glossary
        return []
    if len(names) >= _GLOSSARY_TERMS and all(map(_WHEN.fullmatch, names)) and _tasks(found):
        return []  # `Monday - finish the notes`, `9:00 - a lecture`: a plan of the days, nothing to learn
    if len(found) >= _GLOSSARY_TERMS and all(term.rest.endswith(";") for _, term in found):  # Quizlet's rows
        return [(offset, replace(term, rest=term.rest[:-1].rstrip())) for offset, term in found]
    return found


_CODE_NAMED_LINE = regex(r"[ \t]*(?P<tick>`+)[^`\n]+(?P=tick)[ \t]*:[ \t]+\S")
"""A line whose name is code before its colon (`` `ss -tulpn`: listening sockets ``)."""
_WORD_CLASS_LINE = regex(
    r"[ \t]*[^\W\d_][\w'\u2019-]*(?:[ \t]+[\w'\u2019-]+)?[ \t]*\((?i:n|v|vt|vi|adj|adv|prep|conj|pron|interj"
    r"|noun|verb|adjective|adverb)\.?\)[ \t]*:[ \t]+\S"
)
"""A word (or two) and its part of speech before a colon (``torpid (adj.): sluggish``): a vocabulary's."""


def _unwrapped(lines: list[str]) -> list[tuple[int, str]]:
    """``Name: definition`` lines hard-wrapped, as a PDF's text gives them, each joined (with its first
    line's index) to the lines going on with it: a line with no ``Name:`` of its own under one that
    stops mid-sentence; a word cut by a hyphen at a line's end (``chlo-`` over ``roplast``) is one
    again. None unless the first line and another name a term, and a line goes on."""
    if sum(_NAMED.match(line) is not None for line in lines) < _GLOSSARY_TERMS or not _NAMED.match(lines[0]):
        return []
    joined: list[tuple[int, str]] = []
    for offset, line in enumerate(lines):
        above = joined[-1][1] if joined else ""
        if _NAMED.match(line) or not above or above.rstrip().endswith((".", "!", "?", ":", ";")):
            joined.append((offset, line))
        elif _CUT_WORD.search(above) and line.lstrip()[:1].islower():
            joined[-1] = (joined[-1][0], above.rstrip()[:-1] + line.strip())
        else:
            joined[-1] = (joined[-1][0], f"{above.rstrip()} {line.strip()}")
    return joined if len(joined) < len(lines) else []


_CUT_WORD = regex(r"[^\W\d_]-[ \t]*$")
"""A line ending in a word's part and a hyphen (``chlo-``): the word goes on below."""
_GOES_ON = regex(r"[ \t]*(?!.*[ \t]-[ \t])[a-z(][^\t:|=\u2192\u2013\u2014]*$")
"""A line going on with the definition above it: in lower case, with no separator of its own."""


_WHEN = regex(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\.?"
    r"|(?:day|week|session)\s+\d+|\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"
)
"""A day or a time naming a line of a plan (``Monday``, ``Day 3``, ``9:30``), in lower case."""


def _unlettered(lines: list[str]) -> list[str]:
    """Lines lettered in order (``a. Osmosis - …``, ``b) Diffusion - …``), as a word processor's list
    pasted as text keeps them, without their letters, no part of the names; other lines as they are."""
    lettered = [_LETTER.match(line) for line in lines]
    letters = "".join(found["letter"].lower() for found in lettered if found is not None)
    if len(lines) < _GLOSSARY_TERMS or letters != "abcdefghijklmnopqrstuvwxyz"[: len(lines)]:
        return lines
    return [line[found.end() :] for line, found in zip(lines, lettered, strict=True) if found is not None]


_LETTER = regex(r"(?P<letter>[a-zA-Z])[.)][ \t]+(?=\S)")


def _tasks(found: Sequence[tuple[int, Term]]) -> bool:
    """Whether what follows each day or time reads as what to do then, phrases of a few words (``past
    paper 2019``), where a vocabulary list gives a word or two (``Monday - el lunes``)."""
    return sum(len(term.rest.split()) for _, term in found) >= _TASK_WORDS * len(found)


_TASK_WORDS = 2.5
"""Words, on average, of what a plan sets for each day: more than a translation's."""


def _nearly_all(terms: int, lines: int) -> bool:
    """Whether a long run of lines is nine in ten terms: a glossary with a line of its own."""
    return terms >= _NEARLY_ALL_OF and terms * 10 >= lines * 9


def _named_half(terms: list[Term | None]) -> bool:
    """Whether half the lines or more name a term as names are written, and define it as a glossary
    does (most open with a capital, a year or an article: ``a measure of …``) or gloss it as a
    vocabulary does (in a few words), or three lines in four or more name one: then
    a few words in sentence case before a hyphen name one too (``Duty of care - …`` among ``Damages -
    A sum …`` and ``Debt - A duty …``), as glossaries mix them, where a to-do list's, a
    retrospective's or minutes' lines (``Call the bank - …``, ``Budget - approved …``) mostly read
    otherwise."""
    named = [term for term in terms if term is not None]
    defined = sum(
        term.rest[:1].isupper() or term.rest[:1].isdigit() or DETERMINER.match(term.rest) is not None
        for term in named
    )
    glossed = sum(len(term.rest.split()) <= _MEANING_WORDS for term in named)  # a vocabulary's meanings
    most = len(named) >= _DEFINED_LINES and len(named) * 4 >= len(terms) * 3  # three in four lines or more
    return bool(named) and len(named) * 2 >= len(terms) and (most or max(defined, glossed) * 2 >= len(named))


_MEANING_WORDS = 3
"""At most this many words in a meaning of a vocabulary list (``la cucina \u2013 the kitchen``)."""
_Written = TypeVar("_Written", str, Node)
"""A line of a paragraph, or a list item."""


def _with_sentence_names(
    written: Sequence[_Written], read: Callable[[_Written, bool], Term | None]
) -> tuple[list[Term | None], bool]:
    """Each line's or item's term as ``read`` (the line, whether names in sentence case count) reads it,
    sentence case names too where ``_named_half`` allows them; and whether it does."""
    terms = [read(line, False) for line in written]
    if _named_half(terms):
        return [term or read(line, True) for line, term in zip(written, terms, strict=True)], True
    if len(written) < _VOCABULARY_LINES:
        return terms, False
    named = _sentence_names_defined(written, read)
    if named is None and len(written) >= _DEFINED_LINES:
        named = _run_of_noun_names(written, terms, read)
    return (terms, False) if named is None else (named, True)


def _sentence_names_defined(
    written: Sequence[_Written], read: Callable[[_Written, bool], Term | None]
) -> list[Term | None] | None:
    """Each line's term where every line names a thing in sentence case and says what it is (``Food
    chain - a linear sequence …``, ``Trophic level - the position …``): a glossary; else ``None``."""
    named: list[Term | None] = []
    for line in written:
        term = read(line, True)
        if term is None or not _says_what_it_is(term.rest):
            return None  # read no further: most lists are no such glossary
        named.append(term)
    if len(written) < _DEFINED_LINES and not all(term and _ARTICLED.match(term.front) for term in named):
        return None  # two lines: a vocabulary's (`la manzana - the apple`), or no glossary
    if any(term and _unnamed(term.front) and len(term.rest.split()) > GLOSS_WORDS for term in named):
        return None  # `renew passport - the old one expires in March`: errands, no glossary
    return named


def _run_of_noun_names(
    written: Sequence[_Written], terms: Sequence[Term | None], read: Callable[[_Written, bool], Term | None]
) -> list[Term | None] | None:
    """Each line's term where every line of a run of three or more names a thing, those of a few words in
    sentence case reading as a noun's (``Sensory memory - lasts under a second`` beside ``Chunking -
    …``): a glossary, however its definitions open; else ``None``. A feature list's ``Scales
    automatically - …`` or ``Pay per use - …``, a to-do's ``Call the bank - …``, are no names; nor are
    a retrospective's or minutes' lines that say what happens or what to do of them (``Slow cranes -
    service them …``, ``Budget review - the treasurer will report …``)."""
    named: list[Term | None] = []
    for line, term in zip(written, terms, strict=True):
        term = term or read(line, True)
        if term is None or not _names_a_noun(term.front) or _TELLS.match(term.rest) or _BIDS.match(term.rest):
            return None
        named.append(term)
    return named


def _names_a_noun(front: str) -> bool:
    """A few words in sentence case as a noun's name reads (``Long-term memory``, ``Serial position
    effect``): no adverb (``Scales automatically``), past participle last (``Fully managed``) or small
    word (``Pay per use``, ``Call the bank``) among them; one word, or words each capitalised, too."""
    words = front.split()
    if len(words) > _NOUN_NAME_WORDS or not front[:1].isupper():
        return False
    rest = [word.lower() for word in words[1:]]
    if any(not _LOWER_WORD.fullmatch(word) for word in rest) and not names_a_thing(front):
        return False
    lowered = [word.lower() for word in words]
    return not (
        any(word.endswith("ly") or word in _SMALL_WORDS for word in lowered)
        or (len(words) > 1 and lowered[-1].endswith("ed"))
    )


_BIDS = regex(r"(?i)\w+\s+(?:them|it|him|her)\b")
"""A bidding's verb and what it is done to (``service them before winter``): what to do, no definition."""
_NOUN_NAME_WORDS = 3
_LOWER_WORD = regex(r"[a-z][a-z'-]*")
_SMALL_WORDS = frozenset(
    {"a", "an", "the", "to", "of", "for", "per", "and", "or", "no", "not", "in", "on", "at", "by", "with"}
    | {"my", "your", "our", "their", "his", "her", "its", "it", "is", "are", "be", "up", "out", "off"}
)
"""Words a short noun's name in sentence case does not hold: a phrase's, a task's or a feature's."""


def _unnamed(front: str) -> bool:
    """Words in lower case, no article before them: ``trophic level`` or ``renew passport``, either."""
    return front[:1].islower() and not _ARTICLED.match(front)


def _says_what_it_is(rest: str) -> bool:
    """A noun phrase saying what a name is (``a linear sequence of …``), not a clause saying what
    happens (minutes' ``the treasurer will report …``, a packing list's ``the forecast says showers``)."""
    return DETERMINER.match(rest) is not None and _TELLS.match(rest) is None


_TELLS = regex(
    rf"{DETERMINER.pattern}\s*(?:(?!(?i:that|which|who|whose|whom|where)\b)\S+\s+){{0,2}}?"
    r"(?i:will|would|shall|should|can|could|may|might|must|is|are|was"
    r"|were|has|have|had|does|did|says|said|goes|went|needs|wants|looks|seems|starts|ends)\b"
)
"""A determiner, a word or two, then a verb a clause goes on with (``the quiz is on …``; ``a molecule
that is …`` is a noun phrase, its clause relative)."""


_DEFINED_LINES = 3
"""At least this many lines, each naming a thing in sentence case over what it is (``a …``, ``the …``),
make a glossary of such names alone."""
_DEFINITION_WORDS = 6
"""Words a definition in a plain sentence takes at least on average (``Osmosis is the diffusion of water
across …``); fewer tell of the day (``Monday is a holiday.``, ``Tom is the secretary.``)."""
_VOCABULARY_LINES = 2
"""... or this many, each a noun after its article in another language (``la manzana - the apple``)."""
_ARTICLED = regex(r"(?i)(?:der|die|das|le|la|les|l'|el|los|las|il|lo|gli|het|een|ein|eine|un|une|una|uno)\s")


def _defines(line: str) -> Term | None:
    """A paragraph's ``defining_sentence`` that says what its name is (``**Duration** is a measure of
    …``), not what it does or where it is (``**Ana** is out on Friday.``, as minutes write)."""
    term = defining_sentence(line)
    return term if term is not None and DETERMINER.match(term.rest) else None


def _plain_terms(lines: list[str], separators: Literal["any", "no colon"]) -> list[Term | None]:
    """Each line's ``plain_term``, sentence case names too where ``_named_half`` allows them."""
    return _with_sentence_names(
        lines,
        lambda line, names: (
            plain_term(undecorated(line), separators=separators, sentence_names=names) or _read_term(line)
        ),
    )[0]


def _read_term(line: str) -> Term | None:
    """A Japanese word, its reading in lenticular or square brackets and its meaning after a space
    (``食べる 【たべる】 to eat``, ``漢字 [かんじ] kanji`` as Anki decks write it), as dictionaries set
    them: the word and its reading the front, where no separator parts them from the meaning. A reading
    is kana: a place and a news agency (``東京【共同】 …``) is a dateline over a report."""
    found = _WORD_READING_MEANING.fullmatch(line.strip()) if "\u3010" in line or "[" in line else None
    if found is None or not _JAPANESE_LETTER.search(found["word"]):
        return None
    return Term(found["front"], found["meaning"], separated=True)


_WORD_READING_MEANING = regex(
    r"(?P<front>(?P<word>[^\s\u3010\u3011\[\]]{1,20})[ \t]*"
    r"(?:\u3010[\u3040-\u30ff]+\u3011|\[[\u3040-\u30ff]+\]))"
    r"[ \t]+(?P<meaning>[^\W\d_][^\n]*)"
)
"""A word (a few letters: a dictionary's headword), its reading in kana in ``【】`` or ``[]``, then words:
the meaning."""
_JAPANESE_LETTER = regex(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _is_label_paragraph(node: Node) -> bool:
    """``**Benefits:** …`` or ``Use cases: …`` as a paragraph of its own."""
    inline = node.children[0]
    term = split_term(inline)
    if term is not None:
        return term.is_label and term.separated
    head, colon, _ = inline.content.partition(":")
    return bool(colon) and "\n" not in head and is_label(head)


def _join(blocks: list[str]) -> str:
    """Label items stay one tight list; label paragraphs stay paragraphs."""
    text = blocks[0]
    for previous, block in itertools.pairwise(blocks):
        text += ("\n" if _LIST_ITEM.match(previous) and _LIST_ITEM.match(block) else "\n\n") + block
    return text
