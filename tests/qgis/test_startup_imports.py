"""QGIS start-up loads none of the plugin's heavy dependencies: requests, urllib3, shapely and
numpy (through shapely) wait until the first search, order or plan. The clock is the
benchmark's business (``make bench``); this test checks the import set, which decides it
(loading them tripled the start-up time)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.benchmarks.startup_probe import HEAVY
from tests.benchmarks.support import ROOT


def test_init_gui_in_a_fresh_qgis_imports_no_heavy_module():
    process = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.startup_probe"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert process.returncode == 0, process.stderr[-4000:]
    found = json.loads(process.stdout.strip().splitlines()[-1])
    assert any(m.startswith("up42_qgis.processing.alg_") for m in found["plugin_modules"])
    assert found["heavy_modules"] == [], f"imported at start-up: {found['heavy_modules']}"
    assert HEAVY  # the list the probe checks is the benchmark's own
