"""Fixtures shared by every suite; Qt-free, so the unit suite can load it without QGIS.

The sandbox runs as its own process (the system Python, which has GDAL for the deliveries),
started once per session on a free port; ``sandbox`` resets its state and knobs per test.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sandbox.control import SandboxControl

ROOT = Path(__file__).resolve().parent.parent
SANDBOX_PYTHON = os.environ.get("SANDBOX_PYTHON", "/usr/bin/python3")
URL_LINE = re.compile(r"UP42 sandbox: (http://\S+)")


def start_sandbox(*extra_args: str, data_dir: Path | None = None) -> tuple[subprocess.Popen, str]:
    """Start a sandbox process on a free port; returns it and its base URL."""
    args = [SANDBOX_PYTHON, "-m", "tests.sandbox", "--host", "127.0.0.1", "--port", "0"]
    if data_dir is not None:
        args += ["--data-dir", str(data_dir)]
    process = subprocess.Popen(
        [*args, *extra_args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=sys.stderr,
        text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("UP42_")},
    )
    assert process.stdout is not None
    for line in process.stdout:
        match = URL_LINE.search(line)
        if match:
            # Keep draining stdout so the sandbox never blocks on a full pipe.
            threading.Thread(target=process.stdout.read, daemon=True).start()
            return process, match.group(1)
    process.kill()
    raise RuntimeError("the sandbox exited before printing its URL")


def stop_sandbox(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def sandbox_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxControl]:
    process, url = start_sandbox(data_dir=tmp_path_factory.mktemp("sandbox-data"))
    try:
        yield SandboxControl(url)
    finally:
        stop_sandbox(process)


@pytest.fixture
def sandbox(sandbox_server: SandboxControl) -> SandboxControl:
    """The session's sandbox with default knobs, no orders and an empty request log."""
    sandbox_server.reset()
    return sandbox_server
