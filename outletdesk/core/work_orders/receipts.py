"""Work-order printouts: intake receipt, hand-back receipt, quote and the device label.

Every word a customer could read comes from RECEIPT_WORDS (English sources marked for Qt's
translation tools); the window passes them translated as `texts`, the command line prints English.
The device passcode is never read here, so it cannot end up on paper.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal

from ...models import LineKind, Priority, Warranty, WorkOrderStatus, utcnow
from ...printing.document import (
    Banner,
    Barcode,
    Block,
    Field,
    Heading,
    Label,
    LineItems,
    OutletHeader,
    Paragraph,
    QRCode,
    ReceiptDocument,
    Rule,
    SignatureLine,
    Totals,
)
from ...printing.render import render_labels_bytes, render_receipt_bytes
from ...progress import Progress
from ..auth import Actor
from ..errors import DomainError, Items, ValidationError, Word
from ..i18n import LABELLED, QT_TRANSLATE_NOOP, labelled
from ..printouts import F_PAPER, RECEIPT_PAPERS
from ..services import Services
from . import rules
from .dto import PaymentDTO, WorkOrderDTO
from .rules import DEVICE_TYPE_WORDS

F_KIND = QT_TRANSLATE_NOOP("core", "Printout")
RECEIPT_KINDS = ("intake", "handback", "quote")
KINDS = (*RECEIPT_KINDS, "label")
LABEL_PAPERS = ("label-62x29", "label-40x20")
DEFAULT_LABEL_PAPER = LABEL_PAPERS[0]
QUOTE_VALID_DAYS = 14
SHORT_FAULT = 40  # characters of the fault on a device label

# Keys are stable; values are the English sources. Values with {braces} are templates.
RECEIPT_WORDS: dict[str, str] = {
    "intake_title": QT_TRANSLATE_NOOP("core", "Repair intake receipt"),
    "handback_title": QT_TRANSLATE_NOOP("core", "Hand-back receipt"),
    "quote_title": QT_TRANSLATE_NOOP("core", "Repair quote"),
    "number": QT_TRANSLATE_NOOP("core", "Work order no."),
    # When it was taken in; not the status word "Received", which Chinese says as 已接收.
    "received": QT_TRANSLATE_NOOP("core", "Received at"),
    "urgent": QT_TRANSLATE_NOOP("core", "URGENT"),
    "date": QT_TRANSLATE_NOOP("core", "Date"),
    "customer": QT_TRANSLATE_NOOP("core", "Customer"),
    "phone": QT_TRANSLATE_NOOP("core", "Phone"),
    "device": QT_TRANSLATE_NOOP("core", "Device"),
    "serial": QT_TRANSLATE_NOOP("core", "Serial no."),
    "imei": QT_TRANSLATE_NOOP("core", "IMEI"),
    "colour": QT_TRANSLATE_NOOP("core", "Colour"),
    "fault": QT_TRANSLATE_NOOP("core", "Reported fault"),
    "demand": QT_TRANSLATE_NOOP("core", "Customer's request"),
    "condition": QT_TRANSLATE_NOOP("core", "Condition on arrival"),
    "ok": QT_TRANSLATE_NOOP("core", "OK"),
    "not_ok": QT_TRANSLATE_NOOP("core", "Not OK"),
    "accessories": QT_TRANSLATE_NOOP("core", "Accessories received"),
    "none": QT_TRANSLATE_NOOP("core", "None"),
    "warranty": QT_TRANSLATE_NOOP("core", "Warranty"),
    "warranty_none": QT_TRANSLATE_NOOP("core", "Not under warranty"),
    "warranty_manufacturer": QT_TRANSLATE_NOOP("core", "Manufacturer warranty"),
    "warranty_repair": QT_TRANSLATE_NOOP("core", "Repair warranty (rework)"),
    "warranty_free": QT_TRANSLATE_NOOP("core", "Covered by warranty: parts and labour free."),
    "estimate": QT_TRANSLATE_NOOP("core", "Estimate"),
    "deposit": QT_TRANSLATE_NOOP("core", "Deposit paid"),
    "promised": QT_TRANSLATE_NOOP("core", "Ready by"),
    "terms": QT_TRANSLATE_NOOP("core", "Terms"),
    "signature": QT_TRANSLATE_NOOP("core", "Customer signature"),
    "items": QT_TRANSLATE_NOOP("core", "Work and parts"),
    "col_item": QT_TRANSLATE_NOOP("core", "Item"),
    "col_qty": QT_TRANSLATE_NOOP("core", "Qty"),
    "col_price": QT_TRANSLATE_NOOP("core", "Price"),
    "col_amount": QT_TRANSLATE_NOOP("core", "Amount"),
    "minutes": QT_TRANSLATE_NOOP("core", "{minutes} min"),
    "per_hour": QT_TRANSLATE_NOOP("core", "{rate}/h"),
    "no_lines": QT_TRANSLATE_NOOP("core", "No work recorded."),
    "subtotal": QT_TRANSLATE_NOOP("core", "Subtotal"),
    "discount": QT_TRANSLATE_NOOP("core", "Discount"),
    "tax": QT_TRANSLATE_NOOP("core", "Tax ({rate}%)"),
    "total": QT_TRANSLATE_NOOP("core", "Total"),
    "payments": QT_TRANSLATE_NOOP("core", "Payments"),
    "payment": QT_TRANSLATE_NOOP("core", "Payment"),
    "kind_deposit": QT_TRANSLATE_NOOP("core", "Deposit"),
    "kind_payment": QT_TRANSLATE_NOOP("core", "Payment"),
    "kind_refund": QT_TRANSLATE_NOOP("core", "Refund"),
    "kind_change": QT_TRANSLATE_NOOP("core", "Excess deposit returned"),
    "tendered": QT_TRANSLATE_NOOP("core", "cash tendered {tendered}, change {change}"),
    "method_cash": QT_TRANSLATE_NOOP("core", "cash"),
    "method_card": QT_TRANSLATE_NOOP("core", "card"),
    "method_transfer": QT_TRANSLATE_NOOP("core", "transfer"),
    "method_other": QT_TRANSLATE_NOOP("core", "other"),
    "paid": QT_TRANSLATE_NOOP("core", "Paid"),
    "balance": QT_TRANSLATE_NOOP("core", "Balance due"),
    "refunded": QT_TRANSLATE_NOOP("core", "Refunded after hand-back"),
    "approved_by": QT_TRANSLATE_NOOP("core", "approved by {name}"),
    "notes": QT_TRANSLATE_NOOP("core", "Notes for the customer"),
    "refund_requested": QT_TRANSLATE_NOOP("core", "Refund requested"),
    "refund_approved": QT_TRANSLATE_NOOP("core", "Refund approved"),
    "refund_rejected": QT_TRANSLATE_NOOP("core", "Refund declined"),
    "handed_back": QT_TRANSLATE_NOOP("core", "Handed back"),
    "collected_by": QT_TRANSLATE_NOOP("core", "Collected by"),
    "unrepaired": QT_TRANSLATE_NOOP("core", "Returned unrepaired."),
    "repair_warranty_until": QT_TRANSLATE_NOOP("core", "Repair warranty until"),
    "warranty_until": QT_TRANSLATE_NOOP("core", "{warranty} until {date}"),
    "handback_signature": QT_TRANSLATE_NOOP("core", "Device received back (signature)"),
    "quote_notice": QT_TRANSLATE_NOOP(
        "core",
        "Estimate for your approval. Work starts once you approve it; if we find more to do, "
        "we ask you first.",
    ),
    "valid_until": QT_TRANSLATE_NOOP("core", "Valid until"),
    "valid_days": QT_TRANSLATE_NOOP("core", "{date} ({days} days)"),
    "approval_signature": QT_TRANSLATE_NOOP("core", "Approved by the customer (signature, date)"),
    # How the printout joins words, so Chinese gets its own punctuation (：，；。（）).
    "labelled": LABELLED,
    "detail": QT_TRANSLATE_NOOP("core", "{text} ({detail})"),
    "clauses": QT_TRANSLATE_NOOP("core", "{first}, {second}"),
    "sentences": QT_TRANSLATE_NOOP("core", "{first}. {second}"),
    "also": QT_TRANSLATE_NOOP("core", "{first}; {second}"),
}


def money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class _Words:
    """RECEIPT_WORDS with the caller's translations laid over, looked up by key."""

    def __init__(self, texts: Mapping[str, str] | None) -> None:
        self._t = {**RECEIPT_WORDS, **DEVICE_TYPE_WORDS, **(texts or {})}
        self._by_source = {english: self._t[key] for key, english in RECEIPT_WORDS.items()}

    def __getitem__(self, key: str) -> str:
        return self._t[key]

    def get(self, key: str, default: str) -> str:
        return self._t.get(key, default)

    def translate(self, english: str) -> str:
        """The caller's words for an English source of RECEIPT_WORDS (core.i18n's helpers ask
        for their separators this way)."""
        return self._by_source.get(english, english)

    def labelled(self, label: str, value: str) -> str:
        return labelled(label, value, self.translate)

    def detail(self, text: str, detail: str) -> str:
        """`text (detail)`, with Chinese brackets in Chinese."""
        return self["detail"].format(text=text, detail=detail)

    def join(self, key: str, first: str, second: str) -> str:
        return self[key].format(first=first, second=second)


