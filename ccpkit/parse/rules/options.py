"""The options of a multiple-choice question: lettered list items or lines, or task-list checkboxes."""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from ccpkit.parse.document import LISTS, Document, first_inline
from ccpkit.parse.rules.answers import (
    CROSS,
    PAGE_CONTROLS,
    PAIRED_ANSWER,
    YOUR_PICK,
    Answer,
    answer_line,
    bare_label,
    explanation_start,
    plain,
    question_numbered,
    takers_pick,
)
from ccpkit.parse.rules.terms import BOLD_TEXT, split_term
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_LETTERED = regex(
    r"^(?:\*\*|__)?(?P<named>(?i:option|choice)\s+(?=[A-H]\b))?(?:\((?P<paren>[A-Ha-h])\)|\[(?P<bracket>[A-H])\]|(?P<letter>[A-Ha-h])\\?(?:\.\)|[.)])|(?P<closed>[A-H])\]"
    r"|(?P<wide>[A-H])[\u3001\uff0e\uff09]|(?P<loose>[A-H]|[a-h](?=[-/]))(?:[ \t]*[-\u2013\u2014]|:|/))"
    r"(?:\*\*|__)?"
    r"(?:(?:\s+|(?<=[\u3001\uff0e\uff09])|(?=`))(?P<text>\S.*))?$",
    re.S,
)
"""An option's letter: ``A)``, ``(a)``, ``[A]``, ``A]``, ``B.`` (``B\\.`` as document exports escape it),
``A、``, ``A\uff0e`` and ``A\uff09`` as Chinese and Japanese banks write them (their words may follow with no
space, as code may after any letter: ``D:`null```), and, in a run of two or more from ``A``, ``A: …``,
``A - …``, ``A/ …`` or ``a- …`` (a lone ``A:`` answers a ``Q:``; ``a - …`` lines are keys and what
they do). ``Option A: …`` only where an answer names one (``Answer: Option C``): decision records
weigh their options so, with no answer to give."""
_PARTICLES = "\u304b\u5417\u55ce"
QUESTION_PARTICLE = rf"[{_PARTICLES}][\u3002.]?\s*$"
"""A Japanese or Chinese question's closing particle, maybe before a full stop (``…いくつか。``, ``…吗``)."""


def may_end_with_particle(text: str) -> bool:
    """Whether ``QUESTION_PARTICLE`` may match ``text``: one of its particles is among the last two
    characters, spaces aside (``\\s`` and ``str.rstrip`` take the same spaces)."""
    return any(particle in text.rstrip()[-2:] for particle in _PARTICLES)


