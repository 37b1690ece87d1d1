"""Turn catalog HTML into the small, safe subset a product page shows, and into plain text.

Source descriptions come from a merchant's back office and are not trusted. The output
is safe by construction: it holds only a few bare structural tags written by this code,
and text that is always escaped. So a malformed or hostile input can at worst come out
as odd text; it can never run a script, load a remote image or restyle the page.
"""

from __future__ import annotations

import html
import re

ALLOWED_TAGS = frozenset({"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "h3", "h4"})
VOID_TAGS = frozenset({"br"})
# Whose content is never text for a reader: dropped along with the tag.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "svg",
                                  "math", "template", "noscript", "head", "title", "textarea"})
BLOCK_TAGS = frozenset({"p", "br", "ul", "ol", "li", "h3", "h4", "div", "tr", "table"})
LIST_TAGS = frozenset({"ul", "ol"})
BULLET = "•"

# A comment, a tag (group 1: '/', group 2: name), or any other markup such as <!DOCTYPE>.
_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>|<[!?/][^>]*>",
                     re.DOTALL)
# A list item whose text brings its own bullet ("<li>&bull; Hood</li>") keeps one.
_DOUBLE_BULLET = re.compile(rf"^{BULLET} (?:[{BULLET}·▪‣◦*] ?|- )", re.MULTILINE)
# Runs of spaces and tabs that are not already a single space: replacing those alone
# leaves most of a text's spaces untouched, which is most of the time saved.
_SPACES_TO_MERGE = re.compile(r" [ \t\r\f\v]+|[\t\r\f\v][ \t\r\f\v]*")


def sanitize(source: str) -> tuple[str, str]:
    """Safe rich text for Qt's text widgets, and readable plain text, in one pass.

    The plain text serves search, and later reading a description aloud. Lists keep their
    shape in both: each item on its own line, with its bullet or its number.
    """
    source = source or ""
    rich: list[str] = []
    plain: list[str] = []
    open_tags: list[str] = []
    items_in_lists: list[int] = []  # per list open in the source, the items seen so far
    added_list_depth = 0            # where a <ul> this code added around stray items is open
    skipping: str | None = None     # inside <script> and the like, until its end tag
    position = 0
    for markup in _MARKUP.finditer(source):
        if skipping is None:
            _add_text(source[position:markup.start()], rich, plain)
        position = markup.end()
        closing, name = markup.group(1), (markup.group(2) or "").lower()
        if not name:
            continue                 # comment or declaration
        if skipping is not None:
            if closing and name == skipping:
                skipping = None
            continue
        if name in DROPPED_WITH_CONTENT:
            if not closing:
                skipping = name
            continue
        if name in BLOCK_TAGS:
            plain.append("\n")
        if name in LIST_TAGS:
            if not closing:
                items_in_lists.append(0 if name == "ol" else -1)    # -1: bullets, no numbers
            elif items_in_lists:
                items_in_lists.pop()
        if name == "li" and not closing:
            plain.append(_item_mark(items_in_lists))
        if name not in ALLOWED_TAGS:
            continue
        if added_list_depth and len(open_tags) == added_list_depth and (closing or name != "li"):
            rich.append(f"</{open_tags.pop()}>")     # the stray items are over
            added_list_depth = 0
        if name == "li" and not closing and not any(tag in LIST_TAGS for tag in open_tags):
            # An item outside any list: put it in one, or Qt draws it without a bullet.
            rich.append("<ul>")
            open_tags.append("ul")
            added_list_depth = len(open_tags)
        if name in VOID_TAGS:
            rich.append(f"<{name}>")     # '</br>' too, which browsers read as a line break
            continue
        if not closing:
            rich.append(f"<{name}>")
            open_tags.append(name)
        elif name in open_tags:
            # Close whatever the source left open inside this element: output is well formed.
            while open_tags:
                inner = open_tags.pop()
                rich.append(f"</{inner}>")
                if inner == name:
                    break
    if skipping is None:
        _add_text(source[position:], rich, plain)
    rich.extend(f"</{name}>" for name in reversed(open_tags))
    return "".join(rich).strip(), _DOUBLE_BULLET.sub(f"{BULLET} ", plain_lines("".join(plain)))


def plain_lines(text: str) -> str:
    """`text` with each run of spaces and tabs made one space, each blank stretch that
    holds a line break made one line break, and no blank at either end."""
    return "\n".join(filter(None, map(str.strip, _SPACES_TO_MERGE.sub(" ", text).split("\n"))))


def _item_mark(items_in_lists: list[int]) -> str:
    """'1. ' for the first item of a numbered list, '• ' for any other item."""
    if items_in_lists and items_in_lists[-1] >= 0:
        items_in_lists[-1] += 1
        return f"{items_in_lists[-1]}. "
    return f"{BULLET} "


def _add_text(raw: str, rich: list[str], plain: list[str]) -> None:
    if raw:
        text = html.unescape(raw)
        rich.append(html.escape(text, quote=False))
        plain.append(text)


def sanitize_html(source: str) -> str:
    return sanitize(source)[0]


def html_to_text(source: str) -> str:
    return sanitize(source)[1]


def clean_label(source: str) -> str:
    """A name or label from the source: entities decoded, tags and extra spaces removed."""
    return re.sub(r"\s+", " ", html_to_text(source)).strip()
