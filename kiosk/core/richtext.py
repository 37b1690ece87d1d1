"""Turn catalog HTML into the small, safe subset a product page shows, and into plain text.

Source descriptions come from a merchant's back office and are not trusted: only a few
structural tags survive, with no attributes at all, so nothing can run a script, load a
remote image or restyle the page. Everything else is kept as text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

ALLOWED_TAGS = frozenset({"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "h3", "h4"})
VOID_TAGS = frozenset({"br"})
# Whose content is never text for a reader: dropped along with the tag.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "svg",
                                  "math", "template", "noscript", "head", "title"})
BLOCK_TAGS = frozenset({"p", "br", "ul", "ol", "li", "h3", "h4", "div", "tr", "table"})


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_out: list[str] = []
        self.text_out: list[str] = []
        self.open_tags: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in DROPPED_WITH_CONTENT:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag in BLOCK_TAGS:
            self.text_out.append("\n")
        if tag in ALLOWED_TAGS:
            self.html_out.append(f"<{tag}>")
            if tag not in VOID_TAGS:
                self.open_tags.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ALLOWED_TAGS and tag not in VOID_TAGS and self.open_tags[-1:] == [tag]:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_WITH_CONTENT:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth or tag not in self.open_tags:
            return
        # Close whatever the source left open inside this element, so output is well formed.
        while self.open_tags:
            inner = self.open_tags.pop()
            self.html_out.append(f"</{inner}>")
            if inner == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        self.html_out.append(html.escape(data, quote=False))
        self.text_out.append(data)

    def close(self) -> None:
        super().close()
        while self.open_tags:
            self.html_out.append(f"</{self.open_tags.pop()}>")


def sanitize(source: str) -> tuple[str, str]:
    """Safe rich text for Qt's text widgets, and readable plain text, in one parse.

    The plain text serves search, and later reading a description aloud.
    """
    parser = _Sanitizer()
    parser.feed(source or "")
    parser.close()
    text = _SPACES.sub(" ", "".join(parser.text_out))
    return "".join(parser.html_out).strip(), _LINE_BREAKS.sub("\n", text).strip()


def sanitize_html(source: str) -> str:
    return sanitize(source)[0]


def html_to_text(source: str) -> str:
    return sanitize(source)[1]


_SPACES = re.compile(r"[ \t\r\f\v]+")
_LINE_BREAKS = re.compile(r"\s*\n\s*")


def clean_label(source: str) -> str:
    """A name or label from the source: entities decoded, tags and extra spaces removed."""
    return re.sub(r"\s+", " ", html_to_text(source)).strip()
