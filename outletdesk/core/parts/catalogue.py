"""The parts catalogue (备件目录) and suppliers: create, find by SKU or barcode, search by name,
SKU or the device model a part fits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...models import Part, PartBarcode, PartModel, Supplier
from .. import validation as v
from ..audit import record
from ..auth import Actor, Permission
from ..changes import Changes
from ..database import Database
from ..errors import NotFound, ValidationError
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
class PartInput:
    sku: str
    name: str
    category: str = ""
    unit: str = "pcs"
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
            QT_TRANSLATE_NOOP("core", "{value!r}: letters, digits and . _ / - only."),
            value=sku[:40],
        )
    barcodes = tuple(dict.fromkeys(v.text(F_BARCODE, b, max_len=60) for b in data.barcodes))
    for code in barcodes:
        if not _BARCODE.match(code):
            raise ValidationError(
                F_BARCODE,
                QT_TRANSLATE_NOOP("core", "{value!r}: letters, digits and . _ / - only."),
                value=code[:60],
            )
    models = tuple(
        dict.fromkeys(v.text(F_MODELS, m, max_len=80, name_like=True) for m in data.models)
    )
    return PartInput(
        sku=sku,
        name=v.text(F_PART_NAME, data.name, max_len=200, name_like=True),
        category=v.text(F_CATEGORY, data.category, max_len=60, required=False, name_like=True),
        unit=v.text(F_UNIT, data.unit or "pcs", max_len=12, name_like=True),
        cost_price=v.money(F_COST, data.cost_price),
        sale_price=v.money(F_SALE, data.sale_price),
        supplier_id=data.supplier_id,
        barcodes=barcodes,
        models=models,
    )


def part_dto(s: Session, part: Part) -> PartDTO:
    return PartDTO(
        part.id,
        part.sku,
        part.name,
        part.category,
        part.unit,
        part.cost_price,
        part.sale_price,
        part.supplier_id,
        part.active,
        tuple(s.scalars(select(PartBarcode.code).where(PartBarcode.part_id == part.id))),
        tuple(s.scalars(select(PartModel.model).where(PartModel.part_id == part.id))),
        part.version,
    )


class CatalogueService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create_supplier(self, actor: Actor, data: SupplierInput) -> tuple[int, Changes]:
        actor.require(Permission.MANAGE_STOCK)
        name = v.text(F_SUPPLIER_NAME, data.name, max_len=120, name_like=True)
        supplier = Supplier(
            name=name,
            contact=v.text(
                QT_TRANSLATE_NOOP("core", "Contact"),
                data.contact,
                max_len=120,
                required=False,
                name_like=True,
            ),
            phone=v.phone(QT_TRANSLATE_NOOP("core", "Phone"), data.phone, required=False),
            email=v.email(QT_TRANSLATE_NOOP("core", "E-mail"), data.email),
            lead_time_days=v.integer(F_LEAD_TIME, data.lead_time_days, minimum=0, maximum=365),
        )
        with self._db.write(actor) as s:
            if s.scalar(select(Supplier.id).where(Supplier.name == name)) is not None:
                raise ValidationError(
                    F_SUPPLIER_NAME,
                    QT_TRANSLATE_NOOP("core", "{value!r} is already a supplier."),
                    value=name,
                )
            s.add(supplier)
            s.flush()
            record(s, actor, "create", "supplier", supplier.id, after={"name": name})
            return supplier.id, Changes(parts=True)

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
                    QT_TRANSLATE_NOOP("core", "{value!r} is already in the catalogue."),
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
                    QT_TRANSLATE_NOOP("core", "{value!r} is already in the catalogue."),
                    value=data.sku,
                ) from exc
            for code in data.barcodes:
                s.add(PartBarcode(code=code, part_id=part.id))
            for model in data.models:
                s.add(PartModel(part_id=part.id, model=model, model_key=model_key(model)))
            s.flush()
            record(s, actor, "create", "part", part.id, after={"sku": part.sku, "name": part.name})
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
        code = (code or "").strip()[:60]
        with self._db.read(actor) as s:
            part = s.scalar(select(Part).where(Part.sku == code.upper())) or s.scalar(
                select(Part).join(PartBarcode).where(PartBarcode.code == code)
            )
            if part is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("core", "No part has the SKU or barcode {code!r}."),
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
            query = query.where(
                or_(
                    Part.sku.startswith(text.upper(), autoescape=True),
                    Part.name_key.contains(text.casefold(), autoescape=True),
                    Part.id.in_(fits),
                )
            )
        with self._db.read(actor) as s:
            parts = list(s.scalars(query.order_by(Part.name_key, Part.id).limit(limit)))
            return [part_dto(s, p) for p in parts]

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
                QT_TRANSLATE_NOOP("core", "{value!r} already names another part."),
                value=taken.code,
            )
