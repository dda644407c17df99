"""Items → Anki notes: note type, field HTML, deck, tags and identity. Pure; shared by .apkg and Anki CSV.

One note per card, per question and per cloze (Anki makes a card per cloze number); a comparison
table gives notes of at most two facts each (see ``table_notes``), ids built from the table's id and
the row's key (its label, or its cells), so editing one row does not touch the others' history.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from html import escape
from itertools import chain
from typing import Any, NamedTuple, Protocol, TypeVar, assert_never

import genanki

from ccpkit.cloze_syntax import answers, in_order, renumbered, revealed
from ccpkit.digest import text_digest
from ccpkit.errors import Problem
from ccpkit.export import BREADCRUMB, ExportOptions, NoteIdentity, Settled
from ccpkit.export.anki.fronts import Front, alike_fronts, distinct_fronts, front_of, read_front
from ccpkit.export.anki.notetypes import CLOZE, COMPARISON, MULTIPLE_CHOICE, TERM, NoteType
from ccpkit.export.anki.sets import set_problems
from ccpkit.export.anki.table_notes import (
    alike_rows,
    earlier_row_ids,
    is_link_table,
    table_notes,
    table_problems,
)
from ccpkit.export.option_order import keeps_option_order
from ccpkit.item_ids import HTML_TAG, slug, twin_ids
from ccpkit.ledger import BRIEF_ANSWER_WORDS, Entry, Fingerprint
from ccpkit.markup import to_html, to_inline_html, to_text
from ccpkit.model import MCQ, Card, Cloze, ComparisonTable, Deck, Item, Module, SourceLocation
from ccpkit.regex import regex

GUID_SEED = "ccpkit"
"""Mixed into every GUID so ours never collide with another tool's ``guid_for(same text)``."""
UNRECORDED = 0
"""Modification time of a note the ledger does not know yet (only when exporting without a build)."""
_UNSETTLED = NoteIdentity("", UNRECORDED)
T = TypeVar("T")


@dataclass(frozen=True, slots=True, kw_only=True)
class AnkiNote:
    """One Anki note, ready to write: every field is safe HTML."""

    id: str
    """Note id: the item id, or ``<table id>/<row key>`` for a table row. Also the ``Id`` field."""
    note_type: NoteType
    fields: tuple[str, ...]
    """Field HTML, in ``note_type.fields`` order."""
    deck: str
    """Full deck name, ``<course>::NN Module title``."""
    tags: tuple[str, ...]
    key: tuple[str, ...]
    """Plain texts that name the note (term; table and row label; stem, options and correct answers):
    what rename detection compares, each on its own."""
    module: str
    """The module's slug."""
    table: str
    """For a table row, the table's id; empty otherwise."""
    source: SourceLocation
    guid: str
    modified: int
    """Epoch seconds when the note's content last changed (from the ledger)."""
    answer: tuple[str, ...] = ()
    """What the student recalls when no field holds it alone (a cloze's hidden parts): compared with
    the answer fields by rename detection, so a reworded cloze sentence keeps its history."""
    rows: str = ""
    """A long table's row note: what the ledger reads instead of its ``Whole table`` field
    (``TableNote.rows``), so that rows moved in the notes re-send no note."""
    row: str = ""
    """A table row's note: the digest of its row's cells (``TableNote.row``)."""

    def field(self, name: str) -> str:
        """A field's HTML by name."""
        return self.fields[self.note_type.fields.index(name)]


def default_guid(note_id: str, attempt: int = 0, *, scope: str = "") -> str:
    """The GUID a note gets when first seen: from its id (in its course's ``scope``, when its ledger
    has one), never from its content."""
    made_in = (scope,) if scope else ()
    return str(genanki.guid_for(GUID_SEED, *made_in, note_id, *((attempt,) if attempt else ())))


RenderedNote = tuple[str, NoteType, tuple[str, ...], tuple[str, ...], str, tuple[str, ...], str, str]
"""Note id, note type, every field (context and ``Id`` included), name texts (``AnkiNote.key``),
table id, ``AnkiNote.answer``, ``AnkiNote.rows`` and ``AnkiNote.row``."""

