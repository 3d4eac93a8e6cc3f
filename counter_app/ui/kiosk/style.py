"""The kiosk's look: big type and high contrast, sized from the screen it runs on."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QSize

#: The design size; other screens scale from it (1920×1080 gives about 1.4).
BASE_WIDTH, BASE_HEIGHT = 1366, 768

NAVY = "#0b3d6e"
BLUE = "#0f5cab"
BLUE_DOWN = "#0a3f78"
AMBER = "#9a4a00"
RED = "#a3211a"
GREEN = "#176b32"

_TEMPLATE = """
QWidget#kiosk {{ background: #eef2f7; }}
QLabel {{ color: #14202b; background: transparent; }}
QWidget#header {{ background: {navy}; }}
QWidget#header QLabel {{ color: #ffffff; }}
QLabel#office {{ font-size: {office}px; font-weight: bold; }}
QLabel#greeting {{ font-size: {greeting}px; }}
QLabel#prompt {{ font-size: {prompt}px; font-weight: bold; color: {navy}; }}
QLabel#notice {{ font-size: {body}px; color: {red}; font-weight: bold; }}
QPushButton {{ font-size: {body}px; border-radius: {radius}px; padding: {pad}px; }}
QPushButton#tile {{ background: {blue}; border: none; }}
QPushButton#tile:pressed {{ background: {blue_down}; }}
QPushButton#tile:disabled {{ background: #8aa3bf; }}
QPushButton#tile QLabel#tileName {{ color: #ffffff; font-size: {tile}px; font-weight: bold; }}
QPushButton#tile QLabel#tileLetter {{
    color: {blue}; background: #ffffff; font-size: {letter}px; font-weight: bold;
    border-radius: {badge_radius}px;
}}
QPushButton#priority {{ background: #ffffff; border: {border}px solid {amber}; }}
QPushButton#priority:pressed {{ background: #fbe9d7; }}
QPushButton#priority:disabled {{ border-color: #c9d1da; }}
QPushButton#priorityChosen {{ background: {amber}; border: {border}px solid {amber}; }}
QPushButton#priority QLabel {{ color: {amber}; }}
QPushButton#priorityChosen QLabel {{ color: #ffffff; }}
QLabel#buttonTitle {{ font-size: {priority}px; font-weight: bold; }}
QLabel#buttonHint {{ font-size: {hint}px; }}
QPushButton#clearPriority, QPushButton#back {{
    background: #ffffff; color: {navy}; border: {border}px solid {navy};
    font-size: {priority}px; font-weight: bold;
}}
QPushButton#kind {{
    background: #ffffff; color: {amber}; border: {border}px solid {amber};
    font-size: {tile}px; font-weight: bold;
}}
QPushButton#kind:pressed {{ background: {amber}; color: #ffffff; }}
QPushButton#noKind {{
    background: #ffffff; color: {navy}; border: {border}px solid {navy};
    font-size: {tile}px; font-weight: bold;
}}
QLabel#title {{ font-size: {title}px; font-weight: bold; color: {navy}; }}
QLabel#subtle {{ font-size: {body}px; color: #3d4b59; }}
QLabel#number {{ font-size: {number}px; font-weight: bold; color: {navy}; }}
QLabel#numberSmall {{ font-size: {number_small}px; font-weight: bold; color: {navy}; }}
QLabel#detail {{ font-size: {detail}px; }}
QLabel#priorityTag {{
    font-size: {detail}px; font-weight: bold; color: #ffffff; background: {amber};
    border-radius: {radius}px; padding: {pad}px {wide}px;
}}
QLabel#printing {{ font-size: {detail}px; color: {navy}; }}
QLabel#printed {{ font-size: {detail}px; color: {green}; font-weight: bold; }}
QFrame#failure {{ background: #fde8e6; border: {border}px solid {red}; border-radius: {radius}px; }}
QFrame#failure QLabel {{ color: {red}; }}
QLabel#failureTitle {{ font-size: {detail}px; font-weight: bold; }}
QLabel#failureReason {{ font-size: {body}px; }}
QLabel#remember {{ font-size: {remember}px; font-weight: bold; }}
QPushButton#done {{
    background: {green}; color: #ffffff; border: none; font-size: {title}px; font-weight: bold;
}}
QPushButton#done:pressed {{ background: #0f4d24; }}
QLabel#outage {{ font-size: {title}px; font-weight: bold; color: {red}; }}
QLabel#pinDots {{
    font-size: {title}px; font-weight: bold; color: {navy}; background: #ffffff;
    border: {border}px solid {navy}; border-radius: {radius}px;
}}
QPushButton#digit {{
    background: #ffffff; color: {navy}; border: {border}px solid {navy};
    font-size: {title}px; font-weight: bold;
}}
QPushButton#digit:pressed {{ background: #d6e4f5; }}
QPushButton#pinExit {{
    background: {red}; color: #ffffff; border: {border}px solid {red};
    font-size: {title}px; font-weight: bold;
}}
QPushButton#pinExit:disabled, QPushButton#digit:disabled {{
    background: #c9d1da; border-color: #c9d1da;
}}
QWidget#corner {{ background: transparent; }}
QPushButton#digit, QPushButton#pinExit {{ min-height: {key_h}px; max-height: {key_h}px; }}
QPushButton#back {{ min-height: {key_h}px; }}
QPushButton#kind, QPushButton#noKind {{ min-height: {kind_h}px; }}
QPushButton#clearPriority {{ min-height: {clear_h}px; min-width: {clear_w}px; }}
QPushButton#done {{ min-height: {done_h}px; min-width: {done_w}px; }}
QPushButton#tile {{ min-height: {tile_h}px; }}
QPushButton#tile:hover {{ background: {blue}; }}
QPushButton#tile:pressed {{ background: {blue_down}; }}
QPushButton#kind:hover, QPushButton#noKind:hover, QPushButton#digit:hover,
QPushButton#back:hover, QPushButton#clearPriority:hover, QPushButton#priority:hover {{
    background: #ffffff;
}}
QPushButton#done:hover {{ background: {green}; }}
QPushButton#pinExit:hover {{ background: {red}; }}
QPushButton#priorityChosen:hover {{ background: {amber}; }}
"""

#: Total heights (and widths) of buttons in design pixels; the style sheet's min-height
#: counts the content only, so padding and border are taken off (see _content).
_BUTTONS = {"key_h": 72, "kind_h": 110, "clear_h": 80, "done_h": 84, "tile_h": 120}
_WIDTHS = {"clear_w": 180, "done_w": 320}


def scale_for(size: QSize) -> float:
    """How much bigger than the design size this screen is (never below 0.6)."""
    if size.width() <= 0 or size.height() <= 0:
        return 1.0
    return max(0.6, min(size.width() / BASE_WIDTH, size.height() / BASE_HEIGHT))


def px(value: float, scale: float) -> int:
    """A design size in pixels on this screen."""
    return max(1, round(value * scale))


def kiosk_style(scale: float) -> str:
    """The kiosk style sheet for a screen `scale` times the design size."""
    sizes = {
        "office": 30,
        "greeting": 24,
        "prompt": 28,
        "body": 22,
        "tile": 30,
        "letter": 58,
        "badge_radius": 16,
        "priority": 24,
        "hint": 20,
        "title": 34,
        "detail": 30,
        "number": 190,
        "number_small": 120,
        "remember": 40,
        "radius": 14,
        "pad": 8,
        "wide": 22,
        "border": 3,
    }
    scaled = {key: px(value, scale) for key, value in sizes.items()}
    frame = 2 * (scaled["pad"] + scaled["border"])
    for key, value in (_BUTTONS | _WIDTHS).items():
        scaled[key] = max(1, px(value, scale) - frame)
    colours = {"navy": NAVY, "blue": BLUE, "blue_down": BLUE_DOWN, "amber": AMBER}
    return _TEMPLATE.format(**scaled, **colours, red=RED, green=GREEN)


def nfc(text: str) -> str:
    """Text as composed (NFC) letters: decomposed tone marks draw badly."""
    return unicodedata.normalize("NFC", text)
