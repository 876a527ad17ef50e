"""The one QgsTask shape every request runs in, and the runner that keeps tasks alive.

Why a runner: QGIS silently drops a task nobody holds a Python reference to, and an exception
escaping ``run()`` aborts the whole process. ``Up42Task.run`` catches everything; the runner
holds each task until it has finished and then calls back on the main thread.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsTask

from ..api.errors import CancelledError

LOG_TAG = "UP42"


class Up42Task(QgsTask):
    """Subclasses implement ``work()`` (worker thread, no widgets, no QgsProject).

    After the task ends, ``result`` holds what ``work()`` returned and ``error`` the exception
    it raised (None when cancelled or successful); ``was_cancelled`` tells the two apart.
    """

    def __init__(self, description: str, can_cancel: bool = True) -> None:
        flags = QgsTask.Flag.CanCancel if can_cancel else QgsTask.Flag(0)
        super().__init__(description, flags)
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
        try:
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
                QgsMessageLog.logMessage(
                    f"{self.description()}: {type(error).__name__}: {error}\n"
                    + "".join(traceback.format_tb(error.__traceback__)),
                    LOG_TAG,
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
                QgsMessageLog.logMessage(
                    f"{self.description()}: callback failed: {error}\n{traceback.format_exc()}",
                    LOG_TAG,
                    Qgis.MessageLevel.Critical,
                )


class TaskRunner:
    """Starts tasks and holds a reference to each until it has finished."""

    def __init__(self) -> None:
        self._running: set[Up42Task] = set()

    def start(self, task: Up42Task, callback: Callable[[Up42Task], None] | None = None) -> Up42Task:
        if callback is not None:
            task.on_done(callback)
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