def _device(order: WorkOrderDTO, w: _Words) -> str:
    d = order.device
    kind = w.get("type_" + d.device_type, d.device_type)
    name = " ".join(p for p in (d.brand, d.model) if p)
    return w.detail(name, kind) if name and kind else name or kind


def _identity(order: WorkOrderDTO, w: _Words) -> list[Block]:
    """Customer and device: the same on every printout."""
    blocks: list[Block] = [Field(w["customer"], order.customer_name)]
    if order.customer_phones:
        blocks.append(Field(w["phone"], ", ".join(order.customer_phones)))
    blocks.append(Field(w["device"], _device(order, w)))
    if order.device.serial:
        blocks.append(Field(w["serial"], order.device.serial))
    if order.device.imei:
        blocks.append(Field(w["imei"], order.device.imei))
    return blocks


def _codes(order: WorkOrderDTO, *, qr: bool) -> list[Block]:
    # The QR code is for phone cameras at intake; later printouts keep to the counter's scanner.
    return [Barcode(order.number), QRCode(order.number)] if qr else [Barcode(order.number)]


def _fault(order: WorkOrderDTO, w: _Words) -> Paragraph:
    return Paragraph(w.labelled(w["fault"], order.reported_fault))


def _warranty(order: WorkOrderDTO, w: _Words) -> str:
    return w[f"warranty_{order.warranty.value}"]


