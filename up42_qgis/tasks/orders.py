"""Tasks for estimating, placing, listing and cancelling orders and reading a delivery.

Each task gets the shared client (built on the main thread by the ClientProvider) and plain
data; results are plain models, read on the main thread through ``Up42Task.on_done``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..api.errors import Up42Error
from ..api.models import Budget, Delivery, Estimate, Order, OrderRequest, PlacedOrder
from ..api.order_guard import BudgetChoice, choose_budget, open_duplicates, with_budget
from ..api.ordering import estimate_all, place_all
from ..i18n import tr
from .base import Up42Task

if TYPE_CHECKING:
    from ..api.client import Up42Client
    from ..api.placement_journal import PlacementJournal

log = logging.getLogger("up42_qgis.tasks")


class EstimateTask(Up42Task):
    """``api.ordering.estimate_all`` in a task: ``result`` is one Estimate per request, in
    order (refusals in ``error``); sign-in and network failures end it.

    With ``with_budgets``, the budget setting and the active budgets are read first
    (``api.order_guard.choose_budget``: the ``remembered`` one, else the first when
    enforcement is on) into ``choice``, and the requests are estimated with its ``budgetId``
    (``requests`` then carry it). A setting or list that cannot be read never blocks
    ordering: ``budgets`` stays None and the estimate goes without a budget.
    """

    def __init__(
        self,
        client: Up42Client,
        requests: Sequence[OrderRequest],
        with_budgets: bool = False,
        remembered_budget: str = "",
    ) -> None:
        super().__init__(tr("UP42: estimating %Ln order(s)", "", len(requests)))
        self.client = client
        self.requests = tuple(requests)
        self.with_budgets = with_budgets
        self.remembered_budget = remembered_budget
        self.budgets: list[Budget] | None = None
        self.choice: BudgetChoice | None = None

    def work(self) -> list[Estimate]:
        if self.with_budgets:
            try:
                self.choice = choose_budget(
                    self.client, remembered=self.remembered_budget, default_first=True
                )
            except Up42Error as error:  # never blocks ordering: the dialog just shows none
                log.info("reading the budgets failed: %s", error)
            if self.choice is not None:
                if self.choice.budgets or self.choice.enforced:
                    self.budgets = list(self.choice.budgets)
                self.requests = tuple(with_budget(self.requests, self.choice.budget_id))
            self.check_cancelled()
        return estimate_all(
            self.client, self.requests, is_cancelled=self.isCanceled, progress=self.setProgress
        )


class PlaceOrdersTask(Up42Task):
    """``api.ordering.place_all`` in a task: ``result`` is one PlacedOrder per request; each
    placement is journaled (``journal``) before its POST.

    Not cancellable: stopping between POSTs would leave the user unsure what was ordered.
    ``on_placed(index, result)`` hears each outcome on the task's thread as soon as its POST
    returned (the order flow records accepted orders there, before the task ends).
    """

    def __init__(
        self,
        client: Up42Client,
        requests: Sequence[OrderRequest],
        journal: PlacementJournal | None = None,
        on_placed: Callable[[int, PlacedOrder], None] | None = None,
    ) -> None:
        super().__init__(tr("UP42: placing %Ln order(s)", "", len(requests)), can_cancel=False)
        self.client = client
        self.requests = tuple(requests)
        self.journal = journal
        self.on_placed = on_placed
        self._done = 0

    def work(self) -> list[PlacedOrder]:
        return place_all(
            self.client,
            self.requests,
            progress=self.setProgress,
            journal=self.journal,
            on_result=self._placed,
        )

    def _placed(self, _request: OrderRequest, result: PlacedOrder) -> None:
        index, self._done = self._done, self._done + 1
        if self.on_placed is not None:
            try:
                self.on_placed(index, result)
            except Exception as error:  # recording must never stop the next POST
                log.warning("recording a placed order failed: %s", error)


class DuplicatesTask(Up42Task):
    """``api.order_guard.open_duplicates``: ``result`` maps a request's index to the open
    orders of the same scene, product and AOI already in the workspace."""

    def __init__(self, client: Up42Client, requests: Sequence[OrderRequest]) -> None:
        super().__init__(tr("UP42: looking for orders of the same scenes"))
        self.client = client
        self.requests = tuple(requests)

    def work(self) -> dict[int, list[Order]]:
        return open_duplicates(self.client, self.requests)


@dataclass
class OrdersListing:
    orders: list[Order]
    product_titles: dict[str, str] = field(default_factory=dict)  # data product id -> title


class ListOrdersTask(Up42Task):
    """The workspace's orders (or the given ids, in one list call), optionally with the data
    product titles from the glossary so the Orders tab can name each order's product."""

    def __init__(
        self,
        client: Up42Client,
        order_ids: Sequence[str] | None = None,
        statuses: Sequence[str] | None = None,
        max_orders: int | None = None,
        with_product_titles: bool = False,
    ) -> None:
        super().__init__(tr("UP42: reading orders"))
        self.client = client
        self.order_ids = list(order_ids) if order_ids is not None else None
        self.statuses = list(statuses) if statuses else None
        self.max_orders = max_orders
        self.with_product_titles = with_product_titles

    def work(self) -> OrdersListing:
        orders = self.client.orders(
            order_ids=self.order_ids, statuses=self.statuses, max_orders=self.max_orders
        )
        titles: dict[str, str] = {}
        if self.with_product_titles:
            self.check_cancelled()
            try:
                for collection in self.client.collections():
                    for product in collection.data_products:
                        if product.id:
                            titles[product.id] = f"{collection.title} · {product.title}"
            except Up42Error:
                pass  # product names are a nicety; the orders themselves are what matters
        return OrdersListing(orders=orders, product_titles=titles)


class CancelOrderTask(Up42Task):
    """``result`` is the order's new status (``CANCELED``)."""

    def __init__(self, client: Up42Client, order_id: str) -> None:
        super().__init__(tr("UP42: cancelling an order"), can_cancel=False)
        self.client = client
        self.order_id = order_id

    def work(self) -> str:
        return self.client.cancel_order(self.order_id)


class DeliveryTask(Up42Task):
    """``result`` is the order's Delivery (storage items and their assets)."""

    def __init__(self, client: Up42Client, order_id: str) -> None:
        super().__init__(tr("UP42: reading a delivery"))
        self.client = client
        self.order_id = order_id

    def work(self) -> Delivery:
        return self.client.delivery(self.order_id)
