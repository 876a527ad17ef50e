"""Estimate, place (exactly once), get, list and cancel orders.

How a placement stays unique: every POST carries one extra tag ``qgis-req:<uuid4>`` made for
that placement alone. If the POST fails ambiguously (timeout, dropped connection, 5xx), the
order may still exist; the client then lists the workspace's orders with that display name
and tag, which can match nothing but the order this very POST created.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .endpoints import Endpoints
from .errors import AmbiguousPlacementError, NetworkError, ServerError, Up42Error, ValidationError
from .http import RetryPolicy, Transport
from .models import JSON, Budget, Estimate, Order, OrderRequest, PlacedOrder

log = logging.getLogger("up42_qgis.api")

REQUEST_TAG_PREFIX = "qgis-req:"
MAX_TAGS = 30
MAX_PAGE_SIZE = 100
MAX_ORDER_PAGES = 500
MAX_BUDGET_PAGES = 100
# Order lookups after an ambiguous placement: the order may show up a moment late.
LOOKUP_ATTEMPTS = 3


def order_body(request: OrderRequest, extra_tags: Sequence[str] = ()) -> JSON:
    """The estimate / place body (contract §6.1): one feature, so one order."""
    display_name = request.display_name.strip()
    if not display_name or len(display_name) > 200:
        raise ValidationError("The order name must have 1 to 200 characters.")
    if not request.data_product_id:
        raise ValidationError("This data product cannot be ordered (it has no id).")
    tags = [*dict.fromkeys(t for t in request.tags if t)]
    tags = [*tags[: MAX_TAGS - len(extra_tags)], *extra_tags]
    body: JSON = {
        "dataProduct": request.data_product_id,
        "displayName": display_name,
        "params": {"id": request.scene_id},
        "featureCollection": {
            "type": "FeatureCollection",
            "features": [{"type": "Feature", "properties": {}, "geometry": request.aoi}],
        },
    }
    if tags:
        body["tags"] = tags
    if request.budget_id:
        body["budgetId"] = request.budget_id
    return body


def _feature_error(errors: Any) -> str | None:
    for error in errors or ():
        if isinstance(error, dict):
            message = str(error.get("message") or "Refused")
            details = error.get("details")
            if isinstance(details, str) and details.strip() and details.strip() != message:
                return f"{message}: {details.strip()}"
            return message
    return None


def _number(value: Any) -> float | None:
    try:
        return float(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class OrderPage:
    """One page of the order list (``number`` is 0-based)."""

    orders: tuple[Order, ...]
    number: int
    total_pages: int
    total: int | None = None

    @property
    def is_last(self) -> bool:
        return not self.orders or self.number + 1 >= self.total_pages


class OrdersApi:
    def __init__(
        self,
        transport: Transport,
        endpoints: Endpoints,
        workspace_id: Callable[[], str],
        retry: RetryPolicy,
    ) -> None:
        self._transport = transport
        self._endpoints = endpoints
        self._workspace_id = workspace_id
        self._retry = retry

    def estimate(self, request: OrderRequest) -> Estimate:
        payload = self._transport.json(
            "POST",
            self._endpoints.api_url("/v2/orders/estimate"),
            json_body=order_body(request),
            retry_errors=True,  # an estimate creates nothing (contract §2)
        )
        error = _feature_error(payload.get("errors"))
        results = [r for r in payload.get("results") or () if isinstance(r, dict)]
        if error is not None or not results:
            return Estimate(request.scene_id, error=error or "No estimate returned.")
        result = results[0]
        return Estimate(
            scene_id=request.scene_id,
            credits=_number(result.get("credits")),
            size=_number(result.get("size")),
            unit=str(result.get("unit") or ""),
        )

    def place(self, request: OrderRequest) -> PlacedOrder:
        request_tag = f"{REQUEST_TAG_PREFIX}{uuid.uuid4().hex}"
        body = order_body(request, extra_tags=(request_tag,))
        try:
            payload = self._transport.json(
                "POST",
                self._endpoints.api_url("/v2/orders"),
                params={"workspaceId": self._workspace_id()},
                json_body=body,
                retry_errors=False,  # money: never re-sent blindly (contract §2)
            )
        except (NetworkError, ServerError) as error:
            if not error.maybe_sent:
                raise
            return self._recover(request, body["displayName"], request_tag, error)
        error_text = _feature_error(payload.get("errors"))
        results = [r for r in payload.get("results") or () if isinstance(r, dict) and r.get("id")]
        if results:
            return PlacedOrder(request.scene_id, order_id=str(results[0]["id"]))
        return PlacedOrder(request.scene_id, error=error_text or "UP42 created no order.")

    def _recover(
        self, request: OrderRequest, display_name: str, request_tag: str, failure: Up42Error
    ) -> PlacedOrder:
        log.warning("placing an order failed ambiguously (%s); looking it up", failure.message)
        lookup_error: Up42Error | None = None
        for attempt in range(LOOKUP_ATTEMPTS):
            if attempt:
                self._retry.sleep(max(self._retry.delay(attempt), 0.0))
            try:
                found = self.find(display_name, (request_tag,))
            except Up42Error as error:
                lookup_error = error
                continue
            if found:
                log.info("found the order %s created by the failed request", found[0].id)
                return PlacedOrder(request.scene_id, order_id=found[0].id, recovered=True)
        reason = f" The lookup failed too: {lookup_error.message}" if lookup_error else ""
        raise AmbiguousPlacementError(
            f"Placing the order failed ({failure.message}) and UP42 may or may not have "
            f"created it. Check the order list for “{display_name}” before ordering "
            f"again.{reason}",
            failure.status,
        )

    def find(self, display_name: str, tags: Sequence[str] = ()) -> list[Order]:
        """Orders of the workspace named exactly ``display_name`` carrying every tag."""
        wanted = set(tags)
        matches: list[Order] = []
        page = 0
        while page < MAX_ORDER_PAGES:
            result = self.fetch_page(page, MAX_PAGE_SIZE, display_name=display_name, tags=tags)
            matches.extend(
                o
                for o in result.orders
                if o.display_name == display_name and wanted.issubset(o.tags)
            )
            if result.is_last:
                break
            page += 1
        return matches

    def get(self, order_id: str) -> Order:
        if not order_id:
            raise ValidationError("No order id given.")
        payload = self._transport.json("GET", self._endpoints.api_url(f"/v2/orders/{order_id}"))
        return Order.from_json(payload)

    def fetch_page(
        self,
        page: int = 0,
        size: int = 50,
        *,
        order_ids: Sequence[str] | None = None,
        statuses: Sequence[str] | None = None,
        display_name: str | None = None,
        tags: Sequence[str] | None = None,
        order_type: str | None = None,
    ) -> OrderPage:
        """One page of the workspace's orders, newest first (contract §7.2)."""
        params: list[tuple[str, Any]] = [
            ("workspaceId", self._workspace_id()),
            ("sort", "createdAt,desc"),
            ("page", page),
            ("size", max(1, min(MAX_PAGE_SIZE, size))),
        ]
        params += [("status", s) for s in statuses or ()]
        params += [("tags", t) for t in tags or ()]
        if order_ids:
            params.append(("orderIds", ",".join(order_ids)))
        if display_name:
            params.append(("displayName", display_name))
        if order_type:
            params.append(("type", order_type))
        payload = self._transport.json("GET", self._endpoints.api_url("/v2/orders"), params=params)
        content = [o for o in payload.get("content") or () if isinstance(o, dict)]
        total_pages = payload.get("totalPages")
        total = payload.get("totalElements")
        return OrderPage(
            orders=tuple(Order.from_json(o) for o in content),
            number=int(payload.get("number", page) or 0),
            total_pages=total_pages if isinstance(total_pages, int) else page + 1,
            total=total if isinstance(total, int) else None,
        )

    def list_orders(
        self,
        order_ids: Sequence[str] | None = None,
        statuses: Sequence[str] | None = None,
        page_size: int = 100,
        max_orders: int | None = None,
    ) -> list[Order]:
        if order_ids is not None and not order_ids:
            return []
        id_batches: list[Sequence[str] | None] = (
            [order_ids[i : i + MAX_PAGE_SIZE] for i in range(0, len(order_ids), MAX_PAGE_SIZE)]
            if order_ids
            else [None]
        )
        found: list[Order] = []
        for batch in id_batches:
            page = 0
            while page < MAX_ORDER_PAGES:
                result = self.fetch_page(page, page_size, order_ids=batch, statuses=statuses)
                found.extend(result.orders)
                if max_orders is not None and len(found) >= max_orders:
                    return found[:max_orders]
                if result.is_last:
                    break
                page += 1
        return found

    def cancel(self, order_id: str) -> str:
        if not order_id:
            raise ValidationError("No order id given.")
        payload = self._transport.json(
            "POST",
            self._endpoints.api_url(f"/v2/orders/{order_id}/cancellation"),
            retry_errors=False,  # a lost answer then a retry would report a false conflict
        )
        return str(payload.get("status") or "CANCELED")

    def budgets(self, active_only: bool = True) -> list[Budget]:
        """Every page of the workspace's budgets with their usage, latest updated first
        (contract §9)."""
        found: list[Budget] = []
        page = 0
        while page < MAX_BUDGET_PAGES:
            params: list[tuple[str, Any]] = []
            if active_only:
                params.append(("status", "ACTIVE"))
            params += [
                ("includeUsage", "true"),
                ("sort", "updatedAt,desc"),
                ("page", page),
                ("size", MAX_PAGE_SIZE),
            ]
            payload = self._transport.json(
                "GET", self._endpoints.api_url("/v2/budgets"), params=params
            )
            content = [b for b in payload.get("content") or () if isinstance(b, dict)]
            found.extend(Budget.from_json(b) for b in content)
            total_pages = payload.get("totalPages")
            if not content or not isinstance(total_pages, int) or page + 1 >= total_pages:
                break
            page += 1
        return found
