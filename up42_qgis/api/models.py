"""UP42's nouns as small typed dataclasses: collection, data product, scene, estimate, order,
storage item, asset. Parsing tolerates extra fields and missing optional ones."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from .json_values import (
    JSON,
    float_or_none,
    parse_timestamp,
)
from .order_status import (
    CANCELLABLE_STATUSES,
    DECISION_SUB_STATUSES,
    FAILED_STATUSES,
    FINAL_STATUSES,
    PROBLEM_STATUSES,
    OrderStatus,
    OrderSubStatus,
)

# The catalog's nouns live in scenes.py; importing them from here keeps working.
from .scenes import (  # noqa: F401
    MalformedSceneError,
    Scene,
    ScenePage,
    SearchRequest,
    SortField,
)


@dataclass(frozen=True)
class Account:
    """Who the credentials belong to; ``workspace_id`` is userinfo's ``sub``."""

    workspace_id: str
    email: str = ""
    name: str = ""

    @classmethod
    def from_json(cls, data: JSON) -> Account:
        return cls(
            workspace_id=str(data.get("sub") or ""),
            email=str(data.get("email") or ""),
            name=str(data.get("name") or ""),
        )


@dataclass(frozen=True)
class DataProduct:
    name: str
    title: str
    description: str = ""
    id: str | None = None
    eula_id: str | None = None

    @property
    def orderable(self) -> bool:
        return bool(self.id)

    @classmethod
    def from_json(cls, data: JSON) -> DataProduct:
        return cls(
            name=str(data.get("name") or ""),
            title=str(data.get("title") or data.get("name") or ""),
            description=str(data.get("description") or ""),
            id=data.get("id") or None,
            eula_id=data.get("eulaId") or None,
        )


@dataclass(frozen=True)
class Collection:
    name: str
    title: str
    description: str = ""
    type: str = "ARCHIVE"
    integrations: tuple[str, ...] = ()
    provider_names: tuple[str, ...] = ()
    host_names: tuple[str, ...] = ()
    data_products: tuple[DataProduct, ...] = ()
    product_type: str | None = None
    resolution: float | None = None

    @property
    def orderable_products(self) -> tuple[DataProduct, ...]:
        return tuple(p for p in self.data_products if p.orderable)

    @property
    def searchable(self) -> bool:
        return not self.integrations or "SEARCH_AVAILABLE" in self.integrations

    @classmethod
    def from_json(cls, data: JSON) -> Collection:
        providers = [p for p in data.get("providers") or [] if isinstance(p, dict)]
        metadata = data.get("metadata") or {}
        resolution_value = metadata.get("resolutionValue") or {}
        return cls(
            name=str(data.get("name") or ""),
            title=str(data.get("title") or data.get("name") or ""),
            description=str(data.get("description") or ""),
            type=str(data.get("type") or "ARCHIVE"),
            integrations=tuple(str(i) for i in data.get("integrations") or ()),
            provider_names=tuple(str(p.get("name")) for p in providers if p.get("name")),
            host_names=tuple(
                str(p.get("name"))
                for p in providers
                if p.get("name") and "HOST" in (p.get("roles") or ())
            ),
            data_products=tuple(
                DataProduct.from_json(p)
                for p in data.get("dataProducts") or ()
                if isinstance(p, dict)
            ),
            product_type=metadata.get("productType"),
            resolution=float_or_none(resolution_value.get("minimum")),
        )


def cloudless_collections(collections: Iterable[Collection]) -> tuple[str, ...]:
    """The names of the glossary's collections without a cloud cover (radar: product type
    SAR), for ``SearchRequest.cloudless_collections``: a cloud limit never drops their
    scenes. The dock's search and ``up42:search`` both fill it from here."""
    names = (c.name for c in collections if c.name and (c.product_type or "").upper() == "SAR")
    return tuple(dict.fromkeys(names))


