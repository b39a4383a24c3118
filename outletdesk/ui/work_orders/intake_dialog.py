"""Taking a device in: one keyboard-first form, under a minute for a returning customer.

Customer found as you type (or entered inline), their devices and past orders shown; a device
recognised by serial/IMEI shows its repair history; the warranty is previewed live.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from html import escape

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import Changes
from ...core.customers import CustomerDTO, CustomerInput, CustomerSearchResult
from ...core.validation import amount_text
from ...core.work_orders import rules
from ...core.work_orders.dto import (
    DeviceDTO,
    DeviceInput,
    IntakeInput,
    OrderSummary,
    WarrantyDTO,
    WorkOrderDTO,
)
from ...core.work_orders.settings import WorkOrderSettings
from ...models import Channel, Priority
from ..context import AppContext
from ..formats import local_datetime, money_text
from ..i18n import listed
from ..same_phone import SamePhonePanel
from ..settings.forms import FormErrors, multiline
from .actions import method_combo
from .labels import (
    channel_text,
    device_type_text,
    device_with_type,
    status_text,
    warranty_text,
)

SEARCH_DELAY_MS = 150
LOOKUP_DELAY_MS = 300
CUSTOMER_RESULTS = 20
SEAT_PRINT_INTAKE = "work_orders/print_intake"
SEAT_PRINT_LABEL = "work_orders/print_label"


class IntakeDialog(QDialog):
    """Emits `saved(order)` once the order is written; the page then opens the receipt preview."""

    saved = Signal(object)  # WorkOrderDTO

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.customer: CustomerDTO | None = None
        self.settings = WorkOrderSettings()
        self.seen_device: DeviceDTO | None = None
        self._agreed_deposit: tuple[Decimal, Decimal] | None = None
        self.warranty: WarrantyDTO | None = None
        self._search_seq = 0
        self._shown_query: str | None = None  # the text the listed customers were found for
        self._on_arrival: str | None = None  # "choose" or "focus": what a key waits to do
        self._lookup_seq = 0
        self.setWindowTitle(self.tr("New intake"))

        left = QVBoxLayout()
        left.addWidget(self._customer_box())
        left.addWidget(self._device_box())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._job_box())
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self.error = QLabel(self)
        self.errors = FormErrors(self.error, self._field_widgets())
        self.print_intake = QCheckBox(self.tr("Print &intake receipt"), self)
        self.print_label = QCheckBox(self.tr("Print device &label"), self)
        self.print_intake.setChecked(_seat_bool(ctx, SEAT_PRINT_INTAKE, True))
        self.print_label.setChecked(_seat_bool(ctx, SEAT_PRINT_LABEL, False))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save (Ctrl+Enter)"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_intake)
        bottom.addWidget(self.print_label)
        bottom.addStretch(1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

        # Enter belongs to the fields (choose a customer, next field); saving is Ctrl+Enter.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(keys), self, self.submit)

        self._search_timer = _timer(self, SEARCH_DELAY_MS, self.run_customer_search)
        self._lookup_timer = _timer(self, LOOKUP_DELAY_MS, self.run_device_lookup)
        self.search.textChanged.connect(self._search_edited)
        self.search.returnPressed.connect(self._search_return)
        self.results.itemActivated.connect(self._result_chosen)
        self.past_devices.itemActivated.connect(self._past_device_chosen)
        self.past_devices.itemClicked.connect(self._past_device_chosen)
        for edit in (self.serial, self.imei, self.purchase_date):
            edit.textChanged.connect(lambda _t: self._lookup_timer.start())
        self.device_type.currentIndexChanged.connect(lambda _i: self._lookup_timer.start())
        self.resize(1180, 780)
        self._load_choices()
        self.search.setFocus()

    # ------------------------------------------------------------ building

    def _customer_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Customer"), self)
        self.search = QLineEdit(box)
        self.search.setPlaceholderText(self.tr("Find by name or phone; ↓ to the results"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(box)
        self.results.setMaximumHeight(90)
        self.chosen = QLabel(box)
        self.chosen.setWordWrap(True)
        self.clear_customer_button = QPushButton(self.tr("Other customer"), box)
        self.clear_customer_button.clicked.connect(self.clear_customer)
        self.clear_customer_button.hide()
        self.new_name = QLineEdit(box)
        self.new_phone = QLineEdit(box)
        self.new_phone.setPlaceholderText("138 0013 8000")
        # A new customer's number already on file is pointed out before the order is taken.
        self.same_phone = SamePhonePanel(box)
        self.same_phone.open_requested.connect(self.choose_customer)
        self.same_phone.save_anyway.connect(lambda: self.submit(confirmed=True))
        self.new_phone.textEdited.connect(lambda _t: self.same_phone.hide())
        self.past_devices = QListWidget(box)
        self.past_devices.setMaximumHeight(70)
        self.past_devices.setToolTip(self.tr("Click or press Enter to fill in the device fields"))
        self.past_orders = QLabel(box)
        self.past_orders.setWordWrap(True)
        self.past_orders.setStyleSheet("color: #444;")

        self.new_customer = QWidget(box)
        new_form = QFormLayout(self.new_customer)
        new_form.setContentsMargins(0, 0, 0, 0)
        _row(new_form, self.tr("Ne&w customer name"), self.new_name)
        _row(new_form, self.tr("P&hone"), self.new_phone)
        self.history = QWidget(box)
        history = QVBoxLayout(self.history)
        history.setContentsMargins(0, 0, 0, 0)
        history.addWidget(QLabel(self.tr("Their devices (Enter fills in the device):"), box))
        history.addWidget(self.past_devices)
        history.addWidget(self.past_orders)
        self.history.hide()

        layout = QVBoxLayout(box)
        find = QFormLayout()
        _row(find, self.tr("&Find"), self.search)
        layout.addLayout(find)
        layout.addWidget(self.results)
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen, 1)
        chosen_row.addWidget(self.clear_customer_button)
        layout.addLayout(chosen_row)
        layout.addWidget(self.new_customer)
        layout.addWidget(self.same_phone)
        layout.addWidget(self.history)
        self.search.installEventFilter(self)
        self._show_chosen()
        return box

    def _device_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Device"), self)
        self.device_type = QComboBox(box)
        self.brand = QLineEdit(box)
        self.model = QLineEdit(box)
        self.serial = QLineEdit(box)
        self.imei = QLineEdit(box)
        self.imei.setPlaceholderText(self.tr("15 digits"))
        self.purchase_date = QLineEdit(box)
        self.purchase_date.setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        self.proof = QLineEdit(box)
        self.proof.setPlaceholderText(self.tr("Invoice or order number"))
        self.colour = QLineEdit(box)
        self.device_notes = QLineEdit(box)
        self.device_notes.setPlaceholderText(self.tr("Scratches, engraving, case colour…"))
        self.seen_before = QLabel(box)
        self.seen_before.setWordWrap(True)
        self.seen_before.setTextFormat(Qt.TextFormat.RichText)
        self.seen_before.hide()
        self.warranty_label = QLabel(box)
        self.warranty_label.setWordWrap(True)
        self.warranty_label.setStyleSheet("font-weight: 600;")
        form = QFormLayout(box)
        grid = QGridLayout()
        grid.addWidget(self.brand, 0, 0)
        grid.addWidget(self.model, 0, 1)
        self.brand.setPlaceholderText(self.tr("Brand"))
        self.model.setPlaceholderText(self.tr("Model"))
        _row(form, self.tr("&Type"), self.device_type)
        brand_label = QLabel(self.tr("&Brand / model"), box)
        brand_label.setBuddy(self.brand)
        form.addRow(brand_label, grid)
        _row(form, self.tr("Se&rial number"), self.serial)
        _row(form, self.tr("I&MEI"), self.imei)
        _row(form, self.tr("Purchase date"), self.purchase_date)
        _row(form, self.tr("Proof of purchase"), self.proof)
        _row(form, self.tr("Colour"), self.colour)
        _row(form, self.tr("Device notes"), self.device_notes)
        form.addRow(self.seen_before)
        form.addRow(self.warranty_label)
        return box

    def _job_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Job"), self)
        self.fault = multiline(2, box)
        self.demand = multiline(1, box)
        self.channel = QComboBox(box)
        for channel in Channel:
            self.channel.addItem(channel_text(channel), channel.value)
        self.urgent = QCheckBox(self.tr("&Urgent (expedite)"), box)
        self.checklist_box = QWidget(box)
        self.checklist_layout = QGridLayout(self.checklist_box)
        self.checklist_layout.setContentsMargins(0, 0, 0, 0)
        self.checklist: list[tuple[str, QCheckBox, QLineEdit]] = []
        self.accessories = QLineEdit(box)
        self.accessories.setPlaceholderText(self.tr("Charger, case, SIM card…"))
        self.passcode = QLineEdit(box)
        self.passcode.setEchoMode(QLineEdit.EchoMode.Password)
        self.passcode.setToolTip(self.tr("Only technicians can read it; erased at hand-back"))
        self.estimate = QLineEdit(box)
        self.estimate.setPlaceholderText("0.00")
        self.deposit = QLineEdit(box)
        self.deposit.setPlaceholderText("0.00")
        self.deposit_method = method_combo(box)
        money = QHBoxLayout()
        money.addWidget(self.deposit, 1)
        money.addWidget(self.deposit_method)
        self.promised_on = QCheckBox(self.tr("&Promised"), box)
        self.promised = QDateTimeEdit(box)
        self.promised.setCalendarPopup(True)
        self.promised.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.promised.setDateTime(QDateTime.currentDateTime().addDays(1))
        self.promised.setEnabled(False)
        self.promised_on.toggled.connect(self.promised.setEnabled)
        promised = QHBoxLayout()
        promised.addWidget(self.promised_on)
        promised.addWidget(self.promised, 1)
        self.technician = QComboBox(box)
        self.technician.addItem(self.tr("(later)"), None)
        channel_row = QHBoxLayout()
        channel_row.addWidget(self.channel, 1)
        channel_row.addWidget(self.urgent)

        form = QFormLayout(box)
        _row(form, self.tr("Rep&orted fault"), self.fault)
        _row(form, self.tr("Customer's &demand"), self.demand)
        channel_label = QLabel(self.tr("Channel"), box)
        channel_label.setBuddy(self.channel)
        form.addRow(channel_label, channel_row)
        form.addRow(QLabel(self.tr("Condition on arrival"), box), self.checklist_box)
        _row(form, self.tr("&Accessories"), self.accessories)
        _row(form, self.tr("Pass&code"), self.passcode)
        _row(form, self.tr("&Estimate"), self.estimate)
        deposit_label = QLabel(self.tr("&Deposit"), box)
        deposit_label.setBuddy(self.deposit)
        form.addRow(deposit_label, money)
        form.addRow(QLabel(self.tr("Promised for"), box), promised)
        _row(form, self.tr("Tech&nician"), self.technician)
        return box

    def _field_widgets(self) -> dict[str, QWidget]:
        """The core's English field labels (intake.F_*, customers.F_*) mapped to their widgets."""
        return {
            "Device type": self.device_type,
            "Brand": self.brand,
            "Model": self.model,
            "Serial number": self.serial,
            "IMEI": self.imei,
            "Purchase date": self.purchase_date,
            "Device notes": self.device_notes,
            "Proof of purchase": self.proof,
            "Colour": self.colour,
            "Reported fault": self.fault,
            "Customer's demand": self.demand,
            "Channel": self.channel,
            "Priority": self.urgent,
            "Condition on arrival": self.checklist_box,
            "Accessories": self.accessories,
            "Passcode": self.passcode,
            "Estimate": self.estimate,
            "Deposit": self.deposit,
            "Payment method": self.deposit_method,
            "Promised date": self.promised,
            "Technician": self.technician,
            "Customer": self.search,
            "Name": self.new_name,
            "Phone": self.new_phone,
        }

    # ------------------------------------------------------------ choices from settings

    def _load_choices(self) -> None:
        services, actor = self._ctx.services, self._ctx.actor
        outlet_id = actor.outlet_id

        def load() -> tuple[WorkOrderSettings, list[tuple[int, str]]]:
            settings = (
                services.work_order_settings.get(outlet_id)
                if outlet_id is not None
                else WorkOrderSettings()
            )
            return settings, services.work_orders.technicians(actor)

        self._ctx.runner.run(load, self._choices_loaded, self.errors.shower(self))

    def _choices_loaded(self, result: tuple[WorkOrderSettings, list[tuple[int, str]]]) -> None:
        self.settings, technicians = result
        self.device_type.blockSignals(True)
        self.device_type.clear()
        for name in self.settings.device_types:
            self.device_type.addItem(device_type_text(name), name)
        self.device_type.blockSignals(False)
        for uid, name in technicians:
            self.technician.addItem(name, uid)
        # One item a row: two a row left the notes 28 pixels wide beside bilingual item names.
        for row, item in enumerate(self.settings.checklist):
            ok = QCheckBox(item, self.checklist_box)
            note = QLineEdit(self.checklist_box)
            note.setPlaceholderText(self.tr("note"))
            note.setMinimumWidth(note.fontMetrics().horizontalAdvance("m" * 12))
            self.checklist_layout.addWidget(ok, row, 0)
            self.checklist_layout.addWidget(note, row, 1)
            self.checklist.append((item, ok, note))
        self.checklist_layout.setColumnStretch(1, 1)
        if self.settings.checklist_mandatory:
            self.checklist_box.setToolTip(
                self.tr("This outlet requires every item to be checked at intake.")
            )

    # ------------------------------------------------------------ customer

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        from PySide6.QtCore import QEvent

        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        ):
            if self._results_are_current():
                if self.results.count():
                    self._focus_results()
                    return True
            elif self.search.text().strip():  # results of the text before: wait for this one's
                self._on_arrival = "focus"
                self.run_customer_search()
                return True
        return super().eventFilter(watched, event)

    def _search_edited(self, _text: str) -> None:
        self._on_arrival = None  # a key still waiting was for the text before this one
        self._search_timer.start()

    def _results_are_current(self) -> bool:
        return self._shown_query == self.search.text().strip() and not self._search_timer.isActive()

    def _focus_results(self) -> None:
        self.results.setFocus()
        self.results.setCurrentRow(0)

    def run_customer_search(self) -> None:
        self._search_timer.stop()
        query = self.search.text().strip()
        self._search_seq += 1
        seq = self._search_seq
        if not query:
            self.results.clear()
            self._shown_query = query
            self._arrived()
            return
        services, actor = self._ctx.services, self._ctx.actor
        self._ctx.runner.run(
            lambda: services.customers.search(actor, query, limit=CUSTOMER_RESULTS),
            lambda result: self._show_customers(seq, query, result),
            self.errors.shower(self),
        )

    def _show_customers(self, seq: int, query: str, result: CustomerSearchResult) -> None:
        if seq != self._search_seq:
            return
        self._shown_query = query
        self.results.clear()
        for customer in result.rows:
            item = QListWidgetItem(f"{customer.name}   {listed(customer.phones)}")
            item.setData(Qt.ItemDataRole.UserRole, customer)
            self.results.addItem(item)
        if result.rows:
            self.results.setCurrentRow(0)
        elif self.customer is None:
            # Nobody found: the typed text becomes the new customer's name or phone.
            target = self.new_phone if any(ch.isdigit() for ch in query) else self.new_name
            if not target.text():
                target.setText(query)
        self._arrived()

    def _arrived(self) -> None:
        """The results of the search box's text are listed: do what Enter or ↓ waited for."""
        waiting, self._on_arrival = self._on_arrival, None
        if waiting == "choose":
            self._choose_first()
        elif waiting == "focus" and self.results.count():
            self._focus_results()

    def _search_return(self) -> None:
        """Enter picks the first customer found for the text typed, never one found for the
        text before it: while that search is still running, the choice waits for its results."""
        if self._results_are_current():
            self._choose_first()
            return
        self._on_arrival = "choose"
        self.run_customer_search()

    def _choose_first(self) -> None:
        if self.results.count():
            self.choose_customer(self.results.item(0).data(Qt.ItemDataRole.UserRole))
        else:
            self.new_name.setFocus()

    def _result_chosen(self, item: QListWidgetItem) -> None:
        self.choose_customer(item.data(Qt.ItemDataRole.UserRole))

    def choose_customer(self, customer: CustomerDTO) -> None:
        self.customer = customer
        self._show_chosen()
        services, actor = self._ctx.services, self._ctx.actor
        self._ctx.runner.run(
            lambda: services.intake.customer_history(actor, customer.id),
            self._show_history,
            self.errors.shower(self),
        )
        self.device_type.setFocus()

    def clear_customer(self) -> None:
        self.customer = None
        self._show_chosen()
        self.search.setFocus()
        self.search.selectAll()

    def _show_chosen(self) -> None:
        chosen = self.customer is not None
        self.same_phone.hide()
        self.new_customer.setVisible(not chosen)
        self.history.setVisible(chosen)
        self.clear_customer_button.setVisible(chosen)
        if self.customer is None:
            self.chosen.setText(
                self.tr("No customer chosen: pick one above or enter a new customer below.")
            )
            self.past_devices.clear()
            self.past_orders.clear()
        else:
            self.chosen.setText(
                f"<b>{escape(self.customer.name)}</b>  {escape(listed(self.customer.phones))}"
            )

    def _show_history(self, result: tuple[list[DeviceDTO], list[OrderSummary]]) -> None:
        devices, orders = result
        self.past_devices.clear()
        for device in devices:
            ident = device.imei or device.serial
            item = QListWidgetItem(
                device_with_type(device.device_type, device.label)
                + (f" · {ident}" if ident else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, device)
            self.past_devices.addItem(item)
        if not devices:
            self.past_devices.addItem(self.tr("(no devices yet)"))
        self.past_orders.setText(
            self.tr("Past orders: {orders}").format(
                orders=self.tr("; ").join(
                    self.tr("{number} {device} ({status}, {date})").format(
                        number=o.number,
                        device=device_type_text(o.device_label),
                        status=status_text(o.status),
                        date=local_datetime(o.received_at)[:10],
                    )
                    for o in orders[:5]
                )
            )
            if orders
            else self.tr("No past orders.")
        )

    def _past_device_chosen(self, item: QListWidgetItem) -> None:
        device = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(device, DeviceDTO):
            self.fill_device(device)

    def fill_device(self, device: DeviceDTO) -> None:
        index = self.device_type.findData(device.device_type)
        if index >= 0:
            self.device_type.setCurrentIndex(index)
        self.brand.setText(device.brand)
        self.model.setText(device.model)
        self.serial.setText(device.serial)
        self.imei.setText(device.imei)
        self.purchase_date.setText(str(device.purchase_date or ""))
        self.proof.setText(device.proof_of_purchase)
        self.colour.setText(device.colour)
        self.fault.setFocus()

    # ------------------------------------------------------------ device: seen before, warranty

    def device_input(self) -> DeviceInput:
        return DeviceInput(
            device_type=self.device_type.currentData() or "",
            brand=self.brand.text(),
            model=self.model.text(),
            serial=self.serial.text(),
            imei=self.imei.text(),
            purchase_date=self.purchase_date.text().strip() or None,
            proof_of_purchase=self.proof.text(),
            colour=self.colour.text(),
            notes=self.device_notes.text(),
        )

    def run_device_lookup(self) -> None:
        self._lookup_timer.stop()
        self._lookup_seq += 1
        seq = self._lookup_seq
        services, actor, device = self._ctx.services, self._ctx.actor, self.device_input()
        outlet_id = actor.outlet_id
        if not device.device_type or outlet_id is None:
            return

        def lookup() -> tuple[tuple[DeviceDTO | None, list[OrderSummary]], WarrantyDTO | str]:
            history = (
                services.intake.device_history(actor, serial=device.serial, imei=device.imei)
                if device.serial.strip() or device.imei.strip()
                else (None, [])
            )
            try:
                warranty: WarrantyDTO | str = services.intake.preview_warranty(
                    actor, outlet_id, device
                )
            except Exception as exc:  # noqa: BLE001 - a half-typed IMEI or date is not an error yet
                from ..errors import error_text

                warranty = error_text(exc)
            return history, warranty

        self._ctx.runner.run(
            lookup, lambda result: self._show_lookup(seq, result), self.errors.shower(self)
        )

    def _show_lookup(
        self,
        seq: int,
        result: tuple[tuple[DeviceDTO | None, list[OrderSummary]], WarrantyDTO | str],
    ) -> None:
        if seq != self._lookup_seq:
            return
        (device, orders), warranty = result
        self.seen_device = device
        if device is None:
            self.seen_before.hide()
        else:
            repairs = "".join(
                f"<li>{escape(o.number)} · {escape(local_datetime(o.received_at)[:10])} · "
                f"{escape(status_text(o.status))} · {escape(o.reported_fault[:60])}</li>"
                for o in orders[:5]
            )
            self.seen_before.setText(
                "<span style='color:#1565c0; font-weight:600'>"
                + escape(
                    self.tr("Seen before: {device}, %n repairs", "", len(orders)).format(
                        device=device.label
                    )
                )
                + "</span>"
                + (f"<ul style='margin:0'>{repairs}</ul>" if repairs else "")
            )
            self.seen_before.show()
            if not self.brand.text() and not self.model.text():
                index = self.device_type.findData(device.device_type)
                if index >= 0:
                    self.device_type.setCurrentIndex(index)
                self.brand.setText(device.brand)
                self.model.setText(device.model)
        if isinstance(warranty, str):
            self.warranty = None
            self.warranty_label.setStyleSheet("color: #8a6d00;")
            self.warranty_label.setText(warranty)
            return
        self.warranty = warranty
        self.warranty_label.setStyleSheet(
            "font-weight: 600; color: " + ("#2e7d32;" if warranty.kind != "none" else "#444;")
        )
        self.warranty_label.setText(
            warranty_text(warranty.kind, warranty.until, warranty.last_order_number)
        )

    # ------------------------------------------------------------ saving

    def intake_input(self) -> IntakeInput:
        promised: datetime | None = None
        if self.promised_on.isChecked():
            promised = self.promised.dateTime().toPython().astimezone()  # type: ignore[union-attr]
        new_customer = None
        if self.customer is None and (
            self.new_name.text().strip() or self.new_phone.text().strip()
        ):
            new_customer = CustomerInput(self.new_name.text(), [self.new_phone.text()])
        return IntakeInput(
            device=self.device_input(),
            reported_fault=self.fault.toPlainText(),
            customer_id=self.customer.id if self.customer else None,
            new_customer=new_customer,
            customer_demand=self.demand.toPlainText(),
            channel=self.channel.currentData(),
            priority=Priority.URGENT if self.urgent.isChecked() else Priority.NORMAL,
            condition=tuple(
                (item, ok.isChecked(), note.text())
                for item, ok, note in self.checklist
                if ok.isChecked() or note.text().strip()
            ),
            accessories=self.accessories.text(),
            passcode=self.passcode.text(),
            estimate=self.estimate.text().strip() or "0",
            deposit=self.deposit.text().strip() or "0",
            deposit_method=self.deposit_method.currentData(),
            promised_at=promised,
            technician_id=self.technician.currentData(),
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Plain Enter never reaches QDialog (which would press Save): it picks and moves on."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()
            return
        super().keyPressEvent(event)

    def submit(self, confirmed: bool = False) -> None:
        """Take the order in on the worker. A new customer's phone number is looked up first: when
        it is on file, the panel names who has it and nothing is written until the clerk opens
        that customer or saves anyway (`confirmed`)."""
        if not self.save_button.isEnabled():
            return
        self.errors.clear()
        self.same_phone.hide()
        if not self.deposit_agreed():
            self.deposit.setFocus()
            return
        data = self.intake_input()
        self.save_button.setEnabled(False)
        new = data.new_customer
        if new is None or confirmed:
            self._take_in(data)
            return
        customers, actor = self._ctx.services.customers, self._ctx.actor
        self._ctx.runner.run(
            lambda: customers.with_same_phone(actor, new),
            lambda others: self._phone_checked(data, others),
            self._failed,
        )

    def deposit_agreed(self) -> bool:
        """A deposit above the estimate is asked about once (a typo of 50 -> 500 is likely; full
        prepayment is allowed): False when the clerk says no. Amounts that do not read are left
        to the core's refusal."""
        estimate = amount_text(self.estimate.text() or "0")
        deposit = amount_text(self.deposit.text() or "0")
        if estimate is None or deposit is None:
            return True
        if not rules.deposit_above_estimate(estimate, deposit):
            return True
        if self._agreed_deposit == (estimate, deposit):
            return True  # already said yes to these amounts (the same-phone panel saves again)
        question = self.tr(
            "The deposit ({deposit}) is more than the estimate ({estimate}). "
            "Take a deposit of {deposit} anyway?"
        ).format(deposit=money_text(deposit), estimate=money_text(estimate))
        if not self.confirm(question):
            return False
        self._agreed_deposit = (estimate, deposit)
        return True

    def confirm(self, text: str) -> bool:
        """Asks a yes/no question before saving; tests replace this."""
        answer = QMessageBox.question(self, self.windowTitle(), text)
        return answer == QMessageBox.StandardButton.Yes

    def _phone_checked(self, data: IntakeInput, others: list[CustomerDTO]) -> None:
        if others:
            self.save_button.setEnabled(True)
            self.same_phone.warn(others)
        else:
            self._take_in(data)

    def _take_in(self, data: IntakeInput) -> None:
        services, actor = self._ctx.services, self._ctx.actor
        self._ctx.runner.run(
            lambda: services.intake.take_in(actor, data), self._saved, self._failed
        )

    def _saved(self, result: tuple[WorkOrderDTO, Changes]) -> None:
        order, changes = result
        self._ctx.seat.setValue(SEAT_PRINT_INTAKE, self.print_intake.isChecked())
        self._ctx.seat.setValue(SEAT_PRINT_LABEL, self.print_label.isChecked())
        self._ctx.bus.publish(changes)
        self.saved.emit(order)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc, self)


def _row(form: QFormLayout, text: str, widget: QWidget) -> None:
    label = QLabel(text, widget.parentWidget())
    label.setBuddy(widget)
    form.addRow(label, widget)


def _timer(parent: QWidget, interval: int, slot) -> QTimer:  # type: ignore[no-untyped-def]
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval)
    timer.timeout.connect(slot)
    return timer


def _seat_bool(ctx: AppContext, key: str, default: bool) -> bool:
    value = ctx.seat.value(key, default)
    return value if isinstance(value, bool) else str(value).lower() == "true"