def _lines(order: WorkOrderDTO, w: _Words) -> list[Block]:
    if not order.lines:
        return [Paragraph(w["no_lines"])]
    rows = []
    for line in order.lines:
        if line.kind is LineKind.LABOUR:
            qty = w["minutes"].format(minutes=int(line.quantity))
            price = w["per_hour"].format(rate=money(line.unit_price))
        else:
            qty = f"{line.quantity.normalize():f}"
            price = money(line.unit_price)
        rows.append((line.description, qty, price, money(line.amount)))
    return [
        LineItems(
            columns=(w["col_item"], w["col_qty"], w["col_price"], w["col_amount"]),
            rows=tuple(rows),
            numeric_columns=(1, 2, 3),
        )
    ]


def _totals(order: WorkOrderDTO, w: _Words) -> Totals:
    rows = [(w["subtotal"], money(order.subtotal))]
    if order.discount:
        label = (
            w.detail(w["discount"], order.discount_reason)
            if order.discount_reason
            else w["discount"]
        )
        rows.append((label, "-" + money(order.discount)))
    rows.append((w["tax"].format(rate=f"{order.tax_rate.normalize():f}"), money(order.tax)))
    rows.append((w["total"], money(order.total)))
    return Totals(tuple(rows))


def _notes(order: WorkOrderDTO, w: _Words) -> list[Block]:
    """What the shop told the customer: customer notes and refund decisions (never internal
    notes)."""
    told = [e for e in order.events if e.kind in rules.CUSTOMER_EVENT_KINDS]
    if not told:
        return []
    blocks: list[Block] = [Heading(w["notes"])]
    for e in told:
        said = w.labelled(w[e.kind], e.text) if e.kind != "customer_note" else e.text
        blocks.append(Paragraph(f"{e.at.astimezone():%Y-%m-%d} {said}"))
    return blocks