@dataclass(frozen=True)
class OrderRequest:
    """One order: one scene and one AOI (GeoJSON geometry in EPSG:4326) for an archive
    order; for a tasking order (``api.tasking.tasking_request`` builds it) ``params`` holds
    the order form's values, ``geometry_types`` what its geometry may be, and ``scene_id`` only
    names the request (a digest of its params: two windows over one AOI are two requests)."""

    data_product_id: str
    scene_id: str
    aoi: JSON
    display_name: str
    tags: tuple[str, ...] = ("qgis",)
    budget_id: str | None = None
    params: JSON | None = None  # None: an archive order, params {"id": scene_id}
    geometry_types: tuple[str, ...] = ("Polygon",)

    @property
    def is_tasking(self) -> bool:
        return self.params is not None


@dataclass(frozen=True)
class Estimate:
    """The estimate of one OrderRequest; ``error`` is set when UP42 refused that scene."""

    scene_id: str
    credits: float | None = None
    size: float | None = None
    unit: str = ""
    error: str | None = None
    failure: Exception | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return self.error is None and self.credits is not None

    @property
    def zero_price(self) -> bool:
        """A price of 0 credits for an area: possible (a free product) but suspicious, so
        the user must say yes to it explicitly rather than by the usual confirmation."""
        return self.ok and self.credits == 0


@dataclass(frozen=True)
class Budget:
    """A workspace budget (contract §9); the usage fields are there only with ``includeUsage``."""

    id: str
    name: str = ""
    status: str = ""
    remaining_credits: float | None = None
    consumed_credits: float | None = None
    spend_limit: float | None = None

    @property
    def active(self) -> bool:
        return self.status == "ACTIVE"

    @classmethod
    def from_json(cls, data: JSON) -> Budget:
        return cls(
            id=str(data.get("id") or ""),
            name=str(data.get("name") or ""),
            status=str(data.get("status") or "").upper(),
            remaining_credits=float_or_none(data.get("remainingCredits")),
            consumed_credits=float_or_none(data.get("consumedCredits")),
            spend_limit=float_or_none(data.get("spendLimit")),
        )


