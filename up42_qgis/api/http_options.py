"""The transport's options (network, retries), the token source it asks, and the session
class whose redirects never carry the token to an untrusted origin."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import requests

from .http_body import MAX_JSON_BYTES
from .http_errors import origin_of


@dataclass(frozen=True)
class NetworkOptions:
    """How requests reaches the network; the QGIS bridge fills it from QGIS's settings.

    ``proxy_for`` maps a URL to a requests ``proxies`` dict ({} = direct); it must be a plain
    Python callable (no Qt) and is called on worker threads. ``verify`` is a CA bundle path or
    True. ``timeout`` is the connect/read timeout for API calls, ``download_read_timeout`` the
    read timeout for downloads. ``deadline`` bounds every API call as a whole (a server
    trickling bytes cannot keep it alive), ``max_json_bytes`` the size of a JSON answer.
    """

    user_agent: str = "up42-qgis"
    proxy_for: Callable[[str], dict[str, str]] | None = None
    verify: str | bool = True
    timeout: float = 30.0
    download_read_timeout: float = 120.0
    trust_env: bool = True
    deadline: float = 120.0
    max_json_bytes: int = MAX_JSON_BYTES


@dataclass(frozen=True)
class RetryPolicy:
    """Contract §2. ``backoff`` holds the delay before each retry of an idempotent call after
    a connection error or a 5xx (its length is the number of retries). 429, and 503 with
    ``Retry-After``, are retried for every method up to ``rate_limit_retries`` times, waiting
    what the server asks, but never longer than ``max_retry_after`` (beyond that the error is
    raised so the user can decide); a 429 without ``Retry-After`` waits 1, 2, 4 … s
    (``rate_limit_delay``). ``sleep`` is injectable so tests run fast and can see the
    waits; the default waits are cancellable (``Transport.wait``)."""

    backoff: tuple[float, ...] = (0.0, 2.0, 4.0, 8.0, 16.0)
    rate_limit_retries: int = 5
    max_retry_after: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    rate_limit_first: float = 1.0
    rate_limit_cap: float = 30.0

    def delay(self, attempt: int) -> float:
        return self.backoff[min(attempt, len(self.backoff) - 1)] if self.backoff else 0.0

    def rate_limit_delay(self, attempt: int) -> float:
        """The wait after a 429 without ``Retry-After``: 1, 2, 4 … s, capped; never 0."""
        return float(min(self.rate_limit_cap, self.rate_limit_first * 2 ** min(attempt, 30)))


class TokenSource(Protocol):
    def token(self) -> str: ...

    def invalidate(self, token: str) -> None: ...


def _close_sessions(
    sessions: list[requests.Session], idle: list[requests.Session], lock: threading.Lock
) -> None:
    with lock:
        closing = list(sessions)
        sessions.clear()
        idle.clear()
    for session in closing:
        session.close()


class _Session(requests.Session):
    """A session whose redirects never carry the token to an origin the transport does not
    trust (requests keeps it on a same-host redirect to another port or from http to https)."""

    def __init__(self, is_trusted: Callable[[str], bool]) -> None:
        super().__init__()
        self._is_trusted = is_trusted

    def rebuild_auth(self, prepared_request: Any, response: Any) -> None:
        super().rebuild_auth(prepared_request, response)
        url = prepared_request.url or ""
        if "Authorization" in prepared_request.headers and not self._is_trusted(url):
            del prepared_request.headers["Authorization"]

    def should_strip_auth(self, old_url: str, new_url: str) -> bool:
        return origin_of(old_url) != origin_of(new_url) or super().should_strip_auth(
            old_url, new_url
        )
