"""Small text helpers shared by the normalisers."""

from __future__ import annotations

import unicodedata


def ascii_fold(text: str) -> str:
    """Strip Vietnamese diacritics: 'Thuận Châu' -> 'Thuan Chau', 'Đắk' -> 'Dak'."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def fold_key(text: str) -> str:
    """A lookup key that ignores case, diacritics, hyphens and spacing."""
    folded = ascii_fold(text).lower().replace("-", " ").replace("’", "'")
    return " ".join(folded.split())
