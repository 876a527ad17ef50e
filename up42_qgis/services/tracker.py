"""The order tracker the plugin owns: it outlives the dock and, through the persisted ids,
QGIS itself. One list request per poll covers every open order; polling is fast just after
an order was placed and relaxes to the configured interval after that."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..api.models import Order, OrderStatus
from ..api.order_status import OrderSubStatus
from ..i18n import tr
from ..settings import SettingsStore
from ..tasks.base import TaskRunner, Up42Task
from ..tasks.orders import ListOrdersTask
from ..toolbelt.constants import DEFAULT_POLL_INTERVAL_S, MIN_POLL_INTERVAL_S
from ..toolbelt.notify import log, notify

if TYPE_CHECKING:
    from qgis.gui import QgisInterface

    from ..bridge.clients import ClientProvider
    from .downloads import DownloadManager
    from .order_state import OrderStateStore

DEFAULT_INTERVAL_S = float(DEFAULT_POLL_INTERVAL_S)
MIN_INTERVAL_S = float(MIN_POLL_INTERVAL_S)
FAST_INTERVAL_S = 5.0
FAST_PERIOD_S = 180.0
# Orders that only wait for UP42 to resolve a problem (PLACEMENT_FAILED…) are polled slower.
PROBLEM_INTERVAL_S = 60.0
# An id the list call keeps leaving out (deleted, or another workspace) stops being polled.
MAX_MISSES = 3


def trouble_text(order: Order, name: str) -> str:
    if order.status == OrderStatus.PLACEMENT_FAILED:
        return tr(
            "Order “{name}” could not be placed yet (PLACEMENT_FAILED). UP42 may still "
            "resolve it; you can also cancel it in the Orders tab. No credits are charged."
        ).format(name=name)
    if order.has_problem:
        return tr("Order “{name}” has a problem ({status}); UP42 may still resolve it.").format(
            name=name, status=order.status
        )
    return tr("Order “{name}” failed ({status}). No credits are charged.").format(
        name=name, status=order.status
    )


def decision_text(order: Order) -> str:
    name = order.display_name or order.id
    if order.sub_status == OrderSubStatus.FEASIBILITY_WAITING_RESPONSE:
        return tr(
            "Tasking order “{name}”: UP42's feasibility study waits for you to choose an "
            "option (Orders tab or UP42 console)."
        ).format(name=name)
    return tr(
        "Tasking order “{name}”: the quotation waits for your decision (Orders tab or UP42 "
        "console). Nothing is accepted without you."
    ).format(name=name)


class OrderTracker(QObject):
    order_updated = pyqtSignal(object)  # Order, after every poll that returned it
    order_fulfilled = pyqtSignal(object)  # Order
    # Order: failed for good (untracked), or a problem UP42 may resolve (still tracked)
    order_failed = pyqtSignal(object)
    tracked_changed = pyqtSignal()
    poll_failed = pyqtSignal(str)  # the reason; tracking goes on at the next interval
    # Order: a tasking order's feasibility study or quotation now waits for the user (said once
    # per sub-status; nothing is decided here)
    decision_needed = pyqtSignal(object)
    # Orders the store recorded as placed (maybe on a placement task's thread, maybe by a
    # placement started before the plugin was reloaded): queued to the main thread.
    _recorded = pyqtSignal(list)

    def __init__(
        self,
        clients: ClientProvider,
        state: OrderStateStore,
        downloads: DownloadManager,
        iface: QgisInterface | None = None,
        parent: QObject | None = None,
        fast_interval_s: float | None = None,
        fast_period_s: float = FAST_PERIOD_S,
    ) -> None:
        super().__init__(parent)
        self.clients = clients
        self.state = state
        self.downloads = downloads
        self.iface = iface
        self.fast_interval_s = FAST_INTERVAL_S if fast_interval_s is None else fast_interval_s
        self.fast_period_s = fast_period_s
        self.problem_interval_s = PROBLEM_INTERVAL_S
        self.polls = 0  # finished polls, for status displays and tests
        self.last_orders: dict[str, Order] = {}
        self._runner = TaskRunner(clients)
        self._task: Up42Task | None = None
        self._repoll = False
        self._stopped = False
        self._fast_until = 0.0
        self._misses: dict[str, int] = {}
        self._generation = 0  # bumped on an account change: older polls' answers are dropped
        self._ids: list[str] = state.tracked_ids()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.poll_now)
        # Another account sees other orders: the next poll asks again and counts misses anew.
        clients.changed.connect(self._account_changed)
        self._recorded.connect(self._picked_up)
        self._listener = self._recorded.emit  # one callable, to unsubscribe the same one
        state.subscribe(self._listener)
        if self._ids:
            # Orders left open by the previous session: look at them soon, not in a minute.
            self._timer.start(1000)

    # --- what is tracked -------------------------------------------------------------------
    @property
    def tracked_ids(self) -> list[str]:
        return list(self._ids)

    def is_tracked(self, order_id: str) -> bool:
        return order_id in self._ids

    def track(self, order_ids: Iterable[str], fast: bool = True) -> None:
        """Starts polling the orders; ``fast`` polls often for the next minutes (just placed)."""
        new = [i for i in order_ids if i and i not in self._ids]
        if self._stopped:
            return
        if new:
            self._ids.extend(new)
            self.state.add_tracked(new)
            self.tracked_changed.emit()
        if fast:
            self._fast_until = time.monotonic() + self.fast_period_s
        if new or fast:
            self._schedule(self.fast_interval_s if fast else None)

    def untrack(self, order_ids: Iterable[str] | str) -> None:
        ids = {order_ids} if isinstance(order_ids, str) else set(order_ids)
        remaining = [i for i in self._ids if i not in ids]
        if remaining != self._ids:
            self._ids = remaining
            for order_id in ids:
                self._misses.pop(order_id, None)
            self.state.remove_tracked(ids)
            self.tracked_changed.emit()
        if not self._ids:
            self._timer.stop()

    def set_auto_download(self, order_id: str, enabled: bool) -> None:
        """ "Download and add to the project when fulfilled" for one order (persisted)."""
        self.state.set_note(order_id, auto_download=enabled)
        if enabled:
            self.track([order_id], fast=False)

    def auto_download(self, order_id: str) -> bool:
        return self.state.note(order_id).auto_download

    def _picked_up(self, order_ids: list[str]) -> None:
        """Orders the store recorded as just placed: followed from now on, polled soon."""
        if not self._stopped:
            self.track(order_ids, fast=True)

    def _account_changed(self) -> None:
        self._generation += 1
        self._misses.clear()
        if self._ids and not self._stopped:
            self._schedule(self.fast_interval_s)

    # --- polling ---------------------------------------------------------------------------
    def interval_s(self) -> float:
        interval = self._base_interval_s()
        if self._only_problems():  # nothing moves until UP42 resolves it: a slower poll
            return max(interval, self.problem_interval_s)
        return interval

    def _base_interval_s(self) -> float:
        if time.monotonic() < self._fast_until:
            return self.fast_interval_s
        try:
            return max(MIN_INTERVAL_S, float(SettingsStore.load().poll_interval_s))
        except Exception:  # unreadable settings must not stop tracking
            return DEFAULT_INTERVAL_S

    def _only_problems(self) -> bool:
        orders = [self.last_orders.get(order_id) for order_id in self._ids]
        return bool(orders) and all(o is not None and o.has_problem for o in orders)

    @property
    def is_polling(self) -> bool:
        return self._task is not None

    def poll_now(self) -> None:
        """One list request for every tracked order (skipped while one is running)."""
        if self._stopped or not self._ids:
            return
        if self._task is not None:
            self._repoll = True
            return
        self._timer.stop()
        ids = list(self._ids)
        generation = self._generation
        self._task = self._runner.start_with_client(
            lambda client: ListOrdersTask(client, order_ids=ids),
            lambda task: self._on_polled(ids, task, generation),
        )

    def _on_polled(self, asked: list[str], task: Up42Task, generation: int | None = None) -> None:
        if self._stopped:
            return
        self._task = None
        if generation is not None and generation != self._generation:
            self.poll_now()  # asked with the previous account: ask again with this one
            return
        self.polls += 1
        if task.error is not None:
            self._poll_failed(str(task.error))
            return
        if task.result is not None:
            self._apply(asked, task.result.orders)
        if self._repoll:
            self._repoll = False
            self.poll_now()
        else:
            self._schedule()

    def _apply(self, asked: list[str], orders: list[Order]) -> None:
        seen = set()
        for order in orders:
            if order.id not in asked:
                continue
            seen.add(order.id)
            self._misses.pop(order.id, None)
            previous = self.last_orders.get(order.id)
            self.last_orders[order.id] = order
            self.order_updated.emit(order)
            if order.is_final:
                self.untrack(order.id)
                self._announce(order)
            elif order.has_problem and (previous is None or previous.status != order.status):
                # Not final (UP42 may resolve it): said once, and the order stays tracked.
                self._announce(order)
            elif order.awaits_decision and (
                previous is None or previous.sub_status != order.sub_status
            ):
                self._notify(Qgis.MessageLevel.Warning, decision_text(order))
                self.decision_needed.emit(order)
        for order_id in asked:
            if order_id not in seen and order_id in self._ids:
                self._misses[order_id] = self._misses.get(order_id, 0) + 1
                if self._misses[order_id] >= MAX_MISSES:
                    log(
                        f"Order {order_id} is not in the workspace's orders; no longer tracked.",
                        Qgis.MessageLevel.Warning,
                    )
                    self.untrack(order_id)

    def _announce(self, order: Order) -> None:
        name = order.display_name or order.id
        if order.is_fulfilled:
            self._notify(
                Qgis.MessageLevel.Success, tr("Order “{name}” is fulfilled.").format(name=name)
            )
            self.order_fulfilled.emit(order)
            if self.state.note(order.id).auto_download:
                self._auto_download(order)
        elif order.has_problem or order.has_failed:
            level = Qgis.MessageLevel.Warning if order.has_problem else Qgis.MessageLevel.Critical
            if order.status == OrderStatus.PLACEMENT_FAILED:
                level = Qgis.MessageLevel.Critical
            self._notify(level, trouble_text(order, name))
            self.order_failed.emit(order)
            if order.has_failed:  # final: nothing will ever download
                self.state.set_note(order.id, auto_download=False)

    def _auto_download(self, order: Order) -> None:
        self.downloads.download_order(order.id, order.display_name, add_to_project=True)
        # From here the pending downloads carry it across restarts.
        self.state.set_note(order.id, auto_download=False)

    def _poll_failed(self, reason: str) -> None:
        log(f"Order status poll failed: {reason}", Qgis.MessageLevel.Warning)
        self.poll_failed.emit(reason)
        self._schedule()

    def _schedule(self, seconds: float | None = None) -> None:
        if self._stopped or not self._ids:
            return
        delay = self.interval_s() if seconds is None else seconds
        if self._task is not None:
            return  # the running poll schedules the next one when it ends
        remaining = self._timer.remainingTime() if self._timer.isActive() else -1
        wanted = int(delay * 1000)
        if remaining < 0 or wanted < remaining:
            self._timer.start(wanted)

    def _notify(self, level: Qgis.MessageLevel, text: str) -> None:
        notify(self.iface, text, level)

    # --- lifetime --------------------------------------------------------------------------
    def stop(self) -> None:
        """On unload: no timer, no listeners, no running poll. The tracked ids stay saved,
        so the next start carries on. Calling it again does nothing."""
        if self._stopped:
            return
        self._stopped = True
        self.state.unsubscribe(self._listener)
        self._timer.stop()
        self._timer.timeout.disconnect(self.poll_now)
        self._runner.cancel_all()
        self._task = None
        with contextlib.suppress(TypeError, RuntimeError):
            self.clients.changed.disconnect(self._account_changed)
        for signal in (
            self.order_updated,
            self.order_fulfilled,
            self.order_failed,
            self.tracked_changed,
            self.poll_failed,
            self.decision_needed,
        ):
            with contextlib.suppress(TypeError):  # TypeError: nothing was connected
                signal.disconnect()
