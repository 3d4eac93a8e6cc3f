"""Reports for supervisors: each takes a frozen dataclass (see data.py), returns file bytes."""

from printers.reports.ratings_pdf import render_ratings_pdf
from printers.reports.ratings_xlsx import render_ratings_xlsx

__all__ = ["render_ratings_pdf", "render_ratings_xlsx"]
