"""THE one wrapper every request goes through: network options (proxy per URL, CA bundle,
timeouts, User-Agent), the contract's retry rules, one re-authentication after a 401, and the
mapping of any error body shape to the typed errors of ``errors.py``.

Secrets never leave this module in a message or a log line: URLs are logged and reported
without their query string (signed URLs carry their signature there), and every registered
secret (password, access tokens) is masked in messages built from server text.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import requests

from .errors import AuthenticationError, RateLimitError, ServerError, Up42Error
from .gc_pause import collector_paused
from .http_errors import (
    URL_WITH_QUERY,
    error_class_for,
    host_of,
    message_from_body,
    network_error,
    parse_retry_after,
    read_body,
    safe_url,
)

log = logging.getLogger("up42_qgis.api")
T = TypeVar("T")


@dataclass(frozen=True)
class NetworkOptions:
    """How requests reaches the network; the QGIS bridge fills it from QGIS's settings.

    ``proxy_for`` maps a URL to a requests ``proxies`` dict ({} = direct); it must be a plain
    Python callable (no Qt) and is called on worker threads. ``verify`` is a CA bundle path or
    True. ``timeout`` is the connect/read timeout for API calls, ``download_read_timeout`` the
    read timeout for downloads.
    """

    user_agent: str = "up42-qgis"
    proxy_for: Callable[[str], dict[str, str]] | None = None
    verify: str | bool = True
    timeout: float = 30.0
    download_read_timeout: float = 120.0
    trust_env: bool = True


@dataclass(frozen=True)
class RetryPolicy:
    """Contract §2. ``backoff`` holds the delay before each retry of an idempotent call after
    a connection error or a 5xx (its length is the number of retries). 429, and 503 with
    ``Retry-After``, are retried for every method up to ``rate_limit_retries`` times, waiting
    what the server asks, but never longer than ``max_retry_after`` (beyond that the error is
    raised so the user can decide). ``sleep`` is injectable so tests run fast and can see the
    waits."""

    backoff: tuple[float, ...] = (0.0, 2.0, 4.0, 8.0, 16.0)
    rate_limit_retries: int = 5
    max_retry_after: float = 60.0
    sleep: Callable[[float], None] = time.sleep

    def delay(self, attempt: int) -> float:
        return self.backoff[min(attempt, len(self.backoff) - 1)] if self.backoff else 0.0


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


class Transport:
    """Sends requests for one client, shared by every task's thread."""

    def __init__(
        self,
        network: NetworkOptions | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.network = network or NetworkOptions()
        self.retry = retry or RetryPolicy()
        self.token_source: TokenSource | None = None
        self._lock = threading.Lock()
        self._sessions: list[requests.Session] = []
        self._idle: list[requests.Session] = []
        self._secrets: set[str] = set()
        # Sockets are closed even when nobody calls close() (a client replaced in settings).
        weakref.finalize(self, _close_sessions, self._sessions, self._idle, self._lock)

    # --- secrets -----------------------------------------------------------------------------
    def add_secret(self, secret: str) -> None:
        """Mask ``secret`` wherever server text would put it into a message."""
        if secret and len(secret) >= 4:
            with self._lock:
                self._secrets.add(secret)

    def discard_secret(self, secret: str) -> None:
        with self._lock:
            self._secrets.discard(secret)

    def scrub(self, text: str) -> str:
        cleaned = URL_WITH_QUERY.sub(r"\1", text)
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:
            cleaned = cleaned.replace(secret, "***")
        return cleaned

    # --- sessions ----------------------------------------------------------------------------
    # A small pool instead of one session per thread: worker threads come and go (QGIS tasks,
    # download pools) and per-thread sessions would pile up with their open sockets. A session
    # is borrowed for the duration of one ``send``; a streamed body keeps its own connection.
    def _borrow(self) -> requests.Session:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        session = requests.Session()
        session.trust_env = self.network.trust_env
        session.headers["User-Agent"] = self.network.user_agent
        with self._lock:
            self._sessions.append(session)
        return session

    def _give_back(self, session: requests.Session) -> None:
        with self._lock:
            if any(s is session for s in self._sessions):
                self._idle.append(session)

    @property
    def session_count(self) -> int:
        """Sessions (each with its connection pool) opened so far: at most the peak number
        of concurrent requests."""
        with self._lock:
            return len(self._sessions)

    def close(self) -> None:
        _close_sessions(self._sessions, self._idle, self._lock)

    def _proxies(self, url: str) -> dict[str, Any] | None:
        if self.network.proxy_for is None:
            return None
        proxies = self.network.proxy_for(url)
        # {} means "direct": None values stop requests from adding proxies from the environment.
        return dict(proxies) if proxies else {"http": None, "https": None}

    # --- errors ------------------------------------------------------------------------------
    def error_from_response(
        self, response: requests.Response, *, error_class: type[Up42Error] | None = None
    ) -> Up42Error:
        body, text = read_body(response)
        status = response.status_code
        message = self.scrub(message_from_body(body, text, response.reason or "", status))
        cls = error_class or error_class_for(status)
        if cls is RateLimitError:
            return RateLimitError(
                message, status, parse_retry_after(response.headers.get("Retry-After"))
            )
        return cls(message, status)

    # --- requests ----------------------------------------------------------------------------
    def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None,
        json_body: Any = None,
        data: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        authenticated: bool = True,
        retry_errors: bool | None = None,
        stream: bool = False,
        read_timeout: float | None = None,
        error_classes: Mapping[int, type[Up42Error]] | None = None,
    ) -> requests.Response:
        """One call with the contract's retries. ``retry_errors`` (default: GET, HEAD, PUT,
        PATCH, DELETE) allows retries after connection errors and 5xx; pass False for a call
        that must never be repeated blindly (an order POST). Returns a response < 400."""
        method = method.upper()
        if retry_errors is None:
            retry_errors = method in ("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS")
        timeout = (self.network.timeout, read_timeout or self.network.timeout)
        attempts = 0
        rate_limited = 0
        reauthenticated = False
        while True:
            request_headers = dict(headers or {})
            token = ""
            if authenticated:
                if self.token_source is None:
                    raise AuthenticationError("Not signed in.")
                try:
                    token = self.token_source.token()
                except Up42Error as error:
                    error.maybe_sent = False  # failed while signing in: this call never left
                    raise
                request_headers["Authorization"] = f"Bearer {token}"
            started = time.monotonic()
            session = self._borrow()
            try:
                response = session.request(
                    method,
                    url,
                    params=params,
                    json=json_body,
                    data=data,
                    headers=request_headers,
                    timeout=timeout,
                    stream=stream,
                    proxies=self._proxies(url),
                    verify=self.network.verify,
                    allow_redirects=True,
                )
            except requests.RequestException as error:
                failure = network_error(error, url, timeout[1])
                log.info("%s %s failed: %s", method, safe_url(url), failure)
                if retry_errors and attempts < len(self.retry.backoff):
                    self._wait(self.retry.delay(attempts), method, url, failure.message)
                    attempts += 1
                    continue
                raise failure from None
            finally:
                self._give_back(session)
            status = response.status_code
            log.debug(
                "%s %s -> %s (%.0f ms)",
                method,
                safe_url(url),
                status,
                (time.monotonic() - started) * 1000,
            )
            if status < 400:
                return response
            if status == 401 and authenticated and not reauthenticated:
                # The token died early (server restart, clock skew): sign in again, once.
                reauthenticated = True
                response.close()
                assert self.token_source is not None
                self.token_source.invalidate(token)
                log.info("%s %s: 401, signing in again", method, safe_url(url))
                continue
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            rejected = status == 429 or (status == 503 and retry_after is not None)
            if rejected and rate_limited < self.retry.rate_limit_retries:
                wait = retry_after if retry_after is not None else self.retry.delay(rate_limited)
                if wait <= self.retry.max_retry_after:
                    response.close()
                    self._wait(wait, method, url, f"HTTP {status}")
                    rate_limited += 1
                    continue
            elif status >= 500 and retry_errors and attempts < len(self.retry.backoff):
                response.close()
                self._wait(self.retry.delay(attempts), method, url, f"HTTP {status}")
                attempts += 1
                continue
            refusal = self.error_from_response(
                response, error_class=(error_classes or {}).get(status)
            )
            response.close()
            log.info("%s %s -> %s: %s", method, safe_url(url), status, refusal.message)
            raise refusal

    def _wait(self, seconds: float, method: str, url: str, why: str) -> None:
        log.info("retrying %s %s after %s in %.1f s", method, safe_url(url), why, seconds)
        if seconds > 0:
            self.retry.sleep(seconds)

    def json(self, method: str, url: str, **kwargs: Any) -> dict[str, Any]:
        """``request`` and its JSON object (a clear error when the server sent anything else:
        every answer of the contract is an object)."""
        return self.json_into(method, url, lambda payload: payload, **kwargs)

    def json_into(
        self, method: str, url: str, build: Callable[[dict[str, Any]], T], **kwargs: Any
    ) -> T:
        """``request``, its JSON object decoded and turned into what ``build`` makes of it,
        both with the garbage collector paused (``gc_pause``), so the decoded tree is gone
        before any collection has to walk it."""
        response = self.request(method, url, **kwargs)
        if response.status_code == 204 or not response.content:
            return build({})
        with collector_paused():
            try:
                payload = response.json()
            except ValueError:
                payload = None
            if not isinstance(payload, dict):
                raise ServerError(
                    f"{host_of(url)} answered {safe_url(url)} with something that is not a "
                    "JSON object.",
                    response.status_code,
                )
            built = build(payload)
            del payload
        return built
