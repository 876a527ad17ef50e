"""Estimate, place and the order book: status machine, credits and budgets (contract §6, §7, §9)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import threading
import time
import uuid
from typing import Any

from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from tests.sandbox import geo, paging
from tests.sandbox.accounts import ACCOUNT_ID, USER_ID, WORKSPACE_ID
from tests.sandbox.budgets import BUDGETS, BUDGETS_BY_ID  # noqa: F401 (BUDGETS: tests)
from tests.sandbox.errors import ApiError, bad_request, not_found
from tests.sandbox.knobs import Knobs
from tests.sandbox.tasking import tasking_product
from tests.sandbox.world import PRODUCTS_BY_ID, DataProduct, Scene, World

TERMINAL = ("FULFILLED", "FAILED_PERMANENTLY", "CANCELED")
CANCELLABLE = ("CREATED", "PLACEMENT_FAILED")
ALL_STATUSES = ("CREATED", "BEING_PLACED", "PLACED", "BEING_FULFILLED", "FULFILLED",
                "FAILED_PERMANENTLY", "CANCELED", "PLACEMENT_FAILED")
TAG_PATTERN = re.compile(r"^[A-Za-z0-9 ._/:-]+$")
ORDER_SORT_FIELDS = ("createdAt", "updatedAt", "type", "status")


def utc_stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclasses.dataclass
class Order:
    id: str
    display_name: str
    product: DataProduct
    scene: Scene
    aoi: dict[str, Any]
    coverage: BaseGeometry  # AOI ∩ footprint: what gets delivered
    credits: int
    size_km2: float
    tags: list[str]
    budget_id: str | None
    forced: str | None
    created_wall: dt.datetime
    created_mono: float
    status: str = "CREATED"
    status_since: float = 0.0
    updated_wall: dt.datetime | None = None
    charged: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "displayName": self.display_name, "status": self.status,
            "type": "ARCHIVE", "workspaceId": WORKSPACE_ID, "accountId": ACCOUNT_ID,
            "dataProductId": self.product.id, "tags": list(self.tags),
            "budgetId": self.budget_id,
            "createdAt": utc_stamp(self.created_wall),
            "updatedAt": utc_stamp(self.updated_wall or self.created_wall),
            "createdBy": {"id": USER_ID, "type": "USER"},
            "updatedBy": {"id": "system", "type": "INTERNAL"},
            "orderDetails": {"aoi": self.aoi, "imageId": self.scene.id},
        }


@dataclasses.dataclass
class CommonFields:
    display_name: str
    tags: list[str]
    budget_id: str | None


@dataclasses.dataclass
class ValidatedRequest:
    product: DataProduct
    scene: Scene
    display_name: str
    tags: list[str]
    budget_id: str | None
    features: list[Any]


class OrderBook:
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
    def validate(self, body: Any) -> ValidatedRequest:
        if not isinstance(body, dict):
            raise bad_request("The order body must be a JSON object")
        product_id = body.get("dataProduct")
        if not isinstance(product_id, str) or not product_id:
            raise bad_request("dataProduct is required")
        product = PRODUCTS_BY_ID.get(product_id)
        if product is None:
            raise bad_request(f"Unknown data product {product_id}")
        collection = self.world.collections_by_name[product.collection]
        if product_id in self.knobs.get("eula_refused"):
            raise ApiError(451, f"The EULA of {collection.title} has not been accepted",
                           f"Accept the EULA for data product {product.name} in the console")
        common = self.validate_common(body)
        params = body.get("params")
        if not isinstance(params, dict) or not isinstance(params.get("id"), str):
            raise bad_request("params.id (the scene id) is required",
                              {"params": "must be an object with the image id"})
        unknown = set(params) - {"id"}
        if unknown:
            raise bad_request(f"Unknown params: {', '.join(sorted(unknown))}")
        scene = self.world.scenes_by_id.get(params["id"])
        if scene is None or scene.collection.name != product.collection:
            raise bad_request(f"Scene {params['id']} not found in collection "
                              f"{product.collection}")
        fc = body.get("featureCollection")
        if (not isinstance(fc, dict) or fc.get("type") != "FeatureCollection"
                or not isinstance(fc.get("features"), list) or not fc["features"]):
            raise bad_request("featureCollection must be a non-empty GeoJSON FeatureCollection")
        return ValidatedRequest(product, scene, common.display_name, common.tags,
                                common.budget_id, fc["features"])

    def validate_common(self, body: dict[str, Any]) -> CommonFields:
        """displayName, tags and budgetId, as archive and tasking orders both carry them."""
        name = body.get("displayName")
        if not isinstance(name, str) or not 1 <= len(name) <= 200:
            raise bad_request("displayName must be 1 to 200 characters")
        tags = body.get("tags", [])
        if tags is None or not isinstance(tags, list) or len(tags) > 30 or not all(
            isinstance(t, str) and TAG_PATTERN.match(t) for t in tags
        ):
            raise bad_request("tags must be at most 30 strings of letters, digits and ' ._/:-'")
        budget_id = body.get("budgetId")
        if budget_id is not None and budget_id not in BUDGETS_BY_ID:
            raise bad_request(f"Budget {budget_id} not found")
        if budget_id is not None and BUDGETS_BY_ID[budget_id]["status"] != "ACTIVE":
            raise bad_request(f"Budget {budget_id} is inactive")
        if self.knobs.get("budget_enforcement") and budget_id is None:
            # Like UP42 with enforcement on: estimate and order alike need a budget.
            raise bad_request("Budget enforcement is enabled: budgetId is required")
        return CommonFields(name, tags, budget_id)

    def _price(self, request: ValidatedRequest, feature: Any) -> tuple[Any, Any]:
        """(geometry, coverage, credits, size) or an error tuple (message, details)."""
        geometry_data = feature.get("geometry") if isinstance(feature, dict) else None
        try:
            aoi = geo.parse_geometry(geometry_data)
        except ValueError as error:
            return None, ("Invalid geometry", str(error))
        if not isinstance(aoi, Polygon):
            return None, ("Invalid geometry",
                          f"Only Polygon AOIs are accepted, not {aoi.geom_type}")
        if not aoi.is_valid:
            return None, ("Invalid geometry", "The AOI polygon intersects itself")
        if geo.vertex_count(aoi) > geo.MAX_VERTICES:
            return None, ("Invalid geometry",
                          f"The AOI has {geo.vertex_count(aoi)} vertices; at most 999 allowed")
        coverage = aoi.intersection(request.scene.geometry)
        if coverage.is_empty or coverage.area == 0:
            return None, ("Invalid geometry", "AOI does not intersect the scene")
        area = geo.area_km2(coverage)
        if area > request.product.max_area_km2:
            return None, ("AOI too large", f"{area:.1f} km² exceeds the maximum of "
                                           f"{request.product.max_area_km2:.0f} km²")
        message = self.knobs.get("estimate_errors").get(request.scene.id)
        if message is not None:
            return None, (message, None)
        billed = max(area, request.product.min_area_km2)
        credits = math.ceil(round(billed * request.product.price_per_km2, 6))
        # A scene priced by the knob (0 for a free product, or a price that is not one).
        credits = self.knobs.get("estimate_credits").get(request.scene.id, credits)
        return (geometry_data, coverage, credits, round(billed, 2)), None

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

    def refuse_at_placement(self, product: DataProduct) -> None:
        """The 451 of knob licence_refused_at_placement (after a 200 estimate)."""
        refusal = self.knobs.get("licence_refused_at_placement").get(product.id)
        if refusal is None:
            return
        collection = self.world.collections_by_name[product.collection]
        if refusal == "restricted":
            raise ApiError(451, f"Access to the collection {collection.title} is restricted",
                           "Request access to this collection in the console: "
                           "https://console.up42.com/settings/access")
        raise ApiError(451, f"The EULA of {collection.title} has not been accepted",
                       f"Accept the EULA for data product {product.name}")

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
                if not isinstance(tags, list) or len(tags) > 30 or not all(
                    isinstance(t, str) and TAG_PATTERN.match(t) for t in tags
                ):
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
