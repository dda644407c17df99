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
_EDGE = rf"(?<![\w'{_QUOTE}-])"
_END = rf"(?![\w'{_QUOTE}+#-])"
_VERDICT = r"(?:in)?(?:correct|wrong|right|true|false)\b"
_POSITIONAL = regex(r"\b(?:all|none|both|neither|either|any)\s+of\s+the\s+(?:above|below)\b", re.I)


def keeps_option_order(mcq: MCQ) -> bool:
    """True when the explanation or an option names an option by its letter or its place in the list."""
    labels = [option.label for option in mcq.options]
    texts = [to_text(mcq.explanation), *(to_text(option.text) for option in mcq.options)]
    return any(_names_a_label(text, labels) or _POSITIONAL.search(text) for text in texts)


def _names_a_label(text: str, labels: list[str]) -> bool:
    """A label standing alone counts; the article "A" only where a letter is plainly meant:
    "(A)", "A)", "option A", "A and C", "A is wrong", "Not A: …"."""
    for label in labels:
        letter = re.escape(label)
        if label != "A":
            if re.search(f"{_EDGE}{letter}{_END}", text):
                return True
            continue
        others = "|".join(re.escape(other) for other in labels if other != label) or "(?!)"
        article_safe = (
            rf"\(\s*{letter}\s*\)",
            rf"{_EDGE}{letter}\)",
            rf"\b(?i:options?|answers?|choices?|letters?)\s*:?\s*{letter}{_END}",
            rf"{_EDGE}{letter}\s*(?:,|/|&|\band\b|\bor\b)\s*(?:{others}){_END}",
            rf"{_EDGE}(?:{others})\s*(?:,|/|&|\band\b|\bor\b)\s*{letter}{_END}",
            rf"{_EDGE}{letter}\s+(?:is|was|would be|isn't|is not)\s+{_VERDICT}",
            rf"\b(?i:not)\s+{letter}\s*[:,;\u2013\u2014]",  # `Not A: that is block storage.`
        )
        if any(re.search(pattern, text) for pattern in article_safe):
            return True
    return False
