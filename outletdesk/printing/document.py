"""Plain data describing a printable document, so callers never need to know reportlab."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutletHeader:
    """The outlet's identity printed centred at the top of every receipt."""

    name: str
    address: str = ""
    phone: str = ""
    tax_number: str = ""


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Banner:
    """A mark the reader must not miss (an urgent order): bold, white on a black bar across the
    paper."""

    text: str


@dataclass(frozen=True)
class Field:
    """A label/value pair on one line; wraps under itself on narrow rolls."""

    label: str
    value: str


@dataclass(frozen=True)
class LineItems:
    """A table of items; cells are preformatted strings (money formatted by the caller)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric_columns: tuple[int, ...] = ()


@dataclass(frozen=True)
class Totals:
    """Right-aligned (label, amount) rows; the last row is the grand total and printed bold."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Barcode:
    """A Code128 barcode with its value printed underneath."""

    value: str


@dataclass(frozen=True)
class QRCode:
    value: str


@dataclass(frozen=True)
class Rule:
    """A horizontal separator line."""


@dataclass(frozen=True)
class SignatureLine:
    label: str


Block = (
    Heading
    | Paragraph
    | Banner
    | Field
    | LineItems
    | Totals
    | Barcode
    | QRCode
    | Rule
    | SignatureLine
)


@dataclass(frozen=True)
class ReceiptDocument:
    """A receipt or slip: outlet header, a title, then blocks in order, then a footer line."""

    title: str
    header: OutletHeader
    blocks: tuple[Block, ...] = ()
    footer: str = ""


@dataclass(frozen=True)
class Label:
    """One sticker: a few text lines, optionally a Code128 barcode and/or a QR code, and a mark
    (an urgent order's) printed white on black above the lines."""

    lines: tuple[str, ...]
    barcode: str | None = None
    qr: str | None = None
    mark: str = ""
