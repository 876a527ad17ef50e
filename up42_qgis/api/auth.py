"""Password-grant sign-in (client ``up42-api``), renewed before expiry, shared by threads."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from .endpoints import Credentials, Endpoints
from .errors import AuthenticationError, ServerError
from .http import Transport

CLIENT_ID = "up42-api"
RENEW_MARGIN_S = 30.0


class TokenManager:
    """Hands out a valid access token; at most one sign-in runs at a time.

    Tokens are opaque (never decoded): their lifetime comes from ``expires_in``. A token is
    renewed with a new password grant when less than 30 s remain (as the SDK does), so calls
    never race the expiry; ``invalidate`` drops a token the server refused unexpectedly.
    """

    def __init__(
        self,
        transport: Transport,
        endpoints: Endpoints,
        credentials: Credentials,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._transport = transport
        self._endpoints = endpoints
        self._credentials = credentials
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._renew_at = 0.0
        self.sign_ins = 0  # how many grants were made: useful to tests and diagnostics
        transport.add_secret(credentials.password)

    def token(self) -> str:
        with self._lock:
            if self._token is None or self._clock() >= self._renew_at:
                return self._sign_in()
            return self._token

    def invalidate(self, token: str) -> None:
        with self._lock:
            if token and token == self._token:
                self._token = None

    def _sign_in(self) -> str:
        """A new token (stored and returned), or an error: never None."""
        if not self._credentials.username or not self._credentials.password:
            raise AuthenticationError("No UP42 username or password configured.")
        started = self._clock()
        # A wrong password gets 401 and a malformed grant 400: both mean "cannot sign in".
        payload = self._transport.json(
            "POST",
            self._endpoints.token_url,
            data={
                "grant_type": "password",
                "username": self._credentials.username,
                "password": self._credentials.password,
                "client_id": CLIENT_ID,
                "scope": "openid",
            },
            authenticated=False,
            retry_errors=True,
            error_classes={400: AuthenticationError, 401: AuthenticationError},
        )
        token = payload.get("access_token") if isinstance(payload, dict) else None
        if not isinstance(token, str) or not token:
            raise ServerError("The sign-in answer carried no access token.")
        try:
            lifetime = float(payload.get("expires_in") or 300)
        except (TypeError, ValueError):
            lifetime = 300.0
        self._transport.add_secret(token)
        self._token = token
        # A lifetime at or below the margin would renew on every call: renew at half instead.
        margin = min(RENEW_MARGIN_S, lifetime / 2)
        self._renew_at = started + lifetime - margin
        self.sign_ins += 1
        return token
