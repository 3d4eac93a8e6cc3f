"""Vietnamese text helpers: accent folding for search and normalisation for storage."""

from __future__ import annotations

import unicodedata

# Đ/đ carry no combining mark, so decomposition alone keeps them; the Icelandic eth (Ð/ð) is
# what legacy encodings and some keyboards produce instead of Đ/đ.
_LETTER_MAP = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def fold(s: str) -> str:
    """Fold text for search: lower case, no accents, đ → d, single spaces, stripped."""
    lowered = unicodedata.normalize("NFD", normalize(s).lower()).translate(_LETTER_MAP)
    return " ".join("".join(ch for ch in lowered if not unicodedata.combining(ch)).split())


def normalize(s: str) -> str:
    """Clean user text for storage: NFC, no control characters, single spaces, stripped."""
    kept: list[str] = []
    for ch in s:
        if ch.isspace():
            kept.append(" ")
        elif unicodedata.category(ch) not in ("Cc", "Cf"):
            kept.append(ch)
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).split())
