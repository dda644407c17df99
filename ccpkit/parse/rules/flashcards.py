"""Flashcards as note-to-Anki tools write them: ``Question::Answer``, a ``?`` line, ``Q:``/``A:`` pairs,
and a collapsed ``<details>`` block whose ``<summary>`` asks and whose body answers.

A reversible pair (``Front:::Back``, or ``??`` between the sides) is two cards: the forward one with
the id of its front, and the reverse one (back → front) with that id plus ``/reverse``, so both keep
their review history when either side is reworded on its own line. Obsidian's Dataview writes its
fields with the same ``::`` (``status:: reading``); ``dataview`` says which lines are fields.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ccpkit import cloze_syntax
from ccpkit.cornell import ROW_NUMBER_COLUMNS, cue_column, sums_up_the_page
from ccpkit.errors import Problem
from ccpkit.markup import is_only_a_link
from ccpkit.model import Item, SourceLocation
from ccpkit.parse.answer_words import ANSWER_ABROAD
from ccpkit.parse.context import Context
from ccpkit.parse.details import CLOSING, SUMMARY, details_question, hidden_markdown, shows_an_example
from ccpkit.parse.document import (
    HASHTAG,
    LIST_MARKER,
    LISTS,
    heading_level,
    heading_text,
    item_text,
    item_words,
    leads_up_the_page,
    only_pictures,
    paragraph_words,
)
from ccpkit.parse.inka import inka_section
from ccpkit.parse.rules.answers import (
    CALLOUT,
    QUESTION,
    WHOLLY_ITALIC,
    Callout,
    answer_in_details,
    answer_line,
    as_written,
    callout,
    explanation_start,
    is_question_id,
    key_cell_answer,
    numbers_a_question,
    numbers_a_task,
    plain,
    question_numbered,
    worded_letter,
)
from ccpkit.parse.rules.cards import titles_phrases
from ccpkit.parse.rules.dataview import field_key, is_key_like, is_metadata, is_name, without_wrapped_fields
from ccpkit.parse.rules.notebook_outputs import opens_output
from ccpkit.parse.rules.options import (
    QUESTION_PARTICLE,
    asks,
    instructs,
    may_end_with_particle,
    same_words,
    speakers_take_turns,
    table_cells,
    unbolded,
    within_words,
)
from ccpkit.parse.rules.review_pastes import reviewed_card
from ccpkit.parse.rules.spoilers import HIDDEN_WORDS, SPOILER, barred_norm, spoiled
from ccpkit.parse.rules.terms import (
    ASKED_HOW_OFTEN,
    BOLD_TEXT,
    EXPLAIN,
    PLACE_IN_A_BOOK,
    REFERS_BACK,
    SPEAKING,
    TABS,
    VERSUS,
    announces,
    aside_line,
    asked_in_bold,
    defines,
    is_aside,
    line_term,
    names_a_field,
    plain_term,
    split_term,
    undecorated,
)
from ccpkit.parse.tree import Node
from ccpkit.regex import first_at, regex

_CODE_SPAN = regex(
    r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)|\{\{|(?<![\w$])\$(?=\S)[^$\n]*?(?<=\S)\$(?!\d)|\\\("
    rf"|(?<!\S){HASHTAG}"
)
"""Where ``::`` is not a separator: code spans, Anki's own ``{{c1::cloze}}`` and ``{{Field}}``,
formulas (``$f :: A \\to B$``, ``\\(…\\)``; a ``$`` after a letter is a currency's: ``R$``, ``NZ$``) and
tags (``#aws::storage``). Of ``{{…}}`` and ``\\(…\\)`` only the opening: ``_CLOSING`` finds the rest."""
_CLOSING = {"{{": regex(r"\}\}|\n"), "\\(": regex(r"\\\)|\n")}
"""What closes ``{{`` and ``\\(``: the first ``}}`` (``\\)``) after it, unless its line ends first."""
_INLINE = regex(r"^(?P<front>.*?[^:])(?P<sep>:::?)(?P<back>[^:].*)$")
_QUESTION_LABEL = regex(
    rf"^(?:\*\*|__)?(?:(?i:{QUESTION}(?:\s+text|\s*#?\s*\d+)?|pergunta|q)|问|質問|질문|\u0633|[PFV](?=.*\w.*[?\uff1f](?:\*\*|__)?\s*$))"
    r"(?:\*\*|__)?\s*[:\uff1a](?:\*\*|__)?\s*"
    rf"|^(?:\*\*|__)(?i:{QUESTION})\s*#?\s*\d+[.)]?(?:\*\*|__)(?:\s*[\u2013\u2014-])?\s+(?=\S)"
)
"""``**Question:**`` (``**Question Text:**``, ``**Question 1:**``, or a number in bold with no colon,
``**Question 2** - Name …``) before a question's words: no part of the card's front."""
_JUDGE = regex(
    r"^[^\w]*(?:true\s+or\s+false|true\s*/\s*false|t\s*/\s*f|verdader[oa]\s+o\s+fals[oa]|verdadeiro\s+ou\s+falso"
    r"|vrai\s+ou\s+faux|vero\s+o\s+falso|(?:richtig|wahr)\s+oder\s+falsch)\b|^[^\w]*v\s*/\s*f\s*[:)\]-]",
    re.I,
)
"""``True or False: …``, ``T/F: …`` (``Verdadero o falso: …``, ``Vrai ou faux : …``, ``Richtig oder
falsch: …``): a statement to judge, which asks as a question does."""
_TRUE_OR_FALSE = r"(?:true\s*(?:/|or)\s*false|t\s*/\s*f)"
"""The words asking to judge a statement (``True / False``, ``true or false``, ``T/F``), matched ignoring
case by the patterns that take them."""
_JUDGED_AFTER = regex(
    rf"[.!]\s*(?:[(\[]{_TRUE_OR_FALSE}[)\]]|(?:\*\*|__)?true\s*(?:/|or)\s*false\b)\W*$",
    re.I,
)
"""``… idle resources. (True/False)``, ``… [T/F]``, ``… True / False``, ``… True or False?``: the same,
asked after the statement's full stop (``Part 2 (True/False)`` titles the statements below)."""
_BOLD = r"(?:\*\*|__)?"
_DASHED = rf"{_BOLD}[ \t]+[-\u2013\u2014]{_BOLD}(?=[ \t])"
"""``Q - …?`` and ``A - …``: a dash between spaces after the letter (the question asks: ``Q1 - Lakers
24, Celtics 20`` is a quarter's score)."""
_DOTTED_Q = rf"(?:{_BOLD}Q[.)]{_BOLD}(?!\s+[A-Z]\.)|(?:\*\*|__)Q\d+\.(?:\*\*|__))"
"""``Q.`` (``Q)``), ``**Q.**`` or ``**Q1.**`` opening a question line (a number in bold with it: exam
prep's ``**Q1.**`` over ``**Ans.**``); not ``Q. E. D.``, an abbreviation."""
_COLON = r"\s*(?:::?|\uff1a)"
"""A label's colon: a French ``Q :`` spaces it, a Chinese one is full-width, ``Q::`` doubles it."""
_ASKS_AFTER = r"(?=.*[?\uff1f](?:\*\*|__)?\s*$)"
_ASKS_OR_BIDS = rf"(?:{_ASKS_AFTER}|(?=\s+{EXPLAIN.pattern}))"
"""Words that ask, or say what to explain (``Q2. Describe …``, ``Question 7: Explain …``)."""
_NUMBERED = rf"(?:\d+[.)]\s*(?i:{QUESTION})|(?i:{QUESTION})\s*#?\s*\d+)"
"""A question's label with its number, before or after the word: ``Question 2``, ``7. Soru``."""
_QUESTION = regex(
    rf"^(?:{_BOLD}(?:Q\d*|(?i:{QUESTION})|问|質問|질문|\u0633|[PFV](?={_BOLD}{_COLON}.*\w{_ASKS_AFTER}))"
    rf"(?:{_BOLD}{_COLON}{_BOLD}|{_DASHED}{_ASKS_AFTER})|{_DOTTED_Q}(?=\s)|(?:Q|(?i:{QUESTION})\s*)\d+\)(?=\s)"
    rf"|(?:\*\*|__)Q\d+(?:\*\*|__)(?=\s){_ASKS_AFTER}|(?:Q|(?i:{QUESTION})[ \t]*)\d+[.:](?=\s){_ASKS_OR_BIDS}"
    rf"|(?:\*\*|__){_NUMBERED}{_BOLD}{_COLON}{_BOLD})"
    r"\s*(?P<text>.*)$"
)
"""``Q: …``, ``Q1: …``, ``Q1) …``, ``Question 3) …``, ``**Question:** …``, ``**Frage:** …``, ``Q. …``,
``**Q.** …``, ``问…``, ``질문: …``, Arabic ``س: …`` (over ``ج: …``), ``P: …?`` (Spanish and Portuguese,
over ``R: …``), ``F: …?`` (German over ``A:``, Swedish over ``S:``) and ``V: …?`` (Dutch) that ask, and
in bold with its number, before or after the word (``**Question 2:** Why …?``, ``**7. Soru:** …``), or
``**Q1**`` alone in bold before words that ask (over ``**A1** …``), a
line answered by an answer's line below it in its paragraph, asking or saying what to do: a
flashcard's question line (``Q1. …`` is not: board minutes number their questions so). A French ``Q :
…`` spaces its colon, a Chinese one is full-width."""
_ANSWER = regex(
    rf"^(?:{_BOLD}(?:A\d*|答|回答|답변|\u062c|(?i:answer|ans|tr[ảa]\s+l[ờo]i|{ANSWER_ABROAD})){_BOLD}{_COLON}{_BOLD}"
    rf"|{_BOLD}Ans\.{_BOLD}(?=\s)|(?:A|(?i:answer)\s*)\d+\)(?=\s)|{_BOLD}(?:A\d*|(?i:answer|ans)){_DASHED}"
    r"|(?:\*\*|__)A\d+\.?(?:\*\*|__)(?=\s)|A\d+\.(?=\s))"
    r"\s*(?P<text>.*)$"
)
"""``A: …``, ``A1: …``, ``A1) …``, ``Answer 3) …``, ``**Answer:** …``, ``**Respuesta:** …``,
``Antwort: …``, Vietnamese ``Trả lời: …``, ``答…``, ``답변: …``, ``ج: …``, ``Ans. …``, ``**Ans.** …``,
``**A1** …``: its answer line."""


@lru_cache(maxsize=128)  # rule after rule asks of the same paragraph's (or item's) first line: matched once
def _question_line(line: str) -> re.Match[str] | None:
    """``_QUESTION.match(line)``: a flashcard's question line (``Q: …``), its words as ``text``."""
    return _QUESTION.match(line)


_REPLY = regex(rf"^{_BOLD}(?P<letter>[RS]){_BOLD}{_COLON}{_BOLD}\s*(?P<text>.*)$")
"""``R: …`` answering a ``P: …?`` (or ``Q : …``, as French notes write it), ``S: …`` (svar) a Swedish
``F: …?``, and no other line: ``R:`` is a gas constant or a resistance as often (Italian ``D:``/``R:``
and Indonesian ``T:``/``J:`` pairs are a transcript's speakers as often: no cards)."""
_ASKED_FOR_REPLY = regex(rf"^{_BOLD}(?P<letter>[PQF]){_BOLD}{_COLON}")
_REPLIES = {"P": "R", "Q": "R", "F": "S"}
"""The letter that answers each question's letter."""
_LABELLED_QUESTION = regex(rf"^{_BOLD}(?i:quiz|q\d*|{QUESTION}|exercise|problem)(?:\s*\d+)?{_BOLD}\s*:")
"""A question's own label (``Quiz: …?``, ``Q3: …?``): a question, never the answer to one above."""
_ITALIC_SIDE = regex(r"^(?P<mark>\*|_)(?![*_])(?P<line>(?:[AQ]\d*|(?i:answer|ans))\s*:[^\n]*?)(?P=mark)$")
"""A ``Q:`` or ``A:`` line wholly in italics (``*Q: …?*``, ``*A: The value …*``): its words."""
_ITALIC_LABEL = regex(
    r"^(?P<mark>\*|_)(?![*_])(?P<label>(?:[AQ]\d*|(?i:answer|ans|question))\s*:)(?P=mark)(?=\s)"
)
"""A ``Q:`` or ``A:`` label alone in italics (``*Q:* What …?``, ``_A:_ The value …``)."""


def _unitalicised(line: str) -> str:
    """A ``Q:`` or ``A:`` line without the italics around it or around its label alone: as plain."""
    if not line.startswith(("*", "_")) or line.startswith(("**", "__", "*_", "_*")):
        return line  # both patterns open with one `*` or `_` not followed by another: no change
    return _ITALIC_LABEL.sub(r"\g<label>", _ITALIC_SIDE.sub(r"\g<line>", line))


_DOTTED_QUESTION = regex(rf"^{_DOTTED_Q}\s")
_DOTTED_ANSWER = regex(rf"^{_BOLD}A[.)]{_BOLD}\s+(?P<text>\S.*)$")
"""``A. …`` (``A) …``) answering a ``Q. …`` line, as ``Q.``/``A.`` notes write them (elsewhere ``A.``
letters an option: a ``B.`` line below makes the lines options)."""
_LOOSE_QUESTION = regex(rf"{_BOLD}Q\d*{_BOLD}[ \t]*[-\u2013\u2014.:)\uff1a][ \t]*\S")
"""A line labelled as a question in any way (``Q - …``, ``Q. …``): it never goes on the answer above."""


def _labelled(labels: str) -> str:
    """A line opening with a card side's label (``labels``: ``front|frente``), in bold or not, its colon
    inside the bold or out (``**Front:** …``, ``Front: …``): the words after it, as ``text``."""
    return rf"^{_BOLD}(?i:{labels}){_BOLD}\s*:{_BOLD}\s*(?P<text>.*)$"


_CARD_FRONT = regex(_labelled("front|frente"))
"""A card's ``Front:`` line (not a ``Statement:``, which states as often as it asks to judge)."""


def _card_front(line: str) -> re.Match[str] | None:
    """``_CARD_FRONT.match(line)``, tried only where the line's first letter after any bold is an ``f``
    (``re.I`` reads no other character as one)."""
    return _CARD_FRONT.match(line) if line.lstrip("*_")[:1] in ("f", "F") else None


_STATEMENT = regex(_labelled("statement"))
"""A ``Statement: …`` line: over ``Answer: False`` it asks to judge it, as the card must say."""
_FRONT = regex(_labelled("front|statement|frente"))
_BACK = regex(_labelled("back|verso"))
"""``Front: …`` over ``Back: …``: a card's sides, also as Portuguese flashcards write them (``FRENTE:``
over ``VERSO:``; a glossary of ``Recto:`` and ``Verso:`` defines those words); ``Front:`` alone, as
a checklist's ``Front:`` and ``Rear:`` lines, is no question; ``Back:`` alone is a field of a note
type: see START/END; also a ``Statement: …`` to judge over ``Answer: True`` (or ``False``)."""
_TERM = regex(_labelled("term|word|concept"))
_MEANING = regex(_labelled("definition|meaning|explanation"))
"""``Term: …`` right over ``Definition: …`` (``Word:`` over ``Meaning:``, ``Concept:`` over
``Explanation:``): a card's sides as chatbots label a term and its meaning; a ``Term:`` over any other
line is a record's field (``Term: 2 years`` over ``Rate: 4%``)."""
_JUDGED = regex(
    r"\W*(?:true|false)\b|[\u221a\u00d7\u2713\u2714\u2717\u2718]|(?:\u6b63\u786e|\u9519\u8bef|\u5bf9|\u9519)(?!\w)",
    re.I,
)
"""A verdict opening an answer: ``True``, ``False``; or, as Chinese banks mark a judged statement's
answer (判断题), ``\u221a`` or ``\u00d7`` (``\u2713``, ``\u2717``), 对 or 错, 正确 or 错误."""
_MARKED_VERDICTS = {
    **dict.fromkeys(("\u221a", "\u2713", "\u2714", "\u5bf9", "\u6b63\u786e"), "True"),
    **dict.fromkeys(("\u00d7", "\u2717", "\u2718", "\u9519", "\u9519\u8bef"), "False"),
}
"""A verdict written as a mark or a Chinese word, in words on the card."""
_VERDICT_BLANK = regex(r"[ \t]*[(\uff08][ \t\u3000]*[)\uff09][ \t]*$")
"""A blank for the verdict after a statement's stop (``…保管。\uff08 \uff09``), as papers leave one."""
TO_JUDGE = "True or false: "
"""How a card asks to judge a statement written without asking (``… (T)``, ``Answer: False`` below it)."""
_SECOND_OPTION = regex(r"^\s*\(?B[.)]\s", re.M)
_ANSWER_AFTER = regex(
    rf"(?P<asked>.*?\?{_BOLD})\s+(?:(?:\||\u2192|->|=>|[\u2013\u2014-])\s+)?"
    rf"(?:{_BOLD}(?:A\d*|(?i:answer|ans)){_BOLD}\s*:{_BOLD}|(?:\*\*|__)A\d+\.(?:\*\*|__))\s*(?P<answer>\S.*)$"
)
"""An ``A:`` (``A1:``, ``Ans:``, ``**A2.**``) on the question's own line, after its question mark, maybe
after a bar or an arrow (``… ? | A: …``, ``… ? → **A:** …``)."""
_ANSWER_IN_BRACKETS = regex(
    rf"(?P<asked>.*?[?\uff1f]{_BOLD})\s*[(\[\uff08](?:(?i:ans(?:wer)?)|答案?|解答|答え)\s*[:\uff1a]\s*+"
    r"(?!(?i:(?:see|check\s+(?:the|with|on|in)|look\s+(?:it\s+)?up|refer\s+to|tbd|todo|not\s+sure|unsure"
    r"|unknown|ask\s+(?:the|my)|end\s+of\s+(?:section|chapter))\b|later\W*[)\]\uff09]|pp?\.\s*\d))"
    r"(?P<answer>[^)\]\uff09]*[^)\]\uff09\s])\s*[)\]\uff09]\s*$"
)
"""The answer in brackets at the end of the question's line, as self-tests write it: ``Which port does SSH
use? (Ans: 22)``, ``[Answer: …]``, and full-width brackets around ``答``; not a note that it is
elsewhere or still to find (``(Answer: see below)``, ``(Ans: not sure yet)``)."""
_OPTION_LINE = regex(r"\(?[A-Ha-h][.):]\s")
"""A line opening with an option's letter: ``A. …``, ``b) …``, ``(C) …``."""
_CODE_LIKE = regex(r"^[A-Za-z_]\w*(?:\(|\.[A-Za-z_]|<)")
"""``Foo::Bar()``, ``Foo::bar.baz``, ``Foo::Vec<T>``: a C++ or Rust path written in prose."""
_NAMESPACES = frozenset({"std", "boost", "absl", "fmt", "crate", "self", "super", "core", "alloc", "tokio"})
"""C++ and Rust paths' first names (``std::vector``, ``crate::config``): a path in prose, no card."""
_SEPARATORS = frozenset(
    {
        "?",
        "??",
        "\u21aa",
        "\u21aa\ufe0f",
        "\u2753",
        "\u2754",
        ":grey_question:",
        ":arrow_right_hook:",
    }
)
"""A line alone between a card's sides: Obsidian Spaced Repetition's ``?`` (``??`` both ways), and the
``↪``, ``❓`` (``:question:``), ``❔`` and ``:arrow_right_hook:`` that Markdown Flashcards decks allow."""
_QUESTION_WORDS = frozenset({"question", "q", "pergunta", "pregunta", "frage", "domanda"})
"""Question headings that mean nothing else: with no answer heading below, a warning (``## 问题`` is a
post-mortem's "problem" and ``### 질문`` a forum's "questions" as often)."""
_QUESTION_HEADINGS = _QUESTION_WORDS | {
    "вопрос", "питання", "pytanie", "vraag", "問題", "问题", "질문", "soru", "câu hỏi"
}  # fmt: skip
_ANSWER_HEADINGS = frozenset(
    {"answer", "a", "resposta", "respuesta", "réponse", "antwort", "risposta", "ответ", "відповідь",
     "odpowiedź", "antwoord", "答え", "答案", "回答", "답변", "cevap", "trả lời", "đáp án"}
)  # fmt: skip
_ONLY_CODE = regex(r"(?<!`)(`+)(?!`)[^`]*\1")
"""A code span and nothing else (an empty one stands for no text)."""
_POINTED = regex(r"^(?:\U0001f449|\u27a1\ufe0f?|\u2192|\u21d2)[ \t]*(?P<text>\S.*)$")
"""An answer's line pointed to by an arrow: ``👉 …``, ``➡️ …``, ``→ …``, ``⇒ …`` (a tick under a
question is a journal's or a checklist's: ``Did I run today?`` over ``✅ 5 km``; ``=>`` a console's)."""
_DATE = regex(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
_NOTES_TO_SELF = frozenset(
    {"unsure", "later", "skip", "skipped", "here", "pass", "idk", "maybe", "review", "revise", "pending"}
    | {"unknown", "unanswered", "ok", "done", "wip"}
)
"""One-word lines a student writes under a question for their own sake, not to answer it (besides
``_NO_ANSWER``'s ``TODO``, ``See …``)."""
_ASKING_WORDS = 3
"""A listed question of fewer words (``Why?``, ``How so?``) says too little to be a card's front."""
_SENTENCE_END = regex(r"[.!;]\s+\S")
_ESSAY = regex(r"(?i)(?:discuss|explain|describe|outline|evaluate|justify|consider|assess)\b")
"""How an essay question's second line opens: a prompt, not its answer."""
_FIRST_PERSON = regex(r"(?i)(?:i(?=\s)|i'm|i've|my|we|we're|our)\b")
"""How a note to self under a question opens (``I still don't get this``): the student's, no answer."""
_NO_ANSWER = regex(
    r"\(.*\)$|\[|(?:\*\*|__)?(?i:hints?|notes?|todo|tips?)(?:\*\*|__)?\s*(?::|$)|\d+\s*(?i:marks?|points?)\b"
    r"|(?i:see|check|ask|tbd|todo)\b",
    re.S,
)
"""What may sit under a question without answering it: ``(4 marks)``, ``(Assume …)``, ``[6]``, a
to-do box or a link, ``Hint: …``, ``TODO``, ``See page 87.``, ``Check the docs``."""
_STUDY_TITLE = regex(
    r"(?i)\b(?:interview|faqs?|frequently\s+asked|q\s*&\s*a|quiz(?:zes)?|self[- ]?(?:check|test)"
    r"|flash\s*cards?|(?:review|practice|revision|exam|study|sample|test|knowledge\s+check)\s+questions?"
    r"|fragenkatalog|(?:prüfungs|kontroll|übungs|wiederholungs|interview)fragen"
    r"|preguntas\s+(?:de\s+(?:repaso|examen|entrevista)|frecuentes)|perguntas\s+(?:de\s+entrevista|frequentes)"
    r"|questions\s+(?:d'entretien|de\s+révision)|вопросы\s+(?:к\s+экзамену|для\s+самопроверки|на\s+собеседовании))\b"
    r"|面试题|常见问题|复习题|练习题|練習問題|面接"
)
"""A title over a list of questions to study: ``Interview questions``, ``FAQ``, ``Quiz``, ``Review
questions``, ``Practice questions`` … (``Literature review``, ``Case study``, ``Questions I still
have`` are not; nor is ``Week 3 review``, a journal's or a retro's as often)."""
_ASKS_FOR_CODE = regex(r"(?i)^(?:how\s+(?:do|can|would|should)\s+(?:you|i|we)|how\s+to|write|implement)\b")
"""A question code alone can answer: ``How do you reverse a string?``, ``Write a function that …``."""
_GIVES_CODE = regex(
    r"(?i)\b(?:following|below|above|this|these|snippet|output|prints?|printed|logged|returned|bug|wrong|fix)\b"
)
"""A question about code it shows (``How do you fix the bug in the loop?``): code under it is the
question's."""
_POINTING_WORDS = 6
_POINTING = regex(r"(?i)\b(?:it|this|that|these|those|they|them)\b")
"""A word that points back at the notes above (``What is it used for?``): a question of a few words
(``_POINTING_WORDS``) with one means nothing on a card of its own."""
_OPEN_TITLE = regex(
    r"(?i)\b(?:open|unanswered|pending)\s+questions?\b|\bquestions?\s+(?:for|to\s+ask)\b"
    r"|\b(?:fragen\s+an|preguntas\s+para|perguntas\s+para|questions\s+(?:pour|à))\b"
)
"""``Open questions``, ``Questions for the TA``: questions with notes under them, not answers."""
_SOLUTION_HEADINGS = _ANSWER_HEADINGS | {"solution", "lösung", "solução", "solución", "soluzione"}
_ANSWER_TITLES = _ANSWER_HEADINGS | {"", "solution"}
"""The titles of a callout that holds an answer (``> [!success]- Answer``), or none."""
_HINTS = frozenset({"hint", "hints", "clue", "tip"})
"""The titles of what helps a question without answering it (``<summary>Hint</summary>``)."""
_HINT_TITLES = _QUESTION_HEADINGS | {"prompt"} | _HINTS
"""The titles of a callout that adds to a question above its answer's (``=== "Hint"``)."""
_FRONT_COLUMNS = _QUESTION_HEADINGS | {"front", "term", "prompt", "questions", "terms", "prompts"}
_FRONT_COLUMNS |= {"statement", "statements"}
_BACK_COLUMNS = _ANSWER_HEADINGS | {"back", "definition", "meaning", "answers", "definitions", "meanings"}
_BACK_COLUMNS |= {"true/false", "true or false", "t/f"}
"""The headers of a table whose rows are cards: ``| Question | Answer |``, ``| Front | Back |``,
``| Statement | True/False |``."""
_NOTE_COLUMNS = frozenset({"explanation", "notes", "note", "extra", "why", "details"})
"""Columns after a card's sides that say more on its back."""
_NAMED_COLUMNS = frozenset(
    {"domain", "topic", "category", "difficulty", "source", "reference", "type", "subject", "chapter", "page"}
    | {"pages", "deck", "module", "lesson", "hint"}
)
"""Columns after a card's sides that file it: on its back under their name (``Domain: Security``)."""
_EXAMPLE_COLUMNS = frozenset(
    {"example", "examples", "example sentence", "sentence", "mnemonic", "context", "usage", "comment"}
)
"""Columns a deck's ``| Front | Back |`` table adds for its back (``Example``), as a chatbot's set has."""
_ON_BACK_BY_NAME = _NAMED_COLUMNS | _EXAMPLE_COLUMNS
"""Columns after a card's sides that go on its back under their name (``Domain: Security``, ``Example:
…``); a note's column (``Explanation``) goes there as it is."""
_TAG_COLUMNS = frozenset({"tags"})
"""A column of tags for each row's card (``history, medieval``), as Notion and Anki exports have it."""
_RECORD_COLUMNS = frozenset(
    {"created", "created time", "created at", "created by", "date created", "last edited", "last edited time"}
    | {"last edited by", "last modified", "modified", "updated", "updated at", "status", "last reviewed"}
    | {"reviewed", "confidence", "mastery", "learned", "progress", "due", "score"}
)
"""Columns a database keeps of each row (Notion's ``Created time``, ``Last edited``, a study tracker's
``Status`` or ``Last reviewed``): not the card's."""
_CARD_EXTRAS = _NOTE_COLUMNS | _NAMED_COLUMNS | _TAG_COLUMNS | _RECORD_COLUMNS
"""Columns a table of cards may hold beside its sides; any other makes it a comparison of its columns."""
BLANK = regex(r"(?<![\w*])_{3,}(?![\w*])")
"""A blank to fill in a sentence: ``________``, not ``___bold italic___``."""
_SCORED = regex(r"(?<!\d)\d+[ \t]*/[ \t]*\d+[ \t]*$")
"""A graded form's score after a question (``*   0/1``): the answer under it is a respondent's, which
may be wrong."""
_OPENS_DETAILS = regex(r"<details\b", re.IGNORECASE)
_QUOTE_MARKS = regex(r"^\s*(?:>\s?)+")
_MORE = regex(
    r"(?:\*\*|__)?(?i:learn more|more|read more|saiba mais|m[áa]s informaci[óo]n|note|solution|working)"
    r"(?:\*\*|__)?\s*:"
)
"""``**Learn more:**`` (``Saiba mais``) after a worded answer: it explains the answer; so does the
``**Solution:**`` (``Working:``) that works a problem's answer out."""
_REBUTTAL = regex(r"(?:\*\*|__)(?i:why\s+not)\b[^*_\n]*\?(?:\*\*|__)")
"""``**Why not Aurora?** Its …`` after an answer: why another choice is wrong, which explains it."""
_CARD_TAG = regex(
    r"(?:^|\s)(?:#(?:flash)?card\b|#\[\[(?:flash)?card\]\]|\[\[(?:flash)?card\]\][ \t]*(?:\n|$))",
    re.IGNORECASE,
)
_CARD_TAG_WORD = r"#(?:flash)?card(?:[-/]reverse)?"
"""The tag itself, ``#card``, ``#flashcard``, ``#card/reverse``, as the Flashcards plugin spells it."""
_SENT_ID = r"(?:\s+\^[A-Za-z0-9][A-Za-z0-9-]*)?"
"""The block id the plugin writes after the tag once it has sent the card (``#card ^1234567``)."""
_ENDS_TAGGED = regex(
    rf"(?:^|\s)(?:{_CARD_TAG_WORD}|#?\[\[(?:flash)?card\]\])(?:\s+#[\w/-]+)*{_SENT_ID}\s*$",
    re.IGNORECASE,
)
"""A line ending with the tag ``#card`` (maybe among others), as Obsidian's Flashcards plugin marks a
card's front, or ``#flashcard``, as Neuracache and Obsidian_to_Anki's style of it do; ``#card`` inside a
sentence is a word of it. Logseq's link to its card page, ``#[[card]]`` (or ``[[card]]`` ending the
line), is the same tag."""


def _ends_tagged(line: str) -> bool:
    """Whether ``_ENDS_TAGGED`` finds a tag ending ``line``; each of its tags holds a ``#`` or ``[[``, and
    most lines neither."""
    return ("#" in line or "[[" in line) and _ENDS_TAGGED.search(line) is not None


_QUOTE_MARK = regex(r"^ {0,3}> ?")
_TAG_LABELS = frozenset({"", "tags", "tag", "tagged"})
"""What a line of a note's own tags says besides them (``Tags: #biology #flashcard``): no card's front."""
_REVERSE_TAG = regex(r"(?:^|\s)#(?:flash)?card[-/]reverse\b", re.IGNORECASE)
"""``#card-reverse`` or ``#card/reverse``: the card is asked both ways."""
_TAGS = regex(rf"(?:^|\s)(?:{HASHTAG}|#?\[\[(?:flash)?card\]\]|#\[\[[^\]\n]+\]\])(?=\s|$)", re.IGNORECASE)
_TAG_LINES = regex(rf"^(?:(?:{HASHTAG}[ \t]*)+\n)+")
"""Lines of nothing but tags over a card's words (``#flashcards``, ``#aws #security``), as Obsidian's
spaced repetition and its users write them: the card's tags, no part of its front."""
_HASHTAG = regex(rf"(?<!\S){HASHTAG}")
_LINE_END_TAGS = regex(rf"(?<![ \t])(?:[ \t]+(?:{HASHTAG}|#\[\[[^\]\n]+\]\]))+[ \t]*$", re.MULTILINE)
"""Tags ending a line (``#card``, ``#flashcards/geo``, Logseq's ``#[[Rust basics]]``); ``#1`` is a rank."""
_PROPERTY = regex(r"^\s*[\w.-]+:: ")
"""Logseq's block properties (``card-next-schedule:: …``, ``logseq.order-list-type:: number``): its review
state and layout, not the question."""
_NAMES_ANSWER = _ANSWER_HEADINGS | {"answers", "solution", "solutions", "hint", "explanation", "show"}
_CHOICES_AND_ANSWER = 4
"""Lines from the one that asks, at least: it, two choices and the answer under them."""
_ANSWER_PARAGRAPHS = 3
"""A heading that asks is a card when at most this many paragraphs answer it; more are notes."""
_ANSWER_BLOCKS = ("paragraph", "fence", "code_block", "blockquote")
"""What may answer a heading that asks, beside its paragraphs: code and quotes."""
_STUDIED_ANSWER = (*_ANSWER_BLOCKS, "bullet_list", "ordered_list")
"""What may go on with the words answering a question to study: lists, code, quotes."""
_STUDIED_BLOCKS = 6
"""At most this many blocks answer a question to study; more are a section of notes."""
_NAMES_QUESTIONS = regex(
    r"(?i)\bquestions?\b|\bfaqs?\b|frequently\s+asked|\bflash\s*cards?\b|\bfragen(?:katalog)?\b|\bpreguntas\b|\bperguntas\b"
    r"|\bq\s*&\s*a\b|\bq\s*and\s*a\b"
    r"|вопросы|题|問題|問"
)
"""A title that names questions to study in so many words (``Interview questions``, ``FAQ``, ``Q&A``)."""
_SET_ITEMS, _SET_WORDS = 3, 3
"""A list of this many items or more, of this many words at most each, names a set to recall."""
_SECTION_NUMBER = (
    r"\d{1,3}(?:\.\d{1,3})+\.?(?=[ \t]+(?i:what|which|who|whom|whose|why|how|when|where|is|are|does|do|can"
    r"|define|explain|describe|state|list|name|give|compare|contrast|calculate|find|show|prove)\b)"
)
"""A question numbered as a section of a problem set (``1.3 Define variance.``, ``2.1 What is …?``); not
a quantity (``2.5 Gbps Ethernet: …?``, ``1.5 million users …``)."""
_NUMBER = (
    rf"(?:(?:Q(?:ues?)?\.?\s*|Question\s*)?\d+[.):\uff1a\uff0e](?!\d)|\d\ufe0f?\u20e3|[\U0001F51F]"
    rf"|(?-i:{_SECTION_NUMBER}))"
)
_NUMBERING = regex(rf"^(?:(?P<bold>\*\*|__){_NUMBER}(?P=bold)|{_NUMBER})\s*", re.IGNORECASE)
"""A question's number: ``3.``, ``3)``, ``Q3:``, ``Que 3.``, ``**Q3.**``, ``1.3``, or a keycap emoji
(``2️⃣``, ``🔟``); not the start of ``2.4 GHz`` or ``802.11ac``."""
_NESTING = (*LISTS, "list_item", "blockquote")
_BLOCK_ANSWERS = (*LISTS, "fence", "code_block", "blockquote")
"""What an ``A:`` alone at a paragraph's end may have below it as the answer."""


@dataclass(frozen=True, slots=True)
class _Pair:
    front: str
    back: str
    reversible: bool = False
    line: int = 0
    """Its line inside the paragraph (0: the first)."""
    tags: str = ""
    """Tags its author listed for it (a table's ``Tags`` column): ``history, medieval``."""
    key: str = ""
    """What its id is made of, where not its front: the words as written, before they were reworded."""


@dataclass(frozen=True, slots=True)
class _Field:
    """A Dataview ``key:: value`` line: metadata, not a card."""


@dataclass(frozen=True, slots=True)
class _Missing:
    message: str
    line: int = 0


def extract_flashcards(ctx: Context) -> Iterator[Item | Problem]:
    """Every flashcard of the file, in notes order; a half-written one is a warning at its line."""
    blocks = ctx.doc.blocks
    yield from _file_card(ctx)
    yield from _in(ctx, [block.node for block in blocks], [block.section for block in blocks])


def _file_card(ctx: Context) -> Iterator[Item | Problem]:
    """A file whose front matter asks (``flashcard: What is …?``), as tools that keep a card a file write
    it: one card, the question its front, the file's notes (all that no earlier rule took) its back."""
    asked = next((value for key, value in ctx.doc.front_matter.items() if key.lower() == "flashcard"), "")
    if len(asked.split()) < 2 or not ctx.doc.blocks:
        return  # `flashcard: true`, a plugin's switch: no question
    answer = [block.node for block in ctx.doc.blocks if not _titles_the_file(block.node)]
    answer = [node for node in answer if not ctx.is_claimed(node)]
    ctx.claim(*answer)
    back = "\n\n".join(ctx.doc.source(node) for node in answer).strip()
    first = ctx.doc.blocks[0].node
    yield from _items(ctx, (), first, _Pair(asked.strip(), back) if back else _Missing(_NO_FILE_BACK))


def _titles_the_file(node: Node) -> bool:
    """The front matter, or the file's ``#`` title: no part of what the file says."""
    return node.type == "front_matter" or (node.type == "heading" and node.tag == "h1")


_NO_FILE_BACK = (
    "flashcard asked in the front matter (`flashcard: …`) with no answer below it: write it as the notes"
)


def _in(
    ctx: Context, siblings: Sequence[Node], sections: Sequence[tuple[str, ...]], within: str = ""
) -> Iterator[Item | Problem]:
    """The flashcards of a run of sibling blocks, and of the paragraphs in their lists and quotes
    (``within``: the type of the block that holds them, if any)."""
    toggled = within in LISTS and _toggles(siblings)  # a list of Notion's toggles: read once a list
    index = 0
    while index < len(siblings):
        child = siblings[index]
        if ctx.is_claimed(child):
            if child.type in LISTS:  # a list of questions: one without options may be answered in words
                yield from _answered_in_words(ctx, child, sections[index])
        elif child.type in ("paragraph", "heading") and (paired := _paired_over_code(ctx, siblings, index)):
            ctx.claim(*siblings[index : index + 3])  # `Q: What does this print?`, its code, `A: …`
            section = sections[index][:-1] if child.type == "heading" else sections[index]
            yield from _items(ctx, section, child, paired)
            index += 2
        elif child.type == "paragraph" and (coded := _asked_over_code(ctx, siblings, index)) is not None:
            ctx.claim(*siblings[index - 2 : index + 1])  # `What does this print?`, its code, `?`, the answer
            yield from _items(ctx, sections[index - 2], siblings[index - 2], coded)
        elif child.type == "paragraph" and (spaced := _spaced_separator(ctx, siblings, index)) is not None:
            ctx.claim(siblings[index - 1], child, siblings[index + 1])  # `?` between blank lines
            yield from _items(ctx, sections[index - 1], siblings[index - 1], spaced)
            index += 1
        elif child.type == "list_item" and (tagged := _tagged_card(ctx, child)) is not None:
            ctx.claim(child)  # Logseq: `- What is …? #card` with the answer in the bullets under it
            yield from _items(ctx, sections[index], child, tagged)
        elif child.type == "list_item" and (pair := _answered_by_next(ctx, siblings, index)) is not None:
            ctx.claim(child, siblings[index + 1])  # `- Q: …` then `- A: …`, an outliner's sibling blocks
            yield from _items(ctx, sections[index], child, pair)
            index += 1
        elif child.type == "list_item" and (pair := _answered_item(child)) is not None:
            ctx.claim(child)  # `1. Which …?` with `- Answer: …` under it
            yield from _items(ctx, sections[index], child, pair)
        elif child.type == "ordered_list" and (quoted := _quoted_answer(ctx, siblings[index:])) is not None:
            used, pair = quoted  # `1. Which …?` then `> its answer`, as inka writes cards
            yield from _items(ctx, sections[index], child, pair)
            index += used
        elif child.type == "blockquote" and (called := _callout_card(ctx, siblings[index:])) is not None:
            used, pair = called  # `> [!question]- Which …?` with its answer in the callout, or the next
            yield from _items(ctx, sections[index], child, pair)
            index += used
        elif child.type in _NESTING:
            following = siblings[index + 1] if index + 1 < len(siblings) else None
            fallen = _answer_fallen_out(child, following)
            if fallen is not None and following is not None:
                ctx.claim(fallen[0], following)  # its last question is answered below the list
            yield from _in(ctx, child.children, _nested_sections(ctx, child, sections[index]), child.type)
            if fallen is not None and following is not None:
                asked, pair = fallen
                more = _explanation_after(ctx, siblings[index + 2 :])
                ctx.claim(*more)
                back = "\n\n".join([pair.back, *(ctx.doc.written(node).strip() for node in more)])
                yield from _items(ctx, sections[index], asked, replace(pair, back=back))
                index += 1 + len(more)
            elif child.type == "list_item" and (
                nested := _asked_over_answer(ctx, child, siblings, sections[index], toggled=toggled)
                or _labelled_over_answer(ctx, child)
            ):
                ctx.claim(child, *child.children)  # `- What is …?` with its answer nested under it
                yield from _items(ctx, sections[index], child, nested)
        elif child.type == "heading" and (
            _ends_tagged(heading_text(child)) or _tag_line_below(siblings[index + 1 : index + 2])
        ):
            used, result = _tagged_heading(ctx, siblings[index:])  # `## What is a VPC? #card`
            yield from _items(ctx, sections[index][:-1], child, result)
            index += used
        elif child.type == "heading" and (carded := _separated_heading(ctx, siblings[index:])) is not None:
            used, pair = carded  # `### 的 :: particle …` over its example sentences
            yield from _items(ctx, sections[index][:-1], child, pair)
            index += used
        elif child.type == "heading" and (separated := _heading_over_separator(ctx, siblings[index:])):
            used, pair = separated  # `## What is …?` right over a `?` line, the answer below it
            yield from _items(ctx, sections[index][:-1], child, pair)
            index += used
        elif child.type == "heading" and (
            answered := _answered_heading(ctx, siblings[index:], sections[index])
        ):
            title = _DOTTED_QUESTION.sub("", heading_text(child))  # `## Q. Why …?`
            question = _unnumbered(_QUESTION_LABEL.sub("", title))  # `## 3. Why …?`, `Q: …`
            yield from _items(ctx, sections[index][:-1], child, _Pair(question, answered))
        elif child.type == "heading" and (stated := _statement_answered(ctx, siblings[index:])) is not None:
            used, pair = stated  # `## Scenario 1`, what happens, then `Answer:` alone over its answer
            yield from _items(ctx, sections[index + 1], siblings[index + 1], pair)
            index += used
        elif child.type == "heading" and (headed := _headed_pair(ctx, siblings[index:])) is not None:
            used, result = headed  # `### Question` over its words, then `### Answer` over its own
            yield from _items(ctx, sections[index][:-1], child, result)
            index += used
        elif child.type == "table" and (rows := _table_cards(child)) is not None:
            ctx.claim(child)  # `| Question | Answer |`, `| Front | Back |`: a card per row
            above = siblings[index - 1] if index else None
            if above is not None and _SAYS_HOW_TO_JUDGE.search(paragraph_words(above)):
                ctx.claim(above)  # `… select Yes if the statement is true.`: the grid's, said by its cards
            for row, result in rows:
                yield from _items(ctx, sections[index], row, result)
        elif child.type == "fence" and child.info.strip().casefold() in _CARD_FENCES:
            ctx.claim(
                child
            )  # ```` ```flashcard ```` over `Q: …` and `A: …`, or a sentence with a `{{cloze}}`
            for made in _fenced_cards(child):
                if isinstance(made, _Cloze):
                    yield _fenced_cloze(ctx, sections[index], child, made)
                else:
                    yield from _items(ctx, sections[index], child, made)
        elif child.type == "html_block" and SUMMARY.match(child.content):
            asked, used, results = _details(ctx, siblings[index:], siblings[max(0, index - 2) : index])
            section = sections[index][:-1] if asked.type == "heading" else sections[index]
            place = next((at for at, node in enumerate(siblings) if node is asked), index)
            for result in results:
                case = _with_case(ctx, siblings[:place], result) if isinstance(result, _Pair) else result
                yield from _items(ctx, section, asked, case)
            index += used
        elif child.type == "paragraph" and (over := _asked_over_callout(ctx, siblings[index:])) is not None:
            used, found = over  # `What does …?` over `> [!success]- Answer`
            yield from _items(ctx, sections[index], child, found)
            index += used
        elif child.type == "paragraph" and (reviewed := reviewed_card(ctx, siblings[index:])) is not None:
            used, front, back = reviewed  # `Question 3 of 50` over the question, then its right answers
            yield from _items(ctx, sections[index], child, _Pair(front, back))
            index += used
        elif child.type == "paragraph" and (worded := _worded_pair(ctx, siblings[index:])) is not None:
            used, pair = worded  # `Which …?` then `Answer: …`, no options
            yield from _items(ctx, sections[index], child, _with_case(ctx, siblings[:index], pair))
            index += used
        elif (
            child.type == "paragraph"
            and not (within == "list_item" and index == 0)  # `1. **What is …?**`: a term, the card rule's
            and (faq := _bold_question(ctx, siblings[index:])) is not None
        ):
            used, pair = faq  # `**What is …?**` over the paragraphs that answer it, as FAQs write them
            yield from _items(ctx, sections[index], child, pair)
            index += used
        elif child.type == "paragraph":
            used, results = _paragraph(ctx, child, siblings[index + 1 :])
            above = siblings[index - 1] if index else None
            for result in _with_shown_above(ctx, above, results):
                yield from _items(ctx, sections[index], child, result)
            index += used
        index += 1


def _nested_sections(ctx: Context, node: Node, section: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The sections of a block's children: a bullet that only names a thing (``- Mitochondria``) heads
    the lists nested under it, as a heading would (``- Function >> ATP production`` is asked of the
    mitochondria, not merged with a ribosome's ``Function``)."""
    first = node.children[0] if node.type == "list_item" and node.children else None
    if first is None or first.type != "paragraph" or ctx.is_claimed(first):
        return [section] * len(node.children)
    if not any(child.type in LISTS for child in node.children):
        return [section] * len(node.children)  # no list under it to head: its name need not be read
    words = first.children[0].content
    name = words.strip() if _BARE_NAME.fullmatch(words) else _front_of_its_own(ctx, words)
    return [(*section, name) if name and child.type in LISTS else section for child in node.children]


def _front_of_its_own(ctx: Context, words: str) -> str:
    """The front of a bullet's one-line card (``Mitochondrion::The organelle …``, RemNote's ``Mitochondrion
    :: …``), which the cards nested under it are parts of; nothing for other words."""
    if "\n" in words:
        return ""
    remnoted = remnote_card(words) if ctx.remnote else None
    if remnoted is not None and remnoted["answer"]:
        return remnoted["front"].strip()
    pair = _inline_pair(words, 0, False, in_a_deck=ctx.in_a_deck)
    return pair.front if isinstance(pair, _Pair) else ""


_BARE_NAME = regex(r"[^\W\d_][^\n:;?!=<>|*_`\[\]()]{0,40}")
"""A few words naming a thing alone on a bullet: no separator, question, emphasis, link or code."""


def _with_shown_above(
    ctx: Context, above: Node | None, results: list[_Pair | _Missing]
) -> list[_Pair | _Missing]:
    """A paragraph's first card asking about the code right above it (``Q: What does this code
    print?``, or a Chinese bank's ``这段代码``, "this code"), or about the picture right above it
    (``What is labelled A in the diagram above?``), asks with it: without it the card means nothing,
    and two such questions read the same while they want different answers."""
    first = results[0] if results else None
    if not isinstance(first, _Pair) or above is None or ctx.is_claimed(above):
        return results
    code = above.type in ("fence", "code_block")
    coded = code and _POINTS_AT_CODE.search(first.front) is not None
    # a card ccpkit made before it asked with what it points at keeps its id, and its history
    pointed = (code and _ASKS_OF_A_LINE.search(first.front) is not None) or (
        above.type == "paragraph" and only_pictures(above) and _POINTS_AT_PICTURE.search(first.front)
    )
    if not coded and not pointed:
        return results
    ctx.claim(above)
    key = first.key if coded else (first.key or first.front)
    return [replace(first, front=f"{ctx.doc.source(above)}\n\n{first.front}", key=key), *results[1:]]


_POINTS_AT_CODE = regex(
    r"(?i)\b(?:this|these|the\s+(?:following|above))\s+(?:code|snippet|program|query|script|function|statements?"
    r"|lines?)\b(?!\s+of\b)|\bcode\s+above\b|这段代码|以下代码|下面的?代码|上面的?代码|这段程序|下列代码|该代码|このコード"
    r"|\bwhat\s+(?:does|will|would)\s+(?:this|it)\s+(?:print|output|return|log|display|evaluate\s+to)\b"
    r"|\bwhat\s+is\s+(?:the\s+)?(?:output|result)\b(?!\s+of\s+(?!this\b))"
)
"""Words of a question that point at the code shown right above it (not ``this code of conduct``), or
ask what it does (``What does this print?``, ``What is the output?``)."""
_ASKS_OF_A_LINE = regex(
    r"(?i)\bwhat\s+(?:does|will|would)\s+the\s+(?:first|second|third|fourth|last|final|next)\s+\w+"
    r"\s+(?:print|output|return|log|display|evaluate\s+to)\b"
)
"""Words of a question asking what one line of the code above does (``What does the second call
return?``)."""
_POINTS_AT_PICTURE = regex(
    r"(?i)\b(?:diagram|figure|image|picture|photo|graph|chart|map|exhibit|illustration|drawing|x-ray|scan)s?"
    r"\s+(?:above|shown)\b|\b(?:this|the\s+above)\s+(?:diagram|figure|image|picture|photo|graph|chart|map"
    r"|exhibit|illustration|drawing|x-ray|scan)\b|\blabell?ed\s+(?:\*\*|__)?[A-Z0-9](?:\*\*|__)?(?!\w)"
)
"""Words of a question that point at the picture shown right above it (``in the diagram above``, ``this
X-ray``, ``labelled **A**``)."""


def _heading_over_separator(ctx: Context, siblings: Sequence[Node]) -> tuple[int, _Pair] | None:
    """A heading that asks right over a ``?`` (or ``??``) line and the answer under that line: a card
    whose question is the heading, as Obsidian's spaced repetition reads one; how many blocks after
    the heading it used."""
    heading, below = siblings[0], siblings[1] if len(siblings) > 1 else None
    if below is None or below.type != "paragraph" or ctx.is_claimed(below):
        return None
    if not heading_text(heading).endswith("?"):
        return None  # `## VPC basics` over a `?` line: a section, the `?` a stray
    separator, _, back = below.children[0].content.partition("\n")
    if separator.strip() not in _SEPARATORS:
        return None
    back, used = back.strip(), 1
    following = siblings[2] if len(siblings) > 2 else None
    if following is not None and following.type != "heading" and (not back or _runs_on(below, following)):
        back, used = "\n".join(part for part in (back, ctx.doc.source(following)) if part), 2
    if not back:
        return None
    ctx.claim(heading, *siblings[1 : used + 1])
    return used, _Pair(heading_text(heading), back, reversible=separator.strip() == "??")


_BREAK_BEFORE_A = regex(r"(?i)[ \t]*<br\s*/?>[ \t]*(?=(?:\*\*|__)?A(?:nswer)?(?:\*\*|__)?\s*[:.])")
"""A ``<br>`` before an answer's label (``Q: …<br>A: …``, as exports write a line break): the answer's
line of its own."""


def _paragraph(ctx: Context, node: Node, below: Sequence[Node]) -> tuple[int, list[_Pair | _Missing]]:
    """Pairs (or what is missing) of one paragraph, and how many of the blocks ``below`` it they used."""
    following = below[0] if below else None
    lines = node.children[0].content.split("\n")
    if "<" in node.children[0].content:  # `Q: …<br>A: …`: most paragraphs hold no tag
        lines = [part for line in lines for part in _BREAK_BEFORE_A.split(line)]
    if lines[0].startswith(("*", "_")):  # `*Q: …?*` over `*A: …*`, `*Q:* …?` over `*A:* …`: in italics
        lines = [_unitalicised(line) for line in lines]
    if len(lines) > 1 and all(line.startswith("| ") and not line.endswith("|") for line in lines):
        lines = [line[2:] for line in lines]  # a Pandoc line block (`| ` keeps each line's break), no table
    if _ends_tagged(lines[0]) and _TAGS.sub("", lines[0]).strip().rstrip(":").lower() not in _TAG_LABELS:
        return _tagged_lines(ctx, node, lines, following)  # `What is a VPC? #card`, the answer under it
    stripped = [line.strip() for line in lines]
    for index, line in enumerate(stripped):
        if line in _SEPARATORS:
            opening = _opens_file(ctx, node)
            above = [
                _inline_pair(text, number, opening, in_a_deck=ctx.in_a_deck)
                for number, text in enumerate(lines[:index])
            ]
            start = max((number + 1 for number, pair in enumerate(above) if pair is not None), default=0)
            front = "\n".join(lines[start:index]).strip()  # `Front::Back` lines above are cards of their own
            back = "\n".join(lines[index + 1 :]).strip()
            back = _after_answer_label(back, numbered=False) or back  # `**Answer:**` over the answer
            found: list[_Pair | _Missing] = [pair for pair in above if isinstance(pair, _Pair | _Missing)]
            later = [number for number in range(index + 1, len(lines)) if stripped[number] in _SEPARATORS]
            if later:  # two cards without a blank line between: where the first one's answer ends is lost
                message = "another `?` line in this flashcard's answer: leave a blank line between cards"
                found.append(_Missing(message, later[0]))
            used = 0
            if (
                following is not None
                and following.type != "heading"
                and (not back or _runs_on(node, following))
            ):
                # the answer below the `?`, or a list that goes on with it (no blank line between)
                back, used = "\n".join(part for part in (back, ctx.doc.source(following)) if part), 1
                ctx.claim(following)
            ctx.claim(node)
            if not front or not back:
                missing = "its question above" if not front else "its answer below"
                message = f"flashcard `{line}` line without {missing}: write both sides"
                return used, [*found, _Missing(message, index)]
            return used, [*found, _Pair(front, back, reversible=line == "??", line=start)]
    marker = len(stripped) - len(_past_marker(stripped))  # `> [!note]` over `> Q: …`
    first_below = (
        following.children[0].content if following is not None and following.type == "paragraph" else ""
    )
    if _opens_q_and_a(
        stripped[marker:], bank=ctx.numbered_labels, below=first_below.partition("\n")[0]
    ) or _front_over_back(stripped[marker:], following):
        return _questions_and_answers(ctx, node, [""] * marker + lines[marker:], below)
    if _front_without_back(ctx, stripped[marker:], first_below.partition("\n")[0]):
        ctx.claim(node)
        return 0, [_Missing(_NO_BACK, marker)]
    phrasebook = len(stripped) > 1 and titles_phrases(ctx, ctx.doc.blocks[node.top].section)
    if len(stripped) == 1 and (rows := _rows_on_one_line(stripped[0])):
        ctx.claim(node)  # `Anomie<tab>a breakdown of norms;Deviance<tab>…`: a Quizlet set on one line
        return 0, rows
    if rows := _pairs_by_line(stripped, phrasebook=phrasebook):
        ctx.claim(node)  # `State Ohm's law<tab>V = IR`, `Ho fame. = I am hungry.`: a card per line
        return 0, rows
    if split_term(node.children[0]) is not None:
        return 0, []  # `**Term:** …` is a card of the cards rule, whatever follows it
    remnoted = remnote_card(stripped[0]) if len(stripped) == 1 and ctx.remnote else None
    if remnoted is not None and remnoted["answer"]:
        remnoted = None  # `Magma >> Molten rock …`: a card on its line, read below
    if remnoted is None and len(stripped) == 1 and ctx.remnote:
        remnoted = _CONCEPT_OVER_LIST.fullmatch(stripped[0])  # `Caldera ::` over its bullets
    if remnoted is not None and following is not None and following.type in LISTS:
        ctx.claim(node, following)  # RemNote's `Gram-positive cocci >>` over the bullets that answer it
        if remnoted.groupdict().get("way") == ">>A)":
            return 1, [_Missing(_REMNOTE_CHOICES)]
        return 1, [_Pair(remnoted["front"].strip(), _bullets_answer(ctx, following))]
    if remnoted is not None and remnoted.groupdict().get("way"):  # `Pumice >>`, nothing after it or below
        ctx.claim(node)
        return 0, [_Missing(_REMNOTE_UNANSWERED.format(card=stripped[0].strip()))]
    asked = (
        _ASKED_OVER_LIST.fullmatch(stripped[0])
        if len(stripped) == 1 and _ends_in_a_separator(stripped[0])
        else None
    )
    if (
        asked is not None
        and following is not None
        and following.type in LISTS
        and not ctx.is_claimed(following)
    ):
        ctx.claim(
            node, following
        )  # `What shape is a barchan? ;;` (or `::`, `>>`) over the bullets that answer
        return 1, [_Pair(asked["front"], _bullets_answer(ctx, following))]
    block = ctx.doc.blocks[node.top]
    quiz = _titles_a_quiz((ctx.doc.part, *block.section))
    pointed = _judged_in_the_titles_words(stripped, (ctx.doc.part, *block.section))
    pointed = pointed or _pointed_answers(stripped)
    pointed = pointed or _answered_on_the_line(stripped, remnote=ctx.remnote, quiz=quiz)
    reviewed = id(block.heading) in ctx.answered_below_lines or _names_questions(ctx, block.section)
    if not pointed and len(stripped) == 2 and block.node is node and reviewed:
        pointed = _answered_below(stripped)  # a list's items are `_asked_over_answer`'s
    if pointed:
        ctx.claim(node)
        return 0, pointed
    answer = _one_line_below(ctx, following) if len(stripped) == 1 and block.node is node else None
    if answer is not None and following is not None and _names_questions(ctx, block.section):
        pointed = _answered_below([stripped[0], answer])  # the same, a blank line between them
        if pointed:
            ctx.claim(node, following)
            return 1, pointed
    if stripped[0].startswith("#separator:"):
        return 0, []  # an Anki export's notes, its tags `aws::storage`: the cards rule's
    if stripped[0] in _SETTINGS:
        return 0, []  # `TARGET DECK` over `Biology::Cells`: where a plugin files the notes, no card
    if (open_ended := _open_ended(stripped)) is not None:
        ctx.claim(node)  # `What does … relate?::` over the answer's lines
        return 0, [open_ended]
    if "::" not in node.children[0].content:
        return 0, []  # no line holds a `::` (splitting and unitalicising lines joins none): no inline pair
    opening = _opens_file(ctx, node)
    tagged = _TAG_LINES.match(node.children[0].content)  # `#Q` (Aosr's) or `#flashcards` over the lines
    paired = stripped[tagged[0].count("\n") :] if tagged else stripped
    listed = len(paired) > 1 and all(map(_WORD_PAIR.fullmatch, paired))
    longer = any(" " in line.partition("::")[0] for line in stripped)  # names of words, not of code
    among = longer and len(stripped) > 1 and all(map(_TIGHT_LINE.fullmatch, stripped))
    pairs: list[_Pair | _Missing | _Field] = [
        pair
        for number, line in enumerate(lines)
        if not _DECK_LINE.match(line)
        and (
            pair := _inline_pair(
                line, number, opening, in_a_deck=ctx.in_a_deck, words_listed=listed, among_cards=among
            )
        )
        is not None
    ]
    if pairs:
        ctx.claim(node)
    return 0, [pair for pair in pairs if not isinstance(pair, _Field)]


def _opens_q_and_a(lines: list[str], *, bank: bool, below: str = "") -> bool:
    """``Q: …`` over its ``A: …``; ``**Question 2:** Why …?`` only with an answer's line below it in
    its paragraph, or its answer after it on its line (over prose, it is an interview's question to
    think about, not a card), and asking or saying what to do, unless the file is a bank of such lines
    (``bank``: a Turkish bank's ``**7. Soru:** …`` saying what to do over ``**Cevap:** …``, where
    minutes write ``**1. Question:** raised by Bob`` once or twice)."""
    asked = _question_line(lines[0])
    if asked is None:
        return False
    inline = _answered_on_its_line(asked["text"]) is not None  # `Q1: …? A1: …` on one line
    if _PLAIN_NUMBERED_Q.match(lines[0]):  # `Q1. …`: a board's agenda as often, a card over its `A1.` only
        return inline or any(_ANSWER.match(line) for line in [*lines[1:], below])
    if _NUMBERED_QUESTION.match(lines[0]) is None:
        return True
    words = asked["text"]
    answered = inline or any(_ANSWER.match(line) for line in lines[1:])
    return answered and (bank or _asks(unbolded(words)) or instructs(words))


def numbered_label(line: str) -> bool:
    """A line opening with a question's label and its number in bold (``**Question 2:**``, ``**7.
    Soru:**``). Asked of every line: the pattern (1.7 ms to compile) is only tried where it may match."""
    return line.startswith(("**", "__")) and _NUMBERED_QUESTION.match(line) is not None


_NUMBERED_QUESTION = regex(rf"(?:\*\*|__){_NUMBERED}")
_PLAIN_NUMBERED_Q = regex(rf"(?:Q|(?i:{QUESTION})[ \t]*)\d+[.:]\s")
"""``Q1.`` (``Question 7:``) with no bold: a flashcard's question over its ``A1.`` line, an agenda's item
elsewhere."""


def _pointed_answers(lines: list[str]) -> list[_Pair | _Missing]:
    """``What is Amazon SQS?`` over ``👉 A managed message queue.`` (or ``➡️``, ``→``): each question
    line answered by the line under it that an arrow points to; none unless every line of the
    paragraph is one of such pairs."""
    if len(lines) % 2:
        return []
    pairs: list[_Pair | _Missing] = []
    for number in range(0, len(lines), 2):
        asked, answer = lines[number], _POINTED.match(lines[number + 1])
        if not asked.endswith("?") or len(asked.split()) < _ASKING_WORDS or answer is None:
            return []
        pairs.append(_Pair(_unnumbered(asked), answer["text"], line=number))
    return pairs


def _judged_in_the_titles_words(lines: list[str], titles: tuple[str, ...]) -> list[_Pair | _Missing]:
    """Statements judged under a title that names its two verdicts (``## True or false?``, ``## Richtig
    oder falsch?``, ``## Benar atau Salah``, ``# Vero o falso``), each line marked with
    one of them or its initial, after it or before it (``… - falsch``, ``… (D)``, ``( V ) …``, ``… **F**``,
    ``… → Vrai``): a card each, asked and answered in the title's words. None unless every line is so;
    a lone ``(V)`` in prose (a roman five) or ``(B)`` (a reference) under another title is no verdict.
    An English title's cards ask ``True or false: …``, as the other rules word them."""
    title = next((title for title in reversed(titles) if title), "")
    short = 0 < len(title) <= _VERDICT_TITLE_CHARS  # (and the patterns below tried on short text alone)
    named = _NAMES_VERDICTS.fullmatch(plain(title).strip()) if short else None
    if named is None or not lines:
        return []
    if (named["true"].casefold(), named["false"].casefold()) not in _VERDICT_PAIRS:
        return []  # `## Pros / Cons`, `## Input or output`: no verdicts
    verdicts = (named["true"], named["false"])
    pairs: list[_Pair | _Missing] = []
    for number, line in enumerate(lines):
        marked = _MARKED_VERDICT.fullmatch(line.strip()) if len(line) <= _STATEMENT_CHARS else None
        verdict = _verdict_named(marked, verdicts) if marked else None
        if marked is None or verdict is None:
            return []
        statement = _STATEMENT_LETTER.sub("", (marked["after"] or marked["before"]).strip(), count=1)
        worded = (
            TO_JUDGE if _ENGLISH_JUDGE.match(title) else f"{plain(title).rstrip().rstrip('?:!.').rstrip()}: "
        )
        asked = f"{worded}{_JUDGE_LABEL.sub('', statement, count=1)}"  # `Vrai ou faux ?`
        pairs.append(_Pair(asked, verdict[:1].upper() + verdict[1:], line=number, key=statement))
    return pairs


def judged_in_the_titles_words(lines: Sequence[str], titles: tuple[str, ...]) -> bool:
    """Whether every line is a statement judged in the words its title names (``## Đúng hay Sai?`` over
    ``a) … → Đúng``): lettered, such lines are true-or-false cards, not options."""
    return bool(_judged_in_the_titles_words([line.strip() for line in lines], titles))


def _judged_below(paragraph: Node, section: tuple[str, ...]) -> bool:
    """Whether ``paragraph`` holds statements each judged in the words of its section's title."""
    return judged_in_the_titles_words(paragraph.children[0].content.split("\n"), section)


_JUDGE_LABEL = regex(rf"(?i)\A{_TRUE_OR_FALSE}\s*[:?]\s*")
"""A statement's own label asking to judge it (``True or False: …``), which its card's front has already."""
_STATEMENT_LETTER = regex(r"\A(?:\(?[A-Za-z]\)|[a-z]\.)[ \t]+")
"""A letter opening a statement to judge (``a) …``, ``(b) …``, ``c. …``): its place in the list, not
its words."""


def _verdict_named(marked: re.Match[str], verdicts: tuple[str, str]) -> str | None:
    """The title's verdict a line's mark names: the word itself, or its initial alone (``F``, ``D``)."""
    mark = next(group for group in marked.group("m1", "m2", "m3", "m4") if group).casefold()
    named = [word for word in verdicts if mark in (word.casefold(), word[:1].casefold())]
    return named[0] if len(named) == 1 else None


_VERDICT_PAIRS = frozenset(
    (true, false)
    for trues, falses in (
        ("verdadero verdadeiro vero vrai", "falso falsa faux"),
        ("richtig wahr", "falsch"),
        ("do\u011fru", "yanl\u0131\u015f"),
        ("benar", "salah"),
        ("juist waar", "onjuist onwaar"),
        ("सही", "गलत"),
        ("prawda", "fałsz"),
        ("đúng", "sai"),
        ("v d b p", "f y s"),
        ("true t", "false f"),
    )
    for true in trues.split()
    for false in falses.split()
)
"""The words (or their initials, as ``V/F``, ``D/Y``, ``B/S`` titles write them) that a title over
statements to judge names its two verdicts with, in Spanish, Portuguese, Italian, French, German,
Turkish, Indonesian, Dutch, Hindi, Polish, Vietnamese and English."""
_VERDICT_WORD = r"[^\s()\[\]*_/\d.,;:!?\u2013\u2014>-]+"
_VERDICT_TITLE_CHARS = 60
"""A title naming two verdicts is a few words (``Richtig oder falsch?``)."""
_STATEMENT_CHARS = 500
"""A statement to judge is a sentence or two; a longer line is prose (and its mark is looked for in
time that grows with the square of the line's length)."""
_NAMES_VERDICTS = regex(
    rf"[^\w(]*(?P<true>{_VERDICT_WORD})\s*(?:/|\s(?i:or|o|ou|oder|atau|czy|hay|of|e|или|या|veya)\s)\s*"
    rf"(?P<false>{_VERDICT_WORD})\s*[?:!.]?"
)
"""A title naming the two verdicts of the statements below it (``Verdadero o falso``, ``Juist of
onjuist``, ``सही/गलत``): the first true, the second false."""
_MARKED_VERDICT = regex(
    rf"(?P<after>\S.*?)\s*(?:\((?P<m1>{_VERDICT_WORD})\)[.!]?|(?:[\u2013\u2014\u2192-]|->)\s*(?P<m2>{_VERDICT_WORD})"
    rf"|(?:\*\*|__)(?P<m3>{_VERDICT_WORD})(?:\*\*|__))"
    rf"|[(\[]\s*(?P<m4>{_VERDICT_WORD})\s*[)\]]\s*(?P<before>\S.*)"
)
"""A statement and its verdict's mark: in brackets, after a dash or an arrow, or in bold after it, or in
brackets before it (``( V ) Tiradentes …``)."""


def _answered_on_the_line(lines: list[str], *, remnote: bool, quiz: bool) -> list[_Pair | _Missing]:
    """Lines each asking and answering on the line itself, as quiz sheets write them: a blank to fill
    and its answer in brackets (``The capital of Canada is ______. (Ottawa)``), a statement judged
    (``The SA node is the heart's pacemaker. (T)``), a question over a spoiler (``What is the capital
    of Australia? >!Canberra!<``, ``||Canberra||``), or two lines or more of ``word;translation`` (a
    spreadsheet's rows; ``word,translation`` as Quizlet exports them) or ``question;;answer``
    (RemNote's), in a file of RemNote's cards ``Metformin >> First-line drug …`` (``<<``, ``<>``,
    ``;;``); none unless every line of the paragraph is one."""
    pairs: list[_Pair | _Missing] = []
    for number, line in enumerate(lines):
        found = _answered_by_itself(line)
        if (
            found is not None
            and found.re.pattern != _SPOILED.pattern
            and not _answers_the_line(found, quiz=quiz or _FILL_IN.match(line) is not None)
        ):
            if not _bare_word_after_blank(found):
                return []
            pairs.append(_Missing(_BARE_WORD.format(word=found["answer"].strip()), number))
            continue
        found = found or (remnote_card(line) if remnote else None)
        if found is not None and found.re.pattern == _REMNOTE.pattern and not found["answer"]:
            return []
        rows = len(lines) > 1 and not _COMMANDS.search(line)
        found = found or (_SEMICOLONED.fullmatch(line) if rows else None)
        found = found or (_QUOTED_ROW.fullmatch(line.strip()) or _comma_row(line) if rows else None)
        found = found or (remnote_descriptor(line) if rows or remnote else None)
        if found is None:
            return []
        said = found.groupdict()
        answer = _LABELLED.sub("", spoiled(found) if found.re.pattern == _SPOILED.pattern else _said(said))
        if found.re.pattern == _JUDGED_BY.pattern:  # `T/F: …` before it says the same
            statement = _JUDGE.sub("", found["front"]).lstrip(" :)]?*_")
            reason = said["why"] or said["reason"] or said["explained"]
            why = f" \u2014 {reason.strip()}" if reason else ""
            asked, answer = f"{TO_JUDGE}{statement}", ("True" if answer[0] in "Tt" else "False") + why
        elif said.get("way") == "<<":  # `the answer << the question`
            asked, answer = answer, found["front"]
        elif found.re.pattern == _QUOTED_ROW.pattern:  # `"Say ""hi""","Greet"`: a doubled quote is one
            asked, answer = found["front"].replace('""', '"'), answer.replace('""', '"')
        else:
            asked = _FILL_IN.sub("", found["front"], count=1)  # `Fill in the blank: …`: no words of it
            asked += said.get("stop") or ""  # `… é _____ (Brasília).`: the stop ends the front
        both = said.get("way") == "<>"
        pairs.append(_Pair(_unnumbered(asked.strip()), answer.strip(), reversible=both, line=number))
    return pairs


def _pairs_by_line(lines: list[str], *, phrasebook: bool = False) -> list[_Pair | _Missing]:
    """Lines that each pair a front with its back in a form prose does not take, a card each; none
    unless every line is one. Two lines or more of: an export's rows parted by tabs (Anki's and
    Quizlet's plain text; under a ``#separator:tab`` header, the cards rule's), split at the tabs only,
    whatever a back holds (``V = IR``, ``5' → 3'``); a sentence and its translation (``Ho fame. = I am
    hungry.``), or by a spaced dash or slash after its stop (``Ich habe Hunger. — I am hungry.``), under a
    phrasebook's title or where the sides are in other scripts or share no word (``_translating``: a
    poem's or a diary's sentences in one language are no cards); a clue in bold pointing to its answer
    (``**Antidote for heparin** → protamine``). And,
    even alone, a false friend (``**librairie** ≠ library → *bookshop*``): the word, its meaning, and
    what it does not mean; and a phrase line alone whose translation ends as its sentence does. A false
    friend with no meaning, or a phrase line alone whose translation ends otherwise, is a warning."""
    tabs = [_tab_row] if any("\t" in line and _TERM_SIGN.search(line) for line in lines) else []
    alone = (_false_friend, _lone_phrase_row)
    readers = (_false_friend, *tabs, _phrase_row, _clue_row, _sentence_row) if len(lines) > 1 else alone
    pairs: list[_Pair | _Missing] = []
    apart: list[_Pair] = []  # sentence rows, read by `_sentence_row` alone
    for number, line in enumerate(lines):
        found = ((reader, pair) for reader in readers if (pair := reader(line)) is not None)
        read, pair = next(found, (None, None))
        missing = _unmeant_false_friend(line) or (_unended_phrase(line) if len(lines) == 1 else None)
        if pair is None and missing is None:
            return []
        if pair is not None and read is _sentence_row:
            apart.append(pair)
        pairs.append(replace(pair, line=number) if pair is not None else _Missing(missing or "", number))
    return pairs if not apart or phrasebook or _translating(apart) else []


def _rows_on_one_line(line: str) -> list[_Pair | _Missing]:
    """A Quizlet set exported with ``;`` between its rows, all on one line (``Anomie<tab>a breakdown
    of norms;Deviance<tab>behaviour that …``): a card per row, each row's term parted from its
    definition by a tab, by a comma with no space after it (``hola,hello``) or by a spaced dash. None
    unless every row is so parted the same way, and two rows (three parted by a comma or a dash, as a
    list's items may be) or more; none where a ``;`` has a space after it, as prose's (and a table's
    pasted cells) have, and a Quizlet row's never does."""
    if "; " in line:
        return []
    rows = [row for row in line.split(";") if row.strip()]
    for separator, least in _ROW_PARTS:
        if len(rows) < least:
            continue
        sides = [row.partition(separator) for row in rows]
        if all(
            sep and _has_a_letter(term) and _has_a_letter(back) and back[:1] != " "
            for term, sep, back in sides
        ):
            return [_Pair(term.strip(), back.strip()) for term, _, back in sides]
    return []


def _has_a_letter(side: str) -> bool:
    """Whether a side of a row holds a word (``3,4`` is a pair of numbers, no card)."""
    return any(character.isalpha() for character in side)


_ROW_PARTS = (("\t", 2), (",", 3), (" - ", 3), (" \u2013 ", 3))
"""What may part a term from its definition in a Quizlet export's row, and the fewest rows read so."""


def _tab_row(line: str) -> _Pair | None:
    """A row's first field is its front; fields after the second go on its back, readable
    (``être<tab>to be<tab>irregular``: ``to be — irregular``), as the cards rule reads them."""
    fields = [field.strip() for field in TABS.split(line)]
    return _Pair(fields[0], " \u2014 ".join(fields[1:])) if len(fields) > 1 and all(fields) else None


def _phrase_row(line: str) -> _Pair | None:
    found = _PHRASE_ROW.fullmatch(line)
    return _Pair(found["front"].strip(), found["back"].strip()) if found else None


def _sentence_row(line: str) -> _Pair | None:
    """A sentence and its translation parted by a spaced dash or slash (``Ich habe Hunger. — I am
    hungry.``), maybe its transcription between them (``我是学生。 / Wǒ shì xuésheng. / I am a student.``,
    both on the back), each side a sentence as the others are (``_sentences_alike``): a phrasebook's
    line, where prose's dash goes on with a remark (``Woke up late. — again``)."""
    sides = [side.strip() for side in _SENTENCES_APART.split(line)]
    if not 2 <= len(sides) <= _SENTENCE_SIDES or not _sentences_alike(sides):
        return None
    return _Pair(sides[0], " \u2014 ".join(sides[1:]))


def _translating(rows: Sequence[_Pair]) -> bool:
    """Whether sentence rows translate: each front in other scripts than its back (``我是学生。 / I am a
    student.``), or no word of any front on any back, as two languages' sentences share none, where
    one language's (a poem's lines, a diary's) share ``the``, ``and``, ``I``."""
    if all(not _scripts(row.front) & _scripts(row.back) for row in rows):
        return True
    fronts = {word for row in rows for word in _WORDS.findall(row.front.casefold())}
    return not fronts & {word for row in rows for word in _WORDS.findall(row.back.casefold())}


def _scripts(text: str) -> set[str]:
    """The scripts of the letters of ``text`` (``LATIN``, ``CJK``, ``CYRILLIC``), by their Unicode names."""
    return {unicodedata.name(char, "").partition(" ")[0] for char in text if char.isalpha()}


_WORDS = regex(r"[^\W\d_]+")
_SENTENCES_APART = regex(r"(?<=[.!?\u2026\u3002\uff1f\uff01])[ \t]+[-\u2013\u2014/][ \t]+")
"""A spaced dash or slash right after a sentence's stop: where a phrase line's sentence ends."""
_SENTENCE_SIDES = 3
_FULL_WIDTH_STOPS = str.maketrans("\u3002\uff1f\uff01", ".?!")


def _sentences_alike(sides: Sequence[str]) -> bool:
    """Whether every side ends with the same stop (``。`` is ``.``) and, where it opens with a letter
    that has a case, opens in the same case: sentences translating one another."""
    stops = {side[-1:].translate(_FULL_WIDTH_STOPS) for side in sides}
    cased = [side for side in sides if (letter := _first_letter(side)) and letter.lower() != letter.upper()]
    cases = {_opens_capitalised(side) for side in cased}
    return len(stops) == 1 and stops <= set(".!?\u2026") and len(cases) <= 1


def _first_letter(text: str) -> str:
    """The first letter of ``text`` (any script), or nothing."""
    return next((char for char in text if char.isalpha()), "")


def _lone_phrase_row(line: str) -> _Pair | None:
    """A phrase line alone (``Ich habe Hunger. = I am hungry.``): a card where its translation is a
    sentence as its own is (``_translated_alike``); a sentence ``=`` words written otherwise
    (``Energy is conserved. = a law``) may be prose."""
    pair = _phrase_row(line)
    return pair if pair is not None and _translated_alike(pair) else None


def _translated_alike(pair: _Pair) -> bool:
    """Whether a phrase line's translation opens in its sentence's case and ends with its stop."""
    return pair.back[-1:] == pair.front[-1:] and _opens_capitalised(pair.front) == _opens_capitalised(
        pair.back
    )


def _opens_capitalised(text: str) -> bool:
    """Whether the first letter of ``text`` is a capital."""
    letter = next((char for char in text if char.isalpha()), "")
    return letter.isupper()


def _unended_phrase(line: str) -> str | None:
    """A phrase line alone whose translation is not a sentence as its own is: no card (prose may say
    ``Done. = finished``), told, the way to make it one."""
    pair = _phrase_row(line)
    if pair is None or _translated_alike(pair):
        return None
    return _UNENDED_PHRASE.format(line=line.strip(), stop=pair.front[-1])


_UNENDED_PHRASE = (
    "phrase line `{line}` alone, its translation not written as its sentence is: open it in the same "
    "case and end it with `{stop}` for a card, or write it among other phrase lines"
)


def _unmeant_false_friend(line: str) -> str | None:
    """A false friend with no arrow to its meaning (``**éxito** ≠ exit``): no card (it has no answer to
    ask for), told, the way to write one; not an inequality (``**x** ≠ 0``, ``a ≠ b``)."""
    found = _ARROWLESS_FALSE_FRIEND.fullmatch(line) if "\u2260" in line else None
    if found is None or _false_friend(line) is not None:
        return None
    return _UNMEANT_FALSE_FRIEND.format(line=line.strip())


_ARROWLESS_FALSE_FRIEND = regex(
    r"(?P<mark>\*\*|__)[^\W\d_][^*_\n\u2260]*[^\W\d_\s](?P=mark)[ \t]*+\u2260[ \t]*+"
    r"[^\W\d_][^\W\d_ '\u2019-]*(?:[ \t][^\W\d_][^\W\d_'\u2019-]*){0,3}"
)
"""A word in bold of two letters or more, ``≠`` and a few words (``**éxito** ≠ exit``): a false friend
whose meaning is not written."""
_UNMEANT_FALSE_FRIEND = (
    "false friend `{line}` without its meaning: write `→ *what it means*` after it for a card"
)


def _clue_row(line: str) -> _Pair | None:
    found = _CLUE_ROW.fullmatch(line)
    if found is None or _ROW_ARROW.search(found["back"]):
        return None  # `**Glucose** → pyruvate → acetyl-CoA`: a pathway's steps, no clue and its answer
    return _Pair(found["front"].strip(), found["back"].strip())


def _false_friend(line: str) -> _Pair | None:
    found = _FALSE_FRIEND.fullmatch(line) if "\u2260" in line else None
    if found is None or _ROW_ARROW.search(found["back"]):
        return None
    back = found["back"].strip()
    italic = WHOLLY_ITALIC.fullmatch(back)
    meaning = italic["inner"] if italic else back
    return _Pair(found["front"].strip(), f"{meaning} (not: {found['unlike'].strip()})")


_TERM_SIGN = regex(r"=|->|\u2192|\u21d2|\u2013|\u2014|\s-\s")
"""A sign the cards rule reads as a term's separator: beside a tab (``V = IR``, ``5' → 3'``) it reads no
such line, so those rows are split at their tabs here; others stay the cards rule's (it knows a
spreadsheet's header row)."""
_PHRASE_ROW = regex(
    r"(?P<front>(?=[^=\n]*[^\W\d_])[^=\n]*[.!?\u2026])[ \t]++=[ \t]++(?P<back>(?=[^=\n]*[^\W\d_])[^=\n]*+)"
)
"""A sentence, ended by its stop, ``=`` its translation: a phrasebook's line, where a formula's left side
(``F = ma``) ends with no stop. Each side's letter is looked ahead for, once: found by backtracking,
every letter of a long line with no ``=`` was tried against every later character (8,000 took 0.4 s)."""
_ROW_ARROW = regex(r"->|=>|\u2192|\u21d2|\u279c|\u2794|\u27f6")
_CLUE_ROW = regex(
    rf"(?P<mark>\*\*|__)(?P<front>[^*_\n]+?)(?P=mark)[ \t]*(?:{_ROW_ARROW.pattern})[ \t]*(?P<back>\S[^\n]*)"
)
"""``**Clue** → its answer``: the clue wholly in bold, at the line's start."""
_FALSE_FRIEND = regex(
    r"(?P<mark>\*\*|__)?(?P<front>[^\n\u2260*]*?[^\s\u2260*])(?(mark)(?P=mark))[ \t]*+\u2260"
    rf"[ \t]*+(?P<unlike>[^\n\u2260]*?[^\s\u2260])[ \t]*+(?:{_ROW_ARROW.pattern})[ \t]*+(?P<back>\S[^\n]*)"
)
"""``**word** ≠ what it looks like → what it means``, as lists of false friends write them. Each side
ends at a letter, the spaces after it read once (a run of them on both sides of ``≠`` was cut every
way: 1,600 spaces took six seconds)."""


def _answered_by_itself(line: str) -> re.Match[str] | None:
    """The first of ``_FILLED``, ``_FILLED_AFTER``, ``_JUDGED_BY`` and ``_SPOILED`` that the whole line
    is, each tried only where the line holds what that pattern cannot do without."""
    if "___" in line:  # both blanks' patterns hold `_{3,}`
        found = _FILLED.fullmatch(line) or _FILLED_AFTER.fullmatch(line)
        if found is not None:
            return found
    if ("." in line or "!" in line) and any(mark in line for mark in _VERDICT_MARKS):
        found = _JUDGED_BY.fullmatch(line)
        if found is not None:
            return found
    if "?" in line and ("!<" in line or "||" in line):  # `…? >!spoiler!<`, `…? ||spoiler||`
        return _SPOILED.fullmatch(line)
    return None


_VERDICT_MARKS = ("(", "-", "\u2014", "\u2013", ":", "**")
"""What ``_JUDGED_BY`` needs after its statement's full stop: a verdict's bracket, dash, label's colon or
bold."""


_CARD_FENCES = frozenset({"flashcard", "flashcards"})
"""The code blocks that hold cards, as a plugin shows them in place (```` ```flashcard ````)."""
_CARD_BREAK = regex(r"-{3,}[ \t]*")
"""A ``---`` line between two cards of one such block."""


@dataclass(frozen=True, slots=True)
class _Cloze:
    """A cloze of a block of cards: its text in Anki's syntax, and its line's offset from the fence's."""

    text: str
    line: int = 0


def _fenced_cards(fence: Node) -> list[_Pair | _Missing | _Cloze]:
    """The cards of a block of them (```` ```flashcard ````): each part between ``---`` lines a
    ``Q: …`` over its ``A: …`` (either may go on over more lines), or a sentence hiding words in
    ``{{…}}``; a part that is neither, or a question with no answer, is a warning at its line."""
    lines = fence.content.split("\n")
    breaks = [at for at, line in enumerate(lines) if _CARD_BREAK.fullmatch(line.strip())]
    found: list[_Pair | _Missing | _Cloze] = []
    for start, end in itertools.pairwise([-1, *breaks, len(lines)]):
        part = lines[start + 1 : end]
        first = next((at for at, line in enumerate(part) if line.strip()), None)
        if first is not None:
            found.append(_fenced_card(part[first:], start + 2 + first))
    return found


def _fenced_card(lines: list[str], line: int) -> _Pair | _Missing | _Cloze:
    """One card of a block of them, ``line`` its first line's offset from the fence's."""
    asked = _question_line(lines[0].strip())
    answer = next((at for at, text in enumerate(lines) if at and _ANSWER.match(text.strip())), None)
    if asked is not None and answer is not None:
        answered = _ANSWER.match(lines[answer].strip())
        front = "\n".join([asked["text"], *lines[1:answer]]).strip()
        back = "\n".join([answered["text"] if answered else "", *lines[answer + 1 :]]).strip()
        if front and back:
            return _Pair(unbolded(front), unbolded(back), line=line)
    text = "\n".join(lines).strip()
    if asked is None and cloze_syntax.braces_numbered(text) != text:
        return _Cloze(cloze_syntax.braces_numbered(text), line)
    what = "`Q:` without an `A:` line" if asked is not None else "part holding no `Q:` and no `{{…}}`"
    return _Missing(f"flashcard block's {what}: write `Q: …` over `A: …`, or hide words in `{{{{…}}}}`", line)


def _fenced_cloze(ctx: Context, section: tuple[str, ...], fence: Node, cloze: _Cloze) -> Item | Problem:
    """A cloze of a block of cards, at its own line."""
    fields = ctx.common("cloze", cloze_syntax.revealed(cloze.text), fence, section)
    fields = replace(fields, source=replace(fields.source, line=fields.source.line + cloze.line))
    return ctx.build(fence, lambda: fields.cloze(text=cloze.text, extra=""))


def _judged(pair: _Pair) -> _Pair:
    """A statement to judge marked so, before its words or after them (``[T/F] Mitochondria have
    DNA.``, ``… have DNA. True / False``), asked as the cards ask one, with no marker, its ``T`` or
    ``F`` answer in words; its id as before it was reworded, so a card already sent keeps its place.
    One that asks in words as it opens (``True or false: …``, ``Vrai ou faux : …``) keeps them."""
    opening = _JUDGE.match(pair.front)
    after = _JUDGED_AFTER.search(pair.front)
    if opening is None and after is None:
        return pair
    verdict = _VERDICT_LETTER.fullmatch(pair.back.strip())
    back = _in_words(verdict) if verdict else pair.back
    if opening is not None and not _judge_label(pair.front, opening):
        return replace(pair, back=back)  # asked in words, as the author wrote it
    if opening is not None:
        statement = pair.front[opening.end() :].lstrip(" :)]?*_").strip()
    else:
        statement = pair.front[: after.start() + 1].strip() if after else ""  # its full stop kept
    if not statement:
        return pair  # `True/False` alone titles the statements below
    worded = opening is not None and "/" not in opening[0] and not _ENGLISH_JUDGE.match(opening[0])
    asked = f"{plain(opening[0]).strip(' :?')}: " if worded and opening is not None else TO_JUDGE
    return replace(pair, front=f"{asked}{statement}", back=back, key=pair.key or pair.front)


_ENGLISH_JUDGE = regex(r"(?i)[^\w]*(?:true|t\s*/)")
"""An English label asking to judge (``True or False?``), worded ``True or false:`` as the other rules word
one (as is one with a slash: ``T/F``, ``V/F``); another language's keeps its words (``Vrai ou faux``)."""


def _judge_label(front: str, opening: re.Match[str]) -> bool:
    """Whether the words asking to judge a statement before it are a label over it (``T/F:``, ``**True
    or False:**``, ``True or False?``), which the card words as the others, not a sentence of the
    author's (``True or false: …``, ``Vrai ou faux : …``)."""
    marked = "/" in opening[0] or opening[0].lstrip().startswith(("**", "__"))
    return marked or front[opening.end() :].lstrip("*_ \t").startswith("?")


_VERDICT_LETTER = regex(
    r"(?P<letter>[TtFf])\.?(?P<rest>(?:[ \t]*[\u2014\u2013,;:-][ \t]*\S|[ \t]*\n).*)?", re.S
)
"""``T``, ``F.`` or ``T — why``: a verdict in a letter, maybe followed by why, there or on the lines below."""
_VERDICTS = {"t": "True", "f": "False"}


def _in_words(verdict: re.Match[str]) -> str:
    """A verdict in a letter (``_VERDICT_LETTER``) in its word, why after it: ``F — x`` as ``False — x``."""
    return f"{_VERDICTS[verdict['letter'].lower()]}{verdict['rest'] or ''}"


def _answers_the_line(found: re.Match[str], *, quiz: bool) -> bool:
    """Whether brackets after a blank or a statement answer it. A mark's worth (``(1 mark)``), a hint or
    a form's word (``(signed)``) never does; a bare lower-case word (``Yo ______. (hablar)``: a verb to
    conjugate) or a lone letter (``the tesla. (T)``: its symbol) only under a quiz's title or with
    ``T/F:`` or ``Answer:``."""
    said = found.groupdict()
    answer = _said(said).strip()
    if _NO_BLANK_ANSWER.match(answer.strip("[]() ")):
        return False
    labelled = bool(_LABELLED.match(answer)) or bool(_JUDGE.match(found["front"]))
    labelled = labelled or bool(said.get("labelled")) or bool(said.get("marked"))  # `(T/F) Answer: T`
    if found.re.pattern == _JUDGED_BY.pattern:
        return bool(said.get("bold")) or len(answer) > 1 or quiz or labelled
    if found.re.pattern == _FILLED_AFTER.pattern:
        return True  # after a dash or a label, past the blank's cue: what else it says answers
    return quiz or labelled or " " in answer or not answer.islower()


def _bare_word_after_blank(found: re.Match[str]) -> bool:
    """Whether brackets after a blank hold one lower-case word (``… is the ______. (skin)``), its answer
    or a word to work from (``Yo ______ español. (hablar)``) as only a quiz's title tells."""
    if found.re.pattern != _FILLED.pattern or not found["answer"]:
        return False
    word = found["answer"].strip()
    return " " not in word and word.islower() and not _NO_BLANK_ANSWER.match(word)


_BARE_WORD = (
    "a blank with `({word})` after it is no card: outside a quiz's title a lower-case word may be a word "
    "to work from as well as the answer; for a card write `(Answer: {word})`, or title the section `Quiz`"
)
_FILL_IN = regex(r"(?:\*\*|__)?(?i:fill\s+in\s+the\s+blanks?)\s*[:.]?(?:\*\*|__)?\s*[:.]?\s+")
"""``Fill in the blank:`` opening a line to fill: a quiz's, whatever its title; no words of its front."""


def _said(said: dict[str, str | None]) -> str:
    """What brackets, a dash or bold after a line give as its answer (``(Ottawa)``, ``— F``, ``**True**``,
    ``[Answer: Ottawa]``)."""
    return (
        said["answer"]
        or said.get("dashed")
        or said.get("labelled")
        or said.get("bold")
        or said.get("squared")
        or ""
    )


_NO_BLANK_ANSWER = regex(
    r"(?i)\d+\s*(?:marks?|points?|pts|words?|digits?|letters?|characters?)\b|hint\b|e\.g\.|see\b|yes\s*/\s*no"
    r"|(?:signed|signature|print|date|initials|name|optional)$|[A-Z]{1,4}(?:[/.-][A-Z]{1,4})+$"
    r"|.*\b(?:tense|past|future|present|perfect|plural|singular|noun|verb|adjective|adverb|infinitive)\b"
)
"""Brackets after a blank that answer nothing: a mark's worth, a count (``(2 words)``), a hint, a form's
word or mask (``(signed)``, ``(DD/MM/YYYY)``, ``(yes/no)``), a grammar exercise's cue (``(go, past
tense)``, ``(noun)``), a pointer elsewhere (``see chapter 4``)."""
_QUIZ = regex(
    r"(?i)\b(?:quiz|quizzes|test|blanks?|fill[- ]in|true\s*(?:or|/)\s*false|t/f|questions?|flashcards?"
    r"|self[- ]check|(?:quick|knowledge|concept)[- ]checks?|check\s+your(?:self|\s+understanding)"
    r"|worksheet)\b"
)
"""A title over lines to answer: a bare word or letter in brackets is then their answer."""
_WHOLE_SPOILER = regex(
    r"(?:(?:\*\*)?(?i:answer|ans)\s*:(?:\*\*)?\s*)?"
    rf"(?:{SPOILER.pattern})\s*"
)
"""A card's back that is a spoiler alone, maybe labelled (``Answer: >!3!<``): what it hides is the back,
unless it is bars around a norm (``barred_norm``)."""
_LABELLED = regex(r"^(?i:answer|ans)\s*[:.\u2013\u2014-]\s*")
"""``Answer:`` in the brackets after a blank (``(Answer: two minutes)``): no part of the answer."""
_FILLED = regex(
    r"(?P<front>.*?(?<![\w*])_{3,}(?![\w*]).*?)\s*"
    r"(?:\((?P<answer>[^()]{1,80})\)(?P<stop>[.!])?|\[(?i:answer|ans)\s*[:.\u2013\u2014-]\s*(?P<squared>[^\[\]]{1,80})\])"
)
"""A blank and its answer after it: in brackets (``(Ottawa)``, or before the sentence's full stop:
``… é _____ (Brasília).``), or labelled in square ones (``[Answer: Ottawa]``)."""
_FILLED_AFTER = regex(
    rf"(?P<front>.*?{BLANK.pattern}.*?[.!?:)])\s*"
    r"(?:[\u2014\u2013\u2192\u21d2]|[-=]>|(?:\*\*|__)?(?i:answer|ans)\.?\s*:(?:\*\*|__)?)\s*"
    r"(?P<mark>\*\*|__)?(?P<answer>(?![^\n]*(?:\u2192|[-=]>))[^*_\s](?:[^*_\n]{0,78}[^*_\s])?)(?(mark)(?P=mark))\s*"
)
"""A blank, maybe with a cue in brackets (``Ayer yo ____ (comer) paella.``), and its answer after a dash,
an arrow or a label (``— **comí**``, ``→ comí``, ``**Answer:** comí``), as language drills write them;
not a flow's steps (``status: ____. → paid → shipped``)."""
_JUDGED_BY = regex(
    rf"(?P<front>\S.*[.!])\s*(?P<marked>[(\[](?i:{_TRUE_OR_FALSE})[)\]]\s*)?"
    r"(?:\((?P<answer>T|F|True|False|true|false)\)"
    r"|[\u2014\u2013-][ \t]*(?P<dashed>T|F|True|False)\.?"
    r"|(?:\*\*|__)?(?i:answer|ans)\.?\s*:(?:\*\*|__)?[ \t]*(?P<labelled>True|False|T|F)\b\.?"
    r"(?:[ \t]*[\u2014\u2013:-][ \t]*(?P<explained>\S.*))?"
    r"|\*\*(?P<bold>T|F|True|False)\*\*"
    r"(?:\s*\((?P<why>[^()]+)\)|[ \t]*[\u2014\u2013:-][ \t]*(?P<reason>\S.*))?)"
)
"""A statement judged after its full stop: ``(T)``, ``— F``, ``**False**`` and maybe why, in brackets or
after a dash (``**False** — it applies to …``), or ``Answer: True``; maybe marked as one to judge
before its verdict (``… star. (T/F) — True``, ``… (T/F) Answer: T``)."""
_SPOILED = regex(rf"(?P<front>\S.*\?)\s*(?:{SPOILER.pattern})")
_REMNOTE = regex(
    r"(?P<front>\S.*?)\s+(?P<way>(?:>>>|>>1\.|>>A\))(?=\s*$)|>>|<<|<>|;;)(?:\s+(?P<answer>\S.*)|\s*)"
)
"""RemNote's cards: ``Metformin >> First-line …`` (``<<`` the other way, ``<>`` both ways, ``;;`` a
descriptor's, forward); with no answer after ``>>`` (or ``>>>``, a multi-line card's, or ``>>1.``, a
list's), the bullets below answer it."""
_REMNOTE_CHOICES = (
    "RemNote's multiple-choice card (`>>A)`, its first bullet the right one) is not read: write it as a "
    "question over its options `A) …`, `B) …` and `Answer: A`"
)
_REMNOTE_UNANSWERED = (
    "RemNote's card `{card}` has no answer: write it after its separator, or in bullets indented below it"
)
_SEPARATION = regex(r"\s(?:>>>|>>1\.|>>A\)|>>|<<|<>|;;)(?:\s|$)")


def _bullets_answer(ctx: Context, bullets: Node) -> str:
    """The bullets under a multi-line card's front as its back: one bullet's words alone, several as
    the list."""
    source = ctx.doc.source(bullets)
    return item_text(source) if len(bullets.children) == 1 else source


def remnote_card(line: str) -> re.Match[str] | None:
    """A line of one of RemNote's cards (see ``_REMNOTE``), outside code: a name or a few words before
    one separator, words after it. Not a menu's path (``Settings >> Privacy >> Cookies``), a stream
    (``cout << x << endl;``), a redirect to a file (``echo done >> log.txt``) nor a term's line
    (``Append: ls >> files.txt``)."""
    hidden = _hide_code(line)
    found = _REMNOTE.fullmatch(hidden)
    if found is None or len(_SEPARATION.findall(hidden)) > 1:
        return None
    front, answer = found["front"], found["answer"] or ""
    if ":" in front or not any(map(str.isalpha, front)):
        return None
    if not (" " in front or front[:1].isupper() or _lower_case_word_card(front, found["way"], answer)):
        return None
    first = answer.split()[0] if answer else ""
    filed = "/" in first or "." in first.rstrip(".,;")
    return None if filed or (first and (first[0].isdigit() or first[0] in "\"'")) else found


def _lower_case_word_card(front: str, way: str, answer: str) -> bool:
    """Whether a lower-case word before ``>>`` (``<>``) and words after it are a vocabulary card
    (``ser >> to be``, ``ir <> to go``, ``mitochondria >> powerhouse of the cell``): a word of letters,
    two or more, answered by a word of two letters or more. Not a shift or a stream of code's names
    (``x >> 2``, ``cout << endl``: ``<<`` and one letter read as code)."""
    return (
        way in (">>", "<>")
        and _LOWER_WORD.fullmatch(front) is not None
        and _TWO_LETTERS.search(answer) is not None
    )


_LOWER_WORD = regex(r"[^\W\d_A-Z](?:[^\W\d_]|['\u2019-](?=[^\W\d_]))+")
"""One word of letters opening lower-case (``ser``, ``l'eau``, ``t-shirt``), two letters or more."""
_TWO_LETTERS = regex(r"[^\W\d_]{2}")


_CONCEPT_OVER_LIST = regex(r"(?P<front>[^\W\d_][^:\n]{0,60}?)[ \t]*::[ \t]*")
"""RemNote's concept with nothing after its ``::`` (``Caldera ::``): in a file of RemNote's cards, the
bullets below it are its answer."""
_ASKED_OVER_LIST = regex(r"(?P<front>\S.*?[?\uff1f])[ \t]*(?:::|;;|>>)")
"""A question ending in a card's separator with nothing after it (``… ? ;;``, ``… ? ::``, ``… ? >>``):
a multi-line card, as Spaced Repetition (set so) and RemNote write one, the list below its answer."""


def _ends_in_a_separator(line: str) -> bool:
    """Whether ``line`` holds one of the separators that ``_ASKED_OVER_LIST`` ends with."""
    return "::" in line or ";;" in line or ">>" in line


_SETTINGS = ("TARGET DECK", "FILE TAGS")
"""Obsidian_to_Anki's settings, each over its value's line (``Biology::Cells``, a deck's path)."""
_DECK_LINE = regex(r"(?:TARGET DECK|Deck)\s*:\s*\S+::")
"""A deck named on its line (``TARGET DECK: Biology::Cells``, inka's ``Deck: Geography::Volcanoes``)."""
_SEMICOLONED = regex(r"(?P<front>[^;:\s](?:[^;:]{0,40}[^;:\s])?);(?P<answer>[^;:\s](?:[^;:]{0,60}[^;:\s])?)")
"""A spreadsheet's row pasted as ``perro;dog`` (no colon: ``color:red;margin:0`` is CSS)."""
_COMMA_ROW = regex(
    r"(?P<front>[^,;:\s](?:[^,;:]{0,40}[^,;:\s])?),(?P<answer>[^,;:\s](?:[^,;:]{0,60}[^,;:\s])?)"
)
"""A row of Quizlet's export set to part a term from its definition with a comma (``hola,hello``): no
space after the comma, as prose writes one."""


_QUOTED_ROW = regex(r'"(?P<front>(?:[^"]|"")+)"[ \t]*,[ \t]*"(?P<answer>(?:[^"]|"")+)"')
"""A row of a CSV export, each side in double quotes (``"What is …?","Nairobi"``), as Brainscape and
spreadsheets write cards whose words hold commas; a doubled quote is one."""


def _comma_row(line: str) -> re.Match[str] | None:
    """``hola,hello``: a term and its meaning as an export's row, each with a letter (``3,4`` is a
    pair of numbers)."""
    found = _COMMA_ROW.fullmatch(line.strip())
    worded = found is not None and all(
        any(map(str.isalpha, side)) for side in (found["front"], found["answer"])
    )
    return found if worded else None


_DOUBLE_SEMICOLONED = regex(
    r"(?P<front>[^;\s](?:[^;]{0,150}[^;\s])?)[ \t]*;;[ \t]*(?P<answer>[^;\s](?:[^;]{0,300}[^;\s])?)"
)
"""RemNote's ``Question;;Answer``, its words on either side as long as a card's."""
_COMMANDS = regex(r"(?:^|;)\s*(?:cd|sudo)\s|\.\.|/|\s-{1,2}\w|&&")
"""Shell commands run one after another (``cd build;make``, a path, a flag): no spreadsheet's row."""


def remnote_descriptor(line: str) -> re.Match[str] | None:
    """RemNote's ``Question;;Answer`` on a line of its own: not in code (``for(;;)``), nor shell commands
    run one after another."""
    if ";;" not in _hide_code(line) or _COMMANDS.search(line):
        return None
    return _DOUBLE_SEMICOLONED.fullmatch(line)


def asked_over_answer(paragraph: Node) -> bool:
    """A paragraph of a question's line over its answer's line (``_answered_below``) as review sheets
    write them: not a meeting's or a lecture's, which speak (``Can we ship …?``) or go on (``So why
    …?``)."""
    lines = [line.strip() for line in paragraph.children[0].content.split("\n")]
    if len(lines) != 2 or _GOES_ON.match(lines[0]) or any(map(SPEAKING.search, lines)):
        return False  # (asked of every paragraph of every file: the line count first)
    return bool(_answered_below(lines))


_GOES_ON = regex(r"(?:So|And|But|Or|Then|Now)\b")


def _answered_below(lines: list[str]) -> list[_Pair | _Missing]:
    """A question's line over its answer's line (``What does ARP do?`` over ``It maps IPv4 addresses to
    MAC addresses.``), as review questions write them under a title that names questions, a reply's
    label dropped (``¿…?`` over ``R: …``, as Spanish notes write it); an answer that asks too, a note
    to self or a lettered option is none."""
    asked, answer = lines[0].rstrip(" \\"), lines[1]  # `What is osmosis?\` (a line break exported)
    answer = italic["inner"] if (italic := WHOLLY_ITALIC.fullmatch(answer)) else answer  # `*Oxygen*`
    answer = replied["text"] if (replied := _REPLY.match(answer)) and replied["text"] else answer  # `R: …`
    if not asked.endswith("?") or len(asked.split()) < _ASKING_WORDS or _asks(answer) or _points_back(asked):
        return []
    if _answers_nothing(answer.lstrip("*_")) or _OPTION_LINE.match(answer) or _FIRST_PERSON.match(answer):
        return []  # `I still don't get this, ask in the tutorial.`
    return [] if _ESSAY.match(answer) else [_Pair(_unnumbered(asked), answer)]  # `Discuss with …`


def _one_line_below(ctx: Context, below: Node | None) -> str | None:
    """The line a question's paragraph has below it: a one-line paragraph, or a list of one such item
    (``- It maps IPv4 addresses …``); ``None`` for anything else."""
    if below is not None and below.type == "bullet_list" and len(below.children) == 1:
        below = below.children[0].children[0] if len(below.children[0].children) == 1 else None
    if below is None or below.type != "paragraph" or ctx.is_claimed(below):
        return None
    text = below.children[0].content.strip()
    return None if "\n" in text else text


def _runs_on(paragraph: Node, below: Node) -> bool:
    """A list right under a paragraph's last line, no blank line between: Markdown starts a new block,
    the author wrote one answer."""
    return (
        below.type in LISTS
        and paragraph.map is not None
        and below.map is not None
        and (below.map[0] == paragraph.map[1])
    )


_BEAR_HIGHLIGHT = regex(r"(?<!\S)::(?=[^\s:])[^:\n]*[^\s:]::(?![\w:])")
"""Words Bear highlights, ``::`` tight around them, opening a word and closing one (``::Remember::``)."""


def _inline_pair(
    line: str,
    number: int,
    opening: bool,
    *,
    in_a_deck: bool,
    words_listed: bool = False,
    among_cards: bool = False,
) -> _Pair | _Missing | _Field | None:
    """``Front::Back`` (``:::`` both ways), the ``::`` outside code; ``std::vector`` is code, not a card.

    Dataview reads the same ``key:: value`` as a field: a line is a card when Dataview could not read
    it as one (the front has a ``?`` or other punctuation), when its front is a phrase rather than a
    name, or when it is reversible; a field when the value is one only metadata holds (a date, tags,
    note links) or it sits in the file's opening block written ``key:: value``; else a card when
    written tight (``Front::Back``, as flashcard plugins write it, where Dataview writes ``key::
    value``) or in a file tagged for Obsidian Spaced Repetition (``#flashcards``); otherwise
    (``Lambda:: Serverless``) a warning says it may be either. A word over a word (``cane::dog``) is a
    card only as ``_word_pair`` tells; ``words_listed``: its paragraph holds nothing but such lines;
    ``among_cards``: nothing but cards written tight, where one it does not take is said.
    """
    if "::" not in line:  # `_INLINE` and `_HALF_CARD` need one; dropping `[k:: v]` fields needs one too
        return None
    if "::" not in _BEAR_HIGHLIGHT.sub("", line) and "{" not in line:
        return None  # `::Remember:: the nucleolus …`: Bear's highlight (`::Q1:: … {…}` is GIFT's title)
    line = without_wrapped_fields(line, _hide_code(line))
    hidden = _hide_code(line)
    match = _INLINE.match(hidden)
    if match is None:
        half = _HALF_CARD.fullmatch(hidden.strip())
        reversible = half is not None and half["front"] is not None and hidden.rstrip().endswith(":::")
        if half is None or not (in_a_deck or reversible):  # `Osmosis:::`: no Dataview field's
            return None
        missing = "its back after it" if half["front"] else "its front before it"
        return _Missing(f"flashcard `{line.strip()}` without {missing}: write both sides", number)
    # After a question, the first `::` parts it and the back may hold more (`std::vector`); not after a
    # question spaced as a field (`Would reread?:: maybe`, Dataview's), nor BNF's `::=` anywhere.
    asks = plain(match["front"]).rstrip().endswith("?") and not match["back"][:1].isspace()
    if not asks and "::" in match["back"].replace("::=", ""):
        return (
            _Missing(_BOTH_SEPARATORS.format(line=line.strip()), number)
            if _both_ways_and_one(hidden)
            else None
        )
    if "\t" in match["front"]:  # in a column of an exported note (its tags: `aws::storage`)
        return None
    front = line[: match.end("front")].strip()
    back = line[match.start("back") :].strip()
    tight = not match["front"][-1:].isspace() and not match["back"][:1].isspace()
    joined = (  # `arn:aws:iam::…`; a link's address after the `::` has a colon of its own
        tight and not asks and ":" in match["front"].split()[-1] + _ADDRESS.sub("", match["back"].split()[0])
    )
    pathed = (
        tight and bool(front) and front.split()[-1].lstrip("`*_").casefold() in _NAMESPACES
    )  # `std::vector is …`
    one_word = tight and " " not in front and " " not in back
    unpaired = one_word and not _word_pair(match, in_a_deck=in_a_deck, listed=words_listed)
    coded = _CODE_LIKE.match(back) is not None and not _phrase_over_code(front, back, in_a_deck=in_a_deck)
    if not front or unpaired or joined or pathed or coded:
        told = unpaired or (coded and not in_a_deck and " " not in back)  # `Reloads it::reload()`
        if told and among_cards and not _CODED.search(front + back):
            message = (
                f"`{line.strip()}` may be code (a name and its member), so it is not a card: tag the file "
                "`#flashcards` to read every `::` line as a card"
            )
            return _Missing(message, number)
        return None  # `Foo::Bar`, `fe80::1`, `Foo::bar()`, `arn:aws:iam::1234:user/x`: code, not a card
    key = field_key(front)
    front = _bold_opening_dropped(front)
    if match["sep"] == ":::" or key is None or not is_name(key):
        return _Pair(front, back, reversible=match["sep"] == ":::", line=number) if back else None
    spaced_as_field = not match["front"][-1:].isspace() and match["back"][:1].isspace()
    if is_metadata(back) or (
        opening and _opening_field(key, back, spaced=spaced_as_field, in_a_deck=in_a_deck)
    ):
        # `created:: 2024-03-01` anywhere; `status:: reading` opening a note, as Dataview writes it
        return _Field()
    if tight or (in_a_deck and not is_key_like(key)):
        # `Snapshot frequency::Whatever the RPO needs`: the flashcard plugins' way, never Dataview's
        return _Pair(front, back, line=number)
    written = line[: match.end("sep")].strip()  # `Alcohol ::`, spaced as the notes have it
    message = (
        f"`{written} …` may be a Dataview field or a flashcard, so it is not a card: for a card write "
        f"`{key}::…` with no space around the `::`; for a field write `[{key}:: …]`"
    )
    return _Missing(message, number)


def _opening_field(key: str, value: str, *, spaced: bool, in_a_deck: bool) -> bool:
    """Whether a ``key:: value`` line of a note's opening block of fields is one of them: one named as
    a note's metadata is (``source::Campbell Biology``, tight or not, as Dataview reads both), or one
    spaced as Dataview writes it outside a deck, unless its value reads as a definition (``Catalyst:: a
    substance that …``): that may be a card as well, and is said, not kept silently as a field."""
    if names_a_field(key):
        return True
    return spaced and not in_a_deck and _GOES_ON_IN_WORDS.match(value) is None


_GOES_ON_IN_WORDS = regex(r"[a-z][^\s:]*(?:[ \t]+\S+){2,}")
"""A value of three words or more going on in lower case (``a substance that …``, ``speeds up a
reaction``): a definition's words, where a field's value is a name, a number or a word (``Dr Smith``,
``3``, ``reviewing``). Not a glossary's test (``terms.DETERMINER``): a field's value needs no article
to read as words."""


def _both_ways_and_one(hidden: str) -> bool:
    """Whether a line holds one ``::`` and one ``:::`` among words (``Fiscal policy::Government spending
    ::: used to steer demand``): a card one way and both ways at once, whose sides no reading tells
    apart; not a path of code (``Foo::Bar::baz``)."""
    runs = sorted(len(run) for run in _COLONS.findall(hidden))
    return runs == [2, 3] and " " in hidden.strip()


_COLONS = regex(r":{2,}")
_BOTH_SEPARATORS = (
    "`{line}` holds both `::` and `:::`, so it is not a card: keep one separator, `::` for a card one "
    "way or `:::` for one both ways"
)


def _bold_opening_dropped(front: str) -> str:
    """A card's front without the bold its term opens with (``**Atropine**``, ``**Warfarin** (oral)``):
    a glossary's mark of the term, no words of it, as the other forms' fronts drop it."""
    bold = BOLD_TEXT.match(front) if front.startswith(("**", "__")) else None
    return f"{bold['inner']}{front[bold.end() :]}" if bold else front


def _phrase_over_code(front: str, back: str, *, in_a_deck: bool) -> bool:
    """Whether ``Front::back`` that reads as a C++ or Rust path (``Foo::bar()``) is a card's phrase over
    the code it names: a file's name alone (``Quill's config file::quill.toml``), or anything in a file
    tagged a deck (``Counts a list's items::len()``). A path's left side is one name (``Foo``)."""
    return " " in front.strip() and (in_a_deck or _FILE_NAME.fullmatch(back.strip()) is not None)


_FILE_NAME = regex(r"[\w-]+(?:\.[\w-]+)*\.[A-Za-z][A-Za-z0-9]{0,4}")
"""A file's name and nothing else: ``quill.toml``, ``docker-compose.yml``, ``index.d.ts``."""


def _word_pair(match: re.Match[str], *, in_a_deck: bool, listed: bool) -> bool:
    """Whether ``word::word`` is a card, as vocabulary decks write them (``cane::dog``): where the file
    is a deck (``#flashcards``) or the pair goes both ways (``acqua:::water``), or in a paragraph of
    nothing but such lines. Never where it reads as code: with a digit or an underscore (``fe80::1``,
    ``my_mod::run``), or, outside a deck, two capitalised names (``Foo::Bar``)."""
    front, back = match["front"], match["back"]
    deck = in_a_deck or match["sep"] == ":::"
    coded = _CODED.search(front + back) is not None
    named = front[:1].isupper() and back[:1].isupper()
    return not coded and (deck or (listed and not named))


def _open_ended(lines: list[str]) -> _Pair | None:
    """A first line that asks ending in ``::`` (``:::`` both ways) over the answer's lines, none of them
    a ``Front::Back`` line or a field (``type:: book``), as Obsidian Anki Sync writes a card."""
    opened = _OPEN_SIDE.fullmatch(lines[0]) if len(lines) > 1 else None
    if (
        opened is None
        or not _asks(opened["front"])
        or any(_INLINE.match(_hide_code(line)) for line in lines[1:])
    ):
        return None
    return _Pair(opened["front"], "\n".join(lines[1:]), reversible=opened["sep"] == ":::")


_OPEN_SIDE = regex(r"(?P<front>[^:\s](?:[^:\n]*[^:\s])?)[ \t]*(?P<sep>:::?)")
"""A side written before its ``::`` with nothing after it: ``What does … relate?::``."""
_HALF_CARD = regex(r"(?P<front>[^:]*[^:\s])\s*:::?|:::?\s*(?P<back>[^:\s].*)")
"""A card of a ``#flashcards`` file with one side empty: ``Osmosis::``, ``::Osmosis``."""
_ADDRESS = regex(r"[a-z][\w+.-]*://\S*")
"""A web address (``https://…``), whose colon joins no word to the ``::``."""
_WORD_PAIR = regex(r"[^\s:]+:::?[^\s:]+")
"""A line of a word over a word and nothing else: ``cane::dog``."""
_TIGHT_LINE = regex(r"[^\s:](?:[^:]*[^\s:])?:::?[^\s:].*")
"""A line of a card written tight and nothing else: ``cane::dog``, ``Mechanism of action::Inhibits …``."""
_CODED = regex(r"[\d_]")


def _hide_code(line: str) -> str:
    """``line`` with its code spans, ``{{…}}``, formulas and tags blanked out (same length): no
    separator in them. Where a ``{{`` (``\\(``) finds no close on its line, no later one there will:
    that close is looked for once, not again from each, or a line of ``{`` takes time in its square."""
    if not any(mark in line for mark in ("`", "{{", "$", "\\(", "#")):  # most hold none
        return line
    parts: list[str] = []
    kept = at = 0
    closes = dict.fromkeys(_CLOSING, -1)  # where the last `{{` (`\(`) looked at is closed, or its line ends
    while (found := _CODE_SPAN.search(line, at)) is not None:
        start, end = found.span()
        if found[0] in _CLOSING:
            if closes[found[0]] < end:  # else it is this one's close too, not looked for again
                closes[found[0]] = first_at(_CLOSING[found[0]], line, end)
            close = closes[found[0]]
            if close == len(line) or line[close] == "\n":  # not closed on its line
                at = start + 1
                continue
            end = close + 2
        parts += [line[kept:start], "x" * (end - start)]
        kept = at = end
    return "".join(parts) + line[kept:]


def _opens_file(ctx: Context, node: Node) -> bool:
    """Whether ``node`` is (or is in) the file's first block below its front matter and H1, and that
    block reads as Dataview's fields: where a note's metadata goes, like the front matter it stands
    for. A block of terms (``Atropine:: muscarinic antagonist``) is cards there as anywhere."""
    for index, block in enumerate(ctx.doc.blocks):
        if block.node.type == "front_matter" or (block.node.type == "heading" and block.node.tag == "h1"):
            continue
        return index == node.top and (ctx.in_a_deck or _reads_as_fields(ctx.doc.source(block.node)))
    return False


@lru_cache(maxsize=64)  # asked for each paragraph of the opening block: read once
def _reads_as_fields(block: str) -> bool:
    """Whether one of a block's ``key:: value`` lines reads as a note's metadata: a value only metadata
    holds (a date, tags, links), or a key written lower-case (``topic::``), named as a note's fields
    are (``Status``) or as a program names things, as Dataview's users write them; not a block of
    capitalised terms (``Atropine:: …``, ``**Naloxone**:: …``), nor an outline's facets nested under
    the things they describe (``- Beta blockers`` over ``  - Mechanism:: …``, as Tana exports them)."""
    if any(line[:1] in (" ", "\t") and "::" in line for line in block.split("\n")):
        return False
    for line in block.split("\n"):
        front, separator, value = _FIELD_BULLET.sub("", line.strip(), count=1).partition("::")
        key = field_key(front) if separator else None
        if key is not None and (key[:1].islower() or names_a_field(key) or is_metadata(value.lstrip(":"))):
            return True
    return False


_FIELD_BULLET = regex(r"(?:[-*+]|\d+[.)])[ \t]+(?:\[.\][ \t]+)?")
"""A bullet's marker (a task's box too) before a field's key: ``- status:: …``, ``- [ ] due:: …``."""


def _details(
    ctx: Context, blocks: Sequence[Node], before: Sequence[Node]
) -> tuple[Node, int, list[_Pair | _Missing]]:
    """``<details><summary>Question?</summary>`` then the answer, up to ``</details>`` (in the same
    block or blocks below): the node that asks, how many blocks after the first it used, the pair.
    A summary that only opens the block (``Show answer``) answers the paragraph right above it (or
    the question a numbered item right above it asks), if any, or a heading above it that asks, the
    code between them part of the question (``### What does this log?`` over the code). A block
    never closed (``check`` reports it) or holding a question's answer letters (``strays`` reports
    those) is no flashcard."""
    above = before[-1] if before else None
    shown = above if above is not None and above.type in ("fence", "code_block") and len(before) > 1 else None
    opening = SUMMARY.match(blocks[0].content)
    assert opening is not None
    html: list[str] = []
    closings: list[int] = []
    for block in blocks:  # up to its closing tag and a hint's answer after it: the rest is no part of it
        html.append(block.content if block.type == "html_block" else ctx.doc.source(block))
        closings += [len(html) - 1] if CLOSING.search(html[-1]) else []
        if len(closings) == 2:
            break
    last = closings[0] if closings else None
    answer = answer_in_details("\n".join(html[: last + 1])) if last is not None else None
    wraps_taken = last is not None and any(ctx.is_claimed(block) for block in blocks[1 : last + 1])
    if last is None or wraps_taken or (answer is not None and answer.letters):
        return blocks[0], 0, []  # never closed, a collapsed answer key, or a question's answer
    if shows_an_example(blocks[0].content) and not _asks_for_an_example(ctx, above):
        return blocks[0], 0, []  # `<summary>Show example</summary>`: the notes above it go on
    if any(_OPENS_DETAILS.search(text) for text in html[1 : last + 1]):
        return blocks[0], 0, []  # a toggle of toggles (`Compute` over its questions): each inner one a card
    asked, front = blocks[0], _unnumbered(details_question(blocks[0].content))
    if above is not None and above.type == "ordered_list":  # `1. What is …?`, the block at the margin
        last_item = above.children[-1].children
        above = last_item[0] if len(last_item) == 1 and _asks(ctx.doc.written(last_item[0])) else above
    described = above is not None and above.type in ("paragraph", *LISTS) and len(before) > 1
    asking = _asked_above(ctx, before[-2]) if described and not front else ""
    if asking and _POINTS_BELOW.search(asking) and above is not None and not _asks(ctx.doc.written(above)):
        asked, front = before[-2], f"{asking}\n\n{ctx.doc.source(above)}"  # `Which hash is described?`
        ctx.claim(above)  # over the description, then the folded answer
    elif not front and (front := _asked_above(ctx, above)):
        asked = above or asked
    elif not front and shown is not None and (front := _asked_above(ctx, before[-2])):
        asked, front = before[-2], f"{front}\n\n{ctx.doc.source(shown)}"
        ctx.claim(shown)
    if not front:
        message = (
            "flashcard <details> whose summary only opens it has no question right above it: write the "
            "question in its <summary>, or on the line right above the block"
        )
        return asked, 0, [_Missing(message)]
    body = [opening["rest"], *html[1 : last + 1]] if last else [opening["rest"]]
    closing = CLOSING.search(body[-1])
    body[-1] = body[-1][: closing.start()] if closing else body[-1]
    back = hidden_markdown("\n\n".join(part.strip() for part in body if part.strip()))
    if _label(opening["front"]) in _HINTS:  # `<summary>Hint</summary>`, then `<summary>Solution</summary>`
        hinted = _answer_after_hint(html, last)
        if hinted is None:
            return asked, last, [_Missing(_HINT_ALONE)]
        last, solution = hinted
        front, back = f"{front}\n\nHint: {back}", hidden_markdown(solution)
    back = one.group("words") if (one := _ONE_BULLET.fullmatch(back)) else back  # `- MD5`: its words
    lines = [line for line in back.splitlines() if line.strip()]
    if _folded_links(opening["front"], front, lines):
        return blocks[0], 0, []
    for block in (asked, *blocks[: last + 1]):
        ctx.claim(block)
    if not back:
        return asked, last, [_Missing("flashcard <details> without an answer: write it before </details>")]
    return asked, last, [_numbered_only(front, back) or _Pair(front, back)]


_HINT_ALONE = (
    "flashcard <details> holding a hint and no answer below it: write the answer in a "
    "<details><summary>Answer</summary> right after it"
)


def _answer_after_hint(html: Sequence[str], last: int) -> tuple[int, str] | None:
    """The ``<details>`` right after a hint's, which ``html[last]`` closes, when its summary names an
    answer (``Solution``): the index of the block that closes it, and what it holds."""
    closed = CLOSING.search(html[last])
    tail = html[last][closed.end() :] if closed else ""
    start = last if tail.strip() else last + 1
    opening = SUMMARY.match(tail if tail.strip() else html[start] if start < len(html) else "")
    if opening is None or not _names_an_answer(opening["front"]):
        return None
    rest = [opening["rest"], *html[start + 1 :]]
    end = next((number for number, text in enumerate(rest) if CLOSING.search(text)), None)
    if end is None:
        return None
    closing = CLOSING.search(rest[end])
    body = [*rest[:end], rest[end][: closing.start()] if closing else rest[end]]
    return start + end, "\n\n".join(part.strip() for part in body if part.strip())


def _numbered_only(summary: str, body: str) -> _Pair | None:
    """A ``<summary>`` that only numbers its question (``Question 1``) over the question's words and
    then its answer in words (``**Answer:** Domain Name System``): the words the front, the answer
    (and what follows it) the back. A front of ``Question 1`` asks nothing, and reads as every file's."""
    if question_numbered(summary) != "":
        return None
    paragraphs = [part.strip() for part in body.split("\n\n") if part.strip()]
    at = next((n for n, part in enumerate(paragraphs) if n and _worded_text(part) is not None), None)
    if at is None:
        return None
    answer = _worded_text(paragraphs[at]) or ""
    return _Pair("\n\n".join(paragraphs[:at]), "\n\n".join([answer, *paragraphs[at + 1 :]]))


def _folded_links(summary: str, front: str, lines: list[str]) -> bool:
    """A table of contents (``<a href="#x">X</a>`` in the summary, links within the page) or a menu of
    the site's pages (``See 20 translations`` over a list of links to its own files) folded away:
    links, no answer."""
    if lines and all(map(_IN_PAGE_LINK.search, lines)):
        return True
    pages = [LIST_MARKER.sub("", line) for line in lines]
    linked = len(pages) >= 2 and all(is_only_a_link(page) and "://" not in page for page in pages)
    asks = front.endswith("?") or instructs(front)  # `Name the three Brontë sisters` over their pages
    return not asks and (linked or _IN_PAGE_LINK.search(summary) is not None)


_POINTS_BELOW = regex(
    r"(?i)\b(?:(?:the\s+)?following|below|described|describes)\b.*\?\s*$|(?:다음|아래|以下|下列|如下|次の).*[?\uff1f]\s*$"
)
"""A question about what is written below it: ``Which hash function does the following describe?``,
``다음에서 설명하는 … 는?``."""
_ONE_BULLET = regex(r"[-*+][ \t]+(?P<words>[^\n]+)")
_IN_PAGE_LINK = regex(r"\]\(#|href=[\"']#")
"""A link to a heading of the same page: ``[Video Tutorial](#video-tutorial)``, ``<a href="#tutorial">``."""


def _worded(node: Node | None) -> str | None:
    """The words of an ``Answer: Amazon S3`` paragraph (a question without options), else ``None``."""
    if node is None or node.type != "paragraph":
        return None
    return _worded_text(node.children[0].content)


def _worded_text(text: str) -> str | None:
    hidden = SPOILER.fullmatch(text.strip())
    if hidden is not None and not barred_norm(hidden):  # `||Nitrogen||`, `>!C!<`: the words it hides
        return spoiled(hidden)
    line, _, more = text.partition("\n")
    answer = answer_line(line)
    if answer is None and more.strip():  # `**Correct Answer:**` alone on its line, the words below
        second, _, more = more.partition("\n")
        line = f"{line.rstrip()} {second.strip()}"
        answer = answer_line(line)
    if answer is not None and answer.letters and (glued := worded_letter(line)) is not None:
        return "\n".join(part for part in (glued, more.strip()) if part)  # `Answer: B-tree indexes`
    marked = answer is not None and answer.text.strip() in _MARKED_VERDICTS  # a verdict as a mark (a tick)
    if answer is None or answer.letters or not (marked or re.search(r"\w", answer.text)):
        return None  # `==== Answer ====`: a banner, no answer
    return "\n".join(part for part in (as_written(line, answer), more.strip()) if part)


def _worded_pair(ctx: Context, blocks: Sequence[Node]) -> tuple[int, _Pair] | None:
    """A paragraph that asks, ``Answer: …`` in words below it, and the paragraphs after that which
    explain it (``Explanation: …``, ``**Learn more:** …``): the pair, and how many blocks it took
    after the first."""
    pair = _asked_and_answered(blocks[0], blocks[1]) if len(blocks) > 1 else None
    taken = 2
    alone = pair is None and len(blocks) > 2 and _label_alone(blocks[1])  # read once for both uses below
    if alone and _coded(ctx, blocks[2]):
        code = ctx.doc.written(blocks[2]).strip()  # `**Solution:**` over the code that solves it
        pair, taken = _asked_and_answered(blocks[0], blocks[2], labelled=True, code=code), 3
    if pair is None and alone and _fills_in(ctx, blocks[2]):
        pair, taken = _asked_and_answered(blocks[0], blocks[2], labelled=True), 3  # `**Answer:**` alone
        listed = blocks[3] if len(blocks) > 3 and blocks[3].type in LISTS else None
        if pair is not None and listed is not None and not ctx.is_claimed(listed) and announces(blocks[2]):
            announced = replace(pair, back=f"{pair.back}\n\n{ctx.doc.written(listed).strip()}")
            glossary = _holds_terms(listed, plain=True)  # a list of bold terms: cards of their own
            pair, taken = (None, 1) if glossary else (announced, 4)
    if pair is None and len(blocks) > 1 and _SCENARIO.match(blocks[0].children[0].content):
        pair, taken = _scenario_answered(ctx, blocks)
    if pair is None:
        pair, taken = _answered_within(blocks[0]), 1
    if pair is None:
        return None
    asked = _NUMBER_TAG_LINE.sub("", pair.front, count=1)
    front = unbolded(_TASK_LABEL.sub("", _unnumbered(_QUESTION_LABEL.sub("", asked))))
    if _ASKS_NOTHING_ALONE.fullmatch(front.strip()) or is_aside(front):  # `**Did you know?** …`: a sidebar
        return None  # `**Why?** Because …`: the prose asks itself what it goes on to say
    more = _explanation_after(ctx, blocks[taken:])
    ctx.claim(*blocks[:taken], *more)
    back = "\n\n".join([pair.back, *(ctx.doc.written(node).strip() for node in more)])
    return taken - 1 + len(more), _Pair(front, back)


def _dialogue(lines: Sequence[str]) -> bool:
    """Speakers taking turns (``A: …``, ``B: …``, ``A: …``), none of them a question's label (``Q:``
    over ``A:`` and again is a run of cards, the ``Q:``/``A:`` rule's)."""
    return speakers_take_turns(lines) and not any(
        _question_line(_unitalicised(line.strip())) for line in lines
    )


_ASKS_NOTHING_ALONE = regex(
    r"(?i)(?:(?:and|but)\s+)?(?:so what|really|how so|why not|what else|what now|what then|then what|and then"
    r"|why does (?:it|this|that) matter)\s*[?\uff1f]"
)
"""A question that asks nothing of its own (``So what?``, ``Why not?``): prose that goes on to answer it,
no card. A question word alone (``**Where?** In the matrix.``) asks of the heading above it."""


_NUMBER_TAG = (
    r"[ \t]*+(?:\*\*|__)?(?:#|(?:card|flashcard|question|q|item)[ \t]*+#?)[ \t]*+\d+[a-z]?"
    r"(?:\*\*|__)?[ \t]*+[:.)\u2013\u2014]?(?:\*\*|__)?[ \t]*+"
)
"""Possessive runs of blanks: two with only optional marks between them would try every split of a
long run (a line of 20,000 spaces took seconds)."""
_NUMBER_TAG_LINE = regex(rf"(?i)\A{_NUMBER_TAG}\n(?=\S)")
"""A line that only numbers the card below it (``**Card 1**``, ``Question 2``, ``**Q3**``, ``#4``, ``Card
7 —``), as generated sets write them: no part of the question."""
_NUMBER_TAG_ALONE = regex(rf"(?i){_NUMBER_TAG}")


_ANSWER_FORM = (
    r"[(\[](?i:student[- ]produced\s+response|grid[- ]in|short[- ]answer|free[- ]response|fill[- ]in"
    r"|numeric(?:al)?\s+(?:entry|response|answer))[)\]]"
)
"""A test's tag after a question on how it is answered (``(Student-produced response)``, ``(grid-in)``):
no words to learn."""
_REMARKED = regex(rf"^(?P<asked>.*[?\uff1f](?:\*\*|__)?)[ \t]*(?:{ASKED_HOW_OFTEN}|{_ANSWER_FORM})[ \t]*$")
"""A line that asks with a remark after its question on how often it is asked (``… an index?**
(frequency: 82%)``), or on how it is answered (``… what is $f(-2)$? (Student-produced response)``)."""


_SCENARIO = regex(
    r"(?i)(?:\*\*|__)?(?:scenario|case|situation|use\s+case)(?:\s+\d+)?(?:\*\*|__)?\s*:(?:\*\*|__)?"
)
"""An exam scenario's label (``**Scenario:** A retailer wants …``): what follows asks which service fits."""


def _scenario_answered(ctx: Context, blocks: Sequence[Node]) -> tuple[_Pair | None, int]:
    """``**Scenario:** …`` over its ``**Answer:** …`` in words, maybe with one labelled paragraph between
    (``**Key words:** …``, on the back with it): the pair and how many blocks it took, or none."""
    for at in (1, 2):
        answered = _worded(blocks[at]) if at < len(blocks) and not ctx.is_claimed(blocks[at]) else None
        if answered:
            between = [ctx.doc.written(node).strip() for node in blocks[1:at]]
            if any(node.type != "paragraph" or split_term(node.children[0]) is None for node in blocks[1:at]):
                return None, 0  # prose (or HTML, code …) between: not this scenario's answer
            front = _SCENARIO.sub("", blocks[0].children[0].content, count=1).strip()
            return _Pair(front, "\n\n".join([answered, *between])), at + 1
    return None, 0


def _fills_in(ctx: Context, node: Node) -> bool:
    """Whether a paragraph under an answer's label alone is its answer: not a worksheet's next question
    or instruction, its diagram or a blank left to fill (``**Answer:**`` over ``**2. Describe …**``)."""
    if node.type != "paragraph" or ctx.is_claimed(node) or only_pictures(node) or _label_alone(node):
        return False
    text = plain(node.children[0].content.strip())
    first = text.partition("\n")[0]
    told = _TOLD.match(first) or _WORKSHEET_STEP.match(first)
    return not (_asks(first) or _NUMBERING.match(first) or told or _answers_nothing(text))


def _coded(ctx: Context, node: Node) -> bool:
    """Whether a block under an answer's label alone is code that answers it."""
    return node.type in ("fence", "code_block") and not ctx.is_claimed(node)


_WORKSHEET_STEP = regex(r"(?i)(?:use|write|draw|label|fill|complete|answer|see|refer|attach|show|sketch)\b")
"""What a worksheet tells the student to do under a blank answer (``Use at least two sources.``)."""


def _label_alone(node: Node) -> bool:
    """A paragraph of an answer's label and nothing else: ``**Answer:**`` (``**答**`` and its colon), or
    in bold or alone with no colon (``**Answer**``, ``Answer``), or an exercise's ``**Solution:**``."""
    text = node.children[0].content.strip() if node.type == "paragraph" else ""
    found = _ANSWER.fullmatch(text)
    if found is None and (text.startswith(("**", "__")) or " " not in text):
        found = _ANSWER.fullmatch(f"{plain(text)}:")  # `**Answer**`, its colon left out
    labelled = found is not None and not found["text"].strip("*_ ")
    return labelled or _SOLUTION_ALONE.fullmatch(plain(text)) is not None


_SOLUTION_ALONE = regex(r"(?i)solution\s*[:\uff1a]?")
"""An exercise's ``**Solution:**`` on a line of its own, over what solves it."""


def _explanation_after(ctx: Context, blocks: Sequence[Node]) -> list[Node]:
    """The blocks after an answer that explain it: ``Explanation: …`` (``**Learn more:** …``) and the
    list a line ending in ``:`` announces; after an ``Explanation:`` label with nothing of its own
    (``Explanation: (important)``), the paragraphs and bullets it heads too, up to a heading, a
    ``---``, a numbered list (the next question) or a few."""
    more: list[Node] = []
    explaining = False
    for node in blocks:
        announced = bool(more) and more[-1].type == "paragraph" and announces(more[-1])
        if _explains(ctx, node):
            said = (explanation_start(node.children[0].content) or "x").strip()
            explaining = not said or _BRACKETED.fullmatch(said) is not None  # a label heading what follows
        elif ctx.is_claimed(node) or not (
            (announced and node.type in LISTS) or (explaining and node.type in ("paragraph", "bullet_list"))
        ):
            break
        more.append(node)  # `**Explanation:**` and the list it announces
        if len(more) == _EXPLANATION_BLOCKS:
            break
    return more


_EXPLANATION_BLOCKS = 8


def _bold_question(ctx: Context, blocks: Sequence[Node]) -> tuple[int, _Pair] | None:
    """A question wholly in bold on its own line (``**When should I use X?**``), answered by the lines
    under it or by the paragraphs that follow, up to the next such question (at most three; more are
    notes, as under a heading that asks): the pair, and how many blocks it took after the first."""
    first, *below = blocks
    line, _, rest = first.children[0].content.partition("\n")
    asked = asked_in_bold(first)
    if asked is None or (_question_line(line.strip()) and _answered_as_q_and_a(rest, below)):
        return None  # `**Q: …?**` and its `A:` line: the Q/A rule's
    if _only_asks_to_judge(asked["asked"]):
        return None  # `**True or False?**` over the statement to judge: a label, no question
    if any(text.strip() in _SEPARATORS for text in rest.split("\n")):
        return None  # `**What is …?**` over a `?` line: a multi-line card, the `?` rule's
    if _OPTION_LINE.match(rest.strip()):
        return None  # `A. …` under it: a question's options, the question rules' (or a warning)
    front = _unnumbered(_QUESTION_LABEL.sub("", undecorated(asked["asked"])))  # `**❓ Why …?**`
    if rest.strip():  # the answer on the lines under it, no blank line between (`Ans: …`: its words)
        ctx.claim(first)
        said = rest.strip()
        return 0, _Pair(front, _worded_text(said) or _after_answer_label(said, numbered=False) or said)

    def answers(node: Node) -> bool:  # up to the next question: in bold, on a line alone, or over its answer
        if node.type in ("fence", "code_block") and node is not below[0]:
            return not ctx.is_claimed(node)  # code going on with the words that answer
        if node.type != "paragraph" or _apart(ctx, node) or asked_in_bold(node) is not None:
            return False  # (a card or a note to self of its own: `Q: …` lines, terms, `Remember to …`)
        if _aside_apart(node, front):
            return False  # `Remember: the quiz is on Friday.`: a note beside the answer
        text = node.children[0].content.strip()
        if "\n" not in text and _asks(text) and _LABELLED_QUESTION.match(text):
            return False  # `Quiz: what is …?` alone: the next question, not this one's answer
        return _answered_within(node) is None  # `So why not …?` and its reasons are this answer's

    answer = list(itertools.takewhile(answers, below))
    worded = _worded(answer[0]) if answer else None  # `**Answer:** Redline`: the words, not the label
    if sum(node.type == "paragraph" for node in answer) > _ANSWER_PARAGRAPHS:
        return None  # more paragraphs than an answer has: notes under a bold line that asks
    if not answer or (worded is None and split_term(answer[0].children[0]) is not None):
        return None
    lettered = any(answer_line(paragraph_words(node)) for node in answer[worded is not None :])
    if lettered or _OPTION_LINE.match(answer[0].children[0].content):
        return None  # `**Answer:** B` or `A. …` below: a question with options, not an FAQ's answer
    ctx.claim(first, *answer)
    texts = [_answer_label(node) or ctx.doc.written(node) for node in answer]  # `A: …` loses its label
    texts[0] = worded or texts[0]
    return len(answer), _Pair(front, "\n\n".join(text.strip() for text in texts))


def _answered_as_q_and_a(rest: str, below: Sequence[Node]) -> bool:
    """Whether a ``Q: …`` line has lines under it in its paragraph (``rest``: its ``A: …``, in italics
    maybe) or an ``A: …`` line opening the paragraph below: a pair of the Q/A rule's. A bold
    ``**Q: …?**`` alone over a paragraph with no label is an FAQ's question."""
    following = below[0] if below and below[0].type == "paragraph" else None
    opening = following.children[0].content.partition("\n")[0].strip() if following is not None else ""
    return bool(rest.strip()) or _ANSWER.match(_unitalicised(opening)) is not None


def tagged_as_card(paragraph: Node) -> bool:
    """A paragraph tagged ``#card``: a Logseq flashcard's front, the bullets under it its back."""
    content = paragraph.children[0].content
    return ("#" in content or "[[" in content) and _CARD_TAG.search(content) is not None  # as `_ends_tagged`


def untagged(text: str) -> tuple[str, str]:
    """``text`` without the tags that file it as a card, and those tags: lines of nothing but tags over
    it (``#flashcards``) and tags ending its lines (``… ==Lima==. #geo::capitals``, Logseq's ``#card``;
    its ``#[[Rust basics]]`` is left out of the tags)."""
    tags: list[str] = []

    def kept(match: re.Match[str]) -> str:
        tags.extend(_HASHTAG.findall(match[0]))
        return ""

    return _LINE_END_TAGS.sub(kept, _TAG_LINES.sub(kept, text)), " ".join(tags)


def pairs_a_question(text: str) -> bool:
    """``Q: …`` with its ``A: …`` on its line or a later one: a flashcard's sides, where a highlight
    stresses the answer (``A: ==ADH==``) and hides nothing."""
    first, _, rest = text.partition("\n")
    asked = _question_line(first.strip())
    if asked is None:
        return False
    return _answered_on_its_line(asked["text"]) is not None or any(
        _ANSWER.match(line.strip()) for line in rest.split("\n")
    )


def _answered_on_its_line(line: str, *, dotted: bool = False) -> re.Match[str] | None:
    """A question and its answer on one line, after its question mark: ``… ? A: …``, ``… ? (Ans: …)``;
    after a ``Q.`` (``dotted``), ``… ? A. …`` too, unless a ``B.`` follows (a question's options)."""
    if "?" not in line and "\uff1f" not in line:
        return None  # most lines ask nothing: no pattern need look
    found = _ANSWER_AFTER.match(line) or _ANSWER_IN_BRACKETS.match(line)
    dotted_answer = _DOTTED_ANSWER_AFTER.match(line) if dotted and found is None else None
    return dotted_answer if dotted_answer and not _OPTION_B.search(dotted_answer["answer"]) else found


_DOTTED_ANSWER_AFTER = regex(rf"(?P<asked>.*?\?{_BOLD})\s+{_BOLD}A\.{_BOLD}\s+(?P<answer>\S.*)$")
"""``… ? A. Guard cells.``: the answer after a ``Q. …?`` question on its line."""
_OPTION_B = regex(r"(?<!\w)B[.)]\s")


_HINT_LINE = regex(r"[ \t]*(?:\*\*|__|\*|_)?(?i:hint)\s*(?:\*\*|__)?:")
"""A hint's line (``*Hint: it is measured in terabytes.*``), which helps the question, answering nothing."""


def _past_marker(lines: list[str]) -> list[str]:
    """``lines`` without a callout's marker line above them: untitled (``[!note]``), or titled over a
    ``Q:`` line (``[!tip] Exam tip``): no part of the question."""
    first = lines[0].strip() if len(lines) > 1 else ""
    if _card_label_over_side(first, lines[1] if len(lines) > 1 else ""):
        return lines[1:]
    if not first.startswith("[!"):  # where `CALLOUT` (`^\[!…`) opens
        return lines
    if CALLOUT.fullmatch(first) or (CALLOUT.match(first) and _question_line(lines[1].strip())):
        return lines[1:]
    return lines


def _card_label_over_side(first: str, second: str) -> bool:
    """Whether ``first`` only numbers the card (``Flashcard 1:``, ``**Card 2:**``: ``_NUMBER_TAG``) right
    over its ``Front:`` (or ``Term:``) line, as chatbots write each card: no part of it, as a ``### Card
    2`` heading is none (over a ``Q:`` line, ``_NUMBER_TAG_LINE`` drops it)."""
    if first.lstrip("*_")[:1] not in _NUMBER_TAG_OPENINGS or _NUMBER_TAG_ALONE.fullmatch(first) is None:
        return False
    second = second.strip()
    return bool(_FRONT.match(second) or _TERM.match(second))


_NUMBER_TAG_OPENINGS = frozenset("#cCfFqQiI")
"""The first characters of a ``_NUMBER_TAG`` after any bold: no other line is tried against it."""


def _answered_within(node: Node) -> _Pair | None:
    """``Which …?`` (or ``Define …``) and ``Answer: …`` in words (or ``A: …``) on the next line of the
    same paragraph, or on the question's own line (``1. Which …? **Answer: Amazon MQ**``)."""
    lines = node.children[0].content.split("\n") if node.type == "paragraph" else []
    lines = _marker_joined(_past_marker(lines))
    if lines and (_question_line(_unitalicised(lines[0])) or _card_front(lines[0])):
        return None  # `Q: …`, `**Question:** …`, `Front: …`: the `Q:`/`A:` rule's (not `Question 1: …`)
    if _dialogue(lines):
        return None  # `A: ¿Cómo estás?`, `B: Bien…`, `A: …`: a dialogue's speakers, no answer among them
    if any(line.strip() in _SEPARATORS for line in lines):
        return None  # a `?` line between the sides: a multi-line card, the `?` rule's
    inline = _answered_on_its_line(lines[0]) if len(lines) == 1 else None
    if inline is not None and _asks(inline["asked"]):
        return _Pair(_unnumbered(unbolded(inline["asked"])), unbolded(inline["answer"]).strip())
    bold = _BOLD_QUESTION_FIRST.match(lines[0]) if lines and lines[0].startswith(("**", "__")) else None
    if bold is not None and _only_asks_to_judge(bold["asked"]):
        bold = None  # `**True or False?** Enzymes are …`: the statement to judge, no answer
    if bold is not None and not _points_back(bold["asked"]) and not _answers_nothing(bold["answer"]):
        answer = bold["answer"].lstrip("\u2014\u2013- \t")  # `**Where is it?** — Over there.`: no dash
        return _Pair(_unnumbered(bold["asked"].strip()), "\n".join([answer, *lines[1:]]).strip())
    verdict = _verdict("\n".join(lines[1:])) if len(lines) > 1 and asks_to_judge(lines[0]) else None
    if verdict is not None:  # `T/F: Copper conducts electricity.` over `**True**`
        return _Pair(_unnumbered(lines[0]), verdict)
    for number in range(1, len(lines)):
        if _HINT_LINE.match(lines[number]):
            continue  # `*Hint: …*` between the question and its answer: the question's, on the front
        labelled = _ANSWER.match(lines[number])  # `A: df -h` under the question
        at = next((at for at in range(number - 1, -1, -1) if not _HINT_LINE.match(lines[at])), 0)
        above = lines[at]  # the line that asks, above any hint
        asking = _asks(above) or instructs(above)
        judged = not asking and labelled is not None and _judges(above, labelled["text"])
        if not asking and not judged:
            continue  # (`Define osmosis.` over `Answer: …` asks too: an answer's label follows it)
        answered = _worded_text("\n".join(lines[number:]))
        if labelled is not None and labelled["text"].strip():
            answered = "\n".join([labelled["text"].strip(), *lines[number + 1 :]]).strip()
        front = _unnumbered("\n".join(lines[:number]))  # `Q5: Which …?`, maybe over a hint
        if answered and judged and at == 0:  # as `… (T)` after the statement is asked
            return _Pair(f"{TO_JUDGE}{_statement(front)}", answered)
        if answered:
            return _Pair(front, answered)
    if len(lines) < _CHOICES_AND_ANSWER:
        return None  # too few lines for a question, its choices and the answer, wherever it asks
    asked = next((number for number, line in enumerate(lines) if _asks(line)), len(lines))
    answered = _worded_text(lines[-1]) if len(lines) - asked >= _CHOICES_AND_ANSWER else None
    if answered:  # `Which …?`, its choices one a line, then `Ans - …` naming one
        return _with_choices(lines[: asked + 1], lines[asked + 1 : -1], answered)
    return None


def _only_asks_to_judge(words: str) -> bool:
    """Words that only ask to judge what follows (``True or False?``, ``T/F:``, ``Vrai ou faux ?``): a
    label before a statement, no question of their own."""
    opening = _JUDGE.match(words)
    return opening is not None and not words[opening.end() :].strip(" :?.)]*_")


def _marker_joined(lines: list[str]) -> list[str]:
    """A statement's lines, the marker asking to judge it written on a line of its own below it
    (``Ribosomes make proteins.`` over ``True / False``, then the answer) joined to it, as after it."""
    if len(lines) > 2 and lines[0].rstrip().endswith((".", "!")) and _LONE_JUDGE.fullmatch(lines[1].strip()):
        return [f"{lines[0].rstrip()} {lines[1].strip()}", *lines[2:]]
    return lines


_LONE_JUDGE = regex(rf"(?i)(?:\*\*|__)?[(\[]?{_TRUE_OR_FALSE}[)\]]?\??(?:\*\*|__)?")
"""A marker asking to judge the statement above it, alone on its line (``True / False``, ``(T/F)``)."""


def _verdict(text: str) -> str | None:
    """``text`` as the verdict on a statement marked to judge, unlabelled (``**True**``, ``False, it is
    …``, ``F``): its words, the bold around the verdict dropped; ``None`` for any other text."""
    if _JUDGE.match(text) is not None:
        return None  # `True or False: …`: the next statement to judge, no verdict
    found = _BARE_VERDICT.match(text.strip())
    return None if found is None else f"{found['verdict']}{text.strip()[found.end() :]}"


def _lettered_verdict(text: str) -> str | None:
    """A verdict in a letter after an answer's label (``Answer: F``, ``**Answer:** T — why``), in words
    (``False``): under a statement marked to judge, the letter says false, no option's letter."""
    line, _, more = text.partition("\n")
    answer = answer_line(line)
    verdict = _VERDICT_LETTER.fullmatch((answer.said or answer.text).strip()) if answer is not None else None
    if verdict is None:
        return None
    return "\n".join(part for part in (_in_words(verdict), more.strip()) if part)


_BARE_VERDICT = regex(
    r"(?P<mark>\*\*|__)?(?P<verdict>True|False|TRUE|FALSE|true|false|T|F)(?(mark)(?P=mark))(?![\w*_])"
)
"""A verdict opening a line, maybe in bold (``**True**``, ``False, …``), not a word going on (``Trueman``)."""


def _judges(statement: str, answer: str) -> bool:
    """Whether ``answer`` judges the statement above it (``Demand for insulin is elastic.`` over
    ``Answer: False — …``): a true-or-false question written without asking."""
    unmarked = _VERDICT_BLANK.sub("", statement).rstrip()
    stated = (
        unmarked.endswith((".", "!", "\u3002", "\uff01")) or _MARKED_UNSTOPPED.search(statement) is not None
    )
    said = stated and _FRONT.match(statement) is None  # not `Statement: …`
    return said and _JUDGED.match(answer) is not None


def marked_to_judge(line: str) -> bool:
    """A line marked as a statement to judge (``asks_to_judge``), or one whose marker runs on to its last
    word (``… proteins True / False``): over a verdict, a statement to judge too."""
    return asks_to_judge(line) or _MARKED_UNSTOPPED.search(line) is not None


def _statement(line: str) -> str:
    """A statement to judge without the marker its words run on to (``… proteins True / False``) or
    the blank left for its verdict (``…保管。\uff08 \uff09``)."""
    return _VERDICT_BLANK.sub("", _MARKED_UNSTOPPED.sub("", line))


_MARKED_UNSTOPPED = regex(rf"(?i)(?<=\w)[ \t]+(?:[(\[]{_TRUE_OR_FALSE}[)\]]|true\s*(?:/|or)\s*false)\W*$")
"""A marker asking to judge after a statement's last word, with no full stop (``… proteins True /
False``): a statement to judge where a verdict answers it (a title's ``Part 2 (True/False)`` has none)."""


_BOLD_QUESTION_FIRST = regex(
    r"(?P<mark>\*\*|__)(?P<asked>[^*_\n]+?[?\uff1f])(?P=mark)[ \t]+(?P<answer>[^\s*_(\[].*)"
)
"""A question in bold with its answer after it on its line, as FAQs and review sheets write them (not
a survey's remark in brackets: ``**How satisfied are you?** (1 = low, 5 = high)``)."""


def _answered_in_words(ctx: Context, questions: Node, section: tuple[str, ...]) -> Iterator[Item | Problem]:
    """The items of a list another rule took (questions with options) that ask and are answered in
    words below, with no options: ``2. True or False: …`` then ``Answer: False`` (on its next line
    too)."""
    asked = [any(map(ctx.is_claimed, item.children)) for item in questions.children]
    if not any(asked):
        return  # an answer key's list, which another rule read: its entries are no questions
    for item, taken in zip(questions.children, asked, strict=True):
        blocks = item.children
        if not blocks or taken:
            continue
        worded = _worded_pair(ctx, blocks) if blocks[0].type == "paragraph" else None
        if worded is not None:
            yield from _items(ctx, section, blocks[0], worded[1])
        elif len(blocks) > 1 and blocks[1].type == "html_block" and SUMMARY.match(blocks[1].content):
            folded, _, results = _details(ctx, blocks[1:], blocks[:1])  # `<summary>Answer</summary>` below
            for result in results:
                yield from _items(ctx, section, folded, result)


def _explains(ctx: Context, node: Node) -> bool:
    """``Explanation: …`` or ``**Learn more:** …`` after an answer: part of it."""
    if node.type != "paragraph" or ctx.is_claimed(node):
        return False
    text = node.children[0].content
    return (
        explanation_start(text) is not None
        or _MORE.match(text) is not None
        or _REBUTTAL.match(text) is not None
    )


def _tagged_card(ctx: Context, item: Node) -> _Pair | _Missing | None:
    """A bullet tagged ``#card`` (as Logseq writes flashcards): its words, tags and Logseq's review
    properties (``card-last-interval:: 4``) left out, are the front; the blocks under it the back."""
    first = item.children[0] if item.children else None
    if first is None or first.type != "paragraph" or not tagged_as_card(first):
        return None
    lines = [line for line in first.children[0].content.split("\n") if not _PROPERTY.match(line)]
    front = _TAGS.sub("", "\n".join(lines)).strip()
    back = "\n\n".join(ctx.doc.written(block) for block in _unlisted(item.children[1:]))
    if cloze_syntax.has_cloze(back, highlights=False):  # `Began in {{cloze 1789}}` under it: shown
        back = cloze_syntax.revealed(back, mark="**")
    if not front and not back:
        return None  # `- #[[Biology]] #flashcard`: Roam's line of the page's tags, no card
    if not front:
        return _Missing("flashcard tagged #card with no question before the tag: write it on the tag's line")
    if not back:
        return _Missing("flashcard tagged #card with no answer under it: write it in bullets indented below")
    return _Pair(front, back)


def _separated_heading(ctx: Context, blocks: Sequence[Node]) -> tuple[int, _Pair] | None:
    """A heading written as a card (``### 的 :: particle of emphasis``, as a vocabulary deck's generator
    writes its words), the paragraphs under it (examples) on its back after its own: the pair and how
    many blocks it took after the heading."""
    found = _inline_pair(heading_text(blocks[0]), 0, False, in_a_deck=True)
    if not isinstance(found, _Pair) or ctx.is_claimed(blocks[0]):
        return None
    more = list(
        itertools.takewhile(lambda node: node.type == "paragraph" and not ctx.is_claimed(node), blocks[1:])
    )
    ctx.claim(blocks[0], *more)
    back = "\n\n".join([found.back, *(ctx.doc.written(node).strip() for node in more)])
    return len(more), replace(found, back=back, line=0)


def _tag_line_below(below: Sequence[Node]) -> bool:
    """Whether the block below a heading opens with a line of nothing but its card tag (``#card``, over
    the answer's lines), as Obsidian's Flashcards plugin also writes a card: no tag in the heading."""
    lines = below[0].children[0].content.split("\n") if below and below[0].type == "paragraph" else []
    return len(lines) > 1 and _CARD_TAG_LINE.fullmatch(lines[0].strip()) is not None


_CARD_TAG_LINE = regex(rf"{_CARD_TAG_WORD}{_SENT_ID}", re.IGNORECASE)


def _tagged_heading(ctx: Context, blocks: Sequence[Node]) -> tuple[int, _Pair | _Missing]:
    """A heading tagged ``#card`` (``#card/reverse``: both ways), or over a line of that tag alone, as
    Obsidian's Flashcards plugin writes cards: its words the front, the block right below it (past
    the tag's line) the back; the blocks used after it."""
    heading, below = blocks[0], blocks[1] if len(blocks) > 1 else None
    ctx.claim(heading)
    front = _QUESTION_LABEL.sub("", _TAGS.sub("", heading_text(heading))).strip()  # `### Q: …? #card`
    if below is None or below.type in ("heading", "hr") or ctx.is_claimed(below) or not front:
        return 0, _Missing("flashcard heading tagged #card with no answer right below it: write it there")
    tagged = heading_text(heading)
    lines = below.children[0].content.split("\n") if below.type == "paragraph" else []
    if _tag_line_below([below]):  # `## Focal length` over `#card` and the answer's lines
        tagged, lines = lines[0], lines[1:]
        ctx.claim(below)
        return 1, _Pair(front, "\n".join(lines).strip(), reversible=_REVERSE_TAG.search(tagged) is not None)
    reversible = _REVERSE_TAG.search(tagged) is not None
    if lines and lines[0].strip() in _SEPARATORS:  # a `?` line first: the answer is every block after
        ends = ("heading", "hr")  # it up to the next heading, as the other plugin writes one
        more = list(itertools.takewhile(lambda n: n.type not in ends and not ctx.is_claimed(n), blocks[2:]))
        ctx.claim(below, *more)
        back = "\n\n".join(["\n".join(lines[1:]), *(ctx.doc.source(node) for node in more)]).strip()
        return 1 + len(more), _Pair(front, back, reversible=reversible or lines[0].strip() == "??")
    ctx.claim(below)
    return 1, _Pair(front, ctx.doc.source(below), reversible=reversible)


def _tagged_lines(
    ctx: Context, node: Node, lines: list[str], following: Node | None
) -> tuple[int, list[_Pair | _Missing]]:
    """A paragraph whose first line is tagged ``#card``: that line the front, the lines under it (or a
    list or code block right below the paragraph) the back; a ``Front::Back`` line so tagged is both."""
    front, back, used = _TAGS.sub("", lines[0]).strip(), "\n".join(lines[1:]).strip(), 0
    inline = _inline_pair(front, 0, False, in_a_deck=True) if not back else None
    if isinstance(inline, _Pair):  # `Kelvin::The SI unit of temperature #card`: both sides on the line
        ctx.claim(node)
        return 0, [replace(inline, reversible=inline.reversible or _REVERSE_TAG.search(lines[0]) is not None)]
    if (
        not back
        and following is not None
        and following.type in _BLOCK_ANSWERS
        and not ctx.is_claimed(following)
    ):
        back, used = ctx.doc.source(following), 1
        ctx.claim(following)
    ctx.claim(node)
    if not front or not back:
        tag = _CARD_TAG.search(lines[0])
        said = tag[0].strip() if tag else "#card"
        return used, [_Missing(f"flashcard tagged {said} with no answer under it: write it on the next line")]
    return used, [_Pair(front, back, reversible=_REVERSE_TAG.search(lines[0]) is not None)]


def _asked_over_code(ctx: Context, siblings: Sequence[Node], index: int) -> _Pair | None:
    """Words that ask over their code, then a ``?`` line over the answer, no blank line between any of
    them (``What does this print?``, a fence, ``?``, `` `[0, 1, 2]` ``): the question is the words and
    the code, as Obsidian's spaced repetition reads every line above the ``?``."""
    content = siblings[index].children[0].content
    if index < 2 or "\n" not in content:  # no question and code above it, or no answer under its `?`
        return None
    lines = content.split("\n")
    if lines[0].strip() not in _SEPARATORS:
        return None
    asked, code, node = siblings[index - 2 : index + 1]
    if asked.type != "paragraph" or code.type != "fence" or ctx.is_claimed(asked) or ctx.is_claimed(code):
        return None
    if asked.map is None or code.map is None or node.map is None:
        return None
    if asked.map[1] != code.map[0] or code.map[1] != node.map[0] or not _asks(asked.children[0].content):
        return None
    front = f"{ctx.doc.written(asked).strip()}\n\n{ctx.doc.source(code).strip()}"
    return _Pair(front, "\n".join(lines[1:]).strip(), reversible=lines[0].strip() == "??")


def _paired_over_code(ctx: Context, siblings: Sequence[Node], index: int) -> _Pair | None:
    """A question (``Q: …``, a heading or a paragraph that asks: ``What does this print?``), its code
    or picture, then the ``A: …`` (``**Answer:** …``) that answers it in words: the question is the
    words and the code or picture."""
    if index + 2 >= len(siblings):
        return None
    asked, shown, answer = siblings[index : index + 3]
    pictured = shown.type == "paragraph" and only_pictures(shown)
    if (shown.type not in ("fence", "code_block") and not pictured) or answer.type != "paragraph":
        return None
    if asked.type == "heading":
        title = _unnumbered(heading_text(asked))
        question = title if asked.tag != "h1" and _asks(title) else ""
    else:
        text = asked.children[0].content.strip()
        said = _question_line(text) if "\n" not in text else None
        question = said["text"].strip() if said is not None else ""
        if said is None and _asks_of_what_follows(asked):
            question = _unnumbered(ctx.doc.written(asked).strip())
            lettered = answer_line(answer.children[0].content.partition("\n")[0])
            if lettered is not None and lettered.letters:
                return None  # `Answer: B`: a question's options are missing, which the question rules report
    first, *below = answer.children[0].content.split("\n")
    told = _ANSWER.match(first)
    if not question or told is None or ctx.is_claimed(shown) or ctx.is_claimed(answer):
        return None
    back = "\n".join([told["text"], *below]).strip()
    plain = asked.type == "paragraph" and _question_line(asked.children[0].content.strip()) is None
    deferred = plain and (_answers_nothing(back) or _DEFERS.search(back) is not None)
    return _Pair(f"{question}\n\n{ctx.doc.source(shown).strip()}", back) if back and not deferred else None


def _asks_of_what_follows(paragraph: Node) -> bool:
    """A line that asks of the code or picture below it (``What does this print?``, ``Which structure is
    labelled X?``), not a question the code answers (``How do I install it?``) or a speaker's."""
    text = paragraph.children[0].content.strip()
    if "\n" in text or len(text.split()) > _POINTING_AT_WORDS or not _asks(text):
        return False
    return _POINTS_AT.search(text) is not None and _answered_within(paragraph) is None


_POINTS_AT = regex(
    r"(?i)\b(?:this|these|the following|below|shown|labell?ed|marked|snippet|code|program|query|command"
    r"|output|outputs|print|prints|return|returns|diagram|image|figure|picture|exhibit|graph|chart)\b"
)
_POINTING_AT_WORDS = 25
_ASKS_FOR_AN_EXAMPLE = regex(r"(?i)\b(?:examples?|write|code|draw|diagram|sketch|implement)\b")
"""Words asking for what a fold that shows an example holds: then it answers them."""


def _asks_for_an_example(ctx: Context, above: Node | None) -> bool:
    """Whether the paragraph or heading above a fold that shows an example asks for one."""
    if above is None or above.type not in ("paragraph", "heading"):
        return False
    return _ASKS_FOR_AN_EXAMPLE.search(ctx.doc.written(above)) is not None


_DEFERS = regex(
    r"(?i)\b(?:try it|next (?:section|chapter|lesson|page|part)|later on|coming up"
    r"|we(?:'ll| will) (?:see|walk|look))"
)
"""An answer put off to elsewhere (``try it yourself first; we walk through it in the next section``)."""


def _spaced_separator(ctx: Context, siblings: Sequence[Node], index: int) -> _Pair | None:
    """A ``?`` (or ``??``, ``↪``, ``❓``) paragraph alone between a paragraph and the answer's block, a
    rule (``____``, ``---``) before or after the card, as Markdown Flashcards decks space theirs: the
    pair, its front a question or what names the answer (``Cloud made of ice crystals`` over ``Cirrus``)."""
    line = siblings[index].children[0].content.strip()
    if line not in _SEPARATORS or not 0 < index < len(siblings) - 1:
        return None
    above, below = siblings[index - 1], siblings[index + 1]
    if above.type != "paragraph" or below.type in ("heading", "hr"):
        return None
    if ctx.is_claimed(above) or ctx.is_claimed(below):
        return None
    ruled = (index > 1 and siblings[index - 2].type == "hr") or (
        index + 2 < len(siblings) and siblings[index + 2].type == "hr"
    )
    if not ruled:
        return None  # no rule (`____`) between such cards: a `?` in prose is an unknown
    back = below.children[0].content if below.type == "paragraph" else ctx.doc.source(below)
    return _Pair(ctx.doc.written(above).strip(), back.strip(), reversible=line == "??")


def _unlisted(blocks: Sequence[Node]) -> Sequence[Node]:
    """A list of one bullet stands for that bullet's blocks: its words, not a list of one; so does one
    whose other bullets are asides (``- Remember: it answers on port 53.``), which go on with it."""
    if len(blocks) == 1 and blocks[0].type in LISTS:
        first, *asides = blocks[0].children
        if all(map(_aside_item, asides)):
            return [*first.children, *(block for aside in asides for block in aside.children)]
    return blocks


def _aside_item(item: Node) -> bool:
    """A bullet of one aside's line: ``Remember: …``, ``**Note:** …``."""
    words = item_words(item) if len(item.children) == 1 else "\n"
    return "\n" not in words and aside_line(words) is not None


def _answered_by_next(ctx: Context, items: Sequence[Node], index: int) -> _Pair | None:
    """A list item (``items[index]``) of one ``Q: …`` line whose next item answers it (``- A: …``), as
    outliners write a card's sides as sibling blocks."""
    pair = items[index : index + 2]
    if len(pair) < 2 or any(ctx.is_claimed(item) for item in pair):
        return None
    asked = item_words(pair[0])
    single = bool(asked) and "\n" not in asked
    question = (_question_line(asked.strip()) or _card_front(asked.strip())) if single else None
    if question is None:
        return None  # no `Q:` line: the next item's words need not be read
    answered = item_words(pair[1])
    answer = (_ANSWER.match(answered.strip()) or _BACK.match(answered.strip())) if answered else None
    if answer is None or not answer["text"].strip():
        return None
    return _Pair(
        _attribute_value(unbolded(question["text"])), _attribute_value(unbolded(answer["text"]).strip())
    )


def _attribute_value(text: str) -> str:
    """A side's words without the second colon of Roam's attribute (``Question:: Where …?``): the label's."""
    return text[1:].lstrip() if text.startswith(":") else text


def _answered_item(item: Node) -> _Pair | None:
    """``1. Which …?`` whose only other block is its answer: ``- Answer: …`` or ``Answer: …``."""
    return _asked_and_answered(*item.children) if len(item.children) == 2 else None


def _asked_over_answer(
    ctx: Context, item: Node, items: Sequence[Node], section: tuple[str, ...], *, toggled: bool
) -> _Pair | None:
    """A list item that asks in plain words (``1. What is …?``), answered by what is nested under it
    (paragraphs, code, a quote or a single bullet) or by its own next lines, none of it taken by
    another rule, in a list (``items``) of two or more such questions under a title that says they
    are questions to study (``## Interview questions``, ``FAQ``, ``Review questions``): as interview-question
    lists write them. Elsewhere such lists are minutes, prompts or open questions with notes under
    them — but a list of toggles (``toggled``: ``_toggles``) is cards under any title. A lone
    question, one sentence after another (a step, then what to check), a few words (``Why?``), or a
    question whose nested lines are no answer (a set to recall, options, a sub-question, ``(4
    marks)``, ``Hint: …``, a reference, the code it asks about) stays the notes'."""
    if not (toggled or studied(ctx, section)):
        return None
    question = listed_question(item)
    if question is None or not any(other is not item and listed_question(other) for other in items):
        return None  # a lone question (the search stops at the first other one that asks)
    if any(ctx.is_claimed(node) for node in (item, *item.children)):
        return None
    first, *below = item.children
    rest = first.children[0].content.partition("\n")[2]
    if split_term(first.children[0]) is not None or _OPTION_LINE.match(rest.strip()):
        return None  # `**What is …?**`: a term, the card rule's; `A. …` lines: options
    blocks = _unlisted(below)
    if any(block.type in LISTS for block in blocks):
        return None
    code_answer = bool(rest.strip()) and not blocks and _POINTING.search(question) is None  # `ip route`
    if _ONLY_CODE.fullmatch(rest.strip() or "``") and all(_shown(ctx, b) for b in blocks) and not code_answer:
        return None  # `What does this print?` over its code, or a diagram: the question's, no answer
    back = "\n\n".join([rest.strip(), *(_answer_text(ctx, block) for block in blocks)]).strip()
    if _asks(back.rsplit("\n", 1)[-1]) or _answers_nothing(back):
        return None  # a question, a hint, a note to self: no answer
    return _Pair(question, back)


def _toggles(items: Sequence[Node]) -> bool:
    """Two or more list items, each a paragraph that asks over one paragraph (or quote) that does not:
    Notion's toggles as it exports them, and questions answered in quotes."""
    return len(items) > 1 and all(
        len(item.children) == 2
        and item.children[0].type == "paragraph"
        and item.children[1].type in ("paragraph", "blockquote")
        and _asks(item.children[0].children[0].content)
        and not _asks(paragraph_words(_opening_block(item.children[1])))
        for item in items
    )


def _opening_block(block: Node) -> Node:
    """A quote's first block (itself, for any other block)."""
    return block.children[0] if block.type == "blockquote" and block.children else block


def _labelled_over_answer(ctx: Context, item: Node) -> _Pair | None:
    """``* Question 8: …?`` with its answer nested under it, as exam dumps list them: the label says
    it is a question to study, whatever the title above. The label is no part of the front."""
    first, *below = item.children or [item]
    if first.type != "paragraph" or not below or any(ctx.is_claimed(node) for node in (item, *item.children)):
        return None
    text = first.children[0].content
    label = _NUMBERED_QUESTION_LABEL.match(text)
    if label is None:
        return None  # no label: nothing asked (`_asks("")` is false)
    asked = text[label.end() :].strip()
    blocks = _unlisted(below)
    if not any(map(_asks, asked.split("\n"))) or any(block.type in LISTS for block in blocks):
        return None
    back = "\n\n".join(_answer_text(ctx, block) for block in blocks).strip()
    return None if _answers_nothing(back) else _Pair(asked, back)


_NUMBERED_QUESTION_LABEL = regex(rf"{_BOLD}{_NUMBERED}{_BOLD}\s*[:.)]{_BOLD}[ \t]*")
"""``Question 8:``, ``**Question 6:**``, ``**Question 6**:``, ``**3. Question:**``, ``Question #3.``
opening a list item."""


def _answers_nothing(back: str) -> bool:
    """Words under a question that answer nothing: ``…``, a hint, ``(4 marks)``, ``TODO``, a place in
    a book (``p. 42``), or a one-word note to self (``Unsure``, ``Later``, ``#review``, a date)."""
    if not any(map(str.isalnum, back)) or _NO_ANSWER.match(back) or PLACE_IN_A_BOOK.fullmatch(back):
        return True
    return len(back.split()) == 1 and not _answers_in_a_word(back)


def _answers_in_a_word(word: str) -> bool:
    """A word that answers a question (``443``, ``DHCP``, ``IPv6``, ``Canberra``, ``` `ip route` ```);
    a note to self (``Later``, ``Unsure``, ``#review``), a date or a letter does not."""
    if _ONLY_CODE.fullmatch(word):
        return True
    if (len(word) < 2 and not word.isdigit()) or word.startswith("#") or _DATE.fullmatch(word):
        return False
    return word.strip(".!").lower() not in _NOTES_TO_SELF


def _answer_text(ctx: Context, block: Node) -> str:
    """A block of an answer as written; a callout (``> [!details]- Answer``) or a quote (``> It
    contracts …`` under its question) as what it says."""
    called = _callout(ctx, block) if block.type == "blockquote" else None
    if called is not None:
        return _callout_text(ctx, called)
    if block.type == "blockquote":
        return "\n\n".join(ctx.doc.written(child).strip() for child in block.children)
    return ctx.doc.written(block)


def _shown(ctx: Context, block: Node) -> bool:
    """Code or a picture alone: what a question asks about."""
    inline_code = block.type == "paragraph" and _ONLY_CODE.fullmatch(ctx.doc.written(block).strip())
    return (
        block.type in ("fence", "code_block")
        or bool(inline_code)
        or (block.type == "paragraph" and only_pictures(block))
    )


def listed_question(item: Node) -> str | None:
    """What a list item asks on its first line, in one sentence of a few words or more."""
    first = item.children[0] if item.children else None
    if first is None or first.type != "paragraph":
        return None
    written = first.children[0].content.partition("\n")[0].strip()
    if not _asks(written) or _question_line(written) or _QUESTION_LABEL.match(written):
        return None
    asked = _unnumbered(unbolded(written))
    if len(asked.split()) < _ASKING_WORDS or _SENTENCE_END.search(asked):
        return None
    return None if _points_back(asked) else asked


def _answer_fallen_out(questions: Node, following: Node | None) -> tuple[Node, _Pair] | None:
    """``10. Which …?`` with ``- Answer: …`` indented three spaces under it, too little to nest in
    ``10.``: the answer falls out of the list, as the one item of the list below it (or written
    below the list, ``Ans - …``)."""
    if (
        questions.type != "ordered_list"
        or following is None
        or following.type not in ("bullet_list", "paragraph")
    ):
        return None
    last = questions.children[-1]
    pair = _asked_and_answered(last.children[0], following) if len(last.children) == 1 else None
    return (last, pair) if pair is not None else None


def _callout_card(ctx: Context, blocks: Sequence[Node]) -> tuple[int, _Pair] | None:
    """An Obsidian callout whose title asks (``> [!question]- Which …?``, folded so the answer hides)
    and whose body answers, or an answer callout right below it (``> [!success]- Answer``); a body
    that is one answer callout is its answer. The pair, and how many blocks it took after the first."""
    asked = _callout(ctx, blocks[0])
    if asked is not None and (labelled := _labelled_callout_card(ctx, asked)) is not None:
        ctx.claim(blocks[0])
        return 0, labelled
    if asked is not None and _label(asked.title) in (*_QUESTION_HEADINGS, "prompt"):
        return _tabbed_card(ctx, blocks)
    if asked is None or not _callout_asks(asked) or asked.lines.partition("\n")[0].strip() in _SEPARATORS:
        return None  # `?` right under the title: an Obsidian flashcard in a callout, the card rules' own
    if not asked.lines and asked.blocks and ctx.doc.written(asked.blocks[0]).strip() == "?":
        # `?` in a paragraph of its own: no part of the answer
        asked = replace(asked, blocks=asked.blocks[1:])
    body = asked
    inner = _callout(ctx, asked.blocks[0]) if not asked.lines and len(asked.blocks) == 1 else None
    if inner is not None and _names_an_answer(inner.title):
        body = inner  # `> > [!success]- Answer` inside the question's callout
    used = 0
    below = _callout(ctx, blocks[1]) if body.empty and len(blocks) > 1 else None
    if below is not None and _names_an_answer(below.title):
        body, used = below, 1
    if body.empty:
        return None
    ctx.claim(*blocks[: used + 1])
    return used, _Pair(_QUESTION_LABEL.sub("", asked.title), _callout_text(ctx, body))


def _labelled_callout_card(ctx: Context, asked: Callout) -> _Pair | None:
    """A question callout titled only as one (``> [!question] Question 2``, ``Question``, or not at all)
    over the question's words, holding nothing but its answer's callout (``> > [!success]- Answer``):
    the words the front, as a quiz in Obsidian notes writes them."""
    title = asked.title.strip()
    named = not title or _label(title) in _QUESTION_HEADINGS or question_numbered(title) == ""
    if asked.kind not in _QUESTION_CALLOUTS or not named or not asked.lines or len(asked.blocks) != 1:
        return None
    inner = _callout(ctx, asked.blocks[0])
    if inner is None or inner.empty or not _names_an_answer(inner.title):
        return None
    return _Pair(asked.lines, _callout_text(ctx, inner))


def _tabbed_card(ctx: Context, blocks: Sequence[Node]) -> tuple[int, _Pair] | None:
    """Callouts or content tabs titled as a question (and hints) over one titled as its answer, as
    MkDocs (``=== "Question"``, ``=== "Answer"``) and GitBook (``{% tab title="Question" %}``) write
    cards: the first ones' words the front."""
    front = _hint_callouts(ctx, blocks)
    answer = _callout(ctx, blocks[len(front)]) if front and len(front) < len(blocks) else None
    if answer is None or answer.empty or not answer.title or not _names_an_answer(answer.title):
        return None
    ctx.claim(*blocks[: len(front) + 1])
    return len(front), _Pair("\n\n".join(front), _callout_text(ctx, answer))


def _label(title: str) -> str:
    """A callout's title as a label: ``**Question:**`` is ``question``."""
    return undecorated(plain(title)).rstrip(":").strip().lower()


def _callout_asks(asked: Callout) -> bool:
    """Whether a callout's title is a card's front: it asks, or the callout is a flashcard's
    (``> [!flashcard] Explain …``, as flashcard plugins write them; a ``[!card]`` is a kanban board's
    as often), or a question's folded over what answers it (``> [!question]- Name the enzyme …``:
    hidden until opened; open, a ``[!question]`` that says what to do is a note to self)."""
    folded_question = asked.folded and asked.kind in _QUESTION_CALLOUTS and not asked.empty
    answered = asked.kind in _QUESTION_CALLOUTS and instructs(asked.title) and _holds_an_answer(asked)
    return bool(asked.title) and (
        _asks(asked.title) or asked.kind in _CARD_CALLOUTS or folded_question or answered
    )


def _holds_an_answer(asked: Callout) -> bool:
    """Whether a callout holds one that names an answer (``> > [!success]- Answer``): ``Define …`` over
    it is a question, where alone it may be a note to self."""
    inner = [callout(block) for block in asked.blocks if block.type == "blockquote"]
    return any(found is not None and _names_an_answer(found.title) and found.label for found in inner)


_CARD_CALLOUTS = frozenset({"flashcard", "flashcards"})
_QUESTION_CALLOUTS = frozenset({"question", "faq", "help"})
"""Obsidian's question callout and its aliases."""


def _callout_text(ctx: Context, body: Callout) -> str:
    """What a callout says under its title, without its quote marks or an answer label."""
    labelled = _ANSWER.match(body.lines)  # `> A: …`, `> **Answer:** …` under the title
    answer = [body.lines[labelled.start("text") :] if labelled else body.lines] if body.lines else []
    answer += [
        "\n".join(_QUOTE_MARKS.sub("", line) for line in ctx.doc.written(node).split("\n"))
        for node in body.blocks
    ]
    return "\n\n".join(answer)


def _quote_answer(ctx: Context, quote: Node, *, alone: bool) -> str | None:
    """The answer a quote right under a question gives: an answer callout's text (``> [!success]-
    Answer`` over it), or a plain quote's when nothing else is ``alone`` below the question."""
    if quote.type != "blockquote" or ctx.is_claimed(quote):
        return None
    called = _callout(ctx, quote)
    if called is None:
        text = _unquoted(ctx, quote)
        text = _after_answer_label(text, numbered=False) or text  # `> **Ans:** …`: its words
        return text if alone and text else None
    return _callout_text(ctx, called) if _names_an_answer(called.title) and not called.empty else None


def _unquoted(ctx: Context, quote: Node) -> str:
    """A quote's Markdown without its ``>`` marks; a Reddit spoiler read as one (``>!The Nile, …`` over
    lines up to ``!<``, or to the line's end where no ``!<`` closes it), the words it hides."""
    text = "\n".join(_QUOTE_MARK.sub("", line) for line in ctx.doc.source(quote).split("\n")).strip()
    spoiler = _REDDIT_SPOILER.fullmatch(text)
    return spoiler["hidden"].strip() if spoiler else text


def _hidden_in_quote(quote: Node) -> str | None:
    """The words a quote of one paragraph hides, where it is a Reddit spoiler (``- >!Nitrogen!<``, a
    bullet that Markdown reads as a quote): ``None`` for any other block."""
    if quote.type != "blockquote" or len(quote.children) != 1 or quote.children[0].type != "paragraph":
        return None
    spoiler = _REDDIT_SPOILER.fullmatch(paragraph_words(quote.children[0]).strip())
    return spoiler["hidden"].strip() if spoiler else None


def _spoiler_quote(ctx: Context, quote: Node) -> bool:
    """Whether a quote is a Reddit spoiler (``>!The Nile, …``): an answer hidden, never a quotation."""
    first = ctx.doc.source(quote).lstrip().partition("\n")[0]
    return _REDDIT_SPOILER.fullmatch(_QUOTE_MARK.sub("", first).strip() + "!<") is not None


_REDDIT_SPOILER = regex(rf"!(?!\[)(?P<hidden>{HIDDEN_WORDS})(?:!<)?")
"""A quote's text that is a Reddit spoiler (``>!`` opening it), closed by ``!<`` or not, not a
picture (``>![plot](x.png)``). Its words run to the next ``!``, read once: the word it needs looked
ahead for, not backtracked to (a ``!`` late in a long quote tried every word against every later one)."""


def _asked_over_callout(ctx: Context, blocks: Sequence[Node]) -> tuple[int, _Pair | _Missing] | None:
    """A one-line paragraph that asks, over an answer callout (``What does …?`` then ``> [!success]-
    Answer``) or a plain quote that answers it (``_quote_answers``): the pair, and the one block it took
    after the first; or a warning, where the quote may answer or quote."""
    if len(blocks) < 2 or blocks[1].type != "blockquote":  # no quote below: no need to read the words
        return None
    asked = ctx.doc.written(blocks[0]).strip()
    bold = BOLD_TEXT.fullmatch(asked)  # `**What is …?**` over a quote: asked as a card is, even alone
    question = bold["inner"].strip() if bold else asked
    if "\n" in asked or not _asks(question):
        return None
    hints = _hint_callouts(ctx, blocks[1:])
    if hints and (len(blocks) <= len(hints) + 1 or blocks[len(hints) + 1].type != "blockquote"):
        return None
    quote = blocks[len(hints) + 1]
    plain_quote = callout(quote) is None
    after = blocks[len(hints) + 2] if len(blocks) > len(hints) + 2 else None
    answers = _quote_answers(ctx, question, quote, after, bold=bold is not None) if plain_quote else True
    if plain_quote and answers is None and not hints:
        return 0, _Missing(_QUOTE_OR_ANSWER)
    if plain_quote and (hints or not answers):
        return None
    answer = _quote_answer(ctx, quote, alone=plain_quote)
    if answer is None:
        return None
    ctx.claim(*blocks[: len(hints) + 2])
    front = "\n\n".join([_unnumbered(_QUESTION_LABEL.sub("", question)), *hints])
    return len(hints) + 1, _Pair(front, answer)


def _quote_answers(
    ctx: Context, question: str, quote: Node, after: Node | None, *, bold: bool
) -> bool | None:
    """Whether a plain quote right under a line that asks answers it: one opening with an answer's label
    (``> **Answer:** …``); under a question in bold, or in a file of questions over quotes (a question
    catalogue: ``Was ist …?`` over ``> …``), any; under a plain question alone, one short paragraph, no
    quotation signed by its source or in quotation marks, with no prose going on after it. ``None``
    where it may answer or quote: a quote of several paragraphs under a plain question alone."""
    if _spoiler_quote(ctx, quote):
        return True
    quoted = _unquoted(ctx, quote)
    labelled, said = _labelled_answer(quoted, question)
    if labelled:
        return bool(said)
    if not asks_over_a_quote(question):
        return False
    if bold or ctx.answered_in_quotes:
        return True
    if _QUOTATION.search(quoted) or _NOTE_LABEL.match(quoted) or _prose_goes_on(ctx, after):
        return False  # `> … — Seneca`, `> **Note**`; an essay's question, the quote it weighs, its argument
    return True if len(quote.children) == 1 and quote.children[0].type == "paragraph" else None


def _labelled_answer(quoted: str, asked: str) -> tuple[bool, str]:
    """Whether a quote's text opens with an answer's label (``**Answer:** 254``, ``A: DNS``), and the
    answer in words after it (under a statement to judge, ``F`` in words): none for a blank left to fill,
    a letter of options not shown, ``TODO``."""
    said = _after_answer_label(quoted, numbered=False)
    if said is None:
        return False, ""
    if marked_to_judge(asked) and (verdict := _lettered_verdict(quoted)) is not None:
        return True, verdict
    line = quoted.partition("\n")[0].strip()
    answer = answer_line(line)  # `**Answer:** B`: a letter of options not shown (`B-tree indexes`: words)
    lettered = answer is not None and bool(answer.letters) and worded_letter(line) is None
    return True, "" if lettered or not said or _answers_nothing(said) else said


_QUOTATION = regex(
    r"(?:^|\n)[ \t]*(?:[\u2014\u2015\u2013~]|--)[ \t]*[^\s\-]"
    r"|[\"\u201d\u00bb][ \t]*(?:[\u2014\u2013~]|--?)[ \t]*\w"
    r"|\A[\"\u201c\u201e\u00ab][^\n]*[\"\u201d\u00bb]\Z"
    r"|\([^()\n]*\b\d{4}\)\s*\Z"
)
"""The signs of a quotation of a source: its author on a line of their own (``— Seneca``, ``-- Knuth``)
or after the closing quotation mark and a dash (``"…" -- Seneca``), the whole in quotation marks, or a
citation closing it (``(Foucault, 1977)``)."""
_NOTE_LABEL = regex(
    r"(?i)[^\w\n]*(?:\*\*|__)?(?:note|tip|important|warning|caution|info)(?:\*\*|__)?"
    r"[ \t]*:?(?:\*\*|__)?(?=\s|\Z)"
)
"""A quote opening as a note (``> **Note**``, ``> ⚠️ **Warning:** …``), as READMEs set one apart: a
remark, no answer."""
_QUOTE_OR_ANSWER = (
    "question over a quote of several paragraphs, read as a quotation: no card was made; to make it a "
    "card, bold the question (`**…?**`) or label the answer (`> **Answer:** …`)"
)


def _prose_goes_on(ctx: Context, after: Node | None) -> bool:
    """Whether the block after a quote is prose going on (a paragraph that neither asks nor explains):
    the quote is part of the writing, not an answer on its own."""
    if after is None or after.type != "paragraph" or ctx.is_claimed(after) or only_pictures(after):
        return False
    words = after.children[0].content.strip()
    return not (_asks(words.partition("\n")[0]) or _question_line(words) or _explains(ctx, after))


def _hint_callouts(ctx: Context, blocks: Sequence[Node]) -> list[str]:
    """What the callouts opening ``blocks`` add to a question before its answer's (MkDocs tabs ``===
    "Question"`` then ``=== "Answer"``): a ``Question`` or ``Prompt`` one's words, a ``Hint``'s
    labelled as one."""
    added = []
    for block in blocks:
        called = callout(block) if block.type == "blockquote" else None
        title = _label(called.title) if called else ""
        if called is None or called.empty or title not in _HINT_TITLES:
            break
        text = _callout_text(ctx, called)
        added.append(text if title in _QUESTION_HEADINGS or title == "prompt" else f"Hint: {text}")
    return added


def asks_over_a_quote(line: str) -> bool:
    """A line that may ask over a plain quote answering it: a question of a few words, pointing at
    nothing above."""
    return (
        "\n" not in line
        and line.endswith(("?", "\uff1f"))
        and len(line.split()) >= _ASKING_WORDS
        and not _points_back(line)
    )


def _callout(ctx: Context, quote: Node) -> Callout | None:
    """The callout ``quote`` is, unless it is a plain quote or another rule took it."""
    found = callout(quote)
    return None if found is None or ctx.is_claimed(quote) or ctx.is_claimed(quote.children[0]) else found


def _names_an_answer(title: str) -> bool:
    """``Answer``, ``✅ Solution``, ``Show answer``, or no title: a callout that holds an answer."""
    label = _label(title)
    return label in _ANSWER_TITLES or _REVEALS_THE_ANSWER.fullmatch(label) is not None


_REVEALS_THE_ANSWER = regex(
    r"(?:show|reveal|see|view|check|click\s+to\s+(?:see|show|reveal))\s+(?:the\s+)?(?:answers?|solutions?)"
)
"""A callout's title that opens on its answer (``Show answer``), as a fold's summary does."""


def _quoted_answer(ctx: Context, blocks: Sequence[Node]) -> tuple[int, _Pair] | None:
    """A numbered item of its own that asks (``1. Which …?``), maybe pictures below it, then a quote
    (``> …``), as inka writes cards: the item (and pictures) the front, the quote the back; the blocks
    used after the list. In inka's section any item over a quote is a card, the last of a list too
    (blank lines join its items, the notes above it, into one list)."""
    numbered = blocks[0]
    inka = inka_section(ctx.doc.inka_sections, numbered.line) is not None
    item = numbered.children[-1] if len(numbered.children) == 1 or inka else None
    if item is None or not item.children:
        return None
    asked = item.children[0]
    if asked.type != "paragraph" or not (inka or _asks(asked.children[0].content)):
        return None  # (`1. A /24 has ___ hosts.`, a blank, asks as a question does)
    end = 1
    while end < len(blocks) and blocks[end].type == "paragraph" and only_pictures(blocks[end]):
        end += 1
    quote = blocks[end] if end < len(blocks) else None
    if quote is None or quote.type != "blockquote" or any(ctx.is_claimed(b) for b in blocks[: end + 1]):
        return None
    called = callout(quote)  # `> [!details]- Answer` over the answer: the title is no part of it
    back = _callout_text(ctx, called) if called is not None and _names_an_answer(called.title) else None
    labelled, said = _labelled_answer(_unquoted(ctx, quote), asked.children[0].content)
    if labelled and not said and back is None:
        return None  # `> **Answer:**` left blank, or a letter of options not shown: no answer to recall
    ctx.claim(*blocks[: end + 1], item)
    front = "\n\n".join(ctx.doc.written(block) for block in (*item.children, *blocks[1:end]))
    back = back or said or _unquoted(ctx, quote)  # `> **Answer:** …`: its words
    return end, _Pair(_unnumbered(front), back, line=item.line - numbered.line)


def _asked_and_answered(
    question: Node, answer: Node, *, labelled: bool = False, code: str = ""
) -> _Pair | None:
    """A paragraph that asks (or a line alone that says what to do: ``Define osmosis.``), and its answer
    in words: a paragraph or a list of one item (``labelled``: the paragraph under a label alone, its
    words as they are, or ``code``, the code block under it, as written)."""
    unlisted = _unlisted([answer])
    answer = unlisted[0] if len(unlisted) == 1 else answer
    lines = question.children[0].content.strip().split("\n") if question.type == "paragraph" else []
    lines = _past_marker(lines)  # `> [!followup]` over `> **Question:** …?`
    lines = [  # `**…?** (asked in 80% of interviews)`
        _REMARKED.sub(r"\g<asked>", line) if line.rstrip().endswith((")", "\uff09", "]")) else line
        for line in lines
    ]
    words = answer.children[0].content.strip() if answer.type == "paragraph" else code or None
    answered = words if labelled else _worded(answer) or _hidden_in_quote(answer)
    if answered is None and len(lines) == 1 and words is not None and marked_to_judge(lines[0]):
        answered = _verdict(words) or _lettered_verdict(words)  # `T/F: …` over `False, it is …`, `Answer: F`
    if not answered:
        return None  # no answer below: which line asks need not be read
    asks = next((n for n, line in enumerate(lines) if _asks(line) or _asks(_unnumbered(plain(line)))), None)
    if asks is None and len(lines) == 1 and not _answers_nothing(answered):
        told = _TASK_LABEL.sub("", _unnumbered(_QUESTION_LABEL.sub("", lines[0])))
        asks = 0 if _TOLD.match(told) or _TASK_LABEL.match(lines[0]) else None  # `**Exercise 2.** Reverse …`
    if asks is None and len(lines) == 1:
        statement = _TASK_LABEL.sub("", _unnumbered(_QUESTION_LABEL.sub("", lines[0]))).strip()
        if _judges(statement, answered):  # `1. Negligence requires proof of damage.` over `Answer: True`
            marked = _MARKED_VERDICTS.get(answered.strip())  # `\u00d7`: False
            if marked is not None:  # known by its statement: a Chinese one's slug is a digest of it
                return _Pair(f"{TO_JUDGE}{_statement(statement)}", marked, key=_statement(statement))
            return _Pair(f"{TO_JUDGE}{_statement(statement)}", answered)
    if asks is None:
        return None
    return _with_choices(lines[: asks + 1], lines[asks + 1 :], answered)


_TASK_LABEL = regex(r"(?i)^(?:\*\*|__)?(?:exercise|task|problem)\s*\d+(?:\.\d+)*[.:)]?(?:\*\*|__)?\s+")
"""A task's number before what it asks (``**Exercise 3.** Define …``): no part of the card's front."""
_TOLD = regex(
    r"(?:briefly\s+|fully\s+)?(?:define|explain|describe|name|list|state\s+(?!of\b)|give|compare|contrast|outline|discuss|identify"
    r"|distinguish|differentiate|calculate|summari[sz]e|justify|translate|conjugate|find|compute|solve"
    r"|evaluate|integrate|simplify|prove|derive|determine|convert)\b(?!.*\b(?:below|above)\b)",
    re.I,
)
"""A line that says what to answer (``Define osmosis.``, ``**Exercise 3.** Briefly name the gas …``):
with its answer in words below it, a card; not a worksheet's ``Write your observations below.`` or a
heading's ``State of …``."""


def _with_choices(question: Sequence[str], lines: Sequence[str], answered: str) -> _Pair | None:
    """The question's lines and its choices one a line, unlettered (as exam dumps write them), asked
    with the choices listed; none when the answer is none of them. An answer naming one choice in
    fewer words, at least half of them (``Ans - functions`` for ``Azure Functions.``, not ``Bob`` for
    ``Bob has the most context``), is that choice."""
    choices = [line.strip() for line in lines if line.strip()]
    if choices and not any(same_words(choice, answered) for choice in choices):
        most = 2 * len(answered.split())
        named = [
            choice for choice in choices if within_words(answered, choice) and len(choice.split()) <= most
        ]
        if len(named) != 1:
            return None
        answered = named[0]
    listed = "\n".join(f"- {choice}" for choice in choices)
    return _Pair("\n\n".join(part for part in ("\n".join(question), listed) if part), answered)


def _asks(line: str) -> bool:
    """A line that asks: a question (closing with its mark or, in Japanese and Chinese, its particle), a
    statement to judge true or false, or one with a blank to fill (``S3 is designed for ________
    durability.``)."""
    stripped = line.rstrip()
    if stripped.endswith(("?", "\uff1f", "\u061f")):  # a full-width or Arabic mark too
        return True
    if "___" in line and BLANK.search(line) is not None:
        return True
    if asks_to_judge(line):
        return True
    return may_end_with_particle(stripped) and _QUESTION_PARTICLE.search(line) is not None  # `…いくつか。`


def asks_to_judge(line: str) -> bool:
    """A line marked as a statement to judge true or false, before its words (``T/F: …``) or after them
    (``… (True/False)``, ``… True or False?``); not a title that only says so (``True/False``)."""
    if not _may_judge(line):
        return False
    to_judge = _JUDGE.match(line) is not None and bool(_JUDGE.sub("", line).strip(" :.-)]*_"))
    return to_judge or _JUDGED_AFTER.search(line) is not None


def _may_judge(line: str) -> bool:
    """Whether ``_JUDGE`` or ``_JUDGED_AFTER`` can match ``line``: each of their ways holds ``/`` or ``fa``
    (``false``, ``falso``, ``faux``, ``falsch``), and ``re.I`` reads no other character as ``f`` or ``a``."""
    return "/" in line or "fa" in line.casefold()


_QUESTION_PARTICLE = regex(QUESTION_PARTICLE)
NUMBERED_HEADING = regex(rf"\d{{1,3}}[.)\u3001\uff0e](?!\d)|{_SECTION_NUMBER}")
"""A heading's number, maybe with no space after it: ``13.List, Set, Map …``, ``4、…``, ``1.3 Define …``
(not ``2.4 GHz``)."""


_ASKS_IN_OTHER_WORDS = regex(
    r"区别|不同|是否|什么|哪|如何|为什么|怎么|怎样|吗|对不对|是不是|能不能|会不会|可不可以|有没有|多少|还是"
    rf"|谈谈|说说|简述|(?i:\bdifferences?\b)|{VERSUS.pattern}"
)
"""Words that ask where no question mark does, in a numbered heading among headings that ask: a
difference (``区别``, ``Difference between …``, ``A vs B``), whether (``是否``), what (``什么``), how
(``如何``) …; ``4. References`` or ``配置环境变量`` (a step) asks nothing."""


def asks_unmarked(title: str) -> bool:
    """A heading's words that ask without their ``?``, as interview handbooks write them: a wh-word, then
    the verb before the subject (``What are closures``, ``25. How do you delete a cookie``; not ``How it
    works`` or ``What's new``)."""
    return _UNMARKED_QUESTION.match(title) is not None


_UNMARKED_QUESTION = regex(
    r"(?:\d{1,4}[.)][ \t]+)?(?i:what|why|how|when|where|which|who)[ \t]+"
    r"(?i:is|are|was|were|do|does|did|can|could|should|would|will|has|have)\b[^?\n]*$"
)


_PROMPTING_HEADING = regex(
    r"(?i)(?:explain|describe|define|compare|contrast|distinguish|differentiate)\s+\S|differences?\s+between\s"
)
"""Words that ask as an interview's prompt does, among headings that ask (``### Explain decorators``,
``### Difference between copy and deepcopy``)."""


def _answered_heading(ctx: Context, blocks: Sequence[Node], section: tuple[str, ...]) -> str:
    """The answer under a heading that asks (``### What is IaaS?``) when the heading holds nothing
    but a few paragraphs of prose, maybe with code or a quote: its heading is the question. Lists,
    tables or terms under it make it a topic of the notes, not a card, unless an ``A:`` alone on its
    line says they are the answer, or the heading is one of the questions to study that a title above
    it names (``_studied_answer``); else an answer in words (``**Answer:** IAM``) is."""
    heading, title = blocks[0], heading_text(blocks[0])
    if heading.tag == "h1":
        return ""
    asked = plain(_unnumbered(title))
    if not _heading_asks(ctx, heading, title, asked):
        return ""
    below = _section_text(blocks[1:])
    if below and below[0].type == "paragraph" and _judged_below(below[0], section):
        return ""  # `## Vrai ou faux ?` over `Paris est en France. (V)`: statements to judge, a card each
    below = below[
        : next(
            (
                at
                for at, n in enumerate(below)
                if _apart(ctx, n) or _aside_apart(n, asked) or (at and _asked_anew(ctx, below[0], below[at:]))
            ),
            None,
        )
    ]
    while below and below[-1].type == "paragraph" and leads_up_the_page(below[-1].children[0].content):
        ctx.claim(below.pop())  # `**[⬆ Back to Top](#table-of-contents)**` after the answer: no part of it
    quoted = _quote_answer(ctx, below[0], alone=len(below) == 1) if below else None
    if quoted is not None:  # `> [!success]- Answer` right under it, or a quote and nothing else
        ctx.claim(heading, below[0])
        return quoted
    label = ("" if _label_alone(below[0]) else _answer_label(below[0], asked=title)) if below else None
    if label == "":  # `A:` (`**Answer**`) alone, and the answer below it (a list too), up to the next `Q:`
        answer = list(itertools.takewhile(lambda node: not _opens_with_q(node), below[1:]))
        if not answer or any(ctx.is_claimed(node) for node in below[: len(answer) + 1]):
            return ""
        ctx.claim(heading, *below[: len(answer) + 1])
        return "\n\n".join(ctx.doc.written(node).strip() for node in answer)
    if (
        label
        and label.endswith(":")
        and len(below) == 2
        and below[1].type in LISTS
        and not ctx.is_claimed(below[1])
    ):
        ctx.claim(heading, *below)  # `A: Three cases:` over the list it announces
        return f"{label}\n\n{ctx.doc.written(below[1]).strip()}"
    words = list(itertools.takewhile(lambda node: node.type in _ANSWER_BLOCKS, below))
    beside = below[len(words)] if words and len(words) < len(below) else None
    apart = beside is not None and (_holds_terms(beside) or _tabled_apart(words, beside))
    if apart and not announces(words[-1]):
        below = words  # `### What does git stash do?`, its answer, then terms or a table: cards of their own
    prose = [node for node in below if node.type == "paragraph"]
    if not prose or len(prose) > _ANSWER_PARAGRAPHS or any(node.type not in _ANSWER_BLOCKS for node in below):
        after = blocks[1 + len(below)] if len(blocks) > 1 + len(below) else None
        return _worded_below(ctx, heading, below) or _studied_answer(ctx, heading, below, after, section)
    paired = bool(label)  # `**A:** …`, `**Answer:** …`: an answer's label, no term
    termed = [node for node in prose if not (paired and node is below[0]) and not _told_in_star(node)]
    if any(ctx.is_claimed(node) for node in below) or any(split_term(node.children[0]) for node in termed):
        return _worded_below(ctx, heading, below)
    ctx.claim(heading, *below)
    texts = [label if index == 0 and label else ctx.doc.written(node) for index, node in enumerate(below)]
    return "\n\n".join(text.strip() for text in texts)  # `A: The ohm.` loses its label


def _asked_anew(ctx: Context, answer: Node, blocks: Sequence[Node]) -> bool:
    """Whether blocks under a heading's short ``answer`` (``Answer: C``, ``||Nitrogen||``, a spoiler's
    quote) open with a question of their own answered in words or a spoiler below it (``Which vitamin
    helps blood clot?`` over ``||Vitamin K||``, ``Answer: Vitamin K``): a card of its own, no part of
    the answer above."""
    if len(blocks) < 2 or blocks[0].type != "paragraph" or not _short_answer(ctx, answer):
        return False
    if blocks[1].type == "blockquote" and _spoiler_quote(ctx, blocks[1]):
        return _asks(paragraph_words(blocks[0]).strip())
    return _asked_and_answered(*blocks[:2]) is not None


def _short_answer(ctx: Context, answer: Node) -> bool:
    """An answer of one line, labelled (``Answer: C``) or hidden (``||Nitrogen||``), or a spoiler's
    quote."""
    if answer.type == "blockquote":
        return _spoiler_quote(ctx, answer)
    words = paragraph_words(answer).strip() if answer.type == "paragraph" else "\n"
    return "\n" not in words and (answer_line(words) is not None or _worded(answer) is not None)


def _heading_asks(ctx: Context, heading: Node, title: str, asked: str) -> bool:
    """Whether a heading (``title``, its words ``asked``) asks, says what to explain, or is numbered as
    the headings that ask around it are; each way looked at only while the ones before it fail."""
    if is_aside(asked):
        return False  # `### Did you know?` over a paragraph: a sidebar's title, asking nothing
    if _asks(asked) or (BLANK.search(title) and not _SCORED.search(title)):  # (``asked`` lost `___`)
        return True
    if (numbers_a_question(title) and instructs(asked)) or (  # `### Q3. Explain …`
        NUMBERED_HEADING.match(title) and EXPLAIN.match(asked) and asked.endswith(".")  # `### 3. Explain ….`
    ):
        return True
    # `### 25. What is Hoisting` among many such: numbered, as handbooks of questions number them
    if NUMBERED_HEADING.match(title) is not None and (
        (ctx.asked_in_headings and asks_unmarked(title))
        or (  # `##### 13.List, Set, Map是否继承自Collection接口` among numbered headings that ask with a `?`
            heading.tag in ctx.numbered_questions
            and (_ASKS_IN_OTHER_WORDS.search(asked) is not None or instructs(asked) or asks_unmarked(asked))
        )
    ):
        return True
    return ctx.asked_in_headings and _PROMPTING_HEADING.match(asked) is not None  # `### Explain …`


def _tabled_apart(words: Sequence[Node], table: Node) -> bool:
    """A table under the words answering a heading that asks, which they do not point at (``the table
    below``, ``as follows``): a table's rows are cards of their own, the words the heading's answer."""
    said = " ".join(paragraph_words(node) for node in words if node.type == "paragraph")
    return (
        table.type == "table"
        and len(said.split()) >= _ANSWERING_WORDS
        and _POINTS_DOWN.search(said) is None
        and _POINTING_OPENING.match(said) is None
    )


_ANSWERING_WORDS = 8
_POINTS_DOWN = regex(
    r"(?i)\b(?:below|follows?|following|tables?|here(?:'s|\s+is|\s+are)|see|summari[sz]ed|shown|compared?"
    r"|these|ways?|criteria)\b|:"
)
"""Words pointing at what comes next (``compared below``, ``summarised in the comparison that
follows``, ``these criteria``, ``three ways: …``): the table is the answer, and no words alone."""
_POINTING_OPENING = regex(r"(?i)(?:it|they|this|that|these|those|there|here|compare|see)\b")
"""A paragraph opening with a word that points elsewhere (``It depends on …``, ``They differ …``): it
answers only with what it points at."""


def _apart(ctx: Context, node: Node) -> bool:
    """A block under a heading's answer that is no part of it: an item of its own, taken by a rule
    before this one (a cloze) or a paragraph of flashcards (``Q: …`` over ``A: …``, a ``?`` line,
    ``Front::Back``), or a note to self (``Next week: …``, ``Remember to …``)."""
    if ctx.is_claimed(node):
        return True
    if node.type == "html_block" and shows_an_example(node.content):
        return True  # `<summary>Show example</summary>` under the answer: notes beside it, not of the card
    if node.type != "paragraph":
        return False
    if _TO_SELF.match(plain(node.children[0].content)) or _terms_of_its_own(node.children[0].content):
        return True
    lines = [line.strip() for line in node.children[0].content.split("\n")]
    if _opens_q_and_a(lines, bank=ctx.numbered_labels) or any(line in _SEPARATORS for line in lines):
        return True
    if _answered_on_the_line(lines, remnote=ctx.remnote, quiz=False):
        return True  # `True or False: … **False**` lines, each a card
    opening = _opens_file(ctx, node)
    return any(
        isinstance(_inline_pair(line, number, opening, in_a_deck=ctx.in_a_deck), _Pair)
        for number, line in enumerate(lines)
    )


def _terms_of_its_own(words: str) -> bool:
    """Whether a paragraph's words are terms with their definitions, cards of their own: a definition
    list (``Default route`` over ``: The route …``) or lines that each open with a bold term
    (``**Default route**: …`` over ``**Static route**: …``)."""
    lines = words.split("\n")
    return defines(words) or (len(lines) > 1 and all(map(line_term, lines)))


def _aside_apart(node: Node, asked: str) -> bool:
    """An aside's paragraph under an answer (``Remember: the quiz is on Friday.``) that neither names
    what its question ``asked`` names nor refers back to it (``Note: it only works …``): a note beside
    the card, no part of its answer."""
    words = node.children[0].content if node.type == "paragraph" else "\n"
    said = aside_line(words) if "\n" not in words else None
    if said is None:
        return False
    return REFERS_BACK.search(said.rest) is None and _named_words(asked).isdisjoint(_named_words(said.rest))


REMINDER = r"remember\s+to|don'?t\s+forget\s+to|do\s+not\s+forget\s+to|note\s+to\s+self|to\s*do\b"
"""How a reminder opens (``Remember to …``, ``Note to self: …``): a note to self, nothing to recall."""
_TO_SELF = regex(
    rf"(?i)\W*(?:{REMINDER}|don'?t\s+forget|homework\b"
    r"|next\s+(?:week|lecture|class|seminar|time)\b|read\s+(?:chapter|ch\.|pages?)\b)"
)
"""How a note to self opens: a reminder, or what to do or read next; no part of an answer."""


def _asks_in_words(block: Node) -> bool:
    """A paragraph that asks (a ``?``, a blank, ``Which …``, ``Select …``, left open to complete: ``If a
    seedling wilts I should:``) or says what to do."""
    words = block.children[0].content.strip() if block.type == "paragraph" else ""
    return bool(words) and (asks(words) or instructs(words) or _asks(words) or words.endswith(":"))


def _told_in_star(paragraph: Node) -> bool:
    """A paragraph of ``**Situation:**``, ``**Task:**``, ``**Action:**`` and ``**Result:**`` lines, as
    interview answers are told (the STAR approach): the answer, no glossary of those words."""
    lines = paragraph.children[0].content.split("\n")
    return [plain(line).partition(":")[0].strip().casefold() for line in lines] == list(_STAR)


_STAR = ("situation", "task", "action", "result")


def _studied_answer(
    ctx: Context, heading: Node, below: Sequence[Node], after: Node | None, section: tuple[str, ...]
) -> str:
    """Under a title naming questions to study (``## Interview questions``, ``FAQ``), the answer to a
    heading that asks in a few words or more: words first, then the lists, code or quotes that go on
    with them (``EC2: long running``), none of it another rule's. A list alone, one the words
    announce (``The main ones:``) or one of names is a set to recall; bold terms, questions or a table
    below are cards of their own; a subheading below goes on with the answer, which a card would cut
    short: no card."""
    asked = _unnumbered(heading_text(heading))
    if not _studied_title(ctx, section) or len(asked.split()) < _ASKING_WORDS or _points_back(asked):
        return ""
    coded = len(below) == 1 and below[0].type in ("fence", "code_block") and _asks_for_code(asked)
    if not below or (below[0].type != "paragraph" and not coded) or len(below) > _STUDIED_BLOCKS:
        return ""  # words first, or code alone answering `How do you reverse a string?`
    if after is not None and after.type == "heading" and heading_level(after) > heading_level(heading):
        return ""
    if any(node.type not in _STUDIED_ANSWER or ctx.is_claimed(node) for node in below):
        return ""
    termed = below[0].type == "paragraph" and split_term(below[0].children[0]) is not None
    if termed or any(_holds_terms(node) for node in below):
        return ""
    if any(node.type in LISTS and any(map(listed_question, node.children)) for node in below):
        return ""  # `- What is a subnet?` with its answer: a card of its own
    if any(_names_a_set(node) for node in below):
        return ""  # `- Chrome`, `- Firefox`, `- Safari`: a set to recall
    if any(words.type == "paragraph" and announces(words) for words in below[:-1]):
        return ""  # `The ones you use every day:` over the list: the answer is a set to recall
    ctx.claim(heading, *below)
    return "\n\n".join(ctx.doc.written(node).strip() for node in below)


def _asks_for_code(asked: str) -> bool:
    """Whether code alone may answer ``asked``: it asks how to do something, or to write it, and not
    about code it shows."""
    return _ASKS_FOR_CODE.match(asked) is not None and _GIVES_CODE.search(asked) is None


def _names_a_set(node: Node) -> bool:
    """A list of three or more names (``- Physical``, ``- Data link``, …), a few words each."""
    items = node.children if node.type in LISTS else []
    names = [
        item.children[0].children[0].content for item in items if item.children and item.children[0].children
    ]
    return (
        len(items) >= _SET_ITEMS
        and len(names) == len(items)
        and all("\n" not in name and len(name.split()) <= _SET_WORDS for name in names)
    )


def _holds_terms(node: Node, *, plain: bool = False) -> bool:
    """A list with a bold term in an item (``- **Standard:** …``), or with ``plain`` also one of plain
    ``Name: what it is`` items: a card per term."""
    firsts = [
        item.children[0].children[0]
        for item in (node.children if node.type in LISTS else [])
        if item.children and item.children[0].type == "paragraph"
    ]
    return any(
        split_term(first) or (plain and "\n" not in first.content and plain_term(first.content))
        for first in firsts
    )


def studied(ctx: Context, section: tuple[str, ...]) -> bool:
    """Whether a title over the notes (the file's or a heading's) names questions to study."""
    return _titles_study((ctx.doc.part, *section))


def _studied_title(ctx: Context, section: tuple[str, ...]) -> bool:
    """Whether a title over the notes names questions to study in so many words (``Interview
    questions``, ``FAQ``), not only the occasion (``User interview synthesis``, ``Pub quiz night``)."""
    return studied(ctx, section) and _titles_name_questions((ctx.doc.part, *section[:-1]))


def _names_questions(ctx: Context, section: tuple[str, ...]) -> bool:
    """Whether the titles over a block, its own heading too, name questions to study in so many words."""
    return studied(ctx, section) and _titles_name_questions((ctx.doc.part, *section))


@lru_cache(maxsize=1024)  # asked for every block under the same few headings: read each run of them once
def _titles_study(titles: tuple[str, ...]) -> bool:
    """Whether one of ``titles`` names questions to study and none open questions (``studied``)."""
    return any(_STUDY_TITLE.search(title) for title in titles) and not any(map(_OPEN_TITLE.search, titles))


@lru_cache(maxsize=1024)  # as ``_titles_study``
def _titles_name_questions(titles: tuple[str, ...]) -> bool:
    """Whether one of ``titles`` names questions in so many words (``Interview questions``, ``FAQ``)."""
    return any(map(_NAMES_QUESTIONS.search, titles))


@lru_cache(maxsize=1024)  # as ``_titles_study``
def _titles_a_quiz(titles: tuple[str, ...]) -> bool:
    """Whether one of ``titles`` is a quiz's (``_QUIZ``): a bare word in brackets under it answers."""
    return any(_QUIZ.search(title) for title in titles)


def _with_case(ctx: Context, above: Sequence[Node], pair: _Pair) -> _Pair:
    """A question asked of a case (``What is the most likely diagnosis?``) right under the case (a
    paragraph that states it, maybe with its findings listed under a line ending in a colon): the case
    is part of the front, which alone could not be answered."""
    if not above or _OF_A_CASE.search(pair.front) is None:
        return pair
    found = list(above[-2:]) if above[-1].type in LISTS else [above[-1]]
    case = found[0]
    if case.type != "paragraph" or any(ctx.is_claimed(node) for node in found):
        return pair
    stated = case.children[0].content
    listed = len(found) > 1 and (stated.endswith(":") or _findings(ctx, found[1]))
    if "?" in stated or len(stated.split()) < _CASE_WORDS or (len(found) > 1 and not listed):
        return pair
    ctx.claim(*found, *(inner for node in found for inner in node.walk()))
    written = "\n\n".join(ctx.doc.written(node).strip() for node in found)
    return replace(pair, front=f"{written}\n\n{pair.front}")


def _findings(ctx: Context, node: Node) -> bool:
    """A case's findings listed under its statement: bullets of a short name and its value each
    (``- BP: 90/60``, ``- ECG: ST elevation in II, III, aVF``)."""
    return node.type == "bullet_list" and all(
        _FINDING.fullmatch(ctx.doc.written(item).strip().lstrip("-*+ ").strip()) for item in node.children
    )


_FINDING = regex(r"[^:\n]{1,30}:[ \t]*[^\n]{1,80}")
_OF_A_CASE = regex(
    r"(?i)\b(?:most\s+likely|(?:best|most\s+appropriate)\s+(?:next\s+)?(?:step|treatment|test|management)"
    r"|(?:the|this)\s+(?:patient|child|infant|man|woman|boy|girl|case|company|customer)(?:'s)?)\b"
)
"""What a question asked of a case says (``the most likely diagnosis``, ``this patient``, ``the company``)."""
_CASE_WORDS = 8
"""At least this many words in the paragraph that states a case."""


def _points_back(asked: str) -> bool:
    """``What is it used for?``: a few words pointing back at the notes above, nothing on its own."""
    return len(asked.split()) <= _POINTING_WORDS and _POINTING.search(asked) is not None


def _worded_below(ctx: Context, heading: Node, below: Sequence[Node]) -> str:
    """``**Answer:** IAM`` under a heading that asks, and the ``Explanation: …`` paragraphs after it:
    the answer; else nothing."""
    worded = _worded(below[0]) if below else None
    used = 1 + sum(1 for _ in itertools.takewhile(lambda node: _explains(ctx, node), below[1:]))
    if worded is None or any(ctx.is_claimed(node) for node in below[:used]):
        return ""
    ctx.claim(heading, *below[:used])
    return "\n\n".join([worded, *(ctx.doc.written(node).strip() for node in below[1:used])])


def _opens_with_q(node: Node) -> bool:
    """A paragraph whose first line is a ``Q:`` question, or a quote or list that opens with one (``>
    **Q:** …``, ``- Q: …``): the next card's, not this answer's."""
    opening = node.children[0] if node.type == "blockquote" and node.children else _opening_paragraph(node)
    return (
        opening.type == "paragraph"
        and _question_line(opening.children[0].content.partition("\n")[0]) is not None
    )


def _answer_label(node: Node, *, asked: str = "") -> str | None:
    """What a paragraph says after an ``A:`` that opens it (``A: The ohm.``), or ``None``."""
    return _after_answer_label(node.children[0].content, asked=asked) if node.type == "paragraph" else None


def _after_answer_label(text: str, *, numbered: bool = True, asked: str = "") -> str | None:
    """What a text says after an ``A:`` (``**Ans.**`` …) that opens it, or ``None``. Not ``numbered``:
    an ``A4:`` opening it is its words (a paper size, a cell), no label."""
    first, newline, rest = text.partition("\n")
    label = _ANSWER.match(first.strip()) or _reply(asked, first.strip())
    if label is None or (not numbered and any(map(str.isdigit, first.strip()[: label.start("text")]))):
        return None
    return f"{label['text']}{newline}{rest}".strip()


def _headed_pair(ctx: Context, blocks: Sequence[Node]) -> tuple[int, _Pair | _Missing] | None:
    """``### Question`` over the question's words, then (past a ``---``) ``### Answer`` over the
    answer's, as interview-question notes write them (``### Front`` and ``### Back``, as flashcard
    apps' imports do): the pair, and how many blocks it took after the first heading."""
    numbered = numbers_a_task(heading_text(blocks[0]))  # `### Exercise 3` over `### Solution`
    asked = _side_named(_plain_heading(blocks[0]))
    if asked not in _QUESTION_HEADINGS and asked != "front" and not numbered:
        return None
    level = heading_level(blocks[0])
    question = _section_text(blocks[1:])
    if asked == "front" and not (len(question) == 1 and question[0].type == "paragraph"):
        return None  # a card's front asks in a paragraph; `### Front` over a list is a side of a thing
    if (
        asked == "front"
        and not (_asks(words := question[0].children[0].content) or instructs(words))
        and not _deck_of_sided_headings(ctx)
    ):
        return None  # `### Front` over `Squats 5x5`: a gym log's, a house's or a shirt's front
    at = 1 + len(question)
    while at < len(blocks) and blocks[at].type == "hr":
        at += 1
    if not question or any(ctx.is_claimed(node) for node in question):
        return None
    below = blocks[at] if at < len(blocks) else None
    answers = _SOLUTION_HEADINGS if numbered else {"back"} if asked == "front" else _ANSWER_HEADINGS
    deeper = numbered and below is not None and below.type == "heading" and heading_level(below) == level + 1
    if (
        deeper
        and all(block.type == "paragraph" for block in question)
        and not any(map(_asks_in_words, question))
    ):
        deeper = False  # `## Question 3` over `Scored 4/10.`, `### Answer` a teacher's remark: a log's
    answered = (
        below is not None and (below.tag == blocks[0].tag or deeper) and _plain_heading(below) in answers
    )
    answer = _section_text(blocks[at + 1 :]) if answered else []
    if numbered and answered:  # the solution's own steps (`#### Step 1`) are part of it, a cell's output not
        answer = list(itertools.takewhile(lambda node: not _ends_solution(level, node), blocks[at + 1 :]))
    if not answer and (numbered or asked not in {*_QUESTION_WORDS, "front"}):
        return None  # `### Exercise 3`, `## 问题` (a post-mortem's "problem") with no answer below: notes
    if not answer:
        message = (
            f"flashcard `{heading_text(blocks[0])}` heading with no answer heading of its level below it"
        )
        answering = "Back" if asked == "front" else "Answer"  # `### Front` pairs with `### Back`
        return 0, _Missing(f"{message}: write `{'#' * level} {answering}` and the answer under it")
    taken = [*blocks[: at + 1 + len(answer)]]
    if any(ctx.is_claimed(node) for node in taken):
        return None
    ctx.claim(*taken)
    front, back = ("\n\n".join(ctx.doc.source(node).strip() for node in part) for part in (question, answer))
    return at + len(answer), _Pair(front, back)


def _deck_of_sided_headings(ctx: Context) -> bool:
    """Whether a file pairs a ``Front`` heading with a ``Back`` heading of its level right below it two
    or more times, as a deck exported with a heading a side does: there a front that names a term
    (``Markovnikov's rule``) is a card's too, where one ``Front`` over ``Back`` is a house's or a shirt's."""
    headings = [block.node for block in ctx.doc.blocks if block.node.type == "heading"]
    pairs = sum(
        _side_named(_plain_heading(above)) == "front"
        and _plain_heading(below) == "back"
        and above.tag == below.tag
        for above, below in itertools.pairwise(headings)
    )
    return pairs >= _SIDED_PAIRS


_SIDED_PAIRS = 2


def _ends_solution(level: int, node: Node) -> bool:
    """Whether ``node`` ends a solution under a heading of ``level``: a heading at its level or above, or
    a notebook cell's output (``Out[4]:``), which no answer holds."""
    return _ends_section(node, level) or opens_output(node)


def _table_cards(table: Node) -> list[tuple[Node, _Pair | _Missing]] | None:
    """A table's cards (``_card_rows``; a grid of statements to judge, ``_judged_rows``); ``None`` for a
    table of neither kind (an empty one of the first is still its own)."""
    rows = _card_rows(table)
    return rows if rows is not None else _judged_rows(table) or _clue_rows(table)


_KEY_NUMBER_COLUMNS = frozenset({"q", "q.", "qn", "q no", "q. no.", "no", "no.", "nr", "#"})
"""How a key's column of question numbers is headed; ``Front`` or ``Term`` heads cards (``| 1 | uno |``)."""


def _keyed_row(cells: Sequence[str], front_at: int, back_at: int) -> bool:
    """A key's row: a question's number over an option's letter or number (``| 1 | B |``, ``| 2 | (3) |``)."""
    back = plain(cells[back_at]).strip().strip("()[]")
    return is_question_id(cells[front_at]) and (key_cell_answer(cells[back_at]) is not None or back.isdigit())


def _clue_rows(table: Node) -> list[tuple[Node, _Pair | _Missing]] | None:
    """A table of clues and the names they call for, as exam cheat sheets map them (``| Trigger phrase |
    Solution |`` over ``| "Shared files for Linux" | **EFS** |``): a card per row, the clue its front
    (its quotes dropped); ``None`` unless two columns, the first headed as clues, every answer a name of
    a few words and the clues longer. Its clues are sentences: as a table it would give no card."""
    header, *rows = [row for part in table.children for row in part.children]
    names = [plain(cell) for cell in table_cells(header)]
    cells = [table_cells(row) for row in rows]
    if len(names) != 2 or not rows or _CLUE_HEADER.fullmatch(names[0]) is None:
        return None
    if any(not clue.strip() or len(plain(named).split()) > _NAMED_WORDS for clue, named in cells):
        return None  # `| Requirement | How we meet it |`: what is done, no name to recall
    if all(len(plain(named).strip(" .)")) <= 1 for _, named in cells):
        return None  # `| Scenario | Answer |` over `| … | B |`: a key's letters, options elsewhere
    if sum(len(plain(clue).split()) for clue, _ in cells) <= sum(
        len(plain(named).split()) for _, named in cells
    ):
        return None  # `| Scenario | … |` over names as long as their answers: a table's labels
    return [
        (row, _Pair(_QUOTED.sub(r"\g<said>", clue.strip()), _wholly_unbolded(named.strip())))
        for row, (clue, named) in zip(rows, cells, strict=True)
    ]


def _wholly_unbolded(text: str) -> str:
    """``text`` without the bold around all of it (``**EFS**``): a cheat sheet's way to mark the answer."""
    bold = BOLD_TEXT.fullmatch(text)
    return bold["inner"] if bold else text


_CLUE_HEADER = regex(
    r"(?i)\W*(?:(?:exam\s+)?(?:trigger|key)\s*(?:words?|phrases?)|triggers?|keywords?|clues?|scenarios?"
    r"|use\s+cases?|requirements?|needs?|situations?|symptoms?|signs?|hints?|if\s+you\s+see"
    r"|(?:when\s+)?(?:the\s+)?question\s+(?:says|mentions|asks(?:\s+for)?))\W*"
)
"""A column of clues, as cheat sheets head one: ``Trigger phrase``, ``Scenario``, ``Symptoms``,
``If you see``."""
_NAMED_WORDS = 7
"""The longest name a clue calls for (``AWS Database Migration Service (DMS)``)."""
_QUOTED = regex(r"[\"\u201c](?P<said>[^\"\u201c\u201d\n]+)[\"\u201d]")
"""A clue in quotes, as the words an exam's question would use: ``"Shared files for Linux"``."""


def _judged_rows(table: Node) -> list[tuple[Node, _Pair | _Missing]] | None:
    """A grid of statements each ticked under ``Yes`` or ``No`` (``True``, ``False``), as Microsoft's
    exams set them: a statement to judge per row; ``None`` for any other table."""
    header, *rows = [row for part in table.children for row in part.children]
    names = [plain(cell).casefold() for cell in table_cells(header)]
    if (
        len(names) != 3
        or not rows
        or names[0] not in _STATEMENTS
        or frozenset(names[1:]) not in _VERDICT_COLUMNS
    ):
        return None  # `| Service | Yes | No |`: a feature matrix, no statements to judge
    cells = [table_cells(row) for row in rows]
    if sum(len(plain(row[0]).split()) for row in cells) < _STATEMENT_WORDS * len(rows):
        return None  # `| Tugs push ships | ☑ | ☐ |`: rows named in a few words, a table's rows as ever
    found: list[tuple[Node, _Pair | _Missing]] = []
    for row, (statement, *ticks) in zip(rows, cells, strict=True):
        ticked = [name for name, cell in zip(names[1:], ticks, strict=True) if _TICK.fullmatch(cell.strip())]
        if len(ticked) != 1 or not statement.strip():
            return None
        said = "True" if ticked[0] in ("yes", "true") else "False"
        found.append((row, _Pair(f"{TO_JUDGE}{statement.strip()}", said)))
    return found


_VERDICT_COLUMNS = (frozenset({"yes", "no"}), frozenset({"true", "false"}))
_STATEMENTS = frozenset({"statement", "statements", ""})
_STATEMENT_WORDS = 5
"""Words, on average, from which a grid's rows are statements to judge; fewer name their rows, which a
table asks row by row (as it did before such grids were read: their notes keep their history)."""
_SAYS_HOW_TO_JUDGE = regex(r"(?i)\b(?:select|choose|mark|tick|answer)\s+(?:yes|true)\b")
"""The words over a grid of statements to judge: ``For each … select Yes if the statement is true.``"""
_TICK = regex(r"[xX\u2611\u2612\u2713\u2714\u2705\u25cf\u25c9]\ufe0f?|\[[xX]\]")
"""A tick in a grid's cell: ``X``, ``☑``, ``✓``, ``✅``, ``●``, ``[x]``; an empty box (``☐``) is none."""


def _card_rows(table: Node) -> list[tuple[Node, _Pair | _Missing]] | None:
    """A table whose columns are a card's sides (``Question | Answer``, ``Front | Back``, ``Term |
    Definition``), maybe after a number column and before notes for the back (``Explanation``):
    each row's card, or a warning for a row with a side left empty; ``None`` for any other table."""
    header, *rows = [row for part in table.children for row in part.children]
    heads = table_cells(header)
    if rows and sums_up_the_page(heads, table_cells(rows[-1])):
        return None  # a Cornell page, printed whole: its summary's row is asked on no card
    names = [plain(cell).casefold() for cell in heads]
    if names and names[0] in ROW_NUMBER_COLUMNS:
        names[0] = ""  # the row's number: no part of the card
    sides = [name for name in names if name]
    named_answer = sides[:1] == ["name"] and len(sides) > 1 and sides[1] in _ANSWER_HEADINGS  # Notion's
    cornell = (
        len(sides) == 2 and cue_column(heads) is not None and sides[1] in _NOTE_COLUMNS
    )  # `| Cue | Notes |`
    fronted = named_answer or (bool(sides) and sides[0] in _FRONT_COLUMNS)
    if len(sides) < 2 or not (cornell or (fronted and sides[1] in _BACK_COLUMNS)):
        return None
    decked = sides[:2] == ["front", "back"]  # a deck's own words: an example's column is its back's too
    extras = _CARD_EXTRAS | _EXAMPLE_COLUMNS if decked else _CARD_EXTRAS
    if any(name not in extras for name in sides[2:]):
        return None  # `| Question | Answer | Why | Cost |`, `| Front | Back | Side |`: a comparison
    front_at, back_at = names.index(sides[0]), names.index(sides[1])
    if (
        names[front_at] in _KEY_NUMBER_COLUMNS
        and rows
        and all(_keyed_row(table_cells(row), front_at, back_at) for row in rows)
    ):
        return None  # `| Q | Answer |` over `| 1 | B |`: an answer key's rows, no cards
    tags_at = [index for index, name in enumerate(names) if name in _TAG_COLUMNS]
    notes_at = [
        at
        for at, name in enumerate(names)
        if at > back_at and name and at not in tags_at and name not in _RECORD_COLUMNS
    ]
    named = [plain(cell) for cell in table_cells(header)]
    found: list[tuple[Node, _Pair | _Missing]] = []
    commas = any(mark in table_cells(row)[at] for row in rows for at in tags_at for mark in ",;")
    for row in rows:
        cells = table_cells(row)  # markdown-it pads a short row to the header's cells
        front, back = cells[front_at], cells[back_at]
        front = bold["inner"] if (bold := BOLD_TEXT.fullmatch(front)) else front  # `| **Region** | … |`
        if front and back:
            more = [
                f"{named[at]}: {cells[at]}" if names[at] in _ON_BACK_BY_NAME else cells[at]
                for at in notes_at
                if cells[at]
            ]
            tags = " ".join(_anki_tags(cells[at], commas=commas) for at in tags_at)
            found.append((row, _Pair(front, "\n\n".join([back, *more]), tags=tags)))
        elif front or back:
            found.append((row, _Missing("card row with an empty side: fill in both cells")))
    return found


def _anki_tags(cell: str, *, commas: bool) -> str:
    """A cell of tags as Anki's words: parted by commas where the column's cells use them (Notion's),
    else by spaces (Anki's), each tag's words joined by ``_`` (``machine learning`` is one tag),
    without the marks around it (``#``, ``[[…]]``, code)."""
    names = re.split(r"\s*[,;]\s*", cell) if commas else cell.split()
    words = (re.sub(r"\s+", "_", name.strip().strip("#[]`").strip()) for name in names)
    return " ".join(word for word in words if word)


def _plain_heading(node: Node) -> str:
    return heading_text(node).strip().rstrip(":").casefold() if node.type == "heading" else ""


def _side_named(heading: str) -> str:
    """A plain heading as the card side it names: ``front`` for ``Front Climate`` or ``Front: Climate``
    too (a topic after the side's name, which the apps that import such cards ignore); any other as it
    is (``Front-end``, ``Frontal lobe``)."""
    first, _, rest = heading.partition(" ")
    return "front" if first.rstrip(":") == "front" and rest.strip() else heading


def _ends_section(node: Node, level: int) -> bool:
    """A heading of ``level`` or above, or ``---``: the end of a section of that level."""
    return node.type == "hr" or (node.type == "heading" and heading_level(node) <= level)


def _statement_answered(ctx: Context, blocks: Sequence[Node]) -> tuple[int, _Pair] | None:
    """A heading that names a case (``## Scenario 1``, ``### Trap 2``) over what happens (a paragraph or
    a few, a list among them), then ``Answer:`` alone over the answer, maybe then ``Reason:`` alone
    over why, and nothing else up to the next heading or ``---``: the case is asked, its heading the
    section. The pair, and how many blocks it took after the heading. A ticket's or a worksheet's
    heading (``## Ticket 4812``, ``## Source B``) names no case to study."""
    if not _CASE_HEADING.match(heading_text(blocks[0])):
        return None
    below = _section_text(blocks[1:])
    label = next((number for number, node in enumerate(below) if _answer_label(node) == ""), 0)
    if not 1 <= label <= _STATED_BLOCKS or blocks[0].tag == "h1" or len(below) < label + 2:
        return None
    reason = next((number for number in range(label + 1, len(below)) if _bare_reason(below[number])), None)
    answer = below[label + 1 : reason]
    why = below[reason + 1 :] if reason is not None else []
    parts = [*below[:label], *answer, *why]
    if (
        any(node.type not in _STATED or ctx.is_claimed(node) for node in parts)
        or len(answer) > _STATED_BLOCKS
    ):
        return None
    if reason is not None and not why:
        return None
    written = [ctx.doc.written(node).strip() for node in parts]
    front, back = "\n\n".join(written[:label]), "\n\n".join(written[label:])
    if _answers_nothing(written[label]) or _BRACKETED.fullmatch(written[label]):
        return None  # `(Use the lines below. 4 marks.)`: a worksheet's room for an answer
    ctx.claim(*below)
    return len(below), _Pair(front, back)


def _bare_reason(node: Node) -> bool:
    """``Reason:`` (``Why?``, ``**Explanation:**``) alone on its paragraph: the words below explain."""
    return node.type == "paragraph" and explanation_start(node.children[0].content.strip()) == ""


_CASE_HEADING = regex(
    r"(?i)^\W*(?:scenario|case(?:\s+study)?|trap|situation|vignette|problem|exercise|example)\b"
)
_BRACKETED = regex(r"\(.*\)|\[.*\]")
_STATED = ("paragraph", "bullet_list", "ordered_list")
_STATED_BLOCKS = 3
"""At most this many blocks state a case, and as many answer it."""


def _section_text(blocks: Sequence[Node]) -> list[Node]:
    """The blocks under a heading, up to the next heading or ``---``."""
    return list(itertools.takewhile(lambda node: node.type not in ("heading", "hr"), blocks))


def _asked_above(ctx: Context, above: Node | None) -> str:
    """The question a ``Show answer`` block answers: the paragraph or the heading right above it, its
    number dropped (``**1. Which …?**``, ``### 2️⃣ What is a landing zone?``; ``### Create a pod
    named web``, a task), unless that heading only names the answer (``### Solution``)."""
    if above is None or ctx.is_claimed(above):
        return ""
    if above.type == "paragraph":
        return _unnumbered(above.children[0].content.strip())
    title = heading_text(above) if above.type == "heading" and above.tag != "h1" else ""
    return "" if _plain_heading(above) in _NAMES_ANSWER else _unnumbered(title)


def _unnumbered(question: str) -> str:
    """A question without its number or bold (``**3. What is …?**``, ``3. **What is …?**`` → ``What is
    …?``): renumbering the questions must not change their ids."""
    bold = _in_bold(question)
    unnumbered = _without_number(bold["inner"] if bold else question).strip()
    bold = _in_bold(unnumbered)  # `1. **What is …?**`
    return bold["inner"].strip() if bold else unnumbered


def _in_bold(text: str) -> re.Match[str] | None:
    """``BOLD_TEXT.fullmatch(text)``, tried only where ``text`` opens with its ``**`` or ``__``."""
    return BOLD_TEXT.fullmatch(text) if text.startswith(("**", "__")) else None


def _without_number(text: str) -> str:
    """``text`` without the number ``_NUMBERING`` finds opening it, looked for only where its first
    character can open one: bold, a digit (``\\d`` is ``isdecimal``), ``Q`` (``q``) or the keycap ``🔟``."""
    if not (text[:1] in _NUMBER_OPENINGS or text[:1].isdecimal()):
        return text
    return _NUMBERING.sub("", text)


_NUMBER_OPENINGS = frozenset("*_Qq\U0001f51f")


SET_TO_RECALL = (
    "question over a list and no answer of its own, so no card was made: a set to recall makes no card; "
    "ask for one item per card, or write the answer as a sentence with each item in a cloze (`{{c1::…}}`); "
    "options need their letters and an `Answer:` line"
)
"""The warning at a question over a list with no answer (``Q: Name the …``, ``Q4. List the …``, ``1.
What are the three …?``): no rule makes a card of it, as none asks for a set."""


def _questions_and_answers(
    ctx: Context, node: Node, lines: list[str], below: Sequence[Node]
) -> tuple[int, list[_Pair | _Missing]]:
    """``Q:`` lines and the ``A:`` line after each (the ``A:`` may open the paragraph below); an untitled
    callout's marker line above the first is no part of it."""
    following = below[0] if below else None
    sides: list[tuple[int, list[str], list[str]]] = []
    dotted = _SECOND_OPTION.search("\n".join(lines)) is None
    lines = [_unitalicised(line) for line in lines]
    for number, line in enumerate(lines):
        stripped = line.strip()
        asks = _question_line(stripped) or _FRONT.match(stripped) or _term_over_meaning(lines, number)
        answers = _answer_to(lines[sides[-1][0]], line, dotted=dotted) if sides else None
        dotted_q = asks is not None and _DOTTED_QUESTION.match(stripped) is not None  # `Q. …? A. …`
        inline = _answered_on_its_line(asks["text"], dotted=dotted_q) if asks else None
        if inline is not None:  # `Q: How many …? A: Two.` on one line
            sides.append((number, [unbolded(inline["asked"])], [unbolded(inline["answer"])]))
        elif asks is not None:
            sides.append((number, [unbolded(asks["text"])], []))
        elif answers is not None and not sides[-1][2]:
            sides[-1][2].append(unbolded(answers["text"]) or " ")
        elif sides and sides[-1][2] and _LOOSE_QUESTION.match(line.strip()):
            sides.append((number, [line], []))  # `Q - … -> …`: no part of the answer above; said unread
        elif sides:
            (sides[-1][2] or sides[-1][1]).append(line)
    used = 0
    answer_blocks = _answer_blocks(below) if sides[-1][2] and not "".join(sides[-1][2]).strip() else []
    if answer_blocks:  # `A:` alone, and the answer below: a list, code, a table, lists under their titles
        sides[-1][2][:] = ["\n\n".join(ctx.doc.source(block) for block in answer_blocks)]
        used = len(answer_blocks)
        ctx.claim(*answer_blocks)
    elif (
        "".join(sides[-1][2]).strip()
        and following is not None
        and (
            _runs_on(node, following)
            or (
                sides[-1][2][-1].rstrip().endswith(":")
                and following.type in _BLOCK_ANSWERS
                and not _holds_terms(following, plain=True)  # a glossary below is cards of its own
            )
        )
    ):
        # `A: …` and a list right under it, or `A: Three sources:` and the list or code it announces
        sides[-1][2].append(ctx.doc.source(following))
        used = 1
        ctx.claim(following)
    if (
        not sides[-1][2]
        and following is not None
        and (opening := _opening_paragraph(following)).type == "paragraph"
    ):
        text = _unitalicised(opening.children[0].content.strip())
        answers = _answer_to(lines[sides[-1][0]], text.partition("\n")[0], dotted="\n" not in text)
        if answers is not None:
            answered = text[answers.start("text") :]  # its lines as Markdown joins them, indent dropped
            sides[-1][2].append(unbolded("\n".join(line.strip() for line in answered.split("\n"))))
            if opening is not following:  # the outline's `- **A:** …` item: its list says more
                sides[-1][2].extend(ctx.doc.source(child) for child in _below_answer(following))
            used = 1
            ctx.claim(following)
            blocks = _answer_blocks(below[1:]) if opening is following and not answered.strip() else []
            if blocks:  # `**A:**` alone on its paragraph, over the list (or code, or table) that answers
                sides[-1][2][:] = ["\n\n".join(ctx.doc.source(block) for block in blocks)]
                used += len(blocks)
                ctx.claim(*blocks)
    asked = "\n".join(sides[-1][1])
    more = _answer_goes_on(ctx, asked, below[used:]) if "".join(sides[-1][2]).strip() else []
    if more:  # `A: A Deployment …`, then a paragraph on the StatefulSet, then the next `Q:`
        sides[-1][2].extend(f"\n{ctx.doc.source(block)}" for block in more)
        used += len(more)
        ctx.claim(*more)
    ctx.claim(node)
    results: list[_Pair | _Missing] = []
    for number, front, back in sides:
        asked, answered = "\n".join(front).strip(), "\n".join(back).strip()
        if asked and answered and _STATEMENT.match(lines[number].strip()) and _JUDGED.match(answered):
            results.append(_Pair(f"{TO_JUDGE}{asked}", answered, line=number, key=asked))  # id as before
        elif asked and answered:
            results.append(_Pair(asked, answered, line=number))
        elif asked or answered:  # `**Question:**` alone over what the questions below share: a label
            listed = following is not None and following.type in LISTS and number == sides[-1][0]
            message = "flashcard `Q:` without an `A:` line: write its answer on a line `A: …` below it"
            results.append(_Missing(SET_TO_RECALL if listed and asked and not used else message, number))
    return used, results


def _answer_goes_on(ctx: Context, asked: str, below: Sequence[Node]) -> list[Node]:
    """The paragraphs (or code, or quotes) after an ``A:`` line that go on with its answer: a few, each
    paragraph naming something the question ``asked`` names (``… a Deployment and a StatefulSet?``,
    then ``A StatefulSet gives …``: a lecture's ``In the next part we look at …`` names none), none
    another rule's or notes of its own, up to the next ``Q:`` (code right above it is that question's),
    a heading, a ``---`` or the end. Ended otherwise (by a list, a table), they are notes."""
    named = _named_words(asked)
    taken = list(itertools.takewhile(lambda node: _goes_on(ctx, node, named), below[:_ANSWER_PARAGRAPHS]))
    after = below[len(taken)] if len(taken) < len(below) else None
    if after is not None and after.type not in ("heading", "hr") and not _opens_with_q(after):
        return []
    while taken and after is not None and _opens_with_q(after) and taken[-1].type in ("fence", "code_block"):
        taken.pop()
    return taken


def _goes_on(ctx: Context, node: Node, named: set[str]) -> bool:
    """Whether a block may go on with an answer above it: code, a quote, or words naming something its
    question ``named``; not another card's question, a card or a note to self (``_apart``), nor a line
    opening with a label or a term."""
    if node.type not in _ANSWER_BLOCKS or _opens_with_q(node) or _apart(ctx, node):
        return False
    if node.type != "paragraph":
        return True
    words = node.children[0].content
    return _OPENS_LABELLED.match(words) is None and not named.isdisjoint(_named_words(words))


def _named_words(text: str) -> set[str]:
    """The words of four letters or more in ``text``, casefolded, but those that only ask or point."""
    return {word for word in map(str.casefold, _LONG_WORD.findall(text)) if word not in _ASKING_ONLY}


_LONG_WORD = regex(r"[^\W\d_]{4,}")
_ASKING_ONLY = frozenset(
    {"what", "which", "when", "where", "does", "this", "that", "these", "those", "with", "from", "have",
     "there", "their", "they", "them", "about", "into", "your", "would", "could", "should", "will"}
)  # fmt: skip


_OPENS_LABELLED = regex(r"[*_]*\w[\w ()'/-]{0,40}?[*_]*\s*:[*_]*\s")
"""A paragraph opening with a label or a term (``Recto: the right-hand page …``, ``**Tip:** …``): notes
of their own, not more of an answer."""


def _answer_blocks(below: Sequence[Node]) -> list[Node]:
    """The blocks an ``A:`` alone at a paragraph's end has below it as its answer: a list, code, a quote
    or a table; or bold titles each over the list or table it announces (``**Use Redis when you
    need:**`` over a list, then ``**Use Memcached when you need:**`` over another), past the first not
    a glossary's (bold terms are cards of their own). What follows is no part of it."""
    if below and below[0].type in (*_BLOCK_ANSWERS, "table"):
        return [below[0]]
    taken: list[Node] = []
    while len(taken) + 1 < len(below):
        node, after = below[len(taken)], below[len(taken) + 1]
        titled = node.type == "paragraph" and _TITLE_OVER.fullmatch(node.children[0].content) is not None
        if not titled or after.type not in (*LISTS, "table") or (taken and _holds_terms(after)):
            break
        taken += [node, after]
    return taken


_TITLE_OVER = regex(r"(?:\*\*|__)[^\n]+?(?::(?:\*\*|__)|(?:\*\*|__)[^\n]*:)")
"""A bold title announcing what is below it: ``**Use Redis when you need:**``, ``**Gateway** (Free):``."""


def _opening_paragraph(node: Node) -> Node:
    """``node``, or the paragraph that opens a list (``- **A:** …`` nested under its ``- **Q:** …``,
    as outliners write a pair)."""
    if node.type in LISTS and node.children and node.children[0].children:
        return node.children[0].children[0]
    return node


def _below_answer(answers: Node) -> list[Node]:
    """What a list opened by an answer holds besides it: the blocks of its first item after the
    answer, and its other items."""
    first, *others = answers.children
    return [*first.children[1:], *others]


def _front_over_back(lines: Sequence[str], following: Node | None) -> bool:
    """``Front: …`` with a ``Back: …`` (or an ``A: …``) line below it, in its paragraph or opening the
    next; or ``Statement: …`` with ``Answer: False`` so."""
    # `_FRONT`'s labels (and `_CARD_FRONT`'s) open with `f` or `s` after any bold (`re.I`: `\u017f` too)
    if lines[0].lstrip("*_")[:1] not in _FRONT_OPENINGS:
        return _term_over_meaning(lines, 0) is not None
    below = [*lines[1:], paragraph_words(following) if following else ""]
    if _card_front(lines[0]) is not None and any(_ANSWER.match(line.strip()) for line in below):
        return True  # `Front: What is a fjord?` over `A: …`
    return _FRONT.match(lines[0]) is not None and any(map(_backs, below))


_FRONT_OPENINGS = frozenset("fFsS\u017f")


def _term_over_meaning(lines: Sequence[str], number: int) -> re.Match[str] | None:
    """Line ``number`` as a ``Term: …`` (``_TERM``) right over its ``Definition: …`` line: its words."""
    below = lines[number + 1].strip() if number + 1 < len(lines) else ""
    return _TERM.match(lines[number].strip()) if _MEANING.match(below) else None


def _front_without_back(ctx: Context, lines: Sequence[str], below: str) -> bool:
    """``Front: …`` with no ``Back:`` line for it, as ``Q:`` with no ``A:`` is warned of: a card left
    half-written, a question (``Front: What port does SSH use?``) or a term (``Front: Meander``). A
    checklist's ``Front: lights on`` beside ``Rear: …`` (a field of a record, the line ``below`` it or
    one of its paragraph) is no card, unless it asks or its file holds ``Back:`` lines."""
    front = _card_front(lines[0])
    if front is None or not front["text"].strip():
        return False
    if _asks(unbolded(front["text"])) or _holds_back_lines(ctx.doc.lines):
        return True
    return not any(map(_a_field, (*lines[1:], below)))


def _a_field(line: str) -> bool:
    """Whether a line is a record's field (``Rear: drum brakes``), not another card's side."""
    line = line.strip()
    return _FIELD_LINE.match(line) is not None and not (_card_front(line) or _question_line(line))


_FIELD_LINE = regex(rf"{_BOLD}[^\W\d_][\w ]{{0,24}}?{_BOLD}\s*:{_BOLD}[ \t]*\S")
"""A record's field on a line of its own (``Rear: drum brakes``, ``**Left:** …``)."""


@lru_cache(maxsize=1)
def _holds_back_lines(lines: tuple[str, ...]) -> bool:
    """Whether a file holds ``Back:`` lines (an outliner's ``- Back: …`` too). Kept for the file being
    read only: each half-written ``Front:`` of it asks again."""
    return any(_BACK.match(_BULLET.sub("", line.strip(), count=1)) for line in lines)


_BULLET = regex(r"[-*+][ \t]+")
"""A bullet's marker, before an outliner's ``- Back: …``."""
_NO_BACK = "flashcard `Front:` without a `Back:` line: write its answer on a line `Back: …` below it"


def _backs(line: str) -> bool:
    """A card's ``Back: …`` line, or an answer that judges a statement (``**Answer:** False``)."""
    answered = _ANSWER.match(line.strip())
    return _BACK.match(line.strip()) is not None or (
        answered is not None and _JUDGED.match(answered["text"]) is not None
    )


def _reply(asked: str, line: str) -> re.Match[str] | None:
    """``line`` as the reply its question's letter calls for (``R:`` to ``P:``, ``S:`` to ``F:``)."""
    question, reply = _ASKED_FOR_REPLY.match(asked), _REPLY.match(line)
    return reply if question and reply and _REPLIES[question["letter"]] == reply["letter"] else None


def _answer_to(asked: str, line: str, *, dotted: bool) -> re.Match[str] | None:
    """``line`` as the answer line of the question written on ``asked``: ``A: …`` answers any, ``A. …``
    a ``Q. …`` (unless ``B.`` lines make them options: not ``dotted``), ``Back: …`` a ``Front: …``,
    ``Definition: …`` a ``Term: …``."""
    asked, line = asked.strip(), line.strip()
    found = _ANSWER.match(line) or _reply(asked, line)
    if found is None and dotted and _DOTTED_QUESTION.match(asked) and _asks(asked):
        found = _DOTTED_ANSWER.match(line)  # not `Q. 3 of the homework is optional.` over `A. Kumar …`
    if found is None and _FRONT.match(asked):
        found = _BACK.match(line)
    if found is None and _TERM.match(asked):
        found = _MEANING.match(line)
    return found


_HARD_BREAK = regex(r"(?<!\\)\\$", re.M)
"""A backslash ending a line (Markdown's line break, as Pandoc and Google Docs write it): no words of
a front (a formula's ``\\`` stays)."""


def _items(
    ctx: Context, section: tuple[str, ...], node: Node, result: _Pair | _Missing
) -> Iterator[Item | Problem]:
    where = SourceLocation(path=ctx.doc.path, line=ctx.doc.line_of(node) + result.line)
    if isinstance(result, _Missing):
        yield Problem(where, result.message, "warning")
        return
    result = replace(result, front=_HARD_BREAK.sub("", CALLOUT.sub("", result.front)))
    if tagged := _TAG_LINES.match(result.front):  # `#flashcards` over `Q: …`: the card's tags
        front = _QUESTION_LABEL.sub("", result.front[tagged.end() :])
        tags = " ".join([result.tags, *(tag.lstrip("#") for tag in tagged[0].split())]).strip()
        result = replace(result, front=front, line=result.line + tagged[0].count("\n"), tags=tags)
        where = replace(where, line=where.line + tagged[0].count("\n"))
    result = _judged(result)
    hidden = _WHOLE_SPOILER.fullmatch(result.back)
    if hidden is not None and not barred_norm(hidden):  # `Answer: >!3!<`, `||443||`: its words
        result = replace(result, back=spoiled(hidden))
    key = result.key or "\n".join(line for line in result.front.split("\n") if not _HINT_LINE.match(line))
    fields = replace(ctx.common("card", key or result.front, node, section), source=where).tagged(result.tags)
    yield from ctx.cards(node, fields, result.front, result.back, both_ways=result.reversible)
