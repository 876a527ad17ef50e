"""The whole chain headless: search → estimate → order → download through ``qgis_process.bin``,
with the plugin found through QGIS_PLUGINPATH and enabled in a throwaway profile."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from osgeo import gdal

ROOT = Path(__file__).resolve().parents[2]
QGIS_PROCESS = shutil.which("qgis_process.bin")
# In Berlin; small, so every scene found there can be estimated and ordered for it.
ORDER_EXTENT = "13.38,13.42,52.49,52.51 [EPSG:4326]"
FAST_DWELL = {"CREATED": 0.1, "BEING_PLACED": 0.1, "PLACED": 0.1, "BEING_FULFILLED": 0.1}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(QGIS_PROCESS is None, reason="qgis_process.bin is not installed"),
]


def stage_plugin(target: Path) -> Path:
    """What ``make stage`` builds: the package's entries and the data files as symlinks."""
    plugin = target / "up42_qgis"
    plugin.mkdir(parents=True)
    entries = [*sorted((ROOT / "up42_qgis").iterdir()), ROOT / "metadata.txt"]
    entries += [ROOT / "resources", ROOT / "i18n"]
    for entry in entries:
        if entry.exists() and entry.name != "__pycache__":
            (plugin / entry.name).symlink_to(entry)
    return target


