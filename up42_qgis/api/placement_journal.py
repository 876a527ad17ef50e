"""A journal of placements in progress, written BEFORE each order POST.

If QGIS or ``qgis_process`` dies between the POST and its answer, the order may exist while
nobody knows its id. The journal keeps the placement's unique request tag on disk, so the
next run looks the order up by that tag instead of placing it again; and a second run that
starts while the first one waits for its answer sees the pending entry.

Qt-free; the caller gives the path (the plugin's profile folder). Every write replaces the
file atomically (write a sibling, fsync, ``os.replace``) under an OS lock on a sidecar file,
so two processes never lose each other's entries.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .models import OrderRequest

log = logging.getLogger("up42_qgis.api")

# An entry older than this is dropped: UP42 has long answered (or the order is listed).
MAX_AGE_S = 14 * 24 * 3600
# A placement younger than this may still be waiting for its answer (the call deadline is
# 120 s, lookups after an ambiguous answer add some more).
IN_FLIGHT_S = 300.0


def request_key(request: OrderRequest) -> str:
    """The same scene, product and AOI (and a tasking request's params) give the same key
    (the name and tags do not count)."""
    aoi = json.dumps(request.aoi, sort_keys=True, separators=(",", ":"))
    text = f"{request.data_product_id}\n{request.scene_id}\n{aoi}"
    if request.params is not None:
        text += "\n" + json.dumps(request.params, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PendingPlacement:
    request_tag: str
    key: str
    display_name: str
    scene_id: str
    data_product_id: str
    started: float
    pid: int


def may_be_in_flight(entry: PendingPlacement, now: float | None = None) -> bool:
    """Whether the entry's POST may still be waiting for its answer: recent, and made by a
    process that still runs (checked on POSIX; elsewhere any recent entry counts)."""
    if (now or time.time()) - entry.started > IN_FLIGHT_S:
        return False
    if os.name == "nt" or entry.pid == os.getpid():
        return True
    try:
        os.kill(entry.pid, 0)  # signal 0: "does it exist", nothing is sent
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, but is another user's
    return True


class PlacementJournal:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    # --- what callers use ----------------------------------------------------------------
    def begin(self, request: OrderRequest, request_tag: str, display_name: str) -> None:
        """Records a placement about to be POSTed (raises OSError if it cannot: then the
        POST must not be sent, or a crash could make the order a second time)."""
        entry = PendingPlacement(
            request_tag=request_tag,
            key=request_key(request),
            display_name=display_name,
            scene_id=request.scene_id,
            data_product_id=request.data_product_id,
            started=time.time(),
            pid=os.getpid(),
        )
        with self._locked():
            entries = self._read()
            entries[request_tag] = asdict(entry)
            self._write(entries)

    def settle(self, request_tag: str) -> None:
        """The POST got a clear answer (an order id, or a refusal): forget the entry."""
        with self._locked():
            entries = self._read()
            if entries.pop(request_tag, None) is not None:
                self._write(entries)

    def pending(self, request: OrderRequest | None = None) -> list[PendingPlacement]:
        """Unsettled placements (of the same scene, product and AOI when ``request`` is
        given), oldest first."""
        key = request_key(request) if request is not None else None
        with self._locked():
            entries = self._read()
        found = []
        for value in entries.values():
            try:
                entry = PendingPlacement(**value)
            except TypeError:
                continue
            if key is None or entry.key == key:
                found.append(entry)
        return sorted(found, key=lambda e: e.started)

    # --- the file --------------------------------------------------------------------------
    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("placement journal %s unreadable (%s): starting afresh", self.path, error)
            return {}
        if not isinstance(data, dict):
            return {}
        cutoff = time.time() - MAX_AGE_S
        return {
            tag: value
            for tag, value in data.items()
            if isinstance(value, dict) and float(value.get("started") or 0) >= cutoff
        }

    def _write(self, entries: dict[str, dict[str, Any]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        with open(temporary, "w", encoding="utf-8") as out:
            json.dump(entries, out, indent=1, sort_keys=True)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, self.path)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        with open(lock_path, "a+b") as handle:
            _lock(handle.fileno())
            try:
                yield
            finally:
                _unlock(handle.fileno())


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
