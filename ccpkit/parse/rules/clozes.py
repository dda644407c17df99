"""Clozes: a paragraph or list item holding ``{{c1::answer}}`` markers (or highlights ``==answer==``).

What holds a cloze is one item, never also a card: a term bullet ``**S3:** {{c1::object}} storage``
is a cloze with its term in the sentence. A list item's text is its first paragraph, and its nested
bullets are the cloze's extra (shown on the back) unless one of them holds a cloze too: then the whole
item is the text. Under a plain bullet that holds none, each nested item is looked at on its own.
Unclosed and empty markers are errors at their line, wherever they are written.
"""

from __future__ import annotations

import bisect
import textwrap
from collections.abc import Iterator

from ccpkit import cloze_syntax
from ccpkit.errors import Problem
from ccpkit.model import Item, SourceLocation
from ccpkit.parse.context import Context, pinned_id
from ccpkit.parse.document import LISTS, heading_text, item_text
from ccpkit.parse.rules.answers import CALLOUT
from ccpkit.parse.rules.cards import announced_by, lead_in_above
from ccpkit.parse.rules.flashcards import REMINDER, pairs_a_question, tagged_as_card, untagged
from ccpkit.parse.rules.terms import aside_line, is_label, split_term
from ccpkit.parse.tree import Node
from ccpkit.regex import regex


def extract_clozes(ctx: Context) -> Iterator[Item | Problem]:
    """Every cloze of the file in notes order (a rule of its own: it runs before cards and flashcards,
    so what it takes is not read again). A list's clozes open with the line above it that announces
    the list or asks what its items answer (``Which services run without servers?``)."""
    if not any(_may_hide(ctx, line) for line in ctx.doc.lines):
        return  # a marker is written on one line: a file with none holds no cloze, nor a broken one
    blocks = ctx.doc.blocks
    for index, block in enumerate(blocks):
        lists = index > 0 and block.node.type in LISTS
        lead_in = lead_in_above(ctx, blocks[index - 1].node, asking=True) if lists else ""
        yield from _within(ctx, block.node, block.section, lead_in)


def _may_hide(ctx: Context, line: str) -> bool:
    """Whether a line may open or hold a cloze: a marker, or hashcards' ``C:`` tag (in a bullet or a
    quote too: ``- C: …``, ``> C: …``)."""
    if cloze_syntax.may_hide(line, highlights=ctx.highlight_clozes):
        return True
    return "C:" in line and TAGGED_LINE.match(line) is not None


TAGGED_LINE = regex(r"(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?C:")
"""A line opening with hashcards' cloze tag, maybe in a bullet or a quote (``- C: …``, ``> C: …``)."""


def _tagged_cloze(text: str) -> str:
    """A paragraph hashcards' way (``C: [Rotterdam] is the busiest port in Europe.``, the tag then the
    sentence, its square brackets the hidden words) as Anki's cloze, each bracket a card of its own;
    "" for any other paragraph, or one hiding nothing (a link's or a footnote's brackets stay text)."""
    tagged = CLOZE_TAG.match(text)
    sentence = tagged["text"] if tagged else ""
    hidden = iter(range(1, sentence.count("[") + 1))
    marked = _BRACKETED.sub(lambda found: f"{{{{c{next(hidden)}::{found['hidden']}}}}}", sentence)
    return marked if marked != sentence else ""


CLOZE_TAG = regex(r"C:\s*(?P<text>\S[\s\S]*)")
"""hashcards' cloze tag opening a paragraph, the sentence after it (on its line or the next)."""
_BRACKETED = regex(r"(?<![!\]])\[(?P<hidden>[^\[\]\n^!][^\[\]\n]*)\](?![(\[:])")
"""Words in square brackets that are no link (``[text](url)``, ``[text][ref]``, ``[ref]: url``), picture
or footnote (``[^1]``): hashcards' hidden words."""


