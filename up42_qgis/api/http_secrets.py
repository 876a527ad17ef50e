"""Secrets that must never reach a message or a log line: the password, access tokens and
signed URLs (whose query carries a signature). Every live registry also scrubs the records
of the ``up42_qgis.api`` logger, so a log line quoting server text is masked as well."""

from __future__ import annotations

import logging
import re
import threading
import weakref
from urllib.parse import parse_qsl, urlsplit

# Any URL's query and fragment, whatever the case of its scheme.
URL_WITH_QUERY = re.compile(r"(https?://[^\s?#\"'<>]+)[?#][^\s\"'<>]*", re.IGNORECASE)
# A signature-like parameter anywhere (a query quoted without its URL, an XML error body).
SIGNATURE_PARAMETER = re.compile(
    r"((?:x-(?:goog|amz)-)?(?:signature|credential|security-token)|x-signature|sig|"
    r"googleaccessid|access_token|token)(=|%3D)[^&\s\"'<>]+",
    re.IGNORECASE,
)
SIGNATURE_ELEMENT = re.compile(
    r"<(StringToSign|CanonicalRequest|Signature|StringToSignBytes)>[^<]*</\1>", re.IGNORECASE
)
MIN_SECRET_LENGTH = 4
MIN_QUERY_VALUE_LENGTH = 12

_registries: weakref.WeakSet[SecretRegistry] = weakref.WeakSet()
_registries_lock = threading.Lock()


class SecretRegistry:
    def __init__(self) -> None:
        self._secrets: set[str] = set()
        self._lock = threading.Lock()
        with _registries_lock:
            _registries.add(self)

    def add(self, secret: str) -> None:
        if secret and len(secret) >= MIN_SECRET_LENGTH:
            with self._lock:
                self._secrets.add(secret)

    def add_signed_url(self, url: str) -> None:
        """The whole URL, its query and every long query value (signatures, credentials)."""
        self.add(url)
        parts = urlsplit(url)
        self.add(parts.query)
        for _, value in parse_qsl(parts.query, keep_blank_values=True):
            if len(value) >= MIN_QUERY_VALUE_LENGTH:
                self.add(value)

    def discard(self, secret: str) -> None:
        with self._lock:
            self._secrets.discard(secret)

    def scrub(self, text: str) -> str:
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:
            text = text.replace(secret, "***")
        return scrub_patterns(text)


def scrub_patterns(text: str) -> str:
    """What is masked even without registered secrets: queries of URLs, signature-like
    parameters and signature elements of XML error bodies, case-insensitively."""
    text = URL_WITH_QUERY.sub(r"\1", text)
    text = SIGNATURE_PARAMETER.sub(r"\1\2***", text)
    return SIGNATURE_ELEMENT.sub(r"<\1>***</\1>", text)


def scrub_everywhere(text: str) -> str:
    with _registries_lock:
        registries = list(_registries)
    for registry in registries:
        text = registry.scrub(text)
    return scrub_patterns(text)


class _ScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format is logging's problem, not ours
            return True
        cleaned = scrub_everywhere(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


_FILTER = _ScrubFilter()


def install_log_filter(logger: logging.Logger) -> None:
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)


install_log_filter(logging.getLogger("up42_qgis.api"))