_ASKING_WORD = regex(
    r"\b(?:select|choose|pick|selecione|escolha|assinale|marque|seleccione|elija|señale|choisissez|w[äa]hlen"
    r"|scegli|seleziona)\b",
    re.I,
)
_ASKING_WHICH = regex(r"(?:^|[.!:]\s+)which\b(?!\s+to\b)", re.I)
_ASKING_END = regex(
    r"\b(?:is|are|was|were|as|by|because|means|refers\s+to)\s*:(?:\*\*|__)?\s*$"
    r"|\b(?:est|sont|[ée]tait|[ée]taient|es|son|era|eran|é|são|ist|sind|è|sono)"
    r"\s+(?:de|d'|à|par|por|pour|para|von|di|da|per)\s*:(?:\*\*|__)?\s*$"
    rf"|{QUESTION_PARTICLE}",
    re.I,
)
"""What makes a checklist a question (with ``asks``' own marks): a question mark, "Select/Choose …" (also in
Portuguese, Spanish, French, German and Italian: ``Assinale …``, ``Marque …``, ``Señale …``, ``Scegli …``),
a sentence opening with "Which" (an exam's stem with its ``?`` forgotten), one left open after its verb
(``The service that records API calls is:``, ``Opportunity cost is best defined as:``; in French,
Spanish, Portuguese, German and Italian after the verb and a word that wants more, ``La durabilité de
S3 est de :``, where ``Les fonctions du rein sont :`` lists), a Japanese or
Chinese question's closing particle (``…誰か。``, ``…吗``) or a blank (``based on ___``): the words
anywhere (``_ASKING_WORD``, ``_ASKING_WHICH``), the open verb and the particle at the end
(``_ASKING_END``)."""
_COLON_ENDS = (":", "*", "_")
"""How a stem that ``_ASKING_END`` finds left open ends, spaces aside: its colon, maybe in bold."""
_INSTRUCTION = regex(
    r"(?i)^(?:define|explain|arrange|rank|sort|describe|give|list|name|state|compare|contrast|outline|discuss|identify"
    r"|justify|summari[sz]e|distinguish|differentiate|calculate|compute|write|mention|suggest|show"
    r"|find|solve|translate|conjugate|advise|evaluate|prove|derive|draw|sketch|classify|predict|estimate"
    r"|analy[sz]e|assess|interpret|illustrate|recommend|propose|convert|rewrite|complete"
    r"|factori[sz]e|factor|simplify|expand|integrate|determine|express|round|balance"
    r"|what|why|how|when|where|which|who)\b"
)
"""How words that ask without a ``?`` open."""
_TRAILING_ANSWER = regex(
    r"(?<!\s)\s++[\u2013\u2014-]?+\s*+(?=(?:\*\*|__)?(?i:(?:correct\s+)?answer\s*:|ans\s*[:.]))"
)
"""Where an answer starts at the end of a line of options (``C) Zephyr Edge — Answer: A``, ``(d) 64
Ans: b``). Its spaces are read once, from the first: cut in every way from each, a line of 1,000 tabs
took seconds (n^3); the answer can only follow the whole run, so the match is the same."""
_LINE_BREAK = regex(r"<br\s*/?>|\n", re.I)
_BREAK_BEFORE_LINE = regex(r"(?i)<br\s*/?>(?=\s*(?:\(?[A-Ha-h][.):]\s|(?:\*\*|__)?(?:ans|answer|correct)\b))")
"""A ``<br>`` before an option's letter or an answer line: it parts a question's lines."""
_BREAK_AT_END = regex(r"(?i)(?<!\s)\s*<br\s*/?>\s*$")
"""A ``<br>`` ending a line, with the spaces around it: from the first of them only, as looked for from
each place in a long run of spaces it read the rest of the run again from each."""
_BULLET = regex(r"^[-*+\u2022]\s+")
_INLINE_LETTER = regex(r"(?:^|(?<=\s))(?:\(?(?P<letter>[A-H])[.)]|\(?(?P<lower>[a-h])\))\s+")
"""An option's letter inside a line: ``A) ``, ``B. ``, ``(C) ``, or lower-case with a bracket: ``(d) ``,
``d) ``."""
_WIDE_LETTER = regex(
    r"(?:^|(?<=\s))[(\uff08]?(?P<letter>[A-H])(?:[\uff0e\u3001\uff09]|\)(?=[\u3400-\u9fff]))\s*(?P<lower>(?!))?"
)
"""An option's letter as Chinese banks mark one on a line of several, full-width and with no space
(``A\uff0e网络层　B\uff0e传输层``, ``B\u3001…``, ``(C)会话层``): read where the ASCII letters make no run."""
_LETTER_CELL = regex(r"\(?(?P<letter>[A-Ha-h])[.):]?")
_OPTION_COLUMN = regex(r"(?i:options?|choices?|answers?|letter|alternativas?|opci[óo]n|opç[ãa]o|#)?")
_LABELS = "ABCDEFGH"
_OPTION_NUMBER = regex(
    r"(?i:(?:options?|choices?|no\.?|#)\s*)?(?:\((?P<bracketed>[1-8])\)|(?P<number>[1-8])[.)]?)"
)
"""An answer naming a numbered option: ``3``, ``3)``, ``(3)``, ``Option 3``, ``#3``."""
_NUMBER_STATED = regex(
    r"(?i)(?:the\s+(?:correct|right)\s+answer\s+is\s+(?:option\s+|number\s+)?(?P<said>[1-8])(?=\s*(?:[.,;:!)\u2013\u2014]|$))"
    r"|(?:option\s+|number\s+)?(?P<number>[1-8])\s+is\s+(?:the\s+)?(?:correct|right)(?:\s+answer)?"
    r"(?=\s*(?:[.,;:!\u2013\u2014]|$)))"
)
_NUMBERED_ITEM = regex(r"^(?:\*\*|__)?(?P<number>[1-8]):(?:\*\*|__)?[ \t]+(?P<text>\S.*)$", re.S)
"""A bullet numbered with a colon, as some banks write their options (``- 1: false``, ``- 2: true``): in
a run of two or more from ``1``, lettered ``A``, ``B`` … and named by its number in the answer."""
_NAMES_PARTED = regex(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+")
"""What parts the options an answer names one by one: ``AWS Lambda, Amazon DynamoDB``, ``… and …``."""
_WHOLE_CODE = regex(r"`(?P<inner>[^`]+)`")
_LETTER_AND_TEXT = regex(r"(?P<letter>[A-Z])[.)]\s+(?P<text>.+)", re.S)
"""An answer written as its option is: the letter, then the option's text."""
_REASON = r"\s*(?:[,;:]|\.(?=\s)|\s[-\u2013\u2014])\s*|\s+(?=(?:because|since|as)\b)"
_REASON_OR_ASIDE = regex(rf"{_REASON}|\s+(?=\()", re.I)
"""Where an answer's option ends and its reason starts: ``Amazon S3, since …``, ``Amazon S3 — it …``,
or an aside in brackets: ``C# (built for .NET)``."""
_NUMBER_JOINER = regex(r"(?i)\s*(?:,|;|&|/|\+|\band\b)\s*")
_TASK = regex(
    r"^(?:\[(?P<mark>[ xX*\u2713\u2714]?)\ufe0f?\]|\[(?P<quiz>\[[ xX]\]|\([ xX]\))\]"
    r"|(?P<ballot>[\u2610-\u2612])\ufe0f?|(?P<radio>[\u25cb\u25ef]))"
    r"[ \t]+(?P<text>\S.*)$",
    re.S,
)
"""A checkbox (``[ ]``, ``[x]``, ``[✓]``, ``[]`` as some write an empty one, text2qti's ``[*]``, LiaScript's
``[[X]]`` and ``[(X)]``, or the ballot boxes ``☐``, ``☑``, ``☒``) or a blank radio button (``○``, ``◯``, as
quizzes copied from online forms show them) opening an option. A chosen one (``◉``, ``●``) is no
option's: a filled-in survey and a slide's bullets write them too."""
_BOX_STARTS = ("[", "\u2610", "\u2611", "\u2612", "\u25cb", "\u25ef")
"""What a line ``_TASK`` (or ``_BARE_BOX``) matches opens with."""
_NO_WORDS = "&shy;"
"""What a box's option with no words of its own holds, its text the code below it (``- [x] &shy;``
over a fenced block, as a public bank of skill-assessment answers writes code options)."""
_BARE_BOX = regex(r"(?P<box>\[[ xX]?\])(?:[ \t]+(?:[A-H][.):]?|:|\u2800))?")
"""A box alone on its item's first line (or with its letter alone, ``- [ ] A``, or a blank character,
``- [x] ⠀``), its option's code below or nested under it."""
_BOX_AFTER_LETTER = regex(r"\[(?P<mark>[ xX+-]?)\][ \t]+(?=\S)")
"""A box right after an option's letter (``a. [+] …``, ``b. [ ] …``, as French school QCMs mark the
right ones; ``A. [x] …`` too)."""
_BOX_TICKS = frozenset("xX+")
_CHECK = r"(?:\u2705|\u2714\ufe0f?|\u2611\ufe0f?|\u2713)"
_RIGHT = r"(?i:correct(?:\s+answer)?|right\s+answer)"
_MARK = regex(
    rf"^\s*{_CHECK}\s*|(?<!\s)\s*(?:{_CHECK}(?:\s*{_RIGHT})?"
    rf"|(?:\*\*|\*|_)?(?:\((?:{_RIGHT}|(?i:answer))\)|\[(?:{_RIGHT}|(?i:answer)|{_CHECK})\])(?:\*\*|\*|_)?"
    rf"|(?:\*\*)?Most Voted(?:\*\*)?|(?:<-+|\u2190|\u2b05\ufe0f?)\s*(?:{_RIGHT}|(?i:answer)))\s*$"
)
"""A correct option marked in its text: ``✅`` (``✅ Correct``), ``✔``, ``☑``, ``✓`` (``[✓]``),
``(correct)``, ``(Correct Answer)``, ``(right answer)``, ``[Correct]``, ``<-- Correct``, ``<-- answer``,
``← correct``, or the ``Most Voted`` that
question banks copied from discussion sites put after the option most people chose. (An asterisk
after an option's words is as often a footnote, a pointer or code: no mark.) Spaces before a mark are
matched from where they start: a long run of them is tried once."""
_CROSSED = regex(rf"^\s*{CROSS}\s*|(?<!\s)\s*{CROSS}\s*$")
"""A wrong option marked in its text: ``❌``, ``✖``, ``✗``, ``✘``."""
_WRONG = r"(?i:incorrect|wrong)"
_SAID_WRONG = regex(
    rf"(?<!\s)\s*(?:{CROSS}\s*{_WRONG}|(?:\*\*|\*|_)?(?:\({_WRONG}\)|\[{_WRONG}\])(?:\*\*|\*|_)?)\s*$"
)
"""``❌ Incorrect``, ``[Incorrect]``, ``(wrong)`` after a wrong option, beside the right one's mark: no
part of its text. Alone, ``(Incorrect)`` may mark only a test taker's wrong pick, so it says nothing
of the others."""
_NEXT_NAMED = regex(r"\s*(?:,|;|&|/|\band\b|\bplus\b)\s*\(?(?P<letter>[A-H])\b[.):\u2013\u2014-]?\s*")
"""The next letter of an answer whose letters each come with their option's words (see
``with_named_options``)."""
_CLAUSE_END = " \t\n.,;:)\u2013\u2014-"
_STRUCK = regex(r"~~(?P<text>[^~\s](?:.*[^~\s])?)~~\s*", re.S)
"""An option struck through, as a wrong one: ``~~A. AWS Direct Connect~~``."""
_LEADING_MARK = regex(rf"^\s*(?:{_CHECK}|{CROSS}|(?P<star>\*)(?=\(?[A-Ha-h][.)]\s))\s*")
"""A mark before an option's letter: ``✅ B. …``, ``❌ A. …``, or a star glued to the letter, ``*B) …``, as
word processors' banks mark the right one."""


@dataclass(frozen=True, slots=True)
class DraftOption:
    """An option as written: its letter, its Markdown text, and its checkbox if it had one."""

    label: str
    text: str
    node: Node
    checked: bool | None = None
    """``True``/``False`` for a task-list checkbox, ``True`` for one marked ``✅``; else ``None``."""
    lower: bool = False
    """Written with a lower-case letter (``a)``); such options must run ``a``, ``b``, ``c`` …"""
    loose: bool = False
    """Its letter followed by a colon or a dash (``A: …``, ``A - …``); such options must run ``A``,
    ``B`` … and be two at least."""
    bold: bool = False
    """Written wholly in bold (``**B. Amazon S3**``, ``B. **Amazon S3**``) or highlighted (``B. ==Amazon
    S3==``, Obsidian's): as some banks mark the answer."""
    answered_only: bool = False
    """An option only when an answer names some of them: a radio button, a letter in brackets (``[A]``),
    as slides, surveys and reference lists also write their lines."""
    number: int = 0
    """Its number, for a bullet numbered with a colon (``- 2: true``): lettered in turn, named by it."""
    boxed: bool = False
    """Opened by a checkbox or a radio button (``- [x] …``, ``○ …``)."""
    by_place: bool = False
    """A plain bullet, lettered by its place: an answer's letter may be its very words (``- B``)."""


@dataclass(frozen=True, slots=True)
class Options:
    """Options found in one block, with the lines written before them (a stem on the lines right
    above, in the same paragraph) and after them (an answer right below, in the same paragraph)."""

    options: list[DraftOption]
    head: str = ""
    tail: tuple[str, ...] = ()
    task: bool = False


def _may_judge(line: str) -> bool:
    """Whether ``line`` may be one ``_BOXED_JUDGEMENT`` finds: it ends with a judgement (stops and
    spaces after it aside, before a last line break ``$`` allows) and holds a box's opening. Most lines
    do neither: the pattern need not look at them."""
    boxed = any(box in line for box in _BOX_OPENINGS)
    return boxed and line.removesuffix("\n").rstrip(" \t.").endswith(_JUDGEMENT_ENDS)


def true_or_false(texts: Sequence[str]) -> bool:
    """Options that are ``True`` and ``False`` (also as code; with ``Not Given`` too, or ``Yes``, ``No``
    and ``Not Given``, as reading tests judge): the words above them state what to judge, asking nothing."""
    judged = sorted(plain(text).strip().strip("`").rstrip(".").casefold() for text in texts)
    return judged in _JUDGEMENTS


_JUDGEMENTS = (
    ["false", "true"],
    ["f", "t"],
    ["false", "not given", "true"],
    ["no", "not given", "yes"],
    ["no", "yes"],
    ["falso", "verdadeiro"],
    ["falso", "verdadero"],
    ["falso", "vero"],
    ["faux", "vrai"],
    ["falsch", "richtig"],
    ["falsch", "wahr"],
)
"""Options that judge a statement: true or false (also as their initials, ``T`` and ``F``; in
Portuguese, Spanish, Italian, French and German too), and a reading test's "not given" (IELTS)."""


def asks(stem: str) -> bool:
    """Whether the words above some options ask a question (see ``_asks_in_words``; a full-width or Arabic
    question mark asks too, and so does a blank: ``___``, or ``[...]`` in a sentence of the stem's last
    line, not in a quotation, where a title's ``Weekly tasks [...]`` says there is more)."""
    last = stem.rstrip().rpartition("\n")[2]
    blank = (  # each blank pattern needs its opening bracket: most lines have none
        "[" in last
        and len(last.split()) >= _SENTENCE_WORDS
        and _BRACKETED_BLANK.search(_QUOTATION.sub("", last)) is not None
    )
    opened = "(" in last or "\uff08" in last
    bracketed = opened and _PAREN_BLANK.search(last) is not None  # a Chinese bank's blank, not `len( )`
    return (
        blank
        or bracketed
        or any(mark in stem for mark in ("?", "\uff1f", "\u061f", "___"))
        or _asks_in_words(stem)
    )


def _asks_in_words(stem: str) -> bool:
    """Whether ``stem`` holds words that ask, looked for as three patterns (one alternation of them
    all took three times as long as the three apart); those that ask at its end only when its last
    characters may end them (no case-folding of ``re.I`` gives a colon, ``*``, ``_`` or a particle
    another form; ``\\s`` and ``str.rstrip`` take the same spaces)."""
    if _ASKING_WORD.search(stem) is not None or _ASKING_WHICH.search(stem) is not None:
        return True
    may_end = stem.rstrip().endswith(_COLON_ENDS) or may_end_with_particle(stem)
    return may_end and _ASKING_END.search(stem) is not None


_SENTENCE_WORDS = 5
_PAREN_BLANK = regex(
    r"(?<=[\u3000-\u9fff\uff00-\uffef])\s*[(\uff08][ \u3000]*[)\uff09]|\uff08[ \u3000]*\uff09"
)
"""Empty brackets after Chinese or Japanese words in the stem's last line, or full-width ones, as such
banks leave the answer's blank (``…属于( )。``); ``len( )`` in a textbook, or a form's ``( ) True``, is
no blank."""
_BRACKETED_BLANK = regex(r"\[\s?(?:\.\.\.|\u2026)\s?\]")
"""A blank in brackets in the stem's last line (``… only through [...].``); one in a quotation leaves
words out (``"the market [...] corrects itself"``)."""
_QUOTATION = regex(r"\"[^\"\n]*\"|\u201c[^\u201d\n]*\u201d|\u201e[^\u201c\u201d\n]*[\u201c\u201d]")
"""Words in double quotes: a quotation, where a ``[...]`` leaves words out (single quotes are as often
an apostrophe's)."""


def instructs(words: str) -> bool:
    """Whether ``words`` ask without a ``?``, opening with what to do: ``Define elasticity.``, ``Explain
    the GIL.``, ``Give two benefits …``."""
    return _INSTRUCTION.match(words) is not None


def read_options(doc: Document, node: Node, *, going_on: bool = False) -> Options | None:
    """The options ``node`` holds (one or more), or ``None`` when it holds none. Options of a paragraph
    open with ``A``, unless they are ``going_on`` from a block above."""
    if node.type in ("bullet_list", "ordered_list"):
        lettered = _lettered_items(doc, node, going_on)
        if lettered:
            return Options(lettered[0], tail=lettered[1], task=lettered[2])
        tasks = _task_items(doc, node)
        if not tasks:
            return None
        text, glued = _answer_glued(tasks[-1].text)  # `- [ ] Vitamin K` then `Answer: D`
        return Options([*tasks[:-1], replace(tasks[-1], text=text)], tail=glued, task=True)
    if node.type == "paragraph":
        lines = _broken_lines(node.children[0].content)
        return (
            _lettered_lines(lines, node, going_on) or _boxed_lines(lines, node) or _piped_options(lines, node)
        )
    if node.type in ("fence", "code_block") and node.info.strip().lower() in _TEXT_BLOCKS:
        # options set as code (``` then `A. …` lines), none of it code
        found = _lettered_lines(node.content.rstrip("\n").split("\n"), node, going_on=False)
        if found is None or found.head or found.tail:
            return None
        return _shown_as_code(found) if node.info.strip().lower() in _MARKDOWN_BLOCKS else found
    if node.type == "table":
        return _table_options(node)
    return None


_MARKDOWN_BLOCKS = ("markdown", "md")
_TEXT_BLOCKS = ("", "text", "txt", "plaintext", "plain", *_MARKDOWN_BLOCKS)
"""What a code block of options may be marked as: nothing, plain text, or Markdown (the options are
Markdown's syntax, a question on how to write it asks)."""


def _shown_as_code(found: Options) -> Options | None:
    """Options read from a Markdown code block, each shown as code, as the block showed it: rendered,
    ``[![Logo](logo.png)](…)`` would be an image, not the syntax asked about. None for options that
    go on over several lines (a code span cannot hold them)."""
    if any("\n" in option.text for option in found.options):
        return None
    return replace(found, options=[replace(option, text=_code_span(option.text)) for option in found.options])


def _code_span(text: str) -> str:
    """``text`` as inline code, its fence longer than any run of backticks in it."""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _broken_lines(text: str) -> list[str]:
    """A paragraph's lines, a ``<br>`` before an option's letter or an answer parting them too
    (``Which …?<br>A. …<br>B. …<br>Answer: B``); one ending a line is dropped, and one inside an
    option's text stays (``A. Amazon S3<br>object storage``). A backslash ending a line (a hard break)
    is dropped."""
    if "\\\n" in text:  # `Gene\` over `B. Protein\`: Markdown's hard breaks, no words of the lines
        text = _HARD_BREAK.sub("", text)
    if "<" not in text:  # both patterns need the `<` of a `<br>`: nothing to part or drop
        return [line for line in text.split("\n") if line.strip()]
    parted = _BREAK_BEFORE_LINE.sub("\n", text)
    return [_BREAK_AT_END.sub("", line) for line in parted.split("\n") if line.strip()]


_HARD_BREAK = regex(r"(?<!\\)\\(?=\n)")
"""A backslash ending a line that another follows (Markdown's hard break, as Pandoc and Google Docs write
it); a formula's ``\\\\`` stays."""


_VALUE = regex(r"-?\d+(?:[.,]\d+)?")
"""An option that is a number, which an answer names by its value, not its place."""


def named_option(options: Sequence[DraftOption], words: str) -> tuple[str, ...]:
    """The options ``words`` name (see ``named_with_reason``)."""
    return named_with_reason(options, words)[0]


def named_with_reason(options: Sequence[DraftOption], words: str) -> tuple[tuple[str, ...], str]:
    """The one option whose text is ``words`` (``Answer: Amazon S3``), ignoring case and markup; or
    the options ``words`` name one by one, parted by commas or semicolons (``AWS Lambda, Amazon
    DynamoDB``), when each part is one option's text; or the one option whose text opens ``words``
    before a reason or an aside (``Amazon S3, since it scales``, ``Amazon S3 (objects)``), with it;
    or an option's letter and its text (``A. remote-exec``, where ``A. genus`` alone would be a name)."""
    texts = [option_words(option.text) for option in options]
    numbered = all(option.number for option in options)
    numbers, why = _option_numbers(words) if numbered else (set(), "")
    numbers = numbers or (_numbered_with_words(options, words) if numbered else set())
    if numbers and numbers <= {option.number for option in options}:  # `Answer: 1` under `- 1: false`
        return tuple(option.label for option in options if option.number in numbers), why
    coded = _WHOLE_CODE.fullmatch(words.strip())  # `A. remote-exec` in backticks, as its option is
    lettered = _LETTER_AND_TEXT.fullmatch(coded["inner"] if coded else words.strip())
    if lettered is not None and (lettered["letter"], option_words(lettered["text"])) in zip(
        (option.label for option in options), texts, strict=True
    ):
        return (lettered["letter"],), ""
    for names in ([words], _NAMES_PARTED.split(words)):
        wanted = [option_words(name) for name in names]
        if wanted and all(texts.count(name) == 1 for name in wanted) and len(set(wanted)) == len(wanted):
            return tuple(options[texts.index(name)].label for name in wanted), ""
    for cut in _REASON_OR_ASIDE.finditer(words):  # the first that leaves one option's words before it
        if texts.count(named := option_words(words[: cut.start()])) == 1:  # (`[1, 3] — …` is cut at the dash)
            return (options[texts.index(named)].label,), words[cut.end() :].strip()
    if (article := _ARTICLE.match(words)) is not None:
        return named_with_reason(options, words[article.end() :])  # `A firewall, because …`
    if (initial := _JUDGED_INITIAL.fullmatch(words.strip())) is not None and true_or_false(texts):
        said = "true" if initial[0].casefold() == "t" else "false"
        return tuple(option.label for option, text in zip(options, texts, strict=True) if text == said), ""
    placed = _PLACED.fullmatch(words.strip())
    if placed is not None and not numbered and 0 < int(placed["number"]) <= len(options):
        return (options[int(placed["number"]) - 1].label,), ""  # `Option 2` among lettered options
    if (quoted := _QUOTED.fullmatch(words.strip())) is not None:
        return named_with_reason(options, quoted["inner"])  # Moodle's `The correct answer is 'False'.`
    return (), ""


_ARTICLE = regex(r"(?:an?|the)\s+(?=\w)", re.IGNORECASE)
_JUDGED_INITIAL = regex(r"[TtFf]\.?")
"""``T`` or ``F``, answering a question whose options are ``True`` and ``False``."""
_QUOTED = regex(r"['\"\u2018\u201c](?P<inner>[^'\"\u2018\u2019\u201c\u201d\n]+)['\"\u2019\u201d]\.?")
"""An answer in quotes (``'False'``, ``“Stack”.``), as Moodle's review page names a true-or-false one."""
_PLACED = regex(r"(?i)(?:option|choice)\s*(?:no\.?\s*|#)?(?P<number>[1-8])\.?")
"""``Option 2``: an option named by its place among lettered ones."""


def _worded_exactly(options: Sequence[DraftOption], said: str) -> str | None:
    """The letter of the one option whose words an answer's letters and words are, all of them
    (``Answer: B-cells`` for ``C. B-cells``); a lone letter is a letter, unless no option has it
    (``Answer: G`` for ``C. G``, a note of the scale). Not ``option_words``, which drops ``*``: ``A*`` is an
    option's words."""
    words = said.strip().rstrip(".").casefold()
    if not words or (len(words) == 1 and any(option.label.casefold() == words for option in options)):
        return None
    found = [option.label for option in options if plain(option.text).strip().rstrip(".").casefold() == words]
    return found[0] if len(found) == 1 else None


def with_named_options(options: Sequence[DraftOption], answer: Answer) -> Answer:
    """An answer whose letters come with their options' words: ``C (Amazon EFS) and D (Amazon FSx)``,
    ``B. Amazon EC2, D. AWS Lambda``, ``**B. AWS Lambda**``. The letters after the first are read from
    those words, which leave the explanation; lines below the answer's explain it. Any other answer
    is returned as it is."""
    if not answer.letters:
        return answer  # an answer in words names its option itself
    worded = _worded_exactly(options, answer.said)
    if worded is not None:  # `B-cells`, `C++`, `AB`: an option's very words, not its letter
        return Answer((worded,), "", said=answer.said)
    if answer.letters == ("F",) and not any(option.label == "F" for option in options):
        judged = named_option(options, "F")  # `Answer: F` under `True` and `False`
        return replace(answer, letters=judged) if judged else answer
    before, *reason = _REASON_OR_ASIDE.split(answer.said.strip(), maxsplit=1)
    worded = _worded_exactly(options, before) if reason and len(before) > 1 else None
    if worded is not None:  # `A NAT gateway, since …`, `C# (built for .NET)`: those words, then why
        return Answer((worded,), reason[0].strip(), said=answer.said)
    line, newline, below = answer.rest.partition("\n")
    if newline:
        named = with_named_options(options, replace(answer, rest=line))
        restates = line.strip() and not named.rest  # `**B. Password and hardware token**`: its option's words
        more, below = _restated_below(options, named.letters, below) if restates else ([], below)
        return replace(named, letters=(*named.letters, *more), rest=f"{named.rest}{newline}{below}".strip())
    texts = {option.label: option.text for option in options}
    letters, rest = list(answer.letters), answer.rest
    listed = _options_listed(texts, letters, rest) if len(letters) > 1 else None
    if listed is not None:  # `A, B, D - Xylem, Phloem, Epidermis`: the letters' words, no explanation
        return replace(answer, rest=rest[listed:].lstrip(_CLAUSE_END).strip())
    said = _option_said(texts.get(letters[-1], ""), rest)
    while said is not None and (after := _NEXT_NAMED.match(rest, said)) and after["letter"] not in letters:
        following = rest[after.end() :]
        said_next = _option_said(texts.get(after["letter"], ""), following)
        if said_next is None and following.strip(_CLAUSE_END):
            break  # `B. Amazon S3 and D is wrong`: a letter with other words after it explains
        letters.append(after["letter"])  # `A (Amazon S3) and C`: the last letter may stand alone
        rest, said = following, said_next or 0
    explanation = rest[said:].lstrip(_CLAUSE_END).strip() if said is not None else rest
    labelled = explanation_start(explanation.lstrip("|").strip()) if said is not None else None
    if labelled is not None:  # `b) 6 || **Explanation:** …`: the option's words, then why
        return replace(answer, letters=tuple(letters), rest=labelled)
    if said is None or (
        len(letters) == len(answer.letters) and explanation and not _sentence_ends(rest, said)
    ):
        return answer  # `C. Amazon EFS is shared storage`: words after one letter explain it
    return replace(answer, letters=tuple(letters), rest=explanation)


_SENTENCE_END = regex(r"[ \t]*(?:[.;:|\u2013\u2014]|-[ \t])")


def _sentence_ends(words: str, said: int) -> bool:
    """Whether the option's words (``words[:said]``) end a sentence of their own, ``A process. The
    running …``, ``Blocked — it waits …``: its words said again, then why (``A process that runs`` goes
    on with them)."""
    return words[:said].rstrip().endswith(".") or _SENTENCE_END.match(words, said) is not None


def misnamed(options: Sequence[DraftOption], answer: Answer) -> DraftOption | None:
    """The other option whose words an answer's one letter comes with (``Answer: A. Amazon EBS`` where
    A is Amazon S3 and B Amazon EBS): the letter or the words are wrong, and nothing tells which."""
    if len(answer.letters) != 1 or not answer.rest:
        return None
    line = answer.rest.partition("\n")[0]
    own = next((option for option in options if option.label == answer.letters[0]), None)
    if own is None or _option_said(own.text, line) is not None:
        return None
    for option in options:
        if option is own or (said := _option_said(option.text, line)) is None:
            continue
        after = line[said:].lstrip(" \t")
        if after.upper().startswith(f"({option.label})"):
            continue  # `B. Amazon EBS (A) is block storage …`: why that option, named by its letter, is wrong
        if after[:1] in ("", "(", *_CLAUSE_END):  # `A. Amazon EBS (blocks)` too
            return option
    return None


def _options_listed(texts: dict[str, str], letters: list[str], words: str) -> int | None:
    """Where ``words`` go on past the words of every option of ``letters``, in turn (``Xylem, Phloem
    and Epidermis``, after a dash or not), ending a clause; ``None`` if they do not open so."""
    end = 0
    for letter in letters:
        end += len(words[end:]) - len(words[end:].lstrip(_CLAUSE_END))
        if words[end:].lower().startswith("and "):
            end += 4
        said = _option_said(texts.get(letter, ""), words[end:])
        if said is None:
            return None
        end += said
    after = words[end:].lstrip(" \t")
    ended = words[:end].rstrip().endswith(".") or not after or after[0] in ".,;:\n\u2013\u2014-"
    return end if ended else None  # not `IAM and S3 are global.`


def _restated_below(
    options: Sequence[DraftOption], letters: tuple[str, ...], below: str
) -> tuple[list[str], str]:
    """The letters of the options restated in bold one a line right below an answer that restates its
    own (``**B. Password and hardware token**`` over ``**C. Fingerprint and smart card**``, a blank
    line between or not), lettered on from it: more correct options, as a folded answer lists them;
    and the lines after them. An option in bold over words on its next line labels their reason."""
    lines, taken = below.split("\n"), 0
    more: list[str] = []
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        letter = _restated(options, line)
        after = lines[number + 1] if number + 1 < len(lines) else ""
        alone = not after.strip() or _restated(options, after) is not None
        if letter is None or not alone or letter <= max((*letters, *more)):
            break
        more.append(letter)
        taken = number + 1
    return more, "\n".join(lines[taken:])


def restated_option(options: Sequence[DraftOption], line: str) -> str | None:
    """The letter of the option a line restates as written, its letter and its very words (``b)
    Granite``, ``**C. Smart card**``); ``None`` for any other line."""
    bold = BOLD_TEXT.fullmatch(line.strip())
    found = _LETTERED.match((bold["inner"] if bold else line).strip())
    if found is None or not found["text"]:
        return None
    letter = _letter(found).upper()
    option = next((option for option in options if option.label == letter), None)
    return letter if option is not None and same_words(option.text, found["text"]) else None


def _restated(options: Sequence[DraftOption], line: str) -> str | None:
    """The letter of the option a line restates wholly in bold, with its words (``**C. Smart card**``)."""
    bold = BOLD_TEXT.fullmatch(line.strip())
    lettered = _LETTER_AND_TEXT.fullmatch(bold["inner"].strip()) if bold else None
    named = named_option(options, lettered[0]) if lettered else ()
    return lettered["letter"] if lettered and named == (lettered["letter"],) else None


def _option_said(text: str, words: str) -> int | None:
    """Where ``words`` go on past the option's ``text`` they open with (in brackets or not, case and
    markup aside); ``None`` if they do not open with it."""
    wanted = option_words(text).split()
    if not wanted:
        return None
    lead = wanted[0][: len(wanted[0]) - len(wanted[0].lstrip(_CLAUSE_END))]  # `.hide()` read as `hide()`
    optional = f"(?:{re.escape(lead)})?" if lead and lead != wanted[0] else ""
    wanted[0] = wanted[0].removeprefix(lead) if optional else wanted[0]
    pattern = r"\(?\s*" + optional + r"\s+".join(re.escape(word) for word in wanted) + r"\.?\s*\)?(?![\w])"
    found = re.match(pattern, re.sub(r"[*_`]", " ", words), re.I)  # markup as spaces: same positions
    return found.end() if found else None


def same_words(first: str, second: str) -> bool:
    """Whether two texts say the same, case, markup and a final full stop aside."""
    return option_words(first) == option_words(second)


def within_words(part: str, text: str) -> bool:
    """Whether ``part``'s words stand together in ``text`` (case, markup and a final stop aside)."""
    words = option_words(part)
    return bool(words) and f" {words} " in f" {option_words(text)} "


def option_words(text: str) -> str:
    """An option's words as compared and as an answer names them: case, spacing, emphasis, a closing
    full stop and a tick aside (``**Paris.**`` and ``paris`` are one option; so are ``Network ✓`` and
    ``Network``)."""
    return " ".join(re.sub(r"[*_`]", "", text).lower().rstrip(".").split()).rstrip(_TICK_CHARACTERS)


def table_cells(row: Node) -> list[str]:
    """A table row's cells as written (Markdown)."""
    return [cell.children[0].content.strip() if cell.children else "" for cell in row.children]


def option_letters(column: str, rows: Sequence[Sequence[str]]) -> list[str] | None:
    """The option letters of a table whose rows are labelled by distinct ones under a first column
    naming options (``| Option | … |`` then ``| A | Platform |``), or written as options (``| B) | … |``);
    ``None`` for any other table (``| Class |`` then ``| A | … |``, IP address classes, is a comparison)."""
    labels = [row[0].replace("*", "").strip() for row in rows]
    letters = [match["letter"].upper() for label in labels if (match := _LETTER_CELL.fullmatch(label))]
    if len(rows) < 2 or len(letters) != len(rows) or len(set(letters)) != len(letters):
        return None
    named = _OPTION_COLUMN.fullmatch(column.replace("*", "").strip())
    return letters if named or all(label[-1] in ".)" for label in labels) else None


def cell_lines(text: str) -> list[str]:
    """A table cell's lines, parted by ``<br>`` (or a line break), without the blank ones."""
    return [line.strip() for line in _LINE_BREAK.split(text) if line.strip()]


def cell_options(text: str, node: Node) -> list[DraftOption]:
    """Options written in one table cell: ``A) Amazon S3<br>B) Amazon EBS``, or on one line
    (``A. Amazon S3; B. Amazon EBS``), lettered from ``A`` in order; or a line each without letters
    (``Amazon S3<br>Amazon EBS``, maybe as bullets), lettered A, B … in order; none for one line."""
    lines = cell_lines(text)
    if len(lines) == 1:
        letters = list(_INLINE_LETTER.finditer(lines[0]))
        starts = _run_from(letters, "A")
        if len(starts) < 2 or len(starts) != len(letters) or starts[0] != 0:
            return []
        lines = [piece.rstrip(";,").strip() for piece in _cut(lines[0], starts)]
    found = lettered_lines(lines, node)
    if found is not None and not found.head and not found.tail:
        return found.options
    plain_lines = [_BULLET.sub("", line) for line in lines]  # `Amazon S3<br>Amazon EBS`: lettered in order
    if not 2 <= len(plain_lines) <= len(_LABELS) or any(_LETTERED.match(line) for line in plain_lines):
        return []
    return [DraftOption(label, line, node) for label, line in zip(_LABELS, plain_lines, strict=False)]


def _table_options(node: Node) -> Options | None:
    """``| Option | Service |`` then ``| A | Amazon S3 |`` …: each row an option, its other cells the text."""
    header, *body = [row for part in node.children for row in part.children]
    rows = [table_cells(row) for row in body]
    letters = option_letters(table_cells(header)[0], rows) if rows else None
    if letters is None:
        return _grid_options(node, [table_cells(header), *rows])
    texts = [_row_text(row[1:]) for row in rows]
    return Options([DraftOption(letter, text, node) for letter, text in zip(letters, texts, strict=True)])


def _piped_options(lines: Sequence[str], node: Node) -> Options | None:
    """``| A | 1987 |`` over ``| B | 1989 |``: a table of options with no header and no ``| --- |``
    line, which Markdown shows as a paragraph; each row lettered in order from ``A``, two at least."""
    rows = [_PIPED_OPTION.fullmatch(line.strip()) for line in lines]
    found = [row for row in rows if row is not None]
    letters = [row["letter"] for row in found]
    if len(found) < 2 or len(found) < len(rows) or letters != [chr(ord("A") + n) for n in range(len(rows))]:
        return None
    texts = [_row_text([cell.strip() for cell in row["rest"].split("|")]) for row in found]
    return Options([DraftOption(letter, text, node) for letter, text in zip(letters, texts, strict=True)])


_PIPED_OPTION = regex(
    r"\|[ \t]*(?P<letter>[A-H])[.):]?[ \t]*\|(?P<rest>[^|\n]*[^|\s][^|\n]*(?:\|[^|\n]*)*?)\|?"
)
"""A table's row with no header over it: a letter alone in its first cell, words after it."""


def _row_text(cells: Sequence[str]) -> str:
    """An option's text from its row's cells, parted by dashes; a cell holding a tick or a cross alone
    (a `Correct?` column) is its mark, after its words."""
    marks = [cell for cell in cells if _MARK_ALONE.fullmatch(cell)]
    words = " — ".join(cell for cell in cells if cell and cell not in marks)
    return " ".join([words, *marks])


_MARK_ALONE = regex(rf"\s*(?:{_CHECK}|{CROSS})\s*")


def _grid_options(node: Node, rows: list[list[str]]) -> Options | None:
    """``| A. Amazon S3 | B. Amazon EBS |`` over ``| C. Amazon EFS | D. Amazon FSx |``, as a paper's
    options set in columns paste: every cell (the header's too) an option, or a letter alone before
    its option's cell (``| A. | Liver | B. | Pancreas |``), lettered in order row by row or column by
    column, a last row or column maybe short (see ``lettered_grid``)."""
    rows = [_letters_joined(row) for row in rows]
    columns = [[row[index] for row in rows if index < len(row)] for index in range(max(map(len, rows)))]
    for order in (rows, columns):
        cells = [cell for line in order for cell in line if cell]
        found = _lettered_lines(cells, node, going_on=False) if len(cells) >= 2 else None
        whole = found is not None and not found.head and not found.tail
        lettered = [option.label for option in found.options] if found is not None and whole else []
        if found is not None and lettered == [chr(ord("A") + index) for index in range(len(cells))]:
            return found
    return None


def lettered_grid(node: Node) -> bool:
    """Whether ``node`` is a table whose first cell is a lettered option: a grid of options, a question's
    only when something answers it (a rubric's or a legend's lettered grid is a table)."""
    if node.type != "table":
        return False
    first = table_cells(node.children[0].children[0])[0] if node.children[0].children else ""
    return _LETTERED.match(first) is not None or _LETTER_ALONE.fullmatch(first) is not None


def _letters_joined(row: list[str]) -> list[str]:
    """A row's cells, each that holds a letter alone (``A.``) joined to the cell after it."""
    joined: list[str] = []
    for cell in row:
        if joined and _LETTER_ALONE.fullmatch(joined[-1]) and cell:
            joined[-1] = f"{joined[-1]} {cell}"
        else:
            joined.append(cell)
    return joined


_LETTER_ALONE = regex(r"\(?[A-Ha-h][.)]")
_EMPHASIZED = regex(r"(\*\*|__|==(?=[^=\s]))(?P<inner>(?:(?!\1).)+?)(?<![=\s])\1")
"""A lettered option's text wholly in bold or highlighted (``**Amazon S3**``, ``==Amazon S3==``; not
``===, !==``, operators), its words as ``inner``. Plain bullets are marked in bold alone: a highlight
among them is a cloze."""


def next_label(label: str) -> str:
    """The letter after ``label``: options separated by other blocks must follow each other."""
    return chr(ord(label) + 1)


def reasons_after_marks(options: list[DraftOption]) -> tuple[list[DraftOption], str]:
    """Options whose tick or cross is followed by why (``B. Phishing ✅ — fake login pages``), with the
    mark alone after their words, or with a quote under them saying why (``> Correct!``, quizdown's
    feedback), and the reasons as a list for the explanation (``- B. Phishing — fake login pages``): on
    the front they would give the answer away."""
    options, quoted = _quoted_feedback(options)
    options, dotted = _dotted_feedback(options)
    options, nested = _nested_feedback(options)
    options, arrowed = _arrowed_feedback(options)
    quoted = "\n".join(reason for reason in (quoted, dotted, nested, arrowed) if reason)
    found = [_MARK_THEN_REASON.search(option.text) if option.checked is None else None for option in options]
    if not any(found):
        return options, quoted
    reasons = [quoted] if quoted else []
    reasons += [
        reason_line(option, reason.start(), reason["reason"])
        for option, reason in zip(options, found, strict=True)
        if reason is not None
    ]
    unreasoned = [
        replace(option, text=f"{option.text[: reason.start()].rstrip()} {reason['mark']}")
        if reason
        else option
        for option, reason in zip(options, found, strict=True)
    ]
    return unreasoned, "\n".join(reasons)


def _quoted_feedback(options: list[DraftOption]) -> tuple[list[DraftOption], str]:
    """Checkbox options without the quotes that end them (``1. [x] `6``` over ``> Correct!``, quizdown's
    feedback), and those as a list of reasons; under a lettered option a quote is its words (a passage
    to tell apart)."""
    found = [_FEEDBACK.search(option.text) if option.boxed else None for option in options]
    return _without_feedback(options, found, lambda quote: _unquoted(quote["quote"]))


def _dotted_feedback(options: list[DraftOption]) -> tuple[list[DraftOption], str]:
    """Options without the ``... why`` line under them (text2qti's feedback on an answer), and those as
    a list of reasons."""
    found = [_DOTTED.search(option.text) for option in options]
    return _without_feedback(options, found, lambda dots: dots["why"])


def _without_feedback(
    options: list[DraftOption], found: Sequence[re.Match[str] | None], why: Callable[[re.Match[str]], str]
) -> tuple[list[DraftOption], str]:
    """Options without the feedback ``found`` ending their text, and the feedback (``why`` says what it
    says) as a list of reasons."""
    if not any(found):
        return options, ""
    reasons = [
        reason_line(option, match.start(), why(match))
        for option, match in zip(options, found, strict=True)
        if match is not None
    ]
    kept = [
        replace(option, text=option.text[: match.start()].rstrip()) if match else option
        for option, match in zip(options, found, strict=True)
    ]
    return kept, "\n".join(reasons)


def _arrowed_feedback(options: list[DraftOption]) -> tuple[list[DraftOption], str]:
    """Checkbox options without the arrow and why after their words (``- [x] Chloroplasts -> they
    capture light``, as a quiz's review writes each), and those as a list of reasons: only when every
    option has one, out of code (``Float -> integer`` among others names a conversion)."""
    found = [
        _ARROW.search(option.text) if option.boxed and _arrowed(option.text) else None for option in options
    ]
    return _without_feedback(options, found, lambda arrow: arrow["why"]) if all(found) else (options, "")


def _arrowed(text: str) -> bool:
    return "\n" not in text and "`" not in text and ("->" in text or "\u2192" in text)


_ARROW = regex(r"(?<![ \t])[ \t]+(?:->|\u2192)[ \t]+(?P<why>\S[^\n]*)$")
"""An arrow after an option's words, and why it is right or wrong: `` -> they capture light``."""


def _nested_feedback(options: list[DraftOption]) -> tuple[list[DraftOption], str]:
    """Options without the one bullet nested under each (``- A. ConfigMap`` over ``  - Stores settings,
    not pods.``), and those as a list of reasons: such a bullet under every option, or one that judges
    (``Correct: …``), says why it is right or wrong."""
    found = [_NESTED.search(option.text) for option in options]
    judged = any(match is not None and _VERDICT.match(match["why"]) for match in found)
    return (
        _without_feedback(options, found, lambda bullet: bullet["why"])
        if all(found) or judged
        else (options, "")
    )


_NESTED = regex(r"\n\n[-*+][ \t]+(?P<why>\S[^\n]*)$")
"""One bullet of one line nested under an option's words."""
_JUDGING = r"correct|incorrect|right|wrong"
"""The words that judge an option right or wrong."""
_VERDICT = regex(rf"(?i:{_JUDGING})\b|{_CHECK}|{CROSS}")
"""How a reason opens when it judges its option: ``Correct: …``, ``Wrong — …``, ``✅ …``."""
_DOTTED = regex(r"\n\.\.\.[ \t]+(?P<why>\S[^\n]*)$")
"""text2qti's feedback on an option, on the line under it: ``... Ribosomes build proteins.``"""


def reason_line(option: DraftOption, end: int, why: str) -> str:
    """An explanation's line of why an option is right or wrong: ``- B. Phishing — fake login pages``
    (the option's words up to ``end``)."""
    return f"- {option.label}. {_MARK.sub('', option.text[:end]).strip()} \u2014 {why.strip()}"


def _unquoted(quote: str) -> str:
    return " ".join(line.lstrip(">").strip() for line in quote.split("\n") if line.lstrip(">").strip())


_FEEDBACK = regex(r"\n\n(?P<quote>>[^\n]*(?:\n>[^\n]*)*)\s*$")
"""A quote ending an option, under its words: why it is right or wrong."""


_MARK_THEN_REASON = regex(rf"\s+(?P<mark>{_CHECK}|{CROSS})\s*[\u2013\u2014:-]\s+(?P<reason>\S.*)$", re.S)


def answers_asked(stem: str) -> tuple[int, str] | None:
    """How many answers the stem asks for, and the words that say so: ``Choose two``, ``Selecione
    DUAS``, ``Which TWO of the following …?`` (not ``Which two-step …``), ``(2 correct answers)``."""
    said = _CHOOSE.search(stem) or _WHICH.search(stem) or _COUNTED.search(stem)
    return (_NUMBERS[said["n"].lower()], said[0]) if said else None


_HOW_MANY = r"\s+(?P<n>two|three|four|duas|dois|dos|tr[eê]s|2|3|4)(?![-\w])"
_CHOOSE = regex(rf"\b(?:choose|select|selecione|escolha|seleccione|elija){_HOW_MANY}", re.I)
_WHICH = regex(rf"\bwhich{_HOW_MANY}", re.I)
_COUNTED = regex(r"\((?P<n>two|three|four|2|3|4)\s+(?:correct\s+)?answers\)", re.I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "duas": 2, "dois": 2, "dos": 2, "três": 3, "tres": 3}
_NUMBERS |= {"2": 2, "3": 3, "4": 4}


def marked(options: list[DraftOption], asked: int = 1) -> list[DraftOption]:
    """Options with a ``✅`` (or ``(correct)``) in their text ticked, or, where only wrong ones are
    crossed (``❌``), those without a cross; the marks dropped from the text (a cross would give the
    answer away). With no mark and no box, the one option wholly in bold among others that are not
    (or as many as the stem ``asked`` for: ``(2 correct answers)`` over two in bold)."""
    ticked = any(option.checked is None and _MARK.search(option.text) for option in options)
    crossed = [option.checked is None and _CROSSED.search(option.text) is not None for option in options]
    if not ticked and not any(crossed):
        bold = [option for option in options if option.bold]
        alone = len(bold) in {1, asked} and len(bold) < len(options)
        if not alone or len(options) < 2 or any(option.checked is not None for option in options):
            return options
        return [
            replace(o, text=_EMPHASIZED.sub(r"\g<inner>", o.text), checked=True) if o.bold else o
            for o in options
        ]
    return [
        replace(
            option,
            text=_CROSSED.sub(
                "", _MARK.sub("", _SAID_WRONG.sub("", option.text) if ticked else option.text)
            ).strip(),
            checked=bool(_MARK.search(option.text)) if ticked else not cross,
        )
        if option.checked is None
        else option
        for option, cross in zip(options, crossed, strict=True)
    ]


_BOLD_AMONG = 3
"""Plain bullets under a question are its options when one of at least this many is wholly in bold
(the answer, as some banks mark it): two with one in bold may be a contrast, not a choice."""


def unlettered_options(
    doc: Document, node: Node, answer: Answer | None, *, asked: bool, words: str = ""
) -> Options | None:
    """A plain bullet list as options lettered A, B, C … in order, under words that ask (``asked``) or
    reading ``True`` and ``False``, when the answer below it names some of them, by their letters
    (``Correct answer: B``) or one by its words (``Answer: Amazon S3``), or, under words that ask,
    when its items mark the right ones (``(Correct)``, ``✅``, one of three or more in bold, or as many
    as the ``words`` above ask for: ``(Choose two.)``); a
    numbered list (``1)`` … ``4)``), when the answer names one by its number (``Answer: 3``,
    ``Option 3``): as some banks write them."""
    firsts = [first_inline(item) for item in node.children] if may_be_unlettered(node) else []
    if not firsts or any(first is None for first in firsts):
        return None
    letters = [_letter(found).upper() for first in firsts if (found := _LETTERED.match(first or ""))]
    if letters and letters == sorted(letters) and letters[0] == "A":
        return None  # lettered, but not as options may be (one left empty): not plain bullets either
    if answer is None and not ((asked or _judged_by_tick(firsts)) and node.type == "bullet_list"):
        return None  # numbered steps under a question tick the ones done: no answer
    items = zip(_LABELS, node.children, firsts, strict=False)
    options = [_unlettered(label, _item_text(doc, item, first or ""), item) for label, item, first in items]
    text, glued = _answer_glued(options[-1].text)  # `- Hashing` then `Answer: Badge readers`
    options[-1] = replace(options[-1], text=text)
    answer = answer or next(filter(None, map(answer_line, glued)), None)
    if answer is None:  # `- S3 Glacier Instant Retrieval (Correct)`, or one of three or more in bold
        crossed = _struck_as_crossed(options)  # `- ~~Sydney~~`, `- Canberra`: the wrong ones struck
        options = crossed or options
        shown = any(_MARK.search(option.text) for option in options) or crossed is not None
        bold = sum(option.bold for option in options)
        how_many = (answers_asked(words) or (1, ""))[0] if bold > 1 else 1  # `(Choose two.)`
        shown = shown or (len(options) >= _BOLD_AMONG and bold in {1, how_many} and bold < len(options))
        return Options(marked(options, how_many), tail=glued) if shown else None
    judged = true_or_false([first or "" for first in firsts])
    if (
        not asked
        and not judged
        and not (node.type == "ordered_list" and digits_of_statements(options, answer.text, words))
    ):
        return None  # `Write the digits of the true statements` asks with no `?`: its digits answer it
    if judged and answer.letters in (("F",), ("T",)):  # `Answer: F`, where no option is lettered F: False
        answer = Answer((), "", answer.letters[0])
    if any(letter not in _LABELS[: len(firsts)] for letter in answer.letters):
        return None
    said = answer.text.strip().strip("().").upper()
    if node.type == "ordered_list" and not answer.letters and said and said in _LABELS[: len(options)]:
        answer = Answer((said,), "")  # a key's `1. b` over options numbered as documents export letters
    valued = all(_VALUE.fullmatch(option.text.strip()) for option in options) and named_option(options, said)
    if node.type == "ordered_list" and not answer.letters and not valued:  # `2` over `1. 2`, `2. 8`: 2
        numbers = _option_numbers(answer.text)[0] or _numbered_with_words(options, answer.text)
        numbers = numbers or digits_of_statements(options, answer.text, words)
        if numbers and all(1 <= number <= len(options) for number in numbers):
            numbered = enumerate(options, 1)
            return Options(
                [replace(option, checked=n in numbers, number=n) for n, option in numbered], tail=glued
            )
        if numbers and not named_option(options, answer.text):  # `Answer: 7` past `4) 15`: words
            return None
    return Options(options, tail=glued) if answer.letters or named_option(options, answer.text) else None


def _judged_by_tick(firsts: Sequence[str | None]) -> bool:
    """Whether bullets read ``True`` and ``False``, one ticked (``✓ False``): a statement's question,
    its answer the tick, though the words above it ask nothing."""
    return true_or_false([(first or "").strip(_TICK_CHARACTERS) for first in firsts])


_TICK_CHARACTERS = " \t\u2705\u2714\u2611\u2713\ufe0f"
"""What ``_CHECK`` is made of, and the spaces around it."""


def _struck_as_crossed(options: Sequence[DraftOption]) -> list[DraftOption] | None:
    """Options of a line each, some of which, not all, are struck through wholly (``~~Sydney~~``),
    each struck one crossed instead (``Sydney ❌``, which ``marked`` reads as wrong); ``None`` when
    none or all are."""
    struck = [_STRUCK.fullmatch(option.text.strip()) for option in options]
    if all(struck) or not any(struck) or any("\n" in option.text for option in options):
        return None  # an item of more lines than one is notes, no option
    return [
        replace(option, text=f"{found['text']} \u274c") if found else option
        for option, found in zip(options, struck, strict=True)
    ]


def _struck_line(line: str) -> str:
    """A lettered option's line struck through wholly (``~~B. Paris~~``), crossed instead (``B. Paris
    ❌``), as ``_lettered_items`` reads a struck item; any other line as it is."""
    struck = _STRUCK.fullmatch(line.strip())
    return f"{struck['text']} \u274c" if struck and _LETTERED.match(struck["text"]) else line


def may_be_unlettered(node: Node) -> bool:
    """Whether ``unlettered_options`` may read ``node`` at all: a list of two to eight items. Asked
    first, it spares gathering what the rest needs (the answer below, the words above) for any other."""
    return node.type in LISTS and 2 <= len(node.children) <= len(_LABELS)


def marks_some(node: Node) -> bool:
    """Plain bullets some of which, not all, are marked right (``AWS Shield ✅``, ``(correct)``): a
    question's options, where a list whose every item is ticked is notes (``✔️ Same environment``)."""
    firsts = [first_inline(item) or "" for item in node.children] if node.type == "bullet_list" else []
    marked = [_MARK.search(first) is not None for first in firsts]
    return len(marked) >= 2 and any(marked) and not all(marked)


def digits_of_statements(options: Sequence[DraftOption], answer: str, words: str) -> set[int]:
    """The statements an answer picks by their digits run together, as exams that ask which are true
    want it written (``Ответ: 134``, ``Answer: 13``): distinct and rising, each one of three or more
    statements, none of them a value the digits could be (``1) 12``, ``2) 13``), under ``words`` that
    ask which are true or false (not steps to follow, whose answer ``12`` is a number)."""
    said = answer.strip()
    if not _ASKS_WHICH_ARE_TRUE.search(words):
        return set()
    digits = [int(digit) for digit in said] if _DIGIT_RUN.fullmatch(said) else []
    rising = digits == sorted(set(digits)) and all(1 <= digit <= len(options) for digit in digits)
    values = any(_VALUE.fullmatch(option.text.strip()) for option in options)
    return set(digits) if len(options) >= _STATEMENTS and rising and not values else set()


_DIGIT_RUN = regex(r"[1-8]{2,8}")
_ASKS_WHICH_ARE_TRUE = regex(
    r"(?i)\b(?:true|false|correct|incorrect|верн|неверн|правильн|суждени|утверждени|richtig|falsch|vrai"
    r"|faux|exact|verdader|falso|corrett|errat|doğru|yanl\u0131ş|benar|salah|đúng|sai|prawdziw|fałszyw|juist"
    r"|onjuist|цифр)|\bwrite\s+(?:\w+\s+){0,2}(?:numbers|digits)\b"
)
"""Words asking which statements are true (or false), or for their digits (``Write the numbers.``,
``запишите цифры``), in the languages whose exams ask so."""
_STATEMENTS = 3
"""Fewer statements than this are no list to pick the true ones from."""


def _numbered_with_words(options: Sequence[DraftOption], answer: str) -> set[int]:
    """The number of the option an answer names by its number and its words (``2) PUT``)."""
    found = _NUMBER_AND_TEXT.fullmatch(answer.strip())
    if found is None or not 0 < (number := int(found["number"])) <= len(options):
        return set()
    return {number} if option_words(options[number - 1].text) == option_words(found["text"]) else set()


_NUMBER_AND_TEXT = regex(r"\(?(?P<number>[1-8])[.)]\s*(?P<text>\S.*)")


def _option_numbers(answer: str) -> tuple[set[int], str]:
    """The numbered options an answer names (``3``, ``(3)``, ``Option 3``, ``2 and 3``, ``2, 3``, or
    stated: ``2 is correct: …``, ``The correct answer is 2.``, as lesson sites' solutions say it), and
    the reason a statement goes on with; none when it says anything else."""
    stated = _NUMBER_STATED.match(answer.strip())
    if stated is not None:
        why = answer.strip()[stated.end() :].lstrip(".,;:!)\u2013\u2014 \t")
        return {int(stated["said"] or stated["number"])}, why
    reasoned = _NUMBER_THEN_WHY.fullmatch(answer.strip())
    if reasoned is not None:  # `1 (Broca area)`, `1 — Broca's area`: the number, then why
        return {int(reasoned["number"])}, (
            reasoned["bracketed"] or reasoned["dashed"] or reasoned["colon"]
        ).strip()
    named = [_OPTION_NUMBER.fullmatch(part) for part in _NUMBER_JOINER.split(answer.strip())]
    numbers = {int(found["number"] or found["bracketed"]) for found in named if found}
    return (numbers if all(named) else set()), ""


_NUMBER_THEN_WHY = regex(
    r"(?P<number>[1-8])(?:[.)]?\s*(?:\((?P<bracketed>[^()]+)\)|[\u2013\u2014]\s*(?P<dashed>\S.*))"
    r"|:\s+(?P<colon>\S.*))"
)
"""One option's number and what says why, in brackets or after a dash or a colon: ``1 (Broca area)``,
``2: count returns how often`` (as ``The answer is 2: …`` says it)."""


def _unlettered(label: str, text: str, item: Node) -> DraftOption:
    return DraftOption(label, text, item, bold=BOLD_TEXT.fullmatch(text) is not None, by_place=True)


def spelled_letters(options: Sequence[DraftOption], letters: Sequence[str]) -> tuple[str, ...]:
    """The options an answer's letters are the very words of, among plain bullets (``- B``, ``- A``,
    ``- C`` answered ``A``: the second, not the first); none unless each letter is one option's words."""
    if not options or not all(option.by_place for option in options):
        return ()
    spelled = [
        [option.label for option in options if plain(option.text).strip() == letter] for letter in letters
    ]
    return tuple(found[0] for found in spelled) if all(len(found) == 1 for found in spelled) else ()


def sided_options(doc: Document, right: Node, wrong: Node) -> list[DraftOption] | None:
    """The items of a list of correct answers and of one of incorrect answers as options, lettered in
    the order of their words (``by_words``), the first list's ticked; ``None`` when an item holds no
    words."""
    sides = [(item, True) for item in right.children] + [(item, False) for item in wrong.children]
    firsts = [first_inline(item) for item, _ in sides]
    if any(first is None for first in firsts):
        return None
    return by_words(
        [
            (_item_text(doc, item, first or ""), item, correct)
            for (item, correct), first in zip(sides, firsts, strict=True)
        ]
    )


def answered_options(answer: str, node: Node, wrong: Node) -> list[DraftOption] | None:
    """The correct answer given in words (written in ``node``) and the items of a list of wrong options
    as options, lettered in the order of their words (``by_words``). An item written as a term
    (``**Amazon EBS:** block storage``) is the option its term names: the words after it say why it is
    wrong, which the explanation tells; ``None`` when an item holds no words."""
    firsts = [first_inline(item) for item in wrong.children]
    if any(first is None for first in firsts):
        return None
    names = [
        (term.front if (term := split_term(item.children[0].children[0])) else first or "")
        for item, first in zip(wrong.children, firsts, strict=True)
    ]
    wrongs = [(unbolded(name.strip()), item, False) for name, item in zip(names, wrong.children, strict=True)]
    return by_words([(answer, node, True), *wrongs])


def sided_lines(node: Node) -> Options | None:
    """A paragraph's lines each labelled right or wrong (``Correct: UDP``, ``Incorrect: TCP``), one of
    each at least: options lettered in the order of their words (``by_words``), where a question asks
    right above them (else a usage note's right and wrong forms)."""
    text = node.children[0].content if node.type == "paragraph" else ""
    if not _SIDED.match(plain(text.partition("\n")[0]).strip()):
        return None  # most paragraphs: no need to read every line
    sided = [_SIDED.match(plain(line).strip()) for line in _broken_lines(text)]
    if (
        len(sided) < 2
        or not all(sided)
        or len({found["side"].casefold() in _RIGHT_SIDES for found in sided if found}) != 2
    ):
        return None
    found = by_words(
        [(side["text"].strip(), node, side["side"].casefold() in _RIGHT_SIDES) for side in sided if side]
    )
    return Options(found) if found is not None else None


_SIDED = regex(rf"(?i)(?P<side>{_JUDGING})(?:\s+(?:answer|option))?\s*[:\u2013\u2014-]\s*(?P<text>\S.*)")
_RIGHT_SIDES = frozenset({"correct", "right"})


def by_words(sides: list[tuple[str, Node, bool]]) -> list[DraftOption] | None:
    """Options (text, where written, whether correct) lettered in the order of their words, so that
    none gives the answer away by its place; ``None`` for too few or too many, or one without words."""
    if not 2 <= len(sides) <= len(_LABELS) or not all(text for text, _, _ in sides):
        return None
    ordered = sorted(sides, key=lambda side: side[0].casefold())
    return [
        DraftOption(label, text, node, checked=correct)
        for label, (text, node, correct) in zip(_LABELS, ordered, strict=False)
    ]


def _item_text(doc: Document, item: Node, first: str) -> str:
    rest = [doc.source(child) for child in item.children[1:]]
    return "\n\n".join([unbolded(first.strip()), *rest]).strip()


def unbolded(text: str) -> str:
    """``text`` without the closing ``**`` (or ``__``) of bold opened before it: ``**A. Amazon S3**``
    ran over an option's text from its letter, ``**Q: Which …?**`` over a side from its label."""
    for marker in ("**", "__"):
        if text.endswith(marker) and text.count(marker) % 2:
            return text[: -len(marker)].rstrip()
    return text


def _lettered(line: str, options: Sequence[DraftOption]) -> re.Match[str] | None:
    """``line``'s option letter when it opens the next option after ``options``: a ``B:`` goes on from
    an ``A:`` only (``A: C`` under ``A)``, ``B)``, ``C)`` answers a ``Q:``)."""
    match = _LETTERED.match(line)
    if match is None or match["loose"] is None or not options:
        return match
    last = options[-1]
    return match if last.loose and match["loose"].upper() == next_label(last.label) else None


_SPEAKER = regex(r"(?:\*\*|__)?(?P<letter>[A-Z])(?:\*\*|__)?:(?:\*\*|__)?\s+(?P<said>\S.*)")
"""A line opening with one capital letter and its colon (``A: …``, ``**B:** …``): a speaker's, an
option's or an answer's label."""
_TURNS = 3
_SPEAKERS = 2


def speakers_take_turns(lines: Sequence[str]) -> bool:
    """Lines that, from the first labelled one on, each open with one capital letter and a colon, three
    or more, two letters taking turns (``A: ¿Cómo estás?``, ``B: Bien…``, ``A: Muy bien…``): a
    dialogue's speakers, not a question's options (``A:``, ``B:``, ``C:`` run on) nor an answer to the
    line above (``A: B``, a letter alone, answers the options above it), nor lines under a question."""
    turns = [_SPEAKER.match(line.strip()) for line in lines]
    first = next((at for at, turn in enumerate(turns) if turn), len(turns))
    if any(line.strip().endswith("?") for line in lines[:first]):
        return False  # `What did they say at Yalta?` over the lines: a question's, as before
    turns = turns[first:]
    if len(turns) < _TURNS or not all(turns) or any(_lone_letter(turn["said"]) for turn in turns if turn):
        return False
    letters = [turn["letter"] for turn in turns if turn]
    return len(set(letters)) == _SPEAKERS and all(one != two for one, two in itertools.pairwise(letters))


def _lone_letter(said: str) -> bool:
    """Whether a line's words after its label are a letter alone (``A: B``, ``A: **C**``): an answer."""
    return len(said.strip(" .*_`")) == 1


def _numbered_item(line: str, options: Sequence[DraftOption]) -> re.Match[str] | None:
    """``line``'s number when it opens the next numbered option after ``options`` (``1:`` first)."""
    match = _NUMBERED_ITEM.match(line)
    wanted = options[-1].number + 1 if options else 1
    return match if match is not None and int(match["number"]) == wanted else None


def _letter(match: re.Match[str]) -> str:
    return (
        match["paren"]
        or match["bracket"]
        or match["letter"]
        or match["closed"]
        or match["wide"]
        or match["loose"]
    )


def _option(match: re.Match[str], text: str, node: Node) -> DraftOption:
    if "number" in match.re.groupindex:  # `1: false`: lettered in turn, run from 1 as `A: …` from A
        number = int(match["number"])
        return DraftOption(chr(ord("A") + number - 1), text, node, loose=True, number=number)
    letter = _letter(match)
    line = match[0].split("\n", 1)[0].strip()
    bold = BOLD_TEXT.fullmatch(line) is not None or _EMPHASIZED.fullmatch(match["text"] or "") is not None
    loose = match["loose"] is not None
    referenced = match["bracket"] is not None or match["named"] is not None  # `[A] …`, `Option A: …`
    return DraftOption(
        letter.upper(), text, node, lower=letter.islower(), loose=loose, bold=bold, answered_only=referenced
    )


def _in_order(options: list[DraftOption], going_on: bool) -> bool:
    """Lower-case letters are ordinary words too (``a)`` in a sentence), and ``A:`` answers a ``Q:``:
    only a run from ``a`` counts, or, ``going_on`` from options above (``b)`` after ``a)`` and its
    picture), a run from its first; a run of ``A:`` options holds two at least."""
    if any(option.loose for option in options) and len(options) < 2:
        return False
    if not any(option.lower or option.loose for option in options):
        labels = [option.label for option in options]
        return going_on or labels[0] == "A" or labels == sorted(labels)  # not `D. melanogaster`, `C. elegans`
    first = ord(options[0].label) if going_on else ord("A")
    return [option.label for option in options] == [chr(first + i) for i in range(len(options))]


def _lettered_items(
    doc: Document, node: Node, going_on: bool
) -> tuple[list[DraftOption], tuple[str, ...], bool] | None:
    """Lettered items, the lines of the items after them that give the answer (``- Answer: B``), and
    whether boxes after their letters tick them (``_boxes_after_letters``)."""
    options: list[DraftOption] = []
    for index, item in enumerate(node.children):
        first = _mark_last(first_inline(item) or "")
        if (struck := _STRUCK.fullmatch(first)) is not None:  # `~~A. AWS Direct Connect~~`: crossed out
            first = f"{struck['text']} \u274c"
        first = _letter_out_of_code(first)
        match = _lettered(first, options) or _numbered_item(first, options)
        if match is None and len(options) >= 2 and _ends_options(first):
            if speakers_take_turns([first_inline(item) or "" for item in node.children]):
                return None  # `- A: ¿Cómo estás?`, `- B: …`, `- A: …`: a dialogue, printed as written
            tail = "\n".join(doc.source(rest) for rest in node.children[index:])
            return options, tuple(_unmarked(line) for line in tail.split("\n")), False
        if match is None:
            return None
        text = _item_text(doc, item, match["text"] or "")
        if not text:
            return None
        options.append(_option(match, text, item))
    if not _in_order(options, going_on):
        return None
    text, glued = _answer_glued(options[-1].text)
    ticked, boxed = _boxes_after_letters([*options[:-1], replace(options[-1], text=text)])
    return ticked, glued, boxed


def _boxes_after_letters(options: list[DraftOption]) -> tuple[list[DraftOption], bool]:
    """Options whose every text opens with a box (``a. [+] …``, ``b. [ ] …``), each ticked by its box
    (``[+]`` or ``[x]`` right, ``[ ]`` or ``[-]`` wrong) and without it: the box says which is right, as
    ``- [x] A. …`` does, and would give the answer away on the front; and whether they were boxed: a
    checklist, a question only under words that ask (a to-do list's ``a. [x] Read chapter 2`` is none)."""
    boxes = [box for option in options if (box := _BOX_AFTER_LETTER.match(option.text)) is not None]
    if len(boxes) < len(options):
        return options, False
    ticked = [
        replace(option, text=option.text[box.end() :], checked=box["mark"] in _BOX_TICKS)
        for option, box in zip(options, boxes, strict=True)
    ]
    return ticked, True


def glued_answer(node: Node) -> Answer | None:
    """The answer a line run on into a list's last item gives (``3. AWS IAM`` then ``Answer: 1``, no
    blank line between)."""
    last = first_inline(node.children[-1]) if node.type in LISTS and node.children else None
    return next(filter(None, map(answer_line, _answer_glued(last)[1])), None) if last else None


def _answer_glued(text: str) -> tuple[str, tuple[str, ...]]:
    """An option's text, and the answer line written right under the last option with no blank line
    between (Markdown then runs it on into that option: ``- D. Vacuole`` then ``Correct Answer C``),
    and the lines after it; a test taker's ``Your answer: D`` there is dropped (one marked ``✅``
    answers)."""
    lines = [takers_pick(line) or line for line in text.split("\n")]  # `Your answer: B ✅`: the answer
    glued = next(
        (
            n
            for n, line in enumerate(lines[1:], 1)
            if answer_line(line) is not None or YOUR_PICK.match(line) or explanation_start(line) is not None
        ),
        None,
    )
    if glued is None:
        return text, ()
    return "\n".join(lines[:glued]).rstrip(), tuple(
        line for line in lines[glued:] if not YOUR_PICK.match(line)
    )


def _letter_out_of_code(line: str) -> str:
    """An option set as code whole (``A. remote-exec`` in backticks): its letter, then its text as code."""
    coded = _WHOLE_CODE.fullmatch(line)
    lettered = _LETTERED.match(coded["inner"]) if coded is not None else None
    if lettered is None or not lettered["text"] or lettered["loose"]:
        return line
    return f"{lettered.string[: lettered.start('text')]}`{lettered['text']}`"


def _mark_last(line: str) -> str:
    """A lettered option's mark moved after its text, where ``marked`` reads it (a star as a tick)."""
    mark = _LEADING_MARK.match(line)
    if mark is None or not _LETTERED.match(line[mark.end() :]):
        return line
    if mark["star"] and line.rstrip().endswith("*"):
        return line  # `*A) Jupiter*`: in italics, no mark
    sign = "\u2705" if mark["star"] else mark[0].strip()
    return f"{line[mark.end() :]} {sign}"


def _unmarked(line: str) -> str:
    """A list item's line without its bullet: ``- **Answer:** B`` → ``**Answer:** B``."""
    return re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)


