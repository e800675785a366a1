"""The generic webhook: the ALERT-SCHEMA body itself, the contract other tools build on.

Signing happens at delivery time over the body's exact bytes, so nothing here
may reorder or rewrite it.
"""

from __future__ import annotations

from typing import Any


def render(body: dict[str, Any]) -> dict[str, Any]:
    """The body unchanged (same object): the signature must cover what the schema promises."""
    return body