def _terms(terms: str, w: _Words) -> list[Block]:
    return [Heading(w["terms"]), Paragraph(terms.strip())] if terms.strip() else []


def _urgent(order: WorkOrderDTO, w: _Words) -> list[Block]:
    """The expedite mark, first on the slip, so the bench sees it before anything else."""
    return [Banner(w["urgent"])] if order.priority is Priority.URGENT else []


def _intake(order: WorkOrderDTO, terms: str, w: _Words) -> tuple[str, list[Block]]:
    blocks: list[Block] = [
        *_urgent(order, w),
        Field(w["number"], order.number),
        Field(w["received"], local_time(order.received_at)),
        *_codes(order, qr=True),
        Rule(),
        *_identity(order, w),
    ]
    if order.device.colour:
        blocks.append(Field(w["colour"], order.device.colour))
    blocks += [Heading(w["fault"]), Paragraph(order.reported_fault)]
    if order.customer_demand:
        blocks += [Heading(w["demand"]), Paragraph(order.customer_demand)]
    if order.condition:
        blocks.append(Heading(w["condition"]))
        for item, ok, note in order.condition:
            state = w["ok"] if ok else w["not_ok"]
            blocks.append(Field(item, w.labelled(state, note) if note else state))
    warranty = _warranty(order, w)
    if order.warranty_until:  # dates and order numbers read the same in every language
        warranty = w["warranty_until"].format(
            warranty=warranty, date=order.warranty_until.isoformat()
        )
    if order.rework_of:
        warranty = w.detail(warranty, order.rework_of)
    if order.warranty_note:  # the reason someone typed when judging the warranty
        warranty = w.join("also", warranty, order.warranty_note)
    blocks += [
        Rule(),
        Field(w["accessories"], order.accessories or w["none"]),
        Field(w["warranty"], warranty),
    ]
    if order.estimate:
        blocks.append(Field(w["estimate"], money(order.estimate)))
    if order.deposit:
        blocks.append(Field(w["deposit"], money(order.deposit)))
    if order.promised_at is not None:
        blocks.append(Field(w["promised"], local_time(order.promised_at)))
    blocks += [*_notes(order, w), *_terms(terms, w), SignatureLine(w["signature"])]
    return w["intake_title"], blocks


