"""The one store of order state a user would hate to lose: the orders being tracked, what the
plugin knows about each order beyond UP42's answer (the "download and add when fulfilled"
choice, the credits estimated when it was placed, a tasking order's quoted price) and the
downloads still to finish.

One JSON file in the plugin's data folder, written whole and atomically (a temporary file,
then ``os.replace``), so a crash mid-write leaves the previous state, never half of one.
``SettingsStore`` keeps only what the user sets or the UI remembers.

The plugin shares one store per file (``OrderStateStore.shared()``): a plugin reloaded while
orders are being placed writes to the same store as the placement that outlives it. Every
change holds the store's lock, so ``record_placed`` may run on a placement task's thread: an
order the server accepted is on disk the moment its POST returns, whatever happens to the
dialog, the dock or the plugin afterwards. Listeners (``subscribe``) hear of such orders on
the thread that recorded them.

Older versions kept this state in QgsSettings (``up42/tracked_order_ids``,
``up42/orders/notes``, ``up42/downloads/pending``): the first load without a file moves those
values here and removes the keys.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qgis.core import Qgis, QgsSettings

from ..settings import decode_container
from ..toolbelt.folders import plugin_data_dir
from ..toolbelt.notify import log

STATE_FILE_NAME = "order_state.json"
FORMAT_VERSION = 1
# Where older versions kept the state, in QgsSettings (migrated once, then removed).
LEGACY_TRACKED_KEY = "up42/tracked_order_ids"
LEGACY_NOTES_KEY = "up42/orders/notes"
LEGACY_PENDING_KEY = "up42/downloads/pending"


def default_state_path() -> Path:
    return plugin_data_dir() / STATE_FILE_NAME


@dataclass(frozen=True)
class OrderNote:
    """What the plugin remembers about one order."""

    auto_download: bool = False  # download and add to the project when fulfilled
    credits: float | None = None  # estimated when it was placed
    quoted_credits: float | None = None  # a tasking order's price, as UP42 quoted it


@dataclass(frozen=True)
class PendingDownload:
    """A download started and not finished: resumed when the plugin starts again."""

    order_id: str
    display_name: str = ""
    add_to_project: bool = True


_UNSET: Any = object()
Listener = Callable[[list[str]], None]
_shared: dict[Path, OrderStateStore] = {}
_shared_lock = threading.Lock()


class OrderStateStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_state_path()
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []
        self._tracked: list[str] = []
        self._notes: dict[str, OrderNote] = {}
        self._pending: dict[str, PendingDownload] = {}
        self._load()

    @classmethod
    def shared(cls, path: Path | None = None) -> OrderStateStore:
        """The process's one store for ``path`` (the default file unless given)."""
        path = path or default_state_path()
        with _shared_lock:
            store = _shared.get(path)
            if store is None:
                store = _shared[path] = cls(path)
            return store

    # --- tracked orders --------------------------------------------------------------------
    def tracked_ids(self) -> list[str]:
        return list(self._tracked)

    def set_tracked(self, order_ids: Iterable[str]) -> None:
        ids = list(dict.fromkeys(str(i) for i in order_ids if i))
        with self._lock:
            if ids != self._tracked:
                self._tracked = ids
                self._save()

    def add_tracked(self, order_ids: Iterable[str]) -> list[str]:
        """Tracks the ids not tracked yet; returns those."""
        with self._lock:
            asked = dict.fromkeys(str(i) for i in order_ids if i)
            new = [i for i in asked if i not in self._tracked]
            if new:
                self._tracked = [*self._tracked, *new]
                self._save()
            return new

    def remove_tracked(self, order_ids: Iterable[str]) -> None:
        gone = {str(i) for i in order_ids}
        with self._lock:
            remaining = [i for i in self._tracked if i not in gone]
            if remaining != self._tracked:
                self._tracked = remaining
                self._save()

    def record_placed(
        self, order_id: str, *, credits: float | None, auto_download: bool
    ) -> None:
        """An order the server accepted: tracked, with its estimate and the user's choice,
        saved at once. Safe on a worker thread; the listeners hear of it there."""
        if not order_id:
            return
        with self._lock:
            self.set_note(order_id, credits=credits, auto_download=auto_download)
            self.add_tracked([order_id])
            listeners = list(self._listeners)
        for listener in listeners:
            listener([order_id])

    def subscribe(self, listener: Listener) -> None:
        """``listener(ids)`` after ``record_placed`` (on the thread that recorded them)."""
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    # --- per-order notes -------------------------------------------------------------------
    def note(self, order_id: str) -> OrderNote:
        return self._notes.get(order_id, OrderNote())

    def set_note(
        self,
        order_id: str,
        *,
        auto_download: bool = _UNSET,
        credits: float | None = _UNSET,
        quoted_credits: float | None = _UNSET,
    ) -> OrderNote:
        """Changes the named fields of the order's note; returns the note as saved."""
        with self._lock:
            current = self.note(order_id)
            note = OrderNote(
                auto_download=(
                    current.auto_download if auto_download is _UNSET else bool(auto_download)
                ),
                credits=current.credits if credits is _UNSET else _credits(credits),
                quoted_credits=(
                    current.quoted_credits
                    if quoted_credits is _UNSET
                    else _credits(quoted_credits)
                ),
            )
            if note != current:
                notes = dict(self._notes)
                if note == OrderNote():
                    notes.pop(order_id, None)
                else:
                    notes[order_id] = note
                self._notes = notes
                self._save()
            return note

    # --- pending downloads -----------------------------------------------------------------
    def pending_downloads(self) -> dict[str, PendingDownload]:
        return dict(self._pending)

    def add_pending(self, order_id: str, display_name: str, add_to_project: bool) -> None:
        pending = PendingDownload(order_id, display_name, bool(add_to_project))
        with self._lock:
            if self._pending.get(order_id) != pending:
                self._pending = {**self._pending, order_id: pending}
                self._save()

    def remove_pending(self, order_id: str) -> None:
        with self._lock:
            if order_id in self._pending:
                self._pending = {k: v for k, v in self._pending.items() if k != order_id}
                self._save()

    # --- the file --------------------------------------------------------------------------
    def _load(self) -> None:
        if not self.path.exists():
            if self._migrate_from_settings():
                self._save()
                _remove_legacy_keys()
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            log(f"Cannot read {self.path}: {error}; starting empty.", Qgis.MessageLevel.Warning)
            return
        if isinstance(data, dict):
            self._read(data)

    def _read(self, data: dict[str, Any]) -> None:
        self._tracked = _id_list(data.get("tracked"))
        self._notes = _notes(data.get("notes"))
        self._pending = _pending(data.get("pending"))

    def _save(self) -> None:
        data = {
            "version": FORMAT_VERSION,
            "tracked": self._tracked,
            "notes": {
                order_id: _note_entry(note) for order_id, note in self._notes.items()
            },
            "pending": {
                p.order_id: {"name": p.display_name, "add": p.add_to_project}
                for p in self._pending.values()
            },
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(
                prefix=f".{self.path.name}.", dir=self.path.parent
            )
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                    json.dump(data, file, indent=1, sort_keys=True)
                    file.flush()
                    os.fsync(file.fileno())
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:  # the session goes on; say why it won't persist
            log(f"Could not save the order state ({self.path}): {error}", Qgis.MessageLevel.Warning)

    def _migrate_from_settings(self) -> bool:
        """Reads the state older versions kept in QgsSettings; True when there was any."""
        settings = QgsSettings()
        tracked = decode_container(settings.value(LEGACY_TRACKED_KEY, None))
        notes = decode_container(settings.value(LEGACY_NOTES_KEY, None))
        pending = decode_container(settings.value(LEGACY_PENDING_KEY, None))
        if tracked is None and notes is None and pending is None:
            return False
        self._read({"tracked": tracked, "notes": notes, "pending": pending})
        return True


def _remove_legacy_keys() -> None:
    settings = QgsSettings()
    for key in (LEGACY_TRACKED_KEY, LEGACY_NOTES_KEY, LEGACY_PENDING_KEY):
        settings.remove(key)


def _credits(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _note_entry(note: OrderNote) -> dict[str, Any]:
    entry: dict[str, Any] = {"auto_download": note.auto_download, "credits": note.credits}
    if note.quoted_credits is not None:  # files without it read as before
        entry["quoted_credits"] = note.quoted_credits
    return entry


def _id_list(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        return []
    return list(dict.fromkeys(str(i) for i in value if str(i)))


def _notes(value: Any) -> dict[str, OrderNote]:
    if not isinstance(value, dict):
        return {}
    notes = {}
    for order_id, entry in value.items():
        if isinstance(entry, dict):
            note = OrderNote(
                bool(entry.get("auto_download")),
                _credits(entry.get("credits")),
                _credits(entry.get("quoted_credits")),
            )
            if note != OrderNote():
                notes[str(order_id)] = note
    return notes


def _pending(value: Any) -> dict[str, PendingDownload]:
    if not isinstance(value, dict):
        return {}
    return {
        str(order_id): PendingDownload(
            str(order_id), str(entry.get("name", "") or ""), bool(entry.get("add", True))
        )
        for order_id, entry in value.items()
        if isinstance(entry, dict)
    }
