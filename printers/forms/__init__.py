"""The counter's printed forms: each takes a frozen dataclass (see data.py), returns PDF bytes."""

from printers.forms.fee_receipt import render_fee_receipt
from printers.forms.mau01_receipt import render_receipt
from printers.forms.mau02_supplement import render_supplement
from printers.forms.mau03_refusal import render_refusal
from printers.forms.mau04_apology import render_apology
from printers.forms.mau06_control_sheet import render_control_sheet
from printers.forms.mau07_tracking_book import render_tracking_book

__all__ = [
    "render_apology",
    "render_control_sheet",
    "render_fee_receipt",
    "render_receipt",
    "render_refusal",
    "render_supplement",
    "render_tracking_book",
]
