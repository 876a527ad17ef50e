"""Showing a quicklook while tasks run must not hang QGIS.

Qt scales a large image smoothly on its global thread pool and waits for it; on the main
thread that wait held Python's lock, so the QgsTasks filling the pool (thumbnail downloads)
could never finish and QGIS hung for good (seen under Xvfb with three thumbnails in flight).
The scenario runs in a child process so a hang fails this test instead of hanging the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCENARIO = """
import time
from qgis.core import QgsApplication, QgsTask
app = QgsApplication([], True)
app.initQgis()
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QThreadPool
from qgis.PyQt.QtGui import QColor, QImage
from up42_qgis.gui.search_quicklook import QuicklookWidget
from up42_qgis.tasks.base import Up42Task


class Busy(Up42Task):  # Python work in a pool thread, as a download's bookkeeping is
    def work(self):
        end = time.monotonic() + 2.0
        while time.monotonic() < end:
            time.sleep(0.001)


pool = QThreadPool.globalInstance().maxThreadCount()
tasks = [Busy("busy") for _ in range(pool)]
for task in tasks:
    QgsApplication.taskManager().addTask(task)
deadline = time.monotonic() + 10
while time.monotonic() < deadline and any(
    t.status() != QgsTask.TaskStatus.Running for t in tasks
):
    app.processEvents()
    time.sleep(0.01)
image = QImage(1024, 1024, QImage.Format.Format_RGB32)
image.fill(QColor("darkgreen"))
data = QByteArray()
buffer = QBuffer(data)
buffer.open(QIODevice.OpenModeFlag.WriteOnly)
image.save(buffer, "JPG")
widget = QuicklookWidget(None)
widget._show(bytes(data))
print("shown", widget.image.pixmap().width(), widget.image.pixmap().height(), flush=True)
"""


def test_a_quicklook_shows_while_tasks_fill_the_thread_pool():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run(
            [sys.executable, "-c", SCENARIO], env=env, cwd=ROOT, capture_output=True,
            text=True, timeout=30, check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise AssertionError("showing the quicklook hung while tasks ran") from error
    assert done.returncode == 0, done.stderr[-2000:]
    assert "shown " in done.stdout
    width, height = (int(n) for n in done.stdout.split("shown ")[1].split()[:2])
    assert 0 < width <= 632
    assert 0 < height <= 140
