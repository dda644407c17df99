"""Whether a question's options may be shuffled: not when its text points at options by letter or place.

The MCQ card shuffles options on each review so the answer cannot be learnt by position. An explanation
that says "B is wrong because …", or an option "Both A and C" / "All of the above", only makes sense in
the order written, so such a question keeps it. A false alarm costs little (one question not shuffled);
a miss shows the student an explanation that names the wrong option, so the rules lean to "keep".
"""

from __future__ import annotations

import re
from functools import cache

from ccpkit.markup import to_text
from ccpkit.model import MCQ
from ccpkit.regex import regex

_QUOTE = "\N{RIGHT SINGLE QUOTATION MARK}"
_CJK = r"\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"
"""Chinese, Japanese and Korean characters and their punctuation: a letter beside them stands alone
(``A正确``, ``故选B``)."""
_WORDISH = rf"(?:[^\W{_CJK}]|['{_QUOTE}-])"
_END = rf"(?![^\W{_CJK}]|['{_QUOTE}+#-])"


def _alone(letters: str, *, single: bool = True) -> str:
    """``letters`` (a letter, or a group of ``single`` letters) with no word right before it: written
    letter first, its look behind after it, so the search skips to the letter (many times faster);
    labels of several characters, whose look behind could not be of one width, the other way round."""
    return rf"{letters}(?<!{_WORDISH}{letters})" if single else rf"(?<!{_WORDISH}){letters}"


_VERDICT = r"(?:in)?(?:correct|wrong|right|true|false)\b"
_POSITIONAL = regex(
    r"\b(?:all|none|both|neither|either|any)\s+(?:of\s+)?(?:the\s+)?(?:above|below|mentioned|preceding"
    r"|following|these|those|them|options|choices|answers)\b"
    r"|\b(?:todas|todos|ninguna|ninguno|nenhuma|nenhum|toutes|tous|aucune|aucun|tutte|tutti|nessuna|nessuno"
    r"|alle|keine)\b.{0,30}?\b(?:anteriores|precedentes?|précédentes?|precedenti|sopra|genannten|obigen)\b"
    r"|以上(?:都|皆|均|全)|以上(?:选项|選項)?全部|上記(?:の)?(?:すべて|全て)|위의?\s*(?:모두|모든)",
    re.I,
)
"""Words pointing at the other options by their place: ``All of the mentioned``, ``None of these``,
``Todas las anteriores``, ``以上都是``."""
_JOINS_OTHERS = regex(r"^(?:both|all|none|neither)(?:\s+(?:of|[A-H])\b|\W*$)", re.I)
"""An option that is ``Both``, ``None`` or ``All`` (or opens ``Both A …``, ``None of …``): it answers
with the others in their place; ``All traffic is encrypted`` does not."""


def keeps_option_order(mcq: MCQ) -> bool:
    """True when the explanation or an option names an option by its letter or its place in the list,
    an option joins the others (``Both``), or the options are the two verdicts of a True/False
    question."""
    labels = [option.label for option in mcq.options]
    options = [to_text(option.text) for option in mcq.options]
    texts = [to_text(mcq.explanation), *options]
    named = any(_names_a_label(text, labels) or _POSITIONAL.search(text) for text in texts)
    return named or any(_JOINS_OTHERS.match(option.strip()) for option in options) or _judges(options)


_VERDICTS = {"true", "false"}


def _judges(options: list[str]) -> bool:
    """Whether the options are the two verdicts (``True``, ``FALSE``, in any case): a statement judged
    reads them in the order written, as every True/False question is set; shuffled, half of them would
    ask ``False`` first."""
    verdicts = [option.strip().strip(".").casefold() for option in options]
    return len(verdicts) == len(_VERDICTS) and set(verdicts) == _VERDICTS


