"""The Orders tab's rows: readable at the dock's default width (long names elided in the
middle, the full name in the tooltip), sorted by value rather than by text (dates by time,
credits by number), and what the tab says when a filter leaves nothing to show."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QAction,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ..api.models import Order, OrderStatus
from ..i18n import tr
from ..toolbelt import colours
from ..toolbelt.formatting import format_credits
from ..toolbelt.plain_text import tooltip
from .order_status_text import full_status_label, is_alarming, status_explanation

ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_COLUMN, STATUS_COLUMN, CREATED_COLUMN, PRODUCT_COLUMN, CREDITS_COLUMN = range(5)
MAX_OTHER_COLUMN_PX = 96  # the columns beside the name and status never take more
FAILED_COLOUR = QColor(colours.ERROR)
FULFILLED_COLOUR = QColor(colours.SUCCESS)
MUTED_COLOUR = QColor(colours.MUTED)


class SortItem(QTableWidgetItem):
    """Compares by ``SORT_ROLE`` (a number) when both items have one, else by text."""

    def __lt__(self, other: Any) -> bool:
        mine = self.data(SORT_ROLE)
        theirs = other.data(SORT_ROLE) if isinstance(other, QTableWidgetItem) else None
        if mine is None and theirs is None:
            return super().__lt__(other)
        # Unknown values (no date, no estimate) sort below every known one.
        return (mine is not None, mine or 0.0) < (theirs is not None, theirs or 0.0)


# The placement stamp the plugin appends to its order names (api.ordering.order_name): it
# tells placement runs apart for the API, the Created column shows the same time to a person.
PLACEMENT_STAMP = re.compile(r" \(QGIS \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\)$")


def short_name(name: str) -> str:
    """The name as the column shows it: without the plugin's placement stamp."""
    return PLACEMENT_STAMP.sub("", name) or name


def name_item(order: Order, product_title: str | None = None) -> SortItem:
    name = order.display_name or order.id
    item = SortItem(short_name(name))
    item.setData(ORDER_ID_ROLE, order.id)
    lines = [name, tr("Order id: {id}").format(id=order.id)]
    if order.created_at is not None:
        placed = order.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        lines.append(tr("Placed: {time}").format(time=placed))
    if product_title:
        lines.append(product_title)
    item.setToolTip(tooltip("\n".join(lines)))  # the name is the user's (or UP42's) text
    return item


def status_item(order: Order) -> SortItem:
    """The status in words, coloured and with an icon where it needs the user's eye."""
    item = SortItem(full_status_label(order))
    item.setToolTip(tooltip(status_explanation(order)))
    if is_alarming(order):
        item.setForeground(QBrush(FAILED_COLOUR))
        # Colour and icon say it; not bold, so the label fits the column uncut.
        item.setIcon(QgsApplication.getThemeIcon("/mIconWarning.svg"))
    elif order.is_fulfilled:
        item.setForeground(QBrush(FULFILLED_COLOUR))
        item.setIcon(QgsApplication.getThemeIcon("/mIconSuccess.svg"))
    elif order.status == OrderStatus.CANCELED:
        item.setForeground(QBrush(MUTED_COLOUR))
    return item


def product_item(order: Order, product_title: str | None) -> SortItem:
    """The name already says the collection: the column shows the product, the tooltip both."""
    item = SortItem(
        product_title.split(" · ")[-1] if product_title else (order.data_product_id or "")
    )
    item.setToolTip(tooltip(product_title or order.data_product_id))
    return item


def created_item(order: Order, today: date | None = None) -> SortItem:
    """Today's orders by their time, older ones by their date (both in full in the tooltip):
    short, so the name keeps the room."""
    created = order.created_at.astimezone() if order.created_at else None
    today = today or datetime.now().astimezone().date()
    text = ""
    if created is not None:
        text = created.strftime("%H:%M" if created.date() == today else "%Y-%m-%d")
    item = SortItem(text)
    if created is not None:
        item.setData(SORT_ROLE, created.timestamp())
        item.setToolTip(created.strftime("%Y-%m-%d %H:%M:%S %Z"))
    return item


