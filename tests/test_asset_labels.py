"""Asset tag labels read back from the PDF on every label paper: the tag, the Chinese and English
name and the outlet as text; the QR code and the Code128 barcode both scan back to the tag; copies
in order; clear refusals of bad requests."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import needs_poppler
from test_part_labels import page_text, pages

from outletdesk.core.asset_labels import asset_labels, asset_labels_pdf
from outletdesk.core.equipment.register import AssetInput
from outletdesk.core.errors import ValidationError
from outletdesk.core.outlets import OutletInput

NAME = "Hot-air rework station 热风拆焊台"


@pytest.fixture
def assets(services, staff, outlet, cli_actor):
    """A rework station at the north outlet and a multimeter at the south one."""
    south, _ = services.outlets.create(cli_actor, OutletInput("S", "South Mall 南城店"))
    category = services.equipment.categories(staff)[0]
    station, _ = services.equipment.create(staff, AssetInput(NAME, category.id, outlet.id))
    meter, _ = services.equipment.create(
        staff, AssetInput("Multimeter 万用表", category.id, south.id)
    )
    return station, meter


def scanned(pdf: bytes, tmp_path: Path, page: int = 1) -> list[str]:
    """What a scanner reads off the page at 300 dpi: "QR-Code:..." and "CODE-128:..." lines."""
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg is not installed (zbar-tools)")
    source = tmp_path / "scan.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", "-f", str(page), "-l", str(page), "-singlefile",
         str(source), str(tmp_path / "scan")],
        check=True,
    )  # fmt: skip
    found = subprocess.run(
        ["zbarimg", "-q", str(tmp_path / "scan.png")], capture_output=True, text=True
    )
    return sorted(found.stdout.split())


@needs_poppler
@pytest.mark.parametrize("size", ["label-40x20", "62x29", None])
def test_a_label_shows_tag_name_and_outlet_and_both_codes_scan(
    services, staff, assets, size, tmp_path
):
    station, meter = assets
    pdf = asset_labels_pdf(services, staff, [station.id, meter.id], size)
    assert pages(pdf, tmp_path) == 2  # one label per page on label stock
    first = page_text(pdf, tmp_path, 1)
    assert station.tag in first and "热风拆焊台" in first and "North Station 北站店" in first
    assert "Hot-air" in first
    second = page_text(pdf, tmp_path, 2)
    assert meter.tag in second and "万用表" in second and "South Mall 南城店" in second
    assert scanned(pdf, tmp_path, 1) == [f"CODE-128:{station.tag}", f"QR-Code:{station.tag}"]
    assert scanned(pdf, tmp_path, 2) == [f"CODE-128:{meter.tag}", f"QR-Code:{meter.tag}"]
    assert services.equipment.by_tag(staff, station.tag).id == station.id  # the scan opens it


@needs_poppler
def test_copies_fill_the_a4_sheet_in_order(services, staff, assets, tmp_path):
    station, meter = assets
    labels = asset_labels(services, staff, [meter.id, station.id], copies=13)
    assert [label.qr for label in labels] == [meter.tag] * 13 + [station.tag] * 13
    assert labels[0].lines == (meter.tag, "Multimeter 万用表", "South Mall 南城店")
    assert labels[0].barcode == labels[0].qr == meter.tag
    pdf = asset_labels_pdf(services, staff, [meter.id, station.id], "a4", copies=13)
    assert pages(pdf, tmp_path) == 2  # 26 labels: a sheet of 24, then 2
    first, second = page_text(pdf, tmp_path, 1), page_text(pdf, tmp_path, 2)
    assert first.count(meter.tag) >= 13 and first.count(station.tag) >= 11
    assert station.tag in second and meter.tag not in second
    assert set(scanned(pdf, tmp_path, 2)) == {f"CODE-128:{station.tag}", f"QR-Code:{station.tag}"}


@pytest.mark.parametrize(
    ("ids", "copies", "field", "message"),
    [
        ([], 1, "Asset", "at least one asset"),
        ("12", 1, "Asset", "at least one asset"),
        (["1"], 1, "Asset", "“1” is not an asset id"),
        ([0], 0, "Copies", "between 1 and 1000"),
        ([0], "many", "Copies", "not a whole number"),
        ([0, 1, 0], 801, "Copies", "2403 labels in one print is too many"),
        ([0, 999_999], 1, "Asset", "Asset 999999 does not exist"),
        ([999_998, 0, 999_999], 1, "Asset", "Assets 999998, 999999 do not exist"),
    ],
)
def test_bad_requests_are_refused_with_a_clear_message(
    services, staff, assets, ids, copies, field, message
):
    if isinstance(ids, list):
        ids = [assets[i].id if i in (0, 1) else i for i in ids]
    with pytest.raises(ValidationError) as caught:
        asset_labels_pdf(services, staff, ids, copies=copies)
    assert caught.value.field == field
    assert message in caught.value.message()


@pytest.mark.parametrize("size", ["80mm", "a4-labels-2x7", "letter"])
def test_a_paper_that_is_not_label_stock_is_refused(services, staff, assets, size):
    with pytest.raises(ValidationError) as caught:
        asset_labels_pdf(services, staff, [assets[0].id], size)
    assert caught.value.field == "Paper size"
    assert "label-40x20, label-62x29, a4-labels-3x8" in caught.value.message()


def word_heights(pdf: bytes, tmp_path: Path, page: int) -> list[tuple[str, float]]:
    """Each word on the page with its height in points (pdftotext -bbox): the type size."""
    source = tmp_path / "words.pdf"
    source.write_bytes(pdf)
    xml = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(source), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return [
        (word, round(float(y_max) - float(y_min), 2))
        for y_min, y_max, word in re.findall(
            r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', xml
        )
    ]


@needs_poppler
def test_every_label_on_a_sheet_has_the_same_type_size(services, staff, assets, outlet, tmp_path):
    """A short name prints no larger than its long neighbour; the next sheet has its own size."""
    station, meter = assets
    category = services.equipment.categories(staff)[0]
    long_name = "Hot-air rework station 热风拆焊台 with preheater, fume extractor and spare nozzles"
    drill, _ = services.equipment.create(staff, AssetInput("Drill 电钻", category.id, outlet.id))
    wordy, _ = services.equipment.create(staff, AssetInput(long_name, category.id, outlet.id))
    # 10 drills, 10 long names, 4 multimeters on the first sheet; 6 multimeters on the second.
    pdf = asset_labels_pdf(services, staff, [drill.id, wordy.id, meter.id], "a4", copies=10)
    assert pages(pdf, tmp_path) == 2
    first = word_heights(pdf, tmp_path, 1)
    tags = {h for word, h in first if word.startswith("EQ-") and h > 7}  # not the bars' value
    outlets = {h for word, h in first if word in ("North", "South")}
    names = {h for word, h in first if word in ("Drill", "Multimeter", "Hot-air", "fume")}
    assert len(tags) == 1 and len(outlets) == 1 and names == outlets, (tags, outlets, names)
    ends = [word for word, _h in first if word == "nozzles" or word.endswith("…")]
    assert len(ends) == 10  # each long name wrapped to its end, or cut with an ellipsis
    second = word_heights(pdf, tmp_path, 2)
    alone = {h for word, h in second if word in ("Multimeter", "South")}
    assert len(alone) == 1 and alone.pop() > outlets.pop()  # only short names: larger type
