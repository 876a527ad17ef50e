"""Tasks for estimating, placing, listing and cancelling orders and reading a delivery.

Each task gets the shared client (built on the main thread by the ClientProvider) and plain
data; results are plain models, read on the main thread through ``Up42Task.on_done``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..api.errors import Up42Error
from ..api.models import Budget, Delivery, Estimate, Order, OrderRequest, PlacedOrder
from ..api.ordering import estimate_all, place_all
from ..i18n import tr
from .base import Up42Task

if TYPE_CHECKING:
    from ..api.client import Up42Client

log = logging.getLogger("up42_qgis.tasks")


class EstimateTask(Up42Task):
    """``api.ordering.estimate_all`` in a task: ``result`` is one Estimate per request, in
    order (refusals in ``error``); sign-in and network failures end it.

    With ``with_budgets``, the active budgets are read afterwards into ``budgets`` for the
    confirmation; that is a nicety: when it fails ``budgets`` stays None and the estimate
    stands.
    """

    def __init__(
        self, client: Up42Client, requests: Sequence[OrderRequest], with_budgets: bool = False
    ) -> None:
        super().__init__(tr("UP42: estimating %Ln order(s)", "", len(requests)))
        self.client = client
        self.requests = tuple(requests)
        self.with_budgets = with_budgets
        self.budgets: list[Budget] | None = None

    def work(self) -> list[Estimate]:
        estimates = estimate_all(
            self.client, self.requests, is_cancelled=self.isCanceled, progress=self.setProgress
        )
        if self.with_budgets:
            self.check_cancelled()
            try:
                self.budgets = self.client.budgets(active_only=True)
            except Exception as error:  # never blocks ordering: the dialog just shows no budget
                log.info("reading the budgets failed: %s", error)
        return estimates


class PlaceOrdersTask(Up42Task):
    """``api.ordering.place_all`` in a task: ``result`` is one PlacedOrder per request.

    Not cancellable: stopping between POSTs would leave the user unsure what was ordered.
    """

    def __init__(self, client: Up42Client, requests: Sequence[OrderRequest]) -> None:
        super().__init__(tr("UP42: placing %Ln order(s)", "", len(requests)), can_cancel=False)
        self.client = client
        self.requests = tuple(requests)

    def work(self) -> list[PlacedOrder]:
        return place_all(self.client, self.requests, progress=self.setProgress)


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