Statement = tuple[str, tuple[Any, ...]]
"""An SQL statement genanki ran, with its values."""
Recorded = tuple[tuple[str, ...], tuple[str, ...], str, Statement, tuple[Statement, ...]]
"""What genanki writes for one note (``apkg.recorded_notes``): the fields, tags and note type key it
was written from, the INSERT of its row into ``notes`` and those of its cards into ``cards``."""


@dataclass(frozen=True, slots=True)
class AnkiPart:
    """A module's Anki share: each item's notes with their field HTML, and what the ledger compares of
    each note. The same for every build of an unchanged module (the build keeps it in its store), so
    a one-card edit renders and fingerprints one module, not the course."""

    items: tuple[tuple[RenderedNote, ...], ...]
    """Each item's notes; none for a table of links the options leave out."""
    tags: tuple[tuple[str, ...], ...]
    """Each item's tags (``tags_for``)."""
    reads: tuple[str, ...]
    """For each item, how a card's front reads (``fronts.read_front``); empty for the others."""
    fingerprints: tuple[Fingerprint, ...]
    """Each note's fingerprint in notes order, its term front as written, without its twins."""
    twins: tuple[tuple[str, ...], ...]
    """Each note's twins (``Fingerprint.twins``) in notes order, without its id and the hyphen after it:
    the places that tell it apart, one object for the notes of a section (``Draft.fingerprints_for``
    makes the ids where they are read, a few notes of most builds: 15 MB less at 50,000 notes)."""
    problems: tuple[Problem, ...] = ()
    """The module's cards a student could not answer from their front alone (``module_problems``)."""
    written: tuple[Recorded, ...] = ()
    """What genanki writes for each note in notes order (``apkg.recorded_notes``), when the .apkg is
    built from this part."""

    def notes(self) -> Iterator[tuple[RenderedNote, tuple[str, ...]]]:
        """Each note in notes order, with its tags."""
        for rendered, tags in zip(self.items, self.tags, strict=True):
            for note in rendered:
                yield note, tags


class Identity(Protocol):
    """What a note's identity is read from: a ``NoteIdentity``, or the ledger's entry itself (a build
    makes its notes from the settled ledger without a copy of every entry)."""

    @property
    def guid(self) -> str: ...
    @property
    def modified(self) -> int: ...
    @property
    def clozes(self) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class Draft:
    """The course's notes before identities: the parts, the term fronts qualified because another
    reads the same (``fronts.distinct_fronts``), and every note's fingerprint, which the ledger is
    settled from. ``notes`` makes the notes once the identities are known."""

    deck: Deck
    parts: tuple[AnkiPart, ...]
    root_deck: str
    terms: Mapping[int, str]
    """Index of a note in notes order → its Term field, where its front was qualified."""
    fingerprints: tuple[Fingerprint, ...]
    """Without their twins (``fingerprints_for``)."""

    def fingerprints_for(self, recorded: Mapping[str, Entry]) -> tuple[Fingerprint, ...]:
        """Every note's fingerprint, with its twins where ``recorded`` (the ledger's entries) does not
        hold the note with its answer: only there does ``reconcile`` read them."""
        places = chain.from_iterable(part.twins for part in self.parts)
        return tuple(map(partial(_with_twins, recorded), self.fingerprints, places))

    def notes(self, identities: Mapping[str, Identity] | None) -> tuple[AnkiNote, ...]:
        """Every note in notes order, with its identity (a default GUID for a note not known);
        ``None``: none yet (an empty GUID), as fingerprints need none."""
        return self._notes(identities, None)

    def notes_of(self, identities: Mapping[str, Identity], modules: Collection[str]) -> tuple[AnkiNote, ...]:
        """The notes of ``modules`` (slugs), made with the whole course: a term front that reads like one
        in a module left out is qualified as the whole course sends it (and its ledger records it)."""
        return self._notes(identities, modules)

    def _notes(
        self, identities: Mapping[str, Identity] | None, modules: Collection[str] | None
    ) -> tuple[AnkiNote, ...]:
        """The notes of ``modules`` (``None``: of all), made only for those modules."""
        notes: list[AnkiNote] = []
        index = 0  # of the note in the whole course's notes order, where ``terms`` places it
        for module, part in zip(self.deck.modules, self.parts, strict=True):
            if modules is not None and module.slug not in modules:  # its notes only counted
                index += sum(map(len, part.items))
                continue
            deck_name = deck_name_for(self.root_deck or self.deck.title, module)
            for item, rendered, tags in zip(module.items, part.items, part.tags, strict=True):
                for note in rendered:
                    note_id = note[0]
                    identity = (
                        _UNSETTLED
                        if identities is None
                        else identities.get(note_id) or NoteIdentity(default_guid(note_id), UNRECORDED)
                    )
                    term = self.terms.get(index)
                    notes.append(_anki_note(note, tags, module, item, deck_name, identity, term))
                    index += 1
        return tuple(notes)

    def hidden(self) -> dict[str, tuple[str, ...]]:
        """Each cloze note's hidden parts (``c1: x``), by note id."""
        return {
            note_id: answer
            for part in self.parts
            for rendered in part.items
            for note_id, note_type, _, _, _, answer, _, _ in rendered
            if note_type.cloze  # a part made on a helper or kept in the store holds a copy of CLOZE
        }