def _task_items(doc: Document, node: Node) -> list[DraftOption] | None:
    """Checkboxes or radio buttons, lettered in order."""
    firsts = [first_inline(item) or "" for item in node.children]
    if not all(first.startswith(_BOX_STARTS) for first in firsts):
        return None  # `_TASK` and `_BARE_BOX` match only there, and `_boxes` wants every item boxed
    alone = len(node.children) == 1  # a box's list of its own, its code below the list
    bare = [
        box
        if (box := _BARE_BOX.fullmatch(first))
        and (alone or len(item.children) > 1 or box.end("box") == len(first))
        else None
        for item, first in zip(node.children, firsts, strict=True)
    ]  # `- [ ] A` over its code, but `- [x] C` among vitamins is the option C
    matches = [
        _TASK.match(f"{box['box']} {_NO_WORDS}" if box else first)
        for box, first in zip(bare, firsts, strict=True)
    ]
    if not _boxes(matches) or any(match and match["mark"] == "*" for match in matches):
        return None  # `- [*]`: a task starred in Obsidian's themes; text2qti's ticks are lines, no items
    boxed = zip(node.children, matches, strict=True)
    return _boxed([(item, _item_text(doc, item, match["text"]), match) for item, match in boxed if match])


def _boxed_lines(lines: list[str], node: Node) -> Options | None:
    """Lines opening with a radio button, two at least, lettered in order, maybe after the stem's lines
    and before an answer line (a quiz pasted from an online form). Checkbox lines are options only
    with a letter after each box (``☐ A. …``), a box ticked ``[*]`` (text2qti's), or some ticked
    under words that ask in their paragraph (``Which …?`` over ``[x] Mars``): else a paragraph of them
    is a to-do list."""
    start = next((index for index, line in enumerate(lines) if _TASK.match(line.strip())), None)
    if start is None:
        return None
    matches: list[re.Match[str]] = []
    for line in lines[start:]:
        if (match := _TASK.match(line.strip())) is None:
            break
        matches.append(match)
    if len(matches) < 2 or not _boxes(matches):
        return None
    starred = any(match["mark"] == "*" or match["quiz"] for match in matches)  # no to-do list's ticks
    head = "\n".join(lines[:start]).strip()
    asked = (
        bool(head) and asks(head) and any(_ticked(match) for match in matches)
    )  # `Which …?` over `[x] Mars`
    if not (
        matches[0]["radio"]
        or starred
        or asked
        or all(_LETTERED.match(match["text"].strip()) for match in matches)
    ):
        return None
    options = _boxed([(node, unbolded(match["text"].strip()), match) for match in matches])
    return Options(options, head=head, tail=tuple(lines[start + len(matches) :]), task=True)


