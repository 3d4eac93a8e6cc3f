"""Read a batch body and keep, for each item, the exact text of its ``data`` member.

``json.loads`` would lose the bytes the office sent; the server must store a dossier exactly
as received, so the top level and each item's envelope are walked here by hand and only the
values are handed to the standard decoder, which reports where each one ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from json import JSONDecodeError, JSONDecoder
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

_WS = re.compile(r"[ \t\n\r]*")
_decoder = JSONDecoder()


@dataclass
class RawItem:
    """One batch item: its envelope members (``data`` parsed too) and ``data``'s exact text."""

    envelope: dict[str, Any]
    raw_data: str | None  # None when the item is not an object or has no "data"
    is_object: bool = True


def _skip(text: str, i: int) -> int:
    match = _WS.match(text, i)
    assert match is not None  # the pattern matches the empty string
    return match.end()


def _expect(text: str, i: int, char: str) -> int:
    if i >= len(text) or text[i] != char:
        raise JSONDecodeError(f"Expecting {char!r}", text, i)
    return i + 1


def _members(text: str, i: int, on_value: Any) -> int:
    """Walk an object starting at ``text[i] == '{'``, calling on_value(key, start); return end."""
    i = _skip(text, _expect(text, i, "{"))
    if i < len(text) and text[i] == "}":
        return i + 1
    while True:
        key, i = scanstring(text, _expect(text, i, '"'))
        i = _skip(text, _expect(text, _skip(text, i), ":"))
        i = _skip(text, on_value(key, i))
        if i < len(text) and text[i] == ",":
            i = _skip(text, i + 1)
            continue
        return _expect(text, i, "}")


def _item(text: str, i: int) -> tuple[RawItem, int]:
    if text[i] != "{":
        value, end = _decoder.raw_decode(text, i)
        return RawItem({"value": value}, None, is_object=False), end
    envelope: dict[str, Any] = {}
    raw: list[str] = []

    def on_value(key: str, start: int) -> int:
        value, end = _decoder.raw_decode(text, start)
        envelope[key] = value
        if key == "data":
            raw[:] = [text[start:end]]
        return end

    end = _members(text, i, on_value)
    return RawItem(envelope, raw[0] if raw else None), end


def parse_batch(text: str) -> tuple[dict[str, Any], list[RawItem] | None]:
    """Split a batch body into its other top-level members and its items; JSONDecodeError if bad.

    A body without ``"items"`` gives None; an ``items`` that is not an array raises.
    """
    top: dict[str, Any] = {}
    items: list[RawItem] = []
    seen: list[bool] = []

    def on_value(key: str, start: int) -> int:
        if key != "items":
            top[key], end = _decoder.raw_decode(text, start)
            return int(end)
        items.clear()
        seen.append(True)
        i = _skip(text, _expect(text, start, "["))
        if i < len(text) and text[i] == "]":
            return i + 1
        while True:
            if i >= len(text):
                raise JSONDecodeError("Unterminated array", text, i)
            item, i = _item(text, i)
            items.append(item)
            i = _skip(text, i)
            if i < len(text) and text[i] == ",":
                i = _skip(text, i + 1)
                continue
            return _expect(text, i, "]")

    end = _skip(text, _members(text, _skip(text, 0), on_value))
    if end != len(text):
        raise JSONDecodeError("Extra data", text, end)
    return top, items if seen else None
