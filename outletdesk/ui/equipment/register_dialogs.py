"""The register's smaller forms: an asset's status (retiring with date and reason), a new meter,
a meter reading, and the list of categories. Each saves through the equipment service on the
worker; a rule error stays in the form with its field outlined, and nothing is saved."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.changes import Changes
from ...core.equipment.register import STATUS_LABELS, AssetDTO, CategoryDTO, Downtime, MeterDTO
from ...models import AssetStatus
from ..context import AppContext
from ..errors import show_error
from ..formats import local_datetime
from ..i18n import tr_up_the_classes
from ..settings.forms import (
    FormErrors,
    FormNote,
    add_rows,
    grow_to_fit,
    multiline,
    save_cancel_buttons,
)
from .asset_dialog import DATE_HINT


def status_label(status: AssetStatus) -> str:
    return QCoreApplication.translate("core", STATUS_LABELS[status])


def meter_value(meter: MeterDTO) -> str:
    if meter.value is None:
        return ""
    return f"{meter.value.normalize():f} {meter.unit}".strip()


class _SaveDialog(QDialog):
    """Save on the worker; publish the change and close, or show the error in the form."""

    tr = tr_up_the_classes

    saved = Signal(object)

    def _init(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self.error = QLabel(self)

    def _finish(self, form: QFormLayout, fields: dict[str, QWidget], note: QLabel | None = None):  # type: ignore[no-untyped-def]
        self.errors = FormErrors(self.error, fields)
        buttons = save_cancel_buttons(self, self.submit)
        self.save_button = buttons.button(buttons.StandardButton.Save)
        layout = QVBoxLayout(self)
        if note is not None:
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(440, 0)

    def submit(self) -> None:
        self.errors.clear()
        self.save_button.setEnabled(False)
        self._ctx.runner.run(self.work(), self._saved, self._failed)

    def work(self) -> Any:  # the service call, made on the worker
        raise NotImplementedError

    def _saved(self, result: tuple[Any, Any]) -> None:
        self._ctx.bus.publish(result[1])
        self.saved.emit(result[0])
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc, self)


def downtime_text(down: Downtime) -> str:
    """A downtime for a person: "down 5.2 h since 2026-11-23 07:01 (MR-N-000016)", or, while
    it is open, "down since 2026-11-23 07:01 (MR-N-000016)"."""
    since = local_datetime(down.since)
    if down.hours is None:
        return QCoreApplication.translate("StatusDialog", "down since {since} ({number})").format(
            since=since, number=down.number
        )
    return QCoreApplication.translate(
        "StatusDialog", "down {hours} h since {since} ({number})"
    ).format(hours=f"{down.hours:.1f}", since=since, number=down.number)


class StatusDialog(_SaveDialog):
    """In service, out of service, under repair, or retired (on a date, with a reason). An asset
    in an open downtime says so, and that back in service ends it; one in service taken out is
    told that its downtime starts now."""

    downtime_ended = Signal(object)  # tuple[Downtime, ...], when back in service ended any

    def __init__(self, ctx: AppContext, asset: AssetDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init(ctx)
        self._asset = asset
        self.setWindowTitle(self.tr("Status – {tag}").format(tag=asset.tag))
        self.status = QComboBox(self)
        may_retire = ctx.actor.can(Permission.MANAGE_EQUIPMENT)
        for status in AssetStatus:
            if status is not AssetStatus.RETIRED or may_retire or asset.status is status:
                self.status.addItem(status_label(status), status.value)  # retiring is managers'
        self.status.setCurrentIndex(self.status.findData(asset.status.value))
        self.retired_on = QLineEdit(date.today().isoformat(), self)
        self.retired_on.setPlaceholderText(DATE_HINT)
        self.reason = multiline(3, self)
        form = QFormLayout()
        add_rows(
            form,
            [
                (self.tr("&Status"), self.status),
                (self.tr("Retired &on"), self.retired_on),
                (self.tr("&Reason"), self.reason),
            ],
            self,
        )
        self._form = form
        note = QLabel(
            self.tr("{name}: now {status}.").format(
                name=asset.name, status=status_label(asset.status)
            ),
            self,
        )
        note.setWordWrap(True)
        self.down_note = FormNote(self)  # the open downtime, and whether this change ends it
        form.addRow(self.down_note)
        self._finish(
            form,
            {"Status": self.status, "Retired on": self.retired_on, "Reason": self.reason},
            note,
        )
        self.resize(480, 0)  # room for the downtime's line
        self.status.currentIndexChanged.connect(lambda _i: self._show_retire_fields())
        self._show_retire_fields()

    def _show_retire_fields(self) -> None:
        chosen = self.status.currentData()
        retiring = chosen == AssetStatus.RETIRED.value
        self._form.setRowVisible(self.retired_on, retiring)
        down = self._asset.down
        # Taken out of service: the core opens its downtime (set_status), as the register
        # import does, with the reason, required, as its cause.
        taken_out = self._asset.status is AssetStatus.IN_SERVICE and chosen in (
            AssetStatus.UNDER_REPAIR.value,
            AssetStatus.OUT_OF_SERVICE.value,
        )
        starts = down is None and taken_out
        if retiring:
            self.reason.setPlaceholderText(self.tr("Why it is retired (required)"))
        elif taken_out:
            self.reason.setPlaceholderText(self.tr("What is wrong with it (required)"))
        else:
            self.reason.setPlaceholderText(self.tr("What happened"))
        self._form.setRowVisible(self.down_note, down is not None or starts)
        if starts:
            self.down_note.setText(
                self.tr(
                    "Downtime starts now: it counts from saving until it is back in service, "
                    "with the reason as its cause. Logging the breakdown then fills this "
                    "downtime in (its real start, cause and end): one failure, not two."
                )
            )
            self.down_note.setStyleSheet("color: #ef6c00; font-weight: 600;")
            grow_to_fit(self)
        if down is None:
            return
        if chosen == AssetStatus.IN_SERVICE.value and down.automatic:
            text = self.tr(
                "It has been {down}; back in service, that downtime ends now. Its breakdown, "
                "logged afterwards, still fills this downtime in: one failure, not two."
            )
            self.down_note.setStyleSheet("color: #2e7d32; font-weight: 600;")
        elif chosen == AssetStatus.IN_SERVICE.value:
            text = self.tr("It has been {down}; back in service, that downtime ends now.")
            self.down_note.setStyleSheet("color: #2e7d32; font-weight: 600;")
        else:
            text = self.tr("It has been {down}; that downtime ends when it is back in service.")
            self.down_note.setStyleSheet("color: #666;")
        self.down_note.setText(text.format(down=downtime_text(down)))
        grow_to_fit(self)

    def work(self) -> Any:
        equipment, actor, asset = self._ctx.services.equipment, self._ctx.actor, self._asset
        status, reason = self.status.currentData(), self.reason.toPlainText()
        on = self.retired_on.text() if status == AssetStatus.RETIRED.value else None
        return lambda: equipment.set_status(actor, asset.id, asset.version, status, reason, on=on)

    def _saved(self, result: tuple[Any, Any]) -> None:
        asset, ended, changes = cast(tuple[AssetDTO, tuple[Downtime, ...], Changes], result)
        self._ctx.bus.publish(changes)
        self.saved.emit(asset)
        if ended:
            self.downtime_ended.emit(ended)
        self.accept()


class MeterDialog(_SaveDialog):
    """Something counted on the asset: operating hours, cycles, kilometres."""

    def __init__(self, ctx: AppContext, asset: AssetDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init(ctx)
        self._asset = asset
        self.setWindowTitle(self.tr("Add meter – {tag}").format(tag=asset.tag))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Operating hours"))
        self.unit = QLineEdit(self)
        self.unit.setPlaceholderText(self.tr("h"))
        form = QFormLayout()
        add_rows(form, [(self.tr("&Meter"), self.name), (self.tr("&Unit"), self.unit)], self)
        self._finish(form, {"Meter": self.name, "Meter unit": self.unit})

    def work(self) -> Any:
        equipment, actor, asset = self._ctx.services.equipment, self._ctx.actor, self._asset
        name, unit = self.name.text(), self.unit.text()
        return lambda: equipment.add_meter(actor, asset.id, name, unit)


class ReadingDialog(_SaveDialog):
    """A reading of one of the asset's meters, taken now; never lower than the last one."""

    def __init__(
        self, ctx: AppContext, asset: AssetDTO, meter_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._init(ctx)
        self.setWindowTitle(self.tr("Meter reading – {tag}").format(tag=asset.tag))
        self.meter = QComboBox(self)
        for m in asset.meters:
            self.meter.addItem(f"{m.name} ({m.unit})" if m.unit else m.name, m.id)
        self.meter.setCurrentIndex(max(0, self.meter.findData(meter_id)))
        self._meters = {m.id: m for m in asset.meters}
        self.last = QLabel(self)
        self.value = QLineEdit(self)
        form = QFormLayout()
        add_rows(
            form,
            [
                (self.tr("&Meter"), self.meter),
                (self.tr("Last reading"), self.last),
                (self.tr("&Reading"), self.value),
            ],
            self,
        )
        self._finish(form, {"Meter": self.meter, "Reading": self.value, "Read at": self.value})
        self.meter.currentIndexChanged.connect(lambda _i: self._show_last())
        self._show_last()
        self.value.setFocus()

    def _show_last(self) -> None:
        meter = self._meters.get(self.meter.currentData())
        if meter is None or meter.value is None:
            self.last.setText(self.tr("none yet"))
        else:
            self.last.setText(f"{meter_value(meter)}  ({local_datetime(meter.read_at)})")

    def work(self) -> Any:
        equipment, actor = self._ctx.services.equipment, self._ctx.actor
        meter_id, value = self.meter.currentData(), self.value.text()
        return lambda: equipment.read_meter(actor, meter_id, value)


class CategoriesDialog(QDialog):
    """The editable list of categories: add, rename, retire (kept on its assets) or restore."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("Equipment categories"))
        self.categories: list[CategoryDTO] = []
        self.list = QListWidget(self)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Name of a new category, or the new name"))
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.rename_button = QPushButton(self.tr("Re&name"), self)
        self.retire_button = QPushButton(self.tr("&Retire"), self)
        self.show_retired = QCheckBox(self.tr("Show retired categories"), self)
        self.error = QLabel(self)
        self.errors = FormErrors(self.error, {"Category": self.name})
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        for button in (self.add_button, self.rename_button, self.retire_button):
            row.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.show_retired)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.retire_button.clicked.connect(self.toggle_active)
        self.name.returnPressed.connect(self.add)
        self.show_retired.toggled.connect(lambda _on: self.load())
        self.list.currentRowChanged.connect(lambda _r: self._selected_changed())
        self.resize(480, 380)
        self.load()

    def load(self) -> None:
        equipment, actor = self._ctx.services.equipment, self._ctx.actor
        retired = self.show_retired.isChecked()
        self._ctx.runner.run(
            lambda: equipment.categories(actor, include_retired=retired),
            self._loaded,
            lambda exc: show_error(self, exc),
        )

    def _loaded(self, categories: list[CategoryDTO]) -> None:
        chosen = self.current()
        self.categories = categories
        self.list.clear()
        for c in categories:
            text = c.name if c.active else self.tr("{name} (retired)").format(name=c.name)
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
        ids = [c.id for c in categories]
        if chosen is not None and chosen.id in ids:
            self.list.setCurrentRow(ids.index(chosen.id))
        self._selected_changed()

    def current(self) -> CategoryDTO | None:
        row = self.list.currentRow()
        return self.categories[row] if 0 <= row < len(self.categories) else None

    def _selected_changed(self) -> None:
        chosen = self.current()
        self.rename_button.setEnabled(chosen is not None)
        self.retire_button.setEnabled(chosen is not None)
        self.retire_button.setText(
            self.tr("Rest&ore") if chosen is not None and not chosen.active else self.tr("&Retire")
        )
        if chosen is not None:
            self.name.setText(chosen.name)

    def add(self) -> None:
        self._save(self.name.text(), None, True)

    def rename(self) -> None:
        chosen = self.current()
        if chosen is not None:
            self._save(self.name.text(), chosen.id, chosen.active)

    def toggle_active(self) -> None:
        chosen = self.current()
        if chosen is not None:
            self._save(chosen.name, chosen.id, not chosen.active)

    def _save(self, name: str, category_id: int | None, active: bool) -> None:
        equipment, actor = self._ctx.services.equipment, self._ctx.actor
        self.errors.clear()

        def saved(result: tuple[CategoryDTO, Any]) -> None:
            self._ctx.bus.publish(result[1])
            self.load()

        self._ctx.runner.run(
            lambda: equipment.save_category(actor, name, category_id=category_id, active=active),
            saved,
            self.errors.shower(self),
        )
