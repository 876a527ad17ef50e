"""The transport's controls that other threads use while calls are in flight: cancellable
waits, cancel hooks, aborting calls and streamed responses, and the origins the token may
go to. A mixin of ``Transport`` (``http.py``), which owns the state it reads."""

from __future__ import annotations

import contextlib
import threading
import time
import weakref
from typing import Any

import requests

from .errors import CancelledError, ForeignOriginError, NetworkError, Up42Error
from .http_errors import host_of, origin_of, safe_url
from .http_flight import (
    CANCELLED,
    CLOSED,
    DEADLINE,
    Flight,
    FlightWatch,
    IsCancelled,
    cancel_scope,
    current_cancel_hook,
)
from .http_options import RetryPolicy

WAIT_SLICE_S = 0.05


class TransportControls:
    retry: RetryPolicy
    _lock: threading.Lock
    _trusted: frozenset[tuple[str, str, int]]
    _watch: FlightWatch
    _flight_of: weakref.WeakKeyDictionary[requests.Response, Flight]
    _closed: threading.Event

    def wait(self, seconds: float, is_cancelled: IsCancelled | None = None) -> None:
        """Waits ``seconds`` (a retry or ``Retry-After`` wait), but raises CancelledError as
        soon as ``is_cancelled`` (or the thread's ``cancel_when`` hook) says so or the
        transport is closed. An injected ``RetryPolicy.sleep`` (tests) is called instead."""
        cancelled = is_cancelled or current_cancel_hook()
        self._raise_if_cancelled(cancelled)
        if seconds <= 0:
            return
        if self.retry.sleep is not time.sleep:
            self.retry.sleep(seconds)
            self._raise_if_cancelled(cancelled)
            return
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if self._closed.wait(min(left, WAIT_SLICE_S)):
                break
            self._raise_if_cancelled(cancelled)
        self._raise_if_cancelled(cancelled)

    # --- deadlines, cancellation, origins -----------------------------------------------------
    def cancel_when(self, is_cancelled: IsCancelled) -> contextlib.AbstractContextManager[None]:
        """``http_flight.cancel_scope``: every call this thread makes inside the block is
        aborted as soon as ``is_cancelled()`` is true, e.g. a QgsTask's ``isCanceled``."""
        return cancel_scope(is_cancelled)

    def abort_all(self) -> int:
        """Closes the connection of every call in flight (another thread may be blocked in
        it); they raise CancelledError. Returns how many there were."""
        return self._watch.abort_all(CLOSED)

    def abort(self, response: requests.Response) -> None:
        """Closes the connection of a streamed response from any thread: the reader blocked
        on it gets an error at once (a download that stalls or trickles)."""
        flight = self._flight_of.get(response)
        if flight is not None:
            flight.abort(CANCELLED)

    @property
    def flights(self) -> int:
        """Calls in flight, streamed responses still open included."""
        return self._watch.count

    def trust(self, *urls: str) -> None:
        """The origins (scheme, host, port) the sign-in token may be sent to."""
        with self._lock:
            self._trusted = frozenset(origin_of(u) for u in urls)

    def is_trusted(self, url: str) -> bool:
        return not self._trusted or origin_of(url) in self._trusted

    def _check_origin(self, url: str) -> None:
        if not self.is_trusted(url):
            raise ForeignOriginError(
                f"{safe_url(url)} is outside UP42 ({host_of(url)}): the UP42 sign-in is never "
                "sent there, so it was not fetched."
            )

    def _raise_if_cancelled(self, cancelled: IsCancelled | None) -> None:
        if self._closed.is_set():
            raise CancelledError("Stopped: the connection to UP42 was closed.", maybe_sent=False)
        if cancelled is not None and cancelled():
            raise CancelledError(maybe_sent=False)

    def _aborted(self, flight: Flight, url: str) -> Up42Error | None:
        if flight.reason == DEADLINE:
            return NetworkError(
                f"{host_of(url)} did not finish answering within {flight.deadline:g} s."
            )
        if flight.reason == CANCELLED:
            return CancelledError()
        if flight.reason == CLOSED:
            return CancelledError("Stopped: the connection to UP42 was closed.")
        return None

    def _raise_if_aborted(self, flight: Flight, url: str, response: requests.Response) -> None:
        # A body cut by the watchdog may end without an error (urllib3 1.26 does not check
        # Content-Length): the flight says what happened.
        failure = self._aborted(flight, url)
        if failure is not None:
            response.close()
            raise failure

    def _hold(
        self, response: requests.Response, flight: Flight, body_deadline: float | None
    ) -> None:
        """A streamed response stays in flight (cancellable) until it is closed or read."""
        flight.set_deadline(body_deadline)
        self._flight_of[response] = flight
        watch = self._watch

        def finished(*_: Any) -> None:
            watch.remove(flight)

        close = response.close

        def close_and_finish() -> None:
            try:
                close()
            finally:
                finished()

        response.close = close_and_finish  # type: ignore[method-assign]
        release = getattr(response.raw, "release_conn", None)
        if release is not None:

            def release_and_finish() -> None:
                try:
                    release()
                finally:
                    finished()

            response.raw.release_conn = release_and_finish  # type: ignore[method-assign]
        weakref.finalize(response, finished)
