"""One QgsTask per delivered asset, so the task manager shows each file's progress and lets
the user cancel each one. A cancelled or cut download keeps its ``.part`` file: the next
attempt (also after a restart of QGIS) resumes it instead of starting over."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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
    when it is an archive; ``result`` is the DeliveredFile."""

    def __init__(self, client: Up42Client, asset: Asset, folder: Path, label: str) -> None:
        super().__init__(tr("UP42: downloading {name}").format(name=label))
        self.client = client
        self.asset = asset
        self.folder = folder
        self._last_percent = -1

    def _progress(self, done: int, total: int | None) -> None:
        if not total:
            return
        percent = int(100 * done / total)
        if percent != self._last_percent:  # one signal per percent, not per chunk
            self._last_percent = percent
            self.setProgress(min(99, percent))

    def work(self) -> DeliveredFile:
        engine = DownloadEngine(self.client, chunk_size=CHUNK_SIZE, max_workers=1)
        delivered = fetch_asset(
            engine, self.asset, self.folder, progress=self._progress, is_cancelled=self.isCanceled
        )
        self.setProgress(100)
        return delivered
