"""Estimate, place (exactly once), get, list and cancel orders.

How a placement stays unique: every POST carries one extra tag ``qgis-req:<uuid4>`` made for
that placement alone, written to the placement journal (when the caller gives one) before
the POST. The order POST is sent once and never re-sent blind: any answer but a 2xx or a
clean 4xx refusal (a timeout, a dropped connection, a 5xx, a 503 or 429 even with
``Retry-After``, a redirect) is ambiguous, and the client first lists the workspace's
orders with that display name and tag, which can match nothing but the order this very
placement created. Only a 429 or 401 whose lookup finds nothing is sent again, with the
same tag.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .budgets import BudgetsApi
from .endpoints import Endpoints
from .errors import (
    AmbiguousPlacementError,
    AuthenticationError,
    CancelledError,
    PlacementInProgressError,
    RateLimitError,
    Up42Error,
    ValidationError,
)
from .http import RetryPolicy, Transport
from .json_values import number_or_none, price_of
from .models import JSON, Estimate, Order, OrderRequest, PlacedOrder
from .placement_journal import PlacementJournal, may_be_in_flight

log = logging.getLogger("up42_qgis.api")

REQUEST_TAG_PREFIX = "qgis-req:"
MAX_TAGS = 30
MAX_PAGE_SIZE = 100
MAX_ORDER_PAGES = 500
# Order lookups after an ambiguous placement: the order may show up a moment late.
LOOKUP_ATTEMPTS = 3
# Answers to an order POST that certainly created nothing.
CLEAN_REFUSALS = frozenset({400, 402, 403, 404, 405, 409, 410, 413, 415, 422, 451})


def _settle(journal: PlacementJournal, request_tag: str) -> None:
    """Forgets a settled placement; a journal that cannot be written then must not hide the
    answer (an accepted order, a refusal): the entry stays, and the next run looks it up."""
    try:
        journal.settle(request_tag)
    except OSError as error:
        log.warning("placement journal %s not updated: %s", journal.path, error)


def order_body(request: OrderRequest, extra_tags: Sequence[str] = ()) -> JSON:
    """The estimate / place body (contract §6.1): one feature (a Polygon, or what a tasking
    request's ``geometry_types`` allow), so one order; ``params`` the archive scene's id or
    the tasking form's values."""
    display_name = request.display_name.strip()
    if not display_name or len(display_name) > 200:
        raise ValidationError("The order name must have 1 to 200 characters.")
    if not request.data_product_id:
        raise ValidationError("This data product cannot be ordered (it has no id).")
    aoi = request.aoi if isinstance(request.aoi, dict) else {}
    allowed = request.geometry_types or ("Polygon",)
    if aoi.get("type") not in allowed or not aoi.get("coordinates"):
        kind = aoi.get("type") or "no geometry"
        if allowed == ("Polygon",):
            raise ValidationError(
                f"UP42 accepts one Polygon per order, not {kind}: split the area into its "
                "parts (one order each) or draw a single polygon."
            )
        raise ValidationError(
            f"This data product takes a {' or a '.join(allowed)} as its geometry, not {kind}."
        )
    tags = [*dict.fromkeys(t for t in request.tags if t)]
    tags = [*tags[: MAX_TAGS - len(extra_tags)], *extra_tags]
    body: JSON = {
        "dataProduct": request.data_product_id,
        "displayName": display_name,
        "params": request.params if request.params is not None else {"id": request.scene_id},
        "featureCollection": {
            "type": "FeatureCollection",
            "features": [{"type": "Feature", "properties": {}, "geometry": aoi}],
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
        budgets: BudgetsApi | None = None,
    ) -> None:
        self._transport = transport
        self._endpoints = endpoints
        self._workspace_id = workspace_id
        self._retry = retry
        self._budgets = budgets or BudgetsApi(transport, endpoints)

    def estimate(self, request: OrderRequest) -> Estimate:
        """A per-scene refusal, or a price that is not a price (NaN, infinite, negative,
        text), comes back as ``Estimate.error``; a refusal because of budgets raises
        BudgetError, other whole-request failures their typed error."""
        body = order_body(request)
        try:
            payload = self._transport.json(
                "POST",
                self._endpoints.api_url("/v2/orders/estimate"),
                json_body=body,
                retry_errors=True,  # an estimate creates nothing (contract §2)
            )
        except Up42Error as error:
            raise self._budgets.refusal(error, request.budget_id) or error from None
        refusal = _feature_error(payload.get("errors"))
        results = [r for r in payload.get("results") or () if isinstance(r, dict)]
        if refusal is not None or not results:
            return Estimate(request.scene_id, error=refusal or "No estimate returned.")
        result = results[0]
        credits, bad_price = price_of(result.get("credits"))
        if bad_price is not None:
            log.warning("estimate of %s: %s", request.scene_id, bad_price)
            return Estimate(request.scene_id, error=bad_price)
        return Estimate(
            scene_id=request.scene_id,
            credits=credits,
            size=number_or_none(result.get("size")),
            unit=str(result.get("unit") or ""),
        )

    def place(self, request: OrderRequest, journal: PlacementJournal | None = None) -> PlacedOrder:
        """Places once. With a ``journal``, an unsettled placement of the same scene,
        product and AOI left by a run that died is looked up first (and returned as
        recovered when it exists), and this placement's tag is journaled before the POST."""
        body = order_body(request)
        display_name = body["displayName"]
        if journal is not None:
            for entry in journal.pending(request):
                found = self._lookup(entry.display_name, entry.request_tag)
                if found is not None:
                    log.info("order %s of an unfinished earlier placement found", found.id)
                    _settle(journal, entry.request_tag)
                    return PlacedOrder(request.scene_id, order_id=found.id, recovered=True)
                if may_be_in_flight(entry):
                    raise PlacementInProgressError(
                        f"An order for this scene and area (“{entry.display_name}”) was sent "
                        f"{max(0, time.time() - entry.started):.0f} s ago and has no answer "
                        "yet. Wait a moment, then check the order list before ordering again."
                    )
                journal.settle(entry.request_tag)  # died before UP42 made anything
        request_tag = f"{REQUEST_TAG_PREFIX}{uuid.uuid4().hex}"
        body = order_body(request, extra_tags=(request_tag,))
        if journal is not None:
            try:
                journal.begin(request, request_tag, display_name)
            except OSError as error:  # without the entry a crash could order it twice
                failure = Up42Error(
                    f"The placement journal {journal.path} cannot be written ({error}): "
                    "nothing was sent."
                )
                failure.maybe_sent = False
                raise failure from None
        try:
            placed = self._send_once(request, body, request_tag)
        except Up42Error as error:
            # A clean refusal (or a request that never left) made nothing: forget it, or the
            # next try would wait for an answer that never comes. An ambiguous end stays
            # journaled: the next run looks the order up by its tag.
            clean = not error.maybe_sent or (
                error.status in CLEAN_REFUSALS and not isinstance(error, AmbiguousPlacementError)
            )
            if journal is not None and clean:
                _settle(journal, request_tag)
            raise
        if journal is not None:
            _settle(journal, request_tag)
        return placed

    def _send_once(self, request: OrderRequest, body: JSON, request_tag: str) -> PlacedOrder:
        display_name = body["displayName"]
        sends = 0
        while True:
            sends += 1
            try:
                payload = self._transport.json(
                    "POST",
                    self._endpoints.api_url("/v2/orders"),
                    params={"workspaceId": self._workspace_id()},
                    json_body=body,
                    resend=False,  # money: never re-sent blindly (contract §2)
                )
            except Up42Error as error:
                if not error.maybe_sent:
                    raise
                rejected = isinstance(error, RateLimitError) or (
                    isinstance(error, AuthenticationError) and error.status == 401
                )
                if rejected:
                    # Refused before it was taken, says the status; a hostile or broken
                    # server may have created it anyway: look before sending again.
                    wait = getattr(error, "retry_after", None)
                    if wait is None:
                        wait = self._retry.rate_limit_delay(sends - 1) if error.status == 429 else 0
                    if wait > self._retry.max_retry_after:
                        raise
                    self._transport.wait(wait)
                    found = self._lookup(display_name, request_tag)
                    if found is not None:
                        return PlacedOrder(request.scene_id, order_id=found.id, recovered=True)
                    # A 401 again after signing in again is a broken sign-in: once is enough.
                    limit = 1 if error.status == 401 else self._retry.rate_limit_retries
                    if sends <= limit:
                        continue
                    raise
                if error.status in CLEAN_REFUSALS:
                    raise self._budgets.refusal(error, request.budget_id) or error from None
                return self._recover(request, display_name, request_tag, error)
            error_text = _feature_error(payload.get("errors"))
            results = [
                r for r in payload.get("results") or () if isinstance(r, dict) and r.get("id")
            ]
            if results:
                return PlacedOrder(request.scene_id, order_id=str(results[0]["id"]))
            return PlacedOrder(request.scene_id, error=error_text or "UP42 created no order.")

    def _lookup(self, display_name: str, request_tag: str) -> Order | None:
        found = self.find(display_name, (request_tag,))
        return found[0] if found else None

    def _recover(
        self, request: OrderRequest, display_name: str, request_tag: str, failure: Up42Error
    ) -> PlacedOrder:
        log.warning("placing an order failed ambiguously (%s); looking it up", failure.message)
        lookup_error: Up42Error | None = None
        first_wait = getattr(failure, "retry_after", None)
        for attempt in range(LOOKUP_ATTEMPTS):
            try:
                if attempt:
                    self._transport.wait(max(self._retry.delay(attempt), 0.0))
                elif first_wait:
                    self._transport.wait(min(first_wait, self._retry.max_retry_after))
                found = self._lookup(display_name, request_tag)
            except Up42Error as error:
                # A cancel or a closed connection ends the lookups, not the doubt: the
                # order may exist, so the outcome stays ambiguous (and journaled).
                lookup_error = error
                if isinstance(error, CancelledError):
                    break
                continue
            if found is not None:
                log.info("found the order %s created by the failed request", found.id)
                return PlacedOrder(request.scene_id, order_id=found.id, recovered=True)
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