def _boxed(boxes: Sequence[tuple[Node, str, re.Match[str]]]) -> list[DraftOption]:
    """Options from each box's node, text and match, lettered in order; a letter written after each box
    (``- [ ] A. IAM role``, when every box has its own) is its label, not its text. A radio button is
    ticked by no one: its question needs an answer line. A graded form's boxes (a ticked one judged
    ``✓`` or ``✗`` at its end, as Google Forms' results show checkboxes) are the respondent's picks: a
    pick judged ``✗`` is no answer, and the judgements are no option's words."""
    if any(_ticked(match) and _GRADED_PICK.search(text) for _, text, match in boxes):
        boxes = [(node, _GRADED_PICK.sub("", text), _wrong_pick(match, text)) for node, text, match in boxes]
    options = [
        DraftOption(
            label,
            text.removeprefix(_NO_WORDS).strip(),
            node,
            checked=_ticked(match),
            answered_only=_ticked(match) is None,
            boxed=True,
        )
        for label, (node, text, match) in zip(string.ascii_uppercase, boxes, strict=False)
    ]
    lettered = []
    for option in options:
        found = _LETTERED.match(option.text)
        if found is None or not found["text"] or _letter(found).upper() != option.label:
            return options
        lettered.append(replace(option, text=found["text"]))
    return lettered


