"""Deliveries of fulfilled orders as the storage STAC API (contract §8) and their assets."""

from __future__ import annotations

import dataclasses
import json
from typing import Any
from urllib.parse import urlencode

from tests.sandbox import geo, paging
from tests.sandbox.accounts import WORKSPACE_ID
from tests.sandbox.errors import bad_request, not_found
from tests.sandbox.files import Blob, FileStore
from tests.sandbox.knobs import Knobs
from tests.sandbox.order_records import Order, utc_stamp
from tests.sandbox.orders import OrderBook
from tests.sandbox.world import stable_uuid

COG_TYPE = "image/tiff; application=geotiff; profile=cloud-optimized"
FILTER_PROPERTIES = ("order_id", "asset_id", "collection", "id", "workspace_id",
                     "collection_name")


@dataclasses.dataclass(frozen=True)
class AssetRef:
    id: str
    order: Order
    key: str  # the asset's key in its item or collection: its file name
    kind: str  # "cog:ms", "cog:visual", "metadata", "original", "large"
    title: str
    content_type: str
    roles: tuple[str, ...]
    item: str | None  # the item's variant, None for collection assets

    def as_json(self, api: str) -> dict[str, Any]:
        return {"href": f"{api}/v2/assets/{self.id}", "title": self.title,
                "type": self.content_type, "roles": list(self.roles)}


def _item_variants(order: Order) -> list[str]:
    return ["ms", "visual"] if order.scene.collection.name in ("phr", "pneo") else ["ms"]


