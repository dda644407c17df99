"""Where a question's answer is written: an answer line, a ``<details>`` block, or an answer key."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ccpkit.item_ids import HTML_TAG
from ccpkit.parse.answer_words import ANSWER_ABROAD
from ccpkit.parse.details import SUMMARY_TAG
from ccpkit.parse.rules.spoilers import hidden_words
from ccpkit.parse.rules.terms import undecorated
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_LETTER = r"[(\[]?[A-Ha-h][)\]]?"
_JOINER = r"\s*(?:(?:[,;]\s*)?(?:&|\+|\b(?:and|or|e|y|et|und|ou|o)\b)|[,;/\u3001\uff0c])\s*"
"""What joins two letters: a comma, ``and``, ``&`` … (no two runs of spaces side by side, which would try
every split of a long run of them, as a PDF pastes one)."""
_LETTERS = (
    rf"(?:[A-H](?:[ \t]+[A-H])+(?=[ \t]*(?:[.;:)][ \t]*)?(?:$|\n)|[ \t]*[-\u2013\u2014]\s)|[A-H]{{2,8}}"
    r"|[a-h](?:[ \t]+[a-h])+(?=[ \t]*[.;)]?[ \t]*(?:$|\n))"
    rf"|{_LETTER}(?:{_JOINER}{_LETTER})*)"
)
"""One letter, letters joined by commas, semicolons, slashes, ``+`` or "and" (``e``, ``y``, ``et``,
``und``; also after a comma: ``A, B, & C``), run together (``Correct Answer: BD``), or capitals parted
by spaces alone up to the line's end or a dash (``Answer: A C``, ``A C — why``; not ``B A good one``,
``C E. coli …`` or ``B A, C and D are …``), or small letters so up to the line's end (``Ans. a d``)."""
_JOINERS = regex(r"(?<=\s)(?:and|or|e|y|et|und|ou|o)(?=\s)")
_SYMBOLS = r"(?:[^\w\s(]++\s*)*+"
"""What may lead a line before its label: ``✅``, ``✔``, ``👉``, ``>``, ``-`` …, and several such runs
(``##### ✅``, a heading's marks and an emoji, as a line of a ``<details>`` block reads)."""
PAIRED_ANSWER = regex(r"\s*(?:\*\*|__)?A(?:\*\*|__)?\s*:(?:\*\*|__)?\s*")
"""``A:`` answering a question asked on a ``Q:`` line: ``A: C``, ``**A:** Amazon S3``."""
CALLOUT = regex(r"^\[!(?P<kind>[\w-]+)\](?P<fold>[+-]?)[ \t]*")
"""An Obsidian callout's marker (``[!question]``, ``[!success]-``) opening a quote's first line."""
QUESTION = (
    r"(?:question|(?:mcq|qcm)(?=\s*#?\s*\d)|quest[ãa]o|pregunta|frage|domanda|soru|pytanie|zadanie|вопрос|питання|въпрос|ερώτηση"
    r"|(?:ال)?سؤال|سوال|प्रश्न|প্রশ্ন|c[âa]u(?:\s+h[ỏo]i)?|soal|pertanyaan|문제|問題?|问题|题目?|題目?"
    r"|vraag|fr[åa]ga|sp[øo]rsm[åa]l|sp[øo]rgsm[åa]l|kysymys|ot[áa]zka|k[ée]rd[ée]s|[îi]ntrebare|swali|tanong"
    r"|第(?=\s*\d+\s*[题題问問]))"
)
""""Question" (or an exam's ``MCQ 2``, French ``QCM 2``, with their numbers), also as Portuguese,
Spanish, German, Italian, Turkish, Polish, Russian, Ukrainian, Bulgarian, Greek, Arabic, Persian,
Hindi, Bengali, Vietnamese (``Câu 1:``), Indonesian (``Soal 1.``), Dutch, Swedish, Norwegian, Danish,
Finnish, Czech, Hungarian, Romanian, Swahili, Filipino, Korean, Japanese and Chinese (``問5``,
``第4题``) question banks write it."""
ANSWER_COLUMN = rf"(?:correct\s+)?answers?|ans|key|correct|solution|correct\s+options?|{ANSWER_ABROAD}"
"""What heads a table's column of answers: ``Answer``, ``Correct answer``, ``Key``, ``Resposta`` …"""
_LABEL = (
    r"(?:the\s+)?(?:(?:correct|right|good|final|suggested)\s+)?"
    rf"(?:answers?(?:\s*\(s\))?|ans|solutions?|(?:responses?|key)(?=\s*[:\uff1a])|correct(?:\s+(?:options?|choices?))?"
    r"|poprawn[ae]"  # Polish "correct", as `Poprawne B` labels an answer
    r"|mark(?:ing)?\s*schemes?(?=\s*[:\uff1a])"  # an exam paper's `Mark scheme: Schlieffen Plan`
    r"|(?<=right\s)(?:options?|choices?)(?=\s*[:\uff1a])"
    rf"|{ANSWER_ABROAD})"
)
"""What labels an answer: ``Answer``, ``Correct answer``, ``Solution``, ``Key:``, ``Mark scheme:`` …"""
_OPTION_HEADING = regex(rf"#{{1,6}}[ \t]+(?:\*\*|__)?(?i:options?)[ \t]*:(?=[ \t]*{_LETTERS}\W*$)")
"""``#### Option: C``: a heading naming the answer's letters, as a quiz's folded answer writes it (in a
line of prose, ``Option: A`` weighs a decision's options)."""
_TICKS = "\u2713\u2714\u2705\u2611"
_TICKED = regex(rf"^[{_TICKS}]\ufe0f?\s*(?:\*\*|__)?(?P<letters>{_LETTERS})(?:\*\*|__)?(?P<rest>)[.)]?\s*$")
"""A tick before the answer's letters and nothing else: ``✔ B``, ``✅ **C**``."""
_CONCLUDING = regex(r"^(?i:hence|therefore|thus)\s*,?\s+(?=(?i:the\s+(?:correct|right)\s+answers?)\b)")
"""The word that concludes an explanation with its answer, as review pages end theirs: ``Hence, the
correct answer is: …``."""
_ANSWER_LINE = regex(
    rf"^{_SYMBOLS}{_LABEL}\s*+(?:(?:=|-+)>(?=\s*{_LETTERS}\W*$)|[:\uff1a\u3011=\u2192\u21d2\u2013\u2014-]|[\u27a1\u279c\u2794]\ufe0f?|\bis\b|\bare\b|\best\b|\.?(?=\s*(?:{_LETTERS}\W*$|(?:both|all|none|neither)\s)))\s*(?:[:\uff1a-](?![-\w]))?\s*"
    r"(?P<value>.*)$",
    re.I | re.S,
)
"""An answer's line: its label, what parts it from the answer, the answer. The spaces after the label
are taken whole (possessively): cut in every way, each cut's look ahead read the rest of the run (n^2: a
label over 20,000 spaces and a word took 38 s); nothing after them starts with a space."""
_VALUE = regex(
    rf"^(?i:(?:options?|opt\.?|choices?|letras?|opci[óo]n|op[çc][ãa]o|alternativas?)\s*)?(?P<letters>{_LETTERS})"
    r"(?![\w])[.):]?(?P<rest>.*)$",
    re.S,
)
"""The letters an answer gives, maybe after a word for option (``Option C``, ``Letra B``, ``Opción A``)."""
_OPTION_WORD = r"(?:(?i:options?)\s+)?"
"""The word an entry may name its letters with: ``2. Option A``, ``3. Options A and C``."""
_KEY_ENTRY = regex(
    rf"^{_SYMBOLS}(?:(?i:{QUESTION}|q)\s*#?\s*|\()?(?P<id>[A-Z]?\d+(?:\.\d+)*)\s*(?:[:.)\u2013\u2014=\u2192-]\s*|\s+)"
    rf"(?:(?i:(?:correct\s+)?answers?|ans)\s*[:\u2013\u2014=-]?\s*)?{_OPTION_WORD}(?P<letters>{_LETTERS})(?![\w])[.):]?(?P<rest>.*)$",
    re.S,
)
_LISTED_ENTRY = regex(
    rf"^{_SYMBOLS}(?:(?i:(?:correct\s+)?answers?|ans)\s*[:\u2013\u2014=-]?\s*)?{_OPTION_WORD}(?P<letters>{_LETTERS})(?![\w])[.):]?(?P<rest>.*)$",
    re.S,
)
_ENTRY_LETTERS = (
    r"(?:\([A-Ha-h]\)|[A-H]{2,8}|[a-h]{2,4}|[A-Ha-h](?:\s*[/,&+]\s*[A-Ha-h](?=$|[\s,;|/&+]))*)(?=$|[\s,;|])"
)
"""An entry's letters on a key's line: ``B``, ``(b)``, ``AC``, ``ac``, ``A, C``, ``C/D`` (not ``A, 2``: the
next entry)."""
_OPTION_NAMED = r"(?:\s*\((?!\d+\))[^()\n]{1,40}\))?"
"""The option's words in brackets after an entry's letter (``1. c (Nile)``): no part of the key (a
number in brackets is the next entry's)."""
_ENTRY_NUMBER_MARK = r"(?:[Qq]\.?\s*|#|\()?"
"""What may open an entry's number on a key's line: ``Q2``, ``#3``, ``(4)``."""
_ENTRY_SEPARATOR = r"(?:[.):=\u2013\u2014\u2192-]|->)"
"""What may part an entry's number from its letters: ``1. B``, ``1) B``, ``1 - B``, ``1 → B``."""
_ENTRIES_ON_A_LINE = regex(
    rf"(?:^|[\s,;|\u00b7]+){_ENTRY_NUMBER_MARK}(?P<id>\d+)\s*(?:{_ENTRY_SEPARATOR}\s*)?(?P<letters>{_ENTRY_LETTERS})"
    rf"{_OPTION_NAMED}"
)
"""One entry of a key written on one line: ``1-B``, ``Q2: A``, ``#3 C/D``, ``2) A, C``, ``(3) B``,
``4-BD``, ``1. c (Nile)``."""
_RANGE_OF_ENTRIES = regex(
    r"(?:^|(?<![\s,;|])[\s,;|]+)\(?(?:[Qq]\.?\s*)?(?P<first>\d+)\s*(?:[\u2013\u2014-]|to)\s*(?:[Qq]\.?\s*)?(?P<last>\d+)\)?"
    r"\s*[:=\u2013\u2014-]?\s*(?P<letters>[A-H](?:[ ,]*[A-H])*|[a-h](?:[ ,]*[a-h])*)(?=$|[\s;|])"
)
"""The letters of a run of questions, one each: ``1\u20135: B C A D A``, ``(6-8) ABD``. A run of spaces
(commas, bars) before one is read from its first: looked for from each of its places, a long run was
read again from each."""
_ENTRY_LINE = regex(
    rf"^(?:[\s,;|\u00b7]*{_ENTRY_NUMBER_MARK}\d+\s*(?:{_ENTRY_SEPARATOR}\s*)?{_ENTRY_LETTERS}{_OPTION_NAMED})+"
    r"[\s,;|\u00b7]*$"
)
_STATED = regex(
    r"^(?:the\s+)?(?:correct\s+|right\s+)?(?:answer|option|choice)?\s*(?P<letters>[A-H])\s+(?:is|was)\s+"
    r"(?:the\s+)?(?:correct|right)(?:\s+(?:answer|option|choice))?(?=\s*(?:$|[.,:;!\u2013\u2014-]|because\b|since\b|as\b))"
    r"[.,:;!\u2013\u2014-]?(?P<rest>.*)$",
    re.I | re.S,
)
"""An answer said in a sentence: ``A is correct because …``, ``Option B is the right answer.``"""
_EXPLANATION = regex(
    r"^\s*(?:[^\w\s(*_]++\s*)*+(?:\*\*|__|[*_](?=\w))?(?:(?:detailed|full|short|brief)\s+)?"
    r"(?:(?:expla(?:i)?nation(?:\s*/\s*reference)?|reason(?:ing)?|rationale|justification|feedback"
    r"|why(?:\s+(?:it\s+is\s+|it's\s+|this\s+is\s+)?correct)?|explica[çc][ãa]o"
    r"|explicaci[óo]n|explication|spiegazione|erkl[äa]rung|justificativa|comentários?"
    r"|解析|解説|해설|giải\s+thích|пояснение|объяснение|pembahasan|penjelasan"
    r"|justificaci[óo]n|a[çc][\u0131i]klama|व्याख्या|uzasadnienie|toelichting)(?!\w)"
    r"|expl?\.?(?=[ \t]*:)|expl\.(?=\s)|sol\.(?=\s)|detailed\s+solution(?=[ \t]*:))"
    r"[ \t]*[?:\uff1a\u3011]?[ \t]*(?:\*\*|__|[*_])?[ \t]*(?:(?<!:)[:\u2013\u2014]|-(?=[ \t]))?\s*",
    re.I,
)
PAGE_CONTROLS = regex(
    r"(?:\s*(?:(?:reveal|show|hide|view)\s+(?:suggested\s+)?(?:solution|answer)|discussion(?:\s+\d+)?)\b)+\s*",
    re.I,
)
"""A dump site's buttons, copied with its page: ``Reveal Solution Hide Solution Discussion 7``,
``Show Suggested Answer``, ``Hide Answer``, ``View Answer``: no answer, explanation or key's title."""
_KEY_TITLE_ABROAD = (
    r"(?:respuestas|respostas|r[ée]ponses|risposte|antworten|l[öo]sungen|gabarito|soluciones|solu[çc][õo]es"
    r"|ответы|відповіді|odpowiedzi|(?:kunci\s+)?jawaban|corrig[ée]s?|cevap\s+anahtar[\u0131i]|cevaplar"
    r"|klucz\s+odpowiedzi|antwortschl[üu]ssel|antwoord(?:en)?sleutel|sleutel|उत्तरमाला|उत्तर\s+कुंजी)"
)
"""A key's title in other languages, in the plural where the language has one (``## Respuestas``,
``## Ответы к тесту``, ``## Réponses du quiz``, ``Corrigé``, Turkish's ``Cevap anahtar…``,
``Klucz odpowiedzi``, ``Antwortschlüssel``, ``Sleutel``, ``उत्तरमाला``): ``Respuesta`` is a response
as often, ``Lösung`` one worked example's solution, ``Ответ сервера`` a server's reply."""
MARKING_KEY = r"(?:mark(?:ing)?\s*schemes?|marking\s+(?:guide|key)|memorandum|scoring\s+key|soluzioni)"
"""A key's title as examination boards and other languages name it (``Mark scheme``, ``Markscheme``,
``Memorandum``, ``Soluzioni``), beside ``Answers``, ``Answer key`` and ``Solutions``: the whole title
(``Paper 1 mark scheme``), where ``Memorandum of association`` or ``Notes on the mark scheme`` is none."""
_KEY_TITLE_CJK = r"(?:参考答案|答案|正解|解答|정답)"
"""A key's title in Chinese, Japanese or Korean, maybe with words after it (``答案与解析``)."""
_KEY_TITLE = regex(
    rf"^(?:[\w&'-]+\s+){{0,5}}(?:(?:answers?(?:\s+key)?|answer\s+sheet|solutions?|{_KEY_TITLE_ABROAD})\b"
    rf"|{_KEY_TITLE_CJK})"
    rf"|^(?:(?!(?:on|about|of|notes?|with)\b)[\w&'-]+\s+){{0,4}}{MARKING_KEY}(?:\s+(?:to|for)\s+[^:\n]+)?"
    r"(?:\s*\([^()\n]*\))?\s*:?$",
    re.I,
)
_PREFIXED_KEY_TITLE = regex(
    rf"^[^:\u2013\u2014|\n]{{1,40}}(?::|\s[\u2013\u2014|])\s+(?:answers(?:\s+key)?|answer\s+(?:key|sheet)|solutions"
    rf"|{MARKING_KEY})"
    r"(?:\s+to\s+[^:\n]+)?(?:\s*\([^()\n]*\))?$",
    re.I,
)
"""A key's title after the part that holds it: ``Appendix A: Answers to Review Questions``,
``Practice set 2 — Answers``, ``Exam — Answers (Set 2)`` (not ``Part B: Answer any two``, ``Chapter 3:
Solutions and mixtures``)."""
_KEY_TO_A_PART = regex(
    r"(?i)(?:answers|answer\s+key|solutions)\s*[:\u2013\u2014-]\s*"
    r"(?:set|part|quiz|test|exam|chapter|section|unit|module|lesson|week|paper|round)\s+[\w.]{1,4}"
)
"""``Answers — Set B``, ``Solutions: Part 2``: a key's title naming the part of the file it answers, which
would read as one answer in words."""
_ONE_ANSWER = regex(r"(?i:(?:the\s+)?(?:correct\s+|right\s+)?(?:answer|solution))")
_TELLS_TO_ANSWER = regex(
    r"(?i)^(?:choose|select|pick|mark|circle|tick|shade|indicate|identify|write|give|fill|enter|type|read)\b"
)
"""How a line that tells the student to answer opens (``Choose the correct answer from the options
given below:``): a question's lead-in, never a key's caption."""
_TITLE_END = regex(
    r"(?i)(?:\s+(?:and|&)\s+(?:explanations?|solutions?|rationales?))?\s*(?:\([^()]*\))?[\s\W]*"
)
"""What may follow the key words on a caption line: ``and Explanations``, a remark in brackets, symbols."""
_TITLED_ENTRIES = regex(
    rf"^[^\w\s]*\s*(?:answers?(?:\s+key)?|ans|solutions?|key|参考答案|{ANSWER_ABROAD}|{_KEY_TITLE_ABROAD}"
    rf"|{MARKING_KEY})\s*"
    r"(?:[:\uff1a\u2013\u2014-]+\s*(?P<rest>.+)|(?P<run>\(?\d.+))$",
    re.I | re.S,
)
_EXPLANATION_WORDS = (
    "explanation", "explaination", "expl.", "expl:", "exp:", "sol.", "detailed solution", "reason",
    "rationale", "justification:", "feedback:", "why:",
    "why?", "why correct",
    "why it is correct", "why it's correct", "why this is correct",
    "detailed explanation", "full explanation", "short explanation", "brief explanation",
    "explicação", "explicacao", "explicación", "explicacion", "explication", "spiegazione",
    "erklärung", "erklarung", "justificativa", "comentário", "comentario",
    "解析", "解説", "해설", "giải thích", "пояснение", "объяснение", "pembahasan", "penjelasan",
    "justificación", "justificacion", "a\u00e7\u0131klama", "aciklama", "व्याख्या", "uzasadnienie",
    "toelichting",
)  # fmt: skip
_QUOTE_MARKS = regex(r"^(?:>\s*)+")
"""A quote's ``>`` markers, when a ``<details>`` block's answer and explanation are quoted in it."""
_QUESTION_ID = regex(rf"^(?:{QUESTION}\s*#?\s*|q\s*)?(?P<id>[A-Z]?\d+)$", re.I)
_BOLD = regex(r"\*\*|__")
_PAIR_QUESTION = regex(
    rf"\s*(?:\*\*|__)?(?:Q\d*(?:\*\*|__)?\s*[:.)]|(?i:{QUESTION}|front|frente)(?:\*\*|__)?\s*[:\uff1a])\s*\S"
)
_PAIR_ANSWER = regex(
    rf"^\s*(?:\*\*|__)?(?:A\d*(?:\*\*|__)?\s*[:.)]|(?i:answer|back|verso|{ANSWER_ABROAD})(?:\*\*|__)?\s*[:\uff1a])"
    r"(?:\*\*|__)?\s*\S",
    re.M,
)
_SECOND_OPTION = regex(r"^\s*(?:\*\*|__)?B(?:\*\*|__)?\s*[:.)]", re.M)
_NUMBERED_TASK = regex(r"(?:exercise|problem|task|practice|question)\s*#?\s*\d+(?:\.\d+)*", re.I)
_QUESTION_NUMBER = regex(rf"^[^\w]*(?:{QUESTION}|q)\s*#?\s*\d+\b", re.I)
_LEADING_SYMBOLS = regex(r"^[^\w\s(]+\s*")
_ARTICLE = regex(r"^\s+(?!(?:because|since)\b)[a-z]")
_ITALICS = regex(r"(?<!\w)[*_]+(?=\S)|(?<=\S)[*_]+(?!\w)")
_AFTER_LETTERS = regex(r"^\s*(?:[.,:;\u2013\u2014-]+(?=\s|$)|[\uff0c\uff1a\uff1b\u3001\u3002]+)?")
"""What parts an answer's letters from the words after them: spaces and a mark standing alone (``B -
why``, ``B, since``) or full-width ones (a Chinese key's full-width comma), never the first character of those
words (``b) -r``, ``b) .sh``)."""
_FIRST_OF_A_REMARK = regex(r"([(\[]?[A-Ha-h][)\]]?)\s*[;,]\s*")
"""The first letter of several and the comma or semicolon after it (``B;`` of ``B; A and C``)."""
_REMARK = regex(r"\s*(?:are|is|was|were|seem|look)\b", re.I)
"""Letters followed by what is said of them: ``B; A and C are wrong``, ``B, D is a trap``."""
_CALLED_RIGHT = regex(
    r"\s*(?:are|is|were|was)\s+(?:both\s+|all\s+|also\s+)?(?:correct|right|true|valid|the\s+answers?)\b", re.I
)
"""Letters the words after them call right: ``A, C are correct``."""
_CALLED_WRONG = regex(
    r"\s*(?:are|is|were|was)\s+(?:both\s+|all\s+)?(?:wrong|incorrect|false|distractors?|traps?"
    r"|not\s+(?:correct|right|the\s+answers?))\b",
    re.I,
)
"""Letters the words after them call wrong (``A and C are wrong, so B``): the answer is named after."""


