"""The UP42 client: every call the plugin makes, Qt-free and thread-safe.

One client per configuration is shared by every task: the transport keeps one requests
session per thread, the token manager serialises sign-ins, and the account is cached.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import requests

from .auth import TokenManager
from .budgets import BudgetsApi
from .catalog import CatalogApi
from .endpoints import REGIONS, Credentials, Endpoints
from .errors import NotFoundError, PermissionDeniedError, ServerError
from .http import NetworkOptions, RetryPolicy, Transport
from .models import (
    JSON,
    Account,
    Budget,
    Collection,
    Delivery,
    Estimate,
    Order,
    OrderRequest,
    PlacedOrder,
    Scene,
    ScenePage,
    SearchRequest,
)
from .order_lookup import open_orders_like
from .orders import OrderPage, OrdersApi
from .placement_journal import PlacementJournal
from .storage import StorageApi
from .tasking import TaskingApi
from .tasking_models import Decision, FeasibilityStudy, OrderCoverage, Quotation

if TYPE_CHECKING:
    from .order_schema import OrderSchema

BALANCE_PATH = "/accounts/me/credits/balance"

__all__ = [
    "REGIONS",
    "Credentials",
    "Endpoints",
    "NetworkOptions",
    "OrderPage",
    "RetryPolicy",
    "Up42Client",
]


class Up42Client:
    def __init__(
        self,
        endpoints: Endpoints,
        credentials: Credentials,
        network: NetworkOptions | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.endpoints = endpoints
        self.network = network or NetworkOptions()
        self.retry = retry or RetryPolicy()
        self.transport = Transport(self.network, self.retry)
        self.tokens = TokenManager(self.transport, endpoints, credentials)
        self.transport.token_source = self.tokens
        # The token goes to {API} and {AUTH} only (scheme, host and port), never elsewhere.
        self.transport.trust(endpoints.api, endpoints.auth)
        self._account: Account | None = None
        self._account_lock = threading.Lock()
        self._catalog = CatalogApi(self.transport, endpoints)
        self._budgets = BudgetsApi(self.transport, endpoints)
        self._orders = OrdersApi(
            self.transport, endpoints, self.workspace_id, self.retry, self._budgets
        )
        self._storage = StorageApi(self.transport, endpoints)
        self._tasking = TaskingApi(self.transport, endpoints, self.workspace_id)

    def close(self) -> None:
        """Aborts every call in flight (a worker blocked on a trickling server gets an error
        within a fraction of a second), ends retry waits, and closes the connections. The
        client cannot be used afterwards. Returns at once: plugin unload calls it."""
        self.transport.close()

    def abort_all(self) -> int:
        """Aborts the calls in flight but keeps the client usable."""
        return self.transport.abort_all()

    def __enter__(self) -> Up42Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- account -----------------------------------------------------------------------------
    def account(self) -> Account:
        """Signs in if needed; userinfo (``sub`` is the workspace id). Cached."""
        with self._account_lock:
            if self._account is None:
                payload = self.transport.json("GET", self.endpoints.userinfo_url)
                account = Account.from_json(payload if isinstance(payload, dict) else {})
                if not account.workspace_id:
                    raise ServerError("UP42 did not say which workspace this account uses.")
                self._account = account
            return self._account

    def workspace_id(self) -> str:
        return self.account().workspace_id

    def credits_balance(self) -> float | None:
        """The account's credit balance (``GET /accounts/me/credits/balance``, the SDK's
        call), None when UP42 does not say; sign-in failures raise like any call."""
        try:
            payload = self.transport.json("GET", self.endpoints.api_url(BALANCE_PATH))
        except (NotFoundError, PermissionDeniedError):
            return None
        data = payload.get("data")
        balance = data.get("balance") if isinstance(data, dict) else None
        if isinstance(balance, int | float) and not isinstance(balance, bool):
            return float(balance)
        return None

    # --- glossary ----------------------------------------------------------------------------
    def collections(self) -> list[Collection]:
        """Every page of ``/v2/collections``."""
        return self._catalog.collections()

    # --- catalog -----------------------------------------------------------------------------
    def search_page(self, request: SearchRequest, next_request: JSON | None = None) -> ScenePage:
        """The first page of a search, or the page a previous page's ``next_request`` names."""
        return self._catalog.search_page(request, next_request)

    def search(self, request: SearchRequest, max_scenes: int | None = None) -> Iterator[ScenePage]:
        """Yields page after page until the last one or ``max_scenes``."""
        return self._catalog.search(request, max_scenes)

    def preview(self, scene: Scene, kind: str = "quicklook") -> bytes:
        """The thumbnail or quicklook image bytes (``download-url`` then the signed URL)."""
        url = self.signed_url(self._catalog.preview_href(scene, kind))
        return self.transport.request("GET", url, authenticated=False).content

    # --- estimate and order ------------------------------------------------------------------
    def estimate(self, request: OrderRequest) -> Estimate:
        """A per-scene refusal comes back as ``Estimate.error``; whole-request failures raise."""
        return self._orders.estimate(request)

    def place_order(
        self, request: OrderRequest, journal: PlacementJournal | None = None
    ) -> PlacedOrder:
        """POSTs once, never re-sent blind. After an ambiguous answer (timeout, dropped
        connection, 5xx, 503/429 even with Retry-After, redirect) looks the order up by
        display name and its unique ``qgis-req:<uuid>`` tag; raises AmbiguousPlacementError
        if that cannot settle it. A ``journal`` keeps the tag on disk across the POST, so a
        run after a crash finds the order instead of placing it again. Budget refusals
        raise BudgetError, 451 a LicenceError subclass."""
        return self._orders.place(request, journal)

    def open_orders_like(self, request: OrderRequest) -> list[Order]:
        """Orders of the workspace for the request's scene, product and AOI that did not
        end without delivery (not CANCELED or FAILED*): ask before placing another."""
        return open_orders_like(
            self._orders, request.scene_id, request.data_product_id, request.aoi
        )

    def find_orders(self, display_name: str, tags: Sequence[str] = ()) -> list[Order]:
        """Orders of the workspace whose display name matches exactly (and carry the tags)."""
        return self._orders.find(display_name, tags)

    def order(self, order_id: str) -> Order:
        return self._orders.get(order_id)

    def orders(
        self,
        order_ids: Sequence[str] | None = None,
        statuses: Sequence[str] | None = None,
        page_size: int = 100,
        max_orders: int | None = None,
    ) -> list[Order]:
        """The workspace's orders, newest first; ``order_ids`` asks for many in one call."""
        return self._orders.list_orders(order_ids, statuses, page_size, max_orders)

    def orders_page(
        self,
        page: int = 0,
        size: int = 50,
        *,
        statuses: Sequence[str] | None = None,
        display_name: str | None = None,
        tags: Sequence[str] | None = None,
        order_type: str | None = None,
    ) -> OrderPage:
        """One page of the order list with filters, for a "load more" list."""
        return self._orders.fetch_page(
            page,
            size,
            statuses=statuses,
            display_name=display_name,
            tags=tags,
            order_type=order_type,
        )

    def cancel_order(self, order_id: str) -> str:
        """Returns the new status (``CANCELED``)."""
        return self._orders.cancel(order_id)

    # --- tasking (api/tasking.py) -------------------------------------------------------------
    def order_schema(self, data_product_id: str) -> OrderSchema:
        """The data product's order form (``GET /orders/schema/{id}``). Build a tasking
        order from it with ``api.tasking.tasking_request``, then ``place_order`` it."""
        return self._tasking.schema(data_product_id)

    def quotations(
        self, order_ids: Sequence[str] | None = None, decisions: Sequence[str] | None = None
    ) -> list[Quotation]:
        """Every page of the workspace's tasking quotations (of ``order_ids`` when given,
        an empty list meaning none), newest first."""
        return self._tasking.quotations(order_ids, decisions)

    def feasibility_studies(
        self, order_ids: Sequence[str] | None = None, decisions: Sequence[str] | None = None
    ) -> list[FeasibilityStudy]:
        """Every page of the workspace's feasibility studies (of ``order_ids`` when given)."""
        return self._tasking.feasibility_studies(order_ids, decisions)

    def quotation(self, quotation_id: str) -> Quotation:
        return self._tasking.quotation(quotation_id)

    def feasibility_study(self, study_id: str) -> FeasibilityStudy:
        return self._tasking.feasibility_study(study_id)

    def decide_quotation(
        self,
        quotation_id: str,
        decision: Decision | str,
        *,
        confirmed_credits: float | None = None,
    ) -> Quotation:
        """The user's decision, sent once: ACCEPTED (with ``confirmed_credits``, the price
        the user said yes to: a higher price raises PriceChangedError) or REJECTED. Raises
        DecisionClosedError when it was decided elsewhere or expired."""
        return self._tasking.decide_quotation(
            quotation_id, decision, confirmed_credits=confirmed_credits
        )

    def accept_feasibility_option(self, study_id: str, option_id: str) -> FeasibilityStudy:
        """Accepts the option the user chose, once (DecisionClosedError when too late)."""
        return self._tasking.accept_feasibility_option(study_id, option_id)

    def order_coverage(self, order_id: str) -> OrderCoverage:
        """What a tasking order's delivered imagery covers of its AOI, and the remainder."""
        return self._tasking.coverage(order_id)

    # --- budgets -----------------------------------------------------------------------------
    def budgets(self, active_only: bool = True) -> list[Budget]:
        """Every page of ``/v2/budgets`` with usage (remaining credits), latest updated
        first; only ACTIVE ones unless ``active_only`` is False."""
        return self._budgets.budgets(active_only)

    def budget_enforcement(self) -> bool:
        """``GET /v2/budgets/settings`` → ``enforcementEnabled``: every estimate and order
        then needs ``OrderRequest.budget_id``."""
        return self._budgets.enforcement_enabled()

    # --- delivery ----------------------------------------------------------------------------
    def delivery(self, order_id: str) -> Delivery:
        """The storage collections and items of an order, with their assets."""
        return self._storage.delivery(order_id)

    def signed_url(self, href: str) -> str:
        """A fresh signed URL for an asset href (or a preview href ending in /download-url).
        It is registered as a secret: its signature never appears in a message or log."""
        url = self._storage.signed_url(href)
        self.transport.add_signed_url(url)
        return url

    def open_signed(
        self,
        url: str,
        offset: int = 0,
        *,
        is_cancelled: Callable[[], bool] | None = None,
        body_deadline: float | None = None,
    ) -> requests.Response:
        """A streaming GET of a signed URL (no auth header), from byte ``offset`` on.

        The response stays cancellable until it is closed: ``is_cancelled`` (polled about
        every 50 ms) or ``transport.abort(response)`` from any thread closes its connection,
        so a reader blocked on a stalled or trickling body gets an error at once;
        ``body_deadline`` bounds the whole body read (default none: large files)."""
        # identity: byte counts must match Content-Length and Range offsets on disk.
        headers: dict[str, Any] = {"Accept-Encoding": "identity"}
        if offset > 0:
            headers["Range"] = f"bytes={offset}-"
        return self.transport.request(
            "GET",
            url,
            headers=headers,
            authenticated=False,
            stream=True,
            read_timeout=self.network.download_read_timeout,
            is_cancelled=is_cancelled,
            body_deadline=body_deadline,
        )
