"""The per-target lock on its own: a waiter can be cancelled, a lock file left by a crashed
process blocks nobody, and a process holding the lock makes another process wait."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from up42_qgis.api.errors import CancelledError
from up42_qgis.api.file_lock import lock_path, target_lock

HOLD = """
import sys, time
from pathlib import Path
from up42_qgis.api.file_lock import target_lock
with target_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""
ROOT = Path(__file__).resolve().parents[3]


def test_a_waiter_can_be_cancelled(tmp_path):
    target = tmp_path / "file.tif"
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with target_lock(target):
            holding.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    assert holding.wait(10)
    waits: list[int] = []
    lock = target_lock(target, is_cancelled=lambda: len(waits) > 0,
                       on_wait=lambda: waits.append(1))
    with pytest.raises(CancelledError), lock:
        pytest.fail("the lock is held by the other thread")
    release.set()
    holder.join(10)
    assert waits == [1]


def test_a_lock_file_left_by_a_crash_blocks_nobody(tmp_path):
    target = tmp_path / "file.tif"
    lock_path(target).write_text("left by a process that was killed")
    with target_lock(target, is_cancelled=lambda: True):  # would raise if it had to wait
        pass
    assert not lock_path(target).exists()


def test_another_process_holding_the_lock_makes_this_one_wait(tmp_path):
    target = tmp_path / "file.tif"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(target), "1.0"], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        waited: list[bool] = []
        with target_lock(target, on_wait=lambda: waited.append(True)):
            held_for = time.monotonic() - started
        assert waited == [True]
        assert holder.wait(10) == 0
        assert held_for > 0.3  # it got the lock only once the other process let go
    finally:
        holder.kill()
