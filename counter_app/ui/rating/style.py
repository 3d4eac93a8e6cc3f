"""The rating pages' look: the kiosk's style sheet plus level colours, reasons and keys."""

from __future__ import annotations

from counter_app.domain.rating import (
    DISSATISFIED,
    NEUTRAL,
    SATISFIED,
    VERY_DISSATISFIED,
    VERY_SATISFIED,
)
from counter_app.ui.kiosk.style import BLUE, NAVY, kiosk_style, px

#: One colour per level, best to worst; white text reads on each (contrast ≥ 4.5:1).
LEVEL_COLOURS = {
    VERY_SATISFIED: "#176b32",
    SATISFIED: "#2f7d1f",
    NEUTRAL: "#806000",
    DISSATISFIED: "#b04a06",
    VERY_DISSATISFIED: "#a3211a",
}

_TEMPLATE = """
QWidget#ratingScreen {{ background: #eef2f7; }}
QLabel#counterTitle {{ font-size: {counter}px; font-weight: bold; }}
QLabel#counterHuge {{ font-size: {huge}px; font-weight: bold; color: {navy}; }}
QLabel#clerk {{ font-size: {clerk}px; }}
QLabel#subject {{ font-size: {small}px; color: #d6e4f5; }}
QLabel#question {{ font-size: {question}px; font-weight: bold; color: {navy}; }}
QLabel#invite {{ font-size: {question}px; font-weight: bold; color: {navy}; }}
QLabel#note {{ font-size: {small}px; color: #3d4b59; }}
QLabel#thanks {{ font-size: {thanks}px; font-weight: bold; color: #176b32; }}
QLabel#status {{
    font-size: {small}px; font-weight: bold; color: #ffffff; background: #9a4a00;
    padding: {pad}px {wide}px;
}}
QPushButton#level {{ border: none; border-radius: {radius}px; }}
QPushButton#level:disabled {{ background: #c9d1da; }}
QPushButton#level QLabel#levelText {{
    color: #ffffff; font-size: {level}px; font-weight: bold;
}}
{levels}
QPushButton#reason {{
    background: #ffffff; border: {border}px solid {navy}; min-height: {reason_h}px;
}}
QPushButton#reason QLabel#reasonText {{ color: {navy}; font-size: {reason}px; }}
QPushButton#reason:checked {{ background: {navy}; }}
QPushButton#reason QLabel#reasonTextOn {{
    color: #ffffff; font-size: {reason}px; font-weight: bold;
}}
QPushButton#reason:hover {{ background: #ffffff; }}
QPushButton#reason:checked:hover {{ background: {navy}; }}
QPushButton#comment {{
    background: #ffffff; color: #3d4b59; border: {border}px dashed {navy};
    font-size: {reason}px; text-align: left; padding: {pad}px {wide}px;
    min-height: {reason_h}px;
}}
QPlainTextEdit#commentBox, QLabel#codeEntry {{
    background: #ffffff; color: #14202b; border: {border}px solid {navy};
    border-radius: {radius}px; font-size: {reason}px; padding: {pad}px;
}}
QPlainTextEdit#commentBox {{ font-size: {comment}px; }}
QLabel#codeEntry {{ font-size: {code}px; font-weight: bold; }}
QPushButton#skip {{
    background: #ffffff; color: {navy}; border: {border}px solid {navy};
    font-size: {reason}px; font-weight: bold; min-height: {skip_h}px; min-width: {skip_w}px;
}}
QPushButton#skip:hover {{ background: #ffffff; }}
QPushButton#skip:pressed {{ background: #d6e4f5; }}
QPushButton#skip:disabled {{ color: #8aa3bf; border-color: #c9d1da; }}
QLabel#count {{ font-size: {small}px; color: #3d4b59; }}
QPushButton#key, QPushButton#keyMark, QPushButton#keyTone, QPushButton#keyWide {{
    background: #ffffff; color: #14202b; border: {thin}px solid #8aa3bf;
    border-radius: {key_radius}px; font-size: {key}px; padding: 0px;
    min-height: {key_h}px; max-height: {key_h}px;
}}
QPushButton#keyMark {{ color: {navy}; background: #e3edf8; font-weight: bold; }}
QPushButton#keyTone {{ color: {blue}; background: #e3edf8; font-weight: bold; }}
QPushButton#keyWide {{ background: #dde3ea; }}
QPushButton#keyWide:checked {{ background: {navy}; color: #ffffff; }}
QPushButton#key:pressed, QPushButton#keyMark:pressed, QPushButton#keyTone:pressed,
QPushButton#keyWide:pressed {{ background: #b9cde4; }}
QPushButton#key:hover, QPushButton#keyMark:hover, QPushButton#keyTone:hover {{
    border-color: #8aa3bf;
}}
QPushButton#rateEntry {{ background: #ffffff; border: {border}px solid #176b32; }}
QPushButton#rateEntry:pressed {{ background: #dff0e3; }}
QPushButton#rateEntry:hover {{ background: #ffffff; }}
QPushButton#rateEntry QLabel {{ color: #176b32; }}
"""


def _level_rules() -> str:
    rules = []
    for code, colour in LEVEL_COLOURS.items():
        rules.append(f'QPushButton#level[level="{code}"] {{ background: {colour}; }}')
        rules.append(f'QPushButton#level[level="{code}"]:hover {{ background: {colour}; }}')
        # The tapped level keeps its colour while the others grey out.
        rules.append(
            f'QPushButton#level[level="{code}"][chosen="true"]:disabled {{ background: {colour}; }}'
        )
    return "\n".join(rules)


def rating_style(scale: float) -> str:
    """The kiosk's style sheet and the rating pages' rules, for a screen `scale` times 1366×768."""
    sizes = {
        "counter": 40,
        "huge": 120,
        "clerk": 28,
        "small": 20,
        "question": 32,
        "thanks": 44,
        "level": 26,
        "reason": 24,
        "code": 34,
        "comment": 28,
        "skip_h": 50,
        "skip_w": 200,
        "key": 28,
        "key_h": 58,
        "reason_h": 44,
        "radius": 14,
        "key_radius": 8,
        "pad": 8,
        "wide": 18,
        "border": 3,
        "thin": 2,
    }
    scaled = {key: px(value, scale) for key, value in sizes.items()}
    extra = _TEMPLATE.format(**scaled, navy=NAVY, blue=BLUE, levels=_level_rules())
    return kiosk_style(scale) + extra
