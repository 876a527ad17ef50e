"""Test-side control of a running sandbox, over its /_sandbox admin endpoints (stdlib only:
the QGIS venv, the Qt-free venv and the system Python all import this)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

DEFAULT_USERNAME = "sandbox@up42.local"
DEFAULT_PASSWORD = "sandbox"
TOKEN_PATH = "/realms/public/protocol/openid-connect/token"
USERINFO_PATH = "/realms/public/protocol/openid-connect/userinfo"


class SandboxError(RuntimeError):
    pass


class SandboxControl:
    """Knobs, state and the request log of the sandbox at ``url`` (e.g. http://127.0.0.1:8642)."""

    def __init__(self, url: str, timeout: float = 60.0) -> None:
        self.url = url.rstrip("/")
        self.timeout = timeout
        self._account: dict[str, str] | None = None

    # --- plumbing -------------------------------------------------------------------------
    def _call(self, method: str, path: str, body: Any = None) -> Any:
        raw = self._raw(method, path, body)
        return json.loads(raw) if raw else None

    def _raw(self, method: str, path: str, body: Any = None) -> bytes:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")
            raise SandboxError(f"{method} {path}: {error.code} {detail}") from None

    # --- account --------------------------------------------------------------------------
    def _account_info(self) -> dict[str, str]:
        if self._account is None:
            try:
                self._account = self._call("GET", "/_sandbox/account")
            except (SandboxError, OSError):
                return {"username": DEFAULT_USERNAME, "password": DEFAULT_PASSWORD,
                        "workspace_id": ""}
        return self._account

    @property
    def username(self) -> str:
        return self._account_info()["username"]

    @property
    def password(self) -> str:
        return self._account_info()["password"]

    @property
    def workspace_id(self) -> str:
        """userinfo's ``sub``: the workspace id orders are placed in."""
        return self._account_info()["workspace_id"]

    @property
    def token_url(self) -> str:
        return self.url + TOKEN_PATH

    @property
    def userinfo_url(self) -> str:
        return self.url + USERINFO_PATH

    def token_for(self) -> str:
        """A fresh access token for the default account (not logged as API traffic)."""
        return self._call("POST", "/_sandbox/token")["access_token"]

    def expire_tokens(self) -> None:
        """Every token issued so far is expired from now on (the next API call gets 401)."""
        self._call("POST", "/_sandbox/expire-tokens")

    # --- state ----------------------------------------------------------------------------
    def reset(self) -> None:
        """Default knobs, no orders, an empty request log. Tokens stay valid."""
        self._call("POST", "/_sandbox/reset")

    def configure(self, **knobs: Any) -> dict[str, Any]:
        """Set knobs (names in tests/sandbox/README.md); returns all knob values."""
        return self._call("POST", "/_sandbox/knobs", knobs)

    def knobs(self) -> dict[str, Any]:
        return self._call("GET", "/_sandbox/knobs")

    def request_log(self) -> list[dict[str, Any]]:
        """API traffic since the last reset/clear: {"method","path","query","params","status"};
        query is the raw query string, params its parsed form, status 0 for a dropped answer."""
        return self._call("GET", "/_sandbox/log")

    def clear_log(self) -> None:
        self._call("DELETE", "/_sandbox/log")

    def count_scenes(self, search_body: dict[str, Any]) -> int:
        """How many scenes a catalog search with this POST body matches, ignoring paging."""
        return self._call("POST", "/_sandbox/count-scenes", search_body)["count"]

    def state(self) -> dict[str, Any]:
        """{"orders": [order JSON + credits, charged, sceneId, forced], "credits": {...},
        "knobs": {...}}."""
        return self._call("GET", "/_sandbox/state")

    def orders(self) -> list[dict[str, Any]]:
        return self.state()["orders"]

    def force_order_status(self, order_id: str, status: str) -> dict[str, Any]:
        """Put an order into ``status`` now; dwell times continue from there."""
        return self._call("POST", f"/_sandbox/orders/{order_id}/status", {"status": status})

    def console_choose_option(self, order_id: str, option: int = 0) -> dict[str, Any]:
        """Accept the order's feasibility option number ``option`` as the UP42 console would
        (decided elsewhere: the API then answers 409 to a second decision)."""
        return self._call("POST", f"/_sandbox/tasking/{order_id}/console", {"option": option})

    def console_decide_quotation(self, order_id: str, decision: str) -> dict[str, Any]:
        """ACCEPTED or REJECTED, as decided in the UP42 console; returns the order."""
        return self._call("POST", f"/_sandbox/tasking/{order_id}/console",
                          {"quotation": decision})

    def asset_bytes(self, asset_id: str) -> bytes:
        """The exact content of a delivered asset (for byte-identical checks)."""
        return self._raw("GET", f"/_sandbox/assets/{asset_id}")

    def scene(self, scene_id: str) -> dict[str, Any]:
        """A catalog scene as search returns it."""
        return self._call("GET", f"/_sandbox/scenes/{scene_id}")
