"""The confirmation before money is spent: what will be ordered, for how many credits, and
one "Place order" button that sends it exactly once."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qgis.core import Qgis
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..api.models import Budget, Estimate, OrderRequest, PlacedOrder
from ..api.order_guard import BudgetChoice, with_budget, zero_price_indexes
from ..i18n import tr
from ..tasks.base import Up42Task
from ..tasks.orders import DuplicatesTask
from ..toolbelt.formatting import (
    format_area,
    format_count,
    format_credits,
    format_credits_with_euros,
)
from ..toolbelt.messages import error_text
from ..toolbelt.notify import notify
from ..toolbelt.plain_text import plain_label
from .order_checks import OrderChecks
from .order_lines_table import ERROR_COLOUR, OK_COLOUR, order_lines_table, set_cell
from .order_status_text import placement_result

__all__ = ["OrderDialog", "OrderLine"]

if TYPE_CHECKING:
    from ..context import PluginContext


@dataclass(frozen=True)
class OrderLine:
    """One scene of the confirmation: what is sent and what the estimate said."""

    request: OrderRequest
    collection_title: str
    product_title: str
    estimate: Estimate | None

    @property
    def orderable(self) -> bool:
        return self.estimate is not None and self.estimate.ok


class OrderDialog(QDialog):
    """Window-modal; ``open()`` it. Placing runs in a task; the dialog stays open until the
    result is shown and cannot send the orders a second time."""

    placement_started = pyqtSignal()
    placement_finished = pyqtSignal(list)  # PlacedOrder per sent request

    def __init__(
        self,
        context: PluginContext,
        lines: list[OrderLine],
        aoi_area_km2: float | None,
        auto_download_default: bool = False,
        parent: QWidget | None = None,
        *,
        budgets: list[Budget] | None = None,
        choice: BudgetChoice | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Up42OrderDialog")
        self.setWindowTitle(tr("Confirm UP42 order"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.context = context
        self.lines = lines
        self.placed: list[PlacedOrder] | None = None
        self._task: Up42Task | None = None
        self._check_task: DuplicatesTask | None = None
        self._sent = False

        orderable = [line for line in lines if line.orderable]
        total = sum(line.estimate.credits or 0.0 for line in orderable if line.estimate is not None)

        layout = QVBoxLayout(self)
        intro = QLabel(
            tr("Orders to place (one per scene, tagged “qgis”): {n}").format(
                n=format_count(len(orderable))
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = order_lines_table(lines, self)
        layout.addWidget(self.table, 1)

        area = tr("unknown") if aoi_area_km2 is None else format_area(aoi_area_km2)
        self.summary = QLabel(
            tr("Area of interest: {area}<br><b>Estimated total: {credits}</b>").format(
                area=area, credits=format_credits_with_euros(total)
            )
        )
        self.summary.setObjectName("Up42OrderSummary")
        layout.addWidget(self.summary)
        # Where the API gives it, what is left of each active budget (nothing when unknown).
        self.budgets = [b for b in budgets or () if b.active and b.remaining_credits is not None]
        self.budget_label = QLabel(
            "<br>".join(
                tr("Budget left: {credits} credits ({name})").format(
                    credits=format_credits(b.remaining_credits), name=html.escape(b.name)
                )
                for b in self.budgets
            )
        )
        self.budget_label.setObjectName("Up42OrderBudgets")
        self.budget_label.setWordWrap(True)
        self.budget_label.setVisible(bool(self.budgets))
        layout.addWidget(self.budget_label)
        self.budget_warning = plain_label(QLabel())
        self.budget_warning.setObjectName("Up42OrderBudgetWarning")
        self.budget_warning.setWordWrap(True)
        self.budget_warning.setStyleSheet(f"color: {ERROR_COLOUR.name()}; font-weight: bold;")
        exceeds = bool(self.budgets) and all(
            total > (b.remaining_credits or 0) for b in self.budgets
        )
        if exceeds:
            self.budget_warning.setText(
                tr(
                    "Warning: the estimated total ({credits} credits) is more than any budget "
                    "has left."
                ).format(credits=format_credits(total))
            )
        self.budget_warning.setVisible(exceeds)
        layout.addWidget(self.budget_warning)
        zero = zero_price_indexes(
            [line.request for line in orderable], [line.estimate for line in orderable]
        )
        self.checks = OrderChecks(choice, [orderable[i].request for i in zero], self)
        if not self.checks.budget_combo.isHidden():
            # The choice names each budget with what it has left: no second list.
            self.budget_label.hide()
        self.checks.changed.connect(self._update_place_button)
        self.checks.changed.connect(lambda: self._update_budget_warning(total))
        self._update_budget_warning(total)
        layout.addWidget(self.checks)
        note = QLabel(tr("Credits are charged when an order is fulfilled."))
        note.setStyleSheet("color: palette(mid);")
        layout.addWidget(note)

        self.auto_download = QCheckBox(tr("Download and add to the project when fulfilled"))
        self.auto_download.setChecked(auto_download_default)
        layout.addWidget(self.auto_download)

        self.status = plain_label(QLabel())
        self.status.setWordWrap(True)
        self.status.setObjectName("Up42OrderStatus")
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox(self)
        self.place_button = QPushButton(tr("Place order"))
        self.place_button.setObjectName("Up42PlaceOrder")
        self._update_place_button()
        self.place_button.setDefault(False)
        self.place_button.setAutoDefault(False)
        self.buttons.addButton(self.place_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.place_button.clicked.connect(self.place)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(760, self.sizeHint().height())

    @property
    def is_placing(self) -> bool:
        """Placing, or looking for duplicates just before: the dialog stays open."""
        return self._task is not None or self._check_task is not None

    def orderable_requests(self) -> list[OrderRequest]:
        return [line.request for line in self.lines if line.orderable]

    def _update_budget_warning(self, total: float) -> None:
        """Against the budget chosen here when there is one, else against every budget."""
        chosen_id = self.checks.budget_id()
        chosen = next((b for b in self.budgets if b.id == chosen_id), None)
        if chosen is not None:
            exceeds = total > (chosen.remaining_credits or 0)
            text = tr(
                "Warning: the estimated total ({credits} credits) is more than “{name}” has "
                "left ({left} credits)."
            ).format(
                credits=format_credits(total),
                name=chosen.name or chosen.id,
                left=format_credits(chosen.remaining_credits),
            )
        else:
            exceeds = bool(self.budgets) and all(
                total > (b.remaining_credits or 0) for b in self.budgets
            )
            text = tr(
                "Warning: the estimated total ({credits} credits) is more than any budget "
                "has left."
            ).format(credits=format_credits(total))
        self.budget_warning.setText(text if exceeds else "")
        self.budget_warning.setVisible(exceeds)

    def _update_place_button(self) -> None:
        idle = not self._sent and self._check_task is None
        orderable = any(line.orderable for line in self.lines)
        self.place_button.setEnabled(idle and orderable and self.checks.ready())

    def requests_to_place(self) -> list[OrderRequest]:
        """The orderable requests, with the budget chosen here (when one is offered)."""
        requests = self.orderable_requests()
        if self.checks.choice is None:
            return requests
        return with_budget(requests, self.checks.budget_id())

    def place(self) -> None:
        """Looks for orders of the same scenes first (``api.order_guard``), then sends the
        orders through the plugin's OrderFlow; does nothing on every later call. A price of
        0 credits and a scene already on order each need their own explicit yes."""
        if self._sent or self._check_task is not None:
            return
        orderable = [line for line in self.lines if line.orderable]
        if not orderable or not self.checks.zero_price_confirmed():
            return
        requests = self.requests_to_place()
        if self.checks.duplicates is None:
            self._check_duplicates(requests)
            return
        if not self.checks.duplicates_confirmed():
            return
        self._send(requests, orderable)

    def _check_duplicates(self, requests: list[OrderRequest]) -> None:
        self.status.setText(tr("Looking for orders of the same scenes in the workspace…"))
        self._check_task = self.context.start(
            lambda client: DuplicatesTask(client, requests),
            lambda task: self._on_checked(task, requests),
        )
        self._update_place_button()
        self.placement_started.emit()

    def _on_checked(self, task: DuplicatesTask, requests: list[OrderRequest]) -> None:
        self._check_task = None
        if sip.isdeleted(self):
            return
        if task.error is not None or task.was_cancelled or task.result is None:
            reason = error_text(task.error) if task.error is not None else tr("cancelled")
            self.status.setText(
                tr(
                    "Could not look for orders of the same scenes: {error} Nothing was sent; "
                    "press Place order to try again."
                ).format(error=reason)
            )
            self._update_place_button()
            self.placement_finished.emit([])
            return
        self.checks.set_duplicates(task.result, requests)
        if task.result:
            self.status.setText(
                tr("Nothing was sent. Confirm below to order these scenes again.")
            )
            self._update_place_button()
            self.placement_finished.emit([])
            return
        self.place()

    def _remember_budget(self) -> None:
        budget_id = self.checks.budget_id()
        if self.checks.choice is None or budget_id is None:
            return
        try:
            from ..settings import SettingsStore

            SettingsStore.update(last_budget=budget_id)
        except Exception as error:  # remembering is a convenience; the choice still applies
            self.status.setText(str(error))

    def _send(self, requests: list[OrderRequest], orderable: list[OrderLine]) -> None:
        try:
            self._task = self.context.flow.place(
                requests,
                [line.estimate for line in orderable],
                self.auto_download.isChecked(),
                self._on_placed,
            )
        except Exception as error:  # not signed in: say so, nothing was sent
            self.status.setText(error_text(error))
            # The duplicate check before said "placing": nothing is now.
            self.placement_finished.emit([])
            return
        self._sent = True
        self._remember_budget()
        self.place_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.auto_download.setEnabled(False)
        self.checks.setEnabled(False)
        self.status.setText(tr("Placing the orders… Please wait."))
        self.placement_started.emit()

    def _on_placed(self, task: Up42Task) -> None:
        """Called by the flow after the new orders are tracked (also when the dialog is gone)."""
        self._task = None
        self.placed = [] if task.error is not None or task.result is None else list(task.result)
        if sip.isdeleted(self):
            return
        if task.error is not None or task.result is None:
            # place_all reports per scene; this is only reached by a bug or a crash.
            self.status.setText(
                tr("Placing failed: {error} Check the Orders tab before trying again.").format(
                    error=error_text(task.error) if task.error else tr("no result")
                )
            )
        else:
            self._show_results(self.placed)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(tr("Close"))
        self.placement_finished.emit(self.placed)

    def _show_results(self, placed: list[PlacedOrder]) -> None:
        rows = [row for row, line in enumerate(self.lines) if line.orderable]
        ok = [p for p in placed if p.order_id]
        for row, result in zip(rows, placed, strict=False):
            text = placement_result(result)
            set_cell(self.table, row, 3, text, OK_COLOUR if result.order_id else ERROR_COLOUR)
        failed = len(placed) - len(ok)
        text = tr("%Ln order(s) placed. Follow them in the Orders tab.", "", len(ok))
        if failed:
            text += " " + tr("%Ln could not be placed; see the reasons above.", "", failed)
        self.status.setText(text)
        level = Qgis.MessageLevel.Success if not failed else Qgis.MessageLevel.Warning
        notify(self.context.iface, text, level, duration_s=10)

    def reject(self) -> None:
        if self.is_placing:
            return  # the answer decides what was bought: stay until it is shown
        super().reject()

    def closeEvent(self, event) -> None:
        if self.is_placing:
            event.ignore()
            return
        super().closeEvent(event)