def _with_twins(recorded: Mapping[str, Entry], note: Fingerprint, places: tuple[str, ...]) -> Fingerprint:
    """The note's fingerprint with its twins (its id and each of ``places``), unless ``recorded`` holds
    it with its answer: ``reconcile`` looks for twins only among the notes that lost their entry."""
    if not places or ((entry := recorded.get(note.id)) is not None and entry.answer == note.answer):
        return note
    return note._replace(twins=tuple(f"{note.id}-{place}" for place in places))


def _anki_note(
    note: RenderedNote,
    tags: tuple[str, ...],
    module: Module,
    item: Item,
    deck_name: str,
    identity: Identity,
    term: str | None,
) -> AnkiNote:
    """A rendered note with its place, identity and Term field (``None``: its front as rendered)."""
    note_id, note_type, fields, key, table, answer, rows, row = note
    if identity.clozes:  # each hidden part under the number that holds its history
        fields = (renumbered(fields[0], answer, identity.clozes), *fields[1:])
    return AnkiNote(
        id=note_id,
        note_type=note_type,
        fields=fields if term is None else (term, *fields[1:]),
        deck=deck_name,
        tags=tags,
        key=key,
        module=module.slug,
        table=table,
        source=item.source,
        guid=identity.guid,
        modified=identity.modified,
        answer=answer,
        rows=rows,
        row=row,
    )


def render_module(module: Module, title: str, *, root_deck: str = "", link_tables: bool = False) -> AnkiPart:
    """The module's notes: most of an Anki export's work. ``title`` is the course's, ``root_deck``
    the parent deck (default: the title); tables of links are left out unless ``link_tables``."""
    items = module.items
    alike: dict[object, Any] = {}  # equal contexts and tags of a module's items: one object each
    files = {picture.name: picture.file_name for picture in module.pictures if picture.file_name}
    rendered = tuple(_item_notes(module, item, alike, files, link_tables=link_tables) for item in items)
    tags = tuple(_shared(alike, tags_for(item)) for item in items)
    reads = tuple(read_front(item) if isinstance(item, Card) else "" for item in items)
    part = AnkiPart(rendered, tags, reads, (), ())
    draft = Draft(Deck(title=title, modules=(module,)), (part,), root_deck, {}, ())
    earlier_deck = deck_name_for(title, module)
    twins = {item.id: _twin_places(item, alike) for item in items}
    earlier = {
        note_id: ids
        for item in items
        if isinstance(item, ComparisonTable)
        for note_id, ids in earlier_row_ids(item, files).items()
    }
    notes = draft.notes(None)
    fingerprints = tuple(
        fingerprint(note, earlier_deck=earlier_deck)._replace(earlier_ids=earlier.get(note.id, ()))
        for note in notes
    )
    twins_in_order = tuple(twins.get(note.id, ()) for note in notes)
    return replace(part, fingerprints=fingerprints, twins=twins_in_order, problems=module_problems(module))


