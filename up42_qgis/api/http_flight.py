"""Requests in flight: an overall deadline and cancellation that end a call blocked in
``recv`` by shutting its socket down from another thread.

requests has only per-read timeouts, so a server that trickles one byte every few seconds
keeps a call alive forever, and a blocked call cannot be cancelled. Each call therefore runs
as a ``Flight``: the transport's adapter records every connection the call takes from its
pool, and one watchdog thread per transport shuts those sockets down when the deadline passes,
the cancel hook says so, or the transport is closed (plugin unload). ``shutdown`` (unlike
``close``) wakes a thread blocked in ``recv`` on every platform; the blocked thread then
closes the socket itself, so no file descriptor is reused under its feet.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import requests

log = logging.getLogger("up42_qgis.api")

IsCancelled = Callable[[], bool]
WATCH_INTERVAL_S = 0.05

DEADLINE = "deadline"
CANCELLED = "cancelled"
CLOSED = "closed"


class Flight:
    """One call: its connections, its deadline and why it was aborted (None = not)."""

    def __init__(self, deadline: float | None, is_cancelled: IsCancelled | None) -> None:
        self.deadline_at = None if deadline is None else time.monotonic() + deadline
        self.deadline = deadline
        self.is_cancelled = is_cancelled
        self.reason: str | None = None
        self._connections: list[Any] = []
        self._lock = threading.Lock()

    def attach(self, connection: Any) -> None:
        with self._lock:
            self._connections.append(connection)
        if self.reason is not None:
            self._shutdown()

    def set_deadline(self, deadline: float | None) -> None:
        self.deadline = deadline
        self.deadline_at = None if deadline is None else time.monotonic() + deadline

    def abort(self, reason: str) -> None:
        if self.reason is None:
            self.reason = reason
        self._shutdown()

    def check(self, now: float) -> None:
        """Called by the watchdog: abort when due. An aborted flight is shut down again on
        every tick, for a connection that opened its socket after the abort."""
        if self.reason is None:
            if self.deadline_at is not None and now >= self.deadline_at:
                self.reason = DEADLINE
            elif self.is_cancelled is not None and _safely(self.is_cancelled):
                self.reason = CANCELLED
        if self.reason is not None:
            self._shutdown()

    def _shutdown(self) -> None:
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            sock = getattr(connection, "sock", None)
            if sock is None:
                continue
            # The plain socket's shutdown, also for an SSLSocket: its own drops its TLS object,
            # which the thread blocked in read is still using. Errors: already closed.
            with contextlib.suppress(OSError, ValueError, TypeError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


_scope = threading.local()


@contextlib.contextmanager
def cancel_scope(is_cancelled: IsCancelled) -> Iterator[None]:
    """Every call any transport makes on this thread inside the block is aborted (its
    connection closed, its retry waits ended) as soon as ``is_cancelled()`` is true. One
    line in a task's ``run`` (``with cancel_scope(self.isCanceled): ...``) makes every
    request of its work cancellable, without passing hooks through every call."""
    previous = getattr(_scope, "is_cancelled", None)
    _scope.is_cancelled = is_cancelled
    try:
        yield
    finally:
        _scope.is_cancelled = previous


def current_cancel_hook() -> IsCancelled | None:
    return getattr(_scope, "is_cancelled", None)


def _safely(is_cancelled: IsCancelled) -> bool:
    try:
        return bool(is_cancelled())
    except Exception:  # a dead task object must not kill the watchdog
        return False


class FlightWatch:
    """The flights of one transport and the watchdog thread that enforces them; the thread
    runs only while flights exist."""

    def __init__(self) -> None:
        self._flights: set[Flight] = set()
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._thread: threading.Thread | None = None

    def add(self, flight: Flight) -> None:
        with self._lock:
            self._flights.add(flight)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._watch, name="up42-flight-watch", daemon=True
                )
                self._thread.start()
            self._wake.notify()

    def remove(self, flight: Flight) -> None:
        with self._lock:
            self._flights.discard(flight)

    def abort_all(self, reason: str = CLOSED) -> int:
        with self._lock:
            flights = list(self._flights)
        for flight in flights:
            flight.abort(reason)
        return len(flights)

    @property
    def count(self) -> int:
        with self._lock:
            return len(self._flights)

    def _watch(self) -> None:
        while True:
            with self._lock:
                if not self._flights:
                    self._thread = None
                    return
                flights = list(self._flights)
            now = time.monotonic()
            for flight in flights:
                flight.check(now)
            with self._lock:
                self._wake.wait(WATCH_INTERVAL_S)


class TrackingAdapter(requests.adapters.HTTPAdapter):
    """An adapter that hands every connection its pools give out to the current flight.
    The session (and so the adapter) serves one call at a time: the transport borrows it."""

    flight: Flight | None = None

    def get_connection_with_tls_context(self, *args: Any, **kwargs: Any) -> Any:
        return self._tracked(super().get_connection_with_tls_context(*args, **kwargs))

    def get_connection(self, *args: Any, **kwargs: Any) -> Any:  # requests < 2.32
        return self._tracked(super().get_connection(*args, **kwargs))

    def _tracked(self, pool: Any) -> Any:
        if getattr(pool, "_up42_tracked", False):
            return pool
        original = pool._get_conn
        adapter = self

        def get_conn(*args: Any, **kwargs: Any) -> Any:
            connection = original(*args, **kwargs)
            flight = adapter.flight
            if flight is not None:
                flight.attach(connection)
            return connection

        pool._get_conn = get_conn
        pool._up42_tracked = True
        return pool
