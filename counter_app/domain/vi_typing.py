"""Typing Vietnamese on an on-screen keyboard: vowel marks and tones on the word being typed.

Letters are typed plainly; a mark key turns a into â or ă, e into ê, o into ô or ơ, u into ư
and d into đ in the current word (the letters at the end of the text); a tone key puts one
of the five tones on the vowel that carries it, by the usual spelling rule:

- a vowel with a mark carries it (ơ in ươ): người, trường, khuyến, Nguyễn, giữa;
- "qu" and "gi" before another vowel are consonants: quý, quốc, già, giếng;
- with a final consonant, the last vowel of the cluster: hoàn, toán, quýt;
- an open cluster of two vowels, the first: hài, múa, mía; of three, the middle: ngoài.

The open clusters oa, oe, uy have two written styles, both in use: the older "hòa, khỏe,
thủy" (the default here, as most printed forms and keyboards still write it) and the newer
"hoà, khoẻ, thuỷ" (``modern=True``). Whichever the citizen is used to reads correctly.

Pressing the tone a word already has takes it off; typing on after a tone moves the tone
to where the longer word needs it (hòa + n gives hoàn). Case is kept; output is NFC.
"""

from __future__ import annotations

import unicodedata

SAC = "sac"
HUYEN = "huyen"
HOI = "hoi"
NGA = "nga"
NANG = "nang"
NO_TONE = ""
#: The five tones, in the order a keyboard shows them.
TONES = (SAC, HUYEN, HOI, NGA, NANG)

CIRCUMFLEX = "circumflex"  # â ê ô
BREVE = "breve"  # ă
HORN = "horn"  # ơ ư
STROKE = "stroke"  # đ
#: The mark keys.
MARKS = (CIRCUMFLEX, BREVE, HORN, STROKE)

_TONE_SIGNS = {SAC: "\u0301", HUYEN: "\u0300", HOI: "\u0309", NGA: "\u0303", NANG: "\u0323"}
_SIGN_TONES = {sign: tone for tone, sign in _TONE_SIGNS.items()}
_MARK_SIGNS = {CIRCUMFLEX: "\u0302", BREVE: "\u0306", HORN: "\u031b"}
_VOWELS = frozenset("aăâeêioôơuưy")
_MARKED = "ăâêôư"  # ơ is looked for first


def nfc(text: str) -> str:
    """Text with composed letters."""
    return unicodedata.normalize("NFC", text)


def split_tone(letter: str) -> tuple[str, str]:
    """A letter without its tone, and the tone ("" for none): "ễ" → ("ê", NGA)."""
    tone = NO_TONE
    kept = []
    for part in unicodedata.normalize("NFD", letter):
        if part in _SIGN_TONES:
            tone = _SIGN_TONES[part]
        else:
            kept.append(part)
    return nfc("".join(kept)), tone


def with_tone(letter: str, tone: str) -> str:
    """A letter (without tone) carrying `tone`."""
    return nfc(letter + _TONE_SIGNS[tone]) if tone else letter


def strip_tones(text: str) -> str:
    """Text with every tone taken off, vowel marks kept: "Nguyễn" → "Nguyên"."""
    return "".join(split_tone(letter)[0] for letter in nfc(text))


def tone_of(word: str) -> str:
    """The tone written in a word ("" for none; the first one if there are several)."""
    for letter in nfc(word):
        tone = split_tone(letter)[1]
        if tone:
            return tone
    return NO_TONE


def _plain(letter: str) -> str:
    """The letter without any mark, case kept: "Ở" → "O"."""
    return unicodedata.normalize("NFD", letter)[0]


def _is_vowel(letter: str) -> bool:
    return letter.lower() in _VOWELS


def _nucleus(bases: list[str]) -> tuple[int, int]:
    """Where the syllable's vowel cluster starts and ends, after "qu" / "gi" if any."""
    lower = [b.lower() for b in bases]
    start = 0
    while start < len(lower) and not _is_vowel(lower[start]):
        start += 1
    end = start
    while end < len(lower) and _is_vowel(lower[end]):
        end += 1
    if end - start >= 2 and start >= 1:
        pair = lower[start - 1] + lower[start]
        if pair in ("qu", "gi"):
            start += 1
    return start, end


def _tone_index(bases: list[str], modern: bool) -> int | None:
    """Which letter carries the tone, or None when the word has no vowel."""
    start, end = _nucleus(bases)
    if start >= end:
        return None
    cluster = [b.lower() for b in bases[start:end]]
    if "ơ" in cluster:
        return start + cluster.index("ơ")
    for offset, letter in enumerate(cluster):
        if letter in _MARKED:
            return start + offset
    if end < len(bases):  # a final consonant
        return end - 1
    if len(cluster) == 2:
        second = modern and "".join(cluster) in ("oa", "oe", "uy")
        return end - 1 if second else start
    return start if len(cluster) == 1 else start + 1