def _states_and_hides(heading: str) -> bool:
    """Whether a heading hides words in Anki's braces and shows others: one hiding all of itself
    (``## {{c1::Osmosis}}``) names what the notes under it say, no sentence to complete."""
    hidden = cloze_syntax.hidden_parts(heading, highlights=False)
    shown = cloze_syntax.revealed(heading)
    for part in hidden:
        shown = shown.replace(part.answer, " ", 1)
    return bool(hidden) and any(character.isalnum() for character in shown)


def check_clozes(ctx: Context) -> Iterator[Problem]:
    """Unclosed ``{{c1::`` and empty clozes anywhere in the file's text, at their line."""
    for node in ctx.doc.nodes:
        mistakes = cloze_syntax.mistakes(node.content) if node.type == "inline" else ()
        breaks = [at for at, character in enumerate(node.content) if character == "\n"] if mistakes else []
        for mistake in mistakes:  # the lines above each found once: counted for each, in their square
            yield _at(ctx, node, bisect.bisect_left(breaks, mistake.start), mistake.message)


def _within(
    ctx: Context, node: Node, section: tuple[str, ...], lead_in: str = ""
) -> Iterator[Item | Problem]:
    if ctx.is_claimed(node):
        return
    if node.type == "paragraph" and cloze_syntax.mistakes(_first_text(node)):
        ctx.claim(node)  # a broken cloze is not a card either; ``check_clozes`` says what to fix
    elif node.type == "paragraph" and (tagged := _tagged_cloze(_first_text(node))):
        ctx.claim(node)  # `C: [Rotterdam] is …`: hashcards' cloze, its brackets hidden
        yield _cloze(ctx, node, section, tagged, "", pinned_id(node))
    elif node.type == "paragraph" and _first_text(node).startswith("#separator:"):
        return  # an Anki export's lines: its note type column says which are clozes (the cards rule's)
    elif node.type == "paragraph" and _holds(ctx, _stressed(ctx, _marked(ctx, _first_text(node)))):
        ctx.claim(node)
        text, extra = _asides_apart(ctx, _stressed(ctx, _marked(ctx, _first_text(node))))
        yield _cloze(ctx, node, section, text, extra, pinned_id(node))
    elif node.type == "heading" and _states_and_hides(heading_text(node)):
        ctx.claim(node)  # `## The {{c1::cell membrane}} controls …`: a fact stated as a heading hides it
        yield _cloze(ctx, node, section[:-1], heading_text(node), "", pinned_id(node))
    elif node.type in LISTS and lead_in.rstrip().endswith(("?", ":")) and _all_highlighted(ctx, node):
        ctx.claim(node, *node.children, *(child for item in node.children for child in item.children))
        text = _marked(ctx, textwrap.dedent(ctx.doc.source(node)))
        yield _cloze(ctx, node, section, text, "", pinned_id(node), lead_in)
    elif node.type in LISTS:
        for index, item in enumerate(node.children):
            yield from _list_item(ctx, item, section, pinned_id(node) if index == 0 else "", lead_in)
    elif node.type == "blockquote":
        for child in node.children:
            yield from _within(ctx, child, section)


