"""Citizen satisfaction ratings: the scales, the reasons, what makes a rating valid.

Level codes are shared by every scale, so ratings taken under a five-level scale and under a
three-level one can be counted together. The satisfaction rate counts the two satisfied
levels over all ratings: "Bình thường" is not satisfaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.text import normalize

VERY_SATISFIED = "very_satisfied"
SATISFIED = "satisfied"
NEUTRAL = "neutral"
DISSATISFIED = "dissatisfied"
VERY_DISSATISFIED = "very_dissatisfied"

#: Every level code, best first.
LEVEL_CODES = (VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED, VERY_DISSATISFIED)

#: Where the service was given: a ticket served at a counter, a result returned (or a
#: receipt scanned at the kiosk afterwards: the same dossier, rated once).
TICKET = "ticket"
DOSSIER = "dossier"

#: How the rating came in.
AT_COUNTER = "counter"
AT_KIOSK = "kiosk"

MAX_COMMENT = 500
MAX_REASONS = 10
MAX_REASON_LENGTH = 80


@dataclass(frozen=True)
class RatingLevel:
    """One answer a citizen can give."""

    code: str
    label: str
    score: int  # 5 best … 1 worst, the same on every scale
    satisfied: bool
    needs_reason: bool


_LEVELS = {
    VERY_SATISFIED: RatingLevel(VERY_SATISFIED, "Rất hài lòng", 5, True, False),
    SATISFIED: RatingLevel(SATISFIED, "Hài lòng", 4, True, False),
    NEUTRAL: RatingLevel(NEUTRAL, "Bình thường", 3, False, False),
    DISSATISFIED: RatingLevel(DISSATISFIED, "Không hài lòng", 2, False, True),
    VERY_DISSATISFIED: RatingLevel(VERY_DISSATISFIED, "Rất không hài lòng", 1, False, True),
}


def level_of(code: str) -> RatingLevel:
    """The level with this code; ValueError for an unknown one."""
    try:
        return _LEVELS[code]
    except KeyError:
        raise ValueError(f"Mức đánh giá không hợp lệ: {code!r}") from None


@dataclass(frozen=True)
class RatingScale:
    """The levels offered on the rating screen, best first."""

    name: str
    levels: tuple[RatingLevel, ...]

    def level(self, code: str) -> RatingLevel:
        """The level with this code on this scale; ValueError when the scale lacks it."""
        for level in self.levels:
            if level.code == code:
                return level
        raise ValueError(f"Mức đánh giá {code!r} không thuộc thang {self.name}")


FIVE_LEVELS = RatingScale("five", tuple(_LEVELS[c] for c in LEVEL_CODES))
THREE_LEVELS = RatingScale(
    "three", tuple(_LEVELS[c] for c in (VERY_SATISFIED, SATISFIED, DISSATISFIED))
)
SCALES = {FIVE_LEVELS.name: FIVE_LEVELS, THREE_LEVELS.name: THREE_LEVELS}

#: The short list offered after a dissatisfied answer (configurable in settings; no commas,
#: since an environment variable lists them separated by commas).
DEFAULT_REASONS = (
    "Thời gian chờ đợi lâu",
    "Thái độ của công chức chưa đúng mực",
    "Phải đi lại nhiều lần vì hướng dẫn chưa rõ",
    "Thủ tục giấy tờ phức tạp",
    "Trả kết quả trễ hẹn",
    "Phí và lệ phí chưa được giải thích rõ",
    "Cơ sở vật chất nơi chờ chưa tốt",
)


def scale_named(name: str) -> RatingScale:
    """The scale called `name` ("five" or "three"); ValueError otherwise."""
    try:
        return SCALES[name]
    except KeyError:
        raise ValueError(f"Thang đánh giá không hợp lệ: {name!r}") from None


def event_key(kind: str, ref_id: int) -> str:
    """The key of one service event: one rating each ("ticket:12", "dossier:34")."""
    if kind not in (TICKET, DOSSIER):
        raise ValueError(f"Loại lượt phục vụ không hợp lệ: {kind!r}")
    return f"{kind}:{ref_id}"


def parse_event_key(key: str) -> tuple[str, int]:
    """The kind and id inside an event key; ValueError when it is not one."""
    kind, _, ref = key.partition(":")
    # ASCII digits, few enough for int(): isdigit() also takes "²", which int() refuses.
    if kind not in (TICKET, DOSSIER) or not (ref.isascii() and ref.isdigit() and len(ref) <= 18):
        raise ValueError(f"Mã lượt phục vụ không hợp lệ: {key!r}")
    return kind, int(ref)


def clean_reasons(reasons: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Reasons normalised, blanks and repeats dropped, order kept."""
    seen: list[str] = []
    for reason in reasons:
        text = normalize(reason)
        if text and text not in seen:
            seen.append(text)
    return tuple(seen)


def rating_problems(
    scale: RatingScale,
    level_code: str,
    reasons: tuple[str, ...],
    comment: str,
    offered_reasons: tuple[str, ...],
) -> list[str]:
    """What is wrong with a rating, in Vietnamese; empty when it can be saved.

    Reasons belong to the dissatisfied levels and must come from the offered list (the
    screen offers nothing else). None is required: a citizen who walks away at the reason
    step still leaves their rating.
    """
    try:
        level = scale.level(level_code)
    except ValueError:
        return ["Mức đánh giá không có trên thang đang dùng."]
    problems: list[str] = []
    unknown = [r for r in reasons if r not in offered_reasons]
    if unknown:
        problems.append("Lý do không có trong danh sách: " + "; ".join(unknown))
    if len(normalize(comment)) > MAX_COMMENT:
        problems.append(f"Ý kiến quá dài (tối đa {MAX_COMMENT} ký tự).")
    if reasons and not level.needs_reason:
        problems.append("Chỉ ghi lý do khi công dân chưa hài lòng.")
    return problems


def satisfaction_rate(satisfied: int, total: int) -> float | None:
    """Satisfied over all ratings, as a fraction; None when nobody rated."""
    if total <= 0:
        return None
    return satisfied / total


def format_rate(rate: float | None) -> str:
    """A rate as Vietnamese readers write it: "92,5%", or "—" without ratings."""
    if rate is None:
        return "—"
    return f"{rate * 100:.1f}%".replace(".", ",")
