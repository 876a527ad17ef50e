"""The order confirmation's extra questions: which budget to charge, an explicit yes to a
price of 0 credits, and an explicit yes to ordering again what is already on order. The
rules are ``api.order_guard``'s (the same as Processing's); this widget only asks."""

from __future__ import annotations

from collections.abc import Sequence

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..api.models import Order, OrderRequest
from ..api.order_guard import BudgetChoice
from ..i18n import tr
from ..toolbelt.colours import ERROR_STYLE
from ..toolbelt.formatting import format_credits

__all__ = ["OrderChecks"]

MAX_LISTED = 6


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class OrderChecks(QWidget):
    changed = pyqtSignal()  # a choice changed: the dialog re-reads ``ready``

    def __init__(
        self,
        choice: BudgetChoice | None,
        zero_price: Sequence[OrderRequest],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choice = choice
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        # --- the budget to charge (offered when enforcement is on or budgets exist) ---------
        row = QHBoxLayout()
        self.budget_caption = QLabel(tr("Charge to budget:"))
        self.budget_combo = QComboBox(self)
        self.budget_combo.setObjectName("Up42OrderBudget")
        if choice is not None and not choice.enforced:
            self.budget_combo.addItem(tr("No budget"), "")
        for budget in choice.budgets if choice else ():
            left = format_credits(budget.remaining_credits)
            self.budget_combo.addItem(
                tr("{name} ({credits} credits left)").format(
                    name=budget.name or budget.id, credits=left
                ),
                budget.id,
            )
        if choice is not None and choice.chosen is not None:
            self.budget_combo.setCurrentIndex(max(0, self.budget_combo.findData(choice.chosen.id)))
        self.budget_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        row.addWidget(self.budget_caption)
        row.addWidget(self.budget_combo, 1)
        layout.addLayout(row)
        offered = choice is not None and choice.offered and self.budget_combo.count() > 0
        self.budget_caption.setVisible(offered)
        self.budget_combo.setVisible(offered)
        self.budget_missing = _plain(QLabel(self))
        self.budget_missing.setObjectName("Up42OrderBudgetMissing")
        self.budget_missing.setStyleSheet(ERROR_STYLE)
        missing = choice is not None and choice.enforced and not choice.budgets
        self.budget_missing.setText(
            tr(
                "UP42 requires a budget for every order in this workspace, and it has no "
                "active budget: ask its administrator for one."
            )
            if missing
            else ""
        )
        self.budget_missing.setVisible(missing)
        layout.addWidget(self.budget_missing)

        # --- a price of 0 credits for an area needs its own yes -----------------------------
        self.zero_price = list(zero_price)
        names = "\n".join(f"• {r.display_name}" for r in self.zero_price[:MAX_LISTED])
        self.zero_warning = _plain(QLabel(self))
        self.zero_warning.setObjectName("Up42ZeroPriceWarning")
        self.zero_warning.setStyleSheet(ERROR_STYLE)
        self.zero_warning.setText(
            tr(
                "UP42 estimated 0 credits for an area: a free product, or a wrong price. "
                "Check before placing:\n{names}"
            ).format(names=names)
        )
        self.zero_confirm = QCheckBox(
            tr("Yes, place the orders priced at 0 credits"), self
        )
        self.zero_confirm.setObjectName("Up42ConfirmZeroPrice")
        self.zero_confirm.toggled.connect(lambda _on: self.changed.emit())
        for widget in (self.zero_warning, self.zero_confirm):
            widget.setVisible(bool(self.zero_price))
            layout.addWidget(widget)

        # --- already on order: shown after the check, before anything is sent --------------
        self.duplicates: dict[int, list[Order]] | None = None
        self.duplicate_warning = _plain(QLabel(self))
        self.duplicate_warning.setObjectName("Up42DuplicateWarning")
        self.duplicate_warning.setStyleSheet(ERROR_STYLE)
        self.duplicate_confirm = QCheckBox(tr("Order them again anyway"), self)
        self.duplicate_confirm.setObjectName("Up42ConfirmDuplicates")
        self.duplicate_confirm.toggled.connect(lambda _on: self.changed.emit())
        for widget in (self.duplicate_warning, self.duplicate_confirm):
            widget.hide()
            layout.addWidget(widget)

    # --- what the dialog asks ---------------------------------------------------------------
    def budget_id(self) -> str | None:
        if self.choice is None or not self.budget_combo.count():
            return None
        return self.budget_combo.currentData() or None

    def zero_price_confirmed(self) -> bool:
        return not self.zero_price or self.zero_confirm.isChecked()

    def duplicates_confirmed(self) -> bool:
        return not self.duplicates or self.duplicate_confirm.isChecked()

    def ready(self) -> bool:
        return self.zero_price_confirmed() and self.duplicates_confirmed()

    def set_duplicates(
        self, duplicates: dict[int, list[Order]], requests: Sequence[OrderRequest]
    ) -> None:
        """Shows the orders already in the workspace for the same scene, product and AOI."""
        self.duplicates = dict(duplicates)
        existing = [o for _, orders in sorted(self.duplicates.items()) for o in orders]
        lines = [
            tr("• {name} ({status}, order {id})").format(
                name=order.display_name or order.id, status=order.status, id=order.id[:8]
            )
            for order in existing[:MAX_LISTED]
        ]
        if len(existing) > MAX_LISTED:
            lines.append(tr("… and {n} more").format(n=len(existing) - MAX_LISTED))
        self.duplicate_warning.setText(
            tr(
                "Already on order in this workspace (same scene, data product and area); "
                "ordering again spends the credits twice:\n{orders}"
            ).format(orders="\n".join(lines))
        )
        shown = bool(self.duplicates)
        self.duplicate_warning.setVisible(shown)
        self.duplicate_confirm.setVisible(shown)
        self.duplicate_confirm.setChecked(False)
        self.changed.emit()