def _twin_places(item: Item, alike: dict[object, Any]) -> tuple[str, ...]:
    """The item's ``twin_ids`` without its id and the hyphen after it (``AnkiPart.twins``)."""
    start = len(item.id) + 1
    return _shared(alike, tuple(_shared(alike, twin[start:]) for twin in twin_ids(item)))


def _item_notes(
    module: Module, item: Item, alike: dict[object, Any], files: Mapping[str, str], *, link_tables: bool
) -> tuple[RenderedNote, ...]:
    """An item's notes with their context and ``Id`` fields; none for a table of links left out.
    ``files``: the module's pictures' file names, which name a table's rows they label."""
    if not link_tables and isinstance(item, ComparisonTable) and is_link_table(item):
        return ()
    context = _shared(alike, _context(module, item))
    return tuple(
        (
            note_id,
            note_type,
            (*map(_one_field, fields), context, escape(note_id)),
            key,
            table,
            answer,
            rows,
            row,
        )
        for note_id, note_type, fields, key, table, answer, rows, row in _render(item, files)
    )


def _one_field(html: str) -> str:
    """A field without U+001F, which Anki parts a note's fields with: one left in the notes (the check
    warns of it) would split the field, and Anki would refuse the whole package."""
    return html.replace(FIELD_SEPARATOR, "") if FIELD_SEPARATOR in html else html


FIELD_SEPARATOR = "\x1f"


def _shared(alike: dict[object, Any], value: T) -> T:
    """``value``, or the equal value met before: one object for all of them in a part."""
    kept: T = alike.setdefault(value, value)
    return kept


def course_notes(deck: Deck, options: ExportOptions) -> tuple[AnkiNote, ...]:
    """The notes the .apkg, the Anki CSV files and ``ccpkit sync`` all send: one call, so none of them
    can differ from the others in identities (``options.identities``), parent deck or which tables
    count as cards."""
    return course_draft(deck, options).notes(options.identities or {})


def course_draft(deck: Deck, options: ExportOptions, parts: Sequence[AnkiPart] | None = None) -> Draft:
    """The course's notes before identities, with their fingerprints, from the modules' parts (made
    here when not given): per module kept work, then the one step that reads the whole course."""
    made = parts if parts is not None else [module_part(m, deck.title, options) for m in deck.modules]
    return _drafted(deck, made, options.deck_name)


def anki_notes(
    deck: Deck,
    identities: Mapping[str, NoteIdentity] | None = None,
    *,
    root_deck: str = "",
    link_tables: bool = False,
) -> tuple[AnkiNote, ...]:
    """Every note of the deck in notes order; identities (note id → GUID, mtime) come from the ledger.

    ``root_deck`` names the parent deck of the module subdecks (default: the course title). Tables of
    links leave the deck unless ``link_tables`` (``[anki] link_tables`` in ``ccpkit.toml``) asks for
    them.
    """
    made = [
        render_module(module, deck.title, root_deck=root_deck, link_tables=link_tables)
        for module in deck.modules
    ]
    return _drafted(deck, made, root_deck).notes(identities or {})


def module_part(module: Module, title: str, options: ExportOptions) -> AnkiPart:
    """The module's notes rendered with the build's options (parent deck, tables of links)."""
    return render_module(module, title, root_deck=options.deck_name, link_tables=options.anki_link_tables)


class _TermCard(NamedTuple):
    """A term card of the course, as ``_drafted`` qualifies its front."""

    position: int
    """Of its one note in notes order."""
    module: Module
    card: Card
    reads: str
    """How its front reads (``fronts.read_front``)."""
    note: RenderedNote
    tags: tuple[str, ...]


