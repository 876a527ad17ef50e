"""A scene's thumbnail for the results table: fetched the way the quicklook is (the client's
``preview``: UP42's signed URL, then the image without the token), shrunk on the worker thread
and written to the thumbnail cache, so the main thread only shows it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QImage

from ..api.models import Scene
from ..i18n import tr
from .base import Up42Task

if TYPE_CHECKING:
    from ..api.client import Up42Client


class ThumbnailTask(Up42Task):
    """``result`` is the thumbnail as a QImage at most ``size`` pixels wide and high, also
    written to ``path`` (PNG); a write that fails keeps the image."""

    def __init__(self, client: Up42Client, scene: Scene, path: Path, size: int) -> None:
        super().__init__(tr("UP42: loading thumbnails"))
        self.client = client
        self.scene = scene
        self.path = path
        self.size = size
        self.kind = "thumbnail" if scene.thumbnail_href else "quicklook"

    def work(self) -> QImage:
        self.check_cancelled()
        data = self.client.preview(self.scene, self.kind)
        self.check_cancelled()
        image = QImage()
        if not image.loadFromData(bytes(data)):
            raise ValueError(tr("The thumbnail is not an image QGIS can show."))
        image = image.scaled(
            self.size,
            self.size,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".part")
        if image.save(str(partial), "PNG"):
            partial.replace(self.path)  # never a half-written file under the final name
        return image