class Storage:
    def __init__(self, orders: OrderBook, files: FileStore, knobs: Knobs) -> None:
        self.orders = orders
        self.files = files
        self.knobs = knobs

    # --- what each order has delivered --------------------------------------------------
    def delivered_items(self, order: Order) -> list[str]:
        if order.status == "FULFILLED":
            return _item_variants(order)
        if order.status == "BEING_FULFILLED":
            return _item_variants(order)[:1]
        return []

    def collection_id(self, order: Order) -> str:
        return stable_uuid("storage-collection", order.id)

    def item_id(self, order: Order, variant: str) -> str:
        return stable_uuid("storage-item", order.id, variant)

    def original_is_tgz(self, order: Order) -> bool:
        return order.scene.collection.name in self.knobs.get("original_as_tgz")

    def collection_assets(self, order: Order) -> list[AssetRef]:
        scene_id = order.scene.properties["sceneId"]
        if self.original_is_tgz(order):
            # UP42 delivers gzip tarballs too, sometimes under a .zip name (contract §8.2).
            suffix = ".tar.gz" if order.scene.collection.name == "spot" else ".zip"
            return [AssetRef(stable_uuid("asset", order.id, "original"), order, scene_id + suffix,
                             "original", "Original Delivery", "application/gzip",
                             ("data", "original"), None)]
        return [AssetRef(stable_uuid("asset", order.id, "original"), order, f"{scene_id}.zip",
                         "original", "Original Delivery", "application/zip",
                         ("data", "original"), None)]

    def item_assets(self, order: Order, variant: str) -> list[AssetRef]:
        if variant == "ms":
            refs = [AssetRef(stable_uuid("asset", order.id, "ms"), order, "ms.tif", "cog:ms",
                             "Multispectral data", COG_TYPE, ("data", "multispectral"), "ms")]
        else:
            refs = [AssetRef(stable_uuid("asset", order.id, "visual"), order, "visual.tif",
                             "cog:visual", "Pan-sharpened true colour", COG_TYPE,
                             ("data", "visual"), "visual")]
        refs.append(AssetRef(stable_uuid("asset", order.id, variant, "metadata"), order,
                             "metadata.json", "metadata", "Metadata", "application/json",
                             ("metadata",), variant))
        large = self.knobs.get("asset_size_bytes")
        if large and variant == "ms":
            refs.append(AssetRef(stable_uuid("asset", order.id, "large", large), order, "large.bin",
                                 "large", "Large test payload", "application/octet-stream",
                                 ("data",), variant))
        return refs

    def foreign_assets(self, variant: str) -> dict[str, Any]:
        """The ``foreign_asset_href`` knob: an asset stored outside {API} (contract §8.1)."""
        href = self.knobs.get("foreign_asset_href")
        if not href or variant != "ms":
            return {}
        return {"external.tif": {"href": href, "title": "Stored elsewhere", "type": COG_TYPE,
                                 "roles": ["data"]}}

    def all_assets(self) -> dict[str, AssetRef]:
        refs: dict[str, AssetRef] = {}
        for order in self.orders.all():
            variants = self.delivered_items(order)
            if not variants:
                continue
            for ref in self.collection_assets(order):
                refs[ref.id] = ref
            for variant in variants:
                for ref in self.item_assets(order, variant):
                    refs[ref.id] = ref
        return refs

    def asset(self, asset_id: str) -> AssetRef:
        ref = self.all_assets().get(asset_id)
        if ref is None:
            raise not_found(f"Asset {asset_id} not found")
        return ref

    # --- the files behind the assets ----------------------------------------------------
    def metadata(self, order: Order, variant: str) -> dict[str, Any]:
        scene = order.scene
        return {
            "orderId": order.id, "displayName": order.display_name,
            "dataProduct": {"id": order.product.id, "name": order.product.name},
            "collection": scene.collection.name, "sceneId": scene.properties["sceneId"],
            "imageId": scene.id, "acquisitionDate": scene.timestamp,
            "cloudCoverage": scene.cloud_cover, "resolution": scene.collection.resolution,
            "variant": variant, "crs": "EPSG:4326", "aoi": order.aoi,
            "coverage": geo.rounded_mapping(order.coverage),
            "areaKm2": order.size_km2, "providerProperties": scene.properties["providerProperties"],
        }

    def blob(self, ref: AssetRef) -> Blob:
        order = ref.order
        key = f"orders/{order.id}"
        if ref.kind.startswith("cog:"):
            variant = ref.kind.split(":", 1)[1]
            path = self.files.cog(f"{key}/{variant}", order.scene, order.coverage, variant)
        elif ref.kind == "metadata":
            path = self.files.json_file(f"{key}/{ref.item}", "metadata.json",
                                        self.metadata(order, ref.item or "ms"))
        elif ref.kind == "original":
            tif = self.files.cog(f"{key}/ms", order.scene, order.coverage, "ms")
            folder = order.scene.properties["sceneId"]
            make = self.files.original_tgz if self.original_is_tgz(order) else \
                self.files.original_zip
            path = make(f"{key}/original", folder, tif, self.metadata(order, "ms"))
        else:
            return Blob(ref.key, ref.content_type, generated_size=self.knobs.get(
                "asset_size_bytes"), generated_seed=ref.id)
        return Blob(ref.key, ref.content_type, path=path)

    def asset_info(self, asset_id: str) -> dict[str, Any]:
        ref = self.asset(asset_id)
        return {"id": ref.id, "name": ref.key, "contentType": ref.content_type,
                "workspaceId": WORKSPACE_ID, "orderId": ref.order.id,
                "createdAt": utc_stamp(ref.order.updated_wall or ref.order.created_wall)}

    # --- STAC JSON ----------------------------------------------------------------------
    def collection_json(self, order: Order, api: str) -> dict[str, Any]:
        cid = self.collection_id(order)
        base = f"{api}/v2/assets/stac/collections/{cid}"
        return {
            "type": "Collection", "stac_version": "1.0.0", "id": cid,
            "title": order.display_name, "description": f"Delivery of order {order.id}",
            "license": "proprietary",
            "extent": {"spatial": {"bbox": [geo.geojson_bbox(order.coverage)]},
                       "temporal": {"interval": [[order.scene.timestamp, None]]}},
            "up42-order:id": order.id,
            "up42-product:collection_name": order.scene.collection.name,
            "up42-product:product_id": order.product.id,
            "up42-system:workspace_id": WORKSPACE_ID,
            "up42-user:title": None, "up42-user:tags": list(order.tags),
            "assets": {ref.key: ref.as_json(api) for ref in self.collection_assets(order)},
            "links": [{"rel": "self", "href": base, "type": "application/json"},
                      {"rel": "items", "href": f"{base}/items", "type": "application/geo+json"},
                      {"rel": "root", "href": f"{api}/v2/assets/stac/", "type": "application/json"},
                      {"rel": "parent", "href": f"{api}/v2/assets/stac/",
                       "type": "application/json"}],
        }

    def item_json(self, order: Order, variant: str, api: str) -> dict[str, Any]:
        cid = self.collection_id(order)
        iid = self.item_id(order, variant)
        refs = self.item_assets(order, variant)
        base = f"{api}/v2/assets/stac/collections/{cid}"
        return {
            "type": "Feature", "stac_version": "1.0.0", "stac_extensions": [], "id": iid,
            "collection": cid, "bbox": geo.geojson_bbox(order.coverage),
            "geometry": geo.rounded_mapping(order.coverage),
            "properties": {
                "datetime": order.scene.timestamp, "up42-order:id": order.id,
                "up42-system:asset_id": refs[0].id, "up42-system:workspace_id": WORKSPACE_ID,
                "up42-product:collection_name": order.scene.collection.name,
                "up42-product:product_id": order.product.id,
                "up42-user:title": None, "up42-user:tags": list(order.tags),
                "constellation": order.scene.collection.name,
                "eo:cloud_cover": order.scene.cloud_cover, "gsd": order.scene.collection.resolution,
            },
            "assets": {**{ref.key: ref.as_json(api) for ref in refs},
                       **self.foreign_assets(variant)},
            "links": [{"rel": "self", "href": f"{base}/items/{iid}",
                       "type": "application/geo+json"},
                      {"rel": "collection", "href": base, "type": "application/json"},
                      {"rel": "root", "href": f"{api}/v2/assets/stac/",
                       "type": "application/json"}],
        }

    def _items(self, api: str) -> list[tuple[dict[str, Any], set[str]]]:
        """Every delivered item with the asset ids it and its collection carry."""
        items = []
        orders = sorted(self.orders.all(), key=lambda o: o.created_mono, reverse=True)
        for order in orders:
            collection_asset_ids = {ref.id for ref in self.collection_assets(order)}
            for variant in self.delivered_items(order):
                ids = {ref.id for ref in self.item_assets(order, variant)}
                items.append((self.item_json(order, variant, api), ids | collection_asset_ids))
        return items

    def _collections(self) -> list[Order]:
        orders = sorted(self.orders.all(), key=lambda o: o.created_mono, reverse=True)
        return [o for o in orders if self.delivered_items(o)]

    def find_collection(self, cid: str) -> Order:
        for order in self._collections():
            if self.collection_id(order) == cid:
                return order
        raise not_found(f"Collection {cid} not found")

    def landing(self, api: str) -> dict[str, Any]:
        root = f"{api}/v2/assets/stac/"
        return {
            "type": "Catalog", "stac_version": "1.0.0", "id": "up42-storage",
            "title": "UP42 Storage", "description": "Delivered data of this workspace",
            "conformsTo": [
                "https://api.stacspec.org/v1.0.0-rc.1/core",
                "https://api.stacspec.org/v1.0.0-rc.1/item-search",
                "https://api.stacspec.org/v1.0.0-rc.1/item-search#filter",
                "https://api.stacspec.org/v1.0.0-rc.1/collections",
                "https://api.stacspec.org/v1.0.0-rc.1/ogcapi-features",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            ],
            "links": [{"rel": "self", "href": root, "type": "application/json"},
                      {"rel": "root", "href": root, "type": "application/json"},
                      {"rel": "data", "href": f"{root}collections", "type": "application/json"},
                      {"rel": "search", "href": f"{root}search", "type": "application/json",
                       "method": "POST"},
                      {"rel": "search", "href": f"{root}search", "type": "application/json",
                       "method": "GET"}],
        }

    def search(self, body: Any, api: str, *, method: str = "POST",
               query_pairs: list[tuple[str, str]] | None = None) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise bad_request("The search body must be a JSON object")
        unknown = set(body) - {"filter", "filter-lang", "ids", "collections", "limit", "token",
                               "sortby", "fields"}
        if unknown:
            raise bad_request(f"Unknown search parameters: {', '.join(sorted(unknown))}")
        if body.get("filter") is not None and body.get("filter-lang", "cql2-json") != "cql2-json":
            raise bad_request("Only filter-lang cql2-json is supported")
        limit = body.get("limit", 50)
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 500:
            raise bad_request("limit must be an integer between 1 and 500")
        offset = paging.decode_token(body.get("token"))
        if body.get("filter") is not None:  # validate it even when there is nothing to match
            _evaluate(body["filter"], {name: set() for name in FILTER_PROPERTIES})
        matches = []
        for item, asset_ids in self._items(api):
            view = {
                "order_id": {item["properties"]["up42-order:id"]}, "asset_id": asset_ids,
                "collection": {item["collection"]}, "id": {item["id"]},
                "workspace_id": {WORKSPACE_ID},
                "collection_name": {item["properties"]["up42-product:collection_name"]},
            }
            if body.get("ids") is not None and item["id"] not in body["ids"]:
                continue
            if body.get("collections") is not None and item["collection"] not in \
                    body["collections"]:
                continue
            if body.get("filter") is not None and not _evaluate(body["filter"], view):
                continue
            matches.append(item)
        page = matches[offset:offset + limit]
        url = f"{api}/v2/assets/stac/search"
        links: list[dict[str, Any]] = [{"rel": "self", "href": url, "type": "application/json"},
                                       {"rel": "root", "href": f"{api}/v2/assets/stac/",
                                        "type": "application/json"}]
        if page and offset + limit < len(matches):
            token = paging.encode_token(offset + limit)
            if method == "POST":
                links.append({"rel": "next", "href": url, "type": "application/geo+json",
                              "method": "POST", "body": {**body, "token": token}})
            else:
                pairs = [(k, v) for k, v in (query_pairs or []) if k != "token"]
                href = f"{url}?{urlencode([*pairs, ('token', token)])}"
                links.append({"rel": "next", "href": href,
                              "type": "application/geo+json", "method": "GET"})
        return {"type": "FeatureCollection", "features": page, "numberMatched": len(matches),
                "numberReturned": len(page), "links": links}

    def collections(self, query: dict[str, list[str]], api: str) -> dict[str, Any]:
        limit = paging.int_param(query, "limit", 50, 1, 500)
        offset = paging.decode_token((query.get("token") or [None])[0])
        orders = self._collections()
        workspace = (query.get("workspace_id") or [None])[0]
        if workspace and workspace != WORKSPACE_ID:
            orders = []
        page = orders[offset:offset + limit]
        url = f"{api}/v2/assets/stac/collections"
        links = [{"rel": "self", "href": url, "type": "application/json"},
                 {"rel": "root", "href": f"{api}/v2/assets/stac/", "type": "application/json"}]
        if page and offset + limit < len(orders):
            pairs = [(k, v) for k, vs in query.items() for v in vs if k != "token"]
            token = paging.encode_token(offset + limit)
            links.append({"rel": "next", "href": f"{url}?{urlencode([*pairs, ('token', token)])}",
                          "type": "application/json", "method": "GET"})
        return {"collections": [self.collection_json(o, api) for o in page], "links": links}

    def collection(self, cid: str, api: str) -> dict[str, Any]:
        return self.collection_json(self.find_collection(cid), api)

    def collection_items(self, cid: str, query: dict[str, list[str]], api: str) -> dict[str, Any]:
        order = self.find_collection(cid)
        limit = paging.int_param(query, "limit", 50, 1, 500)
        offset = paging.decode_token((query.get("token") or [None])[0])
        items = [self.item_json(order, v, api) for v in self.delivered_items(order)]
        page = items[offset:offset + limit]
        url = f"{api}/v2/assets/stac/collections/{cid}/items"
        links = [{"rel": "self", "href": url, "type": "application/geo+json"},
                 {"rel": "root", "href": f"{api}/v2/assets/stac/", "type": "application/json"}]
        if page and offset + limit < len(items):
            token = paging.encode_token(offset + limit)
            href = f"{url}?{urlencode({'limit': limit, 'token': token})}"
            links.append({"rel": "next", "href": href,
                          "type": "application/geo+json", "method": "GET"})
        return {"type": "FeatureCollection", "features": page, "numberMatched": len(items),
                "numberReturned": len(page), "links": links}

    def item(self, cid: str, iid: str, api: str) -> dict[str, Any]:
        order = self.find_collection(cid)
        for variant in self.delivered_items(order):
            if self.item_id(order, variant) == iid:
                return self.item_json(order, variant, api)
        raise not_found(f"Item {iid} not found in collection {cid}")


def _evaluate(expression: Any, view: dict[str, set[str]]) -> bool:
    """CQL2-JSON: and, or, = and in on the filter properties (contract §8.1)."""
    if not isinstance(expression, dict) or "op" not in expression:
        raise bad_request("Invalid CQL2-JSON filter", json.dumps(expression)[:200])
    op = str(expression["op"]).lower()
    args = expression.get("args")
    if not isinstance(args, list):
        raise bad_request("CQL2-JSON operators need args")
    if op in ("and", "or"):
        results = [_evaluate(arg, view) for arg in args]
        return all(results) if op == "and" else any(results)
    if op not in ("=", "in") or len(args) != 2:
        raise bad_request(f"Unsupported CQL2 operator {op!r}", "Supported: =, in, and, or")
    prop, value = args
    if not isinstance(prop, dict) or prop.get("property") not in FILTER_PROPERTIES:
        raise bad_request(f"Unsupported filter property {prop!r}",
                          f"Supported: {', '.join(FILTER_PROPERTIES)}")
    actual = view[prop["property"]]
    if op == "=":
        return str(value) in actual
    if not isinstance(value, list):
        raise bad_request("The in operator needs a list")
    return any(str(v) in actual for v in value)