_LINES_KEPT = 4096
"""How many lines' readings each pure reader below keeps: the rules ask of the same lines again and
again (an answer line some three times, from the question, the key and the stray-answer rules)."""


@dataclass(frozen=True, slots=True)
class Answer:
    """Correct letters, and any words written after them (they explain the answer). An answer given
    as words instead of letters (``Answer: Amazon S3``) has no letters and the words in ``text``."""

    letters: tuple[str, ...]
    rest: str
    text: str = ""
    said: str = ""
    """The letters and what follows them as written (``B-cells``, ``C++``): an option's very words, maybe."""


@dataclass(frozen=True, slots=True)
class Callout:
    """An Obsidian callout: its title, the lines under it in its first paragraph, its other blocks."""

    title: str
    lines: str
    blocks: tuple[Node, ...]
    kind: str = "note"
    """``note``, ``tip``, ``question`` …; ``tab`` for a content tab (``=== "Amazon EC2"``)."""
    folded: bool = False
    """Written ``[!question]-``: shown closed, its body hidden until opened."""

    @property
    def empty(self) -> bool:
        return not self.lines and not self.blocks

    @property
    def label(self) -> str:
        """Its title; for an untitled answer callout (``> [!solution]-`` over ``> 3``), the ``Answer`` its
        kind says, so the line under it reads as an answer line does."""
        return self.title or ("Answer" if self.kind in ANSWER_CALLOUTS else "")


