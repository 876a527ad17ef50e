"""One writer per target file, across threads AND processes (two QGIS windows on one profile
resume the same interrupted downloads): a threading lock per path, plus an OS lock on a
``<name>.lock`` file next to the target (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on
Windows). The OS releases it when a process dies, so a crash never leaves a stale lock."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import CancelledError, DownloadError

log = logging.getLogger("up42_qgis.api")
POLL_S = 0.2

_path_locks: dict[str, threading.Lock] = {}
_path_locks_guard = threading.Lock()


def _thread_lock(path: Path) -> threading.Lock:
    key = os.path.normcase(str(path.resolve()))
    with _path_locks_guard:
        return _path_locks.setdefault(key, threading.Lock())


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(target: Path) -> Path:
    return target.with_name(target.name + ".lock")


@contextlib.contextmanager
def target_lock(
    target: Path,
    is_cancelled: Callable[[], bool] | None = None,
    on_wait: Callable[[], None] | None = None,
) -> Iterator[None]:
    """Holds the target's locks for the ``with`` body. While another thread or process holds
    them, waits (polling, so a cancel stops the wait; ``on_wait`` is called once)."""
    thread_lock = _thread_lock(target)
    waited = False

    def wait() -> None:
        nonlocal waited
        if is_cancelled is not None and is_cancelled():
            raise CancelledError("Download cancelled; it will resume next time.")
        if not waited:
            waited = True
            if on_wait is not None:
                on_wait()
        time.sleep(POLL_S)

    while not thread_lock.acquire(timeout=POLL_S):
        wait()
    try:
        fd = _acquire_os_lock(target, wait)
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                # Removed while still held, so a waiter that then gets the old file's lock
                # sees that it no longer is the path's file and opens the new one.
                lock_path(target).unlink()
            _unlock(fd)
            os.close(fd)
            if os.name == "nt":  # Windows refuses to remove an open file: now it is closed
                with contextlib.suppress(OSError):
                    lock_path(target).unlink()
    finally:
        thread_lock.release()


def _acquire_os_lock(target: Path, wait: Callable[[], None]) -> int:
    path = lock_path(target)
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise DownloadError(f"Cannot create {path}: {error.strerror}") from None
        try:
            locked = _try_lock(fd)
            if locked and _is_current(fd, path):
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
        if not locked:
            wait()  # held by another writer; a stale (removed) lock file: retry at once


def _is_current(fd: int, path: Path) -> bool:
    """True when ``fd`` is still the file at ``path`` (not one its holder removed)."""
    try:
        current = os.stat(path)
    except OSError:
        _unlock(fd)
        return False
    mine = os.fstat(fd)
    if (mine.st_dev, mine.st_ino) != (current.st_dev, current.st_ino):
        _unlock(fd)
        return False
    return True