def _wrong_pick(match: re.Match[str], text: str) -> re.Match[str]:
    """A graded box's match, as an empty box's where the pick is judged wrong (``[x] Glycine ✗``)."""
    return (_TASK.match(f"[ ] {text}") or match) if _WRONG_PICK.search(text) else match


_GRADED_PICK = regex(r"(?<![ \t])[ \t]+(?:\u2713|\u2714\ufe0f?|\u2705|\u2717|\u2718|\u274c)[ \t]*$")
"""A graded form's judgement at the end of a pick: ``✓`` right, ``✗`` wrong."""
_WRONG_PICK = regex(r"(?<![ \t])[ \t]+(?:\u2717|\u2718|\u274c)[ \t]*$")
"""A pick judged wrong (``✗``); its spaces matched from where they start, so a long run is tried once."""


def _boxes(matches: Sequence[re.Match[str] | None]) -> bool:
    """Whether each of a run of lines opens with a box of one kind: checkboxes, or radio buttons."""
    if not matches or any(match is None for match in matches):
        return False
    radios = {match["radio"] is None for match in matches if match is not None}
    return len(radios) == 1


def _ticked(match: re.Match[str]) -> bool | None:
    """Whether a box is ticked (``[x]``, ``☑``, ``☒``); a radio button says nothing (``None``): the answer
    line does."""
    if match["radio"]:
        return None
    if match["quiz"]:
        return match["quiz"][1] != " "
    return match["ballot"] != "\u2610" if match["ballot"] else match["mark"] not in (" ", "")


