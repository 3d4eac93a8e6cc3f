"""Colours and sizes of the board: light text on deep blue, amber for numbers, readable at 5 m."""

from __future__ import annotations

#: The size the board is designed for; everything scales from it.
DESIGN_WIDTH, DESIGN_HEIGHT = 1920, 1080

BACKGROUND = "#0a1a33"
HEADER = "#06122a"
PANEL = "#102a4d"
TILE = "#13365f"
TILE_BORDER = "#2e5f9c"
TEXT = "#ffffff"
MUTED = "#b9c7da"
NUMBER = "#ffd54f"
EMPTY = "#8da2bf"
FLASH = "#ffd54f"
FLASH_TEXT = "#0a1a33"
ACCENT = "#c62828"
BANNER = "#ffb300"
BANNER_TEXT = "#1a1a1a"

#: Largest text sizes in pixels at 1920×1080.
OFFICE_PX = 46
TIME_PX = 72
DATE_PX = 32
HEADING_PX = 34
RECENT_PX = 50
WAITING_PX = 34
BANNER_PX = 30
NOTICE_PX = 42

#: How long the tile of a new call blinks, and how fast.
FLASH_SECONDS = 10
FLASH_INTERVAL_MS = 500

STYLE_SHEET = f"""
#board {{ background: {BACKGROUND}; }}
#header {{ background: {HEADER}; border-bottom: 4px solid {ACCENT}; }}
#sidePanel {{ background: {PANEL}; border-radius: 12px; }}
#banner {{ background: {BANNER}; color: {BANNER_TEXT}; font-weight: bold; padding: 6px 16px; }}
#rule {{ background: {TILE_BORDER}; }}
"""


def scale_for(width: int, height: int) -> float:
    """How much smaller (or larger) than the design size the window is."""
    return max(0.3, min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT))
