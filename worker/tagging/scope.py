"""Which countries and first-level regions the tagger reports on (EVENT-SCHEMA.md, Scope).

Core Sahel countries count everywhere; spill-over countries only in the listed admin1
units, named exactly as the gazetteer names them (e.g. "Far North", "Niger" for
Nigeria's Niger State), so `covers` can compare a place's admin1 directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

from .gazetteer import lookup, normalise_name


@cache
def _admin1_keys(country: str, name: str) -> frozenset[str]:
    """The name and the canonical names of admin1 units spelt like it ("Extreme-Nord" -> "Far North").
    Cached: every event's scope check asks for the same few names."""
    keys = {normalise_name(name)}
    keys |= {normalise_name(p.name) for p in lookup(name, country) if p.level == "admin1"}
    return frozenset(keys)


@dataclass(frozen=True)
class Scope:
    core: frozenset[str]
    # Left out of the hash (a mapping proxy is unhashable) so a Scope can key a cache.
    spillover: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}), hash=False)

    def covers(self, country: str, admin1: str | None) -> bool:
        """True for any place of a core country, or a listed admin1 of a spill-over one."""
        if country in self.core:
            return True
        allowed = self.spillover.get(country)
        if not allowed or not admin1:
            return False
        wanted = _admin1_keys(country, admin1)
        return any(_admin1_keys(country, a) & wanted for a in allowed)

    @classmethod
    def from_config(cls, core: Iterable[str] = (), spillover: Mapping[str, Iterable[str]] | None = None) -> "Scope":
        """Build a scope from plain lists and dicts (settings, JSON), upper-casing country codes."""
        spill = {cc.strip().upper(): frozenset(a.strip() for a in units) for cc, units in (spillover or {}).items()}
        return cls(core=frozenset(c.strip().upper() for c in core), spillover=MappingProxyType(spill))


# EVENT-SCHEMA.md: core MR ML BF NE TD; NG north-east and north-west states; CM Far North;
# BJ Alibori, Atacora, Borgou; TG Savanes.
DEFAULT_SCOPE = Scope.from_config(
    core=["MR", "ML", "BF", "NE", "TD"],
    spillover={
        "NG": ["Borno", "Yobe", "Adamawa", "Bauchi", "Gombe", "Sokoto", "Kebbi", "Zamfara",
               "Katsina", "Kano", "Jigawa", "Niger", "Kaduna"],
        "CM": ["Far North"],
        "BJ": ["Alibori", "Atacora", "Borgou"],
        "TG": ["Savanes"],
    },
)
