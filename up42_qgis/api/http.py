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
from typing import Any, TypeVar

import requests

from .errors import (
    AuthenticationError,
    RateLimitError,
    ServerError,
    Up42Error,
)
from .gc_pause import collector_paused
from .http_body import ERROR_BODY_CAP, read_capped
from .http_control import TransportControls
from .http_errors import (
    classify_licence_error,
    error_class_for,
    host_of,
    message_from_body,
    network_error,
    parse_retry_after,
    read_body,
    safe_url,
)
from .http_flight import (
    CLOSED,
    Flight,
    FlightWatch,
    IsCancelled,
    TrackingAdapter,
    current_cancel_hook,
)
from .http_options import (
    NetworkOptions,
    RetryPolicy,
    TokenSource,
    _close_sessions,
    _Session,
)
from .http_secrets import SecretRegistry

__all__ = ["NetworkOptions", "RetryPolicy", "TokenSource", "Transport"]

log = logging.getLogger("up42_qgis.api")
T = TypeVar("T")


class Transport(TransportControls):
    """Sends requests for one client, shared by every task's thread."""

    def __init__(
        self,
        network: NetworkOptions | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.network = network or NetworkOptions()
        self.retry = retry or RetryPolicy()
        self.token_source: TokenSource | None = None
        self.secrets = SecretRegistry()
        self._lock = threading.Lock()
        self._sessions: list[requests.Session] = []
        self._idle: list[requests.Session] = []
        self._trusted: frozenset[tuple[str, str, int]] = frozenset()
        self._watch = FlightWatch()
        self._flight_of: weakref.WeakKeyDictionary[requests.Response, Flight] = (
            weakref.WeakKeyDictionary()
        )
        self._closed = threading.Event()
        # Sockets are closed even when nobody calls close() (a client replaced in settings).
        weakref.finalize(self, _close_sessions, self._sessions, self._idle, self._lock)

    # --- secrets -----------------------------------------------------------------------------
    def add_secret(self, secret: str) -> None:
        """Mask ``secret`` wherever server text would put it into a message or a log line."""
        self.secrets.add(secret)

    def add_signed_url(self, url: str) -> None:
        """Mask a signed URL and its signature wherever it could be quoted."""
        self.secrets.add_signed_url(url)

    def discard_secret(self, secret: str) -> None:
        self.secrets.discard(secret)

    def scrub(self, text: str) -> str:
        return self.secrets.scrub(text)

    # --- sessions ----------------------------------------------------------------------------
    # A small pool instead of one session per thread: worker threads come and go (QGIS tasks,
    # download pools) and per-thread sessions would pile up with their open sockets. A session
    # is borrowed for the duration of one ``send``; a streamed body keeps its own connection.
    def _borrow(self, flight: Flight) -> requests.Session:
        session: requests.Session | None = None
        with self._lock:
            if self._idle:
                session = self._idle.pop()
        if session is None:
            session = _Session(self.is_trusted)
            session.trust_env = self.network.trust_env
            session.headers["User-Agent"] = self.network.user_agent
            for prefix in ("https://", "http://"):
                session.mount(prefix, TrackingAdapter())
            with self._lock:
                self._sessions.append(session)
        for adapter in session.adapters.values():
            if isinstance(adapter, TrackingAdapter):
                adapter.flight = flight
        return session

    def _give_back(self, session: requests.Session) -> None:
        for adapter in session.adapters.values():
            if isinstance(adapter, TrackingAdapter):
                adapter.flight = None
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
        """For good: every call in flight is aborted (its connection closed, even while
        another thread is blocked reading it), every retry wait ends, later calls raise
        CancelledError, and the pooled connections are closed. Returns at once."""
        self._closed.set()
        self._watch.abort_all(CLOSED)
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
        server_text = message_from_body(body, text, "", None)
        message = self.scrub(message_from_body(body, text, response.reason or "", status))
        cls = error_class or error_class_for(status)
        if status == 451 and error_class is None:
            cls, message = classify_licence_error(self.scrub(server_text))
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        if cls is RateLimitError:
            return RateLimitError(message, status, retry_after)
        error = cls(message, status)
        if retry_after is not None:
            error.retry_after = retry_after  # type: ignore[attr-defined]
        return error

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
        resend: bool = True,
        stream: bool = False,
        read_timeout: float | None = None,
        deadline: float | None = None,
        body_deadline: float | None = None,
        is_cancelled: IsCancelled | None = None,
        error_classes: Mapping[int, type[Up42Error]] | None = None,
    ) -> requests.Response:
        """One call with the contract's retries. Returns a response < 400.

        ``retry_errors`` (default: GET, HEAD, PUT, PATCH, DELETE) allows retries after
        connection errors and 5xx. ``resend=False`` sends the call exactly once (an order
        POST): no re-send after a 429 or 503 with ``Retry-After``, a 5xx, a dropped
        connection, a 401 or a redirect; the error goes to the caller, who looks the order up.

        ``deadline`` bounds each attempt as a whole (default ``network.deadline``), however
        slowly the server trickles; for ``stream=True`` it covers the headers, and
        ``body_deadline`` (default none) the body read afterwards. ``is_cancelled`` (or the
        thread's ``cancel_when`` hook) aborts the call and any retry wait as soon as it says
        so, closing the connection. A body that is not streamed is read with a size cap."""
        method = method.upper()
        if retry_errors is None:
            retry_errors = method in ("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS")
        if not resend:
            retry_errors = False
        cancelled = is_cancelled or current_cancel_hook()
        timeout = (self.network.timeout, read_timeout or self.network.timeout)
        if authenticated:
            self._check_origin(url)
        attempts = 0
        rate_limited = 0
        reauthenticated = False
        while True:
            self._raise_if_cancelled(cancelled)
            request_headers = dict(headers or {})
            token: str | None = None  # the bearer token of an authenticated call
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
            flight = Flight(deadline or self.network.deadline, cancelled)
            self._watch.add(flight)
            held = False
            try:
                session = self._borrow(flight)
                try:
                    response = session.request(
                        method,
                        url,
                        params=params,
                        json=json_body,
                        data=data,
                        headers=request_headers,
                        timeout=timeout,
                        stream=True,  # bodies are read here, with a cap, under the deadline
                        proxies=self._proxies(url),
                        verify=self.network.verify,
                        allow_redirects=resend,
                    )
                finally:
                    self._give_back(session)
                status = response.status_code
                if status >= 400:
                    read_capped(response, ERROR_BODY_CAP, truncate=True)
                elif not stream:
                    read_capped(response, self.network.max_json_bytes, url=url)
                self._raise_if_aborted(flight, url, response)
                if status < 400 and stream:
                    self._hold(response, flight, body_deadline)
                    held = True
            except requests.RequestException as error:
                failure = self._aborted(flight, url) or network_error(error, url, timeout[1])
                log.info("%s %s failed: %s", method, safe_url(url), failure)
                if flight.reason is None and retry_errors and attempts < len(self.retry.backoff):
                    self._wait(self.retry.delay(attempts), method, url, failure.message, cancelled)
                    attempts += 1
                    continue
                raise failure from None
            finally:
                if not held:
                    self._watch.remove(flight)
            log.debug(
                "%s %s -> %s (%.0f ms)",
                method,
                safe_url(url),
                status,
                (time.monotonic() - started) * 1000,
            )
            if status < 300 or (status < 400 and resend):
                return response
            if status < 400:  # a redirect of a call that is sent once: not followed
                response.close()
                raise Up42Error(
                    f"{host_of(url)} answered with a redirect (HTTP {status}) that is not "
                    "followed for this call.",
                    status,
                )
            if status == 401 and authenticated and not reauthenticated:
                # The token died early (server restart, clock skew): sign in again, once.
                reauthenticated = True
                response.close()
                if self.token_source is None or token is None:  # both set when authenticated
                    raise AuthenticationError("Not signed in.")
                self.token_source.invalidate(token)
                if resend:
                    log.info("%s %s: 401, signing in again", method, safe_url(url))
                    continue
                raise AuthenticationError("UP42 refused the sign-in token for this call.", 401)
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            rejected = status == 429 or (status == 503 and retry_after is not None)
            if rejected and resend and rate_limited < self.retry.rate_limit_retries:
                wait = (
                    retry_after
                    if retry_after is not None
                    else self.retry.rate_limit_delay(rate_limited)
                )
                if wait <= self.retry.max_retry_after:
                    response.close()
                    self._wait(wait, method, url, f"HTTP {status}", cancelled)
                    rate_limited += 1
                    continue
            elif status >= 500 and retry_errors and attempts < len(self.retry.backoff):
                response.close()
                self._wait(self.retry.delay(attempts), method, url, f"HTTP {status}", cancelled)
                attempts += 1
                continue
            refusal = self.error_from_response(
                response, error_class=(error_classes or {}).get(status)
            )
            response.close()
            log.info("%s %s -> %s: %s", method, safe_url(url), status, refusal.message)
            raise refusal

    def _wait(
        self, seconds: float, method: str, url: str, why: str, cancelled: IsCancelled | None
    ) -> None:
        log.info("retrying %s %s after %s in %.1f s", method, safe_url(url), why, seconds)
        self.wait(seconds, cancelled)

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
