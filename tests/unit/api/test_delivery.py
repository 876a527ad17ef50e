"""The delivery steps both faces share (api/delivery.py): one folder layout, paths that stay
inside the order folder whatever the server sends, one archive policy, one suffix list."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

from tests.unit.api.conftest import fulfilled_order
from up42_qgis.api.delivery import (
    RASTER_SUFFIXES,
    DeliveredFile,
    adopt_old_item_folders,
    deliver_order,
    find_rasters,
    order_folder,
    plan_delivery,
    rasters_to_load,
    unpack,
)
from up42_qgis.api.models import Asset, Delivery, StorageItem

ORDER_ID = "3f1c2b7a-0000-4000-8000-000000000001"


def _asset(key: str, kind: str = "image/tiff; application=geotiff") -> Asset:
    return Asset(key=key, href=f"https://api.example/v2/assets/{key}-id", media_type=kind)


def _item(item_id: str, *assets: Asset) -> StorageItem:
    """An item whose assets' hrefs are its own (equal names in two items stay two assets)."""
    own = tuple(replace(a, href=f"{a.href}-{item_id}") for a in assets)
    return StorageItem(item_id, "c", ORDER_ID, None, None, own)


def _delivery(*items: StorageItem, zipped: bool = True) -> Delivery:
    original = (_asset("original.zip", "application/zip"),) if zipped else ()
    return Delivery(ORDER_ID, items, original)


def test_one_item_goes_into_the_order_folder(tmp_path):
    delivery = _delivery(_item("aaaaaaaa-1111", _asset("ms.tif"), _asset("metadata.json")))
    plan = plan_delivery(delivery, tmp_path, "Berlin: PHR/1")
    folder = order_folder(tmp_path, ORDER_ID, "Berlin: PHR/1")
    assert folder == tmp_path / "Berlin_ PHR_1_3f1c2b7a"
    assert [(a.key, p) for a, p in plan] == [
        ("original.zip", folder),
        ("ms.tif", folder),
        ("metadata.json", folder),
    ]


def test_several_items_get_a_subfolder_each_named_for_people(tmp_path):
    """``<its first raster>_<first 8 of the item id>``: which folder holds what, unique."""
    delivery = _delivery(
        _item("aaaaaaaa-1111", _asset("ms.tif"), _asset("metadata.json")),
        _item("bbbbbbbb-2222", _asset("visual.tif"), _asset("metadata.json")),
    )
    plan = plan_delivery(delivery, tmp_path, "Berlin")
    folder = order_folder(tmp_path, ORDER_ID, "Berlin")
    assert [p.relative_to(folder).as_posix() for _, p in plan] == [
        ".",
        "ms_aaaaaaaa",
        "ms_aaaaaaaa",
        "visual_bbbbbbbb",
        "visual_bbbbbbbb",
    ]


def test_an_item_without_a_raster_is_named_by_its_date(tmp_path):
    from datetime import UTC, datetime

    dated = replace(
        _item("aaaaaaaa-1111", _asset("metadata.json", "application/json")),
        acquired=datetime(2026, 9, 13, 10, 15, tzinfo=UTC),
    )
    bare = _item("bbbbbbbb-2222", _asset("notes.txt", "text/plain"))
    names = [p.name for _, p in plan_delivery(_delivery(dated, bare), tmp_path, "x")[1:]]
    assert names == ["2026-09-13_aaaaaaaa", "bbbbbbbb"]


def test_an_asset_listed_twice_is_planned_once(tmp_path):
    shared = _asset("ms.tif")
    item = StorageItem("aaaaaaaa", "c", ORDER_ID, None, None, (shared,))
    delivery = Delivery(ORDER_ID, (item,), (shared,))
    assert len(plan_delivery(delivery, tmp_path, "x")) == 1


def test_item_folders_with_the_same_first_8_characters_use_the_whole_ids(tmp_path):
    delivery = _delivery(
        _item("aaaaaaaa-1111", _asset("one.tif")),
        _item("aaaaaaaa-2222", _asset("two.tif")),
    )
    names = {p.name for _, p in plan_delivery(delivery, tmp_path, "x")[1:]}
    assert names == {"one_aaaaaaaa-1111", "two_aaaaaaaa-2222"}


def test_server_ids_and_names_cannot_leave_the_order_folder(tmp_path):
    delivery = _delivery(
        _item("../../../etc", _asset("a.tif")),
        _item("..", _asset("b.tif")),
        _item("/abs/olute\\x", _asset("c.tif")),
    )
    root = tmp_path / "root"
    plan = plan_delivery(delivery, root, "../../evil")
    folder = order_folder(root, ORDER_ID, "../../evil")
    assert folder.parent == root
    for _, path in plan:
        assert path == folder or path.parent == folder
        assert ".." not in path.relative_to(root).parts
    assert order_folder(root, "..", "..").parent == root