def _drafted(deck: Deck, parts: Sequence[AnkiPart], root_deck: str) -> Draft:
    """The parts joined in notes order, each term front that reads like another with another answer
    qualified (``fronts.distinct_fronts``), and those notes fingerprinted again."""
    fingerprints = [print_ for part in parts for print_ in part.fingerprints]
    cards: list[_TermCard] = []
    count = 0
    for module, part in zip(deck.modules, parts, strict=True):
        for item, rendered, reads, tags in zip(module.items, part.items, part.reads, part.tags, strict=True):
            if isinstance(item, Card) and rendered:
                cards.append(_TermCard(count, module, item, reads, rendered[0], tags))
            count += len(rendered)
    # ``distinct_fronts`` qualifies a front only where two read alike: with none so, it need not run.
    read_alike = len({card.reads for card in cards}) < len(cards)
    modules = {module.slug: module for module in deck.modules}
    terms: dict[int, str] = {}
    for card, term in _qualified(cards) if read_alike else []:
        deck_name = deck_name_for(root_deck or deck.title, card.module)
        note = _anki_note(card.note, card.tags, card.module, card.card, deck_name, _UNSETTLED, term)
        earlier_deck = deck_name_for(deck.title, modules[note.module])
        fingerprints[card.position] = fingerprint(note, earlier_deck=earlier_deck)
        terms[card.position] = term
    return Draft(deck, tuple(parts), root_deck, terms, tuple(fingerprints))


def _qualified(cards: Sequence[_TermCard]) -> list[tuple[_TermCard, str]]:
    """The term cards whose front ``distinct_fronts`` qualifies, each with its Term field so."""
    fronts = [Front(card.module, card.card, card.reads) for card in cards]
    return [
        (card, term_field(card.card, shown))
        for card, shown in zip(cards, distinct_fronts(fronts), strict=True)
        if shown != card.card.front
    ]


def card_problems(deck: Deck, parts: Sequence[AnkiPart] | None = None) -> tuple[Problem, ...]:
    """Warnings about cards a student could not answer from their front (``ccpkit check``, and a build
    of the .apkg): term fronts and table rows that read the same with different answers, sets to
    recall, tables without a label column. ``parts``, the deck's Anki parts when made, tell at once
    whether any two fronts read alike (most decks: none, and the fronts are not looked at again), and
    hold each module's own problems, so a rebuild checks only the modules that changed."""
    reads = [read for part in parts for read in part.reads if read] if parts is not None else None
    alike: tuple[Problem, ...] = ()
    if reads is None or len(set(reads)) < len(reads):
        fronts = [
            front_of(module, item)
            for module in deck.modules
            for item in module.items
            if isinstance(item, Card)
        ]
        alike = alike_fronts(fronts, distinct_fronts(fronts))
    modules = (part.problems for part in parts) if parts is not None else map(module_problems, deck.modules)
    return (*alike, *chain.from_iterable(modules))


def module_problems(module: Module) -> tuple[Problem, ...]:
    """The module's cards that ask for a set to recall, and its tables' rows no card could tell apart."""
    cards = [item for item in module.items if isinstance(item, Card)]
    tables = [item for item in module.items if isinstance(item, ComparisonTable)]
    checks = (table_problems, alike_rows)
    return (
        *set_problems(cards),
        *(problem for table in tables for check in checks for problem in check(table)),
    )


def deck_name_for(root: str, module: Module) -> str:
    """``<root>::NN Module title``. The root's ``::`` nest it, as in Anki (``Certs::AWS CCP``: the course
    under ``Certs``; empty levels dropped); one inside a module's title would make another level, so it
    is cut."""
    levels = [level.strip() for level in root.split("::")]
    return "::".join([*filter(None, levels), f"{module.number:02d} {_one_level(module.title)}"])


def _one_level(name: str) -> str:
    """A deck name part with every run of colons cut to one, so ``a::::b`` cannot open new levels."""
    return re.sub(":{2,}", ":", name)


def tags_for(item: Item) -> tuple[str, ...]:
    """Hierarchical tags for module, kind and part, then the item's own tags that add something, nested
    as Anki nests them (Obsidian's ``aws/compute`` is ``aws::compute``)."""
    tags = [f"module::{item.module}", f"kind::{item.kind}"]
    if item.part:
        tags.append(f"part::{slug(item.part)}")
    said = {tag.rsplit("::", 1)[-1] for tag in tags}
    return (*tags, *(tag.replace("/", "::") for tag in item.tags if tag not in said))


