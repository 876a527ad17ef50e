"""A response body into a file, fast: plain bodies are read into one reused buffer straight
from the HTTP connection under urllib3; encoded ones go through requests' decoding."""

from __future__ import annotations

import http.client
import re
import ssl
from collections.abc import Iterator
from typing import BinaryIO

import requests

from .errors import DownloadError

# The bytes pass through one reused buffer that stays in the CPU cache: a fresh 4 MiB object
# per read (iter_content) cost twice the CPU per GiB, and on the benchmark VM writes of 256 KiB
# or more copied into the page cache at half speed whenever the download followed a pause.
READ_SIZE = 64 * 1024


def write_body(response: requests.Response, out: BinaryIO, chunk_size: int) -> Iterator[int]:
    """Writes the body to ``out``; yields the byte count of every chunk written."""
    body = _plain_body(response)
    if body is None:
        for chunk in response.iter_content(chunk_size):
            out.write(chunk)
            yield len(chunk)
        return
    view = memoryview(bytearray(min(chunk_size, READ_SIZE)))
    pending = 0
    while size := _read_into(body, view):
        out.write(view[:size])
        pending += size
        if pending >= chunk_size:
            yield pending
            pending = 0
    if pending:
        yield pending
    if body.isclosed():
        # The whole body was read: hand the connection back for reuse, as urllib3 does.
        response.raw.release_conn()


def _plain_body(response: requests.Response) -> http.client.HTTPResponse | None:
    """The HTTP body under urllib3 (``_fp`` in 1.26 and 2.x), to read into our own buffer;
    None when it is content-encoded (iter_content decodes it) or not http.client's."""
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    body = getattr(response.raw, "_fp", None)
    plain = encoding in ("", "identity") and hasattr(response.raw, "release_conn")
    return body if plain and isinstance(body, http.client.HTTPResponse) else None


def _read_into(body: http.client.HTTPResponse, view: memoryview) -> int:
    """``body.readinto(view)``, failing as iter_content fails (requests' errors: the caller
    resumes), never with a bare OSError that the caller would take for a write error."""
    try:
        return body.readinto(view)
    except (TimeoutError, ssl.SSLError) as error:
        if isinstance(error, ssl.SSLError) and "read operation timed out" not in str(error):
            raise requests.exceptions.SSLError(error) from error
        raise requests.ConnectionError(f"Read timed out. ({error})") from error
    except (http.client.HTTPException, OSError) as error:
        raise requests.exceptions.ChunkedEncodingError(f"Connection broken: {error!r}") from error


_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")


def response_range(response: requests.Response) -> tuple[int, int | None]:
    """(first byte, total size) of a 200 or 206 answer; total None when not announced (or
    when the body is content-encoded: its Content-Length counts the encoded bytes)."""
    if response.status_code == 206:
        match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
        if not match:
            raise DownloadError("The server answered a resume request without Content-Range.")
        total = None if match.group(3) == "*" else int(match.group(3))
        return int(match.group(1)), total
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    length = response.headers.get("Content-Length")
    if encoding not in ("", "identity") or not (length and length.isdigit()):
        return 0, None
    return 0, int(length)


def is_framed(response: requests.Response) -> bool:
    """A chunked body ends with its own terminator: http.client raises when it is cut, so a
    chunked body that ended without error is whole even without a Content-Length."""
    return "chunked" in response.headers.get("Transfer-Encoding", "").lower()
