"""The pages the server renders itself (status page, dashboard): their frame and their
response headers."""

from __future__ import annotations

import base64
import hashlib
from html import escape


def page_headers(style: str, *, form_action: str, referrer: str) -> dict[str, str]:
    """Headers for a page whose only inline content is the stylesheet `style`.

    The policy names that stylesheet's hash, so nothing injected could be styled,
    scripted or loaded; pages are never cached, for they show orders and figures.
    """
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    policy = (f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; "
              f"base-uri 'none'; form-action {form_action}; frame-ancestors 'none'")
    return {"Cache-Control": "no-store", "Content-Security-Policy": policy,
            "X-Content-Type-Options": "nosniff", "Referrer-Policy": referrer}


def html_page(language: str, title: str, style: str, content: str) -> str:
    """A whole page: `content` inside <main>, `style` its one stylesheet, not indexed."""
    return (
        "<!DOCTYPE html>\n"
        f"<html lang=\"{language}\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta name=\"robots\" content=\"noindex\">"
        f"<title>{escape(title)}</title><style>{style}</style></head><body><main>"
        + content + "</main></body></html>\n")
