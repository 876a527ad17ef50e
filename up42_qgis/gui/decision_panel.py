"""The Orders tab's tasking part for the selected order: its sub-status in words, the
feasibility study's options or the quotation's price, and the decisions, each asked first
(an accept shows the credits); nothing is decided automatically. Once the imagery has come,
the order's coverage goes on the map (covered part and remainder)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..api.errors import DecisionClosedError
from ..api.models import Order, OrderStatus
from ..api.order_status import OrderSubStatus
from ..api.tasking_models import Decision, FeasibilityOption, FeasibilityStudy, Quotation
from ..i18n import tr
from ..layers.coverage import show_coverage
from ..tasks.base import Up42Task
from ..tasks.tasking import (
    AcceptOptionTask,
    CoverageTask,
    DecideQuotationTask,
    Decisions,
    DecisionsTask,
)
from ..toolbelt.colours import ERROR_STYLE
from ..toolbelt.formatting import format_credits, format_number
from ..toolbelt.messages import error_text
from .order_status_text import full_status_label, sub_status_label
from .tasking_form import ask_yes_no, plain_label, plain_tooltip

if TYPE_CHECKING:
    from ..context import PluginContext

OPTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
PREPARING = (OrderSubStatus.FEASIBILITY_WAITING_UPLOAD, OrderSubStatus.QUOTATION_WAITING_UPLOAD)


def option_text(option: FeasibilityOption) -> str:
    """An option as plain text: its description, then its other keys as UP42 sent them."""
    details = {
        k: v
        for k, v in option.details.items()
        if k not in ("createdAt", "updatedAt", "studyId") and v not in (None, "", [], {})
    }
    extra = ", ".join(
        f"{k}: {v if isinstance(v, str) else json.dumps(v)}" for k, v in details.items()
    )
    return " — ".join(filter(None, (option.description or option.id, extra)))


class DecisionPanel(QGroupBox):
    """``quoted(order_id)`` once a read quotation's price is in the order's note."""

    quoted = pyqtSignal(str)

    def __init__(self, context: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("Tasking"), parent)
        self.setObjectName("Up42DecisionPanel")
        self.context = context
        self.order: Order | None = None
        self.decisions: Decisions | None = None
        self._reading: Up42Task | None = None
        self._deciding = False

        self.status = plain_label("", self)
        self.status.setObjectName("Up42DecisionStatus")
        font = self.status.font()
        font.setBold(True)
        self.status.setFont(font)
        self.info = plain_label("", self)
        self.info.setObjectName("Up42DecisionInfo")
        self.options = QListWidget(self)
        self.options.setObjectName("Up42FeasibilityOptions")
        self.options.setWordWrap(True)
        self.options.setMaximumHeight(110)
        self.accept_option_button = QPushButton(tr("Accept the chosen option…"), self)
        self.accept_option_button.setObjectName("Up42AcceptOption")
        self.accept_button = QPushButton(tr("Accept quotation…"), self)
        self.accept_button.setObjectName("Up42AcceptQuotation")
        self.reject_button = QPushButton(tr("Reject quotation…"), self)
        self.reject_button.setObjectName("Up42RejectQuotation")
        self.coverage_button = QPushButton(tr("Show coverage on the map"), self)
        self.coverage_button.setObjectName("Up42ShowCoverage")
        self.message = plain_label("", self)
        self.message.setObjectName("Up42DecisionMessage")

        buttons = QHBoxLayout()
        for button in (
            self.accept_option_button,
            self.accept_button,
            self.reject_button,
            self.coverage_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.info)
        layout.addWidget(self.options)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.accept_option_button.clicked.connect(self.accept_option)
        self.accept_button.clicked.connect(self.accept_quotation)
        self.reject_button.clicked.connect(self.reject_quotation)
        self.coverage_button.clicked.connect(self.show_coverage)
        self.options.itemSelectionChanged.connect(self._update)
        context.tracker.decision_needed.connect(self._decision_needed)
        context.tracker.order_fulfilled.connect(self._fulfilled)
        self.show_order(None)

    # --- the order shown --------------------------------------------------------------------
    def show_order(self, order: Order | None) -> None:
        changed = order is None or self.order is None or order.id != self.order.id
        stale = (
            not changed
            and order is not None
            and self.order is not None
            and (order.sub_status != self.order.sub_status or order.status != self.order.status)
        )
        self.order = order
        self.setVisible(bool(order and order.is_tasking))
        if order is None or not order.is_tasking:
            self.decisions = None
            return
        if changed:
            self.decisions = None
            self._say("")
        self.status.setText(full_status_label(order))
        if changed or stale or self.decisions is None:
            self.read_decisions()
        self._update()

    def read_decisions(self) -> None:
        """The order's studies and quotations, read in a task (reads only)."""
        order = self.order
        if order is None:
            return
        order_id = order.id
        self._reading = self.context.start(
            lambda client: DecisionsTask(client, [order_id]), self._decisions_read
        )

    def _decisions_read(self, task: Up42Task) -> None:
        if sip.isdeleted(self) or task is not self._reading:
            return
        self._reading = None
        if task.error is not None or task.result is None:
            reason = error_text(task.error) if task.error else tr("Cancelled.")
            self._say(tr("Could not read the quotation: {e}").format(e=reason), error=True)
            return
        self.decisions = task.result
        self._note_prices(task.result)
        self._fill_options()
        self._update()

    def _note_prices(self, decisions: Decisions) -> None:
        """Each order's quoted price (the waiting quotation's, else the latest) kept in its
        note: the Orders tab's Credits column shows it, also in the next session."""
        for order_id in decisions.quotations:
            quotation = decisions.pending_quotation(order_id) or decisions.latest_quotation(
                order_id
            )
            price = quotation.credits_price if quotation is not None else None
            if price is None:
                continue
            before = self.context.state.note(order_id).quoted_credits
            self.context.state.set_note(order_id, quoted_credits=price)
            if before != self.context.state.note(order_id).quoted_credits:
                self.quoted.emit(order_id)

    def _decision_needed(self, order: Order) -> None:
        if self.order is not None and order.id == self.order.id and not sip.isdeleted(self):
            self.show_order(order)

    @property
    def study(self) -> FeasibilityStudy | None:
        if self.order is None or self.decisions is None:
            return None
        return self.decisions.pending_study(self.order.id)

    @property
    def quotation(self) -> Quotation | None:
        if self.order is None or self.decisions is None:
            return None
        return self.decisions.pending_quotation(self.order.id)

    def _fill_options(self) -> None:
        self.options.clear()
        study = self.study
        for option in study.options if study else ():
            item = QListWidgetItem(option_text(option))
            item.setData(OPTION_ID_ROLE, option.id)
            item.setToolTip(plain_tooltip(option.id))
            self.options.addItem(item)

    def _update(self) -> None:
        order, study, quotation = self.order, self.study, self.quotation
        idle = not self._deciding
        self.options.setVisible(study is not None)
        self.accept_option_button.setVisible(study is not None)
        self.accept_option_button.setEnabled(
            idle and study is not None and self.selected_option() is not None
        )
        for button in (self.accept_button, self.reject_button):
            button.setVisible(quotation is not None)
        self.accept_button.setEnabled(idle and quotation is not None and quotation.can_accept)
        self.reject_button.setEnabled(idle and quotation is not None)
        self.coverage_button.setVisible(bool(order and order.is_fulfilled))
        self.info.setText(self._info_text())

    def _info_text(self) -> str:
        order, study, quotation = self.order, self.study, self.quotation
        if order is None:
            return ""
        if study is not None:
            return tr(
                "UP42 offers %Ln way(s) to acquire this area. Choose one and accept it; the "
                "quotation follows. Choosing costs nothing.",
                "",
                len(study.options),
            )
        if quotation is not None:
            if quotation.credits_price is None:
                return tr(
                    "UP42 sent no usable price ({reason}); this quotation cannot be accepted here."
                ).format(reason=quotation.price_error or "")
            return tr(
                "Quotation: {credits} credits. They are charged only when you accept."
            ).format(credits=format_credits(quotation.credits_price))
        if order.sub_status in PREPARING and not order.is_final:
            return tr("{step}: UP42 is working on it; the plugin checks regularly.").format(
                step=sub_status_label(order.sub_status)
            )
        if self.decisions is None:
            return tr("Reading the quotation…") if order.awaits_decision else ""
        latest = self.decisions.latest_quotation(order.id)
        if latest is not None and latest.decision == Decision.ACCEPTED:
            return tr("You accepted the quotation of {credits} credits.").format(
                credits=format_credits(latest.credits_price)
            )
        if latest is not None and latest.decision == Decision.REJECTED:
            return tr("The quotation was rejected; the order is cancelled.")
        return ""

    def selected_option(self) -> FeasibilityOption | None:
        study = self.study
        items = self.options.selectedItems()
        if study is None or not items:
            return None
        return study.option(str(items[0].data(OPTION_ID_ROLE)))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _ask(self, title: str, text: str) -> bool:
        return ask_yes_no(self, title, text)

    def _name(self) -> str:
        return (self.order.display_name or self.order.id) if self.order else ""

    # --- decisions (each asked first, sent once) --------------------------------------------
    def accept_option(self) -> bool:
        study, option = self.study, self.selected_option()
        if self._deciding or study is None or option is None:
            return False
        if not self._ask(
            tr("Accept feasibility option"),
            tr(
                "Accept this option for “{name}”?\n\n{option}\n\nNo credits are charged now: "
                "UP42 then sends a quotation, which you accept or reject separately."
            ).format(name=self._name(), option=option_text(option)),
        ):
            return False
        self._send(
            lambda client: AcceptOptionTask(client, study.id, option.id),
            tr("Option accepted; UP42 prepares the quotation."),
        )
        return True

    def accept_quotation(self) -> bool:
        quotation = self.quotation
        if self._deciding or quotation is None or not quotation.can_accept:
            return False
        price = quotation.credits_price
        if not self._ask(
            tr("Accept quotation"),
            tr(
                "Accept the quotation for “{name}”?\n\n{credits} credits will be charged for "
                "this acquisition. This cannot be undone."
            ).format(name=self._name(), credits=format_credits(price)),
        ):
            return False
        self._send(
            lambda client: DecideQuotationTask(client, quotation.id, Decision.ACCEPTED, price),
            tr("Quotation accepted ({credits} credits); UP42 schedules the acquisition.").format(
                credits=format_credits(price)
            ),
        )
        return True

    def reject_quotation(self) -> bool:
        quotation = self.quotation
        if self._deciding or quotation is None:
            return False
        if not self._ask(
            tr("Reject quotation"),
            tr(
                "Reject the quotation for “{name}” ({credits} credits)? UP42 then cancels the "
                "order; nothing is charged."
            ).format(name=self._name(), credits=format_credits(quotation.credits_price)),
        ):
            return False
        self._send(
            lambda client: DecideQuotationTask(client, quotation.id, Decision.REJECTED),
            tr("Quotation rejected; UP42 cancels the order."),
        )
        return True

    def _send(self, make_task, done_text: str) -> None:
        self._deciding = True
        self._update()
        self._say(tr("Sending your decision…"))
        order_id = self.order.id if self.order else ""
        self.context.start(make_task, lambda task: self._decided(order_id, task, done_text))

    def _decided(self, order_id: str, task: Up42Task, done_text: str) -> None:
        self._deciding = False
        # Whatever the answer, the order and its decisions are read again.
        tracker = self.context.tracker
        if order_id:
            tracker.track([order_id], fast=True)
            tracker.poll_now()
        if sip.isdeleted(self):
            return
        if task.error is not None:
            closed = isinstance(task.error, DecisionClosedError)
            self._say(error_text(task.error), error=True)
            if closed:
                self.decisions = None
        else:
            self._say(done_text)
        if self.order is not None and self.order.id == order_id:
            self.read_decisions()
        self._update()

    # --- coverage ---------------------------------------------------------------------------
    def _fulfilled(self, order: Order) -> None:
        """Once a tasking order's imagery has come, its coverage goes on the map."""
        if order.is_tasking and order.status == OrderStatus.FULFILLED:
            self.show_coverage(order)

    def show_coverage(self, order: Order | None = None) -> bool:
        order = order if isinstance(order, Order) else self.order
        if order is None or not order.is_tasking:
            return False
        name = tr("Coverage — {name}").format(name=order.display_name or order.id)
        order_id = order.id
        self.context.start(
            lambda client: CoverageTask(client, order_id), lambda t: self._coverage(name, t)
        )
        return True

    def _coverage(self, name: str, task: Up42Task) -> None:
        if task.error is not None or task.result is None:
            if not sip.isdeleted(self):
                reason = error_text(task.error) if task.error else tr("Cancelled.")
                self._say(tr("Could not read the coverage: {e}").format(e=reason), error=True)
            return
        coverage = task.result
        show_coverage(coverage, name)
        if not sip.isdeleted(self):
            self._say(
                tr("Coverage on the map: {covered} % covered.").format(
                    covered=format_number(coverage.covered.percentage)
                )
            )
