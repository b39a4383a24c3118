"""An outlet's stock locations (库位): the main store, and any van or second store room. Managers
add one (code and name), rename it, retire it once it is empty and no open work order has parts
out from it, or put it back in use. Saves go through the location service on the worker; a rule
error stays in the dialog with its field outlined, and nothing is saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.changes import Changes
from ...core.outlets import OutletDTO
from ...core.parts.locations import LocationDTO
from ..context import AppContext
from ..errors import show_error
from ..settings.forms import FormErrors, add_rows, allow_button
from ..table_model import RowsModel, row_table


def location_label(location: LocationDTO, main_text: str) -> str:
    """How a location reads in a picker: the main store by its (translated) name, others as
    CODE – name."""
    if location.main:
        return main_text
    return f"{location.code} – {location.name}"


class LocationsDialog(QDialog):
    """The locations of one outlet, retired ones included, with what each holds."""

    def __init__(self, ctx: AppContext, outlet: OutletDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._outlet = ctx, outlet
        self.setWindowTitle(self.tr("Stock locations – {outlet}").format(outlet=outlet.name))
        self.can_manage = ctx.actor.can(Permission.MANAGE_STOCK)
        why_not = self.tr("Only a manager or an admin may change stock locations.")
        intro = QLabel(
            self.tr(
                "Each location keeps its own shelf: a van or a second store room can be received "
                "into, counted and moved to and from the main store. A repair's part line takes "
                "its part from the main store unless the line names a van (its From column)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.model: RowsModel[LocationDTO] = RowsModel(
            [
                (self.tr("Code"), lambda loc: loc.code),
                (self.tr("Name"), self._name),
                (self.tr("Units on hand"), lambda loc: str(loc.units)),
                (self.tr("Status"), self._status),
            ],
            self,
            numeric=frozenset({2}),
        )
        self.table = row_table(self.model, self, stretch=1, whole={0, 3})
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("e.g. VAN-1"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. Service van 1"))
        form = QFormLayout()
        add_rows(form, [(self.tr("&Code"), self.code), (self.tr("&Name"), self.name)], self)
        self.error = QLabel(self)
        self.errors = FormErrors(
            self.error, {"Location code": self.code, "Location name": self.name}
        )
        self.add_button = QPushButton(self.tr("&Add location"), self)
        self.rename_button = QPushButton(self.tr("&Rename selected"), self)
        self.retire_button = QPushButton(self.tr("Re&tire"), self)
        for button in (self.add_button, self.rename_button, self.retire_button):
            allow_button(button, self.can_manage, why_not)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.add_button, self.rename_button, self.retire_button):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename_selected)
        self.retire_button.clicked.connect(self.toggle_selected)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._selected_changed())
        self._enable()
        self.resize(620, 460)
        self.reload()

    def _name(self, location: LocationDTO) -> str:
        return self.tr("Main store") if location.main else location.name

    def _status(self, location: LocationDTO) -> str:
        return self.tr("In use") if location.active else self.tr("Retired")

    def reload(self, select_id: int | None = None) -> None:
        locations, actor, outlet_id = self._ctx.services.locations, self._ctx.actor, self._outlet.id
        self._ctx.runner.run(
            lambda: locations.list(actor, outlet_id, include_retired=True),
            lambda rows: self._show(rows, select_id),
            lambda exc: show_error(self, exc),
        )

    def _show(self, rows: list[LocationDTO], select_id: int | None) -> None:
        keep = select_id if select_id is not None else getattr(self.selected(), "id", None)
        self.model.set_rows(rows)
        ids = [loc.id for loc in rows]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        self._enable()

    def selected(self) -> LocationDTO | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _selected_changed(self) -> None:
        chosen = self.selected()
        if chosen is not None and not chosen.main:
            self.name.setText(chosen.name)
        self._enable()

    def _enable(self) -> None:
        chosen = self.selected()
        changeable = self.can_manage and chosen is not None and not chosen.main
        self.rename_button.setEnabled(changeable)
        self.retire_button.setEnabled(changeable)
        retired = chosen is not None and not chosen.active
        self.retire_button.setText(self.tr("Back in &use") if retired else self.tr("Re&tire"))
        self.retire_button.setToolTip(
            self.tr("The main store of an outlet cannot be retired or renamed.")
            if chosen is not None and chosen.main
            else self.tr(
                "Only an empty location can be retired, and only when no open work orders have "
                "parts taken from it; its history stays."
            )
        )

    def add(self) -> None:
        if not self.can_manage:
            return
        locations, actor, outlet_id = self._ctx.services.locations, self._ctx.actor, self._outlet.id
        code, name = self.code.text(), self.name.text()
        self._run(lambda: locations.add(actor, outlet_id, code, name), clear=True)

    def rename_selected(self) -> None:
        chosen = self.selected()
        if not self.can_manage or chosen is None or chosen.main:
            return
        locations, actor, name = self._ctx.services.locations, self._ctx.actor, self.name.text()
        self._run(lambda: locations.rename(actor, chosen.id, name))

    def toggle_selected(self) -> None:
        chosen = self.selected()
        if not self.can_manage or chosen is None or chosen.main:
            return
        locations, actor = self._ctx.services.locations, self._ctx.actor
        self._run(lambda: locations.set_active(actor, chosen.id, not chosen.active))

    def _run(self, work: Callable[[], tuple[LocationDTO, Changes]], *, clear: bool = False) -> None:
        self.errors.clear()
        for button in (self.add_button, self.rename_button, self.retire_button):
            button.setEnabled(False)

        def done(result: tuple[LocationDTO, Changes]) -> None:
            saved, changes = result
            if clear:
                self.code.clear()
                self.name.clear()
            self._ctx.bus.publish(changes)
            self.reload(saved.id)

        def failed(exc: BaseException) -> None:
            self.add_button.setEnabled(self.can_manage)
            self._enable()
            self.errors.show(exc, self)

        self._ctx.runner.run(work, done, failed)
