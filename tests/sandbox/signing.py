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

    def verify(self, opaque: str, query: dict[str, list[str]],
               expired_status: int = 400) -> tuple[str, str]:
        """(target, filename) of a valid, unexpired URL; otherwise an XML error as Google Cloud
        Storage sends it: 403 SignatureDoesNotMatch, and for an expired URL 400 ExpiredToken
        (or, with ``expired_status`` 403, AccessDenied)."""
        try:
            disposition = query["response-content-disposition"][0]
            expires = int(query["X-Expires"][0])
            signature = query["X-Signature"][0]
            filename = disposition.split("filename=", 1)[1].strip('"')
            target = base64.urlsafe_b64decode(opaque + "=" * (-len(opaque) % 4)).decode()
        except (KeyError, IndexError, ValueError):
            raise gcs_error(403, "SignatureDoesNotMatch", "Malformed signed URL.") from None
        if not hmac.compare_digest(signature, self._signature(opaque, expires, filename)):
            raise gcs_error(403, "SignatureDoesNotMatch", "The request signature we calculated "
                            "does not match the signature you provided.")
        if time.time() > expires:
            stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(expires))
            if expired_status == 403:
                raise gcs_error(403, "AccessDenied", "Access denied.",
                                f"Request has expired: {expires}")
            raise gcs_error(400, "ExpiredToken", "The provided token has expired.",
                            f"Request signature expired at: {stamp}")
        return target, filename


def gcs_error(status: int, code: str, message: str, details: str = "") -> ApiError:
    """An error in Google Cloud Storage's XML form (what the real signed URLs answer)."""
    body = (f"<?xml version='1.0' encoding='UTF-8'?><Error><Code>{code}</Code>"
            f"<Message>{message}</Message>" + (f"<Details>{details}</Details>" if details else "")
            + "</Error>")
    return ApiError(status, body, content_type="application/xml; charset=UTF-8")