def _handback(order: WorkOrderDTO, terms: str, w: _Words) -> tuple[str, list[Block]]:
    blocks: list[Block] = [
        Field(w["number"], order.number),
        Field(w["received"], local_time(order.received_at)),
    ]
    if order.delivered_at is not None:
        blocks.append(Field(w["handed_back"], local_time(order.delivered_at)))
    blocks += [*_codes(order, qr=False), Rule(), *_identity(order, w), _fault(order, w)]
    if order.status is WorkOrderStatus.UNREPAIRABLE or (
        order.status is WorkOrderStatus.DELIVERED and order.repair_warranty_until is None
    ):
        blocks.append(Paragraph(w["unrepaired"]))
    blocks += [Heading(w["items"]), *_lines(order, w), _totals(order, w)]
    if order.warranty is not Warranty.NONE:
        blocks.append(Paragraph(w.join("sentences", _warranty(order, w), w["warranty_free"])))
    if order.payments:
        rows = tuple(
            (
                f"{p.at.astimezone():%Y-%m-%d}",
                _payment(p, w),
                ("-" if p.goes_back else "") + money(p.amount),
            )
            for p in order.payments
        )
        blocks += [
            Heading(w["payments"]),
            LineItems((w["date"], w["payment"], w["col_amount"]), rows, numeric_columns=(2,)),
        ]
    settled = [(w["paid"], money(order.paid))]
    if order.refunded:
        settled.append((w["refunded"], money(order.refunded)))
    blocks.append(Totals((*settled, (w["balance"], money(order.balance)))))
    blocks += _notes(order, w)
    blocks.append(Rule())
    if order.collected_by:
        blocks.append(Field(w["collected_by"], order.collected_by))
    if order.repair_warranty_until is not None:
        blocks.append(Field(w["repair_warranty_until"], f"{order.repair_warranty_until:%Y-%m-%d}"))
    blocks += [*_terms(terms, w), SignatureLine(w["handback_signature"])]
    return w["handback_title"], blocks


def _payment(p: PaymentDTO, w: _Words) -> str:
    """ "Refund (cash), approved by Li Na"; in Chinese "退款（现金），批准人 李娜"; cash above
    the balance adds what was tendered and the change."""
    said = w.detail(w["kind_" + p.kind.value], w["method_" + p.method.value])
    if p.approved_by:
        said = w.join("clauses", said, w["approved_by"].format(name=p.approved_by))
    if p.tendered is not None:
        said = w.join(
            "clauses",
            said,
            w["tendered"].format(tendered=money(p.tendered), change=money(p.change)),
        )
    return said


def _quote(
    order: WorkOrderDTO, terms: str, w: _Words, today: date, valid_days: int
) -> tuple[str, list[Block]]:
    blocks: list[Block] = [
        Paragraph(w["quote_notice"]),
        Field(w["number"], order.number),
        Field(w["date"], f"{today:%Y-%m-%d}"),
        *_codes(order, qr=False),
        Rule(),
        *_identity(order, w),
        _fault(order, w),
        Heading(w["items"]),
    ]
    blocks += [*_lines(order, w), _totals(order, w)]  # check_printout: a quote has lines
    if order.warranty is not Warranty.NONE:
        blocks.append(Paragraph(w.join("sentences", _warranty(order, w), w["warranty_free"])))
    if order.deposit:
        blocks.append(Field(w["deposit"], money(order.deposit)))
    blocks += _notes(order, w)
    until = today + timedelta(days=valid_days)
    blocks.append(
        Field(w["valid_until"], w["valid_days"].format(date=f"{until:%Y-%m-%d}", days=valid_days))
    )
    blocks += [*_terms(terms, w), SignatureLine(w["approval_signature"])]
    return w["quote_title"], blocks


def receipt_document(
    services: Services,
    actor: Actor,
    order_id: int,
    kind: str,
    texts: Mapping[str, str] | None = None,
    *,
    quote_valid_days: int = QUOTE_VALID_DAYS,
) -> ReceiptDocument:
    """The intake, hand-back or quote printout of one order, in the words given (else English)."""
    name = _kind(kind, RECEIPT_KINDS)
    order = services.work_orders.get(actor, order_id)
    check_printout(order, name)
    outlet = services.outlets.get(order.outlet_id)
    receipt = services.settings.receipt()
    w = _Words(texts)
    if name == "intake":
        title, blocks = _intake(order, receipt.terms, w)
    elif name == "handback":
        title, blocks = _handback(order, receipt.terms, w)
    else:
        today = utcnow().astimezone().date()
        title, blocks = _quote(order, receipt.terms, w, today, quote_valid_days)
    if receipt.header.strip():  # the outlet's own line goes under the title, after any mark
        marks = sum(1 for b in blocks[:1] if isinstance(b, Banner))
        blocks.insert(marks, Paragraph(receipt.header.strip()))
    return ReceiptDocument(
        title=title,
        header=OutletHeader(outlet.name, outlet.address, outlet.phone, outlet.tax_number),
        blocks=tuple(blocks),
        footer=receipt.footer.strip(),
    )


