"""The "Orders" tab: every order of the workspace (also those placed elsewhere), its status,
cancel where UP42 allows it, "download when fulfilled", and the selected order's delivery."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from ..api.models import Order, OrderStatus
from ..i18n import tr
from ..tasks.base import Up42Task
from ..tasks.orders import CancelOrderTask, ListOrdersTask
from ..toolbelt.messages import error_text
from ..toolbelt.plain_text import ask, plain_label
from .decision_panel import DecisionPanel
from .delivery_panel import DeliveryPanel
from .order_status_text import column_titles, is_alarming, status_explanation, status_filters
from .orders_rows import (
    FAILED_COLOUR,
    ORDER_ID_ROLE,
    SortItem,
    created_item,
    credits_item,
    empty_label,
    empty_text,
    fit_columns,
    name_item,
    orders_table,
    product_item,
    status_item,
)

if TYPE_CHECKING:
    from ..context import PluginContext
    from .aoi import Aoi
    from .tasking_dialog import TaskingDialog

MAX_ORDERS = 500


class OrdersPanel(QWidget):
    def __init__(self, context: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Up42OrdersPanel")
        self.context = context
        self.orders: dict[str, Order] = {}
        self.product_titles: dict[str, str] = {}
        self._list_task: Up42Task | None = None
        self._cancel_tasks: dict[str, Up42Task] = {}
        self._loaded_once = False
        self._generation = 0  # bumped on an account change: older listings are dropped

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Show:")))
        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("Up42OrderFilter")
        for label, _shows in status_filters():
            self.filter_combo.addItem(label)
        top.addWidget(self.filter_combo)
        top.addStretch(1)
        self.tasking_button = QPushButton(tr("New tasking order…"))
        self.tasking_button.setObjectName("Up42NewTasking")
        self.tasking_button.setToolTip(tr("Order a new acquisition of an area (tasking)"))
        top.addWidget(self.tasking_button)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.setObjectName("Up42RefreshOrders")
        top.addWidget(self.refresh_button)
        layout.addLayout(top)

        self.table = orders_table(column_titles(), self)
        self.empty_label = empty_label(self)
        self._table_stack = QStackedLayout()
        self._table_stack.addWidget(self.table)
        self._table_stack.addWidget(self.empty_label)
        layout.addLayout(self._table_stack, 1)

        self.message = plain_label(QLabel())
        self.message.setObjectName("Up42OrdersMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.detail = plain_label(QLabel())
        self.detail.setObjectName("Up42OrderDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # the name is the user's text
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.decision = DecisionPanel(context, self)  # tasking: feasibility and quotation
        self.decision.quoted.connect(self._quoted)
        layout.addWidget(self.decision)
        # Set by the plugin: the Search tab's AOI, which a tasking order starts from.
        self.search_aoi: Callable[[], Aoi | None] | None = None
        self.tasking_dialog: TaskingDialog | None = None

        self.actions = QWidget(self)
        actions = QHBoxLayout(self.actions)
        actions.setContentsMargins(0, 0, 0, 0)
        self.cancel_button = QPushButton(tr("Cancel order…"))
        self.cancel_button.setObjectName("Up42CancelOrder")
        self.auto_download = QCheckBox(tr("Download and add to the project when fulfilled"))
        self.auto_download.setObjectName("Up42AutoDownload")
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.auto_download)
        actions.addStretch(1)
        layout.addWidget(self.actions)

        self.delivery = DeliveryPanel(context, self)
        layout.addWidget(self.delivery)

        self.refresh_button.clicked.connect(self.refresh)
        self.tasking_button.clicked.connect(self.open_tasking)
        self.filter_combo.currentIndexChanged.connect(self._apply_filter)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.auto_download.toggled.connect(self._auto_download_toggled)
        context.tracker.order_updated.connect(self.update_order)
        context.tracker.tracked_changed.connect(self._tracked_changed)
        context.clients.changed.connect(self._account_changed)
        self._selection_changed()

    # --- loading ---------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self.refresh()

    def refresh(self) -> bool:
        """Reads the workspace's orders in a task; False when none could be started."""
        if self._list_task is not None:
            return False
        self._loaded_once = True
        self.message.setText(tr("Reading orders…"))
        self.refresh_button.setEnabled(False)
        titles = not self.product_titles
        generation = self._generation
        self._list_task = self.context.start(
            lambda client: ListOrdersTask(
                client, max_orders=MAX_ORDERS, with_product_titles=titles
            ),
            lambda task: self._on_listed(task, generation),
        )
        return True

    def _account_changed(self) -> None:
        """Another account (or none), another workspace: forget this one's orders, its
        messages and deliveries, and read again; a listing still running is dropped."""
        if sip.isdeleted(self):
            return
        self._generation += 1
        self.orders, self.product_titles = {}, {}
        self._fill(None)
        self.message.setText("")
        self.delivery.forget_deliveries()
        if self._loaded_once and self._list_task is None:
            self.refresh()

    def _on_listed(self, task: Up42Task, generation: int | None = None) -> None:
        self._list_task = None
        if sip.isdeleted(self):
            return  # the dock was closed for good while the task ran
        self.refresh_button.setEnabled(True)
        if generation is not None and generation != self._generation:
            self.refresh()  # listed for the previous account: read this one's
            return
        if task.error is not None:
            self.message.setText(
                tr("Could not read the orders: {error}").format(error=error_text(task.error))
            )
            return
        if task.result is None:
            self.message.setText(tr("Reading the orders was cancelled."))
            return
        self.product_titles.update(task.result.product_titles)
        selected = self.selected_order_id()
        self.orders = {order.id: order for order in task.result.orders}
        self._fill(selected)
        self.message.setText(tr("%Ln order(s) in the workspace.", "", len(self.orders)))

    # --- table -----------------------------------------------------------------------------
    def _fill(self, selected: str | None) -> None:
        self.table.setSortingEnabled(False)
        self.table.setRowCount(0)
        ordered = sorted(
            self.orders.values(),
            key=lambda o: o.created_at.timestamp() if o.created_at else 0,
            reverse=True,
        )
        for order in ordered:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self._write_row(row, order)
        self.table.setSortingEnabled(True)
        fit_columns(self.table)
        self._apply_filter()
        if selected:
            self.select_order(selected)

    def _row_of(self, order_id: str) -> int:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(ORDER_ID_ROLE) == order_id:
                return row
        return -1

    def _write_row(self, row: int, order: Order) -> None:
        product_title = self.product_titles.get(order.data_product_id or "")
        items = (
            name_item(order, product_title),
            status_item(order),
            created_item(order),
            product_item(order, product_title),
            self._credits_item(order),
        )
        for column, item in enumerate(items):
            self.table.setItem(row, column, item)

    def _credits_item(self, order: Order) -> SortItem:
        note = self.context.state.note(order.id)
        return credits_item(note.credits, note.quoted_credits, order.is_tasking)

    def _quoted(self, order_id: str) -> None:
        """The decision panel read a tasking order's quotation: its price in the row."""
        if not sip.isdeleted(self) and order_id in self.orders:
            self.update_order(self.orders[order_id])

    def _apply_filter(self) -> None:
        shows = status_filters()[max(0, self.filter_combo.currentIndex())][1]
        for row in range(self.table.rowCount()):
            order = self.orders.get(self.table.item(row, 0).data(ORDER_ID_ROLE))
            hidden = shows is not None and (order is None or not shows(order))
            self.table.setRowHidden(row, hidden)
        visible = sum(not self.table.isRowHidden(r) for r in range(self.table.rowCount()))
        self.empty_label.setText(
            empty_text(self.filter_combo.currentIndex(), len(self.orders)) if not visible else ""
        )
        self._table_stack.setCurrentWidget(self.table if visible else self.empty_label)
        selected = self.table.selectionModel().selectedRows()
        if selected and self.table.isRowHidden(selected[0].row()):
            self.table.clearSelection()  # a filtered-away order shows no details, no buttons
        self._selection_changed()

    def update_order(self, order: Order) -> None:
        """A newer state of one order (from the tracker or a cancel)."""
        self.orders[order.id] = order
        row = self._row_of(order.id)
        sorting = self.table.isSortingEnabled()
        self.table.setSortingEnabled(False)
        if row < 0:
            row = 0
            self.table.insertRow(0)
        self._write_row(row, order)
        self.table.setSortingEnabled(sorting)
        fit_columns(self.table)
        self._apply_filter()

    def _tracked_changed(self) -> None:
        # Orders placed from the search tab are new here: list them (not on every untrack).
        if not self._loaded_once:
            return
        if any(order_id not in self.orders for order_id in self.context.tracker.tracked_ids):
            self.refresh()

    # --- selection -------------------------------------------------------------------------
    def selected_order_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(ORDER_ID_ROLE)

    def selected_order(self) -> Order | None:
        order_id = self.selected_order_id()
        return self.orders.get(order_id) if order_id else None

    def select_order(self, order_id: str) -> bool:
        row = self._row_of(order_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _selection_changed(self) -> None:
        order = self.selected_order()
        cancelling = order is not None and order.id in self._cancel_tasks
        self.cancel_button.setEnabled(bool(order and order.can_cancel and not cancelling))
        self.auto_download.setEnabled(bool(order and not order.is_final))
        self.auto_download.blockSignals(True)
        self.auto_download.setChecked(bool(order and self.context.flow.auto_download(order.id)))
        self.auto_download.blockSignals(False)
        self.actions.setVisible(order is not None)
        self.detail.setVisible(order is not None)
        if order is None:
            self.detail.setText("")
        else:
            colour = FAILED_COLOUR.name() if is_alarming(order) else "palette(text)"
            self.detail.setStyleSheet(f"color: {colour};")
            product = self.product_titles.get(order.data_product_id or "")
            lines = [order.display_name or order.id, status_explanation(order)]
            if product:
                lines.insert(1, tr("Data product: {product}").format(product=product))
            self.detail.setText("\n".join(lines))
        self.delivery.show_order(order)
        self.decision.show_order(order)

    def open_tasking(self) -> TaskingDialog:
        """The "New tasking order" dialog (one at a time; a fresh one after a placement)."""
        from .tasking_dialog import TaskingDialog

        dialog = self.tasking_dialog
        if dialog is None or sip.isdeleted(dialog) or dialog.order_id is not None:
            dialog = self.tasking_dialog = TaskingDialog(self.context, self.search_aoi, self)
            dialog.placed.connect(self._tasking_placed)
        dialog.show()
        dialog.raise_()
        return dialog

    def unload(self) -> None:
        """Plugin unload: an open tasking dialog closes (its outline leaves the map)."""
        dialog = self.tasking_dialog
        if dialog is not None and not sip.isdeleted(dialog):
            dialog.close()
        self.tasking_dialog = None

    def _tasking_placed(self, order_id: str) -> None:
        if not sip.isdeleted(self) and self._list_task is None:
            self.refresh()

    def _auto_download_toggled(self, checked: bool) -> None:
        order = self.selected_order()
        if order is not None:
            self.context.flow.set_auto_download(order.id, checked)

    # --- cancel ----------------------------------------------------------------------------
    def confirm_cancel(self, order: Order) -> bool:
        answer = ask(
            self,
            tr("Cancel order"),
            tr("Cancel the order “{name}”? This cannot be undone.").format(
                name=order.display_name or order.id
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def cancel_selected(self) -> bool:
        """Asks, then cancels the selected order in a task; False when nothing was sent."""
        order = self.selected_order()
        if order is None or not order.can_cancel or order.id in self._cancel_tasks:
            return False
        if not self.confirm_cancel(order):
            return False
        self.message.setText(tr("Cancelling “{name}”…").format(name=order.display_name))
        self._cancel_tasks[order.id] = self.context.start(
            lambda client: CancelOrderTask(client, order.id), lambda t: self._on_cancelled(order, t)
        )
        self._selection_changed()
        return True

    def _on_cancelled(self, order: Order, task: Up42Task) -> None:
        self._cancel_tasks.pop(order.id, None)
        if sip.isdeleted(self):
            return
        if task.error is not None:
            self.message.setText(
                tr("Could not cancel “{name}”: {error}").format(
                    name=order.display_name, error=error_text(task.error)
                )
            )
            self._selection_changed()
            return
        self.context.tracker.untrack(order.id)
        status = OrderStatus.parse(task.result or OrderStatus.CANCELED)
        self.update_order(dataclasses.replace(order, status=status))
        self.message.setText(tr("“{name}” is cancelled.").format(name=order.display_name))
