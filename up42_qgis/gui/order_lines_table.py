"""The order confirmation's table: one row per order with its name, data product, credits
(a zero price marked apart) and, for a line that is not ordered, the reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ..i18n import tr
from ..toolbelt import colours
from ..toolbelt.formatting import format_credits
from ..toolbelt.messages import failure_text
from ..toolbelt.plain_text import tooltip

if TYPE_CHECKING:
    from .order_dialog import OrderLine

__all__ = ["ERROR_COLOUR", "OK_COLOUR", "order_lines_table", "set_cell"]

ERROR_COLOUR = QColor(colours.ERROR)
OK_COLOUR = QColor(colours.SUCCESS)


def set_cell(
    table: QTableWidget, row: int, column: int, text: str, colour: QColor | None = None
) -> QTableWidgetItem:
    """A cell with its text (server or user text: the tooltip reads literally)."""
    item = QTableWidgetItem(text)
    item.setToolTip(tooltip(text))
    if colour is not None:
        item.setForeground(QBrush(colour))
    table.setItem(row, column, item)
    return item


def order_lines_table(lines: list[OrderLine], parent: QWidget | None = None) -> QTableWidget:
    table = QTableWidget(len(lines), 4, parent)
    table.setObjectName("Up42OrderLines")
    table.setHorizontalHeaderLabels(
        [tr("Order name"), tr("Data product"), tr("Credits"), tr("Result")]
    )
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    header = table.horizontalHeader()
    # The name takes what is left (elided at the end, whole in its tooltip): the
    # credits are always in view.
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    for row, line in enumerate(lines):
        set_cell(table, row, 0, line.request.display_name)
        set_cell(table, row, 1, f"{line.collection_title} · {line.product_title}")
        credits = format_credits(line.estimate.credits if line.estimate else None)
        credits_item = set_cell(table, row, 2, credits)
        credits_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if line.orderable and line.estimate is not None and line.estimate.zero_price:
            # Shown apart: a price of 0 credits needs its own yes (below the table).
            credits_item.setForeground(QBrush(ERROR_COLOUR))
            credits_item.setToolTip(tr("0 credits for an area: confirm it below"))
        if not line.orderable:
            estimate = line.estimate
            reason = (failure_text(estimate.failure, estimate.error) if estimate else "") or tr(
                "no estimate"
            )
            text = tr("Not ordered: {reason}").format(reason=reason)
            set_cell(table, row, 3, text, ERROR_COLOUR)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setWordWrap(False)  # one line per order; the full text is in the tooltip
    visible_rows = min(len(lines), 8)
    row_height = table.verticalHeader().defaultSectionSize()
    table.setMinimumHeight(
        table.horizontalHeader().sizeHint().height()
        + row_height * visible_rows
        + 2 * table.frameWidth()
        + 4
    )
    return table
