"""The response headers of the pages the server renders itself (status page, dashboard);
their frame is central/templates/page.html."""

from __future__ import annotations

import base64
import hashlib


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

