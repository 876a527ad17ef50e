"""``up42:download``: wait for orders (optionally), download their deliveries, list the rasters.

Polling is one ``orders(order_ids=…)`` call per interval for all orders, and stops at the
final states (PLACEMENT_FAILED is not final: UP42 may still resolve it). The download is
``api.delivery.deliver_order``: the dock's folder layout and raster choice. In the desktop
the rasters are loaded on completion.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ..api.errors import CancelledError, NotFoundError, Up42Error
from ..api.models import Asset, Order, OrderStatus
from ..i18n import tr
from ..toolbelt.constants import MIN_POLL_INTERVAL_S as MIN_POLL_S
from .alg_search import split_names
from .common import Up42Algorithm, error_text, in_desktop, one_line
from .loading import load_on_completion

if TYPE_CHECKING:
    from ..api.client import Up42Client

ORDER_IDS = "ORDER_IDS"
WAIT = "WAIT"
TIMEOUT = "TIMEOUT"
POLL_INTERVAL = "POLL_INTERVAL"
FOLDER = "FOLDER"
FILES = "FILES"

DEFAULT_TIMEOUT_S = 3600
DEFAULT_POLL_S = 30
WAIT_SHARE = 30.0  # progress: waiting is the first 30 %
SLEEP_STEP_S = 0.2  # how quickly a cancel is noticed while waiting


class DownloadAlgorithm(Up42Algorithm):
    def name(self) -> str:
        return "download"

    def title(self) -> str:
        return tr("Download orders")

    def shortHelpString(self) -> str:
        return tr(
            "Downloads the deliveries of ORDER_IDS (comma-separated) into FOLDER, one folder "
            "per order, unpacks them and returns the rasters as FILES. With WAIT it first "
            "waits until every order is fulfilled or has failed, at most TIMEOUT seconds, "
            "asking UP42 every POLL_INTERVAL seconds. Files already downloaded are not "
            "fetched again. In QGIS the rasters are added to the project."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.addParameter(
            QgsProcessingParameterString(ORDER_IDS, tr("Order ids (comma-separated)"))
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                WAIT, tr("Wait until the orders are fulfilled"), defaultValue=True
            )
        )
        self.add_number(
            TIMEOUT,
            tr("Longest wait (seconds)"),
            integer=True,
            default=DEFAULT_TIMEOUT_S,
            minimum=0,
        )
        self.add_number(
            POLL_INTERVAL,
            tr("Seconds between status checks"),
            integer=True,
            default=DEFAULT_POLL_S,
            minimum=MIN_POLL_S,
            optional=True,
            advanced=True,
        )
        self.addParameter(QgsProcessingParameterFolderDestination(FOLDER, tr("Download folder")))
        self.addOutput(QgsProcessingOutputMultipleLayers(FILES, tr("Downloaded rasters")))

    def perform(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> dict[str, Any]:
        order_ids = split_names(self.parameterAsString(parameters, ORDER_IDS, context))
        if not order_ids:
            raise QgsProcessingException(tr("ORDER_IDS is empty: give the ids to download."))
        folder = Path(self.parameterAsString(parameters, FOLDER, context))
        wait = self.parameterAsBool(parameters, WAIT, context)
        timeout = self.parameterAsInt(parameters, TIMEOUT, context)
        interval = DEFAULT_POLL_S
        if parameters.get(POLL_INTERVAL) not in (None, ""):
            interval = max(MIN_POLL_S, self.parameterAsInt(parameters, POLL_INTERVAL, context))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise QgsProcessingException(
                one_line(
                    tr("Cannot create FOLDER {folder}: {error}").format(
                        folder=folder, error=error.strerror or error
                    )
                )
            ) from None

        client = self.client()
        orders, problems = self._wait(client, order_ids, wait, timeout, interval, feedback)
        files: list[str] = []
        fulfilled = [orders[i] for i in order_ids if i in orders and orders[i].is_fulfilled]
        for done, order in enumerate(fulfilled):
            span = (100 - WAIT_SHARE) / len(fulfilled)
            base = WAIT_SHARE + done * span
            try:
                rasters = self._download(client, order, folder, feedback, base, span)
            except CancelledError:
                raise QgsProcessingException(
                    tr("Cancelled: the downloaded files stay in {folder}.").format(folder=folder)
                ) from None
            except Up42Error as error:
                problems.append(
                    tr("order {id}: {error}").format(id=order.id, error=error_text(error))
                )
                continue
            if not rasters:
                problems.append(tr("order {id} delivered no raster.").format(id=order.id))
            files.extend(str(path) for path in rasters)
            if in_desktop():
                load_on_completion(context, list(rasters), order)
        feedback.setProgress(100)

        if problems and not files:
            raise QgsProcessingException(one_line("; ".join(problems)))
        for problem in problems:
            feedback.reportError(problem, False)
        feedback.pushInfo(
            tr("Downloaded %Ln raster(s) into {folder}.", "", len(files)).format(folder=folder)
        )
        return {FILES: files, FOLDER: str(folder)}

    # --- waiting ---------------------------------------------------------------------------
    def _wait(
        self,
        client: Up42Client,
        order_ids: tuple[str, ...],
        wait: bool,
        timeout: int,
        interval: int,
        feedback: QgsProcessingFeedback,
    ) -> tuple[dict[str, Order], list[str]]:
        """The orders' latest state, and what keeps each unfulfilled one from downloading."""
        deadline = time.monotonic() + timeout
        last_status: dict[str, str] = {}
        missing: list[str] = []
        while True:
            orders = {order.id: order for order in client.orders(order_ids=list(order_ids))}
            for order_id in order_ids:
                if order_id not in orders and order_id not in missing:
                    missing.append(order_id)
            for order in orders.values():
                if last_status.get(order.id) != order.status:
                    last_status[order.id] = order.status
                    feedback.pushInfo(
                        tr("Order {id}: {status}").format(id=order.id, status=order.status)
                    )
            waiting = [o for o in orders.values() if not o.is_final]
            settled = len(order_ids) - len(waiting)
            feedback.setProgress(WAIT_SHARE * settled / len(order_ids))
            if not wait or not waiting or time.monotonic() >= deadline:
                break
            self._sleep(min(interval, max(0.0, deadline - time.monotonic())), feedback)
        problems = [self._not_found(client, order_id) for order_id in missing]
        for order_id in order_ids:
            listed = orders.get(order_id)
            if listed is not None and not listed.is_fulfilled:
                problems.append(self._why_not(listed, wait, timeout))
        return orders, problems

    @staticmethod
    def _sleep(seconds: float, feedback: QgsProcessingFeedback) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Cancelled while waiting for the orders."))
            time.sleep(min(SLEEP_STEP_S, max(0.0, end - time.monotonic())))

    @staticmethod
    def _not_found(client: Up42Client, order_id: str) -> str:
        """The list call leaves unknown ids out: ask for the one order to get UP42's words."""
        try:
            client.order(order_id)
        except NotFoundError as error:
            return tr("order {id}: {error}").format(id=order_id, error=error_text(error))
        except Up42Error as error:
            return tr("order {id}: {error}").format(id=order_id, error=error_text(error))
        return tr("order {id} is not in this workspace's order list.").format(id=order_id)

    @staticmethod
    def _why_not(order: Order, wait: bool, timeout: int) -> str:
        if order.status == OrderStatus.PLACEMENT_FAILED:
            return tr(
                "order {id} failed to be placed (PLACEMENT_FAILED); UP42 may still resolve it, "
                "or cancel it in the UP42 panel."
            ).format(id=order.id)
        if order.is_final:
            return tr("order {id} ended as {status}: nothing to download.").format(
                id=order.id, status=order.status
            )
        if wait:
            return tr("order {id} is still {status} after {s} s (TIMEOUT).").format(
                id=order.id, status=order.status, s=timeout
            )
        return tr("order {id} is {status}, not fulfilled yet (set WAIT to wait for it).").format(
            id=order.id, status=order.status
        )

    # --- downloading -----------------------------------------------------------------------
    @staticmethod
    def _download(
        client: Up42Client,
        order: Order,
        folder: Path,
        feedback: QgsProcessingFeedback,
        base: float,
        span: float,
    ) -> list[Path]:
        from ..api.delivery import deliver_order

        # Assets download in parallel: sum every asset's bytes into one progress value.
        sizes: dict[str, tuple[int, int]] = {}
        lock = threading.Lock()

        def progress(asset: Asset, done: int, total: int | None) -> None:
            with lock:
                sizes[asset.href] = (done, total or 0)
                received = sum(d for d, _ in sizes.values())
                expected = sum(t for _, t in sizes.values())
            if expected:
                feedback.setProgress(base + span * min(1.0, received / expected))

        feedback.pushInfo(tr("Downloading order {id}…").format(id=order.id))
        return list(
            deliver_order(
                client,
                order.id,
                folder,
                display_name=order.display_name,
                progress=progress,
                is_cancelled=feedback.isCanceled,
            )
        )