ANSWER_CALLOUTS = frozenset({"success", "check", "done", "answer", "solution"})
"""The kinds of callout an answer is folded away in (``> [!success]- Answer``, ``> [!solution]-``)."""


def callout(quote: Node) -> Callout | None:
    """The callout a quote is (``> [!success]- Answer``); ``None`` for a plain quote or another block."""
    first = quote.children[0] if quote.type == "blockquote" and quote.children else None
    if first is None or first.type != "paragraph":
        return None
    marker = CALLOUT.match(first.children[0].content)
    if marker is None:
        return None
    title, _, lines = first.children[0].content[marker.end() :].partition("\n")
    kind, folded = marker["kind"].lower(), marker["fold"] == "-"
    return Callout(title.strip(), lines.strip(), tuple(quote.children[1:]), kind, folded)


def numbers_a_question(heading: str) -> bool:
    """``Question 3``, ``Q12 - Topic 1``, ``Pregunta 4``: a heading over a question that only numbers
    it (it may ask too: ``Question 3: What is S3?``)."""
    return question_numbered(heading) is not None


@lru_cache(maxsize=_LINES_KEPT)
def question_numbered(text: str) -> str | None:
    """The words after a question's number (``Q3. Explain …`` → ``Explain …``); ``None`` when ``text``
    opens with none."""
    words = plain(text)
    numbered = _QUESTION_NUMBER.match(words)
    return words[numbered.end() :].lstrip(" .:)\u2013\u2014-") if numbered else None


