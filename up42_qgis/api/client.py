"""The UP42 client: every call the plugin makes, Qt-free and thread-safe.

INTERFACE SPEC written by the lead; the implementation fills in the bodies. Signatures are
what the tasks, the GUI and Processing code against: change them only together with them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from .models import (
    JSON,
    Account,
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

REGIONS: dict[str, tuple[str, str]] = {
    "eu": ("https://api.up42.com", "https://auth.up42.com"),
    "sa": ("https://api.sa.up42.com", "https://auth.sa.up42.com"),
}


@dataclass(frozen=True)
class Endpoints:
    """The API origin ``{API}`` and the auth origin ``{AUTH}`` (no trailing slash)."""

    api: str
    auth: str

    @classmethod
    def for_region(cls, region: str) -> Endpoints:
        api, auth = REGIONS[region]
        return cls(api, auth)


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class NetworkOptions:
    """How requests reaches the network; the QGIS bridge fills it from QGIS's settings.

    ``proxy_for`` maps a URL to a requests ``proxies`` dict ({} = direct); it must be a plain
    Python callable (no Qt) and is called on worker threads. ``verify`` is a CA bundle path or
    True. ``timeout`` is the connect/read timeout for API calls, ``download_read_timeout`` the
    read timeout for downloads.
    """

    user_agent: str = "up42-qgis"
    proxy_for: Callable[[str], dict[str, str]] | None = None
    verify: str | bool = True
    timeout: float = 30.0
    download_read_timeout: float = 120.0
    trust_env: bool = True


class Up42Client:
    def __init__(
        self,
        endpoints: Endpoints,
        credentials: Credentials,
        network: NetworkOptions | None = None,
    ) -> None:
        raise NotImplementedError

    # --- account -----------------------------------------------------------------------------
    def account(self) -> Account:
        """Signs in if needed; userinfo (``sub`` is the workspace id). Cached."""
        raise NotImplementedError

    # --- glossary ----------------------------------------------------------------------------
    def collections(self) -> list[Collection]:
        """Every page of ``/v2/collections``."""
        raise NotImplementedError

    # --- catalog -----------------------------------------------------------------------------
    def search_page(self, request: SearchRequest, next_request: JSON | None = None) -> ScenePage:
        """The first page of a search, or the page a previous page's ``next_request`` names."""
        raise NotImplementedError

    def search(self, request: SearchRequest, max_scenes: int | None = None) -> Iterator[ScenePage]:
        """Yields page after page until the last one or ``max_scenes``."""
        raise NotImplementedError

    def preview(self, scene: Scene, kind: str = "quicklook") -> bytes:
        """The thumbnail or quicklook image bytes (``download-url`` then the signed URL)."""
        raise NotImplementedError

    # --- estimate and order ------------------------------------------------------------------
    def estimate(self, request: OrderRequest) -> Estimate:
        """A per-scene refusal comes back as ``Estimate.error``; whole-request failures raise."""
        raise NotImplementedError

    def place_order(self, request: OrderRequest) -> PlacedOrder:
        """POSTs once, never retried. After an ambiguous failure (timeout, dropped connection,
        5xx) looks the order up by display name and tag; raises AmbiguousPlacementError if
        that cannot settle it."""
        raise NotImplementedError

    def find_orders(self, display_name: str, tags: Sequence[str] = ()) -> list[Order]:
        """Orders of the workspace whose display name matches exactly (and carry the tags)."""
        raise NotImplementedError

    def order(self, order_id: str) -> Order:
        raise NotImplementedError

    def orders(
        self,
        order_ids: Sequence[str] | None = None,
        statuses: Sequence[str] | None = None,
        page_size: int = 100,
        max_orders: int | None = None,
    ) -> list[Order]:
        """The workspace's orders, newest first; ``order_ids`` asks for many in one call."""
        raise NotImplementedError

    def cancel_order(self, order_id: str) -> str:
        """Returns the new status (``CANCELED``)."""
        raise NotImplementedError

    # --- delivery ----------------------------------------------------------------------------
    def delivery(self, order_id: str) -> Delivery:
        """The storage collections and items of an order, with their assets."""
        raise NotImplementedError

    def signed_url(self, href: str) -> str:
        """A fresh signed URL for an asset href (or a preview href ending in /download-url)."""
        raise NotImplementedError
