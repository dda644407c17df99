"""Syntax colours for a fenced code block whose language Pygments knows (```python, ```json …).

Each token becomes a ``<span>`` with Pygments' short class name (``k`` keyword, ``s2`` string …)
and nothing else: the colours live in the note types' CSS (``templates/anki/style.css``), with a
light and a night-mode palette, so a student's night mode or own theme recolours every card at once.
Unknown or missing language: no colours, the block stays escaped plain text.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it.common.utils import escapeHtml
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.token import STANDARD_TYPES, _TokenType
from pygments.util import ClassNotFound

_UNCOLOURED = {"", "w"}
"""Plain text and whitespace: no span of their own."""


@lru_cache(maxsize=64)
def _lexer(language: str) -> Lexer | None:
    try:
        # The code as written: no leading/trailing newlines stripped, no newline added.
        return get_lexer_by_name(language, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


def highlighted(code: str, language: str, _attributes: str = "") -> str:
    """The inside of ``<code>``: escaped ``code`` with its tokens in classed spans, or "" when no
    lexer has that name (markdown-it then escapes the block as plain text). Same signature as
    markdown-it's ``highlight`` option."""
    lexer = _lexer(language.lower()) if language else None
    if lexer is None:
        return ""
    spans: list[tuple[str, str]] = []
    for kind, text in lexer.get_tokens(code):
        name = _short_name(kind)
        if spans and spans[-1][0] == name:
            spans[-1] = (name, spans[-1][1] + text)
        else:
            spans.append((name, text))
    return "".join(
        escapeHtml(text) if name in _UNCOLOURED else f'<span class="{name}">{escapeHtml(text)}</span>'
        for name, text in spans
    )


def _short_name(kind: _TokenType) -> str:
    """Pygments' short class of a token type, or of its nearest standard parent (a lexer's own
    subtypes such as ``Literal.Scalar.Plain`` have none of their own)."""
    while kind not in STANDARD_TYPES and kind.parent is not None:
        kind = kind.parent
    return str(STANDARD_TYPES.get(kind, ""))
