"""What an order delivered (storage STAC API, contract §8) and signed download URLs."""

from __future__ import annotations

from .catalog import next_body, next_link
from .endpoints import Endpoints
from .errors import ForeignAssetError, ServerError
from .http import Transport
from .http_errors import safe_url
from .models import JSON, Asset, Delivery, StorageItem
from .origins import is_under_origin

STORAGE_PAGE_SIZE = 100
MAX_STORAGE_PAGES = 100
# Scanning the workspace's collections is the fallback for an order with no items yet.
MAX_COLLECTION_SCAN_PAGES = 20


def order_filter(order_id: str) -> JSON:
    return {
        "filter": {"op": "=", "args": [{"property": "order_id"}, order_id]},
        "filter-lang": "cql2-json",
        "limit": STORAGE_PAGE_SIZE,
    }


def download_url_href(href: str) -> str:
    """Where to POST for a signed URL: previews already end in ``/download-url``."""
    stripped = href.rstrip("/")
    return stripped if stripped.endswith("/download-url") else f"{stripped}/download-url"


class StorageApi:
    def __init__(self, transport: Transport, endpoints: Endpoints) -> None:
        self._transport = transport
        self._endpoints = endpoints

    def items(self, order_id: str) -> list[StorageItem]:
        body: JSON | None = order_filter(order_id)
        items: list[StorageItem] = []
        for _ in range(MAX_STORAGE_PAGES):
            if body is None:
                break
            payload = self._transport.json(
                "POST",
                self._endpoints.api_url("/v2/assets/stac/search"),
                json_body=body,
                retry_errors=True,  # a search changes nothing
            )
            features = [f for f in payload.get("features") or () if isinstance(f, dict)]
            items.extend(StorageItem.from_json(f) for f in features)
            body = next_body(next_link(payload.get("links")), body) if features else None
        return items

    def collection_assets(self, collection_id: str) -> tuple[Asset, ...]:
        payload = self._transport.json(
            "GET", self._endpoints.api_url(f"/v2/assets/stac/collections/{collection_id}")
        )
        return _assets(payload)

    def _order_collections(self, order_id: str) -> list[JSON]:
        """The workspace's storage collections that belong to ``order_id`` (slow path)."""
        url = self._endpoints.api_url("/v2/assets/stac/collections")
        params: dict[str, str | int] = {"limit": STORAGE_PAGE_SIZE}
        found: list[JSON] = []
        for _ in range(MAX_COLLECTION_SCAN_PAGES):
            payload = self._transport.json("GET", url, params=params)
            collections = [c for c in payload.get("collections") or () if isinstance(c, dict)]
            found += [c for c in collections if c.get("up42-order:id") == order_id]
            link = next_link(payload.get("links"))
            if not collections or link is None:
                break
            url, params = str(link["href"]), {}
        return found

    def delivery(self, order_id: str) -> Delivery:
        items = self.items(order_id)
        collection_assets: list[Asset] = []
        if items:
            for collection_id in dict.fromkeys(i.collection_id for i in items if i.collection_id):
                collection_assets.extend(self.collection_assets(collection_id))
        else:
            for collection in self._order_collections(order_id):
                collection_assets.extend(_assets(collection))
        return Delivery(order_id, tuple(items), tuple(collection_assets))

    def signed_url(self, href: str) -> str:
        """POSTs ``download-url`` with the token, so only for an href under ``{API}``."""
        if not is_under_origin(href, self._endpoints.api):
            raise ForeignAssetError(
                f"{safe_url(href)} is outside UP42 ({self._endpoints.api}): it is not asked for "
                "a download URL, so the sign-in token stays with UP42."
            )
        payload = self._transport.json(
            "POST",
            download_url_href(href),
            retry_errors=True,  # creates nothing
        )
        url = payload.get("url") if isinstance(payload, dict) else None
        if not isinstance(url, str) or not url:
            raise ServerError("UP42 returned no download URL.")
        return url


def _assets(stac_object: JSON) -> tuple[Asset, ...]:
    return tuple(
        Asset.from_json(key, value)
        for key, value in (stac_object.get("assets") or {}).items()
        if isinstance(value, dict)
    )
