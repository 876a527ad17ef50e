"""Decoding big JSON answers with Python's cyclic garbage collector paused.

Why: a search page is thousands of short-lived lists and dicts. With the collector on, young
collections run in the middle of decoding, promote that half-built tree to the oldest
generation, and every few pages the interpreter then runs a full collection over every Python
object in QGIS: 50-150 ms with the GIL held, so QGIS's main thread freezes although the work
runs in a task. Paused, the tree is freed by reference counting before any collection sees it;
what survives (the scenes) goes through the usual young collections afterwards. Nothing is
lost: cycles made meanwhile are collected once the pause ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pauses the collector for the block (nestable, from any thread); it comes back on when
    the last pause ends, unless someone else had switched it off before the first."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
