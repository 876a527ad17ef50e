"""HTTP front of the sandbox: stdlib ThreadingHTTPServer, knobs applied, requests logged."""

from __future__ import annotations

import contextlib
import json
import re
import socket
import sys
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlsplit

from tests.sandbox.app import Request, Response, Sandbox
from tests.sandbox.errors import TEXT, ApiError, body_style

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
STATUS_TITLES = {403: "Forbidden", 429: "Too Many Requests", 500: "Internal Server Error",
                 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}


class ConnectionDroppedError(Exception):
    """Close the socket without an answer (a lost response)."""


class SandboxServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], sandbox: Sandbox, verbose: bool = False) -> None:
        super().__init__(address, SandboxHandler)
        self.sandbox = sandbox
        self.verbose = verbose


class SandboxHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "UP42Sandbox/1.0"
    server: SandboxServer
    _log_entry: dict[str, Any] | None = None

    def do_GET(self) -> None:
        self._handle("GET")

    def do_HEAD(self) -> None:
        self._handle("HEAD")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PATCH(self) -> None:
        self._handle("PATCH")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            sys.stderr.write("sandbox: " + format % args + "\n")

    # --- request plumbing -----------------------------------------------------------------
    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _handle(self, method: str) -> None:
        sandbox = self.server.sandbox
        parts = urlsplit(self.path)
        path = parts.path
        host = self.headers.get("Host") or f"{self.server.server_address[0]}:" \
                                           f"{self.server.server_address[1]}"
        request = Request(
            method=method, path=path,
            query=parse_qs(parts.query, keep_blank_values=True),
            query_pairs=parse_qsl(parts.query, keep_blank_values=True),
            headers=self.headers, body=self._read_body(), api=f"http://{host}",
        )
        if path.startswith("/_sandbox/"):
            self._log_entry = None
            self._serve(request, lambda: sandbox.admin(request), admin=True)
            return
        self._log_entry = {"method": method, "path": path, "query": parts.query,
                           "params": request.query, "status": None}
        # Logged on arrival (status None until the answer): a request a test cancelled is in
        # that test's log, not in the next one's, even when its answer fails much later.
        sandbox.log(self._log_entry)
        self._serve(request, lambda: self._api(request), admin=False)

    def _record(self, status: int) -> None:
        """Sets the logged request's status *before* the answer goes out, so a client that
        has its answer and then reads the log sees the status it got (0: the line broke,
        also after a status line went out)."""
        if self._log_entry is not None:
            self._log_entry["status"] = status

    def send_response(self, code: int, message: str | None = None) -> None:
        self._record(code)
        super().send_response(code, message)

    def _api(self, request: Request) -> Response:
        sandbox = self.server.sandbox
        latency = sandbox.knobs.get("latency_ms")
        if latency:
            time.sleep(latency / 1000.0)
        injected = sandbox.knobs.next_injected_failure(request.method, request.path)
        if injected is not None:
            status, retry_after = injected
            headers = {"Retry-After": str(int(retry_after))} if retry_after is not None else {}
            raise ApiError(status, STATUS_TITLES.get(status, "Injected failure"),
                           "Injected by the sandbox's fault knobs", headers=headers,
                           keycloak_error="temporarily_unavailable")
        return sandbox.dispatch(request)

    def _serve(self, request: Request, produce: Any, admin: bool) -> int:
        """Runs produce() and writes its response; returns the status (0: connection dropped)."""
        try:
            try:
                response = produce()
            except ApiError as error:
                style = body_style(request.path) if not admin else "problem"
                body = error.body(style)
                if style == TEXT:
                    response = Response(status=error.status, data=str(body).encode(),
                                        content_type=error.content_type
                                        or "text/plain; charset=utf-8")
                else:
                    response = Response(status=error.status, json=body)
                response.headers.update(error.headers)
            except Exception:
                traceback.print_exc(file=sys.stderr)
                response = Response(status=500, json={
                    "status": 500, "title": "Internal server error",
                    "detail": "The sandbox hit an unexpected error; see its log"})
            if response.drop:
                raise ConnectionDroppedError
            if response.blob is not None:
                return self._send_blob(request, response)
            self._send(request, response)
            return response.status
        except (ConnectionDroppedError, BrokenPipeError, ConnectionResetError):
            self._record(0)
            self._drop()
            return 0

    def _send(self, request: Request, response: Response) -> None:
        if response.data is not None:
            payload = response.data
        else:
            payload = json.dumps(response.json, ensure_ascii=False).encode("utf-8")
        self.send_response(response.status)
        content_type = response.content_type
        if content_type.endswith("json"):
            content_type += "; charset=utf-8"
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if request.method != "HEAD":
            self.wfile.write(payload)

    def _send_blob(self, request: Request, response: Response) -> int:
        blob = response.blob
        assert blob is not None
        size = blob.size
        start, end, status = 0, size, 200
        range_header = request.headers.get("Range")
        if range_header:
            match = RANGE.match(range_header.strip())
            if match and (match.group(1) or match.group(2)):
                if match.group(1):
                    start = int(match.group(1))
                    end = min(size, int(match.group(2)) + 1) if match.group(2) else size
                else:
                    start = max(0, size - int(match.group(2)))
                if start >= size or start >= end:
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{size}")
                    self.send_header("Content-Type", "text/plain; charset=utf-8")
                    message = b"Requested range not satisfiable"
                    self.send_header("Content-Length", str(len(message)))
                    self.end_headers()
                    if request.method != "HEAD":
                        self.wfile.write(message)
                    return 416
                status = 206
        self.send_response(status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(end - start))
        self.send_header("Content-Disposition", f'attachment; filename="{blob.filename}"')
        self.send_header("Accept-Ranges", "bytes")
        if status == 206:
            self.send_header("Content-Range", f"bytes {start}-{end - 1}/{size}")
        self.end_headers()
        if request.method == "HEAD":
            return status
        cut_after = None
        if request.path.startswith("/signed/"):
            cut_after = self.server.sandbox.knobs.take_download_drop()
        sent = 0
        for chunk in blob.read(start, end):
            if cut_after is not None and sent + len(chunk) >= cut_after:
                self.wfile.write(chunk[:max(0, cut_after - sent)])
                self.wfile.flush()
                raise ConnectionDroppedError
            self.wfile.write(chunk)
            sent += len(chunk)
        return status

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.wfile.flush()
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)
