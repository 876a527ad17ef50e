"""The quicklook box: the current scene's preview, loaded in a task, and "Show on map"."""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..api.models import Scene
from ..i18n import tr
from ..layers.quicklook import QuicklookError, georeference_quicklook, load_quicklook_layer
from ..tasks.search import PreviewTask
from ..toolbelt.notify import notify
from ..toolbelt.plain_text import plain_label, tooltip
from .search_errors import error_text, guarded

if TYPE_CHECKING:
    from ..context import PluginContext

CACHE_SIZE = 30
PREVIEW_HEIGHT = 140
DEBOUNCE_MS = 200


SINGLE_THREAD_PIXELS = 1 << 16  # Qt scales larger images smoothly on its global thread pool


def preview_scaled(pixmap: QPixmap, width: int, height: int) -> QPixmap:
    """``pixmap`` smoothly scaled to fit ``width`` × ``height``, without Qt's multi-threaded
    smooth scaling: on the main thread it waits for QThreadPool workers that running QgsTasks
    occupy, while those tasks wait for the Python lock the main thread holds (QGIS hung for
    good once three thumbnail downloads ran). A fast step first brings the source under
    65,536 pixels, where Qt scales on the calling thread."""
    source = pixmap
    pixels = source.width() * source.height()
    if pixels >= SINGLE_THREAD_PIXELS:
        factor = (SINGLE_THREAD_PIXELS / pixels) ** 0.5 * 0.99
        source = source.scaled(
            max(1, int(source.width() * factor)),
            max(1, int(source.height() * factor)),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )
    smooth = Qt.TransformationMode.SmoothTransformation
    return source.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio, smooth)


class QuicklookWidget(QWidget):
    layer_added = pyqtSignal(object)  # QgsRasterLayer

    def __init__(self, context: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.scene: Scene | None = None
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._task: PreviewTask | None = None

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start_preview)

        self.image = plain_label(QLabel(tr("Select a scene to see its quicklook."), self))
        self.image.setObjectName("Up42Quicklook")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumHeight(PREVIEW_HEIGHT)
        self.image.setWordWrap(True)
        self.show_button = QPushButton(tr("Show on map"), self)
        self.show_button.setToolTip(tr("Add the quicklook as a layer over its footprint"))
        self.show_button.setEnabled(False)
        self.show_button.clicked.connect(self.show_on_map)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.image)
        layout.addLayout(row)

    @property
    def loading(self) -> bool:
        return self._task is not None or self._debounce.isActive()

    @guarded
    def set_scene(self, scene: Scene | None) -> None:
        self.scene = scene
        self.show_button.setEnabled(False)
        self._debounce.stop()
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if scene is None:
            self.image.setPixmap(QPixmap())
            self.image.setText(tr("Select a scene to see its quicklook."))
            return
        if scene.id in self._cache:
            self._show(self._cache[scene.id])
            return
        if not (scene.quicklook_href or scene.thumbnail_href):
            self.image.setPixmap(QPixmap())
            self.image.setText(tr("This scene has no quicklook."))
            return
        self.image.setPixmap(QPixmap())
        self.image.setText(tr("Loading the quicklook…"))
        # Walking through the table with the arrow keys must not start a download per row.
        self._debounce.start()

    @guarded
    def _start_preview(self) -> None:
        scene = self.scene
        if scene is None or scene.id in self._cache:
            return
        kind = "quicklook" if scene.quicklook_href else "thumbnail"
        self._task = self.context.start(
            lambda client: PreviewTask(client, scene, kind), self._loaded
        )

    @guarded
    def _loaded(self, task: PreviewTask) -> None:
        if task is not self._task:
            return  # a preview for a scene no longer selected
        self._task = None
        if task.was_cancelled:
            return
        if task.error is not None or not task.result:
            self.image.setPixmap(QPixmap())
            self.image.setText(
                error_text(task.error) if task.error else tr("The quicklook is empty.")
            )
            return
        self._cache[task.scene.id] = task.result
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        self._show(task.result)

    def _show(self, data: bytes) -> None:
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):
            self.image.setPixmap(QPixmap())
            self.image.setText(tr("The quicklook is not an image QGIS can show."))
            return
        width = max(120, self.image.width() - 8)
        self.image.setPixmap(preview_scaled(pixmap, width, PREVIEW_HEIGHT))
        self.show_button.setEnabled(True)

    @guarded
    def show_on_map(self):
        scene = self.scene
        if scene is None or scene.id not in self._cache:
            return None
        try:
            path = georeference_quicklook(self._cache[scene.id], scene)
            layer = load_quicklook_layer(path, scene)
        except (QuicklookError, OSError, RuntimeError) as error:
            message = tr("Cannot show the quicklook on the map: {error}").format(error=error)
            self.image.setToolTip(tooltip(message))
            notify(self.context.iface, message, Qgis.MessageLevel.Warning, duration_s=8)
            return None
        self.layer_added.emit(layer)
        return layer

    def cancel(self) -> None:
        self._debounce.stop()
        if self._task is not None:
            self._task.cancel()
            self._task = None
