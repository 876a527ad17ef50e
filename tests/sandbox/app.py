"""The sandbox's state and its routes: every endpoint of the contract plus /_sandbox admin."""

from __future__ import annotations

import dataclasses
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from tests.sandbox import budgets, catalog, catalog_links
from tests.sandbox.accounts import Accounts
from tests.sandbox.errors import ApiError, bad_request, not_found
from tests.sandbox.files import Blob, FileStore
from tests.sandbox.knobs import Knobs
from tests.sandbox.orders import OrderBook
from tests.sandbox.signing import Signer
from tests.sandbox.storage import Storage
from tests.sandbox.world import World, scene_json


@dataclasses.dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    query_pairs: list[tuple[str, str]]
    headers: Any
    body: bytes
    api: str
    params: dict[str, str] = dataclasses.field(default_factory=dict)

    def json(self) -> Any:
        """The JSON body; None when there is none (bodiless POSTs are fine)."""
        import json

        if not self.body.strip():
            return None
        try:
            return json.loads(self.body)
        except (ValueError, UnicodeDecodeError):
            raise bad_request("The request body is not valid JSON") from None

    def form(self) -> dict[str, list[str]]:
        return parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True)


@dataclasses.dataclass
class Response:
    status: int = 200
    json: Any = None
    data: bytes | None = None
    content_type: str = "application/json"
    headers: dict[str, str] = dataclasses.field(default_factory=dict)
    blob: Blob | None = None  # a download: the handler streams it, with Range support
    drop: bool = False  # close the connection without answering


Handler = Callable[[Request], Response]