def lettered_lines(lines: list[str], node: Node) -> Options | None:
    """The options written as ``A) …`` lines among ``lines`` of ``node``, with the lines above them."""
    return _lettered_lines(lines, node, going_on=False)


def _lettered_lines(lines: list[str], node: Node, going_on: bool) -> Options | None:
    """``A) …`` lines of one block, maybe after the stem's lines and before an answer line; an
    option's text may go on over the next lines (or start on the line below its letter)."""
    lines = [_mark_last(_struck_line(line)) for line in lines]
    if not lines:
        return None  # a paragraph of a form feed alone, as PDFs paste a page break
    if not going_on:
        with_stem = not any(_opens(line) for line in lines)
        parted = _inline_lines(lines, with_stem=with_stem)
        if with_stem and parted == lines:
            return None  # no line opens options, and none was parted into more: none will below
        lines = parted
    start = 0 if going_on and _LETTERED.match(lines[0].strip()) else None
    start = next((i for i, line in enumerate(lines) if _opens(line)), None) if start is None else start
    if start is None or speakers_take_turns(lines):
        return None  # `A: …`, `B: …`, `A: …`: a dialogue, printed as written
    options: list[DraftOption] = []
    texts: list[list[str]] = []
    end = len(lines)
    for index in range(start, len(lines)):
        line = lines[index].strip()
        match = _lettered(line, options)
        if match is not None:
            options.append(_option(match, "", node))
            texts.append([match["text"] or ""])
        elif _ends_options(line):
            end = index
            break
        elif not PAGE_CONTROLS.fullmatch(line):  # a dump site's `View Answer` under the last option
            texts[-1].append(line)
    options = [
        replace(option, text=unbolded("\n".join(t for t in text if t).strip()))
        for option, text in zip(options, texts, strict=True)
    ]
    if not _in_order(options, going_on):
        return None
    said = [line for line in lines[1:start] if _DOTTED.match(f"\n{line}")]  # text2qti's on the question
    head = "\n".join(line for line in lines[:start] if line not in said).strip()
    tail = (*(line[3:].strip() for line in said), *lines[end:])
    ticked, boxed = _boxes_after_letters(options)
    return Options(ticked, head=head, tail=tail, task=boxed)