def _render(item: Item, files: Mapping[str, str]) -> tuple[RenderedNote, ...]:
    match item:
        case Card():
            fields = (term_field(item, item.front), to_html(item.back))
            return ((item.id, TERM, fields, (to_text(item.front),), "", (), "", ""),)
        case MCQ():
            return ((item.id, MULTIPLE_CHOICE, _mcq_fields(item), _question_texts(item), "", (), "", ""),)
        case ComparisonTable():
            return tuple(
                (note.id, COMPARISON, note.fields, (note.name,), item.id, (), note.rows, note.row)
                for note in table_notes(item, files)
            )
        case Cloze():
            fields = (_as_anki_reads(to_html(item.text)), to_html(item.extra) if item.extra.strip() else "")
            name = (to_text(revealed(item.text)),)
            return ((item.id, CLOZE, fields, name, "", answers(item.text), "", ""),)
        case _:
            assert_never(item)


def term_field(card: Card, front: str) -> str:
    """The Term field: the card's lead-in (``Choose scaling up when:``) on a line above its front.
    It is part of the question, so it sits in a study field: a note whose list gained one is re-sent.
    A front of several lines may hold blocks (the code a question asks about), rendered as such."""
    shown = to_html(front) if "\n" in front else to_inline_html(front)
    if not card.lead_in:
        return shown
    return f'<span class="lead-in">{to_inline_html(card.lead_in)}</span> {shown}'


def _context(module: Module, item: Item) -> str:
    """Module, part and sections, in small print above the prompt; a table heading is not repeated."""
    title = item.title if isinstance(item, ComparisonTable) else ""
    parts = [escape(f"{module.number:02d} {module.title}")]
    parts += [to_inline_html(text) for text in (item.part, *item.section) if text.strip() and text != title]
    return BREADCRUMB.join(parts)


def _question_texts(mcq: MCQ) -> tuple[str, str, str]:
    """Stem, options and correct answers as text: a question is the same one only if all three are alike.

    The stem alone would make "… subnet public?" and "… subnet private?" one question."""
    options = "\n".join(f"{option.label}) {to_text(option.text)}" for option in mcq.options)
    correct = "\n".join(to_text(option.text) for option in mcq.options if option.correct)
    return to_text(mcq.stem), options, correct


def _mcq_fields(mcq: MCQ) -> tuple[str, ...]:
    options = "".join(
        f'<li class="option" data-label="{escape(option.label)}">'
        f'<span class="label">{escape(option.label)}</span> '
        f'<span class="text">{to_inline_html(option.text)}</span></li>'
        for option in mcq.options
    )
    correct = "".join(
        f'<li><span class="label">{escape(option.label)}</span> {to_inline_html(option.text)}</li>'
        for option in mcq.options
        if option.correct
    )
    choose = f"Choose {len(mcq.answers)}" if len(mcq.answers) > 1 else ""
    # The card shuffles options unless told not to; only such questions carry the attribute, so the
    # field of every other question stays as it was (no update, no conflict with edits made in Anki).
    fixed = " data-fixed-order" if keeps_option_order(mcq) else ""
    return (
        to_html(mcq.stem),
        f'<ol class="options"{fixed}>{options}</ol>',
        choose,
        escape(" ".join(mcq.answers)),
        f'<ul class="correct">{correct}</ul>',
        to_html(mcq.explanation) if mcq.explanation.strip() else "",
    )


def fingerprint(note: AnkiNote, *, earlier_deck: str = "") -> Fingerprint:
    """What the ledger compares between builds: the note's name, answer, study text and the rest.

    ``earlier_deck`` is the deck earlier ccpkit versions hashed (always under the course title).
    """
    note_type = note.note_type
    texts = [note.field(name) for name in note_type.study_fields]
    study, *earlier = study_digests(note_type, texts, note.rows)
    rest = [name for name in note_type.fields if name not in note_type.study_fields]
    answer = [*(note.field(name) for name in note_type.answer_fields), *_unnumbered(note.answer)]
    return Fingerprint(
        id=note.id,
        note_type=note_type.name,
        key=note.key,
        answer=text_digest(answer),
        brief=_brief(note_type, answer),
        study=study,
        earlier_study=tuple(dict.fromkeys(digest for digest in earlier if digest != study)),
        meta=text_digest([*(note.field(name) for name in rest), " ".join(note.tags)]),
        deck=note.deck,
        legacy=text_digest(
            [note.note_type.name, earlier_deck or note.deck, " ".join(note.tags), *note.fields]
        ),
        module=note.module,
        table=note.table,
        row=note.row,
        hidden=tuple(_unnumbered(note.answer)) if note_type.cloze else (),
    )


