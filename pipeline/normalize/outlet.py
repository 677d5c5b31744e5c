"""A news outlet's home province from its address (ANNOTATION.md §3, `url` rule).

Provincial papers, radio stations and portals carry the province in their host name,
written without spaces or diacritics ("baothaibinh.com.vn", "thainguyentv.vn"); hosts that
say otherwise are listed in patterns/shared/outlets.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable
from urllib.parse import urlsplit

from pipeline.normalize.text import ascii_fold


def squashed(name: str) -> str:
    """A place name as hosts write it: 'Thừa Thiên-Huế' -> 'thuathienhue'."""
    return re.sub(r"[^a-z]", "", ascii_fold(name).lower())


@dataclass(frozen=True)
class OutletProvinces:
    """Province names as hosts write them, and the hosts listed by hand."""

    by_key: dict[str, str]
    hosts: dict[str, str | None]
    ignored_labels: frozenset[str]

    @classmethod
    def from_data(cls, provinces: Iterable[str], data: dict[str, Any]) -> "OutletProvinces":
        """Build from the gazetteer's province names and the parsed outlets.yml."""
        return cls(by_key={squashed(p): p for p in provinces},
                   hosts={h.lower(): p for h, p in (data.get("hosts") or {}).items()},
                   ignored_labels=frozenset(data.get("ignored_labels") or []))

    def province_of(self, url: str | None) -> str | None:
        """The home province of the outlet at `url`, or None for a national or unknown one."""
        if not url:
            return None
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
        for listed, province in self.hosts.items():
            if host == listed or host.endswith("." + listed):
                return province
        labels = [label for label in host.split(".") if label not in self.ignored_labels]
        found = [(len(key), province) for label in labels
                 for key, province in self.by_key.items() if key in label]
        return max(found)[1] if found else None
