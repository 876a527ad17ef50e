"""A transparent TCP relay that counts the bytes a server sends, to measure what a download
really transfers (including what it transfers twice after a drop).

The client talks to the relay as if it were the sandbox; the sandbox builds every href from the
request's Host header, so signed URLs point at the relay too and every byte passes through it.
When the server closes a connection (a dropped download), the relay closes the client's side.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from types import TracebackType

BUFFER = 256 * 1024


class CountingRelay:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.downstream_bytes = 0
        self.connections = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._closed = False
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> CountingRelay:
        self._thread.start()
        return self

    def __exit__(self, kind: type | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._closed = True
        self._listener.close()

    def reset(self) -> None:
        with self._lock:
            self.downstream_bytes = 0
            self.connections = 0

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _address = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream)
            except OSError:
                client.close()
                continue
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._pump, args=(client, server, False), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, True), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, count: bool) -> None:
        try:
            while True:
                data = source.recv(BUFFER)
                if not data:
                    break
                if count:
                    with self._lock:
                        self.downstream_bytes += len(data)
                target.sendall(data)
        except OSError:
            pass
        finally:
            for side in (source, target):
                with contextlib.suppress(OSError):
                    side.shutdown(socket.SHUT_RDWR)
                side.close()