def credits_item(
    credits: float | None, quoted: float | None = None, tasking: bool = False
) -> SortItem:
    """An archive order's estimate, or a tasking order's quoted price (once it is known)."""
    shown = credits if credits is not None else quoted
    item = SortItem(format_credits(shown))
    if shown is not None:
        item.setData(SORT_ROLE, float(shown))
    if credits is not None:
        item.setToolTip(
            tr("{credits} credits, estimated when the order was placed").format(
                credits=format_credits(credits)
            )
        )
    elif quoted is not None:
        item.setToolTip(
            tr("{credits} credits: the price UP42 quoted for this acquisition").format(
                credits=format_credits(quoted)
            )
        )
    elif tasking:
        item.setToolTip(tr("No quotation yet: UP42 quotes a price for a tasking order"))
    else:
        item.setToolTip(tr("No estimate known (placed elsewhere, or before this version)"))
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def empty_text(filter_index: int, total: int) -> str:
    """What the tab says when the filter ``filter_index`` shows no order."""
    if total == 0:
        return tr("No orders in this workspace yet.")
    texts = (
        tr("No orders"),
        tr("No open orders"),
        tr("No fulfilled orders"),
        tr("No failed orders"),
        tr("No cancelled orders"),
    )
    return texts[filter_index] if 0 <= filter_index < len(texts) else tr("No orders")


def fit_columns(table: QTableWidget) -> None:
    """Every column but the name as wide as its contents and its title (with room for the
    sort arrow), all but the status up to a cap. The name takes the rest (elided in the
    middle, in full in its tooltip)."""
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(table.columnCount()):
        if column == NAME_COLUMN or table.isColumnHidden(column):
            continue
        title = table.horizontalHeaderItem(column)
        arrow = 18 if header.sortIndicatorSection() == column else 0
        wanted = max(
            table.sizeHintForColumn(column),
            metrics.horizontalAdvance(title.text() if title else "") + 14 + arrow,
        )
        if column != STATUS_COLUMN:  # a status is never cut: it is what the tab is for
            wanted = min(wanted, MAX_OTHER_COLUMN_PX)
        table.setColumnWidth(column, wanted)


def add_column_menu(table: QTableWidget, optional: tuple[int, ...]) -> None:
    """The header's context menu shows or hides the ``optional`` columns (hidden at first)."""
    header = table.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for column in optional:
        title = table.horizontalHeaderItem(column)
        action = QAction(title.text() if title else str(column), header)
        action.setCheckable(True)
        action.setChecked(False)
        table.setColumnHidden(column, True)

        def toggled(shown: bool, column: int = column) -> None:
            table.setColumnHidden(column, not shown)
            fit_columns(table)

        action.toggled.connect(toggled)
        header.addAction(action)


def orders_table(titles: list[str], parent: QWidget) -> QTableWidget:
    """The orders table: read-only, one row selected at a time, newest first."""
    table = QTableWidget(0, len(titles), parent)
    table.setObjectName("Up42OrdersTable")
    table.setHorizontalHeaderLabels(titles)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setSortingEnabled(True)
    table.sortByColumn(CREATED_COLUMN, Qt.SortOrder.DescendingOrder)
    # Long names lose their middle, not the end (the placement stamp tells runs apart).
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(40)
    # At the dock's default width the name needs the room: the product and the time
    # placed are in the name's tooltip and the details (the header's menu shows them).
    add_column_menu(table, (CREATED_COLUMN, PRODUCT_COLUMN))
    header.sortIndicatorChanged.connect(lambda *_: fit_columns(table))
    return table


def empty_label(parent: QWidget) -> QLabel:
    """Shown instead of the table when the filter leaves nothing (``empty_text``)."""
    label = QLabel(parent)
    label.setObjectName("Up42OrdersEmpty")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colours.MUTED};")
    return label