class QgisProcess:
    def __init__(self, tmp_path: Path, sandbox: Any) -> None:
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("UP42_", "QGIS_"))},
            "QT_QPA_PLATFORM": "offscreen",
            "QGIS_PLUGINPATH": str(stage_plugin(tmp_path / "plugins")),
            "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path / "profile"),
            "UP42_USERNAME": sandbox.username,
            "UP42_PASSWORD": sandbox.password,
            "UP42_API_URL": sandbox.url,
            "UP42_AUTH_URL": sandbox.url,
        }
        (tmp_path / "profile").mkdir()

    def __call__(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [QGIS_PROCESS, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )

    def run(self, algorithm: str, **parameters: Any) -> dict[str, Any]:
        done = self("--json", "run", f"up42:{algorithm}", "--", *self.arguments(parameters))
        assert done.returncode == 0, done.stdout + done.stderr
        return json.loads(done.stdout[done.stdout.index("{") :])["results"]

    @staticmethod
    def arguments(parameters: dict[str, Any]) -> list[str]:
        return [f"{name}={value}" for name, value in parameters.items()]


def collections_in(path: Path) -> set[str]:
    dataset = gdal.OpenEx(str(path))
    layer = dataset.GetLayer(0)
    return {feature.GetField("collection") for feature in layer}


@pytest.fixture
def qgis_process(sandbox, tmp_path) -> QgisProcess:
    sandbox.configure(dwell=FAST_DWELL)
    runner = QgisProcess(tmp_path, sandbox)
    enabled = runner("plugins", "enable", "up42_qgis")
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    return runner


def test_the_whole_chain_through_qgis_process(qgis_process, sandbox, tmp_path):
    footprints = tmp_path / "footprints.gpkg"
    found = qgis_process.run("search", EXTENT=ORDER_EXTENT, LIMIT=2, OUTPUT=footprints)
    assert Path(found["OUTPUT"].split("|")[0]) == footprints

    estimated = qgis_process.run(
        "estimate", SCENES=footprints, EXTENT=ORDER_EXTENT, OUTPUT=tmp_path / "estimate.gpkg"
    )
    assert estimated["TOTAL_CREDITS"] > 0

    ordered = qgis_process.run(
        "order",
        SCENES=footprints,
        EXTENT=ORDER_EXTENT,
        MAX_CREDITS=estimated["TOTAL_CREDITS"],
        OUTPUT=tmp_path / "orders.gpkg",
    )
    order_ids = ordered["ORDER_IDS"].split(",")
    assert len(order_ids) == 2

    folder = tmp_path / "downloads"
    downloaded = qgis_process.run(
        "download",
        ORDER_IDS=ordered["ORDER_IDS"],
        WAIT="true",
        TIMEOUT=120,
        POLL_INTERVAL=5,
        FOLDER=folder,
    )
    files = [Path(p) for p in downloaded["FILES"]]
    assert len(files) >= len(order_ids)
    for path in files:
        assert folder in path.parents
        dataset = gdal.Open(str(path))
        assert dataset is not None
        assert dataset.RasterCount >= 1
    log = sandbox.request_log()
    assert len([e for e in log if e["method"] == "POST" and e["path"] == "/v2/orders"]) == 2


def test_a_refused_order_fails_in_one_line_without_a_traceback(qgis_process, sandbox, tmp_path):
    footprints = tmp_path / "footprints.gpkg"
    qgis_process.run("search", EXTENT=ORDER_EXTENT, LIMIT=1, OUTPUT=footprints)
    done = qgis_process(
        "run",
        "up42:order",
        "--",
        *qgis_process.arguments(
            {
                "SCENES": footprints,
                "EXTENT": ORDER_EXTENT,
                "MAX_CREDITS": 1,
                "OUTPUT": tmp_path / "orders.gpkg",
            }
        ),
    )
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert "Traceback" not in output
    reasons = [line for line in output.splitlines() if "nothing was ordered" in line]
    assert reasons
    assert "above MAX_CREDITS 1" in reasons[0]
    log = sandbox.request_log()
    assert not [e for e in log if e["method"] == "POST" and e["path"] == "/v2/orders"]


def test_collections_are_a_choice_and_typed_names_still_work(qgis_process, sandbox, tmp_path):
    """Before the glossary was ever read COLLECTIONS is text; once a search has read it, it is
    a choice of UP42's collections, and ``COLLECTIONS=phr,spot`` typed on the command line
    still runs (also once per name)."""
    before = qgis_process("help", "up42:search")
    assert before.returncode == 0, before.stdout + before.stderr
    assert "comma-separated names" in before.stdout
    qgis_process.run("search", EXTENT=ORDER_EXTENT, COLLECTIONS="phr", LIMIT=1,
                     OUTPUT=tmp_path / "first.gpkg")

    after = qgis_process("help", "up42:search")
    assert after.returncode == 0, after.stdout + after.stderr
    assert "comma-separated names" not in after.stdout
    choices = after.stdout.split("\nCOLLECTIONS:")[1].split("\nSTART_DATE:")[0]
    assert "enum" in choices
    for name in ("phr", "pneo", "spot"):
        assert f": {name}\n" in choices
    assert "pneo-tasking" not in after.stdout  # tasking collections are not in the catalog

    typed = tmp_path / "typed.gpkg"
    qgis_process.run("search", EXTENT=ORDER_EXTENT, COLLECTIONS="phr,spot", LIMIT=20,
                     OUTPUT=typed)
    repeated = tmp_path / "repeated.gpkg"
    done = qgis_process("--json", "run", "up42:search", "--", f"EXTENT={ORDER_EXTENT}",
                        "COLLECTIONS=phr", "COLLECTIONS=spot", "LIMIT=20", f"OUTPUT={repeated}")
    assert done.returncode == 0, done.stdout + done.stderr
    everything = tmp_path / "everything.gpkg"
    qgis_process.run("search", EXTENT=ORDER_EXTENT, LIMIT=50, OUTPUT=everything)
    assert collections_in(everything) - {"phr", "spot"}  # the filter below is a real one
    for path in (typed, repeated):
        assert collections_in(path)
        assert collections_in(path) <= {"phr", "spot"}
    unknown = qgis_process("run", "up42:search", "--", f"EXTENT={ORDER_EXTENT}",
                           "COLLECTIONS=nope", f"OUTPUT={tmp_path / 'no.gpkg'}")
    assert unknown.returncode != 0