def _list_item(
    ctx: Context, item: Node, section: tuple[str, ...], pinned: str, lead_in: str
) -> Iterator[Item | Problem]:
    if ctx.is_claimed(item) or not item.children:
        return
    first = item.children[0]
    head = _stressed(ctx, _marked(ctx, _first_text(first))) if first.type == "paragraph" else ""
    nested = [_marked(ctx, ctx.doc.source(child)) for child in item.children[1:]]
    below = any(_holds(ctx, text) for text in nested)
    term_over_clozes = below and first.type == "paragraph" and split_term(first.children[0]) is not None
    if cloze_syntax.mistakes(head):
        ctx.claim(item, *item.children)
        return
    if tagged := _tagged_cloze(head):  # `- C: [Canberra] is …`: hashcards' cloze in a bullet
        ctx.claim(item, *item.children)
        yield _cloze(ctx, item, section, tagged, "\n\n".join(nested), pinned, lead_in)
        return
    if _holds(ctx, head, led=bool(lead_in)) or term_over_clozes:
        ctx.claim(item, *item.children)
        if below:
            text, extra = _marked(ctx, item_text(ctx.doc.source(item))), ""
        else:
            text, extra = head, "\n\n".join(nested)
        yield _cloze(ctx, item, section, text, extra, pinned, lead_in)
        return
    if first.type == "paragraph" and tagged_as_card(first) and not _hides_a_set(ctx, nested):
        return  # `- French Revolution #card` over `- Began in {{cloze 1789}}`: one card, its answer below
    if first.type == "paragraph" and tagged_as_card(first):
        ctx.claim(item, first)  # `- Cranial nerves #card` over a cloze each: not one card showing a set
        for child in item.children[1:]:
            yield from _within(ctx, child, section, _as_context(untagged(head)[0]))
        return
    own = announced_by(first, asking=True) if first.type == "paragraph" else ""
    for child in item.children[1:]:
        yield from _within(ctx, child, section, own or lead_in)


def _hides_a_set(ctx: Context, nested: list[str]) -> bool:
    """Whether the blocks under a bullet hide more than one thing between them (``- CN I is the
    {{cloze olfactory}} nerve``, ``- CN II …``): asked as one card's answer, a set to recall."""
    hidden = (cloze_syntax.hidden_parts(text, highlights=ctx.highlight_clozes) for text in nested)
    return sum(map(len, hidden)) > 1


def _as_context(words: str) -> str:
    """A bullet's words as the context opening each cloze under it: ``Cranial nerves:``."""
    words = words.strip()
    return words if not words or words.endswith((":", "?", ".")) else f"{words}:"


def _cloze(
    ctx: Context, node: Node, section: tuple[str, ...], text: str, extra: str, pinned: str, lead_in: str = ""
) -> Item | Problem:
    """A cloze of ``text`` (the tags ending it its note's), opened by its list's ``lead_in`` (its id is
    the text's alone)."""
    words, tags = untagged(text)
    numbered = cloze_syntax.numbered(words, highlights=ctx.highlight_clozes)
    fields = ctx.common("cloze", cloze_syntax.revealed(numbered), node, section, pinned).tagged(tags)
    between = "\n\n" if node.type in LISTS else " "  # a list starts on a line of its own
    shown = f"{lead_in}{between}{numbered}" if lead_in else numbered
    return ctx.build(node, lambda: fields.cloze(text=shown, extra=extra))


def _all_highlighted(ctx: Context, node: Node) -> bool:
    """Whether every item of a list is highlighted whole, and nothing more (``- ==Kidneys==``): under
    the line that asks (``Which organs are retroperitoneal?``) or announces them (``Products of the
    Calvin cycle:``), a cloze each would read alike and want different answers; the list is one cloze,
    each card hiding one item and showing the others."""
    items = node.children
    return (
        ctx.highlight_clozes
        and len(items) > 1
        and all(
            len(item.children) == 1
            and item.children[0].type == "paragraph"
            and _WHOLLY_HIGHLIGHTED.fullmatch(text := _first_text(item.children[0])) is not None
            and not cloze_syntax.has_cloze(text, highlights=False)
            for item in items
        )
    )


def _holds(ctx: Context, text: str, *, led: bool = False) -> bool:
    """Whether ``text`` hides something; a text with a broken marker is left to ``check_clozes``, a
    reminder that highlights a word (``Remember to read chapter 7 before ==Thursday==``) is a task, a
    label highlighted for emphasis (``==Important==: …``) or a line highlighted whole (but ``led`` by a
    line that asks what it answers) stresses the line, and
    a question and its answer that highlight it (``Q: …? A: ==ADH==``) a flashcard."""
    if not cloze_syntax.has_cloze(text, highlights=ctx.highlight_clozes) or cloze_syntax.mistakes(text):
        return False
    label = _HIGHLIGHTED_LABEL.match(text)
    wholly = not led and _WHOLLY_HIGHLIGHTED.fullmatch(text) is not None  # under a question, it answers
    emphasis = (label is not None and is_label(label["label"])) or wholly
    stressed = _REMINDER.match(text) or pairs_a_question(text) or emphasis
    return not stressed or cloze_syntax.has_cloze(text, highlights=False)  # `{{c1::…}}` hides


