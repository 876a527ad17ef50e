"""The download queue the plugin owns: an order's delivery, one task per asset, then the
rasters into the project. Orders whose download was interrupted are remembered on disk and
resumed (their ``.part`` files continue) when the plugin starts again."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..api.delivery import (
    DeliveredFile,
    adopt_old_item_folders,
    order_folder,
    plan_delivery,
    rasters_to_load,
)
from ..api.models import Asset, Delivery
from ..i18n import tr
from ..layers.rasters import add_rasters_to_project, zoom_to_layers
from ..tasks.base import TaskRunner, Up42Task
from ..tasks.orders import DeliveryTask
from ..toolbelt.folders import default_download_folder
from ..toolbelt.formatting import format_count
from ..toolbelt.messages import error_text
from ..toolbelt.notify import log, notify

if TYPE_CHECKING:
    from qgis.gui import QgisInterface

    from ..api.client import Up42Client
    from ..bridge.clients import ClientProvider
    from ..settings import PluginSettings
    from .order_state import OrderStateStore

DEFAULT_PARALLEL = 3


def _settings() -> PluginSettings | None:
    try:
        from ..settings import SettingsStore

        return SettingsStore.load()
    except Exception:  # settings unreadable: the defaults still give a working download
        return None


def default_download_root() -> Path:
    settings = _settings()
    return Path(settings.download_folder if settings else default_download_folder())


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def order_percent(done: dict[str, int], sizes: dict[str, int], files: int) -> float:
    """Percent of an order's bytes downloaded. Sizes are known once a file's download has
    started; each file not started yet counts as the mean size of the known ones."""
    if files <= 0:
        return 0.0
    known = [size for size in sizes.values() if size > 0]
    if not known:
        return 0.0
    total = sum(known) + (sum(known) / len(known)) * max(0, files - len(known))
    bytes_done = sum(min(done.get(key, 0), size) for key, size in sizes.items())
    return min(100.0, 100.0 * bytes_done / total) if total else 0.0


@dataclass
class _Job:
    order_id: str
    display_name: str
    add_to_project: bool
    folder: Path
    folder_name: str = ""  # the order's display name as UP42 has it (names the folder)
    queue: list[tuple[Asset, Path]] = field(default_factory=list)
    running: dict[str, Up42Task] = field(default_factory=dict)  # asset href -> its task
    bytes_done: dict[str, int] = field(default_factory=dict)  # asset href -> bytes so far
    bytes_total: dict[str, int] = field(default_factory=dict)  # asset href -> its size
    done: list[DeliveredFile] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    cancelled: bool = False
    skipped: list[str] = field(default_factory=list)  # assets cancelled one by one
    total: int = 0
    delivery_task: Up42Task | None = None


class DownloadManager(QObject):
    """``download_order`` is safe to call again for the same order: a running download is
    not started twice, a finished file is not fetched again, a partial one resumes."""

    download_started = pyqtSignal(str)  # order id
    download_progress = pyqtSignal(str, float)  # order id, percent over all its assets
    download_finished = pyqtSignal(str, list)  # order id, downloaded file paths (str)
    download_failed = pyqtSignal(str, str)  # order id, explanation

    def __init__(
        self,
        clients: ClientProvider,
        state: OrderStateStore,
        iface: QgisInterface | None = None,
        root: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clients = clients
        self.state = state
        self.iface = iface
        self._root = root
        self._runner = TaskRunner(clients)
        self._jobs: dict[str, _Job] = {}
        self._stopped = False
        self.last_files: dict[str, list[Path]] = {}  # order id -> files of its last download
        self.last_layers: dict[str, list[str]] = {}  # order id -> ids of the layers added

    # --- queries ---------------------------------------------------------------------------
    @property
    def root(self) -> Path:
        return self._root or default_download_root()

    def folder_for(self, order_id: str, display_name: str = "") -> Path:
        return order_folder(self.root, order_id, display_name)

    def is_active(self, order_id: str) -> bool:
        return order_id in self._jobs

    def active_order_ids(self) -> list[str]:
        return list(self._jobs)

    def pending_order_ids(self) -> list[str]:
        return list(self.state.pending_downloads())

    # --- actions ---------------------------------------------------------------------------
    def download_order(
        self,
        order_id: str,
        display_name: str = "",
        add_to_project: bool = True,
        delivery: Delivery | None = None,
    ) -> bool:
        """Starts the download; False when it is already running or the manager stopped."""
        if self._stopped or order_id in self._jobs:
            return False
        job = _Job(
            order_id=order_id,
            display_name=display_name or order_id,
            add_to_project=add_to_project,
            folder=self.folder_for(order_id, display_name),
            folder_name=display_name,
        )
        self._jobs[order_id] = job
        self._remember_pending(job)
        self.download_started.emit(order_id)
        if delivery is not None:
            self._start_assets(job, delivery)
            return True
        job.delivery_task = self._runner.start_with_client(
            lambda client: DeliveryTask(client, order_id), lambda task: self._on_delivery(job, task)
        )
        return True

    def cancel(self, order_id: str) -> None:
        """Stops the order's downloads; partial files stay and resume next time."""
        job = self._jobs.get(order_id)
        if job is None:
            return
        job.cancelled = True
        job.queue.clear()
        if job.delivery_task is not None:
            job.delivery_task.cancel()
        for task in list(job.running.values()):
            task.cancel()

    def resume_interrupted(self) -> list[str]:
        """Restarts the downloads a previous session left unfinished."""
        started = []
        for order_id, pending in self.state.pending_downloads().items():
            if self.download_order(order_id, pending.display_name, pending.add_to_project):
                started.append(order_id)
        return started

    def stop(self) -> None:
        """On unload: no new work, running tasks cancelled (their ``.part`` files stay and
        the orders stay pending, so the next start resumes them)."""
        self._stopped = True
        self._runner.cancel_all()
        self._jobs.clear()

    # --- steps -----------------------------------------------------------------------------
    def _on_delivery(self, job: _Job, task: Up42Task) -> None:
        if self._stopped:
            return
        job.delivery_task = None
        if task.was_cancelled or job.cancelled:
            self._finish(job, cancelled=True)
        elif task.error is not None:
            self._finish(job, error=error_text(task.error))
        else:
            self._start_assets(job, task.result)

    def _start_assets(self, job: _Job, delivery: Delivery) -> None:
        """The one folder layout of ``api.delivery``, one task per file."""
        plan = plan_delivery(delivery, self.root, job.folder_name, self._api_origin())
        adopt_old_item_folders(delivery, plan)
        job.queue = list(plan)
        job.total = len(job.queue)
        if not job.queue:
            self._finish(job, error=tr("The order has no files to download yet."))
            return
        self._start_next(job)

    def _api_origin(self) -> str | None:
        """``{API}``: assets stored anywhere else are listed but never fetched with the token."""
        try:
            return self.clients.configuration().endpoints.api
        except Exception as error:  # no account: the file tasks fail with the reason anyway
            log(f"No UP42 origin to check the delivery against: {error}", Qgis.MessageLevel.Info)
            return None

    def _start_next(self, job: _Job) -> None:
        settings = _settings()
        limit = max(1, settings.max_parallel_downloads if settings else DEFAULT_PARALLEL)
        while job.queue and len(job.running) < limit:
            asset, folder = job.queue.pop(0)
            job.running[asset.href] = self._runner.start_with_client(
                partial(self._asset_task, job=job, asset=asset, folder=folder),
                partial(self._on_asset, job, asset.href),
            )
        if not job.running and not job.queue:
            self._finish(job, cancelled=(job.cancelled or bool(job.skipped)) and not job.errors)

    def _asset_task(self, client: Up42Client, job: _Job, asset: Asset, folder: Path) -> Up42Task:
        from ..tasks.downloads import DownloadAssetTask  # requests and friends: load on first use

        label = f"{job.display_name} · {asset.title or asset.key}"
        task = DownloadAssetTask(client, asset, folder, label, own_progress=False)
        task.bytes_changed.connect(
            lambda done, total: self._on_bytes(job, asset.href, done, total)
        )
        return task

    def _on_bytes(self, job: _Job, key: str, done: int, total: int | None) -> None:
        if self._stopped or job.total == 0:
            return
        job.bytes_done[key] = int(done)
        if total:
            job.bytes_total[key] = int(total)
        self._show_progress(job)

    def _show_progress(self, job: _Job) -> None:
        """One fraction for the order, by bytes over all its files, in the dock and on every
        running file task (so QGIS's task bar shows the same)."""
        from ..tasks.downloads import DownloadAssetTask  # loaded: its tasks are running

        percent = order_percent(job.bytes_done, job.bytes_total, job.total)
        for task in job.running.values():
            if isinstance(task, DownloadAssetTask):
                task.show_progress(percent)
        self.download_progress.emit(job.order_id, percent)

    def _on_asset(self, job: _Job, key: str, task: Up42Task) -> None:
        if self._stopped:
            return
        job.running.pop(key, None)
        if task.was_cancelled:
            # Cancelled in the task manager: only this file; the others go on.
            if not job.cancelled:
                job.skipped.append(task.asset.title or task.asset.key)
        elif task.error is not None:
            job.errors.append(f"{task.asset.title or task.asset.key}: {error_text(task.error)}")
        else:
            job.done.append(task.result)
            size = _file_size(task.result.path)
            job.bytes_total[key] = job.bytes_total.get(key) or size
            job.bytes_done[key] = job.bytes_total[key]
            self._show_progress(job)
        self._start_next(job)

    def _finish(self, job: _Job, error: str | None = None, cancelled: bool = False) -> None:
        self._jobs.pop(job.order_id, None)
        files = [p for d in job.done for p in (d.path, *d.extracted)]
        self.last_files[job.order_id] = files
        layers = []
        if job.add_to_project and files:
            layers = add_rasters_to_project(
                rasters_to_load(job.done), job.display_name, job.order_id
            )
            self.last_layers[job.order_id] = [layer.id() for layer in layers]
            if layers and self.iface is not None:
                # Once: only layers added now; a download again adds (and zooms to) nothing.
                zoom_to_layers(self.iface.mapCanvas(), layers)
        error = error or ("; ".join(job.errors) if job.errors else None)
        if error is None and not cancelled:
            self._forget_pending(job.order_id)
            self.download_finished.emit(job.order_id, [str(p) for p in files])
            self._notify(
                Qgis.MessageLevel.Success,
                tr("Downloaded {name} to {folder}; raster layers added: {n}").format(
                    name=job.display_name, folder=str(job.folder), n=format_count(len(layers))
                ),
            )
            return
        if cancelled:
            self._forget_pending(job.order_id)  # the user chose to stop: no resume at start-up
            message = tr("Download cancelled. It resumes where it stopped when you download again.")
            if job.skipped and not job.cancelled:
                message = tr(
                    "Cancelled: {files}. The other files are downloaded; downloading again "
                    "resumes the cancelled ones."
                ).format(files=", ".join(job.skipped))
        else:
            message = tr("Download failed: {error} Downloading again resumes it.").format(
                error=error
            )
            log(f"{job.display_name}: {error}", Qgis.MessageLevel.Warning)
            self._notify(Qgis.MessageLevel.Warning, f"{job.display_name}: {message}")
        self.download_failed.emit(job.order_id, message)

    def _notify(self, level: Qgis.MessageLevel, text: str) -> None:
        notify(self.iface, text, level, duration_s=8)

    # --- persistence -----------------------------------------------------------------------
    def _remember_pending(self, job: _Job) -> None:
        self.state.add_pending(job.order_id, job.display_name, job.add_to_project)

    def _forget_pending(self, order_id: str) -> None:
        self.state.remove_pending(order_id)
