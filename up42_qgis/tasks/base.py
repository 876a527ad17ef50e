"""The one QgsTask shape every request runs in, and the runner that keeps tasks alive.

Why a runner: QGIS silently drops a task nobody holds a Python reference to, and an exception
escaping ``run()`` aborts the whole process. ``Up42Task.run`` catches everything; the runner
holds each task until it has finished and then calls back on the main thread.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from qgis.core import Qgis, QgsApplication, QgsTask

from ..api.errors import CancelledError
from ..toolbelt.notify import log

if TYPE_CHECKING:
    from ..api.client import Up42Client


class Up42Task(QgsTask):
    """Subclasses implement ``work()`` (worker thread, no widgets, no QgsProject).

    After the task ends, ``result`` holds what ``work()`` returned and ``error`` the exception
    it raised (None when cancelled or successful); ``was_cancelled`` tells the two apart.
    """

    def __init__(self, description: str, can_cancel: bool = True) -> None:
        flags = QgsTask.Flag.CanCancel if can_cancel else QgsTask.Flag(0)
        super().__init__(description, flags)
        self.can_cancel = can_cancel
        self.result: Any = None
        self.error: Exception | None = None
        self.was_cancelled = False
        self._callbacks: list[Callable[[Up42Task], None]] = []

    def work(self) -> Any:
        raise NotImplementedError

    def check_cancelled(self) -> None:
        """Raise CancelledError when the user cancelled; call between steps."""
        if self.isCanceled():
            raise CancelledError()

    def run(self) -> bool:
        from ..api.http_flight import cancel_scope  # loads requests: in a worker, not at start-up

        try:
            # Every request of the work is aborted (its socket shut down by the transport's
            # watchdog) as soon as the task is cancelled, even one blocked reading a server
            # that trickles bytes: Cancel and unload never wait on it. Not for a task that
            # must not be cancelled (placing orders): QGIS's task manager cancels every task
            # on unload, and an aborted POST leaves an order the user does not know of.
            scope = cancel_scope(self.isCanceled) if self.can_cancel else nullcontext()
            with scope:
                self.result = self.work()
            return True
        except CancelledError:
            self.was_cancelled = True
            return False
        except Exception as error:  # an escaping exception aborts QGIS
            self.error = error
            if self.isCanceled():
                self.was_cancelled = True
            else:
                log(
                    f"{self.description()}: {type(error).__name__}: {error}\n"
                    + "".join(traceback.format_tb(error.__traceback__)),
                    Qgis.MessageLevel.Warning,
                )
            return False

    def on_done(self, callback: Callable[[Up42Task], None]) -> None:
        """Call ``callback(task)`` on the main thread once the task has ended either way."""
        self._callbacks.append(callback)

    def finished(self, ok: bool) -> None:  # main thread
        if self.isCanceled():
            self.was_cancelled = True
        for callback in self._callbacks:
            try:
                callback(self)
            except Exception as error:  # a bad slot must not crash QGIS
                log(
                    f"{self.description()}: callback failed: {error}\n{traceback.format_exc()}",
                    Qgis.MessageLevel.Critical,
                )


TaskT = TypeVar("TaskT", bound=Up42Task)
ClientTaskFactory = Callable[["Up42Client"], TaskT]


class ClientSource(Protocol):
    """Where a runner gets the shared client (``bridge.clients.ClientProvider``)."""

    def client(self) -> Up42Client: ...


class UnavailableClient:
    """Stands in for the client when none can be built: every use raises the reason, so the
    task fails with it on its worker thread and its callback reports it like any failure."""

    def __init__(self, error: Exception) -> None:
        self._error = error

    def __getattr__(self, name: str) -> Any:
        raise self._error


class TaskRunner:
    """Starts tasks and holds a reference to each until it has finished.

    With ``clients``, ``start_with_client`` is the one way a task gets its client.
    """

    def __init__(self, clients: ClientSource | None = None) -> None:
        self._clients = clients
        self._running: set[Up42Task] = set()

    def start_with_client(
        self, make_task: ClientTaskFactory[TaskT], on_done: Callable[[TaskT], None] | None = None
    ) -> TaskT:
        """``make_task(client)`` with the shared client, resolved here on the main thread (the
        provider reads QGIS's auth DB and network settings); started like ``start``."""
        if self._clients is None:
            raise RuntimeError("this runner has no client source")
        try:
            client = self._clients.client()
        except Exception as error:  # no account, unreadable auth DB, a bad custom origin
            client = cast("Up42Client", UnavailableClient(error))
        return self.start(make_task(client), on_done)

    def start(self, task: TaskT, callback: Callable[[TaskT], None] | None = None) -> TaskT:
        if callback is not None:
            task.on_done(callback)  # called with this very task
        task.on_done(self._running.discard)
        self._running.add(task)
        QgsApplication.taskManager().addTask(task)
        return task

    @property
    def running(self) -> tuple[Up42Task, ...]:
        return tuple(self._running)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()
