"""Whether a question's options may be shuffled: not when its text points at options by letter or place.

The MCQ card shuffles options on each review so the answer cannot be learnt by position. An explanation
that says "B is wrong because …", or an option "Both A and C" / "All of the above", only makes sense in
the order written, so such a question keeps it. A false alarm costs little (one question not shuffled);
a miss shows the student an explanation that names the wrong option, so the rules lean to "keep".
"""

from __future__ import annotations

import re

from ccpkit.markup import to_text
from ccpkit.model import MCQ
from ccpkit.regex import regex

_QUOTE = "\N{RIGHT SINGLE QUOTATION MARK}"
_CJK = r"\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"
"""Chinese, Japanese and Korean characters and their punctuation: a letter beside them stands alone
(``A正确``, ``故选B``)."""
_EDGE = rf"(?<![^\W{_CJK}]|['{_QUOTE}-])"
_END = rf"(?![^\W{_CJK}]|['{_QUOTE}+#-])"
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
    or an option joins the others (``Both``)."""
    labels = [option.label for option in mcq.options]
    options = [to_text(option.text) for option in mcq.options]
    texts = [to_text(mcq.explanation), *options]
    named = any(_names_a_label(text, labels) or _POSITIONAL.search(text) for text in texts)
    return named or any(_JOINS_OTHERS.match(option.strip()) for option in options)


def _names_a_label(text: str, labels: list[str]) -> bool:
    """A label standing alone counts; the article "A" only where a letter is plainly meant:
    "(A)", "A)", "option A", "A and C", "A is wrong", "Not A: …"; so do letters in lower case
    ("option (a)", "a and b work at lower layers") and before or after Chinese words for an option
    ("A项", "选项A")."""
    lower = [label.lower() for label in labels if label.isupper()]
    upper = any(_names(text, label, labels, plainly=label == "A") for label in labels)
    return upper or any(_names(text, label, lower, plainly=True) for label in lower)


def _names(text: str, label: str, labels: list[str], *, plainly: bool) -> bool:
    """Whether ``text`` names the option ``label``: standing alone, or (``plainly``) only where no word
    could be meant."""
    letter = re.escape(label)
    if re.search(rf"{letter}(?:项(?!目)|項(?!目)|选项|選項)|(?:选项|選項)\s*{letter}(?![A-Za-z])", text):
        return True
    if re.search(rf"(?<=[{_CJK}]){letter}(?![A-Za-z0-9])|(?<![A-Za-z0-9]){letter}(?=[{_CJK}])", text):
        return True  # `A正确`, `故选B`: a letter beside Chinese words is no English word
    if not plainly:
        return re.search(f"{_EDGE}{letter}{_END}", text) is not None
    others = "|".join(re.escape(other) for other in labels if other != label) or "(?!)"
    article_safe = (
        rf"\(\s*{letter}\s*\)",
        rf"{_EDGE}{letter}\)",
        rf"\b(?i:options?|answers?|choices?|letters?)\s*:?\s*{letter}(?=\s*(?:[,.;:)]|$|\b(?:and|or|is|was)\b))"
        if label.islower()
        else rf"\b(?i:options?|answers?|choices?|letters?)\s*:?\s*{letter}{_END}",
        rf"{_EDGE}{letter}\s*(?:,|/|&|\band\b|\bor\b)\s*(?:{others}){_END}",
        rf"{_EDGE}(?:{others})\s*(?:,|/|&|\band\b|\bor\b)\s*{letter}{_END}",
        rf"{_EDGE}{letter}\s+(?:is|was|would be|isn't|is not)\s+{_VERDICT}",
        rf"\b(?i:not)\s+{letter}\s*[:,;\u2013\u2014]",  # `Not A: that is block storage.`
    )
    return any(re.search(pattern, text) for pattern in article_safe)
