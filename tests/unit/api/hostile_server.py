"""A small hostile UP42 (stdlib http.server on 127.0.0.1) for what the sandbox's knobs cannot
fake: a server that creates an order and then answers 503/429 anyway, trickles bytes forever,
hangs before answering, announces a huge body, or records what headers reached it (a foreign
origin that must never see the token).

It signs everybody in, serves userinfo, keeps an order book for ``POST /v2/orders`` and
``GET /v2/orders`` (filtered by ``tags`` and ``displayName`` like UP42), and answers every
other path from ``routes``: a callable taking the handler and returning nothing (it writes
the answer itself) or an answer tuple (status, headers, body bytes).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN_PATH = "/realms/public/protocol/openid-connect/token"
USERINFO_PATH = "/realms/public/protocol/openid-connect/userinfo"
WORKSPACE = "ws-hostile"
Answer = tuple[int, dict[str, str], bytes]
Route = Callable[["Handler"], Answer | None]


def json_answer(status: int, body: Any, **headers: str) -> Answer:
    return status, {"Content-Type": "application/json", **headers}, json.dumps(body).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args: Any) -> None:
        pass

    @property
    def hostile(self) -> HostileServer:
        return self.server.hostile

    def body_json(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            return json.loads(raw) if raw else None
        except ValueError:
            return None

    def send(self, answer: Answer) -> None:
        status, headers, body = answer
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def trickle(self, interval: float, total: int = 10_000, status: int = 200) -> None:
        """Headers at once, then one byte every ``interval`` seconds of a JSON body."""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(total))
        self.end_headers()
        self.wfile.flush()
        try:
            for _ in range(total):
                if self.hostile.stopping.wait(interval):
                    return
                self.wfile.write(b" ")
                self.wfile.flush()
        except OSError:
            return

    def hang(self, seconds: float = 60.0) -> None:
        """Accept the request and answer nothing for ``seconds``."""
        self.hostile.stopping.wait(seconds)
        self.close_connection = True

    def _answer(self) -> None:
        split = urlsplit(self.path)
        query = parse_qs(split.query)
        record = {
            "method": self.command,
            "path": split.path,
            "query": query,
            "headers": {k.lower(): v for k, v in self.headers.items()},
        }
        self.hostile.seen.append(record)
        route = self.hostile.routes.get(f"{self.command} {split.path}")
        if route is not None:
            if self.command in ("POST", "PATCH"):
                record["body"] = self.body_json()
            answer = route(self)
            if answer is not None:
                self.send(answer)
            return
        if split.path == TOKEN_PATH:
            self.body_json()
            self.hostile.tokens += 1
            token = f"hostile-token-{self.hostile.tokens}"
            self.send(json_answer(200, {"access_token": token, "expires_in": 300}))
        elif split.path == USERINFO_PATH:
            self.send(json_answer(200, {"sub": WORKSPACE, "email": "u@example.com"}))
        elif self.command == "POST" and split.path == "/v2/orders":
            record["body"] = self.body_json()
            self.send(self.hostile.create_order(record["body"]))
        elif self.command == "GET" and split.path == "/v2/orders":
            self.send(self.hostile.list_orders(query))
        else:
            self.send(json_answer(404, {"status": 404, "title": f"{split.path} not found"}))

    do_GET = do_POST = do_PATCH = do_DELETE = _answer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    hostile: HostileServer


class HostileServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[dict[str, Any]] = []
        self.orders: list[dict[str, Any]] = []
        self.tokens = 0
        # What POST /v2/orders answers AFTER creating the order: a 200 by default.
        self.order_answers: list[Answer] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self.server = _Server(("127.0.0.1", 0), Handler)
        self.server.hostile = self
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    def route(self, method: str, path: str, route: Route) -> None:
        self.routes[f"{method} {path}"] = route

    def create_order(self, body: Any) -> Answer:
        body = body if isinstance(body, dict) else {}
        features = (body.get("featureCollection") or {}).get("features") or [{}]
        with self._lock:
            order = {
                "id": str(uuid.uuid4()),
                "displayName": body.get("displayName", ""),
                "status": "CREATED",
                "type": "ARCHIVE",
                "workspaceId": WORKSPACE,
                "accountId": "acc",
                "dataProductId": body.get("dataProduct"),
                "tags": list(body.get("tags") or []),
                "createdAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "orderDetails": {
                    "aoi": features[0].get("geometry"),
                    "imageId": (body.get("params") or {}).get("id"),
                },
            }
            self.orders.append(order)
            answer = self.order_answers.pop(0) if self.order_answers else None
        return answer or json_answer(
            200, {"results": [{"index": 0, "id": order["id"]}], "errors": []}
        )

    def list_orders(self, query: dict[str, list[str]]) -> Answer:
        with self._lock:
            orders = list(reversed(self.orders))
        tags = set(query.get("tags") or ())
        if tags:
            orders = [o for o in orders if tags & set(o["tags"])]
        name = (query.get("displayName") or [""])[0].lower()
        if name:
            orders = [o for o in orders if name in o["displayName"].lower()]
        statuses = set(query.get("status") or ())
        if statuses:
            orders = [o for o in orders if o["status"] in statuses]
        return json_answer(
            200,
            {"content": orders, "totalPages": 1, "totalElements": len(orders), "number": 0},
        )

    def requests_to(self, method: str, path: str) -> list[dict[str, Any]]:
        return [r for r in self.seen if r["method"] == method and r["path"] == path]

    def close(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
