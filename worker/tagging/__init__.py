"""Sahel event tagger: where, who, what, when, and how many dead, by whose count.

`tag_article` is imported lazily so that the extractor modules
(`worker.tagging.gazetteer`, `.claims`, ...) load without the whole pipeline.
"""
from __future__ import annotations

from typing import Any

__all__ = ["tag_article"]


def __getattr__(name: str) -> Any:
    if name == "tag_article":
        from .tagger import tag_article

        return tag_article
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
