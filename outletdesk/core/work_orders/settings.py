"""Per-outlet work-order settings: time limits, tax, warranty terms, the condition checklist."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from ...models import ShopSetting, utcnow
from .. import validation as v
from ..audit import record
from ..auth import Actor, Permission
from ..changes import Changes
from ..database import Database
from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from .rules import TimeLimits

F_JUDGE = QT_TRANSLATE_NOOP("core", "Judgement within (hours)")
F_EXECUTE = QT_TRANSLATE_NOOP("core", "Repair within (hours)")
F_FOLLOW_UP = QT_TRANSLATE_NOOP("core", "Follow-up within (hours)")
F_TAX = QT_TRANSLATE_NOOP("core", "Tax rate (%)")
F_REPAIR_WARRANTY = QT_TRANSLATE_NOOP("core", "Repair warranty (days)")
F_MANUFACTURER = QT_TRANSLATE_NOOP("core", "Manufacturer warranty (months)")
F_CHECKLIST = QT_TRANSLATE_NOOP("core", "Condition checklist")
F_REFUND_REVIEW = QT_TRANSLATE_NOOP("core", "Refund review (working days)")

DEFAULT_DEVICE_TYPES = {"phone": 12, "tablet": 12, "laptop": 12, "watch": 12, "other": 12}
# The outlet's own words once saved; the defaults carry both languages, as printed receipts do.
DEFAULT_CHECKLIST = (
    "屏幕完好 Screen intact",
    "外壳无凹痕 Housing without dents",
    "能开机 Powers on",
    "按键正常 Buttons work",
    "摄像头正常 Camera works",
    "无进液 No liquid damage",
)


@dataclass(frozen=True)
class WorkOrderSettings:
    limits: TimeLimits = field(default_factory=TimeLimits)
    tax_rate: Decimal = Decimal("0.00")  # percent, prices are before tax
    repair_warranty_days: int = 90
    # Manufacturer warranty in months by device type (the intake screen's device types).
    device_types: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_DEVICE_TYPES))
    checklist: tuple[str, ...] = DEFAULT_CHECKLIST
    checklist_mandatory: bool = False
    # Refund review (退款审核): 1-3 working days in the handbook; the far edge by default.
    refund_review_days: int = 3

    def manufacturer_months(self, device_type: str) -> int:
        return self.device_types.get(device_type, 12)

    def validated(self) -> WorkOrderSettings:
        def hours(label: str, value: Decimal) -> Decimal:
            return v.hours(label, value, minimum=Decimal("0.5"), maximum=Decimal(24 * 30))

        limits = TimeLimits(
            hours(F_JUDGE, self.limits.judge_hours),
            hours(F_EXECUTE, self.limits.execute_hours),
            hours(F_FOLLOW_UP, self.limits.follow_up_hours),
        )
        tax = v.percent(F_TAX, self.tax_rate)
        types = {
            v.text(
                QT_TRANSLATE_NOOP("core", "Device type"), name, max_len=40, name_like=True
            ): v.integer(F_MANUFACTURER, months, minimum=0, maximum=120)
            for name, months in self.device_types.items()
        }
        items = tuple(
            v.text(F_CHECKLIST, item, max_len=80, name_like=True) for item in self.checklist
        )
        return WorkOrderSettings(
            limits,
            tax,
            v.integer(F_REPAIR_WARRANTY, self.repair_warranty_days, minimum=0, maximum=3650),
            types,
            items,
            bool(self.checklist_mandatory),
            v.integer(F_REFUND_REVIEW, self.refund_review_days, minimum=1, maximum=30),
        )

    def to_json(self) -> str:
        # Not sort_keys: the device types keep the order the outlet gave them (the intake lists
        # them so and preselects the first); json.loads keeps a JSON object's order.
        return json.dumps(asdict(self), default=str, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> WorkOrderSettings:
        data: dict[str, Any] = json.loads(text)
        limits = {k: Decimal(str(x)) for k, x in data.get("limits", {}).items()}
        return cls(
            limits=TimeLimits(**limits),
            tax_rate=Decimal(str(data.get("tax_rate", "0.00"))),
            repair_warranty_days=int(data.get("repair_warranty_days", 90)),
            device_types={
                str(k): int(x) for k, x in data.get("device_types", DEFAULT_DEVICE_TYPES).items()
            },
            checklist=tuple(data.get("checklist", DEFAULT_CHECKLIST)),
            checklist_mandatory=bool(data.get("checklist_mandatory", False)),
            refund_review_days=int(data.get("refund_review_days", 3)),
        )


def _key(outlet_id: int) -> str:
    return f"work_orders.outlet.{outlet_id}"


def load_settings(s: Session, outlet_id: int) -> WorkOrderSettings:
    row = s.get(ShopSetting, _key(outlet_id))
    return WorkOrderSettings.from_json(row.value) if row else WorkOrderSettings()


class WorkOrderSettingsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, outlet_id: int) -> WorkOrderSettings:
        with self._db.read() as s:
            return load_settings(s, outlet_id)

    def save(self, actor: Actor, outlet_id: int, settings: WorkOrderSettings) -> Changes:
        actor.require(Permission.EDIT_SETTINGS)
        settings = settings.validated()
        with self._db.write(actor) as s:
            before = load_settings(s, outlet_id)
            row = s.get(ShopSetting, _key(outlet_id))
            if row is None:
                s.add(ShopSetting(key=_key(outlet_id), value=settings.to_json()))
            else:
                row.value, row.updated_at = settings.to_json(), utcnow()
            record(
                s,
                actor,
                "update",
                "settings",
                _key(outlet_id),
                before=json.loads(before.to_json()),
                after=json.loads(settings.to_json()),
            )
            if settings.limits != before.limits:
                # The deadline arithmetic lives with the orders (common imports this module).
                from .common import recompute_deadlines

                s.flush()
                recompute_deadlines(s, outlet_id, settings.limits)
                return Changes(settings=True, work_orders=True)
        return Changes(settings=True)


def settings_from_form(
    judge_hours: str,
    execute_hours: str,
    follow_up_hours: str,
    tax_rate: str,
    repair_warranty_days: str,
    device_types: str,
    checklist: str,
    checklist_mandatory: bool,
    refund_review_days: str = "3",
    type_names: Mapping[str, str] | None = None,
) -> WorkOrderSettings:
    """The settings tab's texts, parsed and validated: device types one per line as "type: months".

    `type_names` maps the names the tab shows (translated, "手机") back to the stored types
    ("phone"), so saving in another language keeps the types the orders refer to.
    """
    shown = type_names or {}
    types: dict[str, int] = {}
    for number, line in enumerate(device_types.splitlines(), start=1):
        if not line.strip():
            continue
        # A Chinese input method types the full-width colon.
        name, sep, months = line.replace("\uff1a", ":").partition(":")
        if not sep:
            raise ValidationError(
                F_MANUFACTURER,
                QT_TRANSLATE_NOOP(
                    "core",
                    'line {line}: write a device type, a colon and months, e.g. "phone: 12".',
                ),
                line=number,
            )
        name = name.strip()
        key = shown.get(name, name)
        if key in types:
            raise ValidationError(
                F_MANUFACTURER,
                QT_TRANSLATE_NOOP("core", "line {line}: {name} is already listed above."),
                line=number,
                name=name,
            )
        # Trimmed, so a refusal quotes what was typed after the colon ("abc", not " abc").
        types[key] = v.integer(F_MANUFACTURER, months.strip(), minimum=0, maximum=120)
    if not types:
        raise ValidationError(
            F_MANUFACTURER, QT_TRANSLATE_NOOP("core", "name at least one device type.")
        )
    limits = [
        v.hours(label, text, minimum=Decimal("0.5"), maximum=Decimal(24 * 30))
        for label, text in (
            (F_JUDGE, judge_hours),
            (F_EXECUTE, execute_hours),
            (F_FOLLOW_UP, follow_up_hours),
        )
    ]
    return WorkOrderSettings(
        TimeLimits(*limits),
        v.percent(F_TAX, tax_rate),
        v.integer(F_REPAIR_WARRANTY, repair_warranty_days, minimum=0, maximum=3650),
        types,
        tuple(item.strip() for item in checklist.splitlines() if item.strip()),
        checklist_mandatory,
        v.integer(F_REFUND_REVIEW, refund_review_days, minimum=1, maximum=30),
    ).validated()
