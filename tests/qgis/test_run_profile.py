"""``make run`` for a newcomer (issue 16 point 16): the profile set-up writes a project that
shows where the sandbox has scenes (the world and one outline per place, the view on Berlin),
sends deliveries into the profile, and prints no authentication internals."""

from __future__ import annotations

import configparser
import os
import subprocess
from pathlib import Path

from qgis.core import QgsProject, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]


def test_the_run_profile_opens_on_where_the_sandbox_has_scenes(tmp_path, qgis_new_project):
    profiles = tmp_path / "run-profile"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QGIS_", "UP42_"))}
    done = subprocess.run(
        ["/usr/bin/python3", "tests/tools/setup_run_profile.py", "--profiles", str(profiles),
         "--api-url", "http://127.0.0.1:9"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    for internal in ("salt hex", "hash hex", "cipheriv"):
        assert internal not in output  # QGIS's auth manager stays off the console
    assert "Downloads go to" in done.stdout

    ini = configparser.ConfigParser(interpolation=None, strict=False)
    ini.read(profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini", encoding="utf-8")
    folders = [value for key, value in ini.items("up42") if key.endswith("download_folder")]
    assert [Path(folder) for folder in folders] == [profiles / "downloads"]

    project = QgsProject.instance()
    assert project.read(str(profiles / "up42-sandbox.qgz"))
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    assert set(layers) == {"Countries", "Sandbox scenes"}
    assert all(layer.isValid() for layer in layers.values())
    areas: QgsVectorLayer = layers["Sandbox scenes"]
    places = {f["place"]: f["scenes"] for f in areas.getFeatures()}
    assert {"Berlin", "Paris", "Tokyo"} <= set(places)
    assert all(count > 0 for count in places.values())
    view = project.viewSettings().defaultViewExtent()
    assert view.contains(13.40, 52.52)  # Berlin in view
    assert view.width() < 5
