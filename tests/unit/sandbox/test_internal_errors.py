"""An unexpected exception in a handler becomes a 500 problem body, never a stack trace.
Runs an in-process sandbox in the system Python (the only one with GDAL)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = r"""
import json, tempfile, threading, urllib.error, urllib.request
from pathlib import Path
from tests.sandbox.app import Sandbox
from tests.sandbox.server import SandboxServer

sandbox = Sandbox(Path(tempfile.mkdtemp()), "user", "secret")
def explode(request):
    raise RuntimeError("internal detail that must not leak")
sandbox.route("GET", "/v2/explode", explode, auth=False)
server = SandboxServer(("127.0.0.1", 0), sandbox)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_address[1]}/v2/explode"
try:
    urllib.request.urlopen(url, timeout=10)
except urllib.error.HTTPError as error:
    print(json.dumps({"status": error.code, "type": error.headers["Content-Type"],
                      "body": error.read().decode(), "log": sandbox.request_log()}))
server.shutdown()
"""


def test_unexpected_exception_is_a_500_problem() -> None:
    result = subprocess.run(["/usr/bin/python3", "-c", SCRIPT], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["status"] == 500
    assert report["type"].startswith("application/json")
    body = json.loads(report["body"])
    assert body == {"status": 500, "title": "Internal server error",
                    "detail": "The sandbox hit an unexpected error; see its log"}
    assert "Traceback" not in report["body"]
    assert "internal detail" not in report["body"]
    assert "internal detail" in result.stderr  # the operator still sees what went wrong
    assert report["log"][0]["status"] == 500
