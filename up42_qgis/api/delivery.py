"""The delivery steps, written once for the dock and for Processing: where each delivered file
goes (one folder layout), how a downloaded archive is unpacked, and which rasters load (one
archive policy, one suffix list). ``deliver_order`` is the whole order in one call.

Layout: ``<root>/<display name>_<first 8 of the order id>/``; the collection's assets (the
"Original Delivery" archive) at its top; when the delivery has several items, each item's
files in ``<what it is>_<first 8 of the item id>/`` (``visual_5df4b030``, ``ms_0c1d2e3f``:
the item's first raster, else its acquisition date), so equal names (``metadata.json``)
cannot clash and a person sees which folder holds what. The older layouts are still read:
the bare 8-character folders of the first dock version and the full-id folders of the first
Processing version are adopted (renamed to the new name) when found, so their finished files
are kept and their ``.part`` files resume.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .archive import MAX_UNZIPPED_BYTES, archive_folder, unpack_archive
from .errors import CancelledError, DownloadError
from .models import Asset, Delivery, StorageItem
from .safe_paths import contained_path, safe_component
from .safe_paths import order_folder as _order_folder

if TYPE_CHECKING:
    from .client import Up42Client
    from .download import DownloadEngine

__all__ = [
    "RASTER_SUFFIXES",
    "DeliveredFile",
    "adopt_old_item_folders",
    "deliver_order",
    "fetch_asset",
    "find_rasters",
    "is_raster_file",
    "order_folder",
    "plan_delivery",
    "rasters_to_load",
    "unpack",
]

# What counts as a raster to load: GeoTIFF/COG, and JPEG 2000 (Pléiades and SPOT DIMAP
# deliveries carry their bands as .JP2; GDAL reads both).
RASTER_SUFFIXES = (".tif", ".tiff", ".jp2")
SHORT_ID = 8
MAX_LABEL = 40  # the readable part of an item's folder name

AssetProgress = Callable[[Asset, int, int | None], None]
Progress = Callable[[int, int | None], None]
IsCancelled = Callable[[], bool]

log = logging.getLogger("up42_qgis.api")


def order_folder(root: str | os.PathLike[str], order_id: str, display_name: str) -> Path:
    """One folder per order: ``<display name>_<first 8 of the id>``, safe on every OS and
    always inside ``root``; a display name that is only the id adds nothing."""
    return _order_folder(root, order_id, "" if display_name == order_id else display_name)


def _item_label(item: StorageItem) -> str:
    """What the item is, for its folder name: its first raster's name ("visual", "ms"), else
    its acquisition date; "" when neither is known."""
    for asset in item.assets:
        if asset.is_raster or is_raster_file(Path(asset.key or "")):
            stem = Path(asset.key or "").stem
            label = safe_component(stem)[:MAX_LABEL]
            if label:
                return label
    return item.acquired.strftime("%Y-%m-%d") if item.acquired else ""


def _short_ids(delivery: Delivery) -> dict[str, str]:
    """item id -> the first 8 characters of its (sanitised) id, or the whole id for every
    item when two items would share 8 characters (the older layouts' folder names)."""
    short = {item.id: safe_component(item.id)[:SHORT_ID] for item in delivery.items}
    if len(set(short.values())) == len(short):
        return short
    return {item.id: safe_component(item.id)[:120] for item in delivery.items}


def _item_folders(delivery: Delivery) -> dict[str, str]:
    """item id -> its subfolder name: ``<label>_<short id>`` (see the module doc)."""
    names = {}
    for item in delivery.items:
        short = _short_ids(delivery)[item.id]
        label = _item_label(item)
        names[item.id] = f"{label}_{short}" if label else short
    return names


def plan_delivery(
    delivery: Delivery,
    root: str | os.PathLike[str],
    display_name: str,
    api_origin: str | None = None,
) -> list[tuple[Asset, Path]]:
    """Every delivered asset once, with the folder it downloads into (see the module doc).
    With ``api_origin``, assets stored outside UP42 are left out with a logged reason: their
    signed URL would have to be asked for with the token (contract §8.1; the SDK skips them)."""
    folder = order_folder(root, delivery.order_id, display_name)
    plan: list[tuple[Asset, Path]] = [(a, folder) for a in delivery.collection_assets]
    names = _item_folders(delivery) if len(delivery.items) > 1 else {}
    for item in delivery.items:
        item_folder = contained_path(folder, names[item.id]) if names else folder
        plan.extend((asset, item_folder) for asset in item.assets)
    seen: set[str] = set()
    planned: list[tuple[Asset, Path]] = []
    for asset, target in plan:
        if asset.href in seen:
            continue
        seen.add(asset.href)
        if api_origin and asset.is_foreign(api_origin):
            log.warning("%s is stored outside UP42 (%s): skipped", asset.key, asset.origin)
            continue
        planned.append((asset, target))
    return planned


def adopt_old_item_folders(delivery: Delivery, plan: Sequence[tuple[Asset, Path]]) -> None:
    """Renames the item folders of the older layouts (the bare 8 characters of the first dock
    version, the full ids of the first Processing version) to the planned ones, so their
    finished files are kept and their ``.part`` files resume."""
    if len(delivery.items) < 2:
        return
    planned = _item_folders(delivery)
    short = _short_ids(delivery)
    folders = {path for _, path in plan}
    for item in delivery.items:
        new_name = planned[item.id]
        folder = next((f for f in folders if f.name == new_name), None)
        if folder is None or folder.exists():
            continue
        for old_name in dict.fromkeys((short[item.id], safe_component(item.id))):
            old = folder.parent / old_name
            if old != folder and old.is_dir():
                # When the rename fails the files download again into the new folder.
                with contextlib.suppress(OSError):
                    old.rename(folder)
                break


@dataclass
class DeliveredFile:
    """A downloaded asset and, for an archive, the files unpacked from it."""

    asset: Asset
    path: Path
    extracted: list[Path] = field(default_factory=list)


def unpack(
    asset: Asset, path: Path, max_unzipped_bytes: int = MAX_UNZIPPED_BYTES
) -> DeliveredFile:
    """An archive (ZIP or TAR/TGZ, found by its content, whatever its name says) is unpacked
    next to itself, into a folder named after it."""
    extracted = unpack_archive(path, archive_folder(path), max_unzipped_bytes)
    return DeliveredFile(asset, path, list(extracted or ()))


def fetch_asset(
    engine: DownloadEngine,
    asset: Asset,
    folder: Path,
    *,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> DeliveredFile:
    """One asset downloaded (resumed from its ``.part``) and unpacked: the dock's file task."""
    path = engine.download_asset(asset, folder, progress=progress, is_cancelled=is_cancelled)
    if is_cancelled is not None and is_cancelled():
        raise CancelledError("Download cancelled; it will resume next time.")
    return unpack(asset, path)


def is_raster_file(path: Path) -> bool:
    return path.suffix.lower() in RASTER_SUFFIXES


def find_rasters(paths: Iterable[Path]) -> list[Path]:
    """The raster files among paths and inside any folders among them, sorted."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if is_raster_file(p))
        elif is_raster_file(path) and path.exists():
            found.add(path)
    return sorted(found)


def rasters_to_load(downloaded: Iterable[DeliveredFile]) -> list[Path]:
    """The delivered raster files (the COG items); only when there are none, the rasters
    unpacked from the archives. The "Original Delivery" repeats the image the items carry:
    the user gets it once."""
    downloaded = list(downloaded)
    direct = find_rasters(d.path for d in downloaded if not d.extracted)
    return direct or find_rasters(p for d in downloaded for p in d.extracted)


def deliver_order(
    client: Up42Client,
    order_id: str,
    root: str | os.PathLike[str],
    *,
    display_name: str | None = None,
    progress: AssetProgress | None = None,
    is_cancelled: IsCancelled | None = None,
    overwrite: bool = False,
    engine: DownloadEngine | None = None,
    max_unzipped_bytes: int = MAX_UNZIPPED_BYTES,
) -> list[Path]:
    """Everything an order delivered, laid out by ``plan_delivery`` and unpacked; returns
    ``rasters_to_load`` of it (the files a user loads). Processing's whole-order download;
    the dock runs the same plan one task per file."""
    if display_name is None:
        display_name = client.order(order_id).display_name
    delivery = client.delivery(order_id)
    if not delivery.assets:
        raise DownloadError(f"Order {order_id} has no delivered files yet.")
    plan = plan_delivery(delivery, root, display_name, client.endpoints.api)
    adopt_old_item_folders(delivery, plan)
    if engine is None:
        from .download import DownloadEngine  # loads requests: not when the dock plans at start-up

        engine = DownloadEngine(client)
    paths = engine.download_to(plan, progress, is_cancelled, overwrite)
    downloaded: list[DeliveredFile] = []
    for (asset, _), path in zip(plan, paths, strict=True):
        if is_cancelled is not None and is_cancelled():
            raise CancelledError("Download cancelled; it will resume next time.")
        downloaded.append(unpack(asset, path, max_unzipped_bytes))
    return rasters_to_load(downloaded)
