"""Hostile text for fuzzing parsers and forms: Vietnamese (NFC and NFD), control characters,
very long strings, SQL and HTML fragments, emoji and random Unicode without surrogates."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import strategies as st

VIETNAMESE_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
#: Vietnamese letters of both cases, precomposed (NFC).
VIETNAMESE_ALPHABET = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + "bcghklmnpqrstvx"

VIETNAMESE_WORDS = (
    "Nguyễn",
    "Thị",
    "Hồng",
    "Phượng",
    "Đặng",
    "Quốc",
    "Trường",
    "xã",
    "Phong",
    "Thổ",
    "bản",
    "Nậm",
    "Xe",
    "tỉnh",
    "Lai",
    "Châu",
    "khuyến",
    "giữa",
    "Ỷ",
    "Lan",
)

CONTROL_CHARACTERS = (
    "\x00",
    "\x01",
    "\x07",
    "\x08",
    "\x1b",
    "\x7f",
    "\x85",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\x0b",
    "\x0c",
    "\u00a0",  # no-break space
    "\u200b",  # zero-width space
    "\u200c",
    "\u200d",
    "\u2028",  # line separator
    "\u2029",
    "\u202a",
    "\u202e",  # right-to-left override
    "\u2066",
    "\ufeff",  # byte-order mark / zero-width no-break space
    "\u00ad",  # soft hyphen
)

SQL_FRAGMENTS = (
    "'; DROP TABLE dossier;--",
    "' OR '1'='1",
    '" OR ""="',
    "%",
    "_",
    "%_%",
    "\\",
    "1; DELETE FROM applicant",
    "UNION SELECT * FROM app_user --",
    "/* */",
    "NULL",
    "''",
)

HTML_FRAGMENTS = (
    "<script>alert(1)</script>",
    "<b>đậm</b>",
    "<img src=x onerror=alert(1)>",
    "&amp;",
    "&#x27;",
    "</td></tr>",
    "<!--",
    "]]>",
    "{{7*7}}",
    "${jndi:ldap://x}",
)

EMOJI = ("😀", "👍🏽", "🇻🇳", "👨‍👩‍👧", "❤️", "🏳️‍🌈", "𝕏", "\U0001f9d1\u200d\U0001f4bb")

#: Digits that are not ASCII: str.isdigit() accepts them, int() refuses some ("²").
UNICODE_DIGITS = ("²", "¹", "٣٤", "０９", "𝟗", "৪", "۰")

#: Characters the app must treat as data: quotes, separators, format marks of CSV and codes.
PUNCTUATION = tuple("|;,.:-/\"'“”‘’()[]{}<>*?#@+=!~`^$&")


def nfd(text: str) -> str:
    """The text with every accent as a separate combining mark."""
    return unicodedata.normalize("NFD", text)


vietnamese_words = st.sampled_from(VIETNAMESE_WORDS) | st.text(
    st.sampled_from(VIETNAMESE_ALPHABET), min_size=1, max_size=8
)

#: Vietnamese text in precomposed form (NFC), words separated by single spaces.
vietnamese_text = st.lists(vietnamese_words, min_size=1, max_size=8).map(" ".join)

#: The same kind of text, decomposed (NFD): what some keyboards and Mac file names produce.
vietnamese_nfd = vietnamese_text.map(nfd)

control_characters = st.sampled_from(CONTROL_CHARACTERS)
sql_fragments = st.sampled_from(SQL_FRAGMENTS)
html_fragments = st.sampled_from(HTML_FRAGMENTS)
emoji = st.sampled_from(EMOJI)
unicode_digits = st.sampled_from(UNICODE_DIGITS)

#: Any Unicode text without surrogates (they cannot be encoded to UTF-8 or stored).
random_unicode = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)


def long_text(min_size: int = 10_000) -> st.SearchStrategy[str]:
    """A very long string: a short piece repeated past `min_size` characters."""
    pieces = vietnamese_text | sql_fragments | html_fragments | st.just("9") | random_unicode
    return pieces.filter(bool).map(lambda s: (s * (min_size // len(s) + 1))[: min_size + 7])


_pieces = st.one_of(
    vietnamese_text,
    vietnamese_nfd,
    control_characters,
    sql_fragments,
    html_fragments,
    emoji,
    unicode_digits,
    st.sampled_from(PUNCTUATION),
    random_unicode,
    st.from_regex(r"[0-9]{1,14}", fullmatch=True),
)

#: Short hostile text: a mix of the pieces above.
hostile_text = st.lists(_pieces, max_size=6).map("".join)

#: Hostile text, sometimes very long.
hostile = st.one_of(hostile_text, hostile_text, hostile_text, long_text())


def with_noise(text: str) -> st.SearchStrategy[str]:
    """The text with control characters, spaces or zero-width marks inserted around it."""
    noise = st.lists(control_characters | st.just(" "), max_size=3).map("".join)
    return st.tuples(noise, noise).map(lambda ends: ends[0] + text + ends[1])


_VIETNAMESE_MARKS = set(VIETNAMESE_LETTERS.replace("a", "").replace("e", "")) - set("iouy")
_QUOTED = re.compile(r"“[^”]*”|'[^']*'")


def is_vietnamese_message(message: str) -> bool:
    """A message for a person: not empty, and Vietnamese once quoted input is taken out."""
    outside = _QUOTED.sub(" ", message)
    return bool(message.strip()) and any(ch in _VIETNAMESE_MARKS for ch in outside.lower())


def has_control_characters(text: str) -> bool:
    """True when text holds a control or format character, or a line or paragraph break."""
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in text)


def is_clean(text: str) -> bool:
    """Stored text as the app stores it: NFC, no control characters, single spaces, stripped."""
    return (
        unicodedata.is_normalized("NFC", text)
        and not has_control_characters(text)
        and text == " ".join(text.split())
    )
