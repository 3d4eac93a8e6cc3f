"""`python -m printers.forms.samples OUTDIR` writes a sample of every form; all lay out cleanly."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from test_forms_pdftools import overflowing, overlapping, page_count

from printers import forms
from printers.forms import samples


def test_samples_command_writes_every_form(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "printers.forms.samples", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=True,
    )
    written = sorted(Path(line).name for line in out.stdout.split())
    assert written == sorted(p.name for p in (tmp_path / "out").glob("*.pdf"))
    assert len(written) == 9
    for name in written:
        assert page_count(tmp_path / "out" / name) >= 1


def test_samples_command_needs_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert samples.main([]) == 2
    assert "usage" in capsys.readouterr().err


@pytest.mark.parametrize("paper", ["A4", "A5"])
@pytest.mark.parametrize(
    ("render", "sample"),
    [
        (forms.render_supplement, samples.supplement),
        (forms.render_refusal, samples.refusal),
        (forms.render_apology, samples.apology),
        (forms.render_control_sheet, samples.control_sheet),
        (forms.render_fee_receipt, samples.fee_receipt),
    ],
)
def test_every_form_lays_out_on_both_papers(
    tmp_path: Path, render: object, sample: object, paper: str
) -> None:
    path = tmp_path / "form.pdf"
    path.write_bytes(render(sample(), paper=paper))  # type: ignore[operator]
    assert overlapping(path) == []
    assert overflowing(path) == []


def test_form_sources_are_nfc() -> None:
    """Fixed wording typed in a decomposing editor would print with misplaced accents."""
    for path in [
        *Path(forms.__file__).parent.glob("*.py"),
        Path(forms.__file__).parent.parent / "codes.py",
    ]:
        assert unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8")), path.name
