"""Shop-wide settings every seat shares (per-seat ones such as the printer live on the seat)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import ShopSetting, utcnow
from . import validation as v
from .audit import record
from .auth import Actor, Permission
from .changes import Changes
from .database import Database
from .i18n import QT_TRANSLATE_NOOP

F_HEADER = QT_TRANSLATE_NOOP("core", "Receipt header")
F_FOOTER = QT_TRANSLATE_NOOP("core", "Receipt footer")
F_TERMS = QT_TRANSLATE_NOOP("core", "Terms and conditions")

DEFAULT_TERMS = (
    "Devices not collected within 90 days of notice may be disposed of. "
    "We are not responsible for data loss; please back up your data. "
    "Repairs carry a 90-day warranty on the work done. "
    "设备通知取件后90天内未取，本店有权处理。数据丢失概不负责，请提前备份。维修保修90天。"
)


@dataclass(frozen=True)
class ReceiptSettings:
    header: str = ""
    footer: str = "Thank you! 谢谢惠顾！"
    terms: str = DEFAULT_TERMS

    def validated(self) -> ReceiptSettings:
        return ReceiptSettings(
            header=v.text(F_HEADER, self.header, max_len=300, required=False, multiline=True),
            footer=v.text(F_FOOTER, self.footer, max_len=300, required=False, multiline=True),
            terms=v.text(F_TERMS, self.terms, max_len=2000, required=False, multiline=True),
        )


_RECEIPT_KEYS = {"header": "receipt.header", "footer": "receipt.footer", "terms": "receipt.terms"}


class SettingsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def receipt(self) -> ReceiptSettings:
        with self._db.read() as s:
            return _load_receipt(s)

    def save_receipt(self, actor: Actor, settings: ReceiptSettings) -> Changes:
        actor.require(Permission.EDIT_SETTINGS)
        settings = settings.validated()
        with self._db.write(actor) as s:
            before = _load_receipt(s)
            if before == settings:
                return Changes()
            for field, key in _RECEIPT_KEYS.items():
                value = json.dumps(getattr(settings, field), ensure_ascii=False)
                row = s.get(ShopSetting, key)
                if row is None:
                    s.add(ShopSetting(key=key, value=value))
                elif row.value != value:
                    row.value, row.updated_at = value, utcnow()
            record(
                s,
                actor,
                "update",
                "settings",
                "receipt",
                before=asdict(before),
                after=asdict(settings),
            )
        return Changes(settings=True)


def _load_receipt(s: Session) -> ReceiptSettings:
    query = select(ShopSetting.key, ShopSetting.value).where(
        ShopSetting.key.in_(_RECEIPT_KEYS.values())
    )
    rows = dict(s.execute(query).tuples().all())
    defaults = ReceiptSettings()
    return ReceiptSettings(
        **{
            field: json.loads(rows[key]) if key in rows else getattr(defaults, field)
            for field, key in _RECEIPT_KEYS.items()
        }
    )
