"""Start-up: the plugin's import plus initGui in a fresh QGIS process, and what they import."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.benchmarks.harness import median
from tests.benchmarks.support import ROOT

QGIS_PYTHON = ROOT / ".venv" / "bin" / "python"
RUNS = 5


def probe() -> dict:
    python = QGIS_PYTHON if QGIS_PYTHON.exists() else sys.executable
    # A user's QGIS writes .pyc files at the first start and reads them at every later one;
    # with PYTHONDONTWRITEBYTECODE (set on some CI machines) every run would compile the
    # plugin from source and the row would time the compiler.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    process = subprocess.run(
        [str(python), "-m", "tests.benchmarks.startup_probe"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert process.returncode == 0, process.stderr[-4000:]
    return json.loads(process.stdout.strip().splitlines()[-1])


@pytest.mark.bench_rows("startup")
def test_import_and_init_gui_in_a_fresh_qgis(bench):
    probe()  # once untimed: compiles the .pyc files a user's install already has
    runs = [probe() for _ in range(RUNS)]
    row = bench.record("startup", median([run["ms"] for run in runs]))
    last = runs[-1]
    timings = ", ".join(f"{run['ms']:.0f}" for run in runs)
    row.notes.append(
        f"median of {RUNS} fresh processes (ms: {timings}); "
        "QgsApplication, qgis.utils and Processing initialised before the clock starts, "
        "pytest-qgis's iface stub; "
        f"initGui imports {len(last['plugin_modules'])} plugin modules "
        f"({', '.join(last['plugin_modules'])}) and {last['other_modules']} others; "
        f"heavy modules imported at start-up: {', '.join(last['heavy_modules']) or 'none'}"
    )
