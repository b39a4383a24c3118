"""The parts catalogue (备件目录) and suppliers: create, change, find by SKU or barcode, search
by name, SKU or the device model a part fits."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import delete, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.attributes import flag_modified

from ...models import Part, PartBarcode, PartModel, Supplier
from .. import validation as v
from ..audit import record
from ..auth import Actor, Permission
from ..changes import Changes
from ..database import Database
from ..errors import NotFound, StaleRecord, ValidationError
from ..i18n import QT_TRANSLATE_NOOP

F_SKU = QT_TRANSLATE_NOOP("core", "SKU")
F_PART_NAME = QT_TRANSLATE_NOOP("core", "Part name")
F_CATEGORY = QT_TRANSLATE_NOOP("core", "Category")
F_UNIT = QT_TRANSLATE_NOOP("core", "Unit")
F_COST = QT_TRANSLATE_NOOP("core", "Cost price")
F_SALE = QT_TRANSLATE_NOOP("core", "Sale price")
F_BARCODE = QT_TRANSLATE_NOOP("core", "Barcode")
F_MODELS = QT_TRANSLATE_NOOP("core", "Fits models")
F_SUPPLIER = QT_TRANSLATE_NOOP("core", "Supplier")
F_SUPPLIER_NAME = QT_TRANSLATE_NOOP("core", "Supplier name")
F_LEAD_TIME = QT_TRANSLATE_NOOP("core", "Lead time (days)")
F_CONTACT = QT_TRANSLATE_NOOP("core", "Contact")
F_PHONE = QT_TRANSLATE_NOOP("core", "Phone")
F_EMAIL = QT_TRANSLATE_NOOP("core", "E-mail")
# The unit a part gets when none is given: stored as the code "pcs", shown in the window's
# language (件 in Chinese) wherever it is displayed or printed.
DEFAULT_UNIT = "pcs"
UNIT_WORDS = {DEFAULT_UNIT: QT_TRANSLATE_NOOP("core", "pcs")}


def unit_word(unit: str, translate: Callable[[str], str] = str) -> str:
    """The part's unit as shown: the default code as a word of `translate`'s language."""
    return translate(UNIT_WORDS[unit]) if unit in UNIT_WORDS else unit


def stored_unit(shown: str, translate: Callable[[str], str] = str, was: str | None = None) -> str:
    """What a form stores for the unit shown: the default's code for its translated word. With
    `was` (the part's stored unit), a unit shown as it was stays as stored: a part whose unit
    is really "件" keeps it when saved from a Chinese window, not turned into the code."""
    typed = shown.strip()
    if was is not None and typed == unit_word(was, translate):
        return was
    codes = {translate(word): code for code, word in UNIT_WORDS.items()}
    return codes.get(typed, typed)


_SKU = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
_BARCODE = re.compile(r"^[A-Za-z0-9._/-]+$")


@dataclass(frozen=True)
class SupplierInput:
    name: str
    contact: str = ""
    phone: str = ""
    email: str = ""
    lead_time_days: int | str = 7


@dataclass(frozen=True)
class SupplierDTO:
    id: int
    name: str
    contact: str
    phone: str
    email: str
    lead_time_days: int
    active: bool
    version: int


@dataclass(frozen=True)
class PartInput:
    sku: str
    name: str
    category: str = ""
    unit: str = DEFAULT_UNIT
    cost_price: Decimal | str = "0"
    sale_price: Decimal | str = "0"
    supplier_id: int | None = None
    barcodes: tuple[str, ...] = ()
    models: tuple[str, ...] = ()  # device models the part fits


@dataclass(frozen=True)
class PartDTO:
    id: int
    sku: str
    name: str
    category: str
    unit: str
    cost_price: Decimal
    sale_price: Decimal
    supplier_id: int | None
    active: bool
    barcodes: tuple[str, ...] = field(default=())
    models: tuple[str, ...] = field(default=())
    version: int = 1


def model_key(model: str) -> str:
    """Models compare without case or spacing: "iPhone 12" fits "IPHONE12"."""
    return re.sub(r"\s+", "", model).casefold()


def validated_part(data: PartInput) -> PartInput:
    """Every field checked and normalised; raises ValidationError naming the first bad one."""
    sku = v.text(F_SKU, data.sku, max_len=40).upper()
    if not _SKU.match(sku):
        raise ValidationError(
            F_SKU,
            QT_TRANSLATE_NOOP("core", "“{value}”: letters, digits and . _ / - only."),
            value=sku[:40],
        )
    barcodes = tuple(dict.fromkeys(v.text(F_BARCODE, b, max_len=60) for b in data.barcodes))
    for code in barcodes:
        if not _BARCODE.match(code):
            raise ValidationError(
                F_BARCODE,
                QT_TRANSLATE_NOOP("core", "“{value}”: letters, digits and . _ / - only."),
                value=code[:60],
            )
    # One entry per model key: "iPhone 12" and "IPHONE12" are the same model (and the same row).
    keyed: dict[str, str] = {}
    for m in data.models:
        model = v.text(F_MODELS, m, max_len=80, name_like=True)
        keyed.setdefault(model_key(model), model)
    models = tuple(keyed.values())
    return PartInput(
        sku=sku,
        name=v.text(F_PART_NAME, data.name, max_len=200, name_like=True),
        category=v.text(F_CATEGORY, data.category, max_len=60, required=False, name_like=True),
        unit=v.text(F_UNIT, data.unit or DEFAULT_UNIT, max_len=12, name_like=True),
        cost_price=v.money(F_COST, data.cost_price),
        sale_price=v.money(F_SALE, data.sale_price),
        supplier_id=data.supplier_id,
        barcodes=barcodes,
        models=models,
    )


def validated_supplier(data: SupplierInput) -> SupplierInput:
    """Every supplier field checked and normalised; raises ValidationError naming the bad one."""
    return SupplierInput(
        name=v.text(F_SUPPLIER_NAME, data.name, max_len=120, name_like=True),
        contact=v.text(F_CONTACT, data.contact, max_len=120, required=False, name_like=True),
        phone=v.phone(F_PHONE, data.phone, required=False),
        email=v.email(F_EMAIL, data.email, max_len=120),
        lead_time_days=v.integer(F_LEAD_TIME, data.lead_time_days, minimum=0, maximum=365),
    )


def supplier_key(name: str) -> str:
    """Supplier names compare trimmed and without case, as a person typing them would."""
    return " ".join(name.split()).casefold()


def supplier_dto(supplier: Supplier) -> SupplierDTO:
    return SupplierDTO(
        supplier.id,
        supplier.name,
        supplier.contact,
        supplier.phone,
        supplier.email,
        supplier.lead_time_days,
        supplier.active,
        supplier.version,
    )


def part_dto(s: Session, part: Part) -> PartDTO:
    return part_dtos(s, [part])[0]


def part_dtos(s: Session, parts: list[Part]) -> list[PartDTO]:
    """Whole parts for a list: their barcodes and models in one query each, not two per part."""
    ids = [p.id for p in parts]
    codes: dict[int, list[str]] = {}
    models: dict[int, list[str]] = {}
    for chunk in range(0, len(ids), 500):
        some = ids[chunk : chunk + 500]
        for part_id, code in s.execute(
            select(PartBarcode.part_id, PartBarcode.code).where(PartBarcode.part_id.in_(some))
        ):
            codes.setdefault(part_id, []).append(code)
        for part_id, model in s.execute(
            select(PartModel.part_id, PartModel.model).where(PartModel.part_id.in_(some))
        ):
            models.setdefault(part_id, []).append(model)
    return [
        PartDTO(
            p.id,
            p.sku,
            p.name,
            p.category,
            p.unit,
            p.cost_price,
            p.sale_price,
            p.supplier_id,
            p.active,
            tuple(codes.get(p.id, ())),
            tuple(models.get(p.id, ())),
            p.version,
        )  # fmt: skip
        for p in parts
    ]


class CatalogueService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create_supplier(self, actor: Actor, data: SupplierInput) -> tuple[int, Changes]:
        actor.require(Permission.MANAGE_STOCK)
        data = validated_supplier(data)
        with self._db.write(actor) as s:
            self._supplier_name_free(s, data.name, None)
            supplier = Supplier(
                name=data.name,
                contact=data.contact,
                phone=data.phone,
                email=data.email,
                lead_time_days=data.lead_time_days,
            )
            s.add(supplier)
            s.flush()
            record(s, actor, "create", "supplier", supplier.id, after={"name": data.name})
            return supplier.id, Changes(parts=True)

    def update_supplier(
        self, actor: Actor, supplier_id: int, version: int, data: SupplierInput
    ) -> tuple[SupplierDTO, Changes]:
        """Change a supplier's details; refused when someone else saved it since `version`."""
        actor.require(Permission.MANAGE_STOCK)
        data = validated_supplier(data)
        with self._db.write(actor) as s:
            supplier = s.get(Supplier, supplier_id)
            if supplier is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("core", "Supplier {id} does not exist."), id=supplier_id
                )
            if supplier.version != version:
                raise StaleRecord(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Supplier {name} was changed by someone else after you opened it. "
                        "Nothing was saved; reopen it to see their change.",
                    ),
                    name=supplier.name,
                )
            self._supplier_name_free(s, data.name, supplier.id)
            before = {"name": supplier.name, "lead_time_days": supplier.lead_time_days}
            supplier.name, supplier.contact = data.name, data.contact
            supplier.phone, supplier.email = data.phone, data.email
            supplier.lead_time_days = int(data.lead_time_days)
            s.flush()
            record(
                s,
                actor,
                "update",
                "supplier",
                supplier.id,
                before=before,
                after={"name": supplier.name, "lead_time_days": supplier.lead_time_days},
            )
            return supplier_dto(supplier), Changes(parts=True)

    def suppliers(self, actor: Actor, *, include_inactive: bool = False) -> list[SupplierDTO]:
        """Suppliers by name, for pick lists and the supplier page."""
        actor.require(Permission.VIEW_STOCK)
        query = select(Supplier).order_by(func.lower(Supplier.name), Supplier.id)
        if not include_inactive:
            query = query.where(Supplier.active)
        with self._db.read(actor) as s:
            return [supplier_dto(x) for x in s.scalars(query)]

    def supplier_by_name(self, actor: Actor, name: str) -> SupplierDTO:
        """The supplier of that name, ignoring case and extra spaces (as an import names it)."""
        actor.require(Permission.VIEW_STOCK)
        key = supplier_key(name or "")
        with self._db.read(actor) as s:
            for supplier in s.scalars(select(Supplier).order_by(Supplier.id)):
                if supplier_key(supplier.name) == key:
                    return supplier_dto(supplier)
        raise NotFound(
            QT_TRANSLATE_NOOP("core", "No supplier is named “{name}”."), name=(name or "")[:120]
        )

    def create_part(self, actor: Actor, data: PartInput) -> tuple[PartDTO, Changes]:
        actor.require(Permission.MANAGE_STOCK)
        data = validated_part(data)
        with self._db.write(actor) as s:
            if data.supplier_id is not None and s.get(Supplier, data.supplier_id) is None:
                raise ValidationError(
                    F_SUPPLIER,
                    QT_TRANSLATE_NOOP("core", "supplier {id} does not exist."),
                    id=data.supplier_id,
                )
            if s.scalar(select(Part.id).where(Part.sku == data.sku)) is not None:
                raise ValidationError(
                    F_SKU,
                    QT_TRANSLATE_NOOP("core", "“{value}” is already in the catalogue."),
                    value=data.sku,
                )
            self._barcodes_free(s, data.barcodes, None)
            part = Part(
                sku=data.sku,
                name=data.name,
                name_key=data.name.casefold(),
                category=data.category,
                unit=data.unit,
                supplier_id=data.supplier_id,
                cost_price=data.cost_price,
                sale_price=data.sale_price,
            )
            s.add(part)
            try:
                s.flush()
            except IntegrityError as exc:  # a colleague added the same SKU meanwhile
                raise ValidationError(
                    F_SKU,
                    QT_TRANSLATE_NOOP("core", "“{value}” is already in the catalogue."),
                    value=data.sku,
                ) from exc
            for code in data.barcodes:
                s.add(PartBarcode(code=code, part_id=part.id))
            for model in data.models:
                s.add(PartModel(part_id=part.id, model=model, model_key=model_key(model)))
            s.flush()
            record(s, actor, "create", "part", part.id, after={"sku": part.sku, "name": part.name})
            return part_dto(s, part), Changes(parts=True)

    def update_part(
        self, actor: Actor, part_id: int, version: int, data: PartInput
    ) -> tuple[PartDTO, Changes]:
        """Change a part's details, barcodes and models (replacing the old lists); refused when
        someone else saved it since `version`."""
        actor.require(Permission.MANAGE_STOCK)
        data = validated_part(data)
        with self._db.write(actor) as s:
            part = s.get(Part, part_id)
            if part is None:
                raise NotFound(QT_TRANSLATE_NOOP("core", "Part {id} does not exist."), id=part_id)
            if part.version != version:
                raise StaleRecord(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Part {sku} was changed by someone else after you opened it. Nothing "
                        "was saved; reopen it to see their change.",
                    ),
                    sku=part.sku,
                )
            if data.supplier_id is not None and s.get(Supplier, data.supplier_id) is None:
                raise ValidationError(
                    F_SUPPLIER,
                    QT_TRANSLATE_NOOP("core", "supplier {id} does not exist."),
                    id=data.supplier_id,
                )
            other = s.scalar(select(Part.id).where(Part.sku == data.sku, Part.id != part.id))
            if other is not None:
                raise ValidationError(
                    F_SKU,
                    QT_TRANSLATE_NOOP("core", "“{value}” is already in the catalogue."),
                    value=data.sku,
                )
            self._barcodes_free(s, data.barcodes, part.id)
            before = _audit_view(s, part)
            part.sku, part.name, part.name_key = data.sku, data.name, data.name.casefold()
            part.category, part.unit = data.category, data.unit
            part.supplier_id = data.supplier_id
            part.cost_price = Decimal(data.cost_price)
            part.sale_price = Decimal(data.sale_price)
            flag_modified(part, "name")  # a new version even when only barcodes or models changed
            s.execute(delete(PartBarcode).where(PartBarcode.part_id == part.id))
            s.execute(delete(PartModel).where(PartModel.part_id == part.id))
            s.flush()
            for code in data.barcodes:
                s.add(PartBarcode(code=code, part_id=part.id))
            for model in data.models:
                s.add(PartModel(part_id=part.id, model=model, model_key=model_key(model)))
            try:
                s.flush()
            except IntegrityError as exc:  # a colleague took the SKU or a barcode meanwhile
                raise ValidationError(
                    F_SKU,
                    QT_TRANSLATE_NOOP("core", "“{value}” is already in the catalogue."),
                    value=data.sku,
                ) from exc
            after = _audit_view(s, part)
            record(s, actor, "update", "part", part.id, before=before, after=after)
            return part_dto(s, part), Changes(parts=True)

    def set_active(self, actor: Actor, part_id: int, active: bool) -> tuple[PartDTO, Changes]:
        """Retire a part from the pick lists (its history stays), or bring it back."""
        actor.require(Permission.MANAGE_STOCK)
        with self._db.write(actor) as s:
            part = s.get(Part, part_id)
            if part is None:
                raise NotFound(QT_TRANSLATE_NOOP("core", "Part {id} does not exist."), id=part_id)
            if part.active != bool(active):
                part.active = bool(active)
                s.flush()
                record(s, actor, "activate" if active else "deactivate", "part", part.id)
            return part_dto(s, part), Changes(parts=True)

    def get(self, actor: Actor, part_id: int) -> PartDTO:
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            part = s.get(Part, part_id)
            if part is None:
                raise NotFound(QT_TRANSLATE_NOOP("core", "Part {id} does not exist."), id=part_id)
            return part_dto(s, part)

    def find(self, actor: Actor, code: str) -> PartDTO:
        """A part by its SKU or any of its barcodes (what a scanner reads)."""
        actor.require(Permission.VIEW_STOCK)
        # Never cut to the column's 60: the cut text could be another part's barcode.
        code = (code or "").strip()
        with self._db.read(actor) as s:
            part = s.scalar(select(Part).where(Part.sku == code.upper())) or s.scalar(
                select(Part).join(PartBarcode).where(PartBarcode.code == code)
            )
            if part is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("core", "No part has the SKU or barcode “{code}”."),
                    code=code,
                )
            return part_dto(s, part)

    def search(self, actor: Actor, text: str = "", limit: int = 200) -> list[PartDTO]:
        """By SKU prefix, name fragment or a device model the part fits."""
        actor.require(Permission.VIEW_STOCK)
        text = (text or "").strip()[:80]
        query = select(Part).where(Part.active)
        if text:
            fits = select(PartModel.part_id).where(PartModel.model_key == model_key(text))
            # The SKU prefix as its own subquery: inside the OR, SQLite would read every part's
            # row for it while walking the name index.
            other = aliased(Part)
            by_sku = select(other.id).where(other.sku.startswith(text.upper(), autoescape=True))
            query = query.where(
                or_(
                    Part.id.in_(by_sku),
                    Part.name_key.contains(text.casefold(), autoescape=True),
                    Part.id.in_(fits),
                )
            )
        with self._db.read(actor) as s:
            parts = list(s.scalars(query.order_by(Part.name_key, Part.id).limit(limit)))
            return part_dtos(s, parts)

    @staticmethod
    def _supplier_name_free(s: Session, name: str, supplier_id: int | None) -> None:
        key = supplier_key(name)
        for sid, other in s.execute(select(Supplier.id, Supplier.name)).tuples():
            if sid != supplier_id and supplier_key(other) == key:
                raise ValidationError(
                    F_SUPPLIER_NAME,
                    QT_TRANSLATE_NOOP("core", "“{value}” is already a supplier."),
                    value=name,
                )

    @staticmethod
    def _barcodes_free(s: Session, codes: tuple[str, ...], part_id: int | None) -> None:
        if not codes:
            return
        taken = s.execute(
            select(PartBarcode.code, PartBarcode.part_id).where(PartBarcode.code.in_(codes))
        ).first()
        if taken is not None and taken.part_id != part_id:
            raise ValidationError(
                F_BARCODE,
                QT_TRANSLATE_NOOP("core", "“{value}” already names another part."),
                value=taken.code,
            )


def _audit_view(s: Session, part: Part) -> dict[str, object]:
    """What the audit log keeps of a part before and after a change."""
    return {
        "sku": part.sku,
        "name": part.name,
        "category": part.category,
        "unit": part.unit,
        "supplier_id": part.supplier_id,
        "cost_price": part.cost_price,
        "sale_price": part.sale_price,
        "barcodes": sorted(
            s.scalars(select(PartBarcode.code).where(PartBarcode.part_id == part.id))
        ),
        "models": sorted(s.scalars(select(PartModel.model).where(PartModel.part_id == part.id))),
    }
