"""The order book: estimate and place, the status machine, the orders API, credits and
budgets (contract §6, §7, §9). The records are in ``order_records``, the request checks and
prices in ``order_requests``."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from typing import Any

from tests.sandbox import paging
from tests.sandbox.accounts import WORKSPACE_ID
from tests.sandbox.budgets import BUDGETS, BUDGETS_BY_ID  # noqa: F401 (BUDGETS: tests)
from tests.sandbox.errors import ApiError, bad_request, not_found
from tests.sandbox.knobs import Knobs
from tests.sandbox.order_records import Order
from tests.sandbox.order_requests import OrderRequests, valid_tags
from tests.sandbox.tasking_records import tasking_product
from tests.sandbox.world import World

TERMINAL = ("FULFILLED", "FAILED_PERMANENTLY", "CANCELED")
CANCELLABLE = ("CREATED", "PLACEMENT_FAILED")
ALL_STATUSES = ("CREATED", "BEING_PLACED", "PLACED", "BEING_FULFILLED", "FULFILLED",
                "FAILED_PERMANENTLY", "CANCELED", "PLACEMENT_FAILED")
ORDER_SORT_FIELDS = ("createdAt", "updatedAt", "type", "status")


class OrderBook(OrderRequests):
    """The orders: estimate and place (checked and priced by OrderRequests), the status
    machine on the dwell clock, the orders API, credits and budgets."""

    def __init__(self, world: World, knobs: Knobs) -> None:
        self.world = world
        self.knobs = knobs
        self._orders: dict[str, Order] = {}
        self._lock = threading.RLock()
        from tests.sandbox.tasking import TaskingDesk

        self.tasking = TaskingDesk(self)

    @property
    def lock(self) -> threading.RLock:
        return self._lock

    def add(self, order: Order) -> None:
        with self._lock:
            self._orders[order.id] = order

    def reset(self) -> None:
        with self._lock:
            self._orders.clear()

    # --- estimate and place ---------------------------------------------------------------
    def estimate(self, body: Any) -> dict[str, Any]:
        product = tasking_product(body)
        if product is not None:
            return self.tasking.estimate(body, product)
        request = self.validate(body)
        results, errors = [], []
        for index, feature in enumerate(request.features):
            priced, error = self._price(request, feature)
            if error:
                errors.append({"index": index, "message": error[0], "details": error[1]})
            else:
                results.append({"index": index, "credits": priced[2], "size": priced[3],
                                "unit": "SQ_KM"})
        return {"summary": {"totalCredits": sum(r["credits"] for r in results),
                            "totalSize": round(sum(r["size"] for r in results), 2),
                            "unit": "SQ_KM"},
                "results": results, "errors": errors}

    def place(self, body: Any, workspace_id: str | None) -> dict[str, Any]:
        if not workspace_id:
            raise bad_request("workspaceId is required")
        if workspace_id != WORKSPACE_ID:
            raise ApiError(403, f"Workspace {workspace_id} does not belong to this account")
        product = tasking_product(body)
        if product is not None:
            return self.tasking.place(body, product)
        request = self.validate(body)
        self.refuse_at_placement(request.product)
        forced = self.knobs.get("force_status")
        results, errors = [], []
        with self._lock:
            for index, feature in enumerate(request.features):
                priced, error = self._price(request, feature)
                if error:
                    errors.append({"index": index, "message": error[0], "details": error[1]})
                    continue
                aoi, coverage, credits, size = priced
                if request.budget_id and credits > self._budget_left(request.budget_id):
                    # UP42's refusal names no number: the client reads the budget's usage.
                    raise bad_request("The order exceeds the remaining credits of the budget")
                if credits > self._available_credits():
                    errors.append({"index": index, "message": "Insufficient credits",
                                   "details": f"The order needs {credits} credits; "
                                              f"{self._available_credits()} available"})
                    continue
                now = time.monotonic()
                order = Order(
                    id=str(uuid.uuid4()), display_name=request.display_name,
                    product=request.product, scene=request.scene, aoi=aoi, coverage=coverage,
                    credits=credits, size_km2=size, tags=list(request.tags),
                    budget_id=request.budget_id,
                    forced=forced.get(request.scene.id) or forced.get(request.product.id),
                    created_wall=dt.datetime.now(dt.UTC), created_mono=now,
                    status_since=now,
                )
                self._orders[order.id] = order
                results.append({"index": index, "id": order.id})
        return {"results": results, "errors": errors}

    # --- status machine -------------------------------------------------------------------
    def _advance(self, order: Order, now: float) -> None:
        if hasattr(order, "sub_status"):  # a tasking order
            self.tasking.advance(order, now)
            return
        dwell = self.knobs.get("dwell")
        # UP42 resolves a PLACEMENT_FAILED ("please wait until it is resolved"): > 0, the
        # order moves on to PLACED after that many seconds (0: it stays until cancelled).
        resolve = self.knobs.get("placement_failed_resolve_s")
        while order.status in dwell or (order.status == "PLACEMENT_FAILED" and resolve > 0):
            wait = resolve if order.status == "PLACEMENT_FAILED" else dwell[order.status]
            if now - order.status_since < wait:
                return
            if order.status == "PLACEMENT_FAILED":
                following = "PLACED"
            elif order.status == "CREATED":
                following = "BEING_PLACED"
            elif order.status == "BEING_PLACED":
                following = "PLACEMENT_FAILED" if order.forced == "PLACEMENT_FAILED" else "PLACED"
            elif order.status == "PLACED":
                following = "BEING_FULFILLED"
            else:
                following = ("FAILED_PERMANENTLY" if order.forced == "FAILED_PERMANENTLY"
                             else "FULFILLED")
            order.status_since += wait
            self._enter(order, following, order.status_since)

    def enter(self, order: Order, status: str, since: float) -> None:
        self._enter(order, status, since)

    def _enter(self, order: Order, status: str, since: float) -> None:
        order.status = status
        order.status_since = since
        order.updated_wall = order.created_wall + dt.timedelta(seconds=since - order.created_mono)
        if status == "FULFILLED":
            order.charged = True

    def force(self, order_id: str, status: str) -> dict[str, Any]:
        if status not in ALL_STATUSES:
            raise bad_request(f"Unknown status {status}")
        with self._lock:
            order = self._get(order_id)
            self._enter(order, status, time.monotonic())
            return order.as_json()

    def _get(self, order_id: str) -> Order:
        order = self._orders.get(order_id)
        if order is None:
            raise not_found(f"Order {order_id} not found")
        self._advance(order, time.monotonic())
        return order

    def get(self, order_id: str) -> Order:
        with self._lock:
            return self._get(order_id)

    def all(self) -> list[Order]:
        with self._lock:
            now = time.monotonic()
            for order in self._orders.values():
                self._advance(order, now)
            return list(self._orders.values())

    # --- orders API -----------------------------------------------------------------------
    def list(self, query: dict[str, list[str]]) -> dict[str, Any]:
        orders = self.all()
        workspace = (query.get("workspaceId") or [None])[0]
        if workspace:
            orders = [o for o in orders if workspace == WORKSPACE_ID]
        if query.get("type"):
            wanted = {s for v in query["type"] for s in v.split(",")}
            orders = [o for o in orders
                      if ("TASKING" if hasattr(o, "sub_status") else "ARCHIVE") in wanted]
        if query.get("status"):
            wanted = {s for v in query["status"] for s in v.split(",")}
            orders = [o for o in orders if o.status in wanted]
        if query.get("subStatus"):
            # Archive orders have no sub-status: they never match.
            wanted = {s for v in query["subStatus"] for s in v.split(",")}
            orders = [o for o in orders if getattr(o, "sub_status", None) in wanted]
        name = (query.get("displayName") or [None])[0]
        if name:
            orders = [o for o in orders if name.lower() in o.display_name.lower()]
        if query.get("tags"):
            wanted = {t for v in query["tags"] for t in v.split(",")}
            orders = [o for o in orders if wanted & set(o.tags)]
        if query.get("orderIds"):
            wanted = {i for v in query["orderIds"] for i in v.split(",")}
            orders = [o for o in orders if o.id in wanted]
        if query.get("budgetIds"):
            wanted = {i for v in query["budgetIds"] for i in v.split(",")}
            orders = [o for o in orders if o.budget_id in wanted]
        items = paging.sort_items([o.as_json() for o in orders], query, ORDER_SORT_FIELDS,
                                  "createdAt,desc")
        return paging.page_of(items, query)

    def patch(self, order_id: str, body: Any) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise bad_request("The patch body must be a JSON object")
        unknown = set(body) - {"tags", "budgetId"}
        if unknown:
            raise bad_request(f"Only tags and budgetId can be changed, not {sorted(unknown)}")
        with self._lock:
            order = self._get(order_id)
            if "tags" in body:
                tags = body["tags"]
                if not valid_tags(tags):
                    raise bad_request("tags must be at most 30 strings of letters, digits "
                                      "and ' ._/:-'")
                order.tags = list(tags)
            if "budgetId" in body:
                if body["budgetId"] is not None and body["budgetId"] not in BUDGETS_BY_ID:
                    raise bad_request(f"Budget {body['budgetId']} not found")
                order.budget_id = body["budgetId"]
            if body:
                order.updated_wall = dt.datetime.now(dt.UTC)
            return order.as_json()

    def cancel(self, order_id: str) -> dict[str, Any]:
        with self._lock:
            order = self._get(order_id)
            if order.status not in CANCELLABLE:
                raise ApiError(409, f"Order {order_id} cannot be canceled in status "
                                    f"{order.status}",
                               "Only CREATED and PLACEMENT_FAILED orders can be canceled")
            self._enter(order, "CANCELED", time.monotonic())
            return {"orderId": order.id, "status": "CANCELED"}

    # --- credits and budgets --------------------------------------------------------------
    def spent_credits(self, budget_id: str | None = None) -> int:
        return sum(o.credits for o in self._orders.values()
                   if o.charged and (budget_id is None or o.budget_id == budget_id))

    def _budget_left(self, budget_id: str) -> int:
        """The budget's spend limit less what it was charged and what its open orders hold."""
        held = sum(o.credits for o in self._orders.values()
                   if o.budget_id == budget_id and not o.charged
                   and o.status not in TERMINAL and o.status != "PLACEMENT_FAILED")
        return self.spend_limit(budget_id) - self.spent_credits(budget_id) - held

    def spend_limit(self, budget_id: str) -> int:
        limits = self.knobs.get("budget_limits")
        return int(limits.get(budget_id, BUDGETS_BY_ID[budget_id]["spendLimit"]))

    def available_credits(self) -> int:
        with self._lock:
            return self._available_credits()

    def budget_left(self, budget_id: str) -> int:
        with self._lock:
            return self._budget_left(budget_id)

    def _available_credits(self) -> int:
        reserved = sum(o.credits for o in self._orders.values()
                       if not o.charged and o.status not in TERMINAL
                       and o.status != "PLACEMENT_FAILED")
        return self.knobs.get("credits") - self.spent_credits() - reserved

    def balance(self) -> int:
        self.all()
        with self._lock:
            return self.knobs.get("credits") - self.spent_credits()

    def state(self) -> list[dict[str, Any]]:
        return [{**o.as_json(), "credits": o.credits, "charged": o.charged,
                 "sceneId": o.scene.id, "forced": o.forced} for o in self.all()]