def _brief(note_type: NoteType, answer: Sequence[str]) -> bool:
    """Whether many facts may share this answer (``Fingerprint.brief``): one of a few words (``True``,
    ``15 minutes``), or a table row's of marks alone (``| No | Yes |``), where a row's own values (``|
    1 | Blue |``) name it as a longer answer does."""
    if note_type is COMPARISON:
        cells = _CELL.findall(" ".join(answer))
        return all(
            " ".join(HTML_TAG.sub(" ", cell).split()).casefold().strip(".!") in _MARKS for cell in cells
        )
    return len(_ANSWER_WORD.findall(HTML_TAG.sub(" ", " ".join(answer)))) <= BRIEF_ANSWER_WORDS


_ANSWER_WORD = regex(r"(?<!\S)(?:\w\S+|\d)")
"""A word of an answer: an option's letter (``A``, ``B``), a label more than a word, is none."""
_CELL = regex(r"<dd\b[^>]*>(.*?)</dd>", re.DOTALL)
"""A table row's value in its answer, under its column's name."""
_MARKS = frozenset(
    {"yes", "no", "true", "false", "y", "n", "x", "", "-", "\u2014", "\u2013", "n/a", "none"}
    | {"\u2713", "\u2714", "\u2714\ufe0f", "\u2705", "\u2717", "\u2718", "\u274c"}
)
"""Cells that mark, as a matrix of yes and no: the same in many rows."""


def study_digests(note_type: NoteType, texts: Sequence[str], rows: str = "") -> tuple[str, ...]:
    """The digest of a note's study fields (``texts``, in ``study_fields`` order) as the ledger records
    them sent: as they read (``reads_alike``: a line re-wrapped in the notes shows the same card), a
    table's rows in any order (``rows``: already sorted); then the digests earlier ccpkit versions
    recorded (options in their order; white space as written; rows in their order too), which name the
    same text: a ledger of theirs finds its notes unchanged. Sync compares
    Anki's copy with them, to tell a copy an import brought from one the student edited. A question
    whose card shuffles its options reads the same whatever their order (``_options_in_any_order``), a
    cloze whatever its numbers, which each part keeps as sent (``cloze_syntax.in_order``)."""
    unordered = [
        (rows or _rows_in_any_order(text)) if name in note_type.unordered_fields else text
        for name, text in zip(note_type.study_fields, texts, strict=True)
    ]
    read = list(map(reads_alike, unordered))
    alike = [in_order(text) for text in read] if note_type.cloze else _options_in_any_order(note_type, read)
    # as read; then options in their order, white space as written, rows in their order
    return _digests(note_type.name, (alike, read, unordered, texts))


