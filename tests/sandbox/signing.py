"""Signed download URLs (contract §8.2): no extension in the path, HMAC, expiry."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from urllib.parse import quote

from tests.sandbox.errors import ApiError


class Signer:
    def __init__(self) -> None:
        self._secret = secrets.token_bytes(32)

    def _signature(self, opaque: str, expires: int, filename: str) -> str:
        message = f"{opaque}|{expires}|{filename}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def sign(self, api: str, target: str, filename: str, ttl_s: float) -> str:
        opaque = base64.urlsafe_b64encode(target.encode()).decode().rstrip("=")
        expires = int(time.time() + ttl_s)
        disposition = quote(f'attachment; filename="{filename}"', safe="")
        signature = self._signature(opaque, expires, filename)
        return (f"{api}/signed/{opaque}?response-content-disposition={disposition}"
                f"&X-Expires={expires}&X-Signature={signature}")

    def verify(self, opaque: str, query: dict[str, list[str]]) -> tuple[str, str]:
        """(target, filename) of a valid, unexpired URL; 403 with a text body otherwise."""
        try:
            disposition = query["response-content-disposition"][0]
            expires = int(query["X-Expires"][0])
            signature = query["X-Signature"][0]
            filename = disposition.split("filename=", 1)[1].strip('"')
            target = base64.urlsafe_b64decode(opaque + "=" * (-len(opaque) % 4)).decode()
        except (KeyError, IndexError, ValueError):
            raise ApiError(403, "SignatureDoesNotMatch: malformed signed URL") from None
        if not hmac.compare_digest(signature, self._signature(opaque, expires, filename)):
            raise ApiError(403, "SignatureDoesNotMatch: the signature is invalid")
        if time.time() > expires:
            raise ApiError(403, "ExpiredToken: the signed URL has expired; request a new one")
        return target, filename