def asked_and_answered(paragraph: str) -> bool:
    """``Q: …`` (``Q. …?``, ``Q) …``, ``Q1: …``, ``Front: …``, ``Вопрос: …``) with its ``A: …`` (``A. …``,
    ``A) …``, ``Back: …``, ``Ответ: …``) on a later line,
    and no ``B)`` under it (a question's options): a flashcard's question and answer, whole, which no
    question's stem below takes in."""
    first, _, rest = paragraph.partition("\n")
    paired = _PAIR_QUESTION.match(first) is not None and _PAIR_ANSWER.search(rest) is not None
    return paired and _SECOND_OPTION.search(rest) is None


def numbers_a_task(heading: str) -> bool:
    """``Exercise 3``, ``Problem 2.1``, ``Question 4``: a heading that only numbers a task or a
    question, so it names nothing a card could ask."""
    return _NUMBERED_TASK.fullmatch(plain(heading).rstrip(":").strip()) is not None


@lru_cache(maxsize=_LINES_KEPT)
def plain(text: str) -> str:
    """Text with bold markers dropped and numbers written as keycaps plain (``✅ Réponses : 1️⃣ C | 2️⃣ B``),
    for matching labels such as ``**Answer:**`` and a key's entries."""
    if "\u20e3" in text or "\U0001f51f" in text:
        text = _KEYCAP.sub(lambda cap: cap[1] or "10", text)
    return _BOLD.sub("", text).strip() if "**" in text or "__" in text else text.strip()


_KEYCAP = regex(r"([0-9])\ufe0f?\u20e3|\U0001f51f")


YOUR_PICK = regex(r"(?i)\W*your\s+(?:answer|selection|choice|response)\b")
"""How a test taker's pick opens (``Your answer: D``): how they chose, which says nothing of the question
unless marked right (``takers_pick``)."""
_TAKERS_PICK = regex(
    rf"{YOUR_PICK.pattern}\s*[:\uff1a\u2013\u2014-]\s*(?P<pick>.*?)"
    r"\s*(?P<right>\u2705|\u2714\ufe0f?|\u2611\ufe0f?|\u2713|\((?:correct|right)\))?\s*",
    re.I,
)
"""``Your answer: B ✅`` under a question: how a test taker chose, which answers it only when marked right
(``Your answer: A ❌`` over ``Correct answer: C`` says nothing of the question)."""


def takers_pick(line: str) -> str | None:
    """A test taker's pick under a question (``Your answer: B ✅``): the answer line it stands for when
    marked right (``Answer: B``), else ``""``, as it says nothing of the question (``Your answer: A ❌``
    over ``Correct answer: C``); ``None`` for any other line."""
    pick = _TAKERS_PICK.fullmatch(line)
    if pick is None:
        return None
    return f"Answer: {pick['pick']}" if pick["right"] else ""