@dataclass(frozen=True)
class PlacedOrder:
    """The outcome of placing one OrderRequest: an order id, or an error."""

    scene_id: str
    order_id: str | None = None
    error: str | None = None
    recovered: bool = False  # found by lookup after an ambiguous failure of the POST
    sent: bool = True  # False: not POSTed at all (stopped before it; ``failure`` says why)
    failure: Exception | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Order:
    id: str
    display_name: str
    status: OrderStatus | str  # a str only for a status UP42 added after this plugin
    type: str = "ARCHIVE"
    workspace_id: str = ""
    data_product_id: str | None = None
    tags: tuple[str, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None
    aoi: JSON | None = None
    image_id: str | None = None
    # Tasking orders: where feasibility and quotation stand (a str for one UP42 added later).
    sub_status: OrderSubStatus | str | None = None
    acquisition_start: datetime | None = None
    acquisition_end: datetime | None = None

    @property
    def is_tasking(self) -> bool:
        return self.type == "TASKING"

    @property
    def awaits_decision(self) -> bool:
        """A feasibility study or a quotation waits for the user's decision (in the plugin or
        the console); nothing is decided without them."""
        return not self.is_final and self.sub_status in DECISION_SUB_STATUSES

    @property
    def is_final(self) -> bool:
        """Never moves again: polling stops (PLACEMENT_FAILED is not final)."""
        return self.status in FINAL_STATUSES

    @property
    def is_open(self) -> bool:
        """In progress: a known open status, or one UP42 added that we do not know."""
        return not self.is_final and self.status not in PROBLEM_STATUSES

    @property
    def is_fulfilled(self) -> bool:
        return self.status == OrderStatus.FULFILLED

    @property
    def has_failed(self) -> bool:
        """Failed for good (FAILED_PERMANENTLY, FAILED)."""
        return self.status in FAILED_STATUSES

    @property
    def has_problem(self) -> bool:
        """A problem UP42 may still resolve (PLACEMENT_FAILED and the like): still tracked."""
        return self.status in PROBLEM_STATUSES

    @property
    def can_cancel(self) -> bool:
        return self.status in CANCELLABLE_STATUSES

    @classmethod
    def from_json(cls, data: JSON) -> Order:
        details = data.get("orderDetails") or {}
        return cls(
            id=str(data.get("id") or ""),
            display_name=str(data.get("displayName") or ""),
            status=OrderStatus.parse(data.get("status")),
            type=str(data.get("type") or "ARCHIVE"),
            workspace_id=str(data.get("workspaceId") or ""),
            data_product_id=data.get("dataProductId"),
            tags=tuple(str(t) for t in data.get("tags") or ()),
            created_at=parse_timestamp(data.get("createdAt")),
            updated_at=parse_timestamp(data.get("updatedAt")),
            aoi=details.get("aoi") or details.get("geometry"),
            image_id=details.get("imageId"),
            sub_status=OrderSubStatus.parse(details.get("subStatus")),
            acquisition_start=parse_timestamp(details.get("acquisitionStart")),
            acquisition_end=parse_timestamp(details.get("acquisitionEnd")),
        )


@dataclass(frozen=True)
class Asset:
    """A downloadable file of a delivery; ``href`` is ``{API}/v2/assets/{asset_id}``."""

    key: str
    href: str
    title: str = ""
    media_type: str = ""
    roles: tuple[str, ...] = ()

    @property
    def asset_id(self) -> str:
        return self.href.rstrip("/").rsplit("/", 1)[-1]

    @property
    def is_raster(self) -> bool:
        kind = self.media_type.lower()
        return "tiff" in kind or "jp2" in kind or self.key.lower().endswith((".tif", ".tiff"))

    @property
    def is_archive(self) -> bool:
        """Named or typed as an archive (ZIP, TAR, TGZ). Only a hint: what a file really is
        comes from its content (``api.archive.archive_kind``)."""
        kind = self.media_type.lower()
        return any(k in kind for k in ("zip", "gzip", "x-tar")) or self.key.lower().endswith(
            (".zip", ".tar", ".tgz", ".tar.gz")
        )

    @property
    def is_zip(self) -> bool:
        """Kept for callers: any archive (a "ZIP" delivery may be a TGZ; both unpack through
        ``safe_extract_zip``)."""
        return self.is_archive

    @property
    def origin(self) -> str:
        from urllib.parse import urlsplit

        parts = urlsplit(self.href)
        return f"{parts.scheme}://{parts.netloc}" if parts.scheme else self.href[:40]

    def is_foreign(self, api: str) -> bool:
        """True unless ``href`` lies under ``{API}`` (same scheme, host, port and path
        prefix): the token and the ``download-url`` call go to ``{API}`` only (§8.1)."""
        from .origins import is_under_origin

        return not is_under_origin(self.href, api)

    @classmethod
    def from_json(cls, key: str, data: JSON) -> Asset:
        return cls(
            key=key,
            href=str(data.get("href") or ""),
            title=str(data.get("title") or ""),
            media_type=str(data.get("type") or ""),
            roles=tuple(str(r) for r in data.get("roles") or ()),
        )


@dataclass(frozen=True)
class StorageItem:
    """A STAC item of the storage API: part of an order's delivery."""

    id: str
    collection_id: str
    order_id: str
    geometry: JSON | None
    acquired: datetime | None
    assets: tuple[Asset, ...] = ()

    @classmethod
    def from_json(cls, data: JSON) -> StorageItem:
        props = data.get("properties") or {}
        return cls(
            id=str(data.get("id") or ""),
            collection_id=str(data.get("collection") or ""),
            order_id=str(props.get("up42-order:id") or ""),
            geometry=data.get("geometry"),
            acquired=parse_timestamp(props.get("datetime")),
            assets=tuple(
                Asset.from_json(key, value)
                for key, value in (data.get("assets") or {}).items()
                if isinstance(value, dict)
            ),
        )


@dataclass(frozen=True)
class Delivery:
    """Everything an order delivered: its storage collections' assets and items' assets."""

    order_id: str
    items: tuple[StorageItem, ...] = ()
    collection_assets: tuple[Asset, ...] = ()

    @property
    def assets(self) -> tuple[Asset, ...]:
        seen: dict[str, Asset] = {}
        for asset in (*self.collection_assets, *(a for i in self.items for a in i.assets)):
            seen.setdefault(asset.href, asset)
        return tuple(seen.values())
