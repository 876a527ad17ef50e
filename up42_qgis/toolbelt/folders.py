"""The plugin's folders: its data folder in the QGIS profile and the default download folder."""

from __future__ import annotations

import os
from pathlib import Path

from qgis.core import QgsApplication

from .constants import DATA_DIR_NAME, DOWNLOAD_FOLDER_NAME


def plugin_data_dir(create: bool = False) -> Path:
    """The plugin's own folder inside the QGIS profile (footprints, quicklooks, CA bundle,
    order state); created with ``create``."""
    folder = Path(QgsApplication.qgisSettingsDirPath()) / DATA_DIR_NAME
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_download_folder() -> str:
    """``~/UP42 downloads``; inside the data folder when the home folder is not writable."""
    home = Path.home()
    base = home if home.is_dir() and os.access(home, os.W_OK) else plugin_data_dir()
    return str(base / DOWNLOAD_FOLDER_NAME)


def placement_journal_path() -> Path:
    """``<profile>/up42/placements.json``: the placements in progress, shared by the dock and
    Processing (``api.placement_journal``), so a run after a crash finds its order."""
    return plugin_data_dir() / "placements.json"


def plugin_cache_dir(name: str, create: bool = False) -> Path:
    """A cache folder (``name``: "thumbnails", …) inside the plugin's profile folder: what it
    holds can be fetched again, so deleting it loses nothing."""
    folder = plugin_data_dir() / "cache" / name
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder
