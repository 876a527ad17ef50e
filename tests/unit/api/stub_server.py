"""A tiny scripted HTTP server (stdlib) for the error body shapes the sandbox does not emit.

Each path gets a queue of answers; the last one repeats. An answer is (status, headers, body)
or the string "drop" (close the connection without answering). The token endpoint always
signs in, so authenticated calls work.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TOKEN_PATH = "/realms/public/protocol/openid-connect/token"
Answer = tuple[int, dict[str, str], bytes] | str


class StubServer:
    def __init__(self) -> None:
        self.answers: dict[str, list[Answer]] = {}
        self.hits: dict[str, int] = defaultdict(int)
        self.tokens_issued = 0
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                path = self.path.split("?", 1)[0]
                stub.hits[f"{self.command} {path}"] += 1
                if path == TOKEN_PATH:
                    stub.tokens_issued += 1
                    answer: Answer = (
                        200,
                        {"Content-Type": "application/json"},
                        json.dumps(
                            {"access_token": f"stub-token-{stub.tokens_issued}", "expires_in": 300}
                        ).encode(),
                    )
                else:
                    queue = stub.answers.get(path) or [(404, {}, b"")]
                    answer = queue.pop(0) if len(queue) > 1 else queue[0]
                if answer == "drop":
                    self.close_connection = True
                    self.connection.close()
                    return
                status, headers, body = answer  # type: ignore[misc]
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PATCH = do_DELETE = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    def script(self, path: str, *answers: Answer) -> None:
        self.answers[path] = list(answers)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def json_answer(status: int, body: Any, **headers: str) -> Answer:
    return (status, {"Content-Type": "application/json", **headers}, json.dumps(body).encode())
