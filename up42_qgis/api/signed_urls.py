"""What a signed download URL says: the file's name (contract §8.2, as the SDK reads it),
and which of its refusals mean "expired: ask for a fresh one"."""

from __future__ import annotations

import logging
import re
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote, urlsplit

import requests

from .download_stream import response_range
from .errors import Up42Error
from .safe_paths import safe_filename

if TYPE_CHECKING:
    from .client import Up42Client

log = logging.getLogger("up42_qgis.api")
URL_REFRESHES = 3

# GCS answers an expired URL with 400 (ExpiredToken, XML), or 403 (AccessDenied,
# SignatureDoesNotMatch); 401 when the signature is missing. All mean: sign again.
REFRESH_STATUSES = (400, 401, 403)
_FILENAME_STAR = re.compile(r"filename\*\s*=\s*(?:UTF-8|utf-8)?''([^;]+)")
_FILENAME = re.compile(r'filename\s*=\s*"?([^";]+)"?')
_SUFFIX = re.compile(r"^\.[A-Za-z0-9]{1,8}$")


def filename_from_signed_url(url: str) -> str | None:
    """The ``filename`` of a signed URL's ``response-content-disposition`` parameter."""
    values = parse_qs(urlsplit(url).query).get("response-content-disposition")
    if not values:
        return None
    disposition = values[0]
    match = _FILENAME_STAR.search(disposition)
    if match:
        return unquote(match.group(1).strip())
    match = _FILENAME.search(disposition)
    return match.group(1).strip() if match else None


def url_path_suffix(url: str) -> str:
    """The extension of the URL's path (``.tif`` of ``…/object.tif``), "" if none."""
    suffix = PurePosixPath(unquote(urlsplit(url).path)).suffix
    return suffix if _SUFFIX.match(suffix) else ""


def download_filename(url: str, fallback: str) -> str:
    """The name to save a signed URL's file under: the ``filename=`` value plus the URL
    path's extension when the name has none (as the SDK does), else ``fallback`` (the asset
    key), made safe."""
    name = (filename_from_signed_url(url) or "").strip()
    if not name.strip(" ._/\\"):
        name = fallback
    if not PurePosixPath(name.replace("\\", "/")).suffix:
        name += url_path_suffix(url)
    return safe_filename(name, fallback)


class SignedUrl:
    """An asset's signed URL, signed again when a signed-URL GET is refused as expired."""

    def __init__(self, client: Up42Client, href: str) -> None:
        self._client = client
        self._href = href
        self.url = client.signed_url(href)
        self.refreshes = 0

    def refresh(self, error: Up42Error) -> bool:
        if error.status not in REFRESH_STATUSES or self.refreshes >= URL_REFRESHES:
            return False
        self.refreshes += 1
        log.info("signed URL refused (%s): getting a fresh one", error.status)
        self.url = self._client.signed_url(self._href)
        return True


def probe(
    client: Up42Client, signed: SignedUrl, at: int, count: int = 1
) -> tuple[int | None, bytes]:
    """(total size the server announces, up to ``count`` bytes from ``at``) from a small
    Range GET (a HEAD is no use: GCS signs URLs for GET only). Total None when the server
    says nothing; ``at`` when it has fewer than ``at + 1`` bytes (416)."""
    while True:
        try:
            response = client.transport.request(
                "GET",
                signed.url,
                headers={"Range": f"bytes={at}-{at + count - 1}", "Accept-Encoding": "identity"},
                authenticated=False,
                stream=True,
                read_timeout=client.network.download_read_timeout,
            )
        except Up42Error as error:
            if signed.refresh(error):
                continue
            if error.status == 416:
                return at, b""
            raise
        with response:
            start, total = response_range(response)
            if response.status_code != 206 or start != at:
                return total, b""  # the whole file came: its length says the size
            try:
                return total, response.raw.read(count)
            except (requests.RequestException, OSError):
                return total, b""