def check_printout(order: WorkOrderDTO, kind: str) -> None:
    """Refuse a printout the order does not have yet (or any more): see rules.printout_allowed,
    which the window's print buttons follow too."""
    if rules.printout_allowed(kind, order.status, bool(order.lines)):
        return
    status = Word(rules.STATUS_LABELS[order.status])
    if kind == "handback":
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "core",
                "Work order {number} has not been handed back (status: {status}); its hand-back "
                "receipt is printed when the customer collects the device.",
            ),
            number=order.number,
            status=status,
        )
    if order.status not in rules.QUOTABLE:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "core",
                "Work order {number} is {status}: a quote is only for work still to be done.",
            ),
            number=order.number,
            status=status,
        )
    raise DomainError(
        QT_TRANSLATE_NOOP(
            "core", "Work order {number} has no work or parts to quote yet; add its lines first."
        ),
        number=order.number,
    )


def device_label(
    services: Services, actor: Actor, order_id: int, texts: Mapping[str, str] | None = None
) -> Label:
    """The sticker on the device: number (barcode and QR), customer, short fault, date received,
    and an urgent order's mark (in the words given, else English)."""
    order = services.work_orders.get(actor, order_id)
    urgent = _Words(texts)["urgent"] if order.priority is Priority.URGENT else ""
    fault = " ".join(order.reported_fault.split())
    if len(fault) > SHORT_FAULT:
        fault = fault[: SHORT_FAULT - 1].rstrip() + "…"
    return Label(
        lines=(
            order.number,
            order.customer_name,
            fault,
            f"{order.received_at.astimezone():%Y-%m-%d}",
        ),
        barcode=order.number,
        qr=order.number,
        mark=urgent,
    )


def receipt_pdf(
    services: Services,
    actor: Actor,
    order_id: int,
    kind: str,
    paper: str | None = None,
    texts: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The printout as PDF bytes: receipts on "80mm" (default), "58mm" or "a4"; the device label
    ("label") on "label-62x29" (default) or "label-40x20" ("62x29" and "40x20" also accepted)."""
    name = _kind(kind, KINDS)
    if name == "label":
        fmt = label_paper(paper or DEFAULT_LABEL_PAPER)
        label = device_label(services, actor, order_id, texts)
        if progress is not None:
            progress.check()
        return render_labels_bytes([label], fmt, progress)
    fmt = _paper(paper or RECEIPT_PAPERS[0], RECEIPT_PAPERS)
    doc = receipt_document(services, actor, order_id, name, texts)
    if progress is not None:
        progress.check()
    return render_receipt_bytes(doc, fmt, progress)


def label_paper(paper: str) -> str:
    """A label format name, normalised ("62x29" -> "label-62x29"); others are refused."""
    name = paper.strip().lower() if isinstance(paper, str) else ""
    if name and not name.startswith("label-"):
        name = "label-" + name
    return _paper(name, LABEL_PAPERS, shown=paper)


def _paper(paper: str, allowed: tuple[str, ...], shown: object = None) -> str:
    name = paper.strip().lower() if isinstance(paper, str) else ""
    if name not in allowed:
        raise ValidationError(
            F_PAPER,
            QT_TRANSLATE_NOOP(
                "core", "“{value}” is not a paper size for this printout; use one of: {allowed}."
            ),
            value=str(paper if shown is None else shown)[:40],
            allowed=Items(allowed),
        )
    return name


def _kind(kind: str, allowed: tuple[str, ...]) -> str:
    name = kind.strip().lower() if isinstance(kind, str) else ""
    if name not in allowed:
        raise ValidationError(
            F_KIND,
            QT_TRANSLATE_NOOP("core", "“{value}” is not a printout; use one of: {allowed}."),
            value=str(kind)[:40],
            allowed=Items(allowed),
        )
    return name