@lru_cache(maxsize=_LINES_KEPT)
def answer_line(text: str) -> Answer | None:
    """``Answer: C``, ``Correct answer: B, E``, ``✅ **Answer: B**``, ``Ans: (c)``, ``Solution: D``,
    ``#### Option: C``;
    ``Answer: Amazon S3`` gives the words, to be matched against the options' text."""
    if (option := _OPTION_HEADING.match(text.strip())) is not None:
        text = f"Answer:{text.strip()[option.end() :]}"
    written = _CONCLUDING.sub("", plain(text), count=1)  # `Hence, the correct answer is: …`
    written = _unitalicised(written)  # `*Answer: 10 m/s*`
    match = _ANSWER_LINE.match(written)
    if match is None and written.lstrip()[:1] in _TICKS and (ticked := _TICKED.match(written.strip())):
        return _answer(ticked)
    if match is None and written.startswith(("*", "_", "(")):  # `*(Answer: B)*`, `_Correct answer_: C`
        unwrapped = _unemphasized(written)
        said = answer_line(unwrapped) if unwrapped != written else None
        return said if said is not None and said.letters else None  # `(Answer: see the docs)`: a remark
    if match is None:
        return None
    value = match["value"].replace("`", "").strip()
    value = value if _CROSSED.match(value) else undecorated(value)  # `Answer: ✅ C. …`, never `❌ A`
    value = _unwrapped(value)
    if _several_entries(value) or worded_after_key_title(text):
        return None  # `Answers: 1-A, 2-B`, `Answers: 1. Jupiter 2. Venus`: a key, not one answer
    stated = _STATED.match(value)
    if stated is not None:  # `Answer: A is correct because …`
        said = _answer(stated)
        return replace(said, rest=_code_kept(match["value"], said.rest)) if "`" in match["value"] else said
    if value != text and (said := answer_line(value)) is not None and said.letters and not said.rest:
        return said  # `Answer: The correct answer is B.` (not `The answer is B-tree.`)
    letters = _VALUE.match(value)
    coded = _CODE_AFTER_LETTER.match(match["value"].strip()) is not None  # `A. `docker ps``: the letter
    if (
        letters
        and (coded or not _is_article(letters))
        and not _in_code(match["value"])
        and not _capitalised_word(letters)
    ):
        said = _answer(letters)
        rest = _code_kept(match["value"], said.rest) if said.rest and "`" in match["value"] else said.rest
        return replace(said, said=value, rest=rest)  # `B — `ls` lists files`: its code kept
    first = value.split("\n", 1)[0].strip().rstrip(".")
    if "`" in match["value"] and first:  # `The answer is 2: `count` returns …`: its code kept
        first = _code_kept(match["value"].split("\n", 1)[0], first).rstrip(".")
    return Answer((), "", first) if first else None


def _in_code(value: str) -> bool:
    """An answer that opens with code holding more than a letter (``Solution: `a.ndim```): its words."""
    code = _OPENING_CODE.match(value.strip())
    return code is not None and _LONE_LETTER.fullmatch(code["code"].strip()) is None


_OPENING_CODE = regex(r"`(?P<code>[^`]+)`")
_LONE_LETTER = regex(r"\(?[A-Ha-h][.)]?")


def bare_label(line: str) -> bool:
    """``**Answer:**`` alone on its line: the letters are on the next one."""
    return answer_line(line) is None and answer_line(f"{line} B") is not None


def _unitalicised(line: str) -> str:
    """A line wholly in italics (``*Answer: 10 m/s*``), or its label alone (``*Answer:* (B), by …``),
    without the marks; any other line as it is."""
    if line[:1] not in ("*", "_"):
        return line
    italic = WHOLLY_ITALIC.fullmatch(line)
    return italic["inner"] if italic else _ITALIC_LABEL.sub(r"\g<label>", line, count=1)


_ITALIC_LABEL = regex(r"^(?P<mark>[*_])(?![*_\s])(?P<label>[^*_:\n]{1,40}:)(?P=mark)(?=\s)")
"""A label alone in italics at a line's start, its colon inside the marks (``*Answer:*``)."""


WHOLLY_ITALIC = regex(r"(?P<mark>[*_])(?![*_\s])(?P<inner>[^*_\n]*[^*_\s])(?P=mark)")
"""A line wholly in italics, its marks at its ends alone (``*Answer: 10 m/s*``)."""


def _unwrapped(value: str) -> str:
    """An answer's value without what wraps its letters: a spoiler (``>!C!<``, ``||A||``), italics
    (``*B*``, as dumps copied from exam sites set the letters, maybe with the site's vote icon after
    them), or the option's words before its letter in brackets (``Nitrogen (C)``, read as ``C
    (Nitrogen)``)."""
    hidden = hidden_words(value)
    value = hidden if hidden is not None else value
    italic = WHOLLY_ITALIC.match(value) if value[:1] in ("*", "_") else None
    value = f"{italic['inner']}{value[italic.end() :]}" if italic else value  # `*AC* 🗳️`: a vote icon after
    named = _WORDS_THEN_LETTER.fullmatch(value)
    return f"{named['letter']} ({named['words']})" if named else value


_WORDS_THEN_LETTER = regex(r"(?P<words>[^()\n]*[^()\s])\s*\((?P<letter>[A-H])\)\.?")


def letters_after_both(text: str) -> tuple[str, ...]:
    """The letters an answer in words names after ``Both`` (``Both A and C``): read only when no
    option's text is those words (an option ``Both A and B`` is named by them). ``Both (a) and (c)``
    too."""
    both = _BOTH.match(text.strip())
    said = answer_line(f"Answer: {text.strip()[both.end() :]}") if both else None
    return said.letters if said is not None and not said.rest else ()


_BOTH = regex(r"(?i)both\s+(?=\(?[A-H]\b)")


def letters_in_capitals(labels: Sequence[str], text: str) -> Answer | None:
    """The letters an answer in words opens with when no option's text is its words (``AC for …``,
    ``AD in both cases``): read as words at first (``ACE stands for …``, see ``_capitalised_word``),
    they are letters when each is an option's, once each and in order; what follows explains."""
    value = _VALUE.match(text.strip())
    if value is None or not _capitalised_word(value):
        return None
    run = value["letters"]
    in_order = list(run) == sorted(set(run))
    return _answer(value) if in_order and set(run) <= set(labels) else None


def _code_kept(written: str, words: str) -> str:
    """``words`` as ``written`` ends with them, code marks and a last full stop and all (``B is correct:
    `ls` lists …``); ``words`` themselves if it does not."""
    written, bare = written.strip(), words.rstrip(".")
    kept = [at for at, character in enumerate(written) if character != "`"]
    unmarked = "".join(written[at] for at in kept).rstrip().rstrip(".")
    if not unmarked.endswith(bare):
        return words
    start = len(unmarked[: len(unmarked) - len(bare)].rstrip())  # the first unmarked character the words take
    if unmarked[start:].lstrip() != bare:
        return words
    return written[kept[start - 1] + 1 if start else 0 :].strip() or words


