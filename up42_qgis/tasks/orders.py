"""Tasks for estimating, placing, listing and cancelling orders and reading a delivery.

Each task gets the shared client (built on the main thread by the ClientProvider) and plain
data; results are plain models, read on the main thread through ``Up42Task.on_done``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..api.errors import (
    AuthenticationError,
    LicenceError,
    NetworkError,
    NotFoundError,
    Up42Error,
    ValidationError,
)
from ..api.models import Budget, Delivery, Estimate, Order, OrderRequest, PlacedOrder
from ..i18n import tr
from .base import Up42Task

if TYPE_CHECKING:
    from ..api.client import Up42Client

log = logging.getLogger("up42_qgis.tasks")

# Errors that concern one scene's request only: the other scenes may still be estimated.
PER_SCENE_ERRORS = (ValidationError, LicenceError, NotFoundError)


class EstimateTask(Up42Task):
    """One estimate per scene. ``result`` maps scene id to Estimate (refusals in ``error``).

    Sign-in and network failures abort the whole task: the next scene would fail the same way.

    With ``with_budgets``, the active budgets are read afterwards into ``budgets`` for the
    confirmation; that is a nicety: when it fails ``budgets`` stays None and the estimate
    stands.
    """

    def __init__(
        self, client: Up42Client, requests: Sequence[OrderRequest], with_budgets: bool = False
    ) -> None:
        super().__init__(tr("UP42: estimating {n} orders").format(n=len(requests)))
        self.client = client
        self.requests = tuple(requests)
        self.with_budgets = with_budgets
        self.budgets: list[Budget] | None = None

    def work(self) -> dict[str, Estimate]:
        estimates: dict[str, Estimate] = {}
        for done, request in enumerate(self.requests):
            self.check_cancelled()
            try:
                estimates[request.scene_id] = self.client.estimate(request)
            except PER_SCENE_ERRORS as error:
                estimates[request.scene_id] = Estimate(scene_id=request.scene_id, error=str(error))
            self.setProgress(100.0 * (done + 1) / max(1, len(self.requests)))
        if self.with_budgets:
            self.check_cancelled()
            try:
                self.budgets = self.client.budgets(active_only=True)
            except Exception as error:  # never blocks ordering: the dialog just shows no budget
                log.info("reading the budgets failed: %s", error)
        return estimates


class PlaceOrdersTask(Up42Task):
    """Places each request exactly once; ``result`` is one PlacedOrder per request, in order.

    Not cancellable: stopping between POSTs would leave the user unsure what was ordered. The
    client never re-sends a POST and looks an order up after an ambiguous failure; whatever
    still goes wrong for one scene is reported for that scene, never retried here.
    """

    def __init__(self, client: Up42Client, requests: Sequence[OrderRequest]) -> None:
        super().__init__(tr("UP42: placing {n} orders").format(n=len(requests)), can_cancel=False)
        self.client = client
        self.requests = tuple(requests)

    def work(self) -> list[PlacedOrder]:
        placed: list[PlacedOrder] = []
        for done, request in enumerate(self.requests):
            try:
                placed.append(self.client.place_order(request))
            except Up42Error as error:
                placed.append(PlacedOrder(scene_id=request.scene_id, error=str(error)))
                if isinstance(error, AuthenticationError | NetworkError):
                    # The remaining POSTs would fail alike; report them as not sent.
                    placed.extend(
                        PlacedOrder(
                            scene_id=rest.scene_id,
                            error=tr("Not sent: {reason}").format(reason=str(error)),
                        )
                        for rest in self.requests[done + 1 :]
                    )
                    break
            self.setProgress(100.0 * (done + 1) / max(1, len(self.requests)))
        return placed


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
