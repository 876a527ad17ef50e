"""Reading a response body with a size cap: a hostile or broken server cannot make the
plugin hold gigabytes of "JSON" in memory."""

from __future__ import annotations

import requests

from .errors import ServerError
from .http_errors import host_of

MAX_JSON_BYTES = 64 * 1024 * 1024
ERROR_BODY_CAP = 256 * 1024
CHUNK = 64 * 1024


def read_capped(
    response: requests.Response, cap: int, *, url: str = "", truncate: bool = False
) -> None:
    """Reads the (streamed) body into ``response.content``. Past ``cap`` bytes: with
    ``truncate`` (an error body, only its first words matter) the rest is dropped with the
    connection, otherwise a ServerError names the limit."""
    declared = response.headers.get("Content-Length", "").strip()
    if not truncate and declared.isdigit() and int(declared) > cap:
        response.close()
        raise _too_large(url or response.url, cap)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(CHUNK):
        size += len(chunk)
        if size > cap:
            if truncate:
                chunks.append(chunk[: len(chunk) - (size - cap)])
                break
            response.close()
            raise _too_large(url or response.url, cap)
        chunks.append(chunk)
    else:
        _store(response, b"".join(chunks))
        return
    _store(response, b"".join(chunks))
    response.raw.close()


def _store(response: requests.Response, content: bytes) -> None:
    response._content = content
    response._content_consumed = True  # type: ignore[attr-defined]  # requests' own flag


def _too_large(url: str, cap: int) -> ServerError:
    return ServerError(
        f"{host_of(url)} sent an answer larger than {cap // (1024 * 1024)} MiB; it was not "
        "read (a server error, or not UP42)."
    )
