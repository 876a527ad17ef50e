"""One QgsTask per delivered asset, so the task manager shows each file's progress and lets
the user cancel each one. A cancelled or cut download keeps its ``.part`` file: the next
attempt (also after a restart of QGIS) resumes it instead of starting over."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qgis.PyQt.QtCore import pyqtSignal

from ..api.delivery import DeliveredFile, fetch_asset
from ..api.download import DownloadEngine
from ..api.models import Asset
from ..i18n import tr
from .base import Up42Task

if TYPE_CHECKING:
    from ..api.client import Up42Client

CHUNK_SIZE = 4 * 1024 * 1024  # the engine's default; see api/download.py


class DownloadAssetTask(Up42Task):
    """``api.delivery.fetch_asset`` in a task: one asset into ``folder``, unpacked there
    when it is an archive; ``result`` is the DeliveredFile.

    ``bytes_changed`` (bytes done, the file's size or None) lets the download manager show
    one progress by bytes over all of an order's files; with ``own_progress`` False the
    task's bar is the one the manager sets with ``show_progress`` (the order's), so QGIS's
    task bar and the dock show the same fraction."""

    bytes_changed = pyqtSignal(object, object)  # done, total (Python ints: files > 2 GiB)

    def __init__(
        self, client: Up42Client, asset: Asset, folder: Path, label: str, own_progress: bool = True
    ) -> None:
        super().__init__(tr("UP42: downloading {name}").format(name=label))
        self.client = client
        self.asset = asset
        self.folder = folder
        self.own_progress = own_progress
        self._last_percent = -1

    def _progress(self, done: int, total: int | None) -> None:
        if not total:
            return
        percent = int(100 * done / total)
        if percent != self._last_percent:  # one signal per percent, not per chunk
            self._last_percent = percent
            self.bytes_changed.emit(int(done), int(total))
            if self.own_progress:
                self.setProgress(min(99, percent))

    def show_progress(self, percent: float) -> None:
        """The bar QGIS's task manager shows for this task (the order's progress)."""
        self.setProgress(max(0.0, min(99.0, float(percent))))

    def work(self) -> DeliveredFile:
        engine = DownloadEngine(self.client, chunk_size=CHUNK_SIZE, max_workers=1)
        delivered = fetch_asset(
            engine, self.asset, self.folder, progress=self._progress, is_cancelled=self.isCanceled
        )
        if self.own_progress:
            self.setProgress(100)
        return delivered
