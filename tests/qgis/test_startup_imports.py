"""QGIS start-up loads none of the plugin's heavy dependencies: requests, urllib3, shapely and
numpy (through shapely) wait until the first search, order or plan. The clock is the
benchmark's business (``make bench``); this test checks the import set, which decides it
(loading them tripled the start-up time)."""

from __future__ import annotations

from tests.benchmarks.test_startup import probe


def test_init_gui_in_a_fresh_qgis_imports_no_heavy_module():
    found = probe()  # the start-up benchmark's fresh QGIS process
    assert any(m.startswith("up42_qgis.processing.alg_") for m in found["plugin_modules"])
    assert found["heavy_modules"] == [], f"imported at start-up: {found['heavy_modules']}"
