"""The one template environment of the pages the server renders (dashboard, status page).

Every value a template prints is escaped unless it is already markup (a macro's output,
or the stylesheet passed as `Markup`): a value from a terminal or the catalog cannot
become a tag by being forgotten. Escaping writes the entities of `html.escape`
(`&quot;`, `&#x27;`), as these pages always have. An undefined name is an error, not an
empty string.

The templates are written indented, one element a line, for reading; the pages are sent
as they always were, without that layout: a line break and the indentation after it are
not part of the page. Where a page needs a space or a line break at that place, the
template writes it as an expression: `{{ " " }}`, `{{ "\\n" }}`.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

TEMPLATES_DIR = Path(__file__).parent / "templates"
_LAYOUT = re.compile(r"\n[ \t]*")


class _WithoutLayout(FileSystemLoader):
    """Templates read from `TEMPLATES_DIR`, their line breaks and indentation left out."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        return _LAYOUT.sub("", source), filename, uptodate


def _escaped(value: Any) -> Markup:
    return value if hasattr(value, "__html__") else Markup(escape(str(value)))


def _fixed(value: float, digits: int) -> str:
    """A coordinate with `digits` decimals, as in SVG attributes."""
    return f"{value:.{digits}f}"


ENVIRONMENT = Environment(loader=_WithoutLayout(TEMPLATES_DIR), autoescape=True,
                          undefined=StrictUndefined, finalize=_escaped, auto_reload=False)
ENVIRONMENT.filters["fixed"] = _fixed


def render(template: str, **context: Any) -> str:
    return ENVIRONMENT.get_template(template).render(**context)