def test_the_first_processing_layout_is_adopted_so_its_part_files_resume(tmp_path):
    item_a, item_b = "aaaaaaaa-1111-4000-8000-000000000000", "bbbbbbbb-2222-4000-8000-0000000000"
    delivery = _delivery(_item(item_a, _asset("ms.tif")), _item(item_b, _asset("visual.tif")))
    plan = plan_delivery(delivery, tmp_path, "Berlin")
    folder = order_folder(tmp_path, ORDER_ID, "Berlin")
    old = folder / item_a
    old.mkdir(parents=True)
    (old / "ms.tif.part").write_bytes(b"half")
    adopt_old_item_folders(delivery, plan)
    assert (folder / "ms_aaaaaaaa" / "ms.tif.part").read_bytes() == b"half"
    assert not old.exists()


def test_the_first_dock_layout_is_adopted_so_its_part_files_resume(tmp_path):
    """The bare 8-character item folders (before the folders were named for people) are
    renamed to the new names, finished files and ``.part`` files with them."""
    item_a, item_b = "aaaaaaaa-1111-4000-8000-000000000000", "bbbbbbbb-2222-4000-8000-0000000000"
    delivery = _delivery(_item(item_a, _asset("ms.tif")), _item(item_b, _asset("visual.tif")))
    plan = plan_delivery(delivery, tmp_path, "Berlin")
    folder = order_folder(tmp_path, ORDER_ID, "Berlin")
    (folder / "aaaaaaaa").mkdir(parents=True)
    (folder / "aaaaaaaa" / "ms.tif.part").write_bytes(b"half")
    (folder / "bbbbbbbb").mkdir()
    (folder / "bbbbbbbb" / "visual.tif").write_bytes(b"done")
    adopt_old_item_folders(delivery, plan)
    assert (folder / "ms_aaaaaaaa" / "ms.tif.part").read_bytes() == b"half"
    assert (folder / "visual_bbbbbbbb" / "visual.tif").read_bytes() == b"done"
    assert not (folder / "aaaaaaaa").exists()
    assert {p for _, p in plan} >= {folder / "ms_aaaaaaaa", folder / "visual_bbbbbbbb"}
    adopt_old_item_folders(delivery, plan)  # again: nothing left to adopt, nothing breaks
    assert (folder / "ms_aaaaaaaa" / "ms.tif.part").exists()


def _tif(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"II*\x00")
    return path


def test_rasters_load_once_the_cog_items_not_the_same_image_inside_the_archive(tmp_path):
    archive = tmp_path / "original.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("IMG/ms.TIF", b"II*\x00")
        zipped.writestr("IMG/band.jp2", b"\x00\x00\x00\x0cjP")
        zipped.writestr("metadata.xml", b"<x/>")
    unpacked = unpack(_asset("original.zip", "application/zip"), archive)
    assert {p.name for p in unpacked.extracted} == {"ms.TIF", "band.jp2", "metadata.xml"}
    cog = DeliveredFile(_asset("ms.tif"), _tif(tmp_path / "item" / "ms.tif"))
    meta = DeliveredFile(_asset("metadata.json"), tmp_path / "item" / "metadata.json")
    meta.path.write_text("{}")
    assert rasters_to_load([unpacked, cog, meta]) == [cog.path]
    # Without COG items, the archive's rasters load: GeoTIFF and JPEG 2000 alike.
    assert {p.name for p in rasters_to_load([unpacked, meta])} == {"ms.TIF", "band.jp2"}


def test_one_suffix_list():
    assert RASTER_SUFFIXES == (".tif", ".tiff", ".jp2")


def test_find_rasters_looks_inside_folders(tmp_path):
    _tif(tmp_path / "a" / "x.tiff")
    _tif(tmp_path / "a" / "b" / "y.tif")
    (tmp_path / "a" / "z.txt").write_text("no")
    assert [p.name for p in find_rasters([tmp_path / "a"])] == ["y.tif", "x.tiff"]


def test_deliver_order_lays_out_a_two_item_delivery_and_returns_the_cogs(sandbox, up42, tmp_path):
    order = fulfilled_order(up42, "Layout")
    delivery = up42.delivery(order.id)
    assert len(delivery.items) == 2  # phr: multispectral and visual items
    rasters = deliver_order(up42, order.id, tmp_path)
    folder = order_folder(tmp_path, order.id, "Layout")
    assert sorted(p.name for p in rasters) == ["ms.tif", "visual.tif"]
    assert {f"{p.stem}_{p.parent.name.split('_')[-1]}" for p in rasters} == {
        p.parent.name for p in rasters
    }
    assert {p.parent.name.split("_")[-1] for p in rasters} == {i.id[:8] for i in delivery.items}
    for asset, path in plan_delivery(delivery, tmp_path, "Layout"):
        assert path.is_relative_to(folder)
        downloaded = list(path.glob("*"))
        assert downloaded, asset.key
    (archive,) = folder.glob("*.zip")
    assert find_rasters([archive.with_suffix("")])  # unpacked, but not loaded