def _digests(name: str, versions: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """The ``text_digest`` of each version of a note's texts after its note type's ``name``, each
    distinct version digested once: most notes read as written, so their versions hold the same texts."""
    keys = [tuple(version) for version in versions]
    digests = {key: text_digest([name, *key]) for key in dict.fromkeys(keys)}
    return tuple(digests[key] for key in keys)


SHUFFLED = ("Options", "Answers", "Correct")
"""A question's fields that reordering its options changes (its card shuffles them anyway)."""


def _options_in_any_order(note_type: NoteType, texts: list[str]) -> list[str]:
    """A question's study fields without the letters its options and answers bear, its options and
    correct ones sorted, where its card shuffles the options on every review (``data-fixed-order``
    absent): options swapped or re-lettered in the notes ask the same question."""
    if note_type is not MULTIPLE_CHOICE:
        return texts
    fields = dict(zip(note_type.study_fields, texts, strict=True))
    if "data-fixed-order" in fields["Options"]:
        return texts
    for name in ("Options", "Correct"):
        fields[name] = "".join(sorted(_LABEL.sub("", item) for item in _LIST_ITEM.findall(fields[name])))
    fields["Answers"] = ""  # the letters: the correct options' texts say it
    return [fields[name] for name in note_type.study_fields]


_LIST_ITEM = regex(r"<li\b.*?</li>", re.DOTALL)
_LABEL = regex(r'\sdata-label="[^"]*"|<span class="label">[^<]*</span>\s*')


def reads_alike(html: str) -> str:
    """A field's HTML as it reads: each run of white space outside ``<pre>`` one space, none at the ends
    (a line re-wrapped in the notes, or two spaces for one, shows the same card)."""
    if not _WHITE_RUN.search(html):
        return html
    parts = _PRE.split(html)
    return "".join(
        part if index % 2 else _WHITE_RUN.sub(" ", part) for index, part in enumerate(parts)
    ).strip()


_WHITE_RUN = regex(r"\s{2,}|[^\S ]")
"""Two white space characters or more, or one that is not a space (a line break, a tab)."""
_PRE = regex(r"(<pre\b.*?</pre>)", re.DOTALL | re.IGNORECASE)


def _unnumbered(hidden: tuple[str, ...]) -> list[str]:
    """A cloze's hidden parts (``c1: x``) in any order, without their numbers: parts that trade places
    in a reworded sentence are the same answer (its history follows), whatever numbers they hold."""
    return sorted(part.partition(": ")[2] for part in hidden)


def same_rows(table: str, other: str) -> bool:
    """Whether two tables' HTML hold the same rows, in whatever order (a table whose rows the notes
    only reordered reads the same on a card: the order is no edit to send, nor one to keep)."""
    return _rows_in_any_order(table) == _rows_in_any_order(other)


def _rows_in_any_order(table: str) -> str:
    """A table's HTML rows sorted: the same whichever order the notes list them in."""
    return "".join(sorted(_TABLE_ROW.findall(table)))


_TABLE_ROW = regex(r"<tr\b.*?</tr>", re.DOTALL)


def _as_anki_reads(html: str) -> str:
    r"""A cloze note's text as Anki's cloze reader must take it: code shows ``{{``, ``}}`` and ``::`` as
    characters (``&#123;`` …), so code in a cloze is hidden whole (``{{c1::`std::vector`}}``) and
    cloze syntax shown as code stays text; so does a formula's ``::`` (``\(f :: A \to B\)``)."""
    if "::" not in html and "{{" not in html and "}}" not in html:
        return html
    html = _CODE.sub(lambda code: code[1] + _shown_as_characters(code[2]) + code[3], html)
    return _FORMULA.sub(lambda formula: _SEPARATOR.sub(_unseparated, formula[0]), html)


def _shown_as_characters(code: str) -> str:
    return code.replace("{{", "{&#123;").replace("}}", "}&#125;").replace("::", ":&#58;")


def _unseparated(separator: re.Match[str]) -> str:
    """A formula's ``::`` as characters; a cloze's opening written in the formula as it is."""
    return separator[0] if separator["opening"] else ":&#58;"


_CODE = regex(r"(<code\b[^>]*>)(.*?)(</code>)", re.DOTALL)
_FORMULA = regex(r"\\\(.*?\\\)|\\\[.*?\\\]", re.DOTALL)
_SEPARATOR = regex(r"(?P<opening>\{\{c\d+)?::")


def settled_without_ledger(deck: Deck, options: ExportOptions) -> Settled:
    """The notes with ``options.identities`` (default GUIDs for the others), for an export without a
    build, and the card templates ``options`` carries (read for an .apkg); the note types' time is
    ``options.templates_modified``, else the newest note's."""
    notes = course_notes(deck, options)
    newest_note = max((note.modified for note in notes), default=UNRECORDED)
    return Settled(notes, options.anki_templates, options.templates_modified or newest_note)
