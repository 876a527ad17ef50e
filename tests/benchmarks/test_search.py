"""Search: the client's own time per 500-scene page against the official up42-py SDK."""

from __future__ import annotations

import json
import math
import os
import subprocess

import pytest

from tests.benchmarks.harness import median
from tests.benchmarks.support import ROOT, require_sandbox, sandbox_client

NOQT_PYTHON = ROOT / ".venv-noqt" / "bin" / "python"
PAGES = 20
PAGE_SIZE = 500
REPETITIONS = 5


@pytest.mark.timeout(1200)
@pytest.mark.bench_rows("search_own_time")
def test_search_own_time_against_the_sdk(bench, request, world_features):
    require_sandbox()
    if not NOQT_PYTHON.exists():
        pytest.skip(".venv-noqt (which holds the up42-py SDK) does not exist; run make venv")
    sandbox = request.getfixturevalue("sandbox")
    sandbox_client(sandbox)  # skips while the client is still the interface spec
    process = subprocess.run(
        [str(NOQT_PYTHON), "-m", "tests.benchmarks.search_runner", sandbox.url,
         sandbox.username, sandbox.password, "--pages", str(PAGES),
         "--page-size", str(PAGE_SIZE), "--repetitions", str(REPETITIONS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "UP42_DISABLE_VERSION_CHECK": "true"},
        check=False,
    )
    assert process.returncode == 0, process.stderr[-4000:]
    results = json.loads(process.stdout)
    for name, runs in results.items():
        for run in runs:
            assert run["pages"] == PAGES, (name, run)
    plugin = median([run["own_ms_per_page"] for run in results["plugin"]])
    sdk = median([run["own_ms_per_page"] for run in results["sdk"]])
    row = bench.record("search_own_time", plugin, sdk)
    world = len(world_features)
    pages_per_search = math.ceil(world / PAGE_SIZE)
    row.notes.append(
        f"median of {REPETITIONS} alternating repetitions of {PAGES} pages x {PAGE_SIZE} scenes, "
        f"both in .venv-noqt (requests {_requests_version()}); own time = wall time minus time "
        "inside requests.Session.send; "
        f"plugin runs (ms/page): {_series(results['plugin'])}; SDK: {_series(results['sdk'])}; "
        f"server time per page: plugin {_server(results['plugin']):.1f} ms, "
        f"SDK {_server(results['sdk']):.1f} ms"
    )
    if world < PAGES * PAGE_SIZE:
        row.notes.append(
            f"the sandbox world holds {world} scenes, so the {PAGES} pages are "
            f"{math.ceil(PAGES / pages_per_search)} "
            f"consecutive world-wide searches of {pages_per_search} pages each (the last page of "
            f"each search holds {world - (pages_per_search - 1) * PAGE_SIZE} scenes)"
        )


def _series(runs: list[dict]) -> str:
    return ", ".join(f"{run['own_ms_per_page']:.1f}" for run in runs)


def _server(runs: list[dict]) -> float:
    return median([run["server_s"] * 1000.0 / run["pages"] for run in runs])


def _requests_version() -> str:
    process = subprocess.run(
        [str(NOQT_PYTHON), "-c", "import requests; print(requests.__version__)"],
        capture_output=True, text=True, check=False,
    )
    return process.stdout.strip() or "?"
