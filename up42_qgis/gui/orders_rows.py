"""The Orders tab's rows: readable at the dock's default width (long names elided in the
middle, the full name in the tooltip), sorted by value rather than by text (dates by time,
credits by number), and what the tab says when a filter leaves nothing to show."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTableWidget, QTableWidgetItem

from ..api.models import Order
from ..i18n import tr
from ..toolbelt.formatting import format_credits

ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_COLUMN, STATUS_COLUMN, CREATED_COLUMN, PRODUCT_COLUMN, CREDITS_COLUMN = range(5)
MAX_OTHER_COLUMN_PX = 96  # the columns beside the name never take more (they elide)


class SortItem(QTableWidgetItem):
    """Compares by ``SORT_ROLE`` (a number) when both items have one, else by text."""

    def __lt__(self, other: Any) -> bool:
        mine = self.data(SORT_ROLE)
        theirs = other.data(SORT_ROLE) if isinstance(other, QTableWidgetItem) else None
        if mine is None and theirs is None:
            return super().__lt__(other)
        # Unknown values (no date, no estimate) sort below every known one.
        return (mine is not None, mine or 0.0) < (theirs is not None, theirs or 0.0)


def name_item(order: Order) -> SortItem:
    name = order.display_name or order.id
    item = SortItem(name)
    item.setData(ORDER_ID_ROLE, order.id)
    item.setToolTip(f"{name}\n{tr('Order id: {id}').format(id=order.id)}")
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


def credits_item(credits: float | None) -> SortItem:
    item = SortItem(format_credits(credits))
    if credits is not None:
        item.setData(SORT_ROLE, float(credits))
        item.setToolTip(
            tr("{credits} credits, estimated when the order was placed").format(
                credits=format_credits(credits)
            )
        )
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
    """Every column but the name as wide as its contents (its title without the sort arrow),
    up to a cap; the name takes the rest (elided in the middle, in full in its tooltip)."""
    metrics = table.horizontalHeader().fontMetrics()
    for column in range(table.columnCount()):
        if column == NAME_COLUMN or table.isColumnHidden(column):
            continue
        title = table.horizontalHeaderItem(column)
        wanted = max(
            table.sizeHintForColumn(column),
            metrics.horizontalAdvance(title.text() if title else "") + 12,
        )
        table.setColumnWidth(column, min(wanted, MAX_OTHER_COLUMN_PX))
