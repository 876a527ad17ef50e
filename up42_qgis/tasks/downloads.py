"""One QgsTask per delivered asset, so the task manager shows each file's progress and lets
the user cancel each one. A cancelled or cut download keeps its ``.part`` file: the next
attempt (also after a restart of QGIS) resumes it instead of starting over."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..api.download import DownloadEngine, safe_extract_zip
from ..api.models import Asset
from ..i18n import tr
from .base import Up42Task

if TYPE_CHECKING:
    from ..api.client import Up42Client

CHUNK_SIZE = 4 * 1024 * 1024  # the engine's default; see api/download.py


@dataclass
class DownloadedAsset:
    asset: Asset
    path: Path
    extracted: list[Path] = field(default_factory=list)  # files unpacked from a ZIP


class DownloadAssetTask(Up42Task):
    """Downloads one asset into ``folder`` and unpacks it there when it is a ZIP."""

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

    def work(self) -> DownloadedAsset:
        self.folder.mkdir(parents=True, exist_ok=True)
        engine = DownloadEngine(self.client, chunk_size=CHUNK_SIZE, max_workers=1)
        path = engine.download_asset(
            self.asset, self.folder, progress=self._progress, is_cancelled=self.isCanceled
        )
        self.check_cancelled()
        extracted: list[Path] = []
        if self.asset.is_zip or path.suffix.lower() == ".zip":
            extracted = list(safe_extract_zip(path, self.folder / path.stem))
        self.setProgress(100)
        return DownloadedAsset(asset=self.asset, path=path, extracted=extracted)