_REMINDER = regex(rf"(?i)\W*(?:{REMINDER})")
"""How a note to self opens; its highlight stresses a word, it hides nothing to recall."""
_WHOLLY_HIGHLIGHTED = regex(r"\s*==[^=\n]+==\W*")
"""A line highlighted from end to end (``==Always cite your sources.==``): stressed, as Obsidian users
stress a sentence; hidden whole, nothing would be left to recall it from."""
_HIGHLIGHTED_LABEL = regex(r"\W*==(?P<label>[^=\n]+?):?==\s*:?")
"""A label highlighted for emphasis (``==Important==: …``, ``==Note:== …``): it stresses the line, it
hides nothing to recall."""


def _marked(ctx: Context, text: str) -> str:
    """``text`` with RemNote's clozes (``{{Paris}}``) as Anki's, in a file of RemNote's cards or of
    Obsidian Spaced Repetition's (tagged ``#flashcards``, where curly braces are clozes too); elsewhere
    double braces are text (a template's ``{{ name }}``)."""
    return cloze_syntax.braces_numbered(text) if ctx.in_a_deck else text


def _stressed(ctx: Context, text: str) -> str:
    """``text`` with the highlights that stress rather than hide in bold: a line of several highlighted
    whole (``==Always check the map scale.==`` under a sentence hiding ``==hot==``), and a label
    highlighted (``==Important==:``) where Anki's own markers hide the rest; as cloze numbers they
    would hide a whole line, or a label, with nothing left to recall it from."""
    if not ctx.highlight_clozes or "==" not in text:
        return text
    lines = text.split("\n")
    hides = cloze_syntax.has_cloze(text, highlights=False)
    for index, line in enumerate(lines):
        label = _HIGHLIGHTED_LABEL.match(line) if hides else None
        whole = len(lines) > 1 and _WHOLLY_HIGHLIGHTED.fullmatch(line) is not None
        if (whole and not cloze_syntax.has_cloze(line, highlights=False)) or (
            label and is_label(label["label"])
        ):
            lines[index] = _HIGHLIGHT.sub(r"**\g<words>**", line, count=1)
    return "\n".join(lines)


_HIGHLIGHT = regex(r"==(?P<words>[^=\n]+)==")


def _asides_apart(ctx: Context, text: str) -> tuple[str, str]:
    """A cloze's text and its extra: the asides' lines that end its paragraph, hiding nothing (``Note:
    the sun is much larger …`` under the sentence), are notes on it, for the back, not words to read
    around the gap."""
    lines = text.split("\n")
    kept = len(lines)
    while kept > 1 and aside_line(lines[kept - 1]) and not _holds(ctx, lines[kept - 1]):
        kept -= 1
    return "\n".join(lines[:kept]), "\n".join(line.strip() for line in lines[kept:])


def _first_text(paragraph: Node) -> str:
    """A paragraph's text; in a callout's first, without its marker (``[!note]``) and the title on the
    marker's line when text follows below (``Key idea``: the box's label, nothing to recall)."""
    text = paragraph.children[0].content if paragraph.children else ""
    marker = CALLOUT.match(text)
    if marker is None:
        return text
    title, newline, body = text[marker.end() :].partition("\n")
    return body if newline and not cloze_syntax.has_cloze(title, highlights=True) else text[marker.end() :]


def _at(ctx: Context, node: Node, lines: int, message: str) -> Problem:
    """``message`` at the line ``lines`` below where ``node`` starts."""
    problem = ctx.problem(node, message)
    return Problem(SourceLocation(problem.location.path, problem.location.line + lines), message)
