"""The "Orders" tab: every order of the workspace (also those placed elsewhere), its status,
cancel where UP42 allows it, "download when fulfilled", and the selected order's delivery."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from qgis.core import QgsApplication
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..api.models import Order, OrderStatus
from ..i18n import tr
from ..tasks.base import Up42Task
from ..tasks.orders import CancelOrderTask, ListOrdersTask
from ..toolbelt import colours
from ..toolbelt.formatting import format_credits
from ..toolbelt.messages import error_text
from .decision_panel import DecisionPanel
from .delivery_panel import DeliveryPanel
from .order_status_text import (
    column_titles,
    full_status_label,
    is_alarming,
    status_explanation,
    status_filters,
)

if TYPE_CHECKING:
    from ..context import PluginContext
    from .aoi import Aoi
    from .tasking_dialog import TaskingDialog

MAX_ORDERS = 500
ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FAILED_COLOUR = QColor(colours.ERROR)
FULFILLED_COLOUR = QColor(colours.SUCCESS)
MUTED_COLOUR = QColor(colours.MUTED)


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

        titles = column_titles()
        self.table = QTableWidget(0, len(titles), self)
        self.table.setObjectName("Up42OrdersTable")
        self.table.setHorizontalHeaderLabels(titles)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        layout.addWidget(self.table, 1)

        self.message = QLabel()
        self.message.setObjectName("Up42OrdersMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.detail = QLabel()
        self.detail.setObjectName("Up42OrderDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.decision = DecisionPanel(context, self)  # tasking: feasibility and quotation
        layout.addWidget(self.decision)
        # Set by the plugin: the Search tab's AOI, which a tasking order starts from.
        self.search_aoi: Callable[[], Aoi | None] | None = None
        self.tasking_dialog: TaskingDialog | None = None

        actions = QHBoxLayout()
        self.cancel_button = QPushButton(tr("Cancel order…"))
        self.cancel_button.setObjectName("Up42CancelOrder")
        self.auto_download = QCheckBox(tr("Download and add to the project when fulfilled"))
        self.auto_download.setObjectName("Up42AutoDownload")
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.auto_download)
        actions.addStretch(1)
        layout.addLayout(actions)

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
        self._list_task = self.context.start(
            lambda client: ListOrdersTask(
                client, max_orders=MAX_ORDERS, with_product_titles=titles
            ),
            self._on_listed,
        )
        return True

    def _account_changed(self) -> None:
        """Another account, another workspace: forget this one's orders and read again."""
        if sip.isdeleted(self):
            return
        self.orders, self.product_titles = {}, {}
        self._fill(None)
        self.delivery.forget_deliveries()
        if self._loaded_once and self._list_task is None:
            self.refresh()

    def _on_listed(self, task: Up42Task) -> None:
        self._list_task = None
        if sip.isdeleted(self):
            return  # the dock was closed for good while the task ran
        self.refresh_button.setEnabled(True)
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
        self.message.setText(tr("{n} orders in the workspace.").format(n=len(self.orders)))

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
        name = QTableWidgetItem(order.display_name or order.id)
        name.setData(ORDER_ID_ROLE, order.id)
        name.setToolTip(order.id)
        status = QTableWidgetItem(full_status_label(order))
        status.setToolTip(status_explanation(order))
        if is_alarming(order):
            status.setForeground(QBrush(FAILED_COLOUR))
            status.setIcon(QgsApplication.getThemeIcon("/mIconWarning.svg"))
            font = status.font()
            font.setBold(True)
            status.setFont(font)
        elif order.is_fulfilled:
            status.setForeground(QBrush(FULFILLED_COLOUR))
            status.setIcon(QgsApplication.getThemeIcon("/mIconSuccess.svg"))
        elif order.status == OrderStatus.CANCELED:
            status.setForeground(QBrush(MUTED_COLOUR))
        created = QTableWidgetItem(
            order.created_at.astimezone().strftime("%Y-%m-%d %H:%M") if order.created_at else ""
        )
        product_title = self.product_titles.get(order.data_product_id or "")
        # The name already says the collection: the column shows the product, the tooltip both.
        product = QTableWidgetItem(
            product_title.split(" · ")[-1] if product_title else (order.data_product_id or "")
        )
        product.setToolTip(product_title or order.data_product_id or "")
        credits_value = self._credits(order.id)
        credits_item = QTableWidgetItem(format_credits(credits_value))
        credits_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        credits_item.setToolTip(tr("Estimated when the order was placed"))
        for column, item in enumerate((name, status, created, product, credits_item)):
            self.table.setItem(row, column, item)

    def _credits(self, order_id: str) -> float | None:
        return self.context.state.note(order_id).credits

    def _apply_filter(self) -> None:
        shows = status_filters()[max(0, self.filter_combo.currentIndex())][1]
        for row in range(self.table.rowCount()):
            order = self.orders.get(self.table.item(row, 0).data(ORDER_ID_ROLE))
            hidden = shows is not None and (order is None or not shows(order))
            self.table.setRowHidden(row, hidden)

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
        self._apply_filter()
        if self.selected_order_id() == order.id:
            self._selection_changed()

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
        if order is None:
            self.detail.setText("")
        else:
            colour = FAILED_COLOUR.name() if is_alarming(order) else "palette(text)"
            self.detail.setStyleSheet(f"color: {colour};")
            self.detail.setText(status_explanation(order))
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
        answer = QMessageBox.question(
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
