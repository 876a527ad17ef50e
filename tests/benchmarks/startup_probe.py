"""Times the plugin's start-up in a fresh QGIS process; prints one JSON object.

Run with the QGIS venv's python from the repository root. What QGIS has loaded before any user
plugin starts (qgis.core/gui/utils, PyQt, the Processing framework) is loaded first; then the
clock runs over ``import up42_qgis; classFactory(iface).initGui()``, with pytest-qgis's iface
stub (plus the methods it lacks) standing in for the QGIS window.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from unittest.mock import MagicMock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="up42-bench-startup-")

from pytest_qgis.mock_qgis_classes import MockMessageBar
from pytest_qgis.qgis_interface import QgisInterface
from qgis.core import QgsApplication
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtWidgets import QMainWindow

from tests.qgis.conftest import MISSING_IFACE_METHODS

# Modules whose import at start-up would cost (they should wait until needed).
HEAVY = ("requests", "urllib3", "shapely", "osgeo", "numpy", "up42_qgis.api.client",
         "up42_qgis.gui.dock", "up42_qgis.gui.search_panel", "up42_qgis.gui.orders_panel")


def main() -> int:
    app = QgsApplication([], True)
    app.initQgis()
    import qgis.utils  # noqa: F401  (QGIS imports it before any plugin)

    sys.path.append(os.path.join(app.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()  # the desktop has Processing up before user plugins start
    window = QMainWindow()
    canvas = QgsMapCanvas(window)
    iface = QgisInterface(canvas, MockMessageBar(), window)
    for name in MISSING_IFACE_METHODS:
        if not hasattr(iface, name):
            setattr(iface, name, MagicMock(name=name))

    before = set(sys.modules)
    start = time.perf_counter()
    import up42_qgis

    plugin = up42_qgis.classFactory(iface)
    plugin.initGui()
    elapsed_ms = (time.perf_counter() - start) * 1000.0
    loaded = sorted(set(sys.modules) - before)
    plugin.unload()
    json.dump(
        {
            "ms": elapsed_ms,
            "plugin_modules": [m for m in loaded if m.startswith("up42_qgis")],
            "heavy_modules": [m for m in HEAVY if m in loaded],
            "other_modules": len([m for m in loaded if not m.startswith("up42_qgis")]),
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip QGIS's slow exit path; nothing is left to save
