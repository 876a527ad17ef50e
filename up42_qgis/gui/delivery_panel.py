"""The delivery of the order selected in the Orders tab: its files, "Download" (and add to
the project), cancel, progress and "Open folder". The work itself belongs to the plugin's
DownloadManager, so a download goes on when the dock is closed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..api.models import Delivery, Order
from ..i18n import tr
from ..tasks.base import Up42Task
from ..tasks.orders import DeliveryTask
from ..toolbelt.messages import error_text
from ..toolbelt.plain_text import plain_label, tooltip

if TYPE_CHECKING:
    from ..context import PluginContext
    from ..services.downloads import DownloadManager


class DeliveryPanel(QGroupBox):
    def __init__(self, context: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("Delivery"), parent)
        self.setObjectName("Up42DeliveryPanel")
        self.context = context
        self.order: Order | None = None
        self.deliveries: dict[str, Delivery] = {}
        self._task: Up42Task | None = None
        self._task_order: str | None = None

        layout = QVBoxLayout(self)
        self.message = plain_label(QLabel())
        self.message.setWordWrap(True)
        self.message.setObjectName("Up42DeliveryMessage")
        layout.addWidget(self.message)
        self.assets = QListWidget(self)
        self.assets.setObjectName("Up42DeliveryAssets")
        self.assets.setMaximumHeight(110)
        layout.addWidget(self.assets)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.hide()
        layout.addWidget(self.progress)
        row = QHBoxLayout()
        self.download_button = QPushButton(tr("Download and add to project"))
        self.download_button.setObjectName("Up42Download")
        self.cancel_button = QPushButton(tr("Stop download"))
        self.cancel_button.setObjectName("Up42StopDownload")
        self.folder_button = QPushButton(tr("Open folder"))
        self.folder_button.setObjectName("Up42OpenFolder")
        row.addWidget(self.download_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.download_button.clicked.connect(self.download)
        self.cancel_button.clicked.connect(self.cancel_download)
        self.folder_button.clicked.connect(self.open_folder)

        downloads = self.downloads
        downloads.download_started.connect(self._on_download_event)
        downloads.download_progress.connect(self._on_progress)
        downloads.download_finished.connect(self._on_download_event)
        downloads.download_failed.connect(self._on_download_failed)
        self.show_order(None)

    @property
    def downloads(self) -> DownloadManager:
        return self.context.downloads

    def forget_deliveries(self) -> None:
        """The account changed: the deliveries read so far belong to another workspace."""
        self.deliveries.clear()
        self.show_order(None)

    # --- which order -----------------------------------------------------------------------
    def show_order(self, order: Order | None) -> None:
        self.order = order
        self.assets.clear()
        self.progress.hide()
        if order is None:
            self.message.setText(tr("Select an order to see its delivery."))
        elif not order.is_fulfilled:
            self.message.setText(
                tr("The files can be downloaded once the order is fulfilled.")
                if not order.is_final
                else tr("This order has no delivery.")
            )
        elif order.id in self.deliveries:
            self._show_delivery(self.deliveries[order.id])
        else:
            self._load(order.id)
        self._refresh()

    def _load(self, order_id: str) -> None:
        if self._task is not None and self._task_order == order_id:
            return
        self.message.setText(tr("Reading the delivery…"))
        self._task_order = order_id
        self._task = self.context.start(
            lambda client: DeliveryTask(client, order_id),
            lambda task: self._on_delivery(order_id, task),
        )

    def _on_delivery(self, order_id: str, task: Up42Task) -> None:
        self._task = None
        self._task_order = None
        if sip.isdeleted(self):
            return  # the dock was closed for good while the task ran
        if task.error is None and task.result is not None:
            self.deliveries[order_id] = task.result
        if self.order is None or self.order.id != order_id:
            return
        if task.error is not None:
            self.message.setText(
                tr("Could not read the delivery: {error}").format(error=error_text(task.error))
            )
        elif task.result is not None:
            self._show_delivery(task.result)
        self._refresh()

    def _show_delivery(self, delivery: Delivery) -> None:
        self.assets.clear()
        for asset in delivery.assets:
            label = asset.title or asset.key
            if asset.title and asset.key != asset.title:
                label = f"{asset.title} ({asset.key})"
            item = QListWidgetItem(label)
            item.setToolTip(tooltip(asset.media_type))
            self.assets.addItem(item)
        if delivery.assets:
            self.message.setText(tr("%Ln file(s) delivered.", "", len(delivery.assets)))
        else:
            self.message.setText(tr("No files delivered yet."))

    # --- actions ---------------------------------------------------------------------------
    def download(self) -> None:
        if self.order is None:
            return
        delivery = self.deliveries.get(self.order.id)
        self.downloads.download_order(
            self.order.id, self.order.display_name, add_to_project=True, delivery=delivery
        )
        self._refresh()

    def cancel_download(self) -> None:
        if self.order is not None:
            self.downloads.cancel(self.order.id)

    def folder(self) -> Path | None:
        if self.order is None:
            return None
        return self.downloads.folder_for(self.order.id, self.order.display_name)

    def open_folder(self) -> bool:
        """Opens the order's folder in the system's file manager; without one (no desktop
        handler for folders) says where the files are, selectable, and copies the path."""
        folder = self.folder()
        if folder is None or not folder.exists():
            return False
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            return True
        QApplication.clipboard().setText(str(folder))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setText(
            tr(
                "No file manager could open the folder. The files are in {folder} "
                "(the path is copied to the clipboard)."
            ).format(folder=str(folder))
        )
        return False

    # --- download events -------------------------------------------------------------------
    def _is_current(self, order_id: str) -> bool:
        return self.order is not None and self.order.id == order_id

    def _on_download_event(self, order_id: str, *_args) -> None:
        if self._is_current(order_id):
            if not self.downloads.is_active(order_id):
                self.progress.hide()
                self.message.setText(tr("Downloaded to {folder}").format(folder=str(self.folder())))
            self._refresh()

    def _on_progress(self, order_id: str, percent: float) -> None:
        if self._is_current(order_id):
            self.progress.show()
            self.progress.setValue(int(percent))

    def _on_download_failed(self, order_id: str, message: str) -> None:
        if self._is_current(order_id):
            self.progress.hide()
            self.message.setText(message)
            self._refresh()

    def _refresh(self) -> None:
        fulfilled = self.order is not None and self.order.is_fulfilled
        active = self.order is not None and self.downloads.is_active(self.order.id)
        self.download_button.setEnabled(fulfilled and not active)
        self.cancel_button.setVisible(active)
        folder = self.folder()
        self.folder_button.setEnabled(folder is not None and folder.exists())
        if active:
            self.progress.show()
