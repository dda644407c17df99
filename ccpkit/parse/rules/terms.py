"""A term at the start of a list item or paragraph: ``**Term:** definition`` and its variants."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ccpkit.markup import is_only_a_link
from ccpkit.parse.details import CODE_SPAN
from ccpkit.parse.document import HASHTAG, only_links_within_page
from ccpkit.parse.rules.dataview import is_key_like
from ccpkit.parse.tree import Node
from ccpkit.regex import first_at, regex

ASIDES = frozenset(
    {
        "big idea", "caution", "caveat", "common mistake", "common mistakes", "exam note", "exam tip",
        "exam tips", "exam trap", "example", "examples", "fyi", "gotcha", "gotchas", "heads up", "hint",
        "important", "in a nutshell", "in short", "key idea", "key ideas", "key point", "key points",
        "key takeaway", "key takeaways", "main idea", "memory trick", "mnemonic", "note", "notes",
        "pro tip", "remember", "summary", "takeaway", "tip", "tips", "tl;dr", "tldr", "warning",
        "watch out", "did you know", "did you know?", "fun fact", "fun facts", "common misconception",
        "common misconceptions", "in the real world", "in real life", "hints", "warnings", "takeaways",
        "mnemonics", "nb", "n.b.", "side note", "sidenote",
    }
    | {  # as French, Spanish, Portuguese, Italian and German notes write them
        "remarque", "attention", "exemple", "astuce", "résumé", "à retenir", "nota", "atención", "ejemplo",
        "consejo", "resumen", "observación", "importante", "atenção", "exemplo", "dica", "observação",
        "attenzione", "esempio", "hinweis", "achtung", "beispiel", "tipp", "anmerkung", "merke",
    }
)  # fmt: skip
STATEMENTS = frozenset(
    {
        "rule", "rules", "exception", "exceptions", "rule of thumb", "golden rule", "reminder", "reminders",
        "règle", "règles", "regla", "reglas", "excepción", "excepciones", "regra", "regras", "exceção",
        "exceções", "regola", "regole", "eccezione", "eccezioni", "regel", "regeln", "ausnahme", "ausnahmen",
    }
)  # fmt: skip
"""Labels of a statement (``**Rule:** adjectives agree …``, ``**Exception:** …``, in the languages
``ASIDES`` are read in): an aside over a sentence, but words a vocabulary translates too
(``- **Regel:** rule``), so over a short gloss they are a term (``glosses_a_statement_label``)."""
ANALOGIES = frozenset(
    {
        "analogy", "analogies", "an analogy", "simple analogy", "visual analogy", "real world analogy",
        "real life analogy", "everyday analogy", "metaphor", "eli5",
    }
)  # fmt: skip
"""Labels of an analogy (``Analogy:``, ``Real-world analogy``, ``ELI5:``) when alone they lead a list in:
what is under one pictures a thing by another. Words a glossary of literature defines too (``**Metaphor:**
A figure of speech …``), so no aside: ``is_analogy`` reads them only as a lead-in."""
ASIDES = ASIDES | STATEMENTS
"""Labels of an aside (``Tip:``, ``Remember:``, ``Summary:``): they add to what the notes say of a thing,
but never say what it is, so they alone make no heading a card."""
LABELS = ASIDES | frozenset(
    {
        "action", "analogy", "aws solution", "benefit", "benefits", "best for", "definition",
        "explanation", "feature", "features", "flow", "focus", "function", "given", "goal", "how it works",
        "ideal for", "impact", "key feature", "key features", "key idea", "keywords", "meaning", "no",
        "one line", "outcome", "overview", "problem", "purpose", "real world example", "real-world example",
        "result", "scope", "simple meaning", "solution", "type", "types", "use case", "use cases", "what",
        "when to use", "why", "why it matters", "why this is best", "yes",
    }
)  # fmt: skip
"""Attribute labels (the asides among them): they describe their parent (the bullet or heading above),
never a card alone."""
FACETS = frozenset(
    {
        "advantages", "adverse effects", "antidote", "applications", "benefits", "cause", "causes",
        "complications", "cons", "contraindications", "cost", "costs", "definition", "diagnosis",
        "disadvantages", "dose", "dosing", "drawbacks", "examples", "function", "how it works",
        "indications", "interactions", "limitations", "limits", "management", "mechanism",
        "mechanism of action", "monitoring", "performance", "pricing", "pros", "purpose", "reversal",
        "risk factors", "risks", "scaling", "side effects", "signs", "structure", "symptoms", "treatment",
        "use", "use case", "use cases", "uses",
    }
)  # fmt: skip
"""Words that name a facet of a subject, not a thing of their own (``**Mechanism**: …``, ``**Side
effects**: …``): a card so named asks about the heading it stands under, which must say which."""
SPEAKING = regex(r"\b(?:I|I'(?:m|ve|ll|d)|(?i:me|my|we|we're|we'll|our|let's)|us)\b")
"""Words of someone speaking (``I``, ``we``, ``let's``; ``us`` but not ``US``), which a definition or
an answer to study does not use: a chat's, a meeting's or a lecture's."""
NAMES_TOO = frozenset(
    {
        "action", "exception", "feature", "flow", "function", "impact", "result", "rule", "scope", "solution",
        "type",
    }
)  # fmt: skip
"""Labels that a subject names a term by as often: a chemistry glossary's ``**Solution**``, a programming
one's ``**Function**``, a law one's ``**Exception**``."""

_ARROWS = (
    "-->",
    "==>",
    "->",
    "=>",
    "\u2192",
    "\u2794",
    "\u279c",
    "\u21d2",
    "\u27f6",
    "\u27a1\ufe0f",
    "\u27a1",
)
"""``-->``, ``==>``, ``->``, ``=>`` and the arrows ``→ ➔ ➜ ⇒ ⟶ ➡️``."""
_SEPARATORS = (
    *_ARROWS,
    "\u2014\u2014",
    "\u2014",
    "\u2013",
    "---",
    "--",
    "=",
    ":",
    "\uff1a",
    "-",
    "\\-",
    "&ndash;",
    "&mdash;",
)
"""The arrows, em and en dashes, ``=``, ``:``, ``-``; a dash as document exports write it (``\\-``,
``&ndash;``, ``&mdash;``, pandoc's ``---``); Chinese and Japanese notes' full-width colon and double dash."""
_ARROW = regex("(?<![<=-])(?:" + "|".join(re.escape(arrow) for arrow in _ARROWS) + ")")
_TIGHT_EM_DASH = "(?<=[^\\W\\d])\u2014(?=[^\\W\\d])"
"""An em dash between two words with no spaces (``Basalt—a dark volcanic rock``), as American typography
sets one."""
_GLUED_DASH = "(?<=[\uff09\u3011])[\u2013\u2014] ?(?=\\S)|(?<=[\u3041-\u30ff]\\))[\u2013\u2014] (?=\\S)"
"""An en or em dash right after a word's reading in brackets, no space between (``\u98df\u3079\u308b
\uff08\u305f\u3079\u308b\uff09\u2013 to eat``), as Japanese input methods set it: the full-width
bracket spaces it; a plain one only round kana (``(see chart)\u2013 up 10%`` is an aside in prose)."""
_PLAIN_SEPARATOR = regex(
    f"{_ARROW.pattern}|(?<=\\S)[ \u00a0\u202f](?:--|[=:\u2013\u2014-])[ \u00a0\u202f](?=\\S)"
    f"|(?<=[^\\s:]):[ \\t]{{1,3}}(?=\\S)|(?<=\\S) ?\uff1a ?(?=\\S)|{_TIGHT_EM_DASH}|{_GLUED_DASH}"
)
"""An arrow, `` = ``, ``: ``, `` : ``, a dash (en, em, hyphen, or ``--`` as typed for an em dash) between
spaces, an em dash between words with no spaces (``Basalt—a dark volcanic rock``, as American
typography sets it), or the full-width colon of Chinese and Japanese (U+FF1A), as a vocabulary list
writes it between a word and its meaning; the space before may be a no-break one, as French typography
(and word processors for it) puts before a colon."""
_UNCOLONED_SEPARATOR = regex(
    f"{_ARROW.pattern}|(?<=\\S) (?:--|[=|\u2013\u2014-]) (?=\\S)|(?<=\\S)\\t+(?=\\S)|{_TIGHT_EM_DASH}"
    f"|{_GLUED_DASH}"
)
_SEPARATORS_OF = {"any": _PLAIN_SEPARATOR, "no colon": _UNCOLONED_SEPARATOR, "arrows": _ARROW}
"""Which separators a plain term may have: any, all but a colon (``Morgan: Hi`` is speech in a
transcript; a tab or a ``|``, as Quizlet, Anki and spreadsheets export cards, is one of these), or
arrows only."""
_ARROW_STARTS = "".join(re.escape(start) for start in sorted({arrow[0] for arrow in _ARROWS}))
_SEPARATOR_HINTS = {
    "any": regex(f"[{_ARROW_STARTS}:\u2013\u2014\uff1a]"),
    "no colon": regex(f"[{_ARROW_STARTS}|\\t\u2013\u2014]"),
    "arrows": regex(f"[{_ARROW_STARTS}]"),
}
"""A character that each of the separators (``_SEPARATORS_OF``) has first, or second after the space
before it (`` - ``, `` \uff1a``): where ``_separators`` looks for them."""
_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
_ANSWER_IN_CODE = regex(r"(?P<front>[^`]*\?)\s+(?P<back>`[^`]+`)")
_ANSWER_IN_BOLD = regex(r"(?P<front>(?:(?!\*\*|__)[^`])*[?\uff1f])\s+(?:\*\*|__)(?P<back>[^*_]+)(?:\*\*|__)")
"""``What is the capital of Peru? **Lima**``: a quiz sheet's question, its answer in bold after it."""
_BOLD_ANSWER_WORDS = 5
"""At most this many words in an answer in bold after its question: a value, a name, not a sentence."""
_POINTS_AT = regex(r"(?i)\b(?:this|these|following|below)\b")
"""``What does this print?`` over the code ``echo $HOME``: the code is what is asked about, not the answer."""
_CODED_VALUE = regex(r"`[^`\s()=*;]+(?: [^`\s()=*;]+)?`")
"""An answer set as code: a value of a word or two (``22``, ``.gitignore``, ``Yes``), not a call or a
statement (``print(x)``, ``SELECT * FROM orders``), which is what the question asks about."""
_SCORED = regex(r"\d+(?:\s+[A-Z][\w.'-]*){1,3}")
"""A score's second half: a number and a name (``1 Chelsea``, ``2 Tide United``)."""
_MAY_HIDE = regex(r"[`[$]")
"""What opens anything ``_hidden`` blanks out (same length, no separator in it): most lines hold none."""
_SPAN_OR_BRACKET = regex(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)|\$[^$\n]+\$|\[")
"""A code span, a formula (``$F = ma$``), or a ``[`` that may open a link: what ``_hidden`` looks at."""
_BRACKET_END = regex(r"[\]\n]")
_PAREN_END = regex(r"[)\n]")
_DASHED_WORDS = 3
"""At most this many words in a name before an en or em dash that is not capitalised (``la cocina —
the kitchen``); a hyphen asks for a name written as one (``Amazon SNS - …``)."""
_GLOSSED_WORDS = 4
"""At most this many words in a name before an en or em dash among names, ..."""
GLOSS_WORDS = 6
"""... and in what it means after the dash."""
_ANSWER_LABEL = regex(
    r"^(?:\*\*|__)?(?:Answer|ANSWER|Ans)\.?(?:\s*:|\s+[\u2013\u2014-])(?:\*\*|__)?[ \t]*(?=\S)"
)
"""``Answer:`` (``**Answer:**``, ``Ans. -``) opening what a question's line gives after its separator: a
label, not the answer."""
_DASH = regex(" [-\u2013\u2014] ")
TABS = regex(r"\s*\t+\s*")
"""What parts an export's fields: a tab, or tabs, with the spaces around them."""
_DASH_ENDED = regex(f"^(?P<name>.*\\S)\\s+(?:[-\u2013\u2014]|\u2014\u2014|{_ARROW.pattern})$")
"""A term whose dash or arrow is inside its bold: ``**Amazon S3 -** Object storage``."""
_EMPHASISED = regex(r"^([*_])(?P<inner>[^*_]+)\1$")
"""A name in italics (``*Transition actions*: …``): the name is the words."""
_CITATION = r"\s+[\[(]\d{4}[\])](?:\s+\d{0,2}\s*[A-Z][A-Za-z.]*\s+\d+)?"
"""The law report citing a case after its name (`` [1932] AC 562``, `` (1990) 2 AC 605``)."""
_CITED = regex(rf"(?P<name>.*?){_CITATION}")
_CITED_CASE = regex(rf"([*_])[^*_]+\1{_CITATION}")
"""A case's name in italics and the report citing it (``*Donoghue v Stevenson* [1932] AC 562``)."""
_CASE_HOLDING = regex(
    rf"(?P<mark>[*_])(?P<name>[^*_\n]+)(?P=mark)(?P<cited>{_CITATION})\.[ \t]+(?P<holding>[A-Z][^\n]*)"
)
"""A case's name in italics, the report citing it, a full stop, then what it held (``_Felthouse v
Bindley_ (1862). Silence cannot amount to acceptance.``)."""


def _case_holding(line: str) -> Term | None:
    """A case cited and run into its holding after a full stop, as law notes write them: the case its
    name (a ``v`` between its parties), the holding what to recall of it."""
    found = _CASE_HOLDING.fullmatch(line.strip())
    if found is None or not any(map(_between_parties, found["name"].split())):
        return None
    return Term(f"{found['name'].strip()}{found['cited']}", found["holding"].strip(), separated=True)


PLACE_IN_A_BOOK = regex(
    r"(?i)(?:pp?\.?|page|ch(?:apter)?\.?|slides?|lecture|\u00a7)\s*\d+(?:\s*[-\u2013]\s*\d+)?"
)
"""Where something is, not what: ``p. 42``, ``Ch3``, ``Slide 12``, ``§ 4``."""
_PAGE = regex(r"(?i)(?:pp?\.|pg\.|pages?)\s*\d+(?:\s*[-\u2013]\s*\d+)?")
"""A page written as one (``p. 12``, ``pp. 4-6``, ``page 9``), not a name that starts so (``p53``)."""
_ABOUT_THE_NOTE = frozenset(
    {"aliases", "alias", "tag", "tags", "modified", "reviewed", "last reviewed", "link", "links", "source"}
    | {"sources", "related", "status", "parent", "up", "see also", "references", "author", "authors", "date"}
    | {"created", "updated", "last updated", "last modified"}
)
"""Names of a note's own fields, as a vault writes them under its title (``Source: …``)."""
_NOT_NAMES = (
    frozenset({"answer", "correct answer", "ans", "solution", "explanation", "question", "q", "a", "version"})
    | {"prev", "previous", "next", "home", "index", "contents"}
    | {"例如", "比如", "原因", "结论", "注意", "备注", "总结", "说明", "答案", "问题", "例", "注"}
    | {"例文", "答え", "問題", "理由", "結論", "注意点", "ポイント", "まとめ"}
    | _ABOUT_THE_NOTE
)
"""``Answer: EC2`` is a question's part (its question may sit in the list above), ``See also:``,
``Parent:`` or ``Next:`` a way around the notes, ``Author:`` or ``Last updated:`` a note about the
notes: never a term."""
_DEFINITION = regex(r"^[:~][ \t]+(?P<text>\S.*)$")
"""A definition's line in a definition list: ``: Object storage``."""
BOLD_TEXT = regex(r"(\*\*|__)(?P<inner>(?:(?!\1).)+)\1")
"""Text in bold (``**Amazon S3**``, ``__S3__``), its words as ``inner``."""
ASKED_HOW_OFTEN = (
    r"[(\uff08\[](?=[^()\uff08\uff09\[\]]*(?:\d\s*%|(?i:frequen|asked|difficulty|easy|medium|hard)"
    r"|频|常考|必考|重要|★|⭐))[^()\uff08\uff09\[\]]*[)\uff09\]]"
)
"""A remark in brackets on how often or how hard a question is asked: ``(frequency: 82%)``, ``[常考]``,
``(Medium)``."""
_BOLD_QUESTION = regex(
    rf"(?P<mark>\*\*|__)(?P<asked>(?:(?!(?P=mark)).)+[?\uff1f])(?P=mark)(?:[ \t]*{ASKED_HOW_OFTEN})?"
)
"""A line that is a question wholly in bold: ``**Why pick Aurora over RDS?**`` (maybe with a remark on
how often it is asked after it; a full-width question mark too)."""
_DEFINING_VERB = r"(?:(?:is|are)(?:\s+defined\s+as)?|refers?\s+to|means)"
"""How a sentence defines the name it opens with: ``is``, ``are defined as``, ``refers to``, ``means``."""
_DEFINING_SENTENCE = regex(
    rf"^(\*\*|__)(?P<name>(?:[^*_:(]|\([^()*_\n]*\))+)\1\s+{_DEFINING_VERB}\s+(?P<rest>\S.*)$", re.S
)
_PLAIN_DEFINING_SENTENCE = regex(
    r"^(?!(?i:the|an?|this|that|these|those|it|its|there|here|he|she|they|we|i|you|our|my|some|most|all|each"
    r"|every|everything|everyone|nothing|no|none|any|how|what|when|where|who|why|which|whose)\b)"
    rf"(?P<name>[A-Z][\w'\u2019-]*(?:[ \t]+[\w'\u2019-]+){{0,2}})[ \t]+{_DEFINING_VERB}[ \t]+(?P<rest>\S.*)$"
)
"""A sentence defining a name of a word to three, no bold (``Osmosis is the diffusion of …``)."""
_SAYS_MORE = regex(
    r"(?:\b(?:and|but|while|whereas|because|although|since|though)|,|;)\s+\S+(?:\s+\S+)?\s+(?:is|are|was|were)\s"
    r"|\?\s*$"
)
"""A second clause (``… and Bob is the secretary``, ``… while Dan is …``) or a question: no definition
of one name."""
_DEFINED_NAME = r"(?:(?i:an?|the)\s+)?(\*\*|__)(?P<name>[^*_:\n]+)\1(?:\s+\([^()\n]{1,40}\))?\s+(?:is|are)\s+"
"""A bold name opening a paragraph, maybe after an article and before an aside, then ``is``."""
_NOT_AN_ABBREVIATION = "".join(
    rf"(?<!\b{short})"
    for short in (
        *("approx", "Approx", r"i\.e", r"I\.e", r"e\.g", r"E\.g", "cf", "Cf", "viz", "vs", r"et al"),
        *("p", "pp", "Fig", "Figs", "Eq", "Eqs", "Vol", "vol", "Ch", "ch", "Sec", "sec"),
    )
)
"""No sentence ends with the full stop of ``approx.``, ``i.e.``, ``e.g.``, ``et al.``, nor of a
citation's or a cross-reference's ``p.``, ``Fig.``, ``Eq.`` (``The **cardiac output** is approx. 5 L/min
at rest.``); one ending a list with ``etc.`` often ends the sentence too, and ``fig``, ``ca`` or ``no``
may be words (``a dried fig.``): those end none before a number (``_MAYBE_ABBREVIATED``)."""
_MAYBE_ABBREVIATED = "".join(rf"(?!(?<=\b{short})\.\s+[a-z\d])" for short in ("no", "No", "fig", "ca", "etc"))
"""A full stop after a word that may be an abbreviation (``No. 5``, ``fig. 3``, ``ca. 1850``, ``etc. and``)
ends no sentence before a number or a word in lower case; after any other word it may (``… a
solution is. pH 7 is neutral``)."""
_BRACKET_REACH = 200
"""How far a closing bracket is looked for after a full stop: a citation's or an aside's length, so a
line of thousands of full stops is read once, not each time to its end."""
_SENTENCE_ENDS = (
    rf"{_NOT_AN_ABBREVIATION}{_MAYBE_ABBREVIATED}[.!](?=\s|$)(?![^\[\]\n]{{0,{_BRACKET_REACH}}}\])"
    rf"(?![^()\n]{{0,{_BRACKET_REACH}}}\))"
)
"""A sentence's end: a full stop or ``!`` that ends no abbreviation (``_MAYBE_ABBREVIATED``: ``No. 5``,
``fig. 3``, ``ca. 1850``) and is in no brackets (a citation's ``[@sweller1988,
p. 260]``, ``(see Fig. 3)``)."""
DETERMINER = regex(r"(?i:an?|the|one|any)\s")
"""How a noun phrase that says what a name is opens (``a measure of …``, ``any substance that …``);
every test of a definition's opening starts with it."""
_PREDICATIVE = (
    r"afraid|aware|proud|full|sure|certain|capable|able|unable|fond|worth|short|critical|tired|glad|happy"
    r"|sorry|keen|ready|likely|unlikely|free|independent|typical|responsible|guilty|ashamed|jealous"
    r"|envious|confident|convinced|worried|pleased|surprised|scared|made|composed"
)
"""Adjectives that say how a name is, not what: ``proud of``, ``sure that``, ``made of``."""
_NOUN_WORD = (
    r"(?!(?:to|for|in|on|at|with|by|from|because|when|if|and|but|or|not|so|very|too|also|as|than|more|most"
    r"|less|quite|really|only|just|still|always|often|usually|what|how|why|where|who|used|called"
    rf"|{_PREDICATIVE})\b)"
    r"[a-z][\w-]*"
)
_BARE_NOUN_PHRASE = (
    rf"{_NOUN_WORD}(?:(?:\s+{_NOUN_WORD}){{0,2}}\s+(?:of|whose|in\s+which|by\s+which)"
    rf"|(?:\s+{_NOUN_WORD}){{1,2}}\s+(?:that|which))\s"
)
"""What a name is without an article: a noun's few words, then ``of`` or a relative clause (``diffusion
of water …``, ``cell division that …``), not a judgement (``important because …``, ``fun``) nor how it
is (``proud of …``, ``sure that …``: one word before ``that`` is rarely a noun)."""
_POSSESSED_NOUN_PHRASE = (
    rf"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['\u2019]s\s+{_NOUN_WORD}(?:\s+{_NOUN_WORD}){{0,2}}"
    r"\s+(?:of|for|that|which|whose|in\s+which|by\s+which)\s"
)
"""What a name is as someone's (``Bentham's method for measuring …``, ``Newton's law that …``): a
named owner, a noun's few words, then what it is of or for; not a relation alone (``John's brother``)."""
_OPENING_DEFINITION = regex(
    rf"{_DEFINED_NAME}(?P<rest>(?:{DETERMINER.pattern}|(?={_BARE_NOUN_PHRASE}|{_POSSESSED_NOUN_PHRASE}))"
    rf".*?{_SENTENCE_ENDS})",
    re.S,
)
"""A bold name opening a paragraph, what it is after ``is`` up to the first sentence's end."""
_OPENING_DEFINITION_AMONG = regex(
    rf"{_DEFINED_NAME}(?P<rest>(?!(?i:that|to|when|where|because|why|how|what|if|not|also|still|here"
    rf"|there|now)\b)[^\s*_].*?{_SENTENCE_ENDS})",
    re.S,
)
"""The same, what it is in any words (``is better recall of …``), not a clause (``is that rocks …``):
among such definitions."""
_SENTENCE_NAME_WORDS = 6
"""At most this many words in the bold name a defining sentence opens with."""
_SEQUENCE = regex(
    r"(?:(?i:weeks?|days?|module|chapter|lesson|section|unit|domain|practice (?:exam|test)|exam|test|quiz"
    r"|lab|version|q(?=\d))\s*#?\s*\d+(?:\.\d+)*(?:\s*[-\u2013]\s*\d+)?"
    r"|v\d+(?:\.\d+)+|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})(?:\s*\([^()]{1,20}\))?"
)
"""A place in a plan or the contents (``Week 2``, ``Module 3``, ``Practice exam 1``), a quarter
(``Q3``), a version or a date, maybe with a short note in brackets (``2024-03-01 (s1)``); not a step
or phase of what is learnt (``Phase 1: Assess``). In English only: a Spanish vocabulary's ``Semana 1
- the first week`` is a word to learn."""
_PLACE_IN_NOTES = regex(
    r"(?:(?i:see\s+(?:also\s+)?)?(?:(?i:cards|questions|pages|slides)\s*#?\s*\d+\s*[-\u2013]\s*\d+"
    r"|pp?\.\s*\d+(?:\s*[-\u2013]\s*\d+)?"
    r"|(?i:see\s+(?:also\s+)?)(?i:lecture|chapter|ch\.|page|slides?|section|week|unit|module)\s*\d+(?:\.\d+)*))"
    r"(?:\s*\([^()]{1,30}\))?\.?"
)
"""Where in the notes a topic is (``Cards 1-10``, ``Questions 1-12 (Identity)``, ``pp. 40-52``, ``see
lecture 3``): the back of a plan's or a contents' line, or a pointer, nothing to learn."""
_STATUS = regex(
    r"\W*(?i:done|finished|not started|in progress|halfway|todo|to-do|(?P<spaced>to do)|pending|completed?"
    r"|started|skipped|reviewed|passed|failed)\s*(?:[,(\u2013\u2014-][^.:]*)?$"
)
"""Where a topic of the studying stands: ``finished, reviewed twice``, ``not started``; ``to do`` only
after a colon (``IAM: to do``), where a vocabulary's ``faire - to do`` is a meaning."""
_CUE_WORDS = 15
"""The longest clue an arrow points from to a name (``_cues``)."""
_PLAIN_TERM_WORDS = 4
"""At most this many words before a plain separator: more is a sentence (a cause and its effect)..."""
_NAME_WORDS = 7
"""... unless each is capitalised, up to this many: a name (``AWS Database Migration Service (DMS)``)."""
_NUMBERED = regex(r"^\d+[.)]\s+")
_BOLD_MARKERS = ("**", "__", "_**", "*__")
_ANSWER_BELOW = regex(r"\n\s*(?:\*\*|__)?A(?:\*\*|__)?\s*:")
_QUALIFIER = regex(r"([*_]?)\([^()\n]+\)\1")
"""A remark in brackets right after the term, maybe in italics: ``**Spot** (up to 90% off)``."""
_SPEECH = r"(?:(?:n|v|vt|vi|adj|adv|prep|conj|pron|interj|phr|det|num)\.?|noun|verb|adjective|adverb)"
_PART_OF_SPEECH = regex(rf"[(\[]{_SPEECH}[)\]]|(?<![\w.])[*_]{_SPEECH}[*_]")
"""A word's part of speech, alone in its brackets or italics: ``(adj.)``, ``*(n.)*``, ``[v.]``, ``*adj.*``."""
_GLOSS = regex(
    rf"(?:[ \t]*(?:{_QUALIFIER.pattern}|\[{_SPEECH}\]|/[^/\s][^/\n]{{0,40}}/"
    rf"|(?P<italic>[*_]){_SPEECH}(?P=italic)))+"
)
"""What a glossary or a vocabulary list writes between a term and its meaning: remarks in brackets, a
pronunciation between slashes, a part of speech (``**laconic** /lə'kon-ik/ *adj.* — …``); with a part
of speech, the meaning may follow with no separator (``**laconic** *(adj.)* using few words``)."""


@dataclass(frozen=True, slots=True)
class Term:
    """A bold term and what follows it on its paragraph."""

    front: str
    rest: str
    """The definition written after the separator, as Markdown (may be empty)."""
    separated: bool
    """A separator or a line break announced a definition, so an empty one is a mistake."""

    @property
    def is_label(self) -> bool:
        return is_label(self.front) and not glosses_a_statement_label(self)


def glosses_a_statement_label(term: Term) -> bool:
    """Whether a statement's label (``STATEMENTS``) is followed by a gloss, one to three words with no
    full stop (``- **Regel:** rule``, ``- règle — rule``, ``rule, law``): a vocabulary's word and its
    translation, a card, where a statement (``**Rule:** adjectives agree with the noun.``) or the
    examples it lists (``**Exception:** weird, seize, science``) is an aside."""
    gloss = _STATEMENT_MARKS.sub("", term.rest).strip()
    return (
        _label_key(term.front) in STATEMENTS
        and 0 < len(gloss.split()) <= _GLOSS_WORDS
        and not gloss.endswith((".", "!", "?", ";", ":"))
        and gloss.count(",") < _LISTED
    )


_GLOSS_WORDS = 3
_LISTED = 2
"""Commas that part three things or more: a list of examples, where a gloss gives a sense or two."""
_STATEMENT_MARKS = regex(r"[*_`]+")
"""Emphasis and code marks, which a gloss's words may be set in (``*rule*``)."""


@lru_cache(maxsize=1024)  # rule after rule asks of each term (64,709 calls, 11,440 names: 10k corpus)
def is_label(text: str) -> bool:
    """Whether ``text`` (a term, without its colon) is an attribute label such as ``Use Case`` (or
    ``Pro-Tip``: a hyphen joins its words as a space does)."""
    return _label_key(text) in LABELS


def is_analogy(text: str, *, heading: bool = False) -> bool:
    """Whether ``text`` (a lead-in alone, or a heading's words) names an analogy: ``Analogy:``, ``ELI5:``,
    or words ending in one (``The relay race analogy:``). A heading must qualify it (``Real-world
    analogy``, ``The kitchen analogy``): a bare ``## Metaphor`` or ``## Extended metaphor`` is a term
    of literature over its definition."""
    key = _label_key(undecorated(text).strip("*_ "))
    if heading:
        return key.endswith(" analogy") or (key.startswith("the ") and key.endswith(" metaphor"))
    return key in ANALOGIES or key.endswith((" analogy", " metaphor"))


def holds_an_arrow(text: str) -> bool:
    """Whether ``text`` holds an arrow (``User → DNS``): a move from one thing to the next."""
    return _ARROW.search(text) is not None


def is_aside(text: str) -> bool:
    """Whether ``text`` (a term, without its colon) is an aside's label (``Tip``, ``Note``)."""
    return _label_key(text) in ASIDES


def is_statement(text: str) -> bool:
    """Whether ``text`` (a term, without its colon) is a statement's label (``Rule``, ``Exception``)."""
    return _label_key(text) in STATEMENTS


def _label_key(text: str) -> str:
    """A label as the label sets hold it: no colon, lower case, a hyphen read as a space."""
    return text.strip().strip(":").strip().lower().replace("-", " ")


_FENCE = regex(r"^[ \t]*(?:```|~~~)", re.M)
_LABEL_HEAD = regex(
    r"^(?:[ \t]*+(?:[-*+][ \t]++)?[^\w*_]*(?:\*\*|__)?(?P<name>(?:[^:*_\n \t]|[ \t]++)+?)"
    r"|[ \t]*?(?:[-*+][ \t]+?)?(?P<space>[ \t]))(?:\*\*|__)?[ \t]*:",
    re.M,
)
"""A label opening a line (``- **Tip:**``, ``🔹 Note:``). A run of spaces is read whole, by the margin,
the bullet's gap or the name: cut in every way, a thousand tabs took the parse minutes. A name of spaces
alone (``*   :``), which the margin leaves none of, is ``space``."""


def only_asides(labelled: str) -> bool:
    """Whether every label of ``labelled`` (a label paragraph, or a list of label items, as written,
    maybe with the code it announces) is an aside's; a label alone on its line (``Exam tip:`` over a
    list) is the aside of all it announces, whatever the list's own terms."""
    head = _FENCE.split(labelled, maxsplit=1)[0]
    found = list(_LABEL_HEAD.finditer(head))
    if found and not head[found[0].end() :].partition("\n")[0].strip():
        return is_aside(found[0]["name"] or found[0]["space"])
    return bool(found) and all(is_aside(label["name"] or label["space"]) for label in found)


def split_term(inline: Node) -> Term | None:
    """The term of an inline node that starts with bold text (after an emoji or other symbol, as in
    ``📈 **Scalability:** …``), or ``None`` if it is not a term."""
    content = inline.content
    if not content.startswith(_BOLD_MARKERS):  # bold is written `**` or `__`: no term
        content = content[_decoration_length(content) :]
        if not content.startswith(_BOLD_MARKERS):
            return None
    first = next(
        (c for c in inline.children if c.type != "text" or _decoration_length(c.content) < len(c.content)),
        None,
    )
    if first is not None and first.type == "em":
        return _bold_italic_term(content)
    if first is None or first.type != "strong":
        return None
    marker = first.markup
    close = _closing(content, marker)
    if not content.startswith(marker) or close < 0:
        return None
    return _term(content[len(marker) : close], content[close + len(marker) :], marker)


def _bold_italic_term(content: str) -> Term | None:
    """The term of ``***Nucleophile***: …`` (``___…___``, ``_**…**_``): bold in italics, as a term."""
    opening = next((mark for mark in _BOLD_ITALIC if content.startswith(mark)), "")
    close = content.find(opening[::-1], len(opening)) if opening else -1
    if close < 0:
        return None
    return _term(content[len(opening) : close], content[close + len(opening) :], opening[-2:])


_BOLD_ITALIC = ("***", "___", "_**", "*__")


def _closing(content: str, marker: str) -> int:
    """Where the bold that opens ``content`` closes (-1: nowhere); a marker in code closes nothing
    (``**Why use `**kwargs`?**``)."""
    if "`" not in content:
        return content.find(marker, len(marker))
    for found in re.finditer(rf"`[^`\n]+`|{re.escape(marker)}", content[len(marker) :]):
        if found[0] == marker:
            return found.start() + len(marker)
    return -1


@lru_cache(maxsize=1024)  # the rules ask about each list item's and paragraph's term in turn
def _term(inner: str, after: str, marker: str) -> Term | None:
    """The term of a bold opening (``inner``, its ``marker``) and what follows it; none for a line that
    keeps track of the studying (``**Week 2:** EC2``)."""
    term = _read_term(inner, after, marker)
    return None if term is None or _keeps_track(term) else announced_term(term)


def announced_term(term: Term) -> Term:
    """The term a label announces on its line (``**Key term:** *Chemiosmosis* — the movement …``,
    ``HY: Most common cause … = Hashimoto``): the name after the label and what follows it, not the
    label, which every such line shares; any other term as it is."""
    if not _ANNOUNCING_LABEL.fullmatch(term.front.strip("*_ ")):
        return term
    named = _NAMED_AFTER_LABEL.fullmatch(term.rest)
    if named is None or not _announces_a_name(named["name"]):
        return term
    return Term(named["name"].strip(), named["rest"].strip(), separated=True)


_ANNOUNCING_LABEL = regex(
    r"(?i)(?:key\s+)?(?:term|concept|keyword|word|vocab(?:ulary)?(?:\s+word)?)|hy|high[-\s]yield"
)
"""A label that announces the term after it (``Key term:``, ``Vocabulary word:``), or marks the line
worth learning (``HY:``, high-yield, as medical notes write it): no name of its own."""
_NAMED_AFTER_LABEL = regex(
    r"(?P<mark>[*_]{0,3})(?P<name>[^*_:\n\u2013\u2014=\u2192]{1,80}?)(?P=mark)[ \t]*"
    r"(?::|[-\u2013\u2014=\u2192](?=[ \t]))[ \t]+(?P<rest>\S.*)",
    re.S,
)
"""A name, maybe in emphasis, then a separator and what follows it: ``*Chemiosmosis* — the …``."""
_ANNOUNCED_WORDS = 10


def _announces_a_name(words: str) -> bool:
    """Whether the words an announcing label gives before a separator are a name (``Chemiosmosis``,
    ``Most common cause of …``), not a sentence's start with its own ``=`` or dash (``the market
    clears where supply = demand``, ``TSH is the best test - …``) nor a date (``Spring 2024 - …``)."""
    return (
        len(words.split()) <= _ANNOUNCED_WORDS
        and _ARTICLE_OPENING.match(words.strip()) is None
        and _STATES_OR_DATES.search(words) is None
    )


_ARTICLE_OPENING = regex(r"(?:the|an?)\s")
"""How a sentence or a definition opens in lower case (``the thyroid …``), as a name does not."""
_STATES_OR_DATES = regex(r"(?i)\b(?:is|are|was|were)\b|\b(?:1[5-9]|20)\d\d\b")
"""A verb stating what something is (``TSH is …``), or a year (``Spring 2024``): no name's words."""


def _read_term(inner: str, after: str, marker: str) -> Term | None:
    inner = _NUMBERED.sub("", inner.strip())
    named = defined_name(inner.removesuffix(":"))  # `**Def. (Entropy):** …`: the term it names
    inner = f"{named}{':' if inner.endswith(':') else ''}" if named else inner
    if not inner:
        return None
    line, newline, below = after.partition("\n")
    if _decoration_length(line) == len(line):  # `**Spot:** 🔥` then its bullets: the emoji is no back
        after = newline + below
    if inner.rstrip(":").strip() == "Q" and _ANSWER_BELOW.search(after):
        return None  # `**Q:** …` with `**A:** …` below it: a flashcard's sides, not a term "Q"
    if inner.rstrip().endswith((":", "\uff1a")):  # a full-width colon, as CJK input methods type it
        return Term(inner.rstrip()[:-1].strip(), after.strip(), separated=True)
    if (dashed_off := _DASH_ENDED.match(inner)) is not None and after.strip():
        return Term(dashed_off["name"], after.strip(), separated=True)
    head, colon, tail = inner.partition(": ")
    if colon and head.strip() and _closed(head):  # `**Offer (see Carlill: …)**` is one name
        # `**Amazon ECR: Registry.** Stores images.`: the bold runs on into the definition.
        rest = f"{marker}{tail.strip()}{marker}{after}".strip()
        return Term(head.strip(), rest, separated=True)
    dashed = _DASH.split(inner)
    if len(dashed) == 2 and not after.strip() and len(dashed[0].split()) <= _PLAIN_TERM_WORDS:
        # `**Pay as you go - pay only for what you use**`: the whole item in bold, a dash inside
        return Term(dashed[0].strip(), dashed[1].strip(), separated=True)
    following = after.lstrip(" \t").removeprefix("&nbsp;").lstrip(" \t\u00a0\u202f")  # `**S3**&nbsp;\u2013 …`
    if following.startswith("\n"):
        return Term(inner, following.strip(), separated=True)
    if following.startswith("::"):
        return None  # `**Rating**:: 4`: a Dataview field or a `Front::Back` flashcard, not a term
    separated = _separated(following) or _separated(following[_decoration_length(following) :])
    if separated is not None:  # `**AWS Shield** 🛡️: …`: an emoji before the separator, or as it (`➡️`)
        return Term(inner, separated[1], separated=True)
    if not following.strip():
        return Term(inner, "", separated=False)
    if _QUALIFIER.fullmatch(following.strip()):
        return Term(inner, following.strip(), separated=False)
    glossed = _GLOSS.match(following)
    if glossed is not None:  # `**TTL jitter** (recommended): spreads expiries` — the remark opens the back
        gloss, rest = glossed[0].strip(), following[glossed.end() :].lstrip(" \t")
        separated = _separated(rest)
        if separated is not None and _spells_out(inner, gloss):  # `**AAA** (Authentication, …): …`
            return Term(f"{inner} {gloss}", separated[1], separated=True)
        if separated is not None:
            separator, definition = separated
            joint = ":" if separator == ":" else ""
            return Term(inner, f"{gloss}{joint} {definition}".strip(), separated=True)
        if _PART_OF_SPEECH.search(gloss) and rest.strip():  # `**laconic** *(adj.)* using few words`
            return Term(inner, f"{gloss} {rest}".strip(), separated=True)
    return None


def _spells_out(name: str, gloss: str) -> bool:
    """Whether ``gloss`` is the brackets that expand ``name``, an acronym (``AAA`` and ``(Authentication,
    Authorization, Accounting)``, ``EC2`` and ``(Elastic Compute Cloud)``): part of the name, as it is
    written inside the bold, no remark on it."""
    acronym = _ACRONYM.fullmatch(name.strip())
    expanded = _EXPANSION.fullmatch(gloss.strip())
    if acronym is None or expanded is None:
        return False
    words = [word for word in re.split(r"[\s,/-]+", expanded["words"]) if word and word.lower() not in _SMALL]
    initials = "".join(word[0] for word in words).upper()
    return len(words) >= 2 and initials.startswith(re.sub(r"[^A-Z]", "", acronym[0]))


_ACRONYM = regex(r"[A-Z][A-Z0-9&]{1,7}")
_EXPANSION = regex(r"\((?P<words>[A-Za-z][A-Za-z ,/&-]{2,80})\)")
_SMALL = frozenset({"of", "and", "for", "the", "a", "an", "as", "in", "on", "to", "&"})
"""Words an acronym's letters skip (``Department of Defense``, ``DoD``)."""


_NEXT_TERM = regex(r"(?:<br\s*/?>\s*|;\s*|(?<=[.!?])\s+)(?=(?:\*\*|__)[^*_\s])", re.I)
"""Where a definition ends and another bold term starts on its line: a ``<br>``, a ``;``, or the end
of a sentence."""


def joined_terms(term: Term, attributes: Collection[str] = ()) -> list[Term]:
    """``**EC2**: servers<br>**Lambda**: functions`` (or ``; **Lambda**: …``, or ``. **Lambda**: …``):
    each bold term with its own definition, one card each, when every part after the first is such a
    term (not a label: ``. **Note:** …`` is the first one's, nor one of ``attributes``, the casefolded
    names that several lines of its list give their terms: ``; **SE**: …``); else ``term`` alone."""
    rest = term.rest
    if "**" not in rest and "__" not in rest:
        return [term]  # every next term opens with bold, and blanking code and links out adds none
    hidden = _hidden(rest)  # no boundary inside code or a link
    cuts = list(_NEXT_TERM.finditer(hidden))
    if not cuts:
        return [term]
    ends = [cut.start() for cut in cuts] + [len(rest)]
    found = [Term(term.front, rest[: ends[0]].strip(), separated=True)]
    for cut, end in zip(cuts, ends[1:], strict=True):
        joined = _bold_term(rest[cut.end() : end])
        if joined is None or not _defines(joined) or joined.front.casefold() in attributes:
            return [term]
        found.append(joined)
    return found


def _defines(term: Term) -> bool:
    """A term with a definition of its own, for a card: not a label, nor ``Answer:`` or ``Author:``."""
    return term.separated and bool(term.rest) and not term.is_label and term.front.lower() not in _NOT_NAMES


_FIELD_NAMES = frozenset(
    {"topic", "topics", "domain", "subdomain", "objective", "target", "current status", "exam", "exam code",
     "exam name", "level", "difficulty", "duration", "category", "subject", "module", "course", "lesson",
     "chapter", "section", "reference", "priority", "score", "weight", "time", "question type", "format",
     "total questions", "total marks", "time allowed"}
    | {"时间", "日期", "地点", "主题", "议题", "参会人员", "出席人员", "主持人", "记录人", "课程", "章节",
       "科目", "实验名称", "实验日期", "指导教师", "姓名", "学号", "班级", "作者"}
    | {"日時", "日付", "場所", "出席者", "参加者", "議題", "司会", "記録", "記録者", "科目", "講義", "担当",
       "氏名"}
)  # fmt: skip
"""Names of a note's fields (``**Topic:** Storage``, ``**Exam Code:** CLF-C02``; a meeting's or a lab
report's in Chinese and Japanese, ``**时间**`` or ``**場所**`` before a full-width colon): lines of bold
terms where one of them is such a name describe the note, and are no glossary."""


def is_field_name(front: str) -> bool:
    return front.lower() in _FIELD_NAMES


def names_a_note_field(name: str) -> bool:
    """Whether ``name`` is a field of the note itself, as a vault or a database page writes its
    properties (``Tags``, ``Subject``, ``Confidence``, ``Created``): nothing to learn."""
    return name.strip(" *_").casefold() in _NOTE_FIELDS


def only_tags(term: Term) -> bool:
    """Whether a term is a note's tags (``**Tags:** #habits #focus``, as a reading app's export files a
    highlight's): metadata, never a card."""
    return names_a_note_field(term.front) and _TAGS_ONLY.fullmatch(term.rest.strip(" *_")) is not None


_TAGS_ONLY = regex(rf"{HASHTAG}(?:[\s,]+{HASHTAG})*")


def names_a_metadata_key(name: str) -> bool:
    """Whether ``name`` is a note's field (``names_a_note_field``) or a key Dataview's users put a
    note's metadata under (``genre::``, ``year::``): words that also head a fact to learn (``Class:
    Mammalia``), so a field only where they stand beside a note's own fields or in a Dataview block."""
    return name.strip(" *_").casefold() in _METADATA_KEYS


def names_a_field(key: str) -> bool:
    """Whether a Dataview field's ``key`` is named as a note's metadata is (``status``, ``Author``), or
    as a program names things (``due_date``): Dataview's users write keys both ways."""
    return names_a_metadata_key(key) or is_key_like(key)


_PAGE_PROPERTIES = frozenset(
    {"confidence", "mastery", "created time", "last edited", "last edited time", "next review"}
    | {"reviewed on", "semester", "week", "progress"}
)
"""A database page's own properties, as Notion exports them under its title (``Confidence: 3``)."""
_DATAVIEW_KEYS = frozenset(
    {"type", "rating", "categories", "project", "area", "genre", "year", "due", "url", "kind", "next"}
    | {"prev", "previous", "published", "publisher", "language", "lecture", "class", "mood"}
)
"""Keys a note's metadata goes under as Dataview's users name them (``genre:: essay``), besides the
fields above."""
_NOTE_FIELDS = _ABOUT_THE_NOTE | _FIELD_NAMES | _PAGE_PROPERTIES
_METADATA_KEYS = _NOTE_FIELDS | _DATAVIEW_KEYS


def names_a_record_field(name: str) -> bool:
    """Whether ``name`` is a field of a record rather than a term (``Aim``, ``Pros``, ``Hotel``,
    ``Attendees``, ``Servings``): a write-up's, a plan's, a meeting's, a book's or a recipe's part."""
    return name.lower() in _FIELD_NAMES | _CASE_FIELDS | _MINUTES_FIELDS | _BOOK_FIELDS | _RECORD_PARTS


def keys_a_record(name: str) -> bool:
    """Whether a label keys a record by who, when or which copy (``Name: Ann Lee``, ``Version: 2.1``,
    ``Interviewer: …``, ``Date: …``), or is a note's or a record's field (``Author``, ``Attendees``):
    a form's, a changelog's or a transcript's, naming no thing to learn."""
    plain = name.strip(" *_").casefold()
    return plain in _RECORD_KEYS or names_a_note_field(plain) or names_a_record_field(plain)


_RECORD_KEYS = frozenset(
    {"name", "full name", "id", "version", "release", "entry", "day", "session", "speaker", "host", "guest"}
    | {"interviewer", "interviewee", "candidate", "patient", "client", "customer", "student", "user"}
    | {"q", "a", "question", "answer", "dates", "serves"}
)
"""Labels that key a record by a person, a version or a question (``Patient:``, ``Release:``), or
give a CV's or a recipe's details (``Dates:``, ``Serves:``)."""
_RECORD_PARTS = frozenset(
    {"hypothesis", "method", "methods", "materials", "apparatus", "procedure", "discussion", "summary"}
    | {"pros", "cons", "verdict", "advantages", "disadvantages", "flight", "hotel", "bus", "train"}
    | {"servings", "prep time", "cook time", "total time", "ingredients", "location", "when", "where"}
)


def about_the_notes(paragraph: str) -> bool:
    """Lines each naming a field of the note itself (``Type: #service``, ``Source: …``, ``Related:
    [[…]]``, ``Status: …``), one at least of those no term or label has, or lines that keep a record
    (``keeps_a_record``): nothing to learn from."""
    fields = _named_lines(paragraph)
    if fields is None:
        return False
    names = [name for name, _ in fields]
    return _keeps_a_record(fields) or (
        all(name in _ABOUT_THE_NOTE or name in _FIELD_NAMES or name == "type" for name in names)
        and any(name in _ABOUT_THE_NOTE for name in names)
    )


def keeps_a_record(lines: str) -> bool:
    """Lines that keep a record, not facts to learn: a meeting's minutes (``Attendees: Ana, Ben`` and
    ``Next meeting: …``), a book's catalogue details (``Publisher: Sybex``, ``Pages: 336``), a
    syllabus's teachers and grading, a recipe's amounts (``Sugar: 1 tbsp``). Lines that define such
    names (``Attendees: the people present``) are a glossary's."""
    fields = _named_lines(lines)
    return fields is not None and _keeps_a_record(fields)


def _named_lines(lines: str) -> list[tuple[str, str]] | None:
    """Each line's name (lower case, emphasis dropped) and value, when every line is ``Name: value``."""
    fields = [
        (_EMPHASISED.sub(r"\g<inner>", key).strip(" *_").lower(), value.strip(" *_"))
        for key, value in map(_name_and_value, lines.split("\n"))
        if value.strip(" *_")
    ]
    return fields if len(fields) == lines.count("\n") + 1 else None


def _name_and_value(line: str) -> tuple[str, str]:
    """``Sugar: 1 tbsp`` or ``Olive oil \u2013 2 tbsp``: a line's name and its value (none without either)."""
    name, colon, value = line.partition(":")
    if colon:
        return name, value
    dashed = _DASH.search(line)
    return (line[: dashed.start()], line[dashed.end() :]) if dashed else (line, "")


_MINUTES_FIELDS = frozenset(
    {"attendees", "attendance", "present", "absent", "apologies", "note taker", "facilitator", "next meeting"}
    | {"action items", "agenda"}
)
"""Names a meeting's record gives (``Attendees: Ana, Ben``, ``Next meeting: 9 March``): two of them
make one (a glossary may define one, as a grammar's ``Present:`` is a tense, never with ``Absent:``)."""
_BOOK_FIELDS = frozenset(
    {"title", "author", "authors", "publisher", "pages", "isbn", "edition", "year", "published", "editor"}
    | {"series", "translator", "genre", "rating", "read", "finished"}
)
"""The fields of a book's record in a reading list (``Title: …``, ``Publisher: Sybex``, ``Pages: 336``)."""
_CATALOGUED = frozenset({"publisher", "pages", "isbn", "edition"})
"""What only a book's record gives: a literature course's ``Title:`` and ``Genre:`` of a set text are
facts to learn."""
_TEACHERS = frozenset({"instructor", "lecturer", "professor", "teacher", "tutor", "ta", "teaching assistant"})
_CLASS_ONLY = frozenset(
    {"room", "venue", "schedule", "textbook", "textbooks", "credits", "prerequisites", "lectures"}
    | {"seminars", "course code", "module code"}
)
"""Where a class meets, when, and what to bring: a syllabus's details."""
_CLASS_DETAILS = _CLASS_ONLY | {"time", "times", "location"}
_REACHED = regex(r"\S@\S|\d")
"""What says how to reach a teacher: an address, or the hours and room of an ``Office hours:`` line."""
_GRADED = frozenset(
    {"midterm", "final", "final exam", "exam", "exams", "homework", "assignments", "quizzes", "labs"}
    | {"project", "participation", "attendance", "coursework", "essay", "presentation"}
)
"""What a course's grade is made of (``Midterm: 30%``)."""
_KITCHEN_AMOUNT = regex(
    r"(?i)(?:\d+(?:[.,/]\d+)?|[\u00bc-\u00be])\s*(?:tbsp|tsp|pinch(?:es)?|cloves?|bunch|bags?)\b"
)
"""An amount in a kitchen's measure (``1 tbsp``, ``a pinch``, ``1 bag``); grams, cups and ounces
weigh and measure elsewhere too."""
_DOSED = regex(r"(?i)\b(?:mg|mcg|every|daily|hourly|hours?|times|per\s+day)\b|/\s*day\b")
"""A dose's words: a teaspoon every six hours is medicine, not a recipe."""
_AMOUNT = regex(r"[\d\u00bc-\u00be]")
_PERCENT = regex(r"\d+(?:\.\d+)?\s*%")
_DEFINES = regex(r"(?i)(?:the|an?|one|someone|something|people|person|those)\b")


CHANGE_KINDS = frozenset({"added", "changed", "deprecated", "removed", "fixed", "security"})
"""The kinds of a release's changes, as Keep a Changelog names them."""
_ACTIONS = frozenset({"decision", "decisions", "owner", "deadline", "due", "assignee", "status", "blockers"})
_ACCOUNTABLE = frozenset({"owner", "deadline", "due", "assignee"})
"""A project's record of what was decided, who does it and by when (``Decision: …``, ``Owner: Priya``)."""


def _keeps_a_record(fields: Sequence[tuple[str, str]]) -> bool:
    names = {name for name, _ in fields}
    values = [value for _, value in fields]
    if len(names) >= 2 and names <= CHANGE_KINDS | {"breaking", "improved"}:
        return True  # a release's changes: `**Fixed:** the importer …`
    if _describes_a_class(names) or _describes_a_case(names):  # `Lecturer: Dr Okafor`, `Age: 58`
        return True
    if any(map(_DEFINES.match, values)):  # `Attendees: the people present` defines
        return False
    said = dict(fields)
    amounts = sum(bool(_AMOUNT.match(value)) for value in values)
    reached = any(_REACHED.search(said[name]) for name in names & {"email", "e-mail", "office hours"})
    recipe = amounts >= max(2, len(values) - 1) and any(map(_KITCHEN_AMOUNT.match, values))
    return (
        (
            len(names & _MINUTES_FIELDS) >= 2
            and any(_PEOPLE.fullmatch(said[name]) for name in names & _WHO_CAME)
        )
        or (
            bool(names & _CATALOGUED)
            and len(names & _BOOK_FIELDS) >= 2
            and names <= _BOOK_FIELDS | _ABOUT_THE_NOTE
        )
        or (bool(names & _TEACHERS) and reached)
        or (len(names & _ACTIONS) >= 2 and bool(names & _ACCOUNTABLE))
        or (len(names & _GRADED) >= 2 and all(map(_PERCENT.fullmatch, values)))
        or _describes_an_exam(fields)
        or (len(names) >= 2 and all(map(_STEP.fullmatch, names)))  # `Step 1: Create a branch`, in turn
        or (  # a dose's words looked for only in a recipe's amounts (few lists give any)
            recipe
            and not names & _MEASURES
            and not any(map(_DOSED.search, values))
            and all(len(value.split()) <= _AMOUNT_WORDS for value in values)
        )
        or (
            len(fields) >= 2  # `subject_primary: Cardio`, `high_yield_score: 3/5`: a data file's fields
            and all(_DATA_KEY.fullmatch(name) for name in names)
            and sum("_" in name for name in names) * 2 >= len(names)
            and all(len(value.split()) <= _AMOUNT_WORDS for value in values)
        )
    )


_CASE_FIELDS = frozenset(
    {"age", "sex", "gender", "presenting complaint", "complaint", "history", "vitals", "bp", "hr"}
    | {"examination", "diagnosis", "differential", "plan", "management", "outcome", "allergies"}
    | {"medications", "partner", "date", "aim", "result", "results", "conclusion", "observations"}
)
"""The fields of one case's or one experiment's write-up (``Age: 58``, ``Diagnosis: …``, ``Result: 24.35
mL``): what happened once, not what a name means."""
_WHO_AND_WHEN = frozenset({"age", "sex", "gender", "partner", "date"})
"""The fields that only a record gives: a glossary defines ``Diagnosis`` or ``Result``, never ``Age``."""
_STEP = regex(r"step\s*\d+[a-z]?")
"""A procedure's step by its number (``Step 2``); a process's ``Phase 2: **Mobilize**`` names a stage to
learn."""


def _describes_a_case(names: set[str]) -> bool:
    """Three fields or more of one case's or experiment's record, one of them who or when."""
    return len(names) >= 3 and names <= _CASE_FIELDS | _ABOUT_THE_NOTE and bool(names & _WHO_AND_WHEN)


def _describes_a_class(names: set[str]) -> bool:
    """Where and when a class meets and what to bring, maybe with its teacher's name: two such lines at
    least, and nothing else (an event's ``Time:`` and ``Location:`` alone are facts to learn)."""
    known = names & (_TEACHERS | _CLASS_DETAILS)
    return (
        bool(names & (_TEACHERS | _CLASS_ONLY))
        and bool(names & _CLASS_DETAILS)
        and len(known) >= 2
        and known == names
    )


def _describes_an_exam(fields: Sequence[tuple[str, str]]) -> bool:
    """A practice exam's own details, not facts to learn: how many questions each topic has
    (``Compute Engine: 18 questions``), or what a score means to the reader (``45-50 correct: Excellent!
    You're ready``). The real exam's rules (``Passing score: 700``) are facts to learn, and so are a
    clinical score's bands (``0-4 points: Minimal``) and a test's conversions (``39-40 correct: Band 9``)."""
    if len(fields) < 2:
        return False
    counted = all(_QUESTION_COUNT.fullmatch(value) for _, value in fields)
    bands = [value for name, value in fields if _SCORE_BAND.fullmatch(name)]
    return counted or (len(bands) >= 2 and all(map(_ADVICE.search, bands)))


_QUESTION_COUNT = regex(r"(?i)\d+\s+questions?\b.*")
_ADVICE = regex(r"(?i)!|\byou(?:'re|r)?\b|\b(?:study|review|ready|pass(?:ing)?)\b")
"""What a practice exam tells its reader about a score: ``Excellent!``, ``You're ready``, ``Review missed
topics``, ``Need more study``."""
_SCORE_BAND = regex(
    r"(?i)(?:\d+\s*[-\u2013]\s*\d+|below\s+\d+|under\s+\d+|\d+\s*\+)\s*"
    r"(?:(?:correct|right|points?)(?:\s*\([^)]*\))?|\([^)]*%[^)]*\))"
)
"""A score's band as a practice exam rates it: ``45-50 correct``, ``40+ correct (80%)``, ``Below 30 (<
60%)``; ``2-12 years`` is a dose's age, no score."""


_DATA_KEY = regex(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
"""A field's key as data files write it, in snake case: ``question_type``, ``score``."""


_WHO_CAME = frozenset({"attendees", "attendance", "present", "absent", "apologies"})
_PEOPLE = regex(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?(?:\s*(?:,|&|\band\b)\s*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?)*")
"""Who came, as minutes list them: ``Ana, Ben and Chidi``, ``AB, CD`` (a definition is no list of names)."""
_MEASURES = frozenset({"tablespoon", "teaspoon", "cup", "pint", "quart", "gallon", "ounce", "pound"})
"""Names of measures: ``Tablespoon: 3 tsp`` converts units, it keeps no recipe."""
_AMOUNT_WORDS = 4
"""A recipe's line is an amount and a few words (``100 g rolled oats``), not a sentence."""


@lru_cache(maxsize=1024)  # a glossary's rules ask of each of its lines in turn (20,125 calls, 5,069 lines)
def line_term(line: str) -> Term | None:
    """A bold term that opens a line of a paragraph (``**S3**: Object storage.``), with its definition
    on that line, as a card's: not a label, nor ``**Answer:**`` or ``**Author:**``."""
    term = _bold_term(undecorated(line.strip().rstrip("\\").rstrip()))
    return term if term is not None and _defines(term) else None


_RUN_IN = regex(r"(?P<marker>\*\*|__)(?P<name>[^*_\n]{1,60}?)\.?(?P=marker)[ \t]+(?P<rest>\S[^\n]*)")
_RUN_IN_WORDS = 3
_RUN_IN_HEADS = frozenset(
    {
        "theorem",
        "lemma",
        "proof",
        "corollary",
        "proposition",
        "remark",
        "claim",
        "axiom",
        "exercise",
        "problem",
    }
)
"""What a book's bold run-in heads that are no terms (``**Proof.** Let …``)."""


_DEFINED = regex(
    r"(?i:def(?:inition)?\.?|(?P<result>theorem|lemma|proposition|corollary|principle|axiom))"
    r"(?:[ \t]+\d+(?:\.\d+)*)?[ \t]*\((?P<name>[^()\n]{1,60})\)"
)
"""A lecture's numbered definition naming its term, or a result naming itself: ``Definition 2.1
(Group)``, ``Def. (Entropy)``, ``Theorem 3.2 (Spectral theorem)``, ``Lemma 4 (Zorn)``."""
_DEFINED_RUN_IN = regex(
    r"(?P<marker>\*\*|__)(?P<head>[^*_\n]{1,80}?)[ \t]*(?P<stop>[.:])?(?P=marker)[ \t]*(?(stop)|[.:])"
    r"[ \t]+(?P<rest>\S[\s\S]*)"
)


_HOW_DEFINED = frozenset(
    {"informal", "formal", "intuitive", "intuition", "rigorous", "general", "simplified", "alternative"}
    | {"recap", "revisited", "continued", "cont.", "cont'd", "draft", "sketch", "optional"}
)
"""What the brackets after ``Definition`` say of the definition rather than name: ``(informal)``."""


def defined_name(head: str) -> str | None:
    """The term a lecture's definition names in brackets (``Definition 2.1 (Group)`` → ``Group``; not
    ``Definition (informal)``), or the result a theorem's brackets name, with what it is unless the
    name says so (``Theorem 2.3 (Lagrange)`` → ``Lagrange theorem``, ``Spectral theorem`` as it is)."""
    found = _DEFINED.fullmatch(head.strip())
    name = found["name"].strip() if found else ""
    if not name or name.casefold() in _HOW_DEFINED:
        return None
    result = (found["result"] or "").lower() if found else ""
    if result and (not name[0].isupper() or not any(map(str.isalpha, name)) or "[" in name):
        return None  # `Theorem 5.2 (without proof)`, `(see [5])`, `(1905)`: no name
    return f"{name} {result}" if result and result not in name.lower() else name


def defined_term(text: str) -> Term | None:
    """A paragraph opening with a lecture's definition in bold, its term in brackets, the definition
    after it: ``**Definition 2.1 (Group).** A group is …`` (``**Def. (Entropy):** …``), or the term
    in italics in it, as lecture notes set it (``**Definition.** A *group* is a set …``); or a
    textbook's sentence defining its bold term (``A **producer** is an organism that …``)."""
    written = _name_into_head(undecorated(text.strip()))
    found = _DEFINED_RUN_IN.fullmatch(written)
    if found is None:
        return _textbook_definition(written)
    name = defined_name(found["head"])
    rest = found["rest"].strip()
    if name is None and _DEFINITION_HEAD.fullmatch(found["head"].strip()):
        italic = _ITALIC_TERM.search(rest)
        name = italic["name"].strip() if italic and len(italic["name"].split()) <= _PLAIN_TERM_WORDS else None
    return Term(name, rest, separated=True) if name else None


def _name_into_head(written: str) -> str:
    """A definition's or result's run-in head whose name in brackets stands after the bold
    (``**Definition 4.1** (Variance). The …``, as converters of PDFs and nougat set it, also with
    ``.:``) written as the head naming it (``**Definition 4.1 (Variance).** The …``)."""
    return _NAME_AFTER_HEAD.sub(r"\g<marker>\g<head> (\g<name>).\g<marker> ", written, count=1)


_NAME_AFTER_HEAD = regex(
    r"^(?P<marker>\*\*|__)(?P<head>(?i:def(?:inition)?|theorem|lemma|proposition|corollary|principle|axiom)"
    r"(?:[ \t]+\d+(?:\.\d+)*)?)(?P=marker)[ \t]+\((?P<name>[^()\n]{1,60})\)[ \t]*[.:]{1,2}[ \t]+"
)
_DEFINITION_HEAD = regex(r"(?i)def(?:inition)?(?:[ \t]+\d+(?:\.\d+)*)?")
"""A definition's run-in head with no name: ``Definition``, ``Definition 3.1``, ``Def``."""
_ITALIC_TERM = regex(r"(?<![*\w])[*_](?P<name>[^*_\n]+?)[*_](?![*\w])")
"""The term in italics that a definition's sentence defines (``A *group* is …``)."""
_TEXTBOOK_DEFINITION = regex(
    r"(?i:an?)\s+(\*\*|__)(?P<name>[^*_\n]{1,60}?)\1\s+is\s+(?P<rest>(?i:an?|one)\s.+)", re.S
)


def _textbook_definition(sentence: str) -> Term | None:
    """``A **producer** is an organism that …``: the bold term, and what it is. With ``The``, a sentence
    tells of one thing in its context (``The **principal** is the account …``), defining no term."""
    found = _TEXTBOOK_DEFINITION.fullmatch(sentence)
    if found is None or len(found["name"].split()) > _PLAIN_TERM_WORDS:
        return None
    rest = found["rest"].strip()
    return Term(found["name"].strip(), rest[:1].upper() + rest[1:], separated=True)


def answered_on_its_line(line: str, *, code: bool = True) -> Term | None:
    """A question whose answer follows it on its line, set as code (``Which feature tracks sign-ups?``,
    then ``Funnels`` in backticks, as quizzes hide answers; only with ``code``) or in bold (``What is
    the capital of Peru? **Lima**``, as quiz sheets mark them): a value or a name, not a sentence, and
    no answer to a question about what it points at (``What does this print?``); text of several lines
    is none."""
    if "\n" in line.strip():
        return None
    coded = _ANSWER_IN_CODE.fullmatch(line.strip()) if code else None
    if coded and not _POINTS_AT.search(coded["front"]) and _CODED_VALUE.fullmatch(coded["back"]):
        return Term(coded["front"], coded["back"], separated=True)
    bolded = _ANSWER_IN_BOLD.fullmatch(line.strip())
    short = bolded is not None and len(bolded["back"].split()) <= _BOLD_ANSWER_WORDS
    if bolded and short and not _POINTS_AT.search(bolded["front"]):
        return Term(bolded["front"], bolded["back"].strip(), separated=True)
    return None


def answered_in_italics(text: str) -> Term | None:
    """A question's line over its answer's, in italics and nothing else (``What year did the Wall
    fall?`` then ``*1989*``), as review sheets set answers apart."""
    lines = text.strip().split("\n")
    if len(lines) != 2 or not lines[0].rstrip(" \\").endswith(("?", "\uff1f")):
        return None
    answer = _EMPHASISED.fullmatch(lines[1].strip())  # `*1989*`, `_Jane Austen_`, not in bold
    return Term(lines[0].rstrip(" \\"), answer["inner"].strip(), separated=True) if answer else None


def run_in_term(line: str) -> Term | None:
    """A bold name run into its definition after a full stop, or after nothing (``**Elasticity.** The
    ability to …``), as books set a glossary. A term only under a glossary's title: elsewhere a bold
    run-in opens a step, a point of minutes or a tip as often; a label, a numbered step or a book's
    ``**Proof.**`` never is one, nor is a question. The definition starts a sentence of its own."""
    found = _RUN_IN.fullmatch(undecorated(line.strip()))
    if found is None:
        return None
    name, rest = found["name"].strip(), found["rest"].strip()
    if not name or len(name.split()) > _PLAIN_TERM_WORDS or is_label(name) or name[-1].isdigit():
        return None
    if name.lower() in _RUN_IN_HEADS or name.lower() in _NOT_NAMES or name[0].isdigit() or len(name) < 2:
        return None
    opens = rest[0].isupper() or _LOWER_ARTICLE.match(rest) is not None  # `**cohort** a category of …`
    if name.endswith(("?", ":", ".")) or len(rest.split()) < _RUN_IN_WORDS or not opens:
        return None  # not `**Amazon S3** is …` (`defining_sentence`), nor `**Speed** (iterate fast)`
    return Term(name, rest[:1].upper() + rest[1:], separated=True)


_LOWER_ARTICLE = regex(r"(?:an?|the)\s")
"""How a glossary's definition may open in lower case, as textbooks' key terms do."""


@lru_cache(maxsize=1024)  # asked of a run of lines again as each rule tries it (7,579 calls, 1,784 lines)
def aside_line(line: str) -> Term | None:
    """A line opening with an aside's label, in bold or plain, over what it says (``**Remember:** SQS
    keeps …``, ``Note: …``): a remark on the term above it among terms' lines, no term of its own."""
    text = undecorated(line.strip())
    term = _bold_term(text) or plain_label(text)
    if term is None or not is_aside(term.front) or glosses_a_statement_label(term) or not term.rest.strip():
        return None
    return term


def plain_label(line: str) -> Term | None:
    """A line opening with a plain label over what it says (``Class: Loop diuretic``)."""
    plain = _PLAIN_LABEL.fullmatch(undecorated(line.strip()))
    return None if plain is None else Term(plain["name"].strip(), plain["rest"].strip(), True)


REFERS_BACK = regex(r"(?i)\b(?:it|its|it's|they|their|them)\b")
"""Words that speak of what was named just before: an aside's of the term or question above it."""
_PLAIN_LABEL = regex(r"(?P<name>[^\W\d_][\w '-]{0,20}?)[ \t]*:[ \t]+(?P<rest>\S.*)")
"""A plain label and what follows it: ``Note: EBS lives in one zone.``"""


def _bold_term(text: str) -> Term | None:
    """The term of Markdown source that opens with bold (``**S3**: …``), if it is one."""
    marker = text[:2]
    close = text.find(marker, 2) if marker in _BOLD_MARKERS else -1
    return _term(text[2:close], text[close + 2 :], marker) if close > 2 else None


def _separated(text: str) -> tuple[str, str] | None:
    """The separator ``text`` opens with (``:``, ``—``, ``→`` …) and the definition after it."""
    found = _OPENING_SEPARATOR.match(text)  # the first of `_SEPARATORS` it opens with, as tried in turn
    return None if found is None else (found[0], text[found.end() :].strip())


_OPENING_SEPARATOR = regex("|".join(map(re.escape, _SEPARATORS)))
"""``_SEPARATORS`` in their order: an alternation takes the first that matches, as a loop over them did."""


def announces(paragraph: Node) -> bool:
    """A paragraph ending in a colon (``Use cases:``, ``**Explanation:**``, a full-width one too): the
    block below is its."""
    if paragraph.type != "paragraph":
        return False  # code, a list: it announces nothing
    return paragraph.children[0].content.replace("*", "").replace("_", "").rstrip().endswith((":", "\uff1a"))


def definition_list(lines: Sequence[str]) -> list[tuple[int, Term]]:
    """A paragraph written as a definition list (PHP Markdown Extra, Pandoc, MkDocs' ``def_list``): a
    term's line (or the lines of several names for one thing), then each of its definitions on a line
    opening with ``:`` (or ``~``), maybe for several terms. Each term with the index of its line and its
    definitions as paragraphs; none unless every line is one of those."""
    if not any(line[:1] in (":", "~") for line in lines[1:]):
        return []  # no definition's line: most paragraphs, asked of each
    found: list[tuple[int, str, list[str]]] = []
    for index, line in enumerate(lines):
        definition = _DEFINITION.match(line)
        defines_next = index + 1 < len(lines) and _DEFINITION.match(lines[index + 1]) is not None
        if definition is not None and found:
            found[-1][2].append(definition["text"].rstrip(" \\"))
        elif found and not found[-1][2] and definition is None and _another_name(found[-1][1], line):
            found[-1] = (found[-1][0], f"{found[-1][1]} / {line.strip()}", [])  # `Apple`, `Pomme`: one fruit
        elif definition is not None or (found and not found[-1][2]):
            return []  # a definition without its term, or a term without one
        elif found and not defines_next and _in_display_math(found[-1][2][-1]):
            found[-1][2][-1] += "\n" + line.strip()  # a formula's rows: its `\\` and line breaks kept
        elif found and not defines_next:  # `Buckets are regional.` goes on with the definition above
            found[-1][2][-1] += " " + line.strip().rstrip(" \\")
        else:
            found.append((index, line.strip().rstrip(" \\"), []))
    if not found or not found[-1][2] or any(not front or front[-1] in ".,;:" for _, front, _ in found):
        return []  # a sentence (`… as follows.`) names nothing, nor a line break alone (`\`)
    return [(index, Term(_unbolded(front), "\n\n".join(said), True)) for index, front, said in found]


def goes_on_defining(indented: str) -> bool:
    """Whether an indented block's text (dedented) reads as a definition's further paragraphs, which
    Pandoc and PHP Markdown Extra indent under it: sentences at the margin, with none of code's signs.
    An author whose tool has no definition lists indents code there (``class Point:``, ``ls -la``)."""
    lines = [line for line in indented.strip().split("\n") if line.strip()]
    prose = all(line[0].isalpha() or line[0] in "\"'*_([" for line in lines)
    return (
        bool(lines) and prose and indented.rstrip()[-1:] in _PROSE_ENDS and not _CODE_SIGNS.search(indented)
    )


_PROSE_ENDS = frozenset(".!?)\"'*")
_CODE_SIGNS = regex(r"[={}<>\\]|;[ \t]*$|^[ \t]|\(\)|:[ \t]*$", re.M)
"""What prose rarely holds and code often does: assignments, braces, a call, a line ending in ``:`` or
``;`` (prose's semicolon parts two clauses mid-line: ``Free morphemes stand alone; bound …``)."""


def defines(text: str) -> bool:
    """Whether a paragraph is a definition list, or a loose list's definition (``: Object storage``
    under its term, a blank line between): an indented block right below it is more of its last
    definition, as Pandoc, PHP Markdown Extra and MkDocs' ``def_list`` read it, not the code
    CommonMark reads."""
    lines = text.split("\n")
    return _DEFINITION.match(lines[0]) is not None or bool(definition_list(lines))


def _another_name(names: str, line: str) -> bool:
    """Whether ``line`` names again what ``names`` (a term's line, maybe names joined) name: a few
    words, neither ending as a sentence's do, three names at most."""
    short = len(line.split()) <= _SENTENCE_NAME_WORDS and names.count(" / ") < _NAMES_OF_ONE - 1
    return short and not any(text.rstrip()[-1:] in ".,;:" for text in (names, line))


_NAMES_OF_ONE = 3
"""At most this many names over one definition (``Apple``, ``Pomme``, ``Manzana``)."""


def _in_display_math(text: str) -> bool:
    r"""Whether ``text`` ends inside a display formula it opened (``$$`` or ``\[``)."""
    return text.count("$$") % 2 == 1 or text.count("\\[") > text.count("\\]")


def _unbolded(front: str) -> str:
    bold = BOLD_TEXT.fullmatch(front)
    return bold["inner"].strip() if bold else _EMPHASISED.sub(r"\g<inner>", front)


def defining_sentence(line: str) -> Term | None:
    """A sentence that opens with a bold name and defines it (``**Amazon S3** is an object store.``):
    the name, and what it is as the back (``An object store.``)."""
    found = _DEFINING_SENTENCE.match(line)
    if found is None or len(found["name"].split()) > _SENTENCE_NAME_WORDS:
        return None
    rest = found["rest"]
    return Term(found["name"].strip(), rest[:1].upper() + rest[1:], separated=True)


def plain_defining_sentence(line: str) -> Term | None:
    """``defining_sentence`` without the bold: what a list of such sentences alone reads as terms
    (``Osmosis is the diffusion of water …``); the back says what the name is (``The diffusion …``)."""
    found = _PLAIN_DEFINING_SENTENCE.match(line)
    if found is None or any(char.isdigit() for char in found["name"]) or _SAYS_MORE.search(found["rest"]):
        return None  # `Section 2 refers to …`, `Alice is the president and Bob is …`, `How is … formed?`
    rest = found["rest"]
    return Term(found["name"].strip(), rest[:1].upper() + rest[1:], separated=True)


def opening_definition(
    paragraph: str, *, among_definitions: bool = False, with_article: bool = False
) -> Term | None:
    """A paragraph that opens by defining a name set in bold, as textbooks write them (``The **spacing
    effect** is the tendency …``, ``A **decomposer** (detritivore) is an organism …``): the name, and
    what its first sentence says it is (the paragraph's other sentences stay notes). Not where that
    sentence sets more words in bold (``The **principal** is the **AWS account number** …``), as
    transcripts of a walk-through stress them: a step of it, no definition. ``among_definitions`` (lines
    or paragraphs beside such a definition), what it is may open with any word (``The **primacy
    effect** is better recall …``, ``**NPP** is GPP minus …``). ``with_article``, only what it is with
    an article (``is a …``, ``is the …``): a definition sure enough for those beside it to lean on, where
    a bare noun's may be an adjective's (``**Hamlet** is full of …``)."""
    found = (_OPENING_DEFINITION_AMONG if among_definitions else _OPENING_DEFINITION).match(paragraph)
    if found is None or len(found["name"].split()) > _SENTENCE_NAME_WORDS or found[1] in found["rest"]:
        return None
    if with_article and not DETERMINER.match(found["rest"]):
        return None
    if among_definitions and is_label(found["name"]):
        return None  # `The **key point** is …`: what the text says, no name it defines
    rest = " ".join(found["rest"].split())
    return Term(found["name"].strip(), rest[:1].upper() + rest[1:], separated=True)


def opening_definitions(paragraph: str) -> list[Term]:
    """The names a paragraph's sentences define one after another from its first, which defines one
    as ``opening_definition`` reads it (``A **market** is … **Demand** is the quantity …``, as a lecture
    runs its definitions together): a term each. The sentences after them stay notes."""
    first = opening_definition(paragraph)
    if first is None:
        return []
    found, at = [first], _OPENING_DEFINITION.match(paragraph)
    end = at.end() if at is not None else len(paragraph)
    while (rest := paragraph[end:].lstrip()) and (term := opening_definition(rest, among_definitions=True)):
        found.append(term)
        matched = _OPENING_DEFINITION_AMONG.match(rest)
        end = len(paragraph) - len(rest) + (matched.end() if matched is not None else len(rest))
    return found


def _hidden(text: str) -> str:
    """``text`` with its code spans, links (``[Q1: Basics](#q1)``, ``[[page|alias]]``) and formulas
    (``$F = ma$``) blanked out, the same length: no separator is in them. A link's text ends at the first
    ``]`` after its ``[`` (or ``[[``), its target at the first ``)`` after that, both on its line. Each
    end is looked for once for all the ``[`` before it, not again from every one: a line of thousands
    of ``[`` never closed takes time in proportion to its length, not to its square."""
    parts: list[str] = []
    kept = at = 0
    bracket = paren = -1  # the first `]` (or line end) after the last `[` looked at, the first `)` after `](`
    while (found := _SPAN_OR_BRACKET.search(text, at)) is not None:
        start, end = found.span()
        if found[0] == "[":
            if bracket <= start:
                bracket = first_at(_BRACKET_END, text, end)
            if paren < bracket + 2 and text.startswith("](", bracket):
                paren = first_at(_PAREN_END, text, bracket + 2)
            if text.startswith("[[", start) and text.startswith("]]", bracket):
                end = bracket + 2
            elif text.startswith("](", bracket) and text.startswith(")", paren):
                end = paren + 1
            else:  # no link opens here
                at = start + 1
                continue
        parts += [text[kept:start], "x" * (end - start)]
        kept = at = end
    return "".join(parts) + text[kept:]


def _closed(text: str) -> bool:
    """Whether every bracket opened in ``text`` is closed: a separator inside brackets parts nothing
    (``Time complexity (worst case: reversed input): O(n²)``, ``What is osmosis? (Answer: p. 42)``)."""
    return text.count("(") + text.count("\uff08") <= text.count(")") + text.count("\uff09")


def _separators(text: str, separators: Literal["any", "no colon", "arrows"]) -> Iterator[re.Match[str]]:
    """``_SEPARATORS_OF[separators].finditer(text)``, tried only at or just before a character of
    ``_SEPARATOR_HINTS``: the patterns open with lookbehinds, which keep ``re`` from skipping ahead by
    itself, and tried at every character they took most of a long line's reading."""
    pattern, hint = _SEPARATORS_OF[separators], _SEPARATOR_HINTS[separators]
    at = 0  # where the next match may start: where the last one ended, as `finditer` goes on
    while (mark := hint.search(text, at)) is not None:
        # every match has a hint at its start or next to it; a lookbehind still reads before `start - 1`
        start = mark.start()
        found = (pattern.match(text, start - 1) if start > at else None) or pattern.match(text, start)
        if found is None:
            at = start + 1
            continue
        yield found
        at = found.end()


def _outside_brackets(text: str, found: Iterable[re.Match[str]]) -> list[re.Match[str]]:
    """The matches ``found`` in ``text`` before which every bracket opened is closed (``_closed``),
    counted as the text goes: counted again from its start for each, a line of thousands of separators
    took the square of its length."""
    kept, opened, at = [], 0, 0
    for match in found:
        before = text[at : match.start()]
        opened += before.count("(") + before.count("\uff08") - before.count(")") - before.count("\uff09")
        at = match.start()
        if opened <= 0:
            kept.append(match)
    return kept


_BARE_ENDING = regex("(?<=, )-(?= [\u2013\u2014-] )")
"""A hyphen after a comma, then a dash: a noun's plural with no ending (``das M\u00e4dchen, - \u2013
girl``), one of the word's forms, parting nothing."""


def plain_term(
    line: str, *, separators: Literal["any", "no colon", "arrows"] = "any", sentence_names: bool = False
) -> Term | None:
    """``EC2 → Virtual servers``, ``S3 = Object storage``, ``AMI: Amazon Machine Image``, without
    bold: a short name, one separator (of ``separators``), what it is. A chain of arrows is a
    flow, and a longer left side a sentence: neither is a term. A separator inside code (``-r`` may
    be the name) separates nothing. A question whose answer follows it set as code (``Which
    feature tracks sign-ups?``, then ``Funnels`` in backticks, as quizzes hide answers) or in bold
    (``What is the capital of Peru? **Lima**``, as quiz sheets mark them) is a card too.
    With ``sentence_names`` (lines beside names written as such), a few words in sentence case may name
    a thing before a hyphen: ``Duty of care - A legal duty …``."""
    term = _read_plain_term(line, separators, sentence_names)
    return None if term is None else announced_term(term)


@lru_cache(maxsize=1024)  # a file's lines are asked of again within its reading: 512 kept all the repeats
def _read_plain_term(
    line: str, separators: Literal["any", "no colon", "arrows"], sentence_names: bool
) -> Term | None:
    """``plain_term``'s reading, kept for the lines read last: the rules ask of the same line again and
    again, in turn (a paragraph's lines as a glossary's, as arrows, as names in sentence case)."""
    if "://" in line and "://" in CODE_SPAN.sub("", line):  # not `aws s3 mb s3://bucket`: a command's
        return _linked_term(line, separators, sentence_names=sentence_names)
    answered = answered_on_its_line(line, code=separators == "any") if separators != "arrows" else None
    if answered is not None:
        return answered
    if (held := _case_holding(line)) is not None:
        return held
    line = line.rstrip(" \\")
    hidden = _hidden(line) if _MAY_HIDE.search(line) else line
    hidden = _BARE_ENDING.sub("\u2010", hidden) if ", - " in hidden else hidden  # same length: cuts align
    cuts = _outside_brackets(hidden, _separators(hidden, separators))
    fields = len(cuts) > 1 and _fields(hidden, cuts)  # `一 — one — いち (ichi)`, `Marshall Plan - 1947 - …`
    if not cuts:
        return None
    # `Metformin: biguanide. SE: lactic acidosis`, `Inflation - a rise in prices = …`: the first colon
    # (or a dash no later separator repeats) names, the rest say
    if len(cuts) > 1 and _condition_then_result(hidden, cuts):
        cuts = cuts[-1:]  # `Δ = 0 → one repeated root`: a condition, then what follows from it
    if len(cuts) == 2 and cuts[0][0].strip() == ":" and _BIDS.fullmatch(hidden[: cuts[0].start()].strip()):
        asked, said = line[: cuts[1].start()].strip(), line[cuts[1].end() :].strip()
        return Term(asked, said, separated=True) if said else None  # `Translate: "…" — Me duele …`
    first = cuts[0][0].strip()
    naming = first == ":" or (first in _DASHES and first not in {cut[0].strip() for cut in cuts[1:]})
    if len(cuts) > 1 and not naming and not fields:
        return None
    written = line[: cuts[0].start()].strip()
    front = _EMPHASISED.sub(r"\g<inner>", written)
    if (cited := _CITED_CASE.fullmatch(written)) is not None:
        front = written.replace(cited[1], "")  # `*Donoghue v Stevenson* [1932] AC 562`: read as written plain
    rest = line[cuts[0].end() :].strip()
    if fields and not cuts[0][0].strip():  # `être<tab>to be<tab>irregular`: the other fields, readable
        rest = TABS.sub(" \u2014 ", rest)
    separator = cuts[0][0].strip()
    if front.endswith("?") and rest and (separator in ("", "|", *_DASHES) or _ARROW.fullmatch(separator)):
        rest = _ANSWER_LABEL.sub("", rest, count=1)  # `…? — Answer: the Sun`
        return Term(front, rest, separated=True)  # `Which …? → DynamoDB`, `…? — …`, Quizlet's `…?<tab>…`
    cue = _ARROW.fullmatch(separator) is not None and _cues(front, rest)  # `Track API calls → AWS CloudTrail`
    ended = bool(front) and front[-1] in ".,;:!?" and not _GRAMMAR_NOTE.search(front)
    if not front or not rest or ended or not (cue or _short_or_named(front, rest)):
        return None
    if "](#" in front and only_links_within_page(front):
        return None  # `[Variables](#variables): var, let, const.`: a table of contents' line
    if "**" in front or "__" in front:  # bold in the name: `split_term`'s, or no term
        return None
    if _SAID.fullmatch(rest) and len(front.split()) <= _SPEAKER_WORDS:
        return None  # `You: "Which shelf?"`: what someone says, not what a name is
    if _EXAMPLE.match(front):
        return None  # `e.g. MPC = 0.8 → multiplier = 5`: a worked example, no name
    if _PAGE.fullmatch(front):
        return None  # `p. 12: Habits are …`: a reader's note of where a line is, not a name
    if front.lower() in _NOT_NAMES or (len(front) == 1 and front.lower() != front.upper()):
        return None  # `M \u2013 Methanol`: a mnemonic's letter (`一`, a kanji, is a word), no card's name
    if separator == "--" and (rest.startswith("-") or _COMMAND_LINE.match(front) or _GOES_ON.match(rest)):
        return None  # `npm run test -- --watch`: a command's end of options; `… -- but less …`: a sentence
    if separator == "-" and not _names_before_hyphen(front, written, rest, sentence_names=sentence_names):
        return None  # `Scales automatically - no capacity to plan`: a hyphen in a sentence
    if separator in _DASHES and front.split()[-1].isdigit() and _SCORED.fullmatch(rest):
        return None  # `Arsenal 3 - 1 Chelsea`: a score, not `Route 53 - 53 is the DNS port`
    if (
        separator in _DASHES - {"-"}
        and not names_a_thing(front)
        and not _dashed_name(front, rest, sentence_names)
    ):
        return None  # `la cocina — the kitchen` names, `Pay only for what you use — no upfront cost` not
    term = Term(front, rest, separated=True)
    return None if _keeps_track(term, colon=separator == ":") else term


_COMMAND_LINE = regex(
    r"(?:\$\s*)?(?:sudo\s+)?(?:git|npm|npx|yarn|pnpm|bun|deno|node|cargo|rustup|kubectl|docker|podman|helm"
    r"|python3?|pip3?|uv|poetry|go|dotnet|mvn|gradle|java|ssh|scp|rsync|aws|gcloud|az|terraform|make|bundle"
    r"|rails|composer|php|gh|brew|apt(?:-get)?|curl|wget|ls|cp|mv|rm|grep|find|tar)\s"
    r"|.*\s-{1,2}[a-z]"
)
"""A command line before ``--`` (a known program first, or an option in it): the ``--`` ends its
options, parting no name from what it is."""
_GOES_ON = regex(r"(?i)(?:but|and|or|so|yet|because|although|though|while|whereas)\b")
"""How a sentence goes on after a dash (``Nationalism mattered -- but less …``): no definition."""
_GRAMMAR_NOTE = regex(
    r"(?i)(?:^|\s)\(?(?:\+\s*)?(?:akk|acc|dat|gen|nom|sb|sth|jdn|jdm|etw|qn|qch|pl|sg|adj|adv|vt|vi|inf|fam"
    r"|coll)\.\)?$|,\s(?-i:[mfnc])\.$"
)
"""A vocabulary list's note of grammar ending a word (``warten auf + Akk.``, ``to lend sb.``, a noun's
gender after its forms: ``puella, -ae, f.``): its full stop abbreviates, ending no sentence."""
_BIDS = regex(r"(?i)translate|define|explain|conjugate|complete|name|give|describe|state|spell|solve")
"""A task's word before a colon, the task after it, then its answer after a dash."""


def _condition_then_result(line: str, cuts: Sequence[re.Match[str]]) -> bool:
    """Whether ``line`` states a condition with ``=`` and then, after its one arrow, a result with none
    (``Δ = 0 → one repeated root``; ``MPC = 0.8 → multiplier = 5`` works a sum out)."""
    *conditions, last = cuts
    return (
        _ARROW.fullmatch(last[0].strip()) is not None
        and all(cut[0].strip() == "=" for cut in conditions)
        and "=" not in line[last.end() :]
    )


def _dashed_name(front: str, rest: str, among_names: bool) -> bool:
    """Whether words not capitalised name a thing before an en or em dash: a few of them, or among
    lines that name things (``among_names``, a vocabulary list) a few more over a gloss as short, in
    lower case (``la camera da letto \u2013 the bedroom``; ``*Thinking, Fast and Slow* \u2013 Daniel
    Kahneman`` is a reading list's)."""
    # `warten auf + Akk.`: two words and their case; `la finestra (pl. le finestre)`: two and a note
    words = len(_QUALIFIER.sub("", _GRAMMAR_NOTE.sub("", front)).split())
    if words <= _DASHED_WORDS or _dictionary_forms(front, rest):
        return True
    glossed = len(rest.split()) <= GLOSS_WORDS and rest[:1].islower()  # a meaning, not an author's name
    return among_names and words <= _GLOSSED_WORDS and glossed


def _dictionary_forms(front: str, rest: str) -> bool:
    """Whether ``front`` is a dictionary's entry: a word and its forms, parted by commas, with an ending
    among them (``puella, -ae, f.``, ``das M\u00e4dchen, -``), or a verb's forms, one sharing its first
    letters, over its meaning (``gehen, ging, ist gegangen \u2013 to go``), as vocabularies of Latin and
    German list them. A list of things (``flour, sugar, eggs, butter \u2013 to taste``) has neither."""
    head, comma, forms = front.partition(",")
    if not comma or len(head.split()) > _ARTICLED_WORD or _SENTENCE_END.search(front):
        return False
    parts = [part.strip() for part in forms.split(",")]
    if not all(0 < len(part.split()) <= _ARTICLED_WORD for part in parts):
        return False
    if any(part.startswith("-") for part in parts):
        return True
    stem = head.split()[-1][:2].casefold()
    return rest.startswith("to ") and any(stem in part.split()[-1].casefold() for part in parts)


_ARTICLED_WORD = 2
"""The words of one form in a dictionary's entry: a word and its article or auxiliary (``der Hund``,
``ist gegangen``)."""


def _linked_term(
    line: str, separators: Literal["any", "no colon", "arrows"], *, sentence_names: bool
) -> Term | None:
    """A name written as a link to a page on the web, then a fact of a few words about it
    (``[Treaty of Wick](https://…) - 1612``, as timelines link each name): the link is the card's
    front, its words read as a name's. A page title's site after a dash (``Hawaii - Wikipedia``,
    linking to wikipedia.org) is no part of the name. A link over a longer blurb is a reading list's
    (``[S3 FAQ](https://…) - Answers to common questions``), as a table of links is; a web address
    elsewhere (``https://…: the docs``) makes no term either."""
    linked = _LINKED_NAME.fullmatch(line.strip())
    if linked is None or "://" in linked["rest"]:
        return None
    name, url = linked["name"], linked["url"]
    titled = _PAGE_TITLE.fullmatch(name)
    if titled and titled["site"].replace(" ", "").lower() in url.split("/")[2].lower():
        name = titled["page"]
    rest = linked["rest"] if linked["rest"][0] in ": \t" else f" {linked['rest']}"  # `)- 1889`
    term = plain_term(f"{name}{rest}", separators=separators, sentence_names=sentence_names)
    if term is None or len(term.rest.split()) > _LINKED_FACT_WORDS or not _YEAR.search(term.rest):
        return None
    return Term(f"[{name}]({url})", term.rest, term.separated)


_LINKED_FACT_WORDS = 4
"""At most this many words of a date after a linked name (``26 August 1071``, ``3300-1200 BC``)."""
_YEAR = regex(
    r"(?<![\d-])\d{1,4}(?:,\d{3})?(?:\s*[-\u2013]\s*\d[\d,.]*)?\s*(?:BC|AD|BCE|CE|BP)\b"  # an era's
    r"|(?<![\w-])\d{3,4}(?:\s*[-\u2013]\s*\d{1,4})?(?![\w-])"  # a year of ours
)
"""A year or a span of years (``1845``, ``1866-1871``, ``3300-1200 BC``, ``12,900 BP``), as a timeline
dates what it names; not a day's date (``2024-05-02``, ``14 May``), a time or a count (``52 min``)."""
_LINKED_NAME = regex(
    r"\[(?P<name>[^\[\]\n]+)\]\((?P<url>https?://(?:[^\s()]|\([^\s()]*\))+)\)(?P<rest>\S?\s.*)"
)
_PAGE_TITLE = regex(r"(?P<page>.+?)\s*[-\u2013\u2014|]\s+(?P<site>\w[\w .]*)")


def _cues(front: str, rest: str) -> bool:
    """A need or a clue pointing to the one thing it calls for, a name of a word or a few (``Find PII in
    S3 buckets → Amazon Macie``, ``Most common cause of UTI → E. coli``), as exam cheat sheets map them:
    the clue a card's front, the name its back. A flow's steps (``Data is sent → it is stored.``) are
    sentences on both sides."""
    words = rest.split()
    short = len(words) <= 2 and rest[:1].isupper()  # `E. coli`, not `revert it`
    named = (short or names_a_thing(rest, small=True)) and len(words) <= _NAME_WORDS  # `Adams v Lindsell`
    named = named or (_CLUE.search(front) is not None and _LOWER_NAMES.fullmatch(rest) is not None)
    return named and len(front.split()) <= _CUE_WORDS and not rest.endswith((".", ":", "?"))


_SAID = regex(r"[\"\u201c'\u2018][^\n]*[\"\u201d'\u2019][.!?]?")
"""Words wholly in quotes: what someone said (``"Which shelf?"``); ``"down and out" eye`` describes."""
_SPEAKER_WORDS = 2
"""At most this many words name who said a quote (``You``, ``Dr Patel``); a longer name titles it."""
_EXAMPLE = regex(r"(?i)(?:e\.?g\.?|i\.?e\.?|for example|for instance|example)(?:\W|$)")
"""How a worked example opens: what follows is no name."""
_CLUE = regex(r"\S+\s+(?:of|for)\s+\S+")
"""A clue that asks for a thing of or for another (``Antidote for beta-blocker overdose``)."""
_LOWER_NAMES = regex(r"[a-z][\w-]*(?:\s[a-z][\w-]*)?(?:\s*(?:\+|&|,|\band\b)\s*[a-z][\w-]*)?")
"""A name written in lower case, as drugs and findings are, of a word or two (``oral vancomycin``), or
two joined (``atropine + pralidoxime``)."""


def _short_or_named(front: str, rest: str) -> bool:
    """A term's name: a few words, or a name of a few more, maybe with a title's small words in it
    (``Total Cost of Ownership (TCO)``) when a definition of some words follows (``The Art of War
    - audiobook`` is a reading list's)."""
    cited = _CITED.fullmatch(front)  # a case's name, its citation no part of it
    front = cited["name"] if cited else front
    words = len(_GRAMMAR_NOTE.sub("", _BRACKETED.sub("", front)).split())  # `Time complexity (worst case: …)`
    if words <= _PLAIN_TERM_WORDS or (words <= _NAME_WORDS and names_a_thing(front)):
        return True
    if compares(front):
        return True
    if words <= _NAME_WORDS and _FORMULA.fullmatch(rest.strip()):
        return True  # `Electric field of a point charge: $E = kq/r^2$`, a formula sheet's line
    return words <= _NAME_WORDS and len(rest.split()) >= _DEFINED_WORDS and names_a_thing(front, small=True)


VERSUS = regex(r"\b(?i:vs\.?|versus)(?!\w)")
"""The word that sets two things against each other, in any case, no part of a longer word (``Mitosis
vs meiosis``, ``Pros VS. Cons``, ``Prokaryote versus eukaryote``, ``(vs. wind)``)."""


def compares(front: str) -> bool:
    """Whether a name sets two things of a few words each side by side (``VNet peering vs VPN
    Gateway``, ``Key difference between LRS and ZRS``): a comparison, asked as one thing."""
    compared = _COMPARISON.fullmatch(front)
    sides = [side for side in compared.groups() if side] if compared else []
    return bool(sides) and all(len(side.split()) <= _PLAIN_TERM_WORDS for side in sides)


_COMPARISON = regex(
    r"(?i)(?:(?:the\s+)?(?:key\s+|main\s+)?differences?\s+between\s+(\S.*?)\s+and\s+(\S.*)"
    rf"|(\S.*?)\s+{VERSUS.pattern}\s+(\S.*))"
)


_FORMULA = regex(r"\$\$?[^$]+\$\$?\.?|\\\(.+\\\)\.?")
"""A formula and nothing else: ``$E = k\\dfrac{q}{r^2}$``, ``\\(F = ma\\)``."""


def _keeps_track(term: Term, *, colon: bool = True) -> bool:
    """A line that tracks the notes or the studying, not a term to learn: a week of a plan, a module of
    the contents, an exam's score or a version of the notes (``Week 2: EC2, S3``, ``Day 1-3: IAM``,
    ``2024-03-01: Added …``, ``v1.2: …``), where a topic is in the notes (a range: ``ECA básico: Cards
    1-5``; ``The Magician - Card 1`` is a fact) or stands (``IAM: finished``), or where to read more
    (``**Official guide:** https://…``, a back that is only a link)."""
    dated = any(map(str.isdigit, term.front))  # every place, version or date has one
    if dated and _SEQUENCE.fullmatch(_EMPHASISED.sub(r"\g<inner>", term.front).strip()) is not None:
        return True
    if _PLACE_IN_NOTES.fullmatch(term.rest.strip()) is not None:
        return True
    status = _STATUS.match(term.rest)
    return (status is not None and (colon or not status["spaced"])) or is_only_a_link(term.rest)


def _fields(line: str, cuts: list[re.Match[str]]) -> bool:
    """A name and fields after it between dashes of one kind, as vocabulary lists and timelines write
    them, or between tabs or bars, as a card tool's export of three fields does: a short second field
    (a meaning, a year), not a score's (``Arsenal 3 \u2013 1 Chelsea``), a clause set off by dashes
    in a sentence (``Ney \u2014 the bravest of the brave \u2014 was shot.``), nor a route of names
    (``London \u2013 Paris \u2013 Brussels``)."""
    kinds = {cut[0].strip() for cut in cuts}
    if kinds not in ({"-"}, {"\u2013"}, {"\u2014"}, {""}, {"|"}):
        return False
    if kinds == {"|"} and (line.strip().startswith("|") or line.strip().endswith("|")):
        return False  # a table's row, not a line of fields
    starts, ends = [0, *(cut.end() for cut in cuts)], [*(cut.start() for cut in cuts), len(line)]
    parts = [line[start:end].strip() for start, end in zip(starts, ends, strict=True)]
    second = parts[1].split()
    scored = parts[0][-1:].isdigit() and parts[1][:1].isdigit()
    route = all(part[:1].isupper() and len(part.split()) <= 2 for part in parts)
    sentence = parts[-1].endswith(".") and len(parts[-1].split()) >= _SENTENCE_WORDS
    return 0 < len(second) <= _FIELD_WORDS and not (scored or route or sentence)


_FIELD_WORDS = 4
"""At most this many words in a field after the name: a meaning, a reading, a year."""
_SENTENCE_WORDS = 3
"""A last field of this many words or more ending in a full stop ends a sentence, not a list's line."""
_NAME_JOINERS = frozenset({"of", "and"})
"""The small words a name before a hyphen may hold (``Treaty of Wick``); ``Call the Bank`` is a task."""


def _names_before_hyphen(front: str, written: str, rest: str, *, sentence_names: bool) -> bool:
    """``front`` (``written`` with its italics) names a thing before a spaced hyphen: it is in italics,
    or ``names_a_thing`` with no small words but those of ``_NAME_JOINERS``. With ``sentence_names``
    (beside names written as such, or under a glossary's title), a few words in lower case over a short
    meaning name one (``trophic level - a step in a food chain``, ``el perro - the dog``); a few words
    in sentence case or with a title's small words (``Duty of care``, ``Failure to
    Appear``) name one too, over a definition ``rest`` that opens as a sentence does (a minute's or a
    retrospective's ``Move the standup - to ten thirty`` does not), a phrase in lower case ending no
    sentence (``Sensory memory - lasts under a second``) or a year (``Texas annexation - 1845``, as a
    timeline dates it)."""
    words = front.split()
    joined = {word for word in words[1:] if word.islower()} <= _NAME_JOINERS
    if names_a_thing(front, small=joined) or _EMPHASISED.fullmatch(written) is not None:
        return True
    lower_case = all(word.isalpha() and word.islower() for word in words)
    with_article = len(words) == 2 and words[0] in _ARTICLES and words[1].isalpha()  # `der Tisch`
    unarticled = len(words) - (words[0] in _ARTICLES)  # `la sala de estar`: a noun of three words
    if sentence_names and (lower_case or with_article) and unarticled <= _DASHED_WORDS:
        # `el perro - the dog` in a vocabulary, `trophic level - the position an organism occupies …`
        return _glosses(rest) or (_LOWER_ARTICLE.match(rest) is not None and not _SENTENCE_END.search(rest))
    opens = rest[:1].isupper() or _LOWER_ARTICLE.match(rest) is not None  # `a measure of …` too
    described = rest[:1].islower() and _SENTENCE_END.search(rest) is None  # `Sensory memory - lasts under …`
    defined = (opens and len(rest.split()) >= _DEFINED_WORDS) or described
    if not sentence_names or len(words) > _DASHED_WORDS or not (defined or _YEAR.match(rest)):
        return False
    sentence_case = words[0][:1].isupper() and all(word.isalpha() and word.islower() for word in words[1:])
    return sentence_case or names_a_thing(front, small=True)


_ARTICLES = frozenset(
    {"der", "die", "das", "le", "la", "les", "l'", "el", "los", "las", "il", "lo", "gli", "o", "a", "os"}
    | {"as", "de", "het", "een", "ein", "eine", "un", "une", "una", "uno"}
)
"""The articles a vocabulary writes before its nouns (``der Tisch``, ``la maison``, ``el perro``)."""


def _glosses(rest: str) -> bool:
    """Whether ``rest`` reads as a vocabulary's or a glossary's meaning after a name in lower case: a
    few words in lower case, with no sentence's end in them."""
    return rest[:1].islower() and len(rest.split()) <= GLOSS_WORDS and not _SENTENCE_END.search(rest)


_SENTENCE_END = regex(r"[.!?;]\s")


def names_a_thing(words: str, *, small: bool = False) -> bool:
    """One word, code, or words each capitalised (``Amazon SNS``, ``Elastic Load Balancing``) or of a
    script without capitals (``こんにちは (Konnichiwa)``), with ``small`` also the small ones inside a
    title (``Total Cost of Ownership``): a name. Before a dash, ``Runs code without servers`` is the
    start of a sentence."""
    if words.startswith("`") and words.endswith("`"):
        return True
    split = words.split()
    outside = _BRACKETED.sub(" ", words).split() if "(" in words else split
    if len(outside) == 1 and len(split) > 1:  # `おはようございます (Ohayou gozaimasu)`: brackets gloss it
        return not outside[0][0].islower()  # `fix (parser)` is a changelog's, `email (landlord)` a task
    split = outside or split
    if len(split) == 1:
        return True
    a_case = any(place and _between_parties(word) for place, word in enumerate(split))
    return all(
        not word[0].isalpha()
        or not word[0].islower()  # a capital, or a letter of a script without capitals
        or (place and _between_parties(word))  # `Bolam v Friern HMC`: a case's name
        or (a_case and place and word in _COMPANY)  # `Caparo Industries plc v Dickman`
        or (small and place and word in _TITLE_SMALL_WORDS)
        for place, word in enumerate(split)
    )


def _between_parties(word: str) -> bool:
    """Whether a word of a name stands between two parties: ``VERSUS``'s, or a law case's ``v``
    (``Bolam v Friern HMC``), which sets no two things apart anywhere else (``Vitamin v``)."""
    return word in ("v", "v.") or VERSUS.fullmatch(word) is not None


_BRACKETED = regex(r"\([^()]*\)")
"""Words in brackets in a name: what it is said of, no words of the name's own."""
_COMPANY = frozenset({"plc", "ltd", "ltd.", "llc", "pty", "co", "co.", "inc", "inc."})
"""A company's lower-case words in a party's name (``Caparo Industries plc v Dickman``)."""


_DEFINED_WORDS = 4
"""The fewest words of a definition under a name with a title's small words in it."""
_TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}
)
"""Words a title leaves lower-case inside a name: ``Bill of Materials``, ``Return on Investment``, a
case's ``Adams v Lindsell``."""


def asked_in_bold(paragraph: Node) -> re.Match[str] | None:
    """The question a paragraph's first line asks wholly in bold (``**Why pick Aurora?**``, or numbered
    as a task: ``**3. Explain the virtual DOM.**``)."""
    line = undecorated(paragraph.children[0].content.partition("\n")[0].strip())
    return _BOLD_QUESTION.fullmatch(line) or _BOLD_TASK.fullmatch(line)


_EXPLAIN_WORDS = r"(?i:explain|describe|define|differentiate|distinguish|compare|contrast|discuss|justify)\b"
EXPLAIN = regex(_EXPLAIN_WORDS)
"""What a numbered question asks with, as a sentence (``### 3. Explain the GIL.``), where ``### 3.
Create a bucket`` and ``### 2. Compare prices`` are steps."""
_BOLD_TASK = regex(
    rf"(?P<mark>\*\*|__)(?P<asked>(?i:q(?:uestion)?\s*)?\d{{1,3}}[.):][ \t]+(?!.*\b(?i:you|your|yours)\b)"
    rf"{_EXPLAIN_WORDS}(?:(?!(?P=mark)).)+)(?P=mark)"
)
"""A numbered task wholly in bold, as interview handbooks ask (``**3. Explain the virtual DOM.**``,
``**Q3. Explain …**``); not one a worksheet sets its reader (``**1. Describe the set-up to your
partner.**``), a step to take."""


def undecorated(text: str) -> str:
    """``text`` without the task box, emoji, other symbols and spaces it starts with (``🔹 Containers``)."""
    return text[_decoration_length(text) :]


def _decoration_length(text: str) -> int:
    """How many characters at the start of ``text`` are a task box (``[x]``, as to-do lists write
    terms too), emoji, other symbols, spaces and the invisible marks that set a line's direction
    (right-to-left writers type them around a term's bold and colon)."""
    box = _TASK_BOX.match(text) if text.startswith("[") else None  # a task box opens with `[`
    start = box.end() if box else 0
    if start == len(text) or (text[start].isascii() and text[start] not in " \t"):
        return start  # ASCII's only symbols (`` ` ``, ``^``) open code and footnotes: most texts start so
    for index in range(start, len(text)):  # indexed, not sliced: a long text is not copied
        character = text[index]
        if not (character in _INVISIBLE or unicodedata.category(character) in _DECORATIONS) or (
            character in "`^"  # ASCII's modifier symbols open code and footnotes, not decoration
        ):
            return index
    return len(text)


_TASK_BOX = regex(r"\[[ xX]\][ \t]+")
_INVISIBLE = frozenset(" \t\ufe0f\u200d\u200e\u200f\u061c")
"""Spaces, emoji joiners and selectors, and the marks of direction (left-to-right, right-to-left, Arabic)."""


_DECORATIONS = frozenset({"So", "Sk"})
"""Unicode's other symbols (emoji, ✅, ★) and modifier symbols (skin tones)."""