def _names_a_label(text: str, labels: list[str]) -> bool:
    """A label standing alone counts; the article "A" only where a letter is plainly meant:
    "(A)", "A)", "option A", "A and C", "A is wrong", "Not A: …"; so do letters in lower case
    ("option (a)", "a and b work at lower layers") and before or after Chinese words for an option
    ("A项", "选项A")."""
    upper, lower, beside = _label_patterns(tuple(labels))
    named = any(pattern.search(text) for pattern in upper)
    named = named or (
        _MAY_NAME_LOWER.search(text) is not None and any(pattern.search(text) for pattern in lower)
    )
    return named or (_HAS_CJK.search(text) is not None and any(pattern.search(text) for pattern in beside))


_HAS_CJK = regex(f"[{_CJK}]")
_MAY_NAME_LOWER = regex(
    r"(?<![A-Za-z])[a-z](?:\)|\s*(?:[,/&.:;\u2013\u2014]|\b(?:and|or|is|was|would|isn't)\b)|$)|\(\s*[a-z]\s*\)"
    r"|(?i:\b(?:options?|answers?|choices?|letters?|not))\s*:?\s*[a-z]\b"
)
"""A letter in lower case where it may name an option (``a)``, ``(b)``, ``a and b``, ``c is right``):
most texts hold none, and the patterns naming each need not run."""


_Patterns = list[re.Pattern[str]]


@cache
def _label_patterns(labels: tuple[str, ...]) -> tuple[_Patterns, _Patterns, _Patterns]:
    """The patterns naming ``labels`` (each question's labels alike: made once), as English text names
    them, in upper and in lower case; and as Chinese text does."""
    lower = tuple(label.lower() for label in labels if label.isupper())
    upper = [part for label in labels for part in _naming(label, labels, plainly=label == "A")]
    in_lower = [part for label in lower for part in _naming(label, lower, plainly=True)]
    return (
        [*map(re.compile, upper)],
        [*map(re.compile, in_lower)],
        [re.compile(_beside(label)) for label in (*labels, *lower)],
    )


def _beside(label: str) -> str:
    """A letter beside Chinese words names an option (``A项``, ``选项A``, ``故选B``, ``A正确``): no English
    word; ``项目`` ("project") is no option."""
    letter = re.escape(label)
    return (
        rf"{letter}(?:项(?!目)|項(?!目)|选项|選項)|(?:选项|選項)\s*{letter}(?![A-Za-z])"
        rf"|(?<=[{_CJK}]){letter}(?![A-Za-z0-9])|(?<![A-Za-z0-9]){letter}(?=[{_CJK}])"
    )


def _naming(label: str, labels: tuple[str, ...], *, plainly: bool) -> list[str]:
    """The patterns naming the option ``label`` in English: standing alone, or (``plainly``) only where
    no word could be meant."""
    letter, single = re.escape(label), all(len(one) == 1 for one in labels)
    if not plainly:
        return [f"{_alone(letter, single=len(label) == 1)}{_END}"]
    others = "|".join(re.escape(other) for other in labels if other != label) or "(?!)"
    named_after = (  # `option a, not b`; `answers a query` is English
        r"(?=\s*(?:[,.;:)]|$|\b(?:and|or|is|was)\b))" if label.islower() else _END
    )
    return [
        rf"\(\s*{letter}\s*\)",
        rf"{_alone(letter, single=single)}\)",
        rf"\b(?i:options?|answers?|choices?|letters?)\s*:?\s*{letter}{named_after}",
        rf"{_alone(letter, single=single)}\s*(?:,|/|&|\band\b|\bor\b)\s*(?:{others}){_END}",
        rf"{_alone(f'(?:{others})', single=single)}\s*(?:,|/|&|\band\b|\bor\b)\s*{letter}{_END}",
        rf"{_alone(letter, single=single)}\s+(?:is|was|would be|isn't|is not)\s+{_VERDICT}",
        rf"\b(?i:not)\s+{letter}\s*[:,;\u2013\u2014]",  # `Not A: that is block storage.`
    ]
