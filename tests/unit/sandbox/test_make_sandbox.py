"""`make sandbox` starts the server from the working tree; the default account gets a token."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import threading
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_make_sandbox_serves_tokens_for_the_default_account(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("UP42_", "SANDBOX_"))}
    env["SANDBOX_DATA_DIR"] = str(tmp_path)
    process = subprocess.Popen(["make", "--no-print-directory", "sandbox",
                                f"SANDBOX_PORT={port}"], cwd=ROOT, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        assert process.stdout is not None
        url = None
        timer = threading.Timer(60, lambda: os.killpg(process.pid, signal.SIGKILL))
        timer.start()
        for line in process.stdout:
            match = re.search(r"UP42 sandbox: (http://\S+)", line)
            if match:
                url = match.group(1)
                break
        timer.cancel()
        assert url == f"http://127.0.0.1:{port}"
        response = requests.post(url + "/realms/public/protocol/openid-connect/token", data={
            "grant_type": "password", "username": "sandbox@up42.local", "password": "sandbox",
            "client_id": "up42-api", "scope": "openid"}, timeout=10)
        assert response.status_code == 200
        assert response.json()["access_token"]
        assert response.json()["expires_in"] > 30
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