def _inline_lines(lines: Sequence[str], *, with_stem: bool) -> list[str]:
    """``lines`` with the options on each (``_inline_options``) on lines of their own; a line of them
    spread with wide gaps may go on from the line above's letters, as options set in columns paste
    (``A. Rio   B. Recife`` over ``C. Brasília   D. Natal``)."""
    parted: list[str] = []
    first = "A"
    has_answer = _answers_itself(lines)
    for number, line in enumerate(lines):
        judged = _judged_by_boxes(line) if with_stem else None
        above = lines[number - 1] if number else ""
        parts, spread = (
            (judged, 0)
            if judged
            else _inline_options(line, with_stem=with_stem, first=first, has_answer=has_answer, above=above)
        )
        parted += parts
        first = chr(ord(first) + spread) if spread else "A"
    return parted


def _answers_itself(lines: Sequence[str]) -> bool:
    """Whether a paragraph with a line left open by a colon holds its answer too (``Answer: b``, or ``…
    (c) Iron Ans: a`` ending a line): looked for only where a colon may open a stem."""
    if not any(line.rstrip().endswith(_COLON_ENDS) or ": " in line for line in lines):
        return False
    return any(answer_line(line) is not None or _TRAILING_ANSWER.search(line) for line in lines)


def _left_open(stem: str, *, has_answer: bool) -> bool:
    """Whether ``stem`` is a question's words left open by a colon before its options (``Choose the
    organelle that makes ATP:``, ``Q2. The capital of Peru:``): it asks, says what to do, or is answered
    in its paragraph. A colon over lettered words that nothing answers lists them (``Symptoms include:
    (a) fever (b) cough``)."""
    words = plain(stem)
    if not words.endswith(":"):
        return False
    words = question_numbered(words) or words
    return has_answer or asks(words) or instructs(words)


