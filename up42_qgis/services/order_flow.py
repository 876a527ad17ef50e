"""What happens to an order after the user confirmed it, owned by the plugin (not a dialog):
place the requests exactly once, hand the new orders to the tracker with their estimate, and
keep the "download and add when fulfilled" choice. That choice has one door, here: the order
confirmation and the Orders tab both set it through ``set_auto_download``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..api.models import Estimate, OrderRequest, PlacedOrder
from ..api.placement_journal import PlacementJournal
from ..tasks.base import TaskRunner, Up42Task
from ..tasks.orders import PlaceOrdersTask
from ..toolbelt import folders
from ..toolbelt.notify import log

if TYPE_CHECKING:
    from .order_state import OrderStateStore
    from .tracker import OrderTracker


def _settings():
    from ..settings import SettingsStore

    return SettingsStore


class OrderFlow(QObject):
    """place → track → auto-download. The tracker announces "fulfilled" and, when the order's
    flag is set, starts the download manager's download; this class sets the flag."""

    placed = pyqtSignal(list)  # PlacedOrder per sent request, after they are tracked

    def __init__(
        self,
        runner: TaskRunner,
        tracker: OrderTracker,
        state: OrderStateStore,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.tracker = tracker
        self.state = state
        # One file in the profile, shared with Processing: a placement's tag is on disk
        # before its POST, so the next try after a crash finds the order.
        self.journal = PlacementJournal(folders.placement_journal_path())

    # --- the auto-download flag ------------------------------------------------------------
    @staticmethod
    def auto_download_default() -> bool:
        """The confirmation's checkbox as the user left it last time."""
        try:
            return bool(_settings().load().auto_download)
        except Exception:  # unreadable settings: the safe default, nothing downloads by itself
            return False

    def auto_download(self, order_id: str) -> bool:
        return self.state.note(order_id).auto_download

    def set_auto_download(self, order_id: str, enabled: bool) -> None:
        """ "Download and add to the project when fulfilled" for one order (persisted); an
        order with the flag is tracked until it is final."""
        self.tracker.set_auto_download(order_id, enabled)

    # --- placing ---------------------------------------------------------------------------
    def place(
        self,
        requests: Sequence[OrderRequest],
        estimates: Sequence[Estimate | None],
        auto_download: bool,
        on_done: Callable[[Up42Task], None],
    ) -> Up42Task:
        """Starts placing (each request POSTed once). Without a usable account nothing is
        sent and every request comes back "not sent" with the reason. ``on_done(task)`` runs
        after the new orders are tracked, also when the dialog that asked is gone."""
        requests = list(requests)
        estimates = list(estimates)
        state = self.state

        def record(index: int, result: PlacedOrder) -> None:
            # The task's thread, the moment UP42 accepted the order: tracked from now on,
            # whether the dialog, the dock or the plugin is still there when the task ends.
            if result.order_id:
                estimate = estimates[index] if index < len(estimates) else None
                state.record_placed(
                    result.order_id,
                    credits=estimate.credits if estimate else None,
                    auto_download=auto_download,
                )

        def finished(task: Up42Task) -> None:
            placed = list(task.result or []) if task.error is None else []
            self._follow(placed, auto_download)
            on_done(task)
            self.placed.emit(placed)

        return self.runner.start_with_client(
            lambda client: PlaceOrdersTask(client, requests, self.journal, on_placed=record),
            finished,
        )

    def _follow(self, placed: list[PlacedOrder], auto_download: bool) -> None:
        """The new orders (already recorded in the store) polled fast by the tracker; the
        user's choice becomes the next default."""
        ids = [p.order_id for p in placed if p.order_id]
        if not ids:
            return
        self.tracker.track(ids, fast=True)
        try:
            _settings().update(auto_download=auto_download)
        except Exception as error:  # remembering the checkbox is a convenience only
            log(f"Could not remember the auto-download choice: {error}", Qgis.MessageLevel.Info)
