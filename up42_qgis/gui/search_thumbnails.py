"""Thumbnails for the results table: only the rows on screen, a few downloads at a time, kept
on disk in the profile's cache folder.

The view tells the loader which scenes are visible (``want``, top row first) whenever it
scrolls, resizes or gets rows; the loader drops what scrolled away before it started, shows
what the memory or disk cache has at once, and runs at most ``max_running`` ThumbnailTasks.
Each task fetches through the client's ``preview`` (the quicklook's path: the token goes only
to UP42), shrinks the image and writes the cache file on its worker thread.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QImage

from ..api.models import Scene
from ..tasks.thumbnails import ThumbnailTask
from ..toolbelt.folders import plugin_cache_dir

MAX_RUNNING = 3  # thumbnail downloads at once
THUMBNAIL_SIZE = 32  # pixels, the longer side
MEMORY_SIZE = 400  # thumbnails kept in memory (the disk keeps the rest)
DISK_SIZE = 5_000  # cache files kept; the oldest go first

StartTask = Callable[..., Any]  # PluginContext.start: (make_task(client), on_done) -> task


def cache_file(folder: Path, scene: Scene) -> Path:
    digest = hashlib.sha1(f"{scene.collection}/{scene.id}".encode(), usedforsecurity=False)
    return folder / f"{digest.hexdigest()}.png"


def prune_cache(folder: Path, keep: int = DISK_SIZE) -> int:
    """Deletes the oldest cache files beyond ``keep``; returns how many went."""
    try:
        files = sorted(folder.glob("*.png"), key=lambda path: path.stat().st_mtime)
    except OSError:
        return 0
    removed = 0
    for path in files[: max(0, len(files) - keep)]:
        try:
            path.unlink()
            removed += 1
        except OSError:
            continue
    return removed


class ThumbnailLoader(QObject):
    loaded = pyqtSignal(str)  # scene id: its thumbnail is now in memory

    def __init__(
        self,
        start: StartTask,
        folder: Path | None = None,
        max_running: int = MAX_RUNNING,
        size: int = THUMBNAIL_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._start = start
        self._folder = folder
        self.max_running = max_running
        self.size = size
        self._images: OrderedDict[str, QImage] = OrderedDict()
        self._queue: list[Scene] = []
        self._running: dict[str, ThumbnailTask] = {}
        self._missing: set[str] = set()  # no preview, or it failed: not asked again
        self._pruned = False
        self.placeholder = QImage(size, size, QImage.Format.Format_ARGB32)
        self.placeholder.fill(Qt.GlobalColor.transparent)
        self.fetches = 0  # downloads started
        self.most_running = 0  # the most downloads that ran at once

    @property
    def folder(self) -> Path:
        if self._folder is None:
            self._folder = plugin_cache_dir("thumbnails", create=True)
        return self._folder

    # --- what the view asks --------------------------------------------------------------
    def image(self, scene_id: str) -> QImage | None:
        image = self._images.get(scene_id)
        if image is not None:
            self._images.move_to_end(scene_id)
        return image

    def decoration(self, scene_id: str) -> QImage:
        """The thumbnail, or a blank of the same size so the row's text does not move."""
        return self.image(scene_id) or self.placeholder

    def want(self, scenes: Sequence[Scene]) -> None:
        """``scenes`` are on screen now (top first): cached ones show at once, the others
        replace the queue (rows scrolled away are not fetched)."""
        queue = []
        for scene in scenes:
            if scene.id in self._images or scene.id in self._running:
                continue
            if scene.id in self._missing:
                continue
            if not (scene.thumbnail_href or scene.quicklook_href):
                self._missing.add(scene.id)
                continue
            cached = QImage(str(cache_file(self.folder, scene)))
            if not cached.isNull():
                self._keep(scene.id, cached)
                continue
            queue.append(scene)
        self._queue = queue
        self._pump()

    @property
    def running(self) -> int:
        return len(self._running)

    @property
    def queued(self) -> tuple[str, ...]:
        return tuple(scene.id for scene in self._queue)

    def forget_failures(self) -> None:
        """A new search may try again what failed in the last one."""
        self._queue = []
        self._missing.clear()

    def cancel(self) -> None:
        self._queue = []
        for task in list(self._running.values()):
            task.cancel()
        self._running.clear()

    # --- downloads -----------------------------------------------------------------------
    def _pump(self) -> None:
        if sip.isdeleted(self):
            return
        if self._queue and not self._pruned:
            self._pruned = True
            prune_cache(self.folder)
        while self._queue and len(self._running) < self.max_running:
            scene = self._queue.pop(0)
            path = cache_file(self.folder, scene)

            def make(client, scene=scene, path=path, size=self.size) -> ThumbnailTask:
                return ThumbnailTask(client, scene, path, size)

            self._running[scene.id] = self._start(make, self._done)
            self.fetches += 1
            self.most_running = max(self.most_running, len(self._running))

    def _done(self, task: ThumbnailTask) -> None:
        if sip.isdeleted(self):
            return
        if self._running.get(task.scene.id) is task:
            del self._running[task.scene.id]
        if isinstance(task.result, QImage) and task.error is None and not task.was_cancelled:
            self._keep(task.scene.id, task.result)
        elif not task.was_cancelled:
            self._missing.add(task.scene.id)  # shown without a thumbnail, not asked again
        # Not from inside the task manager's callback: a task added there could stay
        # "queued" for good (seen on QGIS 3.22 with three thumbnails in flight).
        QTimer.singleShot(0, self._pump)

    def _keep(self, scene_id: str, image: QImage) -> None:
        self._images[scene_id] = image
        self._images.move_to_end(scene_id)
        while len(self._images) > MEMORY_SIZE:
            self._images.popitem(last=False)
        self.loaded.emit(scene_id)