@lru_cache(maxsize=_LINES_KEPT)
def worded_letter(line: str) -> str | None:
    """The words of an answer line whose letter reads as a word: glued by a hyphen to one (``Answer:
    B-tree indexes``, ``Svar: B-laget vann``) or to a symbol (``Answer: C#``), or ``A`` as the article
    of two words or more after it (``Answer: A NAT gateway in a public subnet.``). Under a question with
    no options they are words, where under options the letter names one (``Ans: b-mitochondria``,
    ``Answer: B NAT gateway``)."""
    if not _MAY_READ_AS_WORD.search(line):
        return None  # most lines: no letter a word could begin with
    said = _ANSWER_LINE.match(_CONCLUDING.sub("", plain(line), count=1))
    value = str(said["value"]).strip() if said else ""
    return value if _GLUED.match(value) or _A_PHRASE.match(value) else None


_GLUED = regex(r"[A-Ha-h]-[^\W\d_A-Z]|[A-H](?:\*|#|\+\+?)(?!\S)")
"""A letter glued to a word (``B-tree``), or to a symbol that names a thing with it (``A*``, ``C#``,
``C++``)."""
_MAY_READ_AS_WORD = regex(r"(?<![^\W_])(?:[A-Ha-h]-[^\W\d_A-Z]|[A-H](?:\*|#|\+\+?)(?!\S)|A[ \t]+[^\W\d_])")
_A_PHRASE = regex(
    r"A[ \t]+(?!(?i:because|since|as|is|are|was|were|and|or|but|so|then|only|also|plus|with|for|being)\b)"
    r"[^\W\d_][\w'-]+[ \t]+[^\W_]"
)
"""``A`` before a word that opens a noun phrase, and more words: no letter with its reason
(``A because …``) or joined to another (``A and C``)."""


def as_written(line: str, answer: Answer) -> str:
    """The words of an answer ``line`` gave in words (``answer.text``), as written there: with their
    bold, code marks and last full stop, after its label (``Solution: …``); a sentence (``The correct answer
    is the one …``) whole."""
    line = _unitalicised(line.strip())  # `*Answer: 10 m/s*`: its words without the marks
    for written in (line, plain(line)):
        if (start := written.find(answer.text)) >= 0:
            start -= len(written[:start]) - len(written[:start].rstrip("`*_"))  # `` `ls` ``, ``**S3**``
            labelled = plain(written[:start]).rstrip().endswith((":", "\uff1a", "-", "\u2013", "\u2014", "="))
            if not labelled:
                return written.strip()  # `The answer is …`: whole
            return _closed(written[start:].strip())
    said = _ANSWER_LINE.match(plain(line))  # its code marks were read past: `1 is correct: `ls` lists …`
    return _code_kept(said["value"], answer.text) if said and "`" in said["value"] else answer.text


def _closed(words: str) -> str:
    """Words without the bold that closes a line bold from its label on (``**Ans: 2**``: ``2``)."""
    for mark in ("**", "__"):
        if words.endswith(mark) and words.count(mark) % 2:
            return words.removesuffix(mark).rstrip()
    return words


def _unemphasized(text: str) -> str:
    """A line without italics at its words' ends (``_Correct answer_: B``) and without the brackets
    around all of it (``*(Answer: B)*``): what an answer line may be wrapped in."""
    text = _ITALICS.sub("", text).strip()
    return text[1:-1] if text.startswith("(") and text.endswith(")") else text


def answer_in_details(html: str) -> Answer | None:
    """The answer inside a collapsed ``<details>`` block: an answer line anywhere in it, the letters
    it starts with, or an answer line in its ``<summary>``; what follows, as written, explains."""
    summary = SUMMARY_TAG.search(html)
    body = _details_body(html).split("\n")
    lines = [
        (at, words) for at, line in enumerate(body) if (words := _QUOTE_MARKS.sub("", plain(line).strip()))
    ]
    for at, line in lines:
        answer = answer_line(line)
        if answer is not None and answer.letters:
            return _with_rest(answer, body[at + 1 :])
    bare = _VALUE.match(lines[0][1]) if lines else None
    if bare and not _is_article(bare) and not _opens_sentence(bare) and not _capitalised_word(bare):
        return _with_rest(_answer(bare), body[lines[0][0] + 1 :])
    if summary is not None:
        answer = answer_line(HTML_TAG.sub(" ", summary["text"]))
        if answer is not None:
            return _with_rest(answer, body)
    return None


def worded_in_details(html: str) -> Answer | None:
    """The first answer line in words inside a collapsed ``<details>`` block (``##### Answer: 1``, ``Answer:
    Amazon S3``), what follows it explaining; the options it names are known to the question alone."""
    body = _details_body(html).split("\n")
    for at, line in enumerate(body):
        answer = answer_line(_QUOTE_MARKS.sub("", plain(line).strip())) if line.strip() else None
        if answer is not None and answer.text:
            return _with_rest(answer, body[at + 1 :])
    summary = SUMMARY_TAG.search(html)
    said = [(at, line.strip()) for at, line in enumerate(body) if line.strip()]
    if summary is not None and _NAMES_ANSWER.search(summary["text"]) and said:
        at, first = said[0]  # `<summary>Show answer</summary>2`: an option's number, maybe its words
        if _OPTION_NUMBER.fullmatch(first):
            return _with_rest(Answer((), "", first), body[at + 1 :])
    return None


_NAMES_ANSWER = regex(r"(?i)\b(?:answers?|solution|ans)\b")
_OPTION_NUMBER = regex(r"\(?[1-8][.)]?(?:\s+\S.*)?")
"""An option's number alone (``2``, ``(2)``) or before its words (``2. ReplicaSet``)."""


def _with_rest(answer: Answer, more: list[str]) -> Answer:
    """``answer`` with the lines after it as its rest: as written, code's indents and the blank lines
    between paragraphs kept (a quote's marks dropped), the margin they share taken away."""
    below = textwrap.dedent(
        "\n".join(
            _QUOTE_MARKS.sub("", line.lstrip()) if line.lstrip().startswith(">") else line for line in more
        )
    )
    text = re.sub(r"\n\s*\n", "\n\n", "\n".join([answer.rest, below])).strip()
    explained = explanation_start(text)
    return Answer(answer.letters, explained if explained is not None else text, answer.text)


def details_text(html: str) -> str:
    """What a collapsed ``<details>`` block says, in paragraphs."""
    return "\n\n".join(part.strip() for part in re.split(r"\n\s*\n", _details_body(html)) if part.strip())


def _details_body(html: str) -> str:
    """A ``<details>`` block without its summary, a line break for each tag; a link kept as Markdown's
    (``<a href="…">Reference</a>``: its address is what the student follows)."""
    return HTML_TAG.sub("\n", _ANCHOR.sub(_linked, SUMMARY_TAG.sub("", html)))


_ANCHOR = regex(r"<a\s(?P<attributes>[^<>]*)>(?P<text>[^<]*)</a\s*>", re.I)
"""An HTML link; its attributes end at the next tag's ``<`` too, so an ``<a `` never closed is read once."""
_HREF = regex(r"""\bhref\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""", re.I)


def _linked(anchor: re.Match[str]) -> str:
    """An HTML link as Markdown's (``[Reference](https://…)``), its words alone when it has no address."""
    href = _HREF.search(anchor["attributes"])
    address = (href["double"] or href["single"] or "") if href is not None else ""
    text = " ".join(anchor["text"].split()) or address
    return f"[{text}]({address})" if address else text


