"""Reading printed forms back (poppler's pdftotext/pdfinfo/pdftoppm, zbarimg), for the form tests.

The other test_forms_* modules import these helpers; the tests here check the helpers themselves.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen import canvas

from printers.fonts import register_fonts

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(
    r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>'
)

#: Decodes with zbarimg (Debian's zbar-tools, installed by scripts/setup): fails, never skips,
#: when it is missing, so a scannability check is never silently dropped.
needs_zbar = pytest.mark.zbar


def save(data: bytes, tmp_path: Path, name: str = "form.pdf") -> Path:
    """Write PDF bytes to a file under tmp_path, after checking they are a PDF."""
    assert data.startswith(b"%PDF-")
    path = tmp_path / name
    path.write_bytes(data)
    return path


def text_of(path: Path) -> str:
    """The PDF's text laid out as printed (`pdftotext -layout`), pages split by form feeds."""
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def reading_order_of(path: Path, page: int = 0) -> str:
    """The text in reading order (plain `pdftotext`, one page or all), white space squeezed.

    Table cells come out whole here, so a paper name that wraps inside its cell reads in one piece.
    """
    pick = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(
        ["pdftotext", *pick, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return squeeze(out)


def pages_of(path: Path) -> list[str]:
    """The text of each page."""
    pages = text_of(path).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def page_count(path: Path) -> int:
    """Number of pages, as `pdfinfo` reports it."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    assert match, info.stdout
    return int(match.group(1))


def squeeze(text: str) -> str:
    """Text with every run of white space made one space (to find phrases across columns)."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Word:
    """One word's box on a page, in points from the top-left corner."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def words_of(path: Path) -> tuple[list[tuple[float, float]], list[Word]]:
    """Page sizes and every word's box (`pdftotext -bbox`)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    sizes: list[tuple[float, float]] = []
    words: list[Word] = []
    for chunk in out.split("</page>"):
        page = _PAGE.search(chunk)
        if not page:
            continue
        sizes.append((float(page.group(1)), float(page.group(2))))
        for m in _WORD.finditer(chunk):
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            words.append(Word(len(sizes), x0, y0, x1, y1, html.unescape(m.group(5))))
    return sizes, words


def overflowing(path: Path, margin: float = 5.0) -> list[Word]:
    """Words that come closer than margin points to a page edge (clipped or overflowing)."""
    sizes, words = words_of(path)
    return [
        w
        for w in words
        if w.x0 < margin
        or w.y0 < margin
        or w.x1 > sizes[w.page - 1][0] - margin
        or w.y1 > sizes[w.page - 1][1] - margin
    ]


def overlapping(path: Path, tolerance: float = 1.0) -> list[tuple[Word, Word]]:
    """Pairs of words on the same page whose boxes overlap by more than tolerance points."""
    _sizes, words = words_of(path)
    found: list[tuple[Word, Word]] = []
    ordered = sorted(words, key=lambda w: (w.page, w.y0))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.page != a.page or b.y0 > a.y1 - tolerance:
                break
            dx = min(a.x1, b.x1) - max(a.x0, b.x0)
            dy = min(a.y1, b.y1) - max(a.y0, b.y0)
            if dx > tolerance and dy > tolerance:
                found.append((a, b))
    return found


def decoded_codes(path: Path, tmp_path: Path, page: int, dpi: int = 200) -> set[str]:
    """Barcodes and QR codes zbarimg reads from one page rendered at dpi: {"QR-Code:…", …}."""
    stem = tmp_path / f"scan-{path.stem}-{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page),
         str(path), str(stem)],
        check=True,
    )  # fmt: skip
    out = subprocess.run(
        ["zbarimg", "-q", str(stem.with_suffix(".png"))], capture_output=True, text=True
    )
    return set(out.stdout.split())


def _two_words(tmp_path: Path, second_x: float) -> Path:
    regular, _bold = register_fonts()
    path = tmp_path / "two.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A5)
    pdf.setFont(regular, 12)
    pdf.drawString(100, 300, "Nguyễn")
    pdf.drawString(second_x, 300, "Lan")
    pdf.drawString(380, 500, "Tràn-ra-ngoài-lề")
    pdf.save()
    return path


def test_overlap_and_overflow_are_detected(tmp_path: Path) -> None:
    path = _two_words(tmp_path, 110)
    assert [(a.text, b.text) for a, b in overlapping(path)] == [("Nguyễn", "Lan")]
    # pdftotext drops what lies off the page, so only the part still on it is reported.
    assert [w.text[:4] for w in overflowing(path)] == ["Tràn"]


def test_separate_words_do_not_overlap(tmp_path: Path) -> None:
    assert overlapping(_two_words(tmp_path, 200)) == []


def test_page_count_and_pages(tmp_path: Path) -> None:
    path = tmp_path / "pages.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A5)
    for n in (1, 2, 3):
        pdf.drawString(100, 300, f"page {n}")
        pdf.showPage()
    pdf.save()
    assert page_count(path) == 3
    assert [squeeze(p) for p in pages_of(path)] == ["page 1", "page 2", "page 3"]
