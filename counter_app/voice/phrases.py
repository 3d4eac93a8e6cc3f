"""What the display board says for a call, as words and as the recorded clips to join."""

from __future__ import annotations

#: The digits as read one by one ("không", not "linh" or "lẻ": a ticket digit is a digit).
DIGIT_WORDS: tuple[str, ...] = (
    "không",
    "một",
    "hai",
    "ba",
    "bốn",
    "năm",
    "sáu",
    "bảy",
    "tám",
    "chín",
)

#: Vietnamese names of the Latin letters, as people say them. D is "đê", as in acronyms ("DVD"
#: "đê vê đê"): "dê" sounds exactly like G's "giê" in the North. F, S and X take their common
#: two-syllable names ("ép-phờ", "ét-xì", "ích-xì"): the one-syllable "ép", "ét", "ích" end in a
#: stop and last under a fifth of a second, too easily missed over a loudspeaker.
LETTER_NAMES: dict[str, str] = {
    "A": "a",
    "B": "bê",
    "C": "xê",
    "D": "đê",
    "E": "e",
    "F": "ép-phờ",
    "G": "giê",
    "H": "hát",
    "I": "i",
    "J": "gi",
    "K": "ca",
    "L": "e-lờ",
    "M": "em-mờ",
    "N": "en-nờ",
    "O": "o",
    "P": "pê",
    "Q": "quy",
    "R": "e-rờ",
    "S": "ét-xì",
    "T": "tê",
    "U": "u",
    "V": "vê",
    "W": "vê kép",
    "X": "ích-xì",
    "Y": "i dài",
    "Z": "dét",
}

#: Spellings a speech engine reads right: espeak-ng reads a bare "gi" as the consonant alone.
_SPEAK_AS: dict[str, str] = {"gi": "di"}


def letter_speech(letter: str) -> str:
    """What to give a speech engine to say a letter's name, e.g. "L" → "e lờ"."""
    name = LETTER_NAMES[letter.upper()]
    return _SPEAK_AS.get(name, name).replace("-", " ")


CHIME = "chime"
INVITE = "moi_cong_dan_co_so_thu_tu"
TO_COUNTER = "den_quay_so"

INVITE_TEXT = "Mời công dân có số thứ tự"
TO_COUNTER_TEXT = "đến quầy số"

#: Clips for the words of a counter number that are not plain digits.
NUMBER_WORD_CLIPS: dict[str, str] = {
    "mười": "muoi",  # ten: "mười hai"
    "mươi": "muoi_tens",  # "-ty": "hai mươi"
    "mốt": "mot_tens",  # one after mươi: "hai mươi mốt"
    "tư": "tu",  # four after mươi: "hai mươi tư"
    "lăm": "lam",  # five after mười / mươi: "mười lăm"
}


def letter_clip(letter: str) -> str:
    """The clip name of a letter A–Z, e.g. "letter_a"."""
    return f"letter_{letter.lower()}"


#: Every spoken clip (name → text given to the speech synthesiser), the chime aside.
CLIP_TEXTS: dict[str, str] = {
    INVITE: INVITE_TEXT,
    TO_COUNTER: TO_COUNTER_TEXT,
    **{str(d): word for d, word in enumerate(DIGIT_WORDS)},
    **{clip: word for word, clip in NUMBER_WORD_CLIPS.items()},
    **{letter_clip(k): letter_speech(k) for k in LETTER_NAMES},
}

#: Every clip a call may use: the chime and the spoken ones.
ALL_CLIPS: tuple[str, ...] = (CHIME, *CLIP_TEXTS)


def number_words(n: int) -> str:
    """How a counter number 1–99 is read: 15 "mười lăm", 21 "hai mươi mốt", 24 "hai mươi tư"."""
    if not 1 <= n <= 99:
        raise ValueError(f"Chỉ đọc được số từ 1 đến 99, không phải {n}.")
    tens, unit = divmod(n, 10)
    if tens == 0:
        return DIGIT_WORDS[unit]
    words = ["mười"] if tens == 1 else [DIGIT_WORDS[tens], "mươi"]
    if unit == 5:
        words.append("lăm")
    elif unit == 1 and tens > 1:
        words.append("mốt")
    elif unit == 4 and tens > 1:
        words.append("tư")
    elif unit:
        words.append(DIGIT_WORDS[unit])
    return " ".join(words)


def _word_clip(word: str) -> str:
    return NUMBER_WORD_CLIPS.get(word) or str(DIGIT_WORDS.index(word))


def label_clips(label: str) -> list[str]:
    """A ticket label letter by letter and digit by digit: "A023" → letter_a, 0, 2, 3."""
    if not label:
        raise ValueError("Số thứ tự trống.")
    clips = []
    for ch in label.upper():
        if ch in LETTER_NAMES:
            clips.append(letter_clip(ch))
        elif ch.isascii() and ch.isdigit():
            clips.append(ch)
        else:
            raise ValueError(f"Không đọc được ký tự {ch!r} trong số thứ tự {label!r}.")
    return clips


def counter_clips(counter: int) -> list[str]:
    """A counter number as words, "quầy số mười hai"; digit by digit from 100 on."""
    if counter < 1:
        raise ValueError(f"Số quầy phải từ 1 trở lên, không phải {counter}.")
    if counter > 99:
        return list(str(counter))
    return [_word_clip(w) for w in number_words(counter).split()]


# A ticket is read digit by digit ("A không hai ba"), as Vietnamese queue systems do: it is what
# is printed, and "không trăm hai mươi ba" is long and easy to mishear. A counter is a small
# number and is read as one ("quầy số mười hai"), as people say it.
def call_clips(label: str, counter: int | None) -> list[str]:
    """The clips to join for a call, chime first; no "đến quầy số" part when counter is None."""
    clips = [CHIME, INVITE, *label_clips(label)]
    if counter is not None:
        clips += [TO_COUNTER, *counter_clips(counter)]
    return clips


def spoken_label(label: str) -> str:
    """A ticket label as words for a speech engine: "A023" → "a, không hai ba"."""
    groups: list[list[str]] = []
    last_kind = ""
    for clip in label_clips(label):
        kind = "digit" if clip.isdigit() else "letter"
        word = DIGIT_WORDS[int(clip)] if kind == "digit" else CLIP_TEXTS[clip]
        if kind != last_kind:
            groups.append([])
            last_kind = kind
        groups[-1].append(word)
    return ", ".join(" ".join(group) for group in groups)


def spoken_counter(counter: int) -> str:
    """A counter number as words for a speech engine (digit by digit from 100 on)."""
    counter_clips(counter)  # the same checks as the clips
    if counter > 99:
        return " ".join(DIGIT_WORDS[int(c)] for c in str(counter))
    return number_words(counter)


def spoken_call(label: str, counter: int | None) -> str:
    """The call as a speech engine should read it (words, not "A023", which engines misread)."""
    if counter is None:
        return f"{INVITE_TEXT} {spoken_label(label)}."
    return f"{INVITE_TEXT} {spoken_label(label)}, {TO_COUNTER_TEXT} {spoken_counter(counter)}."
