"""Run inside QGIS (``make run QGIS_ARGS="--code <this>"``): what a newcomer sees when
``make run`` opens (tests/tools/run_start.py's Berlin view and dock), grabbed into SHOT_OUTPUT.

    xvfb-run -a -s "-screen 0 1600x1000x24" make run RUN_PROFILE=build/run-shot \\
        QGIS_ARGS="--code tests/tools/screenshots/run_view_shot.py" SHOT_OUTPUT=/tmp/run.png
"""

import os
from pathlib import Path

import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer

START = Path.cwd() / "tests" / "tools"  # run_qgis.sh runs QGIS from the repository
OUTPUT = os.environ.get("SHOT_OUTPUT", "run.png")

qgis.utils.iface.mainWindow().resize(1600, 1000)
exec(compile((START / "run_start.py").read_text(), "run_start.py", "exec"))


def grab():
    qgis.utils.iface.mainWindow().grab().save(OUTPUT)
    QgsApplication.exit(0)


QTimer.singleShot(9000, grab)
