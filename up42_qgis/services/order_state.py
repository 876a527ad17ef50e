"""The one store of order state a user would hate to lose: the orders being tracked, what the
plugin knows about each order beyond UP42's answer (the "download and add when fulfilled"
choice, the credits estimated when it was placed) and the downloads still to finish.

One JSON file in the plugin's data folder, written whole and atomically (a temporary file,
then ``os.replace``), so a crash mid-write leaves the previous state, never half of one.
``SettingsStore`` keeps only what the user sets or the UI remembers. Main thread only.

Older versions kept this state in QgsSettings (``up42/tracked_order_ids``,
``up42/orders/notes``, ``up42/downloads/pending``): the first load without a file moves those
values here and removes the keys.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
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


@dataclass(frozen=True)
class PendingDownload:
    """A download started and not finished: resumed when the plugin starts again."""

    order_id: str
    display_name: str = ""
    add_to_project: bool = True


_UNSET: Any = object()


class OrderStateStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_state_path()
        self._tracked: list[str] = []
        self._notes: dict[str, OrderNote] = {}
        self._pending: dict[str, PendingDownload] = {}
        self._load()

    # --- tracked orders --------------------------------------------------------------------
    def tracked_ids(self) -> list[str]:
        return list(self._tracked)

    def set_tracked(self, order_ids: Iterable[str]) -> None:
        ids = list(dict.fromkeys(str(i) for i in order_ids if i))
        if ids != self._tracked:
            self._tracked = ids
            self._save()

    # --- per-order notes -------------------------------------------------------------------
    def note(self, order_id: str) -> OrderNote:
        return self._notes.get(order_id, OrderNote())

    def set_note(
        self, order_id: str, *, auto_download: bool = _UNSET, credits: float | None = _UNSET
    ) -> OrderNote:
        """Changes the named fields of the order's note; returns the note as saved."""
        current = self.note(order_id)
        note = OrderNote(
            auto_download=current.auto_download if auto_download is _UNSET else bool(auto_download),
            credits=current.credits if credits is _UNSET else _credits(credits),
        )
        if note != current:
            if note == OrderNote():
                self._notes.pop(order_id, None)
            else:
                self._notes[order_id] = note
            self._save()
        return note

    # --- pending downloads -----------------------------------------------------------------
    def pending_downloads(self) -> dict[str, PendingDownload]:
        return dict(self._pending)

    def add_pending(self, order_id: str, display_name: str, add_to_project: bool) -> None:
        pending = PendingDownload(order_id, display_name, bool(add_to_project))
        if self._pending.get(order_id) != pending:
            self._pending[order_id] = pending
            self._save()

    def remove_pending(self, order_id: str) -> None:
        if self._pending.pop(order_id, None) is not None:
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
                order_id: {"auto_download": note.auto_download, "credits": note.credits}
                for order_id, note in self._notes.items()
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
            note = OrderNote(bool(entry.get("auto_download")), _credits(entry.get("credits")))
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
