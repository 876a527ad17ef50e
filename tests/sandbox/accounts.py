"""The sandbox's single account: password grant, opaque tokens with a lifetime, userinfo."""

from __future__ import annotations

import dataclasses
import secrets
import threading
import time
import uuid

from tests.sandbox.errors import ApiError

DEFAULT_USERNAME = "sandbox@up42.local"
DEFAULT_PASSWORD = "sandbox"
WORKSPACE_ID = str(uuid.uuid5(uuid.NAMESPACE_URL, "up42-sandbox:workspace"))
ACCOUNT_ID = str(uuid.uuid5(uuid.NAMESPACE_URL, "up42-sandbox:account"))
USER_ID = str(uuid.uuid5(uuid.NAMESPACE_URL, "up42-sandbox:user"))


@dataclasses.dataclass
class Token:
    value: str
    issued: float
    lifetime: float

    def expired(self, now: float) -> bool:
        return now > self.issued + self.lifetime


class Accounts:
    def __init__(self, username: str, password: str) -> None:
        self.username = username
        self.password = password
        self._tokens: dict[str, Token] = {}
        self._refresh_tokens: set[str] = set()
        self._lock = threading.Lock()

    def grant(self, form: dict[str, list[str]], lifetime: float) -> dict[str, object]:
        def field(name: str) -> str | None:
            values = form.get(name)
            return values[0] if values else None

        grant_type = field("grant_type")
        if grant_type == "refresh_token":
            refresh = field("refresh_token")
            with self._lock:
                known = refresh in self._refresh_tokens
            if not known:
                raise ApiError(400, "Invalid refresh token", keycloak_error="invalid_grant")
        elif grant_type == "password":
            username, password = field("username"), field("password")
            if not username or not password:
                raise ApiError(400, "Missing parameter: username and password are required",
                               keycloak_error="invalid_request")
            if username != self.username or password != self.password:
                raise ApiError(401, "Invalid user credentials", keycloak_error="invalid_grant")
        else:
            raise ApiError(400, "Missing or unsupported grant_type",
                           keycloak_error="unsupported_grant_type")
        return self.issue(lifetime)

    def issue(self, lifetime: float) -> dict[str, object]:
        token = Token(secrets.token_urlsafe(32), time.monotonic(), lifetime)
        refresh = secrets.token_urlsafe(32)
        with self._lock:
            self._tokens[token.value] = token
            self._refresh_tokens.add(refresh)
        return {
            "access_token": token.value,
            "expires_in": int(lifetime),
            "refresh_expires_in": 1800,
            "refresh_token": refresh,
            "token_type": "Bearer",
            "not-before-policy": 0,
            "scope": "openid email profile",
        }

    def check(self, authorization: str | None) -> None:
        """401 unless the header carries a known, unexpired Bearer token."""
        if not authorization or not authorization.startswith("Bearer "):
            raise ApiError(401, "Unauthorized: a Bearer token is required")
        value = authorization[len("Bearer "):].strip()
        with self._lock:
            token = self._tokens.get(value)
        if token is None:
            raise ApiError(401, "Unauthorized: unknown token")
        if token.expired(time.monotonic()):
            raise ApiError(401, "Unauthorized: the token has expired")

    def expire_all(self) -> None:
        with self._lock:
            for token in self._tokens.values():
                token.lifetime = -1

    def userinfo(self) -> dict[str, object]:
        return {"sub": WORKSPACE_ID, "email": self.username, "email_verified": True,
                "name": "Sandbox User", "preferred_username": self.username,
                "given_name": "Sandbox", "family_name": "User"}