def explanation_start(text: str) -> str | None:
    """The text after an ``Explanation:`` label, or ``None`` if ``text`` does not start with one."""
    match = _EXPLANATION.match(text)
    words = _LEADING_SYMBOLS.sub("", plain(text)).lower()
    if match is None or not words.startswith(_EXPLANATION_WORDS):
        return None
    return text[match.end() :].strip()


_NAMED_AFTER_LABEL = regex(
    rf"(?i)(?:(?:for|of|to)\s+)?\(?(?:(?:{QUESTION}|q)\s*+(?:#\s*+)?)?(?P<id>\d+)\)?[ \t]*+"
    r"(?:\*\*|__)?[ \t]*[:.)\u2013\u2014-](?:\*\*|__)?\s*"
)
"""The question an explanation's label names after it: ``for 3:``, ``(Q2):``, ``of question 4 —``."""
_NAMED_BEFORE_LABEL = regex(
    rf"(?i)^\W*?(?:\*\*|__)?(?:(?:{QUESTION}|q)\s*+(?:#\s*+)?)?(?P<id>\d+)"
    r"[ \t]*+[.):\u2013\u2014-]?(?:\*\*|__)?[ \t]*+(?=\S)"
)
"""The question named before an explanation's label: ``Q3 explanation:``, ``**4.** Explanation:``."""


def numbered_explanation(text: str) -> tuple[str, str] | None:
    """The question a key's explanation names and its words: ``Explanation for 3: …``, ``Explanation
    (Q2): …``, ``Q3 explanation: …``, ``**4.** Explanation: …``; ``None`` for one that names none
    (``Explanation: 3 moles …`` names no question: its label closed before the number)."""
    label = _EXPLANATION.match(text)
    if label is not None and ":" not in label[0] and explanation_start(text) is not None:
        named = _NAMED_AFTER_LABEL.match(text, label.end())
        if named is not None:
            return named["id"], text[named.end() :].strip()
    before = _NAMED_BEFORE_LABEL.match(text)
    words = explanation_start(text[before.end() :]) if before is not None else None
    return (before["id"], words) if before is not None and words else None


@dataclass(frozen=True, slots=True)
class KeyEntry:
    """One line of an answer key: which question, its letters, and an optional explanation."""

    question: str
    answer: Answer
    node: Node
    written: str = ""
    """The number as typed, where a list of items all typed ``1.`` counts them 1, 2, 3 …: what the
    entry answers when no question has the counted one."""
    explains: bool = False
    """Only an explanation (``1. A controller loops …`` under a key's ``## Explanations``): it answers
    nothing, and explains the question of its number, answered above."""
    tentative: bool = False
    """An explanation under ``## Explanations`` that no key opened: it explains a question of its number
    above it if there is one; else its block is the notes' own, with no word."""


def key_entry(text: str, number: str, node: Node) -> KeyEntry | None:
    """``1. B`` (``number`` from the list), ``Q3: C``, ``**12. Answer: B**``, ``12 - B``, ``12) B``,
    ``(12) B``."""
    line = plain(text)
    match = _KEY_ENTRY.match(line)
    if match is not None and not _is_article(match):
        return KeyEntry(question_id(match["id"]), _said(match, line), node)
    listed = _LISTED_ENTRY.match(line) if number else None
    if listed is not None and not _is_article(listed):
        return KeyEntry(question_id(number), _said(listed, line), node)
    return None


def _said(entry: re.Match[str], line: str) -> Answer:
    """A key entry's answer, with its letters and what follows them as written (``B-cells, via …``:
    maybe an option's words)."""
    return replace(_answer(entry), said=line[entry.start("letters") :].strip())


def key_entries_on_a_line(text: str, node: Node, *, least: int = 2) -> list[KeyEntry]:
    """A line of several entries: ``1-B, 2-C, 3-A``, ``1. B  2. D  3. A`` or ``1\u20133: B D A`` (of one
    at ``least``, after a key's title)."""
    return [KeyEntry(number, Answer(letters, ""), node) for number, letters in _several_entries(text, least)]


def _several_entries(text: str, least: int = 2) -> list[tuple[str, tuple[str, ...]]]:
    """Each question's number and letters on a line of nothing but key entries (two or more, or
    ``least``)."""
    line = plain(text)
    if not _ENTRY_LINE.match(line):
        return _ranges_of_entries(line)
    found = list(_ENTRIES_ON_A_LINE.finditer(line))
    entries = [(question_id(match["id"]), _answer(match, rest=False).letters) for match in found]
    return entries if len(entries) >= least else []


def _ranges_of_entries(line: str) -> list[tuple[str, tuple[str, ...]]]:
    """``1\u20135: B C A D A`` (or ``1-3 ABA``, several runs a line): one letter for each number of the
    run, in order. A count of letters that is not the run's is no key (``Pages 1-2: a b c``)."""
    if _RANGE_OF_ENTRIES.match(line) is None:
        return []  # the first run must open the line (below: `match.start() != end`), as most lines' do not
    entries: list[tuple[str, tuple[str, ...]]] = []
    end = 0
    for match in _RANGE_OF_ENTRIES.finditer(line):
        first, last, letters = int(match["first"]), int(match["last"]), re.findall(r"\w", match["letters"])
        if match.start() != end or last - first + 1 != len(letters):
            return []
        entries += [(str(first + n), (letter.upper(),)) for n, letter in enumerate(letters)]
        end = match.end()
    return entries if len(entries) >= 2 and not line[end:].strip(" ,;|.") else []


def key_cell_answer(text: str) -> Answer | None:
    """The answer cell of an answer-key table: ``B``, ``**A, C**``, ``B — because …``."""
    match = _VALUE.match(_LEADING_SYMBOLS.sub("", plain(text)))
    return _answer(match) if match and not _is_article(match) else None


def after_key_title(text: str) -> str | None:
    """The entries written on an answer key's title line (``**Answers:** 1-A, 2-B``), if any: one will
    do after a title naming the key (``**Answer Key:** 5. b``), which no single answer is labelled."""
    match = _TITLED_ENTRIES.match(plain(text))
    listed = (match["rest"] or match["run"]) if match else None  # `Answers: 1-A, 2-B`, `Answers 1-3: A B A`
    if not match or not listed:
        return None
    least = 1 if _NAMES_KEY.search(match.string, 0, match.start("rest" if match["rest"] else "run")) else 2
    return listed if _several_entries(listed, least) else None


_NAMES_KEY = regex(r"(?i)\bkey\b")


def worded_after_key_title(text: str) -> list[tuple[str, str]]:
    """The answers in words written on an answer key's title line, numbered from 1 in turn
    (``**Answers:** 1. Jupiter 2. Venus``): each one's number and words; none for any other line."""
    match = _TITLED_ENTRIES.match(plain(text))
    listed = (match["rest"] or match["run"]) if match else None
    if not listed or "\n" in listed or _several_entries(listed):
        return []
    parts = _WORDED_NUMBER.split(f" {listed}")[1:]
    entries = list(zip(parts[::2], (words.strip(" ,;") for words in parts[1::2]), strict=True))
    numbered = [number for number, _ in entries] == [str(n) for n in range(1, len(entries) + 1)]
    return entries if len(entries) >= 2 and numbered and all(words for _, words in entries) else []