class Sandbox:
    def __init__(self, data_dir: Path, username: str, password: str,
                 dwell: dict[str, float] | None = None) -> None:
        self.world = World()
        self.knobs = Knobs(dwell)
        self.accounts = Accounts(username, password)
        self.orders = OrderBook(self.world, self.knobs)
        self.files = FileStore(data_dir)
        self.storage = Storage(self.orders, self.files, self.knobs)
        self.signer = Signer()
        self._log: list[dict[str, Any]] = []
        self._log_lock = threading.Lock()
        self.routes: list[tuple[str, re.Pattern[str], Handler, bool]] = []
        self._register()

    # --- request log ----------------------------------------------------------------------
    def log(self, entry: dict[str, Any]) -> None:
        with self._log_lock:
            self._log.append(entry)

    def request_log(self) -> list[dict[str, Any]]:
        with self._log_lock:
            return list(self._log)

    def clear_log(self) -> None:
        with self._log_lock:
            self._log.clear()

    def reset(self) -> None:
        self.knobs.reset()
        self.orders.reset()
        self.clear_log()

    # --- routing --------------------------------------------------------------------------
    def route(self, method: str, pattern: str, handler: Handler, auth: bool = True) -> None:
        regex = re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", pattern) + "$")
        self.routes.append((method, regex, handler, auth))

    def dispatch(self, request: Request) -> Response:
        path_matched = False
        for method, regex, handler, auth in self.routes:
            match = regex.match(request.path)
            if not match:
                continue
            path_matched = True
            if method != request.method and not (method == "GET" and request.method == "HEAD"):
                continue
            if auth:
                self.accounts.check(request.headers.get("Authorization"))
            request.params = match.groupdict()
            return handler(request)
        if path_matched:
            raise ApiError(405, f"Method {request.method} not allowed on {request.path}")
        raise not_found(f"No such endpoint: {request.path}")

    def _register(self) -> None:
        r = self.route
        auth_base = "/realms/public/protocol/openid-connect"
        r("POST", f"{auth_base}/token", self.token, auth=False)
        r("GET", f"{auth_base}/userinfo", lambda q: Response(json=self.accounts.userinfo()))
        r("GET", "/v2/collections", self.glossary)
        r("GET", "/orders/schema/{product_id}", self.schema)
        r("GET", "/v2/catalog", self.catalog_landing)
        r("GET", "/v2/catalog/", self.catalog_landing)
        r("GET", "/v2/catalog/conformance", self.catalog_conformance)
        r("POST", "/v2/catalog/search", self.catalog_search_post)
        r("GET", "/v2/catalog/search", self.catalog_search_get)
        r("GET", "/v2/catalog/collections", self.catalog_collections)
        r("GET", "/v2/catalog/collections/{name}", self.catalog_collection)
        r("GET", "/v2/catalog/collections/{name}/items/{scene_id}", self.catalog_item)
        r("POST", "/v2/catalog/collections/{name}/items/{scene_id}/{kind}/download-url",
          self.preview_url)
        r("POST", "/catalog/hosts/{host}/stac/search", self.legacy_search)
        r("GET", "/catalog/{host}/image/{scene_id}/quicklook", self.legacy_quicklook)
        r("POST", "/v2/orders/estimate", lambda q: Response(json=self.orders.estimate(q.json())))
        r("POST", "/v2/orders", self.place)
        r("GET", "/v2/orders", lambda q: Response(json=self.orders.list(q.query)))
        r("GET", "/v2/orders/{order_id}",
          lambda q: Response(json=self.orders.get(q.params["order_id"]).as_json()))
        r("PATCH", "/v2/orders/{order_id}",
          lambda q: Response(json=self.orders.patch(q.params["order_id"], q.json() or {})))
        r("POST", "/v2/orders/{order_id}/cancellation",
          lambda q: Response(json=self.orders.cancel(q.params["order_id"])))
        self._register_tasking()
        r("GET", "/v2/assets/stac", lambda q: Response(json=self.storage.landing(q.api)))
        r("GET", "/v2/assets/stac/", lambda q: Response(json=self.storage.landing(q.api)))
        r("POST", "/v2/assets/stac/search",
          lambda q: Response(json=self.storage.search(q.json() or {}, q.api)))
        r("GET", "/v2/assets/stac/search", self.storage_search_get)
        r("GET", "/v2/assets/stac/collections",
          lambda q: Response(json=self.storage.collections(q.query, q.api)))
        r("GET", "/v2/assets/stac/collections/{cid}",
          lambda q: Response(json=self.storage.collection(q.params["cid"], q.api)))
        r("GET", "/v2/assets/stac/collections/{cid}/items",
          lambda q: Response(json=self.storage.collection_items(q.params["cid"], q.query, q.api)))
        r("GET", "/v2/assets/stac/collections/{cid}/items/{iid}",
          lambda q: Response(json=self.storage.item(q.params["cid"], q.params["iid"], q.api)))
        r("GET", "/v2/assets/{asset_id}",
          lambda q: Response(json=self.storage.asset_info(q.params["asset_id"])))
        r("POST", "/v2/assets/{asset_id}/download-url", self.asset_url)
        r("GET", "/signed/{opaque}", self.signed_download, auth=False)
        r("GET", "/v2/budgets", lambda q: Response(json=budgets.budgets(self.orders, q.query)))
        r("GET", "/v2/budgets/settings", lambda q: Response(json={
            "enforcementEnabled": self.knobs.get("budget_enforcement"),
            "budgetSettingId": None}))
        r("GET", "/v2/budgets/{budget_id}",
          lambda q: Response(json=budgets.budget(self.orders, q.params["budget_id"],
                                                 q.query)))
        r("GET", "/v2/budgets/{budget_id}/usage",
          lambda q: Response(json=budgets.budget_usage(self.orders, q.params["budget_id"])))
        r("GET", "/accounts/me/credits/balance",
          lambda q: Response(json={"data": {"balance": self.orders.balance()}, "error": None}))
        r("GET", "/v2/payments/balances",
          lambda q: Response(json={"available": {"amount": self.orders.balance(),
                                                 "unit": "CREDIT"}}))

    def _register_tasking(self) -> None:
        desk = self.orders.tasking
        # The SDK's paths; UP42's documentation also names /feasibility and /quotations.
        for path in ("/v2/tasking/feasibility-studies", "/v2/tasking/feasibility"):
            self.route("GET", path, lambda q: Response(json=desk.studies(q.query)))
            self.route("PATCH", path + "/{study_id}", lambda q: Response(
                json=desk.choose_option(q.params["study_id"], q.json())))
        for path in ("/v2/tasking/quotation", "/v2/tasking/quotations"):
            self.route("GET", path, lambda q: Response(json=desk.quotations(q.query)))
            self.route("PATCH", path + "/{quotation_id}", lambda q: Response(
                json=desk.decide(q.params["quotation_id"], q.json())))
        self.route("GET", "/v2/coverage/orders/{order_id}",
                   lambda q: Response(json=desk.coverage(q.params["order_id"])))

    # --- auth and glossary ----------------------------------------------------------------
    def token(self, request: Request) -> Response:
        return Response(json=self.accounts.grant(request.form(),
                                                 self.knobs.get("token_lifetime_s")))

    def glossary(self, request: Request) -> Response:
        from tests.sandbox import paging

        items = [c.as_json() for c in self.world.collections]
        wanted = request.query.get("type")
        if wanted:
            items = [c for c in items if c["type"] in wanted]
        items = paging.sort_items(items, request.query, ("name", "title", "description", "type"),
                                  "name,asc")
        return Response(json=paging.page_of(items, request.query))

    def schema(self, request: Request) -> Response:
        from tests.sandbox.tasking_records import is_tasking
        from tests.sandbox.tasking_schema import schema_for
        from tests.sandbox.world import PRODUCTS_BY_ID

        product = PRODUCTS_BY_ID.get(request.params["product_id"])
        if product is None:
            raise not_found(f"Data product {request.params['product_id']} not found")
        if is_tasking(product):
            return Response(json=schema_for(product, self.knobs.get("tasking_schema_extra")))
        return Response(json={
            "$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
            "properties": {"id": {"type": "string", "title": "Image ID"}},
            "required": ["id"], "additionalProperties": False})

    # --- catalog --------------------------------------------------------------------------

    def catalog_landing(self, request: Request) -> Response:
        root = f"{request.api}/v2/catalog/"
        return Response(json={
            "type": "Catalog", "stac_version": "1.0.0", "id": "up42-catalog",
            "title": "UP42 Catalog", "description": "UP42 archive catalog",
            "conformsTo": self.knobs.get("catalog_conformance"),
            "links": [
                {"rel": "self", "href": root, "type": "application/json"},
                {"rel": "root", "href": root, "type": "application/json"},
                {"rel": "data", "href": f"{root}collections", "type": "application/json"},
                {"rel": "search", "href": f"{root}search", "type": "application/geo+json",
                 "method": "POST"},
                {"rel": "search", "href": f"{root}search", "type": "application/geo+json",
                 "method": "GET"},
            ]})

    def catalog_conformance(self, request: Request) -> Response:
        return Response(json={"conformsTo": self.knobs.get("catalog_conformance")})

    def _catalog_search(self, request: Request, method: str, body: Any) -> Response:
        search = catalog.parse_body(body, conformance=self.knobs.get("catalog_conformance"))
        search.stac_only = self.knobs.get("catalog_stac_only_properties")
        page = catalog.search_page(
            self.world, search, request.api, method=method, body=body,
            query_pairs=request.query_pairs if method == "GET" else [],
            next_style=self.knobs.get("catalog_next_style"))
        return Response(json=page, content_type="application/geo+json")

    def catalog_search_post(self, request: Request) -> Response:
        body = request.json() or {}
        legacy_next = (request.query.get("next") or [None])[0]
        if legacy_next and isinstance(body, dict) and not body.get("token"):
            body = {**body, "token": legacy_next}  # the legacy-next style re-POSTs the body
        return self._catalog_search(request, "POST", body)

    def catalog_search_get(self, request: Request) -> Response:
        return self._catalog_search(request, "GET", catalog_links.body_from_query(request.query))

    def count_scenes(self, body: Any) -> int:
        search = catalog.parse_body(body or {}, allow_token=False)
        return len(catalog.matching_scenes(self.world, search))

    def catalog_collections(self, request: Request) -> Response:
        specs = [c for c in self.world.collections if c.type == "ARCHIVE"]
        return Response(json={
            "collections": [catalog.stac_collection(c, self.world, request.api) for c in specs],
            "links": [{"rel": "self", "href": f"{request.api}/v2/catalog/collections"},
                      {"rel": "root", "href": f"{request.api}/v2/catalog/"}]})

    def catalog_collection(self, request: Request) -> Response:
        spec = self.world.collections_by_name.get(request.params["name"])
        if spec is None:
            raise not_found(f"Collection {request.params['name']} not found")
        return Response(json=catalog.stac_collection(spec, self.world, request.api))

    def _scene(self, name: str, scene_id: str) -> Any:
        scene = self.world.scenes_by_id.get(scene_id)
        if scene is None or scene.collection.name != name:
            raise not_found(f"Item {scene_id} not found in collection {name}")
        return scene

    def catalog_item(self, request: Request) -> Response:
        scene = self._scene(request.params["name"], request.params["scene_id"])
        return Response(json=scene_json(scene, request.api), content_type="application/geo+json")

    def preview_url(self, request: Request) -> Response:
        scene = self._scene(request.params["name"], request.params["scene_id"])
        kind = request.params["kind"]
        if kind not in ("thumbnail", "quicklook"):
            raise not_found(f"Asset {kind} not found")
        extension = "png" if kind == "thumbnail" else "jpg"
        url = self.signer.sign(request.api, f"preview:{scene.id}:{kind}",
                               f"{kind}_{scene.id}.{extension}", self.knobs.get("signed_url_ttl_s"))
        return Response(json={"url": url})

    def legacy_search(self, request: Request) -> Response:
        next_token = (request.query.get("next") or [None])[0]
        return Response(json=catalog.legacy_search(self.world, request.params["host"],
                                                   request.json() or {}, next_token, request.api))

    def legacy_quicklook(self, request: Request) -> Response:
        scene = self.world.scenes_by_id.get(request.params["scene_id"])
        if scene is None or scene.collection.host != request.params["host"]:
            raise ApiError(404, "Not Found")
        path = self.files.preview(scene, "quicklook")
        return Response(data=path.read_bytes(), content_type="image/jpeg")

    # --- orders and downloads -------------------------------------------------------------
    def place(self, request: Request) -> Response:
        body = request.json()
        result = self.orders.place(body, (request.query.get("workspaceId") or [None])[0])
        fault = self.knobs.take_placement_fault() if result["results"] else None
        if fault == "delay":
            time.sleep(self.knobs.get("placement_delay_s"))
        elif fault == "drop":
            return Response(drop=True)
        elif fault == "error":
            raise ApiError(502, "Bad Gateway")
        return Response(json=result)

    def storage_search_get(self, request: Request) -> Response:
        body: dict[str, Any] = {}
        for name in ("ids", "collections"):
            if request.query.get(name):
                body[name] = request.query[name][0].split(",")
        if request.query.get("limit"):
            try:
                body["limit"] = int(request.query["limit"][0])
            except ValueError:
                raise bad_request("limit must be an integer") from None
        if request.query.get("token"):
            body["token"] = request.query["token"][0]
        if request.query.get("filter"):
            import json

            try:
                body["filter"] = json.loads(request.query["filter"][0])
            except ValueError:
                raise bad_request("filter must be CQL2-JSON") from None
        return Response(json=self.storage.search(body, request.api, method="GET",
                                                 query_pairs=request.query_pairs))

    def asset_url(self, request: Request) -> Response:
        ref = self.storage.asset(request.params["asset_id"])
        url = self.signer.sign(request.api, f"asset:{ref.id}", ref.key,
                               self.knobs.get("signed_url_ttl_s"))
        return Response(json={"url": url})

    def blob_for(self, target: str) -> Blob:
        kind, _, rest = target.partition(":")
        if kind == "asset":
            return self.storage.blob(self.storage.asset(rest))
        if kind == "preview":
            scene_id, _, preview = rest.partition(":")
            scene = self.world.scenes_by_id.get(scene_id)
            if scene is None or preview not in ("thumbnail", "quicklook"):
                raise ApiError(404, "NoSuchKey: the object does not exist")
            path = self.files.preview(scene, preview)
            content_type = "image/png" if preview == "thumbnail" else "image/jpeg"
            return Blob(path.name, content_type, path=path)
        raise ApiError(404, "NoSuchKey: the object does not exist")

    def signed_download(self, request: Request) -> Response:
        target, filename = self.signer.verify(request.params["opaque"], request.query,
                                              self.knobs.get("signed_url_expired_status"))
        blob = self.blob_for(target)
        return Response(blob=dataclasses.replace(blob, filename=filename),
                        content_type=blob.content_type)

    def admin(self, request: Request) -> Response:
        from tests.sandbox.admin import handle_admin

        return handle_admin(self, request)
