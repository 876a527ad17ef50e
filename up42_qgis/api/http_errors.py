"""Turning HTTP failures into the typed errors of ``errors.py``: the server's own message from
any of the contract's body shapes, the error class for a status, and a network failure
described without requests' own text (which quotes the full URL, signature included)."""

from __future__ import annotations

import email.utils
import re
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests

from .errors import (
    AccessRestrictedError,
    AuthenticationError,
    ConflictError,
    EulaNotAcceptedError,
    LicenceError,
    NetworkError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    Up42Error,
    ValidationError,
)

TEXT_MESSAGE_LIMIT = 300
DEFAULT_PORTS = {"http": 80, "https": 443}


def safe_url(url: str) -> str:
    """The URL without query and fragment: what may appear in logs and messages."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def host_of(url: str) -> str:
    return urlsplit(url).netloc or url


def origin_of(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) with the default port filled in: what "same origin" compares."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or DEFAULT_PORTS.get(scheme, 0)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def server_words(body: Any, text: str = "") -> str:
    """The server's own words, or "" when it sent none, from the first of (contract §2):
    ``title``, ``error.message``, ``message``, ``error_description``, a string ``detail`` or
    ``details``, ``schema-error``, the first ``errors[].message``, a short plain-text body.
    A string ``detail``/``details`` that adds to the first is appended."""
    if isinstance(body, Mapping):
        error = body.get("error")
        listed = body.get("errors")
        first_listed = listed[0] if isinstance(listed, list) and listed else None
        candidates = [
            body.get("title"),
            error.get("message") if isinstance(error, Mapping) else None,
            body.get("message"),
            body.get("error_description"),
            body.get("detail"),
            body.get("details"),
            body.get("schema-error"),
            first_listed.get("message") if isinstance(first_listed, Mapping) else first_listed,
        ]
        for index, candidate in enumerate(candidates):
            if isinstance(candidate, str) and candidate.strip():
                message = candidate.strip()
                if index < 4:  # title or message: a detail may add the why
                    for key in ("detail", "details"):
                        extra = body.get(key)
                        if isinstance(extra, str) and extra.strip() and extra.strip() != message:
                            return f"{message}: {extra.strip()}"
                return message
    stripped = (text or "").strip()
    if (
        stripped
        and len(stripped) <= TEXT_MESSAGE_LIMIT
        and not stripped.startswith(("<", "{", "["))
    ):
        return stripped.splitlines()[0]
    return ""


def message_from_body(
    body: Any, text: str = "", reason: str = "", status: int | None = None
) -> str:
    """The server's own words (``server_words``), else the HTTP reason, else the status."""
    words = server_words(body, text)
    if words:
        return words
    if reason:
        return reason
    return f"HTTP {status}" if status else "Unknown error"


_EULA_WORDS = re.compile(r"eula|licen[cs]e|terms|agreement", re.IGNORECASE)
_RESTRICTED_WORDS = re.compile(
    r"restrict|access|approv|permission|not (?:allowed|authori[sz]ed)|whitelist|allowlist",
    re.IGNORECASE,
)
BARE_451 = (
    "UP42 refused this data product for legal reasons (HTTP 451): either its licence "
    "(EULA) is not accepted yet, or access to the collection is restricted. Check the data "
    "product in the UP42 console (accept its licence, or request access)."
)


def classify_licence_error(words: str) -> tuple[type[Up42Error], str]:
    """A 451's class and message from the server's words: EULA not accepted, access to the
    collection restricted, or (no words, or neither) the base class with both options."""
    if not words:
        return LicenceError, BARE_451
    if _EULA_WORDS.search(words) and not re.search(r"restrict", words, re.IGNORECASE):
        return EulaNotAcceptedError, words
    if _RESTRICTED_WORDS.search(words):
        return AccessRestrictedError, words
    return LicenceError, f"{words} (HTTP 451: licence not accepted or access restricted)"


_STATUS_ERRORS: dict[int, type[Up42Error]] = {
    400: ValidationError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: ValidationError,
    429: RateLimitError,
    451: LicenceError,
}


def error_class_for(status: int) -> type[Up42Error]:
    if status in _STATUS_ERRORS:
        return _STATUS_ERRORS[status]
    if status >= 500:
        return ServerError
    return Up42Error


def read_body(response: requests.Response) -> tuple[Any, str]:
    try:
        text = response.text
    except Exception:  # a body that dies while being read still has a status
        return None, ""
    try:
        return response.json(), text
    except ValueError:
        return None, text


def _cause_names(error: BaseException) -> set[str]:
    """Class names along the exception's causes and urllib3's ``reason``, without importing
    urllib3 (the api layer may only use requests itself)."""
    names: set[str] = set()
    pending: list[Any] = [error]
    while pending and len(names) < 50:
        current = pending.pop()
        if not isinstance(current, BaseException):
            continue
        names.add(type(current).__name__)
        pending.extend(a for a in current.args if isinstance(a, BaseException))
        for attribute in ("reason", "__cause__", "__context__"):
            value = getattr(current, attribute, None)
            if isinstance(value, BaseException):
                pending.append(value)
    return names


def network_error(error: requests.RequestException, url: str, timeout: float) -> NetworkError:
    """A message naming the host and what went wrong; never requests' own text, which quotes
    the full URL (with a signed URL's signature)."""
    host = host_of(url)
    names = _cause_names(error)
    if isinstance(error, requests.exceptions.ProxyError) or "ProxyError" in names:
        return NetworkError(
            f"Could not reach {host} through the proxy: check the proxy settings of QGIS.",
            maybe_sent=False,
        )
    if isinstance(error, requests.exceptions.SSLError):
        return NetworkError(
            f"The secure connection to {host} failed: its certificate is not trusted or "
            "the TLS handshake failed.",
            maybe_sent=False,
        )
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return NetworkError(f"Connecting to {host} timed out.", maybe_sent=False)
    if isinstance(error, requests.exceptions.ReadTimeout):
        return NetworkError(f"{host} did not answer within {timeout:g} s.")
    if "NewConnectionError" in names or "NameResolutionError" in names:
        return NetworkError(
            f"Could not connect to {host}: check the network connection and the address.",
            maybe_sent=False,
        )
    if isinstance(
        error, requests.exceptions.ConnectionError | requests.exceptions.ChunkedEncodingError
    ):
        return NetworkError(f"The connection to {host} was closed unexpectedly.")
    return NetworkError(f"Network error talking to {host} ({type(error).__name__}).")
