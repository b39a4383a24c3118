"""Printouts built from shop data: the test receipt carries the outlet's and the shop's own texts."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from outletdesk.core import printouts
from outletdesk.core.errors import ValidationError
from outletdesk.core.settings import ReceiptSettings

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) are not installed"
)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "receipt.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"\s+", " ", out)


@needs_poppler
def test_test_receipt_shows_outlet_and_saved_texts(services, admin, outlet, tmp_path):
    services.settings.save_receipt(
        admin,
        ReceiptSettings(
            header="欢迎光临 Welcome",
            footer="多谢惠顾 Come again",
            terms="保修六十天 Warranty 60 days",
        ),
    )
    pdf = printouts.test_receipt_pdf(services, admin, outlet.id, "58mm", None)

    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    for expected in ("北站店", "North Station", "88 Station Rd", "TAX-1", "欢迎光临", "保修六十天"):
        assert expected in text
    assert "Warranty 60 days" in text
    assert "多谢惠顾 Come again" in text


@needs_poppler
def test_test_receipt_uses_given_words(services, clerk, outlet, tmp_path):
    pdf = printouts.test_receipt_pdf(
        services, clerk, outlet.id, " A4 ", {"signature": "顾客签名 Signed"}
    )
    text = pdf_text(pdf, tmp_path)
    assert "顾客签名 Signed" in text
    assert "Customer signature" not in text


@pytest.mark.parametrize("paper", ["letter", "label-62x29", ""])
def test_unknown_or_label_paper_is_refused(services, admin, outlet, paper):
    with pytest.raises(ValidationError) as caught:
        printouts.test_receipt_pdf(services, admin, outlet.id, paper, None)
    assert caught.value.field == "Paper size"
    assert "80mm" in str(caught.value)
