"""python -m tests.sandbox [--host H] [--port P] [--data-dir D]: run the UP42 sandbox."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
from pathlib import Path

from tests.sandbox.accounts import DEFAULT_PASSWORD, DEFAULT_USERNAME
from tests.sandbox.app import Sandbox
from tests.sandbox.knobs import DEMO_DWELL
from tests.sandbox.server import SandboxServer


def _dwell(text: str) -> dict[str, float]:
    """'CREATED=2,BEING_PLACED=2,PLACED=3,BEING_FULFILLED=10' → dict."""
    dwell = dict(DEMO_DWELL)
    for part in filter(None, text.split(",")):
        state, _, seconds = part.partition("=")
        if state not in DEMO_DWELL:
            raise argparse.ArgumentTypeError(f"unknown state {state}")
        dwell[state] = float(seconds)
    return dwell


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.sandbox",
                                     description="A local UP42-compatible server.")
    parser.add_argument("--host", default=os.environ.get("SANDBOX_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("SANDBOX_PORT", "8642")))
    parser.add_argument("--data-dir", type=Path, default=os.environ.get("SANDBOX_DATA_DIR"),
                        help="where generated deliveries and previews are cached")
    parser.add_argument("--username", default=os.environ.get("SANDBOX_USERNAME",
                                                             DEFAULT_USERNAME))
    parser.add_argument("--password", default=os.environ.get("SANDBOX_PASSWORD",
                                                             DEFAULT_PASSWORD))
    parser.add_argument("--dwell", type=_dwell, default=_dwell(os.environ.get("SANDBOX_DWELL", "")),
                        help="default dwell seconds per order state, e.g. CREATED=1,PLACED=2")
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or Path(tempfile.gettempdir()) / "up42-sandbox-data"
    data_dir.mkdir(parents=True, exist_ok=True)
    sandbox = Sandbox(data_dir, args.username, args.password, args.dwell)
    server = SandboxServer((args.host, args.port), sandbox, verbose=args.verbose)
    host, port = server.server_address[:2]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"UP42 sandbox: http://{host}:{port}", flush=True)
    print(f"  account {args.username} / {args.password}; data in {data_dir}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
