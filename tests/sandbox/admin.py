"""The /_sandbox/... admin endpoints tests use through SandboxControl (no auth, not logged)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tests.sandbox.accounts import WORKSPACE_ID
from tests.sandbox.app import Request, Response
from tests.sandbox.errors import not_found
from tests.sandbox.world import scene_json

if TYPE_CHECKING:
    from tests.sandbox.app import Sandbox


def handle_admin(sandbox: Sandbox, request: Request) -> Response:
    path, method = request.path[len("/_sandbox"):], request.method
    if path == "/account" and method == "GET":
        return Response(json={"username": sandbox.accounts.username,
                              "password": sandbox.accounts.password,
                              "workspace_id": WORKSPACE_ID})
    if path == "/reset" and method == "POST":
        sandbox.reset()
        return Response(json={"reset": True})
    if path == "/knobs" and method == "GET":
        return Response(json=sandbox.knobs.snapshot())
    if path == "/knobs" and method == "POST":
        return Response(json=sandbox.knobs.configure(request.json() or {}))
    if path == "/log" and method == "GET":
        return Response(json=sandbox.request_log())
    if path == "/log" and method == "DELETE":
        sandbox.clear_log()
        return Response(json={"cleared": True})
    if path == "/count-scenes" and method == "POST":
        return Response(json={"count": sandbox.count_scenes(request.json())})
    if path == "/state" and method == "GET":
        return Response(json={"orders": sandbox.orders.state(),
                              "credits": {"balance": sandbox.orders.balance(),
                                          "spent": sandbox.orders.spent_credits()},
                              "knobs": sandbox.knobs.snapshot()})
    if path == "/token" and method == "POST":
        return Response(json=sandbox.accounts.issue(sandbox.knobs.get("token_lifetime_s")))
    if path == "/expire-tokens" and method == "POST":
        sandbox.accounts.expire_all()
        return Response(json={"expired": True})
    match = re.fullmatch(r"/orders/([^/]+)/status", path)
    if match and method == "POST":
        status = (request.json() or {}).get("status")
        return Response(json=sandbox.orders.force(match.group(1), str(status)))
    match = re.fullmatch(r"/tasking/([^/]+)/console", path)
    if match and method == "POST":
        return Response(json=sandbox.orders.tasking.console(match.group(1), request.json() or {}))
    match = re.fullmatch(r"/assets/([^/]+)", path)
    if match and method == "GET":
        blob = sandbox.storage.blob(sandbox.storage.asset(match.group(1)))
        return Response(blob=blob, content_type=blob.content_type)
    match = re.fullmatch(r"/scenes/([^/]+)", path)
    if match and method == "GET":
        scene = sandbox.world.scenes_by_id.get(match.group(1))
        if scene is None:
            raise not_found(f"Scene {match.group(1)} not found")
        return Response(json=scene_json(scene, request.api))
    raise not_found(f"No such admin endpoint: {method} {request.path}")