def _place(bases: list[str], tone: str, modern: bool) -> str:
    index = _tone_index(bases, modern)
    letters = list(bases)
    if tone and index is not None:
        letters[index] = with_tone(bases[index], tone)
    return "".join(letters)


def apply_tone(word: str, tone: str, *, modern: bool = False) -> str:
    """The word with `tone` on the right vowel; the tone it already has comes off ("" too)."""
    letters = [split_tone(letter) for letter in nfc(word)]
    bases = [base for base, _ in letters]
    if _tone_index(bases, modern) is None:
        return nfc(word)
    current = next((t for _, t in letters if t), NO_TONE)
    return _place(bases, NO_TONE if tone == current else tone, modern)


def retone(word: str, *, modern: bool = False) -> str:
    """The word with its tone moved to where the rule puts it (after more letters typed)."""
    word = nfc(word)
    tone = tone_of(word)
    if not tone:
        return word
    return _place([split_tone(letter)[0] for letter in word], tone, modern)


def _marked(letter: str, sign: str | None) -> str:
    """The plain letter with a vowel mark (None: none), case kept."""
    plain = _plain(letter)
    return nfc(plain + sign) if sign else plain


def _toggle(letter: str, sign: str) -> str:
    return _plain(letter) if _marked(letter, sign) == letter else _marked(letter, sign)


def _mark_vowels(bases: list[str], mark: str) -> list[str] | None:
    start, end = _nucleus(bases)
    plains = [_plain(b).lower() for b in bases[start:end]]
    out = list(bases)
    if mark == HORN:
        for offset in range(len(plains) - 1):
            if plains[offset : offset + 2] == ["u", "o"]:
                u, o = start + offset, start + offset + 1
                both = bases[u].lower() == "ư" and bases[o].lower() == "ơ"
                sign = None if both else _MARK_SIGNS[HORN]
                out[u], out[o] = _marked(bases[u], sign), _marked(bases[o], sign)
                return out
        wanted, pick_last = "ou", False
    else:
        wanted, pick_last = ("aeo" if mark == CIRCUMFLEX else "a"), True
    candidates = [start + i for i, plain in enumerate(plains) if plain in wanted]
    if not candidates:
        return None
    index = candidates[-1] if pick_last else candidates[0]
    out[index] = _toggle(bases[index], _MARK_SIGNS[mark])
    return out


def apply_mark(word: str, mark: str, *, modern: bool = False) -> str:
    """The word with a vowel mark (or đ) added, or taken off when it is there already.

    Circumflex and breve go on the last a/e/o (a) of the vowel cluster, the horn on both
    letters of "uo" (ươ) or else on the first o or u; the stroke turns a leading d into đ.
    A word with nothing to mark comes back unchanged.
    """
    word = nfc(word)
    if mark == STROKE:
        if word[:1].lower() == "d":
            return ("Đ" if word[0].isupper() else "đ") + word[1:]
        if word[:1].lower() == "đ":
            return ("D" if word[0].isupper() else "d") + word[1:]
        return word
    if mark not in _MARK_SIGNS:
        raise ValueError(f"Dấu không hợp lệ: {mark!r}")
    tone = tone_of(word)
    bases = _mark_vowels([split_tone(letter)[0] for letter in word], mark)
    if bases is None:
        return word
    return _place(bases, tone, modern)


def last_word(text: str) -> tuple[str, str]:
    """The text before the word being typed, and that word (its letters at the very end)."""
    text = nfc(text)
    cut = len(text)
    while cut > 0 and text[cut - 1].isalpha():
        cut -= 1
    return text[:cut], text[cut:]


def type_letter(text: str, letter: str, *, modern: bool = False) -> str:
    """Text after one key: the letter (or digit, space, sign) added, the tone kept in place."""
    head, word = last_word(text + letter)
    return head + retone(word, modern=modern)


def type_mark(text: str, mark: str, *, modern: bool = False) -> str:
    """Text after a mark key: the current word marked (unchanged when nothing fits)."""
    head, word = last_word(text)
    return head + apply_mark(word, mark, modern=modern) if word else nfc(text)


def type_tone(text: str, tone: str, *, modern: bool = False) -> str:
    """Text after a tone key: the current word toned (unchanged when it has no vowel)."""
    head, word = last_word(text)
    return head + apply_tone(word, tone, modern=modern) if word else nfc(text)