def _judged_by_boxes(line: str) -> list[str] | None:
    """A statement with a box for each of ``True`` and ``False`` after it on its line (``☐ True ☐
    False``, ``( ) True (x) False``, ``[ ] T [ ] F``, as worksheets print them), as its line and an
    option a line (``A) True``, ``B) False ✅`` where its box is ticked); ``None`` for any other line."""
    if not _may_judge(line):
        return None
    found = _BOXED_JUDGEMENT.search(line)
    if found is None or not true_or_false([found["one"], found["two"]]):
        return None
    options = [
        f"{letter}) {found[word]}{_TICK if _BOX_TICKED.fullmatch(found[box]) else ''}"
        for letter, box, word in (("A", "first", "one"), ("B", "second", "two"))
    ]
    return [line[: found.start()].rstrip(), *options]


_BOX = r"\u2610|\u2611|\u2612|\([ \t]?[xX]?[ \t]?\)|\[[ \t]?[xX]?[ \t]?\]"
_BOX_OPENINGS = ("\u2610", "\u2611", "\u2612", "(", "[")
"""What each of ``_BOX``'s alternatives opens with."""
_JUDGEMENT_ENDS = ("e", "E", "t", "T", "f", "F")
"""The last letter of ``true``, ``false``, ``t`` or ``f``, in either case (``re.I`` folds no other
character to any of them)."""
_BOXED_JUDGEMENT = regex(
    rf"(?<=\S)[ \t]+(?P<first>{_BOX})[ \t]*(?P<one>true|false|t|f)[ \t]*[/|,]?[ \t]*"
    rf"(?P<second>{_BOX})[ \t]*(?P<two>true|false|t|f)[ \t.]*$",
    re.I,
)
"""A box before each of two judgements at a statement's end: ``… ☐ True ☐ False``."""
_BOX_TICKED = regex(r"\u2611|\u2612|.*[xX].*")
_TICK = " \u2705"
"""What marks the option a ticked box chose: its tick after its words."""


def _inline_options(
    line: str, *, with_stem: bool, first: str = "A", has_answer: bool = False, above: str = ""
) -> tuple[list[str], int]:
    """Options on one line: from the line's start with wide gaps between them (``A. Spot   B.
    Dedicated``) or three or more of a few words each (``(a) mitochondria (b) chloroplast (c)
    ribosome``, under the stem's line, as exam banks write them), or, ``with_stem``, after a stem
    that asks (``Pick one: … A) Spot. B) Dedicated.``) or says what to do (``Evaluate … A) 0 B) 1``), or
    a statement to judge (``CloudFront is a CDN. A) True B) False``);
    the stem, a line per option and an answer ending the line (``— Answer: A``) on lines of their
    own. Lower-case letters in brackets (``(a) EBS (b) S3``) letter options only after a whole
    question, each a few words with no sentence's end. Any other line as it is. Options lettered from
    ``first`` on (not ``A``) are read only spread with wide gaps. After a stem left open by a colon
    (``_left_open``: ``has_answer`` in its paragraph, or not), on its line or the line ``above``, any
    options from ``A`` are (``Name the metal: (a) Iron (b) Tin``). Returned: the lines, and how many
    options were spread so."""
    if not (_may_letter(line, first) and _may_letter(line, chr(ord(first) + 1))):
        return [line], 0  # a run needs `first` and the letter after it, as either pattern letters them
    letters = _bracketed_alike(
        [found for found in _INLINE_LETTER.finditer(line) if found.start() > 0 or _opens(line, first)]
    )
    starts = _run_from(letters, first)
    if len(starts) < 2 and not letters:  # a Chinese bank's full-width marks, no ASCII letters
        letters = [found for found in _WIDE_LETTER.finditer(line) if found.start() > 0 or _opens(line, first)]
        starts = _run_from(letters, first)
    if len(starts) < 2:
        return [line], 0
    head = line[: starts[0]].strip()
    spread = starts[0] == 0 and all(_wide_gap_ends(line[:start]) for start in starts[1:])
    options = _cut(line, starts)
    listed = starts[0] == 0 and len(options) >= 3 and all(map(_few_words, options)) and first == "A"
    stated = with_stem and head and (asks(head) or instructs(head) or _judged(options)) and first == "A"
    opened = first == "A" and _left_open(head or above, has_answer=has_answer)
    if not (stated or spread or listed or opened):
        return [line], 0
    sentences = any(o.endswith((".", "?", "!")) for o in options) and not (opened and has_answer)
    if (
        letters[0]["lower"]
        and head
        and (not (head.endswith("?") or instructs(head) or opened) or sentences)
        and not _judged(options)  # `Copper conducts. a) True b) False`: judged as with capitals
    ):
        # `What is a derivative? (a) Define it. (b) …`: parts; `Which, (a) … or (b) …?`: prose
        return [line], 0
    answered = _TRAILING_ANSWER.search(options[-1])
    if answered is not None:  # `C) Zephyr Edge — Answer: A`
        options[-1:] = [options[-1][: answered.start()].strip(), options[-1][answered.end() :].strip()]
    return ([head, *options] if head else options), len(starts) if spread else 0


def _may_letter(line: str, letter: str) -> bool:
    """Whether ``line`` may hold ``letter`` as ``_INLINE_LETTER`` or ``_WIDE_LETTER`` reads an option's
    letter: right before a stop or a bracket (``A.``, ``A)``, ``a)``, full-width ``A\uff0e``, ``A\u3001``,
    ``A\uff09``). Most lines hold none: no pattern need look at them."""
    marked = letter in line and any(letter + mark in line for mark in _LETTER_MARKS)  # the letter first
    return marked or f"{letter.lower()})" in line


_LETTER_MARKS = (".", ")", "\uff0e", "\u3001", "\uff09")
"""What follows an upper-case letter of an option on a line of several (a lower-case one only ``)``)."""


def _wide_gap_ends(text: str) -> bool:
    """Whether ``text`` ends in what parts options written on one line with no stem before them (``A.
    Spot   B. Dedicated``): two spaces or more, a tab, or a ``;`` or ``|``. Read from the end once: a
    pattern looking for it from every place took the square of a long run of spaces."""
    words = text.rstrip()
    gap = text[len(words) :]
    return len(gap) > 1 or gap == "\t" or words.endswith((";", "|"))


def _few_words(option: str) -> bool:
    """An option of a few words with no sentence's end: ``(b) chloroplast``, not ``(b) Define it.``"""
    return len(option.split()) <= _FEW_WORDS and not option.endswith((".", "?", "!"))


_FEW_WORDS = 6
"""Words of an option, its letter one of them, on a line of three or more with no stem before them."""


def _judged(options: Sequence[str]) -> bool:
    """``A) True B) False`` after a statement: it is asked to be judged."""
    unlettered = [
        _WIDE_LETTER.sub("", _INLINE_LETTER.sub("", option, count=1), count=1) for option in options
    ]
    return true_or_false([option.rstrip(". ") for option in unlettered])


def _bracketed_alike(letters: list[re.Match[str]]) -> list[re.Match[str]]:
    """The letters written as the first is when it is in brackets (``(a)``, ``(B)``): an initial in an
    option's words (``(c) B. R. Ambedkar``, ``(b) J. R. R. Tolkien``) letters no option then."""
    if not letters or not _IN_BRACKETS.match(letters[0][0]):
        return letters
    return [found for found in letters if _IN_BRACKETS.match(found[0])]


_IN_BRACKETS = regex(r"\([A-Ha-h]\)")
"""An option's letter in brackets, as ``_INLINE_LETTER`` finds it: ``(a)``, ``(B)``."""


def _run_from(letters: Sequence[re.Match[str]], first: str) -> list[int]:
    """Where the options lettered ``first`` (``A``), then the next letters in order open, from the
    first of ``letters``."""
    run = itertools.takewhile(
        lambda pair: (pair[1]["letter"] or pair[1]["lower"].upper()) == chr(ord(first) + pair[0]),
        enumerate(letters),
    )
    return [found.start() for _, found in run]


def _cut(line: str, starts: Sequence[int]) -> list[str]:
    """``line`` cut where each option opens, from the first; a bar, semicolon, slash or bullet parting
    every option from the next (``A) 54 | B) 56``, ``A) DNS; B) ARP``, ``(a) EBS / (b) S3``) is no word
    of it."""
    cut = [line[start:end].strip() for start, end in itertools.pairwise([*starts, len(line)])]
    if (
        len(cut) > 1
        and (parting := cut[0][-1:]) in ("|", ";", "/", "\u2022")
        and all(text.endswith(parting) for text in cut[:-1])
    ):
        cut = [text.removesuffix(parting).rstrip() for text in cut[:-1]] + [cut[-1].removesuffix(parting)]
    return cut


def opens_options(line: str) -> bool:
    """Whether ``line`` is a first option, ``A. …`` (``a)``, ``(A)`` …)."""
    return _opens(line)


def _opens(line: str, first: str = "A") -> bool:
    """The first option of a block is ``A`` (or ``first``): a lone ``B.`` in prose starts nothing."""
    match = _LETTERED.match(line.strip())
    return match is not None and _letter(match).upper() == first


def _ends_options(line: str) -> bool:
    """An answer (``A:`` too, answering a ``Q:``), an explanation or a ``**Note:**`` line after the
    options is not part of the last one."""
    if answer_line(line) is not None or explanation_start(line) is not None or PAIRED_ANSWER.match(line):
        return True
    if len(line.split()) <= 3 and bare_label(f"{plain(line).rstrip(':')}:"):
        return True  # `- Answer` over its letter nested under it, as outliners write a block's children
    return plain(line).lower().startswith(("note:", "hint:", "tip:", "reference:"))


_STRESSED = regex(
    r"(?P<mark>\*\*|__|\*|_|==)(?=[^\s*_=])(?P<inner>(?:(?!(?P=mark)).)+)(?<![\s*_=])(?P=mark)"
    r"|\*\*(?P<opened>[^*]+)|(?P<closed>[^*]+)\*\*"
)
"""An option's text wholly in bold, italics or highlighted (not ``===, !==``), or only opened or closed in
bold (``Demand**``, where ``**B) Demand** ✅`` lost its letter and tick): its words as ``inner``,
``opened`` or ``closed``."""


def unstressed(options: Sequence[DraftOption], letters: Collection[str]) -> list[DraftOption]:
    """The options, the emphasis taken from the right ones where it marks exactly them (``- [x] **Street
    lighting**``, ``**B) Demand** ✅``): a second mark of the answer, which would give it away on the
    front. Emphasis the wrong options share is the notes' own, and stays."""
    stressed = {o.label: found for o in options if (found := _STRESSED.fullmatch(o.text.strip())) is not None}
    if not stressed or set(stressed) != set(letters) or len(stressed) == len(options):
        return list(options)
    return [
        replace(o, text=next(words for words in found.group("inner", "opened", "closed") if words))
        if (found := stressed.get(o.label)) is not None
        else o
        for o in options
    ]