_WORDED_NUMBER = regex(r"(?<![\s,;])[\s,;]+(\d+)[.)]\s+")
"""The number of an entry after the words of the one before: tried where a run of spaces (or commas)
starts, not again at each of its spaces (a long run, as a PDF pastes one, took quadratic time)."""


def names_answers(text: str) -> bool:
    """A heading that is only a word for the answer, in any language (``## Lösung``, ``## Respuesta``,
    ``## Answer``): a key's title over a section of nothing but entries, else a section of notes."""
    return _ANSWER_WORD.fullmatch(plain(text)) is not None


_ANSWER_WORD = regex(rf"(?i)\W*(?:answers?|solutions?|{ANSWER_ABROAD})\W*")


@lru_cache(maxsize=_LINES_KEPT)
def is_key_title(text: str, *, line: bool = False) -> bool:
    """A heading or caption that opens an answer key: ``Answers``, ``🔑 Answer key (Q1-Q15)``,
    ``Practice exam 2 answers``, ``Solutions`` … A ``line`` of its own (a caption, not a heading)
    ends with those words or a colon, or prose that mentions an answer would pass for a key's title."""
    words = _LEADING_SYMBOLS.sub("", plain(text)).rstrip(":").strip()
    if len(words) > 80 or words.endswith("?") or "\n" in words:
        return False
    if answer_line(words) is not None and not _KEY_TO_A_PART.fullmatch(words):
        return False
    if PAGE_CONTROLS.fullmatch(words):
        return False
    title = _KEY_TITLE.match(words) or _PREFIXED_KEY_TITLE.match(words)
    if title is None or not line:
        return title is not None
    if _ONE_ANSWER.fullmatch(words) or _TELLS_TO_ANSWER.match(words):
        return False  # `**Answer:**` alone on its line: one question's label, its answer below
    return plain(text).rstrip().endswith(":") or _TITLE_END.fullmatch(words, title.end()) is not None


def is_question_id(text: str) -> bool:
    """Whether ``text`` names a question by its number (``3``, ``Q7``, ``Question 3``, ``N3``)."""
    return _QUESTION_ID.match(plain(text).strip()) is not None


def question_id(text: str) -> str:
    """A question's id inside its set: ``Question 3`` → ``3``, ``Q7`` → ``7``, ``N3`` → ``N3``."""
    match = _QUESTION_ID.match(plain(text).strip())
    return match["id"].upper() if match else text.strip().upper()


_PADDING = regex(r"(?<!\d)0+(?=\d)")


def unpadded(number: str) -> str:
    """A question's number as a key names it: ``## Question 01`` is entry ``1``."""
    return _PADDING.sub("", number)


def _is_article(match: re.Match[str]) -> bool:
    """``Answer: A company should …`` starts with the word "A", not the letter (nor does ``A.
    baumannii``, a genus abbreviated); ``A: iron oxide …`` and ``A) iron …`` are the letter, marked."""
    marked = match.string[match.end("letters") : match.end("letters") + 1] in (":", ")")
    return match["letters"].strip() in ("A", "a") and not marked and bool(_ARTICLE.match(match["rest"] or ""))


CROSS = r"(?:[\u274c\u2716\u2717\u2718]\ufe0f?)"
"""A cross that marks an answer or an option wrong (❌ ✖ ✗ ✘); ``⛔`` and ``🚫`` may be an option's
own words (a road sign), and mark only an answer wrong."""
_CROSSED = regex(rf"{CROSS}|[\u26d4\U0001f6ab]")
"""A cross before an answer's letter (``Answer: ❌ A``): the answer picked and wrong, no answer."""
_CODE_AFTER_LETTER = regex(r"[Aa][.)]\s*`")
"""``A. `docker ps```: an option's code after the letter, never a sentence after the article "A"."""


def _opens_sentence(match: re.Match[str]) -> bool:
    """``A Region is a geographic area.`` hidden in a block: the word "A" opening a sentence (three
    words or more, no mark after the letter), not the letter with an option's text or a dash and
    why (``A — the calculator prices …``)."""
    mark = match.string[match.end("letters") : match.end("letters") + 1]
    rest = match["rest"] or ""
    dashed = rest.lstrip().startswith(("-", "\u2013", "\u2014"))
    return match["letters"].strip() in ("A", "a") and mark.isspace() and len(rest.split()) >= 3 and not dashed


def _capitalised_word(match: re.Match[str]) -> bool:
    """``ACE stands for …``, ``HEAD points at …``: a word in capitals that opens a sentence, not letters
    run together (``BD``, ``AC because …``, ``BD are correct``), though its letters are all A to H. Under
    options whose letters it is (``AC for …``), ``letters_in_capitals`` reads it as letters again."""
    run = match["letters"]
    return (
        len(run) > 1
        and run.isalpha()
        and run.isupper()
        and bool(_SENTENCE_GOES_ON.match(match["rest"] or ""))
    )


_SENTENCE_GOES_ON = regex(
    r"[ \t]+(?!(?:because|since|as|are|were|and|or|but|so|then|only|also|plus|with|both|together"
    r"|(?:is|was)\s+(?:the\s+)?(?:correct|right|wrong|true|false|answer|best))\b)[a-z][a-z'-]*\b"
)
"""A word in small letters after a word in capitals, which a sentence goes on with: none that joins letters
to why they are right (``because``, ``are``, ``is correct``)."""


def _answer(match: re.Match[str], *, rest: bool = True) -> Answer:
    written, said = match["letters"], match["rest"] if rest else ""
    cut = re.search("[\u3001\uff0c]", written)
    if cut and said.strip()[:1].isalnum():  # `A` and a full-width comma, then why option B is wrong
        written, said = written[: cut.start()], f"{written[cut.end() :]}{said}"
    if (first := _FIRST_OF_A_REMARK.match(written)) and _REMARK.match(said) and not _CALLED_RIGHT.match(said):
        written, said = first[1], f"{written[first.end() :]}{said}"  # `B; A and C are wrong.`
    if (wrong := _CALLED_WRONG.match(said)) is not None:  # `A and C are wrong, so B.`: the one left
        named = tuple(dict.fromkeys(re.findall(r"\b[A-H]\b", said[wrong.end() :])))
        return Answer(named, " ".join(f"{written} {said}".split()))
    words = _JOINERS.sub(" ", written).upper()  # `A e B`: the Portuguese "and", not the letter E
    run_together = re.fullmatch(r"[A-H]{2,8}|[a-h]{2,4}", written)
    letters = tuple(dict.fromkeys(written.upper() if run_together else re.findall(r"\b[A-H]\b", words)))
    after = _AFTER_LETTERS.sub("", said, count=1).strip() if rest else ""  # `B - why`, not `b) -r`
    return Answer(letters, after if any(map(str.isalnum, after)) else "")  # `B 🗳️`: a vote icon, no reason
